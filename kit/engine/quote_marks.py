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
    opening mark does not hide the well-formed quotations after it."""
    stack: list[tuple[int, str]] = []
    parent: dict[int, int | None] = {}      # opening mark -> the opening mark around it
    pairs, problems = [], []
    for m in _MARK.finditer(text, start, end):   # the marks only, not every character
        i, c = m.start(), m.group()
        if _opens(c, stack) or _opens_word(text, i, start, end):
            parent[i] = stack[-1][0] if stack else None
            stack.append((i, c))
        elif c in CLOSE_ONLY and not (stack and stack[-1][1] == CLOSE_ONLY[c]):
            problems.append((i, "stray_closing_quote"))
        else:
            pairs.append((stack.pop()[0], i))
    problems.extend((i, "unclosed_quote") for i, _ in stack)
    return tuple(_outermost(pairs, parent)), tuple(sorted(problems))   # tuples: cached and shared


def _opens(c: str, stack: list[tuple[int, str]]) -> bool:
    """Does the mark c open a quotation? Always «‹„; a mark that may close does so only when it
    can close the innermost open one."""
    return c in OPEN_ONLY or not (c in CLOSE_ONLY or (stack and stack[-1][1] in AMBIGUOUS[c]))


def _opens_word(text: str, i: int, start: int, end: int) -> bool:
    """A straight mark with a space before it and a letter after it opens a quotation, even
    inside another ("مدير "سي آي إيه" ومستشار…"): a closing mark follows the word it ends."""
    return text[i] in '"＂' and i > start and text[i - 1].isspace() and i + 1 < end \
        and text[i + 1].isalpha()


def _outermost(pairs: list[tuple[int, int]], parent: dict[int, int | None]) -> list[tuple[int, int]]:
    """The pairs with no closed pair around them."""
    closed = {open_ for open_, _ in pairs}
    # Openers come in text order, so each one's parent is settled before it.
    all_open_around: dict[int, bool] = {}
    for opener, up in parent.items():
        all_open_around[opener] = opener not in closed and (up is None or all_open_around[up])
    return [p for p in pairs if parent[p[0]] is None or all_open_around[parent[p[0]]]]
