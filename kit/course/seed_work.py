"""What the widgets' saved work means for the seed article, read without any widget: the
article's fingerprint (saved work is kept per article), the quote quiz's questions and right
answers, and the teacher's frame key. The quote quiz (`kit.widgets.quiz`) and the frame
annotator (`kit.widgets.frames`) write the work; the class report reads it with these.

Saved shapes: `quote_quiz` = {"articles": {fingerprint: {"answers": {"start:end": {"speaker":
source id, "kind": ..., "cue": ...}}}}}; `frame_annotations` = {"articles": {fingerprint:
{"paragraphs": {"0": {"frame": frame id, "questions": [...]}}}}}.
"""
import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

from ..engine.analysis import analyze
from ..engine.lexicon import read_json
from ..engine.model import Analysis
from .paths import SEED_NAME, exercises_dir, seed_path

ARTICLE_ITSELF = "__article__"   # the quiz's distractor: the writer, not a source
NO_CUE = "__none__"              # no reporting verb introduces the quote
NO_FRAME = "none"                # "no dominant frame" is a code of its own
QUIZ_WORK, FRAMES_WORK = "quote_quiz", "frame_annotations"
QUIZ_PARTS = ("speaker", "kind", "cue")


def article_key(analysis: Analysis) -> str:
    """A short fingerprint of the text, so saved work is kept apart per article."""
    # surrogatepass: a lone surrogate pasted from a broken document still gives a key
    return hashlib.sha256(analysis.text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def quote_key(quote) -> str:
    """How the quiz names a question in the saved work: the quote's offsets."""
    return f"{quote.start}:{quote.end}"


def quiz_expected(quote) -> dict:
    """The right answers to the quiz question on `quote` (speaker is a source id)."""
    return {"speaker": quote.source_id, "kind": quote.kind, "cue": quote.cue or NO_CUE}


def frame_ids() -> list[str]:
    """The generic frames' ids, then "none"."""
    return [frame["id"] for frame in read_json("frames.json")["frames"]] + [NO_FRAME]


@dataclass(frozen=True)
class SeedWork:
    """The seed article's analysis, fingerprint, quiz questions and the teacher's frame key."""
    analysis: Analysis
    key: str
    quiz: tuple                  # the quotes the quiz asks about, in order
    frame_key: dict              # {paragraph index: frame id}


@lru_cache(maxsize=1)
def seed_work() -> SeedWork:
    analysis = analyze(path=seed_path())
    return SeedWork(analysis, article_key(analysis),
                    tuple(q for q in analysis.quotes if q.source_id), _frame_key())


def _frame_key() -> dict[int, str]:
    """The teacher's key for the seed ({} when the file is missing or for another article)."""
    try:
        data = json.loads((exercises_dir() / "frame_key.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("article") != SEED_NAME:
        return {}
    return {int(i): code for i, code in data.get("paragraphs", {}).items() if str(i).isdigit()}
