"""One self-contained HTML page for readers: what the sources disagree on first, then releases,
people, the sanctions timeline and the sources.

Everything is inline (styles, no scripts, no fonts or images from the network), so the file
opens the same offline. The page opens with a summary of the disagreements (open, explained,
resolved by a curator) and the open ones first; each conflict shows its sides, every claim with
its outlet, its value as the source gave it (with its qualifier) and its exact quote, linked to
the article where its URL is known; and why it stands. Every table cell a conflict touches links
to that conflict. A date the sources give to the month or year reads as that month or year.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

from ..publish.rows import read_rows
from ..texts import safe_link
from ..values import INF, Count, DateValue

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:1.5rem;color:#1d1d1f}
h1{font-size:1.6rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.2rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #ddd;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f6}
.status{font-size:.75rem;padding:.05rem .4rem;border-radius:.6rem;background:#e8e8ed;white-space:nowrap}
.status.conflict,.status.open{background:#ffd7d5}.status.agreed{background:#d8f5dd}
.status.resolved_by_curator{background:#dde8ff}.status.explained{background:#fff1c2}
.conflict{border:1px solid #ccc;border-radius:.5rem;padding:.6rem 1rem;margin:1rem 0}
.claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:.6rem}
.claim{background:#fafafa;border-left:4px solid #888;padding:.4rem .6rem}
blockquote{margin:.3rem 0;font-style:italic}
.timeline{border-left:3px solid #888;margin-left:.5rem;padding-left:1rem}
.timeline li{list-style:none;margin:.4rem 0}.muted{color:#666;font-size:.85rem}
.summary{background:#f4f4f6;border-radius:.5rem;padding:.6rem 1rem}.summary b{font-size:1.2rem}
.side{border-top:1px solid #ddd;margin-top:.4rem;padding-top:.3rem}.disputed{font-size:.75rem;margin-left:.3rem}
details.evidence{display:inline}details.evidence summary{font-size:.75rem;color:#0645ad;cursor:pointer;display:inline}
details.evidence[open]{display:block}nav#contents{background:#f4f4f6;border-radius:.5rem;padding:.4rem 1rem}
nav#contents ol{margin:.2rem 0;columns:2}
"""

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
STATUS_ORDER = {"open": 0, "resolved_by_curator": 1, "explained": 2}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def read_package(package_dir: Path) -> tuple[dict, dict[str, list[dict]]]:
    """The descriptor and every resource's rows (lists split, empty cells as None)."""
    meta = json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))
    return meta, {resource["name"]: read_rows(package_dir, resource) for resource in meta["resources"]}


def write_report(package_dir: Path, out: Path) -> Path:
    """Render the package at `package_dir` to the HTML file `out`."""
    meta, tables = read_package(Path(package_dir))
    page = render(meta, tables)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    temporary = out.with_name(f".{out.name}.tmp")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(out)
    return out


def render_package(descriptor: dict, package_dir: Path) -> str:
    """The page for a package being written: its descriptor (before datapackage.json is on disk) and the
    data files already in `package_dir`."""
    return render(descriptor, {r["name"]: read_rows(package_dir, r) for r in descriptor["resources"]})


def render(meta: dict, tables: dict[str, list[dict]]) -> str:
    page = Page(tables)
    body = [
        f"<h1>{escape(meta['title'])}</h1>",
        f"<p class=muted>Version {escape(str(meta.get('version')))} · built from {len(tables['sources'])} sources "
        f"and {len(tables['claims'])} claims</p>",
        _contents(tables), _summary(tables["conflicts"], page.named), _conflicts(page), _releases(page), _people(page), _sanctions(page),
        _sources(tables),
    ]
    return ("<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width'><title>{escape(meta['title'])}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")


class Page:
    """What every part of the page looks up: names, claims, sources, and the conflicts each value touches."""

    def __init__(self, tables: dict[str, list[dict]]):
        self.tables = tables
        self.names = {e["entity_id"]: e["name"] for e in tables["entities"]}
        self.claims = {c["claim_id"]: c for c in tables["claims"]}
        self.sources = {s["source_id"]: s for s in tables["sources"]}
        self.root = next((e["entity_id"] for e in tables["entities"] if e.get("root") in (True, "true")), None)
        self._ids = None
        self.touching: dict[tuple, list[str]] = {}
        for c in ordered(tables["conflicts"]):
            for key in ((c["subject_id"], c["property"]),
                        (c["subject_id"], c["property"], c.get("scope_id"), c.get("population_id"))):
                self.touching.setdefault(key, []).append(c["conflict_id"])

    def named(self, text: str) -> str:
        """Sentences written with source ids ("kyivindependent-2025-12's own figures"), with each source's
        name in its place, as a reader knows it."""
        if not text or not self.sources:
            return text
        if self._ids is None:
            ids = sorted(self.sources, key=len, reverse=True)  # a longer id before any id it contains
            self._ids = re.compile(r"(?<![\w-])(" + "|".join(re.escape(i) for i in ids) + r")(?![\w-])")
        return self._ids.sub(lambda m: source_name(self.sources[m.group(1)], m.group(1)), text)

    def links(self, *keys: tuple) -> str:
        """Links to the conflicts about a value (each key: subject and property, or with scope and
        population too), or nothing."""
        found = dict.fromkeys(i for key in keys for i in self.touching.get(key, []))
        return "".join(f" <a class=disputed href='#conflict-{escape(i)}' title='{escape(i)}'>conflict</a>"
                       for i in found)


def ordered(conflicts: list[dict]) -> list[dict]:
    """Open first (errors before warnings), then those a curator resolved, then those a rule explains."""
    return sorted(conflicts, key=lambda c: (STATUS_ORDER.get(c["status"], 3), SEVERITY_ORDER.get(c["severity"], 3),
                                            c["conflict_id"]))


CONTENTS = (("summary", "Where the sources disagree"), ("conflicts", "Conflicts between sources"),
            ("releases", "Releases"), ("people", "People freed"), ("sanctions", "Sanctions timeline"),
            ("sources", "Sources"))


def _contents(tables: dict[str, list[dict]]) -> str:
    """The page's parts, first: a reader reaches the tables in one click, not after every conflict card."""
    counts = {"conflicts": len(tables["conflicts"]), "releases": len(tables["releases"]),
              "people": len(tables["people"]), "sources": len(tables["sources"])}
    items = "".join(f"<li><a href='#{anchor}'>{escape(title)}</a>"
                    f"{f' <span class=muted>({counts[anchor]})</span>' if anchor in counts else ''}</li>"
                    for anchor, title in CONTENTS)
    return (f"<nav id=contents><b>Contents</b><ol>{items}</ol><p class=muted>Every value opens its quotes: "
            "click <i>quotes</i> beside it for what each source said, with a link to the article.</p></nav>")


def _summary(conflicts: list[dict], named=lambda text: text) -> str:
    counts = {status: sum(1 for c in conflicts if c["status"] == status) for status in STATUS_ORDER}
    opened = [c for c in ordered(conflicts) if c["status"] == "open"]
    items = "".join(f"<li><a href='#conflict-{escape(c['conflict_id'])}'>{escape(named(c['description']))}</a></li>"
                    for c in opened)
    return ("<section id=summary class=summary><h2>Where the sources disagree</h2>"
            f"<p><b data-count=open>{counts['open']}</b> open · <b data-count=resolved_by_curator>"
            f"{counts['resolved_by_curator']}</b> resolved by a curator · <b data-count=explained>"
            f"{counts['explained']}</b> explained by a rule</p>"
            + (f"<ol>{items}</ol>" if items else "<p>No disagreement is open.</p>") + "</section>")


def _status(value) -> str:
    return f"<span class='status {escape(value)}'>{escape(value.replace('_', ' '))}</span>" if value else ""


QUALIFIER_WORDS = {"at_least": "at least", "more_than": "more than", "at_most": "at most", "fewer_than": "fewer than",
                   "about": "about", "almost": "almost", "nearly": "nearly", "since": "since", "before": "before",
                   "by": "by", "after": "after", "on_or_after": "on or after"}


def _qualified(text: str, qualifier: str | None, upper=None) -> str:
    """A value with its qualifier in words: "more than 100", "between 100 and 120", "by November 2025"."""
    qualifier = qualifier or "exact"
    if qualifier == "between":
        return f"between {text} and {upper}"
    return f"{QUALIFIER_WORDS[qualifier]} {text}" if qualifier in QUALIFIER_WORDS else text


def spoken_date(value: str, precision: str | None) -> str:
    """A date as precise as the sources give it: "13 December 2025", "June 2025", "2021" (never 2025-06-01)."""
    year, month, day = value[:4], int(value[5:7]), int(value[8:10])
    if precision == "year":
        return year
    if precision == "month":
        return f"{MONTHS[month - 1]} {year}"
    return f"{day} {MONTHS[month - 1]} {year}"


def claim_value(claim: dict, names: dict) -> str:
    """What a claim says, as its source said it: the count with its qualifier, the date to its precision."""
    if claim.get("count_value") is not None:
        upper = claim.get("count_high") if claim.get("count_qualifier") == "between" else None
        return _qualified(str(claim["count_value"]), claim.get("count_qualifier"), upper)
    if claim.get("date_value"):
        return _qualified(spoken_date(claim["date_value"], claim.get("date_precision")), claim.get("date_qualifier"))
    if claim.get("entity_id"):
        return names.get(claim["entity_id"], claim["value"])
    return claim["value"]


def _strength(row: dict, field: str, claims: dict) -> str:
    """How much stands behind a value: "6 outlets, 4 independent origins" among the claims that agree with it."""
    ids = [i for i in row.get(f"{field}_claims") or [] if i in claims]
    resolved = _interval(row, field)
    if resolved is not None:
        ids = [i for i in ids if _overlaps(resolved, _claim_interval(claims[i]))]
    outlets = len({claims[i]["source_id"] for i in ids})
    origins = row.get(f"{field}_origins")
    if not outlets or origins is None:
        return ""
    return (f" <span class=muted>· {outlets} outlet{'s' if outlets != 1 else ''}, {origins} independent "
            f"origin{'s' if str(origins) != '1' else ''}</span>")


def _interval(row: dict, field: str):
    """The resolved value's interval (counts and dates), or None for entities and text."""
    value, qualifier = row.get(field), row.get(f"{field}_qualifier") or "exact"
    if value is None or f"{field}_qualifier" not in row:
        return None
    if f"{field}_precision" in row:
        return _date_interval(value, row.get(f"{field}_precision"), qualifier)
    count = Count(int(value), qualifier, int(row[f"{field}_upper"]) if row.get(f"{field}_upper") else None)
    return count.low, count.high


def _date_interval(value: str, precision: str | None, qualifier: str | None):
    date = DateValue(value[:{"year": 4, "month": 7}.get(precision, 10)], qualifier or "exact")
    return date.low, date.high


def _claim_interval(claim: dict):
    if claim.get("count_low") is not None:
        return int(claim["count_low"]), int(claim["count_high"]) if claim.get("count_high") else INF
    if claim.get("date_value"):
        return _date_interval(claim["date_value"], claim.get("date_precision"), claim.get("date_qualifier"))
    return None


def _overlaps(a, b) -> bool:
    return b is None or type(a[0]) is not type(b[0]) or (a[0] <= b[1] and b[0] <= a[1])


def _shown(row: dict, field: str, page: Page, text: str | None, keys: list[tuple]) -> str:
    status = _status(row.get(f"{field}_status"))
    links = page.links(*keys) + _evidence(row, field, page)
    if text is None:
        candidates = row.get(f"{field}_candidates") or []
        if candidates:
            return f"{escape(' or '.join(candidates))} {status}{links}"
        return (status or "—") + links
    return f"{escape(text)} {status}{_strength(row, field, page.claims)}{links}"


def _evidence(row: dict, field: str, page: Page) -> str:
    """The claims behind a value, disputed or not, folded under "quotes": each with who said it, the value as
    they gave it, the quote, and a link to the article where its URL is known."""
    claims = [page.claims[i] for i in row.get(f"{field}_claims") or [] if i in page.claims]
    if not claims:
        return ""
    return (f" <details class=evidence data-field='{escape(field)}'><summary>quotes ({len(claims)})</summary>"
            + "".join(_quoted(claim, page) for claim in claims) + "</details>")


def _quoted(claim: dict, page: Page) -> str:
    """One claim as a reader checks it: its source, its value as given, its quote and where the quote is."""
    return (f"<div class=claim>{_source_link(page.sources.get(claim['source_id']), claim['source_id'])}"
            f"{' via ' + escape(claim['attributed_to']) if claim.get('attributed_to') else ''}: "
            f"<b>{escape(claim_value(claim, page.names))}</b>"
            f"<blockquote>“{escape(claim['quote'])}”</blockquote>"
            f"<span class=muted>article line {escape(claim['quote_line'])}</span></div>")


def _count(row: dict, field: str, page: Page, *keys: tuple) -> str:
    value = row.get(field)
    text = None if value is None else _qualified(str(value), row.get(f"{field}_qualifier"), row.get(f"{field}_upper"))
    if text is not None and row.get(f"{field}_as_of"):
        text += f" (on {spoken_date(row[f'{field}_as_of'], row.get(f'{field}_as_of_precision'))})"
    return _shown(row, field, page, text, list(keys))


def _date(row: dict, field: str, page: Page, *keys: tuple) -> str:
    value = row.get(field)
    if value is None:
        return _shown(row, field, page, None, list(keys))
    return _shown(row, field, page, _qualified(spoken_date(value, row.get(f"{field}_precision")),
                                               row.get(f"{field}_qualifier")), list(keys))


def _entity(row: dict, field: str, page: Page, *keys: tuple) -> str:
    value = row.get(f"{field}_id")
    return _shown(row, field, page, None if value is None else page.names.get(value, value), list(keys))


def _releases(page: Page) -> str:
    tables, names = page.tables, page.names
    rows = []
    for r in sorted(tables["releases"], key=lambda r: r.get("date") or ""):
        rid = r["release_id"]
        rows.append(f"<tr id='release-{escape(rid)}'><td>{escape(r['name'])}</td>"
                    f"<td>{_date(r, 'date', page, (rid, 'date'))}</td>"
                    f"<td>{_count(r, 'released_count', page, (rid, 'released_count', None, None))}</td>"
                    f"<td>{_entity(r, 'envoy', page, (rid, 'envoy'))}</td>"
                    f"<td>{_entity(r, 'traded_for', page, (rid, 'traded_for'))}</td>"
                    f"<td>{escape(r['named_people'])}</td></tr>")
    destinations = [
        f"<tr><td>{escape(names.get(d['release_id'], d['release_id']))}</td>"
        f"<td>{escape(names.get(d['destination_id'], d['destination_id']))}"
        f"{' (' + escape(', '.join(names.get(p, p) for p in d['places_named'])) + ')' if d['places_named'] else ''}</td>"
        f"<td>{escape(names.get(d['group_id'], d['group_id']))}</td>"
        f"<td>{_count(d, 'count', page, *_destination_keys(d, page))}</td></tr>"
        for d in tables["release_destinations"]
    ]
    return ("<section id=releases><h2>Releases</h2><table><tr><th>Release</th><th>Date</th><th>Freed</th>"
            "<th>Envoy</th><th>Traded for</th><th>Named people</th></tr>" + "".join(rows) + "</table>"
            "<h3>Where those freed were taken</h3><table><tr><th>Release</th><th>Destination (places named)</th>"
            "<th>Counted</th><th>Number</th></tr>" + "".join(destinations) + "</table></section>")


def _destination_keys(row: dict, page: Page) -> list[tuple]:
    """A destination's conflicts: those about its place (and group, unless it counts everyone), and those
    about how the release's destinations add up (scope none)."""
    group = None if row["group_id"] == page.root else row["group_id"]
    return [(row["release_id"], "destination_count", row["destination_id"], group),
            (row["release_id"], "destination_count", None, None)]


def _people(page: Page) -> str:
    tables, names = page.tables, page.names
    releases = {}
    for link in tables["release_people"]:
        releases.setdefault(link["person_id"], []).append(names.get(link["release_id"], link["release_id"]))
    rows = []
    for p in tables["people"]:
        pid = p["person_id"]
        rows.append(
            f"<tr id='person-{escape(pid)}'><td><b>{escape(p['name'])}</b>{page.links(pid, 'name')}"
            f"<div class=muted>{escape(', '.join(p['aliases']))}</div></td>"
            f"<td>{escape('; '.join(p['roles']))}</td><td>{_count(p, 'age', page, (pid, 'age'))}</td>"
            f"<td>{_count(p, 'sentence_years', page, (pid, 'sentence_years'))}</td>"
            f"<td>{_date(p, 'imprisoned_since', page, (pid, 'imprisoned_since'))}</td>"
            f"<td>{_entity(p, 'sent_to', page, (pid, 'sent_to'))}</td>"
            f"<td>{escape(', '.join(releases.get(pid, [])))}</td></tr>")
    return ("<section id=people><h2>People freed</h2><table><tr><th>Name</th><th>Described as</th><th>Age</th>"
            "<th>Sentence (years)</th><th>Imprisoned since</th><th>Taken to</th><th>Release</th></tr>"
            + "".join(rows) + "</table></section>")


def _sanctions(page: Page) -> str:
    names = page.names
    events = []
    for s in page.tables["sanctions"]:
        sid = s["sanction_id"]
        for field, verb in (("imposed_on", "imposed"), ("lifted_on", "lifted or lifting announced")):
            by = s.get(field[:-3] + "_by_id")
            if s.get(field):
                events.append((s[field], f"<li><b>{_date(s, field, page, (sid, field))}</b> {escape(s['name'])} {verb}"
                                         f"{' by ' + escape(names.get(by, '')) if by else ''}</li>"))
            elif s.get(f"{field}_status") == "conflict":
                events.append(("9999", f"<li><b>date in dispute</b> {escape(s['name'])} {verb} "
                                       f"{_status('conflict')}{page.links(sid, field)}</li>"))
        if not s.get("imposed_on") and not s.get("lifted_on") and s.get("relief"):
            events.append(("99999", f"<li><b>date not stated</b> {escape(s['name'])}: "
                                    f"{escape('; '.join(s['relief']))}</li>"))
    events.sort(key=lambda e: e[0])
    return ("<section id=sanctions><h2>Sanctions timeline</h2><ul class=timeline>"
            + "".join(html for _, html in events) + "</ul></section>")


def web_address(url) -> str | None:
    """The URL if a reader's browser may follow it (http or https), else None: a package can hold anything."""
    return safe_link(url)


def source_name(source: dict | None, source_id: str) -> str:
    """Who a source is to a reader: its outlet, or its headline where no outlet is named; its id only
    where it has neither."""
    return (source or {}).get("outlet") or (source or {}).get("title") or source_id


def _source_link(source: dict | None, source_id: str) -> str:
    """The outlet, linked to where it is listed below, and to the article itself where its URL is known."""
    outlet = source_name(source, source_id)
    text = f"<a href='#source-{escape(source_id)}'>{escape(outlet)}</a>"
    url = web_address((source or {}).get("url"))
    if url:
        text += f" <a class=muted href='{escape(url)}' rel=noopener>(article)</a>"
    return text


def _conflicts(page: Page) -> str:
    cards = []
    for c in ordered(page.tables["conflicts"]):
        sides: dict[str, list[dict]] = {}
        for i in c["claim_ids"]:
            if i in page.claims:
                side = spelling(page.claims[i], c["subject_id"]) if c["kind"] == "name" else None
                sides.setdefault(side or claim_value(page.claims[i], page.names), []).append(page.claims[i])
        blocks = []
        for value, claims in sides.items():
            quoted = "".join(
                f"<div class=claim>{_source_link(page.sources.get(claim['source_id']), claim['source_id'])}"
                f"{' via ' + escape(claim['attributed_to']) if claim.get('attributed_to') else ''}"
                f"<blockquote>“{escape(claim['quote'])}”</blockquote>"
                f"<span class=muted>{escape(claim['claim_id'])}, article line {escape(claim['quote_line'])}</span>"
                f"</div>" for claim in claims)
            outlets = ", ".join(dict.fromkeys(source_name(page.sources.get(x["source_id"]), x["source_id"])
                                              for x in claims))
            blocks.append(f"<div class=side><p><b>{escape(value)}</b> <span class=muted>— {escape(outlets)}</span></p>"
                          f"<div class=claims>{quoted}</div></div>")
        spread = _range([page.claims[i] for i in c["claim_ids"] if i in page.claims], page) \
            if c["kind"] == "value" and c["status"] != "explained" else ""  # one figure in dispute, not a rule
        if c.get("resolution"):
            why = f"<p><b>Resolved:</b> {escape(c['resolution'])} — {escape(page.named(c.get('rationale') or ''))}</p>"
        elif c["status"] == "explained":
            why = "<p><b>Why it stands:</b> a rule of the registry explains the difference; nothing is in dispute.</p>"
        elif c.get("rationale"):
            why = f"<p><b>Why it stands:</b> reviewed and left open — {escape(page.named(c['rationale']))}</p>"
        else:
            why = "<p><b>Why it stands:</b> no curator has decided it yet.</p>"
        cards.append(
            f"<article class=conflict id='conflict-{escape(c['conflict_id'])}' data-conflict='{escape(c['conflict_id'])}'"
            f" data-status='{escape(c['status'])}'>"
            f"<h3>{escape(page.names.get(c['subject_id'], c['subject_id']))}: {escape(c['property'].replace('_', ' '))} "
            f"{_status(c['status'])} <span class=muted>{escape(c['kind'])}, {escape(c['severity'])}</span></h3>"
            f"<p>{escape(page.named(c['description']))}</p>{spread}{why}{''.join(blocks)}"
            f"<p class=muted>{escape(c['conflict_id'])}</p></article>"
        )
    return (f"<section id=conflicts><h2>Conflicts between sources ({len(cards)})</h2>"
            "<p class=muted>Open: the sources disagree. Resolved by curator: a maintainer chose a value; the "
            "competing claims stay. Explained: a rule accounts for the difference.</p>"
            + "".join(cards) + "</section>")


def spelling(claim: dict, entity_id: str) -> str | None:
    """How a claim writes the name a name conflict is about: the one it attributes its words to, or the
    entity it gives as its value (a claim naming the envoy as its speaker is about his name, not about
    the United States its value names)."""
    if claim.get("attributed_to_id") == entity_id and claim.get("attributed_to"):
        return claim["attributed_to"]
    if claim.get("entity_id") == entity_id:
        return claim["value"]
    return None


def _range(claims: list[dict], page: Page) -> str:
    """For a disputed count, the range the sources give, to quote honestly: from the lowest figure a source
    allows to the highest one states, each with who gives it; nothing for dates, names and text."""
    counted = [c for c in claims if c.get("count_low") is not None]
    if len({claim_value(c, page.names) for c in counted}) < 2:
        return ""
    low = min(int(c["count_low"]) for c in counted)
    top = max(int(c["count_high"] or c["count_low"]) for c in counted)
    lowest = [c for c in counted if int(c["count_low"]) == low]
    highest = [c for c in counted if int(c["count_high"] or c["count_low"]) == top]

    def said(group: list[dict]) -> str:
        values = " or ".join(dict.fromkeys(claim_value(c, page.names) for c in group))
        who = ", ".join(dict.fromkeys(source_name(page.sources.get(c["source_id"]), c["source_id"]) for c in group))
        return f"<b>{escape(values)}</b> ({escape(who)})"

    return f"<p class=range data-low='{low}' data-high='{top}'>Sources give from {said(lowest)} to {said(highest)}.</p>"


def _sources(tables) -> str:
    items = []
    for s in tables["sources"]:
        address = web_address(s.get("url"))
        url = f" <a href='{escape(address)}' rel=noopener>{escape(address)}</a>" if address else \
            " <span class=muted>(no link known)</span>"
        items.append(
            f"<li id='source-{escape(s['source_id'])}'><b>{escape(s['outlet'] or 'Outlet not named')}</b>"
            f"{': ' + escape(s['title']) if s.get('title') else ''}{url} <span class=muted>({escape(s['source_id'])}, "
            f"{escape(spoken_date(s['published'], s['published_precision']))}, "
            f"{escape(s['claim_count'])} claims)</span><div class=muted>{escape(s.get('note') or '')}</div></li>")
    return "<section id=sources><h2>Sources</h2><ul>" + "".join(items) + "</ul></section>"
