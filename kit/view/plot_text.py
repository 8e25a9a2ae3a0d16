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

`plot_text` picks the right path. Use it only at the plotting edge, on the exact string
handed to matplotlib: the converted string is for drawing, not for reading, searching,
storing or HTML (browsers shape Arabic themselves). `arabic_reshaper` also drops diacritics
(tashkeel) by default, so the old path loses them; the new path keeps them when the font
has the marks.
"""
from functools import lru_cache

import matplotlib.ft2font


@lru_cache(maxsize=1)
def matplotlib_shapes_arabic() -> bool:
    """True when the installed matplotlib shapes and orders Arabic itself (libraqm, >= 3.11).

    Cached: the answer cannot change while the process runs.
    """
    return hasattr(matplotlib.ft2font, "__libraqm_version__")


def _reshape_and_reorder(s: str) -> str:
    import arabic_reshaper

    try:  # python-bidi >= 0.5
        from bidi import get_display
    except ImportError:  # python-bidi 0.4
        from bidi.algorithm import get_display
    return get_display(arabic_reshaper.reshape(s))


def plot_text(s: str) -> str:
    """`s` as it must be handed to matplotlib so that it reads correctly on the chart.

    Returns `s` unchanged when matplotlib shapes Arabic itself; otherwise returns the
    reshaped, visually ordered copy (without diacritics). Harmless on Latin text and
    digits. `$` is escaped, so a name with two of them is not typeset as mathematics.
    Never use the result outside matplotlib (HTML, files, comparisons).
    """
    if s and not matplotlib_shapes_arabic():
        s = _reshape_and_reorder(s)
    return s.replace("$", r"\$")   # a $ is a dollar sign here, never the start of mathematics
