"""What the course tells students is true and says the same thing everywhere.

The data files, the lenses, the charts, the reframe lab, the exercises and the notebooks of
both editions are checked against one another, and the seed's facts against `seeds/README.md`
(Netanyahu spoke Hebrew; Blinken and Biden English).
"""
from pathlib import Path

import pytest

import kit
from kit.engine.lexicon import read_text, read_tsv
from kit.lenses import highlights as lenses

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6066f5c852812abd.txt"


@pytest.fixture(scope="module")
def seed():
    return kit.analyze(SEED)


# --- loaded words keep their quotation marks -----------------------------------------------

def test_loaded_term_explanations_keep_their_quotation_marks():
    raw = [line.split("\t") for line in read_text("loaded_terms.tsv").splitlines()[1:]]
    rows = read_tsv("loaded_terms.tsv")
    assert [(r["why_en"], r["why_ar"]) for r in rows] == [(cells[4], cells[5]) for cells in raw]
    opening = [r for r in rows if r["why_en"].startswith('"')]
    assert len(opening) >= 20
    assert all(r["why_en"].count('"') % 2 == 0 and r["why_ar"].count('"') % 2 == 0 for r in rows)


def test_the_lens_shows_the_term_in_its_marks(seed):
    chasm = next(h for h in lenses.loaded_term_highlights(seed) if h.text == "والهوة")
    assert chasm.why_en.startswith('"Chasm" pictures')
    assert chasm.why_ar.startswith('"الهوة" تصوّر')
