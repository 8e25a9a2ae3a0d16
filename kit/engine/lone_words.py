"""A paragraph of at most one word, with no quotation mark and no colon (a stray letter, a
one-word heading or sign-off), read without building the paragraph reader's state.

Such a paragraph can hold no quote, relay, interview line or headline speaker: the reader
(`attribution.read_paragraph`) does only two things with it, which `read_alone` repeats in
the same order: the word, unless it is a sentence opener (و، أما), may introduce someone
(`introductions.introduce_topic`: a known entity, a named body, a first name, or a name the
article gave before), and it names a known source again (`SourceBook.mentioned`), which makes
that source the latest one a later «وأضاف» refers to. A word that is a verb of saying goes to
the reader. One-word paragraphs repeat (a text of single letters, a sign-off under every
paragraph), so the phrase each spelling reads as is parsed once.
"""
import re
from functools import lru_cache

from .arabic import Token, tokenize
from .cues import cue_of, is_complementizer
from .model import Paragraph
from .quote_marks import MARKS
from .sources import SourceBook
from .subjects import Subject, introduces_someone, parse_subject, skip_openers

_MARK_OR_COLON = re.compile(f"[:{re.escape(MARKS)}]")
_SHORT = 40   # characters: longer paragraphs are never tokenised twice for this check


def alone(text: str, paragraph: Paragraph) -> list[Token] | None:
    """The paragraph's tokens when it can be read by `read_alone`, else None."""
    if paragraph.end - paragraph.start > _SHORT \
            or _MARK_OR_COLON.search(text, paragraph.start, paragraph.end):
        return None
    tokens = tokenize(text, paragraph.start, paragraph.end)
    if len(tokens) > 1 or (tokens and cue_of(tokens[0])):
        return None
    return tokens


def read_alone(tokens: list[Token], book: SourceBook) -> None:
    """What reading the paragraph of `tokens` (from `alone`) changes in the source book."""
    if not tokens:
        return
    token = tokens[0]
    opener, subject = _reading(token.text, token.key)
    if not opener:
        if subject is None or subject.anaphor:
            subject = book.known_name(tokens, 0) or subject
        if subject and (introduces_someone(subject, tokens) or book.knows(subject.name)):
            book.add(subject)
    book.mentioned(token.key)


@lru_cache(maxsize=65536)
def _reading(word: str, key: str) -> tuple[bool, Subject | None]:
    """Is this one word a sentence opener (و، أما: no one is introduced), and the phrase a
    paragraph of it reads as (its subject stops before an إن/أن)."""
    token = Token(0, len(word), word, key)
    if skip_openers([token], 0, 1) != 0:
        return True, None
    return False, parse_subject(word, [token], 0, 0 if is_complementizer(token) else 1)
