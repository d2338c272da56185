"""Synthetic corruption of clean English text, for training and testing mtdetect.

Each corruption kind is a small function `(text, rng) -> Corruption` that plants one kind of
artefact an editor meets in scraped news: machine-translation damage (mangled names, wrong
titles, calques, dropped or duplicated words, shuffled word order, word salad, untranslated
foreign words, typing slips), article-spinner output (tortured phrases; synonym swaps across a news text), broken text pipelines (mojibake, HTML-entity
debris, spaced dashes, lower-cased names, boilerplate) and OCR noise.

`Corruption.spans` are half-open code-point offsets into the NEW text: `text[s:e]` is the
planted artefact. A function that cannot apply returns the text unchanged with kind "none".

    >>> import random
    >>> c = corrupt("Antony Blinken met reporters in Washington on Monday.", random.Random(0), ["name"])
    >>> c.kind, c.text[c.spans[0][0]:c.spans[0][1]] != "Antony Blinken"
    ('name', True)

CLI (one JSON row per input with text, kind, spans, original):

    python -m training.corrupt --input FILE.txt|FILE.jsonl --out OUT.jsonl [--kinds a,b] [--seed 0]

Name and tortured-phrase lists are read lazily from the shared data folder (`$MTDETECT_DATA`,
default /work/shared/data) when it exists; small built-in lists are used otherwise.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

DEFAULT_DATA_DIR = "/work/shared/data"

Span = tuple[int, int]
Edit = tuple[int, int, str]  # (start, end) in the ORIGINAL text, replacement


@dataclass
class Corruption:
    """Result of one corruption: new text, kind applied ("none" if nothing), artefact spans."""

    text: str
    kind: str
    spans: list[Span] = field(default_factory=list)
    original: str = ""

    def to_json(self) -> dict:
        row = asdict(self)
        row["spans"] = [list(s) for s in self.spans]
        return row


# ---------------------------------------------------------------------------------------------
# Shared helpers
# ---------------------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN_RE = re.compile(r"\S+")
_PURE_WORD_RE = re.compile(r"^[^\W\d_]+$")
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "col",
    "lt",
    "sgt",
    "gov",
    "sen",
    "rep",
    "prof",
    "jr",
    "sr",
    "inc",
    "co",
    "no",
    "vs",
    "u.s",
    "u.k",
    "e.g",
    "i.e",
}

FUNCTION_WORDS = (
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "that",
    "it",
    "be",
    "been",
    "and",
    "as",
)
_FUNCTION_SET = frozenset(FUNCTION_WORDS)
MAIN_VERBS = (
    "said",
    "says",
    "told",
    "announced",
    "added",
    "reported",
    "stated",
    "confirmed",
    "is",
    "are",
    "was",
    "were",
    "became",
    "remains",
    "made",
    "took",
    "gave",
    "called",
    "warned",
    "visited",
)
_COMMON_STARTERS = _FUNCTION_SET | {
    "this",
    "these",
    "those",
    "he",
    "she",
    "they",
    "we",
    "you",
    "i",
    "but",
    "after",
    "when",
    "while",
    "there",
    "some",
    "many",
    "most",
    "according",
    "however",
    "officials",
    "its",
    "his",
    "her",
    "their",
    "our",
    "if",
    "since",
    "one",
    "two",
    "both",
    "all",
    "no",
    "not",
    "so",
    "yet",
    "then",
    "what",
    "who",
    "how",
    "why",
    "where",
    "last",
    "next",
    "earlier",
    "later",
    "meanwhile",
}


def data_dir() -> Path:
    """Folder of the shared data (env MTDETECT_DATA overrides the default)."""
    return Path(os.environ.get("MTDETECT_DATA", DEFAULT_DATA_DIR))


def _none(text: str) -> Corruption:
    return Corruption(text=text, kind="none", spans=[], original=text)


def _gap_span(text: str, pos: int) -> Span:
    """Span around a deletion point: the words now touching the gap."""
    left = pos
    while left > 0 and text[left - 1].isspace():
        left -= 1
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = pos
    while right < len(text) and text[right].isspace():
        right += 1
    while right < len(text) and not text[right].isspace():
        right += 1
    if right <= left:  # text made of spaces only: cover what there is
        left, right = max(0, pos - 1), min(len(text), pos + 1)
    return (left, right)


def apply_edits(text: str, edits: Sequence[Edit]) -> tuple[str, list[Span]]:
    """Apply non-overlapping edits; return the new text and one span per edit in the new text.

    A deletion (empty replacement) gets the span of the words that now touch the gap.
    """
    ordered = sorted(edits, key=lambda e: (e[0], e[1]))
    pieces: list[str] = []
    spans: list[Span] = []
    gaps: list[int] = []
    pos = 0
    new_len = 0
    for start, end, rep in ordered:
        if start < pos or end < start:
            raise ValueError(f"overlapping or invalid edit {(start, end)}")
        pieces.append(text[pos:start])
        new_len += start - pos
        if rep:
            spans.append((new_len, new_len + len(rep)))
        else:
            gaps.append(new_len)
        pieces.append(rep)
        new_len += len(rep)
        pos = end
    pieces.append(text[pos:])
    new = "".join(pieces)
    spans.extend(_gap_span(new, g) for g in gaps)
    return new, sorted(set(spans))


def _non_overlapping(edits: Sequence[Edit]) -> list[Edit]:
    """Keep edits in the given order, skipping any that overlap one already kept."""
    kept: list[Edit] = []
    for e in edits:
        if all(e[1] <= k[0] or e[0] >= k[1] for k in kept):
            kept.append(e)
    return kept


def _finish(text: str, edits: Sequence[Edit], kind: str) -> Corruption:
    """Apply edits and build the Corruption (kind "none" if the text did not change)."""
    if not edits:
        return _none(text)
    new, spans = apply_edits(text, edits)
    spans = [(s, e) for s, e in spans if 0 <= s < e <= len(new)]
    if new == text or not spans:
        return _none(text)
    return Corruption(text=new, kind=kind, spans=spans, original=text)


def _match_case(template: str, replacement: str) -> str:
    """Give `replacement` the casing style of `template` (lower, UPPER, Title Case, Capitalised)."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    words = template.split()
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split())
    if template[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    if template.islower():
        return replacement[:1].lower() + replacement[1:]
    return replacement


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD_RE.finditer(text))


def _has_prose(text: str, min_words: int = 3) -> bool:
    return len(_words(text)) >= min_words


def sentence_spans(text: str) -> list[Span]:
    """Rough sentence segmentation: (start, end) of each sentence, without edge whitespace."""
    bounds: list[int] = []
    for m in re.finditer(r"[.!?]+[\"”’')\]]*(?=\s)|\n+", text):
        if m.group().startswith("."):
            prev = re.search(r"([\w.]+)$", text[: m.start()])
            if prev and (prev.group(1).lower() in _ABBREV or len(prev.group(1)) == 1):
                continue
        bounds.append(m.end())
    spans: list[Span] = []
    start = 0
    for b in [*bounds, len(text)]:
        seg = text[start:b]
        s = start + (len(seg) - len(seg.lstrip()))
        e = b - (len(seg) - len(seg.rstrip()))
        if e > s:
            spans.append((s, e))
        start = b
    return spans


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Whitespace tokens of text[start:end] with absolute offsets."""
    end = len(text) if end is None else end
    return [(start + m.start(), start + m.end(), m.group()) for m in _TOKEN_RE.finditer(text[start:end])]


def _single_spaced(text: str, toks: Sequence[tuple[int, int, str]]) -> bool:
    return all(text[a[1] : b[0]] == " " for a, b in pairwise(toks))


# ---------------------------------------------------------------------------------------------
# Name lists (people, leaders) and name mangling
# ---------------------------------------------------------------------------------------------

FALLBACK_NAMES = (
    "Antony Blinken",
    "Lloyd Austin",
    "Jens Stoltenberg",
    "Emmanuel Macron",
    "Olaf Scholz",
    "Joe Biden",
    "Kamala Harris",
    "Donald Trump",
    "Vladimir Putin",
    "Xi Jinping",
    "Volodymyr Zelensky",
    "Rishi Sunak",
    "Keir Starmer",
    "Boris Johnson",
    "Angela Merkel",
    "Narendra Modi",
    "Recep Tayyip Erdogan",
    "Benjamin Netanyahu",
    "Mark Rutte",
    "Ursula von der Leyen",
    "Charles Michel",
    "Antonio Guterres",
    "Kristalina Georgieva",
    "Christine Lagarde",
    "Jerome Powell",
    "Janet Yellen",
    "Fumio Kishida",
    "Justin Trudeau",
    "Anthony Albanese",
    "Jacinda Ardern",
    "Giorgia Meloni",
    "Pedro Sanchez",
    "Jair Bolsonaro",
    "Cyril Ramaphosa",
    "Ali Khamenei",
    "Kim Jong Un",
    "Yoon Suk Yeol",
    "Tedros Adhanom Ghebreyesus",
    "Sergei Lavrov",
    "Dmitry Peskov",
    "Wang Yi",
    "Li Qiang",
    "Alexei Navalny",
    "Elon Musk",
    "Dmitry Medvedev",
    "Sergei Shoigu",
    "Abiy Ahmed",
    "Viktor Orban",
    "Andrzej Duda",
    "Nancy Pelosi",
    "Mitch McConnell",
    "Chuck Schumer",
    "Jake Sullivan",
    "Josep Borrell",
    "Dmytro Kuleba",
    "Mahmoud Abbas",
    "Mark Rutte",
    "Friedrich Merz",
    "Pedro Sánchez",
)

_NAME_TOKEN_RE = re.compile(r"[^\W\d_][\w-]*")


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _clean_name(name: str) -> list[str]:
    """Usable forms of a person name for capitalised-n-gram matching ([] if unusable)."""
    if not name or any(ch in name for ch in ",()[]/"):
        return []
    toks = name.split()
    # drop initials ("Donald J. Trump" -> "Donald Trump") and stop at lowercase particles
    toks = [t for t in toks if not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z]", t)]
    if len(toks) < 2 or len(toks) > 4:
        return []
    if not all(_NAME_TOKEN_RE.fullmatch(t) and t[0].isupper() for t in toks):
        return []
    if any(re.fullmatch(r"[IVXLC]+", t) for t in toks):  # regnal numbers: Charles III
        return []
    forms = [" ".join(toks)]
    plain = _strip_accents(forms[0])
    if plain != forms[0]:
        forms.append(plain)
    return forms


def _read_jsonl_gz(path: Path) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def _people_names(root: Path, top_people: int = 3000) -> list[str]:
    """The `top_people` most popular people of entities/people.jsonl.gz."""
    path = root / "entities" / "people.jsonl.gz"
    if not path.exists():
        return []
    rows = sorted(_read_jsonl_gz(path), key=lambda r: -(r.get("popularity") or 0.0))
    return [form for r in rows[:top_people] for form in _clean_name(r.get("name") or "")]


def _office_holder_names(root: Path) -> list[str]:
    """Current Factbook leaders and recent heads of organisations (politicians and officials)."""
    names: list[str] = []
    leaders = root / "entities" / "factbook_leaders.jsonl.gz"
    if leaders.exists():
        for r in _read_jsonl_gz(leaders):
            if r.get("current") and r.get("role_kind") != "cabinet":
                for n in [r.get("name") or "", *(r.get("aliases") or [])]:
                    names.extend(_clean_name(n))
    orgs = root / "entities" / "organisations.tsv"
    if orgs.exists():
        with orgs.open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                for holder in (r.get("recent_holders") or "").split(";"):
                    names.extend(_clean_name(re.sub(r"\(.*?\)", "", holder).strip()))
    return names


def _resolve(root: str | Path | None) -> str:
    return str(Path(root) if root else data_dir())


@lru_cache(maxsize=8)
def _name_lists(root: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(all known names, office holders) for a data folder; the built-in list is always included."""
    base = Path(root)
    people: list[str] = []
    holders: list[str] = []
    if base.exists():
        try:
            people, holders = _people_names(base), _office_holder_names(base)
        except (OSError, ValueError):
            people, holders = [], []
    holders += [form for n in FALLBACK_NAMES for form in _clean_name(n)]
    return tuple(sorted(set(people + holders))), tuple(sorted(set(holders)))


def known_names(root: str | Path | None = None) -> tuple[str, ...]:
    """Sorted person names: shared entity lists when present (people top 3000, current leaders,
    heads of organisations), always plus the built-in list of current world figures."""
    return _name_lists(_resolve(root))[0]


def office_holders(root: str | Path | None = None) -> tuple[str, ...]:
    """Politicians and officials only (leaders, heads of organisations, built-in list)."""
    return _name_lists(_resolve(root))[1]


@lru_cache(maxsize=8)
def _name_set(root: str) -> frozenset[str]:
    return frozenset(_name_lists(root)[0])


def find_names(text: str, root: str | Path | None = None) -> list[tuple[int, int, str]]:
    """Known person names in `text`, found by matching runs of capitalised words (2-4 tokens)."""
    names = _name_set(_resolve(root))
    toks = [m for m in _NAME_TOKEN_RE.finditer(text)]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(toks):
        hit = None
        for n in (4, 3, 2):
            run = toks[i : i + n]
            if len(run) < n or not all(t.group()[0].isupper() for t in run):
                continue
            if not all(text[a.end() : b.start()] == " " for a, b in pairwise(run)):
                continue
            cand = " ".join(t.group() for t in run)
            if cand in names:
                hit = (run[0].start(), run[-1].end(), cand)
                break
        if hit:
            found.append(hit)
            i += len(hit[2].split())
        else:
            i += 1
    return found


_VOICING = {"k": "g", "g": "k", "t": "d", "d": "t", "p": "b", "b": "p", "s": "z", "z": "s", "f": "v", "v": "f"}
_VOWEL_SWAP = {"a": "ae", "e": "ai", "i": "ye", "o": "au", "u": "o", "y": "i"}
_GRAPHEME_SWAP = (
    ("ph", "f"),
    ("f", "ph"),
    ("ck", "k"),
    ("c", "k"),
    ("k", "c"),
    ("w", "v"),
    ("v", "w"),
    ("j", "y"),
    ("y", "j"),
    ("sch", "sh"),
    ("sh", "sch"),
    ("x", "ks"),
    ("ks", "x"),
    ("ou", "u"),
)


def _misspell(token: str, rng: random.Random) -> str:
    """Transliteration-style misspelling of one name token (returns token if nothing works)."""
    low = token.lower()

    def voicing() -> str | None:
        idx = [i for i in range(1, len(token)) if low[i] in _VOICING]
        if not idx:
            return None
        i = rng.choice(idx)
        return token[:i] + _VOICING[low[i]] + token[i + 1 :]

    def th() -> str | None:
        if "th" in low[1:]:
            i = low.index("th", 1)
            return token[: i + 1] + token[i + 2 :]
        idx = [i for i in range(1, len(token) - 1) if low[i] == "t" and low[i + 1] != "h"]
        if not idx:
            return None
        i = rng.choice(idx)
        return token[: i + 1] + "h" + token[i + 1 :]

    def double() -> str | None:
        dbl = [i for i in range(1, len(token) - 1) if low[i] == low[i + 1]]
        if dbl:
            i = rng.choice(dbl)
            return token[:i] + token[i + 1 :]
        idx = [i for i in range(1, len(token)) if low[i] in "lmnrst"]
        if not idx:
            return None
        i = rng.choice(idx)
        return token[: i + 1] + low[i] + token[i + 1 :]

    def ending() -> str | None:
        if len(token) >= 4 and low[-1] in "sh":
            return token[:-1]
        if low[-1] not in "aeiouy":
            return token + rng.choice("eai")
        if len(token) >= 5 and low[-1] in "aeiouy":
            return token[:-1]
        return None

    def vowel() -> str | None:
        idx = [i for i in range(1, len(token)) if low[i] in _VOWEL_SWAP]
        if not idx:
            return None
        i = rng.choice(idx)
        return token[:i] + rng.choice(_VOWEL_SWAP[low[i]]) + token[i + 1 :]

    def swap() -> str | None:
        idx = [i for i in range(1, len(token) - 2) if low[i] != low[i + 1]]
        if not idx:
            return None
        i = rng.choice(idx)
        return token[:i] + token[i + 1] + token[i] + token[i + 2 :]

    def grapheme() -> str | None:
        opts = [(old, new) for old, new in _GRAPHEME_SWAP if old in low[1:]]
        if not opts:
            return None
        old, new = rng.choice(opts)
        i = low.index(old, 1)
        return token[:i] + new + token[i + len(old) :]

    ops: list[Callable[[], str | None]] = [voicing, th, double, ending, vowel, swap, grapheme]
    rng.shuffle(ops)
    for op in ops:
        out = op()
        if out and out != token and len(out) >= 2 and out[0].isupper() and out.lower() != low:
            return out
    return token


def _mangle_name(name: str, rng: random.Random) -> str:
    toks = name.split()
    r = rng.random()
    targets = [len(toks) - 1] if r < 0.6 else [0] if r < 0.8 else list(range(len(toks)))
    for i in targets:
        toks[i] = _misspell(toks[i], rng)
    return " ".join(toks)


def corrupt_name(text: str, rng: random.Random) -> Corruption:
    """Misspell a famous person's name as a transliterating MT system would.

    "Antony Blinken" -> "Anthony Blingen", "Jens Stoltenberg" -> "Jen Stoltenberg",
    "Emmanuel Macron" -> "Emmanuel Macrone": voiced/unvoiced swaps, doubled or dropped letters,
    vowel changes, letter swaps. Every occurrence of the full name (and of the bare surname,
    when it changed) gets the same misspelling. Needs a known name in the text.
    """
    found = find_names(text)
    if not found:
        return _none(text)
    name = rng.choice(sorted({f[2] for f in found}))
    mangled = _mangle_name(name, rng)
    if mangled == name:
        return _none(text)
    edits: list[Edit] = [(s, e, mangled) for s, e, n in found if n == name]
    surname, new_surname = name.split()[-1], mangled.split()[-1]
    if new_surname != surname:
        for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text):
            edits.append((m.start(), m.end(), new_surname))
    return _finish(text, _non_overlapping(edits), "name")


# ---------------------------------------------------------------------------------------------
# Official titles
# ---------------------------------------------------------------------------------------------

# (pattern, wrong replacements, also match lower case?). Generic words such as "president",
# "chancellor" or "governor" are only swapped when capitalised, i.e. used as a title.
TITLE_SWAPS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    (
        r"Secretary of Defen[cs]e",
        ("President of the Pentagon", "Minister of Defense Affairs", "Chief of the Defense Ministry"),
        True,
    ),
    (r"Defen[cs]e Secretary", ("Pentagon President", "Secretary of the Army"), True),
    (r"Secretary of State", ("Minister of State Affairs", "State Chairman", "Foreign Secretary-General"), True),
    (r"Secretary[- ]General", ("President", "General Secretary", "Chairman"), True),
    (r"Vice[- ]President", ("Deputy Chairman", "Vice Premier", "Sub-President"), False),
    (r"Prime Minister", ("President", "Premier Minister", "Chief Minister", "Chancellor"), True),
    (r"Chancellor", ("Prime Minister", "President"), False),
    (r"President", ("State Chairman", "Prime Minister", "Presiding Minister"), False),
    (r"Foreign Minister", ("Minister of Outer Affairs", "External Minister", "Foreign Chairman"), True),
    (r"Defen[cs]e Minister", ("Minister of War", "Army Minister"), True),
    (r"Director[- ]General", ("General Director", "Director-President"), True),
    (r"Managing Director", ("Executive President", "Managing Chairman"), False),
    (r"Speaker of the House", ("Chairman of the House", "President of the Chamber"), True),
    (r"Supreme Leader", ("Highest Leader", "Supreme Chairman"), True),
    (r"Attorney General", ("General Prosecutor", "Prosecutor-General"), True),
    (r"Chief Executive", ("Chief Executor", "Main Director"), False),
    (r"Crown Prince", ("Heir Prince", "Successor Prince"), True),
    (r"Mayor", ("City Head", "Municipal President"), True),
    (r"Governor", ("Prefect", "Head Administrator"), False),
    (r"spokes(?:man|woman|person)", ("press speaker", "official representative"), True),
)
_TITLE_RES = tuple(
    (re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE if lower_ok else 0), reps) for p, reps, lower_ok in TITLE_SWAPS
)

_WRONG_ROLES = ("President", "Chairman", "Prime Minister", "Secretary-General", "Chancellor", "Director", "Minister", "Governor")
_WRONG_BODIES = (
    "the Pentagon",
    "NATO",
    "the State Department",
    "Germany",
    "the United Nations",
    "the European Union",
    "the White House",
    "the Kremlin",
    "the Foreign Ministry",
    "France",
    "the Treasury",
    "the IMF",
)
_CORRECT_TITLES = frozenset(
    {
        ("Secretary-General", "the United Nations"),
        ("Secretary-General", "NATO"),
        ("Chancellor", "Germany"),
        ("President", "France"),
        ("Prime Minister", "France"),
        ("Minister", "the Foreign Ministry"),
        ("Director", "the IMF"),
    }
)
_TITLE_WORDS = re.compile(
    r"(?:President|Minister|Secretary|Chancellor|Chairman|Director|Governor|General|Leader|Premier|"
    r"King|Queen|Prince|Senator|Representative|Mayor|Chief|Spokesman|Ambassador|Dr|Mr|Mrs|Ms)\.?\s*$"
)


def _wrong_title(rng: random.Random) -> str:
    while True:
        role, body = rng.choice(_WRONG_ROLES), rng.choice(_WRONG_BODIES)
        if (role, body) not in _CORRECT_TITLES:
            return f"{role} of {body}"


def corrupt_title(text: str, rng: random.Random) -> Corruption:
    """Replace an official title with a wrong one, or insert a wrong "X of Y" title before a name.

    "Secretary of Defense" -> "President of the Pentagon", "Chancellor" -> "Prime Minister",
    "Secretary-General" -> "President", "Director-General" -> "General Director". Without a
    title in the text, a known politician's name gets a wrong title ("Chairman of NATO Joe Biden").
    """
    matches: list[tuple[int, int, str]] = []
    for pat, reps in _TITLE_RES:
        for m in pat.finditer(text):
            rep = _match_case(m.group(), rng.choice(reps))
            if m.group().islower():
                rep = rep.lower()
            matches.append((m.start(), m.end(), rep))
    if matches:
        # prefer the longest titles: "Secretary of Defense" over a bare "President"
        longest = max(e - s for s, e, _ in matches)
        pool = [m for m in matches if (m[1] - m[0]) >= min(longest, 9)]
        return _finish(text, [rng.choice(pool)], "title")
    holders = set(office_holders())
    names = [f for f in find_names(text) if f[2] in holders and not _TITLE_WORDS.search(text[: f[0]])]
    if not names:
        return _none(text)
    start = rng.choice(names)[0]
    return _finish(text, [(start, start, _wrong_title(rng) + " ")], "title")


# ---------------------------------------------------------------------------------------------
# Tortured phrases (article spinners)
# ---------------------------------------------------------------------------------------------

SPINNER_SWAPS: tuple[tuple[str, str], ...] = (
    ("deep learning", "profound learning"),
    ("big data", "colossal information"),
    ("artificial intelligence", "counterfeit consciousness"),
    ("on the other hand", "on the opposite hand"),
    ("as a result", "as an outcome"),
    ("in order to", "with the end goal to"),
    ("prime minister", "key minister"),
    ("press conference", "press gathering"),
    ("human rights", "human privileges"),
    ("climate change", "atmosphere change"),
    ("social media", "convivial media"),
    ("public opinion", "open supposition"),
    ("foreign minister", "outside pastor"),
    ("supreme court", "incomparable court"),
    ("stock market", "stock showcase"),
    ("interest rates", "premium rates"),
    ("for example", "for model"),
    ("health care", "wellbeing care"),
    ("global warming", "worldwide warming"),
    ("economic growth", "monetary development"),
    ("election campaign", "political decision crusade"),
    ("central bank", "focal bank"),
    ("fossil fuels", "petroleum derivatives"),
    ("carbon emissions", "fossil fuel byproducts"),
    ("public transport", "open vehicle"),
    ("high school", "tall school"),
    ("real estate", "genuine domain"),
    ("police officers", "cop authorities"),
    ("heart attack", "heart assault"),
    ("world war", "world fight"),
    ("breast cancer", "bosom peril"),
    ("state of the art", "cutting edge condition of workmanship"),
    ("last year", "most recent year"),
)

_PHRASE_TOKEN_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_BAD_EXPECTED = re.compile(r"[?/()\[\]“”\"~{}:;=<>|\\]|\band\b|\d")


def _clean_tortured_row(tortured: str, expected: str) -> tuple[str, str] | None:
    """Keep a dictionary pair only if both sides are clean multi-word phrases."""
    tortured, expected = tortured.strip(), expected.strip()
    if not tortured or not expected or _BAD_EXPECTED.search(expected) or _BAD_EXPECTED.search(tortured):
        return None
    exp_toks = _PHRASE_TOKEN_RE.findall(expected)
    tor_toks = _PHRASE_TOKEN_RE.findall(tortured)
    if len(exp_toks) < 2 or len(tor_toks) < 2 or " ".join(exp_toks) != expected or " ".join(tor_toks) != tortured:
        return None
    if expected in tortured or tortured == expected:
        return None
    return tortured, expected


TorturedIndex = dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]]


def tortured_index(root: str | Path | None = None) -> TorturedIndex:
    """first word of expected phrase -> ((expected tokens, tortured forms), ...), longest first.

    Built from tortured_phrases.tsv (cleaned) when present, plus the built-in SPINNER_SWAPS.
    """
    return _tortured_index_cached(_resolve(root))


@lru_cache(maxsize=8)
def _tortured_index_cached(root: str) -> TorturedIndex:
    pairs: dict[str, set[str]] = {}
    path = Path(root) / "tortured_phrases" / "tortured_phrases.tsv"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                clean = _clean_tortured_row(r.get("tortured") or "", r.get("expected") or "")
                if clean:
                    pairs.setdefault(clean[1], set()).add(clean[0])
    for expected, tortured in SPINNER_SWAPS:
        pairs.setdefault(expected, set()).add(tortured)
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
    for expected in sorted(pairs):
        toks = tuple(expected.split())
        index.setdefault(toks[0], []).append((toks, tuple(sorted(pairs[expected]))))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in index.items()}


def _phrase_matches(text: str, index: dict) -> list[tuple[int, int, tuple[str, ...]]]:
    toks = list(_PHRASE_TOKEN_RE.finditer(text))
    low = [t.group().lower() for t in toks]
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for i, w in enumerate(low):
        for exp, forms in index.get(w, ()):
            n = len(exp)
            if tuple(low[i : i + n]) == exp and all(text[a.end() : b.start()] == " " for a, b in pairwise(toks[i : i + n])):
                out.append((toks[i].start(), toks[i + n - 1].end(), forms))
                break
    return out


def corrupt_tortured(text: str, rng: random.Random) -> Corruption:
    """Spin a phrase: replace an expected term by its tortured form ("deep learning" -> "profound learning").

    Uses the PPS tortured-phrase dictionary in reverse (cleaned of notes, alternatives and single
    tokens); when no dictionary phrase occurs, a built-in list of spinner swaps of common news
    expressions ("climate change" -> "atmosphere change", "as a result" -> "as an outcome").
    """
    matches = _phrase_matches(text, tortured_index())
    if not matches:
        builtin = {}
        for exp, tor in SPINNER_SWAPS:
            builtin.setdefault(exp.split()[0], []).append((tuple(exp.split()), (tor,)))
        matches = _phrase_matches(text, builtin)
    if not matches:
        return _none(text)
    rng.shuffle(matches)
    chosen = _non_overlapping(
        [(s, e, _match_case(text[s:e], rng.choice(forms))) for s, e, forms in matches[: 1 + (rng.random() < 0.3)]]
    )
    return _finish(text, chosen, "tortured")


# ---------------------------------------------------------------------------------------------
# Calques and broken fixed expressions
# ---------------------------------------------------------------------------------------------

CALQUES: tuple[tuple[str, str], ...] = (
    (r"spoke on background", "spoke in the background"),
    (r"spoke on condition of anonymity", "spoke on the condition of anonymousness"),
    (r"on condition of anonymity", "under the condition of anonymity"),
    (r"according to(?= (?:[A-Z]|the |a ))", "according to the words of"),
    (r"said in a statement", "said in a declaration"),
    (r"in a statement", "in a communiqué"),
    (r"take part in", "take participation in"),
    (r"took part in", "took participation in"),
    (r"taking part in", "taking participation in"),
    (r"make a decision", "adopt a decision"),
    (r"made a decision", "adopted a decision"),
    (r"(?<=spokesman )for(?= [A-Z])", "from"),
    (r"(?<=spokeswoman )for(?= [A-Z])", "from"),
    (r"(?<=spokesperson )for(?= [A-Z])", "from"),
    (r"told reporters", "told to journalists"),
    (r"told Reuters", "told to Reuters"),
    (r"on the sidelines of", "on the fields of"),
    (r"in the near future", "in the nearest future"),
    (r"as soon as possible", "in the shortest terms"),
    (r"on the one hand", "from one side"),
    (r"on the other hand", "from the other side"),
    (r"law enforcement", "law protection organs"),
    (r"police officers", "employees of the police"),
    (r"have an impact on", "render an influence on"),
    (r"had an impact on", "rendered an influence on"),
    (r"draw conclusions", "make conclusions"),
    (r"made a mistake", "did a mistake"),
    (r"make a mistake", "do a mistake"),
    (r"took steps", "undertook steps"),
    (r"take steps", "undertake steps"),
    (r"pay attention to", "pay an attention on"),
    (r"paid attention to", "paid an attention on"),
    (r"it is worth noting", "it is worth to note"),
    (r"it should be noted", "it should be marked"),
    (r"in particular", "in the particular"),
    (r"as well as", "as well like"),
    (r"in recent years", "in the last years"),
    (r"in the coming days", "in the next days"),
    (r"this week", "on this week"),
    (r"last week", "on the last week"),
    (r"state of emergency", "regime of emergency situation"),
    (r"responsible for", "responsible of"),
    (r"depends on", "depends from"),
    (r"depend on", "depend from"),
    (r"married to", "married with"),
    (r"interested in", "interested by"),
    (r"in response to", "as an answer on"),
    (r"held talks", "conducted negotiations"),
    (r"commit a crime", "make a crime"),
)
_CALQUE_RES = tuple((re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE), rep) for p, rep in CALQUES)


@lru_cache(maxsize=1)
def _spin_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """One regex over every word and phrase of the spinner thesaurus (training/spinner_synonyms.py),
    kept phrases first and then longest first, and the table it looks replacements up in
    (lower-case keys, plus proper names as written)."""
    from training.spinner_synonyms import CAPITALISED_SPINS, KEEP_CAPITALISED_PHRASES, KEEP_PHRASES, SPIN_SYNONYMS

    table = {**SPIN_SYNONYMS, **CAPITALISED_SPINS}
    # phrases spinners leave alone ("prime minister") come first in the alternation and map to nothing
    keep = sorted({*KEEP_PHRASES, *KEEP_CAPITALISED_PHRASES}, key=len, reverse=True)
    keys = sorted(table, key=len, reverse=True)
    alternation = "|".join(re.escape(k) for k in (*keep, *keys))
    return re.compile(r"\b(?:" + alternation + r")\b", re.IGNORECASE), table


def corrupt_spin(text: str, rng: random.Random) -> Corruption:
    """Spin the text the way article spinners do: a third to two thirds of the words and fixed
    expressions the thesaurus knows get a dictionary synonym ("interest rates" -> "curiosity
    charges", "said" -> "mentioned", "High Court" -> "Excessive Court docket")."""
    pattern, table = _spin_pattern()
    edits: list[Edit] = []
    share = rng.uniform(0.35, 0.7)
    for m in pattern.finditer(text):
        found = m.group()
        options = table.get(found) or table.get(found.lower())
        if not options or rng.random() > share:
            continue
        new = rng.choice(options)
        if found not in table:  # matched a lower-case key: keep a sentence-initial capital
            new = _match_case(found, new)
        if new != found:
            edits.append((m.start(), m.end(), new))
    return _finish(text, _non_overlapping(edits), "spin")


def corrupt_calque(text: str, rng: random.Random) -> Corruption:
    """Replace a fixed expression by an MT calque ("said in a statement" -> "said in a declaration").

    About 50 (clean -> calque) pairs typical of literal translation from Russian, German, French
    and Chinese: "according to X" -> "according to the words of X", "take part in" -> "take
    participation in", "in the near future" -> "in the nearest future", "spoke on background" ->
    "spoke in the background".
    """
    matches = []
    for pat, rep in _CALQUE_RES:
        for m in pat.finditer(text):
            matches.append((m.start(), m.end(), _match_case(m.group(), rep)))
    if not matches:
        return _none(text)
    rng.shuffle(matches)
    chosen = _non_overlapping(matches)[: 1 + (rng.random() < 0.25)]
    return _finish(text, chosen, "calque")


# ---------------------------------------------------------------------------------------------
# Word-level MT damage: drop, duplicate, shuffle, salad
# ---------------------------------------------------------------------------------------------


def _deletion(text: str, start: int, end: int) -> Edit:
    """Delete text[start:end] together with one adjacent space."""
    if end < len(text) and text[end] == " ":
        return (start, end + 1, "")
    if start > 0 and text[start - 1] == " ":
        return (start - 1, end, "")
    return (start, end, "")


def corrupt_drop(text: str, rng: random.Random) -> Corruption:
    """Drop one or two function words ("went to the store" -> "went the store") or the main verb."""
    if not _has_prose(text, 4):
        return _none(text)
    words = [m for m in _words(text) if m.start() > 0 and text[m.start() - 1] == " " and m.end() < len(text)]
    verbs = [m for m in words if m.group() in MAIN_VERBS]
    funcs = [m for m in words if m.group() in _FUNCTION_SET]
    if verbs and (rng.random() < 0.3 or not funcs):
        picks = [rng.choice(verbs)]
    elif funcs:
        picks = rng.sample(funcs, min(len(funcs), rng.choice((1, 1, 2))))
    else:
        return _none(text)
    edits = _non_overlapping([_deletion(text, m.start(), m.end()) for m in picks])
    return _finish(text, edits, "drop")


_ECHO_PREPS = ("through", "with", "by", "via", "of", "in")


def corrupt_duplicate(text: str, rng: random.Random) -> Corruption:
    """Duplicate a word ("the the"), a 2-3 word phrase, or echo a noun ("faces sanctions through sanctions")."""
    toks = [t for t in _tokens(text) if _PURE_WORD_RE.match(t[2])]
    if len(toks) < 3:
        return _none(text)
    mode = rng.choice(("word", "phrase", "echo"))
    if mode == "echo":
        content = [t for t in toks if len(t[2]) >= 5 and t[2].islower() and t[2] not in _FUNCTION_SET]
        if content:
            s, e, w = rng.choice(content)
            new = f"{w} {rng.choice(_ECHO_PREPS)} {w}"
            return _finish(text, [(s, e, new)], "duplicate")
        mode = "word"
    if mode == "phrase":
        all_toks = _tokens(text)
        starts = [i for i in range(len(all_toks) - 2) if all(_PURE_WORD_RE.match(t[2]) for t in all_toks[i : i + 3])]
        if starts:
            i = rng.choice(starts)
            n = rng.choice((2, 3))
            run = all_toks[i : i + n]
            if _single_spaced(text, run):
                phrase = text[run[0][0] : run[-1][1]]
                return _finish(text, [(run[0][0], run[-1][1], f"{phrase} {phrase}")], "duplicate")
    s, e, w = rng.choice(toks)
    return _finish(text, [(s, e, f"{w} {w.lower() if w.lower() in _FUNCTION_SET else w}")], "duplicate")


# Typing slips on ordinary words: a letter dropped, doubled, swapped with its neighbour or hit
# on the next key. Only results English never uses count (a real word is not a misspelling).
_KEY_NEIGHBOURS = {
    "a": "qsz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj", "i": "uo",
    "j": "hk", "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o", "q": "w", "r": "et",
    "s": "ad", "t": "ry", "u": "yi", "v": "cb", "w": "qe", "x": "zc", "y": "tu", "z": "x",
}


def _typo(word: str, rng: random.Random) -> str:
    """One typing slip inside `word` (never its first letter), or `word` if none gives a non-word."""
    from wordfreq import zipf_frequency

    for _ in range(6):
        i = rng.randint(1, len(word) - 1)
        op = rng.choice(("drop", "double", "swap", "key"))
        if op == "drop":
            out = word[:i] + word[i + 1 :]
        elif op == "double":
            out = word[: i + 1] + word[i] + word[i + 1 :]
        elif op == "swap" and i < len(word) - 1:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif op == "key" and word[i].lower() in _KEY_NEIGHBOURS:
            out = word[:i] + rng.choice(_KEY_NEIGHBOURS[word[i].lower()]) + word[i + 1 :]
        else:
            continue
        if out != word and zipf_frequency(out, "en") < 1.0:
            return out
    return word


def corrupt_typo(text: str, rng: random.Random) -> Corruption:
    """Misspell one to three ordinary lower-case words ("goverment", "recieved", "teh")."""
    words = [m for m in _words(text) if len(m.group()) >= 4 and m.group().isalpha() and m.group().islower()]
    if not words:
        return _none(text)
    edits = []
    for m in rng.sample(words, min(len(words), rng.choice((1, 1, 2, 3)))):
        new = _typo(m.group(), rng)
        if new != m.group():
            edits.append((m.start(), m.end(), new))
    return _finish(text, _non_overlapping(edits), "typo")


def _decap(token: str) -> str:
    """Lower-case a sentence-initial common word so a moved word does not keep its capital."""
    return token.lower() if token.lower() in _COMMON_STARTERS and token != "I" else token


def corrupt_shuffle(text: str, rng: random.Random) -> Corruption:
    """Shuffle a window of 3-6 words inside one sentence (not its first word)."""
    windows: list[list[tuple[int, int, str]]] = []
    for s, e in sentence_spans(text):
        toks = _tokens(text, s, e)
        for n in (6, 5, 4, 3):
            for i in range(1, len(toks) - n + 1):
                run = toks[i : i + n]
                if all(_PURE_WORD_RE.match(t[2]) for t in run) and _single_spaced(text, run) and len({t[2] for t in run}) > 1:
                    windows.append(run)
    if not windows:
        return _none(text)
    run = rng.choice(windows)
    words = [t[2] for t in run]
    shuffled = words[:]
    for _ in range(10):
        rng.shuffle(shuffled)
        if shuffled != words:
            break
    return _finish(text, [(run[0][0], run[-1][1], " ".join(shuffled))], "shuffle")


def corrupt_salad(text: str, rng: random.Random) -> Corruption:
    """Turn a whole sentence into word salad: full shuffle, sometimes a word dropped or repeated."""
    cands = [(s, e) for s, e in sentence_spans(text) if len(_tokens(text, s, e)) >= 6]
    if not cands:
        return _none(text)
    s, e = rng.choice(cands)
    sent = text[s:e]
    m = re.search(r"[.!?]+[\"”’')\]]*$", sent)
    final = m.group() if m else ""
    body = sent[: len(sent) - len(final)].split()
    body[0] = _decap(body[0])
    words = body[:]
    for _ in range(10):
        rng.shuffle(words)
        if words != body:
            break
    r = rng.random()
    if r < 0.2 and len(words) > 6:
        words.pop(rng.randrange(len(words)))
    elif r < 0.4:
        i = rng.randrange(len(words))
        words.insert(i, words[i])
    out = " ".join(words)
    out = out[:1].upper() + out[1:] + final
    return _finish(text, [(s, e, out)], "salad")


# ---------------------------------------------------------------------------------------------
# Encoding and markup debris: mojibake, HTML entities, spaced dashes, lower-casing
# ---------------------------------------------------------------------------------------------


def _sloppy_cp1252(data: bytes) -> str:
    """Decode bytes as Windows-1252, letting the 5 undefined bytes through as Latin-1 (like browsers)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="strict") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in data
    )


def mojibake_of(s: str, codec: str = "cp1252", times: int = 1) -> str:
    """Mis-decode UTF-8 bytes of `s` as cp1252 (or latin-1): "café" -> "cafÃ©", "’" -> "â€™"."""
    for _ in range(times):
        data = s.encode("utf-8")
        s = _sloppy_cp1252(data) if codec == "cp1252" else data.decode("latin-1")
    return s


def _curly(text: str, rng: random.Random) -> str:
    """Typeset straight quotes/dashes/ellipses as a CMS would, so there is non-ASCII to garble."""
    out = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    out = re.sub(r"(?<=\w)'(?=\s|[.,;:!?]|$)", "’", out)
    out = re.sub(r"\"([^\"\n]{1,300})\"", "“\\1”", out)
    out = re.sub(r"(?<=\w) -{1,2} (?=\w)", lambda m: rng.choice((" – ", " — ")), out)
    out = out.replace("...", "…")
    return out


def corrupt_mojibake(text: str, rng: random.Random) -> Corruption:
    """Garble non-ASCII characters as UTF-8 read as cp1252/latin-1 ("’" -> "â€™", "é" -> "Ã©").

    Straight quotes, dashes and ellipses are typeset first when the text has no non-ASCII
    character. Either one sentence or the whole text is garbled; rarely twice (double mojibake).
    """
    base = text if any(ord(c) > 127 for c in text) else _curly(text, rng)
    positions = [i for i, c in enumerate(base) if ord(c) > 127 and not c.isspace() or c == "\u00a0"]
    if not positions or not _has_prose(text, 2):
        return _none(text)
    if rng.random() < 0.6:
        sents = [(s, e) for s, e in sentence_spans(base) if any(s <= p < e for p in positions)]
        s, e = rng.choice(sents) if sents else (0, len(base))
        positions = [p for p in positions if s <= p < e]
    codec = "latin-1" if rng.random() < 0.15 else "cp1252"
    times = 2 if rng.random() < 0.1 else 1
    edits = [(p, p + 1, mojibake_of(base[p], codec, times)) for p in positions]
    new, spans = apply_edits(base, edits)
    merged: list[Span] = []
    for sp in spans:
        if merged and sp[0] <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], sp[1]))
        else:
            merged.append(sp)
    if new == text:
        return _none(text)
    return Corruption(text=new, kind="mojibake", spans=merged, original=text)


_ENTITY_MAP: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"(?<=\w)['’](?=\w)", ("&apos;", "&#39;", "&#8217;", "&rsquo;")),
    (r"\"", ("&quot;", "& quot;", "&#34;")),
    (r"[“”]", ("&ldquo;", "&rdquo;", "&quot;", "& quot;")),
    (r"(?<= )&(?= )", ("&amp;amp;", "&amp;")),
    (r"—", ("&mdash;", "&#8212;")),
    (r"–", ("&ndash;", "&#8211;")),
    (r"…", ("&hellip;",)),
    (r"(?<=\w)&(?=\w)", ("&amp;", "&amp;amp;")),
)


def corrupt_entity(text: str, rng: random.Random) -> Corruption:
    """Leave HTML-entity debris: "&apos;", "& quot;", "&#39;", "&amp;amp;", "&nbsp;"."""
    if not _has_prose(text, 2):
        return _none(text)
    cands: list[Edit] = []
    for pat, reps in _ENTITY_MAP:
        for m in re.finditer(pat, text):
            cands.append((m.start(), m.end(), rng.choice(reps)))
    for m in re.finditer(r"(?<=[\w,.]) (?=\w)", text):
        if rng.random() < 0.1 or re.match(r"\d", text[m.end() :]):
            cands.append((m.start(), m.end(), rng.choice(("&nbsp;", " &nbsp;", "&nbsp; "))))
    for m in re.finditer(r"(?<= )and(?= )", text):
        if rng.random() < 0.2:
            cands.append((m.start(), m.end(), "&amp;amp;"))
    if not cands:
        m = re.search(r"(?<=\w) (?=\w)", text)
        if not m:
            return _none(text)
        cands.append((m.start(), m.end(), "&nbsp;"))
    rng.shuffle(cands)
    edits = _non_overlapping(cands)[: rng.choice((1, 1, 2, 3))]
    new, spans = apply_edits(text, edits)
    # spans cover the entity itself, not a space kept next to it
    spans = [(s + (new[s] == " "), e - (new[e - 1] == " ")) for s, e in spans]
    return Corruption(text=new, kind="entity", spans=[(s, e) for s, e in spans if e > s], original=text)


_HYPHEN_RE = re.compile(r"(?<=[^\W_])-(?=[^\W_])")
_DASHES = (" – ", " – ", " – ", " - ", " — ")


def corrupt_dash(text: str, rng: random.Random) -> Corruption:
    """Space out the hyphen of a compound ("Indo-Pacific" -> "Indo – Pacific") or an ellipsis (". . .")."""
    cands: list[Edit] = []
    for m in _HYPHEN_RE.finditer(text):
        left = re.search(r"[^\W_]+$", text[: m.start()])
        right = re.match(r"[^\W_]+", text[m.end() :])
        if not left or not right:
            continue
        if not re.search(r"[^\W\d_]", left.group() + right.group()):
            continue  # number ranges like 2020-2021
        s, e = left.start(), m.end() + right.end()
        cands.append((s, e, left.group() + rng.choice(_DASHES) + right.group()))
    for m in re.finditer(r"\.\.\.|…", text):
        cands.append((m.start(), m.end(), ". . ."))
    if not cands:
        return _none(text)
    rng.shuffle(cands)
    return _finish(text, _non_overlapping(cands)[: rng.choice((1, 1, 2))], "dash")


def corrupt_lowercase(text: str, rng: random.Random) -> Corruption:
    """Lower-case proper names ("Antony Blinken" -> "antony blinken") or sentence starts."""
    starts = {s for s, _ in sentence_spans(text)}
    names: list[Edit] = []
    heads: list[Edit] = []
    for m in re.finditer(r"[A-Z][a-z][\w’'-]*(?: [A-Z][a-z][\w’'-]*)*", text):
        if m.start() > 0 and text[m.start() - 1] not in ' \n"“(':
            continue
        if m.start() in starts:
            first = re.match(r"[\w’'-]+", m.group())
            assert first is not None
            heads.append((m.start(), m.start() + first.end(), first.group().lower()))
        else:
            names.append((m.start(), m.end(), m.group().lower()))
    pool = names if names and (rng.random() < 0.7 or not heads) else heads
    if not pool:
        return _none(text)
    rng.shuffle(pool)
    return _finish(text, _non_overlapping(pool)[: rng.choice((1, 1, 2, 3))], "lowercase")


# ---------------------------------------------------------------------------------------------
# Boilerplate (generated, not a fixed list)
# ---------------------------------------------------------------------------------------------

_BIO_ROLES = (
    "Explorer",
    "Organizer",
    "Thinker",
    "Writer",
    "Gamer",
    "Communicator",
    "Troublemaker",
    "Student",
    "Analyst",
    "Creator",
    "Reader",
    "Problem solver",
    "Entrepreneur",
    "Introvert",
    "Traveler",
    "Zombie lover",
)
_BIO_ADJ = (
    "Devoted",
    "Friendly",
    "Hardcore",
    "Passionate",
    "Certified",
    "Award-winning",
    "Subtly charming",
    "Lifelong",
    "Total",
    "Extreme",
    "Proud",
    "Unapologetic",
    "Evil",
    "Incurable",
    "Amateur",
    "Professional",
)
_BIO_TOPICS = (
    "travel",
    "music",
    "food",
    "coffee",
    "bacon",
    "web",
    "internet",
    "pop culture",
    "beer",
    "tv",
    "social media",
    "alcohol",
    "zombie",
    "twitter",
    "analyst",
    "gadget",
    "student",
)
_BIO_AGENTS = (
    "specialist",
    "expert",
    "fanatic",
    "aficionado",
    "nerd",
    "evangelist",
    "ninja",
    "guru",
    "buff",
    "maven",
    "practitioner",
    "scholar",
    "advocate",
    "geek",
    "junkie",
    "trailblazer",
    "enthusiast",
)
_SEO_MODS = (
    "news",
    "latest",
    "today",
    "update",
    "live",
    "best",
    "2024",
    "2025",
    "near me",
    "price",
    "online",
    "free",
    "how to",
    "review",
    "updates",
    "breaking",
)


def _bio(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(4, 6)):
        r = rng.random()
        if r < 0.3:
            parts.append(rng.choice(_BIO_ROLES) + ".")
        elif r < 0.7:
            parts.append(f"{rng.choice(_BIO_ADJ)} {rng.choice(_BIO_TOPICS)} {rng.choice(_BIO_AGENTS)}.")
        else:
            topic = rng.choice(_BIO_TOPICS)
            parts.append(f"{topic[0].upper()}{topic[1:]} {rng.choice(_BIO_AGENTS)}.")
    return " ".join(parts)


def _seo(text: str, rng: random.Random) -> str:
    content = sorted({w.group().lower() for w in _words(text) if len(w.group()) > 4 and w.group().lower() not in _FUNCTION_SET})
    kws = []
    for _ in range(rng.randint(4, 8)):
        base = rng.choice(content) if content and rng.random() < 0.8 else rng.choice(_BIO_TOPICS)
        kws.append(f"{base} {rng.choice(_SEO_MODS)}" if rng.random() < 0.6 else base)
    head = rng.choice(("Tags:", "Related searches:", "Keywords:", "Topics:", "Trending:", ""))
    sep = rng.choice((", ", " | ", " ", ", "))
    return (head + " " if head else "") + sep.join(dict.fromkeys(kws))


def _ad(rng: random.Random) -> str:
    return rng.choice(
        (
            "Advertisement",
            "ADVERTISEMENT",
            "Story continues below advertisement",
            "Sponsored content",
            "Continue reading the main story",
            "Advertisement - scroll to continue",
            "AD",
            "Paid content",
        )
    )


def _subscribe(rng: random.Random) -> str:
    verb = rng.choice(("Click here to", "Tap here to", "Sign up now to", "Don't miss out -", "Want more?"))
    act = rng.choice(("subscribe to", "get", "receive", "join"))
    adj = rng.choice(("our free", "our daily", "the weekly", "our", "our exclusive"))
    obj = rng.choice(("newsletter", "briefing", "email updates", "breaking news alerts", "morning digest"))
    tail = rng.choice((".", "!", " today.", " and never miss a story.", ""))
    first = f"{verb} {act} {adj} {obj}{tail}"
    if rng.random() < 0.4:
        first += f" Follow us on {rng.choice(('Twitter', 'Facebook', 'Instagram', 'Telegram', 'LinkedIn'))} for the latest {rng.choice(('news', 'updates', 'stories'))}."
    return first


def _cookie(rng: random.Random) -> str:
    what = rng.choice(
        (
            "improve your experience",
            "personalise content and ads",
            "analyse our traffic",
            "give you the best experience on our website",
            "provide social media features",
        )
    )
    cond = rng.choice(("By continuing to browse", "By using this site", "If you continue", 'By clicking "Accept"'))
    agree = rng.choice(("you agree to", "you accept", "you consent to"))
    pol = rng.choice(("our use of cookies", "our cookie policy", "our privacy policy", "the use of cookies"))
    out = f"We use cookies to {what}. {cond}, {agree} {pol}."
    if rng.random() < 0.5:
        out += " " + rng.choice(
            ("Accept all", "Accept | Manage preferences", "OK, got it", "Learn more", "Reject all  Accept all")
        )
    return out


def _share(rng: random.Random) -> str:
    nets = ["Facebook", "Twitter", "WhatsApp", "Email", "LinkedIn", "Pinterest", "Reddit", "Print"]
    rng.shuffle(nets)
    return rng.choice(("Share this article:", "Share:", "Share this:", "")) + " " + " ".join(nets[: rng.randint(3, 6)])


def boilerplate_text(text: str, rng: random.Random) -> str:
    """Generate one piece of scraped-page boilerplate (bio, SEO list, ad, subscribe, cookies, share)."""
    maker = rng.choice(("bio", "seo", "ad", "subscribe", "cookie", "share"))
    if maker == "bio":
        return _bio(rng)
    if maker == "seo":
        return _seo(text, rng)
    if maker == "ad":
        return _ad(rng)
    if maker == "subscribe":
        return _subscribe(rng)
    if maker == "cookie":
        return _cookie(rng)
    return _share(rng).strip()


def corrupt_boilerplate(text: str, rng: random.Random) -> Corruption:
    """Add scraped-page boilerplate (spam author bio, SEO keywords, "Advertisement", cookie banner)."""
    if not _has_prose(text, 3):
        return _none(text)
    junk = boilerplate_text(text, rng)
    sep = rng.choice(("\n", " ", "\n\n"))
    r = rng.random()
    sents = sentence_spans(text)
    if r < 0.7 or len(sents) < 2:
        new = text + sep + junk
        return Corruption(text=new, kind="boilerplate", spans=[(len(text) + len(sep), len(new))], original=text)
    if r < 0.85:
        new = junk + sep + text
        return Corruption(text=new, kind="boilerplate", spans=[(0, len(junk))], original=text)
    cut = rng.choice(sents[1:])[0]
    new, _ = apply_edits(text, [(cut, cut, junk + sep)])
    return Corruption(text=new, kind="boilerplate", spans=[(cut, cut + len(junk))], original=text)


# ---------------------------------------------------------------------------------------------
# OCR noise
# ---------------------------------------------------------------------------------------------

_OCR_SUBS = (
    ("rn", "m"),
    ("m", "rn"),
    ("l", "1"),
    ("l", "I"),
    ("I", "l"),
    ("e", "c"),
    ("c", "e"),
    ("h", "li"),
    ("d", "cl"),
    ("u", "ii"),
    ("n", "ri"),
    ("O", "0"),
    ("o", "0"),
    ("i", "l"),
    ("t", "l"),
    ("a", "n"),
    ("s", "f"),
)


def _ocr_word(word: str, rng: random.Random) -> str:
    if word.lower() == "the" and rng.random() < 0.5:
        return word[0] + rng.choice(("be", "lie", "ho"))
    if len(word) >= 7 and rng.random() < 0.3:
        cut = rng.randint(3, len(word) - 3)
        return f"{word[:cut]}- {word[cut:]}"
    opts = [(old, new) for old, new in _OCR_SUBS if old in word]
    if not opts:
        return word
    old, new = rng.choice(opts)
    idx = [m.start() for m in re.finditer(re.escape(old), word)]
    i = rng.choice(idx)
    return word[:i] + new + word[i + len(old) :]


def corrupt_ocr(text: str, rng: random.Random) -> Corruption:
    """Character-level OCR noise: rn/m, l/1, e/c confusions, broken hyphenation ("ambi- tion"), dropped spaces."""
    words = [m for m in _words(text) if len(m.group()) >= 2]
    if len(words) < 3:
        return _none(text)
    edits: list[Edit] = []
    for _ in range(rng.randint(2, 4)):
        m = rng.choice(words)
        if rng.random() < 0.2:
            nxt = re.match(r" ([^\W\d_]+)", text[m.end() :])
            if nxt:
                edits.append((m.start(), m.end() + nxt.end(), m.group() + nxt.group(1)))
                continue
        new = _ocr_word(m.group(), rng)
        if new != m.group():
            edits.append((m.start(), m.end(), new))
    return _finish(text, _non_overlapping(edits), "ocr")


# ---------------------------------------------------------------------------------------------
# Code-mixing: untranslated foreign-script words
# ---------------------------------------------------------------------------------------------

FOREIGN_WORDS: dict[str, tuple[str, ...]] = {
    "said": ("表示", "заявил", "قال", "と述べた"),
    "ministry": ("部", "министерство", "وزارة"),
    "president": ("主席", "президент", "الرئيس", "大統領"),
    "government": ("政府", "правительство", "الحكومة"),
    "people": ("人民", "люди", "الناس"),
    "country": ("国家", "страна", "البلد"),
    "also": ("也", "также", "أيضا"),
    "today": ("今天", "сегодня", "اليوم"),
    "police": ("警方", "полиция", "الشرطة"),
    "company": ("公司", "компания", "الشركة", "会社"),
    "city": ("市", "город", "المدينة"),
    "minister": ("部长", "министр", "الوزير"),
    "market": ("市场", "рынок", "السوق"),
    "development": ("发展", "развитие", "التنمية"),
    "cooperation": ("合作", "сотрудничество", "التعاون"),
}
FOREIGN_PHRASES = (
    "新华社",
    "据报道",
    "记者",
    "在此期间",
    "в том числе",
    "по данным",
    "Министерство иностранных дел",
    "وزارة الخارجية",
    "في",
    "について",
    "首相",
    "人民币",
    "ТАСС",
    "خلال",
)


# Latin-script phrases an MT system leaves untranslated: (English phrase it replaces, foreign phrases).
LATIN_REPLACEMENTS: dict[str, tuple[str, ...]] = {
    "the government": ("el gobierno", "le gouvernement", "die Regierung", "il governo", "o governo", "rząd"),
    "the workers": ("los trabajadores", "les travailleurs", "die Arbeiter", "i lavoratori", "os trabalhadores"),
    "the city": ("la ciudad", "la ville", "die Stadt", "la città", "a cidade"),
    "the country": ("el país", "le pays", "das Land", "il paese", "o país"),
    "the company": ("la empresa", "la société", "das Unternehmen", "la società", "a empresa"),
    "the police": ("la policía", "la police", "die Polizei", "la polizia", "a polícia"),
    "the minister": ("el ministro", "le ministre", "der Minister", "il ministro"),
    "the president": ("el presidente", "le président", "der Präsident", "il presidente"),
    "the report": ("el informe", "le rapport", "der Bericht", "il rapporto", "o relatório"),
    "the meeting": ("la reunión", "la réunion", "die Sitzung", "la riunione", "a reunião"),
    "the people": ("el pueblo", "les gens", "die Leute", "la gente", "o povo"),
    "last year": ("el año pasado", "l'année dernière", "letztes Jahr", "l'anno scorso", "no ano passado"),
    "on Monday": ("el lunes", "lundi dernier", "am Montag", "lunedì scorso"),
    "according to": ("según", "selon", "laut", "secondo", "segundo", "według"),
    "however": ("sin embargo", "cependant", "jedoch", "tuttavia", "no entanto"),
    "also": ("también", "aussi", "auch", "anche", "também"),
    "said": ("dijo", "a déclaré", "sagte", "ha detto", "disse", "powiedział"),
}
LATIN_PHRASES = (
    "sin embargo", "por lo tanto", "de acuerdo con", "a través de", "en el marco de",
    "en ce qui concerne", "dans le cadre de", "par rapport à", "à la suite de",
    "im Rahmen der", "in Bezug auf", "nach Angaben der", "im Vergleich zu",
    "nel corso della", "per quanto riguarda", "da parte del",
    "de acordo com", "no âmbito da", "w ramach", "zgodnie z",
)
_LATIN_TARGET_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, LATIN_REPLACEMENTS), key=len, reverse=True)) + r")\b")


def corrupt_codemix(text: str, rng: random.Random) -> Corruption:
    """Leave a short untranslated foreign word or phrase in the English text: another script
    (Cyrillic, CJK, Arabic) or Latin script ("los trabajadores", "im Rahmen der")."""
    words = _words(text)
    if len(words) < 3:
        return _none(text)
    if rng.random() < 0.5:
        targets = list(_LATIN_TARGET_RE.finditer(text))
        if targets and rng.random() < 0.7:
            m = rng.choice(targets)
            return _finish(text, [(m.start(), m.end(), rng.choice(LATIN_REPLACEMENTS[m.group()]))], "codemix")
        m = rng.choice(words[1:])
        phrase = rng.choice(LATIN_PHRASES)
        new, _ = apply_edits(text, [(m.end(), m.end(), " " + phrase)])
        start = m.end() + 1
        return Corruption(text=new, kind="codemix", spans=[(start, start + len(phrase))], original=text)
    known = [m for m in words if m.group().lower() in FOREIGN_WORDS]
    if known and rng.random() < 0.6:
        m = rng.choice(known)
        return _finish(text, [(m.start(), m.end(), rng.choice(FOREIGN_WORDS[m.group().lower()]))], "codemix")
    m = rng.choice(words[1:])
    phrase = rng.choice(FOREIGN_PHRASES)
    if rng.random() < 0.3:
        phrase = f"({phrase})"
    new, _ = apply_edits(text, [(m.end(), m.end(), " " + phrase)])
    start = m.end() + 1
    return Corruption(text=new, kind="codemix", spans=[(start, start + len(phrase))], original=text)


# ---------------------------------------------------------------------------------------------
# Dispatcher and CLI
# ---------------------------------------------------------------------------------------------

CORRUPTORS: dict[str, Callable[[str, random.Random], Corruption]] = {
    "name": corrupt_name,
    "title": corrupt_title,
    "tortured": corrupt_tortured,
    "spin": corrupt_spin,
    "calque": corrupt_calque,
    "drop": corrupt_drop,
    "duplicate": corrupt_duplicate,
    "shuffle": corrupt_shuffle,
    "salad": corrupt_salad,
    "mojibake": corrupt_mojibake,
    "entity": corrupt_entity,
    "dash": corrupt_dash,
    "boilerplate": corrupt_boilerplate,
    "ocr": corrupt_ocr,
    "codemix": corrupt_codemix,
    "lowercase": corrupt_lowercase,
    "typo": corrupt_typo,
}
KINDS: tuple[str, ...] = tuple(CORRUPTORS)


def corrupt(text: str, rng: random.Random, kinds: Sequence[str] | None = None) -> Corruption:
    """Apply one corruption, trying `kinds` (default: all) in random order until one applies.

    Returns kind "none" with the text unchanged when no kind applies.
    """
    names = list(kinds) if kinds else list(KINDS)
    unknown = [k for k in names if k not in CORRUPTORS]
    if unknown:
        raise ValueError(f"unknown corruption kind(s): {', '.join(unknown)}; known: {', '.join(KINDS)}")
    if not text.strip():
        return _none(text)
    rng.shuffle(names)
    for k in names:
        c = CORRUPTORS[k](text, rng)
        if c.kind != "none" and c.text != text:
            return c
    return _none(text)


def _read_inputs(path: Path) -> Iterator[str]:
    name = path.name
    if name.endswith((".jsonl", ".jsonl.gz", ".json")):
        opener = gzip.open if name.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)["text"]
    else:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield line.rstrip("\n")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True, type=Path, help=".txt (one text per line) or .jsonl with a 'text' field")
    ap.add_argument("--out", required=True, type=Path, help="output .jsonl")
    ap.add_argument("--kinds", default="", help=f"comma-separated subset of: {','.join(KINDS)}")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()] or None
    unknown = [k for k in kinds or () if k not in CORRUPTORS]
    if unknown:
        ap.error(f"unknown kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    rng = random.Random(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n = applied = 0
    with args.out.open("w", encoding="utf-8") as out:
        for text in _read_inputs(args.input):
            c = corrupt(text, rng, kinds)
            out.write(json.dumps(c.to_json(), ensure_ascii=False) + "\n")
            n += 1
            applied += c.kind != "none"
    print(f"wrote {n} rows ({applied} corrupted) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
