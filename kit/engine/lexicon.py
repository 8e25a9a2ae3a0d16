"""Loads the data files under `kit/data/` into lookup tables, normalised once and cached.

The files are the source of truth (a teacher can read and extend them); this module only
turns them into the shapes the engine matches against.
"""
import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .arabic import normalize
from .model import Connotation, EntityType, Gender


def read_text(name: str) -> str:
    return resources.files("kit").joinpath("data").joinpath(name).read_text("utf-8")


def read_json(name: str):
    return json.loads(read_text(name))


def read_tsv(name: str) -> list[dict]:
    """Rows of a tab-separated file with a header line; lines starting with # are comments.

    Quotation marks are text, not CSV quoting: an explanation may start with "a term"."""
    lines = [line for line in read_text(name).splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Normalised given name -> gender (m | f), from `given_names.tsv`."""
    return {normalize(row["name"]): row["gender"] for row in read_tsv("given_names.tsv")}


@dataclass(frozen=True, slots=True)
class Cue:
    """One written form of a reporting verb."""
    lemma: str
    gloss: str
    connotation: Connotation
    takes_clause: bool      # can introduce an indirect-speech clause (قال إن...)
    gender: Gender          # "": first person or unknown
    participle: bool        # قائلا، مضيفا: circumstantial, subject carried from the clause


# Suffixes and prefixes that make the conjugations of a verb from its stems, with the gender
# and number they mark.
# The dual -ا is left out: طالبا، ذاكرا read far more often as participles or nouns.
_PAST = (("", "m"), ("ت", "f"), ("وا", "pl"), ("تا", "f"), ("ن", "pl"))
_PRESENT = (("ي", "", "m"), ("ت", "", "f"), ("ي", "ون", "pl"), ("ت", "ون", "pl"),
            ("ي", "ان", "m"), ("ت", "ان", "f"), ("ن", "", ""), ("أ", "", ""))
# No nominative -ون: مراقبون، متابعون are nouns (the subject), not circumstantial participles.
_PARTICIPLE = (("ا", "m"), ("ة", "f"), ("ين", "pl"), ("ات", "f"))


def _forms(row: dict):
    # "-" leaves a tense out: بيّن's past and present (بين، تبين) are read far more often as
    # "between" and "it turned out"; only its participle (مبينا) reports speech.
    if row["past"] != "-":
        for suffix, gender in _PAST:
            yield row["past"] + suffix, gender, False
    if row["present"] != "-":
        for prefix, suffix, gender in _PRESENT:
            yield prefix + row["present"] + suffix, gender, False
    # The bare participle is left out on purpose: مصر (Egypt), مقر (seat) are nouns. "-" means
    # none at all: كاتبة، سائلا are far more often nouns than "writing", "asking".
    if row["participle"] == "-":
        return
    for suffix, gender in _PARTICIPLE:
        yield row["participle"] + suffix, gender, True


def _gender_of_ending(form: str) -> Gender:
    return "pl" if form.endswith("وا") else "f" if form.endswith("ت") else "m"


@lru_cache(maxsize=1)
def cue_forms() -> dict[str, Cue]:
    """Every conjugated form of every reporting verb, keyed by its normalised spelling."""
    table: dict[str, Cue] = {}
    for row in read_tsv("cue_verbs.tsv"):
        base = dict(lemma=row["lemma"], gloss=row["gloss"], connotation=row["connotation"],
                    takes_clause=row["takes_clause"] == "yes")
        # Irregular forms: gender read off the ending; an -ا ending (نافيا) is a participle.
        extras = [(w, _gender_of_ending(w), w.endswith("يا")) for w in row["extra"].split()]
        for form, gender, participle in [*_forms(row), *extras]:
            table.setdefault(normalize(form), Cue(gender=gender, participle=participle, **base))
    return table


@lru_cache(maxsize=1)
def quote_patterns() -> dict[str, dict]:
    """The rows of `quote_patterns.tsv` by rule name: each rule's words, shape and example."""
    return {row["rule"]: row for row in read_tsv("quote_patterns.tsv")}


@lru_cache(maxsize=None)
def pattern_words(rule: str) -> frozenset:
    """The normalised words a pattern rule reads (its `words` column)."""
    return frozenset(normalize(w) for w in quote_patterns()[rule]["words"].split())


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset]:
    """The closed word lists of `attribution_words.json`, each as a set of normalised phrases."""
    raw = read_json("attribution_words.json")
    return {key: frozenset(normalize(w) for w in value)
            for key, value in raw.items() if isinstance(value, list)}


def word_set(name: str) -> frozenset:
    return words()[name]


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    en: str
    type: EntityType
    gender: Gender
    side: str
    variants: tuple[str, ...]


@lru_cache(maxsize=1)
def gazetteer() -> tuple[Entity, ...]:
    return tuple(Entity(id=e["id"], en=e["en"], type=e["type"], gender=e.get("gender", ""),
                        side=e.get("side", ""), variants=tuple(e["variants"]))
                 for e in read_json("gazetteer.json")["entities"])


@lru_cache(maxsize=1)
def gazetteer_index() -> dict[str, list[tuple[tuple[str, ...], Entity]]]:
    """Variants keyed by their first normalised word, longest variant first."""
    index: dict[str, list] = {}
    for entity in gazetteer():
        for variant in entity.variants:
            keys = tuple(normalize(w) for w in variant.split())
            index.setdefault(keys[0], []).append((keys, entity))
    for entries in index.values():
        entries.sort(key=lambda item: -len(item[0]))
    return index
