"""The trained classifier: passage features -> calibrated probability of artefacts.

Three views of each passage, one linear model:
- the extractors' feature columns (`detector.pipeline.extract_features`) plus fluency measures
  of our own (shares of words unknown to wordfreq, rare words, function words, non-Latin script,
  stray symbols; odd quotes, unbalanced brackets, lower-case sentence starts, length);
- hashed 1-4-grams over an ABSTRACTED token stream: ~275 English function words, the ~830
  commonest open-class words (Zipf >= 5, detector/data/frequent_words.txt) and the common
  punctuation stay as themselves, every other token becomes its class (shape + wordfreq Zipf band
  + suffix: "l4e" = frequent lower-case word in -ed, "C0" = capitalised word unknown to wordfreq,
  "X" = non-Latin script). The model learns syntax and fluency, not topics, names or outlets.
  Typography is neutralised token by token exactly as `detector.text.normalise` does on whole
  strings, so curly quotes or ` n't` are no shortcut;
- hashed character 2-4-grams of RARE words only (OCR confusions, mojibake, untranslated words).

Fitting is a scikit-learn pipeline (detector/classifier_pipeline.py: `PassageVectorizer` ->
`LogisticRegression`) wrapped in `CalibratedClassifierCV` (a `FrozenEstimator` calibrated on a
held-out split, or cross-validated for small user data). `TrainedModel` scores with numpy on
arrays compiled from the fitted pipeline, one batched call per document, without importing
scikit-learn. `train_model` (behind `mtdetect train`) fits on labelled texts, `save_model`
writes the joblib file and its JSON sidecar (SHA-256, extractor signature, versions, metrics).
"""

from __future__ import annotations

import hashlib
import json
import math
import time
import unicodedata
import zlib
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
import regex
from ftfy.badness import is_bad

from . import class_lm
from .errors import DetectorError
from .results import Finding
from .text import Document, Passage

MODEL_FORMAT_VERSION = 1

# --------------------------------------------------------------------------------------------
# The abstracted token stream
# --------------------------------------------------------------------------------------------

# Closed-class English words (and a few very frequent adverbs/particles) kept as themselves.
FUNCTION_WORDS: tuple[str, ...] = tuple(
    """
    a an the this that these those some any no every each either neither all both half several
    many much more most few fewer less least other another such what whatever which whichever
    i me my mine myself you your yours yourself yourselves he him his himself she her hers herself
    it its itself we us our ours ourselves they them their theirs themselves one ones oneself
    who whom whose whoever where when why how whenever wherever however
    and or but nor so yet for because although though while whereas if unless until till since
    as than whether once lest
    of to in on at by with from into onto upon about above below over under between among
    through throughout during before after against without within along across around behind
    beyond beside besides near toward towards despite except inside outside off out up down via
    per like unlike amid amongst beneath past plus versus according
    be am is are was were been being have has had having do does did doing done
    will would shall should can could may might must ought
    not never also too very just only even still already again always often sometimes ever
    here there then now today yesterday tomorrow soon later thus hence therefore moreover
    furthermore indeed instead otherwise perhaps maybe quite rather almost enough else away back
    yes well however meanwhile nevertheless nonetheless
    first second third last next new same own
    two three four five six seven eight nine ten hundred thousand million billion
    said says say told according mr mrs ms dr
    something nothing anything everything someone anyone everyone nobody somebody anybody
    everybody
    n't 's 're 've 'll 'd 'm
    """.split()
)
_FUNCTION_SET = frozenset(FUNCTION_WORDS)


def _load_frequent_words() -> tuple[str, ...]:
    """The ~850 most frequent open-class English words (detector/data/frequent_words.txt, built by
    training/build_frequent_words.py from wordfreq). Kept as themselves in the stream: weak MT
    breaks English around them ("the years 90", "since long time"); rarer words, which carry
    topics and names, stay classes. Empty only while the builder itself runs."""
    from importlib import resources

    path = resources.files("detector") / "data" / "frequent_words.txt"
    if not path.is_file():
        return ()
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(w for w in lines if w and not w.startswith("#") and w not in _FUNCTION_SET)


FREQUENT_WORDS: tuple[str, ...] = _load_frequent_words()
# Words that stand for themselves in the stream (lower-case; "^" marks a capitalised one).
_KEPT_SET = _FUNCTION_SET | frozenset(FREQUENT_WORDS)
# Punctuation kept as itself (after typographic normalisation); other symbols become their
# Unicode category ("<So>", "<Sc>", ...).
PUNCTUATION: tuple[str, ...] = tuple(". , ; : ! ? \" ' ( ) [ ] { } - / & % $ # @ * + = < > _ ~ |".split())
_PUNCT_SET = frozenset(PUNCTUATION)
_CLITICS = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m")
_CLITIC_TAILS = frozenset(c[1:] for c in _CLITICS if c.startswith("'")) | {"t"}
_TYPO = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
    }
)

SENTENCE_START = "<s>"
# Word shapes: l lower, C Capitalised, U UPPER (2+ letters), M mixed, H hyphenated compound,
# s single letter (not a/i), D digits (by length), X non-Latin letters.
_SHAPES = ("l", "C", "U", "M", "H")
_BANDS = range(6)  # Zipf band: 0 = unknown to wordfreq, 1 (<2) ... 5 (>= 5)
# Suffix class of a content word: a rough, topic-free stand-in for its part of speech.
_SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("a", ("ly",)),
    ("g", ("ing",)),
    ("e", ("ed",)),
    ("n", ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "hood", "ist", "er", "or")),
    ("j", ("al", "ous", "ive", "ful", "less", "able", "ible", "ic", "ary", "ent", "ant", "ish")),
    ("s", ("s",)),
)
_SUFFIX_CLASSES = ("", *(c for c, _ in _SUFFIXES))
_SYMBOL_CATEGORIES = ("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Cc", "Cf", "Co", "Cn", "Mn", "Mc", "Me",
                      "Zs", "Nd", "Nl", "No", "Lo", "Lm", "L?")


def _class_vocabulary() -> tuple[str, ...]:
    """Every abstract token class, in a fixed order (their index is the token class id)."""
    out = [SENTENCE_START]
    for w in (*FUNCTION_WORDS, *FREQUENT_WORDS):
        out += [w, w + "^"]  # "the" and sentence-case/capitalised "The"
    out += list(PUNCTUATION)
    out += [f"{s}{b}{x}" for s in _SHAPES for b in _BANDS for x in _SUFFIX_CLASSES]
    out += ["s", "X", "D1", "D2", "D3", "D4", "...", "<W>"]
    out += [f"<{c}>" for c in _SYMBOL_CATEGORIES]
    seen: dict[str, None] = {}
    for c in out:
        seen.setdefault(c, None)
    return tuple(seen)


CLASSES: tuple[str, ...] = _class_vocabulary()
# Which words get character n-grams (see _char_ngrams); bump when that choice changes.
CHAR_SELECTION = "rare-words-v2: zipf < 1e-6, well-formed non-English letters skipped"
# Identity of the stream vocabulary: recorded in every trained model, checked on load.
STREAM_ID = hashlib.sha256("\n".join((*CLASSES, CHAR_SELECTION)).encode("utf-8")).hexdigest()[:16]


def stream_id() -> str:
    """What a trained model's weights depend on beyond the extractors: the class vocabulary, the
    choice of words with character n-grams, and the class language model behind the lm_* fluency
    features (detector/class_lm.py)."""
    return f"{STREAM_ID}-{class_lm.tables_sha256()[:16]}"
_CLASS_INDEX = {c: i for i, c in enumerate(CLASSES)}
# Deterministic 32-bit id of each class (zlib.crc32, not Python's salted `hash`).
_CLASS_CRC = np.array([zlib.crc32(c.encode("utf-8")) for c in CLASSES], dtype=np.uint64)


def _zipf_table() -> dict[str, float]:
    """word -> frequency (proportion of tokens) from wordfreq's English list: the one copy that
    detector.lexicon loads for every extractor."""
    from .lexicon import frequencies

    return frequencies()


# Zipf band edges as frequencies: Zipf = log10(frequency) + 9.
_BAND_EDGES = (1e-7, 1e-6, 1e-5, 1e-4)


def _band(freq: float) -> int:
    """Zipf band of a frequency: 0 unknown, 1 (< 2), 2 (< 3), 3 (< 4), 4 (< 5), 5 (>= 5)."""
    if freq <= 0:
        return 0
    for b, edge in enumerate(_BAND_EDGES, 1):
        if freq < edge:
            return b
    return 5


def _is_latin_letter(ch: str) -> bool:
    return ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"


def _suffix_class(lower: str) -> str:
    if len(lower) < 4 or not lower[-1].isalpha():
        return ""
    for cls, endings in _SUFFIXES:
        for e in endings:
            if lower.endswith(e) and len(lower) > len(e) + 2 and not (e == "s" and lower.endswith(("ss", "us", "is"))):
                return cls
    return ""


def _word_class(word: str) -> str:
    """Class of one word token (already typography-normalised, no clitic)."""
    lower = word.lower()
    if lower in _FUNCTION_SET:
        return lower + "^" if word[:1].isupper() else lower
    if any(ch.isdigit() for ch in word):
        return f"D{min(4, sum(ch.isdigit() for ch in word))}"
    letters = [ch for ch in word if ch.isalpha()]
    if letters and not all(_is_latin_letter(ch) for ch in letters):
        return "X"
    if len(letters) == 1 and len(word) == 1:
        return "s"
    if lower in _KEPT_SET:
        return lower + "^" if word[:1].isupper() else lower
    zipf = _zipf_table()
    if "-" in word:
        parts = [p for p in lower.split("-") if p]
        z = min((zipf.get(p, 0.0) for p in parts), default=0.0)
        return f"H{_band(z)}{_suffix_class(parts[-1] if parts else '')}"
    z = zipf.get(lower, 0.0)
    if z == 0.0 and "'" in lower:
        z = min((zipf.get(p, 0.0) for p in lower.split("'") if p), default=0.0)
    if word.islower():
        shape = "l"
    elif word[:1].isupper() and (len(word) == 1 or word[1:].islower() or not any(c.isalpha() for c in word[1:])):
        shape = "C"
    elif word.isupper():
        shape = "U"
    else:
        shape = "M"
    return f"{shape}{_band(z)}{_suffix_class(lower)}"


def _symbol_class(sym: str) -> str:
    if sym in _PUNCT_SET:
        return sym
    if sym == "…":
        return "..."
    cat = unicodedata.category(sym[0])
    key = f"<{cat}>"
    if key in _CLASS_INDEX:
        return key
    return "X" if cat.startswith("L") else "<W>"


# token text -> tuple of (class index, start, end) relative to the token (several for "don't")
_TOKEN_CACHE: dict[str, tuple[tuple[int, int, int], ...]] = {}
_TOKEN_CACHE_MAX = 400_000


def _token_classes(text: str, is_word: bool) -> tuple[tuple[int, int, int], ...]:
    hit = _TOKEN_CACHE.get(text)
    if hit is not None:
        return hit
    norm = text.translate(_TYPO)
    out: list[tuple[int, int, int]] = []
    if is_word:
        lower = norm.lower()
        clitic = next((c for c in _CLITICS if lower.endswith(c) and len(lower) > len(c)), None)
        if lower in _FUNCTION_SET:  # "n't" alone is a function word too
            out.append((_CLASS_INDEX[_word_class(norm)], 0, len(text)))
        elif clitic is not None:
            cut = len(norm) - len(clitic)
            out.append((_CLASS_INDEX[_word_class(norm[:cut])], 0, cut))
            out.append((_CLASS_INDEX[clitic], cut, len(text)))
        else:
            out.append((_CLASS_INDEX[_word_class(norm)], 0, len(text)))
    else:
        cls = _symbol_class(norm)
        if cls == "...":
            out += [(_CLASS_INDEX["."], 0, len(text))] * 3
        else:
            out.append((_CLASS_INDEX[cls], 0, len(text)))
    result = tuple(out)
    if len(_TOKEN_CACHE) >= _TOKEN_CACHE_MAX:
        _TOKEN_CACHE.clear()
    _TOKEN_CACHE[text] = result
    return result


_APOSTROPHES = frozenset("'’`´")


def passage_stream(passage: Passage) -> tuple[list[int], list[tuple[int, int]]]:
    """The abstracted token stream of one passage: class ids and their document spans.

    A sentence-start marker precedes every sentence. Tokenised clitics ("do n't", "USA 's")
    give the same stream as their detokenised form ("don't", "USA's").
    """
    ids: list[int] = []
    spans: list[tuple[int, int]] = []
    tokens = passage.tokens
    sent_starts = [s.start for s in passage.sentences]
    next_sent = 0
    n = len(tokens)
    i = 0
    spaced_apostrophe = " '" in passage.text or " ’" in passage.text
    while i < n:
        t = tokens[i]
        while next_sent < len(sent_starts) and t.start >= sent_starts[next_sent]:
            ids.append(0)
            spans.append((t.start, t.start))
            next_sent += 1
        if spaced_apostrophe and _is_spaced_clitic(tokens, i):
            ids.append(_CLASS_INDEX["'" + tokens[i + 1].text.lower()])
            spans.append((t.start, tokens[i + 1].end))
            i += 2
            continue
        for cls, s, e in _token_classes(t.text, t.is_word):
            ids.append(cls)
            spans.append((t.start + s, t.start + e))
        i += 1
    return ids, spans


def _is_spaced_clitic(tokens: Sequence[Any], i: int) -> bool:
    """Is tokens[i] the apostrophe of a tokenised clitic (" 's", " 're", ...)?"""
    t = tokens[i]
    if t.is_word or t.text not in _APOSTROPHES or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return (nxt.is_word and nxt.start == t.end and nxt.text.lower() in _CLITIC_TAILS and (i == 0 or tokens[i - 1].end < t.start)
            and "'" + nxt.text.lower() in _CLASS_INDEX)


# token text -> class id, or -(k + 1) for a token of several classes ("don't"): _MULTI[k]
_ID_CACHE: dict[str, int] = {}
_MULTI: list[tuple[int, ...]] = []
_MULTI_INDEX: dict[tuple[int, ...], int] = {}


def _cached_ids(text: str, is_word: bool) -> int:
    """Cached class id of a token text (negative: index into _MULTI, see above)."""
    c = tuple(cls for cls, _, _ in _token_classes(text, is_word))
    if len(c) == 1:
        value = c[0]
    else:
        if c not in _MULTI_INDEX:
            _MULTI_INDEX[c] = len(_MULTI)
            _MULTI.append(c)
        value = -(_MULTI_INDEX[c] + 1)
    if len(_ID_CACHE) >= _TOKEN_CACHE_MAX:
        _ID_CACHE.clear()
    _ID_CACHE[text] = value
    return value


def passage_ids(passage: Passage) -> list[int]:
    """`passage_stream(passage)[0]`, without the spans: the fast path used for scoring."""
    tokens = passage.tokens
    if not tokens:
        return []
    text = passage.text
    if " '" in text or " ’" in text:  # rare: tokenised clitics need the careful path
        return passage_stream(passage)[0]
    get = _ID_CACHE.get
    cls = [get(t.text) for t in tokens]
    if None in cls:
        cls = [c if c is not None else _cached_ids(t.text, t.is_word) for c, t in zip(cls, tokens, strict=False)]
    sentences = passage.sentences
    if len(sentences) > 1:  # sentence-start markers, inserted from the back
        starts = [t.start for t in tokens]
        for sent in reversed(sentences[1:]):
            k = bisect_left(starts, sent.start)
            if k < len(cls):
                cls.insert(k, 0)
    cls.insert(0, 0)
    if min(cls) < 0:
        flat: list[int] = []
        for c in cls:
            if c < 0:
                flat.extend(_MULTI[-c - 1])
            else:
                flat.append(c)
        return flat
    return cls


# Character n-grams (2-4, with word boundaries) of RARE words only (wordfreq Zipf < 3 or unknown):
# OCR confusions ("tlie", "rn"), mojibake and untranslated words show there, while frequent
# words, which carry topic and register, contribute nothing.
CHAR_BUCKETS = 2**16
_RARE_FREQ = 1e-6
_MAX_CHAR_WORD = 30
_CHAR_CACHE: dict[str, tuple[int, ...]] = {}


def _well_formed_foreign(word: str) -> bool:
    """A correctly encoded word with non-English letters ("próspero", "Gĩkũyũ", "bœuf"): a name, a
    dish or a quoted phrase far more often than damage. Its letters would teach the model where a
    text comes from, so it gets no character n-grams; left-over foreign words are the job of the
    untranslated rule, mojibake ("cafÃ©", which ftfy calls bad) keeps its n-grams."""
    return not word.isascii() and word.isalpha() and not is_bad(word)


def _char_ngrams(text: str) -> tuple[int, ...]:
    norm = text.translate(_TYPO).lower()
    out: tuple[int, ...] = ()
    if norm not in _FUNCTION_SET and any(ch.isalpha() for ch in norm):
        freq = _zipf_table().get(norm, 0.0)
        if freq == 0.0 and ("-" in norm or "'" in norm):
            parts = [p for p in regex.split(r"[-']", norm) if p]
            freq = min((_zipf_table().get(p, 0.0) for p in parts), default=0.0)
        if freq < _RARE_FREQ and not _well_formed_foreign(norm):
            w = f"<{norm[:_MAX_CHAR_WORD]}>"
            mask = CHAR_BUCKETS - 1
            out = tuple(zlib.crc32(w[i : i + n].encode("utf-8")) & mask for n in (2, 3, 4) for i in range(len(w) - n + 1))
    if len(_CHAR_CACHE) >= _TOKEN_CACHE_MAX:
        _CHAR_CACHE.clear()
    _CHAR_CACHE[text] = out
    return out


def passage_chars(passage: Passage) -> list[int]:
    """Hashed character n-grams (buckets < CHAR_BUCKETS) of the passage's rare words."""
    get = _CHAR_CACHE.get
    found = [get(t.text) for t in passage.words]
    if None in found:
        found = [c if c is not None else _char_ngrams(t.text) for c, t in zip(found, passage.words, strict=True)]
    return list(chain.from_iterable(found))


# Per-class indicator table for the fluency features below.
def _class_flags() -> tuple[np.ndarray, tuple[str, ...]]:
    names = ("word", "function", "oov_lower", "oov_cap", "rare", "frequent", "nonlatin", "symbol", "digit", "upper",
             "single_letter", "punct", "quote", "bracket_open", "bracket_close", "sentence")
    table = np.zeros((len(CLASSES), len(names)), dtype=np.float64)
    col = {n: j for j, n in enumerate(names)}
    for i, c in enumerate(CLASSES):
        base = c.rstrip("^")
        shape, band, suffix = c[:1], c[1:2], c[2:]
        is_shape = shape in _SHAPES and band.isdigit() and suffix in _SUFFIX_CLASSES
        is_word = base in _KEPT_SET or is_shape or c in ("s", "X") or c.startswith("D")
        if c == SENTENCE_START:
            table[i, col["sentence"]] = 1
            continue
        if is_word:
            table[i, col["word"]] = 1
        if base in _FUNCTION_SET:
            table[i, col["function"]] = 1
            table[i, col["frequent"]] = 1
        elif base in _KEPT_SET:  # a frequent open-class word: what its class "l5" would have been
            table[i, col["frequent"]] = 1
        if is_shape and shape == "l" and band == "0":
            table[i, col["oov_lower"]] = 1
        if is_shape and shape in ("C", "U", "M") and band == "0":
            table[i, col["oov_cap"]] = 1
        if is_shape and band in ("1", "2"):
            table[i, col["rare"]] = 1
        if is_shape and band == "5":
            table[i, col["frequent"]] = 1
        if c == "X":
            table[i, col["nonlatin"]] = 1
        if c.startswith("<") and c != SENTENCE_START:
            table[i, col["symbol"]] = 1
        if c.startswith("D"):
            table[i, col["digit"]] = 1
        if is_shape and shape == "U":
            table[i, col["upper"]] = 1
        if c == "s":
            table[i, col["single_letter"]] = 1
            table[i, col["word"]] = 1
        if c in _PUNCT_SET:
            table[i, col["punct"]] = 1
        if c in ('"', "'"):
            table[i, col["quote"]] = 1
        if c in ("(", "[", "{"):
            table[i, col["bracket_open"]] = 1
        if c in (")", "]", "}"):
            table[i, col["bracket_close"]] = 1
    return table, names


_FLAGS, _FLAG_NAMES = _class_flags()
_F = {n: j for j, n in enumerate(_FLAG_NAMES)}

# Features 1..11 of FLUENCY_FEATURES: (flag, denominator) of each share.
_SHARES = (("oov_lower", "words"), ("oov_cap", "words"), ("rare", "words"), ("frequent", "words"), ("function", "words"),
           ("nonlatin", "tokens"), ("symbol", "tokens"), ("digit", "tokens"), ("upper", "words"), ("single_letter", "words"),
           ("punct", "tokens"))
_SHARE_NUMERATOR = np.zeros((len(_FLAG_NAMES), len(_SHARES)))
for _j, (_flag, _) in enumerate(_SHARES):
    _SHARE_NUMERATOR[_F[_flag], _j] = 1.0
_SHARE_OVER_WORDS = np.array([den == "words" for _, den in _SHARES])

FLUENCY_FEATURES: tuple[str, ...] = (
    "log_words",
    "oov_lower_share",
    "oov_cap_share",
    "rare_share",
    "frequent_share",
    "function_share",
    "nonlatin_share",
    "symbol_share",
    "digit_share",
    "upper_share",
    "single_letter_share",
    "punct_share",
    "odd_quotes",
    "unbalanced_brackets",
    "lower_sentence_starts",
    *class_lm.FEATURES,
)


def fluency_features(passages: Sequence[Passage], streams: Sequence[Sequence[int]]) -> np.ndarray:
    """Per-passage fluency measures (see FLUENCY_FEATURES) from the abstract streams and sentences."""
    n = len(streams)
    out = np.zeros((n, len(FLUENCY_FEATURES)), dtype=np.float64)
    lengths = np.fromiter((len(s) for s in streams), dtype=np.int64, count=n)
    total = int(lengths.sum())
    if total == 0:
        return out
    ids = np.fromiter(chain.from_iterable(streams), dtype=np.intp, count=total)
    if n > 1:
        ids = ids + np.repeat(_arange(n) * len(CLASSES), lengths)
    counts = np.bincount(ids, minlength=n * len(CLASSES)).reshape(n, len(CLASSES)) @ _FLAGS
    words = np.maximum(1.0, counts[:, _F["word"]])
    tokens = np.maximum(1.0, lengths - counts[:, _F["sentence"]])
    out[:, 0] = np.log1p(counts[:, _F["word"]])
    # shares: flag counts over words or over tokens (one matrix product, one division)
    out[:, 1:12] = (counts @ _SHARE_NUMERATOR) / np.where(_SHARE_OVER_WORDS, words[:, None], tokens[:, None])
    out[:, 12] = np.mod(counts[:, _F["quote"]], 2)
    out[:, 13] = np.abs(counts[:, _F["bracket_open"]] - counts[:, _F["bracket_close"]])
    # (doubled words and repetition are the garble extractor's features)
    for p, passage in enumerate(passages):
        if not lengths[p]:
            continue
        starts_n = lower = 0
        for sent in passage.sentences:
            m = _FIRST_LETTER.search(sent.text)
            if m:
                starts_n += 1
                lower += m.group().islower()
        out[p, 14] = lower / starts_n if starts_n else 0.0
    out[:, 15:] = class_lm.features(streams)
    return out


_FIRST_LETTER = regex.compile(r"\p{L}")


# --------------------------------------------------------------------------------------------
# Hashed n-grams over the abstract stream
# --------------------------------------------------------------------------------------------

_MIX = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xD6E8FEB86659FD93)
_SALT = np.uint64(0xC2B2AE3D27D4EB4F)


def hash_ngrams(ids: np.ndarray, group: np.ndarray, n_features: int, ngram_range: tuple[int, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hashed n-gram occurrences of concatenated streams.

    `ids`: class ids of all tokens, `group`: the passage (row) of each token, non-decreasing.
    Returns (row, bucket, start position) of every n-gram that stays inside one row, orders
    lo..hi one after the other. The n-gram hash rolls the crc32 ids of its classes
    (h = h * M ^ crc) and maps the 64-bit result to a bucket by multiply-shift hashing, so it is
    the same on every platform, process and run.
    """
    n_tokens = len(ids)
    lo, hi = ngram_range
    if n_tokens == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    crc = _CLASS_CRC[ids]
    shift = np.uint64(64 - int(n_features).bit_length() + 1)
    hashes, orders = [], []
    h = crc
    with np.errstate(over="ignore"):
        for n in range(1, hi + 1):
            m = n_tokens - n + 1
            if m <= 0:
                break
            if n > 1:
                h = (h[:m] * _MIX) ^ crc[n - 1 :]
            if n >= lo:
                hashes.append(h)
                orders.append(n)
        if not hashes:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        cat = np.concatenate(hashes) if len(hashes) > 1 else hashes[0]
        buckets = (((cat + _SALT) * _MIX2) >> shift).astype(np.int64)
    pos = np.concatenate([_arange(n_tokens - n + 1) for n in orders])
    if group[0] == group[-1]:  # one passage: every n-gram is inside it
        return np.full(len(pos), group[0], dtype=np.int64), buckets, pos
    last = pos + np.repeat(np.asarray(orders, dtype=np.int64) - 1, [n_tokens - n + 1 for n in orders])
    keep = group[pos] == group[last]
    return group[pos[keep]], buckets[keep], pos[keep]


_ARANGE = np.arange(4096, dtype=np.int64)


def _arange(n: int) -> np.ndarray:
    return _ARANGE[:n] if n <= len(_ARANGE) else np.arange(n, dtype=np.int64)


NGRAM_NORMS = ("sublinear_l2", "count_sqrt")


def ngram_matrix_parts(ids: np.ndarray, group: np.ndarray, n_rows: int, n_features: int, ngram_range: tuple[int, int],
                       norm: str = "count_sqrt") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hashed n-gram values as (row, col, value) triples, one per occurrence or per distinct n-gram.

    `count_sqrt`: every occurrence counts 1, divided by the square root of the row's number of
    n-grams (duplicates are summed by the sparse matrix); cheap at scoring time.
    `sublinear_l2`: 1 + log(count) per distinct n-gram, rows L2-normalised."""
    r, c, _ = hash_ngrams(ids, group, n_features, ngram_range)
    if len(r) == 0:
        return r, c, np.zeros(0)
    if norm == "count_sqrt":
        totals = np.bincount(r, minlength=n_rows).astype(np.float64)
        return r, c, 1.0 / np.sqrt(totals[r])
    keys, counts = np.unique(r * np.int64(n_features) + c, return_counts=True)
    rows, cols = keys // n_features, keys % n_features
    vals = 1.0 + np.log(counts.astype(np.float64))
    norms = np.sqrt(np.bincount(rows, vals * vals, minlength=n_rows))
    return rows, cols, vals / norms[rows]


# --------------------------------------------------------------------------------------------
# Passage records and the scikit-learn pipeline
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PassageRecord:
    """What the pipeline sees of one passage: dense features and the abstract class ids."""

    dense: np.ndarray  # extractor features + FLUENCY_FEATURES, float64
    ids: np.ndarray  # abstract class ids, int32
    chars: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))  # rare-word char n-gram buckets


def document_records(doc: Document, extractor_features: np.ndarray) -> list[PassageRecord]:
    """One record per passage of `doc` (training and scoring both go through here)."""
    streams = [passage_ids(p) for p in doc.passages]
    dense = np.hstack([_finite(extractor_features, len(streams)), fluency_features(doc.passages, streams)])
    return [PassageRecord(dense[i], np.asarray(s, dtype=np.int32), np.asarray(passage_chars(p), dtype=np.int32))
            for i, (s, p) in enumerate(zip(streams, doc.passages, strict=False))]


def _finite(features: np.ndarray, n_passages: int) -> np.ndarray:
    """Extractor features as float64 (n_passages, k), NaN/inf (a buggy extractor) made finite."""
    x = np.asarray(features, dtype=np.float64).reshape(n_passages, -1)
    return x if np.isfinite(x).all() else np.nan_to_num(x, nan=0.0, posinf=1e6, neginf=-1e6)


def make_pipeline(**params: Any):
    """The scikit-learn pipeline (see detector/classifier_pipeline.py; imports scikit-learn)."""
    from .classifier_pipeline import make_pipeline as _make

    return _make(**params)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))


@dataclass
class TrainedModel:
    """A fitted model, scored with numpy on arrays compiled from the sklearn pipeline.

    The pickled object holds only numpy arrays and plain values, so loading it needs neither
    scikit-learn nor its import time; the fitted pipeline and calibrator ride along as a pickled
    blob, unpickled on first use of `pipeline` / `calibrated` (inspection, `predict_proba`)."""

    name: str
    signature: list[list[str]]
    feature_names: list[str]  # dense columns: extractor features then fluency features
    threshold: float
    arrays: dict[str, Any]
    sklearn_blob: bytes = b""
    meta: dict[str, Any] = field(default_factory=dict)
    # Log-odds subtracted after calibration: moves the calibrated probabilities from the
    # calibration set's balanced classes to an assumed prevalence of artefacts, 1/(1+e^shift).
    prior_shift: float = 0.0

    def __post_init__(self) -> None:
        self._bind()

    @classmethod
    def from_fitted(cls, pipeline: Any, calibrated: Any, name: str, signature: list[list[str]], feature_names: list[str],
                    threshold: float, meta: dict[str, Any] | None = None) -> TrainedModel:
        import pickle

        blob = pickle.dumps((pipeline, calibrated), protocol=pickle.HIGHEST_PROTOCOL)
        model = cls(name, signature, feature_names, threshold, _compile(pipeline, calibrated), blob, dict(meta or {}))
        model._sklearn = (pipeline, calibrated)
        return model

    def _bind(self) -> None:
        a = self.arrays
        self._edges, self._bin_w, self._lin_w = a["edges"], a["bin_w"], a["lin_w"]
        self._mean, self._scale, self._clip = a["mean"], a["scale"], a["clip"]
        self._ngram_w, self._n_features, self._ngram_range = a["ngram_w"], a["n_features"], tuple(a["ngram_range"])
        self._norm, self._intercept, self._calibration = a["norm"], a["intercept"], a["calibration"]
        self._char_w = a.get("char_w")
        self._cols = np.arange(len(self._lin_w))

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._bind()

    @property
    def pipeline(self) -> Any:
        return self._unpickled()[0]

    @property
    def calibrated(self) -> Any:
        return self._unpickled()[1]

    def _unpickled(self) -> tuple[Any, Any]:
        if getattr(self, "_sklearn", None) is None:
            import pickle

            self._sklearn = pickle.loads(self.sklearn_blob)  # part of the verified model file
        return self._sklearn

    # -- scoring ---------------------------------------------------------------------------
    def _dense_contributions(self, dense: np.ndarray) -> np.ndarray:
        idx = (dense[:, :, None] > self._edges[None, :, :]).sum(axis=2)
        scaled = np.clip((dense - self._mean) / self._scale, -self._clip, self._clip)
        return self._bin_w[self._cols, idx] + scaled * self._lin_w

    def logits(self, doc: Document, features: np.ndarray, chunk: int = 256) -> np.ndarray:
        """Uncalibrated decision values of every passage of `doc`, a chunk of passages at a
        time so that memory stays bounded on huge documents."""
        passages = doc.passages
        n = len(passages)
        feats = _finite(features, n)
        if n <= chunk:
            return self._passage_logits(passages, feats)
        return np.concatenate([self._passage_logits(passages[a : a + chunk], feats[a : a + chunk]) for a in range(0, n, chunk)])

    def _passage_logits(self, passages: Sequence[Passage], features: np.ndarray) -> np.ndarray:
        streams = [passage_ids(p) for p in passages]
        dense = np.hstack([features, fluency_features(passages, streams)])
        chars = [passage_chars(p) for p in passages] if self._char_w is not None else None
        return self._logits_of(dense, streams, chars)

    def _char_logits(self, streams: Sequence[Sequence[int]], chars: Sequence[Sequence[int]]) -> np.ndarray:
        """Sum of rare-word char n-gram weights / sqrt(stream length), per passage."""
        n = len(streams)
        lengths = [len(c) for c in chars]
        total = sum(lengths)
        if total == 0:
            return np.zeros(n)
        if chars and isinstance(chars[0], np.ndarray):
            flat = np.concatenate(chars).astype(np.intp, copy=False)
        else:
            flat = np.fromiter(chain.from_iterable(chars), dtype=np.intp, count=total)
        weights = self._char_w[flat]
        norm = np.sqrt(np.maximum(1, np.fromiter((len(s) for s in streams), dtype=np.float64, count=n)))
        if n == 1:
            return np.array([float(weights.sum())]) / norm
        return np.bincount(np.repeat(_arange(n) if n <= 4096 else np.arange(n), lengths), weights, minlength=n) / norm

    def _logits_of(self, dense: np.ndarray, streams: Sequence[Sequence[int]], chars: Sequence[Sequence[int]] | None = None) -> np.ndarray:
        n = len(streams)
        z = self._dense_contributions(dense).sum(axis=1) + self._intercept
        if self._char_w is not None and chars is not None:
            z = z + self._char_logits(streams, chars)
        lengths = [len(s) for s in streams]
        if n and isinstance(streams[0], np.ndarray):
            ids = np.concatenate(streams).astype(np.intp, copy=False)
        else:
            ids = np.fromiter(chain.from_iterable(streams), dtype=np.intp, count=sum(lengths))
        group = np.repeat(_arange(n) if n <= 4096 else np.arange(n, dtype=np.int64), lengths)
        if self._norm == "count_sqrt":  # sum of weights / sqrt(n-gram count), no sorting
            rows, cols, _ = hash_ngrams(ids, group, self._n_features, self._ngram_range)
            if len(rows):
                if n == 1:
                    z = z + float(self._ngram_w[cols].sum()) / math.sqrt(len(cols))
                else:
                    totals = np.bincount(rows, minlength=n)
                    z = z + np.bincount(rows, self._ngram_w[cols], minlength=n) / np.sqrt(np.maximum(totals, 1))
            return z
        rows, cols, vals = ngram_matrix_parts(ids, group, n, self._n_features, self._ngram_range, self._norm)
        if len(rows):
            z = z + np.bincount(rows, self._ngram_w[cols] * vals, minlength=n)
        return z

    def score_records(self, records: Sequence[PassageRecord], batch: int = 20000) -> np.ndarray:
        """Calibrated scores of many passage records at once (same arithmetic as score_passages)."""
        out = []
        for a in range(0, len(records), batch):
            chunk = records[a : a + batch]
            dense = np.vstack([r.dense for r in chunk])
            out.append(self.calibrate(self._logits_of(dense, [r.ids for r in chunk], [r.chars for r in chunk])))
        return np.concatenate(out) if out else np.zeros(0)

    def calibrate(self, z: np.ndarray) -> np.ndarray:
        """Decision values -> probabilities (calibration, then the prior shift)."""
        kind, params = self._calibration
        if kind == "sigmoid":
            a, b = params
            logit = -(a * z + b)
        elif kind == "isotonic":
            x, y = params
            p = np.clip(np.interp(z, x, y), 1e-6, 1 - 1e-6)
            logit = np.log(p / (1 - p))
        else:
            logit = z
        return _sigmoid(logit - self.prior_shift)

    def score_passages(self, doc: Document, features: np.ndarray, findings: tuple[Finding, ...] = ()) -> np.ndarray:
        """Calibrated probability per passage that it has MT, spinner, OCR or garble artefacts."""
        if not doc.passages:
            return np.zeros(0)
        return self.calibrate(self.logits(doc, features))

    def predict_proba(self, records: Sequence[PassageRecord]) -> np.ndarray:
        """sklearn route (slow, for checks): calibrated P(artefact) of each record."""
        return self.calibrated.predict_proba(list(records))[:, 1]

    # -- explanations ----------------------------------------------------------------------
    def explain(self, doc: Document, features: np.ndarray, passage_scores: np.ndarray, findings: tuple[Finding, ...],
                threshold: float) -> list[Finding]:
        """`model.passage` findings for flagged passages that no warning/error rule explains:
        the spans (abstract n-grams) that pushed the score up most, and the strongest features."""
        from .model import MODEL_EXPLANATION

        flagged = [i for i, s in enumerate(passage_scores) if s >= threshold]
        if not flagged:
            return []
        # a rule finding explains every passage it overlaps (a spam bio can span two passages)
        explained = {
            i
            for f in findings
            if f.severity in ("warning", "error")
            for i in range(doc.passage_at(f.start), doc.passage_at(max(f.start, f.end - 1)) + 1)
        }
        todo = [i for i in flagged if i not in explained]
        if not todo:
            return []
        passages = [doc.passages[i] for i in todo]
        pairs = [passage_stream(p) for p in passages]
        streams = [ids for ids, _ in pairs]
        feats = _finite(features, len(doc.passages))[todo]
        contrib = self._dense_contributions(np.hstack([feats, fluency_features(passages, streams)])) - self._dense_reference()
        lm_name = "fluency.lm_worst_window"
        lm_col = self.feature_names.index(lm_name) if lm_name in self.feature_names else -1
        out: list[Finding] = []
        for k, i in enumerate(todo):
            p = passages[k]
            evidence = self._top_features(contrib[k])
            spans = self._top_spans(streams[k], pairs[k][1], p)
            if lm_col >= 0 and contrib[k][lm_col] > 0.3:  # unusual word order: show the worst stretch first
                spans = _merge_spans([*_lm_span(streams[k], pairs[k][1]), *spans])[:2]
            for start, end in spans:
                message = MODEL_EXPLANATION.message.format(p=float(passage_scores[i]))
                if evidence:
                    message += f"; strongest evidence: {evidence}"
                out.append(MODEL_EXPLANATION.finding(doc.text, start, end, message, confidence=float(passage_scores[i])))
        return out

    def _dense_reference(self) -> np.ndarray:
        ref = self.meta.get("dense_reference")
        if ref is None:
            return np.zeros(len(self._lin_w))
        return np.asarray(ref, dtype=np.float64)

    def _top_features(self, contrib: np.ndarray, k: int = 2) -> str:
        order = np.argsort(-contrib)[:k]
        names = [_readable_feature(self.feature_names[j]) for j in order if contrib[j] > 0.3]
        return ", ".join(names)

    def _top_spans(self, ids: list[int], spans: list[tuple[int, int]], passage: Passage, max_spans: int = 2) -> list[tuple[int, int]]:
        """Up to `max_spans` token windows with the largest positive n-gram contribution."""
        if not ids:
            return [(passage.start, passage.end)]
        arr = np.asarray(ids, dtype=np.intp)
        group = np.zeros(len(arr), dtype=np.int64)
        r, c, pos = hash_ngrams(arr, group, self._n_features, self._ngram_range)
        # per-token score: each n-gram's weight spread over its tokens
        order_len = np.zeros(len(pos), dtype=np.int64)
        start_idx = 0
        lo, hi = self._ngram_range
        for n in range(lo, hi + 1):
            m = max(0, len(arr) - n + 1)
            order_len[start_idx : start_idx + m] = n
            start_idx += m
        token_score = np.zeros(len(arr))
        w = self._ngram_w[c].astype(np.float64)
        for n in range(lo, hi + 1):
            sel = order_len == n
            for k in range(n):
                np.add.at(token_score, pos[sel] + k, w[sel] / n)
        chosen: list[tuple[int, int]] = []
        used = np.zeros(len(arr), dtype=bool)
        width = 3
        for _ in range(max_spans):
            best, best_at = 0.0, -1
            for a in range(0, len(arr)):
                b = min(len(arr), a + width)
                if used[a:b].any():
                    continue
                s = token_score[a:b].sum()
                if s > best:
                    best, best_at = s, a
            if best_at < 0 or (chosen and best < 0.5):
                break
            b = min(len(arr), best_at + width)
            used[best_at:b] = True
            real = [spans[k] for k in range(best_at, b) if spans[k][1] > spans[k][0]]
            if real:
                chosen.append((real[0][0], real[-1][1]))
        if not chosen:
            return [(passage.start, passage.end)]
        return sorted(chosen)


def _lm_span(ids: list[int], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Document span of the passage's least fluent stretch under the class language model."""
    window = class_lm.worst_window(ids)
    if window is None:
        return []
    real = [spans[k] for k in range(*window) if spans[k][1] > spans[k][0]]
    return [(real[0][0], real[-1][1])] if real else []


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans merged, first-come order kept (the first is the strongest)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for k, (a, b) in enumerate(out):
            if s < b and e > a:
                out[k] = (min(a, s), max(b, e))
                break
        else:
            out.append((s, e))
    return out


def _compile(pipeline: Any, calibrated: Any) -> dict[str, Any]:
    """The arrays `TrainedModel` scores with, taken from a fitted pipeline and calibrator."""
    vec = pipeline.named_steps["features"]
    clf = pipeline.named_steps["clf"]
    coef = clf.coef_.ravel().astype(np.float64)
    binner = vec.binner_
    n_onehot = int(binner.offsets_[-1])
    d = binner.n_features_in_
    bin_w = np.zeros((d, binner.edges_.shape[1] + 1))
    for j in range(d):
        a, b = binner.offsets_[j], binner.offsets_[j + 1]
        bin_w[j, : b - a] = coef[a:b]
    return {
        "edges": binner.edges_,
        "bin_w": bin_w * vec.dense_scale_,
        "lin_w": coef[n_onehot : n_onehot + d] * vec.dense_scale_,
        "mean": binner.mean_,
        "scale": binner.scale_,
        "clip": float(binner.clip),
        "ngram_w": (coef[n_onehot + d : n_onehot + d + vec.n_features] * vec.ngram_weight).astype(np.float32),
        "char_w": (coef[n_onehot + d + vec.n_features :] * vec.char_weight).astype(np.float32) if vec.char_weight else None,
        "n_features": int(vec.n_features),
        "ngram_range": tuple(vec.ngram_range),
        "norm": vec.norm,
        "intercept": float(clf.intercept_[0]),
        "calibration": _calibration_of(calibrated),
    }


_FEATURE_WORDS = {
    "oov_lower_share": "words unknown to an English dictionary",
    "oov_cap_share": "unknown capitalised words",
    "rare_share": "very rare words",
    "function_share": "unusual share of function words",
    "nonlatin_share": "non-Latin script",
    "symbol_share": "stray symbols",
    "single_letter_share": "isolated single letters",
    "odd_quotes": "unbalanced quotation marks",
    "unbalanced_brackets": "unbalanced brackets",
    "lower_sentence_starts": "sentences starting in lower case",
    "upper_share": "words in capitals",
    "digit_share": "many digits",
    "punct_share": "unusual punctuation density",
    "frequent_share": "unusual share of very common words",
    "log_words": "passage length",
    "lm_log_ratio_mean": "word order unusual for English",
    "lm_odd_share": "many words in unusual positions",
    "lm_worst_window": "a stretch of words in an order English does not use",
}


def _readable_feature(name: str) -> str:
    """"fluency.oov_lower_share" -> "words unknown to an English dictionary"; others spelled out."""
    group, _, short = name.partition(".")
    if short in _FEATURE_WORDS:
        return _FEATURE_WORDS[short]
    return f"{group}: {short.replace('_', ' ')}" if short else name


def _calibration_of(calibrated: Any) -> tuple[str, Any]:
    """('sigmoid', (a, b)) or ('isotonic', (x, y)) from a fitted CalibratedClassifierCV."""
    if calibrated is None:
        return ("none", None)
    cc = calibrated.calibrated_classifiers_[0]
    cal = cc.calibrators[0]
    if hasattr(cal, "a_"):
        return ("sigmoid", (float(cal.a_), float(cal.b_)))
    if hasattr(cal, "X_thresholds_"):
        return ("isotonic", (np.asarray(cal.X_thresholds_, dtype=np.float64), np.asarray(cal.y_thresholds_, dtype=np.float64)))
    raise DetectorError("unsupported calibrator in model; retrain with 'mtdetect train'")


# --------------------------------------------------------------------------------------------
# Featurising labelled texts and fitting
# --------------------------------------------------------------------------------------------


def dense_feature_names() -> list[str]:
    from .pipeline import feature_names

    return [*feature_names(), *(f"fluency.{f}" for f in FLUENCY_FEATURES)]


def featurise_text(text: str) -> tuple[Document, np.ndarray, list[PassageRecord]]:
    """Document, extractor feature matrix and passage records of one text (default config)."""
    from .config import Config
    from .pipeline import extract_features

    doc = Document(text)
    features, _ = extract_features(doc, Config())
    return doc, features, document_records(doc, features)


@dataclass
class TrainingSet:
    """Passage records with labels, weights and (for reporting) the row each came from."""

    records: list[PassageRecord] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    weights: list[float] = field(default_factory=list)
    row: list[int] = field(default_factory=list)

    def add(self, records: Iterable[PassageRecord], label: int, weight: float, row: int) -> None:
        for r in records:
            self.records.append(r)
            self.labels.append(label)
            self.weights.append(weight)
            self.row.append(row)

    def arrays(self) -> tuple[list[PassageRecord], np.ndarray, np.ndarray]:
        return self.records, np.asarray(self.labels, dtype=np.int64), np.asarray(self.weights, dtype=np.float64)


LENGTH_BINS = (0, 8, 15, 25, 40, 60, 90, 10**9)


def balance_length(records: Sequence[PassageRecord], y: np.ndarray, w: np.ndarray, log_words_column: int) -> np.ndarray:
    """Reweight so both classes have the same share of each passage-length bin.

    Length is the easiest shortcut (single MT sentences vs paragraph-length clean text);
    after this, P(label | length bin) is the same for every bin."""
    words = np.expm1(np.array([r.dense[log_words_column] for r in records]))
    bins = np.digitize(words, LENGTH_BINS[1:-1])
    w = w.copy()
    total_pos, total_neg = w[y == 1].sum(), w[y == 0].sum()
    if total_pos == 0 or total_neg == 0:
        return w
    ratio = total_neg / total_pos
    for b in np.unique(bins):
        sel = bins == b
        pos, neg = w[sel & (y == 1)].sum(), w[sel & (y == 0)].sum()
        if pos > 0 and neg > 0:
            # scale the bin's negatives towards `ratio` x its positives (bounded, to keep rare bins sane)
            factor = float(np.clip(ratio * pos / neg, 0.2, 5.0))
            w[sel & (y == 0)] *= factor
    return w


def fit_calibrated(records: Sequence[PassageRecord], y: np.ndarray, w: np.ndarray,
                   cal_records: Sequence[PassageRecord] | None = None, cal_y: np.ndarray | None = None,
                   cal_w: np.ndarray | None = None, method: str = "sigmoid", seed: int = 0, **params: Any) -> tuple[Any, Any]:
    """Fit the pipeline and its calibration: on a held-out split when given, else 3-fold CV."""
    import warnings

    import sklearn
    from sklearn.calibration import CalibratedClassifierCV

    pipe = make_pipeline(**params)
    if cal_records is not None and len(cal_records) and cal_y is not None and len(set(cal_y.tolist())) == 2:
        from sklearn.frozen import FrozenEstimator

        pipe.fit(list(records), y, clf__sample_weight=w)
        calibrated = CalibratedClassifierCV(FrozenEstimator(pipe), method=method)
        with warnings.catch_warnings():  # "FrozenEstimator does not accept sample_weight": it is frozen, as intended
            warnings.filterwarnings("ignore", message=".*does not appear to accept sample_weight.*")
            calibrated.fit(list(cal_records), cal_y, sample_weight=cal_w)
        return pipe, calibrated
    from sklearn.model_selection import StratifiedKFold

    folds = int(min(3, np.bincount(y).min()))
    if folds < 2:
        raise DetectorError("training needs at least 2 passages of each class")
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    # Route the sample weights to the classifier inside each fold (metadata routing).
    with sklearn.config_context(enable_metadata_routing=True):
        pipe.named_steps["clf"].set_fit_request(sample_weight=True)
        calibrated = CalibratedClassifierCV(pipe, method=method, cv=cv, ensemble=False)
        calibrated.fit(list(records), y, sample_weight=w)
    fitted = calibrated.calibrated_classifiers_[0].estimator
    return fitted, calibrated


def dense_reference(model: TrainedModel, records: Sequence[PassageRecord], y: np.ndarray) -> list[float]:
    """Mean dense contribution per feature on clean passages: the baseline explanations compare to."""
    clean = [r.dense for r, label in zip(records, y, strict=False) if label == 0]
    if not clean:
        return [0.0] * len(model._lin_w)
    return model._dense_contributions(np.vstack(clean)).mean(axis=0).tolist()


def build_model(pipe: Any, calibrated: Any, threshold: float, meta: dict[str, Any], records: Sequence[PassageRecord], y: np.ndarray,
                name: str = "trained") -> TrainedModel:
    from .extractors import signature

    model = TrainedModel.from_fitted(pipe, calibrated, name, signature(), dense_feature_names(), threshold, meta)
    model.meta["stream_id"] = stream_id()
    model.meta["dense_reference"] = dense_reference(model, records, y)
    return model


def train_model(positives: Sequence[str], negatives: Sequence[str], seed: int = 0, min_per_class: int = 5,
                progress: Callable[[str], None] | None = None, **params: Any) -> TrainedModel:
    """Fit a model on texts with artefacts (`positives`) and clean texts (`negatives`).

    Every passage of a text takes the text's label; each text counts once (its passages share
    its weight). Calibration is cross-validated. Raises DetectorError on unusable data."""
    if len(positives) < min_per_class or len(negatives) < min_per_class:
        raise DetectorError(
            f"training needs at least {min_per_class} texts of each class (got {len(positives)} positive, "
            f"{len(negatives)} negative); add more labelled text"
        )
    data = TrainingSet()
    t0 = time.time()
    for label, texts in ((1, positives), (0, negatives)):
        for k, text in enumerate(texts):
            _, _, recs = featurise_text(text)
            if recs:
                data.add(recs, label, 1.0 / len(recs), k)
    records, y, w = data.arrays()
    if len(set(y.tolist())) < 2 or np.bincount(y, minlength=2).min() < 2:
        raise DetectorError("training texts have no usable passages in one class; give non-empty texts of both classes")
    w = w * np.where(y == 1, len(y) / (2.0 * max(1, (y == 1).sum())), len(y) / (2.0 * max(1, (y == 0).sum())))
    defaults = {"C": 1.0, "n_features": 2**16, "ngram_range": (1, 3)}
    defaults.update(params)
    pipe, calibrated = fit_calibrated(records, y, w, seed=seed, **defaults)
    meta = {
        "training": {"positives": len(positives), "negatives": len(negatives), "passages": len(records)},
        "fit_seconds": round(time.time() - t0, 2),
    }
    if progress:
        progress(f"fitted on {len(records)} passages from {len(positives) + len(negatives)} texts")
    return build_model(pipe, calibrated, 0.5, meta, records, y, name="user-trained")


# --------------------------------------------------------------------------------------------
# Saving with a sidecar
# --------------------------------------------------------------------------------------------


def save_model(model: TrainedModel, path: str | Path, extra_meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """Write the joblib file and its sidecar (`.json` beside it) with the file's SHA-256."""
    import joblib
    import sklearn

    from . import __version__
    from .model import sha256_of

    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    try:
        joblib.dump(model, p, compress=3)
    except OSError as e:
        raise DetectorError(f"{p}: cannot write model ({e.strerror}); check the directory and permissions") from None
    meta = {
        "format_version": MODEL_FORMAT_VERSION,
        "name": model.name,
        "package_version": __version__,
        "sklearn_version": sklearn.__version__,
        "numpy_version": np.__version__,
        "signature": model.signature,
        "stream_id": model.meta.get("stream_id"),
        "signature_sha256": hashlib.sha256(json.dumps(model.signature).encode("utf-8")).hexdigest(),
        "threshold": model.threshold,
        "sha256": sha256_of(p),
        "size_bytes": p.stat().st_size,
    }
    meta.update({k: v for k, v in model.meta.items() if k != "dense_reference"})
    meta.update(extra_meta or {})
    p.with_suffix(".json").write_text(json.dumps(meta, indent=2, sort_keys=False, default=_json_default) + "\n", encoding="utf-8")
    return meta


def _json_default(o: Any) -> Any:
    if isinstance(o, np.integer):
        return int(o)
    if isinstance(o, np.floating):
        return float(o)
    if isinstance(o, np.ndarray):
        return o.tolist()
    raise TypeError(type(o).__name__)


def evaluation_metrics(labels: Sequence[int], scores: Sequence[float], threshold: float) -> dict[str, Any]:
    """ROC-AUC, and precision, recall, F1 and false-positive rate at `threshold`."""
    from sklearn.metrics import roc_auc_score

    y = np.asarray(labels, dtype=np.int64)
    s = np.asarray(scores, dtype=np.float64)
    flagged = s >= threshold
    tp = int((flagged & (y == 1)).sum())
    fp = int((flagged & (y == 0)).sum())
    pos, neg = int((y == 1).sum()), int((y == 0).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / pos if pos else 0.0
    return {
        "n": int(len(y)),
        "positives": pos,
        "threshold": float(threshold),
        "auc": round(float(roc_auc_score(y, s)), 4) if pos and neg else float("nan"),
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "false_positive_rate": round(fp / neg, 4) if neg else 0.0,
    }
