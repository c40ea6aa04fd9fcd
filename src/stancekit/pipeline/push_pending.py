"""A push's pending selection: what a push with ``--sample``/``--per-claim`` chose, recorded before its first import.

A limited push chooses N of the pairs not on the server yet. Killed half-way, a re-run would otherwise choose N
*more* among the pairs still missing (those already imported are no longer new), so a crash would push the first
run's imports plus a whole new sample. Instead the choice (task keys in push order, with the options that made it) is
written atomically to ``DIR/studio/push-pending.json`` before anything is imported and removed when the push
completes. A re-run with the same options finishes that selection (importing only the chosen tasks the server does
not hold) instead of choosing again. The options that decide the choice are the key: sample, per-claim, strategy,
seed, the label scheme (task keys depend on it) and the project; ``--predictions`` does not change the choice and is
not part of it. A push with other options drops the stale selection (its imported tasks stay) and says so; chosen
pairs that no longer exist (the pairs changed meanwhile) are left out and counted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from stancekit.errors import StudioError
from stancekit.io import atomic_write_text

FILE = "push-pending.json"
FORMAT = 1


@dataclass(frozen=True)
class Options:
    """What decides a push's choice of pairs."""

    sample: int
    per_claim: int
    strategy: str
    seed: int
    label_scheme: str
    project_id: int

    @property
    def limited(self) -> bool:
        """Whether the push chooses a subset of the missing pairs (without a limit a re-run takes all of them)."""
        return bool(self.sample or self.per_claim)

    def describe(self) -> str:
        """The options as a person would type them."""
        parts = [f"--sample {self.sample}"] if self.sample else []
        parts += [f"--per-claim {self.per_claim}"] if self.per_claim else []
        parts.append(f"--strategy {self.strategy}")
        return " ".join(parts) + f" (seed {self.seed}, {self.label_scheme}, project {self.project_id})"


@dataclass(frozen=True)
class Selection:
    options: Options
    keys: tuple[str, ...]  # task keys in push order
    created_at: str = ""


@dataclass(frozen=True)
class Plan:
    """What to do about a pending selection: finish it (``resume``), or choose afresh (dropping ``stale``)."""

    resume: Selection | None = None
    keys: tuple[str, ...] = ()  # the resumed selection's keys whose pairs still exist, in push order
    gone: tuple[str, ...] = ()  # the resumed selection's keys whose pairs no longer exist
    stale: dict[str, Any] | None = field(default=None)


def path(studio_dir: Path) -> Path:
    return studio_dir / FILE


def load(studio_dir: Path) -> Selection | None:
    """The pending selection, or None. A file that cannot be read is an error naming it (it is written atomically,
    so only a hand edit breaks it)."""
    p = path(studio_dir)
    if not p.is_file():
        return None
    try:
        body = json.loads(p.read_text(encoding="utf-8"))
        opts = body["options"]
        options = Options(int(opts["sample"]), int(opts["per_claim"]), str(opts["strategy"]), int(opts["seed"]),
                          str(opts["label_scheme"]), int(opts["project_id"]))
        keys = tuple(str(k) for k in body["keys"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StudioError(f"{p}: the pending push selection cannot be read ({type(exc).__name__}: {exc}); delete the "
                          "file to let the next push choose its pairs afresh") from None
    return Selection(options, keys, str(body.get("created_at") or ""))


def save(studio_dir: Path, options: Options, keys: list[str]) -> Selection:
    """Record a choice before its first import (atomically: the file is either the old one or the whole new one)."""
    sel = Selection(options, tuple(keys), datetime.now(UTC).isoformat(timespec="seconds"))
    body = {"format": FORMAT, "created_at": sel.created_at, "options": options.__dict__, "keys": list(sel.keys)}
    studio_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path(studio_dir), json.dumps(body, separators=(",", ":")) + "\n")
    return sel


def clear(studio_dir: Path) -> None:
    path(studio_dir).unlink(missing_ok=True)


def plan(pending: Selection | None, options: Options, candidates: set[str], on_server: set[str]) -> Plan:
    """Finish ``pending`` when it was made with ``options``; otherwise choose afresh, describing what is dropped.

    ``candidates``: the task keys of the current pairs; ``on_server``: the task keys the project holds.
    """
    if pending is None:
        return Plan()
    if pending.options == options:
        keys = tuple(k for k in pending.keys if k in candidates)
        gone = tuple(k for k in pending.keys if k not in candidates)
        return Plan(resume=pending, keys=keys, gone=gone)
    landed = sum(1 for k in pending.keys if k in on_server)
    return Plan(stale={"options": pending.options.describe(), "chosen": len(pending.keys), "imported": landed,
                       "not_imported": len(pending.keys) - landed, "created_at": pending.created_at})


def resumed_summary(p: Plan, imported: int) -> dict[str, Any] | None:
    """What a push that finished a pending selection reports about it."""
    if p.resume is None:
        return None
    return {"options": p.resume.options.describe(), "chosen": len(p.resume.keys), "created_at": p.resume.created_at,
            "already_there": len(p.keys) - imported, "imported": imported, "pairs_gone": len(p.gone)}


def message(resumed: dict[str, Any] | None, stale: dict[str, Any] | None) -> str:
    """One line for the terminal about a resumed or dropped selection ("" when there is neither)."""
    if resumed is not None:
        gone = (f"; {resumed['pairs_gone']} chosen pair(s) no longer exist (the pairs changed) and were left out"
                if resumed["pairs_gone"] else "")
        return (f"finished an interrupted push ({resumed['options']}): {resumed['imported']} of its "
                f"{resumed['chosen']} chosen task(s) imported now, {resumed['already_there']} were already there"
                f"{gone}; no new pairs were chosen")
    if stale is not None:
        return (f"dropped the unfinished selection of an earlier push ({stale['options']}, {stale['imported']} of "
                f"its {stale['chosen']} task(s) imported, kept): this push's options differ, so it chose afresh")
    return ""
