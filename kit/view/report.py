"""The standalone HTML report of `python -m kit html PATH -o FILE`: the article right-to-left
with every lens highlighted, a legend, and the quotes and sources listed, in one file that
needs no network (for printing or sharing with a class)."""
from pathlib import Path

from ..engine.analysis import analyze
from ..course.i18n import get_language, t
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


def report_html(source, lang: str | None = None) -> str:
    """The whole report page for an article (text or path) as a string."""
    lang = lang or get_language()
    analysis = analyze(source)
    fragment = render_article(analysis.text, analysis.paragraphs, all_highlights(analysis),
                              analysis.boilerplate, lang=lang, title=t("report_title", lang))
    return render_page(fragment + _quote_table(analysis, lang), t("report_title", lang), lang=lang)


def write_report(source, output) -> Path:
    path = Path(output)
    path.write_text(report_html(source), encoding="utf-8")
    return path
