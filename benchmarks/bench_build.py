"""Benchmark: whole `prisoner-data build` runs on synthetic projects of 10^4, 10^5 and 10^6 claims.

Each size gets a generated project (articles with a manifest, a registry, claims files, the
real vocabulary and schemas). In one run, alternating, this script times two whole processes:

  build   `prisoner-data build --project P --out P/out -q`: load and verify the articles, check
          every claim and locate its quote, resolve names, reconcile, write CSV, Parquet and
          SQLite, validate the written package, swap it into place
  floor   what any build must do at least: read every article and parse every YAML input
          (manifest, registry, claims) with libyaml's C loader (yaml.CSafeLoader)

It prints, per size, the median seconds of each, their ratio, and each one's peak memory (the
child's ru_maxrss; this parent stays small, generating in a child of its own, so the figure is
the child's). The issue's targets: build/floor <= 3, and 10^6 claims in <= 1.5 GiB.

    .venv/bin/python benchmarks/bench_build.py [--sizes 10000,100000,1000000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reconcile import generate  # noqa: E402 - the same synthetic projects
from bench_validate import measure as whole_process  # noqa: E402 - seconds and peak memory of a process

FLOOR = """
import sys, pathlib, yaml
root = pathlib.Path(sys.argv[1]) / "seeds"
for path in sorted(root.rglob("*")):
    if path.suffix == ".yaml":
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    elif path.suffix == ".txt":
        path.read_bytes().decode("utf-8")
"""


def measure(project: Path, repeats: int) -> dict:
    exe = Path(sys.executable).parent / "prisoner-data"
    build = [str(exe), "build", "--project", str(project), "--out", str(project / "out"), "--no-dictionary", "-q"]
    floor = [sys.executable, "-c", FLOOR, str(project)]
    runs = {"build": [], "floor": []}
    for _ in range(repeats):
        runs["floor"].append(whole_process(floor))
        runs["build"].append(whole_process(build))
    figures = {name: (statistics.median(s for s, _ in got), max(m for _, m in got)) for name, got in runs.items()}
    database = next((project / "out").glob("*.sqlite"))
    with sqlite3.connect(database) as db:
        claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    return {"claims": claims, **figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each command per size (median taken)")
    parser.add_argument("--generate", nargs=2, metavar=("DIR", "CLAIMS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(Path(args.generate[0]), int(args.generate[1]))
        return
    print(f"{'claims':>9} {'build s':>8} {'floor s':>8} {'ratio':>6} {'build MiB':>10} {'floor MiB':>10}"
          f" {'s/100k':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
            subprocess.run([sys.executable, __file__, "--generate", tmp, str(size)], check=True)
            got = measure(Path(tmp), args.repeats)
        (build_s, build_mb), (floor_s, floor_mb) = got["build"], got["floor"]
        print(f"{got['claims']:>9} {build_s:>8.2f} {floor_s:>8.2f} {build_s / floor_s:>6.2f} {build_mb:>10.0f} "
              f"{floor_mb:>10.0f} {build_s / got['claims'] * 100_000:>7.2f}", flush=True)
    print(f"median of {args.repeats} runs each, alternating; peak = the largest ru_maxrss of the runs")


if __name__ == "__main__":
    main()
