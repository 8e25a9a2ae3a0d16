#!/usr/bin/env python3
"""Score the attribution engine (`kit.analyze`) against the gold development corpus.

    .venv/bin/python scripts/evaluate.py            # per-article table and totals
    .venv/bin/python scripts/evaluate.py --errors   # ... and every miss, false positive,
                                                    #     wrong kind and wrong speaker
    .venv/bin/python scripts/evaluate.py --json     # totals only, as JSON
    .venv/bin/python scripts/evaluate.py --dir tests/data/dev4   # another corpus

The default corpus is `tests/data/dev/*.json`: twelve short, invented Arabic news articles (the
events, most people and all wording are made up for the kit) with hand-made gold annotations.
`tests/data/` holds more corpora written the same way (dev2 … dev10, heldout, fresh); the conventions
are documented in `tests/test_dev_corpus.py`. Look only at the totals of `heldout` and `fresh`:
they measure how the engine does on text nobody tuned it on.

What is measured:
  * quote detection precision / recall / F1 with LOOSE span matching: a predicted quote
    matches a gold quote when their character spans overlap by at least half of the shorter
    span; pairs are matched one-to-one, greedily, best overlap (IoU) first;
  * kind accuracy (direct / partial / indirect) on matched quotes;
  * speaker accuracy on matched quotes: the normalised predicted `speaker_ar` (or the name its
    source was first written with: "الوزارة" for "وزارة الصحة العامة") equals the normalised
    gold one, or one contains the other as whole words;
  * non-quote (quoted names: صحيفة "الأهرام") precision / recall, matched by text.

Quotes inside page furniture ("أخبار ذات صلة" headlines) are not in the gold: only
`analysis.quotes` (the body) is scored, never `analysis.boilerplate_quotes`.

The exit code is 0 whatever the scores are (tests/test_dev_corpus.py holds the thresholds);
it is 1 only when the engine cannot be imported.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import traceback
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_DIR = ROOT / "tests" / "data" / "dev"
KINDS = ("direct", "partial", "indirect")

# ---------------------------------------------------------------- loading


@dataclass
class GoldQuote:
    text: str
    kind: str
    speaker_ar: str
    cue: str
    start: int
    end: int


@dataclass
class Article:
    id: str
    outlet_style: str
    text: str
    quotes: list[GoldQuote]
    non_quotes: list[str]


def load_corpus(directory: Path = DEV_DIR) -> list[Article]:
    """Every gold article, with each quote located at the first occurrence of its text."""
    articles = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        text = data["text"]
        quotes = []
        for q in data["quotes"]:
            start = text.find(q["text"])
            if start < 0:
                raise ValueError(f"{path.name}: gold quote is not in the text: {q['text']!r}")
            quotes.append(GoldQuote(q["text"], q["kind"], q["speaker_ar"], q["cue"],
                                    start, start + len(q["text"])))
        articles.append(Article(data["id"], data.get("outlet_style", ""), text, quotes,
                                list(data.get("non_quotes", []))))
    return articles


def load_engine():
    """`kit.analyze` as a callable (a function, or a module holding `analyze`)."""
    sys.path.insert(0, str(ROOT))
    import kit  # noqa: WPS433 (import inside a function on purpose: the engine may be absent)
    analyze = getattr(kit, "analyze", None)
    if analyze is None:
        import importlib
        analyze = importlib.import_module("kit.analyze")
    if not callable(analyze):
        analyze = analyze.analyze
    return analyze


# ---------------------------------------------------------------- normalisation

_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_NON_WORD = re.compile(r"[^\w\s]|_")


def normalize(text: str) -> str:
    """Fold spelling variants: tashkeel, tatweel, أإآ→ا, ى→ي, ة→ه; punctuation and quotation
    marks become spaces; whitespace is collapsed."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _TASHKEEL.sub("", text).replace("\u0640", "")
    text = _NON_WORD.sub(" ", text.translate(_LETTERS))
    return " ".join(text.split())


def _bare(word: str) -> str:
    """A single-word name without a leading و/ف, ل/ب and the article ال (الجبوري → جبوري)."""
    if len(word) > 3 and word[0] in "وف":
        word = word[1:]
    if len(word) > 4 and word.startswith("لل"):
        word = word[2:]
    elif len(word) > 3 and word[0] in "لب" and word[1:3] == "ال":
        word = word[1:]
    if len(word) > 3 and word.startswith("ال"):
        word = word[2:]
    return word


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i:i + n] == part for i in range(len(words) - n + 1))


def speaker_match(predicted: str | None, gold: str) -> bool:
    """Equal after normalisation, or one contains the other as whole words.

    A single-word name is also compared without و/ف and ال, so "الجبوري" matches
    "ريم الجبوري" and "جبوري"."""
    p, g = normalize(predicted or "").split(), normalize(gold).split()
    if not p or not g:
        return False
    if p == g or _contains(p, g) or _contains(g, p):
        return True
    for short, long_ in ((p, g), (g, p)):
        if len(short) == 1:
            key = _bare(short[0])
            if any(_bare(w) == key for w in long_):
                return True
    return False


# ---------------------------------------------------------------- matching


@dataclass
class Predicted:
    text: str
    kind: str
    start: int
    end: int
    speaker_ar: str | None
    speaker: str | None
    cue: str | None
    source_ar: str | None = None   # the speaking source's name as first written


def _predicted_quotes(analysis, text: str) -> list[Predicted]:
    out = []
    first_written = {s.id: s.name_ar for s in getattr(analysis, "sources", ()) or ()}
    for q in getattr(analysis, "quotes", ()) or ():
        qtext = getattr(q, "text", "") or ""
        start, end = getattr(q, "start", None), getattr(q, "end", None)
        if start is None or end is None:       # tolerate records without offsets
            start = text.find(qtext)
            end = start + len(qtext) if start >= 0 else -1
        out.append(Predicted(qtext, getattr(q, "kind", "") or "", start, end,
                             getattr(q, "speaker_ar", None), getattr(q, "speaker", None),
                             getattr(q, "cue", None), first_written.get(getattr(q, "source_id", None))))
    return out


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def match_spans(gold: list[tuple[int, int]], pred: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs whose spans overlap by at least half of
    the shorter span; greedy, best intersection-over-union first."""
    candidates = []
    for gi, (g0, g1) in enumerate(gold):
        for pi, (p0, p1) in enumerate(pred):
            shorter = min(g1 - g0, p1 - p0)
            if shorter <= 0:
                continue
            inter = overlap(g0, g1, p0, p1)
            if inter * 2 >= shorter:
                union = max(g1, p1) - min(g0, p0)
                candidates.append((-(inter / union), -inter, gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def match_texts(gold: list[str], pred: list[str]) -> int:
    """How many predicted non-quote texts match a gold one (a multiset intersection)."""
    g = Counter(normalize(x) for x in gold)
    p = Counter(normalize(x) for x in pred)
    return sum((g & p).values())


# ---------------------------------------------------------------- scoring


@dataclass
class ArticleScore:
    id: str
    gold: int = 0
    pred: int = 0
    matched: int = 0
    kind_ok: int = 0
    speaker_ok: int = 0
    nq_gold: int = 0
    nq_pred: int = 0
    nq_matched: int = 0
    gold_by_kind: Counter = field(default_factory=Counter)
    found_by_kind: Counter = field(default_factory=Counter)
    confusion: Counter = field(default_factory=Counter)   # (gold kind, predicted kind)
    errors: list[dict] = field(default_factory=list)
    crashed: str | None = None


def _context(text: str, start: int, end: int, width: int = 45) -> str:
    left = text[max(0, start - width):start].split("\n")[-1]
    right = text[end:end + width].split("\n")[0]
    return f"…{left}⟦{text[start:end]}⟧{right}…"


def score_article(article: Article, analyze) -> ArticleScore:
    s = ArticleScore(article.id, gold=len(article.quotes), nq_gold=len(article.non_quotes))
    for q in article.quotes:
        s.gold_by_kind[q.kind] += 1
    try:
        analysis = analyze(article.text)
    except Exception as exc:   # a crash scores as "found nothing", and is reported
        s.crashed = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        for q in article.quotes:
            s.errors.append({"type": "missed", "gold": q, "context":
                             _context(article.text, q.start, q.end)})
        return s

    pred = _predicted_quotes(analysis, article.text)
    s.pred = len(pred)
    pairs = match_spans([(q.start, q.end) for q in article.quotes], [(p.start, p.end) for p in pred])
    s.matched = len(pairs)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    for gi, pi in pairs:
        g, p = article.quotes[gi], pred[pi]
        s.found_by_kind[g.kind] += 1
        s.confusion[(g.kind, p.kind)] += 1
        ctx = _context(article.text, g.start, g.end)
        if p.kind == g.kind:
            s.kind_ok += 1
        else:
            s.errors.append({"type": "wrong_kind", "gold": g, "pred": p, "context": ctx})
        if speaker_match(p.speaker_ar, g.speaker_ar) or speaker_match(p.source_ar, g.speaker_ar):
            s.speaker_ok += 1
        else:
            s.errors.append({"type": "wrong_speaker", "gold": g, "pred": p, "context": ctx})
        if (p.start, p.end) != (g.start, g.end):
            s.errors.append({"type": "loose_span", "gold": g, "pred": p, "context": ctx})
    for gi, g in enumerate(article.quotes):
        if gi not in matched_g:
            s.errors.append({"type": "missed", "gold": g,
                             "context": _context(article.text, g.start, g.end)})
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            ctx = _context(article.text, p.start, p.end) if p.start >= 0 else p.text
            s.errors.append({"type": "false_positive", "pred": p, "context": ctx})

    nq_pred = [getattr(n, "text", "") or "" for n in getattr(analysis, "non_quotes", ()) or ()]
    s.nq_pred = len(nq_pred)
    s.nq_matched = match_texts(article.non_quotes, nq_pred)
    missing = Counter(normalize(x) for x in article.non_quotes) - Counter(normalize(x) for x in nq_pred)
    extra = Counter(normalize(x) for x in nq_pred) - Counter(normalize(x) for x in article.non_quotes)
    for x in missing.elements():
        s.errors.append({"type": "missed_non_quote", "text": x})
    for x in extra.elements():
        s.errors.append({"type": "false_non_quote", "text": x})
    return s


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _prf(matched: int, pred: int, gold: int) -> tuple[float, float, float]:
    p, r = _ratio(matched, pred), _ratio(matched, gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def totals(scores: list[ArticleScore]) -> dict:
    add = lambda attr: sum(getattr(s, attr) for s in scores)  # noqa: E731
    gold, pred, matched = add("gold"), add("pred"), add("matched")
    p, r, f = _prf(matched, pred, gold)
    nq_p, nq_r, nq_f = _prf(add("nq_matched"), add("nq_pred"), add("nq_gold"))
    gold_by_kind = sum((s.gold_by_kind for s in scores), Counter())
    found_by_kind = sum((s.found_by_kind for s in scores), Counter())
    confusion = sum((s.confusion for s in scores), Counter())
    return {
        "articles": len(scores),
        "crashed": [s.id for s in scores if s.crashed],
        "gold_quotes": gold, "predicted_quotes": pred, "matched_quotes": matched,
        "quote_precision": round(p, 4), "quote_recall": round(r, 4), "quote_f1": round(f, 4),
        "kind_accuracy": round(_ratio(add("kind_ok"), matched), 4),
        "speaker_accuracy": round(_ratio(add("speaker_ok"), matched), 4),
        "recall_by_kind": {k: round(_ratio(found_by_kind[k], gold_by_kind[k]), 4) for k in KINDS},
        "gold_by_kind": {k: gold_by_kind[k] for k in KINDS},
        "kind_confusion": {f"{g}->{p}": n for (g, p), n in sorted(confusion.items()) if g != p},
        "gold_non_quotes": add("nq_gold"), "predicted_non_quotes": add("nq_pred"),
        "matched_non_quotes": add("nq_matched"),
        "non_quote_precision": round(nq_p, 4), "non_quote_recall": round(nq_r, 4),
        "non_quote_f1": round(nq_f, 4),
    }


def evaluate(analyze=None, articles: list[Article] | None = None) -> tuple[list[ArticleScore], dict]:
    """Score `analyze` (default: `kit.analyze`) on the corpus: per-article scores and totals."""
    analyze = analyze or load_engine()
    articles = articles if articles is not None else load_corpus()
    scores = [score_article(a, analyze) for a in articles]
    return scores, totals(scores)


# ---------------------------------------------------------------- report


def _fmt_quote(q) -> str:
    return f"[{q.kind}] {q.text[:70]!r}" + ("…" if len(q.text) > 70 else "")


def print_table(scores: list[ArticleScore], tot: dict) -> None:
    head = (f"{'article':8} {'gold':>4} {'pred':>4} {'match':>5} {'P':>5} {'R':>5} {'F1':>5} "
            f"{'kind':>5} {'spkr':>5} {'NQ g/p/m':>9}")
    print(head)
    print("-" * len(head))
    for s in scores:
        p, r, f = _prf(s.matched, s.pred, s.gold)
        nq = f"{s.nq_gold}/{s.nq_pred}/{s.nq_matched}"
        print(f"{s.id:8} {s.gold:4} {s.pred:4} {s.matched:5} {p:5.2f} {r:5.2f} {f:5.2f} "
              f"{_ratio(s.kind_ok, s.matched):5.2f} {_ratio(s.speaker_ok, s.matched):5.2f} {nq:>9}"
              + ("  CRASHED" if s.crashed else ""))
    print("-" * len(head))
    t = tot
    print(f"{'TOTAL':8} {t['gold_quotes']:4} {t['predicted_quotes']:4} {t['matched_quotes']:5} "
          f"{t['quote_precision']:5.2f} {t['quote_recall']:5.2f} {t['quote_f1']:5.2f} "
          f"{t['kind_accuracy']:5.2f} {t['speaker_accuracy']:5.2f} "
          f"{t['gold_non_quotes']}/{t['predicted_non_quotes']}/{t['matched_non_quotes']:>3}")
    print()
    print(f"quotes: precision {t['quote_precision']:.3f}  recall {t['quote_recall']:.3f}  "
          f"F1 {t['quote_f1']:.3f}   (loose: overlap >= 50% of the shorter span)")
    print(f"kind accuracy on matched: {t['kind_accuracy']:.3f}   "
          f"speaker accuracy on matched: {t['speaker_accuracy']:.3f}")
    print("recall by gold kind: " + ", ".join(
        f"{k} {t['recall_by_kind'][k]:.2f} (of {t['gold_by_kind'][k]})" for k in KINDS))
    if t["kind_confusion"]:
        print("kind confusions (gold->predicted): " + ", ".join(
            f"{k} x{n}" for k, n in t["kind_confusion"].items()))
    print(f"non-quotes: precision {t['non_quote_precision']:.3f}  "
          f"recall {t['non_quote_recall']:.3f}  F1 {t['non_quote_f1']:.3f}")
    if t["crashed"]:
        print("CRASHED on: " + ", ".join(t["crashed"]))


ORDER = ("missed", "false_positive", "wrong_kind", "wrong_speaker", "loose_span",
         "missed_non_quote", "false_non_quote")


def print_errors(scores: list[ArticleScore], show_loose: bool = False) -> None:
    for s in scores:
        errors = [e for e in s.errors if show_loose or e["type"] != "loose_span"]
        if not errors and not s.crashed:
            continue
        print(f"\n=== {s.id} ===")
        if s.crashed:
            print(f"  CRASH: {s.crashed}")
        for e in sorted(errors, key=lambda e: ORDER.index(e["type"])):
            t = e["type"]
            if t == "missed":
                g = e["gold"]
                print(f"  MISSED     {_fmt_quote(g)}  speaker={g.speaker_ar!r} cue={g.cue!r}")
            elif t == "false_positive":
                p = e["pred"]
                print(f"  FALSE POS  {_fmt_quote(p)}  speaker={p.speaker_ar!r} cue={p.cue!r}")
            elif t == "wrong_kind":
                print(f"  WRONG KIND gold={e['gold'].kind} predicted={e['pred'].kind}: "
                      f"{e['gold'].text[:60]!r}")
            elif t == "wrong_speaker":
                print(f"  WRONG SPKR gold={e['gold'].speaker_ar!r} predicted="
                      f"{e['pred'].speaker_ar!r} ({e['pred'].speaker!r}): {e['gold'].text[:50]!r}")
            elif t == "loose_span":
                print(f"  SPAN       gold={e['gold'].text[:50]!r} predicted={e['pred'].text[:50]!r}")
            elif t == "missed_non_quote":
                print(f"  MISSED NON-QUOTE  {e['text']!r}")
            elif t == "false_non_quote":
                print(f"  FALSE NON-QUOTE   {e['text']!r}")
            if "context" in e:
                print(f"             {e['context']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", action="store_true",
                        help="list every miss, false positive, wrong kind and wrong speaker")
    parser.add_argument("--spans", action="store_true",
                        help="with --errors, also list matched quotes whose spans differ")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON only")
    parser.add_argument("--dir", type=Path, default=DEV_DIR, help="gold corpus folder")
    args = parser.parse_args(argv)
    try:
        analyze = load_engine()
    except (ImportError, AttributeError) as exc:
        print(f"The engine is not available (kit.analyze): {exc}", file=sys.stderr)
        return 1
    scores, tot = evaluate(analyze, load_corpus(args.dir))
    if args.json:
        print(json.dumps(tot, ensure_ascii=False, indent=2))
        return 0
    print_table(scores, tot)
    if args.errors:
        print_errors(scores, show_loose=args.spans)
    return 0


if __name__ == "__main__":
    sys.exit(main())
