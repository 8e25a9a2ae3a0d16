"""A paragraph of one word is read without the paragraph reader (`kit.engine.lone_words`): the
analysis must be what the reader gives, including who a later verb with no subject refers to."""
import json
import re

import pytest

import kit
from kit.engine import analysis
from conftest import ROOT, SEED


def _words() -> list[str]:
    """Every word of the seed, the samples and the first gold corpus, and a few function words."""
    samples = sorted((ROOT / "seeds" / "samples").glob("*.txt"))
    gold = sorted((ROOT / "tests" / "data" / "dev").glob("*.json"))
    texts = [SEED.read_text("utf-8"), *(p.read_text("utf-8") for p in samples)]
    texts += [json.loads(p.read_text("utf-8")).get("text", "") for p in gold]
    return sorted({w for t in texts for w in re.findall(r"\S+", t)} | {"ب", "و", "أما", "إن", "الوزيرة"})


def _article(words: list[str]) -> str:
    parts = ["قال الوزير أحمد سالم إن الحل قريب.", "وقالت الوزيرة فاطمة علي إن الأمر مهم."]
    for word in words:
        parts += [word, "وأضاف أن الأمر مهم.", "وتابعت أن الأمر مهم."]
    return "\n\n".join(parts)


def test_a_one_word_paragraph_introduces_the_speaker_of_a_later_verb():
    a = kit.analyze(text="قال الوزير أحمد سالم إن الحل قريب.\n\nنتنياهو\n\nوأضاف أن الأمر مهم.")
    assert [(q.text, q.speaker) for q in a.quotes] == [
        ("الحل قريب", "أحمد سالم"), ("الأمر مهم", "Benjamin Netanyahu")]


def test_a_known_surname_alone_makes_its_source_the_latest():
    a = kit.analyze(text="قال الوزير أحمد سالم إن الحل قريب.\n\nوقال خالد منصور إن الأمر مهم.\n\n"
                         "سالم\n\nوأضاف أن الموعد قريب.")
    assert [q.speaker for q in a.quotes] == ["أحمد سالم", "خالد منصور", "أحمد سالم"]


def test_a_surname_alone_written_with_a_shadda_is_the_one_a_later_verb_refers_to():
    a = kit.analyze(text="قال خالد البرغوثي إن الحل قريب.\n\nوقال أحمد سالم إن الأمر مهم.\n\n"
                         "البرغوثيّ\n\nوأضاف أن الموعد قريب.")
    assert [q.speaker for q in a.quotes] == ["خالد البرغوثي", "أحمد سالم", "خالد البرغوثي"]


@pytest.mark.parametrize("chunk", range(4))
def test_every_word_of_the_course_articles_alone_reads_as_the_reader_reads_it(chunk, monkeypatch):
    words = _words()[chunk::4]
    text = _article(words)
    fast = kit.analyze(text=text).to_dict()
    monkeypatch.setattr(analysis, "alone", lambda text, paragraph: None)
    assert fast == kit.analyze(text=text).to_dict()
