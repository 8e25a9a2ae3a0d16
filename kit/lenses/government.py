"""What a reporting verb governs: the words that bring in the reported clause after it, as the
verb table gives them (`data/cue_verbs.tsv`, column `government`: إن، أن، بأن، على أن، إلى أن،
من أن; ":" for a quotation; "-" for none), and its participle (column `participle`).

`complement_for(tail, old, new)` rewrites the words after a verb when the verb changes, so the
sentence stays correct Arabic:

    >>> rows = {"قال": {"government": "إن", "participle": "قائل"},
    ...         "أصر": {"government": "على أن", "participle": "مصر"}}
    >>> complement_for(" نتنياهو على أن الطريقة الوحيدة", rows["أصر"], rows["قال"])
    ' نتنياهو إن الطريقة الوحيدة'
    >>> complement_for(" بلينكن إنه يرى", rows["قال"], rows["أصر"])
    ' بلينكن على أنه يرى'
    >>> complement_for(' بصراحة قائلا "لا يمكن"', {"government": "من أن"}, rows["قال"])
    ' بصراحة: "لا يمكن"'

Limits: the clause word is looked for among the first eight words after the verb, before any
colon or quotation mark (further on, an أن belongs to something else); a verb whose clause is
a quotation (":") or that takes none ("-") leaves the words as they are. Only the participle
of the new verb itself is dropped (قال ... قائلا), not a different one (حذر ... قائلا stays);
a quotation right after it then gets the colon that قال needs.

When no clause follows, a verb may govern a plain noun object (column `object`: "direct", or a
preposition; "-" for none). `noun_object(tail, row)` says which kind the words after a verb
use, so that a verb is only swapped for one that governs the same kind (كشفت الصحيفة حجم
الخلافات can become ذكرت or نقلت, never قالت):

    >>> kashf = {"government": "أن", "object": "direct|عن"}
    >>> noun_object(' صحيفة "فايننشال تايمز" حجم الخلافات', kashf)
    'direct'
    >>> noun_object(" الصحيفة عن حجم الخلافات", kashf)
    'عن'
    >>> noun_object(" الصحيفة أن الخلافات عميقة", kashf) is None      # a clause, not a noun
    True
    >>> object_forms({"object": "-"})
    set()

A preposition is looked for in the same window as a clause word; ب only before ال (بالجهود),
since a word starting with ب is usually not one (بين، بلينكن).
"""
import re

_PRONOUN = r"(?:ه|ها|هم|هما|هن|نا|ني|ك|كم)?"
_WINDOW_WORDS = 8
_STOP = re.compile(r"[:«\"“”]")
_GOVERNING = ("إن", "أن", "بأن", "على أن", "إلى أن", "من أن")
OBJECTS = ("direct", "عن", "على", "إلى", "ب", "من")


def _pattern(government: str) -> re.Pattern:
    """The government as written in articles: أن/إن also without hamza, a pronoun attached."""
    *front, particle = government.split()
    letters = particle[:-2] + "[أإا]ن"          # بأن -> ب[أإا]ن ; أن/إن -> [أإا]ن
    words = [re.escape(w) for w in front] + [letters + _PRONOUN]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")


def _window(tail: str) -> int:
    """Where the search for the clause word ends: a stop mark or the eighth word."""
    stop = _STOP.search(tail)
    words = list(re.finditer(r"\S+", tail))
    end = words[_WINDOW_WORDS - 1].end() if len(words) >= _WINDOW_WORDS else len(tail)
    return min(end, stop.start() if stop else len(tail))


def regovern(tail: str, old: str, new: str) -> str:
    """`tail` with the first clause word of `old` (in the window) written as `new` requires."""
    if old == new or old not in _GOVERNING or new not in _GOVERNING:
        return tail
    found = _pattern(old).search(tail, 0, _window(tail))
    if not found:
        return tail
    pronoun = re.search(_PRONOUN + r"$", found.group()).group()
    return tail[:found.start()] + new + pronoun + tail[found.end():]


def drop_own_participle(tail: str, participle: str) -> str:
    """`tail` without the verb's own participle (قائلا after قال) among its first words."""
    if not participle or participle == "-":
        return tail
    own = re.compile(r"\s+" + re.escape(participle) + r"(?:ا|ة|ين|ون|ات)(?!\w)")
    found = own.search(tail, 0, _window(tail))
    if not found:
        return tail
    rest = tail[found.end():]
    colon = ":" if re.match(r"\s*[«\"“]", rest) else ""   # قال بصراحة: "..."
    return tail[:found.start()] + colon + rest


def complement_for(tail: str, old: dict, new: dict) -> str:
    """The words after a verb (`tail`) as they must read after the verb `old` (a row of the
    verb table) is replaced by `new`."""
    tail = drop_own_participle(tail, new.get("participle", ""))
    return regovern(tail, old.get("government", "-"), new.get("government", "-"))


def object_forms(row: dict) -> set[str]:
    """The kinds of noun object the verb (a row of the verb table) takes: "direct", prepositions."""
    value = row.get("object", "-")
    return set() if value == "-" else set(value.split("|"))


def _preposition(preposition: str) -> re.Pattern:
    return re.compile(r"(?<!\w)ب(?=ال)" if preposition == "ب" else r"(?<!\w)" + preposition + r"(?!\w)")


def noun_object(tail: str, row: dict) -> str | None:
    """The kind of noun object the words after the verb `row` use, or None: the verb takes none,
    or a clause word of the verb follows it (then `complement_for` rewrites that clause)."""
    forms, end = object_forms(row), _window(tail)
    government = row.get("government", "-")
    if not forms or (government in _GOVERNING and _pattern(government).search(tail, 0, end)):
        return None
    found = [p for p in OBJECTS[1:] if p in forms and _preposition(p).search(tail, 0, end)]
    if found:
        return found[0]
    return "direct" if "direct" in forms else None
