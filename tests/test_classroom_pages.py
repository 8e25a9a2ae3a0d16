"""The classroom from the first click to the last, in headless Chromium, in Arabic and English
(tests/browser_support.py): the article explorer's lens list, pressed buttons and chosen span;
the frame annotator's comparison; the free-editing text box of 05; the paste box followed by
every tool of 06, and back to the example; the two-outlet comparison; the progress view's
times and download button; and, on the repository, the teacher's guide and answer keys.

Screenshots go to artifacts/browser/classroom_*.png (git-ignored).
"""
from __future__ import annotations

import json
import re

import pytest

from browser_support import (ARTIFACTS, WAIT_MS, assert_clean_notebook_page, choose, computed,
                             labs_by_language, labs_for_cells, open_notebook, run_all_cells,
                             screenshot_notebook, shot, unexecuted_code_cells)
from conftest import ROOT
from kit.lenses.highlights import LENSES, frames

pytestmark = pytest.mark.browser

PASTED = ('قالت وزيرة الصحة سارة خليل إن المستشفيات تعمل بكامل طاقتها.\n\n'
          'وأضافت خليل: "نحتاج إلى دعم عاجل لإنقاذ الجرحى".\n')
SENTENCE = "غير أن نتنياهو رفض هذه المقترحات ووصفها بأنها وهمية."
CELLS = [
    'import os, kit\nkit.set_language(os.environ["FRAMING_LAB_LANG"])\n'
    "from kit.lenses.highlights import LENSES\n"
    "from kit.course.samples import outlet_pair, sample_text\n"
    "from kit.widgets import (ArticleExplorer, FrameAnnotator, OutletComparison, PasteBox,\n"
    "                         QuoteQuiz, SentenceBox)\n"
    "from kit.widgets.exercise_box import ExerciseBox\n"
    "from kit.widgets.progress import progress_widget",
    "ArticleExplorer(lenses=LENSES)",
    'FrameAnnotator(save_as="page_frames")',
    f'SentenceBox("{SENTENCE}", lenses=("quotes",))',
    'paste = PasteBox(sample_text("school_year"), save_as="page_pasted")\npaste',
    "paste.follow(ArticleExplorer)",
    'paste.follow(QuoteQuiz, save_as="page_quiz")',
    'OutletComparison(outlet_pair("bus_fares"))',
    'box = ExerciseBox("00_start_here")\nbox.answer("run_cell", "shift_enter")\n'
    'box.check("run_cell")\nprogress_widget()',
]
NOTEBOOK = "classroom.ipynb"


@pytest.fixture(scope="module")
def classroom_lab(chromium, tmp_path_factory):
    with labs_for_cells(tmp_path_factory, "classroom", NOTEBOOK, CELLS) as get:
        yield get


@pytest.fixture(params=["ar", "en"])
def shown(request, page, classroom_lab):
    lang = request.param
    server = classroom_lab(lang)
    open_notebook(page, server, NOTEBOOK)
    run_all_cells(page)
    assert unexecuted_code_cells(page) == 0
    page.locator(".fl-progress").wait_for(state="attached", timeout=WAIT_MS)
    return page, server, lang


def t(key: str, lang: str, **values) -> str:
    from kit.course.i18n import t as translate
    return translate(key, lang, **values)


PRESSED = """root => [...root.querySelectorAll('button.fl-toggle')].map(b => [
    b.classList.contains('mod-active'), b.getAttribute('aria-pressed'),
    getComputedStyle(b).backgroundColor])"""


def test_explorer_lists_one_lens_marks_its_choice_and_shows_pressed_buttons(shown):
    from playwright.sync_api import expect
    page, server, lang = shown
    explorer = page.locator(".fl-w.fl-explorer").first
    explorer.scroll_into_view_if_needed()
    states = explorer.evaluate(PRESSED)
    assert len(states) == len(LENSES) and all(active for active, _, _ in states), states
    assert {aria for _, aria, _ in states} == {"true"}, states
    button = explorer.locator("button.fl-explorer-lens-numbers")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "false", timeout=WAIT_MS)
    states = explorer.evaluate(PRESSED)
    pressed_colour, released_colour = states[0][2], states[-1][2]
    assert pressed_colour != released_colour, states           # the state is plain to see
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true", timeout=WAIT_MS)

    group = explorer.locator(".fl-explorer-group select")
    expect(group.locator("option")).to_have_count(len(LENSES), timeout=WAIT_MS)  # one per lens on
    group.select_option(index=LENSES.index("frames"))
    spans = explorer.locator(".fl-explorer-spans select")
    expect(spans.locator("option").first).to_contain_text(t("w_explorer_choose", lang, n=1)[:8])
    spans.select_option(index=3)
    chosen = explorer.locator(".fl-explorer-article mark.fl-chosen")
    chosen.first.wait_for(timeout=WAIT_MS)
    word = explorer.locator(".fl-explorer-explanation mark").text_content()
    assert "".join(chosen.all_text_contents()) == word
    assert chosen.first.get_attribute("data-lens") == "frames"
    assert computed(chosen.first, "outline-style") == "solid"
    shot(page, f"classroom_explorer_{lang}.png", explorer)


def test_frame_comparison_shows_only_coded_paragraphs_with_the_keys_reasons(shown):
    page, server, lang = shown
    key = json.loads((ROOT / "exercises" / "frame_key.json").read_text("utf-8"))
    coder = page.locator(".fl-w.fl-frames")
    coder.scroll_into_view_if_needed()
    frame = coder.locator(".fl-frames-frame select")
    frame.select_option(index=1)                   # paragraph 1: the first frame
    coder.locator(".fl-frames-q-conflict-0 input").check()
    coder.locator(".fl-frames-compare").click()
    table = coder.locator(".fl-frames-result table")
    table.wait_for(timeout=WAIT_MS)
    assert table.locator("tbody tr").count() == 1               # only the paragraph coded
    reason = table.locator("td.fl-frames-why")
    assert reason.text_content() == key["notes"]["0"][lang]
    assert key["notes"]["1"][lang] not in coder.text_content()
    assert t("w_frames_ticks", lang, same=1, n=1) in coder.locator(".fl-frames-result").text_content()
    conflict = next(f["name"][lang] for f in frames() if f["id"] == "conflict")
    derived = coder.locator(".fl-frames-derived").text_content()
    assert t("w_frames_from_ticks", lang, frame=conflict, n=1) in derived       # from the tick
    assert t("w_frames_hint", lang, frames=conflict) in derived
    shot(page, f"classroom_frames_{lang}.png", coder)
    cut = page.evaluate("""() => [...document.querySelectorAll('.fl-w button')]
        .filter(b => b.offsetWidth && b.scrollWidth > b.clientWidth + 1).map(b => b.textContent)""")
    assert cut == [], cut                            # every button shows its whole label


def test_the_free_editing_box_takes_plain_quotation_marks(shown):
    from playwright.sync_api import expect
    page, server, lang = shown
    box = page.locator(".fl-sentence")
    text = box.locator(".fl-sentence-text textarea")
    text.scroll_into_view_if_needed()
    assert computed(text, "direction") == "rtl"
    assert box.locator('mark[data-lens="quotes"]').count() == 0
    text.fill(SENTENCE.replace("وهمية", '"وهمية"'))            # what tripped Python before
    box.locator(".fl-sentence-show").click()
    expect(box.locator('mark[data-lens="quotes"]')).to_have_text("وهمية", timeout=WAIT_MS)
    assert box.locator(".fl-w-error").count() == 0
    shot(page, f"classroom_sentence_{lang}.png", box)


def test_a_pasted_article_reaches_the_tools_below_and_the_example_comes_back(shown):
    from playwright.sync_api import expect
    page, server, lang = shown
    paste = page.locator(".fl-paste")
    follower = page.locator(".fl-follow").first
    quiz = page.locator(".fl-follow .fl-quiz")
    expect(follower.locator(".fl-article")).to_contain_text("وزارة التربية")   # the example
    paste.locator(".fl-paste-text textarea").fill(PASTED)
    paste.locator(".fl-paste-analyse").click()
    expect(follower.locator(".fl-article")).to_contain_text("سارة خليل", timeout=WAIT_MS)
    expect(quiz).to_contain_text("نحتاج إلى دعم عاجل", timeout=WAIT_MS)
    expect(paste.locator(".fl-paste-status")).to_contain_text(t("w_paste_status_done", lang))
    shot(page, f"classroom_paste_followed_{lang}.png", page.locator(".fl-follow").first)
    paste.locator(".fl-paste-example").click()
    expect(follower.locator(".fl-article")).to_contain_text("وزارة التربية", timeout=WAIT_MS)
    expect(follower.locator(".fl-article")).not_to_contain_text("سارة خليل")
    assert paste.locator(".fl-paste-text textarea").input_value() == PASTED   # kept in the box
    expect(paste.locator(".fl-paste-status")).to_contain_text(t("w_paste_status_back", lang))
    assert_clean_notebook_page(page, server, NOTEBOOK)


def test_two_outlets_are_compared_in_the_widget(shown):
    from playwright.sync_api import expect
    page, server, lang = shown
    outlets = page.locator(".fl-outlets")
    outlets.scroll_into_view_if_needed()
    for i in (0, 1):
        column = outlets.locator(f".fl-outlets-column-{i}")
        expect(column.locator("img")).to_have_count(3, timeout=WAIT_MS)
        alts = column.locator("img").evaluate_all("imgs => imgs.map(i => i.alt)")
        assert all(alt.strip() for alt in alts), alts
        assert column.locator('mark[data-lens="quotes"]').count() >= 3
    outlets.locator(".fl-outlets-name-1 input").fill("My outlet")
    outlets.locator(".fl-outlets-compare").click()
    expect(outlets.locator(".fl-outlets-column-1 .fl-title")).to_have_text("My outlet", timeout=WAIT_MS)
    shot(page, f"classroom_outlets_{lang}.png", outlets)


def test_progress_shows_a_local_time_and_a_download_button(shown):
    page, server, lang = shown
    view = page.locator(".fl-progress")
    view.scroll_into_view_if_needed()
    saved = view.locator("time.fl-local")
    saved.first.wait_for(timeout=WAIT_MS)
    assert saved.first.get_attribute("data-local") == "1"       # rewritten in the browser's zone
    text = saved.first.text_content()
    assert "T" not in text and "+00:00" not in text and re.search(r"\d\d?:\d\d", text), text
    link = view.locator("a.fl-progress-download-button")
    assert link.get_attribute("role") == "button" and link.get_attribute("download") == "my_work.zip"
    refresh = view.locator(".fl-progress-refresh")            # looks like the button beside it
    for prop in ("background-color", "height"):
        assert computed(link, prop) == computed(refresh, prop), prop
    assert computed(link, "text-decoration-line") == "none"
    shot(page, f"classroom_progress_{lang}.png", view)


# --- the lessons, and the teacher, on the repository ----------------------------------------------

@pytest.fixture(scope="module")
def course_lab(chromium, tmp_path_factory):
    with labs_by_language(ROOT, tmp_path_factory, "course") as get:
        yield get


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("lesson", ["05_reframe", "06_bring_your_own"])
def test_lessons_05_and_06_run_clean(page, course_lab, lang, lesson):
    server = course_lab(lang)
    open_notebook(page, server, f"notebooks/{lang}/{lesson}.ipynb")
    run_all_cells(page)
    assert unexecuted_code_cells(page) == 0
    if lesson == "05_reframe":
        page.locator(".fl-sentence").wait_for(state="attached", timeout=WAIT_MS)
    else:
        page.locator(".fl-outlets img").first.wait_for(state="attached", timeout=WAIT_MS)
        assert page.locator(".fl-follow").count() == 8
        assert "compare({" not in page.locator(".jp-NotebookPanel").first.text_content()
    screenshot_notebook(page, ARTIFACTS / f"classroom_{lesson}_{lang}.png")
    assert_clean_notebook_page(page, server, f"{lesson}.ipynb")


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_lesson_02_runs_clean_and_shows_who_gets_to_speak(page, course_lab, lang):
    """The voices chart of lesson 02, drawn in the edition's language with its alt text,
    between the question that introduces it and the one that asks what it means."""
    server = course_lab(lang)
    open_notebook(page, server, f"notebooks/{lang}/02_sourcing.ipynb")
    run_all_cells(page)
    assert unexecuted_code_cells(page) == 0
    chart = page.locator(f'img[alt^="{t("chart_voices", lang)}"]')
    chart.wait_for(timeout=WAIT_MS)
    assert chart.get_attribute("lang") == lang and chart.get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    assert t("chart_alt_voice", lang, name=t("voice_category_official", lang), sources=3, statements=8,
             words=115) in chart.get_attribute("alt")
    assert chart.evaluate("img => img.naturalWidth") > 600
    cell = chart.locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')][1]")
    cell.scroll_into_view_if_needed()
    shot(page, f"classroom_02_voices_{lang}.png", cell)
    screenshot_notebook(page, ARTIFACTS / f"classroom_02_sourcing_{lang}.png")
    assert_clean_notebook_page(page, server, "02_sourcing.ipynb")


def test_the_teacher_reaches_the_guide_rendered_and_the_keys_from_jupyterlab(page, course_lab):
    server = course_lab("en")
    page.goto(server.lab_url("notebooks/teacher_guide.md"))
    heading = page.locator(".jp-RenderedMarkdown h1").first
    heading.wait_for(timeout=60_000)                            # rendered, not the source
    assert page.locator(".jp-FileEditor:visible").count() == 0
    listing = page.locator(".jp-DirListing-content")
    page.locator(".jp-BreadCrumbs-home").click()                # the repository's root
    for folder in ("exercises", "seeds", "notebooks"):
        listing.locator(".jp-DirListing-item", has_text=folder).first.wait_for(timeout=WAIT_MS)
    shot(page, "classroom_teacher_guide.png")
    open_notebook(page, server, "notebooks/teacher_keys.ipynb")
    run_all_cells(page)
    frame = page.frame_locator("iframe.fl-keys-frame")
    frame.locator("h1").first.wait_for(timeout=WAIT_MS)
    assert "00" in frame.locator("h1").first.text_content()
    choose(page, "fl-keys-lesson", 4)
    frame.locator("h1", has_text="04").first.wait_for(timeout=WAIT_MS)
    screenshot_notebook(page, ARTIFACTS / "classroom_teacher_keys.png")
