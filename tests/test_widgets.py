"""The classroom widgets, driven without a browser: set values, click, read the HTML."""
import json
import re
from pathlib import Path
from html import escape, unescape
from html.parser import HTMLParser

import ipywidgets as widgets

import pytest

import kit
from kit import widgets as W
from kit.engine.article import MAX_CHARS
from kit.errors import InputError, KitError
from kit.course.i18n import t
from kit.lenses.highlights import LENSES
from kit.widgets import frames as widgets_frames, quiz as widgets_quiz
from kit.widgets.base import seed_path
from kit.widgets.frames import cohen_kappa
from kit.widgets.reframe import _conjugate, _verb_rows, _with_clitics

HOSTILE = ('وقال الوزير أحمد سالم: "<script>alert(1)</script> الاتفاق قريب $x$".\n\n'
           'وأضاف أن <img src=x onerror=alert(1)> المفاوضات "><b>x</b> مستمرة \u202eرغم '
           'الخلافات والهوة.\n\n'
           'وحذر المتحدث باسم الحركة من "الهجوم" على المدنيين في غزة.\n')
INLINE = ('قالت وزيرة الصحة سارة خليل إن المستشفيات تعمل بكامل طاقتها.\n\n'
          'وأضافت خليل: "نحتاج إلى دعم عاجل لإنقاذ الجرحى".\n\n'
          'ورفض المتحدث باسم الجيش هذه الاتهامات ووصفها بأنها "مبالغ فيها".\n')
CLASSES = (W.ArticleExplorer, W.QuoteQuiz, W.SourceMap, W.FrameAnnotator, W.ReframeLab,
           W.PasteBox)


@pytest.fixture(autouse=True)
def work_dir(tmp_path, monkeypatch):
    """Saved work goes to a fresh folder; the interface starts in English and is put back."""
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path))
    before = kit.get_language()
    kit.set_language("en")
    yield tmp_path
    kit.set_language(before)


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def html_of(obj) -> str:
    return "\n".join(w.value for w in walk(obj.widget) if isinstance(w, widgets.HTML))


def option_labels(obj) -> list[str]:
    return [label for w in walk(obj.widget) if isinstance(w, (widgets.Dropdown, widgets.ToggleButtons))
            for label in w._options_labels]


def no_errors(obj) -> None:
    assert obj.errors.outputs == () and obj.last_error is None, obj.last_error


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


# --- every widget --------------------------------------------------------------------------------

@pytest.mark.parametrize("cls", CLASSES)
def test_every_widget_builds_on_the_seed_and_displays_in_a_cell(cls):
    obj = cls()
    no_errors(obj)
    assert isinstance(obj.widget, widgets.VBox)
    assert "application/vnd.jupyter.widget-view+json" in obj._repr_mimebundle_()
    assert callable(obj._ipython_display_)
    assert "fl-w" in obj.widget._dom_classes and obj.css_class in obj.widget._dom_classes


@pytest.mark.parametrize("cls", CLASSES)
def test_hostile_article_text_never_becomes_markup(cls):
    obj = cls(HOSTILE)
    _exercise(obj)
    no_errors(obj)
    for w in walk(obj.widget):
        if isinstance(w, widgets.HTML):
            markup = _Markup()
            markup.feed(w.value)
            assert not markup.tags & {"script", "img", "b", "iframe"}, markup.tags
            assert not any(name.startswith("on") for name in markup.attributes)
            lowered = w.value.lower()
            assert "<script" not in lowered and "<img" not in lowered
            assert "$" not in w.value and "\u202e" not in w.value
    for label in option_labels(obj) + [w.description for w in walk(obj.widget)
                                       if isinstance(w, widgets.Checkbox)]:
        assert isinstance(label, str) and "\u202e" not in label
        assert "&lt;" not in label and "&amp;" not in label and "&#" not in label


def _exercise(obj) -> None:
    """Make each widget produce its feedback HTML, so the hostile test covers it too."""
    if isinstance(obj, W.ArticleExplorer):
        for toggle in obj.toggles.values():
            toggle.value = True
        for lens in obj.active:
            obj.group.value = lens
            for i in range(len(obj.shown)):
                obj.spans.value = i
    elif isinstance(obj, W.QuoteQuiz):
        for i in range(obj.total):
            obj.answer(i, speaker=widgets_quiz.ARTICLE_ITSELF, kind="direct", cue=widgets_quiz.NO_CUE)
            obj.check(i)
            obj.answer(i, **obj.expected(i))
            obj.check(i)
    elif isinstance(obj, W.FrameAnnotator):
        obj.frame.value = "conflict"
        obj.compare({0: "conflict", 1: "morality"})
    elif isinstance(obj, W.ReframeLab):
        for i in range(len(obj.sentences)):
            obj.sentence.value = i
    elif isinstance(obj, W.PasteBox):
        obj.textarea.value = obj.analysis.text
        obj.analyse()


def test_the_hostile_text_is_still_shown_as_text():
    explorer = W.ArticleExplorer(HOSTILE)
    assert escape("<script>alert(1)</script>").replace("$", "&#36;") in explorer.view.value
    assert "⟪U+202E⟫" in explorer.view.value


@pytest.mark.parametrize("cls", CLASSES)
def test_an_article_written_inline_works_in_every_widget(cls):
    obj = cls(INLINE)
    _exercise(obj)
    no_errors(obj)
    assert "سارة خليل" in html_of(obj) or "المتحدث باسم الجيش" in html_of(obj)


@pytest.mark.parametrize("cls", CLASSES)
def test_an_article_without_quotes_still_works(cls):
    obj = cls("ذهب الطلاب إلى المدرسة صباحا.\n\nوكان الجو جميلا.\n")
    no_errors(obj)
    if isinstance(obj, W.SourceMap):
        assert "the article quotes no one" in obj.alt_text("en")


def test_one_long_line_of_text_is_taken_as_text_not_as_a_file_name():
    line = INLINE.replace("\n", " ") * 3
    explorer = W.ArticleExplorer(line)
    assert explorer.analysis.quotes


# --- ArticleExplorer -----------------------------------------------------------------------------

def test_explorer_has_a_labelled_toggle_per_lens_and_shows_only_active_lenses():
    explorer = W.ArticleExplorer()
    assert set(explorer.toggles) == set(LENSES)
    assert explorer.toggles["loaded_terms"].description == t("lens_loaded_terms", "en")
    assert 'data-lens="loaded_terms"' not in explorer.view.value
    explorer.toggles["loaded_terms"].value = True
    assert 'data-lens="loaded_terms"' in explorer.view.value
    # The lens just turned on is the one listed; the list holds its spans only, in text order.
    assert explorer.group.value == "loaded_terms" and explorer.shown
    assert [h.start for h in explorer.shown] == sorted(h.start for h in explorer.shown)
    assert explorer.shown == [h for h in explorer.highlights if h.lens == "loaded_terms"]
    assert len(explorer.spans.options) == len(explorer.shown) + 1
    assert [value for _, value in explorer.group.options] == ["quotes", "reporting_verbs",
                                                              "loaded_terms"]


def test_explorer_lists_one_lens_at_a_time_with_its_count_and_outlines_the_chosen_span():
    explorer = W.ArticleExplorer(lenses=LENSES)
    counts = {lens: sum(h.lens == lens for h in explorer.highlights) for lens in LENSES}
    assert sum(counts.values()) > 100                   # one list of them all was unusable
    labels = dict((value, label) for label, value in explorer.group.options)
    assert labels["quotes"] == f'{t("lens_quotes", "en")} ({counts["quotes"]})'
    explorer.group.value = "numbers"
    assert len(explorer.spans.options) == counts["numbers"] + 1
    assert "fl-chosen" not in explorer.view.value
    explorer.spans.value = 1
    chosen = explorer.shown[1]
    marks = re.findall(r'<mark class="[^"]*fl-chosen[^"]*"[^>]*>([^<]*)', explorer.view.value)
    assert "".join(marks) == chosen.text and chosen.lens == "numbers"
    explorer.toggles["numbers"].value = False           # the listed lens off: the first one on
    assert explorer.group.value == "quotes" and explorer.toggles["numbers"].icon == ""
    assert explorer.toggles["quotes"].icon == "check"


def test_explorer_explains_the_chosen_span_in_the_current_language():
    explorer = W.ArticleExplorer(lenses=("reporting_verbs",))
    explorer.spans.value = 0
    h = explorer.shown[0]
    assert escape(h.why_en).replace("$", "&#36;") in explorer.why.value
    assert h.label_en in explorer.spans.options[1][0]
    explorer.spans.value = None
    assert t("w_explorer_pick", "en") in explorer.why.value


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_explorer_dropdown_shows_its_choose_entry_not_a_blank(lang):
    kit.set_language(lang)
    explorer = W.ArticleExplorer()
    placeholder = t("w_explorer_choose", lang, n=len(explorer.shown))
    assert explorer.spans.index == 0 and explorer.spans.label == placeholder
    assert explorer.spans.value is None and t("w_explorer_pick", lang) in explorer.why.value
    explorer.spans.value = 2
    h = explorer.shown[2]
    why = h.why_ar if lang == "ar" else h.why_en
    assert escape(why).replace("$", "&#36;") in explorer.why.value
    assert explorer.spans.label == explorer.spans.options[3][0]
    explorer.toggles["loaded_terms"].value = True      # new options: back to the choose entry
    assert explorer.spans.label == t("w_explorer_choose", lang, n=len(explorer.shown))
    explorer.spans.value = 0
    explorer.spans.value = None                        # cleared from code: the entry shows again
    assert explorer.spans.index == 0 and explorer.spans.label.startswith(placeholder[:6])
    assert t("w_explorer_pick", lang) in explorer.why.value
    no_errors(explorer)


def test_explorer_with_every_lens_off_says_nothing_is_marked():
    explorer = W.ArticleExplorer()
    for toggle in explorer.toggles.values():
        toggle.value = False
    assert explorer.shown == [] and "<mark" not in explorer.view.value
    assert t("w_explorer_nothing", "en") in explorer.why.value


# --- QuoteQuiz ---------------------------------------------------------------------------------

def test_quiz_asks_about_every_attributed_quote_with_the_engines_answers():
    quiz = W.QuoteQuiz()
    assert len([q for q in quiz.analysis.quotes if q.source_id]) == 15
    assert quiz.total == 11                       # statements: nested partial quotes are not asked again
    assert quiz.expected(1) == {"speaker": "aaron_david_miller", "kind": "direct", "cue": "وقال"}
    speakers = [value for _, value in quiz.questions[0].speaker.options]
    assert widgets_quiz.ARTICLE_ITSELF in speakers and "blinken" in speakers


def test_a_wrong_answer_gets_a_hint_and_no_point():
    quiz = W.QuoteQuiz()
    quiz.answer(1, speaker="Joe Biden", kind="direct", cue="وقال")   # a label works too
    quiz.check(1)
    feedback = quiz.questions[1].feedback.value
    assert escape(t("w_quiz_hint_speaker", "en")) in feedback
    assert escape(t("w_quiz_hint_kind", "en")) not in feedback      # the kind was right
    assert quiz.score == 0 and "0 / 11" in quiz.score_html.value


def test_a_right_answer_gets_the_explanation_with_how_and_via_and_a_point():
    quiz = W.QuoteQuiz()
    quiz.answer(1, speaker="aaron_david_miller", kind="direct", cue="وقال")
    quiz.check(1)
    feedback = quiz.questions[1].feedback.value
    assert "✓" in feedback and escape(t("w_how_after_verb", "en")) in feedback
    assert "Financial Times → Aaron David Miller" in feedback
    assert quiz.score == 1 and "1 / 11" in quiz.score_html.value


def test_an_incomplete_answer_is_not_graded():
    quiz = W.QuoteQuiz()
    quiz.answer(0, speaker="ft")
    quiz.check(0)
    assert t("w_quiz_incomplete", "en") in quiz.questions[0].feedback.value
    assert quiz.results == {}


def test_checked_answers_survive_a_restart_and_reset_clears_them(work_dir):
    first = W.QuoteQuiz()
    first.answer(1, **first.expected(1))
    first.check(1)
    first.answer(2, speaker="biden", kind="indirect", cue="وقال")
    first.check(2)
    assert (work_dir / "quote_quiz.json").is_file()
    again = W.QuoteQuiz()
    assert again.score == 1 and again.results == {1: True, 2: False}
    assert again.questions[2].speaker.value == "biden"
    assert "✓" in again.questions[1].feedback.value
    again.reset()
    assert W.QuoteQuiz().score == 0


def test_saved_quiz_work_is_kept_per_article():
    seed_quiz = W.QuoteQuiz()
    seed_quiz.answer(0, **seed_quiz.expected(0))
    seed_quiz.check(0)
    other = W.QuoteQuiz(INLINE)
    assert other.score == 0
    other.answer(0, **other.expected(0))
    other.check(0)
    assert W.QuoteQuiz().score == 1 and W.QuoteQuiz(INLINE).score == 1


def test_a_damaged_save_file_is_reported_inside_the_widget(work_dir):
    (work_dir / "quote_quiz.json").write_text("{not json", "utf-8")
    quiz = W.QuoteQuiz()
    assert quiz.errors.outputs and isinstance(quiz.last_error, KitError)
    assert quiz.score == 0
    quiz.answer(0, **quiz.expected(0))
    quiz.check(0)                        # never saved over the damaged file...
    assert (work_dir / "quote_quiz.json").read_text("utf-8") == "{not json"
    quiz.recover_button.click()          # ...until the student recovers it
    assert list(work_dir.glob("quote_quiz.json.invalid-*"))
    quiz = W.QuoteQuiz()
    quiz.answer(0, **quiz.expected(0))
    quiz.check(0)
    assert W.QuoteQuiz().score == 1


def test_a_failing_callback_shows_a_short_message_instead_of_vanishing(monkeypatch):
    quiz = W.QuoteQuiz()

    def broken(i):
        raise RuntimeError("boom")
    monkeypatch.setattr(quiz, "_grade", broken)
    quiz.answer(0, **quiz.expected(0))
    quiz.check(0)
    shown = quiz.errors.outputs[0]["data"]["text/html"]
    assert "Something went wrong: RuntimeError" in shown

    def kit_error(i):
        raise KitError("in English", "بالعربية")
    monkeypatch.setattr(quiz, "_grade", kit_error)
    quiz.check(0)
    assert "in English" in quiz.errors.outputs[0]["data"]["text/html"]


MANY_QUOTES = 'وقال الوزير: "الاتفاق قريب جدا". ' * 300     # one line, 300 statements


def built_widgets() -> int:
    """How many ipywidgets (with their layouts and styles) are open in this kernel."""
    from ipywidgets.widgets.widget import _instances
    return len(_instances)


def widgets_built_by(build) -> int:
    before = built_widgets()
    build()
    return built_widgets() - before


def test_a_quiz_on_many_quotes_builds_only_the_page_shown():
    analysis, size = kit.analyze(text=MANY_QUOTES), widgets_quiz.PAGE_SIZE
    two_pages = kit.analyze(text='وقال الوزير: "الاتفاق قريب جدا". ' * (2 * size))
    for_two_pages = widgets_built_by(lambda: W.QuoteQuiz(two_pages))
    before = built_widgets()
    quiz = W.QuoteQuiz(analysis)
    built = built_widgets() - before
    assert built == for_two_pages               # as many widgets for 300 questions as for 40
    assert quiz.total == 300 and quiz.pages == -(-300 // size) and list(quiz.questions) == list(range(size))
    dropdowns = [w for w in walk(quiz.widget) if isinstance(w, widgets.Dropdown)]
    assert len(dropdowns) == 3 * size
    assert "Statement 1 of 300" in html_of(quiz) and f"Statement {size + 1} of" not in html_of(quiz)
    assert built < 30 * size            # one page's worth (was 300 questions' worth)
    top, bottom = quiz.pagers
    assert top.box.layout.display is None and f"Statements 1–{size} of 300" in top.label.value
    assert top.previous.disabled and not top.next.disabled
    bottom.next.click()                 # the page turns; the widgets of the last page are closed
    assert quiz.page == 1 and list(quiz.questions) == list(range(size, 2 * size))
    assert f"Statements {size + 1}–{2 * size} of 300" in bottom.label.value and not top.previous.disabled
    assert built_widgets() - before == built and all(not d.comm for d in dropdowns)
    quiz.show_page(quiz.pages - 1)
    assert list(quiz.questions)[-1] == 299 and top.next.disabled and "of 300" in top.label.value
    top.previous.click()
    assert quiz.page == quiz.pages - 2
    no_errors(quiz)


def test_the_seed_fits_on_one_page_without_a_pager():
    quiz = W.QuoteQuiz()
    assert quiz.pages == 1 and list(quiz.questions) == list(range(11))
    assert all(pager.box.layout.display == "none" for pager in quiz.pagers)


def test_answers_on_a_later_page_survive_turning_pages_and_a_rebuild(work_dir):
    analysis = kit.analyze(text=MANY_QUOTES)
    size = widgets_quiz.PAGE_SIZE
    third, first = 2 * size + 5, 3            # a question on page 3, one on page 1
    quiz = W.QuoteQuiz(analysis)
    quiz.answer(third, **quiz.expected(third))
    quiz.check(third)                         # turns to page 3, as a student would
    assert quiz.page == 2 and quiz.score == 1
    quiz.answer(third + 1, speaker=widgets_quiz.ARTICLE_ITSELF, kind="direct", cue="وقال")
    quiz.check(third + 1)                     # wrong speaker
    quiz.answer(third + 2, kind="partial")    # chosen, not checked
    quiz.answer(first, **quiz.expected(first))
    quiz.check(first)
    assert quiz.page == 0 and quiz.score == 2 and quiz.results == {third: True, third + 1: False, first: True}
    assert "Score: 2 / 300" in quiz.score_html.value       # the score counts every page
    quiz.show_page(2)
    assert {part: getattr(quiz.questions[third], part).value for part in widgets_quiz.PARTS} == \
        quiz.expected(third)
    assert t("w_quiz_right", "en") in quiz.questions[third].feedback.value
    assert t("w_quiz_hint_speaker", "en") in quiz.questions[third + 1].feedback.value
    assert t("w_quiz_hint_kind", "en") not in quiz.questions[third + 1].feedback.value
    assert quiz.questions[third + 2].kind.value == "partial" and quiz.questions[third + 2].feedback.value == ""

    again = W.QuoteQuiz(analysis)             # a kernel restart: the checked answers come back
    assert again.page == 0 and again.score == 2 and again.results == quiz.results
    assert again.questions[first].cue.value == quiz.expected(first)["cue"]
    again.show_page(2)
    assert again.questions[third + 1].speaker.value == widgets_quiz.ARTICLE_ITSELF
    assert t("w_quiz_hint_speaker", "en") in again.questions[third + 1].feedback.value
    assert again.questions[third + 2].kind.index == 0       # never checked, never saved

    again.reset()                             # clears every page, here and saved
    assert again.score == 0 and again.questions[third].speaker.index == 0
    again.show_page(0)
    assert again.questions[first].speaker.index == 0 and again.questions[first].feedback.value == ""
    assert W.QuoteQuiz(analysis).results == {}
    no_errors(quiz)
    no_errors(again)


def test_the_pager_speaks_arabic_right_to_left():
    kit.set_language("ar")
    quiz = W.QuoteQuiz(kit.analyze(text=MANY_QUOTES))
    quiz.show_page(1)
    size = widgets_quiz.PAGE_SIZE
    label = quiz.pagers[0].label.value
    assert f"التصريحات {size + 1} إلى {2 * size} من أصل 300" in label and 'dir="rtl"' in label
    assert quiz.pagers[0].previous.description == "→ السابق" and quiz.pagers[0].next.description == "التالي ←"


# --- SourceMap ---------------------------------------------------------------------------------

def test_source_map_draws_the_chain_site_relay_source():
    smap = W.SourceMap()
    assert ("site", "ft") in smap.edges and ("ft", "aaron_david_miller") in smap.edges
    assert ("site", "blinken") in smap.edges
    assert smap.nodes["aaron_david_miller"].level == 2 and smap.nodes["ft"].level == 1
    assert smap.nodes["site"].names == {"en": "Sky News Arabia", "ar": "سكاي نيوز عربية"}
    assert "fl-sources-media" in smap.svg and "fl-sources-person" in smap.svg
    assert "Antony Blinken" in smap.svg and "Media" in smap.svg      # type in words too


def test_source_map_table_absent_parties_and_alt_text_in_both_languages():
    smap = W.SourceMap()
    assert "Antony Blinken" in smap.table_html and "وزير الخارجية الأميركي" in smap.table_html
    assert "Hamas" in smap.absent
    assert "Aaron David Miller (Person, statements: 2, through Financial Times)" in smap.alt_text("en")
    assert "Hamas" in smap.alt_text_en and "حماس" in smap.alt_text_ar
    assert smap.alt_text() == smap.alt_text_en
    kit.set_language("ar")
    arabic = W.SourceMap()
    assert "حركة حماس" in arabic.absent and "بلينكن" in arabic.svg
    assert arabic.alt_text() == arabic.alt_text_ar


def test_source_map_colours_are_the_charts_palette():
    from kit.view import palette, plots, source_map
    for name in ("ORANGE", "SKY_BLUE", "GREEN", "YELLOW", "BLUE", "PURPLE", "GREY"):
        assert getattr(source_map, name) == getattr(plots, name) == getattr(palette, name)


# --- FrameAnnotator ------------------------------------------------------------------------------

def test_frame_coding_is_saved_on_every_change_and_reloaded():
    coder = W.FrameAnnotator()
    coder.frame.value = "conflict"
    coder.questions["conflict:0"].value = True
    coder.go(2)
    assert coder.frame.value is None and not coder.questions["conflict:0"].value
    coder.frame.value = "none"
    again = W.FrameAnnotator()
    assert again.annotations == {0: {"frame": "conflict", "questions": ["conflict:0"]},
                                 2: {"frame": "none", "questions": []}}
    assert again.frame.value == "conflict" and again.questions["conflict:0"].value


def test_frame_navigation_and_the_paragraph_shown_rtl():
    coder = W.FrameAnnotator()
    next_button = next(w for w in walk(coder.widget) if "fl-frames-next" in w._dom_classes)
    next_button.click()
    assert coder.current == 1 and coder.picker.value == 1
    paragraph = coder.analysis.paragraphs[1].text
    assert f'dir="rtl" lang="ar">{escape(paragraph)}' in coder.text.value
    assert len(coder.questions) == sum(len(f["questions"]) for f in kit.lenses.highlights.frames())
    assert coder.questions["morality:0"].description.startswith("Does the story contain")


def test_compare_with_a_key_gives_agreement_kappa_and_a_table():
    coder = W.FrameAnnotator()
    for i, frame in enumerate(["conflict", "conflict", "human_interest", "responsibility"]):
        coder.go(i)
        coder.frame.value = frame
    result = coder.compare({0: "conflict", 1: "conflict", 2: "human_interest", 3: "responsibility"})
    assert result.kappa == 1.0 and result.agreement == 1.0 and result.compared == 4
    result = coder.compare({"0": "conflict", "1": "morality", "2": "human_interest",
                            "3": "responsibility", "4": "conflict"})
    assert result.agreement == 0.75 and result.not_coded == (4,)
    mine = ["conflict", "conflict", "human_interest", "responsibility"]
    assert result.kappa == pytest.approx(cohen_kappa(mine, ["conflict", "morality", *mine[2:]]))
    assert "75%" in coder.result_html.value and "<table>" in coder.result_html.value
    assert "✗" in coder.result_html.value


def test_compare_uses_the_teachers_key_file_when_present(tmp_path, monkeypatch):
    key = {"schema": "framing-lab/frame-key", "version": 1, "article": "000_6066f5c852812abd.txt",
           "paragraphs": {"0": "conflict", "1": "conflict"}}
    path = tmp_path / "frame_key.json"
    path.write_text(json.dumps(key), "utf-8")
    monkeypatch.setattr(widgets_frames, "key_path", lambda: path)
    coder = W.FrameAnnotator()
    coder.frame.value = "conflict"
    coder.compare_button.click()
    no_errors(coder)
    assert "100%" in coder.result_html.value
    assert W.FrameAnnotator(INLINE).compare() is None        # the key is for the seed only


def test_compare_without_a_key_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(widgets_frames, "key_path", lambda: tmp_path / "missing.json")
    coder = W.FrameAnnotator()
    assert coder.compare() is None
    assert escape(t("w_frames_no_key", "en")) in coder.result_html.value


def test_a_bad_key_is_refused_with_a_message():
    coder = W.FrameAnnotator()
    with pytest.raises(KitError):
        coder.compare({0: "warfare"})
    with pytest.raises(KitError):
        coder.compare({99: "conflict"})


def test_cohen_kappa_on_known_examples():
    assert cohen_kappa(list("abcab"), list("abcab")) == 1.0
    # The 2x2 example of Wikipedia "Cohen's kappa": 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
    first = ["yes"] * 25 + ["no"] * 25
    second = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert cohen_kappa(first, second) == pytest.approx(0.4)
    assert cohen_kappa(["a", "b"], ["b", "a"]) == pytest.approx(-1.0)
    assert cohen_kappa([], []) is None
    assert cohen_kappa(["a", "a"], ["a", "a"]) is None       # chance agreement 1: undefined
    with pytest.raises(ValueError):
        cohen_kappa(["a"], [])


# --- ReframeLab --------------------------------------------------------------------------------

def _sentence_with(lab, word: str) -> int:
    return next(i for i, s in enumerate(lab.sentences) if word in s.text.split())


def test_reframing_a_verb_changes_its_lens_reading():
    lab = W.ReframeLab()
    i = _sentence_with(lab, "آرون")
    result = lab.choose(i, "وقال", "زعم")
    assert result.original.startswith("وقال آرون") and result.rewritten.startswith("وزعم آرون")
    before = [h for h in result.readings["original"] if h.lens == "reporting_verbs"]
    after = [h for h in result.readings["rewritten"] if h.lens == "reporting_verbs"]
    assert [(h.text, h.category) for h in before] == [("وقال", "neutral")]
    assert [(h.text, h.category) for h in after] == [("وزعم", "doubting")]
    assert "<mark>وزعم</mark>" in lab.pair.value
    assert escape(after[0].why_en) in lab.readings_html.value


def test_reframing_a_term_offers_its_alternatives_with_its_clitics():
    lab = W.ReframeLab()
    i = _sentence_with(lab, "والهوة")
    result = lab.choose(i, "والهوة", "الخلاف")
    assert "والخلاف" in result.rewritten and "والهوة" not in result.rewritten
    assert not any(h.text == "والخلاف" for h in result.readings["rewritten"])
    assert escape(t("w_reframe_unmarked", "en", word="والخلاف")) in lab.readings_html.value


def test_verb_replacements_have_another_connotation_and_keep_the_form():
    rows = _verb_rows()
    assert _conjugate("كشفت", rows["كشف"], rows["قال"]) == "قالت"
    assert _conjugate("ووصفها", rows["وصف"], rows["اعتبر"]) == "واعتبرها"
    assert _conjugate("مضيفا", rows["أضاف"], rows["زعم"]) == "زاعما"
    assert _conjugate("وقال", rows["قال"], rows["ادعى"]) == "وادعى"
    assert _conjugate("قالت", rows["قال"], rows["ادعى"]) == "ادعت"
    assert _conjugate("يقولون", rows["قال"], rows["زعم"]) is None     # not a form it knows
    assert _conjugate("مضيفا", rows["أضاف"], rows["كتب"]) is None      # كتب has no participle
    assert _conjugate("مبينا", rows["بيّن"], rows["قال"]) == "قائلا"
    assert _conjugate("قالت", rows["قال"], rows["بيّن"]) is None       # nor بيّن a past tense
    assert _conjugate("ووصفها", rows["وصف"], rows["ادعى"]) == "وادعاها"   # ى before a pronoun
    assert _conjugate("ووصفها", rows["وصف"], rows["نفى"]) == "ونفاها"
    assert _conjugate("ادعاه", rows["ادعى"], rows["زعم"]) == "زعمه"
    lab = W.ReframeLab()
    lab.choose(_sentence_with(lab, "آرون"), "وقال", "زعم")
    connotations = {rows[value]["connotation"] for _, value in lab.replacement.options}
    assert "neutral" not in connotations and connotations


def test_a_verb_with_an_object_pronoun_is_offered_only_verbs_that_take_one():
    """ووصفها بأنها وهمية: قال takes no direct object, so «وقالها» is not offered."""
    lab = W.ReframeLab()
    lab.choose(_sentence_with(lab, "ووصفها"), "ووصفها", "رفض")
    offered = {value: label.split(" — ")[0] for label, value in lab.replacement.options}
    assert "قال" not in offered and offered["رفض"] == "ورفضها" and offered["نفى"] == "ونفاها"
    assert "ونفىها" not in lab.pair.value and "ورفضها" in lab.result.rewritten


def test_a_verb_swap_rewrites_what_the_verb_governs():
    """The two changes notebook 05 prescribes, and their reverse, read as correct Arabic."""
    lab = W.ReframeLab()
    insisted = lab.choose(_sentence_with(lab, "أصر"), "أصر", "قال")
    assert "قال نتنياهو إن الطريقة الوحيدة" in insisted.rewritten
    assert "على أن" not in insisted.rewritten
    assert [(h.text, h.category) for h in insisted.readings["rewritten"]
            if h.lens == "reporting_verbs"] == [("قال", "neutral"), ("مضيفا", "neutral")]
    warned = lab.choose(_sentence_with(lab, "وحذر"), "وحذر", "قال")
    assert 'وقال بصراحة: "لا يمكن' in warned.rewritten and "قائلا" not in warned.rewritten
    said = lab.choose(_sentence_with(lab, "إنه"), "وقال", "أصر")
    assert said.rewritten.startswith("وأصر بلينكن على أنه في حين")
    said = lab.choose(_sentence_with(lab, "إنه"), "وقال", "حذر")
    assert said.rewritten.startswith("وحذر بلينكن من أنه في حين")


def test_a_verb_with_a_noun_object_is_only_swapped_for_verbs_that_take_one():
    """«كشفت صحيفة "فايننشال تايمز" حجم الخلافات»: كشف governs a noun here, not a clause, so
    قال (which only takes a clause or a quotation) is not offered; ذكرت is, and reads right."""
    lab = W.ReframeLab()
    lab.sentence.value = _sentence_with(lab, "كشفت")
    target = next(x for x in lab._current() if x.highlight.text == "كشفت")
    offered = {value for _word, value in target.options}
    assert "قال" not in offered and "أضاف" not in offered and "أصر" not in offered
    assert {"ذكر", "نقل", "أعلن"} <= offered
    assert all("direct" in _verb_rows()[v]["object"].split("|") for v in offered)
    result = lab.choose(lab.sentence.value, "كشفت", "ذكر")
    assert result.rewritten.startswith('ذكرت صحيفة "فايننشال تايمز" حجم الخلافات')
    # A verb that introduces a clause keeps the clause rule: قال is still offered for أصر.
    lab.sentence.value = _sentence_with(lab, "أصر")
    target = next(x for x in lab._current() if x.highlight.text == "أصر")
    assert "قال" in {value for _word, value in target.options}


def test_every_verb_governs_known_kinds_of_noun_object():
    from kit.lenses.government import OBJECTS, object_forms
    for lemma, row in _verb_rows().items():
        assert row["object"] == "-" or object_forms(row) <= set(OBJECTS), (lemma, row["object"])
    assert object_forms(_verb_rows()["قال"]) == set()


def _verb_menu(lab):
    """(sentence index, verb as written, replacement) for every verb swap the lab offers."""
    for i in range(len(lab.sentences)):
        lab.sentence.value = i
        for target in lab._current():
            if target.highlight.lens == "reporting_verbs":
                for _word, value in target.options:
                    yield i, target.highlight, value


def test_every_verb_swap_in_the_menu_takes_the_new_verbs_government_and_no_own_participle():
    from kit.engine.cues import cue_of
    from kit.engine.arabic import tokenize
    from kit.lenses.government import _GOVERNING, _pattern, _window
    lab, rows, checked = W.ReframeLab(), _verb_rows(), 0
    for i, h, value in list(_verb_menu(lab)):
        old, new = rows[cue_of(tokenize(h.text)[0]).lemma], rows[value]
        s = lab.sentences[i]
        result = lab.choose(i, h.text, value)
        before_tail = s.text[h.end - s.start:]
        at = result.rewritten.index(result.replacement, h.start - s.start) + len(result.replacement)
        after_tail = result.rewritten[at:]
        assert result.rewritten[:at] == s.text[:h.start - s.start] + result.replacement
        governed = old["government"] in _GOVERNING and _pattern(old["government"]).search(
            before_tail, 0, _window(before_tail))
        if governed and new["government"] in _GOVERNING:
            assert _pattern(new["government"]).search(after_tail, 0, _window(after_tail)), (
                f"{h.text} -> {value}: {result.rewritten}")
            checked += 1
        if new["participle"] != "-":
            assert not re.search(r"\s" + new["participle"] + r"(ا|ة|ين)(?!\w)", after_tail[:40]), (
                f"{h.text} -> {value}: {result.rewritten}")
    assert checked > 50


def test_the_government_examples_run():
    import doctest
    from kit.lenses import government
    assert doctest.testmod(government).failed == 0


def test_term_clitics():
    assert _with_clitics("للحرب", "الحرب", "العدوان") == "للعدوان"
    assert _with_clitics("والانقسامات العميقة", "الانقسامات العميقة", "الخلافات") == "والخلافات"
    assert _with_clitics("الهوة", "الهوة", "التباين") == "التباين"


# --- PasteBox ----------------------------------------------------------------------------------

def paste(box, text: str) -> None:
    box.textarea.value = text
    box.analyse()


def test_paste_box_uses_the_given_article_until_one_is_pasted_then_the_pasted_one(work_dir):
    box = W.PasteBox(INLINE)
    assert not box.pasted and box.text == INLINE and box.textarea.value == ""
    assert escape(t("w_paste_status_example", "en")) in box.status.value
    paste(box, HOSTILE)
    no_errors(box)
    engine = kit.analyze(HOSTILE)
    assert box.pasted and box.text == HOSTILE and box.textarea.value == HOSTILE
    assert t("w_paste_counts", "en", paragraphs=len(engine.paragraphs), quotes=len(engine.quotes),
             speakers=len({q.source_id for q in engine.quotes if q.source_id}),
             sources=len(engine.sources)) in box.summary.value
    assert escape(t("w_paste_status_done", "en")) in box.status.value
    explorer = W.ArticleExplorer(box.analysis)       # the cells below work on the pasted text
    assert explorer.analysis.text == HOSTILE and "⟪U+202E⟫" in explorer.view.value
    saved = json.loads((work_dir / "pasted_article.json").read_text("utf-8"))
    assert saved["data"] == {"text": HOSTILE}


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("bad", ["", "  \n\n ", "ق" * (MAX_CHARS + 1)], ids=["empty", "blank", "too-long"])
def test_text_the_kit_refuses_gives_its_message_in_the_box_and_loses_nothing(lang, bad):
    kit.set_language(lang)
    box = W.PasteBox(INLINE)
    paste(box, bad)              # a callback: nothing is raised into the cell
    with pytest.raises(InputError) as refused:
        kit.analyze(bad)
    shown = box.errors.outputs[0]["data"]["text/html"]
    assert escape(refused.value.message(lang)) in shown and "Traceback" not in shown
    assert f'dir="{"rtl" if lang == "ar" else "ltr"}"' in shown
    assert box.textarea.value == bad and box.text == INLINE and not box.pasted
    assert escape(t("w_paste_status_kept", lang)) in box.status.value


@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("text, code", [
    ('The minister said: "we will win".\n', "not_arabic"),
    ('قال الوزير: "\u202eالاتفاق قريب".\n', "bidi_control"),
    ('<p>قال الوزير: "<script>alert(1)</script> الاتفاق قريب".</p>\n', None),
], ids=["not-arabic", "bidi", "html"])
def test_odd_text_is_analysed_with_the_kits_warning_in_the_summary(lang, text, code):
    kit.set_language(lang)
    box = W.PasteBox()
    paste(box, text)
    no_errors(box)
    assert box.pasted and box.text == text
    diagnostic = next((d for d in kit.analyze(text).diagnostics if d.code == code), None)
    if code:
        message = diagnostic.message_ar if lang == "ar" else diagnostic.message_en
    else:
        message = t("w_paste_markup", lang)
    assert escape(message) in box.summary.value
    markup = _Markup()
    markup.feed(box.summary.value)
    assert markup.tags <= {"div", "strong", "p", "ul", "li"} and "\u202e" not in box.summary.value


def test_many_warnings_of_one_kind_are_listed_once_with_a_count():
    text = 'قال الوزير: "\u202eالاتفاق \u202eقريب \u202eجدا".\n'
    box = W.PasteBox()
    paste(box, text)
    assert box.summary.value.count("U+202E at character") == 1
    assert escape(t("w_paste_times", "en", n=2)) in box.summary.value


def test_the_pasted_article_comes_back_after_a_restart(work_dir):
    paste(W.PasteBox(INLINE), HOSTILE)
    kit.set_language("ar")
    again = W.PasteBox(INLINE)
    no_errors(again)
    assert again.pasted and again.text == HOSTILE and again.textarea.value == HOSTILE
    assert escape(t("w_paste_status_restored", "ar")) in again.status.value
    paste(again, "")             # a refused text is not saved over the good one
    assert W.PasteBox(INLINE).text == HOSTILE


def test_a_damaged_save_file_is_reported_and_the_given_article_is_used(work_dir):
    (work_dir / "pasted_article.json").write_text("{not json", "utf-8")
    box = W.PasteBox(INLINE)
    assert isinstance(box.last_error, KitError) and box.errors.outputs
    assert box.text == INLINE and not box.pasted
    paste(box, HOSTILE)          # saving sets the damaged file aside and goes on
    assert box.errors.outputs == () and box.pasted
    assert W.PasteBox(INLINE).text == HOSTILE
    assert list(work_dir.glob("pasted_article.json.invalid-*"))


def test_text_pasted_but_not_analysed_is_analysed_when_a_cell_asks_for_it():
    box = W.PasteBox(INLINE)
    box.textarea.value = HOSTILE
    assert box.analysis.text == HOSTILE and box.pasted


def test_a_pasted_line_naming_a_file_is_text_not_a_file_to_open():
    box = W.PasteBox(INLINE)
    paste(box, str(seed_path()))
    no_errors(box)
    assert box.pasted and box.text.strip() == str(seed_path())


def test_without_any_article_the_box_says_what_to_do():
    box = W.PasteBox(Path("no/such/article.txt"))
    assert isinstance(box.last_error, InputError) and box.errors.outputs
    with pytest.raises(InputError, match="paste one in the box above"):
        _ = box.analysis
    paste(box, INLINE)
    assert box.text == INLINE


# --- language ----------------------------------------------------------------------------------

def test_widgets_are_built_in_the_current_language():
    english = W.ArticleExplorer()
    kit.set_language("ar")
    arabic = W.ArticleExplorer()
    assert english.toggles["quotes"].description == t("lens_quotes", "en")
    assert arabic.toggles["quotes"].description == t("lens_quotes", "ar")
    assert "fl-w-rtl" in arabic.widget._dom_classes and "fl-w-ltr" in english.widget._dom_classes
    assert 'dir="rtl" lang="ar"' in arabic.why.value
    quiz = W.QuoteQuiz()
    assert quiz.questions[0].button.description == "تحقق"
    assert "آرون ديفيد ميلر" in [label for label, _ in quiz.questions[0].speaker.options]


def test_every_arabic_html_block_is_marked_rtl():
    kit.set_language("ar")
    for cls in CLASSES:
        obj = cls()
        for w in walk(obj.widget):
            if isinstance(w, widgets.HTML) and w.value and not w.value.startswith("<style>"):
                assert 'dir="rtl"' in w.value and 'dir="ltr"' not in w.value, (cls, w.value[:80])


def _ui_strings(name: str) -> dict:
    return json.loads((Path(kit.__file__).parent / "data" / name).read_text("utf-8"))


@pytest.mark.parametrize("name", ["ui_widgets.json", "ui_paste.json"])
def test_every_widget_string_exists_in_both_languages(name):
    for key, entry in _ui_strings(name).items():
        assert key.startswith("w_") and set(entry) == {"ar", "en"} and all(entry.values())


def test_the_paste_box_strings_override_no_other_string():
    folder = Path(kit.__file__).parent / "data"
    others = set().union(*(_ui_strings(path.name) for path in folder.glob("ui_*.json")
                           if path.name != "ui_paste.json"))
    assert not others & set(_ui_strings("ui_paste.json"))


def test_no_interface_string_is_defined_twice_in_one_file():
    """json.loads keeps the last of two equal keys silently: an edit to the first would be lost."""
    def no_repeats(pairs):
        keys = [key for key, _ in pairs]
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
        return dict(pairs)
    for path in (Path(kit.__file__).parent / "data").glob("ui_*.json"):
        json.loads(path.read_text("utf-8"), object_pairs_hook=no_repeats)


def test_every_way_the_engine_finds_a_speaker_is_explained_in_both_languages():
    """The quiz explains Quote.how in the student's language: every value the engine gives on the
    gold corpora has an interface string (a new rule without one would show English in Arabic)."""
    from pathlib import Path
    hows = set()
    for path in sorted(Path(__file__).parent.joinpath("data").glob("*/*.json")):
        hows |= {q.how for q in kit.analyze(json.loads(path.read_text(encoding="utf-8"))["text"]).quotes}
    hows.discard("")
    assert hows <= set(widgets_quiz.HOW_KEYS), hows - set(widgets_quiz.HOW_KEYS)
    for key in widgets_quiz.HOW_KEYS.values():
        assert t(key, "ar") != t(key, "en") and t(key, "ar")


def test_compare_shows_only_coded_paragraphs_with_the_keys_reasons_and_the_ticks():
    key = json.loads((Path(kit.course.paths.exercises_dir()) / "frame_key.json").read_text("utf-8"))
    coder = W.FrameAnnotator()
    for i, frame in [(0, "conflict"), (3, "conflict"), (5, "morality")]:
        coder.go(i)
        coder.frame.value = frame
    coder.go(3)
    coder.questions["responsibility:0"].value = True        # the key's frame for paragraph 3
    coder.go(5)
    coder.questions["human_interest:1"].value = True
    result = coder.compare()
    # where the student ticked, the ticks decide, not the dropdown
    assert result.rows == ((0, "conflict", "conflict"), (3, "responsibility", "responsibility"),
                           (5, "human_interest", "conflict"))
    assert result.ticked == ((), ("responsibility",), ("human_interest",))
    assert result.ticks_point_to_key == 1 and len(result.not_coded) == 11
    shown = coder.result_html.value
    assert shown.count("<tr>") == 4                          # a header and the 3 coded rows
    assert escape(key["notes"]["3"]["en"]) in shown           # the key's reasons, coded only
    assert escape(key["notes"]["1"]["en"]) not in shown and escape(key["notes"]["12"]["en"]) not in shown
    assert "also present: Morality" in shown                  # paragraph 5's other frame
    assert t("w_frames_ticks", "en", same=1, n=3).replace("'", "&#x27;") in shown
    assert "<td>Attribution of responsibility 1</td>" in shown   # yes answers per frame
    assert "compare(" not in t("w_frames_no_key", "en") and "compare(" not in t("w_frames_no_key", "ar")


def test_a_quiz_question_shows_its_quote_in_a_bounded_part_of_a_very_long_paragraph(tmp_path, monkeypatch):
    """One line of 300 quotes: each question shows the words around its quote with «…», not the
    whole line (300 questions each holding the whole line cost time and memory with the
    square of its length)."""
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path))
    text = 'وقال الوزير: "الاتفاق قريب جدا". ' * 300
    quiz = W.QuoteQuiz(kit.analyze(text=text))
    assert quiz.total == 300

    def shown(i: int) -> str:
        quiz.show_page(i // widgets_quiz.PAGE_SIZE)
        return quiz.questions[i].box.children[0].value
    for i in (0, 150, 299):
        assert "<mark>الاتفاق قريب جدا</mark>" in shown(i)
        assert len(unescape(re.sub(r"<[^>]+>", "", shown(i)))) < 1_300
    middle = unescape(re.sub(r"<[^>]+>", "", shown(150)))
    assert middle.startswith("Statement 151 of 300… ") and middle.endswith(" …")
    seed = W.QuoteQuiz()   # a news paragraph is shown whole
    assert "…" not in "".join(q.box.children[0].value for q in seed.questions.values())


def test_the_dominant_frame_comes_from_the_ticks_with_ties_shown_as_ties():
    """Most yes answers decides; a tie is shown and left out until the dropdown breaks it; the
    keyword strip is shown only as a hint; without ticks the dropdown codes the paragraph."""
    key = {0: "conflict", 1: "conflict", 3: "responsibility", 6: "human_interest"}
    coder = W.FrameAnnotator()
    coder.frame.value = "morality"                    # ticks below outvote this choice
    for qid in ("conflict:0", "conflict:1", "morality:0"):
        coder.questions[qid].value = True
    assert coder.coding(0) == ("conflict",)
    shown = coder.derived_html.value
    assert escape(t("w_frames_from_ticks", "en", frame="Conflict", n=2)) in shown
    assert escape(t("w_frames_hint", "en", frames="Conflict")) in shown   # paragraph 1's cue words
    coder.go(3)
    for qid in ("conflict:0", "responsibility:0"):
        coder.questions[qid].value = True
    assert coder.coding(3) == ("conflict", "responsibility")
    assert escape(t("w_frames_tie", "en", frames="Conflict and Attribution of responsibility", n=1)) \
        in coder.derived_html.value
    coder.go(1)
    coder.frame.value = "economic"                    # no ticks: the dropdown's frame
    result = coder.compare(key)
    assert result.rows == ((0, "conflict", "conflict"), (1, "economic", "conflict"))
    assert result.ties == ((3, ("conflict", "responsibility")),) and result.agreement == 0.5
    assert result.not_coded == (6,)
    table = coder.result_html.value
    assert "<td>Conflict = Attribution of responsibility (tie)</td>" in table
    assert "<td>Conflict 1, Attribution of responsibility 1</td>" in table
    assert escape(t("w_frames_ties_summary", "en", n=1)) in table
    coder.go(3)
    coder.frame.value = "responsibility"             # breaks the tie
    assert coder.coding(3) == ("responsibility",)
    assert "broken by your choice: Attribution of responsibility" in coder.derived_html.value
    result = coder.compare(key)
    assert result.ties == () and result.compared == 3 and result.agreement == pytest.approx(2 / 3)
    coder.frame.value = "morality"                   # not one of the tied frames: still a tie
    assert coder.compare(key).ties == ((3, ("conflict", "responsibility")),)
    no_errors(coder)
    again = W.FrameAnnotator()                        # the ticks come back, so does the coding
    assert again.coding(0) == ("conflict",) and again.coding(3) == ("conflict", "responsibility")


def test_the_frame_widget_speaks_arabic():
    kit.set_language("ar")                            # the fixture sets English back
    coder = W.FrameAnnotator()
    coder.questions["human_interest:0"].value = True
    shown = coder.derived_html.value
    assert 'dir="rtl" lang="ar"' in shown
    assert escape(t("w_frames_from_ticks", "ar", frame="الاهتمام الإنساني", n=1)) in shown


def test_codebook_examples_run():
    import doctest
    from kit.course import codebook
    from kit.lenses import voices
    assert doctest.testmod(codebook).failed == 0 and doctest.testmod(voices).failed == 0


def test_explorer_lists_at_most_a_few_hundred_spans_and_says_how_many_there_are():
    """A pasted text can mark 100,000 spans of one lens: the list holds the first ones only
    (every one is still marked in the article), and its first line gives the count."""
    from kit.widgets.explorer import LISTED_AT_MOST
    explorer = W.ArticleExplorer(kit.analyze(text="قال إن " * 2 * (LISTED_AT_MOST + 100)), lenses=("quotes",))
    n = len(explorer.shown)   # every other «قال إن»: the one inside the clause before it opens none
    assert n == LISTED_AT_MOST + 100
    assert len(explorer.spans.options) == LISTED_AT_MOST + 1
    assert explorer.spans.options[0][0] == t("w_explorer_choose_first", "en", shown=LISTED_AT_MOST, n=n)
    assert explorer.view.value.count('data-lens="quotes"') >= n


def test_frame_annotator_lists_a_window_of_paragraphs_and_reaches_every_one():
    """A pasted text of thousands of paragraphs: the picker lists PICKER_SIZE of them around
    the one shown (500,000 options took seconds to build), and Next and `go` reach the rest."""
    from kit.widgets.frames import PICKER_SIZE
    n = PICKER_SIZE * 3
    coder = W.FrameAnnotator(kit.analyze(text="".join(f"فقرة رقم {i}\n" for i in range(n))))
    assert len(coder.picker.options) == PICKER_SIZE and coder.picker.value == 0
    coder.go(PICKER_SIZE * 2)
    values = [value for _, value in coder.picker.options]
    assert coder.current == coder.picker.value == PICKER_SIZE * 2 and len(values) == PICKER_SIZE
    assert values == list(range(values[0], values[0] + PICKER_SIZE)) and values[0] < PICKER_SIZE * 2
    assert f"فقرة رقم {PICKER_SIZE * 2}" in coder.text.value
    coder.go(n - 1)
    coder.frame.value = "conflict"
    coder._on_step(1)                      # the last paragraph stays
    assert coder.current == n - 1 and coder.picker.options[-1][1] == n - 1
    coder.go(0)
    assert coder.current == 0 and coder.coding(n - 1) == ("conflict",)
