"""Anchored alternations of many rules, matched faster by dispatching on the first characters (same results).

``re`` tries every alternative of an alternation in turn, and under IGNORECASE it cannot skip an alternative by its
first literal, so a line that is no boilerplate (most lines) pays for every word of every rule. A
:class:`FirstCharDispatch` of named rules matches like ``re.compile("|".join(f"(?P<name>rule)" ...)).match`` (the
first rule that matches wins; ``lastgroup`` names it), but tries, per first two characters of the subject, only the
alternatives that can start with them: for most text none, so no regex runs at all. What an alternative can start
with is read off the parsed pattern (:func:`first_set`, :func:`prefix_set`); anything the analysis does not cover (a
backreference, a negated class, ``\\w``, ...) makes the alternative possible there, and a subject whose first
characters include a cased non-ASCII one (where IGNORECASE's special case folds live) or an empty subject is matched
by the whole alternation. So the result is the same for every string, only cheaper. :func:`literal_alternatives`
reads the strings of a pattern that is only literal alternatives, for a substring test instead of a search.
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
        if rest[:1] == "?" and rest[1:2] not in ("?", "+"):  # (?:x|y)? = x, y or nothing
            return [alt[:i] + c + rest[1:] for c in choices] + [alt[:i] + rest[1:]]
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


def _parse(pattern: str, flags: int) -> Any:
    """The stdlib parser's tree of ``pattern`` (what :func:`first_set` and :func:`prefix_set` read), or None: no
    parser, or one that fails (a parser change: every alternative is then tried everywhere)."""
    if _P is None:
        return None
    try:
        return _P.parse(pattern, flags)
    except (re.error, AttributeError, TypeError, ValueError):  # pragma: no cover
        return None


def first_set(pattern: str, flags: int = 0) -> FirstSet:
    """The characters a match of ``pattern`` can start with, or None (any character, or the empty match)."""
    return _first_set(_parse(pattern, flags), flags)


def _first_set(tree: Any, flags: int) -> FirstSet:
    """:func:`first_set` of a parsed pattern (None: not parsed)."""
    if tree is None:
        return _ANY
    chars: set[str] = set()
    preds: set[str] = set()
    try:
        if _first(tree, bool(flags & re.IGNORECASE), chars, preds):
            return _ANY  # it can match the empty string
    except _Universal:
        return _ANY
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - a parser change: try it everywhere
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



KEY_CHARS = 2  # the dispatch key: a string's first two characters
_MAX_PREFIXES = 4096
Prefix = tuple[FirstSet, ...]  # what a match's first characters can be, one position each (None: any character)
_Step = tuple[Prefix, bool]  # a prefix, and whether the item matched in full with it (False: anything may follow)


def prefix_set(pattern: str, flags: int = 0, k: int = KEY_CHARS) -> frozenset[Prefix] | None:
    """What the first ``k`` characters of a match of ``pattern`` can be: prefixes of at most ``k`` positions, each a
    :data:`FirstSet` (a prefix shorter than ``k`` allows anything after it: the match may end there, or the pattern
    was not followed further). A string can be matched only if one prefix fits its start (each position's character
    allowed, the string at least as long as the prefix). None: not modelled (any string may match). Zero-width items
    (``^``, ``\\b``, lookarounds) constrain nothing here, so the answer is a superset: exact enough to skip a rule,
    never to accept one."""
    return _prefix_set(_parse(pattern, flags), flags, k)


def _prefix_set(tree: Any, flags: int, k: int = KEY_CHARS) -> frozenset[Prefix] | None:
    """:func:`prefix_set` of a parsed pattern (None: not parsed)."""
    if tree is None:
        return None
    try:
        steps = _seq_prefixes(tree, bool(flags & re.IGNORECASE), k)
    except _Universal:
        return None
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - a parser change: try it everywhere
        return None
    return frozenset(prefix for prefix, _done in steps)


def _position(chars: set[str], preds: set[str]) -> FirstSet:
    return frozenset(chars), frozenset(preds)


def _concat(left: set[_Step], right: set[_Step], k: int) -> set[_Step]:
    out: set[_Step] = set()
    for p, done in left:
        if not done:
            out.add((p, False))
            continue
        for q, q_done in right:
            r = p + q
            out.add((r[:k], q_done and len(r) < k))
    if len(out) > _MAX_PREFIXES:
        raise _Universal
    return out


_EMPTY_STEP: set[_Step] = {((), True)}  # nothing matched yet


def _seq_prefixes(seq: Any, icase: bool, k: int) -> set[_Step]:
    out = _EMPTY_STEP.copy()
    for op, av in seq:
        out = _concat(out, _item_prefixes(op, av, icase, k), k)
        if all(not done for _p, done in out):
            break  # (every prefix is complete or open: the rest adds nothing)
    return out


def _item_prefixes(op: Any, av: Any, icase: bool, k: int) -> set[_Step]:
    C = _C
    assert C is not None
    if op is C.LITERAL or op is C.IN:
        chars: set[str] = set()
        preds: set[str] = set()
        try:
            _first([(op, av)], icase, chars, preds)
        except _Universal:
            return {((None,), True)}
        return {((_position(chars, preds),), True)}
    if op in (C.ANY, C.NOT_LITERAL):
        return {((None,), True)}
    if op is C.BRANCH:
        out: set[_Step] = set()
        for alt in av[1]:
            out |= _seq_prefixes(alt, icase, k)
        return out
    if op is C.SUBPATTERN:
        _group, add, remove, sub = av
        return _seq_prefixes(sub, (icase or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE, k)
    if op is C.ATOMIC_GROUP:
        return _seq_prefixes(av, icase, k)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        once = _seq_prefixes(sub, icase, k)
        out, cur = set(), _EMPTY_STEP.copy()
        for r in range(min(hi, max(lo, k + 1)) + 1):  # (after k + 1 repetitions every prefix is open or repeats)
            if r >= lo:
                out |= cur
            cur = _concat(cur, once, k)
        if hi > max(lo, k + 1):
            out |= {(p, False) for p, _done in cur}
        return out
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {((), True)}  # zero-width: constrains nothing here (a superset)
    return {((), False)}  # a backreference, a conditional, ...: anything from here on



def literal_alternatives(pattern: str, flags: int = 0) -> list[str] | None:
    """The strings ``pattern`` matches when it is only alternatives of literal characters (a class of literal
    characters, ``[Pp]``, spelled out): then ``re.search`` finds something exactly when one of them is a substring.
    None for anything else (IGNORECASE, a repeat, an anchor, a category, ...). At most ``_MAX_ALTERNATIVES``."""
    if _P is None or flags & re.IGNORECASE:
        return None
    C = _C
    try:
        seq = list(_P.parse(pattern, flags))
    except re.error:
        return None
    branches = seq[0][1][1] if len(seq) == 1 and seq[0][0] is C.BRANCH else [seq]
    out: list[str] = []
    for branch in branches:
        words = [""]
        for op, av in branch:
            if op is C.LITERAL:
                chars = [chr(av)]
            elif op is C.IN and all(iop is C.LITERAL for iop, _ in av):
                chars = [chr(iav) for _, iav in av]
            else:
                return None
            words = [w + ch for w in words for ch in chars]
            if len(words) > _MAX_ALTERNATIVES:
                return None
        out += words
    return out if 0 < len(out) <= _MAX_ALTERNATIVES and all(out) else None

def can_prefix(prefixes: frozenset[Prefix] | None, key: str) -> bool:
    """Can a string starting with ``key`` (its first ``KEY_CHARS`` characters, or all of a shorter string) be matched,
    by :func:`prefix_set`'s ``prefixes``?"""
    if prefixes is None:
        return True
    for prefix in prefixes:
        if len(prefix) > len(key) and len(key) < KEY_CHARS:
            continue  # (the string is shorter than the prefix)
        if all(_can_start(pos, ch) for pos, ch in zip(prefix, key, strict=False)):
            return True
    return False

_OWN_PATTERN_AFTER = 32  # a key seen this often gets its own alternation compiled
_MAX_KEYS = 100_000  # keys remembered at most (text in a script of many characters has many pairs)
_FLAGS_AS_SCOPE = re.IGNORECASE | re.UNICODE  # a rule compiled with these alone matches as its scoped group does


class FirstCharDispatch:
    """Which of several anchored rules matches a string first: the rule named by ``lastgroup`` of
    ``re.compile("|".join(f"(?P<{name}>{rule})" for name, rule in rules)).match(s)``, found faster.

    ``rules`` are ``(name, compiled pattern)`` in priority order, each with its own flags (names may repeat). Each
    rule is spelled out as alternatives (:func:`expand_alternatives`); for a string starting with the key ``s[:2]``,
    only the alternatives that can start with it (:func:`prefix_set`) are tried: none for most text, so most strings
    cost one dictionary look-up. A key's alternatives are one alternation, each rule's in its own named group, in
    order, so the first rule with a matching alternative is the one the whole alternation reports. A key with
    alternatives gets its own compiled alternation once it has come ``_OWN_PATTERN_AFTER`` times (a compile costs
    some 0.3 ms); until then the rules that have alternatives for it are matched one by one, in order, which is the
    same answer (the first rule that matches) with nothing compiled: a new worker's first lines cost no compiles.
    """

    def __init__(self, rules: Sequence[tuple[str, re.Pattern[str]]]) -> None:
        self._names = [name for name, _ in rules]
        self._rules: list[tuple[str, list[tuple[str, FirstSet]]]] = []
        self._own: list[tuple[int, re.Pattern[str]]] = []  # each rule alone, matching as in the alternation
        # each alternative's prefix_set, read off the same parse as its first_set (parsing is most of either: made
        # here, once, not in each segment worker when the alternative is first needed)
        self._prefixes: dict[tuple[int, str], frozenset[Prefix] | None] = {}
        for i, (_, rx) in enumerate(rules):
            flags = rx.flags & re.IGNORECASE
            scope = "(?i:" if flags else "(?:"
            alts: list[tuple[str, FirstSet]] = []
            for alt in expand_alternatives(rx.pattern):
                tree = _parse(alt, flags)
                alts.append((alt, _first_set(tree, flags)))
                self._prefixes[(i, alt)] = _prefix_set(tree, flags)
            self._rules.append((scope, alts))
            self._own.append((i, rx if not rx.flags & ~_FLAGS_AS_SCOPE else re.compile(f"{scope}{rx.pattern})")))
        self._by_key: dict[str, re.Pattern[str] | None] = {}  # a key's alternation (None: no rule can match)
        self._alts_by_char: dict[str, list[list[tuple[str, frozenset[Prefix] | None]]]] = {}
        self._by_source: dict[str, re.Pattern[str] | None] = {}
        # a key not settled yet: [its alternatives kept, sightings, the rules with alternatives kept]
        self._pending: dict[str, list[Any]] = {}

    def _compile(self, kept: list[list[str]]) -> re.Pattern[str] | None:
        """The alternation of each rule's ``kept`` alternatives (in the rules' order)."""
        groups = [f"(?P<g{i}>{self._rules[i][0]}{'|'.join(alts)}))" for i, alts in enumerate(kept) if alts]
        source = "|".join(groups)
        if source not in self._by_source:
            self._by_source[source] = re.compile(source) if groups else None
        return self._by_source[source]

    def first(self, s: str) -> str | None:
        """The name of the first rule that matches at the start of ``s``, or None."""
        key = s[:KEY_CHARS]
        try:
            rx = self._by_key[key]
        except KeyError:
            return self._first_unsettled(key, s)
        return self._matched(rx, s)

    def _matched(self, rx: re.Pattern[str] | None, s: str) -> str | None:
        m = rx.match(s) if rx is not None else None
        return self._names[int(m.lastgroup[1:])] if m is not None and m.lastgroup else None

    def _first_unsettled(self, key: str, s: str) -> str | None:
        """:meth:`first` for a key without its own alternation yet (see the class)."""
        if not key or any(not ch.isascii() and (ch.lower() != ch or ch.upper() != ch) for ch in key):
            candidates = self._own  # (empty, or a cased non-ASCII character: IGNORECASE's special folds)
        else:
            pending = self._pending.get(key)
            if pending is None:
                kept = [[alt for alt, prefixes in alts if can_prefix(prefixes, key)] for alts in self._starting(key[0])]
                if not any(kept):
                    return self._matched(self._settle(key, kept), s)
                pending = [kept, 0, [self._own[i] for i, alts in enumerate(kept) if alts]]
                if len(self._pending) < _MAX_KEYS:
                    self._pending[key] = pending
            pending[1] += 1
            if pending[1] >= _OWN_PATTERN_AFTER:
                self._pending.pop(key, None)
                return self._matched(self._settle(key, pending[0]), s)
            candidates = pending[2]
        for i, rx in candidates:
            if rx.match(s) is not None:
                return self._names[i]
        return None

    def _settle(self, key: str, kept: list[list[str]]) -> re.Pattern[str] | None:
        """The key's own alternation of its ``kept`` alternatives, remembered (up to ``_MAX_KEYS`` keys)."""
        rx = self._compile(kept)
        if len(self._by_key) < _MAX_KEYS:
            self._by_key[key] = rx
        return rx

    def _starting(self, ch: str) -> list[list[tuple[str, frozenset[Prefix] | None]]]:
        """Each rule's alternatives that can start with ``ch``, with their prefixes."""
        try:
            return self._alts_by_char[ch]
        except KeyError:
            pass
        out = [[(alt, self._prefixes[(i, alt)]) for alt, fs in alts if _can_start(fs, ch)]
               for i, (_scope, alts) in enumerate(self._rules)]
        if len(self._alts_by_char) < _MAX_KEYS:
            self._alts_by_char[ch] = out
        return out
