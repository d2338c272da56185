"""Build the labelled passage corpus (train/dev/test) for mtdetect from ../shared/data.

    python -m training.corpus --data /work/shared/data --out build/corpus [--max-per-source 6000] [--seed 0]

Writes `train.jsonl.gz`, `dev.jsonl.gz`, `test.jsonl.gz` (gzip JSON lines) and `stats.json`.
One row per passage:

    {"text", "label": 0|1, "weight", "kind", "source", "doc_id", "year", "system", "quality",
     "quality_type", "pair", ["spans" for synthetic rows]}

Labels mark artefacts, not provenance (see training/README.md):
- MT passages are graded with human scores: WMT segment DA (mean raw < 60 -> 1, >= 85 with no
  segment below 70 -> 0 `mt_strong`, the middle is dropped; bottom systems by system-level z when
  a passage has too few scored segments), MQM (a major error, segment score >= 5 -> 1; 0 -> 0),
  MLQE (mean DA < 50 -> 1; >= 85 and HTER <= 0.2 -> 0).
- WMT13 rule-based and lower-ranked statistical systems -> 1 (`mt_smt2013`).
- OCR output -> 1, its ground truth -> 0; mojibake -> 1, its fixed form -> 0.
- English originals, clean registers and human references -> 0; JFLEG learner sentences keep kind
  `learner` (label 0) so the trainer can hold them out.
- Synthetic corruptions (training/corrupt.py) of each split's own clean rows -> 1.

Every row's split comes from `training.splits.split_of`. Nothing from the data folder is written
into the repository: outputs go under build/ (gitignored).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from training.corrupt import KINDS as CORRUPTION_KINDS
from training.corrupt import corrupt
from training.splits import split_of

SPLITS = ("train", "dev", "test")
CLEAN_KINDS = ("clean_news", "clean_informal", "clean_technical", "clean_literary", "en_source", "reference")
REGISTER_KIND = {
    "news": "clean_news",
    "informal": "clean_informal",
    "technical": "clean_technical",
    "literary": "clean_literary",
    # JFLEG fluency rewrites by native speakers: clean, informal essay English (no own kind)
    "nonnative-corrected": "clean_informal",
    "nonnative-errors": "learner",
}

# Label thresholds (see module docstring and README)
DA_BAD, DA_GOOD, DA_GOOD_MIN_SEG = 60.0, 85.0, 70.0
SYS_Z_BAD = -0.15
MQM_BAD = 5.0
MLQE_BAD, MLQE_GOOD, MLQE_GOOD_HTER = 50.0, 85.0, 0.2
SYNTHETIC_RATIO = 0.35

Row = dict


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def read_jsonl(path: Path) -> Iterator[dict]:
    """Rows of a gzip JSON-lines file."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def rng_for(seed: int, *parts: object) -> random.Random:
    """A deterministic RNG per (seed, purpose), independent of processing order."""
    return random.Random("/".join([str(seed), *map(str, parts)]))


_DETOK_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"&apos;"), "'"),
    (re.compile(r"&quot;"), '"'),
    (re.compile(r"&amp;"), "&"),
    (re.compile(r" @-@ "), "-"),
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m|’s|’re|’ve|’ll|’d|’m)\b", re.IGNORECASE), r"\1"),
    (re.compile(r" ([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$]) "), r"\1"),
    (re.compile(r"\s{2,}"), " "),
)


def detokenise(text: str) -> str:
    """Undo Moses/PTB-style tokenisation (` .`, ` ,`, ` 's`, ` n't`, `@-@`, `` `` ``) so it is no shortcut."""
    out = text.strip()
    for pat, rep in _DETOK_RULES:
        out = pat.sub(rep, out)
    return out.strip()


def chunk_bounds(n: int, rng: random.Random, max_len: int = 4) -> list[tuple[int, int]]:
    """Cut n consecutive segments into passages of 1..max_len segments."""
    out = []
    i = 0
    while i < n:
        k = rng.randint(1, max_len)
        out.append((i, min(n, i + k)))
        i += k
    return out


def join_segments(segs: Iterable[str]) -> str:
    return " ".join(s.strip() for s in segs if s and s.strip())


def make_row(
    text: str,
    label: int,
    kind: str,
    source: str,
    doc_id: str,
    split: str,
    *,
    year: int | None = None,
    system: str | None = None,
    quality: float | None = None,
    quality_type: str | None = None,
    weight: float = 1.0,
    pair: str | None = None,
) -> Row:
    return {
        "text": text,
        "label": label,
        "weight": round(float(weight), 4),
        "kind": kind,
        "source": source,
        "doc_id": str(doc_id),
        "year": year,
        "system": system,
        "quality": None if quality is None else round(float(quality), 4),
        "quality_type": quality_type,
        "pair": pair,
        "split": split,
    }


def group_docs(rows: Iterable[dict], key: str = "doc_id") -> list[tuple[str, list[dict]]]:
    """Consecutive rows with the same document id (file order), as (doc_id, rows)."""
    docs: list[tuple[str, list[dict]]] = []
    for r in rows:
        if docs and docs[-1][0] == r[key]:
            docs[-1][1].append(r)
        else:
            docs.append((r[key], [r]))
    return docs


# ---------------------------------------------------------------------------------------------
# WMT21/22 MT with DA scores, references and English-original sources
# ---------------------------------------------------------------------------------------------


def load_da_seg(data: Path, year: int) -> dict[tuple[str, str, int], tuple[float, int]]:
    """(pair, system, line) -> (mean raw DA, number of judgements)."""
    path = data / "scores" / f"wmt{year % 100}" / "da_seg.jsonl.gz"
    out: dict[tuple[str, str, int], tuple[float, int]] = {}
    if path.exists():
        for r in read_jsonl(path):
            out[(r["pair"], r["system"], int(r["line"]))] = (float(r["raw"]), int(r.get("n") or 1))
    return out


def load_da_sys(data: Path, year: int) -> dict[tuple[str, str], tuple[float, float]]:
    """(pair, system) -> (raw DA, z)."""
    path = data / "scores" / f"wmt{year % 100}" / "da_sys.tsv"
    out: dict[tuple[str, str], tuple[float, float]] = {}
    if path.exists():
        with path.open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                out[(r["pair"], r["system"])] = (float(r["raw"]), float(r["z"]))
    return out


def label_da(
    scores: Sequence[tuple[float, int] | None], sys_score: tuple[float, float] | None
) -> tuple[int, float, str, float] | None:
    """(label, quality, quality_type, weight) for one MT passage from its segment DA, or None (ambiguous)."""
    scored = [s for s in scores if s is not None]
    if scored and len(scored) * 2 >= len(scores):
        total_n = sum(n for _, n in scored)
        mean = sum(raw * n for raw, n in scored) / total_n
        confidence = 0.75 if total_n == 1 else 1.0
        if mean < DA_BAD:
            return 1, mean, "da_seg", confidence * (1.0 + min(1.0, (DA_BAD - mean) / 40.0))
        if mean >= DA_GOOD and min(raw for raw, _ in scored) >= DA_GOOD_MIN_SEG:
            return 0, mean, "da_seg", confidence
        return None
    if sys_score is not None and sys_score[1] <= SYS_Z_BAD:
        return 1, sys_score[0], "da_sys", 0.5
    return None


def mqm_covered_docs(data: Path) -> set[str]:
    """WMT21 zh-en documents annotated with MQM: graded by MQM, not DA, to avoid duplicates."""
    path = data / "mqm" / "wmt21.zh-en.spans-only.jsonl.gz"
    return {r["doc"] for r in read_jsonl(path)} if path.exists() else set()


def iter_wmt(data: Path, year: int, seed: int, stats: Counter) -> Iterator[Row]:
    """System-output passages (graded by DA) and primary-reference passages of WMT21/22 into English."""
    manifest = json.loads((data / "mt" / "manifest.json").read_text(encoding="utf-8"))["mt"]
    da_seg, da_sys = load_da_seg(data, year), load_da_sys(data, year)
    skip_docs = mqm_covered_docs(data) if year == 2021 else set()
    family = f"mt/wmt{year % 100}"
    for path in sorted((data / "mt" / f"wmt{year % 100}").glob("*.jsonl.gz")):
        pair = path.name.split(".")[0]
        primary = manifest.get(f"wmt{year % 100}/{pair}", {}).get("references", ["A"])[0]
        for doc_id, segs in group_docs(read_jsonl(path)):
            split = split_of(family, doc_id, year)
            bounds = chunk_bounds(len(segs), rng_for(seed, family, pair, doc_id))
            for a, b in bounds:
                ref = join_segments(s["references"].get(primary, "") for s in segs[a:b])
                if ref:
                    yield make_row(ref, 0, "reference", family, doc_id, split, year=year, system=f"ref-{primary}", pair=pair)
            if pair == "zh-en" and doc_id in skip_docs:
                stats["wmt21_zh-en_passages_left_to_mqm_docs"] += 1
                continue
            for system in sorted(segs[0]["systems"]):
                for a, b in bounds:
                    text = join_segments(s["systems"].get(system, "") for s in segs[a:b])
                    if not text:
                        continue
                    scores = [da_seg.get((pair, system, int(s["line"]))) for s in segs[a:b]]
                    graded = label_da(scores, da_sys.get((pair, system)))
                    if graded is None:
                        stats[f"{family}_ambiguous_dropped"] += 1
                        continue
                    label, quality, qtype, weight = graded
                    yield make_row(
                        text,
                        label,
                        "mt_weak" if label else "mt_strong",
                        family,
                        doc_id,
                        split,
                        year=year,
                        system=system,
                        quality=quality,
                        quality_type=qtype,
                        weight=weight,
                        pair=pair,
                    )


def iter_en_source(data: Path, seed: int) -> Iterator[Row]:
    """English-original source documents of the en->XX test sets, as passages of 1-4 segments."""
    for path in sorted((data / "en_source").glob("*.jsonl.gz")):
        for doc_id, segs in group_docs(read_jsonl(path)):
            year = int(segs[0]["year"])
            split = split_of("en_source", doc_id, year)
            for a, b in chunk_bounds(len(segs), rng_for(seed, "en_source", year, doc_id)):
                text = join_segments(s["text"] for s in segs[a:b])
                if text:
                    yield make_row(text, 0, "en_source", "en_source", doc_id, split, year=year)


# ---------------------------------------------------------------------------------------------
# WMT13 (SMT, rule-based) outputs
# ---------------------------------------------------------------------------------------------


def _char_ngram_counts(text: str, n: int) -> Counter:
    s = text.replace(" ", "")
    return Counter(s[i : i + n] for i in range(len(s) - n + 1))


def corpus_chrf(hyps: Sequence[str], refs: Sequence[str], max_n: int = 4, beta: float = 2.0) -> float:
    """Corpus-level chrF (char n-grams 1..max_n), used only to rank 2013 systems against each other."""
    match = [0] * max_n
    hyp_tot = [0] * max_n
    ref_tot = [0] * max_n
    for h, r in zip(hyps, refs, strict=True):
        for n in range(1, max_n + 1):
            hc, rc = _char_ngram_counts(h, n), _char_ngram_counts(r, n)
            match[n - 1] += sum((hc & rc).values())
            hyp_tot[n - 1] += sum(hc.values())
            ref_tot[n - 1] += sum(rc.values())
    p = sum(m / h for m, h in zip(match, hyp_tot, strict=True) if h) / max_n
    r = sum(m / t for m, t in zip(match, ref_tot, strict=True) if t) / max_n
    return 0.0 if p + r == 0 else (1 + beta**2) * p * r / (beta**2 * p + r)


def smt_positive_systems(rows: Sequence[dict], kinds: dict[str, str], sample_every: int = 10) -> dict[str, str]:
    """Systems of one WMT13 pair whose outputs are positives: rule-based, or statistical in the bottom half.

    WMT13 human rankings are not in the data, so statistical systems are ranked by corpus chrF
    against the reference on every `sample_every`-th segment. Returns system -> reason.
    """
    sample = rows[::sample_every]
    refs = [r["references"]["A"] for r in sample]
    chosen: dict[str, str] = {}
    statistical: list[tuple[float, str]] = []
    for system, kind in sorted(kinds.items()):
        if "rule" in kind:
            chosen[system] = "rule_based"
        else:
            hyps = [detokenise(r["systems"].get(system, "")) for r in sample]
            statistical.append((corpus_chrf(hyps, refs), system))
    statistical.sort()
    for score, system in statistical[: len(statistical) // 2]:
        chosen[system] = f"statistical_bottom_half(chrF={score:.3f})"
    return chosen


def clean_wmt13_splits(data: Path) -> dict[str, str]:
    """doc_id -> split of the English-original newstest2013 documents in clean_en (shared sentences)."""
    path = data / "clean_en" / "news_wmt13-newstest-enorig.jsonl.gz"
    if not path.exists():
        return {}
    return {r["doc_id"]: split_of("clean_en/news_wmt13-newstest-enorig", r["doc_id"]) for r in read_jsonl(path)}


def iter_smt2013(data: Path, seed: int, stats: Counter) -> Iterator[Row]:
    """WMT13 outputs of rule-based and lower-ranked statistical systems (label 1) and references (label 0).

    English-original documents: their references ARE clean_en/news_wmt13 text, so they are not
    repeated here, and MT of them is kept only when it falls in the same split as that text.
    """
    family = "mt/smt2013"
    systems_meta = json.loads((data / "mt" / "smt2013" / "systems.json").read_text(encoding="utf-8"))["pairs"]
    enorig_split = clean_wmt13_splits(data)
    refs_done: set[str] = set()
    for path in sorted((data / "mt" / "smt2013").glob("*.jsonl.gz")):
        pair = path.name.split(".")[0]
        rows = list(read_jsonl(path))
        positives = smt_positive_systems(rows, systems_meta[pair]["systems"])
        stats[f"smt2013_{pair}_positive_systems"] = len(positives)
        stats[f"smt2013_{pair}_systems"] = len(systems_meta[pair]["systems"])
        for doc_id, segs in group_docs(rows):
            split = split_of(family, doc_id, 2013)
            origlang = segs[0].get("origlang")
            bounds = chunk_bounds(len(segs), rng_for(seed, family, doc_id))
            if origlang != "en" and doc_id not in refs_done:
                refs_done.add(doc_id)
                for a, b in bounds:
                    ref = join_segments(s["references"].get("A", "") for s in segs[a:b])
                    if ref:
                        yield make_row(ref, 0, "reference", family, doc_id, split, year=2013, system="ref-A", pair=None)
            if origlang == "en" and enorig_split.get(doc_id, split) != split:
                stats["smt2013_enorig_docs_skipped_split_mismatch"] += 1
                continue
            for system in sorted(positives):
                for a, b in bounds:
                    text = join_segments(detokenise(s["systems"].get(system, "")) for s in segs[a:b])
                    if text:
                        yield make_row(
                            text,
                            1,
                            "mt_smt2013",
                            family,
                            doc_id,
                            split,
                            year=2013,
                            system=system,
                            quality_type=positives[system].split("(")[0],
                            pair=pair,
                        )


# ---------------------------------------------------------------------------------------------
# MQM (WMT21 zh-en) and MLQE-PE
# ---------------------------------------------------------------------------------------------


def iter_mqm(data: Path, seed: int, stats: Counter) -> Iterator[Row]:
    """MT passages graded by expert MQM: any segment >= 5 (a major error) -> 1, all segments 0 -> 0.

    newstest2021 rows are split with the family and doc ids of mt/wmt21 so they stay on the same
    side as the same outputs there (those documents are left out of the DA path); TED rows use
    the "mqm" family. Human references (ref, refB, ref.A, ref.B) are skipped.
    """
    files = (("wmt21.zh-en.spans-only.jsonl.gz", "mt/wmt21"), ("wmt21ted.zh-en.jsonl.gz", "mqm"))
    for name, family in files:
        path = data / "mqm" / name
        if not path.exists():
            continue
        by_sys_doc: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for r in read_jsonl(path):
            if not r["system"].startswith("ref"):
                by_sys_doc[(r["system"], r["doc"])].append(r)
        for (system, doc), segs in sorted(by_sys_doc.items()):
            segs.sort(key=lambda r: int(r["doc_id"]))
            split = split_of(family, doc, 2021)
            for a, b in chunk_bounds(len(segs), rng_for(seed, "mqm", name, doc, system)):
                chunk = segs[a:b]
                text = join_segments(r["target"] for r in chunk)
                if not text:
                    continue
                worst = max(float(r["mqm_score"]) for r in chunk)
                if worst >= MQM_BAD:
                    label, weight = 1, 1.0 + min(1.0, (worst - MQM_BAD) / 20.0)
                elif worst == 0.0:
                    label, weight = 0, 1.0
                else:
                    stats["mqm_ambiguous_dropped"] += 1
                    continue
                yield make_row(
                    text,
                    label,
                    "mt_weak" if label else "mt_strong",
                    "mqm",
                    doc,
                    split,
                    year=2021,
                    system=system,
                    quality=worst,
                    quality_type="mqm_max_seg",
                    weight=weight,
                    pair="zh-en",
                )


def iter_mlqe(data: Path, stats: Counter) -> Iterator[Row]:
    """MLQE-PE sentences: mean DA < 50 -> 1 (`mt_mlqe`); DA >= 85 with HTER <= 0.2 -> 0 (`mt_strong`)."""
    for path in sorted((data / "mlqe").glob("*.jsonl.gz")):
        for r in read_jsonl(path):
            text = detokenise(r.get("mt") or "")
            if not text:
                continue
            mean, hter = float(r["mean"]), float(r.get("hter") or 0.0)
            doc = f"{r['pair']}/{r['doc_id']}"
            split = split_of("mlqe", doc)
            if mean < MLQE_BAD:
                label, kind, weight = 1, "mt_mlqe", 1.0 + min(1.0, (MLQE_BAD - mean) / 40.0)
            elif mean >= MLQE_GOOD and hter <= MLQE_GOOD_HTER:
                label, kind, weight = 0, "mt_strong", 1.0
            else:
                stats["mlqe_ambiguous_dropped"] += 1
                continue
            yield make_row(
                text,
                label,
                kind,
                "mlqe",
                doc,
                split,
                system=f"mlqe:{r['pair']}",
                quality=mean,
                quality_type="mlqe_da",
                weight=weight,
                pair=r["pair"],
            )


# ---------------------------------------------------------------------------------------------
# OCR, mojibake, clean English
# ---------------------------------------------------------------------------------------------

_TOK = re.compile(r"\S+")


def ocr_token_error(ocr: str, gt: str) -> float:
    """Share of OCR tokens that do not occur in the ground truth (cheap noise level)."""
    o, g = Counter(_TOK.findall(ocr)), Counter(_TOK.findall(gt))
    total = sum(o.values())
    return 0.0 if total == 0 else sum((o - g).values()) / total


def iter_ocr(data: Path, stats: Counter) -> Iterator[Row]:
    """OCR output (label 1, kind `ocr`) and its human transcription (label 0, kind `ocr_gt`)."""
    for path in sorted((data / "ocr").glob("*.jsonl.gz")):
        source = f"ocr/{path.name.split('.')[0]}"
        for r in read_jsonl(path):
            ocr, gt = (r.get("ocr") or "").strip(), (r.get("gt") or "").strip()
            year = r.get("year")
            split = split_of(source, r["doc_id"], year)
            if gt:
                yield make_row(gt, 0, "ocr_gt", source, r["doc_id"], split, year=year)
            if not ocr:
                continue
            if ocr == gt:
                stats["ocr_equal_to_gt_skipped"] += 1
                continue
            err = ocr_token_error(ocr, gt)
            yield make_row(
                ocr,
                1,
                "ocr",
                source,
                r["doc_id"],
                split,
                year=year,
                quality=err,
                quality_type="ocr_token_err",
                weight=0.5 if err < 0.03 else 1.0,
            )


def iter_mojibake(data: Path) -> Iterator[Row]:
    """ftfy cases: `original` mojibake -> 1, `fixed` -> 0; `negative` cases -> 0 (`mojibake_negative`)."""
    path = data / "mojibake" / "ftfy_cases.jsonl.gz"
    if not path.exists():
        return
    for i, r in enumerate(read_jsonl(path)):
        doc = f"ftfy-{i:03d}"
        split = split_of("mojibake", doc)
        original, fixed = r.get("original") or "", r.get("fixed") or ""
        if r.get("kind") == "negative":
            if original.strip():
                yield make_row(original, 0, "mojibake_negative", "mojibake", doc, split, quality_type=r.get("kind"))
            continue
        if original.strip():
            yield make_row(original, 1, "mojibake", "mojibake", doc, split, quality_type=r.get("kind"))
        if fixed.strip() and fixed != original:
            yield make_row(fixed, 0, "mojibake_fixed", "mojibake", doc, split, quality_type=r.get("kind"))


def iter_clean(data: Path, stats: Counter) -> Iterator[Row]:
    """clean_en registers (label 0) and JFLEG learner sentences (label 0, kind `learner`).

    Both JFLEG files (errors and fluency rewrites of the same sentences) are split with one
    family, "clean_en/jfleg", so a sentence and its rewrite are never on different sides.
    """
    for path in sorted((data / "clean_en").glob("*.jsonl.gz")):
        stem = path.name.split(".")[0]
        source = f"clean_en/{stem}"
        family = "clean_en/jfleg" if stem.endswith("_jfleg") else source
        for r in read_jsonl(path):
            text = (r.get("text") or "").strip()
            kind = REGISTER_KIND.get(r.get("register", ""))
            if not text or kind is None:
                stats["clean_skipped"] += 1
                continue
            yield make_row(text, 0, kind, source, r["doc_id"], split_of(family, r["doc_id"]))


# ---------------------------------------------------------------------------------------------
# Dedup, caps, synthetic rows, output
# ---------------------------------------------------------------------------------------------


def _norm_key(text: str) -> str:
    return " ".join(text.casefold().split())


_KIND_PRIORITY = (
    "reference",
    "en_source",
    "clean_news",
    "clean_informal",
    "clean_technical",
    "clean_literary",
    "ocr_gt",
    "mojibake_fixed",
    "mojibake_negative",
    "learner",
    "mt_strong",
)


def dedupe(rows: list[Row], stats: Counter) -> list[Row]:
    """One row per normalised text, on one side of the split only.

    A text in test is removed from dev/train, one in dev from train. Where the same text has
    label 0 and label 1 (e.g. an MT output identical to the reference) the label-0 row wins.
    """
    order = {"test": 0, "dev": 1, "train": 2}
    prio = {k: i for i, k in enumerate(_KIND_PRIORITY)}
    best: dict[str, tuple[tuple[int, int, int], int]] = {}
    for i, r in enumerate(rows):
        rank = (order[r["split"]], r["label"], prio.get(r["kind"], len(prio)))
        key = _norm_key(r["text"])
        if key not in best or rank < best[key][0]:
            best[key] = (rank, i)
    keep = sorted(i for _, i in best.values())
    stats["dedup_removed"] += len(rows) - len(keep)
    return [rows[i] for i in keep]


def cap_rows(rows: list[Row], max_per_source: int, seed: int, stats: Counter) -> list[Row]:
    """At most `max_per_source` rows per (split, source, kind), sampled with the seed."""
    groups: dict[tuple[str, str, str], list[Row]] = defaultdict(list)
    for r in rows:
        groups[(r["split"], r["source"], r["kind"])].append(r)
    out: list[Row] = []
    for key in sorted(groups):
        group = groups[key]
        if len(group) > max_per_source:
            rng_for(seed, "cap", *key).shuffle(group)
            stats[f"capped:{'|'.join(key)}"] = len(group) - max_per_source
            group = group[:max_per_source]
        out.extend(group)
    return out


def synthetic_rows(clean: list[Row], split: str, seed: int, ratio: float = SYNTHETIC_RATIO) -> list[Row]:
    """Corrupted copies of a split's own clean rows, about `ratio` x as many, spread over all kinds.

    Each kind gets an equal quota and looks for rows it applies to (names, titles and calques
    need particular text, so the whole pool is searched); a kind's shortfall goes to the kinds
    that apply almost anywhere. A clean row is corrupted at most once.
    """
    target = round(ratio * len(clean))
    if not clean or target == 0:
        return []
    rng = rng_for(seed, "synthetic", split)
    quota = {k: target // len(CORRUPTION_KINDS) for k in CORRUPTION_KINDS}
    for k in CORRUPTION_KINDS[: target - sum(quota.values())]:
        quota[k] += 1
    used: set[int] = set()
    out: list[Row] = []
    shortfall = 0

    def attempt(kind: str, n: int) -> int:
        order = list(range(len(clean)))
        rng.shuffle(order)
        made = 0
        for idx in order:
            if made >= n:
                break
            if idx in used:
                continue
            base = clean[idx]
            c = corrupt(base["text"], rng, [kind])
            if c.kind == "none":
                continue
            used.add(idx)
            made += 1
            row = dict(base)
            row.update(
                text=c.text,
                label=1,
                weight=1.0,
                kind=f"synthetic_{c.kind}",
                system=None,
                quality=None,
                quality_type=None,
                spans=[list(s) for s in c.spans],
            )
            out.append(row)
        return made

    for kind in CORRUPTION_KINDS:
        shortfall += quota[kind] - attempt(kind, quota[kind])
    fillers = ["boilerplate", "ocr", "codemix", "drop", "duplicate", "entity", "lowercase", "salad", "shuffle", "mojibake"]
    i = 0
    while shortfall > 0 and len(used) < len(clean) and i < 4 * len(fillers):
        step = max(1, shortfall // len(fillers))
        shortfall -= attempt(fillers[i % len(fillers)], min(step, shortfall))
        i += 1
    return out


def write_split(rows: list[Row], path: Path) -> None:
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=6) as f:
        for r in rows:
            r = {k: v for k, v in r.items() if k != "split"}
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def summarise(by_split: dict[str, list[Row]]) -> dict:
    """Counts per split x kind x label, per split x source, label totals, median length per kind."""
    out: dict = {}
    for split, rows in by_split.items():
        kinds: dict[str, dict[str, int]] = defaultdict(lambda: {"0": 0, "1": 0})
        sources: Counter = Counter()
        lengths: dict[str, list[int]] = defaultdict(list)
        for r in rows:
            kinds[r["kind"]][str(r["label"])] += 1
            sources[r["source"]] += 1
            lengths[r["kind"]].append(len(r["text"]))
        out[split] = {
            "total": len(rows),
            "label_0": sum(r["label"] == 0 for r in rows),
            "label_1": sum(r["label"] == 1 for r in rows),
            "by_kind": {k: kinds[k] for k in sorted(kinds)},
            "by_source": dict(sorted(sources.items())),
            "median_chars_by_kind": {k: int(statistics.median(v)) for k, v in sorted(lengths.items())},
        }
    return out


def build(data: Path, out: Path, max_per_source: int = 6000, seed: int = 0, synthetic_ratio: float = SYNTHETIC_RATIO) -> dict:
    """Build the corpus and write it under `out`; return the stats dict."""
    t0 = time.time()
    stats: Counter = Counter()
    timings: dict[str, float] = {}
    rows: list[Row] = []
    readers = [
        ("wmt21", lambda: iter_wmt(data, 2021, seed, stats)),
        ("wmt22", lambda: iter_wmt(data, 2022, seed, stats)),
        ("en_source", lambda: iter_en_source(data, seed)),
        ("smt2013", lambda: iter_smt2013(data, seed, stats)),
        ("mqm", lambda: iter_mqm(data, seed, stats)),
        ("mlqe", lambda: iter_mlqe(data, stats)),
        ("ocr", lambda: iter_ocr(data, stats)),
        ("mojibake", lambda: iter_mojibake(data)),
        ("clean_en", lambda: iter_clean(data, stats)),
    ]
    for name, reader in readers:
        t = time.time()
        before = len(rows)
        rows.extend(r for r in reader() if r["text"].strip())
        timings[f"read_{name}"] = round(time.time() - t, 2)
        stats[f"rows_read:{name}"] = len(rows) - before
    t = time.time()
    rows = cap_rows(dedupe(rows, stats), max_per_source, seed, stats)
    timings["dedupe_cap"] = round(time.time() - t, 2)

    by_split: dict[str, list[Row]] = {s: [r for r in rows if r["split"] == s] for s in SPLITS}
    t = time.time()
    for split in SPLITS:
        clean = [r for r in by_split[split] if r["kind"] in CLEAN_KINDS]
        syn = synthetic_rows(clean, split, seed, synthetic_ratio)
        stats[f"synthetic:{split}"] = len(syn)
        stats[f"synthetic_base_clean:{split}"] = len(clean)
        by_split[split].extend(syn)
        rng_for(seed, "order", split).shuffle(by_split[split])
    timings["synthetic"] = round(time.time() - t, 2)

    out.mkdir(parents=True, exist_ok=True)
    t = time.time()
    for split in SPLITS:
        write_split(by_split[split], out / f"{split}.jsonl.gz")
    timings["write"] = round(time.time() - t, 2)
    timings["total"] = round(time.time() - t0, 2)
    result = {
        "params": {
            "data": str(data),
            "max_per_source": max_per_source,
            "seed": seed,
            "synthetic_ratio": synthetic_ratio,
            "thresholds": {
                "da_bad": DA_BAD,
                "da_good": DA_GOOD,
                "da_good_min_seg": DA_GOOD_MIN_SEG,
                "sys_z_bad": SYS_Z_BAD,
                "mqm_bad": MQM_BAD,
                "mlqe_bad": MLQE_BAD,
                "mlqe_good": MLQE_GOOD,
                "mlqe_good_hter": MLQE_GOOD_HTER,
            },
        },
        "splits": summarise(by_split),
        "notes": dict(sorted(stats.items())),
        "timing_s": timings,
    }
    (out / "stats.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


def format_table(stats: dict) -> str:
    """Plain-text table of counts per kind x split x label."""
    kinds = sorted({k for s in SPLITS for k in stats["splits"][s]["by_kind"]})
    lines = [f"{'kind':26s}" + "".join(f"{s + ' 0':>10s}{s + ' 1':>10s}" for s in SPLITS)]
    for k in kinds:
        cells = ""
        for s in SPLITS:
            c = stats["splits"][s]["by_kind"].get(k, {"0": 0, "1": 0})
            cells += f"{c['0']:>10d}{c['1']:>10d}"
        lines.append(f"{k:26s}{cells}")
    lines.append(
        f"{'TOTAL':26s}" + "".join(f"{stats['splits'][s]['label_0']:>10d}{stats['splits'][s]['label_1']:>10d}" for s in SPLITS)
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the mtdetect training corpus (train/dev/test).")
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--out", type=Path, default=Path("build/corpus"))
    ap.add_argument("--max-per-source", type=int, default=6000, help="cap per (split, source, kind)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--synthetic-ratio", type=float, default=SYNTHETIC_RATIO)
    args = ap.parse_args(argv)
    stats = build(args.data, args.out, args.max_per_source, args.seed, args.synthetic_ratio)
    print(format_table(stats))
    print(f"timing (s): {json.dumps(stats['timing_s'])}", file=sys.stderr)
    print(f"wrote {args.out}/{{train,dev,test}}.jsonl.gz and stats.json", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
