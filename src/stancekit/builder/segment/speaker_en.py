"""English speaker phrases: the subject before a reporting cue or the phrase after it, and the source's name in them
(rule 10 of ``docs/claim-units.md``). Used by ``attribution_en``."""

from __future__ import annotations

import re

from stancekit.builder.segment.claim_lexicon import (
    EN_AUX_BEFORE_CUE,
    EN_CONNECTORS,
    EN_DEMONYMS,
    EN_DESCRIPTOR_NOUNS,
    EN_DETERMINERS,
    EN_GENDER_TITLES,
    EN_MEDIA_TYPES,
    EN_NP_STOP,
    EN_ORG_HEADS,
    EN_PRONOUNS,
    EN_SPEECH_NOUNS,
    EN_TITLES,
)
from stancekit.builder.segment.claim_types import QUOTE_CHARS, STRIP_CHARS, core, tokens

_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_DELIMS = ",;:(—–" + QUOTE_CHARS
_LAST_DELIM = re.compile(r"(?s:.*)[" + re.escape(_DELIMS) + "]")
_SOURCE_HEADS = EN_SPEECH_NOUNS | {"data", "figures", "estimates", "statistics", "numbers", "records", "documents",
                                   "results", "projections", "calculations", "analysis", "tally", "count",
                                   "testimony", "statements", "reports", "findings", "filings"}
EN_DETERMINERS_LOW = {"a", "an", "the"}
_NP_MAX = 10
_CONNECTORS_BY = EN_CONNECTORS | {"by"}
_CONNECTORS_NOT_AND = EN_CONNECTORS - {"and"}
_GENDER_KEYS = frozenset(EN_GENDER_TITLES)
_WORD_STRIP = QUOTE_CHARS + ",.;:"


def _clean(text: str, s: int, e: int) -> tuple[int, int]:
    raw = text[s:e]
    if raw and raw[0] not in STRIP_CHARS and raw[-1] not in STRIP_CHARS:
        cs, ce = s, e  # nothing to strip (core would return the same)
    else:
        cs, ce = core(text, s, e)
    if text[ce:ce + 1] == "." and _is_abbrev(text[cs:ce + 1]):
        ce += 1
    return cs, ce


_ABBREVS = {"dept.", "inc.", "corp.", "co.", "ltd.", "govt.", "assn.", "univ.", "bros.", "intl."}


def _is_abbrev(word: str) -> bool:
    low = word.lower()
    return low in EN_TITLES or low in _ABBREVS or _INITIALS.fullmatch(word) is not None


def np_before(text: str, us: int, pos: int) -> list[tuple[int, int]]:
    """Raw tokens of the subject phrase ending just before the cue at ``pos``."""
    last = _LAST_DELIM.match(text, us, pos)  # the last delimiter before the cue
    seg_start = last.end() if last is not None else us
    toks = tokens(text, max(seg_start, pos - 120), pos)
    while toks and text[toks[-1][0]:toks[-1][1]].lower() in EN_AUX_BEFORE_CUE:
        toks.pop()
    if not toks and seg_start > us and text[seg_start - 1] == ",":
        # "DigitalEurope, which represents Apple, Google and SAP, warned": the noun before the relative clause
        rel = _REL_CLAUSE.match(text, us, seg_start - 1)
        if rel is not None and not any(c in QUOTE_CHARS for c in text[rel.start(1):pos]):
            head = rel.start(1)
            before = _LAST_DELIM.match(text, us, head)
            cand = walk_back(text, tokens(text, max(before.end() if before else us, head - 120), head))
            if len(cand) == 1 and before is not None and before.end() - 1 > us and text[before.end() - 1] == "," and (
                    _AFFIL.match(text[cand[0][0]:cand[0][1]])):
                # "Rep. Carla Jensen, R-Ohio, who drafted ..., said": the name before the party-state label
                prior = _LAST_DELIM.match(text, us, before.end() - 1)
                cand = walk_back(text, tokens(text, max(prior.end() if prior else us, head - 120),
                                              before.end() - 1)) or cand
            if cand:
                return cand
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
        age_start = max(us, text.rfind(",", us, prev_start) + 1)
        toks = tokens(text, age_start, prev_start)
        if len(toks) == 1 and text[toks[0][0]:toks[0][1]].isdigit() and age_start > us:
            seg_start, toks = age_start, []  # an age: "Graham Madden, 58, the former chief executive, denied"
            continue
        if toks:
            break
    return walk_back(text, toks)


_AFFIL = re.compile(r"^[DRI]-[A-Z][\w.]*,?$")


def walk_back(text: str, toks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    n = len(toks)
    for k in range(n - 1, -1, -1):
        s, e = toks[k]
        word = text[s:e]
        low = word.lower().strip(QUOTE_CHARS)
        if word in EN_DETERMINERS:
            out.append((s, e))
            prev = text[toks[k - 1][0]:toks[k - 1][1]].lower() if k else ""
            if k >= 2 and (prev in _CONNECTORS_BY or _to_head(text, toks, k - 1)):
                continue
            break
        if low == "to" and out and _to_head(text, toks, k):
            out.append((s, e))  # aides to the governor, chief of staff to Sen. Cole
            continue
        if low in EN_CONNECTORS and out and k > 0:
            left = text[toks[k - 1][0]:toks[k - 1][1]]
            ll = left.lower()
            if (ll not in EN_NP_STOP and not ll.endswith(("ed", "ly")) and (
                    left.isalpha() or _INITIALS.fullmatch(left))) or ll in EN_DESCRIPTOR_NOUNS:
                out.append((s, e))
                continue
        if low in EN_NP_STOP and not (len(word) > 1 and word.isupper()):
            if low in _RELATIVES and out and k > 0 and _verbish(text[out[0][0]:out[0][1]]) and _nounish(
                    text[toks[k - 1][0]:toks[k - 1][1]]):
                return walk_back(text, toks[:k])  # the subject is the noun the relative clause qualifies
            if not out and word in EN_PRONOUNS:
                out.append((s, e))
            elif out and k >= 2 and low in _CONNECTORS_BY:
                # a reduced relative: "Shareholders led by a fund alleged", "A study published in Nature found"
                part = text[toks[k - 1][0]:toks[k - 1][1]].lower()
                head = text[toks[k - 2][0]:toks[k - 2][1]].lower()
                if part.endswith(("ed", "en")) and head.isalpha() and head not in EN_NP_STOP:
                    return walk_back(text, toks[:k - 1])
            break
        if len(out) >= _NP_MAX:
            break
        out.append((s, e))
    out.reverse()
    return out


_RELATIVES = {"that", "who", "which"}
_FINITE = {"has", "had", "have", "is", "was", "were", "are", "did", "does", "do", "will", "would", "can", "could"}


def _verbish(word: str) -> bool:
    low = word.lower()
    return low in _FINITE or (low.endswith(("ed", "es")) and low.isalpha() and len(low) > 4)


def _nounish(word: str) -> bool:
    low = word.lower().strip(",")
    return low.isalpha() and low not in EN_NP_STOP and not low.endswith(("ed", "ly")) and low not in _FINITE


_REL_CLAUSE = re.compile(r"(?s:.*)(,)\s*(?:who|which|whose|whom)\b")


_TO_HEADS = EN_DESCRIPTOR_NOUNS | {"adviser", "advisor", "advisers", "advisors", "ambassador", "envoy", "heir",
                                   "successor", "deputy", "counsel", "assistant", "assistants", "secretary",
                                   "consultant", "consultants", "spokesman", "spokeswoman", "spokesperson"}


def _to_head(text: str, toks: list[tuple[int, int]], k: int) -> bool:
    """Token ``k`` is "to" after a person noun that takes it (aides to, adviser to, chief of staff to)."""
    return k > 0 and text[toks[k][0]:toks[k][1]] == "to" and text[toks[k - 1][0]:toks[k - 1][1]].lower() in _TO_HEADS


def np_after(text: str, pos: int, ue: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in tokens(text, pos, min(ue, pos + 120)):
        raw = text[s:e]
        low = raw.lower().strip(_WORD_STRIP)
        if (raw[0] in QUOTE_CHARS or raw[0] == "(") and out:
            break
        if low in _SOURCE_HEADS and all(text[a:b].lower() in EN_DETERMINERS_LOW for a, b in out):
            out.append((s, e))  # "a statement" / "testimony": the source may follow (from, by, of)
            continue
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
    if not w[:1].isupper() or w in EN_DETERMINERS:
        # al-Janabi, el-Sisi, bin-Salman: the name part after the article is capitalised
        return "-" in w and _NAME_PREFIX.match(w) is not None
    low = w.lower()
    if "-" in w and not w.isupper() and any(p[:1].islower() for p in w.split("-")[1:]):
        return False  # Iran-aligned, U.S.-led: a hyphenated adjective, not a name
    return low not in EN_DEMONYMS and low not in EN_DESCRIPTOR_NOUNS


_NAME_PREFIX = re.compile(r"^(?:al|el|ad|an|ar|as|ash|at|az|ul|bin|ibn|abu|bint)-[A-Z]")
_NAME_PARTICLES = {"&", "bin", "ibn", "bint", "abu", "de", "del", "della", "di", "da", "dos", "du", "van", "von", "der",
                   "den", "ter", "le", "la", "al", "el"}


def _is_title(w: str) -> bool:
    low = w.lower()
    return low in EN_TITLES or ("-" in low and any(p in EN_TITLES for p in low.split("-")))


def speaker_span(text: str, toks: list[tuple[int, int]]) -> tuple[tuple[int, int] | None, str, bool]:
    """Rule 10 on an English speaker phrase -> (span or None for a pronoun, gender, is_person)."""
    if not toks:
        return None, "?", True
    words = [text[slice(*_clean(text, *t))] for t in toks]
    while words and not words[0][:1].isalnum() and not any(c.isalnum() for c in words[0]):  # a quote mark, a bullet
        toks, words = toks[1:], words[1:]
    while words and not words[-1]:
        toks, words = toks[:-1], words[:-1]
    if not words:
        return None, "?", True
    if len(words) == 1 and words[0] in EN_PRONOUNS:
        g = EN_PRONOUNS[words[0]]
        return None, g, g in "mf"
    lows = [w.lower() for w in words]
    gender = "?"
    if not _GENDER_KEYS.isdisjoint(lows):
        gender = next(EN_GENDER_TITLES[w] for w in lows if w in EN_GENDER_TITLES)
    if words[-1].lower() in EN_SPEECH_NOUNS and any(w not in EN_DETERMINERS for w in words[:-1]) and (
            words[-1].lower() not in {"spokesman", "spokeswoman", "spokesperson"}):  # not "The report" -> "The"
        toks, words = toks[:-1], words[:-1]
        if words and words[-1].endswith(("'s", "’s")):
            s, e = _clean(text, *toks[-1])
            toks = [*toks[:-1], (s, e - 2)]
            words[-1] = words[-1][:-2]
    conn = -1
    if len(words) > 1 and not _CONNECTORS_NOT_AND.isdisjoint(w.lower() for w in words[1:]):
        conn = next(k for k in range(1, len(words)) if words[k].lower() in _CONNECTORS_NOT_AND)
    if conn > 0:
        left = words[:conn]
        if not _cap(left[-1]):
            return _span(text, toks[0], toks[-1]), gender, left[-1].lower() in EN_DESCRIPTOR_NOUNS
        if _office_only(left):
            named = _named_after_office(toks, words, conn)
            if named is not None:  # Secretary of State Antony Blinken -> Antony Blinken
                return _span(text, toks[named], toks[-1]), gender, True
        if any(_is_title(w) for w in left) or _person_name(left):
            return _name(text, toks[:conn], words[:conn], gender)
        first = 1 if words[0] in EN_DETERMINERS else 0
        return _span(text, toks[first], toks[-1]), "o", False
    return _name(text, toks, words, gender)


def _office_only(words: list[str]) -> bool:
    """A title with only titles, determiners, demonyms or acronyms before it: an office, no name (U.S. Secretary,
    the Deputy Chairman)."""
    return _is_title(words[-1]) and all(
        _is_title(w) or w in EN_DETERMINERS or w.lower() in EN_DEMONYMS or (w.replace(".", "").isupper())
        for w in words[:-1])


def _named_after_office(toks: list[tuple[int, int]], words: list[str], conn: int) -> int | None:
    """Where the person's name starts after an office and its complement (Secretary of State Antony Blinken, Chairman
    of the Joint Chiefs of Staff Mark Milley): the words after the last connector must all start with a capital; the
    last two are the name (one when only two follow: State Blinken), reaching back over an initial (Mike R. Pompeo),
    and must read as a name. None when the phrase does not end so."""
    last = max(k for k in range(conn, len(words)) if words[k].lower() in _CONNECTORS_NOT_AND)
    tail = range(last + 1, len(words))
    if len(tail) < 2 or not all(words[k][:1].isupper() for k in tail):
        return None
    start = len(words) - 1 if len(tail) == 2 else len(words) - 2
    while start > last + 2 and _is_initial(words[start]):
        start -= 1
    return start if all(_cap(words[k]) for k in range(start, len(words))) else None


def _is_initial(w: str) -> bool:
    return len(w) == 2 and w[0].isupper() and w[1] == "."


def _person_name(words: list[str]) -> bool:
    """Two to four capitalised words with no organisation head: a person's name (Elliot Marsh of the ... Institute)."""
    names = words[1:] if words[0] in EN_DETERMINERS else words
    return 2 <= len(names) <= 4 and words[0] not in EN_DETERMINERS and all(
        _cap(w) or w.lower() in _NAME_PARTICLES for w in names) and names[-1].lower() not in EN_ORG_HEADS


def _name(text: str, toks: list[tuple[int, int]], words: list[str],
          gender: str) -> tuple[tuple[int, int] | None, str, bool]:
    i = len(words)
    while i > 0 and (_cap(words[i - 1]) or (i < len(words) and i > 1 and _cap(words[i - 2]) and (
            words[i - 1].lower() in _NAME_PARTICLES or words[i - 1][:1].isupper()))):
        i -= 1  # inside a name: particles (bin, van, &) and capitalised common nouns (Event Data Project)
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
    if low in EN_ORG_HEADS and len(words) > 1 and _cap(words[-2]):
        k = len(words) - 2
        while k > 0 and _cap(words[k - 1]):
            k -= 1
        return _span(text, toks[k], toks[-1]), "o", False  # the Iran-aligned Fatah alliance -> Fatah alliance
    person = _is_title(low) or low in EN_DESCRIPTOR_NOUNS or low in EN_DEMONYMS
    if person and gender == "?" and (low in _PLURALS or (low.endswith("s") and not low.endswith(("ss", "us")))):
        gender = "p"  # officials, analysts, aides, police: not an antecedent for he/she
    return _span(text, toks[0], toks[-1]), gender, person


_PLURALS = {"police", "people", "staff"}


def _span(text: str, a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    s, _ = _clean(text, *a)
    _, e = _clean(text, *b)
    return s, e
