import io
import json
import multiprocessing
import os
import pickle
import re
import zipfile
from pathlib import Path

import pytest

from kit.course import storage
from kit.errors import SavedWorkError
from kit.course.storage import (export_all, import_zip, list_work, load_work, recover_work, save_work,
                         saved_work_summary, work_dir)

ROOT = Path(__file__).resolve().parents[1]
FIRST = {"answers": {"q1": "a", "q3": "وزارة الصحة"}, "notes": ["قال الوزير", 3, 2.5, None, True]}
SECOND = {"answers": {"q1": "b"}, "notes": []}


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


def visible_files(folder: Path) -> set[str]:
    """The files a student sees (lock files are hidden and harmless)."""
    return {name for name in files_in(folder) if not name.endswith(".lock")}


def raising_on(target_name: str, real=os.replace):
    """An os.replace that fails, as a crash would, when it is about to publish `target_name`."""
    def replace(src, dst):
        if Path(dst).name == target_name:
            raise OSError("simulated crash during the save")
        return real(src, dst)
    return replace


# --- Round trip, folder, backup --------------------------------------------------------

def test_round_trip_keeps_data_and_writes_the_documented_record(tmp_path):
    path = save_work("03_quotes", FIRST, tmp_path)
    assert path == tmp_path / "03_quotes.json"
    assert load_work("03_quotes", tmp_path) == FIRST
    record = json.loads(path.read_text("utf-8"))
    assert record["schema"] == "framing-lab/work" and record["version"] == 1
    assert record["name"] == "03_quotes" and record["data"] == FIRST
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", record["saved_at"])
    assert "وزارة الصحة" in path.read_text("utf-8")  # readable Arabic, not \u escapes


def test_tuples_come_back_as_lists(tmp_path):
    save_work("spans", {"span": (3, 9)}, tmp_path)
    assert load_work("spans", tmp_path) == {"span": [3, 9]}


def test_nothing_saved_yet_loads_as_empty(tmp_path):
    assert load_work("03_quotes", tmp_path) == {}
    assert not (tmp_path / "03_quotes.json").exists()


def test_work_dir_is_the_env_var_or_my_work_and_is_made_on_first_save(tmp_path, monkeypatch):
    monkeypatch.delenv("FRAMING_LAB_WORK_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    assert work_dir() == tmp_path / "my_work"
    assert not work_dir().exists()
    save_work("a", FIRST)
    assert load_work("a", tmp_path / "my_work") == FIRST
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path / "elsewhere"))
    save_work("b", SECOND)
    assert (tmp_path / "elsewhere" / "b.json").is_file()
    assert list_work() == ["b"]


def test_previous_version_is_kept_as_bak_and_an_unchanged_save_does_not_push_it_out(tmp_path):
    save_work("notes", FIRST, tmp_path)
    assert not (tmp_path / "notes.json.bak").exists()
    save_work("notes", SECOND, tmp_path)
    backup = json.loads((tmp_path / "notes.json.bak").read_text("utf-8"))
    assert backup["data"] == FIRST
    save_work("notes", SECOND, tmp_path)  # an autosave with nothing new
    assert json.loads((tmp_path / "notes.json.bak").read_text("utf-8"))["data"] == FIRST
    assert load_work("notes", tmp_path) == SECOND


# --- Damaged and newer files -------------------------------------------------------------

class Mkdir:
    """Unpickling this runs os.mkdir: proof that a loader using pickle would run code."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return os.mkdir, (self.path,)


def damaged_contents(tmp_path: Path) -> dict[str, bytes]:
    good = (tmp_path / "notes.json").read_bytes()
    wrong_schema = {"schema": "something/else", "version": 1, "name": "notes", "data": {},
                    "saved_at": "2025-01-01T10:00:00+00:00"}
    hand_edited = json.loads(good)
    hand_edited["data"] = ["not", "a", "dict"]
    return {
        "truncated": good[: len(good) // 2],
        "empty": b"",
        "binary": bytes(range(256)) * 4,
        "wrong_schema": json.dumps(wrong_schema).encode(),
        "hand_edited": json.dumps(hand_edited).encode(),
        "bad_time": good.replace(b'"saved_at": "', b'"saved_at": "yesterday '),
        "pickle": pickle.dumps(Mkdir(str(tmp_path / "pwned"))),
    }


DAMAGE = ["truncated", "empty", "binary", "wrong_schema", "hand_edited", "bad_time", "pickle"]


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_file_is_reported_and_recovered_from_the_bak(tmp_path, damage):
    save_work("notes", FIRST, tmp_path)
    save_work("notes", SECOND, tmp_path)
    bad = damaged_contents(tmp_path)[damage]
    (tmp_path / "notes.json").write_bytes(bad)

    with pytest.raises(SavedWorkError) as caught:
        load_work("notes", tmp_path)
    for lang in ("en", "ar"):
        message = caught.value.message(lang)
        assert "notes.json" in message and 'recover_work("notes")' in message
    assert "previous good copy exists" in caught.value.en
    assert "نسخة سابقة سليمة" in caught.value.ar
    assert not (tmp_path / "pwned").exists()  # nothing in the file was run

    assert recover_work("notes", tmp_path) == FIRST
    assert load_work("notes", tmp_path) == FIRST
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("notes.json.invalid-")]
    assert len(aside) == 1 and aside[0].read_bytes() == bad


def test_the_pickle_payload_would_really_run_code(tmp_path):
    # Keeps the test above honest: the payload is live, so had load_work unpickled it, the
    # folder would exist.
    (tmp_path / "notes.json").write_text("{}")
    pickle.loads(damaged_contents(tmp_path)["pickle"])
    assert (tmp_path / "pwned").is_dir()


def test_damaged_file_without_good_copy_is_set_aside_and_work_starts_again(tmp_path):
    (tmp_path / "notes.json").write_bytes(b'{"schema": "framing-lab/wo')
    with pytest.raises(SavedWorkError, match="no good previous copy") as caught:
        load_work("notes", tmp_path)
    assert "notes.json" in caught.value.ar
    assert recover_work("notes", tmp_path) == {}
    assert load_work("notes", tmp_path) == {}
    left = [p.name for p in tmp_path.glob("notes.json*")]
    assert len(left) == 1 and left[0].startswith("notes.json.invalid-")


def test_recover_leaves_a_good_file_alone(tmp_path):
    save_work("notes", FIRST, tmp_path)
    save_work("notes", SECOND, tmp_path)
    assert recover_work("notes", tmp_path) == SECOND
    assert load_work("notes", tmp_path) == SECOND


def test_saving_over_a_damaged_file_sets_it_aside_and_keeps_the_good_bak(tmp_path):
    save_work("notes", FIRST, tmp_path)
    save_work("notes", SECOND, tmp_path)
    (tmp_path / "notes.json").write_bytes(b"\x00garbage")
    save_work("notes", {"fresh": 1}, tmp_path)
    assert load_work("notes", tmp_path) == {"fresh": 1}
    assert json.loads((tmp_path / "notes.json.bak").read_text("utf-8"))["data"] == FIRST
    aside = list(tmp_path.glob("notes.json.invalid-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"\x00garbage"


def test_file_from_a_newer_version_is_refused_and_never_overwritten_or_moved(tmp_path):
    save_work("notes", FIRST, tmp_path)
    record = json.loads((tmp_path / "notes.json").read_text("utf-8"))
    record["version"] = 2
    newer = json.dumps(record).encode()
    (tmp_path / "notes.json").write_bytes(newer)
    before = files_in(tmp_path)

    for attempt in (lambda: load_work("notes", tmp_path), lambda: recover_work("notes", tmp_path),
                    lambda: save_work("notes", SECOND, tmp_path)):
        with pytest.raises(SavedWorkError, match="newer version") as caught:
            attempt()
        assert "notes.json" in caught.value.en and "notes.json" in caught.value.ar
        assert "إصدار أحدث" in caught.value.ar
    assert (tmp_path / "notes.json").read_bytes() == newer
    assert files_in(tmp_path) == before


# --- Atomicity ---------------------------------------------------------------------------

@pytest.mark.parametrize("failing_target", ["notes.json", "notes.json.bak"])
def test_a_crash_while_replacing_leaves_the_previous_file_intact_and_no_temp_file(
        tmp_path, monkeypatch, failing_target):
    save_work("notes", FIRST, tmp_path)
    save_work("notes", SECOND, tmp_path)
    before = (tmp_path / "notes.json").read_bytes()
    monkeypatch.setattr(os, "replace", raising_on(failing_target))

    with pytest.raises(SavedWorkError, match="simulated crash"):
        save_work("notes", {"third": 3}, tmp_path)
    assert (tmp_path / "notes.json").read_bytes() == before
    assert visible_files(tmp_path) == {"notes.json", "notes.json.bak"}  # no temp file left
    # The .bak may already hold the current (intact) version: either way, a good copy.
    assert json.loads((tmp_path / "notes.json.bak").read_text("utf-8"))["data"] in (FIRST, SECOND)
    monkeypatch.undo()
    assert load_work("notes", tmp_path) == SECOND


def test_a_crash_while_writing_the_bytes_leaves_no_temp_file(tmp_path, monkeypatch):
    save_work("notes", FIRST, tmp_path)
    before = (tmp_path / "notes.json").read_bytes()

    def failing_fsync(handle):
        raise OSError("simulated power cut")
    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(SavedWorkError, match="power cut"):
        save_work("notes", SECOND, tmp_path)
    assert (tmp_path / "notes.json").read_bytes() == before
    assert visible_files(tmp_path) == {"notes.json"}


# --- Concurrency (real processes) --------------------------------------------------------

SAVES = 50
WRITERS = 4


def value_of(writer: int, step: int) -> dict:
    # Large enough that writes take a while, so unprotected writes would interleave.
    return {"writer": writer, "step": step, "text": f"{writer}:{step} " + "قال الوزير " * 2000}


def save_many(folder: str, writer: int, start) -> None:
    """One process: wait for the others, then save the shared name and its own name many
    times, loading the shared one in between (it must always be a whole, valid file)."""
    start.wait()
    for step in range(SAVES):
        save_work("shared", value_of(writer, step), Path(folder))
        save_work(f"own_{writer}", value_of(writer, step), Path(folder))
        seen = load_work("shared", Path(folder))
        assert seen["text"] == value_of(seen["writer"], seen["step"])["text"]


def test_processes_saving_at_once_never_corrupt_a_file(tmp_path):
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WRITERS)
    processes = [context.Process(target=save_many, args=(str(tmp_path), writer, start))
                 for writer in range(WRITERS)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
    assert [process.exitcode for process in processes] == [0] * WRITERS

    written = [value_of(w, s) for w in range(WRITERS) for s in range(SAVES)]
    assert load_work("shared", tmp_path) in written
    assert json.loads((tmp_path / "shared.json.bak").read_text("utf-8"))["data"] in written
    for writer in range(WRITERS):
        assert load_work(f"own_{writer}", tmp_path) == value_of(writer, SAVES - 1)
    assert visible_files(tmp_path) == {"shared.json", "shared.json.bak"} | {
        f"own_{w}.json{suffix}" for w in range(WRITERS) for suffix in ("", ".bak")}


def save_once(folder: str, ready) -> None:
    ready.set()
    save_work("shared", {"from": "child"}, Path(folder))


@pytest.mark.skipif(storage.fcntl is None, reason="no fcntl: saves are atomic but not locked")
def test_a_save_waits_while_another_process_holds_the_lock(tmp_path):
    context = multiprocessing.get_context("spawn")
    ready = context.Event()
    child = context.Process(target=save_once, args=(str(tmp_path), ready))
    with storage._locked(tmp_path / "shared.json"):
        child.start()
        assert ready.wait(timeout=60)
        child.join(timeout=1)  # the child is saving now: it must be waiting for the lock
        assert child.is_alive() and not (tmp_path / "shared.json").exists()
    child.join(timeout=60)
    assert child.exitcode == 0 and load_work("shared", tmp_path) == {"from": "child"}


# --- Refusals: names and data --------------------------------------------------------------

@pytest.mark.parametrize("name", ["../escape", "a/b", "/etc/passwd", "..", ".hidden", "", "a b",
                                  "notes.json", "نص", "a\n", "x" * 65, None, 7])
def test_unsafe_names_are_refused_everywhere_and_nothing_is_created(tmp_path, name):
    folder = tmp_path / "work"
    for attempt in (lambda: save_work(name, FIRST, folder), lambda: load_work(name, folder),
                    lambda: recover_work(name, folder)):
        with pytest.raises(SavedWorkError, match="English letters, digits") as caught:
            attempt()
        assert "03_quotes" in caught.value.ar
    assert files_in(tmp_path) == set()


class Unsaveable:
    pass


def cyclic() -> dict:
    loop = []
    loop.append(loop)
    return {"loop": loop}


@pytest.mark.parametrize("data, where", [
    ({"tags": {"a", "b"}}, "data['tags']"),
    ({"answers": [1, Unsaveable()]}, "data['answers'][1]"),
    ({"raw": b"bytes"}, "data['raw']"),
    ({"scores": {1: "a"}}, "data['scores']"),
    ({"score": float("nan")}, "data['score']"),
    ({"score": float("inf")}, "data['score']"),
    (cyclic(), "data['loop'][0]"),
    (["not", "a", "dict"], "dict"),
])
def test_data_json_cannot_hold_is_refused_before_touching_any_file(tmp_path, data, where):
    save_work("notes", FIRST, tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in files_in(tmp_path)}
    with pytest.raises(SavedWorkError, match="Nothing was saved") as caught:
        save_work("notes", data, tmp_path)
    assert where in caught.value.en and "لم يُحفظ شيء" in caught.value.ar
    assert {name: (tmp_path / name).read_bytes() for name in files_in(tmp_path)} == before
    with pytest.raises(SavedWorkError):
        save_work("fresh", data, tmp_path / "new")
    assert not (tmp_path / "new").exists()


# --- Listing, summary, export and import -----------------------------------------------------

def test_list_and_summary_show_work_files_only(tmp_path):
    assert list_work(tmp_path / "missing") == [] and saved_work_summary(tmp_path / "missing") == {}
    save_work("b_notes", FIRST, tmp_path)
    save_work("a_quotes", FIRST, tmp_path)
    save_work("a_quotes", SECOND, tmp_path)
    (tmp_path / "broken.json").write_text("{", "utf-8")
    (tmp_path / "not a name.json").write_text("{}", "utf-8")
    assert list_work(tmp_path) == ["a_quotes", "b_notes", "broken"]
    summary = saved_work_summary(tmp_path)
    assert summary["broken"] is None
    assert summary["a_quotes"] == json.loads((tmp_path / "a_quotes.json").read_text())["saved_at"]


def test_export_then_import_into_an_empty_folder(tmp_path):
    save_work("a", FIRST, tmp_path / "laptop")
    save_work("b", SECOND, tmp_path / "laptop")
    save_work("b", FIRST, tmp_path / "laptop")
    archive = export_all(tmp_path / "laptop")
    assert sorted(zipfile.ZipFile(io.BytesIO(archive)).namelist()) == ["a.json", "b.json"]

    assert import_zip(archive, tmp_path / "school") == {"a": "imported", "b": "imported"}
    assert load_work("a", tmp_path / "school") == FIRST
    assert load_work("b", tmp_path / "school") == FIRST
    assert import_zip(archive, tmp_path / "school") == {"a": "unchanged", "b": "unchanged"}


def zip_of(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def record(data: dict, saved_at: str) -> bytes:
    return json.dumps({"schema": "framing-lab/work", "version": 1, "saved_at": saved_at,
                       "name": "notes", "data": data}).encode()


def test_import_keeps_the_replaced_file_as_bak_and_never_replaces_newer_work(tmp_path):
    save_work("notes", FIRST, tmp_path)
    save_work("other", FIRST, tmp_path)
    later = zip_of({"notes.json": record(SECOND, "2999-01-01T00:00:00+00:00"),
                    "other.json": record(SECOND, "2000-01-01T00:00:00+00:00")})
    assert import_zip(later, tmp_path) == {"notes": "imported", "other": "kept"}
    assert load_work("notes", tmp_path) == SECOND
    assert json.loads((tmp_path / "notes.json.bak").read_text("utf-8"))["data"] == FIRST
    assert load_work("other", tmp_path) == FIRST


GOOD = record(FIRST, "2025-01-01T00:00:00+00:00")


@pytest.mark.parametrize("entries, said", [
    ({"good.json": GOOD, "bad.json": b"{trunc"}, "bad.json"),
    ({"good.json": GOOD, "../evil.json": GOOD}, "../evil.json"),
    ({"dir/notes.json": GOOD}, "dir/notes.json"),
    ({"notes.txt": b"hello"}, "notes.txt"),
    ({"newer.json": GOOD.replace(b'"version": 1', b'"version": 9')}, "newer.json"),
])
def test_import_checks_every_file_first_and_writes_nothing_if_one_is_bad(tmp_path, entries, said):
    save_work("good", SECOND, tmp_path)
    before = {name: (tmp_path / name).read_bytes() for name in files_in(tmp_path)}
    with pytest.raises(SavedWorkError, match="Nothing was imported") as caught:
        import_zip(zip_of(entries), tmp_path)
    assert said in caught.value.en and said in caught.value.ar
    assert {name: (tmp_path / name).read_bytes() for name in files_in(tmp_path)} == before
    assert not (tmp_path.parent / "evil.json").exists()


def test_import_refuses_what_is_not_a_zip(tmp_path):
    for data in (b"not a zip at all", export_all(tmp_path)[:10]):
        with pytest.raises(SavedWorkError, match="not a readable zip"):
            import_zip(data, tmp_path / "work")
    assert not (tmp_path / "work").exists()


# --- The module's promises, checked on its source ------------------------------------------

def test_loading_uses_json_only():
    source = Path(storage.__file__).read_text("utf-8")
    assert not re.search(r"\b(pickle|marshal|shelve|eval|exec)\b|yaml", source)


@pytest.mark.parametrize("module", ["kit/course/storage.py", "kit/course/exercises.py"])
def test_every_interface_string_used_exists_in_both_languages_with_the_same_fields(module):
    strings = json.loads((ROOT / "kit/data/ui_storage.json").read_text("utf-8"))
    source = (ROOT / module).read_text("utf-8")
    used = set(re.findall(r'"((?:storage|exercise)_[a-z0-9_]+)"', source))
    assert used and used <= set(strings)
    for key, entry in strings.items():
        assert key.startswith(("storage_", "exercise_")) and set(entry) == {"ar", "en"}
        fields = [set(re.findall(r"(?<!\{)\{(\w+)\}", entry[lang])) for lang in ("ar", "en")]
        assert fields[0] == fields[1], key
