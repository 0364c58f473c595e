"""Every command's help works and shows an Example block."""

from __future__ import annotations

import subprocess
import sys

from toolkit.cli import main


def test_every_command_has_help_with_an_example(runner):
    names = main.list_commands(None)
    assert "build" in names
    for name in names:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Example:" in result.output, name
        assert f"prisoner-data {name}" in result.output, name


def test_top_level_help_lists_commands_and_example(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    for name in main.list_commands(None):
        assert name in result.output


def test_unknown_command_is_a_usage_error(runner):
    result = runner.invoke(main, ["frobnicate"])
    assert result.exit_code == 2


def test_help_imports_no_heavy_library():
    code = (
        "import sys; from toolkit.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('great_expectations', 'pandera', 'pandas', 'frictionless') if m in sys.modules]\n"
        "print('HEAVY=' + ','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "HEAVY=", done.stdout
