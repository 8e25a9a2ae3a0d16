"""SourceMap: who is cited, of what type, through whom, and who is named but never quoted.

The picture is `kit.view.source_map.SourceGraph`'s SVG (every label through `esc`); this widget
adds the table of sources and the parties named but never quoted.
"""
import json
from pathlib import Path

from ..course.i18n import LANGUAGES, t
from ..lenses.voices import absent_parties
from ..view.render import esc
from ..view.source_map import SourceGraph, type_label
from .base import KitWidget, article_name, block, html_widget, load_analysis, seed_path


class SourceMap(KitWidget):
    """The article's sources as a map and a table, with the parties it leaves unquoted.

    `svg` is the picture, `table_html` the table, `alt_text(lang)` the picture in words
    (Arabic and English). Test hooks: `nodes` (id -> node with `level`, `type`, `names`),
    `edges` (pairs of node ids), `absent` (names in the interface language).
    """

    css_class = "fl-sources"

    def __init__(self, article=None):
        super().__init__()
        self.analysis = load_analysis(article)
        self.graph = SourceGraph(self.analysis, _site_names(article), self.lang)
        self.nodes, self.edges = self.graph.nodes, self.graph.edges
        self.absent = [self.graph.absent_name(name, self.lang) for name in absent_parties(self.analysis)]
        self.svg = self.graph.svg()
        self.table_html = self._table()
        title = block(f"<h3>{esc(self.t('w_map_title'))}</h3>"
                      f"<p>{esc(self.t('w_map_how_to_read'))}</p>", self.lang)
        self.picture = html_widget(title + self.svg + self.graph.legend_html(), "fl-sources-picture")
        self.table = html_widget(self.table_html + self._absent_html(), "fl-sources-table")
        self.widget = self.root(self.picture, self.table)

    def alt_text(self, lang: str | None = None) -> str:
        """The picture in words, in `lang` (default: the widget's language)."""
        return self.graph.alt_text(lang or self.lang)

    @property
    def alt_text_en(self) -> str:
        return self.alt_text("en")

    @property
    def alt_text_ar(self) -> str:
        return self.alt_text("ar")

    # --- table ------------------------------------------------------------------------------

    def _table(self) -> str:
        heads = "".join(f"<th>{esc(self.t(k))}</th>" for k in (
            "w_map_col_source", "w_map_col_type", "w_map_col_roles", "w_map_col_forms",
            "w_map_col_quotes", "w_map_col_via"))
        rows = "".join(self._row(s) for s in self.analysis.sources)
        return block(f"<h4>{esc(self.t('w_map_table_title'))}</h4>"
                     f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>",
                     self.lang)

    def _row(self, source) -> str:
        node = self.nodes[source.id]
        via = [self.graph.node_named(v).names[self.lang] for i in source.quote_indices
               for v in self.analysis.quotes[i].via]
        arabic_list = t("w_list_separator", "ar").join     # roles and forms are as written
        cells = [node.names[self.lang], type_label(source.type, self.lang),
                 arabic_list(source.roles) or "-", arabic_list(source.surface_forms),
                 str(node.quotes), self.t("w_list_separator").join(dict.fromkeys(via)) or "-"]
        return "<tr>" + "".join(f'<td dir="auto">{esc(cell)}</td>' for cell in cells) + "</tr>"

    def _absent_html(self) -> str:
        if not self.absent:
            return block(esc(self.t("w_map_no_absent")), self.lang, "fl-w-note")
        items = "".join(f'<li dir="auto">{esc(name)}</li>' for name in self.absent)
        return block(f"<h4>{esc(self.t('w_map_absent'))}</h4><p>{esc(self.t('w_map_absent_why'))}</p>"
                     f"<ul>{items}</ul>", self.lang)


# --- the site -------------------------------------------------------------------------------------

def _site_names(article) -> dict:
    """The outlet that published the article, from the seed's metadata file when there is one."""
    names = {lang: t("w_map_site", lang) for lang in LANGUAGES}
    name = article_name(article)
    path = seed_path() if article is None else Path(article) if name else None
    try:
        meta = json.loads(path.with_suffix(".json").read_text("utf-8")) if path else {}
    except (OSError, ValueError):
        meta = {}
    if isinstance(meta, dict) and isinstance(meta.get("outlet"), str):
        names = {"en": meta["outlet"], "ar": str(meta.get("outlet_ar") or meta["outlet"])}
    return names
