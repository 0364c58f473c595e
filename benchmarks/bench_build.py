"""Benchmark: whole `prisoner-data build` runs on synthetic projects of 10^4, 10^5 and 10^6 claims.

Each size gets a generated project (articles with a manifest, a registry, claims files, the
real vocabulary and schemas). In one run, alternating, this script times three whole processes:

  build   `prisoner-data build --project P --out P/out -q`: load and verify the articles, check
          every claim and locate its quote (by helper processes too, one per usable core, when
          the claims files are large), resolve names, reconcile, write CSV, Parquet and SQLite,
          validate the written package, swap it into place
  1 proc  the same build in one process (PRISONER_DATA_WORKERS=1)
  floor   what any build must do at least: read every article and parse every YAML input
          (manifest, registry, claims) with libyaml's C loader (yaml.CSafeLoader), in one process

It prints, per size, the median seconds of each, the ratios to the floor, and the peak memory of
each build: the most its processes held at once (their resident memory summed, sampled every
20 ms), which for a build with helpers is more than its largest process. This parent stays
small, generating in a child of its own. The issue's targets: build/floor <= 3, and 10^6 claims
in <= 1.5 GiB.

    .venv/bin/python benchmarks/bench_build.py [--sizes 10000,100000,1000000] [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_reconcile import generate  # noqa: E402 - the same synthetic projects

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
    commands = {"floor": ([sys.executable, "-c", FLOOR, str(project)], {}),
                "build": (build, {}), "1 proc": (build, {"PRISONER_DATA_WORKERS": "1"})}
    runs = {name: [] for name in commands}
    for _ in range(repeats):
        for name, (command, env) in commands.items():
            runs[name].append(whole_tree(command, env))
    figures = {name: (statistics.median(s for s, _ in got), max(m for _, m in got)) for name, got in runs.items()}
    database = next((project / "out").glob("*.sqlite"))
    with sqlite3.connect(database) as db:
        claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    return {"claims": claims, **figures}


def whole_tree(command: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds of a whole process, and the most resident memory (MiB) it and its descendants held
    at once, sampled every 20 ms (and never less than its own ru_maxrss)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env={**os.environ, **env})
        peak = 0
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            errors.seek(0)
            raise SystemExit(f"{' '.join(command[:3])} failed:\n{errors.read().decode(errors='replace')[-2000:]}")
    return seconds, max(peak / 2**20, usage.ru_maxrss / 1024)


def _tree_rss(root: int) -> int:
    """Resident bytes of `root` and every process below it."""
    parents, sizes = {}, {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as statm:
                sizes[int(entry)] = int(statm.read().split()[1]) * page
            parents[int(entry)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    total = 0
    for pid, size in sizes.items():
        ancestor = pid
        while ancestor not in (root, 0, 1) and ancestor in parents:
            ancestor = parents[ancestor]
        if ancestor == root:
            total += size
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each command per size (median taken)")
    parser.add_argument("--generate", nargs=2, metavar=("DIR", "CLAIMS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        generate(Path(args.generate[0]), int(args.generate[1]))
        return
    print(f"{'claims':>9} {'build s':>8} {'1 proc s':>9} {'floor s':>8} {'ratio':>6} {'1 proc':>7} "
          f"{'build MiB':>10} {'1 proc MiB':>11} {'s/100k':>7}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
            subprocess.run([sys.executable, __file__, "--generate", tmp, str(size)], check=True)
            got = measure(Path(tmp), args.repeats)
        (build_s, build_mb), (one_s, one_mb), (floor_s, _) = got["build"], got["1 proc"], got["floor"]
        print(f"{got['claims']:>9} {build_s:>8.2f} {one_s:>9.2f} {floor_s:>8.2f} {build_s / floor_s:>6.2f} "
              f"{one_s / floor_s:>7.2f} {build_mb:>10.0f} {one_mb:>11.0f} {build_s / got['claims'] * 100_000:>7.2f}",
              flush=True)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"median of {args.repeats} runs each, alternating, on {cores} usable cores; ratio = build / floor; "
          "peak = the most memory a build's processes held at once, the largest of the runs")

if __name__ == "__main__":
    main()
