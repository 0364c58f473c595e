"""`prisoner-data validate`."""

from __future__ import annotations

import click

from ..errors import EXIT_INVALID
from .render import render_report


@click.command("validate")
@click.argument("path", default=".", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text for people; json (clean JSON on stdout); github (workflow annotations).")
@click.option("--report", "report_opt", nargs=2, type=(click.Choice(["html"]), click.Path(file_okay=False)),
              help="Also run the great-expectations suite and write its Data Docs: --report html DIR.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=1 << 30, show_default=True,
              help="Refuse any data file larger than this without reading it.")
@click.pass_context
def command(ctx, path, fmt, report_opt, max_bytes):
    """Validate a contribution, a package directory or a datapackage.json; report every problem.

    PATH is the project root (seeds/ and schemas/: a contribution), a built
    package directory, or a datapackage.json. Each problem names the file, line,
    column, value, rule and a fix. Exit 0 valid, 1 invalid, 2 usage error.

    \b
    Example:
      prisoner-data validate
      prisoner-data validate datapackage --format json
      prisoner-data validate --format github
      prisoner-data validate datapackage --report html docs-site
    """
    from pathlib import Path

    from ..validate import validate_path

    from ..errors import ProjectError

    html = Path(report_opt[1]) if report_opt else None
    try:
        report = validate_path(path, max_bytes=max_bytes, html=html)
    except ProjectError as exc:
        raise click.BadParameter(exc.message, param_hint="PATH") from exc
    if fmt == "text":
        render_report(report, "text", err=False)
        verdict = "valid" if report.valid else "invalid"
        click.echo(f"{path}: {verdict} ({len(report.errors)} errors, {len(report.warnings)} warnings)")
        if html:
            click.echo(f"Data Docs written to {html}/index.html", err=True)
    else:
        render_report(report, fmt)
    if not report.valid:
        ctx.exit(EXIT_INVALID)
