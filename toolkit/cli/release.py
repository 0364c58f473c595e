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
@project_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@verbosity_options
def command(version, bump, date_, project_dir, fmt):
    """Publish the package built from seeds/ as an immutable release under releases/.

    Writes releases/VERSION/ (datapackage.json with that version, CSV, Parquet,
    SHA256SUMS, CHANGELOG.md), updates releases/index.json and prepends the
    entry to releases/CHANGELOG.md. A version that exists is refused and
    nothing is changed.

    \b
    Example:
      prisoner-data release 1.0.0
      prisoner-data release --bump auto
    """
    from ..pipeline import publish_release

    if not version and not bump:
        raise click.UsageError("give a VERSION or --bump")
    project = open_project(project_dir)
    result = publish_release(project, version, bump, date_.date() if date_ else None, progress=progress(),
                             on_wait=say)
    verdict(0)  # published: a reader that stops reading changes nothing
    if fmt == "json":
        click.echo(json.dumps({"version": result.version, "path": str(result.path), "bump": result.bump,
                               "reasons": result.reasons, "rows": result.rows}, indent=2))
        return
    click.echo(f"released {result.version} ({result.bump}) to {project.rel(result.path)}/")
    for reason in result.reasons if verbosity() >= 1 else result.reasons[:20]:
        say(f"  - {reason}")
