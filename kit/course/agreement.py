"""How far coders agree on nominal codes (e.g. the dominant frame of each paragraph).

- `cohen_kappa(a, b)`: two coders of the same items (Cohen 1960).
- `krippendorff_alpha(units)`: any number of coders, some items left uncoded by some coders
  (Krippendorff 2004, *Content Analysis*, ch. 11; nominal metric). A class of students where
  not everyone coded every paragraph is exactly this case; Fleiss' kappa would need every
  student to code every paragraph.
- `disagreement(codes)`: one item's share of coder pairs that disagree.

Limits: nominal codes only (a frame is not "more" than another); alpha counts only items
coded by at least two coders (`pairable`), as the method says.
"""
from collections import Counter
from collections.abc import Iterable, Sequence


def cohen_kappa(a: list, b: list) -> float | None:
    """Cohen's kappa for two coders' labels of the same items (Cohen 1960):
    kappa = (p_o - p_e) / (1 - p_e), p_o the observed agreement, p_e the agreement expected by
    chance from each coder's own label frequencies.

    None when it is undefined: no items, or chance agreement 1 (both coders used one and the
    same label for every item, so kappa is 0/0; percent agreement still says they agree).

    >>> cohen_kappa(["y"] * 20 + ["y"] * 5 + ["n"] * 10 + ["n"] * 15,
    ...             ["y"] * 20 + ["n"] * 5 + ["y"] * 10 + ["n"] * 15)
    0.4
    """
    if len(a) != len(b):
        raise ValueError("both coders must label the same items")
    n = len(a)
    if not n:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    chance = sum((a.count(label) / n) * (b.count(label) / n) for label in set(a) | set(b))
    if chance == 1:
        return None
    return round((observed - chance) / (1 - chance), 10)


def krippendorff_alpha(units: Iterable[Sequence]) -> float | None:
    """Krippendorff's alpha, nominal, for `units`: per item, the codes the coders gave it
    (leave out, or give None for, a coder who did not code it).

    alpha = 1 - (n - 1) * (n - sum_c o_cc) / (n^2 - sum_c n_c^2), with o_cc the coincidences
    of code c with itself (each item's pairs weighted by 1 / (m_u - 1), m_u its codes) and
    n_c how often c was pairable. None when undefined: fewer than two pairable codes, or one
    code only (no variation: expected disagreement 0).

    >>> round(krippendorff_alpha([["a", "a"], ["b", "b"], ["a", "b"]]), 4)
    0.4444
    """
    totals: Counter = Counter()
    matching = 0.0
    for unit in units:
        counts = Counter(code for code in unit if code is not None)
        m = sum(counts.values())
        if m < 2:
            continue
        totals.update(counts)
        matching += sum(k * (k - 1) for k in counts.values()) / (m - 1)
    n = sum(totals.values())
    expected = n * n - sum(k * k for k in totals.values())
    if n < 2 or not expected:
        return None
    return round(1 - (n - 1) * (n - matching) / expected, 10)


def pairable(units: Iterable[Sequence]) -> int:
    """How many items at least two coders coded (the items alpha is computed on)."""
    return sum(1 for unit in units if sum(code is not None for code in unit) >= 2)


def disagreement(codes: Sequence) -> float | None:
    """The share of pairs of coders who gave the item different codes (0: all agree);
    None with fewer than two codes."""
    counts = Counter(code for code in codes if code is not None)
    m = sum(counts.values())
    if m < 2:
        return None
    return 1 - sum(k * (k - 1) for k in counts.values()) / (m * (m - 1))
