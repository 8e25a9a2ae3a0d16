"""The interface language (Arabic or English) and the translated interface strings.

Strings live in `kit/data/ui_*.json` (one file per part of the kit, each mapping a key to
{"ar": ..., "en": ...}); `t(key)` looks one up in the current language.
"""
import json
from functools import lru_cache
from importlib import resources

LANGUAGES = ("ar", "en")
_state = {"lang": "ar"}


def set_language(lang: str) -> None:
    """Switch every label, button and message of the kit to `lang` ("ar" or "en"). Returns
    nothing, so the setup cell of a lesson shows no output."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    _state["lang"] = lang


def get_language() -> str:
    return _state["lang"]


def direction(lang: str | None = None) -> str:
    """The text direction for a language: "rtl" for Arabic, "ltr" for English."""
    return "rtl" if (lang or get_language()) == "ar" else "ltr"


@lru_cache(maxsize=1)
def _strings() -> dict:
    merged: dict = {}
    for item in sorted(resources.files("kit").joinpath("data").iterdir(), key=lambda p: p.name):
        if item.name.startswith("ui_") and item.name.endswith(".json"):
            merged.update(json.loads(item.read_text("utf-8")))
    return merged


def t(key: str, lang: str | None = None, **values) -> str:
    """The interface string `key` in `lang` (default: the current language), formatted with `values`."""
    entry = _strings()[key]
    return entry[lang or get_language()].format(**values)
