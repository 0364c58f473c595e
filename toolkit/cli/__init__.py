"""The `prisoner-data` command line: a click group and the one error -> exit-code edge.

Commands live one per module and are imported only when run, so `--help` and
light commands never pay for pandas, pandera or great_expectations.

Exit codes: 0 fine; 1 the data is invalid (or a --fail-on check failed);
2 usage error (including a path that is not a project or a package, in every command);
3 the tool could not do its job (I/O, network, refused operation);
4 an internal error (a bug: the message asks for a report, --debug shows the traceback).
"""

from __future__ import annotations

import importlib
import importlib.util
import traceback

import click

from ..errors import EXIT_FAILURE, EXIT_INTERNAL, REPORT_TO, MissingExtra, ToolkitError

COMMANDS = {
    "build": "Build datapackage/ from seeds/ and schemas/.",
    "validate": "Validate a contribution (the project's seeds) or a built package.",
    "conflicts": "List the disagreements between sources.",
    "release": "Publish an immutable versioned release under releases/.",
    "download": "Download and verify a published release.",
    "diff": "Compare two versions of the package.",
    "extract": "Draft a claims file from a new article.",
    "report": "Write a self-contained HTML report.",
    "completion": "Print the shell completion script.",
}


OPTIONAL_MODULES = {"great_expectations": "build", "pandas": "build", "rapidfuzz": "build", "ibis": "duckdb",
                    "pyspark": "spark"}
"""Modules of an optional extra (pyproject's optional-dependencies), imported only by the commands that
need them: a command that meets one missing names the extra to install, never an internal error."""


class LazyGroup(click.Group):
    """Loads `toolkit.cli.<name>` on demand and turns ToolkitError into an exit code."""

    def list_commands(self, ctx):
        return [name for name in COMMANDS if _module_exists(name)]

    def get_command(self, ctx, name):
        if name not in COMMANDS or not _module_exists(name):
            return None
        return importlib.import_module(f"toolkit.cli.{name}").command

    def resolve_command(self, ctx, args):
        name = args[0] if args else None
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            import difflib

            near = difflib.get_close_matches(name, self.list_commands(ctx), n=1, cutoff=0.5)
            hint = f" Did you mean '{near[0]}'?" if near else ""
            raise click.UsageError(f"No such command '{name}'.{hint} The commands are: "
                                   f"{', '.join(self.list_commands(ctx))}.", ctx)
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx, formatter):
        rows = [(name, COMMANDS[name]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except ToolkitError as exc:
            self._fail(ctx, str(exc), exc.exit_code)
        except BrokenPipeError:
            # the reader went away: stay quiet, and exit with the code the command had decided on (a
            # pipeline under pipefail must not pass invalid data because `| head` stopped reading); a
            # command cut off before it knew its result did not do its job
            _quiet_pipe()
            ctx.exit((ctx.obj or {}).get("verdict", EXIT_FAILURE))
        except OSError as exc:
            self._fail(ctx, str(exc), EXIT_FAILURE)
        except KeyboardInterrupt:
            self._fail(ctx, "interrupted", 130)
        except Exception as exc:  # noqa: BLE001 - the one place a bug becomes a message, not a traceback
            module = (getattr(exc, "name", None) or "").split(".")[0]
            if isinstance(exc, ModuleNotFoundError) and module in OPTIONAL_MODULES:
                missing = MissingExtra(f"`prisoner-data {ctx.invoked_subcommand}`", module, OPTIONAL_MODULES[module])
                self._fail(ctx, str(missing), missing.exit_code)
            summary = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
            self._fail(ctx, f"internal error ({summary}); this is a bug in prisoner-data, please report it to "
                            f"{REPORT_TO} with the output of the same command run with --debug", EXIT_INTERNAL)

    @staticmethod
    def _fail(ctx, message: str, code: int):
        if ctx.obj and ctx.obj.get("debug"):
            traceback.print_exc()
        click.echo(f"error: {message}", err=True)
        ctx.exit(code)


def _quiet_pipe() -> None:
    """The reader went away (`| head`): stop quietly, and keep Python from complaining at exit (stderr
    too, which `2>&1 | head` closes with stdout)."""
    import os
    import sys

    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError):  # not a real file (a test's captured stream): nothing to quiet
            pass


def run() -> None:
    """The `prisoner-data` console script (and `python -m toolkit`): the command, then a quick exit.

    Tearing down an interpreter that has imported pyarrow, pandera and DuckDB frees every object
    one at a time: 0.1 to 0.4 s after the work is done. When a command returns, its files are
    closed and its helper threads and processes have finished, so the script runs the exit
    handlers (temporary folders, child processes, logging), flushes its output and leaves."""
    import atexit
    import os
    import sys

    try:
        main(prog_name="prisoner-data")
        code = 0
    except SystemExit as exc:
        code = exc.code
    if not isinstance(code, int):  # as sys.exit: None is success, anything else is said and is failure
        if code is not None:
            print(code, file=sys.stderr)
        code = 0 if code is None else 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader went away, or the stream was closed: nothing to keep
            pass
    os._exit(code)


def _module_exists(name: str) -> bool:
    return importlib.util.find_spec(f"toolkit.cli.{name}") is not None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks for tool failures.")
@click.version_option(package_name="prisoner-data")
@click.pass_context
def main(ctx, debug):
    """Build, validate, publish and download the Belarus prisoner-release data package.

    \b
    Example:
      prisoner-data build
      prisoner-data conflicts --format markdown
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
