"""Data Docs that open offline: great-expectations' pages without the CDN scripts and styles they load.

GX renders every expectation and result into the HTML itself, but styles it with Bootstrap from
CDNs and draws its index table with JavaScript. Offline the index is blank and the pages unstyled.
Here every page loses its remote `<script>` and `<link>` tags and gains a small inline stylesheet,
and index.html is rewritten as a plain table of the suites and results, each linked, with its status.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

REMOTE_TAG = re.compile(r"""<script[^>]+src=["']https?://[^>]*>\s*</script>|<link[^>]+href=["']https?://[^>]*>"""
                        r"""|<img[^>]+src=["']https?://[^>]*>""", re.IGNORECASE)
STYLE = """<style>
body{font:14px/1.45 system-ui,sans-serif;margin:1rem auto;max-width:1200px;padding:0 1rem;color:#1d1d1f}
table{border-collapse:collapse;margin:.5rem 0;width:100%}td,th{border:1px solid #ddd;padding:.25rem .45rem;
text-align:left;vertical-align:top}th{background:#f4f4f6}.text-success{color:#137333}.text-danger{color:#b3261e}
.card{border:1px solid #ddd;border-radius:.4rem;margin:.6rem 0;padding:.5rem .8rem}img{max-height:2rem}
</style>"""


def make_offline(docs: Path, resources: list[str], issues) -> None:
    """Strip remote assets from every page, inline a stylesheet, and write a static index."""
    for page in docs.rglob("*.html"):
        html = REMOTE_TAG.sub("", page.read_text(encoding="utf-8"))
        html = html.replace("</head>", STYLE + "</head>", 1)
        page.write_text(html, encoding="utf-8")
    failed: dict[str, int] = {}
    for issue in issues:
        if issue.type == "expectation-failed":
            failed[issue.resource] = failed.get(issue.resource, 0) + 1
    rows = []
    for name in resources:
        results = sorted(docs.glob(f"validations/{name}/**/*.html"))
        result = results[-1].relative_to(docs).as_posix() if results else None
        status = (f"<span class=text-danger>{failed[name]} failed</span>" if name in failed
                  else "<span class=text-success>passed</span>")
        rows.append(f"<tr><td>{escape(name)}</td><td>{status}</td>"
                    f"<td><a href='expectations/{escape(name)}.html'>expectations</a></td>"
                    f"<td>{f'<a href={chr(39)}{escape(result)}{chr(39)}>result</a>' if result else ''}</td></tr>")
    (docs / "index.html").write_text(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Data Docs</title>" + STYLE + "</head><body>"
        "<h1>Data Docs: the package's expectations</h1><table><tr><th>resource</th><th>status</th>"
        "<th>suite</th><th>validation result</th></tr>" + "".join(rows) + "</table></body></html>\n",
        encoding="utf-8")
