"""The docs are part of the product: every command and every environment variable is documented."""

import re
from pathlib import Path

from checker.cli import SERVICE_COMMANDS, _build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SERVICE_DOC = (ROOT / "docs" / "service.md").read_text(encoding="utf-8")


def test_every_cli_command_is_in_the_readme():
    parser = _build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    for command in commands:
        assert f"smishcheck {command}" in README, f"`smishcheck {command}` is not documented in README.md"
    assert set(SERVICE_COMMANDS) <= set(commands)


def test_every_environment_variable_is_documented():
    used = set()
    for path in (ROOT / "service").rglob("*.py"):
        used |= set(re.findall(r"SMISHCHECK_[A-Z_]+", path.read_text(encoding="utf-8")))
    assert used, "no SMISHCHECK_ variables found: the test reads the wrong place"
    for name in sorted(used):
        assert name in README or name in SERVICE_DOC, f"{name} is used in service/ but not documented"


def test_quick_start_is_the_two_make_commands():
    quick = README.split("## Quick start", 1)[1].split("##", 1)[0]
    assert "make run" in quick and "make test" in quick
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.MULTILINE) and re.search(r"^test:", makefile, re.MULTILINE)
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
