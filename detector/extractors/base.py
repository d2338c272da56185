"""The extractor interface: per-passage feature columns plus findings with exact spans."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Protocol

import numpy as np

from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document


@dataclass(frozen=True)
class Extraction:
    features: np.ndarray  # (n_passages, len(feature_names)), float32
    findings: tuple[Finding, ...]  # exact spans into the document text


class Extractor(Protocol):
    name: ClassVar[str]  # "names"; every rule id starts with it
    feature_names: ClassVar[tuple[str, ...]]  # stable; part of the model signature
    rules: ClassVar[tuple[Rule, ...]]

    def extract(self, doc: Document, config: Config) -> Extraction: ...


def zeros(doc: Document, n_features: int) -> np.ndarray:
    """An all-zero feature block for `doc`: the starting point of most extractors."""
    return np.zeros((len(doc.passages), n_features), dtype=np.float32)


def count_findings(doc: Document, findings: list[Finding] | tuple[Finding, ...], features: np.ndarray, column: int) -> None:
    """Add one to `features[passage, column]` for every finding, by the passage it starts in."""
    for f in findings:
        p = doc.passage_at(f.start)
        if p >= 0:
            features[p, column] += 1.0
