"""Command line: `python -m kit analyze PATH [--json]`,
`python -m kit html PATH -o FILE [--lang ar|en] [--lens LENS,...]`,
`python -m kit notebooks check|stamp` (the course's two editions; see kit.course.editions),
`python -m kit class PATH... -o class.html` (a class's collected work on one page) and
`python -m kit worksheet LESSON|all --lang ar|en -o FILE` (printable worksheets and keys),
`python -m kit link --hub URL [--repo URL] [--branch NAME]` (nbgitpuller links for a JupyterHub).

PATH is always the path of a UTF-8 text file (a folder, a pipe or a device is refused); `-`
reads the article from standard input (`cat article.txt | python -m kit analyze -`).

Expected errors (a missing file, a non-UTF-8 file, an empty article, an output file that is
the article itself or cannot be written) print a short message in English and Arabic and exit
with status 2, without a traceback. Output cut short by a closed pipe (`| head`) ends quietly.
The readable report shows control characters of the article (ESC...) as ⟪U+001B⟫, so the
article cannot drive the terminal.
"""
import argparse
import json
import os
import signal
import sys
from pathlib import Path

from .engine.analysis import analyze
from .engine.article import MAX_CHARS
from .errors import KitError

# Control characters other than line breaks and tabs, shown rather than sent to the terminal.
_CONTROLS = {c: f"⟪U+{c:04X}⟫" for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\n\t"}


def _print_report(analysis) -> None:
    """A readable report; Arabic lines are printed as they are (terminals that support
    right-to-left text lay them out themselves)."""
    out = [f"Paragraphs: {len(analysis.paragraphs)}   Boilerplate blocks: {len(analysis.boilerplate)}"]
    if analysis.relay:
        out.append(f"The article relays: {analysis.relay}")
    out.append(f"\nQuotes ({len(analysis.quotes)}):")
    for n, q in enumerate(analysis.quotes, 1):
        via = " → ".join(("site", *q.via, q.speaker or "?"))
        out.append(f"{n:2}. [{q.kind}] {q.speaker or '?'} ({q.speaker_ar or '?'}), cue: {q.cue or '-'}"
                   f", chain: {via}\n    «{q.text}»")
    out.append(f"\nSources ({len(analysis.sources)}):")
    for s in analysis.sources:
        roles = "; ".join(s.roles) or "-"
        out.append(f" - {s.name} [{s.type}] forms: {' / '.join(s.surface_forms)}; roles: {roles}; "
                   f"quotes: {len(s.quote_indices)}; relays: {len(s.relays)}")
    if analysis.non_quotes:
        out.append("\nQuotation marks around names (not speech): " +
                   ", ".join(f"{n.label} «{n.text}»" for n in analysis.non_quotes))
    for d in analysis.diagnostics:
        out.append(f"! {d.message_en}")
    print("\n".join(out).translate(_CONTROLS))


def _article(name: str) -> dict:
    """How the command line's argument gives the article: always a path; `-` standard input."""
    if name == "-":
        return {"source": sys.stdin.buffer.read(MAX_CHARS * 4 + 1)}
    return {"path": name}


def _html(args) -> None:
    from .view.report import write_report   # imported lazily: rendering is not needed for analysis

    try:
        path = write_report(output=args.output, lang=args.lang, lenses=args.lens, **_article(args.path))
    except OSError as error:
        raise KitError(f"The report could not be written to {args.output}: {error.strerror or error}. "
                       f"Check that the folder exists and that you may write in it.",
                       f"تعذّرت كتابة التقرير في {args.output}: {error.strerror or error}. تحقق من "
                       f"أن المجلد موجود وأنك تستطيع الكتابة فيه.") from None
    print(f"Wrote {path}")


def _run(args) -> None:
    if args.command == "html":
        _html(args)
    elif args.json:
        json.dump(analyze(**_article(args.path)).to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        _print_report(analyze(**_article(args.path)))


def _notebooks(args) -> int:
    """`notebooks stamp` rewrites the navigation cells; `notebooks check` lists inconsistencies."""
    from .course import editions, notebook_checks   # imported lazily: course tools only

    root = Path(args.root) if args.root else None
    if args.action == "stamp":
        for path in editions.stamp(root):
            print(f"updated the navigation of {path}")
    problems = notebook_checks.check(root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("The two editions are consistent.")
    return 1 if problems else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kit", description="Framing Lab tools")
    sub = parser.add_subparsers(dest="command", required=True)
    analyse = sub.add_parser("analyze", help="find quotes, speakers and sources in an article")
    analyse.add_argument("path")
    analyse.add_argument("--json", action="store_true", help="print one JSON document")
    html = sub.add_parser("html", help="write a standalone HTML view of an article")
    html.add_argument("path")
    html.add_argument("-o", "--output", default="report.html")
    html.add_argument("--lang", choices=["ar", "en"], default="ar",
                      help="the report's language (the article stays Arabic)")
    html.add_argument("--lens", action="append", metavar="LENS[,LENS]",
                      help="lenses to highlight: quotes, reporting_verbs, scare_quotes, "
                           "name_marks, loaded_terms, frames, numbers, or all (default: quotes,reporting_verbs)")
    notebooks = sub.add_parser("notebooks", help="the course's notebooks: stamp navigation, check editions")
    notebooks.add_argument("action", choices=["check", "stamp"])
    notebooks.add_argument("--root", help="the notebooks folder (default: the course's)")
    _add_teacher_commands(sub)
    _add_link_command(sub)
    args = parser.parse_args(argv)
    if args.command == "notebooks":
        return _notebooks(args)
    if hasattr(signal, "SIGXFSZ"):   # over a file size limit: an error to report, not a crash
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    try:
        if args.command == "link":
            return _link(args)
        if args.command in TEACHER_COMMANDS:
            return TEACHER_COMMANDS[args.command](args)
        _run(args)
        sys.stdout.flush()
    except KitError as error:
        print(f"error: {error.en}\nخطأ: {error.ar}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (`| head`) has gone: stop quietly, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


# --- the teacher's tools: class report and worksheets ------------------------------------

def _add_teacher_commands(sub) -> None:
    cls = sub.add_parser("class", help="a class's work on one page (students' export zips or work folders)")
    cls.add_argument("paths", nargs="+", help="export zips, work folders, or folders holding them")
    cls.add_argument("-o", "--output", default="class.html")
    cls.add_argument("--lang", choices=["ar", "en"], help="the page's language (default: Arabic)")
    sheet = sub.add_parser("worksheet", help="printable worksheets and answer keys")
    sheet.add_argument("lesson", help='a lesson ("03_quotes" or "03"), or "all"')
    sheet.add_argument("--lang", choices=["ar", "en"], default="ar")
    sheet.add_argument("-o", "--output", help="the worksheet's file (one lesson) or folder (all)")


def _class(args) -> int:
    """Write the class page; list what was not used. Nothing is sent anywhere."""
    from .view.class_page import write_class_page   # imported lazily: teacher's tool only

    path, summary = write_class_page(args.paths, args.output, args.lang)
    for skipped in summary.skipped:
        print(f"skipped {skipped.source}: {skipped.reason['en']}", file=sys.stderr)
    for student in summary.students:
        for file, reason in student.problems:
            print(f"left out {file} of {student.name}: {reason['en']}", file=sys.stderr)
    print(f"Wrote {path} ({len(summary.students)} students, {len(summary.skipped)} exports skipped)")
    return 0


def _worksheet(args) -> int:
    from .view.worksheet import write_worksheets   # imported lazily: teacher's tool only

    for path in write_worksheets(args.lesson, args.lang, args.output):
        print(f"Wrote {path}")
    return 0


TEACHER_COMMANDS = {"class": _class, "worksheet": _worksheet}


# --- nbgitpuller links for a JupyterHub ----------------------------------------------------

def _add_link_command(sub) -> None:
    from .course.links import DEFAULT_BRANCH, DEFAULT_REPO

    link = sub.add_parser("link", help="nbgitpuller links that pull the course into each student's home on a hub")
    link.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.school.example")
    link.add_argument("--repo", default=DEFAULT_REPO, help=f"the course's git repository (default: {DEFAULT_REPO})")
    link.add_argument("--branch", default=DEFAULT_BRANCH, help=f"the branch to pull (default: {DEFAULT_BRANCH})")


def _link(args) -> int:
    """One link per page: the start page and each edition's first lesson."""
    from .course.i18n import t
    from .course.links import course_links

    for page, url in course_links(args.hub, args.repo, args.branch).items():
        print(f"# {t(f'link_page_{page}', 'en')} · {t(f'link_page_{page}', 'ar')}\n{url}")
    return 0
