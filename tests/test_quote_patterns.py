"""Every row of `kit/data/quote_patterns.tsv` is a rule with an example written for the kit:
the example, read after its context sentence, yields the quote (kind, text, speaker) the row
says, or no quote over those words when the kind is "none"."""
import pytest

import kit
from kit.engine.lexicon import quote_patterns

ROWS = quote_patterns()


def test_rows_are_complete():
    assert len(ROWS) >= 15
    for name, row in ROWS.items():
        assert row["shape"] and row["example"] and row["kind"] in ("direct", "partial", "indirect", "none"), name
        assert row["quote"] in row["example"], name


@pytest.mark.parametrize("name", ROWS)
def test_pattern_example(name):
    row = ROWS[name]
    context = row["context"] + "\n" if row["context"] else ""
    analysis = kit.analyze(text=context + row["example"])
    offset = len(context)
    found = [(q.kind, q.text, q.speaker_ar) for q in analysis.quotes if q.start >= offset]
    if row["kind"] == "none":
        assert all(row["quote"] not in text for _, text, _ in found), found
        return
    speaker = None if row["speaker"] == "-" else row["speaker"]
    assert (row["kind"], row["quote"], speaker) in found, found
