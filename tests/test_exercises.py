import copy
import json
from pathlib import Path

import pytest

from kit.errors import ExerciseError
from kit.course.exercises import Feedback, check, exercises_dir, load_exercises, score

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = Path(__file__).resolve().parent / "data" / "exercises_sample.json"


@pytest.fixture(scope="module")
def sample():
    return load_exercises(SAMPLE)


def hint_en(exercise_set, exercise_id: str, key: str) -> str:
    return exercise_set[exercise_id].hints[key]["en"]


# --- Finding and loading -----------------------------------------------------------------

def test_sample_loads_with_its_exercises(sample):
    assert sample.notebook == "03_quotes" and sample.source == SAMPLE
    assert [(e.id, e.type) for e in sample] == [("q1", "choice"), ("q2", "multi"), ("q3", "text"),
                                                ("q4", "text"), ("q5", "open")]
    assert sample["q2"].accept == ("a", "c") and sample["q1"].options[0]["ar"] == "الوزير"


def test_a_notebook_name_is_looked_up_in_the_exercises_folder(monkeypatch):
    monkeypatch.delenv("FRAMING_LAB_EXERCISES", raising=False)
    assert exercises_dir() == ROOT / "exercises"
    monkeypatch.setenv("FRAMING_LAB_EXERCISES", str(SAMPLE.parent))
    assert exercises_dir() == SAMPLE.parent
    assert [e.id for e in load_exercises("exercises_sample")] == ["q1", "q2", "q3", "q4", "q5"]


def test_a_missing_file_is_named_with_the_files_that_exist(monkeypatch):
    monkeypatch.setenv("FRAMING_LAB_EXERCISES", str(SAMPLE.parent))
    with pytest.raises(ExerciseError) as caught:
        load_exercises("03_quots")
    assert "03_quots.json" in caught.value.en and "exercises_sample" in caught.value.en
    assert "03_quots.json" in caught.value.ar


def test_an_unknown_exercise_id_lists_the_ids(sample):
    with pytest.raises(ExerciseError, match="q1, q2, q3, q4, q5") as caught:
        sample["q9"]
    assert "q9" in caught.value.ar


# --- Right answers, in every spelling ------------------------------------------------------

@pytest.mark.parametrize("exercise_id, answer", [
    ("q1", "a"),
    ("q1", ["a"]),
    ("q2", ["a", "c"]),
    ("q2", ("c", "a")),
    ("q2", {"a", "c"}),
    ("q3", "وزارة الصحة"),
    ("q3", "وِزَارَةُ الصِّحَّةِ"),           # tashkeel
    ("q3", "وزاره الصحه"),                 # ة written as ه
    ("q3", "  وزارة    الصحة.  "),         # extra spaces and punctuation
    ("q3", "وزارة الصحـــة الفلسطينية"),     # tatweel
    ("q3", "ministry of HEALTH"),          # English, any case
    ("q3", "The Palestinian Ministry of Health!"),
    ("q4", "أكد"),
    ("q4", "اكد"),                         # أ written as ا
    ("q4", "أكَّدَ"),
    ("q4", "«وأكّد»"),
    ("q4", "Confirmed"),
])
def test_right_answers_are_accepted_with_the_explanation(sample, exercise_id, answer):
    exercise = sample[exercise_id]
    feedback = check(exercise, answer)
    assert feedback.correct is True and feedback.hint is False
    if exercise.explanation:
        assert (feedback.message_ar, feedback.message_en) == (exercise.explanation["ar"],
                                                              exercise.explanation["en"])
    else:
        assert feedback.message_en == "Correct!" and feedback.message_ar == "إجابة صحيحة!"


# --- Wrong answers, with the right hint ----------------------------------------------------

@pytest.mark.parametrize("exercise_id, answer, hint_key", [
    ("q1", "b", "b"),              # the hint written for this wrong option
    ("q1", "c", "*"),              # no hint of its own: the catch-all
    ("q1", ["a", "b"], "b"),       # two options for a one-answer question
    ("q2", ["a"], "*"),            # right but incomplete
    ("q2", ["a", "c", "d"], "d"),  # one wrong option too many
    ("q2", ["d", "b"], "b"),       # several wrong: the first in option order
    ("q3", "الفلسطينيه", "الفلسطينية"),   # a typed wrong answer with its own hint, any spelling
    ("q3", "الصحيفة", "*"),
    ("q3", "وزارة", "*"),          # part of the answer is not the answer
])
def test_wrong_answers_get_the_hint_for_that_answer(sample, exercise_id, answer, hint_key):
    feedback = check(sample[exercise_id], answer)
    assert feedback.correct is False and feedback.hint is True
    assert feedback.message_en == hint_en(sample, exercise_id, hint_key)
    assert feedback.message_ar == sample[exercise_id].hints[hint_key]["ar"]


def test_a_typed_wrong_answer_hint_matches_spelling_variants(sample):
    feedback = check(sample["q4"], "قَالَ")
    assert feedback.hint and feedback.message_en == hint_en(sample, "q4", "قال")


def test_a_wrong_answer_without_any_hint_gets_a_general_message(sample):
    feedback = check(sample["q4"], "أضاف")  # q4 has no "*" hint
    assert feedback == Feedback(False, "ليس تمامًا. اقرأ النص مرة أخرى وحاول من جديد.",
                                "Not quite. Read the passage again and try once more.", hint=False)


@pytest.mark.parametrize("answer", [None, "", "   ", "؟!", [], set()])
def test_no_answer_yet_is_not_right_and_says_what_to_do(sample, answer):
    for exercise_id in ("q1", "q2", "q3"):
        feedback = check(sample[exercise_id], answer)
        assert feedback.correct is False and not feedback.hint
        assert "No answer yet" in feedback.message_en and "لا توجد إجابة" in feedback.message_ar


def test_an_option_that_does_not_exist_is_named(sample):
    feedback = check(sample["q2"], ["a", "z"])
    assert feedback.correct is False and not feedback.hint
    assert "“z” is not one of the options (a, b, c, d)" in feedback.message_en


def test_open_questions_are_never_graded(sample):
    feedback = check(sample["q5"], "أظن أن «زعم» يضعف الثقة")
    assert feedback.correct is None and not feedback.hint
    assert "not graded" in feedback.message_en
    assert feedback.message_ar.endswith(sample["q5"].explanation["ar"])
    assert check(sample["q5"], "").correct is None


def test_feedback_speaks_the_requested_language(sample):
    feedback = check(sample["q1"], "a")
    assert feedback.message("ar") == feedback.message_ar
    assert feedback.message("en") == feedback.message_en


def test_score_counts_right_answers_out_of_the_gradable_ones(sample):
    assert score(sample, {}) == (0, 4)
    answers = {"q1": "a", "q2": ["a"], "q3": "وزاره الصحه", "q5": "thoughts", "old_id": "x"}
    assert score(sample, answers) == (2, 4)
    answers.update(q2=["c", "a"], q4="اكد")
    assert score(sample, answers) == (4, 4)


# --- Malformed files -----------------------------------------------------------------------

def write_variant(tmp_path: Path, change) -> Path:
    document = json.loads(SAMPLE.read_text("utf-8"))
    change(document)
    path = tmp_path / "broken_exercises.json"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def exercise(document: dict, exercise_id: str) -> dict:
    return next(e for e in document["exercises"] if e["id"] == exercise_id)


TEXT = {"ar": "نص", "en": "text"}


def malformed(change, exercise_id, problem, case):
    """A change that breaks the sample, the exercise the error must name (None: the file as a
    whole), and the words of the problem it must state."""
    return pytest.param(change, exercise_id, problem, id=case)


MALFORMED = [
    malformed(lambda d: d["exercises"].append(copy.deepcopy(exercise(d, "q1"))),
              "q1", "used by an earlier exercise", "duplicate id"),
    malformed(lambda d: exercise(d, "q2").update(accept=["a", "e"]),
              "q2", "each one of a, b, c, d", "accepted option missing"),
    malformed(lambda d: exercise(d, "q1").update(accept=[]),
              "q1", '"accept" must list', "empty accept"),
    malformed(lambda d: exercise(d, "q3")["prompt"].pop("ar"),
              "q3", '"prompt" needs', "prompt without Arabic"),
    malformed(lambda d: exercise(d, "q2")["hints"]["b"].update(en=" "),
              "q2", '"hints/b" needs', "hint without English"),
    malformed(lambda d: exercise(d, "q1").update(explanation={"en": "x"}),
              "q1", '"explanation" needs', "explanation in one language"),
    malformed(lambda d: exercise(d, "q1")["options"][1].pop("en"),
              "q1", '"options/b" needs', "option without English"),
    malformed(lambda d: exercise(d, "q1").update(options=[{"id": "a", **TEXT}]),
              "q1", '"options" must be a list', "one option only"),
    malformed(lambda d: exercise(d, "q1").update(type="quiz"),
              "q1", '"type" must be one of', "unknown type"),
    malformed(lambda d: exercise(d, "q4").update(explaination=TEXT),
              "q4", "unknown field(s) explaination", "misspelt field"),
    malformed(lambda d: exercise(d, "q1")["hints"].update(a=TEXT),
              "q1", "hint for “a” would never be shown", "hint for a right option"),
    malformed(lambda d: exercise(d, "q1")["hints"].update(z=TEXT),
              "q1", "hint for “z”, which is not an option", "hint for no option"),
    malformed(lambda d: exercise(d, "q4")["hints"].update({"أكّد": TEXT}),
              "q4", "would never be shown", "text hint for a right answer"),
    malformed(lambda d: exercise(d, "q3").update(accept=["..."]),
              "q3", "at least one letter or digit", "text accept only punctuation"),
    malformed(lambda d: exercise(d, "q3").update(options=exercise(d, "q1")["options"]),
              "q3", '"options" is not used by "text"', "options on a text exercise"),
    malformed(lambda d: exercise(d, "q5").update(accept=["x"]),
              "q5", '"accept" is not used by "open"', "accept on an open question"),
    malformed(lambda d: exercise(d, "q2").pop("id"),
              "#2", '"id" must be', "missing id"),
    malformed(lambda d: d["exercises"].append("q6"),
              "#6", "must be a JSON object", "exercise not an object"),
    malformed(lambda d: d.update(schema="framing-lab/work"),
              None, '"schema": "framing-lab/exercises"', "wrong schema"),
    malformed(lambda d: d.update(exercises=[]),
              None, 'non-empty "exercises" list', "no exercises"),
    malformed(lambda d: d.update(version=2),
              None, "newer version of Framing Lab", "newer version"),
]


@pytest.mark.parametrize("change, exercise_id, problem", MALFORMED)
def test_malformed_files_are_refused_naming_file_exercise_and_problem(
        tmp_path, change, exercise_id, problem):
    path = write_variant(tmp_path, change)
    with pytest.raises(ExerciseError) as caught:
        load_exercises(path)
    assert problem in caught.value.en
    for message in (caught.value.en, caught.value.ar):
        assert str(path) in message
        if exercise_id:
            assert f"“{exercise_id}”" in message or f"«{exercise_id}»" in message


def test_invalid_json_is_reported_with_its_line(tmp_path):
    path = tmp_path / "typo.json"
    path.write_text('{"schema": "framing-lab/exercises",\n "version": 1\n "notebook": "x"}',
                    "utf-8")
    with pytest.raises(ExerciseError, match="line 3, column 2") as caught:
        load_exercises(path)
    assert "typo.json" in caught.value.ar and "السطر 3" in caught.value.ar


def test_a_file_that_is_not_utf8_is_reported(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes('{"notebook": "é"}'.encode("latin-1"))
    with pytest.raises(ExerciseError, match="not UTF-8"):
        load_exercises(path)
