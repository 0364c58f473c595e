"""Benchmark: `prisoner-data validate` beside `frictionless validate` and a bare pyarrow read.

Generates packages whose `release_destinations` resource has the columns of our table schema
(types, enums, ranges, a compound primary key, foreign keys into `entities`, the cross-field
rules), then runs each tool as a whole process (interpreter start and imports included) and
prints the median wall time and the peak memory of each, side by side, with their ratios:

  1,000,000 rows    bare multithreaded pyarrow read, prisoner-data validate (default engine and
                    --engine duckdb), frictionless validate (once: it takes a while)
  10,000,000 rows   the default engine's peak memory (target: 1 GiB), beside the bare read's
  100,000,000 rows  --engine duckdb, out of core (with --huge; the file, 8 GB, is deleted after)

    .venv/bin/python benchmarks/bench_validate.py [--venv DIR] [--huge] [--repeats 5]

`--venv DIR` measures the tools installed there; a DIR that does not exist is created with the
data user's install (`pip install -c constraints.txt .`, no extras), which is what a reader who
downloads a release validates with. The default is the running interpreter's environment.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES, GROUPS = 50, 10


def generate(directory: Path, rows: int) -> Path:
    """Write a valid package with a `rows`-row release_destinations resource (with DuckDB, so a hundred
    million rows take minutes, not hours); return its descriptor."""
    import duckdb

    data = directory / "data"
    data.mkdir(parents=True, exist_ok=True)
    releases = max(1, rows // (PLACES * GROUPS))
    entity_fields = [f["name"] for f in _schema("entities")["fields"]]
    destination_fields = [f["name"] for f in _schema("release_destinations")["fields"]]
    entities = {"entity_id": "id", "kind": "kind", "name": "name"}
    cells = {
        "release_id": "'release-' || (i // 500)", "destination_id": "'place-' || ((i // 10) % 50)",
        "group_id": "'group-' || (i % 10)", "places_named": "'place-' || ((i // 10) % 50)", "count": "i % 500",
        "count_qualifier": "'exact'", "count_upper": "NULL", "count_status": "['agreed', 'single_source', "
        "'resolved_by_curator'][1 + i % 3]", "count_claims": "'c' || i || '|c' || (i + 1)",
        "count_origins": "1 + i % 3", "count_candidates": "NULL", "count_low": "NULL", "count_low_sources": "NULL",
        "count_high": "NULL", "count_high_sources": "NULL",
    }
    with duckdb.connect() as db:
        db.execute(f"""
            COPY (SELECT {', '.join(f"{entities.get(n, 'NULL')} AS {n}" for n in entity_fields)} FROM (
                SELECT 'release-' || r AS id, 'release' AS kind, 'Release ' || r AS name FROM range({releases}) t(r)
                UNION ALL SELECT 'place-' || p, 'place', 'Place ' || p FROM range({PLACES}) t(p)
                UNION ALL SELECT 'group-' || g, 'group', 'Group ' || g FROM range({GROUPS}) t(g)))
            TO '{data / "entities.csv"}' (HEADER, DELIMITER ',')""")
        db.execute(f"""
            COPY (SELECT {', '.join(f"{cells[n]} AS {n}" for n in destination_fields)}
                  FROM range({releases * PLACES * GROUPS}) t(i))
            TO '{data / "release_destinations.csv"}' (HEADER, DELIMITER ',')""")
    schema = _schema("release_destinations")
    # The releases resource is left out: its ids are entities too, so the key points there.
    schema["foreignKeys"] = [{"fields": [f], "reference": {"resource": "entities", "fields": ["entity_id"]}}
                             for f in ("release_id", "destination_id", "group_id")]
    descriptor = {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": "validate-benchmark",
        "resources": [_resource("entities", _schema("entities"), directory),
                      _resource("release_destinations", schema, directory)],
    }
    path = directory / "datapackage.json"
    path.write_text(json.dumps(descriptor, indent=2))
    return path


def _schema(name: str) -> dict:
    schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text())
    return {k: v for k, v in schema.items() if k not in ("$schema", "description")}


def _resource(name: str, schema: dict, directory: Path) -> dict:
    path = directory / "data" / f"{name}.csv"
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            digest.update(chunk)
    return {"name": name, "type": "table", "path": f"data/{name}.csv", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8", "bytes": path.stat().st_size, "hash": f"sha256:{digest.hexdigest()}",
            "schema": schema}


def generated(directory: Path, rows: int) -> Path:
    """`generate` in a process of its own, so this one stays small: a child forked from a large
    process would start with its memory counted in its peak."""
    subprocess.run([sys.executable, __file__, "--generate", str(directory), str(rows)], check=True)
    return directory / "datapackage.json"


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak memory (MiB) of one whole process (its ru_maxrss: run from a small parent)."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty child never blocks
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command[:3])} failed:\n{errors.read().decode(errors='replace')[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def median(command: list[str], repeats: int) -> tuple[float, float]:
    runs = [measure(command) for _ in range(repeats)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def light_venv(directory: Path, extras: str = "") -> Path:
    """The data user's install (with `extras`), made once."""
    if not (directory / "bin" / "prisoner-data").exists():
        subprocess.run([sys.executable, "-m", "venv", str(directory)], check=True)
        subprocess.run([str(directory / "bin" / "pip"), "install", "--quiet", "-c", str(ROOT / "constraints.txt"),
                        f"{ROOT}{extras}"], check=True)
    return directory / "bin"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--venv", type=Path, help="measure the tools of this environment (created if missing)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--big", type=int, default=10_000_000)
    parser.add_argument("--huge", type=int, nargs="?", const=100_000_000, default=None,
                        help="also 100,000,000 rows with --engine duckdb (about 8 GB of disk while it runs)")
    parser.add_argument("--keep", type=Path, help="generate into this directory and keep it")
    parser.add_argument("--generate", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(Path(args.generate[0]), int(args.generate[1]))
        return
    binaries = light_venv(args.venv) if args.venv else Path(sys.executable).parent
    python, ours = str(binaries / "python"), str(binaries / "prisoner-data")
    # the duckdb engine needs the [duckdb] extra; beside the light install it gets an environment of its own
    # (pandera imports ibis whenever it is installed, which the default engine need not pay for)
    engines = light_venv(args.venv.with_name(args.venv.name + "-duckdb"), "[duckdb]") if args.venv else binaries
    has_ibis = subprocess.run([str(engines / "python"), "-c", "import ibis"], capture_output=True).returncode == 0
    duckdb_engine = [str(engines / "prisoner-data"), "validate", "-q", "--engine", "duckdb"]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="bench-validate-"))
    try:
        small = generated(workdir / "small", args.rows)
        csv = small.parent / "data" / "release_destinations.csv"
        print(f"{args.rows:,} rows, {csv.stat().st_size / 1e6:.0f} MB of CSV; whole processes, median of "
              f"{args.repeats} (frictionless: 1); environment {binaries.parent}")
        bare = [python, "-c", f"import pyarrow.csv as c; c.read_csv({str(csv)!r})"]
        runs = {"bare pyarrow read": median(bare, args.repeats),
                "prisoner-data validate": median([ours, "validate", str(small), "-q"], args.repeats)}
        if has_ibis:
            runs["... --engine duckdb"] = median([*duckdb_engine, str(small)], args.repeats)
        runs["frictionless validate"] = measure([str(binaries / "frictionless"), "validate", "--json", str(small)])
        _table(runs)
        ours_s, bare_s = runs["prisoner-data validate"][0], runs["bare pyarrow read"][0]
        print(f"  frictionless / ours: {runs['frictionless validate'][0] / ours_s:.1f}x (target >= 25x)")
        print(f"  ours / bare read:    {ours_s / bare_s:.2f}x (target <= 2x)")
        shutil.rmtree(small.parent)

        big = generated(workdir / "big", args.big)
        csv = big.parent / "data" / "release_destinations.csv"
        print(f"\n{args.big:,} rows, {csv.stat().st_size / 1e9:.1f} GB of CSV; one run each")
        _table({"bare pyarrow read": measure([python, "-c", f"import pyarrow.csv as c; c.read_csv({str(csv)!r})"]),
                "prisoner-data validate": measure([ours, "validate", str(big), "-q"])})
        print("  target: the default engine's peak memory <= 1 GiB (1024 MiB)")
        shutil.rmtree(big.parent)

        if args.huge and has_ibis:
            huge = generated(workdir / "huge", args.huge)
            csv = huge.parent / "data" / "release_destinations.csv"
            print(f"\n{args.huge:,} rows, {csv.stat().st_size / 1e9:.1f} GB of CSV; one run")
            _table({"... --engine duckdb": measure([*duckdb_engine, str(huge)])})
            shutil.rmtree(huge.parent)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def _table(runs: dict[str, tuple[float, float]]) -> None:
    print(f"  {'':<26} {'seconds':>9} {'peak MiB':>9}")
    for label, (seconds, peak) in runs.items():
        print(f"  {label:<26} {seconds:9.2f} {peak:9.0f}", flush=True)


if __name__ == "__main__":
    main()
