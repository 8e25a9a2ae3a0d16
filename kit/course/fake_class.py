"""An invented class, for the tests, the benchmark and trying the class report: students'
export zips as `kit.course.storage.export_all` writes them, with realistic work in them.

Each student has a skill (the chance of a right first attempt), stops after some lesson,
retries wrong self-check answers (mostly choosing the option with a hint, the common
mistake), answers the seed's quote quiz part by part, codes the seed's paragraphs (a miss
takes one of the other frames the teacher's key notes for that paragraph, so the class
disputes the paragraphs a real class would), writes short reflections (one of them a
`<script>`, which a report must show as text) and types a name, in Arabic or in Latin letters.

`write_class(folder, students=40, seed=0, damaged=1, duplicates=1)` writes the zips
(`student_01.zip` ...) plus `damaged` truncated zips and `duplicates` older copies of some
students' exports, and returns the paths. Same seed, same class.
"""
import io
import json
import random
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

from ..engine.lexicon import read_tsv
from .exercises import Exercise, load_exercises
from .paths import exercises_dir
from .seed_work import (ARTICLE_ITSELF, FRAMES_WORK, NO_CUE, QUIZ_WORK, frame_ids, quiz_expected,
                        quote_key, seed_work)
from .storage import SCHEMA, VERSION
from .student import WORK_NAME as STUDENT

FAMILY = ("الحسن", "العلي", "Haddad", "المصري", "Khoury", "الزين", "Nasser", "السيد", "Saleh")
REFLECTIONS = (
    "الخبر يركز على الخلاف أكثر من الحلول.",
    "The verbs make Netanyahu look stubborn and Blinken reasonable.",
    "لم أكن أعرف أن الاقتباس قد يكون ترجمة لترجمة.",
    "Hamas is talked about but never speaks.",
    "<script>alert('hi')</script> I think the headline is fair.",
)
START = datetime(2024, 3, 4, 9, 0, tzinfo=timezone(timedelta(hours=3)))


def write_class(folder, students: int = 40, seed: int = 0, damaged: int = 1,
                duplicates: int = 1) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = _names(rng, students)
    paths = []
    for number, name in enumerate(names, 1):
        records = _student(rng, name, START + timedelta(minutes=number))
        paths.append(_write_zip(folder / f"student_{number:02}.zip", records))
        if number <= duplicates:      # an earlier download of the same student's work
            early = _student(random.Random(seed + number), name, START - timedelta(days=1))
            paths.append(_write_zip(folder / f"student_{number:02}_monday.zip", early))
    for number in range(1, damaged + 1):
        whole = _zip_bytes(_student(rng, f"Damaged {number}", START))
        path = folder / f"damaged_{number}.zip"
        path.write_bytes(whole[: len(whole) // 2])   # a download cut off halfway
        paths.append(path)
    return paths


# --- one student -------------------------------------------------------------------------

def _names(rng: random.Random, count: int) -> list[str]:
    given = [row["name"] for row in read_tsv("given_names.tsv")]
    latin = ("Sara", "Omar", "Lina", "Yusuf", "Maya", "Karim", "Nour", "Adam")
    chosen, seen = [], set()
    while len(chosen) < count:
        first = rng.choice(latin) if rng.random() < 0.3 else rng.choice(given)
        name = f"{first} {rng.choice(FAMILY)}"
        if name not in seen:
            seen.add(name)
            chosen.append(name)
    return chosen


def _student(rng: random.Random, name: str, when: datetime) -> dict:
    """{work name: data} of one invented student."""
    skill = rng.uniform(0.35, 0.95)
    lessons = sorted(p.stem for p in exercises_dir().glob("[0-9][0-9]_*.json"))
    reached = lessons[: rng.randint(3, len(lessons))]
    edition = "ar" if rng.random() < 0.7 else "en"
    work = {STUDENT: {"name": name, "edition": edition}}
    for lesson in reached:
        work[f"ex_{lesson}"] = _self_check(rng, lesson, skill, edition)
    if "03_quotes" in reached:
        work[QUIZ_WORK] = {"articles": {seed_work().key: {"answers": _quiz(rng, skill)}}}
    if "04_framing" in reached:
        work[FRAMES_WORK] = {"articles": {seed_work().key: {"paragraphs": _frames(rng, skill)}}}
    return {work_name: _record(work_name, data, when) for work_name, data in work.items()}


def _self_check(rng: random.Random, lesson: str, skill: float, edition: str) -> dict:
    answers, attempts = {}, {}
    for exercise in load_exercises(lesson):
        if rng.random() > 0.92:
            continue                          # skipped this one
        tries = _tries(rng, exercise, skill)
        answers[exercise.id], attempts[exercise.id] = tries[-1], tries
    return {"notebook": lesson, "edition": edition, "answers": answers, "attempts": attempts}


def _tries(rng: random.Random, exercise: Exercise, skill: float) -> list:
    if exercise.type == "open":
        return [rng.choice(REFLECTIONS)]
    tries = []
    while len(tries) < 3:
        if rng.random() < skill:
            return [*tries, _right(exercise)]
        tries.append(_wrong(rng, exercise))
        skill = min(skill + 0.25, 0.95)       # a hint helps
    return tries


def _right(exercise: Exercise):
    if exercise.type == "multi":
        return list(exercise.accept)
    return exercise.accept[0]


def _wrong(rng: random.Random, exercise: Exercise):
    hinted = [key for key in exercise.hints if key != "*"]
    if exercise.type == "text":
        return rng.choice(hinted) if hinted and rng.random() < 0.7 else rng.choice(("3", "لا أعرف"))
    ids = [option["id"] for option in exercise.options]
    if exercise.type == "multi":
        flipped = rng.choice(ids)
        return sorted(set(exercise.accept) ^ {flipped}) or [flipped]
    wrong = [i for i in ids if i not in exercise.accept]
    common = [i for i in wrong if i in hinted]
    return common[0] if common and rng.random() < 0.6 else rng.choice(wrong)


def _quiz(rng: random.Random, skill: float) -> dict:
    seed = seed_work()
    speakers = [s.id for s in seed.analysis.sources] + [ARTICLE_ITSELF]
    cues = sorted({q.cue for q in seed.quiz if q.cue}) + [NO_CUE]
    choices = {"speaker": speakers, "kind": ["direct", "partial", "indirect"], "cue": cues}
    answers = {}
    for quote in seed.quiz:
        if rng.random() > 0.9:
            continue
        right = quiz_expected(quote)
        answers[quote_key(quote)] = {part: right[part] if rng.random() < skill + 0.1
                                     else rng.choice([c for c in options if c != right[part]])
                                     for part, options in choices.items()}
    return answers


def _frames(rng: random.Random, skill: float) -> dict:
    key, notes = seed_work().frame_key, _key_notes()
    coded = {}
    for index, code in key.items():
        if rng.random() > 0.9:
            continue
        if rng.random() > skill:
            others = notes.get(str(index), {}).get("also") or [f for f in frame_ids() if f != code]
            code = rng.choice(others)
        coded[str(index)] = {"frame": code, "questions": []}
    return coded


def _key_notes() -> dict:
    return json.loads((exercises_dir() / "frame_key.json").read_text("utf-8")).get("notes", {})


# --- files -------------------------------------------------------------------------------

def _record(name: str, data: dict, when: datetime) -> bytes:
    record = {"schema": SCHEMA, "version": VERSION, "saved_at": when.isoformat(timespec="seconds"),
              "name": name, "data": data}
    return (json.dumps(record, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _zip_bytes(records: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, raw in sorted(records.items()):
            archive.writestr(f"{name}.json", raw)
    return buffer.getvalue()


def _write_zip(path: Path, records: dict) -> Path:
    path.write_bytes(_zip_bytes(records))
    return path
