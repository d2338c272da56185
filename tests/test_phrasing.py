"""Behaviour of the phrasing extractor beyond the case file: features, data, allow-list."""

from __future__ import annotations

import numpy as np

from detector.config import Config
from detector.extractors.phrasing import (
    ALL_PATTERNS,
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
    entries = {key: expected for lst in table.values() for key, expected, _, _ in lst}
    assert entries[phrase_key("profound learning")] == "deep learning"
    # common English was filtered out of the dictionary
    for ordinary in ("on the off chance", "be that as it", "neural network", "machine learning"):
        assert phrase_key(ordinary) not in entries
    assert all("?" not in e and "(" not in e for e in entries.values() if e)
    assert odd_table()[("tested", "optimistic")] == "tested positive"
    assert odd_table()[("human", "privileges")] == "human rights"


def test_every_calque_has_triggers_and_a_span_group() -> None:
    for calque in ALL_PATTERNS:
        assert calque.triggers
        assert "span" in calque.pattern.groupindex
        assert calque.note


def test_rules_are_prefixed_and_documented() -> None:
    for rule in EXTRACTOR.rules:
        assert rule.id.startswith("phrasing.")
        assert rule.explanation and rule.message


def test_lowered_words_are_shared_and_interned() -> None:
    from detector.extractors.phrasing import lowered_words

    doc = Document("The Prime Minister met reporters in Unused York.")
    passage = doc.passages[0]
    first = lowered_words(passage)
    assert first == ["the", "prime", "minister", "met", "reporters", "in", "unused", "york"]
    assert lowered_words(passage) is first  # computed once per passage
    assert first[1] is lowered_words(Document("PRIME time").passages[0])[0]  # interned strings


def test_frequent_bigram_share_counts_all_frequent_pairs() -> None:
    from detector.extractors.phrasing import frequent_bigrams, lowered_words

    doc, out = _run("In the end the prime minister said in the statement that the talks had failed.")
    low = lowered_words(doc.passages[0])
    pairs = list(zip(low, low[1:], strict=False))
    expected = sum(p in frequent_bigrams() for p in pairs) / len(pairs)
    assert abs(out.features[0, EXTRACTOR.feature_names.index("frequent_bigram_share")] - expected) < 1e-6


def test_spinner_patterns_use_the_tortured_rule() -> None:
    from detector.extractors.phrasing import SPINNER_PATTERNS

    assert SPINNER_PATTERNS and all(p.rule.id == "phrasing.tortured" for p in SPINNER_PATTERNS)
    _, out = _run("Schools closed with the end goal to slow the outbreak.")
    assert [(f.rule, f.severity) for f in out.findings] == [("phrasing.tortured", "error")]


def test_weak_calques_are_info() -> None:
    _, out = _run("The city will undertake steps to improve the roads, the mayor said.")
    assert [(f.rule, f.severity) for f in out.findings] == [("phrasing.calque", "info")]


def test_title_case_spin_only_for_names_and_titles() -> None:
    # "Unused York" (New York is a name) is flagged in Title Case, "Profound Learning" is not
    _, out = _run("The firm Profound Learning opened an office in Unused York.")
    assert [f.text for f in out.findings] == ["Unused York"]
    assert out.findings[0].suggestion == "New York"


def test_shipped_pair_index_equals_one_built_from_the_tables() -> None:
    """detector/data/phrasing_index.tsv.gz caches the phrase tables' pair index: it must be
    current (else start-up silently takes the slow path) and equal to a fresh build."""
    from detector.extractors import phrasing

    shipped = phrasing._shipped_index()
    assert shipped is not None, "stale index: rebuild with phrasing.build_index_file()"
    index, starts, singles = shipped
    assert index == phrasing._build_pair_index()
    assert starts == phrasing._build_long_phrase_starts()
    assert singles == phrasing._build_single_word_entries()


def test_news_spins_follow_the_passage_spelling_and_case() -> None:
    # "Defence" in a British passage, "Defense" otherwise; lower-case "the uk" is not flagged
    _, out = _run("Labour MPs said Protection Secretary Ben Wallace should resign.")
    assert [(f.text, f.suggestion) for f in out.findings] == [("Protection Secretary", "Defence Secretary")]
    _, out = _run("Protection Secretary Lloyd Austin met his counterpart in Seoul.")
    assert [f.suggestion for f in out.findings] == ["Defense Secretary"]
    _, out = _run("Experts in the UK and the USA disagree; the uk figures are provisional.")
    assert out.findings == ()


def test_news_spin_names_are_unspun_word_by_word() -> None:
    _, out = _run("The Scottish Nationwide Celebration won most seats, the Nationwide Hurricane Heart said nothing.")
    assert [(f.text, f.suggestion) for f in out.findings] == [
        ("Scottish Nationwide Celebration", "Scottish National Party"),
        ("Nationwide Hurricane Heart", "National Hurricane Center"),
    ]
