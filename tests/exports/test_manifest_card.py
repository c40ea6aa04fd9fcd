"""Manifest hygiene (no secret, credential, home path or e-mail) and card helpers, on literal inputs."""

from __future__ import annotations

from pathlib import Path

from stancekit.config import parse_config
from stancekit.exports.card import _agreement_lines, hub_license, size_category
from stancekit.exports.manifest import clean_config, dumps_manifest


def test_clean_config_drops_credentials_paths_and_secrets(tmp_path: Path) -> None:
    cfg = parse_config({
        "studio": {"url": "http://admin:hunter2@127.0.0.1:8080/?token=abc", "python": "/home/zelda/venv/bin/python"},
        "sources": {"source": [{"path": "/home/zelda/news/feed.jsonl", "api_key": "xyz"}]},
    })
    clean = clean_config(cfg)
    text = dumps_manifest({"config": clean})
    for secret in ("hunter2", "admin", "token=abc", "zelda", "xyz"):
        assert secret not in text
    assert clean["studio"]["url"] == "http://127.0.0.1:8080/"
    assert clean["studio"]["python"] == "python"
    assert clean["sources"] == [{"path": "feed.jsonl", "api_key": "[secret]"}]


def test_dumps_manifest_redacts_emails_and_is_stable() -> None:
    data = {"b": "write to someone@example.org", "a": [1, 2]}
    text = dumps_manifest(data)
    assert "someone@example.org" not in text and "[redacted]" in text
    assert text == dumps_manifest(dict(reversed(list(data.items()))))


def test_agreement_lines_show_intervals() -> None:
    lines = _agreement_lines({
        "overall": {"krippendorff_alpha": 0.6123, "krippendorff_alpha_ci": [0.5, 0.7], "n_items": 10},
        "per_claim": {"c1": {"krippendorff_alpha": 0.4, "krippendorff_alpha_ci": [0.1, 0.6], "n_items": 4}},
    })
    assert "| krippendorff_alpha | 0.612 | [0.500, 0.700] |" in lines
    assert "| n_items | 10 |  |" in lines
    assert "| c1 | 4 | 0.400 | [0.100, 0.600] |" in lines
    assert "not computed" in _agreement_lines(None)[0]


def test_hub_vocabularies() -> None:
    assert [size_category(n) for n in (0, 999, 1000, 54_321, 1_000_000)] == [
        "n<1K", "n<1K", "1K<n<10K", "10K<n<100K", "1M<n<10M"]
    assert hub_license("CC-BY-4.0") == "cc-by-4.0"
    assert hub_license("All rights reserved") == "other"
    assert hub_license(None) == "unknown"


def _inputs(**kw):  # type: ignore[no-untyped-def]
    from stancekit.exports.card import CardInputs

    base = dict(pretty_name="x", description="", labels=("agree", "disagree"), label_descriptions={},
                scheme_id="stance.v1", languages=["ar"], license="cc-by-4.0", source_licenses={}, sources={},
                outlets=1, text_mode="full", features={}, shards=[], download_size={}, overlap=3,
                guideline="the built-in guideline", segmenters=["rules.v1"], matchers=["m.v1"],
                aggregators=["majority_vote.v1"], decided_by={}, annotators=3, claims=1)
    return CardInputs(**{**base, **kw})


def test_card_says_how_items_were_chosen_and_whether_suggestions_were_seen() -> None:
    from stancekit.exports.card import _selection_lines

    lines = " ".join(_selection_lines(_inputs(selection={"score": 10, "uncertainty": 5}, n_tasks=15,
                                              suggestions={"tfidf_lr.v1@abc": 5})))
    assert "score (10)" in lines and "uncertainty (5)" in lines
    assert "suggestion" in lines and "5 of 15 tasks" in lines and "never counted as votes" in lines
    assert "no model suggestions" in " ".join(_selection_lines(_inputs(n_tasks=4)))
    simulated = _inputs(votes_by_kind={"simulated": 9}, annotators_by_kind={"simulated": 3})
    assert "9 votes in this dataset come from 3 simulated annotators" in " ".join(_selection_lines(simulated))


def test_card_baseline_section() -> None:
    from stancekit.exports.card import _baseline_lines

    assert _baseline_lines(None) == []
    text = "\n".join(_baseline_lines({
        "model": "tfidf_lr.v1", "features": ["f"], "params": {"C": 3.0}, "evaluated_on": "test",
        "test": {"n": 40, "macro_f1": 0.61, "fnc1_weighted": 0.7,
                 "per_class": {"agree": {"precision": 0.5, "recall": 0.6, "f1": 0.55, "support": 20}}},
        "majority_class": {"macro_f1": 0.2}, "warnings": ["small"]}))
    assert "macro-F1 **0.610**" in text and "majority class 0.200" in text and "| agree | 0.500 |" in text
    assert "> small" in text
