"""The line between the suite's own project and the live dataset holds: a test without the `live`
mark that reads seeds/, datapackage/ or the data dictionary fails (conftest's LiveDataGuard), so a
contribution can change only what the `live` tests see, and `.ci/growth-check` runs only those."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

from .conftest import ROOT

PROBES = textwrap.dedent('''
    import os
    from pathlib import Path

    import pytest

    ROOT = Path({root!r})
    OWN = Path({own!r})


    def test_reads_the_live_manifest():
        (ROOT / "seeds" / "manifest.yaml").read_text()


    def test_lists_the_live_package():
        list((ROOT / "datapackage").iterdir())


    def test_reads_the_live_package_by_a_relative_path():
        os.chdir(ROOT)
        try:
            open("datapackage/datapackage.json").close()
        finally:
            os.chdir(OWN)


    def test_reads_the_data_dictionary():
        (ROOT / "docs" / "data-dictionary.md").read_bytes()


    def test_swallows_what_it_read():
        try:
            (ROOT / "seeds" / "registry.yaml").read_text()
            raise ValueError("caught below, as code under test might")
        except ValueError:
            pass


    @pytest.mark.live
    def test_marked_live_reads_the_live_manifest():
        (ROOT / "seeds" / "manifest.yaml").read_text()


    def test_reads_only_its_own_project():
        (OWN / "seeds" / "manifest.yaml").read_text()


    def test_reads_the_schemas():
        (ROOT / "schemas" / "claims.schema.json").read_text()
''')


def _run_probes(rootdir, target, *extra: str) -> subprocess.CompletedProcess:
    """pytest on probe tests outside the suite, with the suite's conftest as a plugin; -rA lists outcomes."""
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "tests.conftest", "-p", "no:cacheprovider",
                           "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(rootdir), "-q", "-rA",
                           "-p", "no:xdist", *extra, str(target)], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_a_test_that_reads_the_live_dataset_without_the_live_mark_fails(tmp_path):
    own = tmp_path / "own"
    (own / "seeds").mkdir(parents=True)
    (own / "seeds" / "manifest.yaml").write_text("sources: []\n")
    probes = tmp_path / "test_probes.py"
    probes.write_text(PROBES.format(root=str(ROOT), own=str(own)))
    done = _run_probes(tmp_path, probes)
    outcomes = {name: outcome for outcome, name in
                re.findall(r"^(PASSED|FAILED|ERROR) \S*::(test_\w+)", done.stdout, re.M)}
    failed = {name for name, outcome in outcomes.items() if outcome in ("FAILED", "ERROR")}
    assert failed == {"test_reads_the_live_manifest", "test_lists_the_live_package",
                      "test_reads_the_live_package_by_a_relative_path", "test_reads_the_data_dictionary",
                      "test_swallows_what_it_read"}, done.stdout[-3000:]
    assert {name for name, outcome in outcomes.items() if outcome == "PASSED"} >= {
        "test_marked_live_reads_the_live_manifest", "test_reads_only_its_own_project", "test_reads_the_schemas"}
    for name, path in (("test_reads_the_live_manifest", "seeds/manifest.yaml"),
                       ("test_lists_the_live_package", "datapackage"),
                       ("test_reads_the_live_package_by_a_relative_path", "datapackage/datapackage.json"),
                       ("test_reads_the_data_dictionary", "docs/data-dictionary.md"),
                       ("test_swallows_what_it_read", "seeds/registry.yaml")):
        assert f"::{name} read the live dataset ({path}) without @pytest.mark.live" in done.stdout, name


def test_a_module_that_reads_the_live_dataset_when_imported_must_be_marked_live(tmp_path):
    """Reads at import time (a constant, parametrised ids) happen before any test: the module's
    collection fails unless the whole module is marked live."""
    reading = "from pathlib import Path\nIDS = Path({root!r}, 'seeds', 'registry.yaml').read_text()\n"
    (tmp_path / "test_unmarked.py").write_text(reading.format(root=str(ROOT)) + "def test_x():\n    assert IDS\n")
    (tmp_path / "test_marked.py").write_text("import pytest\npytestmark = pytest.mark.live\n"
                                              + reading.format(root=str(ROOT)) + "def test_y():\n    assert IDS\n")
    done = _run_probes(tmp_path, tmp_path, "--continue-on-collection-errors")
    assert "test_unmarked.py reads the live dataset (seeds/registry.yaml) when it is imported" in done.stdout, \
        done.stdout[-3000:]
    assert re.search(r"^PASSED \S*test_marked.py::test_y", done.stdout, re.M), done.stdout[-3000:]
    assert not re.search(r"^PASSED \S*test_unmarked.py", done.stdout, re.M)
