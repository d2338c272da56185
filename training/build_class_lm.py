"""Build detector/data/class_lm.npz: the class-trigram model of clean English behind the
classifier's two `lm_*` fluency features (detector/class_lm.py says what they measure).

Source: the human-English rows of the TRAIN split of the corpus (training/corpus.py): English
originals, WMT human references, the clean_en registers and OCR ground truth. Never dev or test,
never MT, OCR output or learner English. Only counts of abstract token classes are kept (no
words beyond the classifier's function and frequent words, no text).

Cross-fitting: the classifier is trained on some of the same clean rows. A row the language
model has seen looks more fluent than an unseen one, so the classifier would learn to trust the
feature too much. `crossfit` therefore gives every training row the features of a model built
WITHOUT its half of the documents (fold = hash of source and document); dev, test and users' text
get the shipped model built from all of them. training/train.py calls it before fitting.

Usage: python -m training.build_class_lm --corpus build/corpus [--out detector/data]
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from detector import class_lm
from detector.classifier import CLASSES, FLUENCY_FEATURES, passage_ids
from detector.text import Document
from training.featurise import RowFeatures, read_rows

LM_KINDS = frozenset({"reference", "en_source", "clean_news", "clean_informal", "clean_technical", "clean_literary", "ocr_gt"})
_COLS = [FLUENCY_FEATURES.index(f) for f in class_lm.FEATURES]


def fold_of(row: dict) -> int:
    """0 or 1, stable per document (synthetic rows share their clean parent's document)."""
    return zlib.crc32(f"{row.get('source')}\x00{row.get('doc_id')}".encode()) & 1


def tables_from_rows(rows: Sequence[dict]) -> dict[str, np.ndarray]:
    streams = [passage_ids(p) for r in rows for p in Document(r["text"]).passages]
    return class_lm.fit_tables(streams, len(CLASSES))


def crossfit(rows: Sequence[dict], feats: Sequence[RowFeatures]) -> None:
    """Overwrite the lm_* columns of every training record with out-of-fold features (in place)."""
    first = next((f.records[0] for f in feats if f.records), None)
    if first is None:
        return
    cols = [len(first.dense) - len(FLUENCY_FEATURES) + c for c in _COLS]
    tables = []
    for fold in (0, 1):
        streams = [rec.ids for r, f in zip(rows, feats, strict=False) if r["kind"] in LM_KINDS and fold_of(r) != fold
                   for rec in f.records]
        tables.append(class_lm.fit_tables(streams, len(CLASSES)))
    for r, f in zip(rows, feats, strict=False):
        if not f.records:
            continue
        values = class_lm.features([rec.ids for rec in f.records], tables[fold_of(r)])
        for rec, v in zip(f.records, values, strict=False):
            rec.dense[cols] = v


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("build/corpus"))
    ap.add_argument("--out", type=Path, default=Path("detector/data"))
    args = ap.parse_args(argv)
    path = args.corpus / "train.jsonl.gz"
    if not path.is_file():
        raise SystemExit(f"{path}: corpus not found; build it with python -m training.corpus --out {args.corpus}")
    rows = [r for r in read_rows(path) if r["kind"] in LM_KINDS]
    tables = tables_from_rows(rows)
    args.out.mkdir(parents=True, exist_ok=True)
    out = args.out / class_lm.LM_FILE
    class_lm.save_tables(tables, out)
    meta = {
        "what": "class-trigram model of clean English for detector/class_lm.py (counts of abstract token classes only)",
        "built": datetime.date.today().isoformat(),
        "script": "python -m training.build_class_lm --corpus build/corpus",
        "sources": "human-English rows of the train split of training/corpus.py: WMT21/WMT13 human references, "
                   "English-original WMT21 sources, clean_en registers (UD EWT, Brown, ABC, webtext, NPS Chat, PEPs, "
                   "Sherlock Holmes, newstest2013), OCR ground truth (ICDAR2017/2019, BLN600)",
        "licence": "derived counts; the sources are research-only or non-commercial in part (see reports/model-card.md)",
        "rows": len(rows),
        "tokens": int(tables["n_tokens"][0]),
        "bigrams": len(tables["bi_keys"]),
        "trigrams": len(tables["tri_keys"]),
        "min_trigram_count": class_lm.MIN_TRIGRAM_COUNT,
        "discount": class_lm.DISCOUNT,
        "tables_sha256": class_lm.tables_sha256_of(tables),
    }
    (args.out / "class_lm.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB): {len(rows)} rows, {int(tables['n_tokens'][0])} tokens, "
          f"{len(tables['bi_keys'])} bigrams, {len(tables['tri_keys'])} trigrams", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
