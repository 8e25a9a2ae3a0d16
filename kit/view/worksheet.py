"""Printable worksheets: every lesson on paper, for a class without a computer per student.

`worksheet_html(lesson, lang)` is the student's sheet: the part of the article the lesson
needs (`exercises/worksheets.json` says which), then the lesson's questions from its exercise
file, with boxes to tick and lines to write on. `answer_key_html(lesson, lang)` is the
teacher's key from the same data: the right answers, the explanation, and the hint the
notebook gives for each wrong answer. A4, right-to-left for Arabic, no scripts, nothing fetched.

Limits: the article is printed as text, without the lenses' highlights (a printed page
cannot show hover explanations); the engine's answers (the quote quiz, lesson 03) are not
printed, only the exercise files' questions.
"""
import json
from pathlib import Path

from ..course.editions import lessons
from ..course.exercises import load_exercises
from ..course.i18n import direction, t
from ..course.paths import exercises_dir, seed_path
from ..course.samples import sample_info, sample_text
from ..course.seed_work import seed_work
from ..errors import KitError
from .templating import render_template

OPEN_LINES, TEXT_LINES = 6, 1


def lesson_names() -> list[str]:
    return sorted(_plan()["lessons"])


def worksheet_html(lesson: str, lang: str) -> str:
    return _page(lesson, lang, key=False)


def answer_key_html(lesson: str, lang: str) -> str:
    return _page(lesson, lang, key=True)


def write_worksheets(lesson: str, lang: str, output=None) -> list[Path]:
    """Write the sheet and its key (`<name>_key.html`) for one lesson, or, for "all", every
    lesson's into a folder (default `worksheets_<lang>`) with an index page."""
    if lesson == "all":
        return _write_all(lang, Path(output or f"worksheets_{lang}"))
    name = _lesson(lesson)
    sheet = Path(output or f"{name}_{lang}.html")
    key = sheet.with_name(f"{sheet.stem}_key{sheet.suffix or '.html'}")
    sheet.parent.mkdir(parents=True, exist_ok=True)
    sheet.write_text(worksheet_html(name, lang), encoding="utf-8")
    key.write_text(answer_key_html(name, lang), encoding="utf-8")
    return [sheet, key]


def _write_all(lang: str, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written, links = [], []
    for name in lesson_names():
        written += write_worksheets(name, lang, folder / f"{name}_{lang}.html")
        links.append((lesson_title(name, lang), written[-2].name, written[-1].name))
    index = folder / "index.html"
    index.write_text(render_template("worksheet_index.html.j2", lang=lang, dir=direction(lang),
                                     t=_translator(lang), links=links), encoding="utf-8")
    return [*written, index]


# --- one page ----------------------------------------------------------------------------

def _page(lesson: str, lang: str, key: bool) -> str:
    name = _lesson(lesson)
    questions = [_question(n, exercise, lang) for n, exercise in enumerate(load_exercises(name), 1)]
    title_key = "worksheet_key_title" if key else "worksheet_title"
    return render_template("worksheet.html.j2", lang=lang, dir=direction(lang), key=key,
                           t=_translator(lang), title=t(title_key, lang, lesson=lesson_title(name, lang)),
                           articles=[] if key else _articles(_plan()["lessons"][name], lang),
                           questions=questions, open_lines=OPEN_LINES, text_lines=TEXT_LINES)


def _question(number: int, exercise, lang: str) -> dict:
    right = set(exercise.accept)
    options = [{"text": o[lang], "right": o["id"] in right} for o in exercise.options]
    names = {o["id"]: o[lang] for o in exercise.options}
    hints = [(names.get(answer, t("worksheet_key_other", lang) if answer == "*" else answer),
              hint[lang]) for answer, hint in exercise.hints.items()]
    accepted = [names[a] for a in exercise.accept] if exercise.options else list(exercise.accept)
    return {"number": number, "type": exercise.type, "prompt": exercise.prompt[lang],
            "options": options, "accepted": accepted, "hints": hints,
            "explanation": exercise.explanation[lang] if exercise.explanation else None}


def _articles(plan: dict, lang: str) -> list[dict]:
    if "samples" in plan:
        return [{"source": t("worksheet_sample", lang, title=sample_info(name)["title"][lang]),
                 "headline": None,
                 "blocks": [(None, p) for p in sample_text(name).split("\n") if p.strip()]}
                for name in plan["samples"]]
    if plan.get("article") != "seed":
        return []
    about = json.loads(seed_path().with_suffix(".json").read_text("utf-8"))
    key = "worksheet_source_plain" if plan.get("as_published") else "worksheet_source"
    return [{"source": t(key, lang, outlet=about["outlet_ar" if lang == "ar" else "outlet"],
                         published=about["published"]),
             "headline": about["headline"],
             "blocks": _seed_blocks(plan)}]


def _seed_blocks(plan: dict) -> list[tuple[int | None, str]]:
    """(paragraph number or None, text) for each block printed."""
    analysis = seed_work().analysis
    numbered = plan.get("numbered", True)
    if not plan.get("as_published"):
        wanted = plan.get("paragraphs", range(len(analysis.paragraphs)))
        return [(i + 1 if numbered else None, analysis.paragraphs[i].text) for i in wanted]
    blocks, offset = [], 0
    for line in analysis.text.split("\n"):
        if line.strip():
            start = offset + len(line) - len(line.lstrip())
            paragraph = next((p for p in analysis.paragraphs if p.start <= start < p.end), None)
            blocks.append((paragraph.index + 1 if paragraph and numbered else None, line.strip()))
        offset += len(line) + 1
    return blocks


# --- data --------------------------------------------------------------------------------

def _plan() -> dict:
    return json.loads((exercises_dir() / "worksheets.json").read_text("utf-8"))


def _lesson(lesson: str) -> str:
    """A lesson's full name from "03_quotes" or "03"; KitError naming the lessons otherwise."""
    names = lesson_names()
    found = [name for name in names if name == lesson or name.split("_")[0] == lesson]
    if len(found) != 1:
        raise KitError(*(t("worksheet_unknown", lang, lesson=lesson, lessons=", ".join(names))
                         for lang in ("en", "ar")))
    return found[0]


def lesson_title(name: str, lang: str) -> str:
    try:
        titles = {lesson.stem: lesson.title for lesson in lessons(lang)}
    except (OSError, ValueError):
        titles = {}
    return f"{name[:2]} · {titles.get(name, name)}"


def _translator(lang: str):
    return lambda key, **values: t(key, lang, **values)
