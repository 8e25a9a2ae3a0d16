"""Command line: `python -m kit analyze PATH [--json]`, `python -m kit html PATH -o FILE`,
`python -m kit notebooks check|stamp` (the course's two editions; see kit.course.editions),
`python -m kit link --hub URL [--repo URL] [--branch NAME]` (nbgitpuller links for a JupyterHub).

Expected errors (a missing file, a non-UTF-8 file, an empty article) print a short message in
English and Arabic and exit with status 2, without a traceback.
"""
import argparse
import json
import sys
from pathlib import Path

from .engine.analysis import analyze
from .errors import KitError


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
    print("\n".join(out))


def _html(args) -> None:
    from .view.report import write_report   # imported lazily: rendering is not needed for analysis

    path = write_report(Path(args.path), args.output)   # a Path: always read as a file
    print(f"Wrote {path}")


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
    notebooks = sub.add_parser("notebooks", help="the course's notebooks: stamp navigation, check editions")
    notebooks.add_argument("action", choices=["check", "stamp"])
    notebooks.add_argument("--root", help="the notebooks folder (default: the course's)")
    _add_link_command(sub)
    args = parser.parse_args(argv)
    if args.command == "notebooks":
        return _notebooks(args)
    try:
        if args.command == "link":
            return _link(args)
        if args.command == "html":
            _html(args)
        elif args.json:
            json.dump(analyze(path=args.path).to_dict(), sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            _print_report(analyze(path=args.path))
    except KitError as error:
        print(f"error: {error.en}\nخطأ: {error.ar}", file=sys.stderr)
        return 2
    return 0


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
