"""Rendering of Reports for the terminal, JSON and GitHub annotations."""

from __future__ import annotations

import json
import os

import click

from ..report import Issue, Report
from ..texts import markdown_cell, one_line
from .common import verbosity

GITHUB_ANNOTATION_LIMIT = 10  # GitHub shows at most 10 annotations of each level per step
SUMMARY_ROWS = 500
"""Issues the job summary lists (errors first, a contribution's own files first); the rest are counted."""
SUMMARY_BYTES = 256 << 10
"""Bytes the rows of one job summary may take: GitHub refuses a step's summary over 1 MiB, and a pull
request could add issues without end (every figure of a large article uncited is a warning)."""
SUMMARY_CELL = 300
"""Characters kept of one cell (an issue's value may be a whole quote)."""


def issue_line(issue: Issue) -> str:
    """The issue as text: its first line and one line per detail, whatever line breaks its texts hold
    (a value can be anything a contributor wrote, and a line of it must not pass for a line of ours)."""
    where = issue.location()
    text = f"{where}: " if where else ""
    text += f"{issue.severity}: {issue.message} [{issue.type}]"
    details = []
    if issue.field:
        details.append(f"field: {issue.field}")
    if issue.value is not None:
        details.append(f"value: {issue.value!r}")
    if issue.rule:
        details.append(f"rule: {issue.rule}")
    if issue.hint:
        details.append(f"fix: {issue.hint}")
    return one_line(text) + "".join(f"\n    {one_line(d)}" for d in details)


def render_report(report: Report, fmt: str = "text", err: bool = True, contributed: set[str] | None = None) -> None:
    """Print a report: text to stderr (errors only with -q, info too with -v), json to stdout,
    github annotations to stdout. With `contributed` (the files a contribution changes), the issues
    in those files come first, apart from the rest of the project's."""
    if fmt == "json":
        document = report.to_dict()
        if contributed is not None:
            for issue in document["issues"]:
                issue["contributed"] = issue.get("file") in contributed
            document["contributed_errors"] = sum(1 for i in report.errors if i.file in contributed)
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    if fmt == "github":
        render_github(report, contributed)
        return
    level = verbosity()
    shown = [i for i in report.sorted()
             if i.severity == "error" or (i.severity == "warning" and level >= 0) or level >= 1]
    if contributed is None:
        for issue in shown:
            click.echo(issue_line(issue), err=err)
        return
    for title, group in (("In the files this contribution changes", [i for i in shown if i.file in contributed]),
                         ("Elsewhere in the project (no file this contribution changes)",
                          [i for i in shown if i.file not in contributed])):
        if group:
            click.echo(f"{title}:", err=err)
            for issue in group:
                click.echo(issue_line(issue), err=err)


def _escape(text: str, prop: bool = False) -> str:
    """A workflow command's message or property: every line break and control character made visible
    (`one_line`), then GitHub's own escapes."""
    text = one_line(text).replace("%", "%25")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_github(report: Report, contributed: set[str] | None = None) -> None:
    """Workflow annotations: the first 10 errors and the first 10 warnings (GitHub shows no more of
    each per step), those in the contribution's own files first; the count of the rest, and the report
    in the job summary."""
    issues = report.sorted()
    if contributed is not None:
        issues.sort(key=lambda i: i.file not in contributed)  # stable: the sorted order within each
    errors = [i for i in issues if i.severity == "error"]
    warnings = [i for i in issues if i.severity == "warning"]
    shown = errors[:GITHUB_ANNOTATION_LIMIT] + warnings[:GITHUB_ANNOTATION_LIMIT]
    for issue in shown:
        props = [f"file={_escape(issue.file or issue.resource or '', True)}"]
        if issue.line:
            props.append(f"line={issue.line}")
        title = issue.type + (f" ({issue.field})" if issue.field else "")
        if contributed is not None and issue.file not in contributed:
            title = "elsewhere in the project: " + title
        props.append(f"title={_escape(title, True)}")
        message = issue.message + (f" Fix: {issue.hint}" if issue.hint else "")
        click.echo(f"::{issue.severity} {','.join(props)}::{_escape(message)}")
    more_errors, more_warnings = len(errors) - len(errors[:GITHUB_ANNOTATION_LIMIT]), \
        len(warnings) - len(warnings[:GITHUB_ANNOTATION_LIMIT])
    if more_errors or more_warnings:
        click.echo(f"+{more_errors} more errors and {more_warnings} more warnings; see the job summary for the "
                   "full report")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as handle:
            handle.write(markdown_report(report, contributed))


def markdown_report(report: Report, contributed: set[str] | None = None) -> str:
    """The report as a table for the job summary, errors first (with `contributed`, the contribution's
    own files first): at most SUMMARY_ROWS rows and SUMMARY_BYTES of them, each cell cut at SUMMARY_CELL
    characters, and the count of the rest ('+N more')."""
    lines = ["## prisoner-data validate", "", f"{len(report.errors)} errors, {len(report.warnings)} warnings"]
    groups = [("", report.sorted())]
    if contributed is not None:
        groups = [("### In the files this contribution changes", [i for i in report.sorted() if i.file in contributed]),
                  ("### Elsewhere in the project (no file this contribution changes)",
                   [i for i in report.sorted() if i.file not in contributed])]
    rows, size = SUMMARY_ROWS, SUMMARY_BYTES  # shared by the groups, the contribution's own first
    for title, issues in groups:
        if title:
            lines += ["", title]
        lines += ["", "| severity | location | problem | field | value | fix |", "|---|---|---|---|---|---|"]
        shown = 0
        for i in issues:
            row = _summary_row(i)
            size -= len(row.encode("utf-8")) + 1
            if rows == 0 or size < 0:
                break
            lines.append(row)
            rows, shown = rows - 1, shown + 1
        if shown < len(issues):
            rest = issues[shown:]
            errors, warnings = (sum(1 for i in rest if i.severity == level) for level in ("error", "warning"))
            lines += ["", f"+{len(rest)} more ({errors} errors, {warnings} warnings) not listed here: run "
                          "`prisoner-data validate` for the full report"]
    return "\n".join(lines) + "\n"


def _summary_row(issue: Issue) -> str:
    cells = [issue.severity, issue.location(), f"{issue.message} `{issue.type}`", issue.field or "", issue.value or "",
             issue.hint or ""]
    cells = [c if len(c) <= SUMMARY_CELL else c[:SUMMARY_CELL - 1] + "…" for c in cells]
    return "| " + " | ".join(markdown_cell(c) for c in cells) + " |"
