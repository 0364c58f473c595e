"""Names in an article: spellings the registry knows, and people it does not, with their titles.

A name the registry knows resolves to its id. Other capitalized names are people (two to four
words, after titles and job words are taken off: "Journalist Oksana Testova" is Oksana Testova,
with the role "journalist"; "Ukrainian President Petro Samplenko" has the role "Ukrainian
President"). A person the registry does not know gets a proposed id, the lowercase ASCII slug of
the name; a spelling close to a known one is offered as a probable variant, never merged.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from ...ingest.entities import Registry
from .text import soft_breaks

TITLE_WORDS = {
    "president", "vice", "prime", "minister", "king", "queen", "emir", "sultan", "monarch", "rev.", "rev", "reverend",
    "fr.", "father", "msgr.", "bishop", "cardinal", "pastor", "priest", "foreign", "interior", "justice", "deputy", "secretary", "state",
    "spokesperson", "spokesman", "spokeswoman", "envoy", "special", "ambassador", "senator", "sen.", "rep.", "gov.",
    "governor", "mayor", "general", "gen.", "colonel", "col.", "mr.", "mrs.", "ms.", "dr.", "journalist",
    "reporter", "activist", "lawyer", "attorney", "blogger", "banker", "former", "ex", "leader", "opposition",
    "chairman", "chairwoman", "chair", "head", "director", "laureate", "nobel", "peace", "prize", "winner",
    "candidate", "presidential", "politician", "philosopher", "musician", "artist", "writer", "poet", "priest",
    "pastor", "economist", "businessman", "businesswoman", "entrepreneur", "student", "teacher", "doctor",
    "professor", "analyst", "researcher", "co-founder", "founder", "editor", "photographer", "cameraman",
    "commander", "official", "officials", "mediator", "negotiator", "diplomat", "chief", "us", "u.s.", "figure",
    "figures", "prominent", "leading", "top", "veteran", "exiled", "jailed", "imprisoned", "detained", "campaigner",
    "protest", "rights", "human", "defender", "member", "adviser", "advisor", "aide", "representative", "political",
    "editor-in-chief", "co-winner", "self-proclaimed", "lieutenant", "captain", "major", "sergeant", "publisher",
    "columnist", "correspondent", "broadcaster", "trade", "unionist", "union", "dissident", "prisoner", "critic",
    "singer", "athlete", "coach", "scientist", "engineer", "surgeon", "nurse", "pensioner", "retired", "civic",
    "judge", "prosecutor", "magistrate", "investigator", "warden", "marine", "navy", "soldier", "sailor", "pilot",
    "officer", "airman", "corporal",
    # occupations a freed person is described by ("Japanese documentary filmmaker X", "a Belgian aid worker, X,")
    "filmmaker", "producer", "actor", "actress", "comedian", "rapper", "cartoonist", "photojournalist", "novelist",
    "playwright", "historian", "sociologist", "academic", "lecturer", "scholar", "translator", "architect",
    "programmer", "physician", "worker", "volunteer", "nun", "cleric", "imam", "rabbi", "clergyman", "archbishop",
    "lawmaker", "legislator", "councillor", "councilor", "businessperson", "executive", "employee", "footballer",
    "mountaineer",
}
SURNAME_LIKE_TITLES = {"documentary", "hip-hop", "aid", "youth", "land", "labour", "labor", "civil", "servant", "chess",
                       "player", "farmer", "monk", "deacon", "author", "manager", "boxer"}
"""Words of a role before a name ("documentary filmmaker X", "aid worker X", "Farmer X") that are as often the last word
of a name ("Tom Player", "Anna Deacon"): a name may end with one (`ends_in_title`)."""
ALL_TITLE_WORDS = TITLE_WORDS | SURNAME_LIKE_TITLES
# Words that make a capitalized phrase an organisation, prize or publication rather than a person.
NOT_NAMES = {"center", "centre", "committee", "council", "liberties", "ministry", "party", "union", "agency", "league",
             "front", "congress", "coalition", "alliance", "bureau", "organization", "organisation", "middle", "gulf",
             "service", "times", "news", "post", "press", "department", "office", "bank", "group", "prize", "house",
             "court", "university", "foundation", "institute", "headquarters", "directorate", "intelligence",
             "government", "republic", "federation", "kingdom", "states", "nations", "square", "street", "avenue",
             "embassy", "parliament", "assembly", "forces", "army", "police", "guard", "commission", "fund",
             "association", "movement", "network", "company", "corporation", "airlines", "airline", "radio",
             "television", "tv", "journal", "magazine", "herald", "tribune", "gazette", "daily", "weekly", "review",
             "watch", "international", "europe", "european", "peace", "nobel", "war", "world", "day", "photo",
             "source", "explore", "recommended", "author", "visited", "treasury", "security",
             "affairs", "relations", "project", "program", "programme", "initiative", "campaign", "center's",
             "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "prison", "colony",
             "published", "updated", "posted", "breaking", "january", "february", "march", "april", "june", "july",
             "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
             "sep", "sept", "oct", "nov", "dec", "statement", "update", "live", "exclusive", "analysis", "opinion", "media",
             "newspaper", "broadcaster", "channel", "outlet", "club", "society", "circle", "collective", "brigade",
             "battalion", "regiment", "squad", "team", "cell"}
ENVOY_TO = re.compile(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Cc]onsul|[Dd]iplomat|[Rr]epresentative|[Aa]ttach[ée])\s+(?:to|in)\s+"
                      r"(?:the\s+)?$")
"""Before a country that ends a role and a name after it: "former Ambassador to Myanmar Karin Lund"."""
HONORIFICS = {"U", "Daw"}
"""Words of address written before a name as part of it in Burmese usage ("U Kyaw Min Oo", "Daw Aung San Suu Kyi"):
the person is named without them."""
NOT_PEOPLE = {"the", "a", "an", "and", "but", "in", "on", "of", "for", "with", "by", "at", "from", "to", "as",
              "after", "before", "among", "amongst", "including", "this", "that", "these", "those", "his", "her", "their",
              "its", "our", "my", "he", "she", "they", "we", "it", "there", "when", "while", "some", "many", "most",
              "all", "each", "both", "according", "meanwhile", "however", "also", "then", "now", "yet",
              # a preposition or conjunction that opens a sentence ("Under Belarusian law, he ...")
              "under", "despite", "during", "since", "until", "without", "against", "across", "through", "within",
              "over", "unlike", "although", "though", "because", "once", "whether", "if", "upon", "amid", "via",
              # a count of people is no name ("Nine Belarusians were handed over")
              "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
              "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds",
              "dozen", "dozens", "several", "few", "thousands"}
UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"  # capitals, with those of the Latin alphabets of Belarusian, Polish, Lithuanian romanizations
PARTICLE = r"(?:al|el|ul|bin|ibn|van|von|de|da|di|du|der|den|dos|das|del|la|le)"
"""A lowercase particle inside a name: "Abd el-Fattah", "al-Youssef", "van der Berg"."""
NAME = re.compile(rf"\b(?:[{UPPER}][\w’'.-]*\s+){{0,5}}[{UPPER}][a-zß-ÿā-ž’'-]+"
                  rf"(?:\s+(?:{PARTICLE}(?:\s+|-)){{0,2}}[{UPPER}][a-zß-ÿā-ž’'-]+)*")


@dataclass(frozen=True)
class Name:
    """A mention of a named entity: its span (the name only), id, and the role written before it."""

    text: str
    start: int
    end: int
    entity: str | None  # registry id, or None for someone the registry does not know
    proposed: str | None = None  # the slug id proposed for an unknown person
    role: str | None = None
    role_start: int | None = None
    candidate: str | None = None  # a known entity the spelling is close to

    @property
    def id(self) -> str | None:
        return self.entity or self.proposed

    @property
    def begin(self) -> int:
        """Where the mention begins: the role written before the name, else the name."""
        return self.role_start if self.role_start is not None else self.start


SHORT_NAMES = {"Russia": "Russia", "Russian Federation": "Russia", "Turkey": "Turkey", "Türkiye": "Turkey",
               "Republic of Türkiye": "Turkey", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
               "Burma": "Myanmar"}
"""Names the news gives countries that ISO 3166 lists under another ("Russian Federation", "Türkiye"), each spelling
shown as the news writes it, so that both propose one country."""
_ISO_NAMES: dict[str, str] = {}


def iso_names() -> dict[str, str]:
    """Every country's short, common and official name (lower case) -> its common or short name (pycountry)."""
    if not _ISO_NAMES:
        import pycountry

        for country in pycountry.countries:
            shown = getattr(country, "common_name", None) or country.name
            for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
                if name:
                    _ISO_NAMES[name.lower()] = shown.split(",")[0]
        _ISO_NAMES.update((name.lower(), shown) for name, shown in SHORT_NAMES.items())
    return _ISO_NAMES


DEMONYM_EXCEPTIONS = {  # demonyms that are not the country's name plus "-ian"/"-n", to the country's name
    "american": "United States", "americans": "United States", "us": "United States", "uk": "United Kingdom",
    "polish": "Poland", "poles": "Poland", "british": "United Kingdom", "brits": "United Kingdom",
    "dutch": "Netherlands", "french": "France", "german": "Germany", "germans": "Germany", "swedish": "Sweden",
    "swedes": "Sweden",
    "danish": "Denmark", "danes": "Denmark", "finnish": "Finland", "finns": "Finland", "norwegian": "Norway",
    "norwegians": "Norway", "swiss": "Switzerland", "irish": "Ireland", "spanish": "Spain", "spaniards": "Spain",
    "turkish": "Turkey", "turks": "Turkey", "chinese": "China", "japanese": "Japan", "czech": "Czech Republic",
    "czechs": "Czech Republic", "slovak": "Slovakia", "israeli": "Israel", "israelis": "Israel",
    "swede": "Sweden", "pole": "Poland", "dane": "Denmark", "finn": "Finland", "turk": "Turkey", "brit": "United Kingdom",
    "briton": "United Kingdom", "britons": "United Kingdom", "spaniard": "Spain", "saudi": "Saudi Arabia",
    "saudis": "Saudi Arabia", "emirati": "United Arab Emirates", "emiratis": "United Arab Emirates",
    "uzbek": "Uzbekistan", "uzbeks": "Uzbekistan", "kazakh": "Kazakhstan", "kazakhs": "Kazakhstan",
    "kyrgyz": "Kyrgyzstan", "tajik": "Tajikistan", "tajiks": "Tajikistan", "turkmen": "Turkmenistan",
    "thai": "Thailand", "thais": "Thailand", "greek": "Greece", "greeks": "Greece", "filipino": "Philippines",
    "filipinos": "Philippines", "filipina": "Philippines", "afghan": "Afghanistan", "afghans": "Afghanistan",
    "lebanese": "Lebanon", "somali": "Somalia", "somalis": "Somalia", "honduran": "Honduras", "hondurans": "Honduras",
    "salvadoran": "El Salvador", "salvadorans": "El Salvador", "peruvian": "Peru", "peruvians": "Peru",
    "argentine": "Argentina", "argentines": "Argentina", "azeri": "Azerbaijan", "azeris": "Azerbaijan",
    "portuguese": "Portugal", "icelandic": "Iceland", "bosnian": "Bosnia and Herzegovina",
    "montenegrin": "Montenegro", "cypriot": "Cyprus", "cypriots": "Cyprus", "mozambican": "Mozambique",
    "nigerien": "Niger", "nigeriens": "Niger", "macedonian": "North Macedonia",
}


COUNTRY_FROM = (("ian", ("ia", "", "e", "ium", "a", "y")), ("ean", ("ea",)), ("an", ("a", "", "y", "o")), ("ese", ("", "a")),
                ("ish", ("land", "en", "and")), ("i", ("",)), ("n", ("",)), ("", ("y", "ia", "")))
"""Endings a demonym's singular may have, and what the country's name may end with instead ("German" ->
"Germany", "Belarusian" -> "Belarus", "Finnish" -> "Finland"): each candidate is kept only if it is the name
of a country."""


def iso_country(word: str) -> str | None:
    """The country a demonym names, by the ISO 3166 names pycountry knows ("latvians" -> "Latvia"), or None."""
    if len(word) < 4 or not word.replace(" ", "").isalpha():  # (of two words too: "south african", "sri lankan")
        return None
    names = iso_names()
    singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    for ending, replacements in COUNTRY_FROM:
        if singular.endswith(ending):
            stem = singular[: len(singular) - len(ending)] if ending else singular
            for replacement in replacements:
                candidate = names.get(stem + replacement)
                if candidate:
                    return candidate
    return None


GIVEN_NAMES = {"roman", "christian", "adrian", "brian", "julian", "damian", "fabian", "florian", "sebastian", "vivian",
               "lillian", "gillian", "marian", "dorian", "kilian", "cyprian", "finn", "dane", "german", "armen", "chadi",
               "danish", "norman", "frank", "francis", "israel", "jordan", "india", "georgia", "kenya", "chad", "mali",
               "niger", "sudan", "iran", "iman", "malik", "omani", "irish"}
"""Words that name a nationality or a country but are as often a given name ("Finn Erik Larsen", "Roman D.
Bondarenko", "Danish Ali Khan"): never taken off the front of a name."""


@functools.lru_cache(maxsize=4096)
def is_demonym(word: str, given_names: bool = False) -> bool:
    """A nationality's word ("Canadian", "Kenyan", "Briton"), not a country's own name ("Niger", "Chad") nor a word as
    often a given name (`GIVEN_NAMES`), unless `given_names` (where no name can stand: "- X, German") and the word is a
    nationality's adjective the exceptions list ("German", "Danish", "Irish"; not "Armen", "Chadi", "Finn")."""
    key = word.lower().replace(".", "")  # "U.K." as "UK"
    if key in GIVEN_NAMES and given_names:  # only a nationality's adjective listed as such ("German", "Danish", "Irish")
        return key in DEMONYM_EXCEPTIONS and key.endswith(("ish", "an"))
    if key in GIVEN_NAMES or key in iso_names():
        return False
    if key in DEMONYM_EXCEPTIONS:
        return True
    country = iso_country(key)
    return country is not None and country.lower() != key


REGION_WORD = re.compile(r"(?:North|South)(?:-?(?:[Ee]ast|[Ww]est))?(?:ern)?|(?:East|West)(?:ern)?|Central|Upper|Lower|"
                         r"Greater|Inner|Outer")
"""A word that opens the name of a region, never a person's ("Southwest Papua", "Central Lakeland", "Upper Nile")."""


def _two_word_demonym(words: list[str]) -> bool:
    """True for two capitalised words that together are the nationality of a country named in two words ("South
    African", "Sri Lankan", "North Korean"), whatever the second alone may be ("Sudanese" of "South Sudanese")."""
    key = " ".join(words).lower()
    return all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words) and (iso_country(key) or key).lower() != key


def _given_name(word: str) -> bool:
    """A short month written with no full stop, first of a name ("Jan Wolny"): a given name ("Jan. 14" is the month)."""
    return word in ("Jan", "Mar", "Jun")


def slug(name: str) -> str:
    """The lowercase ASCII slug of a name: "Nadia Probna" -> "nadia-probna", "Łukasz Żółw" -> "lukasz-zolw"."""
    from slugify import slugify

    return slugify(name)


def known_names(text: str, registry: Registry, breaks: frozenset[int] = frozenset()) -> list[Name]:
    """Spellings the registry knows, longest first, never overlapping. A name that runs on over one of `breaks` (a
    wrapped line's end, `soft_breaks`) is a mention on each line (`_wrapped`)."""
    space = "(?: +|[ \t]*\n[ \t]*)" if breaks else " +"
    spellings = sorted({s for e in registry.entities.values() for s in (e.name, *e.aliases, *e.misspellings)},
                       key=len, reverse=True)
    found, taken = [], []
    for spelling in spellings:
        if len(spelling) < 2:
            continue
        pattern = re.sub(r"['’]", "['’]", re.escape(spelling)).replace(r"\ ", space)  # " +": a nickname blanked out
        pattern = re.sub(r"(?<=s)\['’\]s\b", "['’]s?", pattern)  # "Belarus's" is also written "Belarus’"
        for match in re.finditer(rf"(?<![\w]){pattern}(?![\w])", text):
            if any(match.start() < e and s < match.end() for s, e in taken) or \
                    any(text[i] == "\n" and i not in breaks for i in range(match.start(), match.end())):
                continue
            taken.append((match.start(), match.end()))
            found += _wrapped(text, Name(" ".join(match.group(0).split()), match.start(), match.end(),
                                         registry.resolve(spelling).entity_id))
    return sorted(found, key=lambda n: n.start)


NICKNAME = re.compile(rf"(?:^|(?<![\w’'-])[a-zß-ÿā-ž][\w’'-]*[,;:]?[ \t]|[.!?\"”(—–-][ \t])[{UPPER}][a-zß-ÿā-ž’'-]+"
                      rf"(?P<nick>[ \t][\"“‘'][{UPPER}][\w’-]{{1,20}}[\"”’'])(?=[ \t][{UPPER}][a-zß-ÿā-ž])", re.MULTILINE)
"""A nickname in quotes between a given name and a surname ('the rapper Siarhei "Kit" Marozau', "Levan 'Lado' Beridze"),
the given name after a word in small letters or punctuation (not a headline's title case, 'Pardons "Terrorist" X', nor
'the "Viasna" Human Rights Centre'): blanked out (spaces of its length) before names are read, so the person is the one
the registry knows without it."""

CAPITAL_HEADING = re.compile(rf"^[ \t]*(?P<name>[{UPPER}][{UPPER}’'-]+(?:[ \t]+[{UPPER}][{UPPER}’'-]+){{1,3}})"
                             r"(?P<age>,[ \t]*\d{1,3})?[ \t]*$", re.MULTILINE)


def name_headings(text: str, registry: Registry) -> str:
    """The text with each heading that is a person's name in capitals ("ALES TESTAU, 63", a factbox's profile)
    written as a name is ("Ales Testau, 63"), in the same number of characters, so that names are found there as
    anywhere: a name the registry knows, or one an age follows. Other headings in capitals ("BIG PICTURE", "SIGN
    UP") stay as they are."""
    def titled(match: re.Match) -> str:
        name = " ".join("-".join(part[:1] + part[1:].lower() for part in word.split("-"))
                        for word in match.group("name").split())
        if len(name) != len(match.group("name")) or \
                not (match.group("age") or registry.kind(registry.resolve(name).entity_id or "") == "person"):
            return match.group(0)
        return match.group(0).replace(match.group("name"), name, 1)

    return CAPITAL_HEADING.sub(titled, text)


HYPHENATED_ADJECTIVE = re.compile(r"[A-Z][\w’']*-(?:[a-z]+ed|born|run|led|held|made|built|owned)")
"""A capitalised word joined by a hyphen to a participle: "Kremlin-funded", "Oslo-based", "Moscow-backed", "US-led"."""


OUTLET_BEFORE = re.compile(r"\b(?:editor(?:-in-chief)?|editors|(?:co-)?founders?|director|chair(?:man|woman|person)?|"
                           r"members?|staff|employees?|correspondents?|reporters?|journalists?|presenter|columnist)\s+"
                           r"(?:of|at|for|with)\s+(?:the\s+)?$", re.IGNORECASE)
"""Before capitalised words, an office in a body or a job at an outlet: what follows names the body or the outlet."""
HEADLINE_REACH = 200


def _title_case_line(text: str, offset: int) -> bool:
    """True for an offset in a line in title case: at least three words of four letters or more, each capitalised
    ("Belarus Frees Nobel Laureate, U.S. Lifts Potash Sanctions")."""
    start = text.rfind("\n", max(0, offset - HEADLINE_REACH), offset) + 1
    end = text.find("\n", offset, offset + HEADLINE_REACH)
    end = len(text) if end < 0 and len(text) <= offset + HEADLINE_REACH else end
    if start == 0 and offset > HEADLINE_REACH or end < 0:
        return False  # a line longer than a headline (read within a window: a page may be one line of a megabyte)
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text[start:end]) if len(w) >= 4]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


SMALL_WORD = re.compile(r"(?<![\w’'-])[a-zß-ÿā-ž][\w’'-]*")


TYPED_DASH = re.compile(r"-{2,}")
"""A dash typed as hyphens ("Mandel--Ivo Lamm"): it parts two names as a dash does, never joins them into one."""


def find_names(text: str, registry: Registry) -> list[Name]:
    """Every named entity: the registry's, then unknown people, each with the role written before it. A
    heading that is a name in capitals is read as written in capitals and small letters (`name_headings`)."""
    text = NICKNAME.sub(lambda m: m.group(0)[:m.start("nick") - m.start()] + " " * len(m.group("nick")),
                        name_headings(text, registry))
    text = TYPED_DASH.sub(lambda m: "," + " " * (len(m.group()) - 1), text)  # (each offset kept)
    breaks = soft_breaks(text)
    known = known_names(text, registry, breaks)
    spans = [(n.start, n.end) for n in known]
    people, small = [], None
    for run_start, words in _segments(text, breaks):
        cut = 0
        while cut < len(words) and (title_word(words[cut]) or
                                    (_adjective(words[cut]) and cut + 1 < len(words) and
                                     title_word(words[cut + 1]))):
            cut += 1
        name_words = words[cut:]
        titled = max((i for i, w in enumerate(name_words[:-1]) if ends_in_title(w)), default=None)
        if titled is not None and len(name_words) - titled - 1 >= 2:
            name_words = name_words[titled + 1:]  # "Health Minister Oren Pask": the name after the title
        owner = max((i for i, w in enumerate(name_words[:-1]) if re.search(r"[’']s$", w)), default=None)
        if owner is not None:
            name_words = name_words[owner + 1:]  # "Testwave's Oren Pask": the name after the possessive
        while name_words and name_words[0].lower() in NOT_PEOPLE:
            name_words = name_words[1:]
        if len(name_words) >= 3 and cut == 0 and ENVOY_TO.search(text, max(0, run_start - 40), run_start):
            for size in (2, 1):  # "Ambassador to South Korea Karin Lund", "former Ambassador to Myanmar Karin Lund"
                place = " ".join(name_words[:size])
                if len(name_words) - size >= 2 and (place.lower() in iso_names() or
                                                    registry.kind(slug(place)) == "place"):
                    name_words = name_words[size:]  # the country ends the role
                    break
        if len(name_words) >= 3 and name_words[0] in HONORIFICS:
            name_words = name_words[1:]  # "U Than Htay", "Daw Khin Hla": Burmese honorifics, not part of the name
        while name_words and HYPHENATED_ADJECTIVE.fullmatch(name_words[0]):
            name_words = name_words[1:]  # "Kremlin-funded Polish broadcaster": a description, and no one's name
        if len(name_words) >= 3 and (is_demonym(name_words[0]) or "-" in name_words[0] and all(
                is_demonym(part, given_names=True) or part == "born" for part in name_words[0].split("-"))):
            name_words = name_words[1:]  # "Canadian Lena Voss", "Briton Vicky Bowman", "Belarusian-American Lena Voss",
            # "Irish-born Lena Voss": a nationality, not a name
        if len(name_words) >= 2 and _two_word_demonym(name_words[:2]):
            name_words = name_words[2:]  # "a South African", "South African Lena Voss": a nationality of two words
        if name_words and REGION_WORD.fullmatch(name_words[0]):
            continue  # "Central Lakeland", "Southwest Papua": a region, no person
        if name_words and (ends_in_title(name_words[-1]) or any(re.fullmatch(r"[A-Z]{2,}", w) for w in name_words)):
            continue  # "RFE/RL President", "CEO": a title or an acronym, not a person's name
        if not 2 <= len(name_words) <= 4 or any(w.lower() in NOT_PEOPLE for w in name_words) or \
                any(re.sub(r"[’']s$", "", w.lower()).strip(".,") in NOT_NAMES and not _given_name(w) for w in name_words):
            continue
        name = " ".join(name_words).removesuffix("’s").removesuffix("'s")
        start = text.index(name_words[0], run_start)
        last, after_first = name.split()[-1], start + len(name_words[0]) if len(name_words) > 1 else start
        whole = re.compile(rf"(?<!\w){re.escape(last)}(?!\w)").search(text, after_first)  # the word, not inside another
        end = whole.end() if whole else text.index(last, after_first) + len(last)
        patronymic = PATRONYMIC.match(text, end)
        if patronymic:  # "Makhabat Tazhibek kyzy", "Maksat Tazhibek uulu": the lower-case last part is the name's
            name, end = name + patronymic.group(0), patronymic.end()
        if re.search(r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|several|many))[ \t]+$",
                     text[max(0, start - 12):start], re.IGNORECASE):  # on the name's line: not a date line's year
            continue  # "12 Roman Catholic priests", "two Belarusian Activists": a count of a group, not a person
        if _adjective(name_words[-1]) and GROUP_AFTER.match(text, end):
            continue  # "First Estonian prisoners freed": a capitalized word and a demonym before a group, not a person
        if re.search(r"(?<![\w’'-])[Tt]he\s+$", text[max(0, start - 5):start]) and PLACE_WORD.fullmatch(name_words[-1]) or \
                PLACE_AFTER.match(text, end):
            continue  # "in the Indian Ocean", "the North Carolina native": a place or a body, not a person (not "the
            # Belarusian-American Lena Voss")
        if any(start < e and s < end for s, e in spans) or \
                re.search(r"\b[A-Z][\w’'.-]*\s+(?:of|for|de|on)\s+(?:the\s+)?$", text[max(0, start - 40):start]):
            continue
        resolution = registry.resolve(name)
        if resolution.entity_id or registry.kind(slug(name)) not in (None, "person"):
            continue
        if OUTLET_BEFORE.search(text, max(0, start - 40), start):
            continue  # "editor-in-chief of Nowa Gazeta", "a correspondent for Radio Nord": an outlet or a body, no one
        if _title_case_line(text, start):
            # "Belarus Frees A, U.S. Lifts Potash Sanctions": a headline's capitals, the last of which the body writes in
            # small letters ("sanctions"), are no name
            small = {w for w in SMALL_WORD.findall(text) if w[:1].islower()} if small is None else small  # read once
            if re.sub(r"[’']s$", "", name.split()[-1]).lower() in small:
                continue  # (the last word: a first name may be a common word, "Mark", "Grant", "Rose")
        if _cut_off(text, start, end):
            continue
        role, role_start = _role_before(text, start)
        people += _wrapped(text, Name(name, start, end, None, slug(name), role, role_start, resolution.candidate))
    people += _surnames(text, people, spans)
    roles = []
    for name in known:
        if name.entity and registry.kind(name.entity) == "person":
            role, role_start = _role_before(text, name.start)
            roles.append(Name(name.text, name.start, name.end, name.entity, None, role, role_start))
        else:
            roles.append(name)
    return sorted(roles + people, key=lambda n: n.start)


ADJECTIVES = {"american", "german", "mexican", "korean", "israeli", "iraqi", "pakistani", "afghan", "dutch", "french",
              "greek", "swiss", "thai", "czech", "slovak", "kazakh", "uzbek", "tajik", "european", "african", "asian",
              "western", "eastern", "soviet", "russian-backed"}


PATRONYMIC = re.compile(r"[ \t]+(?:uulu|kyzy|ogly|oglu|qizi|kizi)\b")
"""After a name, a patronymic's lower-case last word, which is part of it: "Makhabat Tazhibek kyzy"."""
PLACE_WORD = re.compile(r"Ocean|Sea|River|Lake|Gulf|Bay|Mountains?|Islands?|Valley|Desert|Strait|Canal|Peninsula|Coast|"
                        r"Basin|Republic|Kingdom|Emirates|Federation|Union|Council|Court|Committee|House|Office|Ministry|"
                        r"Department|Agency|Service|Party|Front|Movement|Cent(?:er|re)|Foundation|Institute|University|"
                        r"Prison|Jail|Penitentiary|Colony|Camp|Base|Hospital|Clinic|Airport|Square|Street|Avenue|Station|"
                        r"Hotel|Embassy|Church|Cathedral|Mosque|School|Academy|Forces|Army|Guard|Police|Group|Commission|"
                        r"Parliament|Assembly|Bureau|Directorate|Command|Network|Association|Alliance|Coalition|League|"
                        r"Society|Bank|Company|Corporation|Fund|Tribunal|Prosecutor|Administration|Government|Region|"
                        r"Province|District|Oblast|Territory|Zone|Border|Crossing|Bridge|Checkpoint")
"""The last word of capitalised words after "the" that makes them a place or a body: "in the Indian Ocean"."""
PLACE_AFTER = re.compile(r"(?:\s+(?:natives?|residents?)|-born)\b|\s+(?:(?:military|maximum-security|high-security|"
                         r"penal|federal|state)\s+)?(?:prison|jail|colony|penitentiary|detention\s+cent(?:er|re)|airport|"
                         r"hospital|camp|compound|district|region|province)\b")
"""After capitalised words, what makes them a place: "a North Carolina native", "a Chicago-born writer", "the Mariscal
Zavala military prison", "the Okrest Vale jail"."""
GROUP_AFTER = re.compile(r"\s+(?:prisoners|detainees|hostages|captives|inmates|citizens|nationals|soldiers|troops|activists|"
                         r"journalists|people|families|officials|authorities|forces|media|press|outlets|sources|"
                         r"newspapers)\b")


def _surnames(text: str, people: list[Name], taken: list[tuple[int, int]]) -> list[Name]:
    """Later mentions of a person the registry does not know by surname alone ("Versova" after
    "Lena Versova"), when no other unknown person shares that surname. One pass over the page's words, whatever the
    number of surnames: each word is looked up, where each surname was searched for across the page (a list of 1,600
    new names read the page 1,600 times)."""
    by_surname: dict[str, set[str]] = {}
    full: dict[str, Name] = {}  # each proposed id's first name in the list, and where the page first names it
    first: dict[str, int] = {}
    for person in people:
        by_surname.setdefault(person.text.split()[-1], set()).add(person.proposed)
        full.setdefault(person.proposed, person)
        first[person.proposed] = min(first.get(person.proposed, person.start), person.start)
    # "El-Masri was arrested" after "Karim el-Masri": a particle takes a capital where it opens a sentence
    wanted: dict[str, list[str]] = {}
    inside = _Inside(taken + [(p.start, p.end) for p in people])
    found: dict[str, list[Name]] = {}
    for surname, ids in by_surname.items():
        if len(ids) != 1 or len(surname) < 3:
            continue
        if not SURNAME_RUN.fullmatch(surname):  # a word no run of the page's words is ("Jr."): searched for itself
            [proposed] = ids
            for match in re.finditer(rf"(?<![\w’'-]){_first_letter(surname)}{re.escape(surname[1:])}(?![\w-])", text):
                if (match.start() > first[proposed] or _headline(text, match.start())) and not inside(match.start()):
                    found.setdefault(surname, []).append(Name(surname, match.start(), match.end(), None, proposed, None,
                                                              None, full[proposed].candidate))
            continue
        wanted.setdefault(surname, []).append(surname)
        if surname[0].islower():
            wanted.setdefault(surname[0].upper() + surname[1:], []).append(surname)
    longest = max(map(len, wanted), default=0)
    for word in SURNAME_RUN.finditer(text):
        # a mention ends where the run does, or before an apostrophe ("Versova's"), never inside a word or a hyphen;
        # and is no longer than the longest surname (a run of a thousand apostrophes is not sliced a thousand times)
        run = text[word.start():min(word.end(), word.start() + longest + 1)]
        ends = [word.start() + i for i, c in enumerate(run) if c in "’'"] + \
            ([word.end()] if word.end() - word.start() <= longest else [])
        for end in ends:
            for surname in wanted.get(text[word.start():end], ()):
                [proposed] = by_surname[surname]
                if (word.start() > first[proposed] or _headline(text, word.start())) and not inside(word.start()):
                    found.setdefault(surname, []).append(Name(surname, word.start(), end, None, proposed, None, None,
                                                              full[proposed].candidate))
    return [name for surname in by_surname if surname in found for name in found[surname]]


SURNAME_RUN = re.compile(r"(?<![\w’'-])\w[\w’'-]*")
"""A run of a word's characters, apostrophes and hyphens, where a surname may begin."""


def _first_letter(surname: str) -> str:
    """A surname's first letter as a pattern: a particle's in either case ("el-Masri", "El-Masri")."""
    return f"[{re.escape(surname[0].upper())}{re.escape(surname[0])}]" if surname[0].islower() else re.escape(surname[0])


class _Inside:
    """Whether an offset falls inside any of some spans (which may overlap), by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach, furthest = [], -1  # the furthest end among the spans up to each
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def __call__(self, offset: int) -> bool:
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and self.reach[k] > offset


def _headline(text: str, offset: int) -> bool:
    """True for an offset in the page's headline: a short line with no closing period among its first lines, where
    a person is named by surname before the article names them in full ("X pardons 14 on national day")."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)].strip()
    return text.count("\n", 0, start) <= 4 and 0 < len(line) < 100 and not re.search(r"[.!?:\"”]$", line)


ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:Jr|Sr|Dr|Mr|Ms|Mrs|Mme|St|Rev|Gen|Col|Lt|Sgt|Capt|Cpt|Prof|Gov|Sen|Rep|Maj|Fr|"
                          r"Mt|Ft|Co|No|Hon|Amb|Adm|Cmdr)\.")
"""A word whose period does not end a sentence: an initial, a title ("Dr.", "Jr."). A surname of two or three
letters at the end of a sentence ("... and Pyotr Lem.") is a name, its period the sentence's."""


def _cut_off(text: str, start: int, end: int) -> bool:
    """True for a name that runs into the very end of the text inside a sentence no punctuation ends ("The third freed
    detainee was Tomas Wrenfi"): a page stored as an excerpt may stop mid-word, so the name may be half of one. Not
    a name that is a line of its own, as the last of a list of names one to a line may be (after a bullet or a number:
    "- A", "2. A"), unless the text ends right after its last word, of three letters or fewer, and the line before is
    an item of the same list that goes on in a sentence after its name ("- B: a reporter jailed in 2022." then "- Tomas
    Wre"): the last item stopped where the page did."""
    if text[end:].strip():
        return False
    line = text.rfind("\n", 0, start) + 1
    if re.search(r"[^\W\d_]", text[line:start]):
        return True
    if text[end:] or len(text[start:end].split()[-1]) > 3:
        return False  # (a list's last item cut off ends the text, in a word of a few letters: "- Tomas Wre")
    before = text[:line].rstrip().rpartition("\n")[2].strip()
    marker = text[line:start].strip()
    kind = _item_marker(marker)
    return kind is not None and _item_marker(before) == kind and before.endswith(SENTENCE_ENDS) and \
        re.search(r"\w[,:;]\s", before) is not None


def _item_marker(line: str) -> str | None:
    """The kind of mark a list's item opens with: its bullet, or "1" for any number ("2.", "14)")."""
    mark = re.match(r"[-–—•*·]|\d+[.)]", line)
    return None if mark is None else ("1" if mark.group()[0].isdigit() else mark.group())


SENTENCE_ENDS = (".", "!", "?", "”", '"')
"""How a list's item that tells more than a name ends (after a comma or a colon past its first word)."""


def _wrapped(text: str, name: Name) -> list[Name]:
    """A name as mentions that each lie within one line: one, or where a wrapped line's end cuts it ("... former
    deputy mayor Viktor" / "Drozdan and ..."), one on each side of the break, both the whole name's."""
    cut = text.find("\n", name.start, name.end)
    if cut < 0:
        return [name]
    resumes = cut + 1 + len(text[cut + 1:name.end]) - len(text[cut + 1:name.end].lstrip())
    return [replace(name, end=len(text[:cut].rstrip())), replace(name, start=resumes, role=None, role_start=None)]


def _runs(text: str, breaks: frozenset[int] = frozenset()):
    """Runs of capitalized words, each within one line and one sentence ("... Probnik. Versova had"
    is two runs: the period of "Probnik." ends a sentence, the periods of "U.S." and "Jr." do not), except across a
    wrapped line's end (one of `breaks`, `soft_breaks`)."""
    for match in NAME.finditer(text):
        offset, words = match.start(), []
        for word_match in re.finditer(r"\S+", match.group(0)):
            word = word_match.group(0)
            gap = match.group(0)[max(0, word_match.start() - 1):word_match.start()]
            # a name goes on over a wrapped line's end only where the next line opens with its one last word ("Viktor" /
            # "Drozdan and ..."), never two names one after the other ("... journalist Ivo Lamm" / "Rasa Veld, his wife")
            if words and "\n" in gap and (match.start() + word_match.start() - 1 not in breaks or
                                          re.match(r"\S+[ \t]+\S", match.group(0)[word_match.start():].split("\n")[0])):
                yield offset, words
                words = []
            if not words:
                offset = match.start() + word_match.start()
            if word.endswith(".") and not ABBREVIATION.fullmatch(word):
                words.append(word[:-1])
                yield offset, words
                words = []
                continue
            words.append(word)
        if words:
            yield offset, words


RUN_BREAKS = {"Amid", "Amidst", "After", "Before", "Despite", "As", "Over", "Under", "During", "Since", "Until", "Following",
              "Ahead", "Against", "Without", "Via", "And", "With", "In", "On", "At", "For", "From", "To", "By", "Into"}
"""Capitalised prepositions and conjunctions inside a run of a title-case line ("Releases Journalist Ivo Lamm Amid
Border Talks", "Ivo Lamm And Rasa Veld Freed"): no name holds one, so the run is read as the names on either side."""


def _segments(text: str, breaks: frozenset[int] = frozenset()):
    """The runs of capitalized words (`_runs`), each cut at a word no name holds inside it (`RUN_BREAKS`)."""
    for run_start, words in _runs(text, breaks):
        cursor, begin, segment = run_start, run_start, []
        for word in words:
            at = WORD_GAP.match(text, cursor).end() if cursor > run_start else run_start  # the word's own offset
            cursor = at + len(word)
            if word in RUN_BREAKS and segment:
                yield begin, segment
                segment = []
                continue
            if not segment:
                begin = at
            segment.append(word)
        if segment:
            yield begin, segment


WORD_GAP = re.compile(r"\.?\s*")
"""After a word of a run, what comes before the next: its sentence's period (taken off the word), and spaces."""


def _adjective(word: str) -> bool:
    """A nationality or place adjective in a title ("Ukrainian President", "Belarusian opposition leader")."""
    return word.lower() in ADJECTIVES or bool(re.fullmatch(r"[A-Z][a-z]{2,}(?:ian|ean|ese|ish)", word)) or \
        bool(re.fullmatch(r"[A-Z][a-z]{3,}", word)) and is_demonym(word)  # "Kenyan", "Briton"


def title_word(word: str, titles: set = ALL_TITLE_WORDS) -> bool:
    """A job or title word, singular or plural ("Journalist", "Journalists", "activists")."""
    lowered = word.lower().rstrip(",")
    return lowered in titles or (lowered.endswith("s") and lowered[:-1] in titles)


def ends_in_title(word: str) -> bool:
    """True for a title that cannot end a person's name ("RFE/RL President"); "Tom Player" may."""
    return title_word(word, TITLE_WORDS)


def _title(word: str) -> bool:
    return title_word(word) or _adjective(word) or bool(re.fullmatch(r"(?:[A-Z]\.){2,}", word))


ROLE_REACH = 1000
"""How far before a name its title is looked for: the eight words before it, on its line (reading the line
from its start made a long line of names cost the square of its length)."""


ROLE_OF_ENDS = {"conscience", "parliament", "state", "staff"}
"""What ends a title with an "of" in it: "prisoner of conscience", "member of parliament", "head of state"."""
ROLE_OF = re.compile(rf"\b([a-z]+)\s+of\s+(?:{'|'.join(sorted(ROLE_OF_ENDS))})\b(?=\s)")
"""A title with an "of" in it, in running text (`ROLE_OF_ENDS`)."""


def _role_before(text: str, start: int) -> tuple[str | None, int | None]:
    """The job or title right before a name: capitalized ("Journalist", "Ukrainian President") or not
    ("opposition leader", "U.S. deputy envoy to Riga"), without articles or the verb before it."""
    line_start = text.rfind("\n", max(0, start - ROLE_REACH), start) + 1
    if line_start == 0 and start > ROLE_REACH:  # a long line: its last words before the name, whole
        line_start = start - ROLE_REACH + len(re.match(r"\S*", text[start - ROLE_REACH:start]).group(0))
    words = [(m.group(0), m.start() + line_start) for m in re.finditer(r"\S+", text[line_start:start])][-8:]
    end = len(words)
    stop = start
    if end >= 2 and words[end - 1][0] in HONORIFICS:
        end, stop = end - 1, words[end - 1][1]  # "election commission member U Zaw Htet": the role before the honorific
    # "envoy to Riga", "special envoy for Latvia": a place after the title word
    # (not "an envoy of President X", "an adviser to President X": the office is X's own, and the envoy another's)
    if end >= 3 and words[end - 2][0].lower() in ("to", "for", "of") and re.fullmatch(r"[A-Z][\w-]*", words[end - 1][0]) \
            and _title(words[end - 3][0]) and not title_word(words[end - 1][0]):
        end -= 2
    elif end >= 4 and words[end - 3][0].lower() in ("to", "for", "of") and \
            all(re.fullmatch(r"[A-Z][\w-]*", w) for w, _ in words[end - 2:end]) and _title(words[end - 4][0]) and \
            not title_word(words[end - 1][0]):
        end -= 3  # "Ambassador to South Korea"
    # "prisoner of conscience", "member of parliament": a title whose "of" phrase is part of it
    idiom = end >= 3 and words[end - 2][0].lower() == "of" and words[end - 1][0].lower() in ROLE_OF_ENDS and \
        title_word(words[end - 3][0])
    first = end - 2 if idiom else end
    while first > 0 and _title(words[first - 1][0]) and not re.search(r"[,;:\"“”’)]$", words[first - 1][0]):
        first -= 1
    if 0 < first < end and _two_word_demonym([words[first - 1][0], words[first][0]]):
        first += 1  # "South Sudanese X", "South African X": a nationality of two words, whose second alone is another's
    if first == end:
        # "An Estonian journalist, X, was among them": a description opening the sentence, the name in apposition
        lead = LEADING_ROLE.search(text, line_start, start)
        if lead and title_word(lead.group("role").split()[-1]) and \
                all(_title(w) or w.islower() for w in lead.group("role").split()):
            proper = any(_adjective(w) for w in lead.group("role").split())
            return (lead.group("role") if proper else lead.group("role").lower()), lead.start("role")
        return None, None
    role = text[words[first][1]:stop].strip()
    proper = any(_adjective(w) or w.isupper() or "." in w for w, _ in words[first:end]) or \
        re.search(r"\b(?:to|for|of)\s+[A-Z]", role) is not None  # "envoy to Riga": the place keeps its capital
    return (role if proper else role.lower()), words[first][1]


LEADING_ROLE = re.compile(r"(?:^|(?<=[.!?]\s))[\"“‘']?(?:An?|The)\s+(?P<role>[^,;:.“”\"()\n]{1,60}),\s*$", re.MULTILINE)
"""A description that opens a sentence, the name after it in apposition: "An Estonian journalist, " before X."""


PHRASE = r"(?:[^,.;:()“”\"\n]|\.(?=\S)|(?<=[A-Z])\.)"  # the periods of "U.S." and "TUT.by" do not end a phrase
APPOSITION = re.compile(rf",\s+(?P<role>(?:the|a|an)\s+{PHRASE}{{3,80}}?|(?!(?:went|came|was|were|is|are|has|had|moved|"
                        rf"said|told|returned|fled|flew|travell?ed|headed|belongs|spoke|wrote|\w+ed)\s)"
                        rf"(?:co-)?[a-z][\w-]+\s+(?:of|to|for)\s+"
                        rf"{PHRASE}{{3,60}}?)(?=,|(?<![A-Z])\.(?!\S)|;|\s+(?:who|which|was|is|had|has|said|told)\b|[ \t]*\n|"
                        rf"\s+(?:jailed|arrested|detained|sentenced|convicted|imprisoned|serving)\b)")


def apposition(text: str, name_end: int) -> tuple[str, int, int] | None:
    """What a comma after a name says the person is: "Daniel Mockwell, the U.S. special envoy,"."""
    age = re.match(r",\s+(?:aged\s+|now\s+)?\d{1,3}(?=,)", text[name_end:name_end + 16])
    match = APPOSITION.match(text, name_end + (age.end() if age else 0))
    if not match:
        return None
    return match.group("role"), match.start("role"), match.end("role")
