"""``stancekit ingest``: append articles to ``tables/documents.parquet``, recording each source in the config."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import polars as pl

from stancekit.builder.ingest import check_date_format, expand, read_source, resolve_mapping, to_documents
from stancekit.builder.ingest.lang import check_lang
from stancekit.builder.ingest.remote import RemoteFile, expand_url, is_url, local_copy
from stancekit.campaign import Campaign
from stancekit.config import CONFIG_NAME, load_config, record_source
from stancekit.io import TableWriter, iter_batches, read_table, table_exists, write_rejects
from stancekit.progress import bar
from stancekit.schemas import DOCUMENTS, conform


@dataclass(frozen=True)
class IngestOptions:
    text_column: str | None = None
    id_column: str | None = None
    title_column: str | None = None
    date_column: str | None = None
    url_column: str | None = None
    outlet_column: str | None = None
    lang_column: str | None = None
    license_column: str | None = None
    license: str | None = None
    lang: str | None = None
    outlet: str | None = None
    encoding: str | None = None
    date_format: str | None = None

    def explicit(self) -> dict[str, str | None]:
        return {
            "text": self.text_column,
            "id": self.id_column,
            "title": self.title_column,
            "date": self.date_column,
            "url": self.url_column,
            "outlet": self.outlet_column,
            "lang": self.lang_column,
            "license": self.license_column,
        }


class _Dedupe:
    """The corpus-wide step of ingest: exact duplicates and re-ingested rows, over existing and new documents."""

    def __init__(self, existing: pl.DataFrame) -> None:
        self.id_hash: dict[str, str] = dict(
            zip(existing["doc_id"].to_list(), existing["content_hash"].to_list(), strict=True)
        )
        self.id_origin: dict[str, tuple[str, int | None]] = dict(
            zip(
                existing["doc_id"].to_list(),
                zip(existing["source"].to_list(), existing["source_row"].to_list(), strict=True),
                strict=True,
            )
        )
        self.hash_id: dict[str, str] = {}
        for d, h in zip(existing["doc_id"].to_list(), existing["content_hash"].to_list(), strict=True):
            self.hash_id.setdefault(h, d)

    def apply(self, docs: pl.DataFrame, has_ids: bool) -> tuple[pl.DataFrame, list[dict[str, Any]], int]:
        keep: list[dict[str, Any]] = []
        rejects: list[dict[str, Any]] = []
        unchanged = 0
        for row in docs.iter_rows(named=True):
            did, h = row["doc_id"], row["content_hash"]
            where = f"{row['source']}" + (f" row {row['source_row']}" if row["source_row"] else "")
            if did in self.id_hash:
                same_origin = self.id_origin.get(did) == (row["source"], row["source_row"])
                if self.id_hash[did] == h and (has_ids or same_origin):
                    unchanged += 1  # the same input ingested again
                    continue
                if self.id_hash[did] == h:
                    rejects.append(
                        {
                            "reason": "duplicate",
                            "key": did,
                            "source": row["source"],
                            "source_row": row["source_row"],
                            "detail": f"{where}: same text as document {did}",
                        }
                    )
                    continue
                rejects.append(
                    {
                        "reason": "id_conflict",
                        "key": did,
                        "source": row["source"],
                        "source_row": row["source_row"],
                        "detail": f"{where}: doc_id {did!r} is already ingested with a different text; "
                        "give the new version its own id",
                    }
                )
                continue
            if h in self.hash_id:
                if not has_ids:
                    # an id derived from the text equals the earlier one only for the same text: handled above
                    rejects.append(
                        {
                            "reason": "duplicate",
                            "key": did,
                            "source": row["source"],
                            "source_row": row["source_row"],
                            "detail": f"{where}: same text as document {self.hash_id[h]}",
                        }
                    )
                    continue
                row["duplicate_of"] = self.hash_id[h]
            else:
                self.hash_id[h] = did
            self.id_hash[did] = h
            self.id_origin[did] = (row["source"], row["source_row"])
            keep.append(row)
        out = pl.DataFrame(keep, schema=docs.schema) if keep else docs.clear()
        return out, rejects, unchanged


def _reject_rows(rows: list[dict[str, Any]], source: str) -> list[dict[str, Any]]:
    return [
        {
            "stage": "ingest",
            "reason": r["reason"],
            "key": r.get("key"),
            "source": r.get("source", source),
            "source_row": r.get("source_row"),
            "detail": r.get("detail"),
        }
        for r in rows
    ]


def _inputs(paths: list[str]) -> list[Path | RemoteFile]:
    """Local files (``expand``) and URL inputs (``expand_url``), in the order given, each once."""
    out: list[Path | RemoteFile] = []
    seen: set[str] = set()
    for raw in paths:
        items: list[Path | RemoteFile] = [*expand_url(raw)] if is_url(raw) else [p.resolve() for p in expand([raw])]
        for item in items:
            key = item.url if isinstance(item, RemoteFile) else str(item)
            if key not in seen:
                seen.add(key)
                out.append(item)
    return out


@contextmanager
def _local(item: Path | RemoteFile) -> Iterator[tuple[Path, str | None]]:
    """(a local path to read, the URL to record as the source, or None for a local file)."""
    if isinstance(item, RemoteFile):
        with local_copy(item) as path:
            yield path, item.url
    else:
        yield item, None


def _date_format(opts: IngestOptions, configured: str, campaign: Campaign) -> str | None:
    """``--date-format``, else ``[ingest] date_format``, checked; None when neither is set."""
    if opts.date_format:
        return check_date_format(opts.date_format, "--date-format")
    if configured:
        return check_date_format(configured, f"{campaign.root / CONFIG_NAME}: [ingest] date_format")
    return None


def _langs(opts: IngestOptions, default_lang: str, campaign: Campaign) -> tuple[str | None, str | None]:
    """(``--lang``, ``[ingest] default_lang`` unless auto), each checked against the claims registry's codes."""
    lang = check_lang(opts.lang, "--lang") if opts.lang is not None else None
    where = f"{campaign.root / CONFIG_NAME}: [ingest] default_lang"
    return lang, (check_lang(default_lang, where) if default_lang != "auto" else None)


def run_ingest(campaign: Campaign, paths: list[str], opts: IngestOptions, *, record: bool = True) -> dict[str, Any]:
    """Read every input, append new documents, reject (never silently drop) the rest. Idempotent."""
    cfg = load_config(campaign.root)
    batch_size = int(cfg.get("ingest", "batch_size"))
    lang, default_lang = _langs(opts, cfg.get("ingest", "default_lang"), campaign)
    date_format = _date_format(opts, cfg.get("ingest", "date_format"), campaign)
    files = _inputs(paths)
    campaign.ensure()
    dest = campaign.table("documents")
    existing_cols = (
        read_table(dest, ["doc_id", "content_hash", "source", "source_row"])
        if table_exists(dest)
        else DOCUMENTS.empty()
    )
    dedupe = _Dedupe(existing_cols)
    added = unchanged = duplicates = 0
    rejects: list[dict[str, Any]] = []
    warnings_out: list[dict[str, Any]] = []
    warned: dict[str, int] = {}
    per_source: list[dict[str, Any]] = []
    schema = DOCUMENTS.arrow_schema()
    with TableWriter(dest, schema) as writer:
        if table_exists(dest):
            for rb in iter_batches(dest, 10_000):
                writer.write(rb)
        for item in files:
            src_added = src_rejected = 0
            with _local(item) as (path, url), bar(f"ingest {Path(url or path).name}", None, "rows") as progress:
                for batch in read_source(path, encoding=opts.encoding, batch_size=batch_size):
                    if url is not None:
                        batch.source = url  # the URL, not the temporary copy, is the document's source
                    rejects.extend(_reject_rows([{**r, "source": batch.source} for r in batch.rejects], batch.source))
                    src_rejected += len(batch.rejects)
                    if batch.frame.height == 0:
                        continue
                    mapping = resolve_mapping(batch.frame.columns, opts.explicit(), batch.source)
                    docs, bad, warnings = to_documents(
                        batch.frame,
                        source=batch.source,
                        mapping=mapping,
                        lang=lang,
                        default_lang=default_lang,
                        outlet=opts.outlet,
                        license=opts.license,
                        date_format=date_format,
                    )
                    rejects.extend(_reject_rows(bad, batch.source))
                    docs, dup, same = dedupe.apply(docs, has_ids=mapping.id is not None)
                    rejects.extend(_reject_rows(dup, batch.source))
                    kept = set(zip(docs["doc_id"].to_list(), docs["source_row"].to_list(), strict=True))
                    warnings = [w for w in warnings if (w["key"], w["source_row"]) in kept]  # not re-ingested ones
                    warnings_out.extend(_reject_rows(warnings, batch.source))
                    for w in warnings:
                        warned[w["reason"]] = warned.get(w["reason"], 0) + 1
                    writer.write(conform(docs, DOCUMENTS, where=batch.source).to_arrow())
                    added += docs.height
                    duplicates += docs.height - docs["duplicate_of"].null_count()
                    src_added += docs.height
                    unchanged += same
                    src_rejected += len(bad) + len(dup)
                    progress.advance(batch.frame.height)
            per_source.append({"path": url or str(path), "added": src_added, "rejected": src_rejected})
        total = writer.rows
        writer.commit()
    if rejects or warnings_out:
        write_rejects(campaign.rejects_path("ingest"), pl.DataFrame(rejects + warnings_out), append=True)
    if record:
        for raw in paths:
            source = {
                "path": raw if is_url(raw) or any(c in raw for c in "*?[") else str(Path(raw).expanduser().resolve()),
                **{k: v for k, v in asdict(opts).items() if v},
            }
            record_source(campaign.root, source)
    return {
        "added": added,
        "unchanged": unchanged,
        "rejected": len(rejects),
        "kept_with_warnings": warned,
        "duplicates": duplicates,
        "total": total,
        "sources": per_source,
    }


def replay_sources(campaign: Campaign) -> dict[str, Any]:
    """Ingest every source recorded in ``stancekit.toml`` again (only new documents are added)."""
    cfg = load_config(campaign.root)
    totals: dict[str, Any] = {
        "added": 0,
        "unchanged": 0,
        "rejected": 0,
        "kept_with_warnings": {},
        "duplicates": 0,
        "total": 0,
        "sources": [],
    }
    for src in cfg.sources:
        opts = IngestOptions(**{k: v for k, v in src.items() if k != "path"})
        s = run_ingest(campaign, [src["path"]], opts, record=False)
        for k in ("added", "unchanged", "rejected", "duplicates"):
            totals[k] += s[k]
        for reason, n in s["kept_with_warnings"].items():
            totals["kept_with_warnings"][reason] = totals["kept_with_warnings"].get(reason, 0) + n
        totals["total"] = s["total"]
        totals["sources"].extend(s["sources"])
    return totals


_WARNING_TEXT = {
    "bad_date": "kept without a date (unreadable date)",
    "bad_lang": "kept with a fallback language (the row's is not an ISO 639-1 code)",
}


def summary_text(summary: dict[str, Any], campaign: Campaign) -> str:
    """One paragraph for the terminal: counts, and where the rejected and flagged rows are."""
    text = (
        f"ingest: {summary['added']} new document(s), {summary['rejected']} rejected, "
        f"{summary['unchanged']} already there; {summary['total']} in tables/documents.parquet"
    )
    if summary.get("duplicates"):
        text += (f"; {summary['duplicates']} of the new are exact duplicates of an earlier document (kept with "
                 "duplicate_of: their sentences are labelled once, [push] duplicates)")
    flagged = summary.get("kept_with_warnings", {})
    for reason, n in sorted(flagged.items()):
        text += f"; {n} {_WARNING_TEXT.get(reason, reason)}"
    if summary["rejected"] or flagged:
        rel = campaign.rejects_path("ingest").relative_to(campaign.root)
        text += f"; see {rel} (one row per problem, with file, row and reason)"
    return text
