"""Rules about people: age, prison term, arrest and sentence dates, who was freed, where they went,
their nationality and their role.

A fact about a person goes to the person named nearest before it in the sentence, or, when the
sentence opens with "He", "She" or "They", to the person named last before it. Who was freed is
read in toolkit.contribute.extract.freed.
"""

from __future__ import annotations

import bisect
import re

from .context import ADJECTIVES, BRIEFLY, EVENT_AFTER, FREEING, PEOPLE, Context, Sentence, rule
from .names import ROLE_OF, SURNAME_LIKE_TITLES, Name, apposition, is_demonym, title_word
from .places import country_of

SPEECH = re.compile(r"\s*(?:(?:was|were|is|are|been)\s+(?=quoted\b)|(?!(?:was|were|is|are|been|being)\b)[a-z]\w*\s+)?"
                    r"(?:said|says|told|tells|wrote|writes|added|announced|stated|thanked|welcomed|"
                    r"expressed|urged|called|noted|posted|tweeted|recalled|explained|described|insisted|argued|"
                    r"claimed|confirmed|reported|warned|stressed|emphasized|emphasised|commented|gives|gave|spoke|"
                    r"speaks|meet|met|quoted)\b")
"""A verb of speaking after a name: "X said", "X also told", "X was quoted as saying"; not a passive one ("X was
welcomed by", "X was described as"), which others do to X."""
ATTRIBUTED = re.compile(r"\s(?:said|says|showed|shows|reported|reports|stated|states|wrote|writes|added|confirmed|"
                        r"announced|told\s+\w+)$")
"""A description after a name that ends in a verb of saying is an attribution clause: "X, a judicial document showed"."""
HOW_MANY = {w: n for n, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
"""A small number in words, by its value: how many people "the three" or "all four" stand for."""
FREED_ROLES = r"activists|journalists|reporters|bloggers|priests|clerics|dissidents|politicians|defendants|students"
"""What a page may call the people it has just named among the freed, taken up together: "The activists were ..."."""
OPENING = (r"^\W*(?:(?:[A-Z]\w*\s+){1,3}\w+,\s*|"
           r"(?:In|On|By|Since)\s+(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d\d\s+|"
           # (not one of someone else, "A relative of her cellmate, he", nor a saying, "A total of 14, they said")
           r"An?\s+(?![^,;:.]{0,60}\b(?:his|her|their|its|total|number|relatives?|wife|husband|son|daughter|mother|"
           r"father|brother|sister|cellmate|lawyer|spokes\w+|officials?|representative)\b)[^,;:.“”\"()]{1,60}?,\s*"
           r"(?!(?:he|she|they)\s+(?:said|says|told|added)\b))?")
"""What may open a sentence before its subject: "Last year, ", "In May 2021, ", a year with no comma ("In 2021 he"), or
a phrase that describes the subject ("A lifelong friend of the miners, he")."""
PRONOUN = re.compile(rf"{OPENING}(?:He|She|They|he|she|they|[Tt]he\s+(?:[a-z]+\s+)?\d{{1,3}}-year-old)"
                     r"(?:[’']d)?\b")
"""A sentence about the person named last: "He", "She", "They", "The 53-year-old", "The ailing 53-year-old" (after an
opening "Last year," or not)."""
PLURAL = re.compile(rf"{OPENING}(?:Both(?:\s+(?:men|women))?|The\s+(?:pair|two(?:\s+(?:men|women))?|women|men)|[Tt]hey|"
                    rf"The\s+(?P<number>three|four|five|six|seven|eight|nine|ten)(?:\s+(?:men|women))?|"
                    rf"The\s+(?:(?P<rolecount>two|three|four|five|six|seven|eight|nine|ten)\s+|(?:freed|released|pardoned)\s+)?"
                    rf"(?P<role>{FREED_ROLES}))\s+"
                    r"(?:were|had\s+been|have\s+been)\b")
"""A sentence about each of the people the sentence before named: "Both were arrested on Aug. 10, 2020", "The pair
were sentenced to eight years", "They were detained in 2021", "The three were jailed in 2019", "The bloggers were
detained in June 2015"."""
PAIR = re.compile(rf"{OPENING}(?:Both|The\s+(?:pair|two))\b")
"""An opening that stands for exactly two people."""
MOVED = (r"(?:handed\s+over|transferred|taken|sent|deported|flown|driven|brought|moved|expelled|bused|escorted|"
         r"transported|went|crossed|arrived|headed|heading|flying|flew|travell?ed|ended\s+up|returned|relocated|"
         r"evacuated|resettled|landed|on\s+(?:their|his|her)\s+way)")
SHELTERED = r"\band\s+(?:granted|given)\s+(?:safe\s+haven|refuge)"
"""Right after a freeing, the refuge it came with: "were released from a penal colony and given safe haven in Estonia"
(not a refuge of years before, nor one asked for, nor a relative's: "and" joins it to the freeing's own clause)."""

NOW_IN = (r"(?:(?:(?:are|is)\s+(?:(?:now|currently|already|safely|all)\s+)*(?:safe\s+)?|were\s+(?:now|already)\s+)in|"
          r"(?:are|is|were|was)\s+(?:now\s+)?receiving\s+(?:medical\s+)?(?:care|treatment)\s+in)")
"""Where the freed are now, as where they went: "are now in Vilnius", "are currently in Poland", "are safe in Lithuania",
"were receiving care in Lithuania"."""
IN_CUSTODY = re.compile(r"(?:[’']s)?\s+(?:(?:[A-Z][\w-]*|pre-trial|penal)\s+)*(?:prisons?|jails?|colon(?:y|ies)|detention|"
                        r"custody|cells?)\b")
"""After a place where people are, words that say they are held there ("in Minsk's Okrestina jail"): no destination."""


def persons(ctx: Context, sentence: Sentence) -> list[Name]:
    """The sentence's names of people, found once per sentence (a name's kind does not change while a page is read: a
    place this draft proposes is never a person's name); each caller gets a list of its own."""
    if sentence._persons is None:
        sentence._persons = [n for n in sentence.names if ctx.kind(n) == "person"]
    return list(sentence._persons)


APPOSITION = re.compile(r",(?!\s*(?:was|were|is|are|has|have|had|will|would|said|says|told|and|"
                        # a verb in the past that tells what the person did ("X, a blogger, arrived in Vilnius, ...")
                        r"arrived|landed|flew|went|came|headed|thanked|spoke|wrote|urged|added)\b)"
                        r"(?:[^,.;:“”\"]|“[^“”,.;:]{1,60}”|\"[^\",.;:]{1,60}\"){3,120}?"
                        r"(?:(?=,)|(?P<quoted>“[^“”.;:]{1,60},”|\"[^\".;:]{1,60},\"))")
"""A description set off by commas after a name, a quoted term in it or not; the last may end in a quotation whose
closing comma stands inside its marks (', who was found guilty of joining a "banned network," and B')."""


DASHED = re.compile(r"\s+(?:[–—]|--)\s+[^–—.;:]{3,120}?\s+(?:[–—]|--)(?=\s)")
"""A description set off by dashes after a name: "X – sentenced to six years for the same offence – was freed"."""


BRACKETED = re.compile(r"[ \t]*\([^()\n.;:]{1,40}\)")


def after_apposition(text: str, offset: int, end: int) -> int:
    """Past up to two comma-enclosed descriptions after a name ("X, 41, who ..., was freed"), or one set off by dashes
    ("X – sentenced to six years – was freed"), after what brackets give right after the name (its spelling in
    another script, an age, a party: "X (UDF) was freed")."""
    bracket = BRACKETED.match(text, offset, end)
    offset = bracket.end() if bracket else offset
    dashed = DASHED.match(text, offset, end)
    if dashed:
        return dashed.end()
    moved = offset
    for _ in range(3):
        match = APPOSITION.match(text, moved, end)
        if not match:
            break
        moved = match.end()
        if match.group("quoted"):
            return moved  # past the quotation's closing mark, its comma already passed
    return moved + 1 if moved > offset else offset


INVERTED_SAYING = re.compile(r"(?:said|says|added|wrote|reported)\s+(?:the\s+)?"
                             r"(?!(?:in|on|at|from|to|via|with|by|during|after|before|through|over|into|across|"
                             r"for|outside|near|while)\b)"
                             # (no pronoun nor verb among the words before the sayer's name: "said he flew to Vilnius",
                             # "said the convoy reached Lithuania", "said the decree came from ...")
                             r"(?:(?!(?:he|she|they|it|we|you|his|her|their|its|is|was|were|are|has|had|have|came|went|"
                             r"flew|met|got|gave|took|made|left|ran|sent|told|said|says|[a-z]+ed)\b)[a-z][\w-]*\s+){0,3}"
                             r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                             r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|"
                             r"Friday|Saturday|Sunday|I)\b)(?-i:[A-Z])[\w.’'-]*(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3}"
                             r"(?:,\s+(?:an?|the)\s+[^,.;:“”\"]{1,60})?[\s”\"’]*(?:[.!]\s*)?$")
"""After a name and its description set off by commas, a saying whose subject, a proper name (perhaps after a few
words that say what it is, and with a description of its own), follows it to the sentence's end: "..., was X, 69, a
dissident, said the rights group Viasna." (or "said Viasna, a rights group."): Viasna says it, not X (not "X, the
envoy, said Tuesday.", "... said the family was relieved", "... said by telephone", "... said Nov. 20", nor where or
how it was said: "... wrote on Facebook", "... said in Vilnius"; but "said officials in Vilnius", "said a spokeswoman
for Viasna")."""


def speaks(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the sentence has the person speak ("X said", "X, the envoy, told", "according to X")."""
    after = after_apposition(ctx.text, person.end, sentence.end)
    if SPEECH.match(ctx.text, after) and not (
            after > person.end and ctx.text[person.end:after].rstrip().endswith(",") and
            INVERTED_SAYING.match(ctx.text[after:sentence.end].lstrip()) and
            any(sentence.start + m.end() <= person.start for m in sentence.freeing())):  # (a freeing governs the name)
        return True
    if SPEECH.match(ctx.text, person.end):
        return True
    before = ctx.text[max(sentence.start, person.start - 80):person.start]
    # '"...," said the U.S. special envoy X': the verb before the name, after a quotation or a comma
    return bool(re.search(r"(?:according\s+to|quoted|cited\s+by|told\s+by)\s+(?:\w+\s+){0,4}$",
                          ctx.text[max(sentence.start, person.start - 60):person.role_start or person.start],
                          re.IGNORECASE)) or \
        (bool(re.search(r"[,”\"]\s*(?:said|says|added|wrote|announced)\s+(?:[\w.’'-]+\s+){0,5}$", before)) and
         not re.match(r"[’']s\b", ctx.text[person.end:person.end + 2]))  # not "said X's envoy Y"


def described(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the name sits inside another person's description (", a leader of protests against X,"); not for
    the place in its own role ("; former Ambassador to Myanmar X")."""
    own_place = person.role_start is not None and re.search(r"\b(?:to|for)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?$",
                                                            person.role or "")
    # (the words before the name are read back from it only as far as each test needs: reading the whole sentence
    # before every name of a long list cost the square of the sentence)
    start, end = sentence.start, person.role_start if own_place else person.start
    if OBJECT_VERB.search(ctx.text, max(start, end - 40), end):
        return False  # "In 2022, a court sentenced X": the verb's object, not words in a description
    comma = ctx.text.rfind(",", start, end)
    piece = max(start, comma + 1)  # the item: what follows the last comma, or the last "and" after it
    joined = list(AND.finditer(ctx.text, max(piece, end - 200), end))
    item = ctx.text[joined[-1].end() if joined else piece:end]
    if comma >= 0 and role_words(item) and not re.fullmatch(r"\s*(?:an?|the)\s+", item):
        return False  # "freed the journalist A, the blogger B and the activist C": B and C are listed with their roles
    # (not "X, a Calder ally," nor "X, the Calder government's banker,": a bare article makes the name a modifier)
    return bool(comma >= 0 and ctx.text.rfind(";", start, end) < comma and IN_DESCRIPTION.match(ctx.text, comma, end)) or \
        bool(OBJECT_OF.search(ctx.text, max(start, end - 80), end))


OBJECT_VERB = re.compile(r"\b(?:sentenced|convicted|arrested|detained|jailed|freed|released|pardoned)\s+$")
AND = re.compile(r"\band\b")
IN_DESCRIPTION = re.compile(r",\s+(?:a|an|the|who|whose|which)\b[^,;]*$")
OBJECT_OF = re.compile(r"\b(?:against|with|by|to|from|under|than)\s+(?:\w+\s+){0,2}$")


def person_before(ctx: Context, sentence: Sentence, offset: int) -> Name | None:
    """The person named nearest before `offset` (not one named inside someone's description), or
    the one a leading pronoun stands for."""
    # the nearest first, walking back (asking every earlier name whether it is described cost the square of a list)
    named = next((n for n in reversed(persons(ctx, sentence)) if n.end <= offset and not described(ctx, sentence, n)), None)
    if named is not None:
        # "Pask's brother was detained in 2020": the brother's arrest, no fact of Pask's
        return None if RELATIVE_SUBJECT.match(ctx.text, named.end, offset) else named
    item = ctx.item_person
    if item and item[0] == ctx.text.rfind("\n", 0, sentence.start) + 1 and not persons(ctx, sentence):
        return item[1]  # "- Name, a reporter. Held since May 2021.": the item's person
    if PLURAL.match(sentence.text):  # "Both were arrested": the first of those named before (each gets the facts)
        group = plural_group(ctx, sentence)
        if group:
            return group[0]
        return ctx.last_person if PRONOUN.match(sentence.text) and not PAIR.match(sentence.text) else None
    pronoun = PRONOUN.match(sentence.text)
    if pronoun is None:
        return _role_named_last(ctx, sentence)
    return ctx.related_person.get(pronoun.group(0).split()[-1].lower().removesuffix("’d").removesuffix("'d"),
                                  ctx.last_person)


THE_ROLE = re.compile(r"\W*The\s+(?P<role>[a-z-]+)\s+(?:was|had|has|is)\b")
"""A sentence opening with a role in place of a name: "The teacher was arrested in May 2019"."""


def _role_named_last(ctx: Context, sentence: Sentence) -> Name | None:
    """The person last named with a role, when a sentence opens with that role in place of a name ("teacher Calder" or
    "Calder, a teacher", then, after her brother is quoted, "The teacher was detained in 2019"); nobody for a role no one
    was given ("The judge was appointed in 2021")."""
    opening = THE_ROLE.match(sentence.text)
    if opening is None or not title_word(opening.group("role")):
        return None
    word = re.escape(opening.group("role"))
    at = bisect.bisect_left(ctx.name_starts, sentence.start)
    found, holders = None, set()
    for name in reversed(ctx.names[max(0, at - ROLE_NAMES_BACK):at]):
        if name.end > sentence.start or ctx.kind(name) != "person":
            continue
        described = (apposition(ctx.text, name.end) or [""])[0]
        before = ctx.text[max(0, name.start - 40):name.start]
        own = re.search(rf"\b{word}$", name.role or "", re.IGNORECASE) or \
            re.match(rf"(?:(?:an?|the)\s+)?(?:[\w-]+\s+){{0,2}}?{word}\b(?!\s+of\b)(?![’'])", described,
                     re.IGNORECASE) or \
            re.search(rf"\b{word}\b[^.;]{{0,30}},\s*$", before, re.IGNORECASE)  # "Another teacher, B, ..."
        if own:
            found = found or name
            holders.add(name.entity or name.proposed)
        elif re.search(rf"\b{word}\b", f"{name.role or ''} {described}", re.IGNORECASE):
            return None  # "Ruth Calder, the wife of a journalist": the journalist is someone else
    return found if len(holders) == 1 else None  # (two people given the role: which one, the page does not say)


ROLE_NAMES_BACK = 40
"""How many names back a role in place of a name is looked for (a page of thousands of names is read once)."""


RELATIVE_SUBJECT = re.compile(r"[’']s?\s+(?:(?!(?:said|says|told|added|wrote|he|she|they|that|who)\b)[a-z-]+\s+){1,3}"
                              r"(?:was|were|had\s+been|has\s+been|is)\s+(?:\w+ly\s+)?$")
"""Between a name and a verb, a possessive subject: "Pask's brother was", "Pask's elder son had been"."""


RELATED = re.compile(r"\b(?:(?P<her>her)\s+(?:husband|son|father|brother)|(?P<his>his)\s+(?:wife|daughter|mother|"
                     r"sister))(?![’'])(?:\s*,\s*|\s+)(?P<words>(?:[\w-]+\s+){0,5})$")
"""Before a name, its tie to the sentence's subject that says which pronoun stands for it: "her husband, the blogger X",
"his wife X"."""


def related_people(ctx: Context, sentence: Sentence) -> dict:
    """Whom "he" or "she" opening the next sentence stands for, when this one names them by their tie to someone
    ("X ran after her husband, the blogger Y, was jailed": "he" is Y)."""
    found = {}
    named = persons(ctx, sentence)
    for person in named:
        tie = RELATED.search(ctx.text, max(sentence.start, person.start - 120), person.start)
        words = [w for w in tie.group("words").split() if w not in ("the", "a", "an", "and")] if tie else []
        if tie and named[0] is not person and all(title_word(w) for w in words) and \
                not any(named[0].end <= other.start < tie.start() for other in named if other is not person):
            # the tie is the subject's, none named between ("A, who defended B after her husband C was jailed": B's)
            found["he" if tie.group("her") else "she"] = person
    return found


def _described_by(ctx: Context, sentence: Sentence, offset: int) -> Name | None:
    """The person named nearest before `offset`, when a description set off by a comma right after the name holds it
    ("B, another Polish citizen held in Belarus since 2019,": B's), even when B is named inside a description of
    something else; none when another name or a clause of its own comes between ("According to B, A was arrested")."""
    named = persons(ctx, sentence)
    at = bisect.bisect_right(named, offset, key=lambda n: n.end) - 1  # the nearest name ending before it (text order)
    nearest = named[at] if at >= 0 else None
    return nearest if nearest is not None and DESCRIPTION_SO_FAR.fullmatch(ctx.text, nearest.end, offset) else None


DESCRIPTION_SO_FAR = re.compile(r",\s+(?!(?:and|or|but|while|as|who\s+said)\b)[^,;:()“”\"]*")
"""From a name to a word of its description: a comma, then no other mark (not the next item of a list, ", and ...")."""


def plural_group(ctx: Context, sentence: Sentence) -> list | None:
    """The people a sentence that names no one stands for when it opens "Both were ...", "The pair were ...", "They
    were ...": those the last sentence naming anyone named (exactly two for "Both" and "The pair"); none when it
    gives them "respectively" different facts."""
    if persons(ctx, sentence) or not PLURAL.match(sentence.text) or re.search(r"\brespectively\b", sentence.text):
        return None
    group = ctx.group_before
    opening = PLURAL.match(sentence.text)
    if len(group) < 2 or (PAIR.match(sentence.text) and len(group) != 2):
        return None
    if opening.group("number") and not ctx.group_clear or opening.group("role") and not ctx.group_next:
        return None  # "The three" takes up the names before only when no count of others came between; "The journalists"
        # only those of the sentence right before
    number = opening.group("number") or opening.group("rolecount")
    if number:  # "The three were jailed" after two names: others than those two
        return counted_group(ctx, group, HOW_MANY[number])
    if opening.group("role") and not all(ctx.drafted_freed(p.id) for p in group):
        return None  # "The journalists were detained" stands for the people named before only when the page freed them
    return group


def counted_group(ctx: Context, group: list, number: int) -> list | None:
    """The people named before that "the three" stands for: all of them when they are as many, else the last three
    named when the page freed each of them ("X pardoned A, B and C. The three were ...": A, B and C, not X; not after
    "freed A, B and C, but D, E and F remain in prison": the three still held); None otherwise."""
    if len(group) == number:
        return group
    last = group[-number:] if len(group) > number else []
    return last if last and all(ctx.drafted_freed(p.id) for p in last) else None


BULLET = re.compile(r"[ \t]*(?:[-•*·–—]|\d{1,2}[.)])\s+")


def list_item(ctx: Context, sentence: Sentence) -> int | None:
    """Where the item starts, when the sentence is in an item of a bulleted or numbered list."""
    line = ctx.text.rfind("\n", 0, sentence.start) + 1
    return line if BULLET.match(ctx.text, line) else None


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
    return bool(word and not re.match(r"(?:freed|released|pardoned|been|among(?:st)?|also|jailed|detained|imprisoned|"
                                      r"sentenced|convicted|arrested|exiled)$", word))


GROUP_ITEM = re.compile(r",?\s+(?:and\s+)?(?:the|its|their|both)\s+(?:[a-z-]+\s+){0,3}?"
                        r"(?!(?:relatives|families|wives|husbands|spouses|children|parents|mothers|fathers|sons|daughters|"
                        r"brothers|sisters|lawyers|attorneys|advocates|friends)\b)[a-z-]+(?:s|men)\s+of\s+(?:the\s+)?"
                        r"(?:[\w’'-]+\s+){0,6}?[\w’'-]+,\s+")
"""A list's item that names a group, its members after it ("and the deputy chairmen of the opposition X Party, "); not
relatives or counsel ("and the wives of the prisoners, A and B, ...")."""

CLAUSE_WORDS = {"following", "after", "before", "while", "when", "which", "who", "whose", "that", "said", "told", "says",
                "was", "were", "is", "are", "has", "have", "had", "will", "would", "may", "might", "can", "could",
                "of", "in", "on", "at", "by", "with", "from", "for", "to", "since", "as", "than", "thanks", "because",
                "but", "not", "also", "then", "there", "it", "its", "his", "her", "their", "they", "he", "she", "we",
                "this", "these", "those", "such", "into", "over", "under", "during", "until", "through", "about",
                # a preposition that opens a phrase of its own ("Releases Prisoners Amid Sanctions Relief", a headline)
                "amid", "amidst", "despite", "ahead", "against", "without", "via", "toward", "towards", "upon", "beyond",
                # a verb of its own ("Those freed don't include X", "The prisoners released never included X")
                "do", "does", "did", "never", "include", "includes", "included", "don't", "doesn't", "didn't", "don’t",
                "doesn’t", "didn’t"}


NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen", "dozens",
                "hundreds", "thousands", "several", "some", "more"}


def role_words(gap: str) -> bool:
    """True when the words between two listed names are only joiners and a role ("and former TUT.by
    editor-in-chief"), not a clause of their own ("following an agreement", "of prisoners may reflect")."""
    words = re.findall(r"[^\s,]+", gap)
    if len(words) > 7:
        return False
    for n, word in enumerate(words):
        lowered = word.lower()
        if lowered in ("named", "called") and n == len(words) - 1 and n > 0:
            continue  # "and another American named B": the role's words end in how the name is given
        if re.fullmatch(r"(?!(?:19|20)\d\d\b)\d[\d,.]*", word) or lowered in NUMBER_WORDS:
            return False  # "Frees 37 Prisoners as Allies Praise X", "released 64 Lithuanian prisoners": a count's object
        if lowered == "as" and not re.search(r"\bas\s+well\s+as\b", gap, re.IGNORECASE):
            return False  # "... as Envoys Praise X": a clause of its own, not "as well as"
        if lowered in ("and", "as", "well", "plus", "the", "a", "an", "both") or title_word(word):
            continue
        if re.fullmatch(r"(?:freeing|releasing|pardoning|handing|sending|returning|swapping)", lowered):
            return False  # "A and Washington freeing B": a freeing of its own, perhaps by the other side
        if lowered in CLAUSE_WORDS or (lowered.endswith("ed") and lowered not in ("jailed", "detained", "exiled",
                                                                                  "imprisoned", "renowned", "retired")):
            return False
    return True


BODY_WORD = r"(?!(?:who|whom|whose|which|that|where|was|were|is|are|has|had|and)\b)[\w’'.-]+"
"""A word of a body's name in small letters, never one that opens a clause ("who", "where", "was", "and")."""
FROM_ORGANISATION = re.compile(rf"^\s+(?:from|of)\s+(?:the\s+)?(?:(?:[A-Z][\w’'.-]*\s+)*(?:[A-Z][\w’'.-]*|\d+-[A-Za-z][\w-]*)"
                               r"(?:\s+(?:news\s+)?(?:agency|newspaper|daily|weekly|magazine|website|outlet|channel|station|"
                               r"broadcaster|group|party|movement|union|association|organi[sz]ation|foundation|centre|center|"
                               r"network|committee|campaign))?|"
                               # "X from the press team of the banned party, Y": a team or office of a body, in small letters
                               r"(?:[a-z][\w-]*\s+){0,2}(?:team|office|staff|service|desk|wing|branch|bureau|department|"
                               rf"section)(?:\s+of\s+(?:the\s+)?(?:{BODY_WORD}\s+){{0,4}}?{BODY_WORD})?)(?=,|\s+and\s|\s*$)")
"""After a listed name, the organisation or outlet the person comes from ("X from the Bar Association and Y", "X from
the Test News agency and Y", "X from the press team of the banned party, Y", "X from 81-Radio and Y")."""
POSSESSOR = re.compile(r"[’']s?\s+(?P<role>(?:[\w-]+\s+){0,2}[\w-]+),?\s*")
"""After a listed name, its possessive and a relation or a role of up to three words, up to the next name: "A's wife,
B", "A’s lawyer B", "A's former cellmate B"."""


TITLE_OF_ORGANISATION = re.compile(r"\b([a-z][\w-]*)\s+of\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,6}?(?=[A-Z][\w’'.-]*\s*$)")
"""Before a listed name, a title of an organisation written in capitals, up to the name ("co-founder of the Baltic
Wetland Rescue Trust " before "X")."""


BRACKETED_NOTE = re.compile(r"^\s*\([^()]{1,80}\)(?=,\s|,?\s+and\s)")
"""A note in brackets right after a listed name, before the list goes on: "A (20 years in prison), B"."""


INCLUDED_IN_A_CLAUSE = re.compile(r"\s*(?:including|such\s+as|among(?:st)?\s+(?:them|whom))\s", re.IGNORECASE)
"""Between a list's member and the next name, the words of an inclusion ("A, ..., including B")."""
RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose|which|whom)\s")
"""A list member's description that is a clause of its own ("A, whose editors thanked several people, including B")."""
MOVED_WITH = re.compile(rf"\b(?:{MOVED}|left\s+(?:the\s+)?(?:prison|jail|colony)|walked\s+out|on\s+the\s+list)\b")
"""In a list member's own clause, a journey or a way out ("who crossed into Lithuania with several others, including B",
"who left the prison together with his co-defendants, including B", "whose co-defendants were also on the list,
including B"): B went with A, one of the freed too. Any other clause keeps its "including" to itself ("whose editors
thanked several people, including B", "who was jailed in 2021 alongside several colleagues, including B": B is one of
those people), unless it tells of a freeing ("who was released with three others, including B")."""


ALONG_WITH_NEXT = re.compile(r"^(,?\s+)(?:along|together)\s+with\s+")
"""Between two listed names, "along with" or "together with", which goes on with the list as "and" does ("A and B, along
with lawyer C", "A along with B")."""
ORGANISATION_LAST = re.compile(r"\s+(?:of|at|for)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*)*\s*$")
"""At the end of a description, the organisation it names in capitals: "founder of the Minsk Press Club"."""
DESCRIBED_FIRST = re.compile(r"\s*(?:the|a|an|(?P<owner>his|her|their|its))\s+(?P<description>[^,;:()“”\"]{1,60}),\s+"
                             r"(?:(?:the|an?)\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}")
"""Before the first listed name, its description set off by a comma: "pardoned the 2024 prize laureate, A", "including
the founder of the Minsk Press Club, Sakharov Prize laureate A" (the capitalised words of a role right before the
name), "pardoned his old rival, the ex-premier A", "released its best-known prisoner, A"."""


def _described_first(ctx: Context, sentence: Sentence, gap: str, person: Name) -> bool:
    """True when the words before the first listed name are only its description, set off by a comma ("pardoned the
    2024 prize laureate, A, along with B", "freed the editor, A."), the name then closing its phrase (not "freed the
    activist, A said": a speaker, nor "the activist, a decision A welcomed")."""
    described = DESCRIBED_FIRST.fullmatch(gap)
    # "the founder and editor of the Minsk Press Club": the organisation named in capitals is the description's own
    description = ORGANISATION_LAST.sub("", described.group("description")) if described else ""
    return bool(described and role_words(description) and
                re.match(r"\s*(?:[,.;]|$|(?:along|together)\s+with\s)", ctx.text[person.end:sentence.end]) and
                not (described.group("owner") and HELD_BRIEFLY.search(ctx.text, person.end, sentence.end)))


HELD_BRIEFLY = re.compile(rf"{BRIEFLY}|\b(?:hours\s+later|(?:to|under)\s+house\s+arrest)\b", re.IGNORECASE)
"""After a name a possessive describes ("released her son, A, ..."), a short hold's end: "after questioning", "on
bail", "without charge", "hours later", "to house arrest" (a relative released by police, not a prisoner freed)."""


def list_members(ctx: Context, sentence: Sentence, begin: int, strict: bool = False) -> list[Name]:
    """The people listed from `begin`: names joined by commas and "and", each perhaps with a role
    before it or a description after it; the list ends where a clause of its own begins. `strict`: only names a comma
    or "and" joins (a line that opens with names: "A urges B", "A • B • C" are no list there)."""
    text, members, offset = ctx.text, [], begin
    grouped = None  # where members named after their group begin
    for person in persons(ctx, sentence):
        if person.start < begin:
            continue
        # "A and B, along with lawyer C": C goes on with the list, though "with" before a name may make it another's
        # object elsewhere ("talks with C")
        along = bool(members) and TOGETHER_WITH.match(text, after_apposition(text, offset, person.start), person.begin)
        if described(ctx, sentence, person) and members and not along:
            continue
        gap_start = after_apposition(text, offset, person.start) if members else offset
        gap = text[gap_start:person.begin]
        if members and INCLUDED_IN_A_CLAUSE.match(gap) and RELATIVE_CLAUSE.search(text, offset, gap_start) and \
                not FREEING.search(text, offset, gap_start) and not MOVED_WITH.search(text, offset, gap_start):
            break  # "A, a reporter, whose editors thanked several people, including B": B is one of those people
        # "National League for Renewal (NLR) spokesman X": an organisation's name and its acronym are a role's words
        gap = re.sub(r"\b([A-Z][\w’'-]*)\s+(?:for|of)(?:\s+the)?\s+(?=[A-Z])", r"\1 ",
                     re.sub(r"\s*\([A-Z][A-Za-z]{1,7}\)", "", gap))
        # "prisoner of conscience X", "the member of parliament Y": a title with an "of" in it is a role's words; so is
        # a title of an organisation named in capitals ("co-founder of the Baltic Wetland Rescue Trust Y")
        gap = ROLE_OF.sub(lambda m: m.group(1) if title_word(m.group(1)) else m.group(0), gap)
        gap = TITLE_OF_ORGANISATION.sub(lambda m: m.group(1) + " " if title_word(m.group(1).split("-")[-1]) else m.group(0),
                                        gap)
        if members:  # "A of the Minsk Teachers Union and B from Radio Kupala": where the last one comes from, no clause
            gap = FROM_ORGANISATION.sub("", gap, count=1)
            gap = BRACKETED_NOTE.sub("", gap, count=1)  # "A (20 years in prison), B": the note is A's
            gap = ALONG_WITH_NEXT.sub(r"\1and ", gap, count=1)  # "A and B, along with lawyer C": C is listed too
        possessor = POSSESSOR.match(gap) if members else None
        if possessor:  # "A's wife, B": A says whose B is, and is no member; B is, if only a role stands between
            members.pop()
            if not POSSESSOR.fullmatch(gap) or not role_words(possessor.group("role")):
                break  # "pardoned A's wife at the request of B": B asked, and is no member either
            members.append(person)
            offset = person.end
            continue
        # "A, a journalist; B, an opposition politician; and C", "A, a former adviser; the lawyer B and her husband;
        # and the photographer C": each item closed by a semicolon, after its description or a companion
        # and "A, who served as an adviser to B; former Latvian diplomat C; D; and E": items a semicolon closes, when
        # "; and" closes the list ("freed A; B remains in prison" is two clauses)
        item = re.fullmatch(r"(?:,\s+[^,.;:()“”\"]{1,160}|\s+and\s+(?:her|his|their)\s+[\w-]+(?:\s+[\w-]+)?|)"
                            r";\s+(?P<and>and\s+)?(?P<rest>[^;]*)", gap)
        described_then = members and item and not re.search(r"\b(?:said|says|told|which|while|but)\b", gap) and \
            (item.group("and") or re.search(r";\s+and\s", text[person.end:sentence.end])) and \
            (re.fullmatch(r"(?:the\s+|an?\s+)?", item.group("rest")) or role_words(item.group("rest")))
        # "..., and the deputy chairmen of the opposition Popular Unity Party, A and B": a group named, then its members
        if not described_then and members and GROUP_ITEM.fullmatch(gap):
            described_then, grouped = True, grouped if grouped is not None else len(members)
        # a sentence's or a clause's end breaks the list; the periods of "U.S." and "A." do not
        # "pardoned the founder of the Minsk Press Club, A": the first name's description, set off by a comma
        described_first = not members and "," in gap and _described_first(ctx, sentence, gap, person)
        if not described_then and not described_first and (
                re.search(r"(?:(?<!\b[A-Z])\.|[;:!?])(?:\s|$)|[()]|\s[—–]\s|\s--\s", gap) or not role_words(gap) or
                (not members and "," in gap)):
            break
        if strict and members and not along and text[offset:person.begin].strip() and \
                not re.search(r"[,;&\n]|\b(?i:and|plus|or)\b", text[offset:person.begin]):
            break  # "Trump urges Lukashenko": names a verb joins, not a list (a comma or "and" joins them; so not
            # "A • B • C", a tag line; read in the text as written, as `gap` has lost an apposition's commas)
        joined = re.fullmatch(r",?\s+and\s+", gap) and \
            re.match(r"\s*(?:have|are|were)\b", text[after_apposition(text, person.end, sentence.end):sentence.end])
        if members and clause_subject(ctx, sentence, person) and not joined:
            break  # "including X, U.S. envoy Y's deputy has thanked ...": Y begins the main clause (not "A and B have")
        members.append(person)
        offset = person.end
    if grouped is not None and members and not re.match(
            r"\s*(?:[.;]|$|(?:were|was|have\s+been|had\s+been)\s+(?:also\s+)?(?:freed|released|pardoned))",
            text[after_apposition(text, members[-1].end, sentence.end):sentence.end]):
        members = members[:grouped]  # "..., and the co-founders of X, A and B, said they were relieved": speakers, not freed
    return [m for m in members if not speaks(ctx, sentence, m)]


@rule("age")
def ages(ctx: Context, sentence: Sentence) -> None:
    """Age: "Name, 41," "Name, aged 35", "a 41-year-old Name", "Name is 46 years old"."""
    for person in persons(ctx, sentence):
        # (not a count after the name: "Siarhei Sarnak, 14 Others Are Free", "A, 12 more")
        after = re.match(r",\s+(?:aged\s+|now\s+)?(\d{1,3})\b(?!\s*(?:years?\s+(?:in|of|for|behind)|percent|%|-)|"
                         r"\s+(?:[Oo]thers?|[Mm]ore)\b)",
                         ctx.text[person.end:sentence.end])
        figure = next((f for f in sentence.figures if after and f.start == person.end + after.start(1)), None)
        if figure and 0 < figure.value < 120 and ctx.take(figure):
            ctx.add("age", "count", figure.value, person.start, person.end + after.end(), subject=ctx.note_person(person))
    for person in persons(ctx, sentence):  # "X is 46 years old", "X, who is 46 years old,"
        stated = re.match(r"(?:,\s+who)?\s+is\s+(?:now\s+)?(\d{1,3})\s+years?\s+old\b",
                          ctx.text[person.end:sentence.end])
        figure = next((f for f in sentence.figures if stated and f.start == person.end + stated.start(1)), None)
        if figure and 0 < figure.value < 120 and ctx.take(figure):
            ctx.add("age", "count", figure.value, person.start, person.end + stated.end(), subject=ctx.note_person(person))
    for match in re.finditer(r"\b(\d{1,3})-year-old\s+", sentence.text):
        person = next((n for n in persons(ctx, sentence) if sentence.start + match.end() in (n.start, n.role_start)), None)
        figure = next((f for f in sentence.figures if f.start == sentence.start + match.start(1)), None)
        if person and figure and ctx.take(figure):
            ctx.add("age", "count", figure.value, sentence.start + match.start(), person.end,
                    subject=ctx.note_person(person))
    # "Last year, the 53-year-old was sentenced", "The ailing 53-year-old was arrested", "The 29-year-old chemist
    # was imprisoned": the person named last (and a role after the age is theirs)
    anaphor = re.match(r"\W*(?:[A-Z][^,;:.“”\"]{0,60},\s*)?(?P<the>[Tt]he)\s+(?:[a-z]+\s+)?(\d{1,3})-year-old"
                       r"(?:\s+(?P<noun>[a-z]+))?"
                       # "The 44-year-old, originally from Tartu, was arrested", "The 44-year-old, who founded a rights
                       # group, was held": a description set off by commas (a sentence that names anyone is no such
                       # sentence, below); an opening before it ("Held since the strike, the 63-year-old activist")
                       r"(?:,\s+(?!(?:whose|whom|which|and|but)\b)(?P<described>[^,;.“”\"]{1,50}),)?"
                       r"\s+(?=(?:was|had|has|is|said)\b)", sentence.text)
    if anaphor and anaphor.group("described") and OFFICE_WORDS.search(anaphor.group("described")):
        anaphor = None  # "The 61-year-old, a former ambassador to Poland, said": an official, not the one freed
    figure = next((f for f in sentence.figures if anaphor and f.start == sentence.start + anaphor.start(2)), None)
    if figure and ctx.last_person is not None and not persons(ctx, sentence) and ctx.take(figure):
        ctx.add("age", "count", figure.value, sentence.start + anaphor.start("the"), sentence.start + anaphor.end(),
                subject=ctx.note_person(ctx.last_person))
        noun = anaphor.group("noun")
        if noun and role_words(noun):
            ctx.add("role", "text", noun, sentence.start + anaphor.start("the"), sentence.start + anaphor.end("noun"),
                    subject=ctx.note_person(ctx.last_person))
    # "Name, a 36-year-old reporter", "Name, a 57-year-old U.S. resident": the age in an apposition after the name
    for person in persons(ctx, sentence):
        after = re.match(r",\s+(?:an?\s+)(\d{1,3}|\w+)-year-old\s+[A-Za-z][\w.-]*", ctx.text[person.end:sentence.end])
        figure = next((f for f in sentence.figures if after and f.start == person.end + after.start(1)), None)
        if figure and 0 < figure.value < 120 and ctx.take(figure):
            ctx.add("age", "count", figure.value, person.end + after.start(1) - 2, person.end + after.end(),
                    subject=ctx.note_person(person))


OFFICE_WORDS = re.compile(r"\b(?:ambassador|envoy|minister|official|president|spokes\w+|diplomat|secretary|senator|governor|"
                          r"negotiator|adviser|advisor|mayor|judge|prosecutor)\b", re.IGNORECASE)
"""In a description after "The 61-year-old,", words of an office: the person is an official, not one of the freed."""
TERM_LEAD = re.compile(r"\b(?:sentenced\s+(?:in\s+(?:\w+\s+)?\d{4}\s+(?:in\s+[A-Z][\w’'-]*\s+)?|(?:in|last)\s+[A-Z][a-z]+\s+|(?:him|her|them)\s+|"
                       r"(?:the\s+following|the\s+next|that|last)\s+year\s+|(?:a|one|two|three)\s+(?:years?|months?)\s+later\s+|"
                       r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s+|"
                       # "sentenced on March 9, 2023, by the Zarechny City Court to", "sentenced by the court on ... to"
                       r"(?:on|by)\s+(?:(?!\b(?:who|whose|which|his|her|their)\b)[^;.]){3,70}?\s+)?to|given|handed|serving|"
                       r"jailed\s+for|imprisoned\s+for|sent\s+(?:(?:him|her)\s+)?to\s+(?:prison|jail)\s+for|gets?|got|received|"
                       r"faces?|facing)\s+(?:a\s+|an\s+)?$")
TERM_TAIL = re.compile(r"(?:-|\s+)years?\b(?:\s+(?:in\s+(?:prison|jail|a\s+penal\s+colony)|of\s+\w+|behind\s+bars))?")
TERM_NOUN = re.compile(r"-year(?:\s+(?:prison|jail))?\s+(?:sentence|term|prison\s+term)")
TERM_OF = re.compile(r"\s+(?:handed\s+(?:down\s+)?to\s+|imposed\s+on\s+|of\s+)")
"""After a term's noun, whose it is: "the 18-year sentence of X", "the 7-year term handed to X"."""


LIST_JOIN = re.compile(r"\s*,\s*|,?\s+and\s+")
"""Between two names of a list: a comma or "and" alone."""


def _list_joined(gap: str) -> bool:
    """Between two names of a list: a comma or "and", perhaps with the next one's role ("A, the reporter B and Weekly
    News editor C"), never a clause ("A, whom police beat, and B")."""
    join = LIST_JOIN.match(gap)
    rest = gap[join.end():] if join else ""
    return bool(join) and (not rest or not re.search(r"[,;:.()“”\"]", rest) and role_words(rest))


def listed_up_to(ctx: Context, sentence: Sentence, person: Name, stop=None, roles: bool = False) -> list[Name]:
    """The names of the sentence listed up to and with `person`, joined by commas or "and" alone ("A, B and C" up to C),
    or with `roles`, each perhaps with a role before it ("A, the reporter B and C"), read back from it; the list ends
    before a name `stop` is true for."""
    listed = [person]
    for earlier in reversed([p for p in persons(ctx, sentence) if p.end <= person.begin]):
        gap = ctx.text[earlier.end:listed[-1].begin]
        if not (_list_joined(gap) if roles else LIST_JOIN.fullmatch(gap)) or (stop is not None and stop(earlier)):
            break
        listed.append(earlier)
    return listed[::-1]


def each_listed(ctx: Context, sentence: Sentence, person: Name, at: int) -> list[Name]:
    """The people a list that opens the sentence and ends at `person` names, when the fact at `at` is said of each: in
    the clause of a verb in the plural after them ("A, B and C were sentenced to three years") or after "each" ("A, B
    and C, each sentenced to 20 years,"); else the person alone (not "A and B, who was sentenced to 7 years, were
    freed", nor "A and B, whose husband was sentenced on May 3": a description of the last, or of someone else)."""
    after = after_apposition(ctx.text, person.end, sentence.end)
    each = re.match(r",\s+each\b", ctx.text[person.end:sentence.end])
    if each and (at < after or not re.search(r"[,;]", ctx.text[person.end + each.end():at])):
        # "handed the documents to A, B and C, each sentenced to 20 years": wherever the list stands (not past its
        # source: "According to A, B and C, each sentenced to 20 years, were freed")
        listed = listed_up_to(ctx, sentence, person, stop=lambda earlier: speaks(ctx, sentence, earlier))
        if len(listed) >= 2:
            return listed
    members = list_members(ctx, sentence, sentence.start)
    if len(members) < 2 or members[-1] != person or \
            not re.fullmatch(r"\W*(?:(?:[A-Z][a-z]+|the|a|an)\s+)?", ctx.text[sentence.start:members[0].role_start
                                                                                 if members[0].role_start is not None
                                                                                 else members[0].start]):
        return [person]
    if (each and at < after) or (at >= after and re.match(r"\s*(?:were|have\s+been|had\s+been|are)\b", ctx.text[after:sentence.end])):
        return members
    return [person]


TRIED_AFTER = re.compile(r"\s*(?:was|had\s+been)\s+(?:\w+\s+)?sentenced\b")
"""After a name (and its description), a sentence the page tells of that person ("A was first sentenced to ten days",
"A, a blogger, was first sentenced"); not one jailed, tried or convicted with another ("A was tried alongside B, and the
court sentenced him": B's term)."""


@rule("sentence-years")
def prison_terms(ctx: Context, sentence: Sentence) -> None:
    """Prison terms: "sentenced to eight years", "given 11 years", "serving a 14-year sentence"."""
    for figure in sentence.figures:
        before = ctx.text[max(sentence.start, figure.start - 90):figure.start]
        lead, tail = TERM_LEAD.search(before), TERM_TAIL.match(ctx.text, figure.end, sentence.end)
        term = TERM_NOUN.match(ctx.text, figure.end, sentence.end)
        bracketed = _bracketed_term(ctx, sentence, figure, tail) if not lead and not term else None
        if bracketed:  # "A (20 years in prison), B": A's term
            lead = re.search(r"\(\s*$", before)
        if not ((lead and tail) or term) or ctx.taken(figure):
            continue
        person = bracketed or person_before(ctx, sentence, figure.start)
        of = TERM_OF.match(ctx.text, term.end(), sentence.end) if term else None
        if of:  # "commuted the 18-year sentence of X": X's term
            person = next((p for p in persons(ctx, sentence) if p.begin == of.end()), person)
        if WHOSE_OTHER.search(before, 0, len(before) - (len(lead.group(0)) if lead else 0)):
            continue  # "A, whose husband was sentenced to 7 years,": his term
        if lead and re.match(r"sentenced\s+them\s+to", lead.group(0)):
            continue  # "sentenced them to five years": a group's term, no one person's
        if lead and re.match(r"(?:sentenced|sent)\s+(?:him|her)\s+to", lead.group(0)):
            # "a tribunal sentenced him to nine years", "the judge sent her to jail for seven years": the one the
            # sentences before speak of, or the one this sentence has tried already ("A was first sentenced to ten
            # days, before a court sentenced him to nine years": A)
            named = [p for p in persons(ctx, sentence) if p.end <= figure.start]
            tried = named[-1] if named and TRIED_AFTER.match(ctx.text, after_apposition(ctx.text, named[-1].end,
                                                                                          sentence.end)) else None
            if tried is not None and (";" in ctx.text[tried.end:figure.start] or re.search(
                    r"\b(?:his|her|their)\s+(?:[\w-]+\s+){1,2}$",
                    ctx.text[max(sentence.start, tried.start - 40):tried.start], re.IGNORECASE)):
                # ("A was sentenced to ten days in 2019; in 2021 a court sentenced him ...", "His wife A was sentenced
                # to 15 days before a judge sentenced him": another's)
                tried = None
            person = tried or ctx.last_person
        if person is None:
            continue
        ctx.take(figure)
        begin = figure.start - len(lead.group(0)) if lead else figure.start
        finish = (tail or term).end()
        if term and re.search(r"\b(?:serving|served|given|handed)\s+(?:a|an)\s+$", before):
            begin = figure.start - len(re.search(r"\b\w+\s+(?:a|an)\s+$", before).group(0))
        if figure.qualifier == "between":
            continue  # "sentenced to between three and 10 years": each one's term is not written
        if lead and not term and figure.qualifier != "exact" and \
                re.match(r"(?:serving|jailed\s+for|imprisoned\s+for)\b", lead.group(0)):
            continue  # "imprisoned for more than seven years", "serving over four years": the time held, not a term
        for each in each_listed(ctx, sentence, person, figure.start):  # "A, B and C were sentenced to three years"
            ctx.add("sentence_years", "count", figure.value, begin, finish, subject=ctx.note_person(each),
                    qualifier=figure.qualifier)
            _charge(ctx, sentence, each, begin, finish)


def _bracketed_term(ctx: Context, sentence: Sentence, figure, tail: re.Match | None) -> Name | None:
    """The person named right before a term that fills a bracket: "A (20 years in prison)"."""
    window = max(sentence.start, figure.start - 8)  # "(", spaces: never the sentence up to the figure (a long list of
    opening = re.search(r"\(\s*$", ctx.text[window:figure.start])  # terms read it once for each: the square)
    if opening is None or tail is None or not re.match(r"\s*\)", ctx.text[tail.end():tail.end() + 4]):
        return None
    at = window + opening.start()
    named = persons(ctx, sentence)
    k = bisect.bisect_right(named, at, key=lambda p: p.end) - 1  # the name ending nearest before the bracket
    return named[k] if k >= 0 and not ctx.text[named[k].end:at].strip() else None


CHARGE = re.compile(r"(?:\s+in\s+(?:\w+\s+)?\d{4})?\s+(?:for|on|over)\s+(?:allegedly\s+|supposedly\s+)?"
                    r"(?P<charge>[^,.;:“”\"–—]{3,60}?)(?=\s+(?:he|she|they)\s+(?:denies|denied|deny)|\s+after\b|"
                    r"\s+while\b|\s+in\s+\d{4}|\s+(?:[–—]|--)\s|[,.;:]|$)")


def _charge(ctx: Context, sentence: Sentence, person: Name, begin: int, finish: int) -> None:
    """What the sentence was for: "given 15 years for organising protests", "on fraud charges"."""
    match = CHARGE.match(ctx.text, finish, sentence.end)
    if match and not any(d.start <= match.start("charge") < d.end for d in sentence.dates):  # never a date ("sentenced
        # to four years on October 11, 2023")
        charge = re.sub(r"^(?:charges?\s+of\s+)", "", match.group("charge"))
        charge = re.sub(r"\s+charges?$", "", charge) if len(charge.split()) <= 2 else charge
        ctx.add("charge", "text", charge, begin, match.end("charge"), subject=ctx.note_person(person))


WHOSE_OTHER = re.compile(r"\bwhose\s+(?:[\w-]+\s+){1,2}(?:was|were|had\s+been|has\s+been)\s+$")
"""Before a verdict or a term, a "whose" clause that gives them to someone else ("whose husband was sentenced")."""
SEASON = r"(?:(?:early|late|mid)(?:\s+|-))?"
"""A part of the year before its number ("in late 2021", "in mid-2020"): the date is still the year."""
IMPRISONED = re.compile(r"\b(?P<verb>arrested|detained|jailed|imprisoned|in\s+prison|in\s+jail|behind\s+bars|in\s+custody|"
                        r"placed\s+under\s+(?:detention|arrest)|taken\s+into\s+custody|"
                        r"(?:his|her|their)\s+(?:arrest|detention)|"
                        r"incarcerated|held|locked\s+up|became\s+a\s+political\s+prisoner(?:\s+\w+self)?|"
                        # "serving a ten-year sentence since 2020" (not "serving a sentence in Minsk in 2019", nor
                        # "serving his second term since 2020": an office's)
                        r"serving\s+(?:(?:a|an|his|her|their)\s+)?(?:(?!(?:suspended|restricted[\w-]*|probation\w*|"
                        r"non-custodial|second|third|fourth|fifth|sixth|seventh|eighth|another|new)\b)[\w-]+\s+){0,2}?"
                        r"(?:sentences?|(?:prison|jail)\s+terms?)"
                        r"(?=\s+since\b))\s+"
                        r"(?:(?:(?:by\s+(?:[\w’'-]+\s+){1,4}?|(?:\w+\s+){0,2}?)(?:in|since|on)|"
                        # "arrested at Minsk airport on May 5", "detained at the border in 2021": the place, then the day
                        r"(?:(?<=arrested\s)|(?<=detained\s))at\s+(?:the\s+|an?\s+)?(?:[\w’'-]+\s+){1,3}?(?:on|in)|"
                        # "detained while travelling in Belarus in May 2020": what they were doing, then the day
                        r"(?:(?<=arrested\s)|(?<=detained\s))while\s+(?:travell?ing|visiting|staying|working|crossing|"
                        r"returning|living|reporting|covering|filming|attending|driving|flying|walking|campaigning)\s+"
                        r"(?:[\w’'-]+\s+){0,4}?(?:on|(?P<in>in\s+the)|in)|"
                        r"(?:(?<=arrested\s)|(?<=detained\s)|(?<=jailed\s)|(?<=imprisoned\s))(?:[\w’'-]+\s+){3,6}?since|"
                        r"(?:(?<=arrested\s)|(?<=detained\s)|(?<=jailed\s)|(?<=imprisoned\s)|(?<=incarcerated\s))"
                        r"(?P<at>(?:at|during|in)\s+(?:the|a|an)(?:\s+(?!(?:summer|spring|autumn|fall|winter|end|start|"
                        r"beginning|middle|run-up|wake|aftermath)\b)[a-z]+)?|during))\s+|"
                        # "Sarnak was arrested March 14, 2024": the day right after the verb, as American copy writes it
                        r"(?<=arrested\s)|(?<=detained\s))" +
                        SEASON + "$", re.IGNORECASE)
"""An arrest right before its date: "arrested in May 2021", "detained by the security services in March 2022", "jailed
in late 2021" (the year), "detained in Belarus for trafficking narcotics since 2014" (a longer way to "since"), "since
her arrest in May 2023", "serving a ten-year sentence since 2020"; or before the date of the event it happened at
("detained at the October 4 protest", "arrested during the 2021 election campaign", "incarcerated during the contested
2021 presidential election", "detained during 2021 street protests", "detained while campaigning for a seat in the 2019
parliamentary election")."""
SOMEONE_ELSE = re.compile(r"\b(?:husband|wife|spouse|son|daughter|child|children|brother|sister|father|mother|parents?|"
                          r"uncle|aunt|cousin|nephew|niece|fianc[eé]e?|girlfriend|boyfriend|lawyer|attorney|colleague|"
                          r"co-defendant|manager|leader|friend|partner|relative|aide|adviser|advisor|deputy|spokes\w+|"
                          r"editor|journalist|activist|member|official|officer|guard|cellmate)s?\b", re.IGNORECASE)
"""Words for someone other than the person the page spoke of last, before "his arrest" ("Her campaign manager fled
after his arrest"): the pronoun may be theirs."""
BRACKETED_ARREST = re.compile(r"\((?:arrested|detained|jailed|imprisoned)\s+(?:in\s+|since\s+)?" + SEASON + "$", re.IGNORECASE)
"""A listed name's note in brackets that dates their arrest: "A (detained October 2023)", "B (jailed 2021)"."""
ARREST_AFTER = re.compile(r",?\s*(?:(?P<pronoun>he|she|they)|[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})\s+(?:was|were|had\s+been)\s+"
                          r"(?:first\s+)?(?:arrested|detained|jailed|imprisoned|abducted|kidnapped|seized|"
                          r"(?:sent|taken)\s+back\s+to\s+(?:jail|prison))\b")
"""An arrest after the date that opens its sentence or a clause of it: "In 2020, X was arrested at a protest", "...,
and in 2021 she was sent back to jail", "In October 2021, X was seized in Minsk by plainclothes police"."""
COURT_BETWEEN = re.compile(r"\bby\s+(?:an?|the)\s+(?:[\w’'-]+\s+){0,3}?(?:court|judge|tribunal)\b", re.IGNORECASE)
"""Between a word of prison and a date, the court that sent someone there: the date is the verdict's."""
SENTENCED = re.compile(r"\b(?:sentenced|convicted|found\s+guilty|"
                       r"(?:given|handed|received|got|gets|receives)\s+(?:(?:more|another|an\s+additional|extra)\s+)?"
                       r"\S+\s+(?:more\s+)?years?(?!\s+to\s+live)|"
                       r"jailed\s+for\s+\S+\s+years?|"
                       # "a 9-year sentence handed down in 2024", "a 12-year term imposed in April"
                       # (not "began a 13-year term in 2022": when it began)
                       r"(?<!began\sa\s)(?<!began\san\s)(?<!started\sa\s)(?<!started\san\s)\b\S+-year\s+(?:prison\s+)?"
                       r"(?:sentence|term))"
                       # the words between are the verdict's, not another act's ("sentenced to five years but was
                       # pardoned on November 20", "convicted of treason and detained on March 3")
                       r"(?:\s+in\s+(?:prison|jail)|\s+(?!(?:and|but|then|was|were|pardoned|released|freed|detained|"
                       r"arrested)\b)[\w-]+){0,6}?\s+(?:in|on)\s+" + SEASON + "$|"
                       # "sentenced on March 9, 2023", "sentenced by the Zarechny City Court on May 14, 2024"
                       r"\b(?:sentenced|convicted)\s+(?:by\s+(?:the\s+|a\s+)?(?:(?!\b(?:and|but|then|pardoned|released|freed|"
                       r"detained|arrested)\b)[^,;.]){3,50}?\s+)?on\s+$", re.IGNORECASE)
"""A verdict right before its date: "sentenced in 2021", "sentenced to 12 years in prison for bribery in 2019" ("in
prison" one step of six; not "sentenced to 8 years for taking part in protests in 2021": the protests' year)."""
# "In March 2022, she was found guilty", "A court in 2023 found X guilty": the date before the verdict
VERDICT_AFTER = re.compile(r"(?:,\s*)?(?:\s*(?:she|he|they)\s+was|\s*(?:she|he|they)\s+were|\s+found\s+(?P<who>[^,.;]{3,60}?))"
                           r"\s*(?:found\s+)?guilty\b|(?:,\s*)?\s*(?:she|he|they)\s+was\s+(?:sentenced|convicted)\b|"
                           # "On March 3, 2021, a regional court sentenced him", "In 2022, a court in Hrodna sentenced X"
                           r",\s*(?:a|the)\s+(?:(?!(?:a|an|the)\b)[\w-]+\s+){0,2}?court(?:\s+in\s+[A-Z][\w-]+)?\s+"
                           r"(?:sentenced|convicted)\s+"
                           r"(?:him|her|(?P<object>[A-Z][^,.;]{2,40}?))(?=\s+(?:to|of|on|for)\b|[,.;])|"
                           # "In March 2023, X was sentenced to 12 years": the one named right after the date
                           r",\s*(?:(?-i:Mrs?|Ms|Dr)\.?\s+)?"  # (a word of address is no part of the name)
                           r"(?P<subject>(?-i:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}))\s+was\s+"
                           r"(?:sentenced|convicted|found\s+guilty)\b",
                           re.IGNORECASE)


def _year_before(ctx: Context, sentence: Sentence, offset: int) -> str | None:
    """What "that year" stands for: the year written last before it in the sentence."""
    years = re.findall(r"\b((?:19|20)\d\d)\b", ctx.text[sentence.start:offset])
    return years[-1] if years else None


OPENING_WITH_PRONOUN = re.compile(r"\W*(?:After|Following|Since|Upon|Before|Until|Despite|Even\s+after)\s+(?:his|her)\s")
"""A sentence's opening whose "his" or "her" is the subject's after its comma: "Following his arrest in May, A ..."."""


def _subject_after_opening(ctx: Context, sentence: Sentence, start: int, end: int) -> Name | None:
    """"Following his arrest on May 8, A made use of the media": A, named right after the comma that closes the opening
    the arrest and its date are in (no one named in the opening), when nothing after A says "him" or "her" (not "Since
    his arrest in May, A had refused to pardon him"), and A is no one's relative ("A, his wife, fled") nor titled with an
    office."""
    if not OPENING_WITH_PRONOUN.match(ctx.text, sentence.start, end) or "," in ctx.text[sentence.start:start]:
        return None  # (the arrest in the opening itself: not "After his release, he said police arrested him on ...")
    comma = ctx.text.find(",", end, sentence.end)
    named = persons(ctx, sentence)
    person = next((p for p in named if p.start > end), None)
    if comma < 0 or person is None or any(p.start < comma for p in named) or \
            not re.fullmatch(r",\s+", ctx.text[comma:person.begin]) or \
            re.match(r",\s+(?:his|her|their)\s", ctx.text[person.end:person.end + 12]) or \
            re.search(r"\b(?:him|her)\b", ctx.text[person.end:sentence.end]) or \
            OFFICE_WORDS.search(ctx.text[person.begin:person.start]):
        return None
    return person


@rule("imprisoned-since")
def imprisoned(ctx: Context, sentence: Sentence) -> None:
    """Imprisonment began: "arrested in May 2021", "jailed since 2020", "arrested that year", "detained by the
    security services in March 2022", "Security forces arrested X on May 3, 2021", "In 2020, X was arrested"; not
    "released 40 detained political prisoners on November 27" (who was freed)."""
    _respectively(ctx, sentence)
    for date, start, found in _dates_after(ctx, sentence, IMPRISONED):
        verb_end = start + found.end("verb") - found.start()
        if not ctx.text[verb_end:date.start].strip() and (
                ctx.text[start - 1:start] == "(" or re.fullmatch(r"\d{4}", date.text) or
                not re.search(r"(?:\b(?:was|were|been|is|are)\s+(?:\w+ly\s+|first\s+|later\s+|again\s+)?|"
                              r"(?<![’'])\b(?-i:[A-Z])[\w-]+,\s*)$", ctx.text[max(sentence.start, start - 24):start])):
            continue  # the day right after the verb ("was arrested March 14, 2024", "was first arrested on Thursday",
            # "A, detained 9 August 2020, ...") only after "was" or a name's comma, never a bare year: not "protesters
            # arrested August 9, 2020", "arrested 1999 people", "A's husband, arrested March 14, 2024,"; "A (detained
            # October 2023)" is the note in brackets of the name before it (below)
        event = EVENT_AFTER.match(ctx.text, date.end)
        if (found.group("at") or found.group("in")) and (not event or re.match(r"[’']s\b", ctx.text[event.end():]) or
                                  re.match(r"[^,;.]*?\b(?:19|20)\d\d\b", ctx.text[date.end:sentence.end]) or
                                  any(d is not date and d.value and not d.relative for d in sentence.dates)):
            continue  # "detained at the October 4 protest" is that day; "at the 2020 level" is none, "at the October 4
            # protest in 2020" gives its year after it, and a date written elsewhere in the sentence is the arrest's ("who
            # was briefly detained during the 2020 protests, was arrested again in May 2022", "in the 2020 election's
            # aftermath, in March 2021")
        if SENTENCED.search(ctx.text[max(sentence.start, date.start - 60):date.start]) or \
                re.match(r"in\s+(?:prison|jail)|behind\s+bars", found.group("verb")) and \
                COURT_BETWEEN.search(ctx.text, start, date.start):
            continue  # "sentenced to 8 years in prison in 2022", "nine years in jail by a regional court in May":
            # the verdict's date, not the arrest's
        if found.group("at") and re.search(r"\bbriefly\s+(?:\w+\s+)?$", ctx.text[max(sentence.start, start - 30):start]):
            continue  # "briefly detained during the 2020 protests": a short detention, not the imprisonment
        if re.match(rf"\w+\s+{ADJECTIVES}{PEOPLE}\s+(?:in|since|on)\s", ctx.text[start:date.start], re.IGNORECASE):
            continue  # "released 40 detained political prisoners on November 27": who was freed, no arrest
        if any(0 <= start - f.end <= 3 for f in sentence.figures):
            continue  # "out of some 9,000 in jail since 2019": a count's imprisonment, no one person's
        # "Security forces arrested X on May 3, 2021": no one before the verb, the person arrested after it
        arrested = None if person_before(ctx, sentence, start) else \
            next((p for p in persons(ctx, sentence) if verb_end < p.start < date.start), None)
        if arrested is None and person_before(ctx, sentence, start) is None and \
                (re.match(r"(?:his|her)\s", found.group("verb"), re.IGNORECASE) or
                 re.match(r"\s+(?:him|her)\s+(?:in|on|at|since|during|early|late|last)\b", ctx.text[verb_end:date.start])) and \
                not SOMEONE_ELSE.search(ctx.text, sentence.start, start):
            # "Two charges led to her arrest on April 2", "The secret service arrested him in 2021": the one the page
            # spoke of last; but "Following his arrest on May 8, A spoke out": A, the subject the opening is about
            arrested = _subject_after_opening(ctx, sentence, start, date.end) or ctx.last_person
        _dated(ctx, sentence, "imprisoned_since", date.value, start, date.end, date, person=arrested)
        person = arrested or person_before(ctx, sentence, date.start)
        if person is not None:
            _charge(ctx, sentence, person, start, date.end)
        if arrested is None and person is not None and person.end <= start:
            # "A and B were arrested in November 2021", "A was arrested on 11 March, together with B": each of them
            for other in _arrested_with(ctx, sentence, person, start, date.end):
                _dated(ctx, sentence, "imprisoned_since", date.value, min(other.begin, start), max(date.end, other.end),
                       person=other)
    for date, start, _ in _dates_after(ctx, sentence, BRACKETED_ARREST):
        # "A (detained October 2023), B (detained February 2023)": the note in brackets after each listed name
        person = next((p for p in persons(ctx, sentence) if p.end <= start and not ctx.text[p.end:start].strip()), None)
        if person is not None and ctx.text.startswith(")", date.end):
            _dated(ctx, sentence, "imprisoned_since", date.value, person.begin, date.end + 1, date, person=person)
    for date in (d for d in sentence.dates if d.value and not ctx.taken(d)):
        opening = re.fullmatch(r"\W*(?:(?:But|And|Then|Later|However|Yet),?\s+(?:then\s+|later\s+)?)?(?:[Ii]n|[Oo]n)\s+",
                               ctx.text[sentence.start:date.start])
        inside = re.search(r"(?:,\s*(?:and\s+|but\s+)?|\b(?:and|but)\s+)(?P<lead>(?:in|on)\s+)$",
                           ctx.text[sentence.start:date.start])
        after = ARREST_AFTER.match(ctx.text, date.end, sentence.end) if opening or inside else None
        if after:  # "In 2020, Sivak was arrested at a protest", "X was first jailed in 2015, and in 2021 she was sent back"
            if after.group("pronoun"):  # the one a pronoun opening the sentence, or named earlier in it, stands for
                who = ctx.last_person if opening else person_before(ctx, sentence, date.start)
            else:
                who = person_before(ctx, sentence, after.end())
            begin = sentence.start if opening else date.start - len(inside.group("lead"))
            _dated(ctx, sentence, "imprisoned_since", date.value, begin, after.end(), date, person=who)
    for date in (d for d in sentence.dates if d.value and not d.relative and not ctx.taken(d)):
        # "jailed after the contested 2021 vote", "detained after the protests of 2021": on or after that time
        after = ARRESTED_AFTER.search(ctx.text, max(sentence.start, date.start - 80), date.start)
        if after and re.search(rf"\b{PEOPLE}\s+$", ctx.text[max(sentence.start, after.start() - 40):after.start()],
                               re.IGNORECASE):
            continue  # "urging Belarus to free protesters jailed after a 2022 march": a group's, no one person's
        if after and not SENTENCED.search(ctx.text, max(sentence.start, after.start() - 60), after.start()):
            _dated(ctx, sentence, "imprisoned_since", date.value, after.start(), date.end, date, qualifier="on_or_after")
    for match in re.finditer(r"\b(?:arrested|detained|jailed|imprisoned)\s+(?:in\s+|since\s+)?that\s+year\b", sentence.text):
        year = _year_before(ctx, sentence, sentence.start + match.start())
        if year:
            _dated(ctx, sentence, "imprisoned_since", year, sentence.start + match.start(), sentence.start + match.end())
    for match in re.finditer(rf"\b{AUX}(?:(?!not\b|never\b)\w+\s+)?(?:arrested|detained|jailed|imprisoned)\s+"
                             rf"(?:(?:in|at|by)\s+"
                             rf"(?:\w+\s+){{0,2}}?)?{RELATIVE_YEAR}", sentence.text):
        # "Toom was arrested last year", "Pilsk was detained earlier this year": the year from the article's, for the
        # one the verb is said of (not "Veld said hundreds of people had been detained this year")
        _relative_year(ctx, sentence, "imprisoned_since", match, sentence.start + match.start(),
                       subject_at(ctx, sentence, sentence.start + match.start()))


LIST_HELD_SINCE = re.compile(r"(?:held|jailed|detained|imprisoned|incarcerated)\s+(?:(?:in\s+(?:prison|jail|custody)|"
                             r"behind\s+bars)\s+)?since\b")
"""After a list and a comma, a detention that goes on since a time, said of the whole list ("held in prison since")."""
ARRESTED_WORD = r"(?:arrested|detained|jailed|imprisoned|incarcerated|held)\b"
"""After a list and a comma, a participle of arrest or detention ("A and B, arrested in January")."""
FREED_LIST_LEAD = re.compile(r"\b(?:freed|released|pardoned|included|including|among)\b", re.IGNORECASE)
"""Before a list, words that make it a list of the freed ("Among others freed were A and B")."""
OBJECT_BEFORE = re.compile(r"\b(?:with|between|against|by|to|from|than|after|before|meeting|met|"
                           r"(?:lawyers?|attorneys?|counsel|spokes\w+|advocates?)\s+(?:for|of))\s+(?:the\s+)?$")
"""Before a list's first name, a word that makes the list another's object ("meetings with A and B")."""
PLURAL_VERB = re.compile(r",?\s+(?:were|have\s+been|had\s+been)\s+(?:(?:\w+ly|also|first|both|all)\s+)*$")
"""Between the last name of a list and its arrest: a verb in the plural ("A and B were arrested")."""
TOGETHER_WITH = re.compile(r",?\s+(?:together|along)\s+with\s+")


LIST_OPENS_CLAUSE = re.compile(r"\W*(?:(?:But|And|However|Then|Later),?\s+|[A-Z][^,;:.“”\"]{0,60},\s+)?")
"""Before the first name of a list that opens its clause, and the words of its role: a linking word or a short opening
phrase ("As part of the same case, Minsk Weekly editor A, ..."; not "After a call with A, B ...", where the list is
A's call's)."""


NOT_A_ROLE = re.compile(r"\b(?i:like|unlike|except|besides|alongside|apart|beyond|including|than|or|perhaps|possibly|"
                        r"maybe|rumou?rs?|whether|if|unless|neither|nor|not|no)\b")
"""Words before a list's first name that set it apart or in doubt ("Unlike A, ...", "Except A, ...", "Rumours A and B
were ..."), never the words of a role."""


def _arrested_with(ctx: Context, sentence: Sentence, person: Name, verb: int, end: int) -> list[Name]:
    """Others an arrest at `verb` is said of beside `person`, named before it: the names listed with the person as the
    subject of a verb in the plural ("A, B and C were arrested": A and B); and one named "together with" them right
    after the arrest's date ("A was arrested on 11 March, together with B": B). The list opens its clause ("After a call
    with A, B was arrested" is B's alone)."""
    others = []
    if PLURAL_VERB.fullmatch(ctx.text, person.end, verb):
        others = listed_up_to(ctx, sentence, person, roles=True)[:-1]
        first = others[0] if others else person
        opening = LIST_OPENS_CLAUSE.match(ctx.text, sentence.clause(first.begin)[0], first.begin)
        role = ctx.text[opening.end():first.begin]
        if not role_words(role) or re.search(r"[,;:.()“”\"]", role) or NOT_A_ROLE.search(role) or \
                any(opening.end() <= p.start and p.end <= first.begin for p in persons(ctx, sentence)):
            others = []  # (not "Unlike A, B and C were arrested", "A or perhaps B and C": a role's words only)
    elif re.fullmatch(r",\s+", ctx.text[person.end:verb]) and re.match(ARRESTED_WORD, ctx.text[verb:end]):
        # set off by a comma after the whole list: a detention that goes on ("the farmers A and B, held in prison since
        # 2019"), or an arrest of a list the clause frees ("Freed were A and B, arrested in January"); not "A and B,
        # jailed in 2021 for insulting him, met", nor "talks with A and B, held in Minsk in 2024"
        listed = listed_up_to(ctx, sentence, person, stop=lambda earlier: OBJECT_BEFORE.search(
            ctx.text, max(sentence.start, earlier.begin - 30), earlier.begin))
        lead = ctx.text[sentence.clause(listed[0].begin)[0]:listed[0].begin]
        if LIST_HELD_SINCE.match(ctx.text, verb, end) or FREED_LIST_LEAD.search(lead):
            others = listed[:-1]
    together = TOGETHER_WITH.match(ctx.text, end, sentence.end)
    if together and ctx.text.startswith(",", together.start()) and \
            re.search(r",\s+(?:(?:first|later|also|\w+ly)\s+)?$", ctx.text[max(sentence.start, verb - 20):verb]):
        together = None  # "included A, editor of a paper, jailed in June 2024, along with B": the arrest is a
        # description set off by commas, and "along with" goes on with what the clause says of A (not "A was arrested
        # on 11 March, together with B")
    companion = next((p for p in persons(ctx, sentence) if p.start >= together.end()), None) if together else None
    between = ctx.text[together.end():companion.start] if companion is not None else ""
    if companion is not None and (not between.strip() or role_words(re.sub(r"^(?:the|an?)\s+", "", between.strip()))) and \
            not re.match(r"[’']s?\b", ctx.text[companion.end:companion.end + 2]):
        others.append(companion)  # "together with opposition politician B": a role's words, then the name (not "B's
        # brother", "the lawyer of B", "a photo of B")
    return others


RESPECTIVELY = re.compile(r"\brespectively\b")
ARREST_VERB = re.compile(r"\b(?:arrested|detained|jailed|imprisoned)\b")
OTHER_VERDICT = re.compile(r"\b(?:sentenced|convicted|given|handed|fined)\b")
"""Between an arrest and "respectively", a verdict whose figures the word pairs instead."""
RESPECTIVE_REACH = 200
"""How far before "respectively" its arrest is looked for ("arrested in April 2017 and June 2021, respectively"):
a window, so that a sentence of many arrests is read once."""


def _respectively(ctx: Context, sentence: Sentence) -> None:
    """"A and B, who had been arrested in April 2017 and June 2021, respectively", "Belarus freed A and B. They
    had been arrested in ..., respectively": each date to each person in turn, the people named before the verb in
    the sentence, or those "They" stands for; none to anyone when the numbers differ."""
    match = RESPECTIVELY.search(sentence.text)
    window = max(0, match.start() - RESPECTIVE_REACH) if match else 0
    arrest = None if match is None else \
        next(reversed([m for m in ARREST_VERB.finditer(sentence.text, window, match.start())
                       if not re.search(r"[.;:]", sentence.text[m.end():match.start()])]), None)
    if arrest is None or OTHER_VERDICT.search(sentence.text, arrest.end(), match.start()):
        return  # "arrested in May 2020, were sentenced in March 2021 to five and seven years, respectively": the terms'
    verb, end = sentence.start + arrest.start(), sentence.start + match.start()
    dates = [d for d in sentence.dates if verb < d.start < end and d.value and not d.relative and not ctx.taken(d)]
    named = [p for p in persons(ctx, sentence) if p.end <= verb]
    # the people listed right before the verb ("A and B, who had been arrested"), or those "They" stands for; not one
    # spoken to ("A told B that he and his wife were detained ..., respectively")
    listed = list_members(ctx, sentence, named[0].begin) if named else []
    people = (listed if listed == named else []) if named else (ctx.group_before if PLURAL.match(sentence.text) else [])
    if len(dates) < 2:
        return
    for date in dates:
        ctx.take(date)  # whoever each date is, not the one a pronoun stands for alone
    if len(people) != len(dates):
        return
    for person, date in zip(people, dates):
        ctx.add("imprisoned_since", "date", date.value, verb, sentence.start + match.end(), subject=ctx.note_person(person))


ARRESTED_AFTER = re.compile(r"\b(?:arrested|detained|jailed|imprisoned)\s+(?:\w+\s+){0,2}?(?:after|following)\s+(?:the\s+)?"
                            r"(?:[\w’'-]+\s+){0,6}?(?:(?:of|in)\s+)?$", re.IGNORECASE)
"""An arrest after an event the date that follows names: "jailed after the contested 2021 vote", "detained after the
large street protests of 2021", "arrested after the rally against the new law in November 2014"."""
RELATIVE_YEAR = r"(?:(?P<last>(?<!\bthe\s)last\s+year)|(?P<this>(?:earlier\s+)?this\s+year))\b"
"""A year named from the article's: "last year", "earlier this year" (not "the last year", a length of time, nor "the
previous year", which follows the year written before it)."""
AUX = r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+"
"""The passive's auxiliary, whose subject is the one arrested or sentenced."""
RELATIVE_SPAN = r"(?:(?!\b(?:and|but|while|after|before|then|(?:19|20)\d\d)\b)[^.;:,]){1,50}?"
"""Words between "sentenced ... to" and a year named from the article's, in one clause and with no year of their own."""


def subject_at(ctx: Context, sentence: Sentence, at: int) -> Name | None:
    """The one a clause starting at `at` is said of: the person named right before it (past a description set off by
    commas), or the one a pronoun or "The 53-year-old" opening the sentence stands for; None for anyone else ("Veld
    said hundreds of people had been detained": the people, not Veld)."""
    for person in reversed(persons(ctx, sentence)):
        if person.end <= at:  # (or a relative clause of theirs: "X, who was sentenced last year, ...")
            return person if re.fullmatch(r"[\s,]*(?:who\s+)?", ctx.text[after_apposition(ctx.text, person.end, at):at]) \
                else None
    lead = PRONOUN.match(sentence.text)
    return ctx.last_person if lead and not ctx.text[sentence.start + lead.end():at].strip() else None


def _relative_year(ctx: Context, sentence: Sentence, prop: str, match: re.Match, start: int, person: Name | None,
                   end: int | None = None) -> None:
    """Draft `prop` as the year a match of RELATIVE_YEAR (or of its groups "last" and "this") names, read from the
    article's date and marked for review, quoting from `start` to the match's end (or `end`)."""
    if person is None or ctx.anchor is None:
        return
    last = match.group("last")
    year = ctx.anchor.start.year - (1 if last else 0)
    words = last or match.group("this")
    ctx.add(prop, "date", str(year), start, end if end is not None else sentence.start + match.end(),
            subject=ctx.note_person(person), note=f'"{words.lower()}" read as {year}, from the article\'s date',
            review="relative-date")


@rule("sentenced-on")
def sentenced_on(ctx: Context, sentence: Sentence) -> None:
    """When sentenced: "sentenced in 2021", "given 11 years in 2022", "convicted in March 2022", "jailed for nine
    years in 2022", "A court sentenced X (or him) to seven years in March 2023"."""
    for date, start, found in _dates_after(ctx, sentence, SENTENCED):
        if WHOSE_OTHER.search(ctx.text, max(sentence.start, start - 40), start):
            continue  # "A and B, whose husband was sentenced on May 3, 2022,": his verdict
        # "A Minsk court sentenced X to seven years in March 2023": no one before the verb, the one sentenced after it
        sentenced = None if person_before(ctx, sentence, start) else \
            next((p for p in persons(ctx, sentence) if start < p.start < date.start), None) or \
            (ctx.last_person if re.match(r"sentenced\s+(?:him|her)\b", found.group(0)) else None)
        subject = sentenced or person_before(ctx, sentence, start)
        for each in each_listed(ctx, sentence, subject, date.start) if subject is not None else []:
            _dated(ctx, sentence, "sentenced_on", date.value, start, date.end, date, person=each)
    for match in re.finditer(rf"\b(?:sentenced\s+(?P<pronoun>him|her)\s+to\s+{RELATIVE_SPAN}|{AUX}(?:sentenced|convicted)\s+"
                             rf"(?:to\s+{RELATIVE_SPAN})?){RELATIVE_YEAR}", sentence.text):
        # "A court sentenced her to four years in prison last year", "He was convicted last year", in one clause
        at = sentence.start + match.start()
        _relative_year(ctx, sentence, "sentenced_on", match, at,
                       ctx.last_person if match.group("pronoun") else subject_at(ctx, sentence, at))
    for match in re.finditer(r"\b(?:sentenced|convicted)\s+(?:in\s+)?the\s+(?:following|next)\s+year\b", sentence.text):
        # "He was detained in 2017 and sentenced the following year": the year after the one written before
        year = _year_before(ctx, sentence, sentence.start + match.start())
        if year:
            _dated(ctx, sentence, "sentenced_on", str(int(year) + 1), sentence.start + match.start(),
                   sentence.start + match.end())
    last_year = re.match(r"\W*(?P<last>(?:Last|The\s+previous)\s+year),?", sentence.text)
    if last_year and ctx.last_person is not None and not persons(ctx, sentence):
        verdict = re.match(r"\s*(?:he|she|they|the\s+\d{1,3}-year-old)\s+was\s+(?:sentenced|convicted|found\s+guilty)\b",
                           ctx.text[sentence.start + last_year.end():sentence.end])
        if verdict:  # "Last year, the 53-year-old was sentenced"
            _relative_year(ctx, sentence, "sentenced_on", last_year, sentence.start + last_year.start("last"),
                           ctx.last_person, sentence.start + last_year.end() + verdict.end())
    for date in (d for d in sentence.dates if d.value and not ctx.taken(d) and not d.relative):
        verdict = VERDICT_AFTER.match(ctx.text, date.end, sentence.end)
        lead = re.search(r"(?:^|\b(?:[Ii]n|[Oo]n)\s+)$", ctx.text[sentence.start:date.start]) and \
            re.fullmatch(r"\W*(?:(?:[Ii]n|[Oo]n)\s+|(?:A|The)\s+(?:\w+\s+){0,2}court\s+(?:in|on)\s+)", ctx.text[sentence.start:date.start])
        if not verdict or not lead:
            continue
        person = None
        if verdict.group("subject") and any(
                m.start() > verdict.end() - sentence.start and
                not re.search(r"\b(?:the|a|an|of|his|her|their)\s+$", sentence.text[:m.start()]) and
                not re.search(r"[;]|\b(?:he|she|they|who|which|that)\b",
                              sentence.text[verdict.end() - sentence.start:m.start()])
                for m in sentence.freeing()):
            continue  # "On November 20, A was convicted and freed with a fine": the day of the freeing too
        named = "who" if verdict.group("who") else "object" if verdict.group("object") else \
            "subject" if verdict.group("subject") else None
        if named:  # the last name of the span: "sentenced Testov's colleague Maria Testova" is Maria's verdict
            person = next((p for p in reversed(persons(ctx, sentence)) if verdict.start(named) <= p.start < verdict.end(named)),
                          None)
        elif ctx.last_person is not None:
            person = ctx.last_person
        if person is not None and ctx.take(date):
            ctx.add("sentenced_on", "date", date.value, sentence.start + len(ctx.text[sentence.start:date.start]) -
                    len(ctx.text[sentence.start:date.start].lstrip()), verdict.end(), subject=ctx.note_person(person))


def _dates_after(ctx: Context, sentence: Sentence, verb: re.Pattern):
    """Each date of the sentence not yet drafted that `verb` precedes within 60 characters, with where the verb
    starts and its match in those 60 characters (checked as each is drafted, so a date is never drafted twice)."""
    for date in (d for d in sentence.dates if d.value and not ctx.taken(d)):
        before = ctx.text[max(sentence.start, date.start - 60):date.start]
        match = verb.search(before)
        if match:
            yield date, date.start - len(before) + match.start(), match


def _pronoun_subject(ctx: Context, sentence: Sentence, start: int) -> Name | None:
    """"As for A, who worked with B, she was detained in 2020": a pronoun that is the subject of the verb at `start`, in
    the middle of a sentence, stands for the sentence's first person named (its topic), not the one named nearest
    (inside the topic's description)."""
    if not re.search(r",\s+(?:he|she)\s+(?:was|had\s+been|has\s+been|were)\s+$", ctx.text[max(sentence.start, start - 30):start]):
        return None
    named = [p for p in persons(ctx, sentence) if p.end <= start and not described(ctx, sentence, p)]
    return named[0] if named else None


def _dated(ctx: Context, sentence: Sentence, prop: str, value: str, start: int, end: int, date=None,
           person: Name | None = None, **fields) -> None:
    person = person or _pronoun_subject(ctx, sentence, start) or _described_by(ctx, sentence, start) or \
        person_before(ctx, sentence, start)
    if person is None:
        return
    if date is not None:
        ctx.take(date)
    window = ctx.text[max(sentence.start, start - 25):start]
    lead = re.search(r"\b(?:who|she|he|they)\s+(?:\w+\s+){0,3}$", window, re.IGNORECASE)
    begin = start - len(window) + lead.start() if lead else start
    ctx.add(prop, "date", value, begin, end, subject=ctx.note_person(person), **fields)


# --- who was freed, and where they went -------------------------------------------------------------

ADDITION = re.compile(r"\W*(In\s+addition\s+to)\s+(?P<who>[^;:]*?)\b(?:freed|released|pardoned)\s+(?:[\w-]+\s+)?"
                      r"(?:included|include|includes)\b")
"""A sentence opening with someone set beside those the freed included ("In addition to A, ..., the freed Americans
included B and C"); not "Apart from" (set apart), nor someone still held or freed another year (`added_to_the_freed`)."""


def added_to_the_freed(ctx: Context, sentence: Sentence) -> re.Match | None:
    """The ADDITION opening of a sentence, when the one it names is not said to be still held or freed another year."""
    addition = ADDITION.match(sentence.text)
    if addition is None or re.search(r"\b(?:remain\w*|still|serving|(?:19|20)\d\d)\b", addition.group("who"), re.IGNORECASE):
        return None
    return addition


@rule("nationality")
def nationality(ctx: Context, sentence: Sentence) -> None:
    """Nationality: "A and B are among the Belarusian citizens freed", "Estonian citizen X", "US citizens A and B"."""
    for match in re.finditer(r"\b(?:(?:released|freed|pardoned)\s+(?P<adj>[A-Z][a-z]+)\s+(?:citizens|nationals)\s+(?:are|were)|"
                             r"[Tt]he\s+(?P<adj2>[A-Z][a-z]+)\s+(?:prisoners|detainees|hostages|captives)\s+"
                             r"(?:include[sd]?|are|were))\s+", sentence.text):
        # "The released Latvian citizens are A and B", "The American prisoners include A, B and C"
        adjective = match.group("adj") or match.group("adj2")
        country = country_of(ctx, adjective) if is_demonym(adjective) or match.group("adj") else None
        for person in list_members(ctx, sentence, sentence.start + match.end()) if country else []:
            if _of_another_nationality(ctx, person, country):
                continue  # "..., A, B and C, a British citizen": C's own
            ctx.add("nationality", "entity", country, sentence.start + match.start(), person.end,
                    subject=ctx.note_person(person))
    plural_freed = (r"\b(?:freed|released|pardoned)\s+(?P<noun>[A-Z][a-z]+)s\s+(?:included|include|includes|were|are)\s+",
                    r"\b[Tt]he\s+(?P<noun>[A-Z][a-z]+)s\s+(?:being\s+|who\s+(?:were|have\s+been)\s+)?(?:freed|released|pardoned)\s+"
                    r"(?:included|include|includes|were|are)\s+")
    for match in (m for pattern in plural_freed for m in re.finditer(pattern, sentence.text)):
        # "the freed Americans included A and B" (and "In addition to C, ..."), "the Americans being released were A, B"
        country = country_of(ctx, match.group("noun"))
        opening = added_to_the_freed(ctx, sentence)
        listed = list_members(ctx, sentence, sentence.start + match.end()) if country else []
        listed += list_members(ctx, sentence, sentence.start + opening.start("who"))[:1] if country and opening else []
        for person in listed:
            if _of_another_nationality(ctx, person, country):
                continue  # "Russian dissident X", "X, a Russian-American": a nationality of their own; "a permanent
                # resident": no national
            ctx.add("nationality", "entity", country, min(person.start, sentence.start + match.start()),
                    max(person.end, sentence.start + match.end()), subject=ctx.note_person(person))
    for match in re.finditer(r"\b(?:are|were|is|was)\s+among(?:st)?\s+the\s+(?P<adj>[A-Z][a-z]+)\s+(?:citizens|nationals)\b",
                             sentence.text):
        country = country_of(ctx, match.group("adj"))
        if country is None:
            continue
        for person in list_members(ctx, sentence, sentence.start):
            if person.end <= sentence.start + match.start():
                ctx.add("nationality", "entity", country, sentence.start, sentence.start + match.end(),
                        subject=ctx.note_person(person))
    for match in re.finditer(r"(?:\b(?P<adj>[A-Z][a-z]+|US|UK)|(?<!\w)(?P<abbr>U\.S\.|U\.K\.))\s+(?:citizens|nationals)\s+"
                             r"(?=[A-Z])", sentence.text):  # "the release of US citizens A and B": each of the list
        country = country_of(ctx, match.group("adj") or match.group("abbr"))
        for person in list_members(ctx, sentence, sentence.start + match.end()) if country else []:
            if person.role_start is not None and person.role_start > sentence.start + match.end():
                break  # "US citizens A and B, the Lithuanian activist C": C is described on their own
            ctx.add("nationality", "entity", country, sentence.start + match.start(), person.end,
                    subject=ctx.note_person(person))
    for match in re.finditer(r"(?<![\w’'-])(?P<pl>[A-Z][a-z]{3,}s)\s+(?=[A-Z])", sentence.text):
        if not is_demonym(match.group("pl")):
            continue  # "Canadians A and B": each of the list
        country = country_of(ctx, match.group("pl"))
        listed = list_members(ctx, sentence, sentence.start + match.end()) if country else []
        if listed and sentence.start + match.end() not in (listed[0].start, listed[0].role_start):
            continue  # "freed three Lithuanians Thursday and X, a Latvian": no list right after the plural
        for person in listed:
            if person.role_start is not None and person.role_start > sentence.start + match.end():
                break  # "Canadians A and B, the Lithuanian activist C": C is described on their own
            ctx.add("nationality", "entity", country, sentence.start + match.start(), person.end,
                    subject=ctx.note_person(person))
    for person in persons(ctx, sentence):
        base = max(sentence.start, person.start - 200)  # "Estonian citizen X": the words right before the name
        role = re.search(r"(?:\b(?:(?P<origin>[A-Z][a-z]+)-)?(?P<adj>[A-Z][a-z]+|US|UK)|(?<!\w)(?P<abbr>U\.S\.|U\.K\.))\s+"
                         r"(?:citizen|national)\s+$", ctx.text[base:person.start])
        country = country_of(ctx, role.group("adj") or role.group("abbr")) if role else None
        if country and role.group("origin") and country == ctx.country:
            country = country_of(ctx, role.group("origin"))  # "Swedish-Belarusian citizen X" freed by Belarus: Swedish
        if country:
            ctx.add("nationality", "entity", country, base + role.start(), person.end,
                    subject=ctx.note_person(person))
            continue
        # "Japan's X": a country's own, right before the name
        owner = re.search(r"\b(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)[’']s\s+$", ctx.text[base:person.begin])
        place = ctx.registry.resolve(owner.group("country")).entity_id if owner else None
        if place and ctx.registry.kind(place) == "place" and ctx.registry.get(place).place_kind == "country":
            ctx.add("nationality", "entity", place, base + owner.start(), person.end, subject=ctx.note_person(person))


def _of_another_nationality(ctx: Context, person: Name, country: str) -> bool:
    """True when the person's own role or description names another country or a residence ("Russian dissident X",
    "X, a British citizen", "X, a permanent resident"): a list's nationality is not theirs."""
    described_as = apposition(ctx.text, person.end)
    own = " ".join(filter(None, (person.role, described_as[0] if described_as else None)))
    return any(c and c != country for c in (country_of(ctx, w) for w in re.findall(r"\b[A-Z][a-z]+", own))) or \
        bool(re.search(r"\b(?:permanent|legal|lawful)\s+resident|\bresident\s+alien|\bgreen\s+card", own, re.IGNORECASE))


LEADING_ADJECTIVES = re.compile(r"(?:(?!(?:former|ex|then|one-time|onetime|pro|anti|ethnic|ethnically|of|in|for|on|at|to|"
                                r"from|with|about|by|and|or|the|a|an|covering|studying|teaching)\b)[a-z][\w-]*\s+){1,2}(?=[A-Z])")
"""Words before a nationality in a role that leave it the person's: "prominent", "well-known", "jailed" (not "former":
a former office's country is the one it served; not "ethnic", nor a preposition: "a correspondent for Polish
television", "a professor of Russian history" name the employer's or the subject's country)."""
NOT_CITIZENSHIP = re.compile(r"\s+(?:minority|community|diaspora|affairs|studies|history|literature|language|poetry|"
                             r"philosophy|embassy|company|firm|media|television|radio|newspaper|service|war|army|military|"
                             r"government|veterans?)\b", re.IGNORECASE)
"""After a demonym in a role, a word that makes it no citizenship: "Polish minority activist", "Russian studies expert",
"Lithuanian embassy employee", "Afghan veterans"."""


ROLE_OFFICE = re.compile(r"president|minister|ambassador|official|envoy|leader|chief|diplomat", re.IGNORECASE)
"""In a role, the word of an office: the one who frees, negotiates or speaks for a country, not one of its nationals."""


JOINED_BEFORE = re.compile(r"\b([A-Za-z][\w-]*)(?:\s+(?:and|or)|,)\s+$")
"""Before a role, another word joined to it ("Polish and Lithuanian activists", "journalists and Polish lawyers"):
perhaps a second nationality or role of the list."""
LIST_ENDS = re.compile(r"\s*(?:[.;!?]|$|\s(?!(?:of|from|who|whose|which|both|all|each|and)\b)[a-z]+\b)")
"""After the last name of a list, what shows nothing more of that name is said before its verb: "... and C were freed"
(not "... and C of Lithuania", "... and C (Lithuania)", "... and C, who holds Polish citizenship,"); or another name."""


def _shared_role(role: str) -> bool:
    """True for a role in the plural that is no office's ("Bulgarian nurses", "Belarusian rights activists"; not "US
    officials", "opposition leaders"): the role of each name it lists."""
    last = role.split()[-1] if role.split() else ""
    return bool(re.fullmatch(r"[a-z][\w-]*s", last)) and title_word(last[:-1]) and not ROLE_OFFICE.search(role) and \
        not re.search(r",|\band\b|\bor\b", role)  # ("Polish and Lithuanian activists A and B": which is whose?)


def _share_role(ctx: Context, sentence: Sentence, person: Name, role: str) -> None:
    """After "Bulgarian nurses A", the other names of A's list, each without a role, a description or a nationality of
    its own, take the role (in the singular) and the nationality at its head: "Bulgarian nurses A, B and C" (not "... A
    and the lawyer B", "... and C, a Palestinian doctor", nor a name past the list: "A and B, C told reporters", "A and
    B, and C welcomed them")."""
    paired = JOINED_BEFORE.search(ctx.text, max(0, person.role_start - 24), person.role_start)
    if paired and (is_demonym(paired.group(1)) or paired.group(1).endswith("s") and title_word(paired.group(1))):
        return  # "Polish and Lithuanian activists A and B", "journalists and Polish lawyers A, B and C": who is which,
        # the page does not say
    named = persons(ctx, sentence)
    at = bisect.bisect_right(named, person.start, key=lambda n: n.start)  # the first name after the person's
    members, joins = [person], []
    for other in named[at:]:
        gap = ctx.text[members[-1].end:other.begin]
        # after the "and" that closes the list, or a comma before the "and" of two names, a clause of its own begins
        if not LIST_JOIN.fullmatch(gap) or any("and" in join for join in joins) or speaks(ctx, sentence, other) or \
                re.fullmatch(r"\s*,\s*and\s+", gap) and (not joins or "," not in joins[-1]):
            break
        members.append(other)
        joins.append(gap)
    after = re.match(r"\s*,\s+(?:and\s+)?|\s+and\s+", ctx.text[members[-1].end:sentence.end])
    following = named[at + len(members) - 1] if at + len(members) - 1 < len(named) else None  # the name after the list
    next_name = after is not None and following is not None and following.begin == members[-1].end + after.end()
    if len(members) > 1 and not LIST_ENDS.match(ctx.text, members[-1].end, sentence.end) and not next_name:
        members.pop()  # "... and C of Lithuania", "... and C (Lithuania)": C's own (not "... and C, D told reporters",
        # "... and C and the doctor D")
    for member in members[1:]:
        if member.role_start is not None or apposition(ctx.text, member.end) or is_demonym(member.text.split()[0]):
            continue  # "A and the lawyer B", "..., and C, a Palestinian doctor", "and Palestinian C": their own
        own = _nationality_of_role(ctx, member, role, person.role_start, member.end)
        if own:
            proper = any(w[:1].isupper() for w in own.split()[1:]) or "." in own
            ctx.add("role", "text", own if proper else own.lower(), person.role_start, member.end,
                    subject=ctx.note_person(member))


def _nationality_of_role(ctx: Context, person: Name, role: str, start: int, end: int, listed: bool = False) -> str:
    """A nationality at the head of a role ("Belarusian rights defender", "an Estonian reporter") drafted as the
    person's nationality, and the role without it; not an office's ("Belarusian President X": the country he
    serves), unless the office is a former one: "former British envoy X", freed, served Britain as a Briton (the role
    kept as written). A former service of another kind says less ("former US Marine X"). In a list's item (`listed`:
    "- X, German"), a nationality's word that is as often a given name is the nationality."""
    office = ROLE_OFFICE.search(role)
    former = re.match(r"(?i:former)\s+(?=[A-Z])", role)
    if office and former and len(role.split()) > 2 and \
            re.fullmatch(r"former\s+\S+\s+(?:ambassador|envoy|diplomat|consul|minister|president|prime\s+minister)\b.*", role, re.I):
        country = country_of(ctx, role.split()[1])
        if country:
            ctx.add("nationality", "entity", country, start, end, subject=ctx.note_person(person))
        return role
    if re.search(r"\bethnic(?:ally)?\s+$", ctx.text[max(0, start - 12):start], re.IGNORECASE):
        return role  # "the ethnic Polish activist X": an origin, not a citizenship
    last = role.split()[-1] if role.split() else ""
    if len(role.split()) > 1 and re.fullmatch(r"[A-Z][a-z]+", role.split()[-2]) and not is_demonym(role.split()[-2]) and \
            re.fullmatch(r"[A-Z][a-z]+", last) and is_demonym(last):
        # "X, a South Sudanese", "a Papua New Guinean": a nationality of more than one word, not its last's (and no role
        # when it is all the description says)
        return "" if all(re.fullmatch(r"[A-Z][a-z]+", w) for w in role.split()) else role
    if not office and len(role.split()) > 1 and re.fullmatch(r"[A-Z][a-z]+", last) and is_demonym(last) and \
            not re.search(r"\b(?:ethnic\w*|born|descent|origin|former|ex-|of|for|to|with|by|from|about|against|on|in|at|"
                          r"and|or)\b", role, re.IGNORECASE):  # (not "a friend of an American", "a translator of
        # Ukrainian", "married to a Ukrainian": someone else's, or a language)
        country = country_of(ctx, last)  # "X, a 52-year-old naturalised American": the noun the description ends on
        if country:
            ctx.add("nationality", "entity", country, start, end, subject=ctx.note_person(person))
        return role
    lead = LEADING_ADJECTIVES.match(role)
    if lead and not office:  # "prominent Kazakh activist X", "X, a well-known Uzbek defence lawyer"
        word = role[lead.end():].split()[0]
        country = country_of(ctx, word) if (is_demonym(word) or word in ("US", "U.S.", "UK")) and \
            not NOT_CITIZENSHIP.match(role, lead.end() + len(word)) else None
        if country and len(role[lead.end():].split()) > 1:
            ctx.add("nationality", "entity", country, start, end, subject=ctx.note_person(person))
            return (role[:lead.end()] + role[lead.end() + len(word):].strip()).strip()
        return role
    first = role.split()[0] if role.split() else ""
    if not first[:1].isupper() or office or len(role.split()) < 2 and not is_demonym(first, given_names=listed) or \
            NOT_CITIZENSHIP.match(role, len(first)):
        return role  # one word only when it is a nationality's: "Canadian X", "Briton X"; not "Lithuanian embassy employee"
    country = country_of(ctx, first)
    if not country:
        return role
    ctx.add("nationality", "entity", country, start, end, subject=ctx.note_person(person))
    return role[len(first):].strip()


LISTED_DESCRIPTION = re.compile(r",\s+(?P<role>(?:U\.S\.|[A-Z][a-z]+)(?:\s+[a-z][\w-]*){0,3}|(?:[a-z][\w-]*\s+){0,3}"
                                r"[a-z][\w-]*)[ \t]*[;.,]?[ \t]*(?:\n|$)")
"""What an item of a bulleted list says of the person it opens with, to the end of its line, with no article: "- X,
Lithuanian farmer", "- Y, Latvian", "• Z, U.S. journalist;"."""


def _listed_description(ctx: Context, sentence: Sentence, person: Name) -> None:
    """The nationality and the role an item of a bulleted list gives the person it opens with ("- X, Polish priest")."""
    line = list_item(ctx, sentence)
    bullet = BULLET.match(ctx.text, line) if line is not None else None
    begin = person.begin
    described = LISTED_DESCRIPTION.match(ctx.text, person.end) if bullet and bullet.end() == begin else None
    if described is None:
        return
    words = described.group("role")
    full = len(ctx.text[person.start:person.end].split()) >= 2  # "- Drozdan, German" may be a surname, then a given name
    if len(words.split()) == 1 and words[:1].isupper() and not is_demonym(words, given_names=full):
        return  # "- X, Minsk": no description
    role = _nationality_of_role(ctx, person, words.replace("U.S.", "American", 1) if words.startswith("U.S.") else words,
                                person.start, described.end("role"), listed=full)
    if role and (title_word(role.split()[-1]) or role.split()[-1] in SURNAME_LIKE_TITLES) and role[:1].islower():
        ctx.add("role", "text", role, person.start, described.end("role"), subject=ctx.note_person(person))


ITEM_ROLE = re.compile(r",\s+(?P<role>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)(?=\s*;|\.?\s*$)")
"""A role with no article after a name, closing an item of a list that semicolons divide ("A, finance minister; B")."""


NAMED_AS_ROLE = re.compile(r"\b(?:named|identified)\s+the\s+(?:freed|released|pardoned)\s+(?P<noun>[a-z]+)(?:\s+among\s+them)?\s+as\s+",
                           re.IGNORECASE)
"""The noun a freed person is named as ("named the freed journalist among them as X": a journalist)."""


@rule("role")
def roles(ctx: Context, sentence: Sentence) -> None:
    """What a person is, as written before the name ("Journalist X") or after it ("X, the sister of Y,");
    a nationality at the head of the role ("Belarusian rights defender X") is drafted as nationality."""
    for person in persons(ctx, sentence):
        role = re.sub(r"(?:^|\s+)(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?$", "", person.role or "", flags=re.IGNORECASE)
        if role and person.role_start is not None:  # an honorific before the name is no role ("Mr. X", "spokesman Dr. X")
            shared = _shared_role(role)  # "Bulgarian nurses A, B and C": each is a Bulgarian nurse
            if shared or re.search(r"(?:figures|leaders|activists|journalists|lawyers|members)$", role, re.IGNORECASE):
                role = role[:-1]
            written = role
            role = _nationality_of_role(ctx, person, role, person.role_start, person.end)
            proper = any(w[:1].isupper() for w in role.split()[1:]) or "." in role
            if role:  # "Canadian X": a nationality and no role
                ctx.add("role", "text", role if proper else role.lower(), person.role_start, person.end,
                        subject=ctx.note_person(person))
            if shared:
                _share_role(ctx, sentence, person, written)
        described_as = apposition(ctx.text, person.end)
        if described_as and (SPEECH.match(ctx.text, described_as[2]) or ATTRIBUTED.search(described_as[0])):
            continue  # "brokered by X, a spokesperson for the ministry said", "X, a judicial document showed": who says it
        if described_as and any(described_as[1] <= other.start < described_as[2] and
                                role_words(ctx.text[described_as[1]:other.role_start or other.start])
                                for other in persons(ctx, sentence)):
            continue  # "the journalist A, the blogger B and ...": the next name of a list with its role, not A's description
        if described_as and not re.match(r"(?:who|which|(?:all|both|each|none|some|most|many|one|several)\s+of\s+"
                                         r"(?:whom|which))\b", described_as[0]):
            # "Vask, an Estonian reporter": her nationality, and her role
            role = _nationality_of_role(ctx, person, re.sub(r"^(?:the|a|an)\s+", "", described_as[0]), person.start,
                                        described_as[2])
            if role and not re.fullmatch(r"(?:citizen|national|resident)s?", role):  # "X, an Estonian citizen", "X, an
                # American": a nationality and no role
                ctx.add("role", "text", role, person.start, described_as[2], subject=ctx.note_person(person))
        bare = ITEM_ROLE.match(ctx.text, person.end, sentence.end) if described_as is None and ";" in sentence.text else None
        if bare and title_word(bare.group("role").split()[-1]) and bare.group("role").split()[0] not in CLAUSE_WORDS:
            # "Those released were A, finance minister; B, trade minister; and C": each item's name, then its role
            ctx.add("role", "text", bare.group("role"), person.start, person.end + bare.end("role"),
                    subject=ctx.note_person(person))
        elif described_as is None:
            _listed_description(ctx, sentence, person)
        named = NAMED_AS_ROLE.search(ctx.text, max(sentence.start, person.start - 80), person.start)
        if named and named.end() == person.start and person.role_start is None and title_word(named.group("noun")):
            # "named the freed journalist among them as X": X's role
            ctx.add("role", "text", named.group("noun"), named.start(), person.end,
                    subject=ctx.note_person(person))
