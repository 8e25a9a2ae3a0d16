"""The package's shape: imports run one way, the engine stands alone, the wheel carries the course.

kit/ is layered in the order data flows; a module may import its own package and the packages
before it, never one after:

    engine  →  course  →  lenses  →  view  →  widgets
    (text → Analysis; course: strings, paths, exercises, work; lenses: meaning; view: HTML and
    charts; widgets: what a student clicks)

`kit/errors.py` is below everything (it imports nothing from kit); `kit/__init__.py`,
`kit/cli.py` and `kit/__main__.py` sit above everything.
"""
import ast
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KIT = ROOT / "kit"
LAYERS = ["errors", "engine", "course", "lenses", "view", "widgets"]
TOP = {"kit", "kit.cli", "kit.__main__"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool) -> list[str]:
    """Every kit module `source` imports (at the top or inside functions), as absolute names."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found += [base] + [f"{base}.{alias.name}" for alias in node.names]
    return [name for name in found if name == "kit" or name.startswith("kit.")]


def layer(module: str) -> int | None:
    """The layer of a kit module; None for the top (may import anything)."""
    if module in TOP:
        return None
    return LAYERS.index(module.split(".")[1])


def wrong_way(module: str, imports: list[str]) -> list[str]:
    mine = layer(module)
    if mine is None:
        return []
    return [name for name in imports
            if name != "kit" and name.split(".")[1] in LAYERS and layer(name) > mine] + \
           [name for name in imports if name == "kit" or name.split(".")[1] == "cli"]


def test_every_import_in_kit_runs_the_way_data_flows():
    problems = []
    for path in sorted(KIT.rglob("*.py")):
        module = module_name(path)
        imports = imported_modules(path.read_text("utf-8"), module, path.name == "__init__.py")
        problems += [f"{module} imports {name}" for name in wrong_way(module, imports)]
    assert problems == []


def test_every_module_is_in_a_layer():
    modules = {module_name(path) for path in KIT.rglob("*.py")}
    assert {m for m in modules if m not in TOP and m.split(".")[1] not in LAYERS} == set()


@pytest.mark.parametrize("module, source, culprit", [
    ("kit.engine.subjects", "from ..lenses.highlights import frames", "kit.lenses.highlights"),
    ("kit.lenses.voices", "def f():\n    from kit.widgets import SourceMap", "kit.widgets"),
    ("kit.course.paths", "from ..view import render", "kit.view"),
    ("kit.view.render", "import kit", "kit"),
])
def test_the_direction_check_catches_an_import_against_the_flow(module, source, culprit):
    imports = imported_modules(source, module, is_package=False)
    assert culprit in wrong_way(module, imports)


def test_analysing_loads_neither_widgets_nor_plots():
    script = ("import sys, kit\n"
              "a = kit.analyze(text='وقال الوزير أحمد سالم: \"الاتفاق قريب\".')\n"
              "assert a.quotes[0].speaker == 'أحمد سالم', a.quotes\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('ipywidgets', 'matplotlib', 'IPython', 'kit')))\n")
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT, check=True).stdout
    assert "ipywidgets" not in loaded and "matplotlib" not in loaded and "IPython" not in loaded
    assert "kit.widgets" not in loaded and "kit.view" not in loaded


def test_no_function_in_kit_is_more_complex_than_15():
    """McCabe complexity as radon counts it (each `and`/`or` is a branch): stricter than ruff's
    C901, which CI also runs. Complex reading is split into named steps instead."""
    from radon.complexity import cc_visit
    too_complex = [f"{path.relative_to(ROOT)}:{block.name} ({block.complexity})"
                   for path in sorted(KIT.rglob("*.py")) for block in cc_visit(path.read_text("utf-8"))
                   if block.complexity > 15]
    assert too_complex == []


def test_kit_declares_its_public_names():
    import kit
    assert set(kit.__all__) >= {"analyze", "Analysis", "Quote", "Source", "KitError", "InputError",
                                "set_language", "get_language"}
    assert all(hasattr(kit, name) for name in kit.__all__)


def test_the_wheel_carries_the_seeds_the_exercises_and_the_templates(tmp_path):
    """A `pip install` user gets the course's data: seeds and exercises are mapped into the
    package (pyproject.toml), and the installed kit finds them there."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("framing_lab-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in ("kit/seeds/000_6066f5c852812abd.txt", "kit/seeds/000_6066f5c852812abd.json",
                     "kit/seeds/samples/samples.json", "kit/exercises/03_quotes.json",
                     "kit/exercises/frame_key.json", "kit/course/templates/navigation.md.j2",
                     "kit/data/cue_verbs.tsv", "kit/engine/analysis.py", "kit/widgets/quiz.py"):
        assert expected in names, expected
    # The server extension that saves lessons without stale widget views is enabled on install.
    assert any(name.endswith(".data/data/etc/jupyter/jupyter_server_config.d/framing_lab.json")
               for name in names)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    script = ("import kit\nfrom kit.course import paths\nfrom kit.course.samples import sample_text\n"
              "assert paths.seed_path().is_file() and 'site' in str(paths.seed_path()), paths.seed_path()\n"
              "assert (paths.exercises_dir() / '03_quotes.json').is_file()\n"
              "assert kit.analyze(paths.seed_path()).quotes and sample_text('school_year')\n"
              "print('ok')")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=tmp_path, env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert result.stdout.strip() == "ok", result.stderr[-2000:]


def test_a_lesson_run_from_a_pulled_copy_finds_that_copy(tmp_path, monkeypatch):
    """On a hub each student's course is a copy in their home, while the kit is installed once:
    titles and work come from the copy the lesson runs from."""
    from kit.course import paths
    course = tmp_path / "home" / "course" / "notebooks"
    (course / "en").mkdir(parents=True)
    (course / "start.ipynb").write_text("{}", "utf-8")
    monkeypatch.delenv("FRAMING_LAB_NOTEBOOKS", raising=False)
    monkeypatch.delenv("FRAMING_LAB_WORK_DIR", raising=False)
    monkeypatch.chdir(course / "en")
    assert paths.notebooks_dir() == course and paths.work_dir() == course / "my_work"
    monkeypatch.chdir(tmp_path)
    assert paths.work_dir() == tmp_path / "my_work" and paths.notebooks_dir() != course
