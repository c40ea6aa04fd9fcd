"""Ingest inputs at scale: directories and globs of Parquet/JSONL shards, and URLs through pyarrow/fsspec filesystems.

Tested on local paths (``file://``) and on fsspec's in-memory filesystem (``memory://``), which takes the same road
as an object store (a temporary local copy per file) without any network.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.errors import InputNotFoundError
from stancekit.io import read_table
from stancekit.pipeline.ingest import IngestOptions, run_ingest


def _shards(root: Path) -> list[str]:
    """Two JSONL and two Parquet shards of news-like rows (6 articles), plus a file ingest must skip."""
    root.mkdir(parents=True)
    rows = [{"id": f"a{i}", "text": f"Article {i}. The minister said on Monday that talks would resume {i}.",
             "lang": "en"} for i in range(6)]
    for k in range(2):
        with open(root / f"part-{k}.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in rows[k::4])
        pl.DataFrame(rows[k + 2::4]).write_parquet(root / f"part-{k}.parquet")
    (root / "notes.md").write_text("not an input\n", encoding="utf-8")
    return sorted(r["id"] for r in rows)


def test_directory_and_glob_of_shards(campaign: Campaign, tmp_path: Path) -> None:
    ids = _shards(tmp_path / "in")
    s = run_ingest(campaign, [str(tmp_path / "in")], IngestOptions(id_column="id"))
    assert s["added"] == 6 and len(s["sources"]) == 4
    assert sorted(read_table(campaign.table("documents"))["doc_id"].to_list()) == ids
    s = run_ingest(campaign, [str(tmp_path / "in" / "*.parquet")], IngestOptions(id_column="id"))
    assert s["added"] == 0 and s["unchanged"] == 2


def test_file_urls(campaign: Campaign, tmp_path: Path) -> None:
    ids = _shards(tmp_path / "in")
    url = (tmp_path / "in").as_uri()
    s = run_ingest(campaign, [url + "/*.jsonl", url + "/part-0.parquet"], IngestOptions(id_column="id"))
    assert s["added"] == 5
    assert [src["path"] for src in s["sources"]] == [f"{url}/part-0.jsonl", f"{url}/part-1.jsonl",
                                                     f"{url}/part-0.parquet"]
    docs = read_table(campaign.table("documents"))
    assert set(docs["source"]) == {f"{url}/part-0.jsonl", f"{url}/part-1.jsonl", f"{url}/part-0.parquet"}
    s = run_ingest(campaign, [url], IngestOptions(id_column="id"))  # the directory: the last shard is new
    assert s["added"] == 1 and s["unchanged"] == 5
    assert sorted(read_table(campaign.table("documents"))["doc_id"].to_list()) == ids
    assert (campaign.root / "stancekit.toml").read_text(encoding="utf-8").count(url) >= 2  # recorded as URLs
    with pytest.raises(InputNotFoundError, match="no such file"):
        run_ingest(campaign, [url + "/missing.jsonl"], IngestOptions())


def test_remote_filesystem_is_copied_and_recorded_by_url(campaign: Campaign, tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    mem = fsspec.filesystem("memory")
    local = tmp_path / "in"
    _shards(local)
    for p in local.iterdir():
        mem.pipe(f"/corpus/{p.name}", p.read_bytes())
    try:
        s = run_ingest(campaign, ["memory://corpus/*.parquet"], IngestOptions(id_column="id"))
        assert s["added"] == 2
        assert {src["path"] for src in s["sources"]} == {"memory:///corpus/part-0.parquet",
                                                         "memory:///corpus/part-1.parquet"}
        docs = read_table(campaign.table("documents"))
        assert docs["text"].str.starts_with("Article ").all()
        assert not list(Path(__import__("tempfile").gettempdir()).glob("stancekit-remote-*"))  # copies removed
    finally:
        mem.rm("/corpus", recursive=True)
