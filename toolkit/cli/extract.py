"""`prisoner-data extract`."""

from __future__ import annotations

from pathlib import Path

import click

from ..project import open_project
from ..report import Report


@click.command("extract")
@click.argument("article", type=click.Path(exists=True, dir_okay=False))
@click.option("--source-id", help="Source id for the draft (default: the article's file name).")
@click.option("--year", type=int, help="Year for dates written without one (default: from the manifest).")
@click.option("--out", type=click.Path(dir_okay=False), help="Write the draft here instead of stdout.")
@click.option("--project", "project_dir", default=".", type=click.Path(file_okay=False), show_default=True)
def command(article, source_id, year, out, project_dir):
    """Draft a claims file for a new article, for a person to review.

    Drafts a claim for each count near words about freeing, prisoners, sentences
    and destinations (with its qualifier: more than, at least, about) and for each
    dated event (with its precision), each with its quote; lists the known
    entities found and the capitalized names the registry does not know. The
    draft carries `draft: true`, which the build refuses until it is reviewed.

    \b
    Example:
      prisoner-data extract seeds/articles/rferl-2025-12.txt --out /tmp/rferl-draft.yaml
    """
    from ..ingest.entities import load_registry
    from ..contribute.extract import draft_claims, find_candidates, find_entities, manifest_stub, render_draft

    project = open_project(project_dir)
    report = Report()
    registry = load_registry(project, report)
    path = Path(article)
    text = path.read_text(encoding="utf-8")
    source = source_id or path.stem
    year = year or _manifest_year(project, source)
    drafts = draft_claims(text, registry, year)
    rendered = render_draft(source, drafts, find_entities(text, registry), find_candidates(text, registry),
                            manifest_stub(source, path.read_bytes()))
    if out:
        Path(out).write_text(rendered, encoding="utf-8")
        click.echo(f"drafted {len(drafts)} claims -> {out}", err=True)
    else:
        click.echo(rendered, nl=False)


def _manifest_year(project, source_id: str) -> int | None:
    import yaml

    manifest = yaml.safe_load(project.manifest.read_text(encoding="utf-8")) or {}
    for entry in manifest.get("sources") or []:
        if entry.get("id") == source_id:
            return int(str(entry["published"])[:4])
    return None
