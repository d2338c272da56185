"""Web boilerplate pasted into copy: spam author bios, SEO keyword lists, ad placeholders,
cookie notices, navigation, share-button rows, calls to action, copyright lines.

Scrapers and spinners carry page furniture into the article text ("Advertisement",
"Skip to main content", "Explorer. Devoted travel specialist. Web expert.", "Want more? Join
our newsletter.", "Share this: Facebook Twitter"). Each finding spans exactly the debris and
suggests removing it. Patterns are anchored to whole lines, to the start of a sentence (debris
is pasted between sentences) or to wordings that no article sentence uses; a call to action
must be an imperative about the site's own products (newsletter, alerts, app, social
accounts). So "She baked cookies", "Sign up for the marathon closes Friday" or "Read more
about it in our report." are left alone.
"""

from __future__ import annotations

import re
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
    "A 'Tags:' / 'Keywords:' / 'Related searches:' list, or a run of short lower-case phrases "
    "separated by commas or pipes ('cheap flights, flights near me, cheap hotels, ...') is "
    "search-engine bait, not prose. Fix: delete the list.",
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
    "Cookie notices, navigation links, share-button rows, newsletter and app calls to action "
    "('Want more? Join our newsletter.'), 'Read more:' links, 'Loading...' placeholders and "
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
    analyst freak snob champion zombie webaholic aholic traveler traveller lover solver
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

_LINE_RE = regex.compile(r"[^\n]+")
_ITEM_SPLIT_RE = regex.compile(r"\s*[,|;•·]\s*")
KEYWORD_MIN_ITEMS = 6  # unlabelled list
KEYWORD_MAX_ITEM_WORDS = 5
_STOP = frozenset("and or the a an of in on for to with by at from".split())


class _LazyPattern:
    """A `regex` pattern compiled on first use: patterns behind a cheap substring test (inline
    furniture, share rows, SEO lists) are never needed for most texts, and compiling them all
    at import costs ~15 ms of start-up."""

    __slots__ = ("_args", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)
        self._compiled: regex.Pattern | None = None

    def __getattr__(self, name: str):  # finditer, search, match, ...: those of the compiled pattern
        if self._compiled is None:
            self._compiled = regex.compile(*self._args)
        return getattr(self._compiled, name)


# --- ads and page furniture ------------------------------------------------------------------

# A whole line that is only an ad label (optionally bracketed or dashed).
_AD_LINE_RE = regex.compile(
    r"(?m)^[ \t\-–—\[(]*(?:Advertisement|ADVERTISEMENT|Advertisements|AD|Sponsored|SPONSORED|"
    r"Sponsored [Cc]ontent|SPONSORED CONTENT|Paid [Cc]ontent|Paid [Pp]ost|Promoted(?: [Cc]ontent)?|Partner [Cc]ontent|"
    r"Ad[Cc]hoices|Advertiser [Cc]ontent|Story continues below(?: advertisement)?|Article continues below(?: advertisement)?|"
    r"Continue reading (?:the main story|below)|Scroll (?:down )?to continue(?: with content| reading)?|"
    r"Advertisement[ \t]*[-–—:][ \t]*[Ss]croll to continue)[ \t\-–—\])]*$"
)
# One-word ad labels that are also ordinary words or headings: flagged only next to other debris.
_AD_WORD_LINE_RE = regex.compile(r"(?m)^[ \t\[(]*(?:Ad|Advertising|ADVERTISING|Promoted)[ \t\])]*$")
# Ad labels that no article sentence contains, wherever they are.
_AD_INLINE_RE = _LazyPattern(
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
_DEBRIS_INLINE_RE = _LazyPattern(
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
    |(?P<read_more>(?:Read[ ]more|READ[ ]MORE|Read[ ]More|ALSO[ ]READ|Also[ ]read|READ[ ]ALSO|Read[ ]also|RELATED|Related)[ ]?:[ ]?[^\n]{0,160})
    |(?P<generated>(?:This|this)[ ](?:article|story|post|report|content|text|news[ ]item)[ ]
        (?:was|is|has[ ]been|have[ ]been)[ ](?:(?:automatically[ ]|auto-|machine[ ]|computer[ ]|AI[ ])generated
        |generated[ ](?:automatically|by[ ](?:an[ ])?(?:AI|artificial[ ]intelligence|a[ ]computer|a[ ]bot|software))
        |auto-?generated|machine[ ]translated|translated[ ]automatically|automatically[ ]translated
        |not[ ]been[ ]edited[ ]by[^.\n]{0,40}?staff)
        |(?:This|this)[ ](?:article|story|post|report|content)[ ](?:has|have)[ ]not[ ]been[ ]edited[ ]by[^.\n]{0,40}?staff
        |(?:is|was|has[ ]been)[ ](?:auto-?generated[ ]|published[ ])from[ ]a[ ]syndicated[ ](?:news[ ])?feed)
    |(?P<author_bio>(?<=\b(?:is|am)[ ])an?[ ](?:(?:passionate|avid|freelance|professional|seasoned|aspiring|experienced|self-proclaimed
        |dedicated|enthusiastic|talented|creative|content)[ ])+(?:writer|blogger|author|copywriter)[ ]who[ ](?:loves|enjoys|likes)
        [ ](?:to[ ](?:write|blog)[ ]about|(?:writing|blogging)[ ]about|to[ ](?:explore|share|cover|discover|research)[ ]
        (?:the[ ]latest|new|all[ ]things|everything|topics|trends|tips|insights|stories)|(?:exploring|sharing|covering)[ ]
        (?:the[ ]latest|new|all[ ]things|everything|topics|trends|tips|insights))\b
        |When[ ](?:she|he|they|I)[ ](?:is|are|am|['’]s|['’]re|['’]m)(?:n['’]t|[ ]not)[ ]writing,[ ](?:she|he|they|I|you['’]ll)[ ]
        (?:enjoys?|loves?|likes?|can[ ]be[ ]found|find[ ](?:her|him|them))\b)
    |(?P<copyright>(?<!(?:Photo|Image|Picture|Credit|Illustration)[^\n]{0,20})
        (?:(?:Copyright|COPYRIGHT)[ ]?(?:©|\([cC]\))?|©|\([cC]\))[ ]?(?:19|20)\d\d(?:[ ]?[-–][ ]?(?:19|20)?\d\d)?[^\n.]{0,80}
        (?:\.[ ]?(?:All[ ]rights[ ]reserved|ALL[ ]RIGHTS[ ]RESERVED)\.?)?
        |(?:All[ ]rights[ ]reserved|ALL[ ]RIGHTS[ ]RESERVED)\.?
        |This[ ]material[ ]may[ ]not[ ]be[ ]published,[ ]broadcast,[ ]rewritten,?[ ]or[ ]redistributed[^.\n]{0,60}\.?)
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
    "key words", "topics", "read also", "generated", "machine translated", "translated automatically",
    "been edited by", "redistributed", "syndicated", "writer who", "blogger who", "author who", "t writing",
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
        separators = text.count(",") + text.count("|")
        found = _ParagraphFindings(doc.text, text, para.start)
        if lines:
            _line_debris(found, text)
        if inline:
            _inline_debris(found, text)
        if any(t in text for t in _SHARE_TRIGGERS):
            _share_rows(found, text)
        starts = _sentence_starts(text)
        _sentence_start_debris(found, text, starts)
        if separators >= UNLABELLED_MIN_ITEMS - 2:
            for s, e, conf in _keyword_lists(text) + _unlabelled_lists(text, starts):
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
        elif kind in ("generated", "author_bio"):
            s, e = _sentence_around(text, s, e)  # "Disclaimer: This story is auto-generated from a syndicated feed."
        elif kind == "subscription" and s > 0 and text[s - 1] in "\"“‘'":
            continue  # quoted: a campaign's slogan reported in the story
        found.add(WEB_DEBRIS, s, e, WEB_DEBRIS.message.format(kind=kind.replace("_", " ")), 0.85)


def _keyword_lists(text: str) -> list[tuple[int, int, float]]:
    """Lines of many short comma-separated phrases that repeat the same words (keyword
    stuffing: "cheap hotels lisbon, cheap hotels, lisbon hotels, ...")."""
    return [(line.start(), line.end(), 0.75) for line in _LINE_RE.finditer(text) if _is_stuffed_line(line.group())]


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


# --- debris that opens a sentence; share rows; keyword lists ---------------------------------

# Where a sentence (or a line) starts: debris is pasted between sentences, so labels and calls
# to action are only looked for there ("... on Friday. Advertisement The move ...").
_BREAK_RE = re.compile(r"[.!?…:][\"'”’)\]]?[ \t]+|\n[ \t]*")
# What may follow a label: the end of the line, or the capital that opens the next sentence.
_LABEL_END = r"(?=[ \t]*(?:$|\n)|[ \t]+[\p{Lu}\"“‘(])"
_OPENER_RE = regex.compile(
    rf"""
    (?P<ad>(?:Advertisement|ADVERTISEMENT)(?:[ \t]*[-–—:|][ \t]*(?:[Ss]croll|SCROLL)[ ](?:down[ ])?to[ ]continue
           (?:[ ]reading|[ ]with[ ]content)?)?
        |AD|Sponsored(?:[ ][Cc]ontent)?|SPONSORED(?:[ ]CONTENT)?|Paid[ ](?:[Cc]ontent|[Pp]ost|[Pp]artnership)
        |Promoted[ ][Cc]ontent|Partner[ ][Cc]ontent|Advertiser[ ][Cc]ontent|Ad[ ][Ff]eedback){_LABEL_END}
    |(?P<furniture>(?:Continue[ ]reading(?:[ ]below)?|Loading(?:\.\.\.|…)|Click[ ]to[ ]expand(?:\.\.\.|…)?|Show[ ]more
        |Load[ ]more|Read[ ]more|READ[ ]MORE|Read[ ]More|View[ ](?:comments|gallery)|Comments[ ]?\(\d+\)|\d+[ ][Cc]omments|You[ ](?:may|might)[ ](?:also[ ])?(?:like|enjoy)
        |Recommended[ ]for[ ]you|Trending[ ]now|Most[ ](?:read|viewed)|Listen[ ]to[ ]this[ ]article|\d+[ ]min(?:ute)?[ ]read
        |Reading[ ]time:?[ ]\d+[ ]min(?:utes|s)?|Image[ ](?:source|caption)|Media[ ]caption)[:,]?{_LABEL_END})
    |(?P<label>(?:Tags|TAGS|Tagged(?:[ ](?:with|in))?|Keywords|KEYWORDS|Key[ ]words|Related[ ](?:searches|tags|topics|keywords)
        |Topics|TOPICS|Trending(?:[ ](?:topics|searches))?|Filed[ ]under|Categories)[ \t]*:[ \t]*)
    """,
    regex.VERBOSE,
)
# Calls to action: a short imperative sentence about the site's products (newsletters, alerts,
# apps, social accounts). The opener alone is not enough ("Sign up for the marathon closes
# Friday"): the rest of the sentence must name such a product (_CTA_OBJECT_RE).
_CTA_PREFIX_RE = regex.compile(
    r"(?:Want[ ]more|Like[ ]this[ ](?:story|article)|Enjoyed[ ]this[ ](?:story|article)|Love[ ]this)\?[ \t]*"
    r"|(?:Don['’]t|Do[ ]not)[ ]miss[ ]out[ \t]*[-–—:!.,]?[ \t]*|Never[ ]miss[ ]a[ ](?:story|thing|beat)[ \t]*[-–—:!.,]?[ \t]*"
)
_CTA_VERB_RE = regex.compile(
    r"""(?:(?i:click|tap|press)[ ](?:here|the[ ]link|below|on[ ]the[ ]link|the[ ]button)
    |(?i:s)ign[ ](?:up|in)|(?i:s)ubscribe|(?i:j)oin[ ](?:our|us|the)|(?i:f)ollow[ ]us|(?i:l)ike[ ]us|(?i:d)ownload[ ](?:our|the)
    |(?i:g)et[ ](?:our|the|all|breaking|exclusive|free|unlimited|your)|(?i:r)eceive[ ](?:our|the|breaking|free)
    |(?i:s)tay[ ](?:up[ ]to[ ]date|updated|informed|in[ ]the[ ]loop|connected|tuned)|(?i:b)e[ ]the[ ]first[ ]to
    |(?i:t)urn[ ]on|(?i:e)nable|(?i:r)egister|(?i:b)ecome[ ]a|(?i:s)upport[ ](?:our|us|independent)|(?i:l)isten[ ]to[ ]our
    |(?i:c)heck[ ]out[ ]our|(?i:f)or[ ]the[ ]latest|(?i:l)og[ ]in|(?i:c)reate[ ](?:an|a[ ]free)[ ]account
    |(?i:s)tart[ ]your[ ]free|(?i:d)on(?:['’]|&rsquo;|&\#39;|&\#8217;)t[ ]miss|(?i:n)ever[ ]miss|(?i:w)ant[ ](?:to[ ]stay|the[ ]latest|to[ ]get))\b""",
    regex.VERBOSE,
)
_PLATFORMS = r"Facebook|Twitter|X|Instagram|Telegram|LinkedIn|TikTok|YouTube|WhatsApp|Threads|Google[ ]News|Bluesky|Snapchat"
_CTA_OBJECT_RE = regex.compile(
    rf"""(?i:newsletters?|(?:daily|weekly|morning|evening|free|e-?mail|exclusive|news|breaking)[ ]
        (?:briefing|digest|bulletin|round-?up|updates?|alerts?|edition)|digest|e-?mail[ ](?:updates|alerts)|news[ ]alerts
        |breaking[ ]news|notifications|alerts|inbox|app|podcast|our[ ]channel|subscribers?|subscription|subscribe|sign[ ]up
        |free[ ]trial|the[ ]latest[ ](?:news|stories|headlines|updates)|never[ ]miss|our[ ](?:website|site|page|community)
        |our[ ](?:{_PLATFORMS})[ ](?:channel|page|account|feed)
        |updates)\b|\b(?:on|via)[ ](?:{_PLATFORMS})\b""",
    regex.VERBOSE,
)
CTA_MAX_CHARS = 220
_SENTENCE_STOP_RE = regex.compile(r"[.!?]+(?=[\s\"”’)]|$)|\n")
# Share-button rows: "Share this: Facebook Twitter Pinterest", "Facebook Reddit LinkedIn Email".
_NETWORK = (
    r"(?:Facebook|Twitter|X|LinkedIn|Linkedin|WhatsApp|Whatsapp|Email|E-mail|Mail|Print|Pinterest|Reddit|Telegram|"
    r"Messenger|Tumblr|Flipboard|Copy[ ][Ll]ink|SMS|Threads|Bluesky|Mastodon|Instagram|TikTok|YouTube|Pocket)"
)
_SHARE_ROW_RE = _LazyPattern(
    rf"""(?<![\w-])(?:
      (?:Share|SHARE)(?:[ ](?:this|the)(?:[ ](?:article|story|post|page|video))?)?(?:[ ](?:on|via|with))?[ \t]*:[ \t]*
          {_NETWORK}(?:[ \t]*[|•·/]?[ \t]*{_NETWORK})*
      |(?:Share|SHARE)(?:[ ](?:this|the)(?:[ ](?:article|story|post|page|video))?)?(?:[ ](?:on|via|with))?[ \t]+
          {_NETWORK}(?:[ \t]*[|•·/]?[ \t]*{_NETWORK})+
      |{_NETWORK}(?:[ \t]*[|•·/]?[ \t]*{_NETWORK}){{2,}}
    )(?![\w-])""",
    regex.VERBOSE,
)
_COMMON_WORD_NETWORKS = frozenset({"Email", "E-mail", "Mail", "Print", "SMS", "X", "Pocket", "Threads", "Copy link", "Copy Link"})
_NETWORK_WORD_RE = regex.compile(_NETWORK)
_SHARE_TRIGGERS = (
    "Facebook",
    "Twitter",
    "LinkedIn",
    "Linkedin",
    "WhatsApp",
    "Whatsapp",
    "Pinterest",
    "Reddit",
    "Telegram",
    "Share",
    "SHARE",
)
# Keyword items that only search-engine bait carries ("hotels near me", "iphone price 2025").
_SEO_ITEM_RE = _LazyPattern(
    r"\b(?:near me|price|prices|review|reviews|best|cheap|online|free|how to|latest|live|today|updates?|news|20[1-3]\d)\b"
)
UNLABELLED_MIN_ITEMS = 5
_LIST_FUNCTION_WORDS = _STOP | frozenset("all some any this that these those his her its their our my your".split())
LABELLED_MIN_ITEMS = 3


def _sentence_starts(text: str) -> list[int]:
    """Offsets where a sentence or a line starts (stdlib `re`: this runs on every paragraph)."""
    n = len(text)
    first = n - len(text.lstrip(" \t"))
    starts = [first] if first < n else []
    starts += [m.end() for m in _BREAK_RE.finditer(text) if m.end() < n]
    return starts


def _sentence_start_debris(found: _ParagraphFindings, text: str, starts: list[int]) -> None:
    """Ad labels, page furniture, calls to action and labelled keyword lists that open a
    sentence or a line."""
    caps = None
    for pos in starts:
        if not text[pos].isalnum():
            continue
        m = _OPENER_RE.match(text, pos)
        if m is not None:
            kind = m.lastgroup
            if kind == "ad":
                if caps is None:
                    caps = _is_caps_text(text)
                if not caps or m.group() not in ("AD", "ADVERTISEMENT"):
                    found.add(AD_PLACEHOLDER, m.start(), m.end(), AD_PLACEHOLDER.message, 0.85)
            elif kind == "furniture":
                found.add(WEB_DEBRIS, m.start(), m.end(), WEB_DEBRIS.message.format(kind="page furniture"), 0.8)
            elif kind == "label":
                span = _labelled_list(text, m.start(), m.end(), at_line_start=pos == 0 or text[pos - 1] == "\n")
                if span is not None:
                    found.add(KEYWORD_LIST, span[0], span[1], KEYWORD_LIST.message, 0.85)
            continue
        span = _call_to_action(text, pos)
        if span is not None:
            found.add(WEB_DEBRIS, span[0], span[1], WEB_DEBRIS.message.format(kind="call to action"), 0.85)


def _call_to_action(text: str, pos: int) -> tuple[int, int] | None:
    """The span of a call-to-action sentence starting at `pos`, or None."""
    prefix = _CTA_PREFIX_RE.match(text, pos)
    body = prefix.end() if prefix else pos
    verb = _CTA_VERB_RE.match(text, body)
    if verb is None and prefix is None:
        return None
    stop = _SENTENCE_STOP_RE.search(text, verb.end() if verb else body, min(len(text), pos + CTA_MAX_CHARS + 1))
    end = stop.end() if stop and stop.group() != "\n" else (stop.start() if stop else len(text))
    if end - pos > CTA_MAX_CHARS:
        return None
    sentence = text[pos:end]
    if any(q in sentence for q in '"“”') or " said" in sentence or " says" in sentence:
        return None  # quoted or reported speech, not page furniture
    if _CTA_OBJECT_RE.search(text, verb.end() if verb else body, end) is None:
        return None
    return pos, end


def _labelled_list(text: str, start: int, items_start: int, at_line_start: bool) -> tuple[int, int] | None:
    """The span of "Tags: a, b, c" from its label, when the items look like tags: at least
    LABELLED_MIN_ITEMS short items (2 at the start of a line), or a run of lower-case words."""
    nl = text.find("\n", items_start)
    line_end = nl if nl >= 0 else len(text)
    # A list pasted inline runs into the next sentence: cut it where that sentence starts.
    rest = _trim_to_list(text[items_start:line_end])
    if not rest.strip():
        return None
    if _ITEM_SPLIT_RE.search(rest):
        items = [i.strip(" .") for i in _ITEM_SPLIT_RE.split(rest) if i.strip(" .")]
        min_items = 2 if at_line_start else LABELLED_MIN_ITEMS
        if len(items) < min_items or any(len(i.split()) > KEYWORD_MAX_ITEM_WORDS for i in items):
            return None
        return start, items_start + len(rest.rstrip())
    words = rest
    tokens = words.split()
    if len(tokens) < 3 or words.rstrip().endswith((".", "!", "?")):
        return None  # a sentence after the label ("Topics: the talks will cover trade.")
    lower = sum(1 for t in tokens if t[:1].islower() or t[:1].isdigit())
    if lower < 0.6 * len(tokens):
        return None
    return start, items_start + len(words.rstrip())


_LIST_TAIL_RE = regex.compile(r"[ \t]+(?=[\"“‘']?[\p{Lu}][\p{Ll}]*(?:['’]s)?[ \t]+[\p{Ll}])")


def _trim_to_list(item: str) -> str:
    """Cut a list where the next sentence starts ("bacon, shrine The court said ..." →
    "bacon, shrine"): a capitalised word followed by a lower-case one."""
    m = _LIST_TAIL_RE.search(item)
    return item[: m.start()] if m and m.start() > 0 else item


def _share_rows(found: _ParagraphFindings, text: str) -> None:
    """Rows of share buttons; an unlabelled row needs three names, one of them a network."""
    for m in _SHARE_ROW_RE.finditer(text):
        names = _NETWORK_WORD_RE.findall(m.group())
        if not m.group().startswith(("Share", "SHARE")) and all(n in _COMMON_WORD_NETWORKS for n in names):
            continue
        found.add(WEB_DEBRIS, m.start(), m.end(), WEB_DEBRIS.message.format(kind="sharing"), 0.85)


def _unlabelled_lists(text: str, starts: list[int]) -> list[tuple[int, int, float]]:
    """A line (or the tail of a paragraph after its last sentence) made of UNLABELLED_MIN_ITEMS
    or more short lower-case phrases separated by commas or pipes, with no final full stop:
    "bacon, shrine, chance breaking, grocery best, autumn free"."""
    found = []
    for k, pos in enumerate(starts):
        following = starts[k + 1] if k + 1 < len(starts) else len(text)
        if text.count(",", pos, following) + text.count("|", pos, following) < UNLABELLED_MIN_ITEMS - 2:
            continue
        nl = text.find("\n", pos)
        end = nl if nl >= 0 else len(text)
        segment = _trim_to_list(text[pos:end]).rstrip()
        if not segment or segment[-1] in '.!?:;"”’)' or not (segment[0].islower() or segment[0].isdigit() or "|" in segment):
            continue
        items = [i.strip() for i in _ITEM_SPLIT_RE.split(segment)]
        if len(items) < UNLABELLED_MIN_ITEMS - 1 or not all(items):
            continue
        if any(len(i.split()) > 4 for i in items) or items[-1].lower().startswith(("and ", "or ")):
            continue
        if any("." in i or "@" in i for i in items):
            continue  # newsgroups, addresses, prices ("alt.animals", "8s."): not keywords
        pipes = segment.count("|") >= 3
        # Keywords are lower-case content words: not verse ("224 Heaven, hell, ... all ; the argument").
        lower = (
            segment[0].islower()
            and all(i[0].islower() or i[0].isdigit() for i in items)
            and sum(i.split()[0].lower() in _LIST_FUNCTION_WORDS for i in items) <= 1
        )
        seo = sum(1 for i in items if _SEO_ITEM_RE.search(i.lower()))
        # Search-engine bait: one SEO word in five items, two in four, or six bare items.
        if pipes or lower and (seo >= 2 or seo >= 1 and len(items) >= UNLABELLED_MIN_ITEMS or len(items) >= 6):
            found.append((pos, pos + len(segment), 0.75))
    return found


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
