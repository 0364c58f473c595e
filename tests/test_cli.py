"""One command line: the same project option, verbosity, exit codes and output habits in every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.cli.reference import cli_reference
from toolkit.cli.render import render_github
from toolkit.report import Report

from .conftest import ROOT

PROJECT_COMMANDS = ["build", "validate", "conflicts", "release", "extract", "report"]


def _options(name: str) -> set[str]:
    command = main.get_command(None, name)
    return {opt for param in command.params for opt in getattr(param, "opts", [])}


def test_every_command_takes_quiet_and_verbose():
    for name in main.list_commands(None):
        assert {"-q", "--quiet", "-v", "--verbose"} <= _options(name), name


def test_every_command_that_reads_a_project_names_it_with_project():
    for name in PROJECT_COMMANDS:
        assert {"--project", "-P"} <= _options(name), name


@pytest.mark.parametrize("args", [
    ["build"], ["validate"], ["conflicts"], ["release", "--bump", "patch"], ["report"],
    ["extract", "ARTICLE", "--year", "2026"],
])
def test_not_a_project_has_one_exit_code_everywhere(runner, tmp_path, args):
    article = tmp_path / "article.txt"
    article.write_text("Belarus freed 12 prisoners.\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    args = [str(article) if a == "ARTICLE" else a for a in args]
    result = runner.invoke(main, [*args, "--project", str(empty)])
    assert result.exit_code == 2, (args, result.output)
    assert "not a project" in result.stderr or "not a built package" in result.stderr, result.stderr


def test_the_project_can_come_from_the_environment(runner, project, monkeypatch):
    monkeypatch.setenv("PRISONER_DATA_PROJECT", str(project))
    monkeypatch.chdir(project.parent)
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0 and result.stdout.strip().endswith("valid (0 errors, 0 warnings)")


def test_quiet_says_only_the_result_and_verbose_says_more(runner, project):
    loud = runner.invoke(main, ["conflicts", "--project", str(project), "--fail-on", "error"])
    quiet = runner.invoke(main, ["conflicts", "--project", str(project), "--fail-on", "error", "-q"])
    assert loud.exit_code == quiet.exit_code == 1
    assert "open conflict(s) of severity error" in loud.stderr and quiet.stderr == ""
    claims = project / "seeds/claims/fixture-herald-2025-12-14.yaml"
    text = claims.read_text()
    claims.write_text(text[:text.index("  - id: fh-015")] + text[text.index("skipped:"):])  # a warning
    loud = runner.invoke(main, ["validate", "--project", str(project)])
    quiet = runner.invoke(main, ["validate", "--project", str(project), "-q"])
    assert "warning:" in loud.stdout and "warning:" not in quiet.stdout
    assert quiet.stdout.strip().endswith("valid (0 errors, 1 warnings)")  # the result is still said


@pytest.mark.slow
def test_progress_only_on_a_terminal(project, tmp_path):
    """The same build prints progress lines on a terminal and none into a pipe."""
    import pty

    command = [sys.executable, "-m", "toolkit", "build", "--project", str(project), "--out", str(tmp_path / "pkg"),
               "--no-dictionary"]
    piped = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert piped.returncode == 0, piped.stderr
    assert "…" not in piped.stderr
    leader, follower = pty.openpty()
    on_terminal = subprocess.run([*command[:-2], str(tmp_path / "pkg2"), "--no-dictionary"], stdout=subprocess.PIPE,
                                 stderr=follower, cwd=ROOT)
    os.close(follower)
    seen = b""
    try:
        while chunk := os.read(leader, 4096):
            seen += chunk
    except OSError:
        pass
    os.close(leader)
    assert on_terminal.returncode == 0
    assert "… " in seen.decode("utf-8", "replace")


def test_verbose_build_says_each_step_with_its_time_even_into_a_pipe(runner, project, tmp_path):
    result = runner.invoke(main, ["build", "--project", str(project), "--out", str(tmp_path / "pkg"),
                                  "--no-dictionary", "-v"])
    assert result.exit_code == 0, result.output
    steps = [line.split(" s  ") for line in result.stderr.splitlines() if line.startswith("… ")]
    assert [step for _, step in steps] == ["loading sources", "checking claims", "reconciling", "building tables",
                                           "writing package", "validating package", "done"]
    seconds = [float(at.removeprefix("… ")) for at, _ in steps]
    assert seconds == sorted(seconds) and seconds[-1] > 0


@pytest.mark.slow
def test_a_closed_pipe_ends_quietly(project):
    """`prisoner-data conflicts | head -1`: the reader goes away; no traceback, no error."""
    done = subprocess.run(f"'{sys.executable}' -m toolkit conflicts --project '{project}' --format csv | head -1",
                          shell=True, capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.startswith("conflict_id,")
    assert done.stderr == "", done.stderr


SCRIPT = str(Path(sys.executable).with_name("prisoner-data"))


def _many_bad_cells(package: Path) -> None:
    """Spoil four whole columns of claims.csv: far more problems than a pipe's first read holds."""
    import csv

    path = package / "data" / "claims.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        for column in ("quote_line", "count_value", "ledger_line", "count_low"):
            row[rows[0].index(column)] = "x"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


@pytest.mark.slow
def test_a_reader_that_goes_away_never_turns_invalid_data_into_success(project, runner):
    """`validate | head -1` under pipefail: the reader stops reading long before the problems are all
    written. The exit status is still 1 (the data is invalid), quietly; and a command whose result
    was success keeps 0. The read end is closed before the command writes, so the pipe is broken
    on every run, not only when the reader happens to leave early."""
    package = project / "datapackage"
    _many_bad_cells(package)
    whole = runner.invoke(main, ["validate", str(package), "--format", "json"])
    assert whole.exit_code == 1 and len(whole.stdout) > 65536 // 4, len(whole.stdout)  # several buffers, not one
    child = subprocess.Popen([SCRIPT, "validate", str(package), "--format", "json"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, cwd=ROOT)
    child.stdout.close()  # the reader is gone before the first byte
    stderr = child.stderr.read().decode()
    assert child.wait() == 1, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr
    piped = subprocess.run(["bash", "-c", f"set -o pipefail; '{SCRIPT}' validate '{package}' 2>&1 | head -1"],
                           capture_output=True, text=True)
    assert piped.returncode == 1, piped
    fine = subprocess.Popen([SCRIPT, "conflicts", "--project", str(project), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    fine.stdout.close()
    assert fine.wait() == 0, fine.stderr.read()


@pytest.mark.slow
@pytest.mark.parametrize("command", [[SCRIPT], [sys.executable, "-m", "toolkit"]])
def test_the_command_line_ends_with_all_its_output_and_its_exit_code(runner, project, command):
    """The console script and `python -m toolkit` leave without tearing the interpreter down, but
    only after every byte is written: a long output into a pipe arrives whole, and the exit code
    of each outcome (fine, invalid data, usage error) is kept."""
    expected = runner.invoke(main, ["conflicts", "--project", str(project), "--format", "json"])
    assert expected.exit_code == 0 and len(expected.stdout) > 4096
    done = subprocess.run([*command, "conflicts", "--project", str(project), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT)
    assert (done.returncode, done.stdout) == (0, expected.stdout)
    (project / "datapackage" / "data" / "people.csv").write_text("person_id\n", encoding="utf-8")
    invalid = subprocess.run([*command, "validate", str(project / "datapackage")], capture_output=True, text=True)
    assert invalid.returncode == 1 and "header" in invalid.stdout + invalid.stderr
    usage = subprocess.run([*command, "conflicts", "--no-such-option"], capture_output=True, text=True)
    assert usage.returncode == 2 and "--no-such-option" in usage.stderr


@pytest.mark.slow
def test_exit_handlers_still_run_at_the_quick_exit(tmp_path):
    """What a command leaves to exit handlers (temporary folders, child processes, logging) is done,
    and what they write, still in a buffer, arrives."""
    mark = tmp_path / "ran"
    code = ("import atexit, pathlib, sys\n"
            f"atexit.register(lambda: pathlib.Path({str(mark)!r}).write_text('yes'))\n"
            "atexit.register(lambda: sys.stdout.write('; written at exit'))\n"
            "sys.argv = ['prisoner-data', '--version']\n"
            "from toolkit.cli import run\nrun()\n")
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # output buffered, as usual
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment)
    assert done.returncode == 0 and done.stdout.startswith("prisoner-data"), done
    assert done.stdout.endswith("; written at exit")
    assert mark.read_text() == "yes"


def test_github_annotations_stop_at_ten_errors_and_ten_warnings(capsys):
    report = Report()
    for n in range(15):
        report.add("bad-value", f"error {n}", file="seeds/claims/x.yaml", line=n + 1)
        report.add("uncited-figure", f"warning {n}", severity="warning", file="seeds/articles/x.txt", line=n + 1)
    render_github(report)
    lines = capsys.readouterr().out.splitlines()
    assert len([line for line in lines if line.startswith("::error ")]) == 10
    assert len([line for line in lines if line.startswith("::warning ")]) == 10
    assert lines[-1] == "+5 more errors and 5 more warnings; see the job summary for the full report"


def test_the_cli_reference_is_generated_from_the_commands():
    written = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert written == cli_reference(), "docs/cli.md is out of date: run `make docs`"
    for name in main.list_commands(None):
        assert f"## prisoner-data {name}" in written


@pytest.mark.parametrize("shell, marker", [("bash", "complete -o nosort -F"), ("zsh", "#compdef prisoner-data"),
                                           ("fish", "complete --no-files --command prisoner-data")])
def test_shell_completion(runner, shell, marker):
    result = runner.invoke(main, ["completion", shell])
    assert result.exit_code == 0 and marker in result.stdout


@pytest.mark.slow
def test_completion_completes_commands_and_choices():
    env = {**os.environ, "_PRISONER_DATA_COMPLETE": "bash_complete", "COMP_WORDS": "prisoner-data validate --format ",
           "COMP_CWORD": "3"}
    done = subprocess.run([sys.executable, "-m", "toolkit"], env=env, capture_output=True, text=True, cwd=ROOT)
    assert "plain,github" in done.stdout.splitlines()


def test_a_mistyped_command_suggests_the_nearest_and_exits_2(runner):
    result = runner.invoke(main, ["valdiate"])
    assert result.exit_code == 2
    assert "No such command 'valdiate'. Did you mean 'validate'?" in result.stderr
    assert "build, validate, conflicts" in result.stderr
    far = runner.invoke(main, ["zzzz"])
    assert far.exit_code == 2 and "Did you mean" not in far.stderr


# --- the light install: what it leaves out is named, with the line that adds it ---------------------

def _hide(monkeypatch, *modules: str) -> None:
    """As if the light install had left these modules out: importing them fails, find_spec finds nothing."""
    for name in modules:
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            monkeypatch.delitem(sys.modules, loaded)
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.parametrize("hidden, args, feature, extra", [
    (("pandas",), ["--report", "html", "DOCS"], "`validate --report html` needs pandas", "build"),
    (("great_expectations",), ["--report", "html", "DOCS"], "`validate --report html` needs great_expectations",
     "build"),
    (("ibis",), ["--engine", "duckdb"], "`validate --engine duckdb` needs ibis", "duckdb"),
    (("pyspark",), ["--engine", "spark"], "`validate --engine spark` needs", "spark"),
])
def test_the_light_install_names_the_extra_a_feature_needs(runner, built_package, tmp_path, monkeypatch, hidden,
                                                            args, feature, extra):
    _hide(monkeypatch, *hidden)
    args = [str(tmp_path / "docs") if a == "DOCS" else a for a in args]
    result = runner.invoke(main, ["validate", str(built_package), *args])
    assert result.exit_code == 3, result.output
    assert feature in result.stderr and "which the light install leaves out" in result.stderr, result.stderr
    assert f"install the '{extra}' extra: pip install 'prisoner-data[{extra}] @ git+https://" in result.stderr
    assert "internal error" not in result.stderr and not (tmp_path / "docs").exists()


def test_a_module_of_an_extra_missing_anywhere_names_the_extra_not_a_bug(runner, project, monkeypatch):
    """Whatever command meets a left-out module (here: near-miss name matching in a contribution's check)."""
    from .projectkit import add_article

    add_article(project, "testdesk-2025-12-17", "Belarus freed Mark Dumyy on December 13.\n", published="2025-12-17",
                claims=[{"id": "td-001", "subject": "release-fx-december", "property": "envoy", "value": "Mark Dumyy",
                         "quote": "Mark Dumyy"}])
    _hide(monkeypatch, "rapidfuzz")
    result = runner.invoke(main, ["validate", "--project", str(project)])
    assert result.exit_code == 3 and "internal error" not in result.stderr, result.output
    assert "`prisoner-data validate` needs rapidfuzz, which the light install leaves out" in result.stderr
    assert "install the 'build' extra" in result.stderr


def test_every_optional_extra_has_its_modules_named_and_every_install_line_works_today():
    """Each extra of pyproject (but the test suite's) is named by the modules that need it; every `pip install`
    the README and CONTRIBUTING give installs from the repository (the URL pyproject, package.yaml and
    CITATION.cff agree on) or from the checkout: the package is not on PyPI."""
    import re
    import tomllib

    import yaml

    from toolkit.cli import OPTIONAL_MODULES

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert set(OPTIONAL_MODULES.values()) == set(project["optional-dependencies"]) - {"test"}
    repository = project["urls"]["Repository"]
    assert yaml.safe_load((ROOT / "schemas/package.yaml").read_text())["repository"] == repository
    assert f"repository-code: {repository}\n" in (ROOT / "CITATION.cff").read_text()
    for name in ("README.md", "CONTRIBUTING.md"):
        text = (ROOT / name).read_text()
        lines = [line.strip() for line in re.findall(r"pip install[^`\n]*", " ".join(text.split("\n")))]
        for line in lines:
            target = line.removeprefix("pip install").strip().strip("'\"")
            assert (target.startswith((".", "-e .", "pre-commit"))
                    or re.fullmatch(rf"prisoner-data(\[\w+\])? @ git\+{re.escape(repository)}", target)), (name, line)
        if name == "README.md":
            assert f"pip install 'prisoner-data @ git+{repository}'" in lines
