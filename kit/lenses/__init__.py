"""Framing lenses: what the engine's analysis means for a reader.

`highlights` marks spans of the article (quotes, reporting verbs, scare quotes, loaded terms,
frames, numbers); `voices` counts who speaks and how; `translations` pairs the seed's quotes
with the words they translate. The lenses read an `Analysis` and never change it.
"""
from .highlights import (LENSES, all_highlights, frame_highlights, frame_scores, frames,
                         loaded_term_highlights, loaded_terms, number_claims, quote_highlights,
                         reporting_verb_highlights, scare_quote_highlights)

__all__ = ["LENSES", "all_highlights", "frame_highlights", "frame_scores", "frames",
           "loaded_term_highlights", "loaded_terms", "number_claims", "quote_highlights",
           "reporting_verb_highlights", "scare_quote_highlights"]
