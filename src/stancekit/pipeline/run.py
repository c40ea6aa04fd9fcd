"""``stancekit run``: every stage in order, skipping those whose inputs and config are unchanged.

A stage's fingerprint is a hash of its input files, the config sections it reads and the stancekit version; it is
recorded in ``DIR/.stancekit/state.json`` only after the stage completed, so a run killed at any point and started
again redoes exactly the unfinished stages. Every stage writes atomically and push is idempotent against the server,
so a resumed run ends with the same result (no duplicate tasks, no lost annotations). Pull always runs (the server
is the source of truth); what follows it is skipped when the pulled annotations did not change.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stancekit import __version__
from stancekit.campaign import Campaign
from stancekit.config import Config, load_config
from stancekit.errors import ConfigError, StageError
from stancekit.io import atomic_write_text
from stancekit.progress import note


@dataclass(frozen=True)
class Stage:
    name: str
    inputs: tuple[str, ...]  # campaign-relative paths (tables, claims file, sources)
    outputs: tuple[str, ...]
    config: tuple[str, ...]  # config sections it reads
    always: bool = False  # pull: the server may have changed whatever the local files say


STAGES: tuple[Stage, ...] = (
    Stage("ingest", ("@sources",), ("tables/documents.parquet",), ("ingest", "sources")),
    Stage("segment", ("tables/documents.parquet",), ("tables/units.parquet",), ("segment",)),
    Stage("match", ("tables/units.parquet", "@claims"), ("tables/pairs.parquet",), ("match", "claims")),
    Stage("push", ("tables/pairs.parquet", "tables/units.parquet", "@claims"), ("tables/tasks.parquet",),
          ("push", "studio", "labels")),
    Stage("pull", (), ("tables/annotations.parquet",), ("studio", "labels"), always=True),
    Stage("merge", ("tables/annotations.parquet", "tables/pairs.parquet"), ("tables/labels.parquet",),
          ("merge", "labels")),
    Stage("split", ("tables/labels.parquet", "tables/pairs.parquet", "tables/units.parquet",
                    "tables/documents.parquet"), ("tables/splits.parquet",), ("split", "labels")),
    Stage("export", ("tables/splits.parquet", "tables/labels.parquet", "tables/annotations.parquet",
                     "tables/pairs.parquet", "tables/units.parquet", "tables/documents.parquet", "tables/tasks.parquet",
                     "@claims", "reports/agreement.json", "reports/split_audit.json", "reports/baseline.json"),
          ("export/README.md",), ("export", "labels", "campaign", "studio")),
    Stage("track", ("tables/pairs.parquet", "tables/units.parquet", "tables/labels.parquet"),
          ("reports/track/mentions.parquet",), ("claims",)),
    Stage("report", ("tables/splits.parquet", "reports/agreement.json", "reports/track/mentions.parquet"),
          ("reports/report.html",), ()),
)
STAGE_NAMES = tuple(s.name for s in STAGES)
_BIG = 256 * 1024 * 1024


def _file_digest(path: Path, h: Any) -> None:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and not p.name.startswith("."):
                h.update(str(p.relative_to(path)).encode())
                _file_digest(p, h)
        return
    if not path.exists():
        h.update(b"<missing>")
        return
    st = path.stat()
    if st.st_size > _BIG:  # large inputs: size and mtime (hashing gigabytes on every run is not worth it)
        h.update(f"{st.st_size}:{st.st_mtime_ns}".encode())
        return
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)


def fingerprint(campaign: Campaign, cfg: Config, stage: Stage) -> str:
    h = hashlib.sha256(f"{__version__}:{stage.name}".encode())
    for inp in stage.inputs:
        h.update(inp.encode())
        if inp == "@sources":
            for src in cfg.sources:
                h.update(json.dumps(src, sort_keys=True).encode())
                _file_digest(Path(src["path"]), h)
        elif inp == "@claims":
            _file_digest(campaign.root / cfg.get("claims", "file"), h)
        else:
            _file_digest(campaign.root / inp, h)
    for section in stage.config:
        value = cfg.sources if section == "sources" else cfg.data.get(section, {})
        h.update(json.dumps(value, sort_keys=True, default=str).encode())
    return h.hexdigest()


def _state_path(campaign: Campaign) -> Path:
    return campaign.state / "state.json"


def load_state(campaign: Campaign) -> dict[str, Any]:
    p = _state_path(campaign)
    return json.loads(p.read_text()) if p.exists() else {}


def _save_state(campaign: Campaign, state: dict[str, Any]) -> None:
    atomic_write_text(_state_path(campaign), json.dumps(state, indent=2, sort_keys=True))


# stage -> (module, function); imported lazily, so a stage's dependencies load only when it runs
_RUNNERS: dict[str, tuple[str, str]] = {
    "ingest": ("stancekit.pipeline.ingest", "replay_sources"),
    "segment": ("stancekit.pipeline.segment", "run_segment"),
    "match": ("stancekit.pipeline.match", "run_match"),
    "push": ("stancekit.pipeline.push", "run_push"),
    "pull": ("stancekit.pipeline.pull", "run_pull"),
    "merge": ("stancekit.pipeline.merge", "run_merge"),
    "split": ("stancekit.pipeline.split", "run_split"),
    "export": ("stancekit.pipeline.export", "run_export"),
    "track": ("stancekit.pipeline.track", "run_track"),
    "report": ("stancekit.pipeline.report", "run_report"),
}


def _runner(name: str) -> Callable[[Campaign], Any]:
    """The campaign-level function for a stage, called with the campaign alone (options come from the config)."""
    if name not in _RUNNERS:
        raise ConfigError(f"unknown stage {name!r}; stages: {', '.join(STAGE_NAMES)}")
    module, function = _RUNNERS[name]
    fn: Callable[[Campaign], Any] = getattr(importlib.import_module(module), function)
    return fn


def run(
    campaign: Campaign,
    *,
    until: str | None = None,
    force: tuple[str, ...] = (),
    runners: dict[str, Callable[[Campaign], Any]] | None = None,
) -> list[dict[str, Any]]:
    """Run the stages in order up to ``until``; returns one summary per stage (ran or skipped, with its result)."""
    for name in (*force, *([until] if until else [])):
        if name not in STAGE_NAMES:
            raise ConfigError(f"unknown stage {name!r}; stages: {', '.join(STAGE_NAMES)}")
    if not campaign.config_path.exists():
        raise StageError(f"{campaign.root} is not a campaign (no stancekit.toml): run `stancekit init` first")
    state = load_state(campaign)
    results: list[dict[str, Any]] = []
    for stage in STAGES:
        cfg = load_config(campaign.root)
        fp = fingerprint(campaign, cfg, stage)
        done = state.get(stage.name, {})
        outputs_there = all((campaign.root / o).exists() for o in stage.outputs)
        if not stage.always and stage.name not in force and done.get("fingerprint") == fp and outputs_there:
            results.append({"stage": stage.name, "status": "skipped", "reason": "inputs and config unchanged"})
            note(f"[dim]{stage.name}: unchanged, skipped[/dim]")
        else:
            note(f"[bold]{stage.name}[/bold] ...")
            t0 = time.perf_counter()
            fn = (runners or {}).get(stage.name) or _runner(stage.name)
            summary = fn(campaign)
            seconds = round(time.perf_counter() - t0, 2)
            cfg = load_config(campaign.root)  # a stage may record things (ingest sources, claims)
            state[stage.name] = {"fingerprint": fingerprint(campaign, cfg, stage) if stage.name == "ingest" else fp,
                                 "completed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                 "seconds": seconds, "summary": _jsonable(summary)}
            _save_state(campaign, state)
            results.append({"stage": stage.name, "status": "ran", "seconds": seconds, "summary": _jsonable(summary)})
        if stage.name == until:
            break
    return results


def _jsonable(obj: Any) -> Any:
    import dataclasses

    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        obj = dataclasses.asdict(obj)
    return json.loads(json.dumps(obj, default=str))
