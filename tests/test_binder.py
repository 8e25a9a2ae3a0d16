"""Binder cannot be reached from here: check environment.yml instead. It must parse, list every
runtime dependency of pyproject.toml (and nothing unknown), and pin the versions we test with."""
import re
import tomllib
from importlib.metadata import version

from conftest import ROOT

# conda-forge names for the PyPI packages (matplotlib-base is matplotlib without Qt).
CONDA_NAME = {"matplotlib": "matplotlib-base"}
ALLOWED_EXTRA = {"python", "pip"}


def _environment() -> dict[str, str]:
    """name -> pinned version of the conda dependencies (a tiny YAML reader: the file is flat)."""
    text = (ROOT / "environment.yml").read_text("utf-8")
    assert re.search(r"^channels:\n  - conda-forge$", text, re.M)
    pins = {}
    for line in text.split("dependencies:", 1)[1].splitlines():
        m = re.fullmatch(r"  - ([A-Za-z0-9_.-]+)(?:=([0-9.*]+))?", line)
        if m:
            pins[m.group(1)] = m.group(2) or ""
        elif line.strip() and not line.lstrip().startswith("#"):
            raise AssertionError(f"unexpected line in environment.yml: {line!r}")
    return pins


def _runtime_dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    return [re.split(r"[<>=!~ \[]", d, maxsplit=1)[0].lower() for d in project["dependencies"]]


def test_environment_lists_exactly_the_runtime_dependencies():
    pins = _environment()
    wanted = {CONDA_NAME.get(name, name) for name in _runtime_dependencies()}
    assert wanted <= set(pins), wanted - set(pins)
    assert set(pins) - wanted <= ALLOWED_EXTRA, set(pins) - wanted - ALLOWED_EXTRA


def test_pins_match_the_versions_the_tests_run_with():
    pins = _environment()
    for name in _runtime_dependencies():
        pin = pins[CONDA_NAME.get(name, name)]
        assert pin, f"{name} is not pinned in environment.yml"
        assert version(name).startswith(pin), (name, version(name), pin)


def test_kit_is_installed_by_postbuild_and_binder_opens_the_start_page():
    assert "pip install --no-deps -e ." in (ROOT / "postBuild").read_text("utf-8")
    assert not (ROOT / "binder").exists(), "repo2docker ignores environment.yml when binder/ exists"
    readme = (ROOT / "README.md").read_text("utf-8")
    # Binder and `make lab` both land on the start page, one click from either edition.
    assert "urlpath=lab/tree/notebooks/start.ipynb" in readme
    # The second link: the same start page in the no-code app (Voilà's server extension).
    assert "urlpath=voila/render/notebooks/start.ipynb" in readme
    assert "notebooks/start.ipynb" in (ROOT / "Makefile").read_text("utf-8")
    assert (ROOT / "notebooks" / "start.ipynb").is_file()
