"""The course notebooks: stored without outputs and up to date with scripts/make_notebooks.py,
and every one runs top to bottom in a real kernel, in Arabic and in English, with its widgets
driven by its last cell (FRAMING_LAB_TEST=1), without a single error output.

Student work goes to a temporary folder (FRAMING_LAB_WORK_DIR), never to my_work/.
"""
import importlib.util
import json
import os
import re
import sys
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
LANGUAGES = ("ar", "en")
CELL_TIMEOUT = 120          # seconds per cell
TOTAL_BUDGET = 90           # seconds for every notebook in both languages
_timings: dict[tuple[str, str], float] = {}


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_notebooks", ROOT / "scripts" / "make_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_notebooks = _load_generator()
STEMS = [stem for stem, _, _ in make_notebooks.COURSE]


# --- stored notebooks ------------------------------------------------------------------------------

def test_every_course_notebook_is_stored_and_nothing_else():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == sorted(STEMS)


@pytest.mark.parametrize("stem", STEMS)
def test_stored_notebook_has_no_outputs_and_is_up_to_date(stem):
    stored = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    nbformat.validate(stored)
    for cell in stored.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.id
    assert stored == make_notebooks.build(stem), \
        f"{stem}.ipynb differs from what scripts/make_notebooks.py generates: run it"
    assert stored.metadata.kernelspec.name == "python3"
    assert stored.metadata.language_info.name == "python"


@pytest.mark.parametrize("stem", STEMS)
def test_notebook_shape(stem):
    """Navigation first, the language cell early, Arabic Markdown right to left, a self-check
    on this notebook's exercises, the test driver last; never pip, never a write to .ipynb."""
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    first = nb.cells[0].source
    assert '<a href="00_start_here.ipynb">الفهرس</a>' in first
    assert "[Index](00_start_here.ipynb)" in first
    position = STEMS.index(stem)
    neighbours = [STEMS[i] for i in (position - 1, position + 1) if 0 <= i < len(STEMS)]
    for neighbour in neighbours:
        assert f'href="{neighbour}.ipynb"' in first and f"]({neighbour}.ipynb)" in first
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert 'kit.set_language(os.environ.get("FRAMING_LAB_LANG", "ar"))' in code[0]
    assert f'ExerciseBox("{stem}")' in code[-2]
    assert code[-1].splitlines()[2] == "if TESTING:"
    assert nb.cells[-1].metadata["jupyter"]["source_hidden"] is True
    for source in code:
        assert "pip install" not in source and ".ipynb" not in source
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    for source in markdown:
        if source.startswith('<div dir="rtl" lang="ar">'):
            arabic_part = source.split("</div>")[0]
            # JupyterLab left-aligns a Markdown <p>: Arabic paragraphs carry their alignment.
            assert "\n\n> " not in arabic_part
            for block in arabic_part.split("\n\n")[1:]:
                if block.strip() and not block.startswith(("#", "|", "- ")) \
                        and not re.match(r"\d+\. ", block):
                    assert block.startswith('<p style="text-align: right">'), block[:80]
    titled = [s for s in markdown if s.startswith('<div dir="rtl" lang="ar">\n\n# ')]
    assert len(titled) == 1, "one Arabic title, followed by its English twin"
    english = markdown[markdown.index(titled[0]) + 1]
    assert english.startswith(f"# {stem[:2]} · ")


def test_markdown_links_point_to_notebooks_that_exist():
    for stem in STEMS:
        nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
        for cell in nb.cells:
            for target in re.findall(r'\]\(([^)]+\.ipynb)\)|href="([^"]+\.ipynb)"', cell.source):
                target = "".join(target)
                assert (NOTEBOOKS / target).is_file(), (stem, target)


# --- execution ------------------------------------------------------------------------------------

def test_the_kernel_runs_this_python():
    """The python3 kernelspec must start the venv's Python (where kit is installed)."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
    spec = KernelSpecManager().get_kernel_spec("python3")
    command = KernelManager(kernel_name="python3").format_kernel_cmd()
    assert spec.argv[0] in ("python", "python3", sys.executable) or Path(spec.argv[0]).resolve() \
        == Path(sys.executable).resolve()
    assert Path(command[0]).resolve() == Path(sys.executable).resolve()


def run_notebook(stem: str, lang: str, work_dir: Path) -> nbformat.NotebookNode:
    from nbclient import NotebookClient
    nb = nbformat.read(NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    env = {"FRAMING_LAB_WORK_DIR": str(work_dir), "FRAMING_LAB_TEST": "1",
           "FRAMING_LAB_LANG": lang}
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)   # the kernel inherits the environment of this process
    try:
        client = NotebookClient(nb, kernel_name="python3", timeout=CELL_TIMEOUT,
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        client.execute()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return nb


def _errors(nb) -> list[str]:
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"{cell.id}: {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr" \
                    and "Traceback" in output.text:
                found.append(f"{cell.id}: {output.text[:500]}")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("stem", STEMS)
def test_notebook_runs_headless(stem, lang, tmp_path):
    started = time.perf_counter()
    nb = run_notebook(stem, lang, tmp_path / "work")
    _timings[(stem, lang)] = time.perf_counter() - started
    assert _errors(nb) == []
    driven = nb.cells[-1]
    assert driven.outputs == [] or all(o.output_type != "error" for o in driven.outputs)
    # The self-check saved what the test driver answered, in the temporary folder only.
    assert (tmp_path / "work" / f"ex_{stem}.json").is_file()
    saved = json.loads((tmp_path / "work" / f"ex_{stem}.json").read_text("utf-8"))
    assert saved["data"]["answers"]
    # Widgets and charts really were displayed.
    shown = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "display_data"
             or o.output_type == "execute_result"]
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in shown)
    widget_text = json.dumps(nb.metadata.get("widgets", {}), ensure_ascii=False)
    if lang == "ar":
        assert "تحقّق من فهمك" in widget_text   # the self-check, in Arabic
    else:
        assert "Self-check" in widget_text


def test_all_notebooks_run_within_the_budget():
    """Every notebook in both languages together: under TOTAL_BUDGET seconds (measured by the
    runs above; skipped when they were not all run, e.g. with -k)."""
    if len(_timings) < len(STEMS) * len(LANGUAGES):
        pytest.skip("run the whole module to measure the total")
    total = sum(_timings.values())
    report = ", ".join(f"{stem}/{lang} {seconds:.1f}s" for (stem, lang), seconds in sorted(_timings.items()))
    print(f"\nnotebooks executed in {total:.1f}s: {report}")
    assert total < TOTAL_BUDGET, report
