import pytest

import kit

from kit.engine.article import load_article, block_lines, MAX_CHARS
from kit.errors import InputError
from conftest import SEED, SHARED_SEED


@pytest.mark.skipif(not SHARED_SEED.exists(), reason="../shared is not beside the project")
def test_seed_is_byte_identical_to_the_shared_copy():
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_paragraphs_and_boilerplate_blocks(seed_text):
    article = load_article(SEED)
    assert len(article.paragraphs) == 14
    assert article.paragraphs[0].text.startswith('كشفت صحيفة "فايننشال تايمز"')
    assert article.paragraphs[8].text.startswith("وقال بلينكن إنه")  # leading space trimmed
    assert [len(block_lines(seed_text, b)) for b in article.boilerplate] == [4, 4]
    first = [seed_text[s:e] for s, e in block_lines(seed_text, article.boilerplate[0])]
    assert first[0] == "أخبار ذات صلة"
    assert first[3] == 'بايدن: السلوك العسكري الإسرائيلي في قطاع غزة "تجاوز الحد"'
    for span in (*article.paragraphs, *article.boilerplate, *article.sentences):
        assert seed_text[span.start:span.end] == span.text


def test_other_sites_furniture_is_boilerplate():
    text = ("قال الوزير إن الاتفاق قريب.\nاقرأ أيضاً:\nعنوان خبر آخر عن الموضوع\n"
            "وأضاف أن المحادثات مستمرة.\nتابعونا على فيسبوك")
    article = load_article(text)
    assert [p.text for p in article.paragraphs] == ["قال الوزير إن الاتفاق قريب.",
                                                     "وأضاف أن المحادثات مستمرة."]
    assert [b.text for b in article.boilerplate] == ["اقرأ أيضاً:\nعنوان خبر آخر عن الموضوع",
                                                      "تابعونا على فيسبوك"]


def test_related_news_block_is_furniture_and_names_no_speaker():
    """«أخبار ذات علاقة» heads a block too: a link headline inside it («الجيش الوطني») is not
    the subject that a later bare وأشار carries over."""
    text = ("قال المتحدث سامي حداد إن الاتفاق قريب.\n\nأخبار ذات علاقة\n\nالجيش الوطني\n\n"
            "عنوان خبر آخر عن الموضوع\n\nوأشار إلى أن المحادثات مستمرة.")
    article = load_article(text)
    assert [p.text for p in article.paragraphs] == ["قال المتحدث سامي حداد إن الاتفاق قريب.",
                                                     "وأشار إلى أن المحادثات مستمرة."]
    last = kit.analyze(text=text).quotes[-1]
    assert (last.text, last.speaker_ar) == ("المحادثات مستمرة", "سامي حداد")


@pytest.mark.parametrize("bad", ["", "   \n\t  "])
def test_empty_text_is_refused_clearly(bad):
    with pytest.raises(InputError, match="empty"):
        load_article(bad)


def test_missing_file_and_non_utf8_file(tmp_path):
    with pytest.raises(InputError, match="No article file"):
        load_article(tmp_path / "missing.txt")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("قال".encode("cp1256"))
    with pytest.raises(InputError, match="not UTF-8"):
        load_article(latin)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01")
    with pytest.raises(InputError, match="binary"):
        load_article(binary)


def test_too_long_text_is_refused_with_the_limit():
    with pytest.raises(InputError, match="too long"):
        load_article("ا" * (MAX_CHARS + 1))


def test_bidi_controls_and_non_arabic_are_reported():
    article = load_article("قال \u202eالوزير إن الأمر انتهى.")
    assert [(d.code, d.start) for d in article.diagnostics] == [("bidi_control", 4)]
    english = load_article("The minister said the deal was close.")
    assert [d.code for d in english.diagnostics] == ["not_arabic"]


def test_the_analysis_carries_the_words_of_each_body_paragraph(seed_text):
    """The lenses read the words the engine read (not a second tokenisation): one list per
    body paragraph, one-word paragraphs and paragraphs with quotes alike."""
    from kit.engine.arabic import tokenize
    text = seed_text + '\nب\n\nوقال الوزير: "نعم".\n\nاقرأ أيضا\n'
    analysis = kit.analyze(text=text)
    assert analysis.tokens == tuple(tokenize(text, p.start, p.end) for p in analysis.paragraphs)
    assert [t.text for t in analysis.tokens[-1]] == ["وقال", "الوزير", "نعم"]
    assert [t.text for t in analysis.tokens[-2]] == ["ب"]
