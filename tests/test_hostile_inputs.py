"""What a hostile pull request puts in the inputs (issue 36): links out of the project. Each is refused
with an error naming file, line and field."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from toolkit.cli import main

CLAIMS = "seeds/claims/fixture-herald-2025-12-14.yaml"


def validate(runner, project):
    result = runner.invoke(main, ["validate", str(project), "--format", "json"])
    assert "Traceback" not in result.output, result.output
    return result, json.loads(result.stdout)


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` with `new`; the line it was on."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def only(report, type_):
    found = [i for i in report["issues"] if i["type"] == type_]
    assert found, [(i["type"], i["message"]) for i in report["issues"]]
    return found


# --- inputs confined to the project -------------------------------------------------------------------------

@pytest.mark.parametrize("inside", ["seeds/manifest.yaml", "seeds/registry.yaml", "seeds/decisions.yaml", CLAIMS,
                                    "seeds/claims", "schemas/properties.yaml", "schemas/package.yaml"])
def test_an_input_that_links_out_of_the_project_is_refused(runner, project, tmp_path_factory, inside):
    outside = tmp_path_factory.mktemp("outside") / Path(inside).name
    os.replace(project / inside, outside)  # the same content, moved out: only where it is differs
    (project / inside).symlink_to(outside)
    result, report = validate(runner, project)
    assert result.exit_code == 1
    found = only(report, "path-outside-project")
    assert [(i["file"], i["line"]) for i in found] == [(inside, 1)], found
    assert str(outside) in found[0]["message"]


def test_a_link_out_through_a_folder_on_the_way_is_refused_too(runner, project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "claims").mkdir()
    os.replace(project / CLAIMS, elsewhere / "claims" / Path(CLAIMS).name)
    (project / "seeds/claims/more").symlink_to(elsewhere / "claims")
    (project / CLAIMS).symlink_to(project / "seeds/claims/more" / Path(CLAIMS).name)  # inside, then out
    result, report = validate(runner, project)
    assert [(i["file"], i["line"]) for i in only(report, "path-outside-project")] == [(CLAIMS, 1)]
