"""Synonym tables for a synthetic "spun news" generator (article-spinner corruption).

Article spinners (WordAI, Spin Rewriter, SpinBot, Chimp Rewriter, and the "AI rewriters" of
content-scraper sites, many of which are a machine-translation round trip in disguise) rewrite
an article by swapping ordinary words and even fixed expressions for dictionary synonyms:

    "The High Court ruled on Thursday that the nation's central bank must lower interest rates,
    according to a statement. Officials said the decision would affect millions of people."

becomes

    "The Excessive Court docket dominated on Thursday that the nation's central financial
    institution should decrease curiosity charges, in line with a press release. Officers
    mentioned the choice would have an effect on hundreds of thousands of individuals."

The tables below were written by hand from knowledge of how the public spinner tools behave
(their well-known output fingerprints: "well being", "regulation enforcement", "curiosity
charges", "local weather change", "court docket", "financial institution", "hundreds of
thousands", "in line with", "mentioned", "stated", "dominated", "have an effect on", "human
proper", "actual property", "overseas minister", "center east"). No corpus text was used.

- ``SPIN_SYNONYMS``: lower-case word or 1-3 word phrase, as it appears in news, mapped to
  1-4 replacements a spinner typically produces. Trailing comments grade the entries:
  ``# FIXED``: the swap breaks a fixed expression or term of art (the strongest spinner
  signal: "interest rates" -> "curiosity charges", "according to" -> "in line with"); the
  single words so marked (interest, rates, climate, health, rights, ...) are the ones that
  live mostly inside such expressions. ``# SENSE``: a single-word swap taken from the wrong
  sense of the word, which changes the meaning ("noted" -> "famous", "won" -> "gained",
  "patients" -> "sufferers", "year" -> "yr"), also a strong signal. Unmarked entries are
  plain, often merely stilted, synonym swaps ("said" -> "mentioned"), which are only weak
  evidence one at a time. A generator should prefer the longest matching key.
- ``CAPITALISED_SPINS``: proper-name phrases (case as written in news) in which spinners
  change a word inside the name ("White House" -> "White Home").
- ``KEEP_PHRASES`` / ``KEEP_CAPITALISED_PHRASES``: fixed expressions and names that spinners
  usually leave intact ("prime minister", "United Nations"); a generator should not spin
  words inside them, so that spun text keeps the realistic mix of kept and broken phrases.

Invariants (checked by ``python -m training.spinner_synonyms``): keys are lower-case letters
and single spaces only (1-3 words, no regex characters), each key has 1-4 replacements, every
replacement is a plain string that differs from its key, and no key is repeated.
"""

from __future__ import annotations

SPIN_SYNONYMS: dict[str, tuple[str, ...]] = {
    # ---- reporting verbs -------------------------------------------------------------------
    "said": ("mentioned", "stated", "acknowledged"),
    "says": ("states", "mentions"),
    "say": ("state",),
    "told": ("instructed", "advised", "informed"),
    "tells": ("informs", "instructs"),
    "announced": ("introduced", "declared"),
    "announce": ("introduce", "declare"),
    "announcement": ("declaration", "proclamation"),
    "ruled": ("dominated",),
    "ruling": ("verdict",),
    "warned": ("cautioned",),
    "warns": ("cautions",),
    "warning": ("caution", "alert"),
    "expected": ("anticipated",),
    "expects": ("anticipates",),
    "expect": ("anticipate", "count on"),
    "claimed": ("asserted", "alleged"),
    "claims": ("assertions", "allegations"),
    "reported": ("stated",),
    "added": ("included", "additional"),
    "asked": ("requested",),
    "ask": ("request",),
    "called": ("known as", "referred to as"),
    "calls for": ("requires", "name for"),
    "called for": ("known as for", "demanded"),
    "confirmed": ("verified",),
    "denied": ("refused", "disputed"),
    "explained": ("defined",),
    "noted": ("famous",),  # SENSE
    "insisted": ("pressured", "careworn"),
    "stressed": ("pressured", "careworn"),
    "suggested": ("urged", "advised"),
    "revealed": ("exposed", "disclosed"),
    "admitted": ("conceded", "acknowledged"),
    "described": ("characterised",),
    "spokesman": ("spokesperson", "speaker"),
    "spokeswoman": ("spokesperson", "speaker"),
    "spokesperson": ("speaker", "consultant"),  # SENSE
    # ---- other common news verbs -------------------------------------------------------------
    "increase": ("improve", "enhance", "boost"),
    "increased": ("elevated", "improved"),
    "increases": ("will increase", "improves"),
    "increasing": ("growing", "rising"),
    "reduce": ("scale back", "cut back", "lower"),
    "reduced": ("lowered", "decreased"),
    "cut": ("minimize", "reduce"),
    "cuts": ("reductions",),
    "rise": ("upward thrust",),
    "rose": ("climbed",),
    "fell": ("dropped",),
    "fall": ("drop",),
    "raise": ("elevate", "increase"),
    "raised": ("elevated",),
    "lower": ("decrease",),
    "attack": ("assault",),
    "attacks": ("assaults",),
    "attacked": ("assaulted",),
    "killed": ("murdered", "slain"),
    "kill": ("slay", "homicide"),
    "killing": ("slaying", "homicide"),
    "arrested": ("detained", "apprehended"),
    "arrest": ("detain", "apprehend"),
    "arrests": ("detentions", "apprehensions"),
    "launched": ("began", "introduced"),
    "launch": ("begin", "unveil"),
    "plans": ("schemes", "intends"),
    "plan": ("scheme", "proposal"),
    "planned": ("deliberate",),
    "agreed": ("concurred",),
    "agree": ("concur",),
    "help": ("assist",),
    "helped": ("assisted",),
    "need": ("want",),
    "needs": ("wants",),
    "needed": ("wanted",),
    "want": ("need", "wish to"),
    "wants": ("needs", "desires"),
    "use": ("make use of", "utilize"),
    "used": ("utilized", "employed"),
    "using": ("utilizing", "making use of"),
    "show": ("present", "exhibit"),
    "shows": ("exhibits", "reveals"),
    "showed": ("confirmed", "revealed"),
    "found": ("discovered",),
    "find": ("discover",),
    "get": ("obtain", "receive"),
    "got": ("received", "obtained"),
    "give": ("provide", "grant"),
    "gave": ("granted", "offered"),
    "make": ("create",),
    "made": ("created", "produced"),
    "take place": ("happen", "occur"),
    "took place": ("happened", "occurred"),
    "start": ("begin",),
    "started": ("began",),
    "began": ("started out", "commenced"),
    "begin": ("start", "commence"),
    "end": ("finish",),
    "ended": ("finished", "concluded"),
    "continue": ("proceed",),
    "continued": ("persevered", "persisted"),
    "remain": ("stay",),
    "remained": ("stayed",),
    "remains": ("stays",),
    "allow": ("permit",),
    "allowed": ("permitted",),
    "prevent": ("forestall",),
    "provide": ("present", "supply"),
    "provided": ("supplied", "offered"),
    "include": ("embrace",),
    "including": ("together with", "along with"),
    "includes": ("consists of", "contains"),
    "face": ("confront",),
    "faces": ("confronts",),
    "become": ("grow to be", "turn into"),
    "became": ("grew to become", "turned into"),
    "becomes": ("turns into", "will become"),
    "seem": ("appear",),
    "seems": ("appears",),
    "believe": ("consider", "imagine"),
    "believed": ("thought", "considered"),
    "think": ("suppose", "assume"),
    "try": ("attempt", "strive"),
    "tried": ("attempted",),
    "trying": ("making an attempt", "attempting"),
    "affect": ("have an effect on", "impression"),  # SENSE
    "affected": ("impacted",),
    "hit": ("struck",),
    "win": ("earn",),
    "won": ("gained", "received"),  # SENSE
    "lost": ("misplaced",),  # SENSE
    "lose": ("misplace",),
    "leave": ("depart", "go away"),
    "left": ("departed",),
    "left behind": ("left in the back of",),  # FIXED
    "return": ("go back", "come back"),
    "returned": ("got here back", "went back"),
    "happened": ("took place", "came about"),
    "led": ("lead", "brought about"),
    "lead": ("result in",),
    "cause": ("trigger",),
    "caused": ("triggered", "brought on"),
    "fight": ("combat", "battle"),
    "fighting": ("preventing", "combating"),  # SENSE
    "protect": ("shield", "defend"),
    "support": ("assist", "help"),
    "supported": ("backed",),
    "oppose": ("contest", "resist"),
    "opposed": ("antagonistic", "against"),
    "demand": ("call for", "requirement"),
    "demanded": ("insisted",),
    "approved": ("permitted", "authorized"),
    "approve": ("authorize",),
    "rejected": ("turned down",),
    "passed": ("handed",),  # SENSE
    "signed": ("inked",),
    "resigned": ("stepped down",),
    "elected": ("voted in",),
    "voted": ("cast ballots",),
    "died": ("handed away", "perished"),
    "injured": ("harm", "wounded"),
    "hurt": ("harm",),
    "shooting": ("taking pictures",),  # SENSE
    "shot dead": ("shot useless",),  # FIXED
    "shot": ("fired", "gunned"),
    "charged": ("indicted", "accused"),
    "sentenced": ("condemned",),
    "investigating": ("probing",),
    "accused": ("alleged",),
    "threatened": ("menaced",),
    "destroyed": ("ruined", "wrecked"),
    "damaged": ("broken",),  # SENSE
    "build": ("construct",),
    "built": ("constructed",),
    "buy": ("purchase",),
    "bought": ("purchased",),
    "sell": ("promote",),  # SENSE
    "sold": ("offered",),  # SENSE
    "pay": ("compensate",),
    "paid": ("compensated",),
    "spend": ("expend",),
    "spent": ("expended",),
    "invest": ("make investments",),  # SENSE
    "invested": ("put money into",),
    "hold": ("maintain",),
    "held": ("maintained",),
    "keep": ("preserve", "maintain"),
    "kept": ("saved",),  # SENSE
    "meet": ("satisfy",),
    "met": ("encountered",),
    "open": ("unlock",),
    "opened": ("unveiled",),
    "close": ("shut",),
    "closed": ("shut down",),
    "move": ("transfer",),
    "moved": ("relocated",),
    "change": ("alter",),
    "changed": ("altered", "modified"),
    "improve": ("enhance",),
    "improved": ("enhanced",),
    "discuss": ("talk about", "focus on"),
    "discussed": ("mentioned", "talked about"),
    "consider": ("think about", "contemplate"),
    "considered": ("thought of", "thought-about"),
    "decide": ("determine",),
    "decided": ("determined",),
    "deliver": ("ship",),  # SENSE
    "delivered": ("shipped",),
    "receive": ("obtain",),
    "received": ("obtained",),
    "require": ("necessitate", "want"),
    "required": ("wanted",),
    "seek": ("search",),
    "sought": ("searched for",),
    "understand": ("perceive",),
    "expand": ("increase", "broaden"),
    "recover": ("get better",),  # SENSE
    "recovered": ("bounced back",),
    "struggle": ("wrestle", "battle"),
    "struggling": ("battling",),
    "surged": ("soared",),
    "plunged": ("plummeted", "dropped"),
    "boost": ("increase",),
    "reach": ("attain",),
    "reached": ("attained",),
    # ---- news nouns ---------------------------------------------------------------------------
    "government": ("authorities",),
    "governments": ("administrations",),
    "officials": ("officers",),
    "official": ("officer", "legit"),
    "authorities": ("government", "officers"),
    "people": ("individuals", "folks"),
    "residents": ("inhabitants",),
    "citizens": ("residents", "voters"),
    "police": ("police force", "cops"),
    "police officers": ("law enforcement officials", "cops"),
    "police officer": ("law enforcement officer", "cop"),
    "court": ("courtroom", "court docket"),
    "courts": ("courtrooms", "court docket"),
    "judge": ("decide",),  # SENSE
    "judges": ("justices", "magistrates"),
    "lawyer": ("attorney",),
    "lawyers": ("attorneys", "legal professionals"),
    "law": ("regulation", "legislation"),
    "laws": ("legal guidelines",),
    "legal": ("authorized",),  # FIXED
    "illegal": ("unlawful",),
    "crime": ("criminal offense", "felony"),
    "criminal": ("felony", "prison"),  # SENSE
    "prison": ("jail",),
    "jail": ("prison",),
    "charges": ("fees", "expenses"),  # SENSE
    "guilty": ("responsible",),  # FIXED
    "evidence": ("proof",),
    "victim": ("sufferer",),
    "victims": ("casualties",),
    "investigation": ("inquiry", "probe"),
    "investigators": ("detectives",),
    "bank": ("financial institution",),
    "banks": ("financial institutions",),
    "company": ("firm",),
    "companies": ("corporations", "firms"),
    "firm": ("agency",),
    "business": ("enterprise",),
    "businesses": ("companies",),
    "market": ("marketplace", "market place"),
    "markets": ("marketplaces",),
    "rate": ("price", "fee"),
    "rates": ("charges",),  # FIXED
    "interest": ("curiosity",),  # FIXED
    "statement": ("assertion", "press release"),
    "statements": ("assertions",),
    "decision": ("choice",),
    "decisions": ("selections",),
    "election": ("ballot",),
    "elections": ("polls",),
    "vote": ("ballot",),
    "votes": ("ballots",),
    "voters": ("electors", "citizens"),
    "war": ("warfare", "battle"),
    "talks": ("negotiations", "discussions"),
    "deal": ("settlement", "cope"),
    "deals": ("offers",),  # SENSE
    "deal with": ("cope with", "take care of", "handle"),
    "agreement": ("settlement", "accord"),
    "crisis": ("disaster",),
    "report": ("record",),
    "reports": ("stories",),  # SENSE
    "percent": ("p.c.", "%"),
    "per cent": ("p.c.",),  # FIXED
    "million": ("mln", "mn"),
    "millions": ("hundreds of thousands", "tens of millions"),  # SENSE
    "billion": ("bln", "bn"),
    "billions": ("hundreds of tens of millions",),  # SENSE
    "thousands": ("hundreds",),  # SENSE
    "hundreds": ("lots of", "tons of"),
    "week": ("week-long", "seven days"),
    "year": ("yr",),  # SENSE
    "years": ("yr",),  # SENSE
    "month": ("month-to-month", "thirty days"),
    "deadline": ("closing date", "cut-off date"),
    "country": ("nation",),
    "countries": ("nations",),
    "nation": ("country",),
    "state": ("nation", "province"),
    "city": ("metropolis",),
    "town": ("city",),  # SENSE
    "village": ("hamlet",),
    "area": ("space",),  # SENSE
    "region": ("area",),
    "community": ("group",),
    "communities": ("groups",),
    "children": ("youngsters", "kids"),
    "child": ("youngster", "baby"),
    "family": ("household",),
    "families": ("households",),
    "woman": ("lady",),
    "women": ("ladies",),
    "man": ("guy", "gentleman"),
    "men": ("males",),
    "workers": ("employees", "staff"),
    "employees": ("workers", "staff"),
    "staff": ("employees", "workers"),
    "jobs": ("employment",),
    "job": ("task", "activity"),  # SENSE
    "students": ("college students", "scholars"),
    "student": ("pupil", "scholar"),
    "school": ("faculty", "college"),  # SENSE
    "schools": ("faculties",),  # SENSE
    "university": ("college",),
    "hospital": ("health facility",),
    "hospitals": ("medical facilities",),
    "doctors": ("medical doctors", "physicians"),
    "doctor": ("medical doctor", "physician"),
    "patients": ("sufferers",),  # SENSE
    "disease": ("illness",),
    "virus": ("contagion",),
    "health": ("well being", "fitness"),  # FIXED
    "death": ("demise", "loss of life"),
    "deaths": ("fatalities",),
    "death toll": ("loss of life toll", "demise toll"),  # FIXED
    "death penalty": ("loss of life penalty", "demise penalty"),  # FIXED
    "dead": ("lifeless",),
    "injuries": ("accidents",),  # SENSE
    "injury": ("damage", "harm"),  # SENSE
    "fire": ("hearth",),  # SENSE
    "fires": ("blazes",),
    "firefighters": ("hearth fighters", "firemen"),
    "gun": ("firearm", "weapon"),
    "guns": ("firearms", "weapons"),
    "weapons": ("arms",),
    "soldiers": ("troopers",),
    "troops": ("forces",),
    "army": ("navy", "military"),  # SENSE
    "military": ("navy",),  # SENSE
    "forces": ("powers",),
    "force": ("drive", "pressure"),
    "border": ("frontier",),
    "security": ("safety",),
    "safety": ("security",),
    "defence": ("protection",),
    "defense": ("protection",),
    "money": ("cash",),
    "cost": ("value", "price"),  # SENSE
    "costs": ("prices",),  # SENSE
    "price": ("value",),  # SENSE
    "prices": ("costs",),
    "tax": ("levy",),
    "taxes": ("levies",),
    "budget": ("price range", "finances"),  # SENSE
    "debt": ("indebtedness",),
    "loan": ("mortgage",),  # SENSE
    "loans": ("credit",),
    "growth": ("development", "progress"),
    "economy": ("financial system",),  # SENSE
    "economic": ("financial",),
    "economists": ("financial experts",),
    "inflation": ("price increases",),
    "investors": ("traders", "buyers"),  # SENSE
    "investment": ("funding",),
    "shares": ("stocks",),
    "stocks": ("shares",),
    "profit": ("revenue",),  # SENSE
    "profits": ("income", "revenues"),  # SENSE
    "revenue": ("income",),
    "oil": ("crude",),
    "energy": ("power",),  # SENSE
    "power": ("energy",),
    "fuel": ("gas",),
    "gas": ("fuel",),
    "water": ("h2o",),
    "food": ("meals",),  # SENSE
    "weather": ("climate",),
    "climate": ("local weather",),  # FIXED
    "storm": ("tempest",),
    "flood": ("deluge",),
    "floods": ("flooding",),
    "earthquake": ("quake", "tremor"),
    "minister": ("secretary",),
    "ministry": ("division",),
    "president": ("chief executive",),
    "leader": ("chief",),
    "leaders": ("heads",),
    "party": ("social gathering", "celebration"),  # SENSE
    "parties": ("events",),  # SENSE
    "opposition": ("opponents",),
    "parliament": ("legislature",),
    "lawmakers": ("legislators",),
    "bill": ("invoice",),  # SENSE
    "bills": ("payments",),  # SENSE
    "policy": ("coverage",),  # SENSE
    "rules": ("guidelines",),
    "measures": ("steps",),
    "sanctions": ("penalties",),
    "protest": ("demonstration",),
    "protests": ("demonstrations",),
    "protesters": ("protestors", "demonstrators"),
    "strike": ("walkout",),
    "talks with": ("negotiations with",),
    "meeting": ("assembly",),  # SENSE
    "meetings": ("conferences",),  # SENSE
    "conference": ("convention",),  # SENSE
    "summit": ("assembly",),
    "issue": ("challenge", "problem"),  # SENSE
    "issues": ("points",),  # SENSE
    "problem": ("drawback",),
    "problems": ("issues",),
    "question": ("query",),
    "questions": ("queries",),
    "answer": ("reply",),
    "case": ("instance",),
    "cases": ("circumstances",),  # SENSE
    "number": ("quantity",),  # SENSE
    "numbers": ("figures",),
    "data": ("information",),  # SENSE
    "information": ("data", "info"),
    "news": ("information",),  # SENSE
    "media": ("media shops", "press"),
    "reporters": ("journalists", "newshounds"),
    "journalist": ("reporter",),
    "newspaper": ("paper",),
    "interview": ("conversation",),
    "website": ("web site",),
    "online": ("on-line",),
    "internet": ("web",),
    "technology": ("know-how", "expertise"),  # SENSE
    "research": ("analysis",),  # SENSE
    "researchers": ("scientists",),
    "study": ("research",),  # SENSE
    "scientists": ("researchers",),
    "experts": ("consultants", "specialists"),  # SENSE
    "analysts": ("observers",),
    "survey": ("ballot",),
    "poll": ("ballot",),
    "results": ("outcomes",),
    "result": ("end result", "consequence"),
    "impact": ("affect", "impression"),  # SENSE
    "effect": ("impact",),
    "effects": ("results",),  # SENSE
    "support for": ("assist for", "help for"),
    "program": ("programme", "plan"),
    "project": ("venture", "undertaking"),  # SENSE
    "projects": ("initiatives",),  # SENSE
    "service": ("provider",),
    "services": ("companies",),  # SENSE
    "system": ("device", "machine"),
    "industry": ("business",),  # SENSE
    "sector": ("sphere",),
    "trade": ("commerce",),
    "exports": ("shipments",),
    "plant": ("facility",),
    "factory": ("manufacturing unit",),  # SENSE
    "car": ("automobile", "automotive"),  # SENSE
    "cars": ("vehicles", "automobiles"),
    "vehicle": ("car", "automobile"),
    "road": ("street", "highway"),
    "roads": ("streets",),
    "street": ("avenue", "road"),  # SENSE
    "home": ("residence", "house"),
    "homes": ("houses", "properties"),
    "house": ("home", "residence"),
    "housing": ("residences",),
    "building": ("constructing",),  # SENSE
    "buildings": ("structures",),
    "land": ("territory",),
    "property": ("estate",),
    "rent": ("hire",),
    "owner": ("proprietor",),
    "owners": ("house owners", "proprietors"),  # SENSE
    "team": ("crew",),
    "players": ("gamers",),  # SENSE
    "player": ("participant",),  # SENSE
    "game": ("recreation",),  # SENSE
    "match": ("fit",),
    "season": ("period",),
    "coach": ("mentor", "trainer"),
    "fans": ("followers",),
    "event": ("occasion",),
    "events": ("occasions",),
    "history": ("historical past",),  # SENSE
    "age": ("era",),
    "life": ("lifestyles", "existence"),
    "lives": ("existences",),
    "world": ("globe",),
    "future": ("long run", "destiny"),  # SENSE
    "past": ("earlier",),
    "experience": ("revel in",),  # SENSE
    "attention": ("consideration",),
    "opportunity": ("alternative",),  # SENSE
    "challenge": ("problem",),
    "challenges": ("difficulties",),
    "risk": ("threat", "danger"),
    "risks": ("dangers",),
    "threat": ("risk", "menace"),
    "fear": ("worry", "concern"),
    "fears": ("worries",),
    "concern": ("worry", "fear"),
    "concerns": ("considerations",),  # SENSE
    "efforts": ("endeavours",),
    "attempt": ("try",),
    "response": ("reaction",),
    "reason": ("cause",),
    "reasons": ("causes",),
    "way": ("approach",),
    "ways": ("methods",),
    "part": ("a part of", "section"),
    "side": ("facet",),
    "level": ("stage",),  # SENSE
    "levels": ("ranges",),  # SENSE
    "amount": ("quantity",),
    "size": ("measurement",),
    "action": ("motion",),  # SENSE
    "movement": ("motion",),
    "role": ("function",),
    "control": ("management",),  # SENSE
    "management": ("administration",),
    "director": ("administrator",),
    "chief": ("head",),
    "head": ("chief",),
    "board": ("panel",),
    "member": ("participant",),
    "members": ("participants",),
    "group": ("crew",),
    "groups": ("teams",),
    "organisation": ("group",),
    "organization": ("group",),
    "agency": ("company",),  # SENSE
    "office": ("workplace",),  # SENSE
    "offices": ("places of work", "workplaces"),
    "department": ("division",),
    "committee": ("panel",),
    "commission": ("fee",),  # SENSE
    "council": ("authority",),
    "spokesman said": ("spokesman mentioned",),
    "incident": ("occurrence",),
    "accident": ("mishap",),
    "crash": ("collision",),
    "explosion": ("blast",),
    "bomb": ("explosive",),
    "hostages": ("captives",),
    "refugees": ("displaced persons",),
    "migrants": ("immigrants",),
    "aid": ("help", "assistance"),
    "vaccine": ("inoculation",),
    "pandemic": ("epidemic",),
    "lockdown": ("shutdown",),
    "outbreak": ("eruption",),
    "infections": ("contagions",),
    "treatment": ("remedy",),  # SENSE
    "drug": ("medicine",),
    "drugs": ("medication", "medicine"),
    "care": ("attention",),
    "environment": ("setting",),  # SENSE
    "emissions": ("discharges",),
    "sales": ("gross sales",),  # SENSE
    "policies": ("insurance policies",),  # SENSE
    "games": ("video games",),  # SENSE
    "campaign": ("marketing campaign",),  # SENSE
    "different": ("totally different", "completely different"),
    "less": ("much less",),
    "pollution": ("air pollution",),
    # ---- adjectives, adverbs, determiners, connectives ---------------------------------------
    "high": ("excessive",),
    "higher": ("greater",),
    "highest": ("maximum",),
    "low": ("low cost", "lower"),
    "lowest": ("minimal",),
    "big": ("large", "huge"),
    "bigger": ("larger",),
    "biggest": ("largest", "greatest"),
    "large": ("giant",),
    "largest": ("greatest",),
    "small": ("little", "tiny"),
    "major": ("main",),
    "main": ("major", "predominant"),
    "recent": ("current",),
    "recently": ("not too long ago", "lately"),
    "former": ("previous",),
    "senior": ("high-ranking", "elder"),
    "key": ("important",),
    "early": ("untimely",),
    "earlier": ("previous",),
    "late": ("overdue",),
    "later": ("afterward", "in a while"),
    "latest": ("newest",),
    "several": ("a number of",),
    "many": ("a lot of",),
    "most": ("the majority of",),
    "some": ("a few",),
    "still": ("nonetheless", "even now"),
    "also": ("additionally",),
    "however": ("nonetheless", "nevertheless"),
    "but": ("however",),
    "because": ("as a result of",),
    "because of": ("due to", "on account of"),
    "despite": ("regardless of",),
    "although": ("though", "even though"),
    "while": ("whereas",),
    "about": ("round", "roughly"),
    "around": ("round",),
    "nearly": ("almost", "practically"),
    "almost": ("nearly", "virtually"),
    "very": ("extremely",),
    "really": ("actually", "truly"),
    "just": ("simply",),
    "only": ("solely",),
    "already": ("by now",),
    "again": ("once more",),
    "often": ("typically",),
    "usually": ("normally",),
    "now": ("at present",),
    "today": ("at the moment", "right now"),
    "currently": ("presently",),
    "soon": ("quickly",),
    "quickly": ("shortly", "rapidly"),
    "immediately": ("instantly", "right away"),
    "important": ("necessary", "essential"),
    "new": ("recent",),
    "old": ("previous",),  # SENSE
    "young": ("younger",),
    "local": ("native",),  # SENSE
    "national": ("nationwide",),
    "international": ("worldwide",),
    "global": ("world", "international"),
    "foreign": ("overseas",),
    "public": ("open",),
    "private": ("personal",),
    "political": ("partisan", "politics"),
    "financial": ("monetary",),
    "social": ("societal", "convivial"),
    "serious": ("critical", "severe"),
    "significant": ("vital", "important"),
    "strong": ("robust", "sturdy"),
    "weak": ("weak point", "feeble"),
    "difficult": ("tough", "troublesome"),
    "hard": ("arduous", "onerous"),
    "easy": ("straightforward", "simple"),
    "good": ("great",),
    "bad": ("dangerous",),  # SENSE
    "poor": ("impoverished",),
    "rich": ("wealthy",),
    "free": ("gratis",),
    "full": ("complete",),
    "whole": ("entire",),
    "entire": ("complete", "total"),
    "current": ("present",),
    "final": ("ultimate",),
    "last": ("final",),
    "last week": ("final week", "previous week"),
    "last year": ("final yr", "final year"),  # FIXED
    "last month": ("final month",),
    "next": ("subsequent",),
    "next week": ("subsequent week",),
    "next year": ("subsequent yr",),  # FIXED
    "this year": ("this yr",),  # FIXED
    "previous": ("earlier",),
    "similar": ("comparable",),
    "possible": ("attainable", "doable"),
    "likely": ("probably", "seemingly"),
    "unlikely": ("inconceivable",),
    "available": ("out there", "accessible"),
    "clear": ("obvious",),
    "certain": ("sure",),
    "better": ("higher",),  # SENSE
    "best": ("greatest",),
    "worst": ("poorest",),
    "huge": ("big", "massive"),
    "massive": ("huge", "large"),
    "dangerous": ("harmful",),
    "violent": ("brutal",),
    "deadly": ("lethal",),
    "fatal": ("deadly",),
    "total": ("complete",),
    "average": ("common",),  # SENSE
    "annual": ("yearly",),
    "daily": ("every day",),
    "weekly": ("every week",),
    "monthly": ("month-to-month",),
    "top": ("prime",),  # SENSE
    "leading": ("main",),
    "popular": ("fashionable", "in style"),  # SENSE
    "famous": ("well-known", "well-known for"),
    "well known": ("well-known", "famend"),
    "successful": ("profitable",),  # SENSE
    "effective": ("efficient",),
    "huge number": ("big selection", "massive quantity"),
    "enough": ("sufficient",),
    "more than": ("greater than",),  # FIXED
    "less than": ("lower than",),
    "at least": ("no less than", "a minimum of"),  # FIXED
    "such as": ("reminiscent of", "comparable to", "akin to"),  # FIXED
    "as well as": ("in addition to",),
    "for example": ("for instance",),
    "in addition": ("as well as",),  # FIXED
    "in order to": ("so as to", "in an effort to"),
    "as a result": ("because of this", "consequently"),
    "in the past": ("prior to now", "up to now"),  # FIXED
    "in the future": ("sooner or later",),  # FIXED
    "so far": ("to date", "thus far"),
    "at the moment": ("for the time being", "in the meanwhile"),
    "first time": ("first-time", "primary time"),
    "first": ("primary",),
    "second": ("secondary",),
    "third": ("tertiary",),
    # ---- fixed expressions and collocations (the strongest signal) ---------------------------
    "according to": ("in line with", "in accordance with", "in step with"),  # FIXED
    "climate change": ("local weather change",),  # FIXED
    "interest rates": ("rates of interest", "curiosity charges"),  # FIXED
    "interest rate": ("rate of interest", "curiosity price"),  # FIXED
    "high court": ("excessive court docket", "excessive courtroom"),  # FIXED
    "supreme court": ("supreme courtroom", "supreme court docket"),  # FIXED
    "court of appeal": ("court docket of attraction", "courtroom of enchantment"),  # FIXED
    "appeals court": ("appeals courtroom", "appeals court docket"),  # FIXED
    "stock market": ("inventory market",),  # FIXED
    "stock markets": ("inventory markets",),  # FIXED
    "stock exchange": ("inventory alternate", "inventory trade"),  # FIXED
    "real estate": ("actual property",),  # FIXED
    "social media": ("social networking",),
    "press conference": ("information convention", "press convention"),  # FIXED
    "news conference": ("information convention",),  # FIXED
    "press release": ("press launch",),  # FIXED
    "human rights": ("human proper",),  # FIXED
    "white house": ("white home",),  # FIXED
    "public health": ("public well being",),  # FIXED
    "health care": ("well being care",),  # FIXED
    "healthcare": ("well being care",),  # FIXED
    "mental health": ("psychological well being",),  # FIXED
    "law enforcement": ("regulation enforcement",),  # FIXED
    "middle east": ("center east",),  # FIXED
    "foreign minister": ("overseas minister",),  # FIXED
    "foreign policy": ("overseas coverage",),  # FIXED
    "foreign affairs": ("overseas affairs",),  # FIXED
    "breaking news": ("breaking information",),  # FIXED
    "bottom line": ("backside line",),  # FIXED
    "central bank": ("central financial institution",),  # FIXED
    "chief executive": ("chief govt",),  # FIXED
    "chief executive officer": ("chief govt officer",),  # FIXED
    "board of directors": ("board of administrators",),  # FIXED
    "general election": ("basic election", "common election"),  # FIXED
    "election campaign": ("election marketing campaign",),  # FIXED
    "presidential election": ("presidential ballot",),
    "pleaded guilty": ("pleaded responsible",),  # FIXED
    "not guilty": ("not responsible",),  # FIXED
    "fire brigade": ("hearth brigade",),  # FIXED
    "air force": ("air drive", "air pressure"),  # FIXED
    "task force": ("process drive", "activity pressure"),  # FIXED
    "police force": ("police drive", "police pressure"),  # FIXED
    "armed forces": ("armed powers", "armed drives"),  # FIXED
    "cold war": ("chilly battle", "chilly conflict"),  # FIXED
    "civil war": ("civil battle", "civil conflict"),  # FIXED
    "world war": ("world battle", "world conflict"),  # FIXED
    "red cross": ("purple cross", "crimson cross"),  # FIXED
    "great britain": ("nice britain",),  # FIXED
    "new year": ("new yr",),  # FIXED
    "wall street": ("wall avenue",),  # FIXED
    "high street": ("excessive avenue",),  # FIXED
    "high school": ("excessive faculty", "highschool"),  # FIXED
    "primary school": ("main faculty", "major college"),  # FIXED
    "labour day": ("employees day",),  # FIXED
    "labor day": ("employees day",),  # FIXED
    "labour party": ("labour social gathering",),  # FIXED
    "labor market": ("labor marketplace", "labour market place"),  # FIXED
    "labour market": ("labour marketplace",),  # FIXED
    "unemployment rate": ("unemployment price", "unemployment fee"),  # FIXED
    "exchange rate": ("alternate price", "trade fee"),  # FIXED
    "credit card": ("bank card",),  # FIXED
    "credit cards": ("bank cards",),  # FIXED
    "housing market": ("housing marketplace", "actual property market"),  # FIXED
    "free trade": ("free commerce",),  # FIXED
    "trade war": ("commerce conflict", "commerce battle"),  # FIXED
    "supply chain": ("provide chain",),  # FIXED
    "supply chains": ("provide chains",),  # FIXED
    "natural gas": ("pure fuel",),  # FIXED
    "oil prices": ("oil costs",),  # FIXED
    "gas prices": ("fuel costs",),  # FIXED
    "greenhouse gas": ("greenhouse fuel",),  # FIXED
    "greenhouse gases": ("greenhouse fuels",),  # FIXED
    "global warming": ("world warming",),  # FIXED
    "fossil fuels": ("fossil fuel sources",),
    "carbon emissions": ("carbon discharges",),
    "renewable energy": ("renewable power",),  # FIXED
    "nuclear power": ("nuclear energy",),
    "power plant": ("energy plant",),  # FIXED
    "power outage": ("energy outage",),  # FIXED
    "emergency services": ("emergency companies",),  # FIXED
    "intensive care": ("intensive remedy",),  # FIXED
    "heart attack": ("coronary heart assault",),  # FIXED
    "cancer": ("most cancers",),  # FIXED
    "breast cancer": ("breast most cancers",),  # FIXED
    "side effects": ("unwanted effects", "negative effects"),  # FIXED
    "life expectancy": ("lifestyles expectancy",),  # FIXED
    "birth rate": ("delivery charge", "start fee"),  # FIXED
    "death rate": ("loss of life charge", "demise fee"),  # FIXED
    "sexual assault": ("sexual attack",),  # FIXED
    "domestic violence": ("home violence",),  # FIXED
    "car crash": ("automotive crash", "automobile crash"),  # FIXED
    "traffic": ("site visitors", "visitors"),  # SENSE
    "traffic jam": ("site visitors jam",),  # FIXED
    "public transport": ("public transportation system", "public transit"),
    "train station": ("prepare station",),  # FIXED
    "police station": ("police precinct",),
    "town hall": ("city corridor",),  # FIXED
    "city council": ("metropolis council",),  # FIXED
    "city hall": ("metropolis corridor",),  # FIXED
    "polling station": ("polling place", "voting station"),
    "polling stations": ("polling locations",),
    "opinion poll": ("opinion ballot",),  # FIXED
    "opinion polls": ("opinion ballots",),  # FIXED
    "turnout": ("participation",),
    "prime minister said": ("prime minister mentioned",),
    "member states": ("member nations",),
    "ceasefire": ("cease-fire", "stop fireplace"),  # FIXED
    "peace talks": ("peace negotiations", "peace discussions"),
    "peace deal": ("peace settlement",),  # FIXED
    "trade deal": ("commerce deal", "commerce settlement"),  # FIXED
    "nuclear weapons": ("nuclear arms",),
    "death sentence": ("loss of life sentence", "demise sentence"),  # FIXED
    "prison sentence": ("jail sentence", "jail time period"),
    "life sentence": ("life time period", "lifestyles sentence"),  # FIXED
    "court case": ("court docket case", "courtroom case"),  # FIXED
    "legal action": ("authorized motion",),  # FIXED
    "human trafficking": ("human smuggling",),
    "civil rights": ("civil proper", "civil liberties"),  # FIXED
    "freedom of speech": ("freedom of expression", "free speech rights"),
    "rule of law": ("rule of regulation",),  # FIXED
    "due process": ("due course of",),  # FIXED
    "press freedom": ("press liberty", "freedom of the press"),
    "fake news": ("pretend information", "faux information"),  # FIXED
    "middle class": ("center class",),  # FIXED
    "working class": ("working-class folks", "laboring class"),
    "small business": ("small enterprise",),  # FIXED
    "small businesses": ("small companies",),  # FIXED
    "big tech": ("large tech", "massive tech"),  # FIXED
    "tech companies": ("tech firms", "know-how corporations"),
    "tech giant": ("tech big", "tech titan"),  # FIXED
    "market share": ("market place share", "market portion"),  # FIXED
    "share price": ("share value", "share worth"),  # FIXED
    "shareholders": ("stockholders",),
    "bank account": ("checking account", "financial institution account"),  # FIXED
    "bank accounts": ("financial institution accounts",),  # FIXED
    "financial crisis": ("monetary disaster",),  # FIXED
    "economic growth": ("financial development", "financial progress"),  # FIXED
    "economic crisis": ("financial disaster",),  # FIXED
    "cost of living": ("price of dwelling", "value of residing"),  # FIXED
    "minimum wage": ("minimal wage",),  # FIXED
    "living wage": ("dwelling wage",),  # FIXED
    "retirement age": ("pension age",),
    "pension": ("retirement allowance",),
    "tax cuts": ("tax reductions",),
    "tax rise": ("tax improve",),  # FIXED
    "bottom of": ("backside of",),  # FIXED
    "front line": ("entrance line",),  # FIXED
    "front lines": ("entrance traces",),  # FIXED
    "front page": ("entrance web page",),  # FIXED
    "breaking": ("shattering",),
    "world cup": ("world mug",),  # FIXED
    "world record": ("world file",),  # FIXED
    "record high": ("document excessive", "file excessive"),  # FIXED
    "record low": ("document low", "file low"),  # FIXED
    "all time high": ("all time excessive",),  # FIXED
    "red carpet": ("purple carpet",),  # FIXED
    "box office": ("field workplace",),  # FIXED
    "long term": ("long run", "long-run"),  # FIXED
    "short term": ("quick time period", "brief time period"),  # FIXED
    "right now": ("proper now",),  # FIXED
    "right wing": ("proper wing",),  # FIXED
    "left wing": ("left-leaning", "left flank"),
    "far right": ("far proper",),  # FIXED
    "rights": ("proper",),  # FIXED
    "right": ("proper",),  # FIXED
    "take part": ("participate", "partake"),
    "take action": ("take motion",),  # FIXED
    "make sure": ("be certain", "ensure that"),  # FIXED
    "find out": ("discover out",),  # FIXED
    "point out": ("level out",),  # FIXED
    "carry out": ("perform", "accomplish"),
    "carried out": ("performed",),
    "set up": ("arrange",),  # FIXED
    "look into": ("examine",),
    "step down": ("resign",),
    "stepped down": ("resigned",),
    "come up with": ("provide you with",),  # FIXED
    "a lot of": ("a variety of", "plenty of"),  # FIXED
    "lots of": ("a lot of", "plenty of"),
    "a number of": ("numerous", "quite a lot of"),  # FIXED
    "as soon as": ("as quickly as",),  # FIXED
    "in fact": ("the truth is", "in actual fact"),  # FIXED
    "of course": ("after all",),  # FIXED
    "for now": ("for the time being", "in the meanwhile"),
    "this week": ("this past week",),
    "last night": ("final evening", "final night time"),  # FIXED
    "tonight": ("this night",),
    "tomorrow": ("the next day",),
    "yesterday": ("the day gone by",),  # SENSE
    "in a statement": ("in a press release", "in an announcement"),  # FIXED
    "told reporters": ("instructed reporters", "advised reporters"),  # FIXED
    "was killed": ("was murdered", "was slain"),
    "were killed": ("have been killed",),  # FIXED
    "were injured": ("have been injured",),  # FIXED
    "were arrested": ("have been arrested",),  # FIXED
    "have been": ("had been",),  # FIXED
    "at risk": ("in danger",),  # FIXED
    "in danger": ("in peril", "in jeopardy"),
    "on board": ("aboard",),
    "in charge": ("in cost",),  # FIXED
    "in line": ("consistent", "in keeping"),
    "in touch": ("in contact",),  # FIXED
    "on track": ("on course",),
    "under way": ("underway",),
    "in custody": ("in police custody", "detained"),
    "on bail": ("on bond",),
    "took office": ("took workplace",),  # FIXED
    "in office": ("in workplace",),  # FIXED
    "in power": ("in energy",),  # FIXED
    "take over": ("take management", "assume control"),
    "press secretary": ("spokesperson",),
    "secretary general": ("secretary basic", "secretary common"),  # FIXED
    "vice president": ("vp",),  # FIXED
    "attorney general": ("legal professional basic", "lawyer common"),  # FIXED
    "defence secretary": ("protection secretary",),  # FIXED
    "defense secretary": ("protection secretary",),  # FIXED
    "home secretary": ("dwelling secretary", "residence secretary"),  # FIXED
    "health secretary": ("well being secretary",),  # FIXED
    "health minister": ("well being minister",),  # FIXED
    "finance minister": ("treasury minister",),
    "interior minister": ("inside minister",),  # FIXED
    "interior ministry": ("inside ministry",),  # FIXED
    "defence ministry": ("protection ministry",),  # FIXED
    "defense ministry": ("protection ministry",),  # FIXED
    "foreign ministry": ("overseas ministry",),  # FIXED
    "foreign office": ("overseas workplace",),  # FIXED
    "home office": ("dwelling workplace", "residence workplace"),  # FIXED
    "justice department": ("justice division",),  # FIXED
    "state department": ("state division",),  # FIXED
    "fire department": ("hearth division",),  # FIXED
    "police department": ("police division",),  # FIXED
    "health department": ("well being division",),  # FIXED
    "security forces": ("safety forces",),  # FIXED
    "security council": ("safety council",),  # FIXED
    "national security": ("nationwide safety",),  # FIXED
    "national guard": ("nationwide guard",),  # FIXED
    "national team": ("nationwide staff", "nationwide group"),  # FIXED
    "national park": ("nationwide park",),  # FIXED
    "national anthem": ("nationwide anthem",),  # FIXED
    "member of parliament": ("parliamentarian",),
    "opposition leader": ("opposition chief",),  # FIXED
    "party leader": ("social gathering chief", "celebration chief"),  # FIXED
    "world leaders": ("global heads of state",),
    "chief of staff": ("chief of workers",),  # FIXED
    "spokesman for": ("spokesman on behalf of", "spokesperson for"),
    "head coach": ("head mentor",),  # FIXED
    "goal": ("purpose",),  # SENSE
    "goals": ("targets",),  # SENSE
    "scored": ("netted",),
    "final score": ("closing rating", "remaining rating"),  # FIXED
    "final round": ("ultimate spherical", "remaining spherical"),  # FIXED
    "quarter final": ("quarter closing", "quarter remaining"),  # FIXED
    "semi final": ("semi closing", "semi remaining"),  # FIXED
    "injury time": ("damage time", "harm time"),  # FIXED
    "red card": ("purple card",),  # FIXED
    "yellow card": ("caution card",),
    "penalty": ("punishment",),
    "weather forecast": ("climate forecast",),  # FIXED
    "heavy rain": ("heavy rainfall", "heavy downpour"),
    "heat wave": ("warmth wave",),  # FIXED
    "heatwave": ("warmth wave",),  # FIXED
    "high temperatures": ("excessive temperatures",),  # FIXED
    "power cuts": ("energy cuts",),  # FIXED
    "hurricane season": ("storm season",),
    "natural disaster": ("pure catastrophe", "pure disaster"),  # FIXED
    "search and rescue": ("search and salvage",),
    "rescue workers": ("rescue staff", "rescue employees"),
    "aid workers": ("help employees", "support staff"),  # FIXED
    "humanitarian aid": ("humanitarian help", "humanitarian support"),
    "member of": ("a part of",),
    "head of": ("chief of",),
    "on behalf of": ("for",),
    "in response to": ("in reaction to",),
    "due to": ("on account of", "as a result of"),  # FIXED
    "as part of": ("as a part of",),
    "prior to": ("previous to",),  # FIXED
    "more and more": ("increasingly", "an increasing number of"),  # FIXED
    "once again": ("as soon as once more",),  # FIXED
    "each other": ("one another",),
    "at all": ("in any respect",),  # FIXED
    "so that": ("in order that",),  # FIXED
    "even though": ("although", "despite the fact that"),
    "rather than": ("slightly than", "somewhat than"),  # FIXED
    "no longer": ("now not", "not"),  # FIXED
    "a few": ("a couple of", "just a few"),
    "a little": ("a bit", "slightly"),
    "per year": ("per yr", "every year"),  # FIXED
    "every year": ("yearly", "every yr"),  # FIXED
    "years ago": ("years in the past",),  # FIXED
    "weeks ago": ("weeks in the past",),  # FIXED
    "a year ago": ("a yr in the past",),  # FIXED
    "years old": ("years outdated",),  # FIXED
    "year old": ("yr outdated",),  # FIXED
    "old man": ("outdated man",),  # FIXED
}

# Proper-name phrases (case as written in news) in which spinners change a word inside the name.
CAPITALISED_SPINS: dict[str, tuple[str, ...]] = {
    "White House": ("White Home",),
    "Supreme Court": ("Supreme Courtroom", "Supreme Court docket"),
    "High Court": ("Excessive Court docket", "Excessive Courtroom"),
    "Court of Appeal": ("Court docket of Attraction", "Courtroom of Enchantment"),
    "Appeals Court": ("Appeals Court docket",),
    "District Court": ("District Court docket", "District Courtroom"),
    "Crown Court": ("Crown Court docket",),
    "Magistrates Court": ("Magistrates Court docket",),
    "Oval Office": ("Oval Workplace",),
    "Foreign Office": ("Overseas Workplace",),
    "Home Office": ("Dwelling Workplace", "Residence Workplace"),
    "House of Commons": ("Home of Commons",),
    "House of Lords": ("Home of Lords",),
    "House of Representatives": ("Home of Representatives",),
    "Middle East": ("Center East",),
    "Security Council": ("Safety Council",),
    "Justice Department": ("Justice Division",),
    "State Department": ("State Division",),
    "Treasury Department": ("Treasury Division",),
    "Labor Department": ("Labor Division",),
    "Department of Justice": ("Division of Justice",),
    "Department of Defense": ("Division of Protection",),
    "Department of Health": ("Division of Well being",),
    "Homeland Security": ("Homeland Safety",),
    "National Guard": ("Nationwide Guard",),
    "National Health Service": ("Nationwide Well being Service",),
    "National Weather Service": ("Nationwide Climate Service",),
    "World Health Organization": ("World Well being Group",),
    "World Trade Organization": ("World Commerce Group",),
    "International Monetary Fund": ("Worldwide Financial Fund",),
    "World Bank": ("World Financial institution",),
    "Bank of England": ("Financial institution of England",),
    "European Central Bank": ("European Central Financial institution",),
    "European Commission": ("European Fee",),
    "Stock Exchange": ("Inventory Alternate", "Inventory Trade"),
    "Wall Street": ("Wall Avenue",),
    "Downing Street": ("Downing Avenue",),
    "High Street": ("Excessive Avenue",),
    "Main Street": ("Major Avenue", "Foremost Avenue"),
    "Labour Party": ("Labour Social gathering",),
    "Conservative Party": ("Conservative Social gathering",),
    "Democratic Party": ("Democratic Social gathering",),
    "Republican Party": ("Republican Social gathering",),
    "Communist Party": ("Communist Social gathering",),
    "Green Party": ("Inexperienced Social gathering",),
    "Foreign Minister": ("Overseas Minister",),
    "Foreign Secretary": ("Overseas Secretary",),
    "Home Secretary": ("Dwelling Secretary", "Residence Secretary"),
    "Health Secretary": ("Well being Secretary",),
    "Defence Secretary": ("Protection Secretary",),
    "Defense Secretary": ("Protection Secretary",),
    "Interior Ministry": ("Inside Ministry",),
    "Defence Ministry": ("Protection Ministry",),
    "Defense Ministry": ("Protection Ministry",),
    "Health Ministry": ("Well being Ministry",),
    "Ministry of Health": ("Ministry of Well being",),
    "Police Department": ("Police Division",),
    "Fire Department": ("Hearth Division",),
    "Supreme Leader": ("Supreme Chief",),
    "Chief Executive": ("Chief Govt",),
    "Food and Drug Administration": ("Meals and Drug Administration",),
    "Centers for Disease Control": ("Facilities for Illness Management",),
    "Environmental Protection Agency": ("Environmental Safety Company",),
    "Office for National Statistics": ("Workplace for Nationwide Statistics",),
    "Red Cross": ("Purple Cross",),
    "Red Sea": ("Purple Sea",),
    "Great Britain": ("Nice Britain",),
    "Royal Family": ("Royal Household",),
    "Air Force": ("Air Pressure", "Air Drive"),
    "Task Force": ("Process Pressure", "Activity Drive"),
    "Police Force": ("Police Pressure",),
    "Cold War": ("Chilly Conflict", "Chilly Battle"),
    "Civil War": ("Civil Conflict",),
    "World War": ("World Conflict",),
    "New Year": ("New Yr",),
    "Big Tech": ("Massive Tech",),
    "High School": ("Excessive Faculty", "Excessive College"),
    "Federal Government": ("Federal Authorities",),
    "Federal Court": ("Federal Court docket",),
    "Labor Day": ("Labor Day vacation", "Employees Day"),
    "Labour Day": ("Labour Day vacation", "Employees Day"),
}

# Lower-case fixed expressions spinners usually leave intact (protect their words from spinning).
KEEP_PHRASES: tuple[str, ...] = (
    "prime minister",
    "head of state",
    "heads of state",
    "state of emergency",
    "united nations",
    "social security",
    "secretary of state",
    "members of parliament",
    "european parliament",
    "united states",
    "united kingdom",
    "new york",
    "federal reserve",
    "finance ministry",
    "coast guard",
    "vice presidential",
    "university of",
)

# Proper names spinners usually leave intact.
KEEP_CAPITALISED_PHRASES: tuple[str, ...] = (
    "Prime Minister",
    "United Nations",
    "United States",
    "United Kingdom",
    "European Union",
    "Federal Reserve",
    "Federal Bureau of Investigation",
    "Secretary of State",
    "Vice President",
    "Human Rights Watch",
    "Amnesty International",
    "Premier League",
    "Champions League",
    "New York",
    "Hong Kong",
    "Silicon Valley",
    "Capitol Hill",
    "Black Friday",
    "Coast Guard",
    "Chancellor of the Exchequer",
)


def _check() -> list[str]:
    """Return a list of invariant violations (empty when all hold)."""
    import ast
    import re
    from pathlib import Path

    errors: list[str] = []
    key_re = re.compile(r"[a-z]+(?: [a-z]+){0,2}")
    name_re = re.compile(r"[A-Z][A-Za-z]*(?: [A-Za-z]+){1,4}")
    for key, reps in SPIN_SYNONYMS.items():
        if not key_re.fullmatch(key):
            errors.append(f"bad key {key!r} (lower-case letters, 1-3 words, single spaces)")
        if not 1 <= len(reps) <= 4 or not isinstance(reps, tuple):
            errors.append(f"{key!r}: needs a tuple of 1-4 replacements, has {reps!r}")
        for r in reps:
            if not isinstance(r, str) or not r.strip() or r != r.strip() or "  " in r:
                errors.append(f"{key!r}: bad replacement {r!r}")
            elif r.lower() == key:
                errors.append(f"{key!r}: replacement equals key")
        if len(set(reps)) != len(reps):
            errors.append(f"{key!r}: repeated replacement")
    for key, reps in CAPITALISED_SPINS.items():
        if not name_re.fullmatch(key):
            errors.append(f"bad capitalised key {key!r}")
        if not 1 <= len(reps) <= 4:
            errors.append(f"{key!r}: needs 1-4 replacements")
        for r in reps:
            if not isinstance(r, str) or r == key or not r.strip():
                errors.append(f"{key!r}: bad replacement {r!r}")
    for phrase in KEEP_PHRASES:
        if phrase in SPIN_SYNONYMS:
            errors.append(f"kept phrase {phrase!r} is also a spin key")
    for phrase in KEEP_CAPITALISED_PHRASES:
        if phrase in CAPITALISED_SPINS:
            errors.append(f"kept name {phrase!r} is also a spin key")
    # Repeated keys in the literals (a dict silently keeps the last one).
    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Dict):
            keys = [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
            dups = sorted({k for k in keys if keys.count(k) > 1})
            if dups:
                errors.append(f"repeated keys in {ast.unparse(node.target)}: {dups}")
    return errors


def _count_marked(marker: str) -> int:
    """Number of SPIN_SYNONYMS entries marked with the trailing comment `marker` ("# FIXED", "# SENSE")."""
    import io
    import tokenize
    from pathlib import Path

    src = Path(__file__).read_text(encoding="utf-8")
    lines = {
        tok.start[0]
        for tok in tokenize.generate_tokens(io.StringIO(src).readline)
        if tok.type == tokenize.COMMENT and tok.string.strip() == marker
    }
    return len(lines)


if __name__ == "__main__":
    import sys

    problems = _check()
    n_words = sum(1 for k in SPIN_SYNONYMS if " " not in k)
    print(
        f"SPIN_SYNONYMS: {len(SPIN_SYNONYMS)} entries ({n_words} single words, {len(SPIN_SYNONYMS) - n_words} phrases), "
        f"{sum(len(v) for v in SPIN_SYNONYMS.values())} replacements, {_count_marked('# FIXED')} marked # FIXED, {_count_marked('# SENSE')} marked # SENSE"
    )
    print(f"CAPITALISED_SPINS: {len(CAPITALISED_SPINS)} names")
    print(f"KEEP_PHRASES: {len(KEEP_PHRASES)}, KEEP_CAPITALISED_PHRASES: {len(KEEP_CAPITALISED_PHRASES)}")
    if len(SPIN_SYNONYMS) < 350:
        problems.append(f"only {len(SPIN_SYNONYMS)} entries (need >= 350)")
    for p in problems:
        print("ERROR:", p)
    sys.exit(1 if problems else 0)
