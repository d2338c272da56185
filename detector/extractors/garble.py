"""Garble: text that no fluent writer produces, left by broken MT, spinners and OCR.

Rules (each tuned to be silent on clean English of every register):
- `garble.doubled_word`: "the the", "Gold Gold" (but not "that that", "had had", "bye bye",
  "Walla Walla");
- `garble.repetition`: a content word repeated around a connector that is no English idiom
  ("sanctions through sanctions", "practice of practice"; not "hand in hand"), or a phrase
  repeated back to back ("in the city in the city", "designed for designed for");
- `garble.word_order`: adjacent function words that clean English (almost) never puts together
  although both are frequent ("a the", "the of", "he his"), from counts of clean text and of
  MT output;
- `garble.agreement`: a subject pronoun with a verb form it never takes ("he have said", "they
  has"); counted in the `word_order_count` feature column with word-order findings;
- `garble.missing_verb`: a long, punctuated sentence without a single verb-like word;
- `garble.foreign_script`: an untranslated Cyrillic, CJK, Arabic, ... word in English prose
  (a gloss after a name or term, "Xi Jinping (习近平)", or a quoted term is left alone);
- `garble.untranslated`: a run of common words of another language in Latin script ("los trabajadores");
- `garble.nonword`: character-level damage: an OCR-like non-word one typical confusion away
  from a frequent word ("tbe" -> the, "rnorning" -> morning), digits or a capital I inside a
  word ("pIans", "0f"), words glued together ("ofthe", "onWednesday"), hyphenation left in
  ("ambi- tion"), a short function word misread in context ("practice ln the capital");
- `garble.lowercase`: a name or sentence start in lower case inside consistently capitalised
  prose ("in the capital moscow", "met antony blinken": a notable person's full name from the
  names gazetteer); chat, reviews and e-mail are left alone.
Per-passage features also describe the text when no rule fires (share of non-words, of
unseen function-word pairs, repeated content words, mean word frequency, capitalised words).
Untranslated and lower-case findings have their own count columns (added in the fourth round;
the model signature changed with them).
"""

from __future__ import annotations

import gzip
import re
import string
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, wraps
from importlib import resources
from itertools import compress, count
from operator import eq, itemgetter, ne
from typing import ClassVar, TypeVar

import numpy as np
import regex

from .. import lexicon
from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import ABBREVIATIONS, Document, Passage, Token
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
AGREEMENT = Rule(
    "garble.agreement",
    "warning",
    "'{found}': the verb does not agree with its subject; probably '{suggestion}'",
    "A subject pronoun followed by a verb form that English never uses with it ('he have said', "
    "'they has', 'I is') is a mark of machine translation or of a dropped or swapped word. "
    "Pronouns after a modal or auxiliary ('did he have', 'will they'), after 'and'/'or' ('he and "
    "she are') and 'it' or 'you' in object position are left alone. Fix: correct the verb form.",
    "He have said that -> He has said that",
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
UNTRANSLATED = Rule(
    "garble.untranslated",
    "warning",
    "Untranslated {language} words '{found}' in English prose",
    "A run of words that are common in another language and practically unknown in English was "
    "usually left untranslated by the translation system (detector/extractors/untranslated.py). "
    "Quoted foreign speech, names and loan phrases English uses as they are ('coup d'état', 'la "
    "Liga') are not flagged. Fix: translate it.",
    "the company said that los trabajadores will receive a bonus -> the workers",
)
NONWORD = Rule(
    "garble.nonword",
    "warning",
    "'{found}' is not a word; probably '{suggestion}' (character-level garble, e.g. OCR)",
    "A token that is no English word but one typical OCR confusion away from a frequent word "
    "('tbe' for the, 'rn' for m, '1' for l) marks character-level garble. Fix: correct it.",
    "tbe government -> the government",
)

LOWERCASE = Rule(
    "garble.lowercase",
    "warning",
    "'{found}' should be capitalised: '{suggestion}'",
    "A name, place, month or sentence start written in lower case inside otherwise well-cased "
    "prose ('talks in moscow', '... on Monday. the minister said') is left by broken "
    "pipelines that lower-case text, and by weak MT. Chat and all-lower-case text are left "
    "alone. Fix: restore the capital.",
    "talks in moscow on monday -> Moscow, Monday",
)

DATA_FUNCTION_BIGRAMS = "garble_function_bigrams.tsv"
DATA_VERBS = "garble_verbs.txt"
DATA_WORD_CASE = "garble_word_case.tsv.gz"
DATA_NAME_CASE = "garble_name_case.tsv.gz"
DATA_COLLOCATIONS = "collocations.tsv.gz"

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
    "the a an this these those my your its our their every is are was were be been has have he she we they "
    "or than would should".split()
)
WORD_ORDER_MIN_EXPECTED = 30.0  # the pair would be seen this often in clean text if words were independent
WORD_ORDER_MAX_RATIO = 0.002  # ... and is seen at most this share of that
WORD_ORDER_MIN_EXPECTED_BOTH = 8.0  # or: expected this often, never seen in clean English ...
WORD_ORDER_MIN_EXPECTED_MT = 15.0  # ... expected this often in MT output (a corpus over twice larger) ...
WORD_ORDER_MAX_MT_RATIO = 0.002  # ... and about as rare there
POSSESSIVES = frozenset("my your his her its our their".split())
COORDINATORS = frozenset("and or but nor".split())  # "our and their children" is English

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
PROPER_MIN_SHARE = 0.97  # capitalised this often mid-sentence: a lower-case use is an error
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
GLOSS_MAX_ZIPF = 3.5  # a lower-case word rarer than this may be a transliteration being glossed
_GREEK_MIN_LETTERS = 4  # shorter Greek runs are symbols (α, β, μm, ΔT)


# ---------------------------------------------------------------------------------------
# Data tables and cached look-ups


@dataclass(frozen=True)
class FunctionBigrams:
    """Counts of function words and adjacent function-word pairs in clean English, and the same
    in machine-translated English (a larger corpus: a second opinion on rare pairs)."""

    unigrams: dict[str, int]
    pairs: dict[tuple[str, str], int]
    total: int
    mt_unigrams: dict[str, int]
    mt_pairs: dict[tuple[str, str], int]
    mt_total: int


T = TypeVar("T")


def _without_gc(load: Callable[[], T]) -> Callable[[], T]:
    """A table loader run with the cyclic garbage collector paused (see lexicon.without_gc)."""

    @wraps(load)
    def run() -> T:
        with lexicon.without_gc():
            return load()

    return run


@lru_cache(maxsize=1)
@_without_gc
def function_bigrams() -> FunctionBigrams:
    path = resources.files("detector") / "data" / DATA_FUNCTION_BIGRAMS
    unigrams: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    mt_unigrams: dict[str, int] = {}
    mt_pairs: dict[tuple[str, str], int] = {}
    total = mt_total = 1
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        a, b, c, *rest = line.split("\t")
        if a == "first":
            numbers = [int(x) for x in line.split() if x.isdigit()]
            total, mt_total = numbers[0], (numbers[1] if len(numbers) > 1 else 1)
            continue
        mt = int(rest[0]) if rest and rest[0].isdigit() else 0
        if b == "":
            unigrams[a], mt_unigrams[a] = int(c), mt
        else:
            pairs[(a, b)], mt_pairs[(a, b)] = int(c), mt
    return FunctionBigrams(unigrams, pairs, total, mt_unigrams, mt_pairs, mt_total)


@lru_cache(maxsize=1)
@_without_gc
def verb_lexicon() -> frozenset[str]:
    """Verb-like words: the corpus lexicon, auxiliaries and irregular past forms."""
    path = resources.files("detector") / "data" / DATA_VERBS
    learnt = {w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#")}
    return frozenset(learnt | VERB_FUNCTION_WORDS | IRREGULAR_VERBS)


@lru_cache(maxsize=1)
@_without_gc
def word_case_counts() -> dict[str, tuple[float, int]]:
    """Lower-case word -> (share of its mid-sentence occurrences written with a capital, number
    of occurrences), for words capitalised at least 30% of the time ("moscow" (1.0, 347))."""
    path = resources.files("detector") / "data" / DATA_WORD_CASE
    with path.open("rb") as raw:
        lines = gzip.decompress(raw.read()).decode("utf-8").splitlines()
    out = {}
    for line in lines[2:]:
        word, share, n = line.split("\t")
        out[sys.intern(word)] = (float(share), int(n))
    return out


@lru_cache(maxsize=1)
def word_case() -> dict[str, float]:
    """Lower-case word -> share of capitalised mid-sentence occurrences ("bill" 0.37)."""
    return {w: share for w, (share, _) in word_case_counts().items()}


@lru_cache(maxsize=1)
def capitalisable_words() -> frozenset[str]:
    """Words that are names or titles at least a third of the time ("bill", "mike", "moscow")."""
    return frozenset(w for w, share in word_case().items() if share >= 0.33)


@lru_cache(maxsize=1)
@_without_gc
def proper_only_words() -> frozenset[str]:
    """Words English (almost) always capitalises: names, places, months, weekdays. A word seen
    in lower case more than a couple of times (0.5% of its uses) is also an ordinary word."""
    return frozenset(
        w
        for w, (share, n) in word_case_counts().items()
        if share >= PROPER_MIN_SHARE
        and len(w) > 2
        and n * (1 - share) <= max(1.5, 0.005 * n)
        and n >= 8
        and w not in COMMON_WORD_NAMES
    ) | place_words()


PLACE_MAX_ZIPF = 3.0  # a place name missing from the case table must be this rare as an English word


@lru_cache(maxsize=1)
@_without_gc
def place_words() -> frozenset[str]:
    """One-word names of notable places (countries, capitals, big cities, US states) of the
    names gazetteer, lower-cased, that English never writes in lower case: the case table
    has them capitalised (nearly) always, with a lower-case slip tolerated in 2% of a few
    hundred uses ("washington", "texas"); or they are too rare in the table's corpus to be
    there and are no ordinary word (wordfreq Zipf < PLACE_MAX_ZIPF: "vilnius", "kharkiv",
    not "reunion"). The table alone misses the places its corpus seldom names."""
    from .names import GAZETTEER_FILE, load_data_json

    cases = word_case_counts()
    out = set()
    for _, display in load_data_json(GAZETTEER_FILE).get("places", ()):
        w = display.lower()
        if not w.isalpha() or len(w) < 4 or w in COMMON_WORD_NAMES:
            continue
        case = cases.get(w)
        if case is None:
            if zipf(w) < PLACE_MAX_ZIPF:
                out.add(w)
        elif case[0] >= 0.95 and case[1] * (1 - case[0]) <= max(2.0, 0.02 * case[1]):
            out.add(w)
    return frozenset(out)


# Names that are also ordinary lower-case words ("an august body", "china plates", "mars"); the
# second half (kiwi ...) are words the case table, built from news, sees almost only as names
# (Baker, Walker, Reed) although they are everyday nouns ("the baker on the corner").
COMMON_WORD_NAMES = frozenset(
    """august mars march may june china turkey jordan polish nice bill mark rose grace hope faith will frank
    sterling guinea ado coupe liang jersey cologne champagne bourbon scotch afghan herculean wolves aurora capitol
    roman prix clueless cyberspace republicans democrats joe rangoon niger
    kiwi ken burgundy havana utopia zeppelin nan tsar
    baker walker turner reed ford troy majesty saints demon arctic antarctic grande cole raven phantom abbot hare
    kite rhyme snaps germ nook dazzle translational meek stoner kicker countess admiralty oriental synod soma
    magnolia ripper speedway dynamo padre rut canary hajj casa fiat""".split()
)
# Lower-case words that are names elsewhere but common nouns in fixed compounds ("brussels
# sprouts", "petri dish"): a lower-case use before the listed next word is ordinary English.
LOWER_COMPOUNDS = {
    "brussels": frozenset({"sprout", "sprouts"}),
    "petri": frozenset({"dish", "dishes"}),
    "bunsen": frozenset({"burner", "burners"}),
    "molotov": frozenset({"cocktail", "cocktails"}),
    "caesar": frozenset({"salad", "salads"}),
    "dijon": frozenset({"mustard"}),
    "worcestershire": frozenset({"sauce"}),
    "parma": frozenset({"ham", "violets"}),
    "madeira": frozenset({"cake", "wine"}),
    "jerusalem": frozenset({"artichoke", "artichokes"}),
    "wellington": frozenset({"boots"}),
    "yorkshire": frozenset({"pudding", "puddings", "terrier", "terriers"}),
    "cornish": frozenset({"pasty", "pasties"}),
    "bakewell": frozenset({"tart", "tarts"}),
    "victoria": frozenset({"sponge"}),
    "eton": frozenset({"mess"}),
    "brazil": frozenset({"nut", "nuts"}),
    "manila": frozenset({"envelope", "envelopes", "folder", "folders"}),
    "venetian": frozenset({"blind", "blinds"}),
}
# Particles inside foreign names ("Universidad de los Andes", "Johannes van der Waals"): a lower-case
# one between a particle or capitalised word and a capitalised word is part of the name.
NAME_PARTICLES = frozenset("de la las los del della di da do dos das du des le van von der den ter ten y e al el bin ibn".split())


@lru_cache(maxsize=1)
@_without_gc
def bigram_counts() -> dict[tuple[str, str], int]:
    """Counts of frequent word bigrams of clean English (count >= 5), for context checks."""
    path = resources.files("detector") / "data" / DATA_COLLOCATIONS
    with path.open("rb") as raw:
        lines = gzip.decompress(raw.read()).decode("utf-8").splitlines()
    out = {}
    for line in lines[2:]:
        expr, c, _ = line.split("\t")
        a, _, b = expr.partition(" ")
        out[(sys.intern(a), sys.intern(b))] = int(c)
    return out


_ZIPF_CACHE: dict[str, float] = {}  # memo of wordfreq look-ups (a bounded lru_cache is 3x slower)
_ZIPF_CACHE_MAX = 500_000


def zipf(word: str) -> float:
    """wordfreq Zipf frequency of a lower-case word (0 = unknown)."""
    z = _ZIPF_CACHE.get(word)
    if z is None:
        if len(_ZIPF_CACHE) >= _ZIPF_CACHE_MAX:
            _ZIPF_CACHE.clear()
        z = _ZIPF_CACHE[word] = lexicon.zipf(word)
    return z


def zipfs_of(words: list[str]) -> list[float]:
    """Zipf frequencies of many words; the common all-cached case stays in C."""
    out = list(map(_ZIPF_CACHE.get, words))
    if None in out:
        out = [z if z is not None else zipf(w) for z, w in zip(out, words, strict=True)]
    return out


@lru_cache(maxsize=4)
def frequent_words(min_zipf: float) -> frozenset[str]:
    """A superset of the lower-case words of Zipf frequency `min_zipf` or more: a plain
    lower-case candidate spelling outside it is less frequent, so it is not looked up (nor
    memoised) at all."""
    return lexicon.words_at_least(min_zipf)


def _plain_lower(word: str) -> bool:
    return word.isascii() and word.isalpha() and word.islower()


@lru_cache(maxsize=50_000)
def ocr_correction(word: str) -> str | None:
    """The most frequent English word one OCR confusion away from `word`, if frequent enough."""
    best, best_z = None, NONWORD_MIN_CANDIDATE_ZIPF
    frequent = frequent_words(NONWORD_MIN_CANDIDATE_ZIPF)
    if _plain_lower(word):
        # every candidate is plain lower case too (the corrections are ASCII letters): only
        # members of `frequent` can reach best_z, as in the general loop below
        for wrong, right in OCR_CONFUSIONS:
            start = word.find(wrong)
            while start != -1:
                cand = word[:start] + right + word[start + len(wrong) :]
                if cand in frequent:
                    z = zipf(cand)
                    if z >= best_z:
                        best, best_z = cand, z
                start = word.find(wrong, start + 1)
        return best
    for wrong, right in OCR_CONFUSIONS:
        start = word.find(wrong)
        while start != -1:
            cand = word[:start] + right + word[start + len(wrong) :]
            if cand in frequent or not _plain_lower(cand):  # else its Zipf is below best_z
                z = zipf(cand)
                if z >= best_z:
                    best, best_z = cand, z
            start = word.find(wrong, start + 1)
    return best


def _never_seen_in_either(table: FunctionBigrams, a: str, b: str, expected: float) -> bool:
    """A pair expected WORD_ORDER_MIN_EXPECTED_BOTH times in clean English but never seen
    there, and (almost) never in the ~4M words of MT output either: "he his", "an at"."""
    if expected < WORD_ORDER_MIN_EXPECTED_BOTH or table.pairs.get((a, b), 0) > 0 or b.startswith("<"):
        return False
    mt_expected = table.mt_unigrams.get(a, 0) * table.mt_unigrams.get(b, 0) / table.mt_total
    return mt_expected >= WORD_ORDER_MIN_EXPECTED_MT and table.mt_pairs.get((a, b), 0) <= WORD_ORDER_MAX_MT_RATIO * mt_expected


@lru_cache(maxsize=1)
@_without_gc
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
            elif _never_seen_in_either(table, a, b, expected) and not (a in POSSESSIVES and b in COORDINATORS):
                seconds.add(b)
        if seconds:
            out[a] = frozenset(seconds)
    for a in NEVER_SENTENCE_FINAL:
        out[a] = out.get(a, frozenset()) | {"<.>"}
    return out


# Determiners that end no English sentence ("asked anyone with information to come forward the."):
# a dropped or shuffled word. The counts miss it because OCR'd and MT text in the tables has "the."
# at line and page breaks; the check wants the full stop attached ("from the ?" in chat is a gap).
NEVER_SENTENCE_FINAL = frozenset({"the"})


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
        "untranslated_count",
        "lowercase_count",
    )
    rules: ClassVar[tuple[Rule, ...]] = (DOUBLED_WORD, REPETITION, WORD_ORDER, AGREEMENT, MISSING_VERB, FOREIGN_SCRIPT, UNTRANSLATED, NONWORD,
                                          LOWERCASE)

    def extract(self, doc: Document, config: Config) -> Extraction:
        if not doc.passages:
            return Extraction(zeros(doc, len(self.feature_names)), ())
        rows: list[list[float]] = []
        findings: list[Finding] = []
        formal_doc: int | None = None  # computed on first need (0, RELAXED or STRICT): most documents never need it
        # many "com- pletion" breaks: a transcription that keeps line-end hyphens on purpose
        hyphen_breaks_allowed = "- " not in doc.text or len(_BROKEN_HYPHEN.findall(doc.text)) <= MAX_HYPHEN_BREAKS
        for passage in doc.passages:
            view = PassageView.of(passage, doc.text)
            found = find_repetitions(doc, view)
            found += find_repeated_clauses(doc, view, found)
            order = find_word_order(doc, view, found)
            order += find_agreement(doc, view, found + order)
            order += find_noun_agreement(doc, view, found + order)
            found += order
            found += find_missing_verb(doc, view)
            foreign, foreign_letters = find_foreign_script(doc, passage)
            found += foreign
            nonwords, unknown = find_nonwords(doc, view)
            found += nonwords
            found += find_ocr_damage(doc, view, found, hyphen_breaks_allowed)
            # before the lower-case check so that "los trabajadores" is not read as a lower-cased "Los"
            found += find_untranslated(doc, view, found)
            if _lowercase_candidates(view) and _well_cased(view):  # (find_lowercase needs both)
                if formal_doc is None:
                    formal_doc = _consistently_cased(doc)
                if formal_doc:
                    found += find_lowercase(doc, view, found, formal_doc)
            rows.append(_features(view, found, unknown, len(order), foreign_letters))
            if found:
                findings.extend(f for f in found if not config.is_allowed(f.text))
        return Extraction(np.array(rows, dtype=np.float32), tuple(findings))


_OPENERS = "\"'“‘«([ \t*-–—•"  # may precede the first word of a passage
_CHAT_MARKERS = frozenset("lol lmao rofl haha hahaha omg u ur wtf btw im".split())


class PassageView:
    """A passage's word tokens, their lower-case forms and Zipf frequencies, computed once.
    (A plain slotted class: a frozen dataclass costs microseconds per passage to build.)"""

    __slots__ = ("passage", "doc_text", "tokens", "texts", "lowered", "zipfs", "informal", "_caps", "lower_cache")

    def __init__(self, passage: Passage, doc_text: str) -> None:
        self.passage = passage
        self.doc_text = doc_text
        self.tokens: tuple[Token, ...] = passage.words  # words only, no punctuation
        self.texts = passage.word_texts
        lowered = passage.lowered_words  # shared with the phrasing extractor
        self.lowered: list[str] = lowered
        self.zipfs: list[float] = zipfs_of(lowered)
        # chat markers or no capital at the start: repeated words there are emphasis
        self.informal = not passage.text.lstrip(_OPENERS)[:1].isupper() or not _CHAT_MARKERS.isdisjoint(lowered)
        self._caps: list[int] | None = None
        # results of the lower-case look-ups, shared by the cheap gate and find_lowercase
        self.lower_cache: dict[str, list] = {}

    @property
    def caps(self) -> list[int]:
        """Indices of the words with a capital letter anywhere (their text is not their lower case)."""
        if self._caps is None:
            self._caps = list(compress(count(), map(ne, self.texts, self.lowered)))
        return self._caps

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
    out: list[Finding] = _leftover_pronouns(doc, view)
    same2 = view.same_as_next(2)
    for k in (4, 3, 2):
        for i in same2 if k == 2 else view.same_as_next(k):
            if i + 2 * k > n or low[i + 1] != low[i + k + 1]:
                continue
            words = low[i : i + k]
            if words != low[i + k : i + 2 * k] or not view.adjacent(i, i + 2 * k - 1):
                continue
            original = [t.text for t in tokens[i : i + 2 * k]]
            following = low[i + 2 * k] if i + 2 * k < n else ""
            preceding = low[i - 1] if i else ""
            if original[:k] != original[k:] or _ordinary_phrase_repeat(words, original[:k], following, preceding, view):
                continue
            start, end = tokens[i].start, tokens[i + 2 * k - 1].end
            if not _overlaps(out, start, end):
                out.append(_finding(doc, REPETITION, start, end, doc.text[start : tokens[i + k - 1].end], 0.8))
    for i in view.same_as_next(1):
        a, b = tokens[i], tokens[i + 1]
        if _overlaps(out, a.start, b.end) or not view.adjacent(i, i + 1):
            continue
        capitalised = b.text[:1].isupper() and a.text[:1].isupper()
        if (
            _legit_double(a.text, b.text, low[i])
            and not (capitalised and _common_capitalised_double(low[i], view))
            and not _garbled_auxiliary_double(low, i)
        ):
            continue
        function = low[i] in FUNCTION_WORDS
        if not function and not capitalised:
            tripled = (i + 2 < n and low[i + 2] == low[i]) or (i > 0 and low[i - 1] == low[i])
            if view.informal or tripled or not a.text.islower():
                continue  # "cheap cheap cheap", "yup yup", "Wait wait": emphasis
            if i and tokens[i - 1].text[:1].isupper() and zipf(low[i]) < TAXON_MAX_ZIPF:
                continue  # a zoological trinomial: "Pan troglodytes troglodytes", "Gorilla gorilla gorilla"
        f = _finding(doc, DOUBLED_WORD, a.start, b.end, a.text, 0.85 if function else 0.5)
        out.append(f if function else _with_severity(f, "warning"))
    for i in same2:
        middle = low[i + 1]
        if low[i] == "the" or middle in _ARTICLES or middle.isdigit():
            gapped = _gapped_repeat(doc, view, i)
            if gapped is not None and not _overlaps(out, gapped.start, gapped.end):
                out.append(gapped)
            continue
        if (
            middle not in REPETITION_MIDDLES
            and not (middle in SOFT_REPETITION_MIDDLES and _odd_echo(low[i], middle))
            and not (middle in _BE_FORMS_AND_BY and low[i].endswith(_VERBAL_SUFFIXES) and low[i] not in ECHO_IDIOMS)
        ):
            continue
        a, c = tokens[i], tokens[i + 2]
        if not _is_content(low[i]) or _overlaps(out, a.start, c.end) or not view.adjacent(i, i + 2):
            continue
        if a.text[:1].isupper() and not view.at_sentence_start(i):
            continue  # names: "Jackson, son of Jackson"
        if (i + 3 < n and low[i + 3] == "out") or (i and low[i - 1] in _DEGREE_WORDS):
            continue  # "year in year out", "the most mortal of mortal sins"
        out.append(_finding(doc, REPETITION, a.start, c.end, a.text, 0.6))
    return out


TAXON_MAX_ZIPF = 2.5  # a Latin species epithet is no everyday English word

# "a night he will never forget it": a contact relative clause ("a night [that] he will never
# forget") whose object, the head noun, is said again as "it" (MT from languages with resumptive
# pronouns). Only verbs whose object is naturally the head noun, after an auxiliary or "never".
_LEFTOVER_IT = re.compile(
    r"\b(?:a|an|the) [a-z]+ (?:he|she|they|we|I) "  # not "you": "have a bite you won't regret it" is a run-on
    r"(?:(?:will|would|'ll|can|could|did|does|do|never|not|n't|always|had|has|have|still|ever|won't|can't) ){1,3}"
    r"((forget|remember|regret|enjoy|cherish|treasure|love|hate|miss)(?:s|es|ed|d)? it)$"
)
_LEFTOVER_VERBS = frozenset(
    v + e for v in "forget remember regret enjoy cherish treasure love hate miss".split() for e in ("", "s", "es", "ed", "d")
)
_LEFTOVER_WINDOW = 100  # characters before "it." searched for the head noun and its clause


def _leftover_pronouns(doc: Document, view: PassageView) -> list[Finding]:
    """"a night he will never forget it": the relative clause's object repeated as "it"."""
    text = view.passage.text
    out: list[Finding] = []
    for mark in (" it.", " it!"):
        p = text.find(mark)
        while p != -1:  # few per passage: the regex runs on a short window ending at "it"
            if text[text.rfind(" ", 0, p) + 1 : p] not in _LEFTOVER_VERBS:
                p = text.find(mark, p + 1)
                continue
            m = _LEFTOVER_IT.search(text, max(0, p - _LEFTOVER_WINDOW), p + 3)
            if m is not None:
                start, end = view.passage.start + m.start(1), view.passage.start + m.end(1)
                verb = text[m.start(1) : m.end(1) - 3]
                out.append(_finding(doc, REPETITION, start, end, verb, 0.5))
            p = text.find(mark, p + 1)
    return out


# Verbs that take two objects ("gave the court the papers", "told the boy the news"), and words
# that make "the X the Y" English ("the more the merrier", "the higher the price the ...").
DITRANSITIVE_VERBS = frozenset(
    """
    give gave given tell told show shown offer send sent hand award grant deny denie cost teach taught ask
    owe pay paid promise bring brought lend lent sell sold charge save wish win won earn buy bought get got
    leave left allow refuse spare find found make made call name elect appoint consider declare think thought
    keep kept serve do did done cause feed fed fetch forgive forgave forgiven read write wrote written pass
    throw threw thrown toss post mail email bake cook fine bet envy guarantee assure remind wish cut build
    built order reserve book play sing sang sung ensure afford earn set crown dub label vote rate rank
    """.split()
)
_COMPARATIVES = frozenset("more less better worse greater higher lower bigger smaller fewer larger longer sooner faster".split())


def _verb_base_in(word: str, bases: frozenset[str]) -> bool:
    """`word` or its stem without -s/-es/-ed/-ing/-d is one of `bases` ("offered", "hands")."""
    if word in bases:
        return True
    for suffix in ("s", "es", "ed", "d", "ing"):
        if word.endswith(suffix) and word[: -len(suffix)] in bases:
            return True
    return word.endswith("ied") and word[:-3] + "y" in bases


def _gapped_repeat(doc: Document, view: PassageView, i: int) -> Finding | None:
    """Word i equals word i + 2 around one other word:
    - "appeal the court the decision." (a verb, then two bare noun phrases with no preposition
      or possessive between them, ending the clause: a dropped "'s" or "of");
    - "in the year 2025 year" (a noun repeated around a number);
    - "to score the score" (a content word repeated around an article).
    Speech, names and ditransitive verbs ("gave the maid a card") are left alone."""
    low, tokens, texts, n = view.lowered, view.tokens, view.texts, len(view.lowered)
    if view.informal or not view.adjacent(i, i + 2):
        return None
    first, middle = low[i], low[i + 1]
    if first == "the":
        if i == 0 or i + 3 >= n or not view.adjacent(i - 1, i + 3):
            return None
        verb, noun1, noun2 = low[i - 1], middle, low[i + 3]
        after = doc.text[tokens[i + 3].end : tokens[i + 3].end + 1]
        if after not in _NOUN_PHRASE_END or not _is_content(verb) or not texts[i - 1].islower():
            return None
        if not (_is_content(noun1) and _is_content(noun2) and texts[i + 1].islower() and texts[i + 3].islower()):
            return None
        if noun1 in _COMPARATIVES or noun2 in _COMPARATIVES or _verb_base_in(verb, DITRANSITIVE_VERBS):
            return None
        if verb in _WH_WORDS or verb in _CLAUSE_OPENERS or noun1 in IRREGULAR_VERBS or noun1.endswith("ed"):
            return None  # "where the found the prisoner": a slip for "she", not a dropped "of"
        start, end = tokens[i].start, tokens[i + 3].end
        return _finding(doc, WORD_ORDER, start, end, None, 0.55)
    if not (_is_content(first) and texts[i].islower() and texts[i + 2].islower()):
        return None
    if middle.isdigit():
        start, end = tokens[i].start, tokens[i + 2].end
        return _finding(doc, REPETITION, start, end, doc.text[start : tokens[i + 1].end], 0.7)
    if first in ECHO_IDIOMS or first in _COGNATE_OBJECTS or not texts[i + 1].islower():
        return None  # "Loan amount The amount ...": a heading run into its first sentence
    start, end = tokens[i].start, tokens[i + 2].end
    return _finding(doc, REPETITION, start, end, texts[i], 0.6)


_NOUN_PHRASE_END = frozenset(".,;:!?")
# Verbs with their own noun as object: "walk the walk", "talk the talk", "fight the fight".
_COGNATE_OBJECTS = frozenset("walk talk fight dream sing run play live die smile sleep race".split())
_CLAUSE_OPENERS = frozenset("when where why whenever wherever whether then".split())

LONG_REPEAT_MIN = 5  # words: a clause this long said twice in a row is a pipeline or MT slip
_CLAUSE_GAP = regex.compile(r"\s*,?\s*")


def find_repeated_clauses(doc: Document, view: PassageView, taken: list[Finding]) -> list[Finding]:
    """A clause of LONG_REPEAT_MIN+ words repeated back to back, optionally after a comma:
    "the talks were constructive, the talks were constructive" (MT decoders and broken
    segment joins double whole clauses; find_repetitions covers runs of up to 4 words).
    Speech and lyrics repeat lines too, so informal passages and quotes are left alone."""
    low, tokens, n = view.lowered, view.tokens, len(view.lowered)
    if view.informal or n < 2 * LONG_REPEAT_MIN:
        return []
    # A clause of k >= LONG_REPEAT_MIN words said twice repeats its first five words: without
    # a repeated 5-gram (most passages) the scan below cannot find anything.
    if len(set(zip(low, low[1:], low[2:], low[3:], low[4:], strict=False))) == n - 4:
        return []
    last: dict[str, int] = {}
    out: list[Finding] = _repeated_sentences(doc, view, taken)
    text = doc.text
    for i, w in enumerate(low):
        j = last.get(w)
        last[w] = i
        k = i - j if j is not None else 0
        if k < LONG_REPEAT_MIN:
            continue
        # the run of words equal to the word k places on, around j: a repeat when it spans k words
        fwd = 0
        while i + fwd < n and low[j + fwd] == low[i + fwd]:
            fwd += 1
        back = 0
        while back < j and low[j - 1 - back] == low[i - 1 - back]:
            back += 1
        if back + fwd < k:
            continue
        j -= back
        i = j + k
        gap = text[tokens[i - 1].end : tokens[i].start]
        if not _CLAUSE_GAP.fullmatch(gap) or "\n" in gap:
            continue
        if any(not _CLAUSE_GAP.fullmatch(text[tokens[m].end : tokens[m + 1].start]) for m in range(j, i - 1)):
            continue  # the unit must be one clause without inner punctuation or quotes
        if sum(1 for x in low[j:i] if _is_content(x)) < 2 or '"' in text[tokens[j].start : tokens[i + k - 1].end]:
            continue
        start, end = tokens[j].start, tokens[i + k - 1].end
        if not _overlaps(out, start, end) and not _overlaps(taken, start, end):
            out.append(_finding(doc, REPETITION, start, end, text[start : tokens[i - 1].end], 0.8))
    return out


REPEATED_SENTENCE_MIN = 6  # words: a sentence this long said twice in one passage is a pipeline slip


def _repeated_sentences(doc: Document, view: PassageView, taken: list[Finding]) -> list[Finding]:
    """A whole sentence of REPEATED_SENTENCE_MIN+ words said again word for word later in the same
    passage ("Oil prices rose after Opec+ agreed. Brent climbed. Oil prices rose after Opec+
    agreed."): a segment joined twice. Never seen in clean prose of any register (refrains and
    quoted speech live in informal passages and quotes, skipped)."""
    low, tokens = view.lowered, view.tokens
    starts = [t.start for t in tokens]
    seen: dict[tuple[str, ...], tuple[int, int]] = {}  # words -> span of their first sentence
    out: list[Finding] = []
    for sentence in view.passage.sentences:
        a, b = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
        words = tuple(low[a:b])
        if b - a < REPEATED_SENTENCE_MIN or sum(1 for w in words if _is_content(w)) < 2:
            continue
        if any(q in sentence.text for q in _QUOTE_CHARS):
            continue  # a quoted line said again ("We will not give up," she said. "We will not give up.")
        first = seen.get(words)
        if first is None:
            seen[words] = (tokens[a].start, tokens[b - 1].end)
            continue
        # the first occurrence is flagged: where a reader (and the fix, "say it once") starts
        start, end = first
        if not _overlaps(taken + out, start, end):
            out.append(_finding(doc, REPETITION, start, end, None, 0.8))
    return out


# "X of X", "X with X", ... are garble unless an idiom: "hand in hand", "fire with fire".
SOFT_REPETITION_MIDDLES = frozenset("of in with on at from into".split())
ECHO_IDIOMS = frozenset(
    """
    hand arm year day week month night head one layer game brick wave fire like force love violence hate
    kindness blood cheek shoulder toe nose side back wall heart man woman dog mano time
    """.split()
)
_ECHO_SUFFIXES = ("ed", "ing", "ly", "ous", "ful", "ive", "ment", "tion", "ness", "ity", "ance", "ence", "able", "ible")


def _odd_echo(word: str, middle: str) -> bool:
    """ "practice of practice", "rushed in rushed": no idiom noun, and for the prepositions of
    productive idioms ("hand in hand", "year on year") a verb, adjective or abstract noun."""
    if word in ECHO_IDIOMS or len(word) < 4:
        return False
    if middle in ("of", "with", "from", "into", "at"):
        return len(word) >= 5 or word.endswith(_ECHO_SUFFIXES)
    return word.endswith(_ECHO_SUFFIXES) or (word.endswith("s") and not word.endswith("ss"))


_DEGREE_WORDS = frozenset("most least more less very so too".split())
# "skilled by skilled", "generation is generation": a verb form or adjective around "by" or "is"
_BE_FORMS_AND_BY = frozenset("by is are was were".split())
_VERBAL_SUFFIXES = ("ed", "ing", "ly", "ous", "ful", "ive", "able", "ible")


# Reduplicated names and titles that are Title Case common words ("Sing Sing", "Baden-Baden").
REDUPLICATED_NAMES = frozenset("sing baden pago bora walla mahi dum new talking please love rock monkey".split())
_ARTICLES = frozenset("the a an".split())
_AND_OR = frozenset("and or nor but".split())
_PHRASE_IDIOMS = frozenset({("and", "so", "on"), ("so", "on", "and"), ("on", "and", "on"), ("so", "and", "so")})


def _common_capitalised_double(low: str, view: PassageView) -> bool:
    """ "Gold Gold", "We We": a common lower-case word doubled in Title Case in formal prose
    (not a name like "Walla Walla", "Mike Mike" or "Yusuf Yusuf")."""
    if view.informal or low in REDUPLICATED_NAMES or low in ALLOWED_DOUBLES:
        return False
    return low in FUNCTION_WORDS or (zipf(low) >= 4.5 and low not in capitalisable_words())


def _ordinary_phrase_repeat(words: list[str], original: list[str], following: str, preceding: str, view: PassageView) -> bool:
    """Repeated phrases that are speech, songs, signatures or idioms rather than garble."""
    if len(set(words)) < 2:
        return True
    if any(a in ALLOWED_DOUBLES and b in ALLOWED_DOUBLES for a, b in zip(words, words[1:], strict=False)):
        return True  # "ha ha ha ha"
    if len(words) == 2:
        first, second = words
        if second == "and":
            return True  # "years and years and still", "brighter and brighter and brighter"
        if second in _AND_OR:
            return following == first  # "people or people or allergy" is garble
        if second in IDIOM_CONNECTORS:
            # "face to face to discuss", "step by step by": an idiom "X c X" then "c";
            # "designed for designed for", "contracts for contracts for" are garble
            return not (original[0].islower() and _is_content(first) and _not_idiom_noun(first))
        if first in IDIOM_CONNECTORS and not (_is_content(second) and original[1].islower()):
            return True
        if first in IDIOM_CONNECTORS and preceding == second:
            return True  # "postponed and postponed and postponed", "asking and asking and asking"
    min_len = 4 if len(words) == 2 else 3  # "has run into has run into"
    if any(len(w) >= min_len and _is_content(w) and o.islower() for w, o in zip(words, original, strict=False)):
        return False  # a lower-case content word repeated: garble
    if view.informal:
        return True  # "it is it is" is speech, "Sara Shackleton Sara Shackleton" a signature
    if len(words) >= 3 and all(w in FUNCTION_WORDS for w in words):
        return tuple(words) in _PHRASE_IDIOMS  # "there has not there has not"
    if len(words) == 2 and words[1] in _ARTICLES and words[0] in FUNCTION_WORDS and original[0].islower():
        return False  # "said that the that the plan": an article cannot end a repeated unit in edited prose
    # a Title Case phrase repeated in formal prose: "Field Championships Field Championships"
    return not any(o[:1].isupper() and _is_content(w) for w, o in zip(words, original, strict=False))


# "had had" and "is is" are English ("they had had enough", "what it is is a scandal"), but
# not before a participle: "they had had arrested two men", "the government is is expected".
_AFTER_PARTICIPLE = frozenset("the a an his her their its two three four five several more no him them".split())
_IS_IS_SUBJECTS = frozenset("it what this that he she which who thing problem point question issue truth fact".split())
_WH_WORDS = frozenset("what whatever who whoever which where how all".split())
_IS_IS_NEXT = frozenset("expected likely set due being been going also still now".split())


def _garbled_auxiliary_double(low: list[str], i: int) -> bool:
    """ "had had" or "is is" (words i, i + 1) followed by what no legitimate double precedes."""
    word, n = low[i], len(low)
    following = low[i + 2] if i + 2 < n else ""
    if word == "had":
        if following == "been":
            return True
        after = low[i + 3] if i + 3 < n else ""
        return following.endswith("ed") and len(following) > 4 and (after in _AFTER_PARTICIPLE or after.isdigit())
    if word == "is":
        preceding = low[i - 1] if i else ""
        if not preceding or preceding in _IS_IS_SUBJECTS or not _WH_WORDS.isdisjoint(low[max(0, i - 5) : i]):
            return False  # "what the minister is is expected to ...": a pseudo-cleft
        return following in _IS_IS_NEXT or following.endswith("ed")
    return False


def _not_idiom_noun(word: str) -> bool:
    """A verb form, adjective or plural: cannot be the X of an "X to X" idiom."""
    return word not in ECHO_IDIOMS and (word.endswith(_ECHO_SUFFIXES) or (word.endswith("s") and not word.endswith("ss")))


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


# Subject pronoun -> {verb form it never takes: the form it does take}. "it" only at a sentence
# start (elsewhere it can be an object: "the risks around it are"), "you" never ("what happened
# to you is"), "were" never (subjunctive "if he were").
_AGREEMENT: dict[str, dict[str, str]] = {
    "he": {"have": "has", "are": "is", "haven't": "hasn't", "aren't": "isn't"},
    "she": {"have": "has", "are": "is", "haven't": "hasn't", "aren't": "isn't"},
    "it": {"have": "has", "are": "is", "haven't": "hasn't", "aren't": "isn't"},
    "i": {"has": "have", "is": "am", "does": "do", "hasn't": "haven't", "isn't": "am not", "doesn't": "don't"},
    "we": {"has": "have", "is": "are", "does": "do", "hasn't": "haven't", "isn't": "aren't", "doesn't": "don't"},
    "they": {"has": "have", "is": "are", "does": "do", "hasn't": "haven't", "isn't": "aren't", "doesn't": "don't"},
}
# A pronoun right after these takes the base form or is not the subject of the next verb.
_AGREEMENT_BLOCKERS = frozenset(
    """do does did don't doesn't didn't will would shall should can could may might must won't wouldn't
    shouldn't can't couldn't mustn't let lets make makes made help helps helped to and or nor not
    have has had is are was were am if though lest unless whether""".split()  # "if he have": old subjunctive
)


def find_agreement(doc: Document, view: PassageView, taken: list[Finding]) -> list[Finding]:
    """Subject pronoun + a verb form it never takes ("he have", "they has")."""
    low, tokens = view.lowered, view.tokens
    out: list[Finding] = []
    for i in compress(count(), map(_AGREEMENT.__contains__, low[:-1])):
        wrong = _AGREEMENT[low[i]]
        fix = wrong.get(low[i + 1])
        if fix is None or (i > 0 and low[i - 1] in _AGREEMENT_BLOCKERS) or not view.adjacent(i, i + 1):
            continue
        if (low[i] == "it" and not view.at_sentence_start(i)) or (low[i] == "i" and tokens[i].text != "I"):
            continue  # "it" may be an object; chat's lower-case "i is" is play
        if not tokens[i + 1].text.islower():
            continue
        start, end = tokens[i].start, tokens[i + 1].end
        if _overlaps(taken, start, end) or _is_quoted_mention(doc.text, start, end):
            continue
        suggestion = f"{doc.text[tokens[i].start:tokens[i].end]} {fix}"
        out.append(_finding(doc, AGREEMENT, start, end, suggestion, 0.7))
    return out


# Sentence-initial "The <noun> <verb>": a plain plural noun with a singular verb ("The ministers
# has said"), or a singular noun for a person with a plural verb ("The president have said").
# Collective nouns ("the government have") take either verb in British English, so only
# persons count; plurals in -ss/-us/-is/-ics and plural-looking singulars are left alone.
_SINGULAR_VERBS = {"has": "have", "was": "were", "is": "are", "hasn't": "haven't", "wasn't": "weren't", "isn't": "aren't"}
_PLURAL_VERBS = {"have": "has", "were": "was", "are": "is", "haven't": "hasn't", "weren't": "wasn't", "aren't": "isn't"}
_PLURAL_LOOKING_SINGULARS = frozenset(
    """news series species means headquarters whereabouts crossroads barracks gallows odds remains
    works innings measles diabetes mumps thanks premises""".split()
)
_PERSON_NOUNS = frozenset(
    """president minister chancellor premier spokesman spokeswoman spokesperson secretary official
    leader governor mayor senator chairman chairwoman chairperson director manager king queen prince
    princess pope prosecutor judge suspect victim man woman boy girl driver player coach captain
    ambassador envoy general commander mother father son daughter defendant""".split()
)
PLURAL_STEM_MIN_ZIPF = 3.0  # "protesters" -> "minister": the singular must be a common word


def _noun_agreement_fix(noun: str, verb: str) -> str | None:
    """The verb form a sentence-initial "The <noun>" takes, when `verb` is the wrong one."""
    if verb in _SINGULAR_VERBS:
        if (
            len(noun) < 5
            or not noun.endswith("s")
            or noun.endswith(("ss", "us", "is", "ics", "ness", "'s"))
            or noun in _PLURAL_LOOKING_SINGULARS
            or zipf(noun[:-1]) < PLURAL_STEM_MIN_ZIPF
        ):
            return None
        return _SINGULAR_VERBS[verb]
    if verb in _PLURAL_VERBS and noun in _PERSON_NOUNS:
        return _PLURAL_VERBS[verb]
    return None


def _participle_like(word: str) -> bool:
    """A participle or -ing form: the verb before it is an auxiliary ("has said", "was held")."""
    return word in IRREGULAR_VERBS or word == "been" or (len(word) > 4 and word.endswith(("ed", "ing")))


def find_noun_agreement(doc: Document, view: PassageView, taken: list[Finding]) -> list[Finding]:
    """ "The ministers has said", "The president have said" at a sentence start."""
    low, tokens = view.lowered, view.tokens
    out: list[Finding] = []
    for i in compress(count(), map("The".__eq__, view.texts[:-2])):
        noun, verb = tokens[i + 1], tokens[i + 2]
        if not (noun.text.isalpha() and noun.text.islower() and verb.text.islower()):
            continue
        fix = _noun_agreement_fix(low[i + 1], low[i + 2])
        if fix is None or not view.at_sentence_start(i) or not view.adjacent(i, i + 2):
            continue
        if i + 3 >= len(low) or not _participle_like(low[i + 3]):
            continue  # "The preferences has a theme": a label or title may be the subject
        start, end = noun.start, verb.end
        if _overlaps(taken, start, end) or _is_quoted_mention(doc.text, start, end):
            continue
        out.append(_finding(doc, AGREEMENT, start, end, f"{noun.text} {fix}", 0.7))
    return out


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
    out: list[Finding] = _broken_verb_phrases(doc, view, taken)
    if hits and not ARCHAIC_MARKERS.isdisjoint(low):
        return []  # "the which", "they that wait": Early Modern English (the King James Bible, old prose)
    for i in sorted(set(hits)):
        a = tokens[i]
        if not (a.text.islower() or (a.text[1:].islower() and view.at_sentence_start(i))):
            continue
        if i + 1 < n and _nonstandard_but_human(low, i):
            continue
        seconds = forbidden[low[i]]
        after = text[a.end : a.end + 4].lstrip(" \t")
        punct = _PUNCT_CLASS.get(after[:1])
        if punct is not None and punct in seconds and len(text[a.end : a.end + 4]) - len(after) <= 3:
            if after[:1] in ".!?" and after[1:2] in (".", "'", '"'):
                continue  # "and the..." trailing off, a quotation
            if low[i] in NEVER_SENTENCE_FINAL and punct == "<.>" and (text[a.end : a.end + 1] != after[:1] or not a.text.islower()):
                continue  # "the painting from the ?": a gap, not a dropped word; "The." a speaker in a play
            start, end = a.start, a.end
        elif i + 1 < n and low[i + 1] in seconds and tokens[i + 1].text.islower() and view.adjacent(i, i + 1):
            start, end = a.start, tokens[i + 1].end
        else:
            continue
        if _overlaps(taken, start, end) or _is_quoted_mention(text, start, end):
            continue
        out.append(_finding(doc, WORD_ORDER, start, end, None, 0.6))
    return out


# Participles of verbs that (almost) always take an object: after "who" and before an auxiliary
# ("customers who affected should change") the passive auxiliary was dropped ("who were affected").
# Verbs that also stand alone ("who entered was", "who died were", "who killed must", "residents who
# evacuated were", "candidates who interviewed were") are not here.
OBJECT_PARTICIPLES = frozenset(
    """
    affected impacted injured infected displaced wounded hospitalised hospitalized vaccinated
    diagnosed detained arrested accused charged convicted sentenced targeted abducted kidnapped rescued
    hired employed dismissed sacked elected appointed nominated selected invited surveyed
    named mentioned involved harmed deported jailed imprisoned fined banned suspended
    """.split()
)
_AUXILIARIES_AFTER = frozenset(
    "should will would must can could may might are were is was have has had shall need".split()
)
_HELP_WH = re.compile(r"\bhelp(?:s|ed|ing)? (?:me|you|him|her|us|them) (?:how|why|what)\b(?! to\b)")  # not "help them where possible"
_MODALS_AND_TO = frozenset("to will would shall should can could may might must".split())
# Participles that stand before a bare "be" in English ("blessed be", "need be").
_BE_INVERSIONS = frozenset("blessed cursed damned praised hallowed needed".split())


def _broken_verb_phrases(doc: Document, view: PassageView, taken: list[Finding]) -> list[Finding]:
    """Verb phrases with a word dropped or moved:
    - "who affected should": "who" + an object-taking participle + an auxiliary (no "were");
    - "reported undisclosed be to": a participle right before a bare "be", which only follows
      a modal, "to" or an adverb ("need be", "blessed be" and verse inversions after a modal aside);
    - "help them how galaxies form understand": "help" + object + a wh-word, whose bare verb
      was moved away (English: "help them understand how")."""
    low, tokens, texts = view.lowered, view.tokens, view.texts
    out: list[Finding] = []
    text = view.passage.text  # substring checks first: most passages have none of the three cues
    if "help" in text:
        for m in _HELP_WH.finditer(text):
            start, end = view.passage.start + m.start(), view.passage.start + m.end()
            if not _overlaps(taken, start, end):
                out.append(_finding(doc, WORD_ORDER, start, end, None, 0.55))
    if "who " in text:
        for i in compress(count(), map("who".__eq__, low[:-2])):
            if low[i + 1] not in OBJECT_PARTICIPLES or low[i + 2] not in _AUXILIARIES_AFTER:
                continue
            if not (texts[i + 1].islower() and texts[i + 2].islower()) or not view.adjacent(i, i + 2):
                continue
            start, end = tokens[i].start, tokens[i + 1].end
            if not _overlaps(taken, start, end):
                out.append(_finding(doc, WORD_ORDER, start, end, f"{texts[i]} were {texts[i + 1]}", 0.6))
    if "ed be " in text:
        for i in compress(count(1), map("be".__eq__, low[1:-1])):
            prev = low[i - 1]
            if len(prev) < 5 or not prev.endswith("ed") or prev.endswith("eed") or prev in _BE_INVERSIONS:
                continue
            if not (texts[i - 1].islower() and texts[i].islower()) or not view.adjacent(i - 1, i + 1):
                continue
            if not _MODALS_AND_TO.isdisjoint(low[max(0, i - 3) : i - 1]) or not ARCHAIC_MARKERS.isdisjoint(low):
                continue  # "which by us shall blessed be": verse inversion
            start, end = tokens[i - 1].start, tokens[i].end
            if not _overlaps(taken, start, end):
                out.append(_finding(doc, WORD_ORDER, start, end, None, 0.55))
    return out


# Words of Early Modern English (and Scots "ye") whose text keeps word orders modern English lost.
ARCHAIC_MARKERS = frozenset("unto thee thou thy thine hath doth saith shalt hast wilt spake begat ye verily lo".split())
# Dialect agreement ("they was", "we was") is how people speak, not a translation slip.
_DIALECT_PAIRS = frozenset({("they", "was"), ("we", "was"), ("you", "was")})
_RELATIVE_HEADS = frozenset("he she they we them those".split())


def _nonstandard_but_human(low: list[str], i: int) -> bool:
    """ "They was all there" (dialect agreement) and "they that wait upon" ("those who": a pronoun
    as the head of a relative clause, old but still quoted) are no word-order garble."""
    pair = (low[i], low[i + 1])
    if pair in _DIALECT_PAIRS:
        return True
    if low[i] in _RELATIVE_HEADS and low[i + 1] == "that" and i + 2 < len(low):
        nxt = low[i + 2]
        return nxt in verb_lexicon() or _verb_like(nxt, "") or nxt.endswith("eth")
    return False


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
    verbs = verb_lexicon()
    for sent in view.passage.sentences:
        s_text = sent.text
        if len(s_text) < 50 or not s_text.endswith(".") or not s_text[:1].isupper():
            continue
        if not verbs.isdisjoint(s_text.lower().split()):
            continue  # quick path: a verb not touching punctuation
        if _NOT_PROSE.search(s_text):
            continue
        first = bisect_left(view.tokens, sent.start, key=_start)
        idx = range(first, bisect_left(view.tokens, sent.end, lo=first, key=_start))
        if len(idx) < MISSING_VERB_MIN_WORDS or sum(view.tokens[i].text[:1].isupper() for i in idx) > len(idx) / 3:
            continue  # short, or headline-like / full of names
        lowered = view.lowered[idx.start : idx.stop]
        if _imperative_opener(lowered):
            continue
        if not verb_lexicon().isdisjoint(lowered) or any(
            _verb_like(w, prev) for prev, w in zip(["", *lowered], lowered, strict=False)
        ):
            continue
        msg = MISSING_VERB.message.format(n=len(idx))
        out.append(MISSING_VERB.finding(doc.text, sent.start, sent.end, msg, None, 0.4))
    return out


_DETERMINERS = frozenset("a an the this that these those your each every all its their his her my our any some".split())


def _imperative_opener(lowered: list[str]) -> bool:
    """ "Log a message ...", "Return the value ...": a sentence opened by a word other than a
    function word or adverb, right before a determiner, is an imperative (docstrings, manuals)."""
    if len(lowered) < 2 or lowered[1] not in _DETERMINERS:
        return False
    first = lowered[0]
    return first not in FUNCTION_WORDS and not first.endswith("ly") and first.isalpha() and zipf(first) >= 3.0


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


_LANGUAGE_NAMES = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
                   "cs": "Czech", "pl": "Polish", "tr": "Turkish", "ro": "Romanian", "sv": "Swedish", "id": "Indonesian",
                   "hu": "Hungarian", "fi": "Finnish"}


def find_untranslated(doc: Document, view: PassageView, taken: list[Finding]) -> list[Finding]:
    """Latin-script runs left untranslated ("los trabajadores"): see detector/extractors/untranslated.py.
    Without a lower-case word English practically never uses or a frequent foreign function word
    the foreign-word table is not even loaded (most passages, and the cold start of most runs)."""
    from .untranslated import GATE_WORDS, STRONG_MAX_EN_ZIPF, untranslated_runs

    if not any(z < STRONG_MAX_EN_ZIPF and t[:1].islower() for z, t in zip(view.zipfs, view.texts, strict=True)) \
            and GATE_WORDS.isdisjoint(view.lowered):
        return []
    out: list[Finding] = []
    for start, end, lang in untranslated_runs(view.passage):
        if _overlaps(taken, start, end):
            continue
        msg = UNTRANSLATED.message.format(language=_LANGUAGE_NAMES.get(lang, lang), found=doc.text[start:end])
        out.append(UNTRANSLATED.finding(doc.text, start, end, msg, None, 0.6))
    return out


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
    """A gloss in parentheses or brackets after the name or term it glosses ("Xi Jinping
    (习近平)", "known as tangping (躺平)", "(Chinese: 人民日报)"), or a quoted term. A bracketed
    foreign phrase after a function word or an ordinary word ("he (ТАСС) was arrested")
    glosses nothing: it is left-over source text."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    if before[-1:] in _QUOTE_CHARS and after[:1] in _QUOTE_CHARS:
        return True
    if before[-1:] in "([（【":
        open_at = len(before) - 1
    else:
        open_at = text.rfind("(", 0, start)
        if open_at == -1 or text.find(")", open_at) < end or text.rfind(")", 0, start) > open_at:
            return False
        if _LATIN_LETTER.search(text, open_at, start):
            return True  # "(Chinese: 人民日报)", "(in Russian, санкции)"
    return _glossable(text[:open_at].rstrip())


_LAST_WORD = regex.compile(r"([\p{L}\p{N}'’\-.]+)[\"'”’»]?$")


def _glossable(before: str) -> bool:
    """Does the text before a bracket end with something a gloss can follow: a name or
    capitalised term, a rare (foreign or technical) word, a quote, or a number?"""
    if not before:
        return False
    if before[-1] in _QUOTE_CHARS:
        return True
    m = _LAST_WORD.search(before)
    if not m:
        return before[-1] not in ",;:"
    word = m.group(1)
    low = word.lower()
    if word[:1].isupper():
        # a name or term; a capitalised function word ("The", "He") glosses nothing
        return low not in FUNCTION_WORDS
    return zipf(low) < GLOSS_MAX_ZIPF and low not in FUNCTION_WORDS


def find_nonwords(doc: Document, view: PassageView) -> tuple[list[Finding], int]:
    """OCR-like non-words with a frequent correction. Returns findings and the number of
    alphabetic words unknown to wordfreq (a feature)."""
    zipfs, lowered, tokens = view.zipfs, view.lowered, view.tokens
    unknown = sum(map(str.isalpha, compress(lowered, map((0.0).__eq__, zipfs))))
    candidates = [
        i
        for i in compress(count(), map(RARE_FORM_MAX_ZIPF.__gt__, zipfs))
        if _nonword_shape(tokens[i].text) or _capitalised_article_shape(tokens[i].text)
    ]
    if not candidates or unknown > (1 - ENGLISH_MIN_KNOWN_SHARE) * len(tokens):
        return [], unknown
    out: list[Finding] = []
    for i in candidates:
        fix = ocr_correction(lowered[i])
        if fix is None or (zipfs[i] >= NONWORD_MAX_ZIPF and zipf(fix) < RARE_FORM_MIN_CANDIDATE_ZIPF):
            continue  # a rare form wordfreq knows needs a very frequent correction ("tbe" -> the)
        if not tokens[i].text.islower():
            if fix != "the":
                continue  # a capitalised rare word is a name unless it is a misread "The"
            fix = fix[:1].upper() + fix[1:]
        out.append(_finding(doc, NONWORD, tokens[i].start, tokens[i].end, fix, 0.6))
    return out, unknown


def _capitalised_article_shape(word: str) -> bool:
    """ "Tlie", "Tbe", "Thc": a capitalised three- or four-letter form (maybe a misread "The")."""
    return 3 <= len(word) <= 4 and word.istitle() and word.isalpha()


def _nonword_shape(word: str) -> bool:
    """Lower case, 3+ characters, no hyphen/period/apostrophe, no digit at the edges ("mp3")."""
    return len(word) >= 3 and word.islower() and word.isalnum() and word[0].isalpha() and word[-1].isalpha()


# ---------------------------------------------------------------------------------------
# OCR damage beyond single non-words: confusable characters, merged words, broken hyphenation,
# short function words misread in context ("ln the", "bc used")

_CONFUSABLE = regex.compile(r"^(?=.*\p{Ll})(?=.*[015I])[\p{L}015]+$")
# "10s" (shillings), "5am", "1st", "3g": numbers with a unit or suffix, not misread letters
_NUMBER_WITH_UNIT = regex.compile(
    r"^(?:\d{2,}\p{L}*|\d(?:am|pm|st|nd|rd|th|s|d|g|k|m|x|kg|km|mm|cm|ml|mb|gb|v|w|h|ft|in|lb|yr|yrs)|\p{Lu}+\d+|\p{L}\p{Lu}*\d+|\d\p{Lu}+)$"
)  # "10s", "5am", "F1", "SEAT0", "t0": a number, unit or code
_CONFUSABLE_MAP = str.maketrans({"0": "o", "1": "l", "5": "s", "I": "l"})
_SHORT_FUNCTION = frozenset("of on or do in it is so no go be by at as an if up we he me us".split())
_BROKEN_HYPHEN = regex.compile(r"(?<![\p{L}\-])(\p{L}\p{Ll}+)- (\p{Ll}{2,})(?![\p{L}\-])")
# Left parts glued to any capitalised word in OCR ("theWorks"); "onClick", "toString", "forEach"
# are code identifiers, so other left parts count only before a name ("onWednesday").
_GLUED_CAMEL_ANY = frozenset({"the", "of", "and"})
_CAMEL_MERGE = regex.compile(r"(of|on|and|in|the|to|at|for|with|by|from|right|left)(\p{Lu}\p{Ll}{2,})")
MERGED_MIN_PART_ZIPF = 3.5
MAX_HYPHEN_BREAKS = 2  # per document; more are a transcription convention, not damage
CONFUSABLE_MIN_ZIPF_LONG = 3.0  # a digit inside a long word is strong evidence: "n0tebook"
CONTEXT_MIN_COUNT = 100  # the corrected word forms a bigram this frequent with a neighbour
SHORT_MAX_ZIPF = 4.6
_SHORT_LENGTHS = frozenset({2, 3})


def find_ocr_damage(doc: Document, view: PassageView, taken: list[Finding], hyphen_breaks: bool = True) -> list[Finding]:
    """Character-level damage that find_nonwords misses: "pIans" and "0f" (digit or capital I
    for a letter), "ofthe" (a dropped space), "ambi- tion" (hyphenation left in), and short
    function words misread in context ("ln the", "mainly bc used")."""
    out: list[Finding] = []
    tokens, lowered, zipfs = view.tokens, view.lowered, view.zipfs
    taken_starts = {f.start for f in taken}
    for i in compress(count(), map((0.0).__eq__, zipfs)) if not view.informal else ():  # unknown: two glued words?
        tok = tokens[i]
        if tok.start in taken_starts:
            continue
        fix = _merged_fix(lowered[i], tok.text)
        if fix and not _code_like(doc.text, tok.start, tok.end):
            out.append(_finding(doc, NONWORD, tok.start, tok.end, fix, 0.6))
    if not view.informal:
        out += _short_misreads(doc, view, taken_starts)
    ptext = view.passage.text
    candidates = _mixed_tokens(view)
    if candidates:
        # "alI", "Inspect0r": also known lower-case forms; "onWednesday": a dropped space
        done = {f.start for f in out} | taken_starts
        for tok in (tokens[i] for i in candidates):
            if tok.start in done or _code_like(doc.text, tok.start, tok.end):
                continue
            fix = _confusable_fix(tok.text)
            if not fix:
                m = _CAMEL_MERGE.fullmatch(tok.text)
                rest = m.group(2) if m else ""
                if m and (rest.lower() in word_case() or (m.group(1) in _GLUED_CAMEL_ANY and zipf(rest.lower()) >= 3.0)):
                    fix = f"{m.group(1)} {rest}"
            if fix and fix != tok.text:
                out.append(_finding(doc, NONWORD, tok.start, tok.end, fix, 0.6))
    if hyphen_breaks and "- " in ptext:  # (False: the document keeps line-end hyphens throughout)
        for m in _BROKEN_HYPHEN.finditer(ptext):
            left, right = m.group(1), m.group(2)
            joined = left + right
            low_left = left.lower()
            if (
                right in ("and", "or", "to", "nor")
                or zipf(joined.lower()) < 3.0
                or (zipf(low_left) >= 3.0 and zipf(right) >= 3.0)
            ):
                continue  # "pre- and post-war", or two real words around a dash
            start, end = view.passage.start + m.start(), view.passage.start + m.end()
            out.append(_finding(doc, NONWORD, start, end, joined, 0.6))
    return out


def _code_like(text: str, start: int, end: int) -> bool:
    """An identifier: "isinstance(", "__init__", "os.path", "user@host"."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return before in ("_", ".", "@", "/", "#", "$") or after in ("(", "_", "@", "/", "=", "[")


def _mixed_tokens(view: PassageView) -> list[int]:
    """Indices of tokens with a digit 0/1/5 next to a letter, or a capital inside a lower-case
    word ("pIans", "0f", "onWednesday"). Cheap tests first: most passages have none."""
    texts, lowered = view.texts, view.lowered
    out: list[int] = []
    ptext = view.passage.text
    # letters -> "a", 0/1/5 -> "0" (only when the passage has a 0, 1 or 5: most have none)
    shape = ptext.translate(_LETTER_DIGIT_SHAPE) if "0" in ptext or "1" in ptext or "5" in ptext else ""
    if "a0" in shape or "0a" in shape:  # "0f", "Inspect0r" (also "1990s": filtered later)
        offset, tokens = view.passage.start, view.tokens
        for m in _DIGIT_LETTER_SHAPE.finditer(shape):
            out.append(bisect_right(tokens, offset + m.start(), key=_start) - 1)
    # tokens with a capital (text differs from its lower case) beyond the first letter
    for i in view.caps:
        t = texts[i]
        if t[1:] != lowered[i][1:] and not t.isupper() and t.isalpha():
            out.append(i)
    return sorted({i for i in out if i >= 0}) if out else out


_LETTER_DIGIT_SHAPE = str.maketrans({**dict.fromkeys(string.ascii_letters, "a"), "1": "0", "5": "0"})
_DIGIT_LETTER_SHAPE = re.compile(r"a0|0a")


def _confusable_fix(word: str) -> str | None:
    """ "pIans" -> plans, "0f" -> of, "Inspect0r" -> Inspector: digits 0/1/5 or a capital I
    among lower-case letters, where the repaired word is a frequent English word."""
    if len(word) < 2 or not _CONFUSABLE.match(word) or _NUMBER_WITH_UNIT.match(word):
        return None
    if "I" in word and not any(c in word for c in "015") and word.index("I") == 0:
        return None  # "Ill", "Iowa": a capital I at the start is a capital
    fixed = (word[0] + word[1:].translate(_CONFUSABLE_MAP)) if word[0] == "I" else word.translate(_CONFUSABLE_MAP)
    if fixed[0] in "015":
        fixed = {"0": "o", "1": "i", "5": "s"}[fixed[0]] + fixed[1:]
    low = fixed.lower()
    if len(low) == 2:
        return fixed if low in _SHORT_FUNCTION else None
    if zipf(low) < (CONFUSABLE_MIN_ZIPF_LONG if len(low) >= 6 else NONWORD_MIN_CANDIDATE_ZIPF):
        low2 = low.replace("l", "i")  # "1" may stand for "i" too: "f1nal"
        if zipf(low2) < NONWORD_MIN_CANDIDATE_ZIPF:
            return None
        fixed = low2 if fixed.islower() else fixed[0] + low2[1:]
    return fixed


# Function words that OCR glues to a neighbour. Prepositions that double as prefixes ("in",
# "for", "on", "by", "to": "incertain", "forswears") are left out on the left.
_GLUED_LEFT = frozenset("of the and that was has had not with from are were this their".split())
_GLUED_RIGHT = frozenset("and the of has is was that with from were are had have not for".split())


@lru_cache(maxsize=20_000)
def _merged_fix(low: str, original: str) -> str | None:
    """ "ofthe" -> "of the", "disarmamentand" -> "disarmament and": an unknown lower-case word
    that is a frequent word with a function word glued to it. (Two content words glued
    together are too often an English compound: "chartroom", "gearwheels".)"""
    if len(low) < 5 or not low.isalpha() or not original.islower() or zipf(low) > 0.0 or _is_typo(low):
        return None
    for left in _GLUED_LEFT:
        if low.startswith(left) and len(low) - len(left) >= 3 and zipf(low[len(left) :]) >= MERGED_MIN_PART_ZIPF:
            return f"{left} {low[len(left) :]}"
    for right in _GLUED_RIGHT:
        if low.endswith(right) and len(low) - len(right) >= 3 and zipf(low[: -len(right)]) >= MERGED_MIN_PART_ZIPF:
            return f"{low[: -len(right)]} {right}"
    return None


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
TYPO_MIN_ZIPF = 4.0  # a spelling slip is one edit away from a word at least this frequent


@lru_cache(maxsize=20_000)
def _is_typo(word: str) -> bool:
    """One deletion, transposition or substitution away from a frequent word ("monthe" ->
    month, "importand" -> important): a spelling slip, not two words glued together."""
    n = len(word)
    if _plain_lower(word) and n > 1:
        # every candidate is a plain lower-case word: one outside frequent_words() has a Zipf
        # frequency below 4.0, so only set members are looked up (the same answer, ~25x fewer
        # look-ups of non-words)
        frequent = frequent_words(TYPO_MIN_ZIPF)
        for i in range(n):
            head, tail = word[:i], word[i + 1 :]
            cand = head + tail
            if cand in frequent and zipf(cand) >= TYPO_MIN_ZIPF:
                return True
            if i + 1 < n:
                cand = head + word[i + 1] + word[i] + word[i + 2 :]
                if cand in frequent and zipf(cand) >= TYPO_MIN_ZIPF:
                    return True
            for c in _LETTERS:
                if c != word[i]:
                    cand = head + c + tail
                    if cand in frequent and zipf(cand) >= TYPO_MIN_ZIPF:
                        return True
        return False
    for i in range(n):
        if zipf(word[:i] + word[i + 1 :]) >= TYPO_MIN_ZIPF:
            return True
        if i + 1 < n and zipf(word[:i] + word[i + 1] + word[i] + word[i + 2 :]) >= TYPO_MIN_ZIPF:
            return True
        for c in _LETTERS:
            if c != word[i] and zipf(word[:i] + c + word[i + 1 :]) >= TYPO_MIN_ZIPF:
                return True
    return False


_SHORT_CONFUSIONS = (
    ("l", "i"),
    ("l", "t"),
    ("c", "e"),
    ("ri", "n"),
    ("b", "h"),
    ("h", "b"),
    ("0", "o"),
    ("rn", "m"),
    ("c", "o"),
    ("i", "l"),
)


def _short_misreads(doc: Document, view: PassageView, taken_starts: set[int]) -> list[Finding]:
    """Two- and three-letter tokens that are one OCR confusion from a function word which fits
    the neighbours far better: "practice ln the" (in the), "mainly bc used" (be used)."""
    lowered, tokens, zipfs = view.lowered, view.tokens, view.zipfs
    counts: dict[tuple[str, str], int] | None = None  # loaded at the first candidate
    out: list[Finding] = []
    n = len(lowered)
    for i in compress(count(), map(_SHORT_LENGTHS.__contains__, map(len, lowered))):
        w = lowered[i]
        if zipfs[i] >= SHORT_MAX_ZIPF or w in FUNCTION_WORDS or not w.isalpha() or tokens[i].start in taken_starts:
            continue
        if not tokens[i].text.islower():
            continue
        prev = lowered[i - 1] if i and view.adjacent(i - 1, i) else None
        nxt = lowered[i + 1] if i + 1 < n and view.adjacent(i, i + 1) else None
        if prev is None or nxt is None:
            continue
        if counts is None:
            counts = bigram_counts()
        if (prev, w) in counts or (w, nxt) in counts:
            continue
        for wrong, right in _SHORT_CONFUSIONS:
            at = w.find(wrong)
            if at == -1:
                continue
            fix = w[:at] + right + w[at + len(wrong) :]
            if fix not in FUNCTION_WORDS:
                continue
            before, after = counts.get((prev, fix), 0), counts.get((fix, nxt), 0)
            if max(before, after) >= CONTEXT_MIN_COUNT and min(before, after) > 0:
                out.append(_finding(doc, NONWORD, tokens[i].start, tokens[i].end, fix, 0.55))
                break
    return out


# ---------------------------------------------------------------------------------------
# Lower-cased names and sentence starts

_SENTENCE_START_LOWER = regex.compile(r"(?<=(?<![\p{L}.])(\p{L}[\p{Ll}\d%]+|\d+%?)\.\s{1,3})\p{Ll}[\p{Ll}'’\-]*")
_NOT_LOWERCASE_CONTEXT = frozenset("@#/\\_=<>{}[]|~`^$;&")
# Acronyms of organisations that are no English word in lower case (the case table has too few
# mid-sentence uses of some: "the nato summit"). Written by hand; "un", "who", "eu" are words.
LOWER_ACRONYMS = frozenset("nato nasa fbi cia opec imf unesco unicef interpol fifa uefa asean brics nhs".split())
STRICT, RELAXED = 2, 1  # how sure we are the writer capitalises names (0: not at all)
RELAXED_MIN_COUNT = 25  # with little casing evidence, a name must be this well attested capitalised


def find_lowercase(doc: Document, view: PassageView, taken: list[Finding], formal: int = STRICT) -> list[Finding]:
    """Lower-cased names ("in moscow") and sentence starts ("on Monday. the minister", a
    after a period) inside well-cased prose. Chat, all-lower-case
    text and code-like text are skipped. With little evidence of the writer's casing (a
    single news sentence, `formal` RELAXED), only names seen capitalised many times count."""
    well = _well_cased(view)
    if not well:
        return []
    strict = well == STRICT and formal == STRICT
    cases = word_case_counts()
    out: list[Finding] = []
    text, passage = doc.text, view.passage
    for start, end, fix in _lowercased_people(view):  # whole names first: "emmanuel macron"
        if not _overlaps(taken, start, end):
            out.append(_finding(doc, LOWERCASE, start, end, fix, 0.6))
    for start, end, fix in _lowercased_bodies(view):  # "the united nations", "the world health organization"
        if not _overlaps(taken, start, end) and not _overlaps(out, start, end):
            out.append(_finding(doc, LOWERCASE, start, end, fix, 0.6))
    for start, end, fix in _lowercased_names(view):  # "the gaza strip", "the white house"
        if not _overlaps(taken, start, end) and not _overlaps(out, start, end):
            out.append(_finding(doc, LOWERCASE, start, end, fix, 0.6))
    proper = proper_only_words()
    for i in compress(count(), map(proper.__contains__, view.lowered)):
        tok = view.tokens[i]
        if not tok.text.islower() or (tok.start and text[tok.start - 1] in _NOT_LOWERCASE_CONTEXT):
            continue
        if text[max(0, tok.start - 2) : tok.start] == "- ":
            continue  # the end of a word broken at a line end: "manufac- tory", "Ho- tel"
        if _overlaps(out, tok.start, tok.end) or _overlaps(taken, tok.start, tok.end):
            continue  # (taken: "los trabajadores" is an untranslated run, not a lower-cased "Los")
        if text.startswith("://", tok.end) or tok.text in ("http", "https", "www"):
            continue
        if _compound_or_particle(view, i):
            continue
        case = cases.get(view.lowered[i])
        if not strict and case is not None and case[1] < RELAXED_MIN_COUNT and view.lowered[i] not in place_words():
            continue  # "a demon", "the arctic": rare in the case table, too little evidence alone
        if tok.end < len(text) and text[tok.end] in "@/._" and text[tok.end + 1 : tok.end + 2].isalnum():
            continue  # "moscow.ru", "london_office"
        fix = tok.text[:1].upper() + tok.text[1:]
        out.append(_finding(doc, LOWERCASE, tok.start, tok.end, fix, 0.6))
    for i in compress(count(), map(LOWER_ACRONYMS.__contains__, view.texts)):
        tok = view.tokens[i]
        if (tok.start and text[tok.start - 1] in _NOT_LOWERCASE_CONTEXT) or _overlaps(out, tok.start, tok.end):
            continue
        if tok.end < len(text) and text[tok.end] in "@/._" and text[tok.end + 1 : tok.end + 2].isalnum():
            continue  # "nato.int", "fifa_world"
        out.append(_finding(doc, LOWERCASE, tok.start, tok.end, tok.text.upper(), 0.6))
    matches = _SENTENCE_START_LOWER.finditer(passage.text) if _QUICK_LOWER_START.search(passage.text) else ()
    starts = [
        m
        for m in matches
        if m.group(1).lower() not in ABBREVIATIONS
        and m.group(1).lower() not in _UNITS
        and m.group(1).lower() not in _OLD_ABBREVIATIONS
        and (not m.group(1)[:1].isupper() or len(m.group(1)) >= 5 or m.group(1).lower() in proper)
        and m.group().lower() in SENTENCE_OPENER_WORDS
        and not passage.text.startswith(("://", ".", "@"), m.end())
    ]
    if len(starts) > max(2, len(passage.sentences) - 1):
        return out  # more lower-case than capitalised sentence starts: the writer's habit
    for m in starts:
        start, end = passage.start + m.start(), passage.start + m.end()
        if _overlaps(out, start, end) or _overlaps(taken, start, end):
            continue
        word = text[start:end]
        out.append(_finding(doc, LOWERCASE, start, end, word[:1].upper() + word[1:], 0.55))
    return out


def _compound_or_particle(view: PassageView, i: int) -> bool:
    """ "brussels sprouts" (a fixed compound), "de los Andes" (a particle inside a name)."""
    low, texts, n = view.lowered, view.texts, len(view.lowered)
    nxt = low[i + 1] if i + 1 < n and view.adjacent(i, i + 1) else ""
    if nxt in LOWER_COMPOUNDS.get(low[i], ()):
        return True
    if low[i] not in NAME_PARTICLES or not nxt or not texts[i + 1][:1].isupper():
        return False
    return i > 0 and view.adjacent(i - 1, i) and (texts[i - 1][:1].isupper() or low[i - 1] in NAME_PARTICLES)


# A lower-case word after a sentence-final period (not an abbreviation), optionally opening a quote.
_SENTENCE_START_LOWER = regex.compile(r"(?<=(?<![\p{L}.])(\p{L}[\p{Ll}\d%]+|\d+%?)\.\s{1,3}[\"“‘]?)\p{Ll}[\p{Ll}'’\-]*")
# Abbreviations of older and legal prose after which a sentence goes on in lower case ("on the
# 3rd inst. at Blair", "Andrew Duncan, jun. M. D.", "J. B. Taylor, sen.").
_OLD_ABBREVIATIONS = frozenset("inst ult prox curt jun junr sen senr esq viz ibid vol fol ch cf sq nos".split())
_UNITS = frozenset("cm mm km lb lbs ft in oz kg sq yd yds mi hr hrs min sec ins pt pts gal dom rec".split())
SENTENCE_OPENER_WORDS = frozenset(
    # openers of formal prose; "and", "but", "so", "no" open sentences of casual writing too
    """the a an this that these those it its he she they we his her their our there then in on at for
    with by from after before when while as if since although though however meanwhile also still now
    today yesterday one some all both each what who mr mrs ms dr""".split()
)


_CASUAL_WORDS = frozenset("i i'm i've i'd im ive u ur pls plz thx lol btw".split())  # as written, lower case
_LOWER_START_ANYWHERE = regex.compile(r"(?:^|[.!?]\s{1,3})[\"“‘]?\p{Ll}")
_UPPER_START_ANYWHERE = regex.compile(r"(?:^|[.!?]\s{1,3})[\"“‘]?\p{Lu}")
# The same for ASCII text, in `re` (several times faster); `\s` of `regex` is these six in ASCII.
_LOWER_START_ASCII = re.compile(r"(?:^|[.!?][\t\n\x0b\x0c\r ]{1,3})\"?[a-z]")
_UPPER_START_ASCII = re.compile(r"(?:^|[.!?][\t\n\x0b\x0c\r ]{1,3})\"?[A-Z]")


def _count_starts(text: str, upper: bool) -> int:
    """Sentence starts ("^" or after . ! ?) in upper or lower case, as the `regex` patterns count them."""
    if text.isascii():
        return len((_UPPER_START_ASCII if upper else _LOWER_START_ASCII).findall(text))
    return len((_UPPER_START_ANYWHERE if upper else _LOWER_START_ANYWHERE).findall(text))


_QUICK_LOWER_START = re.compile(r"\.(?<=[a-z0-9%]\.)\s{1,3}[\"“‘]?[a-z]")  # starts with a literal: fast scan


def _lowercase_candidates(view: PassageView) -> bool:
    """Cheap test: a lower-case sentence start, a lower-case proper-only word or a lower-case
    pair that could be a person's name is present."""
    if _QUICK_LOWER_START.search(view.passage.text):
        return True
    if not proper_only_words().isdisjoint(view.texts) or not LOWER_ACRONYMS.isdisjoint(view.texts):
        return True
    if not body_names().keys().isdisjoint(view.texts) and _lowercased_bodies(view):
        return True  # the sets hold lower-case forms only
    if not name_case().keys().isdisjoint(view.texts) and _lowercased_names(view):
        return True
    # the only other source of lower-case findings: a notable person's full name
    return bool(_name_pair_positions(view)) and bool(_lowercased_people(view))


# A lower-cased surname must be rarer than this as a word ("biden", frequent in wordfreq, is in
# proper_only_words already); its first name rarer than LOWER_GIVEN_MAX_ZIPF.
LOWER_SURNAME_MAX_ZIPF = 4.0
LOWER_GIVEN_MAX_ZIPF = 5.0


def _name_pair_positions(view: PassageView) -> list[int]:
    """Indices i of adjacent lower-case words (i, i + 1) rare enough to be a first name and a
    surname: the cheap pre-selection before the gazetteer look-up."""
    cached = view.lower_cache.get("pairs")
    if cached is not None:
        return cached
    texts, zipfs = view.texts, view.zipfs
    # i where word i + 1 is rare enough to be a surname (few words are), then the rest
    out = view.lower_cache["pairs"] = [
        i
        for i in compress(count(), map(LOWER_SURNAME_MAX_ZIPF.__gt__, zipfs[1:]))
        if zipfs[i] < LOWER_GIVEN_MAX_ZIPF
        and len(texts[i + 1]) > 2
        and texts[i].isalpha()
        and texts[i + 1].isalpha()
        and texts[i].islower()
        and texts[i + 1].islower()
    ]
    return out


def _lowercased_people(view: PassageView) -> list[tuple[int, int, str]]:
    """Notable people written in lower case ("antony blinken" -> "Antony Blinken"): the pair must
    spell a known person's full name exactly, and the surname must not be an ordinary
    lower-case word (the case table has it capitalised, or it is too rare to be in it)."""
    from .names import fold, gazetteer, skeleton

    cached = view.lower_cache.get("people")
    if cached is not None:
        return cached
    out: list[tuple[int, int, str]] = []
    view.lower_cache["people"] = out
    positions = _name_pair_positions(view)
    if not positions:
        return out
    gaz, cases = gazetteer(), word_case_counts()
    surnames = _surname_surfaces()
    texts, tokens = view.texts, view.tokens
    for i in positions:
        first, last = texts[i], texts[i + 1]
        if last not in surnames:
            continue  # no person's written name ends in it (the exact test below would fail)
        if f"{skeleton(first)} {skeleton(last)}" not in gaz.full_keys or not view.adjacent(i, i + 1):
            continue
        case = cases.get(last)
        if case is not None and case[0] < 0.5:
            continue  # written lower case as often as not: an ordinary word
        wanted = f"{first} {last}"
        person = next((p for p in gaz.people(skeleton(last)) if fold(p.display).lower() == wanted), None)
        if person is not None:
            out.append((tokens[i].start, tokens[i + 1].end, person.display))
    return out


@lru_cache(maxsize=1)
def _surname_surfaces() -> frozenset[str] | set[str]:
    """Every folded name token of the gazetteer (its `surfaces`), plus the particles and
    suffixes its tokens leave out: the last word of "first last" equal to a person's folded
    display name is one of them ("van" of "Van Morrison" is a particle, not a surface)."""
    from .names import PARTICLES, gazetteer

    return gazetteer().surfaces | PARTICLES | {"jr", "sr", "ii", "iii", "iv"}


# Two-word names whose first word makes them a name in any context ("united nations",
# "world bank"); other two-word names ("white house", "west bank", "foreign ministry") are
# ordinary lower-case phrases too.
_NAME_FIRST_WORDS = frozenset("united european international world".split())
# Generic heads: "the ministry of health", "the department of justice" are often lower case.
_GENERIC_BODY_WORDS = frozenset("ministry department office service police republic kingdom state territory".split())


@lru_cache(maxsize=1)
def body_names() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Lower-case multi-word names of organisations and countries (the role table's entities
    and aliases), indexed by their first word: words -> written form. Kept: three words or
    more ("world health organization", "house of commons") or two words after
    _NAME_FIRST_WORDS, never with a generic head word (_GENERIC_BODY_WORDS) nor made of
    ordinary words only ("house of the people")."""
    from .names import load_data_json

    forms: dict[tuple[str, ...], str] = {}
    for entity in load_data_json("roles_table.json.gz").get("entities", ()):
        for alias in (entity["name"], *entity.get("aliases", ())):
            words = alias.split()
            low = tuple(w.lower() for w in words)
            if len(words) < 2 or not all(w.isalpha() for w in low) or not _GENERIC_BODY_WORDS.isdisjoint(low):
                continue
            if not all(w[:1].isupper() or w in FUNCTION_WORDS for w in words) or words[0].isupper():
                continue  # "UN Security Council": "un"/"us" are words in lower case
            if all(zipf(w) >= 5.0 for w in low if w not in FUNCTION_WORDS):
                continue  # "house of the people", "new development bank": ordinary words only
            if len(words) >= 3 or low[0] in _NAME_FIRST_WORDS:
                forms.setdefault(low, alias)
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for low, alias in sorted(forms.items(), key=lambda kv: -len(kv[0])):  # longest first
        index.setdefault(low[0], []).append((low, alias))
    return {k: tuple(v) for k, v in index.items()}


def _lowercased_bodies(view: PassageView) -> list[tuple[int, int, str]]:
    """Organisation and country names of several words written all in lower case (as
    written: view.texts), not after an indefinite article ("a european union of states")."""
    cached = view.lower_cache.get("bodies")
    if cached is None:
        cached = view.lower_cache["bodies"] = _lowercased_sequences(view, body_names())
    return cached


def _lowercased_sequences(view: PassageView, index: dict[str, tuple[tuple[tuple[str, ...], str], ...]]) -> list[tuple[int, int, str]]:
    """(start, end, fix) of every word sequence of `index` (first word -> [(words, fix)]) found
    as written in the passage, longest first per position, not after an indefinite article."""
    texts, out, n = view.texts, [], len(view.texts)
    next_free = 0
    for i in compress(count(), map(index.__contains__, texts)):
        if i < next_free or (i and texts[i - 1].lower() in _INDEFINITE):
            continue
        for words, fix in index[texts[i]]:
            k = len(words)
            if i + k <= n and tuple(texts[i : i + k]) == words and view.adjacent(i, i + k - 1):
                out.append((view.tokens[i].start, view.tokens[i + k - 1].end, fix))
                next_free = i + k
                break
    return out


_INDEFINITE = frozenset("a an any every another".split())
_NAME_INNER = frozenset(("of", "the"))
# Heads of phrases that news capitalises only as a title before a name ("Treasury Secretary
# Janet Yellen") or after a nationality ("Russian President"), or that house styles write in
# lower case ("Australia's high court"): lower case is fine there.
_ROLE_WORDS = frozenset(
    """president minister premier editor secretary professor admiral general ambassador doctor government
    language leader chief spokesman spokeswoman official officials director chairman envoy commander
    people citizens court""".split()
)
_NATION_NOUNS = frozenset("american americans jews".split())


@lru_cache(maxsize=1)
@_without_gc
def name_case() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """Names of two or three words that English capitalises in mid-sentence in 95% or more of
    5 or more uses (the case table built by training/build_collocations.py: "gaza strip",
    "new york"), indexed by their first word: words -> Title-Case form, longest first. Names
    made of ordinary words only ("white house") are left out: lower case, they are a phrase."""
    path = resources.files("detector") / "data" / DATA_NAME_CASE
    with path.open("rb") as raw:
        lines = gzip.decompress(raw.read()).decode("utf-8").splitlines()
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for line in lines[2:]:
        words = tuple(line.split("\t", 1)[0].split())
        if not COMMON_WORD_NAMES.isdisjoint(words) or not _GENERIC_BODY_WORDS.isdisjoint(words):
            continue  # "may day"; "interior ministry", often lower case in news
        if words[-1] in _ROLE_WORDS or words[-1] in _NATION_NOUNS:
            continue  # "russian president", "african americans": the head is no name
        if _ordinary_words_only(words):
            continue  # "the white house on the corner": a house that is white as often as not
        title = " ".join(w if k and w in _NAME_INNER else w[:1].upper() + w[1:] for k, w in enumerate(words))
        index.setdefault(words[0], []).append((words, title))
    return {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in index.items()}


def _ordinary_words_only(words: tuple[str, ...]) -> bool:
    """No word of the name is mostly capitalised on its own ("white house", "red sea"; not
    "gaza strip")."""
    cases = word_case()
    return all(cases.get(w, 0.0) < 0.5 for w in words)


def _lowercased_names(view: PassageView) -> list[tuple[int, int, str]]:
    """Multi-word names of the name case table written all in lower case ("in the gaza strip"
    -> "Gaza Strip"), not after an indefinite article ("an united nations of traders")."""
    cached = view.lower_cache.get("names")
    if cached is None:
        cached = view.lower_cache["names"] = _lowercased_sequences(view, name_case())
    return cached


def _consistently_cased(doc: Document) -> int:
    """Formal, consistently capitalised writing (news, reports): the lower-case rule only runs
    there. Writers of chat, reviews and e-mail ("i", "you", "thanks", "?") lower-case
    names and sentence starts by habit; a planted lower-case word stands out only against a
    document that capitalises its sentence starts and names nearly everywhere."""
    proper = proper_only_words()
    capital_names = lower_names = mid_capitals = 0
    for passage in doc.passages:
        lowered = passage.lowered_words
        texts = passage.word_texts
        text = passage.text
        if "??" in text or "!!" in text or not _CASUAL_WORDS.isdisjoint(texts):
            return False
        if "?" in text and not any(q in text for q in _QUOTE_CHARS):
            return False  # questions outside quotes: forums, reviews, e-mail
        for i in compress(count(), map(proper.__contains__, lowered)):
            if texts[i][:1].isupper():
                capital_names += 1
            else:
                lower_names += 1
        mid_capitals += sum(map(str.isupper, map(itemgetter(0), texts[1:])))  # words are never empty
    upper_starts = sum(_count_starts(p.text, True) for p in doc.passages)
    lower_starts = sum(_count_starts(p.text, False) for p in doc.passages)
    if lower_names > 3 or upper_starts <= lower_starts or lower_starts > 3:
        return 0
    if capital_names >= lower_names:
        return STRICT
    # Few names of the case table to compare: other capitalised words mid-sentence ("on
    # Tuesday", "Olaf Scholz") show a writer who capitalises names; one lower-case name in a
    # short, fully punctuated news sentence is a slip, not a habit.
    mid_capitals -= upper_starts - len(doc.passages)  # sentence starts after the first are no evidence
    relaxed = capital_names + mid_capitals >= lower_names or (lower_names == 1 and lower_starts == 0 and _edited_sentence(doc))
    return RELAXED if relaxed else 0


def _edited_sentence(doc: Document) -> bool:
    """A short document that reads as edited prose: starts with a capital, ends with a full stop."""
    text = doc.text.strip()
    return len(doc.passages) == 1 and text[:1].isupper() and text[-1:] in ".\"”" and len(doc.passages[0].words) >= 8


def _well_cased(view: PassageView) -> int:
    """Prose that writes names and sentence starts with capitals: a few capitalised words
    after the first, and no marks of casual writing ("i think", "dont", "lol")."""
    texts = view.texts
    if len(texts) < 6 or not _CHAT_MARKERS.isdisjoint(view.lowered):
        return False
    if not _LOWER_I.isdisjoint(texts):
        return 0
    capitals = sum(map(str.isupper, map(itemgetter(0), texts[1:])))
    if capitals >= 2:
        return STRICT
    # a single edited news sentence may have no other capital ("Floods in northern italy ...")
    text = view.passage.text
    return RELAXED if len(texts) >= 8 and text[:1].isupper() and text.rstrip()[-1:] in ".\"”" else 0


_LOWER_I = frozenset({"i", "im", "ive", "dont", "cant", "u"})


_RULE_IDS = tuple(r.id for r in GarbleExtractor.rules)


def _features(view: PassageView, found: list[Finding], unknown: int, n_order: int, foreign_letters: int) -> list[float]:
    counts = dict.fromkeys(_RULE_IDS, 0.0)
    for f in found:
        counts[f.rule] += 1.0
    n = len(view.tokens)
    distinct_content = len(set(view.lowered) - FUNCTION_WORDS)
    n_content = n - sum(map(FUNCTION_WORDS.__contains__, view.lowered))
    texts = view.texts
    capitalised = sum(1 for i in view.caps if texts[i][0].isupper())
    return [
        counts[DOUBLED_WORD.id],
        counts[REPETITION.id],
        counts[WORD_ORDER.id] + counts[AGREEMENT.id],  # the model's "word_order_count": ungrammatical sequences
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
        counts[UNTRANSLATED.id],
        counts[LOWERCASE.id],
    ]
