"""Benchmark the teacher's class report: a generated class of 40 students' exports (plus one
damaged export and one older duplicate), collected and summarised, then the whole page.

Run: `python scripts/benchmark_class.py [STUDENTS]`. Prints median wall-clock times.
"""
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kit.course.class_summary import summarize  # noqa: E402
from kit.course.collect import collect  # noqa: E402
from kit.course.fake_class import write_class  # noqa: E402
from kit.view.class_page import class_page_html  # noqa: E402

from benchmark import timed  # noqa: E402  (scripts/benchmark.py, beside this file)


def main() -> None:
    students = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    with tempfile.TemporaryDirectory() as folder:
        write_class(folder, students=students)
        start = time.perf_counter()
        summary = summarize(collect([folder]))     # first run: analyses the seed once
        first = time.perf_counter() - start
        rows = [(f"collect + summarise {students} students, first run", first),
                (f"collect + summarise {students} students", timed(lambda: summarize(collect([folder])), 5)),
                ("class page (9 charts), en", timed(lambda: class_page_html(summary, "en"), 3)),
                ("class page (9 charts), ar", timed(lambda: class_page_html(summary, "ar"), 3))]
    for label, seconds in rows:
        print(f"{label:55} {seconds * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
