"""A throw-away JupyterHub for tests/test_hub.py: a class on one machine, as a school runs it.

- The proxy is configurable-http-proxy from npm: `.ci/run` installs it into
  `.ci/node_modules` (FRAMING_LAB_CHP names another one); failing that, npm installs it into
  the test's temporary folder; without node and npm the test is skipped, saying so.
- The course is a git repository made in a temporary folder from this checkout's `notebooks/`
  (what a teacher's repository holds), pulled into each student's home by nbgitpuller through
  the link `python -m kit link` prints.
- The hub listens on 127.0.0.1 only, logs students in with the dummy authenticator (any
  password) and starts each one's JupyterLab with the simple local process spawner, each in
  their own home under the temporary folder; the kit is the one installed in this virtualenv
  (installed once for all users).
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
CHP = "configurable-http-proxy"
CI_PROXY = ROOT / ".ci" / "node_modules" / ".bin" / CHP


# --- what the hub needs --------------------------------------------------------------------

def find_proxy(scratch: Path) -> tuple[str | None, str]:
    """(the proxy's command, "") or (None, why it cannot be had)."""
    configured = os.environ.get("FRAMING_LAB_CHP")
    for candidate in (configured, str(CI_PROXY), shutil.which(CHP)):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate, ""
    if not (shutil.which("node") and shutil.which("npm")):
        return None, "node and npm are missing (Debian: apt-get install nodejs npm)"
    answer = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(scratch), CHP],
                            capture_output=True, text=True, timeout=300)
    installed = scratch / "node_modules" / ".bin" / CHP
    if answer.returncode or not installed.is_file():
        return None, f"npm could not install {CHP}: {answer.stderr.strip()[-500:]}"
    return str(installed), ""


def course_repository(folder: Path) -> Path:
    """A git repository holding this checkout's course notebooks (no student work)."""
    shutil.copytree(ROOT / "notebooks", folder / "notebooks",
                    ignore=shutil.ignore_patterns("my_work", ".ipynb_checkpoints"))
    git = ["git", "-C", str(folder), "-c", "user.name=Teacher", "-c", "user.email=teacher@school.example"]
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "The course"]):
        subprocess.run(git + command, check=True, capture_output=True)
    return folder


# --- the hub -------------------------------------------------------------------------------

@dataclass
class Hub:
    url: str
    process: subprocess.Popen
    homes: Path
    log_path: Path

    def home(self, user: str) -> Path:
        return self.homes / user

    def log(self, last: int = 6000) -> str:
        try:
            return self.log_path.read_text("utf-8", errors="replace")[-last:]
        except OSError:
            return "(no hub log)"


def hub_config(folder: Path, proxy: str, ports: tuple[int, int, int], lab_env: dict) -> str:
    """jupyterhub_config.py: 127.0.0.1 only, dummy logins, one home per student in `folder`."""
    port, api_port, hub_port = ports
    singleuser_args = ["--allow-root"] if os.geteuid() == 0 else []
    return "\n".join([
        f"c.JupyterHub.ip = '127.0.0.1'; c.JupyterHub.port = {port}",
        f"c.JupyterHub.hub_ip = '127.0.0.1'; c.JupyterHub.hub_port = {hub_port}",
        f"c.ConfigurableHTTPProxy.command = [{proxy!r}]",
        f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{api_port}'",
        f"c.ConfigurableHTTPProxy.pid_file = {str(folder / 'proxy.pid')!r}",
        f"c.JupyterHub.db_url = 'sqlite:///{folder / 'hub.sqlite'}'",
        f"c.JupyterHub.cookie_secret_file = {str(folder / 'cookie_secret')!r}",
        "c.JupyterHub.authenticator_class = 'dummy'",
        "c.Authenticator.allow_all = True",
        "c.JupyterHub.spawner_class = 'simple'",
        f"c.SimpleLocalProcessSpawner.home_dir_template = {str(folder / 'homes' / '{username}')!r}",
        f"c.Spawner.cmd = [{str(VENV_BIN / 'jupyterhub-singleuser')!r}]",
        f"c.Spawner.args = {singleuser_args + ['--LabApp.news_url=None']!r}",
        "c.Spawner.default_url = '/lab'",
        "c.Spawner.start_timeout = 120; c.Spawner.http_timeout = 120",
        f"c.Spawner.environment = {lab_env!r}",
        "c.JupyterHub.cleanup_servers = True",
        "",
    ])


def start_hub(folder: Path, config: str, port: int, timeout: float = 60.0) -> Hub:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "jupyterhub_config.py").write_text(config, "utf-8")
    log_path = folder / "hub.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([str(VENV_BIN / "jupyterhub"), "-f", "jupyterhub_config.py"],
                                   cwd=folder, stdout=log, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True,
                                   env={**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ['PATH']}"})
    hub = Hub(f"http://127.0.0.1:{port}", process, folder / "homes", log_path)
    try:
        _wait_for_hub(hub, timeout)
    except BaseException:
        stop_hub(hub)
        raise
    return hub


def _wait_for_hub(hub: Hub, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub.process.poll() is not None:
            raise RuntimeError(f"JupyterHub exited with code {hub.process.returncode}:\n{hub.log()}")
        try:
            with urllib.request.urlopen(f"{hub.url}/hub/api/", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.3)
    raise TimeoutError(f"JupyterHub did not answer {hub.url}/hub/api/ within {timeout:.0f} s:\n{hub.log()}")


def stop_hub(hub: Hub, timeout: float = 30.0) -> None:
    """Stop the hub (it stops the students' servers and the proxy), then anything of its
    process group still running."""
    if hub.process.poll() is None:
        hub.process.terminate()
        try:
            hub.process.wait(timeout)
        except subprocess.TimeoutExpired:
            hub.process.kill()
            hub.process.wait(5)
    try:
        os.killpg(hub.process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


# --- what a student's session costs --------------------------------------------------------

def memory_of_home(home: Path) -> dict[str, list[float]]:
    """Resident memory (MiB) of each process running with HOME=`home`: the student's
    JupyterLab server and their kernels (one per open notebook)."""
    found = {"server": [], "kernels": []}
    marker = f"HOME={home}".encode()
    for proc in Path("/proc").iterdir():
        try:
            if not proc.name.isdigit() or marker not in (proc / "environ").read_bytes().split(b"\0"):
                continue
            command = (proc / "cmdline").read_bytes()
            rss = _status_field(proc / "status", "VmRSS")
        except OSError:
            continue
        found["kernels" if b"ipykernel" in command else "server"].append(round(rss, 1))
    return found


def memory_of_hub(hub: Hub) -> dict[str, float]:
    """Resident memory (MiB) of the hub itself and of its proxy."""
    proxy = (hub.log_path.parent / "proxy.pid").read_text().strip()
    return {name: round(_status_field(Path(f"/proc/{pid}/status"), "VmRSS"), 1)
            for name, pid in (("hub", hub.process.pid), ("proxy", proxy))}


def _status_field(path: Path, key: str) -> float:
    for line in path.read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return 0.0
