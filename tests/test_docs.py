"""docs/ stays true to schemas/: the data dictionary is generated, and a stale copy fails here."""

from __future__ import annotations

import pytest

from toolkit.contribute.dictionary import render_dictionary
from toolkit.project import open_project

from .conftest import ROOT


@pytest.mark.live
def test_data_dictionary_is_up_to_date():
    expected = render_dictionary(open_project(ROOT))
    actual = (ROOT / "docs/data-dictionary.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/data-dictionary.md is stale: run `make build` and commit it"


@pytest.mark.live
def test_data_dictionary_covers_every_field_and_property():
    import json

    import yaml

    text = (ROOT / "docs/data-dictionary.md").read_text(encoding="utf-8")
    for path in (ROOT / "schemas").glob("*.schema.json"):
        assert f"## {path.name.split('.')[0]}" in text
        for field in json.loads(path.read_text())["fields"]:
            assert f"`{field['name']}`" in text
    for name in yaml.safe_load((ROOT / "schemas/properties.yaml").read_text())["properties"]:
        assert f"| `{name}` |" in text
