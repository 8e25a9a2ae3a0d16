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
        row = next(line for line in table.splitlines()
                   if line.replace("<bdi>", "").startswith(f"| «{p['arabic']}»"))
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


# --- one table of reporting verbs -------------------------------------------------------------

def test_the_verb_table_is_complete():
    import json
    from typing import get_args
    from kit.engine.model import Connotation
    from kit.lenses.verbs import CATEGORIES, GOVERNMENTS, verb_table
    from kit.view import plots
    table = verb_table()
    assert len(table) >= 50
    assert {v.category for v in table.values()} == set(CATEGORIES) == set(get_args(Connotation))
    for v in table.values():
        assert v.implies_en and v.implies_ar and v.government in GOVERNMENTS, v
    assert plots.CONNOTATIONS == CATEGORIES and set(plots._CONNOTATION_STYLE) == set(CATEGORIES)
    styles = json.loads(read_text("lens_styles.json"))["reporting_verbs"]
    assert set(CATEGORIES) <= set(styles)
    assert table["زعم"].category == table["ادعى"].category == "doubting"
    assert table["وصف"].category == "evaluative" and table["كشف"].category == "assertive"
    assert "hidden truth" in table["كشف"].implies_en


def test_lens_chart_and_table_agree(seed):
    from kit.engine.arabic import tokenize
    from kit.engine.cues import cue_of
    from kit.lenses import voices
    from kit.lenses.verbs import verb_table
    found = lenses.reporting_verb_highlights(seed)
    assert found
    for h in found:
        verb = verb_table()[cue_of(tokenize(h.text)[0]).lemma]
        assert h.category == verb.category and verb.implies_en in h.why_en and verb.implies_ar in h.why_ar
    insisted = next(h for h in found if h.text == "أصر")
    assert insisted.why_en == ("«أصر» (insist): presents the speaker as holding firm against "
                               "objections: firmness to some readers, stubbornness to others.")
    assert voices.verbs_by_speaker(seed, "en")["Benjamin Netanyahu"] == {"assertive": 1, "evaluative": 1, "neutral": 1}


@pytest.fixture
def english():
    from kit.course.i18n import get_language
    before = get_language()
    kit.set_language("en")
    yield
    kit.set_language(before)


def test_reframe_lab_offers_verbs_of_another_category(seed, english):
    from kit.lenses.verbs import verb_table
    from kit.widgets.reframe import ReframeLab
    lab = ReframeLab()
    target = next(x for x in lab.targets if x.highlight.text == "أصر")
    offered = {lemma for _, lemma in target.options}
    assert "زعم" in offered and "قال" in offered and "أكد" not in offered
    assert all(verb_table()[lemma].category != "assertive" for lemma in offered)
    assert lab._option_label(target, "زعم", "زعم").endswith("Doubting verb")


def test_exercise_keys_follow_the_verb_table():
    from kit.course.exercises import load_exercises
    from kit.engine.arabic import tokenize
    from kit.engine.cues import cue_of
    from kit.lenses.verbs import CATEGORIES, verb_table

    def category(written):
        return verb_table()[cue_of(tokenize(written)[0]).lemma].category

    ex = load_exercises("04_framing")
    for exercise_id, written in (("verb_insisted", "أصر"), ("verb_warned", "وحذر")):
        assert [o["id"] for o in ex[exercise_id].options] == list(CATEGORIES)
        assert list(ex[exercise_id].accept) == [category(written)]
    neutral = ex["neutral_verbs"]
    assert {o["id"] for o in neutral.options if category(o["ar"]) == "neutral"} == set(neutral.accept)
    assert category("وزعم") == "doubting"
    assert list(load_exercises("06_bring_your_own")["mayor_verb"].accept) == ["doubt"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_notebook_04_shows_the_table_not_a_copy(lang):
    from kit.lenses.verbs import verb_table
    from kit.view.verb_table import reporting_verb_table
    cells = _cells(lang, "04_framing")
    assert "reporting_verb_table()" in cells
    assert not any("| Evaluative" in c or "| تقييمية" in c or "زعم" in c for c in cells)
    html = reporting_verb_table(lang).html
    for v in verb_table().values():
        assert kit.view.render.esc(v.implies(lang)) in html


# --- terminology: what each word implies and who uses it, no neutral truth --------------------

def test_terminology_names_no_word_the_neutral_one():
    from kit.course.exercises import load_exercises
    rows = [r for r in read_tsv("loaded_terms.tsv") if r["kind"] == "terminology"]
    for r in rows:
        text = r["why_en"].lower() + r["why_ar"]
        assert "neutral" not in text and "حياد" not in text and "محايد" not in text, r["term"]
    for stem in ("04_framing", "05_reframe"):
        for e in load_exercises(stem):
            said = e.explanation or {"en": "", "ar": ""}
            assert "most neutral" not in said["en"] and "الأكثر حياد" not in said["ar"]
    users = [r for r in rows if "word of" in r["why_en"] or "uses" in r["why_en"]]
    assert len(users) >= 10          # who tends to use each word


def test_attack_alternatives_depend_on_whose_attack(seed):
    found = {h.text: h for h in lenses.loaded_term_highlights(seed) if h.category == "terminology"}
    october = found["هجوم السابع من أكتوبر"]
    israeli = found["للهجوم الإسرائيلي"]
    assert "رد" not in october.why_ar.split("بدائل:")[1]       # not a "response"
    assert "طوفان الأقصى" in october.why_ar and "Hamas's own name" in october.why_en
    assert "الرد الإسرائيلي" in israeli.why_ar.split("بدائل:")[1]
    assert "Israeli and US officials" in israeli.why_en and "aggression" in israeli.why_en
    bare = next(r for r in read_tsv("loaded_terms.tsv") if r["term"] == "هجوم")
    assert "رد" not in bare["alternatives"].split("؛")


# --- counts that do not mislead ---------------------------------------------------------------

def test_statements_not_nested_spans(seed):
    from kit.lenses import voices
    blinken = [q for q in seed.quotes if q.speaker == "Antony Blinken"]
    assert len(blinken) == 6                                   # spans, of which 3 nested
    said = [q.text[:16] for q in voices.statements(seed) if q.speaker == "Antony Blinken"]
    assert said == [q[:16] for q in ("في حين أن الاقتراح", "لا يمكن أن يكون بمثابة", "أثار \"مخاوفنا العميقة")]
    assert voices.statement_counts(seed) == {"ft": 1, "aaron_david_miller": 2, "biden": 2, "blinken": 3,
                                             "netanyahu": 3}


def test_quiz_and_source_map_count_statements(seed, english):
    from kit.widgets.quiz import QuoteQuiz
    from kit.widgets.sources import SourceMap
    quiz = QuoteQuiz()
    assert quiz.total == 11 and [q.text for q in quiz.quotes].count("البدايات") == 0
    smap = SourceMap()
    assert smap.nodes["blinken"].quotes == 3
    assert "Antony Blinken (Person, statements: 3)" in smap.alt_text("en")
    blinken_row = next(r for r in smap.table_html.split("<tr>") if "Antony Blinken" in r)
    assert "<td dir=\"auto\">3</td>" in blinken_row


def test_the_guide_gives_the_quiz_page_as_the_quiz_shows_it(seed, english):
    """The guide's "20 statements a page (the article's 11 fit on one)", in both languages,
    is the quiz's page size and the seed quiz's length."""
    from kit.widgets.quiz import PAGE_SIZE, QuoteQuiz
    guide = (ROOT / "notebooks" / "teacher_guide.md").read_text("utf-8")
    total = QuoteQuiz().total
    assert total <= PAGE_SIZE
    assert f"shows {PAGE_SIZE} statements a page (the article's {total} fit on one)" in guide
    assert f"يعرض {PAGE_SIZE} تصريحًا في الصفحة\n  (تصريحات المقال الـ{total} في صفحة واحدة)" in guide


def test_absent_voices_are_parties_not_places_or_affiliations(seed):
    from kit.lenses import voices
    absent = voices.absent_parties(seed)
    assert absent == ["Hamas", "Israeli army", "Itamar Ben-Gvir", "Bezalel Smotrich"]
    other = kit.analyze(text="وقال الوزير إن المحادثات مستمرة. وأعلن البيت الأبيض دعمه للمحادثات.")
    assert "The White House" in voices.absent_parties(other)    # a party when it acts


def test_two_outlets_share_one_scale_per_chart():
    from kit.course.samples import outlet_pair
    from kit.view.compare import comparison_charts
    outlets = outlet_pair("bus_fares")
    charts = comparison_charts({name: kit.analyze(text) for name, text in outlets.items()})
    assert len(charts) == 2
    for kind in range(3):
        limits = [sorted(c[kind].figure.axes[0].get_xlim()) for c in charts.values()]
        assert limits[0] == limits[1] and limits[0][0] == 0, limits
    words = [max(p.get_width() for p in c[1].figure.axes[0].patches) for c in charts.values()]
    assert words[0] != words[1]          # the longer bar is longer on the shared axis


# --- wording ----------------------------------------------------------------------------------

def test_wording_that_was_wrong():
    from kit.course.exercises import load_exercises
    from kit.course.i18n import t
    relay = load_exercises("01_anatomy")["relay"]
    assert "first" not in relay.prompt["en"] and "أولًا" not in relay.prompt["ar"]
    assert "rely on" in relay.prompt["en"]
    summary = t("w_frames_summary", "ar", percent=50, same=3, n=6)
    assert "6 فقرة" not in summary and "3 من 6" in summary
    assert t("w_kappa_fair", "ar") == "اتفاق محدود"          # Landis & Koch: 0.21-0.40
    for key in ("w_how_after_verb", "w_how_before_verb", "w_how_before_colon", "w_how_after_an",
                "w_how_before_relative", "w_how_according_to", "w_how_document"):
        assert "اسمه" not in t(key, "ar") and "إليه" not in t(key, "ar"), key   # a speaker may be a woman


# --- framing beyond recognition: Entman, and the codebook decides ------------------------------

@pytest.mark.parametrize("lang, title", [("en", "Entman's four functions"), ("ar", "وظائف إنتمان الأربع")])
def test_notebook_04_applies_entmans_four_functions_to_the_seed(lang, title, seed):
    cell = next(c for c in _cells(lang, "04_framing") if title in c)
    rows = [line for line in cell.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == 4
    text = SEED.read_text("utf-8")
    for quoted in __import__("re").findall(r"«([^»]+)»", cell):   # every quotation is the article's
        assert quoted.replace("...", "") in text or all(part in text for part in quoted.split("...")), quoted


def test_frame_exercises_are_decided_by_the_codebook():
    from kit.course.exercises import load_exercises
    ex = load_exercises("04_framing")
    biden = ex["frame_biden"]
    assert "codebook" in biden.prompt["en"] and "cue words" not in biden.prompt["en"]
    assert "only a hint" in biden.hints["*"]["en"]
    assert list(ex["entman_treatment"].accept) == ["treatment"]


# --- lessons that fit a school: 45 minutes, objectives on top -----------------------------------

def _lesson_sections(guide: str, heading: str) -> dict[int, str]:
    import re
    parts = re.split(rf"^### {heading} (\d)", guide, flags=re.M)
    return {int(n): body.split("\n## ")[0] for n, body in zip(parts[1::2], parts[2::2], strict=True)}


@pytest.mark.parametrize("lang, heading, minutes_re, objectives", [
    ("en", "Lesson", r"⏱️ About (\d+) minutes \(lesson (\d) of 6", "**By the end of this notebook you can:**"),
    ("ar", "الحصة", r"⏱️ نحو (\d+) دقيقة \(الحصة (\d) من 6", "<strong>في نهاية هذا الدفتر تستطيع:</strong>")])
def test_notebook_headers_follow_the_lesson_plans(lang, heading, minutes_re, objectives):
    import re
    from kit.course.editions import lessons
    guide = (ROOT / "notebooks" / "teacher_guide.md").read_text("utf-8")
    plans = _lesson_sections(guide, heading)
    assert sorted(plans) == [1, 2, 3, 4, 5, 6]
    unit = "min" if lang == "en" else "دقيقة"
    totals = {}
    for lesson in lessons(lang):
        header = _cells(lang, lesson.stem)[1]
        minutes, number = map(int, re.search(minutes_re, header).groups())
        plan = plans[number]
        title = plan.splitlines()[0]
        assert re.search(rf"{lesson.stem[:2]} [^(\n]+\({minutes} {unit}\)", title), (lesson.stem, title)
        bullets = [line for line in header.split(objectives)[1].splitlines() if line.startswith("- ")]
        assert len(bullets) == 3 and all(b in plan for b in bullets), lesson.stem
        totals[number] = totals.get(number, 0) + minutes
    assert totals == {n: 45 for n in range(1, 7)}
    for plan in plans.values():
        for part in (("**Activity:**", "**Discussion:**", "**Homework:**") if lang == "en"
                     else ("**النشاط:**", "**النقاش:**", "**الواجب:**")):
            assert part in plan


# --- quotation marks that are not speech -------------------------------------------------------

def test_name_marks_lens_and_exercise_agree_with_the_engine(seed):
    from kit.course.exercises import load_exercises
    names = lenses.name_mark_highlights(seed)
    assert [(h.text, h.category) for h in names] == [("فايننشال تايمز", "name")]
    assert "«صحيفة»" in names[0].why_en and "not say that anyone spoke" in names[0].why_en
    assert "name_marks" in lenses.LENSES
    sentence = 'وقال وزير الصحة لبرنامج "صباح الخير" إن "الوضع مستقر" في المستشفيات.'
    exercise = load_exercises("03_quotes")["name_marks"]
    assert sentence[:-1] in exercise.prompt["ar"].replace('\\"', '"')
    analysis = kit.analyze(text=sentence)
    assert [n.text for n in analysis.non_quotes] == ["صباح الخير"]
    assert "الوضع مستقر" in [q.text for q in analysis.quotes] and list(exercise.accept) == ["stable"]


# --- judgement, model answers, rubrics, first attempts -----------------------------------------

def test_judgement_questions_have_model_answers_and_rubrics():
    from kit.course.exercises import check, load_exercises
    from kit.lenses.verbs import verb_table
    judged = [(stem, e) for stem in ("02_sourcing", "03_quotes", "04_framing", "05_reframe")
              for e in load_exercises(stem) if e.type == "open" and e.model_answer]
    assert {e.id for _, e in judged} >= {"why_absent", "who_speaks", "promise", "million", "neutral_verb",
                                         "neutral_lead", "reframe_paragraph"}
    for _, e in judged:
        assert len(e.rubric) >= 3
        said = check(e, "my answer")
        assert said.correct is None and "One possible answer: " in said.message("en")
        assert "(1) " + e.rubric[0]["en"] in said.message("en") and "إجابة ممكنة: " in said.message("ar")
    verb = load_exercises("04_framing")["neutral_verb"]
    assert "قال نتنياهو " + verb_table()["قال"].government in verb.model_answer["ar"]
    assert "أصر " + verb_table()["أصر"].government in verb.explanation["ar"]


def test_a_model_answer_belongs_to_an_open_question(tmp_path):
    import json
    from kit.course.exercises import load_exercises
    from kit.errors import ExerciseError
    item = {"id": "q", "type": "choice", "prompt": {"ar": "س", "en": "q"},
            "options": [{"id": "a", "ar": "أ", "en": "a"}, {"id": "b", "ar": "ب", "en": "b"}],
            "accept": ["a"], "model_answer": {"ar": "أ", "en": "a"}}
    path = tmp_path / "99_x.json"
    path.write_text(json.dumps({"schema": "framing-lab/exercises", "version": 1, "notebook": "99_x",
                                "exercises": [item]}), "utf-8")
    with pytest.raises(ExerciseError) as error:
        load_exercises(path)
    assert "model_answer" in error.value.en


def test_work_saved_before_first_attempts_were_kept_still_scores(tmp_path, monkeypatch, english):
    from kit.course.storage import save_work
    from kit.widgets.exercise_box import ExerciseBox
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path / "work"))
    save_work("ex_03_quotes", {"notebook": "03_quotes", "answers": {"who_wahmiya": "netanyahu"}})
    box = ExerciseBox("03_quotes")
    assert box.first == {"who_wahmiya": "netanyahu"} and box.attempts == {"who_wahmiya": 1}
    assert box.score[0] == 1
    box.answer("who_wahmiya", "writer")
    box.check("who_wahmiya")
    assert box.score[0] == 1 and box.attempts["who_wahmiya"] == 2     # the first attempt stands


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_marks_exercise_asks_what_the_free_editing_box_shows(lang):
    """Lesson 05's box starts with «وهمية» without its marks and asks students to type them
    back: the self-check asks about the sentence as the box shows it, not to remove the marks."""
    import json
    cells = "\n".join(_cells(lang, "05_reframe"))
    assert 'SentenceBox("غير أن نتنياهو رفض هذه المقترحات ووصفها بأنها وهمية."' in cells
    assert '"وهمية"' in SEED.read_text("utf-8")          # the article has the marks
    exercises = json.loads((ROOT / "exercises" / "05_reframe.json").read_text("utf-8"))["exercises"]
    prompt = next(e for e in exercises if e["id"] == "remove_marks")["prompt"][lang]
    assert ("بلا علامتي التنصيص" if lang == "ar" else "without the quotation marks") in prompt
    assert not any(word in prompt for word in ("احذف", "remove"))
