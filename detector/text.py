"""The text model: a document split into paragraphs, sentences, tokens and passages.

Every unit carries half-open code-point offsets into the ORIGINAL text, so
`doc.text[unit.start:unit.end] == unit.text` always holds. Extractors work on
these units and report findings with the same offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

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

# Longest sentence and passage we keep as one unit: a line of text without any sentence
# boundary (a 20 MB log line) is cut into chunks at whitespace so work per unit stays bounded.
MAX_SENTENCE_CHARS = 1000
MAX_PASSAGE_SENTENCES = 3
MAX_PASSAGE_CHARS = 1200

_WORD = r"[\p{L}\p{M}\p{N}]+(?:['’\-.&][\p{L}\p{M}\p{N}]+)*"
_TOKEN_RE = regex.compile(rf"(?P<word>{_WORD})|(?P<other>\X)", regex.V1)
_SPACE_RE = regex.compile(r"\s+")
# A candidate sentence end: terminal punctuation, any closing quotes/brackets, then space.
_SENT_END_RE = regex.compile(r"[.!?…]+['\"’”»)\]]*(?=\s)|[.!?…]+['\"’”»)\]]*$", regex.V1)
_PARA_BREAK_RE = regex.compile(r"\n[^\S\n]*\n\s*|\r\n[^\S\n]*\r\n\s*|\u2029\s*")
_LINE_END_PUNCT = tuple(".!?:;…\"'’”)]»")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or a single non-space grapheme with its offsets into the document."""

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


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """Split `text` into word and symbol tokens (whitespace dropped), offsets shifted by `offset`.

    Words keep inner apostrophes, hyphens and periods ("don't", "Indo-Pacific", "U.S", "3.5");
    every other grapheme (punctuation, emoji with modifiers, a letter with combining marks
    outside a word) is one token.
    """
    tokens = []
    for m in _TOKEN_RE.finditer(text):
        s = m.group()
        if s.isspace():
            continue
        tokens.append(Token(m.start() + offset, m.end() + offset, s, m.lastgroup == "word"))
    return tuple(tokens)


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
    block_start = start
    i = text.find("\n", start, end)
    while i != -1:
        line_end = i - 1 if i > 0 and text[i - 1] == "\r" else i
        line = text[block_start:line_end].rstrip()
        last_line = line[line.rfind("\n") + 1 :]
        if line and (line.endswith(_LINE_END_PUNCT) or len(last_line) < 60):
            s, e = _strip_span(text, block_start, line_end)
            if s < e:
                out.append((s, e))
            block_start = i + 1
        i = text.find("\n", i + 1, end)
    s, e = _strip_span(text, block_start, end)
    if s < e:
        out.append((s, e))
    return out


def _is_abbreviation(text: str, dot: int, end: int) -> bool:
    """Is the period at `dot` part of an abbreviation rather than a sentence end?"""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    nxt = text[end : end + 12].lstrip()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. K. Rowling", "Harry S. Truman"
    if word in NUMBER_ABBREVIATIONS:
        return bool(nxt[:1].isdigit())
    if word in ABBREVIATIONS:
        # "in the U.S. The next day" ends a sentence: only a lower-case or digit follow-up,
        # or a title before a name, keeps the abbreviation inside the sentence.
        if word in {"u.s", "u.k", "u.n", "e.u", "etc", "a.m", "p.m", "inc", "ltd", "co", "corp", "u.s.a", "d.c"}:
            return not nxt[:1].isupper()
        return True
    return False


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Half-open sentence spans inside text[start:end]. Long runs are cut at whitespace."""
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _SENT_END_RE.finditer(text, start, end):
        punct_end = m.end()
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbreviation(text, m.start(), punct_end):
            continue
        nxt = text[punct_end:end].lstrip()[:1]
        if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«([¿¡-–—•*" or not nxt.isalpha()):
            continue  # "e.g. this" / "what? he said": no capital, no new sentence
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
