"""Quotation marks around a NAME, not around speech: صحيفة "الأهرام"، برنامج "الحكاية"، «الخضر».

`name_label` looks at a pair of marks in its sentence and returns the word that shows the marks
hold a name (the word before them, or the name's own first word), or None when they hold speech.
Every rule errs towards speech: a quoted description after بـ، إن/أن or a verb of saying stays a
quote, because missing a quote costs a lesson more than keeping a name.
"""
from __future__ import annotations

from bisect import bisect_left

from .arabic import Token, normalize, stems, without_possessive
from .cues import cue_of, is_complementizer
from .entities import match_entity
from .lexicon import pattern_words, word_set
from .subjects import gap, is_given_name


def name_label(text: str, tokens: list[Token], starts: list[int], open_: int, close: int) -> str | None:
    """What says the marks at open_..close hold a short name: the word before them (صحيفة،
    روايتها، حديث إلى) or the name's own first word (أعلنت "جمعية ضحايا...")."""
    inner = text[open_ + 1:close]
    k = bisect_left(starts, open_) - 1
    if _in_dateline(text, open_, close):
        return "-"
    words = len(inner.split())
    if words > 6 or k < 0:
        return None
    if text[tokens[k].end:open_].strip(" ـ"):   # وزير الخارجية؛ “فؤاد حسين”: only a name says so
        return _known_or_kunya(tokens, k + 1, bisect_left(starts, close)) \
            if text[tokens[k].end:open_].strip(" ـ") in ("؛", "،", ",") else None
    token = tokens[k]
    if names_a_thing(token, possessed_too=words <= 3):   # أغنية "وان تو ثري فيفا لالجيري"
        return token.text
    if words > 4:
        return None
    label = _label_before(tokens, k, words)
    if label:
        return label
    return _names_itself(tokens, k + 1, bisect_left(starts, close)) \
        or _names_the_relay(tokens, k, starts, close) or _names_a_phrase(text, tokens, k, inner) \
        or _nickname(tokens, k, inner) or _known_or_kunya(tokens, k + 1, bisect_left(starts, close)) \
        or _subject_set_off(text, tokens[k], close, words)


def names_given_before(text: str, labels: dict[tuple[int, int], str | None], known: dict[str, str]) -> dict:
    """«موبايلي» after شركة, then «ركائز "موبايلي"»: marks around words the article has already
    marked as a name hold that name again. `known` (the article's, from paragraph to paragraph)
    maps each name's words, normalised, to its label, and learns this paragraph's names."""
    out = {}
    for (open_, close), label in labels.items():
        words = normalize(text[open_ + 1:close].strip())
        if label is None:
            label = known.get(words)
        elif label != "-" and len(words.split()) <= 3:
            known.setdefault(words, label)
        out[open_, close] = label
    return out


def names_listed_after_a_name(text: str, labels: dict[tuple[int, int], str | None]) -> dict:
    """بمحافظات “عدن” و”لحج” و”تعز”: marks of at most three words joined by و or a comma to
    marks that hold a name hold a name of the same list. `labels`: `name_label` of each pair,
    pairs in text order."""
    out, before = {}, None
    for (open_, close), label in labels.items():
        if label is None and before and before[1] and len(text[open_ + 1:close].split()) <= 3 \
                and text[before[0] + 1:open_].strip() in ("و", "،", ",", "، و", "أو"):
            label = before[1]
        out[open_, close] = label
        before = (close, label)
    return out


def _subject_set_off(text: str, before: Token, close: int, words: int) -> str | None:
    """وأضافت "الحماقي"، خلال…: one word in marks right after a verb of saying and before a comma
    is the verb's subject set off in marks (row name_in_marks_after_verb)."""
    return before.text if words == 1 and cue_of(before) and text[close + 1:close + 2] in ("،", ",") else None


def _known_or_kunya(tokens: list[Token], first: int, stop: int) -> str | None:
    """“فرانس برس”، "أبو محمد الجولاني": the marks hold exactly a name the gazetteer knows, or
    a kunya of two to four words (rows known_name_in_marks, kunya_in_marks of
    quote_patterns.tsv); the label is the name's first word."""
    if first >= stop:
        return None
    known = match_entity(tokens, first)
    kunya = tokens[first].key in pattern_words("kunya_in_marks") and 2 <= stop - first <= 4
    outlet = stop - first <= 3 and tokens[stop - 1].key in word_set("outlet_name_endings")   # "تنوع نيوز"
    return tokens[first].text if kunya or outlet or (known and known[0] == stop) or _full_name(tokens, first, stop) \
        else None


def _full_name(tokens: list[Token], first: int, stop: int) -> bool:
    """“فؤاد حسين”، "أسامة محمد مرسي": a first name and one or two more words, none a verb
    (no verb of saying, no present-tense prefix), in marks after a word that brings no speech
    (row person_name_in_marks)."""
    before = tokens[first - 1] if first else None
    if not 2 <= stop - first <= 3 or not is_given_name(tokens[first]) \
            or (before and (is_complementizer(before) or cue_of(before) or before.key.startswith("ب"))):
        return False
    return all(not cue_of(t) and t.key[:1] not in "يتن" for t in tokens[first + 1:stop])


DATELINE_CHARS = 200   # a dateline's place and dashes fit in far fewer characters


def _in_dateline(text: str, open_: int, close: int) -> bool:
    """رام الله - «القدس» - قدم…: the paper's own name between the dashes of a dateline."""
    line_start = text.rfind("\n", max(0, open_ - DATELINE_CHARS), open_) + 1
    if line_start == 0 and open_ > DATELINE_CHARS:
        return False     # a dateline opens its line: a line this long before the marks is not one
    before, after = text[line_start:open_].rstrip(), text[close + 1:close + 4].lstrip()
    return before.endswith(("-", "–", "—")) and len(before.split()) <= 4 and after[:1] in ("-", "–", "—")


def names_a_thing(token: Token, possessed_too: bool = True) -> bool:
    """صحيفة / بصحيفة / صحيفته / روايتها: a noun that a name follows (possessed, only a work or
    page, before a short name: فريقها "عانى كثيرا" is speech)."""
    key, heads = token.key, word_set("non_quote_heads")
    if key in heads or (not key.lstrip("وف").startswith("ال") and stems(key) & heads):
        return True
    owned = without_possessive(key) if possessed_too else None   # روايتها -> رواية
    return bool(owned and stems(owned) & word_set("possessable_works"))


def _after_a_link(tokens: list[Token], k: int) -> bool:
    """حديث إلى «…» / تحدثت إلى «…» / حسابه في «…»: a preposition between the marks and what
    names them (an interview, a verb of speaking, an account or page)."""
    link, owner = tokens[k].key.lstrip("و"), tokens[k - 1]
    if link in ("الي", "ل", "مع"):
        cue = cue_of(owner)
        return bool(stems(owner.key) & word_set("interview_nouns")) or bool(
            cue and normalize(cue.lemma) in word_set("speaking_to_verbs"))
    return link in ("في", "علي") and names_a_thing(owner)


def _label_before(tokens: list[Token], k: int, words: int) -> str | None:
    """The word that names the marks (of `words` words) after token k: a word talked about
    (كلمة «أيضا»), across a preposition (حديث إلى «…») or a naming word and بـ (المعروف بـ«…»)."""
    if words == 1 and stems(tokens[k].key) & word_set("word_mention_heads"):
        return tokens[k].text
    if k > 0 and _after_a_naming_word(tokens, k):
        return tokens[k - 1].text
    return tokens[k].text if k > 0 and _after_a_link(tokens, k) else None


def _after_a_naming_word(tokens: list[Token], k: int) -> bool:
    """الملف المعروف بـ«ملف العشرية» / الملقبات بـ«الشموس»: a naming word and بـ before the marks."""
    return tokens[k].key == "ب" and tokens[k - 1].key.lstrip("و") in word_set("naming_words")


def _nickname(tokens: list[Token], k: int, inner: str) -> str | None:
    """أداء «الخضر»، ليعزز "العميد" صدارته: one or two words with the article, in a sentence's
    run (not after بـ، إلى، إن/أن or a verb of saying, where a quoted word is speech)."""
    words = inner.split()
    before = tokens[k]
    if not words:
        return None
    plural_head = len(words) == 2 and words[0].endswith("و") and words[1].startswith("ال")   # محاربو الصحراء
    if not (plural_head or (len(words) == 1 and words[0].startswith("ال"))):
        return None   # مسؤولية "الإهمال المزمن": a noun and its adjective are a quoted phrase
    if before.key.startswith("ب") or before.key in word_set("name_stops") or is_complementizer(before) \
            or cue_of(before):   # هي "النصر الكامل": a predicate in quotes is speech
        return None
    return before.text


def _names_a_phrase(text: str, tokens: list[Token], k: int, inner: str) -> str | None:
    """شركة الاتصالات المغربية ‹ألو موبايل› / وكالة أنباء الإمارات «وام»: a short name after a
    thing's noun and the words that complete it (no verb or function word between)."""
    if len(inner.split()) > 3 or inner.lstrip()[:1] in ("ب", "ل"):
        return None
    if not tokens[k].key.lstrip("وف").startswith(("ال", "لل")):
        return _names_a_company(tokens, k, inner)
    # the word before the marks completes the name (…السعودية «تاسي»), not بـ or a verb
    for j in range(k, max(-1, k - 6), -1):   # المؤشر العام للسوق المالية السعودية «تاسي»
        bare = tokens[j].key.lstrip("وف").removeprefix("ال")
        if names_a_thing(tokens[j]) or bare in word_set("non_quote_heads"):
            return tokens[j].text if j < k else None
        # الملعب والأجهزة الأمنية "…": a list, not a name
        if cue_of(tokens[j]) or tokens[j].key in word_set("name_stops") \
                or (j < k and set(gap(text, tokens, j)) - {" "}) or tokens[j].key.startswith("وال"):
            return None
    return None


def _names_a_company(tokens: list[Token], k: int, inner: str) -> str | None:
    """شركة اتحاد اتصالات "موبايلي": a name of one or two words after a thing's noun and at
    most two bare nouns that complete it (no article, preposition, verb or إن/أن between)."""
    if len(inner.split()) > 2:
        return None
    for j in range(k - 1, max(-1, k - 3), -1):
        between = tokens[j + 1]
        if between.key[:1] in "وبلك" or between.key.startswith("ال") or is_complementizer(between) \
                or cue_of(between) or between.key in word_set("name_stops"):
            return None
        if names_a_thing(tokens[j], possessed_too=False):
            return tokens[j].text
    return None


def _names_the_relay(tokens: list[Token], k: int, starts: list[int], close: int) -> str | None:
    """ونقلت “بلومبرغ” عن مسؤول / وعلمت "المصري اليوم" من مصادر: an outlet's name between a
    verb and the عن/من that brings in its source."""
    after = bisect_left(starts, close)
    if not cue_of(tokens[k]) or after >= len(tokens):
        return None
    if tokens[after].key.startswith("ال") and after + 1 < len(tokens):   # ‹هسبريس› الإلكترونية
        after += 1
    return tokens[k].text if tokens[after].key in ("عن", "من") else None


def _names_itself(tokens: list[Token], first: int, stop: int) -> str | None:
    """A proper name in marks (tokens first..stop), outside a description (not بأنها «حكومة
    فاشلة»): its first word is an indefinite body, outlet or named thing (جمعية، شبكة، مهرجان)
    and a definite word follows it (جمعية ضحايا السكن; not «شبكة وسطاء», which describes)."""
    if first >= len(tokens) or first == 0:
        return None
    before, head = tokens[first - 1], tokens[first]
    if before.key.startswith("ب") or is_complementizer(before) or head.key.lstrip("وف").startswith("ال"):
        return None
    heads = word_set("body_heads") | word_set("media_heads") | word_set("non_quote_heads")
    proper = any(t.key.startswith(("ال", "لل")) for t in tokens[first + 1:stop])
    return head.text if head.key in heads and proper else None
