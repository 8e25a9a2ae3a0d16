"""The standalone HTML report of `python -m kit html PATH -o FILE [--lang ar|en] [--lens ...]`:
a header from the article's metadata when there is one (headline, outlet, date, the outlet it
relays), the article right-to-left with the chosen lenses highlighted and a legend, the source
map and four charts as images with alt text, and the quotes listed, in one file that needs
no network and prints on A4 (for printing or sharing with a class).

Lenses: by default a readable few (`READABLE_LENSES`: quotes and reporting verbs, as the
article explorer starts); `--lens all` shows every lens, `--lens quotes,frames` a choice.

The file is written atomically (a temporary file renamed over it): a full disk or a size
limit leaves the previous report whole. It is never written over the article itself, nor
over anything that is not a regular file (a folder, /dev/full...)."""
import base64
import json
import os
from pathlib import Path
from typing import get_args

from ..engine.analysis import analyze
from ..engine.model import QuoteKind
from ..course.i18n import LANGUAGES, direction, get_language, t
from ..course.storage import write_atomically
from ..errors import KitError
from ..lenses import voices
from ..engine.cost import collector_paused
from ..lenses.highlights import LENSES, all_highlights
from .render import esc, render_article, render_page
from .source_map import SourceGraph

READABLE_LENSES = ("quotes", "reporting_verbs")
_REPORT_CSS = """
.fl-report-header { margin: 0 0 1em; border-bottom: 2px solid #333; padding-bottom: .5em; }
.fl-report-header h1 { font-size: 1.6em; margin: 0 0 .3em; line-height: 1.5; }
.fl-report-header p { margin: .1em 0; color: #333; }
.fl-report-lenses { font-size: .9em; color: #444; }
.fl-report-figure { margin: 1.2em 0; break-inside: avoid; page-break-inside: avoid; }
.fl-report-figure img, .fl-report-figure svg { max-width: 100%; height: auto; }
.fl-report-figure figcaption { font-size: .85em; color: #444; margin-top: .3em; }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { font-size: 11pt; }
  .fl-article { max-width: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .fl-report-quotes li { break-inside: avoid; }
}
"""


def chosen_lenses(names=None) -> tuple[str, ...]:
    """The lenses to show: `READABLE_LENSES` for None, every lens for "all", else the names
    given (a list, or one string separated by commas). KitError for a lens that does not exist."""
    if names is None:
        return READABLE_LENSES
    if isinstance(names, str):
        names = [names]
    wanted = [n.strip() for name in names for n in str(name).split(",") if n.strip()]
    if wanted == ["all"]:
        return LENSES
    unknown = [n for n in wanted if n not in LENSES]
    if unknown or not wanted:
        raise KitError(*(t("report_bad_lens", lang, names=", ".join(unknown) or "-",
                           lenses=", ".join(LENSES)) for lang in ("en", "ar")))
    return tuple(dict.fromkeys(wanted))


def article_metadata(path) -> dict:
    """The metadata file beside the article (`NAME.json` for `NAME.txt`), {} when there is none
    or it cannot be read."""
    if path is None:
        return {}
    try:
        meta = json.loads(Path(path).with_suffix(".json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def _header(meta: dict, lang: str, lenses) -> str:
    def field(key: str) -> str:
        value = meta.get(f"{key}_ar" if lang == "ar" else key) or meta.get(key)
        return value if isinstance(value, str) else ""
    lines = []
    if field("outlet"):
        lines.append(t("report_outlet", lang, outlet=field("outlet")))
    if field("published"):
        lines.append(t("report_published", lang, date=field("published").replace("/", " – ")))
    if field("relays"):
        lines.append(t("report_relays", lang, relays=field("relays")))
    headline = meta.get("headline") if isinstance(meta.get("headline"), str) else ""
    title = (f'<h1 dir="rtl" lang="ar">{esc(headline)}</h1>' if headline
             else f"<h1>{esc(t('report_title', lang))}</h1>")
    shown = t("w_list_separator", lang).join(t(f"lens_{lens}", lang) for lens in lenses)
    lines.append(t("report_lenses", lang, lenses=shown))
    paragraphs = "".join(f"<p>{esc(line)}</p>" for line in lines)
    return (f'<header class="fl-report-header" dir="{direction(lang)}" lang="{lang}">'
            f"{title}{paragraphs}</header>")


def _figure(image_html: str, caption: str, lang: str) -> str:
    return (f'<figure class="fl-report-figure" dir="{direction(lang)}" lang="{lang}">{image_html}'
            f"<figcaption>{esc(caption)}</figcaption></figure>")


def _source_map(analysis, meta: dict, lang: str) -> str:
    site = {code: t("w_map_site", code) for code in LANGUAGES}
    if isinstance(meta.get("outlet"), str):
        site = {"en": meta["outlet"], "ar": str(meta.get("outlet_ar") or meta["outlet"])}
    graph = SourceGraph(analysis, site, lang)
    return _figure(graph.svg() + graph.legend_html(), t("w_map_title", lang), lang)


def _charts(analysis, lang: str) -> str:
    from . import plots          # matplotlib loads only for a report with charts
    charts = [plots.source_types_chart(voices.source_type_counts(analysis)),
              plots.quoted_words_chart(voices.quoted_words(analysis, lang)),
              plots.verbs_by_connotation_chart(voices.verbs_by_speaker(analysis, lang)),
              plots.voices_chart(voices.who_speaks(analysis))]
    out = []
    for chart in charts:
        png = base64.b64encode(chart.png_bytes(dpi=110)).decode("ascii")
        out.append(_figure(f'<img class="fl-chart" src="data:image/png;base64,{png}" '
                           f'alt="{esc(chart.alt_text(lang), plain=True)}">',
                           chart.alt_text(lang), lang))
    return "".join(out)


def _quote_table(analysis, lang: str) -> str:
    kinds = {kind: esc(t("quote_" + kind, lang)) for kind in get_args(QuoteKind)}
    rows = "".join(
        f"<li>{esc(q.speaker if lang == 'en' else q.speaker_ar or q.speaker or '?')} — "
        f"{kinds[q.kind]} — <span dir=\"rtl\">«{esc(q.text)}»</span></li>"
        for q in analysis.quotes)
    return (f'<div class="fl-view fl-report-quotes" dir="{direction(lang)}" lang="{esc(lang, plain=True)}">'
            f"<h3>{esc(t('lens_quotes', lang))}</h3><ul>{rows}</ul></div>")


def report_html(source=None, lang: str | None = None, *, text=None, path=None,
                lenses=None, charts: bool = True) -> str:
    """The whole report page for an article, given as `kit.analyze` takes it, as a string.
    `lenses`: see `chosen_lenses`; `charts=False` leaves out the charts (no matplotlib)."""
    lang = lang or get_language()
    if lang not in LANGUAGES:
        raise KitError(*(t("report_bad_language", code, lang=lang) for code in ("en", "ar")))
    shown = chosen_lenses(lenses)
    analysis = analyze(source, text=text, path=path)
    where = path if path is not None else source if isinstance(source, os.PathLike) else None
    return report_page(analysis, article_metadata(where), lang, shown, charts)


@collector_paused
def report_page(analysis, meta: dict, lang: str, lenses: tuple[str, ...], charts: bool = True) -> str:
    """The report page of an analysis already made, with its metadata (`article_metadata`),
    in `lang`, showing `lenses` (`chosen_lenses`)."""
    fragment = render_article(analysis.text, analysis.paragraphs, all_highlights(analysis, lenses),
                              analysis.boilerplate, lang=lang)
    body = [_header(meta, lang, lenses), fragment, _source_map(analysis, meta, lang),
            _charts(analysis, lang) if charts else "", _quote_table(analysis, lang)]
    title = meta.get("headline") if isinstance(meta.get("headline"), str) else t("report_title", lang)
    return render_page(body, title, lang=lang, extra_css=_REPORT_CSS)


def write_report(source=None, output="report.html", *, text=None, path=None,
                 lang: str | None = None, lenses=None) -> Path:
    """Write the report of an article (given as `kit.analyze` takes it) to `output`.
    KitError, with nothing written, if `output` is the article's file or not a regular file."""
    target = Path(output)
    _check_output(target, path if path is not None else source if isinstance(source, os.PathLike) else None)
    page = report_html(source, lang, text=text, path=path, lenses=lenses)
    write_atomically(target, page.encode("utf-8"))
    return target
def _check_output(target: Path, article) -> None:
    if not target.exists():
        return
    if article is not None and os.path.exists(article) and os.path.samefile(article, target):
        raise KitError(f"{target} is the article itself: writing the report there would replace "
                       f"the article. Choose another output file with -o.",
                       f"{target} هو ملف المقال نفسه: كتابة التقرير فيه تمحو المقال. اختر ملفا "
                       f"آخر للتقرير باستخدام -o.")
    if not target.is_file():
        raise KitError(f"{target} is not an ordinary file (a folder or a device): give the name of "
                       f"the HTML file to write, for example -o report.html.",
                       f"{target} ليس ملفا عاديا (مجلد أو جهاز): أعطِ اسم ملف HTML المراد كتابته، "
                       f"مثل -o report.html.")
