"""Parentheses used as quotation marks: «وقالت أرموند (شكرا، صباح الخير يا مصر).»

Some outlets quote between parentheses, but most parentheses hold asides: an age «(43 عاما)»,
a gloss «(محلية)», «(في إشارة إلى…)», «(تصوير: …)». A pair is read as speech only when

- a reporting verb comes earlier in its sentence (at most `LOOKBACK` words before), with no
  إن/أن (بعد أن is a time), quotation mark or sentence end between the verb and the pair;
- the pair holds two words or more and its first is a word, not a number;
- the sentence ends or goes on with a comma or و after it.

A single word in parentheses («كانت (تنويرية)») is never read as a quote. Cost: each pair
looks back at most `LOOKBACK` words, so the whole is linear in the paragraph.
"""
import re
from bisect import bisect_left, bisect_right

from .arabic import Token
from .cues import cue_of, is_complementizer
from .quote_marks import MARKS

LOOKBACK = 30
_PAREN = re.compile(r"\(([^()\n]*)\)")
_ENDS = set(".!?؟؛;\n") | set(MARKS)
_TIMES = ("بعد", "قبل", "منذ")   # بعد أن قدمها: a time, not a reported clause


def paren_pairs(text: str, tokens: list[Token], starts: list[int], span: tuple[int, int],
                marks: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """(open, close) offsets of the parentheses in text[span] that hold speech, outside the
    quotation-mark pairs `marks` (sorted, not overlapping)."""
    mark_opens = [open_ for open_, _ in marks]
    found = []
    for m in _PAREN.finditer(text, *span):
        open_, close = m.start(), m.end() - 1
        n = bisect_right(mark_opens, open_)
        if n and marks[n - 1][1] > open_:
            continue   # inside a quotation
        if _holds_words(tokens, starts, open_, close) and _ends_sentence(text, close, span[1]) \
                and _verb_before(text, tokens, bisect_left(starts, open_)):
            found.append((open_, close))
    return found


def _holds_words(tokens, starts, open_, close) -> bool:
    first, stop = bisect_left(starts, open_), bisect_left(starts, close)
    return stop - first >= 2 and tokens[first].key.isalpha()


def _ends_sentence(text: str, close: int, end: int) -> bool:
    after = text[close + 1:min(end, close + 4)].lstrip(" ")
    return not after or after[0] in ".،,؛;\n" or after[0] == "و"


def _verb_before(text: str, tokens: list[Token], first: int) -> bool:
    """Is there a reporting verb before token `first`, in its sentence, that nothing else
    introduces a clause for?"""
    for k in range(first - 1, max(-1, first - 1 - LOOKBACK), -1):
        gap = text[tokens[k].end:tokens[k + 1].start] if k + 1 < len(tokens) else ""
        if k + 1 < first and set(gap) & _ENDS:
            return False
        if cue_of(tokens[k]):
            return True
        if is_complementizer(tokens[k]) and not (k and tokens[k - 1].key in _TIMES):
            return False
    return False
