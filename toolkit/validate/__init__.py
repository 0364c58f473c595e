"""Validation: a package directory, a datapackage.json, or a release zip.

`validate_descriptor` checks a package and `validate_zip` a release zip, each returning one Report
(`pipeline.validate_path` decides which it was given, and builds a contribution's package first).
The modules beside this one turn what they find (and what frictionless says of the descriptor,
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

from ..report import Issue, Report
from .package import DEFAULT_MAX_BYTES, validate_package


def validate_zip(path: Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, html: Path | None = None,
                 engine: str = "pyarrow") -> Report:
    """A release zip: unpacked safely into a temporary folder, checked against its SHA256SUMS, then validated."""
    from ..archive import extract_zip, unlisted_entries
    from ..errors import DownloadError
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
        report.extend(validate_descriptor(folder / "datapackage.json", max_bytes, html, False, engine).issues)
    finally:
        remove_tree(scratch)
    return report


def _check_sums(folder: Path) -> list[Issue]:
    """Every file of an unpacked release is listed in its SHA256SUMS and matches it, and nothing more."""
    from ..hashing import file_sha256
    from ..packagefiles import SUMS, parse_sums

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


def validate_descriptor(descriptor: Path, max_bytes: int | None, html: Path | None, trusted: bool,
                        engine: str = "pyarrow") -> Report:
    """A package's datapackage.json; with `html`, also its expectations, with Data Docs written there."""
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


