"""``stancekit merge``: annotations -> labels, rejects and the agreement report; and merges of external vote files.

Campaign: reads ``tables/annotations.parquet`` (+ pairs, units, documents when present, for per-claim and
per-language agreement), writes ``tables/labels.parquet``, ``rejects/merge.parquet`` and ``reports/agreement.json``
(all atomically), and prints a short table. External votes (CSV, JSONL or Parquet, one vote per row): writes
``DIR/labels.parquet`` (column ``item`` + the labels columns), ``DIR/agreement.json`` and, when items are left
undecided, ``DIR/rejects.parquet``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
from rich.console import Console
from rich.table import Table

from stancekit.builder.copies import campaign_copies, with_copies
from stancekit.builder.merge import METHODS, aggregate_votes, merge_labels
from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.errors import ConfigError, InputError, InputNotFoundError
from stancekit.io import atomic_write_text, read_table, scan_table, table_exists, write_rejects, write_table
from stancekit.progress import is_quiet
from stancekit.schemas import LABELS, LabelScheme, conform

VOTE_FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}


@dataclass
class MergeSummary:
    labels_path: Path
    agreement_path: Path
    rejects_path: Path | None
    n_labelled: int
    n_rejected: int
    report: dict[str, Any]


def _pairs_meta(campaign: Campaign, pair_ids: pl.Series) -> pl.DataFrame | None:
    """pair_id, claim_id and (when units and documents exist) lang of the annotated pairs, for per-claim and
    per-language agreement. Lazy scans filtered on the annotated ids: memory follows the annotations, not the corpus.
    """
    if not table_exists(campaign.table("pairs")):
        return None
    wanted = pair_ids.drop_nulls().unique().implode()
    meta = (scan_table(campaign.table("pairs")).select("pair_id", "unit_id", "claim_id")
            .filter(pl.col("pair_id").is_in(wanted)).collect())
    if table_exists(campaign.table("units")) and table_exists(campaign.table("documents")):
        units = (scan_table(campaign.table("units")).select("unit_id", "doc_id")
                 .filter(pl.col("unit_id").is_in(meta["unit_id"].unique().implode())).collect())
        docs = (scan_table(campaign.table("documents")).select("doc_id", "lang")
                .filter(pl.col("doc_id").is_in(units["doc_id"].unique().implode())).collect())
        meta = meta.join(units, on="unit_id", how="left").join(docs, on="doc_id", how="left")
    return meta


def _write_json(path: Path, report: dict[str, Any]) -> None:
    atomic_write_text(path, json.dumps(report, indent=2, ensure_ascii=False, sort_keys=False) + "\n")


def run_merge(campaign: Campaign, *, method: str | None = None, show: bool = True) -> MergeSummary:
    """Merge the campaign's annotations; ``method`` overrides ``[merge] method``."""
    cfg = load_config(campaign.root)
    method = method or cfg.get("merge", "method")
    if method not in METHODS:
        raise ConfigError(f"unknown merge method {method!r}; choose one of {', '.join(METHODS)}")
    scheme = LabelScheme(labels=tuple(cfg.get("labels", "names")), version=cfg.get("labels", "version"))
    annotations = read_table(campaign.table("annotations"))
    labels, rejects, report = merge_labels(
        annotations, _pairs_meta(campaign, annotations["pair_id"]), scheme=scheme, method=method,
        tie_policy=cfg.get("merge", "tie_policy"), min_annotators=cfg.get("merge", "min_annotators"),
        bootstrap=cfg.get("merge", "bootstrap"), seed=cfg.get("merge", "seed"),
    )
    if labels.height:  # copies take their original's label
        before = labels.height
        labels = with_copies(labels, campaign_copies(campaign))
        report.setdefault("overall", {})["n_labels_copied"] = labels.height - before
    labels_path = campaign.table("labels")
    write_table(conform(labels, LABELS, where=str(labels_path)), labels_path, schema=LABELS.arrow_schema())
    rejects_path = campaign.rejects_path("merge")
    n_rejected = write_rejects(rejects_path, rejects)
    agreement_path = campaign.reports / "agreement.json"
    _write_json(agreement_path, report)
    if show and not is_quiet():
        print_summary(report, Console())
    return MergeSummary(labels_path, agreement_path, rejects_path if n_rejected else None, labels.height, n_rejected,
                        report)


def plan_adjudication(campaign: Campaign) -> pl.DataFrame:
    """Items for the adjudication project with their pseudonymous votes (``builder.merge.adjudication``).

    Reads the last merge (labels, rejects), the annotations (for the votes) and the tasks table (pairs already pushed
    to the adjudication project are not chosen again). Run ``stancekit merge`` first.
    """
    from stancekit.builder.merge.adjudication import select_for_adjudication, vote_summary
    from stancekit.builder.merge.votes import extract_votes

    cfg = load_config(campaign.root)
    scheme = LabelScheme(labels=tuple(cfg.get("labels", "names")), version=cfg.get("labels", "version"))
    labels = read_table(campaign.table("labels"))
    rejects_path = campaign.rejects_path("merge")
    rejects = read_table(rejects_path) if table_exists(rejects_path) else pl.DataFrame(
        schema={"reason": pl.Utf8, "key": pl.Utf8})
    already = None
    if table_exists(campaign.table("tasks")):
        tasks = read_table(campaign.table("tasks"), ["pair_id", "project_role"])
        already = tasks.filter(pl.col("project_role") == "adjudication")["pair_id"]
    chosen = select_for_adjudication(labels, rejects, below=float(cfg.get("merge", "adjudicate_below")),
                                     already=already)
    votes = extract_votes(read_table(campaign.table("annotations")), scheme.labels, scheme_id=scheme.id).main
    return vote_summary(chosen, votes, scheme.labels)


def _fmt(value: Any, ci: Any = None) -> str:
    if value is None:
        return "-"
    text = f"{value:.3f}" if isinstance(value, float) else str(value)
    return text + (f"  [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else "")


def print_summary(report: dict[str, Any], console: Console) -> None:
    o = report["overall"]
    table = Table(title=f"merge ({report['method']})", show_header=True)
    table.add_column("measure")
    table.add_column("value (95% CI)", justify="right")
    for key, name in (("krippendorff_alpha", "Krippendorff's alpha"), ("fleiss_kappa", "Fleiss' kappa"),
                      ("percent_agreement", "percent agreement")):
        table.add_row(name, _fmt(o.get(key), o.get(f"{key}_ci")))
    table.add_row("mean pairwise Cohen's kappa", _fmt(o.get("cohen_kappa_mean_over_pairs")))
    table.add_row("items (pairable) / votes / annotators",
                  f"{o['n_items']} ({o['n_items_pairable']}) / {o['n_votes']} / {o['n_annotators']}")
    table.add_row("labelled / rejected", f"{o.get('n_labelled', '-')} / {o.get('n_rejected', '-')}")
    decided = o.get("decided_by") or {}
    table.add_row("decided by", ", ".join(f"{k} {v}" for k, v in decided.items()) or "-")
    if o.get("n_labels_copied"):
        table.add_row("copied to exact duplicates", str(o["n_labels_copied"]))
    console.print(table)
    for warning in report.get("warnings", []):
        console.print(f"[yellow]warning:[/yellow] {warning}")


def _read_votes(path: Path) -> pl.DataFrame:
    if not path.exists():
        raise InputNotFoundError(f"{path}: no such file; give the votes file (CSV, JSONL or Parquet)")
    fmt = VOTE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown votes format {path.suffix!r}; use one of {', '.join(VOTE_FORMATS)}")
    try:
        if fmt in ("csv", "tsv"):
            return pl.read_csv(path, separator="\t" if fmt == "tsv" else ",", infer_schema_length=10000)
        if fmt == "jsonl":
            return pl.read_ndjson(path)
        return pl.read_parquet(path)
    except Exception as exc:  # noqa: BLE001 - polars raises several types for unreadable files
        raise InputError(f"{path}: cannot read as {fmt} ({exc}); check the file format") from None


def merge_votes(
    votes_file: str | Path,
    *,
    item_column: str,
    annotator_column: str,
    label_column: str,
    labels: list[str] | tuple[str, ...] | None = None,
    out_dir: str | Path,
    method: str = "majority_vote",
    tie_policy: str = "adjudicate",
    min_annotators: int = 1,
    bootstrap: int = 500,
    seed: int = 13,
    show: bool = False,
) -> MergeSummary:
    """Aggregate votes from any source: one row per vote with item, annotator and label columns.

    Rows with an empty label are skipped votes; when an annotator voted on an item twice, the later row counts.
    ``labels`` fixes the classes and their order (default: the distinct labels, sorted).
    """
    path = Path(votes_file)
    df = _read_votes(path)
    missing = [c for c in (item_column, annotator_column, label_column) if c not in df.columns]
    if missing:
        raise InputError(f"{path}: no column(s) {', '.join(map(repr, missing))}; the file has: "
                         f"{', '.join(df.columns)}")
    df = df.select(pl.col(item_column).alias("item"), pl.col(annotator_column).cast(pl.Utf8).alias("annotator"),
                   pl.col(label_column).cast(pl.Utf8).str.strip_chars().alias("label")).with_row_index("row", 1)
    for col, flag in (("item", item_column), ("annotator", annotator_column)):
        nulls = df.filter(pl.col(col).is_null())["row"]
        if len(nulls):
            raise InputError(f"{path}: empty {flag!r} at data row(s) {', '.join(map(str, nulls[:5].to_list()))}"
                             f"{' ...' if len(nulls) > 5 else ''}; every vote needs an item and an annotator")
    empty = pl.col("label").is_null() | (pl.col("label") == "")
    n_skipped = df.filter(empty).height
    df = df.filter(~empty)
    classes = tuple(labels) if labels else tuple(sorted(df["label"].unique().to_list()))
    if labels:
        bad = df.filter(~pl.col("label").is_in(list(classes)))
        if bad.height:
            first = bad.row(0, named=True)
            raise InputError(f"{path}: data row {first['row']} has label {first['label']!r}, not one of "
                             f"{', '.join(classes)} ({bad.height} such row(s)); fix --labels or the file")
    if not classes:
        raise InputError(f"{path}: no votes with a label in column {label_column!r}")
    deduped = df.unique(["item", "annotator"], keep="last", maintain_order=True)
    result = aggregate_votes(deduped.select("item", "annotator", "label"), labels=classes, item="item",
                             method=method, tie_policy=tie_policy, min_annotators=min_annotators,
                             bootstrap=bootstrap, seed=seed)
    out = Path(out_dir)
    report = result.agreement
    report["input"] = {"file": str(path), "n_rows": df.height + n_skipped, "n_skipped": n_skipped,
                       "n_duplicates_dropped": df.height - deduped.height, "n_votes": deduped.height}
    labels_path, agreement_path, rejects_path = out / "labels.parquet", out / "agreement.json", out / "rejects.parquet"
    write_table(result.labels, labels_path)
    _write_json(agreement_path, report)
    if result.rejects.height:
        write_table(result.rejects, rejects_path)
    else:
        rejects_path.unlink(missing_ok=True)
    if show and not is_quiet():
        print_summary(report, Console())
    return MergeSummary(labels_path, agreement_path, rejects_path if result.rejects.height else None,
                        result.labels.height, result.rejects.height, report)
