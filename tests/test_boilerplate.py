"""Unit tests of the boilerplate extractor beyond the case file (tests/cases/boilerplate.jsonl)."""

from __future__ import annotations

import numpy as np

from detector.config import Config
from detector.extractors.boilerplate import BoilerplateExtractor
from detector.text import Document

EXTRACTOR = BoilerplateExtractor()
ARTICLE = (
    "The council approved the budget on Tuesday after a long debate.\n"
    "Advertisement\n"
    "Spending on schools will rise by 4% next year.\n"
    "Explorer. Devoted travel specialist. Web expert. Organizer."
)


def test_features_shape_and_counts() -> None:
    doc = Document(ARTICLE)
    extraction = EXTRACTOR.extract(doc, Config())
    names = BoilerplateExtractor.feature_names
    assert extraction.features.shape == (len(doc.passages), len(names))
    assert extraction.features.dtype == np.float32
    assert extraction.features[:, names.index("spam_bio")].sum() == 1
    assert extraction.features[:, names.index("ad_placeholder")].sum() == 1
    share = extraction.features[:, names.index("debris_char_share")]
    assert 0.0 <= share.min() and share.max() <= 1.0 and share.max() > 0.9


def test_spans_exact_and_suggest_remove() -> None:
    found = EXTRACTOR.extract(Document(ARTICLE), Config()).findings
    assert {f.text for f in found} == {"Advertisement", "Explorer. Devoted travel specialist. Web expert. Organizer."}
    for f in found:
        assert ARTICLE[f.start : f.end] == f.text
        assert f.suggestion == "remove"
        assert f.rule.startswith("boilerplate.")


def test_empty_and_clean_documents() -> None:
    assert EXTRACTOR.extract(Document(""), Config()).findings == ()
    clean = "The storm hit the coast on Monday. Thousands lost power, officials said."
    assert EXTRACTOR.extract(Document(clean), Config()).findings == ()


def test_allow_list_silences_a_phrase() -> None:
    text = "The museum reopens in June.\nAdvertisement\nTickets go on sale today."
    assert EXTRACTOR.extract(Document(text), Config()).findings
    assert not EXTRACTOR.extract(Document(text), Config(allow=frozenset({"advertisement"}))).findings


def test_three_plain_role_words_are_not_a_bio() -> None:
    # "Writer. Explorer. Thinker." could be a rhetorical flourish: needs qualifiers or 4+ fragments.
    assert not EXTRACTOR.extract(Document("Writer. Explorer. Thinker."), Config()).findings


def test_rules_declared() -> None:
    ids = {r.id for r in BoilerplateExtractor.rules}
    assert ids == {"boilerplate.spam_bio", "boilerplate.keyword_list", "boilerplate.ad_placeholder", "boilerplate.web_debris"}


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in EXTRACTOR.extract(Document(text), Config()).findings]


def test_share_row_needs_a_network_or_a_label() -> None:
    assert _found("The vote is today. Email Print Mail") == []
    assert _found("The vote is today. Twitter Email Print") == [("boilerplate.web_debris", "Twitter Email Print")]
    assert _found("The vote is today. Share: Email Print") == [("boilerplate.web_debris", "Share: Email Print")]


def test_call_to_action_needs_a_site_product_and_no_quotes() -> None:
    assert _found("Join us on Sunday for the parade.") == []
    assert _found("Join our newsletter for weekly updates.") == [
        ("boilerplate.web_debris", "Join our newsletter for weekly updates.")
    ]
    assert _found("'Follow us on Twitter,' the campaign said.") == []


def test_labelled_list_stops_where_the_next_sentence_starts() -> None:
    text = "The storm passed. Tags: storm, wind near me, rain today The roads reopened at noon."
    assert _found(text) == [("boilerplate.keyword_list", "Tags: storm, wind near me, rain today")]
