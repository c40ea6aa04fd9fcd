"""Discovery and tracking over a small campaign: three outlets, several dates, two tracked claims and one untracked
claim that appears only in unmatched units."""

from __future__ import annotations

from collections import Counter
from datetime import date

import polars as pl
import pytest

from claims_helpers import TRACK_CLAIMS, TRACK_DOCS, tracking_tables
from stancekit.builder.claims import load_registry
from stancekit.campaign import Campaign
from stancekit.errors import ClaimsError
from stancekit.io import read_table, write_table
from stancekit.pipeline.match import run_match
from stancekit.pipeline.track import run_add, run_suggest, run_track


def setup(campaign: Campaign, dated: bool = True) -> None:
    docs, units = tracking_tables(dated)
    write_table(docs, campaign.table("documents"))
    write_table(units, campaign.table("units"))
    (campaign.root / "claims.yaml").write_text(TRACK_CLAIMS, encoding="utf-8")
    run_match(campaign, workers=1)


def expected_pairs() -> dict[str, str]:
    return {text: claim for _, _, _, items in TRACK_DOCS for text, _, claim in items if claim}


def test_match_pairs_as_designed(campaign: Campaign) -> None:
    setup(campaign)
    pairs = read_table(campaign.table("pairs")).join(read_table(campaign.table("units")), on="unit_id")
    assert dict(zip(pairs["text"], pairs["claim_id"], strict=True)) == expected_pairs()


def test_suggest_finds_untracked_claim_and_add_promotes_it(campaign: Campaign) -> None:
    setup(campaign)
    summary = run_suggest(campaign)
    sugg = read_table(campaign.reports / "claim_suggestions.parquet")
    assert summary["suggestions"] == sugg.height == 1
    row = sugg.row(0, named=True)
    assert "Iran" in row["text"] and "elections" in row["text"]
    assert row["size"] == 3 and row["outlets"] == ["alpha", "beta", "gamma"] and row["lang"] == "en"
    assert row["speakers"] == ["diplomats", "officials", "spokesman"]
    assert row["first_seen"].date() == date(2021, 11, 1) and row["last_seen"].date() == date(2021, 11, 16)
    members = read_table(campaign.reports / "claim_suggestion_units.parquet")
    assert members.height == 3 and set(members["suggestion_id"]) == {row["suggestion_id"]}

    before = (campaign.root / "claims.yaml").read_text(encoding="utf-8")
    added = run_add(campaign, row["suggestion_id"], claim_id="iran-early-elections")
    after = (campaign.root / "claims.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n")) and "# the seed claim" in after
    reg = load_registry(campaign.root / "claims.yaml")
    assert reg.ids == ["us-troops-stay-iraq", "oil-prices-fall", "iran-early-elections"]
    assert reg.get("iran-early-elections").text == {"en": row["text"]} and added["claims"] == 3
    with pytest.raises(ClaimsError, match="already exists"):
        run_add(campaign, row["suggestion_id"], claim_id="iran-early-elections")
    with pytest.raises(ClaimsError, match="no suggestion"):
        run_add(campaign, "s000")
    # matched now: the Iran units pair with the new claim and no longer come up as suggestions
    run_match(campaign, workers=1)
    pairs = read_table(campaign.table("pairs"))
    assert (pairs["claim_id"] == "iran-early-elections").sum() == 3
    assert run_suggest(campaign)["suggestions"] == 0


def test_track_counts_per_week_and_outlet(campaign: Campaign) -> None:
    setup(campaign)
    pairs = read_table(campaign.table("pairs"))
    labels = pl.DataFrame({"pair_id": pairs["pair_id"][:2], "label": ["agree", "disagree"]})
    write_table(labels, campaign.table("labels"))
    summary = run_track(campaign, by="week")
    m = read_table(campaign.reports / "track" / "mentions.parquet")
    got = Counter()
    for r in m.iter_rows(named=True):
        got[(r["claim_id"], r["period"], r["outlet"])] += r["mentions"]
    assert dict(got) == {
        ("us-troops-stay-iraq", "2021-11-01", "alpha"): 1, ("us-troops-stay-iraq", "2021-11-01", "beta"): 1,
        ("us-troops-stay-iraq", "2021-11-08", "alpha"): 1,
        ("oil-prices-fall", "2021-11-01", "beta"): 1, ("oil-prices-fall", "2021-11-08", "gamma"): 1,
        ("oil-prices-fall", "2021-11-15", "beta"): 1,
    }
    assert summary["mentions"] == pairs.height == 6
    assert m.select(pl.col("agree", "disagree", "discuss", "unrelated", "unlabelled").sum()).row(0) == (1, 1, 0, 0, 4)
    for cid in ("us-troops-stay-iraq", "oil-prices-fall"):
        png = (campaign.reports / "track" / f"{cid}.png").read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 5000
        page = (campaign.reports / "track" / f"{cid}.html").read_text(encoding="utf-8")
        assert "data:image/png;base64," in page and "http" not in page.replace("http-equiv", "")
    page = (campaign.reports / "track" / "us-troops-stay-iraq.html").read_text(encoding="utf-8")
    assert 'dir="rtl">القوات الأمريكية ستبقى في العراق</p>' in page
    assert (campaign.reports / "track" / "index.html").exists()


def test_track_without_dates(campaign: Campaign) -> None:
    setup(campaign, dated=False)
    summary = run_track(campaign, by="month")
    assert not summary["dated"] and "document order" in summary["notes"][0]
    m = read_table(campaign.reports / "track" / "mentions.parquet")
    oil = m.filter(pl.col("claim_id") == "oil-prices-fall").sort("period")
    assert oil["period"].to_list() == ["doc-000002", "doc-000003", "doc-000005"]
    assert (campaign.reports / "track" / "oil-prices-fall.png").stat().st_size > 1000
