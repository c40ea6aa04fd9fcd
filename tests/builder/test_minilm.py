"""The numpy all-MiniLM-L6-v2 encoder reproduces sentence-transformers' embeddings, checks its weights, and gives a
text the same vector whatever else is encoded with it."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from semantic_helpers import model_dir
from stancekit.builder.minilm import MiniLM, read_safetensors
from stancekit.errors import ConfigError

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "minilm_reference.json"


@pytest.fixture(scope="module")
def encoder() -> MiniLM:
    m = MiniLM(model_dir())
    m.check()
    return m


def test_matches_sentence_transformers(encoder: MiniLM) -> None:
    ref = json.loads(REFERENCE.read_text(encoding="utf-8"))
    got = encoder.encode(ref["texts"])
    want = np.array(ref["embeddings"], dtype=np.float32)
    assert got.shape == want.shape == (3, 384)
    assert np.abs(got - want).max() < 1e-5
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


def test_a_texts_vector_does_not_depend_on_its_batch(encoder: MiniLM) -> None:
    texts = ["US troops will stay in Iraq", "Oil prices rise", "A much longer sentence about the central bank."]
    together = encoder.encode(texts)
    for i, t in enumerate(texts):
        assert np.array_equal(encoder.encode([t])[0], together[i])
    assert np.array_equal(encoder.encode(texts[::-1])[::-1], together)


def test_pickles_without_its_weights(encoder: MiniLM) -> None:
    blob = pickle.dumps(encoder)
    assert len(blob) < 10_000
    clone = pickle.loads(blob)
    assert np.array_equal(clone.encode(["Oil prices rise"]), encoder.encode(["Oil prices rise"]))


def test_altered_weights_are_refused(tmp_path: Path) -> None:
    src = model_dir()
    for name in ("config.json", "tokenizer.json"):
        (tmp_path / name).symlink_to(src / name)
    (tmp_path / "model.safetensors").write_bytes((8).to_bytes(8, "little") + b'{"a":1} ')
    with pytest.raises(ConfigError, match=r"SHA-256 .* is not the published"):
        MiniLM(tmp_path).check()


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"model\.safetensors not found; install"):
        MiniLM(tmp_path).check()


def test_read_safetensors_reads_shapes_and_values(tmp_path: Path) -> None:
    data = np.arange(6, dtype=np.float32).tobytes()
    header = json.dumps({"__metadata__": {"format": "pt"},
                         "w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}}).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(len(header).to_bytes(8, "little") + header + data)
    out = read_safetensors(path)
    assert list(out) == ["w"]
    assert out["w"].tolist() == [[0, 1, 2], [3, 4, 5]]
    path.write_bytes(b"abc")
    with pytest.raises(ConfigError, match="not a safetensors file"):
        read_safetensors(path)
