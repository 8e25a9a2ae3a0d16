"""Binder without loss: a temporary session is recognised from Binder's environment variables,
the progress view says so in the edition's language with the download and restore buttons,
every self-check save repeats it, and an uploaded export brings the work back in a new session.
(tests/test_browser.py looks at the notice in JupyterLab.)"""
import io
import json
import zipfile

import pytest

import kit
from kit.course.i18n import direction, t
from kit.course.session import BINDER_VARIABLES, temporary_session
from kit.course.storage import export_all, load_work, save_work
from kit.widgets.exercise_box import ExerciseBox
from kit.widgets.progress import ProgressView

# What BinderHub sets in a mybinder.org session (values as it gives them).
BINDER = {"BINDER_LAUNCH_HOST": "https://mybinder.org/",
          "BINDER_REQUEST": "v2/gh/framing-lab/framing-lab/HEAD",
          "BINDER_REPO_URL": "https://github.com/framing-lab/framing-lab"}


@pytest.fixture(autouse=True)
def clean(tmp_path, monkeypatch):
    """No Binder variable from the machine running the tests; work in a fresh folder."""
    for name in (*BINDER_VARIABLES, "FRAMING_LAB_TEMPORARY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path / "session"))
    before = kit.get_language()
    yield
    kit.set_language(before)


@pytest.fixture
def binder(monkeypatch):
    for name, value in BINDER.items():
        monkeypatch.setenv(name, value)


@pytest.mark.parametrize("name", sorted(BINDER))
def test_any_binder_variable_means_a_temporary_session(name, monkeypatch):
    assert not temporary_session()
    monkeypatch.setenv(name, BINDER[name])
    assert temporary_session()
    monkeypatch.setenv("FRAMING_LAB_TEMPORARY", "0")   # a school that keeps work can say so
    assert not temporary_session()


def test_a_school_hub_is_not_temporary_unless_it_says_so(monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_SERVICE_PREFIX", "/user/amal/")
    monkeypatch.setenv("JUPYTERHUB_USER", "amal")
    assert not temporary_session()
    monkeypatch.setenv("FRAMING_LAB_TEMPORARY", "1")
    assert temporary_session()


@pytest.mark.parametrize("lang, words", [("ar", "جلسة مؤقتة على Binder"), ("en", "temporary session on Binder")])
def test_the_progress_view_says_the_session_is_temporary_in_its_language(binder, lang, words):
    kit.set_language(lang)
    save_work("ex_00_start_here", {"notebook": "00_start_here", "answers": {"run_cell": "shift_enter"}})
    view = ProgressView()
    notice = view.notice.value
    assert words in notice
    assert notice.startswith(f'<p class="fl-temporary fl-w-wrong" dir="{direction(lang)}" lang="{lang}">')
    # It names the two buttons the student has to use, as they are labelled.
    assert f"«{t('progress_download', lang)}»" in notice and f"«{t('progress_upload', lang)}»" in notice
    assert t("progress_download", lang) in view.download.value
    assert 'class="jupyter-button widget-button' in view.download.value
    assert view.upload.description == t("progress_upload", lang) and view.upload.accept == ".zip"


def test_elsewhere_no_notice_and_no_note():
    kit.set_language("en")
    assert ProgressView().notice.value == ""
    box = ExerciseBox("00_start_here")
    box.answer("run_cell", "shift_enter")
    box.check("run_cell")
    assert "temporary" not in box.feedback["run_cell"].value


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_self_check_save_says_it_is_only_in_this_session(binder, lang):
    kit.set_language(lang)
    box = ExerciseBox("00_start_here")
    box.answer("run_cell", "double_click")
    assert box.check("run_cell").correct is False
    assert t("temporary_saved", lang) in box.feedback["run_cell"].value
    assert load_work("ex_00_start_here")["answers"] == {"run_cell": "double_click"}
    box.check("expectations")   # nothing written: nothing saved, so no note
    assert t("temporary_saved", lang) not in box.feedback["expectations"].value


def test_an_uploaded_export_restores_the_work_in_a_new_session(binder, tmp_path, monkeypatch):
    kit.set_language("ar")
    box = ExerciseBox("00_start_here")
    box.answer("run_cell", "shift_enter")
    box.check("run_cell")
    save_work("quote_quiz", {"articles": {"x": {"answers": {"0:10": ["speaker"]}}}})
    export = export_all()

    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path / "next_session"))   # Binder again: empty
    view = ProgressView()
    assert "1 من 4" not in view.table.value
    view.restore(({"name": "my_work.zip", "content": memoryview(export), "size": len(export)},))
    assert view.last_error is None
    assert load_work("ex_00_start_here")["answers"] == {"run_cell": "shift_enter"}
    assert load_work("quote_quiz") == {"articles": {"x": {"answers": {"0:10": ["speaker"]}}}}
    assert "استُعيد عملك: 2 ملف جديد" in view.restored.value and "(من الملف my_work.zip)" in view.restored.value
    assert "1 من 4" in view.table.value          # the progress table shows the restored answer
    assert ExerciseBox("00_start_here").answers == {"run_cell": "shift_enter"}

    view.restore(({"name": "my_work.zip", "content": export, "size": len(export)},))
    assert "0 ملف جديد" in view.restored.value and "2 ملف مطابق" in view.restored.value


def test_a_file_that_is_not_an_export_restores_nothing_and_says_why(binder):
    kit.set_language("en")
    view = ProgressView()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", json.dumps({"a": 1}))
    view.restore(({"name": "notes.zip", "content": buffer.getvalue(), "size": 1},))
    assert view.last_error is not None and "notes.txt" in str(view.last_error)
    assert view.restored.value == ""
    assert export_all() == export_all() and not load_work("notes")


# --- in JupyterLab, as a student on Binder sees it ------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_on_binder_the_lesson_warns_and_an_uploaded_export_comes_back(page, tmp_path_factory, lang):
    from playwright.sync_api import expect

    from browser_support import (ARTIFACTS, WAIT_MS, open_notebook, run_all_cells, save_png,
                                 start_lab, stop_lab)
    from conftest import ROOT

    export = _an_export(tmp_path_factory.mktemp("export"))
    server = start_lab(ROOT, tmp_path_factory.mktemp(f"binder-{lang}"), {"FRAMING_LAB_LANG": lang, **BINDER})
    try:
        open_notebook(page, server, f"notebooks/{lang}/00_start_here.ipynb")
        run_all_cells(page)
        progress = page.locator(".fl-progress").first
        notice = progress.locator(".fl-temporary")
        expect(notice).to_contain_text(t("temporary_notice", lang)[:40], timeout=WAIT_MS)
        with page.expect_file_chooser() as chooser:   # the upload button opens the file dialog
            progress.locator(".fl-progress-upload").click()
        chooser.value.set_files(str(export))
        expect(progress.locator(".fl-progress-restored")).to_contain_text("my_work.zip", timeout=WAIT_MS)
        expect(progress.locator(".fl-progress-table")).to_contain_text(
            "1 من 4" if lang == "ar" else "1 / 4", timeout=WAIT_MS)
        progress.scroll_into_view_if_needed()
        save_png(ARTIFACTS / f"binder_notice_{lang}.png", progress.screenshot())
        assert json.loads((server.work_dir / "ex_00_start_here.json").read_text("utf-8"))["data"]["answers"] \
            == {"outlet": "sky"}

        box = page.locator(".fl-exercise-run_cell").first
        box.scroll_into_view_if_needed()
        box.locator(".widget-radio-box label").first.click()
        box.locator(".fl-exercise-check").click()
        expect(box.locator(".fl-temporary-saved")).to_have_text(t("temporary_saved", lang), timeout=WAIT_MS)
        save_png(ARTIFACTS / f"binder_saved_{lang}.png", box.screenshot())
    finally:
        stop_lab(server)


def _an_export(folder):
    """my_work.zip of a student who answered one question of lesson 00 in an earlier session."""
    save_work("ex_00_start_here", {"notebook": "00_start_here", "answers": {"outlet": "sky"}}, folder / "work")
    path = folder / "my_work.zip"
    path.write_bytes(export_all(folder / "work"))
    return path
