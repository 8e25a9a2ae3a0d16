"""AnswerKeys: the teacher's answer keys, readable in JupyterLab (notebooks/teacher_keys.ipynb).

The keys are data (`exercises/*.json`); this shows each lesson's key as the printable page
`python -m kit worksheet` writes (`kit.view.worksheet.answer_key_html`), in either language,
inside the notebook: choose a lesson and a language. The page is shown in an iframe (its own
styles stay inside it), written with `srcdoc` and escaped like every other value.

Test hooks: `lesson.value`, `key_lang.value`, `page` (the key's HTML), `view.value`.
"""
import ipywidgets as widgets

from ..course.i18n import LANGUAGES
from ..view.render import esc
from ..view.worksheet import answer_key_html, lesson_names, lesson_title
from .base import KitWidget, callback, html_widget, with_class


class AnswerKeys(KitWidget):
    """A lesson list, a language switch and the lesson's answer key as a page."""

    css_class = "fl-keys"

    def __init__(self):
        super().__init__()
        self.page = ""
        self.lesson = with_class(widgets.Dropdown(
            options=[(lesson_title(name, self.lang), name) for name in lesson_names()],
            description=self.t("w_keys_lesson"), style={"description_width": "initial"}),
            "fl-keys-lesson")
        self.key_lang = with_class(widgets.ToggleButtons(
            options=[("العربية", "ar"), ("English", "en")], value=self.lang,
            description=self.t("w_keys_language"), style={"description_width": "initial"}),
            "fl-keys-language")
        self.view = html_widget("", "fl-keys-page")
        self.lesson.observe(self._on_choice, "value")
        self.key_lang.observe(self._on_choice, "value")
        self.widget = self.root(widgets.HBox([self.lesson, self.key_lang],
                                             layout=widgets.Layout(flex_flow="row wrap")),
                                self.view)
        self._show()

    @callback
    def _on_choice(self, _change) -> None:
        self._show()

    def _show(self) -> None:
        lang = self.key_lang.value if self.key_lang.value in LANGUAGES else self.lang
        self.page = answer_key_html(self.lesson.value, lang)
        self.view.value = (f'<iframe class="fl-keys-frame" title="{esc(self.lesson.label, plain=True)}" '
                           f'srcdoc="{esc(self.page, plain=True)}" style="width: 100%; height: 70vh; '
                           f'border: 1px solid #bbb; border-radius: 4px;"></iframe>')
