"""Behaviour of the phrasing extractor beyond the case file: features, data, allow-list."""

from __future__ import annotations

import numpy as np

from detector.config import Config
from detector.extractors.phrasing import (
    CALQUES,
    PhrasingExtractor,
    odd_table,
    phrase_key,
    tortured_table,
)
from detector.text import Document

EXTRACTOR = PhrasingExtractor()


def _run(text: str, config: Config | None = None):
    doc = Document(text)
    return doc, EXTRACTOR.extract(doc, config or Config())


def test_features_shape_and_dtype() -> None:
    doc, out = _run("The researchers used profound learning.\n\nPrices rose again in May.")
    assert out.features.shape == (len(doc.passages), len(EXTRACTOR.feature_names))
    assert out.features.dtype == np.float32
    assert out.features[0, EXTRACTOR.feature_names.index("tortured_count")] == 1.0
    assert out.features[1, EXTRACTOR.feature_names.index("tortured_count")] == 0.0


def test_empty_document() -> None:
    doc, out = _run("")
    assert out.features.shape == (0, len(EXTRACTOR.feature_names))
    assert out.findings == ()


def test_spans_are_exact_and_tight() -> None:
    text = "Firms mine colossal information, and counterfeit consciousness helps."
    _, out = _run(text)
    assert [(f.text, f.suggestion) for f in out.findings] == [
        ("colossal information", "big data"),
        ("counterfeit consciousness", "artificial intelligence"),
    ]
    for f in out.findings:
        assert text[f.start : f.end] == f.text


def test_offsets_in_later_passages() -> None:
    text = "First paragraph here.\n\nSecond one: the team used profound learning."
    _, out = _run(text)
    (f,) = out.findings
    assert text[f.start : f.end] == "profound learning"


def test_allow_list_silences_a_phrase() -> None:
    config = Config().with_overrides(allow=["profound learning"])
    _, out = _run("The researchers used profound learning.", config)
    assert out.findings == ()


def test_phrase_across_punctuation_is_not_matched() -> None:
    _, out = _run("It was profound. Learning takes time.")
    assert out.findings == ()


def test_proper_name_is_not_flagged() -> None:
    _, out = _run("She works for Profound Learning Ltd in Leeds.")
    assert out.findings == ()


def test_data_tables_load_and_are_clean() -> None:
    table = tortured_table()
    assert sum(len(v) for v in table.values()) > 5000
    entries = {key: expected for lst in table.values() for key, expected, _ in lst}
    assert entries[phrase_key("profound learning")] == "deep learning"
    # common English was filtered out of the dictionary
    for ordinary in ("on the off chance", "be that as it", "neural network", "machine learning"):
        assert phrase_key(ordinary) not in entries
    assert all("?" not in e and "(" not in e for e in entries.values() if e)
    assert odd_table()["tested optimistic"] == "tested positive"


def test_every_calque_has_triggers_and_a_span_group() -> None:
    for calque in CALQUES:
        assert calque.triggers
        assert "span" in calque.pattern.groupindex
        assert calque.note


def test_rules_are_prefixed_and_documented() -> None:
    for rule in EXTRACTOR.rules:
        assert rule.id.startswith("phrasing.")
        assert rule.explanation and rule.message
