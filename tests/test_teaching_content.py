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


# --- Netanyahu spoke Hebrew: Hebrew -> English -> Arabic -------------------------------------

def _pairs():
    from kit.lenses.translations import seed_pairs
    return seed_pairs()


def _cells(lang: str, stem: str) -> list[str]:
    import nbformat
    return [c.source for c in nbformat.read(ROOT / "notebooks" / lang / f"{stem}.ipynb", 4).cells]


def test_who_spoke_which_language():
    spoken = {p["speaker"]: p["language"] for p in _pairs()}
    assert spoken == {"Antony Blinken": "en", "Joe Biden": "en", "Benjamin Netanyahu": "he"}
    for p in _pairs():
        if p["language"] == "he":      # no English original, only renderings that disagree
            assert p["english"] is None and p["place"] == "Jerusalem" and len(p["renderings"]) >= 2
            assert "Hebrew" in p["note_en"] and "العبرية" in p["note_ar"]
    victory = next(p for p in _pairs() if p["arabic"] == "النصر الكامل")
    assert [r["english"] for r in victory["renderings"]] == ["total victory", "complete victory", "absolute victory"]


@pytest.mark.parametrize("lang, hebrew, wrong", [("en", "Hebrew", "Netanyahu spoke English"),
                                                  ("ar", "العبرية", "ونتنياهو تكلموا بالإنجليزية")])
def test_notebook_03_teaches_the_chain_and_shows_every_pair(lang, hebrew, wrong):
    text = "\n".join(_cells(lang, "03_quotes"))
    assert wrong not in text and "Blinken, Biden and Netanyahu spoke English" not in text
    table = next(c for c in _cells(lang, "03_quotes") if c.count("\n|") >= len(_pairs()))
    for p in _pairs():
        row = next(line for line in table.splitlines() if line.startswith(f"| «{p['arabic']}» |"))
        assert (hebrew in row) == (p["language"] == "he"), row
        assert p["note_" + lang] in row
        for r in p.get("renderings", []):
            assert f'"{r["english"]}" ({r["outlet"]})' in row


def test_exercise_and_guide_teach_the_chain():
    from kit.course.exercises import load_exercises
    chain = load_exercises("03_quotes")["chain_victory"]
    assert list(chain.accept) == ["two_steps"]
    assert "Hebrew" in next(o["en"] for o in chain.options if o["id"] == "two_steps")
    guide = (ROOT / "notebooks" / "teacher_guide.md").read_text("utf-8")
    assert "Netanyahu spoke Hebrew" in guide and "تكلم نتنياهو بالعبرية" in guide
