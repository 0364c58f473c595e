"""Validation: a contribution (seeds/ and schemas/), a package directory, or a datapackage.json.

`validate_path` decides which it was given and returns one Report. The modules
beside this one turn what they find (and what frictionless says of the descriptor,
pandera of the cross-field rules, great-expectations of the expectation suite) into the
same Issue:
  package          descriptor, paths, sizes, hashes, Parquet twins; hands the tables to an engine
  spec             the descriptor against the Data Package spec (frictionless), beside the tables
  engines/         pyarrow (default, streaming in batches), duckdb (out of core), spark: the same
                   checks and Issues through each
  cells            what a cell must be (one list for every engine) and failing rows -> Issues
  rules            the cross-field rules, narwhals expressions run by pandera on any engine
  key_checks       unique keys, foreign keys and claim ids, in SQL for DuckDB and Spark
  parquet          Parquet files read within bounds, in batches
  expectations     the great-expectations suite and its Data Docs (only with --report html)
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..errors import ProjectError
from ..report import Issue, Report
from .package import DEFAULT_MAX_BYTES, validate_package


def validate_path(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, html: Path | None = None,
                  trusted: bool = False, engine: str = "pyarrow") -> Report:
    """Validate whatever `path` is with the named engine; with `html`, also run the expectations and
    write Data Docs there."""
    path = Path(path)
    if path.is_file() and path.suffix.lower() == ".zip":
        return validate_zip(path, max_bytes=max_bytes, html=html, engine=engine)
    if path.is_file() and path.suffix == ".json":
        return _package(path, max_bytes, html, trusted, engine)
    if path.is_dir() and (path / "seeds").is_dir():
        return validate_project(path, max_bytes=max_bytes, html=html, engine=engine)
    if path.is_dir() and (path / "datapackage.json").is_file():
        return _package(path / "datapackage.json", max_bytes, html, trusted, engine)
    raise ProjectError("not a project (no seeds/) and not a built package (no datapackage.json)", path=path,
                       hint="name a project with --project, or a package directory, datapackage.json or release zip")


def validate_zip(path: Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, html: Path | None = None,
                 engine: str = "pyarrow") -> Report:
    """A release zip: unpacked safely into a temporary folder, checked against its SHA256SUMS, then validated."""
    from ..errors import DownloadError
    from ..publish.archive import extract_zip, unlisted_entries
    from ..storage import remove_tree

    report = Report()
    scratch = Path(tempfile.mkdtemp(prefix="prisoner-data-zip-"))
    try:
        try:
            # what SHA256SUMS does not list is reported and never unpacked (no amplification through it)
            extra, has_sums = unlisted_entries(path, display=path.name)
            extra = extra if has_sums else []
            for name in extra:
                report.add("unlisted-file", f"{name} is in the archive but not in its SHA256SUMS; not unpacked",
                           file=name.split("/", 1)[-1])
            folder = extract_zip(path, scratch, display=path.name, exclude=frozenset(extra))
        except DownloadError as exc:
            report.add("unsafe-archive", exc.message, file=path.name, hint="the zip is not a release as published")
            return report
        if not (folder / "datapackage.json").is_file():
            report.add("missing-descriptor", f"{path.name} holds no datapackage.json at its top", file=path.name)
            return report
        report.extend(_check_sums(folder))
        report.extend(_package(folder / "datapackage.json", max_bytes, html, False, engine).issues)
    finally:
        remove_tree(scratch)
    return report


def _check_sums(folder: Path) -> list[Issue]:
    """Every file of an unpacked release is listed in its SHA256SUMS and matches it, and nothing more."""
    from ..hashing import file_sha256
    from ..publish.release import SUMS, parse_sums

    if not (folder / SUMS).is_file():
        return [Issue("missing-checksums", f"the archive has no {SUMS}: its files cannot be verified", file=SUMS)]
    try:
        sums = parse_sums((folder / SUMS).read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        line = exc.args[0] if isinstance(exc, ValueError) and exc.args and isinstance(exc.args[0], int) else None
        return [Issue("invalid-checksums", f"{SUMS} is malformed", file=SUMS, line=line)]
    present = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()} - {SUMS}
    issues = [Issue("unlisted-file", f"{name} is in the archive but not in {SUMS}", file=name)
              for name in sorted(present - set(sums))]
    issues += [Issue("missing-file", f"{SUMS} lists {name}, which the archive does not hold", file=SUMS)
               for name in sorted(set(sums) - present)]
    issues += [Issue("hash-mismatch", f"{name} does not match its sha256 in {SUMS}", file=name)
               for name in sorted(present & set(sums)) if file_sha256(folder / name) != sums[name]]
    return issues


def _package(descriptor: Path, max_bytes: int | None, html: Path | None, trusted: bool, engine: str = "pyarrow"
             ) -> Report:
    report = validate_package(descriptor, max_bytes=max_bytes, trusted=trusted, engine=engine)
    if html is not None:
        report.extend(_expectations(descriptor.parent, html))
    return report


def _expectations(package_dir: Path, html: Path) -> list[Issue]:
    from .expectations import check_expectations

    from .package import unsafe_path

    suite = package_dir / "expectations.json"
    if unsafe_path("expectations.json", package_dir):
        return [Issue("unsafe-path", "expectations.json is a link that leaves the package; not read",
                      file="expectations.json")]
    if not suite.is_file():
        return [Issue("missing-expectations", f"{package_dir}/expectations.json is missing: no suite to run",
                      severity="warning", file="expectations.json")]
    return check_expectations(package_dir, suite, html)


def validate_project(root: Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, html: Path | None = None,
                     engine: str = "pyarrow") -> Report:
    """Check a contribution: the seeds with file and line, the schemas, and the package they build."""
    from ..ingest.schemas import load_contract
    from ..project import open_project
    from ..publish.package import compile_dataset, write_package
    from ..storage import remove_tree

    project = open_project(root)
    report = Report()
    contract = load_contract(project, report)
    _check_schemas(project, contract, report)
    compiled = compile_dataset(project, report, schemas=contract.schemas if contract else None)
    if compiled is None or contract is None or not report.valid:
        return report
    from ..contribute.dictionary import render_dictionary

    staging = Path(tempfile.mkdtemp(prefix="prisoner-data-validate-"))
    try:
        write_package(staging, compiled, contract, project.schemas / "expectations.json",
                      {"data-dictionary.md": render_dictionary(project, contract)})
        built = _package(staging / "datapackage.json", max_bytes, html, False, engine)
        report.extend(_as_built(issue) for issue in built.issues)
    finally:
        remove_tree(staging)
    return report


def _as_built(issue: Issue) -> Issue:
    """Problems found in the package the seeds build are labelled as such."""
    from dataclasses import replace

    return replace(issue, message=f"(in the package built from the seeds) {issue.message}")


def _check_schemas(project, contract, report: Report) -> None:
    """Each table schema against the Table Schema spec (the toolkit's own checks ran as it was read)."""
    from frictionless import Schema

    for name, schema in (contract.schemas.items() if contract else ()):
        display = project.rel(project.schemas / f"{name}.schema.json")
        for error in Schema.validate_descriptor(dict(schema)).errors:
            report.add("invalid-schema", f"{display}: {error.message}", file=display, rule="Table Schema spec")
