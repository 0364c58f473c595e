"""The one exception tree: failures of the tool itself, not of the data.

Invalid data is reported as a `toolkit.report.Report`; these exceptions are for
what stops the tool from working at all (a missing project, a refused download,
a version that already exists). The CLI turns them into a message and an exit
code in one place.
"""

from __future__ import annotations

# Exit codes shared by every command.
EXIT_OK = 0
EXIT_INVALID = 1  # the data is invalid, or a check the user asked for failed
EXIT_USAGE = 2  # bad command line, or a path that is not a project or package
EXIT_FAILURE = 3  # the tool could not do its job (I/O, network, refused operation)
EXIT_INTERNAL = 4  # a bug in the tool: an unexpected exception (--debug shows the traceback)
REPORT_TO = "the project's issue tracker"


class ToolkitError(Exception):
    """Base class. Carries where the problem is, so the message can name it."""

    exit_code = EXIT_FAILURE

    def __init__(self, message: str, *, path=None, line=None, field=None, value=None, hint=None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line
        self.field = field
        self.value = value
        self.hint = hint

    def __str__(self) -> str:
        from .texts import one_line  # each part one line: a path or value may hold a line break

        where = self.path or ""
        if where and self.line:
            where += f":{self.line}"
        parts = [f"{where}: {self.message}" if where else self.message]
        if self.field:
            parts.append(f"field: {self.field}")
        if self.hint:
            parts.append(f"hint: {self.hint}")
        return "\n  ".join(one_line(part) for part in parts)


class ProjectError(ToolkitError):
    """The path named is not a project (seeds/, schemas/) or a package: a usage error, the same in
    every command."""

    exit_code = EXIT_USAGE


class UsageError(ToolkitError):
    """The command needs something the user did not give (an option, an argument)."""

    exit_code = EXIT_USAGE


class InvalidData(ToolkitError):
    """Raised by library entry points that cannot go on because the data is invalid.

    It carries the Report with every problem found, so nothing is lost."""

    exit_code = EXIT_INVALID

    def __init__(self, message: str, report):
        super().__init__(message)
        self.report = report


class ReleaseError(ToolkitError):
    """A release cannot be published (e.g. the version exists)."""


class DownloadError(ToolkitError):
    """A package could not be fetched or failed verification."""


class MissingExtra(ToolkitError):
    """A feature needs a module of an optional extra that this install left out: the message names the
    feature and the module, the hint the install line that adds the extra."""

    def __init__(self, feature: str, module: str, extra: str):
        super().__init__(f"{feature} needs {module}, which the light install leaves out",
                         hint=f"install the '{extra}' extra: {install_command(extra)}")
        self.extra = extra


def install_command(extra: str | None = None) -> str:
    """The pip line that installs prisoner-data (with `extra`) as it can be installed today: from its
    repository (the Repository URL of the installed package's metadata), or from a checkout."""
    from importlib import metadata

    wanted = f"[{extra}]" if extra else ""
    try:
        urls = metadata.metadata("prisoner-data").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        urls = []
    repository = next((u.split(",", 1)[1].strip() for u in urls if u.lower().startswith("repository,")), None)
    local = f"in a checkout, pip install -e '.{wanted}'"
    return f"pip install 'prisoner-data{wanted} @ git+{repository}' (or, {local})" if repository else local


def require_extra(feature: str, extra: str, *modules: str) -> None:
    """Raise MissingExtra, before any work, when one of `modules` is not installed."""
    from importlib.util import find_spec

    for module in modules:
        if find_spec(module) is None:
            raise MissingExtra(feature, module, extra)
