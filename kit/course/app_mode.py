"""The course as an app: each lesson as a page without code, the widgets doing all the work,
for classes that should never see Python (`make app`, served by Voilà).

Voilà runs every code cell of a lesson in a new kernel and shows only the outputs and the
Markdown. Before it does, it calls `prepare_for_app` (Voilà's `prelaunch_hook`, set by
`jupyter_config/voila.py`): the Markdown cells tagged `lab-only` (how to run a cell, «Run the
next cell first») are dropped, and the first of them is replaced by a note in the lesson's
language saying that the page has no code to run and that answers are saved and come back.
The start page, which does not use the kit, loses only its `lab-only` cells: the links to the
teacher's guide and the answer keys, which Voilà cannot serve (a Markdown file) or which a
class using the app should not be shown.

Student work is saved where JupyterLab saves it (`kit.course.paths`, `$FRAMING_LAB_WORK_DIR`):
the widgets read it back when they are built, so a lesson opened again (Voilà starts a new
kernel on each visit) shows the answers given before.
"""
import nbformat

from .editions import markdown_templates
from .i18n import t
from .saved_notebooks import notebook_language, uses_the_kit

LAB_ONLY = "lab-only"


def prepare_for_app(_request=None, notebook=None, cwd=None):
    """Voilà's `prelaunch_hook(request_handler, notebook=, cwd=)`: the lesson as the app shows
    it (changed in place, and returned)."""
    if notebook is None:
        return notebook
    cells = notebook.cells
    lab_only = [i for i, cell in enumerate(cells) if LAB_ONLY in cell.get("metadata", {}).get("tags", [])]
    kept = [cell for i, cell in enumerate(cells) if i not in lab_only]
    if uses_the_kit(notebook):   # the start page has no code: no note, only its teachers' links go
        note_at = lab_only[0] if lab_only else min(1, len(cells))   # else after the navigation line
        kept.insert(note_at, app_note(notebook_language(notebook)))
    notebook.cells = kept
    return notebook


def app_note(lang: str):
    """The Markdown cell telling a student that the page has nothing to run."""
    source = markdown_templates().get_template("app_note.md.j2").render(lang=lang, note=t("app_mode_note", lang))
    return nbformat.v4.new_markdown_cell(source)
