"""Quotes and who said them, paragraph by paragraph, in reading order.

Finds direct quotes (marks after a reporting verb, or a quoted sentence followed by one),
partial quotes (a quoted word or phrase inside the reporter's sentence), indirect speech
(verb + إن/أن/بأن clause), names in quotation marks that are not speech, and relayed
attribution (بحسب ما ذكرت...، وفقا لـ...، نقلا عن...).

Limits: one verb's subject is read from the words right after it (or a known name right
before it); a quote with no verb in its sentence takes the most recent speaker; relays are
applied to the quotes of their own sentence and, through وأضاف-style continuations, to the
same speaker's quotes just before. The lead's outlet (كشفت صحيفة...) is reported as the
article's relay, not stamped on every quote.

The reader is split by concern: `introductions` (people a sentence introduces before they
speak), `relays` (outlets passing words on, وفقا لـ … فإن), `quoted_names` (marks around names),
`subjects` (reading a speaker's phrase) and `sources` (the article's book of sources).
"""
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from .arabic import Token, tokenize, stems, normalize, drop_letters, without_possessive
from .cues import cue_of, complement_at, is_complementizer
from .lexicon import Cue, word_set
from .model import Diagnostic, NonQuote, Paragraph, Sentence
from .introductions import Introductions
from .quote_marks import MARKS, pair_marks
from .quoted_names import name_label
from .reading import RELATIVES, Said
from .relays import Relays
from .sources import SourceBook
from .subjects import Subject, parse_subject, subject_before, gap, COMMAS, skip_openers, is_given_name


@dataclass
class Draft:
    """A quote while the article is being read; frozen into `model.Quote` at the end."""
    start: int
    end: int
    kind: str
    paragraph: int
    source_id: str | None = None
    speaker_ar: str | None = None
    role: str | None = None
    cue: Token | None = None
    cue_lemma: str | None = None
    how: str = ""
    carried: bool = False
    via_ids: list[str] = field(default_factory=list)


class ParagraphReader(Introductions, Relays):
    """Reads one paragraph; the `SourceBook` carries speakers from paragraph to paragraph."""

    def __init__(self, text: str, paragraph: Paragraph, sentences: list[Sentence], book: SourceBook):
        self.text, self.paragraph, self.book = text, paragraph, book
        self.tokens = tokenize(text, paragraph.start, paragraph.end)
        self.sentences = sentences or [Sentence(paragraph.start, paragraph.end, paragraph.text, paragraph.index)]
        self.starts = [t.start for t in self.tokens]
        pairs, problems = pair_marks(text, paragraph.start, paragraph.end)
        self._close_of = dict(pairs)
        self.diagnostics = [_mark_problem(offset, code) for offset, code in problems]
        labels = {pair: name_label(text, self.tokens, self.starts, *pair) for pair in pairs}
        self.names = [(pair, label) for pair, label in labels.items() if label]
        self.pairs = sorted(pair for pair, label in labels.items() if not label)   # speech, not names
        self.pair_opens = [open_ for open_, _ in self.pairs]
        self.name_opens = [open_ for (open_, _), _ in self.names]
        self.speech_closes = {close for _, close in self.pairs}
        self.name_marks = {offset for (open_, close), _ in self.names for offset in (open_, close)}
        self.sentence_ends = [s.end for s in self.sentences]
        self.inside = self._tokens_inside_marks()
        self.said: dict[int, Said] = {}
        self.quotes: list[Draft] = []
        self.non_quotes: list[NonQuote] = []
        self.relays: list[tuple[int, str]] = []   # (sentence number, relaying source id)
        self._clause_starts: set[int] = set()     # where indirect clauses already found begin
        self._cues: dict[int, Cue | None] = {}    # token index -> its reporting verb (cue_at)
        self._limits: dict[tuple[int, int], int] = {}   # (verb, sentence end) -> _subject_limit

    # --- structure -------------------------------------------------------------------------
    def _tokens_inside_marks(self) -> set[int]:
        inside, k = set(), 0
        for open_, close in self.pairs:
            while k < len(self.tokens) and self.tokens[k].start < open_:
                k += 1
            while k < len(self.tokens) and self.tokens[k].end <= close:
                inside.add(k)
                k += 1
        return inside

    def sentence_of(self, offset: int) -> int:
        return min(bisect_left(self.sentence_ends, offset + 1), len(self.sentences) - 1)

    def token_range(self, start: int, end: int) -> range:
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def sentence_tokens(self, n: int) -> range:
        return self.token_range(self.sentences[n].start, self.sentences[n].end)

    def cue_at(self, k: int) -> Cue | None:
        """The reporting verb at token k, unless it is quoted speech or a relative clause
        (الاقتراح الذي دعا إلى...). Asked many times per token, so read once."""
        if k not in self._cues:
            self._cues[k] = self._read_cue(k)
        return self._cues[k]

    def _read_cue(self, k: int) -> Cue | None:
        cue = cue_of(self.tokens[k])
        if cue is None or k in self.inside or (k > 0 and self.tokens[k - 1].key in RELATIVES and not self._after_comma(k - 1)):
            return None   # الاقتراح الذي دعا إلى...: a relative clause describes; «فلان، الذي قال» speaks
        if self.tokens[k].key in word_set("reporter_formulas"):   # يذكر أن: the writer's own aside
            return None
        if k > 0 and self.tokens[k - 1].key in word_set("verbal_noun_markers"):   # عدم ذكر اسمه
            return None
        if k > 0 and self.tokens[k - 1].key in ("وهو", "وهي", "هو", "هي"):   # وهو طالب: a noun
            return None
        if k > 0 and stems(self.tokens[k - 1].key) & word_set("interview_nouns") \
                and self.tokens[k].key.endswith(("ها", "ه", "هم")):   # في تصريحات نقلها موقع...: describes them
            return None
        return cue

    # --- reading ---------------------------------------------------------------------------
    def read(self) -> None:
        for n in range(len(self.sentences)):
            self._read_sentence(n)

    def _read_sentence(self, n: int) -> None:
        span = self.sentence_tokens(n)
        first_quote = len(self.quotes)
        self._find_relays(n, span)
        self._introduce_topic(span)
        self._headline_speaker(span)
        named_until = span.start   # words of a speaker's phrase just read (والدة السليطي) name no one else
        reported = None            # after a verb and its إن/أن: the clause's words are its speaker's, not mentions
        for k in span:
            cue = self.cue_at(k)
            if cue:
                self.said[k] = self._speaker_of(k, cue, span)
                subject = self.said[k].subject
                named_until = subject.end if subject and subject.first > k else named_until
                reported = False
            elif k in self.inside or k < named_until or reported:
                continue
            elif reported is False and is_complementizer(self.tokens[k]):
                reported = True
            else:
                self.book.mentioned(self.tokens[k].key)
        self._read_marks(n, span)
        for k in span:
            if k in self.said and self.cue_at(k):
                self._read_indirect(k, span)
        self._partials_follow_their_clause(self.quotes[first_quote:])

    def _partials_follow_their_clause(self, quotes: list[Draft]) -> None:
        """A partial quote inside an indirect clause is the clause speaker's words."""
        clauses = sorted((q for q in quotes if q.kind == "indirect"), key=lambda q: q.start)
        starts = [c.start for c in clauses]
        for quote in quotes:
            n = bisect_left(starts, quote.start + 1) - 1
            outer = clauses[n] if n >= 0 and quote.end <= clauses[n].end else None
            if quote.kind == "partial" and outer:
                quote.source_id, quote.speaker_ar, quote.role = outer.source_id, outer.speaker_ar, outer.role
                quote.cue, quote.cue_lemma, quote.how, quote.carried = outer.cue, outer.cue_lemma, outer.how, outer.carried

    def _subject_limit(self, k: int, span: range) -> int:
        """Token index where a verb's subject must stop: a quote, a new clause, the sentence end."""
        if (k, span.stop) in self._limits:
            return self._limits[(k, span.stop)]
        limit, stop = k + 1, min(span.stop, k + 30)   # a subject phrase is short
        while limit < stop and limit not in self.inside and not is_complementizer(self.tokens[limit]) \
                and not cue_of(self.tokens[limit]) and not self._breaks_phrase(limit - 1):
            limit += 1
        self._limits[(k, span.stop)] = limit
        return limit

    def _breaks_phrase(self, k: int) -> bool:
        """A colon or a speech quotation mark after token k (marks around a name do not count)."""
        start = self.tokens[k].end if k >= 0 else self.paragraph.start
        stop = self.tokens[k + 1].start if k + 1 < len(self.tokens) else self.paragraph.end
        between = self.text[start:stop]
        if between == " ":   # most gaps: nothing to look at
            return False
        return any(c == ":" or (c in MARKS and i not in self.name_marks) for i, c in enumerate(between, start))

    def _after_comma(self, k: int) -> bool:
        """Is there a comma between token k - 1 and token k?"""
        return k > 0 and bool(set(gap(self.text, self.tokens, k - 1)) & COMMAS)

    def _antecedent(self, relative: int, span: range) -> Subject | None:
        """عادل النمري، الذي قال...: the person named right before the comma."""
        comma = relative   # the subject must end where the comma stands
        for first in range(max(span.start, comma - 8), comma):
            subject = parse_subject(self.text, self.tokens, first, comma)
            if subject and subject.end == comma and subject.type != "person" or subject and subject.end == comma and (
                    subject.role or subject.entity or is_given_name(self.tokens[subject.first]) or self.book.knows(subject.name)):
                return subject
        return None

    def _speaker_of(self, k: int, cue: Cue, span: range) -> Said:
        if k > 0 and self.tokens[k - 1].key in RELATIVES:   # فلان، الذي قال للصحفيين إنه...
            subject = self._antecedent(k - 1, span)
            if subject:
                return Said(self.book.add(subject), subject, "named before the relative")
        limit = self._subject_limit(k, span)
        subject = None
        if not cue.participle and k + 1 < limit:
            subject = self._subject_after(k + 1, limit)
        subject = self._known_surname(self._without_object(subject, cue, span))
        if subject and self._is_object(cue, subject, span):
            subject = None
        if k + 1 < limit:   # وأوضح بلاغ للوزارة: the ministry speaks through its statement
            subject = self._publisher(k + 1, span) or subject
        how = "named after the verb"
        if subject is None and not cue.participle:
            subject = subject_before(self.text, self.tokens, k, span.start)
            how = "named before the verb"
        if subject is not None:
            source_id = self.book.add(subject)
            self.book.agree(source_id, cue.gender)   # تقول جعفر: the verb says she is a woman
            return self._relayed_from(k, Said(source_id, subject, how), span)
        source_id = self.book.latest(cue.gender)
        return Said(source_id, None, "carried over from the previous speaker" if source_id else "")

    def _subject_after(self, i: int, limit: int) -> Subject | None:
        """The verb's subject, past the person spoken to: وقال لبي بي سي / للجزيرة نت مدير المستشفى."""
        subject = parse_subject(self.text, self.tokens, i, limit) or self._known_name(self.tokens, i)
        if subject and self._is_addressee(subject):
            return self._subject_after(subject.end, limit) if subject.end < limit else None
        if subject is None and self.tokens[i].key == "ل" and i + 1 < limit:   # لـ«الشرق الأوسط»
            addressee = parse_subject(self.text, self.tokens, i + 1, limit)
            return self._subject_after(addressee.end, limit) if addressee and addressee.end < limit else None
        return subject

    def _is_addressee(self, subject: Subject) -> bool:
        """A phrase written with a ل that its name does not have: لبي بي سي، لصحيفة الأهرام."""
        token = self.tokens[subject.first]
        written = token.key.lstrip("وف")
        if written.startswith("ل") and subject.type == "person" and not subject.role and not is_given_name(token):
            return True   # وقال لفرانس 24: a ل-word that is no first name is whom he spoke to
        return written.startswith("ل") and not normalize(subject.name).lstrip("وف").startswith("ل")

    def _known_name(self, tokens: list[Token], i: int) -> Subject | None:
        """الجبوري، والحسن: a surname the article already gave, which alone reads like a noun."""
        token = tokens[i]
        key = token.key.removeprefix("و")
        if not self.book.knows(key):
            return None
        name = token.text if key == token.key else drop_letters(token.text, 1)
        return Subject(i, i + 1, name, None, "person", "")

    def _known_surname(self, subject: Subject | None) -> Subject | None:
        """ووصف بلقاسمي المباراة: a surname the article already gave ends the name there."""
        if subject is None or subject.type != "person" or subject.entity or subject.role \
                or subject.end - subject.first < 2:
            return subject
        first = self.tokens[subject.first]
        if not self.book.knows(first.key.removeprefix("و")):
            return subject
        return replace(subject, end=subject.first + 1, name=self.text[first.start:first.end])

    def _without_object(self, subject: Subject | None, cue: Cue, span: range) -> Subject | None:
        """وصفت النائبة جنان بوشهري الجلسة بأنها: a name read on into the verb's object (ال + noun
        before بـ) gives that word back."""
        if subject is None or subject.type != "person" or subject.end - subject.first < 3 \
                or normalize(cue.lemma) not in word_set("object_ba_verbs") or subject.end >= span.stop:
            return subject
        last, after = self.tokens[subject.end - 1], self.tokens[subject.end]
        if last.key.startswith("ال") and after.key.startswith("ب") and " " in subject.name:
            return replace(subject, end=subject.end - 1, name=subject.name.rsplit(" ", 1)[0])
        return subject

    def _is_object(self, cue: Cue, subject: Subject, span: range) -> bool:
        """وصف الخطة بأنها / اتهم الحكومة بـ / طالب الوزارة بـ: the noun after these verbs is their
        object when بـ or a relative (وصف ركلة الجزاء التي...) follows it; the speaker is the one
        named before."""
        if normalize(cue.lemma) not in word_set("object_ba_verbs") or subject.end >= span.stop:
            return False
        verb = self.tokens[subject.first - 1] if subject.first > 0 else None
        if verb and verb.key.endswith(("ها", "هم", "ه")) and without_possessive(verb.key):
            return False   # وصفها متابعون بأنها: the object is the pronoun, the noun is the subject
        if self._agreeing_someone(cue, subject):
            return False   # وطالبت رابطة المشجعين بـ: a named body or person agreeing with the verb speaks
        return self._ba_or_relative_after(subject)

    def _agreeing_someone(self, cue: Cue, subject: Subject) -> bool:
        """A named person, title, body, outlet, group or nameless source (not a word referring
        back) whose gender agrees with the verb's."""
        someone = subject.entity or subject.role or subject.type in ("body", "media", "group", "anonymous") \
            or is_given_name(self.tokens[subject.first])
        return bool(someone and not subject.anaphor and subject.gender in ("", cue.gender)
                    and cue.gender in ("m", "f"))

    def _ba_or_relative_after(self, subject: Subject) -> bool:
        """Does a relative (التي) or a word with بـ follow the phrase?"""
        after = self.tokens[subject.end]
        return after.key in RELATIVES or after.key.startswith("ب") or (
            self.text[self.tokens[subject.end - 1].end:after.start].strip() == ""
            and after.text.startswith("بـ"))

    def _opens_speech(self, k: int, span: range) -> bool:
        """Does the verb at k bring in words (إن/أن, a colon or marks before the next comma)?
        ونقلوا إلى مركز استقبال does not."""
        for m in range(k + 1, min(span.stop, k + 10)):
            if is_complementizer(self.tokens[m]) or m in self.inside or ":" in gap(self.text, self.tokens, m - 1):
                return True
            if self._after_comma(m):
                return False
        return False

    def _read_marks(self, n: int, span: range) -> None:
        sentence = self.sentences[n]
        names = self.names[bisect_left(self.name_opens, sentence.start):bisect_left(self.name_opens, sentence.end)]
        for (open_, close), label in names:
            self.non_quotes.append(NonQuote(open_ + 1, close, self.text[open_ + 1:close], label,
                                            self.paragraph.index))
        pairs = self.pairs[bisect_left(self.pair_opens, sentence.start):bisect_left(self.pair_opens, sentence.end)]
        free = self._first_free_tokens(span) if pairs else None
        for open_, close in pairs:
            if self.text[open_ + 1:close].strip():
                self._classify_marked(open_, close, span, free)

    def _classify_marked(self, open_: int, close: int, span: range, free_tokens: tuple[int, int]) -> None:
        first = min(bisect_left(self.starts, open_ + 1), span.stop)
        last = max(bisect_left(self.starts, close) - 1, first)
        cue_k = self._cue_before(first, span)
        after_k = next((k for k in range(last + 1, min(span.stop, last + 4)) if k in self.said), None)
        free, free_word = free_tokens
        if cue_k is not None and self._introduces(cue_k, first, open_):
            self._add_marked(open_, close, "direct", cue_k)
        elif free_word >= first and after_k is not None:   # "…"، قال فلان
            self._add_marked(open_, close, "direct", after_k)
        elif free >= first:                                # a quoted sentence standing alone
            self._add_marked(open_, close, "direct", None)
        elif first > 0 and ":" in self.text[self.tokens[first - 1].end:open_] and (
                cue_k is not None or self.book.latest()):   # جاء فيها: «…» (someone to say it)
            self._add_marked(open_, close, "direct", cue_k)
        else:
            self._add_marked(open_, close, "partial", cue_k if cue_k is not None else after_k)

    def _first_free_tokens(self, span: range) -> tuple[int, int]:
        """The first token of the sentence outside quotation marks, and the first such token that
        is not a conjunction (span.stop when there is none)."""
        free = next((k for k in span if k not in self.inside), span.stop)
        word = next((k for k in range(free, span.stop) if k not in self.inside
                     and self.tokens[k].key not in ("و", "ف")), span.stop)
        return free, word

    def _cue_before(self, first: int, span: range) -> int | None:
        """The nearest reporting verb before token `first` in the sentence (within 60 words)."""
        for k in range(first - 1, max(span.start, first - 60) - 1, -1):
            if k in self.said and k not in self.inside:
                return k
        return None

    def _introduces(self, cue_k: int, first: int, open_: int) -> bool:
        """Does the verb at cue_k introduce the quotation opening at `open_` as its speech?"""
        between = range(cue_k + 1, first)
        if any(is_complementizer(self.tokens[k]) or k in self.inside for k in between):
            return False
        if first > 0 and self.tokens[first - 1].key == "ب":   # تصفه بـ"الكارثة": a description
            return False
        lead = self.text[self.tokens[first - 1].end:open_] if first > 0 else ""
        if self._quote_is_object(self.cue_at(cue_k), between, lead):
            return False
        subject = self.said[cue_k].subject
        return not between or ":" in lead or (subject is not None and subject.end >= first
                                               and subject.first == cue_k + 1) or len(between) <= 1

    @staticmethod
    def _quote_is_object(cue: Cue | None, between: range, lead: str) -> bool:
        """Is the quotation the verb's object rather than its speech (no colon before it)?
        واتهم عقيقي “جهات سياسية” بتحريض...: the accused; معتبرين ذلك "نجاحا كبيرا": a
        participle's object, then its description."""
        if not cue or ":" in lead:
            return False
        return normalize(cue.lemma) in word_set("object_ba_verbs") or bool(cue.participle and between)

    def _add_marked(self, open_: int, close: int, kind: str, cue_k: int | None) -> None:
        draft = Draft(open_ + 1, close, kind, self.paragraph.index)
        if cue_k is None:
            source_id = self.book.latest()
            self._attach(draft, Said(source_id, None, "the previous speaker (no verb in the sentence)"
                                     if source_id else ""), None)
        else:
            self._attach(draft, self.said[cue_k], cue_k)
        self.quotes.append(draft)

    def _read_indirect(self, k: int, span: range) -> None:
        cue = self.cue_at(k)
        if not cue.takes_clause:
            return
        for j in range(k + 1, min(span.stop, k + 25)):
            if j in self.inside or (j > k + 1 and self.cue_at(j) and not self._is_noun_use(j)):
                return
            clause = complement_at(self.tokens, j)
            if clause is not None and self.tokens[j - 1].key in word_set("non_report_before_an"):
                return   # قبل أن تضيف، ومن المقرر أن: no one is reported here
            if clause is not None:
                # يبلغ نحو 1500 ميغاواط، وأن الوزارة...: a وأن clause continues an earlier verb's
                if not self.tokens[j].key.startswith("و"):
                    self._add_clause(clause, span, self.said[k], None, k)
                return

    def _is_noun_use(self, j: int) -> bool:
        return self.tokens[j].key in ("قوله", "قولها", "قولهم")

    def _add_clause(self, first: int, span: range, said: Said, marker: Token | None, cue_k: int | None) -> None:
        if first >= span.stop:
            return
        stop, limit = first + 1, min(span.stop, first + 150)   # a reported clause is at most 150 words
        in_relative = cue_k is not None and cue_k > 0 and self.tokens[cue_k - 1].key in RELATIVES
        while stop < limit and not (self._after_comma(stop) and stop not in self.inside
                                        and self._attribution_at(stop, limit)):
            if in_relative and self._after_comma(stop) and stop not in self.inside:
                break   # فلان، الذي قال إنه غير نادم، قد غادر: the relative clause ends at its comma
            stop += 1
        start = self.tokens[first - 1].end
        while self.text[start].isspace():
            start += 1
        end = self._clause_end(stop - 1)
        if start in self._clause_starts:
            return   # بحسب ما نقلته … عن …، فإن: the relay and its verb found the same clause
        self._clause_starts.add(start)
        # أوضحت أن "…": even a clause quoted whole is reported speech; its marks give a partial quote
        draft = Draft(start, end, "indirect", self.paragraph.index)
        self._attach(draft, said, cue_k)
        if marker is not None:
            draft.cue, draft.cue_lemma = marker, marker.text.removeprefix("و")
        self.quotes.append(draft)

    def _attribution_at(self, k: int, limit: int) -> bool:
        """Does a new attribution start at token k (after a comma)? A verb of saying, directly or
        after في حين / فيما / بينما (…، في حين وصف الوزير…)."""
        j = skip_openers(self.tokens, k, limit)
        return j < limit and self.cue_at(j) is not None and self._opens_speech(j, range(k, limit))

    def _clause_end(self, last: int) -> int:
        """The end of a clause's last token, with a closing quotation mark that follows it."""
        end = self.tokens[last].end
        while end < self.paragraph.end and end in self.speech_closes:
            end += 1
        return end

    def _attach(self, draft: Draft, said: Said, cue_k: int | None) -> None:
        draft.source_id, draft.how = said.source_id, said.how
        draft.carried = said.subject is None
        if said.via_id:
            draft.via_ids.append(said.via_id)
        if said.source_id:
            entry = self.book.get(said.source_id)
            named = said.subject and not (said.subject.anaphor and entry.type in ("person", "anonymous"))
            draft.speaker_ar = said.subject.name if named else (entry.forms[-1] if entry.forms else entry.name)
            draft.role = (said.subject.role if said.subject else None) or (entry.roles[0] if entry.roles else None)
            self.book.touch(said.source_id)
        if cue_k is not None and cue_of(self.tokens[cue_k]):
            cue_k = self._finite_verb(cue_k)
            draft.cue, draft.cue_lemma = self.tokens[cue_k], cue_of(self.tokens[cue_k]).lemma

    def _finite_verb(self, k: int) -> int:
        """For وحذر بصراحة قائلا, report the finite verb حذر rather than the participle."""
        if cue_of(self.tokens[k]).participle:
            for j in (k - 1, k - 2):
                if j >= 0 and j not in self.inside and cue_of(self.tokens[j]) and not cue_of(self.tokens[j]).participle:
                    return j
        return k


def _mark_problem(offset: int, code: str) -> Diagnostic:
    if code == "unclosed_quote":
        return Diagnostic(code, offset, f"Quotation mark at character {offset} is never closed: "
                          f"the quote was not counted.", f"علامة التنصيص عند الحرف {offset} لم "
                          f"تُغلق: لم يُحتسب الاقتباس.")
    return Diagnostic(code, offset, f"Closing quotation mark at character {offset} has no "
                      f"opening mark.", f"علامة إغلاق التنصيص عند الحرف {offset} بلا علامة فتح.")
