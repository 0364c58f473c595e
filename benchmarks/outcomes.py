"""A pytest plugin that writes every test's outcome to a JSON file: `pytest -p benchmarks.outcomes`.

    PRISONER_DATA_OUTCOMES=out.json python -m pytest -p benchmarks.outcomes ...

The file maps each node id to "passed", "failed" or "skipped" (a test passed only when its setup,
call and teardown all did). Under pytest-xdist the controller, which hears every worker's reports,
writes it. benchmarks/growth_check.py uses it to learn which tests never see the live dataset.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

_OUTCOMES: dict[str, str] = {}
_RANK = {"passed": 0, "skipped": 1, "failed": 2}


def pytest_runtest_logreport(report) -> None:
    outcome = "skipped" if report.skipped else ("failed" if report.failed else "passed")
    if _RANK[outcome] >= _RANK.get(_OUTCOMES.get(report.nodeid, "passed"), 0):
        _OUTCOMES[report.nodeid] = outcome


def pytest_collectreport(report) -> None:
    if report.failed:  # a module that cannot be collected: its tests are unknown, the module is named
        _OUTCOMES[report.nodeid] = "failed"


def pytest_sessionfinish(session) -> None:
    target = os.environ.get("PRISONER_DATA_OUTCOMES")
    if target and not hasattr(session.config, "workerinput"):
        Path(target).write_text(json.dumps(dict(sorted(_OUTCOMES.items())), indent=1) + "\n", encoding="utf-8")
