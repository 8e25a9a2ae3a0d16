"""Who is speaking: read the subject phrase after (or just before) a reporting verb.

Handles known names (the gazetteer), role-then-name (الرئيس الأميركي جو بايدن), name-then-role
after a comma (آرون ديفيد ميلر، الزميل البارز في...), outlets (صحيفة "فايننشال تايمز"),
official bodies (وزارة الخارجية), anonymous sources (مصادر مطلعة، مسؤول طلب عدم الكشف عن
اسمه) and definite nouns that refer back (الصحيفة، الوزارة).

Limits: rule-based; an unknown name is at most four words; a role is recognised only when its
head noun is in `attribution_words.json`.
"""
from dataclasses import dataclass, replace
from functools import lru_cache

from .arabic import (TASHKEEL, TATWEEL, Token, stems, normalize, drop_letters, without_proclitics,
                     ends_with_ta_marbuta, without_possessive)
from .entities import match_entity, proclitic_length
from .cues import cue_of, is_complementizer
from .lexicon import Entity, word_set, read_json, given_names
from .model import Gender, SourceType
from .quote_marks import MARKS

HARD_BREAKS = set(":.!?؟؛;…\n") | set(MARKS)
COMMAS = set("،,")
_PHRASE_BREAKS = frozenset(HARD_BREAKS | COMMAS)
SAME_WORDS = ("ذاته", "نفسه", "ذاتها", "نفسها")   # المسؤول ذاته، المصادر نفسها: the one named before


@dataclass(frozen=True, slots=True)
class Subject:
    first: int                 # first token of the phrase
    end: int                   # token index after the phrase (role included)
    name: str                  # the name as written (or the whole phrase for anonymous/role-only)
    entity: Entity | None
    type: SourceType
    gender: Gender
    role: str | None = None
    anaphor: str | None = None  # normalised head noun when the phrase refers back (صحيفه)


@lru_cache(maxsize=1)
def _extra() -> dict:
    raw = read_json("attribution_extra.json")
    return {k: [tuple(normalize(p).split()) for p in v] for k, v in raw.items() if isinstance(v, list)}


def gap(text: str, tokens: list[Token], k: int) -> str:
    """The characters between token k and token k+1."""
    return text[tokens[k].end:tokens[k + 1].start] if k + 1 < len(tokens) else ""


def _joined(text: str, tokens: list[Token], k: int) -> bool:
    """True when nothing but spaces separates token k from token k+1."""
    between = gap(text, tokens, k)
    return between == " " or _PHRASE_BREAKS.isdisjoint(between)


def _in(token: Token, list_name: str) -> bool:
    return _key_in(token.key, list_name)


@lru_cache(maxsize=1 << 17)
def _key_in(key: str, list_name: str) -> bool:
    """Is a word (its normalised key) in a word list? Asked again for every word each time a
    phrase is read, so answered once per word and list."""
    if list_name in ("name_stops", "sentence_adverbs"):   # function words: only و/ف in front (وفي)
        words = word_set(list_name)
        return key in words or (len(key) > 2 and key[0] in "وف" and key[1:] in words)
    return bool(stems(key) & word_set(list_name))


def _head(tokens: list[Token], i: int, end: int, list_name: str) -> int:
    """Length in tokens (0, 1 or 2) of a head noun from `list_name` at token i (a title may carry
    a possessive: رئيستها، مديره)."""
    if i + 1 < end and _has_pairs(list_name) and tokens[i].key + " " + tokens[i + 1].key in word_set(list_name):
        return 2
    # مستشارة (ة as written) is a woman adviser, not مستشار + ه "his adviser"
    may_own = list_name == "role_heads" and not ends_with_ta_marbuta(tokens[i].text)
    return _one_word_head(tokens[i].key, list_name, may_own)


@lru_cache(maxsize=64)
def _has_pairs(list_name: str) -> bool:
    """Does the word list hold two-word entries?"""
    return any(" " in w for w in word_set(list_name))


@lru_cache(maxsize=1 << 17)
def _one_word_head(key: str, list_name: str, may_own: bool) -> int:
    """1 when the word is a head noun of the list, itself or (`may_own`) with a possessive."""
    if _key_in(key, list_name):
        return 1
    owned = without_possessive(key) if may_own else None
    return 1 if owned and stems(owned) & word_set(list_name) else 0


def _span_text(text: str, tokens: list[Token], first: int, end: int) -> str:
    """The words from token `first` to token `end - 1` as written; the first as its token has
    it (وفقا للناطقة: the name read is الناطقة, though the text has لناطقة after the ل)."""
    return tokens[first].text + text[tokens[first].end:tokens[end - 1].end]


def parse_subject(text: str, tokens: list[Token], i: int, end: int, sources_only: bool = False) -> Subject | None:
    """The subject phrase starting at token i (adverbs such as أيضا skipped), not past `end`.
    `sources_only`: only a phrase that can name a known entity or refer back (a known name, an
    outlet or body, a title, a nameless source), for callers that want no other."""
    while i < end and (_in(tokens[i], "sentence_adverbs") or tokens[i].key in word_set("honorifics")):
        i += 1
        if tokens[i - 1].key.startswith("ب") and i < end and not _definite(tokens[i]) \
                and not is_given_name(tokens[i]) and not _head(tokens, i, end, "role_heads"):
            i += 1   # بصوت خافت: the adjective goes with the adverb
    if i >= end or _stop_word(tokens[i]):
        return None
    for reader in _SOURCE_READERS if sources_only else _READERS:
        subject = reader(text, tokens, i, end)
        if subject:
            return _with_apposition(text, tokens, _described_nameless(text, tokens, subject, end), end)
    return None


def _stop_word(token: Token) -> bool:
    """A function word (في، إن، قد…) that neither starts nor ends a subject."""
    return _in(token, "name_stops") and not _written_as_name(token)


def _written_as_name(token: Token) -> bool:
    """علي (the name) is written with ي where على (on) has ى; both normalise alike."""
    return token.text.endswith("ي") and is_given_name(token)


def _known_entity(text, tokens, i, end) -> Subject | None:
    match = match_entity(tokens, i)
    if not match or match[0] > end or match[1].type == "place":
        return None
    stop, entity = match
    name = drop_letters(_span_text(text, tokens, i, stop), proclitic_length(tokens, i))
    return Subject(i, stop, name, entity, entity.type, entity.gender)


def _outlet_or_body(text, tokens, i, end) -> Subject | None:
    """An outlet or a body by its head noun: صحيفة "فايننشال تايمز"، وزارة الخارجية، الصحيفة."""
    for list_name, kind in (("media_heads", "media"), ("body_heads", "body")):
        size = _head(tokens, i, end, list_name)
        if size:
            return _headed_phrase(text, tokens, (i, i + size), end, list_name, kind)
    return None


def _headed_phrase(text, tokens, head: tuple[int, int], end, list_name: str, kind: SourceType) -> Subject:
    """The outlet or body whose head noun runs over the token range `head`: its known or quoted
    name, or the words of its name that follow."""
    i, stop = head
    gender = "f" if _head(tokens, i, end, "feminine_heads") else "m"
    named = _entity_after_head(text, tokens, i, stop, end, gender) or _quoted_after_head(
        text, tokens, (i, stop), end, kind, gender)
    if named:
        return named
    whole = match_entity(tokens, i)                     # وزارة الخارجية الأميركية
    if whole and whole[0] <= end:
        return _known_entity(text, tokens, i, end)
    stop = _body_name_end(text, tokens, i, stop, end)
    readings = stems(tokens[i].key)
    head_key = min(readings & word_set(list_name), key=len, default=tokens[i].key)
    definite = "ال" + head_key in readings
    phrase = without_proclitics(tokens[i].text, tokens[i].key, "ال" + head_key if definite else head_key) \
        + text[tokens[i].end:tokens[stop - 1].end]
    anaphor = head_key if definite and stop == head[1] else None
    return Subject(i, stop, phrase, None, kind, gender, anaphor=anaphor)


def _entity_after_head(text, tokens, i, stop, end, gender: Gender) -> Subject | None:
    """صحيفة "فايننشال تايمز": a known entity named right after the head noun."""
    if stop < end and match_entity(tokens, stop):
        after, entity = match_entity(tokens, stop)
        if after <= end:
            return Subject(i, after, _span_text(text, tokens, stop, after), entity,
                           entity.type, entity.gender or gender)
    return None


def _quoted_after_head(text, tokens, head: tuple[int, int], end, kind: SourceType,
                       gender: Gender) -> Subject | None:
    """صحيفة "الأهرام": a name in quotation marks right after the head noun (four words at most)."""
    i, stop = head
    if not (stop < end and set(gap(text, tokens, stop - 1)) & set(MARKS)):
        return None
    name_end = stop + 1
    while name_end < min(end, stop + 4) and not set(gap(text, tokens, name_end - 1)) & set(MARKS):
        name_end += 1
    return Subject(i, name_end, _span_text(text, tokens, stop, name_end), None, kind, gender)


def _body_name_end(text, tokens, i, stop, end) -> int:
    """The token after the words of a body's name, from `stop` (after its head noun): نقابة
    سائقي الحافلات، الاتحاد التونسي للفلاحة والصيد البحري."""
    if not tokens[i].key.lstrip("وف").startswith("ال") and stop < end and _joined(text, tokens, stop - 1) \
            and not _in(tokens[stop], "name_stops") and not tokens[stop].key.startswith("ال"):
        stop += 1   # an indefinite head takes its genitive: نقابة سائقي الحافلات
    while stop < end and _joined(text, tokens, stop - 1) and not _in(tokens[stop], "name_stops") \
            and _continues_name(tokens, stop, i):   # الاتحاد التونسي للفلاحة والصيد البحري
        stop += 1
    return stop


def _quoted_name_end(text: str, tokens: list[Token], k: int, end: int) -> int | None:
    """The token after a short name in quotation marks opening right after token k - 1
    (رابطة «حقوق المودعين»), when the phrase goes on after it; else None."""
    if not (0 < k < end and set(gap(text, tokens, k - 1)) & set(MARKS)):
        return None
    for close in range(k, min(end - 1, k + 4)):
        after = gap(text, tokens, close)
        if set(after) & set(MARKS):
            return close + 1 if after.strip() in MARKS and after.endswith(" ") else None
    return None


def _continues_name(tokens: list[Token], k: int, head: int) -> bool:
    """Does the definite word at k still belong to the name of a body? A genitive right after
    the head or after an indefinite word (نقابة المعلمين، رابطة حقوق المودعين), a word with
    لل/وال (للفلاحة والصيد), or an adjective (التونسي، العامة); not a second noun, which is
    the verb's object (ورفضت نقابة المعلمين القرار)."""
    key, before = tokens[k].key, tokens[k - 1].key
    if key.startswith(("لل", "وال")):
        return True
    if not key.startswith("ال"):
        return False
    genitive = k == head + 1 and not _definite(tokens[head])   # الحكومة الاقتراح: a definite head takes none
    return genitive or not before.lstrip("وف").startswith(("ال", "لل")) or _is_nisba(tokens[k]) \
        or key in word_set("name_adjectives")


def _role_then_name(text, tokens, i, end) -> Subject | None:
    """A title, then the name it introduces: الرئيس الأميركي جو بايدن / محافظ حلب فلان / a title
    alone (الوزير)."""
    size = _head(tokens, i, end, "role_heads")
    if not size:
        return None
    known = _known_person_in_title(text, tokens, i, i + size, end)
    if known:
        return known
    stop = _name_further_on(text, tokens, _title_end(text, tokens, i, i + size, end), end)
    quoted = _quoted_name_end(text, tokens, stop, end)   # رئيسة رابطة «حقوق المودعين» المحامية...
    stop = quoted or stop
    role = _span_text(text, tokens, i, stop) + (text[tokens[stop - 1].end] if quoted else "")
    gender = _title_gender(tokens, i, end)
    name_at, name_end = _name_after_title(text, tokens, i, stop, end, quoted)
    if name_end > name_at and not _in(tokens[name_at], "role_heads"):
        return Subject(i, name_end, _span_text(text, tokens, name_at, name_end), None, "person",
                       name_gender(tokens, name_at) or gender, role=role)
    return _titled_name_after_comma(text, tokens, i, stop, end, gender) \
        or _title_alone(text, tokens, (i, i + size, stop), end, gender, role)


def _known_person_in_title(text, tokens, i, stop, end) -> Subject | None:
    """رئيس الوزراء الإسرائيلي بنيامين نتنياهو: a known person named within the title's words."""
    for k in range(stop, min(end, stop + 6)):
        match = match_entity(tokens, k)
        if match and match[0] <= end and match[1].type == "person":
            role = _span_text(text, tokens, i, k)
            return Subject(i, match[0], _span_text(text, tokens, k, match[0]), match[1], "person",
                           match[1].gender, role=role.rstrip("، ,"))
        if not _joined(text, tokens, k - 1) and k > stop:
            break
    return None


@lru_cache(maxsize=1)
def _title_links() -> set[str]:
    """Words that carry a title on to its domain (the first word of a role link or genitive)."""
    return {p[0] for p in _extra()["role_links"]} | {p[0] for p in _extra()["role_genitives"]}


def _title_end(text, tokens, i, stop, end) -> int:
    """The token after a title's words, from `stop` (after its head noun): محافظ حلب، كاتبة
    الدولة المكلفة بالماء، رئيس الاتحاد العام التونسي للشغل."""
    owned = stop == i + 1 and not _key_in(tokens[i].key, "role_heads")   # مخرجه فلان: "his director"
    if not tokens[i].key.lstrip("وف").startswith("ال") and not owned and stop < end and _joined(text, tokens, stop - 1):
        stop += 1   # an indefinite title is followed by its genitive: محافظ حلب، كاتبة الدولة
    first_stop = stop
    while stop < end and _joined(text, tokens, stop - 1) and _continues_title(text, tokens, stop, end):
        stop += 1
    while stop > first_stop and tokens[stop - 1].key in _title_links():
        stop -= 1   # الوزير في تصريح صحفي: a link with nothing of the title after it is not the title's
    return stop


def _continues_title(text, tokens, k, end) -> bool:
    """Does token k still belong to the title (a link word, a body, a definite word, or the word
    after a link)?"""
    links = _title_links()
    if _purpose(tokens, k, end) or (tokens[k - 1].key == "في" and _in(tokens[k], "occasion_nouns")):
        return False   # وزير الخارجية في المؤتمر الصحفي: the occasion, not the title
    return tokens[k].key in links or _body_in_title(text, tokens, k, end) or _and_title(tokens, k) or (
        _and_title(tokens, k - 1) and not _in(tokens[k], "name_stops")) or (
        not _in(tokens[k], "name_stops")
        and (tokens[k].key.startswith(("ال", "بال", "لل", "وال")) or tokens[k - 1].key in links))


def _purpose(tokens, k, end) -> bool:
    """ودعا وزير الداخلية للعمل على…: لل + a verbal noun followed by على/إلى says what for, it
    is not the title's domain (وزير الدولة للشؤون الخارجية)."""
    return tokens[k].key.startswith("لل") and k + 1 < end and tokens[k + 1].key in word_set("clause_prepositions")


def _and_title(tokens, k) -> bool:
    """وزير الخارجية ورئيس مجلس الإدارة فلان: a second title joined by و, with its genitive, is
    the same person's."""
    key = tokens[k].key
    return key[:1] == "و" and len(key) > 3 and _key_in(key[1:], "role_heads")


def _title_gender(tokens, i, end) -> Gender:
    """رئيستها، مستشارة، الأم: "f" for a feminine title, else "m"."""
    key = tokens[i].key if _in(tokens[i], "role_heads") else without_possessive(tokens[i].key) or ""
    feminine = key.endswith("ه") or ends_with_ta_marbuta(tokens[i].text) \
        or _head(tokens, i, end, "feminine_heads")
    return "f" if feminine else "m"


def _name_after_title(text, tokens, i, stop, end, quoted) -> tuple[int, int]:
    """Where the name after a title ending at `stop` starts and ends (equal when there is none;
    the start is `i` when a relative is named by whom she is related to: والدة السليطي)."""
    name_at = _past_rank(tokens, _name_start_after_title(text, tokens, i, stop, end, quoted), end)
    named = name_at < end and not _is_manner(tokens[name_at]) \
        and not _noun_of_construct(text, tokens, name_at, end)   # يضيف الأب مبتسما: no name follows
    name_end = _name_end(text, tokens, name_at, end) if named else name_at
    if name_end == name_at + 1 and name_at == stop and _head(tokens, i, end, "kinship_heads"):
        name_at = i   # والدة السليطي: the relative is the speaker, named by whom she is related to
    if name_at == stop and not _joined(text, tokens, stop - 1) and not _starts_name(tokens, name_at) \
            and name_end < end and not set(gap(text, tokens, name_end - 1)) & (COMMAS | {":"}):
        name_end = name_at   # قائد ميداني، طلب عدم نشر اسمه: after a comma, only a name set off as one
    return name_at, name_end


def _noun_of_construct(text, tokens, k, end) -> bool:
    """تناول المدرب إصابة اللاعب: a verbal noun (propositional_nouns) joined to a definite word
    is the object after the title, not a name (شيخة المعشني is one: only listed nouns count)."""
    return k + 1 < end and _in(tokens[k], "propositional_nouns") and not is_given_name(tokens[k]) \
        and _joined(text, tokens, k) and _definite(tokens[k + 1])


def _name_start_after_title(text, tokens, i, stop, end, quoted) -> int:
    """`stop` when a name may follow the title there, directly or after a comma (كاتبة الدولة
    المكلفة بالماء، سلمى بنعزوز), else `end`."""
    between = set(gap(text, tokens, stop - 1)) - {" "}
    follows = quoted or not between - COMMAS \
        or (stop < end and _starts_name(tokens, stop) and not between - set(MARKS))   # الدكتور “علي الوليدي”
    # ...في جامعة غازي عنتاب: a word after an indefinite body names the body, not a person
    owned = _ends_in_body_name(tokens, i, stop)
    return stop if follows and not owned else end


def _past_rank(tokens, name_at, end) -> int:
    """Past a rank or a nationality before the name: المدير العام للدفاع المدني، العميد سعيد
    البلوشي / مدرب غينيا، الفرنسي ميشال دوبوا (two words at most)."""
    for _ in range(2):
        if name_at + 1 < end and _could_be_name(tokens, name_at + 1) and (
                _in(tokens[name_at], "role_heads") or _is_nisba(tokens[name_at])):
            name_at += 1
    return name_at


def _title_alone(text, tokens, title: tuple[int, int, int], end, gender: Gender, role: str) -> Subject:
    """A title with no name (its head from the first to the second index, its words to the
    third): الوزير / الوزير الأردني / المزارع البالغ (من العمر...) / الوزير المستقيل refer back,
    and so does المسؤول ذاته."""
    i, head_end, stop = title
    head = min(stems(tokens[i].key) & word_set("role_heads"), key=len, default=tokens[i].key)
    definite = tokens[i].key.lstrip("وف").startswith("ال")
    bare = all(_definite(t) or t.key in word_set("age_words") for t in tokens[head_end:stop])
    if stop < end and tokens[stop].key in SAME_WORDS and _joined(text, tokens, stop - 1):
        stop += 1
        role = _span_text(text, tokens, i, stop)
    kin = _head(tokens, i, end, "kinship_heads")   # والدة السليطي is someone else, never a back-reference
    anaphor = head.removeprefix("ال") if bare and definite and not kin else None
    return Subject(i, stop, role, None, "official", gender, role=role, anaphor=anaphor)


def _body_in_title(text, tokens, k, end) -> bool:
    """لاتحاد نقابات العمال / بمجلس النواب / لإحدى النقابات / النائب الأول لرئيس مجلس النواب:
    a body, or a ل-genitive, or the title of the one it serves, inside a title, and the
    indefinite words of its name that lead to a definite one."""
    if tokens[k].key[:1] in "لب" and _heads_body_or_title(tokens[k].key):
        return True
    if tokens[k].key[:1] == "ل" and k + 1 < end and _joined(text, tokens, k) and _definite(tokens[k + 1]):
        return True
    return _in_construct(text, tokens, k, end) and tokens[k - 1].key[:1] in "لب" \
        and _heads_body_or_title(tokens[k - 1].key)


def _heads_body_or_title(key: str) -> bool:
    return bool(stems(key) & word_set("body_heads")) or (key[:1] == "ل" and _key_in(key[1:], "role_heads"))


def _name_further_on(text, tokens, stop, end) -> int:
    """Where the name starts when a title runs on past its last definite word (غرفة تجارة
    درعا، شركة ألفا): the first name or kunya within three words, else `stop` itself."""
    if stop >= end or _starts_name(tokens, stop) or _definite(tokens[stop - 1]) \
            or not _joined(text, tokens, stop - 1):
        return stop   # after a definite word (الروائية السودانية آمنة...) or a comma, the name starts here
    for j in range(stop + 1, min(end, stop + 3)):
        if not _joined(text, tokens, j - 1) or _in(tokens[j - 1], "name_stops") or cue_of(tokens[j - 1]):
            return stop
        if _starts_name(tokens, j):
            return j
    return stop


def _is_manner(token: Token) -> bool:
    """يضيف الأب مبتسما: an accusative participle after a title says how, not who."""
    key = token.key
    return len(key) > 4 and key.startswith("م") and key.endswith("ا") and not is_given_name(token)


def _definite(token: Token) -> bool:
    """الشؤون، للأمم، بالمستشفى، والصحة: a word with the article, after any proclitics (not
    ألمانيا، ألكسيو, whose written hamza shows the alef is the word's own)."""
    key = token.key[1:] if token.key[:1] in "وف" and len(token.key) > 3 else token.key
    return key.startswith(("ال", "لل", "بال", "كال")) and not _hamza_alef(token)


def _hamza_alef(token: Token) -> bool:
    """Is the ا of a seeming article written أ/إ/آ (ألكسيو، وألمانيا، بإلغاء)?"""
    written = TASHKEEL.sub("", token.text).replace(TATWEEL, "")
    key = token.key
    if key[:1] in "وف" and len(key) > 3:
        written, key = written[1:], key[1:]
    if key.startswith(("بال", "كال")):
        written, key = written[1:], key[1:]
    return key.startswith("ال") and written[:1] in ("أ", "إ", "آ")   # للإعلام (لل) keeps its article


def _ends_in_body_name(tokens: list[Token], i: int, stop: int) -> bool:
    """Does the title end in a body and its proper name (في جامعة غازي عنتاب), so that the next
    word still belongs to that name? Not after a definite genitive (وزارة الصحة)."""
    for h in range(stop - 1, max(i, stop - 2) - 1, -1):
        if _in(tokens[h], "body_heads") and not _definite(tokens[h]):
            return not any(_definite(t) for t in tokens[h + 1:stop])
    return False


def _is_nisba(token: Token) -> bool:
    """A definite adjective of origin or kind: الفرنسي، المصرية، المصريين، الدولي."""
    key = token.key
    return key.startswith("ال") and len(key) > 4 and key.endswith(("ي", "يه", "يين", "يون", "يات"))


def _where_from(text, tokens, k, end) -> int:
    """Past the place or body a nameless source belongs to, when it follows at k: في هيئة
    النزاهة، من الحزب، بالسلطة المحلية (a preposition, a noun and its definite words)."""
    if k >= end or not _joined(text, tokens, k - 1):
        return k
    key = tokens[k].key
    if key in ("في", "من") and k + 1 < end and _joined(text, tokens, k):
        stop = k + 2
    elif key.startswith(("بال", "لل")) and not _in(tokens[k], "name_stops"):
        stop = k + 1
    else:
        return k
    return _definite_run(text, tokens, stop, min(end, k + 5))


def _definite_run(text, tokens, k, limit) -> int:
    """The index after the definite words that run on, joined, from token k (not past `limit`;
    function words such as الذي end the run)."""
    while k < limit and _joined(text, tokens, k - 1) and _definite(tokens[k]) \
            and not _in(tokens[k], "name_stops"):
        k += 1
    return k


@lru_cache(maxsize=1)
def _anonymity_phrases() -> list[tuple[str, ...]]:
    return sorted(_extra()["anonymity_phrases"], key=len, reverse=True)   # longest first


def _anonymous(text, tokens, i, end) -> Subject | None:
    """A nameless source: مصادر مطلعة، مسؤول طلب عدم الكشف عن اسمه، موظفا في البلدية، and
    المصادر ذاتها referring back."""
    accusative = tokens[i].key.endswith("ا") and stems(tokens[i].key[:-1]) & word_set("anonymous_heads")
    if not (_head(tokens, i, end, "anonymous_heads") or accusative):   # موظفا في البلدية، ... قال
        return None
    if tokens[i].key.lstrip("وف").startswith("ال"):   # المصادر ذاتها: the sources named before
        stop = i + 1 + (i + 1 < end and tokens[i + 1].key in SAME_WORDS)
        return Subject(i, stop, _span_text(text, tokens, i, stop), None, "anonymous", "",
                       anaphor=tokens[i].key.lstrip("وف").removeprefix("ال"))
    stop = _definite_run(text, tokens, i + 1, min(end, i + 4))   # عنصر الحرس الوطني: its genitive
    while stop < min(end, i + 4) and _joined(text, tokens, stop - 1) and _is_indefinite_nisba(tokens[stop]):
        stop += 1   # مسؤولا محليا، مصدر أمني، دبلوماسيون غربيون
    if stop == i + 1 and tokens[i].key.lstrip("و") in word_set("quantity_words"):
        return None   # أحد ركائز الشركة: "one of" with no people after it is no one
    stop = _past_anonymity_phrases(text, tokens, stop, end)
    stop = _where_from(text, tokens, stop, end)   # مصدر في هيئة النزاهة، مسؤول بالسلطة المحلية
    return Subject(i, stop, _span_text(text, tokens, i, stop), None, "anonymous",
                   _anonymous_gender(tokens, i, end))


def _past_anonymity_phrases(text, tokens, stop, end) -> int:
    """Past the phrases that say a source asked not to be named (طلب عدم الكشف عن اسمه)."""
    phrases = _anonymity_phrases()
    while stop < end and _joined(text, tokens, stop - 1):
        match = next((p for p in phrases if tuple(t.key for t in tokens[stop:stop + len(p)]) == p), None)
        if not match:
            break
        stop += len(match)
    return stop


def _anonymous_gender(tokens, i, end) -> Gender:
    """مصادر: "pl"; مسؤولة: "f"; else "m"."""
    if _head(tokens, i, end, "plural_heads"):
        return "pl"
    return "f" if _head(tokens, i, end, "feminine_heads") else "m"


def _is_indefinite_nisba(token: Token) -> bool:
    """محليا، أمني، غربيون، دبلوماسية: an adjective of origin or kind without the article."""
    key = token.key
    return not _definite(token) and len(key) > 3 and key.endswith(("يا", "ي", "يه", "يون", "يين", "يات"))


def _group(text, tokens, i, end) -> Subject | None:
    """People speaking together: عشرات المودعين، المحتجون، أهالي الحي، ناشطون حقوقيون، and any
    plural noun (مترشحون، متابعون)."""
    if not (_head(tokens, i, end, "group_heads") or _is_plural_noun(tokens[i])):
        return None
    stop = i + 1
    while stop < min(end, i + 4) and _joined(text, tokens, stop - 1) and tokens[stop].key.isalpha() \
            and not _in(tokens[stop], "name_stops") and not cue_of(tokens[stop]):
        stop += 1
    return Subject(i, stop, _span_text(text, tokens, i, stop), None, "group", "pl")


def _is_plural_noun(token: Token) -> bool:
    """مترشحون، المتابعون: a sound masculine plural, not a verb (يقولون) or a given name."""
    key = token.key.lstrip("وف") if len(token.key) > 5 else token.key
    # six letters at least: معاون، قانون، زيتون are singular
    return len(key) > 5 and key.endswith("ون") and not _looks_like_verb(token) and not is_given_name(token)


def introduces_someone(subject: Subject, tokens: list[Token]) -> bool:
    """Is this phrase surely a source, even with no verb of saying? A known entity, a named
    body or outlet, a group, a title with a name, or a name starting with a common first name."""
    if subject.entity:
        return subject.entity.type != "place"
    if subject.type in ("body", "media", "group"):
        return True
    kunya = tokens[subject.first].key in ("ام", "ابو") and subject.end - subject.first > 1   # أم يزن
    return subject.type == "person" and (
        subject.role is not None or is_given_name(tokens[subject.first]) or kunya)


def opens_title(token: Token) -> bool:
    """Is the word a title's head (الوزير، رئيس، مدافع), with a conjunction or not?"""
    return _in(token, "role_heads")   # its stems drop و and ف already


def is_given_name(token: Token) -> bool:
    """A common first name (محمد، الحبيب، فاطمة), with or without و/ف before it."""
    key = token.key
    return key in given_names() or (key[:1] in "وف" and key[1:] in given_names())


def name_gender(tokens: list[Token], k: int) -> Gender:
    """The gender of the first name at token k; a compound (نور الدين) decides as a pair."""
    pair = tokens[k].key.lstrip("وف") + " " + tokens[k + 1].key if k + 1 < len(tokens) else ""
    kunya = {"ام": "f", "ابو": "m"}.get(tokens[k].key.lstrip("وف"), "")   # أم وسيم، أبو رامي
    return kunya or given_names().get(pair) or given_names().get(tokens[k].key.lstrip("وف"), "")


def _starts_name(tokens: list[Token], k: int) -> bool:
    """A common first name, or عبد/أبو/أم that opens a compound one, at token k (no و before)."""
    key = tokens[k].key
    return key in given_names() or (key in ("عبد", "ابو", "ام") and k + 1 < len(tokens))


def _described_name(text, tokens, i, end) -> Subject | None:
    """A title the lexicon does not list, then the name: البحار الستيني عبد الحميد الزواري /
    منسقة الشؤون الإنسانية للأمم المتحدة في السودان كلير دوبوا / محامي المتهم الأول، أشرف
    الدمرداش، (the name directly, after a rank, or set off by commas)."""
    if is_given_name(tokens[i]) or tokens[i].key in NAME_LINKS or _looks_like_verb(tokens[i]):
        return None
    if _origin_before_name(text, tokens, i, end) and not _starts_name(tokens, i + 1):
        return None   # التونسي ناصيف البياوي: a nationality, then a name the kit does not know
    k = i + 1
    while k < min(end, i + 10) and _joined(text, tokens, k - 1) and not _starts_name(tokens, k) \
            and _continues_description(text, tokens, (i, k), end):
        k += 1
    if not _name_after_description(text, tokens, (i, k), end):
        return _titled_name_after_comma(text, tokens, i, k, end, "") if k - i > 1 else None
    stop = _name_end(text, tokens, k, end)
    if stop <= k:
        return None
    gender = name_gender(tokens, k) or ("f" if tokens[i].key.endswith("ه") else "m")
    return Subject(i, stop, _span_text(text, tokens, k, stop), None, "person", gender,
                   role=_span_text(text, tokens, i, k))


def _continues_description(text, tokens, words: tuple[int, int], end) -> bool:
    """Does the token at words[1] go on describing the person whose description starts at
    words[0]? A definite word or a linking preposition, or (right after the first word or after
    في/لدى) an indefinite word with its genitive (اختصاصية طب الأطفال)."""
    i, k = words
    return _describes(tokens[k]) or (
        (k == i + 1 or tokens[k - 1].key in ("في", "لدى")) and _in_construct(text, tokens, k, end))


def _name_after_description(text, tokens, words: tuple[int, int], end) -> bool:
    """Does a name start at words[1], joined to the description from words[0]? A common first
    name, or after a definite word of a longer description any word that could be a name."""
    i, k = words
    return k < end and _joined(text, tokens, k - 1) and (_starts_name(tokens, k) or (
        k - i > 1 and _definite(tokens[k - 1]) and _could_be_name(tokens, k)))


def _looks_like_verb(token: Token) -> bool:
    """فازت، تجلس، حمّل: an indefinite word can head a title only with a noun's shape, ة at the
    end (منسقة، اختصاصية) or the م of a doer (مدير، محامي، متصدر)."""
    key = token.key.lstrip("وف") if len(token.key) > 3 else token.key
    return not _definite(token) and not ends_with_ta_marbuta(token.text) and not key.startswith("م")


def _in_construct(text, tokens, k, end) -> bool:
    """اختصاصية طب الأطفال: an indefinite word whose own genitive follows it."""
    return k + 1 < end and _joined(text, tokens, k) and _definite(tokens[k + 1]) \
        and tokens[k].key.isalpha() and not _in(tokens[k], "name_stops") and not is_given_name(tokens[k])


def _describes(token: Token) -> bool:
    """Can this word continue a title? Definite words (الشؤون، للأمم، بالمستشفى) and the
    prepositions that link a title to its domain (في، باسم، عن)."""
    # not التي
    return (_definite(token) and not _in(token, "name_stops")) or token.key in ("في", "باسم", "عن", "لدى")


def _name_after_comma(text, tokens, stop, end) -> tuple[int, Subject] | None:
    """A name set off by commas after a title's last word: عضو مجلس النواب عن مدينة مصراتة،
    سالم الفيتوري: / أستاذ الاقتصاد في جامعة غازي عنتاب، مراد قايا، (the comma, the name)."""
    for k in range(stop, min(end, stop + 8)):
        between = _gap_after_title(text, tokens, k, stop)
        if between & HARD_BREAKS or cue_of(tokens[k]):
            return None
        if not between & COMMAS:
            continue
        name = (_plain_name(text, tokens, k, end) if _starts_name(tokens, k) else None) or (
            _described_name(text, tokens, k, end) if _definite(tokens[k]) else None)
        if name is None:   # رابح قدور،: two or three words set off by commas, no first name known
            name = _plain_name(text, tokens, k, end)
            name = name if name and 2 <= name.end - k <= 3 else None
        closed = name and (name.end >= end or set(gap(text, tokens, name.end - 1)) & (COMMAS | {":"}))
        return (k, name) if closed else None
    return None


def _gap_after_title(text, tokens, k, stop) -> set[str]:
    """The characters before token k; right after the title (k == stop), a mark closing a name
    within it (محامي جماعة "الإخوان المسلمين" بمصر، فلان) is not a break."""
    between = gap(text, tokens, k - 1)
    return set(between) - set(MARKS) if k == stop and between[:1] in MARKS else set(between)


def _titled_name_after_comma(text, tokens, i, stop, end, gender: Gender) -> Subject | None:
    """The person whose title runs from token i to `stop` and whose name follows after a comma
    (the title keeps the rank written before the name: الأستاذ الجامعي)."""
    later = _name_after_comma(text, tokens, stop, end)
    if not later:
        return None
    comma_at, name = later
    role = _span_text(text, tokens, i, comma_at) + (f"، {name.role}" if name.role else "")
    return Subject(i, name.end, name.name, None, "person", name.gender or gender, role=role)


def _surname_alone(text, tokens, i, end) -> Subject | None:
    """وقال الكركي / أما الزياني فقال: a family name of origin (ال + …ي) standing alone, which no
    word list knows as a title, a body or a group."""
    key = tokens[i].key.lstrip("وف") if len(tokens[i].key) > 4 else tokens[i].key
    alone = i + 1 >= end or not _joined(text, tokens, i) or not _definite(tokens[i + 1])
    if not (key.startswith("ال") and key.endswith("ي") and len(key) > 4 and alone):
        return None
    lists = ("role_heads", "body_heads", "media_heads", "group_heads", "name_stops")
    if any(_in(tokens[i], name) for name in lists):
        return None
    if _origin_before_name(text, tokens, i, end):   # اليوناني دونيس مدرب الخليج، التونسي ناصيف البياوي
        name = _plain_name(text, tokens, i + 1, end)
        foreign = _in(tokens[i], "foreign_origins")
        if name and (foreign or name.end - name.first > 1):
            return replace(name, first=i, role=tokens[i].text)
        if foreign:
            return None
    return Subject(i, i + 1, drop_letters(tokens[i].text, len(tokens[i].key) - len(key)), None, "person", "")


def _origin_before_name(text, tokens, i, end) -> bool:
    """اليوناني دونيس: a foreign nationality right before a word that can be a name (not a verb
    of saying, إن/أن or a word that ends a name) is the person's origin, not their name; so is
    an Arab one (التونسي) before a name of two words or more (its caller checks the length)."""
    k = i + 1
    origin = _in(tokens[i], "foreign_origins") or _in(tokens[i], "arab_origins")
    return k < end and origin and _joined(text, tokens, i) and _could_be_name(tokens, k) \
        and not _in(tokens[k], "name_stops") and not cue_of(tokens[k]) and not is_complementizer(tokens[k])


def _ba_word(token: Token) -> bool:
    """A word starting with ب that is neither a first name (بشير) nor بن/بنت."""
    return token.key.startswith("ب") and not is_given_name(token) and token.key not in NAME_LINKS


def _plain_name(text, tokens, i, end) -> Subject | None:
    if not _could_be_name(tokens, i):
        return None
    stop = _name_end(text, tokens, i, end)
    if stop == i:
        return None
    # a first word written with ة is a feminine noun (مسودة الخطة), not a man's name
    gender = name_gender(tokens, i) or ("f" if ends_with_ta_marbuta(tokens[i].text) else "")
    return Subject(i, stop, _span_text(text, tokens, i, stop), None, "person", gender)


NAME_LINKS = ("بن", "ابن", "ابو", "بنت", "ام", "عبد")


def _could_be_name(tokens: list[Token], i: int) -> bool:
    """Rule out words that are clearly not a name: ال-words, a preposition before a known name
    (لبي بي سي), pronoun-suffixed nouns (اسمه، هويته، حينها), ب + feminine noun (بمرارة)."""
    if is_given_name(tokens[i]):
        return True
    return not (_article_or_function_word(tokens[i]) or _preposition_in_front(tokens, i)
                or _suffixed_noun(tokens[i].key) or _blessing_at(tokens, i))


def _blessing_at(tokens: list[Token], i: int) -> bool:
    """حفظه الله ورعاه، رحمه الله: a blessing, not a name (blessings)."""
    return i + 1 < len(tokens) and f"{tokens[i].key} {tokens[i + 1].key}" in word_set("blessings")


def _article_or_function_word(token: Token) -> bool:
    """الشؤون، للأمم (not ألكسيو), a one-letter word, a number, a sentence adverb (أيضا) or a
    word of quantity (أحد ركائز الشركة)."""
    key = token.key
    article = key.startswith(("ال", "لل")) and not _hamza_alef(token)
    return len(key) < 2 or article or not key.isalpha() or key in word_set("sentence_adverbs") \
        or key in word_set("quantity_words")


def _preposition_in_front(tokens: list[Token], i: int) -> bool:
    """لموقعنا، بإخلاء، لحزب، لكرة القدم: ل or ب written onto a noun, not a name."""
    key = tokens[i].key
    if key.startswith("لم") and len(key) > 4:   # لموقعنا، لمراسلنا: "to our site/reporter"
        return True
    if key.startswith("با"):   # بإخلاء، بانتظار: ب + a noun (باسل, a name, is let through before)
        return True
    if key[0] not in "لب":
        return False
    if proclitic_length(tokens, i) or stems(key) & (word_set("body_heads") | word_set("role_heads")):   # لحزب
        return True
    return key[0] == "ل" and i + 1 < len(tokens) and _definite(tokens[i + 1])   # لكرة القدم، لشؤون اللاجئين


def _suffixed_noun(key: str) -> bool:
    """اسمه، هويته، حينها: a noun with a possessive; بمرارة: ب + a feminine noun."""
    if len(key) > 3 and key.endswith(("ها", "هم", "هما", "ته")):
        return True
    return key.startswith("ب") and key.endswith("ه") and len(key) > 3


def _name_end(text, tokens, i, end) -> int:
    """Index after an unknown name of up to four words starting at token i."""
    if i < end and not _could_be_name(tokens, i):
        return i
    if i < end and _ba_word(tokens[i]):   # الممثلة بعد أن سئلت: a function word is no surname
        return i if _stop_word(tokens[i]) else _ba_surname_end(text, tokens, i, end)
    return _name_words_end(text, tokens, i, end)


def _ba_surname_end(text, tokens, i, end) -> int:
    """بفتح تحقيق قضائي: ب + a noun, unless a surname stands alone (قال بلحاج (19 عاما): /
    بلقاسم إن / بوعلام نفت): i + 1 for the surname, else i."""
    alone = i + 1 >= end or gap(text, tokens, i).strip() or is_complementizer(tokens[i + 1]) \
        or cue_of(tokens[i + 1])
    return i + 1 if alone else i


def _name_words_end(text, tokens, i, end) -> int:
    """The index after the words of a name from token i (four at most, joined by spaces); a
    family name (الرشيدي) ends it, what follows being the verb's object."""
    stop = i
    while stop < min(end, i + 4) and tokens[stop].key.isalpha() and len(tokens[stop].key) > 1:   # not لـ
        linked = stop > i and tokens[stop - 1].key in NAME_LINKS   # بن علي: علي is a name here
        if _not_name_word(tokens, i, stop, linked):
            break
        family = not linked and _family_word(tokens, i, stop)
        if family and stop == i and not is_given_name(tokens[i]):
            break
        stop += 1
        if (family and stop - 1 > i and not _lineage(tokens, stop - 1, end)) or not _joined(text, tokens, stop - 1):
            break
    return _past_a_last_link(text, tokens, i, stop, end)


def _past_a_last_link(text, tokens, i, stop, end) -> int:
    """يوسف بن علوي بن عبدالله: a name never ends on بن, past the four words it may have."""
    if stop - 1 > i and tokens[stop - 1].key in NAME_LINKS and stop < end and tokens[stop].key.isalpha() \
            and _joined(text, tokens, stop - 1):
        return stop + 1
    return stop


def _lineage(tokens, k, end) -> bool:
    """نواف الأحمد الجابر الصباح: ال + a first name, followed by another, is a father's or
    grandfather's name, so the name goes on (a single one, محمد الأحمد، ends it)."""
    return k + 1 < end and all(tokens[j].key.startswith("ال") and tokens[j].key[2:] in given_names()
                               for j in (k, k + 1))


def _not_name_word(tokens, i, k, linked: bool) -> bool:
    """Does the name starting at i end before token k? A function word, a word with a
    possessive (منى حديثها) or with لل, unless after بن/أبو; ب + a noun (سعاد حمدان بانتظار دورها);
    a title (وزير)."""
    if not linked and (_stops_name(tokens, i, k) or tokens[k].key.startswith("لل") or _statement_noun(tokens, i, k)):
        return True
    # سعاد حمدان بانتظار دورها / بدر عبد العاطي وزير الخارجية: the name ends before the title
    return k > i and not is_given_name(tokens[k]) and (
        tokens[k].key.startswith("با") or (not _definite(tokens[k]) and _head(tokens, k, k + 1, "role_heads") > 0))


def _statement_noun(tokens, i, k) -> bool:
    """أكد الوزير سامي حداد ضرورة تحديث…: a verbal noun of propositional_nouns with words after it
    is the verb's object, not a family name (سامي عودة إن…, with إن after it, is a name)."""
    return k > i and k + 1 < len(tokens) and _in(tokens[k], "propositional_nouns") \
        and not is_given_name(tokens[k]) and not is_complementizer(tokens[k + 1]) and not cue_of(tokens[k + 1])


def _stops_name(tokens, i, k) -> bool:
    """A function word (not علي written as a name), or after the first word a noun with a
    possessive (منى حديثها)."""
    return (_in(tokens[k], "name_stops") and not _written_as_name(tokens[k]) and not _name_not_time(tokens, k)) or (
        k > i and tokens[k].key.endswith(("ها", "هم", "هما")) and not is_given_name(tokens[k]))


def _name_not_time(tokens, k) -> bool:
    """الشيخ صباح العبدالله: صباح (morning, a word that ends names) is a first name before an
    ال-word that is no time word (صباح اليوم، صباح الأحد)."""
    return _in(tokens[k], "time_words") and is_given_name(tokens[k]) and k + 1 < len(tokens) \
        and _definite(tokens[k + 1]) and not _in(tokens[k + 1], "time_words")


def _family_word(tokens, i, k) -> bool:
    """A word with ال at k that is a family name (الرشيدي), not part of a compound first name
    (فاطمة الزهراء، محمد الأمين) nor a hamza-written word (ألكسيو)."""
    return tokens[k].key.startswith("ال") and not _hamza_alef(tokens[k]) and not _compound_part(tokens, i, k)


def _compound_part(tokens, i, k) -> bool:
    """فاطمة الزهراء، محمد الأمين، محمد الهادي: the second word of a compound first name."""
    if k > i and tokens[k].key in word_set("compound_name_parts"):
        return True
    return k == i + 1 and tokens[i].key in ("محمد", "احمد") \
        and tokens[k].key.removeprefix("ال") in given_names()


def _described_nameless(text, tokens, subject: Subject, end: int) -> Subject:
    """أحدهم، وهو مزارع في الستين: someone known only as "one of them" is known by the description
    that follows (أحد العائدين، وهو شاب... keeps its own words)."""
    k = subject.end
    one_of_them = subject.end - subject.first == 1 \
        and tokens[subject.first].key in ("احدهم", "احداهن", "احدهن", "احداهم")
    if not one_of_them or k + 1 >= end or tokens[k].key not in ("وهو", "وهي") \
            or not set(gap(text, tokens, k - 1)) & COMMAS:
        return subject
    stop = k + 1
    while stop < min(end, k + 6) and _joined(text, tokens, stop - 1) and not cue_of(tokens[stop]) \
            and not (stop > k + 2 and not _definite(tokens[stop]) and tokens[stop].key not in ("في", "من")
                     and _definite(tokens[stop - 1])):
        stop += 1
    return replace(subject, end=stop, name=_span_text(text, tokens, k + 1, stop))


def _with_apposition(text, tokens, subject: Subject, end: int) -> Subject:
    """Add a role given after a comma: آرون ديفيد ميلر، الزميل البارز في مؤسسة...:"""
    k = subject.end
    if (subject.role and " " in subject.role) or k >= end or not _head(tokens, k, end, "role_heads"):
        return subject
    # بدر عبد العاطي وزير الخارجية: an indefinite title may follow a full name without a comma
    set_off = set(gap(text, tokens, k - 1)) & COMMAS or (
        subject.type == "person" and k - subject.first >= 2 and _joined(text, tokens, k - 1)
        and not _definite(tokens[k]))
    if not set_off:
        return subject
    stop = k + 1
    while stop < end and stop - k < 20 and _PHRASE_BREAKS.isdisjoint(gap(text, tokens, stop - 1)) \
            and tokens[stop].key not in word_set("own_words_nouns"):   # …مؤلف التقرير قوله: not the role's
        stop += 1
    role = _span_text(text, tokens, k, stop)
    return Subject(subject.first, stop, subject.name, subject.entity, subject.type, subject.gender,
                   role=f"{subject.role}، {role}" if subject.role else role, anaphor=subject.anaphor)


# The readers `parse_subject` tries, in order; the first four alone can give a known entity or
# a phrase that refers back (`Subject.entity`, `Subject.anaphor`), the others never do.
def _honorific_pronoun(text, tokens, i, end) -> Subject | None:
    """وقال معاليه / وأكدت سموها: the courtesy with a pronoun refers back to the person named
    before, whatever their post (honorific_pronouns)."""
    key = tokens[i].key.lstrip("وف")
    if key not in word_set("honorific_pronouns"):
        return None
    word = drop_letters(tokens[i].text, len(tokens[i].key) - len(key))   # the conjunction, as written
    return Subject(i, i + 1, word, None, "official", "f" if key.endswith("ها") else "m", anaphor=key)


_SOURCE_READERS = (_known_entity, _outlet_or_body, _honorific_pronoun, _role_then_name, _anonymous)
_READERS = (*_SOURCE_READERS, _group, _described_name, _plain_name, _surname_alone)


def subject_before(text: str, tokens: list[Token], cue: int, start: int) -> Subject | None:
    """A speaker written before the verb: a known name right before it (غير أن نتنياهو رفض), or
    the topic that opens the sentence (وكان وزير المال نبيل حداد قد قال، العميد فلان، أكد)."""
    topic = _topic_subject(text, tokens, cue, start)
    if topic:
        return topic
    if _has_conjunction(tokens[cue]):
        return None   # مبنى المحافظة وهتفوا: a verb with و starts a clause of its own
    k = cue - 1
    while k >= start and tokens[k].key in ("قد", "كان", "وكان", "كانت", "وكانت"):
        k -= 1
    if k < start or _cannot_end_subject(tokens[k]):
        return None
    for first in _joined_up_to(text, tokens, range(max(start, k - 3), k + 1), cue):
        opens_clause = first > start and tokens[first - 1].key in word_set("clause_openers")   # غير أن مسؤولا
        subject = parse_subject(text, tokens, first, k + 1, sources_only=not opens_clause)
        if subject and subject.end == k + 1 and (subject.entity or subject.anaphor or (
                opens_clause and subject.type in ("anonymous", "group", "body", "person"))):
            return subject
    return None


def _cannot_end_subject(token: Token) -> bool:
    """قال إن قال، قال قال: no subject ends on a function word or a verb of saying, so none is
    looked for (a name spelled like one, أمل، is still read)."""
    return _stop_word(token) or (cue_of(token) is not None and not is_given_name(token))


def _joined_up_to(text: str, tokens: list[Token], firsts: range, cue: int) -> list[int]:
    """The tokens of `firsts` joined by spaces alone to every token up to `cue`, in order
    (each gap looked at once, from the verb back)."""
    joined, first = [], cue - 1
    while first >= firsts.start and _joined(text, tokens, first):
        if first in firsts:
            joined.append(first)
        first -= 1
    return joined[::-1]


def role_before(text: str, tokens: list[Token], i: int) -> str | None:
    """A title written just before a name: رئيس الوزراء الإسرائيلي بنيامين نتنياهو،
    ووزير الخارجية الأميركي، أنتوني بلينكن (a comma may stand between)."""
    for j in range(i - 1, max(-1, i - 6), -1):
        size = _head(tokens, j, i, "role_heads")
        rest = range(j + size, i)
        if size and all(tokens[k].key.startswith("ال") for k in rest) and all(
                _joined(text, tokens, k) for k in range(j, i - 1)):
            role = _span_text(text, tokens, j, i)
            head_key = max(stems(tokens[j].key) & word_set("role_heads") or {tokens[j].key}, key=len)
            return without_proclitics(tokens[j].text, tokens[j].key, head_key) + role[len(tokens[j].text):]
        if j < i - 1 and not tokens[j].key.startswith("ال") and not size:
            break
    return None


def _topic_subject(text: str, tokens: list[Token], cue: int, start: int) -> Subject | None:
    """The subject that opens the sentence, then the verb: directly (الوزير أكد), after قد
    (وكان الوزير قد قال), or after a parenthesis between commas (أما أم عبدالله، من منطقة
    الجهراء، فقالت / العميد فلان، المتحدث باسم...، أكد)."""
    i = skip_openers(tokens, start, cue)
    if i >= cue or text[tokens[i].start - 1:tokens[i].start] in MARKS:   # a quotation, not a topic
        return None
    subject = parse_subject(text, tokens, i, cue)
    if subject is None or verb_read_as_name(tokens[i], subject):
        return None
    if _verb_after(tokens, subject.end, cue) == cue:
        return subject if _sure_topic(tokens, subject, (start, i), cue) else None
    after = _after_parenthesis(text, tokens, subject.end, cue)
    return subject if after is not None and _verb_after(tokens, after, cue) == cue else None


def verb_read_as_name(first: Token, subject: Subject) -> bool:
    """ووقف أبو علي...، ليقول: a plain name read from a sentence opening with a word with و that
    is no first name (`first`) is a verb with و, not a topic."""
    return subject.type == "person" and not subject.role and not subject.entity \
        and first.key.startswith("و") and not is_given_name(first)


def _sure_topic(tokens: list[Token], subject: Subject, opening: tuple[int, int], cue: int) -> bool:
    """Is a topic right before the verb surely its subject? A known or titled source, or one
    set off from the verb by قد (وكانت مصادر مطلعة قد أفادت), or an anonymous one after أما … ف
    (أما إحدى الأمهات فتساءلت). `opening`: the sentence start and the token after its openers."""
    strong = subject.entity or subject.role or subject.anaphor or subject.type in ("body", "media")
    start, i = opening
    after_amma = tokens[cue].key.startswith("ف") and i > start and tokens[i - 1].key in ("اما", "واما")
    return bool((strong and subject.type != "anonymous") or subject.end < cue or after_amma)


def skip_openers(tokens: list[Token], i: int, stop: int) -> int:
    """The first token after sentence openers: و، أما، غير أن، من جهته، في المقابل..."""
    openers, first_words = word_set("topic_openers"), _opener_first_words()
    while i < stop:
        if tokens[i].key in ("و", "ف"):
            i += 1
            continue
        if tokens[i].key not in first_words:   # most sentences open with no opener
            return i
        size = next((n for n in (3, 2, 1) if i + n <= stop and
                     " ".join(t.key for t in tokens[i:i + n]) in openers), 0)
        if not size:
            return i
        i += size
    return i


@lru_cache(maxsize=1)
def _opener_first_words() -> frozenset[str]:
    return frozenset(opener.split(" ")[0] for opener in word_set("topic_openers"))


def _verb_after(tokens: list[Token], k: int, cue: int) -> int:
    """The first token from k on that is not قد/فقد (the verb, when the subject ends at k)."""
    while k < cue and tokens[k].key in word_set("subject_continuations"):
        k += 1
    return k


def _after_parenthesis(text: str, tokens: list[Token], k: int, cue: int) -> int | None:
    """The verb at `cue` when a parenthesis set off by commas stands between it and a subject
    ending at token k (`، الذي يملك محلا...،` / نائبا في لجنة المال، فضّل عدم ذكر اسمه، قال):
    nothing in between says or reports (no verb of saying, no إن/أن, no full stop), and the
    verb follows the last comma without the conjunction و (which would start a new clause)."""
    if k >= cue or not (set(gap(text, tokens, k - 1)) & COMMAS or tokens[k].key in word_set("name_stops")):
        return None
    verb = cue
    while verb > k and tokens[verb - 1].key in word_set("subject_continuations"):   # ، فقد قال
        verb -= 1
    if verb - k > 25 or not set(gap(text, tokens, verb - 1)) & COMMAS or _has_conjunction(tokens[verb]):
        return None
    for m in range(k, verb):
        says = cue_of(tokens[m]) and tokens[m - 1].key not in word_set("verbal_noun_markers")   # عدم ذكر
        if says or is_complementizer(tokens[m]) or \
                set(gap(text, tokens, m)) & (HARD_BREAKS - set(MARKS)):
            return None
    return cue


def _has_conjunction(token: Token) -> bool:
    cue = cue_of(token)
    return token.key.startswith("و") and not (cue and normalize(cue.lemma).startswith("و")
                                               and not token.key.startswith("وو"))
