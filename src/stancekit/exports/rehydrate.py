"""Re-hydrate a ``--text none`` export from your own copy of the articles.

A ``--text none`` export carries no string copied from the articles: for each row, the ``doc_id``, the ``url``, the
offsets (Unicode code points, end exclusive) of the unit (``start``/``end``), of its neighbours (``prev_start``...
``next_end``), of the speaker and of the cue (``speaker_start``... ``cue_end``), and ``doc_sha256``, the SHA-256 of the
article text the offsets point into. Given the documents (a stancekit ``documents`` table, or any frame with
``doc_id`` and ``text`` and optionally ``title``), :func:`hydrate` puts ``text``, ``context``, ``speaker``, ``cue``
and ``title`` back::

    from stancekit.exports import hydrate
    splits = hydrate("my-export/", "campaign/tables/documents.parquet")
    splits["train"].head()

A document whose text does not hash to ``doc_sha256`` (a different version of the article) is an error with
``strict=True`` (the default); with ``strict=False`` its rows keep null text.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from stancekit.errors import InputError, InputNotFoundError
from stancekit.exports.hf import default_features, ordered_splits, write_config


def _documents(source: str | Path | pl.DataFrame) -> pl.DataFrame:
    if isinstance(source, pl.DataFrame):
        docs = source
    else:
        path = Path(source)
        if not path.exists():
            raise InputNotFoundError(f"{path} does not exist: give the documents table or a frame with doc_id, text")
        files = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
        docs = pl.concat([pl.read_parquet(f) for f in files], how="diagonal_relaxed")
    if "doc_id" not in docs.columns or "text" not in docs.columns:
        raise InputError("documents for hydrate need columns doc_id and text")
    if "title" not in docs.columns:
        docs = docs.with_columns(pl.lit(None, pl.Utf8).alias("title"))
    digests = [hashlib.sha256(t.encode("utf-8")).hexdigest() if t is not None else None for t in docs["text"]]
    return docs.select("doc_id", "text", "title").with_columns(pl.Series("_sha", digests, dtype=pl.Utf8))


def _label_names(path: Path) -> list[str]:
    meta = pq.read_schema(path).metadata or {}
    info = json.loads(meta.get(b"huggingface", b"{}"))
    names = info.get("info", {}).get("features", {}).get("label", {}).get("names")
    if not names:
        raise InputError(f"{path} carries no ClassLabel names: is it a stancekit export?")
    return list(names)


def _span(start: str, end: str) -> pl.Expr:
    return pl.col("_doc_text").str.slice(pl.col(start), pl.col(end) - pl.col(start))


def hydrate(
    dataset_dir: str | Path,
    documents: str | Path | pl.DataFrame,
    *,
    out: str | Path | None = None,
    strict: bool = True,
) -> dict[str, pl.DataFrame]:
    """Return each split of a ``--text none`` export with ``text``, ``context``, ``speaker``, ``cue`` and ``title``
    filled in (an export made before speaker and cue offsets were exported keeps its ``speaker`` as it is).

    With ``out``, also write the hydrated splits as ``out/data/{split}-*.parquet`` with the full-text Features.
    """
    root = Path(dataset_dir)
    files = sorted((root / "data").glob("*.parquet"))
    if not files:
        raise InputNotFoundError(f"{root / 'data'} holds no Parquet file: give the folder `stancekit export` wrote")
    docs = _documents(documents)
    by_split: dict[str, list[Path]] = {}
    for f in files:
        by_split.setdefault(f.name.split("-")[0], []).append(f)
    result: dict[str, pl.DataFrame] = {}
    for split in ordered_splits(list(by_split)):
        df = pl.concat([pl.read_parquet(f) for f in by_split[split]])
        if "doc_sha256" not in df.columns:
            raise InputError(f"{by_split[split][0]} already has text (it was not exported with --text none)")
        df = df.join(docs.rename({"text": "_doc_text"}), on="doc_id", how="left")
        bad = df.filter(pl.col("_sha").is_null() | (pl.col("_sha") != pl.col("doc_sha256")))["doc_id"].unique()
        if len(bad) and strict:
            raise InputError(
                f"{len(bad)} document(s) of split {split} are missing from the documents given or differ from the "
                f"exported version (first: {', '.join(bad.sort().head(3).to_list())}); pass strict=False to skip them"
            )
        ok = pl.col("_sha") == pl.col("doc_sha256")
        if "speaker_start" not in df.columns:  # an older export: speaker strings were kept, no cue
            df = df.with_columns(pl.lit(None, pl.Int64).alias(c) for c in
                                 ("speaker_start", "speaker_end", "cue_start", "cue_end"))
            df = df.with_columns(pl.lit(None, pl.Utf8).alias("cue"))
        else:
            df = df.with_columns(pl.when(ok).then(_span(f"{p}_start", f"{p}_end")).alias(p) for p in ("speaker", "cue"))
        df = df.with_columns(
            pl.when(ok).then(_span("start", "end")).alias("text"),
            pl.struct(
                pl.when(ok).then(_span("prev_start", "prev_end")).alias("prev"),
                pl.when(ok).then(_span("next_start", "next_end")).alias("next"),
            ).alias("context"),
            pl.when(ok).then(pl.col("title")).alias("title"),
        ).drop("_doc_text", "_sha")
        result[split] = df
    if out is not None:
        labels = _label_names(files[0])
        features = default_features(labels, text="full")
        write_config(Path(out), "default", "data", dict(result), features)  # labels are already class indices
    return result
