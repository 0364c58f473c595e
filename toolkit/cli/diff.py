"""`prisoner-data diff`."""

from __future__ import annotations

import json

import click

from .common import verbosity_options, verdict


@click.command("diff")
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@verbosity_options
def command(old, new, fmt):
    """Compare two versions of the package: schema changes, and rows added, removed or changed.

    Rows are matched by each resource's primary key; a changed row lists each
    column's old and new value. The summary line says which version bump the
    change calls for under the Data Package Version recipe.

    \b
    Example:
      prisoner-data diff releases/1.0.0 datapackage
      prisoner-data diff releases/1.0.0 releases/1.1.0 --format json
    """
    from ..publish.diff import diff_packages, render_text

    result = diff_packages(old, new)
    verdict(0)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(result))
