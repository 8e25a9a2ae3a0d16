"""`analyze()`: the whole engine in one call, from text (or a path) to an `Analysis`."""
from .cost import collector_paused
from .article import DiagnosticCap, block_lines, load_article
from .attribution import read_paragraph
from .entities import find_mentions, proclitic_length
from .lone_words import alone, read_alone
from .arabic import drop_letters
from .model import Analysis, Diagnostic, Mention, Paragraph, Quote
from .reading_state import Draft, ParagraphState, mark_problem
from .sources import SourceBook
from .subjects import role_before


@collector_paused
def analyze(source=None, *, text=None, path=None) -> Analysis:
    """Analyse an Arabic news article, given in exactly one way:

    - ``analyze(text="...")``: the article's text, always read as text;
    - ``analyze(path="article.txt")`` (a str or a ``pathlib.Path``): a UTF-8 file to read;
    - ``analyze(x)``, positionally: a ``pathlib.Path`` (any ``os.PathLike``) is a file; a str
      that contains a line break is text; a one-line str is text unless it names an existing
      file, which is then read. ``text=`` and ``path=`` are never guessed.

    Giving none, or more than one, raises `InputError`; so do a missing file, a file that is not
    UTF-8 text, and an empty or too long article.

    >>> a = analyze(text='وقال الوزير أحمد سالم: "الاتفاق قريب".')
    >>> [(q.kind, q.text, q.speaker, q.cue) for q in a.quotes]
    [('direct', 'الاتفاق قريب', 'أحمد سالم', 'وقال')]
    """
    return _analyze(load_article(source, text=text, path=path))


def _analyze(article) -> Analysis:
    text, book = article.text, SourceBook()
    drafts, non_quotes, diagnostics = [], [], DiagnosticCap()
    diagnostics.add(article.diagnostics)
    relay, mentions, tokens_read = None, [], []
    for paragraph, sentences in zip(article.paragraphs, _by_paragraph(article), strict=True):
        tokens = alone(text, paragraph)
        if tokens is not None:   # one word, no marks: nothing to quote, maybe someone named
            read_alone(tokens, book)
            mentions.extend(_mentions(text, paragraph.index, tokens, book))
            tokens_read.append(tokens)
            continue
        reading = read_paragraph(text, paragraph, sentences, book)
        _apply_relays(reading)
        drafts.extend(sorted(reading.quotes, key=lambda d: d.start))
        non_quotes.extend(reading.non_quotes)
        diagnostics.add_problems(reading.problems, mark_problem)
        mentions.extend(_mentions(text, paragraph.index, reading.tokens, book))
        tokens_read.append(reading.tokens)
        if paragraph.index == 0:
            relay = _lead_relay(reading)
    _carry_relays_back(drafts)
    quotes = tuple(_freeze(text, d, book) for d in drafts)
    diagnostics.add_problems(((q.start, "no_speaker") for q in quotes if q.speaker is None), _no_speaker)
    return Analysis(text, article.paragraphs, article.boilerplate, article.sentences, quotes,
                    tuple(non_quotes), book.freeze(drafts), tuple(mentions),
                    tuple(sorted(diagnostics.diagnostics(), key=lambda d: d.start)), relay,
                    _boilerplate_quotes(text, article.boilerplate), tuple(tokens_read))


def _by_paragraph(article):
    """The sentences of each body paragraph in turn, as a list (sentences come in text order;
    no index of them all is built)."""
    sentences, n = article.sentences, 0
    for paragraph in article.paragraphs:
        first = n
        while n < len(sentences) and sentences[n].paragraph == paragraph.index:
            n += 1
        yield list(sentences[first:n])


def _apply_relays(reading: ParagraphState) -> None:
    """A relay covers the quotes of its own sentence (بحسب ما ذكرت الفايننشال تايمز)."""
    by_sentence: dict[int, list[Draft]] = {}
    for draft in reading.quotes:
        by_sentence.setdefault(reading.sentence_of(draft.start), []).append(draft)
    # each relay once per sentence: a sentence of a thousand «حسبما أوردت "سي إن إن"» is not
    # a thousand passes over its quotes
    for sentence, relay_id in dict.fromkeys(reading.relays):
        for draft in by_sentence.get(sentence, ()):
            if _outlet_passes_on(reading, draft, relay_id):
                _hand_to_source(reading, draft, relay_id)
            elif draft.source_id != relay_id and relay_id not in draft.via_ids:
                draft.via_ids.append(relay_id)


def _outlet_passes_on(reading: ParagraphState, draft: Draft, relay_id: str) -> bool:
    """ولفتت [الوكالة] إلى أن…، بحسب أحد المصادر: an outlet's words backed by a source that is
    not an outlet are the source's words, which the outlet relays."""
    book = reading.book
    return draft.source_id is not None and draft.source_id != relay_id \
        and book.get(draft.source_id).type == "media" and book.get(relay_id).type != "media"


def _hand_to_source(reading: ParagraphState, draft: Draft, relay_id: str) -> None:
    entry = reading.book.get(relay_id)
    draft.via_ids = [draft.source_id, *(v for v in draft.via_ids if v != relay_id)]
    draft.source_id, draft.how, draft.carried = relay_id, "according to", False
    draft.speaker_ar = entry.forms[-1] if entry.forms else entry.name
    draft.role = entry.roles[0] if entry.roles else None


def _carry_relays_back(drafts: list[Draft]) -> None:
    """وأضاف "..."، بحسب ما ذكرت الصحيفة: the relay also covers what the same speaker said just
    before, which the continuation verb joins to this quote."""
    for later, earlier in zip(reversed(drafts), list(reversed(drafts))[1:], strict=False):
        if later.carried and later.source_id == earlier.source_id:
            for relay_id in later.via_ids:
                if relay_id not in earlier.via_ids:
                    earlier.via_ids.append(relay_id)


def _lead_relay(reading: ParagraphState) -> str | None:
    """كشفت صحيفة "فايننشال تايمز"...: the outlet the whole article relays."""
    said = reading.said.get(0)
    if said and said.subject and said.subject.type == "media":
        return reading.book.get(said.source_id).name
    return None


def _freeze(text: str, d: Draft, book: SourceBook) -> Quote:
    entry = book.get(d.source_id) if d.source_id else None
    role = d.role or (entry.roles[0] if entry and entry.roles else None)  # titles found anywhere
    return Quote(d.start, d.end, text[d.start:d.end], d.kind, d.paragraph,
                 entry.name if entry else None, d.speaker_ar, d.source_id, role,
                 d.cue.text if d.cue else None, d.cue_lemma, d.cue.start if d.cue else None,
                 tuple(book.get(v).name for v in d.via_ids), d.how)


def _no_speaker(start: int, code: str = "no_speaker") -> Diagnostic:
    return Diagnostic(code, start, f"No speaker found for the quote at character {start}.",
                      f"لم يُعثر على قائل للاقتباس عند الحرف {start}.")


def _mentions(text: str, paragraph: int, tokens, book: SourceBook) -> list[Mention]:
    """Known entities named in a paragraph; a title before a known person is added to its roles."""
    found = []
    for first, end, entity in find_mentions(tokens):
        start = tokens[first].start + len(tokens[first].text) - len(
            drop_letters(tokens[first].text, proclitic_length(tokens, first)))
        found.append(Mention(start, tokens[end - 1].end, text[start:tokens[end - 1].end],
                             entity.id, entity.en, entity.type, paragraph))
        role = role_before(text, tokens, first) if entity.type == "person" else None
        if role:
            book.add_role(entity.id, role)
    return found


def _boilerplate_quotes(text: str, blocks) -> tuple[Quote, ...]:
    """Quotes in related-news headlines, each headline read on its own (no carried speakers)."""
    quotes = []
    for block in blocks:
        for start, end in block_lines(text, block)[1:]:
            line = Paragraph(start, end, text[start:end], -1 - block.index, True)
            book = SourceBook()
            reading = read_paragraph(text, line, [], book)
            quotes.extend(_freeze(text, d, book) for d in sorted(reading.quotes, key=lambda d: d.start))
    return tuple(quotes)
