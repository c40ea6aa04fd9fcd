"""``stancekit match``: units + the claims registry -> tables/pairs.parquet.

Streams ``tables/units.parquet`` through :func:`stancekit.builder.match.match_batch` with the local engine (both
cores, bounded memory, a progress bar) or, with ``--engine ray``, on Ray Data. The matcher is fitted on the registry
only and every batch holds whole documents (``char_ngram.v3`` weighs a document's units together), so the pairs do not
depend on the batch size, the number of workers or the engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.markup import escape

from stancekit.builder.claims import Registry, install_registry, installable_registry, load_registry
from stancekit.builder.match import UNIT_SELECTIONS, make_matcher, match_batch, method_string
from stancekit.builder.match_semantic import semantic_channel
from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.engine import map_table
from stancekit.errors import ConfigError, StageError
from stancekit.io import table_exists
from stancekit.pipeline.engine_options import engine_options
from stancekit.pipeline.pushed import write_checked
from stancekit.progress import note
from stancekit.schemas import PAIRS

UNIT_COLUMNS = ["unit_id", "doc_id", "text", "kind", "position", "is_claim"]


def registry_path(campaign: Campaign) -> Path:
    """The campaign's registry file (``[claims] file``, relative to the campaign directory)."""
    cfg = load_config(campaign.root)
    return campaign.root / str(cfg.get("claims", "file"))


def campaign_registry(campaign: Campaign) -> Registry:
    path = registry_path(campaign)
    if not path.exists():
        raise StageError(f"{path}: no claims registry; write one (see DESIGN.md) or run "
                         "`stancekit match --claims FILE`")
    return load_registry(path)


def run_match(campaign: Campaign, *, claims_file: Path | None = None, units: str | None = None,
              top_k: int | None = None, min_score: float | None = None, workers: int | None = None,
              batch_size: int | None = None, engine: str | None = None,
              ray_address: str | None = None, force: bool = False) -> dict[str, Any]:
    """Match the campaign's units against its registry and write ``tables/pairs.parquet``.

    If the new pairs would drop pairs already pushed to Label Studio, it stops and names them, leaving the current
    table, unless ``force`` (then the next push archives their tasks; annotations stay).

    ``engine``/``ray_address`` override ``[engine]``: with ray the pairs table is a directory of Parquet shards.
    """
    cfg = load_config(campaign.root)
    run_on = engine_options(cfg, engine, ray_address)
    select = units or str(cfg.get("match", "units"))
    if select not in UNIT_SELECTIONS:
        raise ConfigError(f"--units must be one of {', '.join(UNIT_SELECTIONS)}, got {select!r}")
    k = int(top_k if top_k is not None else cfg.get("match", "top_k"))
    if k < 1:
        raise ConfigError(f"--top-k must be at least 1, got {k}")  # [match] top_k is checked when the config loads
    threshold = float(min_score if min_score is not None else cfg.get("match", "min_score"))
    if not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"--min-score must be between 0 and 1, got {threshold}")  # [match] min_score: at load
    dest_registry = registry_path(campaign)
    if claims_file is not None:  # checked now, made the campaign's registry only once its pairs are written
        registry = installable_registry(Path(claims_file), dest_registry)
    else:
        registry = campaign_registry(campaign)
    source = campaign.table("units")
    if not table_exists(source):
        raise StageError(f"{source} does not exist yet: run `stancekit segment` first")
    channel, why = semantic_channel(registry, mode=str(cfg.get("match", "semantic")),
                                    units=str(cfg.get("match", "semantic_units")),
                                    model=str(cfg.get("match", "semantic_model")))
    note(escape(why))  # the note names [match] options: not rich markup
    matcher = make_matcher(str(cfg.get("match", "matcher")), registry, semantic=channel)
    method = method_string(matcher, top_k=k, min_score=threshold, units=select)
    result = write_checked(campaign, campaign.table("pairs"), stage="match", force=force, write=lambda path: map_table(
        source,
        match_batch,
        path,
        schema=PAIRS.arrow_schema(),
        batch_size=int(batch_size or cfg.get("match", "batch_size")),
        workers=int(workers if workers is not None else cfg.get("match", "workers")),
        columns=UNIT_COLUMNS,
        description="match",
        align="doc_id",  # a document's units in one batch: the matcher may weigh them together
        fn_kwargs={"matcher": matcher, "top_k_": k, "min_score": threshold, "select": select, "method": method},
        **run_on,
    ))
    if claims_file is not None:
        registry = install_registry(Path(claims_file), dest_registry)
        note(f"claims: {len(registry)} claim(s) from {claims_file} written to {dest_registry}")
    return {
        "units": result.rows_in,
        "pairs": result.rows_out,
        "claims": len(registry),
        "method": method,
        "semantic": channel is not None,
        "engine": run_on["engine"],
        "pairs_path": str(campaign.table("pairs")),
        "registry": str(dest_registry),
    }
