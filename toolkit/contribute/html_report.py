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
        _releases(tables, names), _people(tables, names), _sanctions(tables, names),
        _conflicts(tables, names, claims), _sources(tables),
    ]
    return ("<!doctype html><html lang=en><head><meta charset=utf-8>"
            f"<meta name=viewport content='width=device-width'><title>{escape(meta['title'])}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")


def _status(value) -> str:
    return f"<span class='status {escape(value)}'>{escape(value.replace('_', ' '))}</span>" if value else ""


def _count(row: dict, field: str) -> str:
    value = row.get(field)
    if value is None:
        return _status(row.get(f"{field}_status")) or "—"
    qualifier = (row.get(f"{field}_qualifier") or "exact").replace("_", " ")
    text = value if qualifier == "exact" else f"{qualifier} {value}"
    return f"{escape(text)} {_status(row.get(f'{field}_status'))}"


def _date(row: dict, field: str) -> str:
    value = row.get(field)
    if value is None:
        return _status(row.get(f"{field}_status")) or "—"
    shown = {"year": value[:4], "month": value[:7]}.get(row.get(f"{field}_precision"), value)
    return f"{escape(shown)} {_status(row.get(f'{field}_status'))}"


def _entity(row: dict, field: str, names: dict) -> str:
    value = row.get(f"{field}_id")
    if value is None:
        return _status(row.get(f"{field}_status")) or "—"
    return f"{escape(names.get(value, value))} {_status(row.get(f'{field}_status'))}"


def _releases(tables, names) -> str:
    rows = []
    for r in sorted(tables["releases"], key=lambda r: r.get("date") or ""):
        rows.append(f"<tr id='release-{escape(r['release_id'])}'><td>{escape(r['name'])}</td>"
                    f"<td>{_date(r, 'date')}</td><td>{_count(r, 'released_count')}</td>"
                    f"<td>{_entity(r, 'envoy', names)}</td><td>{_entity(r, 'traded_for', names)}</td>"
                    f"<td>{escape(r['named_people'])}</td></tr>")
    destinations = [
        f"<tr><td>{escape(names.get(d['release_id'], d['release_id']))}</td>"
        f"<td>{escape(names.get(d['destination_id'], d['destination_id']))}"
        f"{' (' + escape(', '.join(names.get(p, p) for p in d['places_named'])) + ')' if d['places_named'] else ''}</td>"
        f"<td>{escape(names.get(d['group_id'], d['group_id']))}</td><td>{_count(d, 'count')}</td></tr>"
        for d in tables["release_destinations"]
    ]
    return ("<section id=releases><h2>Releases</h2><table><tr><th>Release</th><th>Date</th><th>Freed</th>"
            "<th>Envoy</th><th>Traded for</th><th>Named people</th></tr>" + "".join(rows) + "</table>"
            "<h3>Where those freed were taken</h3><table><tr><th>Release</th><th>Destination (places named)</th>"
            "<th>Counted</th><th>Number</th></tr>" + "".join(destinations) + "</table></section>")


def _people(tables, names) -> str:
    releases = {}
    for link in tables["release_people"]:
        releases.setdefault(link["person_id"], []).append(names.get(link["release_id"], link["release_id"]))
    rows = [
        f"<tr id='person-{escape(p['person_id'])}'><td><b>{escape(p['name'])}</b>"
        f"<div class=muted>{escape(', '.join(p['aliases']))}</div></td>"
        f"<td>{escape('; '.join(p['roles']))}</td><td>{_count(p, 'age')}</td><td>{_count(p, 'sentence_years')}</td>"
        f"<td>{_date(p, 'imprisoned_since')}</td><td>{_entity(p, 'sent_to', names)}</td>"
        f"<td>{escape(', '.join(releases.get(p['person_id'], [])))}</td></tr>"
        for p in tables["people"]
    ]
    return ("<section id=people><h2>People freed</h2><table><tr><th>Name</th><th>Described as</th><th>Age</th>"
            "<th>Sentence (years)</th><th>Imprisoned since</th><th>Taken to</th><th>Release</th></tr>"
            + "".join(rows) + "</table></section>")


def _sanctions(tables, names) -> str:
    events = []
    for s in tables["sanctions"]:
        for field, verb in (("imposed_on", "imposed"), ("lifted_on", "lifted or lifting announced")):
            if s.get(field):
                events.append((s[field], f"<li><b>{_date(s, field)}</b> {escape(s['name'])} {verb}"
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
                      if c.get("resolution") else "")
        cards.append(
            f"<article class=conflict id='conflict-{escape(c['conflict_id'])}' data-conflict='{escape(c['conflict_id'])}'>"
            f"<h3>{escape(names.get(c['subject_id'], c['subject_id']))}: {escape(c['property'].replace('_', ' '))} "
            f"{_status(c['status'])} <span class=muted>{escape(c['kind'])}, {escape(c['severity'])}</span></h3>"
            f"<p>{escape(c['description'])}</p>{resolution}<div class=claims>{quoted}</div>"
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
