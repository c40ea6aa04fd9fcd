# distutils: language = c++
# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
"""The rule segmenter (``rules.v2``) compiled: the same units as :func:`stancekit.builder.segment.rules.segment_tuples`,
about five times faster.

The Python modules (``rules``, ``layout``, ``sentences``, ``boilerplate``, ``site_chrome``) stay the reference: this
file follows them function by function (each ``_name`` here is the one of the same name there), with typed offsets
and characters in the character-level loops, and it uses their compiled regexes, word sets and rare-path helpers
themselves, so a rule lives once and only the control flow around it is repeated. ``tests/builder/test_segment_native.py``
checks that both give the same units on every gold set, the UD documents, generated news and random text: a rule
changed in Python and not here fails it. ``stancekit.builder.segment.native`` loads this module (or reports why not).
"""

from cpython.unicode cimport (
    Py_UCS1,
    Py_UCS2,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISSPACE,
    PyUnicode_1BYTE_KIND,
    PyUnicode_2BYTE_KIND,
    PyUnicode_DATA,
    PyUnicode_KIND,
    PyUnicode_READ,
    PyUnicode_Substring,
)
from cpython cimport array
from cpython.buffer cimport PyBuffer_FillInfo
from cpython.bytes cimport PyBytes_FromStringAndSize
from libc.stdint cimport uint8_t
from libc.string cimport memchr, memcpy
from libcpp.vector cimport vector

from stancekit._blake2b cimport sk_blake2b_state
from stancekit._ids_native cimport doc_state, unit_id_into

import array

from stancekit.builder.segment import boilerplate as _bp
from stancekit.builder.segment import datelines as _dl
from stancekit.builder.segment import layout as _lay
from stancekit.builder.segment import rules as _ru
from stancekit.builder.segment import site_chrome as _sc
from stancekit.builder.segment.first_char import KEY_CHARS, literal_alternatives
from stancekit.builder.segment.protocol import KINDS
from stancekit.builder.segment.boundary_words import (
    ABBREV_CONTINUE,
    AR_CONTINUE_END,
    AR_CONTINUE_START,
    AR_STARTERS,
    EN_CONTINUE_END,
    EN_STARTERS,
    ENDING_ABBREV,
    MONTH_ABBREV,
    OTHER_ABBREV,
    TITLE_ABBREV,
)

cdef extern from *:
    const char* SK_SOURCE_SHA256

cdef extern from "Python.h":
    bint PyUnicode_IS_ASCII(object o)

SOURCE_SHA256 = SK_SOURCE_SHA256.decode("ascii")

# Character scans in C: the sentence terminal finders, and the line rules' needle flags and needle scan's 16-byte
# blocks (SSE2, which every x86-64 has; elsewhere the blocks are not compiled and the scans go one character at a
# time). A needle block reports its spaces, the flags its characters set by themselves, and a mask of where an
# anchor pair of a word needle stands (the caller compares the word there); the two-byte block also says whether a
# character at or above U+0700 is in it (the caller then scans it character by character). The anchor pairs and the
# flag characters are listed once (SK_*_PAIRS, SK_FLAG_CHARS) and read by _init_needle_tables too.
cdef extern from *:
    """
    enum {
        N_SLASH = 1 << 0, N_HOTO = 1 << 1, N_IMAGE = 1 << 2, N_GETTY = 1 << 3, N_CONTRIBUTED = 1 << 4, N_AT = 1 << 5,
        N_CRUMB = 1 << 6, N_BAR = 1 << 7, N_OOKIE = 1 << 8, N_INBOX = 1 << 9, N_EWSLETTER = 1 << 10,
        N_YOU_AGREE = 1 << 11, N_AR_CHROME = 1 << 12, N_DIGIT = 1 << 13
    };
    /* The anchor pairs of the word needles (_WORD_NEEDLES, which is checked against these at import): the first
       character of a pair, then the one after it */
    #define SK_ASCII_PAIRS(X) X(' ', '|') X('h', 'o') X('i', 'b') X('k', 'i') X('o', 'x') X('w', 's') X('y', 'o') \
                              X('I', 'm') X('G', 'e')
    #define SK_ARABIC_PAIRS(X) X(0x0627, 0x0637) X(0x064A, 0x0632) X(0x0641, 0x0642) X(0x0646, 0x0634) \
                               X(0x062F, 0x0643)  /* اط يز فق نش دك */
    #define SK_PAIR_ENTRY(a, b) {a, b},
    static const unsigned short sk_pairs[][2] = {SK_ASCII_PAIRS(SK_PAIR_ENTRY) SK_ARABIC_PAIRS(SK_PAIR_ENTRY)};
    static inline int sk_n_pairs(void) { return (int)(sizeof sk_pairs / sizeof sk_pairs[0]); }
    static inline unsigned sk_pair(int i, int j) { return sk_pairs[i][j]; }
    /* The characters that set a needle flag by themselves (besides the digits): the character, then its flag. The
       one-character scan's table (_FLAG_OF) is built from these too. */
    #define SK_FLAG_CHARS(X) X('/', N_SLASH) X('@', N_AT) X('>', N_CRUMB) X(0xBB, N_CRUMB)  /* » */
    static const unsigned short sk_flag_chars[][2] = {SK_FLAG_CHARS(SK_PAIR_ENTRY)};
    static inline int sk_n_flag_chars(void) { return (int)(sizeof sk_flag_chars / sizeof sk_flag_chars[0]); }
    static inline unsigned sk_flag_char(int i, int j) { return sk_flag_chars[i][j]; }
    #if defined(__SSE2__)
    #include <emmintrin.h>
    #define SK_BLOCKS 1
    #define SK_EQ8(x, c) _mm_cmpeq_epi8((x), _mm_set1_epi8((char)(c)))
    #define SK_PAIR8(c1, c2) _mm_and_si128(SK_EQ8(v, c1), SK_EQ8(w, c2))
    #define SK_ANY(m) (_mm_movemask_epi8(m) != 0)
    /* the bits set in a 16-bit movemask (plain x86-64 has no popcnt instruction: gcc would call a library function) */
    static inline Py_ssize_t sk_bits16(unsigned x) {
        x = x - ((x >> 1) & 0x5555u);
        x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
        x = (x + (x >> 4)) & 0x0F0Fu;
        return (Py_ssize_t)((x + (x >> 8)) & 0x1Fu);
    }
    /* 16 one-byte characters at p (p[16] is readable too) */
    static inline unsigned sk_block1(const unsigned char *p, Py_ssize_t *spaces, int *flags) {
        __m128i v = _mm_loadu_si128((const __m128i *)p), w = _mm_loadu_si128((const __m128i *)(p + 1));
        __m128i sp = SK_EQ8(v, ' '), d = _mm_sub_epi8(v, _mm_set1_epi8('0')), m;
        int f = 0;
        *spaces = sk_bits16((unsigned)_mm_movemask_epi8(sp));
        if (SK_ANY(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d))) f |= N_DIGIT;
        #define SK_FLAG8(c, flag) if (SK_ANY(SK_EQ8(v, c))) f |= flag;
        SK_FLAG_CHARS(SK_FLAG8)
        *flags = f;
        m = _mm_setzero_si128();
        #define SK_OR_PAIR8(a, b) m = _mm_or_si128(m, SK_PAIR8(a, b));
        SK_ASCII_PAIRS(SK_OR_PAIR8)
        return (unsigned)_mm_movemask_epi8(m);
    }
    #define SK_EQ16(x, c) _mm_cmpeq_epi16((x), _mm_set1_epi16((short)(c)))
    #define SK_PAIR16(c1, c2) _mm_and_si128(SK_EQ16(v, c1), SK_EQ16(w, c2))
    #define SK_UPTO16(x, lo, k) _mm_cmpeq_epi16(_mm_subs_epu16(_mm_sub_epi16((x), _mm_set1_epi16((short)(lo))), \
                                                               _mm_set1_epi16((short)(k))), _mm_setzero_si128())
    /* 8 two-byte characters at p (p[8] is readable too) */
    static inline unsigned sk_block2(const Py_UCS2 *p, Py_ssize_t *spaces, int *flags, int *beyond) {
        __m128i v = _mm_loadu_si128((const __m128i *)p), w = _mm_loadu_si128((const __m128i *)(p + 1));
        __m128i sp = SK_EQ16(v, ' '), m;
        int f = 0;
        *beyond = _mm_movemask_epi8(SK_UPTO16(v, 0, 0x6FF)) != 0xFFFF;
        *spaces = sk_bits16((unsigned)_mm_movemask_epi8(sp)) >> 1;
        if (SK_ANY(_mm_or_si128(SK_UPTO16(v, '0', 9), _mm_or_si128(SK_UPTO16(v, 0x0660, 9), SK_UPTO16(v, 0x06F0, 9)))))
            f |= N_DIGIT;
        #define SK_FLAG16(c, flag) if (SK_ANY(SK_EQ16(v, c))) f |= flag;
        SK_FLAG_CHARS(SK_FLAG16)
        *flags = f;
        m = _mm_setzero_si128();
        #define SK_OR_PAIR16(a, b) m = _mm_or_si128(m, SK_PAIR16(a, b));
        SK_ASCII_PAIRS(SK_OR_PAIR16)
        SK_ARABIC_PAIRS(SK_OR_PAIR16)
        return (unsigned)_mm_movemask_epi8(_mm_packs_epi16(m, _mm_setzero_si128()));  /* (one bit per character) */
    }
    #else
    #define SK_BLOCKS 0
    static inline unsigned sk_block1(const unsigned char *p, Py_ssize_t *spaces, int *flags) { return 0; }
    static inline unsigned sk_block2(const Py_UCS2 *p, Py_ssize_t *spaces, int *flags, int *beyond) { return 0; }
    #endif
    /* min(count of ch in d[lo:hi], limit), all of them when limit < 0 (16 bytes at a time where SSE2 is) */
    #define SK_COUNT_BODY(T, blocks)                                                                           \
        Py_ssize_t n = 0, i = lo;                                                                          \
        if (ch > (Py_UCS4)(T)(-1)) return 0;  /* (a character this text cannot hold) */                   \
        blocks                                                                                             \
        for (; i < hi; i++) {                                                                              \
            if (d[i] == (T)ch && ++n == limit) return n;                                                  \
        }                                                                                                  \
        return (limit >= 0 && n > limit) ? limit : n;
    #if defined(__SSE2__)
    #define SK_COUNT_BLOCKS(T, width, eq, ones)                                                                \
        {                                                                                                  \
            __m128i c = ones((T)ch);                                                                       \
            for (; i + width <= hi; i += width) {                                                          \
                n += sk_bits16((unsigned)_mm_movemask_epi8(eq(_mm_loadu_si128((const __m128i *)(d + i)), c))) \
                     / (16 / width);                                                                       \
                if (limit >= 0 && n >= limit) return limit;                                                \
            }                                                                                              \
        }
    #else
    #define SK_COUNT_BLOCKS(T, width, eq, ones)
    #endif
    static inline Py_ssize_t sk_count1(const unsigned char *d, Py_ssize_t lo, Py_ssize_t hi, Py_UCS4 ch,
                                       Py_ssize_t limit) {
        SK_COUNT_BODY(unsigned char, SK_COUNT_BLOCKS(unsigned char, 16, _mm_cmpeq_epi8, _mm_set1_epi8))
    }
    static inline Py_ssize_t sk_count2(const Py_UCS2 *d, Py_ssize_t lo, Py_ssize_t hi, Py_UCS4 ch, Py_ssize_t limit) {
        SK_COUNT_BODY(Py_UCS2, SK_COUNT_BLOCKS(Py_UCS2, 8, _mm_cmpeq_epi16, _mm_set1_epi16))
    }
    static inline Py_ssize_t sk_count4(const Py_UCS4 *d, Py_ssize_t lo, Py_ssize_t hi, Py_UCS4 ch, Py_ssize_t limit) {
        SK_COUNT_BODY(Py_UCS4, )
    }
    /* The UTF-8 of a code point below U+0800 at p (two bytes are written; the second is dropped for ASCII); returns
       the end. Without a branch: ASCII and Arabic letters alternate in Arabic text. */
    static inline unsigned char *sk_utf8_below_800(unsigned c, unsigned char *p) {
        unsigned two = c >= 0x80;
        p[0] = (unsigned char)(two ? (0xC0 | (c >> 6)) : c);
        p[1] = (unsigned char)(0x80 | (c & 0x3F));
        return p + 1 + two;
    }
    /* 8 two-byte characters at d written as 8 ASCII bytes at p when they all are ASCII: 8, else 0 (nothing written) */
    static inline Py_ssize_t sk_ascii_block2(const Py_UCS2 *d, unsigned char *p) {
    #if defined(__SSE2__)
        __m128i v = _mm_loadu_si128((const __m128i *)d);
        if (_mm_movemask_epi8(_mm_cmpeq_epi16(_mm_subs_epu16(v, _mm_set1_epi16(0x7F)), _mm_setzero_si128()))
                != 0xFFFF)
            return 0;
        _mm_storel_epi64((__m128i *)p, _mm_packus_epi16(v, v));
        return 8;
    #else
        (void)d; (void)p;
        return 0;
    #endif
    }
    /* The first sentence terminal (. ! ? ؟ …: _is_terminal) in d[p:hi], or hi; one-byte text has no ؟ or … */
    static inline Py_ssize_t sk_terminal1(const unsigned char *d, Py_ssize_t p, Py_ssize_t hi) {
    #if defined(__SSE2__)
        for (; p + 16 <= hi; p += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(d + p));
            unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(SK_EQ8(v, '.'), SK_EQ8(v, '!')),
                                                                  SK_EQ8(v, '?')));
            if (m) return p + __builtin_ctz(m);
        }
    #endif
        for (; p < hi; p++) if (d[p] == '.' || d[p] == '!' || d[p] == '?') return p;
        return hi;
    }
    static inline Py_ssize_t sk_terminal2(const Py_UCS2 *d, Py_ssize_t p, Py_ssize_t hi) {
    #if defined(__SSE2__)
        for (; p + 8 <= hi; p += 8) {
            __m128i v = _mm_loadu_si128((const __m128i *)(d + p));
            __m128i m = _mm_or_si128(_mm_or_si128(SK_EQ16(v, '.'), SK_EQ16(v, '!')), SK_EQ16(v, '?'));
            unsigned bits;
            m = _mm_or_si128(m, _mm_or_si128(SK_EQ16(v, 0x061F), SK_EQ16(v, 0x2026)));
            bits = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(m, _mm_setzero_si128()));
            if (bits) return p + __builtin_ctz(bits);
        }
    #endif
        for (; p < hi; p++) {
            Py_UCS2 c = d[p];
            if (c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x2026) return p;
        }
        return hi;
    }
    """
    enum:
        N_SLASH
        N_HOTO
        N_IMAGE
        N_GETTY
        N_CONTRIBUTED
        N_AT
        N_CRUMB  # > » ›
        N_BAR  # " | "
        N_OOKIE
        N_INBOX
        N_EWSLETTER
        N_YOU_AGREE  # "you agree" or "you accept"
        N_AR_CHROME  # الارتباط كوكيز توافق نشرة نشرتنا بريدك
        N_DIGIT  # a decimal digit (\d)
    bint SK_BLOCKS
    int sk_n_pairs() noexcept
    unsigned sk_pair(int i, int j) noexcept
    int sk_n_flag_chars() noexcept
    unsigned sk_flag_char(int i, int j) noexcept
    int __builtin_ctz(unsigned x) noexcept
    unsigned sk_block1(const Py_UCS1 *p, Py_ssize_t *spaces, int *flags) noexcept
    unsigned sk_block2(const Py_UCS2 *p, Py_ssize_t *spaces, int *flags, int *beyond) noexcept
    Py_ssize_t sk_count1(const Py_UCS1 *d, Py_ssize_t lo, Py_ssize_t hi, Py_UCS4 ch, Py_ssize_t limit) noexcept
    Py_ssize_t sk_count2(const Py_UCS2 *d, Py_ssize_t lo, Py_ssize_t hi, Py_UCS4 ch, Py_ssize_t limit) noexcept
    Py_ssize_t sk_count4(const Py_UCS4 *d, Py_ssize_t lo, Py_ssize_t hi, Py_UCS4 ch, Py_ssize_t limit) noexcept
    unsigned char *sk_utf8_below_800(unsigned c, unsigned char *p) noexcept
    Py_ssize_t sk_ascii_block2(const Py_UCS2 *d, unsigned char *p) noexcept
    Py_ssize_t sk_terminal1(const Py_UCS1 *d, Py_ssize_t p, Py_ssize_t hi) noexcept
    Py_ssize_t sk_terminal2(const Py_UCS2 *d, Py_ssize_t p, Py_ssize_t hi) noexcept


# ---------------------------------------------------------------------------------------------------- characters

cdef inline Py_UCS4 _ch(str s, Py_ssize_t i) noexcept:
    """``s[i]`` for 0 <= i < len(s), without the checks of a Python index."""
    return PyUnicode_READ(PyUnicode_KIND(s), PyUnicode_DATA(s), i)


cdef inline bint _is_terminal(Py_UCS4 c) noexcept:
    return c == u"." or c == u"!" or c == u"?" or c == u"؟" or c == u"…"


cdef inline bint _is_ws(Py_UCS4 c) noexcept:  # sentences._WS, or any other space
    return c.isspace() or c == u"\u200f" or c == u"\u200e"


cdef inline bint _is_closer_char(Py_UCS4 c) noexcept:  # sentences._CLOSERS
    return (c == u"”" or c == u"»" or c == u'"' or c == u"’" or c == u"'" or c == u")" or c == u"]" or c == u"}"
            or c == u"›")


cdef inline bint _is_arabic_letter(Py_UCS4 ch) noexcept:
    return (0x0621 <= ch <= 0x064A) or (0x066E <= ch <= 0x06D3) or (0x06FA <= ch <= 0x06FF)


cdef inline bint _is_ascii_alnum(Py_UCS4 c) noexcept:
    return (u"A" <= c <= u"Z") or (u"a" <= c <= u"z") or (u"0" <= c <= u"9")


cdef inline bint _is_opener(Py_UCS4 c) noexcept:  # a quote or opener: sentences._WORD_AFTER's first class
    return (c == u'"' or c == u"“" or c == u"”" or c == u"«" or c == u"»" or c == u"'" or c == u"‘" or c == u"’"
            or c == u"(" or c == u"[")


cdef inline bint _is_token_char(Py_UCS4 c) noexcept:  # sentences._TOKEN_CHARS: not a space, quote or opener
    return not (c.isspace() or _is_opener(c))


ctypedef fused _char_t:
    Py_UCS1
    Py_UCS2
    Py_UCS4


cdef Py_ssize_t _count_upto(str s, Py_UCS4 ch, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t limit) noexcept:
    """``min(s.count(ch, lo, hi), limit)`` for one character (all of them when ``limit`` is negative): the count
    stops at ``limit`` (for a comparison with it)."""
    cdef unsigned int kind = PyUnicode_KIND(s)
    if kind == PyUnicode_1BYTE_KIND:
        return sk_count1(<const Py_UCS1 *>PyUnicode_DATA(s), lo, hi, ch, limit)
    if kind == PyUnicode_2BYTE_KIND:
        return sk_count2(<const Py_UCS2 *>PyUnicode_DATA(s), lo, hi, ch, limit)
    return sk_count4(<const Py_UCS4 *>PyUnicode_DATA(s), lo, hi, ch, limit)


def count_upto(str s, str ch, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t limit):
    """:func:`_count_upto`, for the tests (``ch`` one character; ``0 <= lo <= hi <= len(s)``)."""
    if len(ch) != 1 or not 0 <= lo <= hi <= len(s):
        raise ValueError("count_upto: one character, and 0 <= lo <= hi <= len(s)")
    return _count_upto(s, ch[0], lo, hi, limit)


cdef inline Py_ssize_t _count_char(str s, Py_UCS4 ch, Py_ssize_t lo, Py_ssize_t hi) noexcept:
    """``s.count(ch, lo, hi)`` for one character."""
    return _count_upto(s, ch, lo, hi, -1)


cdef inline Py_ssize_t _count_dquotes(str s, Py_ssize_t lo, Py_ssize_t hi) noexcept:  # '"“”'
    return _count_char(s, u'"', lo, hi) + _count_char(s, u"“", lo, hi) + _count_char(s, u"”", lo, hi)


cdef inline Py_ssize_t _skip_ws(str text, Py_ssize_t i, Py_ssize_t end) noexcept:
    while i < end and _ch(text, i).isspace():
        i += 1
    return i


# ---------------------------------------------------------------------------------------------------- sentences

cdef bint _ends_sentence_at(str text, Py_ssize_t lo, Py_ssize_t hi) noexcept:
    cdef Py_ssize_t i = hi - 1
    cdef Py_UCS4 ch
    while i >= lo:
        ch = _ch(text, i)
        if _is_closer_char(ch) or ch.isspace():
            i -= 1
            continue
        return _is_terminal(ch)
    return False


cdef inline bint _ends_sentence(str line) noexcept:
    return _ends_sentence_at(line, 0, len(line))


cdef bint _is_closer(str text, Py_ssize_t j, Py_ssize_t lo, Py_ssize_t end, bint attached):
    cdef Py_UCS4 ch = _ch(text, j)
    cdef Py_UCS4 nxt = _ch(text, j + 1) if j + 1 < end else u" "
    if ch == u")" or ch == u"]" or ch == u"}":
        return True
    if ch == u"”" or ch == u"»" or ch == u"›":
        return not (nxt.isalpha() and not attached)
    if nxt.isalpha() or nxt.isdigit():
        return False
    if ch == u"'" or ch == u"’":
        return attached
    if attached:
        return True
    return _count_dquotes(text, lo, j) % 2 == 1


cdef str _token_before(str text, Py_ssize_t p, Py_ssize_t lo):
    """sentences._token_before: the run of token characters (``_is_token_char``) ending at ``p``, at most 24 and not
    before ``lo``. As its ``_TOKEN_START.search`` (``[^...]*$``), the run may also end just before ``p`` when the
    character there is a newline: ``$`` matches before a final newline too."""
    cdef Py_ssize_t low = max(lo, p - 24), end = p, i
    if end > low and _ch(text, end - 1) == u"\n":
        end -= 1
    i = end - 1
    while i >= low and _is_token_char(_ch(text, i)):
        i -= 1
    return PyUnicode_Substring(text, i + 1, end)


def token_before(str text, Py_ssize_t p, Py_ssize_t lo):
    """:func:`_token_before`, for the tests."""
    return _token_before(text, p, lo)


cdef bint _has_digit(str token):
    cdef Py_UCS4 c
    for c in token:
        if c.isdigit():
            return True
    return False


cdef Py_ssize_t _ABBREV_MAX = max(len(w) for w in TITLE_ABBREV | OTHER_ABBREV | MONTH_ABBREV | {"no"})


cdef inline bint _is_word_char(Py_UCS4 c) noexcept:  # the second class of sentences._WORD_AFTER
    return not (c.isspace() or c == u'"' or c == u"“" or c == u"”" or c == u"«" or c == u"»" or c == u"'"
                or c == u"‘" or c == u"’" or c == u")" or c == u"]" or c == u"." or c == u"," or c == u"!"
                or c == u"?" or c == u"؟" or c == u"،" or c == u":" or c == u";")


cdef str _word_after(str text, Py_ssize_t k, Py_ssize_t hi):
    """The word at ``k`` without quotes and openers before it (``sentences._WORD_AFTER.match(text, k, hi)``'s group
    1), or "". As the regex backtracks: when no word character follows the openers, the last ``(`` or ``[`` among
    them (a word character too) is the word."""
    cdef Py_ssize_t i = k, j
    while i < hi and _is_opener(_ch(text, i)):
        i += 1
    if i < hi and _is_word_char(_ch(text, i)):
        j = i + 1
        while j < hi and _is_word_char(_ch(text, j)):
            j += 1
        return PyUnicode_Substring(text, i, j)
    for j in range(i - 1, k - 1, -1):
        if _ch(text, j) == u"(" or _ch(text, j) == u"[":
            return PyUnicode_Substring(text, j, j + 1)
    return ""


def word_after(str text, Py_ssize_t k, Py_ssize_t hi):
    """:func:`_word_after`, for the tests."""
    return _word_after(text, k, hi)


if "" in EN_STARTERS:
    raise ImportError("sentences.EN_STARTERS holds the empty word: _period_blocks reads a missing word as one")


cdef bint _abbrev_blocks(str text, Py_ssize_t p, Py_ssize_t lo, Py_ssize_t k, Py_ssize_t hi):
    """sentences._abbrev_blocks; the word after the period (at ``k``) is read only when a rule needs it."""
    cdef str token = _token_before(text, p, lo)
    if not token or not token.isascii():
        return False
    cdef bint dotted = "." in token
    if len(token) > 1 and not dotted and len(token) > _ABBREV_MAX:
        return False  # (no abbreviation is this long: every test below fails)
    cdef str nxt_word = _word_after(text, k, hi)
    cdef str first = nxt_word[:1]
    starts_sentence = (first.isupper() and nxt_word in EN_STARTERS) or first in "\"“«"  # ("" is in every string)
    if len(token) == 1:
        return token.isupper() and not starts_sentence
    key = token.replace(".", "").lower()
    if key in TITLE_ABBREV:
        return True
    if key in MONTH_ABBREV and first.isdigit():
        return True
    if key == "no" and first.isdigit():
        return True
    if dotted and _has_digit(token):
        return False
    if key in ENDING_ABBREV:
        return not ((first.isupper() and nxt_word not in ABBREV_CONTINUE) or first in "\"“«")
    if dotted or key in OTHER_ABBREV:
        return not starts_sentence
    return False


cdef bint _period_blocks(str text, Py_ssize_t p, Py_ssize_t lo, Py_ssize_t k, Py_ssize_t hi):
    cdef str token = _token_before(text, p, lo)
    cdef Py_ssize_t n = len(token)
    if n == 0 or not token.isascii():
        return False
    if n == 1:
        if not token.isupper():
            return False
        return _word_after(text, k, hi) not in EN_STARTERS
    if n > _ABBREV_MAX and "." not in token:
        return False  # (no abbreviation is this long: the key tests below cannot pass)
    key = token.replace(".", "").lower()
    if key in TITLE_ABBREV:
        return True
    if "." in token and _has_digit(token):
        return False
    if "." in token or key in OTHER_ABBREV:
        nxt_word = _word_after(text, k, hi)
        if key in ENDING_ABBREV:
            return not (nxt_word[:1].isupper() and nxt_word not in ABBREV_CONTINUE)
        return not (nxt_word[:1].isupper() and nxt_word in EN_STARTERS)
    return False


cdef inline bint _arabic_initial(str text, Py_ssize_t p, Py_ssize_t lo) noexcept:
    return p > lo and _is_arabic_letter(_ch(text, p - 1)) and (p - 1 == lo or not _is_arabic_letter(_ch(text, p - 2)))


cdef Py_ssize_t _candidate_in(const _char_t *data, Py_ssize_t pos, Py_ssize_t hi, Py_ssize_t *q_out) noexcept:
    cdef Py_ssize_t p = pos, q
    cdef Py_UCS4 c
    while p < hi:
        if _char_t is Py_UCS1:
            p = sk_terminal1(data, p, hi)
        elif _char_t is Py_UCS2:
            p = sk_terminal2(data, p, hi)
        else:
            while p < hi and not _is_terminal(data[p]):
                p += 1
        if p >= hi:
            break
        q = p + 1
        while q < hi and _is_terminal(data[q]):
            q += 1
        if q < hi:
            c = data[q]
            if _is_ascii_alnum(c) or (c == u" " and q + 1 < hi and u"a" <= data[q + 1] <= u"z"):
                p = q
                continue
        q_out[0] = q
        return p
    return -1


cdef Py_ssize_t _next_candidate(str text, Py_ssize_t pos, Py_ssize_t hi, Py_ssize_t *q_out) noexcept:
    """The next candidate terminal cluster at or after ``pos``: its start (``-1``: none) and end (``q_out``), as
    ``sentences._CANDIDATE`` / ``_CANDIDATE_FROM_START`` find them (whole clusters; not glued to an ASCII letter or
    digit, not before a space and a lower-case ASCII letter)."""
    cdef unsigned int kind = PyUnicode_KIND(text)
    if kind == PyUnicode_1BYTE_KIND:
        return _candidate_in(<const Py_UCS1 *>PyUnicode_DATA(text), pos, hi, q_out)
    if kind == PyUnicode_2BYTE_KIND:
        return _candidate_in(<const Py_UCS2 *>PyUnicode_DATA(text), pos, hi, q_out)
    return _candidate_in(<const Py_UCS4 *>PyUnicode_DATA(text), pos, hi, q_out)


cdef void _split_sentences(str text, Py_ssize_t lo, Py_ssize_t hi, bint arabic, vector[Py_ssize_t]& sa,
                           vector[Py_ssize_t]& sb) except *:
    """sentences.split_sentences: the sentence spans of ``text[lo:hi]`` appended to ``sa`` (starts), ``sb`` (ends)."""
    cdef Py_ssize_t start = _skip_ws(text, lo, hi)
    cdef Py_ssize_t pos = start, p, q, end, j, k, e
    cdef Py_UCS4 c, after, nxt, t0
    cdef str cluster
    cdef bint ellipsis
    cdef Py_ssize_t n
    while True:
        p = _next_candidate(text, pos, hi, &q)
        if p < 0:
            break
        pos = q
        if p < start:
            continue
        if q == hi:
            break
        t0 = _ch(text, p)
        if q - p == 1 and _ch(text, q) == u" " and q + 1 < hi and t0 != u"…":
            c = _ch(text, q + 1)
            if (0x0621 <= c <= 0x064A) or (u"A" <= c <= u"Z"):
                if t0 == u".":
                    if p > start and _ch(text, p - 1) > 127:
                        if (p - 1 == start or not _ch(text, p - 2).isalpha()) and _is_arabic_letter(_ch(text, p - 1)):
                            continue
                    elif _period_blocks(text, p, start, q + 1, hi):
                        continue
                sa.push_back(start)
                sb.push_back(q)
                start = q + 1
                continue
        after = _ch(text, q)
        if not (_is_ws(after) or _is_closer_char(after)) and not (
            _is_arabic_letter(after) and p > lo and _is_arabic_letter(_ch(text, p - 1))
        ):
            continue
        end = q
        while True:
            j = _skip_ws(text, end, hi)
            if j < hi and _is_closer_char(_ch(text, j)) and _is_closer(text, j, start, hi, j == end):
                end = j + 1
                continue
            if j < hi and j > end and _is_terminal(_ch(text, j)) and _ch(text, j) != u"…":
                end = j + 1
                while end < hi and _is_terminal(_ch(text, end)):
                    end += 1
                continue
            break
        k = _skip_ws(text, end, hi)
        if k >= hi:
            break
        nxt = _ch(text, k)
        if nxt == u"," or nxt == u"،" or nxt == u";" or nxt == u"؛" or nxt == u":":
            continue
        if nxt < 128 and u"a" <= nxt <= u"z":
            continue
        cluster = PyUnicode_Substring(text, p, q)
        ellipsis = "…" in cluster or ".." in cluster
        if arabic and cluster == ".." and _count_char(text, u"\n", end, k) == 0:
            continue
        if ellipsis:
            if arabic:
                n = _count_dquotes(text, start, p)
                n += _count_char(text, u"«", start, p) - _count_char(text, u"»", start, p)
                if n & 1 and end == q:  # (n may be negative: Python's n % 2 == 1)
                    continue
            elif not (_word_after(text, k, hi)[:1].isupper() or nxt == u'"' or nxt == u"“" or nxt == u"«"):
                continue
        elif cluster == "." and (_abbrev_blocks(text, p, start, k, hi) or _arabic_initial(text, p, start)):
            continue
        sa.push_back(start)
        sb.push_back(end)
        start = k
    if start < hi:
        e = hi
        while e > start and _ch(text, e - 1).isspace():
            e -= 1
        if e > start:
            sa.push_back(start)
            sb.push_back(e)


def split_sentences(str text, Py_ssize_t lo, Py_ssize_t hi, str lang):
    """:func:`stancekit.builder.segment.sentences.split_sentences`, compiled."""
    cdef vector[Py_ssize_t] sa, sb
    cdef size_t i
    _split_sentences(text, lo, hi, lang == "ar", sa, sb)
    return [(sa[i], sb[i]) for i in range(sa.size())]


# ---------------------------------------------------------------------------------------------------- layout

cdef str _EDGE_PUNCT = _lay.EDGE_PUNCT
cdef str _RSTRIP_TITLE = _lay.EDGE_PUNCT[:9] + " "
cdef str _ORD_FIRST = "".join(sorted({o[0] for o in _lay.ORDINALS}))
cdef tuple _ORDINALS = _lay.ORDINALS
cdef object _ITEM = _lay._ITEM
cdef object _joins = _lay._joins
cdef object _list_items = _lay.list_items
cdef int _WRAP_MIN_LINES = _lay._WRAP_MIN_LINES
cdef Py_ssize_t _WRAP_SLACK = _lay._WRAP_SLACK
cdef Py_ssize_t _WRAP_MAX_WIDTH = _lay._WRAP_MAX_WIDTH
cdef double _WRAP_MIN_SHARE = _lay._WRAP_MIN_SHARE
cdef double _WRAP_NEAR_SHARE = _lay._WRAP_NEAR_SHARE
cdef Py_ssize_t _SHORT_LINE_WORDS = _lay._SHORT_LINE_WORDS


cdef inline bint _is_item_start(Py_UCS4 c) noexcept:  # layout.ITEM_START
    return (c == u"-" or c == u"•" or c == u"*" or c == u"▪" or c == u"◦" or c == u"●" or c == u"■" or c == u"►"
            or c == u"▸" or c == u"‣" or c == u"·" or c == u"–" or c == u"(" or (u"0" <= c <= u"9")
            or (0x0660 <= c <= 0x0669))


cdef inline bint _is_sure_bullet(Py_UCS4 c) noexcept:  # layout.SURE_BULLETS
    return (c == u"•" or c == u"▪" or c == u"◦" or c == u"●" or c == u"■" or c == u"►" or c == u"▸" or c == u"‣"
            or c == u"·")


cdef Py_ssize_t _item_marker(str line, Py_ssize_t s, Py_ssize_t e):
    cdef Py_UCS4 c = _ch(line, s)
    if not _is_item_start(c) and not (c in _ORD_FIRST and line.startswith(_ORDINALS, s)):
        return 0
    m = _ITEM.match(line, s, e)
    return m.end() - s if m else 0


cdef inline str _first_word(str s):
    cdef Py_ssize_t i = s.find(" ")
    return (s if i < 0 else s[:i]).strip(_EDGE_PUNCT)


cdef inline str _last_word(str s):
    return s[s.rfind(" ") + 1 :].strip(_EDGE_PUNCT)


cdef bint _has_arabic(str s, Py_ssize_t hi) noexcept:  # layout/rules _ARABIC.search(s[:hi])
    cdef Py_ssize_t i, n = min(len(s), hi)
    cdef Py_UCS4 c
    for i in range(n):
        c = _ch(s, i)
        if 0x0600 <= c <= 0x06FF:
            return True
    return False


cdef inline bint _is_quote(Py_UCS4 c) noexcept:  # layout._QUOTES
    return c == u'"' or c == u"“" or c == u"”" or c == u"«" or c == u"»"


cdef bint _continues(str a, str b, bint arabic):
    cdef Py_UCS4 end = _ch(a, len(a) - 1), b0 = _ch(b, 0), b1
    if (end == u"," or end == u"،" or end == u";" or end == u"؛" or end == u"(" or end == u"–" or end == u"—"
            or end == u"-"):
        return True
    if end == u":" or end == u"：":
        return _is_quote(b0) or b0 == u"-" or b0 == u"–" or b0 == u"—"
    if (b0 == u"." or b0 == u"," or b0 == u"،" or b0 == u";" or b0 == u"؛" or b0 == u":" or b0 == u"!" or b0 == u"?"
            or b0 == u"؟" or b0 == u"…" or b0 == u")" or b0 == u"]"):
        return True
    if b0 == u"”" or b0 == u"»":
        if len(b) == 1:
            return True
        b1 = _ch(b, 1)
        if not b1.isalpha():
            return True
    if b0 == u'"' and _count_dquotes(a, 0, len(a)) % 2 == 1:
        return True
    cdef str a_word = _last_word(a), b_word = _first_word(b)
    if not arabic or not _has_arabic(b, 40):
        if b0.islower():
            return True
        if a_word.lower() in EN_CONTINUE_END:
            return True
        return (
            _count_upto(a, u" ", 0, len(a), _SHORT_LINE_WORDS) >= _SHORT_LINE_WORDS
            and a_word[:1].isupper()
            and b_word[:1].isupper()
            and b_word not in EN_STARTERS
            and not b_word.isupper()
        )
    if a_word in AR_CONTINUE_END or b_word in AR_CONTINUE_START:
        return True
    if _count_dquotes(a, 0, len(a)) % 2 == 1 or _count_char(a, u"«", 0, len(a)) > _count_char(a, u"»", 0, len(a)):
        return True
    if _count_upto(a, u" ", 0, len(a), _SHORT_LINE_WORDS) < _SHORT_LINE_WORDS:
        return False
    if b_word in AR_STARTERS or _is_quote(b0):
        return False
    return not (b_word.startswith(("وأ", "وا", "وي", "وت")) and not b_word.startswith(("وال", "وأن", "وإن", "وان")))


cdef inline bint _is_space(Py_UCS4 c) noexcept:
    """``c.isspace()``, without the call for the ASCII and Arabic letters (none is a space)."""
    return not ((0x20 < c < 0x80) or (0x0600 <= c <= 0x06FF)) and Py_UNICODE_ISSPACE(c)


cdef inline Py_ssize_t _find_newline(const _char_t *data, Py_ssize_t i, Py_ssize_t n) noexcept:
    """The index of the first ``\\n`` at or after i, or n."""
    cdef const void *hit
    if _char_t is Py_UCS1:
        hit = memchr(data + i, 10, <size_t>(n - i))
        return n if hit == NULL else <Py_ssize_t>(<const Py_UCS1 *>hit - data)
    while i < n and data[i] != 10:
        i += 1
    return i


cdef void _lines_in(const _char_t *data, Py_ssize_t n, vector[Py_ssize_t]& ls, vector[Py_ssize_t]& le,
                    vector[char]& lb) noexcept:
    cdef Py_ssize_t i = 0, s, last, nl = 0
    cdef Py_UCS4 c
    cdef char blank
    while i < n:
        c = data[i]
        if c == u"\n":
            nl += 1
            i += 1
            continue
        if _is_space(c):
            i += 1
            continue
        s = i
        i = _find_newline(data, i + 1, n)
        last = i - 1
        while _is_space(data[last]):  # (data[s] is no space)
            last -= 1
        blank = ls.size() == 0 or nl >= 2
        ls.push_back(s)
        le.push_back(last + 1)
        lb.push_back(blank)
        nl = 0


cdef void _physical_lines(str text, vector[Py_ssize_t]& ls, vector[Py_ssize_t]& le, vector[char]& lb) noexcept:
    """layout.physical_lines: every line without its outer whitespace (lines end at ``\\n`` only), and whether a
    blank line (two or more ``\\n`` since the previous line) stands before it."""
    cdef unsigned int kind = PyUnicode_KIND(text)
    if kind == PyUnicode_1BYTE_KIND:
        _lines_in(<const Py_UCS1 *>PyUnicode_DATA(text), len(text), ls, le, lb)
    elif kind == PyUnicode_2BYTE_KIND:
        _lines_in(<const Py_UCS2 *>PyUnicode_DATA(text), len(text), ls, le, lb)
    else:
        _lines_in(<const Py_UCS4 *>PyUnicode_DATA(text), len(text), ls, le, lb)


cdef bint _unwrap(str text, vector[Py_ssize_t]& ls, vector[Py_ssize_t]& le, vector[char]& lb, str slang) except -1:
    """layout.unwrap, in place: True when the document is hard-wrapped (its lines were joined)."""
    cdef Py_ssize_t n = ls.size(), i, s, e, ns, ne, j, width = 0, n_inner = 0, n_full = 0, open_lines = 0, near = 0
    if n < _WRAP_MIN_LINES:
        return False
    for i in range(n - 1):
        if not lb[i + 1]:
            n_inner += 1
            if le[i] - ls[i] > width:
                width = le[i] - ls[i]
    if n_inner < _WRAP_MIN_LINES:
        return False
    if width > _WRAP_MAX_WIDTH:
        return False
    cdef vector[char] full = vector[char](n, 0)
    for i in range(n - 1):
        if lb[i + 1]:
            continue
        s, e, ns, ne = ls[i], le[i], ls[i + 1], le[i + 1]
        j = ns
        while j < ne and _ch(text, j) != u" ":
            j += 1
        if (e - s) + 1 + (j - ns) >= width:
            full[i] = 1
            n_full += 1
            if e - s >= width - _WRAP_SLACK:
                near += 1
        elif _count_upto(text, u" ", s, e, 3) >= 3 and not _ends_sentence_at(text, s, e):
            open_lines += 1
    if n_full < _WRAP_MIN_LINES or n_full < _WRAP_MIN_SHARE * (n_full + open_lines):
        return False
    if near < _WRAP_NEAR_SHARE * n_full:
        return False
    cdef vector[Py_ssize_t] os, oe
    cdef vector[char] ob
    for i in range(n):
        if i >= 1 and full[i - 1] and _joins(text[ls[i - 1] : le[i - 1]], text[ls[i] : le[i]], slang):
            oe[oe.size() - 1] = le[i]
        else:
            os.push_back(ls[i])
            oe.push_back(le[i])
            ob.push_back(lb[i])
    ls.swap(os)
    le.swap(oe)
    lb.swap(ob)
    return True


# ---------------------------------------------------------------------------------------------------- boilerplate

cdef object _START = _bp._START
cdef dict _START_BY_KEY = _bp._START._by_key
cdef list _START_NAMES = _bp._START._names
cdef Py_ssize_t _KEY_CHARS = KEY_CHARS


cdef object _start_first(str line):
    """boilerplate._START.first(line) (FirstCharDispatch.first) without its Python frame."""
    cdef str key = PyUnicode_Substring(line, 0, _KEY_CHARS)
    rx = _START_BY_KEY.get(key, _MISSING)
    if rx is _MISSING:
        return _START._first_unsettled(key, line)
    if rx is None:
        return None
    m = rx.match(line)
    if m is None:
        return None
    g = m.lastgroup
    return _START_NAMES[int(g[1:])] if g else None


cdef object _MISSING = object()
cdef object _caption_or_credit = _bp._caption_or_credit
cdef object _TIME_LINE = _bp._TIME_LINE
cdef frozenset _TIME_FIRST = _bp._TIME_FIRST
cdef tuple _ROLE_ENDS = _bp._ROLE_ENDS
cdef object _NAME_ROLE = _bp._NAME_ROLE
cdef object _NAME_OUTLET = _bp._NAME_OUTLET
cdef frozenset _NETWORK_FIRST = _bp._NETWORK_FIRST
cdef frozenset _NETWORK_WORDS = _bp._NETWORK_WORDS
cdef object _NETWORKS = _bp._NETWORKS
cdef tuple _AGENCY_ENDS = _bp._AGENCY_ENDS
cdef object _AGENCY_LINE = _bp._AGENCY_LINE
cdef object _CAPTION_END = _bp._CAPTION_END
cdef object _BARE_AGENCY = _bp._BARE_AGENCY
cdef object _BP_REPORTING = _bp._REPORTING
cdef object _CREDIT = _bp._CREDIT
cdef object _CREDIT_LINE = _bp._CREDIT_LINE
cdef object _CONTRIBUTED = _bp._CONTRIBUTED
cdef Py_ssize_t _MAX_CAPTION_WORDS = _bp._MAX_CAPTION_WORDS
cdef Py_ssize_t _MAX_LINE_WORDS = _bp._MAX_LINE_WORDS
cdef Py_ssize_t _MAX_SHARE_WORDS = _bp._MAX_SHARE_WORDS
cdef Py_ssize_t _MAX_TIME_WORDS = _bp._MAX_TIME_WORDS
cdef Py_ssize_t _MAX_NETWORK_WORDS = _bp._MAX_NETWORK_WORDS
cdef Py_ssize_t _MAX_CREDIT_WORDS = _bp._MAX_CREDIT_WORDS


cdef inline bint _at(const _char_t *data, Py_ssize_t n, Py_ssize_t i, str needle) noexcept:
    """Does ``needle`` occur at ``i`` in the ``n`` characters at ``data``?"""
    cdef Py_ssize_t k, m = len(needle)
    if i < 0 or i + m > n:
        return False
    for k in range(m):
        if data[i + k] != _ch(needle, k):
            return False
    return True


# One character at a time (a line's tail after its blocks, a block with a character at or above U+0700, four-byte
# text), the needle scan reads two tables for a character below U+0700 (ASCII, Latin-1, the Arabic block): the flags
# it sets by itself (a digit, a slash, ...) and, for the character chosen to anchor a word needle, the character that
# must follow it there (the "ho" of "hoto"). Only where that pair stands is the word compared (_word_needle). The
# blocks (sk_block1/2) look for the same pairs; test_needle_scan holds both to Python's ``in``.
cdef enum:
    _TABLE_END = 0x0700
    _MAX_WORD_NEEDLES = 32
cdef int _FLAG_OF[_TABLE_END]
cdef Py_UCS4 _NEXT_OF[_TABLE_END]

# The word needles: (the word, where its anchor pair stands in it, its flag). Needles anchored on one character share
# its pair. The anchor is a character the word needs that is rare enough, with the one after it, to be looked at
# closely only where the pair stands.
_WORD_NEEDLES = (
    (" | ", 0, N_BAR), ("hoto", 0, N_HOTO), ("contributed", 5, N_CONTRIBUTED), ("ookie", 2, N_OOKIE),
    ("inbox", 3, N_INBOX), ("ewsletter", 1, N_EWSLETTER), ("you agree", 0, N_YOU_AGREE),
    ("you accept", 0, N_YOU_AGREE), ("Image", 0, N_IMAGE), ("Getty", 0, N_GETTY), ("الارتباط", 6, N_AR_CHROME),
    ("كوكيز", 3, N_AR_CHROME), ("توافق", 3, N_AR_CHROME), ("نشرة", 0, N_AR_CHROME), ("نشرتنا", 0, N_AR_CHROME),
    ("بريدك", 3, N_AR_CHROME),
)
cdef list _NEEDLE_WORD = [w for w, _k, _f in _WORD_NEEDLES]
cdef int _NEEDLE_AT[_MAX_WORD_NEEDLES]  # each needle's anchor index in its word
cdef int _NEEDLE_FLAG[_MAX_WORD_NEEDLES]
cdef int _NEEDLE_NEXT[_MAX_WORD_NEEDLES]  # 1 + the next needle on the same anchor (0: none)
cdef int _NEEDLE_HEAD[_TABLE_END]  # 1 + an anchor character's first needle (0: none)


cdef void _init_needle_tables() except *:
    cdef int k, j, a, b
    for k in range(10):
        _FLAG_OF[0x30 + k] = N_DIGIT
        _FLAG_OF[0x0660 + k] = N_DIGIT  # ٠-٩
        _FLAG_OF[0x06F0 + k] = N_DIGIT  # ۰-۹
    for j in range(sk_n_flag_chars()):  # / @ > » (the C blocks' SK_FLAG_CHARS)
        _FLAG_OF[sk_flag_char(j, 0)] |= sk_flag_char(j, 1)
    if len(_WORD_NEEDLES) > _MAX_WORD_NEEDLES:
        raise ImportError("more word needles than _MAX_WORD_NEEDLES")
    for j in range(len(_WORD_NEEDLES) - 1, -1, -1):  # (backwards: each anchor's chain keeps the table's order)
        word, k, flag = _WORD_NEEDLES[j]
        a, b = ord(word[k]), ord(word[k + 1])
        if a >= _TABLE_END or (_NEXT_OF[a] and _NEXT_OF[a] != b):
            raise ImportError(f"word needle {word!r}: its anchor pair must be below U+0700 and its anchor's only one")
        _NEXT_OF[a] = b
        _NEEDLE_AT[j], _NEEDLE_FLAG[j], _NEEDLE_NEXT[j] = k, flag, _NEEDLE_HEAD[a]
        _NEEDLE_HEAD[a] = j + 1
    table_pairs = {(a, <long>_NEXT_OF[a]) for a in range(_TABLE_END) if _NEXT_OF[a]}  # (ints, not 1-char strs)
    if table_pairs != {(sk_pair(j, 0), sk_pair(j, 1)) for j in range(sk_n_pairs())}:
        raise ImportError("_WORD_NEEDLES and the C blocks' SK_ASCII_PAIRS/SK_ARABIC_PAIRS name different anchor pairs")


_init_needle_tables()


cdef int _word_needle(const _char_t *data, Py_ssize_t n, Py_ssize_t i) noexcept:
    """The flag of a word needle anchored at ``i`` (its anchor pair stands there, below U+0700), or 0."""
    cdef int j = _NEEDLE_HEAD[data[i]]
    while j:
        if _at(data, n, i - _NEEDLE_AT[j - 1], <str>_NEEDLE_WORD[j - 1]):
            return _NEEDLE_FLAG[j - 1]
        j = _NEEDLE_NEXT[j - 1]
    return 0


cdef bint _scan_chars(const _char_t *data, Py_ssize_t n, Py_ssize_t lo, Py_ssize_t hi, Py_ssize_t *n_spaces,
                      int *out) noexcept:
    """The needle scan of ``data[lo:hi]`` one character at a time, adding to the counts; True at the space limit."""
    cdef Py_ssize_t i
    cdef Py_UCS4 c, nxt
    for i in range(lo, hi):
        c = data[i]
        if _char_t is Py_UCS1 or c < _TABLE_END:
            n_spaces[0] += c == u" "
            if n_spaces[0] >= _MAX_CAPTION_WORDS:
                return True
            out[0] |= _FLAG_OF[c]
            nxt = _NEXT_OF[c]
            if nxt and i + 1 < n and data[i + 1] == nxt:
                out[0] |= _word_needle(data, n, i)
        elif c == u"›":
            out[0] |= N_CRUMB
        elif not (0x2000 <= c <= 0x206F) and Py_UNICODE_ISDECIMAL(c):  # (no other digit < U+0660)
            out[0] |= N_DIGIT
    return False


cdef int _needles_in(const _char_t *data, Py_ssize_t n, Py_ssize_t *spaces) noexcept:
    cdef Py_ssize_t i = 0, n_spaces = 0, block_spaces = 0, width = 0
    cdef int out = 0, flags = 0, beyond = 0
    cdef unsigned pairs = 0
    if SK_BLOCKS:
        if _char_t is Py_UCS1:
            width = 16
        elif _char_t is Py_UCS2:
            width = 8
    while width and i + width < n:  # (a block reads one character past itself)
        if _char_t is Py_UCS1:
            pairs = sk_block1(data + i, &block_spaces, &flags)
        elif _char_t is Py_UCS2:
            pairs = sk_block2(data + i, &block_spaces, &flags, &beyond)
        if beyond:
            if _scan_chars(data, n, i, i + width, &n_spaces, &out):
                break
        else:
            n_spaces += block_spaces
            if n_spaces >= _MAX_CAPTION_WORDS:
                break  # (too many words for any line rule: classify_line stops at the count)
            out |= flags
            while pairs:
                out |= _word_needle(data, n, i + __builtin_ctz(pairs))
                pairs &= pairs - 1
        i += width
    else:
        _scan_chars(data, n, i, n, &n_spaces, &out)
    spaces[0] = n_spaces
    return out


cdef int _needles(str line, Py_ssize_t *spaces) noexcept:
    """The substrings of the line rules (``"hoto" in line``, ...) found in one pass: a set of ``N_`` flags; and the
    number of spaces in ``spaces``. Each needle is looked for where its least common letter stands (the x of
    "inbox"). The scan stops at the ``_MAX_CAPTION_WORDS``-th space: a line that long is no boilerplate whatever it
    holds (``spaces`` is then that count, the flags those found so far)."""
    cdef unsigned int kind = PyUnicode_KIND(line)
    if kind == PyUnicode_1BYTE_KIND:
        return _needles_in(<const Py_UCS1 *>PyUnicode_DATA(line), len(line), spaces)
    if kind == PyUnicode_2BYTE_KIND:
        return _needles_in(<const Py_UCS2 *>PyUnicode_DATA(line), len(line), spaces)
    return _needles_in(<const Py_UCS4 *>PyUnicode_DATA(line), len(line), spaces)


NEEDLE_FLAGS = {"slash": N_SLASH, "hoto": N_HOTO, "Image": N_IMAGE, "Getty": N_GETTY, "contributed": N_CONTRIBUTED,
                "at": N_AT, "crumb": N_CRUMB, "bar": N_BAR, "ookie": N_OOKIE, "inbox": N_INBOX,
                "ewsletter": N_EWSLETTER, "you_agree": N_YOU_AGREE, "ar_chrome": N_AR_CHROME, "digit": N_DIGIT}


def needles(str line):
    """``(flags, spaces)`` of the needle scan of ``line`` (for the tests; ``NEEDLE_FLAGS`` names the bits)."""
    cdef Py_ssize_t spaces
    cdef int found = _needles(line, &spaces)
    return found, spaces


cdef str _ROLE_LAST = "".join(sorted({w[-1] for w in _ROLE_ENDS}))  # (endswith gates: the last letters)
cdef str _AGENCY_LAST = "".join(sorted({w[-1] for w in _AGENCY_ENDS}))
cdef str _TIME_FIRST_CHARS = "".join(sorted({w[0] for w in _TIME_FIRST}))


cdef inline bint _may_start(Py_UCS4 c, str firsts) noexcept:
    """Can a line starting with ``c`` have a lower-cased first word that starts with one of ``firsts``? Exactly
    decided for ASCII and Arabic letters (their lower case is one ASCII letter, or themselves); other characters may
    (``K``, the Kelvin sign, lower-cases to ``k``)."""
    if c < 128:
        if u"A" <= c <= u"Z":
            c = <Py_UCS4>(<unsigned int>c + 32)
        return c in firsts
    if 0x0600 <= c <= 0x06FF:
        return c in firsts
    return True


cdef vector[int] _CREDIT_NEEDS  # each literal of _CREDIT (when it is only literals) and the N_ flags it implies
cdef list _CREDIT_LITERALS = literal_alternatives(_CREDIT.pattern, _CREDIT.flags)


cdef void _init_credit() except *:
    for w in _CREDIT_LITERALS or ():
        _CREDIT_NEEDS.push_back((N_HOTO if "hoto" in w else 0) | (N_IMAGE if "Image" in w else 0)
                                | (N_GETTY if "Getty" in w else 0) | (N_SLASH if "/" in w else 0))


_init_credit()


cdef bint _credit_search(str line, int found) except -1:
    """``_CREDIT.search(line)`` for a line whose needles are ``found``: a literal whose needles the line lacks is not
    looked for."""
    cdef size_t k
    cdef int need
    if _CREDIT_LITERALS is None:
        return _CREDIT.search(line) is not None
    for k in range(_CREDIT_NEEDS.size()):
        need = _CREDIT_NEEDS[k]
        if found & need == need and <str>_CREDIT_LITERALS[k] in line:
            return True
    return False


cdef inline str _bp_first_word(str line):  # boilerplate._first_word
    cdef Py_ssize_t i = line.find(" ")
    return (line if i < 0 else line[:i]).rstrip(".,|،").lower()


cdef inline Py_ssize_t _before(Py_ssize_t idx, Py_ssize_t n) noexcept:
    """``idx - 1`` as a Python list index: the last line for the first (rules' ``lines[idx - 1]`` wraps)."""
    return idx - 1 + n if idx == 0 else idx - 1


cdef inline bint _by_kind(object kind):  # ``kind in rules._BY_KINDS``
    return kind is not None and (kind == "byline" or kind == "timestamp")


cdef object _neighbour_kind(Py_ssize_t idx, str line, const vector[char]& lb, list kinds, bint near_credit,
                            bint near_by):
    """rules._neighbour_kind over the lines' blank flags ``lb`` (its ``lines[k][2]``), without a Python frame and
    the lines' tuples: it runs for every content line of a document with a credit, byline or timestamp line."""
    cdef Py_ssize_t n_lines = lb.size(), prev = _before(idx, lb.size())
    cdef bint blank = lb[idx]
    cdef Py_UCS4 last = _ch(line, len(line) - 1)
    if near_credit and _count_upto(line, u" ", 0, len(line), _CAPTION_MAX_WORDS) < _CAPTION_MAX_WORDS and not (
            last in u":：,،;؛"):
        if (blank or kinds[prev] is not None) and idx + 1 < n_lines and kinds[idx + 1] == "credit" and not (
                lb[idx + 1]):
            return "caption"
        if not blank and kinds[prev] == "credit" and (lb[prev] or idx < 2 or kinds[idx - 2] is not None) and (
                idx + 1 == n_lines or lb[idx + 1] or kinds[idx + 1] is not None):
            return "caption"
    if near_by and ((idx + 1 < n_lines and not lb[idx + 1] and _by_kind(kinds[idx + 1])) or (
            not blank and _by_kind(kinds[prev]))) and _is_name_line(line):
        return "byline"
    return None


def _test_neighbour_kind(Py_ssize_t idx, str line, list lines, list kinds, bint near_credit, bint near_by):
    """_neighbour_kind for rules._neighbour_kind's arguments (``lines``: (start, end, blank) per line), for the
    comparison tests."""
    cdef vector[char] lb
    cdef char flag  # (``push_back(1 if blank else 0)`` compiles to a reference to a temporary: always 0)
    for _, _, blank in lines:
        flag = 1 if blank else 0
        lb.push_back(flag)
    return _neighbour_kind(idx, line, lb, kinds, near_credit, near_by)


cdef object _classify_line(str line):
    """boilerplate.classify_line."""
    cdef Py_ssize_t n_words
    cdef int found = _needles(line, &n_words)
    n_words += 1
    cdef Py_UCS4 first = _ch(line, 0), last = _ch(line, len(line) - 1)
    if n_words > _MAX_CAPTION_WORDS:
        return None
    if n_words <= _MAX_LINE_WORDS:
        kind = _start_first(line)
        if kind is not None:
            if kind == "caption":
                return _caption_or_credit(line, n_words)
            if kind != "share" or n_words <= _MAX_SHARE_WORDS:
                return kind
    if (
        n_words <= _MAX_TIME_WORDS
        and (first.isdigit() or (_may_start(first, _TIME_FIRST_CHARS) and _bp_first_word(line) in _TIME_FIRST))
        and _TIME_LINE.match(line)
    ):
        return "timestamp"
    if n_words <= _MAX_LINE_WORDS and (
        (last in _ROLE_LAST and line.endswith(_ROLE_ENDS) and _NAME_ROLE.fullmatch(line))
        or (found & N_BAR and _NAME_OUTLET.fullmatch(line))
    ):
        return "byline"
    if n_words <= _MAX_NETWORK_WORDS:
        if line[:1] in _NETWORK_FIRST and _bp_first_word(line) in _NETWORK_WORDS and _NETWORKS.match(line):
            return "share"
        if (
            (last in _AGENCY_LAST and line.endswith(_AGENCY_ENDS)) or last == u")" or line.startswith("وكالة")
        ) and _AGENCY_LINE.match(line):
            return "byline"
    if last == u")":
        m = _CAPTION_END.search(line)
        if m is not None and not (
            m.start() and _BARE_AGENCY.fullmatch(line, m.start()) and _BP_REPORTING.search(line, 0, m.start())
        ):
            return _caption_or_credit(line, n_words)
    if found & (N_SLASH | N_HOTO | N_IMAGE | N_GETTY) and _credit_search(line, found):
        return _caption_or_credit(line, n_words)
    if n_words <= _MAX_CREDIT_WORDS and found & N_SLASH and _CREDIT_LINE.match(line):
        return "credit"
    if (last == u"t" or last == u"." or last == u"y") and found & N_CONTRIBUTED and _CONTRIBUTED.search(line):
        return "footer"
    return _chrome_kind(line, n_words, found)


cdef frozenset _BUTTONS = _sc._BUTTONS
cdef Py_ssize_t _BUTTON_MAX_CHARS = _sc._BUTTON_MAX_CHARS
cdef Py_ssize_t _GATE_MAX_WORDS = _sc._GATE_MAX_WORDS
cdef Py_ssize_t _AR_DATE_MAX_WORDS = _sc._AR_DATE_MAX_WORDS
cdef Py_ssize_t _CRUMB_MAX_WORDS = _sc._CRUMB_MAX_WORDS
cdef Py_ssize_t _CONTACT_MAX_WORDS = _sc._CONTACT_MAX_WORDS
cdef Py_ssize_t _READ_TIME_MAX_WORDS = _sc._READ_TIME_MAX_WORDS
cdef Py_ssize_t _NEWSLETTER_MAX_WORDS = _sc._NEWSLETTER_MAX_WORDS
cdef frozenset _CONTACT_FIRST = _sc._CONTACT_FIRST
cdef object _AR_DATE = _sc._AR_DATE
cdef object _breadcrumb = _sc._breadcrumb
cdef object _EMAIL = _sc._EMAIL
cdef object _BY_EMAIL = _sc._BY_EMAIL
cdef object _SC_REPORTING = _sc._REPORTING
cdef object _READ_TIME = _sc._READ_TIME
if not all(r"\d" in alt for alt in _READ_TIME.pattern.split("|^")):
    raise ImportError("site_chrome._READ_TIME has an alternative without a digit: _chrome_kind tries it only on lines "
                      "with one; change that gate, then rebuild")
cdef object _NEWSLETTER = _sc._NEWSLETTER
cdef object _COOKIE = _sc._COOKIE
cdef object _CONTACT = _sc._CONTACT


cdef inline bint _gated(int found, bint arabic) noexcept:  # site_chrome._gated, from the line's _needles
    if arabic:
        return found & N_AR_CHROME
    return found & (N_OOKIE | N_INBOX | N_EWSLETTER | N_YOU_AGREE)


cdef object _chrome_kind(str line, Py_ssize_t n_words, int found):
    """site_chrome.chrome_kind."""
    if n_words > _GATE_MAX_WORDS:
        return None
    if len(line) <= _BUTTON_MAX_CHARS and line.lower().rstrip(".!") in _BUTTONS:
        return "footer"
    cdef Py_UCS4 first = _ch(line, 0)
    if first.isdigit() and n_words <= _AR_DATE_MAX_WORDS and _AR_DATE.match(line):
        return "timestamp"
    if n_words <= _CRUMB_MAX_WORDS and found & N_CRUMB and _breadcrumb(line, n_words):
        return "navigation"
    if found & N_AT and n_words <= _CONTACT_MAX_WORDS and _EMAIL.search(line):
        if _BY_EMAIL.match(line):
            return "byline"
        if not _SC_REPORTING.search(line):
            return "footer"
    if n_words <= _READ_TIME_MAX_WORDS and found & N_DIGIT and _READ_TIME.match(line):  # (it needs a \d)
        return "timestamp"
    if _gated(found, first >= 0x0600):
        if n_words <= _NEWSLETTER_MAX_WORDS and _NEWSLETTER.search(line):
            return "share"
        if _COOKIE.search(line):
            return "footer"
    # (_CONTACT needs a digit after its word: a line without one is not tried)
    if n_words <= _CONTACT_MAX_WORDS and found & N_DIGIT and line[:1] in _CONTACT_FIRST and _CONTACT.match(line):
        return "footer"
    return None


def classify_line(str line):
    """:func:`stancekit.builder.segment.boilerplate.classify_line`, compiled."""
    return _classify_line(line)


# ---------------------------------------------------------------------------------------------------- rules

cdef enum:
    K_TITLE = 0
    K_HEADING = 1
    K_BODY = 2
    K_BOILERPLATE = 3

cdef tuple _KIND_NAMES = KINDS  # (protocol.KINDS, indexed by the K_ codes above)
if _KIND_NAMES[K_TITLE] != "title" or _KIND_NAMES[K_HEADING] != "heading" or _KIND_NAMES[K_BODY] != "body" or (
        _KIND_NAMES[K_BOILERPLATE] != "boilerplate"):
    raise ImportError("protocol.KINDS no longer lists title, heading, body, boilerplate in the K_ codes' order")
cdef object _dateline_prefix_py = _dl.dateline_prefix
cdef object _known_agency_dateline = _dl.known_agency_dateline
cdef object _is_caption_like = _ru._is_caption_like
cdef Py_ssize_t _CAPTION_MAX_WORDS = _ru._CAPTION_MAX_WORDS
cdef object _is_name_line = _bp.is_name_line
if _ru._BY_KINDS != ("byline", "timestamp"):
    raise ImportError("rules._BY_KINDS changed: _neighbour_kind in _native.pyx names them; change it, then rebuild")
cdef object _label_prefix = _bp.label_prefix
cdef object _is_bare_agency = _bp.is_bare_agency
cdef tuple _LABEL_STARTS = _ru._LABEL_STARTS
cdef str _LINK_BULLETS = _ru._LINK_BULLETS
cdef Py_ssize_t _TITLE_MAX_WORDS = _ru._TITLE_MAX_WORDS
cdef Py_ssize_t _LINK_HEADER_MAX_SPACES = _ru._LINK_HEADER_MAX_SPACES
cdef dict _HEADING_MAX_WORDS = _ru._HEADING_MAX_WORDS


cdef inline bint _is_dash(Py_UCS4 c) noexcept:  # datelines._DASH_CHAR (every DASH starts with one)
    return c == u"-" or c == u"–" or c == u"—" or c == u"‒" or c == u"―"


cdef inline bint _is_ar_word_char(Py_UCS4 c) noexcept:  # datelines._AR_WORD's class
    return (0x0621 <= c <= 0x065F) or (0x0670 <= c <= 0x06D3)


_AR_HEAD = (r"(?P<place>[\u0621-\u065f\u0670-\u06d3]+(?:\s[\u0621-\u065f\u0670-\u06d3]+){0,2})"
            r"(?:\s*[،,]\s*[^\n()–—-]{1,30}?)?(?:\s*(?:(?:--|[–—‒―-])\s*)?\((?P<agency>")
if not _dl._AR_DATELINE.pattern.startswith(_AR_HEAD):
    raise ImportError("datelines._AR_DATELINE changed: _ar_dateline_may_match follows its start (the place, the comma "
                      "part, the agency in parentheses); change it the same way, then rebuild")


cdef bint _after_place_may_match(str line, Py_ssize_t e) noexcept:
    """Can ``_AR_DATELINE`` go on after a place ending at ``e``? What follows it is ``\\s*`` and then a dash or ``(``
    (the agency, or the dash itself), or ``،``/``,`` and then the first dash or ``(`` with no ``)`` before it, and at
    most 30 characters from the first to the last that is not whitespace on the way (the regex's ``{1,30}?``). A
    superset: the rest is left to the regex."""
    cdef Py_ssize_t n = len(line), j = e, first = -1
    cdef Py_UCS4 c
    while j < n and _ch(line, j).isspace():
        j += 1
    if j >= n:
        return False
    c = _ch(line, j)
    if _is_dash(c) or c == u"(":
        return True
    if c != u"،" and c != u",":
        return False
    for j in range(j + 1, n):
        c = _ch(line, j)
        if _is_dash(c) or c == u"(":
            return True
        if c == u")":
            return False
        if not c.isspace():
            if first < 0:
                first = j
            elif j - first >= 30:
                return False
    return False


cdef bint _ar_dateline_may_match(str line) noexcept:
    """Can ``datelines._AR_DATELINE`` match at the start of ``line``? Its place is one to three Arabic words, each
    but the first after one whitespace character (whole words: a shorter one could not go on), and
    ``_after_place_may_match`` after one of them. False only when the regex cannot match (a superset)."""
    cdef Py_ssize_t n = len(line), i = 0, j, words = 0
    while words < 3:
        j = i
        while j < n and _is_ar_word_char(_ch(line, j)):
            j += 1
        if j == i:
            return False
        words += 1
        if _after_place_may_match(line, j):
            return True
        if j + 1 < n and _ch(line, j).isspace() and _is_ar_word_char(_ch(line, j + 1)):
            i = j + 1
        else:
            return False
    return False


def ar_dateline_may_match(str line):
    """:func:`_ar_dateline_may_match`, for the tests."""
    return _ar_dateline_may_match(line)


cdef object _DL_OTHER = _dl._en_dateline_other
if not _dl._EN_DATELINE_COLON.pattern.startswith("(?P<place>[A-Z]{3,}"):
    raise ImportError("datelines._EN_DATELINE_COLON changed: _dateline_prefix's gate reads three capitals A-Z at the "
                      "start of the line; change it the same way, then rebuild")
cdef Py_ssize_t _DATELINE_WITHIN = _dl._DATELINE_WITHIN
cdef Py_ssize_t _COLON_DATELINE_MIN_SPACES = _dl._COLON_DATELINE_MIN_SPACES
cdef Py_ssize_t _SLASH_DATELINE_WITHIN = _dl._SLASH_DATELINE_WITHIN


cdef bint _has_dash_space_in(const _char_t *data, Py_ssize_t n) noexcept:
    cdef Py_ssize_t i = 0
    cdef const void *hit
    if _char_t is Py_UCS1:  # (of the dashes, one-byte text can hold only "-": memchr finds it)
        while i < n - 1:
            hit = memchr(data + i, 45, <size_t>(n - 1 - i))
            if hit == NULL:
                return False
            i = <const Py_UCS1 *>hit - data
            if Py_UNICODE_ISSPACE(data[i + 1]):
                return True
            i += 1
        return False
    for i in range(n - 1):
        if _is_dash(data[i]) and Py_UNICODE_ISSPACE(data[i + 1]):
            return True
    return False


cdef bint _has_dash_space(str line) noexcept:
    """Is a dash followed by whitespace (``{DASH}\\s``, which every English dash pattern needs) in the line?"""
    cdef unsigned int kind = PyUnicode_KIND(line)
    if kind == PyUnicode_1BYTE_KIND:
        return _has_dash_space_in(<const Py_UCS1 *>PyUnicode_DATA(line), len(line))
    if kind == PyUnicode_2BYTE_KIND:
        return _has_dash_space_in(<const Py_UCS2 *>PyUnicode_DATA(line), len(line))
    return _has_dash_space_in(<const Py_UCS4 *>PyUnicode_DATA(line), len(line))


cdef Py_ssize_t _dateline_prefix(str line, str slang) except -1:
    """datelines.dateline_prefix. Every dateline pattern but two needs a dash (the English ones a dash and then
    whitespace, the Arabic one a dash after a place: ``_ar_dateline_may_match``); those two need a slash near the start
    (Arabic) or a colon near the start of a long line that starts with three capitals (English,
    ``_EN_DATELINE_COLON``): a line with none of them has no dateline, and the others are left to the Python
    function."""
    cdef Py_UCS4 c0 = _ch(line, 0)
    if slang == "ar" or c0 >= 128:
        if _ar_dateline_may_match(line) or line.find("/", 0, _SLASH_DATELINE_WITHIN) >= 0:
            return _dateline_prefix_py(line, slang)
        return 0
    if _has_dash_space(line):
        return _dateline_prefix_py(line, slang)
    # (without a dash, only the colon form is left: it starts with three capitals, A-Z)
    if len(line) < 3 or not (u"A" <= c0 <= u"Z" and u"A" <= _ch(line, 1) <= u"Z" and u"A" <= _ch(line, 2) <= u"Z"):
        return 0
    if line.find(":", 0, _DATELINE_WITHIN) < 0 or (
            _count_upto(line, u" ", 0, len(line), _COLON_DATELINE_MIN_SPACES) < _COLON_DATELINE_MIN_SPACES):
        return 0
    return _DL_OTHER(line)


cdef class _Units:
    """The units of one document as the rules emit them (rules.segment_tuples' ``units`` list)."""

    cdef vector[Py_ssize_t] start
    cdef vector[Py_ssize_t] end
    cdef vector[int] kind
    cdef list bk  # the boilerplate kind (a str) of each unit, None for content
    cdef vector[Py_ssize_t] sa, sb  # _Doc.emit's sentences (kept from call to call: their memory is reused)

    def __cinit__(self):
        self.bk = []

    cdef inline void add(self, Py_ssize_t s, Py_ssize_t e, int kind, object bk):
        self.start.push_back(s)
        self.end.push_back(e)
        self.kind.push_back(kind)
        self.bk.append(bk)

    cdef void clear(self):
        self.start.clear()
        self.end.clear()
        self.kind.clear()
        self.bk = []

    cdef list tuples(self):
        cdef Py_ssize_t i
        return [(self.start[i], self.end[i], _KIND_NAMES[self.kind[i]], self.bk[i]) for i in range(self.start.size())]


cdef class _Doc:
    """One document through rules.segment_tuples: its state, ``emit`` and ``flush``."""

    cdef str text, lt, slang
    cdef bint arabic, content, body
    cdef Py_ssize_t heading_max
    cdef _Units units
    cdef vector[Py_ssize_t] bs, be  # the block (lines of a paragraph waiting for flush)
    cdef Py_ssize_t title_s  # title_split: the first line's start (-1: none) and its sentences (in the line)
    cdef vector[Py_ssize_t] title_a, title_b

    cdef void emit(self, Py_ssize_t s, Py_ssize_t e, bint single, Py_ssize_t item, bint head) except *:
        cdef _Units units = self.units
        cdef str text = self.text
        cdef Py_UCS4 last = _ch(text, e - 1)
        cdef Py_ssize_t a, n
        cdef size_t i
        units.sa.clear()
        units.sb.clear()
        if item:
            _split_sentences(text, s + item, e, self.arabic, units.sa, units.sb)
            units.sa[0] = s
        elif self.title_s == s and single:
            for i in range(self.title_a.size()):
                units.sa.push_back(self.title_a[i] + s)
                units.sb.push_back(self.title_b[i] + s)
        else:
            _split_sentences(text, s, e, self.arabic, units.sa, units.sb)
        if (
            single
            and not item
            and units.sa.size() == 1
            and _count_upto(self.lt, u" ", s, e, self.heading_max) < self.heading_max
            and (head or not (last == u":" or last == u"," or last == u"،"))
            and not _ends_sentence_at(text, s, e)
        ):
            units.add(s, e, K_HEADING, None)
            return
        for i in range(units.sa.size()):
            units.add(units.sa[i], units.sb[i], K_BODY, None)
        if units.sa.size() > 1 and last == u")":
            a = units.sa[units.sa.size() - 1]
            if _is_bare_agency(text[a:e]):
                n = units.start.size() - 1
                units.start[n] = a
                units.end[n] = e
                units.kind[n] = K_BOILERPLATE
                units.bk[n] = "credit"
        self.body = self.content = True

    cdef void flush(self) except *:
        cdef Py_ssize_t n = self.bs.size(), s, e, m, i, a0, a1, b0, b1, seg_start, seg_end, seg_item
        cdef Py_UCS4 c
        cdef bint sure, single
        cdef str text = self.text, lt = self.lt
        cdef list items
        if n == 1:
            s, e = self.bs[0], self.be[0]
            c = _ch(text, s)
            m = _item_marker(lt, s, e)
            sure = m and (_is_sure_bullet(c) or c.isdigit() or (0x0660 <= c <= 0x0669))
            self.bs.clear()
            self.be.clear()
            self.emit(s, e, True, m if sure else 0, False)
            return
        items = self._list_items()
        seg_start, seg_end = self.bs[0], self.be[0]
        seg_item = items[0]
        single = True
        for i in range(1, n + 1):
            if i < n:
                a0, a1, b0, b1 = self.bs[i - 1], self.be[i - 1], self.bs[i], self.be[i]
                if not items[i] and (_ends_sentence_at(text, a0, a1) or _continues(lt[a0:a1], lt[b0:b1], self.arabic)):
                    seg_end = b1
                    single = False
                    continue
            c = _ch(text, seg_end - 1)
            self.emit(seg_start, seg_end, single, seg_item, single and i < n and items[i] and (c == u":" or c == u"："))
            if i < n:
                seg_start, seg_end = self.bs[i], self.be[i]
                seg_item = items[i]
                single = True
        self.bs.clear()
        self.be.clear()

    cdef list _list_items(self):
        """layout.list_items of the block: the markers found here; the rules about them in Python when one is."""
        cdef Py_ssize_t i, n = self.bs.size()
        cdef list marks = [_item_marker(self.lt, self.bs[i], self.be[i]) for i in range(n)]
        if not any(marks):
            return marks
        return _list_items(self.lt, [(self.bs[i], self.be[i]) for i in range(n)])

    cdef int _title_test(self, str line, Py_ssize_t s) except -1:
        """rules._title_test: does the first content line (at ``s``) read as a headline? When its sentences were
        computed they are kept as the title split (``title_s``, ``title_a``/``title_b``)."""
        cdef Py_UCS4 last = _ch(line, len(line) - 1)
        if _count_upto(line, u" ", 0, len(line), _TITLE_MAX_WORDS) >= _TITLE_MAX_WORDS:
            return False
        if last == u":" or last == u",":
            return False
        if _ends_sentence(line) and line.rstrip(_RSTRIP_TITLE)[-1:] == ".":
            return False
        self.title_a.clear()
        self.title_b.clear()
        _split_sentences(line, 0, len(line), self.arabic, self.title_a, self.title_b)
        self.title_s = s
        return self.title_a.size() == 1

    cdef void run(self) except *:
        cdef str text = self.text, lt, line, nline
        cdef vector[Py_ssize_t] ls, le
        cdef vector[char] lb
        cdef Py_ssize_t idx, n_lines, s, e, n, d_end, dateline
        cdef bint blank, near_credit, near_by, joined, marked
        cdef object kind, list_kind = None, list_marked = None
        cdef list texts, kinds
        cdef Py_UCS4 last
        _physical_lines(text, ls, le, lb)
        wrapped = _unwrap(text, ls, le, lb, self.slang)
        lt = self.lt = text.replace("\n", " ") if wrapped else text
        n_lines = ls.size()
        texts = [PyUnicode_Substring(lt, ls[idx], le[idx]) for idx in range(n_lines)]
        kinds = [_classify_line(line) for line in texts]
        near_credit = "credit" in kinds
        near_by = "byline" in kinds or "timestamp" in kinds
        for idx in range(n_lines):
            s, e, blank = ls[idx], le[idx], lb[idx]
            line = texts[idx]
            kind = kinds[idx]
            last = _ch(line, len(line) - 1)
            if kind is None and list_kind is not None and not blank and self._is_link_line(line):
                marked = _ch(line, 0) in _LINK_BULLETS
                if list_marked is None or marked == list_marked:
                    kind = list_kind
                    list_marked = marked
            if kind is None and self.content:
                if last == u")" and _is_caption_like(line):
                    kind = "caption"
                elif near_credit or near_by:
                    kind = _neighbour_kind(idx, line, lb, kinds, near_credit, near_by)
            if kind is not None:
                if kinds[idx] == "read_also" and (
                    last == u":" or last == u"：" or (
                        _count_upto(line, u" ", 0, len(line), _LINK_HEADER_MAX_SPACES) < _LINK_HEADER_MAX_SPACES
                        and not _ends_sentence(line))
                ):
                    list_kind, list_marked = kind, None
                elif kind != list_kind:
                    list_kind = None
                if self.bs.size():
                    self.flush()
                self.units.add(s, e, K_BOILERPLATE, kind)
                continue
            list_kind = None
            if self.content and line.startswith(_LABEL_STARTS):
                n = _label_prefix(line)
                if n:
                    if self.bs.size():
                        self.flush()
                    d_end = s + n
                    while _ch(text, d_end - 1).isspace():
                        d_end -= 1
                    self.units.add(s, d_end, K_BOILERPLATE, "label")
                    s += n
                    line = lt[s:e]
            if blank and self.bs.size():
                self.flush()
            if self.bs.size():
                self.bs.push_back(s)
                self.be.push_back(e)
                continue
            dateline = -1
            if not self.content:
                if self.arabic and _ar_dateline_may_match(line) and _known_agency_dateline(line):
                    self.units.add(s, e, K_BOILERPLATE, "dateline")
                    continue
                joined = False
                if idx + 1 < n_lines and not lb[idx + 1] and not _ends_sentence(line):
                    nline = texts[idx + 1]
                    joined = (
                        kinds[idx + 1] is None
                        and not _dateline_prefix(nline, self.slang)
                        and _continues(line, nline, self.arabic)
                    )
                if not joined:
                    if self._title_test(line, s):
                        dateline = _dateline_prefix(line, self.slang)
                        if not dateline:
                            self.units.add(s, e, K_TITLE, None)
                            self.content = True
                            continue
            if not self.body:
                n = _dateline_prefix(line, self.slang) if dateline < 0 else dateline
                if n:
                    d_end = s + n
                    while d_end > s and _ch(text, d_end - 1).isspace():
                        d_end -= 1
                    self.units.add(s, d_end, K_BOILERPLATE, "dateline")
                    s += n
                    while s < e and _ch(text, s).isspace():
                        s += 1
                    if s >= e:
                        continue
            self.bs.push_back(s)
            self.be.push_back(e)
        if self.bs.size():
            self.flush()

    cdef bint _is_link_line(self, str line):  # rules._is_link_line
        cdef Py_UCS4 c = _ch(line, 0)
        return c in _LINK_BULLETS or (_count_upto(line, u" ", 0, len(line), 20) < 20 and not _ends_sentence(line))


cdef bint _is_arabic_doc(str text, str lang) noexcept:
    return lang == "ar" or (lang != "en" and _has_arabic(text, 4000))


cdef void _segment(str text, str lang, _Units out) except *:
    cdef _Doc doc = _Doc.__new__(_Doc)
    doc.text = text
    doc.arabic = _is_arabic_doc(text, lang)
    doc.slang = "ar" if doc.arabic else "en"
    doc.heading_max = _HEADING_MAX_WORDS[doc.slang]
    doc.units = out
    doc.title_s = -1
    doc.run()


def segment_tuples(str text, str lang):
    """:func:`stancekit.builder.segment.rules.segment_tuples`, compiled: ``(start, end, kind, boilerplate_kind)``."""
    cdef _Units out = _Units()
    _segment(text, lang, out)
    return out.tuples()


cdef object _new_int64_array(vector[Py_ssize_t]& v):
    cdef array.array out = array.clone(_INT64_TEMPLATE, v.size(), False)
    cdef Py_ssize_t i
    for i in range(<Py_ssize_t>v.size()):
        out.data.as_longlongs[i] = v[i]
    return out


cdef array.array _INT64_TEMPLATE = array.array("q")


cdef inline bytes _vec_bytes(const char *data, size_t n):
    return PyBytes_FromStringAndSize(data, <Py_ssize_t>n)


cdef char _EMPTY[1]


cdef class _Owned:
    """Bytes a column was built in, handed to Python without a copy (the buffer protocol, read-only)."""

    cdef vector[char] buf

    def __getbuffer__(self, Py_buffer *view, int flags):
        cdef char *data = self.buf.data() if self.buf.size() else _EMPTY  # (never NULL: pyarrow refuses it)
        PyBuffer_FillInfo(view, self, data, <Py_ssize_t>self.buf.size(), 1, flags)

    def __releasebuffer__(self, Py_buffer *view):
        pass


cdef _Owned _take(vector[char]& v):
    """An _Owned holding v's bytes (v is left empty)."""
    cdef _Owned out = _Owned.__new__(_Owned)
    out.buf.swap(v)
    return out


cdef Py_ssize_t _utf8_in(const _char_t *data, Py_ssize_t s, Py_ssize_t e, vector[char]& out) noexcept:
    """Append the UTF-8 of the code points ``data[s:e]`` to out; the index of a lone surrogate (not encodable), else
    -1."""
    cdef Py_ssize_t i
    cdef size_t at = out.size()
    cdef unsigned int c  # (not Py_UCS4: Cython would do its arithmetic on str objects)
    cdef unsigned char *p
    cdef size_t width = 2 if _char_t is Py_UCS1 else (3 if _char_t is Py_UCS2 else 4)
    cdef Py_ssize_t stop
    out.resize(at + width * <size_t>(e - s))  # (the most bytes a code point of this kind takes; cut back below)
    p = <unsigned char *>out.data() + at
    i = s
    while i < e:
        stop = e
        if _char_t is Py_UCS2:
            if i + 8 <= e:  # (8 ASCII characters at once, else these 8 one by one)
                if sk_ascii_block2(data + i, p):
                    i += 8
                    p += 8
                    continue
                stop = i + 8
        while i < stop:
            c = <unsigned int>data[i]
            if c < 0x800:
                p = sk_utf8_below_800(c, p)  # (its second byte, unused for ASCII, is within the width reserved)
            elif c < 0x10000:
                if 0xD800 <= c <= 0xDFFF:
                    out.resize(at)
                    return i
                p[0] = 0xE0 | (c >> 12)
                p[1] = 0x80 | ((c >> 6) & 0x3F)
                p[2] = 0x80 | (c & 0x3F)
                p += 3
            else:
                p[0] = 0xF0 | (c >> 18)
                p[1] = 0x80 | ((c >> 12) & 0x3F)
                p[2] = 0x80 | ((c >> 6) & 0x3F)
                p[3] = 0x80 | (c & 0x3F)
                p += 4
            i += 1
    out.resize(<size_t>(<char *>p - out.data()))
    return -1


cdef class _StrColumn:
    """A nullable string column built in Arrow's layout (``large_string``: validity bitmap, int64 offsets, UTF-8
    data), so a batch's strings become a polars column without a Python str each."""

    cdef vector[long long] offsets
    cdef vector[char] data
    cdef vector[unsigned char] valid
    cdef Py_ssize_t n, nulls

    def __cinit__(self):
        self.offsets.push_back(0)

    cdef inline void _mark(self, bint ok):
        if self.n % 8 == 0:
            self.valid.push_back(0)
        if ok:
            self.valid[self.n >> 3] |= <unsigned char>(1 << (self.n & 7))
        else:
            self.nulls += 1
        self.n += 1
        self.offsets.push_back(<long long>self.data.size())

    cdef inline void append_bytes(self, const char *b, Py_ssize_t k):
        self.data.insert(self.data.end(), b, b + k)
        self._mark(True)

    cdef inline void append_null(self):
        self._mark(False)

    cdef void append_slice(self, str text, Py_ssize_t s, Py_ssize_t e) except *:
        """Append ``text[s:e]``, UTF-8 encoded."""
        cdef unsigned int kind = PyUnicode_KIND(text)
        cdef Py_ssize_t bad
        if kind == PyUnicode_1BYTE_KIND and PyUnicode_IS_ASCII(text):
            self.append_bytes(<const char *>PyUnicode_DATA(text) + s, e - s)
            return
        if kind == PyUnicode_1BYTE_KIND:
            bad = _utf8_in(<const Py_UCS1 *>PyUnicode_DATA(text), s, e, self.data)
        elif kind == PyUnicode_2BYTE_KIND:
            bad = _utf8_in(<const Py_UCS2 *>PyUnicode_DATA(text), s, e, self.data)
        else:
            bad = _utf8_in(<const Py_UCS4 *>PyUnicode_DATA(text), s, e, self.data)
        if bad >= 0:
            raise UnicodeEncodeError("utf-8", text, bad, bad + 1, "a lone surrogate cannot be written to a table")
        self._mark(True)

    cdef void append_str(self, str value) except *:
        """Append a whole str (None: a null)."""
        if value is None:
            self.append_null()
        else:
            self.append_slice(value, 0, len(value))

    cdef void repeat_last(self, Py_ssize_t k) except *:
        """Append the last value (or null) ``k`` more times."""
        cdef long long a = self.offsets[self.n - 1], b = self.offsets[self.n]
        cdef bint ok = self.valid[(self.n - 1) >> 3] & (1 << ((self.n - 1) & 7))
        cdef Py_ssize_t i
        self.data.reserve(self.data.size() + <size_t>(k * (b - a)))
        for i in range(k):
            if ok:
                self.data.insert(self.data.end(), self.data.begin() + a, self.data.begin() + b)
            self._mark(ok)

    cdef tuple buffers(self):
        """``(validity or None when no value is null, offsets, data)``, as bytes and (data) an _Owned; the column is
        left without its data."""
        return (
            _vec_bytes(<const char *>self.valid.data(), self.valid.size()) if self.nulls else None,
            _vec_bytes(<const char *>self.offsets.data(), self.offsets.size() * sizeof(long long)),
            _take(self.data),
        )


cdef class _IdColumn(_StrColumn):
    """A column of unit ids (16 ASCII bytes each, or null), hashed in place."""

    cdef inline void append_id(self, const sk_blake2b_state *doc, Py_ssize_t s, Py_ssize_t e):
        cdef size_t at = self.data.size()
        self.data.resize(at + 16)
        unit_id_into(doc, s, e, <uint8_t *>self.data.data() + at)
        self._mark(True)

    cdef inline void append_copy(self, _IdColumn ids, Py_ssize_t i):
        """Append the id ``ids`` holds at row i (an id column without nulls)."""
        cdef size_t at = self.data.size()
        self.data.resize(at + 16)
        memcpy(self.data.data() + at, ids.data.data() + 16 * i, 16)
        self._mark(True)


def segment_docs(list doc_ids, list texts, list langs, bint tuples=False):
    """The units of a batch of documents as the UNITS table's columns: ``units.segment_batch``'s rule segmenter work.

    ``doc_ids[i]``, ``texts[i]`` and ``langs[i]`` describe document i (a None or blank text has no units; a None
    language is ``und``). Returns a dict: ``n`` (the number of units); the string columns ``unit_id``, ``doc_id``
    (each unit's document's id, null for None), ``text``,
    ``boilerplate_kind``, ``prev_unit_id`` and ``next_unit_id`` as Arrow ``large_string`` buffers
    ``(validity or None, offsets, data)`` (content units are linked within their document; boilerplate is skipped);
    ``position`` as ``(validity or None, int32 data)``; ``kind`` (bytes: each unit's index in ``protocol.KINDS``);
    ``start`` and ``end`` as ``array('q')``; per document, ``n_units`` and
    ``n_boilerplate``; and with ``tuples=True``, ``tuples``: each document's units as ``segment_tuples`` gives them
    (what attribution reads).
    """
    cdef Py_ssize_t i, j, n = len(texts), base, pos, prev, m, total = 0
    cdef vector[Py_ssize_t] starts, ends, nxt
    cdef vector[char] kinds
    cdef vector[int] positions
    cdef vector[unsigned char] pos_valid
    cdef _IdColumn ids = _IdColumn(), prevs = _IdColumn(), nexts = _IdColumn()
    cdef _StrColumn utexts = _StrColumn(), bks = _StrColumn(), dids = _StrColumn()
    cdef list n_units = [], n_boiler = [], per_doc = [] if tuples else None
    cdef _Units out = _Units()
    cdef sk_blake2b_state state
    cdef str text
    cdef int nb, kind
    cdef size_t reserve = 0
    if len(doc_ids) != n or len(langs) != n:
        raise ValueError(f"segment_docs: {len(doc_ids)} doc ids, {n} texts and {len(langs)} languages")
    for t in texts:  # (the text column's bytes at most: no growth while it is written)
        if t is not None:
            if not isinstance(t, str):
                raise TypeError(f"segment_docs: a text is {type(t).__name__}, not str")
            reserve += <size_t>len(<str>t) * (1 if PyUnicode_IS_ASCII(t) else PyUnicode_KIND(t) + 1)
    utexts.data.reserve(reserve)
    for i in range(n):
        t = texts[i]
        if t is None or not (<str>t).strip():
            n_units.append(0)
            n_boiler.append(0)
            if tuples:
                per_doc.append([])
            continue
        text = <str>t
        lang = langs[i]
        out.clear()
        _segment(text, lang if lang is not None else "und", out)
        doc_id = doc_ids[i]
        did = doc_id if type(doc_id) is str else str(doc_id)
        doc_state(did, &state)  # (as ids: str(doc_id); None fails later)
        m = out.start.size()
        if m:
            dids.append_str(None if doc_id is None else did)
            dids.repeat_last(m - 1)
        base = total
        nxt.assign(m, -1)
        prev = -1
        for j in range(m - 1, -1, -1):  # each content unit's next content unit (boilerplate skipped)
            if out.kind[j] != K_BOILERPLATE:
                nxt[j] = prev
                prev = j
        for j in range(m):
            ids.append_id(&state, out.start[j], out.end[j])
        nb = 0
        pos = 0
        prev = -1
        for j in range(m):
            starts.push_back(out.start[j])
            ends.push_back(out.end[j])
            utexts.append_slice(text, out.start[j], out.end[j])
            bks.append_str(out.bk[j])
            kind = out.kind[j]
            kinds.push_back(<char>kind)
            if total % 8 == 0:
                pos_valid.push_back(0)
            total += 1
            if kind == K_BOILERPLATE:
                nb += 1
                positions.push_back(0)
                prevs.append_null()
                nexts.append_null()
                continue
            pos_valid[(total - 1) >> 3] |= <unsigned char>(1 << ((total - 1) & 7))
            positions.push_back(pos)
            pos += 1
            if prev >= 0:
                prevs.append_copy(ids, base + prev)
            else:
                prevs.append_null()
            prev = j
            if nxt[j] >= 0:
                nexts.append_copy(ids, base + nxt[j])
            else:
                nexts.append_null()
        n_units.append(m)
        n_boiler.append(nb)
        if tuples:
            per_doc.append(out.tuples())
    cdef bint all_content = total == 0 or bks.nulls == total
    return {
        "n": total, "unit_id": ids.buffers(), "doc_id": dids.buffers(), "text": utexts.buffers(),
        "boilerplate_kind": bks.buffers(),
        "prev_unit_id": prevs.buffers(), "next_unit_id": nexts.buffers(),
        "position": (None if all_content else _vec_bytes(<const char *>pos_valid.data(), pos_valid.size()),
                     _vec_bytes(<const char *>positions.data(), positions.size() * sizeof(int))),
        "kind": _vec_bytes(kinds.data(), kinds.size()),
        "start": _new_int64_array(starts), "end": _new_int64_array(ends),
        "n_units": n_units, "n_boilerplate": n_boiler, "tuples": per_doc,
    }
