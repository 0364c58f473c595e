"""What the writer and the readers of a package or a release agree on: file names, SHA256SUMS, the index.

Publishing writes these files, and validation, download and the coverage lint read them; they all
import the names and readers from here, so no reader depends on the code that writes a package.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import ReleaseError

PARQUET_DESCRIPTOR = "datapackage-parquet.json"
V1_DESCRIPTOR = "datapackage-v1.json"
VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
SUMS = "SHA256SUMS"
INDEX_KEYS = ("name", "latest", "versions")
INDEX_VERSION_KEYS = ("version", "date", "path", "datapackage_sha256", "rows", "zip")


def read_index(releases_dir: Path) -> dict:
    """releases/index.json, or an empty index; ReleaseError naming the line if it is damaged."""
    from .ingest.jsonio import load_json
    from .report import Report

    path = releases_dir / "index.json"
    if not path.is_file():
        return {"versions": []}
    report = Report()
    index = load_json(path, report, "releases/index.json")
    if index is None or not isinstance(index, dict) or not isinstance(index.get("versions"), list) \
            or not all(isinstance(v, dict) and isinstance(v.get("version"), str) and VERSION.match(v["version"])
                       for v in index["versions"]):
        issue = report.issues[0] if report.issues else None
        raise ReleaseError(issue.message if issue else "releases/index.json has no valid 'versions' list",
                           path=path, line=issue.line if issue else None,
                           hint="restore releases/index.json from version control")
    return index


def latest_version(index: dict) -> str | None:
    versions = [v["version"] for v in index.get("versions", [])]
    return max(versions, key=lambda v: tuple(int(p) for p in v.split(".")), default=None)


def parse_sums(text: str) -> dict[str, str]:
    """SHA256SUMS as {path: sha256}; ValueError naming the first malformed line."""
    sums = {}
    for number, line in enumerate(text.splitlines(), 1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            raise ValueError(number)
        sums[name] = digest
    return sums
