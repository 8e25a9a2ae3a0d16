"""ReframeLab: change one reporting verb or one loaded word of a sentence and see how the
lenses read the sentence before and after.

Replacements: for a verb, the other verbs of `data/cue_verbs.tsv` with a different connotation:
when the verb has a plain noun object and no clause (كشفت صحيفة ... حجم الخلافات), only verbs
that govern the same kind of object (column `object`: direct, or the same preposition), so
never قال there; otherwise only verbs that can introduce a clause, when the original can. For a word, its
`alternatives` in `data/loaded_terms.tsv`. Conjugation is simple on purpose: the new verb takes
the original's form when that is a past (هو/هي/هم), present (يـ/تـ) or participle (ـا/ـة)
form, keeping و/ف in front and an object pronoun after; any other form gets the dictionary
form, and the widget says so. A word keeps its و/ف/ب/ل in front (ل + ال becomes لل).

The complement follows the new verb (`kit.lenses.government`): the words that bring in the
reported clause (the table's `government`: إن، أن، بأن، على أن...) are rewritten for the new
verb (أصر نتنياهو على أن → قال نتنياهو إن), and the new verb's own participle after it is
dropped (وحذر بصراحة قائلا → وقال بصراحة). So the lens readings are those of correct Arabic.

The sentence before and after is analysed on its own with `kit.analyze` and read by the
quotes, reporting-verbs and loaded-terms lenses; read alone, a sentence may lose a speaker that
the article names in an earlier sentence.
"""
from dataclasses import dataclass, field
from functools import lru_cache

import ipywidgets as widgets

from ..engine.arabic import stems, tokenize
from ..engine.cues import cue_of
from ..lenses.government import complement_for, noun_object, object_forms
from ..lenses.highlights import all_highlights, loaded_term_highlights, loaded_terms, reporting_verb_highlights
from ..engine.lexicon import read_tsv
from ..engine.model import Highlight
from ..view.render import esc
from .base import (KitWidget, block, callback, html_widget, load_analysis, marked_text, plain,
                           with_class)

READING_LENSES = ("quotes", "reporting_verbs", "loaded_terms")
_CLITICS = ("", "و", "ف")
_PRONOUNS = ("", "ه", "ها", "هم", "هما", "هن")
# (column of cue_verbs.tsv, prefix, suffix): the forms the conjugation knows.
_FORMS = (("past", "", ""), ("past", "", "ت"), ("past", "", "وا"), ("present", "ي", ""),
          ("present", "ت", ""), ("participle", "", "ا"), ("participle", "", "ة"))


@dataclass(frozen=True)
class Reframing:
    """A sentence before and after one change, with each version's lens readings
    (highlights whose offsets point into that version)."""
    original: str
    rewritten: str
    word: str
    replacement: str
    readings: dict = field(default_factory=dict)   # "original" / "rewritten" -> [Highlight]
    exact: bool = True      # False when the new verb is in its dictionary form


@dataclass(frozen=True)
class _Target:
    """A word of the sentence that can be changed, and what it can become: (word, value)."""
    highlight: Highlight
    options: tuple[tuple[str, str], ...]
    exact: frozenset = frozenset()      # values whose word is conjugated like the original


class ReframeLab(KitWidget):
    """Pick a sentence, a word in it and a replacement; see both versions side by side (the
    change marked) and what the lenses say about each.

    Test hooks: `sentences` (the sentences offered), `choose(sentence_index, original,
    replacement)` (indices into `sentences`; the word as written; a replacement's value or
    word), `result` (a `Reframing`), `pair.value`, `readings_html.value`.
    """

    css_class = "fl-reframe"

    def __init__(self, article=None):
        super().__init__()
        self.analysis = load_analysis(article)
        self.targets = self._targets()
        self.sentences = [s for s in self.analysis.sentences if self._in(s)]
        self.result: Reframing | None = None
        self.sentence = self._dropdown("w_reframe_sentence", "fl-reframe-sentence", [
            (f"¶{s.paragraph + 1}: {plain(s.text, 80)}", i) for i, s in enumerate(self.sentences)])
        self.word = self._dropdown("w_reframe_word", "fl-reframe-word", [])
        self.replacement = self._dropdown("w_reframe_replacement", "fl-reframe-replacement", [])
        self.sentence.observe(self._on_sentence, "value")
        self.word.observe(self._on_word, "value")
        self.replacement.observe(self._on_replacement, "value")
        self.pair = html_widget("", "fl-reframe-pair")
        self.readings_html = html_widget("", "fl-reframe-readings")
        intro = html_widget(block(f"<h3>{esc(self.t('w_reframe_title'))}</h3>"
                                  f"<p>{esc(self.t('w_reframe_intro'))}</p>", self.lang))
        self.widget = self.root(intro, self.sentence, self.word, self.replacement, self.pair,
                                self.readings_html)
        if self.sentences:
            self._fill_words()
            self._update()
        else:
            self.pair.value = block(esc(self.t("w_reframe_nothing")), self.lang, "fl-w-note")

    def choose(self, sentence_index: int, original: str, replacement: str) -> Reframing:
        """Pick as a student would; returns the result."""
        self.sentence.value = sentence_index
        self.word.value = next(j for j, target in enumerate(self._current())
                               if target.highlight.text == original)
        options = self._current()[self.word.value].options
        self.replacement.value = next(value for word, value in options if replacement in (word, value))
        return self.result

    # --- candidates ---------------------------------------------------------------------------

    def _targets(self) -> list[_Target]:
        verbs = [self._verb_target(h) for h in reporting_verb_highlights(self.analysis)]
        terms = [self._term_target(h) for h in loaded_term_highlights(self.analysis)]
        return sorted((x for x in verbs + terms if x and x.options), key=lambda x: x.highlight.start)

    def _verb_target(self, h: Highlight) -> _Target | None:
        cue = cue_of(tokenize(h.text)[0])
        old = _verb_rows().get(cue.lemma) if cue else None
        if old is None:
            return None
        noun = None if self._introduces_a_quote(h) else noun_object(self._tail(h), old)
        options, exact = [], set()
        for new in _verb_rows().values():
            if new["connotation"] == cue.connotation or not _fits(old, new, noun) \
                    or not _takes_its_pronoun(h.text, old, new):
                continue
            word = _conjugate(h.text, old, new)
            if word:
                exact.add(new["lemma"])
            options.append((word or new["lemma"], new["lemma"]))
        return _Target(h, tuple(options), frozenset(exact))

    def _introduces_a_quote(self, h: Highlight) -> bool:
        return any(q.cue_start == h.start for q in self.analysis.quotes)

    def _tail(self, h: Highlight) -> str:
        """The words after the verb, to the end of its sentence."""
        end = next((s.end for s in self.analysis.sentences if s.start <= h.start < s.end), h.end)
        return self.analysis.text[h.end:end]

    def _term_target(self, h: Highlight) -> _Target | None:
        row = _term_row(h.text)
        if row is None:
            return None
        alternatives = [a.strip() for a in row["alternatives"].split("؛") if a.strip()]
        return _Target(h, tuple((_with_clitics(h.text, row["term"], a), a) for a in alternatives))

    def _in(self, sentence) -> bool:
        return any(sentence.start <= x.highlight.start < sentence.end for x in self.targets)

    def _current(self) -> list[_Target]:
        s = self.sentences[self.sentence.value]
        return [x for x in self.targets if s.start <= x.highlight.start < s.end]

    # --- widgets and callbacks ----------------------------------------------------------------

    def _dropdown(self, key: str, css: str, options: list) -> widgets.Dropdown:
        return with_class(widgets.Dropdown(options=options, description=self.t(key),
                                           style={"description_width": "10em"},
                                           layout=widgets.Layout(width="44em", max_width="100%")), css)

    def _fill_words(self) -> None:
        with self.quietly():
            self.word.options = [(f"{plain(x.highlight.text, 30)} — {self._label(x.highlight)}", j)
                                 for j, x in enumerate(self._current())]
            self.word.value = 0
        self._fill_replacements()

    def _fill_replacements(self) -> None:
        target = self._current()[self.word.value]
        with self.quietly():
            self.replacement.options = [(self._option_label(target, word, value), value)
                                        for word, value in target.options]
            self.replacement.value = target.options[0][1]

    def _option_label(self, target: _Target, word: str, value: str) -> str:
        if target.highlight.lens != "reporting_verbs":
            return plain(word, 40)
        connotation = _verb_rows()[value]["connotation"]
        note = "" if value in target.exact else " " + self.t("w_reframe_dictionary_form")
        return f"{plain(word, 30)} — {self.t(f'connotation_label_{connotation}')}{note}"

    def _label(self, h: Highlight) -> str:
        return h.label_ar if self.lang == "ar" else h.label_en

    @callback
    def _on_sentence(self, change) -> None:
        if not self.quiet:
            self._fill_words()
            self._update()

    @callback
    def _on_word(self, change) -> None:
        if not self.quiet:
            self._fill_replacements()
            self._update()

    @callback
    def _on_replacement(self, change) -> None:
        if not self.quiet:
            self._update()

    # --- the result ---------------------------------------------------------------------------

    def _update(self) -> None:
        s = self.sentences[self.sentence.value]
        target = self._current()[self.word.value]
        value = self.replacement.value
        word = dict((v, w) for w, v in target.options)[value]
        h = target.highlight
        original = s.text
        a, b = h.start - s.start, h.end - s.start
        rewritten = original[:a] + word + original[b:]
        if h.lens == "reporting_verbs":
            old, new = _verb_rows()[cue_of(tokenize(h.text)[0]).lemma], _verb_rows()[value]
            rewritten = original[:a] + word + complement_for(original[b:], old, new)
        self.result = Reframing(original, rewritten, h.text, word,
                                {"original": _readings(original), "rewritten": _readings(rewritten)},
                                h.lens != "reporting_verbs" or value in target.exact)
        self.pair.value = self._pair_html((a, b), (a, a + len(word)))
        self.readings_html.value = self._readings_html((a, b), (a, a + len(word)))

    def _pair_html(self, before: tuple, after: tuple) -> str:
        columns = [f"<h4>{esc(self.t(key))}</h4>{marked_text(text, 0, len(text), [span])}"
                   for key, text, span in (("w_reframe_original", self.result.original, before),
                                           ("w_reframe_rewritten", self.result.rewritten, after))]
        note = "" if self.result.exact else f'<p class="fl-w-note">{esc(self.t("w_reframe_adjust"))}</p>'
        return block(_side_by_side(columns) + note, self.lang)

    def _readings_html(self, before: tuple, after: tuple) -> str:
        """Each version's lens readings, the changed word's first (or that no lens marks it)."""
        columns = []
        for key, version, span in (("w_reframe_original", "original", before),
                                   ("w_reframe_rewritten", "rewritten", after)):
            found = self.result.readings[version]
            changed = [h for h in found if h.start < span[1] and span[0] < h.end and h.lens != "quotes"]
            word = self.result.word if version == "original" else self.result.replacement
            head = (esc(self.t("w_list_separator")).join(map(self._why, changed)) if changed
                    else esc(self.t("w_reframe_unmarked", word=word)))
            others = "".join(f"<li>{self._why(h)}</li>" for h in found if h not in changed)
            columns.append(f"<h4>{esc(self.t(key))}</h4><p><strong>{head}</strong></p>"
                           + (f"<ul>{others}</ul>" if others else ""))
        return block(f"<h4>{esc(self.t('w_reframe_readings'))}</h4>{_side_by_side(columns)}", self.lang)

    def _why(self, h: Highlight) -> str:
        """HTML: the marked words (isolated, so they keep their order in English) and the why."""
        why, label = (h.why_ar if self.lang == "ar" else h.why_en), self._label(h)
        return f'<bdi dir="rtl">«{esc(plain(h.text, 40))}»</bdi> — {esc(label)}: {esc(why)}'


# --- words ------------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _verb_rows() -> dict[str, dict]:
    return {row["lemma"]: row for row in read_tsv("cue_verbs.tsv")}


def _fits(old: dict, new: dict, noun: str | None) -> bool:
    """Whether `new` can take the place of `old`: it governs the same kind of noun object
    (`noun`, when the words after the verb are one), else it keeps a clause `old` introduces."""
    if noun:
        return noun in object_forms(new)
    return not (old["takes_clause"] == "yes" and new["takes_clause"] != "yes")


def _form(row: dict, column: str, prefix: str, suffix: str, pronoun: str = "") -> str | None:
    stem = row[column]
    if stem == "-":                              # a tense the table leaves out (see cue_verbs.tsv)
        return None
    if column == "past" and suffix and stem.endswith(("ى", "ا")):
        stem = stem[:-1]                        # ادعى -> ادعت، ادعوا; دعا -> دعت
    elif column == "past" and pronoun and stem.endswith("ى"):
        stem = stem[:-1] + "ا"                  # ادعى + ه -> ادعاه; نفى + ها -> نفاها
    return prefix + stem + suffix + pronoun


def _parse(word: str, row: dict) -> tuple[str, tuple, str] | None:
    """`word` as a form of the verb `row`: (clitic, form, object pronoun), or None when the
    form is not one the table knows."""
    for clitic in _CLITICS:
        core = word[len(clitic):] if word.startswith(clitic) else None
        for form in _FORMS if core else ():
            for pronoun in _PRONOUNS:
                if core == _form(row, *form, pronoun):
                    return clitic, form, pronoun
    return None


def _conjugate(word: str, old: dict, new: dict) -> str | None:
    """`word` (a form of the verb `old`) rewritten as the same form of `new`; None when the
    form is not one the table knows."""
    parsed = _parse(word, old)
    if parsed is None:
        return None
    clitic, form, pronoun = parsed
    after = _form(new, *form, pronoun)
    return clitic + after if after else None


def _takes_its_pronoun(word: str, old: dict, new: dict) -> bool:
    """An object pronoun on the verb (ووصفها) stays only on a verb with a direct object: قال takes
    none, so «وقالها بأنها وهمية» is not offered."""
    parsed = _parse(word, old)
    return not (parsed and parsed[2]) or "direct" in object_forms(new)


def _term_row(text: str) -> dict | None:
    """The row of loaded_terms.tsv a highlighted phrase comes from (clitics allowed in front)."""
    tokens = tokenize(text)
    rest = tuple(token.key for token in tokens[1:])
    return next((loaded_terms()[(s, *rest)] for s in stems(tokens[0].key)
                 if (s, *rest) in loaded_terms()), None) if tokens else None


def _with_clitics(written: str, term: str, alternative: str) -> str:
    """`alternative` with the letters written in front of `term` (والهوة -> والخلاف; ل + ال -> لل)."""
    if written.endswith(term):
        return written[:len(written) - len(term)] + alternative
    if term.startswith("ال") and written.endswith(term[1:]):
        front = written[:len(written) - len(term) + 1]
        return front + (alternative[1:] if alternative.startswith("ال") else alternative)
    return alternative


def _side_by_side(columns: list[str]) -> str:
    """Boxes of HTML next to each other (the first at the start of the reading direction)."""
    boxes = "".join(f'<div class="fl-w-box">{column}</div>' for column in columns)
    return f'<div style="display:grid;grid-template-columns:1fr 1fr;gap:1em">{boxes}</div>'


def _readings(sentence: str) -> list[Highlight]:
    return all_highlights(load_analysis(sentence), READING_LENSES)
