"""Reporting verbs (cues) and the words that open reported speech (إن، أن، بأن...).

>>> from .arabic import tokenize
>>> [cue_of(t).lemma for t in tokenize("وأضافت قائلة ويقولون")]
['أضاف', 'قال', 'قال']
>>> complement_at(tokenize("أصر على أن الطريق"), 1)
3
"""
from functools import lru_cache

from .arabic import Token, ends_with_ta_marbuta, normalize, verb_stems
from .lexicon import Cue, cue_forms, read_tsv, word_set


def cue_of(token: Token) -> Cue | None:
    """The reporting verb a token is a form of, if any (clitics و/ف and object pronouns allowed)."""
    return _cue_of_key(token.key, not ends_with_ta_marbuta(token.text))


@lru_cache(maxsize=65536)
def _cue_of_key(key: str, bare_ha: bool) -> Cue | None:
    if key in word_set("nouns_not_cues"):   # أبرزها "the most notable of them", نصف "half"
        return None
    forms = cue_forms()
    for stem in sorted(verb_stems(key, bare_ha), key=len, reverse=True):
        if stem in forms:
            return forms[stem]
    return None


def verb_of_saying_at(text: str, tokens: list[Token], k: int) -> Cue | None:
    """The verb of saying token k is, read alone (`cue_of`) or, for a clause-only form, with
    the words around it (`clause_only_cue`)."""
    return cue_of(tokens[k]) or clause_only_cue(text, tokens, k)


def clause_only_cue(text: str, tokens: list[Token], k: int) -> Cue | None:
    """وبين الوزير أن… / عبر المدرب، …، عن رضاه: a form that reads far more often as something
    else (وبين "and between", عبر "via") is a verb of saying only when it opens a sentence or
    follows a comma and, within a few words and before another verb or the sentence end, إن/أن
    follows (a verb that takes a clause) or the preposition of its object (clause_only_cues of
    attribution_words.json; the verb's row in cue_verbs.tsv)."""
    found = _clause_only_forms().get(tokens[k].key)
    if found is None or (k > 0 and not set(text[tokens[k - 1].end:tokens[k].start]) & _CLAUSE_BREAKS):
        return None
    cue, objects = found
    for m in range(k + 1, min(len(tokens), k + 10)):
        if (cue.takes_clause and is_complementizer(tokens[m])) or tokens[m].key in objects:
            return cue
        if cue_of(tokens[m]) or set(text[tokens[m - 1].end:tokens[m].start]) & _SENTENCE_BREAKS:
            return None
    return None


_CLAUSE_BREAKS = set(".،,؛;!?؟:\n")
_SENTENCE_BREAKS = set(".؛;!?؟:\n")


@lru_cache(maxsize=1)
def _clause_only_forms() -> dict[str, tuple[Cue, frozenset]]:
    """The forms of clause_only_cues with their verb (the row whose lemma they are, with و and
    a feminine ت taken off: وبينت -> بيّن) and the prepositions its object takes."""
    rows = {normalize(row["lemma"]): row for row in read_tsv("cue_verbs.tsv")}
    table = {}
    for form in word_set("clause_only_cues"):
        stem = form.removeprefix("و")
        gender = "f" if stem.endswith("ت") and stem[:-1] in rows else "m"
        row = rows.get(stem[:-1] if gender == "f" else stem)
        if row is not None:
            cue = Cue(lemma=row["lemma"], gloss=row["gloss"], connotation=row["connotation"],
                      takes_clause=row["takes_clause"] == "yes", gender=gender, participle=False)
            table[form] = (cue, frozenset(normalize(w) for w in row["object"].split("|") if w not in ("direct", "-")))
    return table


def joined_cue(token: Token) -> bool:
    """Is the token a verb of saying joined to what comes before by و or ف (وقال، فأضافت)?"""
    return token.key[:1] in "وف" and _cue_of_key(token.key[1:], not ends_with_ta_marbuta(token.text)) is not None


def is_complementizer(token: Token) -> bool:
    return _is_complementizer_key(token.key)


@lru_cache(maxsize=65536)
def _is_complementizer_key(key: str) -> bool:
    return key in word_set("complementizers") or (key[:1] in "وف" and key[1:] in word_set("complementizers"))


def complement_at(tokens: list[Token], i: int) -> int | None:
    """If tokens[i] opens a reported clause (إنه، أن، على أن، إلى أن...), the index of the clause's
    first token."""
    if i < len(tokens) and is_complementizer(tokens[i]):
        return i + 1
    if (i + 1 < len(tokens) and tokens[i].key in word_set("clause_prepositions")
            and is_complementizer(tokens[i + 1])):
        return i + 2
    return None
