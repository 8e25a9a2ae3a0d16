"""The table of reporting verbs for notebook 04, drawn from `data/cue_verbs.tsv` through
`lenses.verbs`: one row per category (what it does, a few verbs), then every verb with what
it implies and how a clause follows it. The notebook shows this table, not a copy of it."""
from dataclasses import dataclass

from ..course.i18n import t
from ..lenses.verbs import CATEGORIES, Verb, by_category, verb_table
from .render import _lang, _tag, esc

EXAMPLES = 4


@dataclass(frozen=True)
class HtmlFragment:
    html: str

    def _repr_html_(self) -> str:
        return self.html


def _verb(verb: Verb, lang: str) -> str:
    gloss = "" if lang == "ar" else f" ({esc(verb.gloss)})"
    return f'<bdi dir="rtl" lang="ar">{esc(verb.lemma)}</bdi>{gloss}'


def _government(verb: Verb, lang: str) -> str:
    special = {"-": "verbs.no_clause", ":": "verbs.quotation"}
    if verb.government in special:
        return esc(t(special[verb.government], lang))
    return f'<bdi dir="rtl" lang="ar">… {esc(verb.government)}</bdi>'


def _row(cells: list[str], tag: str = "td") -> str:
    # JupyterLab right-aligns table cells; text reads better from the start of its line.
    return _tag("tr", "".join(_tag(tag, c, style="text-align: start") for c in cells))


def _summary(lang: str) -> str:
    head = _row([esc(t(k, lang)) for k in ("verbs.category", "verbs.does", "verbs.examples")], "th")
    groups = by_category()
    comma = "، " if lang == "ar" else ", "
    rows = [_row([_tag("strong", esc(t(f"connotation_label_{c}", lang))), esc(t(f"verbs.does_{c}", lang)),
                  comma.join(_verb(v, lang) for v in groups[c][:EXAMPLES])])
            for c in CATEGORIES]
    return _tag("table", head + "".join(rows), class_="fl-verb-summary")


def _every_verb(lang: str) -> str:
    keys = ("verbs.verb", "verbs.category", "verbs.implies", "verbs.government")
    head = _row([esc(t(k, lang)) for k in keys], "th")
    rows = [_row([_verb(v, lang), esc(t(f"connotation_label_{v.category}", lang)), esc(v.implies(lang)),
                  _government(v, lang)])
            for v in verb_table().values()]
    summary = _tag("summary", esc(t("verbs.all", lang, n=len(verb_table()))))
    return _tag("details", summary + _tag("table", head + "".join(rows), class_="fl-verb-table"))


def reporting_verb_table(lang: str | None = None) -> HtmlFragment:
    """The categories with examples, and every verb (in a fold), in `lang` (default: the course's)."""
    lang = _lang(lang)
    direction = "rtl" if lang == "ar" else "ltr"
    return HtmlFragment(_tag("div", _summary(lang) + _every_verb(lang), class_="fl-view fl-verbs",
                             dir=direction, lang=lang))
