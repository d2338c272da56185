"""Build detector/data/encoding_compounds.tsv.gz: hyphenated compounds of clean English.

The encoding extractor flags "Indo – Pacific" / "long – term" only when the two parts form a
known hyphenated compound. This script counts hyphenated words ("long-term", "COVID-19") in
human-written English of the train and dev splits (never test):
  - clean_en/* (all registers except the JFLEG learner-error file),
  - en_source/* (English-original WMT news),
  - the human references of mt/wmt21 and mt/smt2013,
and keeps lower-cased compounds seen at least MIN_COUNT times whose parts are real words
(wordfreq) or digits, dropping chat user ids and phone numbers. Only the compounds and their
counts are written, never corpus text.

Usage: python -m training.build_encoding --data /work/shared/data [--out detector/data]
"""

from __future__ import annotations

import argparse
import datetime
import glob
import gzip
import json
import os
from collections import Counter
from collections.abc import Iterator

import regex
from wordfreq import zipf_frequency

from detector.extractors.encoding import FUNCTION_WORDS
from training.splits import split_of

OUT_NAME = "encoding_compounds.tsv.gz"
MIN_COUNT = 2
# A compound with a function word ("so-called", "built-in") must be seen this often: informal
# text also types a spaced dash as a hyphen ("discussions-to").
FUNCTION_WORD_MIN_COUNT = 3
# A hyphenated word: 2+ alphanumeric parts joined by single hyphens, not inside a longer token.
HYPHENATED_RE = regex.compile(r"(?<![\w@-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+(?![\w@-])")
LEARNER_ERRORS = "nonnative-errors_jfleg"


def _rows(path: str) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _keep(source: str, doc_id: object, year: int | None = None) -> bool:
    return split_of(source, str(doc_id), year) in ("train", "dev")


def human_texts(data: str) -> Iterator[str]:
    """Human English of the train/dev splits."""
    for path in sorted(glob.glob(os.path.join(data, "clean_en", "*.jsonl.gz"))):
        name = os.path.basename(path).split(".")[0]
        if name == LEARNER_ERRORS:
            continue
        for r in _rows(path):
            if _keep(f"clean_en/{name}", r["doc_id"]):
                yield r["text"]
    for path in sorted(glob.glob(os.path.join(data, "en_source", "*.jsonl.gz"))):
        for r in _rows(path):
            if _keep("en_source", r["doc_id"], r.get("year")):
                yield r["text"]
    for folder in ("wmt21", "smt2013"):
        for path in sorted(glob.glob(os.path.join(data, "mt", folder, "*.jsonl.gz"))):
            for r in _rows(path):
                if _keep(f"mt/{folder}", r["doc_id"], r.get("year")):
                    yield from r["references"].values()


def plausible(compound: str, count: int) -> bool:
    """Parts are known words or short numbers; no chat ids, phone numbers or codes; no
    dash-for-hyphen typing of informal text ("discussions-to", "firefox-a")."""
    parts = compound.split("-")
    if "user" in compound or len(compound) > 40:
        return False
    if all(p.isdigit() for p in parts):
        return False  # ranges, dates, phone numbers
    if any(len(p) == 1 and p.isalpha() for p in parts[1:]):
        return False  # "t-he", "orexin-a": a letter only starts a compound ("e-mail", "x-ray")
    if count < FUNCTION_WORD_MIN_COUNT and any(p in FUNCTION_WORDS for p in parts):
        return False
    for p in parts:
        if p.isdigit():
            if len(p) > 4:
                return False
        elif zipf_frequency(p, "en") < 1.5:
            return False
    return True


def build(data: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in human_texts(data):
        counts.update(m.group().lower() for m in HYPHENATED_RE.finditer(text))
    return Counter({c: n for c, n in counts.items() if n >= MIN_COUNT and plausible(c, n)})


def write(counts: Counter[str], out_dir: str) -> str:
    path = os.path.join(out_dir, OUT_NAME)
    header = [
        "# Hyphenated compounds of clean English with their counts (lower-cased).",
        "# Sources (train/dev splits only): /work/shared/data clean_en (not the JFLEG error file),",
        "#   en_source, human references of mt/wmt21 and mt/smt2013 (WMT, research use; Brown,",
        "#   EWT CC BY-SA 4.0, PEPs CC0, ABC/webtext/NPS research use). Only terms and counts.",
        f"# Built {datetime.date.today().isoformat()} by training/build_encoding.py --data <shared data> "
        f"(min count {MIN_COUNT}, {FUNCTION_WORD_MIN_COUNT} with a function word).",
        "compound\tcount",
    ]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(header) + "\n")
        for compound, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            f.write(f"{compound}\t{n}\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="path of the shared data folder")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "detector", "data"))
    args = parser.parse_args()
    counts = build(args.data)
    path = write(counts, args.out)
    print(f"{len(counts)} compounds -> {path}")


if __name__ == "__main__":
    main()
