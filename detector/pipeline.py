"""The Detector: text -> Document -> extractors -> model -> DocumentResult."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from typing import Any

import numpy as np

from . import __version__
from .config import Config
from .extractors import EXTRACTORS
from .extractors.readability import ReadabilityExtractor, add_counts, documents_counts, readability_from_counts
from .model import Model, document_score, length_corrected, load_model, passage_threshold
from .results import DocumentResult, Finding, PassageResult
from .text import Document


def extract_features(doc: Document, config: Config) -> tuple[np.ndarray, tuple[Finding, ...]]:
    """Run every registered extractor in order: the feature matrix (passages x all features)
    and all findings. Training calls this too, so training and scoring never drift."""
    blocks, findings = [], []
    for extractor in EXTRACTORS:
        if config.extractor_enabled(extractor.name):
            extraction = extractor.extract(doc, config)
            blocks.append(extraction.features)
            findings.extend(extraction.findings)
        else:  # a disabled extractor contributes no evidence
            blocks.append(np.zeros((len(doc.passages), len(extractor.feature_names)), dtype=np.float32))
    # np.concatenate: what np.hstack does for 2-D blocks, without its per-call Python overhead
    features = np.concatenate(blocks, axis=1) if blocks else np.zeros((len(doc.passages), 0), dtype=np.float32)
    return features, tuple(findings)


def feature_names() -> list[str]:
    return list(_feature_names())


@cache
def _feature_names() -> tuple[str, ...]:
    return tuple(f"{e.name}.{f}" for e in EXTRACTORS for f in e.feature_names)


def _keep(finding: Finding, config: Config) -> bool:
    return config.rule_enabled(finding.rule) and not config.is_allowed(finding.text)


class Detector:
    """Score documents for machine-translation, spinner and garbling artefacts.

    >>> result = Detector().score("He met Secretary of State Anthony Blingen.")
    >>> result.score  # doctest: +SKIP
    """

    def __init__(
        self,
        config: Config | None = None,
        model: Model | str | None = None,
        trust_model: bool = False,
        keep_features: bool = False,
    ) -> None:
        self.config = config or Config()
        # Per-passage feature dicts cost memory on big inputs; only kept when asked for
        # (`mtdetect score --features`, training, explanations in reports).
        self.keep_features = keep_features
        self._model_arg = model
        self._trust_model = trust_model
        self._model: Model | None = None

    @property
    def model(self) -> Model:
        """The model, loaded (and verified) on first use."""
        if self._model is None:
            arg = self._model_arg
            self._model = arg if arg is not None and not isinstance(arg, str) else load_model(arg, self._trust_model)
        return self._model

    def score(self, text: str, id: Any = None, extra: dict[str, Any] | None = None, warnings: tuple[str, ...] = ()) -> DocumentResult:
        model = self.model
        passages: list[PassageResult] = []
        findings: list[Finding] = []
        counts = None  # readability counts of the whole text: the sum of its passages' counts
        pieces = 0
        for offset, doc in _pieces(text, id):
            pieces += 1
            piece_passages, piece_findings = self._analyse(doc, model)
            if offset:
                piece_passages = [replace(p, start=p.start + offset, end=p.end + offset) for p in piece_passages]
                piece_findings = [replace(f, start=f.start + offset, end=f.end + offset) for f in piece_findings]
            passages.extend(piece_passages)
            findings.extend(piece_findings)
            piece_counts = documents_counts((doc,))
            counts = piece_counts if counts is None else add_counts(counts, piece_counts)
        scores = np.array([p.score for p in passages], dtype=np.float64)
        score = document_score(scores)
        if pieces > 1:  # a document read in pieces: flag passages by the whole document's passage count
            t, n = self.config.threshold, len(passages)
            passages = [replace(p, flagged=length_corrected(p.score, n) >= t) for p in passages]
        return DocumentResult(
            id=id,
            score=score,
            flagged=bool(passages and score >= self.config.threshold),
            passages=tuple(passages),
            findings=tuple(findings),
            readability=readability_from_counts(counts) if passages and counts is not None else {},
            detector={"version": __version__, "model": getattr(model, "name", type(model).__name__)},
            extra=extra or {},
            warnings=warnings,
        )

    def _analyse(self, doc: Document, model: Model) -> tuple[list[PassageResult], list[Finding]]:
        """Passage results and findings (offsets into `doc.text`) of one document or piece."""
        features, findings = extract_features(doc, self.config)
        passage_scores = model.score_passages(doc, features, findings) if len(doc.passages) else np.zeros(0)
        n = len(doc.passages)
        explain = getattr(model, "explain", None)
        if explain is not None:  # the passages that flag the document (see detector.model.length_corrected)
            findings = findings + tuple(explain(doc, features, passage_scores, findings, passage_threshold(self.config.threshold, n)))
        kept = sorted((f for f in findings if _keep(f, self.config)), key=_finding_order)
        threshold = self.config.threshold
        # whole columns to Python floats at once: per-element numpy indexing costs more than the rest
        scores = np.asarray(passage_scores, dtype=np.float64).tolist()
        rnames, rcols = _readability_columns()
        rrows = features[:, rcols].tolist() if rcols else [[] for _ in doc.passages]
        names = feature_names() if self.keep_features else None
        frows = features.tolist() if self.keep_features else None
        passages = [
            PassageResult(
                start=p.start,
                end=p.end,
                score=float(scores[i]),
                flagged=length_corrected(scores[i], n) >= threshold,
                features=dict(zip(names, frows[i], strict=True)) if frows is not None else {},
                readability={k: round(v, 3) for k, v in zip(rnames, rrows[i], strict=True)},
            )
            for i, p in enumerate(doc.passages)
        ]
        return passages, kept

    def score_many(self, items: Iterable[str | tuple[Any, str] | dict[str, Any]]) -> Iterator[DocumentResult]:
        """Score texts in input order. Items are strings, (id, text) pairs, or dicts with
        `text` and optional `id` (other keys are passed through to the result)."""
        for n, item in enumerate(items, 1):
            if isinstance(item, str):
                yield self.score(item, id=n)
            elif isinstance(item, tuple):
                yield self.score(item[1], id=item[0])
            else:
                extra = {k: v for k, v in item.items() if k not in ("text", "id")}
                yield self.score(item["text"], id=item.get("id", n), extra=extra)


# A document longer than this is analysed piece by piece, each piece cut at a passage
# boundary, so memory is bounded by the piece (tokens of ~1 MB of text), not the document.
# Consistency rules (one name spelled two ways) then look within a piece only.
PIECE_CHARS = 1_000_000


def _pieces(text: str, id: Any) -> Iterator[tuple[int, Document]]:
    """(offset, Document) pieces of `text`: the whole text when it is short enough."""
    if len(text) <= PIECE_CHARS:
        yield 0, Document(text, id)
        return
    start = 0
    whole = Document(text, id)
    bounds = [p.start for p in whole.passages[1:]]
    del whole  # only the passage boundaries are needed; tokens are made per piece
    for cut in bounds:
        if cut - start >= PIECE_CHARS:
            yield start, Document(text[start:cut], id)
            start = cut
    yield start, Document(text[start:], id)


def _finding_order(f: Finding) -> tuple[int, int, str]:
    return (f.start, f.end, f.rule)


@cache
def _readability_columns() -> tuple[tuple[str, ...], list[int]]:
    """Names and feature-matrix columns of the readability features (the registry is fixed)."""
    offset = 0
    for e in EXTRACTORS:
        if isinstance(e, ReadabilityExtractor):
            return tuple(e.feature_names), [offset + j for j in range(len(e.feature_names))]
        offset += len(e.feature_names)
    return (), []
