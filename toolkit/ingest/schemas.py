"""The published contract in schemas/: package metadata, table schemas and the expectation suite.

Read strictly: every key must be one the Table Schema spec (or this toolkit)
knows, so a misspelt `primarykey` or `contraints` is an error with its line
and the key it was probably meant to be, not a silently ignored rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..project import Project
from ..report import Report
from .jsonio import load_json, walk_duplicates
from .yamlio import (LineDict, check_texts, load_yaml, nearest_hint, outside_project, report_duplicate_keys,
                     report_unknown_keys, short)

if TYPE_CHECKING:  # the typed models (pydantic) are imported where they are used: checking a package needs none
    from .models import PackageMeta

SCHEMA_KEYS = {"$schema", "fields", "primaryKey", "foreignKeys", "missingValues", "uniqueKeys", "fieldsMatch",
               "title", "description", "name"}
FIELD_KEYS = {"name", "title", "description", "example", "type", "format", "constraints", "rdfType",
              "missingValues", "delimiter", "itemType", "trueValues", "falseValues", "bareNumber", "groupChar",
              "decimalChar", "categories", "categoriesOrdered"}
CONSTRAINT_KEYS = {"required", "unique", "minimum", "maximum", "minLength", "maxLength", "pattern", "enum"}
"""The constraints every validation engine enforces; others would be silently ignored, so they are refused."""
FOREIGN_KEY_KEYS = {"fields", "reference"}
REFERENCE_KEYS = {"resource", "fields"}
FIELD_TYPES = ("string", "integer", "number", "boolean", "date", "list")
"""The field types the writer, the Parquet copies and every validation engine support."""
MAX_FIELDS = 500
"""Most fields a table may have; far beyond the widest table, and a bound on what validation reads."""
SUITE_KEYS = {"description", "suites"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EXPECTATION_KEYS = {"type", "kwargs", "meta"}


@dataclass
class Contract:
    """What schemas/ promises: descriptor metadata and one table schema per resource, in order."""

    metadata: "PackageMeta"
    schemas: dict[str, dict]


def load_contract(project: Project, report: Report) -> Contract | None:
    """Read schemas/package.yaml, every table schema it names and the suite; None (with issues) if any is unusable."""
    errors = len(report.errors)
    metadata = load_metadata(project, report)
    if metadata is None:
        return None
    schemas = {}
    for name in metadata.resources:
        schema = load_table_schema(project, name, report, metadata)
        if schema is not None:
            schemas[name] = schema
    _check_references(project, schemas, metadata.resources, report)
    suite = load_suite(project, report)
    if isinstance(suite, LineDict) and isinstance(suite.get("suites"), LineDict):
        display = project.rel(project.schemas / "expectations.json")
        for resource in suite["suites"]:
            if resource not in metadata.resources:
                report.add("unknown-resource", f"the suite checks resource '{resource}', which schemas/package.yaml "
                           "does not list", file=display, line=suite["suites"].line_of(resource),
                           hint=nearest_hint(str(resource), metadata.resources))
        _check_vocabularies(suite, schemas, report, display)
    if len(schemas) != len(metadata.resources) or len(report.errors) > errors:
        return None
    return Contract(metadata, schemas)


def _check_vocabularies(suite: LineDict, schemas: dict, report: Report, display: str) -> None:
    """One vocabulary per enumerated field: an expectation that a column's values are in a set must name
    exactly the values its table schema's `enum` allows (the schema is the contract; a second list kept
    by hand drifts, as conflicts.kind once did)."""
    for resource, expectations in suite["suites"].items():
        fields = {f.get("name"): f for f in (schemas.get(resource) or {}).get("fields", []) if isinstance(f, dict)}
        for entry in expectations if isinstance(expectations, list) else []:
            kwargs = entry.get("kwargs") if isinstance(entry, dict) else None
            if not isinstance(kwargs, dict) or entry.get("type") != "expect_column_values_to_be_in_set":
                continue
            enum = ((fields.get(kwargs.get("column")) or {}).get("constraints") or {}).get("enum")
            values = kwargs.get("value_set")
            if not isinstance(enum, list) or not isinstance(values, list):
                continue  # a parameter ({"$PARAMETER": ...}) or a column without an enum
            missing, extra = sorted(set(enum) - set(values), key=str), sorted(set(values) - set(enum), key=str)
            if missing or extra:
                said = "; ".join(part for part in (f"it lacks {', '.join(map(str, missing))}" if missing else "",
                                                   f"the schema does not allow {', '.join(map(str, extra))}" if extra
                                                   else "") if part)
                report.add("vocabulary-mismatch", f"the suite's value set of {resource}.{kwargs.get('column')} is "
                           f"not the schema's enum: {said}", file=display, line=getattr(kwargs, "line_of",
                           lambda k: None)("value_set") or getattr(entry, "line", None), resource=resource,
                           field=kwargs.get("column"), hint=f"copy the enum of {resource}.schema.json into the "
                                                            "value_set (the schema is the contract)")


@dataclass(frozen=True)
class ForeignKey:
    """A foreign key of a checked table schema, its field lists as lists (the spec allows one name)."""

    fields: list[str]
    resource: str  # the referenced resource (the table itself when the reference names none)
    reference: list[str]
    line: int | None


def foreign_keys(name: str, schema: dict) -> list[ForeignKey]:
    """The foreign keys of table `name`, whose schema `check_table_schema` passed."""
    def listed(value) -> list[str]:
        return [value] if isinstance(value, str) else list(value)

    return [ForeignKey(listed(fk["fields"]), fk["reference"].get("resource") or name,
                       listed(fk["reference"]["fields"]), getattr(fk, "line", None))
            for fk in schema.get("foreignKeys") or []]


def _check_references(project: Project, schemas: dict, listed, report: Report) -> None:
    """Each foreign key references a listed resource by its primary key (as the SQLite database
    declares it, and as a key a reference can rely on)."""
    for name, schema in schemas.items():
        display = project.rel(project.schemas / f"{name}.schema.json")
        for fk in foreign_keys(name, schema):
            target, wanted = fk.resource, set(fk.reference)
            if target not in listed:
                report.add("invalid-schema", f"a foreign key references resource '{target}', which "
                           "schemas/package.yaml does not list", file=display, line=fk.line,
                           hint=nearest_hint(target, list(listed)))
                continue
            if target not in schemas:
                continue  # its own schema is unusable, and says why
            key = schemas[target].get("primaryKey", [])
            key = {key} if isinstance(key, str) else set(key)
            if wanted != key:
                report.add("invalid-schema", f"a foreign key references {sorted(wanted)} of '{target}', which is not "
                           f"its primary key {sorted(key)}", file=display, line=fk.line,
                           hint="reference the resource's primary key")


def load_metadata(project: Project, report: Report) -> "PackageMeta | None":
    path = project.schemas / "package.yaml"
    display = project.rel(path)
    if not path.is_file():
        report.add("missing-file", f"{display} is missing", file=display,
                   hint="schemas/package.yaml names the package and lists its resources")
        return None
    if outside_project(project, path, report):
        return None
    raw = load_yaml(path, report, display)
    if raw is None:
        return None
    if not isinstance(raw, LineDict):
        report.add("invalid-metadata", f"{display} must be a mapping", file=display, line=1)
        return None
    report_duplicate_keys(raw, report, display)
    from .models import PackageMeta, parse_entry

    metadata = parse_entry(PackageMeta, raw, report, display)
    if metadata is not None:
        metadata._lines.update(raw.key_lines)
    return metadata


def load_table_schema(project: Project, name: str, report: Report, metadata=None) -> dict | None:
    """One table schema, checked key by key; None when it cannot be used."""
    path = project.schemas / f"{name}.schema.json"
    display = project.rel(path)
    if not path.is_file():
        listing = project.rel(project.schemas / "package.yaml")
        report.add("missing-file", f"{listing} lists resource '{name}', but {display} does not exist",
                   file=listing, line=metadata.line_of("resources") if metadata else None, field="resources",
                   value=name, hint="add the table schema, or remove the resource from schemas/package.yaml")
        return None
    if outside_project(project, path, report):
        return None
    schema = load_json(path, report, display)
    if schema is None:
        return None
    before = len(report.errors)
    check_table_schema(schema, report, display)
    return schema if len(report.errors) == before else None


def check_table_schema(schema, report: Report, display: str) -> None:
    """Keys, field types, constraints and key references of one table schema, every problem with its line."""
    if not isinstance(schema, LineDict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
        report.add("invalid-schema", f"{display}: a table schema needs a non-empty 'fields' list", file=display,
                   line=getattr(schema, "line", 1))
        return
    walk_duplicates(schema, report, display)
    report_unknown_keys(schema, SCHEMA_KEYS, report, display)
    _check_texts(schema, ("title", "description", "name", "$schema"), report, display, "")
    fields = schema["fields"]
    if len(fields) > MAX_FIELDS:
        report.add("too-many-fields", f"{display} has {len(fields)} fields; at most {MAX_FIELDS} are supported",
                   file=display, line=schema.line_of("fields"))
        return
    names = []
    for position, field in enumerate(fields, 1):
        if not isinstance(field, LineDict) or not isinstance(field.get("name"), str) or not field["name"]:
            report.add("invalid-schema", f"field #{position} needs a name", file=display,
                       line=getattr(field, "line", schema.line_of("fields")), field="fields")
            continue
        names.append(field["name"])
        _check_field(field, report, display)
    if len(set(names)) != len(names):
        report.add("invalid-schema", f"{display} names a field twice", file=display, line=schema.line_of("fields"))
    _check_keys(schema, set(names), report, display)


def _check_field(field: LineDict, report: Report, display: str) -> None:
    where = f" of field '{field['name']}'"
    report_unknown_keys(field, FIELD_KEYS, report, display, where)
    _check_texts(field, ("title", "description", "format", "rdfType"), report, display, where)
    kind = field.get("type")
    if kind not in FIELD_TYPES:
        report.add("unsupported-type", f"field '{field['name']}' has type {short(kind, 40)!r}; the toolkit writes and "
                   f"checks {', '.join(FIELD_TYPES)}", file=display, line=field.line_of("type"), field="type")
        return
    if kind == "list" and (not isinstance(field.get("delimiter", ","), str) or len(field.get("delimiter", ",")) != 1):
        report.add("invalid-schema", f"the delimiter{where} must be one character", file=display,
                   line=field.line_of("delimiter"), field="delimiter")
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        report.add("invalid-schema", f"constraints{where} must be an object", file=display,
                   line=field.line_of("constraints"), field="constraints")
        return
    report_unknown_keys(constraints, CONSTRAINT_KEYS, report, display, f" in the constraints{where}")
    for key, value in constraints.items():
        problem = _constraint_problem(key, value, kind)
        if problem:
            line = constraints.line_of(key) if isinstance(constraints, LineDict) else field.line
            report.add("invalid-constraint", f"constraint '{key}'{where} {problem}", file=display, line=line,
                       field=str(key), value=short(value))


def _check_texts(node: LineDict, keys, report: Report, display: str, where: str) -> None:
    for key in keys:
        if key in node and not isinstance(node[key], str):
            report.add("invalid-schema", f"'{key}'{where} must be text", file=display, line=node.line_of(key),
                       field=key, value=short(node[key]))
    # what reaches the README, the data dictionary and datasette: one line (a description may break lines)
    check_texts(node, report, display, frozenset({"description"}), keys=keys)


def _constraint_problem(key: str, value, kind: str) -> str | None:
    """Why a constraint's value cannot be enforced, or None."""
    def number(v):
        return isinstance(v, (int, float)) and not isinstance(v, bool)

    if key in ("required", "unique"):
        return None if isinstance(value, bool) else "must be true or false"
    if key in ("minLength", "maxLength"):
        return None if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
            else "must be a whole number ≥ 0"
    if key in ("minimum", "maximum"):
        if kind == "integer":
            whole = isinstance(value, int) and not isinstance(value, bool)
            return None if whole and INT64[0] <= value <= INT64[1] else "must be a whole number a 64-bit integer holds"
        if kind == "number":
            return None if number(value) and _as_float(value) is not None else "must be a number"
        if kind == "date":
            return None if isinstance(value, str) and DATE.match(value) and _real_date(value) \
                else "must be a real date YYYY-MM-DD"
        return f"does not apply to a {kind} field"
    if key == "enum":
        if not isinstance(value, list) or not value:
            return "must be a non-empty list"
        allowed = (str,) if kind in ("string", "list", "date") else (int, float) if kind != "boolean" else (bool,)
        return None if all(isinstance(v, allowed) and not (isinstance(v, bool) and bool not in allowed)
                           for v in value) else f"must list {kind} values"
    if key == "pattern":
        return _pattern_problem(value)
    return None


INT64 = (-(1 << 63), (1 << 63) - 1)  # integer fields are 64-bit in every format the toolkit writes


def _as_float(value) -> float | None:
    try:
        return float(value)
    except OverflowError:
        return None


def _real_date(text: str) -> bool:
    import datetime as dt

    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _pattern_problem(value) -> str | None:
    if not isinstance(value, str):
        return "must be a regular expression"
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        # the engine's own syntax (RE2), on one null: pyarrow compiles no pattern for an empty column
        pc.match_substring_regex(pa.nulls(1, pa.string()), value)
    except (pa.ArrowInvalid, ValueError) as exc:
        return f"is not a regular expression the validator can run ({' '.join(str(exc).split())[:80]})"
    return None


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
        ref_fields = fk["reference"].get("fields")
        ref_fields = [ref_fields] if isinstance(ref_fields, str) else ref_fields
        if not isinstance(fk["reference"].get("resource", ""), str) or not isinstance(ref_fields, list) \
                or not ref_fields or not all(isinstance(f, str) for f in ref_fields):
            report.add("invalid-schema", "a foreign key reference needs a resource name and its fields",
                       file=display, line=fk["reference"].line)
            continue
        report_unknown_keys(fk, FOREIGN_KEY_KEYS, report, display, " of a foreign key")
        report_unknown_keys(fk["reference"], REFERENCE_KEYS, report, display, " of a foreign key reference")
        fields = [fk.get("fields")] if isinstance(fk.get("fields"), str) else fk.get("fields")
        if not isinstance(fields, list) or not all(isinstance(f, str) and f in names for f in fields):
            report.add("invalid-schema", f"foreign key fields {fields!r} must name fields of the table",
                       file=display, line=fk.line)
        elif len(set(fields)) != len(fields) or len(set(ref_fields)) != len(ref_fields) \
                or len(fields) != len(ref_fields):
            report.add("invalid-schema", f"foreign key fields {fields!r} must be distinct and as many as the "
                       f"fields they reference {ref_fields!r}", file=display, line=fk.line)


def load_suite(project: Project, report: Report):
    """schemas/expectations.json, with its keys checked; None when absent or unusable."""
    path = project.schemas / "expectations.json"
    if not path.is_file() or outside_project(project, path, report):
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
                           line=getattr(entry, "line", suite["suites"].line_of(resource)))
                continue
            report_unknown_keys(entry, EXPECTATION_KEYS, report, display, f" in an expectation of '{resource}'")
