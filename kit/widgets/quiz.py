"""QuoteQuiz: who said it, what kind of quote it is, and which verb introduces it.

The right answers come from the engine's analysis, so the quiz works on any article. Quotes
the engine could not attribute are left out (there is no answer to check them against).

The questions are shown a page at a time (PAGE_SIZE): only the page shown has widgets, so a
pasted text with thousands of quotes builds as fast as the seed. Every question's answers live
in the quiz itself, whatever page is shown.
"""
from dataclasses import dataclass

import ipywidgets as widgets

from ..course.seed_work import ARTICLE_ITSELF, NO_CUE, QUIZ_PARTS, quiz_expected, quote_key
from ..lenses.highlights import reporting_verb_highlights
from ..lenses.voices import statements
from ..engine.model import Quote
from ..view.render import esc
from .base import (KitWidget, article_key, block, callback, dict_at, html_widget, load_analysis,
                           load_entry, marked_text, plain, save_entry, with_class)

KINDS = ("direct", "partial", "indirect")
PARTS = QUIZ_PARTS
CONTEXT = 600   # characters shown on each side of a question's quote, at most
PAGE_SIZE = 20  # questions shown at once: a lesson's article (the seed has 11) fits on one page
_CSS = ".fl-quiz-pager { gap: .8em; }"   # the pager's buttons apart from its line
# How the engine found a speaker (Quote.how) -> the interface string that explains it.
HOW_KEYS = {
    "named after the verb": "w_how_after_verb",
    "named before the verb": "w_how_before_verb",
    "named before a colon": "w_how_before_colon",
    "carried over from the previous speaker": "w_how_carried",
    "the previous speaker (no verb in the sentence)": "w_how_no_verb",
    "named after عن": "w_how_after_an",
    "named before the relative": "w_how_before_relative",
    "according to": "w_how_according_to",
    "the document's issuer": "w_how_document",
}


@dataclass
class _Question:
    """The widgets of one question."""
    text: widgets.HTML
    speaker: widgets.Dropdown
    kind: widgets.Dropdown
    cue: widgets.Dropdown
    button: widgets.Button
    feedback: widgets.HTML
    box: widgets.VBox

    def answers(self) -> dict:
        return {part: getattr(self, part).value for part in PARTS}

    def close(self) -> None:
        """Drop the widgets with their layouts and styles, in the kernel and in the browser
        (the page was turned)."""
        for widget in (self.text, self.speaker, self.kind, self.cue, self.button, self.feedback,
                       self.box):
            for model in (widget.layout, getattr(widget, "style", None), widget):
                if model is not None:
                    model.close()


@dataclass
class _Pager:
    """Previous / next and "statements X–Y of N" (shown above and below the questions)."""
    previous: widgets.Button
    label: widgets.HTML
    next: widgets.Button
    box: widgets.HBox


class QuoteQuiz(KitWidget):
    """For each attributed quote of the article: who speaks (the sources, plus "the article
    itself"), which kind of quote, which reporting verb; Check gives a hint for each wrong part,
    or, when all are right, how the engine found the speaker and through whom it is reported.

    PAGE_SIZE questions at a time, with Previous / Next when there are more (hidden when all
    fit on one page). Checked answers are saved (`kit.storage`, under `save_as`, per article)
    after every check and restored when the quiz is built again, so a kernel restart loses
    nothing; answers chosen on another page come back when its page is shown again.

    Test hooks: `answer(i, speaker=, kind=, cue=)` and `check(i)` (both turn to question i's
    page first, as a student would), `score`, `total`, `expected(i)`, `page`, `pages`,
    `show_page(n)`, `questions[i].feedback.value` (i on the page shown), `reset()`.
    """

    css_class = "fl-quiz"
    extra_css = _CSS

    def __init__(self, article=None, save_as: str = "quote_quiz"):
        super().__init__()
        self.analysis = load_analysis(article)
        self.save_as, self.key = save_as, article_key(self.analysis)
        # One question per statement: partial quotes inside an indirect clause are part of it.
        self.quotes: list[Quote] = [q for q in statements(self.analysis) if q.source_id]
        self.results: dict[int, bool] = {}    # question -> was its last check right?
        self.checked: dict[int, dict] = {}    # question -> the answers of its last check
        self.chosen: dict[int, dict] = {}     # question -> the answers chosen, checked or not
        self.questions: dict[int, _Question] = {}   # the page shown: question -> its widgets
        self.page = 0
        self._names = {s.id: self._name(s) for s in self.analysis.sources}
        self._options = self._all_options()
        self._index = {part: {value: k for k, (_, value) in enumerate(options)}
                       for part, options in self._options.items()}   # option value -> position
        self.score_html = html_widget("", "fl-quiz-score")
        reset = with_class(widgets.Button(description=self.t("w_quiz_reset"), icon="undo"),
                           "fl-quiz-reset")
        reset.on_click(self._on_reset)
        intro = html_widget(block(f"<h3>{esc(self.t('w_quiz_title'))}</h3>"
                                  f"<p>{esc(self.t('w_quiz_intro', n=len(self.quotes)))}</p>",
                                  self.lang))
        self.pagers = [self._pager("top"), self._pager("bottom")]
        self.page_box = with_class(widgets.VBox(layout=widgets.Layout(height="auto")),
                                   "fl-quiz-page")
        self.widget = self.root(intro, self.score_html, self.pagers[0].box, self.page_box,
                                self.pagers[1].box, reset)
        self._restore()
        self.show_page(0)

    # --- test hooks and public methods --------------------------------------------------------

    @property
    def score(self) -> int:
        """How many questions were right at their last check."""
        return sum(self.results.values())

    @property
    def total(self) -> int:
        return len(self.quotes)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    def expected(self, i: int) -> dict:
        """The engine's answers for question `i` (speaker is a source id)."""
        return quiz_expected(self.quotes[i])

    def answer(self, i: int, speaker=None, kind=None, cue=None) -> None:
        """Choose answers as a student would (a value or an option label; None: unchanged)."""
        self._turn_to(i)
        for part, given in zip(PARTS, (speaker, kind, cue), strict=True):
            if given is not None:
                dropdown = getattr(self.questions[i], part)
                labels = dict(dropdown.options)
                dropdown.value = labels.get(given, given)

    def check(self, i: int) -> None:
        self._turn_to(i)
        self.questions[i].button.click()

    def show_page(self, page: int) -> None:
        """Show page `page` (from 0): its questions are built, the others' widgets dropped."""
        self._remember_page()
        for question in self.questions.values():
            question.close()
        self.page = min(max(page, 0), self.pages - 1)
        first = self.page * PAGE_SIZE
        self.questions = {i: self._question(i, self.quotes[i])
                          for i in range(first, min(first + PAGE_SIZE, self.total))}
        self.page_box.children = [q.box for q in self.questions.values()]
        self._show_pager()
        self._show_score()

    def reset(self) -> None:
        """Clear every answer and its feedback, on every page and in the saved work."""
        self.results.clear()
        self.checked.clear()
        self.chosen.clear()
        for question in self.questions.values():
            for part in PARTS:
                dropdown = getattr(question, part)
                dropdown.value = None     # the value None leaves no option selected (index None);
                dropdown.index = 0        # then "choose" shows, as in a new quiz
            question.feedback.value = ""
        save_entry(self.save_as, self.key, {"answers": {}})
        self._show_score()

    # --- building ---------------------------------------------------------------------------

    def _name(self, source) -> str:
        return source.name_ar if self.lang == "ar" else source.name

    def _all_options(self) -> dict[str, list]:
        choose = (self.t("w_quiz_choose"), None)
        speakers = [(plain(self._names[s.id], 60), s.id) for s in self.analysis.sources]
        return {
            "speaker": [choose, *speakers, (self.t("w_quiz_article_itself"), ARTICLE_ITSELF)],
            "kind": [choose, *[(self.t(f"quote_{kind}"), kind) for kind in KINDS]],
            "cue": [choose, *[(plain(cue, 30), cue) for cue in self._cues()],
                    (self.t("w_quiz_no_cue"), NO_CUE)],
        }

    def _cues(self) -> list[str]:
        """The reporting verbs written in the article (and the engine's cues), in text order."""
        found = [(h.start, h.text) for h in reporting_verb_highlights(self.analysis)]
        found += [(q.cue_start, q.cue) for q in self.quotes if q.cue]
        return list(dict.fromkeys(text for _, text in sorted(found)))

    def _pager(self, where: str) -> _Pager:
        previous = with_class(widgets.Button(description=self.t("w_quiz_previous")),
                              "fl-quiz-previous", f"fl-quiz-previous-{where}")
        following = with_class(widgets.Button(description=self.t("w_quiz_next")),
                               "fl-quiz-next", f"fl-quiz-next-{where}")
        previous.on_click(lambda _: self._on_turn(-1))
        following.on_click(lambda _: self._on_turn(+1))
        label = html_widget("", f"fl-quiz-pages fl-quiz-pages-{where}")
        box = with_class(widgets.HBox([previous, label, following],
                                      layout=widgets.Layout(height="auto", align_items="center")),
                         "fl-quiz-pager", f"fl-quiz-pager-{where}")
        return _Pager(previous, label, following, box)

    def _show_pager(self) -> None:
        first = self.page * PAGE_SIZE
        text = self.t("w_quiz_pages", first=first + 1, last=min(first + PAGE_SIZE, self.total),
                      total=self.total)
        for pager in self.pagers:
            pager.box.layout.display = None if self.pages > 1 else "none"
            pager.label.value = block(esc(text), self.lang, "", "span")
            pager.previous.disabled = self.page == 0
            pager.next.disabled = self.page == self.pages - 1

    def _question(self, i: int, q: Quote) -> _Question:
        paragraph = self.analysis.paragraphs[q.paragraph]
        heading = block(f"<h4>{esc(self.t('w_quiz_question', n=i + 1, total=len(self.quotes)))}</h4>",
                        self.lang)
        start, end = _context(self.analysis.text, paragraph, q)
        text = html_widget(heading + marked_text(self.analysis.text, start, end, [(q.start, q.end)],
                                                 cut=(start > paragraph.start, end < paragraph.end)))
        chosen = self.chosen.get(i, {})
        parts = {part: self._dropdown(i, part, chosen.get(part)) for part in PARTS}
        button = with_class(widgets.Button(description=self.t("w_quiz_check"),
                                           button_style="primary"), f"fl-quiz-check-{i}")
        button.on_click(lambda _, i=i: self._on_check(i))
        feedback = html_widget(self._feedback(i), f"fl-quiz-feedback fl-quiz-feedback-{i}")
        box = with_class(widgets.VBox([text, *parts.values(), button, feedback],
                                      layout=widgets.Layout(height="auto")),
                         "fl-w-box", f"fl-quiz-q-{i}")
        return _Question(text, **parts, button=button, feedback=feedback, box=box)

    def _dropdown(self, i: int, part: str, value) -> widgets.Dropdown:
        # by index: the value None is the "choose" entry (index 0), whose label shows
        dropdown = widgets.Dropdown(options=self._options[part],
                                    index=self._index[part][value],
                                    description=self.t(f"w_quiz_{part}"),
                                    style={"description_width": "8em"},
                                    layout=widgets.Layout(width="34em", max_width="100%"))
        return with_class(dropdown, f"fl-quiz-{part}-{i}")

    # --- pages ----------------------------------------------------------------------------------

    @callback
    def _on_turn(self, step: int) -> None:
        self.show_page(self.page + step)

    def _turn_to(self, i: int) -> None:
        if i not in self.questions:
            self.show_page(i // PAGE_SIZE)

    def _remember_page(self) -> None:
        """Keep the answers chosen on the page shown, before its widgets go."""
        for i, question in self.questions.items():
            answers = question.answers()
            if any(value is not None for value in answers.values()):
                self.chosen[i] = answers
            else:
                self.chosen.pop(i, None)

    # --- checking -----------------------------------------------------------------------------

    @callback
    def _on_check(self, i: int) -> None:
        if self._grade(i) is not None:
            self._save()

    @callback
    def _on_reset(self, _button) -> None:
        self.reset()

    def _grade(self, i: int) -> bool | None:
        """Check the answers chosen for question `i` (on the page shown), show its feedback and
        record it; None when something is unanswered."""
        given = self.questions[i].answers()
        if None in given.values():
            self.questions[i].feedback.value = block(esc(self.t("w_quiz_incomplete")), self.lang,
                                                     "fl-w-note")
            return None
        self._record(i, given)
        self.questions[i].feedback.value = self._feedback(i)
        self._show_score()
        return self.results[i]

    def _record(self, i: int, given: dict) -> None:
        self.checked[i], self.chosen[i] = given, given
        self.results[i] = given == self.expected(i)

    def _feedback(self, i: int) -> str:
        """The feedback of question `i`'s last check ("" if it was never checked)."""
        if i not in self.results:
            return ""
        if self.results[i]:
            return self._explanation(i)
        expected = self.expected(i)
        return self._hints({part: self.checked[i][part] == expected[part] for part in PARTS})

    def _hints(self, right: dict) -> str:
        lines = [f"<strong>{esc(self.t('w_quiz_wrong'))}</strong>"]
        for part in PARTS:
            mark = "✓" if right[part] else "✗ " + self.t(f"w_quiz_hint_{part}")
            lines.append(f"<p>{esc(self.t(f'w_quiz_{part}'))} {esc(mark)}</p>")
        return block("".join(lines), self.lang, "fl-w-wrong")

    def _explanation(self, i: int) -> str:
        q = self.quotes[i]
        how = self.t(HOW_KEYS[q.how]) if q.how in HOW_KEYS else q.how
        lines = [self.t("w_quiz_right"),
                 self.t("w_quiz_explain", speaker=self._names[q.source_id],
                        kind=self.t(f"quote_{q.kind}"), cue=q.cue or self.t("w_quiz_no_cue"),
                        how=how)]
        if q.via:
            chain = [self.t("w_quiz_the_article"), *map(self._via_names_of, q.via),
                     self._names[q.source_id]]
            lines.append(self.t("w_quiz_via", chain=f" {self.t('w_arrow')} ".join(chain)))
        elif self.analysis.relay:
            lines.append(self.t("w_quiz_relay", relay=self._via_names_of(self.analysis.relay)))
        return block("".join(f"<p>{esc(line)}</p>" for line in lines), self.lang, "fl-w-right")

    def _via_names_of(self, name: str) -> str:
        """A relay's name in the interface language (relays are recorded by canonical name)."""
        return next((self._names[s.id] for s in self.analysis.sources if s.name == name), name)

    def _show_score(self) -> None:
        self.score_html.value = block(
            f"<strong>{esc(self.t('w_quiz_score', n=self.score, total=self.total))}</strong>",
            self.lang)

    # --- saving -------------------------------------------------------------------------------

    def _save(self) -> None:
        answers = {quote_key(self.quotes[i]): self.checked[i] for i in self.results}
        save_entry(self.save_as, self.key, {"answers": answers})

    @callback
    def _restore(self) -> None:
        """Put back the checked answers saved for this article, on every page, graded again
        (the page shown is built from them)."""
        saved = dict_at(load_entry(self.save_as, self.key), "answers")
        if not saved:
            return
        for i, q in enumerate(self.quotes):
            answers = saved.get(quote_key(q))
            if isinstance(answers, dict) and self._fits(answers):
                self._record(i, {part: answers[part] for part in PARTS})

    def _fits(self, answers: dict) -> bool:
        """Whether every saved value is still an option (the engine may have changed; a file
        changed by hand may hold a list or a number)."""
        return all(isinstance(answers.get(part), str) and answers[part] in self._index[part]
                   for part in PARTS)


def _context(text: str, paragraph, q: Quote) -> tuple[int, int]:
    """Where the text shown with a question starts and ends: the quote's paragraph, or in a very
    long one (no news paragraph is) the whole words within CONTEXT characters of the quote, so
    that each question costs the same however long its paragraph."""
    start, end = max(paragraph.start, q.start - CONTEXT), min(paragraph.end, q.end + CONTEXT)
    if start > paragraph.start:
        start = text.find(" ", start, q.start) + 1 or start
    if end < paragraph.end:
        end = max(text.rfind(" ", q.end, end), q.end)
    return start, end
