"""`prisoner-data build`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import EXIT_INVALID
from ..pipeline import build_package
from ..project import open_project
from .common import progress, project_option, say, verdict, verbosity, verbosity_options
from .render import render_report


@click.command("build")
@project_option
@click.option("--out", type=click.Path(file_okay=False), help="Target directory (default: PROJECT/datapackage).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Summary format; json goes to stdout and nothing else does.")
@click.option("--dictionary/--no-dictionary", default=True, show_default=True,
              help="Also regenerate docs/data-dictionary.md from schemas/.")
@verbosity_options
@click.pass_context
def command(ctx, project_dir, out, fmt, dictionary):
    """Build datapackage/ from seeds/ and schemas/, validate it, and print a summary.

    The package is written to a temporary directory and moves into place only
    when every check passed; on any error the old package is left as it was.

    With -v, each step is said with the seconds since the build started.

    \b
    Example:
      prisoner-data build
      prisoner-data build --out /tmp/pkg --format json
      prisoner-data build -v
    """
    project = open_project(project_dir)
    steps = progress(timed=True) if fmt == "text" else None
    result = build_package(project, Path(out) if out else None, progress=steps, dictionary=dictionary and out is None,
                           on_wait=say)
    if steps and verbosity() >= 1:
        steps("done")
    if not result.ok:
        verdict(EXIT_INVALID)
        render_report(result.report, "json" if fmt == "json" else "text")
        click.echo(f"build failed: {len(result.report.errors)} error(s); nothing was written", err=True)
        ctx.exit(EXIT_INVALID)
    verdict(0)
    if fmt == "json":
        click.echo(json.dumps({"package": str(result.written), "rows": result.rows, "conflicts": result.conflicts,
                               "warnings": [i.to_dict() for i in result.report.warnings]}, indent=2))
        return
    render_report(result.report)
    click.echo(f"built {project.rel(result.written)}/")
    width = max(len(n) for n in result.rows)
    for name, count in result.rows.items():
        click.echo(f"  {name:<{width}}  {count:>6} rows")
    summary = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in result.conflicts.items())
    click.echo(f"conflicts: {sum(result.conflicts.values())} ({summary})")
