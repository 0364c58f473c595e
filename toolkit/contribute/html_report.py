"""One self-contained HTML page for readers: releases, people, sanctions timeline, conflicts, sources.

Everything is inline (styles, no scripts, no fonts or images from the network),
so the file opens the same offline. Each conflict shows the competing claims
side by side with their quotes, linked to the sources they come from.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from ..publish.rows import read_rows
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
"""


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


def render(meta: dict, tables: dict[str, list[dict]]) -> str:
    names = {e["entity_id"]: e["name"] for e in tables["entities"]}
    claims = {c["claim_id"]: c for c in tables["claims"]}
    body = [
        f"<h1>{escape(meta['title'])}</h1>",
        f"<p class=muted>Version {escape(str(meta.get('version')))} · built from {len(tables['sources'])} sources "
        f"and {len(tables['claims'])} claims · {len(tables['conflicts'])} conflicts recorded</p>",
        _releases(tables, names, claims), _people(tables, names, claims), _sanctions(tables, names, claims),
        _conflicts(tables, names, claims), _sources(tables),
    ]
    return ("<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width'><title>{escape(meta['title'])}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")


def _status(value) -> str:
    return f"<span class='status {escape(value)}'>{escape(value.replace('_', ' '))}</span>" if value else ""


QUALIFIER_WORDS = {"at_least": "at least", "more_than": "more than", "at_most": "at most", "fewer_than": "fewer than",
                   "about": "about", "almost": "almost", "nearly": "nearly", "since": "since", "before": "before",
                   "by": "by", "after": "after", "on_or_after": "on or after"}


def _qualified(text: str, row: dict, field: str) -> str:
    """A value with its qualifier in words: "more than 100", "between 100 and 120", "by 2025-11"."""
    qualifier = row.get(f"{field}_qualifier") or "exact"
    if qualifier == "between":
        return f"between {text} and {row.get(f'{field}_upper')}"
    return f"{QUALIFIER_WORDS[qualifier]} {text}" if qualifier in QUALIFIER_WORDS else text


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


def _shown(row: dict, field: str, claims: dict, text: str | None) -> str:
    status = _status(row.get(f"{field}_status"))
    if text is None:
        candidates = row.get(f"{field}_candidates") or []
        if candidates:
            return f"{escape(' or '.join(candidates))} {status}"
        return status or "—"
    return f"{escape(text)} {status}{_strength(row, field, claims)}"


def _count(row: dict, field: str, claims: dict) -> str:
    value = row.get(field)
    text = None if value is None else _qualified(str(value), row, field)
    if text is not None and row.get(f"{field}_as_of"):
        text += f" (on {row[f'{field}_as_of'][:{'year': 4, 'month': 7}.get(row.get(f'{field}_as_of_precision'), 10)]})"
    return _shown(row, field, claims, text)


def _date(row: dict, field: str, claims: dict) -> str:
    value = row.get(field)
    if value is None:
        return _shown(row, field, claims, None)
    shown = {"year": value[:4], "month": value[:7]}.get(row.get(f"{field}_precision"), value)
    return _shown(row, field, claims, _qualified(shown, row, field))


def _entity(row: dict, field: str, names: dict, claims: dict) -> str:
    value = row.get(f"{field}_id")
    return _shown(row, field, claims, None if value is None else names.get(value, value))


def _releases(tables, names, claims) -> str:
    rows = []
    for r in sorted(tables["releases"], key=lambda r: r.get("date") or ""):
        rows.append(f"<tr id='release-{escape(r['release_id'])}'><td>{escape(r['name'])}</td>"
                    f"<td>{_date(r, 'date', claims)}</td><td>{_count(r, 'released_count', claims)}</td>"
                    f"<td>{_entity(r, 'envoy', names, claims)}</td><td>{_entity(r, 'traded_for', names, claims)}</td>"
                    f"<td>{escape(r['named_people'])}</td></tr>")
    destinations = [
        f"<tr><td>{escape(names.get(d['release_id'], d['release_id']))}</td>"
        f"<td>{escape(names.get(d['destination_id'], d['destination_id']))}"
        f"{' (' + escape(', '.join(names.get(p, p) for p in d['places_named'])) + ')' if d['places_named'] else ''}</td>"
        f"<td>{escape(names.get(d['group_id'], d['group_id']))}</td><td>{_count(d, 'count', claims)}</td></tr>"
        for d in tables["release_destinations"]
    ]
    return ("<section id=releases><h2>Releases</h2><table><tr><th>Release</th><th>Date</th><th>Freed</th>"
            "<th>Envoy</th><th>Traded for</th><th>Named people</th></tr>" + "".join(rows) + "</table>"
            "<h3>Where those freed were taken</h3><table><tr><th>Release</th><th>Destination (places named)</th>"
            "<th>Counted</th><th>Number</th></tr>" + "".join(destinations) + "</table></section>")


def _people(tables, names, claims) -> str:
    releases = {}
    for link in tables["release_people"]:
        releases.setdefault(link["person_id"], []).append(names.get(link["release_id"], link["release_id"]))
    rows = [
        f"<tr id='person-{escape(p['person_id'])}'><td><b>{escape(p['name'])}</b>"
        f"<div class=muted>{escape(', '.join(p['aliases']))}</div></td>"
        f"<td>{escape('; '.join(p['roles']))}</td><td>{_count(p, 'age', claims)}</td>"
        f"<td>{_count(p, 'sentence_years', claims)}</td>"
        f"<td>{_date(p, 'imprisoned_since', claims)}</td><td>{_entity(p, 'sent_to', names, claims)}</td>"
        f"<td>{escape(', '.join(releases.get(p['person_id'], [])))}</td></tr>"
        for p in tables["people"]
    ]
    return ("<section id=people><h2>People freed</h2><table><tr><th>Name</th><th>Described as</th><th>Age</th>"
            "<th>Sentence (years)</th><th>Imprisoned since</th><th>Taken to</th><th>Release</th></tr>"
            + "".join(rows) + "</table></section>")


def _sanctions(tables, names, claims) -> str:
    events = []
    for s in tables["sanctions"]:
        for field, verb in (("imposed_on", "imposed"), ("lifted_on", "lifted or lifting announced")):
            if s.get(field):
                events.append((s[field], f"<li><b>{_date(s, field, claims)}</b> {escape(s['name'])} {verb}"
                                         f"{' by ' + escape(names.get(s[field[:-3] + '_by_id'], '')) if s.get(field[:-3] + '_by_id') else ''}</li>"))
            elif s.get(f"{field}_status") == "conflict":
                events.append(("9999", f"<li><b>date in dispute</b> {escape(s['name'])} {verb} "
                                       f"{_status('conflict')} (see conflicts)</li>"))
        if not s.get("imposed_on") and not s.get("lifted_on") and s.get("relief"):
            events.append(("99999", f"<li><b>date not stated</b> {escape(s['name'])}: "
                                    f"{escape('; '.join(s['relief']))}</li>"))
    events.sort(key=lambda e: e[0])
    return ("<section id=sanctions><h2>Sanctions timeline</h2><ul class=timeline>"
            + "".join(html for _, html in events) + "</ul></section>")


def _conflicts(tables, names, claims) -> str:
    cards = []
    for c in tables["conflicts"]:
        quoted = "".join(
            f"<div class=claim><b>{escape(claims[i]['value'])}</b> — <a href='#source-{escape(claims[i]['source_id'])}'>"
            f"{escape(claims[i]['source_id'])}</a>"
            f"{' via ' + escape(claims[i]['attributed_to']) if claims[i].get('attributed_to') else ''}"
            f"<blockquote>“{escape(claims[i]['quote'])}”</blockquote>"
            f"<span class=muted>{escape(i)}, article line {escape(claims[i]['quote_line'])}</span></div>"
            for i in c["claim_ids"] if i in claims
        )
        resolution = (f"<p><b>Resolved:</b> {escape(c['resolution'])} — {escape(c.get('rationale') or '')}</p>"
                      if c.get("resolution") else
                      f"<p><b>Reviewed, left open:</b> {escape(c['rationale'])}</p>" if c.get("rationale") else "")
        sides = "".join(f"<li>{escape(side)}</li>" for side in c.get("origins") or [])
        sides = f"<p class=muted>Who stands behind each value:</p><ul>{sides}</ul>" if sides else ""
        cards.append(
            f"<article class=conflict id='conflict-{escape(c['conflict_id'])}' data-conflict='{escape(c['conflict_id'])}'>"
            f"<h3>{escape(names.get(c['subject_id'], c['subject_id']))}: {escape(c['property'].replace('_', ' '))} "
            f"{_status(c['status'])} <span class=muted>{escape(c['kind'])}, {escape(c['severity'])}</span></h3>"
            f"<p>{escape(c['description'])}</p>{resolution}{sides}<div class=claims>{quoted}</div>"
            f"<p class=muted>{escape(c['conflict_id'])}</p></article>"
        )
    return (f"<section id=conflicts><h2>Conflicts between sources ({len(cards)})</h2>"
            "<p class=muted>Open: the sources disagree. Explained: a rule accounts for the difference. "
            "Resolved by curator: a maintainer chose a value; the competing claims stay.</p>"
            + "".join(cards) + "</section>")


def _sources(tables) -> str:
    items = [
        f"<li id='source-{escape(s['source_id'])}'><b>{escape(s['outlet'] or 'Outlet not named')}</b>"
        f"{': ' + escape(s['title']) if s.get('title') else ''} <span class=muted>({escape(s['source_id'])}, "
        f"{escape(s['published'][:{'year': 4, 'month': 7}.get(s['published_precision'], 10)])}, "
        f"{escape(s['claim_count'])} claims)</span><div class=muted>{escape(s.get('note') or '')}</div></li>"
        for s in tables["sources"]
    ]
    return "<section id=sources><h2>Sources</h2><ul>" + "".join(items) + "</ul></section>"
