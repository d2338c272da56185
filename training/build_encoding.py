"""Build detector/data/encoding_compounds.tsv.gz: hyphenated compounds of English.

The encoding extractor flags "Indo – Pacific" / "long – term" when the two parts form a
known hyphenated compound (other rules, in the extractor, cover compounds this table does
not know). Compounds come from three sources, each row naming its own:
  - `h`: hyphenated words counted in human-written English of the train and dev splits
    (never test): clean_en/* (all registers except the JFLEG learner-error file),
    en_source/* (English-original WMT news), the human references of mt/wmt21 and
    mt/smt2013; kept when seen at least MIN_COUNT times;
  - `w`: hyphenated lemmas of WordNet 3.0 (`--wordnet`, default /usr/share/wordnet from the
    Debian package wordnet-base; skipped with a note when absent);
  - `m`: hyphenated words of the MT system outputs of mt/wmt21 and mt/smt2013 (train and dev
    documents), kept when seen in at least MT_MIN_DOCS documents and made only of common
    content words (MT output also writes a dash as a hyphen: "said-it").
All parts must be real words (wordfreq) or short numbers; chat ids and phone numbers are
dropped. Only compounds and counts are written, never corpus text.

A compound that human text of the same splits also writes as two words around a spaced
dash ("oil – water") is dropped: the table must not turn a clause dash into a finding.

Usage: python -m training.build_encoding --data /work/shared/data [--wordnet DIR] [--out detector/data]
"""

from __future__ import annotations

import argparse
import datetime
import glob
import gzip
import json
import os
from collections import Counter, defaultdict
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
MT_MIN_DOCS = 3
MT_MIN_ZIPF = 3.0
DEFAULT_WORDNET = "/usr/share/wordnet"
WORDNET_INDEXES = ("index.noun", "index.adj", "index.verb", "index.adv")
# A hyphenated word: 2+ alphanumeric parts joined by single hyphens, not inside a longer token.
HYPHENATED_RE = regex.compile(r"(?<![\w@-])[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+(?![\w@-])")
# Two words around a spaced dash in human text: "oil – water".
SPACED_PAIR_RE = regex.compile(r"(?<![\p{L}\p{N}-])([\p{L}\p{N}]+)[ \t][-\u2013\u2014][ \t]([\p{L}\p{N}]+)(?![\p{L}\p{N}-])")
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


def mt_documents(data: str) -> Iterator[tuple[str, list[str]]]:
    """(document key, system outputs of one segment) of the train/dev MT documents."""
    for folder in ("wmt21", "smt2013"):
        for path in sorted(glob.glob(os.path.join(data, "mt", folder, "*.jsonl.gz"))):
            for r in _rows(path):
                if _keep(f"mt/{folder}", r["doc_id"], r.get("year")):
                    yield f"{path}:{r['doc_id']}", [t for t in r["systems"].values() if t]


def wordnet_compounds(folder: str) -> set[str]:
    """Hyphenated lemmas of the WordNet index files, and the hyphenated words inside its
    multi-word lemmas ("omega-3_fatty_acid" gives "omega-3")."""
    out: set[str] = set()
    for name in WORDNET_INDEXES:
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue  # licence header
                lemma = line.split(" ", 1)[0]
                out.update(w.lower() for w in lemma.split("_") if "-" in w.strip("-"))
    return out


def plausible(compound: str, count: int) -> bool:
    """Parts are known words or short numbers; no chat ids, phone numbers or codes; no
    dash-for-hyphen typing of informal text ("discussions-to", "firefox-a")."""
    parts = compound.split("-")
    if "user" in compound or len(compound) > 40 or not all(parts):
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


def _content_word(part: str) -> bool:
    return part.isalpha() and part not in FUNCTION_WORDS and zipf_frequency(part, "en") >= MT_MIN_ZIPF


def build(data: str, wordnet: str | None) -> dict[str, tuple[str, int]]:
    """{compound: (source, count)}."""
    human: Counter[str] = Counter()
    spaced: set[str] = set()
    for text in human_texts(data):
        human.update(m.group().lower() for m in HYPHENATED_RE.finditer(text))
        spaced.update(f"{m.group(1)}-{m.group(2)}".lower() for m in SPACED_PAIR_RE.finditer(text))
    found: dict[str, tuple[str, int]] = {c: ("h", n) for c, n in human.items() if n >= MIN_COUNT and plausible(c, n)}
    if wordnet and os.path.isdir(wordnet):
        for c in wordnet_compounds(wordnet):
            if c not in found and plausible(c, FUNCTION_WORD_MIN_COUNT):
                found[c] = ("w", 1)
    mt_docs: dict[str, set[str]] = defaultdict(set)
    for key, outputs in mt_documents(data):
        for text in outputs:
            for m in HYPHENATED_RE.finditer(text):
                mt_docs[m.group().lower()].add(key)
    for c, docs in mt_docs.items():
        if c not in found and len(docs) >= MT_MIN_DOCS and all(_content_word(p) for p in c.split("-")):
            found[c] = ("m", len(docs))
    return {c: v for c, v in found.items() if c not in spaced}


def write(compounds: dict[str, tuple[str, int]], out_dir: str, wordnet: str | None) -> str:
    path = os.path.join(out_dir, OUT_NAME)
    header = [
        "# Hyphenated compounds of English (lower-cased).",
        "# Sources: h = /work/shared/data train/dev human text: clean_en (not the JFLEG error file),",
        "#   en_source, human references of mt/wmt21 and mt/smt2013 (WMT research use; Brown, EWT",
        "#   CC BY-SA 4.0, PEPs CC0, ABC/webtext/NPS research use); w = WordNet 3.0 lemmas (WordNet 3.0",
        "#   Copyright 2006 by Princeton University, WordNet 3.0 licence: use, copy, modify, distribute",
        "#   with this notice); m = MT system outputs of mt/wmt21 and mt/smt2013 (train/dev documents,",
        f"#   >= {MT_MIN_DOCS} documents). Only terms and counts, never corpus text.",
        f"# Built {datetime.date.today().isoformat()} by training/build_encoding.py --data <shared data>"
        f" --wordnet {wordnet or '(none)'} (human min count {MIN_COUNT}, {FUNCTION_WORD_MIN_COUNT} with a function word).",
        "compound\tcount\tsource",
    ]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("\n".join(header) + "\n")
        for compound, (source, n) in sorted(compounds.items(), key=lambda kv: (kv[1][0], -kv[1][1], kv[0])):
            f.write(f"{compound}\t{n}\t{source}\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="path of the shared data folder")
    parser.add_argument("--wordnet", default=DEFAULT_WORDNET, help="folder of the WordNet 3.0 index.* files")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "detector", "data"))
    args = parser.parse_args()
    wordnet = args.wordnet if os.path.isdir(args.wordnet) else None
    if wordnet is None:
        print(f"note: no WordNet at {args.wordnet} (apt-get install wordnet-base); building without it")
    compounds = build(args.data, wordnet)
    path = write(compounds, args.out, wordnet)
    by_source = Counter(s for s, _ in compounds.values())
    print(f"{len(compounds)} compounds ({dict(by_source)}) -> {path}")


if __name__ == "__main__":
    main()
