"""The teacher's class page: `python -m kit class PATH... -o class.html`.

One standalone HTML file (no scripts, nothing fetched: charts are PNGs inside the page) in
the teacher's language, from `kit.course.class_summary`: who was left out and why, the
self-check questions (first tries, attempts, common mistakes), the quote quiz, the frame
coding (the class beside the key, agreement, disputed paragraphs, each student against the
key), reflections and progress. Everything a student wrote (names, answers, reflections) is
escaped by the template and isolated with `<bdi>`; the page prints on A4.
"""
import base64
from collections import Counter
from datetime import datetime
from pathlib import Path

from markupsafe import Markup

from ..course.class_summary import ClassSummary, summarize
from ..course.collect import collect
from ..course.editions import lessons
from ..course.i18n import direction, get_language, set_language, t
from ..course.seed_work import NO_CUE, ARTICLE_ITSELF, frame_ids, seed_work
from .class_charts import class_frames_chart, first_try_chart
from .render import esc
from .templating import render_template

QUOTE_CHARS = 110


def class_page(paths, lang: str | None = None) -> str:
    """The page for the work found in `paths` (export zips, work folders, folders of them)."""
    return class_page_html(summarize(collect(paths)), lang)


def write_class_page(paths, output, lang: str | None = None) -> tuple[Path, ClassSummary]:
    summary = summarize(collect(paths))
    path = Path(output)
    path.write_text(class_page_html(summary, lang), encoding="utf-8")
    return path, summary


def class_page_html(summary: ClassSummary, lang: str | None = None) -> str:
    lang = lang or get_language()
    before = get_language()
    set_language(lang)            # the charts are labelled in the current language
    try:
        return render_template("class_page.html.j2", lang=lang, dir=direction(lang),
                               t=lambda key, **values: t(key, lang, **values),
                               **_sections(summary, lang))
    finally:
        set_language(before)


def _sections(summary: ClassSummary, lang: str) -> dict:
    titles = _lesson_titles(lang)
    return {
        "intro": _intro(summary, lang),
        "skipped": [(Path(s.source).name, s.reason[lang]) for s in summary.skipped],
        "left_out": [t("class_left_out", lang, student=s.name, file=f, reason=r[lang])
                     for s in summary.students for f, r in s.problems],
        "lessons": [_lesson(lesson, titles.get(lesson, lesson), items, lang)
                    for lesson, items in summary.items.items() if items],
        "quiz": [_quiz_row(q, lang) for q in summary.quiz],
        "frames_chart": _img(class_frames_chart([p.counts for p in summary.paragraphs],
                                                [p.key for p in summary.paragraphs])),
        "alpha": _alpha(summary, lang),
        "disputed": [_disputed_row(p, lang) for p in summary.disputed],
        "with_key": [(name, _number(kappa, lang), _percent(same), coded)
                     for name, kappa, same, coded in summary.agreement.with_key],
        "reflections": [(titles.get(lesson, lesson), exercise.prompt[lang], answers)
                        for lesson, found in summary.reflections.items()
                        for exercise, answers in found],
        "lesson_heads": [lesson[:2] for lesson in summary.items],
        "progress": _progress(summary),
    }


def _intro(summary: ClassSummary, lang: str) -> str:
    editions = Counter(s.edition or "?" for s in summary.students)
    return t("class_intro", lang, students=len(summary.students),
             named=sum(s.named for s in summary.students),
             editions=", ".join(f"{e} {n}" for e, n in sorted(editions.items())) or "-",
             when=datetime.now().strftime("%Y-%m-%d %H:%M"))


def _lesson(lesson: str, title: str, items: list, lang: str) -> dict:
    chart = first_try_chart([(f"{n}. {item.exercise.prompt[lang]}", item.first_share)
                             for n, item in enumerate(items, 1)])
    rows = [{"number": n, "prompt": item.exercise.prompt[lang], "answered": item.answered,
             "first": _percent(item.first_share),
             "attempts": f"{item.attempts / item.answered:.1f}" if item.answered else "–",
             "right": _answer_text(item.exercise, _right(item.exercise), lang),
             "wrong": [(_answer_text(item.exercise, answer, lang), count)
                       for answer, count in item.wrong]}
            for n, item in enumerate(items, 1)]
    return {"title": f"{lesson[:2]} · {title}", "chart": _img(chart), "rows": rows}


def _right(exercise):
    return list(exercise.accept) if exercise.type == "multi" else exercise.accept[0]


def _answer_text(exercise, answer, lang: str) -> list[str]:
    """An answer as the teacher reads it: the text of each option chosen, or what was typed."""
    names = {option["id"]: option[lang] for option in exercise.options}
    chosen = answer if isinstance(answer, list) else [answer]
    return [names.get(str(a), str(a)) for a in chosen] or ["–"]


def _quiz_row(question, lang: str) -> dict:
    seed = seed_work()
    names = {s.id: (s.name_ar if lang == "ar" else s.name) for s in seed.analysis.sources}
    names[ARTICLE_ITSELF] = "—"
    expected = question.expected
    text = question.quote.text
    short = text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"
    answered = question.answered
    return {"number": question.number, "quote": short, "answered": answered,
            "speaker": names.get(expected["speaker"], expected["speaker"]),
            "kind": t(f"quote_{expected['kind']}", lang),
            "cue": expected["cue"] if expected["cue"] != NO_CUE else "—",
            "right": {part: f"{n}/{answered}" for part, n in question.right.items()}}


def _alpha(summary: ClassSummary, lang: str) -> str:
    agreement = summary.agreement
    if agreement.alpha is None:
        return t("class_alpha_none", lang)
    return t("class_alpha", lang, coders=agreement.coders, alpha=f"{agreement.alpha:.3f}",
             paragraphs=agreement.paragraphs)


def _disputed_row(paragraph, lang: str) -> dict:
    text = seed_work().analysis.paragraphs[paragraph.index].text
    order = {f: i for i, f in enumerate(frame_ids())}
    counts = sorted(paragraph.counts.items(), key=lambda fn: (-fn[1], order.get(fn[0], 99)))
    return {"number": paragraph.index + 1, "start": " ".join(text.split()[:8]) + " …",
            "class": ", ".join(f"{t('frame_' + f, lang)} {n}" for f, n in counts),
            "key": t(f"frame_{paragraph.key}", lang) if paragraph.key else "–",
            "disagree": _percent(paragraph.disagreement)}


def _progress(summary: ClassSummary) -> list:
    rows = []
    for student in summary.students:
        cells = [(f"{answered}/{total}", answered == total)
                 for answered, total, _right, _gradable in summary.progress[student.name].values()]
        rows.append({"name": student.name, "named": student.named,
                     "edition": student.edition or "?", "cells": cells})
    return rows


def _lesson_titles(lang: str) -> dict:
    try:
        return {lesson.stem: lesson.title for lesson in lessons(lang)}
    except (OSError, ValueError):
        return {}


def _img(chart) -> Markup:
    png = base64.b64encode(chart.png_bytes(dpi=110)).decode("ascii")
    return Markup(f'<img class="chart" src="data:image/png;base64,{png}" '
                  f'alt="{esc(chart.alt_text(), plain=True)}">')


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{round(100 * share)}%"


def _number(value: float | None, lang: str) -> str:
    return t("class_undefined", lang) if value is None else f"{value:.2f}"
