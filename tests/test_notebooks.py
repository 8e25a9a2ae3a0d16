"""The course notebooks: two editions (notebooks/ar, notebooks/en) that teachers edit.

- The stored course passes the consistency checks (kit.course.notebook_checks): same lessons
  and code in both editions, navigation up to date, the edition's language in the setup cell,
  a self-check on the lesson's own exercises, no outputs.
- A teacher's edits survive: a changed Markdown cell, a renamed lesson, a new lesson.
- Every notebook runs top to bottom in a real kernel, in its edition's language, without a
  single error output, with its widgets driven by the test's own cell
  (tests/notebook_drivers/<lesson>.py), which is added to the copy that runs, never stored.

Student work goes to a temporary folder (FRAMING_LAB_WORK_DIR), never to my_work/.
"""
import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest

from kit.course import editions, notebook_checks
from kit.course.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
DRIVERS = Path(__file__).resolve().parent / "notebook_drivers"
STEMS = [lesson.stem for lesson in editions.lessons("ar")]
CELL_TIMEOUT = 120          # seconds per cell


# --- the stored course -----------------------------------------------------------------------------

def test_both_editions_hold_the_whole_course_and_nothing_else():
    exercises = sorted(p.stem for p in (ROOT / "exercises").glob("[0-9][0-9]_*.json"))
    assert STEMS == exercises and len(STEMS) == 7
    for lang in LANGUAGES:
        stored = sorted(p.name for p in (NOTEBOOKS / lang).iterdir() if p.suffix == ".ipynb")
        assert stored == [f"{stem}.ipynb" for stem in STEMS], lang
    assert sorted(p.name for p in DRIVERS.glob("[0-9]*.py")) == [f"{stem}.py" for stem in STEMS]


def test_the_stored_course_passes_every_consistency_check():
    assert notebook_checks.check() == []


def test_stamping_the_stored_course_changes_nothing(tmp_path):
    copy = _copy_course(tmp_path)
    assert editions.stamp(copy) == []


def test_each_edition_speaks_one_language():
    for stem in STEMS:
        arabic = _markdown(NOTEBOOKS / "ar" / f"{stem}.ipynb")
        english = _markdown(NOTEBOOKS / "en" / f"{stem}.ipynb")
        # Arabic Markdown is a right-to-left block; the English edition has none of those.
        assert all(source.startswith('<div dir="rtl" lang="ar">') for source in arabic), stem
        assert not any('dir="rtl"' in source for source in english), stem
        assert editions.lesson_title(nbformat.read(NOTEBOOKS / "en" / f"{stem}.ipynb", 4), stem) \
            != editions.lesson_title(nbformat.read(NOTEBOOKS / "ar" / f"{stem}.ipynb", 4), stem)


def test_the_start_page_leads_to_both_editions():
    start = nbformat.read(NOTEBOOKS / "start.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in start.cells)
    assert 'href="ar/00_start_here.ipynb"' in text and 'href="en/00_start_here.ipynb"' in text
    assert all(cell.cell_type == "markdown" for cell in start.cells)


# --- what the checks catch, and what a teacher may change -----------------------------------------

def _copy_course(tmp_path: Path) -> Path:
    copy = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS, copy, ignore=shutil.ignore_patterns("my_work", ".ipynb_checkpoints"))
    return copy


def _markdown(path: Path) -> list[str]:
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


def _edit(path: Path, change) -> None:
    notebook = nbformat.read(path, as_version=4)
    change(notebook)
    nbformat.write(notebook, path)


def test_a_teachers_markdown_edit_survives_stamping_checking_and_running(tmp_path):
    copy = _copy_course(tmp_path)
    lesson = copy / "ar" / "03_quotes.ipynb"
    note = "ملاحظة من المعلمة: ناقشوا هذا السؤال في مجموعات من ثلاثة."

    def add_note(notebook):
        markdown = [c for c in notebook.cells if c.cell_type == "markdown"]
        markdown[3].source += f"\n\n{note}"
    _edit(lesson, add_note)
    editions.stamp(copy)
    assert notebook_checks.check(copy) == []
    ran = run_notebook(lesson, tmp_path / "work")
    assert any(note in cell.source for cell in ran.cells)
    assert any(note in source for source in _markdown(lesson))


def test_renaming_a_lesson_updates_its_neighbours_navigation(tmp_path):
    copy = _copy_course(tmp_path)

    def rename(notebook):
        for cell in notebook.cells:
            cell.source = cell.source.replace("# 02 · Sourcing: who speaks?", "# 02 · Who gets to speak")
    _edit(copy / "en" / "02_sourcing.ipynb", rename)
    assert any("navigation cell is out of date" in p for p in notebook_checks.check(copy))
    written = editions.stamp(copy)
    assert sorted(p.name for p in written) == ["01_anatomy.ipynb", "03_quotes.ipynb"]
    assert "[Who gets to speak](02_sourcing.ipynb)" in _markdown(copy / "en" / "03_quotes.ipynb")[0]
    assert notebook_checks.check(copy) == []


def test_the_command_line_checks_and_stamps_a_copy_of_the_course(tmp_path):
    import subprocess
    import sys
    copy = _copy_course(tmp_path)
    lesson = copy / "ar" / "05_reframe.ipynb"
    _edit(lesson, lambda nb: nb.cells.__setitem__(0, nbformat.v4.new_markdown_cell("🧭 old links")))
    command = [sys.executable, "-m", "kit", "notebooks"]
    checked = subprocess.run([*command, "check", "--root", str(copy)], capture_output=True, text=True)
    assert checked.returncode == 1
    assert "ar/05_reframe.ipynb: the first cell is not the navigation cell" in checked.stderr
    _edit(lesson, lambda nb: nb.cells.pop(0))      # the teacher deleted it: stamp puts it back
    stamped = subprocess.run([*command, "stamp", "--root", str(copy)], capture_output=True, text=True)
    assert stamped.returncode == 0, stamped.stderr
    assert f"updated the navigation of {lesson}" in stamped.stdout
    assert "The two editions are consistent." in stamped.stdout


def test_a_new_lesson_joins_the_navigation_and_must_exist_in_both_editions(tmp_path):
    copy = _copy_course(tmp_path)
    for lang, title in (("ar", "درس إضافي"), ("en", "An extra lesson")):
        new = copy / lang / "07_extra.ipynb"
        shutil.copy(copy / lang / "01_anatomy.ipynb", new)

        def retitle(notebook, title=title):
            for cell in notebook.cells:
                if cell.cell_type == "markdown" and "# 01 · " in cell.source:
                    cell.source = cell.source.split("# 01 · ")[0] + f"# 07 · {title}"
                    break
            # A lesson without exercises of its own has no self-check cell.
            notebook.cells = [c for c in notebook.cells if "self-check" not in c.metadata.get("tags", [])]
        _edit(new, retitle)
        if lang == "ar":
            assert any("different lessons" in p for p in notebook_checks.check(copy))
    editions.stamp(copy)
    assert notebook_checks.check(copy) == []
    assert "[An extra lesson](07_extra.ipynb)" in _markdown(copy / "en" / "06_bring_your_own.ipynb")[0]


@pytest.mark.parametrize("change, problem", [
    (lambda nb: nb.cells.__setitem__(3, nbformat.v4.new_code_cell('import kit\nkit.set_language("ar")')),
     "the first code cell is not the setup cell"),
    (lambda nb: [c for c in nb.cells if c.cell_type == "code"][2].__setitem__("source", "x = 1"),
     "the code cells of the ar and en editions differ"),
    (lambda nb: nb.cells.append(nbformat.v4.new_code_cell("!pip install requests")),
     "code must not contain 'pip install'"),
    (lambda nb: nb.cells[1].__setitem__("source", "[old](99_gone.ipynb)"),
     "the link 99_gone.ipynb leads nowhere"),
])
def test_the_checks_catch_drift(tmp_path, change, problem):
    copy = _copy_course(tmp_path)
    _edit(copy / "en" / "04_framing.ipynb", change)
    problems = notebook_checks.check(copy)
    assert any(problem in p for p in problems), problems


def test_a_setup_cell_in_the_wrong_language_is_caught(tmp_path):
    copy = _copy_course(tmp_path)

    def english(notebook):
        setup = editions.tagged_cells(notebook, editions.SETUP)[0]
        setup.source = setup.source.replace('kit.set_language("ar")', 'kit.set_language("en")')
    _edit(copy / "ar" / "02_sourcing.ipynb", english)
    assert 'ar/02_sourcing.ipynb: the setup cell must set this edition\'s language: ' \
           'kit.set_language("ar")' in notebook_checks.check(copy)


# --- execution ------------------------------------------------------------------------------------

def test_the_kernel_runs_this_python():
    """The python3 kernelspec must start the venv's Python (where kit is installed)."""
    import sys
    from jupyter_client.manager import KernelManager
    command = KernelManager(kernel_name="python3").format_kernel_cmd()
    assert Path(command[0]).resolve() == Path(sys.executable).resolve()


def run_notebook(path: Path, work_dir: Path, driver: str | None = None) -> nbformat.NotebookNode:
    """Execute a copy of the notebook at `path` (with `driver` as an extra last cell) in its folder."""
    from nbclient import NotebookClient
    notebook = nbformat.read(path, as_version=4)
    if driver:
        notebook.cells.append(nbformat.v4.new_code_cell(driver))
    saved = os.environ.get("FRAMING_LAB_WORK_DIR")
    os.environ["FRAMING_LAB_WORK_DIR"] = str(work_dir)   # the kernel inherits this process's environment
    try:
        NotebookClient(notebook, kernel_name="python3", timeout=CELL_TIMEOUT,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        if saved is None:
            os.environ.pop("FRAMING_LAB_WORK_DIR", None)
        else:
            os.environ["FRAMING_LAB_WORK_DIR"] = saved
    return notebook


def _errors(notebook) -> list[str]:
    found = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"{cell.id}: {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr" \
                    and "Traceback" in output.text:
                found.append(f"{cell.id}: {output.text[:500]}")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("stem", STEMS)
def test_notebook_runs_headless_with_its_widgets_driven(stem, lang, tmp_path):
    driver = (DRIVERS / "_shared.py").read_text("utf-8") + "\n" + (DRIVERS / f"{stem}.py").read_text("utf-8")
    notebook = run_notebook(NOTEBOOKS / lang / f"{stem}.ipynb", tmp_path / "work", driver)
    assert _errors(notebook) == []
    # The driver's answers were saved by the self-check, in the temporary folder only.
    saved = json.loads((tmp_path / "work" / f"ex_{stem}.json").read_text("utf-8"))
    assert saved["data"]["answers"]
    shown = [o for c in notebook.cells for o in c.get("outputs", [])
             if o.output_type in ("display_data", "execute_result")]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in shown)
    # The widgets speak the edition's language without any code being edited.
    widget_text = json.dumps(notebook.metadata.get("widgets", {}), ensure_ascii=False)
    assert ("تحقّق من فهمك" if lang == "ar" else "Self-check") in widget_text
    assert ("Self-check" if lang == "ar" else "تحقّق من فهمك") not in widget_text


# --- what a save keeps ------------------------------------------------------------------------------

def test_saving_a_lesson_replaces_widget_views_with_a_line_in_its_language():
    from kit.course.saved_notebooks import clear_widget_views
    from kit.widgets.base import _PAGE_SCRIPT
    view = {"output_type": "display_data", "metadata": {},
            "data": {"application/vnd.jupyter.widget-view+json": {"model_id": "abc"}, "text/plain": "VBox()"}}
    printed = {"output_type": "stream", "name": "stdout", "text": "15 quotes\n"}
    for lang, note in (("ar", "شغّل هذه الخلية مرة أخرى"), ("en", "Run this cell again")):
        lesson = nbformat.read(NOTEBOOKS / lang / "03_quotes.ipynb", as_version=4)
        code = [c for c in lesson.cells if c.cell_type == "code"]
        script = {"output_type": "display_data", "metadata": {},
                  "data": {"application/javascript": _PAGE_SCRIPT, "text/plain": "<Javascript>"}}
        code[1].outputs = [nbformat.from_dict(printed), nbformat.from_dict(view),
                           nbformat.from_dict(script)]
        lesson.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
        model = {"type": "notebook", "content": json.loads(nbformat.writes(lesson))}
        clear_widget_views(model, path=f"notebooks/{lang}/03_quotes.ipynb")
        outputs = [c for c in model["content"]["cells"] if c["cell_type"] == "code"][1]["outputs"]
        assert "".join(outputs[0]["text"]) == printed["text"] and note in outputs[1]["data"]["text/plain"][0]
        assert len(outputs) == 2                               # the kit's page script is dropped
        assert "widgets" not in model["content"]["metadata"]
    # A notebook that does not use the kit is saved as it is.
    other = {"type": "notebook", "content": {"cells": [{"cell_type": "code", "source": "import ipywidgets",
                                                        "outputs": [view]}], "metadata": {}}}
    clear_widget_views(other)
    assert other["content"]["cells"][0]["outputs"] == [view]
