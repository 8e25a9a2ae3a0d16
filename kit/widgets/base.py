"""What every classroom widget shares: loading the article, the root box with its CSS and
error area, the callback guard, safe text for labels, saved work per article, and the
language switcher.

Safety: ipywidgets' `HTML` assigns `innerHTML` unsanitised, so article text reaches HTML only
through `render.esc` (or `render.render_article`). Option labels of Dropdowns, Selects and
ToggleButtons are set as plain text by the front end; `plain()` still makes bidi controls
visible there, so a label reads as the text really is.
"""
import functools
import logging
import os
from contextlib import contextmanager
from pathlib import Path

import ipywidgets as widgets
from IPython.display import Javascript, display

from ..engine.analysis import analyze
from ..errors import KitError
from ..course.i18n import direction, get_language, t
from ..engine.model import Analysis
from ..view.render import FONT_STACK, STYLE, esc, plain  # noqa: F401  (plain: for the widgets)
from ..course.paths import SEED_NAME, seed_path
from ..course.seed_work import article_key  # noqa: F401  (re-exported for the widgets)
from ..course.storage import load_work, recover_work, update_work

_LOG = logging.getLogger("kit.widgets")

_WIDGET_CSS = f"""
.fl-w {{ font-family: {FONT_STACK}; line-height: 1.6; max-width: 60em; }}
.fl-w-rtl {{ direction: rtl; margin-left: auto; }}  /* at the right, under right-aligned text */
.fl-w .widget-html-content {{ line-height: 1.6; }}
.fl-w select, .fl-w option {{ unicode-bidi: plaintext; }}
.fl-w .widget-checkbox {{ height: auto; width: auto; }}
.fl-w .widget-checkbox .widget-label-basic {{ white-space: normal; overflow: visible; height: auto; }}
.fl-w .widget-checkbox label {{ height: auto; align-items: flex-start; }}
.fl-w .widget-checkbox input[type=checkbox] {{ margin-inline-end: .6em; flex-shrink: 0; }}
.fl-w .widget-dropdown > select {{ text-overflow: ellipsis; }}
.fl-w-arabic-input textarea {{ direction: rtl; text-align: right; font-family: {FONT_STACK};
  font-size: 1.1em; line-height: 1.6; }}
.fl-w-text {{ font-size: 1.15em; line-height: 1.8; white-space: pre-wrap; margin: .2em 0 .4em; }}
.fl-w-text mark {{ background: #F0E44299; border-bottom: 2px solid #333; unicode-bidi: isolate; }}
.fl-w-box {{ border: 1px solid #ccc; border-radius: 4px; padding: .4em .8em; margin: .3em 0; }}
.fl-w-right {{ border-inline-start: 5px solid #009E73; padding-inline-start: .6em; }}
.fl-w-wrong {{ border-inline-start: 5px dashed #D55E00; padding-inline-start: .6em; }}
.fl-w-note {{ border-inline-start: 5px dotted #777; padding-inline-start: .6em; color: #333; }}
.fl-w-error {{ background: #fff1ec; border: 1px solid #D55E00; border-radius: 4px;
  padding: .3em .6em; font-family: {FONT_STACK}; }}  /* JupyterLab's output font otherwise */
.fl-w table {{ border-collapse: collapse; margin: .4em 0; }}
.fl-w th, .fl-w td {{ border: 1px solid #bbb; padding: .2em .5em; vertical-align: top;
  text-align: start; }}
.fl-w h3, .fl-w h4 {{ margin: .5em 0 .2em; }}
/* ipywidgets gives every button one short fixed width, which cuts longer labels ("Compare
   with…"); the kit's buttons grow to their label instead. */
.fl-w .widget-button, .fl-w .widget-toggle-button {{ width: max-content; max-width: 100%;
  min-width: var(--jp-widgets-inline-width-short); }}
/* ipywidgets spaces description labels, button icons and the dropdown arrow for left-to-right
   only; right to left, the space goes on the other side and the arrow to the left end. */
.fl-w-rtl .widget-inline-hbox .widget-label {{ margin-right: 0;
  margin-left: calc(var(--jp-widgets-inline-margin) * 2); }}
.fl-w-rtl button i.fa:not(.center) {{ margin-right: 0; margin-left: var(--jp-widgets-inline-margin); }}
.fl-w-rtl .widget-dropdown > select {{ background-position: left center; padding-left: 20px;
  padding-right: calc(var(--jp-widgets-input-padding) * 2); }}
"""

# What ipywidgets cannot say, done once per page by a static script (no article or student text
# in it): a pressed ToggleButton is marked only with the class mod-active, so every
# `.fl-toggle` button gets aria-pressed in step with it; and every `time.fl-local` is written
# in the browser's own time zone and the page language (the kernel may run in UTC far away).
_PAGE_SCRIPT = """(() => {
  if (window.__flPageScript) return;
  window.__flPageScript = true;
  const sync = () => {
    document.querySelectorAll('button.fl-toggle').forEach(b => {
      const pressed = String(b.classList.contains('mod-active'));
      if (b.getAttribute('aria-pressed') !== pressed) b.setAttribute('aria-pressed', pressed);
    });
    document.querySelectorAll('time.fl-local:not([data-local])').forEach(el => {
      const when = new Date(el.getAttribute('datetime'));
      if (isNaN(when)) return;
      const lang = el.closest('[lang]') ? el.closest('[lang]').lang : undefined;
      el.textContent = when.toLocaleString(lang === 'ar' ? 'ar-u-nu-latn' : lang,
        {dateStyle: 'medium', timeStyle: 'short'});
      el.dataset.local = '1';
    });
  };
  new MutationObserver(sync).observe(document.body, {subtree: true, childList: true,
                                                     attributes: true, attributeFilter: ['class']});
  sync();
})();"""


# --- the article ------------------------------------------------------------------------------

def load_analysis(article=None) -> Analysis:
    """The analysis of `article`: text, a path, an `Analysis` already made, or None (the seed).
    Text and paths follow `kit.analyze`'s rule: a `Path` is a file, a str is text unless it is
    one line naming an existing file."""
    if isinstance(article, Analysis):
        return article
    return analyze(seed_path() if article is None else article)


def article_name(article) -> str | None:
    """The file name of the article (None for text given inline)."""
    if article is None:
        return SEED_NAME
    if isinstance(article, Path) or (isinstance(article, str) and "\n" not in article
                                     and os.path.isfile(article)):
        return Path(article).name
    return None


# --- saved work: one file per widget kind, one entry per article --------------------------------

def dict_at(data, key: str) -> dict:
    """`data[key]` if it is a dict, else {} (a file changed by hand may hold anything)."""
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, dict) else {}


def load_entry(save_as: str, key: str) -> dict:
    """This article's entry in the work file `save_as` ({} when there is none).
    SavedWorkError, with the way to recover, if the file is damaged."""
    return dict_at(dict_at(load_work(save_as), "articles"), key)


def save_entry(save_as: str, key: str, entry: dict) -> None:
    """Store this article's entry, keeping the other articles' entries in the same file.
    The load-change-save holds the file's lock, so two tabs saving at once both keep their
    entries; a damaged file is never saved over (SavedWorkError says how to recover it)."""
    def change(data: dict) -> dict:
        return {**data, "articles": {**dict_at(data, "articles"), key: entry}}
    update_work(save_as, change)


# --- text helpers -----------------------------------------------------------------------------

def block(inner_html: str, lang: str, css: str = "", tag: str = "div") -> str:
    """`inner_html` (already escaped) in an element with the language's direction."""
    return f'<{tag} class="{esc(css, plain=True)}" dir="{direction(lang)}" lang="{lang}">{inner_html}</{tag}>'


def marked_text(text: str, start: int, end: int, marks=(), cut: tuple[bool, bool] = (False, False)) -> str:
    """`text[start:end]` escaped, as right-to-left Arabic, with each (a, b) in `marks` in <mark>;
    `cut`: whether the text goes on before and after the part shown (then "…" says so)."""
    out, at = ["… " if cut[0] else ""], start
    for a, b in sorted(marks):
        out += [esc(text[at:a]), f"<mark>{esc(text[a:b])}</mark>"]
        at = b
    out.append(esc(text[at:end]) + (" …" if cut[1] else ""))
    return f'<p class="fl-w-text" dir="rtl" lang="ar">{"".join(out)}</p>'


def html_widget(value: str = "", css: str = "") -> widgets.HTML:
    """An HTML widget that grows with its content (Arabic clips in a fixed-height one)."""
    return with_class(widgets.HTML(value, layout=widgets.Layout(height="auto", width="auto")),
                      *css.split())


def with_class(widget, *names: str):
    for name in names:
        widget.add_class(name)
    return widget


def error_message(error: Exception, lang: str) -> str:
    """What the student sees when a callback fails: a KitError's own words, else its type."""
    if isinstance(error, KitError):
        return error.message(lang)
    return t("w_error_generic", lang, kind=type(error).__name__)


# --- the base class ---------------------------------------------------------------------------

def callback(method):
    """Wrap a widget callback so a failure shows a short message in the widget's error area
    instead of vanishing (ipywidgets prints callback errors nowhere visible)."""
    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        self.errors.outputs = ()
        try:
            return method(self, *args, **kwargs)
        except Exception as error:  # shown to the student, kept for the teacher
            self.show_error(error)
    return guarded


class KitWidget:
    """Base of the classroom widgets: `.widget` is the root ipywidget; a notebook cell holding
    the object displays it. Built in the interface language current at construction."""

    css_class = "fl-w-widget"
    extra_css = ""   # a widget's own rules, added to the kit's in the root's one <style>
    needs_script = False    # True: displayed with _PAGE_SCRIPT (toggle buttons, local times)

    def __init__(self):
        self.lang = get_language()
        self.last_error: Exception | None = None
        self.quiet = False
        self.errors = with_class(widgets.Output(layout=widgets.Layout(height="auto")),
                                 "fl-w-errors", f"{self.css_class}-errors")
        # Shown when a work file cannot be read: the widget never saves over it, and offers this.
        self.recover_button = with_class(
            widgets.Button(description=self.t("w_recover"), icon="medkit", button_style="warning",
                           layout=widgets.Layout(display="none", width="auto")),
            "fl-w-recover", f"{self.css_class}-recover")
        self.recover_button.on_click(self._on_recover)
        self._recoverable = None

    @contextmanager
    def quietly(self):
        """Set widget values from code without their observers taking them for the student's."""
        self.quiet = True
        try:
            yield
        finally:
            self.quiet = False

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)

    def root(self, *children) -> widgets.VBox:
        """The root box: CSS first, then `children`, then the error area."""
        style = html_widget(f"<style>{STYLE}\n{_WIDGET_CSS}\n{self.extra_css}</style>", "fl-w-style")
        box = widgets.VBox([style, *children, self.errors, self.recover_button],
                           layout=widgets.Layout(height="auto", width="100%"))
        return with_class(box, "fl-w", self.css_class, f"fl-w-{direction(self.lang)}")

    def show_error(self, error: Exception) -> None:
        self.last_error = error
        _LOG.debug("widget callback failed", exc_info=error)
        text = block(esc(error_message(error, self.lang)), self.lang, "fl-w-error")
        self._show_message(text, str(error))
        if getattr(error, "recoverable", None):
            self._recoverable = error.recoverable
            self.recover_button.layout.display = None

    def _show_message(self, html: str, plain_text: str) -> None:
        self.errors.outputs = ({"output_type": "display_data", "metadata": {},
                                "data": {"text/html": html, "text/plain": plain_text}},)

    @callback
    def _on_recover(self, _button) -> None:
        """Restore the last good copy of the damaged work file (kept aside, never deleted)."""
        recover_work(*self._recoverable)
        self.recover_button.layout.display = "none"
        message = self.t("w_recovered")
        self._show_message(block(esc(message), self.lang, "fl-w-note"), message)

    def _ipython_display_(self):
        display(self.widget)
        if self.needs_script:
            display(Javascript(_PAGE_SCRIPT))

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
