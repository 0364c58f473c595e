"""Which place, country or group a fact is about: the country an article's release frees from, the country a
demonym or adjective names ("Belarusians", "Polish"), the group of a country's nationals, a place named at a point
of a sentence. A country or group the registry lacks is proposed with its entry, never merged into a known one.
"""

from __future__ import annotations

import re
from collections import Counter

from .context import PEOPLE, Context, Sentence
from .names import DEMONYM_EXCEPTIONS, UPPER, Name, iso_country, iso_names, slug



FAITHS = {"roman", "catholic", "catholics", "orthodox", "protestant", "protestants", "christian", "christians", "muslim",
          "muslims", "jewish", "evangelical", "evangelicals", "baptist", "baptists", "lutheran", "lutherans"}


FREED_FROM = re.compile(rf"\s+(?:of\s+)?(?:[\w-]+\s+){{0,3}}?{PEOPLE}\s+from\s+(?P<country>[A-Z][a-z]+)\b(?!\s*,\s*\w+\s+from)")
"""The country the freed were freed from, after the freeing and its object ("released 14 prisoners from Belarus"), not
a breakdown by nationality ("two from Japan, three from Poland")."""


def article_country(ctx: Context, sentences: list[Sentence] = ()) -> str | None:
    """The country the article is about: the one that frees (named, or by its adjective, just before a word
    of freeing: "Belarus freed", "Belarusian leader X authorized the release"; or after a passive one: "were freed
    by the authorities in Minsk"), else the one it names most (a city counts for its country). Before a passive
    freeing, a country's adjective names who was freed and counts for half ("Nicaraguan Bishop X has been
    released"), or not at all when counted ("two Polish citizens were among those released")."""
    counts = Counter(ctx.registry.top(n.entity) for n in ctx.names
                     if n.entity and ctx.registry.kind(n.entity) == "place")
    countries = [c for c, _ in counts.most_common() if ctx.registry.get(c).place_kind == "country"]
    freeing: Counter = Counter()
    for sentence in sentences:
        share = 0.25 if sentence.heading else 1.0  # a headline's ("Egypt pardons 200") counts when the body names none
        # the sentence's first freeing, past one the news comes after ("It comes a day after Russia freed X")
        for match in [m for m in sentence.freeing() if not AFTER_ANOTHER.search(
                ctx.text, max(sentence.start, sentence.start + m.start() - 80), sentence.start + m.start())][:1]:
            at = sentence.start + match.start()
            before = ctx.text[max(sentence.start, at - 80):at]
            # before a freeing told as a noun, one who reacts to it is not who did it: "The Norwegian committee expressed
            # relief at X’s release", "The Lithuanian government welcomed the release": only the words after the reaction
            reacted = list(REACTION.finditer(before)) if FREEING_NOUN.fullmatch(match.group(0)) else []
            before = before[reacted[-1].end():] if reacted else before
            passive = (PATIENT.search(ctx.text, max(sentence.start, at - 40), at) or PATIENT_WORDS.match(match.group(0))) \
                and not match.group(0).lower().endswith("ing")  # "Belarus is releasing 14": active, progressive
            if passive:  # "were freed by Moscow", "Released By Belarus": the agent frees
                agent = AGENT.match(ctx.text, sentence.start + match.end(), sentence.end)
                for word in re.finditer(r"\b[A-Z][a-z]+\b", agent.group("who") if agent else ""):
                    _vote(ctx, freeing, word.group(0), share)
            for word in re.finditer(r"\b[A-Z][a-z]+\b(?=[^,;:—–]*$)", before):  # in the freeing's own clause
                if passive and COUNTED.search(before, 0, word.start()):
                    continue  # "two Polish citizens were among those released": a group of the freed, often foreign
                # before a passive freeing, who was freed ("Nicaraguan Bishop X has been released"): a domestic
                # release frees its own nationals, so they count for less than an actor ("Belarus freed")
                _vote(ctx, freeing, word.group(0), (0.5 if passive else 1.0) * share)
            source = FREED_FROM.match(ctx.text, sentence.start + match.end(), sentence.end)
            if source:  # "the release of 23 detainees from Belarus": freed from that country's prisons
                _vote(ctx, freeing, source.group("country"), 0.5 * share)
    if freeing:
        chosen = max(freeing, key=lambda c: (freeing[c], counts[c]))
        # a country the registry lacks ("Vietnam freed more than 2,000 convicts"): proposed once it wins
        return _propose_country(ctx, chosen[1:]) if chosen.startswith(UNKNOWN) else chosen
    return countries[0] if countries else None


FREEING_NOUN = re.compile(r"releases?|pardons?|freeing", re.IGNORECASE)
REACTION = re.compile(r"\b(?:welcom\w*|hail\w*|prais\w*|celebrat\w*|applaud\w*|relie[fv]\w*|joy\w*|happ\w*|thank\w*|"
                      r"glad|delight\w*|react\w*|respond\w*|greet\w*)\b", re.IGNORECASE)
"""Words of a reaction to a freeing told as a noun ("expressed relief at X’s release", "welcomed the release")."""
AFTER_ANOTHER = re.compile(r"\b(?:on\s+the\s+heels\s+of|(?:comes?|came|coming)\s+(?:a|one|two|three|several|\d+)\s+"
                           r"(?:days?|weeks?|hours?|months?)\s+(?:after|following))\b[^,;:]*$|"
                           r"\bfollow(?:s|ed|ing)\s+(?:on\s+from\s+)?(?:the|a|an|his|her|their|[A-Z][\w.’'-]*[’']s)\s+"
                           r"(?:[\w-]+\s+)?$", re.IGNORECASE)
"""Words that make a freeing another event the news comes after, a time after it ("The decision comes on the heels of
Estonia freeing X", "The news comes a day after Poland freed Y") or named by its noun ("following the surprise
release in May of Z", "follows Moscow's release of W"); not "The move came after Belarus freed 14", which tells of
the page's own."""
PATIENT = re.compile(r"\b(?:(?:were|was|been|being|are|is|be|get|gets|got)\s+(?:(?:\w+ly|also|just|then|later|all|"
                     r"since|finally|now)\s+)*|(?:those|these|them|others|prisoners|detainees|inmates|people|citizens|"
                     r"nationals)\s+)$", re.IGNORECASE)
"""What comes before a freeing word that makes it passive, or a participle of the people freed: "were also freed",
"those released", "prisoners pardoned"."""
PATIENT_WORDS = re.compile(r"the\s+freed|(?:were|was|been)\s", re.IGNORECASE)
"""Words of freeing (context.FREEING) that name the freed, not who frees: "the freed", "were handed over"."""
AGENT = re.compile(r"\s+(?:(?:on|last|this|early|late)\s+\w+\s+|(?:yesterday|today|also|then|later)\s+)?[Bb]y\s+"
                   r"(?!(?:bus|car|coach|train|plane|air|road|land|sea)\b)"
                   r"(?P<who>[^,;:.]{1,40}?)(?=\s+(?:and|to|after|on|at|for|as|when|while|with|under)\b|[,;:.]|$)")
"""The agent right after a passive freeing: "were freed on Thursday by Belarus", "freed by the authorities in Minsk on
...", not a vehicle ("those freed were driven by bus")."""
COUNTED = re.compile(r"\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|\d[\d,]*)\s+"
                     r"(?:[a-z]+\s+)?$", re.IGNORECASE)
"""A count or an article just before a demonym: "two Polish citizens", "a former Iranian official"."""


UNKNOWN = "?"
"""Marks a vote for a country ISO 3166 names but the registry lacks, by its name ("?Vietnam")."""


def _vote(ctx: Context, votes: Counter, word: str, weight: float) -> None:
    """A vote for the country a word names (a city's, for a city: "by Moscow"): the registry's, else one ISO 3166
    names (counted under its name, proposed only if it wins)."""
    known, iso = demonym_country(ctx, word)
    known = known or _place_named(ctx, word)
    known = ctx.registry.top(known) if known else None
    if known and ctx.registry.get(known).place_kind == "country":
        votes[known] += weight
    elif known is None and iso:
        votes[UNKNOWN + iso] += weight


def country_of(ctx: Context, word: str) -> str | None:
    """The country an adjective or demonym names: "Belarusian", "Ukrainians", "American". One the registry
    does not have yet is proposed with its entry, when the demonym's country is a country by ISO 3166
    (pycountry): "Latvians" -> Latvia, "Germans" -> Germany, "Japanese" -> Japan."""
    known, country = demonym_country(ctx, word)
    return known or (_propose_country(ctx, country) if country else None)


def demonym_country(ctx: Context, word: str) -> tuple[str | None, str | None]:
    """The country a demonym names, as (registry id, name): the id when the registry has the country
    (else None), and its ISO 3166 name where it was read from pycountry or the exceptions (else None);
    (None, None) when the word names no country. Proposes nothing."""
    key = re.sub(r"[’']s$", "", word.lower()).strip(".,").replace(".", "")
    if key in FAITHS:
        return None, None  # "12 Roman Catholic priests": a church, not a country's nationals
    if key in DEMONYM_EXCEPTIONS:
        return _place_named(ctx, DEMONYM_EXCEPTIONS[key]), DEMONYM_EXCEPTIONS[key]
    # a country's people, not a province's or a city's ("five Papuans" are no nationality)
    for entity in (e for e in ctx.registry.entities.values() if e.kind == "place" and e.place_kind in (None, "country")):
        for name in (entity.name, *entity.aliases):
            stem = name.lower()
            forms = {stem + "ian", stem + "n", stem[:-1] + "ian", stem[:-1] + "ean", stem + "ese", stem[:-1] + "an"}
            if key in forms or key.rstrip("s") in forms:
                return entity.id, None
    named = _place_named(ctx, word)
    if named and ctx.registry.get(named).place_kind == "country":
        return named, None  # the country's own name used as an adjective ("Belarus nationals")
    country = iso_country(key)
    return (_place_named(ctx, country), country) if country else (None, None)


def _propose_country(ctx: Context, name: str) -> str:
    return ctx.propose("places", {"id": slug(name), "name": name, "kind": "country", "aliases": []})


def _place_named(ctx: Context, name: str) -> str | None:
    resolved = ctx.registry.resolve(name).entity_id
    return resolved if resolved and ctx.registry.kind(resolved) == "place" else None


def group_of(ctx: Context, noun: str) -> str | None:
    """The registry group a noun phrase names ("Ukrainian nationals", "Americans"), or a proposed
    `<nationality>-nationals` group for a nationality the registry has no group for ("Estonians")."""
    noun = noun.strip()
    for candidate in (noun, noun.rstrip("s"), noun + "s"):
        resolved = ctx.registry.resolve(candidate).entity_id
        if resolved and ctx.registry.kind(resolved) == "group":
            return resolved
    words = noun.split()
    if re.fullmatch(r"(?:foreign\s+nationals|foreigners|foreign\s+citizens|dual\s+nationals)", noun, re.IGNORECASE):
        existing = ctx.registry.resolve("foreign nationals").entity_id
        if existing and ctx.registry.kind(existing) == "group":
            return existing
        entry = {"id": slug(noun if "dual" in noun.lower() else "foreign nationals"),
                 "name": "Dual nationals" if "dual" in noun.lower() else "Foreign nationals", "aliases": [noun]}
        if ctx.registry.root_group():
            entry["part_of"] = ctx.registry.root_group()
        return ctx.propose("groups", entry)
    if not words or not words[0][:1].isupper() or \
            (len(words) > 1 and words[1].lower() not in ("nationals", "citizens", "citizen", "national")):
        return None
    country = country_of(ctx, words[0])
    if country is None:
        return None
    return nationals_of(ctx, country, words[0], " ".join(words))


def nationals_of(ctx: Context, country: str, written: str, alias: str | None = None) -> str:
    """The group of a country's nationals: the registry's or this draft's, else one proposed (an
    invented country's people -> its adjective's slug, then "-nationals")."""
    existing = [e.id for e in ctx.registry.entities.values() if e.kind == "group" and e.nationality == country]
    existing += [g["id"] for g in ctx.proposals.get("groups", {}).values() if g.get("nationality") == country]
    if existing:
        return existing[0]
    adjective = _adjective_of(ctx, country, written)
    entry = {"id": f"{slug(adjective)}-nationals", "name": f"{adjective} nationals", "nationality": country,
             "aliases": [alias or written]}
    parent = _narrowest_parent(ctx, country)
    if parent:
        entry["part_of"] = parent
    return ctx.propose("groups", entry)


def _narrowest_parent(ctx: Context, country: str) -> str | None:
    """Where a new nationality group sits: inside the foreign nationals (a group of the registry's or one
    the draft proposes) when it is not the releasing country's, else inside everyone freed."""
    if country != ctx.country:
        foreign = ctx.registry.resolve("foreign nationals").entity_id
        if foreign and ctx.registry.kind(foreign) == "group":
            return foreign
        proposed = next((g["id"] for g in ctx.proposals.get("groups", {}).values()
                         if g["name"] == "Foreign nationals"), None)
        if proposed:
            return proposed
    return ctx.registry.root_group()


ADJECTIVE_OF = {  # the adjective a country's nationals are named with, where it is not the demonym less "s"
    "Poland": "Polish", "United States": "US", "United Kingdom": "British", "Netherlands": "Dutch",
    "Ukraine": "Ukrainian", "France": "French", "Germany": "German", "Sweden": "Swedish", "Denmark": "Danish", "Finland": "Finnish",
    "Norway": "Norwegian", "Switzerland": "Swiss", "Ireland": "Irish", "Spain": "Spanish", "Turkey": "Turkish",
    "China": "Chinese", "Japan": "Japanese", "Czech Republic": "Czech", "Israel": "Israeli",
}


def _adjective_of(ctx: Context, country: str, written: str) -> str:
    """The adjective a group of the country's nationals is named with: "Estonians" -> "Estonian",
    "Poles" -> "Polish"."""
    entity = ctx.registry.get(country)
    name = entity.name if entity else ctx.proposals["places"][country]["name"]
    if name in ADJECTIVE_OF:
        return ADJECTIVE_OF[name]
    if written == name:  # the country's own name ("from Latvia"): its usual adjective
        return name + "n" if name.endswith("a") else name + "ian" if name.endswith("s") else name
    return written[:-1] if written.endswith(("ians", "ans", "ns")) else written


NEIGHBOURING = re.compile(r"(?:(?:the\s+)?(?:neighbou?ring|nearby)\s+)?")
"""A word before a place's name that sets it beside another ("neighbouring Lithuania")."""


def place_after(ctx: Context, sentence: Sentence, offset: int, reach: int = 3) -> Name | None:
    """A place named at `offset` (or "that country": the country named last before it), also after a word that
    places it beside another ("to neighbouring Lithuania")."""
    offset += NEIGHBOURING.match(ctx.text, offset, sentence.end).end() - offset
    for name in sentence.names_within(offset, offset + reach + 1):
        if ctx.kind(name) == "place":
            return name
    that = re.match(r"\s*((?:that|the)\s+country)\b", ctx.text[offset:offset + 20], re.IGNORECASE)
    country = last_country(ctx, sentence, offset) if that else None
    if country is None:
        return None
    return Name(that.group(1), offset + that.start(1), offset + that.end(1), country.entity)


def border_of(ctx: Context, offset: int) -> Name | None:
    """The country whose border is named at `offset` by its demonym ("the Polish border"): one is sent there."""
    border = re.match(r"(?:the\s+)?(?P<adj>[A-Z][a-z]+)\s+border\b", ctx.text[offset:offset + 40])
    country = country_of(ctx, border.group("adj")) if border else None
    return Name(border.group(0), offset, offset + border.end(), country) if country else None


WRITTEN_NAME = re.compile(rf"[{UPPER}][\w’'-]+(?:\s+[{UPPER}][\w’'-]+){{0,2}}")
"""Up to three capitalised words, a country's name as written ("Japan", "United States")."""


def country_at(ctx: Context, sentence: Sentence, offset: int, itself: bool = False) -> Name | None:
    """A country named at `offset` ("Japan", "the United States", "neighbouring Lithuania"): the registry's,
    or one ISO 3166 names, proposed with its entry. A place in a country stands for it ("Vilnius": Lithuania), unless
    `itself`: then only a country's own name is one (people counted "from Vilnius" are no Lithuanian nationals)."""
    lead = re.match(r"(?:the\s+)?(?:neighbou?ring\s+)?", ctx.text[offset:offset + 20], re.IGNORECASE)
    offset += lead.end()
    place = place_after(ctx, sentence, offset, reach=0)
    if place is not None:
        if itself and ctx.registry_place_kind(place.entity) not in ("country", None):
            return None
        top = ctx.registry.top(place.entity) if place.entity in ctx.registry else place.entity
        return Name(place.text, place.start, place.end, top)
    written = WRITTEN_NAME.match(ctx.text, offset, sentence.end)
    for words in range(len(written.group(0).split()) if written else 0, 0, -1):
        name = " ".join(written.group(0).split()[:words])
        country = iso_names().get(name.lower())
        if country:
            entity = _place_named(ctx, country) or _propose_country(ctx, country)
            return Name(name, offset, offset + len(name), entity)
    return None


def last_country(ctx: Context, sentence: Sentence, offset: int) -> Name | None:
    """The country named last before `offset` in the sentence, by name or adjective ("Ukrainian officials")."""
    best = None
    for name in sentence.names:
        if name.end <= offset and ctx.kind(name) == "place":
            best = name
    for match in re.finditer(r"\b[A-Z][a-z]+\b", ctx.text[sentence.start:offset]):
        country = country_of(ctx, match.group(0))
        start = sentence.start + match.start()
        if country and (best is None or start > best.start):
            best = Name(match.group(0), start, start + len(match.group(0)), country)
    return best


NOT_PLACES = {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "court", "prison",
              "jail", "hospital", "safety", "freedom", "exile", "January", "February", "March", "April", "May", "June",
              "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
              "Thursday", "Friday", "Saturday", "Sunday"}


def new_place(ctx: Context, sentence: Sentence, offset: int) -> Name | None:
    """A place the registry does not know, written where a movement ends ("two went to Kaunas"): proposed
    as a city for the contributor to check (its kind, and the country it is in)."""
    match = re.match(r"([A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?)\b(?!\s+[A-Z])", ctx.text[offset:sentence.end])
    if not match or match.group(1).split()[0] in NOT_PLACES:
        return None
    if any(n.start == offset and n.entity for n in sentence.names) or ctx.registry.resolve(match.group(1)).entity_id:
        return None  # a known entity of another kind (a person, an organisation): not a destination
    name = match.group(1)
    ctx.propose("places", {"id": slug(name), "name": name, "kind": "city", "aliases": [],
                           "notes": f"proposed by extract from \"... to {name}\": check its kind and add part_of "
                                    "(the country it is in)"})
    return Name(name, offset, offset + match.end(1), slug(name))
