"""`prisoner-data report`."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("report")
@click.argument("package", default="datapackage", type=click.Path(exists=True, file_okay=False))
@click.option("--out", default="report.html", show_default=True, type=click.Path(dir_okay=False),
              help="HTML file to write.")
def command(package, out):
    """Write one self-contained HTML page about a built package.

    Releases with their destinations, the people freed, a sanctions timeline,
    and every conflict with the competing quotes side by side, linked to their
    sources. No network is needed to open it.

    \b
    Example:
      prisoner-data report datapackage --out report.html
    """
    from ..contribute.html_report import write_report

    path = write_report(Path(package), Path(out))
    click.echo(f"wrote {path}")
