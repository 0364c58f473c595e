"""Build, check, publish and fetch the Belarus prisoner-release data package.

Modules, one per pipeline stage:
  sources    load and verify the articles against the manifest
  entities   the registry: aliases, place and group hierarchy, resolution, near misses
  claims     parse claims, locate quotes, typed values and qualifiers
  reconcile  compare claims, cross-field rules, conflicts, resolved values
  tables     resolved tables from reconciled claims
  package    write CSV + Parquet + datapackage.json, deterministically and atomically
  validate/  frictionless, pandera and expectations adapters -> one Report of Issues
  release    versions, changelog, checksums, index
  download   fetch, verify, move into place
  report     Issue and Report: invalid data as data
  errors     the one exception tree (failures of the tool itself)
  cli/       one file per command
"""

__version__ = "0.1.0"
