"""Encoding and typography debris left by broken text pipelines.

Finds mojibake (UTF-8 read as Windows-1252 and friends, fixed with ftfy), leftover HTML
entities, control / zero-width / private-use characters, U+FFFD replacement characters,
compounds whose hyphen became a spaced dash ("Indo – Pacific"), spaced ellipses (". . .")
and tokenised or doubled punctuation ("said .", ",,").

Work is per paragraph (a pattern may straddle two passages). Speed: each pattern runs only
when a cheap substring test says it can match, and the mojibake path (ftfy) only on paragraphs
with characters that a UTF-8 mis-decoding produces; a clean paragraph costs a few microseconds.
"""

from __future__ import annotations

import difflib
import gzip
import html
import re
from functools import lru_cache
from importlib import resources
from typing import ClassVar

import ftfy
import regex
from ftfy.chardata import UTF8_DETECTOR_RE
from ftfy.fixes import fix_latin_ligatures
from wordfreq import zipf_frequency

from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document
from .base import Extraction, zeros

COMPOUNDS_FILE = "encoding_compounds.tsv"

MOJIBAKE = Rule(
    "encoding.mojibake",
    "error",
    "Mis-decoded characters (mojibake)",
    "UTF-8 text was decoded with the wrong character set somewhere in the pipeline, so one "
    "character became several ('donâ€™t' for 'don’t', 'cafÃ©' for 'café'). "
    "Fix: re-import the text as UTF-8, or replace the span with the suggested characters (ftfy).",
    "donâ€™t → don’t",
)
HTML_ENTITY = Rule(
    "encoding.html_entity",
    "error",
    "HTML entity {text} left in the text",
    "Text was HTML-escaped and never unescaped, or escaped twice ('&amp;amp;'), or a tokeniser "
    "split the entity ('& quot;'). Readers see the code instead of the character. "
    "Fix: replace the entity with the character it stands for.",
    "it&apos;s → it's",
)
SPACED_DASH = Rule(
    "encoding.spaced_dash",
    "warning",
    "Hyphenated compound broken by a spaced dash",
    "A compound's hyphen was turned into a spaced dash ('Indo – Pacific', 'COVID – 19'), "
    "typically by a tokeniser ('@-@') or an auto-typography step. Ranges ('2019–2021') and "
    "dashes between clauses are left alone. Fix: join the parts with a hyphen.",
    "Indo – Pacific → Indo-Pacific",
)
SPACED_ELLIPSIS = Rule(
    "encoding.spaced_ellipsis",
    "info",
    "Spaced ellipsis '. . .': news style writes '…' (or '...')",
    "Tokenisers and some scanning pipelines split an ellipsis into spaced periods. Some style "
    "guides (Chicago, legal) use spaced points on purpose, hence only info. "
    "Fix: write '…' unless the house style wants spaced points.",
    "wait . . . what → wait… what",
)
CONTROL_CHAR = Rule(
    "encoding.control_char",
    "warning",
    "Invisible or control character {name}",
    "Control characters (C0/C1), zero-width characters inside a word and private-use "
    "characters are invisible or render as boxes; they break search, spell-checking and "
    "copy-paste. A C1 control such as U+0092 is a Windows-1252 byte read as Latin-1. "
    "Fix: delete the character, or replace it with the suggested one.",
    "basic\u00adally → basically",
)
REPLACEMENT_CHAR = Rule(
    "encoding.replacement_char",
    "error",
    "Replacement character '\ufffd': a character was lost in decoding",
    "U+FFFD marks bytes that could not be decoded; the original character is gone. "
    "Fix: recover the character from the source (a guess is suggested when only one "
    "character makes a known word).",
    "don\ufffdt → don’t",
)
PUNCTUATION_SPACING = Rule(
    "encoding.punctuation_spacing",
    "info",
    "Tokenised or doubled punctuation",
    "Space before a comma or full stop ('said .', 'do n't') is the mark of tokenised text "
    "(common in MT corpora); doubled marks (',,', '.,') are slips or pipeline glitches. "
    "Reported once per passage for tokenised spacing. Fix: remove the space or the extra mark.",
    "he said , adding → he said, adding",
)

# Bound first elements that (almost) never stand alone before a dash: "Indo – Pacific",
# "non – profit", "e – mail". Hand-listed because wordfreq counts them as words (its
# tokeniser splits hyphenated compounds).
BOUND_PREFIXES = frozenset(
    """
    indo sino afro anglo euro franco russo austro greco judeo italo ibero hispano
    non anti semi multi co neo quasi pseudo ultra e
    """.split()
)
# "self" stands alone too ("her usual self – fine"): only before a typical compound head.
_SELF_HEAD_RE = regex.compile(
    r"(?:ing|ed|tion|sion|ment|ness|ism|ity|ive|able|ible|esteem|made|taught|aware|confidence|control|interest|defen[cs]e)$"
)
# Second elements a compound never has; a dash before these opens a clause.
FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet for of to in on at by with from as if than that this these
    those which who whom whose what when where while why how it its he she they we you i me him
    her them us my your our their his is are was were be been being has have had do does did
    not no can could will would shall should may might must there here then now just also
    """.split()
)
# Both sides of a range, never a compound: "January – October", "Monday – Friday".
RANGE_WORDS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
    """.split()
)
NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred first second third fourth fifth
    """.split()
)
# Heads of "10-year-old", "three-day", "24-hour" compounds (only used inside a dash chain).
UNIT_WORDS = frozenset(
    """
    year month week day hour minute mile kilometre kilometer km metre meter storey story point
    man member seat game page foot inch time round stage star bed room lane
    """.split()
)
MAX_CHAIN = 5
# Single letters that are words, not compound parts ("I – I", "a – b").
LETTER_WORDS = frozenset({"a", "i", "o"})

# The dictionary-free patterns, each with the substrings that must occur for it to match.
# A paragraph is scanned only by the patterns whose trigger it contains, so the usual clean
# paragraph costs a handful of substring tests (stdlib `re`, whose simple patterns are fast).
_LETTER = r"[^\W\d_]"
_SCANS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("entity", ("&",), re.compile(
        r"&[ ]?(?:\#[0-9]{1,7}|\#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})[ ]?;"
        r"|&(?:quot|apos|nbsp|amp|lt|gt|\#39|\#34)(?![A-Za-z0-9;])")),
    ("atat", ("@",), re.compile(r" @[-,.]@ ")),
    ("dash", (" -", " \u2013", " \u2014", "\t-"), re.compile("[ \t][-\u2013\u2014][ \t]")),
    ("ellipsis", (". .", ".\u00a0."), re.compile(r"(?<!\.)(?<!\. )\.(?:[ \u00a0]\.){2,}(?! ?\.)")),
    ("invisible", ("",), re.compile(
        f"(?P<zerowidth>(?<={_LETTER})[\u00ad\u200b-\u200d\u2060\ufeff]+(?={_LETTER}))"
        "|(?P<fffd>\ufffd+)"
        "|(?P<control>[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]+)")),
    ("spacepunct", (" ,", " .", " ;", " :", " n't", " '"), re.compile(
        r"(?<=[\w\"'”’)\]]) (?:[,;:]|\.(?! ?\.))(?=\s|$)"
        f"|(?<={_LETTER}) n't\\b|(?<={_LETTER}) '(?:s|re|ve|ll|d|m)(?=[\\s,.;:!?])")),
    ("double", (",,", ",.", ";;", ",;", ";,"), re.compile(f"(?<={_LETTER})(?:,,|,\\.|;;|,;|;,)(?= ?{_LETTER})")),
)  # fmt: skip
_INVISIBLE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200d\u2060\ufeff\ufffd\ue000-\uf8ff\U000f0000-\U0010ffff]"
)
# Passages made only of ASCII and common typography cannot hold mojibake; skip ftfy for them.
_MAYBE_MOJIBAKE_RE = re.compile(r"[^\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0]")
# "â€" whose third byte (0x9D, undefined in Windows-1252) was dropped: it was a closing quote.
_LOSSY_QUOTE_RE = regex.compile(
    "\u00e2\u20ac(?![\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])"
)
_WORD_BEFORE_RE = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*$")
_WORD_AFTER_RE = regex.compile(r"[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*")
_ACRONYM_RE = regex.compile(r"[A-Z]{2,6}")
# The same spaced dash again, to follow a chain ("up – and – down").
_DASH_GAP_RE = {d: re.compile(f"[ \t]{d}[ \t]") for d in ("-", "\u2013", "\u2014")}
# "Ogun – 1, Edo – 2": a paragraph listing values after dashes.
_LIST_VALUE_RE = regex.compile(r"\p{L}[ \t][-\u2013\u2014][ \t]\d+(?:[^\d]|$)")
_WORDCHAR_RE = regex.compile(r"[\p{L}\p{M}\p{N}]")
_C1_ONLY_RE = regex.compile(r"[\x80-\x9f]+")

MAX_UNIT_CONTEXT = 64
# Windows-1252 reading of the C1 range, for C1 controls that are really cp1252 punctuation.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Characters tried in place of U+FFFD inside a word, most likely first.
_FFFD_CANDIDATES = "’éèáíóúñüöäçàâêôï"


@lru_cache(maxsize=1)
def compounds() -> tuple[frozenset[str], frozenset[str]]:
    """(whole compounds, 2-part pieces of longer ones) from detector/data/encoding_compounds.tsv.gz,
    lower-cased: ({"long-term", "year-on-year", ...}, {"year-on", "on-year", ...})."""
    path = resources.files("detector") / "data" / (COMPOUNDS_FILE + ".gz")
    whole: set[str] = set()
    pieces: set[str] = set()
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        for line in f:
            term = line.split("\t", 1)[0].strip()
            if not term or term.startswith("#") or term == "compound":
                continue
            whole.add(term)
            parts = term.split("-")
            if len(parts) > 2:
                pieces.update(f"{x}-{y}" for x, y in zip(parts, parts[1:], strict=False))
    return frozenset(whole), frozenset(pieces - whole)


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def _char_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


class EncodingExtractor:
    name: ClassVar[str] = "encoding"
    feature_names: ClassVar[tuple[str, ...]] = (
        "mojibake",
        "html_entity",
        "spaced_dash",
        "spaced_ellipsis",
        "control_char",
        "replacement_char",
        "punctuation_spacing",
        "tokenised_punct",  # raw count of space-before-punctuation, though reported once
    )
    rules: ClassVar[tuple[Rule, ...]] = (
        MOJIBAKE,
        HTML_ENTITY,
        SPACED_DASH,
        SPACED_ELLIPSIS,
        CONTROL_CHAR,
        REPLACEMENT_CHAR,
        PUNCTUATION_SPACING,
    )

    def extract(self, doc: Document, config: Config) -> Extraction:
        features = zeros(doc, len(self.feature_names))
        column = {n: i for i, n in enumerate(self.feature_names)}
        findings: list[Finding] = []
        # Scan whole paragraphs: a pattern may straddle two passages ("paused. . . . Then").
        for para in doc.paragraphs:
            found, tokenised = paragraph_findings(doc.text, para.start, para.text)
            by_passage: dict[int, list[tuple[int, int]]] = {}
            for span in tokenised:
                by_passage.setdefault(doc.passage_at(span[0]), []).append(span)
            for p, spans in by_passage.items():
                if p >= 0:
                    features[p, column["tokenised_punct"]] += len(spans)
                if _is_tokenised(doc.text, spans):
                    found.append(_tokenised_finding(doc.text, spans))
            for f in found:
                if config.is_allowed(f.text):
                    continue
                p = doc.passage_at(f.start)
                if p >= 0:
                    features[p, column[f.rule.split(".", 1)[1]]] += 1.0
                findings.append(f)
        return Extraction(features, tuple(findings))


def paragraph_findings(doc_text: str, base: int, text: str) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Findings of one paragraph `text` starting at document offset `base`, and the document
    spans of its tokenised punctuation (reported once per passage by the caller)."""
    out: list[Finding] = []
    tokenised: list[tuple[int, int]] = []
    dash_done = 0
    list_values: bool | None = None
    for kind, triggers, pattern in _SCANS:
        if kind == "invisible":
            if not _INVISIBLE_RE.search(text):
                continue
        else:
            for t in triggers:  # a plain loop: cheaper than any() over a generator
                if t in text:
                    break
            else:
                continue
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if kind == "entity":
                out.extend(_entity(doc_text, base, text, s, e))
            elif kind == "dash":
                if s < dash_done:
                    continue  # inside a chain already flagged ("up – and – down")
                if list_values is None:
                    list_values = len(_LIST_VALUE_RE.findall(text)) >= 2
                f = _spaced_dash(doc_text, base, text, s, e, list_values)
                if f is not None:
                    out.append(f)
                    dash_done = f.end - base
            elif kind == "atat":
                out.append(_tokeniser_join(doc_text, base, text, s, e))
            elif kind == "ellipsis":
                out.append(SPACED_ELLIPSIS.finding(doc_text, base + s, base + e, suggestion="…", confidence=0.6))
            elif kind == "invisible":
                if m.lastgroup == "fffd":
                    out.append(_replacement(doc_text, base, text, s, e))
                else:
                    out.append(_control(doc_text, base + s, base + e, m.group()))
            elif kind == "spacepunct":
                tokenised.append((base + s, base + e))
            elif kind == "double":
                fix = m.group()[0] if m.group()[0] == m.group()[1] else "."
                msg = f"Doubled punctuation '{m.group()}'"
                out.append(PUNCTUATION_SPACING.finding(doc_text, base + s, base + e, msg, fix, 0.6, "warning"))
    if _MAYBE_MOJIBAKE_RE.search(text):
        mojibake = _mojibake(doc_text, base, text)
        if mojibake:
            # C1 controls and U+FFFD inside a mojibake run ("â\x80\x99") belong to it.
            out = [f for f in out if not any(m.start <= f.start < m.end for m in mojibake)]
            out.extend(mojibake)
    return out, tokenised


# --- HTML entities -------------------------------------------------------------------------


def _entity(doc_text: str, base: int, text: str, s: int, e: int) -> list[Finding]:
    """An entity such as '&apos;', '& quot;', '&amp;amp;' (unescaped repeatedly) or nothing
    when the name is not a real entity ('&foo;' may be a placeholder in technical text)."""
    raw = text[s:e]
    compact = raw.replace(" ", "")
    if not compact.endswith(";"):
        compact += ";"
    # A double-escaped entity spans the following name too: "&amp;amp;" / "&amp;quot;".
    tail = regex.match(r"(?:[A-Za-z]{2,8}|\#[0-9]{1,5});", text[e:]) if compact == "&amp;" else None
    if tail is not None:
        compact += tail.group()
        e += tail.end()
        raw = text[s:e]
    decoded = compact
    for _ in range(3):
        nxt = html.unescape(decoded)
        if nxt == decoded:
            break
        decoded = nxt
    if decoded == compact:
        return []  # unknown name: not an entity
    decoded = decoded.replace("\u00a0", " ")  # "&nbsp;" reads as a space in running text
    msg = HTML_ENTITY.message.format(text=raw)
    return [HTML_ENTITY.finding(doc_text, base + s, base + e, msg, decoded, 0.95)]


# --- Spaced dashes in compounds ------------------------------------------------------------


def _is_number(word: str) -> bool:
    return word.isdigit() or word.lower() in NUMBER_WORDS


def _is_compound(left: str, right: str, in_chain: bool = False) -> float:
    """Confidence that `left`-`right` is one hyphenated compound (0 = no). Inside a longer
    chain ("up – and – down") pieces of known longer compounds and "10 – year" count too."""
    lo, ro = left.lower(), right.lower()
    if _is_number(lo) and _is_number(ro) or lo in RANGE_WORDS and ro in RANGE_WORDS:
        return 0.0  # a range or a score: "2019 – 2021", "3 – 1", "January – October"
    whole, pieces = compounds()
    key = f"{lo}-{ro}"
    if key in whole or in_chain and key in pieces:
        return 0.8
    if in_chain and _is_number(lo) and ro.rstrip("s") in UNIT_WORDS:
        return 0.75  # "10 – year – old"
    if (ro in FUNCTION_WORDS and not right.isupper()) or lo in FUNCTION_WORDS:
        return 0.0
    if lo in BOUND_PREFIXES and ro.isalpha() and (right[:1].isupper() or _zipf(ro) >= 2.5):
        return 0.75
    if lo == "self" and _SELF_HEAD_RE.search(ro):
        return 0.7
    if len(lo) == 1 and lo.isalpha() and lo not in LETTER_WORDS and ro.isalpha() and len(ro) >= 3 and _zipf(lo + ro) >= 3.0:
        return 0.7  # "e – mail", "X – ray" written as one word elsewhere
    if _ACRONYM_RE.fullmatch(left) and ro.isdigit() and len(ro) <= 3:
        return 0.7  # "COVID – 19", "MH – 17"
    return 0.0


def _chain(text: str, s: int, e: int) -> list[regex.Match[str]] | None:
    """The words joined by the same spaced dash around the dash at text[s:e]:
    "up – and – down" gives the three word matches. None when a side has no word."""
    dash = text[s:e].strip()
    before = _WORD_BEFORE_RE.search(text, max(0, s - 64), s) if s > 0 else None
    after = _WORD_AFTER_RE.match(text, e)
    if before is None or after is None:
        return None
    words = [before, after]
    gap = _DASH_GAP_RE[dash]
    while len(words) < MAX_CHAIN:
        g = gap.match(text, words[-1].end())
        nxt = _WORD_AFTER_RE.match(text, g.end()) if g else None
        if nxt is None:
            break
        words.append(nxt)
    return words


def _spaced_dash(doc_text: str, base: int, text: str, s: int, e: int, list_values: bool) -> Finding | None:
    """A finding when the words around a spaced dash form a hyphenated compound.
    `list_values`: the paragraph lists "Name – number" pairs ("Ogun – 1, Edo – 2")."""
    words = _chain(text, s, e)
    if words is None:
        return None
    parts = [w.group() for w in words]
    # Only the parts next to the dash matter: "self-driving – car" checks "driving-car".
    edges = [(a.rsplit("-", 1)[-1], b.split("-", 1)[0]) for a, b in zip(parts, parts[1:], strict=False)]
    confidence = 0.0
    if len(parts) > 2:
        if "-".join(parts).lower() in compounds()[0]:
            confidence = 0.85
        else:
            scores = [_is_compound(x, y, in_chain=True) for x, y in edges]
            confidence = min(scores) if all(scores) else 0.0
    if not confidence:
        parts, edges = parts[:2], edges[:1]
        left, right = edges[0]
        if right.isdigit() and (list_values or not _ACRONYM_RE.fullmatch(left)):
            return None  # "Kivers – 54": a value, not a compound
        confidence = _is_compound(left, right)
    if not confidence:
        return None
    start, end = words[0].start(), words[len(parts) - 1].end()
    fix = "-".join(parts)
    return SPACED_DASH.finding(doc_text, base + start, base + end, suggestion=fix, confidence=confidence)


def _tokeniser_join(doc_text: str, base: int, text: str, s: int, e: int) -> Finding:
    """Moses-style ' @-@ ' / ' @,@ ' between two tokens: always an artefact."""
    before = _WORD_BEFORE_RE.search(text, max(0, s - 64), s)
    after = _WORD_AFTER_RE.match(text, e)
    start = before.start() if before else s
    end = after.end() if after else e
    mark = text[s + 2]
    fix = text[start:s] + mark + text[e:end]
    if mark == "-":
        msg = "Tokeniser artefact: ' @-@ ' stands for a hyphen"
        return SPACED_DASH.finding(doc_text, base + start, base + end, msg, fix, 0.95, "error")
    msg = f"Tokeniser artefact: ' @{mark}@ ' stands for '{mark}'"
    return PUNCTUATION_SPACING.finding(doc_text, base + start, base + end, msg, fix, 0.95, "warning")


# --- Invisible characters ------------------------------------------------------------------


def _control(doc_text: str, start: int, end: int, chars: str) -> Finding:
    """A run of control / zero-width / private-use characters. C1 controls that are
    Windows-1252 punctuation get that punctuation as the suggestion."""
    suggestion: str | None = "remove"
    first = ord(chars[0])
    if len(chars) == 1 and 0x80 <= first <= 0x9F and first not in _CP1252_UNDEFINED:
        suggestion = bytes([first]).decode("cp1252")
    elif 0xE000 <= first <= 0xF8FF or first >= 0xF0000:
        suggestion = None  # an icon-font glyph: the intended character is unknown
    names = ", ".join(dict.fromkeys(_char_name(c) for c in chars))
    msg = CONTROL_CHAR.message.format(name=names)
    return CONTROL_CHAR.finding(doc_text, start, end, msg, suggestion, 0.85)


def _replacement(doc_text: str, base: int, text: str, s: int, e: int) -> Finding:
    suggestion = None
    if e - s == 1:
        before = _WORD_BEFORE_RE.search(text, max(0, s - 64), s) if s > 0 else None
        after = _WORD_AFTER_RE.match(text, e)
        if before is not None and after is not None:
            suggestion = _guess_lost_char(before.group(), after.group())
    return REPLACEMENT_CHAR.finding(doc_text, base + s, base + e, suggestion=suggestion, confidence=0.95)


def _guess_lost_char(left: str, right: str) -> str | None:
    """The one candidate character that turns left+?+right into a known word, if any."""
    hits = [c for c in _FFFD_CANDIDATES if _zipf((left + c + right).lower()) >= 2.5]
    return hits[0] if len(hits) == 1 else None


# --- Tokenised punctuation -----------------------------------------------------------------


def _is_tokenised(doc_text: str, spans: list[tuple[int, int]]) -> bool:
    """Systematic tokenisation rather than one slip of the space bar: two or more spaced
    marks in the passage, or a split clitic ("do n't", "it 's")."""
    return len(spans) >= 2 or "'" in doc_text[spans[0][0] : spans[0][1]]


def _tokenised_finding(doc_text: str, spans: list[tuple[int, int]]) -> Finding:
    """One info finding per passage, on the first ' ,' / ' .' / " n't", counting the rest."""
    s, e = spans[0]
    n = len(spans)
    msg = f"Space before punctuation ({n} times in this passage): tokenised text" if n > 1 else "Split clitic: tokenised text"
    confidence = 0.7 if n > 1 else 0.4
    return PUNCTUATION_SPACING.finding(doc_text, s, e, msg, doc_text[s + 1 : e], confidence)


# --- Mojibake ------------------------------------------------------------------------------


def _mojibake(doc_text: str, base: int, text: str) -> list[Finding]:
    """Mojibake findings: each suspicious whitespace-delimited unit is re-decoded by ftfy and
    the changed characters (widened to the whole word when they turn into letters) flagged."""
    out: list[Finding] = []
    done_until = 0
    for m in UTF8_DETECTOR_RE.finditer(text):
        if m.start() < done_until:
            continue
        # The unit ftfy re-decodes: the whitespace-delimited token(s) around the match, at most
        # MAX_UNIT_CONTEXT characters either side (a URL or a text without spaces stays cheap).
        u0 = max(_unit_start(text, m.start()), m.start() - MAX_UNIT_CONTEXT)
        u1 = min(_unit_end(text, m.end()), m.end() + MAX_UNIT_CONTEXT)
        done_until = u1
        out.extend(_fix_unit(doc_text, base, text, u0, u1))
    for m in _LOSSY_QUOTE_RE.finditer(text):
        if not any(f.start <= base + m.start() < f.end for f in out):
            out.append(MOJIBAKE.finding(doc_text, base + m.start(), base + m.end(), suggestion="”", confidence=0.8))
    return out


def _unit_start(text: str, i: int) -> int:
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _unit_end(text: str, i: int) -> int:
    # A detector match may end in a space ("Ã " = "à" whose NBSP became a space); it then
    # ends after the space and the next word joins the unit, so ftfy sees the whole sequence.
    n = len(text)
    while i < n and not text[i].isspace():
        i += 1
    return i


def _fix_unit(doc_text: str, base: int, text: str, u0: int, u1: int) -> list[Finding]:
    unit = text[u0:u1]
    fixed = fix_latin_ligatures(ftfy.fix_encoding(unit))
    if fixed == unit:
        return []
    ops = difflib.SequenceMatcher(None, unit, fixed, autojunk=False).get_opcodes()
    # A lone C1 control that ftfy maps to Windows-1252 punctuation is a control_char finding.
    changed = [(i1, i2, fixed[j1:j2]) for tag, i1, i2, j1, j2 in ops if tag != "equal" and not _C1_ONLY_RE.fullmatch(unit[i1:i2])]
    inside = {k for i1, i2, _ in changed for k in range(i1, i2)}

    def is_word_char(k: int) -> bool:
        return k in inside or bool(_WORDCHAR_RE.match(unit[k]))

    spans: list[list[int]] = []
    for i1, i2, new in changed:
        s, e = i1, i2
        if not new and e < len(unit) and not unit[e].isspace():
            e += 1  # a deleted character ("Â£" → "£"): show it with its neighbour
        if any(c.isalnum() for c in new):  # letters: flag the whole word ("cafÃ©" → "café")
            while s > 0 and is_word_char(s - 1):
                s -= 1
            while e < len(unit) and is_word_char(e):
                e += 1
        if spans and s <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], e)
        else:
            spans.append([s, e])
    out = []
    for s, e in spans:
        while e > s and unit[e - 1].isspace():
            e -= 1
        suggestion = fixed[_map(ops, s) : _map(ops, e)]
        span = unit[s:e]
        if not suggestion:
            suggestion = "remove"  # "Â" before a (non-breaking) space
        elif "\ufffd" in suggestion:
            suggestion = None
        elif span == "\u00e2\u20ac" and suggestion == "\u2020":
            # "â€ " is read by ftfy as a dagger (byte A0 became a space); in prose it is far
            # more often a closing quote whose third byte (9D) was dropped.
            suggestion = "\u201d"
        out.append(MOJIBAKE.finding(doc_text, base + u0 + s, base + u0 + e, suggestion=suggestion, confidence=0.95))
    return out


def _map(ops: list[tuple[str, int, int, int, int]], i: int) -> int:
    """Position in the fixed string that corresponds to position `i` of the original,
    for `i` outside (or on the edge of) every changed region."""
    for tag, i1, i2, j1, j2 in ops:
        if i1 <= i <= i2:
            if tag == "equal":
                return j1 + (i - i1)
            return j1 if i == i1 else j2
    return ops[-1][4] if ops else i
