"""SentenceBox: a sentence in a text box, and the article explorer reading it (notebook 05,
"free editing"). The student edits the sentence as text, with any quotation marks they like,
and presses the button: no Python string to edit, so no quote can break the code.

Safety: the text goes into a Textarea (plain text for the front end) and the engine; it is
shown only through the explorer, which escapes it.

Test hooks: `textarea.value`, `show()` (presses the button), `explorer` (its `view.value`,
`analysis`), `errors.outputs`.
"""
import ipywidgets as widgets

from ..engine.analysis import analyze
from ..engine.article import check_text
from ..view.render import esc
from .base import KitWidget, block, callback, html_widget, with_class
from .explorer import DEFAULT_LENSES, ArticleExplorer


class SentenceBox(KitWidget):
    """A right-to-left text box holding `text`, a "Show the lenses" button and an explorer of
    the box's text with `lenses` on. A text the kit refuses (empty, too long) leaves the
    explorer as it was, with the kit's message in the widget."""

    css_class = "fl-sentence"
    needs_script = True

    def __init__(self, text: str, lenses=DEFAULT_LENSES):
        super().__init__()
        self.textarea = with_class(widgets.Textarea(value=text, layout=widgets.Layout(
            width="auto", height="5em")), "fl-w-arabic-input", "fl-sentence-text")
        self.button = with_class(widgets.Button(description=self.t("w_sentence_show"),
                                                button_style="primary", icon="search",
                                                layout=widgets.Layout(width="auto")),
                                 "fl-sentence-show")
        self.button.on_click(self._on_show)
        self.explorer = ArticleExplorer(analyze(text=text), lenses=lenses)
        hint = html_widget(block(esc(self.t("w_sentence_hint")), self.lang, "fl-w-note", "p"))
        self.widget = self.root(hint, self.textarea, self.button, self.explorer.widget)

    def show(self) -> None:
        """Press the button, as the student does."""
        self.button.click()

    @callback
    def _on_show(self, _button) -> None:
        check_text(self.textarea.value)
        self.explorer.set_article(analyze(text=self.textarea.value))
