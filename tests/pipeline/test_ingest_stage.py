"""`stancekit ingest` end to end on every input format, real files included, through the CLI and the runner."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.config import load_config
from stancekit.errors import InputError, InputNotFoundError
from stancekit.pipeline.ingest import IngestOptions, run_ingest


def docs(c: Campaign) -> pl.DataFrame:
    return pl.read_parquet(c.table("documents"))


def rejects(c: Campaign) -> pl.DataFrame:
    p = c.rejects_path("ingest")
    return pl.read_parquet(p) if p.exists() else pl.DataFrame()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stancekit.cli", *args], capture_output=True, text=True, check=False)


def test_seed_txt(campaign: Campaign, seed_path: Path) -> None:
    s = run_ingest(campaign, [str(seed_path)], IngestOptions())
    assert s["added"] == 1
    d = docs(campaign).row(0, named=True)
    raw = seed_path.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert d["text"] == raw
    assert d["title"] == "واشنطن: القوات الأمريكية لن تغادر العراق"
    assert d["lang"] == "ar"
    assert d["duplicate_of"] is None


def test_windows_1256_copy_gives_the_same_text(campaign: Campaign, seed_path: Path, tmp_path: Path) -> None:
    cp = tmp_path / "seed-cp1256.txt"
    cp.write_bytes(seed_path.read_text(encoding="utf-8").encode("cp1256", errors="strict"))
    run_ingest(campaign, [str(seed_path)], IngestOptions())
    s = run_ingest(campaign, [str(cp)], IngestOptions())
    # same text: same content-derived id, so it is a duplicate of the UTF-8 copy, not a new document
    assert s["added"] == 0
    r = rejects(campaign)
    assert r["reason"].to_list() == ["duplicate"]
    c2 = Campaign.at(tmp_path / "other")
    run_ingest(c2, [str(cp)], IngestOptions())
    assert docs(c2)["text"][0] == docs(campaign)["text"][0]


def test_utf16_and_bom(campaign: Campaign, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Title A\r\nThe army said it will stay.\r\n".encode("utf-16"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbfTitle B\nThe minister said no.\n")
    run_ingest(campaign, [str(tmp_path / "*.txt")], IngestOptions())
    d = docs(campaign).sort("title")
    assert d["text"].to_list() == ["Title A\nThe army said it will stay.\n", "Title B\nThe minister said no.\n"]
    assert d["lang"].to_list() == ["en", "en"]


def test_ans_csv_with_text_column(campaign: Campaign, shared_data: Path) -> None:
    path = shared_data / "ans" / "stance" / "dev.csv"
    s = run_ingest(campaign, [str(path)], IngestOptions(text_column="s2"))
    n_rows = pl.read_csv(path).height
    d = docs(campaign)
    assert s["added"] + s["rejected"] == n_rows
    assert d.height == s["added"] == pl.read_csv(path)["s2"].n_unique()
    assert set(rejects(campaign)["reason"]) <= {"duplicate"}
    assert (d["lang"] == "ar").all()
    again = run_ingest(campaign, [str(path)], IngestOptions(text_column="s2"))
    assert again["added"] == 0 and docs(campaign).height == d.height


def test_jsonl_with_broken_line(campaign: Campaign, tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(
        '{"id": "a1", "text": "First article.", "outlet": "X", "published_at": "2021-12-01"}\n'
        '{"id": "a2", "text": "broken\n'
        "\n"
        '{"id": "a3", "text": "Third article.", "lang": "en"}\n',
        encoding="utf-8",
    )
    s = run_ingest(campaign, [str(p)], IngestOptions())
    assert s["added"] == 2
    r = rejects(campaign).row(0, named=True)
    assert r["reason"] == "malformed_json" and r["source_row"] == 2 and "a.jsonl:2" in r["detail"]
    d = docs(campaign).sort("doc_id")
    assert d["doc_id"].to_list() == ["a1", "a3"]
    assert d["outlet"].to_list() == ["X", None]
    assert str(d["published_at"][0]) == "2021-12-01 00:00:00+00:00"


def test_ids_duplicates_keep_both_with_duplicate_of(campaign: Campaign, tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in [
                {"id": "x", "text": "Same wire story."},
                {"id": "y", "text": "Same wire story."},
                {"id": "z", "text": ""},
            ]
        )
    )
    run_ingest(campaign, [str(p)], IngestOptions())
    d = docs(campaign).sort("doc_id")
    assert d["doc_id"].to_list() == ["x", "y"]
    assert d["duplicate_of"].to_list() == [None, "x"]
    assert rejects(campaign)["reason"].to_list() == ["empty_text"]


def test_without_ids_a_second_copy_is_rejected(campaign: Campaign, tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text('body,title\n"Line one,\nline two.",T1\n"Line one,\nline two.",T2\n', encoding="utf-8")
    s = run_ingest(campaign, [str(p)], IngestOptions())
    assert s["added"] == 1
    assert docs(campaign)["text"].to_list() == ["Line one,\nline two."]
    r = rejects(campaign).row(0, named=True)
    assert r["reason"] == "duplicate" and r["source_row"] == 2


def test_tsv_json_parquet_and_hf_dataset(campaign: Campaign, tmp_path: Path) -> None:
    import datasets

    (tmp_path / "a.tsv").write_text("text\tlang\nنص أول\tar\n", encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"articles": [{"text": "Second text here.", "url": "https://e.x/2"}]}))
    pl.DataFrame({"article": ["Third text.", "Fourth text."], "n": [1, 2]}).write_parquet(tmp_path / "c.parquet")
    datasets.Dataset.from_dict({"text": ["Fifth text.", "Sixth text."]}).save_to_disk(str(tmp_path / "hf"))
    s = run_ingest(
        campaign,
        [str(tmp_path / "a.tsv"), str(tmp_path / "b.json"), str(tmp_path / "c.parquet"), str(tmp_path / "hf")],
        IngestOptions(),
    )
    assert s["added"] == 6
    d = docs(campaign)
    assert sorted(d["text"].to_list()) == sorted(
        ["نص أول", "Second text here.", "Third text.", "Fourth text.", "Fifth text.", "Sixth text."]
    )
    assert d.filter(pl.col("text") == "Second text here.")["url"][0] == "https://e.x/2"
    assert d.filter(pl.col("text") == "Fourth text.")["source_row"][0] == 2
    run_ingest(campaign, [str(tmp_path / "hf")], IngestOptions())
    assert docs(campaign).height == 6


def test_sources_are_recorded_once(campaign: Campaign, tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text("s2\nhello world\n")
    run_ingest(campaign, [str(p)], IngestOptions(text_column="s2", license="cc-by-4.0"))
    run_ingest(campaign, [str(p)], IngestOptions(text_column="s2", license="cc-by-4.0"))
    srcs = load_config(campaign.root).sources
    assert srcs == [{"path": str(p.resolve()), "text_column": "s2", "license": "cc-by-4.0"}]
    assert docs(campaign)["license"].to_list() == ["cc-by-4.0"]


def test_missing_text_column_names_the_columns(campaign: Campaign, tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text("s1,s2\na,b\n")
    with pytest.raises(InputError, match=r"a\.csv: no text column found.*s1, s2"):
        run_ingest(campaign, [str(p)], IngestOptions())
    with pytest.raises(InputError, match="no column 'body'"):
        run_ingest(campaign, [str(p)], IngestOptions(text_column="body"))


def test_missing_file(campaign: Campaign) -> None:
    with pytest.raises(InputNotFoundError, match=r"nope\.txt: no such file"):
        run_ingest(campaign, ["nope.txt"], IngestOptions())


def test_cli_errors_exit_2_without_traceback(tmp_path: Path) -> None:
    r = cli("ingest", "--campaign", str(tmp_path / "typo"), str(tmp_path / "missing.jsonl"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "is not a stancekit campaign" in r.stderr and "stancekit init" in r.stderr
    assert not (tmp_path / "typo").exists()  # a mistyped --campaign makes nothing
    (tmp_path / "stancekit.toml").write_text("")
    r = cli("ingest", "--campaign", str(tmp_path), str(tmp_path / "missing.jsonl"))
    assert r.returncode == 2
    assert "no such file" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "stancekit.toml").write_text("[match]\ntopk = 3\n")
    (tmp_path / "a.txt").write_text("hello")
    r = cli("ingest", "--campaign", str(tmp_path), str(tmp_path / "a.txt"))
    assert r.returncode == 2 and "unknown key 'topk' in [match]" in r.stderr and "Traceback" not in r.stderr
    r = cli("ingest", "--campaign", str(tmp_path), "--bogus")
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_cli_init_and_ingest(tmp_path: Path, seed_path: Path) -> None:
    c = tmp_path / "c"
    assert cli("init", str(c)).returncode == 0
    text = (c / "stancekit.toml").read_text()
    assert "[match]" in text and "top_k = 5" in text and "# " in text
    assert "us-troops-stay-iraq" in (c / "claims.yaml").read_text()
    r = cli("ingest", "--campaign", str(c), str(seed_path), "--json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["added"] == 1
    assert cli("init", str(c)).returncode == 2


@pytest.mark.parametrize(("section", "line", "message"), [
    ("segment", "workers = 0", r"\[segment\] workers = 0 must be at least 1"),
    ("studio", "overlap = 0", r"\[studio\] overlap = 0 must be at least 1"),
    ("match", "min_score = -3", r"\[match\] min_score = -3.0 must be at least 0"),
])
def test_config_numbers_out_of_range_are_errors(tmp_path: Path, section: str, line: str, message: str) -> None:
    from stancekit.config import load_config
    from stancekit.errors import ConfigError

    (tmp_path / "stancekit.toml").write_text(f"[{section}]\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(tmp_path)
