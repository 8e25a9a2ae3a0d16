"""PasteBox: a box to paste an article into (notebook 06, "bring your own article").

The student pastes the text and presses Analyse; the box runs `kit.analyze` on it and shows
a short summary in the interface language (paragraphs, quotes, speakers, sources, and what
the engine noticed: text that is not Arabic, hidden direction controls, quotes without a
speaker...). The cells below work on `paste.analysis` (or `paste.text`). Until an article
is pasted, that is the article the box was given: `PasteBox(MY_ARTICLE)`, the notebook's
example, a file name, or nothing (the seed). «Back to the example» goes back to it (the pasted
text stays in the box, and Analyse uses it again).

Widgets made with `paste.follow(make)` (kit.widgets.follow) are made again whenever the box's
article changes, so every widget on the page shows the pasted article without running cells.

Nothing the student pasted is lost: the box is never cleared. Text that cannot be analysed
(empty, too long) leaves the box as it is, the kit's message says why inside the widget, and
the cells below keep the last good article. The last analysed text is saved
(`kit.storage`, work `pasted_article`) and put back, analysed, when the box is built again,
so a kernel restart loses nothing. Text pasted but not analysed is analysed when a cell
below asks for `paste.analysis`.

Safety: the text goes into the Textarea (plain text for the front end) and the engine; the
summary shows its first words (one line, bidi controls made visible by `plain`), numbers and
the engine's messages, all through `render.esc`. HTML tags in the text are analysed as text,
and the box says so.

Test hooks: `textarea.value`, `analyse()` (clicks Analyse), `back_to_example()`,
`status.value`, `summary.value`, `text`, `analysis`, `pasted` (True once the student's text is
in use), `on_article(function)`, `errors.outputs`.
"""
import re
from collections import Counter

import ipywidgets as widgets

from ..engine.analysis import analyze
from ..engine.article import check_text
from ..errors import InputError, KitError
from ..course.i18n import t
from ..engine.model import Analysis
from ..lenses.voices import statements
from ..view.render import esc
from ..course.storage import load_work, save_work
from .base import (KitWidget, block, callback, html_widget, load_analysis, plain,
                           with_class)

SAVE_AS = "pasted_article"
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
# The article is Arabic whatever the interface language: the box is right to left.
_CSS = """
.fl-paste-actions { align-items: center; gap: .8em; }
.fl-paste-actions button { flex-shrink: 0; }
"""


class PasteBox(KitWidget):
    """A Textarea for the student's article, an Analyse button, a status line and a summary."""

    css_class = "fl-paste"
    extra_css = _CSS

    def __init__(self, article=None, save_as: str = SAVE_AS):
        super().__init__()
        self.fallback, self.save_as = article, save_as
        self._analysis: Analysis | None = None
        self._tried: str | None = None      # the box's text at the last Analyse
        self.pasted = False
        self.textarea = with_class(
            # width auto: the column stretches it (100% plus ipywidgets' margin overflows)
            widgets.Textarea(placeholder=self.t("w_paste_placeholder"),
                             layout=widgets.Layout(width="auto", height="18em")),
            "fl-w-arabic-input", "fl-paste-text")
        self.button = with_class(widgets.Button(description=self.t("w_paste_analyse"),
                                                tooltip=self.t("w_paste_analyse_tip"),
                                                button_style="primary", icon="search"),
                                 "fl-paste-analyse")
        self.button.on_click(self._on_analyse)
        self.example_button = with_class(widgets.Button(description=self.t("w_paste_back"),
                                                        tooltip=self.t("w_paste_back_tip"),
                                                        icon="undo", layout=widgets.Layout(width="auto")),
                                         "fl-paste-example")
        self.example_button.on_click(self._on_example)
        self._listeners = []
        self.status = html_widget("", "fl-paste-status")
        self.summary = html_widget("", "fl-paste-summary")
        actions = with_class(widgets.HBox([self.button, self.example_button, self.status]),
                             "fl-paste-actions")
        title = html_widget(block(esc(self.t("w_paste_title")), self.lang, "", "h3"))
        self.widget = self.root(title, self.textarea, actions, self.summary)
        self._start()

    # --- test hooks and what the cells below use ----------------------------------------------

    @property
    def analysis(self) -> Analysis:
        """The article the cells below work on (text pasted but not analysed is analysed now)."""
        if self.textarea.value.strip() and self.textarea.value != self._tried:
            self.analyse()
        if self._analysis is None:
            raise InputError(*(t("w_paste_no_article", lang) for lang in ("en", "ar")))
        return self._analysis

    @property
    def text(self) -> str:
        return self.analysis.text

    def analyse(self) -> None:
        """Press Analyse, as the student does."""
        self.button.click()

    def back_to_example(self) -> None:
        """Press «Back to the example», as the student does."""
        self.example_button.click()

    def on_article(self, function) -> None:
        """Call `function(analysis)` each time the article in use changes."""
        self._listeners.append(function)

    def follow(self, make, **options):
        """A widget showing `make(analysis, **options)` for the article in use, made again each
        time it changes (`kit.widgets.follow.Following`)."""
        from .follow import Following      # follow builds on this module's box
        return Following(self, make, **options)

    # --- analysing ------------------------------------------------------------------------------

    @callback
    def _on_analyse(self, _button) -> None:
        text = self._tried = self.textarea.value
        try:
            analysis = _analyze_text(text)
        except KitError:
            self._set_status("w_paste_status_kept")
            raise                               # the callback shows the kit's message
        self._use(analysis, pasted=True, status="w_paste_status_done")
        save_work(self.save_as, {"text": text})

    @callback
    def _on_example(self, _button) -> None:
        self._tried = self.textarea.value          # kept in the box, not analysed again
        self._use(load_analysis(self.fallback), pasted=False, status="w_paste_status_back")
        save_work(self.save_as, {"text": self.textarea.value, "example": True})

    @callback
    def _start(self) -> None:
        """The saved article if there is one, else the article the box was given."""
        problem = None
        try:
            work = load_work(self.save_as)
            saved = work.get("text")
            if isinstance(saved, str) and saved.strip():
                self.textarea.value = self._tried = saved      # in the box even if it fails
                if work.get("example") is not True:
                    self._use(_analyze_text(saved), pasted=True, status="w_paste_status_restored")
        except KitError as error:   # a damaged work file, or saved text the engine now refuses
            problem = error
        if self._analysis is None:
            self._use(load_analysis(self.fallback), pasted=False, status="w_paste_status_example")
        if problem:
            raise problem

    def _use(self, analysis: Analysis, pasted: bool, status: str) -> None:
        changed = self._analysis is not None
        self._analysis, self.pasted = analysis, pasted
        self._set_status(status)
        self.summary.value = self._summary(analysis)
        self.example_button.disabled = not pasted
        for function in self._listeners if changed else ():
            function(analysis)

    # --- what the box shows ---------------------------------------------------------------------

    def _set_status(self, key: str) -> None:
        self.status.value = block(esc(self.t(key)), self.lang, "fl-w-note", "p")

    def _summary(self, a: Analysis) -> str:
        speakers = {q.source_id for q in a.quotes if q.source_id}
        counts = self.t("w_paste_counts", paragraphs=len(a.paragraphs), quotes=len(statements(a)),
                        speakers=len(speakers), sources=len(a.sources))
        in_use = self.t("w_paste_in_use_pasted" if self.pasted else "w_paste_in_use_example")
        notes = self._notes(a)
        listed = (f"<p>{esc(self.t('w_paste_warnings'))}</p><ul>{notes}</ul>" if notes else "")
        start = a.paragraphs[0].text if a.paragraphs else a.text
        return block(f"<strong>{esc(in_use)}</strong>"
                     f'<p class="fl-w-text" dir="rtl" lang="ar">«{esc(plain(start, 90))}»</p>'
                     f"<p>{esc(counts)}</p>{listed}", self.lang, "fl-w-box fl-paste-result")

    def _notes(self, a: Analysis) -> str:
        """One item per kind of engine diagnostic (the first message, and how many more),
        and one if the text holds HTML tags."""
        first, count = {}, Counter(d.code for d in a.diagnostics)
        for d in a.diagnostics:
            first.setdefault(d.code, d.message_ar if self.lang == "ar" else d.message_en)
        items = [message + (" " + self.t("w_paste_times", n=count[code] - 1)
                            if count[code] > 1 else "")
                 for code, message in first.items()]
        if _TAG.search(a.text):
            items.append(self.t("w_paste_markup"))
        return "".join(f"<li>{esc(item)}</li>" for item in items)


def _analyze_text(text: str) -> Analysis:
    """`kit.analyze` on pasted text, always read as text: one line that happens to name a
    file is not opened. The kit's checks run on the text as pasted first, so their messages
    count its characters."""
    check_text(text)
    return analyze(text=text)
