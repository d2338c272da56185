"""Titles of office rendered word for word (phrasing.TITLE_CALQUES) and the Latin American
"Chancellor" of the role table: behaviour beyond the case files."""

from __future__ import annotations

from detector.config import Config
from detector.extractors.phrasing import ALL_PATTERNS, TITLE_CALQUES, PhrasingExtractor
from detector.extractors.roles import RolesExtractor
from detector.text import Document


def _calques(text: str) -> list[tuple[str, str | None]]:
    doc = Document(text)
    findings = PhrasingExtractor().extract(doc, Config()).findings
    for f in findings:
        assert doc.text[f.start : f.end] == f.text
    return [(f.text, f.suggestion) for f in findings if f.rule == "phrasing.calque"]


def test_title_calques_are_registered_and_compile() -> None:
    assert all(c in ALL_PATTERNS for c in TITLE_CALQUES)
    for calque in TITLE_CALQUES:
        assert calque.pattern is not None and calque.note and calque.triggers


def test_suggestion_follows_the_case_of_the_title() -> None:
    assert _calques("The outer minister of Germany arrived.") == [("outer minister", "foreign minister")]
    assert _calques("She met the Minister of Exterior of Spain.") == [("Minister of Exterior", "Foreign Minister")]
    assert _calques("Outer minister Annalena Baerbock arrived.") == [("Outer minister", "Foreign Minister")]


def test_plural_speakers_become_spokespeople() -> None:
    assert _calques("The press speakers of some governments were present.") == [("press speakers", "spokespeople")]


def test_several_title_calques_in_later_passages() -> None:
    text = "Prices rose in May.\n\nUS State Secretary Antony Blinken met the premier minister in Rome."
    assert sorted(_calques(text)) == [("State Secretary", "Secretary of State"), ("premier minister", "prime minister")]


def test_allow_list_silences_a_title_calque() -> None:
    doc = Document("The heir prince arrived.")
    config = Config().with_overrides(allow=["heir prince"])
    assert PhrasingExtractor().extract(doc, config).findings == ()


def test_latin_american_chancellor_is_the_foreign_minister() -> None:
    doc = Document("The Chancellor of Peru met his Bolivian counterpart.")
    (finding,) = RolesExtractor().extract(doc, Config()).findings
    assert (finding.text, finding.suggestion) == ("Chancellor of Peru", "Foreign Minister of Peru")
    doc = Document("The Chancellor of Austria met his Czech counterpart.")
    assert RolesExtractor().extract(doc, Config()).findings == ()
