"""Untranslated Latin-script runs (detector/extractors/untranslated.py, rule garble.untranslated)."""

from __future__ import annotations

import pytest

from detector.extractors.untranslated import foreign_words, untranslated_runs
from detector.text import Document


def _runs(text: str) -> list[str]:
    doc = Document(text)
    return [doc.text[s:e] for p in doc.passages for s, e, _ in untranslated_runs(p)]


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("The company announced that los trabajadores will receive a bonus in December.", "los trabajadores"),
        ("Officials said the bridge will stay closed pendant les travaux for two months.", "pendant les travaux"),
        ("He said the money would go to projects na podporu mladých lidí in the region.", "na podporu mladých lidí"),
        ("The ministry said the rules apply ab sofort to all importers.", "ab sofort"),
        ("Farmers protested in front of the parlamento della regione on Tuesday.", "della regione"),
    ],
)
def test_untranslated_runs_are_found(text: str, run: str) -> None:
    assert run in _runs(text) or any(run in r for r in _runs(text))


@pytest.mark.parametrize(
    "text",
    [
        "The party, Alternative für Deutschland, gained seats in the east.",
        "It was a coup d'état, he said, and a fait accompli.",
        'Protesters chanted "ni una menos" outside the court.',
        "The report was published in Le Monde and El País on Monday.",
        "Prices rose 3 per cent, the Banco de España said.",
        "Vinicius Junior scored twice as Real Madrid beat Barcelona in La Liga.",
        "The pendant was sold at auction for 20,000 euros.",
        "Die-hard fans queued overnight for tickets.",
    ],
)
def test_names_loan_phrases_and_quotes_are_not_runs(text: str) -> None:
    assert _runs(text) == []


def test_table_is_shipped_and_keeps_english_words_out() -> None:
    table = foreign_words()
    assert len(table) > 20_000
    assert "trabajadores" in table and table["trabajadores"].lang == "es"
    assert "the" not in table and "government" not in table


def test_shipped_table_equals_a_fresh_build() -> None:
    """detector/data/foreign_words.tsv.gz is what training/build_foreign_words.py makes from wordfreq."""
    from training.build_foreign_words import build_rows

    shipped = foreign_words()
    fresh = {w: (lang, z, en) for w, lang, z, en in build_rows()}
    assert {w: (f.lang, f.zipf, f.zipf_en) for w, f in shipped.items()} == fresh
