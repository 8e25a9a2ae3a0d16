"""Framing Lab: framing, sourcing and quote attribution in Arabic news, for the classroom."""
from .errors import KitError, InputError, SavedWorkError, ExerciseError
from .course.i18n import set_language, get_language
from .engine.analysis import analyze
from .engine.model import Analysis, Quote, Source, Span, NonQuote, Mention, Diagnostic, Highlight

__version__ = "0.1.0"

__all__ = [
    "analyze",
    "Analysis", "Quote", "Source", "Span", "NonQuote", "Mention", "Diagnostic", "Highlight",
    "KitError", "InputError", "SavedWorkError", "ExerciseError",
    "set_language", "get_language",
]
