"""Bad, odd and hostile input: each gets a clear message or a correct result, never a crash deep
inside, never a hang; offsets always point at the original characters."""
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st, HealthCheck

import kit
from kit.errors import InputError
from kit.lenses.highlights import all_highlights
from kit.view.render import render_article
from conftest import ROOT


def spans_ok(analysis):
    for span in (*analysis.paragraphs, *analysis.boilerplate, *analysis.sentences, *analysis.quotes,
                 *analysis.non_quotes, *analysis.mentions, *analysis.boilerplate_quotes):
        assert 0 <= span.start <= span.end <= len(analysis.text)
        assert analysis.text[span.start:span.end] == span.text


def test_non_arabic_text_gives_a_warning_and_no_speakers():
    a = kit.analyze('The minister said: "we will win".')
    codes = [d.code for d in a.diagnostics]
    assert codes[0] == "not_arabic" and set(codes) <= {"not_arabic", "no_speaker"}
    assert [(q.text, q.speaker) for q in a.quotes] == [("we will win", None)]   # marks are found, no Arabic verb
    spans_ok(a)


def test_mixed_scripts_and_emoji():
    a = kit.analyze('قال الوزير John Smith 🙂: "الاتفاق قريب جدا 👍".')
    assert [(q.kind, q.text, q.speaker) for q in a.quotes] == [("direct", "الاتفاق قريب جدا 👍", "John Smith")]


def test_unbalanced_quotation_mark_is_reported_and_the_rest_survives():
    text = 'قال الوزير: "الاتفاق قريب.\nوأضاف المتحدث «نحن مستعدون».'
    a = kit.analyze(text)
    assert [d.code for d in a.diagnostics] == ["unclosed_quote"]
    assert a.diagnostics[0].start == text.index('"')
    # after a verb and a colon, the words of the unclosed quote run to the sentence's end
    assert [(q.kind, q.text) for q in a.quotes] == [("direct", '"الاتفاق قريب'), ("direct", "نحن مستعدون")]


def test_nested_quotation_marks_keep_the_outer_quote():
    a = kit.analyze('وقال الوزير: «لقد قال لي "لا" ثم غادر».')
    assert [q.text for q in a.quotes] == ['لقد قال لي "لا" ثم غادر']


def test_tashkeel_tatweel_and_arabic_indic_digits_still_match():
    a = kit.analyze('وقـــالَ بِلينكن إنّهُ يَرى ١٣٠ مُحتجزًا.')
    assert [(q.kind, q.speaker, q.text) for q in a.quotes] == [("indirect", "Antony Blinken", "يَرى ١٣٠ مُحتجزًا")]


def test_bidi_controls_are_flagged_and_offsets_stay_on_the_original():
    text = 'قال الوزير: "\u202eالاتفاق قريب".'
    a = kit.analyze(text)
    assert [d.code for d in a.diagnostics] == ["bidi_control"]
    assert a.quotes[0].text == "\u202eالاتفاق قريب"
    spans_ok(a)


def test_html_in_pasted_text_is_analysed_as_text_and_rendered_literally():
    text = 'قال الوزير: "<script>alert(1)</script> <img src=x onerror=alert(1)>".'
    a = kit.analyze(text)
    html = render_article(a.text, a.paragraphs, all_highlights(a))
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_wrong_types_and_paths():
    with pytest.raises(InputError, match="must be text"):
        kit.analyze(42)
    with pytest.raises(InputError, match="No article file"):
        kit.analyze(path="no/such/article.txt")
    with pytest.raises(InputError, match="No article file"):
        kit.analyze(Path("no/such/article.txt"))


def test_ten_megabytes_is_refused_quickly_with_the_limit():
    started = time.process_time()
    with pytest.raises(InputError, match="too long"):
        kit.analyze("ق" * 10_000_000)
    assert time.process_time() - started < 2


ODD = st.sampled_from(list('"«»“”„‹›\'<>&$') + ["\u202e", "\u2066", "\u200b", "\u200f", "\u064e", "\u0640",
                                                 "٣", "😀", "\n", "\n\n", ":", "،", "."])
WORDS = st.sampled_from(["قال", "وأضاف", "الوزير", "بلينكن", "إن", "أن", "صحيفة", "مصادر", "مطلعة",
                         "بحسب", "وفقا", "للصحيفة", "نتنياهو", "قائلا", "الاتفاق", "قريب", "x", "<b>"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(WORDS, ODD, st.text(max_size=3)), min_size=1, max_size=60).map(" ".join))
def test_property_any_text_analyses_and_renders_safely(text):
    try:
        a = kit.analyze(text)
    except InputError:
        assert not text.strip()
        return
    spans_ok(a)
    for q in a.quotes:
        assert q.kind in ("direct", "partial", "indirect")
    html = render_article(a.text, a.paragraphs, all_highlights(a), a.boilerplate)
    assert "<b>" not in html and "<script" not in html


def test_analysis_and_report_work_without_network(tmp_path):
    """Run the analysis and the HTML report in a process whose sockets are disabled."""
    code = ("import socket\n"
            "def refuse(*a, **k): raise OSError('network disabled for this test')\n"
            "socket.socket.connect = refuse; socket.create_connection = refuse\n"
            "import kit, kit.view.report\n"
            f"html = kit.view.report.report_html({str(ROOT / 'seeds' / '000_6066f5c852812abd.txt')!r})\n"
            "assert 'mark' in html and 'http' not in html.split('<body')[1]\n"
            "print(len(kit.analyze(" + repr(str(ROOT / 'seeds' / '000_6066f5c852812abd.txt')) + ").quotes))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "15"
