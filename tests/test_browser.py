"""What a student sees, in a real browser: headless Debian Chromium (Playwright) driving a
throw-away JupyterLab (tests/browser_support.py), and the standalone HTML report.

Every test is marked `browser`. Without /usr/bin/chromium (or the build $FRAMING_LAB_CHROMIUM
names) or the playwright package they are skipped, saying why; with
FRAMING_LAB_REQUIRE_BROWSER=1 they fail instead (for CI).

Screenshots go to artifacts/browser/ (git-ignored): look at them after a change to the widgets.
Run: .venv/bin/python -m pytest -q -m browser tests/test_browser.py
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager

import pytest

from browser_support import (ARTIFACTS, WAIT_MS, assert_clean_notebook_page, choose, computed,
                             labs_by_language, open_notebook, run_all_cells, screenshot_notebook,
                             shot, unexecuted_code_cells, wait_kernel_idle)
from conftest import ROOT, SEED

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def lab(chromium, tmp_path_factory):
    """lab(lang): a JupyterLab on the repository, one per language, for the whole session."""
    with labs_by_language(ROOT, tmp_path_factory, "jupyterlab") as get:
        yield get


# --- helpers ----------------------------------------------------------------------------------

def open_and_run(page, server, notebook: str, lang: str) -> None:
    """Open the notebook in the `lang` edition and Run All, as a student does."""
    open_notebook(page, server, f"notebooks/{lang}/{notebook}")
    run_all_cells(page)
    assert unexecuted_code_cells(page) == 0, f"{notebook}: some code cells did not run"


def directions(locator) -> list[str]:
    """The computed `direction` of every element the locator matches."""
    return locator.evaluate_all("els => els.map(el => getComputedStyle(el).direction)")


def clipped_html_widgets(page) -> list[str]:
    """Kit HTML widgets whose content is taller than their box (cut off, or scrolling)."""
    return page.evaluate("""() => [...document.querySelectorAll('.fl-w .widget-html')]
        .filter(el => el.scrollHeight > el.clientHeight + 2)
        .map(el => `${el.className}: ${el.scrollHeight}px of content in ${el.clientHeight}px`)""")


@contextmanager
def quiz_answers(lang: str):
    """The quiz as the kernel builds it (same kit, same seed): expected answers and options."""
    import kit
    from kit.widgets import QuoteQuiz
    before_lang, before_dir = kit.get_language(), os.environ.get("FRAMING_LAB_WORK_DIR")
    with tempfile.TemporaryDirectory() as work:
        os.environ["FRAMING_LAB_WORK_DIR"] = work     # never read the developer's my_work
        try:
            kit.set_language(lang)
            yield QuoteQuiz()
        finally:
            kit.set_language(before_lang)
            if before_dir is None:
                os.environ.pop("FRAMING_LAB_WORK_DIR", None)
            else:
                os.environ["FRAMING_LAB_WORK_DIR"] = before_dir


def option_index(dropdown, value) -> int:
    """The position of `value` among an ipywidgets Dropdown's options (same order as <option>)."""
    return [v for _label, v in dropdown.options].index(value)


# --- notebooks in JupyterLab ------------------------------------------------------------------

@pytest.mark.parametrize("lang, link", [("ar", "ابدأ الدروس بالعربية"), ("en", "Start the course in English")])
def test_the_start_page_opens_either_edition_in_one_click(page, lab, lang, link):
    """`make lab` and the Binder link open notebooks/start.ipynb; one click opens an edition,
    whose lessons and widgets are all in that edition's language."""
    server = lab(lang)
    open_notebook(page, server, "notebooks/start.ipynb")
    shot(page, "start_page.png", page.locator(".jp-NotebookPanel").first)
    page.get_by_role("link", name=link).click()
    tab = page.locator(".lm-TabBar-tab.lm-mod-current", has_text="00_start_here.ipynb")
    tab.wait_for(timeout=WAIT_MS)
    heading = page.locator(".jp-NotebookPanel:visible .jp-RenderedMarkdown h1").first
    heading.wait_for(timeout=WAIT_MS)
    expected = "ابدأ هنا" if lang == "ar" else "Start here"
    assert expected in heading.text_content()
    assert computed(heading, "direction") == ("rtl" if lang == "ar" else "ltr")
    wait_kernel_idle(page, what="the kernel of the edition's first lesson (starting)")
    run_all_cells(page)
    exercises = page.locator(".jp-NotebookPanel:visible .fl-exercises").first
    exercises.wait_for(timeout=WAIT_MS)
    assert ("تحقّق من فهمك" if lang == "ar" else "Self-check") in exercises.text_content()
    screenshot_notebook(page, ARTIFACTS / f"edition_{lang}_start.png")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_start_here_runs_and_shows_the_article_right_to_left(page, lab, lang):
    server = lab(lang)
    notebook = "00_start_here.ipynb"
    open_and_run(page, server, notebook, lang)

    for root in (".fl-explorer", ".fl-progress", ".fl-exercises"):
        page.locator(root).first.wait_for(state="attached", timeout=WAIT_MS)
    assert page.locator(".jupyter-widgets").count() > 10
    assert page.locator(".widget-html").count() > 5

    view = page.locator(".fl-explorer-article .fl-view")
    paragraphs = page.locator(".fl-explorer-article .fl-article p")
    assert paragraphs.count() >= 10, "the article view shows too few paragraphs"
    assert set(directions(paragraphs)) == {"rtl"}, directions(paragraphs)
    assert computed(view, "direction") == ("rtl" if lang == "ar" else "ltr")
    assert page.locator(".fl-explorer-article mark.fl-hl").count() > 0

    # "Why is this marked?": choose the first highlight; its explanation shows, right to left.
    choose(page, "fl-explorer-spans", 1)
    explanation = page.locator(".fl-explorer-explanation")
    explanation.wait_for(timeout=WAIT_MS)
    explanation.scroll_into_view_if_needed()
    assert explanation.is_visible()
    assert computed(explanation.locator("p.fl-w-text"), "direction") == "rtl"
    assert explanation.locator("mark").count() == 1

    name = "00_start_here.png" if lang == "ar" else "00_start_here_en.png"
    clipped = screenshot_notebook(page, ARTIFACTS / name, check=clipped_html_widgets)
    assert not clipped, f"HTML widgets cut off: {clipped}"
    assert_clean_notebook_page(page, server, notebook)


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_quote_quiz_hints_a_wrong_speaker_then_scores_the_right_one(page, lab, lang):
    from playwright.sync_api import expect
    from kit.course.i18n import t
    from kit.widgets.quiz import ARTICLE_ITSELF, PARTS
    server = lab(lang)
    notebook = "03_quotes.ipynb"
    with quiz_answers(lang) as quiz:
        right = quiz.expected(0)
        index = {part: option_index(getattr(quiz.questions[0], part), right[part])
                 for part in PARTS}
        wrong_speaker = option_index(quiz.questions[0].speaker, ARTICLE_ITSELF)
        total = quiz.total
    assert right["speaker"] != ARTICLE_ITSELF

    open_and_run(page, server, notebook, lang)
    question, feedback = page.locator(".fl-quiz-q-0"), page.locator(".fl-quiz-feedback-0")
    score = page.locator(".fl-quiz-score")
    question.wait_for(state="attached", timeout=WAIT_MS)
    assert f"0 / {total}" in score.text_content()
    assert page.locator(".fl-quiz-pager").count() == 2          # one page: no pager shown
    assert not page.locator(".fl-quiz-pager").first.is_visible()
    assert not page.locator(".fl-quiz-pager").last.is_visible()
    assert page.locator(".fl-quiz .fl-w-box").count() == total

    # Wrong speaker ("the article itself"), right kind and verb: only the speaker gets a hint.
    choose(page, "fl-quiz-speaker-0", wrong_speaker)
    choose(page, "fl-quiz-kind-0", index["kind"])
    choose(page, "fl-quiz-cue-0", index["cue"])
    page.locator(".fl-quiz-check-0").click()
    expect(feedback).to_contain_text(t("w_quiz_wrong", lang), timeout=WAIT_MS)
    expect(feedback).to_contain_text(t("w_quiz_hint_speaker", lang))
    assert t("w_quiz_hint_kind", lang) not in feedback.text_content()
    feedback.scroll_into_view_if_needed()
    hint = feedback.locator(".fl-w-wrong")
    expect(hint).to_be_visible()
    assert computed(hint, "direction") == ("rtl" if lang == "ar" else "ltr")
    assert f"0 / {total}" in score.text_content()
    shot(page, f"03_quotes_{lang}_1_wrong.png", question)

    # The right speaker: the score goes up and the explanation replaces the hint.
    choose(page, "fl-quiz-speaker-0", index["speaker"])
    page.locator(".fl-quiz-check-0").click()
    expect(score).to_contain_text(f"1 / {total}", timeout=WAIT_MS)
    expect(feedback).to_contain_text(t("w_quiz_right", lang))
    expect(feedback.locator(".fl-w-right")).to_be_visible()
    shot(page, f"03_quotes_{lang}_2_right.png", question)
    score.scroll_into_view_if_needed()
    shot(page, f"03_quotes_{lang}_3_score.png", score)

    clipped = screenshot_notebook(page, ARTIFACTS / f"03_quotes_{lang}.png",
                                  check=clipped_html_widgets)
    assert not clipped, f"HTML widgets cut off: {clipped}"
    assert_clean_notebook_page(page, server, notebook)
    saved = list(server.work_dir.glob("quote_quiz*"))
    assert saved, f"the quiz saved nothing in {server.work_dir}"


# --- the standalone report --------------------------------------------------------------------

def write_report(article, output) -> None:
    result = subprocess.run([sys.executable, "-m", "kit", "html", str(article), "-o", str(output)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"kit html failed:\n{result.stdout}\n{result.stderr}"


def open_offline(page, path) -> list:
    """Open a local file with every non-file request refused; the refused URLs are returned
    (as a list that fills while the page lives)."""
    refused = []

    def route(r):
        if r.request.url.startswith(("file:", "data:")):
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()
    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return refused


def test_report_is_rtl_offline_and_explains_a_mark_on_focus(page, tmp_path):
    report = tmp_path / "report.html"
    write_report(SEED, report)
    refused = open_offline(page, report)

    paragraphs = page.locator(".fl-article p")
    assert paragraphs.count() >= 10
    assert set(directions(paragraphs)) == {"rtl"}, directions(paragraphs)
    marks = page.locator(".fl-article mark.fl-hl")
    assert marks.count() > 10

    # A mark without marks inside (a nested one hides its parent's explanation on hover).
    mark = page.locator(".fl-article mark.fl-hl:not(:has(.fl-hl))").first
    title = mark.get_attribute("title")
    assert title
    assert computed(mark, "content", "::after") == "none", "explanation shown before focus"
    mark.focus()
    shown = computed(mark, "content", "::after")
    assert shown not in ("none", "normal", "") and title[:20] in shown, shown
    shot(page, "report_focus.png", mark.locator("xpath=ancestor::p[1]"))
    shot(page, "report.png", full_page=True)

    other = page.locator(".fl-article mark.fl-hl:not(:has(.fl-hl))").nth(3)
    mark.evaluate("el => el.blur()")
    assert computed(other, "content", "::after") == "none"
    other.hover()
    assert computed(other, "content", "::after") != "none", "no explanation on hover"

    assert not refused, f"the report asked for: {refused}"
    assert all(u.startswith(("file:", "data:")) for _m, u in page.watch.requests), \
        page.watch.requests
    assert not page.watch.page_errors, page.watch.page_errors


def test_hostile_article_is_shown_as_text_and_runs_nothing(page, tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(
        "عنوان: <script>alert(1)</script>\n\n"
        'وقال الوزير للصحفيين: "<img src=x onerror=alert(1)> ليس لدينا ما نخفيه".\n\n'
        "وأضاف أن <svg onload=alert(1)> الخطة <b>نهائية</b> $x$ وفقا لمصادر.\n", "utf-8")
    report = tmp_path / "hostile.html"
    write_report(article, report)
    refused = open_offline(page, report)
    # Only the kit's own pictures: the charts (PNG data) and the source map.
    assert page.locator("script, b, [onerror], [onload], img:not(.fl-chart)").count() == 0
    assert page.locator("svg:not(.fl-report-figure svg)").count() == 0
    assert page.locator("img.fl-chart").count() == 4
    page.wait_for_timeout(300)    # time for an onerror/onload handler to fire, were there one

    assert page.watch.dialogs == [], f"the article's markup ran: {page.watch.dialogs}"
    page.evaluate("() => alert('probe')")     # the dialog watch itself works
    assert page.watch.dialogs == [("alert", "probe")], page.watch.dialogs
    body = page.locator("body").inner_text()
    for literal in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
                    "<svg onload=alert(1)>", "<b>نهائية</b>"):
        assert literal in body, f"{literal!r} is not shown as text"
    assert not refused, f"the report asked for: {refused}"
    assert not page.watch.page_errors, page.watch.page_errors
    shot(page, "report_hostile.png")


# --- a saved lesson, reopened -------------------------------------------------------------------

@pytest.mark.parametrize("lang, note", [("ar", "شغّل هذه الخلية مرة أخرى"), ("en", "Run this cell again")])
def test_a_saved_lesson_reopens_with_a_line_to_run_not_a_widget_error(page, tmp_path_factory, lang, note):
    """The student runs a lesson, JupyterLab saves it, the kernel goes: on reopening, each tool's
    place says (in the edition's language) to run the cell again; no "model not found" error."""
    import json
    import shutil
    from browser_support import start_lab, stop_lab
    root = tmp_path_factory.mktemp(f"course-{lang}")
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns("my_work"))
    server = start_lab(root, tmp_path_factory.mktemp(f"home-{lang}"))
    try:
        open_and_run(page, server, "01_anatomy.ipynb", lang)
        page.keyboard.press("Control+s")
        saved_file = root / "notebooks" / lang / "01_anatomy.ipynb"
        page.wait_for_function("() => !document.querySelector('.lm-TabBar-tab.jp-mod-dirty.lm-mod-current')",
                               timeout=WAIT_MS)
        saved = json.loads(saved_file.read_text("utf-8"))
        outputs = [o for c in saved["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
        assert not any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)
        assert any(note in "".join(o.get("data", {}).get("text/plain", "")) for o in outputs)
        assert "widgets" not in saved["metadata"]
        # Reopen after the kernel is gone: shut every kernel down, then open the lesson again.
        for kernel in json.loads(_api(server, "GET", "/api/kernels")):
            _api(server, "DELETE", f"/api/kernels/{kernel['id']}")
        open_notebook(page, server, f"notebooks/{lang}/01_anatomy.ipynb")
        page.locator(".jp-OutputArea-output", has_text=note).first.wait_for(timeout=WAIT_MS)
        assert page.get_by_text("Error displaying widget").count() == 0
        shot(page, f"reopened_{lang}.png")
    finally:
        stop_lab(server)


def _api(server, method: str, path: str) -> str:
    import urllib.request
    request = urllib.request.Request(f"{server.url}{path}", method=method,
                                     headers={"Authorization": f"token {server.token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode("utf-8") or "null"
