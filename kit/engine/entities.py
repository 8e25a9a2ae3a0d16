"""Known entities: find gazetteer names among tokens (proclitics allowed on the first word).

>>> from .arabic import tokenize
>>> tokens = tokenize("وقال بلينكن لنتنياهو")
>>> [match_entity(tokens, i)[1].en for i in (1, 2)]
['Antony Blinken', 'Benjamin Netanyahu']
"""
from functools import lru_cache

from .arabic import Token, stems
from .lexicon import Entity, gazetteer_index


def match_entity(tokens: list[Token], i: int) -> tuple[int, Entity] | None:
    """The longest gazetteer name starting at token i: (index after its last token, entity)."""
    found = _match(tokens, i)
    return found and found[:2]


def proclitic_length(tokens: list[Token], i: int) -> int:
    """How many letters of token i are proclitics in front of a known name (لإسرائيل -> 1)."""
    found = _match(tokens, i)
    return found[2] if found else 0


@lru_cache(maxsize=65536)
def _names_starting(key: str) -> tuple:
    """(stem, name keys, entity) for every gazetteer name a word can start, longest stem first
    (most words start none, and the answer is the same every time the word comes back)."""
    index = gazetteer_index()
    return tuple((stem, keys, entity) for stem in sorted(stems(key), key=len, reverse=True)
                 for keys, entity in index.get(stem, ()))


def _match(tokens, i):
    first = tokens[i].key
    for stem, keys, entity in _names_starting(first):
        end = i + len(keys)
        if end <= len(tokens) and all(tokens[i + k].key == keys[k] for k in range(1, len(keys))):
            return end, entity, len(first) - len(stem)
    return None


def find_mentions(tokens: list[Token]) -> list[tuple[int, int, Entity]]:
    """Every known entity among `tokens`, as (first token, index after last token, entity)."""
    found, i = [], 0
    while i < len(tokens):
        if not _names_starting(tokens[i].key):   # most words start no known name
            i += 1
            continue
        match = match_entity(tokens, i)
        if match:
            found.append((i, match[0], match[1]))
            i = match[0]
        else:
            i += 1
    return found
