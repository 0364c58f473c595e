"""Each rule on fixture projects of articles written for the tests: one where it fires, one where it
must not. A fixture is seeds/ (the shared registry, its own articles, claims and manifest) beside
the repository's schemas/; `expect.yaml` says which conflict kind to look for and what it must say."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from .conftest import FIXTURES, ROOT

RULES = FIXTURES / "rules"
CASES = sorted(p.relative_to(RULES).as_posix() for p in RULES.glob("*/*") if (p / "expect.yaml").is_file())


def assemble(case: Path, root: Path) -> Path:
    """A project: the repository's schemas, the fixture's seeds."""
    shutil.copytree(ROOT / "schemas", root / "schemas")
    seeds = root / "seeds"
    seeds.mkdir()
    shutil.copyfile(case / "registry.yaml" if (case / "registry.yaml").is_file() else RULES / "registry.yaml",
                    seeds / "registry.yaml")
    for name in ("articles", "claims"):
        shutil.copytree(case / name, seeds / name)
    manifest = yaml.safe_load((case / "manifest.yaml").read_text(encoding="utf-8"))
    for entry in manifest["sources"]:  # where a new source was published: required of every contribution
        entry.setdefault("url", f"https://example.org/fixtures/{entry['id']}")
    (seeds / "manifest.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True),
                                         encoding="utf-8")
    return root


def compile_case(case: Path, tmp_path: Path):
    from toolkit.pipeline import compile_dataset
    from toolkit.project import open_project
    from toolkit.report import Report

    report = Report()
    compiled = compile_dataset(open_project(assemble(case, tmp_path)), report)
    assert compiled is not None and report.valid, [f"{i.file}:{i.line} {i.message}" for i in report.errors]
    return compiled


def test_every_rule_has_a_fixture_where_it_fires_and_one_where_it_passes():
    from toolkit.reconcile.rules import RULES as REGISTERED

    covered: dict[str, set[bool]] = {}
    for case in CASES:
        expect = yaml.safe_load((RULES / case / "expect.yaml").read_text())
        covered.setdefault(expect["rule"], set()).add(expect["fires"])
    for slug in REGISTERED:
        assert covered.get(slug) == {True, False}, f"rule {slug} needs a firing and a passing fixture"


@pytest.mark.parametrize("case", CASES)
def test_rule_fixture(case, tmp_path):
    expect = yaml.safe_load((RULES / case / "expect.yaml").read_text())
    compiled = compile_case(RULES / case, tmp_path)
    conflicts = [c for c in compiled.tables["conflicts"] if c["kind"] == expect["kind"] and c["status"] == "open"
                 and (expect.get("property") is None or c["property"] == expect["property"])]
    if not expect["fires"]:
        assert conflicts == [], [c["description"] for c in conflicts]
    else:
        assert conflicts, f"no open {expect['kind']} conflict"
        [conflict] = conflicts
        assert conflict["severity"] == expect["severity"]
        for words in expect.get("mentions", []):
            assert words in conflict["description"], (words, conflict["description"])
        assert conflict["claim_ids"] and conflict["origins"], conflict
    for person, columns in (expect.get("people") or {}).items():
        row = next(r for r in compiled.tables["people"] if r["person_id"] == person)
        assert {k: str(row[k]) for k in columns} == columns
