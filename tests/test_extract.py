"""`prisoner-data extract` drafts, and the coverage lint of validate."""

from __future__ import annotations

import re
import sys

import yaml

from toolkit.cli import main
from toolkit.contribute.extract import find_counts, find_dates

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))


def test_counts_carry_their_qualifier():
    text = "More than 100 were freed. At least 123 left; about 40 stayed and fewer than 10 went on. Eight flew."
    found = {(m.value, m.qualifier) for m in find_counts(text)}
    assert found == {(100, "more_than"), (123, "at_least"), (40, "about"), (10, "fewer_than"), (8, "exact")}


def test_dates_carry_their_precision():
    text = "Freed on Dec. 13 after talks in September; jailed since July 2021, sentenced in 2023 (13 December 2025)."
    found = {m.text: m.value for m in find_dates(text, year=2025)}
    assert found == {"Dec. 13": "2025-12-13", "September": "2025-09", "July 2021": "2021-07", "2023": "2023",
                     "13 December 2025": "2025-12-13"}


def test_extract_drafts_every_article_with_verbatim_quotes(runner, tmp_path):
    for article in sorted((ROOT / "seeds/articles").glob("*.txt")):
        out = tmp_path / f"{article.stem}.yaml"
        result = runner.invoke(main, ["extract", str(article), "--out", str(out), "--project", str(ROOT)])
        assert result.exit_code == 0, result.output
        draft = yaml.safe_load(out.read_text())
        assert draft["draft"] is True and draft["source"] == article.stem
        text = article.read_text(encoding="utf-8")
        assert draft["claims"]
        for claim in draft["claims"]:
            assert claim["quote"] in text, claim


def test_drafts_find_the_counts_the_ledger_has():
    from extract_coverage import measure

    results = measure()
    found = sum(f for f, _ in results.values())
    total = sum(n for _, n in results.values())
    assert found / total >= 0.9, results
    assert all(f / n >= 0.7 for f, n in results.values()), results


def test_unknown_names_are_offered_as_candidates(runner):
    result = runner.invoke(main, ["extract", str(ROOT / "seeds/articles/newshound-2025-12.txt"), "--project", str(ROOT)])
    assert "#   Nasha Niva (line" in result.stdout
    assert "#   Moscow Times (line" in result.stdout


def test_an_unreviewed_draft_is_refused_by_the_build(runner, project):
    article = project / "seeds/articles/rferl-2025-12.txt"
    target = project / "seeds/claims/rferl-2025-12.yaml"
    result = runner.invoke(main, ["extract", str(article), "--out", str(target), "--project", str(project)])
    assert result.exit_code == 0
    build = runner.invoke(main, ["build", "--project", str(project), "-q"])
    assert build.exit_code == 1
    assert re.search(r"seeds/claims/rferl-2025-12.yaml:\d+: error: seeds/claims/rferl-2025-12.yaml is a draft", build.stderr)


def test_coverage_lint_warns_about_an_uncited_figure(runner, project):
    path = project / "seeds/claims/ians-morung-2025-12-14.yaml"
    text = path.read_text()
    start = text.index("  - id: im-013")
    end = text.index("  - id: im-014")
    path.write_text(text[:start] + text[end:])
    result = runner.invoke(main, ["validate", str(project), "--format", "json"])
    assert result.exit_code == 0  # a warning, not an error
    import json

    warnings = [i for i in json.loads(result.stdout)["issues"] if i["type"] == "uncited-figure"]
    article = (project / "seeds/articles/ians-morung-2025-12-14.txt").read_text()
    line = article[: article.index("More than 1,100")].count("\n") + 1
    assert any(w["value"] == "1,100" and w["line"] == line and w["file"] == "seeds/articles/ians-morung-2025-12-14.txt"
               for w in warnings), warnings
