"""`prisoner-data release`."""

from __future__ import annotations

import json

import click

from ..project import open_project
from .common import progress, project_option, say, verdict, verbosity, verbosity_options


@click.command("release")
@click.argument("version", required=False)
@click.option("--bump", type=click.Choice(["auto", "major", "minor", "patch"]),
              help="Choose the version from the latest release; auto follows the Data Package Version recipe.")
@click.option("--date", "date_", type=click.DateTime(["%Y-%m-%d"]), help="Release date (default: today, UTC).")
@click.option("--dry-run", is_flag=True,
              help="Build, check and diff the release, say what it would write, and write nothing.")
@click.option("--force", is_flag=True,
              help="Release even with seeds/ or schemas/ not committed, or open errors awaiting a curator.")
@project_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@verbosity_options
def command(version, bump, date_, dry_run, force, project_dir, fmt):
    """Publish the package built from seeds/ as an immutable release under releases/.

    Writes releases/VERSION/ (datapackage.json with that version, CSV, Parquet,
    SHA256SUMS, CHANGELOG.md) and its zip, updates releases/index.json, prepends
    the entry to releases/CHANGELOG.md, then rebuilds datapackage/ and prints
    the next steps (commit, tag, push). A version that exists is refused and
    nothing is changed; so are seeds/ or schemas/ that git has not committed,
    and open errors awaiting a curator, unless --force. --dry-run does every
    check and writes nothing.

    \b
    Example:
      prisoner-data release --bump auto --dry-run
      prisoner-data release 1.0.0
      prisoner-data release --bump auto
    """
    from ..pipeline import publish_release

    if not version and not bump:
        raise click.UsageError("give a VERSION or --bump")
    project = open_project(project_dir)
    result = publish_release(project, version, bump, date_.date() if date_ else None, progress=progress(),
                             on_wait=say, dry_run=dry_run, force=force)
    verdict(0)  # published: a reader that stops reading changes nothing
    for warning in result.warnings:
        say(f"warning: {warning}")
    if fmt == "json":
        click.echo(json.dumps({"version": result.version, "path": str(result.path), "bump": result.bump,
                               "reasons": result.reasons, "rows": result.rows, "dry_run": result.dry_run,
                               "files": result.files, "warnings": result.warnings, "rebuilt": result.rebuilt,
                               "next_steps": [] if dry_run else result.next_steps()}, indent=2))
        return
    if dry_run:
        click.echo(f"would release {result.version} ({result.bump}) to {project.rel(result.path)}/; "
                   "dry run: nothing was written")
    else:
        click.echo(f"released {result.version} ({result.bump}) to {project.rel(result.path)}/")
    for reason in result.reasons if verbosity() >= 1 else result.reasons[:20]:
        say(f"  - {reason}")
    if dry_run:
        click.echo("it would write:")
        for path in result.files:
            click.echo(f"  {path}")
        return
    if result.rebuilt:
        click.echo(f"rebuilt {project.rel(project.package_dir)}/ (now {result.rebuilt})")
    click.echo(f"next, in {project.root}:")
    for step in result.next_steps():
        click.echo(f"  {step}")
