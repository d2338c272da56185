"""Untranslated Latin-script runs (detector/extractors/untranslated.py, rule garble.untranslated)."""

from __future__ import annotations

import pytest

from detector import Detector
from detector.extractors.untranslated import GATE_WORDS, foreign_words, untranslated_runs
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
        # no single word English never uses, but together far more Spanish/Italian than English
        ("Prices rose sharply and por lo tanto the central bank raised rates again.", "por lo tanto"),
        ("The mayor met residents nel corso della visit to the flooded district.", "nel corso della"),
        # a German noun after a lower-case German word
        ("The minister said die Regierung would present the budget in March.", "die Regierung"),
        ("The contract was signed im Rahmen der cooperation with Berlin.", "im Rahmen der"),
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
        "The crowd sang la la la until the band came back on stage.",
        "Germany's Bundesamt für Verfassungsschutz monitors extremist groups.",
        "The orchestra played Ludwig van Beethoven's ninth symphony.",
        "Old soldiers never die, they said, they simply fade away.",
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


def test_gate_words_are_foreign_function_words_of_the_table() -> None:
    """The gate that decides whether the table is loaded at all lists only words the table has."""
    table = foreign_words()
    assert sorted(w for w in GATE_WORDS if w not in table) == []
    assert all(table[w].zipf > table[w].zipf_en for w in GATE_WORDS)


def test_function_word_run_is_found_through_the_detector() -> None:
    """The gate lets a passage with only frequent foreign words ("por lo tanto") reach the rule."""
    result = Detector().score("Prices rose sharply and por lo tanto the central bank raised rates again.")
    assert [f.text for f in result.findings if f.rule == "garble.untranslated"] == ["por lo tanto"]
