"""Contributions nobody can tune to: seeded articles, written the way a contributor adds one.

`write_contribution(root, seed)` adds articles to the project at `root` (a copy of the repository):
each article's text, its finished claims file, its manifest entry, and the registry entries it needs
(new people, places, groups, releases and sanctions; a new misspelling of a known person under that
person's `misspellings`). What it says is drawn from what the project already holds (its registry
and its committed package), never from names written here, so it works for whatever the dataset has
grown into. Over a few seeds every case below is written:

  new-release          a release the project does not know, with its total and destinations
  new-person           someone the registry does not know, freed in that release
  known-release-person a new person freed in a release the project knows
  new-group            a group inside an existing group, counted in a release
  new-destination      a country the registry does not know, as a destination
  disagreeing-figure   a total for a known release that disagrees with the resolved one
  other-date           a known release dated differently from the resolved day
  month-date           a date given only as a month
  age-as-of            an age on a date in the past ("34 when she was detained in March 2021")
  new-spelling         a known person's name spelt a new way (added as a misspelling)
  new-sanction         a sanction the registry does not know, imposed and lifted
  repeats              an article that only repeats facts the project already resolves
  stayed-behind        someone freed in a release who stayed at home while the release went abroad
  more-named           a release that names more people freed than the number it freed
  parts-exceed         counts of nationalities that add up to more than the release freed
  broken-down          a release broken down completely by nationality into parts that fall short
  held-after-freed     someone said to be held since a day after their release
  stock-after          a count of those held before a new release and after it, further apart than
                       the release freed
  city-of-country      a known release's figure for a country given again for a city in it
  several-envoys       a known release's envoy joined by another (one negotiated, one announced)
  parts-across         a count of one nationality freed in a known release whose count of another
                       nationality another source gives: together more than the release freed
  listed-misspelling   a figure attributed to a known person through a misspelling the registry lists

The six before the last four are what articles get wrong, or disagree on, within themselves: each makes
a conflict of its own kind (person_exception, named_people, partition_sum, breakdown, date_order,
arithmetic), so that with the others every kind of conflict the schema allows is made by a valid
contribution. The last four are shapes the first real contributions made across articles: an explained
row with one value (a city and its country given the same figure), several true values, a partition
summed across sources, and a name the registry explains.

    python -m tests.growth --seed 7 DIR      # write seed 7's contribution into the project DIR
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

CASES = ("new-release", "new-person", "known-release-person", "new-group", "new-destination", "disagreeing-figure",
         "other-date", "month-date", "age-as-of", "new-spelling", "new-sanction", "repeats", "stayed-behind",
         "more-named", "parts-exceed", "broken-down", "held-after-freed", "stock-after", "city-of-country",
         "several-envoys", "parts-across", "listed-misspelling")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten",
         11: "eleven", 12: "twelve"}
OUTLETS = ("Lakeside Courier", "Northern Ledger", "Harbour Times", "Riverbank Post", "Plainview Gazette",
           "Meadow Wire", "Valley Dispatch", "Coastline Herald")
COUNTRIES = ("Latvia", "Estonia", "Germany", "Georgia", "Moldova", "France", "Czechia", "Slovakia", "Finland",
             "Sweden", "Denmark", "Austria", "Ireland", "Portugal", "Romania", "Bulgaria", "Croatia", "Norway")
FIRST = ("Alina", "Dmitri", "Kasia", "Yuras", "Olesia", "Matvei", "Ryta", "Zmitser", "Hanna", "Taras", "Ilona",
         "Artsiom", "Nadzeya", "Uladzimir", "Palina", "Kiryl")
SYLLABLES = ("bar", "vel", "kor", "min", "dash", "lyn", "ser", "tov", "rud", "zel", "pak", "hon", "mir", "vach",
             "lub", "sen", "tar", "dob", "nev", "ros")
ENDINGS = ("enka", "ovich", "ski", "uk", "ava", "ich", "enia", "ouski")
GROUPS = ("journalists", "trade unionists", "students", "doctors", "priests", "lawyers", "artists", "teachers")
ROLES = ("journalist", "blogger", "trade unionist", "student activist", "lawyer", "teacher", "poet", "doctor")
COMPANIES = ("Granite Mills", "Northway Freight", "Pine Chemical Works", "Amber Glassworks", "Steppe Motors",
             "Silver Tractor Plant", "Dnieper Shipping", "Polesie Timber")
CITIES = ("Daugavpils", "Bialystok", "Lublin", "Kaunas", "Klaipeda", "Lviv", "Rivne", "Tartu", "Gdansk")
GENERATED = "Generated by tests/growth.py for the growth check; not a real article, never published."


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def spoken(day: dt.date, year: bool = True) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}" + (f", {day.year}" if year else "")


def number(value: int, rng: random.Random) -> str:
    return WORDS[value] if value in WORDS and rng.random() < 0.5 else f"{value:,}"


# --- what the project holds ------------------------------------------------------------------------

@dataclass
class Known:
    """The project as the generator finds it: registry entries, resolved releases, people freed."""

    registry: dict
    spellings: set[str]
    releases: list[dict]
    destinations: dict[str, list[str]]
    freed: dict[str, list[str]]
    registry_api: object
    vocabulary: dict = field(default_factory=dict)
    """schemas/properties.yaml's properties: what each claim property is about."""
    taken_ids: set[str] = field(default_factory=set)
    """Source ids and claim-id prefixes the project already has: a new article's must differ."""
    destination_rows: dict[str, list[dict]] = field(default_factory=dict)
    """release_destinations rows by release: the resolved figure sent to each place."""
    group_rows: dict[str, list[dict]] = field(default_factory=dict)
    """release_groups rows by release: the resolved count of each group freed."""

    def ids(self) -> set[str]:
        return {e["id"] for entries in self.registry.values() for e in entries or []}

    def root_group(self) -> str:
        return next(g["id"] for g in self.registry.get("groups") or [] if g.get("root"))

    def name_is_free(self, name: str) -> bool:
        """Nobody in the registry is spelt like it or close to it (a contributor's new name stays new)."""
        found = self.registry_api.resolve(name)
        return found.entity_id is None and found.candidate is None


def read_project(root: Path) -> Known:
    from toolkit.ingest.entities import load_registry, normalize
    from toolkit.project import open_project
    from toolkit.report import Report

    registry = yaml.safe_load((root / "seeds" / "registry.yaml").read_text(encoding="utf-8"))
    spellings = {normalize(s) for entries in registry.values() for e in entries or []
                 for s in [e["id"], e["name"], *(e.get("aliases") or []), *(e.get("misspellings") or [])]}
    data = root / "datapackage" / "data"
    releases = _csv(data / "releases.csv")
    destinations: dict[str, list[str]] = {}
    destination_rows: dict[str, list[dict]] = {}
    for row in _csv(data / "release_destinations.csv"):
        destinations.setdefault(row["release_id"], []).append(row["destination_id"])
        destination_rows.setdefault(row["release_id"], []).append(row)
    group_rows: dict[str, list[dict]] = {}
    for row in _csv(data / "release_groups.csv"):
        group_rows.setdefault(row["release_id"], []).append(row)
    freed: dict[str, list[str]] = {}
    for row in _csv(data / "release_people.csv"):
        freed.setdefault(row["release_id"], []).append(row["person_id"])
    api = load_registry(open_project(root), Report())
    taken = {path.stem for path in (root / "seeds" / "articles").glob("*")}
    for ledger in (root / "seeds" / "claims").glob("*.yaml"):
        taken |= {m.group(1) for m in re.finditer(r"^\s*- id: ([a-z0-9-]+?)-\d+\s*$", ledger.read_text(), re.M)}
    vocabulary = yaml.safe_load((root / "schemas" / "properties.yaml").read_text(encoding="utf-8"))["properties"]
    return Known(registry, spellings, releases, destinations, freed, api, vocabulary, taken, destination_rows,
                 group_rows)


def _csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- one article --------------------------------------------------------------------------------

@dataclass
class Article:
    """The text of one generated article, its claims and what the registry must gain for them."""

    source: str
    outlet: str
    published: dt.date
    lines: list[str] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    registry: dict[str, list[dict]] = field(default_factory=dict)
    misspellings: dict[str, str] = field(default_factory=dict)
    cases: set[str] = field(default_factory=set)
    prefix: str = ""
    """Claim ids are PREFIX-001 and on: the outlet's initials with the seed and the article's number."""

    def say(self, line: str) -> str:
        self.lines.append(line)
        return line

    def claim(self, subject: str, prop: str, value, quote: str, **extra) -> None:
        assert quote in "\n".join(self.lines), quote
        entry = {"id": f"{self.prefix}-{len(self.claims) + 1:03d}", "subject": subject, "property": prop, "value": value}
        entry.update({k: v for k, v in extra.items() if v is not None})
        entry["quote"] = quote
        self.claims.append(entry)

    def register(self, section: str, entry: dict) -> None:
        self.registry.setdefault(section, []).append(entry)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + "\n"

    def manifest_entry(self) -> dict:
        data = self.text.encode("utf-8")
        return {"id": self.source, "path": f"articles/{self.source}.txt", "outlet": self.outlet,
                "outlet_inferred": False, "title": None, "published": self.published.isoformat(),
                "published_precision": "day", "published_inferred": False, "language": "en", "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(), "note": GENERATED,
                "url": f"https://example.org/generated/{self.source}"}

    def ledger(self) -> str:
        """The finished claims file: what a contributor's review of the draft ends with."""
        document = {"source": self.source, "claims": self.claims, "skipped": self.skipped}
        return f"# {GENERATED}\n" + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=120)


class Writer:
    """Draws an article's facts from the project and the seed; every figure it writes is claimed."""

    def __init__(self, known: Known, rng: random.Random):
        self.known, self.rng = known, rng
        self.taken: set[str] = set(known.spellings)
        self.ids = known.ids()
        self.phrases: set[str] = set()
        """Words of counts already written, so that no two claims quote the same words for different facts."""

    # names the registry does not know
    def new_person_name(self) -> str:
        from toolkit.ingest.entities import normalize

        for _ in range(200):
            surname = "".join(self.rng.choice(SYLLABLES) for _ in range(2)).capitalize() + self.rng.choice(ENDINGS)
            name = f"{self.rng.choice(FIRST)} {surname}"
            if normalize(name) not in self.taken and normalize(surname) not in self.taken \
                    and self.known.name_is_free(name) and slug(name) not in self.ids:
                self.taken |= {normalize(name), normalize(surname)}
                self.ids.add(slug(name))
                return name
        raise RuntimeError("no free name found")

    def new_person(self, article: Article, role: str | None = None) -> tuple[str, str]:
        name = self.new_person_name()
        article.register("people", {"id": slug(name), "name": name, "aliases": [name.split()[-1]]})
        return slug(name), name

    def new_country(self, article: Article) -> tuple[str, str] | None:
        free = [c for c in COUNTRIES if slug(c) not in self.ids and self.known.name_is_free(c)]
        if not free:
            return None
        name = self.rng.choice(free)
        self.ids.add(slug(name))
        article.register("places", {"id": slug(name), "name": name, "kind": "country", "aliases": []})
        return slug(name), name

    def countries(self) -> list[dict]:
        return [p for p in self.known.registry.get("places") or [] if p.get("kind") == "country"]

    def settled_releases(self, exact: bool = True) -> list[dict]:
        """Releases whose total and day the project resolves (what a later article can repeat or contradict)."""
        settled = {"agreed", "single_source", "resolved_by_curator"}
        return [r for r in self.known.releases if r["released_count_status"] in settled and r["released_count"]
                and (not exact or r["released_count_qualifier"] == "exact")
                and r["date_status"] in settled and r["date_precision"] == "day" and r["date_qualifier"] == "exact"]


def contributions(root: Path, seed: int, articles: int = 2):
    """Yield `articles` generated articles for the project at `root`, one at a time: the caller adds each
    to the project (`save`, or by following CONTRIBUTING.md) before asking for the next, which then
    sees the registry entries the first one added."""
    rng = random.Random(seed)
    writer = Writer(read_project(root), rng)
    cases = list(CASES)
    rng.shuffle(cases)
    for index in range(articles):
        yield _compose(writer, cases[index::articles], seed, index)
        writer.known = read_registry_only(root, writer.known)


def write_contribution(root: Path, seed: int, articles: int = 2) -> list[Article]:
    """Write `articles` generated articles into the project at `root`; return what was written."""
    written = []
    for article in contributions(root, seed, articles):
        save(root, article)
        written.append(article)
    return written


def read_registry_only(root: Path, known: Known) -> Known:
    """After one article's registry entries are in, the next article sees them (its names stay new)."""
    from toolkit.ingest.entities import load_registry
    from toolkit.project import open_project
    from toolkit.report import Report

    known.registry = yaml.safe_load((root / "seeds" / "registry.yaml").read_text(encoding="utf-8"))
    known.registry_api = load_registry(open_project(root), Report())
    return known


def _compose(writer: Writer, cases: list[str], seed: int, index: int) -> Article:
    rng = writer.rng
    outlet = rng.choice(OUTLETS)
    article = Article(source="", outlet=outlet, published=dt.date(2025, 12, 31))
    facts = _plan(writer, cases, article)
    newest = max([d for d in facts.dates] or [dt.date(2025, 12, 1)])
    article.published = min(newest + dt.timedelta(days=rng.randint(1, 9)), dt.date.today())
    article.source = f"{slug(outlet)}-{article.published.isoformat()}-g{seed}-{index}"
    article.prefix = "".join(w[0] for w in slug(outlet).split("-")) + f"{seed}x{index}"
    while article.source in writer.known.taken_ids or article.prefix in writer.known.taken_ids:
        article.source, article.prefix = article.source + "b", article.prefix + "b"  # the seed was applied before
    writer.known.taken_ids |= {article.source, article.prefix}
    city = rng.choice(["Vilnius", "Warsaw", "Kyiv", "Riga", "Minsk"])
    article.lines.insert(0, f"{city}, {spoken(article.published, year=False)} ({outlet}) -")
    article.skipped.append({"quote": f"{spoken(article.published, year=False)} ({outlet})",
                            "reason": "The article's dateline."})
    for write in facts.writers:
        write(article)
    return article


@dataclass
class Plan:
    dates: list[dt.date] = field(default_factory=list)
    writers: list = field(default_factory=list)


def _plan(writer: Writer, cases: list[str], article: Article) -> Plan:
    """Each case becomes a function that writes its sentences and claims; their dates set the publication."""
    rng, plan = writer.rng, Plan()
    settled = writer.settled_releases()
    new_release = None
    if {"new-release", "new-person", "new-group", "new-destination", "month-date"} & set(cases) or not settled:
        new_release = _new_release(writer, article, plan, month_only="month-date" in cases,
                                   with_group="new-group" in cases, with_new_country="new-destination" in cases)
        article.cases |= {"new-release"} | ({"month-date", "new-group", "new-destination"} & set(cases))
    if "new-person" in cases and new_release:
        _person(writer, article, plan, new_release, age_as_of="age-as-of" in cases)
        article.cases |= {"new-person"} | ({"age-as-of"} & set(cases))
    if "known-release-person" in cases and settled:
        release = rng.choice(settled)
        _person(writer, article, plan, (release["release_id"], dt.date.fromisoformat(release["date"]), None),
                age_as_of="age-as-of" in cases and "new-person" not in cases)
        article.cases |= {"known-release-person"} | ({"age-as-of"} & set(cases) if "new-person" not in cases else set())
    if "age-as-of" in cases and "age-as-of" not in article.cases and new_release is None:
        release = rng.choice(settled)
        _person(writer, article, plan, (release["release_id"], dt.date.fromisoformat(release["date"]), None),
                age_as_of=True)
        article.cases |= {"known-release-person", "age-as-of"}
    if "disagreeing-figure" in cases and settled:
        _disagreeing_figure(writer, article, plan, rng.choice(settled))
        article.cases.add("disagreeing-figure")
    if "other-date" in cases and settled:
        _other_date(writer, article, plan, rng.choice(settled))
        article.cases.add("other-date")
    if "repeats" in cases and settled:
        _repeat(writer, article, plan, rng.choice(settled))
        article.cases.add("repeats")
    if "new-spelling" in cases:
        if _new_spelling(writer, article, plan):
            article.cases.add("new-spelling")
    if "new-sanction" in cases:
        _new_sanction(writer, article, plan, new_release)
        article.cases.add("new-sanction")
    if "stayed-behind" in cases and _stayed_behind(writer, article, plan, new_release):
        article.cases.add("stayed-behind")
    if "more-named" in cases:
        _more_named(writer, article, plan)
        article.cases.add("more-named")
    for case, complete in (("parts-exceed", False), ("broken-down", True)):
        if case in cases and _nationalities(writer, article, plan, complete):
            article.cases.add(case)
    if "held-after-freed" in cases:
        _held_after_freed(writer, article, plan, new_release)
        article.cases.add("held-after-freed")
    if "stock-after" in cases and _stock_after(writer, article, plan):
        article.cases.add("stock-after")
    for case, write in (("city-of-country", _city_of_country), ("several-envoys", _several_envoys),
                        ("parts-across", _parts_across), ("listed-misspelling", _listed_misspelling)):
        if case in cases and settled and write(writer, article, plan, rng.choice(settled)):
            article.cases.add(case)
    return plan


def _release_id(writer: Writer, article: Article, plan: Plan, month_only: bool = False) -> tuple[str, dt.date]:
    """A release the project does not know yet, registered by the article: (its id, its day)."""
    rng = writer.rng
    for _ in range(200):
        day = dt.date(2025, rng.randint(1, 11), rng.randint(1, 28))
        release = f"release-{day.isoformat()[:7] if month_only else day.isoformat()}"
        if release not in writer.ids:
            break
    writer.ids.add(release)
    article.register("releases", {"id": release, "name": f"Release of {spoken(day) if not month_only else MONTHS[day.month - 1] + ' ' + str(day.year)}",
                                  "aliases": []})
    plan.dates.append(day)
    return release, day


def _new_release(writer: Writer, article: Article, plan: Plan, month_only: bool, with_group: bool,
                 with_new_country: bool) -> tuple[str, dt.date, dict]:
    rng = writer.rng
    release, day = _release_id(writer, article, plan, month_only)
    total = rng.randint(12, 90)
    countries = [c for c in writer.countries() if c["id"] != _home(writer)]
    places = rng.sample(countries, k=min(len(countries), rng.randint(1, 2)))
    new_country = writer.new_country(article) if with_new_country else None
    places = [(p["id"], p["name"]) for p in places]
    if new_country:
        places.append(new_country)
    cuts = sorted(rng.sample(range(1, total), len(places) - 1)) if len(places) > 1 else []
    shares = [b - a for a, b in zip([0, *cuts], [*cuts, total])]
    facts = {"total": total, "places": list(zip(places, shares)), "day": day, "month_only": month_only}

    def write(article: Article) -> None:
        when = f"in {MONTHS[day.month - 1]} {day.year}" if month_only else f"on {spoken(day)}"
        article.say(f"Belarus freed {total} prisoners {when}, officials said.")
        article.claim(release, "released_count", total, f"Belarus freed {total} prisoners")
        article.claim(release, "date", day.isoformat()[:7] if month_only else day.isoformat(),
                      f"Belarus freed {total} prisoners {when}")
        parts = [f"{share} were taken to {name}" for (_, name), share in facts["places"]]
        article.say("Of them, " + " and ".join(parts) + ".")
        for ((place, name), share), part in zip(facts["places"], parts):
            article.claim(release, "destination_count", share, part, scope=place)
        if with_group:
            _group_count(writer, article, release, total)

    plan.writers.append(write)
    return release, day, facts


def _home(writer: Writer) -> str | None:
    """The country whose prisons the dataset is about: the one most places sit in (it frees, it is not a destination)."""
    places = writer.known.registry.get("places") or []
    counts: dict[str, int] = {}
    for place in places:
        if place.get("part_of"):
            counts[place["part_of"]] = counts.get(place["part_of"], 0) + 1
    return max(counts, key=counts.get) if counts else None


def _group_count(writer: Writer, article: Article, release: str, total: int) -> None:
    """A new group inside an existing one, counted in the release: it fits inside its parent's count."""
    rng, known = writer.rng, writer.known
    groups = known.registry.get("groups") or []
    parents = [g for g in groups if not g.get("root") and not g.get("nationality") and not g.get("partition")]
    parent = rng.choice(parents) if parents else next(g for g in groups if g.get("root"))
    taken = {g["id"] for g in groups} | writer.ids
    label = next((g for g in rng.sample(GROUPS, len(GROUPS)) if slug(f"{g} {parent['id']}") not in taken
                  and writer.known.name_is_free(f"{g.capitalize()} among {parent['name'].lower()}")), None)
    if label is None:
        return
    group = slug(f"{label} {parent['id']}")
    writer.ids.add(group)
    article.register("groups", {"id": group, "name": f"{label.capitalize()} among {parent['name'].lower()}",
                                "part_of": parent["id"], "aliases": []})
    inside = rng.randint(2, max(2, total // 2))
    if parent.get("root"):
        article.say(f"Among those freed were {inside} {label}, a rights group said.")
        article.claim(release, "released_count", inside, f"Among those freed were {inside} {label}", population=group)
        return
    outer = rng.randint(inside, total)
    article.say(f"The freed included {outer} {parent['name'].lower()}, {inside} of them {label}.")
    article.claim(release, "released_count", outer, f"The freed included {outer} {parent['name'].lower()}",
                  population=parent["id"])
    article.claim(release, "released_count", inside, f"{inside} of them {label}", population=group)


def _person(writer: Writer, article: Article, plan: Plan, release: tuple, age_as_of: bool) -> None:
    rng = writer.rng
    release_id, day, facts = release
    person, name = writer.new_person(article)
    role = rng.choice(ROLES)
    arrested = dt.date(rng.randint(2020, 2023), rng.randint(1, 12), 1)
    if arrested >= day:
        arrested = dt.date(day.year - 2, day.month, 1)
    age = rng.randint(22, 70)
    plan.dates.append(day)
    destination = None
    if facts and facts["places"]:
        destination = rng.choice(facts["places"])[0]
    else:
        known_places = writer.known.destinations.get(release_id) or []
        names = {p["id"]: p["name"] for p in writer.known.registry.get("places") or []}
        destination = next(((p, names[p]) for p in known_places if p in names), None)

    def write(article: Article) -> None:
        line = article.say(f"{name}, a {role}, was among those freed.")
        article.claim(person, "released_in", release_id, line)
        article.claim(person, "role", role, f"a {role}")
        if age_as_of:
            when = f"{MONTHS[arrested.month - 1]} {arrested.year}"
            line = article.say(f"She was {age} when she was detained in {when}.")
            article.claim(person, "age", age, line, as_of=arrested.isoformat()[:7])
            article.claim(person, "imprisoned_since", arrested.isoformat()[:7], f"detained in {when}")
        else:
            line = article.say(f"{name.split()[-1]}, {age}, had been held since {arrested.year}.")
            article.claim(person, "age", age, f"{name.split()[-1]}, {age},")
            article.claim(person, "imprisoned_since", str(arrested.year), f"held since {arrested.year}")
        if destination:
            line = article.say(f"{name.split()[-1]} was taken to {destination[1]}.")
            article.claim(person, "sent_to", destination[0], line)

    plan.writers.append(write)


def _disagreeing_figure(writer: Writer, article: Article, plan: Plan, release: dict) -> None:
    rng = writer.rng
    resolved = int(release["released_count"])
    other = max(1, resolved + rng.choice([-1, 1]) * rng.randint(3, 20))
    day = dt.date.fromisoformat(release["date"])
    plan.dates.append(day)

    def write(article: Article) -> None:
        article.say(f"By its own count, the release of {spoken(day)} freed {other} people.")
        article.claim(release["release_id"], "released_count", other, f"freed {other} people")
        article.claim(release["release_id"], "date", day.isoformat(), f"the release of {spoken(day)}")

    plan.writers.append(write)


def _other_date(writer: Writer, article: Article, plan: Plan, release: dict) -> None:
    rng = writer.rng
    day = dt.date.fromisoformat(release["date"])
    shifted = day + dt.timedelta(days=rng.choice([-3, -2, -1, 1, 2]))
    plan.dates.append(max(day, shifted))
    total = int(release["released_count"])

    def write(article: Article) -> None:
        article.say(f"The {total} prisoners were freed on {spoken(shifted)}, the paper reported.")
        article.claim(release["release_id"], "date", shifted.isoformat(), f"freed on {spoken(shifted)}")
        article.claim(release["release_id"], "released_count", total, f"The {total} prisoners were freed")

    plan.writers.append(write)


def _repeat(writer: Writer, article: Article, plan: Plan, release: dict) -> None:
    day = dt.date.fromisoformat(release["date"])
    plan.dates.append(day)
    total = int(release["released_count"])
    people = writer.known.freed.get(release["release_id"]) or []
    names = {p["id"]: p["name"] for p in writer.known.registry.get("people") or []}
    person = next((p for p in sorted(people) if p in names), None)

    def write(article: Article) -> None:
        article.say(f"Belarus released {total} prisoners on {spoken(day)}.")
        article.claim(release["release_id"], "released_count", total, f"Belarus released {total} prisoners")
        article.claim(release["release_id"], "date", day.isoformat(), f"prisoners on {spoken(day)}")
        if person:
            line = article.say(f"{names[person]} was among them.")
            article.claim(person, "released_in", release["release_id"], line)

    plan.writers.append(write)


def _variant(name: str, rng: random.Random) -> str:
    """A plausible misspelling of a surname: a letter doubled, dropped or swapped for its look-alike."""
    words = name.split()
    surname = words[-1]
    edits = []
    for i, letter in enumerate(surname):
        if i and letter.isalpha():
            edits.append(surname[:i] + letter + surname[i:])  # doubled
        if i and surname[i - 1] == letter:
            edits.append(surname[:i] + surname[i + 1:])  # undoubled
        swap = {"i": "y", "y": "i", "k": "c", "c": "k", "a": "o", "o": "a", "s": "z", "z": "s", "v": "w"}.get(letter)
        if i and swap:
            edits.append(surname[:i] + swap + surname[i + 1:])
    return " ".join([*words[:-1], rng.choice(edits)]) if edits else name + "h"


def _new_spelling(writer: Writer, article: Article, plan: Plan) -> bool:
    """A known person's name spelt a new way: the contributor lists it under that person's misspellings."""
    from toolkit.ingest.entities import normalize

    rng = writer.rng
    people = [p for p in writer.known.registry.get("people") or [] if len(p["name"].split()) >= 2]
    if not people:
        return False
    for _ in range(50):
        person = rng.choice(people)
        variant = _variant(person["name"], rng)
        if normalize(variant) not in writer.taken and writer.known.registry_api.resolve(variant).entity_id is None:
            break
    else:
        return False
    writer.taken.add(normalize(variant))
    article.misspellings[person["id"]] = variant
    settled = writer.settled_releases()
    release = rng.choice(settled) if settled else None

    def write(article: Article) -> None:
        if release is None:
            return
        day = dt.date.fromisoformat(release["date"])
        total = int(release["released_count"])
        article.say(f"{total} prisoners walked free on {spoken(day)}, {variant} said.")
        article.claim(release["release_id"], "released_count", total, f"{total} prisoners walked free",
                      attributed_to=variant)
        article.claim(release["release_id"], "date", day.isoformat(), f"walked free on {spoken(day)}",
                      attributed_to=variant)

    if release is not None:
        plan.dates.append(dt.date.fromisoformat(release["date"]))
    plan.writers.append(write)
    return release is not None


def _new_sanction(writer: Writer, article: Article, plan: Plan, new_release) -> None:
    rng = writer.rng
    company = next((c for c in rng.sample(COMPANIES, len(COMPANIES))
                    if slug(c) not in writer.ids and writer.known.name_is_free(c)), None)
    if company is None:
        return
    home = _home(writer)
    writer.ids |= {slug(company), f"sanctions-{slug(company)}"}
    article.register("organisations", {"id": slug(company), "name": company, "aliases": [],
                                       **({"country": home} if home else {})})
    article.register("sanctions", {"id": f"sanctions-{slug(company)}", "name": f"US sanctions on {company}",
                                   "aliases": [f"sanctions on {company}"]})
    imposed = dt.date(rng.randint(2021, 2024), rng.randint(1, 12), 1)
    lifted = dt.date(2025, rng.randint(1, 11), rng.randint(1, 28))
    plan.dates.append(lifted)
    sanction = f"sanctions-{slug(company)}"

    def write(article: Article) -> None:
        imposed_text = f"{MONTHS[imposed.month - 1]} {imposed.year}"
        article.say(f"Washington lifted its sanctions on {company} on {spoken(lifted)}, after imposing them in "
                    f"{imposed_text}.")
        article.claim(sanction, "target", company, f"sanctions on {company}")
        article.claim(sanction, "lifted_on", lifted.isoformat(), f"lifted its sanctions on {company} on {spoken(lifted)}")
        article.claim(sanction, "imposed_on", imposed.isoformat()[:7], f"after imposing them in {imposed_text}")

    plan.writers.append(write)


def _stayed_behind(writer: Writer, article: Article, plan: Plan, new_release) -> bool:
    """A person freed in a release whose people all went abroad, said to have stayed at home."""
    home = _home(writer)
    names = {p["id"]: p["name"] for p in writer.known.registry.get("places") or []}
    month_only = False
    if new_release is not None:
        release, day, facts = new_release
        abroad, month_only = [place for (place, _), _ in facts["places"]], facts["month_only"]
    else:
        known = [r for r in writer.settled_releases() if writer.known.destinations.get(r["release_id"])]
        if not known:
            return False
        chosen = writer.rng.choice(known)
        release, day = chosen["release_id"], dt.date.fromisoformat(chosen["date"])
        abroad = writer.known.destinations[chosen["release_id"]]
    if home is None or home not in names or home in abroad:
        return False
    person, name = writer.new_person(article)
    plan.dates.append(day)

    def write(article: Article) -> None:
        when = f"in {MONTHS[day.month - 1]} {day.year}" if month_only else f"on {spoken(day)}"
        article.say(f"{name} was freed {when} but stayed in {names[home]}, relatives said.")
        article.claim(person, "released_in", release, f"{name} was freed {when}")
        article.claim(person, "sent_to", home, f"{name} was freed {when} but stayed in {names[home]}")
        _date_once(article, release, day, month_only, f"freed {when}")

    plan.writers.append(write)
    return True


def _more_named(writer: Writer, article: Article, plan: Plan) -> None:
    """A release of two or three people whose article names one more."""
    rng = writer.rng
    release, day = _release_id(writer, article, plan)
    total = rng.randint(2, 3)
    people = [writer.new_person(article) for _ in range(total + 1)]

    def write(article: Article) -> None:
        listed = ", ".join(name for _, name in people[:-1]) + f" and {people[-1][1]}"
        article.say(f"{WORDS[total].capitalize()} people were freed on {spoken(day)}: {listed}.")
        article.claim(release, "released_count", total, f"{WORDS[total].capitalize()} people were freed")
        article.claim(release, "date", day.isoformat(), f"freed on {spoken(day)}")
        for person, name in people:
            article.claim(person, "released_in", release, name)

    plan.writers.append(write)


def _nationalities(writer: Writer, article: Article, plan: Plan, complete: bool) -> bool:
    """A new release's freed counted by two nationalities the registry has under the same parent group
    (the parent's count given too, when it is not everyone freed): more than the parent's count
    (`complete` False), or fewer where the article says that was all of them (`breakdown`)."""
    rng, registry = writer.rng, writer.known.registry_api
    by_parent: dict[str, list[dict]] = {}
    for group in writer.known.registry.get("groups") or []:
        if group.get("nationality") and group.get("part_of"):
            by_parent.setdefault(group["part_of"], []).append(group)
    parents = sorted(p for p, gs in by_parent.items() if len(gs) >= 2)
    if not parents:
        return False
    parent = rng.choice(parents)
    first, second = rng.sample(by_parent[parent], 2)
    label = registry.get(first["id"]).partition_label
    everyone = parent == writer.known.root_group()
    group_name = registry.get(parent).name
    group_name = group_name[0].lower() + group_name[1:]
    release, day = _release_id(writer, article, plan)
    total = rng.randint(6, 30)
    whole = total if everyone else rng.randint(6, total)
    for _ in range(50):  # each part's words are the article's only ones: its quote is where it is said
        if complete:
            one = rng.randint(1, whole // 2)
            two = rng.randint(1, whole - one - 1)  # short of the whole by at least one
        else:
            one = rng.randint(whole // 2 + 1, whole)
            two = rng.randint(whole - one + 1, whole)  # together more than the whole, each within it
        phrases = {f"{one} {first['name']}", f"{two} {second['name']}"}
        if not phrases & writer.phrases:
            break
    else:
        return False
    writer.phrases |= phrases

    def write(article: Article) -> None:
        parts = f"{one} {first['name']} and {two} {second['name']}"
        if everyone and complete:
            article.say(f"The {total} people freed on {spoken(day)} were {parts}.")
            article.claim(release, "released_count", total, f"The {total} people freed", breakdown=label)
            article.claim(release, "date", day.isoformat(), f"freed on {spoken(day)}")
        else:
            article.say(f"Belarus freed {total} people on {spoken(day)}.")
            article.claim(release, "released_count", total, f"Belarus freed {total} people on {spoken(day)}")
            article.claim(release, "date", day.isoformat(), f"freed {total} people on {spoken(day)}")
            if everyone:
                article.say(f"Among them were {parts}.")
            elif complete:
                article.say(f"The {whole} {group_name} among them were {parts}.")
                article.claim(release, "released_count", whole, f"The {whole} {group_name}", population=parent,
                              breakdown=label)
            else:
                article.say(f"Among them were {whole} {group_name}: {parts}.")
                article.claim(release, "released_count", whole, f"{whole} {group_name}", population=parent)
        article.claim(release, "released_count", one, f"{one} {first['name']}", population=first["id"])
        article.claim(release, "released_count", two, f"{two} {second['name']}", population=second["id"])

    plan.writers.append(write)
    return True


def _held_after_freed(writer: Writer, article: Article, plan: Plan, new_release) -> None:
    """Someone freed in a release, said by the same article to have been held since a later day."""
    rng = writer.rng
    if new_release is not None:
        release, day, facts = new_release
        month_only = facts["month_only"]
    else:
        (release, day), month_only = _release_id(writer, article, plan), False
    person, name = writer.new_person(article)
    later = day + dt.timedelta(days=rng.randint(35, 90))  # after the last day of a month-only release too
    plan.dates.append(later)
    freed = f"in {MONTHS[day.month - 1]} {day.year}" if month_only else f"on {spoken(day)}"

    def write(article: Article) -> None:
        article.say(f"{name} was freed {freed}. {name.split()[-1]} has been held since {spoken(later)}, the "
                    "paper wrote.")
        article.claim(person, "released_in", release, f"{name} was freed {freed}")
        article.claim(person, "imprisoned_since", later.isoformat(), f"held since {spoken(later)}")
        _date_once(article, release, day, month_only, f"freed {freed}")

    plan.writers.append(write)


def _stock_after(writer: Writer, article: Article, plan: Plan) -> bool:
    """Those a place holds, counted before a new release and after it (a stock count the vocabulary ties to a
    group, such as political prisoners), further apart than the release's own count of that group allows."""
    rng, known = writer.rng, writer.known
    stock = next((name for name, p in sorted(known.vocabulary.items()) if p.get("subject") == "place"
                  and p.get("type") == "count" and p.get("dated") and p.get("group") in known.ids()), None)
    home = _home(writer)
    places = {p["id"]: p["name"] for p in known.registry.get("places") or []}
    if stock is None or home not in places:
        return False
    group = known.registry_api.get(known.vocabulary[stock]["group"])
    held = group.name[0].lower() + group.name[1:]
    release, day = _release_id(writer, article, plan)
    before, after = day - dt.timedelta(days=rng.randint(2, 20)), day + dt.timedelta(days=rng.randint(1, 20))
    plan.dates.append(after)
    counted = rng.randint(900, 1400)
    freed = rng.randint(10, 60)
    left = counted - freed + rng.randint(5, 40)  # more than can remain

    def write(article: Article) -> None:
        article.say(f"On {spoken(before)}, {counted:,} {held} were held in {places[home]}.")
        article.claim(home, stock, counted, f"On {spoken(before)}, {counted:,} {held} were held in {places[home]}",
                      as_of=before.isoformat())
        article.say(f"{freed} {held} were freed on {spoken(day)}.")
        article.claim(release, "released_count", freed, f"{freed} {held} were freed on {spoken(day)}",
                      population=group.id)
        article.claim(release, "date", day.isoformat(), f"freed on {spoken(day)}")
        article.say(f"On {spoken(after)}, {left:,} were still held.")
        article.claim(home, stock, left, f"On {spoken(after)}, {left:,} were still held", as_of=after.isoformat())

    plan.writers.append(write)
    return True


SETTLED = {"agreed", "single_source", "resolved_by_curator"}


def _city_of_country(writer: Writer, article: Article, plan: Plan, release: dict) -> bool:
    """A figure the project resolves for a country, given again for a city in that country (registered if the
    registry has none): the build compares them at country level and explains the difference of places."""
    rng, registry = writer.rng, writer.known.registry
    countries = {p["id"]: p for p in registry.get("places") or [] if p.get("kind") == "country"}
    rows = [r for r in writer.known.destination_rows.get(release["release_id"], [])
            if r["destination_id"] in countries and r["count_status"] in SETTLED and r["count_qualifier"] == "exact"
            and r["group_id"] == writer.known.root_group()]
    if not rows:
        return False
    row = rng.choice(rows)
    cities = [p for p in registry.get("places") or [] if p.get("part_of") == row["destination_id"]
              and p.get("kind") == "city"]
    if cities:
        city, name = cities[0]["id"], cities[0]["name"]
    else:
        name = next((c for c in CITIES if slug(c) not in writer.ids and writer.known.name_is_free(c)), None)
        if name is None:
            return False
        city = slug(name)
        writer.ids.add(city)
        article.register("places", {"id": city, "name": name, "kind": "city", "part_of": row["destination_id"],
                                    "aliases": []})
    day = dt.date.fromisoformat(release["date"])
    plan.dates.append(day)
    phrase = f"{row['count']} of those freed on {spoken(day)} were driven to {name}"
    if phrase in writer.phrases:
        return False
    writer.phrases.add(phrase)

    def write(article: Article) -> None:
        article.say(f"{phrase}, a relative said.")
        article.claim(release["release_id"], "destination_count", int(row["count"]), phrase, scope=city)
        _date_once(article, release["release_id"], day, False, f"freed on {spoken(day)}")

    plan.writers.append(write)
    return True


def _several_envoys(writer: Writer, article: Article, plan: Plan, release: dict) -> bool:
    """Another envoy of a known release (one negotiated it, one announced it): two true values, not rivals.
    Where the project names no envoy yet, the article names both."""
    names = {p["id"]: p["name"] for p in writer.known.registry.get("people") or []}
    known = release.get("envoy_id") or ""
    envoys = [(known, names[known])] if known in names else [writer.new_person(article)]
    deputy = writer.new_person(article)
    day = dt.date.fromisoformat(release["date"])
    plan.dates.append(day)

    def write(article: Article) -> None:
        (first, first_name), (second, second_name) = envoys[0], deputy
        article.say(f"{first_name} negotiated the release of {spoken(day)}; his deputy {second_name} announced it.")
        if not known:
            article.claim(release["release_id"], "envoy", first, f"{first_name} negotiated the release")
        article.claim(release["release_id"], "envoy", second, f"his deputy {second_name} announced it")
        _date_once(article, release["release_id"], day, False, f"the release of {spoken(day)}")

    plan.writers.append(write)
    return True


def _parts_across(writer: Writer, article: Article, plan: Plan, release: dict) -> bool:
    """A count of one group of a partition freed in a known release whose count of another group of that
    partition the project already has from other sources: together more than the release freed, which the
    build flags across sources (each source's tightest figure counts)."""
    rng, registry = writer.rng, writer.known.registry_api
    total = int(release["released_count"])
    counted = {r["group_id"]: r for r in writer.known.group_rows.get(release["release_id"], [])
               if r["count_status"] in SETTLED}
    for group_id, row in sorted(counted.items()):
        group = registry.get(group_id)
        if group is None or not group.partition_label or group.part_of != registry.root_group() \
                or not 0 < int(row["count"]) < total:
            continue
        others = sorted((e.id, e.name) for e in registry.entities.values() if e.kind == "group" and e.id not in counted
                        and e.partition_label == group.partition_label and e.part_of == group.part_of)
        other = rng.choice(others) if others else _new_nationality(writer, article, group)
        if other is None:
            continue
        figure = total - int(row["count"]) + rng.randint(1, int(row["count"]))  # each within the total
        phrase = f"{figure} {other[1]} were among the prisoners freed on"
        if phrase in writer.phrases:
            continue
        writer.phrases.add(phrase)
        day = dt.date.fromisoformat(release["date"])
        plan.dates.append(day)

        def write(article: Article) -> None:
            article.say(f"{phrase} {spoken(day)}.")
            article.claim(release["release_id"], "released_count", figure, phrase, population=other[0])
            _date_once(article, release["release_id"], day, False, f"freed on {spoken(day)}")

        plan.writers.append(write)
        return True
    return False


def _new_nationality(writer: Writer, article: Article, beside) -> tuple[str, str] | None:
    """A group of the nationals of a country the registry does not know, in the partition of `beside`."""
    country = writer.new_country(article)
    if country is None:
        return None
    group, name = f"{country[0]}-nationals", f"Nationals of {country[1]}"
    if group in writer.ids or not writer.known.name_is_free(name):
        return None
    writer.ids.add(group)
    article.register("groups", {"id": group, "name": name, "part_of": beside.part_of, "nationality": country[0],
                                "partition": beside.partition_label, "aliases": []})
    return group, name


def _listed_misspelling(writer: Writer, article: Article, plan: Plan, release: dict) -> bool:
    """A release's resolved figure attributed to a person through a misspelling the registry lists for them."""
    listed = sorted((m, p["id"]) for p in writer.known.registry.get("people") or [] for m in p.get("misspellings") or []
                    if len(m.split()) >= 2)
    if not listed:
        return False
    spelling, _ = writer.rng.choice(listed)
    total, day = int(release["released_count"]), dt.date.fromisoformat(release["date"])
    phrase = f"{total} people regained their freedom on {spoken(day)}"
    if phrase in writer.phrases:
        return False
    writer.phrases.add(phrase)
    plan.dates.append(day)

    def write(article: Article) -> None:
        article.say(f"{phrase}, {spelling} told reporters.")
        article.claim(release["release_id"], "released_count", total, f"{total} people regained their freedom",
                      attributed_to=spelling)
        _date_once(article, release["release_id"], day, False, f"freedom on {spoken(day)}")

    plan.writers.append(write)
    return True


def _date_once(article: Article, release: str, day: dt.date, month_only: bool, quote: str) -> None:
    """The release's date, claimed where the article first gives it (a later mention adds nothing)."""
    if release not in {c["subject"] for c in article.claims if c["property"] == "date"}:
        article.claim(release, "date", day.isoformat()[:7] if month_only else day.isoformat(), quote)


# --- writing it into the project --------------------------------------------------------------------

def save(root: Path, article: Article) -> None:
    """Add the article to the project at `root`: its text, manifest entry, claims and registry entries."""
    seeds = root / "seeds"
    (seeds / "articles" / f"{article.source}.txt").write_text(article.text, encoding="utf-8")
    manifest = seeds / "manifest.yaml"
    block = yaml.safe_dump([article.manifest_entry()], sort_keys=False, allow_unicode=True)
    manifest.write_text(manifest.read_text(encoding="utf-8").rstrip("\n") + "\n"
                        + "".join(f"  {line}\n" for line in block.splitlines()), encoding="utf-8")
    (seeds / "claims" / f"{article.source}.yaml").write_text(article.ledger(), encoding="utf-8")
    review_registry(root, article)


def review_registry(root: Path, article: Article) -> None:
    """The registry entries the article needs, and its new misspellings, as a contributor adds them."""
    from .projectkit import add_to_registry

    add_to_registry(root, article.registry)
    for person, variant in article.misspellings.items():
        _add_misspelling(root / "seeds" / "registry.yaml", person, variant)


def _add_misspelling(path: Path, person: str, variant: str) -> None:
    """Add a spelling to a person's misspellings, editing only that entry's lines (flow or block style)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(n for n, line in enumerate(lines) if re.match(rf"\s*- (\{{\s*)?id: {re.escape(person)}\b", line))
    if lines[start].rstrip().endswith("}"):
        entry = yaml.safe_load(lines[start].strip()[2:])
        entry["misspellings"] = [*(entry.get("misspellings") or []), variant]
        indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
        lines[start] = indent + "- " + yaml.safe_dump(entry, default_flow_style=True, width=10_000).strip()
    else:
        own = lines[start][: len(lines[start]) - len(lines[start].lstrip())]  # the entry's "- " is here
        end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith(own + "- ")
                    or not lines[n].startswith(" ")), len(lines))
        existing = next((n for n in range(start, end) if lines[n].strip().startswith("misspellings:")), None)
        if existing is not None and lines[existing].rstrip().endswith("]"):
            lines[existing] = lines[existing].rstrip()[:-1] + f", {variant}]"
        elif existing is not None:
            indent = lines[existing][: len(lines[existing]) - len(lines[existing].lstrip())]
            lines.insert(existing + 1, f"{indent}  - {variant}")
        else:
            aliases = next(n for n in range(start, end) if lines[n].strip().startswith("aliases:"))
            indent = lines[aliases][: len(lines[aliases]) - len(lines[aliases].lstrip())]
            after = aliases + 1
            while after < end and re.match(rf"{indent}(?:  )?- ", lines[after]):  # items indented or not
                after += 1
            lines.insert(after, f"{indent}misspellings: [{variant}]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Write a seeded contribution into a project.")
    parser.add_argument("project", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--articles", type=int, default=2)
    args = parser.parse_args(argv)
    for article in write_contribution(args.project, args.seed, args.articles):
        print(f"{article.source}: {', '.join(sorted(article.cases))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
