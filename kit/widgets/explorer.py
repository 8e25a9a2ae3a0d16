"""ArticleExplorer: the article with lens highlights, lens toggles and a "why is this
marked?" panel listing the highlighted spans of the lenses that are on."""
import ipywidgets as widgets

from ..lenses.highlights import LENSES, all_highlights
from ..engine.model import Highlight
from ..view.render import esc, render_article
from .base import KitWidget, block, callback, html_widget, load_analysis, plain, with_class

DEFAULT_LENSES = ("quotes", "reporting_verbs")


class ArticleExplorer(KitWidget):
    """The article as the lenses read it.

    One toggle button per lens (`kit.lenses.LENSES`); the article shows the highlights of the
    lenses that are on; the "why is this marked?" list holds those highlights in text order,
    and choosing one shows its label, its words and the lens's explanation.

    Test hooks: `toggles[lens].value = True`, `spans.value = i` (an index into `shown`),
    `why.value` (the explanation's HTML), `view.value` (the article's HTML).
    """

    css_class = "fl-explorer"

    def __init__(self, article=None, lenses=DEFAULT_LENSES):
        super().__init__()
        self.analysis = load_analysis(article)
        self.highlights = all_highlights(self.analysis)
        self.shown: list[Highlight] = []
        self.toggles = {lens: self._toggle(lens, lens in lenses) for lens in LENSES}
        self.view = html_widget("", "fl-explorer-article")
        self.spans = with_class(widgets.Dropdown(description=self.t("w_explorer_spans"),
                                                 style={"description_width": "initial"},
                                                 layout=widgets.Layout(width="100%")),
                                "fl-explorer-spans")
        self.why = html_widget("", "fl-explorer-why")
        self.spans.observe(self._on_span, "value")
        toolbar = with_class(widgets.HBox(list(self.toggles.values()),
                                          layout=widgets.Layout(flex_flow="row wrap")),
                             "fl-explorer-lenses")
        title = html_widget(block(esc(self.t("w_explorer_title")), self.lang, "", "h3"))
        self.widget = self.root(title, toolbar, self.spans, self.why, self.view)
        self._refresh()

    @property
    def active(self) -> set[str]:
        return {lens for lens, toggle in self.toggles.items() if toggle.value}

    def _toggle(self, lens: str, on: bool) -> widgets.ToggleButton:
        button = widgets.ToggleButton(value=on, description=self.t(f"lens_{lens}"),
                                      tooltip=self.t("w_explorer_toggle_tip"),
                                      layout=widgets.Layout(width="auto"))
        button.observe(self._on_toggle, "value")
        return with_class(button, f"fl-explorer-lens-{lens}")

    @callback
    def _on_toggle(self, change):
        self._refresh()

    def _refresh(self) -> None:
        active = self.active
        a = self.analysis
        self.shown = [h for h in self.highlights if h.lens in active]
        self.view.value = render_article(a.text, a.paragraphs, self.shown, a.boilerplate,
                                         lang=self.lang, active_lenses=active)
        self.spans.options = [(self.t("w_explorer_choose", n=len(self.shown)), None)] + [
            (self._option(h), i) for i, h in enumerate(self.shown)]
        self.spans.index = 0     # the "choose" entry (value None) shows; value=None would show a blank
        self._explain(None)

    def _option(self, h: Highlight) -> str:
        paragraph = next((p.index + 1 for p in self.analysis.paragraphs
                          if p.start <= h.start < p.end), "-")
        label = h.label_ar if self.lang == "ar" else h.label_en
        return f"¶{paragraph} · {label}: «{plain(h.text, 50)}»"

    @callback
    def _on_span(self, change):
        if change["new"] is None and self.spans.index is None:
            self.spans.index = 0   # value set to None from code: show the "choose" entry again
        self._explain(change["new"])

    def _explain(self, index: int | None) -> None:
        if index is None:
            key = "w_explorer_pick" if self.shown else "w_explorer_nothing"
            self.why.value = block(esc(self.t(key)), self.lang, "fl-w-note")
            return
        h = self.shown[index]
        label, why = (h.label_ar, h.why_ar) if self.lang == "ar" else (h.label_en, h.why_en)
        self.why.value = block(f"<strong>{esc(label)}</strong>"
                               f'<p class="fl-w-text" dir="rtl" lang="ar"><mark>{esc(h.text)}</mark></p>'
                               f"<p>{esc(why)}</p>", self.lang, "fl-w-box fl-explorer-explanation")
