"""Label Studio task JSON -> annotation rows (the ANNOTATIONS table) and pseudonymised raw snapshots.

One reader for both sources of tasks: the objects of ``tasks.list(fields="all")`` on a live server and the tasks of a
JSON export file made elsewhere. It copes with the shapes real exports take: ``completed_by`` as an int id, as a user
object (``{"id", "email", ...}``), as an object with only an e-mail, or absent; a single task object instead of a
list; the legacy ``completions`` key; tasks or annotations without ids; tasks without stancekit's keys.

Identity never leaves this module in clear: ``annotator`` is whatever the ``pseudonymise`` callable returns for the
user id (or, when an export carries only an e-mail, for the e-mail). :func:`scrub_task` removes identity fields from
a task before it is saved as a raw snapshot, writing user references as ``{"pseudonym": ...}`` so that a snapshot
parses again to the same annotators.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import polars as pl

from stancekit.errors import InputError
from stancekit.labeling.pseudonym import PREFIX, Pseudonymizer
from stancekit.schemas import ANNOTATIONS, DEFAULT_SCHEME, REJECTS, LabelScheme, conform

Pseudonymise = Callable[[int | str], str]
"""Maps a Label Studio user id (or, failing that, an e-mail) to a stable pseudonym."""

STANCE_FROM = "stance"
FLAGS_FROM = "flags"
NOTE_FROM = "note"
UNKNOWN_ANNOTATOR = "unknown"
"""The annotator of an annotation whose export names no user at all."""

USER_KEYS = frozenset({
    "completed_by", "updated_by", "created_by", "last_created_by", "reviewed_by", "annotator", "user", "user_id",
    "owner", "assignee", "assignees", "comment_authors", "annotators", "reviewers",
})
"""Keys whose value refers to a user (an id, a user object, an e-mail, or a list of those)."""
DROP_KEYS = frozenset({
    "email", "first_name", "last_name", "username", "created_username", "updated_username", "avatar", "initials",
    "phone", "annotator_email",
})
"""Keys whose value is identity in clear: removed from snapshots."""
CONTENT_KEYS = frozenset({"data"})
"""Task content: copied into snapshots untouched (article text may legitimately contain addresses)."""
_TASK_FIELDS = frozenset({"id", "annotations", "completions", "predictions", "drafts", "meta", "project"})
_PSEUDONYM = re.compile(rf"^{re.escape(PREFIX)}[0-9a-f]{{10}}$")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


@dataclass(frozen=True)
class ParseResult:
    """Annotations read (conformed to ANNOTATIONS) and those rejected (REJECTS columns, stage ``pull``)."""

    annotations: pl.DataFrame
    rejects: pl.DataFrame
    n_tasks: int
    n_seen: int
    """Annotations found in the input: ``annotations.height + rejects.height`` (each rejected one once)."""


# ---------------------------------------------------------------- input shapes


def as_dict(obj: Any) -> dict[str, Any]:
    """A task as a plain dict, whether JSON already or an SDK (pydantic) object."""
    if isinstance(obj, Mapping):
        return dict(obj)
    dump = getattr(obj, "model_dump", None) or getattr(obj, "dict", None)
    if callable(dump):
        out = dump()
        if isinstance(out, dict):
            return out
    raise InputError(f"expected a Label Studio task object, got {type(obj).__name__}")


def _looks_like_task(obj: Any) -> bool:
    if not isinstance(obj, Mapping):
        return False
    if "data" in obj and isinstance(obj["data"], Mapping):
        return True
    anns = [*(obj.get("annotations") or []), *(obj.get("completions") or [])]
    return bool(anns) and all(isinstance(a, Mapping) and "result" in a for a in anns)


def tasks_from_json(obj: Any, *, where: str = "input") -> list[dict[str, Any]]:
    """The tasks of a decoded JSON export: a list of task objects or one task object.

    Raises :class:`InputError` for anything else (a labeling config, a COCO file, a JSON_MIN or CSV-like export).
    """
    if isinstance(obj, Mapping):
        if _looks_like_task(obj):
            return [dict(obj)]
        raise InputError(
            f"{where}: not a Label Studio JSON export (an object with keys {sorted(obj)[:8]}, not a task with "
            "'data' or 'annotations'); export the project as JSON (not JSON_MIN, CSV or COCO) and try again"
        )
    if isinstance(obj, list):
        # Tasks in Label Studio's import shape ({"text": ...} without a "data" wrapper) may sit beside full tasks;
        # a list with no full task at all (JSON_MIN, CSV rows as JSON, a plain import file) is not an export.
        if obj and not any(_looks_like_task(item) for item in obj):
            item = obj[0]
            keys = sorted(item)[:8] if isinstance(item, Mapping) else type(item).__name__
            raise InputError(
                f"{where}: not a Label Studio JSON export: no item is a task with 'data' or 'annotations' (item 0 has "
                f"keys {keys}). JSON_MIN and CSV exports lose skipped annotations and ids: export the project as JSON "
                "and try again"
            )
        for i, item in enumerate(obj):
            if not isinstance(item, Mapping) or {"annotation_id", "annotator"} & set(item):
                raise InputError(f"{where}: item {i} is not a Label Studio task object (a JSON_MIN row or a "
                                 f"{type(item).__name__}); export the project as JSON and try again")
        return [dict(t) for t in obj]
    raise InputError(f"{where}: not a Label Studio JSON export (top level is {type(obj).__name__})")


def _annotations_of(task: Mapping[str, Any]) -> list[Any]:
    return [*(task.get("annotations") or []), *(task.get("completions") or [])]


def count_annotations(tasks: Iterable[Mapping[str, Any]]) -> int:
    """Annotations in a list of tasks (``annotations`` plus legacy ``completions``)."""
    return sum(len(_annotations_of(t)) for t in tasks)


# ---------------------------------------------------------------- field decoders


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    return None


def _timestamp(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, int | float):
        return datetime.fromtimestamp(float(value), UTC)
    try:
        ts = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return ts.astimezone(UTC) if ts.tzinfo else ts.replace(tzinfo=UTC)


def _float_or_none(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _ident(value: Any) -> int | str | None:
    """What to key a pseudonym on: an int id, else a lower-cased e-mail or user name; None when there is neither
    or when ``value`` is already a pseudonym."""
    uid = _int_or_none(value)
    if uid is not None:
        return uid
    if isinstance(value, str) and value.strip() and not _PSEUDONYM.match(value.strip()):
        return value.strip().lower()
    return None


def _already(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and _PSEUDONYM.match(value.strip()) else None


def annotator_of(completed_by: Any, pseudonymise: Pseudonymise) -> str:
    """The pseudonym of an annotation's ``completed_by``.

    Accepts an int id, a user object (``id``, else ``email``/``username``), an e-mail, an already pseudonymised
    reference (``{"pseudonym": p}``, or ``ann-<hex>`` / ``{"id": "ann-<hex>"}`` as ``Pseudonymizer.scrub`` writes
    them), or nothing (-> :data:`UNKNOWN_ANNOTATOR`). ``pseudonymise`` must accept strings (e-mails) as well as ids.
    """
    if isinstance(completed_by, Mapping):
        if isinstance(completed_by.get("pseudonym"), str):
            return str(completed_by["pseudonym"])
        for key in ("id", "user_id", "email", "username"):
            ident = _ident(completed_by.get(key))
            if ident is not None:
                return pseudonymise(ident)
        return _already(completed_by.get("id")) or _already(completed_by.get("user_id")) or UNKNOWN_ANNOTATOR
    ident = _ident(completed_by)
    if ident is not None:
        return pseudonymise(ident)
    return _already(completed_by) or UNKNOWN_ANNOTATOR


def keyed_pseudonymiser(key: bytes) -> Pseudonymise:
    """The campaign's pseudonyms: ``labeling.pseudonym`` for user ids (as a server pull), an HMAC of the e-mail for
    exports that name a user only by e-mail (same prefix, distinct input domain, so it never equals an id's)."""
    by_id = Pseudonymizer(key)
    cache: dict[int | str, str] = {}  # a pull meets the same few users thousands of times

    def pseudonymise(ident: int | str) -> str:
        hit = cache.get(ident)
        if hit is not None:
            return hit
        if isinstance(ident, int) or ident.strip().isdigit():
            out = by_id(ident)
        else:
            digest = hmac.new(key, b"email\x1f" + ident.strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()
            out = PREFIX + digest[:10]
        if len(cache) < 100_000:
            cache[ident] = out
        return out

    return pseudonymise


def _choices(item: Mapping[str, Any]) -> list[Any] | None:
    value = item.get("value")
    if isinstance(value, Mapping) and isinstance(value.get("choices"), list):
        return list(value["choices"])
    return None


def _texts(item: Mapping[str, Any]) -> list[str]:
    value = item.get("value")
    text = value.get("text") if isinstance(value, Mapping) else None
    if isinstance(text, str):
        return [text]
    if isinstance(text, list):
        return [str(t) for t in text if t is not None]
    return []


def synthetic_annotation_id(task_key: str, position: int, annotation: Mapping[str, Any]) -> int:
    """A stable negative id for an annotation that has none (hand-made exports); never collides with a server id."""
    body = json.dumps(annotation, sort_keys=True, default=str, ensure_ascii=False)
    h = hashlib.blake2b(f"{task_key}\x1f{position}\x1f{body}".encode(), digest_size=8).digest()
    return -(int.from_bytes(h, "big") >> 2) - 1


def task_identity(task: Mapping[str, Any], position: int) -> tuple[str, str | None, int | None]:
    """(task_key, pair_id, ls_task_id): stancekit's keys from ``data``/``meta``, else keys made from the task id."""
    meta = _mapping(task.get("meta"))
    data = _mapping(task["data"]) if "data" in task else {k: v for k, v in task.items() if k not in _TASK_FIELDS}
    ls_task_id = _int_or_none(task.get("id"))
    key = data.get("task_key") or meta.get("task_key")
    pair = data.get("pair_id") or meta.get("pair_id")
    pair_id = str(pair) if pair else None
    if key:
        return str(key), pair_id, ls_task_id
    if ls_task_id is not None:
        return f"ls-{ls_task_id}", pair_id, ls_task_id
    body = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    digest = hashlib.blake2b(f"{position}\x1f{body}".encode(), digest_size=8).hexdigest()
    return f"ls-noid-{digest}", pair_id, None


# ---------------------------------------------------------------- parsing


# reject reasons of pull (stable codes; the sentence goes to ``detail``)
NOT_AN_OBJECT = "not_an_object"
DUPLICATE_ANNOTATION = "duplicate_annotation"
BAD_RESULT = "bad_result"
NO_STANCE = "no_stance"
SEVERAL_STANCES = "several_stances"
LABEL_NOT_IN_SCHEME = "label_not_in_scheme"
UNREADABLE = "unreadable_annotation"
REASONS = (NOT_AN_OBJECT, DUPLICATE_ANNOTATION, BAD_RESULT, NO_STANCE, SEVERAL_STANCES, LABEL_NOT_IN_SCHEME,
           UNREADABLE)


@dataclass(frozen=True)
class _Options:
    scheme: LabelScheme
    label_map: Mapping[str, str]
    from_name: str | None
    project_role: str
    source: str | None


def _stance_items(result: list[Any], opts: _Options, stancekit_task: bool) -> tuple[list[Mapping[str, Any]], str]:
    """The result items holding the stance, and the from_name they were looked up under."""
    items = [r for r in result if isinstance(r, Mapping) and _choices(r) is not None]
    if opts.from_name is not None:
        return [r for r in items if r.get("from_name") == opts.from_name], opts.from_name
    named = [r for r in items if r.get("from_name") == STANCE_FROM]
    if named or stancekit_task:
        return named, STANCE_FROM
    foreign = [r for r in items if r.get("from_name") != FLAGS_FROM]
    if not foreign:
        return [], "any choices"
    first = foreign[0].get("from_name")
    return [r for r in foreign if r.get("from_name") == first], str(first)


def _parse_one(
    ann: Mapping[str, Any], task_key: str, pair_id: str | None, ls_task_id: int | None, stancekit_task: bool,
    ann_id: int, pseudonymise: Pseudonymise, opts: _Options,
) -> tuple[dict[str, Any] | None, tuple[str, str] | None]:
    """One annotation -> (row, None) or (None, (reason code, sentence))."""
    result = ann.get("result")
    if result is None:
        result = []
    if not isinstance(result, list):
        return None, (BAD_RESULT, f"annotation result is {type(result).__name__}, expected a list")
    cancelled = bool(ann.get("was_cancelled") or False)
    flags: list[str] = []
    notes: list[str] = []
    for item in result:
        if not isinstance(item, Mapping):
            continue
        if item.get("from_name") == FLAGS_FROM:
            flags.extend(str(c) for c in (_choices(item) or []))
        elif item.get("from_name") == NOTE_FROM:
            notes.extend(t for t in _texts(item) if t.strip())
    label: str | None = None
    if not cancelled:
        items, looked_for = _stance_items(result, opts, stancekit_task)
        if not items:
            kinds = sorted({str(r.get("type")) for r in result if isinstance(r, Mapping)})
            what = f"result types {kinds}" if kinds else "an empty result"
            return None, (NO_STANCE, f"no stance choice (from_name {looked_for!r}) in the annotation: {what}")
        chosen = [c for it in items for c in (_choices(it) or [])]
        if len(chosen) != 1:
            return None, (NO_STANCE if not chosen else SEVERAL_STANCES,
                          f"{len(chosen)} stance choices ({chosen[:4]}) where exactly one is expected")
        raw = str(chosen[0])
        label = opts.label_map.get(raw, raw)
        if label not in opts.scheme:
            mapped = f" (mapped from {raw!r})" if label != raw else ""
            return None, (LABEL_NOT_IN_SCHEME, f"label {label!r}{mapped} not in scheme {opts.scheme.id}")
    row = {
        "pair_id": pair_id,
        "task_key": task_key,
        "ls_task_id": ls_task_id,
        "ls_annotation_id": ann_id,
        "project_role": opts.project_role,
        "annotator": annotator_of(ann.get("completed_by"), pseudonymise),
        "label": label,
        "flags": flags,
        "note": _EMAIL.sub("[e-mail removed]", "\n".join(notes)) if notes else None,
        "was_cancelled": cancelled,
        "ground_truth": bool(ann.get("ground_truth") or False),
        "lead_time": _float_or_none(ann.get("lead_time")),
        "created_at": _timestamp(ann.get("created_at")),
        "updated_at": _timestamp(ann.get("updated_at") or ann.get("created_at")),
    }
    return row, None


def parse_tasks(
    tasks: Iterable[Any],
    *,
    pseudonymise: Pseudonymise,
    scheme: LabelScheme = DEFAULT_SCHEME,
    project_role: str = "main",
    label_map: Mapping[str, str] | None = None,
    from_name: str | None = None,
    source: str | None = None,
) -> ParseResult:
    """Every annotation of ``tasks`` as an ANNOTATIONS row, or a reject; nothing is dropped silently.

    A reject's ``reason`` is a short stable code (``REASONS``), good for grouping; ``detail`` says which task and
    annotation and what exactly was wrong.

    ``label_map`` renames raw choices before they are checked against ``scheme``. ``from_name`` names the Choices
    control holding the stance; by default ``stance``, and for tasks without stancekit's keys (foreign exports) the
    first Choices control other than ``flags`` when no ``stance`` control answered. Cancelled annotations (skips) are
    kept with a null label.
    """
    opts = _Options(scheme, dict(label_map or {}), from_name, project_role, source)
    rows: list[dict[str, Any]] = []
    rejects: list[dict[str, Any]] = []
    seen_ids: set[int] = set()
    n_tasks = 0
    for position, raw_task in enumerate(tasks):
        n_tasks += 1
        task = as_dict(raw_task)
        task_key, pair_id, ls_task_id = task_identity(task, position)
        stancekit_task = bool(_mapping(task.get("data")).get("task_key"))
        for apos, ann in enumerate(_annotations_of(task)):
            where = {"stage": "pull", "source": source, "source_row": position + 1}
            at = f"task {task_key} annotation #{apos + 1}"
            if not isinstance(ann, Mapping):
                rejects.append({**where, "key": task_key, "reason": NOT_AN_OBJECT,
                                "detail": f"{at}: annotation is {type(ann).__name__}, expected an object"})
                continue
            ann_id = _int_or_none(ann.get("id"))
            if ann_id is None:
                ann_id = synthetic_annotation_id(task_key, apos, ann)
            if ann_id in seen_ids:
                rejects.append({**where, "key": str(ann_id), "reason": DUPLICATE_ANNOTATION,
                                "detail": f"{at}: duplicate annotation id {ann_id} (already read in this input)"})
                continue
            seen_ids.add(ann_id)
            row, reason = _parse_one(ann, task_key, pair_id, ls_task_id, stancekit_task, ann_id, pseudonymise, opts)
            if row is None:
                code, sentence = reason or (UNREADABLE, "unreadable annotation")
                rejects.append({**where, "key": str(ann_id), "reason": code, "detail": f"{at}: {sentence}"})
            else:
                rows.append(row)
    annotations = conform(pl.DataFrame(rows, schema=ANNOTATIONS.polars_schema()), ANNOTATIONS, where=source or "")
    reject_df = pl.DataFrame(rejects, schema=REJECTS.polars_schema())
    return ParseResult(annotations, reject_df, n_tasks, annotations.height + reject_df.height)


# ---------------------------------------------------------------- snapshots


def _scrub_user(value: Any, pseudonymise: Pseudonymise) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, list):
        return [_scrub_user(v, pseudonymise) for v in value]
    if isinstance(value, Mapping) and isinstance(value.get("pseudonym"), str):
        return {"pseudonym": value["pseudonym"]}
    if isinstance(value, Mapping | str | int):
        return {"pseudonym": annotator_of(value, pseudonymise)}
    return None


def _scrub(value: Any, pseudonymise: Pseudonymise) -> Any:
    kind = type(value)
    if kind is str:
        return _EMAIL.sub("[e-mail removed]", value) if "@" in value else value
    if kind in _SCALARS:
        return value
    if kind is list:
        return [_scrub(v, pseudonymise) for v in value]
    if kind is dict or isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for k, v in value.items():
            vkind = type(v)
            if vkind in _SCALARS or (vkind is str and "@" not in v):
                if k not in DROP_KEYS:
                    out[k] = _scrub_user(v, pseudonymise) if k in USER_KEYS else v
            elif k in DROP_KEYS:
                continue
            elif k in CONTENT_KEYS:
                out[k] = v
            elif k in USER_KEYS:
                out[k] = _scrub_user(v, pseudonymise)
            else:
                out[k] = _scrub(v, pseudonymise)
        return out
    if isinstance(value, list | tuple):
        return [_scrub(v, pseudonymise) for v in value]
    if isinstance(value, str):
        return _EMAIL.sub("[e-mail removed]", value) if "@" in value else value
    return value


_SCALARS = frozenset({int, float, bool, type(None)})


def scrub_task(task: Any, pseudonymise: Pseudonymise) -> dict[str, Any]:
    """A copy of ``task`` fit for ``DIR/raw/``: no e-mail, user name or first/last name outside ``data``.

    User references (``completed_by``, ``updated_by``, ``created_by``, review and history authors, ...) become
    ``{"pseudonym": ...}``; identity keys (``email``, ``created_username``, ...) are removed; any other string that
    holds an e-mail address outside ``data`` has it blanked. ``data`` (the task content) is kept as it is.
    """
    out = _scrub(as_dict(task), pseudonymise)
    assert isinstance(out, dict)
    return out
