"""`prisoner-data conflicts`."""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap

import click

from ..errors import EXIT_INVALID
from ..pipeline import curator_queue, list_conflicts
from ..publish.conflicts import COLUMNS, open_at_or_above
from ..texts import markdown_cell, one_line
from .common import project_option, say, verdict, verbosity_options


@click.command("conflicts")
@click.argument("package", required=False, type=click.Path(exists=True))
@project_option
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "markdown"]), default="table",
              show_default=True, help="Output format; json and csv are clean on stdout.")
@click.option("--status", type=click.Choice(["all", "open", "explained", "resolved_by_curator"]), default="all",
              show_default=True, help="Show only conflicts with this status.")
@click.option("--fail-on", type=click.Choice(["error", "warning"]),
              help="Exit 1 while open conflicts of this severity (or worse) remain.")
@click.option("--needs-review", is_flag=True,
              help="Show only what awaits a curator: open conflicts of any severity no curator has reviewed "
                   "(or that gained claims since the decision), stale decisions and spellings the registry "
                   "does not list; exit 1 while there are any: the maintainer's queue.")
@verbosity_options
@click.pass_context
def command(ctx, package, project_dir, fmt, status, fail_on, needs_review):
    """List the disagreements between sources, and the differences rules explain.

    Without PACKAGE, the project's seeds (--project, default the current
    directory) are reconciled in memory; PACKAGE is a built package directory
    or datapackage.json. Conflicts are data: the exit code is 0 unless
    --fail-on is given and open conflicts of that severity remain, or
    --needs-review is given and anything awaits a curator.

    \b
    Example:
      prisoner-data conflicts
      prisoner-data conflicts datapackage --format markdown --status open
      prisoner-data conflicts --fail-on error
      prisoner-data conflicts --needs-review
    """
    source = package if package is not None else project_dir
    if needs_review:
        _queue(ctx, source, status, fmt)
        return
    rows = list_conflicts(source)
    shown = rows if status == "all" else [r for r in rows if r["status"] == status]
    failing = open_at_or_above(rows, fail_on) if fail_on else []
    code = verdict(EXIT_INVALID if failing else 0)
    {"table": _table, "json": _json, "csv": _csv, "markdown": _markdown}[fmt](shown)
    if failing:
        say(f"{len(failing)} open conflict(s) of severity {fail_on} or worse")
    ctx.exit(code)


FOR_THE_CURATOR = {"stale-decision": "remove or revise it",
                   "probable-variant": "a curator decides: list it in seeds/registry.yaml under that entity's "
                                       "aliases or misspellings, or register another entity"}


def _queue(ctx, source, status: str, fmt: str) -> None:
    """The maintainer's queue: open conflicts to review, then decisions that match nothing any more and
    spellings the registry does not list."""
    rows, waiting = curator_queue(source)
    shown = rows if status == "all" else [r for r in rows if r["status"] == status]
    verdict(EXIT_INVALID if shown or waiting else 0)
    if shown or fmt != "table":
        {"table": _table, "json": _json, "csv": _csv, "markdown": _markdown}[fmt](shown)
    for issue in waiting:
        say(one_line(f"{issue.file}:{issue.line}: {issue.message}; {FOR_THE_CURATOR[issue.type]}"))
    if shown:
        say(f"{len(shown)} open conflict(s) await a curator's decision in seeds/decisions.yaml "
            "(with a value, or reviewed and left open)")
    if shown or waiting:
        ctx.exit(EXIT_INVALID)
    if fmt == "table":
        click.echo("nothing awaits a curator: every open conflict has been reviewed, every decision matches "
                   "a conflict, and the registry lists every spelling")


def _text(value) -> str:
    if isinstance(value, list):
        return " | ".join(value)
    return "" if value is None else str(value)


def _table(rows):
    if not rows:
        click.echo("no conflicts")
        return
    width = shutil.get_terminal_size((100, 20)).columns
    for row in rows:
        click.echo(one_line(f"{row['conflict_id']}  [{row['status']}, {row['severity']}, {row['kind']}]"))
        click.echo(one_line(f"  values:  {_text(row['values'])}"))
        click.echo(one_line(f"  sources: {_text(row['source_ids'])}   claims: {_text(row['claim_ids'])}"))
        for line in textwrap.wrap(one_line(row["description"]), width=max(40, width - 4)):
            click.echo(f"  {line}")
        if row.get("resolution"):
            click.echo(one_line(f"  resolved: {row['resolution']} — {row.get('rationale') or ''}"))
        click.echo("")
    counts = {}
    for row in rows:
        counts[row["status"]] = counts.get(row["status"], 0) + 1
    click.echo(f"{len(rows)} conflict(s): " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))


def _json(rows):
    click.echo(json.dumps([{c: row.get(c) for c in COLUMNS} for row in rows], indent=2, ensure_ascii=False))


def _csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_text(row.get(c)) for c in COLUMNS])
    click.echo(buffer.getvalue(), nl=False)


def _markdown(rows):
    click.echo("| conflict | status | severity | kind | values | sources | description |")
    click.echo("|---|---|---|---|---|---|---|")
    for row in rows:
        cells = [row["conflict_id"], row["status"], row["severity"], row["kind"], _text(row["values"]),
                 _text(row["source_ids"]), row["description"]]
        click.echo("| " + " | ".join(markdown_cell(c) for c in cells) + " |")
