"""Draft a claims file for a new article, for a contributor to review.

  text      sentences; the figures, dates and dateline in them are read by
            toolkit.ingest.figures, which validation shares
  furniture the page's lines that are not the article: bylines, timestamps, captions, related links
  names     names the registry knows, people it does not (titles taken off), roles, proposed ids
  context   the drafted claim, the article being read, its sentences and clauses, the rule registry
  places    which country, place or group a fact is about (demonyms, nationals); new ones proposed
  subjects  which release or sanction a fact is about; new ones proposed
  people    age, prison term, arrest and sentence dates, nationality, roles; lists of names
  freed     who was freed and where they went (bystanders: who never is, a speaker, an official, a relation)
  releases  destinations, subgroups, totals (besides: others beside the named; everyone: said of all the freed)
  deals     release dates, days of talks, pardons, envoys
  counts    political prisoners still held or ever recognized; counts the vocabulary names
  sanctions lifted or imposed, by whom, when, on what, who announced it, what a release bought
  render    the draft as YAML, with the registry and manifest entries it proposes

The draft carries `draft: true`; the build refuses it until a person has checked every claim.
Each drafted claim names the rule that drafted it, and a doubtful one carries a review mark (REVIEW,
listed in docs/claims-format.md). The text helpers are shared with the coverage lint of `validate`.

Structure is read by a small grammar of regular expressions over sentences, clauses and lines, not by
an NLP library: spaCy's rule-based Matcher runs on a blank tokenizer but adds nothing here that a pattern
over the text does not, and its DependencyMatcher needs a parsed document, hence a trained pipeline
whose weights are not a package on the registry this project installs from (issue 34). What real pages
add, the rules read in general form: page furniture (furniture), who a freeing or a list of the freed
governs and who merely speaks or holds office (freed), the release a sentence's own date, year or
"last year" anchors a count to (subjects), breakdowns by nationality and destination in their common
shapes (releases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...ingest.entities import Registry
from ...ingest.figures import (Dateline, DateMention, Figure, dateline_spans, find_dateline, find_dates, find_figures,
                               front_matter)
from ...values import Count, DateValue, parse_date
from . import bystanders, counts, deals, everyone, freed, parts, people, releases, sanctions  # noqa: F401 - importing registers the rules (see releases)
from .context import FREEING, REVIEW, RULES, Context, Draft, Sentence, ends_a_group_name
from .furniture import furniture
from .names import Name, find_names, known_names, slug
from .render import claim_prefix, manifest_stub, render_draft
from .places import article_country
from .subjects import article_release, freeing_side, said_on_another_day
from .text import sentences, written_out_breaks

PATTERNS_KEPT = 4096
"""How many compiled patterns the re module keeps. Each spelling the registry knows is a pattern, besides the rules'
own, written inline ("re.search(r'...', text)"): over a thousand with the project's registry, where the module keeps 512
and drops the oldest, so a process drafting page after page (the benchmarks, a batch) compiled most of them again for
each (150 real pages: 10,000 compilations, 2.2 s of 8.7 s). Kept, a pattern compiled for one page is there for the next."""
if getattr(re, "_MAXCACHE", PATTERNS_KEPT) < PATTERNS_KEPT:
    re._MAXCACHE = PATTERNS_KEPT  # the bound CPython's re module reads before it adds a pattern to its cache

__all__ = ["DraftFile", "Drafted", "Draft", "draft_claims", "REVIEW", "DateMention", "Figure", "Name", "RULES", "draft_article", "find_dateline",
           "find_dates", "find_figures", "find_names", "known_names", "manifest_stub", "render_draft", "slug"]


@dataclass
class DraftFile:
    """A claims file drafted for one article: its text, and what went into it."""

    source_id: str
    text: str
    drafted: "Drafted"
    in_manifest: bool
    manifest_entry: list[str] = field(default_factory=list)
    """For an article not in the manifest yet: its entry, as lines of seeds/manifest.yaml."""


def draft_claims(project, article: Path, source_id: str | None = None, year: int | None = None,
                 prefix: str | None = None, release: str | None = None) -> DraftFile:
    """Draft the claims file of an article, with what the project already knows.

    Steps: read the article (UTF-8, bounded); read the registry, vocabulary, manifest and claims
    (what is invalid there is left out, so a draft is possible mid-contribution); take the
    article's date from its manifest entry, else from its dateline, else `year`; draft; render
    the YAML with the registry entries it proposes and, for an article not in the manifest yet,
    its manifest entry (size and sha256 filled in). Claim ids take a prefix (`prefix`, or one made from
    the source id) that no other claims file's ids use, so they never collide with an earlier article's. `release`,
    a release of the registry (its id or a name of it), is the one the article reports, whatever its text dates it to
    (what the text dates to another release stays with that one).
    """
    from ...errors import ToolkitError, UsageError
    from ...ingest.claims import load_claims, load_vocabulary
    from ...ingest.entities import load_registry
    from ...ingest.sources import load_sources, read_article
    from ...report import Report

    problems = Report()
    data = read_article(article, problems, str(article))
    if data is None:
        raise ToolkitError(problems.issues[0].message, path=article, hint=problems.issues[0].hint)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ToolkitError(f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})", path=article,
                           line=data[:exc.start].count(b"\n") + 1, hint="save the article as UTF-8") from None
    source_id = source_id or article.stem
    background = Report()  # the project's own problems are validate's business, not extract's
    registry = load_registry(project, background)
    vocabulary = load_vocabulary(project, background)
    sources = load_sources(project, background)
    known = load_claims(project, sources, registry, vocabulary, background).claims
    if release is not None:
        resolved = registry.resolve(release).entity_id
        if resolved is None or registry.kind(resolved) != "release":
            raise UsageError(f"--release {release}: the registry has no release of that id or name", path=project.registry,
                             hint="give the id of one of seeds/registry.yaml's releases, or register the release first")
        release = resolved
    entry = sources[source_id].entry if source_id in sources else None
    published = str(entry.published) if entry else front_matter(text).fields.get("published")
    if published is None and year is None and (find_dateline(text) is None or find_dateline(text).date is None):
        raise UsageError(f"the year of {article.name} is not known: it is not in the manifest, and neither front "
                         "matter nor a dateline gives it", path=article,
                         hint="give it with --year (dates written without a year take it), or put "
                              "`published: YYYY-MM-DD` in the article's front matter")
    drafted = draft_article(text, registry, {name: d.subject for name, d in vocabulary.items()},
                            [c for c in known if c.source != source_id], published, year, release)
    header = [] if entry else manifest_stub(source_id, data, drafted.dateline, front_matter(text).fields, year)
    chosen = claim_prefix(source_id, _claim_ids(project, source_id), prefix)
    return DraftFile(source_id, render_draft(source_id, drafted.drafts, drafted.proposals, drafted.names, header,
                                             chosen),
                     drafted, entry is not None,
                     [line[1:] for line in header[1:]])


def _claim_ids(project, source_id: str) -> set[str]:
    """The claim ids of every claims file but the article's own, read off their `- id:` lines (a file with
    errors counts too: its ids are taken all the same)."""
    ids: set[str] = set()
    for path in sorted(project.claims_dir.glob("*.yaml")) if project.claims_dir.is_dir() else []:
        if path.stem != source_id:
            ids |= set(re.findall(r"^\s*-\s+id:\s*['\"]?([a-z0-9][a-z0-9-]*)", path.read_text(encoding="utf-8"), re.M))
    return ids


@dataclass
class Drafted:
    """What extract made of an article."""

    drafts: list[Draft]
    proposals: dict[str, list[dict]]
    dateline: Dateline | None
    anchor: DateValue | None
    names: list[Name]


def draft_article(text: str, registry: Registry, properties: dict[str, str], known_claims=(),
                  published: str | None = None, year: int | None = None, release: str | None = None) -> Drafted:
    """Draft the claims of one article.

    `properties` maps each vocabulary property to the kind of subject it describes; `known_claims`
    are the claims already in the project (they date the registry's releases, give their totals
    and say what each sanction targets); `published` is the article's date from the manifest, if
    it is there yet; `year` is the year for dates written without one when neither the manifest
    nor the dateline gives it.
    """
    written, text = text, written_out_breaks(text)  # "on Friday.\\nThe ...": a page scraped with its breaks written out
    dateline = find_dateline(text, year or (int(str(published)[:4]) if published else None))
    when = published or (dateline.date if dateline else None) or (str(year) if year else None)
    if published and dateline and dateline.date and len(str(published)) < len(dateline.date) and \
            dateline.date.startswith(str(published)):
        when = dateline.date  # the manifest knows the year or month, the dateline the day within it
    anchor = parse_date(when) if when else None
    begins = front_matter(text).end  # the front matter says where the article appeared; it is not the article
    heads = [(dateline.start, dateline.end)] if dateline else []
    heads += [span for span in dateline_spans(text) if span not in heads]
    dates = [d for d in find_dates(text, anchor) if d.start >= begins and not any(s <= d.start < e for s, e in heads)]
    dates = said_on_another_day(text, dates)
    skipped = furniture(text)
    names = [n for n in find_names(text, registry) if not any(s <= n.start < e for s, e in skipped)]
    ctx = Context(text=text, registry=registry, properties=properties, names=names,
                  figures=[f for f in find_figures(text, find_dates(text, anchor)) if not ends_a_group_name(text, f)],
                  dates=dates, anchor=anchor,
                  **_known(known_claims, registry))
    ctx._newlines = [i for i, c in enumerate(written) if c == "\n"]  # a draft's line is the article's as written
    spans = _sentences(ctx, heads, skipped)
    ctx.country = article_country(ctx, spans)  # first: the release is never one the other side of an exchange frees
    ctx.freeing_side = freeing_side(ctx, spans)
    ctx.release = article_release(ctx, spans)
    if release is not None:  # the contributor says which release the article reports: no guess of it is needed
        ctx.release, ctx.release_guessed = release, None
    ctx.sanction = sanctions.article_sanction(ctx, spans)
    freed.note_other_side(ctx, spans)
    for sentence in spans:
        if sentence.heading and sentence.start > 0 and not ctx.text[:sentence.start].isspace():
            ctx.freeing_section = freed.freeing_label(sentence) and not freed.by_the_other_side(ctx, sentence)
            named = ctx.profiles and freed.name_heading(ctx, sentence) is not None
            ctx.profiles = freed.PROFILE_REACH if named else 0
        elif freed.profiles_lead(ctx, sentence):
            ctx.profiles = freed.PROFILE_REACH
        else:
            ctx.profiles = max(0, ctx.profiles - 1)
        ctx.heading = sentence.heading
        drafted = ctx.sentence_drafts = len(ctx.drafts)
        for slug_, run in RULES.items():
            ctx.current_rule = slug_
            run(ctx, sentence)
        ctx.not_prisoners |= {p.id for p in people.persons(ctx, sentence)
                              if bystanders.not_a_prisoner(ctx, sentence, p)}
        # one a pronoun stood for through a tie ("her husband, B, was jailed. He was sentenced to ten years") is a
        # prisoner the page tells of, though named as someone's relative
        tied = {p.id for p in ctx.related_person.values()}
        ctx.not_prisoners -= {d.subject for d in ctx.drafts[drafted:]
                              if d.property in PRISONER_FACTS and d.subject in tied}
        ctx.profiled_left = freed.counted_profiles(ctx, sentence) or ctx.profiled_left
        # a sentence that frees, says where a number of the freed went, or names one of the freed of the page's release
        # ("Among them was A."): "The group includes ..." next is of them
        ctx.previous_freeing = bool(sentence.freeing()) or any(
            d.property == "destination_count" or d.property == "released_in" and d.value == ctx.release and ctx.release
            for d in ctx.drafts[drafted:])
        ctx.previous_place = freed.moved_group_place(ctx, sentence) if ctx.previous_freeing else None
        ctx.previous_sentence, ctx.previous_start = sentence.text, sentence.start
        ctx.previous_counts = {d.value for d in ctx.drafts[drafted:] if d.property == "released_count" and
                               d.qualifier == "exact" and isinstance(d.value, int) and d.subject == ctx.release}
        freed_here = {d.subject for d in ctx.drafts[drafted:] if d.property == "released_in"}
        ctx.previous_unfreed = {p.id for p in people.persons(ctx, sentence) if p.id not in freed_here}
        ctx.previous_named = bool(ctx.previous_unfreed)
        # who a pronoun opening the next sentence stands for: the first person named who is not speaking, not inside
        # another's description, and not someone the page presents as no prisoner ("When President X crushed the
        # protests, Y decided to stay. She was arrested in 2022": Y), since what follows is a prisoner's story
        named = people.persons(ctx, sentence)
        told = [p for p in named if not people.speaks(ctx, sentence, p) and not people.described(ctx, sentence, p) and
                p.id not in ctx.not_prisoners]
        subject = told[0] if told else None
        if subject is not None and ctx.last_person is not None and bystanders.about_the_last_person(sentence):
            subject = None  # "The blogger took part in the protests that toppled former Prime Minister X. He was ...": the blogger
        group = people.plural_group(ctx, sentence)
        if group:
            _facts_of_each(ctx, ctx.drafts[drafted:], group)  # "Both were arrested in 2020": each of the two named before
        elif named:
            ctx.group_before, ctx.group_clear, ctx.group_next = told, True, True
        elif sentence.heading:
            ctx.group_before = []  # a new section: "They" no longer stands for those named above it
        if not named:
            ctx.group_next = False  # "Hundreds of journalists have fled. The journalists were ...": those hundreds
            ctx.group_clear = ctx.group_clear and not sentence.figures  # "Three guards who beat them were convicted.
            # The three ...": not those named
        # "He was released" next stands for the sentence's one person, its subject
        # (one named inside the subject's description is no second person: "X: A trade unionist arrested at a strike
        # against Governor Y. He was also released")
        undescribed = [p for p in named if not people.described(ctx, sentence, p)]
        # (a term set in quotation marks is no quotation: "denounced the trial as a “political setup”")
        ctx.previous_alone = subject if undescribed == [subject] and not re.search(
            r"[“”\"]", re.sub(r"[“\"][^“”\".,;:!?]{1,40}[”\"]", "", sentence.text)) else None
        ctx.related_person = people.related_people(ctx, sentence) if named else ctx.related_person
        if subject is not None:
            ctx.last_person = subject
            item = people.list_item(ctx, sentence)
            if item is not None and (ctx.item_person is None or ctx.item_person[0] != item):
                ctx.item_person = (item, subject)
    ctx.current_rule = "all-moved"
    everyone.sent_with_all(ctx)
    ctx.current_rule = "release-date"
    deals.pardons_before_freeings(ctx)
    deals.said_days(ctx)
    parts.parts_of_totals(ctx)
    releases.totals_of_one_nationality(ctx, spans)
    headings = [(s.start, s.end) for s in spans if s.heading]
    finest = _finest_dates(_told_releases(ctx), ctx.claimed_days)
    drafts = sorted(_unique(_facts_of_prisoners(releases.lone_sums(finest, headings), ctx)),
                    key=lambda d: (d.start, d.property))
    proposals = {section: list(entries.values()) for section, entries in sorted(_used(ctx, drafts).items()) if entries}
    return Drafted(drafts, proposals, dateline, anchor, names)


def _facts_of_each(ctx: Context, drafts: list[Draft], group: list) -> None:
    """"Belarus freed A and B. Both were arrested in 2020": the facts the sentence's rules gave one of the people named
    before (the one a pronoun stands for) are each one's of `group`, those the opening takes up ("X pardoned A, B and C.
    The three were ...": A, B and C)."""
    named = {p.id for p in ctx.group_before}
    given = set()
    for draft in [d for d in drafts if d.subject in named and d.property in PRISONER_FACTS]:
        if (draft.property, str(draft.value)) in given:
            continue
        given.add((draft.property, str(draft.value)))
        ctx.current_rule = draft.rule
        for person in group:
            if person.id != draft.subject:
                ctx.add(draft.property, draft.kind, draft.value, draft.start, draft.end,
                        subject=ctx.note_person(person), qualifier=draft.qualifier, note=draft.note, review=draft.review)


def _known(claims, registry: Registry) -> dict:
    """What the project's claims say about the registry's releases and sanctions: the narrowest
    date of each release, the totals recorded for it, what each sanction targets, who is freed in which
    release and who was whose envoy, which countries a release's quotes name as freeing, and which releases any claim
    tells of."""
    dates: dict[str, DateValue] = {}
    totals: dict[str, set[int]] = {}
    targets: dict[str, set[str]] = {}
    freed_in: dict[str, set[str]] = {}
    envoy_in: dict[str, set[str]] = {}
    countries: dict[str, set[str]] = {}
    told: set[str] = set()
    days: set[tuple[str, str]] = set()
    named = _country_names(registry)
    for claim in claims:
        kind = registry.kind(claim.subject)
        if kind == "release":
            told.add(claim.subject)
        elif isinstance(claim.value, str):
            value = registry.resolve(claim.value).entity_id
            if value and registry.kind(value) == "release":
                told.add(value)  # "released_in: <a release's alias>": that release is told of
        quote = getattr(claim, "quote", None)
        freeing = FREEING.search(str(quote)) if kind == "release" and quote and named else None
        if freeing:  # the countries named before the quote's word of freeing: who freed ("Belarus freed 52"), not
            # where the freed went ("..., most of whom were driven to Ukraine")
            countries.setdefault(claim.subject, set()).update(
                filter(None, (registry.resolve(m.group(0)).entity_id for m in named.finditer(str(quote), 0, freeing.start()))))
        if claim.property == "released_in" and isinstance(claim.value, str):
            release = registry.resolve(claim.value).entity_id
            if release:
                freed_in.setdefault(claim.subject, set()).add(release)
        if claim.property == "envoy" and kind == "release" and isinstance(claim.value, str):
            envoy = registry.resolve(claim.value).entity_id
            if envoy:
                envoy_in.setdefault(envoy, set()).add(claim.subject)
        if kind == "release" and claim.property == "date" and isinstance(claim.value, DateValue):
            if claim.value.precision == "day" and getattr(claim.value, "qualifier", "exact") == "exact":
                days.add((claim.subject, claim.value.start.isoformat()[:7]))
            current = dates.get(claim.subject)
            if current is None or claim.value.width < current.width:
                dates[claim.subject] = claim.value
        elif kind == "release" and claim.property == "released_count" and isinstance(claim.value, Count) \
                and claim.population is None:
            totals.setdefault(claim.subject, set()).add(claim.value.value)
        elif kind == "sanction" and claim.property == "target" and isinstance(claim.value, str):
            resolved = registry.resolve(claim.value).entity_id
            if resolved:
                targets.setdefault(claim.subject, set()).add(resolved)
    for entity in (e for e in registry.entities.values() if e.kind == "release" and e.id not in dates):
        # a release no claim dates yet is dated by its id or name when they carry one ("release-2026-03-13")
        written = re.search(r"(?:19|20)\d\d-\d\d(?:-\d\d)?", entity.id)
        try:
            if written:
                dates[entity.id] = parse_date(written.group(0))
        except ValueError:
            pass
    return {"release_dates": dates, "release_totals": totals, "sanction_targets": targets, "freed_in": freed_in,
            "envoy_in": envoy_in, "release_countries": countries, "told_releases": told, "claimed_days": days}


def _country_names(registry: Registry) -> re.Pattern | None:
    """Every spelling of a country the registry knows, as one pattern (longest first)."""
    spellings = sorted({s for e in registry.entities.values() if e.kind == "place" and e.place_kind in (None, "country")
                        for s in (e.name, *e.aliases) if len(s) > 2}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, spellings)) + r")\b") if spellings else None


def _sentences(ctx: Context, heads: list[tuple[int, int]], skipped: list[tuple[int, int]]) -> list[Sentence]:
    """The article's sentences and headlines, each with what was found in it; page furniture left out."""
    found = []
    names, figures, dates = _ByStart(ctx.names), _ByStart(ctx.figures), _ByStart(ctx.dates)
    begins = front_matter(ctx.text).end
    for start, end in sentences(ctx.text):
        if any(s <= start < e for s, e in skipped) or end <= begins:
            continue
        start = max(start, begins)
        for head_start, head_end in heads:  # the dateline, and any other dateline-like line above the text
            if start <= head_start < end:
                start = max(start, head_end)
        if end <= start:
            continue
        line_start = ctx.text.rfind("\n", 0, start) + 1
        line_end = ctx.text.find("\n", end)
        line = ctx.text[line_start:line_end if line_end >= 0 else len(ctx.text)].strip()
        heading = len(line) < 110 and not re.search(r"[.!?\"”:]$", line) and line[:1].isupper()
        found.append(Sentence(start, end, ctx.text[start:end], names.within(start, end), figures.within(start, end),
                              dates.within(start, end), heading=heading))
    return found


class _ByStart:
    """Items with a `start`, found between two offsets by bisection, in their own order (filtering every
    item for every sentence cost the square of an article dense with figures)."""

    def __init__(self, items: list):
        import bisect

        self.items = items
        self.order = sorted(range(len(items)), key=lambda i: items[i].start)
        self.starts = [items[i].start for i in self.order]
        self.bisect = bisect.bisect_left

    def within(self, start: int, end: int) -> list:
        chosen = self.order[self.bisect(self.starts, start):self.bisect(self.starts, end)]
        return [self.items[i] for i in sorted(chosen)]


PRISONER_FACTS = frozenset({"age", "sentence_years", "sentenced_on", "charge", "imprisoned_since", "held_at",
                            "isolation_months", "sent_to"})
"""What a page says of a prisoner, as opposed to what it calls a person (`role`), which it says of an envoy or an
official as well."""


def _facts_of_prisoners(drafts: list[Draft], ctx: Context) -> list[Draft]:
    """The drafts, less the facts of a prisoner drafted about someone the page presents as no prisoner and does not
    free: a judge of 67 "himself jailed in 1987", "Her lawyer, X, 58, who was himself imprisoned in 2010", an
    official, someone freed by the other side or in an earlier deal. (Someone the page names without saying who
    they are keeps their facts: a freeing the rules missed, or a prisoner still held.) A nationality is drafted
    only for someone the page frees: "Estonian businessman X" handed over by the other side, "U.S. Secretary of
    State Z" are no prisoners of this release, and the dataset records the nationality of its prisoners."""
    freed = {d.subject for d in drafts if d.property == "released_in"}
    return [d for d in drafts if d.subject in freed or not (
        d.property == "nationality" or d.property in PRISONER_FACTS and d.subject in ctx.not_prisoners)]


def _used(ctx: Context, drafts: list[Draft]) -> dict[str, dict[str, dict]]:
    """The proposed registry entries a draft still uses: a release, person, group or place proposed for a draft
    that was then left out ("after the country last freed prisoners in 2024"; the nationality of someone the page
    does not free) is no entry to add. A place stays for a group of its nationals, and a group for its child."""
    used = {d.subject for d in drafts} | {d.value for d in drafts if isinstance(d.value, str)} | \
        {d.scope for d in drafts} | {d.population for d in drafts}
    groups = ctx.proposals.get("groups", {})
    for group in [g for g in groups if g in used]:
        while group in groups and groups[group].get("part_of") not in (None, *used):
            group = groups[group]["part_of"]
            used.add(group)
    used |= {groups[g].get("nationality") for g in groups if g in used}
    places = ctx.proposals.get("places", {})
    used |= {places[p].get("part_of") for p in places if p in used}
    return {section: {k: v for k, v in entries.items() if section not in ("releases", "people", "groups", "places")
                      or k in used} for section, entries in ctx.proposals.items()}


def _told_releases(ctx: Context) -> list[Draft]:
    """The drafts, less the date of a release other than the article's when the page drafts nothing else about it: a
    release mentioned in passing ("after the country last freed prisoners in 2024", "talks on a release had come up
    in July") is no release the page tells; one it tells has a count, a person or a deal beside its date."""
    about = {}
    for draft in ctx.drafts:
        for entity in {draft.subject, draft.value if isinstance(draft.value, str) else None} - {None}:
            about.setdefault(entity, set()).add(draft.property if entity == draft.subject else "value")
    return [d for d in ctx.drafts if not (d.property == "date" and d.subject != ctx.release and about[d.subject] == {"date"})]


def _finest_dates(drafts: list[Draft], claimed: set[tuple[str, str]]) -> list[Draft]:
    """The drafts, less a release's month where the page gives a day of that month for it ("On 15 June, the king issued a
    royal pardon ... the June pardon": the day; the month says nothing more), or the project's claims do (`claimed`:
    "In June, Belarus freed 14" of a release the project dates to 21 June)."""
    days = {(d.subject, str(d.value)[:7]) for d in drafts if d.property == "date" and len(str(d.value)) == 10} | claimed
    return [d for d in drafts if not (d.property == "date" and len(str(d.value)) == 7 and d.qualifier == "exact" and
                                      (d.subject, str(d.value)) in days)]


def _unique(drafts: list[Draft]) -> list[Draft]:
    """One draft per fact: the first written in prose, else the first (a headline's rounds and compresses). A
    headline's count is dropped where the prose gives the same figure with its bound ("Vietnam frees 2,000" over
    "freed more than 2,000")."""
    chosen: dict[tuple, Draft] = {}
    for draft in drafts:
        key = (draft.subject, draft.property, str(draft.value), draft.qualifier, draft.scope, draft.population)
        if key not in chosen or chosen[key].review == "headline" and draft.review != "headline":
            chosen[key] = draft
    bounded = {(d.subject, d.property, str(d.value), d.scope, d.population) for d in chosen.values()
               if d.kind == "count" and d.review != "headline" and d.qualifier != "exact"}
    return [d for d in chosen.values() if not (d.kind == "count" and d.review == "headline" and d.qualifier == "exact"
                                              and (d.subject, d.property, str(d.value), d.scope, d.population) in bounded)]
