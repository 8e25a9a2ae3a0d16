"""Making a label read correctly in matplotlib: joined Arabic letters, right-to-left.

Arabic letters change shape with their neighbours (initial, medial, final, isolated) and a
line of Arabic is laid out right to left. Whether matplotlib does that itself depends on its
version:

* matplotlib >= 3.11 lays text out with libraqm, which shapes and orders Arabic. Give it the
  plain string. Reshaping and reordering it first would make matplotlib reverse it again,
  so the word comes out backwards.
* Older matplotlib draws one glyph per character, left to right: the letters come out
  unjoined and in the wrong order. There the string must be converted first into
  presentation forms (`arabic_reshaper.reshape`) in visual order (`bidi.get_display`).

A label mixing the two scripts also needs its base direction: libraqm (and python-bidi) take
it from the label's first letter, so on an English chart «كشفت» (reveal) would be laid out as
a right-to-left line, its parts in reverse order. `plot_text` gives such a label the chart's
direction (a left-to-right or right-to-left mark in front, or python-bidi's `base_dir`) when
its first letter has the other one.

`plot_text` picks the right path. Use it only at the plotting edge, on the exact string
handed to matplotlib: the converted string is for drawing, not for reading, searching,
storing or HTML (browsers shape Arabic themselves). `arabic_reshaper` also drops diacritics
(tashkeel) by default, so the old path loses them; the new path keeps them when the font
has the marks.
"""
import unicodedata
from functools import lru_cache

import matplotlib.ft2font

from ..course.i18n import direction, get_language

_MARK = {"ltr": "\u200e", "rtl": "\u200f"}      # LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK


@lru_cache(maxsize=1)
def matplotlib_shapes_arabic() -> bool:
    """True when the installed matplotlib shapes and orders Arabic itself (libraqm, >= 3.11).

    Cached: the answer cannot change while the process runs.
    """
    return hasattr(matplotlib.ft2font, "__libraqm_version__")


def _reshape_and_reorder(s: str, base: str | None = None) -> str:
    import arabic_reshaper

    try:  # python-bidi >= 0.5
        from bidi import get_display
    except ImportError:  # python-bidi 0.4
        from bidi.algorithm import get_display
    reshaped = arabic_reshaper.reshape(s)
    return get_display(reshaped, base_dir=base) if base else get_display(reshaped)


def first_direction(s: str) -> str | None:
    """"ltr" or "rtl": the direction of the first letter of `s` (None: no letter)."""
    for c in s:
        kind = unicodedata.bidirectional(c)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return None


def plot_text(s: str, lang: str | None = None) -> str:
    """`s` as it must be handed to matplotlib so that it reads correctly on a chart in `lang`
    (default: the interface language).

    Returns `s` unchanged when matplotlib shapes Arabic itself and the first letter of `s`
    runs the chart's way; a label whose first letter runs the other way gets a direction mark
    in front. For older matplotlib it returns the reshaped, visually ordered copy (without
    diacritics). Harmless on Latin text and digits. `$` is escaped, so a name with two of them
    is not typeset as mathematics. Never use the result outside matplotlib (HTML, files,
    comparisons).
    """
    way = direction(lang or get_language())
    turn = first_direction(s) not in (None, way)
    if s and not matplotlib_shapes_arabic():
        s = _reshape_and_reorder(s, ("L" if way == "ltr" else "R") if turn else None)
    elif turn:
        s = _MARK[way] + s
    return s.replace("$", r"\$")   # a $ is a dollar sign here, never the start of mathematics
