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
     "given_names": [first-name skeletons of two or more office-holders]}
Title classes (detector.extractors.roles.title_class) and name keys (names.skeleton) are stored
precomputed so that loading is fast: rebuild the table whenever either function changes.
Facts only, no corpus text.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
import re
from pathlib import Path

from detector.extractors.names import name_tokens, skeleton
from detector.extractors.roles import COUNTRY_CLASSES, COUNTRY_CLASSES_AFTER_OF, TABLE_VERSION, person_keys, title_class
from training.build_gazetteer import clean_alias, org_holders, read_jsonl, read_tsv, supplement_people

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
        for wrong in COUNTRY_CLASSES_AFTER_OF - classes:
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


def build_people(data: Path) -> list[dict]:
    table = Offices()
    ent = data / "entities"
    for person in supplement_people():
        for o in person.offices:
            table.add(person.name, [o.title, o.where, o.start, o.end], person.aliases, cabinet_known=True)
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
                "offices": [[*office, title_class(office[0])] for office in person["offices"]],
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
        "meta": {
            "built": datetime.date.today().isoformat(),
            "script": "training/build_roles.py",
            "sources": [
                "entities/factbook_titles.tsv, factbook_countries.jsonl.gz, factbook_leaders.jsonl.gz "
                "(CIA World Factbook 2015-10..2026-01, public domain)",
                "entities/organisations.tsv (own compilation, facts only)",
                "hand-curated SUPPLEMENT in training/build_gazetteer.py and tables in training/build_roles.py (facts up to mid-2025)",
            ],
            "licence": "public domain / own compilation (facts only)",
        },
        "version": TABLE_VERSION,
        "entities": build_countries(data, supplement_offices) + build_orgs(data),
        "people": people,
        "given_names": given_names(people),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / OUT_NAME
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"{path}: {len(payload['entities'])} countries and organisations, {len(payload['people'])} office-holders, "
          f"{path.stat().st_size / 1024:.0f} KB")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "detector" / "data")
    args = parser.parse_args(argv)
    build(args.data, args.out)


if __name__ == "__main__":
    main()
