"""The gold development corpus (tests/data/dev/*.json) and the evaluator (scripts/evaluate.py).

The articles are invented for the kit: the events, most people and all the wording are made up
(no real article is copied). Each file is

    {"id": "dev01", "outlet_style": "...", "text": "<one paragraph per line>",
     "quotes": [{"text", "kind", "speaker_ar", "cue"}, ...], "non_quotes": ["...", ...]}

Annotation conventions, which the checks below enforce where they can:

* direct: a quote introduced by a cue directly (cue [subject] [: or ,] then the marks), or
  followed by its attribution ("..."، قال فلان / "..."، بحسب ما قال ...). `text` is exactly
  the characters between the marks, and may span several sentences.
* partial: a quoted word or phrase inside a sentence in the reporter's own words (وصفها بأنها
  "..."، طالب بـ"..."), including the quoted stretches INSIDE an indirect clause, which are
  annotated as separate partial quotes. `text` is the characters between the marks.
  A quotation after وصف ... بأن is partial, never indirect.
* indirect: the reported clause after إن/أن/بأن/فإن (also على أن، إلى أن، من أن). It starts
  right after the complementizer token (its attached pronoun is excluded: قالت إنها|تهدف) and
  ends before the sentence-final period, or before the comma that introduces another
  attribution: a participle cue (، مضيفا أن / ، مشيرة إلى أن / ، قائلا ...), a new coordinated
  cue (، لكنه أقر بأن / ، وطالبت ...) or an attribution phrase (، بحسب ما ... / ، على حد
  تعبيرها / ، كما نقلت ...). A coordinated clause of the SAME cue (...، وأن ...) stays inside.
  "يذكر أن" (the reporter's own voice) is not a quote, nor is a paraphrase attributed with
  وفقا لـ/بحسب without a complementizer.
* speaker_ar: the speaker as written in the quote's own attribution (أبو زيد، الشامي); when the
  attribution has only a role, a pronoun or nothing (وأضافت الوزيرة، وتابع، لكنه قال) it is the
  nearest preceding name of that speaker. Anonymous sources are the noun phrase as written
  (مصادر مطلعة، مسؤول في شركة تطوير العقبة); a relayed quote belongs to the person, not to the
  outlet relaying it (نقلت صحيفة "الأهرام" عن مصدر ... → the source).
* cue: the reporting verb (or attribution word: ووفقا، وبحسب) as written, tatweel included.
* non_quotes: the text between the marks around a NAME, not speech (صحيفة "الأهرام"، لـ«النهار»،
  برنامج "الحكاية"، عملية «سواحل آمنة»، «الخضر»), one entry per occurrence.
* Quotes in page furniture ("اقرأ أيضا" / "أخبار ذات صلة" headlines) are not annotated.
"""
import functools
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from kit.engine.article import load_article

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "data" / "dev"
FILES = sorted(DEV.glob("*.json"))
# Every gold corpus follows the same conventions. dev … dev10 (no dev9) were each written independently and
# then tuned on (dev3 was first a held-out set, scored once before it was opened); heldout and
# fresh were written by people who never saw the engine, and only their totals are looked at
# (fresh was written last, after the tuning).
CORPORA = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev10", "fresh", "heldout")
GOLD_FILES = sorted(p for c in CORPORA for p in (ROOT / "tests" / "data" / c).glob("*.json"))
GOLD_ID = lambda p: f"{p.parent.name}/{p.stem}"  # noqa: E731
KINDS = {"direct", "partial", "indirect"}
ARTICLE_KEYS = {"id", "outlet_style", "text", "quotes", "non_quotes"}
QUOTE_KEYS = {"text", "kind", "speaker_ar", "cue"}

# One quotation of any style the corpus uses: "…" “…” «…» „…“ ‹…› and the reversed ”…“.
MARKED = re.compile(r'«([^»\n]*)»|‹([^›\n]*)›|„([^“”\n]*)[“”]|"([^"\n]*)"|“([^”\n]*)”|”([^“\n]*)“')
OPENING, CLOSING = set('"«‹„“”'), set('"»›“”')
TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
COMPLEMENTIZERS = {TASHKEEL.sub("", w) for w in (
    "إن إنه إنها إنهم إنهما إنني إننا أن أنه أنها أنهم أنهما أنني أننا بأن بأنه بأنها بأنهم "
    "فإن فإنه فإنها").split()}


def _load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@functools.cache
def _evaluator():
    """scripts/evaluate.py as a module (registered first: its dataclasses need it)."""
    spec = importlib.util.spec_from_file_location("dev_evaluate", ROOT / "scripts" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _paragraph_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)]


# ---------------------------------------------------------------- the data


def test_corpus_size_and_balance():
    assert len(FILES) == 12
    data = [_load(f) for f in FILES]
    kinds = Counter(q["kind"] for d in data for q in d["quotes"])
    total = sum(kinds.values())
    assert 80 <= total <= 130, total
    assert all(kinds[k] >= 20 for k in KINDS), kinds
    assert kinds["indirect"] / total >= 0.25, kinds
    assert sum(len(d["non_quotes"]) for d in data) >= 12
    assert len({d["id"] for d in data}) == len(data)


@pytest.mark.parametrize("path", GOLD_FILES, ids=GOLD_ID)
def test_schema(path):
    d = _load(path)
    assert set(d) == ARTICLE_KEYS
    assert d["id"] == path.stem
    assert isinstance(d["outlet_style"], str) and d["outlet_style"].strip()
    assert isinstance(d["text"], str) and d["text"] == d["text"].strip()
    lines = d["text"].split("\n")
    assert 4 <= len(lines) and all(line.strip() == line and line for line in lines)
    assert isinstance(d["quotes"], list) and d["quotes"]
    assert isinstance(d["non_quotes"], list)
    for q in d["quotes"]:
        assert set(q) == QUOTE_KEYS, q
        assert q["kind"] in KINDS, q
        for key in QUOTE_KEYS:
            assert isinstance(q[key], str) and q[key] and q[key] == q[key].strip(), (key, q)
    for n in d["non_quotes"]:
        assert isinstance(n, str) and n and n == n.strip()
    pairs = [(q["text"], q["kind"]) for q in d["quotes"]]
    assert len(pairs) == len(set(pairs)), "a quote is annotated twice"


@pytest.mark.parametrize("path", GOLD_FILES, ids=GOLD_ID)
def test_gold_spans_are_in_the_text_and_well_formed(path):
    d = _load(path)
    text = d["text"]
    body = load_article(text)
    in_body = lambda pos: any(p.start <= pos < p.end for p in body.paragraphs)  # noqa: E731
    for q in d["quotes"]:
        start = text.find(q["text"])
        assert start >= 0, f"not a substring: {q['text']!r}"
        end = start + len(q["text"])
        assert in_body(start), f"gold quote in page furniture: {q['text']!r}"
        paragraph = _paragraph_of(text, start)
        # The first occurrence is the one meant: the cue is in the same paragraph.
        assert q["cue"] in paragraph, (q["cue"], q["text"])
        assert q["speaker_ar"] in text, q["speaker_ar"]
        if q["kind"] in ("direct", "partial"):
            assert text[start - 1] in OPENING and text[end] in CLOSING, q["text"]
        else:
            before = TASHKEEL.sub("", text[:start].split()[-1])
            assert before in COMPLEMENTIZERS, (before, q["text"])
            assert text[start - 1] == " " and not q["text"].endswith((".", "،", " ")), q["text"]
            assert text[end] in ".،", (text[end], q["text"])
    for n in d["non_quotes"]:
        start = text.find(n)
        assert start >= 0 and text[start - 1] in OPENING and text[start + len(n)] in CLOSING, n


@pytest.mark.parametrize("path", GOLD_FILES, ids=GOLD_ID)
def test_every_quotation_in_the_body_is_annotated_once(path):
    """Every pair of marks in the body is a direct/partial quote or a non-quote, and every
    quoted stretch inside an indirect clause is also a partial quote of the same speaker."""
    d = _load(path)
    text = d["text"]
    body = load_article(text)
    marked = Counter()
    for p in body.paragraphs:
        for m in MARKED.finditer(text, p.start, p.end):
            marked[next(g for g in m.groups() if g is not None)] += 1
    annotated = Counter(q["text"] for q in d["quotes"] if q["kind"] != "indirect")
    annotated.update(d["non_quotes"])
    assert marked == annotated
    partial = {(q["text"], q["speaker_ar"]) for q in d["quotes"] if q["kind"] == "partial"}
    for q in d["quotes"]:
        if q["kind"] == "indirect":
            for m in MARKED.finditer(q["text"]):
                inner = next(g for g in m.groups() if g is not None)
                assert (inner, q["speaker_ar"]) in partial, inner


# ---------------------------------------------------------------- the evaluator


def _oracle(data: list[dict], keep=lambda q: True, speaker=lambda q: q["speaker_ar"]):
    by_text = {d["text"]: d for d in data}

    def analyze(text):
        d = by_text[text]
        quotes = []
        for q in d["quotes"]:
            if keep(q):
                start = text.find(q["text"])
                quotes.append(SimpleNamespace(text=q["text"], kind=q["kind"], start=start,
                                              end=start + len(q["text"]), cue=q["cue"],
                                              speaker_ar=speaker(q), speaker=speaker(q)))
        return SimpleNamespace(quotes=tuple(quotes),
                               non_quotes=tuple(SimpleNamespace(text=n) for n in d["non_quotes"]))
    return analyze


def test_evaluator_scores_a_perfect_engine_perfectly():
    ev = _evaluator()
    scores, tot = ev.evaluate(_oracle([_load(f) for f in FILES]))
    assert len(scores) == 12
    assert tot["quote_f1"] == tot["kind_accuracy"] == tot["speaker_accuracy"] == 1.0
    assert tot["non_quote_precision"] == tot["non_quote_recall"] == 1.0


def test_evaluator_counts_misses_and_wrong_speakers():
    ev = _evaluator()
    data = [_load(f) for f in FILES]
    scores, tot = ev.evaluate(_oracle(data, keep=lambda q: q["kind"] != "partial",
                                      speaker=lambda q: "مجهول"))
    gold = sum(len(d["quotes"]) for d in data)
    partial = sum(q["kind"] == "partial" for d in data for q in d["quotes"])
    assert tot["quote_precision"] == 1.0
    assert tot["quote_recall"] == round((gold - partial) / gold, 4)
    assert tot["speaker_accuracy"] == 0.0
    missed = [e for s in scores for e in s.errors if e["type"] == "missed"]
    assert len(missed) == partial and all(e["gold"].kind == "partial" for e in missed)


def test_loose_matching_is_one_to_one_and_prefers_the_best_overlap():
    ev = _evaluator()
    # A gold indirect clause (0-100) holding a gold partial (40-60): each prediction goes to
    # its own gold quote even though the partial also lies wholly inside the clause.
    assert ev.match_spans([(0, 100), (40, 60)], [(42, 60), (0, 98)]) == [(0, 1), (1, 0)]
    assert ev.match_spans([(0, 10)], [(6, 30)]) == []          # overlap 4 < half of 10
    assert ev.match_spans([(0, 10)], [(5, 30)]) == [(0, 0)]    # overlap 5 = half of 10
    assert ev.match_spans([(0, 10)], [(0, 10), (1, 9)]) == [(0, 0)]


@pytest.mark.parametrize("predicted, gold, ok", [
    ("سامح شكري", "وزير الخارجية المصري سامح شكري", True),
    ("وزير الخارجية المصري سامح شكري", "شكري", True),
    ("الجبوري", "ريم الجبوري", True),
    ("جبوري", "الجبوري", True),
    ("نورة الفضلـــي", "نورة الفضلي", True),
    ("نورةُ الفَضلي", "نوره الفضلى", True),
    ("«الوطن»", "صحيفة الوطن", True),
    ("المصادر", "مصادر مطلعة", True),
    ("سامح", "سامر الحسن", False),
    ("الفضلي", "نورة الفضل", False),
    (None, "بن عمار", False),
    ("", "بن عمار", False),
])
def test_speaker_match(predicted, gold, ok):
    assert _evaluator().speaker_match(predicted, gold) is ok


# ---------------------------------------------------------------- the engine


def _engine():
    kit = pytest.importorskip("kit")
    if not hasattr(kit, "analyze"):
        pytest.skip("kit.analyze does not exist yet")
    return _evaluator().load_engine()


# Floors per corpus, a little under what the engine measures, so a regression fails here.
# The tuned corpora sit near their measured values; the held-out sets are the honest figure for
# unseen text (measured 0.875 on heldout, 0.94 on fresh: 0.91 together, against a 0.90 target).
TARGETS = {   # corpus: (quote F1, speaker accuracy)
    "dev": (0.97, 0.97), "dev2": (0.97, 0.95), "dev3": (0.96, 0.93), "dev4": (0.96, 0.92),
    "dev5": (0.96, 0.88), "dev6": (0.96, 0.93), "dev7": (0.95, 0.92), "dev8": (0.96, 0.92),
    "dev10": (0.96, 0.90), "heldout": (0.95, 0.85), "fresh": (0.96, 0.90),
}


@pytest.mark.parametrize("corpus", TARGETS)
def test_engine_reaches_the_corpus_targets(corpus):
    evaluator, analyze = _evaluator(), _engine()
    scores, tot = evaluator.evaluate(analyze, evaluator.load_corpus(ROOT / "tests" / "data" / corpus))
    assert not tot["crashed"], tot["crashed"]
    quote_f1, speakers = TARGETS[corpus]
    assert tot["quote_f1"] >= quote_f1, tot
    assert tot["speaker_accuracy"] >= speakers, tot
