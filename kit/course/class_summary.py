"""A class seen whole: what a teacher wants to know from the collected work
(`kit.course.collect`), as plain data; `kit.view.class_page` draws it.

- self-check items: how many answered, how many were right on their first attempt, how many
  attempts in all, and the most common wrong answers (each student's wrong answer counted
  once: these are the misconceptions to discuss);
- the quote quiz on the seed: per quote, how many found the speaker, the kind, the cue;
- frame coding of the seed: per paragraph, the class's frames beside the teacher's key and
  how much the class disagrees; Krippendorff's alpha among the students; each student's
  Cohen's kappa with the key;
- reflections (open questions), per question; progress per student and lesson.

Limits: work saved before attempts were recorded (no "attempts" in `ex_<lesson>`) counts its
last answer as its only attempt. Quiz and frame work on other articles (lesson 06) is not
summarised: each student brings a different article.
"""
import re
from collections import Counter
from dataclasses import dataclass, field

from .codebook import coded_as
from .agreement import cohen_kappa, disagreement, krippendorff_alpha, pairable
from .collect import Collection, StudentWork
from .exercises import Exercise, check, fold_answer, load_exercises, score
from .paths import exercises_dir
from .seed_work import (FRAMES_WORK, QUIZ_PARTS, QUIZ_WORK, frame_ids, quiz_expected, quote_key,
                        seed_work)

LESSON_FILE = re.compile(r"\d\d_[a-z0-9_]+")
TOP_WRONG = 3
TOP_DISPUTED = 3


@dataclass
class ItemStats:
    notebook: str
    exercise: Exercise
    answered: int = 0
    first_right: int = 0
    attempts: int = 0
    wrong: list = field(default_factory=list)      # [(answer, students)], most common first

    @property
    def first_share(self) -> float | None:
        return self.first_right / self.answered if self.answered else None


@dataclass
class QuizStats:
    number: int
    quote: object
    expected: dict
    answered: int = 0
    right: dict = field(default_factory=lambda: dict.fromkeys(QUIZ_PARTS, 0))


@dataclass
class ParagraphStats:
    index: int
    counts: dict                 # {frame id: students}
    key: str | None
    disagreement: float | None   # share of pairs of students who differ (0: all agree)

    @property
    def coders(self) -> int:
        return sum(self.counts.values())


@dataclass
class Agreement:
    alpha: float | None          # Krippendorff's alpha (nominal) among the students
    coders: int                  # students who coded at least one paragraph
    paragraphs: int              # paragraphs coded by at least two students
    with_key: list               # [(student, kappa or None, share same as key, paragraphs)]


@dataclass
class ClassSummary:
    students: list
    skipped: list
    items: dict                  # {lesson: [ItemStats]}
    reflections: dict            # {lesson: [(Exercise, [(student, text)])]}
    progress: dict               # {student: {lesson: (answered, total, right, gradable)}}
    quiz: list
    paragraphs: list
    agreement: Agreement
    disputed: list


def summarize(collection: Collection) -> ClassSummary:
    lessons = {name: load_exercises(name) for name in _lessons()}
    students = collection.students
    items = {lesson: [_item(lesson, e, students) for e in ex if e.gradable]
             for lesson, ex in lessons.items()}
    reflections = {lesson: [(e, _reflections(lesson, e, students)) for e in ex if not e.gradable]
                   for lesson, ex in lessons.items()}
    paragraphs, agreement = _frames(students)
    disputed = sorted((p for p in paragraphs if p.disagreement),
                      key=lambda p: (-p.disagreement, p.index))[:TOP_DISPUTED]
    return ClassSummary(students, collection.skipped, items, reflections,
                        {s.name: _progress(s, lessons) for s in students},
                        _quiz(students), paragraphs, agreement, disputed)


def _lessons() -> list[str]:
    return sorted(p.stem for p in exercises_dir().glob("*.json") if LESSON_FILE.fullmatch(p.stem))


# --- self-check ---------------------------------------------------------------------------

def _answers(student: StudentWork, lesson: str) -> tuple[dict, dict]:
    work = student.work.get(f"ex_{lesson}")
    work = work if isinstance(work, dict) else {}
    answers, attempts = work.get("answers"), work.get("attempts")
    return (answers if isinstance(answers, dict) else {},
            attempts if isinstance(attempts, dict) else {})


def _tries(student: StudentWork, lesson: str, exercise_id: str) -> list:
    """The answers the student checked, first to last (just the answer in older work)."""
    answers, attempts = _answers(student, lesson)
    tries = attempts.get(exercise_id)
    if isinstance(tries, list) and tries:
        return tries
    return [answers[exercise_id]] if exercise_id in answers else []


def _item(lesson: str, exercise: Exercise, students: list) -> ItemStats:
    stats, wrong, shown = ItemStats(lesson, exercise), Counter(), {}
    for student in students:
        tries = _tries(student, lesson, exercise.id)
        if not tries:
            continue
        verdicts = [check(exercise, answer).correct for answer in tries]
        stats.answered += 1
        stats.attempts += len(tries)
        stats.first_right += verdicts[0] is True
        mistakes = {_same(answer): answer
                    for answer, ok in zip(tries, verdicts, strict=True) if ok is not True}
        wrong.update(mistakes.keys())          # each student's mistake counted once
        for same, answer in mistakes.items():
            shown.setdefault(same, answer)
    ranked = sorted(wrong.items(), key=lambda kn: (-kn[1], str(kn[0])))[:TOP_WRONG]
    stats.wrong = [(shown[same], n) for same, n in ranked]
    return stats


def _same(answer):
    """Answers that are the same mistake: a folded text, or the set of options chosen."""
    if isinstance(answer, list):
        return tuple(sorted(map(str, answer)))
    return fold_answer(answer) if isinstance(answer, str) else str(answer)


def _reflections(lesson: str, exercise: Exercise, students: list) -> list:
    found = []
    for student in students:
        text = _answers(student, lesson)[0].get(exercise.id)
        if isinstance(text, str) and text.strip():
            found.append((student.name, text))
    return found


def _progress(student: StudentWork, lessons: dict) -> dict:
    rows = {}
    for lesson, exercises in lessons.items():
        answers = _answers(student, lesson)[0]
        answered = sum(1 for e in exercises if _given(answers.get(e.id)))
        right, gradable = score(exercises, answers)
        rows[lesson] = (answered, len(exercises), right, gradable)
    return rows


def _given(answer) -> bool:
    return bool(answer.strip()) if isinstance(answer, str) else bool(answer)


# --- the seed's quote quiz and frame coding -----------------------------------------------

def _seed_entry(student: StudentWork, work: str) -> dict:
    data = student.work.get(work)
    entry = data.get("articles", {}).get(seed_work().key) if isinstance(data, dict) else None
    return entry if isinstance(entry, dict) else {}


def _quiz(students: list) -> list:
    stats = [QuizStats(n, q, quiz_expected(q)) for n, q in enumerate(seed_work().quiz, 1)]
    for student in students:
        answers = _seed_entry(student, QUIZ_WORK).get("answers")
        answers = answers if isinstance(answers, dict) else {}
        for question in stats:
            given = answers.get(quote_key(question.quote))
            if not isinstance(given, dict):
                continue
            question.answered += 1
            for part in QUIZ_PARTS:
                question.right[part] += given.get(part) == question.expected[part]
    return stats


def _codes(student: StudentWork, count: int) -> dict[int, str]:
    """The student's dominant frame per paragraph of the seed, from the ticks as the frame
    annotator reads them (`codebook.coded_as`); paragraphs left blank or tied are omitted."""
    paragraphs = _seed_entry(student, FRAMES_WORK).get("paragraphs")
    known, codes = set(frame_ids()), {}
    for index, saved in (paragraphs.items() if isinstance(paragraphs, dict) else ()):
        code = coded_as(saved) if isinstance(saved, dict) else ()
        if str(index).isdigit() and int(index) < count and len(code) == 1 and code[0] in known:
            codes[int(index)] = code[0]
    return codes


def _frames(students: list) -> tuple[list, Agreement]:
    seed = seed_work()
    count = len(seed.analysis.paragraphs)
    coded = {s.name: _codes(s, count) for s in students}
    coded = {name: codes for name, codes in coded.items() if codes}
    units = [[codes.get(i) for codes in coded.values()] for i in range(count)]
    paragraphs = [ParagraphStats(i, dict(Counter(c for c in unit if c)), seed.frame_key.get(i),
                                 disagreement(unit)) for i, unit in enumerate(units)]
    with_key = [(name, *_with_key(codes, seed.frame_key)) for name, codes in coded.items()]
    return paragraphs, Agreement(krippendorff_alpha(units), len(coded), pairable(units), with_key)


def _with_key(codes: dict, key: dict) -> tuple:
    both = [i for i in sorted(key) if i in codes]
    if not both:
        return None, None, 0
    mine, theirs = [codes[i] for i in both], [key[i] for i in both]
    same = sum(a == b for a, b in zip(mine, theirs, strict=True)) / len(both)
    return cohen_kappa(mine, theirs), same, len(both)
