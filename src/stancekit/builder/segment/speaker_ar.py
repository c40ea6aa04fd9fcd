"""Arabic speaker phrases: the words after (or before) a reporting cue that name the source, and the source's name in
them (rule 10 of ``docs/claim-units.md``). Used by ``attribution_ar``."""

from __future__ import annotations

from stancekit.builder.segment.claim_cues import AR_CUE_KEYS as CUE_KEYS
from stancekit.builder.segment.claim_lexicon import (
    AR_DESCRIPTORS,
    AR_EVENT_NOUNS,
    AR_INSTITUTIONS,
    AR_NAMED,
    AR_NP_STOP,
    AR_OBJECT_NOUNS,
    AR_ORG_HEADS,
    AR_PLACES,
    AR_PRE_STOP,
    AR_REL_VERBS,
    AR_SPEECH_HEADS,
    AR_TITLES,
)
from stancekit.builder.segment.claim_types import QUOTE_CHARS, STRIP_CHARS, core, tokens

_CONTENT_WORDS = frozenset(p + b + a + x for p in ("", "و", "ف") for b in ("", "ب", "ل") for a in ("أن", "إن", "ان")
                           for x in ("", "ّ", "ه", "ها", "هم", "هما", "نا", "ني", "ك")) | {"بالقول"}
_NP_MAX = 12
# honorifics and ranks that stand right before a name or a bare surname (الدكتور المهندي، اللواء الزبيدي)
_HONORIFICS = {"الدكتور", "الدكتورة", "د.", "الشيخ", "السيد", "السيدة", "الأستاذ", "الأستاذة", "معالي", "سعادة", "سمو",
               "فخامة", "الحاج", "المهندس", "اللواء", "العميد", "العقيد", "الفريق", "الجنرال", "المشير", "الرائد",
               "النقيب", "المقدم", "الأمير", "الأميرة", "القاضي", "المحامي", "المحامية", "الإمام", "السيناتور"}
_NAMED_W = frozenset("و" + w for w in AR_NAMED)
_NAMED_ALL = _NAMED_W | AR_NAMED
_PREPS = {"في", "عن"}
# verbal nouns that a denial or confirmation takes as its object right after the subject (نفت الوزارة وجود ...,
# أكد الجيش مقتل ...): never part of a speaker's name, unless an indefinite construct head or title comes just before
# them (وزارة صحة إقليم كردستان)
_VERBAL_NOUN_OBJECTS = {
    "وجود", "صحة", "وقوع", "مقتل", "حدوث", "سقوط", "اعتقال", "إصابة", "تعرض", "نية", "تورط", "تسجيل", "رصد",
    "استقالة", "إقالة", "تأجيل", "إلغاء", "وفاة", "اختطاف", "انسحاب", "مسؤولية", "مسؤوليته", "مسؤوليتها", "علمه",
    "علمها", "مصرع", "ارتفاع", "انخفاض", "تراجع", "توقيع", "إطلاق", "استهداف", "اقتحام", "احتجاز", "إغلاق"}
_CONSTRUCT_HEADS = AR_ORG_HEADS | AR_INSTITUTIONS | AR_TITLES | {
    "وزارة", "هيئة", "لجنة", "مجلس", "دائرة", "مكتب", "مصلحة", "سلطة", "قيادة", "جهاز", "قوات", "وزير", "وزيرة",
    "مدير", "مديرة", "رئيس", "رئيسة", "فريق", "خلية", "غرفة"}
# nouns that follow ل inside an organisation's name (شركة المياه لولاية وهران, الجمعية العربية لطب الطوارئ): such a
# word starts no person's name (an indefinite word after a definite one otherwise may: المتحدث الرسمي لطفي الخطيب)
_LAM_HEADS = AR_ORG_HEADS | AR_INSTITUTIONS | {
    "شؤون", "طب", "ولاية", "حقوق", "حماية", "رعاية", "دعم", "دولة", "جمهورية", "قطاع", "صندوق", "علوم", "بحوث",
    "أبحاث", "دراسات", "صحة", "طاقة", "مياه", "شرطة", "أمن", "جيش", "قوات", "شعب", "سكان", "أطباء", "حزب"}
_CONSTRUCT_ONLY = {"إطار", "سياق", "وقت", "أعقاب", "ختام", "افتتاح"}  # adverbial only as في إطار X, not في الإطار
_SPOKESMAN = {"المتحدث", "المتحدثة", "الناطق", "الناطقة", "متحدث", "متحدثة", "ناطق", "ناطقة"}


def stripped(text: str, s: int, e: int) -> str:
    return text[s:e].strip(STRIP_CHARS)


_DEFINITE = ("ال", "لل", "بال", "وال")


def _definite(w: str) -> bool:
    return w.startswith(_DEFINITE)


def _quote_group(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """Index of the token closing a short quoted group opened at token ``i`` (a name), or -1."""
    for j in range(i, min(len(toks), i + 5)):
        r = text[toks[j][0]:toks[j][1]].rstrip("،,:؛.")
        if r and r[-1] in QUOTE_CHARS and (j > i or len(r) > 1):
            return j if j - i < 4 else -1
    return -1


def np_after(text: str, pos: int, end: int, extend: bool = True) -> list[tuple[int, int]]:
    """Raw tokens of the speaker phrase that starts at ``pos`` (stops at adjuncts, content markers, commas)."""
    toks = tokens(text, pos, min(end, pos + 130))
    out: list[tuple[int, int]] = []
    ow: list[str] = []  # the words of ``out`` (stripped), kept in step with it
    i = 0
    while i < len(toks) and len(out) < _NP_MAX:
        s, e = toks[i]
        raw = text[s:e]
        word = raw.strip(STRIP_CHARS)
        if raw[0] in QUOTE_CHARS and not (out and len(raw) == 1):
            j = _quote_group(text, toks, i)
            if j < 0:
                break
            out.extend(toks[i:j + 1])
            ow.extend(stripped(text, *t) for t in toks[i:j + 1])
            if text[toks[j][1] - 1] in "،,:؛." or _next_is_stop(text, toks, j + 1):
                break
            i = j + 1
            continue
        if not word or raw[0] in ":،,":
            break
        if not out and word in AR_SPEECH_HEADS and i + 1 < len(toks) and (not _indefinite_word(
                stripped(text, *toks[i + 1])) or (i + 2 < len(toks) and _definite(stripped(text, *toks[i + 2])))):
            # بيان صادر عن X / بيانات X: the source follows the speech noun (not تقارير إعلامية: a description)
            k = i + 1
            while k < len(toks) and k < i + 3 and stripped(text, *toks[k]) in ("صادر", "الصادر", "عن", "صادرة"):
                k += 1
            i = k
            continue
        if (word in _PREPS or (word == "من" and _adjectival(ow))) and out and extend:
            named = _name_after_pp(text, toks, i)
            if named is not None:  # المتحدث باسم الوزارة في غزة، أشرف القدرة، إن: the name in apposition
                out.extend(toks[named[0]:named[1]])
                break
            j = _pp_extension(text, toks, i, out, ow)
            if j > i:
                out.extend(toks[i:j])
                ow.extend(stripped(text, *t) for t in toks[i:j])
                i = j
                if text[toks[j - 1][1] - 1] in "،,:؛." or word == "من":
                    break  # (after من X the object follows: وصفت فصائل مقربة من إيران الإعلان)
                continue
            break
        if word in AR_NP_STOP or word in _CONTENT_WORDS or (out and raw[0] == "(") or (
                out and word in AR_OBJECT_NOUNS and ow[-1] not in AR_ORG_HEADS and ow[-1] not in AR_TITLES):
            break  # (نفت وزارة التموين الأنباء المتداولة: a definite object; not وكالة الأنباء)
        if out and word in _VERBAL_NOUN_OBJECTS and (_definite(ow[-1]) or ow[-1] not in _CONSTRUCT_HEADS):
            break  # نفت وزارة الصحة وجود أي إصابات / نفى الرئيس أحمد علي وجود صفقة: a verbal noun starts the object
        if out and not word.startswith(_DEFINITE) and (_object_follows(text, out, ow, word) or _construct_object(
                text, toks, i, out, ow, word)):
            break  # VSO: the subject phrase is complete, the object starts (نفت المفوضية وجود أي تلاعب)
        if out and (word.endswith(("اً", "ًا")) or (word.endswith("ا") and i + 1 < len(toks) and (
                stripped(text, *toks[i + 1]).endswith(("ا", "اً", "ًا"))))) and not word.startswith(_DEFINITE):
            break  # an indefinite accusative: the object (وتتوقع الهيئة انخفاضا طفيفا)
        if out and (word in AR_REL_VERBS or (word.endswith(("ها", "هم")) and not word.startswith(_DEFINITE))) and (
                _indefinite_head(text, out)):
            break
        if out and word not in AR_INSTITUTIONS and (word.startswith(("بت", "بإ", "بال", "بأ", "بـ", "لـ")) or (
                word in CUE_KEYS) or (
                word[0] == "ب" and len(word) > 3 and (word.endswith("ة") or word[1] in "تإعمقفرحسخطزجدغ"))):
            break  # a prepositional or verbal-noun phrase (بزيادة الرواتب) ends the speaker
        out.append((s, e))
        ow.append(word)
        if raw[-1] in "،," and extend and i + 2 < len(toks) and stripped(text, *toks[i + 1]).lstrip("و") in AR_NAMED:
            out.extend(toks[i + 1:_lookahead(text, toks, i + 1)])  # أحد المعتصمين، ويدعى أبو مرتضى،
            break
        if raw[-1] in "،," and extend and (not _name_candidates(text, out) or (
                i + 1 < len(toks) and stripped(text, *toks[i + 1]) in _HONORIFICS)):
            j = _apposition(text, toks, i + 1)
            if j > i + 1:
                out.extend(toks[i + 1:j])
            break
        if raw[-1] in "،,:؛.)" or (raw[-1] in QUOTE_CHARS and len(raw) > 1):
            break
        i += 1
    return out


def _indefinite_word(w: str) -> bool:
    return bool(w) and not _definite(w) and w not in AR_NP_STOP and w not in _CONTENT_WORDS and w[0] not in "«“\"" and (
        w not in ("صادر", "صادرة", "الصادر", "عن"))


def _object_follows(text: str, out: list[tuple[int, int]], words: list[str], word: str) -> bool:
    """After a complete subject, an indefinite word starts the object: a definite phrase with no title or name
    marker (the title's name may follow: القيادي في الإطار حسن الربيعي), or a one-word place (واشنطن طهران)."""
    if len(words) == 1 and words[0] in AR_PLACES:
        return not word.startswith(("ل", "ب")) and word[:1].isalpha()
    if not words[-1].startswith(_DEFINITE) or word.startswith(("ل", "ب")) or not word[:1].isalpha() or (
            text[out[-1][1] - 1] in QUOTE_CHARS):
        return False
    return all(w not in AR_TITLES and w not in AR_NAMED and w not in AR_DESCRIPTORS for w in words)


_HIGH = {"رفيع", "رفيعة", "رفيعو", "رفيعي", "عالي", "عالية", "كبير", "كبار"}  # مسؤول رفيع المستوى


def _construct_object(text: str, toks: list[tuple[int, int]], i: int, out: list[tuple[int, int]], words: list[str],
                      word: str) -> bool:
    """After an indefinite descriptive subject (مسؤولون أمريكيون), a noun in construct with a definite word starts the
    object (يقدّر مسؤولون أمريكيون عدد الجنود)."""
    if _definite(word) or word in _HIGH or word in AR_NAMED or i + 1 >= len(toks) or (
            len(words) == 1 and words[0] in AR_TITLES):
        return False  # (a title in construct: أستاذ طب الطوارئ)
    if words[0] not in AR_DESCRIPTORS or not _definite(stripped(text, *toks[i + 1])):
        return False
    return not any(_definite(w) for w in words) and text[out[-1][1] - 1] not in "،,"


def _lookahead(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """End index of the words after a preposition, up to a content marker, colon, comma or adjunct (max 7)."""
    j = i + 1
    while j < len(toks) and j < i + 8:
        raw = text[toks[j][0]:toks[j][1]]
        w = stripped(text, *toks[j])
        if not w or w in _CONTENT_WORDS or w in AR_NP_STOP or raw.startswith(("لـ", ":")):
            break
        j += 1
        if raw[-1] in "،,:؛.":
            break
    return j


def _pp_extension(text: str, toks: list[tuple[int, int]], i: int, out: list[tuple[int, int]], ow: list[str]) -> int:
    """How far a في/عن phrase belongs to the speaker: an indefinite descriptor's modifier (مسؤول في الوزارة), or a
    title's affiliation before a name (النائب عن كتلة ... محمد الصيهود). Returns i when it is an adjunct."""
    if i + 1 >= len(toks):
        return i
    nxt = stripped(text, *toks[i + 1])
    if nxt in AR_EVENT_NOUNS or (nxt.startswith("ال") and nxt[2:] in AR_EVENT_NOUNS and nxt[2:] not in _CONSTRUCT_ONLY):
        return i
    j = _lookahead(text, toks, i)
    head = stripped(text, *out[0])
    if stripped(text, *toks[i]) == "من":  # مقربة من إيران: one word, or a definite noun with its adjectives
        j = i + 2
        if _definite(nxt):
            while j < len(toks) and j < i + 4 and _definite(stripped(text, *toks[j])) and (
                    text[toks[j - 1][1] - 1] not in "،,"):
                j += 1
        return j
    if (head in AR_DESCRIPTORS and not _definite(head)) or _adjectival(ow):
        return j
    if (head in AR_INSTITUTIONS or head in AR_ORG_HEADS) and stripped(text, *toks[i]) == "في" and j - i == 2 and (
            any(w[:1] == "ل" and not w.startswith("ال") for w in ow[1:])):
        return j  # بعثة الأمم المتحدة للدعم في ليبيا: the place belongs to the body's name
    if head in AR_TITLES:
        cand = [c for c in _name_candidates(text, toks[i + 1:j]) if c > 0]
        if cand and text[toks[i + 1 + cand[-1]][0]] not in QUOTE_CHARS:
            return j
        if _definite(nxt) and j < len(toks) and stripped(text, *toks[j]) in _CONTENT_WORDS and (
                text[toks[j - 1][1] - 1] not in "،,:؛."):
            return j  # مدير الاستغلال في الشركة إن: a title without a name keeps its affiliation up to the content
    return i


_ADJ_ENDINGS = ("ة", "ية", "يون", "يين", "ون", "ين")


def _adjectival(words: list[str]) -> bool:
    """An indefinite descriptive phrase (صاحب مولدة أهلية, فصائل مسلحة مقربة): two or more indefinite words, the
    last with an adjective's ending; not a name (حسين مطلك)."""
    if len(words) < 2:
        return False
    return not any(_definite(w) for w in words) and words[-1].endswith(_ADJ_ENDINGS) and words[0] not in AR_TITLES


def _indefinite_head(text: str, out: list[tuple[int, int]]) -> bool:
    head = stripped(text, *out[0])
    nxt = stripped(text, *out[1]) if len(out) > 1 else ""
    return head in AR_DESCRIPTORS and not _definite(head) and not _definite(nxt)


def _name_after_pp(text: str, toks: list[tuple[int, int]], i: int) -> tuple[int, int] | None:
    """A title phrase's prepositional phrase (``في منطقة مكة المكرمة،``) closed by a comma and followed by a name in
    apposition (``العقيد ماجد الشهري،`` before إن): the name's token range, else None."""
    for k in range(i, min(len(toks), i + 6)):
        w = stripped(text, *toks[k])
        if not w or w in CUE_KEYS or w in _CONTENT_WORDS or text[toks[k][0]] in ":،,":
            return None
        if text[toks[k][1] - 1] in "،,":
            j = _apposition(text, toks, k + 1)
            return (k + 1, j) if j > k + 1 and _name_candidates(text, toks[k + 1:j]) else None
        if text[toks[k][1] - 1] in ":؛.":
            return None
    return None


def _apposition(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """``، فاروق بوعسكر،`` after a title phrase: the name between commas, when a content marker or adjunct
    follows."""
    j = i
    while j < len(toks) and j < i + 4:
        raw = text[toks[j][0]:toks[j][1]]
        w = stripped(text, *toks[j])
        if not w or w in AR_NP_STOP or (_definite(w) and j == i and w not in AR_TITLES) or w in CUE_KEYS:
            return i  # (a title may open the apposition: نفى دفاع المتهم، المحامي كريم سليمان، أن)
        j += 1
        if raw[-1] in "،,":
            return j if _next_is_stop(text, toks, j) or (j < len(toks) and _definite(stripped(text, *toks[j]))) else i
    return i


def _next_is_stop(text: str, toks: list[tuple[int, int]], j: int) -> bool:
    if j >= len(toks):
        return True
    word = stripped(text, *toks[j])
    return word in AR_NP_STOP or word in _CONTENT_WORDS or text[toks[j][0]] in ":،"


def np_before(text: str, start: int, pos: int) -> list[tuple[int, int]]:
    """The subject phrase standing before a verb (``وكان وزير الدفاع قد أعلن``), or []."""
    toks = tokens(text, max(start, pos - 110), pos)
    if toks and start < pos - 110:
        toks.pop(0)  # possibly cut
    while toks and stripped(text, *toks[-1]) in ("قد", "لقد"):
        toks.pop()
    out: list[tuple[int, int]] = []
    for s, e in reversed(toks):
        raw = text[s:e]
        word = stripped(text, s, e)
        if word in AR_PRE_STOP or raw[-1] in "،,:؛.)" or len(out) >= _NP_MAX or word.isdigit() or not (
                word[:1].isalpha() or any(c.isalpha() for c in word)):
            break  # (a bullet or dash before the verb: - أعلنت وزارة الداخلية)
        out.append((s, e))
    out.reverse()
    while out and stripped(text, *out[0]) in AR_PRE_STOP:
        out.pop(0)
    if len(out) > 1 and stripped(text, *out[0]) in AR_SPEECH_HEADS and text[out[1][0]] == "ل" and (
            not text.startswith("لل", out[1][0])):
        out = [(out[1][0] + 1, out[1][1]), *out[2:]]  # تصريحات لمسؤولين أمريكيين أكدوا: the officials
    return out


def _name_candidates(text: str, toks: list[tuple[int, int]], words: list[str] | None = None) -> list[int]:
    """Indices of tokens that can start a name: a quoted group, or an indefinite word after a definite word, a
    title or an organisation head (not after an indefinite descriptor). ``words``: the tokens' words, when known."""
    if words is None:
        words = [text[s:e].strip(STRIP_CHARS) for s, e in toks]
    out: list[int] = []
    for i, w in enumerate(words):
        raw = text[toks[i][0]:toks[i][1]]
        if (raw[0] in QUOTE_CHARS and len(raw) > 1) or (raw[0] in QUOTE_CHARS and i + 1 < len(toks)):
            out.append(i)
            continue
        if not w or _definite(w) or w in AR_TITLES or w in AR_ORG_HEADS or w in AR_DESCRIPTORS or w in AR_NAMED or (
                w in AR_INSTITUTIONS) or w in _PREPS:
            continue
        if w.startswith(("لت", "لإ", "لم", "لل", "باست", "بت", "بإ", "بع", "بم", "بق", "بف", "بر", "بح", "بس", "بخ",
                         "بط")) and len(w) > 4:
            continue
        if w == "باسم" and i and words[i - 1] in _SPOKESMAN:
            continue
        if w[:1] == "ل" and w[1:] in _LAM_HEADS:
            continue  # المفوضية السامية للأمم المتحدة لشؤون اللاجئين: "for refugee affairs", part of the name
        prev = words[i - 1] if i else ""
        if i == 0 or _definite(prev) or prev in AR_TITLES or prev in AR_ORG_HEADS or prev in AR_NAMED or (
                text[toks[i - 1][1] - 1] in QUOTE_CHARS):
            if prev in AR_DESCRIPTORS and not _definite(prev) and prev not in AR_ORG_HEADS:
                continue
            out.append(i)
    return out


def speaker_span(text: str, toks: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Rule 10 on an Arabic speaker phrase: the last name in it (quoted or after titles), an organisation's name, or
    the whole descriptive phrase."""
    if not toks:
        return None
    words = [text[s:e].strip(STRIP_CHARS) for s, e in toks]
    if not _NAMED_ALL.isdisjoint(words):
        for k, w in enumerate(words):
            if w in _NAMED_ALL and k + 1 < len(toks):
                return core(text, toks[k + 1][0], toks[-1][1])
    head = words[0]
    if head in AR_DESCRIPTORS and not head.startswith(_DEFINITE) and not (
            len(words) > 1 and words[1].startswith(_DEFINITE)) and head not in AR_ORG_HEADS:
        return core(text, toks[0][0], toks[-1][1])  # an indefinite head (_indefinite_head)
    cands = _name_candidates(text, toks, words)
    if not cands:
        if len(words) > 1 and all(w in _HONORIFICS for w in words[:-1]) and (
                words[-1] not in AR_TITLES and words[-1] not in AR_PLACES):
            return core(text, toks[-1][0], toks[-1][1])  # الدكتور المهندي: the surname without its title
        return core(text, toks[0][0], toks[-1][1])
    i = cands[-1]
    org_before = i > 0 and (words[i - 1] in AR_ORG_HEADS or words[i - 1] in AR_INSTITUTIONS)
    if org_before and words[0] in AR_TITLES and words[0] not in AR_ORG_HEADS and text[toks[i][0]] not in QUOTE_CHARS:
        return core(text, toks[0][0], toks[-1][1])  # رئيس جماعة أداسيل المحلية: no person's name in it
    if text[toks[i][0]] in QUOTE_CHARS:
        j = _quote_group(text, toks, i)
        if j >= 0:
            cs, ce = core(text, toks[i][0], toks[j][1])
            if ce > cs:
                return cs, ce
    if i == 0:
        return core(text, toks[0][0], toks[-1][1])
    prev = words[i - 1]
    last = i + 1
    ends = [text[e - 1] in "،," for _, e in toks]
    while last < len(toks) and not _definite(words[last]) and not ends[last - 1]:
        last += 1
    if prev not in AR_ORG_HEADS and last < len(toks) and not ends[last - 1]:
        last += 1  # one definite surname (مصطفى الكاظمي) or the ال of عبد الله
        if words[last - 2] in ("عبد", "أبو", "أبي") and last < len(toks) and not ends[last - 1]:
            last += 1
    return core(text, toks[i][0], toks[last - 1][1])
