"""``stancekit claims suggest``, ``claims add`` and ``track``: discover new claims, promote them, follow claims in time.

- suggest: claim units that match no tracked claim -> ``reports/claim_suggestions.parquet`` (+ the member units in
  ``reports/claim_suggestion_units.parquet``).
- add: one suggestion -> a new claim appended to the registry (comments and order kept).
- track: pairs + units + documents (+ labels) -> ``reports/track/mentions.parquet``, ``<claim_id>.png`` and
  ``<claim_id>.html`` per claim, and ``index.html``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.builder.claims import Claim, add_claim, load_registry
from stancekit.builder.discover import SUGGESTION_SCHEMA, suggest_claims
from stancekit.builder.track import MENTIONS_SCHEMA, PERIODS, count_mentions
from stancekit.builder.track_view import render_html, render_png
from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.errors import ClaimsError, ConfigError, StageError
from stancekit.io import atomic_write_bytes, atomic_write_text, read_table, scan_table, table_exists, write_table
from stancekit.pipeline.match import registry_path
from stancekit.progress import note

SUGGESTIONS = "claim_suggestions.parquet"
SUGGESTION_UNITS = "claim_suggestion_units.parquet"


def _need(campaign: Campaign, name: str, hint: str) -> Path:
    path = campaign.table(name)
    if not table_exists(path):
        raise StageError(f"{path} does not exist yet: run `stancekit {hint}` first")
    return path


# ---------------------------------------------------------------- suggest


def unmatched_claim_units(campaign: Campaign) -> pl.DataFrame:
    """Claim units with no pair, joined with their document's outlet, date and language."""
    units = scan_table(_need(campaign, "units", "segment")).filter(pl.col("is_claim").fill_null(False))
    units = units.select("unit_id", "doc_id", "text", "speaker")
    pairs_path = campaign.table("pairs")
    if table_exists(pairs_path):
        units = units.join(scan_table(pairs_path).select("unit_id").unique(), on="unit_id", how="anti")
    else:
        note(f"{pairs_path} does not exist: every claim unit is a candidate (run `stancekit match` to leave out "
             "units that already match a tracked claim)")
    docs = scan_table(_need(campaign, "documents", "ingest")).select("doc_id", "outlet", "published_at", "lang")
    return units.join(docs, on="doc_id", how="left").collect()


def run_suggest(campaign: Campaign, *, threshold: float = 0.45, min_size: int = 2) -> dict[str, Any]:
    if not 0 < threshold <= 1:
        raise ConfigError(f"--threshold must be in (0, 1], got {threshold}")
    if min_size < 2:
        raise ConfigError(f"--min-size must be at least 2, got {min_size}")
    units = unmatched_claim_units(campaign)
    suggestions, members = suggest_claims(units, threshold=threshold, min_size=min_size)
    out = campaign.reports / SUGGESTIONS
    write_table(suggestions, out)
    write_table(members, campaign.reports / SUGGESTION_UNITS)
    return {"unmatched_claim_units": units.height, "suggestions": suggestions.height, "path": str(out),
            "top": suggestions.head(10).select("suggestion_id", "size", "text").to_dicts()}


# ---------------------------------------------------------------- add


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words[:6])


def run_add(campaign: Campaign, suggestion_id: str, *, claim_id: str | None = None,
            lang: str | None = None) -> dict[str, Any]:
    path = campaign.reports / SUGGESTIONS
    if not path.exists():
        raise StageError(f"{path} does not exist yet: run `stancekit claims suggest` first")
    suggestions = read_table(path)
    row = suggestions.filter(pl.col("suggestion_id") == suggestion_id)
    if row.height == 0:
        known = ", ".join(suggestions["suggestion_id"].head(5).to_list())
        raise ClaimsError(f"{path}: no suggestion {suggestion_id!r}; known: {known}"
                          f"{' ...' if suggestions.height > 5 else ''} (see `stancekit claims suggest`)")
    text = row["text"][0]
    language = lang or row["lang"][0]
    if not language or language == "und":
        raise ClaimsError(f"suggestion {suggestion_id!r}: its language is unknown; pass --lang (e.g. --lang ar)")
    cid = claim_id or _slug(text) or f"claim-{suggestion_id}"
    reg_path = registry_path(campaign)
    registry = add_claim(reg_path, Claim(cid, {language: text}))
    return {"claim_id": cid, "lang": language, "text": text, "registry": str(reg_path), "claims": len(registry)}


# ---------------------------------------------------------------- track


def run_track(campaign: Campaign, *, by: str = "week") -> dict[str, Any]:
    if by not in PERIODS:
        raise ConfigError(f"--by must be one of {', '.join(PERIODS)}, got {by!r}")
    cfg = load_config(campaign.root)
    label_names = [str(n) for n in cfg.get("labels", "names")]
    pairs = scan_table(_need(campaign, "pairs", "match"))
    units = scan_table(_need(campaign, "units", "segment"))
    docs = scan_table(_need(campaign, "documents", "ingest")).with_row_index("doc_order")
    dated = bool(docs.select(pl.col("published_at").is_not_null().any()).collect().item())
    notes = []
    if not dated:
        notes.append("no document has a date (published_at): periods follow the document order "
                     "(doc-000001 is the first document of tables/documents.parquet)")
        note("track: " + notes[-1])
    labels_path = campaign.table("labels")
    labels = scan_table(labels_path) if table_exists(labels_path) else None
    lazy = count_mentions(pairs, units, docs, by=by, labels=labels, label_names=label_names, dated=dated)
    mentions = lazy.collect(engine="streaming")
    if mentions.height == 0:
        mentions = pl.DataFrame(schema=MENTIONS_SCHEMA)
    out_dir = campaign.reports / "track"
    out_dir.mkdir(parents=True, exist_ok=True)
    write_table(mentions, out_dir / "mentions.parquet")

    reg_file = registry_path(campaign)
    registry = load_registry(reg_file) if reg_file.exists() else None
    claim_ids = list(registry.ids) if registry else []
    claim_ids += sorted(set(mentions["claim_id"].unique().to_list()) - set(claim_ids))
    counts_cols = [n for n in label_names if n in mentions.columns]
    pages = []
    for cid in claim_ids:
        claim = registry.get(cid) if registry and cid in registry.ids else None
        rows = mentions.filter(pl.col("claim_id") == cid)
        title = cid + (f": {claim.text['en']}" if claim and "en" in claim.text else "")
        png = render_png(cid, rows, counts_cols, title=title)
        atomic_write_bytes(out_dir / f"{cid}.png", png)
        page_note = " ".join(notes) + ("" if claim else " This claim is no longer in the registry.")
        atomic_write_text(out_dir / f"{cid}.html", render_html(claim, cid, rows, png, counts_cols,
                                                                note=page_note.strip()))
        pages.append((cid, int(rows["mentions"].sum()) if rows.height else 0))
    items = "".join(f'<li><a href="{html.escape(c)}.html">{html.escape(c)}</a>: {n} mention(s)</li>'
                    for c, n in pages)
    atomic_write_text(out_dir / "index.html", f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>claim '
                                              f"timelines</title></head><body><h1>Claim timelines (by {by})</h1>"
                                              f"<ul>{items}</ul></body></html>\n")
    return {"by": by, "dated": dated, "claims": len(pages), "rows": mentions.height,
            "mentions": int(mentions["mentions"].sum()) if mentions.height else 0, "labels": labels is not None,
            "path": str(out_dir / "mentions.parquet"), "notes": notes}


__all__ = ["SUGGESTION_SCHEMA", "run_add", "run_suggest", "run_track"]
