"""Memory of a student's kernel, lesson by lesson: the figures of notebooks/deployment_guide.md.

Runs every lesson of one edition top to bottom in a fresh kernel (as a student does with
Run All, plus the lesson's test driver, which clicks through its widgets), then reads the
kernel's resident memory from /proc: VmRSS (now) and VmHWM (the most it ever held). Student
work goes to a temporary folder. Linux only.

Run: `.venv/bin/python scripts/measure_memory.py [--lang ar|en]`.
"""
import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
DRIVERS = ROOT / "tests" / "notebook_drivers"


def kernel_memory(pid: int) -> dict[str, float]:
    """{"VmRSS": MiB, "VmHWM": MiB} of a process, from /proc/PID/status."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0]) / 1024   # kB -> MiB
    return fields


def run_lesson(path: Path) -> tuple[float, dict[str, float]]:
    """Seconds to run the lesson, and its kernel's memory afterwards."""
    notebook = nbformat.read(path, as_version=4)
    driver = DRIVERS / f"{path.stem}.py"
    if driver.is_file():
        code = (DRIVERS / "_shared.py").read_text("utf-8") + "\n" + driver.read_text("utf-8")
        notebook.cells.append(nbformat.v4.new_code_cell(code))
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    client.km = client.create_kernel_manager()
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        memory = kernel_memory(client.km.provisioner.process.pid)
    return time.perf_counter() - started, memory


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=["ar", "en"], default="ar")
    args = parser.parse_args()
    os.environ["FRAMING_LAB_WORK_DIR"] = tempfile.mkdtemp(prefix="framing-lab-memory-")
    print(f"{'lesson':24} {'seconds':>8} {'RSS MiB':>8} {'peak MiB':>9}")
    for path in sorted((ROOT / "notebooks" / args.lang).glob("[0-9][0-9]_*.ipynb")):
        seconds, memory = run_lesson(path)
        print(f"{path.stem:24} {seconds:8.1f} {memory['VmRSS']:8.0f} {memory['VmHWM']:9.0f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
