"""Cost grows with the input, not with its square: the analysis of adversarial text, the
lenses, voices and the HTML rendering of an article 4 times longer take about 4 times as long
(ratios of CPU times, never a wall-clock cap). Speed itself is measured by
scripts/benchmark.py and scripts/benchmark_paths.py."""
import gc
import re
import time
import tracemalloc
from pathlib import Path

import pytest

import kit
from kit.engine import analysis as engine_analysis, quote_marks
from kit.engine.model import Highlight, Paragraph
from kit.lenses import all_highlights, voices
from kit.lenses.highlights import frame_scores, number_claims
from kit.view.render import render_article
from kit.widgets import ArticleExplorer
from test_bad_input import spans_ok

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_6066f5c852812abd.txt"
LIMIT = 6     # 4 is linear; a quadratic path gives about 16


def _cpu_time(function) -> float:
    """One run in CPU time, with the cycle collector paused: its pauses come at moments that
    depend on everything allocated before, and made ratios jump under load."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        function()
        return time.process_time() - start
    finally:
        gc.enable()


def cost_ratio(large, small, repeat: int = 3) -> float:
    """Best time of `large` over best time of `small`, the two run in turn the same number of
    times (a machine's slow spell falls on both): at least `repeat` times, and while the runs
    of `small` make under half a second, up to 20, so that one stall of a loaded machine is
    not the best time of a run of a few hundredths of a second (once a ratio of 6.3 on a
    linear path)."""
    large_times: list[float] = []
    small_times: list[float] = []
    while len(small_times) < repeat or (sum(small_times) < 0.5 and len(small_times) < 20):
        small_times.append(_cpu_time(small))
        large_times.append(_cpu_time(large))
    return min(large_times) / min(small_times)


def seed_of_size(size: int):
    text = SEED.read_text("utf-8") + "\n\n"
    return kit.analyze(text=(text * (size // len(text) + 1))[:size])


def lens_paths(analysis):
    highlights = all_highlights(analysis)
    render_article(analysis.text, analysis.paragraphs, highlights, analysis.boilerplate)
    voices.quoted_words(analysis)
    voices.who_speaks(analysis)
    number_claims(analysis)
    frame_scores(analysis)


def test_lenses_and_rendering_cost_four_times_as_much_for_four_times_the_text():
    small, large = seed_of_size(40_000), seed_of_size(160_000)
    assert 3.5 < len(large.quotes) / len(small.quotes) < 4.5
    ratio = cost_ratio(lambda: lens_paths(large), lambda: lens_paths(small))
    assert ratio < LIMIT, f"4x the text took {ratio:.1f}x the time"


def test_a_long_line_of_quotation_marks_costs_linear_time():
    small, large = '"' * 20_000, '"' * 80_000
    ratio = cost_ratio(lambda: kit.analyze(text=large), lambda: kit.analyze(text=small), 1)
    assert ratio < LIMIT, f"4x the text took {ratio:.1f}x the time"


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


@pytest.mark.parametrize("unit", ["ب\n", "قال إن ", "قال ", "قال، ", 'قال إن "', "«", "»", '"', "\u202e",
                                  "بحسب ", "وصل الوفد، وفقا لمسؤول، ", "أعلن الوزير ارتفاع ",
                                  "وجاء في البيان أن ", 'وأضاف "كلام". ', 'قال الوزير: "نعم". ',
                                  'أكد أن "الاقتصاد يتعافى". ', 'وأضاف حسبما أوردت "سي إن إن" أن ',
                                  "النائب علي عمار، ", "ب، "])
def test_adversarial_text_costs_four_times_as_much_for_four_times_the_text(unit):
    """Many one-letter paragraphs, a reporting verb (with or without إن, a comma or a mark)
    repeated on one line, thousands of stray marks or bidi overrides, a claim with وفقا لـ, a verb
    with a verbal noun or a document's clause repeated in one sentence, a quoted sentence (or a
    clause wholly in marks) repeated on one line: thousands of quotes in one paragraph, and a
    relay (حسبما أوردت …) repeated in one sentence: thousands of relays over those quotes; a
    list of titled names, or of letters, set off by commas in one sentence."""
    small, large = repeated(unit, 10_000), repeated(unit, 40_000)
    kit.analyze(text=small)   # warm the word caches, as a notebook would
    ratio = cost_ratio(lambda: kit.analyze(text=large), lambda: kit.analyze(text=small), 2)
    assert ratio < LIMIT, f"4x the text took {ratio:.1f}x the time"
    spans_ok(kit.analyze(text=large))


def test_stray_marks_beyond_the_listed_ones_are_counted_not_built(monkeypatch):
    built = []

    def counting(offset, code):
        built.append(offset)
        return mark_problem(offset, code)

    mark_problem = engine_analysis.mark_problem
    monkeypatch.setattr(engine_analysis, "mark_problem", counting)
    a = kit.analyze(text="قال الوزير " + "«" * 50_000)
    unclosed = [d for d in a.diagnostics if d.code == "unclosed_quote"]
    assert [d.start for d in unclosed] == list(range(11, 31)) == built
    more = [d for d in a.diagnostics if d.code == "unclosed_quote_more"]
    assert [(d.start, d.message_en) for d in more] == [
        (31, "… and 49,980 more of the same kind (unclosed_quote), not listed.")]


def nested(size: int):
    """One paragraph of `size` letters under size // 2 highlights, each inside the one before."""
    text = "ب" * size
    highlights = [Highlight(i, size - i, text[i:size - i], "quotes", "indirect", "Indirect", "غير مباشر",
                            "why", "لماذا") for i in range(size // 2)]
    return text, [Paragraph(0, size, text, 0)], highlights


def test_deeply_nested_highlights_are_capped_and_render_in_linear_time():
    text, paragraphs, highlights = nested(2_000)
    html = render_article(text, paragraphs, highlights)
    assert html.count("<mark") == html.count("</mark>") == 8   # the outermost eight, each once
    assert "".join(re.findall(r">([^<>]+)<", html.split('class="fl-article"')[1])) == text
    small, large = nested(4_000), nested(16_000)
    ratio = cost_ratio(lambda: render_article(*large), lambda: render_article(*small))
    assert ratio < LIMIT, f"4x the text took {ratio:.1f}x the time"


@pytest.mark.parametrize("unit", ["«", '"', "»"])
def test_pairing_stray_marks_builds_no_record_per_mark(unit):
    """Only the offsets of the marks left open and the problems returned: about 100 bytes a
    mark (a record and a parent entry per mark took 290, and 2 M marks peaked at 610 MB)."""
    text = unit * 200_000
    tracemalloc.start()
    try:
        quote_marks._pair_marks(text, 0, len(text))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak / len(text) < 125, f"{peak / len(text):.0f} bytes a mark"


@pytest.mark.parametrize(("unit", "path"), [
    ("خلاف\n", frame_scores),
    ('قال الوزير: "نعم".\n', lambda a: ArticleExplorer(a)),
], ids=["frame word per paragraph: frame strip", "quote per paragraph: explorer build"])
def test_one_highlight_per_paragraph_costs_linear_time(unit, path):
    """Thousands of one-line paragraphs, each with a frame word or a quote: looking up each
    highlight's paragraph must not scan the paragraphs (the frame strip and the explorer's
    list of quotes did: 4x the text took 14x the time for the frame strip, 6x for the explorer)."""
    small, large = kit.analyze(text=repeated(unit, 40_000)), kit.analyze(text=repeated(unit, 160_000))
    ratio = cost_ratio(lambda: path(large), lambda: path(small), 2)
    assert ratio < LIMIT, f"4x the text took {ratio:.1f}x the time"


def quiz_article(size: int):
    """`size` characters of one quoted sentence repeated on one line, with every question's
    right answer already saved (the quiz restores them all as it is built)."""
    from kit.course.seed_work import article_key, quiz_expected, quote_key
    from kit.widgets.base import save_entry
    analysis = kit.analyze(text=repeated('وقال الوزير: "الاتفاق قريب جدا". ', size))
    answers = {quote_key(q): quiz_expected(q) for q in voices.statements(analysis) if q.source_id}
    save_entry("quote_quiz", article_key(analysis), {"answers": answers})
    return analysis


def test_the_quote_quiz_builds_and_restores_in_linear_time(tmp_path, monkeypatch):
    """The quiz builds the widgets of one page only, and restores every saved answer."""
    from kit.widgets.quiz import PAGE_SIZE, QuoteQuiz
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path))
    small, large = quiz_article(10_000), quiz_article(40_000)
    quiz = QuoteQuiz(large)
    assert quiz.total == quiz.score == 40_000 // 33 and len(quiz.questions) == PAGE_SIZE
    ratio = cost_ratio(lambda: QuoteQuiz(large), lambda: QuoteQuiz(small), 2)
    assert ratio < LIMIT, f"4x the text took {ratio:.1f}x the time"
