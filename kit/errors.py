"""Errors a student can act on: every message says what was expected, what came, what to do.

Each `KitError` carries an English and an Arabic message; `str(error)` gives both, so a
reader of either language understands a traceback or a command-line error.
"""


class KitError(Exception):
    """Base class for every expected error in the kit (bad input, bad saved file...)."""

    def __init__(self, en: str, ar: str):
        super().__init__(en)
        self.en = en
        self.ar = ar

    def message(self, lang: str = "en") -> str:
        return self.ar if lang == "ar" else self.en

    def __str__(self) -> str:
        return f"{self.en}\n{self.ar}"


class InputError(KitError):
    """The article given to the kit cannot be analysed (missing, empty, wrong type, too big...)."""


class SavedWorkError(KitError):
    """A file of saved student work is missing, corrupt, or from a newer version of the kit.

    `recoverable` is (work name, folder) when `kit.course.storage.recover_work` can help."""

    recoverable: tuple | None = None


class ExerciseError(KitError):
    """An exercise definition or answer key is malformed, or an exercise id is unknown."""
