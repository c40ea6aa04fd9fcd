# cython: language_level=3, boundscheck=True, wraparound=True, cdivision=False, annotation_typing=False
"""Claim attribution (rules 6-12) compiled: the same ``Attribution`` list as
:func:`stancekit.builder.segment.attribution.attribute`, several times faster.

The Python modules (``attribution``, ``attribution_ar``/``_en``, ``speaker_ar``/``_en``, ``claim_quotes``,
``claim_sources``, ``claim_types``) stay the reference and the fallback: this file follows them function by function
(each name here is the one of the same name there, ``_ar``/``_en`` added where both languages have one), with typed
offsets (``Py_ssize_t``) and characters (``Py_UCS4``) in place of slices and one-character strings, and it imports
their compiled regexes, word sets and records (``Local``, ``Entity``, ``Attribution``, ``DocState``), so each rule and
word list lives once; only the control flow is repeated. The few character sets written here as literals (the
compiler turns ``c in "..."`` into a switch) are checked against the Python constants at import, and so are the
patterns of the small regexes run per cue that are hand-written here over offsets (claim_quotes' marker and
punctuation-only, ``_CONTENT_RE``, ``AR_CONTENT_RE``, both first-person regexes, the title letters of
``_EN_MENTION_RE``, both ``CUE_RE``s: one-word cues by their word sets, the Arabic phrase cues by their own regexes): a
change there makes this module refuse to load (the Python code then runs) until it is updated.
``tests/builder/test_attr_native.py`` checks both give the same attributions on the gold sets, the UD documents,
mutated documents and generated text, and each hand-written matcher against its regex (through the ``_test_*``
functions below). ``native.load("_attr_native")`` loads this module.

Where the time goes (news corpus, ~45 CPU ms per MB; perf): cue finding ~20% (the key pre-filter's scan of every
character ~5% and its dict look-ups of the cue tokens ~2%, the one-pass search of the cue words found ~3.5%,
the cue matched where they stand, by hand, the filter's one-time build), the speaker phrases
(``analyse_ar``/``_en``: token tuples ~5%, stripped words, set look-ups; spread thin) ~50%, quote type ~5%, the rest
per document (quotation spans, unit offsets, continuations, antecedents).

The module-level directives keep Python's indexing (negative indices wrap, out-of-range raises) because the code
indexes lists and strings as the Python code does; the character loops read with ``PyUnicode_READ``.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from libc.string cimport memcpy, memset
from cpython.unicode cimport Py_UNICODE_ISDIGIT, Py_UNICODE_ISLOWER, Py_UNICODE_ISUPPER
from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISALPHA, Py_UCS1, Py_UCS2, PyUnicode_1BYTE_KIND, PyUnicode_2BYTE_KIND, PyUnicode_DATA, PyUnicode_KIND, PyUnicode_READ, PyUnicode_Substring, Py_UNICODE_ISSPACE

import array
import re
from bisect import bisect_right
from itertools import islice
from operator import le

from stancekit.builder.segment import attribution as _at
from stancekit.builder.segment import attribution_ar as _aar
from stancekit.builder.segment import attribution_en as _aen
from stancekit.builder.segment import claim_quotes as _cq
from stancekit.builder.segment import claim_sources as _cs
from stancekit.builder.segment import claim_types as _ct
from stancekit.builder.segment import speaker_ar as _sar
from stancekit.builder.segment import speaker_en as _sen
from stancekit.builder.segment.claim_lexicon import (
    AR_CONTENT_RE,
    AR_DESCRIPTORS,
    AR_DOC_NOUNS,
    AR_EVENT_NOUNS,
    AR_INSTITUTIONS,
    AR_NAMED,
    AR_NP_STOP,
    AR_OBJECT_NOUNS,
    AR_ORG_HEADS,
    AR_PLACES,
    AR_PRE_STOP,
    AR_REL_VERBS,
    AR_RULE_NOUNS,
    AR_SPEECH_HEADS,
    AR_TITLES,
    EN_AS_VERBS,
    EN_AUX_BEFORE_CUE,
    EN_CLAIM_NOUNS,
    EN_CONNECTORS,
    EN_CONTENT_VERBS,
    EN_DEMONYMS,
    EN_DESCRIPTOR_NOUNS,
    EN_DETERMINERS,
    EN_GENDER_TITLES,
    EN_MEDIA_TYPES,
    EN_NP_STOP,
    EN_OF_VERBS,
    EN_ORG_HEADS,
    EN_PASSIVE_BEFORE,
    EN_PRONOUNS,
    EN_REJECT_VERBS,
    EN_SPEECH_NOUNS,
    EN_TITLES,
)
from stancekit.builder.segment.claim_lexicon import _PAST_T
from stancekit.builder.segment.claim_lexicon import EN_PARTICIPLES, EN_VERBS_FREE, trie_regex

cdef extern from *:
    const char* SK_SOURCE_SHA256

SOURCE_SHA256 = SK_SOURCE_SHA256.decode("ascii")

# ------------------------------------------------------------------------------------------- character sets

cdef inline bint _is_strip(Py_UCS4 c) noexcept:  # claim_types.STRIP_CHARS
    return c in "“”\"«»„()[]،,:؛;.!?؟'’‘—–-"


cdef inline bint _is_quote(Py_UCS4 c) noexcept:  # claim_types.QUOTE_CHARS
    return c in "“”\"«»„"


cdef inline bint _is_word_strip_en(Py_UCS4 c) noexcept:  # speaker_en._WORD_STRIP
    return c in "“”\"«»„,.;:"


cdef inline bint _is_delim_en(Py_UCS4 c) noexcept:  # speaker_en._DELIMS
    return c in ",;:(—–“”\"«»„"


ctypedef fused _CharT:
    Py_UCS1
    Py_UCS2
    Py_UCS4


cdef inline bint _is_space(Py_UCS4 c) noexcept:
    """``str.isspace`` of one character without a call for non-ASCII letters (checked against CPython at import)."""
    if c < 128:
        return c == 32 or (9 <= c <= 13) or (28 <= c <= 31)
    if c < 0x1680:
        return c == 0x85 or c == 0xA0
    return c == 0x1680 or (0x2000 <= c <= 0x200A) or c == 0x2028 or c == 0x2029 or c == 0x202F or c == 0x205F or (
        c == 0x3000)


cdef int _check_space() except -1:
    cdef Py_UCS4 c
    for c in range(0x110000):
        if _is_space(c) != Py_UNICODE_ISSPACE(c):
            raise ImportError(f"_attr_native is out of date: str.isspace differs at U+{<long>c:04X}; rebuild it")
    return 0


_check_space()


def _check_literals() -> None:
    """The character sets written as literals here are the Python modules' (else this module must not load)."""
    pairs = [("“”\"«»„()[]،,:؛;.!?؟'’‘—–-", _ct.STRIP_CHARS), ("“”\"«»„", _ct.QUOTE_CHARS),
             ("“”\"«»„,.;:", _sen._WORD_STRIP), (",;:(—–“”\"«»„", _sen._DELIMS)]
    for mine, theirs in pairs:
        if mine != theirs:
            raise ImportError(f"_attr_native is out of date: a character set changed ({theirs!r}); rebuild it")


_check_literals()

# ------------------------------------------------------------------------------------------------ claim_types

cdef inline Py_UCS4 _ch(str s, Py_ssize_t i) noexcept:
    """``s[i]`` for 0 <= i < len(s), without the checks of a Python index."""
    return PyUnicode_READ(PyUnicode_KIND(s), PyUnicode_DATA(s), i)


cdef inline Py_UCS4 _first(str text, tuple tok):
    """``text[tok[0]]``: the first character of a token."""
    cdef Py_ssize_t s = tok[0]
    return _ch(text, s)


cdef inline Py_UCS4 _last(str text, tuple tok):
    """``text[tok[1] - 1]``: the last character of a token."""
    cdef Py_ssize_t e = tok[1]
    return _ch(text, e - 1)


cdef extern from "_small_ints.h":
    enum: SK_N_INTS
    int sk_set_small_ints(object ints) except -1


# Every Py_ssize_t this module boxes (token offsets, spans, the arguments of the Python calls it makes) below
# SK_N_INTS is one of these, made once (_small_ints.h: offsets above 256 are not CPython's cached small ints, and
# a new int object for each was a good part of the speaker phrases' cost).
sk_set_small_ints(list(range(SK_N_INTS)))


cdef list tokens(str text, Py_ssize_t start, Py_ssize_t end):
    """claim_types.tokens: whitespace tokens of ``text[start:end]`` (``\\S+`` as ``finditer(text, start, end)``)."""
    cdef Py_ssize_t n = len(text)
    cdef list out = []
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    if start < 0:
        start = 0
    if end > n:
        end = n
    if kind == PyUnicode_1BYTE_KIND:
        _tokens_into(<const Py_UCS1*>data, start, end, out)
    elif kind == PyUnicode_2BYTE_KIND:
        _tokens_into(<const Py_UCS2*>data, start, end, out)
    else:
        _tokens_into(<const Py_UCS4*>data, start, end, out)
    return out


def _test_tokens(str text, Py_ssize_t start, Py_ssize_t end):
    """tokens, for the comparison tests."""
    return tokens(text, start, end)


cdef int _tokens_into(const _CharT* data, Py_ssize_t i, Py_ssize_t end, list out) except -1:
    """:func:`tokens` over the string's buffer, one loop per character width (no width switch per character)."""
    cdef Py_ssize_t j
    while i < end:
        while i < end and _is_space(data[i]):
            i += 1
        if i >= end:
            break
        j = i + 1
        while j < end and not _is_space(data[j]):
            j += 1
        out.append((i, j))
        i = j
    return 0


cdef tuple core(str text, Py_ssize_t start, Py_ssize_t end):
    """claim_types.core: ``[start, end)`` shrunk past quote marks and punctuation at both ends."""
    cdef Py_ssize_t a = start, b = end
    if start < 0 or end > len(text) or start > end:
        return _ct.core(text, start, end)
    while a < b and _is_strip(_ch(text, a)):
        a += 1
    if a == b:
        return (start, start) if start < end else (start, end)
    while _is_strip(_ch(text, b - 1)):
        b -= 1
    return a, b


cdef str stripped(str text, Py_ssize_t s, Py_ssize_t e):
    """speaker_ar.stripped: ``text[s:e].strip(STRIP_CHARS)``."""
    if s < 0 or e > len(text) or s > e:
        return text[s:e].strip(_ct.STRIP_CHARS)
    while s < e and _is_strip(_ch(text, s)):
        s += 1
    while e > s and _is_strip(_ch(text, e - 1)):
        e -= 1
    return PyUnicode_Substring(text, s, e)


cdef inline str _tok_stripped(str text, tuple tok):
    return stripped(text, tok[0], tok[1])


cdef object Attribution = _ct.Attribution
cdef object Entity = _cs.Entity


cdef class _Local:
    """claim_types.Local with the same attributes (the Python helpers that take one, ``resolve`` and ``quote_type``,
    read them by name), built without a Python-level ``__init__``. Never returned: ``attribute`` returns
    ``Attribution`` records only."""
    cdef public object cue_start, cue_end, speaker, gender, preposed, attr_end, is_person, colon_intro, attr_start
    cdef public object claim


cdef _Local _as_local(obj):
    """A claim_types.Local (from a Python finder) as a _Local with the same fields."""
    if obj is None or isinstance(obj, _Local):
        return obj
    loc = Local(obj.cue_start, obj.cue_end, obj.speaker, obj.gender, obj.preposed, obj.attr_end, obj.is_person,
                obj.colon_intro, obj.attr_start)
    loc.claim = obj.claim
    return loc


cdef _Local Local(object cue_start, object cue_end, object speaker, object gender, object preposed, object attr_end,
                  object is_person=True, object colon_intro=False, object attr_start=-1):
    cdef _Local loc = _Local.__new__(_Local)
    loc.cue_start = cue_start
    loc.cue_end = cue_end
    loc.speaker = speaker
    loc.gender = gender
    loc.preposed = preposed
    loc.attr_end = attr_end
    loc.is_person = is_person
    loc.colon_intro = colon_intro
    loc.attr_start = cue_start if attr_start < 0 else attr_start  # (Local.__post_init__)
    loc.claim = True
    return loc


cdef str ar_gender(str form):
    """claim_lexicon.ar_gender: 'f', 'p' (plural/dual) or 'm' from an Arabic past-verb or participle form."""
    cdef str bare = form.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if bare.endswith(("وا", "ين", "ون", "تا", "يا")):
        return "p"
    if bare.endswith(("ت", "ة", "ةً")) or (bare.startswith("ت") and bare not in _PAST_T):
        return "f"
    return "m"

# ----------------------------------------------- one-character str predicates without the slice and the method call
# (str.isupper/islower/isalpha/isdigit of a one-character string is the Py_UNICODE_IS* test of that character)

cdef inline bint _first_upper(str w) noexcept:
    """``w[:1].isupper()``."""
    return len(w) > 0 and Py_UNICODE_ISUPPER(_ch(w, 0))


cdef inline bint _first_lower(str w) noexcept:
    """``w[:1].islower()``."""
    return len(w) > 0 and Py_UNICODE_ISLOWER(_ch(w, 0))


cdef inline bint _first_alpha(str w) noexcept:
    """``w[:1].isalpha()``."""
    return len(w) > 0 and Py_UNICODE_ISALPHA(_ch(w, 0))


cdef inline bint _first_digit(str w) noexcept:
    """``w[:1].isdigit()``."""
    return len(w) > 0 and Py_UNICODE_ISDIGIT(_ch(w, 0))


cdef inline bint _upper_at(str text, Py_ssize_t k) noexcept:
    """``text[k:k + 1].isupper()`` for k >= 0."""
    return k < len(text) and Py_UNICODE_ISUPPER(_ch(text, k))


cdef bint _disjoint(words_set, list words) except -1:
    """``words_set.isdisjoint(words)``."""
    for w in words:
        if w in words_set:
            return False
    return True


def _test_first(str w):
    """The one-character predicates above, for the comparison tests."""
    return _first_upper(w), _first_lower(w), _first_alpha(w), _first_digit(w), _upper_at(w, 0), _upper_at(w, 1)

# ------------------------------------------------------------------ any()/all() as loops (no generator expression: in
# Cython one makes its function allocate a closure scope on every call, and read its locals through it)

cdef bint _all_in(list words, Py_ssize_t a, Py_ssize_t b, words_set) except -1:
    """``all(w in words_set for w in words[a:b])``."""
    cdef Py_ssize_t k
    for k in range(max(a, 0), min(b, len(words))):
        if words[k] not in words_set:
            return False
    return True


cdef bint _any_lam_word(list ow) except -1:
    """``any(w[:1] == "ل" and not w.startswith("ال") for w in ow[1:])``."""
    cdef Py_ssize_t k
    cdef str w
    for k in range(1, len(ow)):
        w = ow[k]
        if w[:1] == "ل" and not w.startswith("ال"):
            return True
    return False


cdef bint _all_determiners(str text, list out) except -1:
    """``all(text[a:b].lower() in EN_DETERMINERS_LOW for a, b in out)``."""
    for t in out:
        a, b = t
        if text[a:b].lower() not in EN_DETERMINERS_LOW:
            return False
    return True


cdef bint _any_lower_part(str w) except -1:
    """``any(p[:1].islower() for p in w.split("-")[1:])``."""
    cdef list parts = w.split("-")
    cdef Py_ssize_t k
    for k in range(1, len(parts)):
        if _first_lower(<str>parts[k]):
            return True
    return False


cdef bint _any_title_part(str low) except -1:
    """``any(p in EN_TITLES for p in low.split("-"))``."""
    for p in low.split("-"):
        if p in EN_TITLES:
            return True
    return False


cdef str _first_gender(list lows):
    """``next(EN_GENDER_TITLES[w] for w in lows if w in EN_GENDER_TITLES)``."""
    for w in lows:
        if w in EN_GENDER_TITLES:
            return EN_GENDER_TITLES[w]
    raise StopIteration


cdef bint _any_title(list words) except -1:
    """``any(_is_title(w) for w in words)``."""
    for w in words:
        if _is_title(w):
            return True
    return False


cdef bint _all_name_words(list names) except -1:
    """``all(_cap(w) or w.lower() in _NAME_PARTICLES for w in names)``."""
    for w in names:
        if not (_cap(w) or (<str>w).lower() in _NAME_PARTICLES):
            return False
    return True


cdef bint _any_lead_word(list lead) except -1:
    """``any(w.lower() not in EN_AUX_BEFORE_CUE and w.lower() != "now" and not w.endswith("ly") for w in lead)``."""
    cdef str w
    for w in lead:
        if w.lower() not in EN_AUX_BEFORE_CUE and w.lower() != "now" and not w.endswith("ly"):
            return True
    return False


cdef bint _any_comma_quote(str text, Py_ssize_t a, Py_ssize_t b) except -1:
    """``any(c in ",\"”" for c in text[a:b])``."""
    cdef Py_UCS4 c
    for c in text[a:b]:
        if c == "," or c == "\"" or c == "”":
            return True
    return False


cdef class _Cue:
    """One cue match of a finder's ``CUE_RE``, as the fields the rules read: ``s``/``e`` (``m.start()``/``m.end()``),
    ``kind`` (``m.lastgroup``) and ``gs`` (``m.start(m.lastgroup or 0)``), read as C fields rather than through the
    match object's methods."""
    cdef readonly Py_ssize_t s, e, gs
    cdef readonly object kind


cdef _Cue _cue_of(m):
    """A ``_Cue`` from a regex match."""
    cdef _Cue c = _Cue.__new__(_Cue)
    c.s = m.start()
    c.e = m.end()
    c.kind = m.lastgroup
    c.gs = m.start(c.kind or 0)
    return c

# ------------------------------------------------------------------------------------------------- speaker_ar

cdef object _CONTENT_WORDS = _sar._CONTENT_WORDS
cdef Py_ssize_t _AR_NP_MAX = _sar._NP_MAX
cdef object _HONORIFICS = _sar._HONORIFICS
cdef object _NAMED_ALL = _sar._NAMED_ALL
cdef object _PREPS = _sar._PREPS
cdef object _VERBAL_NOUN_OBJECTS = _sar._VERBAL_NOUN_OBJECTS
cdef object _CONSTRUCT_HEADS = _sar._CONSTRUCT_HEADS
cdef object _LAM_HEADS = _sar._LAM_HEADS
cdef object _CONSTRUCT_ONLY = _sar._CONSTRUCT_ONLY
cdef object _SPOKESMAN = _sar._SPOKESMAN
cdef object _DEFINITE = _sar._DEFINITE
cdef object _HIGH = _sar._HIGH
cdef object _ADJ_ENDINGS = _sar._ADJ_ENDINGS
cdef object AR_CUE_KEYS = _sar.CUE_KEYS


cdef inline bint _definite(str w) noexcept:
    """``w.startswith(_DEFINITE)``: the article ال (also لل، بال، وال), read from the characters."""
    cdef Py_ssize_t n = len(w)
    cdef Py_UCS4 c0, c1
    if n < 2:
        return False
    c0 = _ch(w, 0)
    c1 = _ch(w, 1)
    if (c0 == "ا" or c0 == "ل") and c1 == "ل":
        return True
    return n >= 3 and (c0 == "ب" or c0 == "و") and c1 == "ا" and _ch(w, 2) == "ل"


def _check_definite() -> None:
    if _sar._DEFINITE != ("ال", "لل", "بال", "وال"):
        raise ImportError("_attr_native is out of date: speaker_ar._DEFINITE changed; rebuild it")


_check_definite()


cdef Py_ssize_t _quote_group(str text, list toks, Py_ssize_t i):
    """Index of the token closing a short quoted group opened at token ``i`` (a name), or -1."""
    cdef Py_ssize_t j, s, e
    for j in range(i, min(len(toks), i + 5)):
        s = toks[j][0]
        e = toks[j][1]
        while e > s and _ch(text, e - 1) in "،,:؛.":
            e -= 1
        if e > s and _is_quote(_ch(text, e - 1)) and (j > i or e - s > 1):
            return j if j - i < 4 else -1
    return -1


cdef inline str _sw(str text, list toks, list memo, Py_ssize_t k):
    """``_tok_stripped(text, toks[k])``, made once per token of one np_after_ar call (``memo``: None or the word,
    one per token)."""
    w = memo[k]
    if w is None:
        w = _tok_stripped(text, toks[k])
        memo[k] = w
    return <str>w


cdef list np_after_ar(str text, Py_ssize_t pos, Py_ssize_t end, bint extend=True):
    """speaker_ar.np_after: raw tokens of the speaker phrase that starts at ``pos``."""
    cdef list toks = tokens(text, pos, min(end, pos + 130))
    cdef list out = []
    cdef list ow = []
    cdef list memo
    cdef Py_ssize_t i = 0, n = len(toks), s, e, j, k
    cdef str word, nxt
    cdef Py_UCS4 c0, cl
    cdef tuple named
    memo = [None] * n
    while i < n and len(out) < _AR_NP_MAX:
        s = toks[i][0]
        e = toks[i][1]
        c0 = _ch(text, s)
        cl = _ch(text, e - 1)
        word = _sw(text, toks, memo, i)
        if _is_quote(c0) and not (out and e - s == 1):
            j = _quote_group(text, toks, i)
            if j < 0:
                break
            out.extend(toks[i:j + 1])
            for k in range(i, j + 1):
                ow.append(_sw(text, toks, memo, k))
            if _last(text, toks[j]) in "،,:؛." or _next_is_stop(text, toks, j + 1, memo):
                break
            i = j + 1
            continue
        if not word or c0 in ":،,":
            break
        if not out and word in AR_SPEECH_HEADS and i + 1 < n and (not _indefinite_word(
                _sw(text, toks, memo, i + 1)) or (i + 2 < n and _definite(_sw(text, toks, memo, i + 2)))):
            k = i + 1
            while k < n and k < i + 3 and _sw(text, toks, memo, k) in ("صادر", "الصادر", "عن", "صادرة"):
                k += 1
            i = k
            continue
        if (word in _PREPS or (word == "من" and _adjectival(ow))) and out and extend:
            named = _name_after_pp(text, toks, i, memo)
            if named is not None:
                out.extend(toks[named[0]:named[1]])
                break
            j = _pp_extension(text, toks, i, out, ow, memo)
            if j > i:
                out.extend(toks[i:j])
                for k in range(i, j):
                    ow.append(_sw(text, toks, memo, k))
                i = j
                if _last(text, toks[j - 1]) in "،,:؛." or word == "من":
                    break
                continue
            break
        if word in AR_NP_STOP or word in _CONTENT_WORDS or (out and c0 == "(") or (
                out and word in AR_OBJECT_NOUNS and ow[-1] not in AR_ORG_HEADS and ow[-1] not in AR_TITLES):
            break
        if out and word in _VERBAL_NOUN_OBJECTS and (_definite(ow[-1]) or ow[-1] not in _CONSTRUCT_HEADS):
            break
        if out and not _definite(word) and (_object_follows(text, out, ow, word) or _construct_object(
                text, toks, i, out, ow, word, memo)):
            break
        if out and _ch(word, len(word) - 1) in "اً" and (word.endswith(("اً", "ًا")) or (
                word.endswith("ا") and i + 1 < n and (_sw(text, toks, memo, i + 1).endswith(("ا", "اً", "ًا"))))) and (
                not _definite(word)):
            break
        if out and (word in AR_REL_VERBS or (word.endswith(("ها", "هم")) and not _definite(word))) and (
                _indefinite_head(text, out)):
            break
        if out and word not in AR_INSTITUTIONS and ((_ch(word, 0) in "بل" and word.startswith((
                "بت", "بإ", "بال", "بأ", "بـ", "لـ"))) or (
                _ar_cue_key(word)) or (
                word[0] == "ب" and len(word) > 3 and (word.endswith("ة") or word[1] in "تإعمقفرحسخطزجدغ"))):
            break
        out.append(toks[i])
        ow.append(word)
        if cl in "،," and extend and i + 2 < n and _sw(text, toks, memo, i + 1).lstrip("و") in AR_NAMED:
            out.extend(toks[i + 1:_lookahead(text, toks, i + 1, memo)])
            break
        if cl in "،," and extend and (not _name_candidates(text, out, ow) or (
                i + 1 < n and _sw(text, toks, memo, i + 1) in _HONORIFICS)):
            j = _apposition(text, toks, i + 1, memo)
            if j > i + 1:
                out.extend(toks[i + 1:j])
            break
        if cl in "،,:؛.)" or (_is_quote(cl) and e - s > 1):
            break
        i += 1
    return out


def _test_np_after_ar(str text, Py_ssize_t pos, Py_ssize_t end, bint extend=True):
    """np_after_ar, for the comparison tests."""
    return np_after_ar(text, pos, end, extend)


cdef bint _indefinite_word(str w):
    return bool(w) and not _definite(w) and w not in AR_NP_STOP and w not in _CONTENT_WORDS and (
        w[0] not in "«“\"") and (w not in ("صادر", "صادرة", "الصادر", "عن"))


cdef bint _object_follows(str text, list out, list words, str word):
    if len(words) == 1 and words[0] in AR_PLACES:
        return not word.startswith(("ل", "ب")) and _first_alpha(word)
    if not _definite(words[-1]) or word.startswith(("ل", "ب")) or not _first_alpha(word) or (
            _is_quote(_last(text, out[-1]))):
        return False
    for w in words:
        if w in AR_TITLES or w in AR_NAMED or w in AR_DESCRIPTORS:
            return False
    return True


cdef bint _construct_object(str text, list toks, Py_ssize_t i, list out, list words, str word, list memo):
    if _definite(word) or word in _HIGH or word in AR_NAMED or i + 1 >= len(toks) or (
            len(words) == 1 and words[0] in AR_TITLES):
        return False
    if words[0] not in AR_DESCRIPTORS or not _definite(_sw(text, toks, memo, i + 1)):
        return False
    for w in words:
        if _definite(w):
            return False
    return _last(text, out[-1]) not in "،,"


cdef Py_ssize_t _lookahead(str text, list toks, Py_ssize_t i, list memo):
    cdef Py_ssize_t j = i + 1, n = len(toks), s, e
    cdef str w
    while j < n and j < i + 8:
        s = toks[j][0]
        e = toks[j][1]
        w = _sw(text, toks, memo, j)
        if not w or w in _CONTENT_WORDS or w in AR_NP_STOP or text.startswith(("لـ", ":"), s, e):
            break
        j += 1
        if _ch(text, e - 1) in "،,:؛.":
            break
    return j


cdef Py_ssize_t _pp_extension(str text, list toks, Py_ssize_t i, list out, list ow, list memo):
    cdef Py_ssize_t j, n = len(toks)
    cdef str nxt, head
    if i + 1 >= n:
        return i
    nxt = _sw(text, toks, memo, i + 1)
    if nxt in AR_EVENT_NOUNS or (nxt.startswith("ال") and nxt[2:] in AR_EVENT_NOUNS and nxt[2:] not in _CONSTRUCT_ONLY):
        return i
    j = _lookahead(text, toks, i, memo)
    head = _tok_stripped(text, out[0])
    if _sw(text, toks, memo, i) == "من":
        j = i + 2
        if _definite(nxt):
            while j < n and j < i + 4 and _definite(_sw(text, toks, memo, j)) and (
                    _last(text, toks[j - 1]) not in "،,"):
                j += 1
        return j
    if (head in AR_DESCRIPTORS and not _definite(head)) or _adjectival(ow):
        return j
    if (head in AR_INSTITUTIONS or head in AR_ORG_HEADS) and _sw(text, toks, memo, i) == "في" and j - i == 2 and (
            _any_lam_word(ow)):
        return j
    if head in AR_TITLES:
        cand = [c for c in _name_candidates(text, toks[i + 1:j], None) if c > 0]
        if cand and not _is_quote(_first(text, toks[i + 1 + cand[-1]])):
            return j
        if _definite(nxt) and j < n and _sw(text, toks, memo, j) in _CONTENT_WORDS and (
                _last(text, toks[j - 1]) not in "،,:؛."):
            return j
    return i


cdef bint _adjectival(list words):
    if len(words) < 2:
        return False
    for w in words:
        if _definite(w):
            return False
    return (<str>words[-1]).endswith(_ADJ_ENDINGS) and words[0] not in AR_TITLES


cdef bint _indefinite_head(str text, list out):
    cdef str head = _tok_stripped(text, out[0])
    cdef str nxt = _tok_stripped(text, out[1]) if len(out) > 1 else ""
    return head in AR_DESCRIPTORS and not _definite(head) and not _definite(nxt)


cdef tuple _name_after_pp(str text, list toks, Py_ssize_t i, list memo):
    cdef Py_ssize_t k, j
    cdef str w
    for k in range(i, min(len(toks), i + 6)):
        w = _sw(text, toks, memo, k)
        if not w or _ar_cue_key(w) or w in _CONTENT_WORDS or _first(text, toks[k]) in ":،,":
            return None
        if _last(text, toks[k]) in "،,":
            j = _apposition(text, toks, k + 1, memo)
            return (k + 1, j) if j > k + 1 and _name_candidates(text, toks[k + 1:j], None) else None
        if _last(text, toks[k]) in ":؛.":
            return None
    return None


cdef Py_ssize_t _apposition(str text, list toks, Py_ssize_t i, list memo):
    cdef Py_ssize_t j = i, n = len(toks)
    cdef str w
    while j < n and j < i + 4:
        w = _sw(text, toks, memo, j)
        if not w or w in AR_NP_STOP or (_definite(w) and j == i and w not in AR_TITLES) or _ar_cue_key(w):
            return i
        j += 1
        if _last(text, toks[j - 1]) in "،,":
            return j if _next_is_stop(text, toks, j, memo) or (j < n and _definite(_sw(text, toks, memo, j))) else i
    return i


cdef bint _next_is_stop(str text, list toks, Py_ssize_t j, list memo):
    if j >= len(toks):
        return True
    cdef str word = _sw(text, toks, memo, j)
    return word in AR_NP_STOP or word in _CONTENT_WORDS or _first(text, toks[j]) in ":،"


cdef list np_before_ar(str text, Py_ssize_t start, Py_ssize_t pos):
    """speaker_ar.np_before: the subject phrase standing before a verb, or []."""
    cdef list toks = tokens(text, max(start, pos - 110), pos)
    cdef list out = []
    cdef str word
    cdef Py_ssize_t k, s, e
    cdef Py_UCS4 c
    if toks and start < pos - 110:
        toks.pop(0)
    while toks and _tok_stripped(text, toks[-1]) in ("قد", "لقد"):
        toks.pop()
    for k in range(len(toks) - 1, -1, -1):
        s = toks[k][0]
        e = toks[k][1]
        word = stripped(text, s, e)
        if word in AR_PRE_STOP or _ch(text, e - 1) in "،,:؛.)" or len(out) >= _AR_NP_MAX or word.isdigit():
            break
        if not _first_alpha(word):
            for c in word:
                if c.isalpha():
                    break
            else:
                break
        out.append(toks[k])
    out.reverse()
    while out and _tok_stripped(text, out[0]) in AR_PRE_STOP:
        out.pop(0)
    if len(out) > 1 and _tok_stripped(text, out[0]) in AR_SPEECH_HEADS and _first(text, out[1]) == "ل" and (
            not text.startswith("لل", out[1][0])):
        out = [(out[1][0] + 1, out[1][1]), *out[2:]]
    return out


cdef list _name_candidates(str text, list toks, list words):
    cdef list out = []
    cdef Py_ssize_t i, n = len(toks), s, e
    cdef str w, prev
    cdef Py_UCS4 c0
    if words is None:
        words = [_tok_stripped(text, t) for t in toks]
    for i in range(n):
        w = words[i]
        s = toks[i][0]
        e = toks[i][1]
        c0 = _ch(text, s)
        if (_is_quote(c0) and e - s > 1) or (_is_quote(c0) and i + 1 < n):
            out.append(i)
            continue
        if not w or _definite(w) or w in AR_TITLES or w in AR_ORG_HEADS or w in AR_DESCRIPTORS or w in AR_NAMED or (
                w in AR_INSTITUTIONS) or w in _PREPS:
            continue
        if len(w) > 4 and _ch(w, 0) in "لب" and w.startswith((  # every prefix starts with ل or ب
                "لت", "لإ", "لم", "لل", "باست", "بت", "بإ", "بع", "بم", "بق", "بف", "بر", "بح", "بس", "بخ", "بط")):
            continue
        if w == "باسم" and i and words[i - 1] in _SPOKESMAN:
            continue
        if w[:1] == "ل" and w[1:] in _LAM_HEADS:
            continue
        prev = words[i - 1] if i else ""
        if i == 0 or _definite(prev) or prev in AR_TITLES or prev in AR_ORG_HEADS or prev in AR_NAMED or (
                _is_quote(_last(text, toks[i - 1]))):
            if prev in AR_DESCRIPTORS and not _definite(prev) and prev not in AR_ORG_HEADS:
                continue
            out.append(i)
    return out


cdef object speaker_span_ar(str text, list toks):
    """speaker_ar.speaker_span: the source's span in an Arabic speaker phrase, or None."""
    cdef Py_ssize_t k, i, j, last, n = len(toks)
    cdef str head, prev
    cdef list words, cands
    if not toks:
        return None
    words = [_tok_stripped(text, t) for t in toks]
    if not _disjoint(_NAMED_ALL, words):
        for k in range(n):
            if words[k] in _NAMED_ALL and k + 1 < n:
                return core(text, toks[k + 1][0], toks[-1][1])
    head = words[0]
    if head in AR_DESCRIPTORS and not _definite(head) and not (
            n > 1 and _definite(words[1])) and head not in AR_ORG_HEADS:
        return core(text, toks[0][0], toks[-1][1])
    cands = _name_candidates(text, toks, words)
    if not cands:
        if n > 1 and _all_in(words, 0, len(words) - 1, _HONORIFICS) and (
                words[-1] not in AR_TITLES and words[-1] not in AR_PLACES):
            return core(text, toks[-1][0], toks[-1][1])
        return core(text, toks[0][0], toks[-1][1])
    i = cands[-1]
    org_before = i > 0 and (words[i - 1] in AR_ORG_HEADS or words[i - 1] in AR_INSTITUTIONS)
    if org_before and words[0] in AR_TITLES and words[0] not in AR_ORG_HEADS and not _is_quote(_first(text, toks[i])):
        return core(text, toks[0][0], toks[-1][1])
    if _is_quote(_first(text, toks[i])):
        j = _quote_group(text, toks, i)
        if j >= 0:
            sp = core(text, toks[i][0], toks[j][1])
            if sp[1] > sp[0]:
                return sp
    if i == 0:
        return core(text, toks[0][0], toks[-1][1])
    prev = words[i - 1]
    last = i + 1
    while last < n and not _definite(words[last]) and not _last(text, toks[last - 1]) in "،,":
        last += 1
    if prev not in AR_ORG_HEADS and last < n and not _last(text, toks[last - 1]) in "،,":
        last += 1
        if words[last - 2] in ("عبد", "أبو", "أبي") and last < n and not _last(text, toks[last - 1]) in "،,":
            last += 1
    return core(text, toks[i][0], toks[last - 1][1])

# --------------------------------------------------------------------------------------------- attribution_ar

cdef object _MODAL_BEFORE = _aar._MODAL_BEFORE
cdef object _THAT_RE = _aar._THAT_RE
cdef object _SUFFIX_GENDER = _aar._SUFFIX_GENDER
cdef object _SPEECH_NOUN_RE = _aar._SPEECH_NOUN_RE
cdef object _AN_RE = _aar._AN_RE
cdef object _NOT_VERBS = _aar._NOT_VERBS
cdef object _KANA = _aar._KANA
cdef object _ORDER = _aar._ORDER


cdef bint _valid_ar(str text, _Cue m, Py_ssize_t end) except -1:
    kind = m.kind
    if (kind == "free" or kind == "content") and _ch(text, m.gs) in "يت" and _MODAL_BEFORE.search(
            text, max(0, m.s - 8), m.s):
        return False
    if kind == "content" or kind == "relay" or kind == "came":
        return _ar_content_in(text, m.e, min(end, m.e + 110))
    return True


cdef _Local analyse_ar(str text, Py_ssize_t us, Py_ssize_t ue, list matches, DocState doc):
    """attribution_ar.analyse: the attribution of unit ``text[us:ue]`` from the cue matches inside it, or None."""
    cdef Py_ssize_t rank = 9, r, cs, ce, pos
    cdef list np, doc_toks, relay
    cdef str form, after, w, base, head, suffix, g
    cdef _Cue best = None, c, m
    for c in matches:
        r = _ORDER[c.kind or "part"]
        if r < rank and not doc.quoted(c.s) and _valid_ar(text, c, ue):
            best, rank = c, r
    if best is None:
        return None
    m = best
    kind = m.kind
    cs = m.gs
    ce = m.e
    form = text[cs:ce]
    if kind == "nonclaim":
        np = np_after_ar(text, ce, ue, False)
        loc = _local(text, cs, ce, np, ar_gender(form), ue, True)
        loc.claim = False
        return loc
    if kind == "relay":
        an = _AN_RE.search(text, ce, min(ue, ce + 120))
        if an is None:
            return None
        np = np_after_ar(text, an.end(), ue, True)
        noun = _SPEECH_NOUN_RE.search(text, an.end(), min(ue, an.end() + 200))
        if noun is not None:
            cs, ce = noun.span()
        return _local(text, cs, ce, np, "?", ue, True)
    if kind == "marker":
        after = text[ce:ce + 4].lstrip()
        if after.startswith("ما ") or after == "ما":
            return None
        pos = ce
        if _ch(text, ce - 1) == "ل" and text[ce:ce + 1] == "ل":
            pos = ce + 1
        np = np_after_ar(text, pos, ue, True)
        if np and _rule_noun(_tok_stripped(text, np[0]), _ch(text, ce - 1) == "ل" or text[ce:ce + 1] == "ل"):
            return None
        return _local(text, cs, ce, np, "?", ue, cs - us < 30)
    if kind == "noun":
        return None
    if kind == "came":
        doc_toks = tokens(text, ce, min(ue, ce + 40))
        w = _tok_stripped(text, doc_toks[0]) if doc_toks else ""
        for suffix, g in _SUFFIX_GENDER:
            base = w[:-len(suffix)]
            if w.endswith(suffix) and (base in AR_DOC_NOUNS or (base[-1:] == "ت" and base[:-1] + "ة" in AR_DOC_NOUNS)):
                return _local(text, cs, ce, _main_subject(text, us, cs, matches, g), g, ue, True)
        return _local(text, cs, ce, np_after_ar(text, ce, ue, True), "?", ue, True)
    if kind == "part":
        g = ar_gender(form)
        return _local(text, cs, ce, _main_subject(text, us, cs, matches, g), g, ue, True)
    np = np_before_ar(text, us, cs)
    if not np:
        np = np_after_ar(text, ce, ue, True)
    relay = _relayed(text, matches, ce, ue) if len(matches) > 1 else []
    if relay:
        np = relay
    if not np and cs > m.s and cs - us > 8:
        np = _main_subject(text, us, cs, matches, ar_gender(form))
    head = text[us:cs].rstrip(" ،,")
    post = bool(head) and _is_quote(head[-1]) and _is_quote(_ch(text, us))
    loc = _local(text, cs, ce, np, ar_gender(form), ue, not post)
    if post:
        loc.attr_start = cs
    return loc


cdef list _relayed(str text, list matches, Py_ssize_t ce, Py_ssize_t ue):
    cdef _Cue c
    for c in matches:
        if c.s > ce and c.kind == "marker" and _ch(text, c.gs) == "ن":
            content = _THAT_RE.search(text, ce, ue)
            if content is None or c.s < content.start():
                return np_after_ar(text, c.e, ue, True)
    return []


cdef bint _rule_noun(str word, bint lam):
    if word in AR_RULE_NOUNS:
        return True
    return lam and word.startswith("ل") and ("ا" + word) in AR_RULE_NOUNS


cdef list _main_subject(str text, Py_ssize_t us, Py_ssize_t cs, list matches, str gender):
    cdef Py_ssize_t vs, ve, k, j, e
    cdef list np, toks
    cdef str fw, w0
    cdef _Cue m
    for m in matches:
        if m.s >= cs:
            break
        if m.kind in ("free", "content", "nonclaim", "expr"):
            vs = m.gs
            ve = m.e
            if _agrees(text[vs:ve], gender):
                np = np_before_ar(text, us, m.s) or np_after_ar(text, ve, cs, False)
                if np:
                    return np
    toks = tokens(text, us, min(cs, us + 80))
    k = 0
    if toks:
        w0 = _tok_stripped(text, toks[0])
        if w0 not in _KANA and (w0 in _NOT_VERBS or w0 in AR_PRE_STOP):
            k = -1
            for j in range(min(5, len(toks))):
                if _last(text, toks[j]) in "،,":
                    k = j + 1
                    break
    if k < 0 or k >= len(toks) or toks[k][1] >= cs:
        return []
    fw = _tok_stripped(text, toks[k])
    if fw in _KANA:
        pass
    elif len(fw) < 3 or fw in AR_PRE_STOP or fw in _NOT_VERBS or not _agrees(fw, gender) or (
            k == 0 and fw[0] not in "وف"):
        return []
    return np_after_ar(text, toks[k][1], cs, False)


cdef bint _agrees(str verb, str gender):
    g = ar_gender(verb)
    return gender == "?" or g == gender or (gender == "p" and g == "m")


cdef _Local _local(str text, Py_ssize_t cs, Py_ssize_t ce, list np, str gender, Py_ssize_t ue, bint preposed):
    cdef object span = speaker_span_ar(text, np)
    cdef Py_ssize_t attr_end = max(ce, <Py_ssize_t>np[-1][1] if np else ce)
    cdef Py_ssize_t k = attr_end
    cdef bint colon = False, is_person = True
    cdef Py_UCS4 c
    cdef str w0
    while k < ue:
        c = _ch(text, k)
        if not (_is_space(c) or c in "”“\"«»،,"):
            break
        k += 1
    if k < ue and _ch(text, k) == ":":
        colon = True
        attr_end = k + 1
    if span is not None:
        w0 = text[np[0][0]:np[0][1]] if np else ""
        is_person = w0.strip("“”\"") not in AR_ORG_HEADS
    start = min(cs, <Py_ssize_t>np[0][0]) if np else cs
    return Local(cs, ce, span, gender, preposed, attr_end, is_person, colon, start)

# ------------------------------------------------------------------------------------------------- speaker_en

cdef object _INITIALS = _sen._INITIALS
cdef object _SOURCE_HEADS = _sen._SOURCE_HEADS
cdef object EN_DETERMINERS_LOW = _sen.EN_DETERMINERS_LOW
cdef Py_ssize_t _EN_NP_MAX = _sen._NP_MAX
cdef object _CONNECTORS_BY = _sen._CONNECTORS_BY
cdef object _CONNECTORS_NOT_AND = _sen._CONNECTORS_NOT_AND
cdef object _GENDER_KEYS = _sen._GENDER_KEYS
cdef object _ABBREVS = _sen._ABBREVS
cdef object _AFFIL = _sen._AFFIL
cdef object _RELATIVES = _sen._RELATIVES
cdef object _FINITE = _sen._FINITE
cdef object _REL_CLAUSE = _sen._REL_CLAUSE
cdef object _TO_HEADS = _sen._TO_HEADS
cdef object _NAME_PREFIX = _sen._NAME_PREFIX
cdef object _NAME_PARTICLES = _sen._NAME_PARTICLES
cdef object _PLURALS = _sen._PLURALS
cdef object QUOTE_CHARS = _ct.QUOTE_CHARS


cdef tuple _clean(str text, Py_ssize_t s, Py_ssize_t e):
    cdef Py_ssize_t cs, ce
    _clean_into(text, s, e, &cs, &ce)
    return cs, ce


cdef int _clean_into(str text, Py_ssize_t s, Py_ssize_t e, Py_ssize_t* cs, Py_ssize_t* ce) except -1:
    """speaker_en._clean: a token without the quote marks and punctuation around it, keeping an abbreviation's
    period; the offsets into ``cs``/``ce``."""
    if s < e and s >= 0 and e <= len(text) and not _is_strip(_ch(text, s)) and not _is_strip(_ch(text, e - 1)):
        cs[0] = s
        ce[0] = e
    else:
        cs[0], ce[0] = core(text, s, e)
    if ((0 <= ce[0] < len(text) and _ch(text, ce[0]) == ".") or (ce[0] < 0 and text[ce[0]:ce[0] + 1] == ".")) and (
            _is_abbrev(text[cs[0]:ce[0] + 1])):
        ce[0] += 1
    return 0


cdef bint _is_abbrev(str word):
    low = word.lower()
    return low in EN_TITLES or low in _ABBREVS or _INITIALS.fullmatch(word) is not None


cdef Py_ssize_t _last_delim_end(str text, Py_ssize_t us, Py_ssize_t pos):
    """``_LAST_DELIM.match(text, us, pos).end()`` (just after the last delimiter in ``text[us:pos]``), or -1."""
    cdef Py_ssize_t i = min(pos, len(text)) - 1
    while i >= us:
        if _is_delim_en(_ch(text, i)):
            return i + 1
        i -= 1
    return -1


cdef list np_before_en(str text, Py_ssize_t us, Py_ssize_t pos):
    """speaker_en.np_before: raw tokens of the subject phrase ending just before the cue at ``pos``. The common case
    (a subject right before the cue, after the last delimiter) here; a subject before a comma (apposition, age,
    relative clause) in the Python function."""
    cdef Py_ssize_t seg_start = _last_delim_end(text, us, pos)
    if seg_start < 0:
        seg_start = us
    cdef list toks = tokens(text, max(seg_start, pos - 120), pos)
    while toks and text[toks[-1][0]:toks[-1][1]].lower() in EN_AUX_BEFORE_CUE:
        toks.pop()
    if not toks and seg_start > us and _ch(text, seg_start - 1) == ",":
        return _np_before_comma(text, us, pos, seg_start)
    return walk_back(text, toks)


cdef bint _has_quote(str text, Py_ssize_t a, Py_ssize_t b):
    """``any(c in QUOTE_CHARS for c in text[a:b])``."""
    cdef Py_ssize_t i
    cdef Py_UCS4 c
    if a < 0 or b > len(text):
        for c in text[a:b]:
            if _is_quote(c):
                return True
        return False
    for i in range(a, b):
        if _is_quote(_ch(text, i)):
            return True
    return False


cdef list _np_before_comma(str text, Py_ssize_t us, Py_ssize_t pos, Py_ssize_t seg_start):
    """speaker_en.np_before when the cue follows a comma and nothing else (an apposition, an age, a relative clause
    between the subject and the cue)."""
    cdef Py_ssize_t head, before, prior, guard, prev_end, prev_start, age_start
    cdef list toks = [], cand, inner
    cdef str first
    cdef bint skip
    rel = _REL_CLAUSE.match(text, us, seg_start - 1)
    if rel is not None and not _has_quote(text, rel.start(1), pos):
        head = rel.start(1)
        before = _last_delim_end(text, us, head)
        cand = walk_back(text, tokens(text, max(before if before >= 0 else us, head - 120), head))
        if len(cand) == 1 and before >= 0 and before - 1 > us and _ch(text, before - 1) == "," and (
                _AFFIL.match(text[cand[0][0]:cand[0][1]]) is not None):
            prior = _last_delim_end(text, us, before - 1)
            cand = walk_back(text, tokens(text, max(prior if prior >= 0 else us, head - 120), before - 1)) or cand
        if cand:
            return cand
    guard = 0
    while not toks and seg_start > us and _ch(text, seg_start - 1) == "," and guard < 3:
        guard += 1
        prev_end = seg_start - 1
        prev_start = max(us - 1, text.rfind(",", us, prev_end))
        inner = tokens(text, prev_start + 1, prev_end)
        if _has_quote(text, prev_start + 1, prev_end):
            return []
        first = text[inner[0][0]:inner[0][1]] if inner else ""
        skip = (first.lower() in ("who", "which", "whose", "a", "an", "the", "speaking", "whom") or
                _first_lower(first) or _first_digit(first) or (len(inner) == 1 and _AFFIL.match(first) is not None))
        if not skip or prev_start < us:
            toks = inner
            break
        seg_start = prev_start + 1
        age_start = max(us, text.rfind(",", us, prev_start) + 1)
        toks = tokens(text, age_start, prev_start)
        if len(toks) == 1 and text[toks[0][0]:toks[0][1]].isdigit() and age_start > us:
            seg_start = age_start
            toks = []
            continue
        if toks:
            break
    return walk_back(text, toks)


cdef list walk_back(str text, list toks):
    cdef list out = []
    cdef Py_ssize_t n = len(toks), k, s, e
    cdef str word, low, prev, left, ll, part, head
    for k in range(n - 1, -1, -1):
        s = toks[k][0]
        e = toks[k][1]
        word = text[s:e]
        low = word.lower().strip(QUOTE_CHARS)
        if word in EN_DETERMINERS:
            out.append(toks[k])
            prev = text[toks[k - 1][0]:toks[k - 1][1]].lower() if k else ""
            if k >= 2 and (prev in _CONNECTORS_BY or _to_head(text, toks, k - 1)):
                continue
            break
        if low == "to" and out and _to_head(text, toks, k):
            out.append(toks[k])
            continue
        if low in EN_CONNECTORS and out and k > 0:
            left = text[toks[k - 1][0]:toks[k - 1][1]]
            ll = left.lower()
            if (ll not in EN_NP_STOP and not ll.endswith(("ed", "ly")) and (
                    left.isalpha() or _INITIALS.fullmatch(left))) or ll in EN_DESCRIPTOR_NOUNS:
                out.append(toks[k])
                continue
        if low in EN_NP_STOP and not (len(word) > 1 and word.isupper()):
            if low in _RELATIVES and out and k > 0 and _verbish(text[out[0][0]:out[0][1]]) and _nounish(
                    text[toks[k - 1][0]:toks[k - 1][1]]):
                return walk_back(text, toks[:k])
            if not out and word in EN_PRONOUNS:
                out.append(toks[k])
            elif out and k >= 2 and low in _CONNECTORS_BY:
                part = text[toks[k - 1][0]:toks[k - 1][1]].lower()
                head = text[toks[k - 2][0]:toks[k - 2][1]].lower()
                if part.endswith(("ed", "en")) and head.isalpha() and head not in EN_NP_STOP:
                    return walk_back(text, toks[:k - 1])
            break
        if len(out) >= _EN_NP_MAX:
            break
        out.append(toks[k])
    out.reverse()
    return out


cdef bint _verbish(str word):
    low = word.lower()
    return low in _FINITE or (low.endswith(("ed", "es")) and low.isalpha() and len(low) > 4)


cdef bint _nounish(str word):
    low = word.lower().strip(",")
    return low.isalpha() and low not in EN_NP_STOP and not low.endswith(("ed", "ly")) and low not in _FINITE


cdef bint _to_head(str text, list toks, Py_ssize_t k):
    return k > 0 and text[toks[k][0]:toks[k][1]] == "to" and (
        text[toks[k - 1][0]:toks[k - 1][1]].lower() in _TO_HEADS)


cdef inline str _strip_word_en(str text, Py_ssize_t s, Py_ssize_t e):
    """``text[s:e].strip(_WORD_STRIP)`` for a token."""
    while s < e and _is_word_strip_en(_ch(text, s)):
        s += 1
    while e > s and _is_word_strip_en(_ch(text, e - 1)):
        e -= 1
    return PyUnicode_Substring(text, s, e)


cdef list np_after_en(str text, Py_ssize_t pos, Py_ssize_t ue):
    cdef list out = []
    cdef Py_ssize_t s, e
    cdef Py_UCS4 c0, cl
    cdef str low, raw
    for t in tokens(text, pos, min(ue, pos + 120)):
        s = t[0]
        e = t[1]
        c0 = _ch(text, s)
        cl = _ch(text, e - 1)
        low = _strip_word_en(text, s, e).lower()
        if (_is_quote(c0) or c0 == "(") and out:
            break
        if low in _SOURCE_HEADS and _all_determiners(text, out):
            out.append(t)
            continue
        if low == "and" and out and _upper_at(text, out[-1][0]) and _upper_at(text, e + 1):
            out.append(t)
            continue
        if low in EN_NP_STOP and low != "the":
            if (low == "from" or low == "by" or low == "of") and out and _clean_word(text, out[-1]) in _SOURCE_HEADS:
                out = []
                continue
            if not (out and low == "of"):
                break
        if len(out) >= _EN_NP_MAX:
            break
        out.append(t)
        if cl in ",;:)“”\"«»„" or (cl == "." and not _is_abbrev(text[s:e])):
            break
    return out


cdef str _clean_word(str text, tuple tok):
    cs, ce = core(text, tok[0], tok[1])
    return text[cs:ce].lower()


cdef bint _cap(str w):
    if not _first_upper(w) or w in EN_DETERMINERS:
        return "-" in w and _NAME_PREFIX.match(w) is not None
    low = w.lower()
    if "-" in w and not w.isupper() and _any_lower_part(w):
        return False
    return low not in EN_DEMONYMS and low not in EN_DESCRIPTOR_NOUNS


cdef bint _is_title(str w):
    low = w.lower()
    return low in EN_TITLES or ("-" in low and _any_title_part(low))


cdef tuple speaker_span_en(str text, list toks):
    """speaker_en.speaker_span: (span or None for a pronoun, gender, is_person)."""
    cdef list words, lows, left
    cdef str gender, g
    cdef Py_ssize_t conn, k, first, s, e
    if not toks:
        return None, "?", True
    words = []
    for t in toks:
        _clean_into(text, t[0], t[1], &s, &e)
        words.append(text[s:e])
    while words and not _any_alnum(words[0]):
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
    if not _disjoint(_GENDER_KEYS, lows):
        gender = _first_gender(lows)
    if (<str>words[-1]).lower() in EN_SPEECH_NOUNS and not _all_in(words, 0, len(words) - 1, EN_DETERMINERS) and (
            (<str>words[-1]).lower() not in {"spokesman", "spokeswoman", "spokesperson"}):
        toks, words = toks[:-1], words[:-1]
        if words and (<str>words[-1]).endswith(("'s", "’s")):
            s, e = _clean(text, toks[-1][0], toks[-1][1])
            toks = [*toks[:-1], (s, e - 2)]
            words[-1] = words[-1][:-2]
    conn = -1
    for k in range(1, len(words)):
        if (<str>words[k]).lower() in _CONNECTORS_NOT_AND:
            conn = k
            break
    if conn > 0:
        left = words[:conn]
        if not _cap(left[-1]):
            return _span(text, toks[0], toks[-1]), gender, left[-1].lower() in EN_DESCRIPTOR_NOUNS
        if _office_only(left):
            named = _named_after_office(words, conn)
            if named >= 0:  # Secretary of State Antony Blinken -> Antony Blinken
                return _span(text, toks[named], toks[-1]), gender, True
        if _any_title(left) or _person_name(left):
            return _name(text, toks[:conn], words[:conn], gender)
        first = 1 if words[0] in EN_DETERMINERS else 0
        return _span(text, toks[first], toks[-1]), "o", False
    return _name(text, toks, words, gender)


cdef bint _any_alnum(str w):
    """``w[:1].isalnum() or any(c.isalnum() for c in w)``."""
    cdef Py_UCS4 c
    for c in w:
        if Py_UNICODE_ISALNUM(c):
            return True
    return False


cdef bint _office_only(list words) except -1:
    """speaker_en._office_only."""
    cdef Py_ssize_t k
    if not _is_title(words[len(words) - 1]):
        return False
    for k in range(len(words) - 1):
        w = <str>words[k]
        if not (_is_title(w) or w in EN_DETERMINERS or w.lower() in EN_DEMONYMS or w.replace(".", "").isupper()):
            return False
    return True


cdef Py_ssize_t _named_after_office(list words, Py_ssize_t conn) except -2:
    """speaker_en._named_after_office (-1 for None)."""
    cdef Py_ssize_t k, last = -1, n = len(words), start
    for k in range(conn, n):
        if (<str>words[k]).lower() in _CONNECTORS_NOT_AND:
            last = k
    if n - (last + 1) < 2:
        return -1
    for k in range(last + 1, n):
        if not _first_upper(<str>words[k]):
            return -1
    start = n - 1 if n - (last + 1) == 2 else n - 2
    while start > last + 2 and _is_initial(words[start]):
        start -= 1
    for k in range(start, n):
        if not _cap(words[k]):
            return -1
    return start


cdef inline bint _is_initial(str w):
    return len(w) == 2 and w[0].isupper() and w[1] == "."


cdef bint _person_name(list words):
    names = words[1:] if words[0] in EN_DETERMINERS else words
    return 2 <= len(names) <= 4 and words[0] not in EN_DETERMINERS and _all_name_words(names) and names[-1].lower() not in EN_ORG_HEADS


cdef tuple _name(str text, list toks, list words, str gender):
    cdef Py_ssize_t i = len(words), j, k, k0, k1, nw = len(words)
    cdef str last, low
    while i > 0 and (_cap(words[i - 1]) or (i < nw and i > 1 and _cap(words[i - 2]) and (
            (<str>words[i - 1]).lower() in _NAME_PARTICLES or _first_upper(<str>words[i - 1])))):
        i -= 1
    if i < nw:
        last = (<str>words[-1]).lower()
        if last in EN_ORG_HEADS or last.rstrip(".") in {"inc", "ltd", "corp", "co"}:
            return _span(text, toks[i], toks[-1]), "o", False
        j = nw
        while j > i and not _is_title(words[j - 1]):
            j -= 1
        if j < nw:
            return _span(text, toks[j], toks[-1]), gender, True
        return _span(text, toks[i], toks[-1]), gender, nw - i > 1
    if (<str>words[-1]).lower() in EN_MEDIA_TYPES:
        caps = [k for k, w in enumerate(words) if _cap(w)]
        if caps:
            k0 = caps[0]
            k1 = k0
            while k1 + 1 < nw and _cap(words[k1 + 1]):
                k1 += 1
            return _span(text, toks[k0], toks[k1]), "o", False
    low = (<str>words[-1]).lower()
    if low in EN_ORG_HEADS and nw > 1 and _cap(words[-2]):
        k = nw - 2
        while k > 0 and _cap(words[k - 1]):
            k -= 1
        return _span(text, toks[k], toks[-1]), "o", False
    person = _is_title(low) or low in EN_DESCRIPTOR_NOUNS or low in EN_DEMONYMS
    if person and gender == "?" and (low in _PLURALS or (low.endswith("s") and not low.endswith(("ss", "us")))):
        gender = "p"
    return _span(text, toks[0], toks[-1]), gender, person


cdef tuple _span(str text, tuple a, tuple b):
    s, _ = _clean(text, a[0], a[1])
    _, e = _clean(text, b[0], b[1])
    return s, e

# --------------------------------------------------------------------------------------------- attribution_en

cdef object _AS_SAYING = _aen._AS_SAYING
cdef object _CONTENT_RE = _aen._CONTENT_RE


def _check_content_re() -> None:
    if _CONTENT_RE.pattern != '\\bthat\\b|[:“”\\"«]' or _CONTENT_RE.flags != 32:
        raise ImportError("_attr_native is out of date: attribution_en._CONTENT_RE changed; rebuild it")


_check_content_re()


cdef bint _content_in(str text, Py_ssize_t a, Py_ssize_t b) noexcept:
    """``_CONTENT_RE.search(text, a, b) is not None`` (``\\bthat\\b`` or a colon or opening quote mark) without the
    regex: as there, the boundary before ``that`` sees the character before ``a``, and ``b`` acts as the end."""
    cdef Py_ssize_t p, n = len(text)
    cdef Py_UCS4 c
    if b > n:
        b = n
    if a < 0:
        a = 0
    for p in range(a, b):
        c = _ch(text, p)
        if c == ":" or c == "“" or c == "”" or c == "\"" or c == "«":
            return True
        if c == "t" and p + 4 <= b and _ch(text, p + 1) == "h" and _ch(text, p + 2) == "a" and (
                _ch(text, p + 3) == "t") and (p == 0 or not _is_word(_ch(text, p - 1))) and (
                p + 4 == b or not _is_word(_ch(text, p + 4))):
            return True
    return False


cdef bint _comma_before(str text, Py_ssize_t ms):
    """``text[:ms].rstrip()[-1:] == ","`` without copying the text before ``ms``."""
    cdef Py_ssize_t k
    if ms < 0 or ms > len(text):
        return text[:ms].rstrip()[-1:] == ","
    k = ms - 1
    while k >= 0 and _is_space(_ch(text, k)):
        k -= 1
    return k >= 0 and _ch(text, k) == ","


def _test_content(str text, Py_ssize_t a, Py_ssize_t b):
    """(_content_in, _comma_before(b)), for the comparison tests."""
    return _content_in(text, a, b), _comma_before(text, b)
cdef object _CITING = _aen._CITING
cdef object _DENY = _aen._DENY
cdef object _REFUSED_RE = _aen._REFUSED_RE
cdef object _OF_RE = _aen._OF_RE
cdef object _AS_RE = _aen._AS_RE
cdef object _REJECTED_RE = _aen._REJECTED_RE
cdef object _NO_CONTENT = _aen._NO_CONTENT
cdef object _VERBISH = _aen._VERBISH
cdef object _RELATIVE_PRONOUNS = _aen._RELATIVE_PRONOUNS
cdef object _OBJECT_VERBS = _aen._OBJECT_VERBS


def _check_en_literals() -> None:
    if _aen._BY_OR_NO_CONTENT != frozenset("brc"):
        raise ImportError("_attr_native is out of date: attribution_en._BY_OR_NO_CONTENT changed; rebuild it")


_check_en_literals()


cdef str _prev_word(str text, Py_ssize_t us, Py_ssize_t pos):
    cdef Py_ssize_t k = pos - 1, j
    while k >= us and _ch(text, k) == " ":
        k -= 1
    j = k
    while j >= us and not _is_space(_ch(text, j)):
        j -= 1
    return text[j + 1:k + 1].lower()


cdef bint _valid_en(str text, _Cue m, Py_ssize_t us, Py_ssize_t ue) except -1:
    cdef Py_ssize_t ms, end
    cdef str prev, word
    kind = m.kind
    if kind == "acc":
        return True
    ms = m.s
    prev = _prev_word(text, us, ms)
    if prev in EN_PASSIVE_BEFORE or prev.endswith("n't"):
        return False
    if kind == "part":
        return text[us:ms].rstrip().endswith((",", "—"))
    if kind != "verb":
        return True
    word = text[ms:m.e]
    end = m.e
    if text[end + 1:end + 2] in ("b", "r", "c") and (
            text.startswith(" by ", end) or _NO_CONTENT.match(text, end, ue)):
        return False
    if word in EN_OF_VERBS:
        return _OF_RE.search(text, end, min(ue, end + 60)) is not None
    if word in EN_AS_VERBS:
        lead = text[max(us, text.rfind(",", us, ms) + 1):ms].split()
        return _AS_RE.search(text, end, min(ue, end + 80)) is not None and _any_lead_word(lead)
    if word in EN_REJECT_VERBS:
        return _REJECTED_RE.match(text, end, ue) is not None
    if word in _DENY and _REFUSED_RE.match(text, end, ue) is not None:
        return False
    if _appositive_claim(text, us, ms):
        return False
    if prev in _RELATIVE_PRONOUNS and text.find(",", end, ue) >= 0:
        return False
    if word in EN_CONTENT_VERBS:
        if _content_in(text, end, min(ue, end + 80)):
            return True
        if word in _OBJECT_VERBS and not _any_comma_quote(text, us, ms):
            return False
        return _postposed(text, m, ue)
    return True


cdef bint _appositive_claim(str text, Py_ssize_t us, Py_ssize_t pos):
    cdef Py_ssize_t comma = text.rfind(",", max(us, pos - 60), pos)
    if comma < 0:
        return False
    words = text[comma + 1:pos].split()
    return 2 <= len(words) <= 6 and words[0].lower() in ("a", "an", "the") and words[1].lower() in EN_CLAIM_NOUNS


cdef bint _postposed(str text, _Cue m, Py_ssize_t ue) except -1:
    cdef Py_ssize_t me = m.e, comma
    if not _content_in(text, me, ue) and text.count(" ", me, ue) <= 8:
        return True
    comma = text.find(",", me, min(ue, me + 30))
    return comma > 0 and not _content_in(text, me, comma) and not _comma_before(text, m.s)


cdef _Local analyse_en(str text, Py_ssize_t us, Py_ssize_t ue, list matches, DocState doc):
    """attribution_en.analyse."""
    cdef list cands, verbs, acc, np_last, np0, np, relay
    cdef Py_ssize_t cs, ce, q, attr_end, k
    cdef str lead, before
    cdef bint inverted, preposed, colon
    cdef _Cue m, last
    cands = []
    for m in matches:
        if not doc.quoted(m.s) and _valid_en(text, m, us, ue):
            cands.append(m)
    if not cands:
        return None
    verbs = []
    for m in cands:
        if m.kind in ("verb", "pointed", "quoted"):
            verbs.append(m)
    last = None
    np_last = []
    if verbs:
        m = verbs[0]
        if verbs[-1] is not m and _postposed(text, verbs[-1], ue):
            last = verbs[-1]
            np0 = np_before_en(text, us, last.s)
            lead = text[us:np0[0][0] if np0 else last.s].rstrip()
            if lead[-1:] in ",”\"":
                m = last
                np_last = np0
    else:
        acc = []
        for m in cands:
            if m.kind == "acc":
                acc.append(m)
        m = acc[0] if acc else cands[0]
    kind = m.kind
    cs = m.s
    ce = m.e
    if kind == "quoted":
        sm = _AS_SAYING.search(text, ce, min(ue, ce + 120))
        if sm is None:
            return None
        np = np_after_en(text, ce, sm.start())
        span, gender, person = speaker_span_en(text, np)
        return Local(sm.end() - 6, sm.end(), span, gender, True, sm.end(), person)
    if kind == "acc":
        np = np_after_en(text, ce, ue)
        span, gender, person = speaker_span_en(text, np)
        pre = bool(text[us:cs].strip(" ,\"“”")) is False
        return Local(cs, ce, span, gender, pre, ce if not np else np[-1][1], person)
    if kind == "part":
        np = walk_back(text, _subject_tokens(text, us, cs))
        span, gender, person = speaker_span_en(text, np)
        return Local(cs, ce, span, gender, True, ce, person)
    np = np_last if m is last else np_before_en(text, us, cs)
    inverted = not np
    if inverted:
        np = np_after_en(text, ce, ue)
    cite = _CITING.match(text, np[-1][1] if inverted and np else ce, ue) if "citing" in text[ce:ce + 60] or (
        "quoting" in text[ce:ce + 60]) else None
    if cite is not None:
        relay = np_after_en(text, cite.end(), ue)
        if relay:
            np, inverted = relay, True
    span, gender, person = speaker_span_en(text, np)
    if not np:
        return None
    before = text[us:np[0][0] if not inverted else cs].strip(" ,")
    preposed = not before or before[-1] not in ",”\"»'’"
    q = max(text.rfind("\"", us, cs), text.rfind("”", us, cs), text.rfind("»", us, cs))
    if preposed and q > us and (_ch(text, q - 1) in ",.!?" or text[q + 1:q + 2] == ",") and not _content_in(
            text, q + 1, cs):
        preposed = False
    attr_end = max(ce, <Py_ssize_t>np[-1][1])
    k = attr_end
    while k < ue and _ch(text, k) in " ,":
        k += 1
    colon = text[k:k + 1] == ":"
    if colon:
        attr_end = k + 1
    elif not text[attr_end:ue].strip(" .!?\"”’'") and len(text[us:min(cs, <Py_ssize_t>np[0][0])].split()) <= 1:
        return None
    return Local(cs, ce, span, gender, preposed, attr_end, person, colon, min(cs, <Py_ssize_t>np[0][0]))


cdef object _EN_HEADLINE_RE = _aen._HEADLINE_RE
cdef object _AR_HEADLINE_RE = _aar._HEADLINE_RE
cdef object EN_HEADLINE_LABELS = _aen.EN_HEADLINE_LABELS
cdef object AR_HEADLINE_LABELS = _aar.AR_HEADLINE_LABELS


cdef _Local headline_en(str text, Py_ssize_t us, Py_ssize_t ue):
    """attribution_en.headline: ``X: ...`` in a title, X the speaker and the colon the cue."""
    cdef Py_ssize_t e1, colon
    cdef list toks
    m = _EN_HEADLINE_RE.match(text[us:min(ue, us + 60)])
    if m is None:
        return None
    e1 = m.end(1)
    toks = tokens(text, us, us + e1)
    if not toks or len(toks) > 4 or not _source_like(text[us:us + e1]):
        return None
    colon = text.index(":", us + e1)
    span, gender, person = speaker_span_en(text, toks)
    if span is None:
        return None
    return Local(colon, colon + 1, span, gender, True, colon + 1, person, True)


cdef bint _source_like(str phrase):
    """attribution_en._source_like."""
    cdef list words = [w.strip("'’\"“”") for w in phrase.split()]
    cdef list lows = [w.lower() for w in words]
    cdef str head
    if not words or phrase.strip().lower() in EN_HEADLINE_LABELS:
        return False
    for w in lows:
        if w in EN_HEADLINE_LABELS:
            return False
    head = (<str>lows[-1]).removesuffix("'s").removesuffix("’s")
    return _first_upper(<str>words[-1]) or head in EN_DESCRIPTOR_NOUNS or head in EN_TITLES or (
        head in EN_ORG_HEADS or head in EN_DEMONYMS)


cdef _Local headline_ar(str text, Py_ssize_t us, Py_ssize_t ue):
    """attribution_ar.headline: ``X: ...`` in a title, X the speaker and the colon the cue."""
    cdef Py_ssize_t e1, colon
    cdef list toks
    m = _AR_HEADLINE_RE.match(text[us:min(ue, us + 60)])
    if m is None:
        return None
    e1 = m.end(1)
    toks = tokens(text, us, us + e1)
    if not toks or len(toks) > 4 or _tok_stripped(text, toks[0]) in AR_HEADLINE_LABELS:
        return None
    colon = text.index(":", us + e1)
    return Local(colon, colon + 1, speaker_span_ar(text, toks), "?", True, colon + 1, True, True)


cdef list _subject_tokens(str text, Py_ssize_t us, Py_ssize_t pos):
    cdef list toks = tokens(text, us, pos)
    cdef Py_ssize_t k, s, e
    for k in range(len(toks)):
        s = toks[k][0]
        e = toks[k][1]
        if k and _VERBISH.match(text[s:e].strip(",")):
            return toks[:k]
        if k and _ch(text, e - 1) == ",":
            return toks[:k + 1]
    return []

# ------------------------------------------------------------------------------------------------ attribution

cdef object _attribution_ar = _aar
cdef object _attribution_en = _aen
cdef object _FINDERS = _at._FINDERS
cdef object _ARABIC = _at._ARABIC
cdef object _QUESTION = _at._QUESTION
cdef object _EN_MENTION_RE = _cs._EN_MENTION_RE
cdef object _DESCRIPTIVE = _cs._DESCRIPTIVE
cdef object _TITLE_GENDER = _cs._TITLE_GENDER

# ---------------------------------------------------------------------------------------------- claim_sources


def _check_entity() -> None:
    """Entity is a slots dataclass of these four fields whose __init__ only stores them (else this must not load)."""
    import dataclasses
    if [f.name for f in dataclasses.fields(Entity)] != ["name", "start", "gender", "is_person"] or (
            getattr(Entity, "__post_init__", None) is not None or Entity.__slots__ != ("name", "start", "gender",
                                                                                      "is_person")):
        raise ImportError("_attr_native is out of date: claim_sources.Entity changed; rebuild it")


_check_entity()


cdef object _entity(name, start, gender, is_person):
    """``Entity(name, start, gender, is_person)`` without running the dataclass ``__init__`` (a Python frame)."""
    cdef object ent = Entity.__new__(Entity)
    ent.name = name
    ent.start = start
    ent.gender = gender
    ent.is_person = is_person
    return ent


cdef bint _MENTION_PAIRS[26 * 26]  # the first two letters (upper, lower ASCII) of each title of _EN_MENTION_RE
cdef bint _MENTION_PREFILTER = False


def _init_mention_pairs() -> None:
    """Read the titles of ``_EN_MENTION_RE`` (``(?=[...])\\b(Mr|Mrs|...)...``): a match can only start where one of
    their first two letters stand after a non-word character. Any other shape: no pre-filter (finditer runs)."""
    global _MENTION_PREFILTER
    cdef int k
    pat = _EN_MENTION_RE.pattern
    for k in range(26 * 26):
        _MENTION_PAIRS[k] = False
    head = "(?=[MDSGPCJRALO])\\b("
    if not pat.startswith(head) or _EN_MENTION_RE.flags != 32 or ")\\.? (" not in pat:
        return
    alts = pat[len(head):pat.index(")\\.? (")].split("|")
    for alt in alts:
        if len(alt) < 2 or not ("A" <= alt[0] <= "Z" and "a" <= alt[1] <= "z") or alt[0] not in "MDSGPCJRALO":
            return
    for alt in alts:
        _MENTION_PAIRS[(ord(alt[0]) - 65) * 26 + ord(alt[1]) - 97] = True
    _MENTION_PREFILTER = True


_init_mention_pairs()


cdef list _find_mentions(str text):
    """``list(_EN_MENTION_RE.finditer(text))``: the regex is tried only where a title can start."""
    cdef list out = []
    cdef Py_ssize_t p = 0, n = len(text)
    cdef int c0, c1
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    if not _MENTION_PREFILTER:
        return list(_EN_MENTION_RE.finditer(text))
    while p + 1 < n:
        c0 = <int>PyUnicode_READ(kind, data, p)
        if 65 <= c0 <= 90:
            c1 = <int>PyUnicode_READ(kind, data, p + 1)
            if 97 <= c1 <= 122 and _MENTION_PAIRS[(c0 - 65) * 26 + c1 - 97] and (
                    p == 0 or not _is_word(PyUnicode_READ(kind, data, p - 1))):
                m = _EN_MENTION_RE.match(text, p)
                if m is not None:
                    out.append(m)
                    p = m.end()
                    continue
        p += 1
    return out


def _test_mentions(str text):
    """_find_mentions, for the comparison tests."""
    return _find_mentions(text)


cdef class DocState:
    """claim_sources.DocState: the quotations and the explicit mentions seen so far (sources for antecedents);
    English title mentions are found only when an antecedent is first needed."""
    cdef str text
    cdef object finder
    cdef list spans, _ents, _log
    cdef object _mentions
    cdef Py_ssize_t _mi, _reach
    cdef Py_ssize_t* _sa  # the spans' starts and ends (sorted, disjoint), for bisection in C
    cdef Py_ssize_t* _se
    cdef Py_ssize_t _ns

    def __init__(self, str text, finder, list spans):
        cdef Py_ssize_t k
        self.text = text
        self.finder = finder
        self.spans = spans
        self._ns = len(spans)
        self._sa = <Py_ssize_t*>PyMem_Malloc(2 * self._ns * sizeof(Py_ssize_t) + 1)
        if self._sa == NULL:
            raise MemoryError()
        self._se = self._sa + self._ns
        for k in range(self._ns):
            self._sa[k] = spans[k][0]
            self._se[k] = spans[k][1]
        self._ents = []
        self._mentions = None if finder is _attribution_en else []
        self._log = []
        self._mi = 0
        self._reach = -1

    def __dealloc__(self):
        PyMem_Free(self._sa)

    cdef bint quoted(self, Py_ssize_t pos) except -1:
        cdef Py_ssize_t i = _last_le(self._sa, self._ns, pos)
        return i >= 0 and self._sa[i] < pos < self._se[i]

    cdef list spans_in(self, Py_ssize_t lo, Py_ssize_t hi):
        """claim_quotes._spans_in: the quote spans overlapping [lo, hi)."""
        cdef Py_ssize_t i = _last_le(self._sa, self._ns, lo - 1)  # (bisect_right(spans, (lo, -1, False)) - 1)
        cdef list out = []
        if i < 0 or self._se[i] <= lo:
            i += 1
        while i < self._ns and self._sa[i] < hi:
            out.append(self.spans[i])
            i += 1
        return out

    cdef int reach(self, Py_ssize_t us) except -1:
        if us > self._reach:
            self._reach = us
        if self._mentions:
            self._take_mentions(self._reach)
        return 0

    cdef int add(self, ent) except -1:
        self._ents.append(ent)
        if self._mentions is None:
            self._log.append((self._reach, ent))
        return 0

    cdef list entities(self):
        cdef list log
        if self._mentions is None:
            self._mentions = _find_mentions(self.text)
            log, self._ents = self._log, []
            for reach, ent in log:
                self._take_mentions(reach)
                self._ents.append(ent)
            self._take_mentions(self._reach)
        return self._ents

    cdef int _take_mentions(self, Py_ssize_t before) except -1:
        cdef list mentions = self._mentions
        cdef Py_ssize_t mi = self._mi, n = len(mentions)
        while mi < n and mentions[mi].start() < before:
            m = mentions[mi]
            self._ents.append(_entity(m.group(2), m.start(2), _TITLE_GENDER.get(m.group(1).lower(), "?"), True))
            mi += 1
        self._mi = mi
        return 0


cdef object _fits(ent, str g):
    if g == "m" or g == "f":
        return ent.gender in (g, "?") and (ent.is_person or g == "f")
    if g == "o":
        return not ent.is_person
    if g == "p":
        return ent.gender in ("p", "?") or not ent.is_person
    return True


cdef object resolve(str text, list entities, _Local loc, Py_ssize_t us):
    """claim_sources.resolve: the nearest preceding explicit mention of the latest compatible source."""
    cdef Py_ssize_t k, full, last
    cdef str name
    if not entities:
        return None
    g = loc.gender
    ent = None
    for k in range(len(entities) - 1, -1, -1):
        e = entities[k]
        if e.start < us and _fits(e, g):
            ent = e
            break
    if ent is None:
        for k in range(len(entities) - 1, -1, -1):
            e = entities[k]
            if e.start < us:
                ent = e
                break
    if ent is None:
        return None
    if (g == "m" or g == "f") and ent.gender == "?" and ent.is_person:
        ent.gender = g
    name = ent.name
    full = _rfind_word(text, name, ent.start, us)
    best = (full, full + len(name)) if full >= 0 else (ent.start, ent.start + len(name))
    parts = name.split()
    if ent.is_person and len(parts) > 1 and _disjoint(_DESCRIPTIVE, parts):
        last = _rfind_word(text, parts[-1], ent.start, us)
        if last >= best[1]:
            best = (last, last + len(parts[-1]))
    return best


cdef Py_ssize_t _rfind_word(str text, str word, Py_ssize_t lo, Py_ssize_t hi) except -2:
    cdef Py_ssize_t pos = text.rfind(word, lo, hi), n = len(text), w = len(word)
    cdef Py_UCS4 before, after
    while pos >= 0:
        before = _ch(text, pos - 1) if pos > 0 else " "
        after = _ch(text, pos + w) if pos + w < n else " "
        if not before.isalnum() and not after.isalnum():
            return pos
        pos = text.rfind(word, lo, pos)
    return -1
cdef object _PUNCT_ONLY = _cq._PUNCT_ONLY
cdef object _MARKER_RE = _cq._MARKER_RE
cdef Py_ssize_t _RUN_ON_MAX_CHARS = _cq._RUN_ON_MAX_CHARS
cdef Py_ssize_t _RUN_ON_MAX_BREAKS = _cq._RUN_ON_MAX_BREAKS


def _check_quote_literals() -> None:
    if _cq._QUOTE_RE.pattern != '[“”\\"«»„]':
        raise ImportError("_attr_native is out of date: claim_quotes._QUOTE_RE changed; rebuild it")


_check_quote_literals()

# ----------------------------------------------------------------------------------------------- claim_quotes


cdef unsigned int _QUOTE_HIGH[256]  # by a character's low byte: 1 + the high bits of the quote mark with it, or 0


cdef int _init_quote_high() except -1:
    cdef Py_UCS4 c
    memset(_QUOTE_HIGH, 0, sizeof(_QUOTE_HIGH))
    for c in _ct.QUOTE_CHARS:
        if _QUOTE_HIGH[<unsigned int>c & 0xFFU]:
            raise ImportError("_attr_native is out of date: two quote marks share a low byte; rebuild it")
        _QUOTE_HIGH[<unsigned int>c & 0xFFU] = (<unsigned int>c >> 8) + 1U
    return 0


_init_quote_high()


cdef Py_ssize_t _next_quote(const _CharT* data, Py_ssize_t pos, Py_ssize_t n) noexcept:
    """The first position >= pos of a quote mark (claim_types.QUOTE_CHARS), or n: one table look-up by the low byte
    per character, the high bits compared only when the low byte is a quote mark's."""
    cdef unsigned int c, hi
    while pos < n:
        c = <unsigned int>data[pos]
        hi = _QUOTE_HIGH[c & 0xFFU]
        if hi and (c >> 8) + 1U == hi:
            return pos
        pos += 1
    return n


def _test_next_quote(str text):
    """Every position _next_quote stops at in ``text``, for the comparison tests."""
    cdef list out = []
    cdef Py_ssize_t pos = -1, n = len(text)
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    while True:
        pos = _next_quote_of(kind, data, pos + 1, n)
        if pos >= n:
            return out
        out.append(pos)


cdef inline Py_ssize_t _next_quote_of(int kind, void* data, Py_ssize_t pos, Py_ssize_t n) noexcept:
    """_next_quote over a str's buffer of the given kind."""
    if kind == PyUnicode_1BYTE_KIND:
        return _next_quote(<const Py_UCS1*>data, pos, n)
    if kind == PyUnicode_2BYTE_KIND:
        return _next_quote(<const Py_UCS2*>data, pos, n)
    return _next_quote(<const Py_UCS4*>data, pos, n)


cdef list quote_spans(str text):
    """claim_quotes.quote_spans: quotations as (open, close+1, closed) spans."""
    cdef list spans = []
    cdef Py_ssize_t opened = -1, pos, nl, n = len(text)
    cdef Py_UCS4 ch
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    pos = -1
    while True:
        pos = _next_quote_of(kind, data, pos + 1, n)
        if pos >= n:
            break
        ch = PyUnicode_READ(kind, data, pos)
        if opened >= 0:
            nl = _closing_break(text, opened, pos)
            if nl >= 0 and not (ch != "«" and _runs_on(text, nl, pos)):
                spans.append((opened, nl, False))
                opened = -1
        if opened < 0:
            if ch != "»":
                opened = pos
        elif ch != "«":
            spans.append((opened, pos + 1, True))
            opened = -1
    if opened >= 0:
        nl = _closing_break(text, opened, n)
        spans.append((opened, nl if nl >= 0 else n, False))
    return spans


cdef bint _runs_on(str text, Py_ssize_t nl, Py_ssize_t pos):
    if pos - nl > _RUN_ON_MAX_CHARS or _ch(text, pos - 1).isspace() or text.count("\n", nl, pos) > _RUN_ON_MAX_BREAKS:
        return False
    after = text[pos + 1:pos + 2]
    return not after or after.isspace() or after in ".,،:؛;!?؟…)"


cdef Py_ssize_t _closing_break(str text, Py_ssize_t lo, Py_ssize_t hi):
    cdef Py_ssize_t nl = text.find("\n", lo, hi), line_start
    cdef str before
    while nl >= 0:
        line_start = text.rfind("\n", 0, nl) + 1
        before = text[line_start:nl].rstrip()
        if text[nl + 1:nl + 2] == "\n" or nl - line_start < 50 or before[-1:] in ".!?؟:;؛…“”\"«»„":
            return nl
        nl = text.find("\n", nl + 1, hi)
    return -1


cdef str quote_type(str text, DocState doc, _Local loc, Py_ssize_t us, Py_ssize_t ue, speaker, finder):
    """claim_quotes.quote_type: rule 12."""
    cdef Py_ssize_t lo, hi, s, e, k, colon, s0, e1, s2
    cdef str before, pre, mid, post, tail
    if loc.preposed:
        lo, hi = loc.attr_end, ue
    else:
        lo, hi = us, loc.attr_start
    if loc.colon_intro and text[loc.cue_start:loc.cue_end] == ":" and _first_person(finder, text, lo, hi):
        return "direct"
    inner = [(sp[0], sp[1]) for sp in doc.spans_in(lo, hi)
             if not (speaker and sp[0] <= speaker[0] and sp[1] >= speaker[1] and
                     sp[1] - sp[0] <= speaker[1] - speaker[0] + 2)]
    if loc.preposed:
        for k in range(len(inner)):
            s = inner[k][0]
            before = text[lo:s].rstrip()
            if before.endswith(":"):
                if not _has_marker(before):
                    lo, inner = s, inner[k:]
                break
    if not inner:
        colon = text.find(":", lo, min(hi, lo + 80))
        if (loc.colon_intro or (colon >= 0 and not _has_marker(text[lo:colon]))) and _first_person(
                finder, text, colon + 1 if colon >= 0 else lo, hi):
            return "direct"
        return "indirect"
    s0 = max(lo, <Py_ssize_t>inner[0][0])
    pre = text[lo:s0].strip()
    if pre and not (pre[-1] in ":،," and len(pre.split()) <= 6 and not _has_marker(pre)) and not (
            finder is not _attribution_en and len(pre.split()) <= 2 and not _has_marker(pre)):
        return "indirect"
    for k in range(len(inner) - 1):
        e1 = inner[k][1]
        s2 = inner[k + 1][0]
        mid = text[e1:s2]
        if len(mid.split()) > 5 or _has_marker(mid):
            return "indirect"
    e = inner[-1][1]
    post = text[min(e, hi):hi]
    comma = post.lstrip()[:1] in ",،" or text[e - 2:e - 1] in ",،"
    if not _punct_only(post, 0, len(post)) and (loc.preposed or not comma or _has_marker(post)):
        return "indirect"
    if not loc.preposed:
        tail = text[loc.cue_end:ue]
        if _has_marker(tail) or _cue_in(finder, tail):
            return "indirect"
    return "direct"


cdef inline bint _is_word(Py_UCS4 c) noexcept:
    """``\\w`` of a str regex: ``_`` or ``str.isalnum``."""
    return c == 95 or Py_UNICODE_ISALNUM(c)


cdef inline bint _word_end(str s, Py_ssize_t r, Py_ssize_t b) noexcept:
    """``(?!\\w)`` at ``r`` in ``s[:b]``."""
    return r >= b or not _is_word(_ch(s, r))


cdef bint _marker_in(str s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """``_MARKER_RE.search(s[a:b]) is not None`` (claim_quotes: ``that`` or an Arabic أن/إن with its proclitics and
    suffixes, as a whole word) without the regex or the substring; 0 <= a <= b <= len(s)."""
    cdef Py_ssize_t p, q
    cdef Py_UCS4 c, d
    for p in range(a, b):
        c = _ch(s, p)
        if not (c == "t" or c == "و" or c == "ف" or c == "ب" or c == "ل" or c == "أ" or c == "إ"):
            continue
        if p > a and _is_word(_ch(s, p - 1)):
            continue
        if c == "t":
            if p + 4 <= b and _ch(s, p + 1) == "h" and _ch(s, p + 2) == "a" and _ch(s, p + 3) == "t" and (
                    _word_end(s, p + 4, b)):
                return True
            continue
        q = p
        if c == "و" or c == "ف":
            q += 1
        if q < b and (_ch(s, q) == "ب" or _ch(s, q) == "ل"):
            q += 1
        if not (q < b and (_ch(s, q) == "أ" or _ch(s, q) == "إ")):
            continue
        q += 1
        if not (q < b and _ch(s, q) == "ن"):
            continue
        q += 1
        if _word_end(s, q, b):
            return True
        if q >= b:
            continue
        d = _ch(s, q)
        if (d == "\u0651" or d == "ه") and _word_end(s, q + 1, b):
            return True
        if q + 1 < b and ((d == "ه" and (_ch(s, q + 1) == "ا" or _ch(s, q + 1) == "م")) or (
                d == "ن" and _ch(s, q + 1) == "ا")) and _word_end(s, q + 2, b):
            return True
    return False


cdef inline bint _has_marker(str s):
    return _marker_in(s, 0, len(s))


cdef bint _punct_only(str s, Py_ssize_t a, Py_ssize_t b) noexcept:
    """``_PUNCT_ONLY.fullmatch(s, a, b) is not None`` for 0 <= a <= b (whitespace and the punctuation of
    claim_quotes._PUNCT_ONLY only)."""
    cdef Py_ssize_t p
    cdef Py_UCS4 c
    if b > len(s):
        b = len(s)
    for p in range(a, b):
        c = _ch(s, p)
        if not (_is_space(c) or c in ".,،:؛;!?؟…-–—()[]'’‘"):
            return False
    return True


cdef object _EN_FIRST_PERSON_RE = _aen.EN_FIRST_PERSON_RE
cdef object _AR_FIRST_PERSON_RE = _aar.AR_FIRST_PERSON_RE


cdef bint _first_person(finder, str text, Py_ssize_t s, Py_ssize_t e) except -1:
    """``finder.first_person(text, s, e)`` (the finder's first-person regex searched in [s, e))."""
    if finder is _attribution_en:
        return _en_first_person_in(text, s, e)
    if finder is _attribution_ar:
        return _ar_first_person_in(text, s, e)
    return bool(finder.first_person(text, s, e))


cdef inline bint _ar_letter(Py_UCS4 c) noexcept:
    """``[\\w\\u064b-\\u065f\\u0670\\u0640]`` (claim_lexicon.AR_LETTER): a word character, an Arabic diacritic
    (tanwin to wavy hamza, the dagger alif) or the tatweel."""
    return _is_word(c) or (0x064B <= c <= 0x065F) or c == 0x0670 or c == 0x0640


cdef inline bint _ar_end(str s, Py_ssize_t r, Py_ssize_t b) noexcept:
    """``(?!AR_LETTER)`` at ``r`` with ``b`` as the end."""
    return r >= b or not _ar_letter(_ch(s, r))


cdef bint _ar_content_in(str text, Py_ssize_t a, Py_ssize_t b) noexcept:
    """``AR_CONTENT_RE.search(text, a, b) is not None``: a colon or opening quote, or أن/إن/ان (proclitics و ف ب ل,
    suffixes ّ ه ها هم هما نا ني ك) or بالقول after a non-letter, as the regex (its look-behind sees the character
    before ``a``; ``b`` acts as the end)."""
    cdef Py_ssize_t p, q, n = len(text)
    cdef Py_UCS4 c, d, d1
    if b > n:
        b = n
    if a < 0:
        a = 0
    for p in range(a, b):
        c = _ch(text, p)
        if c == ":" or c == "“" or c == "”" or c == "\"" or c == "«":
            return True
        if not (c == "و" or c == "ف" or c == "ب" or c == "ل" or c == "أ" or c == "إ" or c == "ا"):
            continue
        if p > 0 and _ar_letter(_ch(text, p - 1)):
            continue
        if c == "ب" and p + 6 <= b and _ch(text, p + 1) == "ا" and _ch(text, p + 2) == "ل" and (
                _ch(text, p + 3) == "ق") and _ch(text, p + 4) == "و" and _ch(text, p + 5) == "ل":
            return True
        q = p
        if c == "و" or c == "ف":
            q += 1
        if q < b and (_ch(text, q) == "ب" or _ch(text, q) == "ل"):
            q += 1
        if not (q < b and (_ch(text, q) == "أ" or _ch(text, q) == "إ" or _ch(text, q) == "ا")):
            continue
        q += 1
        if not (q < b and _ch(text, q) == "ن"):
            continue
        q += 1
        if _ar_end(text, q, b):
            return True
        if q >= b:
            continue
        d = _ch(text, q)
        if (d == "\u0651" or d == "ه" or d == "ك") and _ar_end(text, q + 1, b):
            return True
        if q + 1 < b:
            d1 = _ch(text, q + 1)
            if ((d == "ه" and (d1 == "ا" or d1 == "م")) or (d == "ن" and (d1 == "ا" or d1 == "ي"))) and (
                    _ar_end(text, q + 2, b)):
                return True
            if d == "ه" and d1 == "م" and q + 2 < b and _ch(text, q + 2) == "ا" and _ar_end(text, q + 3, b):
                return True
    return False


cdef bint _en_first_person_in(str text, Py_ssize_t a, Py_ssize_t b) noexcept:
    """``EN_FIRST_PERSON_RE.search(text, a, b) is not None``: I, we, We, our, Our, us, my, My or me as a whole word
    (the contractions of the pattern start with I or we/We followed by an apostrophe, so they add nothing); the
    boundary before sees the character before ``a``, ``b`` acts as the end."""
    cdef Py_ssize_t p, q, n = len(text)
    cdef Py_UCS4 c, c1
    if b > n:
        b = n
    if a < 0:
        a = 0
    for p in range(a, b):
        c = _ch(text, p)
        if not (c == "I" or c == "w" or c == "W" or c == "o" or c == "O" or c == "u" or c == "m" or c == "M"):
            continue
        if p > 0 and _is_word(_ch(text, p - 1)):
            continue
        if c == "I":
            q = p + 1
        else:
            if p + 1 >= b:
                continue
            c1 = _ch(text, p + 1)
            if (c == "w" or c == "W") and c1 == "e":
                q = p + 2
            elif (c == "u" and c1 == "s") or (c == "m" and (c1 == "y" or c1 == "e")) or (c == "M" and c1 == "y"):
                q = p + 2
            elif (c == "o" or c == "O") and c1 == "u" and p + 2 < b and _ch(text, p + 2) == "r":
                q = p + 3
            else:
                continue
        if _word_end(text, q, b):
            return True
    return False


_AR_FP_WORDS = ("نحن", "أنا", "إننا", "إنني", "إني", "لدينا", "لدي", "علينا", "نريد", "لسنا", "لست", "قواتنا", "بلادنا")
_AR_FP_PARTICLES = ("لن", "لا", "لم", "سوف", "سن", "قد")
cdef frozenset _AR_FP_WORD_SET = frozenset(_AR_FP_WORDS)
cdef frozenset _AR_FP_PARTICLE_SET = frozenset(_AR_FP_PARTICLES)


def _check_ar_first_person() -> None:
    """AR_FIRST_PERSON_RE is the pattern the matcher below follows (else this module must not load)."""
    want = (r"(?<!\w)(?:" + "|".join(_AR_FP_WORDS) + r"|(?:[وف]?(?:" + "|".join(_AR_FP_PARTICLES)
            + r"))\s+ن\w{2,}|\w{3,}(?<!ا)نا)(?!\w)")
    if _AR_FIRST_PERSON_RE.pattern != want or _AR_FIRST_PERSON_RE.flags != 32:
        raise ImportError("_attr_native is out of date: claim_lexicon.AR_FIRST_PERSON_RE changed; rebuild it")


_check_ar_first_person()


cdef bint _ar_first_person_in(str text, Py_ssize_t a, Py_ssize_t b) except -1:
    """``AR_FIRST_PERSON_RE.search(text, a, b) is not None``, word by word: a word (a run of ``\\w`` that starts after
    a non-word character, the one before ``a`` included, and ends at a non-word character or ``b``) that is one of
    the first-person words, or ends with نا after 3+ characters not ending with ا, or is a negation/future particle
    (with و/ف) followed by whitespace and a word of 3+ characters starting with ن."""
    cdef Py_ssize_t p, q, r, t, n = len(text)
    cdef Py_UCS4 c
    if b > n:
        b = n
    if a < 0:
        a = 0
    p = a
    while p < b:
        if not _is_word(_ch(text, p)):
            p += 1
            continue
        r = p + 1
        while r < b and _is_word(_ch(text, r)):
            r += 1
        if p > 0 and _is_word(_ch(text, p - 1)):  # (a run that began before a)
            p = r
            continue
        if r - p >= 5 and _ch(text, r - 1) == "ا" and _ch(text, r - 2) == "ن" and _ch(text, r - 3) != "ا":
            return True
        if 3 <= r - p <= 6 and PyUnicode_Substring(text, p, r) in _AR_FP_WORD_SET:
            return True
        c = _ch(text, p)
        q = p + 1 if (c == "و" or c == "ف") else p
        if 2 <= r - q <= 3 and r < b and _is_space(_ch(text, r)) and PyUnicode_Substring(text, q, r) in (
                _AR_FP_PARTICLE_SET):
            t = r
            while t < b and _is_space(_ch(text, t)):
                t += 1
            if t < b and _ch(text, t) == "ن":
                q = t
                while t < b and _is_word(_ch(text, t)):
                    t += 1
                if t - q >= 3:
                    return True
        p = r
    return False


def _test_ar_first_person(str text, Py_ssize_t a, Py_ssize_t b):
    """_ar_first_person_in, for the comparison tests."""
    return _ar_first_person_in(text, a, b)


def _test_content_ar(str text, Py_ssize_t a, Py_ssize_t b):
    """(_ar_content_in, _en_first_person_in) on text[a:b], for the comparison tests."""
    return _ar_content_in(text, a, b), _en_first_person_in(text, a, b)


def _check_quote_matchers() -> None:
    """The hand-written matchers above follow these patterns (else this module must not load)."""
    if _cq._MARKER_RE.pattern != "(?<!\\w)(?:that|[وف]?[بل]?[أإ]ن(?:ّ|ه|ها|هم|نا)?)(?!\\w)" or _cq._MARKER_RE.flags != 32:
        raise ImportError("_attr_native is out of date: claim_quotes._MARKER_RE changed; rebuild it")
    if _cq._PUNCT_ONLY.pattern != "[\\s.,،:؛;!?؟…\\-–—()\\[\\]'’‘]*" or _cq._PUNCT_ONLY.flags != 32:
        raise ImportError("_attr_native is out of date: claim_quotes._PUNCT_ONLY changed; rebuild it")
    if _EN_FIRST_PERSON_RE.pattern != r"\b(?:I|we|We|our|Our|us|my|My|me|I'm|we're|We're|I've|we've|We've)\b" or (
            _EN_FIRST_PERSON_RE.flags != 32):
        raise ImportError("_attr_native is out of date: EN_FIRST_PERSON_RE changed; rebuild it")
    if AR_CONTENT_RE.pattern != '(?<![\\w\u064b-\u065f\u0670\u0640])(?:[\u0648\u0641]?(?:\u0628|\u0644)?[\u0623\u0625\u0627]\u0646(?:\u0651|\u0647|\u0647\u0627|\u0647\u0645|\u0647\u0645\u0627|\u0646\u0627|\u0646\u064a|\u0643)?(?![\\w\u064b-\u065f\u0670\u0640])|\u0628\u0627\u0644\u0642\u0648\u0644)|[:\u201c\u201d\\"\xab]' or (
            AR_CONTENT_RE.flags != 32):
        raise ImportError("_attr_native is out of date: claim_lexicon.AR_CONTENT_RE changed; rebuild it")
    for mod, name in ((_aen, "EN_FIRST_PERSON_RE"), (_aar, "AR_FIRST_PERSON_RE")):
        if mod.first_person.__code__.co_names != (name, "search"):
            raise ImportError(f"_attr_native is out of date: {mod.__name__}.first_person changed; rebuild it")


_check_quote_matchers()


def _test_matchers(str s, Py_ssize_t a, Py_ssize_t b):
    """(marker, punct_only) of the hand-written matchers on ``s[a:b]``, for the comparison tests."""
    return _marker_in(s, a, b), _punct_only(s, a, b)


cdef void continuations(str text, Py_ssize_t nu, const Py_ssize_t* starts, const Py_ssize_t* ends, list kinds,
                        list out, DocState doc) except *:
    """claim_quotes.continuations: rule 8, units inside an attributed quotation take its speaker and cue."""
    cdef Py_ssize_t qs, qe, first, last, k
    cdef list idxs, spans = doc.spans
    if not spans or not any(out):
        return
    for sp in spans:
        qs = sp[0]
        qe = sp[1]
        first = _last_le(starts, nu, qs)
        if first < 0:
            first = 0
        last = _last_le(starts, nu, qe - 1)
        if last <= first:
            continue
        idxs = [k for k in range(first, last + 1) if kinds[k] != "boilerplate"]
        source = None
        for k in idxs:
            if out[k] is not None and not (qs < out[k].cue_start < qe):
                source = out[k]
                break
        if source is None:
            continue
        for k in idxs:
            if out[k] is None:
                out[k] = _copy(source)
    for k in [j + 1 for j in range(nu - 1) if out[j]]:  # (the units attributed before this loop)
        while out[k] is None and kinds[k] == "body" and _is_quote(_ch(text, starts[k])):
            prev = out[k - 1]
            if prev is None or prev.quote_type != "direct" or text.find("\n", ends[k - 1], starts[k]) >= 0:
                break
            if not _outside_quotes_empty(text, doc, starts[k], ends[k]):
                break
            out[k] = _copy(prev)
            k += 1
            if k == nu:
                break


cdef bint _outside_quotes_empty(str text, DocState doc, Py_ssize_t s, Py_ssize_t e):
    cdef Py_ssize_t pos = s, qs, qe
    for sp in doc.spans_in(s, e):
        qs = sp[0]
        qe = sp[1]
        if not _punct_only(text, pos, max(pos, qs)):
            return False
        pos = max(pos, qe)
    return _punct_only(text, min(pos, e), e)


cdef object _copy(src):
    return tuple.__new__(Attribution, (True, src.speaker, src.speaker_start, src.speaker_end, src.cue, src.cue_start,
                                       src.cue_end, "direct"))


cdef enum:
    _KEY_BITS_MAX = 22  # at most a 4 Mbit (512 KB) table: ~3% of the non-key tokens pass with the 149k Arabic keys
    _SIG_BITS = 16  # an 8 KB table of (length, first two and last characters): ~1 in 4 Arabic tokens pass


cdef inline unsigned int _fnv_step(unsigned int h, Py_UCS4 c) noexcept:
    return (h ^ <unsigned int>c) * 16777619U


cdef inline Py_ssize_t _fnv_slot(unsigned int h, unsigned int mask) noexcept:
    h ^= h >> 15
    h *= 2246822519U
    h ^= h >> 13
    return <Py_ssize_t>(h & mask)


cdef inline Py_ssize_t _sig_slot(Py_ssize_t n, Py_UCS4 c0, Py_UCS4 c1, Py_UCS4 cl) noexcept:
    """A hash of a word's length, first two characters (the second 0 for one character) and last character."""
    cdef unsigned int h = (<unsigned int>n * 2654435761U) ^ (<unsigned int>c0 * 2246822519U) ^ (
        <unsigned int>c1 * 3266489917U) ^ (<unsigned int>cl * 668265263U)
    h ^= h >> 16
    h *= 2146121005U
    h ^= h >> 15
    return <Py_ssize_t>(h & ((1U << _SIG_BITS) - 1U))


cdef inline bint _bit(const unsigned char* bits, Py_ssize_t slot) noexcept:
    return (bits[slot >> 3] >> (slot & 7)) & 1


cdef class _KeyFilter:
    """A finder's cue keys (``CUE_KEYS``) as two bit tables: a small one (L1-sized) of a hash of each key's length,
    first two and last characters, and a larger one (sized to the number of keys) of a hash of all its characters
    (FNV-1a, computed while a token is scanned). A whitespace token is looked up in the dict only when both its bits
    are set (few tokens that are not keys have them); every key sets its bits, so no token that is a key is ever
    skipped and the result is exactly the dict's."""
    cdef dict keys
    cdef bytearray bits
    cdef bytearray sig
    cdef unsigned int mask
    cdef Py_ssize_t lo, hi

    def __init__(self, dict keys):
        cdef unsigned int h
        cdef Py_ssize_t slot, n
        cdef int nbits = 13
        cdef str k
        cdef Py_UCS4 c
        self.keys = keys
        while nbits < _KEY_BITS_MAX and (1 << nbits) < 16 * len(keys):
            nbits += 1
        self.mask = (1U << nbits) - 1U
        self.bits = bytearray(1 << (nbits - 3))
        self.sig = bytearray(1 << (_SIG_BITS - 3))
        cdef unsigned char* bits = self.bits
        cdef unsigned char* sig = self.sig
        cdef Py_ssize_t lo = -1, hi = 0
        for k in keys:
            n = len(k)
            if n == 0:
                raise RuntimeError("an empty cue key")
            if lo < 0 or n < lo:
                lo = n
            if n > hi:
                hi = n
            h = 2166136261U
            for c in k:
                h = _fnv_step(h, c)
            slot = _fnv_slot(h, self.mask)
            bits[slot >> 3] |= 1 << (slot & 7)
            slot = _sig_slot(n, _ch(k, 0), _ch(k, 1) if n > 1 else 0, _ch(k, n - 1))
            sig[slot >> 3] |= 1 << (slot & 7)
        self.lo = lo if keys else 1
        self.hi = hi

    cdef set found(self, str text):
        """``{keys[w] for w in CUE_KEY_SET.intersection(text.split())}``."""
        cdef set out = set()
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef Py_ssize_t n = len(text)
        cdef const unsigned char* bits = self.bits
        cdef const unsigned char* sig = self.sig
        if kind == PyUnicode_1BYTE_KIND:
            _scan_keys(<const Py_UCS1*>data, n, text, self, bits, sig, out)
        elif kind == PyUnicode_2BYTE_KIND:
            _scan_keys(<const Py_UCS2*>data, n, text, self, bits, sig, out)
        else:
            _scan_keys(<const Py_UCS4*>data, n, text, self, bits, sig, out)
        return out

    cdef bint contains(self, str w) except -1:
        """``w in keys``: the dict is looked up only when ``w``'s length and hash bits allow a key (most words fail)."""
        cdef Py_ssize_t n = len(w), i
        cdef unsigned int h = 2166136261U
        cdef int kind
        cdef void* data
        if n < self.lo or n > self.hi:
            return False
        kind = PyUnicode_KIND(w)
        data = PyUnicode_DATA(w)
        if not _bit(self.sig, _sig_slot(n, PyUnicode_READ(kind, data, 0), PyUnicode_READ(kind, data, 1) if n > 1 else 0,
                                        PyUnicode_READ(kind, data, n - 1))):
            return False
        for i in range(n):
            h = _fnv_step(h, PyUnicode_READ(kind, data, i))
        if not _bit(self.bits, _fnv_slot(h, self.mask)):
            return False
        return w in self.keys


cdef int _scan_keys(const _CharT* data, Py_ssize_t n, str text, _KeyFilter kf, const unsigned char* bits,
                    const unsigned char* sig, set out) except -1:
    """_KeyFilter.found over the string's buffer, one loop per character width. A token's full hash is computed
    only once its length and signature bits pass (about one Arabic token in four): the scan itself only looks for
    spaces."""
    cdef Py_ssize_t i = 0, j, k, lo = kf.lo, hi = kf.hi
    cdef unsigned int h, mask = kf.mask
    cdef dict keys = kf.keys
    while i < n:
        while i < n and _is_space(data[i]):
            i += 1
        if i >= n:
            break
        j = i + 1
        while j < n and not _is_space(data[j]):
            j += 1
        if lo <= j - i <= hi and _bit(sig, _sig_slot(j - i, data[i], data[i + 1] if j - i > 1 else 0, data[j - 1])):
            h = 2166136261U
            for k in range(i, j):
                h = _fnv_step(h, data[k])
            if _bit(bits, _fnv_slot(h, mask)):
                v = keys.get(PyUnicode_Substring(text, i, j))
                if v is not None:
                    out.add(v)
        i = j
    return 0


cdef dict _KEY_FILTERS = {}


cdef _KeyFilter _key_filter(finder):
    kf = _KEY_FILTERS.get(finder)
    if kf is None or (<_KeyFilter>kf).keys is not finder.CUE_KEYS:
        # (CUE_KEY_SET, the Python path's set of the same keys, is checked equal to them by the tests: comparing the
        # Arabic finder's 150,000 keys here cost each segment worker ~7 ms before its first document)
        kf = _KeyFilter(finder.CUE_KEYS)
        _KEY_FILTERS[finder] = kf
    return kf


cdef _KeyFilter _AR_KF = None


cdef bint _ar_cue_key(str w) except -1:
    """``w in speaker_ar.CUE_KEYS`` through the Arabic finder's key filter (the same dict)."""
    global _AR_KF
    if _AR_KF is None or _AR_KF.keys is not AR_CUE_KEYS:
        _AR_KF = _key_filter(_attribution_ar)
        if _AR_KF.keys is not AR_CUE_KEYS:
            _AR_KF = None
            return w in AR_CUE_KEYS
    return _AR_KF.contains(w)


def _test_ar_cue_key(str w):
    return _ar_cue_key(w)


def _test_found(str text, finder):
    """The cue words whose keys are whitespace tokens of ``text`` (the key filter's scan), for the tests."""
    return _key_filter(finder).found(text)


cdef enum:
    _MAX_WORDS = 64


cdef Py_ssize_t _min_len(list words):
    cdef Py_ssize_t m = 1 << 30
    for w in words:
        if len(<str>w) < m:
            m = len(<str>w)
    return m


cdef inline unsigned int _bigram_slot(Py_UCS4 a, Py_UCS4 b) noexcept:
    return ((<unsigned int>a * 40503U) ^ (<unsigned int>b * 2654435761U) >> 7) & 0xFFFFU


cdef int _find_words(const _CharT* data, Py_ssize_t n, str text, list words, set starts) except -1:
    """The occurrences that ``text.find(word)``, ``text.find(word, end)``... visit for each of ``words`` (each at
    least two characters long, at most _MAX_WORDS), in one pass over the text: a position is compared with the
    words only when its two characters are the first two of one of them (a 64 Kbit table); for each word the visits
    are the leftmost occurrences not overlapping the previous visit, as ``find`` gives them. Each visit gets
    find_cues' boundary test and adds to ``starts``."""
    cdef unsigned char table[8192]
    cdef Py_ssize_t lens[_MAX_WORDS]
    cdef Py_ssize_t nxt[_MAX_WORDS]
    cdef Py_UCS4 w0[_MAX_WORDS]
    cdef Py_UCS4 w1[_MAX_WORDS]
    cdef int wkind[_MAX_WORDS]
    cdef void* wdata[_MAX_WORDS]
    cdef Py_ssize_t nw = len(words), k, p, q, L, end
    cdef unsigned int slot
    cdef Py_UCS4 a, b
    cdef str w
    memset(table, 0, sizeof(table))
    for k in range(nw):
        w = words[k]
        lens[k] = len(w)
        nxt[k] = 0
        wkind[k] = PyUnicode_KIND(w)
        wdata[k] = PyUnicode_DATA(w)
        w0[k] = PyUnicode_READ(wkind[k], wdata[k], 0)
        w1[k] = PyUnicode_READ(wkind[k], wdata[k], 1)
        slot = _bigram_slot(w0[k], w1[k])
        table[slot >> 3] |= 1 << (slot & 7)
    for p in range(n - 1):
        a = data[p]
        b = data[p + 1]
        slot = _bigram_slot(a, b)
        if not ((table[slot >> 3] >> (slot & 7)) & 1):
            continue
        for k in range(nw):
            L = lens[k]
            if w0[k] != a or w1[k] != b or p < nxt[k] or p + L > n:
                continue
            q = 2
            while q < L and <Py_UCS4>data[p + q] == PyUnicode_READ(wkind[k], wdata[k], q):
                q += 1
            if q < L:
                continue
            end = p + L
            nxt[k] = end
            if not (end < n and Py_UNICODE_ISALPHA(data[end])):
                if p == 0 or not Py_UNICODE_ISALPHA(data[p - 1]):
                    starts.add(p)
                elif (data[p - 1] == 0x0648 or data[p - 1] == 0x0641) and not (
                        p >= 2 and Py_UNICODE_ISALPHA(data[p - 2])):
                    starts.add(p - 1)
    return 0


cdef frozenset _EN_PART_SET = frozenset(EN_PARTICIPLES)
cdef frozenset _EN_VERB_SET = frozenset(EN_VERBS_FREE)


def _check_en_cue_re() -> None:
    """EN_CUE_RE is the pattern _en_cue_at follows, and its cue words are made of ``\\w`` characters only."""
    want = (r"\b(?:(?P<acc>[Aa]ccording to)|(?P<quoted>quoted)|(?P<pointed>point(?:ed|s) out)"
            rf"|(?P<part>{trie_regex(EN_PARTICIPLES)})|(?P<verb>{trie_regex(EN_VERBS_FREE)}))\b")
    words = [*EN_PARTICIPLES, *EN_VERBS_FREE]
    if (_aen.CUE_RE.pattern != want or _aen.CUE_RE.flags != 32 or
            not all(w and all(c == "_" or c.isalnum() for c in w) for w in words)):
        raise ImportError("attribution_en.CUE_RE changed: the hand-written _en_cue_at in _attr_native.pyx "
                          "follows it; change it the same way, then rebuild")


_check_en_cue_re()


cdef inline _Cue _new_cue(Py_ssize_t s, Py_ssize_t e, str kind):
    cdef _Cue c = _Cue.__new__(_Cue)
    c.s = s
    c.e = e
    c.gs = s
    c.kind = kind
    return c


cdef _Cue _en_cue_at(str text, Py_ssize_t p):
    """``EN_CUE_RE.match(text, p)`` (0 <= p) as a _Cue, or None, without the regex. Every cue word is made of
    ``\\w`` characters, so a word with ``\\b`` on both sides is exactly the run of ``\\w`` characters starting at p
    (after a non-word character); the two-word cues (``according to``, ``point(ed|s) out``) continue after that run
    with one space. The alternatives are tried in the pattern's order."""
    cdef Py_ssize_t n = len(text), r
    cdef str w
    if p >= n or not _is_word(_ch(text, p)) or (p > 0 and _is_word(_ch(text, p - 1))):
        return None
    r = p + 1
    while r < n and _is_word(_ch(text, r)):
        r += 1
    w = PyUnicode_Substring(text, p, r)
    if (w == "According" or w == "according") and text.startswith(" to", r) and _word_end(text, r + 3, n):
        return _new_cue(p, r + 3, "acc")
    if w == "quoted":
        return _new_cue(p, r, "quoted")
    if (w == "pointed" or w == "points") and text.startswith(" out", r) and _word_end(text, r + 4, n):
        return _new_cue(p, r + 4, "pointed")
    if w in _EN_PART_SET:
        return _new_cue(p, r, "part")
    if w in _EN_VERB_SET:
        return _new_cue(p, r, "verb")
    return None


from stancekit.builder.segment import claim_cues as _cc
from stancekit.builder.segment import claim_lexicon as _cl

_AR_EXPR = "(?:اختتم|ختم|استهل|بدأ|تابع)(?:ت)?\\s+(?:حديثه\\s+|حديثها\\s+|كلمته\\s+)?بالقول"
_AR_CAME = "جاء\\s+في"
_AR_MARKERS = "(?:ب?حسب|وفق(?:اً|ًا|ا)?\\s*(?:لـ|ل)|طبق(?:اً|ًا|ا)\\s*(?:لـ|ل)|نقل(?:اً|ًا|ا)\\s+عن)"
cdef tuple _AR_EXPR_FIRST = ("اختتم", "ختم", "استهل", "بدأ", "تابع")
cdef tuple _AR_MARKER_FIRST = ("حسب", "بحسب", "وفق", "طبق", "نقل")
cdef object _AR_EXPR_RE = re.compile(f"(?:{_AR_EXPR}){_cc._AR_END}")
cdef object _AR_CAME_RE = re.compile(f"(?:{_AR_CAME}){_cc._AR_END}")
cdef object _AR_MARKER_RE = re.compile(_AR_MARKERS)
# the one-word alternatives after the three phrase ones, in the pattern's order: (lastgroup, its words)
cdef tuple _AR_WORD_GROUPS = (
    ("relay", frozenset(_cl.ar_verb_forms("نقل"))), ("part", frozenset(_cc._AR_PARTS)),
    ("free", frozenset(_cc._AR_FREE)), ("content", frozenset(_cc._AR_CONTENT)),
    ("noun", frozenset(_cl.AR_SPEECH_NOUNS)), ("nonclaim", frozenset(_cc._AR_NONCLAIM)))


cdef dict _ar_word_kinds():
    """Each one-word cue -> the first of _AR_WORD_GROUPS holding it (the alternative the pattern takes)."""
    cdef dict out = {}
    for name, words in _AR_WORD_GROUPS:
        for w in words:
            out.setdefault(w, name)
    return out


cdef dict _AR_WORD_KIND = _ar_word_kinds()


def _check_ar_cue_re() -> None:
    """AR_CUE_RE is the pattern _ar_cue_at follows (its phrase alternatives the three above, its letter class
    _ar_letter's), and its one-word cues are made of AR_LETTER characters only."""
    end = _cc._AR_END
    want = (
        rf"(?<!{_cl.AR_LETTER})[وف]?(?:"
        rf"(?P<expr>{_AR_EXPR}){end}"
        rf"|(?P<came>{_AR_CAME}){end}"
        rf"|(?P<marker>{_AR_MARKERS})"
        + "".join(rf"|(?P<{name}>{trie_regex(words)}){end}" for name, words in _AR_WORD_GROUPS)
        + ")"
    )
    ok = (_cl.AR_LETTER == "[\\w\u064b-\u065f\u0670\u0640]" and end == f"(?!{_cl.AR_LETTER})" and
          _cl.AR_EXPRESSION_RE == _AR_EXPR and _cl.AR_CAME_RE == _AR_CAME and _cl.AR_MARKERS_RE == _AR_MARKERS and
          _aar.CUE_RE.pattern == want and _aar.CUE_RE.flags == 32)
    for _, words in _AR_WORD_GROUPS:
        for w in words:
            if not w or not all(_ar_letter(c) for c in w):
                ok = False
    if {w[0] for w in _AR_EXPR_FIRST} != set("اخبت") or {w[0] for w in _AR_MARKER_FIRST} != set("حبوطن"):
        ok = False
    if not ok:
        raise ImportError("attribution_ar.CUE_RE changed: the hand-written _ar_cue_at in _attr_native.pyx "
                          "follows it; change it the same way, then rebuild")


_check_ar_cue_re()


cdef _Cue _ar_cue_at(str text, Py_ssize_t p):
    """``AR_CUE_RE.match(text, p)`` (0 <= p) as a _Cue, or None, with a regex only for the three phrase
    alternatives, and only where one of their first words stands. As the pattern: not after an AR_LETTER character;
    the proclitic و/ف taken first, then not; for each, the alternatives in order. A one-word cue followed by a
    non-letter is exactly the run of AR_LETTER characters where it starts (its characters are all letters)."""
    cdef Py_ssize_t n = len(text), q, r, pre
    cdef Py_UCS4 c, c0
    if p >= n or (p > 0 and _ar_letter(_ch(text, p - 1))):
        return None
    c = _ch(text, p)
    for pre in range(1, -1, -1):
        if pre and c != "و" and c != "ف":
            continue
        q = p + pre
        if q >= n or not _ar_letter(_ch(text, q)):
            continue
        c0 = _ch(text, q)
        if c0 in "اخبت" and text.startswith(_AR_EXPR_FIRST, q):  # (the first letters of _AR_EXPR_FIRST)
            m = _AR_EXPR_RE.match(text, q)
            if m is not None:
                return _ar_new_cue(p, m.end(), "expr", q)
        if c0 == "ج" and text.startswith("جاء", q):
            m = _AR_CAME_RE.match(text, q)
            if m is not None:
                return _ar_new_cue(p, m.end(), "came", q)
        if c0 in "حبوطن" and text.startswith(_AR_MARKER_FIRST, q):  # (the first letters of _AR_MARKER_FIRST)
            m = _AR_MARKER_RE.match(text, q)
            if m is not None:
                return _ar_new_cue(p, m.end(), "marker", q)
        r = q + 1
        while r < n and _ar_letter(_ch(text, r)):
            r += 1
        kind = _AR_WORD_KIND.get(PyUnicode_Substring(text, q, r))
        if kind is not None:
            return _ar_new_cue(p, r, kind, q)
    return None


cdef inline _Cue _ar_new_cue(Py_ssize_t s, Py_ssize_t e, str kind, Py_ssize_t gs):
    cdef _Cue c = _Cue.__new__(_Cue)
    c.s = s
    c.e = e
    c.gs = gs
    c.kind = kind
    return c


def _test_ar_cue_at(str text, Py_ssize_t p):
    """(start, end, lastgroup, start of lastgroup) of _ar_cue_at(text, p), or None, for the comparison tests."""
    c = _ar_cue_at(text, p)
    return None if c is None else (c.s, c.e, c.kind, c.gs)


cdef bint _cue_in(finder, str s) except -1:
    """``finder.CUE_RE.search(s) is not None``: for English and Arabic, the hand-written match tried at each
    position where one can start (a word character after a non-word one; not after an Arabic letter)."""
    cdef Py_ssize_t p, n = len(s)
    if finder is _attribution_en:
        for p in range(n):
            if _is_word(_ch(s, p)) and (p == 0 or not _is_word(_ch(s, p - 1))) and _en_cue_at(s, p) is not None:
                return True
        return False
    if finder is _attribution_ar:
        for p in range(n):
            if (p == 0 or not _ar_letter(_ch(s, p - 1))) and _ar_cue_at(s, p) is not None:
                return True
        return False
    return finder.CUE_RE.search(s) is not None


def _test_cue_in(finder, str s):
    """_cue_in, for the comparison tests."""
    return _cue_in(finder, s)


def _test_en_cue_at(str text, Py_ssize_t p):
    """(start, end, lastgroup) of _en_cue_at(text, p), or None, for the comparison tests."""
    c = _en_cue_at(text, p)
    return None if c is None else (c.s, c.e, c.kind)


def _test_find_cues(str text, finder):
    """(start, end, lastgroup) of each cue match find_cues gives, for the tests."""
    return [((<_Cue>m).s, (<_Cue>m).e, (<_Cue>m).kind) for m in find_cues(text, finder)]


cdef list find_cues(str text, finder):
    """attribution.find_cues: every cue match of ``finder.CUE_RE`` in ``text``, in order."""
    cdef Py_ssize_t pos, end, n = len(text), last_end = -1
    cdef str word
    cdef _Cue c
    found = _key_filter(finder).found(text)
    if not found:
        return []
    cue_re = finder.CUE_RE
    cdef set starts = set()
    cdef list words = list(found)
    cdef int kind = PyUnicode_KIND(text)
    if len(words) <= _MAX_WORDS and _min_len(words) >= 2:
        if kind == PyUnicode_1BYTE_KIND:
            _find_words(<const Py_UCS1*>PyUnicode_DATA(text), n, text, words, starts)
        elif kind == PyUnicode_2BYTE_KIND:
            _find_words(<const Py_UCS2*>PyUnicode_DATA(text), n, text, words, starts)
        else:
            _find_words(<const Py_UCS4*>PyUnicode_DATA(text), n, text, words, starts)
        words = []
    for word in words:
        pos = text.find(word)
        while pos >= 0:
            end = pos + len(word)
            if not (end < n and _ch(text, end).isalpha()):
                if pos == 0 or not _ch(text, pos - 1).isalpha():
                    starts.add(pos)
                elif _ch(text, pos - 1) in "وف" and not (pos >= 2 and _ch(text, pos - 2).isalpha()):
                    starts.add(pos - 1)
            pos = text.find(word, end)
    cdef list out = []
    cdef bint en = finder is _attribution_en, ar = finder is _attribution_ar
    for pos in sorted(starts):
        if pos < last_end:
            continue
        if en:
            c = _en_cue_at(text, pos)
        elif ar:
            c = _ar_cue_at(text, pos)
        else:
            m = cue_re.match(text, pos)
            c = None if m is None else _cue_of(m)
        if c is not None:
            out.append(c)
            last_end = c.e
    return out


cdef bint _question(str text, Py_ssize_t us, Py_ssize_t ue):
    """attribution._question. Most units do not end with a question mark (after spaces and quote marks): answered
    from the characters, without the substrings (stripping from the left cannot remove a question mark)."""
    cdef Py_ssize_t b = ue
    cdef Py_UCS4 c
    if 0 <= us <= ue <= len(text):
        while b > us and _is_space(_ch(text, b - 1)):
            b -= 1
        while b > us and _ch(text, b - 1) in "\"'“”«»‘’":
            b -= 1
        if b == us:
            return False
        c = _ch(text, b - 1)
        if c != "?" and c != "؟":
            return False
    unit = text[us:ue].strip().strip("\"'“”«»‘’")
    return unit.endswith(("?", "؟")) and _QUESTION.match(unit.lstrip("وف")) is not None


cdef inline Py_ssize_t _last_le(const Py_ssize_t* xs, Py_ssize_t n, Py_ssize_t x) noexcept:
    """``bisect_right(xs[:n], x) - 1``: the last index whose value is <= x, or -1 (xs sorted)."""
    cdef Py_ssize_t lo = 0, hi = n, mid
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < xs[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo - 1


def _test_question(str text, Py_ssize_t us, Py_ssize_t ue):
    """_question, for the comparison tests."""
    return _question(text, us, ue)


cdef object _finder(str text, lang):
    """The attribution module of the document's language (``und``: by its script), or None."""
    finder = _FINDERS.get(lang)
    if finder is None:
        code = (lang or "und")[:3].lower()
        if code in ("und", ""):
            code = "ar" if _ARABIC.search(text, 0, 4000) else "en"
        finder = _FINDERS.get(code[:2])
    return finder


def attribute(str text, units, lang):
    """attribution.attribute: one entry per unit, its ``Attribution`` when it is a claim unit, else None."""
    cdef Py_ssize_t nu = len(units), k
    cdef list out = [None] * nu
    cdef list cues, kinds
    cdef Py_ssize_t* bounds
    if not units:
        return out
    finder = _finder(text, lang)
    if finder is None:
        return out
    cues = find_cues(text, finder)
    if not cues and ":" not in text:
        return out
    bounds = <Py_ssize_t*>PyMem_Malloc(2 * nu * sizeof(Py_ssize_t) + 1)
    if bounds == NULL:
        raise MemoryError()
    try:
        kinds = [None] * nu
        for k in range(nu):
            unit = units[k]
            bounds[k] = unit[0]
            bounds[nu + k] = unit[1]
            kinds[k] = unit[2]
        _attribute(text, nu, finder, cues, out, bounds, bounds + nu, kinds)
    finally:
        PyMem_Free(bounds)
    return out


cdef extern from "Python.h":
    const char* PyUnicode_AsUTF8AndSize(object unicode, Py_ssize_t* size) except NULL
    char* PyByteArray_AS_STRING(object bytearray)
    int PyByteArray_Resize(object bytearray, Py_ssize_t size) except -1


cdef enum:
    _N_FIELDS = 7  # Attribution's fields after is_claim


cdef inline bint _is_text(Py_ssize_t f) noexcept:  # speaker, cue, quote_type; the others are offsets
    return f == 0 or f == 3 or f == 6


def _check_fields() -> None:
    want = ("is_claim", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end", "quote_type")
    if Attribution._fields != want or [f for f in range(_N_FIELDS) if _is_text(f)] != [0, 3, 6]:
        raise ImportError("claim_types.Attribution's fields changed: _ClaimColumns in _attr_native.pyx writes them "
                          "by position; change it the same way, then rebuild")


_check_fields()
cdef tuple _FIELD_NAMES = tuple(Attribution._fields[1:])  # the claim columns' names (units._CLAIM_FIELDS)


cdef inline void _set_bit(bytearray bits, Py_ssize_t i) noexcept:
    (<unsigned char*>PyByteArray_AS_STRING(bits))[i >> 3] |= <unsigned char>(1 << (i & 7))


cdef class _ClaimColumns:
    """The claim columns of ``n`` units as Arrow buffers, written one claim unit at a time in unit order: is_claim
    as a bitmap; per field of ``Attribution`` after it, a validity bitmap and, for the texts (speaker, cue,
    quote_type), int64 offsets and UTF-8 data, for the offsets int64 values. The other units are null. No Python
    object per unit, and no scatter into full columns afterwards (it cost ~4% of a segment worker in polars)."""
    cdef Py_ssize_t n
    cdef bytearray claim
    cdef list valid, values, data
    cdef Py_ssize_t used[_N_FIELDS]  # bytes of a text field's data written
    cdef Py_ssize_t upto[_N_FIELDS]  # a text field's offsets are written up to this unit (its start offset)

    def __cinit__(self, Py_ssize_t n):
        cdef Py_ssize_t f, nbits = (n + 7) >> 3
        self.n = n
        self.claim = bytearray(nbits)
        self.valid = [bytearray(nbits) for _ in range(_N_FIELDS)]
        self.values = [bytearray(8 * (n + 1) if _is_text(f) else 8 * n) for f in range(_N_FIELDS)]
        self.data = [bytearray(64) if _is_text(f) else None for f in range(_N_FIELDS)]
        for f in range(_N_FIELDS):
            self.used[f] = 0
            self.upto[f] = 0

    cdef int add(self, Py_ssize_t u, tuple a) except -1:
        """Unit ``u`` (after every unit added before it) is a claim unit with attribution ``a``."""
        cdef Py_ssize_t f, k, size, need
        cdef const char* utf8
        cdef long long* offsets
        cdef bytearray buf
        if u < 0 or u >= self.n or self.upto[0] > u:  # (upto[0]: one past the last unit added, as for every text)
            raise ValueError(f"claim unit {u} out of order or out of range ({self.n} units)")
        _set_bit(self.claim, u)
        for f in range(_N_FIELDS):
            v = a[f + 1]
            if not _is_text(f):
                if v is not None:
                    (<long long*>PyByteArray_AS_STRING(self.values[f]))[u] = v
                    _set_bit(self.valid[f], u)
                continue
            offsets = <long long*>PyByteArray_AS_STRING(self.values[f])
            for k in range(self.upto[f], u + 1):
                offsets[k] = self.used[f]
            if v is not None:
                utf8 = PyUnicode_AsUTF8AndSize(v, &size)
                buf = self.data[f]
                need = self.used[f] + size
                if need > len(buf):
                    PyByteArray_Resize(buf, max(need, 2 * len(buf)))
                memcpy(PyByteArray_AS_STRING(buf) + self.used[f], utf8, size)
                self.used[f] = need
                _set_bit(self.valid[f], u)
            offsets[u + 1] = self.used[f]
            self.upto[f] = u + 1
        return 0

    cdef dict finish(self):
        """``{"is_claim": bitmap, field: (validity, offsets, data) for a text field or (validity, values)}``."""
        cdef Py_ssize_t f, k
        cdef long long* offsets
        cdef dict out = {"is_claim": bytes(self.claim)}
        for f in range(_N_FIELDS):
            if _is_text(f):
                offsets = <long long*>PyByteArray_AS_STRING(self.values[f])
                for k in range(self.upto[f], self.n + 1):
                    offsets[k] = self.used[f]
                PyByteArray_Resize(self.data[f], self.used[f])
                out[_FIELD_NAMES[f]] = (self.valid[f], self.values[f], self.data[f])
            else:
                out[_FIELD_NAMES[f]] = (self.valid[f], self.values[f])
        return out


def _test_claim_columns(Py_ssize_t n, list claims):
    """_ClaimColumns over ``n`` units given ``[(unit, attribution tuple)]``, for the tests."""
    cdef _ClaimColumns columns = _ClaimColumns(n)
    for u, a in claims:
        columns.add(u, a)
    return columns.finish()


def attribute_batch(list texts, list langs, list n_units, starts, ends, const unsigned char[:] kind_codes,
                    tuple kind_names):
    """:func:`attribute` over a batch whose units come as columns, as ``segment_docs`` gives them: ``n_units[i]``
    units of document i, in order, with their offsets in ``starts``/``ends`` (``array('q')``) and their kinds as
    indices into ``kind_names`` (bytes). Returns the batch's claim columns as Arrow buffers (:class:`_ClaimColumns`,
    by the names of ``Attribution``'s fields): no Python object is made for the units that are not claim units, and
    none is kept for those that are."""
    cdef const long long[:] s_view = starts
    cdef const long long[:] e_view = ends
    cdef Py_ssize_t i, k, m, base = 0, n = len(texts), total = 0
    cdef list out, cues, kinds
    cdef str text
    cdef Py_ssize_t* bounds
    if len(langs) != n or len(n_units) != n:
        raise ValueError(f"attribute_batch: {n} texts, {len(langs)} languages and {len(n_units)} unit counts")
    for m in n_units:
        total += m
    if total > s_view.shape[0] or total > e_view.shape[0] or total > kind_codes.shape[0]:
        raise ValueError("attribute_batch: fewer unit offsets or kinds than the unit counts add up to")
    cdef _ClaimColumns columns = _ClaimColumns(total)
    bounds = <Py_ssize_t*>PyMem_Malloc(2 * total * sizeof(Py_ssize_t) + 1)
    if bounds == NULL:
        raise MemoryError()
    try:
        for k in range(total):
            bounds[k] = s_view[k]
            bounds[total + k] = e_view[k]
        for i in range(n):
            m = n_units[i]
            if m == 0:
                continue
            text = texts[i]
            finder = _finder(text, langs[i])
            cues = find_cues(text, finder) if finder is not None else None
            if finder is None or (not cues and ":" not in text):
                base += m
                continue
            kinds = [kind_names[kind_codes[base + k]] for k in range(m)]
            out = [None] * m
            _attribute(text, m, finder, cues, out, bounds + base, bounds + total + base, kinds)
            for k in range(m):
                a = out[k]
                if a is not None and (<tuple>a)[0]:
                    columns.add(base + k, <tuple>a)
            base += m
    finally:
        PyMem_Free(bounds)
    return columns.finish()


cdef int _attribute(str text, Py_ssize_t nu, finder, list cues, list out, Py_ssize_t* starts,
                    Py_ssize_t* ends, list kinds) except -1:
    """The body of ``attribute`` once a document may have claims: ``starts``/``ends`` hold the units' offsets,
    ``kinds`` their kinds."""
    cdef list heads = []
    cdef Py_ssize_t idx, us, ue, ss, se, k
    cdef bint is_ar, ordered = True
    for k in range(nu):
        us = starts[k]
        ue = ends[k]
        kind = kinds[k]
        if us > ue or (k and ends[k - 1] > us):
            ordered = False
        if kind == "title" and text.find(":", us, min(ue, us + 60)) >= 0:  # attribution._headline_candidates
            heads.append(k)
    if not cues and not heads:
        return 0
    groups, todo = _cue_groups(nu, starts, ends, ordered, cues, heads)
    is_ar = finder is _attribution_ar
    cdef DocState doc = DocState(text, finder, quote_spans(text))
    cdef _Local loc, head
    for idx in todo:
        us = starts[idx]
        ue = ends[idx]
        doc.reach(us)
        kind = kinds[idx]
        if kind == "boilerplate":
            continue
        loc = None
        matches = groups.get(idx)
        if matches:
            loc = analyse_ar(text, us, ue, matches, doc) if is_ar else analyse_en(text, us, ue, matches, doc)
        if kind == "title" and (loc is None or not loc.claim or text.find(":", us, loc.cue_start) >= 0):
            if is_ar:
                head = headline_ar(text, us, ue)
            elif finder is _attribution_en:
                head = headline_en(text, us, ue)
            else:
                head = _as_local(finder.headline(text, us, ue))
            if head is not None and (loc is None or head.cue_start < loc.cue_start):
                loc = head
        if loc is None:
            continue
        sp = loc.speaker
        if sp is not None:
            ss, se = sp
            if se > ss:
                doc.add(_entity(text[ss:se], ss, loc.gender, loc.is_person))
            speaker = (ss, se) if se > ss else None
        else:
            speaker = resolve(text, doc.entities(), loc, us)
        if not loc.claim or _question(text, us, ue):
            continue
        qtype = quote_type(text, doc, loc, us, ue, speaker, finder)
        out[idx] = tuple.__new__(Attribution, (
            True,
            text[speaker[0]:speaker[1]] if speaker else None,
            speaker[0] if speaker else None,
            speaker[1] if speaker else None,
            text[loc.cue_start:loc.cue_end],
            loc.cue_start,
            loc.cue_end,
            qtype,
        ))
    continuations(text, nu, starts, ends, kinds, out, doc)
    return 0


cdef tuple _cue_groups(Py_ssize_t nu, const Py_ssize_t* starts, const Py_ssize_t* ends, bint ordered, list cues,
                       list heads):
    """attribution._cue_groups (``ordered``: units in order without overlap)."""
    cdef dict groups = {}
    cdef Py_ssize_t p, k, ci, cj, idx, us, ue, nc = len(cues)
    cdef _Cue m
    if ordered:
        for m in cues:
            p = m.s
            k = _last_le(starts, nu, p)
            if k >= 0 and p < ends[k]:
                g = groups.get(k)
                if g is not None:
                    (<list>g).append(m)
                else:
                    groups[k] = [m]
        return groups, sorted(groups.keys() | heads) if heads else list(groups)
    ci = 0
    for idx in range(nu):
        us = starts[idx]
        ue = ends[idx]
        while ci < nc and (<_Cue>cues[ci]).s < us:
            ci += 1
        cj = ci
        while cj < nc and (<_Cue>cues[cj]).s < ue:
            cj += 1
        if cj > ci:
            groups[idx] = cues[ci:cj]
    return groups, range(nu)
