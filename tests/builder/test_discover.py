"""Discovery: unmatched claim units cluster into suggestions; near-duplicates and paraphrases, Arabic-normalised."""

from __future__ import annotations

import polars as pl

from stancekit.builder.discover import cluster_texts, suggest_claims


def frame(texts: list[str], outlets: list[str] | None = None) -> pl.DataFrame:
    n = len(texts)
    return pl.DataFrame({
        "unit_id": [f"u{i:03d}" for i in range(n)], "doc_id": [f"d{i}" for i in range(n)], "text": texts,
        "speaker": [f"s{i % 2}" for i in range(n)], "outlet": outlets or ["a"] * n,
        "published_at": pl.Series([None] * n, dtype=pl.Datetime("us", "UTC")), "lang": ["en"] * n})


def test_clusters_paraphrases_and_arabic_variants() -> None:
    texts = [
        "Iran will hold early elections in March",
        "Iran is to hold early elections in March, officials said",
        "The bridge over the river opened yesterday",
        "القوات الأمريكية ستبقى في العراق",
        "القوات الامريكيه ستبقي في العراق",  # the same, written without hamza / ta marbuta
        "Oil companies report record profits",
    ]
    labels = cluster_texts(texts)
    assert labels[0] == labels[1]
    assert labels[3] == labels[4]
    assert len({labels[0], labels[2], labels[3], labels[5]}) == 4


def test_suggestions_are_order_independent() -> None:
    texts = ["Iran will hold early elections in March", "Iran is to hold early elections in March, officials said",
             "Iran to hold early elections in March", "A lone sentence about cheese"]
    units = frame(texts, ["a", "b", "c", "a"])
    s1, m1 = suggest_claims(units)
    s2, m2 = suggest_claims(units.reverse())
    assert s1.equals(s2) and m1.sort("unit_id").equals(m2.sort("unit_id"))
    assert s1.height == 1
    row = s1.row(0, named=True)
    assert row["size"] == 3 and row["outlets"] == ["a", "b", "c"] and row["speakers"] == ["s0", "s1"]
    assert "Iran" in row["text"] and row["examples"][0] == row["text"]
    assert set(m1["unit_id"]) == {"u000", "u001", "u002"}


def test_no_suggestion_below_min_size() -> None:
    s, m = suggest_claims(frame(["one thing", "entirely different matter"]))
    assert s.height == 0 and m.height == 0


def test_large_chained_component_is_split() -> None:
    from stancekit.builder.discover import cluster_texts

    # two tight groups joined by a chain of in-between sentences: with max_size small, the groups come apart
    a = [f"gold prices rise to a record high in {m}" for m in ("May", "June", "July", "August")]
    b = [f"gold prices fall to a record low in {m}" for m in ("May", "June", "July", "August")]
    loose = cluster_texts(a + b, threshold=0.3, max_size=100)
    assert len(set(loose)) == 1
    tight = cluster_texts(a + b, threshold=0.3, max_size=4)
    assert len(set(tight[:4])) == 1 and len(set(tight[4:])) == 1 and tight[0] != tight[4]
