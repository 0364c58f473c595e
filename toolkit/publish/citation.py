"""How to cite a version: CITATION.cff and .zenodo.json, written by `release` for the version it publishes."""

from __future__ import annotations

import datetime as dt
import json

import yaml

from ..texts import safe_link


def citation_cff(meta, version: str, date: dt.date, index_url: str | None) -> str:
    """CITATION.cff (Citation File Format 1.2.0) for one version of the dataset."""
    document = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite the version you used, as below.",
        "type": "dataset",
        "title": meta.title,
        "version": version,
        "date-released": date.isoformat(),
        "abstract": " ".join(meta.description.split()),
        "authors": [{"name": c.title} for c in meta.contributors if "creator" in c.roles] or [{"name": meta.name}],
        "license": meta.licenses[0].name,
        "keywords": list(meta.keywords),
    }
    if safe_link(meta.repository):
        document["repository-code"] = meta.repository
    if safe_link(index_url):
        document["url"] = index_url
    return "# Written by `prisoner-data release` for the latest release; do not edit by hand.\n" + \
        yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def zenodo_json(meta, version: str, date: dt.date, index_url: str | None) -> str:
    """.zenodo.json: the metadata Zenodo takes when it archives a GitHub release."""
    related = []
    if safe_link(meta.repository):
        related.append({"identifier": meta.repository, "relation": "isSupplementedBy", "resource_type": "software"})
    if safe_link(index_url):
        related.append({"identifier": index_url, "relation": "isPartOf", "resource_type": "dataset"})
    document = {
        "title": f"{meta.title} (version {version})",
        "upload_type": "dataset",
        "description": " ".join(meta.description.split()),
        "creators": [{"name": c.title} for c in meta.contributors if "creator" in c.roles] or [{"name": meta.name}],
        "license": meta.licenses[0].name.lower(),
        "version": version,
        "publication_date": date.isoformat(),
        "keywords": list(meta.keywords),
        "related_identifiers": related,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


README_START = "<!-- latest-release: written by `prisoner-data release`; edit the template in toolkit/publish/citation.py -->"
README_END = "<!-- /latest-release -->"


def readme_block(meta, version: str, date: dt.date, index_url: str | None, files: set[str]) -> str:
    """The README's first screen for a data user: the latest version and how to get and open it without
    installing anything; `files` are the paths inside the release, so only what it holds is offered."""
    base = index_url.rsplit("/", 1)[0] + "/" if safe_link(index_url) else "releases/"
    folder, archive = f"{base}{version}/", f"{base}{meta.name}-{version}.zip"
    lines = [README_START, "",
             f"**Latest version: {version}**, released {date.isoformat()} "
             f"([changelog](releases/CHANGELOG.md), [every version](releases/index.json)).", "",
             "Get it without installing anything:", ""]
    workbook, report = f"{meta.name}.xlsx", "report.html"
    if report in files:
        lines.append(f"- to read in a browser: [{report}]({folder}{report}) (one page, offline once downloaded: "
                     "every figure with its sources' quotes and article links, every disagreement)")
    if workbook in files:
        lines.append(f"- for a spreadsheet: [{workbook}]({folder}{workbook}) (an About sheet first; dates shown "
                     "to their precision)")
    lines += [f"- everything in one file: [{meta.name}-{version}.zip]({archive}) ({_holds(files, meta.name)})",
              f"- one table as CSV, e.g. [releases.csv]({folder}data/releases.csv), "
              f"[people.csv]({folder}data/people.csv), [conflicts.csv]({folder}data/conflicts.csv) "
              f"(every table: [datapackage.json]({folder}datapackage.json))"]
    # one line each, as inline code: the README's first commands stay the maintainer's `make build` and `make test`
    lines += ["", "Open it in one line:", "",
              f"- pandas: `pd.read_csv(\"{folder}data/releases.csv\")`",
              f"- DuckDB: `SELECT * FROM '{folder}data/conflicts.parquet'`",
              f"- R: `frictionless::read_resource(frictionless::read_package(\"{folder}datapackage-v1.json\"), "
              "\"releases\")`",
              f"- datasette, in the unzipped folder: `datasette {meta.name}.sqlite -m datasette-metadata.json`",
              "", "Every value has a `_status` and the ids of its `_claims`; the `claims` table gives each "
              "claim's source, quote and article line, and `sources` each outlet, title and link. Dates carry a "
              "`_precision` (day, month or year).",
              "", README_END]
    return "\n".join(lines)


def _holds(files: set[str], name: str) -> str:
    """What a release's zip holds, in words, from the paths inside it: only what is there."""
    kinds = [("data/", ".csv", "CSV"), ("data/", ".parquet", "Parquet"), ("", ".sqlite", "SQLite"),
             ("", ".xlsx", "the workbook"), ("", "report.html", "the HTML report"),
             ("", "datapackage-v1.json", "descriptors"), ("", "README.md", "README"),
             ("", "data-dictionary.md", "data dictionary")]
    found = [word for prefix, suffix, word in kinds
             if any(f.startswith(prefix) and f.endswith(suffix) for f in files)]
    return ", ".join(found)


def with_readme_block(text: str, block: str) -> str | None:
    """`text` with its latest-release block replaced, or None when it has no such block."""
    start, end = text.find(README_START), text.find(README_END)
    if start < 0 or end < start:
        return None
    return text[:start] + block + text[end + len(README_END):]
