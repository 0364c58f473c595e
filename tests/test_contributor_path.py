"""What a contributor meets following CONTRIBUTING.md with a real article: every problem in one run, each
with a fix, nothing asked of them that is not theirs (the page's clock, the dateline), and no way into a
dead end (ids that collide with an earlier article's, a hash broken by front matter, placeholders)."""

from __future__ import annotations

import json

from toolkit.cli import main

from .projectkit import add_article

RELEASE = "release-fx-december"


def _validate(runner, project, *args):
    return runner.invoke(main, ["validate", "--project", str(project), *args])


# --- warnings beside errors -------------------------------------------------------------------------

def test_warnings_are_counted_and_shown_beside_errors(runner, project):
    add_article(project, "slip-2025-12-18", "Belarus freed 40 prisoners on December 13. 7 more were held.\n",
                published="2025-12-18", claims=[
                    {"id": "sl-001", "subject": RELEASE, "property": "released_count", "value": 40,
                     "quote": "Belarus freed 40 prisoners"},
                    {"id": "sl-002", "subject": RELEASE, "property": "releesed_count", "value": 40,
                     "quote": "freed 40 prisoners on December 13"}])
    result = _validate(runner, project)
    assert result.exit_code == 1
    assert "(1 errors, 1 warnings)" in result.stdout
    assert "warning: count '7' is not cited" in result.stdout and "[unknown-property]" in result.stdout
    report = json.loads(_validate(runner, project, "--format", "json").stdout)
    assert [i["type"] for i in report["issues"] if i["severity"] == "warning"] == ["uncited-figure"]


# --- values YAML does not read as text -------------------------------------------------------------

def test_a_quote_or_text_yaml_reads_as_a_date_or_number_gets_a_fix_line(runner, project):
    ledger = add_article(project, "stamp-2025-12-18", "Posted 2025-06-21 20:59:08 by the desk. Lena Fictiona, "
                         "a lawyer, was freed.\n", published="2025-12-18", claims=[])
    ledger.write_text("""source: stamp-2025-12-18
claims:
  - id: st-001
    subject: lena-fictiona
    property: role
    value: 12
    quote: a lawyer
  - id: st-002
    subject: lena-fictiona
    property: role
    value: lawyer
    quote: 2025-06-21 20:59:08
""")
    result = runner.invoke(main, ["validate", "--project", str(project), "--format", "json"])
    issues = {i["line"]: i for i in json.loads(result.stdout)["issues"] if i["severity"] == "error"}
    assert issues[6]["hint"] == 'YAML reads it as a number; quote it, as the text is written: value: "12"'
    assert issues[12]["type"] == "quote-not-text" and "YAML reads it as a date and time" in issues[12]["message"]
    assert issues[12]["hint"] == 'quote it, as the text is written: quote: "2025-06-21 20:59:08"'


def test_a_manifest_field_yaml_reads_as_a_number_gets_a_fix_line(runner, project):
    add_article(project, "numtitle-2025-12-18", "Nothing to count here.\n", published="2025-12-18", claims=[])
    manifest = project / "seeds/manifest.yaml"
    manifest.write_text(manifest.read_text().replace("outlet: Test Desk", "outlet: 1984"))
    report = json.loads(_validate(runner, project, "--format", "json").stdout)
    [issue] = [i for i in report["issues"] if i["field"] == "outlet"]
    assert issue["hint"] == 'YAML reads it as a number; quote it, as the text is written: outlet: "1984"'


# --- the page's clock and dateline ----------------------------------------------------------------

def test_times_of_day_and_a_dateline_with_a_time_are_not_figures():
    from toolkit.ingest.figures import find_mentions
    from toolkit.values import DateValue

    placed = ("Minsk, 20:59 GMT, June 21 (Wire) - Belarus freed 14 prisoners at 8:30 a.m., and a 10.30 GMT "
              "flight took them on. At 21:04:05 local time 3 more followed; 2 stayed.\n")
    mentions = find_mentions(placed, DateValue("2025-06-21")).citable
    assert [m.text for _, m in mentions] == ["14", "3", "2"]
    stamped = "June 22, 2025, 09:15\nBelarus freed 14 prisoners.\n"
    assert [m.text for _, m in find_mentions(stamped, DateValue("2025-06-22")).citable] == ["14"]


# --- the article's hash after its front matter changes ---------------------------------------------

FRONTED = "---\ntitle: Forty freed\n---\nBelarus freed 40 prisoners on December 13.\n"


def test_front_matter_edited_after_recording_is_refreshed_by_extract_manifest_update(runner, project):
    add_article(project, "front-2025-12-18", FRONTED, published="2025-12-18", claims=[
        {"id": "fr-001", "subject": RELEASE, "property": "released_count", "value": 40,
         "quote": "Belarus freed 40 prisoners"},
        {"id": "fr-002", "subject": RELEASE, "property": "date", "value": "2025-12-13",
         "quote": "freed 40 prisoners on December 13"}])
    article = project / "seeds/articles/front-2025-12-18.txt"
    article.write_text(FRONTED.replace("title: Forty freed\n", "title: Forty freed\nurl: https://example.org/forty\n"))
    broken = json.loads(_validate(runner, project, "--format", "json").stdout)
    [mismatch] = [i for i in broken["issues"] if i["type"] == "article-hash-mismatch"]
    command = "prisoner-data extract seeds/articles/front-2025-12-18.txt --manifest --update"
    assert command in mismatch["hint"]
    manifest_before = (project / "seeds/manifest.yaml").read_text()
    result = runner.invoke(main, ["extract", str(article), "--project", str(project), "--manifest", "--update"])
    assert result.exit_code == 0, result.output
    after = (project / "seeds/manifest.yaml").read_text()
    changed = [(a, b) for a, b in zip(manifest_before.splitlines(), after.splitlines()) if a != b]
    assert [a.split(":")[0].strip() for a, _ in changed] == ["bytes", "sha256"]
    assert _validate(runner, project).exit_code == 0


# --- claim ids that cannot collide -------------------------------------------------------------------

def test_a_second_article_of_an_outlet_drafts_ids_no_earlier_article_uses(runner, project):
    first = project / "seeds/articles/testwire-2025-12-18.txt"
    add_article(project, "testwire-2025-12-18", "Belarus freed 40 prisoners on December 13.\n",
                published="2025-12-18", claims=[
                    {"id": "te-001", "subject": RELEASE, "property": "released_count", "value": 40,
                     "quote": "Belarus freed 40 prisoners"}])
    assert first.is_file()
    second = project / "seeds/articles/testwire-2025-12-19.txt"
    second.write_text("TESTWIRE, December 19 (Test Wire) - Belarus freed 40 prisoners on December 13.\n")
    draft = runner.invoke(main, ["extract", str(second), "--project", str(project), "--year", "2025"])
    assert draft.exit_code == 0, draft.output
    ids = [line.split(": ")[1] for line in draft.stdout.splitlines() if line.startswith("  - id: ")]
    assert ids and all(i.startswith("testwire-2025-12-19-") for i in ids)
    chosen = runner.invoke(main, ["extract", str(second), "--project", str(project), "--year", "2025",
                                  "--prefix", "tw2"])
    assert "  - id: tw2-001" in chosen.stdout
    taken = runner.invoke(main, ["extract", str(second), "--project", str(project), "--year", "2025",
                                 "--prefix", "te"])
    assert taken.exit_code == 2 and "--prefix te: claims of another article already have ids te-NNN" in taken.output


def test_claim_prefixes_are_short_when_free_and_never_taken():
    from toolkit.contribute.extract.render import claim_prefix

    assert claim_prefix("kyiv-independent-2025-12", set()) == "ki"
    assert claim_prefix("kyiv-independent-2025-12", {"ki-001"}) == "kyiv-independent-2025-12"
    assert claim_prefix("kyiv-independent-2025-12", {"ki-001", "kyiv-independent-2025-12-004"}) \
        == "kyiv-independent-2025-12-a"


# --- placeholders ------------------------------------------------------------------------------------

def test_placeholders_the_draft_leaves_are_refused_with_a_fix_line(runner, project):
    add_article(project, "holder-2025-12-18", "Nothing to count here.\n", published="2025-12-18", claims=[])
    manifest = project / "seeds/manifest.yaml"
    lines = manifest.read_text().replace("outlet: Test Desk", "outlet: OUTLET").splitlines()
    start = next(n for n, line in enumerate(lines) if line.endswith("id: holder-2025-12-18"))
    title = next(n for n in range(start, len(lines)) if lines[n].strip().startswith("title:"))
    lines[title] = lines[title].split("title:")[0] + "title: TITLE"
    manifest.write_text("\n".join(lines) + "\n")
    result = _validate(runner, project, "--format", "json")
    assert result.exit_code == 1
    issues = {i["field"]: i for i in json.loads(result.stdout)["issues"] if i["severity"] == "error"}
    assert "TITLE is the draft's placeholder" in issues["title"]["message"]
    assert issues["title"]["hint"] == "replace TITLE with the article's title (from its page), or write title: null " \
                                      "if it has none"
    assert issues["outlet"]["hint"].startswith("replace OUTLET with the article's outlet")
