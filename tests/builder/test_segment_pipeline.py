"""run_segment over a small campaign: tables/units.parquet and rejects/segment.parquet, through the engine."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.errors import StageError
from stancekit.io import read_table, write_table
from stancekit.pipeline.segment import run_segment
from stancekit.schemas import DOCUMENTS, UNITS

SEED = Path(__file__).resolve().parents[1] / "data" / "news_gold" / "ar" / "seed.txt"


def _documents(texts: dict[str, tuple[str, str]]) -> pl.DataFrame:
    rows = [{"doc_id": k, "source": "test", "source_row": i + 1, "title": None, "text": t, "lang": lang,
             "published_at": None, "url": None, "outlet": None, "license": None, "content_hash": k,
             "duplicate_of": None} for i, (k, (t, lang)) in enumerate(texts.items())]
    return pl.DataFrame(rows, schema=DOCUMENTS.polars_schema())


@pytest.mark.parametrize("workers", [1, 2])
def test_run_segment_writes_units_and_rejects(tmp_path: Path, workers: int) -> None:
    camp = Campaign.at(tmp_path)
    camp.ensure()
    docs = {"seed": (SEED.read_text(encoding="utf-8"), "ar"), "empty": ("   ", "en"),
            "en1": ("Title\n\nWASHINGTON (AP) — It rained. It stopped.", "en")}
    write_table(_documents(docs), camp.table("documents"))
    summary = run_segment(camp, force=True, workers=workers, batch_size=1)
    units = read_table(camp.table("units"))
    assert units.columns[: len(UNITS.names)] == UNITS.names
    # seed: 20 units; en1: title, dateline and two sentences
    assert summary["documents"] == 3 and summary["units"] == units.height == 20 + 4
    assert summary["rejects"] == 1
    rejects = read_table(camp.rejects_path("segment"))
    assert rejects.select("key", "reason").rows() == [("empty", "empty_text")]
    # the same ids whatever the batch size and the number of workers
    again = run_segment(camp, force=True, workers=1, batch_size=100)
    assert again["units"] == summary["units"]
    assert read_table(camp.table("units"))["unit_id"].to_list() == units["unit_id"].to_list()
    assert run_segment(camp)["units"] == summary["units"]  # re-running rewrites the same units


def test_run_segment_without_documents(tmp_path: Path) -> None:
    with pytest.raises(StageError, match="stancekit ingest"):
        run_segment(Campaign.at(tmp_path))


def test_the_console_script_segments_on_its_preloaded_pool(tmp_path: Path) -> None:
    """`stancekit segment` as a user runs it: the fork server preloads the segmenter, two workers are forked from
    it and run several slices. (A preloaded module that started polars' thread pool at import made the forked
    workers wait for ever on their first parallel polars call: the run must end, with every document's units.)"""
    import subprocess
    import sys

    camp = Campaign.at(tmp_path)
    camp.ensure()
    docs = {f"d{i}": ("Title\n\nWASHINGTON (AP) — It rained, he said. It stopped.", "en") for i in range(6)}
    write_table(_documents(docs), camp.table("documents"))
    (tmp_path / "stancekit.toml").write_text("[segment]\nbatch_size = 2\nworkers = 2\n", encoding="utf-8")
    script = "import sys; from stancekit.entry import main; sys.argv = ['stancekit', *sys.argv[1:]]; main()"
    out = subprocess.run([sys.executable, "-c", script, "segment", "--campaign", str(tmp_path), "--json"],
                         capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    assert read_table(camp.table("units"))["doc_id"].unique().sort().to_list() == sorted(docs)


def test_the_fork_servers_preload_starts_no_polars_threads_and_imports_no_pandas() -> None:
    """fork copies only the forking thread: a polars pool started in the server is missing in every worker. And
    pandas (which pyarrow imports to check what ``pa.array`` is given) would add ~0.2 s to the server's start, the
    command's critical path."""
    import subprocess
    import sys

    code = ("import os, sys, polars, pyarrow, numpy\n"
            "base = len(os.listdir('/proc/self/task'))\n"
            "from stancekit.workers import SEGMENT_PRELOAD\n"
            "for m in SEGMENT_PRELOAD: __import__(m)\n"
            "print(len(os.listdir('/proc/self/task')) - base, 'pandas' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["0", "False"]
