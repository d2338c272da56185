"""Official titles that do not fit their organisation, country or person ("President of the Pentagon").

Machine translation renders foreign titles word by word and picks the wrong English office:
"President of the Pentagon" (the Pentagon is headed by the Secretary of Defense), "Prime
Minister of Germany" (Chancellor), "President of NATO" (Secretary General), "Chairman of the
European Central Bank" (President), "Prime Minister Emmanuel Macron" (President), "State
Chairman Cyril Ramaphosa" (President). The role table `detector/data/roles_table.json.gz` (built
by `training/build_roles.py` from the CIA World Factbook titles 2015-2026, organisations.tsv and
a hand-curated supplement of office-holders) says which titles each country, organisation and
person has had. Rules:

- `roles.wrong_title`: "<title> of <country/organisation>" or "<German/NATO/ECB> <title>" with a
  head title the body never had ("Chairman of Ukraine", "Minister of the State Department",
  "President of the Foreign Ministry", "Secretary of Defense of NATO"), or a cabinet post in a
  form the country does not use ("US Foreign Minister", "British Minister of Finance": the
  table's hand-compiled `cabinet_forms` for ten countries); the suggestion is the right title
  (a Latin American "Chancellor" is the foreign minister: Spanish "canciller");
- `roles.wrong_office`: "<title> <known office-holder>" with a head or cabinet title the person
  never held (at any date we know of); a made-up title of a head word and modifiers ("State
  Chairman", "Presiding Minister") whose office the person never held; a title of the right
  kind for another country or body ("President of Russia Volodymyr Zelensky"); a monarch's title
  before a head of state or government who never was one ("King Narendra Modi"); a title of a
  body given to the person who heads it under another title ("the Governor of the European
  Central Bank, Christine Lagarde"); or a portfolio title in another country's form ("Foreign
  Minister Antony Blinken": the US post is Secretary of State);
- `roles.inconsistent`: one person given two different offices in one text.

Only head titles are judged (President, Prime Minister/Premier, Chancellor, Chair, Chief
Minister, Secretary-General, Director-General, Managing Director, Governor, ...). Generic and
loose forms ("head", "chief", "leader", "defence minister" for the US Secretary of Defense, "UN
chief", "Fed Chair") are accepted, and so are deputies ("Vice President"), qualified titles
("former President X"), portfolio and body titles ("Economy Minister", "Party Chairman") and any
title a body or person held in the past. Premier and Prime Minister are one office. Portfolio
forms are judged only when capitalised (a formal title, not "the US defence minister") and never
where the country has a real office of that name (India's Foreign Secretary, the UK's junior
defence ministers): the form is wrong at every date, so no date is needed.

Speed: the table ships compiled (name keys and title classes precomputed) and loads in about
15 ms; passages without a title word are skipped with one substring test.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import ClassVar

import regex

from ..config import Config
from ..results import Finding
from ..rules import Rule
from ..text import Document
from .base import Extraction, zeros
from .names import english_zipf, load_data_json, name_tokens, skeleton, without_gc

TABLE_FILE = "roles_table.json.gz"

WRONG_TITLE = Rule(
    "roles.wrong_title",
    "warning",
    "“{found}” is not a title {entity} has: did you mean “{suggestion}”?",
    "Each country and organisation names its head in its own way: Germany has a Chancellor, not a "
    "Prime Minister; NATO a Secretary General, not a President; the Pentagon is run by the Secretary "
    "of Defense. A title the body has never had is a typical mistranslation. "
    "Example: “President of the Pentagon” → “Secretary of Defense”. Fix: use the body's own title.",
    example="As President of the Pentagon, Lloyd Austin met his counterparts.",
)
WRONG_OFFICE = Rule(
    "roles.wrong_office",
    "warning",
    "{person} has never been {title} (known offices: {offices})",
    "A known office-holder given an office they never held (“Prime Minister Emmanuel Macron”) is "
    "usually a translation error, sometimes a confusion of two people. "
    "Fix: use the person's actual title (suggested), or check the name.",
    example="Prime Minister Emmanuel Macron opened the summit.",
)
INCONSISTENT = Rule(
    "roles.inconsistent",
    "info",
    "{person} is called “{title}” here but “{other}” elsewhere in this text",
    "One person given two different offices in one article (“President Li” ... “Premier Li”) "
    "confuses readers and often comes from translating each sentence on its own. "
    "Fix: use one, correct title throughout (the more frequent one is suggested).",
    example="President Ivan Kovac opened the fair. Later, Prime Minister Ivan Kovac met investors.",
)

CONF_WRONG_TITLE_COUNTRY = 0.8
CONF_WRONG_TITLE_ORG = 0.8
CONF_WRONG_OFFICE = 0.75
CONF_INCONSISTENT = 0.5
CONF_INVENTED = 0.7
CONF_WRONG_BODY = 0.75
CONF_WRONG_FORM = 0.7  # a portfolio title in another country's form ("US Foreign Minister")
CONF_MONARCH = 0.75

# Title classes judged against a country's head offices.
COUNTRY_CLASSES = frozenset({"president", "prime minister", "chancellor", "chief minister"})
# "Chairman of Ukraine" is judged, "the club's Italian chairman" is not: chair only after "of".
COUNTRY_CLASSES_AFTER_OF = COUNTRY_CLASSES | {"chair"}
# Title classes judged against an organisation's head title.
ORG_CLASSES = frozenset(
    {"president", "prime minister", "chancellor", "chair", "secretary-general", "director-general",
     "managing director", "executive director", "governor", "high commissioner", "administrator", "minister",
     "chief minister", "director"}
)
# Generic words judged for an organisation only when capitalised ("Director of NATO", not "a
# director of NATO operations").
ORG_CLASSES_CAPITALISED = frozenset({"minister", "director"})
# Title classes judged against a person's offices ("Prime Minister Emmanuel Macron").
PERSON_CLASSES = frozenset(
    {"president", "prime minister", "chancellor", "secretary-general", "foreign minister", "defence minister", "finance minister",
     "chair", "chief minister"}
)
# Cabinet classes are only judged for people whose cabinet career the table knows (supplement).
CABINET_CLASSES = frozenset({"foreign minister", "defence minister", "finance minister", "chair"})
# Cabinet portfolios whose title form is judged per country ("Foreign Minister Antony Blinken"
# -> "Secretary of State"): the table's `cabinet_forms`, compiled by hand for ten countries.
PORTFOLIO_CLASSES = frozenset({"foreign minister", "defence minister", "finance minister", "interior minister", "justice minister"})
# A curated office-holder with no head or cabinet office of their own (a vice-president, a home
# secretary, a spokeswoman, an agency head) is still judged for these: the curated careers name
# every national head-of-government and foreign or defence post ("Defence Secretary Kamala
# Harris", "Foreign Secretary Priti Patel", "Foreign Minister Maria Zakharova"). Not "president"
# ("a President Harris" in campaign copy), "chair" (boards) nor "finance minister" (economy
# ministers are called finance ministers in English copy, and earlier finance posts of central
# bankers and commissioners are not all recorded).
THIN_RECORD_CLASSES = frozenset({"prime minister", "chancellor", "chief minister", "foreign minister", "defence minister"})
# Classes of made-up titles before a name ("Presiding Minister Donald Trump"), judged for the
# curated office-holders only; generic words ("Leader", "Head", "Chief") are never judged.
INVENTED_CLASSES = PERSON_CLASSES | {"minister", "secretary", "director", "governor", "administrator", "commissioner"}
# A looser title is accepted where the body's own title is more specific ("Director of the WHO").
LOOSE_EQUIVALENTS = {
    "director-general": "director",
    "executive director": "director",
    "managing director": "director",
    "secretary-general": "secretary",
    "high commissioner": "commissioner",
}

# --------------------------------------------------------------------------------------------
# Title classes
# --------------------------------------------------------------------------------------------

_CLASS_PATTERNS = [
    (regex.compile(p, regex.I), c)
    for p, c in (
        (r"^(?:vice|deputy|first deputy|first vice|second vice|executive vice)\b", "deputy"),
        (r"\bvice[- ]?(?:president|chancellor|premier|chair)", "deputy"),
        (r"\b(?:deputy|under|assistant|associate)\b", "deputy"),
        (r"\bpresident of the government\b|\bprime minister\b|\bpremier\b|\btaoiseach\b|\bminister[- ]president\b",
         "prime minister"),
        (r"\bfirst minister\b|\bchief minister\b", "chief minister"),
        (r"\bchancellor of the exchequer\b", "finance minister"),
        (r"\bsecretary of state for (?:foreign|the foreign)", "foreign minister"),
        (r"\bsecretary of state for defen[cs]e\b", "defence minister"),
        (r"\bsecretary of state for\b", "minister"),
        (r"\bsecretary of state\b|\bforeign (?:minister|secretary)\b|\bminister (?:of|for) (?:europe and )?foreign affairs\b"
         r"|\b(?:external|foreign) affairs minister\b|\bminister of external affairs\b|\bfederal minister for foreign affairs\b", "foreign minister"),
        (r"\bsecretary of (?:defen[cs]e|war)\b|\bdefen[cs]e (?:minister|secretary)\b|\bminister (?:of|for) (?:the )?(?:defen[cs]e|armed forces)\b"
         r"|\bfederal minister of defen[cs]e\b", "defence minister"),
        (r"\bsecretary of the treasury\b|\btreasury secretary\b|\bfinance minister\b|\bminister (?:of|for) finance\b|\btreasurer\b"
         r"|\bfederal minister of finance\b", "finance minister"),
        (r"\binterior (?:minister|secretary)\b|\bminister (?:of|for) (?:the )?interior\b|\bhome (?:affairs )?(?:minister|secretary)\b"
         r"|\bminister (?:of|for) home affairs\b|\bhomeland security secretary\b|\bsecretary of homeland security\b"
         r"|\bminister of public security\b|\bpublic security minister\b", "interior minister"),
        (r"\bjustice (?:minister|secretary)\b|\bminister (?:of|for) justice\b|\blaw minister\b|\blord chancellor\b",
         "justice minister"),
        (r"\bchancellor\b", "chancellor"),
        (r"\bsecretary[- ]general\b", "secretary-general"),
        (r"\bgeneral secretary\b", "general secretary"),
        (r"\bdirector[- ]general\b", "director-general"),
        (r"\bmanaging director\b", "managing director"),
        (r"\bexecutive director\b", "executive director"),
        (r"\bhigh commissioner\b", "high commissioner"),
        (r"\bhigh representative\b", "high representative"),
        (r"\bpresident\b", "president"),
        (r"\bchair(?:man|woman|person)?\b", "chair"),
        (r"\bgovernor\b", "governor"),
        (r"\battorney general\b", "attorney general"),
        (r"\b(?:king|queen|emperor|empress|sultan|emir|grand duke|prince|monarch)\b", "monarch"),
        (r"\bspeaker\b", "speaker"),
        (r"\bchief executive\b|\bceo\b", "chief executive"),
        (r"\badministrator\b", "administrator"),
        (r"\bcommissioner\b", "commissioner"),
        (r"\bdirector\b", "director"),
        (r"\bsecretary\b", "secretary"),
        (r"\bminister\b", "minister"),
        (r"\bpope\b", "pope"),
        (r"\b(?:chief|head|leader|boss)\b", "chief"),
    )
]


@lru_cache(maxsize=4096)
def title_class(title: str) -> str | None:
    """The office a title names, as a class: "Premier" and "Prime Minister" -> "prime minister";
    "Fed Chairman" -> "chair"; "Secretary of State" -> "foreign minister"; None if unknown."""
    for pattern, cls in _CLASS_PATTERNS:
        if pattern.search(title):
            return cls
    return None


# --------------------------------------------------------------------------------------------
# The role table
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entity:
    """A country or organisation and the head-title classes it has (had)."""

    name: str
    kind: str  # "country" or "org"
    classes: frozenset[str]
    suggestions: dict[str, str]  # wrong class -> suggested title ("{entity}" is the text used)
    heads: tuple[str, ...] = ()  # the head's official titles, as written


@dataclass(frozen=True)
class Office:
    title: str
    where: str
    start: int | None
    end: int | None
    cls: str | None


_HEAD_MINISTER_RE = regex.compile(r"(?:prime|first|chief) minister|minister[- ]president")


@dataclass(frozen=True)
class OfficeHolder:
    name: str
    offices: tuple[Office, ...]
    cabinet_known: bool  # the table knows this person's cabinet career (supplement)

    @property
    def classes(self) -> frozenset[str]:
        """Classes of every office held, with the loose names news uses for them: "Chancellor"
        for the Chancellor of the Exchequer, "President" for Spain's President of the Government."""
        out = {o.cls for o in self.offices if o.cls}
        for o in self.offices:
            low = o.title.lower()
            if "chancellor" in low and "vice" not in low:
                out.add("chancellor")
            if low.startswith("president of the government"):
                out.add("president")
            if "general secretary" in low:
                out.add("secretary-general")
            if "minister-president" in low or "minister president" in low:
                out.add("chief minister")  # a German state premier is often called so
            if low.startswith("high representative"):
                out.add("foreign minister")  # the EU's "foreign minister", as the press calls it
        return frozenset(out)

    def holds_word(self, word: str) -> bool:
        """Does the title of one of the person's offices contain `word` ("leader" in "Supreme
        Leader")? A head of government's "Minister" does not count: "Presiding Minister" is no
        title of a Prime Minister's."""
        return any(word in _HEAD_MINISTER_RE.sub("", o.title.lower()) for o in self.offices)

    def describe(self) -> str:
        """"President of France (2017-)"-style list of the person's offices, newest first."""
        parts, seen = [], set()
        for o in self.offices:  # curated offices come first in the table
            if o.title in seen or o.cls in ("monarch", "deputy") and o.title.lower().startswith("co-"):
                continue
            seen.add(o.title)
            years = f" ({o.start or '?'}-{o.end or ''})" if o.start or o.end else ""
            parts.append(f"{o.title}, {o.where}{years}")
        return "; ".join(parts[:4])

    def suggestion(self) -> str:
        """The title of the person's most recent judged office."""
        judged = [o for o in self.offices if o.cls in PERSON_CLASSES]
        best = max(judged or self.offices, key=lambda o: (o.start or 0, o.end or 9999))
        return display_title(best.title)


def display_title(title: str) -> str:
    """A title as used before a name: "Secretary General" for "Secretary General @ NATO",
    "Prime Minister" for "President of the Government of Spain"."""
    if title.lower().startswith("president of the government"):
        return "Prime Minister"
    return title


@dataclass
class RoleTable:
    entities: dict[str, Entity]  # alias as written (without a leading "the") -> entity
    prenominal: dict[str, Entity]  # demonyms and short names used before a title -> entity
    max_alias_words: int
    people_full: dict[str, OfficeHolder]  # "first last" skeleton -> person
    people_last: dict[str, list[OfficeHolder]]  # surname skeleton -> people
    given_names: frozenset[str] = frozenset()  # first-name skeletons shared by office-holders ("ahmed")
    # country -> portfolio class -> {"accepted", "other", "wrong": sets of cabinet_form()s, "suggest": str}
    cabinet_forms: dict[str, dict[str, dict]] = field(default_factory=dict)

    def person(self, name_words: list[str]) -> OfficeHolder | None:
        """The office-holder a name in text refers to: full name, else an unambiguous surname."""
        if name_words and name_words[-1].endswith(("'s", "’s")):
            name_words = [*name_words[:-1], name_words[-1][:-2]]  # "Xi Jinping’s thoughts"
        tokens = name_tokens(" ".join(name_words))
        if not tokens:
            return None
        keys = [skeleton(t) for t in tokens]
        if len(keys) >= 2:
            for k in reversed(keys[1:]):  # the surname first: "Kim Jong Un" is "kim un", not "kim jong"
                hit = self.people_full.get(f"{keys[0]} {k}")
                if hit is not None:
                    return hit
            return None
        # A lone surname: only the curated, prominent office-holders (Factbook rows of the same
        # person under a longer name, "Matamela Cyril Ramaphosa", do not make it ambiguous).
        if keys[0] in self.given_names:
            return None  # "President Ahmed": a given name, or a surname of many
        people = self.people_last.get(keys[0], ())
        curated = [h for h in people if h.cabinet_known]
        if len(curated) != 1 or english_zipf(tokens[0]) >= SURNAME_ONLY_MAX_ZIPF:
            return None
        for other in people:
            if other is not curated[0] and not self._same_as(other, curated[0]):
                return None  # another office-holder of that surname
        return curated[0]

    def _same_as(self, other: OfficeHolder, person: OfficeHolder) -> bool:
        """Is `other` (a Factbook row, "Joseph R. Biden Jr.") `person` under an alias or a longer
        name ("Matamela Cyril Ramaphosa")?"""
        tokens = name_tokens(other.name)
        keys = [skeleton(t) for t in tokens]
        return any(self.people_full.get(f"{k} {keys[-1]}") is person for k in keys[:-1])


# A lone surname after a title is resolved only when it is not a very common word ("President
# Obama" yes, "Prime Minister May" no).
SURNAME_ONLY_MAX_ZIPF = 5.0
TABLE_VERSION = 2  # layout of the compiled file (see training/build_roles.py)


@lru_cache(maxsize=1)
def role_table() -> RoleTable:
    """The role table, loaded on first use (a few milliseconds: keys and classes are stored
    precomputed)."""
    data = load_data_json(TABLE_FILE)
    with without_gc():
        return build_role_table(data)


def build_role_table(data: dict) -> RoleTable:
    """Index the JSON written by training/build_roles.py."""
    if data.get("version") != TABLE_VERSION:
        raise ValueError(f"{TABLE_FILE}: layout {data.get('version')}, expected {TABLE_VERSION}; rebuild it")
    entities: dict[str, Entity] = {}
    prenominal: dict[str, Entity] = {}
    for row in data["entities"]:
        entity = Entity(row["name"], row["kind"], frozenset(row["classes"]), dict(row["suggestions"]), tuple(row.get("heads", ())))
        for alias in row["aliases"]:
            entities.setdefault(alias.rstrip("."), entity)  # "U.S." is matched as the word "U.S"
        for alias in row["prenominal"]:
            prenominal.setdefault(alias.rstrip("."), entity)
    people_full: dict[str, OfficeHolder] = {}
    people_last: dict[str, list[OfficeHolder]] = {}
    for row in data["people"]:
        offices = tuple(Office(t, w, s, e, c) for t, w, s, e, c in row["offices"])
        holder = OfficeHolder(row["name"], offices, bool(row["cabinet_known"]))
        for key in row["full_keys"]:
            people_full.setdefault(key, holder)
        for key in row["last_keys"]:
            people_last.setdefault(key, []).append(holder)
    max_words = max((len(a.split()) for a in entities), default=1)
    cabinet_forms = {
        country: {cls: {k: (frozenset(v) if isinstance(v, list) else v) for k, v in post.items()} for cls, post in posts.items()}
        for country, posts in data.get("cabinet_forms", {}).items()
    }
    return RoleTable(entities, prenominal, max_words, people_full, people_last, frozenset(data["given_names"]), cabinet_forms)


_FORM_SUBS = (
    (re.compile(r"[-\u2010\u2011]"), " "),
    (re.compile(r"defense"), "defence"),
    (re.compile(r"\bminister for\b"), "minister of"),
    (re.compile(r"\bminister of interior\b"), "minister of the interior"),
    (re.compile(r"^(?:federal|union) "), ""),
    (re.compile(r"\s+"), " "),
)


@lru_cache(maxsize=1024)
def cabinet_form(title: str) -> str:
    """A cabinet title normalised for the per-country form table: "Defense Secretary" ->
    "defence secretary", "Minister for Foreign Affairs" -> "minister of foreign affairs"."""
    form = title.lower().strip()
    for pattern, sub in _FORM_SUBS:
        form = pattern.sub(sub, form)
    return form


def person_keys(name: str, aliases: list[str]) -> tuple[list[str], list[str]]:
    """("first last" skeleton keys, surname skeleton keys) under which a person is found; the
    build script stores them in the table."""
    full: list[str] = []
    last: list[str] = []
    for form in (name, *aliases):
        keys = [skeleton(t) for t in name_tokens(form)]
        # "Ibrahim Boubacar Keita" is also "Boubacar Keita"
        for k in keys[:-1]:
            if f"{k} {keys[-1]}" not in full:
                full.append(f"{k} {keys[-1]}")
        if keys and keys[-1] not in last:
            last.append(keys[-1])
    return full, last



# --------------------------------------------------------------------------------------------
# Finding titles in text
# --------------------------------------------------------------------------------------------

_L = r"[^\W\d_]"  # a letter (stdlib re: faster than the regex module here)
_TITLE_RE = re.compile(
    rf"(?<!{_L})(?<!-)"
    r"(?P<mod>(?:vice|deputy|assistant|under|associate|executive vice|first vice|first deputy|co|acting|interim|"
    r"former|ex|then|late|future|incoming|outgoing|caretaker)(?:-| |- )?)?"
    r"(?P<title>prime minister|premier|taoiseach|president(?:-elect)?|chancellor of the exchequer|chancellor|"
    r"chair(?:man|woman|person)?|secretary[- ]general|director[- ]general|managing director|executive director|"
    r"governor|high commissioner|administrator|"
    rf"secretary of state(?: for {_L}+(?: and {_L}+)?)?|secretary of (?:defen[cs]e|war|the treasury|homeland security)|"
    r"(?:defen[cs]e|foreign|treasury|home|justice|homeland security) secretary|"
    r"(?:foreign|defen[cs]e|finance|external affairs|foreign affairs|interior|home|home affairs|justice|law) minister|"
    r"minister (?:of|for) (?:foreign affairs|defen[cs]e|finance|the armed forces|the interior|home affairs|justice)|"
    r"(?:chief|first) minister|minister|director)"
    rf"(?!{_L})(?!-)",
    re.I,
)
# Lower-case keywords inside every title above: the regex is only tried near them.
_TITLE_KEYWORDS = ("president", "minister", "premier", "chancellor", "chair", "secretary", "director", "governor",
                   "commissioner", "administrator", "taoiseach")
_TITLE_WINDOW = 40  # characters before a keyword where its title (with a qualifier) may start


def title_matches(text: str) -> list[re.Match]:
    """Title phrases in `text`, in order: the title regex is run only in small windows around
    the keywords found with str.find (a whole-text regex scan costs ten times more)."""
    low = text.lower()
    positions = []
    for kw in _TITLE_KEYWORDS:
        i = low.find(kw)
        while i != -1:
            positions.append(i)
            i = low.find(kw, i + len(kw))
    out: list[re.Match] = []
    last_end = 0
    for p in sorted(positions):
        if p < last_end:
            continue
        pos = max(last_end, p - _TITLE_WINDOW)
        while True:
            m = _TITLE_RE.search(text, pos, min(len(text), p + 60))
            if m is None or m.start() > p:
                break
            if m.end() > p:
                out.append(m)
                last_end = m.end()
                break
            pos = m.end()
    return out


_WORD_RE = regex.compile(r"[\p{L}\p{M}](?:[\p{L}\p{M}'’&\-]|\.(?=\p{L}))*|[^\s]", regex.V1)
_NAME_WORD = r"(?:\p{Lu}|(?:al|el|ad|as|ar|at|az|an|ash)-\p{Lu})[\p{L}\p{M}'’\-]*\.?"  # "Blinken", "al-Sharaa"
_NAME_AFTER_RE = regex.compile(
    rf"[ \t\u00a0]+(?P<name>{_NAME_WORD}(?:[ \t\u00a0]+(?:{_NAME_WORD}|(?:von|van|der|de|bin|al|el|la|le)(?!\p{{L}}))){{0,4}})",
    regex.V1,
)
# Nouns after "<title> of <place>" that make the place part of a company or club name.
_COMPOUND_NOUNS = frozenset(
    """
    holdings holding group company companies corporation corp bank banks airlines airline airways university
    college school association federation club party council committee foundation institute society league
    fund limited ltd inc plc co telecom mobile railways railway oil gas energy motors steel chemicals
    pharmaceuticals industries enterprises products foods brewery football cricket rugby athletics olympic
    chamber branch division unit office region province state county city team squad chapter section board
    commission agency authority trust port airport museum orchestra opera church diocese
    """.split()
)
_QUALIFIERS = frozenset("former ex then late future incoming outgoing acting interim caretaker".split())
_DEPUTY_MODS = frozenset("vice deputy assistant under associate executive first co".split())
# Words before "<entity> <title>" that show the entity names whose head is meant ("the NATO
# President"), as opposed to "met NATO President Biden" (NATO is the object of "met").
_PRENOMINAL_LEFT = frozenset("the a an former then late and by with as , ( “ \" ' ‘ — – : ;".split())


@dataclass
class Mention:
    """A title before a known or repeated person's name, for the consistency check."""

    key: str
    person: str
    cls: str
    title: str
    start: int
    end: int


def _words_after(text: str, pos: int, n: int) -> list[str]:
    return [m.group() for m in _WORD_RE.finditer(text, pos, min(len(text), pos + 160))][:n]


def _match_entity(table: RoleTable, text: str, pos: int) -> tuple[Entity, int] | None:
    """The longest country or organisation alias starting at text[pos] (after an optional
    "the"), and its end offset; None when the name goes on ("NATO Military Committee")."""
    m = regex.match(r"(?:the |The )?", text[pos:])
    start = pos + (m.end() if m else 0)
    words = _words_after(text, start, table.max_alias_words + 1)
    for n in range(min(len(words), table.max_alias_words), 0, -1):
        alias = " ".join(words[:n])
        entity = table.entities.get(alias)
        if entity is None:
            continue
        end = start
        for w in words[:n]:
            end = text.index(w, end) + len(w)
        if text.startswith(("'s", "’s", "-"), end):
            return None  # "of the ECB's Governing Council", "of NATO-led"
        nxt = words[n] if len(words) > n else ""
        if nxt[:1].isupper() and text[end : end + 1] == " " and not _starts_person(table, text, end):
            return None  # the name goes on: "President of the Federal Reserve Bank of New York"
        if nxt.lower() in _COMPOUND_NOUNS:
            return None  # "president of Greenland holdings": a company named after the place
        return entity, end
    return None


def _starts_person(table: RoleTable, text: str, pos: int) -> bool:
    """Does a known office-holder's name start at text[pos] ("President of NATO Jens Stoltenberg")?"""
    nm = _NAME_AFTER_RE.match(text, pos)
    return nm is not None and table.person(nm.group("name").split()[:3]) is not None


# Countries whose foreign minister is called "canciller" (Spanish) or "chanceler" (Portuguese):
# "the Mexican Chancellor" is a word-for-word foreign minister, not a misnamed President.
_CANCILLER_COUNTRIES = frozenset(
    {"Argentina", "Bolivia", "Brazil", "Chile", "Colombia", "Costa Rica", "Cuba", "Dominican Republic", "Ecuador",
     "El Salvador", "Guatemala", "Honduras", "Mexico", "Nicaragua", "Panama", "Paraguay", "Peru", "Uruguay", "Venezuela"}
)


def _suggestion_template(entity: Entity, cls: str) -> str | None:
    """The body's suggested title for a wrong title of class `cls` ("Chancellor of {entity}"),
    else its default ("*"); "{entity}" stands for the body as the text names it."""
    if cls == "chancellor" and entity.name in _CANCILLER_COUNTRIES:
        return "Foreign Minister of {entity}"
    return entity.suggestions.get(cls) or entity.suggestions.get("*")


def _entity_suggestion(entity: Entity, cls: str, entity_text: str) -> str | None:
    template = _suggestion_template(entity, cls)
    return template.replace("{entity}", entity_text) if template else None


@dataclass
class _Found:
    rule: Rule
    start: int
    end: int
    message: str
    suggestion: str | None
    confidence: float


def _wrong_title_found(
    text: str, start: int, end: int, entity: Entity, entity_text: str, suggestion: str, confidence: float, offset: int
) -> _Found:
    """A `roles.wrong_title` finding on the title phrase text[start:end] (passage offsets; the
    text names the body `entity_text`)."""
    msg = WRONG_TITLE.message.format(found=text[start:end], entity=_entity_label(entity, entity_text), suggestion=suggestion)
    return _Found(WRONG_TITLE, offset + start, offset + end, msg, suggestion, confidence)


def _wrong_office_found(
    text: str, holder: OfficeHolder, start: int, end: int, suggestion: str, confidence: float, offset: int
) -> _Found:
    """A `roles.wrong_office` finding: the title text[start:end] (passage offsets) given to `holder`."""
    msg = WRONG_OFFICE.message.format(person=holder.name, title=text[start:end], offices=holder.describe())
    return _Found(WRONG_OFFICE, offset + start, offset + end, msg, suggestion, confidence)


def _name_words(nm: regex.Match) -> list[str]:
    """The words of a matched name (`_NAME_AFTER_RE`), without abbreviation dots, at most four."""
    return [w.rstrip(".") for w in nm.group("name").split()][:4]


def _holder_named_at(table: RoleTable, text: str, pos: int, name_re: regex.Pattern = _NAME_AFTER_RE) -> OfficeHolder | None:
    """The known office-holder whose name follows text[pos], if any (`_APPOSITIVE_NAME_RE` also
    allows a comma before the name)."""
    nm = name_re.match(text, pos)
    return table.person(_name_words(nm)) if nm else None


def _body_of(table: RoleTable, office: Office) -> Entity | None:
    """The country or organisation of an office ("the European Central Bank" is found without "the")."""
    return table.entities.get(regex.sub(r"^the ", "", office.where))


def _record_covers(holder: OfficeHolder, cls: str) -> bool:
    """Does the table know enough of the person's career to say they never held an office of
    class `cls`? Cabinet classes only for the curated careers (`cabinet_known`)."""
    return holder.cabinet_known or cls not in CABINET_CLASSES


def _judged_for(entity: Entity, cls: str, after_of: bool) -> bool:
    """Is a head title of class `cls` judged against this body? A country's "Chairman" only
    before "of" (`after_of`): "Chairman of Ukraine", not "the club's Italian chairman"."""
    if entity.kind == "country":
        return cls in (COUNTRY_CLASSES_AFTER_OF if after_of else COUNTRY_CLASSES)
    return cls in ORG_CLASSES


def scan_passage(table: RoleTable, text: str, offset: int, mentions: list[Mention]) -> list[_Found]:
    """Wrong titles and offices in one passage (document offsets: passage text starts at
    `offset`); titled person mentions are appended to `mentions`."""
    out: list[_Found] = _check_invented(table, text, offset) if _HEAD_BEFORE_NAME_RE.search(text) else []
    if any(w in text for w in _MONARCH_WORDS):
        out += _check_monarch(table, text, offset)
    taken = [(f.start - offset, f.end - offset) for f in out]
    for m in title_matches(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        mod = (m.group("mod") or "").strip(" -").lower()
        if mod.split(" ")[0] in _DEPUTY_MODS:
            continue  # "Vice President", "Deputy Prime Minister": another office
        title = m.group("title")
        cls = title_class(title)
        if cls is None:
            continue
        qualified = mod in _QUALIFIERS or _qualifier_before(text, m.start())
        after = text[m.end() : m.end() + 5]
        if after.startswith(" of "):
            found = _check_title_of(table, text, m, cls, offset)
            if found:
                out.append(found)
            continue
        if title[0].isupper():
            found = _check_prenominal(table, text, m, cls, offset)
            if found:
                out.append(found)
                continue
            found = _check_person(table, text, m, cls, qualified, offset, mentions, _past_national_title(table, text, m))
            if found:
                out.append(found)
    return out


# "former US President", "then-German Chancellor": a past qualifier, then one or two capitalised
# words (the country), right before the title.
_PAST_NATIONAL_RE = regex.compile(r"(?i:\b(?:former|ex|then|late))[- ]+(?P<ent>(?:\p{Lu}[\p{L}.]*[ ]){1,2})$", regex.V1)


def _past_national_title(table: RoleTable, text: str, m: re.Match) -> bool:
    """A national head title put in the past ("Former US President Jacinda Ardern"): the person
    must have held that office at some date, so the career record can judge it like an
    unqualified title. A bare "former President X" may mean a party's or a club's president and
    stays excused."""
    if m.group("mod"):
        return False
    bm = _PAST_NATIONAL_RE.search(text, max(0, m.start("title") - 40), m.start("title"))
    if bm is None:
        return False
    entity = table.prenominal.get(bm.group("ent").strip().rstrip("."))
    return entity is not None and entity.kind == "country"


def _qualifier_before(text: str, pos: int) -> bool:
    """"former"/"then-" just before the title or before its entity ("former German Chancellor")."""
    before = text[max(0, pos - 40) : pos].lower().replace("-", " ").split()
    return any(w.strip("(,") in _QUALIFIERS for w in before[-3:])


# "<title> of <body>" (_check_title_of) and "<body> <title>" (_check_prenominal) judge a title
# the same way through the shared helpers above and below (_judged_for, _accepted,
# _suggestion_template, _wrong_portfolio, _wrong_title_found); what stays apart is the phrase
# itself: where the body is found, and how the suggestion is worded ("Chancellor of Germany"
# against "German Chancellor").


def _check_title_of(table: RoleTable, text: str, m: re.Match, cls: str, offset: int) -> _Found | None:
    """"<title> of <country or organisation>"."""
    hit = _match_entity(table, text, m.end() + 4)
    if hit is None:
        return None
    entity, end = hit
    if cls in PORTFOLIO_CLASSES:
        return _check_portfolio_of(table, text, m, cls, entity, end, offset)
    if not _judged_for(entity, cls, after_of=True) or cls in ORG_CLASSES_CAPITALISED and not m.group("title")[0].isupper():
        return None
    if _accepted(entity, cls):
        return _check_entity_person(table, text, entity, cls, end, m.start("title"), offset) or _check_head_of_body(
            table, text, m, cls, entity, end, offset
        )
    entity_text = text[m.end() + 4 : end]
    suggestion = _entity_suggestion(entity, cls, entity_text)
    if not suggestion:
        return None
    conf = CONF_WRONG_TITLE_COUNTRY if entity.kind == "country" else CONF_WRONG_TITLE_ORG
    return _wrong_title_found(text, m.start("title"), end, entity, entity_text, suggestion, conf, offset)


def _check_portfolio_of(
    table: RoleTable, text: str, m: re.Match, cls: str, entity: Entity, end: int, offset: int
) -> _Found | None:
    """A capitalised cabinet title "of" a body: "Secretary of Defense of NATO" (an international
    body has no defence minister), "Foreign Minister of the United States" (the US form is
    Secretary of State). "Secretary of State of the Holy See" and lower-case uses pass."""
    entity_text = text[m.end() + 4 : end]
    fix = _wrong_portfolio(table, text, entity, cls, m.group("title"), m.start(), entity_text)
    if fix is None:
        return None
    suggestion, conf = fix
    return _wrong_title_found(text, m.start("title"), end, entity, entity_text, suggestion, conf, offset)


def _accepted(entity: Entity, cls: str) -> bool:
    if cls == "minister":  # "Minister of the State Department": only ministries have Ministers
        return entity.kind == "country" or any("minister" in h.lower() for h in entity.heads)
    if cls == "director":  # banks and agencies have boards of Directors; a Secretariat has not
        return "secretary-general" not in entity.classes or "director" in " ".join(entity.heads).lower()
    return cls in entity.classes or any(LOOSE_EQUIVALENTS.get(c) == cls for c in entity.classes)


def _entity_label(entity: Entity, used: str) -> str:
    """How the message names the body: as written, with the full name when it differs
    ("the Pentagon (United States Department of Defense)")."""
    bare = regex.sub(r"^(?:the|The) ", "", used)
    if entity.kind == "country" or bare == entity.name:
        return used if entity.kind != "country" else entity.name
    return f"{used} ({entity.name})"


def _check_prenominal(table: RoleTable, text: str, m: re.Match, cls: str, offset: int) -> _Found | None:
    """"German Prime Minister", "NATO President", "Germany's Prime Minister"."""
    start = m.start("title") if not m.group("mod") else m.start()
    before = text[max(0, start - 60) : start]
    # capitalised words, with "of"/"for" inside a name ("Bank of England Governor")
    bm = regex.search(r"(?P<ent>[\p{Lu}][\p{L}\p{M}.&\-]*(?:['’]s)?[ ](?:(?:(?:of|for)[ ])?[\p{Lu}][\p{L}\p{M}.&\-]*(?:['’]s)?[ ]){0,4})$", before, regex.V1)
    if bm is None:
        return None
    words = bm.group("ent").split()
    for n in range(len(words), 0, -1):
        if words[-n] in ("of", "for"):
            continue
        alias = " ".join(words[-n:])
        possessive = alias.endswith(("'s", "’s"))
        bare = alias[:-2] if possessive else alias
        bare = bare.rstrip(".")
        entity = table.prenominal.get(bare) or (table.entities.get(bare) if possessive else None)
        if entity is None:
            continue
        ent_start = start - len(" ".join(words[-n:])) - 1
        left = text[max(0, ent_start - 12) : ent_start].split()
        if left and left[-1].lower() not in _PRENOMINAL_LEFT and not left[-1].endswith((",", "(", ":", ";", "“", '"', ".", "!", "?")):
            return None  # "met NATO President Biden": NATO is not the title's body
        if text[m.end() : m.end() + 4] == " of ":
            return None
        if text[m.end() : m.end() + 5] == " for ":
            return None  # "UN High Commissioner for Refugees": a post of the body, not its head
        if cls in PORTFOLIO_CLASSES:
            return _check_portfolio_prenominal(table, text, m, cls, entity, alias, bare, ent_start, offset)
        if not _judged_for(entity, cls, after_of=False):
            return None
        if _accepted(entity, cls):
            return _check_entity_person(table, text, entity, cls, m.end(), ent_start, offset)
        right = _suggestion_template(entity, cls)
        if not right:
            return None
        right_title = right.replace(" of {entity}", "").replace("{entity}", bare)
        if " of " in right_title:
            suggestion = right_title
        else:
            suggestion = f"{bare}{alias[len(bare):]} {right_title}"
        # CONF_WRONG_TITLE_COUNTRY for organisations too ("NATO President"), unlike
        # _check_title_of; the two constants are equal.
        return _wrong_title_found(text, ent_start, m.end(), entity, bare, suggestion, CONF_WRONG_TITLE_COUNTRY, offset)
    return None


def _check_portfolio_prenominal(
    table: RoleTable, text: str, m: re.Match, cls: str, entity: Entity, alias: str, bare: str, ent_start: int, offset: int
) -> _Found | None:
    """"US Foreign Minister" (the US form is "Secretary of State"), "NATO Defence Minister" (NATO
    has no such post). Only capitalised titles: "the US defence minister" is a loose but common
    descriptor. Not when a known holder of the same portfolio in another country follows: the
    country word may then belong to the sentence ("met US Foreign Minister ...")."""
    fix = _wrong_portfolio(table, text, entity, cls, m.group("title"), ent_start, bare, alias)
    if fix is None:
        return None
    if entity.kind == "country":
        holder = _holder_named_at(table, text, m.end())
        if holder is not None and not any(o.cls == cls and o.where == entity.name for o in holder.offices):
            return None  # "US Foreign Minister Annalena Baerbock": a wrong body, not a wrong form
    suggestion, conf = fix
    return _wrong_title_found(text, ent_start, m.end(), entity, bare, suggestion, conf, offset)


def _wrong_portfolio(
    table: RoleTable, text: str, entity: Entity, cls: str, title: str, phrase_start: int, entity_text: str,
    alias: str | None = None,
) -> tuple[str, float] | None:
    """(suggestion, confidence) when the cabinet title `title` (class `cls`) is wrong for the body
    named in the text, else None: the one rule behind "Foreign Minister of the United States" and
    "US Foreign Minister". Judged only when capitalised (a formal title) and not qualified
    ("former") before `phrase_start`. An organisation is wrong unless it has a post of this class;
    a country when `title` is a form it never uses (its `cabinet_forms`). The suggestion names
    the body as written: "<post> of <entity_text>", or "<alias> <post>" before a title."""
    if not title[0].isupper() or _qualifier_before(text, phrase_start):
        return None
    if entity.kind == "org":
        if _org_has_post(entity, cls, title):
            return None
        suggestion = _entity_suggestion(entity, "*", entity_text)
        conf = CONF_WRONG_TITLE_ORG
    else:
        post = _wrong_cabinet_form(table, entity, cls, title)
        if post is None:
            return None
        suggestion = f"{post['suggest']} of {entity_text}" if alias is None else f"{alias} {post['suggest']}"
        conf = CONF_WRONG_FORM
    return (suggestion, conf) if suggestion else None


def _org_has_post(entity: Entity, cls: str, title: str) -> bool:
    """An organisation with a post of this class, or the Holy See's Secretary of State."""
    return cls in entity.classes or cabinet_form(title).startswith("secretary of state")


def _wrong_cabinet_form(table: RoleTable, entity: Entity, cls: str, title: str) -> dict | None:
    """The country's post of this class when `title` is a form that country never uses, else None."""
    post = table.cabinet_forms.get(entity.name, {}).get(cls)
    return post if post is not None and cabinet_form(title) in post["wrong"] else None


def _check_entity_person(
    table: RoleTable, text: str, entity: Entity, cls: str, name_pos: int, start: int, offset: int
) -> _Found | None:
    """"President of Russia Volodymyr Zelensky", "Russian President Zelensky": a title the body
    has, before a known office-holder who held that office in another country or body only.
    text[start:name_pos] is the title with its body."""
    # An organisation's head title ("Bank of England Governor", "WHO Director-General") before
    # someone who heads another body is judged too: organisations have one head each, and the
    # curated people's headships are known (not the generic "Minister"/"Director").
    org_head = entity.kind != "country" and cls in ORG_CLASSES - ORG_CLASSES_CAPITALISED
    if (cls not in PERSON_CLASSES and not org_head) or _qualifier_before(text, start):
        return None
    holder = _holder_named_at(table, text, name_pos)
    if holder is None:
        return None
    bodies = [_body_of(table, o) for o in holder.offices]
    if entity in bodies:
        return None  # held some office there (the record may lack the exact title)
    heads = ORG_CLASSES | COUNTRY_CLASSES
    elsewhere = [
        (o, body)
        for o, body in zip(holder.offices, bodies, strict=True)
        if body is not None and (o.cls == cls or (org_head and o.cls in heads and body.kind != "country"))
    ]
    if not elsewhere:
        return None
    office, body = max(elsewhere, key=lambda ob: ob[0].start or 0)
    where = office.where if body.kind == "country" or office.where.isupper() else f"the {office.where}"
    suggestion = f"{display_title(office.title).split(' of ')[0]} of {where}"
    return _wrong_office_found(text, holder, start, name_pos, suggestion, CONF_WRONG_BODY, offset)


# "<title> of <body>, <Name>" or "<title> of <body> <Name>": the name right after the body.
_APPOSITIVE_NAME_RE = regex.compile(r",?" + _NAME_AFTER_RE.pattern, regex.V1)
# Member titles a body's head also holds: the Fed Chair is one of the Board's Governors.
_HEAD_ALSO_HOLDS = {"Federal Reserve": {"governor"}, "International Monetary Fund": {"chair"}, "World Bank": {"chair"}}


def _check_head_of_body(
    table: RoleTable, text: str, m: re.Match, cls: str, entity: Entity, end: int, offset: int
) -> _Found | None:
    """"The Governor of the European Central Bank, Christine Lagarde" / "Prime Minister of
    France Emmanuel Macron": a title the body has, given to the person who heads (headed) that
    same body under another title, and who never held this one there or elsewhere."""
    start = m.start("title")
    if _qualifier_before(text, start) or cls in _HEAD_ALSO_HOLDS.get(entity.name, ()):
        return None
    holder = _holder_named_at(table, text, end, _APPOSITIVE_NAME_RE)
    if holder is None or cls in holder.classes or any(LOOSE_EQUIVALENTS.get(c) == cls for c in holder.classes):
        return None
    head_classes = {title_class(h) for h in entity.heads} & (COUNTRY_CLASSES | ORG_CLASSES)
    here = [o for o in holder.offices if o.cls in head_classes and _body_of(table, o) is entity]
    if not here:
        return None  # the person's tie to this body is not its headship: judged elsewhere if at all
    if cls in PERSON_CLASSES:
        if not _record_covers(holder, cls):
            return None
    elif not holder.cabinet_known:
        return None  # a member title ("Governor") is only judged for curated careers
    office = max(here, key=lambda o: o.start or 0)
    entity_text = text[m.end() + 4 : end]
    suggestion = f"{display_title(office.title).split(' of ')[0]} of {entity_text}"
    return _wrong_office_found(text, holder, start, end, suggestion, CONF_WRONG_OFFICE, offset)


def _check_person(
    table: RoleTable, text: str, m: re.Match, cls: str, qualified: bool, offset: int, mentions: list[Mention],
    past_national: bool = False,
) -> _Found | None:
    """"<title> <person>": a known office-holder given an office they never held, or the title
    of their portfolio in another country's form ("Foreign Minister Antony Blinken"). A
    qualified title is judged only when it is a past national one (`_past_national_title`)."""
    nm = _NAME_AFTER_RE.match(text, m.end())
    if nm is None:
        return None
    if cls in PORTFOLIO_CLASSES and not qualified:
        found = _check_portfolio_person(table, text, m, cls, nm, offset)
        if found:
            return found
    if cls not in PERSON_CLASSES:
        return None
    # The whole matched name, not _name_words() (at most four words): it is also the key of the
    # consistency check. A trailing "I" or "A" is dropped.
    words = [w.rstrip(".") for w in nm.group("name").split()]
    while words and words[-1] in ("I", "A"):
        words.pop()
    if not words:
        return None
    holder = table.person(words)
    tokens = name_tokens(" ".join(words))
    # An unknown person is only followed by full name: "President Lee" and "Prime Minister Lee"
    # are often two people.
    key = holder.name if holder else " ".join(skeleton(t) for t in tokens) if len(tokens) >= 2 else ""
    title_start, title_end = m.start("title"), m.end("title")
    if not qualified and key:
        mentions.append(
            Mention(key, holder.name if holder else " ".join(words), cls, m.group("title"), offset + title_start, offset + title_end)
        )
    if holder is None or (qualified and not past_national) or cls in holder.classes:
        return None
    if not holder.classes & PERSON_CLASSES and not (holder.cabinet_known and cls in THIN_RECORD_CLASSES):
        return None  # only deputy or minor offices known: the career record is too thin to judge
    if not holder.cabinet_known and holder.classes <= PORTFOLIO_CLASSES:
        return None  # known from the cabinet table only: the rest of the career is not recorded
    if not _record_covers(holder, cls):
        return None
    return _wrong_office_found(text, holder, title_start, title_end, holder.suggestion(), CONF_WRONG_OFFICE, offset)


def _is_country(table: RoleTable, where: str) -> bool:
    entity = table.entities.get(where)
    return entity is None or entity.kind == "country"  # an unknown place is taken for a country


def _check_portfolio_person(
    table: RoleTable, text: str, m: re.Match, cls: str, nm: regex.Match, offset: int
) -> _Found | None:
    """"Foreign Minister Antony Blinken": the person held this portfolio only in countries whose
    own form of the title is another ("Secretary of State"). Any accepted or other real form in
    one of those countries passes ("Foreign Secretary S. Jaishankar": India has Foreign
    Secretaries), and so does any country the form table does not cover.

    Not `_wrong_portfolio`: that judges the title against the one body named in the text; here no
    body is named, and the title is judged against every country where the person held the
    portfolio."""
    title = m.group("title")
    if not title[0].isupper():
        return None
    holder = table.person(_name_words(nm))
    if holder is None:
        return None
    form = cabinet_form(title)
    # offices held in a country (a national ministry's row, "United States Department of State",
    # repeats the country's)
    posts = [(o, table.cabinet_forms.get(o.where, {}).get(cls)) for o in holder.offices if o.cls == cls and _is_country(table, o.where)]
    if not posts or any(post is None or form not in post["wrong"] for _, post in posts):
        return None
    _, post = max(posts, key=lambda op: op[0].start or 0)
    return _wrong_office_found(text, holder, m.start("title"), m.end("title"), post["suggest"], CONF_WRONG_FORM, offset)


# --------------------------------------------------------------------------------------------
# Made-up titles before a known person ("State Chairman Cyril Ramaphosa")
# --------------------------------------------------------------------------------------------

# A head word of a title, capitalised, right before a capitalised word (the name).
_HEAD_BEFORE_NAME_RE = re.compile(
    r"(?<![^\W\d_])(?P<head>President|Chairman|Chairwoman|Chairperson|Chair|Minister|Premier|Chancellor|Secretary|"
    r"Director|Governor|Administrator|Commissioner)(?=[ \u00a0][A-ZÀ-ÖØ-Þ])"
)
# One or two capitalised words right before the head word: the rest of the title phrase.
_MODIFIERS_RE = re.compile(r"(?<![^\W\d_])((?:[A-Z][a-z]+[ -]){1,2})$")
# Modifiers that make a real title of another office: a portfolio ("Economy Minister") or a body
# ("Party Chairman", "Board Chair"). Their holders' careers are not all in the table.
_REAL_MODIFIERS = frozenset(
    """
    economy economic economics health finance financial interior home justice education energy trade labour labor
    agriculture culture environment transport transportation defence defense foreign treasury army navy war
    industry commerce science research housing tourism sport sports communications information security
    development planning budget social welfare employment infrastructure water mines mining oil petroleum
    digital climate family women youth veterans immigration fisheries forestry religious cabinet
    party board committee council commission foundation group club federation union association assembly senate
    house parliament bank company campaign congress league court university college school institute church
    prime vice deputy first chief general executive managing high supreme crown grand lord press private
    permanent principal under assistant associate honorary founding joint
    """.split()
)


# Head words that many states, provinces and agencies use for their own heads ("Texas Governor"):
# before a lone surname they are not judged, as the surname may be another person's.
_PLACE_HEADS = frozenset({"Governor", "Administrator", "Commissioner", "Director"})


def _check_invented(table: RoleTable, text: str, offset: int) -> list[_Found]:
    """A title phrase made of modifiers and a head word ("State Chairman", "Presiding Minister")
    right before a known office-holder's name, whose office class (chair, minister) the person
    never held: the usual word-by-word translation of a foreign title."""
    out: list[_Found] = []
    for m in _HEAD_BEFORE_NAME_RE.finditer(text):
        mm = _MODIFIERS_RE.search(text, max(0, m.start() - 40), m.start())
        if mm is None:
            continue
        mods = mm.group(1).replace("-", " ").split()
        while mods and (mods[0] in table.prenominal or mods[0] in table.entities or mods[0].lower() in ("the", "a", "an")):
            mods.pop(0)  # "Brazilian Presiding Minister": the title starts after the country
        if not mods or any(w.lower() in _REAL_MODIFIERS or w.lower() in _QUALIFIERS for w in mods):
            continue
        start = m.start() - len(" ".join(mods)) - 1
        phrase = text[start : m.end()]
        if _TITLE_RE.fullmatch(phrase) or _qualifier_before(text, start):
            continue
        cls = title_class(phrase)
        if cls not in INVENTED_CLASSES:
            continue
        nm = _NAME_AFTER_RE.match(text, m.end())
        words = _name_words(nm) if nm else []
        if len(words) < 2 and m.group("head") in _PLACE_HEADS:
            continue  # "Texas Governor Abbott": a place's own governor, not Tony Abbott
        holder = table.person(words) if words else None
        if holder is None or not holder.classes & PERSON_CLASSES or cls in holder.classes:
            continue
        if holder.holds_word(m.group("head").lower()):
            continue  # "Supreme Leader", "Senate Majority Leader": the person's own title
        if not holder.cabinet_known and cls not in COUNTRY_CLASSES_AFTER_OF:
            continue  # a Factbook leader's record only covers heads of state and government
        out.append(_wrong_office_found(text, holder, start, m.end(), holder.suggestion(), CONF_INVENTED, offset))
    return out


# --------------------------------------------------------------------------------------------
# Monarch titles before a known non-monarch ("King Narendra Modi")
# --------------------------------------------------------------------------------------------

_MONARCH_WORDS = ("King ", "Queen ", "Emperor ", "Empress ", "Sultan ", "Emir ")
_MONARCH_RE = re.compile(r"(?<![\w-])(?P<title>King|Queen|Emperor|Empress|Sultan|Emir)(?=[ \u00a0][A-ZÀ-ÖØ-Þ])")
# Words before a monarch title that make it a metaphor or a nickname ("dubbed Emperor Xi").
_FIGURATIVE_BEFORE = frozenset("dubbed called nicknamed styled self-styled would-be wannabe like as mock 'king' ‘ “ \" '".split())


def _check_monarch(table: RoleTable, text: str, offset: int) -> list[_Found]:
    """A monarch's title before a known head of state or government who has never been a
    monarch: "King Narendra Modi". The title word must not belong to a name ("Stephen King",
    "Sultan Al Jaber"), nor follow a figurative cue ("dubbed Emperor Xi"), nor be qualified."""
    out: list[_Found] = []
    for m in _MONARCH_RE.finditer(text):
        before = text[max(0, m.start() - 30) : m.start()].split()
        prev = before[-1] if before else ""
        if prev[:1].isupper() and english_zipf(prev.strip("“\"‘'(")) < 5.0:
            continue  # "Stephen King", "Burger King": part of a name
        if any(w.lower() in _FIGURATIVE_BEFORE for w in before[-3:]) or prev[-1:] in ("“", '"', "‘", "'"):
            continue  # "dubbed him Emperor Xi", a quoted nickname
        if _qualifier_before(text, m.start()):
            continue
        nm = _NAME_AFTER_RE.match(text, m.end())
        if nm is None:
            continue
        words = _name_words(nm)
        holder = table.person(words)
        if holder is None or _reigned(holder) or not holder.classes & COUNTRY_CLASSES:
            continue
        if table.person([m.group("title"), *words]) is holder:
            continue  # the word is the person's given name ("Sultan Ahmed Al Jaber")
        out.append(_wrong_office_found(text, holder, m.start(), m.end(), holder.suggestion(), CONF_MONARCH, offset))
    return out


def _reigned(holder: OfficeHolder) -> bool:
    """Was the person ever a monarch proper? France's President is ex officio Co-prince of
    Andorra (a monarch's office in the table), yet "King Emmanuel Macron" is wrong."""
    return any(o.cls == "monarch" and "co-prince" not in o.title.lower() for o in holder.offices)


def inconsistent_mentions(table: RoleTable, mentions: list[Mention], skip: set[tuple[int, int]]) -> list[tuple[Mention, Mention]]:
    """(mention to flag, a mention with the majority title) for people given two offices."""
    by_key: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_key.setdefault(mention.key, []).append(mention)
    out = []
    for key, group in by_key.items():
        counts = Counter(mt.cls for mt in group)
        if len(counts) < 2:
            continue
        holder = table.people_full.get(key) or next((h for hs in table.people_last.values() for h in hs if h.name == key), None)
        if holder is not None and set(counts) <= holder.classes:
            continue  # held both offices
        ranked = counts.most_common()
        if ranked[0][1] == ranked[1][1] and holder is None:
            majority_cls = group[0].cls  # a tie: the first title used
        else:
            majority_cls = ranked[0][0]
        majority = next(mt for mt in group if mt.cls == majority_cls)
        for mention in group:
            if mention.cls != majority_cls and (mention.start, mention.end) not in skip:
                out.append((mention, majority))
    return out


# --------------------------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------------------------

# Cheap test before the title regex: str.__contains__ on the lower-cased passage is several
# times faster than any regex alternation (most passages have no title at all).
_PREFILTER_WORDS = ("president", "minister", "premier", "chancellor", "chair", "secretary", "director", "governor",
                    "commissioner", "administrator", "taoiseach")


def _may_have_title(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _PREFILTER_WORDS) or any(w in text for w in _MONARCH_WORDS)


class RolesExtractor:
    name: ClassVar[str] = "roles"
    feature_names: ClassVar[tuple[str, ...]] = ("wrong_title", "wrong_office", "inconsistent", "max_confidence")
    rules: ClassVar[tuple[Rule, ...]] = (WRONG_TITLE, WRONG_OFFICE, INCONSISTENT)

    def extract(self, doc: Document, config: Config) -> Extraction:
        features = zeros(doc, len(self.feature_names))
        if not doc.passages:
            return Extraction(features, ())
        table = role_table()
        findings: list[Finding] = []
        mentions: list[Mention] = []
        flagged: set[tuple[int, int]] = set()
        columns = {WRONG_TITLE.id: 0, WRONG_OFFICE.id: 1, INCONSISTENT.id: 2}
        for i, passage in enumerate(doc.passages):
            if not _may_have_title(passage.text):
                continue
            for f in scan_passage(table, passage.text, passage.start, mentions):
                if config.is_allowed(doc.text[f.start : f.end]):
                    continue
                findings.append(f.rule.finding(doc.text, f.start, f.end, f.message, f.suggestion, f.confidence))
                flagged.add((f.start, f.end))
                features[i, columns[f.rule.id]] += 1
                features[i, 3] = max(features[i, 3], f.confidence)
        for mention, majority in inconsistent_mentions(table, mentions, flagged):
            if config.is_allowed(doc.text[mention.start : mention.end]):
                continue
            msg = INCONSISTENT.message.format(person=mention.person, title=mention.title, other=majority.title)
            findings.append(INCONSISTENT.finding(doc.text, mention.start, mention.end, msg, majority.title, CONF_INCONSISTENT))
            p = doc.passage_at(mention.start)
            features[p, 2] += 1
            features[p, 3] = max(features[p, 3], CONF_INCONSISTENT)
        return Extraction(features, tuple(findings))
