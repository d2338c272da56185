"""Garble: text that no fluent writer produces, left by broken MT, spinners and OCR.

Rules (each tuned to be silent on clean English of every register):
- `garble.doubled_word`: "the the" (but not "that that", "had had", "bye bye", "very very");
- `garble.repetition`: a content word repeated around a connector that is no English idiom
  ("sanctions through sanctions"), or a phrase repeated back to back ("in the city in the city");
- `garble.word_order`: adjacent function words that clean English (almost) never puts together
  although both are frequent ("a the", "the of", "is are"), from counts of clean text;
- `garble.missing_verb`: a long, punctuated sentence without a single verb-like word;
- `garble.foreign_script`: an untranslated Cyrillic, CJK, Arabic, ... word in English prose
  (a gloss in parentheses or a quoted term is left alone);
- `garble.nonword`: an OCR-like non-word one typical character confusion away from a frequent
  word ("tbe" -> the, "rnorning" -> morning, "l1ke" -> like).
Per-passage features also describe the text when no rule fires (share of non-words, of
unseen function-word pairs, repeated content words, mean word frequency, capitalised words).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import compress, count
from operator import eq, itemgetter
from typing import ClassVar

import numpy as np
import regex
from wordfreq import zipf_frequency

from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document, Passage, Token
from .base import Extraction, zeros

DOUBLED_WORD = Rule(
    "garble.doubled_word",
    "error",
    "Doubled word '{found}'",
    "The same word twice in a row ('the the', 'to to') is left by editing slips, broken "
    "pipelines and weak MT. Legitimate doubles ('that that', 'had had', 'bye bye', 'very "
    "very') are not flagged. Fix: delete one of them.",
    "the the report -> the report",
)
REPETITION = Rule(
    "garble.repetition",
    "warning",
    "Repetition '{found}': the same content repeated in a way English does not use",
    "Machine translation sometimes repeats a word or phrase ('faces sanctions through "
    "sanctions', 'in the city in the city'). Idioms like 'step by step', 'again and again', "
    "'face to face' are not flagged. Fix: say it once.",
    "Russia faces sanctions through sanctions -> Russia faces sanctions",
)
WORD_ORDER = Rule(
    "garble.word_order",
    "warning",
    "'{found}' is a word sequence English does not use; words may be missing or out of order",
    "Two frequent function words side by side that clean English (almost) never puts together "
    "('a the', 'the of', 'is are') point at scrambled, spun or garbled word order. Fix: "
    "reread the sentence and restore the missing or misplaced words.",
    "the of government -> the government of",
)
MISSING_VERB = Rule(
    "garble.missing_verb",
    "info",
    "Sentence of {n} words without any verb; words may have been dropped",
    "A long, fully punctuated sentence with no verb at all is often a translation that "
    "dropped words. Headlines, lists and chat fragments are ignored. Fix: check the sentence "
    "against the source.",
    "The new policy of the government on the taxes for the small companies in the region.",
)
FOREIGN_SCRIPT = Rule(
    "garble.foreign_script",
    "warning",
    "Untranslated {script} text '{found}' in English prose",
    "Words in another script inside English text were usually left untranslated by the "
    "translation system. A name's original form in parentheses ('Xi Jinping (习近平)') or a "
    "quoted term is not flagged. Fix: translate or transliterate it.",
    "the minister said that санкции would follow -> sanctions",
)
NONWORD = Rule(
    "garble.nonword",
    "warning",
    "'{found}' is not a word; probably '{suggestion}' (character-level garble, e.g. OCR)",
    "A token that is no English word but one typical OCR confusion away from a frequent word "
    "('tbe' for the, 'rn' for m, '1' for l) marks character-level garble. Fix: correct it.",
    "tbe government -> the government",
)

DATA_FUNCTION_BIGRAMS = "garble_function_bigrams.tsv"
DATA_VERBS = "garble_verbs.txt"

# ---------------------------------------------------------------------------------------
# Word lists (closed classes; written by hand, see the rule explanations for why)

# Must stay the list of training/build_collocations.py, which counts their pairs.
FUNCTION_WORDS = frozenset(
    """
    the a an this that these those my your his her its our their some any no every each either neither
    of in on at by for with from to into onto upon about over under after before between through during
    without within against among toward towards across behind beyond
    and or but nor so yet if because although though while whereas unless since than as
    i you he she it we they me him us them who whom whose which what
    is are was were be been being am has have had do does did
    will would shall should can could may might must not there here very too also just only
    """.split()
)
# Words doubled in ordinary English: "that that", "had had", "is is" ("what it is is"),
# reduplicated interjections, and intensifiers of informal writing.
ALLOWED_DOUBLES = frozenset(
    """
    that had is do did no so very really too much many far long bye ha haha hah he hee ho ah oh aw
    yeah yes yep well now there knock tut chop boo pom choo cha la na dum blah hey go wow bla
    mm hmm um uh er bang pew ding dong tick tock bow wow woof meow yay hip ok okay night round
    again more on over out by little bit step day year time one two
    """.split()
)
# Prepositions that form no "X prep X" idiom: "sanctions through sanctions" is garble, while
# "step by step", "face to face", "fire with fire", "war after war" are English.
REPETITION_MIDDLES = frozenset(
    "through via during despite about among amid amidst across under beyond behind toward towards throughout including regarding concerning following because".split()
)
# Connectors of "X connector X" idioms: step by step, face to face, time after time, year on year,
# again and again, hand in hand, dog eat dog, boys will be boys, enough is enough.
IDIOM_CONNECTORS = frozenset(
    """
    by to after and or for upon in on over against versus vs v than into from at with within
    is are was were be been being will 's eat meets of or nor but not
    """.split()
)
# Subject pronouns, auxiliaries and modals: a sentence with one of them has a verb.
VERB_FUNCTION_WORDS = frozenset(
    """
    is are was were be been being am has have had do does did will would shall should can could may
    might must 's 're 've 'd 'm n't isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't
    didn't won't wouldn't can't couldn't shouldn't let let's
    """.split()
)
# Function words that may stand next to each other in ways a 1M-word corpus under-samples, or
# that double as nouns/names ("the might of", "the will of", "US", "IT"): never used as evidence.
AMBIGUOUS_FUNCTION_WORDS = frozenset(
    "i us it who may might will can must do no so yet here there just very only too also not as".split()
)
# First words of a checked pair: determiners, forms of be/have and subject pronouns. A
# preposition may end a clause ("looked at with fresh eyes", "agreed to from the start"), so
# pairs starting with one are no evidence.
WORD_ORDER_FIRST = frozenset(
    "the a an this these those my your its our their every is are was were be been has have he she we they".split()
)
WORD_ORDER_MIN_EXPECTED = 30.0  # the pair would be seen this often in clean text if words were independent
WORD_ORDER_MAX_RATIO = 0.002  # ... and is seen at most this share of that

MISSING_VERB_MIN_WORDS = 12
SUBJECT_PRONOUNS = frozenset("i you he she we they it who".split())
# Irregular past forms and participles (the corpus lexicon learns bases after "to"/modals).
IRREGULAR_VERBS = frozenset(
    """
    arose awoke was were bore beat became began bent bet bid bit bled blew broke bred brought built burnt burst
    bought cast caught chose clung came cost crept cut dealt dug dived did drew dreamt drank drove ate fell fed
    felt fought found fled flung flew forbade forgot forgave froze got gave went ground grew hung had heard hid
    hit held hurt kept knelt knew laid led leant leapt learnt left lent let lay lit lost made meant met paid put
    quit read rode rang rose ran sawed said saw sought sold sent set shook shed shone shot showed shrank shut
    sang sank sat slept slid slung slit smelt spoke sped spelt spent spilt spun spat split spoilt spread sprang
    stood stole stuck stung stank strode struck strung strove swore swept swam swung took taught tore told
    thought threw thrust trod woke wore wove wept won wound wrung wrote
    arisen awoken born borne beaten become begun bitten blown broken chosen done drawn drunk driven eaten fallen
    flown forgotten forgiven frozen given gone grown hidden known lain ridden risen run seen shaken shown shrunk
    sung sunk spoken stolen sworn swum taken torn thrown woken worn woven written
    """.split()
)
NONWORD_MAX_ZIPF = 0.5  # wordfreq Zipf below this: not a word of English
NONWORD_MIN_CANDIDATE_ZIPF = 4.0  # the correction must be a frequent word
ENGLISH_MIN_KNOWN_SHARE = 0.75  # passage must be mostly English words for the non-word rule
# A rare form that wordfreq knows (its web data has OCR noise: "tbe", "tlie") counts as a
# non-word only when it is one confusion from one of the ~100 most frequent words.
RARE_FORM_MAX_ZIPF = 3.0
RARE_FORM_MIN_CANDIDATE_ZIPF = 6.0

# OCR confusions (wrong -> right). Each is applied once at every position.
OCR_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("rn", "m"),
    ("m", "rn"),
    ("cl", "d"),
    ("li", "h"),
    ("vv", "w"),
    ("ii", "u"),
    ("tb", "th"),
    ("tli", "th"),
    ("b", "h"),
    ("h", "b"),
    ("c", "e"),
    ("e", "c"),
    ("l", "i"),
    ("i", "l"),
    ("1", "l"),
    ("1", "i"),
    ("0", "o"),
    ("5", "s"),
    ("f", "s"),
    ("ſ", "s"),
    ("u", "n"),
    ("n", "u"),
    ("l", "t"),
    ("t", "l"),
    ("in", "m"),
    ("ni", "m"),
    ("iu", "m"),
    ("i", "t"),
)

# Scripts that are never English: a word in one of them is untranslated text.
_FOREIGN_RUN = regex.compile(
    r"[\p{Cyrillic}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Arabic}\p{Hebrew}\p{Devanagari}\p{Bengali}"
    r"\p{Gurmukhi}\p{Gujarati}\p{Tamil}\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}\p{Thai}\p{Lao}\p{Khmer}"
    r"\p{Myanmar}\p{Georgian}\p{Armenian}\p{Ethiopic}\p{Tibetan}\p{Greek}]+"
    r"(?:[\s\-·・'’]+[\p{Cyrillic}\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Arabic}\p{Hebrew}\p{Devanagari}"
    r"\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Tamil}\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}\p{Thai}\p{Lao}"
    r"\p{Khmer}\p{Myanmar}\p{Georgian}\p{Armenian}\p{Ethiopic}\p{Tibetan}\p{Greek}]+)*",
    regex.V1,
)
_NON_LATIN_LETTER = regex.compile(r"[^\p{Latin}\P{L}]")
_LATIN_LETTER = regex.compile(r"\p{Latin}")
_SCRIPT_NAMES = (
    "Cyrillic",
    "Han",
    "Hiragana",
    "Katakana",
    "Hangul",
    "Arabic",
    "Hebrew",
    "Devanagari",
    "Bengali",
    "Tamil",
    "Thai",
    "Georgian",
    "Armenian",
    "Greek",
    "Sinhala",
)
_SCRIPT_RES = tuple((name, regex.compile(rf"\p{{{name}}}")) for name in _SCRIPT_NAMES)
_QUOTE_CHARS = "\"'“”‘’«»「」『』„"
_GREEK_MIN_LETTERS = 4  # shorter Greek runs are symbols (α, β, μm, ΔT)


# ---------------------------------------------------------------------------------------
# Data tables and cached look-ups


@dataclass(frozen=True)
class FunctionBigrams:
    unigrams: dict[str, int]
    pairs: dict[tuple[str, str], int]
    total: int


@lru_cache(maxsize=1)
def function_bigrams() -> FunctionBigrams:
    path = resources.files("detector") / "data" / DATA_FUNCTION_BIGRAMS
    unigrams: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    total = 1
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        a, b, c = line.split("\t")[:3]
        if a == "first":
            total = int(line.rsplit(" ", 1)[-1])
        elif b == "":
            unigrams[a] = int(c)
        else:
            pairs[(a, b)] = int(c)
    return FunctionBigrams(unigrams, pairs, total)


@lru_cache(maxsize=1)
def verb_lexicon() -> frozenset[str]:
    """Verb-like words: the corpus lexicon, auxiliaries and irregular past forms."""
    path = resources.files("detector") / "data" / DATA_VERBS
    learnt = {w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")}
    return frozenset(learnt | VERB_FUNCTION_WORDS | IRREGULAR_VERBS)


_ZIPF_CACHE: dict[str, float] = {}  # memo of wordfreq look-ups (a bounded lru_cache is 3x slower)
_ZIPF_CACHE_MAX = 500_000


def zipf(word: str) -> float:
    """wordfreq Zipf frequency of a lower-case word (0 = unknown)."""
    z = _ZIPF_CACHE.get(word)
    if z is None:
        if len(_ZIPF_CACHE) >= _ZIPF_CACHE_MAX:
            _ZIPF_CACHE.clear()
        z = _ZIPF_CACHE[word] = zipf_frequency(word, "en")
    return z


def zipfs_of(words: list[str]) -> list[float]:
    """Zipf frequencies of many words; the common all-cached case stays in C."""
    out = list(map(_ZIPF_CACHE.get, words))
    if None in out:
        out = [z if z is not None else zipf(w) for z, w in zip(out, words, strict=True)]
    return out


@lru_cache(maxsize=50_000)
def ocr_correction(word: str) -> str | None:
    """The most frequent English word one OCR confusion away from `word`, if frequent enough."""
    best, best_z = None, NONWORD_MIN_CANDIDATE_ZIPF
    for wrong, right in OCR_CONFUSIONS:
        start = word.find(wrong)
        while start != -1:
            cand = word[:start] + right + word[start + len(wrong) :]
            z = zipf(cand)
            if z >= best_z:
                best, best_z = cand, z
            start = word.find(wrong, start + 1)
    return best


@lru_cache(maxsize=1)
def forbidden_pairs() -> dict[str, frozenset[str]]:
    """First word -> the function words and punctuation classes that clean English (almost)
    never puts right after it: seen at most WORD_ORDER_MAX_RATIO of what independent words
    would give, and that would be at least WORD_ORDER_MIN_EXPECTED times."""
    table = function_bigrams()
    out: dict[str, frozenset[str]] = {}
    for a in sorted(WORD_ORDER_FIRST):
        seconds = set()
        for b, count_b in table.unigrams.items():
            if b == a or b in AMBIGUOUS_FUNCTION_WORDS:
                continue
            expected = table.unigrams.get(a, 0) * count_b / table.total
            if expected >= WORD_ORDER_MIN_EXPECTED and table.pairs.get((a, b), 0) <= WORD_ORDER_MAX_RATIO * expected:
                seconds.add(b)
        if seconds:
            out[a] = frozenset(seconds)
    return out


# ---------------------------------------------------------------------------------------
# The extractor


class GarbleExtractor:
    name: ClassVar[str] = "garble"
    feature_names: ClassVar[tuple[str, ...]] = (
        "doubled_word_count",
        "repetition_count",
        "word_order_count",
        "missing_verb_count",
        "foreign_script_count",
        "nonword_count",
        "max_confidence",
        "nonword_share",
        "unseen_function_pair_rate",
        "repeated_content_word_ratio",
        "mean_word_zipf",
        "capitalised_share",
        "foreign_script_share",
    )
    rules: ClassVar[tuple[Rule, ...]] = (DOUBLED_WORD, REPETITION, WORD_ORDER, MISSING_VERB, FOREIGN_SCRIPT, NONWORD)

    def extract(self, doc: Document, config: Config) -> Extraction:
        if not doc.passages:
            return Extraction(zeros(doc, len(self.feature_names)), ())
        rows: list[list[float]] = []
        findings: list[Finding] = []
        for passage in doc.passages:
            view = PassageView.of(passage, doc.text)
            found = find_repetitions(doc, view)
            order = find_word_order(doc, view, found)
            found += order
            found += find_missing_verb(doc, view)
            foreign, foreign_letters = find_foreign_script(doc, passage)
            found += foreign
            nonwords, unknown = find_nonwords(doc, view)
            found += nonwords
            rows.append(_features(view, found, unknown, len(order), foreign_letters))
            if found:
                findings.extend(f for f in found if not config.is_allowed(f.text))
        return Extraction(np.array(rows, dtype=np.float32), tuple(findings))


_CHAT_MARKERS = frozenset("lol lmao rofl haha hahaha omg u ur wtf btw im".split())


class PassageView:
    """A passage's word tokens, their lower-case forms and Zipf frequencies, computed once.
    (A plain slotted class: a frozen dataclass costs microseconds per passage to build.)"""

    __slots__ = ("passage", "doc_text", "tokens", "texts", "lowered", "zipfs", "informal")

    def __init__(self, passage: Passage, doc_text: str) -> None:
        self.passage = passage
        self.doc_text = doc_text
        self.tokens: tuple[Token, ...] = passage.words  # words only, no punctuation
        self.texts = [t.text for t in self.tokens]
        lowered = " ".join(self.texts).lower().split()
        if len(lowered) != len(self.tokens):  # a character whose lower case splits differently
            lowered = [t.text.lower() for t in self.tokens]
        self.lowered: list[str] = lowered
        self.zipfs: list[float] = zipfs_of(lowered)
        # chat markers or no capital at the start: repeated words there are emphasis
        self.informal = not passage.text[:1].isupper() or not _CHAT_MARKERS.isdisjoint(lowered)

    @classmethod
    def of(cls, passage: Passage, doc_text: str) -> PassageView:
        return cls(passage, doc_text)

    def same_as_next(self, k: int) -> list[int]:
        """Indices i where word i equals word i + k (lower case)."""
        return list(compress(count(), map(eq, self.lowered, self.lowered[k:])))

    def adjacent(self, i: int, j: int) -> bool:
        """Words i..j are separated by plain spaces only (no punctuation, no line break)."""
        text, tokens = self.doc_text, self.tokens
        for k in range(i, j):
            gap = text[tokens[k].end : tokens[k + 1].start]
            if len(gap) > 3 or (gap and not gap.isspace()) or "\n" in gap or not gap:
                return False
        return True

    def at_sentence_start(self, i: int) -> bool:
        start = self.tokens[i].start
        return any(s.start == start for s in self.passage.sentences)


def find_repetitions(doc: Document, view: PassageView) -> list[Finding]:
    """Back-to-back repeated phrases, doubled words and "X preposition X"."""
    low, tokens, n = view.lowered, view.tokens, len(view.lowered)
    out: list[Finding] = []
    for k in (4, 3, 2):
        for i in view.same_as_next(k):
            if i + 2 * k > n or low[i + 1] != low[i + k + 1]:
                continue
            words = low[i : i + k]
            if words != low[i + k : i + 2 * k] or not view.adjacent(i, i + 2 * k - 1):
                continue
            original = [t.text for t in tokens[i : i + 2 * k]]
            if original[:k] != original[k:] or _ordinary_phrase_repeat(words, original[:k]):
                continue
            start, end = tokens[i].start, tokens[i + 2 * k - 1].end
            if not _overlaps(out, start, end):
                out.append(_finding(doc, REPETITION, start, end, doc.text[start : tokens[i + k - 1].end], 0.8))
    for i in view.same_as_next(1):
        a, b = tokens[i], tokens[i + 1]
        if _legit_double(a.text, b.text, low[i]) or _overlaps(out, a.start, b.end) or not view.adjacent(i, i + 1):
            continue
        function = low[i] in FUNCTION_WORDS
        if not function:
            tripled = (i + 2 < n and low[i + 2] == low[i]) or (i > 0 and low[i - 1] == low[i])
            if view.informal or tripled or not a.text.islower():
                continue  # "cheap cheap cheap", "yup yup", "Wait wait": emphasis
        f = _finding(doc, DOUBLED_WORD, a.start, b.end, a.text, 0.85 if function else 0.5)
        out.append(f if function else _with_severity(f, "warning"))
    for i in [i for i in view.same_as_next(2) if low[i + 1] in REPETITION_MIDDLES]:
        a, c = tokens[i], tokens[i + 2]
        if not _is_content(low[i]) or _overlaps(out, a.start, c.end) or not view.adjacent(i, i + 2):
            continue
        if a.text[:1].isupper() and not view.at_sentence_start(i):
            continue  # names: "Jackson, son of Jackson"
        out.append(_finding(doc, REPETITION, a.start, c.end, a.text, 0.6))
    return out


def _ordinary_phrase_repeat(words: list[str], original: list[str]) -> bool:
    """Repeated phrases that are speech, songs, signatures or idioms rather than garble."""
    if len(set(words)) < 2:
        return True
    if len(words) == 2 and (words[0] in IDIOM_CONNECTORS or words[1] in IDIOM_CONNECTORS or "as" in words):
        return True  # "face to face to", "brighter and brighter and brighter"
    if any(a in ALLOWED_DOUBLES and b in ALLOWED_DOUBLES for a, b in zip(words, words[1:], strict=False)):
        return True  # "ha ha ha ha"
    # need a lower-case content word: "it is it is" is speech, "Sara Shackleton Sara Shackleton" a signature
    return not any(len(w) >= 4 and _is_content(w) and o.islower() for w, o in zip(words, original, strict=False))


def _legit_double(first: str, second: str, low: str) -> bool:
    if low in ALLOWED_DOUBLES or (len(low) == 1 and low != "a"):
        return True
    # "Walla Walla", "Duran Duran", "Sirhan Sirhan": a capitalised double is a name
    return second[:1].isupper()


def _is_content(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word not in FUNCTION_WORDS


def _finding(doc: Document, rule: Rule, start: int, end: int, suggestion: str | None, confidence: float) -> Finding:
    found = doc.text[start:end]
    msg = rule.message.format(found=found, suggestion=suggestion)
    return rule.finding(doc.text, start, end, msg, suggestion, confidence)


def _with_severity(f: Finding, severity: str) -> Finding:
    from dataclasses import replace

    return replace(f, severity=severity)


def _overlaps(findings: list[Finding], start: int, end: int) -> bool:
    return any(f.start < end and start < f.end for f in findings)


_PUNCT_CLASS = {".": "<.>", "!": "<.>", "?": "<.>", ",": "<,>", ";": "<;>", ":": "<;>", ")": "<)>"}


def find_word_order(doc: Document, view: PassageView, taken: list[Finding]) -> list[Finding]:
    """Adjacent function-word pairs (or a determiner before punctuation) that clean English
    almost never has although both parts are frequent."""
    forbidden = forbidden_pairs()
    low, tokens, text, n = view.lowered, view.tokens, doc.text, len(view.lowered)
    # Cheap pre-selection: a forbidden next word, or a gap other than one space after a word
    # that must not precede punctuation.
    hits = [i for i in compress(count(), map(forbidden.__contains__, low[:-1])) if low[i + 1] in forbidden[low[i]]]
    for i in compress(count(), map(_before_punctuation().__contains__, low)):
        if i + 1 == n or tokens[i + 1].start - tokens[i].end != 1:
            hits.append(i)
    out: list[Finding] = []
    for i in sorted(set(hits)):
        a = tokens[i]
        if not (a.text.islower() or (a.text[1:].islower() and view.at_sentence_start(i))):
            continue
        seconds = forbidden[low[i]]
        after = text[a.end : a.end + 4].lstrip(" \t")
        punct = _PUNCT_CLASS.get(after[:1])
        if punct is not None and punct in seconds and len(text[a.end : a.end + 4]) - len(after) <= 3:
            if after[:1] in ".!?" and after[1:2] in (".", "'", '"'):
                continue  # "and the..." trailing off, a quotation
            start, end = a.start, a.end
        elif i + 1 < n and low[i + 1] in seconds and tokens[i + 1].text.islower() and view.adjacent(i, i + 1):
            start, end = a.start, tokens[i + 1].end
        else:
            continue
        if _overlaps(taken, start, end) or _is_quoted_mention(text, start, end):
            continue
        out.append(_finding(doc, WORD_ORDER, start, end, None, 0.6))
    return out


@lru_cache(maxsize=1)
def _before_punctuation() -> frozenset[str]:
    """First words that must not stand right before some punctuation mark."""
    return frozenset(a for a, seconds in forbidden_pairs().items() if any(b.startswith("<") for b in seconds))


def _is_quoted_mention(text: str, start: int, end: int) -> bool:
    """The word 'the': a function word talked about, next to quotes."""
    return (start > 0 and text[start - 1] in _QUOTE_CHARS) or (end < len(text) and text[end] in _QUOTE_CHARS)


_INFLECTED_VERB = regex.compile(r"^[a-z]{3,}(?:ed|ing)$")
_NOT_PROSE = re.compile(r"[:;\n]|\s[-–—]\s|,.*,|\d")  # lists, captions, datelines, tables


def find_missing_verb(doc: Document, view: PassageView) -> list[Finding]:
    """Long, ordinary (not headline, list or caption) sentences with no verb-like word at all."""
    out: list[Finding] = []
    for sent in view.passage.sentences:
        s_text = sent.text
        if len(s_text) < 50 or not s_text.endswith(".") or not s_text[:1].isupper() or _NOT_PROSE.search(s_text):
            continue
        if not verb_lexicon().isdisjoint(s_text.lower().split()):
            continue  # quick path: a verb not touching punctuation
        first = bisect_left(view.tokens, sent.start, key=_start)
        idx = range(first, bisect_left(view.tokens, sent.end, lo=first, key=_start))
        if len(idx) < MISSING_VERB_MIN_WORDS or sum(view.tokens[i].text[:1].isupper() for i in idx) > len(idx) / 3:
            continue  # short, or headline-like / full of names
        lowered = view.lowered[idx.start : idx.stop]
        if not verb_lexicon().isdisjoint(lowered) or any(
            _verb_like(w, prev) for prev, w in zip(["", *lowered], lowered, strict=False)
        ):
            continue
        msg = MISSING_VERB.message.format(n=len(idx))
        out.append(MISSING_VERB.finding(doc.text, sent.start, sent.end, msg, None, 0.4))
    return out


def _start(token: Token) -> int:
    return token.start


def _verb_like(word: str, previous: str) -> bool:
    """Verb-like beyond the lexicon: after a subject pronoun, a contraction, -ed/-ing."""
    return (
        previous in SUBJECT_PRONOUNS  # "I apologize", "she chose"
        or "'" in word
        or "’" in word  # contractions: weren’t, it’s
        or bool(_INFLECTED_VERB.match(word))
        or word.endswith(_IRREGULAR_SUFFIXES)  # withdrew, overtook, undertaken
    )


_IRREGULAR_SUFFIXES = (
    "drew",
    "drawn",
    "took",
    "taken",
    "came",
    "went",
    "gone",
    "stood",
    "held",
    "told",
    "sold",
    "wrote",
    "written",
)


def find_foreign_script(doc: Document, passage: Passage) -> tuple[list[Finding], int]:
    """Runs of non-Latin-script words inside a mostly Latin passage. Returns findings and
    the number of non-Latin letters (a feature)."""
    ptext = passage.text
    if ptext.isascii() or not _NON_LATIN_LETTER.search(ptext):
        return [], 0
    foreign_letters = len(_NON_LATIN_LETTER.findall(ptext))
    latin_letters = len(_LATIN_LETTER.findall(ptext))
    if latin_letters < 3 * foreign_letters:
        return [], foreign_letters  # not an English passage with foreign words: another language
    out: list[Finding] = []
    for m in _FOREIGN_RUN.finditer(ptext):
        run = m.group()
        script = _script_of(run)
        letters = sum(c.isalpha() for c in run)
        if letters < (1 if script in _LOGOGRAPHIC else _GREEK_MIN_LETTERS if script == "Greek" else 2):
            continue  # "22°С" (a Cyrillic C for Celsius), "α", "μm": symbols, not words
        if _glued_to_latin(ptext, m.start(), m.end()) or _glossed_or_quoted(ptext, m.start(), m.end()):
            continue
        start, end = passage.start + m.start(), passage.start + m.end()
        msg = FOREIGN_SCRIPT.message.format(script=script, found=run)
        out.append(FOREIGN_SCRIPT.finding(doc.text, start, end, msg, None, 0.75))
    return out, foreign_letters


_LOGOGRAPHIC = frozenset({"Han", "Hiragana", "Katakana", "Hangul"})
_URLISH = regex.compile(r"[./@:]\p{L}")


def _glued_to_latin(text: str, start: int, end: int) -> bool:
    """Part of a mixed-script token (homoglyphs "Сhina"), a URL or an e-mail address."""
    left = text.rfind(" ", 0, start) + 1
    right = text.find(" ", end)
    chunk = text[left : right if right != -1 else len(text)]
    if _URLISH.search(chunk):
        return True
    return (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "°")) or (end < len(text) and text[end].isalnum())


def _script_of(run: str) -> str:
    for name, pattern in _SCRIPT_RES:
        if pattern.search(run):
            return name
    return "non-Latin"


def _glossed_or_quoted(text: str, start: int, end: int) -> bool:
    """In parentheses or brackets (a gloss: "Xi Jinping (习近平)") or in quotes."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    if before[-1:] in "([（【" or (before[-1:] in _QUOTE_CHARS and after[:1] in _QUOTE_CHARS):
        return True
    open_paren = text.rfind("(", 0, start)
    return open_paren != -1 and text.find(")", open_paren) >= end and text.rfind(")", 0, start) < open_paren


def find_nonwords(doc: Document, view: PassageView) -> tuple[list[Finding], int]:
    """OCR-like non-words with a frequent correction. Returns findings and the number of
    alphabetic words unknown to wordfreq (a feature)."""
    zipfs, lowered, tokens = view.zipfs, view.lowered, view.tokens
    unknown = sum(map(str.isalpha, compress(lowered, map((0.0).__eq__, zipfs))))
    candidates = [i for i in compress(count(), map(RARE_FORM_MAX_ZIPF.__gt__, zipfs)) if _nonword_shape(tokens[i].text)]
    if not candidates or unknown > (1 - ENGLISH_MIN_KNOWN_SHARE) * len(tokens):
        return [], unknown
    out: list[Finding] = []
    for i in candidates:
        fix = ocr_correction(lowered[i])
        if fix is None or (zipfs[i] >= NONWORD_MAX_ZIPF and zipf(fix) < RARE_FORM_MIN_CANDIDATE_ZIPF):
            continue  # a rare form wordfreq knows needs a very frequent correction ("tbe" -> the)
        out.append(_finding(doc, NONWORD, tokens[i].start, tokens[i].end, fix, 0.6))
    return out, unknown


def _nonword_shape(word: str) -> bool:
    """Lower case, 3+ characters, no hyphen/period/apostrophe, no digit at the edges ("mp3")."""
    return len(word) >= 3 and word.islower() and word.isalnum() and word[0].isalpha() and word[-1].isalpha()


_RULE_IDS = tuple(r.id for r in GarbleExtractor.rules)


def _features(view: PassageView, found: list[Finding], unknown: int, n_order: int, foreign_letters: int) -> list[float]:
    counts = dict.fromkeys(_RULE_IDS, 0.0)
    for f in found:
        counts[f.rule] += 1.0
    n = len(view.tokens)
    distinct_content = len(set(view.lowered) - FUNCTION_WORDS)
    n_content = n - sum(map(FUNCTION_WORDS.__contains__, view.lowered))
    capitalised = sum(map(str.isupper, map(itemgetter(0), view.texts)))
    return [
        counts[DOUBLED_WORD.id],
        counts[REPETITION.id],
        counts[WORD_ORDER.id],
        counts[MISSING_VERB.id],
        counts[FOREIGN_SCRIPT.id],
        counts[NONWORD.id],
        max((f.confidence for f in found), default=0.0),
        unknown / n if n else 0.0,
        n_order / n if n else 0.0,
        1.0 - distinct_content / n_content if n_content else 0.0,
        sum(view.zipfs) / n if n else 0.0,
        capitalised / n if n else 0.0,
        foreign_letters / max(1, len(view.passage.text)),
    ]
