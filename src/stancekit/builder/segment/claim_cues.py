"""The reporting cues of each language as one compiled regex (``*_CUE_RE``, alternatives named by kind) and as
whitespace-token spellings (``*_CUE_KEYS``: token -> bare cue word; ``*_CUE_KEY_SET``: the same keys as a frozenset,
the fast pre-filter of ``attribution.find_cues``)."""

from __future__ import annotations

import re

from stancekit.builder.segment.claim_lexicon import (
    AR_CAME_RE,
    AR_EXPRESSION_RE,
    AR_EXTRA_FREE,
    AR_LETTER,
    AR_MARKERS_RE,
    AR_NONCLAIM,
    AR_PARTICIPLE_ENDINGS,
    AR_PARTICIPLE_STEMS,
    AR_PRESENT,
    AR_PRESENT_CONTENT,
    AR_SPEECH_NOUNS,
    AR_VERBS_CONTENT,
    AR_VERBS_FREE,
    EN_PARTICIPLES,
    EN_VERBS_FREE,
    ar_verb_forms,
    trie_regex,
)
from stancekit.builder.segment.claim_types import cue_keys

# --------------------------------------------------------------------------------------------------- Arabic

_AR_FREE = [f for lemma in AR_VERBS_FREE for f in ar_verb_forms(lemma)] + AR_EXTRA_FREE + [
    p for p in AR_PRESENT if p not in AR_PRESENT_CONTENT
]
_AR_CONTENT = [f for lemma in AR_VERBS_CONTENT for f in ar_verb_forms(lemma)] + sorted(AR_PRESENT_CONTENT)
_AR_CONTENT += ["وصفه", "وصفها", "وصفهم", "وصفته", "وصفتها"]
_AR_PARTS = [s + e for s in AR_PARTICIPLE_STEMS for e in AR_PARTICIPLE_ENDINGS]
_AR_NONCLAIM = [f for lemma in AR_NONCLAIM for f in ar_verb_forms(lemma)]
_AR_END = rf"(?![{AR_LETTER[1:-1]}])"

AR_CUE_RE = re.compile(
    rf"(?<!{AR_LETTER})[وف]?(?:"
    rf"(?P<expr>{AR_EXPRESSION_RE}){_AR_END}"
    rf"|(?P<came>{AR_CAME_RE}){_AR_END}"
    rf"|(?P<marker>{AR_MARKERS_RE})"
    rf"|(?P<relay>{trie_regex(ar_verb_forms('نقل'))}){_AR_END}"
    rf"|(?P<part>{trie_regex(_AR_PARTS)}){_AR_END}"
    rf"|(?P<free>{trie_regex(_AR_FREE)}){_AR_END}"
    rf"|(?P<content>{trie_regex(_AR_CONTENT)}){_AR_END}"
    rf"|(?P<noun>{trie_regex(AR_SPEECH_NOUNS)}){_AR_END}"
    rf"|(?P<nonclaim>{trie_regex(_AR_NONCLAIM)}){_AR_END}"
    rf")"
)
# the first word of every cue, as it can stand between spaces: a cheap pre-filter before AR_CUE_RE (find_cues)
_AR_FIRST_WORDS = (_AR_FREE + _AR_CONTENT + _AR_PARTS + _AR_NONCLAIM + ar_verb_forms("نقل") + AR_SPEECH_NOUNS
                + ["بحسب", "حسب", "وفقا", "وفقاً", "وفقًا", "وفق", "طبقا", "طبقاً", "نقلا", "نقلاً", "نقلًا"]
                + ["وفقا" + x for x in ("لـ", "ل")]
                + [p + x for p in ("ختم", "اختتم", "استهل", "بدأ") for x in ("", "ت")] + ["جاء"])
AR_CUE_KEYS = cue_keys(_AR_FIRST_WORDS, "وف", ("", "“", "\"", "«", "("),
                    ("", "،", ":", ".", "”", "\"", "»", "؛", ",", ":”", ":“", "\"،", "”،", ")"))
AR_CUE_KEY_SET = frozenset(AR_CUE_KEYS)

# -------------------------------------------------------------------------------------------------- English

EN_CUE_RE = re.compile(
    r"\b(?:(?P<acc>[Aa]ccording to)|(?P<quoted>quoted)|(?P<pointed>point(?:ed|s) out)"
    rf"|(?P<part>{trie_regex(EN_PARTICIPLES)})|(?P<verb>{trie_regex(EN_VERBS_FREE)}))\b"
)
EN_CUE_KEYS = cue_keys([*EN_VERBS_FREE, *EN_PARTICIPLES, "according", "According", "quoted", "pointed", "points"], "",
                    ("", "\"", "“", "(", "«", "‘", "'"),
                    ("", ",", ".", ":", ";", "\"", "”", "’", ")", ",”", ".\"", ".”", ",\"", "—", "!", "?"))
EN_CUE_KEY_SET = frozenset(EN_CUE_KEYS)
