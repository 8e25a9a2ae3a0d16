"""Lenses and voices on the seed: exact spans and counts."""
import pytest

import kit
from kit.lenses import highlights as lenses, voices
from kit.lenses.translations import translated_quotes
from conftest import SEED


@pytest.fixture(scope="module")
def analysis():
    return kit.analyze(SEED)


def test_every_highlight_points_into_the_original_text(analysis):
    highlights = lenses.all_highlights(analysis)
    assert len(highlights) > 80
    for h in highlights:
        assert analysis.text[h.start:h.end] == h.text
        assert h.why_en and h.why_ar and h.label_en and h.label_ar


def test_explanations_do_not_repeat_their_label(analysis):
    """The tooltip and the explorer show "label: why"; a why that opens with its label reads
    "Direct quote: Direct quote: …"."""
    found = lenses.all_highlights(analysis, tuple(lenses.LENSES))
    assert {h.lens for h in found} == set(lenses.LENSES)
    for h in found:
        for label, why in ((h.label_en, h.why_en), (h.label_ar, h.why_ar)):
            assert not why.startswith(label) and f"{label}:" not in why, h
    said = next(h for h in found if h.lens == "quotes" and h.text.startswith("تعكس هذه الرحلة"))
    assert said.why_en == "Speaker: Aaron David Miller; verb: «وقال», relayed through Financial Times."


def test_reporting_verbs_by_connotation(analysis):
    found = [(h.text, h.category) for h in lenses.reporting_verb_highlights(analysis)]
    assert ("رفض", "critical") in found and ("وحذر", "critical") in found
    assert ("أصر", "assertive") in found and ("ووصفها", "evaluative") in found
    assert not any(text in ("إشارة", "دعا", "كشف") for text, _ in found)  # noun, relative clauses


def test_loaded_terms_and_terminology(analysis):
    found = {(h.text, h.category) for h in lenses.loaded_term_highlights(analysis)}
    assert {("والهوة", "loaded"), ("الاختلاف الصارخ", "loaded"), ("مزرية", "loaded"),
            ("اليمين المتطرف", "loaded"), ("المحتجزين", "terminology"), ("أسير", "terminology"),
            ("الأسرى", "terminology")} <= found


def test_numbers_and_who_asserts_them(analysis):
    claims = [(h.text, who) for h, who in lenses.number_claims(analysis)]
    assert claims == [("ما يقرب من 130", None), ("135", "Antony Blinken"),
                      ("ما لا يقل عن 1500", "Antony Blinken"), ("أكثر من مليون", None)]


def test_frame_scores_per_paragraph(analysis):
    scores = lenses.frame_scores(analysis)
    assert len(scores) == len(analysis.paragraphs)
    assert scores[0]["conflict"] >= 2          # الخلافات، الهوة، الانقسامات
    assert scores[6]["human_interest"] >= 3    # الأبرياء، يتضورون، جوعا...
    assert all(len(f["questions"]) >= 3 for f in lenses.frames())


def test_voices_and_absences(analysis):
    words = voices.quoted_words(analysis, "en")
    assert list(words)[:2] == ["Antony Blinken", "Aaron David Miller"]
    assert words["Joe Biden"] == 19
    # in Arabic, the gazetteer's Arabic form (never "Antony Blinken" on an Arabic chart)
    assert list(voices.quoted_words(analysis, "ar"))[:3] == ["أنتوني بلينكن", "آرون ديفيد ميلر", "فايننشال تايمز"]
    assert "بنيامين نتنياهو" in voices.verbs_by_speaker(analysis, "ar")
    relayed = [h for h in lenses.quote_highlights(analysis) if "relayed through Financial Times" in h.why_en]
    assert relayed and all("عبر فايننشال تايمز" in h.why_ar and "Financial" not in h.why_ar for h in relayed)
    assert "Hamas" in voices.absent_parties(analysis)
    assert voices.source_type_counts(analysis) == {"media": 1, "person": 4}


def test_translated_quotes_pair_with_engine_quotes(analysis):
    pairs = translated_quotes(analysis)
    renderings = [p["arabic"] for p in pairs if p["english_phrase"] == "over the top"]
    assert renderings == ["مفرط", "جاوز الحد", "تجاوز الحد"]
    assert len(pairs) == 9


def test_a_term_listed_with_and_without_its_article_reads_as_written():
    """الهجوم matches both «الهجوم» and «هجوم» in a table: the longer reading wins, whatever
    order Python's string hashing gives the readings (the explanation changed between kernels)."""
    from kit.engine.arabic import tokenize
    from kit.lenses.highlights import Phrases, _phrase_matches
    table = {("هجوم",): {"term": "هجوم"}, ("الهجوم",): {"term": "الهجوم"}, ("بدء", "الهجوم"): {"term": "x"}}
    for word, term in (("الهجوم", "الهجوم"), ("والهجوم", "الهجوم"), ("بالهجوم", "الهجوم"), ("هجوم", "هجوم")):
        assert [row["term"] for _, _, row in _phrase_matches(tokenize(word), Phrases(table))] == [term]


def _tally(group: dict) -> dict:
    """A group of `who_speaks` without its empty values: {value: (sources, statements, words)}."""
    return {v: (c["sources"], c["statements"], c["words"]) for v, c in group.items() if c["sources"]}


def test_who_speaks_in_the_seed(analysis):
    """Every voice is an official, an analyst or the newspaper itself; all named; every person
    a man. Officials: Biden (مفرط + one sentence: 19 words), Blinken (3 statements, 74 words),
    Netanyahu (3, 22); the analyst Miller (2, 48); the Financial Times (1, 37)."""
    tally = voices.who_speaks(analysis)
    assert list(tally["category"]) == list(voices.VOICE_GROUPS["category"])
    assert _tally(tally["category"]) == {"official": (3, 8, 115), "expert or analyst": (1, 2, 48),
                                         "media outlet": (1, 1, 37)}
    assert _tally(tally["gender"]) == {"male": (4, 10, 163), "unknown": (1, 1, 37)}
    assert _tally(tally["naming"]) == {"named": (5, 11, 200)}
    assert tally["gender"]["female"] == {"sources": 0, "statements": 0, "words": 0}
    assert sum(c["statements"] for c in tally["category"].values()) == len(voices.statements(analysis))


VOICES_TEXT = """قالت وزيرة الصحة ليلى حداد إن المستشفى الجديد سيفتح في الربيع.
وأضافت حداد: "سنعين مئة ممرضة".
وقال المواطن سامر خليل: "ننتظر هذا المستشفى منذ عشر سنوات".
وقال مصدر مطلع إن الافتتاح قد يتأخر بسبب نقص التمويل.
"""


def test_who_speaks_with_a_woman_a_citizen_and_an_anonymous_source():
    a = kit.analyze(text=VOICES_TEXT)
    assert [(s.name, s.category, s.gender_label) for s in a.sources] == [
        ("ليلى حداد", "official", "female"), ("سامر خليل", "witness or citizen", "male"),
        ("مصدر مطلع", "anonymous", "unknown")]
    tally = voices.who_speaks(a)
    assert _tally(tally["category"]) == {"official": (1, 2, 8), "witness or citizen": (1, 1, 6),
                                         "anonymous": (1, 1, 6)}
    assert _tally(tally["gender"]) == {"male": (1, 1, 6), "female": (1, 2, 8), "unknown": (1, 1, 6)}
    assert _tally(tally["naming"]) == {"named": (2, 3, 14), "anonymous": (1, 1, 6)}


def test_statements_are_those_of_the_analysis_asked_about(seed_text):
    """The statements of the analysis last asked about are kept: asking about another, then
    the first again, gives each its own."""
    seed = kit.analyze(text=seed_text)
    other = kit.analyze(text='قال الوزير إن "الاتفاق" قريب.\n\nوأضاف: "سنرى".')
    seed_texts = [q.text for q in voices.statements(seed)]
    assert len(seed_texts) == 11
    assert [q.text for q in voices.statements(other)] == ['"الاتفاق" قريب', "سنرى"]
    assert [q.text for q in voices.statements(seed)] == seed_texts
