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
