"""The HTML report: self-contained, and rendered in headless Chromium (Debian's) with no console errors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
import pytest

from stancekit.exports.report import ReportData, render_report


def sample() -> ReportData:
    return ReportData(
        title="stancekit campaign: test",
        counts={"documents": 3, "pairs": 12},
        labels=("agree", "disagree", "discuss", "unrelated"),
        label_by_split=pl.DataFrame({"split": ["train", "train", "test"], "label": ["agree", "disagree", "agree"],
                                     "n": [5, 3, 2]}),
        agreement={
            "labels": ["agree", "disagree", "discuss", "unrelated"],
            "overall": {"krippendorff_alpha": 0.61, "krippendorff_alpha_ci": [0.5, 0.7], "n_items": 12},
            "per_claim": {"us-troops-stay-iraq": {"n_items": 12, "krippendorff_alpha": 0.61,
                                                  "krippendorff_alpha_ci": [0.5, 0.7]}},
            "per_annotator": {"ann-1": {"n_votes": 12, "accuracy_vs_consensus": 0.9,
                                        "confusion_vs_consensus": {"matrix": [[3, 1, 0, 0], [0, 2, 0, 0], [0, 0, 1, 0],
                                                                              [0, 0, 0, 5]]}}},
            "warnings": ["fewer than 30 items"],
        },
        claims={"us-troops-stay-iraq": {"text": {"en": "US troops will stay in Iraq",
                                                 "ar": "القوات الأمريكية ستبقى في العراق"}}},
        mentions=pl.DataFrame({"claim_id": ["us-troops-stay-iraq"] * 3, "period": ["2021-12-06", "2021-12-13",
                                                                                  "2021-12-13"],
                               "outlet": ["A", "A", "B"], "speaker": [None, None, None], "mentions": [2, 1, 4]}),
        rejects=pl.DataFrame({"stage": ["merge"], "reason": ["tie_undecided"], "n": [2]}),
        audit={"ok": True, "overlap": {"document": {"crossing": 0}}},
    )


def test_report_is_self_contained() -> None:
    html = render_report(sample())
    assert html.count("<svg") == 2
    assert 'dir="rtl" lang="ar">القوات الأمريكية' in html
    for bad in ("<script src", "<link ", "@import", "url(http"):
        assert bad not in html
    assert "tie_undecided" in html and "[0.500, 0.700]" in html


def test_empty_campaign_says_what_to_run() -> None:
    html = render_report(ReportData(title="empty"))
    assert "stancekit merge" in html and "stancekit split" in html and "stancekit track" in html


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("STANCEKIT_REQUIRE_STUDIO"):
            pytest.fail("Debian's chromium is not installed (CI installs it with apt)")
        pytest.skip("no chromium on this machine (apt install chromium)")
    return path


def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    exe = _chromium()
    page_file = tmp_path / "report.html"
    page_file.write_text(render_report(sample()), encoding="utf-8")
    errors: list[str] = []
    requests: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run"])
        page = browser.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(page_file.as_uri())
        assert page.locator("svg").count() == 2
        assert page.locator("figure#plot-label-split svg").bounding_box()["height"] > 50  # type: ignore[index]
        direction = page.eval_on_selector('span[lang="ar"]', "e => getComputedStyle(e).direction")
        assert direction == "rtl"
        shot = page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        browser.close()
    assert len(shot) > 10_000
    assert errors == []
    assert [u for u in requests if not u.startswith(("file:", "data:"))] == []


def test_report_of_a_fresh_campaign_shows_claim_texts(campaign) -> None:  # type: ignore[no-untyped-def]
    from stancekit.pipeline.report import gather, run_report

    data = gather(campaign)
    assert data.claims["us-troops-stay-iraq"]["text"] == {"en": "US troops will stay in Iraq",
                                                         "ar": "القوات الأمريكية ستبقى في العراق"}
    html = Path(run_report(campaign)["path"]).read_text(encoding="utf-8")
    assert "stancekit merge" in html  # nothing labelled yet: the report says what to run


def test_audit_table_marks_enforced_keys() -> None:
    data = sample()
    data.audit = {"ok": False, "enforced": ["doc_id"], "group_by": "document", "rule": {"ratios": [0.8, 0.1, 0.1]},
                  "overlap": {"doc_id": {"values": 5, "crossing": 1, "between": {"train/test": 1}},
                              "outlet": {"values": 2, "crossing": 2, "between": {}}}}
    html = render_report(data)
    assert "✗ leakage" in html and "<td class=bad>1</td>" in html
