"""The comparison baseline: character 1-5-gram TF-IDF + logistic regression on raw row text.

    python -m training.baseline --corpus build/corpus -o build/baseline.joblib

Trained on the same train split and the same rows as the shipped model (learner rows excluded,
same per-kind subsample), one example per row, classes balanced. It sees raw text, so it can
use typography, topic and outlet cues: exactly what the shipped model is built not to use.
Written under build/ (not shipped).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from training.train import load_split


def make_baseline(max_features: int = 300_000, C: float = 4.0):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    return Pipeline(
        [
            ("tfidf", TfidfVectorizer(analyzer="char", ngram_range=(1, 5), min_df=3, max_features=max_features, sublinear_tf=True,
                                      lowercase=False, dtype=np.float32)),
            ("clf", LogisticRegression(C=C, max_iter=1000, class_weight="balanced")),
        ]
    )


def fit_baseline(rows: Sequence[dict]):
    texts = [r["text"] for r in rows]
    y = np.array([int(r["label"]) for r in rows])
    model = make_baseline()
    model.fit(texts, y)
    return model


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Fit the char n-gram TF-IDF baseline on the train split.")
    ap.add_argument("--corpus", type=Path, default=Path("build/corpus"))
    ap.add_argument("-o", "--output", type=Path, default=Path("build/baseline.joblib"))
    ap.add_argument("--max-train-rows", type=int, default=70000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    import joblib

    t0 = time.time()
    rows = load_split(args.corpus, "train", args.max_train_rows, seed=args.seed)
    model = fit_baseline(rows)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, args.output, compress=3)
    print(f"baseline fitted on {len(rows)} rows in {time.time() - t0:.0f}s -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
