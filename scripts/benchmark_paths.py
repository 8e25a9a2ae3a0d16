"""Cost of every path a student or teacher can reach, on natural and adversarial text, at a
size n and at 4n: analysis, every lens, voices, the HTML report, the widgets (build and a
toggle) and the charts' data. Linear cost means a 4n/n ratio near 4; the issue's target is
at most about 5.

Run: `python scripts/benchmark_paths.py [n]` (n in characters, default 62 500; 4n = 250 000).
Prints one row per path and shape: seconds at n, at 4n, and the ratio. Slow: minutes.
"""
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402
from kit import lenses  # noqa: E402
from kit.lenses import voices  # noqa: E402
from kit.lenses.highlights import frame_scores, number_claims  # noqa: E402
from kit.view.report import report_html  # noqa: E402

SEED = ROOT / "seeds" / "000_6066f5c852812abd.txt"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def shapes(size: int) -> dict[str, str]:
    """Text of about `size` characters in each shape the kit must handle in linear time."""
    seed = SEED.read_text("utf-8")
    return {
        "seed repeated": _repeat(seed + "\n\n", size),
        "one-letter paragraphs": _repeat("ب\n", size),
        "«قال إن » repeated": _repeat("قال إن ", size),
        "«قال » repeated": _repeat("قال ", size),
        'one line of "': _repeat('"', size),
        "quote sentence, one line": _repeat('وقال الوزير: "الاتفاق قريب جدا". ', size),
        "«« marks": _repeat("«", size - 1) + "x",
    }


def paths():
    """(name, function of the text) for every path timed."""
    def widget(cls):
        from kit import widgets
        return lambda text: getattr(widgets, cls)(kit.analyze(text=text))

    def toggle(text):
        from kit import widgets
        explorer = widgets.ArticleExplorer(kit.analyze(text=text))
        start = time.perf_counter()
        explorer.toggles["frames"].value = not explorer.toggles["frames"].value
        return time.perf_counter() - start

    return [
        ("analyze", lambda text: kit.analyze(text=text)),
        ("all lenses", lambda text: lenses.all_highlights(kit.analyze(text=text))),
        ("voices + chart data", lambda text: (voices.quoted_words(a := kit.analyze(text=text)),
                                              voices.verbs_by_speaker(a), number_claims(a),
                                              frame_scores(a))),
        ("HTML report", lambda text: report_html(text=text)),
        ("ArticleExplorer build", widget("ArticleExplorer")),
        ("ArticleExplorer toggle", toggle),
        ("QuoteQuiz build", widget("QuoteQuiz")),
        ("FrameAnnotator build", widget("FrameAnnotator")),
    ]


def seconds(function, text: str) -> float:
    start = time.perf_counter()
    result = function(text)
    took = time.perf_counter() - start
    return result if isinstance(result, float) else took


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 62_500
    kit.analyze(path=SEED)   # warm the caches, as a notebook would
    print(f"{'path':24} {'shape':28} {'n s':>8} {'4n s':>8} {'ratio':>6}")
    small, large = shapes(n), shapes(4 * n)
    ratios = []
    for name, function in paths():
        for shape in small:
            a, b = (statistics.median(seconds(function, texts[shape]) for _ in range(1))
                    for texts in (small, large))
            ratios.append(b / max(a, 1e-6))
            print(f"{name:24} {shape:28} {a:8.3f} {b:8.3f} {b / max(a, 1e-6):6.1f}", flush=True)
    print(f"largest ratio: {max(ratios):.1f} (4 = linear)")


if __name__ == "__main__":
    main()
