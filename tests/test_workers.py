"""Claims checked by several processes: the same ledger, issues and package as one process gives."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

import toolkit.ingest.claims as claims
from tests.conftest import ROOT, tree_digest
from tests.workerkit import TRACE_ENV, noted_item, square_and_pid, traced_check_file
from toolkit.cli import main
from toolkit.errors import UsageError
from toolkit.ingest.entities import load_registry
from toolkit.ingest.sources import load_sources
from toolkit.project import open_project
from toolkit.report import Report
from toolkit.workers import MAX_PROCESSES, WORKERS_ENV, ordered_map, processes_for

pytestmark = pytest.mark.slow  # helper processes: left out of `make test-fast`


def test_ordered_map_answers_in_order_with_helpers_while_a_thread_runs():
    release = threading.Event()
    thread = threading.Thread(target=release.wait)  # helpers are fresh interpreters: threads do not matter
    thread.start()
    try:
        results = list(ordered_map(square_and_pid, range(60), 3, shared=(os.getpid(), -1)))
    finally:
        release.set()
        thread.join()
    assert [square for square, _ in results] == [i * i for i in range(60)]
    assert {pid for _, pid in results} - {os.getpid()}, "no helper did any of the work"


def test_a_script_without_a_main_guard_runs_once(tmp_path):
    """Spawned helpers would run the caller's main script again; the helpers are told of an empty one."""
    script = tmp_path / "unguarded.py"
    script.write_text("import os\n"
                      "from tests.workerkit import square_and_pid\n"
                      "from toolkit.workers import ordered_map\n"
                      "print('top level ran', flush=True)\n"
                      "results = list(ordered_map(square_and_pid, range(30), 3, shared=(os.getpid(), -1)))\n"
                      "print('helpers', len({pid for _, pid in results} - {os.getpid()}))\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("top level ran") == 1 and "Traceback" not in done.stderr
    assert int(done.stdout.split("helpers")[1]) > 0


def test_what_a_dead_helper_left_is_done_in_this_process():
    results = list(ordered_map(square_and_pid, range(60), 3, shared=(os.getpid(), 2)))
    assert [square for square, _ in results] == [i * i for i in range(60)]
    assert results[2][1] == os.getpid()  # the helper that had it died; this process did it again


def test_a_map_stopped_early_drops_the_work_not_begun(tmp_path):
    trace = tmp_path / "trace"
    with pytest.raises(KeyboardInterrupt):  # in this process, at the first item it takes (the last one)
        list(ordered_map(noted_item, range(400), 3, shared=(str(trace), os.getpid(), 399)))
    done = trace.read_text().split()
    assert "399" in done and len(done) < 400  # what the helpers had not begun was dropped, not waited for


def test_without_helpers_on_the_system_the_map_runs_here(monkeypatch):
    import concurrent.futures

    def unavailable(*args, **kwargs):
        raise OSError("this platform lacks a functioning sem_open implementation")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", unavailable)
    results = list(ordered_map(square_and_pid, range(20), 3, shared=(os.getpid(), -1)))
    assert results == [(i * i, os.getpid()) for i in range(20)]


def test_the_number_of_processes(monkeypatch):
    monkeypatch.delenv(WORKERS_ENV, raising=False)
    assert processes_for(10, 1000) == 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert processes_for(5000, 1000) == min(cores, MAX_PROCESSES)  # one per usable core
    monkeypatch.setenv(WORKERS_ENV, "3")
    assert processes_for(10, 1000) == 3  # set, it applies whatever the size
    for wrong in ("0", "two", "-1", "1.5"):
        monkeypatch.setenv(WORKERS_ENV, wrong)
        with pytest.raises(UsageError, match=WORKERS_ENV):
            processes_for(10, 1000)


def test_a_wrong_worker_count_is_a_usage_error_of_the_command(runner, project, monkeypatch):
    monkeypatch.setenv(WORKERS_ENV, "many")
    result = runner.invoke(main, ["build", "--project", str(project), "--out", str(project / "out")])
    assert result.exit_code == 2
    assert WORKERS_ENV in result.stderr and "Traceback" not in result.output
    assert not (project / "out").exists()


def _reused_ids(project: Path) -> list[tuple[str, str]]:
    """Make claims reuse ids, in their own file and across files, so that what a reused claim quotes
    must not count. In the first claims file, one claim whose quote alone covers a figure of the
    article takes the id of an earlier claim. A second file for the same article has that claim again
    under another id the first file uses, a claim with a used id and a future date (only the reuse may
    be reported), and the other claims under new ids. Returns (reused id, file) of each reuse."""
    first = sorted((project / "seeds" / "claims").glob("*.yaml"))[0]
    doc = yaml.safe_load(first.read_text(encoding="utf-8"))
    claims_of = doc["claims"]
    for alone in range(len(claims_of) - 1, 2, -1):
        _write(first, dict(doc, claims=claims_of[:alone] + claims_of[alone + 1:]))
        if _uncited(project)[doc["source"]]:
            break
    else:
        pytest.fail("every figure of the first article is quoted twice: no claim whose quote alone covers one")
    kept = claims_of[:alone] + claims_of[alone + 1:]
    ids = [c["id"] for c in kept]
    _write(first, dict(doc, claims=[*kept, dict(claims_of[alone], id=ids[0])]))
    second = project / "seeds" / "claims" / "zz-extra.yaml"
    _write(second, {"source": doc["source"], "skipped": doc.get("skipped") or [], "claims": [
        dict(kept[1], id=ids[0], as_of="2999-01-01"), dict(claims_of[alone], id=ids[2]),
        *(dict(c, id=f"extra-{number:03d}") for number, c in enumerate(kept))]})
    name = "seeds/claims/"
    return [(ids[0], name + first.name), (ids[0], name + second.name), (ids[2], name + second.name)]


def _write(path: Path, doc: dict) -> None:
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")


def _uncited(project: Path) -> dict:
    loaded, report = open_project(project), Report()
    return claims.load_claims(loaded, load_sources(loaded, report), load_registry(loaded, report),
                              claims.load_vocabulary(loaded, report), report).uncited


def _ledger(project: Path, workers: str, trace: Path, monkeypatch) -> tuple[dict, set[int]]:
    monkeypatch.setenv(WORKERS_ENV, workers)
    monkeypatch.setenv(TRACE_ENV, str(trace))
    monkeypatch.setattr(claims, "_check_file", traced_check_file)
    loaded = open_project(project)
    report = Report()
    sources, registry = load_sources(loaded, report), load_registry(loaded, report)
    ledger = claims.load_claims(loaded, sources, registry, claims.load_vocabulary(loaded, report), report)
    found = {"claims": ledger.claims, "skipped": ledger.skipped, "uncited": ledger.uncited, "issues": report.issues}
    return found, set(map(int, trace.read_text().split()))


def test_claims_checked_by_helpers_match_one_process(project, tmp_path, monkeypatch):
    reuses = _reused_ids(project)
    one, checked_in_one = _ledger(project, "1", tmp_path / "trace-1", monkeypatch)
    many, checked_in_many = _ledger(project, "3", tmp_path / "trace-3", monkeypatch)
    assert checked_in_one == {os.getpid()}
    assert checked_in_many - {os.getpid()}, "no helper checked any file: the comparison proves nothing"
    assert one == many
    assert [(i.value, i.file) for i in one["issues"] if i.type == "duplicate-id"] == reuses
    assert [i for i in one["issues"] if i.type == "future-date"] == []  # of a reused claim, only the reuse is said
    assert any(one["uncited"].values())  # what only a reused claim quotes is cited by nothing


def test_a_build_by_several_processes_is_byte_identical(project):
    digests = []
    for workers in ("1", "4"):
        out = project / f"out-{workers}"
        done = subprocess.run([sys.executable, "-m", "toolkit", "build", "--project", str(project), "--out",
                               str(out), "-q"], capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, WORKERS_ENV: workers}, timeout=300)
        assert done.returncode == 0, done.stderr
        digests.append(tree_digest(out))
    assert digests[0] == digests[1]

