"""Arabic attribution inside one unit: the reporting cue, its speaker phrase and the speaker's name (rules 6-11).

Arabic news is mostly verb-first: ``(و)قال <speaker> (، <time>،) إن ...``; the speaker phrase runs from the verb to
the first adjunct or content marker. A dropped subject (``وأضاف أن``) leaves the speaker to the caller's antecedent
search, guided by the verb's gender.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stancekit.builder.segment.claim_lexicon import (
    AR_CONTENT_RE,
    AR_DESCRIPTORS,
    AR_EVENT_NOUNS,
    AR_EXPRESSION_RE,
    AR_EXTRA_FREE,
    AR_FIRST_PERSON_RE,
    AR_LETTER,
    AR_MARKERS_RE,
    AR_NAMED,
    AR_NONCLAIM,
    AR_NP_STOP,
    AR_ORG_HEADS,
    AR_PARTICIPLE_ENDINGS,
    AR_PARTICIPLE_STEMS,
    AR_PRE_STOP,
    AR_PRESENT,
    AR_PRESENT_CONTENT,
    AR_REL_VERBS,
    AR_SPEECH_HEADS,
    AR_SPEECH_NOUNS,
    AR_TITLES,
    AR_VERBS_CONTENT,
    AR_VERBS_FREE,
    ar_gender,
    ar_verb_forms,
    trie_regex,
)
from stancekit.builder.segment.claim_types import QUOTE_CHARS, STRIP_CHARS, Local, core, cue_keys, tokens

_FREE = [f for lemma in AR_VERBS_FREE for f in ar_verb_forms(lemma)] + AR_EXTRA_FREE + [
    p for p in AR_PRESENT if p not in AR_PRESENT_CONTENT
]
_CONTENT = [f for lemma in AR_VERBS_CONTENT for f in ar_verb_forms(lemma)] + sorted(AR_PRESENT_CONTENT)
_CONTENT += ["وصفه", "وصفها", "وصفهم", "وصفته", "وصفتها"]
_PARTS = [s + e for s in AR_PARTICIPLE_STEMS for e in AR_PARTICIPLE_ENDINGS]
_NONCLAIM = [f for lemma in AR_NONCLAIM for f in ar_verb_forms(lemma)]
_END = rf"(?![{AR_LETTER[1:-1]}])"

CUE_RE = re.compile(
    rf"(?<!{AR_LETTER})[وف]?(?:"
    rf"(?P<expr>{AR_EXPRESSION_RE}){_END}"
    rf"|(?P<marker>{AR_MARKERS_RE})"
    rf"|(?P<relay>{trie_regex(ar_verb_forms('نقل'))}){_END}"
    rf"|(?P<part>{trie_regex(_PARTS)}){_END}"
    rf"|(?P<free>{trie_regex(_FREE)}){_END}"
    rf"|(?P<content>{trie_regex(_CONTENT)}){_END}"
    rf"|(?P<noun>{trie_regex(AR_SPEECH_NOUNS)}){_END}"
    rf"|(?P<nonclaim>{trie_regex(_NONCLAIM)}){_END}"
    rf")"
)
# the first word of every cue, as it can stand between spaces: a cheap pre-filter before CUE_RE (attribution.find_cues)
_FIRST_WORDS = (_FREE + _CONTENT + _PARTS + _NONCLAIM + ar_verb_forms("نقل") + AR_SPEECH_NOUNS
                + ["بحسب", "حسب", "وفقا", "وفقاً", "وفقًا", "وفق", "طبقا", "طبقاً", "نقلا", "نقلاً", "نقلًا"]
                + ["وفقا" + x for x in ("لـ", "ل")]
                + [p + x for p in ("ختم", "اختتم", "استهل", "بدأ") for x in ("", "ت")])
CUE_KEYS = cue_keys(_FIRST_WORDS, "وف", ("", "“", "\"", "«", "("),
                    ("", "،", ":", ".", "”", "\"", "»", "؛", ",", ":”", ":“", "\"،", "”،", ")"))
CUE_KEY_SET = frozenset(CUE_KEYS)
_CONTENT_WORDS = frozenset(p + b + a + x for p in ("", "و", "ف") for b in ("", "ب", "ل") for a in ("أن", "إن", "ان")
                           for x in ("", "ّ", "ه", "ها", "هم", "هما", "نا", "ني", "ك")) | {"بالقول"}
_HEADLINE_RE = re.compile(r"^([^:\n“”\"«»]{2,40}?)\s*:\s*\S")
_SPEECH_NOUN_RE = re.compile(r"(?<!\w)(?:قوله|قولها|قولهم|قولهما)(?!\w)")
_AN_RE = re.compile(r"(?<!\w)عن(?!\w)")
_NP_MAX = 12
_ORDER = {"relay": 0, "free": 1, "content": 1, "expr": 1, "marker": 2, "noun": 3, "part": 4, "nonclaim": 5}
_PREPS = {"في", "عن"}
_SPOKESMAN = {"المتحدث", "المتحدثة", "الناطق", "الناطقة", "متحدث", "متحدثة", "ناطق", "ناطقة"}


def _word(text: str, s: int, e: int) -> str:
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


def _np_after(text: str, pos: int, end: int, extend: bool = True) -> list[tuple[int, int]]:
    """Raw tokens of the speaker phrase that starts at ``pos`` (stops at adjuncts, content markers, commas)."""
    toks = tokens(text, pos, min(end, pos + 130))
    out: list[tuple[int, int]] = []
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
            if text[toks[j][1] - 1] in "،,:؛." or _next_is_stop(text, toks, j + 1):
                break
            i = j + 1
            continue
        if not word or raw[0] in ":،,":
            break
        if not out and word in AR_SPEECH_HEADS:
            # بيان صادر عن X / بيانات X: the source follows the speech noun
            k = i + 1
            while k < len(toks) and k < i + 3 and _word(text, *toks[k]) in ("صادر", "الصادر", "عن", "صادرة"):
                k += 1
            i = k
            continue
        if word in _PREPS and out and extend:
            j = _pp_extension(text, toks, i, out)
            if j > i:
                out.extend(toks[i:j])
                i = j
                if text[toks[j - 1][1] - 1] in "،,:؛.":
                    break
                continue
            break
        if word in AR_NP_STOP or word in _CONTENT_WORDS:
            break
        if out and (word.endswith(("اً", "ًا")) or (word.endswith("ا") and i + 1 < len(toks) and (
                _word(text, *toks[i + 1]).endswith(("ا", "اً", "ًا"))))) and not word.startswith(_DEFINITE):
            break  # an indefinite accusative: the object (وتتوقع الهيئة انخفاضا طفيفا)
        if out and (word in AR_REL_VERBS or (word.endswith(("ها", "هم")) and not word.startswith(_DEFINITE))) and (
                _indefinite_head(text, out)):
            break
        if out and (word.startswith(("بت", "بإ", "بال", "بأ", "بـ", "لـ")) or word in CUE_KEYS or (
                word[0] == "ب" and len(word) > 3 and (word.endswith("ة") or word[1] in "تإعمقفرحسخطزجدغ"))):
            break  # a prepositional or verbal-noun phrase (بزيادة الرواتب) ends the speaker
        out.append((s, e))
        if raw[-1] in "،," and extend and not _name_candidates(text, out):
            j = _apposition(text, toks, i + 1)
            if j > i + 1:
                out.extend(toks[i + 1:j])
            break
        if raw[-1] in "،,:؛.)" or (raw[-1] in QUOTE_CHARS and len(raw) > 1):
            break
        i += 1
    return out


def _lookahead(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """End index of the words after a preposition, up to a content marker, colon, comma or adjunct (max 7)."""
    j = i + 1
    while j < len(toks) and j < i + 8:
        raw = text[toks[j][0]:toks[j][1]]
        w = _word(text, *toks[j])
        if not w or w in _CONTENT_WORDS or w in AR_NP_STOP or raw.startswith(("لـ", ":")):
            break
        j += 1
        if raw[-1] in "،,:؛.":
            break
    return j


def _pp_extension(text: str, toks: list[tuple[int, int]], i: int, out: list[tuple[int, int]]) -> int:
    """How far a في/عن phrase belongs to the speaker: an indefinite descriptor's modifier (مسؤول في الوزارة), or a
    title's affiliation before a name (النائب عن كتلة ... محمد الصيهود). Returns i when it is an adjunct."""
    if i + 1 >= len(toks):
        return i
    nxt = _word(text, *toks[i + 1])
    if nxt in AR_EVENT_NOUNS or (nxt.startswith("ال") and nxt[2:] in AR_EVENT_NOUNS):
        return i
    j = _lookahead(text, toks, i)
    head = _word(text, *out[0])
    if head in AR_DESCRIPTORS and not _definite(head):
        return j
    if head in AR_TITLES:
        cand = [c for c in _name_candidates(text, toks[i + 1:j]) if c > 0]
        if cand and text[toks[i + 1 + cand[-1]][0]] not in QUOTE_CHARS:
            return j
    return i


def _indefinite_head(text: str, out: list[tuple[int, int]]) -> bool:
    head = _word(text, *out[0])
    nxt = _word(text, *out[1]) if len(out) > 1 else ""
    return head in AR_DESCRIPTORS and not _definite(head) and not _definite(nxt)


def _apposition(text: str, toks: list[tuple[int, int]], i: int) -> int:
    """``، فاروق بوعسكر،`` after a title phrase: the name between commas, when a content marker or adjunct
    follows."""
    j = i
    while j < len(toks) and j < i + 4:
        raw = text[toks[j][0]:toks[j][1]]
        w = _word(text, *toks[j])
        if not w or w in AR_NP_STOP or (_definite(w) and j == i) or w in CUE_KEYS:
            return i
        j += 1
        if raw[-1] in "،,":
            return j if _next_is_stop(text, toks, j) or (j < len(toks) and _definite(_word(text, *toks[j]))) else i
    return i


def _next_is_stop(text: str, toks: list[tuple[int, int]], j: int) -> bool:
    if j >= len(toks):
        return True
    word = _word(text, *toks[j])
    return word in AR_NP_STOP or word in _CONTENT_WORDS or text[toks[j][0]] in ":،"


def _np_before(text: str, start: int, pos: int) -> list[tuple[int, int]]:
    """The subject phrase standing before a verb (``وكان وزير الدفاع قد أعلن``), or []."""
    toks = tokens(text, max(start, pos - 110), pos)
    if toks and start < pos - 110:
        toks.pop(0)  # possibly cut
    while toks and _word(text, *toks[-1]) in ("قد", "لقد"):
        toks.pop()
    out: list[tuple[int, int]] = []
    for s, e in reversed(toks):
        raw = text[s:e]
        word = _word(text, s, e)
        if word in AR_PRE_STOP or raw[-1] in "،,:؛.)" or len(out) >= _NP_MAX or word.isdigit():
            break
        out.append((s, e))
    out.reverse()
    while out and _word(text, *out[0]) in AR_PRE_STOP:
        out.pop(0)
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
        if not w or _definite(w) or w in AR_TITLES or w in AR_ORG_HEADS or w in AR_DESCRIPTORS or w in AR_NAMED:
            continue
        if w.startswith(("لت", "لإ", "لم", "لل", "باست", "بت", "بإ", "بع", "بم", "بق", "بف", "بر", "بح", "بس", "بخ",
                         "بط")) and len(w) > 4:
            continue
        if w == "باسم" and i and words[i - 1] in _SPOKESMAN:
            continue
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
    if not AR_NAMED.isdisjoint(words):
        for k, w in enumerate(words):
            if w in AR_NAMED and k + 1 < len(toks):
                return core(text, toks[k + 1][0], toks[-1][1])
    head = words[0]
    if head in AR_DESCRIPTORS and not head.startswith(_DEFINITE) and not (
            len(words) > 1 and words[1].startswith(_DEFINITE)) and head not in AR_ORG_HEADS:
        return core(text, toks[0][0], toks[-1][1])  # an indefinite head (_indefinite_head)
    cands = _name_candidates(text, toks, words)
    if not cands:
        return core(text, toks[0][0], toks[-1][1])
    i = cands[-1]
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


def _valid(text: str, m: re.Match[str], end: int) -> bool:
    kind = m.lastgroup
    if kind in ("content", "relay"):
        return AR_CONTENT_RE.search(text, m.end(), min(end, m.end() + 110)) is not None
    return True


def _cue_span(m: re.Match[str]) -> tuple[int, int]:
    s = m.start(m.lastgroup or 0)
    return s, m.end()


def analyse(text: str, us: int, ue: int, matches: list[re.Match[str]], quoted: Callable[[int], bool]) -> Local | None:
    """The attribution of unit ``text[us:ue]`` from the cue matches inside it, or None."""
    best: re.Match[str] | None = None
    rank = 9
    for c in matches:
        r = _ORDER[c.lastgroup or "part"]
        if r < rank and not quoted(c.start()) and _valid(text, c, ue):
            best, rank = c, r
    if best is None:
        return None
    m = best
    kind = m.lastgroup
    cs, ce = _cue_span(m)
    form = text[cs:ce]
    np: list[tuple[int, int]]
    if kind == "nonclaim":
        np = _np_after(text, ce, ue, extend=False)
        loc = _local(text, cs, ce, np, ar_gender(form), ue)
        loc.claim = False
        return loc
    if kind == "relay":
        an = _AN_RE.search(text, ce, min(ue, ce + 120))
        if an is None:
            return None
        np = _np_after(text, an.end(), ue)
        noun = _SPEECH_NOUN_RE.search(text, an.end(), min(ue, an.end() + 200))
        if noun is not None:
            cs, ce = noun.span()
        return _local(text, cs, ce, np, "?", ue)
    if kind == "marker":
        after = text[ce:ce + 4].lstrip()
        if after.startswith("ما ") or after == "ما":
            return None
        pos = ce
        if text[ce - 1] == "ل" and text[ce:ce + 1] == "ل":  # وفقا للوزارة: the article's ال is assimilated
            pos = ce + 1
        np = _np_after(text, pos, ue)
        return _local(text, cs, ce, np, "?", ue, preposed=cs - us < 30)
    if kind == "noun":
        return None
    if kind == "part":
        # the participle's subject is the main clause's: the phrase after the unit's first (verb) word
        first = tokens(text, us, min(ue, us + 60))
        np = []
        if first and first[0][1] < cs:
            fw = text[first[0][0]:first[0][1]]
            if fw[0] in "وف" and len(fw) > 3:
                np = _np_after(text, first[0][1], cs, extend=False)
        return _local(text, cs, ce, np, ar_gender(form), ue)
    np = _np_before(text, us, cs)
    if not np:
        np = _np_after(text, ce, ue)
    head = text[us:cs].rstrip(" ،,")
    post = bool(head) and head[-1] in QUOTE_CHARS and text[us] in QUOTE_CHARS
    loc = _local(text, cs, ce, np, ar_gender(form), ue, preposed=not post)
    if post:
        loc.attr_start = cs
    return loc


def _local(text: str, cs: int, ce: int, np: list[tuple[int, int]], gender: str, ue: int,
           preposed: bool = True) -> Local:
    span = speaker_span(text, np)
    attr_end = max(ce, np[-1][1] if np else ce)
    colon = False
    k = attr_end
    while k < ue and (text[k].isspace() or text[k] in "”“\"«»،,"):
        k += 1
    if k < ue and text[k] == ":":
        colon = True
        attr_end = k + 1
    is_person = True
    if span is not None:
        w0 = text[np[0][0]:np[0][1]] if np else ""
        is_person = w0.strip("“”\"") not in AR_ORG_HEADS
    start = min(cs, np[0][0]) if np else cs
    return Local(cs, ce, span, gender, preposed, attr_end, is_person, colon, start)


def headline(text: str, us: int, ue: int) -> Local | None:
    """``X: ...`` in a title: X is the speaker, the colon the cue."""
    m = _HEADLINE_RE.match(text[us:min(ue, us + 60)])
    if m is None:
        return None
    from stancekit.builder.segment.claim_lexicon import AR_HEADLINE_LABELS

    toks = tokens(text, us, us + m.end(1))
    if not toks or len(toks) > 4 or _word(text, *toks[0]) in AR_HEADLINE_LABELS:
        return None
    colon = text.index(":", us + m.end(1))
    span = speaker_span(text, toks)
    return Local(colon, colon + 1, span, "?", True, colon + 1, True, True)


def first_person(text: str, s: int, e: int) -> bool:
    return AR_FIRST_PERSON_RE.search(text, s, e) is not None
