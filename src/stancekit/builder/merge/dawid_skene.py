"""Dawid-Skene (1979): EM over per-annotator confusion matrices, in log space, vectorised (``dawid_skene.v1``).

Each annotator ``a`` has a confusion matrix ``pi[a, k, l]`` = P(annotator says ``l`` | true class ``k``); classes
have priors ``p[k]``. The E-step computes every item's posterior over true classes,
``log T[i, k] = log p[k] + sum over votes (a, l) on i of log pi[a, k, l]``, normalised with log-sum-exp; the M-step
re-estimates ``pi`` and ``p`` from the posteriors with additive smoothing. Both steps are a handful of
``np.bincount`` calls over the vote arrays (one per class), so cost is linear in the number of votes.
"""

from __future__ import annotations

import numpy as np

from stancekit.builder.merge.majority_vote import TIE_POLICIES, TiePolicy
from stancekit.builder.merge.protocol import NO_LABEL, FloatArray, IntArray, Votes


class DawidSkene:
    """Dawid-Skene with posteriors initialised from vote shares (majority vote).

    Parameters: ``n_iter`` (maximum EM iterations), ``tol`` (stop when the log-likelihood of the observed votes,
    per vote, improves by less than this; crowd-kit uses the same scale for its ELBO),
    ``smoothing`` (pseudo-count added to every confusion cell and class prior; keeps logs finite for annotators
    with few votes), ``tie_policy`` (as in majority vote, for items whose top posteriors are equal).

    Fitted attributes: ``probas_`` (posteriors; an item without votes gets the priors), ``priors_``,
    ``confusions_`` (``(n_annotators, n_classes, n_classes)``: true class x given label, rows sum to 1),
    ``skills_`` (per annotator: expected accuracy, ``sum_k priors_[k] * confusions_[a, k, k]``), ``n_iter_``,
    ``log_likelihood_`` (of the observed votes at the last E-step).
    """

    name = "dawid_skene.v1"

    def __init__(
        self, n_iter: int = 100, tol: float = 1e-5, smoothing: float = 0.01, tie_policy: TiePolicy = "adjudicate"
    ) -> None:
        if n_iter < 1:
            raise ValueError("n_iter must be at least 1")
        if tie_policy not in TIE_POLICIES:
            raise ValueError(f"tie_policy must be one of {', '.join(TIE_POLICIES)}, got {tie_policy!r}")
        self.n_iter = n_iter
        self.tol = tol
        self.smoothing = smoothing
        self.tie_policy = tie_policy

    def fit_predict(self, votes: Votes) -> IntArray:
        n, a_count, k_count = votes.n_items, votes.n_annotators, votes.n_classes
        cc = votes.class_counts()
        total = cc.sum(axis=0)
        has = total > 0
        # Posteriors are kept class-major (k_count, n): each class is a contiguous vector for the gathers below.
        post = np.where(has, cc / np.maximum(total, 1), 1.0 / k_count)
        cell = votes.annotator * k_count + votes.label  # (annotator, given label) code per vote
        item = votes.item
        n_voted = int(has.sum())
        log_lik = -np.inf
        n_done = 0
        priors = np.full(k_count, 1.0 / k_count)
        conf: FloatArray = np.full((a_count, k_count, k_count), 1.0 / k_count)
        for n_done in range(1, self.n_iter + 1):  # noqa: B007 - n_done is reported as n_iter_
            # M-step: conf[a, k, l] = smoothing + sum of T[i, k] over a's votes l.
            priors = (post[:, has].sum(axis=1) + self.smoothing) / (n_voted + self.smoothing * k_count)
            acc = np.empty((k_count, a_count * k_count))
            for k in range(k_count):
                acc[k] = np.bincount(cell, weights=post[k][item], minlength=a_count * k_count)
            conf = acc.reshape(k_count, a_count, k_count).transpose(1, 0, 2) + self.smoothing
            conf /= conf.sum(axis=2, keepdims=True)
            # E-step: log T[i, k] = log p[k] + sum of log conf[a, k, l] over i's votes.
            log_conf = np.log(conf).transpose(1, 0, 2).reshape(k_count, a_count * k_count)
            log_post = np.empty((k_count, n))
            for k in range(k_count):
                log_post[k] = np.bincount(item, weights=log_conf[k][cell], minlength=n)
            log_post += np.log(priors)[:, None]
            top = log_post.max(axis=0)
            new = np.exp(log_post - top)
            norm = new.sum(axis=0)
            new /= norm
            previous, log_lik = log_lik, float((top + np.log(norm))[has].sum())
            post = new
            if log_lik - previous < self.tol * max(votes.n_votes, 1):
                break
        probas: FloatArray = np.ascontiguousarray(post.T)
        labels = probas.argmax(axis=1).astype(np.int64)
        if self.tie_policy == "adjudicate" and n:
            ordered = np.sort(probas, axis=1)
            labels[np.isclose(ordered[:, -1], ordered[:, -2], rtol=0.0, atol=1e-12)] = NO_LABEL
        labels[~has] = NO_LABEL
        self.probas_: FloatArray = probas
        self.priors_: FloatArray = priors
        self.confusions_: FloatArray = conf
        self.skills_: FloatArray = np.einsum("k,akk->a", priors, conf)
        self.n_iter_ = n_done
        self.log_likelihood_ = log_lik
        self.labels_: IntArray = labels
        return labels
