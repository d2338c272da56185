"""Build `detector/data/foreign_words.tsv.gz`: common words of 14 other languages that English
rarely uses, for the `garble.untranslated` rule (words left untranslated by machine translation).

    python -m training.build_foreign_words [--out detector/data]

Source: wordfreq's frequency lists (bundled with the wordfreq package; data CC BY-SA 4.0, see
https://github.com/rspeer/wordfreq). A word is kept when its Zipf frequency in one of the
languages is at least MIN_ZIPF and exceeds its English Zipf frequency by at least MIN_MARGIN;
each word keeps the language where it is most frequent. Only words (letters, apostrophes,
hyphens) of 2 to 30 characters, lower-cased. No corpus text; frequencies only.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import sys
from pathlib import Path

import regex
from wordfreq import top_n_list, zipf_frequency

LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "cs", "pl", "tr", "ro", "sv", "id", "hu", "fi")
MIN_ZIPF = 4.5  # about one in 30,000 tokens of that language
MIN_MARGIN = 1.5  # at least ~30 times more frequent there than in English
TOP_N = 60_000  # words per language to consider (the list is ordered by frequency)
_WORD = regex.compile(r"^\p{L}[\p{L}'’\-]{1,29}$")
OUT_NAME = "foreign_words.tsv.gz"


def build_rows() -> list[tuple[str, str, float, float]]:
    best: dict[str, tuple[str, float]] = {}
    for lang in LANGUAGES:
        for word in top_n_list(lang, TOP_N):
            z = zipf_frequency(word, lang)
            if z < MIN_ZIPF:
                break  # the list is sorted by frequency
            if not _WORD.match(word):
                continue
            if word not in best or z > best[word][1]:
                best[word] = (lang, z)
    rows = []
    for word, (lang, z) in best.items():
        en = zipf_frequency(word, "en")
        if z - en >= MIN_MARGIN:
            rows.append((word, lang, round(z, 2), round(en, 2)))
    return sorted(rows)


def write(rows: list[tuple[str, str, float, float]], out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / OUT_NAME
    header = (f"# Derived table, built {datetime.date.today().isoformat()} by `python -m training.build_foreign_words` from wordfreq's "
              f"lists (data CC BY-SA 4.0): words with Zipf >= {MIN_ZIPF} in one of {' '.join(LANGUAGES)} and at least "
              f"{MIN_MARGIN} above their English Zipf. Frequencies only.")
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write(header + "\n")
        fh.write("word\tlang\tzipf\tzipf_en\n")
        for word, lang, z, en in rows:
            fh.write(f"{word}\t{lang}\t{z}\t{en}\n")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the foreign-word table of garble.untranslated from wordfreq.")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "detector" / "data")
    args = ap.parse_args(argv)
    rows = build_rows()
    path = write(rows, args.out)
    print(f"{path}: {len(rows)} words, {path.stat().st_size / 1000:.0f} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
