"""Who was freed, and where they went: the constructions that say so, and the people they never free.

Who was freed is read only from the constructions that say so: a list after "including" or "Those freed
include", "X was (also) freed", "X was among those freed", "Also freed were X and Y", "X's release", a bare
list of names after a sentence about freeing, "X, Y, Z released by ...", "secured the release of X", "X was
released along with Y", "Others included X", the names after a colon that ends a freeing ("freed two journalists:
X and Y"), each item of a list that a line about the freed (or about those the line before freed or moved:
"Among them are:") introduces, a sentence that opens a section labelled as about the freed. A person who
speaks in the sentence, is named only inside another person's description, holds power or office ("President
X", "envoy X", "X, who has ruled since 1994"), or begins a clause of their own after a list, is never
drafted as freed.
"""

from __future__ import annotations

import bisect
import re

from ...values import parse_date
from .bystanders import STILL_HELD, freed_before, heads_a_state, office_holder, still_held, subject_of_a_freeing, surname
from .context import (ADJECTIVES, BEFORE_FREED, BRIEFLY, EXCHANGE_WORD, FREE, FREEDOM_WON, FREEING, GRANTED_PARDON,
                      NOT_WALKED_FREE, PEOPLE, TO_BE_DONE, WALKED_OUT, WISH, Context, Sentence, asked_whether,
                      pardon_withheld, rule)
from .names import TITLE_WORDS, Name, title_word
from .people import (BULLET, HOW_MANY, IN_CUSTODY, MOVED, NOW_IN, OFFICE_WORDS, PRONOUN, SHELTERED, added_to_the_freed,
                     after_apposition, counted_group, described, list_item, list_members, listed_up_to, persons, speaks)
from .places import border_of, new_place, place_after
from .subjects import (ABOUT_SOMEONE, ACTOR, BEFORE_THE_NEWS, clause_release, country_named, describes_someone,
                       not_this_pages, other_side)

INCLUDING = re.compile(r"\b(?:including|includ(?:e|es|ed)|among(?:st)?\s+them|among(?:st)?\s+whom|such\s+as|as\s+well\s+as)\s+",
                       re.IGNORECASE)
FRONTED = re.compile(rf"\b(?:(?:also\s+)?(?:freed|released|pardoned|set\s+free)"
                     # "Also set free under the pardon was X", "Freed in the same amnesty were A and B"
                     r"(?:\s+(?:under|in|by|with|after)\s+(?:the|this|that|a|an|its|his|her|their)\s+(?:[a-z][\w-]*\s+)?"
                     r"[a-z][\w-]*)?\s+(?:were|was|are|is)|"
                     # "Also freed after four years in a labour camp was X": what it came after, when the freeing
                     # opens the sentence (not "The first to confirm they had been released after months of talks was X")
                     r"(?:\A\W*(?:(?:and|but|notably|meanwhile|separately)\b,?\s+)?|\balso\s+)"
                     r"(?:freed|released|pardoned|set\s+free)\s+(?:after|following)\s+"
                     r"(?:[a-z][\w-]*\s+){1,6}?[a-z][\w-]*\s+(?:were|was|are|is)|"
                     # "Included in the release was X", "Also included among those pardoned were A and B"
                     r"\bincluded\s+(?:in|among)\s+(?:the|this|that|those|its|[A-Z][a-z]+day[’']s|(?:this|last)\s+"
                     r"week[’']s)\s+(?:(?!(?:denied|awaiting|planned|expected|proposed|next|future|upcoming|refused|"
                     r"not|hoped|rumou?red|mooted|possible|potential|likely)\b)[a-z][\w-]*\s+)?"
                     r"(?:releases?|pardons?|amnesty|freed|released|pardoned)\s+"
                     r"(?:were|was|are|is)|"
                     # "One of the detainees pardoned by Minsk was X"
                     r"one\s+of\s+(?:the|those)\s+(?:\w+\s+)?(?:freed|released|pardoned)\s+by\s+(?:the\s+)?[\w.’'-]+"
                     r"(?:\s+[\w.’'-]+)?\s+(?:is|was)|"
                     r"(?:those|people|prisoners|the\s+people)\s+(?:freed|released|pardoned|set\s+free)\s+"
                     # "Those released on Friday were", "Those freed under the amnesty include"
                     r"(?:(?:on|in|under|during|this|last|late|early)\s+(?:[\w’'-]+,?\s+){1,3}?)?"
                     r"(?:include[sd]?|were|are)|"
                     r"among(?:st)?\s+(?:those|these|the)\s[^.;:]{0,70}?\s(?:were|are|was|is)|"
                     r"among(?:st)?\s+them\s+(?:were|are)|"
                     r"among(?:st)?\s+[^.;:]{0,60}?:|"
                     # "One of the released, activist A, ...", "The second released individual is A", "The released
                     # Latvian citizens are A and B": a phrase about the freed, then who they are
                     rf"one\s+of\s+(?:the|those)\s+(?:\d[\d,]*\s+)?(?:(?:freed|released|pardoned)(?:\s+{PEOPLE})?|"
                     rf"{PEOPLE}\s+(?:freed|released|pardoned))\s*,|"  # "One of the released prisoners, X, refused to leave"
                     # "named one of those pardoned as one of its cameramen, A", "named one of the released as A",
                     # "identified two of the freed prisoners as its correspondents A and B", "named the freed
                     # journalist among them as A"
                     rf"(?:one|two|three|four|some|several|another)\s+of\s+(?:the|those)\s+(?:\d[\d,]*\s+)?"
                     rf"(?:(?:freed|released|pardoned)(?:\s+{PEOPLE})?|{PEOPLE}\s+(?:freed|released|pardoned))\s+as"
                     r"(?:\s+one\s+of\s+(?:its|their|his|her|the)\s+[a-z]+(?:\s+[a-z]+)?,|\s+(?:its|their|his|her))?|"
                     r"named\s+the\s+(?:freed|released|pardoned)\s+[a-z]+(?:\s+among\s+them)?\s+as|"
                     # "The broadcaster identified the photographer as A", after "... one of whom is a photographer"
                     r"(?:named|identified)\s+(?:the|this)\s+(?P<anaphor>[a-z]+)\s+as|"
                     r"the\s+(?:\w+\s+)?(?:freed|released|pardoned)\s+(?:[A-Z][a-z]+\s+)?(?:individuals?|persons?|prisoners?|"
                     r"man|woman|men|women|detainees?|citizens?|nationals?|people)\s+(?:is|was|are|were))\s+", re.IGNORECASE)
AMONG_THESE = re.compile(rf"among(?:st)?\s+(?:these|those)\s+(?:\d[\d,]*\s+)?(?:[a-z]+\s+)?"
                         rf"(?P<noun>{PEOPLE}|men|women)\s+(?:were|are|was|is)\s+$", re.IGNORECASE)
"""A list's lead that points back to people the sentence before counted: "Among these prisoners are"."""


def _these_freed(ctx: Context, phrase: str) -> bool:
    """"Minsk pardoned 51 prisoners on Friday. Among these prisoners are A, B and C": the lead's noun is, in the sentence
    before, only the object of its one freeing that has it ("freed 14 women", "freed a group of political prisoners") or
    of those it says were freed ("freed 14 prisoners, including five journalists. Among these journalists"); not a noun
    another verb governs too ("freed 14 prisoners and sentenced 30 protesters. Among these protesters", "while a court
    jailed 30 more prisoners. Among these prisoners"), nor those it says remain held, nor one two freeings share."""
    lead = AMONG_THESE.match(phrase)
    before = ctx.previous_sentence
    if lead is None or not ctx.previous_freeing or STILL_HELD.search(before):
        return False
    noun = re.escape(lead.group("noun").lower())
    freed = len([m for m in re.finditer(rf"{THESE_FREED_BEFORE}(?:[\w-]+\s+){{0,2}}?{noun}\b", before, re.IGNORECASE)
                 if not UNDONE_FREEING.search(before, max(0, m.start() - 40), m.start())]) + \
        len(re.findall(rf"\b{noun}\s+(?:\w+\s+){{0,3}}?(?:were|have\s+been|had\s+been)\s+(?:\w+ly\s+)?"
                       rf"(?:freed|released|pardoned)\b", before, re.IGNORECASE))
    if freed == 1 == len(re.findall(rf"\b{noun}\b", before, re.IGNORECASE)):
        return True
    return bool(GENERIC_PEOPLE.fullmatch(lead.group("noun"))) and _one_group_freed(ctx, before)


def _one_group_freed(ctx: Context, before: str) -> bool:
    """"Among these people are": whoever the sentence before frees, when it frees one group and speaks of no other
    people, no one by name and no other count (not "freed 14 prisoners after lobbying by lawmakers", "after a visit by
    American diplomats", "and arrested 300", "granted no pardons to 51", "weeks after granting amnesty to 37")."""
    freed = list(re.finditer(rf"{THESE_FREED_BEFORE}(?:[a-z-]+\s+)?{PEOPLE}(?:\s+and\s+(?:[a-z-]+\s+)?{PEOPLE})?",
                             before, re.IGNORECASE))
    if len(freed) != 1 or UNDONE_FREEING.search(before, max(0, freed[0].start() - 40), freed[0].start()) or \
            _another_year(ctx, before[freed[0].end():freed[0].end() + 30]):
        return False
    rest = SOURCES.sub(" ", before[:freed[0].start()] + " " + before[freed[0].end():])
    # another count in digits, of the page's figures (which leave out dates and times): "and arrested 300"
    start, (own_start, own_end) = ctx.previous_start, (ctx.previous_start + freed[0].start(), ctx.previous_start +
                                                       freed[0].end())
    figures = ctx.figures[bisect.bisect_left(ctx.figures, start, key=lambda f: f.start):
                          bisect.bisect_left(ctx.figures, start + len(before), key=lambda f: f.start)]
    counts = [f for f in figures if not own_start <= f.start < own_end and re.search(r"\d", f.text)]
    return not re.search(rf"\b{PEOPLE}\b|{OTHER_PEOPLE}", rest, re.IGNORECASE) and not counts and \
        not re.search(r"(?<!\bthe)\s(?-i:[A-Z][a-z]+)\s+(?-i:[A-Z][a-z]+)", rest)


def _another_year(ctx: Context, text: str) -> bool:
    """True when the words right after a freeing say it was "in" a year other than the page's own ("pardoned 51
    prisoners in 2020"; not "jailed after the 2020 protests")."""
    years = {int(y) for y in re.findall(r"^\s+(?:on\s+\w+\s+)?[Ii]n\s+((?:19|20)\d\d)\b", text)}
    return bool(years) and ctx.anchor is not None and years != {ctx.anchor.start.year}


SOURCES = re.compile(r"(?:,\s*)?(?:\b(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s+)?\b(?:said|says|reported|told\s+\w+)\b",
                     re.IGNORECASE)
"""Who told of a freeing ("..., officials said", "the Viasna Centre said"): its source, no other group of people."""
OTHER_PEOPLE = (r"\b(?:officials|diplomats|envoys|delegates|delegations?|relatives|guards|negotiators|"
                r"representatives|mediators|ministers|observers)\b")
"""People a sentence may speak of beside the freed, whom "these people" may be."""
UNDONE_FREEING = re.compile(r"\b(?:not|never|no|hop\w*|wants?|wish\w*|plan\w*|after|before|since|following)\s+"
                            r"(?:\w+\s+){0,2}$", re.IGNORECASE)
"""Right before a freeing, words that make it not done or another time's: "hopes granting amnesty", "weeks after
granting"."""


GENERIC_PEOPLE = re.compile(r"people|persons|individuals", re.IGNORECASE)
"""A lead's noun that names no kind of people: it points back to any the sentence before freed."""
THESE_FREED_BEFORE = (r"\b(?:(?:freed|released|pardoned|freeing|releasing|pardoning|frees|releases|pardons|"
                      r"(?:granted|grants|granting)\s+(?:(?!no\b)\w+\s+)?(?:pardons?|amnesty)\s+to)\s+"
                      r"(?:(?:a\s+group\s+of|the|some|about|nearly|more\s+than|over|another)\s+)?|including\s+)"
                      r"(?:\d[\d,]*\s+|[a-z]+(?:-[a-z]+)?\s+)?")
"""Before the noun of people a sentence frees, its freeing and count ("freed 14", "released a group of") or the
"including" of some of them ("including five")."""


INCLUDED_BY = re.compile(r"\W*(?:the|this|that|those|these|its|his|her|their)\s+(?:[\w-]+\s+)?(?:pardons?|amnest(?:y|ies)|"
                         r"releases?|freed|released|pardoned)\s+(?:also\s+)?", re.IGNORECASE)
"""All that comes before "included": a pardon or a release, or its freed ("The pardon included X", "Those freed included
X"), whose list names the freed whatever office they held (not "Those who negotiated the release included X")."""
FREED_BEFORE = re.compile(rf"\b(?:{FREE}|releas\w*|pardon\w*|transferred|handed\s+over|those)\b", re.IGNORECASE)
# The group a list of "including" names when it is those who came with the freed, not the freed: "accompanied by US
# officials, including A", "met by a delegation of lawmakers, including A", "greeted by relatives, among them A"
ATTENDING_GROUP = re.compile(r"\b(?:officials|diplomats|envoys|representatives|lawmakers|legislators|senators|congressmen|"
                             r"members\s+of\s+(?:the\s+)?Congress|negotiators|mediators|ambassadors|aides|staffers|"
                             r"relatives|family|supporters|well-wishers|delegation)\s*,?\s*$", re.IGNORECASE)
# ... the group after a word of coming with or receiving, itself after the sentence's last word of freeing (not "freed
# three former officials, including A", "released with two officials, including A", nor "Among the 14 freed by Belarus were
# several former officials, including A": the "by" of the freeing)
ATTENDING_REACH = 200
"""How far before "including" the words of coming with and their group are looked for."""
ATTENDED = re.compile(r"\b(?:accompanied|escorted|met|greeted|joined|flanked|welcomed|received|carrying|"
                      r"handed\s+over\s+to)\b", re.IGNORECASE)
# "The group included ...", "They include ...", "Among them are ..., including" right after a sentence about freeing, perhaps
# as someone said it ("Her lawyer said that among them were several figures such as A")
GROUP_SUBJECT = re.compile(r"\W*(?:[^.;:“”\"]{0,80}?\b(?:said|say|says|reported|added|noted|confirmed)\s+(?:that\s+)?)?"
                           # ("The American prisoners include A": a nationality before the noun)
                           r"(?:(?:The|This|That)\s+(?:(?-i:[A-Z])[a-z]+\s+(?=prisoners|detainees))?"
                           r"(?:group|list|prisoners|detainees|people|released|freed|pardoned)|"
                           r"Among\s+them\s+(?:are|were)|They|These|Those|Others)\b", re.IGNORECASE)
# "A, who was detained in 2021 and convicted of organising a protest was released": a "who" clause no comma closes,
# the freeing after it
WHO_UNCLOSED = re.compile(r",\s+who\s+(?P<clause>(?:[^,;:“”\"()]|“[^“”,;:]{1,40}”|\"[^\",;:]{1,40}\"){5,160}?)"
                          r"(?=\s+(?:was|were)\s+(?:also\s+|later\s+|then\s+)?"
                          r"(?:freed|released|pardoned|set\s+free)\b)")
STILL_WAITING = re.compile(r"\b(?:left\s+out|not|never|awaiting|await|hoping|hope|still|remain\w*|excluded|denied|"
                           r"waiting|wait)\b", re.IGNORECASE)
"""Words that make "among those ..." the ones not freed ("Among those still hoping for release is X")."""
RELATION_OF = re.compile(r"\b(?:wife|husband|spouse|son|daughter|mother|father|brother|sister|nephew|niece|cousin|"
                         r"lawyer|attorney|supporters?|relatives?|family|members?|friends?|aides?|colleagues?|followers?|"
                         r"allies|children|parents)\s+of\s+(?:[\w’'.-]+\s+){0,3}$", re.IGNORECASE)
"""A name that is the object of a relation ("the wife of A", "supporters of A"): the one freed is the relation."""
NTH_FREED = (r"(?:the|a)\s+(?P<nth>first|second|third|fourth|fifth|sixth|last|final|other)\s+"
             r"(?:(?!(?:not|never|yet|still)\b)[\w-]+\s+){0,2}?(?:to\s+be\s+)?(?:freed|released|pardoned|set\s+free)\b")
"""A person's place among the freed: "X was the fourth prisoner to be freed", "Y was the other detainee released"."""
# "Minister E of the deposed civilian government were also released": what the last of a list served, before its verb
OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+(?=\s+(?:was|were|is|are|has|have|had)\b)")
# "X was freed", "X and Y were among those released", "X and Y were among 31 of the freed taken to Kyiv" (a count
# of the freed that names some of its members)
FREED_AFTER = re.compile(r"\s*(?:(?:also\s+|later\s+|then\s+|finally\s+)?(?:walked\s+(?:out\s+of\s+prison\s+)?free|"  # "X walked free"
                         # "X also gained her freedom"
                         rf"{WALKED_OUT}|{FREEDOM_WON})\b|"  # "X walked out of the Hrodna jail"
                         # "X has also been freed": a word of time or manner may stand before "been" as after it
                         r"(?:was|were|is|are|(?:has|have|had)\s+(?:(?:also|now|finally|reportedly)\s+)?been)\s+"
                         r"(?:also\s+|now\s+|later\s+|then\s+|(?:quickly|finally|"
                         r"eventually|subsequently|formally|officially|ultimately|swiftly|immediately|unexpectedly|"
                         r"suddenly|safely|quietly|reportedly|secretly|abruptly|unconditionally|early)\s+)?"
                         r"(?:ordered\s+(?:to\s+be\s+)?)?"  # "were ordered (to be) freed at once": a court's order done
                         # "were granted a full remission of their sentences", "have been granted a royal pardon"
                         rf"(?:{GRANTED_PARDON}|freed|released|pardoned|set\s+free|"
                         # "X was a free man again by Sunday" (not "a free man in the eyes of God", "for three months
                         # before his arrest", "who can speak his mind", "..., but not for long")
                         r"an?\s+free\s+(?:man|woman)(?=\s+(?:on\s+(?:[A-Z][a-z]+day|\d)|by|again|after|today|"
                         r"yesterday|now|at\s+last|once\s+again)\b|\s*[.;]|"
                         r"\s*,\s+(?!(?:but|as|at|only|until|before|while|though|although|if|unless)\b))|"
                         rf"free\b(?!\s+(?:until|before|when)\b)|{NTH_FREED}|"
                         r"(?:among(?:st)?|one\s+of)\s+"
                         r"(?:(?:a\s+total\s+of|some|more\s+than|over|nearly|about)\s+)?(?:[\w,]+\s+of\s+)?"
                         r"(?:(?:those|the)\s+(?:\d[\d,]*\s+)?|\d[\d,]*\s+|"  # "among a total of 3,120 prisoners released"
                         # "one of six"
                         r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|dozens)\s+)"
                         r"(?:(?:group|batch)\s+of\s+)?(?:political\s+)?"  # "among the batch of political detainees who"
                         rf"{BEFORE_FREED}(?:being\s+)?(?:freed|released|pardoned|let\s+go)|among(?:st)?\s+them\b|"
                         # "among the detainees who regained their liberty" (not "among the prisoners whose families
                         # regained ...", "who have not regained", "who hope to regain")
                         r"(?:among(?:st)?|one\s+of)\s+(?:the|those)\s+(?:[\w-]+\s+)?who\s+"
                         rf"(?:(?:have|had)\s+)?(?:also\s+)?{FREEDOM_WON}|"
                         # "among a number of detainees freed", "among a small group of prisoners freed": the people
                         # right before their freeing, perhaps "who were" between (not "a group of diplomats who greeted
                         # freed prisoners", nor "... released on bail")
                         r"(?:among(?:st)?|one\s+of)\s+an?\s+(?:(?:small|large|new|second|first|further)\s+)?"
                         rf"(?:number|group|handful|batch)\s+of\s+(?:[\w-]+\s+)?{PEOPLE}\s+"
                         r"(?:who\s+(?:were|had\s+been|have\s+been)\s+)?(?:freed|released|pardoned|set\s+free)\b"
                         rf"(?!{BRIEFLY})))", re.IGNORECASE)
WHO_FREED = re.compile(r",\s+(?:(?:a|an|the)\s+(?P<description>[^,;:“”\"()]{1,60}?)\s+)?who\s+(?:(?:was|were|has\s+been)\s+"
                       r"(?:also\s+)?(?P<verb>freed|released|pardoned|set\s+free)|(?:later\s+)?(?P<walked>walked\s+free))\b")
"""A freeing told in a clause about the person: "X, a blogger who walked free on Wednesday, told reporters", "X, who was
released on Friday, thanked ..." (not "had been released": an earlier freeing)."""
OTHER_ROUND = re.compile(r"\b(?:previous|earlier|last|next|new|prior|first|upcoming|future|coming)\b", re.IGNORECASE)
"""In the phrase of an inverted freeing, words that make it another release's ("released in the previous swap were")."""
INNER_NOUN = re.compile(r"\b(?:of|for|to|with|and|from|by|at|in|on)\b")
"""In the description before "who", a word that puts another noun last, whom "who" may be about ("the lawyer for the
activist who was released")."""
NOT_A_RELEASE = re.compile(r"\b(?:acquit\w*|not\s+guilty|cleared\s+of|on\s+bail|bail\b)", re.IGNORECASE)
"""After walking free, words that say it was no release from prison: a court's acquittal, bail."""
EARLIER_WORDS = re.compile(r"\b(?:previous(?:ly)?|earlier(?!\s+(?:today|this\s+week|in\s+the\s+day|on\b|"
                           r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))|"
                           r"last\s+(?:year|month|week|decade|spring|summer|autumn|fall|winter)|"
                           r"(?:years?|months?|weeks?|decades?|a\s+decade|long)\s+(?:ago|before|earlier)|"
                           r"(?:the\s+)?first\s+time|"
                           r"once(?!\s+(?:the|a|an|it|they|he|she|his|her|their|its|all|both|talks|officials)\b)|"
                           r"before(?!\s+(?:dawn|daybreak|sunrise|noon|midday|midnight|sunset|nightfall|\w+ing)\b))", re.IGNORECASE)
"""In a clause about a person after its freeing, words that date the freeing to another time than the page's release
("X, who was released years ago", "once before", "the first time", "before the war", "before his trial"); not the
hour of this one ("before dawn", "before being driven to Vilnius") nor "once" as a conjunction ("once the deal was
signed")."""

HEADLINE_FREED = re.compile(r"\s*(?:(?i:freed|released|pardoned|set\s+free|walks\s+free)"
                            r"(?=\s*$|\s*[,:;–—-]|\s+(?i:after|from|by|in|on|as|amid|following|with|over)\b)|"
                            r"(?i:among\s+(?:the\s+)?(?:freed|released|pardoned)\s+(?:[\w-]+\s+)?(?:prisoners|detainees|activists))\b)")
"""A headline's freeing with no verb before it: "Journalist X freed after two years in jail", "Lawyer X among freed
political prisoners"."""
HEADLINE_BAIL = re.compile(r"\b(?i:on\s+bail|without\s+charges?|pending\s+trial|after\s+(?:\w+\s+)?questioning|"
                           r"from\s+police\s+custody|on\s+parole\s+pending)\b")
"""After a headline's freeing, words of a bail or a short detention ("A Released On Bail Pending Trial"); not "Freed From
Custody", which a headline writes of the freed."""
HEADLINE_OBJECT = re.compile(r"\b(?i:by|of|about|on|from|for|with|to|against)\s+$")
"""In a headline, a word before a name that makes it the object of something else, whose release it reports: "New Book By
A Released", "Photos Of A Released"."""
SHORT_DETENTION = re.compile(r"\b(?:without\s+charges?|on\s+bail|after\s+questioning|hours\s+later|the\s+same\s+day|"
                             r"from\s+(?:police\s+)?custody|on\s+parole\s+pending)\b", re.IGNORECASE)
"""After "was released", words of a short detention or a bail, not a prisoner's freeing."""
NOT_PRISON = re.compile(r"\s+from\s+(?:the\s+|a\s+)?(?:hospital|clinic|quarantine|intensive\s+care)\b", re.IGNORECASE)
"""A release from somewhere that is no prison, right after the verb ("was released from hospital")."""
ORDER_PENDING = re.compile(r"\b(?:within|pending|once|unless|if|conditionally|appeal\w*|overturn\w*|blocked|suspended|"
                           r"yet\s+to|has\s+not|have\s+not|had\s+not|not\s+yet)\b", re.IGNORECASE)
"""Words after a court's order to free someone that leave it undone: a delay, a condition or an appeal."""

# "secured the release of X", "announced the pardon of X", "the amnesty also brought the releases of X", "welcomes this
# afternoon's release of X": a freeing done, not one asked for ("demanded the release of X", "talks on the release of
# X"), nor a hope or a plan the words between name ("welcomed the prospect of the release of X", "the planned release")
NOT_YET_DONE = r"talks|negotiations?|prospects?|hopes?|calls?|demands?|plans?|planned|efforts?|bids?|push|campaign|" \
    r"expected|possible|potential|proposed|promised?|promises|pledged?|offer(?:ed|s)?|scheduled|eventual|upcoming|" \
    r"imminent|future|conditions?|decision\s+on|tomorrow[’']s|next|coming|any|move|moves|steps?|towards?"
"""Words between a verb of a freeing done and its noun that leave it undone: a hope, a plan, a promise, talks, a time to
come ("welcomed the prospect of the release of A", "welcomes tomorrow's release of A", "any move towards the release")."""
UNDONE_BEFORE = re.compile(r"\b(?:would|will|could|may|might|should|must|to|not|never)\s+(?:\w+\s+)?$", re.IGNORECASE)
"""Before the verb of a freeing done, a modal or an infinitive that leaves it undone: "would welcome the release of A",
"urged Minsk to announce the release of A", "is expected to announce"."""
DONE_NOUN = re.compile(r"\b(?:secure[sd]?|announce[sd]?|welcome[sd]?|welcoming|hail(?:s|ed|ing)?|celebrat(?:es|ed|ing)|"
                       r"confirm(?:s|ed)?|ordered|approve[sd]|granted|saw|led\s+to|resulted\s+in|after|following|with)\s+"
                       rf"(?:(?!(?:{NOT_YET_DONE})\b)[\w’'-]+\s+){{0,3}}?(?:the\s+|his\s+|her\s+|their\s+)?"
                       rf"(?:(?!(?:{NOT_YET_DONE})\b)[\w’'-]+\s+)?$", re.IGNORECASE)
EARLIER_NOUN = re.compile(rf"\b{BEFORE_THE_NEWS}\s+$", re.IGNORECASE)
"""Right before a freeing's noun, a word that makes it one done before the news, or the news itself ("citing the recent
release of A", "the earlier pardon of A"): `_earlier_freeing` says which release."""

DONE_PREDICATE = re.compile(r",?\s+[“\"]?(?:(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:step|victory|relief|breakthrough|milestone|"
                            r"reminder|sign|signal|gesture)\b|(?:came|comes|follows|followed|marks|marked)\b|"
                            r"(?:was|has\s+(?:(?:also|now|since|officially|just)\s+)?been|"
                            r"was\s+(?:also|now|officially))\s+"
                            r"(?:confirmed|announced|welcomed|hailed|celebrated|secured)\b)")
"""What a sentence that opens with a release says of it, when it is done: "The release of A is a step toward freedom",
"... is a huge relief", "... came after months of talks", "... was welcomed by" (not "... would be a gesture", "... is
a key demand", "... was the subject of the talks", "... is demanded by")."""


NOT_TAKEN = re.compile(r"\b(?:essential|necessary|crucial|needed|required|vital|key|first|pre-?condition)\s+(?:step|sign)|"
                       r"\b(?:urge\w*|expect\w*|hope\w*|yet\s+to|refus\w*|elude\w*|demand\w*|want\w*|must|should|need\w*)\b",
                       re.IGNORECASE)
"""After DONE_PREDICATE, words that make the step a precondition or a wish, not one taken ("an essential step toward
normalising relations", "a step we urge Minsk to take")."""


def _opens_done(ctx: Context, sentence: Sentence, match: re.Match, begin: int) -> bool:
    """True when the sentence opens with the freeing noun ("The release of A ...") and says, after whom it frees, that
    it is done (DONE_PREDICATE), with no word that leaves it undone ("... is a priority", "... a condition")."""
    if not re.fullmatch(r"\W*The\s+", sentence.text[:match.start()]):
        return False
    members = list_members(ctx, sentence, begin)
    if not members or not _leads(ctx.text[begin:members[0].start]):
        return False
    done = DONE_PREDICATE.match(ctx.text, after_apposition(ctx.text, members[-1].end, sentence.end))
    return bool(done) and not NOT_DONE_AFTER.search(ctx.text, done.start(), min(sentence.end, done.end() + 30)) and \
        not NOT_TAKEN.search(ctx.text, done.start(), sentence.end)


# "Turkey's release of the pastor X", "welcomed Belarus' release of Y": a freeing its doer's possessive names
# (_done_by_its_doer: done when the doer is the page's freeing country, of a person, and neither asked for nor undone)
COUNTED_DASH = re.compile(r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|some)\s+"
                          r"[^—–.;:()]{1,120}?\s*(?:—|–|--)\s*(?=[A-Z])", re.IGNORECASE)
"""A counted group the freed are named in after a dash: "including two Americans — A and B", "These include three men
jailed in 1994 with C--A, B and D" (not C: a name in the group's description)."""
EXTRA_ENDS = re.compile(r"(?:,\s*\d{1,3})?(?:\s*[.;!]?\s*$|,\s+who\s+(?!(?:\w+\s+){0,2}(?:stays?|remains?|still)\b))")
"""After the one more a dashed list adds, the sentence's end or a clause about them ("— and a poet, D, 70, who was
jailed in 2019"; not "— and a guard, D, escorted them", nor "..., who stays in prison")."""
LIST_CLOSED = re.compile(r"(?:,\s*\d{1,3})?\s*(?:—|–|--|[.;!]|$)")
"""After the names a counted group's dash opens, what closes them: the second dash or the sentence's end."""
DASH_THEN_ANOTHER = re.compile(r"(?:,\s*\d{1,3})?\s*(?:—|–|--)\s*,?\s*and\s+(?:an?|another|one|the)\s+"
                               r"(?:[\w-]+\s+){0,3}?[\w-]+,\s+"
                               r"(?=[A-Z])")
"""After such a list, its closing dash and one more named after a description: "— and a Briton, C"."""
PARDON_ISSUED = re.compile(r"\b(?:issued|issues|signed|signs|granted|grants|decreed|decrees)\s+(?:an?\s+)?"
                           r"(?:(?:presidential|royal|full|formal)\s+)?pardons?$", re.IGNORECASE)
"""A pardon granted, right before "for" and the one it frees: "signed a pardon for X" (not "asked for a pardon for
X")."""
AGENT_OF_NOUN = re.compile(r"(?<![\w’'])(?P<agent>(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)?)(?:[’']s|(?<=s)[’'])\s+$")
TALKS_ON = re.compile(r"\b(?:talks|negotiations?|deal|discussions?|agreement|hopes?|prospects?)\s+(?:on|over|for|about|of)\s+$|"
                      r"\b(?:in\s+(?:return|exchange)\s+for|conditions?\s+for|made|make|makes|making)\s+$", re.IGNORECASE)
UNDONE = r"would|could|may|might|will|remains|was\s+not|has\s+not|had\s+not"
"""Words that leave a freeing undone (`NOT_DONE_AFTER`, `RELEASE_UNDONE`)."""
NOT_DONE_AFTER = re.compile(rf"\b(?:{UNDONE}|is\s+not|isn[’']t|did\s+not|expected|uncertain|unlikely|conditions?|priority)\b",
                            re.IGNORECASE)
"""After a possessive's freeing and whom it frees, words that leave it undone ("Belarus's release of A would be a
gesture", "... is not expected soon", "... a condition for lifting sanctions")."""
NOT_A_PERSON = re.compile(r"\b(?:footage|statement|video|photos?|images?|report|documents?|files|list|names|details|letter|"
                          r"recording|transcript|data|information)\b", re.IGNORECASE)
"""Between "release of" and a name, something released that is no person ("the KGB's release of footage showing A")."""

# "X was released along with the editor Y", "... together with Y", "X was released from Vitebsk prison along with Y":
# who was freed with the one the verb frees
ALONG_WITH = re.compile(r"(?:\s+(?:from|out\s+of)\s+(?:(?!(?:where|which|who|that|when)\b)[\w’'.-]+\s*){1,5}?)?,?\s*"
                        r"(?:along|together)\s+with\s+")

MOVED_TO = rf"{MOVED}\s+(?:\w+\s+){{0,2}}?(?:back\s+)?(?:to|into|in)\s+(?:neighbou?ring\s+)?"
"""A movement up to where it went: "flown to", "taken back to neighbouring", "were then driven across the border to"."""
AMONG_MOVED = re.compile(rf"\s*(?:was|were|is|are)\s+(?:also\s+)?(?:among(?:st)?|one\s+of)\s+(?:the\s+|many\s+|several\s+|"
                         rf"(?:dozens|scores|hundreds)\s+of\s+)?(?:[a-z][\w-]*\s+){{0,2}}?(?:people|prisoners|detainees|inmates|"
                         rf"captives|hostages|group|others|those|freed|released)\s+(?:who\s+(?:were|had\s+been|have\s+been)\s+|"
                         rf"who\s+)?(?P<moved>{MOVED_TO})")
"""A person among a group of the freed that went somewhere: "X was among several people who were driven to Poland", "was
one of scores of freed detainees who arrived in Poland", "was among the big group taken to Lithuania"."""
DESCRIBED_SECOND = re.compile(r"\s+and\s+(?:the|a|an|his|her|their)\s+[^,;:.“”\"()]{1,70},\s*")
"""Between two names of a list, a description of the second set off by commas ("A and the candidate he endorsed, B,")."""
# "An Estonian journalist, X, was among them": the name in apposition to the description that opens its sentence
LEADING_DESCRIPTION = re.compile(r"\W*(?:An?|The|Another)\s+[^,;:.“”\"]{1,60},\s*")

# "A and other jailed activists were released", "A and 9 other detainees were freed": A was freed with them
OTHERS = re.compile(r"(?:\s+(?:(?P<and>and)|along\s+with|together\s+with)\s+"
                    r"(?:(?:[\w,]+\s+)?others?\s+(?:[\w-]+\s+){0,3}?|"
                    r"an?\s+(?:unnamed\s+|unidentified\s+)?(?-i:[A-Z][a-z]+)\s+(?:(?:citizen|national)\s+)?)|"
                    r",\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:others|more)\s+"
                    r"(?:[\w-]+\s+){0,2}?)"
                    r"(?=(?:was|were|have|had|has|are|is)\b)|"
                    # a headline's: "A And 14 Others Freed", "A, 14 More Prisoners Freed" (the participle right after)
                    r"(?:\s+(?:and|along\s+with|together\s+with)\s+(?:[\w,]+\s+)?(?:others|other(?=\s+(?:political\s+)?"
                    r"(?:prisoners|detainees|activists|journalists)\b))|"
                    r",\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:others|more|other)"
                    r")(?:\s+(?:political\s+)?(?:prisoners|detainees|activists|journalists))?(?:\s+\w+ly)?"
                    r"\s+(?=(?:freed|released|pardoned|walk\s+free|walked\s+free)\b)",
                    re.IGNORECASE)
"""Also "A and an unnamed Estonian citizen were among those released": one more of the freed, not named; and "A, 14
others are free", "A, 14 Others Freed" (a headline's). After "and", the verb is in the plural ("The lawyer for A and 14
others was freed": the lawyer)."""
SET_APART = re.compile(r"\b(?:unlike|except(?:\s+for)?|apart\s+from|other\s+than|save\s+for|but\s+not|not|"
                       r"(?:lawyers?|attorneys?|counsel|spokes\w+|advocates?)\s+(?:for|of)|representing|defending)\s+"
                       r"(?:the\s+)?$", re.IGNORECASE)
"""Before a name with a count of others, words that set it apart from them or make it another's object: "Unlike A, 14
others were freed", "Except for A, ...", "The lawyer for A and 14 others"."""


OTHERS_MOVED = re.compile(rf"\s*(?:(?:was|were|have\s+been|had\s+been)\s+(?:also\s+|then\s+|later\s+)?{MOVED}\s+"
                          rf"(?:\w+\s+){{0,2}}?(?:back\s+)?(?:directly\s+)?(?:to|into)|(?P<now>{NOW_IN}))\s+(?:neighbou?ring\s+)?")
PRISONERS_WORD = re.compile(r"\b(?:prisoners|detainees|inmates|captives|hostages|freed|released|pardoned)\b", re.IGNORECASE)

def _freed_noun_before(ctx: Context, noun: str) -> bool:
    """True when the sentence before freed people and counted one of them by `noun`, in the freeing's own clause ("Belarus
    freed five detainees, one of whom is a photographer"): not one still held, dying or sentenced, nor one a later
    clause speaks of ("..., but a journalist remains in custody", "after talks with a U.S. envoy", "the mediator said")."""
    before = ctx.previous_sentence
    if not ctx.previous_freeing or STILL_HELD.search(before):
        return False
    freeing = FREEING.search(before)
    at = re.search(rf"\b{re.escape(noun)}\b", before[freeing.end():], re.IGNORECASE) if freeing else None
    return at is not None and \
        not re.search(r"[;:]|\b(?:but|after|before|while|since|as|when|died|sentenced|convicted|arrested)\b",
                      before[freeing.end():freeing.end() + at.start()], re.IGNORECASE) and \
        not re.match(r"\s+(?:said|says|told|added)\b", before[freeing.end() + at.end():])


def by_the_other_side(ctx: Context, sentence: Sentence) -> bool:
    """True when a freeing of the sentence is the other side's, by its agent or the state that held them ("Released by
    the West", "- C, hacker – released from Poland" in a swap whose release is Belarus's)."""
    return any(other_side(ctx, sentence, sentence.start + m.start(), held=True) for m in sentence.freeing())


def freeing_label(sentence: Sentence) -> bool:
    """True for a subheading that labels what follows as about who was freed ("Released prisoners",
    "Who walked free"): short, with no figure, its freeing word a participle; not a headline reporting
    an event in the present tense ("Belarus releases 52 prisoners", "Authorities release activist")."""
    if len(sentence.text.split()) > 6 or sentence.figures:
        return False
    return any(re.fullmatch(r"(?:freed|released|pardoned|set\s+free|let\s+go|walked\s+free|the\s+freed|"
                            rf"(?:were|was|been)\s+handed\s+over|{FREEDOM_WON})", m.group(0),
                            re.IGNORECASE)
               for m in sentence.freeing())


PROFILES_LEAD = re.compile(r"\W*(?:(?:here|below)\s+(?:are|is)|(?:the\s+)?following\s+(?:are|is)|these\s+are)\s+"
                           r"(?:(?:some|a\s+few|a\s+list|profiles|details|the\s+names)\s+of\s+|"
                           r"(?:a\s+(?:closer\s+|quick\s+)?look|more)\s+(?:at|on)\s+|what\s+we\s+know\s+about\s+)?"
                           r"(?:the\s+|those\s+)?"
                           r"(?:(?!who\b|that\b)[\w-]+\s+){0,3}?(?:people|persons|prisoners|detainees|figures|activists|"
                           r"dissidents|journalists|individuals|those|ones|men|women)\s+(?:who\s+(?:were|have\s+been|had\s+been)"
                           r"\s+|that\s+were\s+|to\s+(?:have\s+)?be(?:en)?\s+|being\s+|just\s+)?(?:freed|released|pardoned|"
                           r"set\s+free)\b", re.IGNORECASE)
PROFILE_REACH = 12
"""Sentences a profile of the freed runs to after its name's heading (or the line introducing them): further on, a
heading that is a name is no longer one of theirs (an author's, a reader's letter)."""


def profiles_lead(ctx: Context, sentence: Sentence) -> bool:
    """True for a line that introduces some of the freed, one by one, below it: the people it names are the freed
    ("Here are some of the well-known figures to be released, according to ...", "Here is a closer look at
    the detainees freed Sunday", "The following are some of those released"), not those still held, nor who negotiated
    or campaigned for their release."""
    return bool(PROFILES_LEAD.match(sentence.text)) and not STILL_HELD.search(sentence.text)


def name_heading(ctx: Context, sentence: Sentence) -> Name | None:
    """The person a heading names when it is only their name, with their age or not ("ALES TESTAU, 63",
    "Oren Pask"): a profile's heading."""
    if not sentence.heading:
        return None
    named = persons(ctx, sentence)
    if len(named) != 1 or not re.fullmatch(r"\W*", ctx.text[sentence.start:named[0].start]) or \
            not re.fullmatch(r"(?:,\s*(?:aged\s+)?\d{1,3})?\W*", ctx.text[named[0].end:sentence.end]):
        return None
    return named[0]


RECIPIENTS = re.compile(r"\b(?:amnesty|pardon|clemency)\s+(?:recipients|beneficiaries)\b", re.IGNORECASE)
"""Those a pardon or an amnesty was granted to, named by the noun: "The nine amnesty recipients are:"."""
RECIPIENTS_TO_BE = re.compile(r"\b(?:would|will|could|may|might|should|proposed|possible|potential|expected|hoped|planned|"
                              r"future|not|never|remain\w*|still|yet|await\w*|behind\s+bars|rearrest\w*|re-arrest\w*|"
                              r"last\s+year|previous|earlier|former|past|first)\b|[’']s\s+amnesty", re.IGNORECASE)
"""In such a lead, words that leave the pardon to come or undone, the recipients still held, or of another time: "The
proposed amnesty recipients would include:", "Amnesty recipients still awaiting release:", "Last year's amnesty
recipients were:", "The first amnesty recipients are:" (of a law still to take effect, perhaps)."""


def freeing_list_lead(ctx: Context, line: int) -> bool:
    """True when the list an item at `line` belongs to is introduced by a line about who was freed
    ("Reporters released on May 2 included:", "Those freed:"), or one that names those a freeing
    earlier in the article counted ("... released 12 priests ..." then "The names of the priests are:")."""
    return _list_freeing(ctx, line) is not None


def _list_freeing(ctx: Context, line: int) -> int | None:
    """Where the freeing that the lead of the list at `line` speaks of is written: the lead itself, or the earlier
    freeing whose count the lead names; None when the list is not of the freed."""
    while line > 0:
        previous = ctx.text.rfind("\n", 0, line - 1) + 1
        text = ctx.text[previous:line - 1]
        line = previous
        if not text.strip() or BULLET.match(text) or _bare_name(ctx, previous, previous + len(text)):
            continue
        lead = text.rstrip()
        if not lead.endswith(":"):
            return None
        if any(not WISH.search(lead[max(0, m.start() - 40):m.start()]) for m in FREEING.finditer(lead)):
            return previous
        if RECIPIENTS.search(lead) and not RECIPIENTS_TO_BE.search(lead):  # "The nine amnesty recipients are:"
            return previous
        if THEM_LEAD.match(lead):  # "Among them are well-known public figures:" after "... were handed over to P"
            before = previous
            while before > 0:  # the line before the lead, past blank lines
                before = ctx.text.rfind("\n", 0, before - 1) + 1
                if ctx.text[before:ctx.text.find("\n", before)].strip():
                    break
            said = ctx.text[before:previous]
            if said.strip() and (any(not WISH.search(said[max(0, m.start() - 40):m.start()]) for m in FREEING.finditer(said))
                                 or re.search(rf"\b(?:were|was|have\s+been|had\s+been)\s+(?:also\s+)?{MOVED}\s+(?:\w+\s+){{0,2}}?"
                                              r"(?:to|into)\s+(?!(?:a\s+|the\s+)?(?:court|prison|jail|trial|"
                                              r"penal|colony|hospital|custody)\b)", said)):
                return before
        named = re.search(r"\bnames\s+of\s+(?:the|those)\s+(?:\w+\s+)?(\w+(?:s|men))\b", lead, re.IGNORECASE)
        if not named:
            return None
        return next((m.start() for m in FREEING.finditer(ctx.text, 0, previous)
                     if re.search(rf"\b\d[\d,]*\s+(?:[\w-]+\s+){{0,3}}?{named.group(1)}\b", ctx.text[m.end():m.end() + 80],
                                  re.IGNORECASE)), None)
    return None


THEM_LEAD = re.compile(r"\W*(?:Among\s+them|They|These|Those)\s+(?:are|were|include[sd]?)\b", re.IGNORECASE)
"""A list's lead that speaks of the people the line before it freed or moved ("Among them are ...:")."""


LEAD_MOVE = re.compile(rf"\b{MOVED}\s+(?:them\s+)?(?:\w+\s+){{0,2}}?(?:back\s+)?(?:to|into)\s+")


def _lead_place(ctx: Context, offset: int) -> Name | None:
    """Where the freeing at `offset` took those it counted, when its sentence says so ("released 12 priests ... and
    sent them to P", "pardoning 11 clergymen, who were then flown to P"): each one listed under it went there."""
    end = ctx.text.find("\n", offset)
    move = LEAD_MOVE.search(ctx.text, offset, min(offset + 300, len(ctx.text) if end < 0 else end))
    if move is None or re.search(r"[.!?]\s+[A-Z]", ctx.text[offset:move.start()]):
        return None  # no movement, or one in another sentence
    at = bisect.bisect_left(ctx.names, move.end(), key=lambda n: n.start)
    place = ctx.names[at] if at < len(ctx.names) else None
    return place if place is not None and place.start - move.end() <= 3 and ctx.kind(place) == "place" else None


def _bare_name(ctx: Context, start: int, end: int) -> bool:
    """A line that is only a person's name, perhaps with a title ("The Rev. A B C", "journalist A B") and "and
    others" after the last: an item of a list with no bullets."""
    names = [n for n in ctx.names if start <= n.start and n.end <= end and ctx.kind(n) == "person"]
    if len(names) != 1:
        return False
    title = names[0].role_start is not None and re.fullmatch(r"\s*", ctx.text[start:names[0].role_start])
    return bool(title or re.fullmatch(r"\s*(?:(?:The\s+)?[A-Z][\w.]*\s+){0,2}", ctx.text[start:names[0].start])) \
        and not re.sub(r"^\s*and\s+others\b", "", ctx.text[names[0].end:end]).strip(" ,;.")


def _listed_item(ctx: Context, sentence: Sentence, record) -> None:
    """An item of a list that a line about the freed introduces: its first person is one of the freed
    ("- Freelance reporter X. Detained since 2022.", "- Outlet's X")."""
    line = list_item(ctx, sentence)
    if line is None:
        line = ctx.text.rfind("\n", 0, sentence.start) + 1
        end = ctx.text.find("\n", sentence.start)
        if not _bare_name(ctx, line, end if end >= 0 else len(ctx.text)):
            return
    elif sentence.start > BULLET.match(ctx.text, line).end():
        return
    freeing = _list_freeing(ctx, line)
    first = next(iter(persons(ctx, sentence)), None)
    if freeing is None or first is None or len(ctx.text[sentence.start:first.start].split()) > 5:
        return
    if by_the_other_side(ctx, sentence):
        return  # "- C, hacker – released from Poland": the item itself says the other side freed C
    ctx.freeing_list = True
    record(first, sentence.start, first.begin, first.end, _lead_place(ctx, freeing), review="list-item")


def freed(ctx: Context, sentence: Sentence, person: Name, offset: int, quote_start: int, quote_end: int,
          review: str = "", known_release: str = "") -> None:
    """Draft that `person` was freed in the release the clause at `offset` speaks of (or in `known_release`, one the
    project's claims free them in, for a freeing the page tells of as done before the news)."""
    if known_release:
        ctx.add("released_in", "entity", known_release, quote_start, quote_end, subject=ctx.note_person(person),
                review="known-release")
        return
    release = clause_release(ctx, sentence, offset)
    if release == ctx.release and (person.id in ctx.held_elsewhere or
                                   " " not in person.text.strip() and surname(person) in ctx.held_elsewhere):
        return  # another country held them, and freed them: "the order for Bout's release" is not the page's release
        # (the surname alone is the same person; "Lamm's brother, Daniel Lamm, held in Poland" is not Ivo Lamm)
    known = _known_release_of(ctx, sentence, person, offset) if release and release == ctx.release and not review \
        else None
    if known:
        release, review = known, "known-release"
    if release:
        ctx.add("released_in", "entity", release, quote_start, quote_end, subject=ctx.note_person(person),
                review=review)


def _known_release_of(ctx: Context, sentence: Sentence, person: Name, offset: int) -> str | None:
    """The one release the project's claims already free the person in, when it is not the page's and the sentence
    tells of the freeing as background, dating nothing ("The talks began after the freeing of A", "He has regularly
    released prisoners, including freeing A", "A, who received 18 years before being released earlier"): A's release
    of June, which the project knows, not the page's news. None for a sentence with a date, a heading, a sentence with
    no word of the past ("Among them was A", "A was freed this week"), a second freeing ("again", "rearrested",
    "twice"), or a known release that cannot be this page's (another country's, or later than the page)."""
    known = ctx.freed_in.get(getattr(person, "entity", None) or person.id, set())
    # (a date inside what a comma says of someone, "A, who was sentenced in 2021, was released", dates no freeing)
    if len(known) != 1 or ctx.release in known or sentence.heading or \
            any(not describes_someone(ctx, sentence, date) for date in sentence.dates):
        return None
    if not BACKGROUND.search(sentence.text) or SECOND_FREEING.search(sentence.text):
        return None
    (release,) = known
    return None if not_this_pages(ctx, release) else release


def _dated_after(ctx: Context, sentence: Sentence, offset: int) -> bool:
    """True when a date in the clause of the freeing at `offset` follows it ("the earlier release of A on Monday"; not
    "Lawyers on Saturday cited the recent release of A": the day they spoke), said of no one."""
    return any(d.value and not describes_someone(ctx, sentence, d)
               for d in sentence.dates_within(offset + 1, sentence.clause(offset)[1]))


def _earlier_freeing(ctx: Context, person: Name, dated: bool) -> str | None:
    """Where "the recent release of A", "the earlier pardon of A" (no verb says it was done as the news: not "welcomed
    the recent release of A") puts A: the release a date after it in its clause names, when `dated` ("" for the
    clause's release); else the page's own, when the project's claims free A in it; else the one other release they free
    A in, when it can be this page's background; else nowhere (None): a freeing before the news, of a release the page
    does not tell."""
    known = ctx.freed_in.get(getattr(person, "entity", None) or person.id, set())
    if dated:
        return ""  # "days after the earlier release of A on Monday": Monday's (`_dated_after`)
    if ctx.release in known:
        return ctx.release  # the page's own, which frees A too
    if len(known) == 1 and not not_this_pages(ctx, next(iter(known))):
        return next(iter(known))
    return None


BACKGROUND = re.compile(r"\b(?:after|since|following|follows|followed|earlier|previously|before|regularly|repeatedly|"
                        r"already|prior|in\s+the\s+past)\b", re.IGNORECASE)
"""Words that tell of a freeing as background to the news: "after the freeing of A", "before being released earlier"."""
SECOND_FREEING = re.compile(r"\b(?:again|anew|once\s+more|second\s+time|twice|re-?arrest\w*|first\s+release|too)\b",
                            re.IGNORECASE)
"""Words that make a freeing a second one, the page's: "freed again", "rearrested after his first release", "twice"."""


# --- figures and dates about one person -------------------------------------------------------------


def _dated_elsewhere(ctx: Context, sentence: Sentence, offset: int) -> bool:
    """True when a clause about someone dates its freeing, from the end of its freeing at `offset` to the clause's comma,
    to another time than the article's release ("X, who was released in 2019, ...", "in the 2024 exchange", "earlier")."""
    comma = ctx.text.find(",", offset, sentence.end)
    end = comma if comma >= 0 else sentence.end
    if EARLIER_WORDS.search(ctx.text, offset, end):
        return True
    return any(offset <= date.start < end and date.value and ctx.off_release(date.value)
               for date in sentence.dates)


ACROSS = r"(?:(?:across|over)\s+the\s+(?:border|frontier)\s+(?:(?:of|from)\s+[A-Z][\w-]*\s+)?)"
"""Between a freeing or a journey and where it ended: "freed across the border of Poland into", "over the frontier to"."""


def _destination_after(ctx: Context, sentence: Sentence, offset: int, reach: int = 60) -> Name | None:
    """Where the freed went, told within `reach` characters after the word that frees them: "were released and taken to
    Vilnius", "is now in P", "was among those released to Ukraine" (a place, never "released to his family"; nor a
    place a "who" clause about someone else went to)."""
    move = re.match(rf"[^.;]{{0,{reach}}}?(?:\b{MOVED}\s+(?:\w+\s+){{0,2}}?(?:back\s+)?(?:directly\s+)?{ACROSS}?"
                    rf"(?:to|into|in|through|via)|"
                    # "were freed and granted safe haven in P": right after the freeing, its own refuge
                    rf"{SHELTERED}\s+in|"
                    rf"\b(?:is|are)\s+now\s+(?:free\s+)?in)\s+(?:neighbou?ring\s+)?|\s+{ACROSS}?(?:in)?to\s+(?:neighbou?ring\s+)?",
                    ctx.text[offset:sentence.end])
    if move is None or re.search(r",\s+(?:who|whose|whom|which)\b|\brather\s+than\b|\binstead\b|\brefus", move.group(0)):
        return None  # "released after his wife, who had been driven to Lithuania in 2020, appealed": someone else's;
        # "chose to stay rather than be taken over the border to Poland": not done
    own = re.sub(r"\b(?:on|from)\s+(?:their|his|her)\s+(?:way|prisons?|cells?|jails?)\b", "", move.group(0))
    if reach > 60 and re.search(r"\b(?:but|his|her|their)\b", own):
        return None  # further on, "but his wife was deported to Poland": another's movement (not "freed from their
        # prison and on their way to P": the freed's own)
    return place_after(ctx, sentence, offset + move.end())


SO_FAR = re.compile(r"\b(?:(?:those|people|prisoners|detainees|inmates|others|activists|figures|[\d,]+)\s+(?:(?:who\s+)?"
                    r"(?:have|had)\s+been\s+)?(?:freed|released|pardoned)\s+(?:so\s+far|to\s+date|since\s+(?:then\b|[A-Z]\w+|"
                    r"\d{4}|last\s+\w+)|(?:earlier\s+)?this\s+year|in\s+recent\s+(?:days|weeks|months|years)|over\s+the\s+"
                    r"(?:past|last)\s+(?:\w+\s+)?(?:days|weeks|months|year|years)|in\s+(?:previous|earlier|past)\s+(?:releases|"
                    r"rounds|pardons|amnesties))|(?:previously|earlier)\s+(?:freed|released|pardoned)\s+(?:prisoners|people|"
                    r"detainees|figures|activists)|earlier\s+releases|"
                    # "has released more than 300 prisoners since July, among them A": a running total's
                    r"(?:freed|released|pardoned)\s+(?:more\s+than\s+|over\s+|about\s+|some\s+|nearly\s+|almost\s+)?[\d,]+\s+"
                    r"(?:[a-z]+\s+)?(?:prisoners|people|detainees|inmates)\s+since\s+(?:then\b|[A-Z]\w+|\d{4}|last\s+\w+))",
                    re.IGNORECASE)
"""The freed of many releases: "those freed so far", "prisoners released since July", "the more than 300 freed since
July", "those freed earlier this year", "previously released prisoners". Whom they include was freed in one of them,
the page does not say which."""
INCLUDED_AFTER = re.compile(r"\s*,?\s*(?:include[sd]?|included|including|among\s+(?:them|whom)|were|are|was|is)\b")
"""After such a group, the words that list its members ("... include A", "Among those freed since July were A"); not
a running total ("bringing the number of people pardoned since July to 300")."""
THEM = re.compile(r"\W*(?:Among\s+them|They\s+(?:include|included)|These\s+(?:include|included))\b")


def _freed_so_far(ctx: Context, sentence: Sentence) -> list[int]:
    """Where lists of the freed of many releases begin in the sentence ("Those released since July include A"), or its
    start when it opens "Among them" after a sentence about them ("Those freed so far include elderly people. Among them
    were A"). Read once per sentence: each person it names is asked about."""
    if THEM.match(sentence.text) and SO_FAR.search(ctx.previous_sentence):
        return [sentence.start]
    return [sentence.start + m.end() for m in SO_FAR.finditer(sentence.text) if INCLUDED_AFTER.match(sentence.text, m.end())]


AS_DID = re.compile(r"[^,;.:]{0,60}?,\s+as\s+(?:did|were|was|had|have|has)\s+(?:also\s+)?"
                    r"(?!(?:been|not|never|expected|agreed|planned|promised|announced|reported|said|feared|hoped)\b)")
"""After one person's own freeing, others who shared it: "X walked free on Friday, as did the activist Y", "X was
released, as were Y and Z" (not "as had been agreed by Y", "as was expected")."""
AS_DID_ELSE = re.compile(r"[’']s\b|[^,;.]*?\b(?:on\s+(?P<day>[A-Z][a-z]+day)|earlier|ago|before|last|previous|"
                         r"in\s+(?:19|20)\d\d|(?:a|one|two|three|several)\s+(?:days?|weeks?|months?|years?)\s+"
                         r"(?:earlier|before|ago|later))\b")
"""After the names of "as did", what makes them no sharers of the freeing: a possessive ("as was Y's request"), or a
time of their own ("as did Y on Saturday" after a freeing on Friday, "as had Y a year earlier"; not "later that day", nor
the freeing's own day, "X was released on Friday, as were Y and Z on Friday")."""


WHICH_CLAUSE = re.compile(r",\s+(?:which|that)\s+(?:also\s+)?$")
"""Before "included", a clause about the noun before it ("the freeing of eleven unionists in October, which included A"):
the freeing it lists the members of is that noun's."""


@rule("released-in")
def people_freed(ctx: Context, sentence: Sentence) -> None:
    """Who was freed, by each construction that says so; and where they went, when it says that too."""
    done: set[str] = set()

    def record(person: Name, offset: int, start: int, end: int, place: Name | None = None, review: str = "",
               told_freed: bool = False, object_of: bool = False, release: str = "") -> None:
        # (`told_freed`: the clause about the person says they were freed, so what they say after it is a freed
        # person's word: "X, who walked free on Friday, thanked his supporters"; `object_of`: a pardon or a freeing
        # named before the list includes the person, so an office ("the state's chief minister X") is one of the freed)
        if person.id in done or (speaks(ctx, sentence, person) and not told_freed):
            return
        if office_holder(ctx, sentence, person):  # one who frees, negotiates or speaks, unless a freeing governs them
            governed = subject_of_a_freeing(ctx, person, end) or object_of and not heads_a_state(ctx, person)
            if not governed:
                return
        if freed_before(ctx, sentence, person):
            return
        if asked_whether(ctx.text[max(sentence.start, person.start - 200):person.start]):
            return  # "could not confirm whether X was among those released": asked, not said
        if surname(person) in ctx.other_side:
            return  # freed by the other side of the exchange, wherever else the page names them
        if still_held(ctx, sentence, person) or surname(person) in ctx.still_held:
            ctx.still_held.add(surname(person))  # a second spelling of the same person later is still held
            return
        if any(at <= person.start and ";" not in ctx.text[at:person.start] for at in so_far):
            return  # freed in one of many releases ("Those released since July include A"): the page says not which
        done.add(person.id)
        freed(ctx, sentence, person, offset, start, end, review, release)
        if place is not None:  # quoted from the person's name, or from the pronoun that stands for it
            ctx.add("sent_to", "entity", place.entity, start if person.start < sentence.start else min(start, person.start),
                    max(end, place.end), subject=ctx.note_person(person))

    ctx.still_held |= {surname(p) for p in persons(ctx, sentence) if still_held(ctx, sentence, p)}
    so_far = _freed_so_far(ctx, sentence)
    freeing = sentence.freeing()
    for trigger in INCLUDING.finditer(sentence.text):
        begin = sentence.start + trigger.end()
        before = sentence.text[:trigger.start()]
        counted = any(f.end <= sentence.start + trigger.start() for f in sentence.figures) and re.search(MOVED, sentence.text)
        them = ctx.previous_freeing and not before.strip(" \"“") and trigger.group(0).lower().startswith("among") or \
            ctx.freeing_list and re.fullmatch(r"\W*The\s+list\s+(?:also\s+)?", before)  # the list of the freed
        moved = _group_moved(ctx, sentence, before, begin)
        if WISHED_RELEASE.search(before) and not any(m.end() <= trigger.start() for m in freeing):
            continue  # "Campaigners anticipated the release of many dissidents, including A": hoped for, not done
        near = before[-ATTENDING_REACH:]  # (read within a window: a sentence may hold thousands of "including")
        said_freed = list(FREED_BEFORE.finditer(near))
        attended = list(ATTENDED.finditer(near, said_freed[-1].start() if said_freed else 0))
        group = ATTENDING_GROUP.search(near, attended[-1].end()) if attended else None
        between = near[attended[-1].end():group.start()] if group else ""
        if group and ";" not in between and ("," not in between or re.search(r"\band\s+(?:[\w-]+\s+){0,3}$", between)):
            continue  # "taken to Poland, accompanied by EU diplomats, including A": A is one of the diplomats
        if re.search(r"(?:\bnot|\bnever|n[’']t)\s*(?:,\s*(?:however|though|yet)\s*,|\s(?:appear|seem)\s+to|"
                     r"\s(?:yet|ever|actually|also))?\s*$", before, re.IGNORECASE) or \
                re.match(r"(?:neither|none\s+of|no)\b", sentence.text[trigger.end():], re.IGNORECASE):
            continue  # "The list did not (, however,) include A", "does not appear to include A", "included neither A nor B"
        clause = re.split(r"[,;]", before)[-1]  # the clause the inclusion is the verb of
        if re.search(r"\b(?:would|will|could|should|might|may|to)\s+(?:also\s+)?$|\b(?:hop(?:e|ed|es|ing)|want\w*|wish\w*|"
                     r"(?:press|push|call|lobby|lobbi)\w*\s+for|demand\w*|seek\w*|sought)\b", clause, re.IGNORECASE) and \
                not any(m.end() <= trigger.start() for m in freeing):
            continue  # "hoped the list would include A", "pressing for a deal that includes A", "failed to include A"
        subject = GROUP_SUBJECT.match(before) if ctx.previous_freeing else None
        if subject and (re.match(r"\s+(?:that|who|whom)\b", before[subject.end():]) or
                        re.search(r",\s+(?:which|who)\s+(?:also\s+)?$", before[subject.end():])):
            subject = None  # "The group that campaigned for her included A": another group's members; "The group, which
            # includes A, monitors prisons": the clause's own verb (not "The group, which the minister urged Europe to
            # welcome, included A": the freed)
        if not FREED_BEFORE.search(before) and not subject and not counted \
                and not them and not moved and not _list_then_freed(ctx, sentence, begin):
            continue
        verb = re.match(r"(?:was|were|is|are)\s+", sentence.text[trigger.end():])
        begin += verb.end() if verb and trigger.group(0).lower().startswith("among") else 0
        place = moved or (_destination_after(ctx, sentence, sentence.start) if re.search(MOVED, sentence.text) else None)
        if place is None and ctx.previous_freeing and re.match(r"\W*Among\s+them\b", before, re.IGNORECASE):
            place = ctx.previous_place  # "N were handed over to P. Among them are ..., including A": A went to P
        counted_dash = COUNTED_DASH.match(ctx.text, begin, sentence.end)
        members = list_members(ctx, sentence, counted_dash.end() if counted_dash else begin)
        if counted_dash and members:
            # the names up to the one the second dash or the sentence's end closes ("— A, 61, and B, 58--and ..."); none
            # when nothing closes them ("including two who worked for A — A himself remains in prison", "— A, Vilnius")
            closed = next((n for n, p in enumerate(members) if LIST_CLOSED.match(ctx.text, p.end, sentence.end)), None)
            members = [] if closed is None else members[:closed + 1]
        if counted_dash and members:  # "including two Americans — A and B — and a Briton, C": C too
            more = DASH_THEN_ANOTHER.match(ctx.text, members[-1].end, sentence.end)
            extra = list_members(ctx, sentence, more.end())[:1] if more else []
            members += [p for p in extra if EXTRA_ENDS.match(ctx.text, p.end, sentence.end)]
        if them and re.match(r"\W*Among\s+them\s+(?:are|were)\b", sentence.text, re.IGNORECASE):
            members = _items_of_the_freed(ctx, sentence, begin, members)
            place = place or ctx.previous_place  # "N were handed over to P. Among them are A, ...": A went to P
        object_of = bool(INCLUDED_BY.fullmatch(before))  # the sentence opens with the pardon or its freed
        at = sentence.start + trigger.start()
        head = [m for m in freeing if m.end() <= trigger.start()] if WHICH_CLAUSE.search(before) else []
        if head:  # "after the freeing of eleven trade unionists in October, which included A": that freeing's release
            at = sentence.start + head[-1].start()
        for person in members:
            later = _destination_after(ctx, sentence, person.end)
            record(person, at, sentence.start + trigger.start(), person.end, place or later, object_of=object_of)
    for trigger in FRONTED.finditer(sentence.text):
        phrase = trigger.group(0)
        if re.match(r"among", phrase, re.IGNORECASE) and STILL_WAITING.search(phrase):
            continue  # "Among those left out of the release, there is also X", "Among those awaiting release is X"
        if phrase.endswith(":") and RELATIONS_BEFORE_COLON.search(phrase):
            continue  # "were among them, according to a statement by their lawyers: A and B": the lawyers
        ahead = sentence.text[max(0, trigger.start() - 40):trigger.start()]
        if not re.match(r"among", phrase, re.IGNORECASE) and (
                TO_BE_DONE.search(ahead) or STILL_WAITING.search(ahead) or OTHER_ROUND.search(phrase)):
            continue  # "Still waiting to be released under the deal is X", "Those released in the previous swap were"
        if re.match(r"(?:one|two|three|four|some|several|another)\s+of\b", phrase, re.IGNORECASE) and \
                OF_SOMEONE.search(ahead):
            continue  # "The wife of one of the 14 freed prisoners, A, wept": A is someone else
        if re.search(r"\bat\s+the\s+time\b(?!\s+of\s+writing)", phrase, re.IGNORECASE) or \
                re.match(r"among", phrase, re.IGNORECASE) and \
                re.search(r"\b(?:freed|released|pardoned)\s+(?:in\s+the\s+(?:previous|earlier|last)\b|last\s+(?:year|month|week)\b|"
                          r"earlier\b(?!\s+(?:today|this|on)\b)|in\s+(?:19|20)\d\d\b)", phrase, re.IGNORECASE):
            continue  # "Among those freed at the time were A and B", "... in the previous round", "... last year": the
            # freed of a release told before
        if trigger.group("anaphor") and not _freed_noun_before(ctx, trigger.group("anaphor")):
            continue  # "named the journalist as A" names one of the freed only after a freeing that counts a journalist
        them = ctx.previous_place if re.match(r"among(?:st)?\s+them\b", phrase, re.IGNORECASE) else None
        if phrase.lower().startswith("among") and not (re.search(r"freed|releas|pardon|transit|handed|transferred|"
                                                                 r"arriv|names|group|set\s+free|liberated", phrase, re.I)
                                                       or _the_counted_freed(ctx, sentence, trigger)
                                                       or ctx.freeing_section
                                                       or (ctx.previous_freeing and re.match(r"among(?:st)?\s+them\b", phrase,
                                                                                            re.I))
                                                       # "... pardoned 51 prisoners. Among these prisoners are A"
                                                       or _these_freed(ctx, phrase)):
            continue
        place = place_after(ctx, sentence, sentence.start + trigger.start() +
                            (re.search(r"\b(?:through|in|to|into|via)\s+", phrase).end()
                             if re.search(r"\b(?:transit\w*|arriv\w*|sent|taken)\s+(?:through|in|to|into|via)\s+", phrase)
                             else 10**6)) or them
        if re.match(r"\s*(?:neither|not)\b", sentence.text[trigger.end():]):
            continue  # "Included in the release was neither A nor B"
        also = re.match(r"also\s+", sentence.text[trigger.end():])  # "Among the freed, there is also the blogger A"
        begin = sentence.start + trigger.end() + (also.end() if also else 0)
        counted = next((f for f in sentence.figures_within(begin, begin + 3) if not ctx.text[begin:f.start].strip()), None)
        apposed = APPOSED_TO.match(ctx.text, counted.end, sentence.end) if counted else None
        if apposed and not re.match(r"[’']s\s+(?:\w+\s+){0,2}(?:said|says|told|added)\b",
                                    ctx.text[next((p.end for p in persons(ctx, sentence)
                                                   if p.start >= apposed.end()), apposed.end()):]):
            begin = apposed.end()  # "Among those released were two activists, A and B" (not "..., A's lawyer said")
        for person in list_members(ctx, sentence, begin):
            if re.match(r"[’']s?\s", ctx.text[person.end:person.end + 3]):
                continue  # "Included in the release was A's husband": the husband
            record(person, sentence.start + trigger.start(), sentence.start + trigger.start(), person.end, place)
    named = persons(ctx, sentence)
    for person in named:
        after = after_apposition(ctx.text, person.end, sentence.end)
        tail = OF_TAIL.match(ctx.text, after, sentence.end)
        after = tail.end() if tail else after  # "Minister E of the deposed government were also released"
        closing = DASH_CLOSING.match(ctx.text, person.end, sentence.end) if after == person.end else None
        if closing and DASH_OPENING.search(ctx.text, max(sentence.start, person.begin - 4), person.begin):
            after = closing.end()  # "another name on the list – X – was freed as well": X names the subject
        others = OTHERS.match(ctx.text, after)  # "A and other jailed priests were released"
        if others and (SET_APART.search(ctx.text, max(sentence.start, person.begin - 40), person.begin) or
                       others.group("and") and re.match(r"(?:was|has|is)\b", ctx.text[others.end():others.end() + 4])):
            continue  # "Unlike A, 14 others were freed"; "The lawyer for A and 14 others was freed": the lawyer
        verb = FREED_AFTER.match(ctx.text, others.end() if others else after) or \
            (HEADLINE_FREED.match(ctx.text, others.end() if others else after, sentence.end)
             if sentence.heading else None)
        if verb is not None and verb.re is FREED_AFTER and verb.group("nth") and _dated_elsewhere(ctx, sentence, verb.end()):
            verb = None  # "X was the first prisoner released under the 2019 amnesty": another release's
        if verb is not None and verb.re is HEADLINE_FREED and (
                HEADLINE_OBJECT.search(ctx.text, max(sentence.start, person.begin - 30), person.begin) or
                HEADLINE_BAIL.search(ctx.text, verb.end(), sentence.end)):
            verb = None  # "New Book By A Released", "Photos Of A Released": a thing of A's; "A Released On Bail"
        if verb is None and not others:
            verb = WHO_FREED.match(ctx.text, person.end, sentence.end)  # "X, who walked free on Friday, said"
            if verb is not None and (_dated_elsewhere(ctx, sentence, verb.end()) or
                                     INNER_NOUN.search(verb.group("description") or "")):
                verb = None  # "X, who was released in 2019, called for ...": an earlier freeing, told in passing; "X,
                # the lawyer for the activist who was released": the activist's
        unclosed = WHO_UNCLOSED.match(ctx.text, person.end, sentence.end) if verb is None and not others else None
        if unclosed and not re.search(r"\b(?:said|says|told|that|whose|which|when|who|he|she|they|his|her|their)\b",
                                      unclosed.group("clause"), re.IGNORECASE):
            verb = FREED_AFTER.match(ctx.text, unclosed.end())  # "A, who was detained in 2021 and convicted of ... was released"
        if verb is not None and RELATION_OF.search(ctx.text, max(sentence.start, (person.role_start or person.start) - 60),
                                                   person.role_start or person.start):
            verb = None  # "The wife of former minister A of the deposed government was also released": she was
        among = AMONG_MOVED.match(ctx.text, after) if verb is None and not others else None
        if among and (not PRISONERS_WORD.search(among.group(0)) and not ctx.previous_freeing and not sentence.freeing() or
                      _dated_elsewhere(ctx, sentence, among.end())):
            among = None  # "X was among thousands of people who moved to Poland in 2021": no freed group
        if among and not described(ctx, sentence, person):  # "X was among several people who were driven to Poland"
            place = place_after(ctx, sentence, among.end())
            if place is not None and ctx.kind(place) == "place" and not IN_CUSTODY.match(ctx.text, place.end, sentence.end):
                record(person, among.start("moved"), person.begin, place.end, place)
        if verb is None and not others and ctx.text.startswith(",", after):
            leading = LEADING_DESCRIPTION.fullmatch(ctx.text, sentence.start, person.start)  # "The candidate ..., B, was"
            first = None if leading else next((p for p in named if p.end <= person.start and
                                               DESCRIBED_SECOND.fullmatch(ctx.text, p.end, person.start)), None)
            verb = FREED_AFTER.match(ctx.text, after + 1) if leading or first else None
            if first and verb and re.match(r"\s*(?:were|have)\b", verb.group(0)):
                # "A and the candidate he endorsed in the March election, B, were released": A too
                record(first, verb.start(), first.begin, verb.end())
        if verb is not None and re.search(r"\bordered\b", verb.group(0)) and \
                ORDER_PENDING.search(ctx.text, verb.end(), sentence.end):
            verb = None  # "ordered to be released within 30 days", "ordered released, but prosecutors appealed": not done
        if verb is not None and NOT_PRISON.match(ctx.text, verb.end()):
            verb = None  # "X was released from hospital": not from prison
        if verb is not None and re.search(r"walked", verb.group(0)) and NOT_A_RELEASE.search(sentence.text):
            verb = None  # "X walked free after a court acquitted him": no prisoner of a release
        if verb is not None and re.search(r"walked\s+out", verb.group(0)) and \
                (NOT_WALKED_FREE.search(sentence.text) or _dated_elsewhere(ctx, sentence, verb.end())):
            verb = None  # "X walked out of the prison after visiting his client", "... through a tunnel", "... years ago"
        if verb is not None and re.search(r"\b(?:among|one\s+of)\b", verb.group(0), re.IGNORECASE) and \
                (_dated_elsewhere(ctx, sentence, verb.end()) or SO_FAR.search(ctx.text, person.end, sentence.end) or
                 re.search(r"\bto\s+be\s+(?:freed|released|pardoned)", verb.group(0))):
            verb = None  # "X was one of six journalists freed since July", "... freed last year": another release
        moved = OTHERS_MOVED.match(ctx.text, others.end()) if others and not verb else None
        if moved and moved.group("now") and not PRISONERS_WORD.search(others.group(0)):
            moved = None  # "X and three other officials are now in Moscow": no freed among them
        if moved and not described(ctx, sentence, person):
            # "A and 41 other detainees were transferred to P": A went there with them
            place = place_after(ctx, sentence, moved.end())
            if place is not None and moved.group("now") and IN_CUSTODY.match(ctx.text, place.end, sentence.end):
                place = None  # "X and three other detainees are now in Minsk's Okrestina jail": held there
            if place is not None and ctx.kind(place) == "place":
                begin = person.begin
                record(person, moved.start(), begin, moved.end(), place)
        elif verb and not described(ctx, sentence, person):
            # "X was pardoned by the president on Sunday after nearly four years in prison and driven over the
            # frontier to Poland": the person's own clause reaches further
            place = _destination_after(ctx, sentence, verb.end(), reach=90)
            subjects = list_members(ctx, sentence, sentence.start)
            # a verb in the plural, or one whose past shows no number ("A and B walked free"), after two names
            plural = bool(re.match(r"\s*(?:were|are|have)\b", verb.group(0)) or
                          re.match(r"\s*(?:also\s+|later\s+|then\s+|finally\s+)?walked\b", verb.group(0)))
            for member in (subjects if person in subjects else _list_ending_at(ctx, sentence, person, plural)):
                begin = member.begin
                told = verb.re is WHO_FREED  # the clause's own freeing, dated in the clause ("who was released in 2019")
                at = verb.start("verb" if verb.group("verb") else "walked") if told else verb.start()
                record(member, at, begin, verb.end(), place, told_freed=told)
            along = ALONG_WITH.match(ctx.text, verb.end(), sentence.end) if verb.re is not WHO_FREED else None
            for member in list_members(ctx, sentence, along.end()) if along else []:
                # "X was released along with the editor Y": Y too
                record(member, verb.start(), verb.start(), member.end, place)
            as_did = AS_DID.match(ctx.text, verb.end(), sentence.end) if verb.re is not WHO_FREED else None
            alike = list_members(ctx, sentence, as_did.end()) if as_did else []
            other = AS_DID_ELSE.match(ctx.text, after_apposition(ctx.text, alike[-1].end, sentence.end), sentence.end) \
                if alike else None
            if other and not (other.group("day") and other.group("day") in ctx.text[verb.start():as_did.end()]):
                alike = []  # "as was Y's request", "as did Y on Saturday", "as had Y a year earlier": not the same freeing
            for member in alike:  # "X walked free, as did the activist Y", "X was released, as were Y and Z": they too
                record(member, verb.start(), verb.start(), member.end, place)
        elif re.match(r"[’']s\s+release\b|\s+(?:\w+\s+){0,8}?after\s+being\s+(?:freed|released)", ctx.text[person.end:]) \
                and not described(ctx, sentence, person) and not _release_sought(ctx, sentence, person):
            # (not "Moscow had long sought X's release", "pressing for X's release": asked for)
            release_word = re.search(r"release|freed", ctx.text[person.end:sentence.end])
            record(person, person.end + release_word.start(), person.start, person.end + release_word.end())
    for match in freeing:
        if EXCHANGE_WORD.match(match.group(0)):
            continue  # "exchanged prisoners, including A and B": freed by one side or the other, the page must say which
        obj = sentence.start + match.end()
        to = re.match(r"\s+to\s+|\s+for\s+(?=[A-Z])", ctx.text[obj:sentence.end]) \
            if re.search(r"pardons?$", match.group(0)) else None
        if to and "for" in to.group(0) and not PARDON_ISSUED.search(ctx.text, max(sentence.start, obj - 60), obj):
            to = None  # "asked for a pardon for X": sought; "issued a pardon for X": granted
        if to and pardon_withheld(ctx.text, sentence.start, sentence.start + match.start(), sentence.end):
            continue  # "has not granted a pardon to X", "refused to grant a pardon to X", "may grant a pardon to X",
            # "denied that the ruler had signed a pardon for X", "Has the ruler signed a pardon for X?"
        obj += to.end() if to else 0  # "granted pardons to researcher X and lawyer Y", "signed a pardon for X"
        # "the pardon of the blogger X", "the surprise release last month of X" (its time between)
        of = re.match(r"(?P<when>\s+(?:last|this|earlier\s+this)\s+(?:week|month|year)|\s+on\s+[A-Z][a-z]+day)?(?:\s+on\s+parole)?"
                      r"\s+of\s+",
                      ctx.text[obj:sentence.end]) \
            if re.fullmatch(r"(?:release|releases|pardon|pardons|freeing)", match.group(0), re.IGNORECASE) else None
        ahead = (max(sentence.start, sentence.start + match.start() - 50), sentence.start + match.start())
        done_noun = DONE_NOUN.search(ctx.text, *ahead)
        earlier = bool(of) and not done_noun and EARLIER_NOUN.search(ctx.text, *ahead) is not None
        if done_noun and UNDONE_BEFORE.search(ctx.text, max(sentence.start, done_noun.start() - 30), done_noun.start()):
            done_noun = None  # "Lithuania would welcome the release of A", "urged Minsk to announce the release of A"
        if of and not done_noun and not earlier and not _done_by_its_doer(ctx, sentence, ahead, obj + of.end()) and \
                not _opens_done(ctx, sentence, match, obj + of.end()) and \
                not (of.group("when") and re.search(r"\b(?:follows|followed)\s+(?:the\s+)?(?:\w+\s+)?$", ctx.text[ahead[0]:ahead[1]])):
            continue  # "demanded the release of X", "talks on the release of X": asked for, not done ("The pardon
            # follows the surprise release last month of X" is one done: its time is written)
        obj += of.end() if of else 0  # "the pardon of the blogger X", "secured the release of journalist Y"
        dated = earlier and _dated_after(ctx, sentence, sentence.start + match.start())  # (once for all it names)
        for person in list_members(ctx, sentence, obj):
            if to and re.match(r"[’']s\b", ctx.text[person.end:person.end + 3]):
                continue  # "signed a pardon for A's husband": the husband
            release = _earlier_freeing(ctx, person, dated) if earlier else ""
            if release is not None:
                record(person, sentence.start + match.start(), sentence.start + match.start(), person.end,
                       release=release)
        along = ALONG_WITH.match(ctx.text, sentence.start + match.end(), sentence.end)
        if along and not TO_BE_DONE.search(sentence.text, 0, match.start()) and \
                not ABOUT_SOMEONE.search(sentence.text, 0, match.start()):
            # "At least 13 other prisoners were released along with the teacher X": X too (not one hoped "to be released
            # along with X", nor "A, who was released along with X in 2024,": another freeing)
            for person in list_members(ctx, sentence, along.end()):
                record(person, sentence.start + match.start(), sentence.start + match.start(), person.end)
    # (a name, or a role's words first: "blogger A", not "the ruler A")
    colon = re.search(r":\s+(?=[A-Z]|(?!(?:the|a|an|his|her|their|its)\b)(?:[a-z][\w-]*\s+){1,3}[A-Z])", sentence.text)
    if colon and freeing and freeing[0].start() < colon.start() and not re.search(
            r"\b(?:but|not|except|excluding|still|remain\w*|other\s+than|without)\b",
            sentence.text[freeing[0].end():colon.start()], re.IGNORECASE):
        # "Belarus freed two journalists on October 23: A and B": the names the colon opens (not the subject of a
        # clause it opens: "...: A signed the decree")
        listed = list_members(ctx, sentence, sentence.start + colon.end())
        if listed and not CLAUSE_AFTER_NAME.match(ctx.text, listed[-1].end, sentence.end):
            for person in listed:
                record(person, sentence.start + freeing[0].start(), sentence.start + freeing[0].start(), person.end)
    pronoun = re.match(r"\s*(?P<who>He|She)(?=\s)", sentence.text)  # not inside a quotation ('"She is free," ...')
    verb = FREED_AFTER.match(ctx.text, sentence.start + pronoun.end(), sentence.end) if pronoun else None
    if verb is not None and ctx.previous_alone is not None and not NOT_PRISON.match(ctx.text, verb.end()) and \
            not SHORT_DETENTION.search(ctx.text, verb.end(), sentence.end):
        # "The blogger A hugged his mother at the border. He was released with his cellmate": the one person the
        # sentence before named, quoting no one (not after "X said", nor with two people to choose from), and no
        # detention of hours ("He was released without charge", "on bail"); never through a tie to someone ("A ran
        # after her husband, B, was jailed. He was freed": two people to choose from)
        record(ctx.previous_alone, verb.start(), sentence.start + pronoun.start("who"), verb.end(),
               _destination_after(ctx, sentence, verb.end()))
    _freed_together(ctx, sentence, record)
    addition = added_to_the_freed(ctx, sentence)
    if addition and done:
        # "In addition to A, who ..., the freed Americans included B and C": A is one of them
        for person in list_members(ctx, sentence, sentence.start + addition.start("who"))[:1]:
            record(person, sentence.start + addition.start(1), sentence.start + addition.start(1), person.end)
    _list_after_freeing(ctx, sentence, record)
    _counted_list(ctx, sentence, record)
    _dashed_list(ctx, sentence, record)
    _counted_apposition(ctx, sentence, record)
    _listed_item(ctx, sentence, record)
    _listed_then_freed(ctx, sentence, record)
    _all_of_whom(ctx, sentence, record)
    _section_subject(ctx, sentence, record)
    _counted_profile(ctx, sentence, record)
    _profiled(ctx, sentence, record)
    _among_the_counted(ctx, sentence, record)
    _named_among_the_freed(ctx, sentence, record)
    _met_upon_release(ctx, sentence, record)
    _one_of_the_counted(ctx, sentence, record)
    _named_as(ctx, sentence, record)
    _exchange_by_one_side(ctx, sentence, record)
    _the_counted_named(ctx, sentence, record)
    _moved(ctx, sentence, done)


WORKED_FOR = re.compile(r"\b(?:campaign\w*|fought|fight\w*|lobb\w*|negotiat\w*|press\w*|push\w*|work\w*|advocat\w*|"
                        r"call\w*|plead\w*|appeal\w*|secure)\b(?:\s+[\w-]+){0,4}?\s+(?:for\s+)?$", re.IGNORECASE)
"""Before a name, words of working for its freeing: "campaigned for years for", "fought tirelessly for", "is
negotiating"."""
RELEASE_UNDONE = re.compile(rf"[’']s\s+release\s+(?:\w+ly\s+)?(?:{UNDONE}|is\s+(?:still\s+)?(?:not|a|an|the|unlikely|uncertain)\b|"
                            r"seems|looks)", re.IGNORECASE)
"""Right after "X's release", words that leave it undone ("X's release remains a priority", "would be a gesture")."""


def _release_sought(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when "X's release" is asked, worked or negotiated for, or a priority or a condition, not done ("Moscow had
    long sought X's release", "Supporters campaigned for years for X's release", "Washington has made X's release a
    priority", "X's release remains a priority")."""
    begin = person.begin
    return bool(WISH.search(ctx.text, max(sentence.start, begin - 40), begin) or
                WORKED_FOR.search(ctx.text, max(sentence.start, begin - 60), begin) or
                TALKS_ON.search(ctx.text, max(sentence.start, begin - 40), begin) or
                RELEASE_UNDONE.match(ctx.text, person.end))


EXCHANGE_DOER = re.compile(ACTOR + "$")
"""Right before an exchange's verb, the one who did it ("Belarus exchanged", "Poland has swapped")."""


ACTIVE_EXCHANGE = re.compile(r"(?<!\bbe\s)(?<!\bto\s)(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbeing\s)"
                             r"\b(?:exchanged|swapped|traded)\s+(?=(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}?[A-Z])")


TIED = re.compile(r"\b(?:in\s+return|in\s+exchange|as\s+part\s+of\s+(?:the|a|this)\s+(?:deal|swap|exchange|agreement)|"
                  r"under\s+the\s+(?:deal|agreement))\b", re.IGNORECASE)
"""Before the other side's exchange, the words that tie it to the page's release ("In return, Poland swapped ...")."""


def _exchange_by_one_side(ctx: Context, sentence: Sentence, record) -> None:
    """"Belarus exchanged the teacher A for the spy B": a single country's exchange frees whom it gives (before "for")
    and gets whom it is given (after): on a page about Belarus's release, A is freed in it and B by the other side,
    the other way round when the doer is the other side and the sentence ties its exchange to the page's release ("In
    return, Poland swapped B for A"; an untied one may be a third country's). Not when two doers exchange ("The US and
    Belarus have exchanged A for B": the page must say who freed whom), nor a passive exchange."""
    match = ACTIVE_EXCHANGE.search(sentence.text) if ctx.country is not None else None
    if match is None:
        return
    offset = sentence.start + match.start()
    start, _ = sentence.clause(offset)
    doer = EXCHANGE_DOER.search(ctx.text, start, offset)
    if doer is None or re.search(r"(?:\band|[A-Z][\w.’'-]*\s*,)\s*$", ctx.text[start:doer.start()]) or \
            re.search(r"\band\s", doer.group("actor")):
        return
    country = country_named(ctx, sentence, doer, "actor", -1)
    if country != ctx.country and not TIED.search(ctx.text, sentence.start, doer.start()):
        return  # another country's exchange, not tied to the page's release: a third country's swap, perhaps
    given = list_members(ctx, sentence, sentence.start + match.end())
    after = re.match(r"\s+for\s+", ctx.text[given[-1].end:sentence.end]) if given else None
    if country is None or after is None:
        return
    got = list_members(ctx, sentence, given[-1].end + after.end())
    freed_here, freed_there = (given, got) if country == ctx.country else (got, given)
    for person in freed_there:
        ctx.other_side.add(surname(person))
    for person in freed_here:
        record(person, offset, person.begin, person.end)


def _done_by_its_doer(ctx: Context, sentence: Sentence, ahead: tuple[int, int], obj: int) -> bool:
    """True when a freeing noun's doer stands before it in the possessive ("Turkey's release of X"): a country, the
    page's own when it has one ("Poland's release of B" on a page about Belarus's release is the other side's), with
    no call, talks or condition before it ("demanded Belarus's release of X", "in return for Minsk's release of X"),
    nothing undone after it ("... would be a gesture", "... is not expected soon"), and a person, not footage or a
    statement, released (`obj`: where what was released begins)."""
    agent = AGENT_OF_NOUN.search(ctx.text, *ahead)
    if agent is None:
        return False
    country = country_named(ctx, sentence, agent, "agent", -1)
    if country is None or ctx.country is not None and country != ctx.country:
        return False
    before = (max(sentence.start, agent.start() - 40), agent.start())
    if WISH.search(ctx.text, *before) or TALKS_ON.search(ctx.text, *before):
        return False
    named = next(iter(list_members(ctx, sentence, obj)), None)
    end = sentence.clause(obj)[1]
    return named is not None and not NOT_A_PERSON.search(ctx.text, obj, named.begin) and \
        not NOT_DONE_AFTER.search(ctx.text, named.end, end)


def _list_ending_at(ctx: Context, sentence: Sentence, person: Name, plural: bool = False) -> list[Name]:
    """The names listed up to a person, joined by commas or "and" alone ("the convicted prisoners A, B, C are granted a
    remission"): each is the subject of what follows the last; two joined by "and" when that is a verb in the plural
    ("As news broke, A and B were quickly released")."""
    members = listed_up_to(ctx, sentence, person, stop=lambda earlier: OBJECT_OF.search(
        ctx.text, max(sentence.start, earlier.begin - 40), earlier.begin))
    # a list of three names or more; not "After pressure from Senator X, Y was released"
    begin = person.begin
    if plural and len(members) == 1:  # "The activist A and the lawyer B walked free": an article before the second
        named = persons(ctx, sentence)
        at = bisect.bisect_right(named, begin, key=lambda n: n.end) - 1  # the name ending nearest before (text order)
        before = named[at] if at >= 0 else None
        if before is not None and re.fullmatch(r"\s+and\s+(?:the|a|an)\s+", ctx.text[before.end:begin]) and \
                not OBJECT_OF.search(ctx.text, max(sentence.start, before.begin - 40), before.begin) and \
                not re.search(r"\b(?:for|representing|defending)\s+(?:[\w’'.-]+\s+){0,2}$",
                              ctx.text[max(sentence.start, before.begin - 40):before.begin]):
            members = [before] + members
    pair = plural and len(members) == 2 and re.fullmatch(r"\s+and\s+(?:(?:the|a|an)\s+)?",
                                                         ctx.text[members[0].end:begin])
    return members if len(members) >= 3 or pair else [person]


def _items_of_the_freed(ctx: Context, sentence: Sentence, begin: int, members: list[Name]) -> list[Name]:
    """After "Very few were pardoned. Among them are ...": each name of the sentence's list of the freed, whatever the
    items between say of the others ("the leader of the X party A, activist B from C, four people convicted in the D
    case, E, F, and two accused in the G case, H and I"), up to a clause of its own; never one speaking or described."""
    found = list(members)
    at = begin
    for person in persons(ctx, sentence):
        if person.start < begin:
            continue
        if re.search(r"[;:!?]|\.(?:\s|$)|\b(?:said|says|told|who|whose|which|while|but|remain\w*|still|not)\b",
                     ctx.text[at:person.begin]):
            break
        ahead = ctx.text[max(at, (person.role_start or person.start) - 60):person.role_start or person.start]
        if person not in found and not speaks(ctx, sentence, person) and not described(ctx, sentence, person) and \
                not RELATION_OF.search(ahead) and not re.search(r"\b(?:about|over|of|against|with|by|from|for|than)\s+"
                                                                 r"(?:[\w’'-]+\s+){0,2}$", ahead):
            found.append(person)  # not "the son of the writer X", "jailed over a post about blogger Y"
        at = person.end
    return found


WISHED_RELEASE = re.compile(r"\b(?:expect\w*|anticipat\w*|hop\w*|call\w*\s+for|demand\w*|urg\w*|want\w*|await\w*|seek\w*|"
                            r"sought|push\w*\s+for|lobb\w*\s+for)\s+(?:\w+\s+){0,3}?(?:release|freedom|freeing)\s+of\b[^.;]*$",
                            re.IGNORECASE)
"""Before a list, a release hoped for: "anticipated the release of many jailed dissidents, including"."""


RELATIONS_BEFORE_COLON = re.compile(r"\b(?:lawyers|relatives|families|wives|husbands|parents|children|sons|daughters|"
                                    r"colleagues|friends|supporters|spokesm[ae]n)\s*:$", re.IGNORECASE)
"""The people a colon lists when they are someone's relations or counsel, not the freed."""


OBJECT_OF = re.compile(r"\b(?:against|with|by|to|from|under|than|after|before|of|about|over|meeting)\s+(?:[\w’'.-]+\s+){0,2}$",
                       re.IGNORECASE)
"""Before a name, a word that makes it the object of something else ("pressure from Senator X", "after meeting X")."""


CLAUSE_AFTER_NAME = re.compile(r"[^,.;:()]{0,80}?\b(?:said|says|signed|signs|welcomed|welcomes|greeted|greets|"
                               r"confirmed|confirms|thanked|thanks|urged|urges|called|calls|told|tells|added|adds|met|"
                               r"meets|praised|praises|hailed|hails|announced|announces|visited|visits|wrote|writes)\b")
"""After the last name a colon opens, in its clause, a verb that makes the names a clause's subjects: "...: A signed the
decree", "...: A and her husband greeted them" (not "A and B plus a Ukrainian", "A and B as part of a deal")."""


TOGETHER = re.compile(r"(?:^\W*|\bthat\s+|"
                      # (after a saying's verb, only words that count them: not "the lawyers said they were freed")
                      r"\b(?:said|says|announced|confirmed|added)\s+(?![Tt]hey\b|[Aa]ll\s+of\s+them\b))"
                      r"(?P<who>[Tt]hey|[Aa]ll\s+of\s+them|"
                      r"[Bb]oth(?:\s+(?:men|women|individuals|prisoners|detainees|of\s+them))?|[Tt]he\s+pair|"
                      r"(?:[Tt]he|[Aa]ll)\s+(?P<number>two|three|four|five|six|seven|eight|nine|ten)"
                      r"(?:\s+(?:men|women|individuals|prisoners|detainees))?)(?=\s)")
"""The people named before, together, as the subject of a freeing or a journey: "The two men were released on Friday",
"the premier announced that the two women had been released", "The premier said the two women were freed", "All three
are already safe in Vilnius"."""


def _freed_together(ctx: Context, sentence: Sentence, record) -> None:
    """"Estonians A and B landed in Tallinn ... the premier announced that the two women had been released": each
    of those the last sentence naming anyone named (not its speakers, nor anyone inside a description), exactly two for
    "the two", "both" and "the pair"."""
    group = list(ctx.group_before or [])  # those the last sentence naming anyone told of: no speaker, none described
    if any(sentence.start <= p.start for p in group):
        return  # named in this sentence: not the people named before it
    for match in PAIRS_RELEASE.finditer(sentence.text):  # "Johnson celebrated the pair's release": a release done
        if DONE_BEFORE.search(sentence.text[max(0, match.start() - 40):match.start()]) and len(group) == 2:
            for person in group:
                record(person, sentence.start + match.start(), sentence.start + match.start(), sentence.start + match.end())
            return
    for match in TOGETHER.finditer(sentence.text):
        window = max(0, match.start("who") - NOT_SAID_REACH)
        if match.start() > 0 and (NOT_SAID_THAT.search(sentence.text, window, match.start("who")) or
                                  not match.group(0).lower().lstrip().startswith("that") and
                                  DOUBTED_SAYING.search(sentence.text, window, match.start())):
            continue  # "Officials denied that all three were released", "hope that they were freed"
        speakers = SPEAKERS_NOUN.match(sentence.text) if match.start() > 0 else None
        if speakers and re.search(rf"\b{speakers.group('noun')}\b", ctx.previous_sentence or "", re.IGNORECASE):
            continue  # "A and B are lawyers. The lawyers said the two women were freed": the two named are the speakers
        verb = FREED_AFTER.match(ctx.text, sentence.start + match.end(), sentence.end)
        if verb is None:
            _journey_together(ctx, sentence, match, group)
            continue
        if NOT_PRISON.match(ctx.text, verb.end()) or SHORT_DETENTION.search(ctx.text, verb.end(), sentence.end):
            continue
        group = _taken_up(ctx, match, group)
        if group is None:
            return
        for person in group:
            record(person, verb.start(), sentence.start + match.start("who"), verb.end())
        return


SPEAKERS_NOUN = re.compile(r"\W*(?:[Tt]he|[Tt]heir|[Bb]oth)\s+(?:[\w-]+\s+)?(?P<noun>[a-z]+s)\s+(?:\w+\s+)?"
                           r"(?:said|says|announced|confirmed|added)\b")
"""A saying's subject that is a group of people ("The lawyers said", "Their two lawyers confirmed"): when the sentence
before calls those it names so, they are the speakers, not the freed."""
NOT_SAID_THAT = re.compile(r"\b(?:den(?:y|ies|ied|ying)|rejected|hop(?:e|es|ed|ing)|doubt\w*|untrue|false(?:ly)?|unclear|"
                           r"(?:not|n[’']t|never|nobody|no\s+one)\s+(?:\w+\s+){0,2}?confirm\w*|"
                           r"refus\w*\s+to\s+confirm)\b"
                           r"(?:\s+[\w’'-]+){0,2}\s*,?\s*$", re.IGNORECASE)
"""Right before "that they ...", words that leave what follows denied, hoped for or unconfirmed: "Officials denied that",
"rejected suggestions that", "could not confirm that", "It is untrue that" (not "confirmed reports that", nor a hope
further back: "Hoping to ease sanctions, Minsk announced that")."""
DOUBTED_SAYING = re.compile(r"\b(?:not|n[’']t|never|no|neither|nor|nobody|none|wrongly|falsely|unconfirmed|whether|if|"
                            r"reportedly|rumou?rs?|claim(?:s|ed)?)\b", re.IGNORECASE)
"""Before a saying's verb with no "that" ("Officials have not said the two women were freed", "Unconfirmed reports said
the two women were freed"), a word that leaves what is said undone or in doubt."""
NOT_SAID_REACH = 80
"""How far before "they" or "the two" a denial or a hope is read ("has not confirmed the two women were freed"): a
window, so that a sentence of many sayings is read once."""
TO_MEET = re.compile(r"\s+to\s+(?:meet|see|visit|greet|join|welcome|collect|pick\s+up|reunite|be\s+with)\b", re.IGNORECASE)
"""After where someone is going, a purpose of meeting the freed: the journey of someone who goes to them."""


def _journey_together(ctx: Context, sentence: Sentence, match: re.Match, group: list[Name]) -> None:
    """"Both women are en route to Estonia", "They are on their way to Poland": where each of those the sentence
    before named went, when the page has drafted each of them freed (two for "both" and "the pair"), and the journey
    is not one before prison."""
    journey = TRAVELLED.match(ctx.text, sentence.start + match.end(), sentence.end)
    group = _taken_up(ctx, match, group) if journey is not None else None
    if journey is None or group is None or \
            not all(ctx.drafted_freed(person.id) for person in group) or _journey_before(ctx, sentence, journey.end()):
        return  # (a journey told before the page frees them may be one before prison: "The pair arrived in Minsk as
        # tourists", years before "... announced that the two women were freed")
    place = place_after(ctx, sentence, journey.end())
    if place is None or ctx.kind(place) != "place" or IN_CUSTODY.match(ctx.text, place.end, sentence.end) or \
            TO_MEET.match(ctx.text, place.end):
        return
    for person in group:
        ctx.add("sent_to", "entity", place.entity, sentence.start + match.start("who"), place.end,
                subject=ctx.note_person(person))
    # how many went there, when the words say it: "both", "the pair", "the two" (not "they", nor "The pair arrived in
    # Vilnius along with the 12 others": more went there), of the one release they were freed in
    counted = (bool(match.group("number")) or
               bool(re.match(r"\W*(?:both|the\s+pair)\b", match.group("who"), re.IGNORECASE))) and \
        not re.search(r"\b(?:(?:along|together)\s+with|alongside|among|others?)\b", ctx.text[place.end:sentence.end])
    releases = set().union(*(ctx.releases_freeing(person.id) for person in group))
    if counted and len(releases) == 1:
        rule, ctx.current_rule = ctx.current_rule, "destination-count"
        ctx.add("destination_count", "count", len(group), sentence.start + match.start("who"), place.end,
                subject=releases.pop(), scope=place.entity)
        ctx.current_rule = rule


DONE_BEFORE = re.compile(r"\b(?:celebrat|welcom|hail|confirm|announc|secur|won|obtain|greet)\w*\s+(?:\w+\s+){0,2}$",
                         re.IGNORECASE)
"""Before "the pair's release", a verb that says it is done: "celebrated", "welcomed", "secured"."""
PAIRS_RELEASE = re.compile(r"\b(?:the\s+pair|the\s+two(?:\s+(?:men|women))?|both\s+(?:men|women))[’']s?\s+release\b",
                           re.IGNORECASE)


def _taken_up(ctx: Context, match: re.Match, group: list) -> list | None:
    """The people named before whom the words of `TOGETHER` take up: two for "both" and "the pair"; for "the three"
    or "all three", three named before with no count of others between (`group_clear`; `counted_group`); any
    two or more for "they" and "all of them". None when the words cannot stand for them."""
    number = match.group("number")
    if number and number.lower() != "two":
        return counted_group(ctx, group, HOW_MANY[number.lower()]) if ctx.group_clear else None
    if len(group) < 2 or (number or re.match(r"(?:[Bb]oth|[Tt]he\s+pair)\b", match.group("who"))) and len(group) != 2:
        return None  # ("the two", as "both", of the last two named, wherever they were)
    return group


GROUP_LEAD = re.compile(r"(?:^\W*|[,;]\s*(?:while|whereas|and|but)\s+)"
                        r"(?:(?:A|An|The|Another)\s+(?:\w+\s+){0,2}?(?:group|number|handful)(?:\s+of\s+(?:them|prisoners))?|"
                        r"the\s+(?:remaining|other)\s+(?:[\w-]+\s+){0,2}?[\w-]+|the\s+rest(?:\s+of\s+them)?)\s*,\s*$",
                        re.IGNORECASE)
"""The group a list in its apposition names, opening the sentence or a clause of its own: "A smaller group, including
A, ...", "Seven were taken to Ukraine, while the remaining 33, including A, ..."."""


LIST_THEN_FREED = re.compile(r"\s*,?\s*(?:were|was|have\s+been|had\s+been)\s+(?:also\s+|later\s+|then\s+)?"
                             r"(?:freed|released|pardoned|set\s+free)\b")


def _list_then_freed(ctx: Context, sentence: Sentence, begin: int) -> bool:
    """True when the list from `begin` sits inside the subject of a freeing: "Eighteen supporters of the party,
    including the singer A and the guard B, were released"."""
    members = list_members(ctx, sentence, begin)
    return bool(members) and LIST_THEN_FREED.match(ctx.text, after_apposition(ctx.text, members[-1].end, sentence.end),
                                                   sentence.end) is not None


def _group_moved(ctx: Context, sentence: Sentence, before: str, begin: int) -> Name | None:
    """"A smaller group, including A, was taken directly to P", "..., while the remaining 33, including A, were moved
    to P": where a group the list names went (the list ends at the comma before the movement), else None."""
    if not GROUP_LEAD.search(before):
        return None
    members = list_members(ctx, sentence, begin)
    if not members:
        return None
    after = after_apposition(ctx.text, members[-1].end, sentence.end)
    moved = OTHERS_MOVED.match(ctx.text, after + (1 if ctx.text[after:after + 1] == "," else 0))
    place = place_after(ctx, sentence, moved.end()) if moved else None
    return place if place is not None and ctx.kind(place) == "place" else None


def note_other_side(ctx: Context, sentences: list[Sentence]) -> None:
    """Before any rule runs: the people the other side of an exchange frees anywhere on the page ("In return, the
    US released X"), so a headline that lists both sides ("Swap frees A, X") frees only A; and those the page says
    another country held ("X, a Canadian nurse held in Iran since 2022, was freed" on a page about Belarus's
    release): that country freed them, in none of the page's own release, wherever the page names their freeing."""
    for sentence in sentences:
        for match in sentence.freeing():
            if other_side(ctx, sentence, sentence.start + match.start()):
                ctx.other_side |= {surname(p) for p in list_members(ctx, sentence, sentence.start + match.end())}
        if ctx.country is not None:
            for person in persons(ctx, sentence):
                if held_elsewhere(ctx, sentence, person):
                    ctx.held_elsewhere |= {person.id, surname(person)}


HELD_IN = re.compile(r",\s+(?:(?:a|an|the)\s+)?(?:(?!(?:who|whose|whom|which|that|forum|conference|meeting|summit|talks|"
                     r"elections?|event|rally|protests?|son|daughter|wife|husband|brother|sister|father|mother)\b)"
                     r"[\w’'-]+\s+){0,4}?(?:held|jailed|imprisoned|detained|incarcerated)\s+"
                     r"(?:\w+\s+)?in\s+(?:(?:a|an|the)\s+)?(?P<where>(?:[A-Z][\w.’'-]*\s+){0,2}?[A-Z][\w.’'-]*)"
                     r"(?=\s+(?:prisons?|jails?|penal\s+colon(?:y|ies)|custody|detention|since|for|from|until|on|in)\b|"
                     r"\s*[,.;)]|\s*$)")
"""A description that says where someone was held: ", a Canadian nurse held in Iran since 2022", ", held in a
Polish prison for 9 years", ", a journalist jailed in Minsk in 2021"."""


def held_elsewhere(ctx: Context, sentence: Sentence, person: Name) -> bool:
    """True when the person's description says a country other than the page's held them (", held in an American
    prison" on a page about Russia's release): one the other side freed, not the page's country."""
    held = HELD_IN.match(ctx.text, person.end, sentence.end)
    if held is None or re.search(r"\b(?:previously|formerly|once|earlier)\b", held.group(0)) or \
            re.match(r"[^;.]{0,60}?\b(?:extradited|deported|handed\s+over|transferred|returned|later|again|rearrested)\b",
                     ctx.text[held.end():sentence.end]):
        return False  # (not one "detained in Ukraine in 2019 and extradited to Minsk", "held in Ukraine in 2014, was later
        # arrested in Minsk", "previously jailed in Poland": the page's country held them after)
    country = country_named(ctx, sentence, held, "where", -1)
    return country is not None and country != ctx.country


def moved_group_place(ctx: Context, sentence: Sentence) -> Name | None:
    """Where a sentence took a group ("Twelve others were handed over to Lithuania", "They were also flown to
    Vilnius"): the place after its last movement in the plural, for the list the next sentence gives of them
    ("Among them are ..., including A, B")."""
    place = None
    for move in re.finditer(rf"\b(?:were|have\s+been|had\s+been)\s+(?:also\s+|then\s+|later\s+)?{MOVED_TO}", sentence.text):
        place = place_after(ctx, sentence, sentence.start + move.end()) or place
    return place


def _listed_then_freed(ctx: Context, sentence: Sentence, record) -> None:
    """"X, Y, Z released by Minsk under the agreement": a list of names the participle of a freeing follows,
    as summaries and headlines write it (no "were")."""
    begin = sentence.start + (BULLET.match(sentence.text).end() if BULLET.match(sentence.text) else 0)
    members = list_members(ctx, sentence, begin)
    if len(members) < 2:
        return
    verb = re.match(r"\s+(?:(?:were|have\s+been)\s+)?(?:freed|released|pardoned|set\s+free)\b(?=\s+(?:by|from|in|on|as|after|"
                    r"under|to)\b|\s*[,.;]|\s*$)", ctx.text[members[-1].end:sentence.end])
    if verb:
        for person in members:
            record(person, members[-1].end, person.begin, members[-1].end + verb.end())


NOT_FREED_FOR_LONG = (r"hours\s+later|the\s+same\s+day|the\s+next\s+day|(?:a|one|two|three|\d+)\s+days?\s+later|"
                      r"after\s+(?:a\s+few\s+|\d+\s+|two\s+|three\s+)?hours|after\s+a\s+(?:short|brief)\s+detention|"
                      r"after\s+being\s+fined|from\s+(?:solitary|(?:a|the)\s+punishment)|into\s+the\s+general|"
                      r"posthumously|"
                      r"but\s+remain\w*|(?:to|under|into)\s+house\s+arrest|but\s+(?:have|has|had)\s+not|in\s+absentia|"
                      r"re-?arrest\w*|the\s+following\s+day|within\s+hours|shortly\s+after\w*|overnight|"
                      r"after\s+a\s+night|hours\s+after|pre-?trial|travel\s+bans?|after\s+serving")
"""After "were released" in a clause about a list, words of a short detention ("the next day", "overnight"), of a move
within prison or to house arrest, of a release before trial or with a travel ban, of a pardon after death, in absentia
or not carried out ("but have not been released"), of a rearrest, or of a term served: no freeing of the list."""
ALL_OF_WHOM = re.compile(r",\s+(?P<how_many>all|both|each)\s+of\s+whom\s+(?:were|was|(?:have|has)\s+(?:now\s+)?been)\s+"
                         r"(?:also\s+|now\s+|finally\s+|eventually\s+)?(?:freed|released|pardoned|set\s+free)\b"
                         rf"(?!{BRIEFLY}|[^,;.]{{0,40}}?\b(?:{NOT_FREED_FOR_LONG})\b)", re.IGNORECASE)
"""After a list of names, a clause saying the whole list was freed: "the release of A, B and C, all of whom were freed on
Friday", "A and B, both of whom were pardoned" (not "none of whom", "some of whom", "had been released" or "were later
freed": another time; nor "on bail", "hours later": a short detention)."""
OF_SOMEONE = re.compile(r"\b(?:of|for)\s+(?:[\w’'.-]+\s+){0,2}$", re.IGNORECASE)
"""Before a name, "of" or "for" (perhaps a role or a given name the registry does not know between): "The lawyer of A"."""
RELEASE_OF = re.compile(r"\b(?:release|releases|freedom|freeing|pardon|pardons)\s+(?:of|for)\s+(?:[\w’'.-]+\s+){0,2}$",
                        re.IGNORECASE)
"""Before a name, "the release of" (perhaps a role or a given name the registry does not know between): the name is the
object of a freeing noun, not another noun's ("The lawyer of A")."""


def _all_of_whom(ctx: Context, sentence: Sentence, record) -> None:
    """Each name of a list that a clause of "all of whom" (or "both", "each") says was freed: names joined by commas and
    "and", perhaps with roles, the object of "the release of" too; none inside another's description ("A, the wife of B,
    and C, both of whom ..."), exactly two for "both"."""
    for person in persons(ctx, sentence):
        clause = ALL_OF_WHOM.match(ctx.text, person.end, sentence.end)
        if clause is None or NOT_PRISON.match(ctx.text, clause.end()) or _dated_elsewhere(ctx, sentence, clause.end()):
            continue  # "..., both of whom were released from hospital", "..., all of whom were released in 2019"
        members = listed_up_to(ctx, sentence, person, roles=True, stop=lambda earlier: speaks(ctx, sentence, earlier))
        of_another = next((m for m in members if OF_SOMEONE.search(ctx.text, max(sentence.start, m.begin - 40), m.begin)
                           and not RELEASE_OF.search(ctx.text, max(sentence.start, m.begin - 40), m.begin)), None)
        if of_another is not None or len(members) < 2 or clause.group("how_many").lower() == "both" and len(members) != 2 \
                or any(described(ctx, sentence, member) for member in members[1:]):
            continue  # ("The lawyer of A, B and C, both of whom ...": who the lawyer is, the page leaves open;
            # "A, the wife of B, and C, both of whom": B is in A's description)
        for member in members:  # the clause tells their freeing: what they say after it is the freed's word
            record(member, clause.start(), member.begin, clause.end(), told_freed=True)


COUNTED_LEAD = re.compile(r"\W*(?:[\w-]+\s+){1,3}?(?:citizens|nationals|prisoners|detainees|activists|journalists|"
                          r"people|men|women|foreigners|clerics|priests|[A-Z][a-z]+(?:ans|ese|is))\s*,\s*")


def _counted_list(ctx: Context, sentence: Sentence, record) -> None:
    """"Two Estonian citizens, A and B, were also freed": a list in apposition to a count of people is freed with
    the count's verb."""
    lead = COUNTED_LEAD.match(sentence.text)
    if lead is None or not any(f.start - sentence.start < 3 for f in sentence.figures):
        return
    members = list_members(ctx, sentence, sentence.start + lead.end())
    if not members or members[0].start - (sentence.start + lead.end()) > 40:
        return
    verb = re.match(r"\s*,\s*(?=(?:was|were|have|had|has)\b)", ctx.text[members[-1].end:sentence.end])
    freeing = FREED_AFTER.match(ctx.text, members[-1].end + verb.end()) if verb else None
    if freeing:
        for person in members:
            record(person, freeing.start(), sentence.start, freeing.end())


SHORT_OR_TO = re.compile(rf"{BRIEFLY}|\s+to\s")
"""After a freeing verb, a short detention's end or a freedom to do something ("are free to run")."""
DASH_CLOSED = re.compile(r"(?:,\s*\d{1,3})?\s*(?:—|–|--)")
"""After the last of the names the dashes enclose (perhaps its age), the closing dash, spaced or not."""
DASHED_LEAD = re.compile(rf"\W*(?:(?:the|these|those|all|both)\s+)?"
                         rf"(?:(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+)?"
                         rf"{ADJECTIVES}"
                         rf"(?:{PEOPLE}|(?(count)(?P<plural>[a-z]+s)|(?!)))\s*(?:—|–|--)\s*", re.IGNORECASE)
"""A sentence's opening plural of people and a dash, the names of whom the dashes enclose: "Political prisoners—",
"The six dissidents – ", after a count any plural, "Three teachers — " (not "Lawyers for the activists – ",
"Relatives of prisoners – ", "Photographs showing the prisoners — ": only words that say what kind they are before the
plural)."""


def _dashed_list(ctx: Context, sentence: Sentence, record) -> None:
    """"Political prisoners—A, B and C—have been released": the names set off by dashes after the subject's noun of
    people are freed with the verb that follows the closing dash (not "... were jailed in 2019", nor a freeing they
    do: "... released a statement")."""
    lead = DASHED_LEAD.match(sentence.text)
    if lead is None:
        return
    begin = sentence.start + lead.end()
    members = list_members(ctx, sentence, begin)
    if not members or begin not in (members[0].start, members[0].role_start):
        return
    # (spaced or not; after the last one's age: "— A, 41, and B, 38 — were freed")
    closing = DASH_CLOSED.match(ctx.text, members[-1].end, sentence.end)
    verb = FREED_AFTER.match(ctx.text, closing.end(), sentence.end) if closing else None
    if verb is None or verb.group(0).lstrip().lower().startswith(("was ", "is ", "has ")) or \
            NOT_PRISON.match(ctx.text, verb.end()) or _dated_elsewhere(ctx, sentence, verb.end()) or \
            SHORT_OR_TO.match(ctx.text, verb.end()) or \
            lead.group("plural") and not title_word(lead.group("plural"), TITLE_WORDS):
        return  # (the verb of the plural they stand for; not "were released from hospital", "were freed last year",
        # "... released on police bail", "... from their posts", "are free to run"; after a count, a plural of a
        # role: "Three teachers —", not "Two players — A and B — were released by the club")
    for person in members:
        record(person, verb.start(), sentence.start, verb.end())


NOT_DONE_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|should|must|shall|can|cannot|not|never|n[’']t)\s+"
                             r"(?:\w+\s+)?$", re.IGNORECASE)
"""Right before a freeing verb, the words that leave it undone: "should free", "did not free", "is to release"."""
APPOSED_TO = re.compile(rf"\s+{ADJECTIVES}{PEOPLE}\s*,\s+(?=[A-Z])")
"""After a count the freeing governs, its plural noun and the comma of an apposition: "two Catholic priests, "."""
APPOSITION_END = re.compile(r"\s*(?:[,.;:!?”\"]|$|(?:on|in|at|last|this|after|from|to|and\s+sent|and\s+handed)\b"
                            r"(?![^,.;]{0,60}?\b(?:said|says|told|tells|reported|announced|wrote|added)\b))")
"""After the names of an apposition, what closes it: a comma, the sentence's end, a time or place ("..., A and B, on
Friday", "... A and B last week."); not a verb of saying ("..., A and B said"), nor one after where the speakers are
from ("A and B from the Viasna group told AFP", "A and B in Minsk said")."""


def _counted_apposition(ctx: Context, sentence: Sentence, record) -> None:
    """"Lukashenko pardoned two Catholic priests, A and B, convicted of ...": right after a count its freeing governs
    ("freed two journalists"), as many names as the count, closed by a comma, a time or the sentence's end, are the
    counted freed (not "freed two journalists, A said", nor two names after "three")."""
    for match in sentence.freeing():
        if match.group(0).lower() in ("free", "release", "pardon"):
            continue  # "demanded that Belarus free two journalists, A and B", "did not, however, free": not done
        after = sentence.start + match.end()
        figure = next((f for f in sentence.figures_within(after, after + 3) if not ctx.text[after:f.start].strip()), None)
        noun = APPOSED_TO.match(ctx.text, figure.end, sentence.end) if figure and figure.qualifier == "exact" else None
        if noun is None or EXCHANGE_WORD.match(match.group(0)) or \
                NOT_DONE_BEFORE.search(sentence.text, max(0, match.start() - 30), match.start()):
            continue  # "should free two journalists, A and B", "did not free ...": not done
        members = list_members(ctx, sentence, noun.end())
        if len(members) != figure.value or members[0].start != noun.end() and members[0].role_start != noun.end() or \
                not APPOSITION_END.match(ctx.text, members[-1].end, sentence.end):
            continue
        for person in members:
            record(person, sentence.start + match.start(), sentence.start + match.start(), person.end)


NOW_SOMEWHERE = re.compile(r"(?:,\s+who\s+(?:were|had\s+been)\s+[^,;.]{1,60},)?\s+(?:are|were)\s+now\s+(?:free|safe|home|"
                           r"back|in|at)\b")
"""After names listed under a shared title, what says they are the freed: "..., who had been political prisoners,
are now in Rome", "are now free"."""
THEY_WERE = re.compile(rf"(?:They|These|Those|The\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                       rf"(?P<noun>{PEOPLE})(?:\s+in\s+question)?)\s+(?:were|are)\s+(?=[A-Z])")
"""What opens a sentence that names the freed of the sentence before: "They were A, B, C, and D", "These are A and B",
"The priests in question are A and B" (a noun of the sentence before)."""


DASH_OPENING = re.compile(r"(?:[–—]|--)\s*$")
DASH_CLOSING = re.compile(r"\s*(?:[–—]|--)(?=\s)")
"""The dashes around a name that names the subject before it: "another name on the list – X – was freed as well"."""
FREEING_OTHERS = re.compile(rf"\s+(?:(?:had|has|have)\s+)?(?:also\s+|then\s+|later\s+|\w+ly\s+)?(?:freed|released|"
                            rf"pardoned|liberated|amnestied|freeing|releasing|pardoning)\s+(?:them|him|her|those|these|all|"
                            rf"both|(?:the|a|an|\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)\s+"
                            rf"(?:[\w-]+\s+){{0,2}}?{PEOPLE})\b")
"""After names, a freeing verb with its object, who are people: "A and B pardoned them", "A had released the
prisoners": the names free others, they are not freed (not "A and B released a statement")."""


POSSESSIVE = re.compile(r"\s?['’‘`](?:[sS]\b|(?<=s['’])\s)|(?<=s['’])\s")
"""A name's possessive ending: "A's", "A’s", "A ’s", "A'S", "Davis’ ..." (whose name may end in the apostrophe)."""
THEIR_FREEING = re.compile(r"\s*(?:(?!(?i:of|for|against|over|about|on)\b)[\w-]+\s+){0,2}?"
                           r"(?i:release|freedom|liberty|liberation|homecoming|return(?:\s+home)?|"
                           r"journey\s+(?:home|to\s+freedom)|road\s+(?:home|to\s+freedom)|arrival|reunion|pardons?)|"
                           r"\s*(?:[\w-]+\s+){1,3}?(?i:of|in)\s+(?i:freedom|liberty)")
"""After the possessive of names, what is the freeing of those named: "A and B's Release", "A and B’s long road home",
"A and B's First Days Of Freedom", "A and B's Long Awaited Release"."""
THEIR_FREEING_END = re.compile(r"\s*(?:[:–—|-]\s(?P<subtitle>.*)|\s(?i:from|in|at)\s+"
                               r"(?:(?:(?-i:[A-Z])[\w-]*\s+)?(?i:prison|jail|colony|airport|border|custody)|"
                               r"(?P<place>(?-i:[A-Z])[\w-]*"
                               r"(?:\s+(?-i:[A-Z])[\w-]*)?)))?[\s.!?]*$")
"""What may end a heading after their freeing: a subtitle after a colon or a dash ("A and B's Release: What We Know"), a
place or what they were freed from ("... Homecoming In Vilnius", "... Release From Prison"); not a clause ("... Release
Hopes Fade", "... Return To Court")."""
NOT_DONE_SUBTITLE = re.compile(r"\b(?i:not\s+yet|says\s+no|delay\w*|doubt\w*|den(?:y|ies|ied)|refus\w*|halt\w*|block\w*|"
                               r"postpon\w*|at\s+risk|fade\w*|dashed|stall\w*|cancel\w*|called\s+off|uncertain\w*)\b")
"""In a subtitle after their freeing, words that say it has not happened ("... Release: Minsk Says No", "... Release —
Not Yet")."""


def _theirs(ctx: Context, sentence: Sentence, last: Name) -> bool:
    """True when the last name of a list, or a name the list goes on to ("A, B and C's Diplomacy"), is in the possessive
    of something other than their freeing ("A and B's Diplomacy": what is theirs, not them; not "A and B's Release")."""
    # (a list the strict reading stopped short of: a name in the possessive may be read as no one's)
    ahead = re.match(r",?\s+and\s+(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*", ctx.text[last.end:sentence.end])
    end = last.end + ahead.end() if ahead else last.end
    end = end - 1 if ctx.text[end - 1:end] in ("'", "’") else end
    owned = POSSESSIVE.match(ctx.text, end, sentence.end)
    freeing = THEIR_FREEING.match(ctx.text, owned.end(), sentence.end) if owned else None
    ending = THEIR_FREEING_END.match(ctx.text, freeing.end(), sentence.end) if freeing else None
    if ending and ending.group("place") and \
            ctx.registry.kind(ctx.registry.resolve(ending.group("place")).entity_id or "") != "place":
        ending = None  # "... Release In Doubt", "... Release At Risk": no place the registry knows
    if ending and ending.group("subtitle") and NOT_DONE_SUBTITLE.search(ending.group("subtitle")):
        ending = None
    return bool(owned) and not ending


NAMES_ACT = re.compile(r"\s+(?:on\s+[A-Z][a-z]+day\s+)?(?:\w+ly\s+)?(?:urge|call|ask|press|demand|appeal|meet|met|thank|"
                       r"welcome|praise|hail|condemn|critici[sz]e|say|said|tell|told|warn)(?:s|es|ed|d)?\b",
                       re.IGNORECASE)
"""After names that open a line, a verb they are the subject of, so they are no list of the freed: "A, B urge C",
"A, B Jointly Urge C"."""


def _list_after_freeing(ctx: Context, sentence: Sentence, record) -> None:
    """"All of them are free now. A, B, C -- we waited for them", "Iran freed four Americans. They were A, B, C, and
    D": a sentence that opens with a list of names, or with "They were" and as many names as the sentence before freed,
    after a sentence about freeing (a name in the possessive ends a list: "They were A and B's colleagues" names no
    list)."""
    if not ctx.previous_freeing:
        return
    lead = THEY_WERE.match(sentence.text)
    if lead and lead.group("noun") and not re.search(
            rf"{FREEING.pattern}(?:(?!\b(?:with|whose|by|after|talks|from)\b|\b(?:on|in)\s+(?-i:[A-Z]))[^.;])"
            rf"{{0,40}}?\b{re.escape(lead.group('noun'))}\b", ctx.previous_sentence, re.IGNORECASE):
        return  # "freed two priests. The judges in question are A and B", "freed two prisoners after talks with two US
        # lawmakers. The lawmakers in question are A and B": the noun of the freed count of the page's release only
    begin = sentence.start + (lead.end() if lead else 0)
    members = list_members(ctx, sentence, begin, strict=True)
    if members and (FREEING_OTHERS.match(ctx.text, members[-1].end, sentence.end) or
                    NAMES_ACT.match(ctx.text, members[-1].end, sentence.end) or _theirs(ctx, sentence, members[-1])):
        return  # "A and B pardoned them after talks", "A, B urge C to free the rest": who freed or asked, not the freed;
        # "A and B's Diplomacy", a heading: what is theirs, not them
    if lead and (len(members) not in ctx.previous_counts or STILL_HELD.search(ctx.previous_sentence) or
                 re.search(r"\b(?:and|but)\s+(?:\w+\s+){0,2}others?\b", sentence.text) or
                 re.search(r"\b(?:but|while|whereas|and)\s+(?:\w+\s+){0,3}?(?:arrested|detained|sentenced|jailed|convicted)\b",
                           ctx.previous_sentence)):
        return  # "They were" names as many as the sentence before freed in the page's release ("freed four Americans.
        # They were A, B, C and D"), not two after four, nor those it says are still held or arrested ("..., but two
        # remain jailed. They are A and B"), nor a release of another year
    # "Fathers A and B, who had been political prisoners, are now in Rome": a title in the plural shared by as many
    # names as the sentence before freed, who are now somewhere (not officials: "Ministers A and B welcomed the move";
    # not what they do to others, "Officers A and B drove them to the border"; not after "two others are still held")
    titled = re.fullmatch(r"\W*(?P<title>[A-Z][a-z]+s)\s+", ctx.text[begin:members[0].start]) if members and not lead else None
    shared = titled and title_word(titled.group("title")) and not OFFICE_WORDS.search(titled.group("title")[:-1]) and \
        len(members) in ctx.previous_counts and NOW_SOMEWHERE.match(ctx.text, members[-1].end, sentence.end) and \
        not STILL_HELD.search(ctx.previous_sentence)
    if len(members) >= 2 and (members[0].start - begin < 3 or shared):
        for person in members:
            record(person, sentence.start, sentence.start, members[-1].end, review="section")


def _profiled(ctx: Context, sentence: Sentence, record) -> None:
    """A heading that is only a person's name, under a line that introduces some of the freed one by one (each
    heading that is a name keeps the list open; another heading, or PROFILE_REACH sentences without one, ends it):
    one of the freed, unless the page has presented them as no prisoner (an official, a lawyer) or as still held."""
    person = name_heading(ctx, sentence) if ctx.profiles else None
    if person is not None and person.id not in ctx.not_prisoners and surname(person) not in ctx.still_held:
        record(person, sentence.start, person.start, person.end, review="section")


AMONG_COUNTED = re.compile(r"\s+(?:is|was|are|were)\s+(?:also\s+)?(?:among(?:st)?|one\s+of)\s+(?:these|those|the)\s+")
COUNTED_NOUN = re.compile(rf"\s+{ADJECTIVES}{PEOPLE}\b")  # the nouns a count of the freed is written with


COUNTED_THERE = re.compile(rf"among(?:st)?\s+(?:these|those|the)\s+(?P<figure>\S+)\s+{ADJECTIVES}{PEOPLE},?\s+there\s+"
                           r"(?:is|are|was|were)\s+$", re.IGNORECASE)


def _counted_freed(ctx: Context, value: int, noun: str | None = None) -> bool:
    """True when the page has drafted a count of the freed of `value` (written with `noun` in its sentence, if given)."""
    return any(d.property == "released_count" and d.value == value and
               (noun is None or re.search(rf"\b{noun}\b", re.split(r"[.!?\n](?:\s|$)", ctx.text[d.start:d.start + 160])[0]))
               for d in ctx.drafts)


def _the_counted_freed(ctx: Context, sentence: Sentence, trigger: re.Match) -> bool:
    """"Among the three prisoners, there is also X": "among" a number of people the article has counted as freed (not
    "among the 900 detainees still held", another count)."""
    among = COUNTED_THERE.match(trigger.group(0))
    figure = next((f for f in sentence.figures if among and f.start == sentence.start + trigger.start() +
                   among.start("figure")), None)
    return figure is not None and _counted_freed(ctx, figure.value)


PURPOSE = re.compile(r"\bto\s+(?:negotiate|close|meet|discuss|secure|attend|hold|sign|mediate|broker|finali[sz]e)\b",
                     re.IGNORECASE)
"""A journey's purpose that makes those travelling the negotiators, not the freed."""
THE_COUNTED_NAMED = re.compile(r"\W*The\s+(?P<figure>\S+)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z]+s|men|women|people)\s*,\s*")
ANYONE_FREED = re.compile(r"(?:men|women|people|prisoners|detainees|inmates|captives|hostages|nationals|citizens)$")
COUNTED_NAMED_MOVED = re.compile(rf"\s*,\s*(?:also\s+|later\s+|then\s+|safely\s+)?{MOVED}\s+(?:\w+\s+){{0,2}}?"
                                 rf"(?:to|into|in)\s+")


def _the_counted_named(ctx: Context, sentence: Sentence, record) -> None:
    """"The two men, A and B, landed in London": as many names as the page counted freed, set beside that count and
    then going somewhere, are the freed, and went there."""
    lead = THE_COUNTED_NAMED.match(sentence.text)
    figure = next((f for f in sentence.figures if lead and f.start == sentence.start + lead.start("figure")), None)
    noun = lead.group("noun") if lead else ""
    if figure is None or not _counted_freed(ctx, figure.value, None if ANYONE_FREED.match(noun) else noun):
        return  # (the count's own noun, or one anyone freed is: not "the two envoys" after "two drivers were freed")
    members = list_members(ctx, sentence, sentence.start + lead.end())
    moved = COUNTED_NAMED_MOVED.match(ctx.text, members[-1].end, sentence.end) if len(members) == figure.value else None
    place = (place_after(ctx, sentence, moved.end()) or new_place(ctx, sentence, moved.end())) if moved else None
    if place is None or ctx.kind(place) != "place" or PURPOSE.search(sentence.text) or \
            (ctx.country and place.entity and ctx.registry.top(place.entity) == ctx.country):
        return  # "The two men, A and B, flew to Minsk to close the deal": envoys, going where the freeing was done
    for person in members:
        record(person, sentence.start, sentence.start, moved.end(), place)


ONE_OF_COUNTED = re.compile(rf"\b(?P<part>one|two|three|four|five)\s+of\s+(?:the|these|those)\s+(?P<figure>[\d,]+|[a-z]+)"
                            rf"(?:\s+{ADJECTIVES}{PEOPLE})?,\s+", re.IGNORECASE)
"""A part of a count of the freed, named beside it: "one of the 52, X, refused to cross", "two of the 14, X and Y,"."""
PARTS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
OF_SOMEONE = re.compile(r"\b(?:of|to|with|for|from|by|about|behind|beside)\s+$", re.IGNORECASE)
"""Before "one of the N", a word that makes the part another noun's object ("the daughter of", "the lawyer for")."""


def _one_of_the_counted(ctx: Context, sentence: Sentence, record) -> None:
    """"Her lawyer said one of the 29, X, had declined to cross": as many people as the part says, named right after
    a count the page drafted as freed (not "one of the 1,100 still held, X", nor "one of the 20 judges, X")."""
    for match in ONE_OF_COUNTED.finditer(sentence.text):
        if OF_SOMEONE.search(sentence.text, max(0, match.start() - 30), match.start()):
            continue  # "The daughter of one of the 52, A,", "Speaking to one of the 14, A": A is someone else
        figure = next((f for f in sentence.figures if f.start == sentence.start + match.start("figure")), None)
        if figure is None or not _counted_freed(ctx, figure.value):
            continue
        members = list_members(ctx, sentence, sentence.start + match.end())
        part = PARTS[match.group("part").lower()]
        first = members[0] if members else None
        if first is None or first.begin != sentence.start + match.end() or len(members) < part:
            continue
        for person in members[:part]:
            record(person, sentence.start + match.start(), sentence.start + match.start(), person.end)


NAMED_AS = re.compile(r",\s+(?:who\s+(?:were|was)\s+)?(?:named|identified)\s+as\s+")
THE_FREED_NAMED = re.compile(r"\W*(?:The|Those)\s+(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                             r"newly|recently)\s+)?(?:freed|released|pardoned)\s+"
                             r"(?:(?!(?:from|by|on|in|at|to|with|for|after|before|under)\b)[a-z][\w-]*\s+){0,2}?(?:were|was|"
                             r"have\s+been|had\s+been)\s+(?:named|identified)\s+as\s+")
"""A sentence that names the freed: "The freed women were identified as A and B", "The four freed local reporters were
named as A, B and C"."""


def _counted_by(ctx: Context, sentence: Sentence, figure, freeing: list) -> bool:
    """True when a freeing counts the figure: right before it ("released two Americans", "the release of two") or
    right after it ("the two freed citizens"); not "freed 14 in exchange for two spies", "two diplomats met them"."""
    return any(re.fullmatch(r"\s+(?:of\s+)?(?:(?:the|all|some|at\s+least)\s+)?", ctx.text[sentence.start + m.end():figure.start])
               for m in freeing if sentence.start + m.end() <= figure.start) or \
        any(re.fullmatch(r"\s+(?:[a-z]+\s+)?", ctx.text[figure.end:sentence.start + m.start()])
            for m in freeing if figure.end <= sentence.start + m.start())


THEM_AS = re.compile(r"\b(?:named|identified)\s+them\s+as\s+", re.IGNORECASE)
"""A freeing's people named, counted before: "did not name the three freed nationals, but kin identified them as"."""
HELD_OR_TAKEN = re.compile(r"\b(?:arrest\w*|detain\w*|jail\w*|held|remain\w*|still|sentenced|convicted|abduct\w*|"
                           r"kidnap\w*|seized|captured)\b", re.IGNORECASE)
NOT_THE_FREED = re.compile(r"\b(?:after|with|by|from|said|says|told|talks|who|which|whose|envoys?|officials?|and|but|while)\b|"
                           r"[;:,]", re.IGNORECASE)
"""Between a freeing and ", named as", words that make the named someone else than its object: another clause, a
speaker or a companion ("freed the activist, his lawyer, named as A, told AFP", "and arrested a third man, identified
as A")."""


def _named_as(ctx: Context, sentence: Sentence, record) -> None:
    """"Belarus freed two Austrians on Friday, named as A and B", "The freed men were identified as A and B": the
    people a freeing's object, or the freed, are named as (not "after talks with two envoys, named as A and B")."""
    freeing = sentence.freeing()
    for named in NAMED_AS.finditer(sentence.text):
        before = [m for m in freeing if m.end() <= named.start()]
        if not before or NOT_THE_FREED.search(sentence.text, before[-1].end(), named.start()) or \
                any(sentence.start + before[-1].end() <= p.start < sentence.start + named.start() for p in persons(ctx, sentence)):
            continue
        at = sentence.start + before[-1].start()
        members = list_members(ctx, sentence, sentence.start + named.end())
        if members and re.match(r"\s*,?\s*(?:said|says|told|added|wrote|confirmed)\b",
                                ctx.text[after_apposition(ctx.text, members[-1].end, sentence.end):sentence.end]):
            continue  # "..., named as A, said": a speaker
        for person in members:
            record(person, at, at, person.end)
    lead = THE_FREED_NAMED.match(sentence.text)
    for person in list_members(ctx, sentence, sentence.start + lead.end()) if lead else []:
        record(person, sentence.start, sentence.start, person.end)
    for named in THEM_AS.finditer(sentence.text):
        at = sentence.start + named.start()
        members = list_members(ctx, sentence, sentence.start + named.end())
        if not members or members[0].start - (sentence.start + named.end()) > 3:
            continue
        # as many as a freeing of the sentence counts ("did not name the three freed nationals", "released three
        # Americans"), with no arrest or detention about the count ("freed 14, but arrested two others; police
        # identified them as"); or as the sentence before freed in the page's release, saying none is still held
        counted = any(f.value == len(members) and f.qualifier == "exact" and f.end <= at and
                      _counted_by(ctx, sentence, f, freeing) and
                      not HELD_OR_TAKEN.search(ctx.text, max(sentence.start, f.start - 30), at) for f in sentence.figures)
        before = not freeing and len(members) in ctx.previous_counts and \
            not HELD_OR_TAKEN.search(ctx.previous_sentence) and not STILL_HELD.search(ctx.previous_sentence)
        if counted or before:
            for person in members:
                record(person, at, at, person.end)


UPON_RELEASE = re.compile(r"\b(?:upon|on|after|following)\s+(?:(?:his|her|their)\s+)?release\s+from\s+(?:the\s+|a\s+)?"
                          r"(?:[\w-]+\s+){0,3}?(?:prison|jail|custody|detention|penal\s+colony)\b", re.IGNORECASE)
"""A time set by someone's release: "upon release from the Kalinka prison", "after his release from jail"."""

GREETED = re.compile(r"\s+(?:was|were)\s+(?:warmly\s+)?(?:greeted|met|welcomed|embraced|received|cheered|hugged)\b"
                     r"(?:\s+by\s+[^,;.]{1,60}?)?\s*$")
"""After a name, to the time its release sets: its subject met by others ("A was welcomed by hundreds of fans")."""


def _met_upon_release(ctx: Context, sentence: Sentence, record) -> None:
    """"A was welcomed by hundreds of fans upon release from the Kalinka prison": the one met on being freed, the
    subject of the passive verb, named at the clause's start (not one who meets another on their release: "B hugged her
    son after his release", "B visited A after his release"; nor a term to come, "banned from journalism for three years
    after his release"; nor another time, "... after his release from prison in 2019")."""
    for phrase in UPON_RELEASE.finditer(ctx.text, sentence.start, sentence.end):
        start, _ = sentence.clause(phrase.start() - 1)  # the clause it ends ("after" begins a clause of its own)
        named = [p for p in persons(ctx, sentence) if start <= p.start < phrase.start()]
        if not named or not re.fullmatch(r"[\s\"“‘']*(?:[A-Z][\w’'-]*\s+){0,4}", ctx.text[start:named[0].begin]) or \
                not GREETED.match(ctx.text, after_apposition(ctx.text, named[0].end, phrase.start()), phrase.start()) or \
                len(named) > 1 or SHORT_DETENTION.search(ctx.text, phrase.start(), sentence.end) or \
                _dated_elsewhere(ctx, sentence, phrase.end()):  # (not "A was met by B after her release": B's)
            continue
        record(named[0], phrase.start(), named[0].begin, phrase.end())


def _leads(words: str) -> bool:
    """True when the words between a list's cue and its first name are at most an article and a role ("the teacher")."""
    return bool(re.fullmatch(r"(?:(?:the|an?)\s+)?(?:[a-z][\w-]*\s+){0,3}", words))


NAMED = re.compile(r"\b(?:named|listed|identified|counted|included)\s+")
AMONG_THE_FREED = re.compile(r",?\s+among\s+(?:the\s+(?:other\s+)?(?:\d[\d,]*\s+)?(?:freed|released|pardoned)\s+"
                             r"(?:prisoners|detainees|people|inmates|activists)|those\s+(?:freed|released|pardoned))\b")
"""After names a saying lists, where it puts them: "named A and B among the other freed prisoners", "listed A among
those released"."""


def _named_among_the_freed(ctx: Context, sentence: Sentence, record) -> None:
    """"The outlet named journalist A and academic B among the other freed prisoners": those it names, where a source
    lists them among the freed (not "named A among the prisoners still held", "among its candidates")."""
    listed_to = -1  # where the last list read ends: a "named" inside it ("A and another activist named B") starts none
    for named in NAMED.finditer(ctx.text, sentence.start, sentence.end):
        if named.start() < listed_to:
            continue
        members = list_members(ctx, sentence, named.end())
        listed_to = members[-1].end if members else listed_to
        if not members or not _leads(ctx.text[named.end():members[0].start]):
            continue
        among = AMONG_THE_FREED.match(ctx.text, after_apposition(ctx.text, members[-1].end, sentence.end))
        if among is None or re.search(r"(?:\bnot|\bnever|n[’']t|\bwrongly|\bmistakenly|\bfalsely|\berroneously|\bdenie[sd]\b[^,;.]*)"
                                      r"\s+(?:\w+\s+){0,2}$", ctx.text[max(sentence.start, named.start() - 40):named.start()]) or \
                re.search(r"\bcorrect(?:ed|s|ion)\b", ctx.text[named.end():sentence.end]) or \
                _dated_elsewhere(ctx, sentence, among.end()) or SO_FAR.search(ctx.text, named.end(), sentence.end) or \
                STILL_HELD.search(ctx.text, among.end(), sentence.end):
            continue  # "had not named A among those released", "... released last year", "... since 2024", "..., but
            # he remains in prison"
        for person in members:
            record(person, named.start(), named.start(), among.end())


def _among_the_counted(ctx: Context, sentence: Sentence, record) -> None:
    """"X is among these 14 people": one of a number of people the article has counted as freed (and only then:
    "among the 900 still held" is another count)."""
    for person in persons(ctx, sentence):
        among = AMONG_COUNTED.match(ctx.text, after_apposition(ctx.text, person.end, sentence.end))
        figure = next((f for f in sentence.figures if among and f.start == among.end()), None)
        noun = COUNTED_NOUN.match(ctx.text, figure.end) if figure else None
        if noun and _counted_freed(ctx, figure.value):
            record(person, sentence.start, person.begin, noun.end())


COUNTED_THEM = re.compile(rf"\W*Among\s+(?:them|those\s+(?:freed|released|pardoned))\s+(?:were|are)\s+(?P<figure>\S+)\s+"
                          rf"{ADJECTIVES}{PEOPLE}\b")
"""After a freeing, a count of a group of the freed whose members the paragraphs below profile one by one ("Among them
were nine reporters and bloggers who had faced long sentences")."""


def counted_profiles(ctx: Context, sentence: Sentence) -> int:
    """How many of the freed a lead like COUNTED_THEM says the page profiles below it (0 when it is no such lead)."""
    lead = COUNTED_THEM.match(sentence.text)
    if lead is None or not (ctx.previous_freeing or sentence.freeing()) or \
            STILL_HELD.search(ctx.previous_sentence) or STILL_HELD.search(sentence.text):
        return 0  # "... released 52, though more than 1,100 remain behind bars. Among them are 30 journalists": the held
    figure = next((f for f in sentence.figures if f.start == sentence.start + lead.start("figure")), None)
    return figure.value if figure is not None and figure.qualifier == "exact" else 0


PROFILE_TOLD = re.compile(r",\s+[^.;]{2,250}?,\s+(?:and\s+)?(?:who\s+)?(?:was|were|had\s+been|has\s+been)\s+")
"""After a profile's name, its description set off by commas (however long), then the verb of what was done to them."""
PROFILE_OPENING = re.compile(r"\b(?:arrested|detained|jailed|imprisoned|sentenced|convicted|charged|held)\b", re.IGNORECASE)


def _counted_profile(ctx: Context, sentence: Sentence, record) -> None:
    """Below a lead that counts a group of the freed: each paragraph that opens with a person, a description after the
    name and an arrest or a sentence ("X, a producer with Y Radio, was detained in March 2022 and sentenced ...") is
    one of them, as many as the lead counts; a paragraph of prose that opens otherwise ends the profiles (a caption or
    a subheading does not)."""
    if ctx.profiled_left and sentence.heading and (STILL_HELD.search(sentence.text) or
                                                   re.search(r"\b(?:still|remain\w*)\b", sentence.text, re.IGNORECASE)):
        ctx.profiled_left = 0  # a subheading "Still behind bars": the profiles below are of others
    if not ctx.profiled_left or sentence.heading or ctx.text[ctx.text.rfind("\n", 0, sentence.start) + 1:sentence.start].strip():
        return  # only the first sentence of a paragraph of prose
    first = next(iter(persons(ctx, sentence)), None)
    told = PROFILE_TOLD.match(ctx.text, first.end, sentence.end) if first is not None else None
    begin = None if first is None else first.begin
    if first is None or not re.fullmatch(r"\W*", ctx.text[sentence.start:begin]) or \
            told is None or not PROFILE_OPENING.match(ctx.text, told.end()):
        ctx.profiled_left = 0
        return
    end = told.end()
    line_end = ctx.text.find("\n", sentence.start)
    paragraph = ctx.text[sentence.start:line_end if line_end >= 0 else len(ctx.text)]
    if STILL_HELD.search(paragraph) or re.search(r"\b(?:bail|not\s+(?:among|one\s+of))\b", paragraph, re.IGNORECASE) or \
            re.search(r"\b(?:wife|husband|spouse|son|daughter|mother|father|brother|sister|lawyer|relative)\s+of\b",
                      ctx.text[first.end:told.end()], re.IGNORECASE):
        return  # "... and remains in prison", "She was not among those freed", "the wife of X, ... released on bail"
    ctx.profiled_left -= 1
    record(first, sentence.start, begin, end, review="section")


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
    if by_the_other_side(ctx, sentence):
        return  # "- C, hacker – released from Poland"
    if re.match(r"\W*[\"“‘]", sentence.text) or not (end > first.end or re.search(
            r"\b(?:sentenced|convicted|jailed|imprisoned|arrested|detained|prison|colony|years?|charged|served)\b",
            sentence.text, re.IGNORECASE)):
        return  # a quotation, or a sentence that describes no prisoner: not one of the freed the section lists
    record(first, sentence.start, first.role_start or first.start, end if end > first.end else first.end,
           review="section")


ARRIVAL_REACH = 300
"""How far before a name "following her arrival in <place>," is looked for."""


TRAVELLED = re.compile(r"\s*(?:also\s+|later\s+|then\s+|safely\s+)?(?:(?:had|has)\s+left\s+for\s+|left\s+for\s+|"
                       r"(?:(?:has|have)\s+(?:(?:now|already|safely|finally|since|also)\s+)*(?:arrived|flown|landed|gone|"
                       r"headed|returned)|"
                       r"arrived|flew|landed|travell?ed|went|headed|returned|"
                       r"(?:is|was|are|were)\s+(?:(?:now|both|all)\s+)*[\"“]?(?:travell?ing|heading|flying|returning|en\s+route|"
                       r"on\s+(?:their|his|her)\s+way)|"
                       # "All three are already safe in Vilnius", "All three had been taken to Vilnius"
                       r"(?:is|are)\s+(?:(?:now|both|all|already)\s+)*safe|"  # (not "were safe in P until their arrest")
                       r"(?:(?:have|had|has)\s+(?:(?:now|already|also)\s+)*been|were|was|(?:are|is)\s+being)\s+"
                       r"(?:(?:now|already|also|then|later)\s+)*"
                       r"(?:transferred|taken|flown|driven|brought|moved|bused|escorted|handed\s+over))"
                       r"\s+(?:\w+\s+){0,2}?(?:to|into|in)\s+)")
"""A person's own journey, in the active voice ("He arrived in Vilnius", "She flew to Warsaw the next day", "he is
travelling to Lithuania", "he had left for Poland", "The two women landed in Tallinn", "is en route to Sweden", "are on
their way to P", "X has returned to Australia", "they have now arrived in Vilnius", "He has since arrived in Poland"), or
in the passive ("had been taken to Vilnius", "are being bused to Lithuania"), or where they are safe now ("are already
safe in Vilnius"):
where a person the page has freed went; no reason to think anyone else freed ("The U.S. envoy flew to Minsk"). Not a
past before the freeing ("had returned to Lithuania after the protests but was seized"), nor a habit ("has travelled to
Lithuania many times")."""


def _journey_before(ctx: Context, sentence: Sentence, offset: int) -> bool:
    """True when a journey told from `offset` on came before the release: dated before it, told as earlier, or followed
    by an arrest ("She was travelling to Vilnius in 2021 when she was pulled off a bus and arrested"; not "He arrived in
    Vilnius on December 3", the day after)."""
    rest = ctx.text[offset:sentence.end]
    known = ctx.release_dates.get(ctx.release) if ctx.release else None
    return bool(EARLIER_WORDS.search(rest) or
                re.search(r"\b(?:when|and|then|before\s+being)\b[^.;]{0,40}?\b(?:arrested|detained|jailed|imprisoned|pulled\s+off)\b",
                          rest) or
                # "had been transferred to Minsk after their arrest", "until his arrest", ", where he was arrested"
                # (not "four years after she was arrested": long after)
                re.search(r"(?<!years\s)(?<!months\s)(?<!weeks\s)(?<!year\s)(?<!month\s)"
                          r"\b(?:after|until|following|upon|on)\s+(?:their|his|her)\s+(?:arrests?|detention|capture|"
                          r"convictions?|trials?|sentencing)\b|"
                          r"(?<!years\s)(?<!months\s)(?<!weeks\s)(?<!year\s)(?<!month\s)"
                          r"\b(?:after|following|soon\s+after|once)\s+(?:being|(?:he|she|they)\s+(?:was|were|had\s+been))\s+"
                          r"(?:\w+\s+)?(?:arrested|detained|convicted|sentenced|seized|captured)\b|"
                          r"\bfor\s+(?:(?:a|their|his|her)\s+)?(?:trial|interrogation|questioning|sentencing)\b|"
                          r"\bwhere\s+(?:he|she|they)\s+(?:was|were|had\s+been)\s+(?:first\s+)?(?:arrested|detained|jailed|"
                          r"held|imprisoned|tried|sentenced|convicted)\b", rest) or
                any(offset <= d.start and d.value and not d.relative and (known is None or parse_date(d.value).end < known.start)
                    for d in sentence.dates))


CLIENT_OF = re.compile(r"\b(?:(?:for|representing|defending|of|with|by|to|from|after|meeting)\s+(?:[\w’'.-]+\s+){0,2}|"
                       r"(?:who|whom|which)\s+(?:[\w’'.-]+\s+){1,4})$", re.IGNORECASE)
"""Before the first of two names, a word that makes it another's object ("The lawyer for A and the teacher B", "Guards
who had beaten the poet A and the teacher B"; not "that", more often reported speech's, "said on Saturday that")."""


def _last_listed(ctx: Context, sentence: Sentence) -> dict[int, Name]:
    """For each person a list of names goes on from ("A, 43, and B, 67, landed": A), the list's last name, by the
    person's id(): names each joined to the next by a comma or "and", past its description."""
    named = persons(ctx, sentence)
    last: dict[int, Name] = {}
    run: list[Name] = []
    for person, following in zip(named, named[1:] + [None]):
        run.append(person)
        gap = ctx.text[after_apposition(ctx.text, person.end, following.begin):following.begin] if following else None
        lead = ctx.text[max(sentence.start, run[0].begin - 40):run[0].begin]
        if gap is not None and (re.fullmatch(r",?\s*(?:and\s+)?", gap) or
                                re.fullmatch(r",?\s*and\s+(?:the|a|an)\s+", gap) and not CLIENT_OF.search(lead)):
            continue  # (also "The poet A and the teacher B landed": an article before the second's role; not "The
            # lawyer for A and the poet B landed", where A is the lawyer's client)
        last.update({id(m): run[-1] for m in run[:-1]})
        run = []
    return last


def _moved(ctx: Context, sentence: Sentence, done: set) -> None:
    """Where one person was taken: "X was transported to Lithuania", "Following her arrival in Ukraine, X"."""
    pronoun = PRONOUN.match(sentence.text)
    if pronoun and re.search(r"\b[Tt]hey\b", pronoun.group(0)) and ctx.last_person is not None and \
            not ctx.drafted_freed(ctx.last_person.id):
        pronoun = None  # "Lukashenko pardoned 14 prisoners. They were driven to Lithuania": the freed, not the one named
    subjects = persons(ctx, sentence) or ([ctx.last_person] if pronoun and ctx.last_person else [])
    here = {(n.start, n.end) for n in sentence.names}  # a set: a long list of names is one long sentence
    last_of = _last_listed(ctx, sentence)
    for person in subjects:
        named = (person.start, person.end) in here
        # (one of a list the verb follows: "A, 43, and B, 67, landed in Oman" - read after the list's last name)
        after = after_apposition(ctx.text, last_of.get(id(person), person).end, sentence.end) if named else \
            sentence.start + pronoun.end()
        match = re.match(rf"\s*(?:was|were|had\s+been|has\s+been)\s+(?:also\s+|later\s+|then\s+)?{MOVED}\s+"
                         rf"(?:\w+\s+){{0,2}}?{ACROSS}?(?:to|into|in|through|via)\s+",
                         ctx.text[after:sentence.end])  # "She was bused over the border to Poland"
        # one already freed: "He arrived in Vilnius" (the verb read first: the drafts are looked through only then)
        journey = TRAVELLED.match(ctx.text[after:sentence.end]) if match is None else None
        if journey is None and match is None and not named:
            # one already freed, in a group that went somewhere: "She was among the big group taken to Lithuania"
            journey = AMONG_MOVED.match(ctx.text[after:sentence.end])
        if journey is not None and (not ctx.drafted_freed(person.id) or not named and ctx.previous_unfreed - {person.id}):
            journey = None  # (not after a sentence that named someone else it did not free: "Belarus freed X, the envoy
            # Y said. She is travelling to Lithuania" may be Y's journey)
        if journey is not None and _journey_before(ctx, sentence, after + journey.end()):
            journey = None  # "She was travelling to Vilnius in 2021 when she was arrested": a journey before prison
        match = match or journey
        if match is None and named and sentence.freeing():
            # "X was among those freed; she was taken to Vilnius": the pronoun of the next clause is X
            match = re.search(rf"[;,]\s*(?:and\s+)?(?:she|he)\s+(?:was|had\s+been|has\s+been)\s+(?:also\s+|later\s+|then\s+)?"
                              rf"{MOVED}\s+(?:\w+\s+){{0,2}}?(?:to|into|in|through|via)\s+", ctx.text[after:sentence.end])
            if match and any(n.start >= person.end and n.start < after + match.start() for n in persons(ctx, sentence)
                             if n is not person):
                match = None
        # a place, or a country's border ("He was later taken to the Polish border": to Poland); not a jail there
        place = (place_after(ctx, sentence, after + match.end()) or border_of(ctx, after + match.end())) if match else None
        if place is not None and IN_CUSTODY.match(ctx.text, place.end, sentence.end):
            place = None  # "She was among the detainees who were taken to Minsk's Okrestina jail"
        if place is not None and journey is not None and not named and TO_MEET.match(ctx.text, place.end):
            place = None  # "His wife said she was overjoyed. She is en route to Vilnius to meet him": the wife's journey
        if place is None:
            if not named:
                continue
            # the arrival comes right before the name ("Following her arrival in Ukraine, X"): looked for
            # in the clause's reach, not the whole sentence before each name
            base = max(sentence.start, person.start - ARRIVAL_REACH)
            arrival = re.search(r"\b(?:after|following|upon|on)\s+(?:her|his|their)\s+arrival\s+(?:in|at)\s+",
                                ctx.text[base:person.start], re.IGNORECASE)
            if arrival:
                place = place_after(ctx, sentence, base + arrival.end())
                if place is None or not re.fullmatch(r",\s*", ctx.text[place.end:person.start]):
                    continue
                ctx.add("sent_to", "entity", place.entity, base + arrival.start(), person.end,
                        subject=ctx.note_person(person))
                if person.id not in done:
                    done.add(person.id)
                    freed(ctx, sentence, person, sentence.start, base + arrival.start(), person.end)
            continue
        begin = person.start if named else sentence.start
        ctx.add("sent_to", "entity", place.entity, begin, place.end, subject=ctx.note_person(person))
        if person.id not in done and journey is None:  # a journey of one already freed frees them no second time
            done.add(person.id)
            freed(ctx, sentence, person, after, begin, place.end)
