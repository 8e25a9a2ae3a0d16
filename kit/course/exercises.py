"""Checking answers against exercises kept as data: JSON files in the `exercises/` folder.

A file holds the exercises of one notebook, e.g. `exercises/03_quotes.json`:

    {"schema": "framing-lab/exercises", "version": 1, "notebook": "03_quotes",
     "exercises": [
       {"id": "q1", "type": "choice",
        "prompt": {"ar": "...", "en": "..."},
        "options": [{"id": "a", "ar": "...", "en": "..."}, {"id": "b", "ar": "...", "en": "..."}],
        "accept": ["a"],
        "hints": {"b": {"ar": "...", "en": "..."}, "*": {"ar": "...", "en": "..."}},
        "explanation": {"ar": "...", "en": "..."}}]}

Types of exercise:
- "choice": one option is chosen; right if it is in "accept".
- "multi": several options are chosen; right if they are exactly those in "accept".
- "text": a typed answer; right if it matches one of the "accept" texts once both are folded:
  Arabic spelling variants (kit.arabic.normalize: tashkeel, tatweel, أ/إ/آ->ا, ة->ه, ى->ي,
  Arabic-Indic digits), letter case, punctuation and spaces. English answers may be listed
  too. Clitics are NOT removed (الوزارة is not وزارة): list every form you accept.
- "open": a question that needs judgement, never graded: no "options", "accept" or "hints";
  it may have a "model_answer" ({"ar", "en"}) and a "rubric" (a list of {"ar", "en"} criteria)
  that the student sees after saving an answer, to compare their own with.

"hints" (optional) give a hint for a wrong answer, keyed by a wrong option id (choice,
multi) or a wrong typed answer (text, folded like answers), or "*" for any other wrong answer;
when a multi answer has several wrong options, the first in option order with a hint is used.
"explanation" (optional) is shown for a right answer, and after an open answer.
Every text a student sees needs both "ar" and "en". Unknown fields in an exercise are refused,
so a misspelt "explanation" is reported instead of silently ignored.
"""
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..engine.arabic import BIDI_CONTROLS, ZERO_WIDTH, normalize
from ..errors import ExerciseError
from .i18n import get_language, t
from .paths import exercises_dir

SCHEMA = "framing-lab/exercises"
VERSION = 1
TYPES = ("choice", "multi", "text", "open")
FIELDS = ("id", "type", "prompt", "options", "accept", "hints", "explanation", "model_answer", "rubric")
_OPEN_ONLY = ("model_answer", "rubric")
NOT_USED = {"choice": _OPEN_ONLY, "multi": _OPEN_ONLY, "text": ("options", *_OPEN_ONLY),
            "open": ("options", "accept", "hints")}
ANY_OTHER = "*"
_INVISIBLE = dict.fromkeys(map(ord, ZERO_WIDTH + BIDI_CONTROLS))
_PUNCTUATION = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Exercise:
    id: str
    type: str                      # one of TYPES
    prompt: dict                   # {"ar": ..., "en": ...}
    options: tuple = ()            # ({"id": ..., "ar": ..., "en": ...}, ...): choice and multi
    accept: tuple = ()             # right option ids, or accepted texts
    hints: dict = field(default_factory=dict)   # wrong answer or "*" -> {"ar": ..., "en": ...}
    explanation: dict | None = None
    model_answer: dict | None = None    # open: an answer to compare with, after saving
    rubric: tuple = ()                  # open: ({"ar": ..., "en": ...}, ...) criteria

    @property
    def gradable(self) -> bool:
        return self.type != "open"


@dataclass(frozen=True)
class ExerciseSet:
    notebook: str
    exercises: tuple[Exercise, ...]
    source: Path

    def __iter__(self):
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def __getitem__(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        raise _error("exercise_unknown_id", id=exercise_id, file=self.source,
                     ids=", ".join(e.id for e in self.exercises))


@dataclass(frozen=True)
class Feedback:
    correct: bool | None    # None: an open question, never graded
    message_ar: str
    message_en: str
    hint: bool              # True when the message is a hint written for this wrong answer

    def message(self, lang: str | None = None) -> str:
        return self.message_ar if (lang or get_language()) == "ar" else self.message_en


def load_exercises(source: str | Path) -> ExerciseSet:
    """The exercises of a notebook ("03_quotes", found in exercises_dir()) or of a .json path.

    Raises ExerciseError naming the file, and the exercise, for anything malformed."""
    path = _exercise_file(source)
    document = _read_document(path)
    try:
        _check_header(document)
    except _Problem as problem:
        raise problem.located("exercise_where_file", file=path) from None
    return ExerciseSet(document["notebook"], _exercises(document["exercises"], path), path)


def check(exercise: Exercise, answer) -> Feedback:
    """Feedback on `answer`: an option id (choice), option ids (multi) or a text (text, open).

    Right: the explanation. Wrong: the hint for that answer, else the "*" hint. Open: a
    thank-you, correct=None (saving the answer is the caller's job). An empty answer, or an
    option that does not exist, gets a message saying what to do; check never raises."""
    if _blank(answer):
        return _said(None if exercise.type == "open" else False, "exercise_no_answer")
    if exercise.type == "open":
        return _said(None, "exercise_saved", after=_after_open(exercise))
    if exercise.type == "text":
        return _verdict(exercise, *_grade_text(exercise, str(answer)))
    chosen = _chosen(answer)
    option_ids = [option["id"] for option in exercise.options]
    unknown = chosen.difference(option_ids)
    if unknown:
        return _said(False, "exercise_unknown_option", answer=", ".join(sorted(unknown)),
                     options=", ".join(option_ids))
    return _verdict(exercise, *_grade_options(exercise, chosen))


def score(exercise_set: ExerciseSet, answers: dict) -> tuple[int, int]:
    """(right answers, gradable exercises) for answers = {exercise id: answer}.

    Open questions are not counted; a missing answer counts as not right; answers to ids
    that are not in the set are ignored."""
    gradable = [exercise for exercise in exercise_set if exercise.gradable]
    right = sum(check(exercise, answers.get(exercise.id)).correct is True for exercise in gradable)
    return right, len(gradable)


def fold_answer(text: str) -> str:
    """A typed answer as answers are compared (so "وهمية" and "وهميه " count as one)."""
    return _fold(text)


# --- Grading ---------------------------------------------------------------------------

def _fold(text: str) -> str:
    """`text` as answers are compared: spelling variants, case, punctuation and spaces folded."""
    text = normalize(text).translate(_INVISIBLE).casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def _blank(answer) -> bool:
    if isinstance(answer, (list, tuple, set, frozenset)):
        return not answer
    return answer is None or (isinstance(answer, str) and not _fold(answer))


def _chosen(answer) -> set[str]:
    """The option ids in an answer: one id, or a list, tuple or set of ids."""
    if isinstance(answer, (list, tuple, set, frozenset)):
        return {str(item) for item in answer}
    return {str(answer)}


def _grade_text(exercise: Exercise, answer: str) -> tuple[bool, str | None]:
    """(right?, the hint key matching this wrong answer, if any)."""
    folded = _fold(answer)
    if folded in {_fold(accepted) for accepted in exercise.accept}:
        return True, None
    return False, next((key for key in exercise.hints if _fold(key) == folded), None)


def _grade_options(exercise: Exercise, chosen: set[str]) -> tuple[bool, str | None]:
    """(right?, the first wrong option chosen that has a hint, if any)."""
    accepted = set(exercise.accept)
    if exercise.type == "multi":
        right = chosen == accepted
    else:
        right = len(chosen) == 1 and chosen <= accepted
    wrong = [option["id"] for option in exercise.options
             if option["id"] in chosen - accepted and option["id"] in exercise.hints]
    return right, (wrong[0] if wrong else None)


def _verdict(exercise: Exercise, right: bool, hint_key: str | None) -> Feedback:
    if right:
        return _said(True, "exercise_right", instead=exercise.explanation)
    hint = exercise.hints.get(hint_key) or exercise.hints.get(ANY_OTHER)
    if hint is None:
        return _said(False, "exercise_wrong")
    return Feedback(False, hint["ar"], hint["en"], hint=True)


def _after_open(exercise: Exercise) -> dict | None:
    """What follows a saved open answer: the explanation, the model answer, the rubric."""
    def text(lang: str) -> str:
        parts = [exercise.explanation[lang]] if exercise.explanation else []
        if exercise.model_answer:
            parts.append(t("exercise_model_answer", lang, answer=exercise.model_answer[lang]))
        if exercise.rubric:
            criteria = " ".join(f"({i}) {c[lang]}" for i, c in enumerate(exercise.rubric, 1))
            parts.append(t("exercise_rubric", lang, criteria=criteria))
        return " ".join(parts)
    return {lang: text(lang) for lang in ("ar", "en")} if text("en") else None


def _said(correct: bool | None, key: str, instead: dict | None = None, after: dict | None = None,
          **values) -> Feedback:
    """Feedback with the interface string `key`, or the author's text `instead` of it,
    followed by the author's text `after`."""
    def text(lang: str) -> str:
        said = instead[lang] if instead else t(key, lang, **values)
        return f"{said} {after[lang]}" if after else said
    return Feedback(correct, text("ar"), text("en"), hint=False)


# --- Reading and checking exercise files -------------------------------------------------

class _Problem(Exception):
    """A problem in an exercise file (an interface-string key), located later by file and id."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key, self.values = key, values

    def located(self, where_key: str, **where) -> ExerciseError:
        return _error(where_key, self.key, **where, **self.values)


def _exercise_file(source: str | Path) -> Path:
    text = str(source)
    if isinstance(source, Path) or text.endswith(".json") or "/" in text or os.sep in text:
        return Path(source)
    return exercises_dir() / f"{text}.json"


def _read_document(path: Path):
    try:
        if path.exists() and not path.is_file():
            raise IsADirectoryError(path)
        return json.loads(path.read_text("utf-8-sig"))
    except FileNotFoundError:
        available = ", ".join(sorted(p.stem for p in path.parent.glob("*.json"))) or "-"
        raise _error("exercise_missing_file", file=path, available=available) from None
    except UnicodeDecodeError:
        raise _error("exercise_where_file", "exercise_not_utf8", file=path) from None
    except json.JSONDecodeError as bad:
        raise _error("exercise_where_file", "exercise_bad_json", file=path,
                     line=bad.lineno, column=bad.colno) from None
    except (RecursionError, ValueError):   # nested too deep; a number of thousands of digits
        raise _error("exercise_where_file", "exercise_unreadable_json", file=path) from None
    except OSError as error:               # a folder, no permission...
        raise _error("exercise_where_file", "exercise_not_a_file", file=path,
                     reason=error.strerror or type(error).__name__) from None


def _check_header(document) -> None:
    if not isinstance(document, dict) or document.get("schema") != SCHEMA:
        raise _Problem("exercise_bad_header")
    version = document.get("version")
    if type(version) is int and version > VERSION:
        raise _Problem("exercise_newer", found=version, supported=VERSION)
    items = document.get("exercises")
    if type(version) is not int or version < 1 or not _text(document.get("notebook")) \
            or not (isinstance(items, list) and items):
        raise _Problem("exercise_bad_header")


def _exercises(items: list, path: Path) -> tuple[Exercise, ...]:
    exercises: dict[str, Exercise] = {}
    for position, item in enumerate(items, 1):
        try:
            exercise = _exercise(item)
            if exercise.id in exercises:
                raise _Problem("exercise_duplicate_id")
        except _Problem as problem:
            where = _label(item, position)
            raise problem.located("exercise_where_item", file=path, id=where) from None
        exercises[exercise.id] = exercise
    return tuple(exercises.values())


def _label(item, position: int) -> str:
    """How an exercise is named in an error: its id, else its position ("#3")."""
    given = item.get("id") if isinstance(item, dict) else None
    return given if _text(given) else f"#{position}"


def _exercise(item) -> Exercise:
    if not isinstance(item, dict):
        raise _Problem("exercise_not_object")
    if not _text(item.get("id")):
        raise _Problem("exercise_bad_id")
    unknown = sorted(set(item) - set(FIELDS))
    if unknown:
        raise _Problem("exercise_unknown_fields", fields=", ".join(unknown),
                       allowed=", ".join(FIELDS))
    kind = item.get("type")
    if kind not in TYPES:
        raise _Problem("exercise_bad_type", types=", ".join(TYPES), found=json.dumps(kind))
    for name in NOT_USED.get(kind, ()):
        if name in item:
            raise _Problem("exercise_field_not_used", field=name, type=kind)
    options = _options(item.get("options")) if kind in ("choice", "multi") else ()
    accept = _accept(item.get("accept"), kind, options)
    explanation, model_answer = item.get("explanation"), item.get("model_answer")
    return Exercise(
        id=item["id"], type=kind, prompt=_bilingual(item.get("prompt"), "prompt"),
        options=options, accept=accept,
        hints=_hints(item.get("hints", {}), kind, options, accept),
        explanation=None if explanation is None else _bilingual(explanation, "explanation"),
        model_answer=None if model_answer is None else _bilingual(model_answer, "model_answer"),
        rubric=_rubric(item.get("rubric", [])))


def _rubric(value) -> tuple[dict, ...]:
    if not isinstance(value, list):
        raise _Problem("exercise_bad_rubric")
    return tuple(_bilingual(criterion, f"rubric/{i}") for i, criterion in enumerate(value, 1))


def _options(value) -> tuple[dict, ...]:
    if not isinstance(value, list) or len(value) < 2 \
            or not all(isinstance(option, dict) and _text(option.get("id")) for option in value):
        raise _Problem("exercise_bad_options")
    if len({option["id"] for option in value}) != len(value) \
            or any(option["id"] == ANY_OTHER for option in value):   # "*" is the other-answers hint
        raise _Problem("exercise_bad_options")
    return tuple({"id": option["id"], **_bilingual(option, f"options/{option['id']}")}
                 for option in value)


def _accept(value, kind: str, options: tuple[dict, ...]) -> tuple[str, ...]:
    if kind == "open":
        return ()
    if kind == "text":
        if not (isinstance(value, list) and value and all(_text(v) and _fold(v) for v in value)):
            raise _Problem("exercise_accept_texts")
        return tuple(value)
    ids = [option["id"] for option in options]
    if not (isinstance(value, list) and value and all(v in ids for v in value)):
        raise _Problem("exercise_accept_options", options=", ".join(ids),
                       found=json.dumps(value, ensure_ascii=False))
    return tuple(value)


def _hints(value, kind: str, options: tuple[dict, ...], accept: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        raise _Problem("exercise_bad_hints")
    for key in value:
        _check_hint_key(key, kind, options, accept)
    return {key: _bilingual(hint, f"hints/{key}") for key, hint in value.items()}


def _check_hint_key(key: str, kind: str, options: tuple[dict, ...],
                    accept: tuple[str, ...]) -> None:
    """A hint must be for a wrong answer that can be given: else it would never be shown."""
    if key == ANY_OTHER:
        return
    if kind == "text":
        right = _fold(key) in {_fold(accepted) for accepted in accept}
    else:
        ids = [option["id"] for option in options]
        if key not in ids:
            raise _Problem("exercise_hint_unknown", hint_for=key, options=", ".join(ids))
        right = key in accept
    if right:
        raise _Problem("exercise_hint_for_right", hint_for=key)


def _bilingual(value, name: str) -> dict:
    if not (isinstance(value, dict) and _text(value.get("ar")) and _text(value.get("en"))):
        raise _Problem("exercise_needs_both_languages", field=name)
    return {"ar": value["ar"], "en": value["en"]}


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _error(*keys: str, **values) -> ExerciseError:
    """An ExerciseError made of the interface strings `keys`, in English and in Arabic."""
    return ExerciseError(*(" ".join(t(key, lang, **values) for key in keys)
                           for lang in ("en", "ar")))
