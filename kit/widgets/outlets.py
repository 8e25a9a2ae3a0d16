"""OutletComparison: two outlets' stories of one event, side by side (notebook 06). Each side
has the outlet's name and its text in boxes the student can paste into; «Compare» shows, for
each, the story with its quotes marked and three charts, each kind drawn on one scale for both
stories (`kit.view.compare`): the kinds of sources, the words each speaker is quoted with, and
the reporting verbs by connotation. No Python to edit.

Safety: names and texts go into Text/Textarea widgets (plain text) and reach HTML only
through `render.esc` (`render_article`, the heading); chart labels are drawn, not HTML.

Test hooks: `names[i].value`, `texts[i].value`, `compare()` (presses Compare), `analyses`,
`columns[i].outputs`, `errors.outputs`.
"""
import ipywidgets as widgets
from IPython.display import HTML, display

from ..engine.analysis import analyze
from ..engine.article import check_text
from ..lenses.highlights import quote_highlights
from ..view.render import esc, render_article
from .base import KitWidget, block, callback, html_widget, with_class


class OutletComparison(KitWidget):
    """`outlets`: {name: text} of two stories (e.g. `kit.course.samples.outlet_pair(...)`)."""

    css_class = "fl-outlets"

    def __init__(self, outlets: dict[str, str]):
        super().__init__()
        pairs = list(outlets.items())[:2]
        self.names = [with_class(widgets.Text(value=name, description=self.t("w_outlets_name"),
                                              style={"description_width": "initial"}),
                                 f"fl-outlets-name-{i}") for i, (name, _) in enumerate(pairs)]
        self.texts = [with_class(widgets.Textarea(value=text, layout=widgets.Layout(
            width="auto", height="12em")), "fl-w-arabic-input", f"fl-outlets-text-{i}")
            for i, (_, text) in enumerate(pairs)]
        self.button = with_class(widgets.Button(description=self.t("w_outlets_compare"),
                                                button_style="primary", icon="columns",
                                                layout=widgets.Layout(width="auto")),
                                 "fl-outlets-compare")
        self.button.on_click(self._on_compare)
        self.columns = [with_class(widgets.Output(layout=widgets.Layout(width="50%", height="auto")),
                                   f"fl-outlets-column-{i}") for i in range(len(pairs))]
        self.analyses = []
        side = widgets.Layout(width="50%", height="auto")
        inputs = widgets.HBox([widgets.VBox([n, t], layout=side)
                               for n, t in zip(self.names, self.texts, strict=True)])
        hint = html_widget(block(esc(self.t("w_outlets_hint")), self.lang, "fl-w-note", "p"))
        self.widget = self.root(hint, inputs, self.button, widgets.HBox(self.columns))
        self.compare()

    def compare(self) -> None:
        """Press Compare, as the student does."""
        self.button.click()

    @callback
    def _on_compare(self, _button) -> None:
        from ..view.compare import comparison_charts   # matplotlib loads here, not on import
        for text in self.texts:
            check_text(text.value)
        self.analyses = [analyze(text=text.value) for text in self.texts]
        charts = comparison_charts(dict(enumerate(self.analyses)))   # one scale for both
        for i, (name, analysis, column) in enumerate(zip(self.names, self.analyses, self.columns,
                                                         strict=True)):
            story = render_article(analysis.text, analysis.paragraphs, quote_highlights(analysis),
                                   analysis.boilerplate, lang=self.lang, title=name.value)
            column.clear_output(wait=True)
            with column:
                display(HTML(story), *charts[i])
