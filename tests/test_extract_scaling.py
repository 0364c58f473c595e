"""extract stays linear in the length of an article: each per-sentence step looks only near where it is
(a 1 MB article dense with figures took 65 times a 100 KB one; benchmarks/bench_article_scaling.py)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from toolkit.contribute.extract import _ByStart, text
from toolkit.contribute.extract.context import Context

LINE = ("Mr. Dumyy met the U.S. envoy on Sept. 5 in Testgrad. The council freed 12 detainees. "
        "Dr. Mockwell said 3 more would follow. ") * 200


def test_a_full_stop_is_checked_for_an_abbreviation_only_in_the_characters_before_it(monkeypatch):
    spans, pattern = [], text.ABBREVIATION

    class Recording:
        def search(self, string, pos, endpos):
            spans.append(endpos - pos)
            return pattern.search(string, pos, endpos)

    expected = [(s, e) for s, e in _unbounded(LINE)]
    monkeypatch.setattr(text, "ABBREVIATION", Recording())
    monkeypatch.setattr(text, "ABBREVIATION_REACH", 8)
    found = text._split_line(LINE)
    assert found == expected and len(found) == 600  # the same sentences ("Mr.", "U.S.", "Sept." end none)
    assert spans and max(spans) <= 8  # a window, not the line so far


def _unbounded(line: str) -> list[tuple[int, int]]:
    """The sentences as a search from the line's start finds them (the quadratic reference)."""
    pieces, start = [], 0
    for match in text.ENDING.finditer(line):
        if line[match.start()] == "." and text.ABBREVIATION.search(line, 0, match.start()):
            continue
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(line)))
    return [(s + len(line[s:e]) - len(line[s:e].lstrip()), e - (len(line[s:e]) - len(line[s:e].rstrip())))
            for s, e in pieces if line[s:e].strip()]


@dataclass
class Item:
    start: int


def test_what_a_sentence_holds_is_found_by_bisection_in_the_items_own_order():
    rng = random.Random(7)
    items = [Item(rng.randrange(10_000)) for _ in range(2_000)]  # not in text order, with ties
    index = _ByStart(items)
    for _ in range(300):
        start = rng.randrange(10_000)
        end = start + rng.randrange(200)
        assert index.within(start, end) == [i for i in items if start <= i.start < end]


def test_line_numbers_are_the_line_breaks_before_an_offset():
    rng = random.Random(3)
    article = "".join(rng.choice("ab \n") for _ in range(5_000))
    context = Context(text=article, registry=None, properties={}, names=[], figures=[], dates=[], anchor=None,
                      release_dates={}, release_totals={}, sanction_targets={})
    for offset in range(0, len(article), 37):
        assert context.line(offset) == article.count("\n", 0, offset) + 1
    assert re.search("\n", article)  # the article has line breaks to count


def test_the_role_before_a_name_is_read_from_the_words_before_it_not_from_the_line_start(monkeypatch):
    """A long line of names (one sentence) read each name's title from the line's start: the square of its
    length. The title is the last words before the name, so reading them from a bounded reach finds the same."""
    from toolkit.contribute.extract import names

    line = "Belarus freed these prisoners: " + ", ".join(
        f"{'opposition leader ' if i % 3 == 0 else 'Journalist ' if i % 3 == 1 else ''}Ales Testau{i}" for i in range(1200))
    starts = [m.start() for m in re.finditer(r"Ales Testau\d+", line)]
    bounded = [names._role_before(line, s) for s in starts]
    monkeypatch.setattr(names, "ROLE_REACH", len(line) + 1)  # the whole line, as before
    whole = [names._role_before(line, s) for s in starts]
    assert bounded == whole
    assert {r for r, _ in bounded} == {"opposition leader", "journalist", None}
    assert len(line) > 10 * 1000  # longer than the reach many times over


def test_the_words_after_a_name_are_read_for_being_held_only_when_the_sentence_has_such_words_there(monkeypatch):
    """still_held read the rest of a list from each of its names, and the sentence up to each: the square of a long
    "Those freed so far include A, B, ..." list, of "including A, B, ..., but hundreds remain in prison", and of "Those
    who remain behind bars include A, B, ...". What the sentence says of being held is read once, and a name is read
    against it only where it could say something; what it says of each name is what reading every name says."""
    from toolkit.contribute.extract import bystanders
    from toolkit.contribute.extract.context import FREEING, Sentence
    from toolkit.contribute.extract.names import Name
    from toolkit.contribute.extract.people import after_apposition

    def reference(ctx, sentence, person):  # the reading of every name in full, as before
        before = ctx.text[sentence.start:person.start]
        held = None
        for held in bystanders.STILL_HELD.finditer(before):
            pass
        if held is not None and not FREEING.search(before[held.end():]):
            return True
        after = after_apposition(ctx.text, person.end, sentence.end)
        starts = [after] + ([person.end] if after != person.end and
                            bystanders.LISTED_NEXT.match(ctx.text, person.end) else [])
        return any(bystanders.HELD_AFTER.match(ctx.text, at, sentence.end) for at in starts)

    rng = random.Random(11)
    openings = ["Those freed so far include ", "Belarus freed ", "Those who remain behind bars include ",
                "Still held are ", "Among those not freed were ", "The pardoned were ", "Belarus freed 14, including "]
    joins = [", ", ", ", " and ", ", who remain in prison, ", ", still held, ", " remain in custody, but ",
             " and was later freed, and ", " (still held), ", ", who was released, and ",
             " still ",  # a match of "still ... jailed" across a name: "A still B jailed"
             " kyzy, ", " Ferdinand and ", " Remain and ", " Bin Ali, ", " de la Vega and ", " Ales Ivo Max Olaf, ",
             ", one of the freed, and ", " (let go), "]  # freeings of two words, and another word of freeing inside them
    endings = [".", " remain behind bars.", ", who were released on Friday.", " are still in jail.", " were left out.",
               ", but hundreds remain in prison.", " and others are still held; 12 were freed.", " jailed.",
               " jailed, and was freed.", " were not freed.", " Remain in prison.", " kyzy remain under arrest.",
               " Ales Ivo Max Olaf remain jailed.", " and Ferdinand Remain in custody."]
    article, spans = "Published: 21 November 2026\n\n", []
    for _ in range(300):
        names = [rng.choice(["", "", "the teacher ", "journalist "]) + f"Ales Testau{rng.randrange(10**6)}"
                 for _ in range(rng.randrange(1, 12))]
        body = rng.choice(openings) + "".join(n + rng.choice(joins) for n in names[:-1]) + names[-1] + rng.choice(endings)
        spans.append((len(article), len(article) + len(body)))
        article += body + " "
    found = [Name(m.group(0), m.start(), m.end(), None) for m in re.finditer(r"Ales Testau\d+", article)]
    sentences = [Sentence(s, e, article[s:e], [n for n in found if s <= n.start < e], [], []) for s, e in spans]

    def context():
        return Context(text=article, registry=None, properties={}, names=found, figures=[], dates=[], anchor=None,
                       release_dates={}, release_totals={}, sanction_targets={})

    ctx = context()
    read = [bystanders.still_held(ctx, s, n) for s in sentences for n in s.names]
    whole = [reference(ctx, s, n) for s in sentences for n in s.names]
    assert read == whole
    for sentence in sentences[:40]:  # the first freeing from any offset, inside a freeing's word too, is the search's
        for at in range(sentence.start, sentence.end + 1):
            found = FREEING.search(article, at, sentence.end)
            assert bystanders._first_freeing(article, at, sentence) == (found and found.span()), (sentence.text, at)
    assert 0.1 < sum(whole) / len(whole) < 0.9  # many names held and many not: the comparison can tell them apart

    # long lists: none of them reads the rest of the list, or the sentence up to a name, for each of its names
    reads, tails = [], []

    class Recording:
        def __init__(self, pattern, log):
            self.pattern, self.log = pattern, log

        def match(self, string, pos, endpos):
            self.log.append(pos)
            return self.pattern.match(string, pos, endpos)

    monkeypatch.setattr(bystanders, "HELD_AFTER", Recording(bystanders.HELD_AFTER, reads))
    monkeypatch.setattr(bystanders, "HELD_TAIL", Recording(bystanders.HELD_TAIL, tails))
    monkeypatch.setattr(bystanders, "_held_before_slowly", lambda *args: reads.append(args) or False)
    listed = ", ".join(f"Ales Testau{i}" for i in range(400))
    for body, held in (("Those freed so far include " + listed + ".", False),
                       ("Belarus freed 14 prisoners, including " + listed + ", but hundreds remain in prison.", False),
                       ("Those who remain behind bars include " + listed + ".", True),
                       (listed + " were not freed.", True)):
        article = "Published: 21 November 2026\n\n" + body
        found = [Name(m.group(0), m.start(), m.end(), None) for m in re.finditer(r"Ales Testau\d+", article)]
        sentences = [Sentence(29, len(article), article[29:], found, [], [])]
        ctx = context()
        tails.clear()
        assert [bystanders.still_held(ctx, sentences[0], n) for n in found] == [held] * 400, body[:40]
        assert reads == [], body[:40]
        assert len(tails) <= 4 * len(found), (body[:40], len(tails))  # each place a list item may end, asked once


def test_later_mentions_by_surname_are_found_in_one_pass_as_a_search_for_each_surname_finds_them():
    """names._surnames searched the whole page for each new person's surname: a list of 1,600 new names read the page
    1,600 times. It reads the page's words once; what it finds is what the search for each surname found."""
    from toolkit.contribute.extract import names
    from toolkit.contribute.extract.names import Name

    def reference(text, people, taken):  # a search of the page for each surname, as before
        by_surname = {}
        for person in people:
            by_surname.setdefault(person.text.split()[-1], set()).add(person.proposed)
        found, taken = [], taken + [(p.start, p.end) for p in people]
        for surname, ids in by_surname.items():
            if len(ids) != 1 or len(surname) < 3:
                continue
            first = min(p.start for p in people if p.proposed in ids)
            full = next(p for p in people if p.proposed in ids)
            first_letter = f"[{re.escape(surname[0].upper())}{re.escape(surname[0])}]" if surname[0].islower() \
                else re.escape(surname[0])
            for match in re.finditer(rf"(?<![\w’'-]){first_letter}{re.escape(surname[1:])}(?![\w-])", text):
                if (match.start() > first or names._headline(text, match.start())) and \
                        not any(s <= match.start() < e for s, e in taken):
                    found.append(Name(surname, match.start(), match.end(), None, full.proposed, None, None, full.candidate))
        return found

    rng, mentions = random.Random(3), 0
    surnames = ["Versova", "el-Masri", "El-Masri", "O'Brien", "D’Arcy", "Lamm", "Lamm-Berg", "Veld", "Jr.", "Ng", "Abe",
                "Sarnak", "van", "Kowalski"]
    words = ["freed", "said", "was", "the", "and", "'s", "’s", "-", ",", ".", "Berg", "Lammers", "de"]
    for trial in range(150):
        pieces, people = [], []
        position = 0
        for _ in range(rng.randrange(5, 60)):
            if rng.random() < 0.3:
                surname = rng.choice(surnames)
                full = f"{rng.choice(['Ivo', 'Rasa', 'Anna'])} {surname}"
                joiner = rng.choice([" ", "\n", " "])
                pieces.append(full + joiner)
                if rng.random() < 0.8:
                    proposed = rng.choice([surname.lower(), f"{surname.lower()}-{rng.randrange(2)}", None])
                    people.append(Name(full, position, position + len(full), None, proposed, None, None,
                                       rng.choice([None, "known-id"])))
                position += len(full) + len(joiner)
            else:
                word = rng.choice(words + surnames)
                joiner = rng.choice([" ", "", "\n", " "])
                pieces.append(word + joiner)
                position += len(word) + len(joiner)
        text = "".join(pieces)
        rng.shuffle(people)  # the list is in no particular order
        taken = [(s, s + rng.randrange(1, 30)) for s in (rng.randrange(len(text) + 1) for _ in range(rng.randrange(4)))]
        expected = reference(text, people, taken)
        assert names._surnames(text, people, taken) == expected, (trial, text)
        mentions += len(expected)
    assert mentions > 300  # the pages name people again by surname often enough for the comparison to tell


def test_found_between_says_what_a_search_of_the_window_says():
    """subjects.found_between reads a sentence's matches once and answers for any window what a search of that window
    answers, where a match runs across either bound too."""
    from toolkit.contribute.extract.context import Sentence
    from toolkit.contribute.extract.subjects import SEPARATE, STILL_TO_COME, found_between

    rng = random.Random(17)
    words = ["freed", "in a separate deal", "in an earlier swap,", "next week", "tomorrow", "soon", "A", "B,", "and",
             "in a", "separate", "deal", "weeks", "in the coming days", "later this month", ";", "Minsk"]
    for _ in range(60):
        body = " ".join(rng.choice(words) for _ in range(rng.randrange(5, 40))) + "."
        text = "Published: 21 November 2026\n\n" + body
        sentence = Sentence(29, len(text), body, [], [], [])
        for pattern in (SEPARATE, STILL_TO_COME):
            for _ in range(40):
                start = rng.randrange(29, len(text) + 1)
                end = rng.randrange(start, len(text) + 1)
                assert found_between(_Text(text), sentence, pattern, start, end) == \
                    (pattern.search(text, start, end) is not None), (body, start, end)


@dataclass
class _Text:
    """What found_between reads of a draft's context: its text."""

    text: str



def test_a_running_totals_opening_is_found_once_per_sentence_and_read_as_the_search_before_it(monkeypatch):
    """releases.totals asked, for each count of a sentence, whether "In total, since ..." opened it with no stop between,
    by a search from the sentence's start: a sentence of thousands of counts read itself once per count. The openings and
    stops are found once per sentence; what is said of each offset is what the search said."""
    from toolkit.contribute.extract import releases
    from toolkit.contribute.extract.context import Sentence

    old = re.compile(r"\b(?:in\s+total|in\s+all|altogether),?\s+since\b[^.;]*$", re.IGNORECASE)
    rng = random.Random(5)
    parts = ["In total, since May the leader pardoned", "12 people", "; and", "in all, since June", "U.S.", "freed 40",
             "Altogether since 2020", "officials said", "."]
    body = " ".join(rng.choice(parts) for _ in range(400))
    article = "Published: 21 November 2026\n\n" + body
    sentence = Sentence(29, len(article), body, [], [], [])
    calls = []

    class Recording:
        def __init__(self, pattern):
            self.pattern = pattern

        def finditer(self, string, pos, endpos):
            calls.append((pos, endpos))
            return self.pattern.finditer(string, pos, endpos)

    monkeypatch.setattr(releases, "RUNNING_SINCE", Recording(releases.RUNNING_SINCE))
    ctx = Context(text=article, registry=None, properties={}, names=[], figures=[], dates=[], anchor=None,
                  release_dates={}, release_totals={}, sanction_targets={})
    offsets = sorted(rng.sample(range(29, len(article)), 300))
    assert [releases._in_a_running_total(ctx, sentence, at) for at in offsets] == \
        [bool(old.search(article, 29, at)) for at in offsets]
    assert len(calls) == 1


def test_a_freeings_date_and_a_listed_releases_clause_are_read_near_them(monkeypatch, tmp_path):
    """A sentence of many freeings, each with its day ("freed two journalists, A and B, on Friday, and freed ..."): each
    freeing read every date of its clause, and the words from each date to it, and each total every later figure's
    clause from the total on (a 20 KB sentence took 49 s, twice as long as twice the sentence). Each now reads the
    dates within a reach of it, found by bisection, and each later figure the text since the comma before it."""
    from toolkit.contribute.extract import releases, subjects
    from toolkit.contribute.extract.context import Sentence
    from tests.test_extract import _drafted, shapes_registry

    shapes = shapes_registry(tmp_path / "shapes")

    rng = random.Random(11)
    dates = sorted(rng.sample(range(10_000), 500))
    sentence = Sentence(0, 10_000, "x" * 10_000, [], [], [type("D", (), {"start": s})() for s in dates])
    for _ in range(300):
        start = rng.randrange(10_000)
        end = start + rng.randrange(800)
        assert [d.start for d in sentence.dates_within(start, end)] == [s for s in dates if start <= s < end]

    distances, windows = [], _segment_windows(monkeypatch, releases)
    another_event = subjects.another_event
    monkeypatch.setattr(subjects, "another_event",
                        lambda ctx, date, offset: distances.append(abs(date.start - offset)) or another_event(ctx, date, offset))

    names = [f"{a} {b}" for a in ("Ivo", "Rasa", "Oren", "Mira") for b in ("Lamm", "Veld", "Pask", "Horn", "Tamm")]
    body = ", and ".join(f"freed two journalists, {names[2 * i % 20]} and {names[(2 * i + 1) % 20]}, on Friday"
                         for i in range(300))
    _drafted(shapes, "Published: 21 November 2026\n\nBelarus " + body + ".\n", published="2026-11-21")
    assert distances and max(distances) <= subjects.DATE_REACH
    assert windows and max(windows) <= 200  # the text since the last comma, never the sentence from the total on


def test_a_named_inside_a_list_already_read_starts_no_list_of_its_own(monkeypatch, tmp_path):
    """"including A, another activist named B, another activist named C, ...": a list goes on past "named", so reading a
    list at each "named" read the rest of the list each time (2,000 items took 124 s against 2 s). A "named" inside the
    list read before starts none, and the same people are freed."""
    from toolkit.contribute.extract import freed
    from tests.test_extract import _drafted, _freed, shapes_registry

    shapes = shapes_registry(tmp_path / "shapes")
    rng = random.Random(5)
    syllables = "ka lo mi ra ve to nu si be da ri po".split()
    people = sorted({" ".join("".join(rng.choice(syllables) for _ in range(3)).capitalize() for _ in range(2))
                     for _ in range(300)})
    body = ("Belarus freed 14 prisoners on Friday, including Pavel Sarnak, " +
            ", ".join(f"another activist named {p}" for p in people) + " and Ruth Calder.")
    walks = []
    list_members = freed.list_members
    monkeypatch.setattr(freed, "_named_among_the_freed", _recording(freed._named_among_the_freed, walks, freed,
                                                                    list_members))
    drafted, _ = _drafted(shapes, "Published: 21 November 2026\n\n" + body + "\n", published="2026-11-21")
    assert {p.lower().replace(" ", "-") for p in people} <= _freed(drafted)
    assert 0 < len(walks) <= 2  # one list read, not one for each of the 300 "named"


def _recording(function, walks, module, list_members):
    """`function`, with each call it makes of `module.list_members` recorded in `walks`."""
    def recorded(ctx, sentence, record):
        original = module.list_members
        module.list_members = lambda *args: walks.append(args[2]) or list_members(*args)
        try:
            return function(ctx, sentence, record)
        finally:
            module.list_members = original
    return recorded


def test_a_total_reads_the_totals_a_sentence_lists_after_it_only_within_a_reach(monkeypatch, tmp_path):
    """A sentence of many totals and no comma ("two priests were released and two monks were freed and ..."): each total
    read every later figure of the sentence for a release it lists (an 80 KB sentence took 51 s; the square of it).
    Each now reads the figures within LISTED_REACH of it."""
    from toolkit.contribute.extract import releases
    from tests.test_extract import _drafted, shapes_registry

    shapes = shapes_registry(tmp_path / "shapes")
    windows = _segment_windows(monkeypatch, releases)
    totals = 300
    body = " and ".join(f"{n % 9 + 2} priests were released" for n in range(totals))
    _drafted(shapes, "Published: 21 November 2026\n\nIn Minsk " + body + ".\n", published="2026-11-21")
    per_total = releases.LISTED_REACH // len(" and 2 priests were released") + 1
    assert windows and len(windows) <= totals * per_total  # not totals * totals / 2
    assert max(windows) <= releases.LISTED_REACH


def test_an_undated_lead_reads_only_the_dates_near_each_freeing_and_the_words_right_before_it(monkeypatch, tmp_path):
    """A sentence of many freeings and dates and no comma ("in June 30 were released and in July 40 were released and
    ..."): the page's release was looked for in every date of the sentence for every freeing, each reading the words
    from the date to the freeing (a 77 KB sentence took over 300 s in a review's run). Each freeing now reads the dates
    within DATE_REACH of it, and the words of another event in EVENT_WORDS_REACH before it."""
    from toolkit.contribute.extract import subjects
    from tests.test_extract import _drafted, shapes_registry

    shapes = shapes_registry(tmp_path / "shapes")
    windows, calls = [], []
    pattern = subjects.ANOTHER_EVENT

    class Recording:
        def search(self, string, pos=0, endpos=None):
            windows.append((len(string) if endpos is None else endpos) - pos)
            return pattern.search(string, pos, len(string) if endpos is None else endpos)

    another_event = subjects.another_event
    monkeypatch.setattr(subjects, "ANOTHER_EVENT", Recording())
    monkeypatch.setattr(subjects, "another_event", lambda *a: calls.append(1) or another_event(*a))
    unit = "in June 30 were released and in July 40 were released and "
    units = 120
    _drafted(shapes, "Minsk frees prisoners\n\n" + unit * units + "more.\n", year=2026)
    dates_near = 2 * (2 * subjects.DATE_REACH // len(unit) + 1)  # each unit holds two dates and two freeings
    assert calls and len(calls) <= 2 * units * dates_near  # not (2 * units) ** 2
    assert windows and max(windows) <= subjects.EVENT_WORDS_REACH


def _segment_windows(monkeypatch, releases) -> list[int]:
    """The lengths of the text each later figure's clause is searched in by `releases` (its "(?:,|;|and)" search),
    recorded as the module runs."""
    windows: list[int] = []

    class Proxy:
        def __getattr__(self, name):
            return getattr(re, name)

        @staticmethod
        def search(pattern, string, *args):
            if isinstance(pattern, str) and pattern.startswith(r"(?:,|;|\band\b)"):
                windows.append(len(string))
            return re.search(pattern, string, *args)

    monkeypatch.setattr(releases, "re", Proxy())
    return windows
