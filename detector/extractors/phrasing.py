"""Phrasing: spinner "tortured phrases", translation calques and odd collocations.

Three sources of evidence, from surest to weakest:
- `phrasing.tortured`: a phrase of the Problematic Paper Screener dictionary ("profound
  learning" for *deep learning*), filtered to phrases that are rare as ordinary English
  (training/build_phrases.py, data/phrasing_tortured.tsv.gz);
- `phrasing.calque`: a hand-curated list of calques and broken fixed expressions typical of
  machine translation ("according to the words of", "spoke in the background" for *spoke on
  background*), each a pattern with context guards and the idiomatic form (CALQUES below);
- `phrasing.odd_collocation`: a frequent fixed expression of clean English with one word
  swapped for a spinner synonym that clean English never uses there ("air contamination" for
  *air pollution*; data/phrasing_odd_collocations.tsv.gz).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import ClassVar

import numpy as np
import regex

from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document, Passage, Token, tokenize
from .base import Extraction, zeros

TORTURED = Rule(
    "phrasing.tortured",
    "error",
    "Tortured phrase '{found}': the established term is '{expected}'",
    "Article spinners and paraphrasing tools replace the words of fixed technical terms with "
    "synonyms, producing 'tortured phrases' that no expert writes: 'profound learning' for "
    "deep learning, 'counterfeit consciousness' for artificial intelligence, 'colossal "
    "information' for big data. Fix: use the established term (the suggestion).",
    "the researchers used profound learning -> deep learning",
)
CALQUE = Rule(
    "phrasing.calque",
    "warning",
    "'{found}' reads like a word-for-word translation; idiomatic English: '{suggestion}'",
    "Machine translation renders some expressions of the source language word for word: "
    "'according to the words of' (in the words of), 'in the frame of' (as part of), 'spoke in "
    "the background' (spoke on background), 'since five years' (for five years), 'new crown "
    "pneumonia' (COVID-19). Fix: use the idiomatic English form (the suggestion).",
    "he spoke in the background to reporters -> spoke on background",
)
ODD_COLLOCATION = Rule(
    "phrasing.odd_collocation",
    "info",
    "Unusual wording '{found}': the usual expression is '{suggestion}'",
    "A frequent fixed expression of English appears with one word swapped for a synonym that "
    "English never uses there, as spinners and weak translation do: 'air contamination' for "
    "air pollution, 'armed powers' for armed forces. Fix: use the usual expression, unless "
    "the wording is intended.",
    "the air contamination in the city -> air pollution",
)

DATA_TORTURED = "phrasing_tortured.tsv.gz"
DATA_ODD = "phrasing_odd_collocations.tsv.gz"
DATA_COLLOCATIONS = "collocations.tsv.gz"
ODD_CONFIDENCE = 0.35


# ---------------------------------------------------------------------------------------
# Data tables (loaded once per process)


def _data_lines(name: str) -> list[list[str]]:
    """Rows of a shipped TSV(.gz) data file, without the comment and column-header lines."""
    path = resources.files("detector") / "data" / name
    with path.open("rb") as raw:
        data = gzip.decompress(raw.read()) if name.endswith(".gz") else raw.read()
    lines = data.decode("utf-8").splitlines()
    return [line.split("\t") for line in lines[2:] if line and not line.startswith("#")]


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The lower-cased words of a phrase, as the document tokenizer splits them (punctuation
    inside a phrase, as in "sixth era (6g)", is not matched)."""
    return tuple(t.text.lower() for t in tokenize(phrase) if t.is_word)


@lru_cache(maxsize=1)
def tortured_table() -> dict[str, list[tuple[tuple[str, ...], str, float]]]:
    """Index -> [(phrase words, expected term, confidence)], longest phrases first. The index is
    the first two words of a phrase joined by a space, or the word of a one-word entry."""
    table: dict[str, list[tuple[tuple[str, ...], str, float]]] = {}
    for tortured, expected, confidence in _data_lines(DATA_TORTURED):
        key = phrase_key(tortured)
        if key:
            table.setdefault(" ".join(key[:2]), []).append((key, expected, float(confidence)))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


@lru_cache(maxsize=1)
def odd_table() -> dict[str, str]:
    """Odd pair ("air contamination") -> the idiomatic expression it is a swapped form of."""
    return {odd: idiomatic for odd, idiomatic, _ in _data_lines(DATA_ODD)}


@lru_cache(maxsize=1)
def frequent_bigrams() -> frozenset[str]:
    """Word bigrams ("prime minister") frequent in clean English, for the fluency feature."""
    return frozenset(expr for expr, _, _ in _data_lines(DATA_COLLOCATIONS) if expr.count(" ") == 1)


# ---------------------------------------------------------------------------------------
# Calques: hand-curated patterns with context guards


@dataclass(frozen=True)
class Calque:
    """One calque: `pattern` has a `span` group (the flagged words); `suggest` turns the match
    into the idiomatic form. `triggers`: lower-case words one of which must be in the passage,
    `requires`: words all of which must be (cheap filters, so most patterns never run)."""

    triggers: frozenset[str]
    requires: frozenset[str]
    pattern: regex.Pattern
    suggest: Callable[[regex.Match], str]
    confidence: float
    note: str


def _calque(triggers: str, pattern: str, suggest: str | Callable[[regex.Match], str], confidence: float, note: str) -> Calque:
    """`triggers` is "any of these words" optionally followed by "+ all of these": "said stated + from"."""
    any_of, _, all_of = triggers.partition("+")
    compiled = regex.compile(pattern, regex.IGNORECASE | regex.VERBOSE | regex.V1)
    fn = suggest if callable(suggest) else (lambda _m, s=suggest: s)
    return Calque(frozenset(any_of.split()), frozenset(all_of.split()), compiled, fn, confidence, note)


def _match_case(template: str, found: str) -> str:
    return template[:1].upper() + template[1:] if found[:1].isupper() else template


_ORGS = r"NATO|the\s+UN|the\s+EU|the\s+WHO|the\s+IMF|the\s+OSCE|the\s+(?:\w+\s+)?ministry|the\s+government|the\s+press\s+service|the\s+headquarters|the\s+administration|the\s+(?:general\s+)?staff|the\s+command"
_NUMBER_WORDS = r"\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|many|a\s+few|few"
_VERB_TENSE = {
    "speak": "speak",
    "speaks": "speaks",
    "spoke": "spoke",
    "spoken": "spoken",
    "speaking": "speaking",
    "talk": "talk",
    "talks": "talks",
    "talked": "talked",
    "talking": "talking",
    "briefed": "briefed",
    "briefing": "briefing",
}

CALQUES: tuple[Calque, ...] = (
    _calque(
        "spoke speak speaks spoken speaking talked talk talks talking briefed briefing + background",
        r"\b(?P<span>(?P<verb>spoke|speak|speaks|spoken|speaking|talked|talk|talks|talking|briefed|briefing)\s+in\s+the\s+background)\b"
        r"(?=[^.!?;]{0,60}?\b(?:reporters?|journalists?|the\s+press|media|condition|anonymity|anonymously|newspaper|news\s+agency|correspondents?))",
        lambda m: f"{_VERB_TENSE.get(m['verb'].lower(), m['verb'])} on background",
        0.75,
        "News jargon: officials speak *on background* (quotable without their name); 'in the background' is literal.",
    ),
    _calque(
        "spoke speak speaks spoken speaking talked talk talks talking briefed briefing + background",
        # the same calque when the speaker comes first: "an official who spoke in the background said"
        r"\b(?:officials?|spokes(?:man|woman|person)|sources?|diplomats?|aides?|advis[eo]rs?|ministers?|officers?)\b[^.!?;]{0,40}?"
        r"\b(?P<span>(?P<verb>spoke|speak|speaks|spoken|speaking|talked|talk|talks|talking|briefed|briefing)\s+in\s+the\s+background)\b"
        r"(?!\s+(?:of|music|noise|check|image|photo|picture)\b)",
        lambda m: f"{_VERB_TENSE.get(m['verb'].lower(), m['verb'])} on background",
        0.75,
        "News jargon: officials speak *on background* (quotable without their name); 'in the background' is literal.",
    ),
    _calque(
        "said stated announced reported declared noted + from",
        rf"\b(?P<span>(?:it\s+)?(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?P<verb>said|stated|announced|reported|declared|noted)\s+from\s+(?P<org>{_ORGS}))\b",
        lambda m: f"{_match_case(m['org'], m['span'])} {m['verb'].lower()}",
        0.75,
        "'It was stated from the ministry': English makes the institution the subject.",
    ),
    _calque(
        "said stated announced reported declared noted + from",
        rf"\b(?P<span>(?P<verb>said|stated|announced|reported|declared|noted)\s+from\s+(?P<org>{_ORGS}))\b",
        lambda m: f"{_match_case(m['org'], m['span'])} {m['verb'].lower()}",
        0.7,
        "'said from NATO' (Slavic/Turkic 'from the side of'): English names the speaker as subject: 'NATO said'.",
    ),
    _calque(
        "words + according",
        r"\b(?P<span>according\s+to\s+the\s+words\s+of)\b",
        "in the words of",
        0.85,
        "'according to the words of' merges 'according to' and 'in the words of'.",
    ),
    _calque(
        "information data opinion + according",
        r"\b(?P<span>according\s+to\s+the\s+(?:information|data|opinion)\s+of)\b(?!\s+(?:the\s+)?(?:contract|treaty|law|act))",
        "according to",
        0.6,
        "'according to the information/data of X' (Russian 'по данным'): 'according to X' or 'X's data show'.",
    ),
    _calque(
        "frame",
        r"\b(?P<span>(?:in|within)\s+the\s+frame\s+of)\b(?!\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:mind|reference|door|doorway|window|picture|photo|photograph|image|painting|camera|bike|bicycle|glasses|bed|film|movie|shot|screen|video|house|building|car|vehicle|aircraft|plane))",
        "as part of",
        0.6,
        "'in the frame of' (French 'dans le cadre de', German 'im Rahmen'): 'as part of', 'within the framework of'.",
    ),
    _calque(
        "make makes made making + conference",
        r"\b(?P<span>(?P<verb>make|makes|made|making)\s+(?:a\s+)?(?:press\s+|news\s+)?conference)\b(?!\s+call)",
        lambda m: (
            {"make": "hold", "makes": "holds", "made": "held", "making": "holding"}[m["verb"].lower()]
            + m["span"][len(m["verb"]) :]
        ),
        0.75,
        "Conferences are held, not made.",
    ),
    _calque(
        "photo photos photograph photographs",
        r"\b(?P<span>(?P<verb>make|makes|made|making)\s+(?:(?:a|some|many|the)\s+(?:photo|photograph)|(?:some\s+|many\s+|the\s+)?(?:photos|photographs)))\b(?!\s+(?:album|book|collage|booth|montage|frame|exhibition|shoot))",
        lambda m: (
            {"make": "take", "makes": "takes", "made": "took", "making": "taking"}[m["verb"].lower()]
            + m["span"][len(m["verb"]) :]
        ),
        0.6,
        "Photos are taken, not made (German 'ein Foto machen', French 'faire une photo').",
    ),
    _calque(
        "do does did doing done",
        r"\b(?P<span>(?P<verb>do|does|did|doing|done)\s+(?:(?:a|the|some|many|several|these|such|big|serious|huge|terrible|grave|stupid)\s+){0,2}mistakes?)\b",
        lambda m: (
            {"do": "make", "does": "makes", "did": "made", "doing": "making", "done": "made"}[m["verb"].lower()]
            + m["span"][len(m["verb"]) :]
        ),
        0.6,
        "Mistakes are made, not done.",
    ),
    _calque(
        "years months weeks days decades hours + since",
        rf"\b(?P<span>since\s+(?:{_NUMBER_WORDS})\s+(?:years|months|weeks|days|decades|hours))\b(?!\s+(?:ago|earlier|before|later|after|prior|back|old|of|in|on|have|has|had))",
        lambda m: "for" + m["span"][5:],
        0.7,
        "'since five years' (French 'depuis', German 'seit'): 'for five years' (or 'since ... ago').",
    ),
    _calque(
        "crown + new",
        r"\b(?P<span>new\s+crown)\b(?=\s+(?:pneumonia|virus|viruses|epidemic|vaccines?|outbreak|cases|pandemic|infections?|coronavirus|patients?|pneumonias|positive))",
        "COVID-19",
        0.9,
        "'new crown pneumonia/virus' (Chinese 新冠): COVID-19 or the (novel) coronavirus.",
    ),
    _calque(
        "address",
        r"(?<=\b(?:criticism|criticisms|accusations?|threats?|insults?|reproach(?:es)?|complaints?|warnings?|rhetoric|sanctions)\s+)(?P<span>(?:to|in)\s+the\s+address\s+of)\b",
        "against",
        0.7,
        "'threats in the address of' (Russian 'в адрес'): 'threats against', 'criticism of'.",
    ),
    _calque(
        "conditions",
        r"\b(?P<span>in\s+the\s+conditions\s+of)\s+(?:the\s+)?(?:pandemic|war|crisis|sanctions|quarantine|lockdown|martial\s+law|coronavirus|covid|blockade|occupation|aggression|inflation)",
        "amid",
        0.6,
        "'in the conditions of the pandemic' (Russian 'в условиях'): 'amid the pandemic', 'under'.",
    ),
    _calque(
        "pay pays paid paying + attention on",
        r"\b(?P<span>(?P<verb>pay|pays|paid|paying)\s+(?:more\s+|special\s+|particular\s+|close\s+|great\s+|much\s+|little\s+|no\s+)?attention\s+on)\b",
        lambda m: m["span"][:-2] + "to",
        0.65,
        "Attention is paid *to* something.",
    ),
    _calque(
        "discuss discussed discusses discussing + about",
        r"\b(?P<span>(?:discuss|discussed|discusses|discussing)\s+about)\b(?!\s+(?:\d|a\b|an\b|one\b|two\b|three\b|half\b|twenty\b|ten\b|\w+ty\b))",
        lambda m: m["span"].split()[0],
        0.6,
        "'discuss' takes a direct object: 'discussed the plan', not 'discussed about the plan'.",
    ),
    _calque(
        "consist consists consisted consisting",
        r"\b(?P<span>(?P<verb>consist|consists|consisted|consisting)\s+from)\b",
        lambda m: m["verb"] + " of",
        0.75,
        "Things consist *of* parts.",
    ),
    _calque(
        "depend depends depended depending",
        r"\b(?P<span>(?P<verb>depend|depends|depended|depending)\s+from)\b",
        lambda m: m["verb"] + " on",
        0.7,
        "Things depend *on* others.",
    ),
    _calque(
        "explain explained explains",
        r"\b(?P<span>(?P<verb>explain|explained|explains)\s+(?P<obj>me|us))\b(?!\s*[,.!?;:])",
        lambda m: f"{m['verb']} to {m['obj']}",
        0.6,
        "'explain me the rules': English says 'explain the rules to me'.",
    ),
    _calque(
        "same + time",
        r"(?:^|(?<=[.;:!?]\s{1,3})|(?<=,\s))(?P<span>in\s+the\s+same\s+time)(?=\s*,)",
        "at the same time",
        0.6,
        "'In the same time, ...' as a connective: 'at the same time' (French 'en même temps').",
    ),
)


@lru_cache(maxsize=1)
def _calques_by_trigger() -> dict[str, tuple[int, ...]]:
    """Trigger word -> indices of the calques it can start (so most passages run no pattern)."""
    index: dict[str, list[int]] = {}
    for i, calque in enumerate(CALQUES):
        for w in calque.triggers:
            index.setdefault(w, []).append(i)
    return {w: tuple(v) for w, v in index.items()}


# ---------------------------------------------------------------------------------------
# The extractor


class PhrasingExtractor:
    name: ClassVar[str] = "phrasing"
    feature_names: ClassVar[tuple[str, ...]] = (
        "tortured_count",
        "calque_count",
        "odd_collocation_count",
        "max_confidence",
        "frequent_bigram_share",
    )
    rules: ClassVar[tuple[Rule, ...]] = (TORTURED, CALQUE, ODD_COLLOCATION)

    def extract(self, doc: Document, config: Config) -> Extraction:
        if not doc.passages:
            return Extraction(zeros(doc, len(self.feature_names)), ())
        rows: list[list[float]] = []
        findings: list[Finding] = []
        for passage in doc.passages:
            words = passage.words
            lowered = " ".join([t.text for t in words]).lower().split()
            if len(lowered) != len(words):  # a character whose lower case splits differently
                lowered = [t.text.lower() for t in words]
            pairs = list(map(" ".join, zip(lowered, lowered[1:], strict=False)))
            found = find_tortured(doc, passage, lowered, pairs)
            found += find_calques(doc, passage, set(lowered), found)
            found += find_odd_collocations(doc, passage, pairs, found)
            rows.append(_passage_features(pairs, found))
            if found:
                findings.extend(f for f in found if not config.is_allowed(f.text))
        return Extraction(np.array(rows, dtype=np.float32), tuple(findings))


def _overlaps(findings: list[Finding], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in findings)


def _adjacent_words(doc_text: str, words: tuple[Token, ...]) -> bool:
    """Consecutive words joined by spaces or a hyphen only (no punctuation or line break)."""
    return all(doc_text[a.end : b.start] in (" ", "-", " - ") for a, b in zip(words, words[1:], strict=False))


def find_tortured(doc: Document, passage: Passage, lowered: list[str], pairs: list[str]) -> list[Finding]:
    """Longest tortured-phrase matches on the passage words, left to right. `pairs[i]` is
    "word_i word_i+1" (lower case)."""
    table = tortured_table()
    starts = [i for i, p in enumerate(pairs) if p in table]
    starts += [i for i, w in enumerate(lowered) if w in table]
    if not starts:
        return []
    words = passage.words
    out: list[Finding] = []
    n = len(lowered)
    next_free = 0
    for i in sorted(set(starts)):
        if i < next_free:
            continue
        entries = table.get(pairs[i], []) if i < len(pairs) else []
        match = None
        for key, expected, confidence in [*entries, *table.get(lowered[i], [])]:
            k = len(key)
            if i + k <= n and tuple(lowered[i : i + k]) == key and _adjacent_words(doc.text, words[i : i + k]):
                match = (k, expected, confidence)
                break
        if match is None:
            continue
        k, expected, confidence = match
        span_words = words[i : i + k]
        start, end = span_words[0].start, span_words[-1].end
        next_free = i + k
        if _is_proper_name(span_words, passage) or _is_quoted(doc.text, start, end):
            continue  # a name ("Profound Learning Ltd") or a phrase being discussed, not used
        msg = TORTURED.message.format(found=doc.text[start:end], expected=expected)
        out.append(TORTURED.finding(doc.text, start, end, msg, expected, confidence))
    return out


def _is_proper_name(span_words: tuple[Token, ...], passage: Passage) -> bool:
    """Every word capitalised, and not only because the sentence starts there."""
    if not all(t.text[:1].isupper() for t in span_words):
        return False
    at_sentence_start = any(s.start == span_words[0].start for s in passage.sentences)
    return not at_sentence_start or len(span_words) > 1


_QUOTES_OPEN = "\"'“‘«"
_QUOTES_CLOSE = "\"'”’»"


def _is_quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES_OPEN and text[end] in _QUOTES_CLOSE


def find_calques(doc: Document, passage: Passage, words: set[str], taken: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    by_trigger = _calques_by_trigger()
    candidates = {i for w in by_trigger.keys() & words for i in by_trigger[w]}
    for calque in (CALQUES[i] for i in sorted(candidates)):
        if not calque.requires <= words:
            continue
        for m in calque.pattern.finditer(passage.text):
            start, end = passage.start + m.start("span"), passage.start + m.end("span")
            if _overlaps(taken, start, end) or _overlaps(out, start, end):
                continue
            found = doc.text[start:end]
            suggestion = _match_case(calque.suggest(m), found)
            msg = CALQUE.message.format(found=found, suggestion=suggestion)
            out.append(CALQUE.finding(doc.text, start, end, msg, suggestion, calque.confidence))
    return out


def find_odd_collocations(doc: Document, passage: Passage, pairs: list[str], taken: list[Finding]) -> list[Finding]:
    table = odd_table()
    hits = [i for i, p in enumerate(pairs) if p in table]
    if not hits:
        return []
    words = passage.words
    out: list[Finding] = []
    for i in hits:
        pair = words[i : i + 2]
        a, b = pair
        if _is_proper_name(pair, passage) or _overlaps(taken, a.start, b.end) or not _adjacent_words(doc.text, pair):
            continue
        found = doc.text[a.start : b.end]
        suggestion = _match_case(table[pairs[i]], found)
        msg = ODD_COLLOCATION.message.format(found=found, suggestion=suggestion)
        out.append(ODD_COLLOCATION.finding(doc.text, a.start, b.end, msg, suggestion, ODD_CONFIDENCE))
    return out


def _passage_features(pairs: list[str], found: list[Finding]) -> list[float]:
    counts = {TORTURED.id: 0.0, CALQUE.id: 0.0, ODD_COLLOCATION.id: 0.0}
    for f in found:
        counts[f.rule] += 1.0
    seen = sum(map(frequent_bigrams().__contains__, pairs))
    return [
        counts[TORTURED.id],
        counts[CALQUE.id],
        counts[ODD_COLLOCATION.id],
        max((f.confidence for f in found), default=0.0),
        seen / len(pairs) if pairs else 0.0,
    ]
