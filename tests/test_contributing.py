"""Follow CONTRIBUTING.md: on a generated article in a fresh copy of the repository, to the letter
(tests/walkthrough.py, through the rebuild; .ci/growth-check goes on through `make test`), and on the
fixture contribution with the draft reviewed as written."""

from __future__ import annotations

import pytest

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from toolkit.cli import main

from .conftest import FIXTURES, ROOT
from .walkthrough import STEPS, read_steps, walk

SOURCE = "testwire-2025-12-15"


def test_the_steps_in_contributing_end_with_a_green_validate(runner, project):
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    commands = re.findall(r"^prisoner-data .+$", guide, re.M)
    assert any(c.startswith("prisoner-data extract") for c in commands)
    assert "prisoner-data validate" in commands

    # 1. add the article
    article = project / f"seeds/articles/{SOURCE}.txt"
    shutil.copyfile(FIXTURES / "contribution" / f"{SOURCE}.txt", article)
    # 2. draft its claims (the article is not in the manifest yet: the year comes from --year), and add
    # its manifest entry
    draft_path = project / f"seeds/claims/{SOURCE}.yaml"
    manifest = project / "seeds/manifest.yaml"
    before = manifest.read_text()
    result = runner.invoke(main, ["extract", str(article), "--year", "2025", "--out", str(draft_path),
                                  "--manifest", "--project", str(project)])
    assert result.exit_code == 0, result.output
    draft_text = draft_path.read_text()
    added = manifest.read_text()
    assert added.startswith(before)
    [entry] = yaml.safe_load(added[len(before):])
    data = article.read_bytes()
    assert (entry["id"], entry["bytes"], entry["sha256"]) == (SOURCE, len(data), hashlib.sha256(data).hexdigest())
    # the year is all --year gives: the date is marked inferred, to a year's precision
    assert (entry["published"], entry["published_precision"], entry["published_inferred"]) == ("2025", "year", True)
    # an unreviewed draft, and an entry with what extract could not know left open, do not pass
    report = json.loads(runner.invoke(main, ["validate", "--project", str(project), "--format", "json"]).stdout)
    assert {i["file"] for i in report["issues"] if i["severity"] == "error"} >= {
        "seeds/manifest.yaml", f"seeds/claims/{SOURCE}.yaml"}
    # 3. check the entry: fill in the outlet, title, day and url the article does not give
    checked = (added[len(before):].replace("OUTLET", "Test Wire").replace("TITLE", "Fixture article")
               .replace('"2025"', '"2025-12-15"').replace("precision: year", "precision: day")
               .replace("published_inferred: true", "published_inferred: false"))
    checked = re.sub(r"url: URL.*", f"url: https://example.org/test-wire/{SOURCE}", checked)
    manifest.write_text(before + checked)
    # 4. the draft proposes no registry entry for this article; 5. review: the draft named every
    # subject; the reviewer checks them and removes the draft mark
    assert result.output.startswith(f"added the entry of {SOURCE}") and "proposed" not in result.output, result.output
    draft = yaml.safe_load(draft_text)
    assert draft["claims"] and all(claim["subject"] != "TODO" for claim in draft["claims"])
    reviewed = draft_text.replace("draft: true\n", "")
    draft_path.write_text(reviewed)
    # 6. validate
    result = runner.invoke(main, ["validate", "--project", str(project), "--format", "json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 0, [i for i in report["issues"] if i["severity"] == "error"]
    properties = {(c["property"], c["value"]) for c in yaml.safe_load(reviewed)["claims"]}
    assert ("released_count", 123) in properties and ("destination_count", 114) in properties
    # 7. rebuild: the new source is in the package
    assert runner.invoke(main, ["build", "--project", str(project), "-q"]).exit_code == 0
    sources = (project / "datapackage/data/sources.csv").read_text()
    assert SOURCE in sources


def test_the_walk_knows_every_step_of_the_guide():
    """A section added to CONTRIBUTING.md, or renamed, must be taught to tests/walkthrough.py."""
    steps = read_steps((ROOT / "CONTRIBUTING.md").read_text())
    assert [s.title for s in steps] == list(STEPS)
    assert [s.number for s in steps] == list(range(len(steps)))
    commands = [c for s in steps for c in s.commands]
    assert any(c.startswith("prisoner-data extract") for c in commands) and "make test" in commands


def test_the_first_block_runs_as_typed_after_a_fresh_clone():
    """Step 0's commands use only what a fresh clone has (make, the shell) or what `make build` installs in
    .venv: a tool nothing installs (pre-commit) is not among them."""
    import tomllib

    [setup] = [s for s in read_steps((ROOT / "CONTRIBUTING.md").read_text()) if s.number == 0]
    pinned = set(re.findall(r"^([A-Za-z0-9_.-]+)==", (ROOT / "constraints.txt").read_text(), re.M))
    scripts = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"])
    assert setup.commands[0] == "make build"
    for command in setup.commands:
        program = command.split()[0]
        assert program in ("make", "source", ".") or program in scripts or program in pinned, command


def _fresh_copy(target: Path) -> Path:
    """The checkout's files as they stand (a fresh clone's, with what is added but not yet committed, as
    when a contributor runs `make test` before committing), as a git checkout with one commit."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q"], cwd=target, check=True)
    subprocess.run([*git, "add", "-A"], cwd=target, check=True)
    subprocess.run([*git, "commit", "-qm", "checkout"], cwd=target, check=True)
    (target / ".venv").symlink_to(Path(sys.executable).parent.parent)
    return target


@pytest.mark.slow
@pytest.mark.live  # the guide is followed on a copy of the checkout as it stands, the live dataset with it
def test_following_the_guide_literally_on_a_generated_article_ends_with_a_rebuilt_package(tmp_path):
    clone = _fresh_copy(tmp_path / "clone")
    said: list[str] = []
    [article] = walk(clone, seed=5, articles=1, run_tests=False, log=said.append)
    commands = [line[2:] for line in said if line.startswith("$ ")]
    assert f"prisoner-data extract seeds/articles/{article.source}.txt --year 2025 --out " \
           f"seeds/claims/{article.source}.yaml --manifest" in commands
    assert "prisoner-data validate" in commands and "make build" in commands
    assert "make test" not in commands  # left to .ci/growth-check: the suite cannot run inside itself
    sources = (clone / "datapackage/data/sources.csv").read_text()
    assert article.source in sources
    log = subprocess.run(["git", "log", "--format=%an %s", "-1"], cwd=clone, capture_output=True, text=True).stdout
    assert log.startswith("Contributor Add ")
    status = subprocess.run(["git", "status", "--porcelain"], cwd=clone, capture_output=True, text=True).stdout
    assert status == ""  # everything the guide says to commit was committed
