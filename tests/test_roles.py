"""Unit tests of the roles extractor beyond the example cases in tests/cases/roles.jsonl."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import numpy as np
import pytest

from detector.config import Config
from detector.extractors.roles import TABLE_FILE, RolesExtractor, cabinet_form, role_table, title_class, title_matches
from detector.text import Document

EXAMPLE = (
    "On his first foreign trip as President of the Pentagon, Lloyd Austin met Secretary of State "
    "Anthony Blingen and NATO chief Jens Stoltenberg in Brussels."
)


@pytest.mark.parametrize(
    ("title", "cls"),
    [
        ("Premier", "prime minister"),
        ("Prime Minister", "prime minister"),
        ("Taoiseach", "prime minister"),
        ("President of the Government of Spain", "prime minister"),
        ("Chancellor of the Exchequer", "finance minister"),
        ("Chancellor", "chancellor"),
        ("Secretary General", "secretary-general"),
        ("Secretary-General", "secretary-general"),
        ("Fed Chairman", "chair"),
        ("Secretary of State", "foreign minister"),
        ("Defense Secretary", "defence minister"),
        ("Vice President", "deputy"),
        ("UN chief", "chief"),
    ],
)
def test_title_classes(title: str, cls: str) -> None:
    assert title_class(title) == cls


def test_title_matches_find_every_title() -> None:
    text = "The Vice President met Prime Minister Kishida and the president of the Fed."
    assert [m.group("title") for m in title_matches(text)] == ["President", "Prime Minister", "president"]


def test_example_gives_exactly_one_role_finding() -> None:
    extraction = RolesExtractor().extract(Document(EXAMPLE), Config())
    assert [(f.rule, f.text, f.suggestion) for f in extraction.findings] == [
        ("roles.wrong_title", "President of the Pentagon", "Secretary of Defense")
    ]


def test_features_shape_and_columns() -> None:
    doc = Document("Prime Minister Emmanuel Macron spoke.\n\nThe Prime Minister of Germany listened.\n\nNo titles here.")
    extraction = RolesExtractor().extract(doc, Config())
    assert extraction.features.shape == (len(doc.passages), len(RolesExtractor.feature_names))
    assert extraction.features.dtype == np.float32
    assert extraction.features[:, 0].sum() == 1  # wrong_title
    assert extraction.features[:, 1].sum() == 1  # wrong_office
    for f in extraction.findings:
        assert doc.text[f.start : f.end] == f.text


def test_allow_list_silences_a_title() -> None:
    text = "The Prime Minister of Germany arrived."
    config = Config().with_overrides(allow=["Prime Minister of Germany"])
    assert RolesExtractor().extract(Document(text), config).findings == ()


def test_known_people_and_offices() -> None:
    table = role_table()
    macron = table.person(["Emmanuel", "Macron"])
    assert macron is not None and "president" in macron.classes and "prime minister" not in macron.classes
    putin = table.person(["Vladimir", "Putin"])
    assert putin is not None and {"president", "prime minister"} <= putin.classes
    assert table.person(["Jane", "Unknown"]) is None


def test_table_names_its_sources() -> None:
    path = resources.files("detector") / "data" / TABLE_FILE
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        meta = json.load(fh)["meta"]
    assert meta["script"] == "training/build_roles.py"
    assert meta["sources"]


def test_rules_are_named_after_the_extractor() -> None:
    for rule in RolesExtractor.rules:
        assert rule.id.startswith("roles.")
        assert rule.explanation and rule.message


def test_people_resolve_by_their_own_surname() -> None:
    table = role_table()
    kim = table.person(["Kim", "Jong", "Un"])
    assert kim is not None and kim.name == "Kim Jong Un"  # not Kim Yo Jong ("kim jong")
    xi = table.person(["Xi", "Jinping’s"])
    assert xi is not None and xi.name == "Xi Jinping"
    keita = table.person(["Boubacar", "Keita"])  # a middle name before the surname
    assert keita is not None and "president" in keita.classes


@pytest.mark.parametrize(
    ("text", "found", "rule"),
    [
        ("State Chairman Cyril Ramaphosa spoke.", "State Chairman", "roles.wrong_office"),
        ("The Minister of the Pentagon resigned.", "Minister of the Pentagon", "roles.wrong_title"),
        ("President of Russia Volodymyr Zelensky spoke.", "President of Russia", "roles.wrong_office"),
    ],
)
def test_invented_and_misplaced_titles(text: str, found: str, rule: str) -> None:
    findings = RolesExtractor().extract(Document(text), Config()).findings
    assert [(f.rule, f.text) for f in findings] == [(rule, found)]


def test_made_up_title_needs_a_known_person() -> None:
    text = "Municipal President Hans Wagner and State Chairman Li Wenliang met."
    assert RolesExtractor().extract(Document(text), Config()).findings == ()


@pytest.mark.parametrize(
    ("title", "form"),
    [
        ("Defense Secretary", "defence secretary"),
        ("Minister for Foreign Affairs", "minister of foreign affairs"),
        ("Federal Minister of the Interior", "minister of the interior"),
        ("Attorney-General", "attorney general"),
    ],
)
def test_cabinet_forms_are_normalised(title: str, form: str) -> None:
    assert cabinet_form(title) == form


def test_cabinet_form_table() -> None:
    forms = role_table().cabinet_forms
    us = forms["United States"]["foreign minister"]
    assert "foreign minister" in us["wrong"] and "secretary of state" in us["accepted"]
    assert "foreign secretary" in forms["India"]["foreign minister"]["other"]  # a civil servant's title
    for posts in forms.values():
        for post in posts.values():
            assert not post["wrong"] & (post["accepted"] | post["other"])


@pytest.mark.parametrize(
    ("title", "cls"),
    [("Home Secretary", "interior minister"), ("Secretary of Homeland Security", "interior minister"),
     ("Justice Secretary", "justice minister"), ("Law Minister", "justice minister")],
)
def test_interior_and_justice_classes(title: str, cls: str) -> None:
    assert title_class(title) == cls


@pytest.mark.parametrize(
    "text",
    [
        "Former US Foreign Minister nominee spoke.",  # qualified
        "The US defence minister Lloyd Austin arrived.",  # lower-case descriptor
        "Stephen King met King Charles.",  # a surname, a real monarch
        "Texas Governor Abbott declared an emergency.",  # a lone surname after a place's own title
    ],
)
def test_portfolio_and_monarch_negatives(text: str) -> None:
    assert RolesExtractor().extract(Document(text), Config()).findings == ()


def test_monarch_title_span_is_the_word() -> None:
    findings = RolesExtractor().extract(Document("Queen Narendra Modi spoke."), Config()).findings
    assert [(f.rule, f.text, f.suggestion) for f in findings] == [("roles.wrong_office", "Queen", "Prime Minister")]
