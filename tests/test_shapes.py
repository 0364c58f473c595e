"""The shapes real contributions made, on the suite's own project: what tests/test_live.py asserts of the
live dataset (tests/invariants.py) must hold for each, and each reconciles as a careful reader would.

Two articles about one release: one sends its 14 freed to a city, the other the same 14 to the city's
country; each names a different envoy (one negotiated, one announced), one of them through a spelling
the registry lists as a misspelling; one counts the citizens of one country among the freed and the
other those of another, which together exceed the 14; one person's two sentences, a year apart."""

from __future__ import annotations

import pytest

from . import invariants
from .projectkit import add_article, add_to_registry

FIRST = """Belarus freed 14 prisoners on August 20, 2025, in a deal Mark Dummy negotiated.
All 14 were taken to Vilnius. Among them were 5 Polish nationals.
Lena Fictiona was sentenced in March 2021.
"""
SECOND = """Fourteen prisoners walked free on August 20, 2025, Dumy's deputy Tomas Invent announced.
The 14 were driven to Lithuania. Ten Ukrainian nationals were among those freed.
Fictiona was sentenced again in March 2022.
"""


def _claim(cid, subject, prop, value, quote, **extra):
    return {"id": cid, "subject": subject, "property": prop, "value": value, **extra, "quote": quote}


@pytest.fixture(scope="module")
def grown(tmp_path_factory):
    """The suite's own project with the two articles, and the package it builds."""
    from toolkit.pipeline import build_package
    from toolkit.project import open_project

    root = assemble_shapes(tmp_path_factory.mktemp("shapes") / "project")
    result = build_package(open_project(root), root / "datapackage", dictionary=False)
    assert result.ok, [f"{i.file}:{i.line}: {i.message}" for i in result.report.errors]
    return root, root / "datapackage"


def assemble_shapes(root):
    """The suite's own project at `root`, with the two articles of the shapes added."""
    from .conftest import assemble_project

    assemble_project(root)
    release = "release-fx-august"
    add_to_registry(root, {"releases": [{"id": release, "name": "Fixture release of August 2025", "aliases": []}]})
    add_article(root, "shape-first-2025-08-21", FIRST, published="2025-08-21", claims=[
        _claim("sa-001", release, "released_count", 14, "Belarus freed 14 prisoners"),
        _claim("sa-002", release, "date", "2025-08-20", "Belarus freed 14 prisoners on August 20, 2025"),
        _claim("sa-003", release, "envoy", "Mark Dummy", "in a deal Mark Dummy negotiated"),
        _claim("sa-004", release, "destination_count", 14, "All 14 were taken to Vilnius", scope="vilnius"),
        _claim("sa-005", release, "released_count", 5, "Among them were 5 Polish nationals",
               population="polish-nationals"),
        _claim("sa-006", "lena-fictiona", "sentenced_on", "2021-03", "Lena Fictiona was sentenced in March 2021"),
    ])
    add_article(root, "shape-second-2025-08-22", SECOND, published="2025-08-22", claims=[
        _claim("sb-001", release, "released_count", 14, "Fourteen prisoners walked free"),
        _claim("sb-002", release, "date", "2025-08-20", "walked free on August 20, 2025"),
        _claim("sb-003", release, "envoy", "Tomas Invent", "Dumy's deputy Tomas Invent announced"),
        _claim("sb-004", release, "destination_count", 14, "The 14 were driven to Lithuania", scope="lithuania"),
        _claim("sb-005", release, "released_count", 10, "Ten Ukrainian nationals were among those freed",
               population="ukrainian-nationals"),
        _claim("sb-006", "lena-fictiona", "sentenced_on", "2022-03", "Fictiona was sentenced again in March 2022"),
        _claim("sb-007", release, "released_count", 14, "Fourteen prisoners walked free on August 20, 2025, Dumy's",
               attributed_to="Dumy"),
    ])
    return root


@pytest.mark.parametrize("check", invariants.ALL, ids=lambda check: check.__name__)
def test_every_live_invariant_holds_for_every_shape(grown, check):
    invariants.run(check, *grown)


def _conflicts(package, subject):
    return {(c["property"], c["kind"]): c for c in invariants.rows(package, "conflicts") if c["subject_id"] == subject}


def test_a_figure_sent_to_a_city_and_the_same_to_its_country_is_explained_with_one_value(grown):
    _, package = grown
    row = _conflicts(package, "release-fx-august")[("destination_count", "place_hierarchy")]
    assert (row["status"], row["values"], row["scope_id"]) == ("explained", "14", "lithuania")


def test_two_envoys_are_both_kept_and_not_open(grown):
    _, package = grown
    rows = _conflicts(package, "release-fx-august")
    assert ("envoy", "value") not in rows
    kept = rows[("envoy", "several_values")]
    assert (kept["status"], kept["values"]) == ("explained", "mark-dummy|tomas-invent")
    sentences = _conflicts(package, "lena-fictiona")[("sentenced_on", "several_values")]
    assert sentences["values"] == "2021-03|2022-03"


def test_citizens_of_two_countries_from_two_sources_exceeding_the_total_are_flagged(grown):
    _, package = grown
    row = _conflicts(package, "release-fx-august")[("released_count", "partition_sum")]
    assert row["status"] == "open" and row["source_ids"] == "shape-first-2025-08-21|shape-second-2025-08-22"
