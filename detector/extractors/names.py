"""Misspelled or mistransliterated names of real people and places ("Anthony Blingen").

Machine translation and bad transliteration leave near-misses of well-known names: "Anthony
Blingen" for Antony Blinken, "Emmanuel Macrone", "Vladimir Poutin", "Jen Stoltenberg", and the
same person spelled two ways in one article. This extractor compares the capitalised words of a
text with a gazetteer of notable people and places (`detector/data/names_gazetteer.json.gz`,
built by `training/build_gazetteer.py`) and flags

- `names.near_miss`: a name one edit (two for long names) away from a notable name that is not
  itself a known name or an English word, anchored by the other half of the name (the first
  name matches or nearly matches, or a political title stands before a lone surname), or a lone
  place name after a preposition ("in Washinton");
- `names.inconsistent`: one rare proper noun spelled two ways in one document (Blinken ...
  Blingen); the minority spelling is flagged.

Spellings are compared on a transliteration "skeleton" (accents dropped, y~i, c~k, doubled
letters single, ks~x, ph~f, kh~h), so Orban/Orbán, Zelensky/Zelenskiy/Zelenskyy and
Gaddafi/Gadafi are one name and never flagged. Precision comes first: a candidate that is a
known name, a place, or an ordinary word (wordfreq Zipf >= 3) is never flagged, nor a full name
whose first name points to a different person, nor a variant that is about as common in English
as the name it resembles ("Mursi"/"Morsi", "Luthuli"/"Lutuli").

Speed: one pass over each passage's capitalised word tokens with cached per-word lookups; the
name run around a word (first name, title) is assembled only for the few rare or distinctive
words that could give a finding.
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import ClassVar

import regex
from wordfreq import zipf_frequency

from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document, Token, tokenize
from .base import Extraction, zeros

GAZETTEER_FILE = "names_gazetteer.json.gz"

NEAR_MISS = Rule(
    "names.near_miss",
    "warning",
    "“{found}” looks like a misspelling of {target}",
    "A name one letter away from a well-known person or place, but not itself a known name or word, "
    "is usually a typo or a garbled transliteration left by machine translation. "
    "Example: “Secretary of State Anthony Blingen” → “Antony Blinken”. "
    "Fix: check the spelling against an authoritative source; add the name to the allow-list if it is right.",
    example="Secretary of State Anthony Blingen met NATO chief Jens Stoltenberg.",
)
INCONSISTENT = Rule(
    "names.inconsistent",
    "warning",
    "“{found}” is spelled “{other}” elsewhere in this text",
    "The same rare name spelled two ways in one text (“Blinken” ... “Blingen”) is a sign of "
    "careless or machine translation; readers cannot tell whether it is one person or two. "
    "Fix: use one spelling throughout (the more frequent one is suggested).",
    example="Blinken arrived on Monday. On Tuesday Blingen met the foreign minister.",
)

# --- thresholds (wordfreq Zipf: 0 unknown, 3 = once per million words, 6 = "the") -----------
# A word at least this frequent is a real word or a common name ("Austin", "Smyth", "Banks");
# misspellings such as "Blingen" (0) or "Poutin" (0) fall far below.
KNOWN_WORD_ZIPF = 3.0
# A near-miss of someone who is not a prominent office-holder must be hardly used at all
# ("Corell", "Magee" and "Kennett" are real surnames).
RARE_SURNAME_ZIPF = 1.5
# A lone place name must be rarer than this, and rarer than its target by PLACE_ZIPF_MARGIN.
LONE_WORD_ZIPF = 2.0
PLACE_ZIPF_MARGIN = 2.0
PLACE_TARGET_MIN_ZIPF = 3.3  # the place must be well known in English ("Houston", not "Maoming")
# Within one document, the minority spelling must be this rare to be called the wrong one.
INCONSISTENT_MAX_ZIPF = 2.0
# Office-holders at least this popular (the build gives 0.95 to the supplement and organisation
# heads, 0.9 to current and 0.7 to past Factbook leaders; people.jsonl has its percentile) are
# "prominent officials": their names are checked on weaker evidence (a lone surname after a
# title, a near-miss first name, two near-misses at once).
PROMINENT_OFFICE_POPULARITY = 0.9
NOTABLE_POPULARITY = 0.5  # other people are targets only when at least this popular
WORD_CACHE_SIZE = 200_000  # distinct tokens whose class is remembered
MIN_SURNAME_CHARS = 4  # skeleton length; "Xi", "Li", "Un" are never compared
MIN_PLACE_CHARS = 5
MIN_INCONSISTENT_CHARS = 5
# A surname shared by more gazetteer people than this ("Johnson", "Lee"), or this common a word,
# is too common for a first-name-only difference to mean a misspelling.
DISTINCTIVE_MAX_PEOPLE = 3
DISTINCTIVE_MAX_ZIPF = 4.0

CONF_SURNAME_NEAR_FIRST_EXACT = 0.85
CONF_SURNAME_NEAR_FIRST_NEAR = 0.75
CONF_FIRST_NEAR = 0.7
CONF_TITLE_SURNAME = 0.7
CONF_PLACE = 0.6
CONF_INCONSISTENT = 0.6

# --- word lists -------------------------------------------------------------------------------
# Lower-case particles inside names ("Ursula von der Leyen"): skipped when pairing first names.
PARTICLES = frozenset("von van der den de del della di da dos das du la le bin ibn al el ben zu y ter ten".split())
# Abbreviations that stand before a name with a period ("Mr.", "Gen.").
ABBREVIATIONS = frozenset("mr mrs ms dr gen sen rep gov prof lt col sgt capt adm maj st jr sr".split())
# Titles and honorifics: they end the first-name search and mark a lone surname as a person's.
TITLE_WORDS = frozenset(
    """
    president premier chancellor minister secretary governor senator congressman congresswoman mr mrs ms
    miss dr gen general king queen prince princess pope mayor ambassador director chairman chairwoman chair
    leader judge justice prosecutor commissioner speaker rep sen sir dame lord lady sheikh emir sultan chief
    envoy spokesman spokeswoman spokesperson deputy vice prof professor colonel col lieutenant lt captain capt
    admiral adm sergeant sgt coach ceo president-elect officer emperor empress tsar czar ayatollah state
    """.split()
)
# Titles after which a lone surname is taken to be an office-holder's ("President Macrone").
POLITICAL_TITLES = frozenset(
    "president premier chancellor minister secretary governor senator king queen pope mayor ambassador "
    "leader commissioner speaker emir sultan ayatollah president-elect".split()
)
# Given-name spellings that are all correct renderings of one name.
GIVEN_NAME_VARIANTS = (
    "mohammed mohammad muhammad mohamed mohamad muhammed mohamud mehmet",
    "ahmed ahmad ahmet",
    "hussein hussain husain husein",
    "abdel abdul abd",
    "yusuf youssef yousef yosef yousif",
    "omar umar",
    "mustafa mostafa",
    "sergei sergey serhiy serhii",
    "alexei aleksei alexey aleksey oleksii oleksiy",
    "andrei andrey andriy andrii",
    "yuri yury yuriy yurii",
    "nikolai nikolay mykola",
    "alexander aleksandr oleksandr alexandr aleksander alyaksandr",
    "mikhail mykhailo",
    "dmitry dmitri dmitriy dmytro",
    "vladimir volodymyr",
    "yevgeny evgeny yevgeniy evgeni",
    "anatoly anatoliy",
    "vitaly vitali vitaliy",
    "valery valeriy valerii",
)
# Family names that come first in Chinese and Korean names ("Wang Liwen"): the given name after
# them is a dense space of real names one syllable apart, so only office-holders are targets.
EAST_ASIAN_FAMILY_NAMES = frozenset(
    """
    wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie
    song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding
    ren shen yao cui zhong tan fan jin shi liao jia xia fu fang bai zou meng xiong qin qiu hou yin xue yan
    duan lei long tao mao hao gu gong shao wan qian hong kong lai kim lee park choi jung kang cho yoon jang
    lim oh seo shin kwon hwang ahn yoo moon son bae baek nam
    """.split()
)
# Words that are part of place names but never a place by themselves.
GENERIC_PLACE_WORDS = frozenset(
    "union republic kingdom states islands island saint city north south east west central new united federal "
    "democratic people's state territory province county district river lake mount port bay".split()
)
# A lone capitalised word is a place near-miss only right after one of these ("in Washinton").
PLACE_PREPOSITIONS = frozenset("in to from at near across around outside inside via into toward towards throughout visit visited visiting".split())

# --------------------------------------------------------------------------------------------
# Spelling normalisation and distance
# --------------------------------------------------------------------------------------------

_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
     "đ": "d", "Đ": "D", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "’": "'", "ʼ": "'", "‘": "'"}
)
_SKELETON_RULES = (
    (regex.compile(r"[^a-z]+"), ""),
    (regex.compile(r"y"), "i"),
    (regex.compile(r"c(?!h)"), "k"),
    (regex.compile(r"ks"), "x"),
    (regex.compile(r"ph"), "f"),
    (regex.compile(r"kh"), "h"),
    (regex.compile(r"(?<=[aeiou])h(?![aeiou])"), ""),
    (regex.compile(r"ae"), "e"),
    (regex.compile(r"(.)\1+"), r"\1"),
)
_VOWELS = frozenset("aeiou")
_PINYIN = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|e|i|o|u)"
_ROMAJI = r"(?:(?:ki|si|ti|ni|hi|mi|ri|gi|bi|pi|sh|ch|ts|[kgsztdnhbpmrwfj])?[aeiou]|n)"
# Skeleton keys made only of Chinese (pinyin) or Japanese (romaji) syllables (y is i in keys):
# different real names and places one letter apart are common there ("Lingao"/"Langao").
_SYLLABIC_RE = regex.compile(rf"^(?:(?:{_PINYIN})+|{_ROMAJI}+)$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case `text` without accents ("Orbán" -> "orban", "Søren" -> "soren")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Transliteration-neutral key of one name token: "Zelenskiy", "Zelenskyy" -> "zelenski"."""
    out = fold(text)
    for pattern, repl in _SKELETON_RULES:
        out = pattern.sub(repl, out)
    return out


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transposition), capped at
    `limit + 1` so callers can stop early on clearly different strings."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        row_min = i
        for j, cb in enumerate(b, 1):
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            row_min = min(row_min, v)
        if row_min > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


@lru_cache(maxsize=65536)
def deletions(key: str) -> frozenset[str]:
    """`key` and every string made by deleting one of its letters (the SymSpell neighbourhood)."""
    return frozenset({key} | {key[:i] + key[i + 1 :] for i in range(len(key))})


def within_one_edit(a: str, b: str) -> bool:
    """Is the OSA distance between `a` and `b` at most 1 (linear time)?"""
    la, lb = len(a), len(b)
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) <= 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(la - lb) != 1:
        return False
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def max_distance(key: str) -> int:
    """Edits allowed between a candidate and a notable name: 1, or 2 for long names."""
    return 2 if len(key) >= 9 else 1


@lru_cache(maxsize=65536)
def english_zipf(word: str) -> float:
    """wordfreq Zipf frequency of `word` in English (0 when unknown)."""
    return zipf_frequency(word, "en")


def is_syllabic(key: str) -> bool:
    """Is the skeleton `key` a string of pinyin or romaji syllables?"""
    return bool(_SYLLABIC_RE.match(key))


_EAST_ASIAN_KEYS = frozenset(skeleton(n) for n in EAST_ASIAN_FAMILY_NAMES)


def _vowel_only_difference(a: str, b: str) -> bool:
    """`a` and `b` differ only in one vowel ("iyad"/"ayad"): the usual noise of transliterating
    Arabic or Persian names, not a misspelling."""
    if len(a) != len(b):
        return False
    diff = [(x, y) for x, y in zip(a, b, strict=False) if x != y]
    return len(diff) == 1 and diff[0][0] in _VOWELS and diff[0][1] in _VOWELS


def _is_inflection(cand: str, target: str) -> bool:
    """"Dempseys" for "Dempsey", "Wale" for "Wales": a plural, genitive or singular form."""
    return cand in (target + "s", target + "es") or target in (cand + "s", cand + "es")


def name_tokens(name: str) -> list[str]:
    """Word tokens of a gazetteer name without initials, particles and suffixes
    ("Joseph R. Biden, Jr." -> ["Joseph", "Biden"])."""
    out = []
    for tok in regex.findall(r"[\p{L}\p{M}'’\-]+\.?", name):
        bare = tok.rstrip(".")
        if len(bare) <= 1 or tok.endswith(".") and len(bare) <= 2:
            continue  # initials
        if bare.lower() in PARTICLES or bare.lower() in {"jr", "sr", "ii", "iii", "iv"}:
            continue
        out.append(bare)
    return out


# --------------------------------------------------------------------------------------------
# The gazetteer
# --------------------------------------------------------------------------------------------

# Bits of Gazetteer.word_class
CANDIDATE = 1  # unknown and rare: may be a near-miss
DISTINCTIVE = 2  # the surname of only a few notable people: its first name is checked
RARE_FORM = 4  # rare proper noun: compared with the document's other spellings


@dataclass(frozen=True, slots=True)
class Person:
    display: str  # canonical full name, the suggestion
    first: str  # skeleton of the first name token
    last: str  # skeleton of the surname token indexed under
    last_display: str  # the surname as written in the indexed form
    popularity: float
    office: bool  # has held a public office or top post (leaders, organisations, supplement)
    alias: bool  # indexed under an alias, not the canonical name

    @property
    def prominent_official(self) -> bool:
        """A current or recent leader or a supplement office-holder (not an obscure deputy)."""
        return self.office and self.popularity >= PROMINENT_OFFICE_POPULARITY


@dataclass(eq=False)  # hashed by identity: one instance per process, a key of the word cache
class Gazetteer:
    """Lookup tables built once per process from the shipped JSON."""

    full_keys: set[str]  # "first last" skeleton pairs of every known person and alias
    by_last: dict[str, list[Person]]  # surname skeleton -> people
    known_tokens: set[str]  # skeletons of every token of every known name, place and organisation
    last_index: dict[str, set[str]]  # deletion neighbourhood of target surnames -> surnames
    place_targets: dict[str, str]  # skeleton of a notable one-word place -> display form
    place_index: dict[str, set[str]]
    given_variant: dict[str, str]  # given-name skeleton -> variant group id
    word_classes: dict[str, int] = field(default_factory=dict)  # token -> class bits (a cache)

    def near_surnames(self, key: str) -> tuple[str, ...]:
        """Notable surnames within `max_distance` of `key` (never `key` itself)."""
        return _near(key, self.last_index)

    def near_places(self, key: str) -> tuple[str, ...]:
        return _near(key, self.place_index)

    def same_given_name(self, a: str, b: str) -> bool:
        ga = self.given_variant.get(a)
        return a == b or (ga is not None and ga == self.given_variant.get(b))

    def classify(self, token: str) -> int:
        """CANDIDATE | DISTINCTIVE | RARE_FORM bits of one token (0 for anything but a
        capitalised word), remembered in `word_classes`."""
        if len(self.word_classes) > WORD_CACHE_SIZE:
            self.word_classes.clear()
        bits = self.word_classes[token] = _word_class(self, token)
        return bits


def _word_class(gaz: Gazetteer, token: str) -> int:
    if not token[:1].isupper() or token.isupper():
        return 0
    word = strip_possessive(token)
    key = skeleton(word)
    if len(key) < MIN_SURNAME_CHARS:
        return 0
    zipf = english_zipf(word)
    bits = 0
    people = gaz.by_last.get(key)
    if people is not None:
        if len({p.display for p in people}) <= DISTINCTIVE_MAX_PEOPLE and zipf < DISTINCTIVE_MAX_ZIPF:
            bits |= DISTINCTIVE
    elif key not in gaz.known_tokens and zipf < KNOWN_WORD_ZIPF:
        bits |= CANDIDATE
    if zipf < KNOWN_WORD_ZIPF and len(key) >= MIN_INCONSISTENT_CHARS:
        bits |= RARE_FORM
    return bits


def _near(key: str, index: dict[str, set[str]]) -> tuple[str, ...]:
    found: set[str] = set()
    for variant in deletions(key):
        hit = index.get(variant)
        if hit:
            found |= hit
    found.discard(key)
    out = []
    for t in found:
        limit = min(max_distance(key), max_distance(t))
        if within_one_edit(key, t) or limit > 1 and edit_distance(key, t, limit) <= limit:
            out.append(t)
    return tuple(sorted(out))


def _add_index(index: dict[str, set[str]], key: str) -> None:
    for variant in deletions(key):
        index.setdefault(variant, set()).add(key)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded and indexed on first use (about half a second)."""
    path = resources.files("detector") / "data" / GAZETTEER_FILE
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return build_gazetteer(data)


def build_gazetteer(data: dict) -> Gazetteer:
    """Index the gazetteer JSON (layout: see training/build_gazetteer.py)."""
    full_keys: set[str] = set()
    by_last: dict[str, list[Person]] = {}
    known_tokens: set[str] = set()
    last_index: dict[str, set[str]] = {}
    for display, popularity, office, aliases in data["people"]:
        for n, form in enumerate((display, *aliases)):
            tokens = name_tokens(form)
            keys = [skeleton(t) for t in tokens]
            known_tokens.update(k for k in keys if k)
            if len(tokens) < 2:
                continue
            first = keys[0]
            for key in keys[1:]:
                full_keys.add(f"{first} {key}")
            last = keys[-1]
            if len(last) >= MIN_SURNAME_CHARS:
                person = Person(display, first, last, tokens[-1], popularity, bool(office), n > 0)
                by_last.setdefault(last, []).append(person)
                if popularity >= NOTABLE_POPULARITY or person.prominent_official:
                    _add_index(last_index, last)  # only possible targets of a near-miss
    place_targets: dict[str, str] = {}
    place_index: dict[str, set[str]] = {}
    for name in data["places"]:
        tokens = name_tokens(name)
        known_tokens.update(skeleton(t) for t in tokens)
        if len(tokens) == 1 and tokens[0][:1].isupper() and fold(tokens[0]) not in GENERIC_PLACE_WORDS:
            key = skeleton(tokens[0])
            if len(key) >= MIN_PLACE_CHARS:
                place_targets.setdefault(key, tokens[0])
                _add_index(place_index, key)
    for name in data["known"]:
        known_tokens.update(skeleton(t) for t in name_tokens(name))
    given_variant = {}
    for i, group in enumerate(GIVEN_NAME_VARIANTS):
        for name in group.split():
            given_variant[skeleton(name)] = str(i)
    return Gazetteer(full_keys, by_last, known_tokens, last_index, place_targets, place_index, given_variant)


# --------------------------------------------------------------------------------------------
# Name runs around a word
# --------------------------------------------------------------------------------------------

_PREFIXED_NAME_RE = regex.compile(r"^(?:al|el|ad|ash|as|ar|an|at|az|abu|bin|ibn)-\p{Lu}")
_RUN_GAP = frozenset(" \t\u00a0")
_MAX_RUN_BACK = 6  # tokens looked at before a surname: "Secretary of State Antony J. Blinken"


@dataclass(frozen=True, slots=True)
class RunToken:
    start: int  # offset into the text the tokens index (document offsets in the extractor)
    end: int
    text: str  # without a possessive 's
    kind: str  # "word", "initial" or "abbr"

    @property
    def key(self) -> str:
        return skeleton(self.text)


def is_name_word(word: str) -> bool:
    """Capitalised and not all capitals ("Blinken", "McDonald", "al-Assad"; not "NATO")."""
    return (word[0].isupper() and not word.isupper()) or bool(_PREFIXED_NAME_RE.match(word))


def strip_possessive(word: str) -> str:
    if word.endswith(("'s", "’s")) and len(word) > 3:
        return word[:-2]
    return word


def _joined(text: str, offset: int, left: Token, right: Token) -> bool:
    """Are two tokens separated by spaces only (no line break, no punctuation)?"""
    gap = text[left.end - offset : right.start - offset]
    return bool(gap) and all(c in _RUN_GAP for c in gap)


def run_ending_at(text: str, tokens: tuple[Token, ...], i: int, offset: int = 0) -> list[RunToken] | None:
    """The capitalised name run whose last word is tokens[i] (first names, initials, "Mr."-style
    abbreviations and particles before it), or None when the run goes on after tokens[i].
    Token offsets minus `offset` index `text`."""
    last = tokens[i]
    if i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if nxt.is_word and _joined(text, offset, last, nxt) and is_name_word(nxt.text):
            return None
    word = strip_possessive(last.text)
    run = [RunToken(last.start, last.start + len(word), word, "word")]
    right = last
    j = i - 1
    particles = 0
    while j >= 0 and i - j <= _MAX_RUN_BACK:
        t = tokens[j]
        if t.text == "." and j > 0 and tokens[j - 1].is_word and tokens[j - 1].end == t.start:
            prev = tokens[j - 1]
            if not _joined(text, offset, t, right):
                break
            if len(prev.text) == 1 and prev.text.isupper():
                kind = "initial"
            elif prev.text.lower() in ABBREVIATIONS:
                kind = "abbr"
            else:
                break
            run.append(RunToken(prev.start, prev.end, prev.text, kind))
            right = prev
            j -= 2
            continue
        if not t.is_word or not _joined(text, offset, t, right):
            break
        if t.text in PARTICLES and particles < 2:
            particles += 1
        elif is_name_word(t.text):
            run.append(RunToken(t.start, t.end, t.text, "word"))
        else:
            break
        right = t
        j -= 1
    run.reverse()
    return run


def _is_title(tok: RunToken) -> bool:
    return fold(tok.text) in TITLE_WORDS


def _first_name_slots(run: list[RunToken], k: int) -> tuple[list[int], bool]:
    """Indices of tokens before run[k] that could be its first name (nearest first, at most
    two words back, skipping initials and particles), and whether a title stands before."""
    slots: list[int] = []
    j = k - 1
    while j >= 0 and len(slots) < 2:
        tok = run[j]
        if tok.kind == "abbr" or tok.kind == "word" and _is_title(tok):
            return slots, True
        if tok.kind == "word" and fold(tok.text) not in PARTICLES:
            slots.append(j)
        j -= 1
    return slots, False


# --------------------------------------------------------------------------------------------
# The checks
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NameHit:
    start: int
    end: int
    target: str  # the suggestion
    confidence: float


def _first_name_matches(gaz: Gazetteer, cand: str, target: str) -> int:
    """0: same given name (or an accepted variant), 1: one edit away, 2: different."""
    if gaz.same_given_name(cand, target):
        return 0
    if len(cand) >= 3 and len(target) >= 3 and within_one_edit(cand, target):
        return 1
    return 2


def _surname_rare_enough(cand: str, target: str, prominent: bool) -> bool:
    """A misspelling is no commoner than the name it garbles and, unless the target is a
    prominent official whose name is in the news ("Olaf Scholtz"), hardly used at all."""
    z = english_zipf(cand)
    return z <= english_zipf(target) and z < (KNOWN_WORD_ZIPF if prominent else RARE_SURNAME_ZIPF)


# A first name this common ("John", "Mary") is shared by so many people that a surname near-miss
# after it is only flagged when the surname is hardly used at all ("John Mealey" is real).
COMMON_FIRST_NAME_ZIPF = 4.0
# Both first name and surname one edit off ("Anthony Blingen"): the surname must be unseen.
DOUBLE_MISS_MAX_ZIPF = 1.0


def check_surname(gaz: Gazetteer, run: list[RunToken], word_class: int) -> NameHit | None:
    """Is the last word of `run` (with the first name before it) a near-miss of a notable
    person's name?"""
    k = len(run) - 1
    tok = run[k]
    slots, titled = _first_name_slots(run, k)
    if word_class & DISTINCTIVE:
        return _check_first_name(gaz, run, slots, gaz.by_last[tok.key])
    if slots:
        near = gaz.near_surnames(tok.key)
        return _check_full_name(gaz, run, slots, near) if near else None
    if titled and k > 0 and fold(run[k - 1].text) in POLITICAL_TITLES:
        near = gaz.near_surnames(tok.key)
        return _check_titled_surname(gaz, tok, near) if near else None
    return None


def _check_full_name(gaz: Gazetteer, run: list[RunToken], slots: list[int], near: list[str]) -> NameHit | None:
    """Unknown surname one edit from a notable one, with a first name that matches that person's."""
    tok = run[-1]
    for j in reversed(slots):  # the farthest first: "Recep Tayyip Erdogen", not "Tayyip Erdogen"
        cand = run[j].key
        best: tuple[float, Person, int] | None = None
        for last in near:
            for person in gaz.by_last[last]:
                match = _first_name_matches(gaz, cand, person.first)
                if match == 2 or _is_inflection(tok.key, person.last):
                    continue
                if person.last[0] != tok.key[0]:
                    continue  # misspellings keep the first letter: "Mealey" is not "Healey"
                prominent = person.prominent_official and english_zipf(run[j].text) < COMMON_FIRST_NAME_ZIPF
                if not _surname_rare_enough(tok.text, person.last_display, prominent):
                    continue
                if match == 1 and english_zipf(tok.text) >= DOUBLE_MISS_MAX_ZIPF:
                    continue
                if not person.prominent_official and (match == 1 or cand in _EAST_ASIAN_KEYS or person.popularity < NOTABLE_POPULARITY):
                    continue  # two near-misses, a dense name space, or a little-known target
                score = (2 - match) + person.popularity
                if best is None or score > best[0]:
                    best = (score, person, match)
        if best is not None:
            _, person, match = best
            conf = CONF_SURNAME_NEAR_FIRST_EXACT if match == 0 else CONF_SURNAME_NEAR_FIRST_NEAR
            return NameHit(run[j].start, tok.end, person.display, conf)
    return None


def _check_titled_surname(gaz: Gazetteer, tok: RunToken, near: list[str]) -> NameHit | None:
    """A lone surname after a political title ("President Macrone"): prominent officials only."""
    officials = {
        p.last_display
        for last in near
        for p in gaz.by_last[last]
        if p.prominent_official and not p.alias and not _is_inflection(tok.key, p.last)
    }
    if len(officials) != 1:
        return None
    target = next(iter(officials))
    if not _surname_rare_enough(tok.text, target, False):
        return None
    return NameHit(tok.start, tok.end, target, CONF_TITLE_SURNAME)


def _check_first_name(gaz: Gazetteer, run: list[RunToken], slots: list[int], people: list[Person]) -> NameHit | None:
    """The surname is known and distinctive: flag a first name one edit away from that of its
    only prominent bearer ("Jen Stoltenberg"), unless the full name is known."""
    tok = run[-1]
    for j in slots:
        if f"{run[j].key} {tok.key}" in gaz.full_keys:
            return None
    if not slots:
        return None
    cand_tok = run[slots[0]]
    cand = cand_tok.key
    if cand_tok.text.isupper() or cand in _EAST_ASIAN_KEYS or english_zipf(cand_tok.text) >= DISTINCTIVE_MAX_ZIPF + 1:
        return None
    matches = {
        p.display
        for p in people
        if p.prominent_official
        and _first_name_matches(gaz, cand, p.first) == 1
        and not _vowel_only_difference(fold(cand_tok.text), fold(p.display.split()[0]))
    }
    if len(matches) != 1:
        return None
    return NameHit(cand_tok.start, tok.end, matches.pop(), CONF_FIRST_NEAR)


def check_place(gaz: Gazetteer, run: list[RunToken], text: str, offset: int) -> NameHit | None:
    """A one-word run right after a preposition that is a near-miss of a well-known place
    ("in Washinton")."""
    if len(run) != 1:
        return None
    tok = run[0]
    key = tok.key
    if len(key) < MIN_PLACE_CHARS:
        return None
    z = english_zipf(tok.text)
    if z >= LONE_WORD_ZIPF or text[tok.end - offset : tok.end - offset + 1] in ("'", "’"):
        return None  # "at Sufaat's": a person's
    before = text[max(0, tok.start - offset - 12) : tok.start - offset].split()
    if not before or before[-1].lower() not in PLACE_PREPOSITIONS:
        return None
    near = [
        t
        for t in gaz.near_places(key)
        if t[0] == key[0]
        and not (t.startswith(key) or key.startswith(t))
        and english_zipf(gaz.place_targets[t]) >= max(z + PLACE_ZIPF_MARGIN, PLACE_TARGET_MIN_ZIPF)
    ]
    if len(near) != 1:
        return None
    return NameHit(tok.start, tok.end, gaz.place_targets[near[0]], CONF_PLACE)



@dataclass
class _Form:
    """One spelling of a rare proper noun in a document, and where it occurs."""

    text: str
    key: str
    spans: list[tuple[int, int]]


def scan_passage(
    gaz: Gazetteer, text: str, tokens: tuple[Token, ...], offset: int = 0, forms: dict[str, _Form] | None = None
) -> list[NameHit]:
    """Near-miss hits among `tokens` (offsets minus `offset` index `text`); rare proper nouns
    are added to `forms` for the consistency check."""
    hits: list[NameHit] = []
    classes = gaz.word_classes
    for i, t in enumerate(tokens):
        bits = classes.get(t.text)
        if bits is None:
            bits = gaz.classify(t.text)
        if not bits:
            continue
        word = strip_possessive(t.text)
        if forms is not None and bits & RARE_FORM and "." not in word:
            label = fold(word)
            form = forms.get(label)
            if form is None:
                form = forms[label] = _Form(word, skeleton(word), [])
            form.spans.append((t.start, t.start + len(word)))
        if bits & (CANDIDATE | DISTINCTIVE):
            run = run_ending_at(text, tokens, i, offset)
            if run is None:
                continue
            hit = check_surname(gaz, run, bits)
            if hit is None and bits & CANDIDATE:
                hit = check_place(gaz, run, text, offset)
            if hit is not None:
                hits.append(hit)
    return hits


def passage_hits(gaz: Gazetteer, text: str) -> list[NameHit]:
    """Near-miss hits in a plain string (offsets into `text`); for tests and exploration."""
    return scan_passage(gaz, text, tokenize(text))


# --------------------------------------------------------------------------------------------
# Consistency inside one document
# --------------------------------------------------------------------------------------------


def inconsistent_spellings(gaz: Gazetteer, forms: dict[str, _Form], skip: list[tuple[int, int]]) -> list[tuple[int, int, str, str]]:
    """(start, end, found, majority form) for every occurrence of the minority spelling of a
    rare name that the document also spells another way (one edit apart on the skeleton)."""
    if len(forms) < 2:
        return []
    # Two spellings worth comparing share their first and last letter (see _wrong_of_pair):
    # only forms within such a group are compared, pairwise.
    groups: dict[tuple[str, str], list[_Form]] = {}
    for form in forms.values():
        groups.setdefault((form.key[0], form.key[-1]), []).append(form)
    out = []
    for group in groups.values():
        if len(group) < 2:
            continue
        for form in group:
            for other in group:
                if other is form or other.key == form.key or abs(len(other.key) - len(form.key)) > 1:
                    continue
                if _wrong_of_pair(gaz, form, other) is not form:
                    continue
                for start, end in form.spans:
                    if not any(s < end and start < e for s, e in skip):
                        out.append((start, end, form.text, other.text))
                break
    return out


def _wrong_of_pair(gaz: Gazetteer, a: _Form, b: _Form) -> _Form | None:
    """The spelling to flag of two forms one edit apart, or None when both may be right."""
    if a.key[0] != b.key[0] or not within_one_edit(a.key, b.key):
        return None
    if a.key[-1] != b.key[-1] or a.key.startswith(b.key) or b.key.startswith(a.key):
        return None  # inflections and derived forms: "Kazakhs", "Russian", "Svobodná"/"Svoboda"
    if is_syllabic(a.key) and is_syllabic(b.key):
        return None  # pinyin or romaji: "Lingao"/"Langao", "Tonosaki"/"Tonozaki" are different places
    a_known, b_known = a.key in gaz.known_tokens, b.key in gaz.known_tokens
    if a_known and b_known:
        return None  # Johnson/Jonson: two real names
    if a_known != b_known:
        wrong = b if a_known else a
    elif len(a.spans) != len(b.spans):
        wrong = a if len(a.spans) < len(b.spans) else b
    else:
        return None
    if english_zipf(wrong.text) >= INCONSISTENT_MAX_ZIPF:
        return None
    return wrong


# --------------------------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------------------------


class NamesExtractor:
    name: ClassVar[str] = "names"
    feature_names: ClassVar[tuple[str, ...]] = ("near_miss", "inconsistent", "max_confidence")
    rules: ClassVar[tuple[Rule, ...]] = (NEAR_MISS, INCONSISTENT)

    def extract(self, doc: Document, config: Config) -> Extraction:
        features = zeros(doc, len(self.feature_names))
        if not doc.passages:
            return Extraction(features, ())
        gaz = gazetteer()
        findings: list[Finding] = []
        flagged: list[tuple[int, int]] = []
        forms: dict[str, _Form] = {}
        for i, passage in enumerate(doc.passages):
            for hit in scan_passage(gaz, passage.text, passage.tokens, passage.start, forms):
                found = doc.text[hit.start : hit.end]
                if config.is_allowed(found):
                    continue
                msg = NEAR_MISS.message.format(found=found, target=hit.target)
                findings.append(NEAR_MISS.finding(doc.text, hit.start, hit.end, msg, hit.target, hit.confidence))
                flagged.append((hit.start, hit.end))
                features[i, 0] += 1
                features[i, 2] = max(features[i, 2], hit.confidence)
        for start, end, found, other in inconsistent_spellings(gaz, forms, flagged):
            if config.is_allowed(found):
                continue
            msg = INCONSISTENT.message.format(found=found, other=other)
            findings.append(INCONSISTENT.finding(doc.text, start, end, msg, other, CONF_INCONSISTENT))
            p = doc.passage_at(start)
            features[p, 1] += 1
            features[p, 2] = max(features[p, 2], CONF_INCONSISTENT)
        return Extraction(features, tuple(findings))
