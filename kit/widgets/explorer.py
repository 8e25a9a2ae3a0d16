"""ArticleExplorer: the article with lens highlights, lens toggles and a "why is this
marked?" panel listing the highlighted spans of one lens at a time."""
from collections import Counter

import ipywidgets as widgets

from ..lenses.highlights import LENSES, all_highlights
from ..lenses.spans import paragraphs_at
from ..engine.model import Highlight
from ..view.render import esc, lens_colour, render_article
from .base import KitWidget, block, callback, html_widget, load_analysis, plain, with_class

DEFAULT_LENSES = ("quotes", "reporting_verbs")
LISTED_AT_MOST = 500   # spans in the list: a pasted text can mark 100,000, too many to send or scroll



def toggle_css() -> str:
    """Pressed lens buttons dark with a check mark, released ones white; each button underlined
    in its lens's colour, as its marks are in the article."""
    rules = [".fl-toggle.jupyter-button { background: #fff; color: #1a1a1a; border: 1px solid #777;"
             " border-bottom-width: 4px; font-weight: normal; }",
             ".fl-toggle.jupyter-button.mod-active { background: #1a1a1a; color: #fff;"
             " box-shadow: inset 0 2px 4px #0008; font-weight: bold; }"]
    for lens in LENSES:
        rules.append(f".fl-toggle.fl-explorer-lens-{lens} {{ border-bottom: 4px solid "
                     f"{lens_colour(lens)}; }}")
    return "\n".join(rules)


class ArticleExplorer(KitWidget):
    """The article as the lenses read it.

    One toggle button per lens (`kit.lenses.LENSES`), pressed when on; the article shows the
    highlights of the lenses that are on. The "why is this marked?" list holds the highlights
    of one lens at a time (chosen in the lens list, which names each lens that is on with its
    count), in text order; choosing one outlines it in the article and shows its label, its
    words and the lens's explanation.

    Test hooks: `toggles[lens].value = True`, `group.value = lens`, `spans.value = i` (an
    index into `shown`, the listed lens's highlights), `why.value` (the explanation's HTML),
    `view.value` (the article's HTML), `set_article(analysis)`.
    """

    css_class = "fl-explorer"
    needs_script = True

    def __init__(self, article=None, lenses=DEFAULT_LENSES):
        super().__init__()
        self.analysis = load_analysis(article)
        self.highlights = all_highlights(self.analysis)
        self.shown: list[Highlight] = []
        self.toggles = {lens: self._toggle(lens, lens in lenses) for lens in LENSES}
        self.view = html_widget("", "fl-explorer-article")
        self.group = self._dropdown("w_explorer_group", "fl-explorer-group", "20em")
        self.spans = self._dropdown("w_explorer_spans", "fl-explorer-spans", "100%")
        self.why = html_widget("", "fl-explorer-why")
        self.group.observe(self._on_group, "value")
        self.spans.observe(self._on_span, "value")
        toolbar = with_class(widgets.HBox(list(self.toggles.values()),
                                          layout=widgets.Layout(flex_flow="row wrap")),
                             "fl-explorer-lenses")
        title = html_widget(block(esc(self.t("w_explorer_title")), self.lang, "", "h3")
                            + f"<style>{toggle_css()}</style>")
        self.widget = self.root(title, toolbar, self.group, self.spans, self.why, self.view)
        self._refresh()

    @property
    def active(self) -> set[str]:
        return {lens for lens, toggle in self.toggles.items() if toggle.value}

    def set_article(self, article) -> None:
        """Show another article (text, path or Analysis), keeping the lenses that are on."""
        self.analysis = load_analysis(article)
        self.highlights = all_highlights(self.analysis)
        self._refresh()

    def _dropdown(self, key: str, css: str, width: str) -> widgets.Dropdown:
        return with_class(widgets.Dropdown(description=self.t(key),
                                           style={"description_width": "initial"},
                                           layout=widgets.Layout(width=width, max_width="100%")),
                          css)

    def _toggle(self, lens: str, on: bool) -> widgets.ToggleButton:
        button = widgets.ToggleButton(value=on, description=self.t(f"lens_{lens}"),
                                      tooltip=self.t("w_explorer_toggle_tip"),
                                      icon="check" if on else "",
                                      layout=widgets.Layout(width="auto"))
        button.observe(lambda change, lens=lens: self._on_toggle(lens, change), "value")
        return with_class(button, "fl-toggle", f"fl-explorer-lens-{lens}")

    @callback
    def _on_toggle(self, lens: str, change) -> None:
        self.toggles[lens].icon = "check" if change["new"] else ""
        self._refresh(lens if change["new"] else None)

    @callback
    def _on_group(self, change) -> None:
        if not self.quiet:
            self._list(change["new"])

    def _refresh(self, listed: str | None = None) -> None:
        """Show the active lenses' highlights; list `listed`'s (or the listed lens if still on,
        or the first lens on)."""
        active = [lens for lens in LENSES if lens in self.active]
        listed = listed or (self.group.value if self.group.value in active else None)
        listed = listed or (active[0] if active else None)
        counts = Counter(h.lens for h in self.highlights)
        with self.quietly():
            self.group.options = [(f"{self.t(f'lens_{lens}')} ({counts[lens]})", lens)
                                  for lens in active]
            self.group.value = listed
        self.group.disabled = not active
        self._list(listed)

    def _list(self, lens: str | None) -> None:
        self.shown = [h for h in self.highlights if h.lens == lens]
        listed = self.shown[:LISTED_AT_MOST]
        where = paragraphs_at(self.analysis.paragraphs, [h.start for h in listed])
        self.spans.options = [(self._choose_label(), None)] + [
            (self._option(h, paragraph), i)
            for i, (h, paragraph) in enumerate(zip(listed, where, strict=True))]
        self.spans.index = 0     # the "choose" entry (value None) shows; value=None would show a blank
        self._explain(None)

    def _render(self, chosen: Highlight | None) -> None:
        a = self.analysis
        self.view.value = render_article(a.text, a.paragraphs, self.highlights, a.boilerplate,
                                         lang=self.lang, active_lenses=self.active, chosen=chosen)

    def _choose_label(self) -> str:
        if len(self.shown) <= LISTED_AT_MOST:
            return self.t("w_explorer_choose", n=len(self.shown))
        return self.t("w_explorer_choose_first", shown=LISTED_AT_MOST, n=len(self.shown))

    def _option(self, h: Highlight, paragraph: int | None) -> str:
        label = h.label_ar if self.lang == "ar" else h.label_en
        return f"¶{'-' if paragraph is None else paragraph + 1} · {label}: «{plain(h.text, 50)}»"

    @callback
    def _on_span(self, change):
        if change["new"] is None and self.spans.index is None:
            self.spans.index = 0   # value set to None from code: show the "choose" entry again
        self._explain(change["new"])

    def _explain(self, index: int | None) -> None:
        if index is None:
            key = ("w_explorer_pick" if self.shown else
                   "w_explorer_empty_lens" if self.active else "w_explorer_nothing")
            self.why.value = block(esc(self.t(key)), self.lang, "fl-w-note")
            self._render(None)
            return
        h = self.shown[index]
        self._render(h)
        label, why = (h.label_ar, h.why_ar) if self.lang == "ar" else (h.label_en, h.why_en)
        self.why.value = block(f"<strong>{esc(label)}</strong>"
                               f'<p class="fl-w-text" dir="rtl" lang="ar"><mark>{esc(h.text)}</mark></p>'
                               f"<p>{esc(why)}</p>", self.lang, "fl-w-box fl-explorer-explanation")
