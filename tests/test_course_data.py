"""The course's data agrees with itself and with the engine.

Every exercise file loads, every right answer is accepted and every wrong answer that has a
hint gets it; and the answer keys say what the engine finds in the seed (who says «وهمية»,
how many sources, which verb is assertive...), so a change in the engine that would make a
question wrong fails here, not in front of a class. The same for the teacher's frame key and
the invented articles of notebook 06.
"""
import json
import re
from pathlib import Path

import pytest

import kit
from kit.lenses import highlights as lenses, voices
from kit.course.exercises import check, exercises_dir, load_exercises
from kit.view.plots import SOURCE_TYPES
from kit.lenses.translations import translated_quotes

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6066f5c852812abd.txt"
EXERCISES = ROOT / "exercises"


from kit.course.editions import lessons  # noqa: E402
from kit.course.samples import outlet_pair, sample_info, sample_names, sample_text  # noqa: E402

STEMS = [lesson.stem for lesson in lessons("ar")]


@pytest.fixture(scope="module")
def seed():
    return kit.analyze(SEED)


@pytest.fixture(scope="module")
def seed_text():
    return SEED.read_text("utf-8")


def exercise(notebook: str, exercise_id: str):
    return load_exercises(notebook)[exercise_id]


def accepted(notebook: str, exercise_id: str):
    """The accepted option(s) of a choice (one id) or multi (a set of ids) exercise."""
    e = exercise(notebook, exercise_id)
    return e.accept[0] if e.type == "choice" else set(e.accept)


def option(notebook: str, exercise_id: str, option_id: str, lang: str = "en") -> str:
    return next(o[lang] for o in exercise(notebook, exercise_id).options if o["id"] == option_id)


def quoted(text: str) -> str:
    """The words between «» in an option (the article's words it refers to)."""
    return re.search("«([^»]+)»", text).group(1)


def quote_starting(analysis, start: str):
    return next(q for q in analysis.quotes if q.text.startswith(start))


def highlight(analysis, lens: str, text: str, paragraph: int | None = None):
    found = [h for h in lenses.all_highlights(analysis, (lens,)) if h.text == text
             and (paragraph is None or analysis.paragraphs[paragraph].start <= h.start
                  < analysis.paragraphs[paragraph].end)]
    assert found, (lens, text)
    return found[0]


# --- the files ------------------------------------------------------------------------------------

def test_every_lesson_has_an_exercise_file_and_every_file_a_lesson():
    files = sorted(p.stem for p in EXERCISES.glob("*.json") if re.fullmatch(r"\d\d_\w+", p.stem))
    assert files == STEMS
    assert exercises_dir() == EXERCISES


@pytest.mark.parametrize("stem", STEMS)
def test_exercise_file_loads_and_names_its_lesson(stem):
    exercises = load_exercises(stem)
    assert exercises.notebook == stem
    assert 3 <= len(exercises) <= 10
    assert any(e.type == "open" for e in exercises), "each notebook keeps one reflection question"
    assert any(e.gradable for e in exercises)
    for e in exercises:
        if e.gradable:
            assert e.explanation, f"{stem}/{e.id}: a right answer deserves an explanation"


def _right_answers(e) -> list:
    if e.type == "choice":
        return list(e.accept)
    if e.type == "multi":
        return [list(e.accept)]
    return list(e.accept)


def _wrong_answers_with_hints(e) -> list[tuple[object, str]]:
    """(a wrong answer, the hint key it must get) for every hint of the exercise."""
    cases = []
    ids = [o["id"] for o in e.options]
    for key in e.hints:
        if key != "*":
            cases.append(((sorted(set(e.accept) | {key}) if e.type == "multi" else key), key))
    if "*" in e.hints:
        if e.type == "text":
            cases.append(("جواب لا علاقة له", "*"))
        elif e.type == "choice":
            plain = [i for i in ids if i not in e.accept and i not in e.hints]
            if plain:
                cases.append((plain[0], "*"))
        else:
            missing = sorted(e.accept)[:-1] if len(e.accept) > 1 else []
            if missing:
                cases.append((missing, "*"))   # only some of the right options: no wrong one chosen
    return cases


@pytest.mark.parametrize("stem", STEMS)
def test_right_answers_are_accepted_and_wrong_ones_get_their_hint(stem):
    for e in load_exercises(stem):
        if not e.gradable:
            feedback = check(e, "رأيي")
            assert feedback.correct is None and feedback.message("ar") and feedback.message("en")
            continue
        for answer in _right_answers(e):
            feedback = check(e, answer)
            assert feedback.correct is True, (stem, e.id, answer)
            assert feedback.message_ar == e.explanation["ar"]
        for answer, key in _wrong_answers_with_hints(e):
            feedback = check(e, answer)
            assert feedback.correct is False and feedback.hint, (stem, e.id, answer)
            assert (feedback.message_en, feedback.message_ar) == (e.hints[key]["en"], e.hints[key]["ar"])
        assert check(e, None).correct is False


# --- answer keys against the engine: notebooks 00-03 ---------------------------------------------

def test_00_the_outlet_is_not_the_newspaper_it_relays(seed):
    assert option("00_start_here", "outlet", "ft") == seed.relay
    assert accepted("00_start_here", "outlet") != "ft"


def test_01_the_lead_is_the_first_paragraph(seed):
    e = exercise("01_anatomy", "lead")
    where = {o["id"]: next(p.index for p in seed.paragraphs if p.text.startswith(quoted(o["ar"])))
             for o in e.options}
    assert where[accepted("01_anatomy", "lead")] == 0
    assert all(index > 0 for option_id, index in where.items() if option_id not in e.accept)


def test_01_page_furniture(seed):
    assert check(exercise("01_anatomy", "furniture_count"), str(len(seed.boilerplate))).correct
    e = exercise("01_anatomy", "furniture")
    for o in e.options:
        words = quoted(o["ar"])
        in_furniture = any(words in block.text for block in seed.boilerplate)
        in_body = any(words in p.text for p in seed.paragraphs)
        assert in_furniture == (o["id"] in e.accept) and in_body == (o["id"] not in e.accept), o


def test_01_who_wrote_what(seed):
    assert option("01_anatomy", "relay", accepted("01_anatomy", "relay")) == seed.relay
    first_verb = min((h for h in lenses.all_highlights(seed, ("reporting_verbs",))
                      if h.start < seed.paragraphs[0].end), key=lambda h: h.start)
    assert check(exercise("01_anatomy", "relay_verb"), first_verb.text).correct


def test_02_sources(seed):
    assert check(exercise("02_sourcing", "count"), str(len(seed.sources))).correct
    media = [s.name for s in seed.sources if s.type == "media"]
    assert media == [option("02_sourcing", "media", accepted("02_sourcing", "media"))]
    assert option("02_sourcing", "media", "carnegie") not in voices.absent_parties(seed)  # an affiliation
    most = next(iter(voices.quoted_words(seed, "en")))
    assert option("02_sourcing", "most_words", accepted("02_sourcing", "most_words")) == most


def test_02_the_chain_and_the_absent(seed):
    miller = [q for q in seed.quotes if q.speaker == "Aaron David Miller"]
    assert miller and all(q.via == ("Financial Times",) for q in miller)
    assert accepted("02_sourcing", "chain") == "via_ft"
    has_anonymous = "anonymous" in voices.source_type_counts(seed)
    assert accepted("02_sourcing", "anonymous") == ("yes" if has_anonymous else "no")
    absent, quoted_names = voices.absent_parties(seed), {s.name for s in seed.sources}
    e = exercise("02_sourcing", "absent")
    for o in e.options:
        assert (o["en"] in absent) == (o["id"] in e.accept), o
        assert (o["en"] in quoted_names) == (o["id"] not in e.accept), o


def test_02_who_speaks_says_what_the_engine_finds(seed):
    """The question and lesson 02 say every voice is an official, an analyst or the newspaper,
    all named men; the chart must show that."""
    tally = voices.who_speaks(seed)
    kinds = {kind for kind, c in tally["category"].items() if c["sources"]}
    assert kinds == {"official", "expert or analyst", "media outlet"}
    people = [s for s in seed.sources if s.type == "person"]
    assert [s.gender_label for s in people] == ["male"] * 4
    assert tally["naming"]["anonymous"]["sources"] == 0
    assert tally["category"]["witness or citizen"]["sources"] == 0
    prompt = exercise("02_sourcing", "who_speaks").prompt
    for name in ("Biden", "Blinken", "Netanyahu", "Miller"):
        assert name in prompt["en"]


def test_03_who_says_wahmiya_and_how(seed):
    q = next(q for q in seed.quotes if q.text == "وهمية")
    assert option("03_quotes", "who_wahmiya", accepted("03_quotes", "who_wahmiya")) == q.speaker
    assert accepted("03_quotes", "kind_wahmiya") == q.kind
    assert accepted("03_quotes", "kind_blinken") == quote_starting(seed, "في حين أن الاقتراح").kind


def test_03_carried_speaker_and_cue(seed):
    carried = quote_starting(seed, "إن المتحاربين")
    assert carried.cue == "وأضاف"
    assert option("03_quotes", "carried", accepted("03_quotes", "carried")) == carried.speaker
    warned = quote_starting(seed, "لا يمكن أن يكون بمثابة ترخيص")
    assert check(exercise("03_quotes", "cue_warned"), warned.cue).correct
    assert warned.speaker == "Antony Blinken"


def test_03_quotes_in_translation(seed):
    pairs = translated_quotes(seed)
    non_starters = [p for p in pairs if p["english_phrase"] == "non-starters"]
    assert [p["arabic"] for p in non_starters] == ["البدايات"]
    assert next(q for q in seed.quotes if q.text == "البدايات").speaker == "Antony Blinken"
    assert accepted("03_quotes", "non_starters") == "inverted"
    renderings = {p["arabic"] for p in pairs if p["english_phrase"] == "over the top"}
    assert renderings == {"مفرط", "جاوز الحد", "تجاوز الحد"}
    assert check(exercise("03_quotes", "over_the_top"), str(len(renderings))).correct


# --- notebooks 04-06 --------------------------------------------------------------------------

def test_04_verb_connotations(seed):
    assert highlight(seed, "reporting_verbs", "أصر").category == accepted("04_framing", "verb_insisted")
    assert highlight(seed, "reporting_verbs", "وحذر").category == accepted("04_framing", "verb_warned")
    e = exercise("04_framing", "neutral_verbs")
    for o in e.options:
        assert (highlight(seed, "reporting_verbs", o["ar"]).category == "neutral") == (o["id"] in e.accept), o


def test_04_words_for_the_captives(seed):
    body = " ".join(p.text for p in seed.paragraphs)
    terms = {h.text for h in lenses.all_highlights(seed, ("loaded_terms",)) if h.category == "terminology"}
    e = exercise("04_framing", "captives")
    for o in e.options:
        assert (o["ar"] in body) == (o["id"] in e.accept), o
        if o["id"] in e.accept:
            assert o["ar"] in terms, (o, terms)


def test_04_frame_of_bidens_paragraph_and_the_key_agree(seed):
    paragraph = 6   # "paragraph 7" to the student
    assert seed.paragraphs[paragraph].text.startswith("وقال بايدن للصحفيين")
    scores = lenses.frame_scores(seed)[paragraph]
    assert max(scores, key=scores.get) == accepted("04_framing", "frame_biden")
    key = json.loads((EXERCISES / "frame_key.json").read_text("utf-8"))
    assert key["paragraphs"][str(paragraph)] == accepted("04_framing", "frame_biden")


def test_04_who_asserts_the_numbers(seed):
    claims = {h.text: speaker for h, speaker in lenses.number_claims(seed)}
    about_130 = next(speaker for text, speaker in claims.items() if "130" in text)
    assert about_130 is None and accepted("04_framing", "number_130") == "writer"
    million = next(speaker for text, speaker in claims.items() if "مليون" in text)
    assert million is None   # the writer's (…، حيث يعيش…: a gloss), as the open question says


def test_05_rewrites_change_the_lenses_as_the_answers_say(seed_text):
    said = kit.analyze(seed_text.replace("أصر نتنياهو", "قال نتنياهو", 1))
    at = seed_text.index("أصر نتنياهو")
    verb = next(h for h in lenses.all_highlights(said, ("reporting_verbs",)) if h.start == at)
    assert verb.category == accepted("05_reframe", "insisted_to_said")
    aggression = kit.analyze(seed_text.replace("الرد العسكري الإسرائيلي في غزة", "العدوان الإسرائيلي على غزة", 1))
    assert any(h.text == "العدوان" and h.category == "terminology"
               for h in lenses.all_highlights(aggression, ("loaded_terms",)))
    assert accepted("05_reframe", "response_to_aggression") == "still_marked"
    unmarked = kit.analyze(seed_text.replace('"وهمية"', "وهمية", 1))
    assert not any(q.text == "وهمية" for q in unmarked.quotes)
    assert accepted("05_reframe", "remove_marks") == "writer"


def test_05_the_lab_offers_the_changes_the_lesson_asks_for():
    from kit.widgets import ReframeLab
    lab = ReframeLab()
    for words, old, new, lens, category in (("أصر نتنياهو", "أصر", "قال", "reporting_verbs", "neutral"),
                                            ("مفرط", "الرد العسكري", "العدوان", "loaded_terms", "terminology"),
                                            ("المحتجزين لدى", "المحتجزين", "الرهائن", "loaded_terms", "terminology")):
        sentence = next(i for i, s in enumerate(lab.sentences) if words in s.text)
        result = lab.choose(sentence, old, new)
        assert result is not None and lab.last_error is None, (old, new)
        assert any(h.lens == lens and h.category == category for h in result.readings["rewritten"]), (old, new)


def test_06_the_two_outlets():
    outlets = outlet_pair("bus_fares")
    assert list(outlets) == ["الأفق", "المرصد"]
    a, b = (kit.analyze(text=text) for text in outlets.values())
    speakers = {"nurse": "هند سالم", "union": "نقابة سائقي الحافلات", "mayor": "سامي نصار",
                "anonymous": "مصدر مطلع في البلدية"}
    assert set(speakers.values()) == {s.name for s in b.sources}
    assert speakers[accepted("06_bring_your_own", "most_words_b")] == next(iter(voices.quoted_words(b)))
    mayor_a, mayor_b = voices.verbs_by_speaker(a)["سامي نصار"], voices.verbs_by_speaker(b)["سامي نصار"]
    assert set(mayor_a) == {"neutral"} and "neutral" not in mayor_b
    assert accepted("06_bring_your_own", "mayor_verb") == "doubt"
    anonymous = {"ufuq": "anonymous" in voices.source_type_counts(a),
                 "marsad": "anonymous" in voices.source_type_counts(b)}
    assert [k for k, v in anonymous.items() if v] == [accepted("06_bring_your_own", "anonymous_source")]


@pytest.mark.parametrize("name", sample_names())
def test_06_invented_articles_are_read_cleanly(name):
    """The notebook's examples must show the kit at its best: every quote has a speaker, and
    every source type is one the charts draw."""
    assert sample_info(name)["title"]["en"].endswith("(invented)") or "invented" in sample_info(name)["title"]["en"]
    analysis = kit.analyze(text=sample_text(name))
    assert analysis.quotes and all(q.speaker for q in analysis.quotes), analysis.quotes
    assert not analysis.diagnostics, analysis.diagnostics
    assert set(voices.source_type_counts(analysis)) <= set(SOURCE_TYPES)


# --- the teacher's frame key -------------------------------------------------------------------------

def test_frame_key_codes_every_paragraph_of_the_seed(seed):
    key = json.loads((EXERCISES / "frame_key.json").read_text("utf-8"))
    assert key["schema"] == "framing-lab/frame-key" and key["article"] == SEED.name
    frame_ids = {f["id"] for f in lenses.frames()}
    assert sorted(map(int, key["paragraphs"])) == list(range(len(seed.paragraphs)))
    assert set(key["paragraphs"].values()) <= frame_ids
    assert sorted(key["notes"]) == sorted(key["paragraphs"])
    for index, note in key["notes"].items():
        assert seed.paragraphs[int(index)].text.startswith(note["starts"]), index
        assert set(note["also"]) <= frame_ids and key["paragraphs"][index] not in note["also"]
        assert note["ar"].strip() and note["en"].strip()
    assert key["about"]["ar"] and key["about"]["en"]


def test_the_frame_annotator_reads_the_key(tmp_path, monkeypatch):
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path))
    from kit.widgets import FrameAnnotator
    key = json.loads((EXERCISES / "frame_key.json").read_text("utf-8"))["paragraphs"]
    annotator = FrameAnnotator()
    for index, frame in key.items():
        annotator.go(int(index))
        annotator.frame.value = frame
    comparison = annotator.compare()
    assert annotator.last_error is None
    assert comparison.compared == len(key) and comparison.agreement == 1.0 and comparison.kappa == 1.0


# --- the self-check box and the progress view ----------------------------------------------------

@pytest.fixture
def work(tmp_path, monkeypatch):
    """A fresh student work folder, and the interface language restored afterwards."""
    monkeypatch.setenv("FRAMING_LAB_WORK_DIR", str(tmp_path / "work"))
    before = kit.get_language()
    yield tmp_path / "work"
    kit.set_language(before)


def test_exercise_box_checks_saves_and_restores(work):
    from kit.widgets.exercise_box import ExerciseBox
    from kit.widgets.progress import course_progress
    kit.set_language("en")
    box = ExerciseBox("03_quotes")
    assert box.buttons["who_wahmiya"].description == "Check"
    box.answer("who_wahmiya", "writer")
    assert box.check("who_wahmiya").hint
    assert "fl-w-wrong" in box.feedback["who_wahmiya"].value
    assert "someone else&#x27;s word" in box.feedback["who_wahmiya"].value   # escaped
    box.answer("who_wahmiya", "netanyahu")
    assert box.check("who_wahmiya").correct and "fl-w-right" in box.feedback["who_wahmiya"].value
    box.answer("over_the_top", "٣")
    assert box.check("over_the_top").correct
    box.answer("promise", "  ")
    assert box.check("promise").correct is None      # blank: asked to answer, nothing saved
    box.answer("promise", "They promise the speaker's own words.")
    assert box.check("promise").correct is None
    # The score counts first attempts: who_wahmiya was wrong first, right second.
    assert box.score == (1, 9) and box.last_error is None
    assert box.attempts == {"who_wahmiya": 2, "over_the_top": 1, "promise": 1}
    assert box.first["who_wahmiya"] == "writer"
    again = ExerciseBox("03_quotes")
    assert again.answers == {"who_wahmiya": "netanyahu", "over_the_top": "٣",
                             "promise": "They promise the speaker's own words."}
    assert again.score == (1, 9) and again.inputs["who_wahmiya"].value == "netanyahu"
    assert again.attempts["who_wahmiya"] == 2 and again.first["who_wahmiya"] == "writer"
    assert "fl-w-right" in again.feedback["who_wahmiya"].value
    row = next(r for r in course_progress() if r["notebook"] == "03_quotes")
    assert (row["answered"], row["total"], row["right"], row["gradable"]) == (3, 10, 1, 9)
    assert row["saved_at"] and row["problem"] is None


def test_exercise_box_multi_and_arabic(work):
    from kit.widgets.exercise_box import ExerciseBox
    kit.set_language("ar")
    box = ExerciseBox("02_sourcing", exercise_ids=["absent", "why_absent"])
    assert [e.id for e in box.exercises] == ["absent", "why_absent"]
    assert box.buttons["absent"].description == "تحقق" and box.buttons["why_absent"].description == "احفظ"
    box.answer("absent", ["hamas", "miller"])
    assert not box.check("absent").correct and "ميلر يُنقل كلامه" in box.feedback["absent"].value
    box.answer("absent", ["hamas", "ben_gvir", "smotrich"])
    assert box.check("absent").correct and box.score == (0, 1)    # the first attempt was wrong
    assert 'dir="rtl"' in box.feedback["absent"].value


def test_exercise_box_escapes_everything_and_uses_a_dropdown_for_many_options(work, tmp_path, monkeypatch):
    from kit.widgets.exercise_box import ExerciseBox
    folder = tmp_path / "exercises"
    folder.mkdir()
    hostile = "<img src=x onerror=alert(1)> $x$ \u202e"
    options = [{"id": f"o{i}", "ar": f"{hostile} {i}", "en": f"{hostile} {i}"} for i in range(6)]
    (folder / "99_hostile.json").write_text(json.dumps({
        "schema": "framing-lab/exercises", "version": 1, "notebook": "99_hostile",
        "exercises": [{"id": "q", "type": "choice", "prompt": {"ar": hostile, "en": hostile},
                       "options": options, "accept": ["o1"],
                       "hints": {"*": {"ar": hostile, "en": hostile}},
                       "explanation": {"ar": hostile, "en": hostile}}]}), "utf-8")
    monkeypatch.setenv("FRAMING_LAB_EXERCISES", str(folder))
    box = ExerciseBox("99_hostile")
    assert type(box.inputs["q"]).__name__ == "Dropdown"
    box.answer("q", "o2")
    box.check("q")
    shown = box.widget.children
    html_values = [w.value for w in _walk(box.widget) if type(w).__name__ == "HTML"]
    assert any("&lt;img" in value for value in html_values)
    assert not any("<img" in value for value in html_values)
    assert not any("$x$" in value for value in html_values)
    assert not any("\u202e" in value for value in html_values)
    assert shown and box.last_error is None


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def test_a_damaged_work_file_is_reported_not_fatal(work):
    from kit.errors import SavedWorkError
    from kit.widgets.exercise_box import ExerciseBox
    from kit.widgets.progress import course_progress, progress_widget
    work.mkdir(parents=True)
    (work / "ex_01_anatomy.json").write_text("{not json", "utf-8")
    box = ExerciseBox("01_anatomy")
    assert isinstance(box.last_error, SavedWorkError) and box.errors.outputs
    row = next(r for r in course_progress() if r["notebook"] == "01_anatomy")
    assert row["problem"] and row["answered"] == 0
    kit.set_language("en")
    view = progress_widget()
    assert "damaged file" in view.table.value and view.last_error is None
    box.answer("relay", "ft")
    assert box.check("relay").correct and box.errors.outputs   # never saved over the damaged file
    assert (work / "ex_01_anatomy.json").read_text("utf-8") == "{not json"
    box.recover_button.click()                                 # until the student recovers it
    assert list(work.glob("ex_01_anatomy.json.invalid-*"))
    assert box.check("relay").correct and not box.errors.outputs


@pytest.mark.parametrize("lang, title", [("ar", "الاقتباسات"), ("en", "Quotes")])
def test_progress_view_names_the_lessons_and_offers_the_zip(work, lang, title):
    from kit.widgets.exercise_box import ExerciseBox
    from kit.widgets.progress import progress_widget
    kit.set_language(lang)
    view = progress_widget()
    assert title in view.table.value and "data:application/zip" not in view.download.value
    box = ExerciseBox("00_start_here")
    box.answer("run_cell", "shift_enter")
    box.check("run_cell")
    view.refresh()
    assert ("1 من 4" if lang == "ar" else "1 / 4") in view.table.value
    assert "data:application/zip;base64," in view.download.value
    assert 'role="button" class="jupyter-button widget-button' in view.download.value   # a button
    stamp = re.search(r'<time class="fl-local" datetime="([^"]+)">([^<]+)</time>', view.table.value)
    assert stamp and "T" not in stamp[2] and "+00:00" not in stamp[2]
    assert stamp[2].startswith("اليوم، " if lang == "ar" else "today, ")


def test_saved_times_read_as_today_yesterday_or_a_date_in_local_time():
    from datetime import datetime, timedelta, timezone
    from kit.course.when import friendly
    here = datetime(2026, 12, 3, 15, 30).astimezone()           # the kernel's own time zone
    stamp = here.astimezone(timezone.utc).isoformat(timespec="seconds")
    assert stamp.endswith("+00:00")
    assert friendly(stamp, "en", now=here) == "today, 15:30"
    assert friendly(stamp, "ar", now=here + timedelta(days=1)) == "أمس، 15:30"
    assert friendly(stamp, "en", now=here + timedelta(days=9)) == "3 Dec 2026, 15:30"
    assert friendly(stamp, "ar", now=here + timedelta(days=9)) == "3 ديسمبر 2026، 15:30"
    assert friendly("yesterday", "en") == "yesterday"              # not a time stamp: as it is
