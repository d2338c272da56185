"""Behaviour of the garble extractor beyond the case file: features, spans, allow-list."""

from __future__ import annotations

import numpy as np

from detector.config import Config
from detector.extractors.garble import GarbleExtractor, forbidden_pairs, ocr_correction, verb_lexicon
from detector.text import Document

EXTRACTOR = GarbleExtractor()
NAMES = EXTRACTOR.feature_names


def _run(text: str, config: Config | None = None):
    doc = Document(text)
    return doc, EXTRACTOR.extract(doc, config or Config())


def test_features_shape_and_dtype() -> None:
    doc, out = _run("The the report was late.\n\nEverything else is fine here.")
    assert out.features.shape == (len(doc.passages), len(NAMES))
    assert out.features.dtype == np.float32
    assert out.features[0, NAMES.index("doubled_word_count")] == 1.0
    assert out.features[1, NAMES.index("doubled_word_count")] == 0.0


def test_empty_document() -> None:
    doc, out = _run("")
    assert out.features.shape == (0, len(NAMES))
    assert out.findings == ()


def test_passage_statistics_without_findings() -> None:
    _, clean = _run("The council approved the new budget for schools and hospitals on Tuesday.")
    _, noisy = _run("Tbe cormcil aproved tlie nevv bndget for sclrools aud liospitals ou Tuesdav.")
    col = NAMES.index("mean_word_zipf")
    assert clean.features[0, col] > noisy.features[0, col]
    assert noisy.features[0, NAMES.index("nonword_share")] > clean.features[0, NAMES.index("nonword_share")]
    assert 0.0 <= clean.features[0, NAMES.index("capitalised_share")] <= 1.0


def test_repeated_content_word_ratio() -> None:
    _, out = _run("Sanctions, sanctions and more sanctions were imposed.")
    assert out.features[0, NAMES.index("repeated_content_word_ratio")] > 0.3


def test_spans_are_exact() -> None:
    text = "He said tbe talks in the city in the city would go on."
    _, out = _run(text)
    assert {(f.rule, f.text) for f in out.findings} == {
        ("garble.nonword", "tbe"),
        ("garble.repetition", "in the city in the city"),
    }
    for f in out.findings:
        assert text[f.start : f.end] == f.text


def test_allow_list() -> None:
    _, out = _run("Researchers at tbe institute agreed.", Config().with_overrides(allow=["tbe"]))
    assert out.findings == ()


def test_doubled_word_across_line_break_is_not_flagged() -> None:
    _, out = _run("Meet me at the\nthe station is closed")
    assert not [f for f in out.findings if f.rule == "garble.doubled_word"]


def test_foreign_passage_is_not_flagged_word_by_word() -> None:
    _, out = _run("Президент заявил, что санкции будут введены в ближайшее время.")
    assert out.findings == ()


def test_tables() -> None:
    assert "of" in forbidden_pairs()["the"]
    assert "the" not in forbidden_pairs().get("of", frozenset())
    assert ocr_correction("rnorning") == "morning"
    assert ocr_correction("house") is None or ocr_correction("house") != "house"
    assert {"said", "took", "announced"} <= verb_lexicon()


def test_rules_are_prefixed_and_documented() -> None:
    for rule in EXTRACTOR.rules:
        assert rule.id.startswith("garble.")
        assert rule.explanation and rule.message
