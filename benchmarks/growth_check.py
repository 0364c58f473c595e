"""The growth check over many seeds: does every valid generated contribution leave CI green?

For each seed, a fresh clone of the repository (its last commit) gets the articles tests/growth.py
writes for that seed, added by following CONTRIBUTING.md to the letter (tests/walkthrough.py),
through `make build` and `make test`. Prints one line per seed (the cases its articles cover, the
test summary or the tests that failed, and whether the contribution made every kind of conflict the
schema allows), then how many seeds passed and how often each case was written. Exit 1 if any seed failed.

    .venv/bin/python benchmarks/growth_check.py --seeds 1-50 [--jobs 2]

Seeds run side by side with --jobs (each is one pytest process); lines are printed as seeds finish.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import csv
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.growth import CASES  # noqa: E402


def seeds_of(text: str) -> list[int]:
    found = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        found += list(range(int(low), int(high or low) + 1))
    return found


def one_seed(seed: int, work: Path) -> tuple[bool, list[str], str, float]:
    """(passed, cases written, the test summary or the failing tests, seconds)."""
    clone = work / f"seed-{seed}"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=clone, capture_output=True, text=True).stdout
    (clone / ".venv").symlink_to(ROOT / ".venv")
    started = time.monotonic()
    done = subprocess.run([str(clone / ".venv" / "bin" / "python"), "-m", "tests.walkthrough", ".", "--seed",
                           str(seed), "--run-tests"], cwd=clone, capture_output=True, text=True)
    seconds = time.monotonic() - started
    log = done.stderr
    if done.returncode != 0:  # kept for reading: the walk's commands and the failing tests' output
        (ROOT / "benchmarks" / "growth-logs").mkdir(exist_ok=True)
        (ROOT / "benchmarks" / "growth-logs" / f"seed-{seed}.log").write_text(done.stdout + log, encoding="utf-8")
    cases = sorted({case for line in log.splitlines() if re.match(rf"^[a-z0-9-]+-g{seed}-\d+: ", line)
                    for case in line.split(": ", 1)[1].split(", ")})
    made = _kinds_made(clone)
    if done.returncode == 0:
        summary = next((line.strip() for line in reversed(log.splitlines()) if " passed" in line), "")
    else:
        failed = re.findall(r"^(?:FAILED|ERROR) (tests/\S+)", log, re.M)
        summary = "failed: " + (", ".join(failed) if failed else log.strip().splitlines()[-1][:300])
    shutil.rmtree(clone, ignore_errors=True)
    kinds = _kinds(ROOT)
    missing = sorted(set(kinds) - made)
    made_text = f"all {len(kinds)} conflict kinds" if not missing else f"conflict kinds missing: {', '.join(missing)}"
    return done.returncode == 0, cases, f"{summary} @{commit.strip()}; {made_text}", seconds


def _kinds(root: Path) -> list[str]:
    """The conflict kinds the schema allows."""
    schema = json.loads((root / "schemas" / "conflicts.schema.json").read_text(encoding="utf-8"))
    return next(f for f in schema["fields"] if f["name"] == "kind")["constraints"]["enum"]


def _kinds_made(clone: Path) -> set[str]:
    """The kinds of the conflicts of the package the walk rebuilt."""
    table = clone / "datapackage" / "data" / "conflicts.csv"
    if not table.is_file():
        return set()
    with table.open(encoding="utf-8", newline="") as handle:
        return {row["kind"] for row in csv.DictReader(handle)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="1-50", help="seeds, e.g. 1-50 or 3,7,9-12")
    parser.add_argument("--jobs", type=int, default=1, help="seeds to run at once")
    args = parser.parse_args()
    seeds = seeds_of(args.seeds)
    covered = collections.Counter()
    failures = []
    with tempfile.TemporaryDirectory() as scratch, \
            concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        running = {pool.submit(one_seed, seed, Path(scratch)): seed for seed in seeds}
        for future in concurrent.futures.as_completed(running):
            seed = running[future]
            passed, cases, summary, seconds = future.result()
            covered.update(cases)
            if not passed:
                failures.append(seed)
            print(f"seed {seed:3d}  {'ok  ' if passed else 'FAIL'}  {seconds:6.1f} s  {summary}  [{', '.join(cases)}]",
                  flush=True)
    print(f"\n{len(seeds) - len(failures)} of {len(seeds)} seeds passed"
          + (f"; failed: {', '.join(map(str, sorted(failures)))}" if failures else ""))
    print("cases written (seeds that wrote each):")
    for case in CASES:
        print(f"  {case:22s} {covered[case]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
