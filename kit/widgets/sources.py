"""SourceMap: who is cited, of what type, through whom, and who is named but never quoted.

The picture is an SVG built here (every label through `esc`): the site publishing the article
on one side, the outlets it relays next, then each source, one arrow per "reports what ... said".
Shapes and colours (Okabe-Ito, safe for the common colour-vision deficiencies) tell the source
types apart, and every node also says its type in words.
"""
import json
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from ..engine.arabic import is_arabic
from ..course.i18n import LANGUAGES, t
from ..view.render import esc
from ..lenses.voices import absent_parties, statement_counts
from .base import KitWidget, article_name, block, html_widget, load_analysis, plain, seed_path

SITE = "site"
# The Okabe-Ito colours of kit.plots, written out: importing kit.plots would load matplotlib,
# about 0.3 s more before the first widget shows.
ORANGE, SKY_BLUE, GREEN, YELLOW = "#E69F00", "#56B4E9", "#009E73", "#F0E442"
BLUE, PURPLE, GREY = "#0072B2", "#CC79A7", "#BBBBBB"
_FILL = {SITE: "#FFFFFF", "person": ORANGE, "media": SKY_BLUE, "body": GREEN, "group": YELLOW,
         "official": PURPLE, "anonymous": GREY}
_COLUMN, _ROW, _R, _TOP = 250, 100, 18, 34   # column width, row height, node radius, top margin


@dataclass
class _Node:
    id: str
    names: dict          # language -> name
    type: str            # site | person | media | body | group | anonymous
    quotes: int = 0
    level: int = 0
    row: float = 0.0
    parent: str | None = None


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
        self.nodes, self.edges = _graph(self.analysis, _site_names(article))
        _layout(self.nodes, self.edges)
        self.absent = [self._absent_name(name) for name in absent_parties(self.analysis)]
        self.svg = self._svg()
        self.table_html = self._table()
        title = block(f"<h3>{esc(self.t('w_map_title'))}</h3>"
                      f"<p>{esc(self.t('w_map_how_to_read'))}</p>", self.lang)
        self.picture = html_widget(title + self.svg + self._legend(), "fl-sources-picture")
        self.table = html_widget(self.table_html + self._absent_html(), "fl-sources-table")
        self.widget = self.root(self.picture, self.table)

    def alt_text(self, lang: str | None = None) -> str:
        """The picture in words, in `lang` (default: the widget's language)."""
        lang = lang or self.lang
        items = [self._alt_item(node, lang) for node in self._sources()]
        text = t("w_map_alt", lang, site=self.nodes[SITE].names[lang],
                 items=t("w_list_separator", lang).join(items) or t("w_map_alt_no_sources", lang))
        if self.analysis.relay:
            text += " " + t("w_map_alt_relay", lang, relay=self._node_named(self.analysis.relay).names[lang])
        names = [self._absent_name(name, lang) for name in absent_parties(self.analysis)]
        if names:
            text += " " + t("w_map_alt_absent", lang, names=t("w_list_separator", lang).join(names))
        return text

    @property
    def alt_text_en(self) -> str:
        return self.alt_text("en")

    @property
    def alt_text_ar(self) -> str:
        return self.alt_text("ar")

    # --- words ------------------------------------------------------------------------------

    def _sources(self) -> list[_Node]:
        return sorted((n for n in self.nodes.values() if n.type != SITE), key=lambda n: (n.level, n.row))

    def _node_named(self, name: str) -> _Node:
        return next((n for n in self.nodes.values() if n.names["en"] == name), _Node(name, {
            lang: name for lang in LANGUAGES}, "media"))

    def _alt_item(self, node: _Node, lang: str) -> str:
        values = dict(name=node.names[lang], type=_type_label(node.type, lang), n=node.quotes)
        if node.parent and node.parent != SITE:
            return t("w_map_alt_item_via", lang, via=self.nodes[node.parent].names[lang], **values)
        return t("w_map_alt_item", lang, **values)

    def _absent_name(self, name: str, lang: str | None = None) -> str:
        """The name as the article writes it (Arabic) or canonical (English)."""
        if (lang or self.lang) == "en":
            return name
        return next((m.text for m in self.analysis.mentions if m.name == name), name)

    # --- picture ----------------------------------------------------------------------------

    def _x(self, level: int, width: int) -> float:
        x = _COLUMN * level + _COLUMN / 2
        return width - x if self.lang == "ar" else x   # Arabic reads from the right

    def _svg(self) -> str:
        width = _COLUMN * (max(n.level for n in self.nodes.values()) + 1)
        height = int(_TOP + _ROW * max(n.row for n in self.nodes.values()) + _R + 48)  # + labels
        where = {i: (self._x(n.level, width), _TOP + _ROW * n.row) for i, n in self.nodes.items()}
        edges = "".join(_arrow(where[a], where[b]) for a, b in self.edges)
        nodes = "".join(self._node_svg(n, *where[n.id]) for n in self.nodes.values())
        return (f'<svg class="fl-sources-svg" xmlns="http://www.w3.org/2000/svg" role="img" '
                f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
                f'aria-label="{esc(self.alt_text(), plain=True)}" style="max-width:100%;height:auto">'
                f'<defs><marker id="fl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
                f'fill="#333"/></marker></defs>{edges}{nodes}</svg>')

    def _node_svg(self, node: _Node, x: float, y: float) -> str:
        name = node.names[self.lang]
        kind = _type_label(node.type, self.lang)
        if node.type != SITE:
            kind += " · " + self.t("w_map_quotes", n=node.quotes)
        return (f'<g class="fl-sources-node fl-sources-{node.type}"><title>{esc(name, plain=True)}'
                f'</title>{_shape(node.type, x, y)}'
                f'{_label(plain(name, 32), x, y + _R + 20, "font-weight:bold;font-size:14px")}'
                f'{_label(kind, x, y + _R + 37, "font-size:12px;fill:#333")}</g>')

    def _legend(self) -> str:
        types = list(dict.fromkeys(n.type for n in self.nodes.values()))
        items = "".join(f'<li style="display:inline-block;margin-inline-end:1.2em">'
                        f'<svg width="26" height="26" aria-hidden="true">{_shape(kind, 13, 13, 9)}</svg> '
                        f"{esc(_type_label(kind, self.lang))}</li>" for kind in types)
        return block(f'<ul style="list-style:none;padding:0;margin:.3em 0">{items}</ul>', self.lang)

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
        via = [self._node_named(v).names[self.lang] for i in source.quote_indices
               for v in self.analysis.quotes[i].via]
        arabic_list = t("w_list_separator", "ar").join     # roles and forms are as written
        cells = [node.names[self.lang], _type_label(source.type, self.lang),
                 arabic_list(source.roles) or "-", arabic_list(source.surface_forms),
                 str(node.quotes), self.t("w_list_separator").join(dict.fromkeys(via)) or "-"]
        return "<tr>" + "".join(f'<td dir="auto">{esc(cell)}</td>' for cell in cells) + "</tr>"

    def _absent_html(self) -> str:
        if not self.absent:
            return block(esc(self.t("w_map_no_absent")), self.lang, "fl-w-note")
        items = "".join(f'<li dir="auto">{esc(name)}</li>' for name in self.absent)
        return block(f"<h4>{esc(self.t('w_map_absent'))}</h4><p>{esc(self.t('w_map_absent_why'))}</p>"
                     f"<ul>{items}</ul>", self.lang)


# --- the graph ------------------------------------------------------------------------------------

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


def _graph(analysis, site_names: dict) -> tuple[dict[str, _Node], list[tuple[str, str]]]:
    """Nodes (the site, every source, relays not quoted themselves) and arrows: site -> relay
    outlet -> ... -> speaker, from each quote's `via` and the article's `relay`."""
    nodes = {SITE: _Node(SITE, site_names, SITE)}
    counts = statement_counts(analysis)
    for s in analysis.sources:
        nodes[s.id] = _Node(s.id, {"ar": s.name_ar, "en": s.name}, s.type, counts.get(s.id, 0))
    by_name = {s.name: s.id for s in analysis.sources}

    def node_of(name: str) -> str:
        if name not in by_name:
            by_name[name] = f"via:{name}"
            nodes[by_name[name]] = _Node(by_name[name], {lang: name for lang in LANGUAGES}, "media")
        return by_name[name]

    edges: list[tuple[str, str]] = []
    chains = [[SITE, node_of(analysis.relay)]] if analysis.relay else []
    chains += [[SITE, *map(node_of, q.via), q.source_id] for q in analysis.quotes if q.source_id]
    chains += [[SITE, s.id] for s in analysis.sources]     # a fallback for sources in no chain
    for chain in chains:
        for a, b in pairwise(chain):
            if nodes[b].parent is None and b != SITE and a != b:
                nodes[b].parent = a
                edges.append((a, b))
    return nodes, edges


def _layout(nodes: dict[str, _Node], edges: list[tuple[str, str]]) -> None:
    """Level = distance from the site; first-level sources one per row, the site level with
    their middle, deeper ones beside their parent (pushed down when a row is taken)."""
    children: dict[str, list[str]] = {}
    for a, b in edges:
        children.setdefault(a, []).append(b)
    level, frontier = 0, [SITE]
    while frontier:
        for i in frontier:
            nodes[i].level = level
        level, frontier = level + 1, [c for i in frontier for c in children.get(i, [])]
    first = [n for n in nodes.values() if n.level == 1]
    for row, node in enumerate(first):
        node.row = row
    nodes[SITE].row = (len(first) - 1) / 2 if first else 0
    for depth in range(2, level):
        taken = -1.0
        for node in sorted((n for n in nodes.values() if n.level == depth),
                           key=lambda n: nodes[n.parent].row):
            node.row = taken = max(nodes[node.parent].row, taken + 1)


# --- drawing helpers --------------------------------------------------------------------------------

def _type_label(kind: str, lang: str) -> str:
    """The type's name: the charts' word for it, else this widget's own (site, official)."""
    for key in (f"source_type_{kind}", f"w_map_type_{kind}"):
        try:
            return t(key, lang)
        except KeyError:
            pass
    return kind


def _shape(kind: str, x: float, y: float, r: float = _R) -> str:
    style = f'fill="{_FILL.get(kind, GREY)}" stroke="#333" stroke-width="1.5"'
    if kind == SITE:
        lines = "".join(f'<line x1="{x - r:.1f}" y1="{y + dy * r:.1f}" x2="{x + r:.1f}" '
                        f'y2="{y + dy * r:.1f}" stroke="{BLUE}" stroke-width="1.5"/>' for dy in (-.4, 0, .4))
        return (f'<rect x="{x - 1.4 * r:.1f}" y="{y - r:.1f}" width="{2.8 * r:.1f}" height="{2 * r:.1f}" '
                f'rx="4" fill="#fff" stroke="{BLUE}" stroke-width="3"/>{lines}')   # a page of text
    if kind == "person":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {style}/>'
    if kind == "media":
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" {style}/>'
    corners = {"body": [(0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)],
               "group": [(1, 0), (.5, .87), (-.5, .87), (-1, 0), (-.5, -.87), (.5, -.87)],
               "official": [(0, -1.1), (1.05, -.3), (.65, .95), (-.65, .95), (-1.05, -.3)]}
    points = corners.get(kind, [(0, -1.1), (1.05, .85), (-1.05, .85)])   # anonymous: a triangle
    dashed = ' stroke-dasharray="4 2"' if kind not in corners else ""
    return (f'<polygon points="{" ".join(f"{x + dx * r:.1f},{y + dy * r:.1f}" for dx, dy in points)}" '
            f'{style}{dashed}/>')


def _label(text: str, x: float, y: float, style: str) -> str:
    way = "rtl" if is_arabic(text) else "ltr"
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="middle" direction="{way}" '
            f'style="{style};font-family:sans-serif">{esc(text, plain=True)}</text>')


def _arrow(start: tuple[float, float], end: tuple[float, float]) -> str:
    """A line from the side of one node to the facing side of the next (nodes of the next
    level are always one column away), clear of the labels under the nodes."""
    (x1, y1), (x2, y2) = start, end
    way = 1 if x2 > x1 else -1
    ax, bx = x1 + way * (1.4 * _R + 3), x2 - way * (_R + 5)
    return (f'<line x1="{ax:.1f}" y1="{y1:.1f}" x2="{bx:.1f}" y2="{y2:.1f}" stroke="#333" '
            f'stroke-width="1.5" marker-end="url(#fl-arrow)"/>')
