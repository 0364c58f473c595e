"""Invalid data as data: an Issue per problem, collected in a Report.

Every stage appends Issues instead of raising, so one run reports every
problem. frictionless, pandera and great-expectations results are adapted onto
the same Issue.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Issue:
    """One problem, located as precisely as the input allows."""

    type: str
    """kebab-case slug naming the rule that was broken, e.g. `quote-not-found`."""
    message: str
    """A sentence a person can act on."""
    severity: str = "error"
    """error (the data is invalid), warning or info."""
    file: str | None = None
    """Path of the offending file, relative to the project or package root."""
    line: int | None = None
    """1-based line in that file (YAML line or CSV physical line)."""
    resource: str | None = None
    """Data package resource name, for problems found in tables."""
    row: int | None = None
    """1-based data row within the resource."""
    field: str | None = None
    """Column or YAML key."""
    value: str | None = None
    """The offending value, as text."""
    rule: str | None = None
    """The rule or constraint, in words."""
    hint: str | None = None
    """How to fix it."""

    def location(self) -> str:
        where = self.file or self.resource or ""
        if self.line:
            where += f":{self.line}"
        elif self.row:
            where += f" row {self.row}"
        return where

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass
class Report:
    """All issues of one run."""

    issues: list[Issue] = field(default_factory=list)

    def add(self, type: str, message: str, **where) -> Issue:
        issue = Issue(type=type, message=message, **where)
        self.issues.append(issue)
        return issue

    def extend(self, issues) -> None:
        self.issues.extend(issues)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Issue]:
        order = {s: n for n, s in enumerate(SEVERITIES)}
        return sorted(
            self.issues,
            key=lambda i: (order.get(i.severity, 9), i.file or "", i.line or 1 << 62, i.row or 0, i.type),
        )

    def to_dict(self) -> dict:
        return {
            "valid": self.valid,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "issues": [i.to_dict() for i in self.sorted()],
        }
