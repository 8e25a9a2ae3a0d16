"""The seed article must come out exactly right: every quote, speaker, cue, via and source."""
import json
import subprocess
import sys

import pytest

import kit
from conftest import SEED, ROOT

FT, MILLER, BIDEN, BLINKEN, NETANYAHU = ("Financial Times", "Aaron David Miller", "Joe Biden",
                                         "Antony Blinken", "Benjamin Netanyahu")
# (paragraph, kind, text starts with, text ends with, speaker, speaker as written, cue, via)
EXPECTED = [
    (2, "indirect", "بعد يوم من الاجتماعات", "حركة حماس في غزة", FT, "الصحيفة", "ووفقا", ()),
    (3, "direct", "تعكس هذه الرحلة", "الدبلوماسية برمتها", MILLER, "آرون ديفيد ميلر", "وقال", (FT,)),
    (4, "direct", "إن المتحاربين", "هذه الأزمة بشكل أساسي", MILLER, "آرون ديفيد ميلر", "وأضاف", (FT,)),
    (5, "partial", "مفرط", "مفرط", BIDEN, "جو بايدن", "وصف", ()),
    (6, "direct", "هناك الكثير من الأبرياء", "ويجب أن يتوقف ذلك", BIDEN, "بايدن", "وقال", ()),
    (8, "indirect", "في حين أن الاقتراح", 'مساحة للتوصل إلى اتفاق"', BLINKEN, "بلينكن", "وقال", ()),
    (8, "partial", "البدايات", "البدايات", BLINKEN, "بلينكن", "وقال", ()),
    (8, "partial", "مساحة للتوصل إلى اتفاق", "مساحة للتوصل إلى اتفاق", BLINKEN, "بلينكن", "وقال", ()),
    (9, "partial", "وهمية", "وهمية", NETANYAHU, "نتنياهو", "ووصفها", ()),
    (10, "indirect", "الطريقة الوحيدة", '"النصر الكامل" على حماس', NETANYAHU, "نتنياهو", "أصر", ()),
    (10, "partial", "النصر الكامل", "النصر الكامل", NETANYAHU, "نتنياهو", "أصر", ()),
    (10, "indirect", "لتحقيق ذلك، ستوسع إسرائيل", "في جنوب غزة", NETANYAHU, "نتنياهو", "مضيفا", ()),
    (12, "direct", "لا يمكن أن يكون بمثابة ترخيص", "من إنسانيتهم", BLINKEN, "بلينكن", "وحذر", ()),
    (13, "indirect", 'أثار "مخاوفنا العميقة', "الدعم الدولي لإسرائيل", BLINKEN, "بلينكن", "قال", ()),
    (13, "partial", "مخاوفنا العميقة بشأن التصرفات", "بما في ذلك من المسؤولين الحكوميين", BLINKEN,
     "بلينكن", "قال", ()),
]


@pytest.fixture(scope="module")
def analysis():
    return kit.analyze(SEED)


def test_every_quote_speaker_cue_and_via(analysis):
    got = [(q.paragraph, q.kind, q.speaker, q.speaker_ar, q.cue, q.via) for q in analysis.quotes]
    assert got == [(p, k, s, sa, c, v) for p, k, _, _, s, sa, c, v in EXPECTED]
    for quote, (_, _, head, tail, *_) in zip(analysis.quotes, EXPECTED, strict=True):
        assert quote.text.startswith(head) and quote.text.endswith(tail), quote.text


def test_direct_and_partial_quotes_are_exactly_the_characters_between_the_marks(analysis):
    text = analysis.text
    for q in analysis.quotes:
        if q.kind in ("direct", "partial"):
            assert text[q.start - 1] == '"' and text[q.end] == '"', q.text
    assert [q.text for q in analysis.quotes if q.kind == "partial"] == [
        "مفرط", "البدايات", "مساحة للتوصل إلى اتفاق", "وهمية", "النصر الكامل",
        "مخاوفنا العميقة بشأن التصرفات والخطابات، بما في ذلك من المسؤولين الحكوميين"]


def test_offsets_of_every_span_point_into_the_original_text(analysis):
    spans = [*analysis.paragraphs, *analysis.boilerplate, *analysis.sentences, *analysis.quotes,
             *analysis.non_quotes, *analysis.mentions, *analysis.boilerplate_quotes]
    assert len(spans) > 60
    for span in spans:
        assert analysis.text[span.start:span.end] == span.text
    for q in analysis.quotes:
        assert analysis.text[q.cue_start:q.cue_start + len(q.cue)] == q.cue


def test_roles_as_written(analysis):
    roles = {q.speaker: q.role for q in analysis.quotes}
    assert roles[MILLER] == ("الزميل البارز في مؤسسة كارنيجي للسلام الدولي والمسؤول السابق في "
                             "وزارة الخارجية الأميركية")
    assert roles[BIDEN] == "الرئيس الأميركي"
    assert roles[BLINKEN] == "وزير الخارجية الأميركي"
    assert roles[NETANYAHU] == "رئيس الوزراء الإسرائيلي"


def test_sources_types_forms_and_chain(analysis):
    sources = {s.name: s for s in analysis.sources}
    assert list(sources) == [FT, MILLER, BIDEN, BLINKEN, NETANYAHU]
    assert [s.type for s in sources.values()] == ["media", "person", "person", "person", "person"]
    assert sources[FT].surface_forms == ("فايننشال تايمز", "الصحيفة", "الفايننشال تايمز")
    assert sources[FT].relays == (1, 2) and sources[FT].quote_indices == (0,)
    assert [len(sources[n].quote_indices) for n in (MILLER, BIDEN, BLINKEN, NETANYAHU)] == [2, 2, 6, 4]
    assert analysis.relay == FT


def test_non_quote_and_boilerplate(analysis):
    assert [(n.text, n.label) for n in analysis.non_quotes] == [("فايننشال تايمز", "صحيفة")]
    assert len(analysis.boilerplate) == 2
    assert all(b.text.startswith("أخبار ذات صلة") for b in analysis.boilerplate)
    headline_quotes = [(q.text, q.speaker) for q in analysis.boilerplate_quotes]
    assert headline_quotes[:2] == [("جاوز الحد", BIDEN), ("تجاوز الحد", BIDEN)]
    assert analysis.diagnostics == ()


def test_entities_are_recognised_with_english_glosses(analysis):
    names = {m.name for m in analysis.mentions}
    assert {"Itamar Ben-Gvir", "Bezalel Smotrich", "Hamas", "Rafah", "Tel Aviv",
            "The White House", "Carnegie Endowment for International Peace"} <= names


def test_command_line_json_contract():
    result = subprocess.run([sys.executable, "-m", "kit", "analyze", str(SEED), "--json"],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    doc = json.loads(result.stdout)
    assert {"paragraphs", "boilerplate", "quotes", "non_quotes", "sources", "entities"} <= set(doc)
    assert len(doc["paragraphs"]) == 14 and len(doc["boilerplate"]) == 2
    first = doc["quotes"][1]
    assert set(first) >= {"text", "kind", "speaker", "speaker_ar", "role", "cue", "via", "start",
                          "end", "paragraph"}
    assert (first["speaker"], first["via"], first["cue"]) == (MILLER, [FT], "وقال")


def test_command_line_errors_have_no_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kit", "analyze", str(tmp_path / "nope.txt")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "No article file" in result.stderr
