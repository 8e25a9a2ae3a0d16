"""Cost of every path a student or teacher can reach, on natural and adversarial text, at a
size n and at 4n: the analysis, each lens, voices, each chart's data, the HTML report, the
article explorer (build and one toggle), the quote quiz (build and turning to its last page)
and the frame annotator. Linear cost means a 4n/n ratio near 4; the target is at most about 5,
and under 5 s for 1 MB.

Run: `python scripts/benchmark_paths.py [n]` (n in characters, default 250 000; 4n = 1 MB).
Prints one row per path and shape: CPU seconds at n, at 4n, and the ratio (the analysis is
timed once, as `analyze`; the other paths are timed on it, except the HTML report, which
analyses the text itself, as `python -m kit html` does; `HTML report, analysed` is the same
page from the analysis already made). Slow: about ten minutes.

`python scripts/benchmark_paths.py [n] --only report,explorer` times only the paths whose
name holds one of those words (the analysis is always timed), on every shape;
`--shapes قال,U+202E` likewise keeps only the shapes whose name holds one of those words.

`python scripts/benchmark_paths.py --memory [size]` analyses each shape at `size`
characters (default 2 000 000, the most the kit accepts), each in a fresh process, and
prints the CPU time and the peak resident memory of that process.
"""
import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402
from kit import lenses  # noqa: E402
from kit.lenses import voices  # noqa: E402
from kit.lenses import LENSES  # noqa: E402
from kit.view.report import report_html, report_page  # noqa: E402

SEED = ROOT / "seeds" / "000_6066f5c852812abd.txt"
UNITS = {   # shape -> the unit repeated (None: the seed's text)
    "seed repeated": None,
    "one-letter paragraphs": "ب\n",
    "«قال إن » repeated": "قال إن ",
    "«قال » repeated": "قال ",
    'one line of "': '"',
    "quote sentence, one line": 'وقال الوزير: "الاتفاق قريب جدا". ',
    "««« stray marks": "«",
    "U+202E repeated": "\u202e",
}


def shape(name: str, size: int) -> str:
    """Text of exactly `size` characters in the shape `name`."""
    unit = UNITS[name] or SEED.read_text("utf-8") + "\n\n"
    return (unit * (size // len(unit) + 1))[:size - 1] + "x"


def _toggle(analysis) -> float:
    from kit import widgets
    explorer = widgets.ArticleExplorer(analysis)
    toggle = explorer.toggles["frames"]
    started = time.process_time()
    toggle.value = not toggle.value
    return time.process_time() - started


def _quiz_page(analysis) -> float:
    from kit import widgets
    quiz = widgets.QuoteQuiz(analysis)
    started = time.process_time()
    quiz.show_page(quiz.pages - 1)
    return time.process_time() - started


def _widget(name: str):
    def build(analysis) -> None:
        from kit import widgets
        getattr(widgets, name)(analysis)
    return build


# (name, function of the analysis; a function returning a float reports that time instead)
PATHS = [
    ("lens: quotes", lenses.quote_highlights),
    ("lens: reporting verbs", lenses.reporting_verb_highlights),
    ("lens: scare quotes", lenses.scare_quote_highlights),
    ("lens: loaded terms", lenses.loaded_term_highlights),
    ("lens: frames", lenses.frame_highlights),
    ("lens: numbers", lenses.number_claims),
    ("chart: source types", voices.source_type_counts),
    ("chart: quoted words", voices.quoted_words),
    ("chart: verbs by speaker", voices.verbs_by_speaker),
    ("chart: frame strip", lenses.frame_scores),
    ("HTML report", lambda analysis: report_html(text=analysis.text, lenses="all")),
    ("HTML report, analysed", lambda analysis: report_page(analysis, {}, "ar", LENSES)),
    ("explorer build", _widget("ArticleExplorer")),
    ("explorer toggle", _toggle),
    ("quote quiz build", _widget("QuoteQuiz")),
    ("quote quiz last page", _quiz_page),
    ("frame annotator build", _widget("FrameAnnotator")),
]


def cpu_seconds(function, *args) -> float:
    started = time.process_time()
    result = function(*args)
    took = time.process_time() - started
    _close_widgets()
    return result if isinstance(result, float) else took


def _close_widgets() -> None:
    """Close every widget made so far, as closing a notebook does: ipywidgets keeps each one
    (and the analysis its callbacks hold) until it is closed, and the garbage collector's
    passes over all of them would make the later paths look slower than they are."""
    if "ipywidgets" in sys.modules:
        sys.modules["ipywidgets"].Widget.close_all()


def _row(path: str, name: str, small: float, large: float) -> str:
    return f"{path:24} {name:26} {small:8.2f} {large:8.2f} {large / max(small, 1e-3):6.1f}"


def _chosen(names, words: str | None) -> list:
    """The names holding one of the comma-separated `words` (all of them for None)."""
    wanted = [w.strip() for w in words.split(",")] if words else [""]
    return [name for name in names if any(w in name for w in wanted)]


def timings(n: int, only: str | None = None, shapes: str | None = None) -> None:
    _toggle(kit.analyze(path=SEED))   # warm the caches and load ipywidgets, as a notebook would
    report_html(path=SEED)             # and matplotlib: the first report would pay for both
    paths = [(path, function) for path, function in PATHS if path in _chosen([p for p, _ in PATHS], only)]
    print(f"{'path':24} {'shape':26} {'n s':>8} {'4n s':>8} {'ratio':>6}", flush=True)
    worst_ratio, slowest = 0.0, 0.0
    for name in _chosen(UNITS, shapes):
        texts = [shape(name, n), shape(name, 4 * n)]
        analyses = []
        seconds = []
        for text in texts:
            started = time.process_time()
            analyses.append(kit.analyze(text=text))
            seconds.append(time.process_time() - started)
        rows = [("analyze", *seconds)]
        rows += [(path, *(cpu_seconds(function, a) for a in analyses)) for path, function in paths]
        for path, small, large in rows:
            print(_row(path, name, small, large), flush=True)
            worst_ratio, slowest = max(worst_ratio, large / max(small, 0.05)), max(slowest, large)
    print(f"largest ratio (paths over 0.05 s): {worst_ratio:.1f} (4 = linear); slowest at 4n: {slowest:.1f} s")


def memory(size: int) -> None:
    print(f"{'shape':26} {'characters':>10} {'CPU s':>7} {'peak MB':>8}", flush=True)
    for name in UNITS:
        code = ("import resource, sys, time; sys.path.insert(0, sys.argv[1]); import kit; "
                "from scripts.benchmark_paths import shape; text = shape(sys.argv[2], int(sys.argv[3])); "
                "started = time.process_time(); kit.analyze(text=text); "
                "print(time.process_time() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
        out = subprocess.run([sys.executable, "-c", code, str(ROOT), name, str(size)],
                             capture_output=True, text=True, check=True, cwd=ROOT).stdout.split()
        print(f"{name:26} {size:10,} {float(out[0]):7.1f} {int(out[1]) / 1024:8.0f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=250_000, help="characters (default 250 000)")
    parser.add_argument("--memory", nargs="?", type=int, const=2_000_000, metavar="SIZE",
                        help="peak memory of the analysis of each shape at SIZE characters")
    parser.add_argument("--only", help="paths whose name holds one of these words, comma-separated")
    parser.add_argument("--shapes", help="shapes whose name holds one of these words, comma-separated")
    args = parser.parse_args()
    if args.memory:
        memory(args.memory)
    else:
        timings(args.n, args.only, args.shapes)


if __name__ == "__main__":
    main()
