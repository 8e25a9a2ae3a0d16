"""The engine's results: small frozen records whose offsets point into the ORIGINAL text.

For every record with `start`, `end` and `text`: `article_text[start:end] == text`.
"""
from dataclasses import dataclass, field, asdict
from typing import Literal

QuoteKind = Literal["direct", "partial", "indirect"]
"""direct: marks after (or before) a reporting verb, or a quoted sentence standing alone;
partial: a quoted word or phrase inside the reporter's sentence; indirect: a reported clause."""
EntityType = Literal["person", "media", "body", "group", "place"]
"""The kinds of entity the gazetteer lists."""
SourceType = Literal["person", "media", "body", "group", "anonymous", "official", "place"]
"""A known entity's type, or what a phrase names: anonymous (مصادر مطلعة), official (a title
with no name: الوزير)."""
Gender = Literal["m", "f", "pl", ""]
"""Masculine, feminine, plural, or unknown."""
Connotation = Literal["neutral", "assertive", "doubting", "critical", "evaluative"]  # see kit/lenses/verbs.py
"""What a reporting verb says about the words it reports (قال: neutral; أكد: assertive...)."""
DiagnosticCode = Literal["unclosed_quote", "stray_closing_quote", "no_speaker", "bidi_control", "not_arabic"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph(Span):
    index: int
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    paragraph: int


@dataclass(frozen=True, slots=True)
class Quote(Span):
    """A quotation: `text` is exactly the characters between the marks (direct, partial) or the
    reported clause (indirect)."""
    kind: QuoteKind
    paragraph: int             # index into Analysis.paragraphs (the body)
    speaker: str | None        # canonical: English where the kit knows the entity, else as written
    speaker_ar: str | None     # the speaker's name as written nearest the quote
    source_id: str | None      # the Source that speaks it
    role: str | None           # the speaker's role as written
    cue: str | None            # the reporting verb as written (قال، وأضاف، قائلا...)
    cue_lemma: str | None      # its dictionary form (قال، أضاف...)
    cue_start: int | None      # offset of the cue in the text
    via: tuple[str, ...] = ()  # relaying sources, outermost first (e.g. ("Financial Times",))
    how: str = ""              # how the speaker was found, for "why?" explanations


@dataclass(frozen=True, slots=True)
class NonQuote(Span):
    """Quotation marks around a name (صحيفة "فايننشال تايمز"), not around speech."""
    label: str                 # the word before the marks that says what the name is
    paragraph: int


@dataclass(frozen=True, slots=True)
class Mention(Span):
    entity_id: str | None      # gazetteer id when known
    name: str                  # canonical name (English where known)
    type: EntityType
    paragraph: int


@dataclass(frozen=True, slots=True)
class Source:
    """A cited source and everything the article says it said."""
    id: str
    name: str                  # canonical (English where known, else as written)
    name_ar: str               # first form as written
    type: SourceType
    roles: tuple[str, ...]
    surface_forms: tuple[str, ...]
    quote_indices: tuple[int, ...]   # indices into Analysis.quotes it speaks
    relays: tuple[int, ...]          # indices of quotes it relays (appears in their `via`)
    gender: Gender = ""
    mentions: tuple[str, ...] = ()   # every phrase that refers to it: names, titles, short forms
    category: str = "named person"   # official, expert or analyst, witness or citizen, named
    #                                  person, anonymous, organisation, media outlet
    gender_label: str = "unknown"    # male, female or unknown


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something the engine could not resolve, with where it happened."""
    code: DiagnosticCode
    start: int
    message_en: str
    message_ar: str


@dataclass(frozen=True)
class Analysis:
    text: str
    paragraphs: tuple[Paragraph, ...]          # the body
    boilerplate: tuple[Paragraph, ...]         # page furniture (related-news blocks...)
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    non_quotes: tuple[NonQuote, ...]
    sources: tuple[Source, ...]
    mentions: tuple[Mention, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    relay: str | None = None                   # the outlet the whole article relays, if its lead says so
    boilerplate_quotes: tuple[Quote, ...] = field(default=())
    # the word tokens of each body paragraph, as the engine read them: the lenses read the
    # same words, and tokenising 1 MB again costs a second (not part of the JSON contract)
    tokens: tuple[list, ...] = field(default=(), compare=False, repr=False)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def to_dict(self) -> dict:
        """The stable JSON contract of `python -m kit analyze --json`."""
        entities: dict[str, dict] = {}
        for m in self.mentions:
            key = m.entity_id or m.name
            entry = entities.setdefault(key, {"id": m.entity_id, "name": m.name, "type": m.type,
                                              "forms": [], "count": 0})
            entry["count"] += 1
            if m.text not in entry["forms"]:
                entry["forms"].append(m.text)
        return {
            "paragraphs": [p.text for p in self.paragraphs],
            "boilerplate": [p.text for p in self.boilerplate],
            "relay": self.relay,
            "quotes": [{"text": q.text, "kind": q.kind, "speaker": q.speaker,
                        "speaker_ar": q.speaker_ar, "role": q.role, "cue": q.cue,
                        "via": list(q.via), "start": q.start, "end": q.end,
                        "paragraph": q.paragraph} for q in self.quotes],
            "non_quotes": [{"text": n.text, "label": n.label, "start": n.start, "end": n.end,
                            "paragraph": n.paragraph} for n in self.non_quotes],
            "sources": [{**asdict(s), "quote_indices": list(s.quote_indices),
                         "relays": list(s.relays), "roles": list(s.roles),
                         "surface_forms": list(s.surface_forms), "mentions": list(s.mentions)}
                        for s in self.sources],
            "entities": list(entities.values()),
            "diagnostics": [asdict(d) for d in self.diagnostics],
        }


@dataclass(frozen=True, slots=True)
class Highlight(Span):
    """A lens's mark on the article: what kind of span it is and why it is marked."""
    lens: str                  # reporting_verbs | scare_quotes | loaded_terms | frames | numbers | quotes ...
    category: str              # e.g. "assertive", "conflict", "direct"
    label_en: str
    label_ar: str
    why_en: str
    why_ar: str
