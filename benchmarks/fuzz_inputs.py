"""Fuzz what the toolkit reads: seeds/ and schemas/, built packages, and releases to download.

--target seeds: every run copies the project, mutates one to three input files (deleting,
retyping, renaming, duplicating and wrapping nodes; one time in eight cutting or splicing the
text) and compiles it the way `build` and `validate` do; one run in ten also writes and
validates the package. --target package: mutates a built package (descriptor, CSV, Parquet,
suite) and validates it. --target download: mutates a release (descriptor, SHA256SUMS, index,
data files) and downloads it. The toolkit must answer each run with success or an error that
names its file (and, for seeds, its line), and a refused download must leave nothing behind.
--target workers: mutates the seeds as --target seeds does (a claims file most of the time), then
loads the claims in one process and with a helper process: the ledgers and issues must be equal.
--target keys: mutates the CSV files of a built package (rows dropped or repeated, cells changed),
then validates it with the default engine's key store in memory, in DuckDB, and in DuckDB with
every reference left to it: the issues must be equal.
--target values: puts hostile values (numbers too long to read or too large to hold, NUL bytes and
control characters, raw and escaped, lone surrogates, bidi controls) into the claims files, the
registry, the manifest and the descriptors of a built package, then compiles the project or
validates the package: no crash, and every issue about a JSON or YAML file names its line.
--target hostile: what a hostile pull request brings (issue 36): line breaks and control characters in
one-line fields, formulas behind leading spaces, javascript: and data: links, inputs that are links out
of the project, articles with long digit runs or dense with figures; then compiles the project (one run
in ten also writes and validates the package): no crash, every error located, and the report as GitHub
annotations and a job summary holds no workflow command or table row the report did not put there.
Prints how many runs ended which way and one example of each distinct crash, unlocated error or
difference.

    .venv/bin/python benchmarks/fuzz_inputs.py [--target seeds|package|download|workers|keys|values|hostile]
                                               [--runs 2500]
                                               [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fuzzkit import (JSON_FILES, PACKAGE_FILES, YAML_FILES, Outcome, copy_project, mutate_file,  # noqa: E402
                           mutate_package_file, run_download, run_pipeline, run_validate, signature)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", choices=["seeds", "package", "download", "workers", "keys", "values", "hostile"],
                        default="seeds")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    outcomes: Counter = Counter()
    found: dict[str, tuple[str, str]] = {}
    release = _release(Path(tempfile.mkdtemp())) if args.target == "download" else None
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as scratch:
            changes, outcome = _one_run(args.target, Path(scratch), rng, run, release)
        outcomes[outcome.kind] += 1
        if outcome.kind == "error":
            ERRORS[outcome.detail.split(":")[0] if " " in outcome.detail else outcome.detail] += 1
        if outcome.kind in ("crash", "unlocated", "differs", "unescaped"):
            found.setdefault(f"{outcome.kind}: {outcome.detail}", (f"run {run}", "; ".join(changes)))
        if (run + 1) % 250 == 0:
            print(f"... {run + 1} runs: {dict(outcomes)}", file=sys.stderr)
    print(f"target: {args.target}, runs: {args.runs} (seed {args.seed})")
    for kind in ("ok", "error", "unlocated", "crash", "differs", "unescaped"):
        print(f"  {kind:<10} {outcomes[kind]}")
    if args.target == "keys":
        print("  runs with " + ", ".join(f"{kind}: {n}" for kind, n in sorted(KEY_ISSUES.items())))
    if args.target == "hostile":
        print("  shapes: " + ", ".join(f"{shape} {n}" for shape, n in sorted(SHAPES.items())))
        print("  errors by type: " + ", ".join(f"{kind} {n}" for kind, n in ERRORS.most_common()))
    print(f"distinct failures: {len(found)}")
    for signature, (run, changes) in sorted(found.items()):
        print(f"  {signature}\n      {run}: {changes[:300]}")
    return 1 if found else 0


def _one_run(target: str, scratch: Path, rng: random.Random, run: int, release: Path | None):
    if target == "workers":
        root = copy_project(scratch)
        claims_files = [f for f in YAML_FILES if f.startswith("seeds/claims/")]
        changes = [mutate_file(root, rng.choice(claims_files if rng.random() < 0.8 else YAML_FILES), rng)
                   for _ in range(rng.randint(1, 3))]
        return changes, _one_and_two_processes(root)
    if target == "seeds":
        root = copy_project(scratch)
        changes = [mutate_file(root, rng.choice(YAML_FILES + JSON_FILES), rng) for _ in range(rng.randint(1, 3))]
        return changes, run_pipeline(root, package=run % 10 == 0)
    if target == "values":
        return _hostile_values(scratch, rng, run)
    if target == "hostile":
        from tests.fuzzkit import mutate_hostile, run_hostile

        root = copy_project(scratch / "project")  # scratch/outside is where links lead out to
        changes = [mutate_hostile(root, rng) for _ in range(rng.randint(1, 2))]
        SHAPES.update(change[1:change.index("]")] for change in changes)
        return changes, run_hostile(root, package=run % 10 == 0)
    if target == "keys":
        shutil.copytree(ROOT / "datapackage", scratch / "pkg")
        tables = [name for name in PACKAGE_FILES if name.endswith(".csv")]
        changes = [mutate_package_file(scratch / "pkg", rng.choice(tables), rng) for _ in range(rng.randint(1, 3))]
        return changes, _wherever_the_keys_are(scratch / "pkg")
    if target == "package":
        shutil.copytree(ROOT / "datapackage", scratch / "pkg")
        changes = [mutate_package_file(scratch / "pkg", rng.choice(PACKAGE_FILES), rng)
                   for _ in range(rng.randint(1, 2))]
        return changes, run_validate(scratch / "pkg")
    shutil.copytree(release, scratch / "releases")
    names = ["index.json", "1.0.0/datapackage.json", "1.0.0/SHA256SUMS", "1.0.0/data/people.csv",
             "1.0.0/data/people.parquet", "1.0.0/CHANGELOG.md"]
    changes = []
    for _ in range(rng.randint(1, 2)):
        name = rng.choice(names)
        if name.endswith("SHA256SUMS") or name.endswith(".md"):
            path = scratch / "releases" / name
            path.chmod(0o644)
            lines = path.read_text().splitlines()
            at = rng.randrange(len(lines))
            lines[at] = rng.choice(["", lines[at] + "x", lines[at].replace("  ", " "), "0" * 64 + "  ../escape",
                                    "0" * 64 + "  extra.txt", lines[at] + "\n" + lines[at]])
            path.write_text("\n".join(lines) + "\n")
            changes.append(f"{name}: line {at + 1} changed")
        elif name.startswith("1.0.0/"):
            changes.append(mutate_package_file(scratch / "releases" / "1.0.0", name[len("1.0.0/"):], rng))
        else:
            changes.append("index.json: " + _mutate_json(scratch / "releases" / name, rng))
    outcome = run_download(str(scratch / "releases" / "index.json"), scratch / "got", scratch / "cache")
    return changes, outcome


def _hostile_values(scratch: Path, rng: random.Random, run: int):
    """Odd runs: the suite's own project with hostile values in its YAML; even runs: its built package
    with hostile values in its descriptors. Crashes, and issues about a JSON or YAML file without a line."""
    from tests.fuzzkit import located, mutate_values, run_pipeline

    if run % 2:
        root = copy_project(scratch)
        names = [f for f in YAML_FILES if f.startswith("seeds/")]
        changes = [mutate_values(root, rng.choice(names), rng) for _ in range(rng.randint(1, 2))]
        return changes, run_pipeline(root, package=run % 10 == 1)
    package = scratch / "pkg"
    shutil.copytree(_fixture_package(), package)
    names = ["datapackage.json", "datapackage-parquet.json", "expectations.json"]
    changes = [mutate_values(package, rng.choice(names), rng) for _ in range(rng.randint(1, 2))]
    from toolkit.errors import ToolkitError
    from toolkit.pipeline import validate_path

    try:
        report = validate_path(package)
    except ToolkitError as exc:
        return changes, Outcome("error", str(exc).splitlines()[0])
    except Exception as exc:  # noqa: BLE001 - a crash is what the fuzzer looks for
        return changes, Outcome("crash", signature(exc))
    missing = located(report.issues) + [i for i in report.errors if not i.file]
    if missing:
        return changes, Outcome("unlocated", f"{missing[0].type}: {missing[0].message[:120]} ({missing[0].file})")
    return changes, Outcome("error" if report.errors else "ok", report.errors[0].type if report.errors else "")


_FIXTURE_PACKAGE: list[Path] = []


def _fixture_package() -> Path:
    """The suite's own project, built once per fuzz run."""
    if not _FIXTURE_PACKAGE:
        from toolkit.pipeline import build_package
        from toolkit.project import open_project

        root = copy_project(Path(tempfile.mkdtemp()))
        build_package(open_project(root), root / "datapackage")
        _FIXTURE_PACKAGE.append(root / "datapackage")
    return _FIXTURE_PACKAGE[0]


def _mutate_json(path: Path, rng: random.Random) -> str:
    import json

    from tests.fuzzkit import mutate

    doc = json.loads(path.read_text())
    change = mutate(doc, rng)
    path.write_text(json.dumps(doc, default=str))
    return change


def _release(scratch: Path) -> Path:
    """releases/ with 1.0.0 published from the project as it is."""
    from toolkit.pipeline import publish_release
    from toolkit.project import open_project

    root = copy_project(scratch)
    import datetime as dt

    publish_release(open_project(root), "1.0.0", date=dt.date(2025, 12, 20))
    return root / "releases"


def _one_and_two_processes(root: Path) -> Outcome:
    """The claims of the project at `root` loaded in one process and with a helper: equal, or not."""
    import os

    from toolkit.ingest.claims import load_claims, load_vocabulary
    from toolkit.ingest.entities import load_registry
    from toolkit.ingest.sources import load_sources
    from toolkit.project import open_project
    from toolkit.report import Report
    from toolkit.workers import WORKERS_ENV

    answers = []
    try:
        for workers in ("1", "2"):
            os.environ[WORKERS_ENV] = workers
            project, report = open_project(root), Report()
            ledger = load_claims(project, load_sources(project, report), load_registry(project, report),
                                 load_vocabulary(project, report), report)
            answers.append((ledger.claims, ledger.skipped, ledger.uncited, report.issues))
    except Exception as exc:  # noqa: BLE001 - a crash is what the fuzzer looks for
        return Outcome("crash", signature(exc))
    finally:
        os.environ.pop(WORKERS_ENV, None)
    if answers[0] != answers[1]:
        parts = [name for name, one, two in zip(("claims", "skipped", "uncited", "issues"), *answers) if one != two]
        return Outcome("differs", ", ".join(parts))
    return Outcome("error" if any(i.severity == "error" for i in answers[0][3]) else "ok")


def _wherever_the_keys_are(package: Path) -> Outcome:
    """The package validated with its keys checked in memory, in DuckDB, and in DuckDB with every
    reference and claim list left to the store: the same issues, or not."""
    from toolkit.validate.engines import arrow, keystore
    from toolkit.validate.package import validate_package

    settings = {"in memory": (keystore.MEMORY_KEYS, arrow.SMALL_PARENT), "in duckdb": (0, arrow.SMALL_PARENT),
                "in duckdb, every reference": (0, -1)}
    saved = keystore.MEMORY_KEYS, arrow.SMALL_PARENT
    answers = {}
    try:
        for name, (keystore.MEMORY_KEYS, arrow.SMALL_PARENT) in settings.items():
            report = validate_package(package / "datapackage.json")
            answers[name] = sorted((i.type, i.file, i.line, i.field, str(i.value), i.message, i.severity)
                                   for i in report.issues)
    except Exception as exc:  # noqa: BLE001 - a crash is what the fuzzer looks for
        return Outcome("crash", signature(exc))
    finally:
        keystore.MEMORY_KEYS, arrow.SMALL_PARENT = saved
    first = answers["in memory"]
    differ = [name for name, issues in answers.items() if issues != first]
    if differ:
        return Outcome("differs", ", ".join(differ))
    KEY_ISSUES.update({issue[0] for issue in first} & {"duplicate-key", "dangling-reference", "claim-ids-exist"})
    return Outcome("error" if any(issue[-1] == "error" for issue in first) else "ok")


ERRORS: Counter = Counter()
"""--target hostile: the runs that ended in an error, by the first error's type."""
SHAPES: Counter = Counter()
"""--target hostile: how many changes of each shape the runs made."""
KEY_ISSUES: Counter = Counter()
"""--target keys: how many runs found each kind of key issue (so a run of the fuzzer shows it reached them)."""


if __name__ == "__main__":
    sys.exit(main())
