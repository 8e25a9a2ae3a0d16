"""Reporting verbs: each verb's category and what it implies, in English and Arabic.

`data/cue_verbs.tsv` is the one table of reporting verbs. The engine reads its forms and
category; this module reads the rest (what each verb implies, how a clause follows it), and
the lens's explanations, the charts' categories, the notebook 04 table, the reframe lab and
the exercise keys all come from it (tests/test_teaching_content.py checks they agree).

The kit's five categories:
neutral (says that words were said), assertive (presents them as firm, certain or true),
doubting (the writer keeps a distance: the words may be untrue), critical (makes the words a
stand against someone) and evaluative (presents them as the speaker's view or judgement).
A verb's category is a tendency, not a verdict: context can change it.
"""
from dataclasses import dataclass
from functools import lru_cache

from ..engine.lexicon import read_tsv

CATEGORIES = ("neutral", "assertive", "doubting", "critical", "evaluative")
GOVERNMENTS = ("إن", "أن", "بأن", "على أن", "إلى أن", "من أن", ":", "-")


@dataclass(frozen=True, slots=True)
class Verb:
    lemma: str
    gloss: str
    category: str
    government: str     # how a clause follows the verb: one of GOVERNMENTS ("-": no clause)
    participle: str     # the stem of its participle (قائل), "-" when it has none in news use
    implies_en: str
    implies_ar: str

    def implies(self, lang: str) -> str:
        return self.implies_ar if lang == "ar" else self.implies_en


@lru_cache(maxsize=1)
def verb_table() -> dict[str, Verb]:
    """Every reporting verb of `data/cue_verbs.tsv`, keyed by lemma, in the table's order."""
    return {row["lemma"]: Verb(row["lemma"], row["gloss"], row["connotation"], row["government"],
                               row["participle"], row["implies_en"], row["implies_ar"])
            for row in read_tsv("cue_verbs.tsv")}


def by_category() -> dict[str, list[Verb]]:
    """The verbs of each category, in the table's order."""
    groups: dict[str, list[Verb]] = {c: [] for c in CATEGORIES}
    for verb in verb_table().values():
        groups[verb.category].append(verb)
    return groups
