"""The no-code app (`make app`): the lessons served by Voilà as pages without code, the widgets
doing the work (kit/course/app_mode.py, kit/course/jupyter_config/voila.py).

The browser tests start Voilà as `make app` does, on a free port with a temporary work folder,
open a lesson in both editions in headless Chromium, answer a self-check question and open the
page again (a new kernel) to see the answer restored. Screenshots: artifacts/browser/app_*.png.
"""
from __future__ import annotations

import json

import nbformat
import pytest
from traitlets.config.loader import PyFileConfigLoader

from browser_support import ARTIFACTS, WAIT_MS, computed, save_png, start_app, stop_lab
from conftest import ROOT
from kit.course.app_mode import LAB_ONLY, app_note, prepare_for_app
from kit.course.i18n import t
from kit.course.storage import load_work

LESSONS = sorted((ROOT / "notebooks").glob("[ae][rn]/0*.ipynb"))
CONFIG = ROOT / "kit" / "course" / "jupyter_config"
TEMPLATE = ROOT / "kit" / "course" / "jupyter_data" / "voila" / "templates" / "framing-lab"


def _lesson(path):
    return nbformat.read(path, as_version=4)


# --- what the app shows of a lesson (no browser) ----------------------------------------------

@pytest.mark.parametrize("path", LESSONS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_app_drops_what_only_jupyterlab_needs_and_says_how_the_page_works(path):
    lang = path.parent.name
    kept = [c.source for c in _lesson(path).cells if LAB_ONLY not in c.metadata.get("tags", [])]
    shown = [c.source for c in prepare_for_app(None, notebook=_lesson(path), cwd=str(path.parent)).cells]
    assert "Shift + Enter" not in "\n".join(shown), "a cell asks to run code: tag it lab-only"
    note = app_note(lang).source
    assert shown.count(note) == 1 and t("app_mode_note", lang) in note
    # Every other cell, code and Markdown, stays in order.
    assert [s for s in shown if s != note] == kept


def test_the_note_replaces_the_first_lab_only_cell_in_the_lessons_language():
    lesson = _lesson(ROOT / "notebooks" / "ar" / "03_quotes.ipynb")
    at = next(i for i, c in enumerate(lesson.cells) if LAB_ONLY in c.metadata.get("tags", []))
    shown = prepare_for_app(None, notebook=lesson)
    assert shown.cells[at].source.startswith('<div dir="rtl" lang="ar">')
    assert t("app_mode_note", "ar") in shown.cells[at].source
    assert shown.cells[at + 1].metadata.get("tags") == ["setup"]


def test_the_start_page_loses_only_its_teachers_links():
    """Voilà serves notebooks only: a link to teacher_guide.md answered 403, and a class using
    the app has no use for the answer keys."""
    in_lab = [c.source for c in _lesson(ROOT / "notebooks" / "start.ipynb").cells]
    shown = [c.source for c in prepare_for_app(None, notebook=_lesson(ROOT / "notebooks" / "start.ipynb")).cells]
    assert "teacher_guide.md" in "\n".join(in_lab) and "teacher_guide.md" not in "\n".join(shown)
    assert "teacher_keys" not in "\n".join(shown)
    assert [s for s in in_lab if "teacher_" not in s] == shown   # nothing else goes, no note comes
    assert "ar/00_start_here.ipynb" in shown[0] and "en/00_start_here.ipynb" in shown[1]


def test_voila_reads_the_hook_from_the_kits_config_folder():
    config = PyFileConfigLoader("voila.py", path=str(CONFIG)).load_config()
    assert config.VoilaConfiguration.prelaunch_hook is prepare_for_app
    assert config.VoilaConfiguration.strip_sources is True
    # Kernels of closed pages go after five idle minutes; an open page keeps its kernel.
    assert config.MappingKernelManager.cull_idle_timeout == 300
    assert config.MappingKernelManager.cull_connected is False
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "JUPYTER_CONFIG_PATH=$(CURDIR)/kit/course/jupyter_config JUPYTER_PATH=$(CURDIR)/kit/course/jupyter_data" \
        in makefile
    assert "cp kit/course/jupyter_config/voila.py" in (ROOT / "postBuild").read_text("utf-8")


def test_the_page_template_is_chosen_where_voila_finds_it_and_drops_the_cdn(monkeypatch):
    """Voilà's lab template links Font Awesome from a CDN, which a classroom network may drop;
    the kit's template removes the links, and is chosen only where it is installed (else Voilà
    would refuse to start)."""
    monkeypatch.setenv("JUPYTER_PATH", str(TEMPLATE.parents[2]))
    assert PyFileConfigLoader("voila.py", path=str(CONFIG)).load_config().VoilaConfiguration.template == "framing-lab"
    monkeypatch.setattr("jupyter_core.paths.jupyter_path", lambda *parts: [str(ROOT / "tests")])   # not there
    assert "template" not in PyFileConfigLoader("voila.py", path=str(CONFIG)).load_config().VoilaConfiguration
    # Installed as the kit installs it: pip (data files), Binder (postBuild).
    pyproject, post_build = (ROOT / "pyproject.toml").read_text("utf-8"), (ROOT / "postBuild").read_text("utf-8")
    assert all(f"kit/course/jupyter_data/voila/templates/framing-lab/{name}" in pyproject
               for name in ("conf.json", "index.html.j2"))
    assert "cp -r kit/course/jupyter_data/voila/templates/framing-lab" in post_build



# --- in the browser ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def app(chromium, tmp_path_factory):
    server = start_app(ROOT, tmp_path_factory.mktemp("app"))
    yield server
    stop_lab(server)


def _open(page, app, path: str) -> None:
    """Open a page of the app and wait until Voilà has run every cell and shows the page."""
    page.goto(f"{app.url}/voila/render/{path}", timeout=120_000)
    try:
        page.locator("#rendered_cells").wait_for(state="visible", timeout=120_000)
        page.locator(".fl-exercises .fl-exercise-check").first.wait_for(timeout=WAIT_MS)
    except Exception as error:
        raise AssertionError(f"{path} did not render in Voilà; its log ends with:\n{app.log()}") from error


def _shot(page, name: str) -> None:
    """The whole page: Voilà scrolls inside #rendered_cells, so the viewport is made as tall as
    its content."""
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('#rendered_cells').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 16_000)})
    try:
        save_png(ARTIFACTS / name, page.screenshot(full_page=True))
    finally:
        page.set_viewport_size(size)


def _lead_option(lang: str) -> tuple[str, str]:
    """The text of the right option of 01's first question, and its explanation."""
    exercises = json.loads((ROOT / "exercises" / "01_anatomy.json").read_text("utf-8"))["exercises"]
    lead = next(e for e in exercises if e["id"] == "lead")
    return next(o[lang] for o in lead["options"] if o["id"] == "first"), lead["explanation"][lang]


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_lesson_in_the_app_has_no_code_and_keeps_the_answers_of_a_student(page, app, lang):
    from playwright.sync_api import expect
    outside = []
    page.route(lambda url: not url.startswith(app.url), lambda route: (outside.append(route.request.url),
                                                                        route.abort()))
    path = f"{lang}/01_anatomy.ipynb"
    _open(page, app, path)

    text = page.locator("#rendered_cells").inner_text()
    for code in ("import kit", "set_language", "ExerciseBox(", "Shift + Enter"):
        assert code not in text, f"{path}: the app shows {code!r}"
    assert page.locator(".jp-CodeCell .jp-InputArea, .jp-InputArea-editor, .jp-CodeMirrorEditor").count() == 0
    assert page.locator(".jp-CodeCell").count() > 0, "the code cells' outputs are missing"
    assert t("app_mode_note", lang) in text
    heading = page.locator("h1").first
    assert heading.inner_text().startswith("01 ·")
    if lang == "ar":
        assert computed(page.locator('.jp-MarkdownOutput div[dir="rtl"]').first, "direction") == "rtl"
    box = page.locator(".fl-exercises")
    assert computed(box, "direction") == ("rtl" if lang == "ar" else "ltr")
    # The tools line up with the text: at the right in Arabic, at the left in English.
    text, tool = page.locator(".jp-MarkdownOutput").first.bounding_box(), box.bounding_box()
    side = (lambda b: b["x"] + b["width"]) if lang == "ar" else (lambda b: b["x"])
    assert abs(side(text) - side(tool)) < 40, (text, tool)
    assert set(page.locator(".fl-explorer-article .fl-article p").evaluate_all(
        "els => els.map(el => getComputedStyle(el).direction)")) == {"rtl"}
    assert page.locator(".fl-w-error").count() == 0
    assert not page.watch.page_errors, page.watch.page_errors
    _shot(page, f"app_{lang}_01_anatomy.png")

    # Answer the first question, as a student: choose the option, press «Check».
    option, explanation = _lead_option(lang)
    question = page.locator(".fl-exercise-lead")
    question.locator("label", has_text=option).click()
    question.locator(".fl-exercise-check").click()
    feedback = page.locator(".fl-exercise-feedback-lead")
    expect(feedback).to_contain_text(explanation, timeout=WAIT_MS)
    assert _saved_answer(page, app.work_dir, "lead") == "first"

    # Open the page again: a new kernel, the answer and its feedback come back from my_work.
    page.reload()
    _open(page, app, path)
    question = page.locator(".fl-exercise-lead")
    expect(question.locator("label", has_text=option).locator("input")).to_be_checked(timeout=WAIT_MS)
    expect(page.locator(".fl-exercise-feedback-lead")).to_contain_text(explanation)
    question.scroll_into_view_if_needed()
    save_png(ARTIFACTS / f"app_{lang}_01_reloaded.png", question.screenshot())
    assert outside == [], outside   # the kit's template asks nothing of a CDN
    (app.work_dir / "ex_01_anatomy.json").unlink()      # the other edition starts afresh


def _saved_answer(page, work_dir, exercise: str, polls: int = 50):
    """The answer saved for `exercise`: the kernel saves after it shows the feedback, so the
    file may land a moment after the text appears."""
    for _ in range(polls):
        answers = (load_work("ex_01_anatomy", work_dir) or {}).get("answers", {})
        if exercise in answers:
            return answers[exercise]
        page.wait_for_timeout(200)
    return None

