"""The published contract in schemas/: package metadata, table schemas and the expectation suite.

Read strictly: every key must be one the Table Schema spec (or this toolkit)
knows, so a misspelt `primarykey` or `contraints` is an error with its line
and the key it was probably meant to be, not a silently ignored rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError

from ..project import Project
from ..report import Report
from .jsonio import load_json, walk_duplicates
from .models import PackageMeta, issues_from_validation
from .yamlio import LineDict, load_yaml, report_duplicate_keys, report_unknown_keys

SCHEMA_KEYS = {"$schema", "fields", "primaryKey", "foreignKeys", "missingValues", "uniqueKeys", "fieldsMatch",
               "title", "description", "name"}
FIELD_KEYS = {"name", "title", "description", "example", "type", "format", "constraints", "rdfType",
              "missingValues", "delimiter", "itemType", "trueValues", "falseValues", "bareNumber", "groupChar",
              "decimalChar", "categories", "categoriesOrdered"}
CONSTRAINT_KEYS = {"required", "unique", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength",
                   "maxLength", "pattern", "enum", "jsonSchema"}
FOREIGN_KEY_KEYS = {"fields", "reference"}
REFERENCE_KEYS = {"resource", "fields"}
FIELD_TYPES = ("string", "integer", "number", "boolean", "date", "list")
"""The field types the writer, the Parquet copies and every validation engine support."""
MAX_FIELDS = 500
"""Most fields a table may have; far beyond the widest table, and a bound on what validation reads."""
SUITE_KEYS = {"description", "suites"}
EXPECTATION_KEYS = {"type", "kwargs", "meta"}


@dataclass
class Contract:
    """What schemas/ promises: descriptor metadata and one table schema per resource, in order."""

    metadata: PackageMeta
    schemas: dict[str, dict]


def load_contract(project: Project, report: Report) -> Contract | None:
    """Read schemas/package.yaml and every table schema it names; None (with issues) if any is unusable."""
    metadata = load_metadata(project, report)
    if metadata is None:
        return None
    schemas = {}
    for name in metadata.resources:
        schema = load_table_schema(project, name, report)
        if schema is not None:
            schemas[name] = schema
    if len(schemas) != len(metadata.resources):
        return None
    return Contract(metadata, schemas)


def load_metadata(project: Project, report: Report) -> PackageMeta | None:
    path = project.schemas / "package.yaml"
    display = project.rel(path)
    if not path.is_file():
        report.add("missing-file", f"{display} is missing", file=display,
                   hint="schemas/package.yaml names the package and lists its resources")
        return None
    raw = load_yaml(path, report, display)
    if raw is None:
        return None
    if not isinstance(raw, LineDict):
        report.add("invalid-metadata", f"{display} must be a mapping", file=display, line=1)
        return None
    report_duplicate_keys(raw, report, display)
    try:
        return PackageMeta(**raw)
    except ValidationError as exc:
        issues_from_validation(exc, raw, report, display)
    except TypeError:
        report.add("invalid-metadata", f"{display} has keys that are not text", file=display, line=raw.line)
    return None


def load_table_schema(project: Project, name: str, report: Report) -> dict | None:
    """One table schema, checked key by key; None when it cannot be used."""
    path = project.schemas / f"{name}.schema.json"
    display = project.rel(path)
    if not path.is_file():
        report.add("missing-file", f"{display} is missing: schemas/package.yaml lists resource '{name}'",
                   file=display, hint="add the table schema, or remove the resource from schemas/package.yaml")
        return None
    schema = load_json(path, report, display)
    if schema is None:
        return None
    before = len(report.errors)
    check_table_schema(schema, report, display)
    return schema if len(report.errors) == before else None


def check_table_schema(schema, report: Report, display: str) -> None:
    """Keys, field types and key references of one table schema, every problem with its line."""
    if not isinstance(schema, LineDict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
        report.add("invalid-schema", f"{display} needs a non-empty 'fields' list", file=display,
                   line=getattr(schema, "line", 1))
        return
    walk_duplicates(schema, report, display)
    report_unknown_keys(schema, SCHEMA_KEYS, report, display)
    fields = schema["fields"]
    if len(fields) > MAX_FIELDS:
        report.add("too-many-fields", f"{display} has {len(fields)} fields; at most {MAX_FIELDS} are supported",
                   file=display, line=schema.line_of("fields"))
        return
    names = []
    for field in fields:
        if not isinstance(field, LineDict) or not isinstance(field.get("name"), str):
            report.add("invalid-schema", "each field needs a name", file=display, line=getattr(field, "line", None))
            continue
        names.append(field["name"])
        where = f" of field '{field['name']}'"
        report_unknown_keys(field, FIELD_KEYS, report, display, where)
        if field.get("type") not in FIELD_TYPES:
            report.add("unsupported-type", f"field '{field['name']}' has type {field.get('type')!r}; the toolkit "
                       f"writes and checks {', '.join(FIELD_TYPES)}", file=display, line=field.line_of("type"),
                       field="type")
        constraints = field.get("constraints", {})
        if not isinstance(constraints, dict):
            report.add("invalid-schema", f"constraints{where} must be an object", file=display,
                       line=field.line_of("constraints"))
        else:
            report_unknown_keys(constraints, CONSTRAINT_KEYS, report, display, f" in the constraints{where}")
    if len(set(names)) != len(names):
        report.add("invalid-schema", f"{display} names a field twice", file=display, line=schema.line_of("fields"))
    _check_keys(schema, set(names), report, display)


def _check_keys(schema: LineDict, names: set[str], report: Report, display: str) -> None:
    key = schema.get("primaryKey", [])
    key = [key] if isinstance(key, str) else key
    if not isinstance(key, list) or not all(isinstance(k, str) and k in names for k in key):
        report.add("invalid-schema", f"primaryKey {key!r} must name fields of the table", file=display,
                   line=schema.line_of("primaryKey"), field="primaryKey")
    foreign = schema.get("foreignKeys", [])
    if not isinstance(foreign, list):
        report.add("invalid-schema", "foreignKeys must be a list", file=display, line=schema.line_of("foreignKeys"))
        return
    for fk in foreign:
        if not isinstance(fk, LineDict) or not isinstance(fk.get("reference"), LineDict):
            report.add("invalid-schema", "each foreign key needs fields and a reference", file=display,
                       line=getattr(fk, "line", schema.line_of("foreignKeys")))
            continue
        report_unknown_keys(fk, FOREIGN_KEY_KEYS, report, display, " of a foreign key")
        report_unknown_keys(fk["reference"], REFERENCE_KEYS, report, display, " of a foreign key reference")
        fields = [fk.get("fields")] if isinstance(fk.get("fields"), str) else fk.get("fields")
        if not isinstance(fields, list) or not all(isinstance(f, str) and f in names for f in fields):
            report.add("invalid-schema", f"foreign key fields {fields!r} must name fields of the table",
                       file=display, line=fk.line)


def load_suite(project: Project, report: Report):
    """schemas/expectations.json, with its keys checked; None when absent or unusable."""
    path = project.schemas / "expectations.json"
    if not path.is_file():
        return None
    display = project.rel(path)
    suite = load_json(path, report, display)
    if suite is None:
        return None
    check_suite(suite, report, display)
    return suite


def check_suite(suite, report: Report, display: str) -> None:
    """The suite file's shape: {description, suites: {resource: [{type, kwargs, meta}]}}."""
    if not isinstance(suite, LineDict) or not isinstance(suite.get("suites"), dict):
        report.add("invalid-suite", f"{display} needs a 'suites' object", file=display, line=1)
        return
    walk_duplicates(suite, report, display)
    report_unknown_keys(suite, SUITE_KEYS, report, display)
    for resource, expectations in suite["suites"].items():
        if not isinstance(expectations, list):
            report.add("invalid-suite", f"the suite of '{resource}' must be a list", file=display,
                       line=suite["suites"].line_of(resource))
            continue
        for entry in expectations:
            if not isinstance(entry, LineDict) or not isinstance(entry.get("type"), str):
                report.add("invalid-suite", f"each expectation of '{resource}' needs a type", file=display,
                           line=getattr(entry, "line", None))
                continue
            report_unknown_keys(entry, EXPECTATION_KEYS, report, display, f" in an expectation of '{resource}'")
