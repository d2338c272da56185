"""Corpus rows -> passage records for the classifier, in parallel, with a feature cache.

Shared by training/train.py, training/evaluate.py and training/baseline.py. The extractor
features of every row are cached under build/features/, keyed by the corpus file, the extractor
signature and the source code of the extractors and their data, so a re-run after an extractor
change recomputes exactly what changed, and a re-run without one takes seconds.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing as mp
import os
import pickle
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from detector.classifier import PassageRecord, document_records
from detector.text import Document

REPO = Path(__file__).resolve().parent.parent
CACHE_DIR = REPO / "build" / "features"


def read_rows(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def extractor_fingerprint() -> str:
    """Hash of everything that decides extractor features: registry signature, code, data tables."""
    from detector.extractors import signature

    h = hashlib.sha256(json.dumps(signature()).encode("utf-8"))
    pkg = REPO / "detector"
    files = sorted([*pkg.glob("extractors/*.py"), pkg / "text.py", pkg / "config.py", pkg / "pipeline.py",
                    *(p for p in pkg.glob("data/*") if not p.name.startswith("model."))])
    for p in files:
        if p.is_file():
            h.update(p.name.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


@dataclass
class RowFeatures:
    """Passages of one corpus row: their spans in the row text, extractor features, records."""

    spans: list[tuple[int, int]]
    passage_texts: list[str]
    extractor: np.ndarray
    records: list[PassageRecord]


def _featurise(args: tuple[str, np.ndarray | None]) -> tuple[list[tuple[int, int]], list[str], np.ndarray, list[PassageRecord]]:
    from detector.config import Config
    from detector.pipeline import extract_features

    text, cached = args
    doc = Document(text)
    if cached is None or cached.shape[0] != len(doc.passages):
        cached, _ = extract_features(doc, Config())
        cached = np.asarray(cached, dtype=np.float32)
    recs = document_records(doc, cached)
    return [(p.start, p.end) for p in doc.passages], [p.text for p in doc.passages], cached, recs


def featurise_texts(texts: Sequence[str], cache_key: str | None = None, jobs: int = 2, label: str = "") -> list[RowFeatures]:
    """RowFeatures of every text, extractor features from the cache when the key matches."""
    cache_file = CACHE_DIR / f"{cache_key}.pkl" if cache_key else None
    cached: list[np.ndarray | None] = [None] * len(texts)
    if cache_file is not None and cache_file.is_file():
        try:
            with open(cache_file, "rb") as f:
                stored = pickle.load(f)
            if len(stored) == len(texts):
                cached = stored
        except Exception:  # a stale or truncated cache is just recomputed
            pass
    t0 = time.time()
    work = list(zip(texts, cached, strict=False))
    if jobs > 1 and len(work) > 200:
        ctx = mp.get_context("fork")
        with ctx.Pool(jobs) as pool:
            results = pool.map(_featurise, work, chunksize=64)
    else:
        results = [_featurise(w) for w in work]
    out = [RowFeatures(s, pt, e, r) for s, pt, e, r in results]
    if cache_file is not None:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            pickle.dump([o.extractor for o in out], f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_file)
    hits = sum(c is not None for c in cached)
    print(f"featurised {len(texts)} {label} texts in {time.time() - t0:.1f}s ({hits} from cache)", file=sys.stderr)
    return out


def texts_key(texts: Iterable[str], tag: str) -> str:
    h = hashlib.sha256(tag.encode())
    for t in texts:
        h.update(t.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return f"{tag}-{h.hexdigest()[:12]}-{extractor_fingerprint()}"


def featurise_rows(rows: Sequence[dict], tag: str, jobs: int = 2) -> list[RowFeatures]:
    texts = [r["text"] for r in rows]
    return featurise_texts(texts, texts_key(texts, tag), jobs, tag)


def subsample(rows: list[dict], max_rows: int | None, seed: int = 0, protect: Sequence[str] = ()) -> list[dict]:
    """At most `max_rows` rows, sampled per kind in proportion (deterministic), small kinds kept whole."""
    if not max_rows or len(rows) <= max_rows:
        return rows
    rng = np.random.default_rng(seed)
    by_kind: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_kind.setdefault(r["kind"], []).append(i)
    keep: list[int] = []
    # water-filling: every kind gets an equal cap, unused share goes to bigger kinds
    budget = max_rows
    kinds = sorted(by_kind, key=lambda k: len(by_kind[k]))
    for n_left, k in zip(range(len(kinds), 0, -1), kinds, strict=False):
        idx = by_kind[k]
        cap = budget // n_left
        if k in protect or len(idx) <= cap:
            take = idx
        else:
            take = sorted(rng.choice(idx, size=cap, replace=False).tolist())
        keep.extend(take)
        budget -= len(take)
    return [rows[i] for i in sorted(keep)]
