"""Coding a paragraph with Semetko & Valkenburg's (2000) codebook: each generic frame has
yes/no questions (`kit/data/frames.json`, question ids "conflict:0", "morality:1"...), and the
paragraph's dominant frame is the frame with most yes answers. A tie stays a tie: the coder
decides between the tied frames. The frame lens's cue words (the keyword strip) only hint.
The frame annotator (`kit.widgets.frames`) and the class page (`kit.course.class_summary`) both
read a student's coding with `coded_as`, so they never disagree.

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
>>> coded_as({"frame": "morality", "questions": ["conflict:0", "conflict:3", "morality:1"]})
('conflict',)
>>> coded_as({"frame": "morality", "questions": ["conflict:0", "morality:1"]})
('morality',)
>>> coded_as({"frame": "none", "questions": []})
('none',)
"""
from collections.abc import Iterable
from functools import lru_cache

from ..engine.lexicon import read_json


@lru_cache(maxsize=1)
def _frame_ids() -> tuple[str, ...]:
    return tuple(frame["id"] for frame in read_json("frames.json")["frames"])


def yes_counts(ticked: Iterable[str]) -> dict[str, int]:
    """Yes answers per frame, in the codebook's order, frames with none left out."""
    asked = [qid.split(":")[0] for qid in ticked if isinstance(qid, str)]   # saved work may be damaged
    counts = {frame: asked.count(frame) for frame in _frame_ids()}
    return {frame: n for frame, n in counts.items() if n}


def dominant_frames(ticked: Iterable[str]) -> tuple[str, ...]:
    """The frame with most yes answers; several when they tie; () when nothing is ticked."""
    return _leaders(yes_counts(ticked))


def keyword_hint(scores: dict[str, float]) -> tuple[str, ...]:
    """The frame(s) whose cue words are most frequent in a paragraph (`frame_scores` gives
    `scores`), in the codebook's order; () when there is none."""
    return _leaders({frame: scores.get(frame, 0) for frame in _frame_ids()})


def coded_as(saved: dict) -> tuple[str, ...]:
    """A paragraph's code from its saved coding {"frame": the dropdown's frame, "questions":
    ticked question ids}: the frame with most yes answers; when frames tie, the dropdown's
    frame if it is one of them, else all the tied frames; without ticks, the dropdown's frame
    ("none" included); () when the paragraph is not coded."""
    asked = saved.get("questions")
    leaders = dominant_frames(asked if isinstance(asked, list) else ())
    picked = saved.get("frame")
    if not leaders:
        return (picked,) if picked else ()
    return (picked,) if len(leaders) > 1 and picked in leaders else leaders


def _leaders(counts: dict) -> tuple[str, ...]:
    top = max(counts.values(), default=0)
    return tuple(frame for frame, n in counts.items() if n == top) if top else ()
