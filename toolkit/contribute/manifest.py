"""Record an article's size and sha256 anew in its manifest entry, after its front matter was edited.

An article is kept byte-exact, so editing its front matter (adding the url or the title the page shows)
changes its hash, and the manifest no longer matches it. `refresh_entry` rewrites the two lines of the
entry that say so, and nothing else; whether the article's text is still what its claims quote is for
`validate` to say (every quote is looked for again).
"""

from __future__ import annotations

import hashlib
import re

from ..errors import ToolkitError, UsageError
from ..ingest.sources import read_article
from ..ingest.yamlio import LineDict, load_yaml
from ..report import Report
from ..storage import atomic_write


def refresh_entry(project, source_id: str) -> tuple[int, str]:
    """Rewrite the `bytes:` and `sha256:` lines of the manifest entry of `source_id` from its article;
    return the article's size and sha256."""
    report = Report()
    display = project.rel(project.manifest)
    doc = load_yaml(project.manifest, report, display)
    entries = doc.get("sources") if isinstance(doc, dict) else None
    entry = next((e for e in entries or [] if isinstance(e, LineDict) and e.get("id") == source_id), None)
    if entry is None or not isinstance(entry.get("path"), str):
        raise UsageError(f"{source_id} has no entry in {display} to update", path=project.manifest,
                         hint="add it first: prisoner-data extract ARTICLE --manifest")
    path = project.seeds / entry["path"]
    if not path.resolve().is_relative_to(project.seeds.resolve()) or not path.is_file():
        raise UsageError(f"the article of {source_id} ({entry['path']}) is not in seeds/", path=project.manifest,
                         line=entry.line)
    data = read_article(path, report, project.rel(path))
    if data is None:
        raise ToolkitError(report.issues[0].message, path=path, hint=report.issues[0].hint)
    size, digest = len(data), hashlib.sha256(data).hexdigest()
    lines = project.manifest.read_text(encoding="utf-8").split("\n")
    for key, value in (("bytes", str(size)), ("sha256", digest)):
        if key not in entry:
            raise UsageError(f"the entry of {source_id} has no `{key}:` line", path=project.manifest, line=entry.line)
        number = entry.line_of(key) - 1
        lines[number], found = re.subn(rf"^(\s*(?:-\s+)?{key}:\s*)\S+", rf"\g<1>{value}", lines[number], count=1)
        if not found:
            raise UsageError(f"cannot rewrite the `{key}:` line of {source_id}", path=project.manifest,
                             line=number + 1, hint=f"write `{key}: {value}` on a line of its own")
    atomic_write(project.manifest, "\n".join(lines))
    return size, digest
