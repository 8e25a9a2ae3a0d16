"""Recording what a sentence reports: an indirect clause (قال إن ...، ووفقا للصحيفة، فإن ...),
or a verb's object that carries the statement (أعلن ارتفاع عدد…), where it ends (the next
attribution, relay or reporter's gloss after a comma, or the next verb of saying that opens a
statement of its own: a new «قال» starts a new statement), and the speaker and verb each quote is
given (`attach`).
"""
from bisect import bisect_left

from .arabic import Token, normalize, stems
from .model import QuoteKind
from .cues import cue_of, is_complementizer, joined_cue, verb_of_saying_at
from .lexicon import pattern_words, word_set
from .reading_state import RELATIVES, Draft, ParagraphState, Said
from .sources import refers_back
from .subjects import gap, skip_openers


def opens_speech(state: ParagraphState, k: int, span: range) -> bool:
    """Does the verb at k bring in words (إن/أن, a colon or marks before the next comma)?
    ونقلوا إلى مركز استقبال does not."""
    m = k + 2 if k + 1 < span.stop and state.tokens[k + 1].key in ("عن", "علي", "الي") else k + 1
    if m < span.stop and _np_object(state, k, m):
        return True   # …، مؤكدا ضرورة البدء / مشددا على أهمية…: a statement of its own
    for m in range(k + 1, min(span.stop, k + 10)):
        if is_complementizer(state.tokens[m]) or m in state.inside \
                or ":" in gap(state.text, state.tokens, m - 1):
            return True
        if state.after_comma(m):
            return False
    return False


def add_clause(state: ParagraphState, first: int, span: range, said: Said, marker: Token | None,
               cue_k: int | None, kind: QuoteKind = "indirect") -> None:
    """The words from token `first` to the next attribution or the sentence end, as a quote of
    this kind (indirect: a reported clause; direct: words after a colon with no marks)."""
    if first >= span.stop:
        return
    start, end = _clause_start(state, first), _clause_end(state, _clause_stop(state, first, span, cue_k) - 1)
    if start in state.clause_starts:
        return   # بحسب ما نقلته … عن …، فإن: the relay and its verb found the same clause
    state.clause_starts.add(start)
    marked = _whole_in_marks(state, start, end) if _bare_opener(state, first) else None
    if marked:   # أكد أن "الاقتصاد يتعافى": the whole clause in marks is one direct quote
        start, end, kind = marked
    draft = Draft(start, end, kind, state.paragraph.index)
    attach(state, draft, said, cue_k)
    if marker is not None:
        draft.cue, draft.cue_lemma = marker, marker.text.removeprefix("و")
    state.add_quote(draft)


def add_np_complement(state: ParagraphState, k: int, span: range) -> None:
    """أعلن المكتب، مساء السبت، ارتفاع عدد… / مؤكدا الالتزام بدعم…: a verb of the np_complement
    row whose object is a verbal noun carrying the statement (propositional_nouns) reports it
    as an indirect quote, from that noun to the end of the clause. Only within a few words of
    the verb (its subject and a time may stand between), with no إن/أن or marks before it."""
    subject = state.said[k].subject
    j = subject.end if subject is not None and subject.first > k else k + 1
    for m in range(j, min(span.stop, j + 8)):
        if m in state.inside or is_complementizer(state.tokens[m]) or state.cue_at(m) \
                or ":" in gap(state.text, state.tokens, m - 1):
            return
        if _np_object(state, k, m) and _object_place(state, m, j):
            _add_np_and_clause(state, k, m, span)
            return
        if _called_for(state, k, m, span):
            add_clause(state, j, span, state.said[k], None, k)
            return


def _called_for(state: ParagraphState, k: int, m: int, span: range) -> bool:
    """ودعت الوزارة المواطنين إلى الالتزام… / وطالب الوزير المديرين برفع…: a directive verb
    (np_complement_directive) opening its sentence or clause, then whom it addresses and the
    preposition that brings in what it calls for, at token m (إلى، على، or ب on a noun), with
    no في / من … between (ودعت الحكومة في بيان بتحديد…: not whom it addresses)."""
    cue, key = state.cue_at(k), state.tokens[m].key
    if normalize(cue.lemma) not in pattern_words("np_complement_directive") or m + 1 >= span.stop:
        return False
    opens = k == span.start or bool(set(gap(state.text, state.tokens, k - 1)) - {" "}) \
        or joined_cue(state.tokens[k]) or cue.participle   # البلاد نت - طالب الوزير…
    preposition = key in ("الي", "علي") or (key[:1] == "ب" and len(key) > 3 and key not in word_set("name_stops"))
    return opens and preposition and not any(state.tokens[n].key in word_set("name_stops")
                                              for n in range(m - 1, k, -1))


def _add_np_and_clause(state: ParagraphState, k: int, m: int, span: range) -> None:
    """The verbal noun at m as the verb's object, and a «وأن …» clause joined to it as the
    verb's second statement (وأقر بصعوبة الوضع وأن الجهود ستبذل…: two quotes, one speaker)."""
    and_that = next((n for n in range(m + 1, min(span.stop, m + 40)) if state.cue_at(n)
                     or state.tokens[n].key in ("وان", "وبان")), None)
    if and_that is None or state.cue_at(and_that):
        add_clause(state, m, span, state.said[k], None, k)
        return
    add_clause(state, m, range(span.start, and_that), state.said[k], None, k)
    add_clause(state, and_that + 1, span, state.said[k], None, k)


def _np_object(state: ParagraphState, k: int, m: int) -> bool:
    """Is token m a verbal noun carrying the statement of the np_complement verb at k?"""
    key, nouns = state.tokens[m].key, word_set("propositional_nouns")
    return normalize(state.cue_at(k).lemma) in pattern_words("np_complement") \
        and (key in nouns or bool(stems(key) & nouns) and not key.startswith("و"))   # وجود, not وارتفاع


def _object_place(state: ParagraphState, m: int, j: int) -> bool:
    """Can the verb's object start at token m? Right after the verb or its subject (j), after
    a comma (…، في تصريح صحفي، عدم وجود…), a time (مساء السبت، في 18 يناير الجاري) or
    عن / على (أعلنت عن إطلاق…); not inside another noun phrase (إيقاف موظفين في شعبة التسجيل)."""
    if m == j or state.after_comma(m):
        return True
    before = state.tokens[m - 1].key
    return before in word_set("time_words") or before in ("عن", "علي", "الي") or before.isdigit() \
        or (m - 1 > j and state.tokens[m - 2].key in word_set("time_words"))


def _clause_stop(state: ParagraphState, first: int, span: range, cue_k: int | None) -> int:
    """The token after the clause: the next attribution after a comma, or the next verb of
    saying with its own إن/أن or colon (a reported clause is at most 150 words)."""
    limit = _next_statement(state, first, min(span.stop, first + 150))   # first < span.stop
    in_relative = cue_k is not None and cue_k > 0 and state.tokens[cue_k - 1].key in RELATIVES
    for stop in state.commas_between(first + 1, limit):
        if stop not in state.inside and (in_relative or _attribution_at(state, stop, limit)
                                         or _participle_at(state, stop) or _next_act_at(state, stop, cue_k)
                                         or _gloss_at(state, stop, limit)):
            return stop   # فلان، الذي قال إنه غير نادم، قد غادر: a relative clause ends at its comma
    return limit


def _participle_at(state: ParagraphState, k: int) -> bool:
    """…، مطالبا بتنفيذ القرارات / …، داعيا إلى الحوار: a participle of saying after a comma is
    the speaker's next act, not the clause's words, even with no إن/أن after it."""
    cue = state.cue_at(k)
    return cue is not None and cue.participle


def _next_act_at(state: ParagraphState, k: int, cue_k: int | None) -> bool:
    """…، وذكّرت بما جاء في الدستور: a verb of saying joined by و after a comma, agreeing with
    the clause's own verb at `cue_k`, is the speaker's next act, even with no إن/أن of its own
    (…، ونقلوا إلى مركز استقبال: a plural after a singular speaker is the clause's words)."""
    cue, own = state.cue_at(k), state.cue_at(cue_k) if cue_k is not None else None
    return cue is not None and own is not None and not cue.participle \
        and joined_cue(state.tokens[k]) and cue.gender == own.gender


def _gloss_at(state: ParagraphState, k: int, limit: int) -> bool:
    """Does the reporter's own gloss or a relay start at token k, after a comma (…، في ظل
    الجهود المبذولة…، حسبما أفادت قناة…، على ما نقلت «فرانس برس»)? It is no longer the
    speaker's clause."""
    if k + 1 >= limit:
        return False
    key, after = state.tokens[k].key, state.tokens[k + 1].key
    return (key == "في" and after in pattern_words("clause_ends_at_gloss")) or _description_at(state, k) \
        or key in word_set("gloss_starts") \
        or key in word_set("relay_markers") or key.removeprefix("و") in word_set("relay_markers") \
        or (key == "علي" and after in pattern_words("clause_ends_at_relay"))


def _description_at(state: ParagraphState, k: int) -> bool:
    """…، وهو خطوة تهدف إلى… / …، وهي نسبة…: وهو / وهي and an indefinite noun describe what was
    said, in the reporter's words (…، وهو ما قد يفتح الباب / وهو الحد الأقصى may be the speaker's)."""
    after = state.tokens[k + 1]
    return state.tokens[k].key in word_set("gloss_openers") and after.key != "ما" \
        and not after.key.startswith("ال") and not cue_of(after) and after.key.isalpha()


def _next_statement(state: ParagraphState, first: int, limit: int) -> int:
    """The first verb of saying after the clause's first token `first` that opens a statement
    of its own, else `limit` (قال إن X، لكنه أقر بأن Y; قال إن X وقال الوزير إن Y). This also
    bounds how deep clauses nest in text that repeats «قال إن»."""
    for k in range(first + 1, limit - 1):
        if k not in state.inside and state.cue_at(k) and not _clause_verb(state, first, k) \
                and (state.cue_at(k).participle or _introduces_clause(state, k, range(first + 1, limit))):
            but = k - 1 > first and state.tokens[k - 1].key.startswith(("لكن", "ولكن"))
            return k - 1 if but else k   # …، لكنه أقر بأن: «لكنه» opens the new statement
    return limit


def _clause_verb(state: ParagraphState, first: int, k: int) -> bool:
    """Is the verb at k the reported clause's own, after its subject with no comma or و/ف
    (قال إن الرئيس الأميركي أخبره بأنه…: a statement inside the statement, not a new one)?"""
    if not first < k <= first + 6 or joined_cue(state.tokens[k]) or state.after_comma(k) \
            or state.cue_at(k).participle:   # قائلا، مضيفا: never the clause's own verb
        return False
    return not any(state.after_comma(j) or state.cue_at(j) or is_complementizer(state.tokens[j])
                   for j in range(first, k))


def _introduces_clause(state: ParagraphState, k: int, span: range) -> bool:
    """Is the verb at k followed right away by إن/أن or a colon, or by its subject and a bare
    إن/أن (وقال الوزير إن، لكنه حذر من أن، وهي نسبة وصفها متابعون بأنها)?"""
    if k + 1 in state.inside:   # …انتخابات هامة قائلا" نحن…": a participle brings in its own words
        return state.cue_at(k).participle
    if is_complementizer(state.tokens[k + 1]) or ":" in gap(state.text, state.tokens, k):
        return True
    after = state.subject_limit(k, span)
    return after < span.stop and after - k <= 6 \
        and state.tokens[after].key in word_set("complementizers")


def _clause_start(state: ParagraphState, first: int) -> int:
    """The clause's first character, past spaces, a colon (انه :" لا شيء…), a comma or a
    closing mark (أعلنت مجموعة «…» إطلاق…), or a mark around a name."""
    start = state.tokens[first - 1].end
    while state.text[start].isspace() or state.text[start] in ":،,»" or start in state.name_marks:
        start += 1   # …اتصالات "موبايلي"، الإعلان: past the mark closing a name too
    return start


def _bare_opener(state: ParagraphState, first: int) -> bool:
    """Is the word before the clause a bare أن/إن, or followed by a colon? إنه "واثق…": the
    subject is the pronoun outside the marks, so the marks are a partial quote; انه :" لا شيء
    يبرر…": the colon says the marks are his own words."""
    return first == 0 or not state.tokens[first - 1].key.endswith(("ه", "ها", "هم", "نا")) \
        or ":" in gap(state.text, state.tokens, first - 1)


def _whole_in_marks(state: ParagraphState, start: int, end: int) -> tuple[int, int, QuoteKind] | None:
    """When the clause from `start` to `end` is one pair of quotation marks, the span inside
    them as a direct quote; the partial quote read off the same marks is dropped."""
    k = bisect_left(state.pair_opens, start)
    close = state.pairs[k][1] if k < len(state.pairs) and state.pairs[k][0] == start else None
    if close is None or state.text[close + 1:end].strip():
        return None
    state.drop_quotes_at(start + 1, close)
    return start + 1, close, "direct"


def _attribution_at(state: ParagraphState, k: int, limit: int) -> bool:
    """Does a new attribution start at token k (after a comma)? A verb of saying, directly or
    after في حين / فيما / بينما (…، في حين وصف الوزير…)."""
    j = skip_openers(state.tokens, k, limit)
    return j < limit and state.cue_at(j) is not None and opens_speech(state, j, range(k, limit))


def _clause_end(state: ParagraphState, last: int) -> int:
    """The end of a clause's last token, with a closing quotation mark that follows it."""
    end = state.tokens[last].end
    while end < state.paragraph.end and end in state.speech_closes:
        end += 1
    return end


def attach(state: ParagraphState, draft: Draft, said: Said, cue_k: int | None) -> None:
    draft.source_id, draft.how = said.source_id, said.how
    draft.carried = said.subject is None
    if said.via_id:
        draft.via_ids.append(said.via_id)
    if said.source_id:
        entry = state.book.get(said.source_id)
        named = said.subject and not refers_back(said.subject, entry.type)
        draft.speaker_ar = said.subject.name if named else (entry.forms[-1] if entry.forms else entry.name)
        draft.role = (said.subject.role if said.subject else None) \
            or (entry.roles[0] if entry.roles else None)
        state.book.touch(said.source_id)
    cue = None if cue_k is None else verb_of_saying_at(state.text, state.tokens, cue_k)
    if cue is not None:
        if cue.participle:
            cue_k = _finite_verb(state, cue_k)
            cue = cue_of(state.tokens[cue_k])
        draft.cue, draft.cue_lemma = state.tokens[cue_k], cue.lemma


def _finite_verb(state: ParagraphState, k: int) -> int:
    """For وحذر بصراحة قائلا, report the finite verb حذر rather than the participle."""
    if cue_of(state.tokens[k]).participle:
        for j in (k - 1, k - 2):
            if j >= 0 and j not in state.inside and cue_of(state.tokens[j]) \
                    and not cue_of(state.tokens[j]).participle:
                return j
    return k
