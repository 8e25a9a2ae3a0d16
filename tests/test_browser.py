"""What a student sees, in a real browser: headless Debian Chromium (Playwright) driving a
throw-away JupyterLab (tests/browser_support.py), and the standalone HTML report.

Every test is marked `browser`. Without /usr/bin/chromium (or the build $FRAMING_LAB_CHROMIUM
names) or the playwright package they are skipped, saying why; with
FRAMING_LAB_REQUIRE_BROWSER=1 they fail instead (for CI).

Screenshots go to artifacts/browser/ (git-ignored): look at them after a change to the widgets.
Run: .venv/bin/python -m pytest -q -m browser tests/test_browser.py
"""
from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

from browser_support import (CHROMIUM, computed, error_outputs, launch_chromium, open_notebook,
                             run_all_cells, save_png, screenshot_notebook, start_lab, stop_lab,
                             unexecuted_code_cells)
from conftest import ROOT, SEED

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "artifacts" / "browser"
REQUIRE_BROWSER = os.environ.get("FRAMING_LAB_REQUIRE_BROWSER") == "1"
VIEWPORT = {"width": 1280, "height": 900}
WAIT_MS = 15_000        # a widget's answer to a click; the kernel is idle, so this is generous

# Console messages that are expected, each with the reason. Anything else (any type, plus
# uncaught page errors) fails the notebook tests, so a widget error in the front end is seen.
ALLOWED_CONSOLE = [
    ("debug", r'^Starting application in workspace: "default"$',
     "JupyterLab logs its workspace at start-up"),
    ("debug", r"^Starting WebSocket: ws://127\.0\.0\.1:\d+/api/kernels/[0-9a-f-]+$",
     "JupyterLab logs the kernel connection it opens"),
]


# --- environment ------------------------------------------------------------------------------

def _browser_problem() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (Debian: apt install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is missing (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def chromium():
    problem = _browser_problem()
    if problem:
        if REQUIRE_BROWSER:
            pytest.fail(f"FRAMING_LAB_REQUIRE_BROWSER=1 but {problem}", pytrace=False)
        pytest.skip(f"browser tests need Chromium and Playwright: {problem}")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def lab(chromium, tmp_path_factory):
    """lab(lang): a JupyterLab whose kernels start in `lang` (FRAMING_LAB_LANG), one per
    language, started on first use and stopped at the end of the session."""
    servers = {}

    def get(lang: str = "ar"):
        if lang not in servers:
            home = tmp_path_factory.mktemp(f"jupyterlab-{lang}")
            servers[lang] = start_lab(ROOT, home, {"FRAMING_LAB_LANG": lang})
        return servers[lang]

    yield get
    for server in servers.values():
        stop_lab(server)


@dataclass
class PageWatch:
    """What a page did: console messages, uncaught errors, requests, dialogs."""
    console: list = field(default_factory=list)     # (type, text)
    page_errors: list = field(default_factory=list)
    requests: list = field(default_factory=list)    # (method, url)
    dialogs: list = field(default_factory=list)     # (type, message)

    def unexpected_console(self) -> list:
        return [(kind, text) for kind, text in self.console
                if not any(kind == k and re.search(pattern, text)
                           for k, pattern, _why in ALLOWED_CONSOLE)]

    def saves(self) -> list:
        """Requests that would write a notebook (the lab's autosave is off; nothing may save)."""
        return [(m, u) for m, u in self.requests
                if m in ("PUT", "PATCH", "DELETE") and "/api/contents/" in u]

    def foreign(self, allowed_prefixes) -> list:
        return [u for _m, u in self.requests if not u.startswith(tuple(allowed_prefixes))]


@pytest.fixture
def page(chromium, request):
    """A fresh page (own context) with a PageWatch as `page.watch`; when the test fails, the
    page as it was is saved to artifacts/browser/FAILED_<test>.png."""
    failed_before = request.session.testsfailed
    context = chromium.new_context(viewport=VIEWPORT, locale="ar")
    page = context.new_page()
    watch = PageWatch()
    page.on("console", lambda m: watch.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("request", lambda r: watch.requests.append((r.method, r.url)))

    def on_dialog(dialog):
        watch.dialogs.append((dialog.type, dialog.message))
        dialog.dismiss()
    page.on("dialog", on_dialog)
    page.watch = watch
    yield page
    if request.session.testsfailed > failed_before:
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            shot(page, f"FAILED_{name}.png", full_page=True)
        except Exception as error:      # the failure itself matters more than its picture
            print(f"no failure screenshot: {error}")
    context.close()


# --- helpers ----------------------------------------------------------------------------------

def shot(page, name: str, locator=None, full_page: bool = False) -> None:
    """Screenshot of the page (or of one element) to artifacts/browser/NAME."""
    data = locator.screenshot() if locator else page.screenshot(full_page=full_page)
    save_png(ARTIFACTS / name, data)


def open_and_run(page, server, notebook: str) -> None:
    open_notebook(page, server, f"notebooks/{notebook}")
    run_all_cells(page)
    assert unexecuted_code_cells(page) == 0, f"{notebook}: some code cells did not run"


def assert_clean_notebook_page(page, server, notebook: str) -> None:
    """No error output, no message shown by a failing callback, no unexpected console message
    or page error, nothing saved, nothing fetched from anywhere but the lab itself."""
    errors = error_outputs(page)
    assert not errors, f"{notebook}: error output in a cell:\n" + "\n---\n".join(errors)
    shown = page.locator(".fl-w-error").all_text_contents()
    assert not shown, f"{notebook}: a widget shows an error: {shown}"
    watch = page.watch
    assert not watch.page_errors, f"{notebook}: uncaught errors in the page: {watch.page_errors}"
    assert not watch.unexpected_console(), (
        f"{notebook}: unexpected console messages (add to ALLOWED_CONSOLE only with a reason): "
        f"{watch.unexpected_console()}")
    assert not watch.saves(), f"{notebook}: the browser wrote to the notebook: {watch.saves()}"
    assert not watch.foreign([server.url, "data:", "blob:"]), (
        f"{notebook}: requests outside the lab: {watch.foreign([server.url, 'data:', 'blob:'])}")


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


def choose(page, css_class: str, index: int) -> None:
    """Choose the option at `index` in the <select> of the widget with class `css_class`."""
    select = page.locator(f".{css_class} select")
    select.scroll_into_view_if_needed()
    select.select_option(index=index)


# --- notebooks in JupyterLab ------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ar", "en"])
def test_start_here_runs_and_shows_the_article_right_to_left(page, lab, lang):
    server = lab(lang)
    notebook = "00_start_here.ipynb"
    open_and_run(page, server, notebook)

    for root in (".fl-language-switcher", ".fl-explorer", ".fl-progress", ".fl-exercises"):
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
    from kit.i18n import t
    from kit.widgets_quiz import ARTICLE_ITSELF, PARTS
    server = lab(lang)
    notebook = "03_quotes.ipynb"
    with quiz_answers(lang) as quiz:
        right = quiz.expected(0)
        index = {part: option_index(getattr(quiz.questions[0], part), right[part])
                 for part in PARTS}
        wrong_speaker = option_index(quiz.questions[0].speaker, ARTICLE_ITSELF)
        total = quiz.total
    assert right["speaker"] != ARTICLE_ITSELF

    open_and_run(page, server, notebook)
    question, feedback = page.locator(".fl-quiz-q-0"), page.locator(".fl-quiz-feedback-0")
    score = page.locator(".fl-quiz-score")
    question.wait_for(state="attached", timeout=WAIT_MS)
    assert f"0 / {total}" in score.text_content()

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
    assert page.locator("script, img, svg, b, [onerror], [onload]").count() == 0
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
