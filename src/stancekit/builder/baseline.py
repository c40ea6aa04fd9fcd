"""A baseline stance classifier (``tfidf_lr.v1``): word and character n-grams of claim + unit + context,
Arabic-normalised, claim-unit similarity features, into a logistic regression tuned on validation.

It shows that an export is training-ready and gives the campaign a model for pre-annotations and active sampling.
The model sees only text and the claim; nothing from the annotators.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, f1_score, precision_recall_fscore_support
from sklearn.preprocessing import normalize

from stancekit.builder.normalize import normalize_text
from stancekit.errors import StageError

MODEL_NAME = "tfidf_lr.v1"
_NEG = re.compile(
    r"\b(?:not|no|never|deny|denies|denied|false|won't|will not|rejects?|rejected|refutes?|"
    r"لا|لن|لم|ليس|ليست|غير|نفى|ينفي|نفت|تنفي|ينفى|رفض|يرفض|عدم|كذب|مزاعم|شائعات)\b"
)
_WORD = re.compile(r"\w+")


def _norm(texts: list[str]) -> list[str]:
    return [normalize_text(t or "") for t in texts]


def _overlap(claims: list[str], units: list[str]) -> np.ndarray:
    out = np.zeros((len(claims), 2))
    for i, (c, u) in enumerate(zip(claims, units, strict=True)):
        cw, uw = set(_WORD.findall(c)), set(_WORD.findall(u))
        if cw:
            out[i, 0] = len(cw & uw) / len(cw)
        if cw | uw:
            out[i, 1] = len(cw & uw) / len(cw | uw)
    return out


@dataclass
class BaselineModel:
    """Fitted vectorisers + logistic regression; ``predict_proba`` takes claim, unit and context texts."""

    labels: tuple[str, ...]
    C: float = 1.0
    seed: int = 13
    name: str = MODEL_NAME
    features: tuple[str, ...] = ("word 1-2gram tf-idf of claim+unit+context", "char 2-5gram tf-idf of the unit",
                                 "claim-unit char tf-idf cosine", "claim-unit word overlap and Jaccard",
                                 "negation cues in unit and claim")
    _word: TfidfVectorizer = field(init=False, repr=False)
    _char: TfidfVectorizer = field(init=False, repr=False)
    _lr: LogisticRegression = field(init=False, repr=False)

    def _dense(self, claims: list[str], units: list[str]) -> sp.csr_matrix:
        cv = normalize(self._char.transform(claims))
        uv = normalize(self._char.transform(units))
        cos = np.asarray(cv.multiply(uv).sum(axis=1)).ravel()
        neg_u = np.array([len(_NEG.findall(u)) > 0 for u in units], dtype=float)
        neg_c = np.array([len(_NEG.findall(c)) > 0 for c in claims], dtype=float)
        dense = np.column_stack([cos, _overlap(claims, units), neg_u, neg_c, neg_u * (1 - neg_c), neg_c * (1 - neg_u)])
        return sp.csr_matrix(dense)

    def _matrix(self, claims: list[str], units: list[str], contexts: list[str], fit: bool) -> sp.csr_matrix:
        c, u, x = _norm(claims), _norm(units), _norm(contexts)
        joint = [f"{a} || {b} || {d}" for a, b, d in zip(c, u, x, strict=True)]
        if fit:
            self._word = TfidfVectorizer(ngram_range=(1, 2), min_df=1, sublinear_tf=True, max_features=200_000)
            self._char = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True,
                                         max_features=300_000)
            self._word.fit(joint)
            self._char.fit(u + c)
        return sp.hstack([self._word.transform(joint), self._char.transform(u), self._dense(c, u) * 3.0]).tocsr()

    def fit(self, claims: list[str], units: list[str], contexts: list[str], y: list[str]) -> BaselineModel:
        X = self._matrix(claims, units, contexts, fit=True)
        self._lr = LogisticRegression(C=self.C, max_iter=2000, class_weight="balanced", random_state=self.seed)
        idx = np.array([self.labels.index(v) for v in y])
        self._lr.fit(X, idx)
        return self

    def predict_proba(self, claims: list[str], units: list[str], contexts: list[str]) -> np.ndarray:
        """Probabilities in label-scheme order (a class unseen in training gets 0)."""
        X = self._matrix(claims, units, contexts, fit=False)
        p = self._lr.predict_proba(X)
        out = np.zeros((len(claims), len(self.labels)))
        out[:, self._lr.classes_] = p
        return out

    def predict(self, claims: list[str], units: list[str], contexts: list[str]) -> list[str]:
        return [self.labels[i] for i in self.predict_proba(claims, units, contexts).argmax(axis=1)]


def fnc_score(y_true: list[str], y_pred: list[str], *, unrelated: str = "unrelated") -> float | None:
    """FNC-1 weighted score, as a share of the best possible: 0.25 for related/unrelated right, +0.75 for the right
    stance among related items. It favours the majority class; macro-F1 leads."""
    if not y_true:
        return None
    score = best = 0.0
    for t, p in zip(y_true, y_pred, strict=True):
        best += 0.25 if t == unrelated else 1.0
        if (t == unrelated) == (p == unrelated):
            score += 0.25
        if t != unrelated and t == p:
            score += 0.75
    return score / best if best else None


def evaluate(y_true: list[str], y_pred: list[str], labels: tuple[str, ...]) -> dict[str, Any]:
    present = list(labels)
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=present, zero_division=0)
    return {
        "n": len(y_true),
        "macro_f1": float(f1_score(y_true, y_pred, labels=[lab for lab in present if lab in set(y_true)],
                                   average="macro", zero_division=0)),
        "accuracy": float(np.mean([a == b for a, b in zip(y_true, y_pred, strict=True)])) if y_true else None,
        "per_class": {lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
                      for i, lab in enumerate(present)},
        "confusion_matrix": {"labels": present,
                             "matrix": confusion_matrix(y_true, y_pred, labels=present).tolist()},
        "fnc1_weighted": fnc_score(y_true, y_pred) if "unrelated" in labels else None,
    }


def _cols(df: pl.DataFrame) -> tuple[list[str], list[str], list[str], list[str]]:
    ctx = df["context_text"].to_list() if "context_text" in df.columns else [""] * df.height
    return df["claim"].to_list(), df["text"].to_list(), ctx, df["label"].to_list()


def data_hash(*frames: pl.DataFrame) -> str:
    h = hashlib.sha256()
    for df in frames:
        for row in df.select("claim", "text", "label").iter_rows():
            h.update("\x1f".join(str(v) for v in row).encode())
            h.update(b"\x1e")
    return h.hexdigest()


def train_baseline(
    train: pl.DataFrame,
    validation: pl.DataFrame,
    test: pl.DataFrame,
    *,
    labels: tuple[str, ...],
    grid: tuple[float, ...] = (0.1, 0.3, 1.0, 3.0, 10.0),
    seed: int = 13,
) -> tuple[BaselineModel, dict[str, Any]]:
    """Frames with columns claim, text, label (+ context_text). Tunes C on validation (macro-F1), refits on train,
    reports on test beside a majority-class predictor."""
    if train.height == 0 or train["label"].n_unique() < 2:
        raise StageError("the train split needs labelled pairs of at least two classes to train a baseline")
    tr = _cols(train)
    tuned: list[dict[str, float]] = []
    best_c, best_f = grid[0], -1.0
    if validation.height:
        va = _cols(validation)
        for c in grid:
            m = BaselineModel(labels, C=c, seed=seed).fit(*tr)
            f = evaluate(va[3], m.predict(*va[:3]), labels)["macro_f1"]
            tuned.append({"C": c, "validation_macro_f1": f})
            if f > best_f:
                best_c, best_f = c, f
    else:
        best_c = 1.0
    model = BaselineModel(labels, C=best_c, seed=seed).fit(*tr)
    te = _cols(test if test.height else validation)
    pred = model.predict(*te[:3])
    majority = max(set(tr[3]), key=tr[3].count)
    report = {
        "model": model.name,
        "features": list(model.features),
        "params": {"C": best_c, "class_weight": "balanced", "grid": list(grid), "seed": seed},
        "tuning": tuned,
        "n_train": train.height, "n_validation": validation.height, "n_test": test.height,
        "evaluated_on": "test" if test.height else "validation (no test split)",
        "test": evaluate(te[3], pred, labels),
        "majority_class": {"label": majority, **evaluate(te[3], [majority] * len(te[3]), labels)},
        "train_data_sha256": data_hash(train, validation),
    }
    return model, report
