"""The claims registry (DESIGN.md, "Claims registry"): ``claims.yaml`` or its long CSV form, validated on load.

Every error names the file, the claim and the field, and says what to do. Writing back (``claims add``) goes through
ruamel.yaml's round-trip mode so the file's comments, key order and claim order survive.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import YAMLError

from stancekit.errors import ClaimsError, InputNotFoundError
from stancekit.io import atomic_write_text

# ISO 639-1 two-letter codes.
ISO_639_1 = frozenset((
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bh", "bi", "bm",
    "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de", "dv", "dz", "ee",
    "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy", "ga", "gd", "gl", "gn", "gu",
    "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia", "id", "ie", "ig", "ii", "ik", "io", "is",
    "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk", "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw",
    "ky", "la", "lb", "lg", "li", "ln", "lo", "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms",
    "mt", "my", "na", "nb", "nd", "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os",
    "pa", "pi", "pl", "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk",
    "sl", "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk", "tl",
    "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa", "wo", "xh", "yi",
    "yo", "za", "zh", "zu",
))
CLAIM_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
CLAIM_KEYS = ("claim_id", "text", "aliases", "keywords", "active", "notes")


@dataclass(frozen=True)
class Claim:
    claim_id: str
    text: dict[str, str]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    active_from: date | None = None
    active_to: date | None = None
    notes: str | None = None

    def variants(self) -> list[tuple[str, str]]:
        """Every ``(lang, text)`` the claim is matched against: its texts, then its aliases."""
        out = [(lang, t) for lang, t in self.text.items()]
        out += [(lang, a) for lang, items in self.aliases.items() for a in items]
        return out

    def display_text(self, prefer: Iterable[str] = ("en", "ar")) -> str:
        for lang in prefer:
            if lang in self.text:
                return self.text[lang]
        return next(iter(self.text.values()))

    def to_plain(self) -> dict[str, Any]:
        """The claim as plain YAML-ready data, optional fields only when set."""
        out: dict[str, Any] = {"claim_id": self.claim_id, "text": dict(self.text)}
        if self.aliases:
            out["aliases"] = {k: list(v) for k, v in self.aliases.items()}
        if self.keywords:
            out["keywords"] = {k: list(v) for k, v in self.keywords.items()}
        if self.active_from or self.active_to:
            out["active"] = {"from": self.active_from, "to": self.active_to}
        if self.notes:
            out["notes"] = self.notes
        return out


@dataclass(frozen=True)
class Registry:
    claims: tuple[Claim, ...]
    path: Path | None = None

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.claims)

    @property
    def ids(self) -> list[str]:
        return [c.claim_id for c in self.claims]

    def get(self, claim_id: str) -> Claim:
        for c in self.claims:
            if c.claim_id == claim_id:
                return c
        raise ClaimsError(f"{self.path or 'claims registry'}: no claim {claim_id!r}; known: {', '.join(self.ids)}")

    def fingerprint(self) -> str:
        """A short hash of everything matching depends on (texts, aliases, keywords)."""
        data = [[c.claim_id, c.text, {k: list(v) for k, v in c.aliases.items()},
                 {k: list(v) for k, v in c.keywords.items()}] for c in self.claims]
        return hashlib.blake2b(json.dumps(data, sort_keys=True, ensure_ascii=False).encode(), digest_size=4).hexdigest()


# ---------------------------------------------------------------- validation


def _where(path: Path | str | None, idx: int, claim_id: Any = None) -> str:
    name = str(path) if path else "claims registry"
    who = f"claim {claim_id!r}" if isinstance(claim_id, str) and claim_id else f"claim #{idx + 1}"
    return f"{name}: {who}"


def _lang(code: Any, where: str, fld: str) -> str:
    if not isinstance(code, str) or code not in ISO_639_1:
        raise ClaimsError(f"{where}, field {fld}: unknown language code {code!r}; use an ISO 639-1 code such as "
                          "'en' or 'ar'")
    return code


def _texts_by_lang(value: Any, where: str, fld: str) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ClaimsError(f"{where}, field {fld}: expected a mapping of language code to a list of strings, "
                          f"got {type(value).__name__}")
    out: dict[str, tuple[str, ...]] = {}
    for lang, items in value.items():
        _lang(lang, where, f"{fld}.{lang}")
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(s, str) for s in items):
            raise ClaimsError(f"{where}, field {fld}.{lang}: expected a list of strings")
        cleaned = tuple(s.strip() for s in items)
        if any(not s for s in cleaned):
            raise ClaimsError(f"{where}, field {fld}.{lang}: empty string; remove it or write the text")
        out[lang] = cleaned
    return out


def _date(value: Any, where: str, fld: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ClaimsError(f"{where}, field {fld}: bad date {value!r}; write YYYY-MM-DD or null")


def parse_claim(raw: Any, idx: int, path: Path | str | None = None) -> Claim:
    """Validate one claim mapping (as read from YAML) and return it."""
    if not isinstance(raw, Mapping):
        raise ClaimsError(f"{_where(path, idx)}: expected a mapping with claim_id and text, got {type(raw).__name__}")
    cid = raw.get("claim_id")
    where = _where(path, idx, cid)
    if not isinstance(cid, str) or not CLAIM_ID.match(cid):
        raise ClaimsError(f"{where}, field claim_id: {cid!r} is not a valid id; use letters, digits, '-', '_' or '.' "
                          "(it names files such as reports/track/<claim_id>.png)")
    unknown = [k for k in raw if k not in CLAIM_KEYS]
    if unknown:
        raise ClaimsError(f"{where}: unknown field(s) {', '.join(map(str, unknown))}; known: {', '.join(CLAIM_KEYS)}")
    text_raw = raw.get("text")
    if isinstance(text_raw, str):
        raise ClaimsError(f"{where}, field text: give the language, e.g. text: {{en: {text_raw!r}}}")
    if not isinstance(text_raw, Mapping) or not text_raw:
        raise ClaimsError(f"{where}, field text: empty; give at least one language, e.g. text: {{en: \"...\"}}")
    text: dict[str, str] = {}
    for lang, t in text_raw.items():
        _lang(lang, where, f"text.{lang}")
        if not isinstance(t, str) or not t.strip():
            raise ClaimsError(f"{where}, field text.{lang}: empty text; write the claim or remove the language")
        text[lang] = t.strip()
    active = raw.get("active")
    if active is not None and not isinstance(active, Mapping):
        raise ClaimsError(f"{where}, field active: expected {{from: YYYY-MM-DD, to: YYYY-MM-DD or null}}")
    active = active or {}
    bad = [k for k in active if k not in ("from", "to")]
    if bad:
        raise ClaimsError(f"{where}, field active: unknown key(s) {', '.join(map(str, bad))}; use from and to")
    a_from = _date(active.get("from"), where, "active.from")
    a_to = _date(active.get("to"), where, "active.to")
    if a_from and a_to and a_to < a_from:
        raise ClaimsError(f"{where}, field active: to ({a_to}) is before from ({a_from})")
    notes = raw.get("notes")
    if notes is not None and not isinstance(notes, str):
        raise ClaimsError(f"{where}, field notes: expected a string")
    return Claim(
        claim_id=cid,
        text=text,
        aliases=_texts_by_lang(raw.get("aliases"), where, "aliases"),
        keywords=_texts_by_lang(raw.get("keywords"), where, "keywords"),
        active_from=a_from,
        active_to=a_to,
        notes=notes.strip() if isinstance(notes, str) and notes.strip() else None,
    )


def registry_from_data(data: Any, path: Path | str | None = None) -> Registry:
    name = str(path) if path else "claims registry"
    if data is None:
        data = {"claims": []}
    if not isinstance(data, Mapping) or "claims" not in data:
        raise ClaimsError(f"{name}: expected a top-level 'claims:' list (see DESIGN.md, Claims registry)")
    items = data["claims"] or []
    if not isinstance(items, list):
        raise ClaimsError(f"{name}: 'claims' must be a list of claims")
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(items):
        claim = parse_claim(raw, i, path)
        if claim.claim_id in seen:
            raise ClaimsError(f"{name}: claim {claim.claim_id!r}, field claim_id: duplicate id (claims "
                              f"#{seen[claim.claim_id] + 1} and #{i + 1}); give each claim its own id")
        seen[claim.claim_id] = i
        claims.append(claim)
    return Registry(tuple(claims), Path(path) if path else None)


# ---------------------------------------------------------------- reading and writing


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096
    y.allow_unicode = True
    y.indent(mapping=2, sequence=4, offset=2)
    return y


class _DatesAsText(RoundTripConstructor):
    """Timestamps stay strings, so a bad date is reported with its claim and field (not as a parser crash)."""


_DatesAsText.add_constructor("tag:yaml.org,2002:timestamp", lambda c, node: c.construct_scalar(node))


def _loading_yaml() -> YAML:
    y = YAML(typ="rt")
    y.Constructor = _DatesAsText
    return y


def _parse_yaml(text: str, path: Path) -> Any:
    try:
        return _loading_yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ClaimsError(f"{where}: not valid YAML ({problem}); fix the file at that line") from None


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputNotFoundError(f"{path}: claims file not found; create it (see DESIGN.md) or pass --claims FILE")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ClaimsError(f"{path}: not UTF-8 ({exc}); save the file as UTF-8") from None


def parse_csv(text: str, path: Path | str | None = None) -> Registry:
    """The long CSV form: ``claim_id, lang, text`` (+ optional ``aliases`` separated by ``|``), one row per language."""
    name = str(path) if path else "claims CSV"
    reader = csv.DictReader(io.StringIO(text))
    cols = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in ("claim_id", "lang", "text") if c not in cols]
    if missing:
        raise ClaimsError(f"{name}: missing column(s) {', '.join(missing)}; "
                          "the CSV form is claim_id,lang,text[,aliases]")
    merged: dict[str, dict[str, Any]] = {}
    for row_no, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "") for k, v in row.items()}
        cid = row["claim_id"].strip()
        lang = row["lang"].strip()
        where = f"{name}: row {row_no}, claim {cid!r}"
        if not cid:
            raise ClaimsError(f"{name}: row {row_no}, field claim_id: empty; every row needs a claim_id")
        entry = merged.setdefault(cid, {"claim_id": cid, "text": {}})
        _lang(lang, where, "lang")
        if lang in entry["text"]:
            raise ClaimsError(f"{where}, field lang: {lang!r} given twice for this claim; one row per language")
        entry["text"][lang] = row["text"]
        aliases = [a.strip() for a in row.get("aliases", "").split("|") if a.strip()]
        if aliases:
            entry.setdefault("aliases", {})[lang] = aliases
    return registry_from_data({"claims": list(merged.values())}, path)


def load_registry(path: Path) -> Registry:
    """Load and validate ``claims.yaml`` (or ``.csv``)."""
    path = Path(path)
    text = _read_text(path)
    if path.suffix.lower() == ".csv":
        return parse_csv(text, path)
    return registry_from_data(_parse_yaml(text, path), path)


def registry_yaml_text(registry: Registry, header: str = "") -> str:
    """A registry as ``claims.yaml`` text (used when converting the CSV form)."""
    doc = CommentedMap()
    seq = CommentedSeq()
    for claim in registry.claims:
        seq.append(_commented(claim.to_plain()))
    doc["claims"] = seq
    buf = io.StringIO()
    _yaml().dump(doc, buf)
    return (header + buf.getvalue()) if header else buf.getvalue()


def _commented(plain: dict[str, Any]) -> CommentedMap:
    out = CommentedMap()
    for k, v in plain.items():
        if isinstance(v, dict):
            inner = CommentedMap()
            for k2, v2 in v.items():
                inner[k2] = v2
            inner.fa.set_flow_style()
            out[k] = inner
        else:
            out[k] = v
    return out


def installable_registry(source: Path, dest: Path) -> Registry:
    """``source``'s registry, validated, if it can become the campaign's registry at ``dest`` (nothing written)."""
    registry = load_registry(source)
    if dest.suffix.lower() == ".csv" and source.suffix.lower() != ".csv":
        raise ClaimsError(f"{dest}: the campaign's registry is a CSV file ([claims] file in stancekit.toml) but "
                          f"{source} is YAML; set [claims] file = \"claims.yaml\" or pass a CSV")
    return registry


def install_registry(source: Path, dest: Path) -> Registry:
    """Make ``source`` the campaign's registry at ``dest`` (validated first; CSV converted to YAML)."""
    registry = installable_registry(source, dest)
    if dest.suffix.lower() == ".csv":
        if source.resolve() != dest.resolve():
            atomic_write_text(dest, _read_text(source))
    elif source.suffix.lower() == ".csv":
        atomic_write_text(dest, registry_yaml_text(registry, f"# converted from {source.name} by stancekit\n"))
    elif source.resolve() != dest.resolve():
        atomic_write_text(dest, _read_text(source))
    return load_registry(dest)


def add_claim(path: Path, claim: Claim) -> Registry:
    """Append ``claim`` to the YAML registry at ``path``, keeping the file's comments and order."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        raise ClaimsError(f"{path}: claims cannot be added to the CSV form; convert it with `stancekit match --claims "
                          f"{path.name}` (which writes claims.yaml) and add to that")
    y = _yaml()
    text = _read_text(path) if path.exists() else ""
    plain = _parse_yaml(text, path) if text.strip() else None
    current = registry_from_data(plain if plain is not None else {"claims": []}, path)
    data = y.load(text) if text.strip() else None
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise ClaimsError(f"{path}: expected a top-level 'claims:' list")
    if claim.claim_id in current.ids:
        raise ClaimsError(f"{path}: claim {claim.claim_id!r} already exists; choose another id with --id")
    if data.get("claims") is None:
        data["claims"] = CommentedSeq()
    data["claims"].append(_commented(claim.to_plain()))
    buf = io.StringIO()
    y.dump(data, buf)
    new = registry_from_data(_parse_yaml(buf.getvalue(), path), path)
    atomic_write_text(path, buf.getvalue())
    return new
