"""`stancekit ingest` on values it cannot use: never dropped silently (counted, named in rejects/ingest.parquet)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.errors import ConfigError, InputError
from stancekit.pipeline.ingest import IngestOptions, run_ingest, summary_text


def docs(c: Campaign) -> pl.DataFrame:
    return pl.read_parquet(c.table("documents")).sort("doc_id")


def rejects(c: Campaign) -> pl.DataFrame:
    return pl.read_parquet(c.rejects_path("ingest")).sort("source", "source_row")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "stancekit.cli", *args], capture_output=True, text=True, check=False)


BAD_DATES_CSV = (
    "id,text,date\n"
    "1,First.,2024-02-30\n"
    "2,Second.,March 5 2024\n"
    "3,Third.,not a date\n"
    "4,Fourth.,2024-13-01\n"
    "5,Fifth.,01/02/2024\n"
    "6,Sixth.,2024-03-05T10:00:00+03:00\n"
)


def test_bad_dates_keep_the_document_and_are_reported(campaign: Campaign, tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(BAD_DATES_CSV)
    s = run_ingest(campaign, [str(p)], IngestOptions())
    assert s["added"] == 6 and s["rejected"] == 0
    assert s["kept_with_warnings"] == {"bad_date": 4}
    d = docs(campaign)
    assert [str(x) if x else None for x in d["published_at"]] == [
        None, "2024-03-05 00:00:00+00:00", None, None, None, "2024-03-05 07:00:00+00:00"
    ]
    r = rejects(campaign)
    assert r["reason"].to_list() == ["bad_date"] * 4
    assert r["source_row"].to_list() == [1, 3, 4, 5] and r["key"].to_list() == ["1", "3", "4", "5"]
    assert r["detail"][3] == (
        f"{p} row 5: date '01/02/2024' is ambiguous (1 February or January 2); pass --date-format '%d/%m/%Y' "
        "(day first) or '%m/%d/%Y' (month first); the document is kept without a date"
    )
    text = summary_text(s, campaign)
    assert "6 new document(s), 0 rejected" in text and "4 kept without a date" in text
    assert "see rejects/ingest.parquet" in text
    again = run_ingest(campaign, [str(p)], IngestOptions())  # re-ingesting adds no second warning
    assert again["kept_with_warnings"] == {} and rejects(campaign).height == 4
    assert "see rejects" not in summary_text(again, campaign)


def test_date_format_option_and_config(campaign: Campaign, tmp_path: Path) -> None:
    p = tmp_path / "a.tsv"
    p.write_text("id\ttext\tdate\n1\tFirst.\t01/02/2024\n2\tSecond.\t2024-03-05\n")
    s = run_ingest(campaign, [str(p)], IngestOptions(date_format="%m/%d/%Y"))
    assert s["kept_with_warnings"] == {}
    dates = [str(x) for x in docs(campaign)["published_at"]]
    assert dates == ["2024-01-02 00:00:00+00:00", "2024-03-05 00:00:00+00:00"]
    other = Campaign.at(tmp_path / "other")
    other.ensure()
    (other.root / "stancekit.toml").write_text('[ingest]\ndate_format = "%d/%m/%Y"\n')
    run_ingest(other, [str(p)], IngestOptions())
    assert str(docs(other)["published_at"][0]) == "2024-02-01 00:00:00+00:00"
    (other.root / "stancekit.toml").write_text('[ingest]\ndate_format = "%d/%m"\n')
    with pytest.raises(ConfigError, match=r"stancekit\.toml: \[ingest\] date_format '%d/%m' is not a strptime"):
        run_ingest(other, [str(p)], IngestOptions())


def test_bad_dates_in_jsonl_parquet_and_hf_dataset(campaign: Campaign, tmp_path: Path) -> None:
    import datasets

    (tmp_path / "a.jsonl").write_text(
        json.dumps({"text": "J one.", "published_at": "2024-02-30"}) + "\n"
        + json.dumps({"text": "J two.", "published_at": 1709632800}) + "\n"
    )
    pl.DataFrame({"text": ["P one.", "P two."], "date": [date(2024, 3, 5), None]}).write_parquet(tmp_path / "b.parquet")
    pl.DataFrame({"text": ["Q one."], "date": ["02/03/2024"]}).write_parquet(tmp_path / "c.parquet")
    datasets.Dataset.from_dict({"text": ["H one."], "date": ["not a date"]}).save_to_disk(str(tmp_path / "hf"))
    paths = [str(tmp_path / n) for n in ("a.jsonl", "b.parquet", "c.parquet", "hf")]
    s = run_ingest(campaign, paths, IngestOptions())
    assert s["added"] == 6 and s["kept_with_warnings"] == {"bad_date": 3}
    got = docs(campaign)
    d = {t: (str(x) if x else None) for t, x in zip(got["text"], got["published_at"], strict=True)}
    assert d == {
        "J one.": None,
        "J two.": "2024-03-05 10:00:00+00:00",
        "P one.": "2024-03-05 00:00:00+00:00",
        "P two.": None,  # empty: nothing to report
        "Q one.": None,
        "H one.": None,
    }
    details = rejects(campaign)["detail"].to_list()
    assert any("a.jsonl row 1: published_at '2024-02-30'" in x for x in details)
    assert any("c.parquet row 1: date '02/03/2024' is ambiguous" in x for x in details)
    assert any("hf row 1: date 'not a date'" in x for x in details)


def test_cli_date_format_and_summary(tmp_path: Path) -> None:
    c = tmp_path / "c"
    assert cli("init", str(c)).returncode == 0
    (tmp_path / "a.csv").write_text(BAD_DATES_CSV)
    r = cli("ingest", "--campaign", str(c), str(tmp_path / "a.csv"))
    assert r.returncode == 0, r.stderr
    flat = " ".join(r.stderr.split())  # the human summary goes to stderr
    assert "4 kept without a date (unreadable date); see rejects/ingest.parquet" in flat
    r = cli("ingest", "--campaign", str(c), "--date-format", "%Y", str(tmp_path / "a.csv"))
    assert r.returncode == 2 and "--date-format '%Y' is not a strptime date format" in r.stderr


def test_lang_option_config_and_column(campaign: Campaign, tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text("id,text,lang\n1,The army said it will stay.,xx\n2,Second one said the same.,EN\n")
    with pytest.raises(ConfigError, match="--lang 'xx' is not an ISO 639-1"):
        run_ingest(campaign, [str(p)], IngestOptions(lang="xx"))
    with pytest.raises(ConfigError, match=r"--lang 'english' .*; use 'en'"):
        run_ingest(campaign, [str(p)], IngestOptions(lang="english"))
    assert not campaign.table("documents").exists()  # nothing half-done
    s = run_ingest(campaign, [str(p)], IngestOptions())
    assert s["added"] == 2 and s["kept_with_warnings"] == {"bad_lang": 1}
    assert docs(campaign)["lang"].to_list() == ["en", "en"]
    r = rejects(campaign).row(0, named=True)
    assert r["reason"] == "bad_lang" and r["source_row"] == 1 and r["key"] == "1"
    assert f"{p} row 1: lang 'xx' is not an ISO 639-1 language code" in r["detail"]
    assert "kept with a fallback language" in summary_text(s, campaign)
    (campaign.root / "stancekit.toml").write_text('[ingest]\ndefault_lang = "arabic"\n')
    with pytest.raises(ConfigError, match=r"stancekit\.toml: \[ingest\] default_lang 'arabic' .*; use 'ar'"):
        run_ingest(campaign, [str(p)], IngestOptions())


def test_cli_unterminated_quote_exits_2_and_ingests_nothing(tmp_path: Path) -> None:
    c = tmp_path / "c"
    assert cli("init", str(c)).returncode == 0
    (tmp_path / "a.csv").write_text('id,text\n1,"unterminated quote\n2,fine\n')
    r = cli("ingest", "--campaign", str(c), str(tmp_path / "a.csv"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "a.csv:2: a quoted field starts on this line and is never closed" in " ".join(r.stderr.split())
    assert not (c / "tables" / "documents.parquet").exists()


def test_jsonl_rows_with_body_and_an_empty_jsonl(campaign: Campaign, tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "1", "text": "With text."}\n{"id": "2", "body": "With body."}\n{"id": "3", "title": "T"}\n')
    (tmp_path / "empty.jsonl").write_text("")
    with pytest.raises(InputError, match=r"empty\.jsonl: holds no articles"):
        run_ingest(campaign, [str(p), str(tmp_path / "empty.jsonl")], IngestOptions())
    assert not campaign.table("documents").exists()  # the error leaves nothing half-ingested
    s = run_ingest(campaign, [str(p)], IngestOptions())
    assert s["added"] == 2 and s["rejected"] == 1
    assert docs(campaign)["text"].to_list() == ["With text.", "With body."]
    r = rejects(campaign).row(0, named=True)
    assert r["reason"] == "empty_text" and r["source_row"] == 3
    assert "looked for the fields text, body, content, article, article_text" in r["detail"]
    assert summary_text(s, campaign).endswith("1 rejected, 0 already there; 2 in tables/documents.parquet; "
                                              "see rejects/ingest.parquet (one row per problem, with file, row "
                                              "and reason)")
