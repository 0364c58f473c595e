"""The command-line reference in docs/cli.md, generated from the commands themselves.

    python -m toolkit.cli.reference > docs/cli.md      (or: make docs)

A test regenerates it and compares, so the page never drifts from `--help`.
"""

from __future__ import annotations

import click

WIDTH = 100


def cli_reference() -> str:
    """Every command's help, as `--help` prints it at a fixed width, in one Markdown page."""
    from . import main

    lines = ["# Command-line reference", "",
             "Generated from the commands by `make docs` (`python -m toolkit.cli.reference`); do not edit by hand.",
             "", "```text", _help(main, "prisoner-data"), "```", ""]
    for name in main.list_commands(None):
        command = main.get_command(None, name)
        lines += [f"## prisoner-data {name}", "", "```text", _help(command, f"prisoner-data {name}", main), "```", ""]
    return "\n".join(lines)


def _help(command: click.Command, name: str, parent: click.Command | None = None) -> str:
    settings = {"terminal_width": WIDTH, "max_content_width": WIDTH, "resilient_parsing": True}
    parent_context = parent.make_context("prisoner-data", [], **settings) if parent else None
    context = command.make_context(name.split()[-1], [], parent=parent_context, **settings)
    return command.get_help(context).rstrip()


if __name__ == "__main__":
    print(cli_reference(), end="")
