"""Interviews printed as question and answer lines: «حوار مع وزير الزراعة فلان» names the
guest; a paragraph that opens with «ج:» or «جواب:» is the guest's own words, one direct quote
(the journalist's «س:» / «سؤال:» lines are no one's quote). The words of both rules are rows
of `kit/data/quote_patterns.tsv` (`interview_guest`, `interview_answer`).

Plain functions of the paragraph's `ParagraphState`: its tokens and source book.
"""
from .clauses import attach
from .lexicon import pattern_words
from .reading_state import Draft, ParagraphState, Said
from .subjects import gap


def introduce_guest(state: ParagraphState, span: range) -> None:
    """حوار مع / مقابلة مع + someone: the guest the answer lines belong to."""
    for k in range(span.start, span.stop - 2):
        if state.tokens[k].key in pattern_words("interview_guest") and state.tokens[k + 1].key == "مع":
            subject = state.subject_at(k + 2, state.subject_limit(k + 1, span))
            if subject:
                state.book.guest = state.book.add(subject)
            return


def read_answer(state: ParagraphState) -> bool:
    """Is the paragraph a question or answer line («س: …» / «ج: …»)? An answer is one direct
    quote of the guest (or of the latest speaker when the article named no guest); a question
    is the journalist's, no one's quote. Nothing else is read in either: the words before the
    colon name no one, and the verbs after it are the speaker's own words."""
    tokens = state.tokens
    if len(tokens) < 2 or ":" not in gap(state.text, tokens, 0):
        return False
    if tokens[0].key in pattern_words("interview_question"):
        return True
    if tokens[0].key not in pattern_words("interview_answer"):
        return False
    draft = Draft(tokens[1].start, tokens[-1].end, "direct", state.paragraph.index)
    source_id = state.book.guest or state.book.latest()
    attach(state, draft, Said(source_id, None, "the interview's guest" if source_id else ""), None)
    state.add_quote(draft)
    return True
