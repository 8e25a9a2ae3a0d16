"""Arabic text utilities: normalisation for matching, tokens with offsets, proclitics.

Matching never rewrites the article: tokens keep their offsets into the ORIGINAL text and
only their `key` (a normalised copy) is compared with the lexicons.

>>> normalize("وأضافـــت")
'واضافت'
>>> normalize("مُؤَكِّدًا")
'موكدا'
>>> sorted(stems(normalize("وللصحيفة")))
['الصحيفه', 'صحيفه', 'لصحيفه', 'للصحيفه', 'وللصحيفه']
"""
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
# Directional formatting characters that can make text display differently from what it is
# ("Trojan Source"). LRM/RLM/ALM are legitimate and are not listed.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"

_LETTER_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
    "ک": "ك", "ی": "ي", "ي": "ي",
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended (Persian) digits
})

# A token: a run of letters/digits plus the marks that may sit inside an Arabic word.
TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d]+")
ARABIC_LETTER = re.compile("[\u0620-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]")


def normalize(text: str) -> str:
    """Fold the spelling variants that should match: hamza/alef forms, alef maqsura/ya,
    ta marbuta/ha, tashkeel, tatweel, presentation forms and Arabic-Indic digits."""
    text = unicodedata.normalize("NFKC", text)
    text = TASHKEEL.sub("", text).replace(TATWEEL, "")
    return text.translate(_LETTER_MAP)


@lru_cache(maxsize=65536)
def ends_with_ta_marbuta(written: str) -> bool:
    """True when a word as written ends in ة (diacritics and tatweel after it ignored): the
    ending normalisation folds into ه, needed to tell إشارة (a noun) from أشار + ه."""
    return TASHKEEL.sub("", written).rstrip(TATWEEL).endswith("ة")


def is_arabic(text: str) -> bool:
    """True when at least a fifth of the letters in `text` are Arabic."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    arabic = sum(1 for c in letters if ARABIC_LETTER.match(c))
    return arabic * 5 >= len(letters)


class Token(NamedTuple):   # a named tuple: an article has hundreds of thousands, made fast
    start: int
    end: int
    text: str   # as written
    key: str    # normalised, for matching


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word tokens of `text[start:end]`, with offsets into `text`."""
    return [Token(m.start(), m.end(), *_spelling(m.group()))
            for m in TOKEN.finditer(text, start, len(text) if end is None else end)]


@lru_cache(maxsize=65536)
def _spelling(word: str) -> tuple[str, str]:
    """The word as first met and its key: words repeat a lot in news text, so each spelling is
    normalised once and its tokens share one copy of it."""
    return word, normalize(word)


CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")


@lru_cache(maxsize=65536)
def stems(key: str) -> frozenset[str]:
    """Every reading of a normalised token with its proclitics (و، ف، ب، ل، ك، ال، لل) removed.

    The token itself is always included, so a word that merely starts with و (وزير) still
    matches as itself."""
    out = {key}
    for form in list(out):
        if len(form) > 2 and form[0] in CONJUNCTIONS:
            out.add(form[1:])
    for form in list(out):
        if len(form) > 3 and form.startswith("لل"):   # ل + ال, alef dropped: للصحيفة
            out.add("ال" + form[2:])
        if len(form) > 2 and form[0] in PREPOSITIONS:
            out.add(form[1:])
    for form in list(out):
        if len(form) > 3 and form.startswith("ال"):
            out.add(form[2:])
    return frozenset(out)


def drop_letters(written: str, count: int) -> str:
    """`written` without its first `count` letters, skipping tashkeel and tatweel as it goes
    (so a proclitic found on the normalised key is cut from the text as written)."""
    i = 0
    while count > 0 and i < len(written):
        if not (TASHKEEL.match(written[i]) or written[i] == TATWEEL):
            count -= 1
        i += 1
    while i < len(written) and (TASHKEEL.match(written[i]) or written[i] == TATWEEL):
        i += 1
    return written[i:]


def without_proclitics(written: str, key: str, stem: str) -> str:
    """The written token reduced to `stem` (one of `stems(key)`): وللصحيفة -> الصحيفة."""
    cut = len(key) - len(stem)
    if stem.startswith("ال") and not key[cut:].startswith("ال"):   # لل + word: the alef was dropped
        return "ال" + drop_letters(written, cut + 2)
    return drop_letters(written, cut)


def verb_stems(key: str, bare_ha: bool = True) -> set[str]:
    """Readings of a verb token: with و/ف removed, ل before a present tense (ليقول), and with an
    object pronoun removed (ووصفها).

    `bare_ha=False` keeps a final ه that was written ة (إشارة is a noun, not أشار + ه)."""
    out = {key}
    if len(key) > 2 and key[0] in CONJUNCTIONS:
        out.add(key[1:])
    for form in list(out):   # ليقول: ل of purpose before a present tense
        if len(form) > 3 and form.startswith(("لي", "لت")):
            out.add(form[1:])
    for form in list(out):
        for suffix in ("هما", "هم", "هن", "ها", "ه") if bare_ha else ("هما", "هم", "هن", "ها"):
            if form.endswith(suffix) and len(form) - len(suffix) >= 2:
                out.add(form[: -len(suffix)])
    return out


def without_possessive(key: str) -> str | None:
    """A normalised noun without its possessive pronoun, ت back to ة (رئيستها -> رئيسه,
    روايته -> روايه, مديرها -> مدير), or None when it has none."""
    for suffix in ("هما", "ها", "هم", "ه"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[:-len(suffix)]
            return stem[:-1] + "ه" if stem.endswith("ت") else stem
    return None

