"""Follow CONTRIBUTING.md on a scratch copy of the project: it ends with a valid contribution."""

from __future__ import annotations

import json
import re
import shutil

import yaml

from toolkit.cli import main

from .conftest import FIXTURES, ROOT

SOURCE = "testwire-2025-12-15"


def test_the_steps_in_contributing_end_with_a_green_validate(runner, project):
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    commands = re.findall(r"^prisoner-data .+$", guide, re.M)
    assert any(c.startswith("prisoner-data extract") for c in commands)
    assert "prisoner-data validate" in commands

    # 1. add the article
    article = project / f"seeds/articles/{SOURCE}.txt"
    shutil.copyfile(FIXTURES / "contribution" / f"{SOURCE}.txt", article)
    # 2. draft its claims (the article is not in the manifest yet: the year comes from --year)
    draft_path = project / f"seeds/claims/{SOURCE}.yaml"
    result = runner.invoke(main, ["extract", str(article), "--year", "2025", "--out", str(draft_path),
                                  "--project", str(project)])
    assert result.exit_code == 0, result.output
    draft_text = draft_path.read_text()
    # an unreviewed draft does not pass
    assert runner.invoke(main, ["validate", "--project", str(project)]).exit_code == 1
    # 3. register the source from the stub at the top of the draft
    header = draft_text[draft_text.index("# Add this entry"): draft_text.index("# Draft claims")].splitlines()[1:]
    stub = "\n".join(line[1:] for line in header)
    stub = (stub.replace("OUTLET", "Test Wire").replace("TITLE", "Fixture article")
            .replace('"YYYY-MM-DD"', '"2025-12-15"'))
    manifest = project / "seeds/manifest.yaml"
    manifest.write_text(manifest.read_text() + stub + "\n")
    # 4. review: the draft named every subject; the reviewer checks them and removes the draft mark
    draft = yaml.safe_load(draft_text)
    assert draft["claims"] and all(claim["subject"] != "TODO" for claim in draft["claims"])
    reviewed = draft_text.replace("draft: true\n", "")
    draft_path.write_text(reviewed)
    # 5. validate
    result = runner.invoke(main, ["validate", "--project", str(project), "--format", "json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 0, [i for i in report["issues"] if i["severity"] == "error"]
    properties = {(c["property"], c["value"]) for c in yaml.safe_load(reviewed)["claims"]}
    assert ("released_count", 123) in properties and ("destination_count", 114) in properties
    # 6. rebuild: the new source is in the package
    assert runner.invoke(main, ["build", "--project", str(project), "-q"]).exit_code == 0
    sources = (project / "datapackage/data/sources.csv").read_text()
    assert SOURCE in sources
