"""Unit tests of the encoding extractor beyond the case file (tests/cases/encoding.jsonl)."""

from __future__ import annotations

import gzip
from importlib import resources

import numpy as np

from detector.config import Config
from detector.extractors.encoding import (
    COMPOUNDS_FILE,
    EncodingExtractor,
    compounds,
    participle_modifiers,
)
from detector.text import Document

EXTRACTOR = EncodingExtractor()


def _findings(text: str, config: Config | None = None):
    return EXTRACTOR.extract(Document(text), config or Config()).findings


def test_features_shape_and_counts() -> None:
    doc = Document("It&apos;s fine.\n\nThe cafÃ© is open. The long – term plan stands.")
    extraction = EXTRACTOR.extract(doc, Config())
    assert extraction.features.shape == (len(doc.passages), len(EncodingExtractor.feature_names))
    assert extraction.features.dtype == np.float32
    names = EncodingExtractor.feature_names
    assert extraction.features[:, names.index("html_entity")].sum() == 1
    assert extraction.features[:, names.index("mojibake")].sum() == 1
    assert extraction.features[:, names.index("spaced_dash")].sum() == 1


def test_empty_document() -> None:
    extraction = EXTRACTOR.extract(Document(""), Config())
    assert extraction.features.shape == (0, len(EncodingExtractor.feature_names))
    assert extraction.findings == ()


def test_spans_are_exact_in_later_paragraphs() -> None:
    text = "First paragraph is clean.\n\nSecond one has donâ€™t and &quot;quotes&quot;."
    for f in _findings(text):
        assert text[f.start : f.end] == f.text
    assert {f.text for f in _findings(text)} == {"â€™", "&quot;"}


def test_rules_are_declared_and_prefixed() -> None:
    declared = {r.id for r in EncodingExtractor.rules}
    assert all(r.startswith("encoding.") for r in declared)
    text = "donâ€™t &amp; Indo – Pacific . . . a\x07b caf\ufffd said , so , ok ,, yes"
    assert {f.rule for f in _findings(text)} <= declared


def test_allow_list_silences_a_term() -> None:
    text = "The Indo – Pacific strategy was announced."
    assert _findings(text)
    assert not _findings(text, Config(allow=frozenset({"indo – pacific"})))


def test_tokenised_punctuation_reported_once_per_passage() -> None:
    text = "He said , adding that it was fine , that they would go , and then left ."
    doc = Document(text)
    found = [f for f in EXTRACTOR.extract(doc, Config()).findings if f.rule == "encoding.punctuation_spacing"]
    assert len(found) == 1
    assert found[0].severity == "info"
    column = EncodingExtractor.feature_names.index("tokenised_punct")
    assert EXTRACTOR.extract(doc, Config()).features[0, column] == 4


def test_single_space_before_comma_is_not_reported() -> None:
    # One slip of the space bar in human text is not tokenisation.
    assert not _findings("The shops in Paris , London and Rome were closed.")


def test_c1_control_inside_mojibake_is_one_finding() -> None:
    found = _findings("Ecuador\u00e2\x80\x99s decision")
    assert [(f.rule, f.text, f.suggestion) for f in found] == [("encoding.mojibake", "\u00e2\x80\x99", "’")]


def test_lone_c1_control_suggests_cp1252_character() -> None:
    found = _findings("He waited\x85 then left.")
    assert [(f.rule, f.suggestion) for f in found] == [("encoding.control_char", "…")]


def test_compound_table_loads_with_header() -> None:
    whole, pieces = compounds()
    assert "long-term" in whole and "covid-19" in whole
    assert not whole & pieces
    path = resources.files("detector") / "data" / (COMPOUNDS_FILE + ".gz")
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        head = [line for line in f if line.startswith("#")]
    assert head[0].startswith("#") and any("build_encoding.py" in line for line in head)


def test_markup_is_counted_in_the_entity_column() -> None:
    doc = Document("The vote<br /> was close.\n\nIt&apos;s over.")
    extraction = EXTRACTOR.extract(doc, Config())
    names = EncodingExtractor.feature_names
    assert extraction.features[:, names.index("html_entity")].sum() == 2
    assert {f.rule for f in extraction.findings} == {"encoding.markup", "encoding.html_entity"}


def test_markdown_link_keeps_its_text_as_warning() -> None:
    (found,) = _findings("See [the ruling](https://example.org/r) today.")
    assert (found.rule, found.suggestion, found.severity) == ("encoding.markup", "the ruling", "warning")


def test_compound_table_has_wordnet_and_participle_modifiers() -> None:
    whole, _ = compounds()
    assert "soul-searching" in whole and "mother-in-law" in whole
    assert {"plant", "drug", "gas"} <= participle_modifiers()
    assert "criteria" not in participle_modifiers()


def test_open_compounds_need_the_noun_they_modify() -> None:
    # A head or participle right after a dash opens a clause unless a noun follows it.
    assert [f.text for f in _findings("A parole – like system was set up.")] == ["parole – like"]
    assert not _findings("Prices are high – like everything else.")
    assert not _findings("The new rules – based on EU law – take effect in May.")
    assert [f.suggestion for f in _findings("A 12 – tonne truck overturned.")] == ["12-tonne"]
    assert not _findings("He scored 12 – tonnes of praise followed.")
