"""The growth generator (tests/growth.py) writes contributions that are valid and, between them, make
every kind of conflict the schema allows: what `.ci/growth-check` then holds `make test` to.

Run on the suite's own project, so that what is asserted does not depend on today's seeds."""

from __future__ import annotations

import csv
import json

import pytest
import yaml

from . import growth, invariants
from .conftest import ROOT


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_generated_contribution_builds_validates_and_makes_every_kind_of_conflict(project, seed):
    from toolkit.pipeline import build_package, validate_path
    from toolkit.project import open_project
    from toolkit.validate.expectations import check_expectations

    root = project  # with the package its seeds build (the run's `built_package`): what the generator reads
    written = growth.write_contribution(root, seed)
    assert set(SHAPES) <= set().union(*(article.cases for article in written))
    result = build_package(open_project(root), root / "datapackage")
    assert result.ok, [f"{i.file}:{i.line}: {i.message}" for i in result.report.errors]
    report = validate_path(root)  # `prisoner-data validate`: the seeds, and the package they build
    assert report.valid, [f"{i.file}:{i.line}: {i.message}" for i in report.errors]
    package = root / "datapackage"
    failed = [i.message for i in check_expectations(package, package / "expectations.json") if i.severity == "error"]
    assert failed == []  # the suite the package ships (a heuristic may warn)
    with (root / "datapackage" / "data" / "conflicts.csv").open(encoding="utf-8", newline="") as handle:
        made = {row["kind"] for row in csv.DictReader(handle)}
    kinds = next(f for f in json.loads((ROOT / "schemas" / "conflicts.schema.json").read_text())["fields"]
                 if f["name"] == "kind")["constraints"]["enum"]
    assert made == set(kinds)
    for check in invariants.ALL:  # what test_live asserts of seeds/ holds for what a contribution makes
        invariants.run(check, root, package)


SHAPES = ("city-of-country", "several-envoys", "parts-across", "listed-misspelling")
"""The shapes the first real contributions made, which the generator once never wrote."""


@pytest.mark.parametrize("entry", [
    "  - id: jan-probny\n    name: Jan Probny\n    aliases:\n    - Probny\n",  # as yaml.safe_dump writes it
    "  - id: jan-probny\n    name: Jan Probny\n    aliases:\n      - Probny\n",
    "  - {id: jan-probny, name: Jan Probny, aliases: [Probny]}\n",
])
def test_a_new_misspelling_goes_under_its_person_in_any_style(tmp_path, entry):
    registry = tmp_path / "registry.yaml"
    registry.write_text("people:\n" + entry + "  - id: other-person\n    name: Other Person\n    aliases: []\n")
    growth._add_misspelling(registry, "jan-probny", "Jan Probnyy")
    people = {p["id"]: p for p in yaml.safe_load(registry.read_text())["people"]}
    assert people["jan-probny"]["aliases"] == ["Probny"]
    assert people["jan-probny"]["misspellings"] == ["Jan Probnyy"]
    assert "misspellings" not in people["other-person"]
