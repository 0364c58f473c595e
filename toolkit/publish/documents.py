"""The README that travels inside every package and release: what the files are and how to read them."""

from __future__ import annotations

from ..packagefiles import PARQUET_DESCRIPTOR, V1_DESCRIPTOR
from ..texts import safe_link


def package_readme(descriptor: dict, rows: dict[str, int], conflicts: dict[str, int], database: str,
                   report: str | None = None) -> str:
    """README.md for a package, from its descriptor, row counts and conflict counts; `report` names the HTML
    page when the package has one."""
    licence = (descriptor.get("licenses") or [{}])[0]
    version = descriptor.get("version")
    lines = [
        f"# {descriptor['title']}",
        "",
        f"Version {version} · created {descriptor.get('created', '')[:10]} · licence "
        f"{licence.get('name', '')} ({safe_link(licence.get('path'), relative=True) or ''})",
        "",
        " ".join(descriptor.get("description", "").split()),
        "",
        "## Files",
        "",
        "| file | what |",
        "|---|---|",
        "| `datapackage.json` | Data Package v2 descriptor of the CSV tables; lists every other file with its "
        "size and sha256 (`companions`) |",
        f"| `{PARQUET_DESCRIPTOR}` | Data Package v2 descriptor of the Parquet copies (same tables, typed columns) |",
        f"| `{V1_DESCRIPTOR}` | the CSV tables as a Data Package v1, for R's frictionless; lists as text joined "
        "by `|` |",
        "| `data/*.csv`, `data/*.parquet` | the tables |",
        f"| `{database}`, `datasette-metadata.json` | the tables as SQLite, with views from each value to its "
        "quotes |",
        f"| `{database.removesuffix('.sqlite')}.xlsx` | the main tables for a spreadsheet: an About sheet (version, "
        "sources with links, how to read statuses and qualifiers, open disagreements), headers in words, filters |",
        *([f"| `{report}` | one page to read in a browser (offline): every figure with its sources' quotes and "
           "links, every disagreement |"] if report else []),
        "| `data-dictionary.md` | every table, field and claim property |",
        "| `expectations.json` | the great-expectations suite the package was checked with |",
        "",
        "## Tables",
        "",
        "| table | rows | what |",
        "|---|---|---|",
    ]
    for resource in descriptor["resources"]:
        lines.append(f"| `{resource['name']}` | {rows.get(resource['name'], 0)} | "
                     f"{' '.join(resource.get('description', '').split())} |")
    summary = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in sorted(conflicts.items()))
    lines += [
        "",
        f"Conflicts between sources: {sum(conflicts.values())} ({summary or 'none'}); see the `conflicts` table.",
        "",
        "## Reading it",
        "",
        "```python",
        "import pandas as pd",
        'releases = pd.read_parquet("data/releases.parquet")',
        'claims = pd.read_parquet("data/claims.parquet").set_index("claim_id")',
        "```",
        "",
        "```r",
        f'package <- frictionless::read_package("{V1_DESCRIPTOR}")',
        'releases <- frictionless::read_resource(package, "releases")',
        "```",
        "",
        "```sql",
        "-- DuckDB",
        "SELECT conflict_id, status, description FROM 'data/conflicts.parquet';",
        "```",
        "",
        "```sh",
        f"datasette {database} -m datasette-metadata.json",
        "```",
        "",
        "Every value carries a status (agreed, single_source, conflict, resolved_by_curator), the claims",
        "behind it (`*_claims`) and how many independent origins stand behind it (`*_origins`); the",
        "`claims` table gives each claim's quote, source and article line. Dates hold the first day of",
        "their period, with a `_precision` and a `_qualifier`. While sources disagree on a number, `_low`",
        "and `_high` give the lowest figure any source allows and the highest any states, with their sources.",
        "",
        "## Citing",
        "",
        f"Cite the version you used: {descriptor['title']}, version {version}"
        + (f", {safe_link(descriptor['homepage'])}" if safe_link(descriptor.get("homepage")) else "") + ".",
        "",
    ]
    return "\n".join(lines)
