"""How to cite a version: CITATION.cff and .zenodo.json, written by `release` for the version it publishes."""

from __future__ import annotations

import datetime as dt
import json

import yaml


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
    if meta.repository:
        document["repository-code"] = meta.repository
    if index_url:
        document["url"] = index_url
    return "# Written by `prisoner-data release` for the latest release; do not edit by hand.\n" + \
        yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def zenodo_json(meta, version: str, date: dt.date, index_url: str | None) -> str:
    """.zenodo.json: the metadata Zenodo takes when it archives a GitHub release."""
    related = []
    if meta.repository:
        related.append({"identifier": meta.repository, "relation": "isSupplementedBy", "resource_type": "software"})
    if index_url:
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
