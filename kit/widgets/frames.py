"""FrameAnnotator: the student ticks the codebook questions that apply to each paragraph
(Semetko & Valkenburg's generic frames, `kit.lenses.frames()`); the dominant frame is the one
with most yes answers (`kit.course.codebook`), ties shown as ties, the keyword strip only a
hint; the coding is compared with a teacher's key (percent agreement and Cohen's kappa)."""
import json
from dataclasses import dataclass

import ipywidgets as widgets

from ..course.agreement import cohen_kappa
from ..course.paths import exercises_dir
from ..errors import KitError
from ..course.i18n import t
from ..course.codebook import coded_as, dominant_frames, keyword_hint, yes_counts
from ..lenses.highlights import frame_scores, frames
from ..view.render import esc
from .base import (KitWidget, article_key, article_name, block, callback, dict_at, html_widget,
                           load_analysis, load_entry, marked_text, plain, save_entry, with_class)

NONE = "none"        # "no dominant frame" is a code of its own
PICKER_SIZE = 500    # paragraphs listed in the picker at once, around the one shown
KEY_SCHEMA, KEY_VERSION = "framing-lab/frame-key", 1


def key_path():
    """Where the teacher's key for the seed lives (written by the exercises' author)."""
    return exercises_dir() / "frame_key.json"


@dataclass(frozen=True)
class Comparison:
    """The student's coding against a key, over the paragraphs both have coded."""
    kappa: float | None
    agreement: float | None       # share of those paragraphs coded alike, 0..1
    compared: int
    not_coded: tuple[int, ...]    # paragraphs the key codes and the student has not yet
    rows: tuple[tuple[int, str, str], ...]   # (paragraph, student's code, key's code), coded only
    ticked: tuple[tuple[str, ...], ...] = ()  # per row: the frames of the student's ticked questions
    ticks_point_to_key: int = 0   # rows whose ticks include a question of the key's frame
    ties: tuple[tuple[int, tuple[str, ...]], ...] = ()   # (paragraph, tied frames) not compared


class FrameAnnotator(KitWidget):
    """One paragraph at a time (Previous / Next or the paragraph list): tick the codebook
    questions that apply; the frame with most yes answers is the paragraph's dominant frame
    (`coding(i)`), shown under the questions with the keyword strip's frame as a hint. The
    dropdown codes a paragraph without ticks (or as "none") and breaks a tie between the tied
    frames; when the ticks name one frame, they decide. Every change is saved (`kit.storage`,
    under `save_as`, per article) and reloaded when the widget is built again.

    `key` maps paragraph numbers (from 0) to frame ids; without one, the seed's key in
    `exercises/frame_key.json` is used when present, with its reasons (`notes`). `compare()`
    shows agreement with the key over the paragraphs the student has coded, and only those:
    the key's frame and reason for a paragraph appear once the student has coded it. A tie
    the student has not broken is shown as a tie and left out of the agreement.

    Test hooks: `go(i)`, `frame.value`, `questions[qid].value` (qid "conflict:0"...),
    `coding(i)`, `derived_html.value`, `annotations`, `compare(key)`,
    `compare_button.click()`, `result_html.value`.
    """

    css_class = "fl-frames"

    def __init__(self, article=None, key: dict | None = None, save_as: str = "frame_annotations"):
        super().__init__()
        self.analysis = load_analysis(article)
        self.paragraphs = self.analysis.paragraphs
        self.save_as, self.store_key = save_as, article_key(self.analysis)
        self.key, self.current, self.notes = key, 0, {}
        self.annotations: dict[int, dict] = {}
        self.picker = self._picker()
        self.text = html_widget("", "fl-frames-text")
        self.frame = with_class(widgets.Dropdown(
            options=[(self.t("w_frames_choose"), None),
                     *[(f["name"][self.lang], f["id"]) for f in frames()],
                     (self.t("w_frames_none"), NONE)],
            description=self.t("w_frames_dominant"), style={"description_width": "initial"},
            layout=widgets.Layout(width="40em", max_width="100%")),   # room for the long label
            "fl-frames-frame")
        self.frame.observe(self._on_change, "value")
        self.questions: dict[str, widgets.Checkbox] = {}
        codebook = self._codebook()
        self.derived_html = html_widget("", "fl-frames-derived")
        self.keyword_scores = frame_scores(self.analysis)
        self.compare_button = with_class(widgets.Button(description=self.t("w_frames_compare"),
                                                        icon="balance-scale"), "fl-frames-compare")
        self.compare_button.on_click(self._on_compare)
        self.result_html = html_widget("", "fl-frames-result")
        self.widget = self.root(self._navigation(), self.text, codebook, self.derived_html,
                                self.frame, self.compare_button, self.result_html)
        self._load()
        if self.key is None:
            self.key = self._default_key(article)
        if self.paragraphs:
            self.go(0)
        else:   # only page furniture: nothing to code, and the controls say so
            self.text.value = block(esc(self.t("w_frames_no_paragraphs")), self.lang, "fl-w-note")
            self.frame.disabled = self.picker.disabled = True

    # --- public -------------------------------------------------------------------------------

    def go(self, i: int) -> None:
        """Show paragraph `i` (from 0) with the student's coding of it."""
        if i not in self._listed:
            self._list_around(i)
        if self.picker.value == i:
            self._show(i)
        else:
            self.picker.value = i     # its observer shows the paragraph

    def compare(self, key: dict | None = None) -> Comparison | None:
        """Compare the coding with `key` ({paragraph: frame id}; default: the teacher's key),
        show the result as a table and return it; None, with a message, when there is no key."""
        key = _checked_key(self.key if key is None else key, len(self.paragraphs))
        if key is None:
            self.result_html.value = block(esc(self.t("w_frames_no_key")), self.lang, "fl-w-note")
            return None
        codes = {i: self.coding(i) for i in sorted(key)}
        ticked = {i: self._ticked_frames(i) for i, code in codes.items() if len(code) == 1}
        comparison = _comparison(codes, key, ticked)
        self.result_html.value = self._comparison_html(comparison)
        return comparison

    def coding(self, i: int) -> tuple[str, ...]:
        """The student's code for paragraph `i`: the frame with most yes answers among the
        ticks; when frames tie, the dropdown's frame if it is one of them, else all the tied
        frames; without ticks, the dropdown's frame ("none" included); () when not coded."""
        return coded_as(self.annotations.get(i, {}))

    def _ticked_frames(self, i: int) -> tuple[str, ...]:
        """The frames whose codebook questions the student ticked for paragraph `i`."""
        asked = self.annotations.get(i, {}).get("questions", ())
        return tuple(f["id"] for f in frames() if any(q.split(":")[0] == f["id"] for q in asked))

    # --- building ---------------------------------------------------------------------------

    def _picker(self) -> widgets.Dropdown:
        self._listed = range(min(len(self.paragraphs), PICKER_SIZE))
        picker = widgets.Dropdown(options=self._picker_options(), description=self.t("w_frames_paragraph"),
                                  style={"description_width": "initial"},
                                  layout=widgets.Layout(width="32em", max_width="100%"))
        picker.observe(self._on_pick, "value")
        return with_class(picker, "fl-frames-picker")

    def _picker_options(self) -> list[tuple[str, int]]:
        return [(f"¶{i + 1}: {plain(self.paragraphs[i].text, 45)}", i) for i in self._listed]

    def _list_around(self, i: int) -> None:
        """List the PICKER_SIZE paragraphs around paragraph `i` (a pasted text can have
        hundreds of thousands; Previous / Next and `go` reach every one)."""
        first = max(0, min(i - PICKER_SIZE // 2, len(self.paragraphs) - PICKER_SIZE))
        self._listed = range(first, min(len(self.paragraphs), first + PICKER_SIZE))
        with self.quietly():
            self.picker.options = self._picker_options()

    def _navigation(self) -> widgets.HBox:
        buttons = []
        for step, key, icon in ((-1, "w_frames_previous", ""), (1, "w_frames_next", "")):
            button = with_class(widgets.Button(description=self.t(key), icon=icon,
                                               layout=widgets.Layout(width="auto")),
                                f"fl-frames-{'next' if step > 0 else 'previous'}")
            button.on_click(lambda _, step=step: self._on_step(step))
            buttons.append(button)
        return widgets.HBox([buttons[0], self.picker, buttons[1]],
                            layout=widgets.Layout(flex_flow="row wrap"))

    def _codebook(self) -> widgets.VBox:
        """Every frame's codebook questions, under the frame's name."""
        children = [html_widget(block(f"<h4>{esc(self.t('w_frames_questions'))}</h4>", self.lang))]
        for f in frames():
            children.append(html_widget(block(f"<strong>{esc(f['name'][self.lang])}</strong>", self.lang)))
            for n, question in enumerate(f["questions"]):
                qid = f"{f['id']}:{n}"
                box = widgets.Checkbox(description=question[self.lang], indent=False,
                                       layout=widgets.Layout(width="auto", height="auto"))
                box.observe(self._on_change, "value")
                self.questions[qid] = with_class(box, f"fl-frames-q-{f['id']}-{n}")
                children.append(box)
        return with_class(widgets.VBox(children, layout=widgets.Layout(height="auto")),
                          "fl-w-box", "fl-frames-codebook")

    # --- callbacks ----------------------------------------------------------------------------

    @callback
    def _on_pick(self, change) -> None:
        if not self.quiet and change["new"] is not None:
            self._show(change["new"])

    @callback
    def _on_step(self, step: int) -> None:
        if self.paragraphs:
            self.go(min(max(self.current + step, 0), len(self.paragraphs) - 1))

    @callback
    def _on_change(self, change) -> None:
        if self.quiet:
            return
        ticked = [qid for qid, box in self.questions.items() if box.value]
        self.annotations[self.current] = {"frame": self.frame.value, "questions": ticked}
        save_entry(self.save_as, self.store_key, {"paragraphs": {
            str(i): a for i, a in sorted(self.annotations.items())}})
        self._show_derived(self.current)

    @callback
    def _on_compare(self, _button) -> None:
        self.compare()

    def _show(self, i: int) -> None:
        self.current = i
        p = self.paragraphs[i]
        heading = block(esc(self.t("w_frames_heading", n=i + 1, total=len(self.paragraphs))),
                        self.lang, "", "h4")
        self.text.value = heading + marked_text(self.analysis.text, p.start, p.end)
        saved = self.annotations.get(i, {})
        with self.quietly():
            self.frame.value = saved.get("frame")
            for qid, box in self.questions.items():
                box.value = qid in saved.get("questions", ())
        self._show_derived(i)

    def _show_derived(self, i: int) -> None:
        """What the ticks say about paragraph `i`, and the keyword strip's hint."""
        names = self._names()
        asked = self.annotations.get(i, {}).get("questions", ())
        leaders, code = dominant_frames(asked), self.coding(i)
        top = max(yes_counts(asked).values(), default=0)
        listed = self.t("w_frames_and").join(names[f] for f in leaders)
        if not leaders:
            said = self.t("w_frames_no_ticks")
        elif len(leaders) == 1:
            said = self.t("w_frames_from_ticks", frame=listed, n=top)
        elif len(code) == 1:
            said = self.t("w_frames_tie_broken", frames=listed, n=top, frame=names[code[0]])
        else:
            said = self.t("w_frames_tie", frames=listed, n=top)
        hint = keyword_hint(self.keyword_scores[i])
        hinted = (self.t("w_frames_hint", frames=self.t("w_list_separator").join(names[f] for f in hint))
                  if hint else self.t("w_frames_no_hint"))
        self.derived_html.value = block(f"<p><strong>{esc(said)}</strong></p>"
                                        f'<p class="fl-frames-hint">{esc(hinted)}</p>',
                                        self.lang, "fl-w-box")

    def _names(self) -> dict[str, str]:
        return {f["id"]: f["name"][self.lang] for f in frames()} | {NONE: self.t("w_frames_none")}

    # --- saved work and the key -------------------------------------------------------------

    @callback
    def _load(self) -> None:
        frame_ids = {None, NONE, *(f["id"] for f in frames())}
        for index, saved in dict_at(load_entry(self.save_as, self.store_key), "paragraphs").items():
            if index.isdigit() and int(index) < len(self.paragraphs) and isinstance(saved, dict) \
                    and saved.get("frame") in frame_ids:
                asked = saved.get("questions")
                questions = [q for q in asked if q in self.questions] if isinstance(asked, list) else []
                self.annotations[int(index)] = {"frame": saved.get("frame"), "questions": questions}

    def _default_key(self, article) -> dict | None:
        """The teacher's key from exercises/frame_key.json, if it is there and for this article."""
        path = key_path()
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            data = None
        if not (isinstance(data, dict) and data.get("schema") == KEY_SCHEMA
                and data.get("version") == KEY_VERSION and isinstance(data.get("paragraphs"), dict)):
            self.show_error(KitError(*(t("w_frames_bad_key_file", lang, path=path)
                                       for lang in ("en", "ar"))))
            return None
        if data.get("article") != article_name(article):
            return None
        self.notes = dict_at(data, "notes")
        return data["paragraphs"]

    def _comparison_html(self, c: Comparison) -> str:
        names = self._names()
        rows = "".join(self._row(i, names[mine], theirs, "✓" if mine == theirs else "✗")
                       for i, mine, theirs in c.rows)
        rows += "".join(self._row(i, self.t("w_frames_tie_cell", frames=self.t(
            "w_frames_tie_separator").join(names[f] for f in tied)), self.key_frame(i), "=")
            for i, tied in c.ties)
        heads = "".join(f"<th>{esc(self.t(k))}</th>" for k in (
            "w_frames_col_paragraph", "w_frames_col_text", "w_frames_col_yours",
            "w_frames_col_ticks", "w_frames_col_key", "w_frames_col_same", "w_frames_col_why"))
        if not c.rows and not c.ties:
            return block(f"<p><strong>{esc(self._summary(c))}</strong></p>", self.lang, "fl-w-box")
        return block(f"<p><strong>{esc(self._summary(c))}</strong></p>"
                     f"<table><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table>",
                     self.lang, "fl-w-box")

    def key_frame(self, i: int) -> str:
        """The key's frame for paragraph `i` (after `compare`)."""
        return _checked_key(self.key, len(self.paragraphs)).get(i, "")

    def _row(self, i: int, mine: str, theirs: str, same: str) -> str:
        """A table row: paragraph, its beginning, the student's code (already named), the yes
        answers per frame, the key's frame, `same` (✓ ✗ or = for a tie) and the key's reason."""
        names = self._names()
        asked = self.annotations.get(i, {}).get("questions", ())
        ticks = self.t("w_list_separator").join(f"{names[f]} {n}" for f, n in yes_counts(asked).items())
        cells = [str(i + 1), esc(plain(self.paragraphs[i].text, 60)), esc(mine),
                 esc(ticks or "—"), esc(names.get(theirs, theirs)), same, self._reason(i, names)]
        attrs = ["", ' dir="rtl" lang="ar"', "", "", "", "", ' class="fl-frames-why"']
        return "<tr>" + "".join(f"<td{a}>{c}</td>" for a, c in zip(attrs, cells, strict=True)) + "</tr>"

    def _reason(self, i: int, names: dict) -> str:
        """The key's reason for paragraph `i` and the other frames it sees there (HTML)."""
        note = dict_at(self.notes, str(i))
        reason = note.get(self.lang) if isinstance(note.get(self.lang), str) else ""
        also = [names[f] for f in note.get("also", ()) if f in names] if isinstance(
            note.get("also"), list) else []
        if also:
            reason += " " + self.t("w_frames_also", frames=self.t("w_list_separator").join(also))
        return esc(reason.strip() or "—")

    def _summary(self, c: Comparison) -> str:
        if not c.compared:
            return self.t("w_frames_nothing_coded") + (
                " " + self.t("w_frames_ties_summary", n=len(c.ties)) if c.ties else "")
        same = sum(1 for _, mine, theirs in c.rows if mine == theirs)
        text = self.t("w_frames_summary", percent=round(100 * c.agreement), same=same, n=c.compared)
        text += " " + (self.t("w_frames_kappa", kappa=f"{c.kappa:.2f}",
                              reading=self.t(f"w_kappa_{_strength(c.kappa)}"))
                       if c.kappa is not None else self.t("w_frames_no_kappa"))
        text += " " + self.t("w_frames_ticks", same=c.ticks_point_to_key, n=c.compared)
        if c.ties:
            text += " " + self.t("w_frames_ties_summary", n=len(c.ties))
        if c.not_coded:
            text += " " + self.t("w_frames_not_coded", n=len(c.not_coded))
        return text


def _comparison(codes: dict[int, tuple], key: dict[int, str], ticked: dict[int, tuple]) -> Comparison:
    """`codes` (paragraph -> the student's code, as `coding`) against `key`; `ticked` gives
    the frames of the questions ticked in each paragraph coded with one frame."""
    mine = {i: code[0] for i, code in codes.items() if len(code) == 1}
    coded = list(mine)
    return Comparison(
        kappa=cohen_kappa([mine[i] for i in coded], [key[i] for i in coded]),
        agreement=sum(mine[i] == key[i] for i in coded) / len(coded) if coded else None,
        compared=len(coded), not_coded=tuple(i for i, code in codes.items() if not code),
        rows=tuple((i, mine[i], key[i]) for i in coded), ticked=tuple(ticked[i] for i in coded),
        ticks_point_to_key=sum(key[i] in ticked[i] for i in coded),
        ties=tuple((i, code) for i, code in codes.items() if len(code) > 1))


def _strength(kappa: float) -> str:
    """Landis & Koch's (1977) words for a kappa value."""
    for limit, word in ((0, "poor"), (.2, "slight"), (.4, "fair"), (.6, "moderate"), (.8, "substantial")):
        if kappa <= limit:
            return word
    return "almost_perfect"


def _checked_key(key, paragraphs: int) -> dict[int, str] | None:
    """The key as {int: frame id}, or KitError saying what is wrong with it."""
    if key is None:
        return None
    allowed = {NONE, *(f["id"] for f in frames())}
    checked = {}
    for index, code in dict(key).items():
        i = int(index) if str(index).isdigit() else -1
        if not 0 <= i < paragraphs or code not in allowed:
            raise KitError(*(t("w_frames_bad_key", lang, entry=f"{index!r}: {code!r}",
                                last=paragraphs - 1, frames=", ".join(sorted(allowed)))
                              for lang in ("en", "ar")))
        checked[i] = code
    return checked
