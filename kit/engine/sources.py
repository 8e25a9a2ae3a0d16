"""The source book: every source the article cites, how it was written, and who spoke last.

It resolves the references an article makes back to a source it already named: a definite
noun (الصحيفة → the outlet introduced as صحيفة "فايننشال تايمز"), a surname, a known entity
named again, and verbs with no subject (وأضاف، وقالت) by recency and gender.
"""
from dataclasses import dataclass, field
from functools import lru_cache

from .arabic import Token, drop_letters, normalize
from .lexicon import word_set
from .model import Gender, Source, SourceType
from .source_kinds import category, gender_label
from .subjects import NAME_LINKS, SAME_WORDS, Subject


@dataclass
class _Entry:
    id: str
    name: str
    type: SourceType
    gender: Gender
    head: str | None                       # the noun it was introduced with (صحيفه، وزاره)
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)   # every phrase that resolved to it
    verb_gender: Gender = ""   # how the article's verbs agree with a plural (ذكرت مصادر: "f")


def _source_type(subject: Subject) -> SourceType:
    """A place cited as a source (وفقا لواشنطن) speaks through its authorities: a body."""
    return "body" if subject.type == "place" else subject.type


def refers_back(subject: Subject, source_type: SourceType) -> bool:
    """Does the phrase name a person or nameless source again by a title or noun (الوزيرة،
    وزير الخارجية الأمريكي، المصادر) rather than by a name?"""
    return source_type in ("person", "anonymous") and bool(
        subject.anaphor or (subject.type == "official" and not subject.entity))


class SourceBook:
    def __init__(self):
        self._entries: dict[str, _Entry] = {}
        self._by_key: dict[str, str] = {}     # normalised form or surname -> id
        self._first_names: dict[str, set[str]] = {}   # a person's first name -> ids of who bears it
        self._recent: dict[str, None] = {}    # ids, most recent last (each once: an ordered set)
        self._early_roles: dict[str, list[str]] = {}   # titles seen before the entity spoke
        self.guest: str | None = None   # whom an interview (حوار مع فلان) gives its answers to
        self.marked_names: dict[str, str] = {}   # words in marks read as a name -> its label

    def add(self, subject: Subject, head: str | None = None, touch: bool = True) -> str:
        """The id of the source `subject` names, creating it if the article has not cited it yet
        (touch=False: known from now on, but not the latest speaker)."""
        source_id = self._resolve(subject)
        if source_id is None:
            source_id = subject.entity.id if subject.entity else f"src{len(self._entries) + 1}"
            self._entries[source_id] = _Entry(
                source_id, subject.entity.en if subject.entity else subject.name,
                _source_type(subject), subject.gender, head, roles=self._early_roles.pop(source_id, []))
            self._index(source_id, subject.name)
        entry = self._entries[source_id]
        self._note(entry.mentions, subject.name)
        if not refers_back(subject, entry.type):   # "الوزيرة" is not her name
            self._note(entry.forms, subject.name)
        if subject.role:
            self._note(entry.roles, subject.role)
        if head and not entry.head:
            entry.head = head
        if touch:
            self.touch(source_id)
        return source_id

    def agree(self, source_id: str, gender: Gender) -> None:
        """A verb's gender (تقول، نفت) outweighs a guess from the first-name list: بوعلام is a
        man's first name and a woman's family name."""
        entry = self._entries[source_id]
        if entry.type == "person" and gender in ("m", "f"):
            entry.gender = gender
        elif entry.gender == "pl" and gender:   # ذكرت مصادر … وأكدت: sources take a feminine verb
            entry.verb_gender = gender

    def add_role(self, source_id: str, role: str) -> None:
        roles = self._entries[source_id].roles if source_id in self._entries \
            else self._early_roles.setdefault(source_id, [])
        self._note(roles, role)

    def touch(self, source_id: str) -> None:
        self._recent.pop(source_id, None)
        self._recent[source_id] = None

    def mentioned(self, key: str) -> None:
        """A source named again outside a quote (لكن المنصوري لا يبدو مقتنعا) becomes the most
        recent one, so a following verb with no subject refers to it."""
        source_id = self._by_key.get(key)
        if source_id:
            self.touch(source_id)

    def knows(self, key: str) -> bool:
        """Has the article named a source this way (a full name, a surname)?"""
        return key in self._by_key

    def known_name(self, tokens: list[Token], i: int) -> Subject | None:
        """الجبوري، والحسن: a surname the article already gave, which alone reads like a noun."""
        token = tokens[i]
        key = token.key.removeprefix("و")
        if not self.knows(key):
            return None
        name = token.text if key == token.key else drop_letters(token.text, 1)
        return Subject(i, i + 1, name, None, "person", "")

    def latest(self, gender: Gender = "") -> str | None:
        """The most recent speaker a verb without a subject can refer to, agreeing in gender."""
        for source_id in reversed(self._recent):
            entry = self._entries[source_id]
            have = entry.gender
            if not gender or not have or have == gender or (gender == "m" and have == "pl") \
                    or gender == entry.verb_gender:
                return source_id
        return None

    def get(self, source_id: str) -> _Entry:
        return self._entries[source_id]

    def _resolve(self, subject: Subject) -> str | None:
        """The id of the source a phrase names again: a known entity, a title or a head noun
        that refers back (الوزيرة، الصحيفة), or a name or surname already given."""
        if subject.entity and subject.entity.id in self._entries:
            return subject.entity.id
        if subject.anaphor and subject.type in ("official", "anonymous"):   # الرئيس الأميركي: the American
            return (self._same_title(subject.role) if subject.role else None) or self._titled(subject)
        if subject.anaphor:
            found = self._headed(subject)
            if found is not None:
                return found
        if subject.type == "official" and subject.role:
            found = self._same_title(subject.role)
            if found is not None:
                return found
        key = normalize(subject.name)
        return self._by_key.get(key) or self._first_name_of(subject, key)

    def _first_name_of(self, subject: Subject, key: str) -> str | None:
        """وقالت مي after «الفنانة مي سليم»: a first name alone names the one person the article
        gave it to (two people with that first name: neither)."""
        bearers = self._first_names.get(key, ()) if subject.type == "person" and not subject.role else ()
        return next(iter(bearers)) if len(bearers) == 1 else None

    def _same_title(self, title: str) -> str | None:
        """وأضاف وزير الخارجية الأمريكي after «وزير الخارجية الأمريكي أنتوني بلينكن»: a title
        with no name that begins one of a source's titles (word for word) refers to the latest
        such source."""
        words = _title_words(title)
        if len(words) < 2:
            return None
        for source_id in reversed(self._recent):
            for role in self._entries[source_id].roles:
                for part in role.split("، "):
                    if _title_words(part)[:len(words)] == words:
                        return source_id
        return None

    def _titled(self, subject: Subject) -> str | None:
        """الوزيرة -> the minister named before; المدرب after «الناخب الوطني فلان»: the last
        person."""
        for source_id in reversed(self._recent):
            if self._has_title(self._entries[source_id], subject.anaphor) \
                    and not _other_title(self._entries[source_id], subject.role):
                return source_id
        if subject.type == "official":
            whoever = _the_same_one(subject)   # المتحدث نفسه، معاليه: whatever their post
            return next((source_id for source_id in reversed(self._recent)
                         if self._entries[source_id].type in ("person", "anonymous")
                         and self._entries[source_id].gender in ("", subject.gender)
                         and (whoever or (not _other_title(self._entries[source_id], subject.role)
                                          and not _other_post(self._entries[source_id], subject.anaphor)))), None)
        return None

    @staticmethod
    def _has_title(entry: _Entry, head: str) -> bool:
        """Does one of the source's roles, or its name, start with this head noun (الوزيرة)?"""
        return any(_heads(normalize(part), head) for r in entry.roles for part in r.split("، ") if part) \
            or _heads(normalize(entry.name), head)

    def _headed(self, subject: Subject) -> str | None:
        """الصحيفة after a named outlet: the latest source introduced with this head noun, else
        the latest of the same type."""
        for source_id in reversed(self._recent):
            if self._entries[source_id].head == subject.anaphor:
                return source_id
        for source_id in reversed(self._recent):
            if self._entries[source_id].type == subject.type:
                return source_id
        return None

    def _index(self, source_id: str, name: str) -> None:
        key = normalize(name)
        self._by_key.setdefault(key, source_id)
        words = key.split()
        if len(words) > 1 and self._entries[source_id].type == "person":
            self._by_key.setdefault(words[-1], source_id)   # the surname alone refers back
            if words[0] not in NAME_LINKS and not words[0].startswith("ال"):
                self._first_names.setdefault(words[0], set()).add(source_id)
            for word in words[1:-1]:   # صباح العبدالله الصباح, later العبدالله: a father's name too
                if word.startswith("ال"):
                    self._by_key.setdefault(word, source_id)

    @staticmethod
    def _note(values: list[str], value: str) -> None:
        if value and value not in values:
            values.append(value)

    def freeze(self, quotes) -> tuple[Source, ...]:
        """The sources that speak or relay at least one quote, in order of first citation."""
        spoken: dict[str, list[int]] = {}
        relayed: dict[str, list[int]] = {}
        for n, quote in enumerate(quotes):
            if quote.source_id:
                spoken.setdefault(quote.source_id, []).append(n)
            for relay_id in quote.via_ids:
                relayed.setdefault(relay_id, []).append(n)
        return tuple(Source(e.id, e.name, e.forms[0] if e.forms else e.name, e.type,
                            tuple(e.roles), tuple(e.forms), tuple(spoken.get(e.id, ())),
                            tuple(relayed.get(e.id, ())), e.gender, tuple(e.mentions),
                            category(e.type, tuple(e.roles)), gender_label(e.gender, e.type))
                     for e in self._entries.values() if e.id in spoken or e.id in relayed)


def _the_same_one(subject: Subject) -> bool:
    """المتحدث نفسه، المسؤول ذاته (the same), معاليه (his Excellency): the phrase names the one
    spoken of last, not a holder of the title."""
    words = normalize(subject.role or "").split()
    return subject.anaphor in word_set("honorific_pronouns") or (bool(words) and words[-1] in _SAME)


_SAME = frozenset(normalize(word) for word in SAME_WORDS)


def _other_title(entry: _Entry, role: str | None) -> bool:
    """Does the source hold the same head title with another nationality (الرئيس الأوكراني for
    الرئيس الأميركي)? Then the title names someone else. وزير الخارجية الأردني is still «الوزير
    الأردني», and «الوزير المستقيل» anyone who is a minister."""
    words = _title_words(role or "")
    nisbas = {word for word in words[1:] if word.endswith("ي")}
    if not nisbas:
        return False
    same_head = [set(part[1:]) for r in entry.roles for part in map(_title_words, r.split("، "))
                 if part and part[0] == words[0]]
    if any(nisbas <= part for part in same_head):
        return False
    return any(word.endswith("ي") for part in same_head for word in part)


def _other_post(entry: _Entry, head: str | None) -> bool:
    """Does the source hold only posts other than this bare title's (وقال المدير after «المدرب
    فلان»)? Ranks such as الدكتور go with any post; same_person_titles lists posts that may name
    one person (المدرب، الناخب، المدير الفني)."""
    posts = {words[0] for r in entry.roles for words in map(_title_words, r.split("، ")) if words} & _posts()
    return bool(head) and bool(posts) and not any(_same_post(post, head) for post in posts)


@lru_cache(maxsize=1)
def _posts() -> frozenset:
    return frozenset(w.removeprefix("ال") for w in word_set("role_heads") if " " not in w) \
        - {w.removeprefix("ال") for w in word_set("rank_titles")}


def _same_post(post: str, head: str) -> bool:
    return post == head or any({post, head} <= set(group.split()) for group in word_set("same_person_titles"))


def _title_words(title: str) -> list[str]:
    """A title's normalised words, its first without a conjunction or the article (ووزير
    الخارجية and الوزير الخارجية compare alike with وزير الخارجية)."""
    words = normalize(title).split()
    if words and words[0].startswith(("وو", "فو")):
        words[0] = words[0][1:]
    if words and words[0].startswith(("وال", "فال")):
        words[0] = words[0][1:]
    if words:
        words[0] = words[0].removeprefix("ال")
    return words[:1] + [word for word in words[1:] if word not in word_set("title_fillers")]   # مدرب (فريق) الرائد


def _heads(phrase: str, head: str) -> bool:
    """Does the normalised phrase start with this head noun? (المصدر for «مصدرا في لجنة…»: the
    article and an accusative ا do not count.)"""
    first = (phrase.split() or [""])[0].removeprefix("ال")
    return first == head or (first.endswith("ا") and first[:-1] == head)

