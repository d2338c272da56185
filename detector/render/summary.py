"""The batch summary: the numbers behind `mtdetect report` (HTML and JSON alike).

`summarize(results)` is the one entry point; `SummaryBuilder` is the same computation fed one
result at a time, so a writer can stream thousands of documents without holding them all.
"""

from __future__ import annotations

import argparse
import heapq
import math
import re
import statistics
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..results import SEVERITIES, DocumentResult

SCORE_BINS = 10  # score histogram: [0, 0.1), [0.1, 0.2), ... [0.9, 1.0]
WORST_DOCUMENTS = 10
# Flesch-Kincaid grade bins (US school grades): below 6 is easy, 13+ is college level.
FK_GRADE_EDGES: tuple[float, ...] = (6, 8, 10, 12, 14, 16, 18)
HARD_GRADE = 12.0  # documents above this grade are counted as "hard to read"
_SURROGATE = re.compile("[\ud800-\udfff]")  # lone surrogates cannot be written as UTF-8
READABILITY_KEYS = (
    "flesch_kincaid_grade",
    "flesch_reading_ease",
    "gunning_fog",
    "smog_index",
    "dale_chall",
    "mean_sentence_words",
    "max_sentence_words",
    "long_word_ratio",
)


def display_id(value: Any) -> str:
    """A document id as text (ids are whatever the input gave: strings, numbers, null)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    import json

    try:
        return json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        return str(value)


def _json_id(value: Any) -> Any:
    """The id as a JSON value that can be written as UTF-8 (kept as is when it already is one)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if value is None or isinstance(value, (int, bool)) or (isinstance(value, float) and math.isfinite(value)):
        return value
    return _SURROGATE.sub("\ufffd", display_id(value))


def finite(value: Any, default: float = 0.0) -> float:
    """`value` as a float, or `default` when it is not a finite number (NaN would make invalid JSON)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return default
    return v if math.isfinite(v) else default


def _percentile(sorted_values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in [0, 1]) of an already sorted list."""
    if not sorted_values:
        return 0.0
    pos = (len(sorted_values) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def _spread(values: list[float]) -> dict[str, float]:
    v = sorted(values)
    if not v:
        return {}
    return {
        "mean": round(statistics.fmean(v), 3),
        "median": round(_percentile(v, 0.5), 3),
        "p10": round(_percentile(v, 0.1), 3),
        "p90": round(_percentile(v, 0.9), 3),
        "min": round(v[0], 3),
        "max": round(v[-1], 3),
    }


def score_bin(score: float, bins: int = SCORE_BINS) -> int:
    """Histogram bin of a score in [0, 1]; 1.0 falls in the last bin."""
    return min(bins - 1, max(0, int(float(score) * bins)))


def grade_bin(grade: float) -> int:
    """Bin of a Flesch-Kincaid grade among FK_GRADE_EDGES (len(edges) + 1 bins)."""
    for i, edge in enumerate(FK_GRADE_EDGES):
        if grade < edge:
            return i
    return len(FK_GRADE_EDGES)


def grade_bin_labels() -> list[str]:
    e = FK_GRADE_EDGES
    return [f"<{e[0]:g}"] + [f"{a:g}–{b:g}" for a, b in zip(e, e[1:], strict=False)] + [f"{e[-1]:g}+"]


def _rule_templates() -> dict[str, str]:
    """One-line message of every known rule, placeholders shown as an ellipsis."""
    try:
        from ..rules import all_rules

        return {r.id: re.sub(r"\{[^}]*\}", "…", r.message) for r in all_rules()}
    except Exception:  # noqa: BLE001 - a broken extractor must not break the report
        return {}


class SummaryBuilder:
    """Accumulates the batch summary one DocumentResult at a time (see `summarize`)."""

    def __init__(self, threshold: float | None = None, worst: int = WORST_DOCUMENTS) -> None:
        self.threshold = threshold
        self.worst_n = worst
        self.documents = 0
        self.flagged = 0
        self.unreadable = 0
        self.findings = 0
        self.with_findings = 0
        self.scores: list[float] = []
        self.score_counts = [0] * SCORE_BINS
        self.flagged_by_bin = [0] * SCORE_BINS
        self.severity = Counter({s: 0 for s in SEVERITIES})
        self.cat_findings: Counter[str] = Counter()
        self.cat_docs: Counter[str] = Counter()
        self.rule_findings: Counter[str] = Counter()
        self.rule_docs: Counter[str] = Counter()
        self.rule_meta: dict[str, tuple[str, str, str]] = {}  # rule -> (category, severity, first message)
        self.readability: dict[str, list[float]] = {k: [] for k in READABILITY_KEYS}
        self.grade_counts = [0] * (len(FK_GRADE_EDGES) + 1)
        self.hard = 0
        self.long_sentences = 0
        self._worst: list[tuple[float, int, int, dict[str, Any]]] = []  # min-heap of the worst
        self.detector: dict[str, str] = {}

    def add_unreadable(self, n: int = 1) -> None:
        """Count inputs that could not be read (they are not documents)."""
        self.unreadable += n

    def add(self, result: DocumentResult) -> None:
        index = self.documents  # 0-based position in the batch
        self.documents += 1
        score = finite(result.score)
        self.scores.append(score)
        b = score_bin(score)
        self.score_counts[b] += 1
        if result.flagged:
            self.flagged += 1
            self.flagged_by_bin[b] += 1
        if not self.detector and result.detector:
            self.detector = dict(result.detector)
        findings = result.findings
        self.findings += len(findings)
        if findings:
            self.with_findings += 1
        cats: set[str] = set()
        rules: Counter[str] = Counter()
        for f in findings:
            self.severity[f.severity] += 1
            self.cat_findings[f.category] += 1
            cats.add(f.category)
            rules[f.rule] += 1
            if f.rule not in self.rule_meta:
                self.rule_meta[f.rule] = (f.category, f.severity, f.message)
            if f.rule == "readability.long_sentence":
                self.long_sentences += 1
        self.rule_findings.update(rules)
        self.rule_docs.update(rules.keys())
        self.cat_docs.update(cats)
        r = result.readability or {}
        if r:
            for k in READABILITY_KEYS:
                v = finite(r.get(k), math.nan)
                if not math.isnan(v):  # missing or not a number: left out, not counted as 0
                    self.readability[k].append(v)
            grade = finite(r.get("flesch_kincaid_grade"), math.nan)
            if not math.isnan(grade):
                self.grade_counts[grade_bin(grade)] += 1
                self.hard += grade > HARD_GRADE
        entry = {
            "index": index,
            "id": _json_id(result.id),
            "score": round(score, 4),
            "flagged": bool(result.flagged),
            "findings": len(findings),
            "top_rule": rules.most_common(1)[0][0] if rules else None,
        }
        key = (score, len(findings), -index, entry)
        if len(self._worst) < self.worst_n:
            heapq.heappush(self._worst, key)  # type: ignore[misc]
        elif key[:3] > self._worst[0][:3]:
            heapq.heapreplace(self._worst, key)  # type: ignore[misc]

    def to_dict(self) -> dict[str, Any]:
        n = self.documents
        templates = _rule_templates()
        scores = sorted(self.scores)
        by_rule = [
            {
                "rule": rule,
                "category": self.rule_meta[rule][0],
                "severity": self.rule_meta[rule][1],
                "findings": count,
                "documents": self.rule_docs[rule],
                "message": templates.get(rule, self.rule_meta[rule][2]),
            }
            for rule, count in sorted(self.rule_findings.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        by_category = [
            {"category": c, "findings": k, "documents": self.cat_docs[c]}
            for c, k in sorted(self.cat_findings.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        worst = [e for *_, e in sorted(self._worst, key=lambda t: t[:3], reverse=True)]
        with_readability = len(self.readability["flesch_kincaid_grade"])
        return {
            "documents": n,
            "flagged": self.flagged,
            "flagged_share": round(self.flagged / n, 4) if n else 0.0,
            "threshold": self.threshold,
            "unreadable_inputs": self.unreadable,
            "findings": self.findings,
            "documents_with_findings": self.with_findings,
            "by_severity": {s: self.severity[s] for s in SEVERITIES},
            "score": {
                "mean": round(statistics.fmean(scores), 4) if scores else 0.0,
                "median": round(_percentile(scores, 0.5), 4),
                "p90": round(_percentile(scores, 0.9), 4),
                "max": round(scores[-1], 4) if scores else 0.0,
            },
            "score_histogram": {
                "edges": [round(i / SCORE_BINS, 2) for i in range(SCORE_BINS + 1)],
                "counts": list(self.score_counts),
                "flagged": list(self.flagged_by_bin),
            },
            "by_category": by_category,
            "by_rule": by_rule,
            "worst": worst,
            "readability": {
                "documents": with_readability,
                "hard_documents": self.hard,
                "hard_grade": HARD_GRADE,
                "long_sentences": self.long_sentences,
                "metrics": {k: _spread(v) for k, v in self.readability.items() if v},
                "fk_grade_histogram": {
                    "edges": list(FK_GRADE_EDGES),
                    "labels": grade_bin_labels(),
                    "counts": list(self.grade_counts),
                },
            },
            "detector": self.detector,
        }


def summarize(results: Iterable[DocumentResult], threshold: float | None = None, unreadable: int = 0) -> dict[str, Any]:
    """The batch summary of `results` (in batch order): counts, flagged, findings by severity,
    category and rule, the worst documents, the score histogram and a readability overview.
    `index` in `worst` is the 0-based position in the batch. Streams: memory is a few floats
    per document."""
    builder = SummaryBuilder(threshold)
    for r in results:
        builder.add(r)
    builder.add_unreadable(unreadable)
    return builder.to_dict()


def threshold_for(args: argparse.Namespace, source: str) -> float | None:
    """The threshold the CLI applied to `source` (flag, else config file, else default);
    None when the configuration cannot be read (the scorer reports that error itself)."""
    from ..config import find_config_file, load_config
    from ..errors import DetectorError

    value = getattr(args, "threshold", None)
    if value is not None:
        return float(value)
    try:
        explicit = getattr(args, "config", None)
        path = Path(explicit) if explicit else find_config_file(None if source in ("-", "<stdin>") else Path(source))
        return load_config(path).threshold
    except (DetectorError, OSError):
        return None
