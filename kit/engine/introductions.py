"""People a sentence introduces before they say anything, so that a later verb with no subject
(ويقول، وتضيف، لكنه قال) can refer to them: the sentence's topic or its first verb's subject
(يقف الحبيب المنصوري بين أشجاره)، someone singled out of a crowd (بينهم فلانة)، a name before a
colon opening the sentence (بايدن: ...). Datelines (عمّان (رويترز) -) are skipped first.

A part of `attribution.ParagraphReader`: it reads the reader's tokens, marks and source book.
"""
import re
from bisect import bisect_left

from .arabic import stems
from .lexicon import word_set
from .reading import Said
from .subjects import Subject, gap, introduces_someone, is_given_name, parse_subject, skip_openers

# عمّان (رويترز) - / صفاقس- / رام الله - «القدس» -: a place (and agency or paper) opens the article
DATELINE = re.compile(r"(?:[^.:\n]{0,60}?\)|[^\s.:،\n\-–—]+(?: [^\s.:،\n\-–—]+){0,2})\s*[-–—]\s*"
                      r"(?:[«\"“„‹][^»\"”“›\n]{1,30}[»\"”“›]\s*[-–—]\s*)?")


class Introductions:
    """Adds the people a sentence introduces to the source book."""

    def _introduce_topic(self, span: range) -> None:
        """Someone the sentence is about before they say anything (يقف الحبيب المنصوري بين
        أشجاره، عبّر المدرب فلان عن رضاه، وكانت منظمة اليونسكو قد أدرجت): a later verb with no
        subject (ويقول، لكنه قال، ووصفتها) refers to them."""
        self._introduce_subject(span)
        self._introduce_among(span)

    def _introduce_subject(self, span: range) -> None:
        """The sentence's topic, or its first verb's subject, when it is surely someone."""
        i = self._past_opening_phrase(skip_openers(self.tokens, self._after_dateline(span), span.stop), span)
        for first in (i, self._after_verb_and_phrase(i + 1, span)):   # the topic, or the verb's subject
            if first >= span.stop or first in self.inside or self.cue_at(first):
                return
            subject = self._topic_at(first, span)
            # يقف متداول في الأربعينيات: someone nameless, after a verb
            if subject and self._introduced(subject, first > i, span):
                self.book.add(subject)
                return
            if first == i and (self.tokens[i].key.startswith("ال") or stems(self.tokens[i].key) & word_set("name_stops")):
                return   # a noun or a preposition opens the sentence, not a verb

    def _topic_at(self, first: int, span: range) -> Subject | None:
        """The phrase at token `first`; أما الطيب، التي...: a surname given before."""
        subject = parse_subject(self.text, self.tokens, first, self._subject_limit(first - 1, span))
        if subject is None or subject.anaphor:
            subject = self._known_name(self.tokens, first) or subject
        return subject

    def _introduced(self, subject: Subject, after_verb: bool, span: range) -> bool:
        """Is the phrase surely someone: a source by its words, one the article named before,
        or after a verb someone nameless or described next (يقضي مامادو كابا، وهو شاب غيني)?"""
        return introduces_someone(subject, self.tokens) or self.book.knows(subject.name) \
            or (after_verb and (subject.type == "anonymous" or self._described_next(subject, span)))

    def _after_verb_and_phrase(self, k: int, span: range) -> int:
        """ووقف إلى جانبها أبو علي: the subject after a verb may follow a short prepositional
        phrase (a preposition and one word)."""
        if k + 2 < span.stop and self.tokens[k].key.lstrip("و") in word_set("opening_prepositions") \
                and not self._after_comma(k + 2):
            return k + 2
        return k

    def _described_next(self, subject: Subject, span: range) -> bool:
        """يقضي مامادو كابا، وهو شاب غيني، ...: a name the sentence goes on to describe."""
        after = subject.end
        return subject.type == "person" and after < span.stop and subject.end - subject.first >= 2 \
            and self._after_comma(after) \
            and self.tokens[after].key in ("وهو", "وهي", "الذي", "التي")

    def _past_opening_phrase(self, i: int, span: range) -> int:
        """في قسم الأورام بأحد مستشفيات بيروت، تجلس...: the token after an opening place or time
        phrase and its comma (i itself when the sentence does not open so)."""
        if i >= span.stop or self.tokens[i].key.lstrip("و") not in word_set("opening_prepositions"):
            return i
        for k in range(i, min(span.stop - 1, i + 12)):
            if k in self.inside or self.cue_at(k):
                return i
            if self._after_comma(k + 1):
                return k + 1
        return i

    def _introduce_among(self, span: range) -> None:
        """تجمع عشرات المنخرطين، بينهم فاطمة الزهراء العلوي: the person singled out of a crowd."""
        for k in span:
            if self.tokens[k].key in word_set("among_words") and k + 1 < span.stop and k + 1 not in self.inside:
                subject = parse_subject(self.text, self.tokens, k + 1, self._subject_limit(k, span))
                if subject and introduces_someone(subject, self.tokens):
                    self.book.add(subject)

    def _after_dateline(self, span: range) -> int:
        """The first token after a dateline such as «صفاقس (تونس) (أ ف ب) -», else span.start."""
        if not span:
            return span.start
        start = self.tokens[span.start].start
        match = DATELINE.match(self.text, start, self.tokens[min(span.stop, span.start + 10) - 1].end)
        return bisect_left(self.starts, match.end(), span.start, span.stop) if match else span.start

    def _headline_speaker(self, span: range) -> None:
        """بايدن: الرد العسكري "جاوز الحد" — a name and a colon open the sentence."""
        if not span or self.cue_at(span.start):
            return
        subject = parse_subject(self.text, self.tokens, span.start, self._subject_limit(span.start - 1, span))
        plain = subject and subject.type == "person" and not subject.role and not subject.entity
        if plain and not is_given_name(self.tokens[subject.first]) and subject.end - subject.first > 2:
            return   # تختم منى حديثها بسؤال: a sentence, not a name, before the colon
        if subject and subject.type != "anonymous" and ":" in gap(self.text, self.tokens, subject.end - 1):
            self.said[span.start] = Said(self.book.add(subject), subject, "named before a colon")
