"""The student's progress through the course, read from their saved work.

`course_progress()` gives one row per notebook that has an exercise file
(`exercises/NN_name.json`): how many of its exercises were answered and how many were right,
from the work file `ex_<notebook>` that `ExerciseBox` writes. `progress_widget()` shows the
same as a table for notebook 00, with the student's name for the teacher (asked once,
`kit.course.student`), a Refresh button, a "download my work" button (a zip of every work
file, `kit.storage.export_all`) and a "restore my work" upload that imports such a zip
(`kit.storage.import_zip`). In a temporary session (Binder) a notice says that the work is
deleted with the session (`kit.widgets.temporary`).

Lesson titles come from the notebooks of the edition in use (their first heading), so a
teacher who renames a lesson renames it here too.

Limits: only the self-check exercises are counted; the work of the other widgets (quiz,
frame annotations...) is listed by name, not scored. A damaged work file is reported, not
repaired (`kit.storage.recover_work` does that).
"""
import base64
import re
from pathlib import Path

import ipywidgets as widgets
import nbformat

from ..errors import KitError
from .exercise_box import answered_and_right, first_attempts, work_name
from ..course.editions import edition_dir, lesson_title
from ..course.paths import exercises_dir
from ..view.render import esc
from ..course.i18n import t
from ..course.when import friendly
from ..course.storage import export_all, import_zip, load_work, saved_work_summary
from ..course.student import WORK_NAME as STUDENT, save_student, student_name
from .base import KitWidget, block, callback, html_widget, with_class
from .temporary import temporary_notice

NOTEBOOK_FILE = re.compile(r"\d\d_[a-z0-9_]+")
def _label(key: str, lang: str, **values) -> str:
    return t(f"progress_{key}", lang, **values)


def course_notebooks() -> list[str]:
    """The notebooks that have an exercise file, in course order ("00_start_here", ...)."""
    return sorted(path.stem for path in exercises_dir().glob("*.json")
                  if NOTEBOOK_FILE.fullmatch(path.stem))


def notebook_title(notebook: str, lang: str) -> str:
    """The lesson's title in the `lang` edition (its first heading), else the notebook's name."""
    try:
        return lesson_title(nbformat.read(edition_dir(lang) / f"{notebook}.ipynb", as_version=4), notebook)
    except (OSError, ValueError, KeyError, TypeError, nbformat.ValidationError):
        return notebook


def course_progress(folder: Path | None = None) -> list[dict]:
    """One row per notebook: {"notebook", "answered", "total", "right", "gradable",
    "saved_at" (None: nothing saved), "problem" (None, or why the work file cannot be read,
    in English and Arabic)}."""
    summary = saved_work_summary(folder)
    rows = []
    for notebook in course_notebooks():
        name = work_name(notebook)
        saved, problem = {}, None
        if name in summary:
            try:
                saved = load_work(name, folder)
            except KitError as error:
                problem = {"en": error.en, "ar": error.ar}
        answers = saved.get("answers", {}) if isinstance(saved.get("answers"), dict) else {}
        answered, total, right, gradable = answered_and_right(notebook, answers, first_attempts(saved))
        rows.append({"notebook": notebook, "answered": answered, "total": total, "right": right,
                     "gradable": gradable, "saved_at": summary.get(name), "problem": problem})
    return rows


def other_work(folder: Path | None = None) -> list[str]:
    """Saved work that is not a notebook's self-check (quiz, annotations, ...)."""
    mine = {work_name(notebook) for notebook in course_notebooks()} | {STUDENT}
    return [name for name in saved_work_summary(folder) if name not in mine]


class ProgressView(KitWidget):
    """The progress table, a Refresh button and a download link for all saved work.

    Test hooks: `refresh()`, `table.value`, `download.value`, `notice.value`, `restore(uploaded)`,
    `restored.value`."""

    css_class = "fl-progress"
    needs_script = True     # saved times in the browser's time zone

    def __init__(self, folder: Path | None = None):
        super().__init__()
        self.folder = folder
        self.table = html_widget("", "fl-progress-table")
        self.download = html_widget("", "fl-progress-download")
        button = with_class(widgets.Button(description=_label("refresh", self.lang),
                                           icon="refresh"), "fl-progress-refresh")
        button.on_click(lambda _button: self.refresh())
        title = html_widget(block(esc(_label("title", self.lang)), self.lang, "", "h3"))
        self.notice = html_widget(temporary_notice(self.lang), "fl-progress-temporary")
        self.widget = self.root(title, self.notice, self._name_row(), self.table,
                                widgets.HBox([button, self.download, self._upload_button()]),
                                self.restored)
        self.refresh()

    def _name_row(self) -> widgets.HBox:
        """The student's name for the teacher, asked once and kept with the work."""
        self.name = with_class(widgets.Text(value=student_name(self.folder) or "",
                                            description=t("student_label", self.lang),
                                            style={"description_width": "initial"}),
                               "fl-progress-name")
        self.name_button = with_class(widgets.Button(description=t("student_save", self.lang),
                                                     icon="user"), "fl-progress-name-save")
        self.name_button.on_click(lambda _button: self.save_name())
        self.name_note = html_widget("", "fl-progress-name-note")
        return widgets.HBox([self.name, self.name_button, self.name_note],
                            layout=widgets.Layout(flex_flow="row wrap"))

    @callback
    def save_name(self) -> None:
        """Store the name typed (test hook: set `name.value`, then call this or click)."""
        saved = save_student(self.name.value, self.lang, self.folder)
        self.name.value = saved
        self.name_note.value = block(esc(t("student_saved", self.lang, name=saved)), self.lang,
                                     "fl-w-right", "span")
        self.refresh()

    def _upload_button(self) -> widgets.FileUpload:
        """«Restore my work from a file»: an export (zip) uploaded is imported (import_zip)."""
        self.restored = html_widget("", "fl-progress-restored")
        self.upload = with_class(widgets.FileUpload(accept=".zip", multiple=False,
                                                    description=_label("upload", self.lang), icon="upload",
                                                    layout=widgets.Layout(width="auto")),
                                 "fl-progress-upload")
        self.upload.observe(lambda change: self.restore(change["new"]), names="value")
        return self.upload

    @callback
    def restore(self, uploaded) -> None:
        """Import the uploaded export and say what came back (test hook: a tuple of
        {"name": ..., "content": bytes}, as FileUpload gives)."""
        if not uploaded:
            return
        file = uploaded[0]
        outcome = import_zip(bytes(file["content"]), self.folder)
        counts = {key: sum(1 for what in outcome.values() if what == key)
                  for key in ("imported", "kept", "unchanged")}
        self.restored.value = block(esc(_label("restored", self.lang, file=file["name"], **counts)),
                                    self.lang, "fl-w-right", "p")
        self.refresh()

    @callback
    def refresh(self) -> None:
        self.table.value = self._table(course_progress(self.folder))
        self.download.value = self._download_link()

    def _table(self, rows: list[dict]) -> str:
        lang = self.lang
        head = "".join(f"<th>{esc(_label(key, lang))}</th>"
                       for key in ("notebook", "answered", "right", "saved"))
        body = "".join(self._row(row) for row in rows)
        totals = {key: sum(row[key] for row in rows)
                  for key in ("answered", "total", "right", "gradable")}
        footer = f"<p>{esc(_label('total', lang, **totals))}</p>"
        others = other_work(self.folder)
        if others:
            footer += f"<p>{esc(_label('other', lang, names=', '.join(others)))}</p>"
        return block(f"<table><tr>{head}</tr>{body}</table>{footer}", lang)

    def _row(self, row: dict) -> str:
        lang = self.lang
        cells = (f"{row['notebook'][:2]} · {notebook_title(row['notebook'], lang)}",
                 _label("fraction", lang, n=row["answered"], total=row["total"]),
                 _label("fraction", lang, n=row["right"], total=row["gradable"]))
        return ("<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in cells)
                + f"<td>{self._saved(row)}</td></tr>")

    def _saved(self, row: dict) -> str:
        """When the lesson's work was saved (HTML): a friendly local time, which the page
        script rewrites in the browser's time zone; or why the file cannot be read."""
        if row["problem"]:
            return esc(_label("damaged", self.lang, problem=row["problem"][self.lang]))
        if not row["saved_at"]:
            return esc(_label("never", self.lang))
        return (f'<time class="fl-local" datetime="{esc(row["saved_at"], plain=True)}">'
                f'{esc(friendly(row["saved_at"], self.lang))}</time>')

    def _download_link(self) -> str:
        if not saved_work_summary(self.folder):
            return block(esc(_label("nothing", self.lang)), self.lang, "", "span")
        data = base64.b64encode(export_all(self.folder)).decode("ascii")
        return (f'<a download="my_work.zip" href="data:application/zip;base64,{data}" role="button" '
                f'class="jupyter-button widget-button fl-progress-download-button" '
                f'style="text-decoration: none; line-height: var(--jp-widgets-inline-height); '
                f'width: auto; padding: 0 1em" dir="{"rtl" if self.lang == "ar" else "ltr"}">&#x2B07; '
                f'{esc(_label("download", self.lang))}</a>')


def progress_widget(folder: Path | None = None) -> ProgressView:
    """The progress view for notebook 00 (displays itself as the last line of a cell)."""
    return ProgressView(folder)
