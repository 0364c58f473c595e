"""The package's descriptors: one Data Package, three views of it.

- datapackage.json          Data Package v2 of the CSV files. Names every other file of the
                             package under `companions` (path, bytes, sha256), so a downloader
                             knows the whole package before it fetches a byte of data.
- datapackage-parquet.json  Data Package v2 of the Parquet copies: same names, schemas and keys,
                             format parquet.
- datapackage-v1.json       the CSV files as a Data Package v1, for readers of v1 such as R's
                             frictionless 1.2: list fields become text (items joined by `|`),
                             a type v1 readers know.
Every resource carries `profile: tabular-data-resource`, which R's frictionless requires.
The per-resource `parquet` property of releases up to 1.0.0 is gone: no standard reader saw it.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..hashing import file_sha256
from ..texts import safe_link
from .formats import LIST_DELIMITER, PARQUET_MEDIATYPE

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PROFILE_V1 = "tabular-data-package"
RESOURCE_PROFILE = "tabular-data-resource"


def file_entry(root: Path, path: Path, description: str | None = None) -> dict:
    """path, bytes and sha256 of a file of the package (and what it is, if said)."""
    entry = {"path": path.relative_to(root).as_posix()}
    if description:
        entry["description"] = description
    entry.update({"bytes": path.stat().st_size, "hash": "sha256:" + file_sha256(path)})
    return entry


def csv_resource(name: str, schema: dict, path: Path, root: Path) -> dict:
    return _table_resource(name, schema, path, root, {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8"},
                           {"dialect": {"delimiter": ",", "lineTerminator": "\n", "quoteChar": '"', "header": True}})


def parquet_resource(name: str, schema: dict, path: Path, root: Path) -> dict:
    return _table_resource(name, schema, path, root, {"format": "parquet", "mediatype": PARQUET_MEDIATYPE})


def _table_resource(name: str, schema: dict, path: Path, root: Path, form: dict, after: dict | None = None) -> dict:
    """A tabular resource: the file's format fields (`form`), its size and hash, then `after`, then its schema."""
    entry = file_entry(root, path)
    return {
        "name": name,
        "type": "table",
        "profile": RESOURCE_PROFILE,
        "description": schema.get("description", ""),
        "path": entry["path"],
        "scheme": "file",
        **form,
        "bytes": entry["bytes"],
        "hash": entry["hash"],
        **(after or {}),
        "schema": table_schema(schema),
    }


def table_schema(schema: dict) -> dict:
    return {k: v for k, v in schema.items() if k not in ("$schema", "description")}


def package_fields(meta, created: str, sources: list[dict]) -> dict:
    """The descriptor properties every view of the package shares. Every link is http(s) (a licence's or
    contributor's may be a relative path) whatever the metadata says: the input check refuses others, and
    what the descriptor, README and datasette show is held to the same rule here, where it is written."""
    return {
        "$schema": PROFILE,
        "name": meta.name,
        "title": meta.title,
        "description": meta.description,
        "version": meta.version,
        "created": created,
        "homepage": safe_link(meta.homepage),
        "keywords": meta.keywords,
        "licenses": [_linked(lic.model_dump(exclude_none=True)) for lic in meta.licenses],
        "contributors": [_linked(c.model_dump(exclude_none=True)) for c in meta.contributors],
        "sources": [_source(row) for row in sources],
    }


def _linked(entry: dict) -> dict:
    """A licence or contributor with its `path` only when it is a link a reader may follow."""
    if "path" in entry and safe_link(entry["path"], relative=True) is None:
        return {k: v for k, v in entry.items() if k != "path"}
    return entry


def _source(row: dict) -> dict:
    outlet = row["outlet"] or "unnamed outlet"
    title = f"{outlet}: {row['title']}" if row["title"] else f"{outlet} ({row['source_id']})"
    url = safe_link(row.get("url"))
    return {"title": title, "path": url} if url else {"title": title}


def v1_descriptor(descriptor: dict) -> dict:
    """The CSV descriptor as Data Package v1: list fields as text, since v1 has no list type."""
    resources = []
    for resource in descriptor["resources"]:
        fields = []
        for field in resource["schema"]["fields"]:
            if field["type"] == "list":
                field = {k: v for k, v in field.items() if k not in ("delimiter", "itemType")}
                field["type"] = "string"
                field["description"] = (field.get("description", "") +
                                        f" (A list: items separated by {LIST_DELIMITER}.)").strip()
            fields.append(field)
        resource = {k: v for k, v in resource.items() if k != "type"}
        resource["schema"] = {**resource["schema"], "fields": fields}
        resources.append(resource)
    shared = {k: v for k, v in descriptor.items() if k not in ("$schema", "resources", "companions", "expectations")}
    return {"profile": PROFILE_V1, **shared, "resources": resources}


def write_descriptor(path: Path, descriptor: dict) -> None:
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
