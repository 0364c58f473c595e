"""Rules about people: age, prison term, arrest and sentence dates, who was freed, where they went,
their nationality and their role.

A fact about a person goes to the person named nearest before it in the sentence, or, when the
sentence opens with "He", "She" or "They", to the person named last before it. Who was freed is
read only from the constructions that say so: a list after "including" or "Those freed include",
"X was (also) freed", "X was among those freed", "Also freed were X and Y", "X's release", a
bare list of names after a sentence about freeing; a person who speaks in the sentence, or is
named only inside another person's description, is not drafted as freed.
"""

from __future__ import annotations

import re

from .context import Context, Sentence, rule
from .names import Name, title_word, apposition
from .subjects import clause_release, country_of, place_after

SPEECH = re.compile(r"\s*(?:[a-z]\w*\s+)?(?:said|says|told|tells|wrote|writes|added|announced|stated|thanked|welcomed|"
                    r"expressed|urged|called|noted|posted|tweeted|recalled|explained|described|insisted|argued|"
                    r"claimed|confirmed|reported|warned|stressed|emphasized|emphasised|commented|gives|gave|spoke|"
                    r"speaks|meet|met|quoted)\b")
PRONOUN = re.compile(r"^\W*(?:(?:[A-Z]\w*\s+){1,3}\w+,\s*)?(?:He|She|They|he|she|they|[Tt]he\s+\d{1,3}-year-old)(?:[’']d)?\b")
"""A sentence about the person named last: "He", "She", "They", "The 42-year-old" (after an opening "Last year,")."""
MOVED = (r"(?:handed\s+over|transferred|taken|sent|deported|flown|driven|brought|moved|expelled|bused|escorted|"
         r"transported|went|crossed|arrived|headed|heading|flying|flew|travell?ed|ended\s+up|returned|relocated|"
         r"evacuated|resettled)")
INCLUDING = re.compile(r"\b(?:including|includ(?:e|es|ed)|among\s+them|among\s+whom|such\s+as|as\s+well\s+as)\s+",
                       re.IGNORECASE)
FRONTED = re.compile(r"\b(?:(?:also\s+)?(?:freed|released|pardoned|set\s+free)\s+(?:were|was|are|is)|"
                     r"(?:those|people|prisoners|the\s+people)\s+(?:freed|released|pardoned|set\s+free)\s+"
                     r"(?:include[sd]?|were|are)|"
                     r"among\s+(?:those|the)\s[^.;:]{0,70}?\s(?:were|are|was|is)|among\s+[^.;:]{0,60}?:)\s+", re.IGNORECASE)
FREED_BEFORE = re.compile(r"\b(?:free[sd]?|releas\w*|pardon\w*|transferred|handed\s+over|those)\b", re.IGNORECASE)
# "The group included ...", "They include ..." right after a sentence about freeing
GROUP_SUBJECT = re.compile(r"\W*(?:(?:The|This|That)\s+(?:group|list|prisoners|detainees|people|released|freed|"
                           r"pardoned)|They|Those)\b", re.IGNORECASE)
FREED_AFTER = re.compile(r"\s*(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:also\s+|now\s+|later\s+|then\s+)?"
                         r"(?:freed|released|pardoned|set\s+free|free\b|among\s+(?:those|the)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:freed|released|pardoned|let\s+go)|among\s+them\b)", re.IGNORECASE)


def persons(ctx: Context, sentence: Sentence) -> list[Name]:
    return [n for n in sentence.names if ctx.kind(n) == "person"]


def after_apposition(text: str, offset: int, end: int) -> int:
    """Past up to two comma-enclosed descriptions after a name ("X, 41, who ..., was freed")."""
    moved = offset
    for _ in range(3):
        match = re.match(r",(?!\s*(?:was|were|is|are|has|have|had|will|would|said|says|told|and)\b)[^,.;:“”\"]{1,120}(?=,)",
                         text[moved:end])
        if not match:
            break
        moved += match.end()
    return moved + 1 if moved > offset else offset


def speaks(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the sentence has the person speak ("X said", "X, the envoy, told", "according to X")."""
    after = after_apposition(ctx.text, person.end, sentence.end)
    if SPEECH.match(ctx.text, after) or SPEECH.match(ctx.text, person.end):
        return True
    return bool(re.search(r"(?:according\s+to|quoted|cited\s+by|told\s+by)\s+(?:\w+\s+){0,4}$",
                          ctx.text[max(sentence.start, person.start - 60):person.role_start or person.start],
                          re.IGNORECASE))


def described(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the name sits inside another person's description (", a leader of protests against X,")."""
    before = ctx.text[sentence.start:person.start]
    return bool(re.search(r",\s+(?:a|an|the|who|whose|which)\b[^,;]*$", before)) or \
        bool(re.search(r"\b(?:against|with|by|to|from|under|than)\s+(?:\w+\s+){0,2}$", before))


OFFICE = re.compile(r"\b(?:president|prime\s+minister|minister|envoy|ambassador|officials?|spokes(?:man|woman|person)|"
                    r"secretary|ruler|king|queen|chancellor|governor|mayor|senator|judge|prosecutor|dictator|"
                    r"(?<!opposition\s)(?<!union\s)(?<!party\s)(?<!protest\s)(?<!movement\s)(?<!student\s)"
                    r"(?<!rights\s)(?<!civic\s)(?<!community\s)(?<!religious\s)leader)\b", re.IGNORECASE)
IN_POWER = re.compile(r",\s+(?:who|which)\s+(?:has|had|have)\s+(?:been\s+in\s+power|ruled|held\s+power|led|governed|"
                      r"run)\b|,\s+(?:the\s+)?(?:country|nation|state)[’']s\s+(?:leader|ruler|president)\b", re.IGNORECASE)


def office_holder(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the article presents the person as holding power or office ("President X", "U.S. envoy
    X", "X, who has ruled since 1994", "X, a spokesperson for ..."): the one who frees, negotiates or
    speaks, not one of the freed. A former office ("former minister") is no office."""
    role = person.role or ""
    if re.search(r"\b(?:former|ex-?|one-time|onetime)\s+(?:[\w-]+\s+){0,2}$",
                 ctx.text[max(0, (person.role_start or person.start) - 30):person.role_start or person.start],
                 re.IGNORECASE):
        role = "former " + role  # "former Health Minister X": the title is the one he had
    described_as = apposition(ctx.text, person.end)
    for words in (role, described_as[0] if described_as else ""):
        if OFFICE.search(words) and not re.search(r"\b(?:former|ex-|one-time|onetime|then|presidential)\b", words,
                                                  re.IGNORECASE):
            return True
    return bool(IN_POWER.match(ctx.text, person.end))


def clause_subject(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the name begins a clause of its own rather than ending a list: its possessive ("X's
    deputy has thanked"), or a verb right after it (or after its description) that is no freeing."""
    after = after_apposition(ctx.text, person.end, sentence.end)
    if re.match(r"[’']s?\s+[a-z]", ctx.text[person.end:person.end + 4]):
        return True
    verb = re.match(r"\s*(?:(?:has|have|had|is|was|will|would|can|could)\s+(?:long\s+|also\s+|since\s+|later\s+|not\s+)?"
                    r"(?P<verb>[a-z]{3,})|(?:long\s+|also\s+|later\s+)?(?P<past>[a-z]{3,}ed|says|thanks|tells|urges|"
                    r"calls|adds|notes|welcomes|hopes|wants|plans))\b", ctx.text[after:sentence.end])
    word = verb and (verb.group("verb") or verb.group("past"))
    return bool(word and not re.match(r"(?:freed|released|pardoned|been|among|also|jailed|detained|imprisoned|"
                                      r"sentenced|convicted|arrested|exiled)$", word))


def freeing_label(sentence: Sentence) -> bool:
    """True for a subheading that labels what follows as about who was freed ("Released prisoners",
    "Who walked free"): short, with no figure, its freeing word a participle; not a headline reporting
    an event in the present tense ("Belarus releases 52 prisoners", "Authorities release activist")."""
    if len(sentence.text.split()) > 6 or sentence.figures:
        return False
    return any(re.fullmatch(r"(?:freed|released|pardoned|set\s+free|let\s+go|walked\s+free|the\s+freed|"
                            r"(?:were|was|been)\s+handed\s+over|won\s+\w+\s+freedom)", m.group(0), re.IGNORECASE)
               for m in sentence.freeing())


def person_before(ctx: Context, sentence: Sentence, offset: int) -> Name | None:
    """The person named nearest before `offset` (not one named inside someone's description), or
    the one a leading pronoun stands for."""
    named = [n for n in persons(ctx, sentence) if n.end <= offset and not described(ctx, sentence, n)]
    if named:
        return named[-1]
    item = ctx.item_person
    if item and item[0] == ctx.text.rfind("\n", 0, sentence.start) + 1 and not persons(ctx, sentence):
        return item[1]  # "- Name, a reporter. Held since May 2021.": the item's person
    return ctx.last_person if PRONOUN.match(sentence.text) else None


BULLET = re.compile(r"[ \t]*(?:[-•*·–—]|\d{1,2}[.)])\s+")


def list_item(ctx: Context, sentence: Sentence) -> int | None:
    """Where the item starts, when the sentence is in an item of a bulleted or numbered list."""
    line = ctx.text.rfind("\n", 0, sentence.start) + 1
    return line if BULLET.match(ctx.text, line) else None


def freeing_list_lead(ctx: Context, line: int) -> bool:
    """True when the list an item at `line` belongs to is introduced by a line about who was freed
    ("Journalists released on September 11 included:", "Those freed:")."""
    while line > 0:
        previous = ctx.text.rfind("\n", 0, line - 1) + 1
        text = ctx.text[previous:line - 1]
        line = previous
        if not text.strip() or BULLET.match(text):
            continue
        from .context import FREEING, WISH
        lead = text.rstrip()
        return lead.endswith(":") and any(not WISH.search(lead[max(0, m.start() - 40):m.start()])
                                          for m in FREEING.finditer(lead))
    return False


def _listed_item(ctx: Context, sentence: Sentence, record) -> None:
    """An item of a list that a line about the freed introduces: its first person is one of the freed
    ("- Freelance reporter X. Detained since 2022.", "- Outlet's X")."""
    line = list_item(ctx, sentence)
    if line is None or sentence.start > BULLET.match(ctx.text, line).end() or not freeing_list_lead(ctx, line):
        return
    first = next(iter(persons(ctx, sentence)), None)
    if first is None or len(ctx.text[sentence.start:first.start].split()) > 5:
        return
    ctx.freeing_list = True
    record(first, sentence.start, first.role_start if first.role_start is not None else first.start, first.end,
           review="list-item")


def freed(ctx: Context, sentence: Sentence, person: Name, offset: int, quote_start: int, quote_end: int,
          review: str = "") -> None:
    """Draft that `person` was freed in the release the clause at `offset` speaks of."""
    release = clause_release(ctx, sentence, offset)
    if release:
        ctx.add("released_in", "entity", release, quote_start, quote_end, subject=ctx.note_person(person),
                review=review)


# --- figures and dates about one person -------------------------------------------------------------

@rule("age")
def ages(ctx: Context, sentence: Sentence) -> None:
    """Age: "Name, 41," "Name, aged 35", "a 41-year-old Name"."""
    for person in persons(ctx, sentence):
        after = re.match(r",\s+(?:aged\s+|now\s+)?(\d{1,3})\b(?!\s*(?:years?\s+(?:in|of|for|behind)|percent|%|-))",
                         ctx.text[person.end:sentence.end])
        figure = next((f for f in sentence.figures if after and f.start == person.end + after.start(1)), None)
        if figure and 0 < figure.value < 120 and ctx.take(figure):
            ctx.add("age", "count", figure.value, person.start, person.end + after.end(), subject=ctx.note_person(person))
    for match in re.finditer(r"\b(\d{1,3})-year-old\s+", sentence.text):
        person = next((n for n in persons(ctx, sentence) if n.start == sentence.start + match.end()), None)
        figure = next((f for f in sentence.figures if f.start == sentence.start + match.start(1)), None)
        if person and figure and ctx.take(figure):
            ctx.add("age", "count", figure.value, sentence.start + match.start(), person.end,
                    subject=ctx.note_person(person))
    # "Last year, the 42-year-old was sentenced": the person named last
    anaphor = re.match(r"\W*(?:(?:[A-Z]\w*\s+){1,3}\w+,\s*)?[Tt]he\s+(\d{1,3})-year-old\s+(?=(?:was|had|has|is|said)\b)",
                       sentence.text)
    figure = next((f for f in sentence.figures if anaphor and f.start == sentence.start + anaphor.start(1)), None)
    if figure and ctx.last_person is not None and not persons(ctx, sentence) and ctx.take(figure):
        ctx.add("age", "count", figure.value, sentence.start + anaphor.start(1) - 4, sentence.start + anaphor.end(),
                subject=ctx.note_person(ctx.last_person))
    # "Name, a 41-year-old reporter": the age in an apposition after the name
    for person in persons(ctx, sentence):
        after = re.match(r",\s+(?:an?\s+)(\d{1,3}|\w+)-year-old\s+[a-z][\w-]*", ctx.text[person.end:sentence.end])
        figure = next((f for f in sentence.figures if after and f.start == person.end + after.start(1)), None)
        if figure and 0 < figure.value < 120 and ctx.take(figure):
            ctx.add("age", "count", figure.value, person.end + after.start(1) - 2, person.end + after.end(),
                    subject=ctx.note_person(person))


TERM_LEAD = re.compile(r"\b(?:sentenced\s+(?:in\s+(?:\w+\s+)?\d{4}\s+)?to|given|handed|serving|jailed\s+for|imprisoned\s+for|gets?|got|received|"
                       r"faces?|facing)\s+(?:a\s+|an\s+)?$")
TERM_TAIL = re.compile(r"(?:-|\s+)years?\b(?:\s+(?:in\s+(?:prison|jail|a\s+penal\s+colony)|of\s+\w+|behind\s+bars))?")
TERM_NOUN = re.compile(r"-year(?:\s+(?:prison|jail))?\s+(?:sentence|term|prison\s+term)")


@rule("sentence-years")
def prison_terms(ctx: Context, sentence: Sentence) -> None:
    """Prison terms: "sentenced to eight years", "given 11 years", "serving a 14-year sentence"."""
    for figure in sentence.figures:
        before = ctx.text[max(sentence.start, figure.start - 40):figure.start]
        lead, tail = TERM_LEAD.search(before), TERM_TAIL.match(ctx.text, figure.end, sentence.end)
        term = TERM_NOUN.match(ctx.text, figure.end, sentence.end)
        if not ((lead and tail) or term) or ctx.taken(figure):
            continue
        person = person_before(ctx, sentence, figure.start)
        if person is None:
            continue
        ctx.take(figure)
        begin = figure.start - len(lead.group(0)) if lead else figure.start
        finish = (tail or term).end()
        if term and re.search(r"\b(?:serving|served|given|handed)\s+(?:a|an)\s+$", before):
            begin = figure.start - len(re.search(r"\b\w+\s+(?:a|an)\s+$", before).group(0))
        ctx.add("sentence_years", "count", figure.value, begin, finish, subject=ctx.note_person(person),
                qualifier=figure.qualifier if figure.qualifier != "between" else "exact")
        _charge(ctx, sentence, person, begin, finish)


CHARGE = re.compile(r"(?:\s+in\s+(?:\w+\s+)?\d{4})?\s+(?:for|on|over)\s+(?:allegedly\s+|supposedly\s+)?"
                    r"(?P<charge>[^,.;:“”\"]{3,60}?)(?=\s+(?:he|she|they)\s+(?:denies|denied|deny)|\s+after\b|"
                    r"\s+while\b|\s+in\s+\d{4}|[,.;:]|$)")


def _charge(ctx: Context, sentence: Sentence, person: Name, begin: int, finish: int) -> None:
    """What the sentence was for: "given 15 years for organising protests", "on fraud charges"."""
    match = CHARGE.match(ctx.text, finish, sentence.end)
    if match:
        charge = re.sub(r"^(?:charges?\s+of\s+)", "", match.group("charge"))
        charge = re.sub(r"\s+charges?$", "", charge) if len(charge.split()) <= 2 else charge
        ctx.add("charge", "text", charge, begin, match.end("charge"), subject=ctx.note_person(person))


IMPRISONED = re.compile(r"\b(?:arrested|detained|jailed|imprisoned|in\s+prison|in\s+jail|behind\s+bars|in\s+custody|"
                        r"incarcerated|held|locked\s+up|became\s+a\s+political\s+prisoner(?:\s+\w+self)?)\s+"
                        r"(?:\w+\s+){0,2}?(?P<since>in|since|on)\s+$", re.IGNORECASE)
SENTENCED = re.compile(r"\b(?:sentenced|convicted|found\s+guilty|(?:given|handed|received|got|gets|receives)\s+\S+\s+years?)"
                       r"(?:\s+[\w-]+){0,6}?\s+in\s+$", re.IGNORECASE)
# "In March 2022, she was found guilty", "A court in 2023 found X guilty": the date before the verdict
VERDICT_AFTER = re.compile(r"(?:,\s*)?(?:\s*(?:she|he|they)\s+was|\s*(?:she|he|they)\s+were|\s+found\s+(?P<who>[^,.;]{3,60}?))"
                           r"\s*(?:found\s+)?guilty\b|(?:,\s*)?\s*(?:she|he|they)\s+was\s+(?:sentenced|convicted)\b",
                           re.IGNORECASE)


def _year_before(ctx: Context, sentence: Sentence, offset: int) -> str | None:
    """What "that year" stands for: the year written last before it in the sentence."""
    years = re.findall(r"\b((?:19|20)\d\d)\b", ctx.text[sentence.start:offset])
    return years[-1] if years else None


@rule("imprisoned-since")
def imprisoned(ctx: Context, sentence: Sentence) -> None:
    """Imprisonment began: "arrested in May 2021", "jailed since 2020", "arrested that year"."""
    for date, start in _dates_after(ctx, sentence, IMPRISONED):
        if SENTENCED.search(ctx.text[max(sentence.start, date.start - 60):date.start]):
            continue  # "sentenced to 15 years in prison in 2021": the verdict's date, not the arrest's
        _dated(ctx, sentence, "imprisoned_since", date.value, start, date.end, date)
        person = person_before(ctx, sentence, date.start)
        if person is not None:
            _charge(ctx, sentence, person, start, date.end)
    for match in re.finditer(r"\b(?:arrested|detained|jailed|imprisoned)\s+(?:in\s+)?that\s+year\b", sentence.text):
        year = _year_before(ctx, sentence, sentence.start + match.start())
        if year:
            _dated(ctx, sentence, "imprisoned_since", year, sentence.start + match.start(), sentence.start + match.end())


@rule("sentenced-on")
def sentenced_on(ctx: Context, sentence: Sentence) -> None:
    """When sentenced: "sentenced in 2021", "given 11 years in 2022", "convicted in March 2022"."""
    for date, start in _dates_after(ctx, sentence, SENTENCED):
        _dated(ctx, sentence, "sentenced_on", date.value, start, date.end, date)
    last_year = re.match(r"\W*(?:Last|The\s+previous)\s+year,?", sentence.text)
    if last_year and ctx.anchor is not None and ctx.last_person is not None and not persons(ctx, sentence):
        verdict = re.match(r"\s*(?:he|she|they|the\s+\d{1,3}-year-old)\s+was\s+(?:sentenced|convicted|found\s+guilty)\b",
                           ctx.text[sentence.start + last_year.end():sentence.end])
        if verdict:
            ctx.add("sentenced_on", "date", str(ctx.anchor.start.year - 1), sentence.start + last_year.start(),
                    sentence.start + last_year.end() + verdict.end(), subject=ctx.note_person(ctx.last_person),
                    note=f'"last year" read as {ctx.anchor.start.year - 1}, from the article\'s date', review="relative-date")
    for date in (d for d in sentence.dates if d.value and not ctx.taken(d) and not d.relative):
        verdict = VERDICT_AFTER.match(ctx.text, date.end, sentence.end)
        lead = re.search(r"(?:^|\b(?:[Ii]n|[Oo]n)\s+)$", ctx.text[sentence.start:date.start]) and \
            re.fullmatch(r"\W*(?:(?:[Ii]n|[Oo]n)\s+|(?:A|The)\s+(?:\w+\s+){0,2}court\s+(?:in|on)\s+)", ctx.text[sentence.start:date.start])
        if not verdict or not lead:
            continue
        person = None
        if verdict.group("who"):
            person = next((p for p in persons(ctx, sentence) if verdict.start("who") <= p.start < verdict.end("who")), None)
        elif ctx.last_person is not None:
            person = ctx.last_person
        if person is not None and ctx.take(date):
            ctx.add("sentenced_on", "date", date.value, sentence.start + len(ctx.text[sentence.start:date.start]) -
                    len(ctx.text[sentence.start:date.start].lstrip()), verdict.end(), subject=ctx.note_person(person))


def _dates_after(ctx: Context, sentence: Sentence, verb: re.Pattern):
    """Each date of the sentence not yet drafted that `verb` precedes within 60 characters, with where
    the verb starts (checked as each is drafted, so a date is never drafted twice)."""
    for date in (d for d in sentence.dates if d.value and not ctx.taken(d)):
        before = ctx.text[max(sentence.start, date.start - 60):date.start]
        match = verb.search(before)
        if match:
            yield date, date.start - len(before) + match.start()


def _dated(ctx: Context, sentence: Sentence, prop: str, value: str, start: int, end: int, date=None) -> None:
    person = person_before(ctx, sentence, start)
    if person is None:
        return
    if date is not None:
        ctx.take(date)
    window = ctx.text[max(sentence.start, start - 25):start]
    lead = re.search(r"\b(?:who|she|he|they)\s+(?:\w+\s+){0,3}$", window, re.IGNORECASE)
    begin = start - len(window) + lead.start() if lead else start
    ctx.add(prop, "date", value, begin, end, subject=ctx.note_person(person))


# --- who was freed, and where they went -------------------------------------------------------------

CLAUSE_WORDS = {"following", "after", "before", "while", "when", "which", "who", "whose", "that", "said", "told", "says",
                "was", "were", "is", "are", "has", "have", "had", "will", "would", "may", "might", "can", "could",
                "of", "in", "on", "at", "by", "with", "from", "for", "to", "since", "as", "than", "thanks", "because",
                "but", "not", "also", "then", "there", "it", "its", "his", "her", "their", "they", "he", "she", "we",
                "this", "these", "those", "such", "into", "over", "under", "during", "until", "through", "about"}


def role_words(gap: str) -> bool:
    """True when the words between two listed names are only joiners and a role ("and former TUT.by
    editor-in-chief"), not a clause of their own ("following an agreement", "of prisoners may reflect")."""
    words = re.findall(r"[^\s,]+", gap)
    if len(words) > 7:
        return False
    for word in words:
        lowered = word.lower()
        if lowered in ("and", "as", "well", "plus", "the", "a", "an", "both") or title_word(word):
            continue
        if lowered in CLAUSE_WORDS or (lowered.endswith("ed") and lowered not in ("jailed", "detained", "exiled",
                                                                                  "imprisoned", "renowned", "retired")):
            return False
    return True


def list_members(ctx: Context, sentence: Sentence, begin: int) -> list[Name]:
    """The people listed from `begin`: names joined by commas and "and", each perhaps with a role
    before it or a description after it; the list ends where a clause of its own begins."""
    text, members, offset = ctx.text, [], begin
    for person in persons(ctx, sentence):
        if person.start < begin or described(ctx, sentence, person) and members:
            continue
        gap_start = after_apposition(text, offset, person.start) if members else offset
        gap = text[gap_start:person.role_start if person.role_start is not None else person.start]
        if re.search(r"[.;:!?](?:\s|$)|[()]|\s[—–]\s|\s--\s", gap) or not role_words(gap) or (not members and "," in gap):
            break
        if members and clause_subject(ctx, sentence, person):
            break  # "including X, U.S. envoy Y's deputy has thanked ...": Y begins the main clause
        members.append(person)
        offset = person.end
    return [m for m in members if not speaks(ctx, sentence, m)]


def _destination_after(ctx: Context, sentence: Sentence, offset: int) -> Name | None:
    move = re.match(rf"[^.;]{{0,60}}?(?:\b{MOVED}\s+(?:\w+\s+){{0,2}}?(?:back\s+)?(?:directly\s+)?(?:to|into|in|through|via)|"
                    rf"\b(?:is|are)\s+now\s+in)\s+(?:neighbou?ring\s+)?", ctx.text[offset:sentence.end])
    return place_after(ctx, sentence, offset + move.end()) if move else None


@rule("released-in")
def people_freed(ctx: Context, sentence: Sentence) -> None:
    """Who was freed, by each construction that says so; and where they went, when it says that too."""
    done: set[str] = set()

    def record(person: Name, offset: int, start: int, end: int, place: Name | None = None, review: str = "") -> None:
        if person.id in done or speaks(ctx, sentence, person) or office_holder(ctx, sentence, person):
            return
        done.add(person.id)
        freed(ctx, sentence, person, offset, start, end, review)
        if place is not None:
            ctx.add("sent_to", "entity", place.entity, min(start, person.start), max(end, place.end),
                    subject=ctx.note_person(person))

    freeing = sentence.freeing()
    for trigger in INCLUDING.finditer(sentence.text):
        begin = sentence.start + trigger.end()
        before = sentence.text[:trigger.start()]
        counted = any(f.end <= sentence.start + trigger.start() for f in sentence.figures) and re.search(MOVED, sentence.text)
        them = ctx.previous_freeing and not before.strip(" \"“") and trigger.group(0).lower().startswith("among") or \
            ctx.freeing_list and re.fullmatch(r"\W*The\s+list\s+(?:also\s+)?", before)  # the list of the freed
        if not FREED_BEFORE.search(before) and not (ctx.previous_freeing and GROUP_SUBJECT.match(before)) and not counted \
                and not them:
            continue
        verb = re.match(r"(?:was|were|is|are)\s+", sentence.text[trigger.end():])
        begin += verb.end() if verb and trigger.group(0).lower().startswith("among") else 0
        place = _destination_after(ctx, sentence, sentence.start) if re.search(MOVED, sentence.text) else None
        for person in list_members(ctx, sentence, begin):
            later = _destination_after(ctx, sentence, person.end)
            record(person, sentence.start + trigger.start(), sentence.start + trigger.start(), person.end,
                   place or later)
    for trigger in FRONTED.finditer(sentence.text):
        phrase = trigger.group(0)
        if phrase.lower().startswith("among") and not (re.search(r"freed|releas|pardon|transit|handed|transferred|"
                                                                 r"arriv|names|group|set\s+free|liberated", phrase, re.I)
                                                       or ctx.freeing_section
                                                       or (ctx.previous_freeing and re.match(r"among\s+them\b", phrase,
                                                                                            re.I))):
            continue
        place = place_after(ctx, sentence, sentence.start + trigger.start() +
                            (re.search(r"\b(?:through|in|to|into|via)\s+", phrase).end()
                             if re.search(r"\b(?:transit\w*|arriv\w*|sent|taken)\s+(?:through|in|to|into|via)\s+", phrase)
                             else 10**6))
        for person in list_members(ctx, sentence, sentence.start + trigger.end()):
            record(person, sentence.start + trigger.start(), sentence.start + trigger.start(), person.end, place)
    for person in persons(ctx, sentence):
        after = after_apposition(ctx.text, person.end, sentence.end)
        verb = FREED_AFTER.match(ctx.text, after)
        if verb and not described(ctx, sentence, person):
            place = _destination_after(ctx, sentence, verb.end())
            subjects = list_members(ctx, sentence, sentence.start)
            for member in (subjects if person in subjects else [person]):
                begin = member.role_start if member.role_start is not None else member.start
                record(member, verb.start(), begin, verb.end(), place)
        elif re.match(r"[’']s\s+release\b|\s+(?:\w+\s+){0,8}?after\s+being\s+(?:freed|released)", ctx.text[person.end:]) \
                and not described(ctx, sentence, person):
            release_word = re.search(r"release|freed", ctx.text[person.end:sentence.end])
            record(person, person.end + release_word.start(), person.start, person.end + release_word.end())
    for match in freeing:
        obj = sentence.start + match.end()
        for person in list_members(ctx, sentence, obj):
            record(person, sentence.start + match.start(), sentence.start + match.start(), person.end)
    _list_after_freeing(ctx, sentence, record)
    _listed_item(ctx, sentence, record)
    _listed_then_freed(ctx, sentence, record)
    _section_subject(ctx, sentence, record)
    _moved(ctx, sentence, done)


def _listed_then_freed(ctx: Context, sentence: Sentence, record) -> None:
    """"X, Y, Z released by Russia as part of the deal": a list of names the participle of a freeing follows,
    as summaries and headlines write it (no "were")."""
    begin = sentence.start + (BULLET.match(sentence.text).end() if BULLET.match(sentence.text) else 0)
    members = list_members(ctx, sentence, begin)
    if len(members) < 2:
        return
    verb = re.match(r"\s+(?:(?:were|have\s+been)\s+)?(?:freed|released|pardoned|set\s+free)\b(?=\s+(?:by|from|in|on|as|after|"
                    r"under|to)\b|\s*[,.;]|\s*$)", ctx.text[members[-1].end:sentence.end])
    if verb:
        for person in members:
            record(person, members[-1].end, person.role_start if person.role_start is not None else person.start,
                   members[-1].end + verb.end())


def _list_after_freeing(ctx: Context, sentence: Sentence, record) -> None:
    """"All of them are free now. A, B, C -- we waited for them": a sentence that opens with a list of names,
    after a sentence about freeing."""
    if not ctx.previous_freeing:
        return
    members = list_members(ctx, sentence, sentence.start)
    if len(members) >= 2 and members[0].start - sentence.start < 3:
        for person in members:
            record(person, sentence.start, sentence.start, members[-1].end, review="section")


def _section_subject(ctx: Context, sentence: Sentence, record) -> None:
    """Under a subheading about who was freed, a sentence that opens with a person is about one of them."""
    if not ctx.freeing_section or sentence.heading:
        return
    first = next(iter(persons(ctx, sentence)), None)
    if first is None or not re.fullmatch(r"\W*(?:[\w.’'-]+\s+){0,3}", ctx.text[sentence.start:first.role_start or
                                                                               first.start]):
        return
    if first.role and re.search(r"president|minister|envoy|ambassador|official|spokes", first.role, re.I):
        return
    end = after_apposition(ctx.text, first.end, sentence.end)
    if re.match(r"\W*[\"“‘]", sentence.text) or not (end > first.end or re.search(
            r"\b(?:sentenced|convicted|jailed|imprisoned|arrested|detained|prison|colony|years?|charged|served)\b",
            sentence.text, re.IGNORECASE)):
        return  # a quotation, or a sentence that describes no prisoner: not one of the freed the section lists
    record(first, sentence.start, first.role_start or first.start, end if end > first.end else first.end,
           review="section")


def _moved(ctx: Context, sentence: Sentence, done: set) -> None:
    """Where one person was taken: "X was transported to Lithuania", "Following her arrival in Ukraine, X"."""
    pronoun = PRONOUN.match(sentence.text)
    subjects = persons(ctx, sentence) or ([ctx.last_person] if pronoun and ctx.last_person else [])
    for person in subjects:
        named = person in sentence.names
        after = after_apposition(ctx.text, person.end, sentence.end) if named else sentence.start + pronoun.end()
        match = re.match(rf"\s*(?:was|were|had\s+been|has\s+been)\s+(?:also\s+|later\s+|then\s+)?{MOVED}\s+"
                         rf"(?:\w+\s+){{0,2}}?(?:to|into|in|through|via)\s+", ctx.text[after:sentence.end])
        place = place_after(ctx, sentence, after + match.end()) if match else None
        if place is None:
            if not named:
                continue
            arrival = re.search(r"\b(?:after|following|upon|on)\s+(?:her|his|their)\s+arrival\s+(?:in|at)\s+",
                                ctx.text[sentence.start:person.start], re.IGNORECASE)
            if arrival:
                place = place_after(ctx, sentence, sentence.start + arrival.end())
                if place is None or not re.fullmatch(r",\s*", ctx.text[place.end:person.start]):
                    continue
                ctx.add("sent_to", "entity", place.entity, sentence.start + arrival.start(), person.end,
                        subject=ctx.note_person(person))
                if person.id not in done:
                    done.add(person.id)
                    freed(ctx, sentence, person, sentence.start, sentence.start + arrival.start(), person.end)
            continue
        begin = person.start if named else sentence.start
        ctx.add("sent_to", "entity", place.entity, begin, place.end, subject=ctx.note_person(person))
        if person.id not in done:
            done.add(person.id)
            freed(ctx, sentence, person, after, begin, place.end)


@rule("nationality")
def nationality(ctx: Context, sentence: Sentence) -> None:
    """Nationality: "A and B are among the Belarusian citizens freed", "Estonian citizen X"."""
    for match in re.finditer(r"\b(?:are|were|is|was)\s+among\s+the\s+(?P<adj>[A-Z][a-z]+)\s+(?:citizens|nationals)\b",
                             sentence.text):
        country = country_of(ctx, match.group("adj"))
        if country is None:
            continue
        for person in list_members(ctx, sentence, sentence.start):
            if person.end <= sentence.start + match.start():
                ctx.add("nationality", "entity", country, sentence.start, sentence.start + match.end(),
                        subject=ctx.note_person(person))
    for person in persons(ctx, sentence):
        role = re.search(r"\b(?P<adj>[A-Z][a-z]+)\s+(?:citizen|national)\s+$", ctx.text[sentence.start:person.start])
        country = country_of(ctx, role.group("adj")) if role else None
        if country:
            ctx.add("nationality", "entity", country, sentence.start + role.start(), person.end,
                    subject=ctx.note_person(person))


@rule("role")
def roles(ctx: Context, sentence: Sentence) -> None:
    """What a person is, as written before the name ("Journalist X") or after it ("X, the sister of Y,");
    a nationality at the head of the role ("Belarusian rights defender X") is drafted as nationality."""
    for person in persons(ctx, sentence):
        if person.role and person.role_start is not None:
            role = person.role
            if re.search(r"(?:figures|leaders|activists|journalists|lawyers|members)$", role, re.IGNORECASE):
                role = role[:-1]
            first = role.split()[0]
            country = country_of(ctx, first) if len(role.split()) > 1 and first[:1].isupper() and \
                not re.search(r"president|minister|ambassador|official|envoy|leader|chief", role, re.I) else None
            if country:
                ctx.add("nationality", "entity", country, person.role_start, person.end, subject=ctx.note_person(person))
                role = role[len(first):].strip()
            proper = any(w[:1].isupper() for w in role.split()[1:]) or "." in role
            ctx.add("role", "text", role if proper else role.lower(), person.role_start, person.end,
                    subject=ctx.note_person(person))
        described_as = apposition(ctx.text, person.end)
        if described_as and SPEECH.match(ctx.text, described_as[2]):
            continue  # "brokered by X, a spokesperson for the ministry said": the speaker's role, not X's
        if described_as and not re.match(r"(?:who|which)\b", described_as[0]):
            role = re.sub(r"^(?:the|a|an)\s+", "", described_as[0])
            ctx.add("role", "text", role, person.start, described_as[2], subject=ctx.note_person(person))
