"""`prisoner-data report`: one self-contained page, checked in headless Chromium as a reader sees it."""

from __future__ import annotations

import csv
import html
import json
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
    """Nothing is loaded from anywhere: no scripts, styles, fonts or images from the network. Links to the
    articles (<a href>) are there for a reader to follow, and load nothing by themselves."""
    html = page.read_text()
    assert "<script" not in html
    assert not re.search(r"""src=['"]?(https?:)?//""", html)
    assert not re.search(r"""<link[^>]+href=['"]?(https?:)?//""", html)
    assert "url(" not in html and "@import" not in html
    assert all(tag.startswith("<a ") for tag in re.findall(r"<[a-z]+ [^>]*href=['\"]?https?://", html))


def test_console_check_catches_errors(tmp_path):
    """The console check below can fail: a page that logs an error is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text("<p>x</p><script>console.error('broken page')</script>")
    _, console = browser(bad.as_uri(), tmp_path, "--dump-dom")
    assert any("broken page" in line for line in console)


def test_report_renders_in_chromium_with_every_conflict(shown, built_package):
    dom, console = shown
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


@pytest.fixture(scope="module")
def shown(page, tmp_path_factory) -> tuple[str, list[str]]:
    """The report as Chromium shows it, its DOM and console: loaded once, as every test below only reads it
    (each one started Chromium on the same page with the same flags, and got the same DOM)."""
    return browser(page.as_uri(), tmp_path_factory.mktemp("chromium"), "--dump-dom")


def _dom(shown: tuple[str, list[str]]) -> str:
    dom, console = shown
    assert console == []
    return dom


def test_the_page_opens_with_the_disagreements_open_ones_first(shown, built_package):
    """The summary comes before any table and counts what conflicts.csv holds; the cards follow, the open
    ones (errors first) before those a curator resolved and those a rule explains."""
    dom = _dom(shown)
    with (built_package / "data/conflicts.csv").open(newline="") as handle:
        conflicts = list(csv.DictReader(handle))
    assert dom.index('id="summary"') < dom.index('id="conflicts"') < dom.index('id="releases"')
    for status in ("open", "resolved_by_curator", "explained"):
        shown = re.search(rf'<b data-count="{status}">(\d+)</b>', dom)
        assert shown and int(shown.group(1)) == sum(1 for c in conflicts if c["status"] == status), status
    order = re.findall(r'<article class="conflict" id="conflict-[^"]+" data-conflict="[^"]+" data-status="([^"]+)"',
                       dom)
    ranks = [("open", "resolved_by_curator", "explained").index(s) for s in order]
    assert order and order[0] == "open" and ranks == sorted(ranks)
    summary = dom[dom.index('id="summary"'):dom.index('id="conflicts"')]
    assert set(re.findall(r'href="#conflict-([^"]+)"', summary)) == {c["conflict_id"] for c in conflicts
                                                                      if c["status"] == "open"}


def test_every_cell_a_conflict_touches_links_to_it(shown, built_package):
    dom = _dom(shown)
    with (built_package / "data/conflicts.csv").open(newline="") as handle:
        conflicts = list(csv.DictReader(handle))
    cards = set(re.findall(r'<article class="conflict" id="conflict-([^"]+)"', dom))
    assert set(re.findall(r'class="disputed" href="#conflict-([^"]+)"', dom)) <= cards  # no link leads nowhere
    with (built_package / "data/releases.csv").open(newline="") as handle:
        releases = {r["release_id"] for r in csv.DictReader(handle)}
    touched = [c for c in conflicts if c["subject_id"] in releases and c["property"] in ("date", "envoy", "traded_for")
               or c["subject_id"] in releases and c["property"] == "released_count" and not c["population_id"]]
    assert touched
    for conflict in touched:
        row = re.search(rf'<tr id="release-{re.escape(conflict["subject_id"])}">(.*?)</tr>', dom, re.S).group(1)
        assert f'href="#conflict-{conflict["conflict_id"]}"' in row, conflict["conflict_id"]
    people = [c for c in conflicts if c["subject_id"].startswith(tuple(
        re.findall(r'<tr id="person-([^"]+)"', dom))) and c["property"] in ("age", "sent_to", "name")]
    for conflict in people:
        row = re.search(rf'<tr id="person-{re.escape(conflict["subject_id"])}">(.*?)</tr>', dom, re.S).group(1)
        assert f'href="#conflict-{conflict["conflict_id"]}"' in row, conflict["conflict_id"]


def test_claims_show_their_outlet_their_qualifier_and_a_link_to_the_article(shown, built_package):
    dom = _dom(shown)
    card = dom[dom.index('id="conflict-release-fx-december.released_count.value"'):]
    card = card[: card.index("</article>")]
    assert "<b>more than 35</b>" in card  # the qualifier the source gave, not a bare 35
    assert ">Fixture Daily</a>" in card and ">fixture-daily-2025-12</a>" not in card  # the outlet, not the slug
    assert 'href="https://example.org/fixture/fixture-daily-2025-12"' in card
    assert "June 2025" in dom and "2025-06-01" not in dom  # a month is shown as a month


def test_a_contents_list_comes_first_and_every_part_it_names_is_there(shown):
    dom = _dom(shown)
    contents = dom[dom.index('id="contents"'):dom.index("</nav>")]
    anchors = re.findall(r'href="#([a-z]+)"', contents)
    assert anchors == ["summary", "conflicts", "releases", "people", "sanctions", "sources"]
    assert all(dom.index('id="contents"') < dom.index(f'id="{anchor}"') for anchor in anchors)


def _evidence_of(row: str, field: str) -> str:
    found = re.search(rf'<details class="evidence" data-field="{field}">(.*?)</details>', row, re.S)
    assert found, f"no quotes to open for {field}"
    return found.group(1)


def test_every_value_disputed_or_not_opens_its_quotes_and_the_article(shown, built_package):
    """From a count in dispute and from one nobody disputes, the reader opens (a <details> Chromium renders)
    every claim behind it: who said it, the value as given, the quote, and the link to the article."""
    dom = _dom(shown)
    claims = {c["claim_id"]: c for c in csv.DictReader((built_package / "data/claims.csv").open(newline=""))}
    sources = {s["source_id"]: s for s in csv.DictReader((built_package / "data/sources.csv").open(newline=""))}
    releases = list(csv.DictReader((built_package / "data/releases.csv").open(newline="")))
    statuses = {r["released_count_status"] for r in releases}
    assert {"single_source"} & statuses and {"conflict", "resolved_by_curator"} & statuses
    for release in releases:
        row = re.search(rf'<tr id="release-{re.escape(release["release_id"])}">(.*?)</tr>', dom, re.S).group(1)
        opened = _evidence_of(row, "released_count")
        for claim_id in release["released_count_claims"].split("|"):
            claim, source = claims[claim_id], sources[claims[claim_id]["source_id"]]
            assert html.escape(claim["quote"], quote=False) in opened, claim_id
            assert f'href="{source["url"]}"' in opened and f">{source['outlet']}</a>" in opened, claim_id
        if release["released_count_status"] != "single_source":
            assert 'class="disputed" href="#conflict-' in row  # and the disagreement itself, one click away


HOSTILE = "<img src=x onerror=\"console.error('INJECTED-img')\"><script>console.error('INJECTED-script')</script>"


def _poison(package: Path) -> None:
    """Hostile text in the cells a reader sees (names, quotes, statuses, outlets), a script URL for an
    article, and a hostile column name in the expectation suite, in both the CSV and the Parquet copies."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    edits = {"people": {"name": HOSTILE}, "claims": {"quote": HOSTILE}, "conflicts": {"status": HOSTILE,
             "description": HOSTILE}, "sources": {"outlet": HOSTILE, "url": "javascript:console.error('INJECTED-url')"}}
    for name, cells in edits.items():
        path = package / "data" / f"{name}.csv"
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        for column, value in cells.items():
            rows[1][rows[0].index(column)] = value
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
        table = pq.read_table(package / "data" / f"{name}.parquet")
        for column, value in cells.items():
            values = table[column].to_pylist()
            values[0] = value
            table = table.set_column(table.schema.get_field_index(column), column, pa.array(values, pa.string()))
        pq.write_table(table, package / "data" / f"{name}.parquet")
    suite = package / "expectations.json"
    document = json.loads(suite.read_text())
    document["suites"]["people"].append({"type": "expect_column_to_exist", "kwargs": {"column": HOSTILE},
                                         "meta": {"why": HOSTILE}})
    suite.write_text(json.dumps(document))


def test_hostile_cells_and_names_inject_nothing_into_any_page(built_package, tmp_path):
    """Every page the toolkit writes (the report, the Data Docs index, suites and results) shows hostile
    text as text: in Chromium no injected script runs and no injected element exists."""
    import shutil

    from click.testing import CliRunner

    package = tmp_path / "pkg"
    shutil.copytree(built_package, package)
    _poison(package)
    runner = CliRunner()
    report = runner.invoke(main, ["report", str(package), "--out", str(tmp_path / "report.html")])
    assert report.exit_code == 0, report.output
    docs = tmp_path / "docs"
    checked = runner.invoke(main, ["validate", str(package), "--report", "html", str(docs)])
    assert checked.exit_code == 1 and "Traceback" not in checked.output  # the hostile cells are invalid data
    pages = [tmp_path / "report.html", *sorted(docs.rglob("*.html"))]
    assert (docs / "index.html") in pages and (docs / "validations" / "conflicts.html") in pages
    assert (docs / "expectations" / "people.html") in pages
    # a page that holds no hostile text in any form has nothing to run: Chromium opens each page that does
    carrying = [page for page in pages if "INJECTED" in page.read_text()]
    assert {tmp_path / "report.html", docs / "expectations" / "people.html", docs / "validations" / "conflicts.html",
            docs / "validations" / "people.html"} <= set(carrying), carrying
    for page in carrying:
        dom, console = browser(page.as_uri(), tmp_path, "--dump-dom")
        assert not [line for line in console if "INJECTED" in line], (page, console)
        assert "<script" not in dom and '<img src="x"' not in dom, page
        assert 'href="javascript:' not in dom.lower(), page
    for page, text in ((tmp_path / "report.html", "onerror"), (docs / "expectations" / "people.html", "onerror"),
                       (docs / "validations" / "conflicts.html", "INJECTED-script")):
        assert text in page.read_text(), page  # the hostile text is shown, as text


def test_a_source_without_an_outlet_is_named_by_its_headline_never_its_id():
    from toolkit.contribute.html_report import _source_link, source_name

    untitled = {"source_id": "somewire-2025-12", "outlet": None, "title": "Belarus frees prisoners", "url": None}
    assert source_name(untitled, "somewire-2025-12") == "Belarus frees prisoners"
    assert ">somewire-2025-12<" not in _source_link(untitled, "somewire-2025-12")
    assert source_name({"outlet": None, "title": None}, "somewire-2025-12") == "somewire-2025-12"  # nothing else


def test_a_disputed_count_shows_the_range_the_sources_give_with_who_gives_each_end(shown, built_package):
    """What a journalist can quote: from the lowest figure a source allows to the highest one states."""
    dom = _dom(shown)
    card = dom[dom.index('id="conflict-release-fx-december.released_count.value"'):]
    card = card[: card.index("</article>")]
    claims = [c for c in csv.DictReader((built_package / "data/claims.csv").open(newline=""))
              if c["subject_id"] == "release-fx-december" and c["property"] == "released_count"
              and not c["population_id"] and c["claim_id"] in card]
    low = min(int(c["count_low"]) for c in claims)
    high = max(int(c["count_high"] or c["count_low"]) for c in claims)
    found = re.search(r'<p class="range" data-low="(\d+)" data-high="(\d+)">Sources give from (.*?)</p>', card)
    assert found and (int(found.group(1)), int(found.group(2))) == (low, high), card[:2000]
    assert "<b>more than 35</b> (Fixture Daily)" in found.group(3) and f"<b>{high}</b>" in found.group(3)
    conflicts = list(csv.DictReader((built_package / "data/conflicts.csv").open(newline="")))
    for conflict in conflicts:  # a sum that does not close or a subgroup a rule explains is not one figure in dispute
        card = dom[dom.index(f'id="conflict-{conflict["conflict_id"]}"'):]
        card = card[: card.index("</article>")]
        if conflict["kind"] != "value" or conflict["status"] == "explained":
            assert 'class="range"' not in card, conflict["conflict_id"]


def test_a_name_card_shows_each_spelling_as_the_article_wrote_it(shown, built_package):
    """A name in dispute is about how the articles spell it: each side is a spelling, from the claim's value
    or from whom the claim attributes its words to, never another entity the claim is about."""
    dom = _dom(shown)
    conflicts = [c for c in csv.DictReader((built_package / "data/conflicts.csv").open(newline=""))
                 if c["kind"] == "name"]
    assert conflicts
    for conflict in conflicts:
        card = dom[dom.index(f'id="conflict-{conflict["conflict_id"]}"'):]
        card = card[: card.index("</article>")]
        sides = set(re.findall(r'<div class="side"><p><b>(.*?)</b>', card))
        assert sides and sides <= set(conflict["values"].split("|")), (sides, conflict["values"])


def test_sentences_for_people_name_sources_by_outlet_not_by_id(shown, built_package):
    dom = _dom(shown)
    sources = list(csv.DictReader((built_package / "data/sources.csv").open(newline="")))
    conflicts = list(csv.DictReader((built_package / "data/conflicts.csv").open(newline="")))
    written = " ".join(c["description"] + " " + (c["rationale"] or "") for c in conflicts)
    used = [s for s in sources if s["source_id"] in written]
    assert used  # the fixture's descriptions and rationales name sources by id
    cards = dom[dom.index('id="summary"'):dom.index('id="releases"')]
    prose = " ".join(re.findall(r"<p>(.*?)</p>", cards, re.S))
    for source in used:
        assert not re.search(rf"(?<![\w#-]){re.escape(source['source_id'])}(?![\w-])", prose), source["source_id"]
        assert source["outlet"] in html.unescape(prose)


CLICKER = """<script>
(function () {
  const followed = [];
  document.addEventListener("click", (event) => {  // where a click on a link would take the reader
    const link = event.target.closest("a");
    if (link && !link.getAttribute("href").startsWith("#")) { followed.push(link.href); event.preventDefault(); }
  });
  const seen = (element) => element.checkVisibility() && element.getClientRects().length > 0;
  const rows = [];
  for (const row of document.querySelectorAll('tr[id^="release-"]')) {
    const details = row.querySelector('details.evidence[data-field="released_count"]');
    if (!details) continue;
    const quotes = [...details.querySelectorAll("blockquote")];
    const before = {open: details.open, shown: quotes.some(seen)};
    details.querySelector("summary").click();
    const links = [...details.querySelectorAll(".claim a")];
    followed.length = 0;
    links.forEach((link) => link.click());
    const disputed = row.querySelector("a.disputed");
    let landed = null;
    if (disputed) {
      disputed.click();
      landed = {hash: location.hash, exists: !!document.getElementById(location.hash.slice(1))};
    }
    rows.push({id: row.id, before: before, open: details.open, shown: quotes.map(seen),
               quotes: quotes.map((q) => q.textContent), followed: [...followed], landed: landed});
  }
  const out = document.createElement("pre");
  out.id = "clicks";
  out.textContent = JSON.stringify(rows);
  document.body.appendChild(out);
})();
</script>"""


def test_a_reader_clicks_from_a_count_disputed_or_not_to_its_quotes_and_the_article(page, built_package, tmp_path):
    """In Chromium, a reader clicks a release's count: its quotes, hidden before, are shown; clicking each
    claim's link goes to the article's URL; from a count in dispute, a click reaches its disagreement."""
    clicking = tmp_path / "clicking.html"
    clicking.write_text(page.read_text(encoding="utf-8").replace("</body>", CLICKER + "</body>"), encoding="utf-8")
    dom, console = browser(clicking.as_uri(), tmp_path, "--dump-dom")
    assert console == []
    rows = {r["id"]: r for r in json.loads(html.unescape(re.search(r'<pre id="clicks">(.*?)</pre>', dom, re.S).group(1)))}
    claims = {c["claim_id"]: c for c in csv.DictReader((built_package / "data/claims.csv").open(newline=""))}
    sources = {s["source_id"]: s for s in csv.DictReader((built_package / "data/sources.csv").open(newline=""))}
    releases = list(csv.DictReader((built_package / "data/releases.csv").open(newline="")))
    kinds = set()
    for release in releases:
        clicked = rows[f"release-{release['release_id']}"]
        assert clicked["before"] == {"open": False, "shown": False}  # nothing shown before the click
        assert clicked["open"] and all(clicked["shown"])  # every quote shown after it
        behind = [claims[c] for c in release["released_count_claims"].split("|")]
        assert sorted(q.strip("“”\"") for q in clicked["quotes"]) == sorted(c["quote"] for c in behind)
        assert set(clicked["followed"]) == {sources[c["source_id"]]["url"] for c in behind}  # each article's URL
        disputed = release["released_count_status"] != "single_source"
        kinds.add(disputed)
        if disputed:
            assert clicked["landed"]["hash"].startswith("#conflict-") and clicked["landed"]["exists"]
    assert kinds == {True, False}  # a count in dispute and one nobody disputes were both clicked
