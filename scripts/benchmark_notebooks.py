"""Time each lesson of both editions executed top to bottom, as a student's Run All would.

Run: `python scripts/benchmark_notebooks.py` (from the repository, with the kit installed).
Prints seconds per lesson and the total; student work goes to a temporary folder. Timings
belong here, not in a test: a loaded machine would make a wall-clock test fail.
"""
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
EDITIONS = ("ar", "en")


def run_lesson(path: Path) -> float:
    notebook = nbformat.read(path, as_version=4)
    started = time.perf_counter()
    NotebookClient(notebook, kernel_name="python3", timeout=600,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return time.perf_counter() - started


def main() -> None:
    os.environ["FRAMING_LAB_WORK_DIR"] = tempfile.mkdtemp(prefix="framing-lab-bench-")
    total = 0.0
    for edition in EDITIONS:
        for path in sorted((ROOT / "notebooks" / edition).glob("[0-9]*.ipynb")):
            seconds = run_lesson(path)
            total += seconds
            print(f"{edition}/{path.stem:<24} {seconds:6.1f} s", flush=True)
    print(f"{'total':<27} {total:6.1f} s")


if __name__ == "__main__":
    sys.exit(main())
