"""Widgets as a student sees them: a small notebook page (self-check radio buttons, the
explorer's "why is this marked?" list, the paste box, a quote quiz of three pages) run in a
throw-away JupyterLab and
measured in headless Chromium, in Arabic and in English (tests/browser_support.py).

Screenshots go to artifacts/browser/widget_page_*.png (git-ignored).
"""
from __future__ import annotations

import pytest

import kit
from browser_support import (ARTIFACTS, WAIT_MS, assert_clean_notebook_page, choose, computed,
                             labs_for_cells, open_notebook, run_all_cells, screenshot_notebook,
                             shot)

ARTICLE = ('قالت وزيرة الصحة سارة خليل إن المستشفيات تعمل بكامل طاقتها.\n\n'
           'وأضافت خليل: "نحتاج إلى دعم عاجل لإنقاذ الجرحى".\n')
MANY_STATEMENTS = (ARTICLE + "\n") * 23      # 46 statements: the quiz has three pages
CELLS = [
    'import os, kit\nkit.set_language(os.environ["FRAMING_LAB_LANG"])\n'
    "from kit.widgets.exercise_box import ExerciseBox\n"
    "from kit.widgets import ArticleExplorer, PasteBox, QuoteQuiz",
    'ExerciseBox("02_sourcing", exercise_ids=["media", "anonymous"])',
    "ArticleExplorer()",
    "paste = PasteBox()\npaste",
    f"QuoteQuiz(kit.analyze(text={MANY_STATEMENTS!r}))",
]
NOTEBOOK = "widget_page.ipynb"


@pytest.fixture(scope="module")
def widget_lab(chromium, tmp_path_factory):
    """widget_lab(lang): a JupyterLab serving only the widget page, one per language."""
    with labs_for_cells(tmp_path_factory, "widget-lab", NOTEBOOK, CELLS) as get:
        yield get


@pytest.fixture(params=["ar", "en"])
def shown(request, page, widget_lab):
    """The widget page, run, in the parametrised language: (page, server, lang)."""
    lang = request.param
    server = widget_lab(lang)
    open_notebook(page, server, NOTEBOOK)
    run_all_cells(page)
    page.locator(".fl-paste").wait_for(state="attached", timeout=WAIT_MS)
    return page, server, lang


def in_language(lang: str, make):
    before = kit.get_language()
    kit.set_language(lang)
    try:
        return make()
    finally:
        kit.set_language(before)


RADIO_GEOMETRY = """box => [...box.querySelectorAll('.widget-radio-box label')].map(label => {
    const input = label.querySelector('input').getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents([...label.childNodes].find(n => n.nodeType === 3));
    const text = range.getBoundingClientRect();
    const row = label.parentElement.getBoundingClientRect();
    const own = label.getBoundingClientRect();
    return {input: [input.left, input.right], text: [text.left, text.right],
            row: [row.left, row.right], label: [own.left, own.right],
            middle: [(input.top + input.bottom) / 2, (text.top + text.bottom) / 2]};
})"""


# The space between a widget's description label and its control, on the reading side.
LABEL_GAP = """(widget, lang) => {
    const label = widget.querySelector('.widget-label').getBoundingClientRect();
    const control = widget.querySelector('select').getBoundingClientRect();
    return lang === 'ar' ? label.left - control.right : control.left - label.right;
}"""
# Whether the element `css` inside the root lies within the root's width.
INSIDE = """(root, css) => {
    const outer = root.getBoundingClientRect();
    const inner = root.querySelector(css).getBoundingClientRect();
    return inner.left >= outer.left - 1 && inner.right <= outer.right + 1;
}"""


@pytest.mark.browser
def test_radio_buttons_sit_next_to_their_labels_on_the_reading_side(shown):
    page, server, lang = shown
    box = page.locator(".fl-exercises").first
    box.scroll_into_view_if_needed()
    rows = box.evaluate(RADIO_GEOMETRY)
    assert len(rows) == 6, rows                 # 4 + 2 options
    for row in rows:
        (in_left, in_right), (tx_left, tx_right) = row["input"], row["text"]
        if lang == "ar":   # button at the right, then the text, both at the row's right edge
            gap, edge = in_left - tx_right, row["row"][1] - row["label"][1]
        else:
            gap, edge = tx_left - in_right, row["label"][0] - row["row"][0]
        assert 0 <= gap <= 16, f"{lang}: button {gap:.0f}px from its label: {row}"
        assert abs(edge) <= 2, f"{lang}: option not at the row's start: {row}"
        assert abs(row["middle"][0] - row["middle"][1]) <= 6, f"button not level with text: {row}"
    shot(page, f"widget_page_radio_{lang}.png", box)
    label = box.locator(".widget-radio-box label").nth(1)
    label.click()                               # the label text chooses its button
    assert label.locator("input").is_checked()


@pytest.mark.browser
def test_explorer_list_shows_its_choose_entry_then_explains_a_span(shown):
    page, server, lang = shown
    from kit.course.i18n import t
    from kit.widgets import ArticleExplorer
    count = in_language(lang, lambda: len(ArticleExplorer().shown))
    select = page.locator(".fl-explorer-spans select")
    select.scroll_into_view_if_needed()
    gap = page.locator(".fl-explorer-spans").evaluate(LABEL_GAP, lang)
    assert 4 <= gap <= 24, f"{lang}: label {gap:.0f}px from its dropdown"
    assert select.evaluate("s => s.selectedIndex") == 0
    shown_text = select.evaluate("s => s.options[s.selectedIndex].text")
    assert shown_text.replace("\xa0", " ") == t("w_explorer_choose", lang, n=count)  # nbsp: ipywidgets
    shot(page, f"widget_page_explorer_{lang}.png", page.locator(".fl-explorer-spans"))
    choose(page, "fl-explorer-spans", 2)
    explanation = page.locator(".fl-explorer-explanation")
    explanation.wait_for(timeout=WAIT_MS)
    assert explanation.locator("mark").count() == 1


@pytest.mark.browser
def test_paste_box_analyses_what_is_pasted_and_explains_a_refusal(shown):
    from playwright.sync_api import expect
    from kit.course.i18n import t
    page, server, lang = shown
    box = page.locator(".fl-paste")
    text = box.locator(".fl-paste-text textarea")
    text.scroll_into_view_if_needed()
    assert computed(text, "direction") == "rtl"
    assert text.evaluate("el => el.getBoundingClientRect().height") > 200
    assert box.evaluate(INSIDE, ".fl-paste-text textarea"), "the text box sticks out of the widget"
    expect(box.locator(".fl-paste-status")).to_contain_text(t("w_paste_status_example", lang))

    text.fill(ARTICLE)
    box.locator(".fl-paste-analyse").click()
    expect(box.locator(".fl-paste-status")).to_contain_text(t("w_paste_status_done", lang),
                                                            timeout=WAIT_MS)
    expect(box.locator(".fl-paste-summary")).to_contain_text("سارة خليل")
    expect(box.locator(".fl-paste-summary")).to_contain_text(t("w_paste_in_use_pasted", lang))
    assert_clean_notebook_page(page, server, NOTEBOOK)
    shot(page, f"widget_page_paste_{lang}.png", box)
    assert list(server.work_dir.glob("pasted_article.json"))

    text.fill("   ")
    box.locator(".fl-paste-analyse").click()
    error = box.locator(".fl-w-error")
    expect(error).to_contain_text("paste or load some text first" if lang == "en"
                                  else "المقال فارغ", timeout=WAIT_MS)
    assert computed(error, "direction") == ("rtl" if lang == "ar" else "ltr")
    assert text.input_value() == "   "
    expect(box.locator(".fl-paste-status")).to_contain_text(t("w_paste_status_kept", lang))
    shot(page, f"widget_page_paste_refused_{lang}.png", box)


def test_a_self_check_with_many_options_starts_on_its_choose_entry(tmp_path, monkeypatch):
    """Not a browser test: the dropdown's state is what the front end shows."""
    import json
    from kit.widgets.exercise_box import ExerciseBox, label
    from kit.course.i18n import t
    folder = tmp_path / "exercises"
    folder.mkdir()
    options = [{"id": f"o{i}", "ar": f"خيار {i}", "en": f"option {i}"} for i in range(7)]
    (folder / "99_many.json").write_text(json.dumps({
        "schema": "framing-lab/exercises", "version": 1, "notebook": "99_many",
        "exercises": [{"id": "q", "type": "choice", "prompt": {"ar": "س", "en": "q"},
                       "options": options, "accept": ["o1"]}]}), "utf-8")
    monkeypatch.setenv("FRAMING_LAB_EXERCISES", str(folder))
    for lang in ("ar", "en"):
        monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path / f"work_{lang}"))
        box = in_language(lang, lambda: ExerciseBox("99_many"))
        dropdown = box.inputs["q"]
        assert dropdown.index == 0 and dropdown.label == label("choose", lang) == t("ex_choose", lang)
        assert dropdown.value is None
        box.answer("q", "o1")
        assert box.check("q").correct is True


# Where the pager's buttons are, left to right on the screen.
PAGER_ORDER = """pager => ['previous', 'next'].map(kind =>
    pager.querySelector('.fl-quiz-' + kind).getBoundingClientRect().left)"""


def quiz_choices(quiz, i: int) -> dict:
    """The <option> position of each right answer to question i (every question has the
    options of the first)."""
    return {part: [value for _, value in getattr(quiz.questions[0], part).options].index(value)
            for part, value in quiz.expected(i).items()}


def answer_in_browser(page, i: int, choices: dict) -> None:
    for part, index in choices.items():
        choose(page, f"fl-quiz-{part}-{i}", index)
    page.locator(f".fl-quiz-check-{i}").click()


@pytest.mark.browser
def test_quiz_pages_keep_their_answers_and_turn_on_the_reading_side(shown, tmp_path, monkeypatch):
    from playwright.sync_api import expect
    from kit.course.i18n import t
    from kit.widgets.quiz import PAGE_SIZE, QuoteQuiz
    page, server, lang = shown
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path))     # never the developer's work
    quiz = in_language(lang, lambda: QuoteQuiz(kit.analyze(text=MANY_STATEMENTS)))
    later = PAGE_SIZE + 5
    first_answers, later_answers = quiz_choices(quiz, 0), quiz_choices(quiz, later)
    total, root = quiz.total, page.locator(".fl-quiz")
    top, bottom = page.locator(".fl-quiz-pager-top"), page.locator(".fl-quiz-pager-bottom")

    def pages_line(first: int) -> str:
        return t("w_quiz_pages", lang, first=first, last=min(first + PAGE_SIZE - 1, total), total=total)
    top.scroll_into_view_if_needed()
    expect(top).to_contain_text(pages_line(1), timeout=WAIT_MS)
    assert computed(top.locator(".fl-quiz-pages span"), "direction") == ("rtl" if lang == "ar" else "ltr")
    previous, following = top.evaluate(PAGER_ORDER)
    assert (previous > following) == (lang == "ar"), "Previous is not on the reading side's start"
    expect(top.locator(".fl-quiz-previous")).to_be_disabled()
    assert root.locator(".fl-quiz-check-0").count() == 1 and root.locator(".fl-w-box").count() == PAGE_SIZE
    answer_in_browser(page, 0, first_answers)
    expect(root.locator(".fl-quiz-score")).to_contain_text(f"1 / {total}", timeout=WAIT_MS)
    shot(page, f"widget_page_quiz_pager_{lang}.png", top)

    bottom.locator(".fl-quiz-next").click()                        # page 2
    expect(bottom).to_contain_text(pages_line(PAGE_SIZE + 1), timeout=WAIT_MS)
    expect(root.locator(".fl-quiz-check-0")).to_have_count(0)
    answer_in_browser(page, later, later_answers)
    expect(root.locator(f".fl-quiz-feedback-{later}")).to_contain_text(t("w_quiz_right", lang),
                                                                      timeout=WAIT_MS)
    expect(root.locator(".fl-quiz-score")).to_contain_text(f"2 / {total}")
    shot(page, f"widget_page_quiz_page2_{lang}.png", root.locator(f".fl-quiz-q-{later}"))

    top.locator(".fl-quiz-previous").click()                       # back to page 1: kept
    expect(top).to_contain_text(pages_line(1), timeout=WAIT_MS)
    expect(root.locator(".fl-quiz-feedback-0")).to_contain_text(t("w_quiz_right", lang))
    for part, index in first_answers.items():
        select = root.locator(f".fl-quiz-{part}-0 select")
        assert select.evaluate("s => s.selectedIndex") == index, part
    top.locator(".fl-quiz-next").click()
    top.locator(".fl-quiz-next").click()                           # the last page
    expect(top).to_contain_text(pages_line(2 * PAGE_SIZE + 1), timeout=WAIT_MS)
    expect(top.locator(".fl-quiz-next")).to_be_disabled()
    assert root.locator(".fl-w-box").count() == total - 2 * PAGE_SIZE
    # The whole page, made tall enough for the quiz, and the quiz itself on it.
    screenshot_notebook(page, ARTIFACTS / f"widget_page_quiz_{lang}.png",
                        check=lambda tall: shot(tall, f"widget_page_quiz_last_{lang}.png", root))
    assert_clean_notebook_page(page, server, NOTEBOOK)
