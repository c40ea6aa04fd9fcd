"""One stage code, two engines: segment and match on the local engine and on a local Ray cluster give the same rows.

The Ray tests start a two-CPU Ray on 127.0.0.1 for this module and stop it after. They are skipped when Ray is not
installed (``pip install 'stancekit[ray]'``), unless ``STANCEKIT_REQUIRE_RAY`` is set, in which case they fail.
"""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq
import pytest

from stancekit.campaign import Campaign
from stancekit.errors import ConfigError, MissingDependencyError
from stancekit.ids import doc_id_from_text
from stancekit.io import read_table, table_exists, write_table
from stancekit.pipeline.match import run_match
from stancekit.pipeline.segment import run_segment
from stancekit.schemas import DOCUMENTS, conform

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "data" / "news_gold"
HAVE_RAY = importlib.util.find_spec("ray") is not None
REQUIRE_RAY = os.environ.get("STANCEKIT_REQUIRE_RAY", "") not in ("", "0")


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[Any]:
    if not HAVE_RAY:
        if REQUIRE_RAY:
            pytest.fail("STANCEKIT_REQUIRE_RAY is set but ray is not installed: pip install 'stancekit[ray]'")
        pytest.skip("ray is not installed (pip install 'stancekit[ray]'); set STANCEKIT_REQUIRE_RAY=1 to fail instead")
    from stancekit.engine_ray import ray_session

    with ray_session(None, num_cpus=2) as ray:
        yield ray
    assert not ray.is_initialized()


def _documents(n: int = 120) -> pl.DataFrame:
    """The news gold articles, then ``n`` articles mixed from their paragraphs, an empty and a blank document."""
    rng = random.Random(7)
    texts: list[tuple[str, str]] = []
    for path in sorted(GOLD.glob("*/*.txt")):
        texts.append((path.read_text(encoding="utf-8").replace("\r\n", "\n"), path.parent.name))
    paras = {lang: [p for t, lg in texts if lg == lang for p in t.split("\n\n") if p.strip()] for lang in ("ar", "en")}
    for i in range(n):
        lang = "ar" if i % 2 else "en"
        texts.append(("\n\n".join(rng.sample(paras[lang], rng.randint(2, 9))) + f"\n\n{i}", lang))
    texts += [("", "en"), ("   \n ", "ar")]
    rows = [{"doc_id": f"{doc_id_from_text(t)}-{i}", "source": "test", "source_row": i, "title": None, "text": t,
             "lang": lang, "published_at": None, "url": None, "outlet": f"o{i % 3}", "license": None,
             "content_hash": str(i), "duplicate_of": None} for i, (t, lang) in enumerate(texts)]
    return conform(pl.DataFrame(rows, schema=DOCUMENTS.polars_schema()), DOCUMENTS)


def _write_shards(df: pl.DataFrame, directory: Path, n: int) -> None:
    directory.mkdir(parents=True)
    step = -(-df.height // n)
    for k in range(n):
        write_table(df.slice(k * step, step), directory / f"part-{k:03d}.parquet")


def _snapshot(campaign: Campaign, name: str, to: Path) -> pl.DataFrame:
    path = campaign.table(name)
    shutil.copytree(path, to) if path.is_dir() else shutil.copy(path, to)
    return read_table(to)


def test_segment_and_match_are_identical_under_both_engines(campaign: Campaign, ray_cluster: Any,
                                                            tmp_path: Path) -> None:
    docs = _documents()
    _write_shards(docs, campaign.table("documents"), 4)  # the input is itself a directory of shards

    seg_local = run_segment(campaign, force=True, workers=1, batch_size=7, engine="local")
    units_local = _snapshot(campaign, "units", tmp_path / "units_local.parquet")
    rejects_local = read_table(campaign.rejects_path("segment"))
    run_match(campaign, workers=1, batch_size=50, units="content", min_score=0.1, engine="local")
    pairs_local = _snapshot(campaign, "pairs", tmp_path / "pairs_local.parquet")

    seg_ray = run_segment(campaign, force=True, workers=2, batch_size=5, engine="ray")
    units_path = campaign.table("units")
    assert units_path.is_dir() and len(list(units_path.glob("*.parquet"))) > 1  # sharded, ordered by name
    assert not any(p.name.startswith(".") for p in units_path.parent.iterdir())  # no temp directory left behind
    units_ray = read_table(units_path)
    assert units_local.height > 1000 and units_ray.equals(units_local)  # every column, row for row
    meta = pq.ParquetFile(sorted(units_path.glob("*.parquet"))[0]).metadata.row_group(0)
    stats = {meta.column(i).path_in_schema: meta.column(i).is_stats_set for i in range(meta.num_columns)}
    assert not stats["unit_id"] and not stats["doc_id"] and stats["start"]  # written as every table is (writer_options)
    assert {k: v for k, v in seg_ray.items() if k != "units_path"} == \
        {k: v for k, v in seg_local.items() if k != "units_path"}
    # the rejects flow too: the two empty documents, in input order
    rejects_ray = read_table(campaign.rejects_path("segment"))
    assert rejects_ray.equals(rejects_local)
    assert rejects_ray["reason"].to_list() == ["empty_text", "empty_text"]

    summary = run_match(campaign, workers=2, batch_size=30, units="content", min_score=0.1, engine="ray")
    pairs_ray = read_table(campaign.table("pairs"))
    assert campaign.table("pairs").is_dir() and summary["engine"] == "ray"
    assert pairs_local.height > 50 and pairs_ray.equals(pairs_local)  # ids, ranks and scores exactly

    # back to the local engine: one worker replaces the directory table by a file holding the same rows; two
    # workers write their own shards (one per slice of the input), again the same rows in the same order
    run_match(campaign, workers=1, batch_size=1000, units="content", min_score=0.1, engine="local")
    assert campaign.table("pairs").is_file() and read_table(campaign.table("pairs")).equals(pairs_local)
    run_match(campaign, workers=2, batch_size=40, units="content", min_score=0.1, engine="local")
    assert campaign.table("pairs").is_dir() and read_table(campaign.table("pairs")).equals(pairs_local)
    seg_two = run_segment(campaign, force=True, workers=2, batch_size=5, engine="local")
    assert len(list(units_path.glob("*.parquet"))) > 1 and read_table(units_path).equals(units_local)
    assert read_table(campaign.rejects_path("segment")).equals(rejects_local)
    assert {k: v for k, v in seg_two.items() if k != "units_path"} == \
        {k: v for k, v in seg_local.items() if k != "units_path"}
    assert not any(p.name.startswith(".") for p in units_path.parent.iterdir())


def test_later_stages_read_ray_tables(campaign: Campaign, ray_cluster: Any) -> None:
    from stancekit.pipeline.track import run_suggest, run_track

    write_table(_documents(40), campaign.table("documents"))
    run_segment(campaign, force=True, workers=2, engine="ray")
    run_match(campaign, workers=2, engine="ray")
    assert campaign.table("units").is_dir() and campaign.table("pairs").is_dir()
    track = run_track(campaign, by="week")
    assert track["mentions"] == read_table(campaign.table("pairs")).height
    suggest = run_suggest(campaign, threshold=0.3)
    assert suggest["unmatched_claim_units"] > 0


def test_ray_address_needs_the_ray_engine(campaign: Campaign) -> None:
    write_table(_documents(2), campaign.table("documents"))
    with pytest.raises(ConfigError, match="--engine ray"):
        run_segment(campaign, ray_address="auto", engine="local")
    with pytest.raises(ConfigError, match="--engine must be one of local, ray"):
        run_segment(campaign, engine="spark")
    assert not table_exists(campaign.table("units"))


def test_without_ray_the_error_says_how_to_install(campaign: Campaign, monkeypatch: pytest.MonkeyPatch) -> None:
    write_table(_documents(2), campaign.table("documents"))
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError, as when it is not installed
    with pytest.raises(MissingDependencyError, match=r"pip install 'stancekit\[ray\]'"):
        run_segment(campaign, engine="ray")
    assert not table_exists(campaign.table("units"))
    assert not any(p.name.startswith(".") for p in campaign.tables.iterdir())


def test_a_stage_error_on_ray_is_the_stage_error(campaign: Campaign, ray_cluster: Any) -> None:
    from stancekit.builder.segment.units import segment_batch
    from stancekit.engine import map_table
    from stancekit.errors import InputError
    from stancekit.schemas import UNITS

    write_table(_documents(3), campaign.table("documents"))
    with pytest.raises(InputError, match=r"^documents batch: missing column\(s\) doc_id, text"):
        map_table(campaign.table("documents"), segment_batch, campaign.table("units"), schema=UNITS.arrow_schema(),
                  columns=["lang"], engine="ray", workers=2)
    assert not table_exists(campaign.table("units"))
    assert not any(p.name.startswith(".") for p in campaign.tables.iterdir())
