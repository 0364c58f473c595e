"""Structural fuzzing (hypothesis, fixed seed, bounded): every mutation of the seeds, schemas or a
built package ends in success or a clean error that names its file (and line, for inputs), never
a traceback. benchmarks/fuzz_inputs.py runs the same mutations for longer."""

from __future__ import annotations

import pytest

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzzkit import JSON_FILES, PACKAGE_FILES, YAML_FILES, copy_project, mutate_file, mutate_package_file
from .fuzzkit import SHAPES, mutate_hostile, run_hostile, run_pipeline, run_validate, unescaped

pytestmark = pytest.mark.slow  # hypothesis runs: left out of `make test-fast`

FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(rng=st.randoms(use_true_random=False), files=st.lists(st.sampled_from(YAML_FILES + JSON_FILES), min_size=1,
                                                            max_size=3))
def test_mutated_inputs_build_or_fail_cleanly_with_a_location(rng, files):
    with tempfile.TemporaryDirectory() as scratch:
        root = copy_project(Path(scratch))
        changes = [mutate_file(root, name, rng) for name in files]
        outcome = run_pipeline(root)
    assert outcome.kind in ("ok", "error"), f"{outcome.kind}: {outcome.detail} after {changes}"


@settings(FUZZ, max_examples=15)
@given(rng=st.randoms(use_true_random=False), files=st.lists(st.sampled_from(PACKAGE_FILES), min_size=1, max_size=2))
def test_mutated_packages_validate_or_fail_cleanly(built_package, rng, files):
    with tempfile.TemporaryDirectory() as scratch:
        package = Path(scratch) / "pkg"
        shutil.copytree(built_package, package)
        changes = [mutate_package_file(package, name, rng) for name in files]
        outcome = run_validate(package)
    assert outcome.kind in ("ok", "error"), f"{outcome.kind}: {outcome.detail} after {changes}"


@settings(FUZZ, max_examples=10)
@given(rng=st.randoms(use_true_random=False), changes=st.integers(min_value=1, max_value=2))
def test_what_a_hostile_pull_request_brings_is_refused_with_a_location_and_never_printed_as_a_command(rng, changes):
    """The shapes of issue 36 (benchmarks/fuzz_inputs.py --target hostile runs thousands)."""
    with tempfile.TemporaryDirectory() as scratch:
        root = copy_project(Path(scratch) / "project")
        done = [mutate_hostile(root, rng) for _ in range(changes)]
        outcome = run_hostile(root)
    assert outcome.kind in ("ok", "error"), f"{outcome.kind}: {outcome.detail} after {done}"


def test_every_hostile_shape_is_made_and_an_unescaped_line_would_be_seen(monkeypatch):
    """Each shape is reached, and the rendering check tells a forged workflow command from ours: with
    the escaping of line breaks undone, a hint holding one is caught."""
    import random

    import toolkit.cli.render
    from toolkit.report import Report

    rng, made = random.Random(0), set()
    with tempfile.TemporaryDirectory() as scratch:
        for attempt in range(20):
            root = copy_project(Path(scratch) / str(attempt) / "project")
            made.add(mutate_hostile(root, rng).split("]")[0][1:])
    assert made == set(SHAPES)
    report = Report()
    report.add("unknown-field", "unknown field", file="seeds/a.yaml", line=3, hint="x\n::add-mask::y")
    assert unescaped(report) == ""
    monkeypatch.setattr(toolkit.cli.render, "one_line", lambda text: text)
    assert unescaped(report).startswith("workflow command '::add-mask::y")


def test_the_unmutated_project_passes_the_same_check():
    """The check above can tell success from failure: the real project is ok."""
    with tempfile.TemporaryDirectory() as scratch:
        assert run_pipeline(copy_project(Path(scratch)), package=True).kind == "ok"


def test_the_check_reports_a_crash_as_a_crash(monkeypatch):
    """...and a crash as a crash, so a passing fuzz run means something."""
    import toolkit.ingest.entities

    def broken(*args, **kwargs):
        raise KeyError("boom")

    monkeypatch.setattr(toolkit.ingest.entities, "_check_references", broken)
    with tempfile.TemporaryDirectory() as scratch:
        outcome = run_pipeline(copy_project(Path(scratch)))
    assert outcome.kind == "crash" and "KeyError" in outcome.detail
