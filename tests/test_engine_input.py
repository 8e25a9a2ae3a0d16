"""How `kit.analyze` is told what the article is: text=, path=, or one positional argument
(a Path is a file; a str is text unless it is one line naming an existing file)."""
import pytest

import kit
from kit.errors import InputError
from conftest import SEED

ONE_LINE = 'وقال الوزير أحمد سالم: "الاتفاق قريب". ملف.txt'


def test_one_line_text_ending_in_txt_is_text():
    a = kit.analyze(text=ONE_LINE)
    assert a.text == ONE_LINE
    assert [(q.text, q.speaker) for q in a.quotes] == [("الاتفاق قريب", "أحمد سالم")]


def test_one_line_str_ending_in_txt_is_text_positionally_too():
    assert kit.analyze(ONE_LINE).text == ONE_LINE
    assert kit.analyze("no/such/article.txt").text == "no/such/article.txt"


def test_path_reads_the_file(seed_text):
    assert kit.analyze(path=SEED).text == seed_text
    assert kit.analyze(path=str(SEED)).text == seed_text
    assert kit.analyze(SEED).text == seed_text          # a Path, positionally
    assert kit.analyze(str(SEED)).text == seed_text     # one line naming an existing file


def test_text_is_never_read_as_a_path():
    a = kit.analyze(text=str(SEED))
    assert a.text == str(SEED) and not a.quotes


def test_both_given_is_refused():
    with pytest.raises(InputError, match="one way only") as error:
        kit.analyze(text=ONE_LINE, path=SEED)
    assert "text=" in error.value.ar
    with pytest.raises(InputError, match="one way only"):
        kit.analyze(ONE_LINE, text=ONE_LINE)


def test_none_given_is_refused():
    with pytest.raises(InputError, match="No article was given") as error:
        kit.analyze()
    assert "path=" in error.value.ar


def test_wrong_types_for_text_and_path():
    with pytest.raises(InputError, match="text= must be a str"):
        kit.analyze(text=SEED)
    with pytest.raises(InputError, match="path= must be a file path"):
        kit.analyze(path=42)


def test_cli_reads_its_argument_as_a_path(tmp_path, capsys):
    from kit.cli import main

    assert main(["analyze", str(tmp_path / "missing.txt")]) == 2
    assert "No article file" in capsys.readouterr().err
