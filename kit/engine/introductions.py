"""People a sentence introduces before they say anything, so that a later verb with no subject
(ويقول، وتضيف، لكنه قال) can refer to them: the sentence's topic or its first verb's subject
(يقف الحبيب المنصوري بين أشجاره)، someone singled out of a crowd (بينهم فلانة)، a name before a
colon opening the sentence (بايدن: ...). Datelines (عمّان (رويترز) -) are skipped first.

Plain functions of the paragraph's `ParagraphState`: its tokens, marks and source book.
"""
import re
from bisect import bisect_left

from .arabic import stems
from .lexicon import word_set
from .reading_state import ParagraphState, Said
from .subjects import (Subject, gap, introduces_someone, is_given_name, opens_title, skip_openers,
                       verb_read_as_name)

# عمّان (رويترز) - / صفاقس- / رام الله - «القدس» -: a place (and agency or paper) opens the article
DATELINE = re.compile(r"(?:[^.:\n]{0,60}?\)|[^\s.:،\n\-–—]+(?: [^\s.:،\n\-–—]+){0,2})\s*[-–—]\s*"
                      r"(?:[«\"“„‹][^»\"”“›\n]{1,30}[»\"”“›]\s*[-–—]\s*)?")


def introduce_topic(state: ParagraphState, span: range) -> None:
    """Someone the sentence is about before they say anything (يقف الحبيب المنصوري بين
    أشجاره، عبّر المدرب فلان عن رضاه، وكانت منظمة اليونسكو قد أدرجت): a later verb with no
    subject (ويقول، لكنه قال، ووصفتها) refers to them."""
    _introduce_subject(state, span)
    _introduce_among(state, span)
    _introduce_listed(state, span)


def _introduce_subject(state: ParagraphState, span: range) -> None:
    """The sentence's topic, or its first verb's subject, when it is surely someone."""
    i = _past_opening_phrase(state, skip_openers(state.tokens, _after_dateline(state, span), span.stop), span)
    for first in (i, _after_verb_and_phrase(state, i + 1, span)):   # the topic, or the verb's subject
        if first >= span.stop or first in state.inside or state.cue_at(first):
            return
        subject = _topic_at(state, first, span)
        # يقف متداول في الأربعينيات: someone nameless, after a verb
        if subject and _introduced(state, subject, first > i, span):
            state.book.add(subject)
            return
        key = state.tokens[i].key
        if first == i and (key.startswith("ال") or stems(key) & word_set("name_stops")):
            return   # a noun or a preposition opens the sentence, not a verb


def _topic_at(state: ParagraphState, first: int, span: range) -> Subject | None:
    """The phrase at token `first`; أما الطيب، التي...: a surname given before."""
    subject = state.subject_at(first, state.subject_limit(first - 1, span))
    if subject is None or subject.anaphor:
        subject = state.known_name(state.tokens, first) or subject
    return subject


def _introduced(state: ParagraphState, subject: Subject, after_verb: bool, span: range) -> bool:
    """Is the phrase surely someone: a source by its words, one the article named before,
    or after a verb someone nameless or described next (يقضي مامادو كابا، وهو شاب غيني)?"""
    return introduces_someone(subject, state.tokens) or state.book.knows(subject.name) \
        or (after_verb and (subject.type == "anonymous" or _described_next(state, subject, span)))


def _after_verb_and_phrase(state: ParagraphState, k: int, span: range) -> int:
    """ووقف إلى جانبها أبو علي: the subject after a verb may follow a short prepositional
    phrase (a preposition and one word)."""
    if k + 2 < span.stop and state.tokens[k].key.lstrip("و") in word_set("opening_prepositions") \
            and not state.after_comma(k + 2):
        return k + 2
    return k


def _described_next(state: ParagraphState, subject: Subject, span: range) -> bool:
    """يقضي مامادو كابا، وهو شاب غيني، ...: a name the sentence goes on to describe."""
    after = subject.end
    return subject.type == "person" and after < span.stop and subject.end - subject.first >= 2 \
        and state.after_comma(after) \
        and state.tokens[after].key in ("وهو", "وهي", "الذي", "التي")


def _past_opening_phrase(state: ParagraphState, i: int, span: range) -> int:
    """في قسم الأورام بأحد مستشفيات بيروت، تجلس...: the token after an opening place or time
    phrase and its comma (i itself when the sentence does not open so)."""
    if i >= span.stop or state.tokens[i].key.lstrip("و") not in word_set("opening_prepositions"):
        return i
    for k in range(i, min(span.stop - 1, i + 12)):
        if k in state.inside or state.cue_at(k):
            return i
        if state.after_comma(k + 1):
            return k + 1
    return i


def _introduce_among(state: ParagraphState, span: range) -> None:
    """تجمع عشرات المنخرطين، بينهم فاطمة الزهراء العلوي: the person singled out of a crowd."""
    for k in span:
        if state.tokens[k].key in word_set("among_words") and k + 1 < span.stop and k + 1 not in state.inside:
            subject = state.subject_at(k + 1, state.subject_limit(k, span))
            if subject and introduces_someone(subject, state.tokens):
                state.book.add(subject)


_LISTED_WORDS = 16   # a title and a name in a list: رئيس لجنة سوق العمل في غرفة تجارة البحرين خليل الحايكي


def _introduce_listed(state: ParagraphState, span: range) -> None:
    """وحضر الوزير فلان، النائب علي عمار، رئيس البلدية معن خليل: each title and name set off by
    a comma, in a sentence that reports no speech, is someone the article now knows, so that
    the bare title later (لفت رئيس البلدية) names them."""
    commas = state.commas_between(span.start + 1, span.stop)
    if not commas or any(state.cue_at(k) for k in span):
        return   # a sentence that reports speech names its speaker, not a list of people present
    for k, stop in zip(commas, [*commas[1:], span.stop], strict=True):   # an item ends at the next comma
        if k in state.inside or not opens_title(state.tokens[k]):
            continue
        item = range(k, min(stop, k + _LISTED_WORDS))
        subject = state.subject_at(k, state.subject_limit(k - 1, item))
        if subject and subject.type == "person" and subject.role and _first_name_in(state, subject):
            state.book.add(subject, touch=False)


def _first_name_in(state: ParagraphState, subject: Subject) -> bool:
    """Does the phrase's name start with a first name (not أمين عام جمعية الصداقة, whose
    "name" is a body)?"""
    name = subject.name.split()[0]
    return any(is_given_name(state.tokens[j]) and state.tokens[j].text == name
               for j in range(subject.first, subject.end))


def _after_dateline(state: ParagraphState, span: range) -> int:
    """The first token after a dateline such as «صفاقس (تونس) (أ ف ب) -», else span.start."""
    if not span:
        return span.start
    start = state.tokens[span.start].start
    match = DATELINE.match(state.text, start, state.tokens[min(span.stop, span.start + 10) - 1].end)
    return bisect_left(state.starts, match.end(), span.start, span.stop) if match else span.start


def headline_speaker(state: ParagraphState, span: range) -> None:
    """بايدن: الرد العسكري "جاوز الحد" — a name and a colon open the sentence."""
    if not span or state.cue_at(span.start):
        return
    subject = state.subject_at(span.start, state.subject_limit(span.start - 1, span))
    plain = subject and subject.type == "person" and not subject.role and not subject.entity
    if plain and not is_given_name(state.tokens[subject.first]) and subject.end - subject.first > 2:
        return   # تختم منى حديثها بسؤال: a sentence, not a name, before the colon
    if subject and verb_read_as_name(state.tokens[subject.first], subject):
        return   # واسترسل: «…»: a verb of saying the word lists lack, not a name
    if subject and subject.type != "anonymous" and ":" in gap(state.text, state.tokens, subject.end - 1):
        state.said[span.start] = Said(state.book.add(subject), subject, "named before a colon")
