"""`stancekit export`: Hub layout, datasets round trip with ClassLabel names, byte-identical re-export, the card,
no annotator identity anywhere, --text none + hydrate, push-to-hub errors."""

from __future__ import annotations

import os
from pathlib import Path

import polars as pl
import pytest

from split_export_factory import LABELS, SECRET_EMAILS, USER_NAME, make_campaign
from stancekit.campaign import Campaign
from stancekit.errors import StageError
from stancekit.exports import hydrate
from stancekit.exports.hub import HubError, push_folder
from stancekit.exports.manifest import EMAIL
from stancekit.pipeline.export import run_export
from stancekit.pipeline.split import run_split

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Campaign, Path]:
    c = make_campaign(Campaign.at(tmp_path_factory.mktemp("exp") / "c"))
    run_split(c)
    result = run_export(c)
    return c, result.out


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_layout_is_a_hub_dataset_repo(exported: tuple[Campaign, Path]) -> None:
    _, out = exported
    assert sorted(_files(out)) == [
        "README.md",
        "annotations/test-00000-of-00001.parquet",
        "annotations/train-00000-of-00001.parquet",
        "annotations/validation-00000-of-00001.parquet",
        "claims/claims-00000-of-00001.parquet",
        "data/test-00000-of-00001.parquet",
        "data/train-00000-of-00001.parquet",
        "data/validation-00000-of-00001.parquet",
        "manifest.json",
    ]


def test_round_trip_with_datasets(exported: tuple[Campaign, Path]) -> None:
    import datasets

    c, out = exported
    ds = datasets.load_dataset(str(out))
    assert list(ds) == ["train", "validation", "test"]
    assert ds["train"].features["label"].names == list(LABELS)
    splits = pl.read_parquet(c.table("splits"))
    for name in ds:
        ids = set(ds[name]["id"])
        assert ids == set(splits.filter(pl.col("split") == name)["pair_id"])
    row = ds["train"][0]
    labels = pl.read_parquet(c.table("labels")).filter(pl.col("pair_id") == row["id"]).row(0, named=True)
    assert ds["train"].features["label"].int2str(row["label"]) == labels["label"]
    assert row["votes"] == labels["votes"] and row["n_annotators"] == 3
    assert set(row["context"]) == {"prev", "next"} and row["text"] and row["claim"]
    votes = datasets.load_dataset(str(out), "annotations")
    assert list(votes) == ["train", "validation", "test"]
    assert votes["test"].features["label"].names == list(LABELS)
    for name in votes:  # each vote sits in its pair's split
        assert set(votes[name]["id"]) <= set(ds[name]["id"])
    assert sum(v.num_rows for v in votes.values()) == 3 * sum(d.num_rows for d in ds.values())
    claims = datasets.load_dataset(str(out), "claims")
    assert claims["train"].num_rows == 5 and set(claims["train"]["claim_id"]) == {
        "troops-stay", "fuel-prices-rise", "election-delayed"}


def test_claim_text_follows_the_document_language(exported: tuple[Campaign, Path]) -> None:
    _, out = exported
    df = pl.read_parquet(out / "data")
    ar = df.filter((pl.col("lang") == "ar") & (pl.col("claim_id") == "troops-stay"))
    assert ar.height and set(ar["claim"]) == {"القوات الأمريكية ستبقى في العراق"}
    en_only = df.filter((pl.col("lang") == "ar") & (pl.col("claim_id") == "election-delayed"))
    assert set(en_only["claim"]) <= {"The election will be delayed"}


def test_re_export_is_byte_identical(exported: tuple[Campaign, Path], tmp_path: Path) -> None:
    c, out = exported
    again = run_export(c, tmp_path / "again").out
    assert _files(again) == _files(out)


def test_card_loads_with_hub_metadata(exported: tuple[Campaign, Path]) -> None:
    from huggingface_hub import DatasetCard

    _, out = exported
    card = DatasetCard.load(out / "README.md")
    data = card.data.to_dict()
    documented = {"pretty_name", "language", "license", "annotations_creators", "language_creators",
                  "multilinguality", "size_categories", "source_datasets", "task_categories", "task_ids", "tags",
                  "configs", "dataset_info"}
    assert set(data) <= documented, set(data) - documented
    # the Hub's text-classification subtasks (huggingface.js tasks list)
    assert set(data["task_ids"]) <= {"fact-checking", "multi-input-text-classification", "multi-class-classification",
                                     "natural-language-inference"}
    assert data["multilinguality"] == "multilingual" and data["language_creators"] == ["found"]
    assert data["task_categories"] == ["text-classification"]
    assert data["license"] == "cc-by-4.0" and data["language"] == ["ar", "en"]
    assert data["size_categories"] == ["n<1K"] and data["annotations_creators"] == ["crowdsourced"]
    assert data["source_datasets"] == ["original"]
    assert {c["config_name"] for c in data["configs"]} == {"default", "annotations", "claims"}
    info = {i["config_name"]: i for i in data["dataset_info"]}
    label = next(f for f in info["default"]["features"] if f["name"] == "label")
    assert label["dtype"]["class_label"]["names"] == {str(i): lab for i, lab in enumerate(LABELS)}
    n = {s["name"]: s["num_examples"] for s in info["default"]["splits"]}
    assert n == {s: pl.read_parquet(out / "data" / f"{s}-00000-of-00001.parquet").height for s in n}
    for section in ("## Labels", "## How the data was made", "### Agreement", "## Splits", "Leakage audit",
                    "## Sources and licenses", "## Limitations"):
        assert section in card.text


def test_nothing_of_the_annotators_identity_is_exported(exported: tuple[Campaign, Path]) -> None:
    c, out = exported
    assert any(SECRET_EMAILS[0].encode() in b for b in _files(c.studio).values())  # the traps are really there
    for name, blob in _files(out).items():
        for secret in (*SECRET_EMAILS, USER_NAME, "ping "):
            assert secret.encode() not in blob, (name, secret)
        if name.endswith((".md", ".json")):
            assert not EMAIL.search(blob.decode()), name


def test_annotator_emails_in_the_annotations_table_are_refused(tmp_path: Path) -> None:
    c = make_campaign(Campaign.at(tmp_path / "c"))
    run_split(c)
    votes = pl.read_parquet(c.table("annotations")).with_columns(pl.lit(SECRET_EMAILS[1]).alias("annotator"))
    votes.write_parquet(c.table("annotations"))
    with pytest.raises(StageError, match="pseudonyms"):
        run_export(c)
    assert not (c.export / "data").exists()


def test_text_none_exports_offsets_and_hydrates_back(exported: tuple[Campaign, Path], tmp_path: Path) -> None:
    import datasets

    c, out = exported
    bare = run_export(c, tmp_path / "bare", text="none").out
    df = pl.read_parquet(bare / "data")
    assert not {"text", "context", "title", "speaker", "cue"} & set(df.columns)  # nothing copied from the articles
    assert {"url", "doc_id", "start", "end", "doc_sha256", "speaker_start", "speaker_end", "cue_start",
            "cue_end"} <= set(df.columns)
    docs = pl.read_parquet(c.table("documents"))
    for blob in _files(bare).values():  # no sentence of any article
        assert not any(t.split("\n")[1].encode() in blob for t in docs["text"])
    full = {s: pl.read_parquet(out / "data" / f"{s}-00000-of-00001.parquet") for s in ("train", "test")}
    back = hydrate(bare, c.table("documents"), out=tmp_path / "hydrated")
    for s, frame in full.items():
        restored = ["id", "text", "context", "title", "speaker", "cue"]
        assert frame["speaker"].drop_nulls().len() > 0 and frame["cue"].drop_nulls().len() > 0
        assert back[s].select(restored).equals(frame.select(restored))
    assert datasets.load_dataset(str(bare))["train"].features["label"].names == list(LABELS)
    loaded = datasets.load_dataset("parquet", data_dir=str(tmp_path / "hydrated" / "data"))
    assert {k: v.num_rows for k, v in loaded.items()} == {k: v.height for k, v in back.items()}
    assert loaded["test"].features["label"].names == list(LABELS)


def test_hydrate_refuses_a_different_article_version(exported: tuple[Campaign, Path], tmp_path: Path) -> None:
    from stancekit.errors import InputError

    c, _ = exported
    bare = run_export(c, tmp_path / "bare", text="none").out
    docs = pl.read_parquet(c.table("documents")).with_columns(pl.col("text") + " edited")
    with pytest.raises(InputError, match="differ"):
        hydrate(bare, docs)
    assert hydrate(bare, docs, strict=False)["train"]["text"].null_count() > 0


def test_sharding_by_rows_and_out_keeps_foreign_files(exported: tuple[Campaign, Path], tmp_path: Path) -> None:
    import datasets

    c, _ = exported
    out = tmp_path / "sharded"
    (out / ".git").mkdir(parents=True)
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (out / "data").mkdir()
    (out / "data" / "stale-00000-of-00001.parquet").write_bytes(b"old")
    cfg = c.config_path.read_text()
    c.config_path.write_text(cfg + "\n[export]\nmax_shard_rows = 30\n")
    try:
        run_export(c, out)
    finally:
        c.config_path.write_text(cfg)
    names = sorted(p.name for p in (out / "data").iterdir())
    assert "stale-00000-of-00001.parquet" not in names
    assert [n for n in names if n.startswith("train")] == [f"train-0000{i}-of-00003.parquet" for i in range(3)]
    assert (out / ".git" / "HEAD").exists()
    assert datasets.load_dataset(str(out))["train"].num_rows == pl.read_parquet(out / "data" / "train-*.parquet").height


def test_push_to_hub_errors_are_clear(exported: tuple[Campaign, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    _, out = exported
    with pytest.raises(HubError, match="OWNER/NAME"):
        push_folder(out, "no-slash")
    with pytest.raises(HubError, match="offline"):
        push_folder(out, "someone/stance")
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.delenv("HF_TOKEN", raising=False)
    monkeypatch.setattr("huggingface_hub.get_token", lambda: None)
    with pytest.raises(HubError, match="no token"):
        push_folder(out, "someone/stance")
