"""Unit tests of the names extractor beyond the example cases in tests/cases/names.jsonl."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import numpy as np
import pytest

from detector import Detector
from detector.config import Config
from detector.extractors.names import (
    CAPITALISED,
    GAZETTEER_FILE,
    PLACE,
    NamesExtractor,
    edit_distance,
    fold,
    gazetteer,
    name_tokens,
    passage_hits,
    skeleton,
    within_one_edit,
)
from detector.text import Document

EXAMPLE = (
    "On his first foreign trip as President of the Pentagon, Lloyd Austin met Secretary of State "
    "Anthony Blingen and NATO chief Jens Stoltenberg in Brussels."
)


def test_skeleton_merges_accepted_spellings() -> None:
    assert skeleton("Zelenskiy") == skeleton("Zelenskyy") == skeleton("Zelensky")
    assert skeleton("Orbán") == skeleton("Orban")
    assert skeleton("Gaddafi") == skeleton("Gadafi")
    assert fold("Søren Łukasz") == "soren lukasz"
    assert skeleton("Blingen") != skeleton("Blinken")


def test_edit_distances_agree() -> None:
    pairs = [("blinken", "blingen"), ("putin", "poutin"), ("scholz", "scholtz"), ("abcd", "abdc"), ("macron", "merkel")]
    for a, b in pairs:
        assert within_one_edit(a, b) == (edit_distance(a, b, 2) <= 1)


def test_example_gives_exactly_one_name_finding() -> None:
    extraction = NamesExtractor().extract(Document(EXAMPLE), Config())
    assert [(f.rule, f.text, f.suggestion) for f in extraction.findings] == [
        ("names.near_miss", "Anthony Blingen", "Antony Blinken")
    ]


def test_features_shape_and_counts() -> None:
    doc = Document("Vladimir Poutin spoke.\n\nNothing here.\n\nBlinken came. Later Blingen left. Blinken again.")
    extraction = NamesExtractor().extract(doc, Config())
    assert extraction.features.shape == (len(doc.passages), len(NamesExtractor.feature_names))
    assert extraction.features.dtype == np.float32
    assert extraction.features[:, 0].sum() == 1  # one near-miss
    assert extraction.features[:, 1].sum() == 1  # one inconsistent spelling
    for f in extraction.findings:
        assert doc.text[f.start : f.end] == f.text
        assert 0.0 < f.confidence <= 1.0


def test_empty_document() -> None:
    extraction = NamesExtractor().extract(Document(""), Config())
    assert extraction.features.shape == (0, len(NamesExtractor.feature_names))
    assert extraction.findings == ()


def test_allow_list_silences_a_name() -> None:
    text = "French President Emmanuel Macrone called for calm."
    assert NamesExtractor().extract(Document(text), Config()).findings
    allowed = Config().with_overrides(allow=["Emmanuel Macrone"])
    assert NamesExtractor().extract(Document(text), allowed).findings == ()


def test_disabled_rule_is_dropped_by_the_detector() -> None:
    text = "Blinken arrived on Monday. On Tuesday, Blingen met the minister, and Blinken flew home."
    config = Config().with_overrides(disable=["names.inconsistent"])
    result = Detector(config).score(text)
    assert not [f for f in result.findings if f.rule == "names.inconsistent"]


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian President Volodymyr Zelenskiy met Viktor Orban.",
        "Boris Johnson and Ben Jonson wrote about London.",
        "Despite the rain, Marchers gathered in Trafalgar Square.",
        "NATO and the UN met in the U.S. capital.",
    ],
)
def test_no_hits_on_correct_names(text: str) -> None:
    assert passage_hits(gazetteer(), text) == []


def test_gazetteer_names_its_sources() -> None:
    path = resources.files("detector") / "data" / GAZETTEER_FILE
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        meta = json.load(fh)["meta"]
    assert meta["script"] == "training/build_gazetteer.py"
    assert meta["sources"] and meta["licence"]


def test_rules_are_named_after_the_extractor() -> None:
    for rule in NamesExtractor.rules:
        assert rule.id.startswith("names.")
        assert rule.explanation and rule.message


def test_compiled_keys_match_the_code() -> None:
    """The shipped gazetteer stores skeleton keys: it must be rebuilt whenever `skeleton` or
    `name_tokens` change (python -m training.build_gazetteer)."""
    gaz = gazetteer()
    for key in ("putin", "trump", "blinken", "merkel"):
        people = gaz.people(key)
        assert people, key
        for p in people:
            assert skeleton(p.last_display) == p.last == key
            assert skeleton(name_tokens(p.display)[0]) == p.first or p.alias


def test_surname_index_is_built_on_first_use() -> None:
    gaz = gazetteer()
    assert "blinken" in gaz.near_surnames("blingen")
    assert gaz._last_index is not None


def test_lone_repeat_of_a_misspelling_across_paragraphs() -> None:
    text = "Donald Trrump spoke in Iowa.\n\nLater, Trrump flew to Ohio, where Trrump's aides waited."
    doc = Document(text)
    extraction = NamesExtractor().extract(doc, Config())
    spans = [(f.text, f.suggestion) for f in extraction.findings]
    assert spans == [("Donald Trrump", "Donald Trump"), ("Trrump", "Trump"), ("Trrump", "Trump")]
    assert extraction.features[:, 0].sum() == 3


def test_lone_slip_needs_the_full_name_or_fame() -> None:
    gaz = gazetteer()
    # Pompeo is rare in English text: a lone "Pommpeo" is only flagged when the article names him.
    assert passage_hits(gaz, "Critics say Pommpeo ignored the warnings.") == []
    hits = passage_hits(gaz, "Mike Pompeo flew in. Critics say Pommpeo ignored the warnings.")
    assert [h.target for h in hits] == ["Pompeo"]
    # Putin is among the best-known people: his lone surname is checked on its own.
    assert [h.target for h in passage_hits(gaz, "Puthin announced new weapons.")] == ["Putin"]
    # ... but not a capitalised noun after a determiner.
    assert passage_hits(gaz, "They sailed up the Puthin towards the hills.") == []


def test_allowed_misspelling_is_not_propagated() -> None:
    text = "Donald Trrump spoke. Trrump left."
    config = Config().with_overrides(allow=["Donald Trrump", "Trrump"])
    assert NamesExtractor().extract(Document(text), config).findings == ()


def test_context_words_ship_with_the_gazetteer() -> None:
    """Famous people carry the words that show a text means them: office, organisation (marked
    capitalised-only), country (marked as a place) and field."""
    gaz = gazetteer()
    cook = next(p for p in gaz.context_first["tim"] if p.display == "Tim Cook")
    assert cook.last == "cook" and CAPITALISED + "apple" in cook.words
    scholz = next(p for p in gaz.context_first["olaf"] if p.display == "Olaf Scholz")
    assert "chancellor" in scholz.words and PLACE + "german" in scholz.words
    williams = next(p for p in gaz.context_first["serena"] if p.display == "Serena Williams")
    assert "tennis" in williams.words
    assert "li" not in gaz.context_first and "kim" not in gaz.context_first  # family names first ("Li Qiang")


def test_real_word_slip_needs_context() -> None:
    gaz = gazetteer()
    assert passage_hits(gaz, "Tim Cooke said the harvest was late.") == []
    assert passage_hits(gaz, "Apple shares rose on the news. Tim Cooke said the harvest was late.") == []  # "Apple" too far
    hits = passage_hits(gaz, "Apple chief executive Tim Cooke said sales had recovered.")
    assert [(h.target, h.wrong_surname) for h in hits] == [("Tim Cook", "cooke")]
    # the fruit is no company
    assert passage_hits(gaz, "Tim Cooke grows apples in Kent.") == []


def test_real_word_slip_confirmed_by_the_full_name_elsewhere() -> None:
    text = "Olaf Scholz arrived late.\n\nLater, Olaf Schultz told reporters the talks had gone well."
    doc = Document(text)
    findings = NamesExtractor().extract(doc, Config()).findings
    assert [(f.text, f.suggestion) for f in findings] == [("Olaf Schultz", "Olaf Scholz")]
    assert NamesExtractor().extract(Document("Olaf Schultz told reporters the talks had gone well."), Config()).findings == ()
    allowed = Config().with_overrides(allow=["Olaf Schultz"])
    assert NamesExtractor().extract(doc, allowed).findings == ()


def test_plural_surname_is_a_slip_but_not_a_type() -> None:
    gaz = gazetteer()
    assert [h.target for h in passage_hits(gaz, "Keir Starmers said the plan was fair.")] == ["Keir Starmer"]
    assert passage_hits(gaz, "We need fewer Keir Starmers and more doers.") == []
    assert passage_hits(gaz, "There are two Keir Starmers in the phone book.") == []


def test_context_slip_is_reported_once() -> None:
    """A name another check already flags is not flagged twice."""
    gaz = gazetteer()
    hits = passage_hits(gaz, "German Chancellor Olaf Scholtz spoke in Berlin.")
    assert len(hits) == 1 and hits[0].target == "Olaf Scholz"
