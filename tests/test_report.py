"""`prisoner-data report`: one self-contained page, checked in headless Chromium as a reader sees it."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from toolkit.cli import main

pytestmark = pytest.mark.slow  # headless Chromium: left out of `make test-fast`

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]


@pytest.fixture(scope="module")
def page(built_package, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["report", str(built_package), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def browser(url: str, tmp_path: Path, *extra: str) -> tuple[str, list[str]]:
    """Load a page in headless Chromium: the DOM it shows, and every console message it logged."""
    if CHROMIUM is None:
        if os.environ.get("PRISONER_DATA_REQUIRE_BROWSER"):
            pytest.fail("chromium is required here (PRISONER_DATA_REQUIRE_BROWSER is set) but not installed")
        pytest.skip("Debian's chromium package is not installed (apt-get install chromium)")
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *extra, url],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console


def test_the_page_needs_no_network(page):
    html = page.read_text()
    assert "<script" not in html
    assert not re.search(r"""(src|href)=['"]?(https?:)?//""", html)
    assert "url(" not in html and "@import" not in html


def test_console_check_catches_errors(tmp_path):
    """The console check below can fail: a page that logs an error is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text("<p>x</p><script>console.error('broken page')</script>")
    _, console = browser(bad.as_uri(), tmp_path, "--dump-dom")
    assert any("broken page" in line for line in console)


def test_report_renders_in_chromium_with_every_conflict(page, built_package, tmp_path):
    dom, console = browser(page.as_uri(), tmp_path, "--dump-dom")
    assert console == []
    with (built_package / "data/conflicts.csv").open(newline="") as handle:
        conflicts = list(csv.DictReader(handle))
    assert conflicts
    for conflict in conflicts:
        assert f'data-conflict="{conflict["conflict_id"]}"' in dom, conflict["conflict_id"]
    shown = re.findall(r'<article class="conflict" id="conflict-([^"]+)"', dom)
    assert len(shown) == len(conflicts)
    for heading in ("Releases", "People freed", "Sanctions timeline", "Conflicts between sources", "Sources"):
        assert f">{heading}" in dom
    # the competing quotes sit side by side, each linking to its source
    envoy = dom[dom.index('id="conflict-release-fx-december.released_count.value"'):]
    envoy = envoy[: envoy.index("</article>")]
    assert "Dumy wrote on social media that 46 prisoners had been freed" in envoy
    assert re.search(r'href="#source-fixture-daily-2025-12"', envoy)
    assert 'id="source-fixture-daily-2025-12"' in dom


def test_screenshot_is_kept_as_an_artifact(page, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    browser(page.as_uri(), tmp_path, "--window-size=1200,2400", f"--screenshot={shot}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 20_000
