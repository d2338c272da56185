"""Immutable result objects and their JSON form (see detector/schema/result.schema.json)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["info", "warning", "error"]
SEVERITIES: tuple[str, ...] = ("info", "warning", "error")

# Scores keep 6 decimals: a small change of the text (one dropped word) must stay visible in
# pipelines that compare scores of two versions of a passage; 4 decimals hid many of them.
SCORE_DIGITS = 6


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at an exact span: `text == document_text[start:end]`."""

    start: int
    end: int
    text: str
    rule: str
    category: str
    severity: Severity
    message: str
    suggestion: str | None = None
    confidence: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "suggestion": self.suggestion,
            "confidence": round(float(self.confidence), 4),
        }


@dataclass(frozen=True, slots=True)
class PassageResult:
    start: int
    end: int
    score: float
    flagged: bool
    features: dict[str, float] = field(default_factory=dict)
    readability: dict[str, float] = field(default_factory=dict)

    def to_dict(self, with_features: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "score": round(float(self.score), SCORE_DIGITS),
            "flagged": self.flagged,
            "readability": self.readability,
        }
        if with_features:
            out["features"] = {k: round(float(v), 4) for k, v in self.features.items()}
        return out


@dataclass(frozen=True, slots=True)
class DocumentResult:
    id: str | None
    score: float
    flagged: bool
    passages: tuple[PassageResult, ...]
    findings: tuple[Finding, ...]
    readability: dict[str, float]
    detector: dict[str, str]
    extra: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def to_dict(self, with_features: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)  # pass-through keys of a JSONL row come first
        out.update(
            {
                "id": self.id,
                "score": round(float(self.score), SCORE_DIGITS),
                "flagged": self.flagged,
                "passages": [p.to_dict(with_features) for p in self.passages],
                "findings": [f.to_dict() for f in self.findings],
                "readability": self.readability,
                "detector": dict(self.detector),
            }
        )
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out
