"""Word frequencies from wordfreq, looked up directly.

`wordfreq.zipf_frequency` re-tokenises its argument on every call (about 15 µs); for a plain
alphabetic word that is a dictionary lookup, which is what `zipf` does. Anything else (digits,
apostrophes, hyphens, several tokens) goes through wordfreq itself, so results are identical.
"""

from __future__ import annotations

import math
from functools import lru_cache

from wordfreq import get_frequency_dict, zipf_frequency


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    return get_frequency_dict("en", wordlist="best")


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of `word` in English: 0 when unknown, 3 = once per million
    words, about 7.7 for "the"."""
    if word.isalpha() and word.isascii():
        freq = _frequencies().get(word.lower())
        if freq is None:
            return 0.0
        return round(math.log10(freq) + 9, 2)
    return zipf_frequency(word, "en")
