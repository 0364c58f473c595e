"""Benchmark: build from synthetic ledgers of 10^4, 10^5 and 10^6 claims.

Each size gets a generated project (articles with a manifest, a registry, claims
files, the real vocabulary) and is compiled in a fresh process: load and verify
articles, check every claim and locate its quote, resolve entities, reconcile,
and build the tables. Prints seconds and peak memory per size, and seconds per
100k claims, which stays flat when time grows linearly.

    .venv/bin/python benchmarks/bench_reconcile.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIMS_PER_SOURCE = 100
PEOPLE_PER_RELEASE = 40


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


def measure(project: Path) -> dict:
    """Compile the project in this process; return seconds, peak RSS and counts."""
    import resource

    from toolkit.pipeline import compile_dataset
    from toolkit.project import open_project
    from toolkit.report import Report

    start = time.perf_counter()
    report = Report()
    compiled = compile_dataset(open_project(project), report)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if compiled is None:
        raise SystemExit(f"synthetic project invalid: {report.errors[:3]}")
    return {
        "seconds": round(seconds, 2),
        "peak_mb": round(peak_mb),
        "claims": len(compiled.tables["claims"]),
        "conflicts": len(compiled.tables["conflicts"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure))))
        return
    print(f"{'claims':>9} {'seconds':>8} {'s/100k':>7} {'peak MB':>8} {'conflicts':>9}")
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            generate(Path(tmp), size)
            done = subprocess.run([sys.executable, __file__, "--measure", tmp], capture_output=True, text=True,
                                  check=True)
            figures = json.loads(done.stdout)
        per = figures["seconds"] / figures["claims"] * 100_000
        print(f"{figures['claims']:>9} {figures['seconds']:>8.2f} {per:>7.2f} {figures['peak_mb']:>8} "
              f"{figures['conflicts']:>9}", flush=True)


if __name__ == "__main__":
    main()
