"""`prisoner-data completion`."""

from __future__ import annotations

import click

from .common import verbosity_options


@click.command("completion")
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
@verbosity_options
def command(shell):
    """Print the shell completion script for bash, zsh or fish.

    Completes commands, options and their choices. Load it in the shell's
    start-up file.

    \b
    Example:
      prisoner-data completion bash > ~/.local/share/bash-completion/completions/prisoner-data
      eval "$(prisoner-data completion zsh)"
      prisoner-data completion fish > ~/.config/fish/completions/prisoner-data.fish
    """
    from click.shell_completion import get_completion_class

    from . import main

    completion = get_completion_class(shell)(main, {}, "prisoner-data", "_PRISONER_DATA_COMPLETE")
    click.echo(completion.source())
