"""Every check in the GitHub workflows can fail: each step's `run:` script is run here as GitHub runs
it (the shell its `shell:` or the workflow's defaults name, `bash -e {0}` when none does), with its
`env:`, against a project where the step must fail, and one where it must pass. The set-up steps
(pip install; commit, tag and push) are the only ones not run, and are named."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT, assemble_project

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
SHELLS = {None: ["bash", "-e"], "bash": ["bash", "--noprofile", "--norc", "-eo", "pipefail"]}
"""The command GitHub runs a step's script file with, by its `shell:` (Linux runners)."""
NOT_RUN = {("validate-contribution.yml", "Install the base branch's toolkit"),
           ("release.yml", "Build and test"), ("release.yml", "Commit, tag and attach the zip"),
           ("test.yml", "Build and test")}
"""Set-up and publishing steps: installs from the network, .ci/run itself (CI's own run), a push."""

pytestmark = pytest.mark.slow  # real shells and git repositories: left out of `make test-fast`


def _workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text())


def _step(name: str, title: str) -> tuple[dict, dict, dict]:
    """(workflow, job, step) of the step called `title`."""
    workflow = _workflow(name)
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            if step.get("name") == title:
                return workflow, job, step
    raise AssertionError(f"{name} has no step {title!r}")


def run_step(name: str, title: str, workspace: Path, expressions: dict[str, str]) -> subprocess.CompletedProcess:
    """The step's script, written to a file and run as GitHub would: its shell, the workflow's, job's and
    step's env (each `${{ ... }}` replaced by the value the test gives it), the runner's files."""
    workflow, job, step = _step(name, title)
    shell = step.get("shell") or job.get("defaults", {}).get("run", {}).get("shell") \
        or workflow.get("defaults", {}).get("run", {}).get("shell")
    environment = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}
    for scope in (workflow, job, step):
        for key, value in (scope.get("env") or {}).items():
            environment[key] = re.sub(r"\$\{\{\s*(.+?)\s*\}\}", lambda m: expressions[m.group(1)], str(value))
    runner = workspace / "_runner"
    runner.mkdir(exist_ok=True)
    environment.update(RUNNER_TEMP=str(runner), GITHUB_STEP_SUMMARY=str(runner / "summary.md"),
                       GITHUB_OUTPUT=str(runner / "output"))
    script = runner / "step.sh"
    script.write_text(step["run"])
    return subprocess.run([*SHELLS[shell], str(script)], cwd=workspace, env=environment, capture_output=True,
                          text=True, timeout=600)


def _git(repo: Path, *args: str) -> str:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org"]
    return subprocess.run(["git", "-C", str(repo), *identity, *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def _pull_request(workspace: Path, change) -> dict[str, str]:
    """`contribution/`: the suite's own project as the base commit, then `change(project)` committed on
    top; `toolkit-base/`: this checkout (the base branch's toolkit). The expressions the jobs read."""
    project = assemble_project(workspace / "contribution")
    _git(project, "init", "-q")
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "base")
    base = _git(project, "rev-parse", "HEAD")
    change(project)
    _git(project, "add", "-A")
    _git(project, "commit", "-qm", "contribution")
    (workspace / "toolkit-base").symlink_to(ROOT)
    return {"github.event.pull_request.base.sha": base,
            "contains(github.event.pull_request.labels.*.name, 'code-and-data')": "false"}


def _break_a_claim(project: Path) -> None:
    claims = project / "seeds" / "claims" / "fixture-herald-2025-12-14.yaml"
    text = claims.read_text()
    assert "property: " in text
    claims.write_text(text.replace("property: ", "property: no_such_property_", 1))


def _touch_a_claim(project: Path) -> None:
    claims = project / "seeds" / "claims" / "fixture-herald-2025-12-14.yaml"
    claims.write_text(claims.read_text() + "# reviewed again\n")


def test_no_expression_reaches_a_script_and_every_step_is_run_here():
    """`${{ }}` only in env: and with:, never inside a script (where a branch name or a label would be
    code); and every step with a script is run by a test below, or named as set-up."""
    tested = set(re.findall(r'run_step\("([\w.-]+)", "([^"]+)"', Path(__file__).read_text()))
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for job in _workflow(path.name)["jobs"].values():
            for step in job["steps"]:
                if "run" in step:
                    assert "${{" not in step["run"], (path.name, step.get("name"))
                    assert (path.name, step.get("name")) in tested | NOT_RUN, (path.name, step.get("name"))


def test_the_validate_step_fails_on_invalid_data_and_passes_on_valid(tmp_path):
    bad = tmp_path / "bad"
    done = run_step("validate-contribution.yml", "Validate seeds/ and schemas/", bad,
                    _pull_request(bad, _break_a_claim))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "::error file=seeds/claims/fixture-herald-2025-12-14.yaml,line=" in done.stdout
    good = tmp_path / "good"
    expressions = _pull_request(good, _touch_a_claim)
    done = run_step("validate-contribution.yml", "Validate seeds/ and schemas/", good, expressions)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = run_step("validate-contribution.yml", "List open conflicts (informational)", good, expressions)
    summary = (good / "_runner" / "summary.md").read_text()
    assert listed.returncode == 0 and "| conflict |" in summary and "| open |" in summary, summary


def test_data_and_code_changed_together_fail_unless_the_pull_request_says_so(tmp_path):
    def both(project: Path) -> None:
        _touch_a_claim(project)
        (project / "toolkit").mkdir()
        (project / "toolkit" / "values.py").write_text("# a one-line change to the validator\n")

    expressions = _pull_request(tmp_path, both)
    done = run_step("validate-contribution.yml", "Data and code changed together only when the pull request says so",
                    tmp_path, expressions)
    assert done.returncode == 1 and "toolkit/values.py" in done.stdout, done.stdout + done.stderr
    labelled = {**expressions, "contains(github.event.pull_request.labels.*.name, 'code-and-data')": "true"}
    done = run_step("validate-contribution.yml", "Data and code changed together only when the pull request says so",
                    tmp_path, labelled)
    assert done.returncode == 0, done.stdout + done.stderr
    data_only = tmp_path / "data-only"
    done = run_step("validate-contribution.yml", "Data and code changed together only when the pull request says so",
                    data_only, _pull_request(data_only, _touch_a_claim))
    assert done.returncode == 0, done.stdout + done.stderr


def _add_an_article(project: Path) -> None:
    from .projectkit import add_article

    add_article(project, "testdesk-2025-12-17", "Belarus freed 44 <b>prisoners</b> on December 13.\n",
                published="2025-12-17", outlet="Test <i>Desk</i>",
                claims=[{"id": "td-001", "subject": "release-fx-december", "property": "released_count", "value": 44,
                         "quote": "Belarus freed 44 <b>prisoners</b>"}])


def test_the_job_summary_says_what_the_contribution_changes_in_the_data_in_words(tmp_path):
    """A maintainer sees, before merging, what a pull request changes for a reader: escaped, so the data's
    text never becomes markup in the summary."""
    done = run_step("validate-contribution.yml", "What the contribution changes in the data (informational)",
                    tmp_path, _pull_request(tmp_path, _add_an_article))
    assert done.returncode == 0, done.stdout + done.stderr
    summary = (tmp_path / "_runner" / "summary.md").read_text()
    assert summary.startswith("## What this changes in the data\n")
    assert "- New sources (1): Test &lt;i&gt;Desk&lt;/i&gt;\n" in summary and "<i>" not in summary
    assert "released count changed from 40 to in dispute (" in summary


def test_the_curator_step_fails_while_the_queue_holds_something_and_passes_when_it_is_empty(tmp_path):
    def undecided(project: Path) -> None:
        (project / "seeds" / "decisions.yaml").write_text("decisions: []\n")

    waiting = tmp_path / "waiting"
    done = run_step("validate-contribution.yml", "Open errors awaiting a curator's decision", waiting,
                    _pull_request(waiting, undecided))
    assert done.returncode == 1, done.stdout + done.stderr
    summary = (waiting / "_runner" / "summary.md").read_text()
    assert summary.startswith("## Awaiting a curator") and "| conflict |" in summary and "| open |" in summary
    clear = tmp_path / "clear"
    done = run_step("validate-contribution.yml", "Open errors awaiting a curator's decision", clear,
                    _pull_request(clear, _touch_a_claim))
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_publish_step_ends_with_a_clear_message_when_there_is_nothing_to_release(tmp_path, monkeypatch,
                                                                                    released_once):
    monkeypatch.setenv("PRISONER_DATA_CACHE", str(tmp_path / "cache"))
    project = tmp_path / "project"
    shutil.copytree(released_once, project, symlinks=True)  # 1.0.0 is out
    (project / ".venv").symlink_to(BIN.parent)
    expressions = {"inputs.bump": "auto"}
    done = run_step("release.yml", "Publish the release", project, expressions)
    assert done.returncode != 0, done.stdout + done.stderr
    assert "nothing to release" in done.stderr and "Traceback" not in done.stdout + done.stderr
    assert "::error::No release was made" in done.stdout
    assert not (project / "_runner" / "output").exists() or "version=" not in (project / "_runner" / "output").read_text()
    # and with a change, the same step publishes, says the version, rebuilds and validates the release
    claims = project / "seeds" / "claims" / "fixture-herald-2025-12-14.yaml"
    claims.write_text(claims.read_text().replace("    value: prominent opposition activist\n",
                                                 "    value: opposition activist\n", 1))
    shutil.rmtree(project / "_runner")
    done = run_step("release.yml", "Publish the release", project, expressions)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (project / "_runner" / "output").read_text() == "version=1.0.1\n"


def _json(document, status: int = 200):
    def answer(handler):
        body = json.dumps(document).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)
    return answer


def _review(login: str, state: str, commit: str) -> dict:
    return {"user": {"login": login}, "state": state, "commit_id": commit}


def _approval(workspace: Path, expressions: dict[str, str]) -> subprocess.CompletedProcess:
    return run_step("validate-contribution.yml", "Curator decisions changed only with a maintainer's approval",
                    workspace, expressions)


def test_curator_decisions_change_only_with_a_maintainers_approval(tmp_path, monkeypatch):
    """The reviews and permissions come from a GitHub API on 127.0.0.1, as the runner's GITHUB_API_URL would
    name github.com's: no one, a reader, an approval of an older commit, or a withdrawn one fail the step;
    a maintainer's (write access, or a member of the team CODEOWNERS names) approval of the head passes."""
    from .httpkit import Server

    def self_decided(project: Path) -> None:  # the reproduction: a decision signed as the maintainers
        decisions = project / "seeds" / "decisions.yaml"
        decisions.write_text(decisions.read_text().replace("decided_by: test suite", "decided_by: maintainers", 1))

    expressions = _pull_request(tmp_path, self_decided)
    head = _git(tmp_path / "contribution", "rev-parse", "HEAD")
    older = expressions["github.event.pull_request.base.sha"]
    expressions.update({"github.token": "t0ken", "github.event.pull_request.number": "7",
                        "github.event.pull_request.head.sha": head})
    (tmp_path / "api").mkdir()
    server = Server(tmp_path / "api")
    reviews = "/repos/owner/data/pulls/7/reviews?per_page=100&page=1"
    server.routes.update({
        "/repos/owner/data/collaborators/alice/permission": _json({"permission": "write", "role_name": "maintain"}),
        "/repos/owner/data/collaborators/mallory/permission": _json({"permission": "read", "role_name": "read"}),
        "/repos/owner/data/collaborators/bob/permission": _json({"permission": "read", "role_name": "read"}),
        "/orgs/prisoner-data/teams/maintainers/memberships/bob": _json({"state": "active"}),
    })
    monkeypatch.setenv("GITHUB_API_URL", server.url.rstrip("/"))
    monkeypatch.setenv("GITHUB_REPOSITORY", "owner/data")
    try:
        for listed, code in (([], 1), ([_review("mallory", "APPROVED", head)], 1),
                             ([_review("alice", "APPROVED", older)], 1),
                             ([_review("alice", "APPROVED", head), _review("alice", "CHANGES_REQUESTED", head)], 1),
                             ([_review("alice", "APPROVED", head), _review("alice", "COMMENTED", head)], 0),
                             ([_review("bob", "APPROVED", head)], 0)):
            server.routes[reviews] = _json(listed)
            done = _approval(tmp_path, expressions)
            assert done.returncode == code, (listed, done.stdout + done.stderr)
            if code:
                assert done.stdout.startswith("::error file=seeds/decisions.yaml::"), done.stdout
        assert any(r.startswith(reviews) for r in server.requests)
        server.routes[reviews] = _json({"message": "Bad credentials"}, 401)  # GitHub cannot be asked: fails closed
        done = _approval(tmp_path, expressions)
        assert done.returncode == 2 and "could not be checked" in done.stdout, done.stdout
        untouched = tmp_path / "untouched"
        asked = len(server.requests)
        done = _approval(untouched, {**expressions, **_pull_request(untouched, _touch_a_claim)})
        assert done.returncode == 0 and "no curator decision changed" in done.stdout and len(server.requests) == asked
    finally:
        server.close()
