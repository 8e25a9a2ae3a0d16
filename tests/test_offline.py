"""Nothing in the kit or the notebooks needs the network: run a notebook in a process that has
its own network namespace with only the loopback interface (the kernel talks to nbclient over
loopback; nothing else is reachable)."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

SCRIPT = r"""
import socket, sys
try:
    socket.create_connection(("pypi.org", 443), timeout=3)
    sys.exit("the network is reachable: the test would prove nothing")
except OSError:
    pass
sys.path.insert(0, "tests")
from pathlib import Path
from test_notebooks import run_notebook, _errors
driver = "\n".join(Path("tests/notebook_drivers", name).read_text() for name in ("_shared.py", "03_quotes.py"))
nb = run_notebook(Path("notebooks/en/03_quotes.ipynb"), Path(sys.argv[1]), driver)
errors = _errors(nb)
assert not errors, errors
print("ok", sum(1 for c in nb.cells if c.cell_type == "code"))
"""


def _can_isolate() -> bool:
    if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("ip"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _can_isolate(), reason="needs root and unshare to cut the network off")
def test_a_notebook_runs_with_the_network_cut_off(tmp_path):
    command = f"ip link set lo up && {sys.executable} -c '{SCRIPT}' {tmp_path}"
    result = subprocess.run(["unshare", "-n", "sh", "-c", command], capture_output=True, text=True,
                            cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("ok")
