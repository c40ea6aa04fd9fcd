"""FirstCharDispatch answers exactly like the whole alternation it replaces (boilerplate's line rules)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from stancekit.builder.segment import boilerplate, first_char
from stancekit.builder.segment.first_char import (
    FirstCharDispatch,
    can_prefix,
    expand_alternatives,
    first_set,
    literal_alternatives,
    prefix_set,
    split_alternatives,
)


def _alternation(rules: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<g{i}>{'(?i:' if rx.flags & re.IGNORECASE else '(?:'}{rx.pattern}))"
                              for i, (_, rx) in enumerate(rules)))


_RULES = boilerplate._START_RULES
_WHOLE = _alternation(_RULES)


def _expected(s: str) -> str | None:
    m = _WHOLE.match(s)
    return _RULES[int(m.lastgroup[1:])][0] if m is not None and m.lastgroup else None


def test_split_alternatives_keeps_groups_classes_and_escapes() -> None:
    assert split_alternatives(r"a|(b|c)|[|]|\||d") == ["a", "(b|c)", "[|]", r"\|", "d"]
    assert split_alternatives(r"[]|]x|y") == ["[]|]x", "y"]
    assert split_alternatives(r"[^]|]x|y") == ["[^]|]x", "y"]
    assert split_alternatives("") == [""]


def test_first_set() -> None:
    assert first_set("abc|de") == (frozenset("ad"), frozenset())
    assert first_set("(?i:ab)") == (frozenset("aA"), frozenset())
    assert first_set(r"^\s*x") == (frozenset("x"), frozenset({"space"}))
    assert first_set(r"[-•]?\d") == (frozenset("-•"), frozenset({"digit"}))
    assert first_set("a?") is None  # can match the empty string
    assert first_set(r"\w+") is None  # not modelled: any character
    assert first_set("[^a]") is None
    assert first_set("(?i:ſ)") is None  # a cased non-ASCII literal under IGNORECASE


def test_the_boilerplate_rules_answer_as_one_alternation_on_lines() -> None:
    lines = ["Read more: the story", "اقرأ أيضاً: خبر", "By John Smith", "Photo: AP", "© 2024 Reuters",
             "Reuters", "the Associated Press", "UPDATE: the story was updated", "Tuesday, March 12, 2024 10:45",
             "Share this article", "Share prices fell", "- Read also: x", "  read more", "Sign up for our newsletter",
             "Editor’s note: this story", "تحديث: تم تحديث الخبر", "وكالات", "(c) BBC", "Photograph: Jane Doe/Reuters",
             "جانب من الاجتماع", "Éditorial: x", "ſhare this", "KELVIN", "", " ", "Hello world."]
    for line in lines:
        assert boilerplate._START.first(line) == _expected(line), line


_ALPHABET = st.sampled_from([*"RrSsPpBbTtUuEeCcFfAaMmWw ©:-•»()|.,0123456789",
                             "ead more", "hare ", "hoto", "y ", "pdate", "euters", "اقرأ أيضا", "صورة", "كتب",
                             "تحديث", "ſ", "É", "İ", "K", "\n", "ago", "Monday, ", "Jan 3, 2024"])


@settings(deadline=None, max_examples=400)
@given(st.lists(_ALPHABET, max_size=12).map("".join))
def test_dispatch_equals_the_whole_alternation(s: str) -> None:
    assert boilerplate._START.first(s) == _expected(s)


@settings(deadline=None, max_examples=200)
@given(st.text(max_size=30))
def test_dispatch_equals_the_whole_alternation_on_any_text(s: str) -> None:
    assert boilerplate._START.first(s) == _expected(s)


def test_expand_alternatives() -> None:
    assert expand_alternatives(r"^(?:a|b)x|c") == ["^ax", "^bx", "c"]
    assert expand_alternatives(r"(?:t\s+)?(?:y|z)w") == [r"t\s+(?:y|z)w", "yw", "zw"]
    assert expand_alternatives(r"^(?:[-•\s]*)(?:read|see)\b") == [r"^(?:[-•\s]*)read\b", r"^(?:[-•\s]*)see\b"]
    assert expand_alternatives(r"(?:a|b)*c") == [r"(?:a|b)*c"]  # a repeated choice stays
    # an optional choice: each choice, or nothing (not the choices' text pasted before the rest: "c|a" for "c" or "")
    assert expand_alternatives(r"(?:x|y)?z") == ["xz", "yz", "z"]
    assert expand_alternatives(r"(?:c|)?a") == ["ca", "a", "a"]
    assert expand_alternatives(r"(?:ab){1,2}?(?:c|d)") == [r"(?:ab){1,2}?c", r"(?:ab){1,2}?d"]
    assert expand_alternatives(r"(?:x)??y") == [r"(?:x)??y"]


@settings(deadline=None, max_examples=300)
@given(st.lists(st.sampled_from(["a", "b", "(?:", ")", "|", "?", "*", "{1,2}", "^", "[|a]", "\\(", "(?:c|", "d)"]),
                max_size=10).map("".join), st.text(alphabet="abcd|(", max_size=6))
def test_expanded_alternatives_match_what_the_pattern_matches(pattern: str, s: str) -> None:
    try:
        whole = re.compile(pattern)
    except re.error:
        return
    alts = [re.compile(a) for a in expand_alternatives(pattern)]
    assert (whole.match(s) is not None) == any(a.match(s) is not None for a in alts)


def test_rules_with_a_shared_name_and_no_rule_for_a_character() -> None:
    d = FirstCharDispatch([("a", re.compile("ab|x", re.IGNORECASE)), ("b", re.compile("a")), ("a", re.compile("z"))])
    assert d.first("AB") == "a"
    assert d.first("ac") == "b"
    assert d.first("z") == "a"
    assert d.first("q") is None
    assert d.first("") is None


def test_a_key_is_analysed_once_and_settles_after_its_sightings(monkeypatch) -> None:
    calls: list[str] = []
    real = first_char.can_prefix
    monkeypatch.setattr(first_char, "can_prefix", lambda prefixes, key: calls.append(key) or real(prefixes, key))
    monkeypatch.setattr(first_char, "_OWN_PATTERN_AFTER", 3)
    d = FirstCharDispatch([("a", re.compile("ab|ac")), ("b", re.compile("xy"))])
    assert [d.first("ab"), d.first("abz"), d.first("ac")] == ["a", "a", "a"]
    assert calls == ["ab", "ab", "ac", "ac"]  # (each key's two alternatives, tested once per key)
    assert "ab" not in d._by_key and d.first("ab!") == "a" and "ab" in d._by_key  # (the third sighting settles it)
    assert d.first("zz") is None and d._by_key["zz"] is None  # (no alternative: settled at once)
    assert calls == ["ab", "ab", "ac", "ac"]  # (and no alternative starts with z)


def test_prefix_set() -> None:
    a, b = (frozenset("a"), frozenset()), (frozenset("b"), frozenset())
    assert prefix_set("ab") == {(a, b)}
    assert prefix_set("abc|b") == {(a, b), (b,)}
    assert prefix_set("a?b") == {(a, b), (b,)}
    sp = (frozenset(), frozenset({"space"}))
    x = (frozenset("x"), frozenset())
    assert prefix_set(r"^\s*x") == {(sp, sp), (sp, x), (x,)}
    assert prefix_set("(?i:ab)") == {((frozenset("aA"), frozenset()), (frozenset("bB"), frozenset()))}
    assert prefix_set("a.") == {(a, None)}
    assert prefix_set("a|") == {(a,), ()}  # the empty match: any string
    assert prefix_set(r"(a)\1") == {(a,)}  # a backreference: anything after it
    assert can_prefix(prefix_set("abc|b"), "bz") and can_prefix(prefix_set("abc|b"), "b")
    assert not can_prefix(prefix_set("abc|b"), "az") and not can_prefix(prefix_set("abc"), "a")
    assert can_prefix(None, "zz")


@settings(deadline=None, max_examples=500)
@given(st.lists(st.sampled_from(["a", "b", "(?:", ")", "|", "?", "*", "+", "{2,3}", "^", "[ab]", "\\s", "\\d", ".",
                                 "(?i:", "A", "$", "\\b", "(?=a)", "[^a]"]), max_size=10).map("".join),
       st.text(alphabet="abAB 1\n", max_size=5))
def test_prefix_set_never_excludes_a_match(pattern: str, s: str) -> None:
    try:
        rx = re.compile(pattern)
    except re.error:
        return
    if rx.match(s) is not None:
        assert can_prefix(prefix_set(pattern), s[:first_char.KEY_CHARS]), (pattern, s)


def test_literal_alternatives() -> None:
    assert literal_alternatives("a[bc]d|x") == ["abd", "acd", "x"]
    assert literal_alternatives(boilerplate._CREDIT.pattern)[:3] == ["AP Photo", "Getty Images", "REUTERS/"]
    for pattern in ("a+", "(?i:a)", "a|", "^a", r"\w", "[^a]", "a$"):
        assert literal_alternatives(pattern) is None, pattern
    assert literal_alternatives("a", re.IGNORECASE) is None


@settings(deadline=None, max_examples=300)
@given(st.lists(_ALPHABET, max_size=12).map("".join))
def test_dispatch_with_every_key_compiled_equals_the_whole_alternation(s: str) -> None:
    """Keys compiled at their first sighting (the per-key alternations, not the first character's)."""
    dispatch = FirstCharDispatch(_RULES)
    first_char._OWN_PATTERN_AFTER, before = 1, first_char._OWN_PATTERN_AFTER
    try:
        assert dispatch.first(s) == _expected(s)
    finally:
        first_char._OWN_PATTERN_AFTER = before


@settings(deadline=None, max_examples=300)
@given(st.lists(_ALPHABET, max_size=12).map("".join))
def test_dispatch_with_no_key_compiled_equals_the_whole_alternation(s: str) -> None:
    """Keys never settled: the rules with alternatives for the key, matched one by one, in order."""
    dispatch = FirstCharDispatch(_RULES)
    first_char._OWN_PATTERN_AFTER, before = 10**9, first_char._OWN_PATTERN_AFTER
    try:
        assert dispatch.first(s) == _expected(s)
        assert not any(dispatch._by_key.values())  # (nothing compiled: a key is settled only with no rule for it)
    finally:
        first_char._OWN_PATTERN_AFTER = before


def test_a_rule_with_flags_beyond_ignorecase_matches_as_in_the_alternation() -> None:
    """The alternation scopes only IGNORECASE: a MULTILINE rule's ``$`` is the string's end there, so the rule tried
    alone must be too."""
    rules = [("m", re.compile("ab$", re.MULTILINE)), ("i", re.compile("AB", re.IGNORECASE))]
    whole = _alternation(rules)
    for s in ("ab\nc", "ab", "abc"):
        m = whole.match(s)
        expected = rules[int(m.lastgroup[1:])][0] if m is not None and m.lastgroup else None
        assert FirstCharDispatch(rules).first(s) == expected, s
    assert FirstCharDispatch(rules).first("ab\nc") == "i"
