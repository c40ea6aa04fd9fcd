"""The bundled demo corpus (src/stancekit/examples/demo): files parse, fields and cross-references are consistent."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from stancekit.examples import DEMO_FILES, demo_dir
from stancekit.schemas.labels import DEFAULT_SCHEME

FIELDS = ("id", "title", "text", "published_at", "url", "outlet", "lang", "license")
CLAIM_IDS = ("us-troops-stay-iraq", "iraq-elections-fraud", "iran-drone-program-threat")
SEED_DOC_ID = "us-forces-iraq.ar"
NEAR_DUPLICATE = ("gulfwire-2021-12-09-us-troops-stay", "tigris-2021-12-10-us-forces-remain")
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
LATIN_LETTER = re.compile("[A-Za-z]")


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    path = demo_dir() / "articles.jsonl"
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"articles.jsonl:{n}: blank line"
        out.append(json.loads(line))
    return out


@pytest.fixture(scope="module")
def claims() -> list[dict[str, Any]]:
    data = YAML(typ="safe").load(demo_dir() / "claims.yaml")
    return list(data["claims"])


@pytest.fixture(scope="module")
def answers() -> list[dict[str, str]]:
    with (demo_dir() / "answers.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_demo_dir_holds_every_file() -> None:
    d = demo_dir()
    assert d.is_dir()
    for name in DEMO_FILES:
        assert (d / name).is_file(), name


def test_articles_fields_and_values(articles: list[dict[str, Any]]) -> None:
    assert 16 <= len(articles) <= 20
    for a in articles:
        assert set(FIELDS) <= set(a), a.get("id")
        assert all(isinstance(a[k], str) and a[k].strip() for k in FIELDS), a["id"]
        assert a["lang"] in ("ar", "en")
        assert a["license"] == "CC-BY-4.0"
        assert re.fullmatch(r"https://[a-z0-9-]+\.example/\S+", a["url"]), a["url"]
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", a["id"]), a["id"]
        assert a["text"].split("\n", 1)[0] == a["title"], f"{a['id']}: the text must start with the title line"
        assert "\r" not in a["text"] and a["text"] == a["text"].strip()
        letters = ARABIC_LETTER if a["lang"] == "ar" else LATIN_LETTER
        assert letters.search(a["title"]), f"{a['id']}: title not in {a['lang']}"


def test_articles_ids_unique_and_languages_balanced(articles: list[dict[str, Any]]) -> None:
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids))
    assert SEED_DOC_ID not in ids
    langs = Counter(a["lang"] for a in articles)
    assert abs(langs["ar"] - langs["en"]) <= 2, langs
    outlets = {(a["outlet"], a["lang"]) for a in articles}
    assert 5 <= len({o for o, _ in outlets}) <= 6
    assert {lang for _, lang in outlets} == {"ar", "en"}


def test_dates_parse_and_span_the_period(articles: list[dict[str, Any]]) -> None:
    days = [date.fromisoformat(a["published_at"]) for a in articles]
    assert all(date(2021, 10, 1) <= d <= date(2022, 3, 31) for d in days)
    assert len({d.isocalendar()[:2] for d in days}) >= 8  # spread over many weeks


def test_claims_registry(claims: list[dict[str, Any]]) -> None:
    by_id = {c["claim_id"]: c for c in claims}
    assert set(CLAIM_IDS) <= set(by_id)
    assert claims[0]["claim_id"] == "us-troops-stay-iraq"
    assert claims[0]["text"] == {"en": "US troops will stay in Iraq", "ar": "القوات الأمريكية ستبقى في العراق"}
    for c in claims:
        assert c["text"]["en"].strip() and ARABIC_LETTER.search(c["text"]["ar"]), c["claim_id"]
        assert c["aliases"]["en"] and c["aliases"]["ar"], c["claim_id"]
        assert c["keywords"]["en"] and c["keywords"]["ar"], c["claim_id"]
        assert isinstance(c["active"]["from"], date), c["claim_id"]
        assert isinstance(c["notes"], str) and "Agree" in c["notes"] and "Disagree" in c["notes"], c["claim_id"]


def test_answers_refer_to_known_docs_claims_and_labels(
    articles: list[dict[str, Any]], claims: list[dict[str, Any]], answers: list[dict[str, str]]
) -> None:
    docs = {a["id"] for a in articles} | {SEED_DOC_ID}
    claim_ids = {c["claim_id"] for c in claims}
    assert answers and set(answers[0]) == {"doc_id", "claim_id", "label"}
    for n, row in enumerate(answers, 2):
        assert row["doc_id"] in docs, f"answers.csv:{n}: unknown doc_id {row['doc_id']!r}"
        assert row["claim_id"] in claim_ids, f"answers.csv:{n}: unknown claim_id {row['claim_id']!r}"
        assert row["label"] in DEFAULT_SCHEME, f"answers.csv:{n}: label {row['label']!r} not in the default scheme"
    keys = [(r["doc_id"], r["claim_id"]) for r in answers]
    assert len(keys) == len(set(keys)), "answers.csv: a (doc_id, claim_id) pair appears twice"


def test_every_claim_has_every_stance_in_both_languages(
    articles: list[dict[str, Any]], answers: list[dict[str, str]]
) -> None:
    lang = {a["id"]: a["lang"] for a in articles} | {SEED_DOC_ID: "ar"}
    outlet = {a["id"]: a["outlet"] for a in articles} | {SEED_DOC_ID: "seed"}
    for cid in CLAIM_IDS:
        rows = [r for r in answers if r["claim_id"] == cid and r["label"] != "unrelated"]
        assert {r["label"] for r in rows} == {"agree", "disagree", "discuss"}, cid
        assert {lang[r["doc_id"]] for r in rows} == {"ar", "en"}, cid
        assert len({outlet[r["doc_id"]] for r in rows}) >= 3, cid


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def test_near_duplicate_pair_is_near_and_others_are_not(articles: list[dict[str, Any]]) -> None:
    sh = {a["id"]: _shingles(a["text"]) for a in articles}

    def jac(x: str, y: str) -> float:
        return len(sh[x] & sh[y]) / len(sh[x] | sh[y])

    a, b = NEAR_DUPLICATE
    assert jac(a, b) >= 0.8
    others = [jac(x, y) for x in sh for y in sh if x < y and {x, y} != set(NEAR_DUPLICATE)]
    assert max(others) < 0.3


def test_seed_copy_is_byte_identical(seed_path: Path) -> None:
    assert (demo_dir() / "us-forces-iraq.ar.txt").read_bytes() == seed_path.read_bytes()
