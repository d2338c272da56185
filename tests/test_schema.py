"""Every result, from the API and from `--format json|jsonl`, validates against
detector/schema/result.schema.json, and every finding's text is its exact span."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLE
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detector import Detector

INPUTS = {
    "clean.txt": "The city council approved the budget on Tuesday. Members voted eight to three.\n",
    "example.txt": EXAMPLE.read_text(encoding="utf-8"),
    "crlf.txt": "Storm hits coast\r\n\r\nThe storm reached the coast on Sunday.\r\nPower failed across the region.\r\n",
    "unicode.txt": "Fans 👨\u200d👩\u200d👧 cheered 🇺🇸. Cafe\u0301 owners said שלום and قال الرئيس.\u00a0The end.",
    "empty.txt": "",
}


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


@pytest.fixture
def inputs(tmp_path: Path, long_sentence: str) -> list[Path]:
    paths = []
    for name, text in {**INPUTS, "long.txt": "Transport plan\n\n" + long_sentence}.items():
        p = tmp_path / name
        p.write_text(text, encoding="utf-8", newline="")
        paths.append(p)
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\u00e9 owners protested.".encode("latin-1"))  # gives a `warnings` entry
    paths.append(bad)
    return paths


def _check_spans(obj: dict, text: str) -> None:
    for f in obj["findings"]:
        assert text[f["start"] : f["end"]] == f["text"]
    for p in obj["passages"]:
        assert 0 <= p["start"] < p["end"] <= len(text)


def test_json_output_validates(cli, inputs: list[Path], validate_result) -> None:
    r = cli("score", "--format", "json", *map(str, inputs))
    assert r.code == 0, r.err
    docs = r.json()
    assert isinstance(docs, list) and len(docs) == len(inputs)
    for path, obj in zip(inputs, docs, strict=True):
        validate_result(obj)
        _check_spans(obj, path.read_bytes().decode("utf-8", errors="replace"))
    assert any("warnings" in d for d in docs)
    assert any(f["rule"] == "readability.long_sentence" for d in docs for f in d["findings"])


def test_single_json_object_validates_with_features(cli, inputs: list[Path], validate_result) -> None:
    r = cli("score", "--format", "json", "--features", str(inputs[1]))
    obj = r.json()
    validate_result(obj)
    assert obj["passages"] and all(p["features"] for p in obj["passages"])


def test_jsonl_output_validates(cli, inputs: list[Path], validate_result, tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    with rows.open("w", encoding="utf-8") as fh:
        for n, text in enumerate(INPUTS.values()):
            fh.write(json.dumps({"id": f"doc-{n}", "text": text, "source": "test", "n": n}) + "\n")
        fh.write(json.dumps({"text": "No id here."}) + "\n")
    r = cli("score", "--format", "jsonl", "--features", str(rows), *map(str, inputs))
    assert r.code == 0, r.err
    out = r.jsonl()
    assert len(out) == len(INPUTS) + 1 + len(inputs)
    for obj in out:
        validate_result(obj)
    for n, text in enumerate(INPUTS.values()):
        assert out[n]["id"] == f"doc-{n}" and out[n]["n"] == n
        _check_spans(out[n], text)
    assert out[len(INPUTS)]["id"] == len(INPUTS) + 1  # line number


def test_schema_rejects_a_broken_result(validate_result, detector: Detector) -> None:
    # the validator is not a rubber stamp
    obj = detector.score("The port reopened on Monday.").to_dict()
    validate_result(obj)
    for broken in (
        {**obj, "score": 1.5},
        {k: v for k, v in obj.items() if k != "findings"},
        {**obj, "findings": [{"start": 0, "end": 3, "text": "The", "rule": "Bad Rule", "category": "x", "severity": "fatal"}]},
    ):
        with pytest.raises(AssertionError):
            validate_result(broken)


# ------------------------------------------------------------------------------------------
# Properties: any text
# ------------------------------------------------------------------------------------------

PIECES = [
    "The", "minister", "met", "Secretary", "of", "State", "Anthony", "Blinken", "in", "Tokyo", "President",
    "Mr.", "U.S.", "Jan.", "3.5", "don't", "Indo-Pacific", "donâ€™t", "Indo – Pacific", ". . .", "faces",
    "sanctions", "through", ".", "!", "?", ",", '"', "“", "”", "(", ")", " ", " ", " ", "\t", "\n", "\r\n",
    "\n\n", "\u00a0", "👨\u200d👩\u200d👧", "🇺🇸", "e\u0301", "\u0301", "שלום", "قال", "\u200f", "\ufffd", "\x00",
]


def _check_result(detector: Detector, validate_result, text: str) -> None:
    result = detector.score(text, id="t")
    for f in result.findings:
        assert text[f.start : f.end] == f.text
        assert 0 <= f.start <= f.end <= len(text)
    d = result.to_dict()
    validate_result(d)
    validate_result(json.loads(json.dumps(d)))  # what --format json prints
    assert (len(d["passages"]) == 0) == (text.strip() == "")  # only blank text has no passage


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(exclude_categories=()), max_size=400))
def test_any_unicode_scores_to_a_valid_result(detector: Detector, validate_result, text: str) -> None:
    _check_result(detector, validate_result, text)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), max_size=120).map(" ".join))
def test_news_like_fragments_score_to_a_valid_result(detector: Detector, validate_result, text: str) -> None:
    _check_result(detector, validate_result, text)
