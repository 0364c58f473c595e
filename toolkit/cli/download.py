"""`prisoner-data download`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import progress, verbosity_options


@click.command("download")
@click.argument("source", required=False)
@click.option("--version", "version", help="Version to fetch when SOURCE is an index.json or the releases folder.")
@click.option("--to", "to", type=click.Path(file_okay=False), help="Target directory (default: ./NAME-VERSION).")
@click.option("--trusted", is_flag=True,
              help="Allow redirects and index entries to other hosts, and resources there (reported, not fetched).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=900, show_default=True,
              help="Seconds the whole download may take.")
@click.option("--zip", "archive", is_flag=True, help="With an index, fetch the release's zip (one file) instead.")
@click.option("--no-cache", is_flag=True, help="Neither read nor fill the cache.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@verbosity_options
def command(source, version, to, trusted, timeout, archive, no_cache, fmt):
    """Download a published release, verify every file and validate it before moving it into place.

    SOURCE is an http(s) URL or a local path of a release folder, a release zip
    or an index.json; without it, the published index (PRISONER_DATA_INDEX
    overrides it) and its latest version. Files are checked against SHA256SUMS and the descriptor's bytes
    and hashes; a failed or interrupted download leaves nothing behind. Only the
    files the descriptor names are fetched, each up to its declared size; the
    target is --to or NAME-VERSION, never a path the release chooses. Verified
    versions are cached (PRISONER_DATA_CACHE overrides ~/.cache/prisoner-data).

    \b
    Example:
      prisoner-data download
      prisoner-data download https://example.org/releases/index.json --version 1.0.0 --to data
      prisoner-data download releases/1.0.0 --to /tmp/pkg
      prisoner-data download release.zip --to /tmp/pkg
    """
    from ..pipeline import download_release

    bar = _Progress() if fmt == "text" and progress() is not None else None
    try:
        result = download_release(source, version=version, to=Path(to) if to else None, trusted=trusted,
                                  progress=bar, use_cache=not no_cache, timeout=timeout, archive=archive)
    finally:
        if bar:
            bar.close()
    if fmt == "json":
        click.echo(json.dumps({"path": str(result.path), "version": result.version, "from_cache": result.from_cache,
                               "files": result.files}))
        return
    origin = "from the cache" if result.from_cache else "downloaded and verified"
    click.echo(f"{result.version}: {result.files} files {origin} -> {result.path}")


class _Progress:
    """A click progress bar per file, drawn on stderr only when it is a terminal."""

    def __init__(self):
        self.bar, self.name = None, None

    def __call__(self, name: str, nbytes: int, total: int):
        if name != self.name:
            self.close()
            self.name = name
            self.bar = click.progressbar(length=total or None, label=name, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(nbytes)

    def close(self):
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None
