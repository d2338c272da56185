"""Rule metadata: the stable id, severity, one-line message and explanation of every rule.

Each extractor module declares its rules as module-level `Rule` constants and lists them in
its `rules` attribute; `all_rules()` collects them for `mtdetect rules` and the docs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .results import Finding, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    id: str  # dotted and stable: "names.near_miss"
    severity: Severity
    message: str  # one line; may contain {placeholders} filled by the extractor
    explanation: str  # why it matters, an example, the fix
    example: str = ""

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]

    def finding(
        self,
        text: str,
        start: int,
        end: int,
        message: str | None = None,
        suggestion: str | None = None,
        confidence: float = 1.0,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule on text[start:end] of the document text `text`."""
        return Finding(
            start=start,
            end=end,
            text=text[start:end],
            rule=self.id,
            category=self.category,
            severity=severity or self.severity,
            message=message or self.message,
            suggestion=suggestion,
            confidence=max(0.0, min(1.0, float(confidence))),
        )


def all_rules() -> tuple[Rule, ...]:
    """Every rule of every registered extractor, in registry order (plus the model's)."""
    from .extractors import EXTRACTORS
    from .model import MODEL_RULES

    rules: list[Rule] = []
    for extractor in EXTRACTORS:
        rules.extend(extractor.rules)
    rules.extend(MODEL_RULES)
    return tuple(rules)
