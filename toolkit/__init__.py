"""Build, check, publish and fetch the Belarus prisoner-release data package.

Pipeline stages, one module each:
  sources      load and verify the articles against the manifest
  entities     the registry: aliases, place and group hierarchy, resolution, near misses
  claims       parse claims, locate quotes, typed values and qualifiers
  reconcile    group claims into facts, compare them, conflicts, resolved values
  rules        cross-field rules (destination sums, subgroups, arithmetic, sanction dates)
  decisions    curator decisions that close conflicts
  tables       resolved tables from reconciled claims
  package      write CSV + Parquet + datapackage.json, deterministically and atomically
  validate/    tables (pyarrow), package, pandera_rules, frictionless_check, expectations -> one Report
  release      versions, changelog, checksums, index
  download     fetch, verify, cache, move into place
  diff         schema and row changes between two versions; the version bump they call for
  extract      detect counts, dates and names in an article; draft claims
  coverage     warn about figures no claim cites
  html_report  the self-contained HTML page for readers
  dictionary   docs/data-dictionary.md from schemas/
Support: values (counts as intervals, dates with precision), models (typed inputs), yamlio
(YAML with line numbers), report (Issue and Report), errors (the exception tree), hashing,
project (paths), conflicts (read conflicts for the CLI), rows (read a package's CSV rows),
cli/ (one file per command).
"""

__version__ = "0.1.0"
