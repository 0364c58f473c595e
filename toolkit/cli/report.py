"""`prisoner-data report`."""

from __future__ import annotations

from pathlib import Path

import click

from .common import project_option, say, verbosity_options


@click.command("report")
@click.argument("package", required=False, type=click.Path(exists=True, file_okay=False, path_type=Path))
@project_option
@click.option("--out", default="report.html", show_default=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
@verbosity_options
def command(package, project_dir, out):
    """Write one self-contained HTML page about a built package.

    PACKAGE is a built package directory (default: the project's datapackage/).
    Releases with their destinations, the people freed, a sanctions timeline,
    and every conflict with the competing quotes side by side, linked to their
    sources. No network is needed to open it.

    \b
    Example:
      prisoner-data report --out report.html
      prisoner-data report releases/2.0.0 --out report-2.0.0.html
    """
    from ..contribute.html_report import write_report
    from ..errors import ProjectError

    target = package if package is not None else project_dir / "datapackage"
    if not (target / "datapackage.json").is_file():
        raise ProjectError(f"{target} is not a built package (no datapackage.json)", path=target,
                           hint="run `prisoner-data build` first, or name a package directory")
    path = write_report(target, Path(out))
    say(f"wrote {path}")
