"""Benchmark: the fixed cost of `prisoner-data validate` on a small project, beside a process that only
imports pyarrow and pandas (what any tool reading these tables pays first).

All three run as whole processes, alternated in one run (this machine is noisy): each round runs the
reference, then a process that only imports the libraries validate's checks need (the floor no
change to the toolkit's own code can go below), then validate. Printed: the median wall time and the
median CPU time (user + system) of each, their ratios to the reference, and the modules validate
imported that the reference did not, by import time.

    .venv/bin/python benchmarks/bench_validate_startup.py [--project DIR] [--repeats 7]

The default project is the suite's own (tests/fixtures/project with the repository's schemas): five
articles, the size a contributor validates after adding one.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from toolkit.validate.rules import OPTIONAL_FOR_PYARROW  # noqa: E402 - what the toolkit hides from pandera
REFERENCE = [sys.executable, "-c", "import pyarrow, pandas"]
LIBRARIES = [sys.executable, "-c", "import os, sys\n"
             "os.environ.setdefault('PANDERA_USE_NARWHALS_BACKEND', 'True')\n"
             f"sys.modules.update(dict.fromkeys({OPTIONAL_FOR_PYARROW!r}))\n"
             "import pyarrow, pandas, pyarrow.compute, pydantic, pandera.pyarrow"]
"""The floor: a process that only imports the libraries validate's default checks run on (pydantic for
the seeds, pyarrow.compute for the cells, pandera for the rules on its narwhals backend, with the
packages the toolkit hides from it hidden: toolkit.validate.rules), no toolkit module and no work."""


def timed(command: list[str]) -> tuple[float, float]:
    """(wall, cpu) seconds of one whole process; its output is thrown away."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def imports(command: list[str]) -> dict[str, int]:
    """Top-level modules a process imported, with their cumulative import time in microseconds."""
    done = subprocess.run([sys.executable, "-X", "importtime", *command[1:]], capture_output=True, text=True)
    found: dict[str, int] = {}
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = (part.strip() for part in line.split("|"))
            if cumulative.isdigit():
                top = name.strip().split(".")[0]
                found[top] = max(found.get(top, 0), int(cumulative))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, help="a project to validate (default: the suite's own)")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    try:
        project = args.project
        if project is None:
            project = scratch / "project"
            shutil.copytree(ROOT / "tests" / "fixtures" / "project" / "seeds", project / "seeds")
            shutil.copytree(ROOT / "schemas", project / "schemas")
        validate = [sys.executable, "-m", "toolkit", "validate", "--project", str(project)]
        check = subprocess.run(validate, capture_output=True, text=True)
        print(f"validate exits {check.returncode}: {check.stdout.strip().splitlines()[-1:]}")
        timed(REFERENCE), timed(LIBRARIES), timed(validate)  # warm the file cache
        rounds = [(timed(REFERENCE), timed(LIBRARIES), timed(validate)) for _ in range(args.repeats)]
        for index, label in ((0, "wall"), (1, "cpu")):
            reference, floor, ours = (statistics.median(r[column][index] for r in rounds) for column in range(3))
            print(f"{label:>4}: import pyarrow, pandas {reference:6.3f} s   prisoner-data validate {ours:6.3f} s   "
                  f"ratio {ours / reference:4.2f}x   (its libraries' imports alone {floor:6.3f} s, "
                  f"{floor / reference:4.2f}x; median of {args.repeats})")
        extra = imports(validate)
        for name in imports(REFERENCE):
            extra.pop(name, None)
        heaviest = sorted(extra.items(), key=lambda item: -item[1])[:12]
        print("imported beyond the reference (cumulative ms): " +
              ", ".join(f"{name} {micro / 1000:.0f}" for name, micro in heaviest))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
