"""The command line never clobbers the article, never prints a traceback for an expected
problem, and never lets the article drive the terminal; input files are read as they are."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kit
from kit.cli import main
from kit.course.exercises import load_exercises
from kit.errors import ExerciseError, InputError

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6066f5c852812abd.txt"
posix_only = pytest.mark.skipif(os.name != "posix", reason="needs POSIX pipes and devices")


def run_kit(*args, stdin=None, shell_prefix: str = "") -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "kit", *args]
    if shell_prefix:
        command = ["bash", "-c", shell_prefix + " " + " ".join(f"'{a}'" for a in command)]
    return subprocess.run(command, input=stdin, capture_output=True, cwd=ROOT, timeout=120)


@pytest.fixture
def article(tmp_path) -> Path:
    copy = tmp_path / "a.txt"
    copy.write_bytes(SEED.read_bytes())
    return copy


# --- 9. the report never replaces the article ---------------------------------------------------

@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
def test_the_report_is_never_written_over_the_article(article, capsys, how):
    output = article.with_name("out.txt")
    if how == "same":
        output = article
    elif how == "symlink":
        output.symlink_to(article)
    else:
        os.link(article, output)
    assert main(["html", str(article), "-o", str(output)]) == 2
    assert "is the article itself" in capsys.readouterr().err
    assert article.read_bytes() == SEED.read_bytes()


# --- 10. the argument is a path, and only a regular file is read ---------------------------------

@posix_only
@pytest.mark.parametrize("name", ["folder", "fifo", "/dev/zero", "missing.TXT", "noext"])
def test_what_is_not_a_regular_file_is_an_error_not_text(tmp_path, capsys, name):
    (tmp_path / "folder").mkdir()
    os.mkfifo(tmp_path / "fifo")
    path = name if name.startswith("/") else str(tmp_path / name)
    for command in (["analyze", path], ["analyze", path, "--json"], ["html", path, "-o", str(tmp_path / "r.html")]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert ("not a text file" in err or "No article file" in err) and "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


def test_a_dash_reads_standard_input():
    done = run_kit("analyze", "-", "--json", stdin=SEED.read_bytes())
    assert done.returncode == 0
    assert len(json.loads(done.stdout)["quotes"]) == len(kit.analyze(path=SEED).quotes)


# --- 11. errors, not tracebacks; a closed pipe; an atomic report --------------------------------

def test_an_unreadable_input_is_an_input_error(article, monkeypatch):
    def refused(self):
        raise PermissionError(13, "Permission denied", str(self))
    monkeypatch.setattr(Path, "read_bytes", refused)
    with pytest.raises(InputError, match="cannot be read: Permission denied"):
        kit.analyze(path=article)


@posix_only
@pytest.mark.parametrize("output", ["missing/r.html", "folder", "/dev/full"])
def test_an_output_that_cannot_be_written_is_an_error(article, tmp_path, capsys, output):
    (tmp_path / "folder").mkdir()
    target = output if output.startswith("/") else str(tmp_path / output)
    assert main(["html", str(article), "-o", target]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and target in err


@posix_only
def test_a_closed_pipe_ends_quietly():
    done = subprocess.run(f"'{sys.executable}' -m kit analyze '{SEED}' --json | head -c 10",
                          shell=True, capture_output=True, cwd=ROOT, timeout=120)
    assert done.stdout == b'{\n  "parag' and b"Traceback" not in done.stderr and not done.stderr


@posix_only
def test_a_size_limit_leaves_the_previous_report_whole(article, tmp_path):
    report = tmp_path / "r.html"
    report.write_text("<p>the earlier report</p>", "utf-8")
    done = run_kit("html", str(article), "-o", str(report), shell_prefix="ulimit -f 20;")
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr and b"File too large" in done.stderr
    assert report.read_text("utf-8") == "<p>the earlier report</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "r.html"]   # no temporary file


# --- 12. input reading --------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_its_mark_is_read(tmp_path, encoding):
    text = SEED.read_text("utf-8")
    path = tmp_path / "notepad.txt"
    data = text.encode(encoding)
    path.write_bytes(data if data.startswith((b"\xff\xfe", b"\xfe\xff")) else b"\xfe\xff" + data)
    assert kit.analyze(path=path).quotes == kit.analyze(path=SEED).quotes


def test_a_nul_anywhere_means_binary(tmp_path):
    path = tmp_path / "late_nul.txt"
    path.write_bytes(SEED.read_bytes() * 4 + b"\x00")
    with pytest.raises(InputError, match="binary"):
        kit.analyze(path=path)


def test_a_file_too_big_is_counted_in_bytes(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 8_000_001)
    with pytest.raises(InputError, match="8,000,001 bytes") as caught:
        kit.analyze(path=path)
    assert "8,000,001 characters" not in caught.value.en


@pytest.mark.parametrize("separator", ["\u2029", "\u2028", "\x85", "\x0c", "\r"])
def test_unicode_line_and_paragraph_separators_break_paragraphs(separator):
    text = SEED.read_text("utf-8").replace("\n", separator)
    a, b = kit.analyze(text=text), kit.analyze(path=SEED)
    assert (len(a.paragraphs), len(a.boilerplate), len(a.quotes)) == (14, 2, 15)
    assert [q.text for q in a.quotes] == [q.text for q in b.quotes]
    assert all(a.text[q.start:q.end] == q.text for q in a.quotes)


def test_control_characters_of_the_article_do_not_reach_the_terminal(tmp_path, capsys):
    path = tmp_path / "esc.txt"
    path.write_text('قال الوزير أحمد سالم: "الاتفاق \x1b[2J\x1b]0;pwned\x07 قريب".\n', "utf-8")
    assert main(["analyze", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "⟪U+001B⟫[2J" in out


def test_a_dollar_in_a_name_is_drawn_as_a_dollar_and_alt_text_has_no_bidi_controls():
    from kit.view.plots import quoted_words_chart

    chart = quoted_words_chart({"$x^2$ \u202eسالم": 3, "a$b": 2})
    chart.png_bytes()                            # matplotlib would typeset or raise
    labels = [tick.get_text() for tick in chart.figure.axes[0].get_yticklabels()]
    assert r"\$x^2\$" in labels[0]
    assert "\u202e" not in chart.alt_text_en and "\u202e" not in chart.alt_text_ar
    assert "$x^2$ سالم 3" in chart.alt_text_en


# --- 13. exercise files and an article without body paragraphs ----------------------------------

@pytest.mark.parametrize("content, said", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"schema": "framing-lab/exercises", "version": ' + "9" * 5000 + "}", "number too long"),
])
def test_exercise_files_that_json_cannot_hold_give_an_exercise_error(tmp_path, content, said):
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(ExerciseError, match=said):
        load_exercises(path)


def test_an_exercise_folder_is_an_exercise_error(tmp_path):
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(ExerciseError, match="not a folder"):
        load_exercises(tmp_path / "folder.json")


def test_an_option_cannot_be_called_star(tmp_path):
    document = json.loads((ROOT / "exercises" / "03_quotes.json").read_text("utf-8"))
    document["exercises"][0]["options"][0]["id"] = "*"
    path = tmp_path / "star.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    with pytest.raises(ExerciseError, match='not "\\*"'):
        load_exercises(path)


def test_the_frame_annotator_says_when_there_is_nothing_to_code(tmp_path, monkeypatch):
    from kit.widgets.frames import FrameAnnotator

    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path))
    analysis = kit.analyze(text="أخبار ذات صلة\nنتنياهو يرفض الخطة\nبلينكن يزور المنطقة")
    assert not analysis.paragraphs
    annotator = FrameAnnotator(analysis)
    assert annotator.last_error is None and annotator.frame.disabled
    assert "فقرات متن" in annotator.text.value


# --- the report: language, header, lenses, pictures, print ------------------------------------------

@pytest.mark.parametrize("lang, outlet, heading", [("en", "Published by Sky News Arabia", "Key"),
                                                   ("ar", "نشره موقع سكاي نيوز عربية", "دليل الألوان")])
def test_the_report_speaks_the_language_asked_with_a_header_from_the_metadata(tmp_path, lang, outlet,
                                                                               heading):
    import re
    output = tmp_path / f"report_{lang}.html"
    assert main(["html", str(SEED), "-o", str(output), "--lang", lang]) == 0
    page = output.read_text("utf-8")
    meta = json.loads(SEED.with_suffix(".json").read_text("utf-8"))
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in page
    assert f'<h1 dir="rtl" lang="ar">{meta["headline"]}</h1>' in page
    assert f"<p>{outlet}</p>" in page and "2024-02-08 – 2024-02-09" in page
    assert heading in page
    # A readable few lenses by default: quotes and reporting verbs, no frames or numbers.
    lenses = set(re.findall(r'data-lens="(\w+)"', page))
    assert lenses == {"quotes", "reporting_verbs"}, lenses
    # The source map and four charts, each with its words; A4 print styles.
    assert len(re.findall(r"<svg class=\"fl-sources-svg\" role=\"img\" [^>]*aria-label=\"[^\"]{40,}\"", page)) == 1
    alts = re.findall(r'<img class="fl-chart" src="data:image/png;base64,[^"]+" alt="([^"]+)"', page)
    assert len(alts) == 4 and all(len(alt) > 30 for alt in alts), alts
    assert alts[3].startswith({"en": "Who gets to speak?", "ar": "من يتكلم في المقال؟"}[lang])
    assert "@page { size: A4;" in page and "break-inside: avoid" in page
    assert "http" not in page.split("<body")[1]                  # nothing fetched


def test_the_report_shows_the_lenses_chosen_and_refuses_unknown_ones(tmp_path, capsys):
    import re
    output = tmp_path / "r.html"
    assert main(["html", str(SEED), "-o", str(output), "--lens", "frames,numbers"]) == 0
    assert set(re.findall(r'data-lens="(\w+)"', output.read_text("utf-8"))) == {"frames", "numbers"}
    assert main(["html", str(SEED), "-o", str(output), "--lens", "all"]) == 0
    assert len(set(re.findall(r'data-lens="(\w+)"', output.read_text("utf-8")))) == 7
    before = output.read_bytes()
    assert main(["html", str(SEED), "-o", str(output), "--lens", "colours"]) == 2
    error = capsys.readouterr().err
    assert "Unknown lens: colours" in error and "عدسة غير معروفة" in error
    assert output.read_bytes() == before                         # nothing written


def test_a_report_of_an_article_without_metadata_has_the_kits_title(tmp_path):
    from kit.view.report import report_html
    page = report_html(text="قال الوزير إن الخطة جاهزة.\n", lang="en", charts=False)
    assert "<h1>Framing Lab: article report</h1>" in page and "Published by" not in page


def test_a_place_cited_as_a_source_is_its_authorities_and_the_report_draws_it(tmp_path):
    """«بحسب ما نقلت قناة قطر»: the place (a gazetteer place) relays; it is a body, one of the
    kinds the charts show (a `place` source made `python -m kit html` fail on a real article)."""
    text = "وقال مسؤول إن الاتفاق قريب، بحسب ما نقلت قناة قطر.\n"
    analysis = kit.analyze(text=text)
    assert [(s.name, s.type) for s in analysis.sources] == [("Qatar", "body"), ("مسؤول", "anonymous")]
    assert [(q.text, q.speaker, q.via) for q in analysis.quotes] == [("الاتفاق قريب", "مسؤول", ("Qatar",))]
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    assert main(["html", str(article), "-o", str(tmp_path / "a.html")]) == 0
    assert "«الاتفاق قريب»" in (tmp_path / "a.html").read_text("utf-8")


def test_al_qahera_news_is_an_outlet_not_egypt():
    analysis = kit.analyze(text="وقال مسؤول إن الاتفاق قريب، بحسب ما نقلت قناة القاهرة الإخبارية.\n")
    assert [(s.name, s.type) for s in analysis.sources][0] == ("Al Qahera News", "media")
