"""Read a built package's CSV resources as plain rows, for commands that show them to people.

List cells are split on their schema's delimiter, empty cells become None, and a
resource path that leaves the package directory is refused.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..errors import ToolkitError


def read_rows(package_dir: Path, resource: dict) -> list[dict]:
    """Rows of one resource of the package in `package_dir`."""
    lists = {f["name"]: f.get("delimiter", ",") for f in resource["schema"]["fields"] if f["type"] == "list"}
    target = (package_dir / resource["path"]).resolve()
    if not target.is_relative_to(package_dir.resolve()):
        raise ToolkitError(f"resource '{resource['name']}' points outside the package", path=package_dir,
                           field="path", value=resource["path"])
    with target.open(encoding="utf-8", newline="") as handle:
        return [
            {k: (v.split(lists[k]) if v else []) if k in lists else (v or None) for k, v in row.items()}
            for row in csv.DictReader(handle)
        ]
