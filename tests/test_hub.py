"""A class on a JupyterHub, for real: a local hub (tests/hub_support.py) on 127.0.0.1, two
students logging in through Chromium with the nbgitpuller link `python -m kit link` prints, each
getting the course pulled into their own home, running the start notebook of their edition and
answering its self-check under the name they type; their saved work must stay in their own
homes, apart, and the teacher's class page (`python -m kit class`) read from both homes must
count each one's answer.

Marked `slow` and `browser` (`make test` and CI run it). Skipped, saying why, without
Chromium, JupyterHub, nbgitpuller, git, or a configurable-http-proxy (node and npm).
Timings and memory go to artifacts/hub/report.json; screenshots to artifacts/hub/.
Run alone: .venv/bin/python -m pytest -q tests/test_hub.py
"""
from __future__ import annotations

import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import time
from urllib.parse import quote, urlsplit

import pytest

from browser_support import (VIEWPORT, WAIT_MS, free_port, lab_environment, run_all_cells, save_png,
                             screenshot_notebook, unexecuted_code_cells, wait_kernel_idle)
from conftest import ROOT
from hub_support import (course_repository, find_proxy, hub_config, memory_of_home, memory_of_hub, start_hub,
                         stop_hub)
from kit.course.links import course_links

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ARTIFACTS = ROOT / "artifacts" / "hub"
LOGIN_MS = 180_000      # log in, start the student's server, pull the course, open the page
# Two students, one per edition; each answers the first self-check question differently.
STUDENTS = {
    "amal": {"lang": "ar", "name": "أمل حداد", "link": "ابدأ الدروس بالعربية", "answer": "بالنقر المزدوج على الخلية",
             "saved": "double_click", "feedback": "✗ النقر المزدوج يفتح خلية النص"},
    "ben": {"lang": "en", "name": "Ben Carter", "link": "Start the course in English", "answer": "Press Shift + Enter",
            "saved": "shift_enter", "feedback": "✓"},
}


def _missing() -> str | None:
    for module in ("jupyterhub", "nbgitpuller"):
        if importlib.util.find_spec(module) is None:
            return f"the {module} package is missing (pip install -e '.[test]')"
    if not shutil.which("git"):
        return "git is missing (nbgitpuller clones the course with it)"
    return None


@pytest.fixture(scope="module")
def hub(chromium, tmp_path_factory):
    problem = _missing()
    if problem:
        pytest.skip(f"the hub test needs {problem}")
    folder = tmp_path_factory.mktemp("hub")
    proxy, why = find_proxy(folder / "npm")
    if proxy is None:
        pytest.skip(f"the hub test needs configurable-http-proxy: {why}")
    # Each student's Jupyter folders stay in their home; the shared config path adds the kit's
    # server extension and a lab without the news pop-up (tests/browser_support.py).
    env = lab_environment(folder / "lab")
    lab_env = {"JUPYTER_CONFIG_PATH": os.pathsep.join([env["JUPYTER_CONFIG_PATH"], env["JUPYTER_CONFIG_DIR"]])}
    ports = (free_port(), free_port(), free_port())
    started = time.monotonic()
    running = start_hub(folder, hub_config(folder, proxy, ports, lab_env), ports[0])
    running.timings = {"hub_start_s": round(time.monotonic() - started, 1)}
    running.repo = course_repository(folder / "course")
    try:
        yield running
    finally:
        stop_hub(running)


def _log_in_and_pull(page, hub, user: str) -> None:
    """Open the teacher's link to the start page: the hub asks the student to log in, starts
    their server, nbgitpuller pulls the course into their home and JupyterLab opens it."""
    link = course_links(hub.url, f"file://{hub.repo}", "main")["start"]
    parts = urlsplit(link)
    page.goto(f"{hub.url}/hub/login?next={quote(parts.path + '?' + parts.query)}")
    page.fill("#username_input", user)
    page.fill("#password_input", "any password")
    page.click("#login_submit")
    page.locator(".lm-TabBar-tab.lm-mod-current", has_text="start.ipynb").wait_for(timeout=LOGIN_MS)
    page.locator(".jp-NotebookPanel .jp-RenderedMarkdown h1").first.wait_for(timeout=WAIT_MS)
    assert f"/user/{user}/lab" in page.url, page.url


def _self_check(page, student: dict):
    """Answer the first question of the start notebook's self-check, as the student does."""
    from playwright.sync_api import expect

    box = page.locator(".jp-NotebookPanel:visible .fl-exercise-run_cell").first
    box.scroll_into_view_if_needed()
    box.locator("label", has_text=student["answer"]).click()
    box.locator(".fl-exercise-check").click()
    feedback = box.locator(".fl-exercise-feedback-run_cell")
    expect(feedback).to_contain_text(student["feedback"], timeout=WAIT_MS)
    return box


def _type_name(page, student: dict) -> None:
    """The student's name for the teacher, typed once in the progress area of lesson 00."""
    from playwright.sync_api import expect

    progress = page.locator(".jp-NotebookPanel:visible .fl-progress").first
    progress.locator(".fl-progress-name input").fill(student["name"])
    progress.locator(".fl-progress-name-save").click()
    expect(progress.locator(".fl-progress-name-note")).to_contain_text(student["name"], timeout=WAIT_MS)


RUN_CELL = "How do you run the selected cell of a Jupyter notebook?"


def _row_of(page: str, prompt: str) -> list[str]:
    """The texts of a self-check question's row in the class page."""
    row = re.search(rf"<tr><td>\d+\. {re.escape(prompt)}</td>(.*?)</tr>", page, re.S)
    assert row, f"no row for {prompt!r} in the class page"
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)]


def _class_report(hub, folder) -> str:
    """The teacher's class page, read from the students' work folders where they are."""
    page = folder / "class.html"
    answer = subprocess.run([sys.executable, "-m", "kit", "class", "--lang", "en", "-o", str(page),
                             *(str(hub.home(user) / "course" / "notebooks" / "my_work") for user in STUDENTS)],
                            capture_output=True, text=True, timeout=120)
    assert answer.returncode == 0, answer.stderr
    assert "(2 students, 0 exports skipped)" in answer.stdout, answer.stdout
    return page.read_text("utf-8")


def _session(chromium, hub, user: str) -> dict:
    """One student's whole session; the seconds each step took."""
    student, times = STUDENTS[user], {}
    context = chromium.new_context(viewport=VIEWPORT, locale=student["lang"])
    page = context.new_page()
    try:
        started = time.monotonic()
        _log_in_and_pull(page, hub, user)
        times["login_spawn_pull_s"] = round(time.monotonic() - started, 1)
        page.get_by_role("link", name=student["link"]).click()
        page.locator(".lm-TabBar-tab.lm-mod-current", has_text="00_start_here.ipynb").wait_for(timeout=WAIT_MS)
        wait_kernel_idle(page, 90_000, f"{user}'s kernel (starting)")
        started = time.monotonic()
        run_all_cells(page)
        times["run_all_s"] = round(time.monotonic() - started, 1)
        assert unexecuted_code_cells(page) == 0, f"{user}: some code cells did not run"
        _type_name(page, student)
        box = _self_check(page, student)
        save_png(ARTIFACTS / f"student_{user}_self_check.png", box.screenshot())
        screenshot_notebook(page, ARTIFACTS / f"student_{user}_{student['lang']}.png")
    except BaseException:
        save_png(ARTIFACTS / f"FAILED_{user}.png", page.screenshot())
        raise
    finally:
        context.close()
    return times


def _saved_answers(hub, user: str) -> dict:
    path = hub.home(user) / "course" / "notebooks" / "my_work" / "ex_00_start_here.json"
    assert path.is_file(), f"{user}'s self-check was not saved in their home: {path}"
    return json.loads(path.read_text("utf-8"))["data"]["answers"]


def test_two_students_on_one_hub_keep_their_work_apart(chromium, hub, tmp_path):
    timings = {"hub": hub.timings}
    for user in STUDENTS:
        timings[user] = _session(chromium, hub, user)
    memory = {user: memory_of_home(hub.home(user)) for user in STUDENTS}
    memory["hub"] = memory_of_hub(hub)

    for user, student in STUDENTS.items():
        assert _saved_answers(hub, user) == {"run_cell": student["saved"]}
        # The course was pulled into the student's home, the work saved beside it, nowhere else.
        assert (hub.home(user) / "course" / ".git").is_dir()
        assert sorted(p.name for p in hub.home(user).glob("*/notebooks/my_work")) == ["my_work"]
    assert not (hub.repo / "notebooks" / "my_work").exists(), "work was saved in the teacher's repository"
    assert not (ROOT / "notebooks" / "my_work" / ".hub-test").exists()

    page = _class_report(hub, tmp_path)
    for student in STUDENTS.values():
        assert html.escape(student["name"]) in page
    assert _row_of(page, RUN_CELL) == ["2", "50%", "1.0", "Press Shift + Enter", "Double-click the cell (1)"]

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "report.json").write_text(json.dumps({"timings": timings, "memory_mib": memory}, indent=1))
    for user in STUDENTS:
        assert memory[user]["server"] and memory[user]["kernels"], f"{user}: their server and kernel were not found"
