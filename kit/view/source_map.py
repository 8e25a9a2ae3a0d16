"""The map of an article's sources, drawn: who is cited, of what type, through whom.

An SVG built here (every label through `esc`): the site publishing the article on one side, the
outlets it relays next, then each source, one arrow per "reports what ... said". Shapes and
colours (the kit's palette, safe for the common colour-vision deficiencies) tell the source
types apart, and every node also says its type in words; `alt_text(lang)` says the whole map
in words. Used by the SourceMap widget and the standalone report.
"""
from dataclasses import dataclass
from itertools import pairwise

from ..course.i18n import LANGUAGES, direction, t
from ..engine.arabic import is_arabic
from ..lenses.voices import absent_parties, statement_counts
from .palette import BLUE, GREEN, GREY, ORANGE, PURPLE, SKY_BLUE, YELLOW
from .render import esc, plain

SITE = "site"
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


class SourceGraph:
    """The sources of `analysis` as nodes and arrows, laid out, in `lang` for the picture.
    `site_names` ({"ar", "en"}) names the publishing site (its metadata's outlet when known).

    `nodes` (id -> node with `level`, `type`, `names`), `edges` (pairs of node ids), `svg()`,
    `legend_html()`, `alt_text(lang)`."""

    def __init__(self, analysis, site_names: dict, lang: str):
        self.analysis, self.lang = analysis, lang
        self.nodes, self.edges = _graph(analysis, site_names)
        _layout(self.nodes, self.edges)

    def alt_text(self, lang: str | None = None) -> str:
        """The picture in words, in `lang` (default: the widget's language)."""
        lang = lang or self.lang
        items = [self._alt_item(node, lang) for node in self._sources()]
        text = t("w_map_alt", lang, site=self.nodes[SITE].names[lang],
                 items=t("w_list_separator", lang).join(items) or t("w_map_alt_no_sources", lang))
        if self.analysis.relay:
            text += " " + t("w_map_alt_relay", lang, relay=self.node_named(self.analysis.relay).names[lang])
        names = [self.absent_name(name, lang) for name in absent_parties(self.analysis)]
        if names:
            text += " " + t("w_map_alt_absent", lang, names=t("w_list_separator", lang).join(names))
        return text

    def _sources(self) -> list[_Node]:
        return sorted((n for n in self.nodes.values() if n.type != SITE), key=lambda n: (n.level, n.row))

    def node_named(self, name: str) -> _Node:
        return next((n for n in self.nodes.values() if n.names["en"] == name), _Node(name, {
            lang: name for lang in LANGUAGES}, "media"))

    def _alt_item(self, node: _Node, lang: str) -> str:
        values = dict(name=node.names[lang], type=type_label(node.type, lang), n=node.quotes)
        if node.parent and node.parent != SITE:
            return t("w_map_alt_item_via", lang, via=self.nodes[node.parent].names[lang], **values)
        return t("w_map_alt_item", lang, **values)

    def absent_name(self, name: str, lang: str | None = None) -> str:
        """The name as the article writes it (Arabic) or canonical (English)."""
        if (lang or self.lang) == "en":
            return name
        return next((m.text for m in self.analysis.mentions if m.name == name), name)

    def _x(self, level: int, width: int) -> float:
        x = _COLUMN * level + _COLUMN / 2
        return width - x if self.lang == "ar" else x   # Arabic reads from the right

    def svg(self) -> str:
        width = _COLUMN * (max(n.level for n in self.nodes.values()) + 1)
        height = int(_TOP + _ROW * max(n.row for n in self.nodes.values()) + _R + 48)  # + labels
        where = {i: (self._x(n.level, width), _TOP + _ROW * n.row) for i, n in self.nodes.items()}
        edges = "".join(_arrow(where[a], where[b]) for a, b in self.edges)
        nodes = "".join(self._node_svg(n, *where[n.id]) for n in self.nodes.values())
        return (f'<svg class="fl-sources-svg" role="img" '
                f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
                f'aria-label="{esc(self.alt_text(), plain=True)}" style="max-width:100%;height:auto">'
                f'<defs><marker id="fl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
                f'fill="#333"/></marker></defs>{edges}{nodes}</svg>')

    def _node_svg(self, node: _Node, x: float, y: float) -> str:
        name = node.names[self.lang]
        kind = type_label(node.type, self.lang)
        if node.type != SITE:
            kind += " · " + t("w_map_quotes", self.lang, n=node.quotes)
        return (f'<g class="fl-sources-node fl-sources-{node.type}"><title>{esc(name, plain=True)}'
                f'</title>{_shape(node.type, x, y)}'
                f'{_label(plain(name, 32), x, y + _R + 20, "font-weight:bold;font-size:14px")}'
                f'{_label(kind, x, y + _R + 37, "font-size:12px;fill:#333")}</g>')

    def legend_html(self) -> str:
        types = list(dict.fromkeys(n.type for n in self.nodes.values()))
        items = "".join(f'<li style="display:inline-block;margin-inline-end:1.2em">'
                        f'<svg width="26" height="26" aria-hidden="true">{_shape(kind, 13, 13, 9)}</svg> '
                        f"{esc(type_label(kind, self.lang))}</li>" for kind in types)
        return (f'<div dir="{direction(self.lang)}" lang="{self.lang}"><ul style="list-style:none;'
                f'padding:0;margin:.3em 0">{items}</ul></div>')


# --- the graph ------------------------------------------------------------------------------------

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

def type_label(kind: str, lang: str) -> str:
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
