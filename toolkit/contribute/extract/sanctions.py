"""Rules about sanctions: what was lifted or imposed, by whom, when, on what, who announced it,
and what a release was exchanged for.

A sanction is named by what it targets ("sanctions on the potash producer", "removed the
airline's aircraft from its sanctions list"); the actor is the country or organisation named just before the verb
("Washington agreed to lift", "U.S. sanctions imposed on ...") or after "relief from"; the date
is the one in the verb's clause ("imposed in 2021" dates the imposing even inside a lifting).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...values import parse_date
from .context import EVENT_AFTER, FREE, Context, Sentence, rule
from .names import Name, slug
from .people import persons, speaks
from .places import country_of, demonym_country
from .subjects import (clause_release, date_note, distinctive, generic, propose_listing, propose_sanction,
                       sanction_named)

LIFT = (r"lift(?:ed|ing|s)?|eas(?:e|ed|ing|es)|remov(?:e|ed|ing|es)|scrap(?:ped|ping|s)?|drop(?:ped|ping|s)?|"
        r"suspend(?:ed|ing|s)?|waiv(?:e|ed|ing|es)|unfr(?:eeze|oze|eezing)|relax(?:ed|ing|es)?|end(?:ed|ing)?|"
        r"the\s+lifting\s+of|the\s+easing\s+of|the\s+removal\s+of")
IMPOSE = r"impos(?:e|ed|es|ing)|introduc(?:e|ed|es|ing)|kept|keeps?|keeping|plac(?:e|ed|es)|slapp?(?:ed)?|maintain(?:ed|s)?"
NOUN = r"(?:sanctions?|restrictions|concessions|penalties|an?\s+embargo)"
END = (r"(?=\s+(?:the\s+same\s+(?:day|week|month)|that\s+(?:day|week)|this\s+(?:week|month|year)|last\s+(?:week|month|year)|"
       r"earlier|later|too|as\s+well|as\s+(?!part\b)|in\s+(?:place|\w+\s+\d{4}|\d{4}|exchange|return|November|December|January|February|March|April|"
       r"May|June|July|August|September|October)|since|after|before|following|as\s+part|on\s+(?:\w+day|\w+\.?\s+\d)|"
       r"and\s+(?:the|a|an|it|its|he|she|they|expressed|authorized)|to\s+(?!the\b)|for\s+being|--|—|"
       r"on\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+|with\s+(?:immediate\s+)?effect)|[.,;:!?\"“”)]|$)")
LIFTING = re.compile(rf"\b(?P<verb>{LIFT})\s+(?:(?:its|their|the|all|some|certain|more|most|further|wide-ranging|"
                     rf"remaining|U\.?S\.?|EU|US)\s+){{0,3}}{NOUN}\s+(?:relief\s+)?(?:imposed\s+(?:in\s+\d{{4}}\s+)?)?"
                     rf"(?:on|against|targeting)\s+(?P<target>[^.;:]{{2,80}}?){END}", re.IGNORECASE)
IMPOSING = re.compile(rf"\b(?P<verb>{IMPOSE})\s+(?:(?:its|their|the|new|wide-ranging|sweeping|crippling|fresh|tough|"
                      rf"economic|U\.?S\.?|EU|US)\s+){{0,3}}{NOUN}\s+(?:on|against)\s+(?P<target>[^.;:]{{2,80}}?){END}",
                      re.IGNORECASE)
IMPOSED_ON = re.compile(rf"\b{NOUN}\s+(?P<verb>imposed|introduced)\s+(?:in\s+(?:\w+\s+)?\d{{4}}\s+)?(?:on|against)\s+"
                        rf"(?P<target>[^.;:]{{2,80}}?){END}", re.IGNORECASE)
REMOVED = re.compile(r"\b(?P<verb>remov(?:ed|es|ing)|delist(?:ed|s|ing)|struck|took)\s+(?P<target>[^.;:]{2,80}?)\s+"
                     r"(?:from|off)\s+(?:its|the|their)\s+sanctions?\s+lists?", re.IGNORECASE)
TERROR_LISTED = re.compile(r"\b(?:(?P<verb>remov(?:e|ed|es|ing)|delist(?:ed|s|ing)?|took|tak(?:e|es|ing))\s+"
                           r"(?P<target>(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,2})\s+(?:from|off)\s+"
                           r"(?:its|the|their|a|an)\s+(?:(?:U\.?S\.?|US|American|State\s+Department)\s+)?"
                           r"(?:list\s+of\s+state\s+sponsors\s+of\s+terrorism|state\s+sponsors?\s+of\s+terrorism\s+list|"
                           r"terrorism\s+(?:sponsors?\s+)?list)|"
                           r"(?P<verb2>lift(?:s|ed|ing)?|rescind(?:s|ed|ing)?|revok(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|"
                           r"end(?:s|ed|ing)?|drop(?:s|ped|ping)?)\s+(?:the\s+|its\s+)?(?:U\.?S\.?\s+|US\s+)?"
                           r"designation\s+of\s+(?P<target2>(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,2})\s+as\s+a\s+"
                           r"state\s+sponsor\s+of\s+terrorism)", re.IGNORECASE)
"""A country taken off the list of terrorism's state sponsors, or its designation as one lifted: relief of its own
kind, a sanction named `<actor>-terrorism-designation-<country>` unless the registry has it."""
AUTHORIZED = re.compile(r"\b(?P<verb>authori[sz](?:ed|es|ing)|allow(?:ed|s|ing)|permitt?(?:ed|s|ing))\s+"
                        r"(?P<target>(?:\w+\s+){0,3}(?:aircraft|planes|flights|exports|imports|sales|transactions)"
                        r"(?:\s+[^.;:,]{0,40}?)?)\s+to\s+(?:operate|fly|resume|continue)", re.IGNORECASE)
TARGETED = re.compile(rf"\b{NOUN}\s+(?:had\s+|have\s+|has\s+)?(?P<verb>target(?:ed|s)|hit|covered)\s+"
                      rf"(?P<target>[^.;:]{{2,60}}?){END}", re.IGNORECASE)
RELIEF = re.compile(r"\b(?P<verb>sanctions?\s+relief|relief\s+from\s+sanctions)(?:\s+from\s+(?P<actor>[^.;:,]{2,40}?))?"
                    r"(?:\s+to\s+(?P<target>(?!(?:help|ease|end|secure|free|win|the\s+release)\b)[^.;:,]{2,60}?)(?=[.,;:]|$))?"
                    r"(?=[.,;:]|\s+(?:as|for|in|and|to|while)\b|$)", re.IGNORECASE)
"""Sanctions relief, perhaps from someone and to what it eases: "sanctions relief to the national airline" (not "relief to
secure the release")."""
PASSIVE = re.compile(rf"\b{NOUN}\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:first\s+|originally\s+|later\s+)?"
                     rf"(?P<verb>imposed|introduced|lifted|eased|removed)\s+by\s+(?P<actor>[^.;:,]{{2,40}}?)"
                     rf"(?=\s+(?:in|on|since|after|before|last|this|when|as)\b|[.,;:]|$)", re.IGNORECASE)
"""A sanction imposed or lifted by someone, in the passive: "Those sanctions were imposed by Washington in 2021"."""
EXCHANGE = re.compile(r"\b(?:in\s+(?:exchange|return)(?:\s+for)?|as\s+part\s+of\s+(?:the|a|this|that)\s+"
                      r"(?:deal|arrangement|agreement|bargain)|trad(?:es|ed|ing)\s+(?:\w+\s+){0,2}?for|"
                      r"in\s+(?:response|connection|reply)\s+to|(?:linked|tied)\s+to|"
                      r"part\s+of\s+(?:the|an?|this|that)\s+(?:[\w.-]+\s+){0,2}?(?:deal|arrangement|agreement|bargain)\s+"
                      r"(?:that|which)\s+(?:\w+\s+){0,2}?(?:included|includes|saw|involved|involves)|"
                      r"(?:in\s+(?:a|the)\s+)?sanctions[- ]relief\s+deal|sanctions\s+deal)\b", re.IGNORECASE)
LIFTED_AFTER = re.compile(r"\bafter\s+(?=(?:the\s+)?(?:[\w.’'-]+\s+){0,5}?(?:lift(?:s|ed)?|eas(?:es|ed)|remov(?:es|ed)|"
                          r"(?:to|would|will)\s+(?:lift|ease|remove))\b)", re.IGNORECASE)
"""A release told as done after sanctions were lifted, the lifting right after "after": "freed 31 detainees after
Washington agreed to ease its sanctions on X", "after the Americans said they would lift the sanctions on X", "frees 40
after US lifts airline sanctions" (a tie weaker than "in exchange for", read only where no such words are, and only with
the freeing before it and the lifting right after it)."""
ANNOUNCING = re.compile(r"(?:\b(?:will|would|is|was|are|were)\s+(?:be\s+)?|[’']re\s+)lifting|\b(?:announc\w+\s+(?:the\s+)?(?:lifting|"
                        r"easing|removal)|announc\w+\s+(?:that\s+)?[^.;]{0,40}?\blift|will\s+lift|would\s+lift|"
                        r"agreed\s+to\s+lift)", re.IGNORECASE)


@dataclass
class Mention:
    """Sanctions lifted, imposed or targeting something, as one phrase of a sentence says it."""

    action: str  # lifted | imposed | targeted | relief
    sanction: str | None
    start: int  # the verb
    end: int  # the end of what is sanctioned
    target: str
    target_start: int
    actor: str | None = None
    actor_start: int | None = None


def mentions(ctx: Context, sentence: Sentence) -> list[Mention]:
    """Every sanctions phrase of a sentence, with its sanction, actor and span."""
    found: list[Mention] = []
    for pattern, action in ((TERROR_LISTED, "lifted"), (LIFTING, "lifted"), (REMOVED, "lifted"), (AUTHORIZED, "lifted"),
                            (IMPOSED_ON, "imposed"), (IMPOSING, "imposed"), (TARGETED, "targeted"), (RELIEF, "relief"),
                            (PASSIVE, None)):
        for match in pattern.finditer(sentence.text):
            start = sentence.start + match.start()
            if pattern is PASSIVE:
                action = "imposed" if match.group("verb").lower() in ("imposed", "introduced") else "lifted"
            if any(m.start <= start < m.end for m in found):
                continue
            group = "target2" if match.groupdict().get("target2") else "target"
            target = match.groupdict().get(group) or ""
            target_start = sentence.start + (match.start(group) if target else match.start())
            target, end = _extend(ctx, sentence, target, target_start)
            mention = Mention(action, None, start, max(end, sentence.start + match.end()), target, target_start)
            if match.groupdict().get("actor"):
                mention.actor = _entity_in(ctx, sentence, sentence.start + match.start("actor"),
                                           sentence.start + match.end("actor"))
                mention.actor_start = sentence.start + match.start("actor")
            else:
                _actor(ctx, sentence, mention)
            if pattern is TERROR_LISTED:
                mention.sanction = sanction_named(ctx, f"designation of {target} as a state sponsor of terrorism",
                                                  mention.actor) or propose_listing(ctx, target, mention.actor)
                found.append(mention)
                continue
            mention.sanction = sanction_named(ctx, target, mention.actor) if target else None
            if mention.sanction is None and (not target or generic(target, ctx)):
                mention.sanction = ctx.sanction
            if mention.sanction is None and target and action in ("lifted", "imposed") and \
                    (_named_target(ctx, sentence, mention) or len(distinctive(ctx, target)) >= 2 or
                     mention.actor and sanction_named(ctx, target)):  # another actor's sanction on the same target
                mention.sanction = propose_sanction(ctx, target, mention.actor)
            found.append(mention)
    found.sort(key=lambda m: m.start)
    for first, second in zip(found, found[1:]):
        # "The U.S. removed X from its sanctions list and authorized Y": one actor for both
        if second.actor is None and first.actor and re.fullmatch(r"\s*(?:,\s*)?and\s+(?:also\s+)?",
                                                                  ctx.text[first.end:second.start]):
            second.actor, second.actor_start = first.actor, first.actor_start
    return found


def _extend(ctx: Context, sentence: Sentence, target: str, start: int) -> tuple[str, int]:
    """Take in a name set off by commas after the target ("the national carrier, Fixavia,")."""
    end = start + len(target)
    more = re.match(r",\s+(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})(?=,|\s+in\b|\.)", ctx.text[end:sentence.end])
    if target and more and ctx.registry.resolve(more.group("name")).entity_id:
        return ctx.text[start:end + more.end()], end + more.end()
    return target, end


def _entity_in(ctx: Context, sentence: Sentence, start: int, end: int) -> str | None:
    name = next((n for n in sentence.names if start <= n.start < end and n.entity and
                 ctx.registry.kind(n.entity) in ("place", "organisation")), None)
    return name.entity if name else None


def _actor(ctx: Context, sentence: Sentence, mention: Mention) -> None:
    """The country or organisation that acts: named just before the verb, or before "sanctions"."""
    clause_start, _ = sentence.clause(mention.start)
    window_start = max(sentence.start, clause_start - 2)
    for name in reversed([n for n in sentence.names if window_start <= n.start and n.end <= mention.start]):
        if not name.entity or ctx.registry.kind(name.entity) not in ("place", "organisation"):
            continue
        gap = ctx.text[name.end:mention.start]
        if re.fullmatch(r"(?:,\s+(?=(?:has|have|had|will|would|is|was|were|are)\b))?(?:\s*(?:has|have|had|will|would|is|"
                        r"was|were|are|be|been|also|previously|already|agreed|indicated|decided|moved|it|to|then|later|"
                        r"formally|officially|finally|now|announced|said|says|confirmed|that|they)\b)*\s*", gap) or \
                re.fullmatch(r"[’']?s?\s+(?:sanctions?|restrictions)\s*", gap):
            mention.actor, mention.actor_start = name.entity, name.start
            return
        break


def _named_target(ctx: Context, sentence: Sentence, mention: Mention) -> bool:
    return any(mention.target_start <= n.start < mention.end and n.entity and
               ctx.registry.kind(n.entity) in ("organisation", "person") for n in sentence.names)


def article_sanction(ctx: Context, sentences: list[Sentence]) -> str | None:
    """The sanction the article is about: the first one it names being lifted, else the first it names."""
    named = [m for s in sentences for m in mentions(ctx, s) if m.sanction]
    known = [m for m in named if ctx.registry.kind(m.sanction) == "sanction"] or named
    lifted = [m for m in known if m.action in ("lifted", "relief")]
    return (lifted or known)[0].sanction if known else None


@rule("sanctions")
def sanctions(ctx: Context, sentence: Sentence) -> None:
    """Lifted or imposed, by whom, when, on what; who announced a lifting."""
    for mention in mentions(ctx, sentence):
        if mention.sanction is None:
            continue
        subject = mention.sanction
        start, end = sentence.clause(mention.start)
        quote_start = min(mention.start, mention.actor_start) if mention.actor_start is not None else mention.start
        if mention.actor and mention.action in ("lifted", "relief", "imposed"):
            prop = "imposed_by" if mention.action == "imposed" else "lifted_by"
            ctx.add(prop, "entity", mention.actor, quote_start, mention.end, subject=subject)
        _dates(ctx, sentence, mention, start, end, quote_start)
        _imposed_when(ctx, sentence, mention)
        _same_day(ctx, sentence, mention)
        _as_freed(ctx, sentence, mention)
        _targets(ctx, sentence, mention)
        if mention.action in ("lifted", "relief") and mention.action != "relief":
            ctx.add("relief", "text", ctx.text[mention.start:mention.end].strip(), mention.start, mention.end,
                    subject=subject)
            _announced(ctx, sentence, mention)


EVENT_BEFORE = re.compile(r"\b(?:(?:elections?|votes?|polls?|protests?|war|invasion|coup)\s+(?:in|of)|"
                          r"(?:born|arrested|detained|jailed|sentenced|convicted)\s+(?:in|on))\s+$", re.IGNORECASE)
"""Right before a date in a sanction's clause, the event it dates, never the sanction's."""
REPORTING = re.compile(r"\b(?:said|says|announced|confirmed|declared|stated|told)\b")


def _reported_on(ctx: Context, sentence: Sentence, date, quote_start: int) -> bool:
    """"A delegation in Minsk on Friday said Washington had lifted ...", "told reporters on Friday that ...": the
    day of the saying is the lifting's (or its announcement's), even when it is also the release's day."""
    gap = ctx.text[date.end:quote_start]
    return bool(re.fullmatch(r"\s*(?:(?:said|announced|confirmed|declared|stated)\s+)?(?:that\s+)?", gap) and
                (REPORTING.search(gap) or REPORTING.search(ctx.text[max(sentence.start, date.start - 40):date.start])))


def _dates(ctx: Context, sentence: Sentence, mention: Mention, start: int, end: int, quote_start: int) -> None:
    for date in (d for d in sentence.dates if start <= d.start < end and d.value and
                 (not ctx.taken(d) or mention.action == "lifted" and _reported_on(ctx, sentence, d, quote_start))):
        before = ctx.text[max(start, date.start - 24):date.start]
        since = re.search(r"\bsince\s+$", before)
        # "imposed in 2021", "having imposed them in 2023", "lifted its sanctions on X, introduced in 2021"; a
        # sanction in force "since" a date began then
        imposed = mention.action == "imposed" or \
            re.search(r"\b(?:imposed|introduced)\s+(?:(?:them|it|those)\s+)?(?:in\s+)?$", before) \
            or (since and not re.search(rf"\b(?:{LIFT})\b", before, re.IGNORECASE))
        if mention.action == "targeted" or EVENT_BEFORE.search(ctx.text, max(start, date.start - 40), date.start) or \
                EVENT_AFTER.match(ctx.text, date.end):
            continue  # "a candidate who ran in the elections in 2019, in return for lifting sanctions": the vote's
        ctx.take(date)
        ctx.add("imposed_on" if imposed else "lifted_on", "date", date.value, min(quote_start, date.start),
                max(date.end, mention.end), subject=mention.sanction, qualifier="since" if since else "exact",
                note=date_note(ctx, date))


def _as_freed(ctx: Context, sentence: Sentence, mention: Mention) -> None:
    """"Belarus freed 17 prisoners on Monday, as the European Union confirmed it was easing sanctions on X": what
    happened as the prisoners were freed happened the same day, the day the freeing is given."""
    if mention.action != "lifted" or any(d.property == "lifted_on" and d.subject == mention.sanction for d in ctx.drafts):
        return
    day = next((d for d in reversed(sentence.dates) if d.end <= mention.start and d.value and len(d.value) == 10), None)
    if day is None or not sentence.freeing() or not any(m.start() < day.start - sentence.start for m in sentence.freeing()):
        return
    # ", as the European Union said it was easing", ", as Washington lifted": the actor, then the lifting done
    # (not "as talks on lifting sanctions continue", nor "as the US said it would lift")
    if re.fullmatch(r",?\s+as\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,4}(?:(?:announced|said|confirmed)\s+(?:that\s+)?"
                    r"(?:it|they)\s+(?:was|were)\s+)?", ctx.text[day.end:mention.start]):
        ctx.add("lifted_on", "date", day.value, sentence.start + min(m.start() for m in sentence.freeing()), mention.start +
                len(re.match(r"\S+(?:\s+\S+)?", ctx.text[mention.start:]).group(0)), subject=mention.sanction,
                note=date_note(ctx, day))


def _same_day(ctx: Context, sentence: Sentence, mention: Mention) -> None:
    """"... lifted sanctions on X the same day": the day of the release the article reports."""
    match = re.match(r"\s+(?:on\s+)?the\s+same\s+day\b", ctx.text[mention.end:sentence.end])
    day = ctx.release_dates.get(ctx.release) if ctx.release else None
    if day is None and ctx.release:
        drafted = next((d.value for d in ctx.drafts if d.subject == ctx.release and d.property == "date"), None)
        day = parse_date(drafted) if drafted else None
    if match and day is not None and day.precision == "day" and mention.action == "lifted":
        ctx.add("lifted_on", "date", day.text, mention.start, mention.end + match.end(), subject=mention.sanction,
                note="\"the same day\" as the release")


def _imposed_when(ctx: Context, sentence: Sentence, mention: Mention) -> None:
    """"... its sanctions on the airline, which were imposed in August 2023"."""
    clause = re.match(r",\s+which\s+(?:were|was|had\s+been|have\s+been)\s+(?:first\s+|originally\s+)?"
                      r"(?:imposed|introduced)\s+(?:in|on|since)\s+", ctx.text[mention.end:sentence.end])
    date = next((d for d in sentence.dates if clause and d.start == mention.end + clause.end() and d.value), None)
    if date and ctx.take(date):
        ctx.add("imposed_on", "date", date.value, mention.target_start, date.end, subject=mention.sanction)


OWNED = re.compile(r"\b(?:by|to|of|with|from|for|linked|used|owned)\s+(?:(?:the|a|an)\s+)?$")
"""Words before a name that make the phrase about something of theirs, not about them."""


def _targets(ctx: Context, sentence: Sentence, mention: Mention) -> None:
    """The organisation or person a sanction targets, when the phrase is about them ("on Fixkali",
    "on the state airline Fixavia"), not about something of theirs ("the jet used by X's family").
    One the registry does not know is proposed (`_new_target`)."""
    start = mention.start if mention.action == "targeted" else mention.target_start - 12
    for name in sentence.names:
        if mention.target_start <= name.start < mention.end and name.entity and \
                ctx.registry.kind(name.entity) in ("organisation", "person") and \
                not re.match(r"[’']s\b", ctx.text[name.end:name.end + 2]) and \
                not OWNED.search(ctx.text[mention.target_start:name.start]):
            ctx.add("target", "entity", name.entity, start, name.end, subject=mention.sanction)
            return
    found = _new_target(ctx, sentence, mention)
    if found:
        ctx.add("target", "entity", found[0], start, found[1], subject=mention.sanction)


CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][\w’'&-]*(?:\s+(?:(?:of|for|and)\s+)?[A-Z][\w’'&-]*)*")
ORGANISATION_WORDS = {"company", "corporation", "bank", "group", "airline", "airlines", "agency", "ministry",
                      "committee", "council", "service", "fund", "association", "union", "party", "centre", "center",
                      "foundation", "institute", "plant", "works", "factory", "holding", "enterprise", "concern",
                      "refinery", "combine", "trust", "society", "authority", "board"}
"""The last word of a name that makes a demonym at its start part of the name ("Belarusian Potash Company")."""
NOT_ORGANISATIONS = {"the", "a", "an", "its", "their", "his", "her", "january", "february", "march", "april", "may",
                     "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
                     "wednesday", "thursday", "friday", "saturday", "sunday"}


def _new_target(ctx: Context, sentence: Sentence, mention: Mention) -> tuple[str, int] | None:
    """A person or organisation the registry does not know, named as what a sanction is on ("on Belarusian
    potash producer Ozerkali", "on the Nordavia Cargo Company"): (its proposed id, where its name ends).
    A name read as a person's (`find_names`) is proposed as a person.

    The entry has the country the article gives it, by a demonym in the same phrase before the name
    ("Belarusian potash producer X"); a demonym that begins the name itself ("Belarusian Potash
    Company") gives none, and neither does an article that says nothing: a country is never guessed."""
    if mention.action not in ("lifted", "imposed", "targeted") or not mention.target:
        return None
    begin = mention.target_start
    for match in CAPITALISED.finditer(ctx.text, begin, mention.end):
        words = match.group(0).split()
        offset = match.start()
        while words and words[0].lower() in NOT_ORGANISATIONS:
            offset = ctx.text.index(words[1], offset + len(words[0])) if len(words) > 1 else match.end()
            words = words[1:]
        if words and len(words) > 1 and words[-1].lower() not in ORGANISATION_WORDS and _demonym(ctx, words[0]):
            offset = ctx.text.index(words[1], offset + len(words[0]))
            words = words[1:]
        if not words or any(w.lower() in NOT_ORGANISATIONS for w in words) or \
                (len(words) == 1 and _demonym(ctx, words[0])) or re.search(r"[’']s?$", words[-1]):
            continue  # "on Belarus's potash sector": the owner of what is targeted, not the target
        name = ctx.text[offset:match.end()]
        end = offset + len(name)
        if re.match(r"[’']s\b", ctx.text[end:end + 2]) or OWNED.search(ctx.text[begin:offset]) or \
                ctx.registry.resolve(name).entity_id or ctx.registry.get(slug(name)) or len(slug(name)) < 3:
            return None
        person = next((n for n in sentence.names if n.proposed and n.start < end and offset < n.end), None)
        if person:
            return ctx.note_person(person), person.end
        before = re.split(r"[,;(]", ctx.text[begin:offset])[-1].split()
        country = next((c for c in (country_of(ctx, w) for w in reversed(before[-4:])) if c), None)
        entry = {"id": slug(name), "name": name, "aliases": []}
        if country:
            entry["country"] = country
        return ctx.propose("organisations", entry), end
    return None


def _demonym(ctx: Context, word: str) -> bool:
    """A word that names a country's people or things ("Belarusian"); proposes nothing."""
    return any(demonym_country(ctx, word))


def _announced(ctx: Context, sentence: Sentence, mention: Mention) -> None:
    """Who announced the lifting: a person who says it in the sentence ("X said", "quoted X as saying")."""
    if not ANNOUNCING.search(ctx.text[max(sentence.start, mention.start - 60):mention.end]):
        return
    speaker = next((p for p in persons(ctx, sentence) if speaks(ctx, sentence, p) or
                    re.match(r"\s+(?:announced|as\s+saying)", ctx.text[p.end:p.end + 14])), None)
    if speaker is None:
        return
    start, end = sorted((speaker.start, mention.start))[0], max(speaker.end, mention.end)
    ctx.add("lift_announced_by", "entity", ctx.note_person(speaker), start, end, subject=mention.sanction)


STANDING = re.compile(r"\b(?:in\s+force|in\s+place|in\s+effect|kept|maintained|stood|remained?|had\s+been|has\s+been|"
                      r"have\s+been)\b[^.;:]{0,40}?\bsince\s+$", re.IGNORECASE)


@rule("sanction-since")
def standing(ctx: Context, sentence: Sentence) -> None:
    """A sanction in force since a date: "sanctions on the airline, in force since June 2021", "the potash
    sanctions had been in place since August 2021": imposed on or before then (`since`)."""
    if not re.search(rf"\b{NOUN}\b", sentence.text, re.IGNORECASE):
        return
    for date in (d for d in sentence.dates if d.value and not ctx.taken(d)):
        before = ctx.text[sentence.start:date.start]
        if not STANDING.search(before[-60:]) or re.search(rf"\b(?:{LIFT})\b", before[-60:], re.IGNORECASE):
            continue
        # what is sanctioned: the words before the noun ("the potash sanctions"), or its target after "on"
        # ("sanctions on the airline, in force since", "sanctions the EU has kept on the airline since")
        noun = list(re.finditer(rf"(?:[\w’'-]+\s+){{0,3}}\b{NOUN}\b", before, re.IGNORECASE))
        if not noun:
            continue
        target = re.search(r"\b(?:on|against)\s+(?P<target>[^.;:,]{2,60}?)(?:,\s*(?:(?:which\s+(?:has|had)\s+been\s+)?in\s+"
                           r"(?:force|place|effect))?\s*|\s+)since\s+$", before[noun[-1].end():], re.IGNORECASE)
        candidates = [target.group("target")] if target else []
        sanction = next((s for s in map(lambda p: sanction_named(ctx, p), [*candidates, noun[-1].group(0)]) if s),
                        None)
        if sanction is None or not ctx.take(date):
            continue
        ctx.add("imposed_on", "date", date.value, sentence.start + noun[-1].start(), date.end, subject=sanction,
                qualifier="since")


@rule("traded-for")
def exchanges(ctx: Context, sentence: Sentence) -> None:
    """What a release was exchanged for: "freed ... in exchange for sanctions relief", "the lifting of sanctions
    was in exchange for the release": both sides of the deal (`_traded`)."""
    marker = EXCHANGE.search(sentence.text)
    weak = LIFTED_AFTER.search(sentence.text) if not marker else None
    if weak:
        _lifted_after(ctx, sentence, weak)
    if not marker:
        return
    if DOUBTED.search(sentence.text, 0, marker.start()) or NEGATED.search(sentence.text, 0, marker.start()):
        return  # "Officials denied the pardons were linked to the lifting", "It was unclear whether ...", "was not tied to"
    at = sentence.start + marker.start()
    found = mentions(ctx, sentence)
    left = [m for m in found if m.start < at and m.sanction]
    right = [m for m in found if m.start >= at and m.sanction]
    release_words = re.compile(rf"\b(?:releas\w*|{FREE}|freeing|pardon\w*|prisoners)\b", re.IGNORECASE)
    before, after = ctx.text[sentence.start:at], ctx.text[at:sentence.end]
    if left and not re.match(r"\w+\s+\w+\s+for\b", marker.group(0)) and re.match(r"in\s+(?:exchange|return)\b(?!\s+for)",
                                                                               marker.group(0), re.IGNORECASE) \
            and not release_words.search(after) and ctx.release:
        # "Washington lifted sanctions on X in exchange": a trade for the release this article reports
        if left[-1].action in ("lifted", "relief"):
            _traded(ctx, ctx.release, left[-1].sanction, left[-1].start, sentence.start + marker.end())
        return
    if left and release_words.search(after) and not release_words.search(before):
        release = clause_release(ctx, sentence, at + release_words.search(after).start())
        if release:
            _traded(ctx, release, left[0].sanction, left[0].start, sentence.end)
        return
    lead = re.match(r"\W*in\s+(?:exchange|return)\s+for\s+(?P<what>[^,;]{3,80}),", sentence.text, re.IGNORECASE)
    if lead and right and release_words.search(lead.group("what")):
        # "In exchange for an earlier release, in March, the U.S. eased ...": the release is the one named there
        release = clause_release(ctx, sentence, sentence.start + lead.start("what"))
        if release:
            _traded(ctx, release, right[0].sanction, sentence.start, right[0].end)
        return
    if lead and right and ctx.release and right[0].action in ("lifted", "relief") and GESTURE.search(lead.group("what")) \
            and not CONSIDERED.search(ctx.text, sentence.start + lead.end(), right[0].start):
        # "In return for this humanitarian gesture, the US will offer sanctions relief to X": the page's release
        _traded(ctx, ctx.release, right[0].sanction, sentence.start, right[0].end)
        return
    sanction = (right[0].sanction if right else None) or (ctx.sanction if re.search(r"sanction", after, re.I) or
                                                          marker.group(0).lower().startswith(("trad", "sanction")) or
                                                          "concession" in after.lower() else None)
    if sanction and (release_words.search(before) or marker.group(0).lower().startswith(("as part", "in exchange,"))
                     or re.match(r"\s*(?:in\s+exchange|in\s+return),", sentence.text[marker.start():], re.IGNORECASE)):
        offset = sentence.start + (release_words.search(before).start() if release_words.search(before) else 0)
        release = clause_release(ctx, sentence, offset) or ctx.release
        if release:
            finish = right[0].end if right else _sanctions_end(ctx, sentence, at)
            begin = offset if at - offset < 60 else at  # the freeing words, when they are near
            _traded(ctx, release, sanction, min(begin, at), finish)


DOUBTED = re.compile(r"\b(?:denied|deny|denies|denying|whether|unclear)\b", re.IGNORECASE)
"""Before the words that tie a release to a lifting, a denial or a question: the tie is not stated ("Officials denied
the pardons were linked to ...", "Asked whether ...", "It was unclear whether ..."; not "Minsk, which rejected the
EU's demands, freed 52 in exchange for ...")."""
NEGATED = re.compile(r"(?:\bnot|\bnever|n[’']t)\s+(?:\w+\s+)?(?:\w+\s+)?$", re.IGNORECASE)
"""Right before the tying words, a negation: "was not tied to", "wasn't in exchange for"."""
REFUSED = re.compile(r"\b(?:refus\w*|declin\w*|reject\w*|not|never|without|n[’']t)\b", re.IGNORECASE)
"""Between "after" and a lifting, words that say it did not happen: "after Washington refused to lift"."""
TO_COME = re.compile(r"\b(?:could|would|may|might|will|shall|to)\s+(?:\w+\s+)?(?:be\s+)?$", re.IGNORECASE)
"""Before a freeing, words that make it one to come: "More prisoners could be freed after ..."."""
SPAN_BEFORE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few|many)\s+"
                         r"(?:days?|weeks?|months?|years?)\s+$", re.IGNORECASE)
"""Before "after", a span of time: the lifting came earlier, on its own ("three days after the US lifted ...")."""
CONSIDERED = re.compile(r"\b(?:could|may|might|would|consider\w*|weigh\w*|mull\w*|discuss\w*)\b", re.IGNORECASE)
"""Between "In return for the gesture," and the relief, words that make it no more than considered."""
GESTURE = re.compile(r"\b(?:gesture|move|step|decision|concession)s?\b", re.IGNORECASE)
"""What "in return for" names when it stands for the page's release: "In return for this humanitarian gesture"."""


def _lifted_after(ctx: Context, sentence: Sentence, weak: re.Match) -> None:
    """"freed 31 detainees after Washington agreed to ease its sanctions on X": the freeing before "after", the
    lifting of a sanction right after it, tie the release to the sanction's relief."""
    at = sentence.start + weak.start()
    freeing = [m for m in sentence.freeing() if m.end() <= weak.start()]
    lifted = next((m for m in mentions(ctx, sentence) if m.start >= at and m.sanction), None)
    if not freeing or lifted is None or lifted.action not in ("lifted", "relief") or lifted.start - at > 80:
        return
    if REFUSED.search(ctx.text, at, lifted.start) or DOUBTED.search(sentence.text, 0, weak.start()):
        return  # "after Washington refused to lift", "after the US said it would not lift": the sanctions stayed
    if TO_COME.search(sentence.text, max(0, freeing[-1].start() - 30), freeing[-1].start()) or \
            re.search(r"\bsince\b|\bso\s+far\b", sentence.text[freeing[-1].end():weak.start()], re.IGNORECASE) or \
            SPAN_BEFORE.search(sentence.text, max(0, weak.start() - 40), weak.start()):
        return  # "More could be freed after ...", "has freed hundreds since 2024, after ...", "three days after ...": no
        # freeing the lifting is told as the price of
    release = clause_release(ctx, sentence, sentence.start + freeing[-1].start())
    if release:
        _traded(ctx, release, lifted.sanction, sentence.start + freeing[-1].start(), lifted.end)


def _traded(ctx: Context, release: str, sanction: str, start: int, end: int) -> None:
    """One sentence that ties a release to a sanction's relief says both sides of the deal, with the same quote:
    the release was traded for the sanction, and the sanction exchanged for the release ("In return, Washington
    lifted its sanctions on X"; "X was lifted in exchange for the release")."""
    ctx.add("traded_for", "entity", sanction, start, end, subject=release)
    ctx.add("exchanged_for", "entity", release, start, end, subject=sanction)


def _sanctions_end(ctx: Context, sentence: Sentence, at: int) -> int:
    """Where "in exchange for some sanctions relief from Washington and Brussels" ends."""
    match = re.match(r"[^,;.]*?\b(?:sanctions?|relief|concessions?|restrictions)\b(?:\s+(?:relief|on|from|against)"
                     r"(?:\s+[^,;.]{0,40})?)?", ctx.text[at:sentence.end], re.IGNORECASE)
    return at + match.end() if match else sentence.end
