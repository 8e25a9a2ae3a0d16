"""Quotes in translation: the seed's Arabic quotes beside the English words they translate
(`data/seed_translations.json`). Only the seed has such a file; other articles return []."""
from functools import lru_cache

from ..engine.lexicon import read_json
from ..engine.model import Analysis


@lru_cache(maxsize=1)
def seed_pairs() -> list[dict]:
    return read_json("seed_translations.json")["pairs"]


def translated_quotes(analysis: Analysis) -> list[dict]:
    """Each known pair whose Arabic text is a quote of this article (body or related headlines),
    with the quote's offsets added."""
    quotes = {q.text: q for q in (*analysis.quotes, *analysis.boilerplate_quotes)}
    return [{**pair, "start": quotes[pair["arabic"]].start, "end": quotes[pair["arabic"]].end}
            for pair in seed_pairs() if pair["arabic"] in quotes]
