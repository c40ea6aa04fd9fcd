"""pair_context: the task context of some pairs, read through filtered scans of sharded units and documents."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from stancekit.campaign import Campaign
from stancekit.errors import StudioError
from stancekit.io import write_table
from stancekit.labeling.tasks import Claim
from stancekit.pipeline.push import pair_context, require_claims
from stancekit.schemas import DEFAULT_SCHEME, DOCUMENTS, UNITS, conform


def _unit(uid: str, doc: str, text: str, prev: str | None, nxt: str | None) -> dict[str, object]:
    return {"unit_id": uid, "doc_id": doc, "start": 0, "end": len(text), "text": text, "kind": "body",
            "boilerplate_kind": None, "position": 0, "prev_unit_id": prev, "next_unit_id": nxt,
            "segmenter": "rules.v2", "is_claim": False, "speaker": None, "speaker_start": None, "speaker_end": None,
            "cue": None, "cue_start": None, "cue_end": None, "quote_type": None}


def test_units_neighbours_and_documents_come_from_every_shard(tmp_path: Path) -> None:
    camp = Campaign.at(tmp_path / "c")
    camp.ensure()
    docs = pl.DataFrame([{"doc_id": d, "text": "x", "title": f"title {d}", "lang": "en", "source": "s",
                          "source_row": i, "content_hash": d, "published_at": None, "url": None, "outlet": "o",
                          "license": None, "duplicate_of": None} for i, d in enumerate(["d1", "d2", "d3"])])
    write_table(conform(docs, DOCUMENTS), camp.table("documents"))
    units = [_unit("a", "d1", "A.", None, "b"), _unit("b", "d1", "B.", "a", "c"), _unit("c", "d1", "C.", "b", None),
             _unit("x", "d3", "X.", None, None)]
    shards = camp.table("units")
    shards.mkdir(parents=True)
    for i, part in enumerate([units[:1], units[1:2], units[2:]]):  # the neighbours of b sit in other shards
        write_table(conform(pl.DataFrame(part), UNITS), shards / f"part-{i:020d}.parquet")
    pairs = pl.DataFrame({"pair_id": ["p1"], "unit_id": ["b"], "claim_id": ["c1"], "score": [0.5], "rank": [1],
                          "method": ["m"]})
    got = pair_context(camp, pairs, DEFAULT_SCHEME)
    row = got.row(0, named=True)
    assert (row["unit"], row["context_before"], row["context_after"]) == ("B.", "A.", "C.")
    assert (row["headline"], row["lang"], row["segmenter"], row["matcher"]) == ("title d1", "en", "rules.v2", "m")
    assert row["task_key"].startswith("t") and got.height == 1


def test_claims_missing_from_the_registry_are_named() -> None:
    claims = {"c1": Claim("c1", {"en": "x"}, "")}
    require_claims(pl.DataFrame({"claim_id": ["c1", "c1"]}), claims, subject="s", fix="f")  # all known: no error
    with pytest.raises(StudioError, match=r"^tables/pairs.parquet names claim\(s\) not in the claims registry: "
                                          r"c2, c3; re-run it$"):
        require_claims(pl.DataFrame({"claim_id": ["c3", "c1", "c2"]}), claims, subject="tables/pairs.parquet names",
                       fix="re-run it")
