"""Build the role table (`detector/data/roles_table.json.gz`) from the shared entity data.

    python -m training.build_roles --data /work/shared/data [--out detector/data]

Sources (see /work/shared/data/README-entities.md):
- `entities/factbook_titles.tsv`, `factbook_countries.jsonl.gz`: per country, every head-of-state
  and head-of-government title used in a CIA World Factbook edition 2015-10 -> 2026-01 (public
  domain), name forms (short, long, abbreviation);
- `entities/factbook_leaders.jsonl.gz`: who held those titles, with dates;
- `entities/organisations.tsv`: about 140 organisations, their aliases, the official title of
  their head, accepted variants and recent holders (own compilation);
- the hand-curated SUPPLEMENT of training/build_gazetteer.py: offices of ministers, central
  bankers, EU/UN/NATO heads and the earlier careers of leaders (facts up to mid-2025);
- CABINET_POSTS below (own compilation): how news names the foreign, defence, finance, interior
  and justice posts of ten countries ("Secretary of State", "Foreign Secretary", "Treasurer") and
  their well-known holders 2015-2026;
- the hand-made tables below: demonyms ("German" -> Germany), extra country aliases ("Britain",
  "the US"), organisation aliases too generic to use ("the Fund", "Brussels"), titles that are
  accepted beside the official one ("Governor" for Fed board members, "Chancellor" in the UK
  for the Chancellor of the Exchequer) and short suggestions for long official titles.

Output JSON (gzip), read by detector/extractors/roles.py (layout version TABLE_VERSION):
    {"meta": {...}, "version": 2,
     "entities": [{"name", "kind": "country"|"org", "aliases", "prenominal", "classes", "heads",
                   "suggestions": {wrong class or "*": "Chancellor of {entity}"}}],
     "people": [{"name", "offices": [[title, where, start, end, class]], "cabinet_known",
                 "full_keys": ["first last" skeletons], "last_keys": [surname skeletons]}],
     "given_names": [first-name skeletons of two or more office-holders],
     "cabinet_forms": {country: {title class: {"accepted", "other", "wrong", "suggest"}}}}
Title classes (detector.extractors.roles.title_class) and name keys (names.skeleton) are stored
precomputed so that loading is fast: rebuild the table whenever either function changes.
Facts only, no corpus text. Reading the entity files and writing the table:
training/entity_io.py (shared with training/build_gazetteer.py).
"""

from __future__ import annotations

import re
from pathlib import Path

from detector.extractors.names import name_tokens, skeleton
from detector.extractors.roles import (
    COUNTRY_CLASSES,
    COUNTRY_CLASSES_AFTER_OF,
    TABLE_VERSION,
    cabinet_form,
    person_keys,
    title_class,
)
from training.build_gazetteer import supplement_people
from training.entity_io import clean_alias, org_holders, read_jsonl, read_tsv, run_builder, table_meta, write_json_gz

OUT_NAME = "roles_table.json.gz"

# Nationality adjectives used before a title ("German Chancellor").
DEMONYMS = {
    "United States": "American; US; U.S.",
    "United Kingdom": "British; UK; U.K.; English",
    "Germany": "German",
    "France": "French",
    "Italy": "Italian",
    "Spain": "Spanish",
    "Portugal": "Portuguese",
    "Canada": "Canadian",
    "Japan": "Japanese",
    "China": "Chinese",
    "India": "Indian",
    "Russia": "Russian",
    "Brazil": "Brazilian",
    "Mexico": "Mexican",
    "Argentina": "Argentine; Argentinian",
    "South Korea": "South Korean",
    "North Korea": "North Korean",
    "Indonesia": "Indonesian",
    "Turkey": "Turkish",
    "Saudi Arabia": "Saudi",
    "South Africa": "South African",
    "Australia": "Australian",
    "New Zealand": "New Zealand",
    "Ireland": "Irish",
    "Israel": "Israeli",
    "Iran": "Iranian",
    "Iraq": "Iraqi",
    "Syria": "Syrian",
    "Egypt": "Egyptian",
    "Pakistan": "Pakistani",
    "Afghanistan": "Afghan",
    "Ukraine": "Ukrainian",
    "Poland": "Polish",
    "Netherlands": "Dutch",
    "Belgium": "Belgian",
    "Switzerland": "Swiss",
    "Austria": "Austrian",
    "Sweden": "Swedish",
    "Norway": "Norwegian",
    "Denmark": "Danish",
    "Finland": "Finnish",
    "Greece": "Greek",
    "Hungary": "Hungarian",
    "Czechia": "Czech",
    "Slovakia": "Slovak",
    "Romania": "Romanian",
    "Bulgaria": "Bulgarian",
    "Serbia": "Serbian",
    "Croatia": "Croatian",
    "Belarus": "Belarusian",
    "Georgia": "Georgian",
    "Armenia": "Armenian",
    "Azerbaijan": "Azerbaijani",
    "Kazakhstan": "Kazakh",
    "Nigeria": "Nigerian",
    "Kenya": "Kenyan",
    "Ethiopia": "Ethiopian",
    "Thailand": "Thai",
    "Vietnam": "Vietnamese",
    "Philippines": "Philippine; Filipino",
    "Malaysia": "Malaysian",
    "Singapore": "Singaporean",
    "Taiwan": "Taiwanese",
    "Bangladesh": "Bangladeshi",
    "Sri Lanka": "Sri Lankan",
    "Lebanon": "Lebanese",
    "Jordan": "Jordanian",
    "Qatar": "Qatari",
    "United Arab Emirates": "Emirati",
    "Venezuela": "Venezuelan",
    "Colombia": "Colombian",
    "Chile": "Chilean",
    "Peru": "Peruvian",
    "Cuba": "Cuban",
    "Morocco": "Moroccan",
    "Algeria": "Algerian",
    "Tunisia": "Tunisian",
    "Libya": "Libyan",
    "Iceland": "Icelandic",
    "Estonia": "Estonian",
    "Latvia": "Latvian",
    "Lithuania": "Lithuanian",
    "Slovenia": "Slovenian",
    "Luxembourg": "Luxembourgish",
    "European Union": "EU; European",
}
# Other names of countries used after "of" or before "'s" ("Prime Minister of Britain").
COUNTRY_ALIASES = {
    "United States": "United States of America; USA; US; U.S.; America",
    "United Kingdom": "UK; U.K.; Britain; Great Britain; England",
    "Czechia": "Czech Republic",
    "Netherlands": "Holland",
    "Turkey": "Türkiye; Turkiye",
    "Burma": "Myanmar",
    "South Korea": "Republic of Korea; Korea",
    "Russia": "Russian Federation",
    "China": "People's Republic of China; PRC",
    "European Union": "EU",
    "Cabo Verde": "Cape Verde",
    "Cote d'Ivoire": "Ivory Coast",
    "Eswatini": "Swaziland",
}
# Head titles accepted beside the Factbook's: loose but correct English usage.
COUNTRY_EXTRA_CLASSES = {
    "United Kingdom": {"chancellor"},  # the Chancellor of the Exchequer
    "Iran": {"prime minister"},  # until 1989
    "Sri Lanka": {"prime minister"},
}
# Organisation aliases too generic to identify the body ("President of the Commission" of what?).
ORG_ALIAS_DROP = {
    "the Fund", "the Alliance", "the Commission", "Brussels", "EU summit", "the Council", "Council of Ministers",
    "EU Council", "General Assembly", "Security Council", "Human Rights Council", "the Commonwealth", "Treasury",
    "the Treasury", "Treasury (UK)", "the Bank", "House", "the House", "Senate", "Commons", "Met", "Chancellery",
    "Federal Council", "State Council", "Amnesty", "Foreign Office", "Foreign Office (Germany)", "Karlsruhe court",
    "Strasbourg court", "World Court", "Davos forum", "Catholic Church", "Vatican Secretariat of State", "MID",
    "Home Office", "UN Environment", "UN Migration", "UN Human Rights", "UN Climate Change", "Ministry of Defence (UK)",
    "Bundesrat (Germany)", "Ministry of External Affairs (India)", "Ministry of Home Affairs (India)", "EC", "EP",
    "BIS", "IDB", "ESA", "ICC", "AU", "EOP", "MEA", "MHA", "Institute for Intelligence and Special Operations",
    "Executive Office of the President", "White House National Security Council", "Chinese cabinet",
}
# Titles accepted for an organisation beside its head's (members and long-standing usage).
ORG_EXTRA_CLASSES = {
    "Federal Reserve": {"governor"},  # Board members are Governors
    "European Central Bank": {"governor"},  # national governors sit on its Governing Council
    "European Commission": {"commissioner"},
    "World Bank": {"managing director", "governor"},  # several Managing Directors; Board of Governors
    "International Monetary Fund": {"chair", "governor"},  # the MD chairs the Board; member Governors
    "Bank of England": {"chair"},
    "Bank of Russia": {"chair"},  # "Chairman" until 2013
    "Swiss National Bank": {"president"},
    "Council of the European Union": {"president"},  # "President of the Council" (rotating)
    "Holy See": {"pope"},
}
# Suggestions for organisations whose official head title is long or not of the form
# "<title> of <organisation>".
ORG_SUGGESTION = {
    "Federal Reserve": "Chair of the Federal Reserve",
    "Office of the UN High Commissioner for Human Rights": "UN High Commissioner for Human Rights",
    "UN Office for the Coordination of Humanitarian Affairs": "Emergency Relief Coordinator",
    "United States Senate": "President of the Senate",
    "Holy See": "Pope",
    "Foreign, Commonwealth and Development Office": "Foreign Secretary",
    "UK Home Office": "Home Secretary",
    "UK Ministry of Defence": "Defence Secretary",
    "United States National Security Council": "National Security Advisor",
    "International Criminal Court": "President of the International Criminal Court",
    "Supreme Court of the United States": "Chief Justice of the United States",
}
ORG_SKIP = {"Council of the European Union"}
# Ministries named without their country ("the Foreign Ministry"): whatever the country, the
# head is a minister (or a Secretary of State), never a President or a Chairman.
GENERIC_MINISTRIES = {
    "Foreign Ministry": ("Foreign Minister", "Ministry of Foreign Affairs; Foreign Affairs Ministry"),
    "Defence Ministry": ("Defence Minister", "Defense Ministry; Ministry of Defence; Ministry of Defense"),
    "Finance Ministry": ("Finance Minister", "Ministry of Finance"),
    "Interior Ministry": ("Interior Minister", "Ministry of the Interior; Ministry of Interior"),
    "Health Ministry": ("Health Minister", "Ministry of Health"),
    "Justice Ministry": ("Justice Minister", "Ministry of Justice"),
    "Education Ministry": ("Education Minister", "Ministry of Education"),
}
# Titles a ministry's own officials have beside the minister's ("Director of the Foreign Ministry").
MINISTRY_CLASSES = {"minister", "chief", "director", "secretary", "secretary-general", "director-general", "deputy"}  # headed by a member state, not a person

# ---------------------------------------------------------------------------------------------
# Cabinet posts: how English-language news names the foreign, defence, finance, interior and
# justice posts of ten countries, and well-known holders 2015-2026. Own compilation from general
# knowledge (facts only, as known in late 2025; later changes are not reflected).
#   country | portfolio | accepted forms (";", the first is the suggestion) | other real posts | holders
# Accepted forms are the capitalised titles used before a holder's name. "Other real posts" are
# forms that name a different, real office of that country (India's Foreign Secretary is a civil
# servant; the UK has junior defence ministers): they are never flagged. Any other form of the
# portfolio (CABINET_FORMS_ALL) is wrong for that country ("US Foreign Minister"). Lower-case
# descriptors ("the US defence minister") are not judged by the extractor.
# ---------------------------------------------------------------------------------------------
CABINET_POSTS = """
United States | foreign | Secretary of State | | Antony Blinken (2021-2025); Mike Pompeo (2018-2021); Rex Tillerson (2017-2018); John Kerry (2013-2017); Marco Rubio (2025-)
United States | defence | Secretary of Defense; Defense Secretary; Secretary of War; War Secretary | | Ash Carter (2015-2017); Jim Mattis (2017-2019); Mark Esper (2019-2020); Lloyd Austin (2021-2025); Pete Hegseth (2025-)
United States | finance | Treasury Secretary; Secretary of the Treasury | | Jacob Lew (2013-2017); Steven Mnuchin (2017-2021); Janet Yellen (2021-2025); Scott Bessent (2025-)
United States | interior | Homeland Security Secretary; Secretary of Homeland Security | Interior Secretary; Secretary of the Interior | Jeh Johnson (2013-2017); Kirstjen Nielsen (2017-2019); Alejandro Mayorkas (2021-2025); Kristi Noem (2025-)
United States | justice | Attorney General | | Loretta Lynch (2015-2017); Jeff Sessions (2017-2018); William Barr (2019-2020); Merrick Garland (2021-2025); Pam Bondi (2025-)
United Kingdom | foreign | Foreign Secretary; Secretary of State for Foreign Affairs | Secretary of State | Philip Hammond (2014-2016); Boris Johnson (2016-2018); Jeremy Hunt (2018-2019); Dominic Raab (2019-2021); Liz Truss (2021-2022); James Cleverly (2022-2023); David Cameron (2023-2024); David Lammy (2024-2025); Yvette Cooper (2025-)
United Kingdom | defence | Defence Secretary; Secretary of State for Defence | Defence Minister; Minister of Defence; Minister for the Armed Forces; Secretary of State | Michael Fallon (2014-2017); Gavin Williamson (2017-2019); Penny Mordaunt (2019-2019); Ben Wallace (2019-2023); Grant Shapps (2023-2024); John Healey (2024-)
United Kingdom | finance | Chancellor of the Exchequer; Chancellor | Treasury Secretary; Secretary of the Treasury | George Osborne (2010-2016); Philip Hammond (2016-2019); Sajid Javid (2019-2020); Rishi Sunak (2020-2022); Nadhim Zahawi (2022-2022); Kwasi Kwarteng (2022-2022); Jeremy Hunt (2022-2024); Rachel Reeves (2024-)
United Kingdom | interior | Home Secretary | Home Minister | Theresa May (2010-2016); Amber Rudd (2016-2018); Sajid Javid (2018-2019); Priti Patel (2019-2022); Suella Braverman (2022-2023); James Cleverly (2023-2024); Yvette Cooper (2024-2025); Shabana Mahmood (2025-)
United Kingdom | justice | Justice Secretary; Lord Chancellor | Justice Minister; Minister of Justice; Attorney General | Liz Truss (2016-2017); David Gauke (2018-2019); Robert Buckland (2019-2021); Dominic Raab (2021-2023); Alex Chalk (2023-2024); Shabana Mahmood (2024-2025); David Lammy (2025-)
Germany | foreign | Foreign Minister; Minister for Foreign Affairs | Secretary of State | Frank-Walter Steinmeier (2013-2017); Sigmar Gabriel (2017-2018); Heiko Maas (2018-2021); Annalena Baerbock (2021-2025); Johann Wadephul (2025-)
Germany | defence | Defence Minister; Defense Minister; Minister of Defence | Secretary of State | Ursula von der Leyen (2013-2019); Annegret Kramp-Karrenbauer (2019-2021); Christine Lambrecht (2021-2023); Boris Pistorius (2023-)
Germany | finance | Finance Minister; Minister of Finance | Secretary of State | Wolfgang Schäuble (2009-2017); Olaf Scholz (2018-2021); Christian Lindner (2021-2024); Jörg Kukies (2024-2025); Lars Klingbeil (2025-)
Germany | interior | Interior Minister; Minister of the Interior | Secretary of State | Thomas de Maizière (2013-2018); Horst Seehofer (2018-2021); Nancy Faeser (2021-2025); Alexander Dobrindt (2025-)
Germany | justice | Justice Minister; Minister of Justice | Secretary of State; Attorney General | Heiko Maas (2013-2018); Katarina Barley (2018-2019); Christine Lambrecht (2019-2021); Marco Buschmann (2021-2024)
France | foreign | Foreign Minister; Minister for Europe and Foreign Affairs; Minister of Foreign Affairs | Secretary of State | Jean-Marc Ayrault (2016-2017); Jean-Yves Le Drian (2017-2022); Catherine Colonna (2022-2024); Stéphane Séjourné (2024-2024); Jean-Noël Barrot (2024-)
France | defence | Defence Minister; Defense Minister; Armed Forces Minister; Minister of the Armed Forces | Secretary of State | Jean-Yves Le Drian (2012-2017); Florence Parly (2017-2022); Sébastien Lecornu (2022-2025)
France | finance | Finance Minister; Economy Minister; Minister of the Economy | Secretary of State | Michel Sapin (2014-2017); Bruno Le Maire (2017-2024)
France | interior | Interior Minister; Minister of the Interior | Secretary of State | Gérard Collomb (2017-2018); Christophe Castaner (2018-2020); Gérald Darmanin (2020-2024); Bruno Retailleau (2024-2025)
France | justice | Justice Minister; Minister of Justice | Secretary of State; Attorney General | Éric Dupond-Moretti (2020-2024); Gérald Darmanin (2024-)
Japan | foreign | Foreign Minister; Minister for Foreign Affairs | | Fumio Kishida (2012-2017); Taro Kono (2017-2019); Toshimitsu Motegi (2019-2021); Yoshimasa Hayashi (2021-2023); Yoko Kamikawa (2023-2024); Takeshi Iwaya (2024-2025)
Japan | defence | Defence Minister; Defense Minister; Minister of Defense | | Tomomi Inada (2016-2017); Itsunori Onodera (2017-2018); Taro Kono (2019-2020); Nobuo Kishi (2020-2021); Yasukazu Hamada (2022-2023); Minoru Kihara (2023-2024); Gen Nakatani (2024-2025)
Japan | finance | Finance Minister; Minister of Finance | | Taro Aso (2012-2021); Shunichi Suzuki (2021-2024); Katsunobu Kato (2024-2025)
Canada | foreign | Foreign Minister; Foreign Affairs Minister; Minister of Foreign Affairs | Secretary of State | Stéphane Dion (2015-2017); Chrystia Freeland (2017-2019); François-Philippe Champagne (2019-2021); Marc Garneau (2021-2021); Mélanie Joly (2021-2025); Anita Anand (2025-)
Canada | defence | Defence Minister; Defense Minister; National Defence Minister; Minister of National Defence | Secretary of State | Harjit Sajjan (2015-2021); Anita Anand (2021-2023); Bill Blair (2023-2025)
Canada | finance | Finance Minister; Minister of Finance | Secretary of State | Bill Morneau (2015-2020); Chrystia Freeland (2020-2024); Dominic LeBlanc (2024-2025); François-Philippe Champagne (2025-)
Canada | justice | Justice Minister; Minister of Justice; Attorney General | Secretary of State | Jody Wilson-Raybould (2015-2019); David Lametti (2019-2023); Arif Virani (2023-2025)
Australia | foreign | Foreign Minister; Foreign Affairs Minister; Minister for Foreign Affairs | Foreign Secretary | Julie Bishop (2013-2018); Marise Payne (2018-2022); Penny Wong (2022-)
Australia | defence | Defence Minister; Defense Minister; Minister for Defence | Defence Secretary; Secretary of Defence | Marise Payne (2015-2018); Christopher Pyne (2018-2019); Linda Reynolds (2019-2021); Peter Dutton (2021-2022); Richard Marles (2022-)
Australia | finance | Treasurer | Finance Minister; Minister of Finance; Treasury Secretary; Secretary of the Treasury | Scott Morrison (2015-2018); Josh Frydenberg (2018-2022); Jim Chalmers (2022-)
Australia | interior | Home Affairs Minister; Minister for Home Affairs | Home Secretary | Peter Dutton (2017-2021); Karen Andrews (2021-2022); Clare O'Neil (2022-2024); Tony Burke (2024-)
Australia | justice | Attorney-General; Attorney General | Justice Minister; Minister of Justice | Christian Porter (2017-2021); Michaelia Cash (2021-2022); Mark Dreyfus (2022-2025)
India | foreign | External Affairs Minister; Foreign Minister; Minister of External Affairs | Foreign Secretary | Sushma Swaraj (2014-2019); Subrahmanyam Jaishankar (2019-)
India | defence | Defence Minister; Defense Minister; Minister of Defence | Defence Secretary; Secretary of Defence | Manohar Parrikar (2014-2017); Nirmala Sitharaman (2017-2019); Rajnath Singh (2019-)
India | finance | Finance Minister; Minister of Finance | Finance Secretary | Arun Jaitley (2014-2019); Nirmala Sitharaman (2019-)
India | interior | Home Minister; Minister of Home Affairs; Home Affairs Minister | Home Secretary; Interior Minister | Rajnath Singh (2014-2019); Amit Shah (2019-)
India | justice | Law Minister | Justice Minister; Minister of Justice; Attorney General | Ravi Shankar Prasad (2016-2021); Kiren Rijiju (2021-2023); Arjun Ram Meghwal (2023-)
China | foreign | Foreign Minister; Minister of Foreign Affairs | | Wang Yi (2013-2022); Qin Gang (2022-2023); Wang Yi (2023-)
China | defence | Defence Minister; Defense Minister; Minister of National Defense | | Chang Wanquan (2013-2018); Wei Fenghe (2018-2023); Li Shangfu (2023-2023); Dong Jun (2023-)
China | finance | Finance Minister; Minister of Finance | | Lou Jiwei (2013-2016); Xiao Jie (2016-2018); Liu Kun (2018-2024); Lan Fo'an (2024-)
China | interior | Minister of Public Security; Public Security Minister | Interior Minister | Zhao Kezhi (2017-2022); Wang Xiaohong (2022-)
Russia | foreign | Foreign Minister; Minister of Foreign Affairs | Secretary of State | Sergey Lavrov (2004-)
Russia | defence | Defence Minister; Defense Minister; Minister of Defence | Secretary of State | Sergei Shoigu (2012-2024); Andrei Belousov (2024-)
Russia | finance | Finance Minister; Minister of Finance | Secretary of State | Anton Siluanov (2011-)
Russia | interior | Interior Minister; Minister of the Interior | Secretary of State | Vladimir Kolokoltsev (2012-)
Russia | justice | Justice Minister; Minister of Justice | Secretary of State | Konstantin Chuychenko (2020-)
"""
# The title class (detector.extractors.roles.title_class) of each portfolio.
PORTFOLIO_CLASS = {
    "foreign": "foreign minister",
    "defence": "defence minister",
    "finance": "finance minister",
    "interior": "interior minister",
    "justice": "justice minister",
}
# Every form of each portfolio that the extractor recognises before a name (normalised, see
# detector.extractors.roles.cabinet_form): a country's wrong forms are these minus its accepted
# forms and other real posts.
CABINET_FORMS_ALL = {
    "foreign": "foreign minister; foreign secretary; secretary of state; minister of foreign affairs; foreign affairs minister; "
    "external affairs minister; minister of external affairs",
    "defence": "defence minister; defence secretary; secretary of defence; minister of defence; secretary of war; "
    "minister of the armed forces",
    "finance": "finance minister; minister of finance; treasury secretary; secretary of the treasury; chancellor of the exchequer",
    "interior": "interior minister; minister of the interior; home secretary; home minister; home affairs minister; "
    "minister of home affairs; homeland security secretary; secretary of homeland security",
    "justice": "justice minister; minister of justice; justice secretary; law minister",
}


# Titles of organisation heads that mean a country's office (not the organisation's).
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


def _strip_parens(text: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", text).strip()


def _bare(alias: str) -> str:
    return alias[4:] if alias.startswith("the ") else alias


# ---------------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------------


def _display(title: str) -> str:
    """A title as it goes before "of <country>": "Prime Minister" for "President of the
    Government of Spain", "President" for "President of the Swiss Confederation"."""
    if title.lower().startswith("president of the government"):
        return "Prime Minister"
    if "prime minister" in title.lower():
        return "Prime Minister"
    return title.split(" of ")[0]


def build_countries(data: Path, supplement_offices: dict[str, set[str]]) -> list[dict]:
    ent = data / "entities"
    titles: dict[str, list[dict]] = {}
    for row in read_tsv(ent / "factbook_titles.tsv"):
        if row["role_kind"] in ("chief_of_state", "head_of_government") and row["title"] not in ("", "NA"):
            titles.setdefault(row["country"], []).append(row)
    notes: dict[str, set[str]] = {}
    for row in read_jsonl(ent / "factbook_leaders.jsonl.gz"):
        if row.get("title_note") and row["role_kind"] in ("chief_of_state", "head_of_government"):
            notes.setdefault(row["country"], set()).add(row["title_note"])
    out = []
    for row in read_jsonl(ent / "factbook_countries.jsonl.gz"):
        country = row["country"]
        rows = titles.get(country, [])
        classes = {title_class(r["title"]) for r in rows} | {title_class(n) for n in notes.get(country, ())}
        classes |= {title_class(t) for t in supplement_offices.get(country, ())}
        classes |= COUNTRY_EXTRA_CLASSES.get(country, set())
        classes.discard(None)
        hog = [r["title"] for r in rows if r["role_kind"] == "head_of_government" and r["current"] == "yes"]
        cos = [r["title"] for r in rows if r["role_kind"] == "chief_of_state" and r["current"] == "yes"]
        hog_cls = {title_class(t) for t in hog}
        if not hog or not (hog_cls & COUNTRY_CLASSES):
            classes |= COUNTRY_CLASSES_AFTER_OF  # no comparable head of government: judge nothing
        suggestions = {}
        for wrong in sorted(COUNTRY_CLASSES_AFTER_OF - classes):
            # A "Chairman" of a country is usually its head of state (a calque of the Chinese
            # title); a wrong Prime Minister, Chancellor or Chief Minister its head of government.
            order = (cos, hog) if wrong == "chair" else (hog, cos)
            right = next((t for titles in order for t in titles if title_class(t) != wrong and title_class(t) in COUNTRY_CLASSES), None)
            if right:
                suggestions[wrong] = f"{_display(right)} of {{entity}}"
        aliases = {country}
        for field in ("short_form", "long_form"):
            value = row.get(field)
            if value and "(" not in value and ";" not in value and value.lower() != "none":
                aliases.add(value)
        aliases.update(_split(COUNTRY_ALIASES.get(country, "")))
        out.append(
            {
                "name": country,
                "kind": "country",
                "aliases": sorted(aliases),
                "prenominal": sorted(set(_split(DEMONYMS.get(country, "")))),
                "classes": sorted(classes),
                "suggestions": suggestions,
                "heads": sorted(set(hog + cos)),
            }
        )
    return out


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------


def build_orgs(data: Path) -> list[dict]:
    out = []
    for row in read_tsv(data / "entities" / "organisations.tsv"):
        org = row["org"]
        if org in ORG_SKIP:
            continue
        head_titles = [_strip_parens(t) for t in row["head_title"].split(";")]
        variants = [_strip_parens(t) for t in _split(row["title_aliases"])]
        classes = {title_class(t) for t in head_titles + variants} | ORG_EXTRA_CLASSES.get(org, set())
        classes.discard(None)
        aliases = {_strip_parens(org)} | {_strip_parens(a) for a in _split(row["aliases"])}
        aliases = {_bare(a) for a in aliases if a not in ORG_ALIAS_DROP and _bare(a) not in ORG_ALIAS_DROP}
        head = head_titles[0]
        if org in ORG_SUGGESTION:
            suggestion = ORG_SUGGESTION[org]
        elif " of " in head or head.lower().startswith(("un ", "united nations ")):
            suggestion = head
        else:
            suggestion = f"{head} of {{entity}}"
        prenominal = sorted(a for a in aliases if len(a.split()) <= 3 and a[:1].isupper())
        out.append(
            {
                "name": _strip_parens(org),
                "kind": "org",
                "aliases": sorted(aliases),
                "prenominal": prenominal,
                "classes": sorted(classes),
                "suggestions": {"*": suggestion},
                "heads": head_titles + variants,
            }
        )
    for name, (head, aliases) in GENERIC_MINISTRIES.items():
        out.append(
            {
                "name": name,
                "kind": "org",
                "aliases": sorted({name, *_split(aliases)}),
                "prenominal": [],
                "classes": sorted(MINISTRY_CLASSES | {title_class(head)}),
                "suggestions": {"*": head},
                "heads": [head],
            }
        )
    return out


# ---------------------------------------------------------------------------------------------
# People and their offices
# ---------------------------------------------------------------------------------------------


def _year(text: str | None) -> int | None:
    m = _YEAR.search(text or "")
    return int(m.group(1)) if m else None


class Offices:
    """People merged by the skeletons of their first and last name."""

    def __init__(self) -> None:
        self.people: dict[str, dict] = {}

    @staticmethod
    def key(name: str) -> str | None:
        tokens = name_tokens(name)
        if not tokens:
            return None
        keys = [skeleton(t) for t in tokens]
        return f"{keys[0]} {keys[-1]}"

    def add(self, name: str, office: list, aliases: tuple[str, ...] = (), cabinet_known: bool = False) -> None:
        key = self.key(name)
        if key is None:
            return
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = {"name": name, "aliases": set(), "offices": [], "cabinet_known": False}
        if cabinet_known and not person["cabinet_known"]:
            person["name"] = name  # the supplement's spelling is the display form
        person["cabinet_known"] = person["cabinet_known"] or cabinet_known
        for alias in (name, *aliases):
            if alias != person["name"]:
                person["aliases"].add(alias)
        if office not in person["offices"]:
            person["offices"].append(office)


def cabinet_posts() -> list[tuple[str, str, list[str], list[str], list[tuple[str, int | None, int | None]]]]:
    """CABINET_POSTS parsed: (country, portfolio, accepted forms, other real posts, [(holder, from, to)])."""
    out = []
    for line in CABINET_POSTS.strip().splitlines():
        country, portfolio, accepted, other, holders = (f.strip() for f in line.split("|"))
        people = []
        for item in _split(holders):
            m = re.fullmatch(r"(.+?) \((\d{4})-(\d{4})?\)", item)
            if m is None:
                raise ValueError(f"CABINET_POSTS: bad holder {item!r}")
            people.append((m.group(1), int(m.group(2)), int(m.group(3)) if m.group(3) else None))
        out.append((country, portfolio, _split(accepted), _split(other), people))
    return out


def build_cabinet_forms() -> dict[str, dict[str, dict]]:
    """country -> title class ("foreign minister") -> {"accepted", "other", "wrong": normalised
    forms, "suggest": the usual form}: the table the extractor uses for "US Foreign Minister"."""
    out: dict[str, dict[str, dict]] = {}
    for country, portfolio, accepted, other, _ in cabinet_posts():
        cls = PORTFOLIO_CLASS[portfolio]
        every = {cabinet_form(f) for f in _split(CABINET_FORMS_ALL[portfolio])}
        if cls is None or any(title_class(f) != cls for f in every):
            raise ValueError(f"CABINET_FORMS_ALL[{portfolio!r}]: forms of another class than {cls!r}")
        ok = {cabinet_form(f) for f in accepted}
        real = {cabinet_form(f) for f in other}
        out.setdefault(country, {})[cls] = {
            "accepted": sorted(ok),
            "other": sorted(real),
            "wrong": sorted(every - ok - real),
            "suggest": accepted[0],
        }
    return out


def build_people(data: Path) -> list[dict]:
    table = Offices()
    ent = data / "entities"
    for person in supplement_people():
        for o in person.offices:
            table.add(person.name, [o.title, o.where, o.start, o.end], person.aliases, cabinet_known=True)
    # Cabinet holders of the hand table: not "cabinet_known" (their whole career is not recorded),
    # so they are found by full name only and judged on the form of their portfolio's title.
    for country, portfolio, accepted, _, holders in cabinet_posts():
        for name, start, end in holders:
            table.add(name, [accepted[0], country, start, end, PORTFOLIO_CLASS[portfolio]])
    for row in read_jsonl(ent / "factbook_leaders.jsonl.gz"):
        if row["role_kind"] == "cabinet" or not row.get("name") or not row.get("title_base"):
            continue
        start = _year(row.get("since")) or _year(row.get("first_seen"))
        end = None if row.get("current") else _year(row.get("edition"))
        aliases = tuple(a for raw in row.get("aliases") or [] for a in clean_alias(raw) if " " in a and a.split()[0] not in ("Conservative", "Labor", "Labour"))
        table.add(row["name"], [row["title_base"], row["country"], start, end], aliases)
    for row in read_tsv(ent / "organisations.tsv"):
        head = _strip_parens(row["head_title"].split(";")[0])
        for name, years in org_holders(row):
            first, _, last = years.partition("-")
            table.add(name, [head, _strip_parens(row["org"]), _year(first), _year(last)])
    out = []
    for person in table.people.values():
        aliases = sorted(person["aliases"])
        full_keys, last_keys = person_keys(person["name"], aliases)
        out.append(
            {
                "name": person["name"],
                # a cabinet-table office carries its portfolio class ("Attorney General": justice)
                "offices": [office if len(office) == 5 else [*office, title_class(office[0])] for office in person["offices"]],
                "cabinet_known": int(person["cabinet_known"]),
                "full_keys": full_keys,
                "last_keys": last_keys,
            }
        )
    return sorted(out, key=lambda p: p["name"])


# ---------------------------------------------------------------------------------------------


def given_names(people: list[dict]) -> list[str]:
    """Skeletons of the first names of two or more office-holders ("ahmed", "mohamed"): such a word
    alone after a title is not taken for a surname."""
    counts: dict[str, int] = {}
    for person in people:
        tokens = name_tokens(person["name"])
        if len(tokens) >= 2:
            key = skeleton(tokens[0])
            counts[key] = counts.get(key, 0) + 1
    return sorted(k for k, n in counts.items() if n >= 2)


def build(data: Path, out_dir: Path) -> Path:
    people = build_people(data)
    supplement_offices: dict[str, set[str]] = {}
    for person in supplement_people():
        for o in person.offices:
            supplement_offices.setdefault(o.where, set()).add(o.title)
    payload = {
        "meta": table_meta(
            "training/build_roles.py",
            [
                "entities/factbook_titles.tsv, factbook_countries.jsonl.gz, factbook_leaders.jsonl.gz "
                "(CIA World Factbook 2015-10..2026-01, public domain)",
                "entities/organisations.tsv (own compilation, facts only)",
                "hand-curated SUPPLEMENT in training/build_gazetteer.py and tables in training/build_roles.py (facts up to mid-2025)",
            ],
            "public domain / own compilation (facts only)",
        ),
        "version": TABLE_VERSION,
        "entities": build_countries(data, supplement_offices) + build_orgs(data),
        "people": people,
        "given_names": given_names(people),
        "cabinet_forms": build_cabinet_forms(),
    }
    path = write_json_gz(payload, out_dir, OUT_NAME)
    print(f"{path}: {len(payload['entities'])} countries and organisations, {len(payload['people'])} office-holders, "
          f"{path.stat().st_size / 1024:.0f} KB")
    return path


def main(argv: list[str] | None = None) -> None:
    run_builder(build, __doc__, argv)


if __name__ == "__main__":
    main()
