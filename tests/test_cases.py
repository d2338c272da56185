"""Runs every example in tests/cases/<extractor>.jsonl (the LanguageTool habit).

Each line: {"text": ..., "expect": [{"rule": ..., "text": ..., "suggestion": ...}], "note": ...}
- `expect` non-empty: each expected finding appears (rule id or rule prefix, exact span text,
  and the suggestion when given).
- `expect` empty: a hard negative; the extractor named by the file gives no finding at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detector import Detector

CASES_DIR = Path(__file__).parent / "cases"


def _load_cases():
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                yield pytest.param(path.stem, case, id=f"{path.stem}:{n}")


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.mark.parametrize(("extractor", "case"), list(_load_cases()))
def test_case(detector: Detector, extractor: str, case: dict) -> None:
    result = detector.score(case["text"])
    mine = [f for f in result.findings if f.category == extractor]
    for f in result.findings:
        assert case["text"][f.start : f.end] == f.text
    if not case["expect"]:
        assert not mine, f"false alarm on hard negative ({case.get('note', '')}): {[(f.rule, f.text) for f in mine]}"
        return
    for exp in case["expect"]:
        matches = [
            f
            for f in mine
            if (f.rule == exp["rule"] or f.rule.startswith(exp["rule"] + "."))
            and f.text == exp["text"]
            and ("suggestion" not in exp or f.suggestion == exp["suggestion"])
        ]
        assert matches, f"missed {exp} ({case.get('note', '')}); got {[(f.rule, f.text, f.suggestion) for f in mine]}"
