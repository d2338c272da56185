"""A trigram language model over the classifier's abstracted token stream, for three fluency
features (FEATURES below), all built on one measure: how surprising each token's class is after the two before it, compared with how
common the class is at all (the SLOR idea: log P(c | a b) - log P(c)).

Why: shuffled words, word salad, dropped words and OCR noise break the ORDER of ordinary
English ("the of report", "l4 the^ ."), which the classifier's discriminative n-grams only learn
from the corrupted examples they happened to see. A model of what clean English looks like sees
every unusual transition. It is built from clean human English only (train split; see
training/build_class_lm.py) over classes, not words, so it carries no topics or names. It is
deliberately NOT a machine-translation detector: fluent MT is, if anything, more predictable than
human prose, and the artefact-not-provenance rule says that must not be flagged.

Tables (detector/data/class_lm.npz, about 2 MB): interpolated absolute discounting (d = 0.75),
trigrams seen at least twice, every bigram, unigrams with add-one smoothing; keys are the class
ids packed into one int64, looked up with `np.searchsorted`, one vectorised pass per passage.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

LM_FILE = "class_lm.npz"
DISCOUNT = 0.75
MIN_TRIGRAM_COUNT = 2
# A token counts as "odd" when its class is this much less likely (natural log) in its context
# than on average: about 1 in 12.
ODD_LOG_RATIO = -2.5
FEATURES = ("lm_log_ratio_mean", "lm_odd_share", "lm_worst_window")
# lm_worst_window: the lowest mean log ratio over WINDOW consecutive tokens of the passage. A
# shuffled phrase or an OCR-mangled word damages a few tokens of a long passage: the mean dilutes
# that, the worst window does not (dev split: shuffled words 0.61 -> 0.78 ROC-AUC on their own).
WINDOW = 4
_BASE = 1 << 12  # class ids are < 4096 (checked when tables are built)


def _keys2(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return a.astype(np.int64) * _BASE + b


def _keys3(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    return (a.astype(np.int64) * _BASE + b) * _BASE + c


def fit_tables(streams: Sequence[Sequence[int]], n_classes: int) -> dict[str, np.ndarray]:
    """Count uni-, bi- and trigrams of the class streams (one per passage) and estimate the tables."""
    if n_classes > _BASE:
        raise ValueError(f"{n_classes} classes do not fit the {_BASE}-wide key packing")
    lens = np.fromiter((len(s) for s in streams), dtype=np.int64, count=len(streams))
    ids = np.fromiter((c for s in streams for c in s), dtype=np.int64, count=int(lens.sum()))
    group = np.repeat(np.arange(len(lens)), lens)
    uni = np.bincount(ids, minlength=n_classes).astype(np.float64)
    same2 = group[1:] == group[:-1]
    bi_k, bi_n = np.unique(_keys2(ids[:-1], ids[1:])[same2], return_counts=True)
    same3 = same2[1:] & same2[:-1]
    tri_k, tri_n = np.unique(_keys3(ids[:-2], ids[1:-1], ids[2:])[same3], return_counts=True)

    p_uni = (uni + 1.0) / (uni.sum() + n_classes)
    # P(c | b) for seen bigrams; gamma(b) = d * types(b.) / count(b.) spreads the discounted mass
    b_ctx, b_c = bi_k // _BASE, bi_k % _BASE
    ctx_count = np.bincount(b_ctx, weights=bi_n, minlength=n_classes)
    ctx_types = np.bincount(b_ctx, minlength=n_classes).astype(np.float64)
    gamma1 = np.where(ctx_count > 0, DISCOUNT * ctx_types / np.maximum(ctx_count, 1), 1.0)
    p_bi = (np.maximum(bi_n - DISCOUNT, 0) / ctx_count[b_ctx]) + gamma1[b_ctx] * p_uni[b_c]

    # P(c | a b) for trigrams; contexts (a b) with their gamma
    t_ctx, t_c = tri_k // _BASE, tri_k % _BASE
    c2_k, c2_inv = np.unique(t_ctx, return_inverse=True)
    c2_count = np.bincount(c2_inv, weights=tri_n)
    c2_types = np.bincount(c2_inv).astype(np.float64)
    gamma2 = DISCOUNT * c2_types / c2_count
    lower = _bigram_logp({"bi_keys": bi_k, "bi_logp": np.log(p_bi), "uni_logp": np.log(p_uni), "uni_loggamma": np.log(gamma1)},
                         t_ctx % _BASE, t_c)
    p_tri = np.maximum(tri_n - DISCOUNT, 0) / c2_count[c2_inv] + gamma2[c2_inv] * np.exp(lower)
    keep = tri_n >= MIN_TRIGRAM_COUNT
    # Pruned trigrams fall back to gamma2 * P(c|b): keep gamma2 as computed on all of them.
    return {
        "uni_logp": np.log(p_uni).astype(np.float32),
        "uni_loggamma": np.log(gamma1).astype(np.float32),
        "bi_keys": bi_k,
        "bi_logp": np.log(p_bi).astype(np.float32),
        "ctx_keys": c2_k,
        "ctx_loggamma": np.log(gamma2).astype(np.float32),
        "tri_keys": tri_k[keep],
        "tri_logp": np.log(p_tri[keep]).astype(np.float32),
        "n_classes": np.array([n_classes]),
        "n_tokens": np.array([int(uni.sum())]),
    }


def _lookup(keys: np.ndarray, table_keys: np.ndarray, values: np.ndarray, default: np.ndarray | float) -> np.ndarray:
    """The value of each key in a sorted key table, `default` where it is not there."""
    if len(table_keys) == 0:
        return np.broadcast_to(np.asarray(default, dtype=np.float64), keys.shape).copy()
    idx = np.minimum(np.searchsorted(table_keys, keys), len(table_keys) - 1)
    return np.where(table_keys[idx] == keys, values[idx], default)


def _bigram_logp(t: dict[str, Any], b: np.ndarray, c: np.ndarray) -> np.ndarray:
    return _lookup(_keys2(b, c), t["bi_keys"], t["bi_logp"], t["uni_loggamma"][b] + t["uni_logp"][c])


def token_log_ratios(t: dict[str, Any], ids: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """log P(c | a b) - log P(c) of every token with two predecessors in its own passage, and
    the passage of each (ids of all passages concatenated, `group` their passage numbers)."""
    if len(ids) < 3:
        return np.zeros(0), np.zeros(0, dtype=np.int64)
    ids = ids.astype(np.int64)
    keep = (group[2:] == group[:-2])
    a, b, c = ids[:-2][keep], ids[1:-1][keep], ids[2:][keep]
    backoff = _lookup(_keys2(a, b), t["ctx_keys"], t["ctx_loggamma"], 0.0) + _bigram_logp(t, b, c)
    logp = _lookup(_keys3(a, b, c), t["tri_keys"], t["tri_logp"], backoff)
    return logp - t["uni_logp"][c], group[2:][keep]


def features(streams: Sequence[Sequence[int]], tables: dict[str, Any] | None = None) -> np.ndarray:
    """(n_passages, 3): mean log ratio, share of odd tokens, worst window (see FEATURES) per stream.

    Zeros when no table is installed (the features then carry no information, and a model
    trained with them is refused on load: see detector.model)."""
    out = np.zeros((len(streams), len(FEATURES)), dtype=np.float64)
    t = tables if tables is not None else load_tables()
    if t is None:
        return out
    for k, stream in enumerate(streams):  # a document has few passages: one vectorised pass each
        if len(stream) >= 3:
            out[k] = _passage_features(t, np.asarray(stream, dtype=np.int64))
    return out


def _passage_features(t: dict[str, Any], ids: np.ndarray) -> tuple[float, float, float]:
    a, b, c = ids[:-2], ids[1:-1], ids[2:]
    backoff = _lookup(_keys2(a, b), t["ctx_keys"], t["ctx_loggamma"], 0.0) + _bigram_logp(t, b, c)
    ratio = _lookup(_keys3(a, b, c), t["tri_keys"], t["tri_logp"], backoff) - t["uni_logp"][c]
    mean = float(ratio.mean())
    odd = float(np.count_nonzero(ratio < ODD_LOG_RATIO)) / len(ratio)
    if len(ratio) < WINDOW:  # too short for one window: its mean
        return mean, odd, mean
    cs = np.cumsum(ratio)
    windows = np.concatenate([cs[WINDOW - 1 : WINDOW], cs[WINDOW:] - cs[:-WINDOW]])
    return mean, odd, float(windows.min()) / WINDOW


def worst_window(ids: Sequence[int], tables: dict[str, Any] | None = None) -> tuple[int, int] | None:
    """Token indices [start, end) of the passage's least fluent WINDOW-token stretch (the one
    behind `lm_worst_window`), for explanations; None for passages too short to have one."""
    t = tables if tables is not None else load_tables()
    if t is None or len(ids) < WINDOW + 2:
        return None
    arr = np.asarray(ids, dtype=np.int64)
    a, b, c = arr[:-2], arr[1:-1], arr[2:]
    backoff = _lookup(_keys2(a, b), t["ctx_keys"], t["ctx_loggamma"], 0.0) + _bigram_logp(t, b, c)
    ratio = _lookup(_keys3(a, b, c), t["tri_keys"], t["tri_logp"], backoff) - t["uni_logp"][c]
    cs = np.concatenate([[0.0], np.cumsum(ratio)])
    sums = cs[WINDOW:] - cs[:-WINDOW]  # window of ratios j .. j + WINDOW - 1
    j = int(np.argmin(sums))
    return j + 2, j + 2 + WINDOW  # ratio j scores token j + 2


@lru_cache(maxsize=1)
def load_tables() -> dict[str, np.ndarray] | None:
    """The shipped tables (detector/data/class_lm.npz), loaded once; None when not built yet."""
    from importlib import resources

    path = resources.files("detector") / "data" / LM_FILE
    if not path.is_file():
        return None
    with path.open("rb") as f, np.load(f) as z:
        return {k: z[k] for k in z.files}


def tables_sha256() -> str:
    """SHA-256 of the shipped tables' contents ("" when absent), recorded in every trained model.
    Hashes the arrays, not the file, so rebuilding identical tables keeps models valid."""
    t = load_tables()
    return tables_sha256_of(t) if t is not None else ""


def tables_sha256_of(tables: dict[str, np.ndarray]) -> str:
    import hashlib

    h = hashlib.sha256()
    for name in sorted(tables):
        h.update(name.encode("utf-8"))
        h.update(np.ascontiguousarray(tables[name]).tobytes())
    return h.hexdigest()


def save_tables(tables: dict[str, np.ndarray], path: Any) -> None:
    np.savez_compressed(path, **tables)
