"""Fit the shipped model on the labelled corpus (build/corpus from training/corpus.py).

    python -m training.train --corpus build/corpus -o detector/data/model.joblib

Steps (all deterministic, seed 0):
1. Read train and dev rows; `learner` rows (JFLEG sentences with learners' errors) are never
   trained on: they are a false-positive check only.
2. Featurise every row with the package's own code (Document -> extractors -> passage records),
   two processes, extractor features cached under build/features/.
3. Label passages: a row's label goes to each of its passages, except synthetic rows (only
   passages that contain a planted span are positive; the others are dropped) and OCR rows
   (passages identical to the ground truth are dropped).
4. Weight: each row counts once whatever its passage count; each kind gets weight ~ sqrt(size);
   negatives are reweighted per passage-length bin so length is no shortcut; classes balanced.
5. Fit `detector.classifier` pipeline on train, calibrate (sigmoid) on dev with FrozenEstimator.
6. Threshold: the lowest document threshold at which every clean register of dev stays at or
   below `--max-fp` false positives (and their mean at or below `--max-mean-fp`).
7. Write the model and its sidecar (SHA-256, signature, versions, sources, dev metrics).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from detector.classifier import (
    FLUENCY_FEATURES,
    PassageRecord,
    TrainedModel,
    balance_length,
    build_model,
    dense_feature_names,
    fit_calibrated,
    save_model,
)
from detector.model import document_score
from training.build_class_lm import crossfit
from training.featurise import RowFeatures, featurise_rows, read_rows, subsample

# Human text of each register: the false-positive checks that set the threshold.
CLEAN_REGISTERS = ("clean_news", "clean_informal", "clean_technical", "clean_literary", "en_source", "reference", "ocr_gt")
HELD_OUT_KINDS = ("learner",)
# The operating point: the highest false-positive rate of any clean register on dev, and their
# mean. 2% / 1%: with the length-corrected document score the old 5% / 3% let every register
# use its whole budget (test: 3.3% of human documents flagged, 2.5% / 1.25% still gave 1.9%).
MAX_FP, MAX_MEAN_FP = 0.02, 0.01
DEFAULT_PARAMS = {"C": 1.0, "n_features": 2**18, "ngram_range": (1, 4), "ngram_weight": 1.0, "n_bins": 8, "char_weight": 0.5}

# Public sources of the corpus (data READMEs), for the sidecar and the model card.
SOURCES = {
    "mt/wmt21": "WMT21 news test sets into English, system outputs and references + MTurk DA (wmt-conference/wmt21-news-systems; research only)",
    "mt/wmt22": "WMT22 general test sets into English (wmt-conference/wmt22-news-systems; research only) - test only",
    "en_source": "English-original WMT21/22 source documents (research only)",
    "mt/smt2013": "WMT13 statistical/rule-based system outputs into English (statmt.org wmt13-data; research use)",
    "mqm": "Google MQM expert annotations, WMT21 zh-en (google/wmt-mqm-human-evaluation; Apache-2.0)",
    "mlqe": "MLQE-PE NMT into English with DA/HTER (CC0 1.0; sources Wikipedia CC BY-SA, Reddit)",
    "ocr/*": "ICDAR2017 (non-commercial), ICDAR2019 EN1 (CC BY-NC-SA 3.0), BLN600 (research use) OCR with ground truth",
    "clean_en/*": "UD English-EWT (CC BY-SA 4.0), Brown/ABC/webtext/NPS Chat (NLTK data; NPS non-commercial), PEPs (public domain/CC0), "
                  "Sherlock Holmes (public domain), newstest2013 English originals (research), JFLEG (CC BY-NC-SA 4.0)",
    "mojibake": "ftfy test cases (rspeer/python-ftfy; Apache-2.0)",
    "synthetic_*": "training/corrupt.py corruptions of each split's own clean rows (tortured phrases: PPS dictionary, CC BY 4.0)",
}


def _overlaps(span: tuple[int, int], spans: Sequence[Sequence[int]]) -> bool:
    return any(s < span[1] and e > span[0] for s, e in spans)


def passage_labels(row: dict, feats: RowFeatures, gt_texts: dict[tuple[str, str], str]) -> list[int | None]:
    """Label of each passage of a row (None: drop the passage)."""
    n = len(feats.spans)
    if row["label"] == 0:
        return [0] * n
    if row["kind"].startswith("synthetic_"):
        spans = row.get("spans") or []
        if not spans:
            return [1] * n
        return [1 if _overlaps(sp, spans) else None for sp in feats.spans]
    if row["kind"] == "ocr":
        gt = gt_texts.get((row["source"], row["doc_id"]), "")
        return [None if gt and " ".join(t.split()) in gt else 1 for t in feats.passage_texts]
    return [1] * n


def ocr_ground_truth(rows: Sequence[dict]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for r in rows:
        if r["kind"] == "ocr_gt":
            out[(r["source"], r["doc_id"])] = out.get((r["source"], r["doc_id"]), "") + " " + " ".join(r["text"].split())
    return out


KIND_EXPONENT = float(os.environ.get("MTDETECT_KIND_EXPONENT", "0.25"))


def kind_factors(rows: Sequence[dict], exponent: float | None = None) -> dict[str, float]:
    """Weight per row of each kind so a kind's total weight grows like size**(1 - exponent)
    (default 0.25: big kinds count more, but less than in proportion)."""
    e = KIND_EXPONENT if exponent is None else exponent
    counts = Counter(r["kind"] for r in rows)
    return {k: 1.0 / n**e for k, n in counts.items()}


def passage_set(rows: Sequence[dict], feats: Sequence[RowFeatures], balance: bool = True) -> tuple[list[PassageRecord], np.ndarray, np.ndarray, np.ndarray]:
    """Labelled, weighted passages of some rows: records, labels, weights, row index."""
    gt = ocr_ground_truth(rows)
    factors = kind_factors(rows)
    records: list[PassageRecord] = []
    y: list[int] = []
    w: list[float] = []
    row_of: list[int] = []
    for i, (row, f) in enumerate(zip(rows, feats, strict=False)):
        labels = passage_labels(row, f, gt)
        keep = [k for k, lab in enumerate(labels) if lab is not None]
        if not keep:
            continue
        base = float(row.get("weight") or 1.0) * factors[row["kind"]] / len(keep)
        for k in keep:
            records.append(f.records[k])
            y.append(int(labels[k]))
            w.append(base)
            row_of.append(i)
    ya, wa = np.asarray(y, dtype=np.int64), np.asarray(w, dtype=np.float64)
    if balance and len(ya):
        log_words = dense_feature_names().index("fluency.log_words")
        wa = balance_length(records, ya, wa, log_words)
        pos, neg = wa[ya == 1].sum(), wa[ya == 0].sum()
        if pos > 0 and neg > 0:
            wa = np.where(ya == 1, wa / pos, wa / neg) * (len(ya) / 2.0)
    return records, ya, wa, np.asarray(row_of, dtype=np.int64)


def row_scores(model: TrainedModel, feats: Sequence[RowFeatures]) -> np.ndarray:
    """Document score (`detector.model.document_score`) of each row; 0 for rows without passages."""
    records = [r for f in feats for r in f.records]
    scores = model.score_records(records) if records else np.zeros(0)
    out = np.zeros(len(feats))
    k = 0
    for i, f in enumerate(feats):
        n = len(f.records)
        if n:
            out[i] = document_score(scores[k : k + n])
        k += n
    return out


def choose_threshold(rows: Sequence[dict], scores: np.ndarray, max_fp: float, max_mean_fp: float) -> tuple[float, dict[str, float]]:
    """Lowest threshold with every clean register's FP rate <= max_fp and their mean <= max_mean_fp."""
    by_kind: dict[str, list[float]] = defaultdict(list)
    for r, s in zip(rows, scores, strict=False):
        if r["kind"] in CLEAN_REGISTERS:
            by_kind[r["kind"]].append(float(s))
    arrays = {k: np.asarray(v) for k, v in by_kind.items() if v}
    if not arrays:
        return 0.5, {}
    for t in np.round(np.arange(0.05, 0.99, 0.01), 2):
        fps = {k: float((a >= t).mean()) for k, a in arrays.items()}
        if max(fps.values()) <= max_fp and float(np.mean(list(fps.values()))) <= max_mean_fp:
            return float(t), fps
    t = 0.99
    return t, {k: float((a >= t).mean()) for k, a in arrays.items()}


def kind_metrics(rows: Sequence[dict], scores: np.ndarray, threshold: float) -> dict[str, dict[str, float]]:
    """Per kind: n, mean score, flagged share; for positive kinds ROC-AUC vs all clean registers."""
    from sklearn.metrics import roc_auc_score

    clean = np.array([r["kind"] in CLEAN_REGISTERS for r in rows])
    out: dict[str, dict[str, float]] = {}
    for kind in sorted({r["kind"] for r in rows}):
        sel = np.array([r["kind"] == kind for r in rows])
        s = scores[sel]
        m: dict[str, float] = {"n": int(sel.sum()), "flagged": round(float((s >= threshold).mean()), 4), "mean_score": round(float(s.mean()), 4)}
        labels = {r["label"] for r, keep in zip(rows, sel, strict=False) if keep}
        if labels == {1} and clean.any():
            y = np.r_[np.ones(sel.sum()), np.zeros(clean.sum())]
            m["auc_vs_clean"] = round(float(roc_auc_score(y, np.r_[s, scores[clean]])), 4)
        out[kind] = m
    return out


def load_split(corpus: Path, split: str, max_rows: int | None, exclude: Sequence[str] = HELD_OUT_KINDS, seed: int = 0) -> list[dict]:
    path = corpus / f"{split}.jsonl.gz"
    if not path.is_file():
        raise SystemExit(f"{path}: corpus split not found; build it with python -m training.corpus --out {corpus}")
    rows = [r for r in read_rows(path) if r["kind"] not in exclude]
    return subsample(rows, max_rows, seed)


def fit_on(train_rows: Sequence[dict], train_feats: Sequence[RowFeatures], dev_rows: Sequence[dict], dev_feats: Sequence[RowFeatures],
           params: dict, seed: int = 0) -> tuple[object, object, list[PassageRecord], np.ndarray]:
    crossfit(train_rows, train_feats)  # lm_* features of training rows from the other half's model
    recs, y, w, _ = passage_set(train_rows, train_feats)
    cal_recs, cal_y, cal_w, _ = passage_set(dev_rows, dev_feats)
    print(f"fitting on {len(recs)} passages ({int(y.sum())} positive); calibrating on {len(cal_recs)}", file=sys.stderr)
    pipe, calibrated = fit_calibrated(recs, y, w, cal_recs, cal_y, cal_w, method="sigmoid", seed=seed, **params)
    return pipe, calibrated, recs, y


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the shipped mtdetect model on the corpus.")
    ap.add_argument("--corpus", type=Path, default=Path("build/corpus"))
    ap.add_argument("-o", "--output", type=Path, default=Path("detector/data/model.joblib"))
    ap.add_argument("--max-train-rows", type=int, default=70000, help="subsample train rows (per kind) to bound time")
    ap.add_argument("--max-dev-rows", type=int, default=25000)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--max-fp", type=float, default=MAX_FP, help="max false-positive rate of any clean register (dev)")
    ap.add_argument("--max-mean-fp", type=float, default=MAX_MEAN_FP, help="max mean false-positive rate over clean registers (dev)")
    ap.add_argument("--params", default="", help="JSON overrides of the pipeline parameters, e.g. '{\"C\": 1.0}'")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)

    t0 = time.time()
    params = dict(DEFAULT_PARAMS)
    params.update(json.loads(args.params) if args.params else {})
    if isinstance(params.get("ngram_range"), list):
        params["ngram_range"] = tuple(params["ngram_range"])
    train_rows = load_split(args.corpus, "train", args.max_train_rows, seed=args.seed)
    dev_all = load_split(args.corpus, "dev", args.max_dev_rows, exclude=(), seed=args.seed)
    dev_rows = [r for r in dev_all if r["kind"] not in HELD_OUT_KINDS]
    train_feats = featurise_rows(train_rows, "train", args.jobs)
    dev_all_feats = featurise_rows(dev_all, "dev", args.jobs)
    dev_feats = [f for r, f in zip(dev_all, dev_all_feats, strict=False) if r["kind"] not in HELD_OUT_KINDS]

    pipe, calibrated, recs, y = fit_on(train_rows, train_feats, dev_rows, dev_feats, params, args.seed)
    provisional = build_model(pipe, calibrated, 0.5, {}, recs, y, name="mtdetect-lr")
    balanced_threshold, fps = choose_threshold(dev_all, row_scores(provisional, dev_all_feats), args.max_fp, args.max_mean_fp)
    # Ship the operating point as p = 0.5: shift the (balanced-class) calibration to the
    # prevalence 1 - t at which the chosen threshold t is even odds.
    shift = math.log(balanced_threshold / (1.0 - balanced_threshold))
    threshold = 0.5
    provisional.prior_shift = shift
    dev_scores = row_scores(provisional, dev_all_feats)
    metrics = kind_metrics(dev_all, dev_scores, threshold)

    sources = Counter(r["source"] for r in train_rows)
    kinds = Counter(r["kind"] for r in train_rows)
    meta = {
        "trained_at_unix": int(time.time()),
        "params": {k: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()},
        "calibration": "sigmoid on dev split (CalibratedClassifierCV + FrozenEstimator)",
        "document_score": "highest passage score, log-odds lowered by 0.5 * log(passages) (detector.model.document_score)",
        "dense_features": dense_feature_names(),
        "fluency_features": list(FLUENCY_FEATURES),
        "training": {
            "corpus": str(args.corpus),
            "train_rows": len(train_rows),
            "train_passages": len(recs),
            "train_positive_passages": int(y.sum()),
            "dev_rows": len(dev_all),
            "rows_by_kind": dict(sorted(kinds.items())),
            "rows_by_source": dict(sorted(sources.items())),
            "excluded_kinds": list(HELD_OUT_KINDS),
            "public_sources": SOURCES,
        },
        "threshold_rule": f"lowest t with dev FP <= {args.max_fp} per clean register and mean <= {args.max_mean_fp}; "
                          "probabilities shifted so that t becomes 0.5",
        "balanced_threshold": balanced_threshold,
        "assumed_prevalence": round(1.0 - balanced_threshold, 4),
        "prior_shift": shift,
        "dev_false_positive_rates": {k: round(v, 4) for k, v in fps.items()},
        "dev_metrics": metrics,
    }
    model = build_model(pipe, calibrated, threshold, meta, recs, y, name="mtdetect-lr")
    model.prior_shift = shift
    sidecar = save_model(model, args.output)
    print(f"threshold {balanced_threshold:.2f} (balanced) -> 0.5 shipped; dev FP by register: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(fps.items())), file=sys.stderr)
    for k, m in metrics.items():
        print(f"  {k:26s} " + " ".join(f"{a}={b}" for a, b in m.items()), file=sys.stderr)
    print(f"wrote {args.output} ({sidecar['size_bytes'] / 1e6:.2f} MB) in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
