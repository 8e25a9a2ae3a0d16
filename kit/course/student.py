"""Who did the work: the student's name (asked once) and the course edition, kept as the work
file `student` ({"name": ..., "edition": "ar" | "en"}) beside the rest of their work, so it
travels in every export (`kit.course.storage.export_all`) to the teacher's class report.

The name is whatever the student types (any script; it is shown escaped, never as HTML).
"""
from pathlib import Path

from ..errors import KitError
from .i18n import LANGUAGES, get_language, t
from .storage import load_work, save_work

WORK_NAME = "student"
MAX_NAME = 80


class StudentNameError(KitError):
    """The name typed for the teacher is empty or too long."""


def save_student(name: str, edition: str | None = None, folder: Path | None = None) -> str:
    """Store the student's name (spaces tidied) and edition; return the name as stored.

    StudentNameError (English and Arabic) for an empty name or one over 80 characters."""
    tidy = " ".join(str(name).split())
    if not tidy or len(tidy) > MAX_NAME:
        raise StudentNameError(*(t("student_bad_name", lang, limit=MAX_NAME) for lang in ("en", "ar")))
    edition = edition if edition in LANGUAGES else get_language()
    save_work(WORK_NAME, {"name": tidy, "edition": edition}, folder)
    return tidy


def student_name(folder: Path | None = None) -> str | None:
    """The name saved for the teacher, or None (nothing saved yet, or the file is damaged)."""
    try:
        name = load_work(WORK_NAME, folder).get("name")
    except KitError:
        return None
    return name if isinstance(name, str) and name.strip() else None
