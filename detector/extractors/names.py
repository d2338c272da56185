"""Misspelled or mistransliterated names of real people and places ("Anthony Blingen").

Machine translation, bad transliteration and typing leave near-misses of well-known names:
"Anthony Blingen" for Antony Blinken, "Emmanuel Macrone", "Vladimir Poutin", "Jen Stoltenberg",
"Donald Trrump", "Dnoald Trump", and the same person spelled two ways in one article. This
extractor compares the capitalised words of a text with a gazetteer of notable people and
places (`detector/data/names_gazetteer.json.gz`, built by `training/build_gazetteer.py`) and
flags

- `names.near_miss`:
  - a surname one edit (two for long names) away from a notable one that is not itself a known
    name or an English word, anchored by the first name (it matches, or nearly matches for
    office-holders) or by a political title before a lone surname ("President Macrone");
  - a first name one edit away from that of a famous bearer of the surname that follows, when
    the first name is spelled like no name and no word at all ("Dnoald Trump", "Johnnj Depp");
  - a known full name with a slip the skeleton hides, a doubled or single letter or (for names
    written in Latin letters or pinyin) y for i and the like ("Barack Obamma", "Xi Jinpyng");
  - a lone surname that repeats a misspelling found with its first name elsewhere in the
    document ("Donald Trrump ... Trrump's campaign"), or is a slip in the surname of someone
    the document names in full, or of one of the few hundred best-known people ("Puthin");
  - a lone place name after a preposition ("in Washinton");
  - a famous person's exact first name before a real surname one slip from theirs ("Tim Cooke",
    "Olaf Schultz", "Serena Williamson") when the text shows the famous one is meant: a word of
    their office, organisation, country or field next to the name ("Apple chief executive Tim
    Cooke", "German Chancellor Olaf Schultz", "tennis star Novak Djokovich"), or their right
    full name elsewhere in the document; and a plural of the surname that is no word at all
    ("Keir Starmers"). See `check_in_context`;
- `names.inconsistent`: one rare proper noun spelled two ways in one document (Blinken ...
  Blingen); the minority spelling is flagged.

Spellings are compared on a transliteration "skeleton" (accents dropped, y~i, c~k, doubled
letters single, ks~x, ph~f, kh~h), so Orban/Orbán, Zelensky/Zelenskiy/Zelenskyy and
Gaddafi/Gadafi are one name and never flagged as near-misses; skeleton-equal slips are only
taken for people whose names have one Latin spelling (the gazetteer marks names transliterated
from Arabic-script and Hebrew, or romanised from Cyrillic, Greek or Korean). Precision comes
first: a candidate that is a known name, a place, or an ordinary word (wordfreq Zipf >= 3) is
never flagged, nor a full name whose first name points to a different person, nor a variant
that is about as common in English as the name it resembles ("Mursi"/"Morsi").

The gazetteer's context words come from the Factbook, organisations.tsv, the build's
SUPPLEMENT (titles, organisations, countries and demonyms) and a table of fields per occupation
(people.jsonl), with a hand list of recent sports stars (training/build_gazetteer.py).

Speed: one pass over each passage's word tokens with cached per-word class bits; the name run
around a word (first name, title) is assembled only for the few rare or distinctive words that
could give a finding. The gazetteer ships compiled (keys precomputed): it loads in about 35 ms,
and the surname index is built at the first near-miss look-up (about 20 ms).
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import ClassVar, NamedTuple

import regex

from .. import lexicon
from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document, Token, tokenize
from .base import Extraction, zeros

GAZETTEER_FILE = "names_gazetteer.json.gz"
GAZETTEER_VERSION = 2  # layout of the compiled file (see compile_gazetteer)

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
# Below this a word is unknown to wordfreq (its rarest listed words are about 1.0): "Trrump",
# "Dnoald". Unknown spellings of known names are flagged on weaker evidence.
UNSEEN_ZIPF = 1.0
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
MIN_SURNAME_CHARS = 4  # skeleton length of a possible misspelling; "Xi", "Li", "Un" are never compared
MIN_KNOWN_SURNAME_CHARS = 3  # a known surname whose first name is checked ("Depp" -> "dep")
MIN_PLACE_CHARS = 5
MIN_INCONSISTENT_CHARS = 5
MIN_LONE_CHARS = 5  # a lone surname ("Puthin") or a changed first letter needs this skeleton length
# A surname shared by more gazetteer people than this ("Johnson", "Lee"), or this common a word,
# is too common for a first-name-only difference to mean a misspelling.
DISTINCTIVE_MAX_PEOPLE = 3
DISTINCTIVE_MAX_ZIPF = 4.0

CONF_SURNAME_NEAR_FIRST_EXACT = 0.85
CONF_SURNAME_NEAR_FIRST_NEAR = 0.75
CONF_FIRST_NEAR = 0.7
CONF_TITLE_SURNAME = 0.7
CONF_PLACE = 0.6
CONF_UNKNOWN_FIRST = 0.8  # "Dnoald Trump": a first name spelled like no name at all
CONF_HIDDEN_SLIP = 0.8  # "Donald Trrump", "Kamala Haris": a slip the skeleton hides
CONF_REPEAT = 0.8  # a lone repeat of a misspelled surname found with its first name
CONF_LONE_FAMOUS = 0.65  # "Puthin said"
CONF_LONE_NAMED = 0.75  # "Mike Pompeo ... Pommpeo"
CONF_INCONSISTENT = 0.6
CONF_FAMOUS_FIRST_NAME = 0.7  # "Jeff Besos": a famous first name before a rare near-miss of the surname
CONF_CONTEXT = 0.7  # "German Chancellor Olaf Schultz": a real surname, but the context names the famous one

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
# Chinese and Korean given names as skeleton keys ("jinping", "jongun", "jaein"): one or two
# syllables.
_EAST_ASIAN_GIVEN_RE = regex.compile(
    rf"^(?:(?:{_PINYIN}){{1,2}}"
    r"|(?:(?:ch|[gkndtrlmbpsjhw])?(?:ieo|wa|wo|we|wi|ui|eo|eu|ae|oe|ia|io|iu|ie|a|e|i|o|u)(?:ng|n|m|l|k|p|t)?){1,2})$"
)


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
    return lexicon.zipf(word)


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
    """"Dempseys" for "Dempsey", "Wale" for "Wales": a plural, genitive or singular form (of
    skeleton keys: "sunax" is "Sunaks")."""
    return cand in (target + "s", target + "es", skeleton(target + "s")) or target in (cand + "s", cand + "es", skeleton(cand + "s"))


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
# The shipped file is already compiled (see compile_gazetteer, called by
# training/build_gazetteer.py): skeleton keys, the set of known tokens and the rows of every
# surname are stored as they are used, so loading is one gzip.decompress + json.loads and a
# few str.split calls (about 40 ms) instead of re-deriving keys for 20,000 names.

# Bits of a person row's flags
F_OFFICE = 1  # held a public office or top post (leaders, organisations, supplement)
F_ALIAS = 2  # this row is indexed under an alias, not the canonical name
F_FAMOUS = 4  # among the best-known living or recent people: a lone surname is checked
F_TRANSLIT = 8  # name transliterated from a script whose doubled letters vary (Arabic, Persian, Hebrew)
F_ROMANISED = 16  # name romanised from another script in several ways (Cyrillic, Greek, Korean): y/i, ks/x vary

# Bits of Gazetteer.word_class
CANDIDATE = 1  # unknown and rare: may be a near-miss
DISTINCTIVE = 2  # the surname of only a few notable people: its first name is checked
RARE_FORM = 4  # rare proper noun: compared with the document's other spellings
VARIANT = 8  # spelled like no known name but with a known skeleton ("Trrump"): a doubled-letter slip
KNOWN_SURNAME = 16  # the surname of a famous person: its first name may be misspelled ("Dnoald Trump")
TARGET_SURNAME = 32  # the surname of a notable person, spelled right: a full-name mention is noted
SLIP_FORM = 64  # a known skeleton spelled like no known name ("Puttin"): VARIANT when also no word
OTHER_SPELLING = 128  # a famous surname's skeleton, spelled otherwise ("Haris" for Kamala Harris)
NEAR_FAMOUS = 256  # a rarish word or minor name one letter from a famous surname ("Besos", "Muks", "Arden"): checked with its first name
FAMOUS_FIRST = 512  # the first name of a famous person with context words ("Olaf", "Tim"): the surname after it is checked


class Person(NamedTuple):
    display: str  # canonical full name, the suggestion
    first: str  # skeleton of the first name token
    last: str  # skeleton of the surname token indexed under
    last_display: str  # the surname as written in the indexed form
    popularity: float
    flags: int

    @property
    def office(self) -> bool:
        return bool(self.flags & F_OFFICE)

    @property
    def alias(self) -> bool:
        return bool(self.flags & F_ALIAS)

    @property
    def famous(self) -> bool:
        """One of the few hundred best-known living or recent people (F_FAMOUS)."""
        return bool(self.flags & F_FAMOUS)

    @property
    def prominent_official(self) -> bool:
        """A current or recent leader or a supplement office-holder (not an obscure deputy)."""
        return bool(self.flags & F_OFFICE) and self.popularity >= PROMINENT_OFFICE_POPULARITY

    @property
    def target(self) -> bool:
        """Can a near-miss point to this person?"""
        return self.popularity >= NOTABLE_POPULARITY or self.prominent_official


class ContextPerson(NamedTuple):
    """A famous person or prominent office-holder with the words that show a text means them."""

    display: str  # canonical full name, the suggestion
    first: str  # folded first name ("olaf")
    last: str  # folded surname ("scholz")
    last_display: str  # the surname as written ("Scholz")
    flags: int
    words: frozenset[str]  # folded words of their office, organisation, country or field


class Gazetteer:
    """Lookup tables of the compiled gazetteer, loaded once per process.

    `people(key)` gives the people with a surname skeleton; `near_surnames(key)` the target
    surnames one edit (two for long names) away, through a deletion index built on first use."""

    def __init__(self, data: dict) -> None:
        if data.get("version") != GAZETTEER_VERSION:
            raise ValueError(f"{GAZETTEER_FILE}: layout {data.get('version')}, expected {GAZETTEER_VERSION}; rebuild it")
        self._rows: dict[str, list[list]] = data["people"]  # surname skeleton -> raw rows of possible targets
        self._others: dict[str, int] = data["others"]  # surname skeleton -> number of other notable people
        self._people: dict[str, tuple[Person, ...]] = {}
        self.full_keys = set(data["full_keys"].split("\n"))  # "first last" skeletons of every known person
        self.known_tokens = set(data["known_tokens"].split())  # skeletons of every name, place and org token
        self.surfaces = set(data["surfaces"].split())  # folded spellings of the same tokens
        self._targets = data["targets"].split()  # surname skeletons a near-miss may point to
        self.place_targets: dict[str, str] = dict(data["places"])  # one-word notable place skeleton -> display
        self.given_variant = {skeleton(n): str(i) for i, group in enumerate(GIVEN_NAME_VARIANTS) for n in group.split()}
        self.word_classes: dict[str, int] = {}  # token -> class bits (a cache)
        self._last_index: dict[str, list[str]] | None = None
        self._place_index: dict[str, list[str]] | None = None
        # folded first name -> famous people with context words (see check_in_context)
        self.context_first: dict[str, list[ContextPerson]] = {}
        for display, first, last, last_display, flags, words in data.get("context", ()):
            person = ContextPerson(display, first, last, last_display, flags, frozenset(words.split()))
            self.context_first.setdefault(first, []).append(person)
        self._context_cache: dict[tuple[str, str], tuple[tuple[ContextPerson, str], ...]] = {}

    def people(self, last: str) -> tuple[Person, ...]:
        """People a near-miss may point to (`Person.target`) whose surname (or an alias's) has
        the skeleton `last`, most popular first."""
        got = self._people.get(last)
        if got is None:
            got = self._people[last] = tuple(Person(d, f, last, ld, p, fl) for d, f, ld, p, fl in self._rows.get(last, ()))
        return got

    def is_surname(self, key: str) -> bool:
        return key in self._rows or key in self._others

    def bearers(self, last: str) -> int:
        """How many notable people (targets or not) have the surname skeleton `last`."""
        return len({p.display for p in self.people(last)}) + self._others.get(last, 0)

    def near_surnames(self, key: str) -> tuple[str, ...]:
        """Target surnames within `max_distance` of `key` (never `key` itself)."""
        if self._last_index is None:
            with without_gc():
                self._last_index = _deletion_index(self._targets)
        return _near(key, self._last_index)

    def near_places(self, key: str) -> tuple[str, ...]:
        if self._place_index is None:
            self._place_index = _deletion_index(self.place_targets)
        return _near(key, self._place_index)

    def same_given_name(self, a: str, b: str) -> bool:
        ga = self.given_variant.get(a)
        return a == b or (ga is not None and ga == self.given_variant.get(b))

    def is_unknown(self, word: str) -> bool:
        """Is `word` spelled like no name we know and no English word at all ("Dnoald")?"""
        return english_zipf(word) < UNSEEN_ZIPF and fold(word) not in self.surfaces

    def context_targets(self, first: str, last: str) -> tuple[tuple[ContextPerson, str], ...]:
        """((person, kind),) when the name "<first> <last>" (both written as in the text) is one
        real-word slip from one famous person's name with that exact first name, else (). kind:
        "plural" ("Keir Starmers"), "near" (one edit: "Tim Cooke") or "far" (two edits in a long
        surname: "Serena Williamson", "Olaf Schultz")."""
        key = (first, last)  # as written: no folding on the fast path
        got = self._context_cache.get(key)
        if got is None:
            if len(self._context_cache) > WORD_CACHE_SIZE:
                self._context_cache.clear()
            got = self._context_cache[key] = _context_targets(self, first, last)
        return got

    def classify(self, token: str) -> int:
        """CANDIDATE | DISTINCTIVE | RARE_FORM | VARIANT | KNOWN_SURNAME bits of one token (0 for
        anything but a capitalised word), remembered in `word_classes`."""
        if len(self.word_classes) > WORD_CACHE_SIZE:
            self.word_classes.clear()
        bits = self.word_classes[token] = _word_class(self, token)
        return bits


def _word_class(gaz: Gazetteer, token: str) -> int:
    bits = _name_class(gaz, token)
    if token[:1].isupper() and fold(token) in gaz.context_first:
        bits |= FAMOUS_FIRST
    return bits


def _name_class(gaz: Gazetteer, token: str) -> int:
    if not token[:1].isupper() or token.isupper():
        return 0
    word = strip_possessive(token)
    key = skeleton(word)
    if len(key) < MIN_KNOWN_SURNAME_CHARS:
        return 0
    zipf = english_zipf(word)
    bits = 0
    people = gaz.people(key)
    if len(key) < MIN_SURNAME_CHARS:
        if any(p.famous or p.prominent_official or p.popularity >= FIRST_NAME_TARGET_POPULARITY for p in people):
            return KNOWN_SURNAME
        return NEAR_FAMOUS if _near_famous(gaz, word, key, zipf) else 0
    if gaz.is_surname(key):
        if fold(word) in gaz.surfaces and people:
            bits |= TARGET_SURNAME
        if gaz.bearers(key) <= DISTINCTIVE_MAX_PEOPLE and zipf < DISTINCTIVE_MAX_ZIPF:
            bits |= DISTINCTIVE
        if any(p.famous or p.prominent_official or p.popularity >= FIRST_NAME_TARGET_POPULARITY for p in people):
            bits |= KNOWN_SURNAME
            if fold(word) not in {fold(p.last_display) for p in people if p.famous or p.prominent_official}:
                bits |= OTHER_SPELLING
    elif key not in gaz.known_tokens and zipf < KNOWN_WORD_ZIPF:
        bits |= CANDIDATE
    if key in gaz.known_tokens and fold(word) not in gaz.surfaces:
        bits |= SLIP_FORM | (VARIANT if zipf < UNSEEN_ZIPF else 0)
    if zipf < KNOWN_WORD_ZIPF and len(key) >= MIN_INCONSISTENT_CHARS:
        bits |= RARE_FORM
    if not people and _near_famous(gaz, word, key, zipf):
        bits |= NEAR_FAMOUS
    return bits


def _famous_surname_keys_near(gaz: Gazetteer, word: str, key: str) -> tuple[str, ...]:
    """Surname skeletons of targets near `word`: by skeleton, or by spelling when the skeleton
    is too short to compare ("Muks" -> "mux", but "muks" is one swap from "musk")."""
    if len(key) >= MIN_SURNAME_CHARS:
        return gaz.near_surnames(key)
    folded = fold(word)
    return gaz.near_surnames(folded) if folded.isalpha() and len(folded) >= MIN_SURNAME_CHARS else ()


def _near_famous(gaz: Gazetteer, word: str, key: str, zipf: float) -> bool:
    """Is `word` rare (a misspelling, or a little-known name or word such as "Besos") and one
    letter from the surname of a famous person or prominent official, first letter kept?"""
    if zipf >= RARE_FIRST_SLIP_MAX_ZIPF:
        return False
    folded = fold(word)
    return any(_famous_slip_of(p, folded, key) for last in _famous_surname_keys_near(gaz, word, key) for p in gaz.people(last))


def _famous_slip_of(person: Person, folded: str, key: str) -> bool:
    """Is the folded word `folded` (skeleton `key`) one letter from the surname of `person`, a
    famous person or prominent official whose name has one Latin spelling? One letter changed,
    added, dropped or swapped, the first letter kept, not an inflection, and not a spelling the
    skeleton equates (transliteration variants: "Gadafi", "Zelenskiy")."""
    if not (person.famous or person.prominent_official) or person.alias or person.flags & (F_TRANSLIT | F_ROMANISED):
        return False
    right = fold(person.last_display)
    return (
        folded != right
        and key != person.last
        and folded[:1] == right[:1]
        and within_one_edit(folded, right)
        and not _is_inflection(folded, right)
    )


def _near(key: str, index: dict[str, list[str]]) -> tuple[str, ...]:
    found: set[str] = set()
    for variant in deletions(key):
        hit = index.get(variant)
        if hit:
            found.update(hit)
    found.discard(key)
    out = []
    for t in found:
        limit = min(max_distance(key), max_distance(t))
        if within_one_edit(key, t) or limit > 1 and edit_distance(key, t, limit) <= limit:
            out.append(t)
    return tuple(sorted(out))


def _deletion_index(keys: Iterable[str]) -> dict[str, list[str]]:
    """Every key and every one-letter deletion of it -> the keys (the SymSpell index)."""
    index: dict[str, list[str]] = {}
    for key in keys:
        index.setdefault(key, []).append(key)
        for i in range(len(key)):
            index.setdefault(key[:i] + key[i + 1 :], []).append(key)
    return index


without_gc = lexicon.without_gc  # (roles imports it from here)


def load_data_json(name: str) -> dict:
    """A gzipped JSON file of detector/data, parsed."""
    with without_gc():
        return json.loads(gzip.decompress((resources.files("detector") / "data" / name).read_bytes()))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded on first use (about 35 ms, and 20 ms more for the surname index
    at the first near-miss look-up)."""
    data = load_data_json(GAZETTEER_FILE)
    with without_gc():
        return Gazetteer(data)


def compile_gazetteer(
    people: Iterable[tuple[str, float, int, Sequence[str]]],
    places: Iterable[str],
    known: Iterable[str],
    context: Iterable[tuple[str, int, Sequence[str]]] = (),
) -> dict:
    """The shipped layout (without "meta") from (display name, popularity, F_* flags, aliases)
    rows, notable place names, other known names and (display name, F_* flags, context words)
    of famous people; training/build_gazetteer.py writes it. Keys are skeletons, so the file
    must be rebuilt whenever `skeleton` changes."""
    rows: dict[str, list[list]] = {}
    others: dict[str, set[str]] = {}  # surname skeleton -> less known people (not targets)
    full_keys: set[str] = set()
    known_tokens: set[str] = set()
    surfaces: set[str] = set()
    targets: set[str] = set()
    for display, popularity, flags, aliases in people:
        for n, form in enumerate((display, *aliases)):
            tokens = name_tokens(form)
            keys = [skeleton(t) for t in tokens]
            known_tokens.update(k for k in keys if k)
            surfaces.update(fold(t) for t in tokens)
            if len(tokens) < 2:
                continue
            first = keys[0]
            full_keys.update(f"{first} {key}" for key in keys[1:])
            last = keys[-1]
            if len(last) < MIN_KNOWN_SURNAME_CHARS:
                continue
            person = Person(display, first, last, tokens[-1], popularity, flags | (F_ALIAS if n else 0))
            if not person.target:  # only counted: "Stoltenberg" is the surname of one notable person
                others.setdefault(last, set()).add(display)
                continue
            rows.setdefault(last, []).append([display, first, tokens[-1], popularity, person.flags])
            if len(last) >= MIN_SURNAME_CHARS:
                targets.add(last)
    place_targets: dict[str, str] = {}
    for name in places:
        tokens = name_tokens(name)
        known_tokens.update(skeleton(t) for t in tokens)
        surfaces.update(fold(t) for t in tokens)
        if len(tokens) == 1 and tokens[0][:1].isupper() and fold(tokens[0]) not in GENERIC_PLACE_WORDS:
            key = skeleton(tokens[0])
            if len(key) >= MIN_PLACE_CHARS:
                place_targets.setdefault(key, tokens[0])
    for name in known:
        tokens = name_tokens(name)
        known_tokens.update(skeleton(t) for t in tokens)
        surfaces.update(fold(t) for t in tokens)
    for group in rows.values():
        group.sort(key=lambda r: -r[3])
    context_rows = []
    for display, flags, words in context:
        tokens = name_tokens(display)
        if len(tokens) < 2 or len(fold(tokens[-1])) < MIN_SURNAME_CHARS or skeleton(tokens[0]) in _EAST_ASIAN_KEYS:
            continue  # "Xi Jinping", "Kim Jong Un": family name first
        context_rows.append([display, fold(tokens[0]), fold(tokens[-1]), tokens[-1], flags, " ".join(sorted(words))])
    return {
        "version": GAZETTEER_VERSION,
        "people": rows,
        "others": {last: len(names - {r[0] for r in rows.get(last, ())}) for last, names in sorted(others.items())},
        "full_keys": "\n".join(sorted(full_keys)),
        "known_tokens": " ".join(sorted(k for k in known_tokens if k)),
        "surfaces": " ".join(sorted(s for s in surfaces if s and " " not in s)),
        "targets": " ".join(sorted(targets)),
        "places": sorted(place_targets.items()),
        "context": context_rows,
    }


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
        possessive = last.text.endswith(("'s", "’s"))  # "Turmp's Campaign Rally": the name ends
        if nxt.is_word and not possessive and _joined(text, offset, last, nxt) and is_name_word(nxt.text):
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
    wrong_surname: str = ""  # folded misspelled surname of a full-name hit: its lone repeats are flagged too
    right_surname: str = ""


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


# With the first name spelled exactly, a famous person's or prominent official's surname may be
# garbled into a rare real word or name: "Donald Trum", "Ursula von der Leyden" (Leyden is a
# place), "Emmanuel Macroon". The slip must stay rarer than this and keep the first letter.
FAMOUS_SLIP_MAX_ZIPF = 2.6
# After a rare given name that points to one famous person ("Jacinda", "Keir", "Sundar"), the
# slip may be a commoner word or name ("Jacinda Arden"): up to this frequency.
RARE_FIRST_SLIP_MAX_ZIPF = 3.5
RARE_FIRST_NAME_ZIPF = 3.0


def _exact_first_slip(cand: str, person: Person) -> bool:
    """Is `cand` a rare near-miss of the surname of a famous person or prominent official whose
    first name was written right before it?"""
    return (
        (person.famous or person.prominent_official)
        and not person.alias
        and english_zipf(cand) < FAMOUS_SLIP_MAX_ZIPF
        and fold(cand)[:1] == fold(person.last_display)[:1]
    )


_DOUBLE_RE = regex.compile(r"(.)\1+")


def _undoubled(word: str) -> str:
    """`word` with every run of one letter written once ("trrump" -> "trump")."""
    return _DOUBLE_RE.sub(r"\1", word)


def _surface_slip(found: str, right: str, flags: int) -> bool:
    """Is `found` a slip for `right` that the skeleton hides: a doubled or single letter
    ("Trrump", "Obamma") or, in a name written in the Latin alphabet or pinyin, one more letter
    change ("Jinpyng", "Mychele")? Names transliterated from other scripts vary in exactly these
    ways ("Gadafi", "Zelenskyi"), so F_TRANSLIT names have no such slips and F_ROMANISED names
    only doubled letters."""
    a, b = fold(found), fold(right)
    if not a.isalpha() or flags & F_TRANSLIT:
        return False  # "M’Carthy", "O'Neil": apostrophes and hyphens are spelling conventions
    b = "".join(c for c in b if c.isalpha())  # "'Akilisi" is "Akilisi"
    if a == b:
        return False
    if _undoubled(a) == _undoubled(b):
        return True
    return not flags & F_ROMANISED and within_one_edit(a, b)


def _slipped(gaz: Gazetteer, found: str, right: str, flags: int, prominent: bool) -> bool:
    """Is `found` (a word of a name whose skeleton matches) a `_surface_slip` for `right` that is
    no name we know and rarer than it, and hardly a word (a prominent official's name is in the
    news: "Puttin" is a word, "Vladimir Puttin" a slip)?"""
    if fold(found) in gaz.surfaces or not _surface_slip(found, right, flags):
        return False
    z = english_zipf(found)
    return z < (KNOWN_WORD_ZIPF if prominent else RARE_SURNAME_ZIPF) and z <= english_zipf(right)


def _east_asian_given(family: str, given: str) -> bool:
    """Is "<family> <given>" an East Asian name in family-first order ("Wang Liwen", "Kim Jongun")?
    Its given names are a dense space of real names one syllable apart."""
    return family in _EAST_ASIAN_KEYS and bool(_EAST_ASIAN_GIVEN_RE.match(given))


# A first name this common ("John", "Mary") is shared by so many people that a surname near-miss
# after it is only flagged when the surname is hardly used at all ("John Mealey" is real).
COMMON_FIRST_NAME_ZIPF = 4.3
# Both first name and surname one edit off ("Anthony Blingen"): the surname must be unseen.
DOUBLE_MISS_MAX_ZIPF = 1.0


def check_surname(gaz: Gazetteer, run: list[RunToken], word_class: int, slots: list[int], titled: bool) -> NameHit | None:
    """Is the last word of `run` (with the first name in `slots` before it) a near-miss of a
    notable person's name?"""
    tok = run[-1]
    hit = None
    if word_class & CANDIDATE:
        if slots:
            near = gaz.near_surnames(tok.key)
            hit = _check_full_name(gaz, run, slots, near) if near else None
        elif titled and len(run) > 1 and fold(run[-2].text) in POLITICAL_TITLES:
            near = gaz.near_surnames(tok.key)
            hit = _check_titled_surname(gaz, tok, near) if near else None
    elif slots and (word_class & DISTINCTIVE or word_class & KNOWN_SURNAME and gaz.is_unknown(run[slots[0]].text)):
        hit = _check_first_name(gaz, run, slots, gaz.people(tok.key), bool(word_class & DISTINCTIVE))
    if hit is None and slots and word_class & (SLIP_FORM | KNOWN_SURNAME | DISTINCTIVE):
        hit = _check_hidden_slip(gaz, run, slots)
    if hit is None and slots and word_class & NEAR_FAMOUS:
        hit = _check_famous_first_name(gaz, run, slots)
    return hit


def _check_famous_first_name(gaz: Gazetteer, run: list[RunToken], slots: list[int]) -> NameHit | None:
    """"Jeff Besos", "Elon Muks": a famous person's or prominent official's exact first name
    before a rare word or little-known name one letter from their surname (see NEAR_FAMOUS),
    where the pair is no known person's name. Known names are otherwise never near-misses, so
    this needs the first name spelled exactly and exactly one famous person it points to."""
    tok = run[-1]
    folded = fold(tok.text)
    common_slip = english_zipf(tok.text) >= FAMOUS_SLIP_MAX_ZIPF
    for j in reversed(slots):
        cand = run[j].key
        if common_slip and english_zipf(run[j].text) >= RARE_FIRST_NAME_ZIPF:
            continue  # "Tim Cooke" may be another person; "Jacinda Arden" hardly
        if f"{cand} {tok.key}" in gaz.full_keys or _east_asian_given(cand, tok.key):
            return None
        targets = {
            p.display: p
            for last in _famous_surname_keys_near(gaz, tok.text, tok.key)
            for p in gaz.people(last)
            if gaz.same_given_name(cand, p.first) and _famous_slip_of(p, folded, tok.key)
        }
        if len(targets) == 1:
            person = next(iter(targets.values()))
            return NameHit(run[j].start, tok.end, person.display, CONF_FAMOUS_FIRST_NAME, folded, person.last_display)
    return None


def _check_full_name(gaz: Gazetteer, run: list[RunToken], slots: list[int], near: tuple[str, ...]) -> NameHit | None:
    """Unknown surname one edit from a notable one, with a first name that matches that person's."""
    tok = run[-1]
    unseen = english_zipf(tok.text) < UNSEEN_ZIPF
    for j in reversed(slots):  # the farthest first: "Recep Tayyip Erdogen", not "Tayyip Erdogen"
        cand = run[j].key
        best: tuple[float, Person, int] | None = None
        for last in near:
            for person in gaz.people(last):
                if not person.target:
                    continue
                match = _first_name_matches(gaz, cand, person.first)
                if match == 2 or _is_inflection(tok.key, person.last):
                    continue
                if person.last[0] != tok.key[0] and not (match == 0 and unseen and person.famous and len(tok.key) >= MIN_LONE_CHARS):
                    continue  # misspellings keep the first letter ("Mealey" is not "Healey"), unless unseen
                prominent = person.prominent_official and english_zipf(run[j].text) < COMMON_FIRST_NAME_ZIPF
                if not _surname_rare_enough(tok.text, person.last_display, prominent) and not (
                    match == 0 and _exact_first_slip(tok.text, person)
                ):
                    continue
                if match == 1 and english_zipf(tok.text) >= DOUBLE_MISS_MAX_ZIPF:
                    continue
                if not person.prominent_official and (
                    match == 1 or _east_asian_given(cand, tok.key) or person.popularity < NOTABLE_POPULARITY
                ):
                    continue  # two near-misses, a dense name space, or a little-known target
                score = (2 - match) + person.popularity
                if best is None or score > best[0]:
                    best = (score, person, match)
        if best is not None:
            _, person, match = best
            conf = CONF_SURNAME_NEAR_FIRST_EXACT if match == 0 else CONF_SURNAME_NEAR_FIRST_NEAR
            return NameHit(run[j].start, tok.end, person.display, conf, fold(tok.text), person.last_display)
    return None


def _check_titled_surname(gaz: Gazetteer, tok: RunToken, near: tuple[str, ...]) -> NameHit | None:
    """A lone surname after a political title ("President Macrone"): prominent officials only."""
    officials = {
        p.last_display
        for last in near
        for p in gaz.people(last)
        if p.prominent_official and not p.alias and not _is_inflection(tok.key, p.last)
    }
    if len(officials) != 1:
        return None
    target = next(iter(officials))
    if not _surname_rare_enough(tok.text, target, False):
        return None
    return NameHit(tok.start, tok.end, target, CONF_TITLE_SURNAME, fold(tok.text), target)


# --------------------------------------------------------------------------------------------
# Real-word slips shown by the context ("Apple chief executive Tim Cooke")
# --------------------------------------------------------------------------------------------
# A famous person's exact first name before a common surname one slip from theirs ("Olaf
# Schultz", "Tim Cooke", "Serena Williamson") may be another real person: it is flagged only when
# the text shows the famous one is meant, by a word of their office, organisation or field near
# the name (the gazetteer's context words), or by their correct full name elsewhere in the
# document. A plural of the surname that is no word or name at all ("Keir Starmers") needs no
# context.
CONTEXT_NEAR_TOKENS = 3  # the name phrase: "German Chancellor Olaf Schultz", "Tim Cooke, Apple's chief"
CONTEXT_WINDOW_TOKENS = 15  # the clause around: "Serena Williamson, who won 23 grand slam singles titles"
DISTINCTIVE_FIRST_NAME_ZIPF = 3.8  # the clause counts after a rarer first name ("Serena", not "Pat")
PLURAL_MAX_ZIPF = 1.5  # "Starmers" (0) is no word; "Williamses" would need context
MIN_FAR_SURNAME_CHARS = 6  # two edits only in a long surname ("Scholz" -> "Schultz")
CAPITALISED = "^"  # marks an organisation's word, counted only capitalised ("^apple": Apple, not apples)
PLACE = "@"  # marks a country, demonym or city word ("@german"): counted only capitalised and next to the name


def _context_targets(gaz: Gazetteer, first_text: str, last_text: str) -> tuple[tuple[ContextPerson, str], ...]:
    """See `Gazetteer.context_targets`."""
    first, last = fold(first_text), fold(last_text)
    if not last.isalpha():
        return ()
    # A known person's name ("Sam Cooke") is no slip, unless it is the famous one's own name
    # under the skeleton ("Warren Buffet", for once not hidden: "buffet" is a word).
    known = f"{skeleton(first_text)} {skeleton(last_text)}" in gaz.full_keys
    found: dict[str, tuple[ContextPerson, str]] = {}
    for person in gaz.context_first.get(first, ()):
        right = person.last
        if last == right:
            return ()  # the famous name itself
        if last[0] != right[0] or known and skeleton(last) != skeleton(right):
            continue
        if last in (right + "s", right + "es"):
            kind = "plural"
        elif skeleton(last) == skeleton(right) and (person.flags & (F_TRANSLIT | F_ROMANISED) or english_zipf(last) < KNOWN_WORD_ZIPF):
            continue  # a transliteration variant ("Zelenskiy"), or a slip other checks judge ("Trrump")
        elif within_one_edit(last, right):
            kind = "near"
        elif len(right) >= MIN_FAR_SURNAME_CHARS and last[:2] == right[:2] and edit_distance(last, right, 2) == 2:
            kind = "far"
        else:
            continue
        found.setdefault(person.display, (person, kind))
    if known and not found:
        return ()
    return tuple(found.values()) if len(found) == 1 else ()


def _has_context(
    tokens: tuple[Token, ...], lo: int, hi: int, name: tuple[int, int], words: frozenset[str], places: bool
) -> bool:
    """Is one of `words` among tokens[lo:hi], outside the name's tokens name[0]..name[1]?
    Organisation words count only capitalised, place words only so and when `places`."""
    for k in range(max(0, lo), min(len(tokens), hi)):
        if name[0] <= k <= name[1]:
            continue
        tok = tokens[k]
        if tok.is_word:
            word = fold(strip_possessive(tok.text))
            if word in words:
                return True
            if tok.text[:1].isupper() and (CAPITALISED + word in words or places and PLACE + word in words):
                return True
    return False


def check_in_context(
    gaz: Gazetteer, text: str, tokens: tuple[Token, ...], i: int, offset: int
) -> tuple[NameHit | None, NameHit | None]:
    """tokens[i] is a famous person's first name: is the capitalised word after it a real-word
    slip of their surname that the context shows to be theirs? Returns (hit, pending): `pending`
    is a hit to keep only if the document names the famous person correctly elsewhere."""
    none = (None, None)
    if i + 1 >= len(tokens):
        return none
    first, last = tokens[i], tokens[i + 1]
    if not last.text[:1].isupper() or not last.is_word:
        return none
    word = strip_possessive(last.text)
    targets = gaz.context_targets(first.text, word)  # () for nearly every name: cached
    if not targets or last.text.isupper() or not _joined(text, offset, first, last):
        return none
    if i + 2 < len(tokens):
        nxt = tokens[i + 2]
        if nxt.is_word and is_name_word(nxt.text) and not last.text.endswith(("'s", "’s")) and _joined(text, offset, last, nxt):
            return none  # the name goes on ("Tim Cooke Smith", "Serena Williamson Foundation")
    if i > 0:
        prev = tokens[i - 1]
        if prev.is_word and is_name_word(prev.text) and _joined(text, offset, prev, first) and not _is_title_or_word(prev.text):
            return none  # "Mary Pat Cummings": another given name before
    person, kind = targets[0]
    hit = NameHit(first.start, last.start + len(word), person.display, CONF_CONTEXT, fold(word), person.last_display)
    first_zipf = english_zipf(first.text)
    common_first = first_zipf >= COMMON_FIRST_NAME_ZIPF
    name = (i, i + 1)
    # A country or city ("German", "Hamburg") shows the famous person only right next to a near
    # slip ("German Chancellor Olaf Scholl"); a word of their office, organisation or field
    # ("chancellor", "Apple", "tennis") anywhere in the clause, or next to the name after a
    # common first name. Two letters off ("Serena Williamson") needs such a word and a first name
    # that few people share: "John Williamson" is no slip for John Williams.
    far = kind == "far"
    if far and common_first:
        context = False
    else:
        context = _has_context(tokens, i - CONTEXT_NEAR_TOKENS, i + 2 + CONTEXT_NEAR_TOKENS, name, person.words, not far) or (
            first_zipf < DISTINCTIVE_FIRST_NAME_ZIPF
            and _has_context(tokens, i - CONTEXT_WINDOW_TOKENS, i + 2 + CONTEXT_WINDOW_TOKENS, name, person.words, False)
        )
    if context:
        return hit, None
    if kind == "plural" and english_zipf(word) < PLURAL_MAX_ZIPF and fold(word) not in gaz.surfaces:
        if not _generic_plural(text, tokens, i, offset):
            return hit, None  # "Keir Starmers"
    return None, hit


# Words around a plural name that make it a type ("two Keir Starmers", "Starmers and Sunaks").
_LIST_WORDS = frozenset("and or nor of two three four five several many more fewer all both no other such".split())


def _generic_plural(text: str, tokens: tuple[Token, ...], i: int, offset: int) -> bool:
    """Is the plural name at tokens[i:i+2] a type, not a person ("the Keir Starmers of this
    world", "Rishi Sunaks and Liz Trusses")?"""
    if _after_determiner(text, tokens[i].start - offset):
        return True
    before = tokens[i - 1].text.lower() if i > 0 else ""
    after = tokens[i + 2].text.lower() if i + 2 < len(tokens) else ""
    return before in _LIST_WORDS or before.isdigit() or after in _LIST_WORDS


def _is_title_or_word(word: str) -> bool:
    """Is `word` a title or an ordinary English word ("Chancellor", "Apple"), not a given name?"""
    return fold(word) in TITLE_WORDS or english_zipf(word) >= KNOWN_WORD_ZIPF


def confirmed_by_full_name(text: str, pending: list[NameHit]) -> list[NameHit]:
    """The pending context hits whose famous person the document also names correctly in full
    ("Olaf Scholz ... Olaf Schultz"); offsets of the hits index `text`."""
    out = []
    for hit in pending:
        pattern = _full_name_pattern(hit.target)
        if pattern is not None and pattern.search(text):
            out.append(hit)
    return out


@lru_cache(maxsize=4096)
def _full_name_pattern(display: str) -> regex.Pattern | None:
    tokens = name_tokens(display)
    if len(tokens) < 2:
        return None
    return regex.compile(rf"\b{regex.escape(tokens[0])}\s+(?:\p{{Lu}}\.\s+)?{regex.escape(tokens[-1])}\b", regex.IGNORECASE)



# Popularity (people.jsonl percentile) from which a misspelled first name before a known surname
# is flagged when the misspelling is no word or name at all ("Johnnj Depp", "Nikitha Khrushchev").
FIRST_NAME_TARGET_POPULARITY = 0.9


def _check_first_name(
    gaz: Gazetteer, run: list[RunToken], slots: list[int], people: tuple[Person, ...], distinctive: bool
) -> NameHit | None:
    """The surname is known: flag a first name one edit away from that of its only prominent
    bearer ("Jen Stoltenberg"), or a first name spelled like no name at all that is one edit from
    a famous bearer's ("Dnoald Trump", "Zladimir Putin"), unless the full name is known."""
    tok = run[-1]
    for j in slots:
        if f"{run[j].key} {tok.key}" in gaz.full_keys:
            return None
    cand_tok = run[slots[0]]
    cand = cand_tok.key
    if cand_tok.text.isupper() or english_zipf(cand_tok.text) >= DISTINCTIVE_MAX_ZIPF + 1:
        return None
    unknown = gaz.is_unknown(cand_tok.text)
    if not unknown and (not distinctive or cand in _EAST_ASIAN_KEYS):
        return None
    matches: dict[str, str] = {}  # first-name key -> display of its most popular bearer
    for p in people:  # most popular first
        if (
            (p.prominent_official or unknown and (p.famous or p.popularity >= FIRST_NAME_TARGET_POPULARITY))
            and _first_name_matches(gaz, cand, p.first) == 1
            and (unknown or not _vowel_only_difference(fold(cand_tok.text), fold(p.display.split()[0])))
        ):
            matches.setdefault(p.first, p.display)
    if len(matches) != 1:
        return None
    target = next(iter(matches.values()))
    return NameHit(cand_tok.start, tok.end, target, CONF_UNKNOWN_FIRST if unknown else CONF_FIRST_NEAR)


def _check_hidden_slip(gaz: Gazetteer, run: list[RunToken], slots: list[int]) -> NameHit | None:
    """A known full name with a slip the skeleton hides in one of its words ("Donald Trrump",
    "Barack Obamma", "Donnald Trump", "Xi Jinpyng"; see `_slipped`). When the other word is
    spelled exactly as the famous person's and the first name is not a common one, the slip may
    be another real name ("Kamala Haris", "Emanuel Macron")."""
    tok = run[-1]
    for j in slots:
        first = run[j]
        if f"{first.key} {tok.key}" not in gaz.full_keys:
            continue
        people = [p for p in gaz.people(tok.key) if p.first == first.key]
        spelled = {(fold(name_tokens(p.display)[0]), fold(p.last_display)) for p in people}
        if (fold(first.text), fold(tok.text)) in spelled:
            return None  # the exact name of one of them ("Ben Jonson", not Ben Johnson)
        for p in people:
            if not p.target or p.flags & F_TRANSLIT:
                continue
            right_first = name_tokens(p.display)[0]
            well_known = (p.famous or p.prominent_official) and english_zipf(right_first) < COMMON_FIRST_NAME_ZIPF
            wrong_last = _slipped(gaz, tok.text, p.last_display, p.flags, p.prominent_official) or (
                well_known and fold(first.text) == fold(right_first) and _known_slip(tok.text, p.last_display, p.flags, KNOWN_WORD_ZIPF)
            )
            # a first name slip before a surname few people share may be a common name ("Emanuel Macron")
            cap = KNOWN_FIRST_SLIP_ZIPF if gaz.bearers(tok.key) <= DISTINCTIVE_MAX_PEOPLE else KNOWN_WORD_ZIPF
            wrong_first = _slipped(gaz, first.text, right_first, p.flags, p.prominent_official) or (
                well_known and fold(tok.text) == fold(p.last_display) and _known_slip(first.text, right_first, p.flags, cap)
            )
            if wrong_last or wrong_first:
                wrong = fold(tok.text) if wrong_last else ""
                return NameHit(first.start, tok.end, p.display, CONF_HIDDEN_SLIP, wrong, p.last_display)
        return None
    return None


def _known_slip(found: str, right: str, flags: int, cap: float) -> bool:
    """A `_surface_slip` that is itself a real name or word, rarer than the right spelling and
    than `cap` ("Haris" for Harris)."""
    return _surface_slip(found, right, flags) and english_zipf(found) < min(cap, english_zipf(right))


# A first-name slip that is itself a name this common ("Emanuel") is taken before a surname few
# notable people share ("Emanuel Macron").
KNOWN_FIRST_SLIP_ZIPF = 3.5


def lone_surname_hit(
    gaz: Gazetteer, tok: RunToken, bits: int, bad_forms: dict[str, str], named: set[str], after_determiner: bool = False
) -> NameHit | None:
    """A surname standing alone: a repeat of a misspelling found with its first name elsewhere in
    the document ("Donald Trrump ... Trrump's campaign"), a slip in the surname of someone the
    document names in full ("Mike Pompeo ... Pommpeo"; `named` holds their surname skeletons), or
    a slip in the surname of one of the best-known people ("Puthin said"). The slip must be no
    word and no name we know."""
    form = fold(tok.text)
    if form in bad_forms:
        return NameHit(tok.start, tok.end, bad_forms[form], CONF_REPEAT)
    key = tok.key
    if len(key) < MIN_LONE_CHARS or english_zipf(tok.text) >= UNSEEN_ZIPF or not _LONE_WORD_RE.match(tok.text):
        return None
    if after_determiner:
        return None  # "the Riuer", "her Cruize": a capitalised noun (old spelling, OCR), not a name
    supported: set[str] = set()
    famous: set[str] = set()
    if bits & VARIANT:
        slips = [p for p in gaz.people(key) if p.target and _surface_slip(tok.text, p.last_display, p.flags)]
        if key in named:
            supported.update(p.last_display for p in slips)
        famous.update(p.last_display for p in _lone_targets(gaz, key) if p in slips)
    elif bits & CANDIDATE:
        for last in gaz.near_surnames(key):
            if last[0] != key[0] or _is_inflection(key, last) or not within_one_edit(key, last):
                continue
            if last in named:
                supported.update(p.last_display for p in gaz.people(last) if p.target and not p.alias)
            famous.update(p.last_display for p in _lone_targets(gaz, last))
    if len(supported) == 1:
        return NameHit(tok.start, tok.end, supported.pop(), CONF_LONE_NAMED)
    if not supported and len(famous) == 1:
        return NameHit(tok.start, tok.end, famous.pop(), CONF_LONE_FAMOUS)
    return None


_LONE_WORD_RE = regex.compile(r"^\p{Lu}\p{Ll}+$")  # "Puthin"; not "King.O", "M'Kewen", "Jolie'd"
# Without the full name in the document, a lone surname is only taken for a famous person's
# when few notable people share it (not "Turner", "Davis") and it is a name English text uses
# often (Putin 4.1, Merkel 3.4; not Neeson 2.7). wordfreq's data predates some leaders
# (Starmer 2.3): their lone surnames are only checked when the document names them in full.
LONE_MAX_BEARERS = 3
LONE_TARGET_MIN_ZIPF = 2.9


def _lone_targets(gaz: Gazetteer, last: str) -> list[Person]:
    """The famous person a lone surname skeleton `last` would stand for ([] or one person)."""
    people = gaz.people(last)
    famous = {p.display: p for p in people if p.famous and not p.alias}
    if len(famous) != 1 or len({p.display for p in people if p.target}) > LONE_MAX_BEARERS:
        return []
    person = next(iter(famous.values()))
    if english_zipf(person.last_display) < LONE_TARGET_MIN_ZIPF:
        return []
    return [person]


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


@dataclass
class DocNames:
    """What one document says about names, for the checks that need all of it."""

    forms: dict[str, _Form] = field(default_factory=dict)  # rare proper nouns by folded spelling
    lone: list[tuple[RunToken, int, bool]] = field(default_factory=list)  # lone surnames with no hit yet
    # (token, class bits, right after a determiner such as "the" or "her")
    named: set[str] = field(default_factory=set)  # surname skeletons of notable people named in full
    pending: list[NameHit] = field(default_factory=list)  # context hits that need the right full name in the document


def scan_passage(gaz: Gazetteer, text: str, tokens: tuple[Token, ...], offset: int = 0, state: DocNames | None = None) -> list[NameHit]:
    """Near-miss hits among `tokens` (offsets minus `offset` index `text`). Rare proper nouns,
    lone surnames and people named in full are noted in `state` for `inconsistent_spellings`
    and `lone_hits`, which need the whole document."""
    hits: list[NameHit] = []
    in_context: list[NameHit] = []  # hits of check_in_context, kept unless another check found the name
    get = gaz.word_classes.get
    # One comprehension over all tokens (most are cached lower-case words with class 0), then a
    # loop over the few capitalised ones that may matter.
    found = [(i, b) for i, b in enumerate([get(t.text) for t in tokens]) if b != 0]
    for i, bits in found:
        t = tokens[i]
        if bits is None:
            bits = gaz.classify(t.text)
            if not bits:
                continue
        if state is not None:
            _note(gaz, text, tokens, i, offset, bits, state)
        if bits & FAMOUS_FIRST:
            hit, pending = check_in_context(gaz, text, tokens, i, offset)
            if hit is not None:
                in_context.append(hit)
            elif pending is not None and state is not None:
                state.pending.append(pending)
        if not bits & (CANDIDATE | DISTINCTIVE | SLIP_FORM | KNOWN_SURNAME | NEAR_FAMOUS):
            continue
        if bits & KNOWN_SURNAME and not bits & (CANDIDATE | DISTINCTIVE | SLIP_FORM | OTHER_SPELLING) and not _unknown_word_before(
            gaz, text, tokens, i, offset
        ):
            continue  # the common case: a famous surname after a known first name or none
        run = run_ending_at(text, tokens, i, offset)
        if run is None:
            continue
        slots, titled = _first_name_slots(run, len(run) - 1)
        hit = check_surname(gaz, run, bits, slots, titled)
        if hit is None and bits & CANDIDATE:
            hit = check_place(gaz, run, text, offset)
        if hit is not None:
            hits.append(hit)
            if state is not None and hit.right_surname:
                state.named.add(skeleton(hit.right_surname))
        elif state is not None and bits & (CANDIDATE | SLIP_FORM) and not any(_may_be_first_name(gaz, run[j]) for j in slots):
            state.lone.append((run[-1], bits, _after_determiner(text, run[0].start - offset)))
    for hit in in_context:
        if not any(h.start < hit.end and hit.start < h.end for h in hits):
            hits.append(hit)
    return hits


def _note(gaz: Gazetteer, text: str, tokens: tuple[Token, ...], i: int, offset: int, bits: int, state: DocNames) -> None:
    """Note tokens[i] in `state`: a rare proper noun's spelling, or a notable surname after its
    own first name."""
    t = tokens[i]
    word = strip_possessive(t.text)
    if bits & RARE_FORM and "." not in word:
        label = fold(word)
        form = state.forms.get(label)
        if form is None:
            form = state.forms[label] = _Form(word, skeleton(word), [])
        form.spans.append((t.start, t.start + len(word)))
    if bits & TARGET_SURNAME and i > 0:
        prev = tokens[i - 1]
        key = skeleton(word)
        if prev.is_word and _joined(text, offset, prev, t) and f"{skeleton(prev.text)} {key}" in gaz.full_keys:
            state.named.add(key)


_DETERMINERS = frozenset("the a an his her its their our my your this that these those every each".split())


def _after_determiner(text: str, pos: int) -> bool:
    """Does a determiner ("the", "her") end right before text[pos]?"""
    before = text[max(0, pos - 8) : pos].rsplit(None, 1)
    return bool(before) and before[-1].lower() in _DETERMINERS and text[pos - 1 : pos].isspace()


def _may_be_first_name(gaz: Gazetteer, tok: RunToken) -> bool:
    """Could `tok` be a first name, rather than a capitalised sentence opener ("Since Trrump took
    office")?"""
    return tok.key in gaz.known_tokens or english_zipf(tok.text) < KNOWN_WORD_ZIPF


def _unknown_word_before(gaz: Gazetteer, text: str, tokens: tuple[Token, ...], i: int, offset: int) -> bool:
    """Is tokens[i] preceded, in the same name, by a capitalised word we do not know ("Dnoald")?"""
    if i == 0:
        return False
    prev = tokens[i - 1]
    return prev.is_word and prev.text[:1].isupper() and _joined(text, offset, prev, tokens[i]) and gaz.is_unknown(prev.text)


def lone_hits(gaz: Gazetteer, hits: list[NameHit], state: DocNames) -> list[NameHit]:
    """Hits among a document's lone surnames, given its other hits (see `lone_surname_hit`)."""
    bad_forms = {h.wrong_surname: h.right_surname for h in hits if h.wrong_surname}
    out = []
    for tok, bits, after_determiner in state.lone:
        hit = lone_surname_hit(gaz, tok, bits, bad_forms, state.named, after_determiner)
        if hit is not None:
            out.append(hit)
    return out


def passage_hits(gaz: Gazetteer, text: str) -> list[NameHit]:
    """Near-miss hits in a plain string taken as one document (offsets into `text`); for tests
    and exploration."""
    state = DocNames()
    hits = scan_passage(gaz, text, tokenize(text), state=state)
    return hits + confirmed_by_full_name(text, state.pending) + lone_hits(gaz, hits, state)


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
        state = DocNames()
        hits: list[NameHit] = []
        for passage in doc.passages:
            for hit in scan_passage(gaz, passage.text, passage.tokens, passage.start, state):
                if not config.is_allowed(doc.text[hit.start : hit.end]):
                    hits.append(hit)
        hits += (h for h in confirmed_by_full_name(doc.text, state.pending) if not config.is_allowed(doc.text[h.start : h.end]))
        hits += (h for h in lone_hits(gaz, hits, state) if not config.is_allowed(doc.text[h.start : h.end]))
        findings: list[Finding] = []
        flagged: list[tuple[int, int]] = []
        for hit in hits:
            found = doc.text[hit.start : hit.end]
            msg = NEAR_MISS.message.format(found=found, target=hit.target)
            findings.append(NEAR_MISS.finding(doc.text, hit.start, hit.end, msg, hit.target, hit.confidence))
            flagged.append((hit.start, hit.end))
            p = doc.passage_at(hit.start)
            features[p, 0] += 1
            features[p, 2] = max(features[p, 2], hit.confidence)
        for start, end, found, other in inconsistent_spellings(gaz, state.forms, flagged):
            if config.is_allowed(found):
                continue
            msg = INCONSISTENT.message.format(found=found, other=other)
            findings.append(INCONSISTENT.finding(doc.text, start, end, msg, other, CONF_INCONSISTENT))
            p = doc.passage_at(start)
            features[p, 1] += 1
            features[p, 2] = max(features[p, 2], CONF_INCONSISTENT)
        return Extraction(features, tuple(findings))
