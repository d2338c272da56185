"""Build the collocation and function-word tables of the phrasing and garble extractors.

Reads clean human English from the shared data folder (train split only, as decided by
`training.splits.split_of`): every `clean_en/` register except the JFLEG learner-error file,
the English-original WMT sources (`en_source/`) and the human references of the MT test sets
(`mt/wmt21`, `mt/smt2013`). OCR ground truth is historical English and is skipped.

Writes only counts, never text:
- `detector/data/collocations.tsv.gz`: frequent word bigrams (count >= MIN_BIGRAM_COUNT)
  with their count and pointwise mutual information; the phrasing extractor builds its
  odd-collocation table from it (see build_phrases.py) and uses it as a "seen in clean
  English" reference.
- `detector/data/garble_function_bigrams.tsv`: counts of adjacent pairs of frequent function
  words (and of a function word before a punctuation mark), with the unigram counts needed to
  tell "never seen although expected often" from "just rare".
- `detector/data/garble_verbs.txt`: verb-like words (bases seen after "to"/modals, and their
  inflections seen in the corpus), the lexicon of the missing-verb check.
- `detector/data/garble_word_case.tsv.gz`: words that English capitalises in mid-sentence
  (names, places, months: "moscow", "april"), with the share of their mid-sentence occurrences
  written with a capital, counted on the clean text above plus the WMT21 system outputs of
  the train split (names are translated with their capital), plus the WMT22 references; the
  lower-case and doubled-word checks of the garble extractor use it. Letter-digit codes count
  ("G20" capitalised, "g20" not); all-capital words do not.
- `detector/data/garble_name_case.tsv.gz`: names of 2-3 words ("gaza strip", "united nations")
  capitalised in mid-sentence in >= 95% of >= 5 uses (25 when no word of the name is a
  capitalised word by itself), counted on the clean text and on all references and system
  outputs of the WMT21/WMT22/WMT13 to-English sets (one majority vote per MT segment; systems
  without a recaser skipped); the lower-case check flags the whole name.

Usage: python -m training.build_collocations --data /work/shared/data [--out detector/data] [--case-only]
(--case-only rewrites the two case tables and nothing else.)
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from detector.text import Document
from training.splits import split_of

MIN_BIGRAM_COUNT = 5
# The function words whose adjacent pairs we count (closed classes, lower-case).
FUNCTION_WORDS = tuple(
    """
    the a an this that these those my your his her its our their some any no every each either neither
    of in on at by for with from to into onto upon about over under after before between through during
    without within against among toward towards across behind beyond
    and or but nor so yet if because although though while whereas unless since than as
    i you he she it we they me him us them who whom whose which what
    is are was were be been being am has have had do does did
    will would shall should can could may might must
    not there here very too also just only
    """.split()
)
PUNCTUATION_CLASSES = {".": "<.>", ",": "<,>", "!": "<.>", "?": "<.>", ";": "<;>", ":": "<;>", ")": "<)>"}
MODALS = frozenset("will would shall should can could may might must".split())
OBJECT_STARTERS = frozenset("the a an his her their its my your our this that these those them him me us it".split())
CLEAN_EN_SKIP = ("nonnative-errors_jfleg",)


def _rows(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def iter_clean_texts(data: Path, splits: Iterable[str] = ("train",)) -> Iterator[tuple[str, str]]:
    """(source, text) for every clean-English row of `data` whose split is in `splits`.

    MT references are deduplicated (the smt2013 reference is the same in all five pairs).
    """
    wanted = set(splits)
    for path in sorted((data / "clean_en").glob("*.jsonl.gz")):
        stem = path.name.removesuffix(".jsonl.gz")
        if stem in CLEAN_EN_SKIP:
            continue
        source = f"clean_en/{stem}"
        for row in _rows(path):
            if split_of(source, row["doc_id"]) in wanted:
                yield source, row["text"]
    for path in sorted((data / "en_source").glob("*.jsonl.gz")):
        for row in _rows(path):
            if split_of("en_source", row["doc_id"], row.get("year")) in wanted:
                yield "en_source", row["text"]
    seen: set[str] = set()
    for folder in ("wmt21", "smt2013"):
        source = f"mt/{folder}"
        for path in sorted((data / "mt" / folder).glob("*.jsonl.gz")):
            for row in _rows(path):
                if split_of(source, row["doc_id"], row.get("year")) not in wanted:
                    continue
                for ref in row["references"].values():
                    if ref and ref not in seen:
                        seen.add(ref)
                        yield source, ref


def sentence_tokens(text: str) -> Iterator[list[str]]:
    """Lower-cased token texts of each sentence (words and punctuation), in order."""
    doc = Document(text)
    for passage in doc.passages:
        tokens = passage.tokens
        for sent in passage.sentences:
            yield [t.text.lower() for t in tokens if sent.start <= t.start < sent.end]


def count_ngrams(texts: Iterable[str]) -> tuple[Counter, Counter, Counter, Counter]:
    """Unigram, bigram and trigram counts of lower-cased words (n-grams never cross
    punctuation or sentence ends), and counts of adjacent token pairs including punctuation."""
    uni: Counter = Counter()
    bi: Counter = Counter()
    tri: Counter = Counter()
    pairs: Counter = Counter()
    for text in texts:
        for toks in sentence_tokens(text):
            run: list[str] = []
            for i, tok in enumerate(toks):
                is_word = tok[:1].isalnum()
                if i:
                    pairs[(toks[i - 1], PUNCTUATION_CLASSES.get(tok, tok))] += 1
                if not is_word:
                    run = []
                    continue
                uni[tok] += 1
                run.append(tok)
                if len(run) >= 2:
                    bi[(run[-2], run[-1])] += 1
                if len(run) >= 3:
                    tri[(run[-3], run[-2], run[-1])] += 1
    return uni, bi, tri, pairs


def pmi(count: int, parts: Iterable[int], total: int) -> float:
    """Pointwise mutual information (log2) of an n-gram against independent words."""
    expected = float(total)
    for c in parts:
        expected *= c / total
    return math.log2(count / expected) if expected > 0 else 0.0


def header(what: str) -> str:
    today = datetime.date.today().isoformat()
    return (
        f"# {what}. Built {today} by training/build_collocations.py from the train split of "
        "clean_en (all registers except JFLEG errors), en_source and WMT21/WMT13 human references "
        "in the mtdetect shared data (licences: see data READMEs; research use). Counts only, no text."
    )


def write_collocations(out: Path, uni: Counter, bi: Counter) -> int:
    total = sum(uni.values())
    rows = []
    for (a, b), c in bi.items():
        if c >= MIN_BIGRAM_COUNT and a.isalpha() and b.isalpha():
            rows.append((f"{a} {b}", c, pmi(c, (uni[a], uni[b]), total)))
    rows.sort(key=lambda r: (-r[1], r[0]))
    with gzip.open(out / "collocations.tsv.gz", "wt", encoding="utf-8") as fh:
        fh.write(header(f"Word bigrams (count >= {MIN_BIGRAM_COUNT}) with PMI; total words {total}") + "\n")
        fh.write("expression\tcount\tpmi\n")
        for expr, c, p in rows:
            fh.write(f"{expr}\t{c}\t{p:.2f}\n")
    return len(rows)


_MT_TOKEN = re.compile(r"[^\W_]+(?:['’\-.&][^\W_]+)*|[.,;:!?)]")


def mt_function_counts(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """Unigram and adjacent-pair counts (lower case, punctuation classes) of machine-translated
    text: a second opinion on whether a function-word pair occurs in English at all."""
    uni: Counter = Counter()
    pairs: Counter = Counter()
    for text in texts:
        toks = [PUNCTUATION_CLASSES.get(t, t) for t in _MT_TOKEN.findall(text.lower())]
        uni.update(toks)
        pairs.update(zip(toks, toks[1:], strict=False))
    return uni, pairs


def write_function_bigrams(out: Path, uni: Counter, pairs: Counter, mt_uni: Counter, mt_pairs: Counter) -> int:
    """Unigram rows (`word<TAB><TAB>count<TAB>mt_count`, punctuation classes included) and every
    pair of a function word followed by a function word or punctuation class seen in the clean
    text or in the WMT21 system outputs (mt_count). A pair missing from the file was never seen."""
    fw = set(FUNCTION_WORDS)
    punct_totals: Counter = Counter()
    for (_, b), c in pairs.items():
        if b in PUNCTUATION_CLASSES.values():
            punct_totals[b] += c
    total = sum(uni.values())
    mt_total = sum(c for w, c in mt_uni.items() if not w.startswith("<"))
    n = 0
    with open(out / "garble_function_bigrams.tsv", "w", encoding="utf-8") as fh:
        fh.write(
            header(
                "Adjacent function-word pairs (second may be a punctuation class) and unigram counts; mt_count: the same "
                "in the WMT21 system outputs of the train split"
            )
            + "\n"
        )
        fh.write(f"first\tsecond\tcount\tmt_count\t# total words {total} mt words {mt_total}\n")
        for w in FUNCTION_WORDS:
            fh.write(f"{w}\t\t{uni[w]}\t{mt_uni[w]}\n")
        for cls, c in sorted(punct_totals.items()):
            fh.write(f"{cls}\t\t{c}\t{mt_uni[cls]}\n")
        keys = {k for k in pairs if pairs[k] > 0} | {k for k in mt_pairs if mt_pairs[k] > 1}
        for a, b in sorted(keys):
            if a in fw and (b in fw or b in punct_totals):
                fh.write(f"{a}\t{b}\t{pairs[(a, b)]}\t{mt_pairs[(a, b)]}\n")
                n += 1
    return n


def verb_lexicon(uni: Counter, bi: Counter, tri: Counter) -> set[str]:
    """Verb-like words: bases seen at least twice right after a modal ("will close") or as
    "to X the/a/his..." (an infinitive with an object; "to" alone is also a preposition:
    "to government officials"), plus every corpus word that is such a base + -s/-es/-ed/-ing
    (with the usual spelling changes)."""
    bases: Counter = Counter()
    for (a, b), c in bi.items():
        if a in MODALS and b.isalpha() and b not in FUNCTION_WORDS:
            bases[b] += c
    for (a, b, d), c in tri.items():
        if a == "to" and d in OBJECT_STARTERS and b.isalpha() and b not in FUNCTION_WORDS:
            bases[b] += c
    verbs = {w for w, c in bases.items() if c >= 2}
    inflected = set()
    for w in uni:
        if not w.isalpha() or len(w) < 3:
            continue
        for stem in _stems(w):
            if stem in verbs:
                inflected.add(w)
                break
    return verbs | inflected


def _stems(word: str) -> list[str]:
    """Candidate bases of an inflected form: walks -> walk, tries -> try, taken -> take."""
    out = []
    for suffix in ("ing", "ed", "es", "s", "en", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # stopped -> stop
            if stem.endswith("i"):
                out.append(stem[:-1] + "y")  # tried -> try
    return out


_CASE_WORD = re.compile(r"(?<![\w'’.-])([^\W\d_][\w'’-]*)")
_SENTENCE_BREAK = frozenset(".!?:;\"“”'‘(«[*•–—-")
CASE_MIN_COUNT = 3
CASE_MIN_SHARE = 0.3


def case_counts(texts: Iterable[str]) -> tuple[Counter, Counter]:
    """(mid-sentence occurrences, capitalised mid-sentence occurrences) per lower-case word.
    A word is mid-sentence when the last non-space character before it is a letter, digit or
    comma (not a sentence end, colon, quote or bracket)."""
    total: Counter = Counter()
    capital: Counter = Counter()
    for text in texts:
        for word, _, _ in _mid_sentence_words(text):
            if word.isupper() and len(word) > 1 and word.isalpha():
                continue  # acronyms and shouting say nothing about case ("G20" does: "g20" is a slip)
            low = word.lower()
            total[low] += 1
            if word[0].isupper():
                capital[low] += 1
    return total, capital


def _mid_sentence_words(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) of the words of `text` that do not open a sentence, quote or line."""
    for m in _CASE_WORD.finditer(text):
        start = m.start()
        j = start - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j < 0 or text[j] in _SENTENCE_BREAK or text[j] == "\n":
            continue
        yield m.group(1), start, m.end()


# Multi-word names ("Red Sea", "Gaza Strip", "Security Council"): word sequences of 2-3 words
# joined by single spaces, counted when their first word is mid-sentence. Inner "of"/"the"
# may stay lower case ("Bank of England"); the first and last words must be no function word.
NAME_MAX_WORDS = 3
NAME_MIN_COUNT = 5
NAME_MIN_SHARE = 0.95
_NAME_INNER = frozenset("of the".split())
_NAME_EDGE_SKIP = frozenset(FUNCTION_WORDS) | frozenset("mr mrs ms dr st".split())


def _name_sequences(text: str) -> Iterator[tuple[tuple[str, ...], bool, bool]]:
    """(lower-case words, all capitalised, all lower case) of each 2-3 word sequence of `text`
    whose first word is mid-sentence and whose words are separated by one space."""
    words = list(_mid_sentence_words(text))
    for i, (w0, _, e0) in enumerate(words):
        if not w0.isalpha() or w0.isupper():
            continue
        end, seq = e0, [w0]
        for w, s, e in words[i + 1 : i + NAME_MAX_WORDS]:
            if s != end + 1 or text[end] != " " or not w.isalpha() or (w.isupper() and len(w) > 1):
                break
            seq.append(w)
            end = e
            low = tuple(x.lower() for x in seq)
            if low[0] in _NAME_EDGE_SKIP or low[-1] in _NAME_EDGE_SKIP:
                continue
            capitalised = all(x[0].isupper() or (0 < k < len(seq) - 1 and x in _NAME_INNER) for k, x in enumerate(seq))
            if capitalised and text[end : end + 1] == " " and text[end + 1 : end + 2].isupper():
                capitalised = False  # part of a longer name or a title before one: "Executive Editor Jane Roe"
            yield low, capitalised, all(x.islower() for x in seq)


def name_case_counts(units: list[list[str]]) -> dict[tuple[str, ...], tuple[int, int]]:
    """Multi-word sequence -> (mid-sentence occurrences, occurrences not all in lower case), for
    the sequences seen capitalised at least NAME_MIN_COUNT * NAME_MIN_SHARE times. A unit is a
    clean text or the distinct texts of one MT segment; a form counts once per unit, so that
    twenty systems copying one segment ("red sea bream") weigh as one writer. "Gaza strip"
    counts as written as a name: the check is about names written all in lower case. Two
    passes: the capitalised candidates first, then the candidates' other forms (all n-grams of
    the corpus would not fit in memory)."""
    capital: Counter = Counter()
    for unit in units:
        capital.update({low for text in unit for low, cap, _ in _name_sequences(text) if cap})
    wanted = {k for k, c in capital.items() if c >= NAME_MIN_COUNT * NAME_MIN_SHARE}
    named: Counter = Counter()
    lower: Counter = Counter()
    for unit in units:
        votes: Counter = Counter()  # per name: texts of the unit writing it as a name minus all lower case
        for text in unit:
            forms = {(low, lo) for low, _, lo in _name_sequences(text) if low in wanted}
            votes.update({low: -1 if lo else 1 for low, lo in forms})
        named.update(low for low, v in votes.items() if v >= 0)
        lower.update(low for low, v in votes.items() if v < 0)
    return {k: (named[k] + lower[k], named[k]) for k in wanted}


NAME_ORDINARY_MIN_COUNT = 25  # names made of ordinary words only ("red sea") need more evidence
NAME_WORD_SHARE = 0.9


def _has_name_word(words: tuple[str, ...], word_share: dict[str, float]) -> bool:
    """A word of the name is itself (nearly) always capitalised ("gaza strip"; not "accident
    investigation", capitalised in the corpus only as a part of "Accident Investigation Bureau")."""
    return any(word_share.get(w, 0.0) >= NAME_WORD_SHARE for w in words)


def write_name_case(out: Path, counts: dict[tuple[str, ...], tuple[int, int]], word_share: dict[str, float], sources: str) -> int:
    """Write detector/data/garble_name_case.tsv.gz: 2-3 word names capitalised in mid-sentence
    in >= NAME_MIN_SHARE of >= NAME_MIN_COUNT occurrences ("red sea" -> "Red Sea")."""
    rows = sorted(
        (" ".join(k), cap / n, n)
        for k, (n, cap) in counts.items()
        if n >= (NAME_MIN_COUNT if _has_name_word(k, word_share) else NAME_ORDINARY_MIN_COUNT) and cap / n >= NAME_MIN_SHARE
    )
    what = f"Names of {2}-{NAME_MAX_WORDS} words capitalised in mid-sentence in >= {NAME_MIN_SHARE} of >= {NAME_MIN_COUNT} occurrences"
    return _write_case_table(out / "garble_name_case.tsv.gz", f"{what}; {sources}", "name", rows)


def _write_case_table(path: Path, description: str, key: str, rows: list[tuple[str, float, int]]) -> int:
    """A case table: header line, then `key`, capital share and count per row; returns the row count."""
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(header(description) + "\n")
        fh.write(f"{key}\tcapital_share\tcount\n")
        for name, share, n in rows:
            fh.write(f"{name}\t{share:.3f}\t{n}\n")
    return len(rows)


MT_FOLDERS = ("wmt21", "wmt22", "smt2013")


def iter_mt_segments(data: Path, splits: Iterable[str] = ("train",), folders: Iterable[str] = MT_FOLDERS) -> Iterator[tuple[str, list[str], list[str]]]:
    """Human references and system outputs of the X-to-English MT sets of `splits`: the
    distinct texts of each segment: news names many more places and bodies than clean_en,
    and MT systems carry the capital of a name over from the source."""
    wanted = set(splits)
    for folder in folders:
        for path in sorted((data / "mt" / folder).glob("*.jsonl.gz")):
            rows = [row for row in _rows(path) if split_of(f"mt/{folder}", row["doc_id"], row.get("year")) in wanted]
            uncased = _uncased_systems(rows)
            for row in rows:
                refs = sorted({t for t in row["references"].values() if t})
                systems = sorted({t for name, t in row["systems"].items() if t and name not in uncased} - set(refs))
                yield folder, refs, systems


UNCASED_MAX_SHARE = 0.05


def _uncased_systems(rows: list[dict]) -> set[str]:
    """Systems that start more than UNCASED_MAX_SHARE of their outputs with a lower-case
    letter: they had no recaser (some WMT13 systems) and say nothing about English case."""
    lower: Counter = Counter()
    seen: Counter = Counter()
    for row in rows:
        for name, text in row["systems"].items():
            if text and text[0].isalpha():
                seen[name] += 1
                lower[name] += text[0].islower()
    return {name for name, n in seen.items() if lower[name] > UNCASED_MAX_SHARE * n}


def iter_wmt21_outputs(data: Path, splits: Iterable[str] = ("train",)) -> Iterator[str]:
    wanted = set(splits)
    for path in sorted((data / "mt" / "wmt21").glob("*.jsonl.gz")):
        for row in _rows(path):
            if split_of("mt/wmt21", row["doc_id"], row.get("year")) in wanted:
                yield from (t for t in row["systems"].values() if t)


CASE_SOURCES = (
    "the references of the WMT21, WMT22 and WMT13 (smt2013) to-English sets and the WMT21 system outputs of the train "
    "split are counted too"
)


NAME_SOURCES = (
    "the references and system outputs (systems without a recaser skipped) of the WMT21, WMT22 and WMT13 (smt2013) "
    "to-English sets of the train split are counted too, one majority vote per MT segment"
)


def write_word_case(out: Path, total: Counter, capital: Counter) -> int:
    rows = sorted((w, capital[w] / c, c) for w, c in total.items() if c >= CASE_MIN_COUNT and capital[w] / c >= CASE_MIN_SHARE)
    what = f"Words capitalised in mid-sentence: share of capitalised occurrences (>= {CASE_MIN_SHARE}) and count (>= {CASE_MIN_COUNT})"
    return _write_case_table(out / "garble_word_case.tsv.gz", f"{what}; {CASE_SOURCES}", "word", rows)


def build_case_tables(data: Path, out: Path) -> None:
    """Write only the two case tables of the garble extractor (word and multi-word names)."""
    clean = [text for source, text in iter_clean_texts(data, ("train",)) if not source.startswith("mt/")]
    segments = list(iter_mt_segments(data))
    # Single words: every occurrence in the clean text, the human references and the WMT21
    # outputs, as the table was first built (the other systems copy untranslated source words
    # and drop capitals too often), plus the WMT22 references.
    wmt22_refs = (text for folder, refs, _ in segments if folder == "wmt22" for text in refs)
    words = itertools.chain((text for _, text in iter_clean_texts(data, ("train",))), iter_wmt21_outputs(data), wmt22_refs)
    total, capital = case_counts(words)
    print("word case:", write_word_case(out, total, capital))
    # Names: a majority vote per MT segment (see name_case_counts) makes system noise harmless.
    units = [[text] for text in clean] + [refs + systems for _, refs, systems in segments]
    share = {w: capital[w] / n for w, n in total.items() if n >= CASE_MIN_COUNT}
    print("name case:", write_name_case(out, name_case_counts(units), share, NAME_SOURCES))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "detector" / "data")
    parser.add_argument("--case-only", action="store_true", help="write only the case tables (garble_word_case, garble_name_case)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.case_only:
        build_case_tables(args.data, args.out)
        return
    uni, bi, tri, pairs = count_ngrams(text for _, text in iter_clean_texts(args.data, ("train",)))
    print(f"words {sum(uni.values()):,}, distinct bigrams {len(bi):,}, trigrams {len(tri):,}")
    print("collocations:", write_collocations(args.out, uni, bi))
    mt_uni, mt_pairs = mt_function_counts(iter_wmt21_outputs(args.data))
    print("function bigrams:", write_function_bigrams(args.out, uni, pairs, mt_uni, mt_pairs))
    verbs = verb_lexicon(uni, bi, tri)
    with open(args.out / "garble_verbs.txt", "w", encoding="utf-8") as fh:
        fh.write(header("Verb-like words: bases seen after 'to' or a modal twice or more, and their inflections") + "\n")
        fh.write("\n".join(sorted(verbs)) + "\n")
    print("verbs:", len(verbs))
    build_case_tables(args.data, args.out)


if __name__ == "__main__":
    main()
