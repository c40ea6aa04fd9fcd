"""manifest.json hashes every ingest source on this machine: a file, a folder (of .txt files, a saved Hugging Face
dataset) or a glob; a URL is named only."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from split_export_factory import make_campaign
from stancekit.campaign import Campaign
from stancekit.exports.manifest import sha256_tree, source_entry
from stancekit.pipeline.export import run_export
from stancekit.pipeline.split import run_split


def _write(root: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def test_folder_hash_is_over_sorted_paths_sizes_and_file_hashes(tmp_path: Path) -> None:
    root = _write(tmp_path / "txt", {"b.txt": b"second", "a.txt": b"first", "sub/c.txt": b"third",
                                     ".DS_Store": b"junk", ".git/HEAD": b"ref"})
    lines = "".join(f"{rel}\x1f{len(data)}\x1f{hashlib.sha256(data).hexdigest()}\n"
                    for rel, data in (("a.txt", b"first"), ("b.txt", b"second"), ("sub/c.txt", b"third")))
    assert sha256_tree(root) == {"sha256": hashlib.sha256(lines.encode()).hexdigest(), "bytes": 16, "files": 3}


def test_folder_hash_follows_content_not_location(tmp_path: Path) -> None:
    root = _write(tmp_path / "txt", {"a.txt": b"first", "b.txt": b"second"})
    before = sha256_tree(root)
    assert sha256_tree(Path(shutil.copytree(root, tmp_path / "elsewhere" / "copy"))) == before
    (root / "b.txt").write_bytes(b"secoNd")
    edited = sha256_tree(root)
    assert edited["sha256"] != before["sha256"] and edited["bytes"] == before["bytes"]
    (root / "b.txt").rename(root / "c.txt")
    assert sha256_tree(root)["sha256"] != edited["sha256"]
    (root / "d.txt").write_bytes(b"")
    assert sha256_tree(root)["files"] == 3


@settings(deadline=None, max_examples=25)
@given(st.dictionaries(st.from_regex(r"[a-z]{1,6}(/[a-z]{1,6})?\.txt", fullmatch=True), st.binary(max_size=64),
                       min_size=1, max_size=6))
def test_folder_hash_does_not_depend_on_write_order(files: dict[str, bytes]) -> None:
    import tempfile

    dirs = {rel.split("/")[0] for rel in files if "/" in rel}
    if any(rel in dirs for rel in files):  # a name used both as a file and as a folder
        return
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        forward = _write(Path(a), files)
        backward = _write(Path(b), dict(reversed(list(files.items()))))
        assert sha256_tree(forward) == sha256_tree(backward)
        assert sha256_tree(forward)["bytes"] == sum(map(len, files.values()))


def test_source_entries_by_kind(tmp_path: Path) -> None:
    c = Campaign.at(tmp_path / "c")
    c.ensure()
    root = _write(tmp_path / "corpus", {"2024/a.txt": b"one", "2024/b.md": b"two", "2025/c.txt": b"three"})
    folder = source_entry(c, str(root))
    assert (folder["kind"], folder["name"], folder["files"], folder["bytes"]) == ("directory", "corpus", 3, 11)
    glob = source_entry(c, str(root / "*" / "*.txt"))
    assert glob["kind"] == "glob" and glob["name"] == "corpus/*/*.txt" and (glob["files"], glob["bytes"]) == (2, 8)
    one = source_entry(c, str(root / "2024" / "a.txt"))
    assert one == {"name": "a.txt", "kind": "file", "sha256": hashlib.sha256(b"one").hexdigest(), "bytes": 3,
                   "files": 1}
    assert source_entry(c, "https://news.example/feeds/day.jsonl?token=x") == {"name": "day.jsonl", "kind": "url"}
    assert source_entry(c, str(tmp_path / "gone"))["missing"] is True


def test_manifest_hashes_folder_and_saved_dataset_sources(tmp_path: Path) -> None:
    import datasets

    txt = _write(tmp_path / "txt", {"one.txt": b"Title\nBody.", "two.txt": b"Other\nText."})
    hfds = tmp_path / "hfds"
    datasets.Dataset.from_dict({"text": ["a", "b"], "id": ["1", "2"]}).save_to_disk(str(hfds))
    config = f'[[sources.source]]\npath = "{txt}"\n\n[[sources.source]]\npath = "{hfds}"\ntext_column = "text"\n'
    c = make_campaign(Campaign.at(tmp_path / "c"), n_docs=6, near_dups=0, config=config)
    run_split(c)
    out = run_export(c, tmp_path / "out").out
    text = (out / "manifest.json").read_text(encoding="utf-8")
    sources = json.loads(text)["inputs"]["sources"]
    assert [(s["name"], s["kind"]) for s in sources] == [("txt", "directory"), ("hfds", "directory")]
    assert sources[0] == {"name": "txt", "kind": "directory", **sha256_tree(txt)}
    hf_files = [p for p in hfds.rglob("*") if p.is_file()]
    assert sources[1]["files"] == len(hf_files) >= 2 and sources[1]["bytes"] == sum(p.stat().st_size for p in hf_files)
    assert str(tmp_path) not in text
