"""`prisoner-data diff`."""

from __future__ import annotations

import json

import click

from .common import verbosity_options, verdict

SUMMARY_LINES = 200
SUMMARY_CELL = 300


def summary_markdown(summary: list[str]) -> str:
    """The summary as a job summary takes it: each line HTML-escaped, on one line, cut at SUMMARY_CELL
    characters, at most SUMMARY_LINES of them (data text never becomes markup there)."""
    from html import escape

    lines = ["## What this changes in the data", ""]
    shown = [" ".join(line.split()) for line in summary[:SUMMARY_LINES]]
    lines += [f"- {escape(line if len(line) <= SUMMARY_CELL else line[:SUMMARY_CELL - 1] + '…')}" for line in shown]
    if len(summary) > SUMMARY_LINES:
        lines.append(f"- +{len(summary) - SUMMARY_LINES} more: run `prisoner-data diff` for all of them")
    if not summary:
        lines.append("- no value a reader sees changes")
    return "\n".join(lines)


@click.command("diff")
@click.argument("old", type=click.Path(exists=True))
@click.argument("new", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True,
              help="markdown: only what changed for a reader, escaped, for a pull request's job summary.")
@verbosity_options
def command(old, new, fmt):
    """Compare two versions of the package: schema changes, and rows added, removed or changed.

    It opens with what changed for a reader, in words (new release events,
    people added, values changed with old and new, disagreements opened and
    closed), then the details: rows matched by each resource's primary key,
    each changed column's old and new value, and the version bump the change
    calls for under the Data Package Version recipe.

    \b
    Example:
      prisoner-data diff releases/1.0.0 datapackage
      prisoner-data diff releases/1.0.0 releases/1.1.0 --format json
      prisoner-data diff base-package pr-package --format markdown >> "$GITHUB_STEP_SUMMARY"
    """
    from ..publish.diff import diff_packages, render_text, summarize

    result = diff_packages(old, new)
    verdict(0)
    if fmt == "json":
        click.echo(json.dumps({"summary": summarize(result), **result.to_dict()}, indent=2, ensure_ascii=False))
        return
    summary = summarize(result)
    if fmt == "markdown":
        click.echo(summary_markdown(summary))
        return
    click.echo(f"What changed for a reader ({result.old_version} -> {result.new_version}):")
    click.echo("\n".join(f"- {line}" for line in summary) if summary else "- no value a reader sees changed")
    click.echo("\nDetails:")
    click.echo(render_text(result))
