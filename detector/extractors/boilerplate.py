"""Web boilerplate pasted into copy: spam author bios, SEO keyword lists, ad placeholders,
cookie notices, navigation, share and subscribe buttons, copyright lines.

Scrapers and spinners carry page furniture into the article text ("Advertisement",
"Skip to main content", "Explorer. Devoted travel specialist. Web expert."). Each finding
spans exactly the debris and suggests removing it. Patterns are anchored to whole lines or
to wordings that no article sentence uses, so "She baked cookies" or "Read more about it in
our report." are left alone.
"""

from __future__ import annotations

from typing import ClassVar

import numpy as np
import regex

from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document, Sentence
from .base import Extraction, zeros

REMOVE = "remove"

SPAM_BIO = Rule(
    "boilerplate.spam_bio",
    "error",
    "Auto-generated author bio ({n} fragments)",
    "Content farms append generated bios made of short verbless fragments, each an adjective "
    "or hobby plus a role noun ('Explorer. Devoted travel specialist. Web expert. Organizer.'). "
    "A real bio is a sentence ('Jane Doe is a reporter covering energy.'). Fix: delete the run.",
    "Explorer. Devoted travel specialist. Web expert. Organizer.",
)
KEYWORD_LIST = Rule(
    "boilerplate.keyword_list",
    "warning",
    "SEO keyword list",
    "A 'Tags:' / 'Keywords:' line or a long comma-separated run of short phrases repeating the "
    "same words ('cheap flights, cheap flights london, cheap hotels, ...') is search-engine "
    "bait, not prose. Fix: delete the line.",
    "Tags: cheap flights, cheap flights london, best hotels",
)
AD_PLACEHOLDER = Rule(
    "boilerplate.ad_placeholder",
    "error",
    "Advertisement placeholder left in the text",
    "Ad slots leave their labels in scraped text ('Advertisement', 'Story continues below "
    "advertisement', 'Sponsored content'). Fix: delete the label.",
    "Advertisement",
)
WEB_DEBRIS = Rule(
    "boilerplate.web_debris",
    "error",
    "Web page furniture ({kind}) in the text",
    "Cookie notices, navigation links, share and subscribe buttons, 'Read more:' links and "
    "copyright lines come from the web page around an article, not from the article. "
    "Fix: delete them.",
    "We use cookies to improve your experience. Accept all cookies",
)

# --- spam bios ------------------------------------------------------------------------------

# Role nouns that end the fragments of generated bios ("Web expert.", "Coffee aficionado.").
BIO_ROLES = frozenset(
    """
    evangelist fanatic buff junkie ninja aficionado specialist guru advocate expert lover scholar
    enthusiast practitioner maven nerd geek trailblazer writer organizer organiser explorer
    thinker communicator introvert extrovert student fan creator reader gamer pioneer solver
    entrepreneur fiend devotee connoisseur addict troublemaker hipster pundit ambassador
    analyst freak snob champion zombie webaholic aholic
    """.split()
)
# Qualifiers and hobby nouns typical of generated bios; they raise the confidence of a run.
BIO_FLAVOUR = frozenset(
    """
    devoted hardcore unapologetic extreme friendly proud certified total subtle subtly incurable
    lifelong award-winning evil passionate typical amateur professional wannabe avid general
    freelance infuriatingly humble hipster-friendly falls prone unable charming alcohol
    travel web internet tv television music food coffee beer bacon zombie pop culture social
    media twitter analyst problem reader communicator student explorer organizer thinker
    """.split()
)
# Words that make a fragment a sentence or a list item rather than a bio fragment.
_NOT_BIO = frozenset("a an the is was are were be has have had i he she we they you my his her our their of to".split())
BIO_MIN_FRAGMENTS = 3
BIO_MAX_WORDS = 5
BIO_MAX_BRIDGE_WORDS = 8  # "Falls down a lot." between two role fragments
_BIO_FRAGMENT_RE = regex.compile(r"[\p{Lu}][\p{L}\-']*(?: [\p{L}\-']+){0,7}\.")

# --- keyword lists --------------------------------------------------------------------------

_KEYWORD_LABEL_RE = regex.compile(
    r"(?m)^[ \t]*(?:Tags|TAGS|Tagged(?: with)?|Keywords|KEYWORDS|Key words|Related (?:searches|tags|topics)|Topics)[ \t]*:[ \t]*"
    r"(?P<items>[^\n]{1,400})$"
)
_ITEM_SPLIT_RE = regex.compile(r"\s*[,|;•·]\s*")
KEYWORD_MIN_ITEMS = 6  # unlabelled list
KEYWORD_MAX_ITEM_WORDS = 5
_STOP = frozenset("and or the a an of in on for to with by at from".split())

# --- ads and page furniture ------------------------------------------------------------------

# A whole line that is only an ad label (optionally bracketed or dashed).
_AD_LINE_RE = regex.compile(
    r"(?m)^[ \t\-–—\[(]*(?:Advertisement|ADVERTISEMENT|Advertisements|Sponsored|SPONSORED|"
    r"Sponsored [Cc]ontent|SPONSORED CONTENT|Paid [Cc]ontent|Paid [Pp]ost|Promoted(?: [Cc]ontent)?|Partner [Cc]ontent|"
    r"Ad[Cc]hoices|Advertiser [Cc]ontent|Story continues below(?: advertisement)?|Article continues below(?: advertisement)?|"
    r"Continue reading (?:the main story|below)|Scroll (?:down )?to continue(?: with content| reading)?|"
    r"Advertisement[ \t]*[-–—:][ \t]*[Ss]croll to continue)[ \t\-–—\])]*$"
)
# One-word ad labels that are also ordinary words or headings: flagged only next to other debris.
_AD_WORD_LINE_RE = regex.compile(r"(?m)^[ \t\[(]*(?:Ad|AD|Advertising|ADVERTISING|Promoted)[ \t\])]*$")
# Ad labels that no article sentence contains, wherever they are.
_AD_INLINE_RE = regex.compile(
    r"(?:Story|Article) continues below(?: this)? advertisement|Continue reading the main story|"
    r"Scroll to continue with content|Advertisement[ \t]+(?=Continue reading|Story continues|Scroll to continue)|"
    r"(?<!\p{Lu}[ \t]?)\bADVERTISEMENT\b(?![ \t]?[\p{Lu}]{2})"
)

# Whole lines of navigation / sharing / subscription furniture.
_DEBRIS_LINES = {
    "navigation": r"Skip to (?:main )?(?:content|navigation|main menu)|Jump to (?:navigation|content|main content)|"
    r"Back to top|Toggle navigation|Main menu|Open menu|Close menu|Menu|Search|Home|Go to top",
    "sharing": r"(?:Share|SHARE)(?: (?:this|the) (?:article|story|post|page))?(?: on| via| to)? ?(?:Facebook|Twitter|LinkedIn|WhatsApp|"
    r"Pinterest|Reddit|Email|E-mail|Messenger)?|Share this:?|Tweet|Pin it|Email this(?: article| story)?|Print(?: this)?(?: page| article)?|"
    r"(?:Click to share|Share) on (?:Facebook|Twitter|LinkedIn|WhatsApp|Pinterest|Reddit|Tumblr)(?: \(Opens in new window\))?|"
    r"Email|E-mail|Facebook|Twitter|LinkedIn|WhatsApp|Pinterest|Reddit|Copy link|"
    r"Follow us on (?:Twitter|Facebook|Instagram|LinkedIn)|Like us on Facebook|Comments?|\d+ [Cc]omments?|Leave a (?:comment|reply)",
    "subscription": r"Subscribe(?: now| today)?|Sign up|Sign in|Log in|Register|Newsletter|"
    r"(?:Sign up|Subscribe) (?:for|to) (?:our|the) (?:free |daily |weekly )?(?:[\w-]+ )?newsletters?(?: here)?",
    "related links": r"Related(?: (?:articles?|stories|posts|content|coverage|news|links|reading|videos?))?|You (?:may|might) also like|"
    r"Recommended(?: for you| stories| articles)?|More (?:from|on) [^\n]{1,40}|Most (?:read|popular|viewed)|Trending(?: now| stories)?|"
    r"Read more|READ MORE|Read More|See also|Also read|ALSO READ|More stories|Top stories",
}
_DEBRIS_LINE_RE = regex.compile(
    r"(?m)^[ \t\-–—•|»>\[(]*(?:"
    + "|".join(f"(?P<{k.replace(' ', '_')}>{v})" for k, v in _DEBRIS_LINES.items())
    + r")[ \t:.!|»>›\])]*$"
)
# Furniture recognisable inside a paragraph; the span is the phrase (or its sentence).
_DEBRIS_INLINE_RE = regex.compile(
    r"""
    (?P<cookies>(?:We|we|This (?:web)?site|This page|Our (?:web)?site)[ ]uses?[ ](?:cookies|technologies[ ]such[ ]as[ ]cookies)
        |By[ ](?:continuing[ ]to[ ](?:use|browse)|using)[ ](?:this|our)[ ](?:web)?site[^.\n]{0,60}?(?:cookies|you[ ](?:agree|consent|accept))
        |(?:Accept|Allow|Reject|Decline)[ ](?:all[ ]|All[ ])?(?:cookies|Cookies)\b
        |(?:Cookie|Privacy)[ ](?:settings|Settings|preferences|Preferences)\b(?=[ \t]*(?:$|\n|Accept|Reject|\|))
        |Manage[ ](?:cookies|cookie[ ]settings|consent|preferences)\b)
    |(?P<navigation>Skip[ ]to[ ](?:main[ ])?content|Jump[ ]to[ ]navigation)
    |(?P<sharing>(?:Click[ ]to[ ]share|Share)[ ]on[ ](?:Facebook|Twitter|LinkedIn|WhatsApp|Pinterest|Reddit)(?:[ ]\(Opens[ ]in[ ]new[ ]window\))?
        (?=[ \t]*(?:$|\n|Share|Click|Tweet|Email|\|))
        |\(Opens[ ]in[ ]new[ ]window\))
    |(?P<subscription>Click[ ]here[ ]to[ ](?:subscribe|sign[ ]up|register|download|read[ ]more|learn[ ]more)[^.!\n]{0,60}[.!]?
        |(?:Sign[ ]up|Subscribe)[ ](?:for|to)[ ](?:our|the)[ ](?:free[ ]|daily[ ]|weekly[ ])?(?:[\w-]+[ ])?newsletters?\b[^.!\n]{0,80}[.!]?)
    |(?P<read_more>(?:Read[ ]more|READ[ ]MORE|Read[ ]More|ALSO[ ]READ|Also[ ]read|RELATED|Related)[ ]?:[ ]?[^\n]{0,160})
    |(?P<copyright>(?<!(?:Photo|Image|Picture|Credit|Illustration)[^\n]{0,20})
        (?:(?:Copyright|COPYRIGHT)[ ]?(?:©|\([cC]\))?|©|\([cC]\))[ ]?(?:19|20)\d\d(?:[ ]?[-–][ ]?(?:19|20)?\d\d)?[^\n.]{0,80}
        (?:\.[ ]?(?:All[ ]rights[ ]reserved|ALL[ ]RIGHTS[ ]RESERVED)\.?)?
        |(?:All[ ]rights[ ]reserved|ALL[ ]RIGHTS[ ]RESERVED)\.?)
    """,
    regex.VERBOSE,
)
# Cheap gates. Whole-line patterns only run on short paragraphs or paragraphs of several
# lines (a 400-character prose paragraph is never one navigation label); the inline patterns
# only run when the lower-cased paragraph contains one of these substrings.
LINE_MAX_CHARS = 160
_INLINE_TRIGGERS = (
    "cookie", "skip to", "jump to", "share on", "new window", "click here", "newsletter",
    "read more", "also read", "related", "\u00a9", "copyright", "(c)", "rights reserved",
    "continues below", "continue reading", "scroll to", "advertisement", "tag", "keyword",
    "key words", "topics",
)  # fmt: skip


class BoilerplateExtractor:
    name: ClassVar[str] = "boilerplate"
    feature_names: ClassVar[tuple[str, ...]] = ("spam_bio", "keyword_list", "ad_placeholder", "web_debris", "debris_char_share")
    rules: ClassVar[tuple[Rule, ...]] = (SPAM_BIO, KEYWORD_LIST, AD_PLACEHOLDER, WEB_DEBRIS)

    def extract(self, doc: Document, config: Config) -> Extraction:
        features = zeros(doc, len(self.feature_names))
        column = {n: i for i, n in enumerate(self.feature_names)}
        findings = [f for f in _spam_bios(doc) + _paragraph_debris(doc) if not config.is_allowed(f.text)]
        findings.sort(key=lambda f: (f.start, f.end))
        for f in findings:
            p = doc.passage_at(f.start)
            if p < 0:
                continue
            features[p, column[f.rule.split(".", 1)[1]]] += 1.0
            passage = doc.passages[p]
            covered = min(f.end, passage.end) - max(f.start, passage.start)
            features[p, column["debris_char_share"]] += max(covered, 0) / max(len(passage.text), 1)
        np.minimum(features[:, column["debris_char_share"]], 1.0, out=features[:, column["debris_char_share"]])
        return Extraction(features, tuple(findings))


# --- spam bios ------------------------------------------------------------------------------


def _bio_fragment(sentence: Sentence) -> tuple[str, bool]:
    """The kind of one sentence as a piece of a generated bio, and whether it has a typical
    bio qualifier ("Devoted", "coffee"): kind 'role' (a role noun alone: "Organizer."),
    'modified' (words before a role noun: "Web expert."), 'bridge' (another short fragment:
    "Falls down a lot.") or '' (a real sentence)."""
    text = sentence.text
    if len(text) > 70 or not _BIO_FRAGMENT_RE.fullmatch(text):
        return "", False
    words = text[:-1].lower().split()
    flavour = any(w in BIO_FLAVOUR for w in words)
    if any(w in _NOT_BIO for w in words):
        return ("bridge" if len(words) <= BIO_MAX_BRIDGE_WORDS else ""), flavour
    head = words[-1]
    is_role = head in BIO_ROLES or head.endswith("aholic") or (len(words) > 1 and head.rstrip("s") in BIO_ROLES)
    if is_role and len(words) <= BIO_MAX_WORDS:
        return ("modified" if len(words) > 1 else "role"), flavour
    return ("bridge" if len(words) <= BIO_MAX_BRIDGE_WORDS else ""), flavour


def _spam_bios(doc: Document) -> list[Finding]:
    """Runs of 3+ role fragments in one paragraph (bridges allowed between them), of which at
    least 2 have words before the role noun, or 4+ role fragments of any kind. A lone
    "Writer. Explorer. Thinker." may be a rhetorical flourish and is left alone."""
    out: list[Finding] = []
    run: list[tuple[Sentence, str, bool]] = []

    def flush() -> None:
        while run and run[-1][1] == "bridge":
            run.pop()
        roles = [kind for _, kind, _ in run if kind != "bridge"]
        modified = roles.count("modified")
        if len(roles) >= BIO_MIN_FRAGMENTS and (modified >= 2 or len(roles) >= 4):
            start, end = run[0][0].start, run[-1][0].end
            confidence = 0.9 if any(flavour for _, _, flavour in run) else 0.75
            msg = SPAM_BIO.message.format(n=len(run))
            out.append(SPAM_BIO.finding(doc.text, start, end, msg, REMOVE, confidence))
        run.clear()

    last_paragraph = -1
    for sentence in doc.sentences:
        if sentence.paragraph != last_paragraph:
            flush()
            last_paragraph = sentence.paragraph
        kind, flavour = _bio_fragment(sentence) if sentence.text.endswith(".") else ("", False)
        if kind in ("role", "modified") or (kind == "bridge" and run):
            run.append((sentence, kind, flavour))
        else:
            flush()
    flush()
    return out


# --- paragraph-level furniture ----------------------------------------------------------------


class _ParagraphFindings:
    """Findings of one paragraph, without overlaps (the first pattern to claim a span wins)."""

    def __init__(self, doc_text: str, text: str, base: int) -> None:
        self.doc_text, self.text, self.base = doc_text, text, base
        self.taken: list[tuple[int, int]] = []
        self.findings: list[Finding] = []
        self.weak: list[Finding] = []  # one-word labels that need debris next to them

    def add(self, rule: Rule, s: int, e: int, message: str, confidence: float, weak: bool = False) -> None:
        s, e = _strip(self.text, s, e)
        if s >= e or any(s < te and ts < e for ts, te in self.taken):
            return
        self.taken.append((s, e))
        finding = rule.finding(self.doc_text, self.base + s, self.base + e, message, REMOVE, confidence)
        (self.weak if weak else self.findings).append(finding)


def _paragraph_debris(doc: Document) -> list[Finding]:
    out: list[Finding] = []
    flagged: set[int] = set()  # paragraphs with debris
    one_word: list[tuple[int, Finding]] = []  # "Tweet", "Menu", "Ad": kept only next to debris
    for index, para in enumerate(doc.paragraphs):
        text = para.text
        lines = len(text) <= LINE_MAX_CHARS or "\n" in text
        lower = text.lower()
        inline = any(t in lower for t in _INLINE_TRIGGERS)
        stuffed = text.count(",") >= KEYWORD_MIN_ITEMS - 1
        if not (lines or inline or stuffed):
            continue
        found = _ParagraphFindings(doc.text, text, para.start)
        if lines:
            _line_debris(found, text)
        if inline:
            _inline_debris(found, text)
        if inline or stuffed:
            for s, e, conf in _keyword_lists(text, labelled=inline, stuffed=stuffed):
                found.add(KEYWORD_LIST, s, e, KEYWORD_LIST.message, conf)
        out.extend(found.findings)
        if found.findings:
            flagged.add(index)
        one_word.extend((index, f) for f in found.weak)
    pending = list(one_word)
    while pending:  # a label next to accepted debris is debris too ("Share on Facebook / Tweet / Email")
        accepted = [(i, f) for i, f in pending if {i - 1, i + 1} & flagged or _in_debris_block(i, one_word)]
        if not accepted:
            break
        for i, f in accepted:
            out.append(f)
            flagged.add(i)
        pending = [p for p in pending if p not in accepted]
    return out


def _in_debris_block(index: int, one_word: list[tuple[int, Finding]]) -> bool:
    """Three or more one-word labels in consecutive paragraphs ("Tweet / Email / Print")."""
    indices = {j for j, _ in one_word}
    run = 1
    j = index - 1
    while j in indices:
        run, j = run + 1, j - 1
    j = index + 1
    while j in indices:
        run, j = run + 1, j + 1
    return run >= 3


def _line_debris(found: _ParagraphFindings, text: str) -> None:
    """Lines that are nothing but an ad label or page furniture."""
    for m in _AD_LINE_RE.finditer(text):
        found.add(AD_PLACEHOLDER, m.start(), m.end(), AD_PLACEHOLDER.message, 0.9)
    for m in _AD_WORD_LINE_RE.finditer(text):
        found.add(AD_PLACEHOLDER, m.start(), m.end(), AD_PLACEHOLDER.message, 0.7, weak=True)
    for m in _DEBRIS_LINE_RE.finditer(text):
        kind = m.lastgroup.replace("_", " ") if m.lastgroup else "page furniture"
        one_word = len(m.group().split()) < 2
        found.add(WEB_DEBRIS, m.start(), m.end(), WEB_DEBRIS.message.format(kind=kind), 0.7 if one_word else 0.8, weak=one_word)


def _inline_debris(found: _ParagraphFindings, text: str) -> None:
    """Ad labels and page furniture inside running text."""
    if not _is_caps_text(text):
        for m in _AD_INLINE_RE.finditer(text):
            found.add(AD_PLACEHOLDER, m.start(), m.end(), AD_PLACEHOLDER.message, 0.85)
    for m in _DEBRIS_INLINE_RE.finditer(text):
        kind = m.lastgroup or "page furniture"
        s, e = m.start(), m.end()
        if kind == "cookies":
            s, e = _sentence_around(text, s, e)
        elif kind == "read_more":
            e = _line_or_sentence_end(text, s, e)
        found.add(WEB_DEBRIS, s, e, WEB_DEBRIS.message.format(kind=kind.replace("_", " ")), 0.85)


def _keyword_lists(text: str, labelled: bool = True, stuffed: bool = True) -> list[tuple[int, int, float]]:
    """Labelled tag lines ("Tags: a, b, c") and unlabelled lines of many short comma-separated
    phrases that repeat the same words (keyword stuffing)."""
    found = []
    for m in _KEYWORD_LABEL_RE.finditer(text) if labelled else ():
        items = [i for i in _ITEM_SPLIT_RE.split(m.group("items").strip(" .")) if i]
        if len(items) >= 2 and all(len(i.split()) <= KEYWORD_MAX_ITEM_WORDS for i in items):
            found.append((m.start(), m.end(), 0.85))
    if stuffed:
        for line in regex.finditer(r"[^\n]+", text):
            if _is_stuffed_line(line.group()):
                found.append((line.start(), line.end(), 0.75))
    return found


def _is_stuffed_line(line: str) -> bool:
    if line.rstrip().endswith((".", "!", "?", ":")) or line.count(",") < KEYWORD_MIN_ITEMS - 1:
        return False
    items = [i.strip().lower() for i in line.split(",") if i.strip()]
    if len(items) < KEYWORD_MIN_ITEMS or any(len(i.split()) > KEYWORD_MAX_ITEM_WORDS for i in items):
        return False
    if items[-1].startswith(("and ", "or ")):
        return False  # an ordinary enumeration in a sentence
    counts: dict[str, int] = {}
    for item in items:
        for w in set(item.split()):
            if len(w) >= 3 and w not in _STOP:
                counts[w] = counts.get(w, 0) + 1
    top = max(counts.values(), default=0)
    return top >= 3 and top >= 0.4 * len(items)


# --- helpers ----------------------------------------------------------------------------------


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n-–—•|»>[(":
        s += 1
    while e > s and text[e - 1] in " \t\n|»>›":
        e -= 1
    return s, e


def _is_caps_text(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _sentence_around(text: str, s: int, e: int) -> tuple[int, int]:
    """Expand [s, e) to the sentence (or line) around it."""
    left = max(text.rfind("\n", 0, s), *(text.rfind(p, 0, s) for p in (". ", "! ", "? ")))
    start = left + (1 if text[left : left + 1] == "\n" else 2) if left >= 0 else 0
    m = regex.compile(r"[.!?](?=\s|$)|\n").search(text, e)
    end = m.end() if m else len(text)
    return start, end


def _line_or_sentence_end(text: str, s: int, e: int) -> int:
    """End of a 'Read more: <headline>' link: the line end, or the first sentence end after
    the headline when the line runs on into prose."""
    nl = text.find("\n", s)
    line_end = nl if nl >= 0 else len(text)
    if line_end - s <= 160:
        return line_end
    m = regex.compile(r"[.!?](?=\s)").search(text, s, line_end)
    return m.end() if m else min(line_end, e)
