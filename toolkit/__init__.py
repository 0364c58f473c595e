"""Build, check, publish and fetch the Belarus prisoner-release data package.

pipeline.py on top: one function per command (compile_dataset, build_package, publish_release,
validate_path, download_release, list_conflicts), each listing its steps in order (load -> reconcile
-> lint -> tables -> write -> check). Nothing below it imports it, and no stage calls another's entry
point: the pipeline hands the validator to the steps that check (stage_package, fetch_release).

Stages, one folder each (one module per step inside), each ignorant of its callers:
  ingest/      yamlio and jsonio (bounded YAML and JSON with lines), models (typed inputs),
               schemas (the contract in schemas/), sources (articles against the manifest),
               entities (registry, hierarchy, resolution, near misses), claims (typed, located),
               decisions (curator decisions), figures (counts, dates and datelines as articles
               write them)
  reconcile/   facts (FactKey, Fact, Conflict: the shared types), compare (one fact's claims),
               rules/ (cross-field rules, one module per family, registered by slug in rules/base),
               curation (decisions applied); reconcile_claims runs them in order
  publish/     tables (resolved rows), package (write a package's files), formats (CSV and
               Parquet files), descriptors (CSV v2, Parquet v2, v1 for R), sqlite (database and
               datasette metadata), documents (the package README), release (the pieces of an
               immutable, journaled version), citation (CITATION.cff, .zenodo.json), fetch (bounded,
               single-origin reads), download (fetch, verify and place), diff (changes and the bump they
               call for), rows and conflicts (read a package)
  validate/    package (descriptors, files, hashes, Parquet twins), engines/ (pyarrow streaming,
               duckdb, spark), cells, rules (pandera), key_checks, parquet, arrowtypes,
               expectations, datadocs (offline) -> one Report; validate_zip (a release zip)
  contribute/  extract/ (draft claims: text, names, context, subjects, and the rules in people,
               releases, counts, sanctions; render), coverage (uncited figures), html_report,
               dictionary, manifest (an entry's size and sha256 recorded anew), changes (what a
               contribution changed, and the problems its changes cause elsewhere)
  cli/         one file per command; the click group and the error -> exit-code edge; common
               (--project, -q/-v, progress), render (reports), reference (docs/cli.md)
Shared kernels: packagefiles (what a package's writer and readers agree on: descriptor names,
SHA256SUMS, the release index), archive (deterministic zips, safe unpacking), values (counts as
intervals, dates with precision), report (Issue and Report), errors (the exception tree), project
(paths, and what lies inside the project), texts (one-line fields, formulas, links; escapes for workflow
output and Markdown), hashing, storage (locks, staging, fsync and atomic swaps), workers (an ordered map that
helper processes share).
"""

__version__ = "0.1.0"
