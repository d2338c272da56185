"""Word frequencies from wordfreq, looked up directly.

`wordfreq.zipf_frequency` re-tokenises its argument on every call (about 15 µs); for a plain
alphabetic word that is a dictionary lookup, which is what `zipf` does. Anything else (digits,
apostrophes, hyphens, several tokens) goes through wordfreq's own tokeniser and formula, on
the same frequency dictionary, so results are identical.

The dictionary (`frequencies()`) is wordfreq's own `get_frequency_dict("en")`, shared with the
model's word classes (see `frequencies`). `without_gc` is for the modules that load large
read-only tables.
"""

from __future__ import annotations

import gc
import math
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

_FREQS: dict[str, float] | None = None  # loaded on first use, read-only


@contextmanager
def without_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic tables: its passes over
    the fresh objects would double the load time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def frequencies() -> dict[str, float]:
    """wordfreq's English word -> frequency dictionary, `wordfreq.get_frequency_dict("en")`,
    asked for with exactly the arguments the model (detector/classifier.py) uses: wordfreq
    caches it per argument tuple, so the two share one copy instead of building it twice
    (about 50 ms and 20 MB each). Read-only."""
    global _FREQS
    if _FREQS is None:
        with without_gc():  # importing wordfreq and reading its list create ~100,000 objects
            from wordfreq import get_frequency_dict

            _FREQS = get_frequency_dict("en")  # the "best" wordlist
    return _FREQS


_frequencies = frequencies


def words_at_least(min_zipf: float) -> frozenset[str]:
    """A superset of the lower-case words whose `zipf` is at least `min_zipf`: every word of
    wordfreq's frequency buckets at or above it. A plain lower-case word outside it has a lower
    Zipf frequency, so look-ups of many candidate spellings can skip `zipf` for those."""
    from wordfreq import cB_to_freq, get_frequency_list

    frequencies()  # the list below is the one the dictionary was built from
    out: set[str] = set()
    for index, bucket in enumerate(get_frequency_list("en", "best")):  # wordfreq's own cache entry
        if bucket and round(math.log10(cB_to_freq(-index)) + 9, 2) >= min_zipf:
            out.update(bucket)
    return frozenset(out)


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` in English: 0 when unknown, 3 = once per million
    words, about 7.7 for "the"."""
    if word.isalpha() and word.isascii():
        freq = (_FREQS if _FREQS is not None else _frequencies()).get(word.lower())
        if freq is None:
            return 0.0
        return round(math.log10(freq) + 9, 2)
    return _zipf_frequency(word)


_SLOW: dict[str, float] = {}  # memo of the tokenising path (as wordfreq's own cache)
_SLOW_MAX = 100_000


def _zipf_frequency(word: str) -> float:
    """`wordfreq.zipf_frequency(word, "en")` (wordfreq 3.x: tokenise, smash digits, combine
    the tokens' frequencies), computed on the shared frequency dictionary."""
    z = _SLOW.get(word)
    if z is None:
        if len(_SLOW) >= _SLOW_MAX:
            _SLOW.clear()
        from wordfreq import zipf_to_freq

        z = _SLOW[word] = round(_freq_to_zipf(_word_frequency(word, zipf_to_freq(0.0))), 2)
    return z


def _word_frequency(word: str, minimum: float) -> float:
    """wordfreq's `_word_frequency(word, "en", "best", minimum)` on the shared dictionary."""
    from wordfreq import smash_numbers
    from wordfreq.numbers import digit_freq

    tokens = _lossy_tokenize_english(word)
    if not tokens:
        return minimum
    freqs = _frequencies()
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        if smashed not in freqs:
            return minimum
        freq = freqs[smashed]
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    # English uses wordfreq's regex tokenizer, not jieba: no inferred-space factor
    unrounded = max(freq, minimum)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


def _lossy_tokenize_english(text: str) -> list[str]:
    """`wordfreq.lossy_tokenize(text, "en")`: for English (Latin script, NFC, plain case
    folding, wordfreq's regex tokenizer, no transliteration) it is the steps below. Calling
    them directly skips wordfreq's language-info look-up, whose first call costs ~80 ms of
    langcodes matching."""
    from wordfreq.tokens import simple_tokenize, uncurl_quotes

    text = unicodedata.normalize("NFC", text).casefold()  # wordfreq's preprocess_text for "en"
    return [uncurl_quotes(token) for token in simple_tokenize(text, include_punctuation=False)]


def _freq_to_zipf(freq: float) -> float:
    from wordfreq import freq_to_zipf

    return freq_to_zipf(freq)
