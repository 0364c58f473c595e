"""Benchmark: `prisoner-data validate` against `frictionless validate` and a bare pyarrow read.

Generates a package whose `release_destinations` resource has 1,000,000 rows
and the columns of our table schema (types, enums, a compound primary key,
foreign keys into `entities`, and the pandera cross-field rules), then runs
each tool in a fresh process and prints wall seconds and peak memory:

    .venv/bin/python benchmarks/bench_validate.py [--rows 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PLACES, GROUPS = 50, 10
REPEATS = 3


def generate(directory: Path, rows: int) -> Path:
    """Write a valid package with a `rows`-row release_destinations resource; return its descriptor."""
    releases = max(1, rows // (PLACES * GROUPS))
    data = directory / "data"
    data.mkdir(parents=True)
    entities = [(f"release-{r}", "release", f"Release {r}") for r in range(releases)]
    entities += [(f"place-{p}", "place", f"Place {p}") for p in range(PLACES)]
    entities += [(f"group-{g}", "group", f"Group {g}") for g in range(GROUPS)]
    entity_fields = [f["name"] for f in json.loads((ROOT / "schemas/entities.schema.json").read_text())["fields"]]
    _write(data / "entities.csv", entity_fields,
           ([{"entity_id": e, "kind": k, "name": n}.get(name, "") for name in entity_fields] for e, k, n in entities))
    schema = json.loads((ROOT / "schemas/release_destinations.schema.json").read_text())
    header = [f["name"] for f in schema["fields"]]
    statuses = ("agreed", "single_source", "resolved_by_curator")

    def row(i: int) -> list[str]:
        cells = {"release_id": f"release-{i // (PLACES * GROUPS)}", "destination_id": f"place-{(i // GROUPS) % PLACES}",
                 "group_id": f"group-{i % GROUPS}", "places_named": f"place-{(i // GROUPS) % PLACES}",
                 "count": str(i % 500), "count_qualifier": "exact", "count_upper": "",
                 "count_status": statuses[i % 3], "count_claims": f"c{i}|c{i + 1}", "count_origins": str(1 + i % 3),
                 "count_candidates": ""}
        return [cells[name] for name in header]

    _write(data / "release_destinations.csv", header, (row(i) for i in range(releases * PLACES * GROUPS)))
    # The releases resource is left out: its ids are entities too, so the key points there.
    schema["foreignKeys"] = [{"fields": [f], "reference": {"resource": "entities", "fields": ["entity_id"]}}
                             for f in ("release_id", "destination_id", "group_id")]
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "validate-benchmark",
        "resources": [_resource("entities", json.loads((ROOT / "schemas/entities.schema.json").read_text()), directory),
                      _resource("release_destinations", schema, directory)],
    }
    path = directory / "datapackage.json"
    path.write_text(json.dumps(descriptor, indent=2))
    return path


def _write(path: Path, header: list[str], rows) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _resource(name: str, schema: dict, directory: Path) -> dict:
    path = directory / "data" / f"{name}.csv"
    schema = {k: v for k, v in schema.items() if k not in ("$schema", "description")}
    return {"name": name, "type": "table", "path": f"data/{name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "bytes": path.stat().st_size,
            "hash": "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest(), "schema": schema}


DRIVERS = {
    # label: (imports done before the clock starts, the timed work)
    "bare pyarrow read": ("import pyarrow.csv as c", "c.read_csv(DATA)"),
    "prisoner-data validate": (
        "from toolkit.validate.package import validate_package; import pandera.pandas, frictionless",
        "assert validate_package(Path(DESCRIPTOR)).valid"),
    "frictionless validate": ("from frictionless import Package", "assert Package(DESCRIPTOR).validate().valid"),
}
DRIVER = """
import json, resource, sys, time
from pathlib import Path
DESCRIPTOR, DATA = sys.argv[1], sys.argv[2]
{setup}
start = time.perf_counter()
{work}
seconds = time.perf_counter() - start
print(json.dumps({{"work": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def in_process(label: str, descriptor: Path, data: Path) -> dict:
    """Time the work alone (imports excluded) in a fresh process; also its peak memory."""
    setup, work = DRIVERS[label]
    done = subprocess.run([sys.executable, "-c", DRIVER.format(setup=setup, work=work), str(descriptor), str(data)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def wall(command: list[str]) -> float:
    """Wall seconds of a whole command in a fresh process (interpreter start and imports included)."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="generate into this directory and keep it")
    args = parser.parse_args()
    directory = args.keep or Path(tempfile.mkdtemp(prefix="bench-validate-"))
    descriptor = generate(directory, args.rows)
    big = directory / "data" / "release_destinations.csv"
    print(f"{args.rows:,} rows, {big.stat().st_size / 1e6:.0f} MB CSV ({directory})")
    commands = {
        "bare pyarrow read": [sys.executable, "-c", f"import pyarrow.csv as c; c.read_csv({str(big)!r})"],
        "prisoner-data validate": [str(BIN / "prisoner-data"), "validate", str(descriptor), "--format", "json"],
        "frictionless validate": [str(BIN / "frictionless"), "validate", "--json", str(descriptor)],
    }
    big.read_bytes()  # warm the page cache so no tool pays for the first read from disk
    print(f"  {'':<24} {'work s':>8} {'wall s':>8} {'peak MB':>8}")
    figures = {}
    for label, command in commands.items():
        runs = 1 if label == "frictionless validate" else REPEATS  # best of REPEATS evens out noise
        measured = min((in_process(label, descriptor, big) for _ in range(runs)), key=lambda m: m["work"])
        figures[label] = (measured["work"], min(wall(command) for _ in range(runs)), measured["peak_mb"])
        print(f"  {label:<24} {figures[label][0]:8.2f} {figures[label][1]:8.2f} {figures[label][2]:8.0f}", flush=True)
    ours, read, theirs = (figures[k] for k in ("prisoner-data validate", "bare pyarrow read", "frictionless validate"))
    print("  work: time after imports, in-process; wall: the whole command in a fresh process")
    print(f"  frictionless / ours: {theirs[0] / ours[0]:.1f}x (work), {theirs[1] / ours[1]:.1f}x (wall); target >= 15x")
    print(f"  ours / bare read:    {ours[0] / read[0]:.2f}x (work), {ours[1] / read[1]:.2f}x (wall); target <= 2x")


if __name__ == "__main__":
    main()
