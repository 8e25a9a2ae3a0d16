"""The interface language (Arabic or English) and the translated interface strings.

Strings live in `kit/data/ui_strings.json`; `t(key)` looks one up in the current language.
"""
import json
from functools import lru_cache
from importlib import resources

LANGUAGES = ("ar", "en")
_state = {"lang": "ar"}


def set_language(lang: str) -> str:
    """Switch every label, button and message of the kit to `lang` ("ar" or "en")."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    _state["lang"] = lang
    return lang


def get_language() -> str:
    return _state["lang"]


def direction(lang: str | None = None) -> str:
    """The text direction for a language: "rtl" for Arabic, "ltr" for English."""
    return "rtl" if (lang or get_language()) == "ar" else "ltr"


@lru_cache(maxsize=1)
def _strings() -> dict:
    return json.loads(resources.files("kit").joinpath("data/ui_strings.json").read_text("utf-8"))


def t(key: str, lang: str | None = None, **values) -> str:
    """The interface string `key` in `lang` (default: the current language), formatted with `values`."""
    entry = _strings()[key]
    return entry[lang or get_language()].format(**values)
