"""The article model: load text from a path or a string, split it into paragraphs and
sentences with offsets, and tell the body from page furniture ("أخبار ذات صلة" blocks...).

Boilerplate is kept and reported, never dropped: its headlines are framing material too.
"""
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path

from .arabic import BIDI_CONTROLS, normalize, is_arabic
from ..errors import InputError
from .lexicon import read_json
from .model import Paragraph, Sentence, Diagnostic
from .quote_marks import pair_marks

# The largest article the kit accepts, in characters (about 4 MB of Arabic in UTF-8): far
# above any news article, and analysed in a few seconds.
MAX_CHARS = 2_000_000
MAX_PER_CODE = 20   # diagnostics of one kind listed; the rest are counted
# A full stop glued to the next word ends a sentence too when the word before it is not an
# abbreviation (…وجريئة.وقالت, but د.سامي): text pasted from pages often loses that space.
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"”»“’']*(?=\s|$)|(?<=[\u0621-\u064a]{3})[.!؟](?=[\u0621-\u064a])")
# A line ends where str.splitlines ends one: \n, \r, form feed, NEL, U+2028, U+2029...
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A line with the whitespace around it trimmed (\s is what str.strip removes): from its first
# character that is not a space to its last, with no line end between.
_STRIPPED_LINE = re.compile(f"\\S(?:[^{_BREAKS}]*\\S)?")
_END_PUNCTUATION = tuple(".!?؟…:")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


@dataclass(frozen=True)
class Article:
    text: str
    paragraphs: tuple[Paragraph, ...]      # the body, indexed 0..n-1
    boilerplate: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    diagnostics: tuple[Diagnostic, ...]


def read_article(source=None, *, text=None, path=None) -> str:
    """The text of an article, given in exactly one way (see `kit.analyze` for the rule):
    `text=` a str, `path=` a str or `os.PathLike` naming a UTF-8 file, or `source`: bytes (UTF-8),
    an `os.PathLike` (a file), or a str (the text itself, unless it is one line naming an
    existing file)."""
    given = [value for value in (source, text, path) if value is not None]
    if len(given) != 1:
        raise _not_one_way(len(given))
    if text is not None:
        if not isinstance(text, str):
            raise _wrong_type(text, "text=")
        return text
    if path is not None:
        if not isinstance(path, (str, os.PathLike)):
            raise _wrong_type(path, "path=")
        return _read_file(Path(path))
    if isinstance(source, bytes):
        return _decode(source, "<bytes>")
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _names_file(source)):
        return _read_file(Path(source))
    if not isinstance(source, str):
        raise _wrong_type(source, "")
    return source


def _names_file(s: str) -> bool:
    """Is this str one line that names an existing file?"""
    if len(s) >= 1024 or "\n" in s:
        return False
    try:
        return Path(s).is_file()
    except (OSError, ValueError):   # a long one-line article is not a valid file name
        return False


def _read_file(path: Path) -> str:
    if path.exists() and not path.is_file():
        raise InputError(f"{path} is not a text file (it is a folder, a pipe or a device). Give the "
                         f"path of the article's .txt file.", f"{path} ليس ملفا نصيا (بل مجلد أو "
                         f"أنبوب أو جهاز). أعطِ مسار ملف المقال النصي.")
    if not path.is_file():
        raise InputError(f"No article file at {path}. Check the name and folder.",
                         f"لا يوجد ملف مقال في {path}. تحقق من الاسم والمجلد.")
    try:
        size = path.stat().st_size
        if size > MAX_CHARS * 4:
            raise _too_long(size, "bytes")
        return _decode(path.read_bytes(), str(path))
    except OSError as error:
        raise InputError(f"{path} cannot be read: {error.strerror or error}. Check its permissions.",
                         f"تعذّرت قراءة {path}: {error.strerror or error}. تحقق من صلاحياته.") from None


def _not_one_way(count: int) -> InputError:
    if count == 0:
        return InputError("No article was given: pass its text (text=...) or the path of its file "
                          "(path=...).", "لم يُعطَ أي مقال: مرّر نصه (text=...) أو مسار ملفه (path=...).")
    return InputError("Give the article one way only: its text (text=...) or the path of its file "
                      "(path=...), not both.", "أعطِ المقال بطريقة واحدة فقط: نصه (text=...) أو مسار "
                      "ملفه (path=...)، لا الاثنين معا.")


def _wrong_type(value, how: str) -> InputError:
    name = type(value).__name__
    if how == "text=":
        return InputError(f"text= must be a str, but a {name} was given.",
                          f"يجب أن يكون text= نصا (str)، لكن أُعطي {name}.")
    if how == "path=":
        return InputError(f"path= must be a file path (a str or a Path), but a {name} was given.",
                          f"يجب أن يكون path= مسار ملف (str أو Path)، لكن أُعطي {name}.")
    return InputError(f"An article must be text (a str) or a file path, but a {name} was given.",
                      f"يجب أن يكون المقال نصا أو مسار ملف، لكن أُعطي {name}.")


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):   # Notepad's "Unicode": UTF-16 with its mark
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass                                       # not UTF-16 after all: the checks below say why
    if b"\x00" in data:
        raise InputError(f"{name} looks like a binary file, not text. Save the article as a "
                         f"UTF-8 text file.", f"يبدو أن {name} ملف ثنائي وليس نصا. احفظ المقال "
                         f"كملف نصي بترميز UTF-8.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name} is not UTF-8 text (byte {e.start} cannot be read). Save it "
                         f"as UTF-8 and try again.", f"الملف {name} ليس بترميز UTF-8 (لا يمكن "
                         f"قراءة البايت {e.start}). احفظه بترميز UTF-8 وأعد المحاولة.") from None


def _too_long(size: int, unit: str = "characters") -> InputError:
    """`size` in characters, or in bytes for a file too big to read (over 4 bytes a character)."""
    if unit == "bytes":
        return InputError(f"The article file is too big ({size:,} bytes; the limit is {MAX_CHARS:,} "
                          f"characters, at most {MAX_CHARS * 4:,} bytes). Analyse one article at a time.",
                          f"ملف المقال كبير جدا ({size:,} بايت، والحد {MAX_CHARS:,} حرف، أي {MAX_CHARS * 4:,} "
                          f"بايت على الأكثر). حلل مقالا واحدا في كل مرة.")
    return InputError(f"The article is too long ({size:,} characters; the limit is "
                      f"{MAX_CHARS:,}). Analyse one article at a time.",
                      f"المقال طويل جدا ({size:,} حرفا، والحد {MAX_CHARS:,}). حلل مقالا واحدا "
                      f"في كل مرة.")


def check_text(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise _too_long(len(text))
    if not text.strip():
        raise InputError("The article is empty: paste or load some text first.",
                         "المقال فارغ: الصق نصا أو حمّل ملفا أولا.")


@lru_cache(maxsize=1)
def _furniture():
    data = read_json("boilerplate.json")
    return ({normalize(h) for h in data["block_headings"]},
            tuple(normalize(m) for m in data["line_markers"]), data["max_headline_words"])


def _stripped_lines(text: str):
    """(start, end) of every non-blank line, trimmed of surrounding whitespace."""
    return (m.span() for m in _STRIPPED_LINE.finditer(text))


@lru_cache(maxsize=1)
def _heading_prefixes() -> tuple[str, ...]:
    return tuple(_furniture()[0])


@lru_cache(maxsize=1024)
def _line_start(line: str) -> str:
    """The first 80 characters of a line, normalised: the heading and marker tests both ask
    (and a text of short repeated lines asks again and again)."""
    return normalize(line[:80])


def _is_heading(line: str) -> bool:
    headings, _, _ = _furniture()
    return len(line) <= 80 and _line_start(line).strip(" :：-–—") in headings   # a heading is short


def _is_marker_line(line: str) -> bool:
    """A short line opening with a marker (تابعونا), or a heading run into its headline after
    dots or a dash (اقرأ أيضا .. عنوان الخبر)."""
    headings, markers, max_words = _furniture()
    start = _line_start(line)
    if start.startswith(markers) and len(line.split()) <= max_words // 2:
        return True
    return start.startswith(_heading_prefixes()) and len(line.split()) <= max_words and any(
        start.startswith(h) and start[len(h):].lstrip()[:1] in _RUN_ON for h in headings)


_RUN_ON = set(".:-–—|…")


def _line_kind(line: str) -> str:
    """"heading", "marker" (a marker line) or "" for a line of page furniture or not."""
    if len(line) <= 80:
        return _short_line_kind(line)
    return "marker" if _is_marker_line(line) else ""   # a heading is short


@lru_cache(maxsize=4096)
def _short_line_kind(line: str) -> str:
    """`_line_kind` of a short line: short lines repeat (a sign-off under every paragraph, a
    text of one-letter lines), so each is looked at once."""
    return "heading" if _is_heading(line) else "marker" if _is_marker_line(line) else ""


def _is_headline(line: str) -> bool:
    _, _, max_words = _furniture()
    return not line.endswith(_END_PUNCTUATION) and len(line.split()) <= max_words


def split_paragraphs(text: str) -> tuple[tuple[Paragraph, ...], tuple[Paragraph, ...]]:
    """Body paragraphs and boilerplate blocks, each with offsets into `text`.

    A block runs from its heading to its last link headline; a marker line is a block alone."""
    body, furniture = [], []
    in_block = False
    for start, end in _stripped_lines(text):
        line = text[start:end]
        kind = _line_kind(line)
        if kind == "heading":
            in_block = True
            furniture.append([start, end])
        elif in_block and _is_headline(line):
            furniture[-1][1] = end
        elif kind == "marker":
            in_block = False
            furniture.append([start, end])
        else:
            in_block = False
            body.append(Paragraph(start, end, line, len(body)))
    blocks = tuple(Paragraph(s, e, text[s:e], i, True) for i, (s, e) in enumerate(furniture))
    return tuple(body), blocks


def block_lines(text: str, block: Paragraph) -> list[tuple[int, int]]:
    """(start, end) of each line of a boilerplate block: its heading, then its headlines."""
    return list(_stripped_lines_between(text, block.start, block.end))


def _stripped_lines_between(text: str, start: int, end: int):
    for s, e in _stripped_lines(text[start:end]):
        yield start + s, start + e


def split_sentences(text: str, paragraph: Paragraph) -> list[Sentence]:
    """Sentences of a paragraph; a sentence end inside a quotation does not end the sentence
    (a quote may span sentences)."""
    if _SENTENCE_END.search(text, paragraph.start, paragraph.end) is None:
        return [Sentence(paragraph.start, paragraph.end, paragraph.text, paragraph.index)]
    pairs, _ = pair_marks(text, paragraph.start, paragraph.end)
    inside = iter(pairs)
    current = next(inside, None)
    out, start = [], paragraph.start
    for m in _SENTENCE_END.finditer(text, paragraph.start, paragraph.end):
        while current and current[1] < m.start():
            current = next(inside, None)
        if current and current[0] < m.start() < current[1]:
            continue
        out.append(Sentence(start, m.end(), text[start:m.end()], paragraph.index))
        start = m.end()
        while start < paragraph.end and text[start].isspace():
            start += 1
    if start == paragraph.start:   # one sentence: the paragraph's own text, not a copy
        return [Sentence(start, paragraph.end, paragraph.text, paragraph.index)]
    if start < paragraph.end:
        out.append(Sentence(start, paragraph.end, text[start:paragraph.end], paragraph.index))
    return out


def more_diagnostics(code: str, more: int, at: int) -> list[Diagnostic]:
    """The one diagnostic that counts those of `code` left out after the first MAX_PER_CODE
    (`at`: where the first left out is)."""
    if more <= 0:
        return []
    return [Diagnostic(f"{code}_more", at, f"… and {more:,} more of the same kind ({code}), not listed.",
                       f"… و{more:,} غيرها من النوع نفسه ({code})، لم تُسرد.")]


class DiagnosticCap:
    """At most MAX_PER_CODE diagnostics of each code, in the order they are met, and how many
    more there were. A diagnostic left out is only counted, never built: 2 million stray
    quotation marks cost a count, not 2 million messages."""

    def __init__(self) -> None:
        self._kept: list[Diagnostic] = []
        self._count: Counter = Counter()
        self._first_left_out: dict[str, int] = {}

    def keeps(self, code: str, start: int) -> bool:
        """Count one diagnostic of `code` at `start`; True when it is among those listed."""
        self._count[code] += 1
        if self._count[code] <= MAX_PER_CODE:
            return True
        self._first_left_out.setdefault(code, start)
        return False

    def add(self, diagnostics) -> None:
        self._kept.extend(d for d in diagnostics if self.keeps(d.code, d.start))

    def add_problems(self, problems, build) -> None:
        """Count each (offset, code) problem; `build(offset, code)` makes the diagnostics listed."""
        self._kept.extend(build(offset, code) for offset, code in problems if self.keeps(code, offset))

    def diagnostics(self) -> list[Diagnostic]:
        return self._kept + [m for code, at in self._first_left_out.items()
                             for m in more_diagnostics(code, self._count[code] - MAX_PER_CODE, at)]


def text_diagnostics(text: str) -> list[Diagnostic]:
    """Warnings about the text itself: hidden direction controls, and text that is not Arabic."""
    found = [Diagnostic("bidi_control", i,
                        f"Hidden direction-control character U+{ord(c):04X} at character {i}: "
                        f"the text may display differently from what it is.",
                        f"رمز تحكم خفي في اتجاه النص U+{ord(c):04X} عند الحرف {i}: قد يظهر "
                        f"النص بغير حقيقته.")
             for i, c in ((m.start(), m.group()) for m in islice(_BIDI.finditer(text), MAX_PER_CODE))]
    if len(found) == MAX_PER_CODE:
        more = sum(1 for _ in _BIDI.finditer(text, found[-1].start + 1))
        found.extend(more_diagnostics("bidi_control", more, found[-1].start + 1))
    if not is_arabic(text[:20000]):
        found.append(Diagnostic("not_arabic", 0, "This text is mostly not Arabic: the kit's "
                                "lexicons are Arabic, so expect few results.",
                                "معظم هذا النص ليس عربيا: معاجم الأداة عربية، فتوقع نتائج قليلة."))
    return found


def load_article(source=None, *, text=None, path=None) -> Article:
    """Read and split an article given in exactly one way (see `read_article`); raise
    `InputError` for input that cannot be analysed."""
    text = read_article(source, text=text, path=path)
    check_text(text)
    body, furniture = split_paragraphs(text)
    sentences = tuple(s for p in body for s in split_sentences(text, p))
    return Article(text, body, furniture, sentences, tuple(text_diagnostics(text)))
