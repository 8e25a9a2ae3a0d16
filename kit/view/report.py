"""The standalone HTML report of `python -m kit html PATH -o FILE`: the article right-to-left
with every lens highlighted, a legend, and the quotes and sources listed, in one file that
needs no network (for printing or sharing with a class).

The file is written atomically (a temporary file renamed over it): a full disk or a size
limit leaves the previous report whole. It is never written over the article itself, nor
over anything that is not a regular file (a folder, /dev/full...)."""
import os
from pathlib import Path

from ..engine.analysis import analyze
from ..course.i18n import get_language, t
from ..course.storage import write_atomically
from ..errors import KitError
from ..lenses.highlights import all_highlights
from .render import esc, render_article, render_page


def _quote_table(analysis, lang: str) -> str:
    rows = "".join(
        f"<li>{esc(q.speaker if lang == 'en' else q.speaker_ar or q.speaker or '?')} — "
        f"{esc(t('quote_' + q.kind, lang))} — <span dir=\"rtl\">«{esc(q.text)}»</span></li>"
        for q in analysis.quotes)
    direction = "rtl" if lang == "ar" else "ltr"
    return (f'<div class="fl-view" dir="{direction}" lang="{esc(lang, plain=True)}">'
            f"<h3>{esc(t('lens_quotes', lang))}</h3><ul>{rows}</ul></div>")


def report_html(source=None, lang: str | None = None, *, text=None, path=None) -> str:
    """The whole report page for an article, given as `kit.analyze` takes it, as a string."""
    lang = lang or get_language()
    analysis = analyze(source, text=text, path=path)
    fragment = render_article(analysis.text, analysis.paragraphs, all_highlights(analysis),
                              analysis.boilerplate, lang=lang, title=t("report_title", lang))
    return render_page(fragment + _quote_table(analysis, lang), t("report_title", lang), lang=lang)


def write_report(source=None, output="report.html", *, text=None, path=None) -> Path:
    """Write the report of an article (given as `kit.analyze` takes it) to `output`.
    KitError, with nothing written, if `output` is the article's file or not a regular file."""
    target = Path(output)
    _check_output(target, path if path is not None else source if isinstance(source, os.PathLike) else None)
    page = report_html(source, text=text, path=path)
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
