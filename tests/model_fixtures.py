"""Small, real-looking labelled texts for training throwaway models in the tests.

Written for the tests (not taken from any corpus): clean news-style paragraphs, and texts with
the artefacts mtdetect looks for (garbled machine translation, word salad, OCR noise, mojibake,
untranslated words).
"""

from __future__ import annotations

CLEAN = [
    "The city council approved the new budget on Tuesday after a long debate. Members agreed to spend more on "
    "schools and road repairs, while cutting the cost of office rents.",
    "Heavy rain is expected across the region this weekend. Forecasters said rivers could rise quickly, and "
    "residents near the coast were told to prepare for possible flooding.",
    "The company reported higher profits for the third quarter, helped by strong sales of its new phones. Its "
    "shares rose four percent in early trading.",
    "A local school has opened a community garden where pupils grow vegetables. Teachers say the project helps "
    "children learn about food and the seasons.",
    "The museum will reopen next month after a two-year renovation. Visitors will be able to see the restored "
    "paintings and a new gallery devoted to local artists.",
    "Police are asking for witnesses after a car crashed into a shop window late on Friday night. Nobody was "
    "hurt, but the building was badly damaged.",
    "The national team won its final match of the season with a late goal. The coach praised his players for "
    "their patience and said they deserved the victory.",
    "Farmers in the valley have started the grape harvest earlier than usual this year. A dry, warm summer "
    "means the fruit ripened faster than expected.",
    "The library is extending its opening hours during the exam period. Students will be able to study there "
    "until midnight from Monday to Friday.",
    "Officials said the new bridge should cut journey times between the two towns by half. Construction is "
    "due to begin in the spring and take about three years.",
    "The orchestra gave its first concert in the renovated hall on Saturday. Critics said the sound was much "
    "warmer than before and the audience stood to applaud.",
    "Hospital staff have been given extra training to deal with the winter rise in patients. Managers hope "
    "the changes will shorten waiting times in the emergency department.",
    "The government plans to raise the minimum wage next year. Unions welcomed the move but said it did not "
    "go far enough to match rising prices.",
    "A rare bird has been spotted in the wetlands for the first time in decades. Volunteers counted three "
    "pairs nesting near the old mill.",
    "The airline is adding flights to several holiday destinations this summer. It expects demand to return "
    "to the levels seen before the pandemic.",
    "Residents have complained about noise from the building site next to the park. The developer promised "
    "to limit work to daytime hours.",
]

ARTEFACTS = [
    "The relevant person in charge of the bureau said that in the future it will continue to crack down "
    "the the smuggling at sea, and maintain good order of the sea area under his jurisdiction of jurisdiction.",
    "As policy \" creation of a \" a offspring . cards the of was minister said yesterday the meeting in the the.",
    "Tbe Govemment of tlie country has deterrnined tbat the new rnles shall corne into force on tbe first "
    "day of Jaiiuary, accordiiig to tlie ministry.",
    "The president donâ€™t said that the economy is growing â€” and the unemployment fall to 4 % in the "
    "last quarterâ€¦ experts agreeâ€™s.",
    "Yesterday the 部长 of foreign affairs said 表示 that the cooperation between two country will 发展 further "
    "in the field of economy and trade.",
    "He very much happy because the meeting was held successful and both side has reached the consensus "
    "about many many question of mutual concern of concern.",
    "Minister also said that the police is carried out the investigation and the suspect have been already "
    "arrested by them of the local the authorities.",
    "Profound learning calculations were utilized to investigate the enormous information of the "
    "counterfeit consciousness framework in the examination.",
    "The match of football was win by the team home with score two to one, the coach say after game the "
    "players has fight very hard until the end of end.",
    "Iiie sliip arrived at tlie harbour in tlie moming, and tbe captain ordered tliat the cargo be "
    "unloaded at once, wliich was done witli great care.",
    "Ã‰cole officials said the Ã©lÃ¨ves will return on Monday, and the cafÃ© near the school is "
    "closed for renovation since last week.",
    "Said he, the weather tomorrow to become rain much, so the people should to prepare umbrella and "
    "not going outside if not necessary of necessary.",
    "In order to further strengthen the construction of the system of the mechanism of the work of the "
    "prevention of the epidemic, the city held a meeting of meeting.",
    "The company its profit rose, the shares rose, the shares rose four percent percent in trading of early "
    "morning Tuesday the company said said.",
    "Tlie Tiiiies reported that tbe Parliarnent was adjoumed, and tliat tbe members would retum after tbe "
    "holidays to discuss tbe new bill.",
    "Police ask the witness after car crash into window shop late Friday night, nobody hurted, but building "
    "was damage badly badly, police said police.",
]

HELD_OUT_CLEAN = [
    "The festival returns to the old town next weekend with music, food stalls and a parade. Organisers "
    "expect more than ten thousand visitors.",
    "Engineers have finished testing the new train line, and passenger services will start in June. Tickets "
    "go on sale next week.",
    "The charity has raised enough money to build a shelter for homeless families. Work on the site began "
    "this morning.",
]

HELD_OUT_ARTEFACTS = [
    "Tlie festival retums to tbe old town next weekend witli music, food stalls and a parade, organisers "
    "expect rnore than ten tliousand visitors.",
    "The train line new of the engineers has been finished the test of the test, and the service of "
    "passenger will start start in June of June.",
    "The charity donâ€™t raised enough money â€” to build the shelter for homeless familiesâ€¦ work "
    "began this morning.",
]
