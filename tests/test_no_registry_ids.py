"""Rules and stages work for any registry: no module of toolkit/ names an id from seeds/registry.yaml."""

from __future__ import annotations

import ast
import re

import pytest
import yaml

from .conftest import FIXTURE_PROJECT, ROOT

pytestmark = pytest.mark.live  # the ids of the live registry, whatever it has grown to

IDS = {entry["id"] for registry in (ROOT / "seeds/registry.yaml", FIXTURE_PROJECT / "seeds/registry.yaml")
       for entries in yaml.safe_load(registry.read_text()).values() for entry in entries or []}
"""The live registry's ids (whatever it has grown to) and the suite's own."""


def named_ids(source: str) -> list[tuple[int, str]]:
    """(line, id) for each string constant that is an id, or holds a hyphenated id as a word."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            words = set(re.findall(r"(?<![\w-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])", node.value))
            for entity_id in sorted({node.value} & IDS | words & IDS):
                found.append((node.lineno, entity_id))
    return found


def test_the_check_finds_an_id_where_one_is_named():
    assert named_ids('ROOT = "all-released"\nx = f"{a} political-prisoners"\n') == [
        (1, "all-released"), (2, "political-prisoners")]
    assert named_ids('text = "Belarus and the prisoners"\n') == []


def test_no_module_of_the_toolkit_names_a_registry_id():
    offenders = [f"{path.relative_to(ROOT)}:{line}: {entity_id}"
                 for path in sorted((ROOT / "toolkit").rglob("*.py"))
                 for line, entity_id in named_ids(path.read_text(encoding="utf-8"))]
    assert offenders == []
