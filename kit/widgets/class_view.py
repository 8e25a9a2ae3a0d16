"""ClassView: the class page from a teacher's notebook (notebooks/teacher_keys.ipynb).

The same page as `python -m kit class PATH… -o class.html`: the teacher writes where the
students' exports (zips) or work folders are, one per line, chooses a language and presses
Build. The page shows in an iframe (its own styles stay inside it, written with `srcdoc` and
escaped like every other value), is saved as `class.html` beside the notebook, and what was
skipped is listed by name. Nothing leaves the machine.

Test hooks: `paths.value`, `page_lang.value`, `build()`, `page`, `written`, `status.value`.
"""
from pathlib import Path

import ipywidgets as widgets

from ..course.class_summary import summarize
from ..course.collect import collect
from ..view.class_page import class_page_html
from ..view.render import esc
from .base import KitWidget, block, callback, html_widget, with_class


class ClassView(KitWidget):
    """Folders or zips of a class's work in, the class page out."""

    css_class = "fl-class"

    def __init__(self, paths=(), output: str | Path = "class.html"):
        super().__init__()
        self.page, self.written, self.output = "", None, Path(output)
        self.paths = with_class(widgets.Textarea(
            value="\n".join(str(p) for p in paths), placeholder=self.t("w_class_paths_hint"),
            description=self.t("w_class_paths"), style={"description_width": "initial"},
            layout=widgets.Layout(width="95%", height="5em")), "fl-class-paths")
        self.page_lang = with_class(widgets.ToggleButtons(
            options=[("العربية", "ar"), ("English", "en")], value=self.lang,
            description=self.t("w_keys_language"), style={"description_width": "initial"}),
            "fl-class-language")
        self.button = with_class(widgets.Button(description=self.t("w_class_build"), icon="users"),
                                 "fl-class-build")
        self.status, self.view = html_widget("", "fl-class-status"), html_widget("", "fl-class-page")
        self.button.on_click(self._on_build)
        self.widget = self.root(self.paths, widgets.HBox([self.page_lang, self.button]),
                                self.status, self.view)

    @callback
    def _on_build(self, _button) -> None:
        self.build()

    def build(self) -> None:
        """Collect, summarise, show and save the page; say what was skipped."""
        sources = [line.strip() for line in self.paths.value.splitlines() if line.strip()]
        if not sources:
            self.status.value = block(esc(self.t("w_class_no_paths")), self.lang, "", "p")
            return
        summary = summarize(collect(sources))
        self.page = class_page_html(summary, self.page_lang.value)
        self.output.write_text(self.page, "utf-8")
        self.written = self.output.resolve()
        lines = [self.t("w_class_done", students=len(summary.students), file=str(self.written))]
        lines += [f"{Path(s.source).name}: {s.reason[self.lang]}" for s in summary.skipped]
        self.status.value = block("<br>".join(esc(line) for line in lines), self.lang, "", "p")
        self.view.value = (f'<iframe class="fl-class-frame" title="{esc(self.t("w_class_build"), plain=True)}" '
                           f'srcdoc="{esc(self.page, plain=True)}" style="width: 100%; height: 75vh; '
                           f'border: 1px solid #bbb; border-radius: 4px;"></iframe>')
