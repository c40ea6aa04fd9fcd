"""``stancekit segment``: documents -> tables/units.parquet (+ rejects/segment.parquet).

Streams ``tables/documents.parquet`` through :func:`stancekit.builder.segment.units.segment_batch` with the local engine
(``[segment] workers`` processes, ``[segment] batch_size`` documents per batch, bounded memory, a progress bar).
A batch's units depend only on its documents and the segmenter, so re-running gives the same ids.
"""

from __future__ import annotations

from typing import Any

from stancekit.builder.segment.registry import segmenter_name
from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.engine import map_table
from stancekit.errors import ConfigError, StageError
from stancekit.io import scan_table, table_exists, write_rejects
from stancekit.pipeline.engine_options import engine_options
from stancekit.pipeline.pushed import write_checked
from stancekit.schemas import UNITS
from stancekit.workers import segment_batch

DOC_COLUMNS = ["doc_id", "text", "lang", "source", "source_row"]


def run_segment(campaign: Campaign, *, force: bool = False, workers: int | None = None,
                batch_size: int | None = None, engine: str | None = None,
                ray_address: str | None = None) -> dict[str, Any]:
    """Segment every document of the campaign; returns counts (documents, units, content/boilerplate, rejects).

    If the new units would remove or re-cut units already pushed to Label Studio, it stops and names them, leaving
    the current table, unless ``force`` (then the next push archives their tasks; annotations stay).
    """
    cfg = load_config(campaign.root)
    run_on = engine_options(cfg, engine, ray_address)  # --engine ray: units become a directory of shards
    source = campaign.table("documents")
    if not table_exists(source):
        raise StageError(f"{source} does not exist yet: run `stancekit ingest` first")
    name = str(cfg.get("segment", "segmenter"))
    versioned = segmenter_name(name)
    n_workers = int(workers if workers is not None else cfg.get("segment", "workers"))
    n_batch = int(batch_size if batch_size is not None else cfg.get("segment", "batch_size"))
    if n_batch < 1:
        raise ConfigError(f"[segment] batch_size must be at least 1, got {n_batch}")
    dest = campaign.table("units")
    campaign.ensure()
    result = write_checked(campaign, dest, stage="segment", force=force, write=lambda path: map_table(
        source,
        segment_batch,
        path,
        schema=UNITS.arrow_schema(),
        batch_size=n_batch,
        workers=n_workers,
        columns=DOC_COLUMNS,
        description="segment",
        fn_kwargs={"segmenter": name},
        **run_on,
    ))
    n_rejects = write_rejects(campaign.rejects_path("segment"), result.rejects_frame())
    return {
        "documents": result.rows_in,
        **(_summary(result.counts) if result.counts is not None else _counts(dest)),
        "rejects": n_rejects,
        "segmenter": versioned,
        "units_path": str(dest),
        "rejects_path": str(campaign.rejects_path("segment")),
    }


def _summary(counts: dict[str, int]) -> dict[str, Any]:
    """The command's counts from the batches' (``units.unit_counts``, summed by the engine): no table scan, and no
    polars in this process."""
    by_kind = {key.removeprefix("kind:"): n for key, n in sorted(counts.items()) if key.startswith("kind:")}
    return _totals(by_kind, counts.get("claim_units", 0))


def _counts(units_path: Any) -> dict[str, Any]:
    """The command's counts from the units table (where the engine does not gather the batches' counts: Ray)."""
    import polars as pl

    # a streaming aggregate: the driver's memory does not grow with the number of units (benchmarks/scale.py)
    per_kind = (scan_table(units_path).group_by("kind")
                .agg(pl.len().alias("n"), pl.col("is_claim").sum().alias("claims")).collect(engine="streaming"))
    by_kind = {k: int(n) for k, n in per_kind.select("kind", "n").iter_rows()}
    return _totals(by_kind, int(per_kind["claims"].sum() or 0))


def _totals(by_kind: dict[str, int], claims: int) -> dict[str, Any]:
    total = sum(by_kind.values())
    return {
        "units": total,
        "content_units": total - by_kind.get("boilerplate", 0),
        "boilerplate_units": by_kind.get("boilerplate", 0),
        "claim_units": claims,
        "by_kind": by_kind,
    }
