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
