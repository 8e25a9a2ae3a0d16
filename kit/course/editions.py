"""The course as notebooks: one folder per edition (`notebooks/ar`, `notebooks/en`), the same
lessons in each, every lesson in one language, all working on the same Arabic article.

The notebooks are the source: a teacher opens, edits and saves them in JupyterLab. The kit
writes only the cells tagged `navigation` (`python -m kit notebooks stamp`), from the lesson
files present and their titles (each lesson's first heading, `# NN · Title`). Everything
else that must stay consistent is checked, never rewritten (`python -m kit notebooks check`,
run by the tests): see `check()`.
"""
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import nbformat
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .i18n import LANGUAGES, t
from .paths import notebooks_dir

LESSON_FILE = re.compile(r"\d\d_[a-z0-9_]+")
TITLE = re.compile(r"^#\s+\d\d\s*·\s*(.+?)\s*$", re.MULTILINE)
LANGUAGE_LINE = re.compile(r'^kit\.set_language\("(\w+)"\)', re.MULTILINE)
NAVIGATION, SETUP, SELF_CHECK = "navigation", "setup", "self-check"


@dataclass(frozen=True)
class Lesson:
    stem: str          # "03_quotes": the same in every edition, and the exercise file's name
    path: Path
    title: str


def edition_dir(lang: str, root: Path | None = None) -> Path:
    return (root or notebooks_dir()) / lang


def lesson_title(notebook, stem: str) -> str:
    """The title of a lesson: its first `# NN · Title` heading (HTML tags removed), else its stem."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            found = TITLE.search(cell.source)
            if found:
                return re.sub(r"<[^>]+>", "", found.group(1)).strip()
    return stem


def lessons(lang: str, root: Path | None = None) -> list[Lesson]:
    """The lessons of an edition, in course order (by file name)."""
    found = []
    for path in sorted(edition_dir(lang, root).glob("*.ipynb")):
        if LESSON_FILE.fullmatch(path.stem):
            notebook = nbformat.read(path, as_version=4)
            found.append(Lesson(path.stem, path, lesson_title(notebook, path.stem)))
    return found


@lru_cache(maxsize=1)
def markdown_templates() -> Environment:
    """The Markdown cell templates of `templates/` (navigation, the app note)."""
    return Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                       autoescape=True, undefined=StrictUndefined, keep_trailing_newline=False)


def navigation_source(course: list[Lesson], position: int, lang: str) -> str:
    """The navigation cell of lesson `position`: Index, then Back and Next where they exist."""
    links = [{"label": "", "href": f"{course[0].stem}.ipynb", "title": t("nav_index", lang)}]
    for step, label in ((-1, "nav_back"), (1, "nav_next")):
        if 0 <= position + step < len(course):
            neighbour = course[position + step]
            links.append({"label": t(label, lang), "href": f"{neighbour.stem}.ipynb",
                          "title": neighbour.title})
    return markdown_templates().get_template("navigation.md.j2").render(lang=lang, links=links)


def tagged_cells(notebook, tag: str) -> list:
    return [cell for cell in notebook.cells if tag in cell.metadata.get("tags", [])]


def stamp(root: Path | None = None) -> list[Path]:
    """Rewrite the navigation cells that are out of date; return the notebooks written."""
    written = []
    for lang in LANGUAGES:
        course = lessons(lang, root)
        for position, lesson in enumerate(course):
            notebook = nbformat.read(lesson.path, as_version=4)
            expected = navigation_source(course, position, lang)
            cells = tagged_cells(notebook, NAVIGATION)
            if not cells:
                cell = nbformat.v4.new_markdown_cell(expected)
                cell.metadata["tags"] = [NAVIGATION]
                notebook.cells.insert(0, cell)
            elif cells[0].source == expected:
                continue
            else:
                cells[0].source = expected
            nbformat.write(notebook, lesson.path)
            written.append(lesson.path)
    return written
