"""Student work under classroom conditions: damaged files, several tabs saving at once, saved
data of an unexpected shape, and folders that are not what they should be."""
import io
import json
import multiprocessing
import os
import stat
import threading
import zipfile
from pathlib import Path

import pytest

from kit.course import storage
from kit.course.storage import (export_all, import_zip, load_work, recover_work, save_work,
                                saved_work_summary, update_work)
from kit.errors import SavedWorkError

posix_only = pytest.mark.skipif(os.name != "posix" or storage.fcntl is None,
                                reason="needs POSIX permissions, pipes and locks")


@pytest.fixture
def work_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path))
    return tmp_path


def good_copies(folder: Path, name: str) -> list[dict]:
    """The data of every readable work file of `name` in `folder`, whatever it is called."""
    found = []
    for path in folder.glob(f"{name}.json*"):
        try:
            found.append(storage._parse(path.read_bytes())["data"])
        except storage._Unreadable:
            pass
    return found


# --- 1. the last good copy is never rotated away ------------------------------------------------

def test_saving_twice_after_damage_keeps_the_last_good_copy(tmp_path):
    for version in (1, 2):
        save_work("notes", {"v": version}, tmp_path)
    (tmp_path / "notes.json").write_text("{cut short", "utf-8")
    save_work("notes", {"v": 3}, tmp_path)
    save_work("notes", {"v": 4}, tmp_path)
    copies = good_copies(tmp_path, "notes")
    assert {"v": 1} in copies and {"v": 4} in copies
    assert len(list(tmp_path.glob("notes.json.last-good-*"))) == 1
    assert (tmp_path / next(tmp_path.glob("notes.json.invalid-*")).name).read_text() == "{cut short"


def test_a_widget_never_saves_over_a_damaged_file_and_offers_recovery(work_dir):
    from kit.widgets.frames import FrameAnnotator

    save_work("frame_annotations", {"articles": {}}, work_dir)
    save_work("frame_annotations", {"articles": {"x": {"paragraphs": {}}}}, work_dir)
    (work_dir / "frame_annotations.json").write_text("{damaged", "utf-8")
    annotator = FrameAnnotator()
    assert isinstance(annotator.last_error, SavedWorkError)
    assert annotator.recover_button.layout.display != "none"
    annotator.frame.value = "conflict"            # an autosave...
    annotator.go(1)
    annotator.frame.value = "conflict"            # ...and another
    assert (work_dir / "frame_annotations.json").read_text("utf-8") == "{damaged"
    assert "recover_work" in annotator.last_error.en
    annotator.recover_button.click()
    assert annotator.recover_button.layout.display == "none"
    assert load_work("frame_annotations", work_dir) == {"articles": {}}
    assert list(work_dir.glob("frame_annotations.json.invalid-*"))
    again = FrameAnnotator()
    again.frame.value = "conflict"
    assert again.last_error is None and len(load_work("frame_annotations")["articles"]) == 1


def test_the_exercise_box_never_saves_over_a_damaged_file(work_dir):
    from kit.widgets.exercise_box import ExerciseBox

    (work_dir / "ex_03_quotes.json").write_text("{damaged", "utf-8")
    box = ExerciseBox("03_quotes")
    box.answer("who_wahmiya", "netanyahu")
    box.check("who_wahmiya")
    assert isinstance(box.last_error, SavedWorkError)
    assert (work_dir / "ex_03_quotes.json").read_text("utf-8") == "{damaged"


# --- 2. read-change-write under one lock (real processes) ---------------------------------------

ARTICLES = 8
SAVES = 25


def save_articles(folder: str, writer: int, start) -> None:
    os.environ["FRAMING_LAB_WORK_DIR"] = folder
    from kit.widgets.base import save_entry
    start.wait()
    for step in range(SAVES):
        save_entry("frame_annotations", f"article{writer}", {"step": step})


def run_processes(target, count: int, folder: Path) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(count)
    processes = [context.Process(target=target, args=(str(folder), n, start)) for n in range(count)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
    assert [process.exitcode for process in processes] == [0] * count


@posix_only
def test_eight_processes_saving_different_articles_to_one_file_keep_all_eight(tmp_path):
    run_processes(save_articles, ARTICLES, tmp_path)
    saved = load_work("frame_annotations", tmp_path)["articles"]
    assert saved == {f"article{n}": {"step": SAVES - 1} for n in range(ARTICLES)}


def count_up(folder: str, writer: int, start) -> None:
    start.wait()
    for _ in range(SAVES * 2):
        update_work("counter", lambda data: {"n": data.get("n", 0) + 1}, Path(folder))


@posix_only
def test_no_change_is_lost_when_two_processes_change_the_same_file(tmp_path):
    run_processes(count_up, 2, tmp_path)
    assert load_work("counter", tmp_path) == {"n": 4 * SAVES}


EXERCISES = ("who_wahmiya", "kind_wahmiya", "kind_blinken", "carried")
ANSWERS = ("netanyahu", "partial", "indirect", "miller")


def check_one_exercise(folder: str, writer: int, start) -> None:
    os.environ["FRAMING_LAB_WORK_DIR"] = folder
    from kit.widgets.exercise_box import ExerciseBox
    box = ExerciseBox("03_quotes")
    start.wait()
    for _ in range(5):
        box.answer(EXERCISES[writer], ANSWERS[writer])
        box.check(EXERCISES[writer])
    assert box.last_error is None


@posix_only
def test_exercise_boxes_in_four_processes_keep_every_answer(tmp_path):
    run_processes(check_one_exercise, len(EXERCISES), tmp_path)
    assert load_work("ex_03_quotes", tmp_path)["answers"] == dict(zip(EXERCISES, ANSWERS, strict=True))


# --- 3. saved data of another shape: restore what fits, keep saving -----------------------------

def test_an_answer_of_the_wrong_shape_does_not_block_the_others(work_dir):
    from kit.widgets.exercise_box import ExerciseBox

    save_work("ex_03_quotes", {"answers": {"who_wahmiya": ["netanyahu"], "kind_wahmiya": "partial",
                                           "kind_blinken": {"x": 1}, "cue_warned": "وحذر"}})
    box = ExerciseBox("03_quotes")
    assert box.answers == {"kind_wahmiya": "partial", "cue_warned": "وحذر"}
    assert box.score[0] == 2
    assert "who_wahmiya, kind_blinken" in box.last_error.en and "who_wahmiya" in box.last_error.ar
    box.answer("carried", "miller")
    box.check("carried")
    assert load_work("ex_03_quotes")["answers"]["carried"] == "miller"


@pytest.mark.parametrize("answers", [["a"], "text", 3, None])
def test_answers_that_are_not_a_dict_do_not_stop_saving(work_dir, answers):
    from kit.widgets.exercise_box import ExerciseBox

    save_work("ex_03_quotes", {"answers": answers})
    box = ExerciseBox("03_quotes")
    box.answer("carried", "miller")
    box.check("carried")
    assert box.last_error is None
    assert load_work("ex_03_quotes")["answers"] == {"carried": "miller"}


@pytest.mark.parametrize("articles", [["a"], "text", {"other": 5}])
def test_articles_of_another_shape_do_not_stop_the_quiz_or_the_annotator(work_dir, articles):
    from kit.widgets.frames import FrameAnnotator
    from kit.widgets.quiz import QuoteQuiz

    for name in ("quote_quiz", "frame_annotations"):
        save_work(name, {"articles": articles})
    quiz, annotator = QuoteQuiz(), FrameAnnotator()
    quiz.answer(0, **quiz.expected(0))
    quiz.check(0)
    annotator.frame.value = "conflict"
    assert quiz.last_error is None and annotator.last_error is None
    assert QuoteQuiz().score == 1 and FrameAnnotator().annotations[0]["frame"] == "conflict"


def test_saved_paragraphs_of_another_shape_are_skipped(work_dir):
    from kit.widgets.base import article_key, load_analysis
    from kit.widgets.frames import FrameAnnotator

    key = article_key(load_analysis())
    save_work("frame_annotations", {"articles": {key: {"paragraphs": {
        "0": {"frame": "conflict", "questions": 7}, "1": {"frame": "economic", "questions": ["economic:0"]}}}}})
    annotator = FrameAnnotator()
    assert annotator.last_error is None
    assert annotator.annotations == {0: {"frame": "conflict", "questions": []},
                                     1: {"frame": "economic", "questions": ["economic:0"]}}
    save_work("frame_annotations", {"articles": {key: {"paragraphs": [1, 2]}}})
    assert FrameAnnotator().last_error is None


# --- 4. the folder and the files are not what they should be ------------------------------------

@posix_only
@pytest.mark.skipif(os.name == "posix" and os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_gives_a_saved_work_error_with_the_path(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(SavedWorkError, match=str(tmp_path)):
            save_work("notes", {"a": 1}, tmp_path)
    finally:
        tmp_path.chmod(0o700)


def test_a_refused_permission_gives_a_saved_work_error_with_the_path(tmp_path, monkeypatch):
    def refused(path, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))
    monkeypatch.setattr(os, "open", refused)
    for attempt in (lambda: save_work("notes", {"a": 1}, tmp_path), lambda: load_work("notes", tmp_path)):
        with pytest.raises(SavedWorkError, match="Permission denied") as caught:
            attempt()
        assert str(tmp_path) in caught.value.ar


def test_a_file_where_the_folder_should_be_gives_a_saved_work_error(tmp_path):
    folder = tmp_path / "my_work"
    folder.write_text("not a folder")
    for attempt in (lambda: save_work("notes", {"a": 1}, folder), lambda: load_work("notes", folder),
                    lambda: recover_work("notes", folder)):
        with pytest.raises(SavedWorkError, match="my_work"):
            attempt()


@posix_only
def test_a_lock_path_that_is_a_folder_gives_a_saved_work_error(tmp_path):
    (tmp_path / ".notes.lock").mkdir()
    with pytest.raises(SavedWorkError, match=r"\.notes\.lock"):
        save_work("notes", {"a": 1}, tmp_path)


@posix_only
def test_a_lock_that_is_a_link_is_not_followed(tmp_path):
    target = tmp_path / "elsewhere" / "created"
    target.parent.mkdir()
    (tmp_path / ".notes.lock").symlink_to(target)
    with pytest.raises(SavedWorkError, match=r"\.notes\.lock"):
        save_work("notes", {"a": 1}, tmp_path)
    assert not target.exists()


def in_thread(function, timeout=10):
    """Run `function` in a thread; fail (instead of hanging the tests) if it does not return."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function()
        except Exception as error:
            outcome["error"] = error
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "it hangs"
    return outcome


@posix_only
def test_a_pipe_in_place_of_the_work_file_is_reported_not_waited_on(tmp_path):
    os.mkfifo(tmp_path / "notes.json")
    for attempt in (lambda: load_work("notes", tmp_path), lambda: save_work("notes", {"a": 1}, tmp_path),
                    lambda: recover_work("notes", tmp_path)):
        outcome = in_thread(attempt)
        assert isinstance(outcome.get("error"), SavedWorkError), outcome
        assert "not an ordinary file" in outcome["error"].en
    assert stat.S_ISFIFO((tmp_path / "notes.json").stat().st_mode)   # left alone
    assert in_thread(lambda: saved_work_summary(tmp_path)) == {"value": {}}


@posix_only
def test_temporary_files_of_a_killed_save_are_removed_by_the_next_save(tmp_path):
    save_work("notes", {"a": 1}, tmp_path)
    leftovers = [tmp_path / ".notes.json.0f3a9c1e.tmp", tmp_path / ".notes.json.bak.77aa.tmp"]
    for leftover in leftovers:
        leftover.write_bytes(b"x" * 1000)
    other = tmp_path / ".other.json.1234.tmp"
    other.write_bytes(b"y")
    save_work("notes", {"a": 2}, tmp_path)
    assert not any(leftover.exists() for leftover in leftovers)
    assert other.exists()                                  # another name's: not ours to remove


@posix_only
def test_work_files_get_the_umask_mode_and_a_save_keeps_the_mode(tmp_path):
    old = os.umask(0o022)
    try:
        path = save_work("notes", {"a": 1}, tmp_path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o640)
        save_work("notes", {"a": 2}, tmp_path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
    finally:
        os.umask(old)


@pytest.mark.parametrize("name", ["CON", "nul", "Com1", "LPT9", "aux", "PRN"])
def test_windows_device_names_are_refused(tmp_path, name):
    with pytest.raises(SavedWorkError, match="Windows keeps") as caught:
        save_work(name, {"a": 1}, tmp_path)
    assert "Windows" in caught.value.ar
    assert not list(tmp_path.glob("*.json"))
    assert save_work("CONTROL", {"a": 1}, tmp_path).name == "CONTROL.json"   # only the device names


def test_names_differing_only_in_letter_case_are_refused(tmp_path):
    save_work("notes", {"a": 1}, tmp_path)
    with pytest.raises(SavedWorkError, match="“notes”"):
        save_work("Notes", {"a": 2}, tmp_path)
    assert load_work("notes", tmp_path) == {"a": 1}
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("NOTES.json", export_entry("NOTES", {"b": 1}))
    with pytest.raises(SavedWorkError, match="“notes”"):
        import_zip(archive.getvalue(), tmp_path)
    twice = io.BytesIO()
    with zipfile.ZipFile(twice, "w") as z:
        z.writestr("a.json", export_entry("a", {"b": 1}))
        z.writestr("A.json", export_entry("A", {"b": 2}))
    with pytest.raises(SavedWorkError, match="Nothing was imported"):
        import_zip(twice.getvalue(), tmp_path / "empty")


def export_entry(name: str, data: dict) -> bytes:
    return storage._encode(name, data)


def test_a_work_file_over_the_size_limit_is_not_read_whole(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "MAX_WORK_BYTES", 1000)
    (tmp_path / "notes.json").write_bytes(storage._encode("notes", {"t": "x" * 2000}))
    with pytest.raises(SavedWorkError, match="larger than"):
        load_work("notes", tmp_path)
    assert saved_work_summary(tmp_path) == {"notes": None}


def test_export_reads_each_work_file_with_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "MAX_WORK_BYTES", 1000)
    save_work("small", {"t": "x"}, tmp_path)
    (tmp_path / "huge.json").write_bytes(storage._encode("huge", {"t": "x" * 2000}))
    with pytest.raises(SavedWorkError) as caught:
        export_all(tmp_path)
    assert "huge.json" in caught.value.en and "huge.json" in caught.value.ar
    assert "larger than" in caught.value.en and "Nothing was exported" in caught.value.en
    assert "لم يُصدَّر أي شيء" in caught.value.ar
    recover_work("huge", tmp_path)   # the way out the message gives
    assert zipfile.ZipFile(io.BytesIO(export_all(tmp_path))).namelist() == ["small.json"]


def test_a_zip_is_capped_in_total_not_only_per_file(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "MAX_IMPORT_BYTES", 3000)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:    # by hand: export_all refuses to make it
        for n in range(4):
            z.writestr(f"part{n}.json", export_entry(f"part{n}", {"t": "x" * 1000}))
    with pytest.raises(SavedWorkError, match="together") as caught:
        import_zip(archive.getvalue(), tmp_path / "to")
    assert "Nothing was imported" in caught.value.en and not (tmp_path / "to").exists()


def test_export_refuses_more_than_an_import_accepts_and_returns_nothing(tmp_path, monkeypatch):
    sizes = [len(save_work(f"part{n}", {"t": "x" * 1000}, tmp_path).read_bytes()) for n in range(4)]
    monkeypatch.setattr(storage, "MAX_IMPORT_BYTES", sum(sizes))   # exactly fits: exported...
    assert import_zip(export_all(tmp_path), tmp_path / "back") == {f"part{n}": "imported" for n in range(4)}
    monkeypatch.setattr(storage, "MAX_IMPORT_BYTES", 2 * 2**20)
    (tmp_path / "big.json").write_bytes(storage._encode("big", {"t": "x" * (2 * 2**20)}))
    with pytest.raises(SavedWorkError) as caught:                   # ...one file more: refused
        export_all(tmp_path)
    size = f"{(sum(sizes) + (tmp_path / 'big.json').stat().st_size) / 2**20:.1f}"
    assert caught.value.en.startswith(f"The work files in {tmp_path} come to {size} MB together, "
                                      "more than the 2 MB a zip of saved work may hold")
    assert "Nothing was exported" in caught.value.en
    assert f"{size} ميغابايت" in caught.value.ar and "2 ميغابايت" in caught.value.ar
    assert "لم يُصدَّر أي شيء" in caught.value.ar


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_in_a_file_are_reported_as_damage(tmp_path, constant):
    text = storage._encode("notes", {"x": 1}).decode().replace('"x": 1', f'"x": {constant}')
    (tmp_path / "notes.json").write_text(text, "utf-8")
    with pytest.raises(SavedWorkError, match="not valid JSON"):
        load_work("notes", tmp_path)


def test_lone_surrogates_are_saved_and_come_back_exactly(work_dir):
    from kit.widgets.paste import PasteBox
    from kit.widgets.quiz import QuoteQuiz

    text = "قال الوزير: «الوضع صعب \ud800 جدا» أمس.\n\nوأضاف أن المحادثات مستمرة."
    assert load_work("n", work_dir) == {}
    save_work("n", {"text": text}, work_dir)
    assert load_work("n", work_dir) == {"text": text}
    box = PasteBox()
    box.textarea.value = text
    box.analyse()
    assert box.last_error is None and load_work("pasted_article") == {"text": text}
    quiz = QuoteQuiz(text)
    assert quiz.last_error is None and quiz.quotes


def test_recover_is_offered_only_for_damage_not_for_a_newer_file(tmp_path):
    (tmp_path / "notes.json").write_text(json.dumps({
        "schema": "framing-lab/work", "version": 99, "saved_at": "2030-01-01T00:00:00+00:00",
        "name": "notes", "data": {}}), "utf-8")
    with pytest.raises(SavedWorkError) as caught:
        load_work("notes", tmp_path)
    assert caught.value.recoverable is None
    (tmp_path / "notes.json").write_text("{", "utf-8")
    with pytest.raises(SavedWorkError) as caught:
        load_work("notes", tmp_path)
    assert caught.value.recoverable == ("notes", tmp_path)
