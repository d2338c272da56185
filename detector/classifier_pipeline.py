"""The scikit-learn side of the classifier: transformers and the pipeline that is fitted.

Imported only to fit a model or to inspect a fitted one; scoring uses the arrays compiled from
the fitted pipeline (detector/classifier.py, `TrainedModel`) and never imports scikit-learn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .classifier import CHAR_BUCKETS, PassageRecord, ngram_matrix_parts


class AbstractNgramHasher(TransformerMixin, BaseEstimator):
    """Records (or class-id arrays) -> sparse hashed n-gram matrix (see `ngram_matrix_parts` norms).

    Stateless like sklearn's HashingVectorizer, but hashes the abstract stream with crc32-based
    ids, so the columns are identical across processes and platforms."""

    def __init__(self, n_features: int = 2**18, ngram_range: tuple[int, int] = (1, 4), norm: str = "count_sqrt") -> None:
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.norm = norm

    def fit(self, X: Sequence[Any], y: Any = None) -> AbstractNgramHasher:
        if self.n_features & (self.n_features - 1):
            raise ValueError("n_features must be a power of two")
        return self

    def transform(self, X: Sequence[Any]):
        from scipy import sparse

        streams = [x.ids if isinstance(x, PassageRecord) else np.asarray(x, dtype=np.int32) for x in X]
        lengths = np.array([len(s) for s in streams], dtype=np.int64)
        ids = np.concatenate(streams).astype(np.intp) if len(streams) else np.zeros(0, dtype=np.intp)
        group = np.repeat(np.arange(len(streams), dtype=np.int64), lengths)
        rows, cols, vals = ngram_matrix_parts(ids, group, len(streams), self.n_features, self.ngram_range, self.norm)
        return sparse.csr_matrix((vals, (rows, cols)), shape=(len(streams), self.n_features))


class DenseBinner(TransformerMixin, BaseEstimator):
    """Dense columns -> one-hot quantile bins plus a clipped standardised value per column.

    With a linear classifier on top this is an additive model: each feature gets its own
    step function (bins) and slope, cheap to evaluate and easy to explain."""

    def __init__(self, n_bins: int = 8, clip: float = 4.0) -> None:
        self.n_bins = n_bins
        self.clip = clip

    def fit(self, X: Any, y: Any = None) -> DenseBinner:
        D = _dense_of(X)
        q = np.linspace(0, 1, self.n_bins + 1)[1:-1]
        edges = []
        for j in range(D.shape[1]):
            col = D[:, j]
            edges.append(np.unique(np.quantile(col, q)) if len(col) else np.zeros(0))
        width = max(1, max((len(e) for e in edges), default=1))
        self.edges_ = np.full((D.shape[1], width), np.inf)
        for j, e in enumerate(edges):
            self.edges_[j, : len(e)] = e
        self.n_edges_ = np.array([len(e) for e in edges], dtype=np.int64)
        self.mean_ = D.mean(axis=0) if len(D) else np.zeros(D.shape[1])
        std = D.std(axis=0) if len(D) else np.ones(D.shape[1])
        self.scale_ = np.where(std > 1e-9, std, 1.0)
        self.n_features_in_ = D.shape[1]
        # column offsets of each feature's bins in the one-hot block
        self.offsets_ = np.concatenate([[0], np.cumsum(self.n_edges_ + 1)])
        return self

    def bin_index(self, D: np.ndarray) -> np.ndarray:
        """(n, d) bin number of each value: count of edges strictly below it."""
        return (D[:, :, None] > self.edges_[None, :, :]).sum(axis=2)

    def scaled(self, D: np.ndarray) -> np.ndarray:
        return np.clip((D - self.mean_) / self.scale_, -self.clip, self.clip)

    def transform(self, X: Any):
        from scipy import sparse

        D = _dense_of(X)
        n, d = D.shape
        idx = self.bin_index(D) + self.offsets_[:-1][None, :]
        onehot = sparse.csr_matrix((np.ones(n * d), idx.ravel(), np.arange(0, n * d + 1, d)), shape=(n, int(self.offsets_[-1])))
        return sparse.hstack([onehot, sparse.csr_matrix(self.scaled(D))], format="csr")


def _dense_of(X: Any) -> np.ndarray:
    if isinstance(X, np.ndarray):
        return X.astype(np.float64, copy=False)
    return np.vstack([x.dense for x in X]) if len(X) else np.zeros((0, 0))


class PassageVectorizer(TransformerMixin, BaseEstimator):
    """PassageRecords -> [binned dense features | weighted hashed abstract n-grams]."""

    def __init__(self, n_features: int = 2**18, ngram_range: tuple[int, int] = (1, 4), ngram_weight: float = 1.0, n_bins: int = 8,
                 dense_weight: float = 1.0, norm: str = "count_sqrt", char_weight: float = 0.0) -> None:
        self.n_features = n_features
        self.ngram_range = ngram_range
        self.ngram_weight = ngram_weight
        self.n_bins = n_bins
        self.dense_weight = dense_weight
        self.norm = norm
        self.char_weight = char_weight

    def fit(self, X: Sequence[PassageRecord], y: Any = None) -> PassageVectorizer:
        self.binner_ = DenseBinner(n_bins=self.n_bins).fit(X)
        self.hasher_ = AbstractNgramHasher(self.n_features, self.ngram_range, self.norm).fit(X)
        self.n_dense_columns_ = int(self.binner_.offsets_[-1]) + self.binner_.n_features_in_
        # The dense block has ~2 non-zeros per feature, the n-gram block unit norm: scaling the
        # dense block to unit-ish norm keeps the problem well conditioned (10x fewer iterations).
        self.dense_scale_ = self.dense_weight / math.sqrt(max(1, self.binner_.n_features_in_))
        return self

    def transform(self, X: Sequence[PassageRecord]):
        from scipy import sparse

        blocks = [self.binner_.transform(X) * self.dense_scale_, self.hasher_.transform(X) * self.ngram_weight]
        if self.char_weight:
            blocks.append(char_matrix(X) * self.char_weight)
        return sparse.hstack(blocks, format="csr")


def char_matrix(X: Sequence[PassageRecord]):
    """Rare-word char n-gram counts / sqrt(abstract stream length), CHAR_BUCKETS columns."""
    from scipy import sparse

    lengths = np.array([len(x.chars) for x in X], dtype=np.int64)
    cols = np.concatenate([x.chars for x in X]).astype(np.int64) if len(X) else np.zeros(0, dtype=np.int64)
    rows = np.repeat(np.arange(len(X)), lengths)
    scale = 1.0 / np.sqrt(np.maximum(1, np.array([len(x.ids) for x in X], dtype=np.float64)))
    return sparse.csr_matrix((scale[rows], (rows, cols)), shape=(len(X), CHAR_BUCKETS))


def make_pipeline(C: float = 1.0, n_features: int = 2**18, ngram_range: tuple[int, int] = (1, 4), ngram_weight: float = 1.0,
                  n_bins: int = 8, dense_weight: float = 1.0, norm: str = "count_sqrt", char_weight: float = 0.0, max_iter: int = 500):
    """PassageVectorizer -> LogisticRegression (lbfgs, L2, deterministic)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("features", PassageVectorizer(n_features, tuple(ngram_range), ngram_weight, n_bins, dense_weight, norm, char_weight)),
            ("clf", LogisticRegression(C=C, max_iter=max_iter, solver="lbfgs", tol=1e-4)),
        ]
    )
