"""`prisoner-data extract`."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ToolkitError
from ..project import open_project
from .common import project_option, say, verbosity_options


@click.command("extract")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@project_option
@click.option("--source-id", help="Source id for the draft (default: the article's file name).")
@click.option("--year", type=click.IntRange(1900, 2100),
              help="Year for dates written without one, for an article the manifest and its dateline do not date.")
@click.option("--release", metavar="ID",
              help="The release the article reports (an id or name of seeds/registry.yaml's releases), for an article "
                   "that does not date it: what the text dates to another release stays with that one.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the draft here instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite --out if it exists.")
@click.option("--manifest", "add_entry", is_flag=True,
              help="Also add the article's entry to seeds/manifest.yaml (if it is not there yet), ready to check.")
@click.option("--update", is_flag=True,
              help="With --manifest: draft nothing, but record the article's size and sha256 anew in its entry "
                   "(after editing its front matter).")
@click.option("--prefix", metavar="PREFIX",
              help="Claim ids PREFIX-001, ... (default: made from the source id); refused if another claims file "
                   "uses it.")
@verbosity_options
def command(article, project_dir, source_id, year, release, out, force, add_entry, update, prefix):
    """Draft a claims file for a new article, for a person to review.

    Each drafted claim names its subject (the release, person or sanction it is
    about; a new one is proposed with its registry entry), property, value with
    its qualifier, scope or population, and the shortest verbatim quote that
    carries it. The article need not be in the manifest yet: its year comes from
    the manifest, its dateline or --year, and the draft then carries the manifest
    entry to add. The draft has `draft: true`, which the build refuses until a
    person has checked every claim. --out never overwrites a file unless --force.
    Claim ids never collide with an earlier article's. After editing an
    article's front matter, --manifest --update records its new size and sha256.

    \b
    Example:
      prisoner-data extract new-article.txt --year 2025
      prisoner-data extract new-article.txt --year 2025 --release RELEASE-ID
      prisoner-data extract seeds/articles/rferl-2025-12.txt --out /tmp/rferl-draft.yaml
      prisoner-data extract seeds/articles/new.txt --out seeds/claims/new.yaml --manifest
      prisoner-data extract seeds/articles/new.txt --prefix nw2
      prisoner-data extract seeds/articles/new.txt --manifest --update
    """
    from ..contribute.extract import draft_claims

    if update:
        _update(project_dir, article, source_id, add_entry)
        return
    if out is not None and out.exists() and not force:
        raise ToolkitError("the file exists; not overwritten", path=out, hint="choose another --out, or add --force")
    project = open_project(project_dir)
    result = draft_claims(project, article, source_id, year, prefix, release)
    if out is None:
        click.echo(result.text, nl=False)
    else:
        _write(out, result.text)
    if add_entry and result.manifest_entry:
        manifest = project.manifest
        _write(manifest, manifest.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(result.manifest_entry)
               + "\n")
        say(f"added the entry of {result.source_id} to {project.rel(manifest)}: check its outlet, title, date and url")
    drafted = result.drafted
    proposed = sum(len(v) for v in drafted.proposals.values())
    say(f"drafted {len(drafted.drafts)} claims for {result.source_id}" + (f" -> {out}" if out else "") +
        (f"; {proposed} registry entries proposed" if proposed else "") +
        ("" if result.in_manifest or add_entry else "; add the manifest entry at the top of the draft"))


def _update(project_dir, article: Path, source_id: str | None, add_entry: bool) -> None:
    from ..contribute.manifest import refresh_entry
    from ..errors import UsageError

    if not add_entry:
        raise UsageError("--update works on the manifest entry: give --manifest --update", path=article)
    project = open_project(project_dir)
    size, digest = refresh_entry(project, source_id or article.stem)
    say(f"{project.rel(project.manifest)}: {source_id or article.stem} is {size} bytes, sha256 {digest[:12]}… "
        "(its claims are checked again by `prisoner-data validate`)")


def _write(path: Path, text: str) -> None:
    """Write whole or not at all (a temporary file beside the target, renamed over it), with the mode a
    new file gets: seeds/manifest.yaml stays readable to everyone it was readable to."""
    from ..storage import atomic_write

    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, text)
