"""Voices and absences: who is quoted, how much, with which verbs, and who is talked about
but never quoted.

Counts are words of quoted text (direct and partial quotes; an indirect clause counts too,
since the article gives that speaker the floor), and statements: a partial quote inside an
indirect clause (قال إن ... "البدايات" ... "مساحة للتوصل إلى اتفاق") is part of one statement,
so it is counted neither again as words nor as a statement of its own.

Who gets to speak (`who_speaks`) tallies the sources by the kind a teacher counts (official,
expert or analyst, witness or citizen...), by gender (men, women, unknown) and named against
anonymous, in sources, statements and words: the Gender Gap Tracker's question (who is quoted,
and how much), asked of one Arabic article. It counts what the engine found; a speaker the
engine missed or misattributed is counted wrongly too, and gender is only the grammar and the
given names the engine reads (a source whose gender is not stated is "unknown").

Absent parties are the people, groups and bodies the article names but never quotes. A body
named as where someone works or speaks (في البيت الأبيض، الزميل في مؤسسة كارنيجي) is a place or
an affiliation there, not a party to the story, and is left out.
"""
import re
import weakref
from collections import Counter, defaultdict
from functools import lru_cache

from ..course.i18n import get_language
from ..engine.lexicon import gazetteer
from ..engine.model import Analysis, Quote
from .spans import outermost


def name_in(analysis: Analysis, name: str, lang: str | None = None) -> str:
    """A source's name for a reader of `lang` (default: the interface language): the canonical
    (English) name in English; in Arabic the gazetteer's Arabic form, else the name as written.

    >>> import kit
    >>> a = kit.analyze(text='وقال أنتوني بلينكن: "الاتفاق ممكن".')
    >>> name_in(a, "Antony Blinken", "ar"), name_in(a, "Antony Blinken", "en")
    ('أنتوني بلينكن', 'Antony Blinken')
    """
    return display_names(analysis, lang).get(name, name)


def display_names(analysis: Analysis, lang: str | None = None) -> dict[str, str]:
    """`name_in` for every source at once, by canonical name ({} in English: names unchanged),
    for a loop over many quotes."""
    if (lang or get_language()) != "ar":
        return {}
    arabic = _arabic_names()
    names = {}
    for source in analysis.sources:
        names.setdefault(source.name, arabic.get(source.id, source.name_ar))
    return names


@lru_cache(maxsize=1)
def _arabic_names() -> dict[str, str]:
    return {e.id: e.variants[0] for e in gazetteer()}


def _speaker(q: Quote) -> str:
    return q.speaker or "?"


@lru_cache(maxsize=4096)
def _connotation(cue: str) -> str | None:
    """The connotation of the reporting verb `cue` (as written), None if it is not one."""
    from ..engine.cues import cue_of
    from ..engine.arabic import tokenize
    found = cue_of(tokenize(cue)[0])
    return found.connotation if found else None


# the analysis last asked about and its statements: a report asks for those of one analysis
# three times in turn (source map, words chart, who speaks), each a sort of every quote
_last_statements: tuple = (lambda: None, ())


def statements(analysis: Analysis) -> list[Quote]:
    """The quotes that are statements of their own: a quote nested inside another is left out
    (`spans.outermost`)."""
    global _last_statements
    if _last_statements[0]() is not analysis:
        _last_statements = (weakref.ref(analysis), tuple(outermost(analysis.quotes)))
    return list(_last_statements[1])


def statement_counts(analysis: Analysis) -> dict[str, int]:
    """How many statements each source (by id) makes."""
    return dict(Counter(q.source_id for q in statements(analysis) if q.source_id))


def quoted_words(analysis: Analysis, lang: str | None = None) -> dict[str, int]:
    """Words of quoted or reported speech per speaker, largest first; speakers named for a
    reader of `lang` (default: the interface language, see `name_in`)."""
    words, names = Counter(), display_names(analysis, lang)
    for q in statements(analysis):
        words[names.get(_speaker(q), _speaker(q))] += len(q.text.split())
    return dict(words.most_common())


def quoted_words_by_side(analysis: Analysis) -> dict[str, int]:
    """The same words grouped by the side the gazetteer gives each speaker (unknown: the name)."""
    sides = {e.en: e.side or e.en for e in gazetteer()}
    words = Counter()
    for speaker, n in quoted_words(analysis, "en").items():
        words[sides.get(speaker, speaker)] += n
    return dict(words.most_common())


def verbs_by_speaker(analysis: Analysis, lang: str | None = None) -> dict[str, dict[str, int]]:
    """For each speaker (named for a reader of `lang`), how many of their quotes were introduced
    by a verb of each connotation."""
    table: dict[str, Counter] = defaultdict(Counter)
    seen, names = set(), display_names(analysis, lang)
    for q in analysis.quotes:
        if q.cue is None or q.cue_start in seen:
            continue
        seen.add(q.cue_start)
        connotation = _connotation(q.cue)
        if connotation:
            table[names.get(_speaker(q), _speaker(q))][connotation] += 1
    return {speaker: dict(counts) for speaker, counts in table.items()}


VOICE_GROUPS = {
    "category": ("official", "expert or analyst", "witness or citizen", "named person",
                 "anonymous", "organisation", "media outlet"),
    "gender": ("male", "female", "unknown"),
    "naming": ("named", "anonymous"),
}
MEASURES = ("sources", "statements", "words")


def who_speaks(analysis: Analysis) -> dict[str, dict[str, dict[str, int]]]:
    """Sources, statements and words per kind of source, per gender and named or anonymous:
    {group: {value: {"sources": n, "statements": n, "words": n}}}, every value of
    `VOICE_GROUPS` present (0 when nobody), in that order.

    >>> import kit
    >>> a = kit.analyze(text='قالت المواطنة هدى سالم: "انقطع الماء منذ يومين".')
    >>> who_speaks(a)["gender"]["female"]
    {'sources': 1, 'statements': 1, 'words': 4}
    """
    tally = {group: {value: dict.fromkeys(MEASURES, 0) for value in values}
             for group, values in VOICE_GROUPS.items()}
    own = Counter()
    words = Counter()
    for q in statements(analysis):
        own[q.source_id] += 1
        words[q.source_id] += len(q.text.split())
    for source in analysis.sources:
        for group, value in _voice_of(source).items():
            counts = tally[group][value]
            counts["sources"] += 1
            counts["statements"] += own[source.id]
            counts["words"] += words[source.id]
    return tally


def _voice_of(source) -> dict[str, str]:
    anonymous = source.category == "anonymous" or source.type == "anonymous"
    return {"category": source.category, "gender": source.gender_label,
            "naming": "anonymous" if anonymous else "named"}


def source_type_counts(analysis: Analysis) -> dict[str, int]:
    """How many cited sources of each type (person, media, body, group, anonymous, official)."""
    return dict(Counter(s.type for s in analysis.sources))


_AFTER_FI = re.compile(r"(?:^|\s)[وف]?في\s+$")


def _place_or_affiliation(analysis: Analysis, mention) -> bool:
    """A body after the preposition في: where someone works or speaks, not a party."""
    before = analysis.text[max(0, mention.start - 6):mention.start]
    return mention.type == "body" and _AFTER_FI.search(before) is not None


def absent_parties(analysis: Analysis) -> list[str]:
    """People, groups and bodies the article names but never quotes (e.g. Hamas in the seed)."""
    quoted = {s.name for s in analysis.sources}
    seen = []
    for m in analysis.mentions:
        if m.type in ("person", "group", "body") and m.name not in quoted and m.name not in seen \
                and not _place_or_affiliation(analysis, m):
            seen.append(m.name)
    return seen
