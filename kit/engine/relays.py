"""Relayed attribution: an outlet passing on someone's words (نقلت الوكالة عن مسؤول قوله، نقلا
عن مصادر)، a claim put in a source's mouth (وفقا للصحيفة، فإن...؛ بحسب ما نقلته قناة «…» عن
مصدر، فإن...؛ ومن المتوقع أن…، وفقا لمسؤول)، and documents speaking for whoever issued them
(تقرير صادر عن ديوان المحاسبة، بلاغ للوزارة، وجاء في البيان أن…).

Plain functions of the paragraph's `ParagraphState`: its tokens, marks and source book.
"""
from dataclasses import replace

from .arabic import Token, drop_letters, normalize, stems
from .clauses import add_clause, attach, opens_speech
from .cues import complement_at, cue_of
from .lexicon import pattern_words, word_set
from .reading_state import RELATIVES, Draft, ParagraphState, Said
from .subjects import Subject, is_given_name, parse_subject, skip_openers

RELAY_PAIRS = {("نقلا", "عن"), ("استنادا", "الي"), ("علي", "ذمه")}
_PAIR_FIRSTS = {first for first, _ in RELAY_PAIRS}


def relayed_from(state: ParagraphState, k: int, said: Said, span: range) -> Said:
    """نقلت الوكالة عن مسؤول قوله / ذكرت الصحيفة، نقلا عن مصادر، أن / وأفادت وكالة أنباء
    الإمارات «وام» نقلا عن...: the outlet relays, the one it quotes speaks."""
    after = _relay_link(state, said.subject.end, span)
    if after is None or (state.cue_at(k).lemma != "نقل" and state.tokens[after].key != "نقلا"):
        return said
    return _source_after(state, after, said.source_id, span) or said


def _relay_link(state: ParagraphState, j: int, span: range) -> int | None:
    """The نقلا عن / عن that follows an outlet's name within a few words (its adjective or
    its short name in marks may stand between), or None."""
    for m in range(j, min(span.stop - 1, j + 4)):
        if state.tokens[m].key == "عن" or (state.tokens[m].key == "نقلا" and state.tokens[m + 1].key == "عن"):
            return m
        if m in state.inside or state.cue_at(m) or (m > j and state.after_comma(m)
                                                and state.tokens[m].key != "نقلا"):
            return None
    return None


def find_relays(state: ParagraphState, n: int, span: range) -> None:
    """بحسب ما ذكرت الصحيفة، وفقا للصحيفة، نقلا عن...: the source the sentence relays."""
    for k in span:
        if k in state.inside:
            continue
        size = relay_marker(state, k)
        if not size:
            continue
        j = _source_start(state, k + size, span)
        if j is None:
            continue
        window = _without_lam(state, j, span.stop)
        if len(window) > 1 and window[0].key in word_set("interview_nouns"):   # وفقا لتصريحات محاميه
            j, window = j + 1, window[1:]
        subject = parse_subject(state.text, window, 0, len(window)) or state.known_name(window, 0)
        if subject is None:
            continue
        subject = replace(subject, first=subject.first + j, end=subject.end + j)
        subject = publisher(state, subject.first, span) or subject
        # …، بحسب ما أكدته مصادر حكومية: a relay at the end confirms; the sentence's speaker stays
        source_id = state.book.add(subject, touch=k == skip_openers(state.tokens, span.start, span.stop))
        state.relays.append((n, source_id))
        said = _relayed_by(state, subject, source_id, span)
        if k - 1 in state.inside:   # «…»، بحسب المتحدث: the source cited right after the quote
            state.according_to.setdefault(n, said)
        _according_to_clause(state, k, said, span)
        _according_to_before(state, k, said, span)


def _source_start(state: ParagraphState, j: int, span: range) -> int | None:
    """Where the source's name starts after a relay marker ending before token j, past its
    fillers and verb (بحسب ما ذكرت); None when no one is named (وفق تعبيره: the speaker's own
    wording, relayed by no one)."""
    while j < span.stop and state.tokens[j].key in word_set("relay_fillers"):
        j += 1
    if j < span.stop and cue_of(state.tokens[j]):
        j += 1
    if j >= span.stop or state.tokens[j].key in word_set("own_words_nouns"):
        return None
    return j


def _relayed_by(state: ParagraphState, outlet: Subject, outlet_id: str, span: range) -> Said:
    """بحسب ما نقلته قناة «النهرين» عن مصدر في هيئة النزاهة: the source after عن speaks, the
    outlet relays; otherwise the outlet (or body) itself is the source."""
    after = _relay_link(state, outlet.end, span)
    found = _source_after(state, after, outlet_id, span) if after is not None else None
    return found or Said(outlet_id, outlet, "according to")


def _source_after(state: ParagraphState, link: int, outlet_id: str, span: range) -> Said | None:
    """The source named after the (نقلا) عن at token `link`, relayed by the outlet; None when
    what follows is no one (عن آخر اتصال هاتفي)."""
    link += state.tokens[link].key == "نقلا"
    speaker = state.subject_at(link + 1, state.subject_limit(link, span))
    if speaker and (_credible(state, speaker) or _words_follow(state, speaker, span)):
        return Said(state.book.add(speaker), speaker, "named after عن", via_id=outlet_id)
    return None


def _words_follow(state: ParagraphState, subject: Subject, span: range) -> bool:
    """نقلت الصحيفة عن ليور فريدريش مؤلف الدراسة قوله: «his saying» within a few words after
    a name the kit does not know says the name is someone who spoke."""
    return any(state.tokens[j].key in word_set("own_words_nouns")
               for j in range(subject.end, min(span.stop, subject.end + 6)))


def _credible(state: ParagraphState, subject: Subject) -> bool:
    """Could this phrase be someone (عن مصدر، عن الوزير فلان), not a thing (عن آخر اتصال هاتفي)?"""
    first = state.tokens[subject.first]
    people = len(first.key) > 5 and first.key.endswith(("ين", "ون"))   # عن متعاملين، عن مراقبين
    return bool(subject.entity or subject.role or subject.type != "person" or people
                or is_given_name(first) or state.book.knows(subject.name))


def publisher(state: ParagraphState, first: int, span: range) -> Subject | None:
    """تقرير صادر عن ديوان المحاسبة / إحصائية نشرتها „شبكة حراس التعليم“ / بلاغ للوزارة: who
    published the document named at token `first`."""
    if not stems(state.tokens[first].key) & word_set("document_nouns"):
        return None
    owner = first + 1   # بلاغ للوزارة: the document's owner follows with ل
    key = state.tokens[owner].key if owner < span.stop else ""
    if key[:1] == "ل" and stems(key) & word_set("body_heads"):
        window = _without_lam(state, owner, span.stop)
        body = parse_subject(state.text, window, 0, len(window))
        return replace(body, first=body.first + owner, end=body.end + owner) if body else None
    for j in range(first + 1, min(span.stop - 1, first + 4)):
        if state.tokens[j].key in word_set("publishing_words"):
            start = j + 2 if state.tokens[j + 1].key == "عن" else j + 1
            return state.subject_at(start, state.subject_limit(start - 1, span)) \
                if start < span.stop else None
    return None


def _without_lam(state: ParagraphState, j: int, stop: int) -> list[Token]:
    """The few tokens from j on, with the preposition ل cut from the first
    (وفقا للجبوري -> الجبوري)."""
    token, rest = state.tokens[j], state.tokens[j + 1:min(stop, j + 12)]
    if token.key.startswith("لل") and len(token.key) > 3:   # ل + ال written لل: the name is الناطقة
        word = drop_letters(token.text, 2)
        token = Token(token.end - len(word), token.end, "ال" + word, "ال" + token.key[2:])
    elif token.key.startswith("ل") and len(token.key) > 2 and not token.key.startswith("ال"):
        word = drop_letters(token.text, 1)
        token = Token(token.end - len(word), token.end, word, token.key[1:])
    return [token, *rest]


def relay_marker(state: ParagraphState, k: int) -> int:
    """How many tokens the relay marker at k takes (بحسب, وفقا: 1; نقلا عن: 2), 0 for none."""
    key, markers = state.tokens[k].key, word_set("relay_markers")
    first = key.removeprefix("و")
    if key in markers or first in markers:
        return 1
    if first not in _PAIR_FIRSTS:
        return 0
    pair = (first, state.tokens[k + 1].key if k + 1 < len(state.tokens) else "")
    return 2 if pair in RELAY_PAIRS else 0


def _according_to_clause(state: ParagraphState, k: int, said: Said, span: range) -> None:
    """ووفقا للصحيفة، فإنه... / وبحسب مسودة الخطة، التي اطلعت عليها الصحيفة، فإن...: a claim
    the source makes, reported as its indirect speech."""
    if k != span.start or said.subject.end >= span.stop:
        return
    for j in range(said.subject.end, min(span.stop, said.subject.end + 15)):
        cue = state.cue_at(j)
        speaking_to = cue and normalize(cue.lemma) in word_set("speaking_to_verbs") and j + 1 < span.stop \
            and state.tokens[j + 1].key[:1] == "ل"   # ووفقا لمصدر … تحدث لفرانس 24، فإن
        if cue and state.tokens[j - 1].key not in RELATIVES and not speaking_to:
            return
        if state.tokens[j].key in ("فان", "فانه", "فانها", "فانهم") and state.after_comma(j):
            if not any(state.cue_at(m) and opens_speech(state, m, span) for m in range(j, span.stop)):
                add_clause(state, j + 1, span, said, state.tokens[k], None)
            return


def _according_to_before(state: ParagraphState, k: int, said: Said, span: range) -> None:
    """ومن المتوقع أن يلتقي الوفدان الجمعة، وفقا لمسؤول أمريكي: the words before the comma,
    with no marks and no verb of saying, are the source's claim (an indirect quote). The
    source and a few words describing it end the sentence or are followed by a comma. Not a
    claim: بحسب ما أفادت الوزارة (the event confirmed), figures (وفقا لأرقام الوزارة), and the
    writer's aside (يذكر أن …)."""
    first = skip_openers(state.tokens, span.start, k)
    if not _cites_after_statement(state, k, said, span) or not _bare_statement(state, first, k):
        return
    draft = Draft(state.tokens[first].start, state.tokens[k - 1].end, "indirect", state.paragraph.index)
    attach(state, draft, said, None)
    draft.cue, draft.cue_lemma = state.tokens[k], state.tokens[k].key
    state.add_quote(draft)


def _cites_after_statement(state: ParagraphState, k: int, said: Said, span: range) -> bool:
    """Is the relay at k a bare وفقا / بحسب, citing someone (not figures), after a comma with
    the source ending the sentence or followed by a comma within a few words (لمصدر طبي), or
    with no comma when the source's name is the sentence's last words (وقتل ثلاثة أشخاص في
    الهجوم بحسب وزارة الصحة)?"""
    if not (state.after_comma(k) or said.subject.end == span.stop) \
            or state.tokens[k].key not in word_set("relay_markers") \
            or state.tokens[k + 1].key in word_set("relay_fillers") \
            or stems(state.tokens[said.subject.first].key) & word_set("document_nouns"):
        return False
    after = said.subject.end
    stop = min(span.stop, after + 5)
    return next((j for j in range(after, stop) if state.after_comma(j)), stop) - after <= 4


def _bare_statement(state: ParagraphState, first: int, k: int) -> bool:
    """Are tokens first … k - 1 a statement of 3 to 80 words, not the writer's aside, with no
    marks, no verb of saying and no quote over them?"""
    if not 3 <= k - first <= 80 or state.tokens[first].key in word_set("reporter_formulas"):
        return False
    if any(j in state.inside or state.cue_at(j) for j in range(first, k)):
        return False
    start, end = state.tokens[first].start, state.tokens[k].start
    for quote in reversed(state.quotes):   # the sentence's own quotes come last
        if quote.end <= start:
            return True
        if quote.start < end:
            return False
    return True


def document_clause(state: ParagraphState, span: range) -> None:
    """وجاء في البيان أن "…" / وورد في تقرير للوزارة أن …: the document's words, spoken by
    whoever issued it (named with it, or else the latest source)."""
    for k in range(span.start, span.stop - 3):
        key = state.tokens[k].key.removeprefix("و")
        doc = k + 2
        if key not in pattern_words("document_says") or state.tokens[k + 1].key != "في" \
                or not stems(state.tokens[doc].key) & word_set("document_nouns"):
            continue
        issuer = publisher(state, doc, span)
        said = Said(state.book.add(issuer) if issuer else state.book.latest(), issuer, "the document's issuer")
        for j in range(doc + 1, min(span.stop, doc + 10)):
            if state.cue_at(j):
                break   # وجاء في البيان الذي تلاه الوزير أنه …: the verb has the clause
            clause = complement_at(state.tokens, j) if j not in state.inside else None
            if clause is not None:   # وجاء في البيان: «إن …»: the marks are a direct quote
                add_clause(state, clause, span, said, state.tokens[k], None)
                break
