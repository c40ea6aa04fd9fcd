"""Anchored alternations of many rules, matched faster by dispatching on the first character (same results).

``re`` tries every alternative of an alternation in turn, and under IGNORECASE it cannot skip an alternative by its
first literal, so a line that is no boilerplate (most lines) pays for every word of every rule. A
:class:`FirstCharDispatch` of named rules matches like ``re.compile("|".join(f"(?P<name>rule)" ...)).match`` (the
first rule that matches wins; ``lastgroup`` names it), but compiles, per first character of the subject, only the
alternatives that can start with that character. Which characters an alternative can start with is read off the
parsed pattern; anything the analysis does not cover (a backreference, a negated class, ``\\w``, ...) makes the
alternative possible for every character, and a subject starting with a cased non-ASCII character (where
IGNORECASE's special case folds live) or an empty subject is matched by the whole alternation. So the result is the
same for every string, only cheaper.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

_P: Any
_C: Any
try:  # the stdlib's regex parser (Python >= 3.11; private): without it every alternative is tried everywhere
    _P = importlib.import_module("re._parser")
    _C = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover
    _P = _C = None

_ANY = None  # an alternative that may start with any character
FirstSet = tuple[frozenset[str], frozenset[str]] | None  # (characters, predicates "space"/"digit") or _ANY


class _Universal(Exception):
    pass


def _structure(pattern: str, i: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, character, group depth)`` of the grouping characters ``(``, ``)`` and ``|`` of a regex pattern from
    ``pattern[i]`` on, skipping escapes and character classes; the depth counts a ``(`` and no longer a ``)``."""
    depth, n = 0, len(pattern)
    in_class = False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern.startswith("^]", i + 1):
                i += 2
            elif pattern.startswith("]", i + 1):
                i += 1
        elif ch in "()|":
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def split_alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex pattern string (``a|(b|c)|[|]`` -> ``a``, ``(b|c)``, ``[|]``)."""
    out: list[str] = []
    start = 0
    for i, ch, depth in _structure(pattern):
        if ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _group_end(pattern: str, i: int) -> int:
    """The index of the ``)`` closing the group that opens at ``pattern[i]``."""
    for j, ch, depth in _structure(pattern, i):
        if ch == ")" and depth == 0:
            return j
    raise ValueError(f"unbalanced group in {pattern!r}")


_MAX_ALTERNATIVES = 400
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*(?:,\d*)?\})[?+]?")


def expand_alternatives(pattern: str) -> list[str]:
    r"""Alternatives whose union matches exactly what ``pattern`` matches, with the leading choices spelled out:
    ``^(?:a|b)x|c`` -> ``^ax``, ``^bx``, ``c``; an optional leading group ``(?:t\s+)?y`` -> ``t\s+y``, ``y``. Only
    non-capturing groups before the first literal are expanded (concatenation distributes over alternation), so each
    alternative can start with fewer characters; at most ``_MAX_ALTERNATIVES`` in all."""
    out: list[str] = []
    todo = split_alternatives(pattern)
    while todo:
        alt = todo.pop(0)
        parts = _expand_once(alt)
        if parts is None or len(out) + len(todo) + len(parts) > _MAX_ALTERNATIVES:
            out.append(alt)
        else:
            todo[:0] = parts
    return out


def _expand_once(alt: str) -> list[str] | None:
    i, n = 0, len(alt)
    while i < n:
        if alt[i] == "^":
            i += 1
            continue
        if not alt.startswith("(?:", i):
            return None  # a literal, a class, another kind of group: nothing (more) to spell out
        j = _group_end(alt, i)
        inner = alt[i + 3:j]
        rest = alt[j + 1:]
        choices = split_alternatives(inner)
        if rest[:1] == "?" and rest[1:2] not in ("?", "+"):  # (?:x)? = x or nothing
            return [alt[:i] + inner + rest[1:], alt[:i] + rest[1:]]
        q = _QUANTIFIER.match(alt, j + 1)
        if q is not None:
            if len(choices) > 1:
                return None  # a repeated choice: left as it is
            i = q.end()
            continue
        if len(choices) > 1:
            return [alt[:i] + c + rest for c in choices]
        i = j + 1  # a group without a choice: part of the prefix
    return None


def first_set(pattern: str, flags: int = 0) -> FirstSet:
    """The characters a match of ``pattern`` can start with, or None (any character, or the empty match)."""
    if _P is None:
        return _ANY
    chars: set[str] = set()
    preds: set[str] = set()
    try:
        if _first(_P.parse(pattern, flags), bool(flags & re.IGNORECASE), chars, preds):
            return _ANY  # it can match the empty string
    except _Universal:
        return _ANY
    except (re.error, AttributeError, TypeError, ValueError):  # pragma: no cover - a parser change: try it everywhere
        return _ANY
    return frozenset(chars), frozenset(preds)


def _add(ch: str, icase: bool, chars: set[str]) -> None:
    if icase and not ch.isascii() and (ch.lower() != ch or ch.upper() != ch):
        raise _Universal  # a cased non-ASCII literal: IGNORECASE's special folds (ſ ~ s) are not modelled
    chars.add(ch)
    if icase:
        chars.add(ch.lower())
        chars.add(ch.upper())


def _first(seq: Any, icase: bool, chars: set[str], preds: set[str]) -> bool:
    """Add the possible first characters of the parsed sequence ``seq``; True when it can match the empty string."""
    C = _C
    assert C is not None
    for op, av in seq:
        if op is C.LITERAL:
            _add(chr(av), icase, chars)
            return False
        if op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    _add(chr(iav), icase, chars)
                elif iop is C.RANGE:
                    lo, hi = iav
                    if hi - lo > 4096:
                        raise _Universal
                    for code in range(lo, hi + 1):
                        _add(chr(code), icase, chars)
                elif iop is C.CATEGORY and iav in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE):
                    preds.add("space")
                elif iop is C.CATEGORY and iav in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT):
                    preds.add("digit")
                else:  # a negated class, \w, ...
                    raise _Universal
            return False
        if op is C.BRANCH:
            empty = False
            for alt in av[1]:
                empty |= _first(alt, icase, chars, preds)
            if not empty:
                return False
        elif op is C.SUBPATTERN:
            _group, add, remove, sub = av
            if not _first(sub, (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE, chars, preds):
                return False
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, sub = av
            if not _first(sub, icase, chars, preds) and lo > 0:
                return False
        elif op is C.ATOMIC_GROUP:
            if not _first(av, icase, chars, preds):
                return False
        elif op not in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width items constrain nothing here (a superset)
            raise _Universal  # any character, a backreference, a conditional, ...
    return True


def _can_start(fs: FirstSet, ch: str) -> bool:
    if fs is None:
        return True
    found, preds = fs
    return ch in found or ("space" in preds and ch.isspace()) or ("digit" in preds and ch.isdecimal())


_OWN_PATTERN_AFTER = 32  # a first character seen this often gets its own alternation compiled


class FirstCharDispatch:
    """Which of several anchored rules matches a string first: the rule named by ``lastgroup`` of
    ``re.compile("|".join(f"(?P<{name}>{rule})" for name, rule in rules)).match(s)``, found faster.

    ``rules`` are ``(name, compiled pattern)`` in priority order, each with its own flags (names may repeat). Each
    rule is spelled out as alternatives (:func:`expand_alternatives`); for a string starting with character ``c``, one
    alternation of only the alternatives that can start with ``c`` is compiled (once per distinct set), each rule's
    alternatives in its own named group, in order, so the first rule with a matching alternative is the one the whole
    alternation reports.
    """

    def __init__(self, rules: Sequence[tuple[str, re.Pattern[str]]]) -> None:
        self._names = [name for name, _ in rules]
        self._rules: list[tuple[str, list[tuple[str, FirstSet]]]] = []
        for _, rx in rules:
            flags = rx.flags & re.IGNORECASE
            alts = [(alt, first_set(alt, flags)) for alt in expand_alternatives(rx.pattern)]
            self._rules.append(("(?i:" if flags else "(?:", alts))
        self._by_char: dict[str, re.Pattern[str] | None] = {}
        self._by_source: dict[str, re.Pattern[str] | None] = {}
        self._seen: dict[str, int] = {}
        self._whole: re.Pattern[str] | None = None

    def _compile(self, ch: str | None) -> re.Pattern[str] | None:
        """The alternation for strings starting with ``ch`` (None: every alternative)."""
        groups = []
        for i, (scope, alts) in enumerate(self._rules):
            kept = [alt for alt, fs in alts if ch is None or _can_start(fs, ch)]
            if kept:
                groups.append(f"(?P<g{i}>{scope}{'|'.join(kept)}))")
        source = "|".join(groups)
        if source not in self._by_source:
            self._by_source[source] = re.compile(source) if groups else None
        return self._by_source[source]

    def first(self, s: str) -> str | None:
        """The name of the first rule that matches at the start of ``s``, or None."""
        ch = s[:1]
        try:
            rx = self._by_char[ch]
        except KeyError:
            rx = self._rare(ch)
        if rx is None:
            return None
        m = rx.match(s)
        return self._names[int(m.lastgroup[1:])] if m is not None and m.lastgroup else None

    def _rare(self, ch: str) -> re.Pattern[str] | None:
        """The pattern for a first character not seen often yet: every alternative (compiled once), until the
        character has come ``_OWN_PATTERN_AFTER`` times and gets its own (a compile costs some 1.5 ms, as much as
        about 600 matches of the whole alternation)."""
        n = self._seen.get(ch, 0) + 1
        self._seen[ch] = n
        if n < _OWN_PATTERN_AFTER or not ch or (not ch.isascii() and (ch.lower() != ch or ch.upper() != ch)):
            if self._whole is None:  # (empty, or a cased non-ASCII first character: always every alternative)
                self._whole = self._compile(None)
            return self._whole
        rx = self._by_char[ch] = self._compile(ch)
        return rx
