"""What kind of source a teacher counts (official, expert or analyst, witness or citizen, named
person, anonymous, organisation, media outlet) and the speaker's gender in words, from what the
engine found about a source. The words that make a title official, expert or witness are in
`kit/data/source_categories.tsv`.

>>> category("person", ("وزير الخارجية الأمريكي",))
'official'
>>> category("person", ())
'named person'
>>> gender_label("f")
'female'
"""
from functools import lru_cache

from .arabic import normalize
from .lexicon import read_tsv

_BY_TYPE = {"media": "media outlet", "body": "organisation", "anonymous": "anonymous",
            "group": "witness or citizen", "official": "official", "place": "organisation"}
_GENDERS = {"m": "male", "f": "female"}


@lru_cache(maxsize=1)
def _categories() -> tuple[tuple[str, frozenset], ...]:
    return tuple((row["category"], frozenset(normalize(w) for w in row["words"].split()))
                 for row in read_tsv("source_categories.tsv"))


def category(source_type: str, roles: tuple[str, ...]) -> str:
    """The first category of the table whose words open one of the titles, else one by type."""
    firsts = {normalize(part).split()[0] for role in roles for part in role.split("، ") if part.strip()}
    # ووزير، والخبير: the word with and without a conjunction, with and without the article
    readings = firsts | {w[1:] for w in firsts if w[:1] in "وف"}
    readings |= {w.removeprefix("ال") for w in readings}
    for name, words in _categories():
        if readings & words:
            return name
    return _BY_TYPE.get(source_type, "named person")


def gender_label(gender: str, source_type: str = "person") -> str:
    """"male", "female" or "unknown" for a person (a plural or unknown speaker is "unknown");
    always "unknown" for an outlet, a body or a group, whose gender is only grammar."""
    return _GENDERS.get(gender, "unknown") if source_type in ("person", "official") else "unknown"
