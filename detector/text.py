"""The text model: a document split into paragraphs, sentences, tokens and passages.

Every unit carries half-open code-point offsets into the ORIGINAL text, so
`doc.text[unit.start:unit.end] == unit.text` always holds. Extractors work on
these units and report findings with the same offsets.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, cached_property
from typing import NamedTuple

import regex

# Abbreviations that end in a period but rarely end a sentence. Lower-cased, without the
# final period. Single letters (initials: "J. K. Rowling") are handled separately.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep
    rev hon pres supt insp det messrs mme mlle
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    no nos vol vols art fig figs ch p pp ed eds est approx dept univ assn bros corp inc ltd co
    vs v etc al cf e.g i.e a.m p.m u.s u.k u.n e.u u.s.a d.c b.c a.d ph.d m.d b.a m.a
    ave blvd rd hwy
    """.split()
)
# These are only abbreviations when a number follows ("No. 10", "Jan. 13", "p. 5").
NUMBER_ABBREVIATIONS = frozenset("no nos vol art fig p pp ch jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Abbreviations that often end a sentence too ("in the U.S. The next day"): a capital after
# them only starts a new sentence when the next word is a usual sentence opener (below).
# Initialisms ("U.S.", "J.K.") and initials ("Harry S. Truman") follow the same rule.
SENTENCE_FINAL_ABBREVIATIONS = frozenset("u.s u.k u.n e.u u.s.a d.c".split())
# After these a capital always starts a new sentence ("Apple Inc. The company said"), except
# a day, month or time zone after a time ("10 a.m. Tuesday", "3 p.m. ET").
CAPITAL_ENDS_ABBREVIATIONS = frozenset("etc a.m p.m inc ltd co corp".split())
TIME_FOLLOWERS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    et est edt ct cst cdt mt mst mdt pt pst pdt gmt bst utc cet cest ist jst aest local""".split()
)
# Closed-class words that usually open a sentence. "the U.S. Capitol" and "the U.N. Security
# Council" continue the sentence; "the U.S. Then she left" and "the U.S. It grew" do not.
SENTENCE_OPENERS = frozenset(
    """the a an this that these those it its he she they we i you his her their our my your
    there then but and or so yet in on at for with by from after before when while as if since
    although though however meanwhile also still now today yesterday tomorrow last next some many
    most all both each no not one what who why how where which here such even only instead
    despite during under over""".split()
)
_INITIAL_BEFORE = "\"'“‘«([{-–—/"
_INITIALISM_RE = regex.compile(r"(?:\p{L}\.)+\p{L}")
_MAX_ABBREVIATION_CHARS = 12

# Longest sentence and passage we keep as one unit: a line of text without any sentence
# boundary (a 20 MB log line) is cut into chunks at whitespace so work per unit stays bounded.
MAX_SENTENCE_CHARS = 1000
MAX_PASSAGE_SENTENCES = 3
MAX_PASSAGE_CHARS = 1200

_WORD = r"[\p{L}\p{M}\p{N}]+(?:['’\-.&][\p{L}\p{M}\p{N}]+)*"
# A word, or one grapheme that does not start with whitespace (a combining mark after a
# space is its own token, without the space).
_TOKEN_RE = regex.compile(rf"(?P<word>{_WORD})|(?P<other>(?!\s)\X)", regex.V1)
_SPACE_RE = regex.compile(r"\s+")
# A candidate sentence end: terminal punctuation, any closing quotes/brackets, then space.
_SENT_END_RE = regex.compile(r"[.!?…]+['\"’”»)\]]*(?=\s)|[.!?…]+['\"’”»)\]]*$", regex.V1)
_PARA_BREAK_RE = regex.compile(r"\n[^\S\n]*\n\s*|\r\n[^\S\n]*\r\n\s*|\u2029\s*")
_LINE_END_PUNCT = tuple(".!?:;…\"'’”)]»")


class Token(NamedTuple):
    """A word or a single non-space grapheme with its offsets into the document.

    Immutable, hashable, same repr as before; a named tuple because a document has one per
    token and building a tuple costs a third of building a frozen dataclass."""

    start: int
    end: int
    text: str
    is_word: bool


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Passage:
    """The unit the model scores: a paragraph, or a window of a few of its sentences."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    sentences: tuple[Sentence, ...]

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tokenize(self.text, self.start)

    @cached_property
    def words(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.is_word)

    @cached_property
    def word_texts(self) -> list[str]:
        """The texts of the passage's words (computed once, shared by the extractors)."""
        return [t.text for t in self.words]

    @cached_property
    def lowered_words(self) -> list[str]:
        """The passage's words in lower case, computed once per passage and shared by the
        extractors. The strings are interned, so their hashes are computed once per process
        and dict/set look-ups of words and word pairs stay cheap."""
        texts = self.word_texts
        lowered = list(map(_LOWER.get, texts))
        if None in lowered:
            if len(_LOWER) >= _LOWER_MAX:
                _LOWER.clear()
            intern = sys.intern
            for i, low in enumerate(lowered):
                if low is None:
                    text = texts[i]
                    low = _LOWER[text] = intern(text.lower())
                    lowered[i] = low
        return lowered

    @cached_property
    def sentence_word_counts(self) -> tuple[int, ...]:
        """Words per sentence (a word belongs to the first sentence that ends after its start;
        the last sentence takes the rest)."""
        sentences, words = self.sentences, self.words
        last = len(sentences) - 1
        if last <= 0:
            return (len(words),) if sentences else ()
        counts = []
        before = 0
        for s in sentences[:last]:
            upto = bisect_left(words, s.end, lo=before, key=_token_start)
            counts.append(upto - before)
            before = upto
        counts.append(len(words) - before)
        return tuple(counts)


_LOWER: dict[str, str] = {}  # token text -> interned lower case (token texts are interned too)
_LOWER_MAX = 500_000


def _token_start(token: Token) -> int:
    return token.start


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Split `text` into word and symbol tokens (whitespace dropped), offsets shifted by `offset`.

    Words keep inner apostrophes, hyphens and periods ("don't", "Indo-Pacific", "U.S", "3.5");
    every other grapheme (punctuation, emoji with modifiers, a letter with combining marks
    outside a word) is one token.
    """
    intern = sys.intern  # a long document repeats the same words: one string each saves memory
    simple = _simple_tokens()
    if text.isascii() or not simple.unsafe.search(text):
        # Every character is its own grapheme: the standard library's `re` gives the same
        # tokens as the full pattern below, several times faster (most English text).
        new = tuple.__new__  # Token(...) without the Python-level __new__ of a named tuple
        return tuple([new(Token, (m.start() + offset, m.end() + offset, intern(m.group()), m.lastindex == 1)) for m in simple.token.finditer(text)])
    tokens = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        is_word = m.lastgroup == "word"
        if not is_word and text[end - 1].isspace():
            # a prepended mark clusters with a following space ("\u0600 "): drop the space;
            # U+001C..U+001F are spaces to Python but not to `\s`: drop them too
            start, end = _strip_span(text, start, end)
            if start == end:
                continue
        tokens.append(Token(start + offset, end + offset, intern(text[start:end]), is_word))
    return tuple(tokens)


@dataclass(frozen=True)
class _SimpleTokens:
    token: re.Pattern[str]  # (word)|other, in `re` syntax
    unsafe: re.Pattern[str]  # any character outside ASCII and the simple set


@cache
def _simple_tokens() -> _SimpleTokens:
    """Patterns for text whose characters are all single-character graphemes that `re` and
    `regex` class alike: ASCII, and the letters, digits, punctuation and symbols of Latin-1,
    Latin Extended-A/B, General Punctuation, currency and letterlike symbols with grapheme
    break property Other (no combining marks, joiners, controls or emoji). Built once."""
    other = regex.compile(r"\p{Grapheme_Cluster_Break=Other}")
    space = regex.compile(r"\s")
    word = regex.compile(r"[\p{L}\p{M}\p{N}]")
    simple, letters = [], []
    for lo, hi in ((0x80, 0x250), (0x2000, 0x2070), (0x20A0, 0x20C1), (0x2100, 0x2150)):
        for cp in range(lo, hi):
            c = chr(cp)
            if other.match(c) and bool(space.match(c)) == c.isspace():
                simple.append(c)
                if word.match(c):
                    letters.append(c)
    w = "[0-9A-Za-z" + "".join(map(re.escape, letters)) + "]"
    # ASCII control characters are graphemes of their own too; `\s` is str.isspace() in `re`,
    # which also drops U+001C..U+001F as the full path does
    token = re.compile(rf"({w}+(?:['’\-.&]{w}+)*)|[^\s]")
    unsafe = re.compile("[^\x00-\x7f" + "".join(map(re.escape, simple)) + "]")
    return _SimpleTokens(token, unsafe)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) of each non-empty paragraph.

    A blank line always separates paragraphs. A single line break also does when the line
    before it ends like a sentence or a heading would (terminal punctuation, or a short line),
    which is how scraped news and chat logs put one paragraph per line; hard-wrapped prose
    (lines that stop mid-sentence) stays one paragraph.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARA_BREAK_RE.finditer(text):
        spans.extend(_split_lines(text, pos, m.start()))
        pos = m.end()
    spans.extend(_split_lines(text, pos, len(text)))
    return spans


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    start, end = _strip_span(text, start, end)
    if start >= end:
        return []
    out = []
    block_start = line_start = start
    i = text.find("\n", start, end)
    while i != -1:
        line = text[line_start:i].rstrip()  # only this line: linear in the block's length
        if line and (line.endswith(_LINE_END_PUNCT) or len(line) < 60):
            s, e = _strip_span(text, block_start, i)
            if s < e:
                out.append((s, e))
            block_start = i + 1
        line_start = i + 1
        i = text.find("\n", i + 1, end)
    s, e = _strip_span(text, block_start, end)
    if s < e:
        out.append((s, e))
    return out


def _next_word(text: str, pos: int, end: int) -> str:
    """The first word after `pos` (skipping spaces and opening quotes), lower-cased."""
    while pos < end and (text[pos].isspace() or text[pos] in "\"'“‘«([{"):
        pos += 1
    stop = pos
    while stop < end and stop - pos < 20 and text[stop].isalpha():
        stop += 1
    return text[pos:stop].lower()


def _next_char(text: str, pos: int, end: int) -> str:
    """The first non-space character in text[pos:end], or "" (without copying the rest)."""
    while pos < end and text[pos].isspace():
        pos += 1
    return text[pos] if pos < end else ""


def _is_abbreviation(text: str, dot: int, end: int, limit: int | None = None) -> bool:
    """Is the period at `dot` part of an abbreviation rather than a sentence end?

    `end` is where the punctuation ends; `limit` is the end of the paragraph.
    """
    limit = len(text) if limit is None else limit
    j = dot
    while j > 0 and dot - j <= _MAX_ABBREVIATION_CHARS and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word or dot - j > _MAX_ABBREVIATION_CHARS:
        return False
    nxt = _next_char(text, end, limit)
    if word in NUMBER_ABBREVIATIONS:
        return nxt.isdigit()
    if word in CAPITAL_ENDS_ABBREVIATIONS:
        if word in ("a.m", "p.m") and _next_word(text, end, limit) in TIME_FOLLOWERS:
            return True
        return not nxt.isupper()
    if word in ABBREVIATIONS and word not in SENTENCE_FINAL_ABBREVIATIONS:
        return True  # titles and the like: "Dr. Jones", "Gen. Milley", "vs. Chelsea"
    initial = len(word) == 1 and word.isalpha() and (j == 0 or text[j - 1].isspace() or text[j - 1] in _INITIAL_BEFORE)
    if initial or word in SENTENCE_FINAL_ABBREVIATIONS or _INITIALISM_RE.fullmatch(word):
        # "J. K. Rowling", "the U.S. Capitol": the sentence goes on unless a usual opener follows
        return not (nxt.isupper() and _next_word(text, end, limit) in SENTENCE_OPENERS)
    return False


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Half-open sentence spans inside text[start:end]. Long runs are cut at whitespace.

    A sentence ends at terminal punctuation (with any closing quotes or brackets) before a
    space, unless the period belongs to an abbreviation or the next word is lower-case
    ("e.g. this", "\"Why?\" he asked").
    """
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END_RE.finditer(text, start, end):
        punct_end = m.end()
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start(), punct_end, end):
            continue
        if _next_char(text, punct_end, end).islower():
            continue  # no capital, no new sentence; scripts without case (Arabic, Hebrew) do split
        spans.extend(_cut_long(text, pos, punct_end))
        pos = punct_end
    spans.extend(_cut_long(text, pos, end))
    return spans


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    start, end = _strip_span(text, start, end)
    out = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        if cut == -1:
            cut = start + MAX_SENTENCE_CHARS
            # never cut between a character and its combining mark or a surrogate-like pair
            while cut < end and regex.match(r"\p{M}", text[cut]):
                cut += 1
        s, e = _strip_span(text, start, cut)
        if s < e:
            out.append((s, e))
        start, _ = _strip_span(text, cut, end)
    if start < end:
        out.append((start, end))
    return out


@dataclass(frozen=True)
class Document:
    """A text split into paragraphs, sentences and passages; tokens are computed per passage."""

    text: str
    id: str | None = None

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(Paragraph(s, e, self.text[s:e]) for s, e in split_paragraphs(self.text))

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        out = []
        for i, p in enumerate(self.paragraphs):
            for s, e in split_sentences(self.text, p.start, p.end):
                out.append(Sentence(s, e, self.text[s:e], i))
        return tuple(out)

    @cached_property
    def passages(self) -> tuple[Passage, ...]:
        """Paragraphs, with long ones cut into windows of at most a few sentences."""
        out: list[Passage] = []
        window: list[Sentence] = []

        def flush() -> None:
            if window:
                s, e = window[0].start, window[-1].end
                out.append(Passage(len(out), s, e, self.text[s:e], window[0].paragraph, tuple(window)))
                window.clear()

        for sent in self.sentences:
            if window and (
                sent.paragraph != window[0].paragraph
                or len(window) >= MAX_PASSAGE_SENTENCES
                or sent.end - window[0].start > MAX_PASSAGE_CHARS
            ):
                flush()
            window.append(sent)
        flush()
        return tuple(out)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for p in self.passages for t in p.tokens)

    def passage_at(self, offset: int) -> int:
        """Index of the passage containing `offset` (the nearest one before it otherwise)."""
        lo, hi = 0, len(self.passages) - 1
        if hi < 0:
            return -1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.passages[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset (for `path:line:col` output)."""
        line = self.text.count("\n", 0, offset) + 1
        col = offset - (self.text.rfind("\n", 0, offset) + 1) + 1
        return line, col


_NORMALISE = str.maketrans(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
        "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "‐": "-", "‑": "-",
        "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2007": " ", "…": "...",
    }
)
_DETOKENISE = [
    (regex.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", regex.I), r"\1"),
    (regex.compile(r" ([.,;:!?%)\]])"), r"\1"),
    (regex.compile(r"([(\[$]) "), r"\1"),
    (regex.compile(r"\s+"), " "),
]


def normalise(text: str) -> str:
    """Typography-neutral form for lexical features: straight quotes, hyphens, single spaces,
    tokenised punctuation re-attached ("do n't ." -> "don't."). Offsets are NOT preserved."""
    out = text.translate(_NORMALISE)
    for pattern, repl in _DETOKENISE:
        out = pattern.sub(repl, out)
    return out.strip()
