"""Where the kit finds the course's files and keeps a student's work: the one place that knows.

A checkout (or an editable install) has `seeds/`, `exercises/` and `notebooks/` beside `kit/`;
an installed wheel carries `seeds/` and `exercises/` inside the package (`kit/seeds`,
`kit/exercises`, mapped by pyproject.toml). Each folder can be moved with an environment
variable, which wins over both.
"""
import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
SEED_NAME = "000_6066f5c852812abd.txt"


def _folder(name: str, variable: str) -> Path:
    configured = os.environ.get(variable)
    if configured:
        return Path(configured).expanduser()
    inside = PACKAGE / name          # an installed wheel
    return inside if inside.is_dir() else PACKAGE.parent / name


def seeds_dir() -> Path:
    """The seed article and the course's sample articles ($FRAMING_LAB_SEEDS)."""
    return _folder("seeds", "FRAMING_LAB_SEEDS")


def seed_path() -> Path:
    """The article the course is built around."""
    return seeds_dir() / SEED_NAME


def exercises_dir() -> Path:
    """Exercise definitions and answer keys ($FRAMING_LAB_EXERCISES)."""
    return _folder("exercises", "FRAMING_LAB_EXERCISES")


EDITIONS = ("ar", "en")
START_PAGE = "start.ipynb"


def _course_here() -> Path | None:
    """The course's notebooks folder when Jupyter runs a lesson from one of its editions (the
    current folder is the notebook's): the copy a student works in, wherever it was pulled."""
    here = Path.cwd()
    return here.parent if here.name in EDITIONS and (here.parent / START_PAGE).is_file() else None


def notebooks_dir() -> Path:
    """The course's notebooks, one folder per edition ($FRAMING_LAB_NOTEBOOKS, else the course
    the current lesson runs from, else the folder beside the package)."""
    if not os.environ.get("FRAMING_LAB_NOTEBOOKS"):
        here = _course_here()
        if here:
            return here
    return _folder("notebooks", "FRAMING_LAB_NOTEBOOKS")


def work_dir() -> Path:
    """The student's work ($FRAMING_LAB_WORK_DIR, else `my_work` in the current folder, which
    is the notebook's folder in Jupyter; made on first save). In one edition's folder of the
    course (`notebooks/ar`), the work goes beside the editions (`notebooks/my_work`), so a
    student sees the same work in both."""
    configured = os.environ.get("FRAMING_LAB_WORK_DIR")
    if configured:
        return Path(configured).expanduser()
    return (_course_here() or Path.cwd()) / "my_work"
