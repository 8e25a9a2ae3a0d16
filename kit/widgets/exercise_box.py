"""ExerciseBox: a notebook's self-check, built from its exercise file (`exercises/<name>.json`,
see `kit.exercises`).

One block per exercise: the prompt, an answer widget (choice: radio buttons, or a dropdown
when there are many options; multi: one checkbox per option; text: a text field; open: a text
area), a Check button (Save for open questions) and the feedback of `kit.exercises.check` in
the interface language: the explanation after a right answer, the hint after a wrong one.

Answers are saved after every check with `kit.storage.update_work("ex_<notebook>", ...)`
(under the file's lock, so two tabs lose nothing) as `{"answers": {exercise id: answer},
"attempts": {exercise id: [every answer checked, in order]}, "edition": "ar"|"en", "notebook":
...}` and restored (with their feedback) when the box is built again, so a kernel restart loses
nothing; `kit.progress` and the class report read the same files. A saved answer that no longer
fits its exercise is left out of the box and named in a note; the others are restored, and
saving goes on. A damaged work file is never saved over: the box says how to recover it.
The score counts first attempts (the first of `attempts`; work saved before attempts were kept
counts its answer): trying again shows the explanation, not a better score.

Every callback is guarded (`widgets_base.callback`): a failure shows a short message in the
box instead of vanishing. Every text shown as HTML goes through `kit.render.esc`.

Test hooks: `answer(exercise_id, value)` (an option id, a list of ids, or a text),
`check(exercise_id)` (clicks Check, returns the Feedback), `score` ((right at the first
attempt, gradable)), `attempts`,
`feedback[exercise_id].value` (the feedback HTML), `last_error`.
"""
import ipywidgets as widgets

from ..course.exercises import Exercise, Feedback, check as check_answer, load_exercises, score
from ..course.i18n import t, get_language
from ..view.render import esc
from ..course.storage import load_work, update_work
from ..errors import KitError
from .base import KitWidget, block, callback, dict_at, html_widget, plain, with_class
from .temporary import saved_note

MAX_RADIO_OPTIONS = 5   # more options than this: a dropdown
MAX_ATTEMPTS = 20       # attempts kept per exercise in the saved work
# ipywidgets floats every radio button to the left edge of its row (`float: left`), so in a
# right-to-left box the button stands a whole row away from its right-aligned label. Here each
# option is a row as wide as its label, the button first in the reading direction (the front
# end puts the <input> after the text inside the <label>, hence `order: -1`).
OPTION_CSS = """
.fl-exercises .widget-radio-box label { display: flex; align-items: center; width: fit-content;
  max-width: 100%; height: auto; min-height: var(--jp-widgets-radio-item-height);
  line-height: 1.6; }
.fl-exercises .widget-radio-box input { float: none; order: -1; flex-shrink: 0; margin: 0;
  margin-inline-end: .6em; }
"""


def label(key: str, lang: str | None = None, **values) -> str:
    """One of this module's interface texts in `lang` (default: the current language)."""
    return t(f"ex_{key}", lang or get_language(), **values)


def blank(answer) -> bool:
    """No answer given: nothing chosen, or only spaces written."""
    if isinstance(answer, (list, tuple)):
        return not answer
    return answer is None or (isinstance(answer, str) and not answer.strip())


def work_name(notebook: str) -> str:
    """The saved-work name of a notebook's answers (shared with `kit.progress`)."""
    return f"ex_{notebook}"


class ExerciseBox(KitWidget):
    """The self-check of `notebook_name` (all its exercises, or those in `exercise_ids`)."""

    css_class = "fl-exercises"
    extra_css = OPTION_CSS

    def __init__(self, notebook_name: str, exercise_ids=None):
        super().__init__()
        self.notebook = notebook_name
        self.exercise_set = load_exercises(notebook_name)
        self.exercises: list[Exercise] = (
            [self.exercise_set[i] for i in exercise_ids] if exercise_ids
            else list(self.exercise_set))
        self.save_as = work_name(notebook_name)
        self.answers: dict = {}          # exercise id -> the answer last checked
        self.first: dict = {}            # exercise id -> the answer first checked
        self.attempts: dict[str, int] = {}
        self.results: dict[str, Feedback] = {}
        self.inputs: dict[str, object] = {}
        self.buttons: dict[str, widgets.Button] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        blocks = [self._block(number, exercise)
                  for number, exercise in enumerate(self.exercises, 1)]
        self.score_html = html_widget("", "fl-exercises-score")
        title = html_widget(block(esc(label("title", self.lang)), self.lang, "", "h3"))
        self.widget = self.root(title, *blocks, self.score_html)
        self._restore()
        self._show_score()

    # --- test hooks ---------------------------------------------------------------------------

    @property
    def score(self) -> tuple[int, int]:
        """(right at the first attempt, gradable exercises) among this box's exercises."""
        return score(self.exercises, self.first)

    def answer(self, exercise_id: str, value) -> None:
        """Give an answer as a student would: an option id (choice), option ids (multi), text."""
        exercise, field = self._exercise(exercise_id), self.inputs[exercise_id]
        if exercise.type == "multi":
            chosen = {value} if isinstance(value, str) else set(value)
            for option_id, box in field.items():
                box.value = option_id in chosen
        else:
            field.value = value

    def check(self, exercise_id: str) -> Feedback | None:
        """Click the exercise's Check (or Save) button; the feedback it gave."""
        self.buttons[exercise_id].click()
        return self.results.get(exercise_id)

    # --- building -----------------------------------------------------------------------------

    def _exercise(self, exercise_id: str) -> Exercise:
        return next(e for e in self.exercises if e.id == exercise_id)

    def _block(self, number: int, exercise: Exercise) -> widgets.VBox:
        prompt = html_widget(block(f"<strong>{number}.</strong> {esc(exercise.prompt[self.lang])}",
                                   self.lang, "", "p"), "fl-exercise-prompt")
        field = self._field(exercise)
        self.inputs[exercise.id] = field
        shown = widgets.VBox(list(field.values())) if isinstance(field, dict) else field
        button = widgets.Button(description=label("save" if exercise.type == "open" else "check",
                                                  self.lang),
                                icon="save" if exercise.type == "open" else "check")
        with_class(button, "fl-exercise-check", f"fl-exercise-check-{exercise.id}")
        button.on_click(lambda _button, exercise_id=exercise.id: self._on_check(exercise_id))
        self.buttons[exercise.id] = button
        self.feedback[exercise.id] = html_widget("", f"fl-exercise-feedback-{exercise.id}")
        return with_class(widgets.VBox([prompt, shown, button, self.feedback[exercise.id]],
                                       layout=widgets.Layout(height="auto")),
                          "fl-w-box", "fl-exercise", f"fl-exercise-{exercise.id}")

    def _field(self, exercise: Exercise):
        """The answer widget: one widget, or {option id: Checkbox} for a multi exercise."""
        wide = widgets.Layout(width="95%")
        options = [(plain(option[self.lang], 200), option["id"]) for option in exercise.options]
        if exercise.type == "choice" and len(options) <= MAX_RADIO_OPTIONS:
            return widgets.RadioButtons(options=options, value=None,
                                        layout=widgets.Layout(width="auto"))
        if exercise.type == "choice":
            return widgets.Dropdown(options=[(label("choose", self.lang), None), *options],
                                    index=0, layout=wide)   # "choose" shows (value None)
        if exercise.type == "multi":
            return {option_id: widgets.Checkbox(value=False, description=text, indent=False,
                                                layout=widgets.Layout(width="auto"))
                    for text, option_id in options}
        if exercise.type == "text":
            return widgets.Text(placeholder=label("write", self.lang), layout=wide)
        return widgets.Textarea(placeholder=label("reflect", self.lang),
                                layout=widgets.Layout(width="95%", height="6em"))

    def _value(self, exercise_id: str):
        """The answer in the widget now, as `kit.exercises.check` takes it."""
        field = self.inputs[exercise_id]
        if isinstance(field, dict):
            return [option_id for option_id, box in field.items() if box.value]
        return field.value

    # --- checking, saving, restoring ----------------------------------------------------------

    @callback
    def _on_check(self, exercise_id: str) -> None:
        exercise, answer = self._exercise(exercise_id), self._value(exercise_id)
        self._show(exercise, answer)
        if not blank(answer):
            self.answers[exercise_id] = answer
            self.first.setdefault(exercise_id, answer)
            self.attempts[exercise_id] = self.attempts.get(exercise_id, 0) + 1
            self._save(exercise_id, answer)
            self.feedback[exercise_id].value += saved_note(self.lang)
        self._show_score()

    def _show(self, exercise: Exercise, answer) -> Feedback:
        result = check_answer(exercise, answer)
        self.results[exercise.id] = result
        css, mark = {True: ("fl-w-right", "✓ "), False: ("fl-w-wrong", "✗ "),
                     None: ("fl-w-note", "")}[result.correct]
        self.feedback[exercise.id].value = block(esc(mark + result.message(self.lang)),
                                                 self.lang, css)
        return result

    def _save(self, exercise_id: str, answer) -> None:
        """Save every answer under the file's lock, and add `answer` to the exercise's attempts
        (the first MAX_ATTEMPTS are kept: the teacher's class report reads first tries there)."""
        def change(data: dict) -> dict:
            attempts = dict(dict_at(data, "attempts"))
            earlier = attempts.get(exercise_id)
            attempts[exercise_id] = [*(earlier if isinstance(earlier, list) else []), answer][:MAX_ATTEMPTS]
            return {"notebook": self.notebook, "edition": self.lang,
                    "answers": {**dict_at(data, "answers"), **self.answers}, "attempts": attempts}
        update_work(self.save_as, change)

    @callback
    def _restore(self) -> None:
        """Put back every saved answer that still fits its exercise; name the others."""
        work = load_work(self.save_as)
        saved, tries = dict_at(work, "answers"), dict_at(work, "attempts")
        left_out = []
        for exercise in self.exercises:
            if exercise.id not in saved or blank(saved[exercise.id]):
                continue
            if _fits(exercise, saved[exercise.id]):
                self.answer(exercise.id, saved[exercise.id])
                self.answers[exercise.id] = saved[exercise.id]
                self._remember_attempts(exercise, saved[exercise.id], tries.get(exercise.id))
                self._show(exercise, saved[exercise.id])
            else:
                left_out.append(exercise.id)
        if left_out:
            raise KitError(*(label("not_restored", lang, ids=", ".join(left_out)) for lang in ("en", "ar")))

    def _remember_attempts(self, exercise: Exercise, answer, tries) -> None:
        """The first attempt and the number of attempts, from the saved list of tries (work
        saved before attempts were kept: its answer counts as the first, once)."""
        tries = tries if isinstance(tries, list) and tries else [answer]
        self.first[exercise.id] = tries[0] if _fits(exercise, tries[0]) else answer
        self.attempts[exercise.id] = len(tries)

    def _show_score(self) -> None:
        right, gradable = self.score
        text = label("score", self.lang, right=right, gradable=gradable,
                     answered=len(self.answers), total=len(self.exercises))
        self.score_html.value = block(f"<strong>{esc(text)}</strong>", self.lang, "", "p")


def _fits(exercise: Exercise, answer) -> bool:
    """A saved answer this exercise can still show (its options may have changed since)."""
    ids = {option["id"] for option in exercise.options}
    if blank(answer):
        return False
    if exercise.type == "choice":
        return isinstance(answer, str) and answer in ids
    if exercise.type == "multi":
        return isinstance(answer, list) and all(isinstance(a, str) for a in answer) and set(answer) <= ids
    return isinstance(answer, str)


def first_attempts(saved: dict) -> dict:
    """Exercise id -> the first answer checked, from a saved `ex_<notebook>` document."""
    return {key: tries[0] for key, tries in dict_at(saved, "attempts").items()
            if isinstance(tries, list) and tries}


def answered_and_right(notebook: str, answers: dict, first: dict | None = None) -> tuple[int, int, int, int]:
    """(answered, total, right, gradable) of a notebook's exercises for saved `answers`; right
    counts `first` attempts (an exercise without one counts its saved answer)."""
    exercise_set = load_exercises(notebook)
    answered = sum(1 for e in exercise_set if not blank(answers.get(e.id)))
    right, gradable = score(exercise_set, {**answers, **(first if isinstance(first, dict) else {})})
    return answered, len(exercise_set), right, gradable
