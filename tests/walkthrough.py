"""Follow CONTRIBUTING.md to the letter on a generated article, in a clone of the repository.

Every command of the guide's shell blocks is run as written, the example article's id and path
replaced by the generated article's. The steps the guide gives in words are done as it says:
checking the source's manifest entry (the one `extract --manifest` added, filled in), adding the
registry entries the article needs, before drafting again) and reviewing the draft (the finished
claims a careful review ends with, tests/growth.py's ledger). A command that fails, or a step the
walk does not know, stops it.

Used by tests/test_contributing.py (up to the rebuild) and by .ci/growth-check (through the tests
that can see the dataset, on a fresh clone per seed):

    python -m tests.walkthrough CLONE --seed 7 [--articles 2] [--run-tests | --run-live-tests]

`--run-live-tests` runs, where the guide says `make test`, the tests marked `live`: the only ones a
contribution can change the outcome of, since conftest fails any other test that reads the dataset.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import growth

EXAMPLE_ID = "testwire-2025-12-15"
"""The source id CONTRIBUTING.md's commands use; each is run with the generated article's id instead."""
EXAMPLE_ARTICLE = "~/Downloads/article.txt"
STEPS = ("Set up", "Add the article", "Draft its claims", "Register the source",
         "Add the registry entries, then draft again", "Review every drafted claim", "Validate",
         "Rebuild and open a pull request", "What a maintainer does")
"""The guide's sections, in order, as the walk knows them; the test fails when the guide changes them."""


@dataclass
class Step:
    number: int
    title: str
    commands: list[str] = field(default_factory=list)


def read_steps(guide: str) -> list[Step]:
    """The guide's `## N. Title` sections, each with the commands of its ```sh blocks (comments dropped)."""
    steps: list[Step] = []
    inside = False
    for line in guide.splitlines():
        heading = re.match(r"^## (\d+)\. (.+)$", line)
        if heading:
            steps.append(Step(int(heading.group(1)), heading.group(2).split(" (")[0].strip()))
        elif line.startswith("```"):
            inside = line.strip() == "```sh" and not inside
        elif inside and steps and line.strip():
            command = re.sub(r"\s+#.*$", "", line).strip()
            if command:
                steps[-1].commands.append(command)
    return steps


LIVE_TESTS = "python -m pytest -q -m live -p no:cacheprovider -n auto --dist worksteal"
"""What `make test` becomes in a walk with --run-live-tests (the environment's python, the clone's code)."""


class Walk:
    """One walk through the guide in `clone` for one article; `log` hears each command."""

    def __init__(self, clone: Path, article: growth.Article, run_tests: bool | str, log=None):
        self.clone, self.article, self.run_tests = clone, article, run_tests
        self.log = log or (lambda line: print(line, file=sys.stderr))
        # the clone's own code first (an editable install would serve the checkout it was made from)
        self.env = {**os.environ, "PATH": f"{clone / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
                    "PYTHONPATH": str(clone),
                    "GIT_AUTHOR_NAME": "Contributor", "GIT_AUTHOR_EMAIL": "contributor@example.org",
                    "GIT_COMMITTER_NAME": "Contributor", "GIT_COMMITTER_EMAIL": "contributor@example.org"}
        if (clone / ".venv").is_symlink():
            # a shared environment is never remade from the clone: its stamp, newer than the clone's
            # pyproject.toml, tells make it is current (GNU make takes no -o from MAKEFLAGS)
            (clone / ".venv" / ".installed").touch()
        self.staged = clone.parent / f"{article.source}.download.txt"
        self.draft = ""

    def run(self, command: str, accept=(0,)) -> subprocess.CompletedProcess:
        command = command.replace(EXAMPLE_ID, self.article.source).replace(EXAMPLE_ARTICLE, shlex.quote(str(self.staged)))
        self.log(f"$ {command}")
        done = subprocess.run(command, shell=True, cwd=self.clone, env=self.env, capture_output=True, text=True)
        if done.returncode not in accept:
            raise WalkFailed(command, done)
        last = ([line for line in done.stdout.splitlines() if line.strip()]
                or [line for line in done.stderr.splitlines() if line.strip()])[-1:]
        if last:
            self.log(f"  {last[0].strip()}")
        return done

    def step(self, step: Step) -> None:
        if step.title not in STEPS:
            raise WalkFailed(f"step {step.number}. {step.title}: the walk does not know this step", None)
        # what the guide says in words: done before its commands, or after them
        before = {"Add the registry entries, then draft again": self.add_registry_entries}.get(step.title)
        after = {"Register the source": self.register, "Review every drafted claim": self.review}.get(step.title)
        if before:
            before()
        for command in step.commands:
            if command.startswith("source ") or command.startswith("pre-commit install"):
                continue  # PATH has the environment's bin/; the hook is optional
            if command.startswith("make test") and not self.run_tests:
                continue
            if command.startswith("make test") and self.run_tests == "live":
                command = LIVE_TESTS
            # the maintainer's queue reports what awaits a decision: 1 while anything does
            self.run(command, accept=(0, 1) if step.title == "What a maintainer does" else (0,))
            if " extract " in f" {command} " and "--out" in command:
                self.draft = (self.clone / "seeds" / "claims" / f"{self.article.source}.yaml").read_text()
        if after:
            after()

    def register(self) -> None:
        """Step 3: the entry `extract --manifest` added, checked, with the outlet, title and date filled in."""
        manifest = self.clone / "seeds" / "manifest.yaml"
        lines = manifest.read_text(encoding="utf-8").splitlines()
        start = next((n for n, line in enumerate(lines) if line == f"  - id: {self.article.source}"), None)
        if start is None:
            raise WalkFailed(f"step 2 left no manifest entry for {self.article.source}", None)
        end = next((n for n in range(start + 1, len(lines)) if not lines[n].startswith("    ")), len(lines))
        entry = yaml.safe_load("\n".join(lines[start:end]))[0]
        expected = self.article.manifest_entry()
        if (entry["bytes"], entry["sha256"]) != (expected["bytes"], expected["sha256"]):
            raise WalkFailed("the manifest entry extract added does not give the article's size and sha256", None)
        entry.update({k: expected[k] for k in ("outlet", "outlet_inferred", "title", "published",
                                               "published_precision", "published_inferred", "note", "url")})
        block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True)
        lines[start:end] = [f"  {line}" for line in block.splitlines()]
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def add_registry_entries(self) -> None:
        """Step 4: the registry entries the article needs, checked, and its new misspellings."""
        growth.review_registry(self.clone, self.article)

    def review(self) -> None:
        """Step 5: the reviewed claims (the draft checked, corrected and completed)."""
        (self.clone / "seeds" / "claims" / f"{self.article.source}.yaml").write_text(self.article.ledger(),
                                                                                       encoding="utf-8")


class WalkFailed(Exception):
    def __init__(self, command: str, done: subprocess.CompletedProcess | None):
        output = "" if done is None else (done.stdout + done.stderr)[-4000:]
        super().__init__(f"{command}\n{output}")
        self.command, self.done = command, done


def walk(clone: Path, seed: int, articles: int = 2, run_tests: bool | str = False, log=None) -> list[growth.Article]:
    """Add `articles` generated articles to `clone` by following CONTRIBUTING.md, one after the other.

    The last walk runs the guide's closing commands (`make build`, `make test` when `run_tests`, only
    the live tests when it is "live", the
    commit); the walks before it stop after validating, as a contributor adding several articles would
    rebuild once."""
    steps = read_steps((clone / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    done = []
    generator = growth.contributions(clone, seed, articles)
    for index in range(articles):
        article = next(generator)
        one = Walk(clone, article, run_tests, log)
        one.staged.write_text(article.text, encoding="utf-8")
        for step in steps:
            if step.title == "Set up" and index:
                continue
            if step.title in ("Rebuild and open a pull request", "What a maintainer does") and index < articles - 1:
                continue
            one.step(step)
        done.append(article)
    return done


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Follow CONTRIBUTING.md on generated articles.")
    parser.add_argument("clone", type=Path)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--articles", type=int, default=2)
    tests = parser.add_mutually_exclusive_group()
    tests.add_argument("--run-tests", action="store_true", help="run `make test` where the guide says so")
    tests.add_argument("--run-live-tests", action="store_true",
                       help="run the tests marked live (the ones the dataset can change) where the guide says `make test`")
    args = parser.parse_args(argv)
    try:
        for article in walk(args.clone.resolve(), args.seed, args.articles,
                            "live" if args.run_live_tests else args.run_tests):
            print(f"{article.source}: {', '.join(sorted(article.cases))}", file=sys.stderr)
    except WalkFailed as failed:
        print(f"following CONTRIBUTING.md failed at: {failed}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
