"""Benchmark: `validate` and `extract` on an article dense with figures and dates, at 100 KB and at 1 MB.

A pull request may add any article; the scans over an article's figures and dates must stay linear,
so the 1 MB article may cost at most 10 times the 100 KB one. Each size is a project of its own (the
suite's fixture project with the repository's schemas, plus the dense article with an empty claims
file), validated as a whole process, and the article drafted as a whole process; the sizes alternate
in one run, and the medians are compared. Also printed: the size of the GitHub job summary validate
writes for the 1 MB article (GitHub refuses one over 1 MiB).

    .venv/bin/python benchmarks/bench_article_scaling.py [--repeats 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def dense(size: int) -> str:
    """Sentences each holding counts and dates, up to `size` bytes (invented text)."""
    sentence = "Officials said {n} detainees were freed on {d} May 2025 and {m} more by June 2025. "
    parts, total, i = ["Vilnius — "], 10, 0
    while total < size:
        part = sentence.format(n=10 + i % 90, d=1 + i % 28, m=3 + i % 40)
        parts.append(part)
        total += len(part.encode())
        i += 1
    return "".join(parts) + "\n"


def project_with(article_bytes: int, where: Path) -> Path:
    from tests.conftest import assemble_project
    from tests.projectkit import add_article

    root = assemble_project(where)
    add_article(root, "bench-dense-2025-12-20", dense(article_bytes), [], published="2025-12-20")
    return root


def timed(command: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{command[3:5]} failed ({done.returncode}): {done.stderr[-500:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="bench-scaling-"))
    try:
        sizes = {"100 KB": 100_000, "1 MB": 1_000_000}
        projects = {label: project_with(size, scratch / label.replace(" ", "")) for label, size in sizes.items()}
        tool = [sys.executable, "-m", "toolkit"]
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.repeats):
            for label, root in projects.items():
                article = root / "seeds" / "articles" / "bench-dense-2025-12-20.txt"
                times.setdefault(("validate", label), []).append(timed([*tool, "validate", "--project", str(root)]))
                times.setdefault(("extract", label), []).append(
                    timed([*tool, "extract", str(article), "--project", str(root), "--out", str(scratch / "draft.yaml"),
                           "--force"]))
        for command in ("validate", "extract"):
            small, large = (statistics.median(times[(command, label)]) for label in sizes)
            print(f"{command:>8}: 100 KB {small:6.2f} s   1 MB {large:6.2f} s   ratio {large / small:5.2f}x   "
                  f"(median of {args.repeats})")
        summary = scratch / "summary.md"
        env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
        subprocess.run([*tool, "validate", "--project", str(projects["1 MB"]), "--format", "github"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        print(f"job summary for the 1 MB article: {summary.stat().st_size:,} bytes (GitHub's limit: {1 << 20:,})")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
