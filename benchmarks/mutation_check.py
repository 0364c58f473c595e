"""Do the tests catch the bugs they were written for? Break the toolkit one way at a time and see.

Each mutation below is a bug one of the rewritten tests (issue 20: from today's data to invariants
and the suite's own project) exists to catch; it is applied to a scratch worktree of the last
commit, the tests named with it are run there, and at least one of them must fail. Prints one line
per mutation with the tests that failed; exit 1 if a mutation survives (its tests stayed green) or
its text is no longer in the code (update the mutation with the code it breaks).

    .venv/bin/python benchmarks/mutation_check.py [NUMBER ...]
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (what breaks, file, text, broken text, tests that must go red)
MUTATIONS = [
    ("quote check off", "toolkit/ingest/claims.py", 'if offset < 0 or "\\n" in quote:', 'if "\\n" in quote:',
     ["tests/test_build.py::test_quote_not_in_article_is_refused"]),
    ("disagreeing counts and dates make no conflict", "toolkit/reconcile/compare.py",
     '    return _value_conflict(fact, "date" if isinstance(claims[0].value, DateValue) else "value", registry)',
     '    return None',
     ["tests/test_live.py", "tests/test_conflicts.py::test_the_fixture_articles_disagreements_are_recorded",
      "tests/test_report.py::test_report_renders_in_chromium_with_every_conflict"]),
    ("a decision absorbs claims it never listed", "toolkit/reconcile/curation.py",
     "new = sorted(set(target.claim_ids) - set(entry.claims)) if entry.claims is not None else []", "new = []",
     ["tests/test_conflicts.py"]),
    ("a value keeps only its first claim", "toolkit/publish/tables.py",
     'cols[f"{column}_claims"] = fact.claim_ids if fact else None', 'cols[f"{column}_claims"] = fact.claim_ids[:1] if fact else None',
     ["tests/test_provenance.py::test_every_resolved_value_leads_to_claims_with_quotes_in_their_article",
      "tests/test_live.py::test_every_resolved_value_leads_to_claims_quoted_from_their_article"]),
    ("aliases are not indexed", "toolkit/ingest/entities.py",
     "for spelling in (entity.name, *entity.aliases, *entity.misspellings):", "for spelling in (entity.name, *entity.misspellings):",
     ["tests/test_entities.py::test_romanizations_and_short_forms_resolve_to_one_person"]),
    ("diff sees no changed rows", "toolkit/publish/diff.py",
     "changes = {c: [before.get(c), after.get(c)] for c in after if before.get(c) != after.get(c)}", "changes = {}",
     ["tests/test_release_download.py::test_diff_of_two_releases_lists_exactly_the_changed_rows"]),
    ("a destination count needs no scope", "toolkit/ingest/claims.py",
     "if entry.scope is None and prop.scope_required:", "if False:",
     ["tests/test_strict_inputs.py::test_a_destination_count_without_its_scope_is_a_located_error"]),
    ("an unknown entity id passes", "toolkit/ingest/claims.py",
     '        kind = {"group": "group"}.get(expected)\n', '        return\n        kind = {"group": "group"}.get(expected)\n',
     ["tests/test_validate.py::test_dangling_reference"]),
    ("dates in Parquet are timestamps", "toolkit/publish/formats.py", '"date": pa.date32()', '"date": pa.timestamp("s")',
     ["tests/test_package_read.py::test_dates_are_dates_and_counts_are_integers"]),
    ("no conflict evidence view in SQLite", "toolkit/publish/sqlite.py", '    if "conflicts" in schemas:', "    if False:",
     ["tests/test_publish_formats.py::test_datasette_serves_a_table_and_a_view_from_the_database"]),
    ("-q does not quiet", "toolkit/cli/common.py", "    if verbosity() >= 0:\n        click.echo(message, err=True)",
     "    if True:\n        click.echo(message, err=True)",
     ["tests/test_cli.py::test_quiet_says_only_the_result_and_verbose_says_more"]),
    ("an expectation failure loses its count", "toolkit/validate/expectations.py",
     "{_text(c['value'])} (x{c['count']})", "{_text(c['value'])}",
     ["tests/test_expectations.py::test_broken_tables_are_reported_with_resource_field_and_rule"]),
    ("killed runs' staging is never cleared", "toolkit/storage.py", "    for path in found:\n        remove_tree(path)\n",
     "    for path in found:\n        pass\n",
     ["tests/test_crash_safety.py::test_fifteen_random_kills_of_build_then_one_clean_build_leave_git_status_clean"]),
    ("extract drafts no released count", "toolkit/contribute/extract/context.py",
     'if prop not in self.properties or value is None:',
     'if prop not in self.properties or value is None or prop == "released_count":',
     ["tests/test_extract.py::test_drafts_reach_the_target_on_the_fixture_articles"]),
    ("--manifest adds nothing", "toolkit/cli/extract.py", "if add_entry and result.manifest_entry:", "if False:",
     ["tests/test_contributing.py::test_the_steps_in_contributing_end_with_a_green_validate"]),
    ("a stale decision is not reported", "toolkit/ingest/decisions.py", "    for item in unmatched:\n",
     "    for item in []:\n",
     ["tests/test_conflicts.py::test_a_stale_decision_is_reported_with_its_line_and_waits_in_the_curators_queue"]),
    ("the PR workflow checks out one commit", ".github/workflows/validate-contribution.yml", "fetch-depth: 0", "fetch-depth: 1",
     ["tests/test_ci_files.py::test_pull_request_workflow_validates_seeds_and_schemas_with_annotations"]),
]


def run(work: Path, mutation) -> tuple[bool, list[str], str]:
    """(caught, failed tests, pytest's last line) for one mutation in the worktree `work`."""
    _, path, old, new, targets = mutation
    target = work / path
    text = target.read_text(encoding="utf-8")
    if old not in text:
        return False, [], f"not applied: the text is no longer in {path}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *targets],
                              cwd=work, env={**os.environ, "PYTHONPATH": str(work)}, capture_output=True, text=True)
    finally:
        target.write_text(text, encoding="utf-8")
    failed = sorted(set(re.findall(r"^(?:FAILED|ERROR) (\S+)", done.stdout, re.M)))
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-300:]
    return done.returncode != 0 and bool(failed), failed, last


def main(argv: list[str]) -> int:
    chosen = {int(a) for a in argv}
    survived = []
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch) / "worktree"
        subprocess.run(["git", "worktree", "add", "--quiet", "--detach", str(work), "HEAD"], cwd=ROOT, check=True)
        try:
            (work / ".venv").symlink_to(ROOT / ".venv")
            for number, mutation in enumerate(MUTATIONS, 1):
                if chosen and number not in chosen:
                    continue
                caught, failed, last = run(work, mutation)
                print(f"{number:2d}. {mutation[0]}: {'caught' if caught else 'SURVIVED'} ({last})", flush=True)
                for test in failed:
                    print(f"      failed: {test}", flush=True)
                if not caught:
                    survived.append(number)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(work)], cwd=ROOT, check=False)
            shutil.rmtree(work, ignore_errors=True)
    print(f"\n{len(MUTATIONS if not chosen else chosen) - len(survived)} caught"
          + (f"; survived: {', '.join(map(str, survived))}" if survived else ""))
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
