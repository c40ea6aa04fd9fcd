"""The aggregator plug-in point and the integer-coded votes every aggregator and agreement measure reads.

Aggregators follow the scikit-learn shape (as crowd-kit does): parameters in ``__init__``, ``fit_predict(votes)``
returns one label index per item (``-1``: no label), fitted attributes end in ``_``. ``name`` is versioned
(``"majority_vote.v1"``) and recorded in every label row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
NO_LABEL = -1


@dataclass(frozen=True)
class Votes:
    """One vote per row, integer-coded: ``item[i]`` voted ``label[i]`` by ``annotator[i]``.

    Codes are dense: items ``0..n_items-1``, annotators ``0..n_annotators-1``, labels ``0..n_classes-1`` (label-scheme
    order). At most one vote per (item, annotator) pair; items may have no vote at all (a gold-only item).
    """

    item: IntArray
    annotator: IntArray
    label: IntArray
    n_items: int
    n_annotators: int
    n_classes: int

    def __post_init__(self) -> None:
        n = len(self.item)
        if len(self.annotator) != n or len(self.label) != n:
            raise ValueError("Votes: item, annotator and label must have the same length")
        for name, arr, size in (
            ("item", self.item, self.n_items),
            ("annotator", self.annotator, self.n_annotators),
            ("label", self.label, self.n_classes),
        ):
            if n and (int(arr.min()) < 0 or int(arr.max()) >= size):
                raise ValueError(f"Votes: {name} codes must lie in 0..{size - 1}")

    @property
    def n_votes(self) -> int:
        return len(self.item)

    def counts(self) -> IntArray:
        """Votes per class for every item: an ``(n_items, n_classes)`` matrix (a view of a class-major array)."""
        return self.class_counts().T

    def class_counts(self) -> IntArray:
        """Votes per class for every item, class-major: ``(n_classes, n_items)``, each class contiguous."""
        flat = np.bincount(self.label * self.n_items + self.item, minlength=self.n_items * self.n_classes)
        return flat.reshape(self.n_classes, self.n_items).astype(np.int64, copy=False)

    def subset(self, mask: npt.NDArray[np.bool_]) -> Votes:
        """The votes where ``mask`` is true, keeping every code space."""
        return Votes(
            self.item[mask], self.annotator[mask], self.label[mask], self.n_items, self.n_annotators, self.n_classes
        )


@runtime_checkable
class Aggregator(Protocol):
    """Turns several votes per item into one label per item.

    After ``fit_predict`` an aggregator exposes at least ``probas_`` (``(n_items, n_classes)``, rows sum to 1; a
    uniform row for an item without votes) and ``skills_`` (one number per annotator in ``[0, 1]``).
    """

    name: str

    def fit_predict(self, votes: Votes) -> IntArray:
        """One label index per item, ``NO_LABEL`` (-1) where the aggregator leaves the item undecided."""
        ...
