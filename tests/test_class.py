"""The teacher's side: collecting a class's exports, the class summary and page, agreement
figures checked against hand computations, and printable worksheets."""
import itertools
import json
import zipfile
from collections import Counter

import pytest

from kit.cli import main
from kit.course import class_summary
from kit.course.agreement import disagreement, krippendorff_alpha, pairable
from kit.course.class_summary import summarize
from kit.course.collect import collect
from kit.course.fake_class import write_class
from kit.course.storage import export_all, save_work
from kit.course.student import StudentNameError, save_student, student_name
from kit.errors import KitError
from kit.view.class_page import class_page_html
from kit.view.render import esc
from kit.view.worksheet import answer_key_html, lesson_names, worksheet_html
from kit.course.exercises import load_exercises


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A generated class of 40, one damaged export, one older duplicate."""
    folder = tmp_path_factory.mktemp("class")
    write_class(folder, students=40, damaged=1, duplicates=1)
    return folder, summarize(collect([folder]))


# --- agreement, by hand --------------------------------------------------------------------

def alpha_by_pairs(units) -> float:
    """Krippendorff's alpha as its definition reads, 1 - D_o / D_e, counting pairs one by one:
    D_o over ordered pairs of codes within each item (weighted 1/(m-1)), D_e over ordered
    pairs of all pairable codes."""
    units = [[c for c in unit if c is not None] for unit in units]
    units = [unit for unit in units if len(unit) >= 2]
    values = [c for unit in units for c in unit]
    n = len(values)
    observed = sum(sum(a != b for a, b in itertools.permutations(unit, 2)) / (len(unit) - 1)
                   for unit in units) / n
    expected = sum(a != b for a, b in itertools.permutations(values, 2)) / (n * (n - 1))
    return 1 - observed / expected


def test_alpha_matches_krippendorffs_published_example():
    # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal: 0.743.
    coders = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3",
              ". 3 3 3 2 3 4 2 2 5 1 .", "1 2 3 3 2 4 4 1 2 5 1 ."]
    units = list(zip(*[[None if v == "." else v for v in row.split()] for row in coders], strict=True))
    assert round(krippendorff_alpha(units), 3) == 0.743
    assert pairable(units) == 11           # the last item has one code only
    assert krippendorff_alpha(units) == pytest.approx(alpha_by_pairs(units))


def test_alpha_of_a_small_case_worked_by_hand():
    # items (a,a), (b,b), (a,b): n = 6 codes, 3 a and 3 b; o_aa = 2, o_bb = 2;
    # alpha = 1 - (n-1)(n - 4) / (n^2 - 9 - 9) = 1 - 5*2/18 = 4/9
    assert krippendorff_alpha([["a", "a"], ["b", "b"], ["a", "b"]]) == pytest.approx(4 / 9)
    assert krippendorff_alpha([["a", "a"], ["a", "a"]]) is None          # no variation
    assert krippendorff_alpha([["a"], ["b"]]) is None                    # nothing pairable
    assert disagreement(["a", "a", "b", None]) == pytest.approx(1 - 2 / 6)   # 2 of 6 pairs agree


def test_class_agreement_matches_a_hand_computation(generated):
    _folder, summary = generated
    by_hand_units = []
    for paragraph in summary.paragraphs:
        by_hand_units.append([code for code, n in paragraph.counts.items() for _ in range(n)])
    assert summary.agreement.alpha == pytest.approx(alpha_by_pairs(by_hand_units))
    assert summary.agreement.coders == len(summary.agreement.with_key) > 10
    # each student's kappa against the key, recomputed from p_o and p_e
    key = {p.index: p.key for p in summary.paragraphs}
    student = summary.students[0]
    codes = {int(i): a["frame"] for i, a in
             next(iter(student.work["frame_annotations"]["articles"].values()))["paragraphs"].items()}
    mine, theirs = [codes[i] for i in sorted(codes)], [key[i] for i in sorted(codes)]
    n = len(mine)
    p_o = sum(a == b for a, b in zip(mine, theirs, strict=True)) / n
    p_e = sum(mine.count(c) * theirs.count(c) for c in set(mine) | set(theirs)) / n / n
    row = next(r for r in summary.agreement.with_key if r[0] == student.name)
    assert row[1] == pytest.approx((p_o - p_e) / (1 - p_e)) and row[3] == n


# --- collecting ---------------------------------------------------------------------------

def test_damaged_and_duplicate_exports_are_reported_and_skipped(generated):
    folder, summary = generated
    assert len(summary.students) == 40
    skipped = {s.source.rsplit("/", 1)[-1]: s.reason["en"] for s in summary.skipped}
    assert set(skipped) == {"damaged_1.zip", "student_01_monday.zip"}
    assert "not a readable zip" in skipped["damaged_1.zip"]
    assert "the later one (student_01.zip) was used" in skipped["student_01_monday.zip"]
    first = json.loads(zipfile.ZipFile(folder / "student_01.zip").read("student.json"))["data"]["name"]
    used = next(s for s in summary.students if s.name == first)
    assert used.source.endswith("student_01.zip")


def test_folders_foreign_zips_and_missing_paths(tmp_path):
    hub = tmp_path / "hub"
    work = hub / "layla" / "notebooks" / "my_work"
    save_student("ليلى <i>", "ar", work)
    save_work("ex_01_anatomy", {"answers": {"lead": "miller"}}, work)   # saved before attempts
    (work / "quote_quiz.json").write_text("{not json", "utf-8")
    foreign = tmp_path / "photos.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("cat.jpg", b"...")
    collection = collect([hub, foreign, tmp_path / "nowhere"])
    [student] = collection.students
    assert student.name == "ليلى <i>" and student.named and student.edition == "ar"
    assert [file for file, _ in student.problems] == ["quote_quiz.json"]
    assert {s.source.rsplit("/", 1)[-1] for s in collection.skipped} == {"photos.zip", "nowhere"}
    lead = summarize(collection).items["01_anatomy"][0]
    assert (lead.answered, lead.first_right, lead.attempts) == (1, 0, 1)
    assert lead.wrong == [("miller", 1)]


def test_an_export_without_a_name_is_named_after_its_file(tmp_path):
    save_work("ex_00_start_here", {"answers": {"outlet": "sky"}}, tmp_path / "w")
    (tmp_path / "omar.zip").write_bytes(export_all(tmp_path / "w"))
    [student] = collect([tmp_path / "omar.zip"]).students
    assert (student.name, student.named, student.edition) == ("omar", False, None)


def test_the_students_name_is_checked_and_kept(tmp_path):
    assert save_student("  Sara   Haddad ", "en", tmp_path) == "Sara Haddad"
    assert student_name(tmp_path) == "Sara Haddad"
    with pytest.raises(StudentNameError) as error:
        save_student("   ", folder=tmp_path)
    assert "type your name" in error.value.en and "اكتب اسمك" in error.value.ar


# --- the summary and the page ---------------------------------------------------------------

def test_first_attempts_and_common_mistakes_are_counted(tmp_path):
    for name, tries in (("a", ["miller", "first"]), ("b", ["first"]), ("c", ["miller", "last", "first"])):
        folder = tmp_path / name
        save_student(name, "en", folder)
        save_work("ex_01_anatomy", {"answers": {"lead": tries[-1]}, "attempts": {"lead": tries}}, folder)
    lead = summarize(collect([tmp_path])).items["01_anatomy"][0]
    assert lead.exercise.id == "lead"
    assert (lead.answered, lead.first_right, lead.attempts) == (3, 1, 6)
    assert lead.wrong == [("miller", 2), ("last", 1)]


def test_quiz_and_progress_on_the_generated_class(generated):
    _folder, summary = generated
    quiz = summary.quiz[0]
    assert quiz.expected == {"speaker": "ft", "kind": "indirect", "cue": "ووفقا"}
    assert 0 < quiz.right["speaker"] <= quiz.answered <= 40
    student = summary.students[0]
    answered, total, right, gradable = summary.progress[student.name]["00_start_here"]
    assert total == len(load_exercises("00_start_here")) and 0 <= right <= gradable <= answered <= total


def test_the_page_escapes_what_students_wrote(generated, tmp_path):
    _folder, summary = generated
    html = class_page_html(summary, "en")
    assert "<script" not in html and "&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt;" in html
    assert html.count('<img class="chart"') == 1 + sum(1 for items in summary.items.values() if items)
    arabic = class_page_html(summary, "ar")
    assert '<html lang="ar" dir="rtl">' in arabic and "ألفا كريبندورف" in arabic
    save_student("<script>alert(1)</script>\u202eevil", "en", tmp_path / "x")
    save_work("ex_00_start_here", {"answers": {"expectations": "<img src=x onerror=alert(1)>"}},
              tmp_path / "x")
    html = class_page_html(summarize(collect([tmp_path / "x"])), "en")
    assert "<script" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x" in html
    assert "\u202e" not in html and "U+202E" in html


def test_aggregation_cost_grows_linearly(tmp_path, monkeypatch):
    calls = Counter()
    real = class_summary.check

    def counted(*args):
        calls["check"] += 1
        return real(*args)

    monkeypatch.setattr(class_summary, "check", counted)
    counts = []
    for n in (5, 20):
        write_class(tmp_path / str(n), students=n, damaged=0, duplicates=0)
        calls.clear()
        summarize(collect([tmp_path / str(n)]))
        counts.append(calls["check"])
    # Invented students differ (lessons reached, questions skipped, tries), so 4x the students
    # gives about 4x the checks, give or take; a quadratic cost would give 16x.
    assert 3 * counts[0] < counts[1] < 6 * counts[0], counts


def test_class_command_writes_the_page(generated, tmp_path, capsys):
    folder, _summary = generated
    assert main(["class", str(folder), "-o", str(tmp_path / "class.html"), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert "40 students, 2 exports skipped" in out and "damaged_1.zip" in err
    assert "The class at a glance" in (tmp_path / "class.html").read_text("utf-8")


# --- worksheets ---------------------------------------------------------------------------

@pytest.mark.parametrize("lesson", lesson_names())
def test_every_lesson_has_a_sheet_and_a_key_from_its_exercises(lesson):
    exercises = load_exercises(lesson)
    for lang in ("ar", "en"):
        sheet, key = worksheet_html(lesson, lang), answer_key_html(lesson, lang)
        assert ('dir="rtl"' in sheet.split(">")[1]) == (lang == "ar")
        for exercise in exercises:
            assert esc(exercise.prompt[lang]) in sheet and esc(exercise.prompt[lang]) in key
            for option in exercise.options:
                assert esc(option[lang]) in sheet
            right = [o[lang] for o in exercise.options if o["id"] in exercise.accept] or exercise.accept
            if exercise.gradable:
                assert esc(" / ".join(right)) in key, exercise.id
                assert "✓" in key and "✓" not in sheet


def test_worksheet_article_excerpts():
    framing = worksheet_html("04_framing", "en")
    assert "¶7" in framing and "أخبار ذات صلة" in framing      # numbered, furniture included
    anatomy = worksheet_html("01_anatomy", "ar")
    assert "¶" not in anatomy and "أخبار ذات صلة" in anatomy     # lesson 01 asks which is furniture
    reframe = worksheet_html("05_reframe", "en")
    assert reframe.count('class="n"') == 4
    assert "المرصد" in worksheet_html("06_bring_your_own", "ar")


def test_an_unknown_lesson_is_named(tmp_path, capsys):
    with pytest.raises(KitError, match="no lesson called 9"):
        worksheet_html("9", "en")
    assert main(["worksheet", "all", "--lang", "en", "-o", str(tmp_path / "sheets")]) == 0
    assert len(list((tmp_path / "sheets").glob("*.html"))) == 2 * len(lesson_names()) + 1


# --- what the student's widgets record -----------------------------------------------------

def test_the_self_check_records_every_attempt_and_reads_older_saves(tmp_path, monkeypatch):
    from kit.course.storage import load_work
    from kit.widgets.exercise_box import ExerciseBox
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path))
    save_work("ex_01_anatomy", {"notebook": "01_anatomy", "answers": {"pyramid": "news"}})
    box = ExerciseBox("01_anatomy")                       # an older save: no attempts
    assert box.answers == {"pyramid": "news"}
    for answer in ("miller", "last", "first"):
        box.answer("lead", answer)
        box.check("lead")
    saved = load_work("ex_01_anatomy")
    assert saved["attempts"] == {"lead": ["miller", "last", "first"]}
    assert saved["answers"] == {"pyramid": "news", "lead": "first"}
    assert saved["edition"] == box.lang
    lead, pyramid = summarize(collect([tmp_path])).items["01_anatomy"][:2]
    assert (lead.first_right, lead.attempts, pyramid.attempts) == (0, 3, 1)


def test_the_progress_view_asks_for_the_name_once(tmp_path, monkeypatch):
    from kit.widgets.progress import ProgressView
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path))
    view = ProgressView()
    view.name.value = "  <b>Sara</b> "
    view.name_button.click()
    assert student_name() == "<b>Sara</b>"
    assert "&lt;b&gt;Sara&lt;/b&gt;" in view.name_note.value
    assert "student" not in view.table.value                     # not listed as other work
    assert ProgressView().name.value == "<b>Sara</b>"            # shown again next time
    view.name.value = " "
    view.save_name()
    assert student_name() == "<b>Sara</b>" and view.errors.outputs


# --- printing, in Chromium -------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_worksheets_print_on_a4_with_the_title_on_the_reading_side(chromium, tmp_path, lang):
    """Print a worksheet to PDF as a teacher would, render its pages with pdftoppm and check
    the size (A4) and that the title starts on the right in Arabic, on the left in English."""
    import shutil
    import subprocess
    from PIL import Image
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (Debian's poppler-utils) is needed to render the printed pages")
    sheet = tmp_path / "sheet.html"
    sheet.write_text(worksheet_html("04_framing", lang), "utf-8")
    page = chromium.new_page()
    page.goto(sheet.as_uri())
    page.pdf(path=str(tmp_path / "sheet.pdf"), prefer_css_page_size=True)
    page.close()
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(tmp_path / "sheet.pdf"), str(tmp_path / "p")],
                   check=True)
    pages = sorted(tmp_path.glob("p-*.png"))
    assert len(pages) >= 2
    first = Image.open(pages[0]).convert("L")
    assert first.size == (331, 468)                       # 210 x 297 mm at 40 dpi
    title = first.crop((0, 20, first.width, 60))          # the band of the title
    left = sum(1 for x in range(first.width // 2) for y in range(40) if title.getpixel((x, y)) < 128)
    right = sum(1 for x in range(first.width // 2, first.width) for y in range(40)
                if title.getpixel((x, y)) < 128)
    assert (right > 3 * left) if lang == "ar" else (left > 3 * right)


def test_the_class_page_is_built_from_a_teachers_notebook(tmp_path, monkeypatch):
    """ClassView (notebooks/teacher_keys.ipynb) does what `python -m kit class` does, with
    widgets: the page shown and saved, the damaged export named, no path asked for first."""
    import kit
    from kit.course.fake_class import write_class
    from kit.widgets.class_view import ClassView
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path / "work"))
    write_class(tmp_path / "exports", students=6, damaged=1, duplicates=0)
    monkeypatch.setattr(kit.course.i18n, "_state", {"lang": "en"})   # back to the language before, after
    view = ClassView(output=tmp_path / "class.html")
    view.build()
    assert "First write the path" in view.status.value and view.written is None
    view.paths.value = str(tmp_path / "exports")
    view.page_lang.value = "ar"
    view.build()
    assert view.last_error is None and view.written == (tmp_path / "class.html").resolve()
    assert "The class page: 6 students" in view.status.value and "damaged_1.zip" in view.status.value
    saved = view.written.read_text("utf-8")
    assert saved == view.page and 'dir="rtl"' in saved and "<script>" not in view.status.value
    assert "srcdoc=" in view.view.value and "<html" not in view.view.value   # the page is escaped


def test_the_class_page_reads_a_coding_from_the_ticks_as_the_annotator_does():
    """Ticks decide over the dropdown; an unbroken tie and damaged entries are left out."""
    from kit.course.collect import StudentWork
    from kit.course.seed_work import FRAMES_WORK, seed_work
    paragraphs = {"0": {"frame": "morality", "questions": ["conflict:0", "conflict:1", "morality:0"]},
                  "1": {"frame": "economic", "questions": []},
                  "2": {"frame": None, "questions": ["conflict:0", "responsibility:2"]},
                  "3": {"frame": "responsibility", "questions": ["conflict:0", "responsibility:2"]},
                  "4": {"frame": "none", "questions": [7, "warfare:0"]},
                  "5": "conflict"}
    student = StudentWork("s", True, "en", "s.zip", None, {
        FRAMES_WORK: {"articles": {seed_work().key: {"paragraphs": paragraphs}}}})
    count = len(seed_work().analysis.paragraphs)
    assert class_summary._codes(student, count) == {0: "conflict", 1: "economic", 3: "responsibility",
                                                    4: "none"}
