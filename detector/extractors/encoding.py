"""Encoding and typography debris left by broken text pipelines.

Finds mojibake (UTF-8 read as Windows-1252 and friends, fixed with ftfy), leftover HTML
entities, markup (HTML tags, CMS shortcodes, wiki templates, Markdown links), control /
zero-width / private-use characters, U+FFFD replacement characters, compounds whose hyphen
became a spaced dash ("Indo – Pacific", "parole – like system"), spaced ellipses (". . .")
and tokenised or doubled punctuation ("said .", ",,").

Spaced dashes: a compound is recognised by the table of known compounds
(detector/data/encoding_compounds.tsv.gz: corpus, WordNet and MT counts), by closed word
classes (bound prefixes, numbers and units, letters and acronyms) or, for compounds the
table does not know, by a typical second element ("– based", "– related", a participle
after a noun known to start such compounds) followed by the noun it modifies. Dashes between
clauses, in parenthetical pairs, ranges, scores and lists are left alone.

Work is per paragraph (a pattern may straddle two passages). Speed: each pattern runs only
when a cheap substring test says it can match, and the mojibake path (ftfy) only on paragraphs
with characters that a UTF-8 mis-decoding produces; a clean paragraph costs a few microseconds.
"""

from __future__ import annotations

import difflib
import gzip
import html
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import SimpleNamespace
from typing import ClassVar

import regex

from .. import lexicon
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
    "split the entity ('& quot;'); JSON or Python escapes ('\\u201c') are reported here too. "
    "Readers see the code instead of the character. "
    "Fix: replace the entity with the character it stands for.",
    "it&apos;s → it's",
)
MARKUP = Rule(
    "encoding.markup",
    "error",
    "Markup left in the text: {text}",
    "HTML tags ('<p>', '</div>'), CMS shortcodes ('[caption id=...]'), wiki templates "
    "('{{...}}'), HTML comments and Markdown links survive when a page is scraped or pasted "
    "without being rendered. Readers see the code. Fix: delete the markup (keep a link's text).",
    "The vote<br /> was close → The vote was close",
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
# "non – profit", "e – mail", "pre – war". Hand-listed because wordfreq counts them as words
# (its tokeniser splits hyphenated compounds).
BOUND_PREFIXES = frozenset(
    """
    indo sino afro anglo euro franco russo austro greco judeo italo ibero hispano
    non anti semi multi co neo quasi pseudo ultra e pre mid inter intra sub counter ex de eco
    cyber bio geo micro macro mega mini trans pan extra hyper infra proto socio
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
# Words that start a phrase rather than a noun after a compound ("– long before", "– like
# the ...", "– made up of"): a head or participle followed by one of these opens a clause.
_CLAUSE_NEXT = FUNCTION_WORDS | frozenset(
    """
    out up off down over into onto through away back about after before since ago enough again
    too very even still only all both each some any more most such own other another every
    because though although until unless whether once per via against among between during
    without within under above below across around near toward towards upon like than
    often always never sometimes usually already soon later today yesterday tomorrow together
    alone instead perhaps probably rather quite almost nearly everything everyone everybody
    anything anyone anybody something someone somebody nothing nobody none many few several much
    less
    """.split()
)
# Typical second elements of compounds ("health – related", "parole – like", "state – run"):
# each ends many compounds of the corpus (training/build_encoding.py sources) and was never
# seen after a dash between clauses there. "old" and "year" need a number or time word first.
COMPOUND_HEADS = frozenset(
    """
    like based related specific style type sized shaped owned run made wide free friendly led
    backed born level scale class long end coloured colored minded headed handed controlled
    known looking searching speaking making taking breaking winning leading setting raising
    saving changing fighting loving eating causing defying producing generating inducing
    threatening altering ending enhancing boosting consuming defined edged haired eyed faced
    filled funded driven induced powered oriented prone stricken bound centric resistant proof
    ridden themed inspired dominated linked sponsored focused fuelled fueled intensive neutral
    sensitive laden packed built designed affected hit torn ravaged struck savvy conscious
    aware worthy bearing approved certified trained educated registered listed operated managed
    supported produced allocated spirited rich poor ever
    """.split()
)
# Heads that follow a number or a time word only: "centuries – old", "decade – long".
_AGE_HEADS = frozenset({"old", "long", "year"})
_TIME_WORDS = frozenset(
    """
    year years decade decades century centuries month months week weeks day days hour hours
    minute minutes age ages season seasons life
    """.split()
)
# Participles that open a clause rather than end a compound ("– including", "– given that").
_CLAUSE_PARTICIPLES = frozenset(
    """
    including according depending regarding concerning following meaning leaving given provided
    assuming considering excluding starting beginning using having being saying adding noting
    hoping trying seeing looking thinking knowing wanting asking telling calling reading
    compared based called named
    """.split()
)
# -ing words that are nouns or prepositions, not participles.
_ING_NOUNS = frozenset("during morning evening something nothing everything anything thing king spring string".split())
# Determiners and prepositions that open the noun phrase a compound modifies ("a plant – eating
# dinosaur", "some soul – searching").
_PHRASE_OPENERS = frozenset(
    """
    a an the this that these those some much more less any no its their his her our my your
    of for with without in on at by from into about after before
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
_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_UNITS = frozenset("one two three four five six seven eight nine".split())
_FRACTIONS = frozenset("half halves third thirds quarter quarters fifth fifths sixth sixths tenth tenths".split())
# Heads of "10-year-old", "three-day", "24-hour" compounds: after a number, in the singular.
UNIT_WORDS = frozenset(
    """
    year month week day hour minute mile kilometre kilometer km metre meter storey story point
    man member seat game page foot inch time round stage star bed room lane unit decade century
    mm cm kg litre liter acre hectare tonne ton pound dollar euro percent nation party
    strong person
    """.split()
)
# Label words before a single letter: "Plan B – the fallback", "Vitamin D – essential".
_LETTER_LABEL_RE = regex.compile(r"\p{Lu}|\d")
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
    ("escape", ("\\u",), re.compile(r"\\u(?:00[a-fA-F][0-9a-fA-F]|0[1-9a-fA-F][0-9a-fA-F]{2}|[1-9a-fA-F][0-9a-fA-F]{3})")),
    ("dash", (" -", " \u2013", " \u2014", "\t-"), re.compile("[ \t][-\u2013\u2014][ \t]")),
    ("ellipsis", (". .", ".\u00a0."), re.compile(r"(?<!\.)(?<!\. )\.(?:[ \u00a0]\.){2,}(?! ?\.)")),
    ("invisible", ("",), re.compile(
        f"(?P<zerowidth>(?<={_LETTER})[\u00ad\u200b-\u200d\u2060\ufeff]+(?={_LETTER}))"
        "|(?P<fffd>\ufffd+)"
        "|(?P<control>[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]+)")),
    ("spacepunct", (" ,", " .", " ;", " :", " n't", " '"), re.compile(
        r"(?<=[\w\"'”’)\]]) (?:[,;:]|\.(?! ?\.))(?=\s|$)"
        f"|(?<={_LETTER}) n't\\b|(?<={_LETTER}) '(?:s|re|ve|ll|d|m)(?=[\\s,.;:!?])")),
    ("markup", ("<", "[", "{{"), re.compile(
        r"</?(?:p|div|span|br|hr|a|b|i|u|em|strong|img|h[1-6]|ul|ol|li|table|tr|td|th|tbody|thead|blockquote|figure"
        r"|figcaption|iframe|script|style|section|article|header|footer|nav|sup|sub|small|font|center|noscript|picture"
        r"|source|video|audio|label|button|form|input|meta|link|html|head|body)"
        r"(?:\s+[\w:-]+\s*=\s*(?:\"[^\"\n]{0,200}\"|'[^'\n]{0,200}'|[^\s<>]{1,100}))*\s*/?>"
        r"|<!--[^\n]{0,300}?-->"
        r"|\[(?:caption|gallery|embed|playlist|vc_\w+|et_pb_\w+)(?:\s[^\]\n]{0,300})?\]"
        r"|\[[a-z_]{3,20}\s[\w-]{1,20}=[^\]\n]{0,300}\]|\[/[a-z_]{3,20}\]"
        r"|\{\{[#/]?[A-Za-z][^{}\n'\"]{0,200}\}\}"
        r"|\[(?P<linktext>[^\]\n]{1,200})\]\((?:https?://|www\.)[^)\s]{1,300}\)",
        re.IGNORECASE)),
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
_PREV_WORD_RE = regex.compile(r"([\p{L}\p{N}]+)[ \t]+$")
_NEXT_TOKEN_RE = regex.compile(r"[ \t]*([\p{L}\p{N}]+|[^\s\p{L}\p{N}])?")
_SENTENCE_END_RE = regex.compile(r"[.!?](?=\s|$)|\n")
# The same spaced dash again, to follow a chain ("up – and – down").
_DASH_GAP_RE = {d: re.compile(f"[ \t]{d}[ \t]") for d in ("-", "\u2013", "\u2014")}
# "Ogun – 1, Edo – 2": a paragraph listing values after dashes.
_LIST_VALUE_RE = regex.compile(r"(\p{L}+)[ \t][-\u2013\u2014][ \t]\d+(?:[^\d]|$)")
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
    return lexicon.zipf(word)


def _char_name(ch: str) -> str:
    return f"U+{ord(ch):04X}"


# Rules counted in another rule's feature column (the columns are part of the model signature).
_FEATURE_OF = {MARKUP.id: "html_entity"}


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
        MARKUP,
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
                    features[p, column[_FEATURE_OF.get(f.rule, f.rule.split(".", 1)[1])]] += 1.0
                findings.append(f)
        return Extraction(features, tuple(findings))


def paragraph_findings(doc_text: str, base: int, text: str) -> tuple[list[Finding], list[tuple[int, int]]]:
    """Findings of one paragraph `text` starting at document offset `base`, and the document
    spans of its tokenised punctuation (reported once per passage by the caller)."""
    out: list[Finding] = []
    tokenised: list[tuple[int, int]] = []
    dash_done = entity_done = 0
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
                if s < entity_done:
                    continue  # inside a run already flagged ("&nbsp;&nbsp;&nbsp;")
                found_entity = _entity(doc_text, base, text, s, e)
                out.extend(found_entity)
                if found_entity:
                    entity_done = found_entity[-1].end - base
            elif kind == "markup":
                out.append(_markup(doc_text, base, text, m))
            elif kind == "dash":
                if s < dash_done:
                    continue  # inside a chain already flagged ("up – and – down")
                if list_values is None:
                    list_values = len(set(_LIST_VALUE_RE.findall(text))) >= 2
                f = _spaced_dash(doc_text, base, text, s, e, list_values)
                if f is not None:
                    out.append(f)
                    dash_done = f.end - base
            elif kind == "escape":
                f = _escape(doc_text, base, text, s, e)
                if f is not None:
                    out.append(f)
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
    # A run of the same entity is one finding: "&nbsp;&nbsp;&nbsp;" → " ".
    unit = text[s:e]
    while text.startswith(unit, e) or text.startswith(" " + unit, e):
        e += len(unit) + (text[e] == " ")
    if e - s > len(unit):
        raw = text[s:e]
    msg = HTML_ENTITY.message.format(text=raw)
    return [HTML_ENTITY.finding(doc_text, base + s, base + e, msg, decoded, 0.95)]


# --- JSON / Python escapes -----------------------------------------------------------------

# Code, JSON and regex text writes escapes on purpose; prose never does.
_CODE_MARKS_RE = re.compile(r"[{}=`]|\\[nrt\"\\/]|\\x[0-9a-fA-F]{2}|[A-Za-z_]\(|[\"']\\u")  # "print(", "\"\\u201c\""


def _escape(doc_text: str, base: int, text: str, s: int, e: int) -> Finding | None:
    """A literal escape sequence for a non-ASCII character ("\\u201cdeeply flawed\\u201d") in
    prose: JSON or Python text pasted without decoding. Code-like paragraphs are left alone."""
    if _CODE_MARKS_RE.search(text):
        return None
    char = chr(int(text[s + 2 : e], 16))
    if not char.isprintable() or char.isspace():
        return None
    msg = f"Escape sequence {text[s:e]} left in the text (the character {char})"
    return HTML_ENTITY.finding(doc_text, base + s, base + e, msg, char, 0.9)


# --- Markup ---------------------------------------------------------------------------------


def _markup(doc_text: str, base: int, text: str, m: re.Match[str]) -> Finding:
    """An HTML tag or comment, a CMS shortcode, a wiki template or a Markdown link."""
    raw = m.group()
    link_text = m.group("linktext")
    suggestion = link_text if link_text is not None else "remove"
    # Templates and Markdown links may be quoted on purpose in technical text: a warning.
    likely_quoted = raw.startswith("{{") or link_text is not None
    severity = "warning" if likely_quoted else None
    confidence = 0.8 if likely_quoted else 0.9
    shown = raw if len(raw) <= 40 else raw[:37] + "..."
    msg = MARKUP.message.format(text=shown)
    return MARKUP.finding(doc_text, base + m.start(), base + m.end(), msg, suggestion, confidence, severity)


# --- Spaced dashes in compounds ------------------------------------------------------------


def _is_number(word: str) -> bool:
    return word.isdigit() or word.lower() in NUMBER_WORDS


@dataclass(frozen=True)
class _Site:
    """The words around one spaced dash: `left` and `right` are the parts touching the dash
    ("self-driving – car" gives "driving" and "car"); `prev` is the word before the left part
    and `next` the token after the right part (a word, one punctuation mark, or "")."""

    left: str
    right: str
    prev: str = ""
    next: str = ""
    lone: bool = True  # the only spaced dash of its kind in the sentence


def _is_compound(left: str, right: str, in_chain: bool = False) -> float:
    """Confidence that `left`-`right` is one hyphenated compound by the table or the closed
    word classes (0 = no). Inside a longer chain ("up – and – down") pieces of known longer
    compounds and "10 – year" count too."""
    lo, ro = left.lower(), right.lower()
    if _is_number(lo) and _is_number(ro) and not (lo in _TENS and ro in _UNITS) or lo in RANGE_WORDS and ro in RANGE_WORDS:
        return 0.0  # a range or a score: "2019 – 2021", "3 – 1", "January – October"
    whole, pieces = compounds()
    key = f"{lo}-{ro}"
    if key in whole or in_chain and key in pieces:
        return 0.8
    if lo in _TENS and ro in _UNITS or lo in _UNITS and ro in _FRACTIONS:
        return 0.8  # "Fifty – three", "two – thirds"
    if in_chain and _is_number(lo) and ro.rstrip("s") in UNIT_WORDS:
        return 0.75  # "10 – year – old"
    if (ro in FUNCTION_WORDS and not right.isupper()) or lo in FUNCTION_WORDS:
        return 0.0
    if lo in BOUND_PREFIXES and ro.isalnum() and (right[:1].isupper() or ro.isdigit() or _zipf(ro) >= 2.5):
        return 0.75
    if lo == "self" and _SELF_HEAD_RE.search(ro):
        return 0.7
    if len(lo) == 1 and lo.isalpha() and lo not in LETTER_WORDS and ro.isalpha() and len(ro) >= 3 and _zipf(lo + ro) >= 3.0:
        return 0.7  # "e – mail", "X – ray" written as one word elsewhere
    if _ACRONYM_RE.fullmatch(left) and ro.isdigit() and len(ro) <= 3:
        return 0.7  # "COVID – 19", "MH – 17"
    return 0.0


def _may_take_number(left: str) -> bool:
    """Whether "left – 19" may be a compound ("COVID – 19", "pre – 1985") rather than a value
    after a name ("Kivers – 54")."""
    lo = left.lower()
    return (
        bool(_ACRONYM_RE.fullmatch(left))
        or lo in BOUND_PREFIXES
        or any(t.startswith(lo + "-") and t[len(lo) + 1 :].isdigit() for t in _number_compounds())
    )


@lru_cache(maxsize=1)
def _number_compounds() -> frozenset[str]:
    return frozenset(t for t in compounds()[0] if t.rsplit("-", 1)[-1].isdigit())


def _is_open_compound(site: _Site) -> float:
    """Confidence that a two-part site is a compound the table does not know, judged by its
    second element and the words around it: "parole – like system", "10 – year plan",
    "M – audio", "UN – backed", "plant – eating dinosaur" (0 = no)."""
    left, right, nxt = site.left, site.right, site.next.lower()
    lo, ro = left.lower(), right.lower()
    if not right.isalpha() or lo in FUNCTION_WORDS or ro in FUNCTION_WORDS or nxt in _CLAUSE_NEXT:
        return 0.0
    next_is_word = nxt[:1].isalpha()
    if next_is_word and not nxt.islower() and not site.next.isupper():
        next_is_word = False  # "– like Merkel", "– Beating Spain": a name or a new sentence
    if _is_number(lo):
        # "nine – year reign", "a 165 – unit block": a singular unit word, then a noun.
        if ro in UNIT_WORDS and right.islower() and next_is_word and (not lo.isdigit() or len(lo) <= 3):
            return 0.7
        return 0.0
    if not left.isalpha():
        return 0.0
    if len(left) == 1 or _ACRONYM_RE.fullmatch(left):
        # "M – audio", "U – turn", "UN – backed": a letter or acronym cannot end a clause
        # before a lower-case word, unless it is a label ("Plan B – easier", "Vitamin D – ...").
        if lo in LETTER_WORDS or not right.islower():
            return 0.0
        if len(left) == 1 and _LETTER_LABEL_RE.match(site.prev) and site.prev.lower() not in _PHRASE_OPENERS:
            return 0.0
        if len(left) == 1 and (next_is_word or ro in COMPOUND_HEADS):
            return 0.65
        if len(left) > 1 and (ro in COMPOUND_HEADS or _is_participle(ro)):
            return 0.7
        return 0.0
    if not right.islower() or lo.endswith("ly") or _zipf(lo) < 2.0:
        return 0.0
    if ro in _AGE_HEADS:
        return 0.7 if lo in _TIME_WORDS and (next_is_word or not nxt) else 0.0  # "centuries – old"
    # After a compound comes the noun it modifies ("health – related issues"); a punctuation
    # mark only after a phrase opener ("some soul – searching,", "a parole – like.").
    modifies = next_is_word and not _is_number(nxt) or site.prev.lower() in _PHRASE_OPENERS and not nxt[:1].isalnum()
    if ro in COMPOUND_HEADS and site.lone and modifies and not (ro == "like" and _is_participle(nxt)):
        return 0.65
    if (
        _is_participle(ro)
        and site.lone
        and left.islower()
        and lo in participle_modifiers()
        and ro not in _CLAUSE_PARTICIPLES
        and modifies
        and not nxt.endswith("ly")
    ):
        # "plant – eating dinosaur", "gas – fired plant": a noun that the table knows as the
        # first part of such compounds ("plant-based", "gas-powered"), then a participle.
        return 0.55
    return 0.0


def _is_participle(word: str) -> bool:
    """An -ing or -ed form of a known verb ("eating", "induced", "planned"); not "something",
    "evening" or "hundred"."""
    if len(word) < 5 or not word.islower() or word in _ING_NOUNS:
        return False
    if word.endswith("ing"):
        stem = word[:-3]
    elif word.endswith("ed"):
        stem = word[:-2]
    else:
        return False
    candidates = (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "")
    return any(c and _zipf(c) >= 3.0 for c in candidates)


@lru_cache(maxsize=1)
def participle_modifiers() -> frozenset[str]:
    """First parts of known two-part compounds with a participle head: "drug" (drug-related),
    "gas" (gas-fired), "plant" (plant-based)."""
    out = set()
    for term in compounds()[0]:
        parts = term.split("-")
        if len(parts) == 2 and parts[0].isalpha() and len(parts[1]) >= 5 and parts[1].endswith(("ing", "ed")):
            out.add(parts[0])
    return frozenset(out)


def _known_across(parts: list[str], k: int) -> float:
    """Parts joined by the dash after parts[k] that contain a known compound across the dash:
    "end-to – end" (end-to-end), "mother – in-law", "grandfather-in – law" (in-law)."""
    whole, pieces = compounds()
    atoms_left = parts[k].lower().split("-")
    atoms_right = parts[k + 1].lower().split("-")
    if len(atoms_left) + len(atoms_right) == 2:
        return 0.0  # a plain pair: _is_compound decides
    for i in range(len(atoms_left)):
        for j in range(len(atoms_right), 0, -1):
            key = "-".join(atoms_left[i:] + atoms_right[:j])
            if key in whole:
                return 0.85
            if key in pieces:
                return 0.75
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


def _site(text: str, words: list[regex.Match[str]], dash: str) -> _Site:
    """The context of a two-word site: the word before, the token after, and whether the
    sentence holds another spaced dash of the same kind (a parenthetical pair)."""
    left = words[0].group().rsplit("-", 1)[-1]
    right = words[1].group().split("-", 1)[0]
    prev = _PREV_WORD_RE.search(text, max(0, words[0].start() - 40), words[0].start())
    nxt = _NEXT_TOKEN_RE.match(text, words[1].end())
    s0 = max(text.rfind(". ", 0, words[0].start()), text.rfind("\n", 0, words[0].start()))
    end = _SENTENCE_END_RE.search(text, words[1].end())
    sentence = text[s0 + 1 : end.start() if end else len(text)]
    return _Site(
        left,
        right,
        prev.group(1) if prev else "",
        nxt.group(1) if nxt and nxt.group(1) else "",
        sentence.count(f" {dash} ") + sentence.count(f"\t{dash} ") <= 1,
    )


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
            scores = [_known_across(parts, k) or _is_compound(x, y, in_chain=True) for k, (x, y) in enumerate(edges)]
            confidence = min(scores) if all(scores) else 0.0
    if not confidence:
        parts, edges = parts[:2], edges[:1]
        left, right = edges[0]
        confidence = _known_across(parts, 0)
        if not confidence:
            if right.isdigit() and (list_values or not _may_take_number(left)):
                return None  # "Kivers – 54": a value, not a compound
            confidence = _is_compound(left, right) or _is_open_compound(_site(text, words, text[s:e].strip()))
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
    for m in _ftfy().utf8_detector.finditer(text):
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


@lru_cache(maxsize=1)
def _ftfy() -> SimpleNamespace:
    """ftfy, imported on first use (~25 ms): only text outside ASCII and common typography needs it."""
    import ftfy
    from ftfy.chardata import UTF8_DETECTOR_RE
    from ftfy.fixes import fix_latin_ligatures

    return SimpleNamespace(
        fix_encoding=ftfy.fix_encoding, fix_latin_ligatures=fix_latin_ligatures, utf8_detector=UTF8_DETECTOR_RE
    )


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
    ftfy = _ftfy()
    fixed = ftfy.fix_latin_ligatures(ftfy.fix_encoding(unit))
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
