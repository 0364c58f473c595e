"""The contributor workflow and the pre-commit hook run the validate command the way CI expects."""

from __future__ import annotations

import yaml

from .conftest import ROOT


def test_pull_request_workflow_validates_seeds_and_schemas_with_annotations():
    workflow = yaml.safe_load((ROOT / ".github/workflows/validate-contribution.yml").read_text())
    trigger = workflow[True] if True in workflow else workflow["on"]  # YAML 1.1 reads `on` as true
    assert set(trigger["pull_request"]["paths"]) == {"seeds/**", "schemas/**"}
    for job in ("validate", "curator-review"):
        steps = workflow["jobs"][job]["steps"]
        commands = " ".join(step.get("run", "") for step in steps)
        # the pull request's data, judged by the base branch's toolkit, installed from its own checkout
        assert "pip install -c toolkit-base/constraints.txt ./toolkit-base" in commands, job
        assert "-e " not in commands and "pull_request_target" not in str(workflow), job
        checkouts = {s["with"]["path"]: s["with"] for s in steps if s.get("uses", "").startswith("actions/checkout")}
        assert checkouts["toolkit-base"]["ref"] == "${{ github.event.pull_request.base.sha }}", job
    commands = " ".join(step.get("run", "") for step in workflow["jobs"]["validate"]["steps"])
    assert 'prisoner-data validate --project contribution --format github --changed-since "$BASE_SHA"' in commands
    checkout = next(s for s in workflow["jobs"]["validate"]["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the base commit --changed-since compares with


def test_the_curators_queue_is_a_job_of_its_own_and_not_part_of_the_tests():
    """A contributor's `make test` and .ci/run never wait on a maintainer's decision; a separate job does."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/validate-contribution.yml").read_text())
    commands = " ".join(step.get("run", "") for step in workflow["jobs"]["curator-review"]["steps"])
    assert "prisoner-data conflicts --project contribution --needs-review" in commands
    assert "--needs-review" not in (ROOT / ".ci/run").read_text() + (ROOT / "Makefile").read_text()


def test_pre_commit_hooks_run_validate_on_seed_and_schema_changes():
    for name in (".pre-commit-hooks.yaml", ".pre-commit-config.yaml"):
        text = yaml.safe_load((ROOT / name).read_text())
        hooks = text if isinstance(text, list) else text["repos"][0]["hooks"]
        assert hooks[0]["files"] == "^(seeds|schemas)/"
        assert "prisoner-data validate --project ." in hooks[0]["entry"]


def test_workflows_use_current_action_versions_with_pip_caching():
    for path in sorted((ROOT / ".github/workflows").glob("*.yml")):
        workflow = yaml.safe_load(path.read_text())
        for job in workflow["jobs"].values():
            uses = [step["uses"] for step in job["steps"] if "uses" in step]
            assert "actions/checkout@v6" in uses, path.name
            python = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/setup-python"))
            assert python["uses"] == "actions/setup-python@v6" and python["with"]["cache"] == "pip", path.name


def test_the_release_workflow_publishes_tags_and_attaches_the_zip():
    workflow = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text())
    commands = " ".join(step.get("run", "") for step in workflow["jobs"]["release"]["steps"])
    for part in ("prisoner-data release --bump", "CITATION.cff", ".zenodo.json", "git tag", "gh release create",
                 ".zip"):
        assert part in commands, part
