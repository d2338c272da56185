"""One place that decides which rows of ../shared/data are train, dev or test.

Every script in training/ (corpus building, phrase statistics, model fitting,
rule metrics) asks `split_of` so that the held-out test split is never used to
build tables, tune rules or fit the model.

Policy:
- WMT MT: WMT21 (and 2013 SMT) systems are for training; WMT22 is test only,
  so test shares no year with training. MQM (WMT21 zh-en) goes with WMT21.
- Every other source is split by a stable hash of (source, doc_id):
  70% train, 10% dev, 20% test.
"""

from __future__ import annotations

import hashlib

TEST_YEARS = frozenset({2022})


def _bucket(source: str, doc_id: str) -> int:
    digest = hashlib.sha1(f"{source}\x00{doc_id}".encode()).hexdigest()
    return int(digest[:8], 16) % 100


def split_of(source: str, doc_id: str | int | None, year: int | None = None) -> str:
    """Return "train", "dev" or "test" for one row, deterministically.

    `source` names the corpus file family (e.g. "clean_en/news_abc", "ocr/bln600",
    "en_source", "mt/wmt21"), `doc_id` the document the row belongs to.
    """
    if year is not None and year in TEST_YEARS and source.startswith(("mt/", "en_source", "scores")):
        return "test"
    if year is not None and source.startswith(("mt/", "mqm")):
        # MT of non-test years: split documents so we still have a dev set.
        bucket = _bucket(source, str(doc_id))
        return "dev" if bucket < 15 else "train"
    bucket = _bucket(source, str(doc_id))
    if bucket < 20:
        return "test"
    if bucket < 30:
        return "dev"
    return "train"
