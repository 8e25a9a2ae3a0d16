"""Coding a paragraph with Semetko & Valkenburg's (2000) codebook: each generic frame has
yes/no questions (`kit/data/frames.json`, question ids "conflict:0", "morality:1"...), and the
paragraph's dominant frame is the frame with most yes answers. A tie stays a tie: the coder
decides between the tied frames. The frame lens's cue words (the keyword strip) only hint.

Limits: every yes counts the same, though the frames have four or five questions each (the
codebook's own scoring, which sums answers per frame, does not weight them either); the
keyword hint counts cue words and knows nothing of what a sentence means.

>>> dominant_frames(["conflict:0", "conflict:2", "morality:0"])
('conflict',)
>>> dominant_frames(["conflict:0", "morality:0"])
('conflict', 'morality')
>>> dominant_frames([])
()
>>> keyword_hint({"conflict": 2.0, "morality": 2.0, "economic": 0.0})
('conflict', 'morality')
"""
from collections.abc import Iterable

from .highlights import frames


def yes_counts(ticked: Iterable[str]) -> dict[str, int]:
    """Yes answers per frame, in the codebook's order, frames with none left out."""
    asked = [qid.split(":")[0] for qid in ticked]
    counts = {f["id"]: asked.count(f["id"]) for f in frames()}
    return {frame: n for frame, n in counts.items() if n}


def dominant_frames(ticked: Iterable[str]) -> tuple[str, ...]:
    """The frame with most yes answers; several when they tie; () when nothing is ticked."""
    return _leaders(yes_counts(ticked))


def keyword_hint(scores: dict[str, float]) -> tuple[str, ...]:
    """The frame(s) whose cue words are most frequent in a paragraph (`frame_scores` gives
    `scores`), in the codebook's order; () when there is none."""
    return _leaders({f["id"]: scores.get(f["id"], 0) for f in frames()})


def _leaders(counts: dict) -> tuple[str, ...]:
    top = max(counts.values(), default=0)
    return tuple(frame for frame, n in counts.items() if n == top) if top else ()
