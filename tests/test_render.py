"""kit.view.render: escaping (one choke point), a tag/attribute whitelist, overlapping highlights,
directions, boilerplate, legend, the standalone page, and the seed article as a page."""
import re
from collections import defaultdict
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from kit.engine.arabic import BIDI_CONTROLS
from kit.engine.model import Highlight, Paragraph
from kit.view.palette import colour as palette_colour
from kit.view.render import (LINE_STYLES, STYLE, esc, lens_styles, render_article, render_legend,
                        render_page, style_for)

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><b>x</b>',
           "javascript:alert(1)", "$x^2$", "\u202e", "'single' & amp;"]

# Every tag the renderer emits, with the attributes it may carry: nothing else may appear.
ALLOWED = {
    "html": {"lang", "dir"}, "head": set(), "body": set(), "title": set(), "style": set(),
    "meta": {"charset", "name", "content"},
    "div": {"class", "dir", "lang"}, "h2": {"class", "dir"}, "h3": {"class"},
    "ul": set(), "li": set(), "strong": set(), "p": {"dir"},
    "span": {"class", "title", "aria-hidden"},
    "mark": {"class", "dir", "data-lens", "data-category", "title", "tabindex"},
}
VOID = {"meta"}
FIXED_VALUES = {"dir": {"rtl", "ltr", "auto"}, "lang": {"ar", "en"}, "tabindex": {"0"},
                "aria-hidden": {"true"}}
CLASS_VALUE = re.compile(r"[A-Za-z0-9_ -]+")
BIDI_TITLE = re.compile(r"U\+(202[A-E]|206[6-9])")


class Rendered(HTMLParser):
    """Checks the whitelist and the nesting of renderer output, and collects each <p>'s text
    (bidi markers turned back into their control) and the offsets each mark covers."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.paragraphs: list[str] = []
        self.coverage: list[dict] = []
        self.feed(html)
        self.close()
        assert not self.stack, f"unclosed: {self.stack}"

    def handle_starttag(self, tag, attr_list):
        attrs = dict(attr_list)
        assert tag in ALLOWED, f"unexpected tag <{tag}>"
        assert len(attrs) == len(attr_list) and set(attrs) <= ALLOWED[tag], (tag, attrs)
        for name, value in attrs.items():
            assert value is not None and value in FIXED_VALUES.get(name, {value}), (name, value)
        assert "class" not in attrs or CLASS_VALUE.fullmatch(attrs["class"]), attrs
        if tag == "p":
            assert not self._inside("p")
            self.paragraphs.append("")
            self.coverage.append(defaultdict(set))
        if self._is_bidi_marker(tag, attrs):
            assert BIDI_TITLE.fullmatch(attrs["title"]), attrs
            if self._inside("p"):
                self._add(chr(int(attrs["title"][2:], 16)))
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_startendtag(self, tag, attrs):
        raise AssertionError(f"the renderer writes no self-closing tags: <{tag}/>")

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()

    def handle_data(self, data):
        if self.stack and self._is_bidi_marker(*self.stack[-1]):
            assert data == f"⟪{self.stack[-1][1]['title']}⟫"
        elif self._inside("p"):
            self._add(data)

    def handle_decl(self, decl):
        assert decl == "doctype html"

    def handle_comment(self, data):
        raise AssertionError("comment in output")

    def unknown_decl(self, data):
        raise AssertionError("unknown declaration in output")

    def _inside(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)

    @staticmethod
    def _is_bidi_marker(tag, attrs) -> bool:
        return tag == "span" and attrs.get("class") == "fl-bidi"

    def _add(self, chars: str):
        pos = len(self.paragraphs[-1])
        for tag, attrs in self.stack:
            if tag == "mark":
                key = (attrs["data-lens"], attrs["data-category"], attrs["title"])
                self.coverage[-1][key].update(range(pos, pos + len(chars)))
        self.paragraphs[-1] += chars


def plain(s: str) -> str:
    """What `esc(..., plain=True)` shows for a bidi control, for expected attribute values."""
    return re.sub(f"[{BIDI_CONTROLS}]", lambda m: f"⟪U+{ord(m.group()):04X}⟫", s)


def expected_coverage(block: Paragraph, highlights, lang: str) -> dict:
    out = defaultdict(set)
    for h in highlights:
        label, why = (h.label_ar, h.why_ar) if lang == "ar" else (h.label_en, h.why_en)
        span = range(max(h.start, block.start) - block.start, min(h.end, block.end) - block.start)
        if span:
            out[(plain(h.lens), plain(h.category), plain(f"{label}: {why}"))].update(span)
    return dict(out)


def check(html: str, text: str, blocks, highlights, lang: str) -> Rendered:
    """Whitelist, text round trip and exact highlight coverage for `blocks` in text order."""
    doc = Rendered(html)
    blocks = sorted(blocks, key=lambda p: (p.start, p.end))
    assert doc.paragraphs == [text[p.start:p.end] for p in blocks]
    for p, got in zip(blocks, doc.coverage, strict=True):
        assert {k: v for k, v in got.items() if v} == expected_coverage(p, highlights, lang)
    return doc


def lines(text: str) -> list[Paragraph]:
    return [Paragraph(m.start(), m.end(), m.group(), i)
            for i, m in enumerate(re.finditer(r"[^\n]+", text))]


def hl(start, end, lens="quotes", category="direct", label="Label", why="Why") -> Highlight:
    return Highlight(start, end, "", lens, category, label, label + " ع", why, why + " ع")


def assert_no_raw_hostile_markup(html: str):
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "$" not in html and not set(BIDI_CONTROLS) & set(html)


# --- escaping --------------------------------------------------------------------------------

def test_esc_escapes_html_dollars_and_shows_bidi_controls():
    assert esc('<a href="x">\'&$') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;&#36;"
    for c in BIDI_CONTROLS:
        code = f"U+{ord(c):04X}"
        assert esc(c) == f'<span class="fl-bidi" title="{code}">⟪{code}⟫</span>'
        assert esc(c, plain=True) == f"⟪{code}⟫"
    assert esc("\u200e\u200f\u061c") == "\u200e\u200f\u061c"


def test_marked_text_is_escaped_exactly_where_esc_would_change_it():
    """A paragraph is cut into pieces without `esc` only when nothing in it needs escaping: a
    character `esc` changes must make the paragraph escaped, whichever piece it falls in."""
    changed = [chr(c) for c in range(0x3000) if esc(chr(c)) != chr(c)]
    assert set("<>&\"'$") | set(BIDI_CONTROLS) == set(changed)
    for c in changed:
        text = f"قال الوزير {c} إن"
        html = render_article(text, lines(text), [hl(4, 10), hl(11, 12)], lang="ar")
        assert esc(c) in html and f"{c}</mark>" not in html


def test_hostile_article_text_appears_literally():
    text = "\n".join(f"قال {s} هنا" for s in HOSTILE)
    paragraphs = lines(text)
    highlights = [hl(0, len(text))]
    html = render_article(text, paragraphs, highlights, lang="ar", title="عنوان")
    check(html, text, paragraphs, highlights, "ar")
    assert_no_raw_hostile_markup(html)
    for escaped in ["&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;",
                    "&quot;&gt;&lt;b&gt;x&lt;/b&gt;", "javascript:alert(1)", "&#36;x^2&#36;",
                    '<span class="fl-bidi" title="U+202E">⟪U+202E⟫</span>']:
        assert escaped in html


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_hostile_labels_explanations_names_and_title(lang):
    text = "وقال الوزير إن الوضع خطير"
    paragraphs = lines(text)
    highlights = [Highlight(0, 4, "", s, s, s, s, s, s) for s in HOSTILE]
    highlights.append(hl(5, 11, lens='x" onmouseover="alert(1)', category="<i>"))
    html = render_article(text, paragraphs, highlights, lang=lang, title="".join(HOSTILE))
    check(html, text, paragraphs, highlights, lang)
    page = render_page(html, "".join(HOSTILE), lang=lang)
    Rendered(page)
    for out in (html, page):
        assert_no_raw_hostile_markup(out)
        assert "onmouseover=&quot;" in out and 'onmouseover="' not in out
    assert "<title>&lt;script&gt;" in page and "⟪U+202E⟫" in page


# --- overlaps, clipping, filtering ----------------------------------------------------------

NESTED = 'وصف بايدن الرد بأنه "مفرط جدا" وقال إن ذلك "يجب أن يتوقف".'


def nested_highlights(text: str) -> list[Highlight]:
    find = text.index
    return [
        hl(find("الرد"), find("وقال") - 1, "quotes", "indirect", "Indirect"),
        hl(find("مفرط"), find('جدا"') + 3, "quotes", "partial", "Partial"),
        hl(find("مفرط"), find("مفرط") + 4, "loaded_terms", "conflict", "Loaded"),
        hl(find("جدا"), find("وقال") + 4, "frames", "blame", "Crosses the end"),
        hl(find("وقال"), find("وقال") + 4, "reporting_verbs", "neutral", "Cue"),
        hl(find("وقال"), find("وقال") + 4, "reporting_verbs", "neutral", "Cue"),   # duplicate
        hl(find("يجب"), len(text) - 2, "quotes", "partial", "Partial 2"),
    ]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_overlapping_and_nested_highlights_all_rendered(lang):
    highlights = nested_highlights(NESTED)
    html = render_article(NESTED, lines(NESTED), highlights, lang=lang)
    check(html, NESTED, lines(NESTED), highlights, lang)
    assert "fl-depth-3" in html                       # indirect > partial > loaded term
    assert html.count('data-category="indirect"') == 1
    assert html.count('data-lens="frames"') == 3        # reopened where each quote ends


def test_highlights_outside_paragraphs_are_clipped():
    text = "الفقرة الأولى\nالفقرة الثانية"
    paragraphs = lines(text)
    highlights = [hl(-10, 5), hl(3, 20, "frames", "x"), hl(len(text) - 3, len(text) + 50),
                  hl(8, 4), hl(6, 6), hl(100, 200), hl(-5, -1)]
    html = render_article(text, paragraphs, highlights)
    check(html, text, paragraphs, highlights, "ar")


def test_only_active_lenses_are_shown():
    highlights = nested_highlights(NESTED)
    html = render_article(NESTED, lines(NESTED), highlights, active_lenses={"quotes"})
    shown = [h for h in highlights if h.lens == "quotes"]
    check(html, NESTED, lines(NESTED), shown, "ar")
    assert "fl-frames" not in html and "loaded_terms" not in html
    assert "fl-hl" not in render_article(NESTED, lines(NESTED), highlights, active_lenses=set())


# --- directions, furniture, legend, styles ---------------------------------------------------

FURNITURE_TEXT = "الفقرة الأولى.\n\nأخبار ذات صلة\nعنوان أول\nعنوان ثان\n\nالفقرة الأخيرة."


def furniture_parts():
    body = lines(FURNITURE_TEXT)
    block_start, block_end = FURNITURE_TEXT.index("أخبار"), FURNITURE_TEXT.index("ثان") + 3
    block = Paragraph(block_start, block_end, FURNITURE_TEXT[block_start:block_end], 0, True)
    return [body[0], body[-1]], [block]


@pytest.mark.parametrize("lang, chrome, label", [
    ("en", "ltr", "Page furniture: related-news links"),
    ("ar", "rtl", "عناصر الصفحة: روابط أخبار ذات صلة")])
def test_interface_direction_and_furniture(lang, chrome, label):
    body, furniture = furniture_parts()
    highlights = [hl(furniture[0].start + 14, furniture[0].start + 23, "loaded_terms", "x")]
    html = render_article(FURNITURE_TEXT, body, highlights, furniture, lang=lang)
    doc = check(html, FURNITURE_TEXT, body + furniture, highlights, lang)
    assert "\nعنوان أول\n" in doc.paragraphs[1]                # the block's lines are kept
    assert html.startswith(f'<div class="fl-view" dir="{chrome}" lang="{lang}">')
    assert '<div class="fl-article" dir="rtl" lang="ar">' in html
    assert f'<div class="fl-legend" dir="{chrome}" lang="{lang}">' in html
    assert f'<div class="fl-furniture-label" dir="{chrome}" lang="{lang}">{label}</div>' in html
    assert html.count('<p dir="rtl">') == 3


def test_legend_lists_each_category_once_with_swatch_label_and_explanation():
    highlights = nested_highlights(NESTED)
    legend = render_legend(highlights, lang="en")
    Rendered(legend)
    assert legend.count("fl-swatch") == 5                      # five (lens, category) pairs
    assert 'class="fl-swatch fl-quotes fl-quotes-partial"' in legend
    assert "<strong>Partial</strong>" in legend and "<strong>Partial 2</strong>" not in legend
    assert "Why ع" in render_legend(highlights, lang="ar")
    assert render_legend([]) == ""


def test_lens_styles_are_data_with_distinct_colour_and_line_pairs():
    entries = [(lens, cat) for lens, cats in lens_styles().items() for cat in cats]
    pairs = [tuple(style_for(lens, cat).values()) for lens, cat in entries]
    assert len(set(pairs)) == len(pairs)
    assert all(palette_colour(lens_styles()[lens][cat]["colour"]) == style_for(lens, cat)["colour"]
               for lens, cat in entries)
    # One colour per lens (the reporting verbs: one per connotation), so no two lenses share
    # a colour; within a lens, the line style tells the categories apart.
    colours = {lens: {style_for(lens, cat)["colour"] for cat in cats if cat != "*" or len(cats) == 1}
               for lens, cats in lens_styles().items() if lens not in ("*", "reporting_verbs")}
    assert all(len(c) == 1 for c in colours.values()), colours
    lens_colour = [c for lens, c in colours.items() if lens != "sources"]
    assert len({min(c) for c in lens_colour}) == len(lens_colour), colours
    from kit.lenses.highlights import LENSES
    from kit.view.render import lens_colour as colour_of
    assert len({colour_of(lens) for lens in LENSES}) == len(LENSES)   # each lens button its own
    assert {p[1] for p in pairs} == set(LINE_STYLES)
    assert style_for("quotes", "no_such") == style_for("quotes", "*")
    assert style_for("no_such", "x") == {"colour": "#000000", "border_style": "solid"}
    assert ".fl-hl.fl-quotes-partial, .fl-swatch.fl-quotes-partial { background-color: #0072B238" in STYLE
    assert "\n.fl-frames {" not in STYLE and ", .fl-frames {" not in STYLE   # not the annotator's box
    assert "text-decoration-style: wavy" in STYLE


def test_page_is_standalone():
    page = render_page(render_article(NESTED, lines(NESTED), nested_highlights(NESTED)),
                       "صفحة", lang="en")
    Rendered(page)
    assert page.startswith('<!doctype html>\n<html lang="en" dir="ltr"><head>'
                           '<meta charset="utf-8">')
    for absent in ("http:", "https:", "//", "url(", "@import", "src=", "<script", "<link"):
        assert absent not in page
    for present in ('"Noto Naskh Arabic", "Amiri", "Geeza Pro", "Arial", sans-serif',
                    "line-height: 1.8", "@media print", ".fl-hl:focus::after",
                    "content: attr(title)"):
        assert present in page


# --- property test -----------------------------------------------------------------------------

SPECIALS = list("<>&\"'$;#\n") + list(BIDI_CONTROLS) + [
    "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u061c",
    "\u064e", "\u0651", "\u0652", "\u0640", "ب", "ة", "😀", "\U0001F469\u200d\U0001F467", "⟪"]
CHARS = st.one_of(st.sampled_from(SPECIALS), st.characters(blacklist_categories=("Cs",)))
TEXT = st.lists(CHARS, max_size=60).map("".join)
NAMES = st.sampled_from(["quotes", "frames", "x\"<y", "$", "\u202e", "loaded_terms"])


@st.composite
def articles(draw):
    text = draw(TEXT)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)) + [0, len(text)])
    blocks = [Paragraph(a, b, text[a:b], i, draw(st.booleans()))
              for i, (a, b) in enumerate(pairwise(cuts))]
    spans = st.tuples(st.integers(-3, len(text) + 3), st.integers(-3, len(text) + 3))
    highlights = [Highlight(a, b, "", draw(NAMES), draw(NAMES), *draw(st.lists(TEXT, min_size=4,
                            max_size=4))) for a, b in draw(st.lists(spans, max_size=8))]
    return text, blocks, highlights


@settings(max_examples=150, deadline=None)
@given(articles(), st.sampled_from(["ar", "en"]), st.none() | st.sets(NAMES), TEXT)
def test_property_whitelist_and_round_trip(article, lang, active, title):
    text, blocks, highlights = article
    body = [p for p in blocks if not p.boilerplate]
    furniture = [p for p in blocks if p.boilerplate]
    html = render_article(text, body, highlights, furniture, lang=lang, title=title,
                          active_lenses=active)
    shown = [h for h in highlights if active is None or h.lens in active]
    check(html, text, blocks, shown, lang)
    check(render_page(html, title, lang), text, blocks, shown, lang)
    assert "$" not in html and not set(BIDI_CONTROLS) & set(html)


# --- the seed article as a standalone page ----------------------------------------------------

FURNITURE = re.compile(r"أخبار ذات صلة\n+[^\n]+(?:\n[^\n]+)*")


def seed_blocks(text: str):
    """Each non-blank line is a paragraph, except the "أخبار ذات صلة" blocks (heading and
    headlines, up to a blank line), which are page furniture."""
    furniture = [Paragraph(m.start(), m.end(), m.group(), i, True)
                 for i, m in enumerate(FURNITURE.finditer(text))]
    body = [p for p in lines(text) if not any(f.start <= p.start < f.end for f in furniture)]
    return body, furniture


SEED_MARKS = [  # (text, occurrence, lens, category, label_en, label_ar, why_en, why_ar)
    ("الخلافات والهوة", 0, "loaded_terms", "conflict", "Conflict word", "كلمة صراع",
     "Frames the visit as a quarrel.", "تؤطر الزيارة بوصفها خلافا."),
    ("وقال", 0, "reporting_verbs", "neutral", "Neutral verb", "فعل محايد",
     "Reports speech without judging it.", "ينقل الكلام دون حكم عليه."),
    ("تعكس هذه الرحلة مدى صعوبة هذه العملية الدبلوماسية برمتها", 0, "quotes", "direct",
     "Direct quote", "اقتباس مباشر", "Aaron David Miller's exact words.",
     "كلمات آرون ديفيد ميلر بنصها."),
    ('الرد العسكري الإسرائيلي في غزة بأنه "مفرط"', 0, "quotes", "indirect", "Indirect quote",
     "اقتباس غير مباشر", "Biden's view, reworded by the paper.", "رأي بايدن بصياغة الصحيفة."),
    ("مفرط", 0, "quotes", "partial", "Partial quote", "اقتباس جزئي",
     "One word of Biden's own, inside the paraphrase.",
     "كلمة واحدة لبايدن نفسه داخل إعادة الصياغة."),
    ("الخميس الرد العسكري", 0, "frames", "military", "Military frame", "إطار عسكري",
     "Starts before the indirect quote and ends inside it.",
     "يبدأ قبل الاقتباس غير المباشر وينتهي داخله."),
    ("أصر", 0, "reporting_verbs", "assertive", "Assertive verb", "فعل جازم",
     "Suggests stubbornness.", "يوحي بالعناد."),
    ("وهمية", 0, "scare_quotes", "scare", "Scare quotes", "علامات تشكيك",
     "Quotation marks that distance the writer.", "علامات تنصيص تُبعد الكاتب عن الكلمة."),
    ("130", 0, "numbers", "count", "Number", "رقم", "A figure to check: costs $5?",
     "رقم يجب التحقق منه."),
    ("جاوز الحد", 0, "loaded_terms", "conflict", "Conflict word", "كلمة صراع",
     "A related-news headline repeats the charge.", "عنوان خبر ذي صلة يكرر الاتهام."),
]


def seed_highlights(text: str) -> list[Highlight]:
    out = []
    for needle, nth, *rest in SEED_MARKS:
        start = -1
        for _ in range(nth + 1):
            start = text.index(needle, start + 1)
        out.append(Highlight(start, start + len(needle), needle, *rest))
    return out


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_seed_article_page(seed_text, lang):
    body, furniture = seed_blocks(seed_text)
    highlights = seed_highlights(seed_text)
    title = {"ar": "مختبر التأطير: المقال الأول", "en": "Framing Lab: the seed article"}[lang]
    fragment = render_article(seed_text, body, highlights, furniture, lang=lang, title=title)
    page = render_page(fragment, title, lang)
    check(page, seed_text, body + furniture, highlights, lang)
    assert len(furniture) == 2 and page.count('<div class="fl-furniture-label"') == 2
    out = ROOT / "artifacts" / "render"
    out.mkdir(parents=True, exist_ok=True)
    (out / ("seed.html" if lang == "ar" else "seed_en.html")).write_text(page, "utf-8")


@st.composite
def nesting_highlights(draw):
    """Text and up to 12 highlights that nest (inside one another or apart), sometimes with one
    crossing another's end, and sometimes nine deep."""
    text = draw(TEXT.filter(lambda s: len(s) > 2))
    spans = []
    for _ in range(draw(st.integers(0, 12))):
        a = draw(st.integers(0, len(text) - 1))
        b = draw(st.integers(a + 1, len(text)))
        if draw(st.booleans()) and spans:     # inside a span already drawn
            outer = draw(st.sampled_from(spans))
            a = draw(st.integers(outer[0], outer[1] - 1))
            b = draw(st.integers(a + 1, outer[1]))
        spans.append((a, b))
    if draw(st.booleans()):
        spans += [(0, len(text))] * 9
    return text, [Highlight(a, b, "", draw(NAMES), draw(NAMES), "l", "l ع", "w", "w ع") for a, b in spans]


@settings(max_examples=300, deadline=None)
@given(nesting_highlights(), st.sampled_from(["ar", "en"]))
def test_nested_marks_are_the_marks_cut_at_every_boundary(case, lang):
    """The one-pass rendering of nested highlights gives exactly what cutting the paragraph at
    every highlight boundary gives, and hands crossing highlights over to that."""
    from kit.view.render import _clipped, _crossing_marks, _nested_marks
    text, highlights = case
    chosen = highlights[0] if highlights else None
    nested = _nested_marks(text, 0, len(text), _clipped(0, len(text), highlights), lang, chosen, esc)
    crossing = _crossing_marks(text, 0, len(text), _clipped(0, len(text), highlights), lang, chosen, esc)
    crosses = any(h.start < g.start < h.end < g.end for h in highlights for g in highlights)
    assert nested == crossing or (nested is None and crosses)
