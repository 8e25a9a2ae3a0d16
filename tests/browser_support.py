"""Helpers and fixtures for the browser tests (tests/test_browser.py, tests/test_widget_pages.py):
a throw-away JupyterLab server and headless Debian Chromium driven by Playwright.

The `chromium` and `page` fixtures are registered once, in tests/conftest.py: Playwright's sync
API allows one instance per thread, so every browser test module must share one session-wide
browser (a module importing the fixtures itself would start a second one).

The server runs from this virtualenv on 127.0.0.1 with a random token, and everything it could
write outside the repository goes to a temporary folder: Jupyter config, data and runtime, lab
settings and workspaces, IPython profile, the students' saved work ($FRAMING_LAB_WORK_DIR).
The config folder disables the announcements plugin (no news pop-up, no request to the
internet); the lab settings turn autosave off (running cells must never write outputs into
notebooks/*.ipynb, which tests/test_notebooks.py wants stored without outputs). The user's own
Jupyter config is neither read nor changed.

Every wait is bounded and fails with a message saying what did not happen.
"""
from __future__ import annotations

import importlib.util
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Debian's Chromium; FRAMING_LAB_CHROMIUM names another Chromium build (e.g. chromium-browser).
CHROMIUM = Path(os.environ.get("FRAMING_LAB_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "browser"
KIT_LAB_SETTINGS = Path(__file__).resolve().parents[1] / "kit" / "course" / "jupyter_config" / "lab_settings"
REQUIRE_BROWSER = os.environ.get("FRAMING_LAB_REQUIRE_BROWSER") == "1"
VIEWPORT = {"width": 1280, "height": 900}
WAIT_MS = 15_000        # a widget's answer to a click; the kernel is idle, so this is generous

# Console messages that are expected, each with the reason. Anything else (any type, plus
# uncaught page errors) fails the notebook tests, so a widget error in the front end is seen.
ALLOWED_CONSOLE = [
    ("debug", r'^Starting application in workspace: "default"$',
     "JupyterLab logs its workspace at start-up"),
    ("debug", r"^Starting WebSocket: ws://127\.0\.0\.1:\d+/api/kernels/[0-9a-f-]+$",
     "JupyterLab logs the kernel connection it opens"),
]

# Plugins a test run does not want: the news/update pop-up (and its request to the internet).
DISABLED_PLUGINS = {"@jupyterlab/apputils-extension:announcements": True}
# User settings of the throw-away lab: no autosave, no update check, no news.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"checkForUpdates": False,
                                                    "fetchNews": "false"},
}


# --- the server -------------------------------------------------------------------------------

def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LabServer:
    """A running JupyterLab: its base URL, token, process and folders."""
    url: str
    token: str
    process: subprocess.Popen
    home: Path                      # the temporary folder holding everything below
    work_dir: Path                  # $FRAMING_LAB_WORK_DIR of the kernels
    log_path: Path
    env: dict = field(repr=False, default_factory=dict)

    def lab_url(self, path: str) -> str:
        """The URL opening `path` (relative to the repository root) in JupyterLab, alone:
        `reset` empties the workspace, which would otherwise reopen the tabs of earlier tests."""
        return f"{self.url}/lab/tree/{path}?reset&token={self.token}"

    def log(self, last: int = 4000) -> str:
        """The end of the server's log (for failure messages)."""
        try:
            return self.log_path.read_text("utf-8", errors="replace")[-last:]
        except OSError:
            return "(no server log)"


def _write_json(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=1), "utf-8")


def lab_environment(home: Path, extra_env: dict | None = None) -> dict:
    """The server's environment: the current one, with every Jupyter/IPython folder in `home`."""
    config_dir, settings_dir = home / "jupyter_config", home / "lab_user_settings"
    # page_config.json in a config folder's labconfig/ is read by jupyterlab_server
    # (get_static_page_config): the announcements plugin is not even loaded.
    _write_json(config_dir / "labconfig" / "page_config.json",
                {"disabledExtensions": DISABLED_PLUGINS})
    for plugin, values in LAB_SETTINGS.items():
        package, name = plugin.rsplit("/", 1)
        _write_json(settings_dir / package / f"{name}.jupyterlab-settings", values)
    env = dict(os.environ)
    env.update({
        "JUPYTER_CONFIG_DIR": str(config_dir),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTER_DATA_DIR": str(home / "data"),    # notebook trust database, secrets
        "JUPYTERLAB_SETTINGS_DIR": str(settings_dir),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "lab_workspaces"),
        "IPYTHONDIR": str(home / "ipython"),
        "FRAMING_LAB_WORK_DIR": str(home / "work"),
        "PYTHONUNBUFFERED": "1",
        # The kit's server settings, as `make lab` gives them (kit/course/saved_notebooks.py).
        "JUPYTER_CONFIG_PATH": str(Path(__file__).resolve().parents[1] / "kit" / "course" / "jupyter_config"),
    })
    env.update(extra_env or {})
    return env


def start_lab(root: Path, home: Path, extra_env: dict | None = None,
              timeout: float = 60.0) -> LabServer:
    """Start JupyterLab serving `root` and wait until /api/status answers with the token."""
    home.mkdir(parents=True, exist_ok=True)
    env = lab_environment(home, extra_env)
    port, token = free_port(), secrets.token_hex(16)
    log_path = home / "jupyterlab.log"
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}", "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        # As `make lab`: the kit's lab settings (Markdown files open rendered).
        f"--LabApp.app_settings_dir={KIT_LAB_SETTINGS}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")   # containers and CI often run as root
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = LabServer(f"http://127.0.0.1:{port}", token, process, home,
                       Path(env["FRAMING_LAB_WORK_DIR"]), log_path, env)
    try:
        _wait_for_status(server, timeout)
    except BaseException:
        stop_lab(server)
        raise
    return server


def _wait_for_status(server: LabServer, timeout: float) -> None:
    request = urllib.request.Request(f"{server.url}/api/status",
                                     headers={"Authorization": f"token {server.token}"})
    _wait_until_answering(server, request, lambda answer: answer.status == 200
                          and "started" in json.load(answer), timeout)


def _wait_until_answering(server: LabServer, request, answers, timeout: float) -> None:
    """Wait until `answers(response)` is true for `request`, failing if the server exits."""
    deadline = time.monotonic() + timeout
    last = "no answer yet"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"The server exited with code {server.process.returncode} while "
                               f"starting. Its log ends with:\n{server.log()}")
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:
                if answers(answer):
                    return
        except (urllib.error.URLError, OSError, ValueError) as error:
            last = repr(error)
        time.sleep(0.2)
    raise TimeoutError(f"The server did not answer {request.full_url} within {timeout:.0f} s "
                       f"(last: {last}). Its log ends with:\n{server.log()}")


def start_app(root: Path, home: Path, timeout: float = 60.0) -> LabServer:
    """Start the no-code app as `make app` does (Voilà on `root`/notebooks, the kit's Voilà
    settings through JUPYTER_CONFIG_PATH, its page template through JUPYTER_PATH) and wait
    until its page list answers. Voilà has no token: it listens on 127.0.0.1 only."""
    home.mkdir(parents=True, exist_ok=True)
    env = lab_environment(home, {"JUPYTER_PATH": str(root / "kit" / "course" / "jupyter_data")})
    port = free_port()
    log_path = home / "voila.log"
    command = [sys.executable, "-m", "voila", str(root / "notebooks"), "--no-browser",
               "--Voila.ip=127.0.0.1", f"--port={port}", "--Voila.port_retries=0"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=root, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = LabServer(f"http://127.0.0.1:{port}", "", process, home,
                       Path(env["FRAMING_LAB_WORK_DIR"]), log_path, env)
    try:
        _wait_until_answering(server, urllib.request.Request(f"{server.url}/"),
                              lambda answer: answer.status == 200, timeout)
    except BaseException:
        stop_lab(server)
        raise
    return server


def stop_lab(server: LabServer, timeout: float = 15.0) -> None:
    """Stop the server (SIGTERM shuts its kernels down too), killing it if it will not stop."""
    process = server.process
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)



@contextmanager
def labs_by_language(root: Path, tmp_path_factory, name: str):
    """get(lang): a JupyterLab serving `root` whose kernels start in `lang` (FRAMING_LAB_LANG),
    one per language, started on first use; all are stopped when the block ends."""
    servers = {}

    def get(lang: str = "ar") -> LabServer:
        if lang not in servers:
            home = tmp_path_factory.mktemp(f"{name}-{lang}")
            servers[lang] = start_lab(root, home, {"FRAMING_LAB_LANG": lang})
        return servers[lang]

    try:
        yield get
    finally:
        for server in servers.values():
            stop_lab(server)

@contextmanager
def labs_for_cells(tmp_path_factory, name: str, notebook: str, cells: list[str]):
    """get(lang): a JupyterLab serving only `notebook`, a notebook of the code `cells` (not run),
    one server per language, as `labs_by_language` gives them."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook
    root = tmp_path_factory.mktemp(name)
    kernel = {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}
    nbformat.write(new_notebook(cells=[new_code_cell(c) for c in cells], metadata=kernel),
                   root / notebook)
    with labs_by_language(root, tmp_path_factory, name) as get:
        yield get


# --- the browser ------------------------------------------------------------------------------

def launch_chromium(playwright):
    """Headless Debian Chromium (Playwright's own browsers cannot be downloaded here)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                      args=CHROMIUM_ARGS)


def computed(locator, prop: str, pseudo: str | None = None) -> str:
    """getComputedStyle(element[, pseudo])[prop] of the locator's (single) element."""
    return locator.evaluate("(el, [prop, pseudo]) => getComputedStyle(el, pseudo)"
                            ".getPropertyValue(prop)", [prop, pseudo])


# --- JupyterLab -------------------------------------------------------------------------------

def wait_kernel_idle(page, timeout_ms: int = 60_000, what: str = "the kernel") -> None:
    """Wait until the notebook's kernel indicator says idle and no cell shows [*]."""
    try:
        page.wait_for_function(
            """() => {
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                if (!panel) return false;
                // Before the session exists the indicator already says idle, with "No Kernel".
                const kernel = panel.querySelector('.jp-Toolbar-kernelName');
                if (!kernel || !kernel.textContent.trim() || /No Kernel/.test(kernel.textContent))
                    return false;
                const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
                if (!status || status.dataset.status !== 'idle') return false;
                return ![...panel.querySelectorAll('.jp-InputArea-prompt')]
                    .some(p => p.textContent.includes('*'));
            }""", timeout=timeout_ms)
    except Exception as error:
        status = page.evaluate("""() => {
            const s = document.querySelector('.jp-Notebook-ExecutionIndicator');
            const k = document.querySelector('.jp-Toolbar-kernelName');
            return (k ? k.textContent : 'no kernel name') + ', '
                + (s ? s.dataset.status : 'no execution indicator'); }""")
        raise AssertionError(f"{what} was not idle within {timeout_ms / 1000:.0f} s "
                             f"(indicator: {status})") from error


def open_notebook(page, server: LabServer, path: str, timeout_ms: int = 60_000) -> None:
    """Open `path` in JupyterLab and wait until its kernel is idle."""
    page.goto(server.lab_url(path), timeout=timeout_ms)
    name = Path(path).name
    try:
        page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for(timeout=timeout_ms)
    except Exception as error:
        raise AssertionError(f"{name} did not open in JupyterLab within "
                             f"{timeout_ms / 1000:.0f} s; server log:\n{server.log()}") from error
    wait_kernel_idle(page, timeout_ms, f"the kernel of {name} (starting)")


def run_all_cells(page, timeout_ms: int = 90_000) -> None:
    """Run → Run All Cells, as a student would, then wait for the kernel to finish."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-item:not(.lm-mod-disabled)",
                 has_text=re.compile(r"^Run All Cells$")).click()
    # Run All marks the cells [*] at once; then wait for every prompt to get its number.
    page.wait_for_function(
        "() => [...document.querySelectorAll('.jp-InputArea-prompt')]"
        ".some(p => /\\[[*0-9]+\\]/.test(p.textContent))", timeout=10_000)
    wait_kernel_idle(page, timeout_ms, "the kernel (running all cells)")


def error_outputs(page) -> list[str]:
    """Texts of the outputs a student would see as errors: tracebacks (error outputs) and
    anything written to stderr (the pink boxes: warnings included)."""
    return page.evaluate("""() => [...document.querySelectorAll(
            '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"],'
            + ' .jp-OutputArea-output[data-mime-type*="error"]')]
        .map(el => `${el.dataset.mimeType}: ${(el.textContent || '').slice(0, 2000)}`)""")


def unexecuted_code_cells(page) -> int:
    """Code cells whose prompt has no execution count after Run All."""
    return page.evaluate("""() => [...document.querySelectorAll(
            '.jp-CodeCell .jp-InputArea-prompt')]
        .filter(p => !/\\[[0-9]+\\]/.test(p.textContent)).length""")


def save_png(path: Path, data: bytes) -> None:
    """Write a screenshot whole or not at all (another test run may be reading or writing it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    partial.write_bytes(data)
    os.replace(partial, path)


def screenshot_notebook(page, path: Path, check=None, max_height: int = 16_000):
    """A screenshot of the whole notebook, not only the part in view: JupyterLab scrolls inside
    the notebook panel (and skips drawing cells out of view), so the page is made as tall as
    the notebook for the shot. `check(page)`, if given, runs on the tall page (every cell laid
    out) and its result is returned."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("""() => {
        const scroller = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)'
                                                + ' .jp-WindowedPanel-outer');
        if (!scroller) return window.innerHeight;
        scroller.scrollTop = 0;
        return scroller.scrollHeight - scroller.clientHeight + window.innerHeight; }""")
    page.set_viewport_size({"width": size["width"],
                            "height": min(max(height, size["height"]), max_height)})
    try:
        # Let the lab lay out again at the new size (two animation frames).
        page.evaluate("() => new Promise(r => requestAnimationFrame("
                      "() => requestAnimationFrame(r)))")
        result = check(page) if check else None
        save_png(path, page.screenshot(full_page=True))
        return result
    finally:
        page.set_viewport_size(size)


# --- pytest fixtures -------------------------------------------------------------------------

def _browser_problem() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (Debian: apt install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is missing (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def chromium():
    problem = _browser_problem()
    if problem:
        if REQUIRE_BROWSER:
            pytest.fail(f"FRAMING_LAB_REQUIRE_BROWSER=1 but {problem}", pytrace=False)
        pytest.skip(f"browser tests need Chromium and Playwright: {problem}")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@dataclass
class PageWatch:
    """What a page did: console messages, uncaught errors, requests, dialogs."""
    console: list = field(default_factory=list)     # (type, text)
    page_errors: list = field(default_factory=list)
    requests: list = field(default_factory=list)    # (method, url)
    dialogs: list = field(default_factory=list)     # (type, message)

    def unexpected_console(self) -> list:
        return [(kind, text) for kind, text in self.console
                if not any(kind == k and re.search(pattern, text)
                           for k, pattern, _why in ALLOWED_CONSOLE)]

    def saves(self) -> list:
        """Requests that would write a notebook (the lab's autosave is off; nothing may save)."""
        return [(m, u) for m, u in self.requests
                if m in ("PUT", "PATCH", "DELETE") and "/api/contents/" in u]

    def foreign(self, allowed_prefixes) -> list:
        return [u for _m, u in self.requests if not u.startswith(tuple(allowed_prefixes))]


@pytest.fixture
def page(chromium, request):
    """A fresh page (own context) with a PageWatch as `page.watch`; when the test fails, the
    page as it was is saved to artifacts/browser/FAILED_<test>.png."""
    failed_before = request.session.testsfailed
    context = chromium.new_context(viewport=VIEWPORT, locale="ar")
    page = context.new_page()
    watch = PageWatch()
    page.on("console", lambda m: watch.console.append((m.type, m.text)))
    page.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    page.on("request", lambda r: watch.requests.append((r.method, r.url)))

    def on_dialog(dialog):
        watch.dialogs.append((dialog.type, dialog.message))
        dialog.dismiss()
    page.on("dialog", on_dialog)
    page.watch = watch
    yield page
    if request.session.testsfailed > failed_before:
        name = re.sub(r"[^\w.-]+", "_", request.node.name)
        try:
            shot(page, f"FAILED_{name}.png", full_page=True)
        except Exception as error:      # the failure itself matters more than its picture
            print(f"no failure screenshot: {error}")
    context.close()


# --- page helpers ----------------------------------------------------------------------------

def shot(page, name: str, locator=None, full_page: bool = False) -> None:
    """Screenshot of the page (or of one element) to artifacts/browser/NAME."""
    data = locator.screenshot() if locator else page.screenshot(full_page=full_page)
    save_png(ARTIFACTS / name, data)


def assert_clean_notebook_page(page, server, notebook: str) -> None:
    """No error output, no message shown by a failing callback, no unexpected console message
    or page error, nothing saved, nothing fetched from anywhere but the lab itself."""
    errors = error_outputs(page)
    assert not errors, f"{notebook}: error output in a cell:\n" + "\n---\n".join(errors)
    shown = page.locator(".fl-w-error").all_text_contents()
    assert not shown, f"{notebook}: a widget shows an error: {shown}"
    watch = page.watch
    assert not watch.page_errors, f"{notebook}: uncaught errors in the page: {watch.page_errors}"
    assert not watch.unexpected_console(), (
        f"{notebook}: unexpected console messages (add to ALLOWED_CONSOLE only with a reason): "
        f"{watch.unexpected_console()}")
    assert not watch.saves(), f"{notebook}: the browser wrote to the notebook: {watch.saves()}"
    assert not watch.foreign([server.url, "data:", "blob:"]), (
        f"{notebook}: requests outside the lab: {watch.foreign([server.url, 'data:', 'blob:'])}")


def choose(page, css_class: str, index: int) -> None:
    """Choose the option at `index` in the <select> of the widget with class `css_class`."""
    select = page.locator(f".{css_class} select")
    select.scroll_into_view_if_needed()
    select.select_option(index=index)
