"""Word lists for the rule-based entity finder (``generator.text.entities``), kept as data.

All entries are lower case; lookups lower-case the candidate first. The lists are deliberately
small and generic (no names from any corpus we evaluate on): they cover the words that decide a
kind, not the names themselves.
"""

from __future__ import annotations

# Titles and roles that, placed before a capitalised name, make it a person; the title itself
# is dropped ("Secretary of State Marco Rubio" -> "Marco Rubio"). Multi-word titles are matched
# longest first, so "secretary of state" wins over "secretary".
PERSON_TITLES: frozenset[str] = frozenset({
    "president", "vice president", "president-elect", "prime minister", "deputy prime minister",
    "secretary of state", "secretary of defense", "defense secretary", "foreign secretary",
    "home secretary", "secretary", "foreign minister", "minister", "chancellor", "premier",
    "governor", "gov", "mayor", "senator", "sen", "representative", "rep", "congressman",
    "congresswoman", "speaker", "ambassador", "attorney general", "judge", "justice",
    "chief justice", "general", "gen", "lieutenant", "lt", "colonel", "col", "captain", "capt",
    "admiral", "adm", "sergeant", "sgt", "commander", "officer", "detective", "sheriff",
    "undersheriff",
    "chief", "director", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman",
    "ceo", "king", "queen", "prince", "princess", "pope", "bishop", "archbishop", "cardinal",
    "rev", "reverend", "father", "sister", "dr", "doctor", "prof", "professor", "mr", "mrs",
    "ms", "miss", "sir", "dame", "lord", "lady", "coach", "actor", "actress", "singer",
    "rapper", "star", "pitcher", "quarterback", "striker", "midfielder", "defender",
    "goalkeeper", "first baseman", "first lady", "leader", "lawmaker", "candidate",
    "commissioner", "inspector", "const", "constable", "cpl", "corporal", "pte", "private",
    "superintendent", "councillor", "councilman", "councilwoman",
    # Roles of crime and court reporting ("Prosecutor David Rossi", "Deputy Juan Escalante").
    "prosecutor", "prosecutors", "district attorney", "assistant district attorney", "attorney",
    "defense attorney", "lawyer", "deputy", "deputies", "deputy sheriff", "detectives",
    "trooper", "state trooper", "special agent", "police chief", "fire chief", "firefighter",
    "pastor", "rabbi", "imam", "coroner", "medical examiner", "insp", "det", "supt", "cmdr",
    # Sports roles ("Owner Arte Moreno", "GM Theo Epstein", "Fullback Mike Karney").
    "owner", "co-owner", "gm", "general manager", "manager", "fullback", "running back",
    "linebacker", "wide receiver", "receiver", "tight end", "catcher", "shortstop",
    "outfielder", "infielder",
})

# Last words that make a capitalised sequence an organisation ("Defence Ministry", "NBC News").
ORG_LAST_WORDS: frozenset[str] = frozenset({
    "ministry", "department", "agency", "administration", "office", "bureau", "commission",
    "committee", "council", "cartel", "party", "command", "army", "navy", "force", "forces",
    "guard", "police", "court", "parliament", "congress", "senate", "assembly", "government",
    "news", "times", "post", "journal", "press", "herald", "tribune", "gazette", "telegraph",
    "network", "channel", "radio", "tv", "magazine", "inc", "corp", "corporation", "co", "ltd",
    "llc", "plc", "group", "company", "bank", "fund", "foundation", "institute", "university",
    "college", "school", "hospital", "center", "centre", "clinic", "association", "union",
    "federation", "league", "club", "team", "organization", "organisation", "alliance",
    "coalition", "movement", "organizations", "organisations", "front", "brigade", "brigades",
    "authority", "service",
    "services", "board", "airlines", "airways", "motors", "systems", "technologies", "labs",
    "reuters", "fc", "society", "entertainment", "studios", "pictures", "records", "media",
    "communications", "telecom", "holdings", "industries", "foods", "survey", "reporter",
    # Advocacy groups, consultancies and investors named by their trade ("Human Rights Watch",
    # "Fearnley Consultants", "Supply Management", "Labor MPs"): words no family name is.
    "watch", "management", "consultants", "consultancy", "consulting", "partners",
    "associates", "securities", "investments", "petroleum", "mps",
})

# First words that make a capitalised sequence an organisation ("Ministry of Defence").
ORG_FIRST_WORDS: frozenset[str] = frozenset({
    "ministry", "department", "bank", "university", "office", "bureau", "house", "court",
    "church", "council", "federation", "institute", "league", "order", "board",
})

# Well-known organisations written as a single acronym or word (no keyword to give them away).
ORG_NAMES: frozenset[str] = frozenset({
    "un", "nato", "eu", "fbi", "cia", "nsa", "dea", "fda", "cdc", "who", "imf", "opec", "nasa",
    "pentagon", "kremlin", "interpol", "unicef", "unesco", "wto", "ap", "afp", "bbc", "cnn",
    "nbc", "cbs", "abc", "fox", "msnbc", "npr", "reuters", "bloomberg", "hamas", "hezbollah",
    "taliban", "isis", "al-qaeda", "microsoft", "google", "apple", "amazon", "facebook", "meta",
    "twitter", "tesla", "intel", "ibm", "samsung", "sony", "toyota", "nfl", "nba", "mlb", "nhl",
    "fifa", "uefa", "g7", "g-7", "g20", "g-20", "white house", "supreme court",
})

# Countries, regions, continents, US states and major cities. A sequence found here is a place.
PLACES: frozenset[str] = frozenset({
    # continents and regions
    "africa", "asia", "europe", "north america", "south america", "latin america",
    "central america", "middle east", "caribbean", "oceania", "antarctica", "arctic",
    "balkans", "scandinavia", "gulf", "persian gulf", "horn of africa", "sahel", "caucasus",
    "central asia", "southeast asia", "east asia", "south asia", "west bank", "gaza",
    "gaza strip", "sinai", "kashmir", "crimea", "donbas", "tibet", "siberia", "silicon valley",
    "midwest",
    # countries
    "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia",
    "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "bolivia",
    "bosnia", "brazil", "bulgaria", "burma", "cambodia", "cameroon", "canada", "chad", "chile",
    "china", "colombia", "congo", "costa rica", "croatia", "cuba", "cyprus", "czech republic",
    "denmark", "ecuador", "egypt", "el salvador", "eritrea", "estonia", "ethiopia", "finland",
    "france", "georgia", "germany", "ghana", "greece", "guatemala", "haiti", "honduras",
    "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy",
    "ivory coast", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kosovo", "kuwait",
    "kyrgyzstan", "laos", "latvia", "lebanon", "libya", "lithuania", "luxembourg",
    "madagascar", "malaysia", "mali", "malta", "mexico", "moldova", "mongolia", "montenegro",
    "morocco", "mozambique", "myanmar", "namibia", "nepal", "netherlands", "new zealand",
    "nicaragua", "niger", "nigeria", "north korea", "norway", "oman", "pakistan", "palestine",
    "panama", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania",
    "russia", "rwanda", "saudi arabia", "senegal", "serbia", "singapore", "slovakia",
    "slovenia", "somalia", "south africa", "south korea", "south sudan", "spain", "sri lanka",
    "sudan", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand",
    "tunisia", "turkey", "turkmenistan", "uganda", "ukraine", "united arab emirates", "uae",
    "united kingdom", "uk", "britain", "great britain", "england", "scotland", "wales",
    "united states", "us", "u.s.", "u.s", "usa", "america", "uruguay", "uzbekistan", "venezuela",
    "vietnam", "yemen", "zambia", "zimbabwe", "vatican",
    # US states
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
    "delaware", "florida", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
    "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
    "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
    "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
    "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
    "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
    # provinces and states elsewhere often in the news
    "ontario", "quebec", "british columbia", "alberta", "bavaria", "catalonia", "punjab",
    "sindh", "michoacán", "michoacan", "sinaloa", "jalisco", "chihuahua", "tamaulipas",
    "guerrero", "sonora", "baja california",
    # major cities
    "london", "paris", "berlin", "madrid", "rome", "moscow", "kyiv", "kiev", "beijing",
    "shanghai", "hong kong", "tokyo", "seoul", "delhi", "new delhi", "mumbai", "karachi",
    "lahore", "islamabad", "kabul", "tehran", "baghdad", "damascus", "beirut", "jerusalem",
    "tel aviv", "cairo", "istanbul", "ankara", "athens", "brussels", "amsterdam", "vienna",
    "geneva", "zurich", "stockholm", "oslo", "copenhagen", "helsinki", "warsaw", "prague",
    "budapest", "lisbon", "dublin", "edinburgh", "manchester", "sydney", "melbourne",
    "toronto", "montreal", "vancouver", "ottawa", "mexico city", "havana", "bogota", "lima",
    "caracas", "buenos aires", "santiago", "rio de janeiro", "sao paulo", "brasilia",
    "lagos", "nairobi", "johannesburg", "cape town", "addis ababa", "mogadishu", "khartoum",
    "riyadh", "dubai", "doha", "manila", "jakarta", "bangkok", "hanoi", "singapore city",
    "los angeles", "san francisco", "chicago", "houston", "dallas", "miami", "boston",
    "atlanta", "seattle", "denver", "phoenix", "detroit", "philadelphia", "las vegas",
    "san diego", "new orleans", "baltimore", "brooklyn", "manhattan", "hollywood",
    "washington d.c.", "washington dc",
})

# Words that are capitalised only because they open a sentence, or that never name anything on
# their own: dropped from the start of a candidate (and the candidate dropped if nothing is left).
STOPWORDS: frozenset[str] = frozenset({
    "a", "an", "the", "and", "or", "but", "if", "when", "while", "after", "before", "as", "at",
    "by", "for", "from", "in", "into", "of", "on", "to", "with", "without", "about", "over",
    "under", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our",
    "my", "your", "this", "that", "these", "those", "there", "here", "what", "who", "whom",
    "why", "how", "which", "where", "some", "many", "most", "all", "any", "each", "every",
    "both", "no", "not", "nor", "so", "yet", "also", "then", "than", "still", "even", "just",
    "only", "now", "today", "tonight", "yesterday", "tomorrow", "meanwhile", "however",
    "although", "though", "because", "since", "until", "despite", "according", "earlier",
    "later", "last", "next", "one", "two", "three", "first", "second", "third", "new", "more",
    "less", "other", "another", "such", "several", "few", "do", "does", "did", "is", "are",
    "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
    "should", "may", "might", "must", "said", "says", "say", "asked", "told", "mr.", "mrs.",
    "read", "watch", "click", "share", "follow", "subscribe", "photo", "image", "video",
    "updated", "published", "posted", "advertisement", "breaking", "live", "exclusive",
    "opinion", "analysis", "editorial", "report", "reports", "sources", "source",
    "yes", "oh", "well", "please", "thank", "thanks", "let", "like", "among", "during",
    "through", "between", "against", "within", "around", "upon", "once", "instead",
    "international", "national", "local", "world", "politics", "business", "sports", "home",
    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
    "hundreds", "thousands", "millions", "dozens",
})

# Month and weekday names (and abbreviations) are dates, never entities.
CALENDAR_WORDS: frozenset[str] = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "christmas", "easter", "thanksgiving", "ramadan", "eid", "hanukkah", "diwali",
})

# Lower-case words allowed inside a name ("Secretary of State", "Bank of England", "Juan Ramón
# de la Fuente"). A name never ends on one of them.
NAME_CONNECTORS: frozenset[str] = frozenset({
    "of", "de", "del", "la", "le", "du", "da", "van", "von", "der", "den", "bin", "al", "el",
    "y", "&",
})

# Last words that make a capitalised sequence a place ("Munro Airport", "Gulf of Aden" is caught
# by its first word below).
PLACE_LAST_WORDS: frozenset[str] = frozenset({
    "airport", "street", "avenue", "square", "river", "sea", "ocean", "mountain", "mountains",
    "island", "islands", "bridge", "harbor", "harbour", "province", "county", "city", "valley",
    "lake", "bay", "coast", "peninsula", "desert", "canal", "strait", "district", "region",
    "hills", "heights", "falls", "springs", "plains", "keys", "highlands", "lakes",
})

# First words of "X of Y" place names ("State of Michoacán", "Gulf of Aden").
PLACE_FIRST_WORDS: frozenset[str] = frozenset({
    "state", "province", "city", "gulf", "bay", "sea", "island", "isle", "strait", "port",
    "county", "republic", "kingdom", "lake", "mount", "cape",
})

# Words of ``STOPWORDS`` that also open proper names ("New Zealand", "the World Bank", "First
# National Bank"): dropped as a sentence's opening word, but kept inside a name once a
# preceding opener has been dropped ("In New York" is New York, not York).
NAME_OPENERS: frozenset[str] = frozenset({"new", "first", "national", "international", "world"})

# Prefixes of ships' names ("INS Mysore", "USS Cole", "MV Sirius Star"): a vessel, not a person.
VESSEL_PREFIXES: frozenset[str] = frozenset({"ins", "uss", "hms", "hmas", "mv", "ms", "mt", "ss",
                                            "rms", "usns", "hmcs"})

# Nationality and regional adjectives that stand before a name ("American Hasim Rahman", "the
# Sicilian Mafia"): a person's name never starts with one. Listed rather than matched by ending,
# because first names end the same way (Brian, Sean, Kristian).
DEMONYMS: frozenset[str] = frozenset({
    "afghan", "african", "albanian", "algerian", "american", "arab", "argentine", "argentinian",
    "armenian", "asian", "australian", "austrian", "azerbaijani", "bangladeshi", "belarusian",
    "belgian", "bolivian", "bosnian", "brazilian", "british", "bulgarian", "burmese",
    "cambodian", "canadian", "chilean", "chinese", "colombian", "congolese", "croatian",
    "cuban", "cypriot", "czech", "danish", "dutch", "ecuadorian", "egyptian", "english",
    "eritrean", "estonian", "ethiopian", "european", "filipino", "finnish", "french",
    "georgian", "german", "ghanaian", "greek", "guatemalan", "haitian", "honduran",
    "hungarian", "icelandic", "indian", "indonesian", "iranian", "iraqi", "irish", "israeli",
    "italian", "jamaican", "japanese", "jordanian", "kazakh", "kenyan", "korean", "kurdish",
    "kuwaiti", "latvian", "lebanese", "libyan", "lithuanian", "malaysian", "malian",
    "mexican", "moroccan", "nepalese", "nigerian", "norwegian", "pakistani", "palestinian",
    "panamanian", "peruvian", "polish", "portuguese", "qatari", "romanian", "russian",
    "rwandan", "saudi", "scottish", "senegalese", "serbian", "sicilian", "singaporean",
    "slovak", "slovenian", "somali", "spanish", "sudanese", "swedish", "swiss", "syrian",
    "taiwanese", "tanzanian", "thai", "tunisian", "turkish", "turkmen", "ugandan",
    "ukrainian", "uzbek", "venezuelan", "vietnamese", "welsh", "yemeni", "zimbabwean",
})

# Endings of nationality and group adjectives ("Mexican", "Somali"-like words are left alone):
# capitalised, but not names, when they stand alone.
ADJECTIVE_ENDINGS: tuple[str, ...] = ("ian", "ean", "ese", "ican", "ish", "ians", "eans", "icans")

# Short or variant forms of places, written the way the entity finder reports them.
PLACE_ALIASES: dict[str, str] = {
    "us": "United States", "u.s.": "United States", "u.s": "United States",
    "usa": "United States", "u.s.a.": "United States", "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "uae": "United Arab Emirates", "burma": "Myanmar",
    "kiev": "Kyiv", "washington dc": "Washington, D.C.", "washington d.c.": "Washington, D.C.",
    "new delhi": "New Delhi", "ivory coast": "Ivory Coast",
}

# The stricter person test of ``generator.text.person_names`` (who gets a People page). These
# lists only veto a name the finder called a person; they were drawn from the kinds of errors
# seen among the largest People pages of a real pile (event and place names, company names,
# dateline words), never from the names themselves.

# First words of an event's name ("Hurricane Katrina", "Operation Desert Storm").
EVENT_FIRST_WORDS: frozenset[str] = frozenset({
    "hurricane", "typhoon", "cyclone", "tropical", "storm", "superstorm", "operation", "battle",
    "siege", "war", "wars", "super", "camp", "occupy", "expo",
})

# Last words of an event's, law's or prize's name ("Star Wars", "Patriot Act", "World Cup").
EVENT_LAST_WORDS: frozenset[str] = frozenset({
    "war", "wars", "act", "treaty", "accord", "accords", "agreement", "crisis", "spill",
    "massacre", "revolution", "uprising", "spring", "earthquake", "quake", "tsunami", "games",
    "olympics", "cup", "championship", "championships", "summit", "conference", "awards",
    "award", "prize", "bowl", "festival", "convention", "primary", "primaries", "caucus",
    "caucuses", "debate", "election", "elections", "scandal", "affair", "gate",
    # Orders and rulings ("Executive Order", "Fifth Amendment", "Truman Doctrine").
    "order", "amendment", "resolution", "decree", "directive", "doctrine",
})

# Geographic last words besides ``PLACE_LAST_WORDS`` ("Prince William Sound", "Permian Basin").
# "Bay" and "Hills" are left to ``PLACE_LAST_WORDS`` users: they are surnames as often.
GEO_LAST_WORDS: frozenset[str] = frozenset({
    "sound", "basin", "reef", "delta", "glacier", "volcano", "gulf", "channel", "field",
    "fields", "park", "forest", "dam", "pass", "plateau", "peak", "border", "territory",
    "territories", "oblast", "governorate", "prefecture",
})

# Last words of company and institution names besides ``ORG_LAST_WORDS`` ("General Motors",
# "Transocean Ltd", "Goldman Sachs Capital").
COMPANY_LAST_WORDS: frozenset[str] = frozenset({
    "oil", "petroleum", "energy", "gas", "electric", "capital", "partners", "securities",
    "investments", "financial", "insurance", "pharmaceuticals", "pharma", "airline", "motor",
    "automotive", "steel", "mining", "resources", "exploration", "drilling",
    "offshore", "international", "global", "worldwide", "enterprises", "ventures", "bancorp",
    "trust", "exchange", "stores", "markets", "brands", "solutions", "software", "online",
    "ministries", "mission", "embassy", "consulate", "cabinet", "regime", "rebels", "troops",
    "museum", "library", "stadium", "prison", "jail", "base", "hotel", "tower", "towers",
    "palace", "building", "plaza", "mall", "station", "port",
})

# Time-zone and dateline words: an all-caps dateline ("EDT BENGHAZI") glued to a name.
DATELINE_WORDS: frozenset[str] = frozenset({
    "edt", "est", "cdt", "cst", "mdt", "mst", "pdt", "pst", "gmt", "utc", "bst", "cet", "cest",
    "am", "pm", "a.m", "p.m", "updated", "posted", "lrb", "rrb",
})

# Plural nouns of groups of people ("Senate Democrats", "Golden State Warriors", "Gaddafi
# loyalists"): a group, never one person.
GROUP_WORDS: frozenset[str] = frozenset({
    "democrats", "republicans", "conservatives", "liberals", "socialists", "communists",
    "loyalists", "supporters", "protesters", "protestors", "militants", "fighters", "warriors",
    "soldiers", "marines", "veterans", "residents", "citizens", "voters", "workers", "members",
    "leaders", "officials", "lawmakers", "senators", "governors", "ministers", "families",
    "brothers", "sisters", "sons", "daughters", "fans", "players", "patriarchate",
})
