"""Cost grows with the input, not with its square: the lenses, voices and the HTML rendering
of an article 4 times longer take about 4 times as long (ratios of CPU times, best of three,
never a wall-clock cap). The engine's own scaling is measured by scripts/benchmark_paths.py."""
import time
from pathlib import Path

import kit
from kit.lenses import all_highlights, voices
from kit.lenses.highlights import frame_scores, number_claims
from kit.view.render import render_article

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_6066f5c852812abd.txt"
LIMIT = 6     # 4 is linear; a quadratic path gives about 16


def best_time(function, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        function()
        times.append(time.process_time() - start)
    return min(times)


def seed_of_size(size: int):
    text = SEED.read_text("utf-8") + "\n\n"
    return kit.analyze(text=(text * (size // len(text) + 1))[:size])


def lens_paths(analysis):
    highlights = all_highlights(analysis)
    render_article(analysis.text, analysis.paragraphs, highlights, analysis.boilerplate)
    voices.quoted_words(analysis)
    number_claims(analysis)
    frame_scores(analysis)


def test_lenses_and_rendering_cost_four_times_as_much_for_four_times_the_text():
    small, large = seed_of_size(40_000), seed_of_size(160_000)
    assert 3.5 < len(large.quotes) / len(small.quotes) < 4.5
    ratio = best_time(lambda: lens_paths(large)) / best_time(lambda: lens_paths(small))
    assert ratio < LIMIT, f"4x the text took {ratio:.1f}x the time"


def test_a_long_line_of_quotation_marks_costs_linear_time():
    small, large = '"' * 20_000, '"' * 80_000
    ratio = best_time(lambda: kit.analyze(text=large), 1) / best_time(lambda: kit.analyze(text=small), 1)
    assert ratio < LIMIT, f"4x the text took {ratio:.1f}x the time"
