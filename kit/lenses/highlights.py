"""Framing lenses: each marks spans of the ORIGINAL text with a category and a bilingual
"why is this marked?" explanation (`model.Highlight`).

Lenses and what they do not see:
- quotes: the engine's quotes (see `kit.attribution` for its limits);
- reporting_verbs: verbs from `data/cue_verbs.tsv` outside quotations, by category, each with
  what it implies (`lenses.verbs`); it
  does not judge verbs that are not in the list;
- scare_quotes: partial quotes (a word or phrase in marks inside the reporter's sentence);
- name_marks: quotation marks around a name, not speech (صحيفة "فايننشال تايمز"، برنامج
  "صباح الخير"), as the engine tells them apart (`engine.quoted_names`);
- loaded_terms: words and phrases from `data/loaded_terms.tsv` (a starting list, not a
  judgement that the article is biased: students should argue each case);
- frames: cue words of the generic frames of Semetko & Valkenburg (2000), `data/frames.json`;
  cue words only suggest a frame, the codebook questions decide;
- numbers: figures written in digits (Latin or Arabic-Indic) or as مليون/ألف, with who asserts
  them (the quote they stand in, or the article itself).
"""
import re
from functools import lru_cache

from ..engine.arabic import tokenize, normalize, stems
from ..engine.attribution import RELATIVES
from ..engine.cues import cue_of
from ..course.i18n import t
from ..engine.lexicon import read_json, read_tsv
from ..engine.model import Analysis, Highlight
from ..engine.cost import collector_paused
from .spans import Covered, innermost_quotes, paragraphs_at
from .verbs import verb_table
from .voices import display_names

LENSES = ("quotes", "reporting_verbs", "scare_quotes", "name_marks", "loaded_terms", "frames", "numbers")
NUMBER = re.compile(r"(?<!\w)(?:(?:أكثر|أقل) من |نحو |قرابة |ما يقرب من |ما لا يقل عن )?"
                    r"\d[\d,.٬٫]*(?: (?:ألف|آلاف|مليون|ملايين|مليار))?(?!\w)"
                    r"|(?<!\w)(?:أكثر من |نحو )?(?:مليون|مليار|آلاف)(?!\w)")


@lru_cache(maxsize=1024)
def _both(key: str, **values) -> tuple[str, str]:
    return t(key, "en", **values), t(key, "ar", **values)


def _highlight(start, end, text, lens, category, label: tuple, why: tuple) -> Highlight:
    return Highlight(start, end, text[start:end], lens, category, label[0], label[1], why[0], why[1])


def quote_highlights(analysis: Analysis) -> list[Highlight]:
    out, whys = [], {}    # quotes alike (same kind, speaker, cue, relays) share one explanation
    names = {lang: display_names(analysis, lang) for lang in ("en", "ar")}
    for q in analysis.quotes:
        alike = (q.kind, q.via, q.cue, q.speaker, q.speaker_ar)
        why = whys.get(alike) or whys.setdefault(alike, _quote_why(q, names))
        out.append(_highlight(q.start, q.end, analysis.text, "quotes", q.kind, _both(f"quote_{q.kind}"), why))
    return out


def _quote_why(q, names: dict[str, dict[str, str]]) -> tuple[str, str]:
    via = {lang: t("why_quote_via", lang, via=" → ".join(names[lang].get(v, v) for v in q.via))
           if q.via else "" for lang in ("en", "ar")}
    key = "why_quote" if q.cue else "why_quote_no_verb"   # the kind is the label, not repeated here
    return tuple(t(key, lang, via=via[lang], cue=q.cue,
                   speaker=(q.speaker if lang == "en" else q.speaker_ar) or t("unknown_speaker", lang))
                 for lang in ("en", "ar"))


def body_tokens(analysis: Analysis) -> list[list]:
    """The word tokens of each body paragraph: the lenses that read words share one list, the
    engine's own when the analysis carries it."""
    if len(analysis.tokens) == len(analysis.paragraphs):
        return list(analysis.tokens)
    return [tokenize(analysis.text, p.start, p.end) for p in analysis.paragraphs]


def _outside_quotes(analysis: Analysis, tokens: list[list]):
    """Body tokens that are not inside a direct or partial quotation."""
    quoted = Covered((q.start, q.end) for q in analysis.quotes if q.kind != "indirect")
    for paragraph in tokens:
        for token in paragraph:
            if not quoted.covers(token.start):
                yield token


def reporting_verb_highlights(analysis: Analysis, tokens: list[list] | None = None) -> list[Highlight]:
    """`tokens`: `body_tokens(analysis)` if already made."""
    out = []
    previous = None
    for token in _outside_quotes(analysis, body_tokens(analysis) if tokens is None else tokens):
        cue = cue_of(token) if not (previous and previous.key in RELATIVES) else None
        previous = token
        if cue:
            out.append(_highlight(token.start, token.end, analysis.text, "reporting_verbs", cue.connotation,
                                  _both(f"connotation_label_{cue.connotation}"),
                                  _verb_why(token.text, cue.lemma)))
    return out


@lru_cache(maxsize=4096)
def _verb_why(written: str, lemma: str) -> tuple[str, str]:
    verb = verb_table()[lemma]
    return tuple(t("why_verb", lang, verb=written, gloss=verb.gloss, implies=verb.implies(lang))
                 for lang in ("en", "ar"))   # the category is the label, not repeated here


def scare_quote_highlights(analysis: Analysis) -> list[Highlight]:
    return [_highlight(q.start, q.end, analysis.text, "scare_quotes", "partial", _both("scare_quote_label"),
                       tuple(t("why_scare_quote", lang, text=q.text,
                               speaker=(q.speaker if lang == "en" else q.speaker_ar) or t("unknown_speaker", lang))
                             for lang in ("en", "ar")))
            for q in analysis.quotes if q.kind == "partial"]


def name_mark_highlights(analysis: Analysis) -> list[Highlight]:
    return [_highlight(n.start, n.end, analysis.text, "name_marks", "name", _both("name_mark_label"),
                       _both("why_name_mark", text=n.text, label=n.label))
            for n in analysis.non_quotes if n.label != "-"]


@lru_cache(maxsize=1)
def loaded_terms() -> dict[tuple[str, ...], dict]:
    """The terms of `data/loaded_terms.tsv`, keyed by their normalised words."""
    return {tuple(normalize(w) for w in row["term"].split()): row for row in read_tsv("loaded_terms.tsv")}


class Phrases:
    """A table of phrases keyed by their normalised words, with its longest phrase and its
    first words known once, not again for every paragraph."""

    def __init__(self, table: dict):
        self.table = table
        self.longest = max((len(k) for k in table), default=1)
        self.firsts = {k[0] for k in table}
        self._readings_of: dict[str, list[str]] = {}

    def first_readings(self, key: str) -> list[str]:
        """The readings of a token (`stems`, longest first) that begin a phrase of the table:
        worked out once per word, which an article repeats."""
        found = self._readings_of.get(key)
        if found is None:
            found = self._readings_of[key] = [s for s in _readings(key) if s in self.firsts]
        return found


@lru_cache(maxsize=65536)
def _readings(key: str) -> tuple[str, ...]:
    """The readings of a token (`stems`), longest first."""
    return tuple(sorted(stems(key), key=lambda s: (-len(s), s)))


def _phrase_matches(tokens, phrases: Phrases) -> list[tuple[int, int, dict]]:
    """Longest phrases of the table in `tokens` (proclitics allowed on the first word; when two
    readings of it are listed, الهجوم and هجوم, the longer one, nearer what is written)."""
    table, found, i = phrases.table, [], 0
    while i < len(tokens):
        first = phrases.first_readings(tokens[i].key)
        for size in range(min(phrases.longest, len(tokens) - i), 0, -1) if first else ():
            rest = tuple(tok.key for tok in tokens[i + 1:i + size])
            row = next((table[(s, *rest)] for s in first if (s, *rest) in table), None)
            if row:
                found.append((i, i + size, row))
                i += size - 1
                break
        i += 1
    return found


def _body_matches(analysis: Analysis, table: dict, tokens: list[list] | None):
    """(first token, last token, row) for every phrase of `table` in the body paragraphs
    (`tokens`: their `body_tokens`, made here if None)."""
    phrases = Phrases(table)
    for paragraph in body_tokens(analysis) if tokens is None else tokens:
        for first, end, row in _phrase_matches(paragraph, phrases):
            yield paragraph[first], paragraph[end - 1], row


def loaded_term_highlights(analysis: Analysis, tokens: list[list] | None = None) -> list[Highlight]:
    out = []
    for first, last, row in _body_matches(analysis, loaded_terms(), tokens):
        alternatives = row["alternatives"].replace("؛", "،")
        why = (t("why_term", "en", why=row["why_en"], alternatives=alternatives),
               t("why_term", "ar", why=row["why_ar"], alternatives=alternatives))
        out.append(_highlight(first.start, last.end, analysis.text, "loaded_terms", row["kind"],
                              _both(f"{row['kind']}_label"), why))
    return out


@lru_cache(maxsize=1)
def frames() -> list[dict]:
    """The generic frames with their names, codebook questions and cue words."""
    return read_json("frames.json")["frames"]


@lru_cache(maxsize=1)
def _frame_cues() -> dict[tuple[str], list[dict]]:
    table: dict = {}
    for frame in frames():
        for cue in frame["cues"]:
            table.setdefault((normalize(cue),), [])
            if frame not in table[(normalize(cue),)]:
                table[(normalize(cue),)].append(frame)
    return table


def frame_highlights(analysis: Analysis, tokens: list[list] | None = None) -> list[Highlight]:
    out = []
    for word, _, found in _body_matches(analysis, _frame_cues(), tokens):
        for frame in found:
            out.append(Highlight(word.start, word.end, word.text, "frames", frame["id"],
                                 *_frame_texts(word.text, frame["id"])))
    return out


@lru_cache(maxsize=4096)
def _frame_texts(word: str, frame_id: str) -> tuple[str, str, str, str]:
    """Label (en, ar) and explanation (en, ar) of a frame's cue word as written."""
    name = next(frame["name"] for frame in frames() if frame["id"] == frame_id)
    return (t("frame_label", "en", frame=name["en"]), t("frame_label", "ar", frame=name["ar"]),
            t("why_frame", "en", word=word, frame=name["en"]), t("why_frame", "ar", word=word, frame=name["ar"]))


def frame_scores(analysis: Analysis) -> list[dict[str, float]]:
    """Frame cue words per body paragraph: one {frame id: count} per paragraph."""
    scores = [{f["id"]: 0.0 for f in frames()} for _ in analysis.paragraphs]
    found = frame_highlights(analysis)
    for h, paragraph in zip(found, paragraphs_at(analysis.paragraphs, [h.start for h in found]), strict=True):
        scores[paragraph][h.category] += 1
    return scores


def number_claims(analysis: Analysis) -> list[tuple[Highlight, str | None]]:
    """Every figure in the body with the speaker who asserts it (None: the article itself)."""
    out = []
    found = [m for p in analysis.paragraphs for m in NUMBER.finditer(analysis.text, p.start, p.end)]
    around = innermost_quotes(analysis.quotes, [m.start() for m in found])
    for m, quote in zip(found, around, strict=True):
        speaker = quote.speaker if quote and quote.speaker else None
        who = (t("asserted_by_quote", "en", speaker=speaker),
               t("asserted_by_quote", "ar", speaker=quote.speaker_ar)) if speaker else _both("asserted_by_writer")
        out.append((_highlight(m.start(), m.end(), analysis.text, "numbers", "number", _both("number_label"),
                               (t("why_number", "en", who=who[0]), t("why_number", "ar", who=who[1]))), speaker))
    return out


@collector_paused
def all_highlights(analysis: Analysis, lenses=LENSES) -> list[Highlight]:
    """Every lens's highlights on the article, in text order."""
    tokens = body_tokens(analysis) if {"reporting_verbs", "loaded_terms", "frames"} & set(lenses) else []
    makers = {"quotes": quote_highlights, "scare_quotes": scare_quote_highlights,
              "reporting_verbs": lambda a: reporting_verb_highlights(a, tokens),
              "name_marks": name_mark_highlights,
              "loaded_terms": lambda a: loaded_term_highlights(a, tokens),
              "frames": lambda a: frame_highlights(a, tokens),
              "numbers": lambda a: [h for h, _ in number_claims(a)]}
    found = [h for lens in lenses for h in makers[lens](analysis)]
    return sorted(found, key=lambda h: (h.start, -h.end))
