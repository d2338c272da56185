"""Red-team round 4: hand-written news passages with planted artefacts, and clean hard negatives.

Written by hand for the judge-style evaluation (not taken from the corpora or the rules). Each
planted passage lists the artefacts of the rule-based kinds (names, titles, calques, spinner
swaps, encoding debris, boilerplate; garble is tested by the garble extractor's own cases) with
their kind. The test pins the recall reached per kind, so a change that loses a class of
artefact fails here, and checks that no rule of these extractors fires on the clean passages.
The artefacts still missed (known gaps) are listed in KNOWN_MISSES so that finding one later is
a visible improvement rather than a silent one.
"""

from __future__ import annotations

from collections import Counter

import pytest

from detector import Detector

RULE_PREFIXES = ("names.", "roles.", "phrasing.", "encoding.", "boilerplate.")

PLANTED: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "French President Emmanuel Macrom arrived in Berlin on Tuesday for talks on defence spending. He was greeted at the chancellery by Olaf Schultz, who said the two countries would present a joint plan next month.",
        [("Emmanuel Macrom", "name"), ("Olaf Schultz", "name")],
    ),
    (
        "Prime Minister Joe Biden told reporters at the White House that the administration would not rule out further sanctions. The Kremlin did not immediately respond.",
        [("Prime Minister Joe Biden", "title")],
    ),
    (
        "Defence Secretary Kamala Harris is expected to travel to Manila next week to reassure allies in the Indo – Pacific region. Officials speaking in the background said the visit had been planned for months.",
        [("Defence Secretary Kamala Harris", "title"), ("Indo – Pacific", "encoding"), ("speaking in the background", "calque")],
    ),
    (
        "The opposition Labour Celebration accused ministers of dragging their feet on the housing crisis. A spokesman said the party would table an amendment when the bill returns to the Commons. Foreign Secretary Priti Patel defended the government's record.",
        [("Labour Celebration", "spinner"), ("Foreign Secretary Priti Patel", "title")],
    ),
    (
        "Indian Prime Minister Narendra Modhi made a visit to the Gulf last week, where he signed agreements on energy and labour mobility. The Ministry of External Affairs of the United States welcomed the deals in a short statement.",
        [("Narendra Modhi", "name"), ("made a visit", "calque"), ("Ministry of External Affairs of the United States", "calque")],
    ),
    (
        "Brazil's former president Jair Bolsanaro was barred from running for office until 2030 after the electoral court ruled that he had abused his position. His lawyers said they would appeal. Brazilian Prime Minister Luiz Inácio Lula da Silva declined to comment.",
        [("Jair Bolsanaro", "name"), ("Brazilian Prime Minister Luiz Inácio Lula da Silva", "title")],
    ),
    (
        "Chinese Premier Xi Jinping met Russian leader Vladimir Putin in Moscow, where the two men signed a declaration on what they called a new era of cooperation. The the talks lasted more than four hours.",
        [("Chinese Premier Xi Jinping", "title")],
    ),
    (
        "Senators voted 52 to 47 to confirm the nominee on Thursday. Click here to subscribe to our politics newsletter and get the latest from Capitol Hill delivered to your inbox.",
        [("Click here to subscribe to our politics newsletter", "boilerplate")],
    ),
    (
        "The Turkish leader Recep Tayyip Erdogon said his country would not approve Sweden's bid to join Nato until Stockholm took firmer action against militant groups. Diplomats said a compromise was still possible.",
        [("Recep Tayyip Erdogon", "name")],
    ),
    (
        "The Supreme Courtroom on Monday agreed to hear a challenge to the state's abortion restrictions. A ruling is expected by the end of June. ALSO READ: Abortion pills to remain available, court rules",
        [("Supreme Courtroom", "spinner"), ("ALSO READ:", "boilerplate")],
    ),
    (
        "The judge said the defendant had shown no remorse and sentenced him to twelve years in prison. Outside court, the victim's mother said: â€œJustice has finally been done.â€\x9d",
        [("â€œ", "encoding")],
    ),
    (
        "Prosecutors said the former minister had received payments worth Â£2.4m from a construction firm between 2015 and 2019. He denies all charges.",
        [("Â£", "encoding")],
    ),
    (
        "The High Court of Justice of the United Kingdom ruled that the government had acted unlawfully in deporting the men. Lawyers for the Home Office said they were studying the judgment.",
        [("High Court of Justice of the United Kingdom", "calque")],
    ),
    (
        "Chief Justice Samuel Alito, writing for the majority, said the law was a reasonable exercise of state power. Three justices dissented.",
        [("Chief Justice Samuel Alito", "title")],
    ),
    (
        "The jury heard that the accused had sent more than 200 messages to the victim in the weeks before the attack. The trial continues. Share this article Facebook Twitter WhatsApp Email Copy link",
        [("Share this article Facebook Twitter WhatsApp Email Copy link", "boilerplate")],
    ),
    (
        "Attorney General Merrick Garlund announced charges against four people accused of running a scheme that defrauded elderly investors of more than $30m. &quot;We will not tolerate this,&quot; he said.",
        [("Merrick Garlund", "name"), ("&quot;", "encoding")],
    ),
    (
        "The lawyer of the family presented a denounce before the prosecutor on the past Tuesday, accusing the police officers of excessive force.",
        [("presented a denounce", "calque"), ("the past Tuesday", "calque")],
    ),
    (
        "The court heard that the ex-husband had repeatedly breached a restraining order. Magistrates remanded him in custody. Advertisement Advertisement Scroll to continue with content",
        [("Advertisement Advertisement Scroll to continue with content", "boilerplate")],
    ),
    (
        "Apple chief executive Tim Cooke said the company would open a new research centre in Munich, creating around 1,000 jobs. Shares rose 2% in early trading.",
        [("Tim Cooke", "name")],
    ),
    (
        "Microsoft chief executive Sundar Pichai told investors that spending on synthetic intelligence would rise sharply next year. Analysts said the company could afford it.",
        [("Microsoft chief executive Sundar Pichai", "title"), ("synthetic intelligence", "spinner")],
    ),
    (
        "The Federal Book raised curiosity charges by a quarter of a percentage point on Wednesday, the tenth increase in a row. Treasury Secretary Jerome Powell said inflation remained too high.",
        [("Federal Book", "spinner"), ("curiosity charges", "spinner"), ("Treasury Secretary Jerome Powell", "title")],
    ),
    (
        "Tesla boss Elon Muks said production at the Berlin plant would double by the end of the year. The company&#39;s shares fell after the announcement. Get the latest business news straight to your inbox.",
        [("Elon Muks", "name"), ("&#39;", "encoding"), ("Get the latest business news straight to your inbox.", "boilerplate")],
    ),
    (
        "The inventory market closed lower on Friday as investors worried about the outlook for company earnings. The benchmark index lost 1.2%.",
        [("inventory market", "spinner")],
    ),
    (
        "The airline said it would cut 3,000 jobs and retire its oldest aircraft. Chief executive Willie Walsh, who took the word at the shareholders' meeting, said the decision had been painful.",
        [("took the word", "calque")],
    ),
    (
        "Amazon founder Jeff Besos stepped down as chief executive in 2021 but remains executive chairman. He now spends much of his time on his space company, Blue Origin.",
        [("Jeff Besos", "name")],
    ),
    (
        "The bank reported a pre-tax profit of £1.9bn, up from £1.2bn a year earlier. About the author: Jane is a passionate writer who loves to write about finance, travel and lifestyle. When she is not writing, she enjoys spending time with her family and her two cats.",
        [
            (
                "About the author: Jane is a passionate writer who loves to write about finance, travel and lifestyle.",
                "boilerplate",
            )
        ],
    ),
    (
        "Meta chief Mark Zuckerburg said the company had laid off 11,000 staff, about 13% of its workforce, after a collapse in advertising revenue. He said he took full responsibility.",
        [("Mark Zuckerburg", "name")],
    ),
    (
        "Lionel Mesi scored twice as Argentina beat Bolivia 3-0 in a World Cup qualifier in La Paz. The result leaves them top of the South American group.",
        [("Lionel Mesi", "name")],
    ),
    (
        "Novak Djokovich won his 24th grand slam title after beating Daniil Medvedev in straight sets at the US Open. It was a night he will never forget it.",
        [("Novak Djokovich", "name")],
    ),
    (
        'The England head mentor said his side had been unlucky not to win. "We created enough chances," he said, adding that the team would learn from the defeat.',
        [("head mentor", "spinner")],
    ),
    (
        "France will host the Globe Cup final in Paris after organisers confirmed the venue on Monday. Tickets go on sale in March.",
        [("Globe Cup", "spinner")],
    ),
    (
        "Serena Williamson, who won 23 grand slam singles titles, said she was proud of what she had achieved. She retired after the US Open last year.",
        [("Serena Williamson", "name")],
    ),
    (
        "Manchester City manager Pep Guardiola said his players were tired after a long season. The club&apos;s next game is away at Anfield on Sunday.",
        [("&apos;", "encoding")],
    ),
    (
        "The sprinter crossed the line in 9.83 seconds to win gold . . . the fastest time of the year. Follow us on Google News for the latest sport updates.",
        [(". . .", "encoding"), ("Follow us on Google News for the latest sport updates", "boilerplate")],
    ),
    (
        "Cricket Australia captain Pat Cummings said the team would play with the same attacking approach in the second Test at Lord's.",
        [("Pat Cummings", "name")],
    ),
    (
        "The Olympic champion realised a time of 3:27 in the 1,500m, a new European record, and said she dedicated the victory to her coach, who passed away in the last year.",
        [("realised a time", "calque"), ("in the last year", "calque")],
    ),
    (
        "Researchers at the university have developed a profound learning model that can detect early signs of breast cancer in mammograms. The findings were published in the journal Nature.",
        [("profound learning", "spinner")],
    ),
    (
        "Scientists warned that local weather change is causing glaciers in the Alps to shrink faster than expected. Some could disappear entirely by 2050. Australian President Anthony Albanese said the findings were alarming. Subscribe to our YouTube channel for more videos.",
        [
            ("local weather change", "spinner"),
            ("Australian President Anthony Albanese", "title"),
            ("Subscribe to our YouTube channel for more videos.", "boilerplate"),
        ],
    ),
    (
        "The James Webb Space Telescope captured images of a black gap at the centre of a distant galaxy. Astronomers said the data would help them how galaxies form understand.",
        [("black gap", "spinner")],
    ),
    (
        "The company said a facts breach had exposed the personal details of more than two million customers. It has informed the regulator and said that customers who affected should change passwords.",
        [("facts breach", "spinner")],
    ),
    (
        "The vaccine was shown to be 90% effective in a trial involving 30,000 volunteers. The results, which have not yet been peer reviewed, were published online by the the company. Health Secretary Anthony Fauci welcomed the results.",
        [("Health Secretary Anthony Fauci", "title")],
    ),
    (
        "Nasa administrator Bill Nelsen said the agency would return astronauts to the Moon by 2026. The mission has been delayed several times.",
        [("Bill Nelsen", "name")],
    ),
    (
        "We use cookies to give you the best experience on our website. By continuing, you agree to our use of cookies. Accept all Reject all. Scientists have identified a new species of frog in the Andes.",
        [("We use cookies to give you the best experience on our website.", "boilerplate")],
    ),
    (
        "The experiment, carried out at Cern near Geneva, measured the mass of the W boson with unprecedented precision. The result differs from the value predicted by the standard model�, physicists said.",
        [("�", "encoding")],
    ),
    (
        "OpenAI chief executive Sam Altmann told a Senate committee that regulation of artificial intelligence was needed. He proposed a licensing regime for the most powerful systems.",
        [("Sam Altmann", "name")],
    ),
    (
        "Residents of the village said the elevated faculty had been closed since the flood. Parents have been driving their children twenty miles to the nearest school.",
        [("elevated faculty", "spinner")],
    ),
    (
        "The council approved plans for 300 new homes on the edge of the town despite objections from residents. Councillors voted 8 to 3 in favour. (Except for the headline, this story has not been edited by our staff and is published from a syndicated feed.)",
        [
            (
                "Except for the headline, this story has not been edited by our staff and is published from a syndicated feed.",
                "boilerplate",
            )
        ],
    ),
    (
        "Police said a 34-year-old man had been arrested on suspicion of dangerous driving after a crash on the A34. Anyone with information is asked to contact the police at the number 101.",
        [("at the number 101", "calque")],
    ),
    (
        "Firefighters were called to the warehouse at around 3am. No one was injured. Don&rsquo;t miss our daily round-up of local news &ndash; sign up now.",
        [("&rsquo;", "encoding"), ("&ndash;", "encoding"), ("sign up now", "boilerplate")],
    ),
    (
        "Local MP Keir Starmers said the closure of the hospital's maternity unit was unacceptable and promised to raise it in Parliament.",
        [("Keir Starmers", "name")],
    ),
    (
        "Secretary of State Lloyd Austin met his Chinese counterpart in Beijing for talks aimed at easing tensions over Taiwan. Both sides described the meeting as candid.",
        [("Secretary of State Lloyd Austin", "title")],
    ),
    (
        "UN Secretary-General Antonio Guterrez called for an immediate ceasefire and urged all parties to allow humanitarian aid into the region. In the frame of his visit he also met refugees.",
        [("Antonio Guterrez", "name"), ("In the frame of his visit", "calque")],
    ),
    (
        "Nato Secretary General Ursula von der Leyen said the alliance would increase its presence on the eastern flank. The Ministry of Foreign Affairs of Russia called the move a provocation.",
        [("Nato Secretary General Ursula von der Leyen", "title"), ("Ministry of Foreign Affairs of Russia", "calque")],
    ),
    (
        "The Japanese President Fumio Kishida said his government would double defence spending within five years. It is about a historic change in the country's post – war security policy.",
        [("Japanese President Fumio Kishida", "title"), ("It is about a historic change", "calque"), ("post – war", "encoding")],
    ),
]

# Planted spans no rule finds yet (see the round-4 report): offices the role table does not
# know (Chief Justice, health secretaries, company heads), and calques that are also plain
# English ("made a visit", "in the last year"). (Real-word surname slips shown by their context,
# "Apple chief executive Tim Cooke", are found since names.check_in_context.)
KNOWN_MISSES = {
    "Chief Justice Samuel Alito",
    "Microsoft chief executive Sundar Pichai",
    "Health Secretary Anthony Fauci",
    "made a visit",
    "High Court of Justice of the United Kingdom",
    "in the last year",
    "Ministry of Foreign Affairs of Russia",
    "It is about a historic change",
    "black gap",
}
# Share of planted spans found per kind, at least (the round-4 result, rounded down).
MIN_RECALL = {"name": 0.65, "title": 0.75, "calque": 0.6, "spinner": 0.9, "encoding": 1.0, "boilerplate": 1.0}

CLEAN: list[str] = [
    "Ukrainian President Volodymyr Zelensky and his wife, Olena Zelenska, visited a hospital in Kharkiv on Saturday.",
    "New Zealand's former prime minister Jacinda Ardern said she no longer had enough in the tank to do the job justice.",
    "Jos Buttler hit an unbeaten 84 as England chased down the target with two overs to spare.",
    "World Trade Organization director-general Ngozi Okonjo-Iweala warned that tariffs could shave a point off global growth.",
    "Nigeria's President Bola Tinubu removed the fuel subsidy on the day he was sworn in.",
    "Kimbal Musk, Elon Musk's younger brother, sits on the Tesla board.",
    "Rishi Sunak's wife, Akshata Murty, said she would pay UK tax on her worldwide income.",
    "Danish Prime Minister Mette Frederiksen said Greenland was not for sale.",
    "Italian Prime Minister Giorgia Meloni met Spain's Pedro Sánchez on the sidelines of the summit.",
    "Salvadoran President Nayib Bukele won a second term with more than 80% of the vote.",
    "Mexican President Andrés Manuel López Obrador, known as Amlo, held his daily press conference.",
    "Malaysian Prime Minister Anwar Ibrahim said the country would not take sides between Washington and Beijing.",
    "Australian Prime Minister Anthony Albanese said the referendum result was disappointing.",
    "US Secretary of State Antony Blinken arrived in Tel Aviv late on Thursday.",
    "Chinese Premier Li Qiang told business leaders that the economy would meet its growth target.",
    "Conservative leader Kemi Badenoch accused the government of raising taxes by stealth.",
    "Irish Taoiseach Leo Varadkar announced his resignation in a surprise statement at Government Buildings.",
    "Former Scottish First Minister Humza Yousaf said he had no regrets about ending the coalition.",
    "Mohamed Salah scored from the penalty spot to put Liverpool ahead in the 63rd minute.",
    "Shohei Ohtani hit his 50th home run of the season and stole his 50th base in the same game.",
    "Vice-President Kamala Harris cast the tie-breaking vote in the Senate.",
    "Home Secretary Yvette Cooper said the small boats crossings were a serious problem.",
    "West Bengal Chief Minister Mamata Banerjee held a sit-in protest outside the police headquarters.",
    "California Governor Gavin Newsom signed the bill into law on Friday.",
    "Senate Majority Leader Chuck Schumer said a vote could come as early as next week.",
    "Chief Justice John Roberts wrote the majority opinion.",
    "Defence Minister Rajnath Singh inaugurated the new airbase in Ladakh.",
    "Treasurer Jim Chalmers said the budget would return to surplus for a second year.",
    "Chancellor Rishi Sunak unveiled the furlough scheme in March 2020 as the country went into lockdown.",
    "Federal Reserve chair Jerome Powell said rate cuts were not yet on the table.",
    "Microsoft chief executive Satya Nadella said the company would invest $10bn in the partnership.",
    "European Commission President Ursula von der Leyen said the bloc would impose new sanctions.",
    "The meeting has been preponed to Monday because the minister is travelling later in the week.",
    "The accused was sent to 14 days' judicial custody after police lodged an FIR against him.",
    "The project will cost around Rs 4,500 crore and is expected to create two lakh jobs.",
    "Police resorted to a lathi-charge to disperse the crowd outside the collectorate.",
    "The governor's aides said the House of Assembly would reconvene after the Sallah holiday.",
    "The ex-governor was arraigned before the Federal High Court in Abuja on a 12-count charge.",
    "The government are expected to take a decision on the scheme within a fortnight.",
    "She was taken to hospital with minor injuries and later discharged.",
    "A teenager who went missing from his home in Leeds has been found safe and well.",
    "Whilst a rate cut is on the cards, the Bank of England has urged caution.",
    "He passed out of the academy in 2015 and was posted to Jammu.",
    "The singer performed as fireworks exploded in the background.",
    "A senior official, who spoke on background, said the talks had stalled.",
    "The Prince made a surprise visit to the troops stationed in Estonia.",
    "Pupils at the high school staged a walkout over the new uniform rules.",
    "The deep learning system was trained on millions of X-ray images.",
    "Artificial intelligence could transform the way hospitals handle paperwork, the report said.",
    "Rising interest rates have pushed up the cost of mortgages for millions of households.",
    "Climate change is making heatwaves in Europe more frequent and more intense.",
    "The stock market rallied after the inflation figures came in lower than expected.",
    "The Labour Party conference opens in Liverpool on Sunday.",
    "The head coach said the squad would be announced on Thursday.",
    "Scientists have detected ripples from a collision between two black holes.",
    "In the last year of his life, the composer wrote almost nothing.",
    "The bakery said its chocolate chip cookies sold out within an hour.",
    "Residents can click on the council's website to report potholes and missed bin collections.",
    "The minister took the floor to defend the bill.",
    "In the frame of mind he was in, he could not have made that decision calmly.",
    '"I, I don\'t know what to say," she said, her voice breaking.',
    "It was a very, very difficult day for everyone at the club.",
    "By the time the ambulance arrived, he had had a heart attack.",
    "He argued that that decision had been taken without consulting the board.",
    "The exhibition runs from 12–28 March at the gallery on King Street.",
    "Trade in the Indo-Pacific has grown sharply over the past decade.",
    '"We waited... and waited," said one passenger, who spent six hours on the runway.',
    "The post-war settlement shaped British politics for thirty years.",
    "Tickets cost £15 for adults and £7.50 for children, with a 10% discount for families.",
    "The company's profits rose 12% to €3.4bn in the first half.",
    "It is a truth universally acknowledged that a man in possession of a good fortune must be in want of a wife.",
    "To install the package, run the setup script and then restart the service.",
    "lol no way, see you at the match on saturday then",
    "The gentleman, having dined, retired to the library, where he remained until the candles had burned low.",
    "The function returns None if the key is not present in the dictionary.",
    "My brother and me went to the market yesterday and we buyed some vegetables.",
    "The Supreme Court of India on Friday stayed the high court's order.",
    "Foreign Secretary David Cameron said the UK would continue to support Ukraine for as long as it takes.",
    "Copies of the report can be requested from the council's planning department.",
    "Follow-up studies will be needed to confirm whether the drug works in older patients.",
    "The school cookery club baked cookies for the charity sale.",
]


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _rule_spans(detector: Detector, text: str) -> list[tuple[int, int, str]]:
    return [(f.start, f.end, f.rule) for f in detector.score(text).findings if f.rule.startswith(RULE_PREFIXES)]


def test_planted_recall_per_kind(detector: Detector) -> None:
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missed = []
    for text, spans in PLANTED:
        hits = _rule_spans(detector, text)
        for span, kind in spans:
            a = text.index(span)
            b = a + len(span)
            total[kind] += 1
            if any(s < b and a < e for s, e, _ in hits):
                found[kind] += 1
            elif span not in KNOWN_MISSES:
                missed.append((kind, span))
    assert not missed, f"planted artefacts no longer found: {missed}"
    for kind, floor in MIN_RECALL.items():
        assert found[kind] / total[kind] >= floor, (kind, found[kind], total[kind])


@pytest.mark.parametrize("text", CLEAN)
def test_clean_passage_has_no_rule_finding(detector: Detector, text: str) -> None:
    assert _rule_spans(detector, text) == []
