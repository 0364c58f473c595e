"""`prisoner-data validate`."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EXIT_INVALID, require_extra
from .common import project_option, say, verbosity_options, verdict
from .render import render_report


@click.command("validate")
@click.argument("package", required=False, type=click.Path(exists=True, path_type=Path))
@project_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True,
              help="text for people; json (clean JSON on stdout); github (workflow annotations).")
@click.option("--report", "report_opt", nargs=2, type=(click.Choice(["html"]), click.Path(file_okay=False)),
              help="Also run the great-expectations suite and write its Data Docs: --report html DIR.")
@click.option("--engine", type=click.Choice(["pyarrow", "duckdb", "spark"]), default="pyarrow", show_default=True,
              help="pyarrow streams each table in batches; duckdb works out of core; spark runs on a Spark "
                   "session (SPARK_REMOTE or a local one; needs prisoner-data[spark]).")
@click.option("--changed-since", "base", metavar="REF",
              help="Put the problems in the files changed since REF (a branch, tag or commit: the pull "
                   "request's base) first, apart from the rest of the project's; a problem elsewhere that a change "
                   "caused (a registry spelling or entry removed or renamed, a claim id a decision lists) is "
                   "annotated on that change too.")
@click.option("--max-bytes", type=click.IntRange(min=1),
              help="Refuse any data file larger than this without reading it (default: no limit; tables are "
                   "streamed).")
@verbosity_options
@click.pass_context
def command(ctx, package, project_dir, fmt, report_opt, engine, max_bytes, base):
    """Validate a contribution (the project's seeds/) or a package; report every problem.

    Without PACKAGE, the project (--project, default the current directory) is
    checked as a contribution. PACKAGE is a built package directory, a
    datapackage.json or a release zip. Each problem names the file, line,
    column, value, rule and a fix. Exit 0 valid, 1 invalid, 2 usage error (or
    not a project or package).

    \b
    Example:
      prisoner-data validate
      prisoner-data validate --project ../checkout --format github
      prisoner-data validate --format github --changed-since origin/main
      prisoner-data validate datapackage --format json
      prisoner-data validate datapackage --report html docs-site
      prisoner-data validate big-package --engine duckdb
    """
    from ..validate.spec import warm

    warm()  # the spec checker's child starts importing frictionless while this one imports the pipeline
    from ..pipeline import validate_changes, validate_path

    target = package if package is not None else project_dir
    if package is not None and (package / "seeds").is_dir():
        say(f"note: {package} is a project; name a project with --project, a PACKAGE is a built package")
    html = Path(report_opt[1]) if report_opt else None
    if html:
        require_extra("`validate --report html`", "build", "great_expectations", "pandas")
    if engine != "pyarrow":
        require_extra(f"`validate --engine {engine}`", engine, "ibis", *(["pyspark"] if engine == "spark" else []))
    contributed = None
    if base is not None:
        report, contributed = validate_changes(target, base, max_bytes=max_bytes, html=html, engine=engine)
    else:
        report = validate_path(target, max_bytes=max_bytes, html=html, engine=engine)
    code = verdict(0 if report.valid else EXIT_INVALID)
    if fmt == "text":
        render_report(report, "text", err=False, contributed=contributed)
        word = "valid" if report.valid else "invalid"
        counts = f"{len(report.errors)} errors, {len(report.warnings)} warnings"
        if contributed is not None and report.errors:
            mine = sum(1 for i in report.errors if i.file in contributed)
            counts = f"{len(report.errors)} errors: {mine} in the files this contribution changes, " \
                     f"{len(report.errors) - mine} elsewhere; {len(report.warnings)} warnings"
        click.echo(f"{target}: {word} ({counts})")
        if html:
            say(f"Data Docs written to {html}/index.html")
    else:
        render_report(report, fmt, contributed=contributed)
    ctx.exit(code)
