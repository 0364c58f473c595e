"""The data dictionary in docs/, generated from schemas/ so it cannot drift from the contract."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..project import Project
from ..values import QUALIFIER_MEANINGS


def render_dictionary(project: Project, contract=None) -> str:
    """Markdown: every resource and field of the package, then the claim vocabulary."""
    if contract is None:
        contract = _contract(project)
    lines = ["# Data dictionary", "",
             "Generated from `schemas/` by `prisoner-data build --dictionary`; do not edit by hand.", "",
             contract.metadata.description.strip(), ""]
    for name, schema in contract.schemas.items():
        lines += _resource(name, schema)
    lines += _vocabulary(project)
    return "\n".join(lines).rstrip() + "\n"


def _resource(name: str, schema: dict) -> list[str]:
    key = ", ".join(schema.get("primaryKey", []))
    lines = [f"## {name}", "", schema.get("description", ""), "", f"Primary key: `{key}`", ""]
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        lines.append(f"- `{', '.join(fk['fields'])}` → `{ref.get('resource') or name}.{', '.join(ref['fields'])}`")
    lines += ["", "| field | type | required | constraints | description |", "|---|---|---|---|---|"]
    for field in schema["fields"]:
        constraints = dict(field.get("constraints", {}))
        required = "yes" if constraints.pop("required", False) else ""
        if field["type"] == "list":
            constraints["delimiter"] = field.get("delimiter", ",")
        shown = "; ".join(f"{k}: {v if not isinstance(v, list) else ', '.join(map(str, v))}"
                          for k, v in constraints.items())
        cells = [f"`{field['name']}`", field["type"], required, shown, field.get("description", "")]
        lines.append(_row(cells))
    return lines + [""]


def _vocabulary(project: Project) -> list[str]:
    props = yaml.safe_load(project.properties.read_text(encoding="utf-8"))["properties"]
    lines = ["## Claim properties", "", "What a claim may assert (`schemas/properties.yaml`).", "",
             "Values: a single-valued property (`one`) has one true value, so two values that differ are rival "
             "answers and a conflict; a property that can hold several true values (`many`: a release's envoys, "
             "a person's roles and sentences) keeps each value with its claims, and the conflicts resource "
             "lists them as one explained row of kind `several_values`. The last column says why.", "",
             "| property | subject | value | scope / population | maximum | flags | meaning | values |",
             "|---|---|---|---|---|---|---|---|"]
    for name, prop in props.items():
        value = prop["type"] + (f" ({prop['entity']})" if prop.get("entity") else "")
        extra = ", ".join(x for x in (
            f"scope: {prop['scope']}" + (" (required)" if prop.get("scope_required") else "") if prop.get("scope") else "",
            "population" if prop.get("population") else "") if x)
        flags = ", ".join(x for x in ("dated" if prop.get("dated") else "", "ages" if prop.get("ages") else "",
                                      "before release" if prop.get("before_release") else "",
                                      f"counts group {prop['group']}" if prop.get("group") else "") if x)
        values = prop.get("values", "one") + (f": {' '.join(prop['why'].split())}" if prop.get("why") else "")
        lines.append(_row([f"`{name}`", prop["subject"], value, extra, str(prop.get("maximum", "")), flags,
                           " ".join(prop["description"].split()), values]))
    lines += ["", "## Qualifiers", "",
              "How a count or date bounds the truth; two claims agree when their intervals share a point.", "",
              "| value | qualifier | means |", "|---|---|---|"]
    lines += [_row([kind, f"`{name}`", meaning]) for (kind, name), meaning in QUALIFIER_MEANINGS.items()]
    return lines


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"


def _contract(project: Project):
    from ..errors import InvalidData
    from ..ingest.schemas import load_contract
    from ..report import Report

    report = Report()
    contract = load_contract(project, report)
    if contract is None:
        raise InvalidData("schemas/ has errors; run `prisoner-data validate`", report)
    return contract


def write_dictionary(project: Project) -> Path:
    path = project.root / "docs" / "data-dictionary.md"
    path.parent.mkdir(exist_ok=True)
    path.write_text(render_dictionary(project), encoding="utf-8")
    return path
