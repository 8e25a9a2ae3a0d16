"""Benchmark the parts a person waits for: analysis of the seed, of 100 KB and of 1 MB.

Run: `make bench` (or `python scripts/benchmark.py`). Prints median wall-clock times.
"""
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import kit  # noqa: E402

SEED = ROOT / "seeds" / "000_6066f5c852812abd.txt"


def timed(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def body_of_size(size: int) -> str:
    """Repeat the seed's body paragraphs until the text is `size` characters long."""
    body = "\n\n".join(p.text for p in kit.analyze(SEED).paragraphs)
    return (body + "\n\n") * (size // (len(body) + 2) + 1)


def main() -> None:
    seed_text = SEED.read_text("utf-8")
    kit.analyze(seed_text)  # warm the lexicon caches, as a notebook would
    rows = [("analyze(seed, 5.5 KB)", timed(lambda: kit.analyze(seed_text), 50))]
    for label, size in (("analyze(100 KB)", 100_000), ("analyze(1 MB)", 1_000_000)):
        text = body_of_size(size)
        rows.append((label, timed(lambda text=text: kit.analyze(text), 3)))
    extra = []
    try:
        from kit import lenses
        analysis = kit.analyze(seed_text)
        extra.append(("all lenses on the seed", timed(lambda: lenses.all_highlights(analysis), 50)))
    except ImportError:
        pass
    try:
        from kit import widgets
        extra.append(("build article explorer (seed)", timed(lambda: widgets.ArticleExplorer(seed_text), 5)))
        extra.append(("build quote quiz (seed)", timed(lambda: widgets.QuoteQuiz(seed_text), 5)))
    except ImportError:
        pass
    for label, seconds in rows + extra:
        print(f"{label:34} {seconds * 1000:9.1f} ms")
    ratio = rows[2][1] / rows[1][1]
    print(f"{'1 MB / 100 KB time ratio':34} {ratio:9.1f}   (10 = linear)")


if __name__ == "__main__":
    main()
