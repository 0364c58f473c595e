"""The growth check over many seeds: does every valid generated contribution leave CI green?

For each seed, a fresh clone of the repository (its last commit) gets the articles tests/growth.py
writes for that seed, added by following CONTRIBUTING.md to the letter (tests/walkthrough.py),
through `make build` and `make test`. Prints one line per seed (the cases its articles cover, the
test summary or the tests that failed, and whether the contribution made every kind of conflict the
schema allows), then how many seeds passed and how often each case was written. Exit 1 if any seed failed.

    .venv/bin/python benchmarks/growth_check.py --seeds 1-50 [--jobs 2]

Seeds run side by side with --jobs (each is one pytest process); lines are printed as seeds finish.

With --whole K, only the first K seeds run the whole suite; the others run the contribution's build
and every test that can see the dataset it changed. Which tests cannot is measured, not declared:
before any seed, the whole suite runs on two copies of the last commit, one with the paths a
contribution changes (LIVE) removed and one with every file under them garbled and a garbled
stray beside them, and a test that passes in both never read them (a test that read them, listed
them or relied on their absence fails in one of the two). Those are left out of the later seeds,
whose contribution must change nothing outside LIVE (else the seed runs the whole suite).

    .venv/bin/python benchmarks/growth_check.py --seeds 1-50 --jobs 2 --whole 2
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import csv
import json
import os
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

LIVE = ("seeds", "datapackage", "docs/data-dictionary.md")
"""What a contribution changes: its articles, claims and registry entries, and what `make build` regenerates."""


def seeds_of(text: str) -> list[int]:
    found = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        found += list(range(int(low), int(high or low) + 1))
    return found


def _clone(work: Path, name: str) -> tuple[Path, str]:
    """A fresh clone of the repository's last commit sharing its environment, and that commit."""
    clone = work / name
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=clone, capture_output=True, text=True).stdout.strip()
    (clone / ".venv").symlink_to(ROOT / ".venv")
    return clone, commit


def _pytest(clone: Path, *args: str, outcomes: Path | None = None) -> subprocess.CompletedProcess:
    # the clone's own code first: the editable install would serve the checkout it was made from
    env = {**os.environ, "PYTHONPATH": str(clone)}
    if outcomes:
        env["PRISONER_DATA_OUTCOMES"] = str(outcomes)
    return subprocess.run([str(clone / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "-p", "benchmarks.outcomes", *args], cwd=clone, env=env, capture_output=True, text=True)


def _garble(clone: Path) -> None:
    """Every file under LIVE replaced by bytes no reader takes, and a garbled stray of each suffix beside them."""
    junk = b"\x00\xff garbled by benchmarks/growth_check.py\n"
    for name in LIVE:
        path = clone / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for file in files:
            file.write_bytes(junk)
        for folder in {file.parent for file in files}:
            for suffix in {file.suffix for file in files if file.parent == folder}:
                (folder / f"zz-growth-stray{suffix}").write_bytes(junk)


def blind_tests(work: Path, jobs: int) -> tuple[list[str], str, str]:
    """The tests that never see LIVE (they pass with it removed and with it garbled), the commit, a summary.

    Kept in benchmarks/growth-logs/ under the commit's name, so a run at the same commit measures once."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    kept = ROOT / "benchmarks" / "growth-logs" / f"blind-{head}.json"
    if kept.is_file():
        blind = json.loads(kept.read_text(encoding="utf-8"))
        return blind, head, f"{len(blind)} tests pass with {', '.join(LIVE)} removed and with them garbled (kept)"
    passed = []
    for variant in ("removed", "garbled"):
        clone, commit = _clone(work, f"live-{variant}")
        if variant == "removed":
            for name in LIVE:
                target = clone / name
                shutil.rmtree(target) if target.is_dir() else target.unlink()
        else:
            _garble(clone)
        outcomes = work / f"outcomes-{variant}.json"
        _pytest(clone, "-n", str(max(1, jobs)), outcomes=outcomes)
        found = json.loads(outcomes.read_text(encoding="utf-8"))
        passed.append({node for node, outcome in found.items() if outcome == "passed"})
        shutil.rmtree(clone, ignore_errors=True)
    blind = sorted(passed[0] & passed[1])
    if commit == head:
        kept.parent.mkdir(exist_ok=True)
        kept.write_text(json.dumps(blind, indent=1) + "\n", encoding="utf-8")
    return blind, commit, f"{len(blind)} tests pass with {', '.join(LIVE)} removed and with them garbled"


def one_seed(seed: int, work: Path, blind: list[str] | None = None) -> tuple[bool, list[str], str, float]:
    """(passed, cases written, the test summary or the failing tests, seconds).

    Without `blind`, the walk runs `make test` (the whole suite) where the guide says so; with it, the
    walk stops short of the tests, and the suite runs without the tests in `blind`."""
    clone, commit = _clone(work, f"seed-{seed}")
    commit = commit[:7]
    started = time.monotonic()
    done = subprocess.run([str(clone / ".venv" / "bin" / "python"), "-m", "tests.walkthrough", ".", "--seed",
                           str(seed)] + ([] if blind is not None else ["--run-tests"]),
                          cwd=clone, capture_output=True, text=True)
    log = done.stderr
    if done.returncode == 0 and blind is not None:
        changed = subprocess.run(["git", "diff", "--name-only", f"{commit}", "--"], cwd=clone,
                                 capture_output=True, text=True).stdout.split()
        changed += [line[3:] for line in subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"],
                                                         cwd=clone, capture_output=True, text=True).stdout.splitlines()]
        outside = sorted({path for path in changed
                          if not any(path == name or path.startswith(f"{name}/") for name in LIVE)})
        if outside:
            log += f"the contribution changed {', '.join(outside)}, outside {', '.join(LIVE)}: the whole suite runs\n"
            blind = []
        tests = _pytest(clone, *(f"--deselect={node}" for node in blind))
        log += tests.stdout + tests.stderr
        done = subprocess.CompletedProcess(done.args, tests.returncode, done.stdout, log)
    seconds = time.monotonic() - started
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
    parser.add_argument("--whole", type=int, default=None, metavar="K",
                        help="only the first K seeds run the whole suite; the others leave out the tests "
                             "measured not to see the dataset (default: every seed runs the whole suite)")
    args = parser.parse_args()
    seeds = seeds_of(args.seeds)
    covered = collections.Counter()
    failures = []
    with tempfile.TemporaryDirectory() as scratch, \
            concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        blind = None
        if args.whole is not None and len(seeds) > args.whole:
            started = time.monotonic()
            blind, commit, said = blind_tests(Path(scratch), args.jobs)
            print(f"at {commit[:7]}: {said} ({time.monotonic() - started:.0f} s); seeds after the first "
                  f"{args.whole} leave them out", flush=True)
        running = {pool.submit(one_seed, seed, Path(scratch), None if args.whole is None or n < args.whole else blind): seed
                   for n, seed in enumerate(seeds)}
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
