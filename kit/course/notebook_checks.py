"""What must stay consistent in the course's notebooks, checked and never rewritten.

`check()` lists every problem as one sentence naming the notebook (empty: all is well):
- both editions have the same lessons, and every lesson has an exercise file when its
  self-check cell asks for one;
- each notebook is stored without outputs, and its navigation cell is up to date
  (`python -m kit notebooks stamp` fixes that one);
- the first code cell is tagged `setup` and sets the edition's language,
  `kit.set_language("ar")` in `notebooks/ar`;
- a lesson's self-check cell (tagged `self-check`) builds `ExerciseBox("<its own stem>")`;
- parity: the two editions' code cells are the same, cell for cell, apart from the language
  in the setup cell, so the exercises and the widgets never drift apart;
- no code installs packages or writes notebooks; every link to a notebook resolves.
A teacher's changes to Markdown cells are theirs: nothing here looks at their wording.
"""
import re
from pathlib import Path

import nbformat

from .editions import (LANGUAGE_LINE, NAVIGATION, SELF_CHECK, SETUP, Lesson, tagged_cells, lessons,
                       navigation_source)
from .i18n import LANGUAGES
from .paths import exercises_dir

LINK = re.compile(r'\]\(([^)\s]+\.ipynb)\)|href="([^"]+\.ipynb)"')
FORBIDDEN_CODE = ("pip install", ".ipynb")


def check(root: Path | None = None) -> list[str]:
    editions = {lang: lessons(lang, root) for lang in LANGUAGES}
    problems = _same_lessons(editions)
    for lang, course in editions.items():
        for position, lesson in enumerate(course):
            notebook = nbformat.read(lesson.path, as_version=4)
            problems += [f"{lang}/{lesson.path.name}: {problem}"
                         for problem in _lesson_problems(notebook, course, position, lang)]
    problems += _parity(editions)
    return problems


def _same_lessons(editions: dict[str, list[Lesson]]) -> list[str]:
    stems = {lang: [lesson.stem for lesson in course] for lang, course in editions.items()}
    first, *others = LANGUAGES
    problems = [] if stems[first] else [f"{first}: no lessons found"]
    for lang in others:
        if stems[lang] != stems[first]:
            problems.append(f"the editions have different lessons: {first} {stems[first]}, "
                            f"{lang} {stems[lang]}")
    return problems


def _lesson_problems(notebook, course: list[Lesson], position: int, lang: str) -> list[str]:
    lesson = course[position]
    return [*_stored_clean(notebook), *_navigation(notebook, course, position, lang),
            *_setup(notebook, lang), *_self_check(notebook, lesson.stem),
            *_code_rules(notebook), *_links(notebook, lesson.path.parent)]


def _stored_clean(notebook) -> list[str]:
    nbformat.validate(notebook)
    return [f"cell {cell.get('id')} is stored with outputs (clear them before saving)"
            for cell in notebook.cells
            if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]


def _navigation(notebook, course, position, lang) -> list[str]:
    cells = tagged_cells(notebook, NAVIGATION)
    if not cells or notebook.cells[0] is not cells[0]:
        return ["the first cell is not the navigation cell (tagged 'navigation')"]
    if cells[0].source != navigation_source(course, position, lang):
        return ["the navigation cell is out of date: run `python -m kit notebooks stamp`"]
    return []


def _code_cells(notebook) -> list:
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _setup(notebook, lang: str) -> list[str]:
    code = _code_cells(notebook)
    if not code or SETUP not in code[0].metadata.get("tags", []):
        return ["the first code cell is not the setup cell (tagged 'setup')"]
    found = LANGUAGE_LINE.search(code[0].source)
    if not found or found.group(1) != lang:
        return [f'the setup cell must set this edition\'s language: kit.set_language("{lang}")']
    return []


def _self_check(notebook, stem: str) -> list[str]:
    cells = tagged_cells(notebook, SELF_CHECK)
    if not cells:
        return []
    if f'ExerciseBox("{stem}")' not in cells[0].source:
        return [f'the self-check cell must build ExerciseBox("{stem}")']
    if not (exercises_dir() / f"{stem}.json").is_file():
        return [f"the self-check asks for exercises/{stem}.json, which does not exist"]
    return []


def _code_rules(notebook) -> list[str]:
    return [f"cell {cell.get('id')}: code must not contain {word!r}"
            for cell in _code_cells(notebook) for word in FORBIDDEN_CODE if word in cell.source]


def _links(notebook, folder: Path) -> list[str]:
    problems = []
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        for target in ("".join(found) for found in LINK.findall(cell.source)):
            if not (folder / target).is_file():
                problems.append(f"cell {cell.get('id')}: the link {target} leads nowhere")
    return problems


def _comparable_code(path: Path) -> list[str]:
    """The code cells of a lesson with the edition's language blanked out."""
    notebook = nbformat.read(path, as_version=4)
    return [LANGUAGE_LINE.sub('kit.set_language("…")', cell.source) for cell in _code_cells(notebook)]


def _parity(editions: dict[str, list[Lesson]]) -> list[str]:
    first, *others = LANGUAGES
    problems = []
    for lang in others:
        for mine, theirs in zip(editions[first], editions[lang], strict=False):
            if mine.stem != theirs.stem:
                continue
            a, b = _comparable_code(mine.path), _comparable_code(theirs.path)
            if a != b:
                problems.append(f"{mine.stem}: the code cells of the {first} and {lang} editions "
                                f"differ{_first_difference(a, b)}")
    return problems


def _first_difference(a: list[str], b: list[str]) -> str:
    for number, (x, y) in enumerate(zip(a, b, strict=False), 1):
        if x != y:
            return f" (code cell {number}: {x.splitlines()[0][:60]!r} / {y.splitlines()[0][:60]!r})"
    return f" ({len(a)} code cells against {len(b)})"
