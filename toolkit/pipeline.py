"""The build, one function per command; each lists its steps in order: load -> reconcile -> lint ->
tables -> write -> check.

  compile_dataset   load, verify and reconcile the seeds, lint coverage, and build the tables in memory
  prepare_dataset   the contract (schemas/) and the compiled dataset, ready to be written
  stage_package     write a package into a folder and check it
  build_package     `prisoner-data build`: datapackage/ swapped in only when every check passed
  publish_release   `prisoner-data release`: an immutable, journaled releases/VERSION/ and its zip
  validate_path     `prisoner-data validate`: a contribution (and the package it builds), a package or a zip;
                    validate_changes with --changed-since, each problem annotated on the change that caused it
  download_release  `prisoner-data download`: a published release, verified and checked, then placed
  list_conflicts    `prisoner-data conflicts`: the conflicts of a project or a package; curator_queue
                    what awaits a curator

The stages (ingest, reconcile, contribute, publish, validate) sit below this module and never call
it, nor each other's entry points: what they share is passed in, or read from the kernels
(packagefiles, archive, report, storage, ...).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import tempfile
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .contribute.changes import uncommitted_files
from .contribute.coverage import lint_coverage, lint_sources, released_sources
from .contribute.dictionary import render_dictionary
from .errors import InvalidData, ProjectError, ReleaseError, UsageError
from .ingest.claims import load_claims, load_vocabulary
from .ingest.decisions import load_decisions, report_unmatched
from .ingest.entities import load_registry
from .ingest.schemas import Contract, load_contract
from .ingest.sources import load_sources
from .packagefiles import latest_version, read_index
from .project import Project, open_project
from .publish.conflicts import needing_review, package_conflicts
from .publish.formats import arrow_table
from .publish.package import DICTIONARY, EXPECTATIONS, Compiled, write_package
from .publish.release import (CHANGELOG, JOURNAL, RELEASE_LABEL, changelog_entry, choose_version, development_version,
                              parse_version, recover_releases, refuse_existing, write_release)
from .publish.tables import build_tables
from .reconcile import reconcile_claims
from .reconcile.rules import release_date_property
from .report import Issue, Report
from .storage import clear_stale, crashpoint, fsync_dir, fsync_tree, locked, new_staging, remove_tree, swap_in
from .validate import validate_descriptor, validate_zip
from .validate.package import DEFAULT_MAX_BYTES, validate_package
from .validate.spec import warm
from .values import parse_date

if TYPE_CHECKING:
    from .publish.download import Downloaded


@dataclass
class BuildResult:
    """What a build produced: the report, and on success the row counts and conflicts."""

    report: Report
    rows: dict[str, int] = field(default_factory=dict)
    conflicts: dict[str, int] = field(default_factory=dict)
    written: Path | None = None

    @property
    def ok(self) -> bool:
        return self.report.valid and self.written is not None


@contextmanager
def _without_cycle_collector():
    # Millions of small claim objects and no reference cycles: the cyclic collector would
    # rescan them again and again and make loading superlinear.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def compile_dataset(project: Project, report: Report, progress=None, schemas: dict | None = None) -> Compiled | None:
    """Load, verify and reconcile the seeds, lint them, and build the tables; None when the inputs have errors.

    Steps:
      1. load: sources against the manifest, the registry, the vocabulary, the claims and the decisions;
      2. reconcile the claims into facts and conflicts (curator decisions applied), and report the events
         no claim dates and counts of everyone freed with no root group to hold them;
      3. lint: the figures no claim cites, and sources without a URL or at odds with their front matter
         (reported with the errors of steps 1 and 2 too, so a contributor sees every warning at once);
      4. tables: the resolved rows of every resource, and the conflicts by status.
    With the table `schemas`, each table is made an Arrow table of its schema as soon as it is built,
    and only the tables and the conflicts' statuses outlive this call (not the claims and facts they
    came from): what keeps a build's memory to about the size of its output."""
    with _without_cycle_collector():
        return _compile(project, report, progress, schemas)


def _compile(project: Project, report: Report, progress=None, schemas: dict | None = None) -> Compiled | None:
    say = progress or (lambda message: None)
    say("loading sources")
    sources = load_sources(project, report)
    registry = load_registry(project, report)
    vocabulary = load_vocabulary(project, report)
    say("checking claims")
    ledger = load_claims(project, sources, registry, vocabulary, report)
    decisions = load_decisions(project, report)
    lint = [*lint_coverage(sources, ledger), *lint_sources(sources, released_sources(project))]
    if not report.valid:
        report.extend(lint)  # the warnings too, so "N errors, M warnings" counts both truly
        return None
    say("reconciling")
    result = reconcile_claims(ledger.claims, registry, vocabulary, decisions)
    report_unmatched(result.unmatched_decisions, report)
    for claim in result.unresolved_events:
        # no claim dates the release: the claim's own mistake; dated by claims that disagree (a later
        # article may dispute it): kept out of comparisons until they agree, as a warning
        dated = result.fact(claim.event, release_date_property(result)) is not None
        report.add("unsettled-event-date", f"'{claim.raw_value}' stands for the date of that release, but the claims "
                   + ("do not settle it (sources disagree); the claim is left out of comparisons until they do"
                      if dated else "give it no date"), severity="warning" if dated else "error",
                   file=claim.file, line=claim.line, field="value", value=claim.raw_value,
                   hint="give the date itself" + ("" if dated else ", or add a claim of the release's date"))
    if registry.root_group() is None and any(f.key.population is None and vocabulary[f.key.property].population
                                             for f in result.facts.values()):
        report.add("no-root-population", "counts that name no group count everyone freed, but the registry "
                   "has no root group for them", file=project.rel(project.registry),
                   hint="mark the group of everyone freed with `root: true` in seeds/registry.yaml")
    report.extend(lint)
    if not report.valid:
        return None
    say("building tables")
    finish = None if schemas is None else (lambda name, rows: arrow_table(rows, schemas[name]) if name in schemas
                                           else rows)
    tables = build_tables(sources, ledger, registry, vocabulary, result, finish)
    newest = max((s.entry.published for s in sources.values()), default="1970-01-01")
    start = parse_date(newest).start
    created = dt.datetime.combine(start, dt.time(), dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    statuses = dict(sorted(Counter(c.status for c in result.conflicts).items()))
    return Compiled(tables, statuses, created)


@dataclass
class Prepared:
    """Everything loaded, checked and reconciled, ready to be written as a package."""

    report: Report
    compiled: Compiled | None = None
    contract: Contract | None = None

    @property
    def ok(self) -> bool:
        return self.compiled is not None and self.contract is not None and self.report.valid

    def rows(self) -> dict[str, int]:
        return {name: self.compiled.rows[name] for name in self.contract.metadata.resources}

    def statuses(self) -> dict[str, int]:
        return self.compiled.statuses


def prepare_dataset(project: Project, progress=None) -> Prepared:
    """Load and verify the contract (schemas/) and the seeds, and reconcile them; every problem in the report."""
    report = Report()
    contract = load_contract(project, report)
    compiled = compile_dataset(project, report, progress, contract.schemas if contract else None)
    return Prepared(report, compiled, contract)


def stage_package(project: Project, directory: Path, prepared: Prepared, version: str,
                  documents: dict[str, str] | None = None, check=None, last: bool = False, progress=None) -> Report:
    """Write the package into `directory` as `version` (with the data dictionary, `documents` and the HTML
    report), then check it.

    `check` (default: `validate_package`, as `prisoner-data validate` checks a package: the descriptor
    against the Data Package spec, files, cells, keys, rules and Parquet twins) returns the issues of
    the written package. `last`: no package will be written from `prepared` again, so its tables are
    let go once written (the check reads the files), and the check has their memory."""
    contract = replace(prepared.contract, metadata=prepared.contract.metadata.model_copy(update={"version": version}))
    texts = {DICTIONARY: render_dictionary(project, prepared.contract), **(documents or {})}
    say = progress or (lambda message: None)
    say("writing package")
    from .contribute.html_report import render_package  # the reader's page: only where a package is staged

    write_package(directory, prepared.compiled, contract, project.schemas / EXPECTATIONS, texts, render_package)
    if last:
        prepared.compiled.tables.clear()
    say("validating package")
    report = Report()
    if check is None:
        report.extend(validate_package(directory / "datapackage.json").issues)
    else:
        report.extend(check(directory / "datapackage.json"))
    return report


def build_package(project: Project, out: Path | None = None, progress=None, check=None,
                  dictionary: bool = False, on_wait=None) -> BuildResult:
    """Build datapackage/ from seeds/ and schemas/.

    Steps:
      1. load and verify the contract (schemas/), sources, registry, vocabulary, claims and decisions;
      2. reconcile claims into facts and conflicts, lint the sources' coverage, and build the resolved
         tables (`compile_dataset`);
      3. under the target folder's lock, remove what killed builds left behind;
      4. write the package, as the next version with a -dev suffix, into staging (and, if asked,
         docs/data-dictionary.md);
      5. validate the staged package (`check`, by default what `prisoner-data validate` runs on a package);
      6. fsync it and swap it with the target in one step, only if every step passed.
    """
    out = Path(out or project.package_dir)
    if check is None:
        warm()  # the package's spec check, in a child that imports frictionless while the seeds are read
    prepared = prepare_dataset(project, progress)
    report = prepared.report
    if not prepared.ok:
        return BuildResult(report)
    with locked(out.parent, on_wait=on_wait or progress):
        if out == project.package_dir:
            recover_releases(project)
        report.extend(_write_development(project, prepared, out, check, dictionary, progress).issues)
    if not report.valid:
        return BuildResult(report)
    return BuildResult(report, prepared.rows(), prepared.statuses(), out)


def _write_development(project: Project, prepared: Prepared, out: Path, check=None, dictionary: bool = False,
                       progress=None) -> Report:
    """Under the caller's lock: stage `prepared` as the next development version beside `out`, check it, and
    swap it in (with docs/data-dictionary.md) only if the check found no error; the check's report."""
    clear_stale(out.parent, out.name, out)
    work = new_staging(out.parent, out.name)
    try:
        report = stage_package(project, work / "package", prepared,
                               development_version(project, prepared.contract.metadata), check=check, last=True,
                               progress=progress)
        if not report.valid:
            return report
        if dictionary:
            shutil.copyfile(work / "package" / DICTIONARY, work / DICTIONARY)
        fsync_tree(work)
        crashpoint("build:before-swap")
        swap_in(work / "package", out)
        crashpoint("build:after-swap")
        if dictionary:
            (project.root / "docs").mkdir(exist_ok=True)
            os.replace(work / DICTIONARY, project.root / "docs" / DICTIONARY)
            fsync_dir(project.root / "docs")
        return report
    finally:
        remove_tree(work)


@dataclass
class ReleaseResult:
    """What a release published (or, with `dry_run`, would publish), what it warned of, and what is left to do."""

    version: str
    path: Path
    bump: str
    reasons: list[str]
    rows: dict[str, int]
    dry_run: bool = False
    files: list[str] = field(default_factory=list)  # the project paths the release writes (dry run: would write)
    warnings: list[str] = field(default_factory=list)
    rebuilt: str | None = None  # the version datapackage/ was rebuilt at, after the release

    def next_steps(self) -> list[str]:
        """What a maintainer runs after a release: commit what it wrote, tag it, push both."""
        return ["git add " + " ".join(sorted({f.split("/")[0] for f in self.files})),
                f'git commit -m "Release {self.version} of the dataset"',
                f"git tag v{self.version}",
                f"git push origin HEAD v{self.version}"]


WATCHED = ("seeds", "schemas")
"""What a release is built from: changes to them not yet committed would be published but not in git."""


def release_preflight(project: Project, prepared: Prepared, force: bool) -> list[str]:
    """The reasons to hold a release back: seeds/ or schemas/ not committed, open errors no curator has
    reviewed. Refused (ReleaseError) unless `force`; with it, returned as warnings. Where git cannot tell,
    that is a warning of its own."""
    problems, notes = [], []
    changed = uncommitted_files(project.root, WATCHED)
    if changed is None:
        notes.append("cannot tell whether seeds/ and schemas/ are committed: the project is not a git checkout")
    elif changed:
        shown = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
        problems.append(f"{len(changed)} file(s) of seeds/ or schemas/ are not committed ({shown}): the release "
                        "would publish data that git does not hold")
    conflicts = prepared.compiled.tables["conflicts"]
    rows = conflicts.to_pylist() if hasattr(conflicts, "to_pylist") else list(conflicts)
    queue = needing_review(rows)
    if queue:
        shown = ", ".join(r["conflict_id"] for r in queue[:5]) + (" ..." if len(queue) > 5 else "")
        problems.append(f"{len(queue)} open error(s) await a curator's review ({shown}): see "
                        "`prisoner-data conflicts --needs-review`")
    if problems and not force:
        raise ReleaseError("not released: " + "; ".join(problems),
                           hint="commit the seeds and review the queue first (or release anyway with --force)")
    return notes + problems


def publish_release(project: Project, version: str | None = None, bump: str | None = None,
                    date: dt.date | None = None, progress=None, on_wait=None, dry_run: bool = False,
                    force: bool = False) -> ReleaseResult:
    """Publish the package built from the seeds as releases/<version>/ and releases/NAME-VERSION.zip.

    Steps:
      1. under the project's lock, finish or undo any release a kill interrupted (not in a dry run);
      2. load, verify and reconcile the seeds; refuse, unless `force`, seeds/ or schemas/ that git has not
         committed and open errors awaiting a curator (`release_preflight`);
      3. stage a candidate package (beside releases/; in a dry run, in a temporary folder outside the project);
      4. diff it against the latest release: refuse a release that changes nothing, choose the version
         (an explicit one must be greater than the latest), refuse one that exists;
      5. stage the package as that version with its CHANGELOG.md and validate it; a dry run stops here
         and says what it would write;
      6. `write_release`: write SHA256SUMS, make the files read-only, and zip the folder; stage
         releases/index.json, releases/CHANGELOG.md, CITATION.cff, .zenodo.json and the README's
         latest-release block; fsync everything;
      7. write the journal (the commit point), then move the folder, the zip and the files into place;
      8. write datapackage/ as the next development version from the same checked tables, so it follows
         the new release (`_follow_release`).
    A kill before step 7 leaves releases/ as it was; after it, the next run completes the release.
    """
    if version and bump:
        raise UsageError("give a VERSION or --bump, not both", hint="e.g. `prisoner-data release --bump auto`")
    if version:
        parse_version(version, "VERSION")
    warm()
    releases = project.releases_dir
    with locked(project.root, on_wait=on_wait or progress):
        if not dry_run:
            recover_releases(project)
        index = read_index(releases)
        previous = latest_version(index)
        prepared = prepare_dataset(project, progress)
        if not prepared.ok:
            raise InvalidData("the package does not build; run `prisoner-data validate`", prepared.report)
        warnings = release_preflight(project, prepared, force)
        meta = prepared.contract.metadata
        work = Path(tempfile.mkdtemp(prefix="prisoner-data-release-")) if dry_run else \
            new_staging(project.root, RELEASE_LABEL)
        try:
            stage_package(project, work / "candidate", prepared, development_version(project, meta),
                          check=lambda descriptor: [])
            from .publish.diff import diff_packages

            change = diff_packages(releases / previous, work / "candidate") if previous else None
            version = choose_version(version, bump, previous, change)
            refuse_existing(releases, index, version)
            date = date or dt.datetime.now(dt.timezone.utc).date()
            entry = changelog_entry(version, date, previous, change)
            package = work / "package"
            checked = stage_package(project, package, prepared, version, {CHANGELOG: entry}, last=dry_run)
            if not checked.valid:
                raise InvalidData("the release does not validate", checked)
            files = release_paths(project, meta.name, version, package)
            if not dry_run:
                write_release(project, work, meta, version, date, index, entry, prepared.rows())
        finally:
            if work.exists() and (dry_run or not (work / JOURNAL).exists()):
                remove_tree(work)
        result = ReleaseResult(version, releases / version, change.bump if change else "initial",
                               change.reasons if change else ["first release"], prepared.rows(), dry_run, files,
                               warnings)
        if not dry_run:
            result.rebuilt = _follow_release(project, prepared, result, progress)
    return result


def release_paths(project: Project, name: str, version: str, package: Path) -> list[str]:
    """The project paths a release of `package` writes: its folder's files, its zip, the index, the
    changelog, the citation files, the README's block and the rebuilt datapackage/."""
    releases = project.rel(project.releases_dir)
    inside = sorted({p.relative_to(package).as_posix() for p in package.rglob("*") if p.is_file()} | {"SHA256SUMS"})
    outside = [f"{releases}/{name}-{version}.zip", f"{releases}/index.json", f"{releases}/{CHANGELOG}",
               "CITATION.cff", ".zenodo.json"]
    if (project.root / "README.md").is_file():
        outside.append("README.md")
    rebuilt = [f"{project.rel(project.package_dir)}/", f"docs/{DICTIONARY}"]
    return [f"{releases}/{version}/{p}" for p in inside] + outside + rebuilt


def _follow_release(project: Project, prepared: Prepared, result: ReleaseResult, progress=None) -> str | None:
    """datapackage/ as `prisoner-data build` now writes it (the development version after the release), from
    the tables the release was just checked with: not loaded or checked a second time, as only its version
    and documents differ. Its version, or None (with a warning) when it could not be written."""
    try:
        _write_development(project, prepared, project.package_dir, check=lambda descriptor: [], dictionary=True,
                           progress=progress)
    except OSError as exc:
        result.warnings.append(f"released, but datapackage/ could not be rebuilt ({exc}): run `prisoner-data build`")
        return None
    return development_version(project, prepared.contract.metadata)


def validate_path(path: str | Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, html: Path | None = None,
                  trusted: bool = False, engine: str = "pyarrow") -> Report:
    """Validate whatever `path` is with the named engine; with `html`, also run the expectations and
    write Data Docs there."""
    path = Path(path)
    if path.is_file() and path.suffix.lower() == ".zip":
        return validate_zip(path, max_bytes=max_bytes, html=html, engine=engine)
    if path.is_file() and path.suffix == ".json":
        return validate_descriptor(path, max_bytes, html, trusted, engine)
    if path.is_dir() and (path / "seeds").is_dir():
        return validate_project(path, max_bytes=max_bytes, html=html, engine=engine)
    if path.is_dir() and (path / "datapackage.json").is_file():
        return validate_descriptor(path / "datapackage.json", max_bytes, html, trusted, engine)
    raise ProjectError("not a project (no seeds/) and not a built package (no datapackage.json)", path=path,
                       hint="name a project with --project, or a package directory, datapackage.json or release zip")


def validate_changes(path: str | Path, base: str, **options) -> tuple[Report, set[str]]:
    """`prisoner-data validate --changed-since BASE`: the report, and the files the contribution changes.

    Steps:
      1. the files changed since `base` (committed since the merge base, or not committed yet);
      2. validate the path as `validate_path` does, with `options`;
      3. annotate on each change the problems it causes in files the contribution does not change.
    """
    from .contribute.changes import attribute_causes, changed_files

    contributed = changed_files(Path(path), base)
    report = validate_path(path, **options)
    if (Path(path) / "seeds").is_dir():
        attribute_causes(Path(path), base, report, contributed)
    return report, contributed


def validate_project(root: Path, *, max_bytes: int | None = DEFAULT_MAX_BYTES, html: Path | None = None,
                     engine: str = "pyarrow") -> Report:
    """Check a contribution: the seeds with file and line, the schemas, and the package they build.

    Steps:
      1. load the contract (schemas/) and check each table schema against the Table Schema spec;
      2. load, reconcile and lint the seeds and build their tables (`compile_dataset`), stopping at errors;
      3. write the package they make into a temporary folder, with its data dictionary;
      4. check it as `validate` checks any package (and its expectations, with `html`), each problem
         labelled as one of the built package.
    """
    warm()  # frictionless's checks, in a child that imports it while the contract is read
    project = open_project(root)
    report = Report()
    contract = load_contract(project, report)
    schema_check = _check_schemas(project, contract)
    placed = len(report.issues)
    try:
        compiled = compile_dataset(project, report, schemas=contract.schemas if contract else None)
    finally:
        report.issues[placed:placed] = schema_check.result()  # in the order the steps run
    if compiled is None or contract is None or not report.valid:
        return report
    staging = Path(tempfile.mkdtemp(prefix="prisoner-data-validate-"))
    try:
        write_package(staging, compiled, contract, project.schemas / "expectations.json",
                      {"data-dictionary.md": render_dictionary(project, contract)})
        built = validate_descriptor(staging / "datapackage.json", max_bytes, html, False, engine)
        report.extend(_as_built(issue) for issue in built.issues)
    finally:
        remove_tree(staging)
    return report


def _as_built(issue: Issue) -> Issue:
    """Problems found in the package the seeds build are labelled as such."""
    return replace(issue, message=f"(in the package built from the seeds) {issue.message}")


def _check_schemas(project, contract):
    """Start checking each table schema against the Table Schema spec (the toolkit's own checks ran as it
    was read): in a child interpreter while the seeds are read (`validate.spec`). The future's result is
    the list of Issues."""
    from .validate.spec import check_schemas
    from .workers import background

    schemas = {project.rel(project.schemas / f"{name}.schema.json"): dict(schema)
               for name, schema in (contract.schemas.items() if contract else ())}
    return check_schemas(schemas, background("schemas"))


def download_release(source: str | None = None, **options) -> "Downloaded":
    """Download a published release, verify every byte, check it, and only then place it.

    Steps (`publish.download.fetch_release` has them in full):
      1. resolve SOURCE (default: the canonical index) to a release, through its index or zip;
      2. read datapackage.json and SHA256SUMS within bounds and fix what may be fetched;
      3. lock the target; serve a cached copy whose every file still matches, or fetch each file
         into staging, checking its size and hashes;
      4. check the package as `validate` checks one (`validate_package`), every promised resource too;
      5. cache it and move it into place in one rename.
    `options` are fetch_release's: version, to, trusted, progress, use_cache, timeout, archive.
    """
    from .publish.download import fetch_release  # urllib, ssl and the rest only where something is fetched

    warm()  # the check's frictionless child imports while the files arrive
    return fetch_release(source, check=validate_package, **options)


def list_conflicts(path: str | Path = ".") -> list[dict]:
    """Conflict rows of a package directory, a datapackage.json, or a project (reconciled in memory)."""
    return read_conflicts(path)[0]


CURATOR_ISSUES = ("stale-decision", "probable-variant")
"""What only a curator settles: a decision that matches nothing any more, and a spelling the registry does
not list but that is close to a known name (the same entity, to list as an alias or misspelling, or
another one to register)."""


def curator_queue(path: str | Path = ".") -> tuple[list[dict], list]:
    """What awaits a maintainer: the open conflicts of any severity no curator has reviewed (see
    `needing_review`), and, for a project, the Issues only a curator settles (CURATOR_ISSUES). A project
    whose only errors are unlisted spellings cannot be reconciled until they are settled: its queue is
    those spellings."""
    try:
        rows, report = read_conflicts(path)
    except InvalidData as exc:
        if not exc.report.errors or any(i.type not in CURATOR_ISSUES for i in exc.report.errors):
            raise
        rows, report = [], exc.report
    waiting = [i for i in report.issues if i.type in CURATOR_ISSUES] if report else []
    return needing_review(rows), waiting


def read_conflicts(path: str | Path = ".") -> tuple[list[dict], Report | None]:
    """Conflict rows, and for a project the report of reconciling it (its warnings about decisions)."""
    path = Path(path)
    descriptor = path if path.suffix == ".json" else path / "datapackage.json"
    if descriptor.is_file():
        return package_conflicts(descriptor), None
    if not (path / "seeds").is_dir():
        raise ProjectError("not a project (no seeds/) and not a built package (no datapackage.json)", path=path,
                           hint="name a project with --project, or a package directory or datapackage.json")
    report = Report()
    compiled = compile_dataset(open_project(path), report)
    if compiled is None:
        raise InvalidData("the project has errors; run `prisoner-data validate` for the list", report)
    lists = ("values", "claim_ids", "source_ids", "origins", "unreviewed_claims")
    return [{k: ([] if v is None and k in lists else v) for k, v in row.items()}
            for row in compiled.tables["conflicts"]], report
