"""What the extract rules share: the drafted claim, the article being read, and its sentences.

A rule is a small function registered under a slug with `@rule("slug")`; `draft_article` runs
every rule on every sentence in the order they were registered, so a more specific rule claims
a figure or date before a general one can (`Context.take`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...ingest.entities import Registry
from ...ingest.figures import DateMention, Figure
from ...values import DateValue, parse_date
from .names import Name

RULES: dict[str, Callable] = {}

REVIEW: dict[str, str] = {
    "implied-count": "a count the article implies but does not write (X and 13 others; all of those freed; "
                     "others from a country): check the arithmetic",
    "relative-date": "a day read from a weekday or 'today' against the article's date: check the date",
    "list-item": "freed by its place in a list under a line about the freed, not by a verb beside the name",
    "section": "freed because the sentence opens a section or follows a sentence about the freed",
    "headline": "read from a headline or subheading, which compress and round",
    "other-release": "put on another release than the article's, by a date or year in its sentence",
    "undated-release": "a release proposed for the month the article appeared, since it writes no date",
    "close-spelling": "a person the registry does not know by this spelling but has one close to it",
    "only-release-of-year": "the article dates no freeing: put on the one release the registry dates to its year",
    "weekday-of-year": "an undated article's weekday: put on the one release of its year the registry dates to that "
                       "weekday; the page may report a release the registry does not know yet",
    "new-release-of-year": "the article dates no freeing: put on the one release of its year the registry has and no "
                           "claim of the project tells of yet (as when its contributor registered it for this article)",
    "registered-release": "the article's date names no release the registry dates: put on the one release the registry "
                          "has that no claim tells of and nothing dates (as when its contributor registered it for this "
                          "article): check it is the article's",
    "envoy-of-release": "the article dates no freeing and names no one the project frees: put on the one release of its "
                        "year the project names its envoy for; an envoy may serve in another release",
    "announced": "a release the freeing side announced or agreed, not reported done: check that it took place",
    "known-release": "the sentence dates no freeing: put on the release the project's claims already free the person in, "
                     "not the article's; check the article does not report a second freeing",
    "part-of-total": "political prisoners counted as a part of a larger total of the release: check they are not "
                     "everyone freed",
}
"""Why a draft is doubtful, by slug: a contributor checks the drafts carrying a mark first (docs/claims-format.md)."""


def rule(slug: str):
    """Register a rule under its slug; rules run in the order they are registered."""
    def register(function):
        RULES[slug] = function
        return function
    return register


@dataclass
class Draft:
    """A drafted claim: what the rules think the article says, for a person to check."""

    property: str
    kind: str  # count | date | entity | text
    value: object
    quote: str
    line: int
    subject: str = "TODO"
    qualifier: str = "exact"
    scope: str | None = None
    population: str | None = None
    note: str = ""
    start: int = 0
    rule: str = ""
    review: str = ""  # why a person should check this draft first: a slug of REVIEW, or ""

    @property
    def end(self) -> int:
        """Where its quote ends in the article."""
        return self.start + len(self.quote)


# "were exchanged at Ankara airport on Tuesday", "exchanged prisoners": an exchange frees those it speaks of; not "were
# exchanged at the border for two Belarusians", who are the other side's, nor "exchanged fire" or "letters"
EXCHANGED = (r"(?:were|was|been|being)\s+(?:[a-z]+ly\s+)?(?:exchanged|swapped)(?!(?:\s+[\w-]+){0,5}?\s+for\s+"
             r"(?:\d|an?\b|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|dozens\b|several\b|"
             r"(?-i:[A-Z])))|"
             r"(?:exchanged|swapped)(?!\s+(?:the\s+)?(?:lists?|views|bodies|remains|letters|fire|shots|messages|notes|"
             r"documents)\b)(?=\s+(?:[\w-]+\s+){0,3}?(?:prisoners|detainees|captives|inmates|hostages)\b|"
             # "exchanged the teacher Ivo Lamm for the spy Rasa Veld": people named on both sides of "for"
             r"\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}?(?-i:[A-Z])[\w’'-]+\s+(?-i:[A-Z])[\w’'-]+[^.;]{0,120}?\s+for\s+"
             r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}?(?-i:[A-Z])[\w’'-]+\s+(?-i:[A-Z]))")
EXCHANGE_WORD = re.compile(r"(?P<passive>(?:were|was|been|being)\s+(?:[a-z]+ly\s+)?)?(?:exchanged|swapped)$", re.IGNORECASE)
"""A word of freeing (FREEING, as it matched) that is an exchange's, and whether it is passive."""
EXCHANGED_WHO = re.compile(r"(?:\b(?:prisoners|detainees|captives|inmates|hostages|people|citizens|nationals)\b"
                           r"[^.;:]{0,60}|\b[A-Z][\w’'-]+\s+[A-Z][\w’'-]+\s+)$")
"""Before a passive exchange, who was exchanged: people ("12 prisoners ... were exchanged") or a name ("Ivo Lamm was
exchanged"), not shots or letters."""
# Words of freeing, and the words before them that make it a wish rather than an event.
WALKED_OUT = (r"(?:walked\s+out\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:prison|jail|penal\s+colony)|"
              # "returned home after being imprisoned", "returned to Poland on Friday after five years in prison"
              r"returned\s+(?:home|to\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,2})"
              r"(?:\s+(?:on|late|early)\s+\w+(?:\s+(?:morning|afternoon|evening|night))?)?\s+after\s+"
              r"(?:being\s+(?:imprisoned|jailed|held\s+(?:captive|hostage|in\s+(?:prison|jail)))|"
              r"(?:more\s+than\s+|nearly\s+|almost\s+|over\s+|some\s+)?[\w-]+\s+(?:years?|months?)\s+"
              r"(?:in\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:prison|jail|detention|custody|captivity)"
              r"(?!\s+(?:service|management|guards?|staff|officers?|system|authorit\w*|administration))|behind\s+bars|"
              r"of\s+(?:imprisonment|detention|captivity))))")
"""A way out of prison that frees: "walked out of prison", "walked out of the Hrodna jail" (not of a meeting or a court);
a return home after prison: "returned home after being imprisoned", "returned to Poland on Friday after five years in
prison" (not "returned home after a business trip")."""
NOT_WALKED_FREE = re.compile(r"\b(?:visit\w*|inspect\w*|meeting|seeing|client|Mass|furlough|last\s+time|escap\w*|broke\s+out|"
                             r"tunnel|jailbreak|gunmen|attack\w*|stormed|(?:a|the)\s+(?:prison\s+)?guard|warden|director|hearing|"
                             r"questioning|interrogation|without\s+charge|(?:serving|served|completing|completed)\s+(?:out\s+)?"
                             r"(?:his|her|their)\s+(?:[\w-]+\s+){0,2}(?:sentence|term)|end\s+of\s+(?:his|her|their)\s+"
                             r"(?:sentence|term)|term\s+(?:ended|expired))\b", re.IGNORECASE)
"""In a sentence where someone walked out of a prison, words that say it was no release: a visit, an escape, a short
detention, a term served out, or someone who works there."""
FREEDOM_WON = (r"(?:won|gained|regained)\s+(?:(?:their|his|her)\s+)?(?:freedom|liberty)"
               r"(?!\s+(?:of|to)\b|\s+from\s+(?!prison|jail|custody|detention|captivity))")
"""A freedom won back: "gained her freedom", "regained their liberty" (not "freedom of movement", "freedom to export",
"freedom from sanctions")."""
FREE = r"(?!(?<!\bset\s)(?<!\bsets\s)(?<!\bto\s)(?-i:Free\s+[A-Z]))free[sd]?"
"""A word of freeing: "free", "frees", "freed"; not "Free" before a capitalised word, a name's own word ("Radio Free
Asia", "the Free Press Union", "Free Syrian Army"), unless a verb's ("Belarus Sets Free Pavel Sarnak", "Belarus to Free
Pavel Sarnak" in a headline's capitals)."""
FREEING = re.compile(rf"\b(?:{FREE}|freeing|releas(?:e|ed|es|ing)|pardon(?:ed|s|ing)?|set\s+free|let\s+go|"
                     r"lets?\s+(?:[\w,-]+\s+){1,4}?go\b|"
                     r"(?:were|was|been)\s+(?:also\s+|then\s+|later\s+)?handed\s+over|"
                     rf"walked\s+free|{WALKED_OUT}|{FREEDOM_WON}|the\s+freed|liberated|amnestied|"
                     r"grant(?:ed|ing)\s+(?:an?\s+)?(?:(?:presidential|royal|full|complete)\s+)?(?:amnesty|clemency|remission)|"
                     rf"{EXCHANGED})\b", re.IGNORECASE)
FREEING_BODY = re.compile(r"\s+(?:commissions?|committees?|boards?|councils?|departments?|procedures?|petitions?|"
                          r"applications?|requests?|laws?)\b", re.IGNORECASE)
"""After a word of freeing used as a noun (`NOUN_BEFORE`), a body or a paper it names, no freeing: "the pardoning
commission had examined 1,100 appeals", "a pardon request" (not "Belarus has pardoned law student X", "freed council
member X")."""
NOUN_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.IGNORECASE)
THING_OBJECT = re.compile(r"\s+(?:an?|the|its|their|his|her|our)\s+"
                          r"(?:(?!(?:day|days|week|weeks|month|months|year|years|night|morning|evening|afternoon|weekend|"
                          r"same|following|next|previous|last|first|former)\b)[\w-]+\s+){0,2}?"
                          r"(?:statements?|reports?|videos?|lists?|photos?|photographs?|footage|figures|data|documents?|"
                          r"communiques?|communiqués?|declarations?|letters?|audio|recordings?|images?|details|information|"
                          r"names|findings|results|albums?|films?|books?|songs?|tracks?|plans?|budgets?|funds?|accounts?)"
                          r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:of|on|about|in|at|to|from|that|which|saying|with|for|and|by|"
                          r"detailing|showing|calling|after|before|this|last|yesterday|today|earlier|late|early)\b)",
                          re.IGNORECASE)
"""After "released", a thing put out, not a person set free: "the ministry released a statement on Friday", "released
the names of those freed" (the words of freeing of that sentence are elsewhere, if it has any). The thing's noun ends its
phrase: "released the film director X", "the video journalist X", "the former Information Minister X" are people, and
"released this week amid reports" and "released the day the statement was issued" are times."""
GRANTED_PARDON = r"granted\s+(?:an?\s+)?(?:(?:presidential|royal|full|complete)\s+)?(?:pardon|amnesty|clemency|remission)\b"
"""A passive pardon's words after "were" or "are": "granted a presidential pardon", "granted a complete remission"."""
GRANTING = r"(?:grant|issue|sign|give|offer|extend)\w*\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$"
PARDON_REFUSED = re.compile(
    rf"(?:\b(?:not|never)\s+(?:yet\s+)?(?:been\s+)?|n[’']t\s+(?:yet\s+)?(?:been\s+)?|"
    rf"\b(?:refus\w*|declin\w*|unlikely|yet)\s+to\s+){GRANTING}|"
    r"\b(?:denied|denies|deny|refused|refuses|withheld|withholds|rejected)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$|"
    r"\b(?:grant\w*|gave|give\w*|issu\w*|sign\w*)\s+no\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
"""Right before a pardon's noun (an aside read past), the verb that takes it, denied or refused: "has not granted
pardons to 37", "refused to grant a pardon to A", "denied a pardon to A", "granted no pardons to 51" (a word of another
clause is none: "With no fanfare, Minsk granted pardons to 37" is granted)."""
PARDON_TO_COME = re.compile(
    rf"\b(?:(?:set|due|going|expected|plans?|planned|planning|hopes?|hoped|hoping|consider\w*|is|are)\s+to|"
    rf"may|might|could|would|will|should|shall|can|cannot)\s+(?:\w+\s+)?{GRANTING}|"
    rf"\b(?:consider\w*|weigh\w*|mull\w*|discuss\w*|propos\w*)\s+{GRANTING}|"
    r"\boffer(?:ed|s|ing)?\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$|"
    r"\b(?:appeal\w*|ask\w*|call\w*|petition\w*|lobb\w*|push\w*|press\w*|request\w*|seek\w*|sought|plea\w*|bid)\s+"
    r"(?:for\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
"""The same verb still to come or asked for: "may grant a pardon to A", "is set to grant", "appealed for a pardon for
A" (a count after such words is a freeing announced or wished, read as such)."""
DENIED_REPORT = re.compile(r"\b(?:denied|denies|dismissed|rejected|refuted)\s+(?:\w+\s+){0,2}?"
                           r"(?:that|reports?|rumou?rs?|claims?)\b|\b(?:rumou?rs?|unconfirmed\s+reports?)\s+that\b|"
                           r"\bwhether\b", re.IGNORECASE)
"""Before a pardon in its sentence, a report of it denied or doubted: "The ministry denied that the ruler had signed a
pardon for A", "dismissed rumours that ...", "asked whether ..."."""


def pardon_withheld(text: str, sentence_start: int, noun: int, sentence_end: int, to_come: bool = True) -> bool:
    """True when the pardon whose noun starts at `noun` ("pardon to A", "pardons to 37") is not granted: denied or
    refused by the verb that takes it (past an aside set off by commas: "has not, despite appeals, granted"), a report
    of it denied or doubted that governs its clause ("denied that the ruler had signed", not "Minsk, which has denied
    that ..., granted"), a question of it ("Has the ruler signed a pardon for A?", not "..., but why now?"), or
    (`to_come`) still to come or asked for."""
    before = ASIDE.sub(" ", text[max(sentence_start, noun - 160):noun])
    if PARDON_REFUSED.search(before) or (to_come and PARDON_TO_COME.search(before)):
        return True
    report = DENIED_REPORT.search(before)
    if report and "," not in before[report.end():]:
        return True
    rest = text[noun:sentence_end].rstrip()
    return rest.endswith("?") and not re.search(r"[,;—–]|\s-\s", rest) or NOT_CARRIED_OUT.search(rest) is not None


NOT_CARRIED_OUT = re.compile(r"\b(?:proved|proven|turned\s+out|was|were|is|are)\s+(?:\w+\s+)?(?:to\s+be\s+)?"
                             r"(?:false|untrue|wrong|unfounded|baseless)\b|"
                             r"\b(?:she|he|they)\s+(?:still\s+)?(?:remains?|remained|is\s+still|was\s+still)\s+"
                             r"(?:\w+\s+)?"
                             r"(?:in\s+(?:prison|jail|custody)|behind\s+bars|held|detained|jailed)\b", re.IGNORECASE)
"""After a pardon, words that say it was not carried out: "... proved false", "..., but she remains in prison"."""

ASIDE = re.compile(r",[^,;.]{1,60},|\([^()]{1,60}\)|\s[—–]\s[^—–]{1,60}\s[—–]\s")
"""An aside set off by commas, brackets or dashes, read past when a pardon's verb is looked for before it."""


DECIDED = r"(?:made|took|taken)\s+the\s+decision"
"""A decision taken, in the words before "to free": "has taken the decision to pardon 38"."""
ANNOUNCED_FREEING = re.compile(r"\b(?:(?:will|would)\s+(?:also\s+)?be|(?:is|are)\s+(?:set|expected|due|scheduled|going)\s+to\s+be|"
                               r"(?:is|are)\s+to\s+be|will|would|(?:set|expected|due|going|scheduled|plans?|planned|agreed|"
                               rf"decided|{DECIDED})\s+to)\s+(?:gradually\s+|soon\s+|also\s+)?(?:{FREE}|releas(?:e|ed)|pardon(?:ed)?|"
                               r"grant\s+freedom)\b",
                               re.IGNORECASE)
"""A freeing to come, said by the side that frees: "will free", "agreed to gradually release", "are expected to be
released"."""
POLITICAL = re.compile(r"\bpolitical\s+prisoners\b|\bprisoners\s+of\s+conscience\b", re.IGNORECASE)


def part_of_larger(part: int, whole: int) -> bool:
    """True when a count is clearly a part of a larger total of the same release, not another figure for the same
    people: at most two thirds of it (17 of 2,400; not 52 of 54)."""
    return 3 * part <= 2 * whole


WISH = re.compile(r"\b(?:call\w*|urg\w*|demand\w*|seek\w*|sought|push\w*|appeal\w*|press\w*|fight\w*|plead\w*|"
                  r"campaign\w*|lobby\w*|hop\w*|want\w*|wait\w*|await\w*|ask\w*|refus\w*|declin\w*|plan\w*|consider\w*|"
                  r"(?<!-)expect\w*|anticipat\w*|(?:pressur\w*|forc\w*|coerc\w*)\s+(?:[\w’'-]+\s+){0,4}into|"
                  r"to\s+secure|(?<!\bled\s)to|(?:not|never)\s+led\s+to|not|never|would|will|could|may|might|possible|before)"
                  r"\s+(?:for\s+)?(?:the\s+)?"
                  r"(?:(?:possible|further|swift|immediate|eventual)\s+)?$", re.IGNORECASE)

def _passive_exchange(match: re.Match) -> bool:
    exchange = EXCHANGE_WORD.match(match.group(0))
    return bool(exchange and exchange.group("passive"))


ACT_TO_FREE = re.compile(r"(?<!\bwould\s)(?<!\bwill\s)(?<!\bto\s)(?<!\bnot\s)(?<!\bnever\s)"
                         r"\b(?:announced|signed|issued|granted|declared|approved)\s+"
                         r"(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,2}?(?:pardon|amnesty|decree)\s+"
                         r"(?:(?:on|last|this)\s+(?:[\w,]+\s+){1,3}?)?to\s+$", re.IGNORECASE)
"""A pardon that frees, not a wish: "announced a presidential pardon on Friday to release more than 200", "signed an
amnesty on Friday to free 300"; not "urged him to issue an amnesty to free", "rejected an amnesty", "would sign a
decree"."""

NONE_FREED = re.compile(r"\b(?:none|no\s+one|nobody)\s+(?:of\s+them\s+)?(?:have|has|had)\s+(?:yet\s+)?been\s+(?:freed|released)|"
                        r"\bnot\s+yet\s+(?:been\s+)?(?:freed|released)", re.IGNORECASE)
"""A pardon announced that has freed no one yet: "..., but none have been freed so far"."""

SET_APART = re.compile(r"\W*(?:Separately|In\s+a\s+separate|Meanwhile|Elsewhere)\b")
"""An opening that sets a sentence apart from the page's release ("Separately, the president granted a pardon ...")."""

TO_BE_DONE = re.compile(r"\b(?:to|will|would|could|may|might|should|must)\s+(?:\w+\s+)?be\s+$", re.IGNORECASE)
"""Right before a passive freeing, the words that make it one still to come ("expected to be released", "will also be
freed")."""

ASKED = re.compile(r"\b(?:whether|if)\b(?P<rest>[^.;:]*)$", re.IGNORECASE)


def asked_whether(before: str) -> bool:
    """True when the words before a name put it in a question ("could not confirm whether X was among those
    released"), not in a statement whose question has ended ("Asked whether more would follow, officials said
    Belarus had freed X")."""
    asked = ASKED.search(before)
    return bool(asked) and not re.search(r",\s+(?:[\w’'-]+\s+){0,3}?(?:said|says|told|added|announced|confirmed|"
                                         r"reported)\b", asked.group("rest"))


BRIEFLY = (r"\s+(?:from\s+(?:(?:their|his|her)\s+)?(?:posts?|duty|duties|(?:military\s+)?service|contracts?|jobs?|"
           r"positions?|offices?)|on\s+(?:police\s+)?bail|on\s+bond|pending\s+trial|under\s+judicial\s+supervision|"
           r"without\s+charges?|after\s+(?:\w+\s+)?questioning|after\s+being\s+questioned|"
           r"after\s+paying\s+(?:a\s+)?fines?|"
           r"after\s+spending\s+(?:the|a)\s+night|from\s+police\s+custody)\b")
"""Right after a freeing verb, a post one is relieved of or a short detention's end: "were released from their duties",
"... on police bail", "... pending trial", "... after being questioned" (not "... from custody on Friday", which frees
prisoners too)."""
BEFORE_FREED = (r"(?:(?!(?:not|never|yet|still|could|would|may|might|hop\w*|expect\w*|await\w*|wait\w*|due|set|"
                r"scheduled|likely|want\w*|urg\w*|demand\w*|ask\w*|call\w*|the|a|an|his|her|their|its)\b)[\w-]+\s+){0,3}?")
"""Up to three words between "among those" or "one of the" and the freeing word ("among those who were freed", "among
the first to be released"), none that makes the freeing denied or still to come ("among those not released", "one of
those still to be released", "one of those who could be released", "hoping to be released", "one of the
prisoners Washington wants released"), nor a determiner, which makes the freeing word another noun's ("among those who
greeted the freed prisoners")."""

# The nouns a count of the freed is written with, and the words that may stand before them (a nationality, a faith)
PEOPLE = (r"(?:[\"“](?=[a-z]))?(?:political\s+prisoners|prisoners(?:\s+of\s+conscience)?|people|persons|detainees|inmates|individuals|"
          r"captives|civilians|citizens|foreigners|foreign\s+nationals|men\s+and\s+women|others|activists|"
          r"opposition\s+figures|journalists|priests|monks|nuns|clerics|clergymen|bishops|dissidents|hostages|critics|"
          r"opponents|protesters|convicts|servicemen|soldiers|supporters|ministers|politicians|lawmakers|bloggers|"
          r"lawyers|pastors|missionaries|academics|reporters|environmentalists|(?:police\s+)?officers|leaders|"
          r"members(?=\s+of\s)|(?:employees|staff\s+members|staffers)(?=\s+of\s))"
          r"(?:(?<=[a-z])[\"”](?!\w))?"  # 'four "detainees"'
          # never a name's word ("the 88 Generation Students group")
          r"(?!\s+(?:group|movement|party|union|association|network|committee|front|league|members|leaders|"
          r"supporters)\b)")


EVENT_AFTER = re.compile(r"[ \t]+(?:(?:presidential|parliamentary|general|local|municipal|snap|disputed|mass|street|"
                         r"electoral|anti-government|opposition|post-election|nationwide)[ \t]+){0,2}"
                         r"(?:elections?|votes?|polls?|"
                         r"ballot|protests?|rally|rallies|coup|invasion|referendum|uprising|crackdown|demonstrations?|"
                         r"strikes?|attacks?|raids?|riots?|unrest|inauguration|summit|campaigns?|"
                         r"(?:(?:virtual|joint|online|televised)[ \t]+)?(?:(?:press|news)[ \t]+conferences?|"
                         r"(?:(?:press|news)[ \t]+)?briefings?))\b", re.IGNORECASE)
"""After a date on its line, the noun of the event it dates ("the March 30 election", "the 2020 mass street protests",
"spoke at a Nov. 18 news conference"); not a hearing or a trial, where people are freed ("freed at a November 19
hearing")."""

ADJECTIVES = (r"(?:(?:[a-z]+ly\s+)?(?:more|other|further|additional|political|freed|released|pardoned|jailed|incarcerated|imprisoned|"
              r"detained|arrested|convicted|government|regime|opposition|anti-government|pro-democracy|"
              r"ill|sick|ailing|elderly|older|young|wounded|injured|high-profile|prominent|well-known|"  # "18 seriously ill"
              r"local|independent|female|male|veteran|teenage|"  # "six local journalists" (not "foreign", a group; nor
              r"community|student|union|rights|civic|indigenous|environmental|"  # "eight community leaders"
              # "former", which is as often someone freed before: "two former political prisoners freed in 2024")
              r"[A-Z][a-z]+(?:ian|an|ish|ese|i)|U\.S\.|US|UK|Catholic|Orthodox|Protestant|Christian|Muslim|"
              r"(?-i:[A-Z])[a-z]{2,})\s+){0,2}")  # a nationality, a faith, a movement ("101 Hirak detainees")
GROUP_NAMED = re.compile(r"(?:\b[Tt]he|\bknown[ \t]+(?:collectively[ \t]+)?as|\bdubbed|\bcalled)[ \t]+"
                         r"(?:(?!(?:Frees?|Freed|Releases?|Released|Pardons?|Pardoned|Jails?|Jailed|Arrests?|Arrested)\b)"
                         r"[A-Z][\w’'-]*[ \t]+){1,3}$")
"""Before a number that ends a group's name, on its line, the words of the name: "known as the Lake Six", "The Cuban
Five" (not a headline's verb: "The Agency Frees Six")."""


def ends_a_group_name(text: str, figure) -> bool:
    """True for a number written in a capitalised word that ends a group's name ("the Lake Six", "known as the Dock
    Eight"), not a count: no people counted follow it ("... the Foreign Ministry Thirteen prisoners had been freed")."""
    return figure.text[:1].isupper() and figure.text.isalpha() and \
        bool(GROUP_NAMED.search(text, max(0, figure.start - 60), figure.start)) and \
        not re.match(rf"\s+{ADJECTIVES}{PEOPLE}\b", text[figure.end:figure.end + 80], re.IGNORECASE)


# Where one clause ends and the next begins, for keeping a fact's parts together.
BOUNDARY = re.compile(r";|\s[—–]\s|\s--\s|:\s|,\s+(?=(?:which|who|whose|while|but|although|though|adding|according|"
                      r"as|after|before|when|where|because|following|despite|and\s+(?:the|a|an|he|she|they|it)\b))|"
                      r"(?<!\bhours)(?<!\bdays)(?<!\bweeks)(?<!\bday)(?<!\bweek)(?<!\bshortly)(?<!\bsoon)(?<!\bjust)"
                      r"\s(?=(?:(?:a\s+few\s+|several\s+|two\s+|three\s+)?(?:hours|days|weeks)\s+|a\s+day\s+|a\s+week\s+|"
                      r"shortly\s+|soon\s+|just\s+)?(?:after|before|when|because|following|despite|while|whereas|"
                      r"although)\s)", re.IGNORECASE)


@dataclass
class Sentence:
    """One sentence (or headline) and what was found in it."""

    start: int
    end: int
    text: str
    names: list[Name]
    figures: list[Figure]
    dates: list[DateMention]
    heading: bool = False
    _cuts: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)
    _figure_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _date_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _freeing: list[re.Match] | None = field(default=None, repr=False, compare=False)
    _freeing_spans: list[tuple[int, int]] | None = field(default=None, repr=False, compare=False)
    _name_starts: list[int] | None = field(default=None, repr=False, compare=False)
    _persons: list | None = field(default=None, repr=False, compare=False)  # people.persons, once per sentence
    _spans: dict = field(default_factory=dict, repr=False, compare=False)  # pattern -> its matches (spans_of)

    def spans_of(self, pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
        """The absolute spans of `pattern.finditer(text, start, end)` over the sentence, found once per pattern (rules
        ask for the last or first match before or after each of many offsets of a long sentence)."""
        spans = self._spans.get(pattern)
        if spans is None:
            spans = self._spans[pattern] = [m.span() for m in pattern.finditer(text, self.start, self.end)]
        return spans

    def figures_within(self, start: int, end: int) -> list[Figure]:
        """The sentence's figures that start between two absolute offsets (found by bisection: a rule asks this of
        every clause of a sentence dense with figures)."""
        starts = [f.start for f in self.figures] if self._figure_starts is None else self._figure_starts
        self._figure_starts = starts
        return self.figures[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def names_within(self, start: int, end: int) -> list[Name]:
        """The sentence's names that start between two absolute offsets (by bisection, as `figures_within`)."""
        if self._name_starts is None:
            self._name_starts = [n.start for n in self.names]
        starts = self._name_starts
        return self.names[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def dates_within(self, start: int, end: int) -> list[DateMention]:
        """The sentence's dates that start between two absolute offsets (by bisection, as `figures_within`)."""
        if self._date_starts is None:
            self._date_starts = [d.start for d in self.dates]
        starts = self._date_starts
        return self.dates[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    def clause(self, offset: int) -> tuple[int, int]:
        """The clause around an absolute offset, as absolute (start, end). The sentence's clause boundaries are found
        once (a rule asks for many clauses of one sentence: finding them each time cost the square of a long one)."""
        if self._cuts is None:
            self._cuts = [(self.start + m.start(), self.start + m.end()) for m in BOUNDARY.finditer(self.text)]
        at = bisect.bisect_left(self._cuts, (offset, -1))  # the first boundary at or after the offset
        start = self._cuts[at - 1][1] if at > 0 else self.start
        end = self._cuts[at][0] if at < len(self._cuts) else self.end
        return start, end

    def freeing(self) -> list[re.Match]:
        """Words of freeing that report an event (not a call for one). Found once per sentence (every rule asks);
        callers read the list and never change it."""
        if self._freeing is None:
            self._freeing = [m for m in FREEING.finditer(self.text)
                             if not (re.match(r"releas", m.group(0), re.IGNORECASE) and
                                     THING_OBJECT.match(self.text, m.end())) and
                             not (FREEING_BODY.match(self.text, m.end()) and
                                     NOUN_BEFORE.search(self.text, max(0, m.start() - 12), m.start())) and
                             (not WISH.search(self.text[max(0, m.start() - 40):m.start()]) or
                              ACT_TO_FREE.search(self.text, max(0, m.start() - 90), m.start()) and
                              not NONE_FREED.search(self.text)) and
                             not (_passive_exchange(m) and not EXCHANGED_WHO.search(self.text, 0, m.start())) and
                             not (m.group(0).lower().startswith("walked out") and NOT_WALKED_FREE.search(self.text))]
        return self._freeing

    def freeing_between(self, start: int, end: int) -> bool:
        """True when a word of freeing (`freeing`) lies wholly between two absolute offsets (by bisection: asked once
        per freeing of a sentence that may hold thousands)."""
        if self._freeing_spans is None:
            self._freeing_spans = [(self.start + m.start(), self.start + m.end()) for m in self.freeing()]
        at = bisect.bisect_left(self._freeing_spans, (start, -1))
        return at < len(self._freeing_spans) and self._freeing_spans[at][1] <= end

    def announced(self) -> bool:
        """True when the sentence announces a freeing to come ("Belarus will free 300", "are expected to be
        released"): a release's count, though not yet done (releases.totals)."""
        return bool(ANNOUNCED_FREEING.search(self.text))


@dataclass
class Context:
    """One article being read: its text, names, figures, dates, and what it is about."""

    text: str
    registry: Registry
    properties: dict[str, str]  # property -> the kind of subject it describes
    names: list[Name]
    figures: list[Figure]
    dates: list[DateMention]
    anchor: DateValue | None
    release_dates: dict[str, DateValue]
    release_totals: dict[str, set[int]]
    sanction_targets: dict[str, set[str]]
    freed_in: dict[str, set[str]] = field(default_factory=dict)  # person -> the releases the project frees them in
    envoy_in: dict[str, set[str]] = field(default_factory=dict)  # person -> the releases the project names them envoy of
    release_countries: dict[str, set[str]] = field(default_factory=dict)  # release -> who freed, by its claims' quotes
    told_releases: set[str] = field(default_factory=set)  # the releases the project's claims tell of (subject or value)
    # (release, "YYYY-MM") for each release the project's claims date to a day of that month
    claimed_days: set[tuple[str, str]] = field(default_factory=set)
    drafts: list[Draft] = field(default_factory=list)
    used: set = field(default_factory=set)  # (kind, start) of figures and dates already drafted
    proposals: dict[str, dict[str, dict]] = field(default_factory=dict)
    release: str | None = None
    sanction: str | None = None
    country: str | None = None
    freeing_side: str | None = None  # whose freeing "freed by X" calls the article's (subjects.freeing_side)
    last_person: Name | None = None
    # who "he" or "she" opening the next sentence stands for when the sentence before named them by their tie to its
    # subject ("X ran after her husband, Y, was jailed. He was ...": Y), by the pronoun
    related_person: dict = field(default_factory=dict)
    freeing_section: bool = False  # under a subheading about who was freed
    profiles: int = 0  # sentences left of profiles of the freed (after their lead, or a heading that is a name)
    profiled_left: int = 0  # paragraphs left that profile one of a group of the freed a lead counted
    previous_freeing: bool = False  # the sentence before spoke of freeing
    previous_sentence: str = ""  # the sentence before, as written
    previous_start: int = 0  # where it begins
    previous_named: bool = False  # the sentence before named someone it did not free (an envoy, an official)
    previous_unfreed: set = field(default_factory=set)  # the ids of those it named and did not free
    previous_alone: object = None  # the one person the sentence before named, when it named one and quoted no one
    group_before: list = field(default_factory=list)  # the people the last sentence naming anyone named (not speaking)
    group_clear: bool = False  # no sentence since the one that named them has counted anyone ("Three guards ...")
    group_next: bool = False  # the sentence before is the one that named them
    previous_place: Name | None = None  # where the sentence before took a group (freed.moved_group_place)
    current_rule: str = ""
    item_person: tuple | None = None  # (line start, person) of the list item being read
    heading: bool = False  # the sentence being read is a headline or subheading
    release_guessed: str = ""  # the mark of a release inferred for an undated page ("only-release-of-year", ...)
    freeing_list: bool = False  # a list of the freed was read
    still_held: set = field(default_factory=set)  # surnames of people named among those still held
    not_prisoners: set = field(default_factory=set)  # ids of people the page presents as no prisoner (bystanders.not_a_prisoner)
    other_side: set = field(default_factory=set)  # surnames of people the other side of an exchange frees
    held_elsewhere: set = field(default_factory=set)  # ids and surnames of people another country than the page's held
    all_moved: list = field(default_factory=list)  # (release, place, start, end, each named) where all of a release's
    # freed went
    said_days: dict = field(default_factory=dict)  # release -> (date, start, end): the first day a freeing was said on
    sentence_drafts: int = 0  # where the drafts of the sentence being read begin in `drafts`

    _newlines: list[int] | None = None
    _spellings: dict | None = None  # proposed person -> the longest spelling of them on the page (note_person)
    _name_starts: list | None = None  # where each of `names` starts, for bisection (name_starts)
    _drafted: dict = field(default_factory=dict)  # (property, rule) -> the starts drafted so far
    _freed_people: dict = field(default_factory=dict)  # person -> the releases drafted freeing them so far
    release_dates_at: dict = field(default_factory=dict)  # (sentence start, offset) -> a freeing's date (release_date)
    running_since: dict = field(default_factory=dict)  # sentence start -> its running totals' openings' ends, and its stops
    previous_counts: set = field(default_factory=set)  # the exact counts of the page's release the sentence before gave
    held_words: dict = field(default_factory=dict)  # sentence start -> what it says of those still held (bystanders)
    later_dates: dict = field(default_factory=dict)  # where words of time after a date begin -> the date they come to

    def line(self, offset: int) -> int:
        """The line number of an offset (by bisection over the line breaks: counting them up to each offset
        cost the square of a long article)."""
        if self._newlines is None:
            self._newlines = [i for i, c in enumerate(self.text) if c == "\n"]
        return bisect.bisect_left(self._newlines, offset) + 1

    def drafted_at(self, prop: str, rule: str) -> set[int]:
        """The starts of the drafts a rule made of a property so far."""
        return self._drafted.get((prop, rule), set())

    def add(self, prop: str, kind: str, value, start: int, end: int, **fields) -> Draft | None:
        """Draft a claim quoting text[start:end] (trimmed of edge punctuation); once per fact."""
        if prop not in self.properties or value is None:
            return None
        while 0 < start < len(self.text) and self.text[start - 1].isalnum() and self.text[start].isalnum():
            start -= 1  # a quote starts and ends on whole words, whatever span a rule worked out
        while 0 < end < len(self.text) and self.text[end - 1].isalnum() and self.text[end].isalnum():
            end += 1
        quote = self.text[start:end].strip(" ,;:—–-\"“”'’‘(")
        if quote.endswith(")") and "(" not in quote:
            quote = quote.rstrip(")")
        # 'four "detainees"': a quotation the quote opens keeps its closing mark
        unclosed = '"' if quote.count('"') % 2 else "”" if quote.count("“") > quote.count("”") else None
        if unclosed:
            at = self.text.find(quote, start)
            if at >= 0 and self.text.startswith(unclosed, at + len(quote)):
                quote += unclosed
        if len(quote) < 3:
            return None  # nothing to quote: a rule's span went wrong; better no draft than an empty quote
        start = self.text.index(quote, start) if quote else start
        fields["review"] = fields.get("review") or self._doubt(fields.get("subject", "TODO"), fields.get("note", ""), value)
        if kind == "date" and not fields["review"] and re.search(r"\b(?:last|this)\s+year\b", quote, re.IGNORECASE):
            fields["review"] = "relative-date"  # "on March 3 last year": a year read from the article's date
        draft = Draft(prop, kind, value, quote, self.line(start), start=start, rule=self.current_rule, **fields)
        self.drafts.append(draft)
        self._drafted.setdefault((prop, draft.rule), set()).add(start)
        if prop == "released_in":
            self._freed_people.setdefault(draft.subject, set()).add(value)
        return draft

    def _doubt(self, subject: str, note: str, value=None) -> str:
        """The review mark a draft earns by what it was read from and what it is about ("" for none)."""
        if "read as" in note:
            return "relative-date"
        if self.release_guessed and self.release in (subject, value):
            return self.release_guessed
        if self.heading:
            return "headline"
        release = self.proposals.get("releases", {}).get(subject)
        if release and "does not date" in release.get("notes", ""):
            return "undated-release"
        if self.release and subject != self.release and self.registry.kind(subject) == "release" or \
                self.release and release and subject != self.release:
            return "other-release"
        person = self.proposals.get("people", {}).get(subject)
        if person and person.get("notes", "").startswith("close to"):
            return "close-spelling"
        return ""

    def take(self, mention) -> bool:
        """Claim a figure or date for one draft; False when another rule already has it."""
        key = (type(mention).__name__, mention.start)
        if key in self.used:
            return False
        self.used.add(key)
        return True

    def taken(self, mention) -> bool:
        return (type(mention).__name__, mention.start) in self.used

    def off_release(self, value: str, release: str | None = None) -> bool:
        """True when a written date falls outside the known date of a release (the page's, unless another is named), or
        the release has none known."""
        known = self.release_dates.get(release or self.release) if release or self.release else None
        return known is None or not known.agrees(parse_date(value))

    def drafted_freed(self, person: str) -> bool:
        """True when the page has drafted the person as freed so far."""
        return person in self._freed_people

    def releases_freeing(self, person: str) -> set:
        """The releases the page has drafted the person freed in so far."""
        return self._freed_people.get(person, set())

    def kind(self, name: Name) -> str | None:
        if name.entity and name.entity in self.proposals.get("places", {}):
            return "place"  # proposed by this draft (a city the registry does not know yet)
        return self.registry.kind(name.entity) if name.entity else ("person" if name.proposed else None)

    def registry_place_kind(self, entity_id: str | None) -> str | None:
        """A place's kind (country, city, ...), from the registry or from what this draft proposes."""
        proposed = self.proposals.get("places", {}).get(entity_id or "")
        if proposed:
            return proposed.get("kind")
        entity = self.registry.get(entity_id) if entity_id else None
        return entity.place_kind if entity is not None and entity.kind == "place" else None

    def propose(self, section: str, entry: dict) -> str:
        self.proposals.setdefault(section, {}).setdefault(entry["id"], entry)
        return entry["id"]

    @property
    def name_starts(self) -> list[int]:
        """Where each name of the page starts, in order (found once: a rule bisects it)."""
        if self._name_starts is None:
            self._name_starts = [n.start for n in self.names]
        return self._name_starts

    def note_person(self, person: Name) -> str:
        """A person's id; one the registry does not know gets a drafted registry entry."""
        if person.proposed:
            if self._spellings is None:  # each proposed person's longest spelling on the page, found once
                self._spellings = {}
                for name in self.names:
                    if name.proposed and len(name.text) > len(self._spellings.get(name.proposed, "")):
                        self._spellings[name.proposed] = name.text
            full = self._spellings.get(person.proposed) or person.text
            entry = {"id": person.proposed, "name": full, "aliases": [full.split()[-1]]}
            if person.candidate:
                entry["notes"] = f"close to the registry's {person.candidate}: the same person? then add the spelling there"
            self.propose("people", entry)
        return person.id
