"""A class's work, gathered from the files a teacher collected: students' export zips
(`kit.course.storage.export_all`, the "download my work" link) and students' work folders
(a shared JupyterHub's `notebooks/my_work`). Everything is read on this machine; nothing is
written, nothing is sent anywhere.

`collect(paths)` takes files and folders. A folder is searched (hidden folders and
`.ipynb_checkpoints` aside) for `.zip` files and for work folders (a folder holding
`student.json`, `ex_*.json`, `quote_quiz.json` or `frame_annotations.json`). Each export is
one student. What cannot be used is reported by name, never stops the rest:
- a damaged zip, or one holding a file that is not good saved work: skipped, with the reason;
- a foreign zip or folder (no Framing Lab work in it): skipped;
- a second export of the same student (same name, ignoring case and spaces): the one saved
  last is used, the other is reported as a duplicate;
- inside a work folder, a damaged work file: that file is left out and reported; the
  student's other work counts.

A student's name is the one they typed (`kit.course.student`); an older export without one
is named after its file or folder.
"""
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..errors import KitError
from .i18n import t
from .storage import list_work, read_export, read_record
from .student import WORK_NAME as STUDENT

WORK_FILE = re.compile(r"(student|ex_\w+|quote_quiz|frame_annotations)\.json")
MAX_ZIP_BYTES = 100 * 2**20     # far above any student's export
_SKIPPED_FOLDERS = (".ipynb_checkpoints", "__pycache__", "node_modules")


@dataclass
class StudentWork:
    """One student's work: {work name: data}, with where it came from."""
    name: str
    named: bool                  # False: no name was typed; `name` is the file's
    edition: str | None          # "ar" / "en" as the student chose, if known
    source: str                  # the export's file or folder
    saved_at: datetime | None    # the latest save in it
    work: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)   # [(file, {"en", "ar"})] left out


@dataclass(frozen=True)
class Skipped:
    """An export that was not used, and why (in English and Arabic)."""
    source: str
    reason: dict


@dataclass
class Collection:
    students: list
    skipped: list


def collect(paths) -> Collection:
    """The students' work in `paths` (files and folders), one entry per student."""
    students, skipped = [], []
    for source in _sources([Path(p) for p in paths], skipped):
        try:
            student = _read_source(source)
        except KitError as error:
            skipped.append(Skipped(str(source), {"en": error.en, "ar": error.ar}))
            continue
        if student is None:
            skipped.append(Skipped(str(source), _reason("class_foreign")))
        else:
            students.append(student)
    return Collection(_latest_per_student(students, skipped), skipped)


# --- finding exports ----------------------------------------------------------------------

def _sources(paths: list[Path], skipped: list) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += _search(path)
        elif path.is_file():
            found.append(path)
        else:
            skipped.append(Skipped(str(path), _reason("class_missing")))
    return list(dict.fromkeys(found))


def _search(folder: Path) -> list[Path]:
    """Zips and work folders under `folder`, in a stable order."""
    found = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in _SKIPPED_FOLDERS)
        if any(WORK_FILE.fullmatch(name) for name in files):
            found.append(Path(root))
        found += [Path(root) / name for name in sorted(files) if name.lower().endswith(".zip")]
    return found


# --- reading one export -----------------------------------------------------------------

def _read_source(source: Path) -> StudentWork | None:
    """The student in a zip or work folder; None if it holds no Framing Lab work;
    KitError if a zip cannot be used."""
    if source.is_dir():
        records, problems = _read_folder(source)
    else:
        records, problems = _read_zip(source), []
    if not records:
        return None
    about = records.get(STUDENT, {}).get("data", {})
    typed = about.get("name") if isinstance(about.get("name"), str) else ""
    name = " ".join(typed.split())
    return StudentWork(
        name=name or _plain_name(source), named=bool(name),
        edition=about.get("edition") if about.get("edition") in ("ar", "en") else None,
        source=str(source), saved_at=max(_time(r) for r in records.values()),
        work={work: record["data"] for work, record in records.items()}, problems=problems)


def _read_zip(path: Path) -> dict:
    if path.suffix.lower() != ".zip":
        raise _error("class_not_zip")
    if path.stat().st_size > MAX_ZIP_BYTES:
        raise _error("class_too_big", limit=MAX_ZIP_BYTES // 2**20)
    return read_export(path.read_bytes())


def _read_folder(folder: Path) -> tuple[dict, list]:
    records, problems = {}, []
    for name in list_work(folder):
        try:
            record = read_record(name, folder)
        except KitError as error:
            problems.append((f"{name}.json", {"en": error.en, "ar": error.ar}))
            continue
        if record is not None:
            records[name] = record
    return records, problems


def _latest_per_student(students: list, skipped: list) -> list:
    """One export per student name: the one saved last; the others go to `skipped`."""
    kept: dict[str, StudentWork] = {}
    for student in sorted(students, key=lambda s: (_when(s), s.source), reverse=True):
        same = " ".join(student.name.casefold().split())
        if same in kept:
            skipped.append(Skipped(student.source, _reason("class_duplicate", name=student.name,
                                                           used=Path(kept[same].source).name)))
        else:
            kept[same] = student
    return sorted(kept.values(), key=lambda s: s.name.casefold())


# --- small helpers -----------------------------------------------------------------------

def _plain_name(source: Path) -> str:
    """A name for an export without one: its file name, or the folder above `my_work`."""
    if source.is_dir() and source.name == "my_work":
        source = source.parent.parent if source.parent.name == "notebooks" else source.parent
    return source.stem or str(source)


def _time(record: dict) -> datetime:
    return datetime.fromisoformat(record["saved_at"])


def _when(student: StudentWork) -> float:
    return student.saved_at.timestamp() if student.saved_at else 0.0


def _reason(key: str, **values) -> dict:
    return {lang: t(key, lang, **values) for lang in ("en", "ar")}


def _error(key: str, **values) -> KitError:
    reason = _reason(key, **values)
    return KitError(reason["en"], reason["ar"])
