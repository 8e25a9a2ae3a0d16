"""HTML for an article and its lens highlights, as plain strings (no Jupyter display here).

Every outside value (article text, labels, explanations, titles, lens and category names)
reaches the HTML through `esc()`, the one escaping choke point. It escapes `< > & " '`,
writes `$` as `&#36;` (JupyterLab would typeset `$...$` as maths) and turns each bidi control
(U+202A-U+202E, U+2066-U+2069) into a visible marker, so the page shows the text as it is,
not as the controls would reorder it. LRM, RLM and ALM are legitimate and kept.

Highlights may overlap or nest: each paragraph is cut at every highlight boundary and each
piece is wrapped in one `<mark>` per highlight covering it, outermost first; a highlight that
crosses another's end is closed and reopened, so every highlight keeps a mark on each of its
characters and its explanation in that mark's `title` (shown on hover and keyboard focus).

Colours and line styles come from `kit/data/lens_styles.json` (lens -> category ->
{colour, border_style}, the colour named in `kit.view.palette`): each lens has one colour of its
own (the reporting verbs one per connotation) and each category its line style, so lenses stay
apart without telling colours apart. Unknown categories fall back to the lens's "*" entry, then
to "*"/"*".

Limits: nesting deeper than three levels shares the third underline; a highlight that starts
inside eight others is not marked at all (no news article nests so deep; text made to do so
would otherwise cost time with the square of its length). Cost is linear in the highlights
and the text.
"""
import heapq
from collections import Counter
import html
import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

from ..engine.arabic import BIDI_CONTROLS
from ..course.i18n import LANGUAGES, direction, get_language, t
from ..engine.lexicon import read_json
from ..engine.model import Highlight, Paragraph
from ..engine.cost import collector_paused
from .palette import colour as palette_colour

_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_NEEDS_ESCAPE = re.compile(f"[<>&\"'${BIDI_CONTROLS}]")   # the characters `esc` changes
_BIDI_SHOWN = str.maketrans({c: f"⟪U+{ord(c):04X}⟫" for c in BIDI_CONTROLS})
_BIDI_MARKED = str.maketrans({c: f'<span class="fl-bidi" title="U+{ord(c):04X}">⟪U+{ord(c):04X}⟫</span>'
                              for c in BIDI_CONTROLS})
LINE_STYLES = ("solid", "dashed", "dotted", "double", "wavy")
_MAX_DEPTH = 3
_MAX_MARKS = 8   # marks open at once; a highlight starting inside as many others is not marked
FONT_STACK = '"Noto Naskh Arabic", "Amiri", "Geeza Pro", "Arial", sans-serif'


# --- escaping: the one choke point ------------------------------------------------------------

def esc(value: object, *, plain: bool = False) -> str:
    """`value` as HTML text. `plain=True` is for places that hold no markup (attribute values,
    `<title>`): bidi controls then become the text "⟪U+202E⟫" instead of a marked span."""
    value = str(value)
    if _NEEDS_ESCAPE.search(value) is None:   # most text: nothing to change
        return value
    escaped = html.escape(value, quote=True).replace("$", "&#36;")
    if _BIDI.search(escaped) is None:      # escaping leaves the controls where they were
        return escaped
    return escaped.translate(_BIDI_SHOWN if plain else _BIDI_MARKED)


def plain(text: str, limit: int = 70) -> str:
    """Article text for a plain-text label (an option, an SVG label): one line, bidi controls
    shown as ⟪U+202E⟫, shortened to `limit` characters."""
    one_line = " ".join(str(text).translate(_BIDI_SHOWN).split())
    return one_line if len(one_line) <= limit else one_line[:limit - 1] + "…"


def _attrs(**attrs) -> str:
    """` name="value"` for each attribute given (None left out); `class_` -> class,
    `data_lens` -> data-lens."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{esc(value, plain=True)}"'
                   for name, value in attrs.items() if value is not None)


def _open(tag: str, **attrs) -> str:
    return f"<{tag}{_attrs(**attrs)}>"


def _tag(tag: str, inner_html: str, **attrs) -> str:
    """An element around `inner_html`, which must already be HTML (built here or by `esc`)."""
    return f"{_open(tag, **attrs)}{inner_html}</{tag}>"


def _lang(lang: str | None) -> str:
    lang = lang or get_language()
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    return lang


# --- lens styles (data) -----------------------------------------------------------------------

@lru_cache(maxsize=1)
def lens_styles() -> dict:
    """lens -> category -> {"colour", "border_style"}, as stored in lens_styles.json (colours
    by their palette name)."""
    return read_json("lens_styles.json")


def style_for(lens: str, category: str) -> dict:
    """The style of a category, colour as #RRGGBB: its own, else its lens's "*", else the
    global "*"/"*"; a colour not in the palette or an unknown line style is replaced by the
    global one."""
    styles, fallback = lens_styles(), lens_styles()["*"]["*"]
    found = styles.get(lens, {}).get(category) or styles.get(lens, {}).get("*") or fallback
    line = found.get("border_style", "")
    return {"colour": palette_colour(found.get("colour", "")) or palette_colour(fallback["colour"]),
            "border_style": line if line in LINE_STYLES else fallback["border_style"]}


def lens_colour(lens: str) -> str:
    """The colour most of a lens's categories share (#RRGGBB), e.g. for its button."""
    colours = Counter(style_for(lens, category)["colour"] for category in lens_styles().get(lens, {"*": {}}))
    return colours.most_common(1)[0][0]


def _token(name: str) -> str:
    """A lens or category name made safe for a CSS class: ASCII letters, digits and _ only."""
    return re.sub(r"\W", "_", name, flags=re.ASCII) or "_"


def _classes(lens: str, category: str, *first: str) -> str:
    lens, category = _token(lens), _token(category)
    return " ".join((*first, f"fl-{lens}", f"fl-{lens}-{category}"))


def _selector(lens: str, category: str) -> str:
    """Marks and legend swatches only: a widget's own class (the frame annotator's .fl-frames)
    must not take a lens's colour."""
    if lens == "*":
        return ".fl-hl, .fl-swatch"
    name = f".fl-{_token(lens)}" + ("" if category == "*" else f"-{_token(category)}")
    return f".fl-hl{name}, .fl-swatch{name}"


def _category_css() -> str:
    """One rule per styled category, general ones first so the specific ones win."""
    pairs = sorted(((lens, cat) for lens, cats in lens_styles().items() for cat in cats),
                   key=lambda p: (p[0] != "*", p[1] != "*"))
    rules = []
    for lens, cat in pairs:
        s = style_for(lens, cat)
        rules.append(f"{_selector(lens, cat)} {{ background-color: {s['colour']}38; "
                     f"text-decoration-color: {s['colour']}; "
                     f"text-decoration-style: {s['border_style']}; }}")
    return "\n".join(rules)


_BASE_CSS = f"""
.fl-view {{ font-family: {FONT_STACK}; line-height: 1.8; color: #1a1a1a; }}
.fl-title {{ font-size: 1.5em; margin: 0 0 .6em; }}
.fl-article {{ font-size: 1.2em; max-width: 44em; }}
.fl-article p {{ margin: 0 0 .9em; white-space: pre-wrap; text-align: start; }}
.fl-furniture {{ background: #eeeeee; border: 1px solid #b5b5b5; border-radius: 4px;
  padding: .3em .8em; margin: 0 0 .9em; color: #444; }}
.fl-furniture-label {{ font-size: .75em; font-weight: bold; color: #555; }}
.fl-article .fl-furniture p {{ margin: 0; font-size: .9em; }}
.fl-hl {{ position: relative; unicode-bidi: isolate; color: inherit; border-radius: 2px;
  text-decoration-line: underline; text-decoration-thickness: 2px;
  text-decoration-skip-ink: none; text-underline-offset: .35em; }}
.fl-depth-2 {{ text-underline-offset: .6em; }}
.fl-depth-3 {{ text-underline-offset: .85em; }}
.fl-hl:focus {{ outline: 2px solid #000; outline-offset: 1px; }}
.fl-hl.fl-chosen {{ background-color: #F0E442; outline: 3px solid #000; outline-offset: 2px; }}
.fl-hl:hover::after, .fl-hl:focus::after {{ content: attr(title); position: absolute;
  top: calc(100% + .45em); inset-inline-start: 0; z-index: 10;
  width: max-content; max-width: 24em; padding: .3em .6em; border-radius: 4px;
  background: #222; color: #fff; font-size: .8rem; font-weight: normal; line-height: 1.5;
  white-space: normal; }}
.fl-hl:has(.fl-hl:hover)::after {{ content: none; }}
.fl-view[dir="ltr"] .fl-hl::after {{ direction: ltr; text-align: left; }}
.fl-bidi {{ font-family: monospace; font-size: .7em; direction: ltr; unicode-bidi: isolate;
  background: #fff3b0; color: #000; border: 1px solid #D55E00; border-radius: 2px;
  padding: 0 .2em; }}
.fl-legend {{ font-size: .9em; margin: 0 0 1em; padding: .4em .8em; border: 1px solid #ccc;
  border-radius: 4px; }}
.fl-legend-title {{ font-size: 1em; margin: 0; }}
.fl-legend ul {{ list-style: none; margin: 0; padding: 0; }}
.fl-legend li {{ margin: .2em 0; }}
.fl-swatch {{ display: inline-block; vertical-align: middle; line-height: 1.3;
  margin-inline-end: .5em; border-radius: 2px; text-decoration-line: underline;
  text-decoration-thickness: 2px; text-underline-offset: .3em; }}
.fl-legend-why {{ color: #555; }}
@media print {{
  .fl-view * {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
  .fl-hl::after {{ content: none !important; }}
  .fl-hl:focus {{ outline: none; }}
  .fl-article p, .fl-furniture, .fl-legend li {{ break-inside: avoid; }}
}}
"""

# The CSS every rendering needs: include it once (`<style>` + STYLE) wherever fragments are shown.
STYLE = _BASE_CSS.strip() + "\n" + _category_css() + "\n"

_PAGE_CSS = """
body { margin: 2em auto; max-width: 48em; padding: 0 1.2em; background: #fff; }
@media print { body { margin: 0; max-width: none; } }
"""


# --- highlights -------------------------------------------------------------------------------

def _texts(h: Highlight, lang: str) -> tuple[str, str]:
    return (h.label_ar, h.why_ar) if lang == "ar" else (h.label_en, h.why_en)


def _pieces(start: int, end: int, clipped: list[tuple[int, int, Highlight]]):
    """(a, b, covering) for each piece of [start, end) cut at every boundary of the `clipped`
    highlights (`_clipped`); `covering` holds (rank, highlight) of the highlights over the
    piece, outermost first, and is the same list as the previous piece's when no highlight
    starts or ends between them. A highlight that starts inside _MAX_MARKS others is dropped
    (only machine-made text nests so deep).

    One sweep along the cuts: the highlights open at a cut are those started and not ended,
    at most _MAX_MARKS of them, so the cost grows with the pieces, whatever the nesting."""
    cuts = sorted({start, end, *(c[0] for c in clipped), *(c[1] for c in clipped)})
    active, ending, started = {}, [], 0    # rank -> highlight (ranks ascending); (end, rank)
    covering = []
    for a, b in pairwise(cuts):
        changed = False
        while ending and ending[0][0] <= a:
            del active[heapq.heappop(ending)[1]]
            changed = True
        while started < len(clipped) and clipped[started][0] <= a:
            if len(active) < _MAX_MARKS:
                active[started] = clipped[started][2]
                heapq.heappush(ending, (clipped[started][1], started))
                changed = True
            started += 1
        if changed:
            covering = list(active.items())
        yield a, b, covering


def _clipped(start: int, end: int, highlights: Sequence[Highlight]) -> list[tuple[int, int, Highlight]]:
    """(start, end, highlight) clipped to [start, end), empty ones dropped, outermost first."""
    return sorted(((max(h.start, start), min(h.end, end), h) for h in highlights
                   if max(h.start, start) < min(h.end, end)), key=lambda c: (c[0], -c[1]))


def _open_mark(h: Highlight, depth: int, lang: str, chosen: Highlight | None = None) -> str:
    label, why = _texts(h, lang)
    return _mark_tag(h.lens, h.category, f"{label}: {why}", min(depth, _MAX_DEPTH), h is chosen)


@lru_cache(maxsize=4096)
def _mark_tag(lens: str, category: str, title: str, depth: int, chosen: bool) -> str:
    """The opening `<mark>`: made once for highlights that look alike (most of an article's
    reporting verbs, frames and numbers), not once per highlight."""
    depth_class = f"fl-depth-{depth}" + (" fl-chosen" if chosen else "")
    return _open("mark", class_=_classes(lens, category, "fl-hl", depth_class),
                 dir="rtl", data_lens=lens, data_category=category, title=title, tabindex="0")


def _marked(text: str, start: int, end: int, highlights: Sequence[Highlight], lang: str,
            chosen: Highlight | None = None) -> str:
    """`text[start:end]` escaped, with a mark for every highlight over it: in one pass when
    the highlights nest, else cut at every boundary."""
    if not highlights:
        return esc(text[start:end])
    # a paragraph with nothing to escape (most Arabic prose) is cut into pieces as it is: one
    # search instead of an `esc` per piece, of which a dense paragraph has hundreds of thousands
    escape = esc if _NEEDS_ESCAPE.search(text, start, end) else str
    clipped = _clipped(start, end, highlights)
    nested = _nested_marks(text, start, end, clipped, lang, chosen, escape)
    return nested if nested is not None else _crossing_marks(text, start, end, clipped, lang, chosen, escape)


def _nested_marks(text: str, start: int, end: int, clipped: list, lang: str,
                  chosen: Highlight | None, escape) -> str | None:
    """The marks of highlights that nest (as almost all do: a verb inside a quote), in one pass
    with a stack of the open marks' ends; None as soon as one crosses another's end. Gives what
    `_crossing_marks` gives, at a fraction of its cost."""
    out, open_ends, at = [], [], start
    for a, b, h in clipped:
        while open_ends and open_ends[-1] <= a:
            at = _close(out, text, at, open_ends.pop(), escape)
        if open_ends and b > open_ends[-1]:
            return None
        if len(open_ends) < _MAX_MARKS:
            out.append(escape(text[at:a]))
            out.append(_open_mark(h, len(open_ends) + 1, lang, chosen))
            open_ends.append(b)
            at = a
    while open_ends:
        at = _close(out, text, at, open_ends.pop(), escape)
    out.append(escape(text[at:end]))
    return "".join(out)


def _close(out: list, text: str, at: int, end: int, escape) -> int:
    out.append(escape(text[at:end]))
    out.append("</mark>")
    return end


def _crossing_marks(text: str, start: int, end: int, clipped: list, lang: str,
                    chosen: Highlight | None, escape) -> str:
    """The marks of `clipped` highlights that may cross: cut at every boundary (`_pieces`)."""
    out, opened = [], []
    for a, b, covering in _pieces(start, end, clipped):
        if covering is not opened:
            keep, most = 0, min(len(opened), len(covering))
            while keep < most and opened[keep] == covering[keep]:
                keep += 1
            out.append("</mark>" * (len(opened) - keep))
            out.extend(_open_mark(h, depth, lang, chosen)
                       for depth, (_, h) in enumerate(covering[keep:], keep + 1))
            opened = covering
        out.append(escape(text[a:b]))
    out.append("</mark>" * len(opened))
    return "".join(out)


# --- article ----------------------------------------------------------------------------------

def _paragraph(text: str, p: Paragraph, highlights: Sequence[Highlight], lang: str,
               chosen: Highlight | None = None) -> str:
    return f'<p dir="rtl">{_marked(text, p.start, p.end, highlights, lang, chosen)}</p>'


def _furniture(text: str, p: Paragraph, highlights: Sequence[Highlight], lang: str,
               chosen: Highlight | None = None) -> str:
    """A boilerplate block as a grey box labelled in the interface language; lines kept."""
    label = _tag("div", esc(t("render.furniture", lang)), class_="fl-furniture-label",
                 dir=direction(lang), lang=lang)
    return _tag("div", label + _paragraph(text, p, highlights, lang, chosen),
                class_="fl-furniture", dir=direction(lang))


@collector_paused
def render_article(text: str, paragraphs: Sequence[Paragraph],
                   highlights: Sequence[Highlight] = (), boilerplate: Sequence[Paragraph] = (),
                   lang: str | None = None, title: str | None = None,
                   active_lenses: set[str] | None = None,
                   chosen: Highlight | None = None) -> str:
    """An HTML fragment: a `div.fl-view` (interface language and direction) holding the title,
    the legend and the `div.fl-article` (always rtl, Arabic) with one `<p dir="rtl">` per
    paragraph and each boilerplate block as page furniture, all in text order.

    Only highlights whose lens is in `active_lenses` are shown (all when None); offsets point
    into `text` and are clipped to each paragraph. The marks of `chosen` (one of the
    highlights, compared by identity) get the class `fl-chosen`, a strong outline and yellow
    ground. Needs `STYLE` on the page to look right."""
    lang = _lang(lang)
    shown = [h for h in highlights if active_lenses is None or h.lens in active_lenses]
    blocks = [*paragraphs, *boilerplate]
    order = _text_order(blocks)
    per_block = _per_block([blocks[i] for i in order], shown)
    body = ((_furniture if i >= len(paragraphs) or blocks[i].boilerplate else _paragraph)
            (text, blocks[i], per_block.get(n, ()), lang, chosen) for n, i in enumerate(order))
    heading = _tag("h2", esc(title), class_="fl-title", dir="auto") if title else ""
    # one join of every piece: a marked megabyte is tens of millions of characters, and each
    # element wrapped around it would copy them all again
    return "".join([_open("div", class_="fl-view", dir=direction(lang), lang=lang), heading,
                    render_legend(shown, lang), _open("div", class_="fl-article", dir="rtl", lang="ar"),
                    *body, "</div></div>"])


def _text_order(blocks: Sequence[Paragraph]) -> list[int]:
    """The indices of `blocks` by start, then end. Two stable sorts on numbers rather than one
    on pairs: an article of 500,000 one-line paragraphs would otherwise make as many tuples,
    and the garbage collector's passes over them cost more than the sort."""
    order = sorted(range(len(blocks)), key=lambda i: blocks[i].end)
    order.sort(key=lambda i: blocks[i].start)
    return order


def _per_block(blocks: Sequence[Paragraph], highlights: Sequence[Highlight]) -> dict[int, list[Highlight]]:
    """The highlights over each block that has some, by the block's position (blocks in text
    order, not overlapping), each list in the order given: a highlight is looked up, not
    compared with every block."""
    starts = [p.start for p in blocks]
    out: dict[int, list[Highlight]] = {}
    for h in highlights:
        i = max(bisect_right(starts, h.start) - 1, 0)
        while i < len(blocks) and blocks[i].start < h.end:
            if blocks[i].end > h.start:
                out.setdefault(i, []).append(h)
            i += 1
    return out


def render_legend(highlights: Sequence[Highlight], lang: str | None = None) -> str:
    """The categories present (first appearance order), each with its swatch (colour and line
    style), label and the explanation of its first highlight; "" when there are none."""
    lang = _lang(lang)
    firsts: dict[tuple[str, str], Highlight] = {}
    for h in highlights:
        firsts.setdefault((h.lens, h.category), h)
    if not firsts:
        return ""
    items = "".join(_legend_item(h, lang) for h in firsts.values())
    heading = _tag("h3", esc(t("render.legend", lang)), class_="fl-legend-title")
    return _tag("div", heading + _tag("ul", items), class_="fl-legend",
                dir=direction(lang), lang=lang)


def _legend_item(h: Highlight, lang: str) -> str:
    label, why = _texts(h, lang)
    swatch = _tag("span", "\u00a0" * 8, class_=_classes(h.lens, h.category, "fl-swatch"), aria_hidden="true")
    return _tag("li", f"{swatch}{_tag('strong', esc(label))} "
                      f"{_tag('span', esc(why), class_='fl-legend-why')}")


def render_page(fragment: str | Sequence[str], title: str, lang: str | None = None,
                extra_css: str = "") -> str:
    """A standalone HTML document around `fragment` (trusted: HTML made by this module; one
    string or several, in order), with inline CSS only (`extra_css`, the caller's own, added
    after the kit's): no scripts, fonts or anything else fetched from the network."""
    lang = _lang(lang)
    head = ('<meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            + _tag("title", esc(title, plain=True)) + _tag("style", STYLE + _PAGE_CSS + extra_css))
    fragments = [fragment] if isinstance(fragment, str) else list(fragment)
    return "".join(["<!doctype html>\n", _open("html", lang=lang, dir=direction(lang)),
                    _tag("head", head), "<body>", *fragments, "</body></html>\n"])
