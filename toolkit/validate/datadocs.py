"""Data Docs: the expectation suites and their results as static pages that open offline.

The pages are rendered here from great-expectations' results, not by its Data Docs site builder:
that one styles its pages from CDNs and writes cell values into its HTML unescaped, so a hostile
cell in a contributed table ran as script in the validation page. Here every value, name and
message goes through `html.escape`, the pages hold no script and load nothing, and a page's file
name is the resource's name only when that is a plain word (else a slug with a digest), so a name
in a suite can never choose where a page is written.

  index.html                  every resource: passed or how many failed, links to its pages
  expectations/NAME.html      the suite: each expectation, its arguments and why it is there
  validations/NAME.html       the run: each expectation passed or failed, and what was observed
"""

from __future__ import annotations

import hashlib
import json
import re
from html import escape
from pathlib import Path

STYLE = """<style>
body{font:14px/1.45 system-ui,sans-serif;margin:1rem auto;max-width:1200px;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse;margin:.5rem 0;width:100%}td,th{border:1px solid #ddd;padding:.25rem .45rem;
text-align:left;vertical-align:top}th{background:#f4f4f6}.passed{color:#137333}.failed{color:#b3261e}
code{white-space:pre-wrap;word-break:break-word}
</style>"""


def page_name(resource: str) -> str:
    """The file name of a resource's pages: its name when that is a plain word, else a safe slug."""
    if re.fullmatch(r"[A-Za-z0-9_-]{1,100}", resource):
        return resource
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", resource)[:40].strip("-") or "resource"
    return f"{slug}-{hashlib.sha256(resource.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}"


def write_data_docs(docs: Path, suites: dict, outcomes: dict[str, list], issues) -> None:
    """Write the pages into `docs` (created if need be): `outcomes` maps each validated resource to
    (expectation entry, passed, observed value, message) per expectation; `issues` say what else went
    wrong (resources skipped or missing), which the index lists too."""
    (docs / "expectations").mkdir(parents=True, exist_ok=True)
    (docs / "validations").mkdir(parents=True, exist_ok=True)
    rows = []
    for name in sorted(suites):
        file = page_name(name)
        _write(docs / "expectations" / f"{file}.html", f"Expectations of {name}", _suite(suites[name]))
        if name in outcomes:
            failed = sum(1 for _, passed, _, _ in outcomes[name] if not passed)
            _write(docs / "validations" / f"{file}.html", f"Validation of {name}", _results(outcomes[name]))
            status = f"<span class=failed>{failed} failed</span>" if failed else "<span class=passed>passed</span>"
            result = f"<a href='validations/{escape(file)}.html'>result</a>"
        else:
            status, result = "<span class=failed>not validated</span>", ""
        rows.append(f"<tr><td>{escape(name)}</td><td>{status}</td>"
                    f"<td><a href='expectations/{escape(file)}.html'>expectations</a></td><td>{result}</td></tr>")
    other = [i for i in issues if i.type != "expectation-failed"]
    notes = "".join(f"<li>{escape(i.message)}</li>" for i in other)
    _write(docs / "index.html", "Data Docs: the package's expectations",
           "<table><tr><th>resource</th><th>status</th><th>suite</th><th>validation result</th></tr>"
           + "".join(rows) + "</table>" + (f"<h2>Also found</h2><ul>{notes}</ul>" if notes else ""))


def _suite(expectations: list) -> str:
    rows = "".join(
        f"<tr><td>{number}</td><td>{escape(str(entry.get('type')))}</td>"
        f"<td><code>{escape(json.dumps(entry.get('kwargs', {}), ensure_ascii=False, indent=1))}</code></td>"
        f"<td>{escape(str((entry.get('meta') or {}).get('why') or ''))}</td></tr>"
        for number, entry in enumerate(expectations, 1))
    return "<table><tr><th>#</th><th>expectation</th><th>arguments</th><th>why</th></tr>" + rows + "</table>"


def _results(outcomes: list) -> str:
    rows = "".join(
        f"<tr><td>{escape(str(entry.get('type')))}</td>"
        f"<td>{'<span class=passed>passed</span>' if passed else '<span class=failed>failed</span>'}</td>"
        f"<td>{escape(observed or '')}</td><td>{'' if passed else escape(message)}</td></tr>"
        for entry, passed, observed, message in outcomes)
    return ("<table><tr><th>expectation</th><th>result</th><th>observed</th><th>what fell short</th></tr>" + rows
            + "</table><p><a href='../index.html'>all resources</a></p>")


def _write(path: Path, title: str, body: str) -> None:
    path.write_text(f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(title)}</title>{STYLE}"
                    f"</head><body><h1>{escape(title)}</h1>{body}</body></html>\n", encoding="utf-8")
