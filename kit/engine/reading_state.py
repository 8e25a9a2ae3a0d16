"""What the paragraph reader knows about one paragraph while it reads it: the tokens, the
quotation marks and what they hold, the sentences, the article's source book, and what has
been found so far (what each reporting verb resolved to, quotes, names in marks, relays).

The reader's parts (`attribution`, `introductions`, `relays`, `clauses`) are plain functions
that take a `ParagraphState`; the questions they all ask about the paragraph's structure (is
this token a reporting verb? is there a comma before it? where must a subject stop?) are
its methods.
"""
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from .arabic import Token, stems, tokenize
from .cues import cue_of, is_complementizer, verb_of_saying_at
from .lexicon import Cue, word_set
from .model import Diagnostic, NonQuote, Paragraph, QuoteKind, Sentence
from .paren_quotes import paren_pairs
from .quote_marks import MARKS, pair_marks
from .quoted_names import name_label, names_given_before, names_listed_after_a_name
from .sources import SourceBook
from .subjects import COMMAS, Subject, is_given_name, parse_subject

# The relative pronouns that open a clause describing a noun (الاقتراح الذي دعا إلى...).
_COMMA = re.compile(f"[{''.join(sorted(COMMAS))}]")   # a comma is never part of a token
RELATIVES = {"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "ما", "مما", "عما"}
_UNREAD = object()   # a token whose cue `cue_at` has not read yet


@dataclass(slots=True)
class Said:
    """What a reporting verb resolved to."""
    source_id: str | None
    subject: Subject | None
    how: str
    via_id: str | None = None


@dataclass(slots=True)
class Draft:
    """A quote while the article is being read; frozen into `model.Quote` at the end."""
    start: int
    end: int
    kind: QuoteKind
    paragraph: int
    source_id: str | None = None
    speaker_ar: str | None = None
    role: str | None = None
    cue: Token | None = None
    cue_lemma: str | None = None
    how: str = ""
    carried: bool = False
    via_ids: list[str] = field(default_factory=list)


Pair = tuple[int, int]   # (opening mark offset, closing mark offset)


@dataclass
class ParagraphState:
    """One paragraph being read; the `SourceBook` carries speakers from paragraph to paragraph.
    Build it with `ParagraphState.of`."""
    text: str
    paragraph: Paragraph
    sentences: list[Sentence]
    book: SourceBook
    tokens: list[Token]
    starts: list[int]                       # each token's start offset, for bisecting
    pairs: list[Pair]                       # quotation marks around speech, in text order
    names: list[tuple[Pair, str]]           # quotation marks around a name, with its label
    inside: set[int]                        # tokens inside speech marks
    problems: tuple[tuple[int, str], ...]   # (offset, code) of marks that pair with none: see mark_problem
    said: dict[int, Said] = field(default_factory=dict)   # reporting verb token -> its speaker
    quotes: list[Draft] = field(default_factory=list)
    non_quotes: list[NonQuote] = field(default_factory=list)
    relays: list[tuple[int, str]] = field(default_factory=list)   # (sentence number, relaying source id)
    according_to: dict[int, Said] = field(default_factory=dict)   # sentence number -> a relay's speaker
    clause_starts: set[int] = field(default_factory=set)         # where indirect clauses found begin
    _cues: dict[int, Cue | None] = field(default_factory=dict, repr=False)   # token -> cue_at
    _limits: dict[tuple[int, int], int] = field(default_factory=dict, repr=False)   # -> subject_limit
    _subjects: dict[tuple[int, int], Subject | None] = field(default_factory=dict, repr=False)   # -> subject_at
    _spans: Counter = field(default_factory=Counter, repr=False)   # (start, end) -> quotes with that span

    @classmethod
    def of(cls, text: str, paragraph: Paragraph, sentences: list[Sentence],
           book: SourceBook) -> "ParagraphState":
        """The state before reading: tokens, marks (speech or names) and sentences."""
        tokens = tokenize(text, paragraph.start, paragraph.end)
        starts = [t.start for t in tokens]
        pairs, problems = pair_marks(text, paragraph.start, paragraph.end)
        labels = names_listed_after_a_name(text, {pair: name_label(text, tokens, starts, *pair) for pair in pairs})
        labels = names_given_before(text, labels, book.marked_names)
        speech = sorted(pair for pair, label in labels.items() if not label)
        parens = paren_pairs(text, tokens, starts, (paragraph.start, paragraph.end), pairs)
        if parens:   # وقالت أرموند (شكرا، صباح الخير يا مصر).
            speech = sorted(speech + parens)
        return cls(text, paragraph,
                   sentences or [Sentence(paragraph.start, paragraph.end, paragraph.text, paragraph.index)],
                   book, tokens, starts, speech, [(pair, label) for pair, label in labels.items() if label],
                   _tokens_inside(tokens, speech), problems)

    def __post_init__(self):
        self.pair_opens = [open_ for open_, _ in self.pairs]
        self.name_opens = [open_ for (open_, _), _ in self.names]
        self.speech_closes = {close for _, close in self.pairs}
        self.name_marks = {offset for (open_, close), _ in self.names for offset in (open_, close)}
        self.sentence_ends = [s.end for s in self.sentences]

    # --- quotes found ----------------------------------------------------------------------
    def add_quote(self, draft: "Draft") -> None:
        self.quotes.append(draft)
        self._spans[draft.start, draft.end] += 1

    def has_quote_at(self, start: int, end: int) -> bool:
        """Is a quote from `start` to `end` already found? (A lookup: a paragraph of one long
        line may hold thousands of quotes, so scanning them for every mark would cost n².)"""
        return self._spans[start, end] > 0

    def drop_quotes_at(self, start: int, end: int) -> None:
        """Remove the quotes from `start` to `end`, searching from the last: they were read in
        the current sentence."""
        left, k = self._spans.pop((start, end), 0), len(self.quotes) - 1
        while left and k >= 0:
            if (self.quotes[k].start, self.quotes[k].end) == (start, end):
                del self.quotes[k]
                left -= 1
            k -= 1

    # --- structure -------------------------------------------------------------------------
    def sentence_of(self, offset: int) -> int:
        return min(bisect_left(self.sentence_ends, offset + 1), len(self.sentences) - 1)

    def token_range(self, start: int, end: int) -> range:
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def sentence_tokens(self, n: int) -> range:
        return self.token_range(self.sentences[n].start, self.sentences[n].end)

    def cue_at(self, k: int) -> Cue | None:
        """The reporting verb at token k, unless it is quoted speech or a relative clause
        (الاقتراح الذي دعا إلى...). Asked many times per token, so read once."""
        cue = self._cues.get(k, _UNREAD)
        if cue is _UNREAD:
            cue = self._cues[k] = self._read_cue(k)
        return cue

    def _read_cue(self, k: int) -> Cue | None:
        cue = verb_of_saying_at(self.text, self.tokens, k)
        if cue is None or k in self.inside or self._in_relative_clause(k):
            return None   # الاقتراح الذي دعا إلى...: a relative clause describes; «فلان، الذي قال» speaks
        if self.tokens[k].key in word_set("reporter_formulas"):   # يذكر أن: the writer's own aside
            return None
        return None if k > 0 and (self._noun_use(k) or self._arrival(k)) else cue

    def _in_relative_clause(self, k: int) -> bool:
        """الاقتراح الذي دعا: a relative pronoun before token k with no comma before it, unless
        إن/أن follows the verb and a person or a body is named right before the pronoun
        (الشيخ فلان الذى أكد أن…)."""
        if not (k > 0 and self.tokens[k - 1].key in RELATIVES and not self.after_comma(k - 1)):
            return False
        return not (k + 1 < len(self.tokens) and is_complementizer(self.tokens[k + 1])
                    and self.antecedent(0, k - 1))

    def antecedent(self, first: int, relative: int) -> Subject | None:
        """عادل النمري، الذي قال...: the person (or body) named right before the relative
        pronoun at `relative`, starting at or after token `first`."""
        for i in range(max(first, relative - 8), relative):
            subject = self.subject_at(i, relative)
            if subject and subject.end == relative and (
                    subject.type != "person" or subject.role or subject.entity
                    or is_given_name(self.tokens[subject.first]) or self.book.knows(subject.name)):
                return subject
        return None

    def _noun_use(self, k: int) -> bool:
        """Is the verb-like word at k (k > 0) a noun here? عدم ذكر اسمه، وهو طالب، في تصريحات
        نقلها موقع... (describes them)."""
        before = self.tokens[k - 1].key
        if before in word_set("verbal_noun_markers") or before in ("وهو", "وهي", "هو", "هي"):
            return True
        return bool(stems(before) & word_set("interview_nouns")
                    and self.tokens[k].key.endswith(("ها", "ه", "هم")))

    def _arrival(self, k: int) -> bool:
        """بيان ورد لوكالة…: a verb of arriving right after a document, not a verb of saying."""
        return self.tokens[k].key in word_set("arrival_verbs") and not self.after_comma(k) \
            and bool(stems(self.tokens[k - 1].key) & word_set("document_nouns"))

    def subject_at(self, i: int, end: int) -> Subject | None:
        """`subjects.parse_subject` on this paragraph's tokens: the topic, a headline's speaker
        and a verb's subject are often the same phrase, read once."""
        if (i, end) not in self._subjects:
            self._subjects[(i, end)] = parse_subject(self.text, self.tokens, i, end)
        return self._subjects[(i, end)]

    def subject_limit(self, k: int, span: range) -> int:
        """Token index where a verb's subject must stop: a quote, a new clause, the sentence end."""
        if (k, span.stop) in self._limits:
            return self._limits[(k, span.stop)]
        limit, stop = k + 1, min(span.stop, k + 30)   # a subject phrase is short
        while limit < stop and limit not in self.inside and not is_complementizer(self.tokens[limit]) \
                and not cue_of(self.tokens[limit]) and not self.breaks_phrase(limit - 1):
            limit += 1
        self._limits[(k, span.stop)] = limit
        return limit

    def breaks_phrase(self, k: int) -> bool:
        """A colon or a speech quotation mark after token k (marks around a name do not count)."""
        start = self.tokens[k].end if k >= 0 else self.paragraph.start
        stop = self.tokens[k + 1].start if k + 1 < len(self.tokens) else self.paragraph.end
        between = self.text[start:stop]
        if between == " ":   # most gaps: nothing to look at
            return False
        return any(c == ":" or (c in MARKS and i not in self.name_marks)
                   for i, c in enumerate(between, start))

    def after_comma(self, k: int) -> bool:
        """Is there a comma between token k - 1 and token k?"""
        return k in self._after_commas

    def commas_between(self, first: int, stop: int) -> list[int]:
        """The tokens from `first` to before `stop` that have a comma before them, in order."""
        ks = self._comma_list
        return ks[bisect_left(ks, first):bisect_left(ks, stop)]

    @cached_property
    def _comma_list(self) -> list[int]:
        """Every token with a comma before it, found once: a comma is never inside a token."""
        found = (bisect_left(self.starts, m.start())
                 for m in _COMMA.finditer(self.text, self.paragraph.start, self.paragraph.end))
        return sorted({k for k in found if 0 < k < len(self.tokens)})

    @cached_property
    def _after_commas(self) -> set[int]:
        return set(self._comma_list)

    def last_that_before(self, k: int, first: int) -> int | None:
        """The last إن/أن/بأن (keys ان, بان) from token `first` to before token k, if any."""
        ks = self._that_list
        n = bisect_left(ks, k) - 1
        return ks[n] if n >= 0 and ks[n] >= first else None

    @cached_property
    def _that_list(self) -> list[int]:
        return [k for k, token in enumerate(self.tokens) if token.key in ("ان", "بان")]

    def known_name(self, tokens: list[Token], i: int) -> Subject | None:
        """الجبوري، والحسن: a surname the article already gave (`SourceBook.known_name`)."""
        return self.book.known_name(tokens, i)


def _tokens_inside(tokens: list[Token], pairs: list[Pair]) -> set[int]:
    """The indices of the tokens inside the given quotation marks."""
    inside, k = set(), 0
    for open_, close in pairs:
        while k < len(tokens) and tokens[k].start < open_:
            k += 1
        while k < len(tokens) and tokens[k].end <= close:
            inside.add(k)
            k += 1
    return inside


def mark_problem(offset: int, code: str) -> Diagnostic:
    """The diagnostic for a quotation mark that pairs with none (a `ParagraphState` problem)."""
    if code == "unclosed_quote":
        return Diagnostic(code, offset, f"Quotation mark at character {offset} is never closed: "
                          f"the words after it count as a quote only after a verb of saying and a "
                          f"colon, up to the end of the sentence.", f"علامة التنصيص عند الحرف {offset} "
                          f"لم تُغلق: لا يُحتسب ما بعدها اقتباسا إلا بعد فعل قول ونقطتين، حتى نهاية الجملة.")
    return Diagnostic(code, offset, f"Closing quotation mark at character {offset} has no "
                      f"opening mark.", f"علامة إغلاق التنصيص عند الحرف {offset} بلا علامة فتح.")
