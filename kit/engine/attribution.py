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

`read_paragraph` is the entry point. The reader is split by concern, each part a set of plain
functions of the paragraph's `reading_state.ParagraphState`: `introductions` (people a sentence
introduces before they speak), `relays` (outlets passing words on, وفقا لـ … فإن), `clauses`
(indirect clauses and attaching speakers to quotes), `quoted_names` (marks around names),
`subjects` (reading a speaker's phrase) and `sources` (the article's book of sources).
"""
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from .arabic import normalize, stems, without_possessive
from .clauses import add_clause, add_np_complement, attach
from .cues import complement_at, is_complementizer
from .interviews import introduce_guest, read_answer
from .introductions import headline_speaker, introduce_topic
from .lexicon import Cue, pattern_words, word_set
from .model import NonQuote, Paragraph, QuoteKind, Sentence
from .reading_state import RELATIVES, Draft, ParagraphState, Said
from .relays import document_clause, find_relays, publisher, relay_marker, relayed_from
from .sources import SourceBook
from .subjects import Subject, gap, is_given_name, subject_before

__all__ = ["RELATIVES", "read_paragraph"]   # RELATIVES: also read by the lenses


def read_paragraph(text: str, paragraph: Paragraph, sentences: list[Sentence],
                   book: SourceBook) -> ParagraphState:
    """Read one paragraph, sentence by sentence; the `SourceBook` carries speakers from
    paragraph to paragraph. The state returned holds the quotes, names in marks, relays and
    diagnostics found."""
    state = ParagraphState.of(text, paragraph, sentences, book)
    if read_answer(state):   # ج: …: the interview's guest speaks the whole paragraph
        return state
    for n in range(len(state.sentences)):
        _read_sentence(state, n)
    return state


def _read_sentence(state: ParagraphState, n: int) -> None:
    span = state.sentence_tokens(n)
    first_quote = len(state.quotes)
    find_relays(state, n, span)
    document_clause(state, span)
    introduce_topic(state, span)
    introduce_guest(state, span)
    headline_speaker(state, span)
    named_until = span.start   # words of a speaker's phrase just read (والدة السليطي) name no one else
    # after a verb and its إن/أن: the clause's words are its speaker's, not mentions
    reported = None
    for k in span:
        cue = state.cue_at(k)
        if cue:
            state.said[k] = _speaker_of(state, k, cue, span)
            subject = state.said[k].subject
            named_until = subject.end if subject and subject.first > k else named_until
            reported = False
        elif k in state.inside or k < named_until or reported:
            continue
        elif reported is False and is_complementizer(state.tokens[k]):
            reported = True
        else:
            state.book.mentioned(state.tokens[k].key)
    _read_marks(state, n, span)
    for k in span:
        if k in state.said and state.cue_at(k) and not _unsaid_inside_clause(state, k):
            found = len(state.quotes)
            _read_indirect(state, k, span)
            _read_unmarked(state, k, span)
            if len(state.quotes) == found:
                add_np_complement(state, k, span)
    _partials_follow_their_clause(state.quotes[first_quote:])


def _unsaid_inside_clause(state: ParagraphState, k: int) -> bool:
    """قال الوزير إن الكويت ترى أن…: a verb inside the clause just read whose subject is no one
    the kit can name reports nothing of its own; its words are the clause's."""
    last = state.quotes[-1] if state.quotes else None
    return state.said[k].source_id is None and last is not None and last.kind == "indirect" \
        and last.start <= state.tokens[k].start < last.end


def _partials_follow_their_clause(quotes: list[Draft]) -> None:
    """A partial quote inside an indirect clause is the clause speaker's words."""
    clauses = sorted((q for q in quotes if q.kind == "indirect"), key=lambda q: q.start)
    starts = [c.start for c in clauses]
    for quote in quotes:
        n = bisect_left(starts, quote.start + 1) - 1
        outer = clauses[n] if n >= 0 and quote.end <= clauses[n].end else None
        if quote.kind == "partial" and outer:
            quote.source_id, quote.speaker_ar, quote.role = outer.source_id, outer.speaker_ar, outer.role
            quote.cue, quote.cue_lemma = outer.cue, outer.cue_lemma
            quote.how, quote.carried = outer.how, outer.carried


def _speaker_of(state: ParagraphState, k: int, cue: Cue, span: range) -> Said:
    if k > 0 and state.tokens[k - 1].key in RELATIVES:   # فلان، الذي قال للصحفيين إنه...
        subject = state.antecedent(span.start, k - 1)
        if subject:
            return Said(state.book.add(subject), subject, "named before the relative")
    limit = _before_ba_object(state, k, cue, state.subject_limit(k, span))
    subject = None
    # نقلوا الخبر: a plural verb carries its own subject, and the noun after it is its object
    if not cue.participle and cue.gender != "pl" and k + 1 < limit:
        subject = _subject_after(state, k + 1, limit)
    subject = _known_surname(state, _without_object(state, subject, cue, span))
    if subject and _is_object(state, cue, subject, span):
        subject = None
    if k + 1 < limit:   # وأوضح بلاغ للوزارة: the ministry speaks through its statement
        subject = publisher(state, k + 1, span) or subject
    how = "named after the verb"
    if subject is None and not cue.participle:
        subject = _clause_subject(state, k, span) or subject_before(state.text, state.tokens, k, span.start)
        how = "named before the verb"
    if subject is not None:
        source_id = state.book.add(subject)
        state.book.agree(source_id, cue.gender)   # تقول جعفر: the verb says she is a woman
        return relayed_from(state, k, Said(source_id, subject, how), span)
    return _carried_over(state, k, cue)


def _carried_over(state: ParagraphState, k: int, cue: Cue) -> Said:
    """A verb with no subject: the latest speaker agreeing with it in gender."""
    source_id = state.book.latest("" if _names_the_statement(state, k) else cue.gender)
    return Said(source_id, None, "carried over from the previous speaker" if source_id else "")


def _names_the_statement(state: ParagraphState, k: int) -> bool:
    """وذكرت الوزيرة في بيان … وأضاف البيان: a definite statement or report as the verb's
    subject is the last speaker's; the verb agrees with the document, not with the speaker."""
    if k + 1 >= len(state.tokens) or gap(state.text, state.tokens, k).strip():
        return False   # مضيفا: «الأرقام…»: the words of a quote, not the verb's subject
    after = state.tokens[k + 1].key
    return after.startswith("ال") and bool(stems(after) & word_set("document_nouns"))


def _clause_subject(state: ParagraphState, k: int, span: range) -> Subject | None:
    """قال إن الرئيس الأميركي أخبره بأنه…: inside a reported clause, the words between its
    إن/أن and the verb are the verb's subject when they are one speaker's phrase."""
    if state.last_that_before(k, max(span.start, k - 8)) is None:
        return None   # most verbs: no إن/أن just before them
    for j in range(k - 1, max(span.start, k - 8) - 1, -1):
        if j in state.inside or state.after_comma(j + 1):
            return None   # …قبل أن ترى الدخان، وتضيف: the comma ends that clause
        if state.tokens[j].key in ("ان", "بان") and j > span.start \
                and state.tokens[j - 1].key not in word_set("non_report_before_an"):
            subject = state.subject_at(j + 1, k) if j + 1 < k else None
            return subject if subject is not None and subject.end == k else None
    return None


def _before_ba_object(state: ParagraphState, k: int, cue: Cue, limit: int) -> int:
    """وأشاد الأمين العام للأمم المتحدة بالتقدم في العراق: the object of أشاد / طالب / نوه
    comes with بـ, so the subject ends before the first word with بـ."""
    if not _takes_ba_object(cue.lemma):
        return limit
    # عبد الرحمن بن بوزيد: a ب-word after بن is the name's next link, not the object's بـ
    return next((j for j in range(k + 2, limit) if state.tokens[j].key.startswith("ب")
                 and len(state.tokens[j].key) > 3 and not is_given_name(state.tokens[j])
                 and state.tokens[j - 1].key not in ("بن", "ابن")), limit)


@lru_cache(maxsize=1024)
def _takes_ba_object(lemma: str) -> bool:
    return normalize(lemma) in pattern_words("subject_before_ba_object")


def _subject_after(state: ParagraphState, i: int, limit: int) -> Subject | None:
    """The verb's subject, past the person spoken to: وقال لبي بي سي / للجزيرة نت مدير المستشفى."""
    subject = state.subject_at(i, limit) or state.known_name(state.tokens, i)
    if subject and _is_addressee(state, subject):
        return _subject_after(state, subject.end, limit) if subject.end < limit else None
    if subject is None and state.tokens[i].key == "ل" and i + 1 < limit:   # لـ«الشرق الأوسط»
        addressee = state.subject_at(i + 1, limit)
        return _subject_after(state, addressee.end, limit) if addressee and addressee.end < limit else None
    return subject


def _is_addressee(state: ParagraphState, subject: Subject) -> bool:
    """A phrase written with a ل that its name does not have: لبي بي سي، لصحيفة الأهرام."""
    token = state.tokens[subject.first]
    written = token.key.lstrip("وف")
    if written.startswith("ل") and subject.type == "person" and not subject.role and not is_given_name(token):
        return True   # وقال لفرانس 24: a ل-word that is no first name is whom he spoke to
    return written.startswith("ل") and not normalize(subject.name).lstrip("وف").startswith("ل")


def _known_surname(state: ParagraphState, subject: Subject | None) -> Subject | None:
    """ووصف بلقاسمي المباراة: a surname the article already gave ends the name there."""
    if subject is None or subject.type != "person" or subject.entity or subject.role \
            or subject.end - subject.first < 2:
        return subject
    first = state.tokens[subject.first]
    if not state.book.knows(first.key.removeprefix("و")):
        return subject
    return replace(subject, end=subject.first + 1, name=state.text[first.start:first.end])


def _without_object(state: ParagraphState, subject: Subject | None, cue: Cue, span: range) -> Subject | None:
    """وصفت النائبة جنان بوشهري الجلسة بأنها: a name read on into the verb's object (ال + noun
    before بـ) gives that word back."""
    if subject is None or subject.type != "person" or subject.end - subject.first < 3 \
            or normalize(cue.lemma) not in word_set("object_ba_verbs") or subject.end >= span.stop:
        return subject
    last, after = state.tokens[subject.end - 1], state.tokens[subject.end]
    if last.key.startswith("ال") and after.key.startswith("ب") and " " in subject.name:
        return replace(subject, end=subject.end - 1, name=subject.name.rsplit(" ", 1)[0])
    return subject


def _is_object(state: ParagraphState, cue: Cue, subject: Subject, span: range) -> bool:
    """وصف الخطة بأنها / اتهم الحكومة بـ / طالب الوزارة بـ: the noun after these verbs is their
    object when بـ or a relative (وصف ركلة الجزاء التي...) follows it; the speaker is the one
    named before."""
    if normalize(cue.lemma) not in word_set("object_ba_verbs") or subject.end >= span.stop:
        return False
    verb = state.tokens[subject.first - 1] if subject.first > 0 else None
    if verb and verb.key.endswith(("ها", "هم", "ه")) and without_possessive(verb.key):
        return False   # وصفها متابعون بأنها: the object is the pronoun, the noun is the subject
    if _agreeing_someone(state, cue, subject):
        return False   # وطالبت رابطة المشجعين بـ: a named body or person agreeing with the verb speaks
    return _ba_or_relative_after(state, subject)


def _agreeing_someone(state: ParagraphState, cue: Cue, subject: Subject) -> bool:
    """A named person, title, body, outlet, group or nameless source (not a word referring
    back) whose gender agrees with the verb's."""
    someone = subject.entity or subject.role or subject.type in ("body", "media", "group", "anonymous") \
        or is_given_name(state.tokens[subject.first])
    return bool(someone and not subject.anaphor and subject.gender in ("", cue.gender)
                and cue.gender in ("m", "f"))


def _ba_or_relative_after(state: ParagraphState, subject: Subject) -> bool:
    """Does a relative (التي) or a word with بـ follow the phrase?"""
    after = state.tokens[subject.end]
    return after.key in RELATIVES or after.key.startswith("ب") or (
        state.text[state.tokens[subject.end - 1].end:after.start].strip() == ""
        and after.text.startswith("بـ"))


def _read_marks(state: ParagraphState, n: int, span: range) -> None:
    sentence = state.sentences[n]
    opens = state.name_opens
    names = state.names[bisect_left(opens, sentence.start):bisect_left(opens, sentence.end)]
    for (open_, close), label in names:
        state.non_quotes.append(NonQuote(open_ + 1, close, state.text[open_ + 1:close], label,
                                        state.paragraph.index))
    opens = state.pair_opens
    pairs = state.pairs[bisect_left(opens, sentence.start):bisect_left(opens, sentence.end)]
    free = _first_free_tokens(state, span) if pairs else None
    for open_, close in pairs:
        if state.text[open_ + 1:close].strip():
            _classify_marked(state, open_, close, span, free)


def _classify_marked(state: ParagraphState, open_: int, close: int, span: range,
                     free_tokens: tuple[int, int]) -> None:
    first = min(bisect_left(state.starts, open_ + 1), span.stop)
    last = max(bisect_left(state.starts, close) - 1, first)
    cue_k = _cue_before(state, first, span)
    after_k = next((k for k in range(last + 1, min(span.stop, last + 4)) if k in state.said), None)
    free, free_word = free_tokens
    if cue_k is not None and (state.text[open_] == "(" or _introduces(state, cue_k, first, open_)):
        _add_marked(state, open_, close, "direct", cue_k)
    elif free_word >= first and after_k is not None:   # "…"، قال فلان
        _add_marked(state, open_, close, "direct", after_k)
    elif free >= first:                                # a quoted sentence standing alone
        _add_marked(state, open_, close, "direct", None)
    elif first > 0 and ":" in state.text[state.tokens[first - 1].end:open_] and (
            cue_k is not None or state.book.latest()):   # جاء فيها: «…» (someone to say it)
        _add_marked(state, open_, close, "direct", cue_k)
    else:
        _add_marked(state, open_, close, "partial", cue_k if cue_k is not None else after_k)


def _first_free_tokens(state: ParagraphState, span: range) -> tuple[int, int]:
    """The first token of the sentence outside quotation marks, and the first such token that
    is not a conjunction (span.stop when there is none)."""
    free = next((k for k in span if k not in state.inside), span.stop)
    word = next((k for k in range(free, span.stop) if k not in state.inside
                 and state.tokens[k].key not in ("و", "ف")), span.stop)
    return free, word


def _cue_before(state: ParagraphState, first: int, span: range) -> int | None:
    """The nearest reporting verb before token `first` in the sentence (within 60 words)."""
    for k in range(first - 1, max(span.start, first - 60) - 1, -1):
        if k in state.said and k not in state.inside:
            return k
    return None


def _introduces(state: ParagraphState, cue_k: int, first: int, open_: int) -> bool:
    """Does the verb at cue_k introduce the quotation opening at `open_` as its speech?"""
    between = range(cue_k + 1, first)
    if any(is_complementizer(state.tokens[k]) or k in state.inside for k in between):
        return False
    if first > 0 and state.tokens[first - 1].key == "ب":   # تصفه بـ"الكارثة": a description
        return False
    lead = state.text[state.tokens[first - 1].end:open_] if first > 0 else ""
    if _quote_is_object(state.cue_at(cue_k), between, lead):
        return False
    subject = state.said[cue_k].subject
    return not between or ":" in lead or (subject is not None and subject.end >= first
                                           and subject.first == cue_k + 1) or len(between) <= 1


def _quote_is_object(cue: Cue | None, between: range, lead: str) -> bool:
    """Is the quotation the verb's object rather than its speech (no colon before it)?
    واتهم عقيقي “جهات سياسية” بتحريض...: the accused; معتبرين ذلك "نجاحا كبيرا": a
    participle's object, then its description."""
    if not cue or ":" in lead:
        return False
    return normalize(cue.lemma) in word_set("object_ba_verbs") or bool(cue.participle and between)


def _add_marked(state: ParagraphState, open_: int, close: int, kind: QuoteKind, cue_k: int | None) -> None:
    if state.has_quote_at(open_ + 1, close):
        return   # وبحسب الصحيفة، فإن "…": the relay's clause already took these marks whole
    draft = Draft(open_ + 1, close, kind, state.paragraph.index)
    if cue_k is None:
        attach(state, draft, _speaker_without_verb(state, open_, close, kind), None)
    else:
        attach(state, draft, state.said[cue_k], cue_k)
    state.add_quote(draft)


def _speaker_without_verb(state: ParagraphState, open_: int, close: int, kind: QuoteKind) -> Said:
    """A quote with no verb in its sentence: «…»، بحسب المتحدث باسم الوزارة gives a whole
    quoted sentence, or a phrase the source is cited right after (وتسببت في "دمار هائل"، بحسب
    الأمم المتحدة), to the person or body cited; an outlet (بحسب ما ذكرت الصحيفة) only
    relays, and any other phrase in marks stays the previous speaker's."""
    cited = state.according_to.get(state.sentence_of(open_)) \
        if kind == "direct" or _cited_right_after(state, close) else None
    if cited and cited.source_id and state.book.get(cited.source_id).type != "media":
        return cited
    source_id = state.book.latest()
    return Said(source_id, None, "the previous speaker (no verb in the sentence)" if source_id else "")


def _cited_right_after(state: ParagraphState, close: int) -> bool:
    """Does a relay marker and a source (بحسب الأمم المتحدة) come right after the closing
    mark at `close`? بحسب ما أكدته مصادر confirms the event, not the phrase's wording."""
    k = bisect_left(state.starts, close)
    if k >= len(state.tokens) or state.text[close + 1:state.tokens[k].start].strip(" ،,"):
        return False
    size = relay_marker(state, k)
    return size > 0 and k + size < len(state.tokens) and state.tokens[k + size].key != "ما"


def _read_indirect(state: ParagraphState, k: int, span: range) -> None:
    cue = state.cue_at(k)
    if not cue.takes_clause or _relay_aside(state, k, span):
        return
    relay = False
    for j in range(k + 1, min(span.stop, k + 25)):
        relay = relay or bool(relay_marker(state, j))   # وأضاف فلان حسبما أوردت قناة "…" أن
        if relay and (j in state.inside or state.cue_at(j)):
            continue
        if _ends_search(state, k, j):
            return
        clause = complement_at(state.tokens, j)
        if clause is None and ":" in gap(state.text, state.tokens, j - 1):
            return   # وقال: نعرف أن…: the words after a colon are his own, and so is their أن
        if clause is None or state.tokens[j - 1].key in word_set("non_report_before_an"):
            continue   # قبل أن تضيف، منذ أن أجرى: no one is reported here; the verb's own إن may follow
        # مشددا على :" ان حل الدولتين…": the أن inside the marks is the quote's own; يبلغ نحو
        # 1500 ميغاواط، وأن الوزارة...: a وأن clause continues an earlier verb's
        if clause - 1 not in state.inside and not state.tokens[j].key.startswith("و"):
            add_clause(state, clause, span, state.said[k], None, k)
        return


def _ends_search(state: ParagraphState, k: int, j: int) -> bool:
    """Marks or another verb of saying before any إن/أن: the verb at k reports no clause."""
    return j in state.inside or (j > k + 1 and state.cue_at(j) is not None and not _is_noun_use(state, j))


def _relay_aside(state: ParagraphState, k: int, span: range) -> bool:
    """وأضاف فلان حسبما أوردت قناة "…" أن…: a verb after حسبما / بحسب ما, with a verb of saying
    before it in the sentence, relays that verb's clause and opens none of its own."""
    marker = k - 1 if k > span.start and state.tokens[k - 1].key in ("حسبما", "كما") else \
        k - 2 if k - 1 > span.start and state.tokens[k - 1].key == "ما" and relay_marker(state, k - 2) else None
    # the earlier verb reads its clause within 25 words, so it stands at most 25 words before
    return marker is not None and any(state.cue_at(m) for m in range(max(span.start, marker - 25), marker))


def _read_unmarked(state: ParagraphState, k: int, span: range) -> None:
    """وأضاف الوزير: هناك بعض الثغرات… / متابعا: وقف إطلاق النار…: a verb of saying, its
    subject, a colon and words with no quotation marks are a direct quote, to the next
    attribution or the end of the sentence."""
    colon = state.subject_limit(k, span)
    if colon >= span.stop or colon in state.inside or ":" not in gap(state.text, state.tokens, colon - 1):
        return
    if is_complementizer(state.tokens[colon]):
        return   # نقلت عن مسؤول: أن "…": the clause gives the quote
    # قال: «…» gave its quote already (its words are inside marks); a mark left unclosed
    # (وقال معيط:" الدولة تبذل…) opens words that run to the sentence's end, as with no mark
    add_clause(state, colon, span, state.said[k], None, k, kind="direct")


def _is_noun_use(state: ParagraphState, j: int) -> bool:
    return state.tokens[j].key in ("قوله", "قولها", "قولهم")
