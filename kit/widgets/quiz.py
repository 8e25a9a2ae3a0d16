"""QuoteQuiz: who said it, what kind of quote it is, and which verb introduces it.

The right answers come from the engine's analysis, so the quiz works on any article. Quotes
the engine could not attribute are left out (there is no answer to check them against).
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
    speaker: widgets.Dropdown
    kind: widgets.Dropdown
    cue: widgets.Dropdown
    button: widgets.Button
    feedback: widgets.HTML
    box: widgets.VBox

    def answers(self) -> dict:
        return {part: getattr(self, part).value for part in PARTS}


class QuoteQuiz(KitWidget):
    """For each attributed quote of the article: who speaks (the sources, plus "the article
    itself"), which kind of quote, which reporting verb; Check gives a hint for each wrong part,
    or, when all are right, how the engine found the speaker and through whom it is reported.

    Checked answers are saved (`kit.storage`, under `save_as`, per article) after every check
    and restored when the quiz is built again, so a kernel restart loses nothing.

    Test hooks: `answer(i, speaker=, kind=, cue=)`, `check(i)`, `score`, `total`,
    `expected(i)`, `questions[i].feedback.value`, `reset()`.
    """

    css_class = "fl-quiz"

    def __init__(self, article=None, save_as: str = "quote_quiz"):
        super().__init__()
        self.analysis = load_analysis(article)
        self.save_as, self.key = save_as, article_key(self.analysis)
        # One question per statement: partial quotes inside an indirect clause are part of it.
        self.quotes: list[Quote] = [q for q in statements(self.analysis) if q.source_id]
        self.results: dict[int, bool] = {}    # question -> was its last check right?
        self._names = {s.id: self._name(s) for s in self.analysis.sources}
        self._options = self._all_options()
        self.questions = [self._question(i, q) for i, q in enumerate(self.quotes)]
        self.score_html = html_widget("", "fl-quiz-score")
        reset = with_class(widgets.Button(description=self.t("w_quiz_reset"), icon="undo"),
                           "fl-quiz-reset")
        reset.on_click(self._on_reset)
        intro = html_widget(block(f"<h3>{esc(self.t('w_quiz_title'))}</h3>"
                                  f"<p>{esc(self.t('w_quiz_intro', n=len(self.quotes)))}</p>",
                                  self.lang))
        self.widget = self.root(intro, self.score_html, *(q.box for q in self.questions), reset)
        self._restore()
        self._show_score()

    # --- test hooks and public methods --------------------------------------------------------

    @property
    def score(self) -> int:
        """How many questions were right at their last check."""
        return sum(self.results.values())

    @property
    def total(self) -> int:
        return len(self.quotes)

    def expected(self, i: int) -> dict:
        """The engine's answers for question `i` (speaker is a source id)."""
        return quiz_expected(self.quotes[i])

    def answer(self, i: int, speaker=None, kind=None, cue=None) -> None:
        """Choose answers as a student would (a value or an option label; None: unchanged)."""
        for part, given in zip(PARTS, (speaker, kind, cue), strict=True):
            if given is not None:
                dropdown = getattr(self.questions[i], part)
                labels = dict(dropdown.options)
                dropdown.value = labels.get(given, given)

    def check(self, i: int) -> None:
        self.questions[i].button.click()

    def reset(self) -> None:
        """Clear every answer and its feedback, here and in the saved work."""
        self.results.clear()
        for question in self.questions:
            for part in PARTS:
                getattr(question, part).value = None
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

    def _question(self, i: int, q: Quote) -> _Question:
        paragraph = self.analysis.paragraphs[q.paragraph]
        heading = block(f"<h4>{esc(self.t('w_quiz_question', n=i + 1, total=len(self.quotes)))}</h4>",
                        self.lang)
        start, end = _context(self.analysis.text, paragraph, q)
        text = html_widget(heading + marked_text(self.analysis.text, start, end, [(q.start, q.end)],
                                                 cut=(start > paragraph.start, end < paragraph.end)))
        parts = {part: self._dropdown(i, part) for part in PARTS}
        button = with_class(widgets.Button(description=self.t("w_quiz_check"),
                                           button_style="primary"), f"fl-quiz-check-{i}")
        button.on_click(lambda _, i=i: self._on_check(i))
        feedback = html_widget("", f"fl-quiz-feedback fl-quiz-feedback-{i}")
        box = with_class(widgets.VBox([text, *parts.values(), button, feedback],
                                      layout=widgets.Layout(height="auto")),
                         "fl-w-box", f"fl-quiz-q-{i}")
        return _Question(**parts, button=button, feedback=feedback, box=box)

    def _dropdown(self, i: int, part: str) -> widgets.Dropdown:
        # index 0 is the "choose" entry: value None, label shown
        dropdown = widgets.Dropdown(options=self._options[part], index=0,
                                    description=self.t(f"w_quiz_{part}"),
                                    style={"description_width": "8em"},
                                    layout=widgets.Layout(width="34em", max_width="100%"))
        return with_class(dropdown, f"fl-quiz-{part}-{i}")

    # --- checking -----------------------------------------------------------------------------

    @callback
    def _on_check(self, i: int) -> None:
        if self._grade(i) is not None:
            self._save()

    @callback
    def _on_reset(self, _button) -> None:
        self.reset()

    def _grade(self, i: int) -> bool | None:
        """Show the feedback of question `i` and record it; None when something is unanswered."""
        given, expected = self.questions[i].answers(), self.expected(i)
        if None in given.values():
            self.questions[i].feedback.value = block(esc(self.t("w_quiz_incomplete")), self.lang,
                                                     "fl-w-note")
            return None
        right = {part: given[part] == expected[part] for part in PARTS}
        self.results[i] = all(right.values())
        self.questions[i].feedback.value = (self._explanation(i) if self.results[i]
                                            else self._hints(right))
        self._show_score()
        return self.results[i]

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
        answers = {quote_key(self.quotes[i]): self.questions[i].answers()
                   for i in self.results}
        save_entry(self.save_as, self.key, {"answers": answers})

    @callback
    def _restore(self) -> None:
        """Put back the checked answers saved for this article, with their feedback."""
        saved = dict_at(load_entry(self.save_as, self.key), "answers")
        for i, q in enumerate(self.quotes):
            answers = saved.get(quote_key(q))
            if isinstance(answers, dict) and self._set_saved(i, answers):
                self._grade(i)

    def _set_saved(self, i: int, answers: dict) -> bool:
        """Set the saved values that are still options (the engine may have changed)."""
        dropdowns = {part: getattr(self.questions[i], part) for part in PARTS}
        if any(answers.get(part) not in [value for _, value in d.options]
               for part, d in dropdowns.items()):
            return False
        for part, dropdown in dropdowns.items():
            dropdown.value = answers[part]
        return True


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
