"""English attribution inside one unit: the reporting cue, its speaker phrase and the speaker's name (rules 6-11).

English puts the speaker before the cue (``Austin said that``, ``..., he said``) or after it (``..., said Austin``,
``according to the ministry``); participles (``, saying``) take the main clause's subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stancekit.builder.segment.claim_lexicon import (
    EN_AUX_BEFORE_CUE,
    EN_CONNECTORS,
    EN_CONTENT_VERBS,
    EN_DEMONYMS,
    EN_DESCRIPTOR_NOUNS,
    EN_DETERMINERS,
    EN_FIRST_PERSON_RE,
    EN_GENDER_TITLES,
    EN_HEADLINE_LABELS,
    EN_MEDIA_TYPES,
    EN_NP_STOP,
    EN_ORG_HEADS,
    EN_PARTICIPLES,
    EN_PASSIVE_BEFORE,
    EN_PRONOUNS,
    EN_SPEECH_NOUNS,
    EN_TITLES,
    EN_VERBS_FREE,
    trie_regex,
)
from stancekit.builder.segment.claim_types import QUOTE_CHARS, STRIP_CHARS, Local, core, cue_keys, tokens

CUE_RE = re.compile(
    r"\b(?:(?P<acc>[Aa]ccording to)|(?P<quoted>quoted)|(?P<pointed>point(?:ed|s) out)"
    rf"|(?P<part>{trie_regex(EN_PARTICIPLES)})|(?P<verb>{trie_regex(EN_VERBS_FREE)}))\b"
)
CUE_KEYS = cue_keys([*EN_VERBS_FREE, *EN_PARTICIPLES, "according", "According", "quoted", "pointed", "points"], "",
                    ("", "\"", "“", "(", "«", "‘", "'"),
                    ("", ",", ".", ":", ";", "\"", "”", "’", ")", ",”", ".\"", ".”", ",\"", "—", "!", "?"))
CUE_KEY_SET = frozenset(CUE_KEYS)
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_AS_SAYING = re.compile(r"\bas (?:saying|telling)\b")
_CONTENT_RE = re.compile(r"\bthat\b|[:“”\"«]")
_HEADLINE_RE = re.compile(r"^([^:\n“”\"«»]{2,40}?)\s*:\s*\S")
_DELIMS = ",;:(—–" + QUOTE_CHARS
_LAST_DELIM = re.compile(r"(?s:.*)[" + re.escape(_DELIMS) + "]")
_SOURCE_HEADS = EN_SPEECH_NOUNS | {"data", "figures", "estimates", "statistics", "numbers", "records", "documents",
                                   "results", "projections", "calculations", "analysis", "tally", "count"}
_NP_MAX = 10
_CONNECTORS_BY = EN_CONNECTORS | {"by"}
_CONNECTORS_NOT_AND = EN_CONNECTORS - {"and"}
_WORD_STRIP = QUOTE_CHARS + ",.;:"
_VERBISH = re.compile(r"^(?:[a-z]+ed|is|was|were|are|has|had|have|will|would|could|can|may|might|must|should|did|does"
                      r"|do|met|said|says|told|urged|vowed|called|asked|made|took|gave|sought|won|lost|left|began)$")


def _clean(text: str, s: int, e: int) -> tuple[int, int]:
    raw = text[s:e]
    if raw and raw[0] not in STRIP_CHARS and raw[-1] not in STRIP_CHARS:
        cs, ce = s, e  # nothing to strip (core would return the same)
    else:
        cs, ce = core(text, s, e)
    if text[ce:ce + 1] == "." and _is_abbrev(text[cs:ce + 1]):
        ce += 1
    return cs, ce


def _is_abbrev(word: str) -> bool:
    return word.lower() in EN_TITLES or _INITIALS.fullmatch(word) is not None


def _np_before(text: str, us: int, pos: int) -> list[tuple[int, int]]:
    """Raw tokens of the subject phrase ending just before the cue at ``pos``."""
    last = _LAST_DELIM.match(text, us, pos)  # the last delimiter before the cue
    seg_start = last.end() if last is not None else us
    toks = tokens(text, max(seg_start, pos - 120), pos)
    while toks and text[toks[-1][0]:toks[-1][1]].lower() in EN_AUX_BEFORE_CUE:
        toks.pop()
    # "Lloyd Austin, the defense secretary, said" / "John Keller, 64, told" / "The official, who ..., said"
    guard = 0
    while not toks and seg_start > us and text[seg_start - 1] == "," and guard < 3:
        guard += 1
        prev_end = seg_start - 1
        prev_start = max(us - 1, text.rfind(",", us, prev_end))
        inner = tokens(text, prev_start + 1, prev_end)
        if any(c in QUOTE_CHARS for c in text[prev_start + 1:prev_end]):
            return []
        first = text[inner[0][0]:inner[0][1]] if inner else ""
        skip = (first.lower() in {"who", "which", "whose", "a", "an", "the", "speaking", "whom"} or
                first[:1].islower() or first[:1].isdigit() or (len(inner) == 1 and _AFFIL.match(first)))
        if not skip or prev_start < us:
            toks = inner
            break
        seg_start = prev_start + 1
        toks = tokens(text, max(us, text.rfind(",", us, prev_start) + 1), prev_start)
        if toks:
            break
    return _walk_back(text, toks)


_AFFIL = re.compile(r"^[DRI]-[A-Z][\w.]*,?$")


def _walk_back(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(toks)
    for k in range(n - 1, -1, -1):
        s, e = toks[k]
        word = text[s:e]
        low = word.lower().strip(QUOTE_CHARS)
        if word in EN_DETERMINERS:
            out.append((s, e))
            if k >= 2 and text[toks[k - 1][0]:toks[k - 1][1]].lower() in _CONNECTORS_BY:
                continue
            break
        if low in EN_CONNECTORS and out and k > 0:
            left = text[toks[k - 1][0]:toks[k - 1][1]]
            ll = left.lower()
            if (ll not in EN_NP_STOP and not ll.endswith(("ed", "ly")) and left.isalpha()) or (
                    ll in EN_DESCRIPTOR_NOUNS):
                out.append((s, e))
                continue
        if low in EN_NP_STOP and not (len(word) > 1 and word.isupper()):
            if not out and word in EN_PRONOUNS:
                out.append((s, e))
            elif out and k >= 2 and low in _CONNECTORS_BY:
                # a reduced relative: "Shareholders led by a fund alleged", "A study published in Nature found"
                part = text[toks[k - 1][0]:toks[k - 1][1]].lower()
                head = text[toks[k - 2][0]:toks[k - 2][1]].lower()
                if part.endswith(("ed", "en")) and head.isalpha() and head not in EN_NP_STOP:
                    return _walk_back(text, toks[:k - 1])
            break
        if len(out) >= _NP_MAX:
            break
        out.append((s, e))
    out.reverse()
    return out


def _np_after(text: str, pos: int, ue: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in tokens(text, pos, min(ue, pos + 120)):
        raw = text[s:e]
        low = raw.lower().strip(_WORD_STRIP)
        if raw[0] in QUOTE_CHARS and out:
            break
        if low == "and" and out and text[out[-1][0]:out[-1][0] + 1].isupper() and text[e + 1:e + 2].isupper():
            out.append((s, e))
            continue
        if low in EN_NP_STOP and low not in {"the"}:
            if low in {"from", "by", "of"} and out and _clean_word(text, out[-1]) in _SOURCE_HEADS:
                out = []
                continue
            if not (out and low == "of"):
                break
        if len(out) >= _NP_MAX:
            break
        out.append((s, e))
        if raw[-1] in ",;:)" + QUOTE_CHARS or (raw[-1] == "." and not _is_abbrev(raw)):
            break
    return out


def _clean_word(text: str, tok: tuple[int, int]) -> str:
    cs, ce = core(text, *tok)
    return text[cs:ce].lower()


def _cap(w: str) -> bool:
    return w[:1].isupper() and w not in EN_DETERMINERS and w.lower() not in EN_DEMONYMS and (
        w.lower() not in EN_DESCRIPTOR_NOUNS)


def _is_title(w: str) -> bool:
    low = w.lower()
    return low in EN_TITLES or ("-" in low and any(p in EN_TITLES for p in low.split("-")))


def speaker_span(text: str, toks: list[tuple[int, int]]) -> tuple[tuple[int, int] | None, str, bool]:
    """Rule 10 on an English speaker phrase -> (span or None for a pronoun, gender, is_person)."""
    if not toks:
        return None, "?", True
    words = [text[slice(*_clean(text, *t))] for t in toks]
    if len(words) == 1 and words[0] in EN_PRONOUNS:
        g = EN_PRONOUNS[words[0]]
        return None, g, g in "mf"
    gender = next((EN_GENDER_TITLES[w.lower()] for w in words if w.lower() in EN_GENDER_TITLES), "?")
    if words[-1].lower() in EN_SPEECH_NOUNS and len(words) > 1 and words[-1].lower() not in {
            "spokesman", "spokeswoman", "spokesperson"}:
        toks, words = toks[:-1], words[:-1]
        if words and words[-1].endswith(("'s", "’s")):
            s, e = _clean(text, *toks[-1])
            toks = [*toks[:-1], (s, e - 2)]
            words[-1] = words[-1][:-2]
    conn = next((k for k in range(1, len(words)) if words[k].lower() in _CONNECTORS_NOT_AND), -1)
    if conn > 0:
        left = words[:conn]
        if not _cap(left[-1]):
            return _span(text, toks[0], toks[-1]), gender, left[-1].lower() in EN_DESCRIPTOR_NOUNS
        if any(_is_title(w) for w in left):
            return _name(text, toks[:conn], words[:conn], gender)
        first = 1 if words[0] in EN_DETERMINERS else 0
        return _span(text, toks[first], toks[-1]), "o", False
    return _name(text, toks, words, gender)


def _name(text: str, toks: list[tuple[int, int]], words: list[str],
          gender: str) -> tuple[tuple[int, int] | None, str, bool]:
    i = len(words)
    while i > 0 and _cap(words[i - 1]):
        i -= 1
    if i < len(words):
        last = words[-1].lower()
        if last in EN_ORG_HEADS or last.rstrip(".") in {"inc", "ltd", "corp", "co"}:
            return _span(text, toks[i], toks[-1]), "o", False
        j = len(words)
        while j > i and not _is_title(words[j - 1]):
            j -= 1
        if j < len(words):
            return _span(text, toks[j], toks[-1]), gender, True
        return _span(text, toks[i], toks[-1]), gender, len(words) - i > 1
    # lower-case head: a media type after a proper name (the Interfax news agency) or a descriptive phrase
    if words[-1].lower() in EN_MEDIA_TYPES:
        caps = [k for k, w in enumerate(words) if _cap(w)]
        if caps:
            k0 = caps[0]
            k1 = k0
            while k1 + 1 < len(words) and _cap(words[k1 + 1]):
                k1 += 1
            return _span(text, toks[k0], toks[k1]), "o", False
    low = words[-1].lower()
    person = _is_title(low) or low in EN_DESCRIPTOR_NOUNS or low in EN_DEMONYMS
    return _span(text, toks[0], toks[-1]), gender, person


def _span(text: str, a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    s, _ = _clean(text, *a)
    _, e = _clean(text, *b)
    return s, e


def _prev_word(text: str, us: int, pos: int) -> str:
    k = pos - 1
    while k >= us and text[k] == " ":
        k -= 1
    j = k
    while j >= us and not text[j].isspace():
        j -= 1
    return text[j + 1:k + 1].lower()


def _valid(text: str, m: re.Match[str], us: int, ue: int) -> bool:
    kind = m.lastgroup
    if kind == "acc":
        return True
    prev = _prev_word(text, us, m.start())
    if prev in EN_PASSIVE_BEFORE or prev.endswith(("n't",)):
        return False
    if kind == "part":
        return text[us:m.start()].rstrip().endswith((",", "—"))
    if kind == "verb" and m.group() in EN_CONTENT_VERBS:
        return _CONTENT_RE.search(text, m.end(), min(ue, m.end() + 80)) is not None or _postposed(text, m, ue)
    return True


def _postposed(text: str, m: re.Match[str], ue: int) -> bool:
    """The cue closes its clause: few words follow it, or a comma soon does (``, data showed on Thursday, and``)."""
    if _CONTENT_RE.search(text, m.end(), ue) is None and text.count(" ", m.end(), ue) <= 8:
        return True
    comma = text.find(",", m.end(), min(ue, m.end() + 30))
    return comma > 0 and _CONTENT_RE.search(text, m.end(), comma) is None and text[:m.start()].rstrip()[-1:] != ","



def analyse(text: str, us: int, ue: int, matches: list[re.Match[str]], quoted: Callable[[int], bool]) -> Local | None:
    cands = [m for m in matches if not quoted(m.start()) and _valid(text, m, us, ue)]
    if not cands:
        return None
    verbs = [m for m in cands if m.lastgroup in ("verb", "pointed", "quoted")]
    last: re.Match[str] | None = None
    np_last: list[tuple[int, int]] = []
    if verbs:
        m = verbs[0]
        if verbs[-1] is not m and _postposed(text, verbs[-1], ue):
            last = verbs[-1]
            np0 = _np_before(text, us, last.start())
            lead = text[us:np0[0][0] if np0 else last.start()].rstrip()
            if lead[-1:] in ",”\"":
                m = last
                np_last = np0
    else:
        acc = [m for m in cands if m.lastgroup == "acc"]
        m = acc[0] if acc else cands[0]
    kind = m.lastgroup
    cs, ce = m.span()
    if kind == "quoted":
        sm = _AS_SAYING.search(text, ce, min(ue, ce + 120))
        if sm is None:
            return None
        np = _np_after(text, ce, sm.start())
        span, gender, person = speaker_span(text, np)
        return Local(sm.end() - 6, sm.end(), span, gender, True, sm.end(), person)
    if kind == "acc":
        np = _np_after(text, ce, ue)
        span, gender, person = speaker_span(text, np)
        pre = bool(text[us:cs].strip(" ,\"“”")) is False
        return Local(cs, ce, span, gender, pre, ce if not np else np[-1][1], person)
    if kind == "part":
        np = _walk_back(text, _subject_tokens(text, us, cs))
        span, gender, person = speaker_span(text, np)
        return Local(cs, ce, span, gender, True, ce, person)
    np = np_last if m is last else _np_before(text, us, cs)
    inverted = not np
    if inverted:
        np = _np_after(text, ce, ue)
    span, gender, person = speaker_span(text, np)
    if not np:
        return None
    before = text[us:np[0][0] if not inverted else cs].strip(" ,")
    preposed = not before or before[-1] not in ",”\"" + "»'’"
    q = max(text.rfind("\"", us, cs), text.rfind("”", us, cs), text.rfind("»", us, cs))
    if preposed and q > us and (text[q - 1] in ",.!?" or text[q + 1:q + 2] == ",") and not _CONTENT_RE.search(
            text, q + 1, cs):
        preposed = False  # "...," the canal's administrator, Ricaurte Vasquez, told reporters
    attr_end = max(ce, np[-1][1])
    k = attr_end
    while k < ue and text[k] in " ,":
        k += 1
    colon = text[k:k + 1] == ":"
    if colon:
        attr_end = k + 1
    return Local(cs, ce, span, gender, preposed, attr_end, person, colon, min(cs, np[0][0]))


def _subject_tokens(text: str, us: int, pos: int) -> list[tuple[int, int]]:
    """The main clause's subject for a participle cue: the words before the first verb of the unit."""
    toks = tokens(text, us, pos)
    for k, (s, e) in enumerate(toks):
        if k and _VERBISH.match(text[s:e].strip(",")):
            return toks[:k]
        if k and text[e - 1] == ",":
            return toks[:k + 1]
    return []


def headline(text: str, us: int, ue: int) -> Local | None:
    m = _HEADLINE_RE.match(text[us:min(ue, us + 60)])
    if m is None:
        return None
    toks = tokens(text, us, us + m.end(1))
    if not toks or len(toks) > 4 or text[us:us + m.end(1)].strip().lower() in EN_HEADLINE_LABELS:
        return None
    colon = text.index(":", us + m.end(1))
    span, gender, person = speaker_span(text, toks)
    if span is None:
        return None
    return Local(colon, colon + 1, span, gender, True, colon + 1, person, True)


def first_person(text: str, s: int, e: int) -> bool:
    return EN_FIRST_PERSON_RE.search(text, s, e) is not None
