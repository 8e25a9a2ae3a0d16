"""Pair quotation marks of every style: "…", “…”, ”…“ (as Arabic keyboards type it), «…»,
„…“, ‹…›. Runs in one pass with a stack, so its cost is linear in the text.

Only the outermost pairs are returned; a quotation nested inside another (a quote within a
quote) belongs to the outer one. Marks left open at the end, and closing marks with no
opening, come back as problems (offset, code) rather than exceptions.

>>> pair_marks('قال "نعم" ثم «لا»', 0, 17)
(((4, 8), (13, 16)), ())
>>> pair_marks('قال "نعم', 0, 8)
((), ((4, 'unclosed_quote'),))
"""
import heapq
import re
from functools import lru_cache

OPEN_ONLY = "«‹„"
CLOSE_ONLY = {"»": "«", "›": "‹"}
# Marks that open or close depending on what is open: the value lists the marks each one
# may close.
AMBIGUOUS = {'"': '"', "＂": "＂", "“": "“”„", "”": "”“"}
MARKS = OPEN_ONLY + "".join(CLOSE_ONLY) + "".join(AMBIGUOUS)
_MARK = re.compile(f"[{re.escape(MARKS)}]")
_NONE: tuple[tuple, tuple] = ((), ())


def pair_marks(text: str, start: int, end: int) -> tuple[tuple[tuple[int, int], ...], tuple]:
    """Outermost (open, close) mark offsets in text[start:end], and the problems found (read
    once per paragraph: the sentence splitter and the paragraph reader both ask)."""
    if _MARK.search(text, start, end) is None:
        return _NONE   # most paragraphs have no quotation mark
    found = _found_in(text)
    if (start, end) not in found:
        found[(start, end)] = _pair_marks(text, start, end)
    return found[(start, end)]


@lru_cache(maxsize=4)
def _found_in(text: str) -> dict:
    return {}   # (start, end) -> pairs and problems, for the few texts being analysed


def _pair_marks(text: str, start: int, end: int) -> tuple[tuple[tuple[int, int], ...], tuple]:
    """The pairing itself, for `pair_marks`.

    A pair counts as outermost when every mark around it was left unclosed, so one stray
    opening mark does not hide the well-formed quotations after it. Nothing is built per mark
    beyond its offset: a text of stray marks costs a list of numbers, not a record each."""
    stack: list[int] = []                   # offsets of the marks open, innermost last
    inner: dict[int, list] = {}             # stack depth -> pairs closed inside that open mark
    outer, strays = [], []
    for m in _MARK.finditer(text, start, end):   # the marks only, not every character
        i, c = m.start(), m.group()
        if _opens(c, text, stack) or _opens_word(text, i, start, end):
            stack.append(i)
        elif c in CLOSE_ONLY and not (stack and text[stack[-1]] == CLOSE_ONLY[c]):
            strays.append(i)
        else:
            inner.pop(len(stack), None)       # pairs inside a closed pair are not outermost
            pair = (stack.pop(), i)
            (inner.setdefault(len(stack), []) if stack else outer).append(pair)
    for pairs in inner.values():              # inside marks left open: outermost after all
        outer.extend(pairs)
    problems = heapq.merge(((i, "stray_closing_quote") for i in strays),
                           ((i, "unclosed_quote") for i in stack))
    return tuple(sorted(outer)), tuple(problems)   # tuples: cached and shared


def _opens(c: str, text: str, stack: list[int]) -> bool:
    """Does the mark c open a quotation? Always «‹„; a mark that may close does so only when it
    can close the innermost open one."""
    return c in OPEN_ONLY or not (c in CLOSE_ONLY or (stack and text[stack[-1]] in AMBIGUOUS[c]))


def _opens_word(text: str, i: int, start: int, end: int) -> bool:
    """A straight mark with a space before it and a letter after it opens a quotation, even
    inside another ("مدير "سي آي إيه" ومستشار…"): a closing mark follows the word it ends."""
    return text[i] in '"＂' and i > start and text[i - 1].isspace() and i + 1 < end \
        and text[i + 1].isalpha()
