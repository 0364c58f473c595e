"""The people a page names who are not among the freed: those it says are still held, were freed at another time
or by the other side, hold power or office, or are a relation of someone else. `freed` never drafts them as freed,
and `extract` drafts no prisoner's facts about them (`not_a_prisoner`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .context import FREEING, Context, Sentence
from .names import Name, apposition, title_word
from .people import after_apposition, persons


def surname(person: Name) -> str:
    return person.text.split()[-1].lower()


STILL_HELD = re.compile(r"\b(?:remain(?:s|ed|ing)?|still|continue\w*\s+to\s+be)\s+(?:\w+\s+){0,2}?(?:behind\s+bars|in\s+(?:prison|jail|"
                        r"custody|(?:pre-?trial\s+)?detention|a\s+penal\s+colony)|held|jailed|imprisoned|detained|incarcerated|"
                        r"locked\s+up|under\s+(?:house\s+)?arrest)\b|"
                        r"\b(?:left\s+behind|not\s+(?:among(?:st)?\s+(?:those|the)\s+)?(?:freed|released|pardoned))\b|"
                        # "Among those excluded are ..., including X": people the release left out
                        r"\b(?:excluded|vetoed|barred\s+from|left\s+(?:out|off))\b", re.IGNORECASE)


def still_held(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the sentence names the person among those still held: a word of being held before the name
    with no freeing after it ("Those who remain behind bars include X"), or right after the name or the list
    it ends ("X and Y remain in prison")."""
    held = _held_words(ctx, sentence)
    if held.starts and held.starts[0] < person.start and held.held_before(ctx, sentence, person.start):
        return True
    # after the name's description, or (a list the description's pattern mistook for one: "A, B and C kyzy remain
    # under arrest") right after the name when a name follows it
    after = after_apposition(ctx.text, person.end, sentence.end)
    starts = [after] + ([person.end] if after != person.end and LISTED_NEXT.match(ctx.text, person.end) else [])
    return any(held.may_follow(at) and held.after(ctx.text, at, sentence.end) for at in starts)


WORD_START = re.compile(r"\b\w")


@dataclass
class _Held:
    """What a sentence says of those still held, read once (still_held asks of each name in a list that can run to
    hundreds: reading the sentence up to each name, or the rest of the list after it, cost the square of the list).
    The answers are those of reading it for each name (a test compares them)."""

    starts: list[int]  # where words of being held begin: each word start at which STILL_HELD matches
    chain: list[tuple[int, int]]  # STILL_HELD's matches read from the sentence's start, as finditer finds them
    stops: list[int]  # where tokens begin that no list of names, nor HELD_AFTER's words before STILL_HELD, can be
    freeing_after: dict = field(default_factory=dict)  # chain index -> the first freeing after that match, or None
    held_from: dict = field(default_factory=dict)  # position -> whether list items, then words of being held, follow it

    def held_before(self, ctx: Context, sentence: Sentence, at: int) -> bool:
        """True when the last word of being held before `at` has no freeing after it, up to `at`."""
        k = bisect.bisect_right(self.chain, at, key=lambda span: span[1]) - 1  # the last of the chain that ends by `at`
        if k + 1 < len(self.chain) and self.chain[k + 1][0] < at:
            return _held_before_slowly(ctx, sentence, at)  # a match of the chain across `at`: read as it was
        if k < 0:
            return False
        if k not in self.freeing_after:
            self.freeing_after[k] = _first_freeing(ctx.text, self.chain[k][1], sentence)
        freeing = self.freeing_after[k]
        if freeing is None or freeing[0] >= at:
            return True
        if freeing[1] <= at:
            return False
        return _held_before_slowly(ctx, sentence, at)  # a freeing across `at`: read as it was

    def may_follow(self, at: int) -> bool:
        """False when HELD_AFTER cannot match at `at`: no word of being held after it, or a token before the first one
        that neither a list of names nor the words before STILL_HELD can read ("including A, B, but hundreds remain")."""
        first = bisect.bisect_left(self.starts, at)
        if first == len(self.starts):
            return False
        stop = bisect.bisect_left(self.stops, at)
        return stop == len(self.stops) or self.stops[stop] >= self.starts[first]

    def after(self, text: str, at: int, end: int) -> bool:
        """HELD_AFTER.match(text, at, end), read once for the whole list: from a name, its list is read item by item,
        and whether words of being held follow is kept for each item's end, so that each name of "A, B, ..., Z were
        not freed" reads the item after it, not the rest of the list."""
        return any(self._held_from(text, start, end) for start in _after_particles(text, at, end))

    def _held_from(self, text: str, at: int, end: int) -> bool:
        """Whether list items, then words of being held, follow `at`: each item's possible ends asked in turn, each
        place once for the sentence (a stack, not recursion: a list may run to thousands of names)."""
        memo, stack, items = self.held_from, [at], {}  # (items: the item ends of a position whose own are pending)
        while stack:
            here = stack[-1]
            if here in memo:
                stack.pop()
                continue
            if here not in items:
                if HELD_TAIL.match(text, here, end):
                    memo[here] = True
                    stack.pop()
                    continue
                items[here] = _item_ends(text, here, end)
            pending = [e for e in items[here] if e not in memo]
            if pending:
                stack.extend(pending)
                continue
            memo[here] = any(memo[e] for e in items[here])
            stack.pop()
        return memo[at]


def _first_freeing(text: str, at: int, sentence: Sentence) -> tuple[int, int] | None:
    """FREEING.search(text, at, sentence.end) as a span: the first of the sentence's freeings (`Sentence.spans_of`) that
    begins at `at` or after (a search from `at` itself where one of them runs across `at`)."""
    freeings = sentence.spans_of(FREEING, text)
    k = bisect.bisect_left(freeings, (at, -1))
    if k > 0 and freeings[k - 1][1] > at:  # one begun before `at` runs across it: another may begin within
        found = FREEING.search(text, at, sentence.end)
        return found.span() if found else None
    return freeings[k] if k < len(freeings) else None


def _after_particles(text: str, at: int, end: int) -> list[int]:
    """Where HELD_AFTER's list may begin: after none, one or more of a name's particles."""
    starts = [at]
    while (particle := LEADING_PARTICLE.match(text, starts[-1], end)) is not None:
        starts.append(particle.end())
    return starts


def _item_ends(text: str, at: int, end: int) -> list[int]:
    """Where one item of HELD_AFTER's list, beginning at `at`, may end: after its first name word, or one to three more."""
    item = ITEM_START.match(text, at, end)
    if item is None:
        return []
    ends = [item.end()]
    while len(ends) < 4 and (more := ITEM_MORE.match(text, ends[-1], end)) is not None:
        ends.append(more.end())
    return ends


def _held_before_slowly(ctx: Context, sentence: Sentence, at: int) -> bool:
    """held_before as it reads the sentence up to `at` itself (where a match of the chain runs across `at`)."""
    before = ctx.text[sentence.start:at]
    held = None
    for held in STILL_HELD.finditer(before):
        pass
    return held is not None and not FREEING.search(before[held.end():])


def _held_words(ctx: Context, sentence: Sentence) -> _Held:
    """The sentence's _Held, read the first time still_held asks of one of its names."""
    held = ctx.held_words.get(sentence.start)
    if held is None:
        held = _Held(starts=[m.start() for m in WORD_START.finditer(ctx.text, sentence.start, sentence.end)
                             if STILL_HELD.match(ctx.text, m.start(), sentence.end)],
                     chain=sentence.spans_of(STILL_HELD, ctx.text),
                     stops=[m.start() for m in TOKEN.finditer(ctx.text, sentence.start, sentence.end)
                            if not READABLE.fullmatch(m.group(0))])
        ctx.held_words[sentence.start] = held
    return held


PARTICLE = r"(?-i:kyzy|uulu|bin|binti|bint|ibn|al|el|de|da|di|van|von|der|dos|das|del|la|le)\b"
"""A name's lower-case part ("Makhabat Tazhibek kyzy", "Abdullah bin Ali"), inside a list of names."""
NAME_WORD = r"(?-i:[A-Z])[\w’'-]+"  # capitalised in any case, so that it never reads a particle a second way
WHOLE_NAME_WORD = r"(?-i:[A-Z])(?>[\w’'-]+)"  # and read whole: "Ferdinand" is never "Ferdin" and "and"
HELD_TAIL_PATTERN = r"\s*(?:,\s*)?(?:who\s+)?(?:is|are|was|were|has|have)?\s*(?:" + STILL_HELD.pattern + ")"
HELD_AFTER = re.compile(rf"(?:\s+{PARTICLE})*(?:\s*(?:,|and)\s+{WHOLE_NAME_WORD}(?:\s+(?:{WHOLE_NAME_WORD}|{PARTICLE}))"
                        rf"{{0,3}})*{HELD_TAIL_PATTERN}", re.IGNORECASE)
"""From a name: the rest of its list, then words of being held ("..., B and C kyzy remain under arrest"). _Held.after
reads it in pieces, item by item, with the four patterns below (a test compares the two readings)."""
LEADING_PARTICLE = re.compile(rf"\s+{PARTICLE}", re.IGNORECASE)
ITEM_START = re.compile(rf"\s*(?:,|and)\s+{WHOLE_NAME_WORD}", re.IGNORECASE)
ITEM_MORE = re.compile(rf"\s+(?:{WHOLE_NAME_WORD}|{PARTICLE})", re.IGNORECASE)
HELD_TAIL = re.compile(HELD_TAIL_PATTERN, re.IGNORECASE)
LISTED_NEXT = re.compile(rf"\s*(?:,|and)\s+{NAME_WORD}\s+{NAME_WORD}")
TOKEN = re.compile(r"[^\s,]+")
READABLE = re.compile(rf"{NAME_WORD}|{PARTICLE}|(?i:and|who|is|are|was|were|has|have)")
"""A token HELD_AFTER can read before its words of being held: a name's word, a particle, "and", "who is"."""


EARLIER_FREEING = re.compile(r"[^.;]{0,100}?\b(?:was|were|had\s+been|has\s+been)\s+(?:also\s+)?(?:freed|released|pardoned|"
                             r"set\s+free)\s+(?:\w+\s+){0,3}?(?:in\s+recent\s+(?:days|weeks|months)|earlier\s+(?:this|that|last)\s+\w+|"
                             r"last\s+(?:year|month|week)|previously|in\s+(?:a|an)\s+(?:separate|earlier|previous|prior)\b|"
                             r"(?:days|weeks|months|years)\s+(?:ago|earlier|before))", re.IGNORECASE)


def freed_before(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the sentence says the person was freed at another time ("and X, a Canadian engineer jailed
    in 2021, was also released in recent months", "X, who was freed last year"): another release than this one."""
    match = EARLIER_FREEING.match(ctx.text, person.end, sentence.end)
    return bool(match) and not any(person.end < n.start < match.end() for n in persons(ctx, sentence))


OFFICE = re.compile(r"\b(?:president|prime\s+minister|minister|envoy|ambassador|officials?|"
                    r"secretary|ruler|king|queen|chancellor|governor|mayor|senator|judge|prosecutor|dictator|"
                    r"(?<!opposition\s)(?<!union\s)(?<!party\s)(?<!protest\s)(?<!movement\s)(?<!student\s)"
                    r"(?<!rights\s)(?<!civic\s)(?<!community\s)(?<!religious\s)(?:leader|spokes(?:man|woman|person))"
                    # "a leader of the 2021 street protests", "a leader of the Belarusian Christian Democracy party", "a
                    # spokesman for the Viasna human rights group", "leader of the Coalition of Norbury Port Workers
                    # Unions" (not a ruling party's, nor an armed group's, nor "the coalition government")
                    r"(?!\s+(?:of|for)\s+(?:the\s+|a\s+|an\s+)?(?:(?!(?:ruling|governing|militant|armed|rebel|"
                    r"terrorist|state)\b)[\w-]+\s+){0,4}?(?:protests?|(?:protest\s+)?movements?|opposition|campaigns?|"
                    r"demonstrations?|strikes?|rallies|uprising|part(?:y|ies)|unions?|groups?|organi[sz]ations?|"
                    r"coalitions?|associations?)\b(?!\s+(?:government|cabinet|council|authorities)\b)))\b",
                    re.IGNORECASE)
"""An office that frees, negotiates or speaks for a state; a movement's leader or spokesman ("opposition spokesman
X", "a leader of the hunger strikes") holds none."""
FAITH = (r"(?:baptist|methodist|lutheran|presbyterian|pentecostal|evangelical|anglican|episcopal|protestant|christian|"
         r"adventist|mennonite|church|parish)")
CHURCH_MINISTER = re.compile(rf"\b{FAITH}\s+minister\b", re.IGNORECASE)
"""A minister of a church ("the Baptist minister X", "X, an evangelical minister"): clergy, not a minister of state."""
IN_POWER = re.compile(r",\s+(?:who|which)\s+(?:has|had|have)\s+(?:been\s+in\s+power|ruled|held\s+power|led|governed|"
                      r"run)\b|,\s+(?:the\s+)?(?:country|nation|state)[’']s\s+(?:leader|ruler|president)\b", re.IGNORECASE)


def office_holder(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the article presents the person as holding power or office ("President X", "U.S. envoy
    X", "X, who has ruled since 1994", "X, a spokesperson for ..."): the one who frees, negotiates or
    speaks, not one of the freed. A former office ("former minister") is no office."""
    role = person.role or ""
    if re.search(r"\b(?:(?:former|ex|one-time|onetime)\s+|ex-)(?:[\w-]+\s+){0,2}$",
                 ctx.text[max(0, (person.role_start or person.start) - 30):person.role_start or person.start],
                 re.IGNORECASE):
        role = "former " + role  # "former Health Minister X": the title is the one he had
    elif _movements_spokesperson(ctx, ctx.text[max(0, (person.role_start or person.start) - 30):
                                               person.role_start or person.start]):
        role = "party " + role  # "the party's spokesperson X", "the NLD's spokesperson X": a movement's, no office
    if re.fullmatch(r"minister", role, re.IGNORECASE) and re.search(
            rf"\b{FAITH}\s+$", ctx.text[max(0, (person.role_start or person.start) - 30):person.role_start or person.start],
            re.IGNORECASE):
        role = "church minister"  # "the Baptist minister X": the role's word, and the faith before it
    described_as = apposition(ctx.text, person.end)
    for words in (role, described_as[0] if described_as else ""):
        words = CHURCH_MINISTER.sub("clergyman", words)
        if OFFICE.search(words) and not re.search(r"\b(?:former|ex-|one-time|onetime|then|presidential)\b", words,
                                                  re.IGNORECASE):
            return True
    return bool(IN_POWER.match(ctx.text, person.end))


def _movements_spokesperson(ctx: Context, before: str) -> bool:
    """True when the words before a role make it a movement's: "the party's", "the opposition's", "the trade union's",
    a movement's name ("Cameroon Renaissance Movement leader"), or an acronym the page gives a party ("National League
    for Renewal (NLR)" ... "the NLR's spokesperson")."""
    if re.search(r"\b(?:Movement|Front|League|Alliance|Coalition)\s+$", before):  # (not a party's: it may rule)
        return True  # "Cameroon Renaissance Movement leader X": a movement named in full, its leader
    owner = re.search(r"\b(?:(?i:party|movement|opposition|campaign|trade\s+union)|(?P<acronym>[A-Z]{2,6}))[’']s\s+$", before)
    if owner is None:
        return False
    acronym = owner.group("acronym")
    return acronym is None or bool(re.search(rf"\b(?:Party|League|Movement|Front|Congress|Alliance|Coalition|Union)\b"
                                             rf"[^()\n]{{0,40}}\({acronym}\)", ctx.text))


ROLE_WORD = re.compile(r"([\w-]+)\s+")


def about_the_last_person(sentence: Sentence) -> bool:
    """True when the sentence opens by calling the person named before by a role or an age, not by name ("The blogger
    took part in the protests that toppled former Prime Minister X"): the people it names are part of what that
    person did, and "he" after it still means that person. Not when a name follows the role ("The 29-year-old
    student X remains in prison"), nor for an office ("The president pardoned X": the one who holds it)."""
    lead = re.match(r"\W*(?:The|This)\s+", sentence.text)
    if lead is None:
        return False
    position, words = lead.end(), []
    while (word := ROLE_WORD.match(sentence.text, position)) and \
            (title_word(word.group(1)) or word.group(1) == "and" or re.fullmatch(r"\d{1,3}-year-old", word.group(1))):
        words.append(word.group(1))
        position = word.end()
    return bool(words) and sentence.text[position:position + 1].islower() and not OFFICE.search(" ".join(words))


RELATION = re.compile(r"\b(?:his|her|their|[\w’'-]+[’']s?)\s+(?:\w+\s+)?(?:lawyer|attorney|counsel|advocate|wife|husband|"
                      r"spouse|partner|mother|father|son|daughter|brother|sister|sibling|child|relative|fianc[ée]e?)\b",
                      re.IGNORECASE)


def not_a_prisoner(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the sentence presents the person as no prisoner of the release: holding office, a relation of
    someone else ("Her lawyer, X", "his wife X", "X's mother, Y"), freed by the other side or in an earlier deal.
    A prisoner's facts (age, arrest, sentence) are then not theirs to draft (`_facts_of_prisoners`)."""
    if office_holder(ctx, sentence, person) or freed_before(ctx, sentence, person) or surname(person) in ctx.other_side:
        return True
    before = ctx.text[max(sentence.start, (person.role_start or person.start) - 40):person.role_start or person.start]
    described_as = apposition(ctx.text, person.end)
    return bool(re.search(RELATION.pattern + r"[\s,]*$", before, re.IGNORECASE) or
                RELATION.search(person.role or "") or (described_as and RELATION.match(described_as[0].strip())))


PASSIVE_FREEING = re.compile(r"(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:also\s+)?"
                             r"(?:among(?:st)?\s+(?:those|the)\s+(?:[\w,]+\s+){0,4}?)?(?:freed|released|pardoned|"
                             r"set\s+free)\b$", re.IGNORECASE)  # ending the span it is looked for in ("were among those released")
HEAD_OF_STATE = re.compile(r"\b(?:president|prime\s+minister|premier|king|queen|emir|sultan|ruler|dictator|chancellor|"
                           r"secretary\s+of\s+state|envoy|ambassador)\b", re.IGNORECASE)


def subject_of_a_freeing(ctx: Context, person: Name, end: int) -> bool:
    """True when the person is one of a list that a passive freeing ends ("Party spokesman X and Y, the minister of
    the deposed government, were also released"): an office that does not head a state or a government, nor
    negotiate, is then no reason to think them anyone but one of the freed."""
    if heads_a_state(ctx, person):
        return False
    return bool(PASSIVE_FREEING.search(ctx.text[person.end:end]))  # the freeing ends the quote


def heads_a_state(ctx: Context, person: Name) -> bool:
    """True when the person's title, or what a comma after the name says, heads a state or a government."""
    described = apposition(ctx.text, person.end)
    return bool(HEAD_OF_STATE.search(person.role or "") or (described and HEAD_OF_STATE.search(described[0])))
