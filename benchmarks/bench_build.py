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
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIMS_PER_SOURCE = 100
PEOPLE_PER_RELEASE = 40
FLOOR = """
import sys, pathlib, yaml
root = pathlib.Path(sys.argv[1]) / "seeds"
for path in sorted(root.rglob("*")):
    if path.suffix == ".yaml":
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    elif path.suffix == ".txt":
        path.read_bytes().decode("utf-8")
"""


def generate(root: Path, n_claims: int, seed: int = 7) -> None:
    """Write a synthetic project with about n_claims claims under root."""
    rng = random.Random(seed)
    seeds = root / "seeds"
    (seeds / "articles").mkdir(parents=True)
    (seeds / "claims").mkdir()
    shutil.copytree(ROOT / "schemas", root / "schemas")
    n_sources = max(1, n_claims // CLAIMS_PER_SOURCE)
    n_releases = max(1, n_claims // 2000)
    n_people = n_releases * PEOPLE_PER_RELEASE
    _registry(seeds / "registry.yaml", n_releases, n_people)
    manifest = ["sources:"]
    for s in range(n_sources):
        sid = f"src-{s:06d}"
        lines, claims = [], []
        for k in range(CLAIMS_PER_SOURCE):
            lines.append(_claim(rng, s, k, n_releases, n_people, claims))
        text = ("\n".join(lines) + "\n").encode()
        (seeds / "articles" / f"{sid}.txt").write_bytes(text)
        manifest.append(
            f"  - {{id: {sid}, path: articles/{sid}.txt, outlet: Outlet {s % 50}, outlet_inferred: false, "
            f"title: Story {s}, published: '2025-12-{1 + s % 28:02d}', published_precision: day, "
            f"published_inferred: false, language: en, bytes: {len(text)}, "
            f"sha256: {hashlib.sha256(text).hexdigest()}}}"
        )
        (seeds / "claims" / f"{sid}.yaml").write_text(f"source: {sid}\nclaims:\n" + "".join(claims))
    (seeds / "manifest.yaml").write_text("\n".join(manifest) + "\n")


def _registry(path: Path, n_releases: int, n_people: int) -> None:
    out = ["places:", "  - {id: country-a, name: Country A, kind: country, aliases: []}",
           "  - {id: country-b, name: Country B, kind: country, aliases: []}",
           "  - {id: city-a, name: City A, kind: city, part_of: country-a, aliases: []}",
           "groups:", "  - {id: all-released, name: Everyone freed, aliases: []}",
           "  - {id: political-prisoners, name: Political prisoners, part_of: all-released, aliases: []}",
           "releases:"]
    out += [f"  - {{id: release-{r}, name: Release {r}, aliases: []}}" for r in range(n_releases)]
    out.append("people:")
    out += [f"  - {{id: person-{p}, name: Person {p}, aliases: [P. {p}]}}" for p in range(n_people)]
    path.write_text("\n".join(out) + "\n")


def _stable(text: str) -> int:
    return zlib.crc32(text.encode())


def _claim(rng: random.Random, s: int, k: int, n_releases: int, n_people: int, claims: list) -> str:
    cid = f"c{s:06d}-{k:03d}"
    release = f"release-{rng.randrange(n_releases)}"
    roll = rng.random()
    if roll < 0.2:
        total = 100 + (_stable(release) % 50) + (1 if rng.random() < 0.05 else 0)  # 5 % disagree
        quote = f"In {release} {total} people were freed, says item {cid}."
        body = f"subject: {release}, property: released_count, value: {total}"
    elif roll < 0.4:
        place = rng.choice(["country-a", "city-a", "country-b"])
        count = 40 + (_stable(release + place) % 20)
        quote = f"Of {release}, {count} went to {place}, per item {cid}."
        body = f"subject: {release}, property: destination_count, scope: {place}, value: {count}"
    elif roll < 0.7:
        person = f"person-{rng.randrange(n_people)}"
        quote = f"Person {person[7:]} was freed in {release}, item {cid}."
        body = f"subject: {person}, property: released_in, value: {release}"
    elif roll < 0.85:
        person = f"person-{rng.randrange(n_people)}"
        age = 20 + _stable(person) % 50
        quote = f"P. {person[7:]} is {age} years old, item {cid}."
        body = f"subject: {person}, property: age, value: {age}, attributed_to: 'P. {person[7:]}'"
    else:
        person = f"person-{rng.randrange(n_people)}"
        quote = f"P. {person[7:]} was taken to City A, item {cid}."
        body = f"subject: {person}, property: sent_to, value: City A"
    claims.append(f"  - {{id: {cid}, {body}, quote: \"{quote}\"}}\n")
    return quote


def run(argv: list[str]) -> tuple[float, float]:
    """Run one whole process; its wall seconds and peak resident memory in MiB."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed: {child.stderr.read().decode()[-2000:]}")
    child.stderr.close()
    return seconds, usage.ru_maxrss / 1024


def measure(project: Path, repeats: int) -> dict:
    exe = Path(sys.executable).parent / "prisoner-data"
    build = [str(exe), "build", "--project", str(project), "--out", str(project / "out"), "--no-dictionary", "-q"]
    floor = [sys.executable, "-c", FLOOR, str(project)]
    runs = {"build": [], "floor": []}
    for _ in range(repeats):
        runs["floor"].append(run(floor))
        runs["build"].append(run(build))
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
