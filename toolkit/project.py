"""Where things live in a project checkout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectError


@dataclass(frozen=True)
class Project:
    """A project root holding seeds/ and schemas/."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def schemas(self) -> Path:
        return self.root / "schemas"

    @property
    def manifest(self) -> Path:
        return self.seeds / "manifest.yaml"

    @property
    def registry(self) -> Path:
        return self.seeds / "registry.yaml"

    @property
    def claims_dir(self) -> Path:
        return self.seeds / "claims"

    @property
    def decisions(self) -> Path:
        return self.seeds / "decisions.yaml"

    @property
    def properties(self) -> Path:
        return self.schemas / "properties.yaml"

    @property
    def package_dir(self) -> Path:
        return self.root / "datapackage"

    @property
    def releases_dir(self) -> Path:
        return self.root / "releases"

    def rel(self, path: Path) -> str:
        """Path relative to the root, as shown in messages (a link's own path when it leads out)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            try:
                return path.absolute().relative_to(self.root.absolute()).as_posix()
            except ValueError:
                return str(path)

    def contains(self, path: Path, within: Path | None = None) -> bool:
        """Whether `path`, every symbolic link on the way followed, lies inside the project (or `within`):
        an input may not be a link out of the checkout, or a pull request could have the toolkit read
        anything the runner can."""
        try:
            return path.resolve().is_relative_to((within or self.root).resolve())
        except (OSError, RuntimeError):  # a loop of links
            return False


def open_project(root: str | Path = ".") -> Project:
    """Return the project at `root`, or raise ProjectError naming what is missing."""
    project = Project(Path(root))
    for needed in (project.manifest, project.registry, project.properties):
        if not needed.is_file():
            raise ProjectError(
                f"not a project: {project.rel(needed)} is missing",
                path=needed,
                hint="run the command from the repository root or pass --project",
            )
    return project
