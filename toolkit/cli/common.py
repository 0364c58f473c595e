"""What every command shares: how the project is named, how much it says, and where.

Every command that reads a project takes `--project DIR` (or PRISONER_DATA_PROJECT), default the
current directory; every command takes `-q` (no progress, warnings or notes: only errors and the
result) and `-v` (more detail, repeatable). Progress lines go to stderr, and only when stderr is a
terminal, so logs and pipes stay clean; results go to stdout whatever the verbosity.
"""

from __future__ import annotations

import functools
import sys
import time
from pathlib import Path

import click

PROJECT_ENV = "PRISONER_DATA_PROJECT"


def project_option(function):
    """`--project DIR`: the project root holding seeds/ and schemas/."""
    return click.option("--project", "-P", "project_dir", default=".", envvar=PROJECT_ENV, show_envvar=True,
                        show_default=True, type=click.Path(file_okay=False, path_type=Path),
                        help="Project root holding seeds/ and schemas/.")(function)


def verbosity_options(function):
    """`-q/--quiet` and `-v/--verbose`, kept in the click context for `say`, `detail` and `progress`."""
    @click.option("--verbose", "-v", count=True, help="Say more (repeat for more detail).")
    @click.option("--quiet", "-q", is_flag=True, help="No progress, warnings or notes: only errors and the result.")
    @functools.wraps(function)
    def wrapper(*args, quiet: bool, verbose: int, **kwargs):
        context = click.get_current_context()
        context.ensure_object(dict)
        context.obj["verbosity"] = -1 if quiet else verbose
        return function(*args, **kwargs)
    return wrapper


def verdict(code: int) -> int:
    """Record the exit code a command has decided on, before it writes its result: a reader that goes
    away early (`| head`) then never changes the status the shell sees (the CLI's edge exits with it)."""
    context = click.get_current_context(silent=True)
    if context is not None:
        context.ensure_object(dict)
        context.obj["verdict"] = code
    return code


def verbosity() -> int:
    context = click.get_current_context(silent=True)
    return (context.obj or {}).get("verbosity", 0) if context else 0


def say(message: str) -> None:
    """A message for people (stderr), unless -q."""
    if verbosity() >= 0:
        click.echo(message, err=True)


def detail(message: str) -> None:
    """A message only -v asks for (stderr)."""
    if verbosity() >= 1:
        click.echo(message, err=True)


def progress(timed: bool = False):
    """A callback for library progress messages: on a terminal and without -q, else None.

    `timed`: with -v, every step is said (terminal or not) with the seconds since the command
    started, so the difference between two lines is what a step took."""
    if timed and verbosity() >= 1:
        start = time.perf_counter()
        return lambda message: click.echo(f"… {time.perf_counter() - start:7.2f} s  {message}", err=True)
    if verbosity() < 0 or not sys.stderr.isatty():
        return None
    return lambda message: click.echo(f"… {message}", err=True)
