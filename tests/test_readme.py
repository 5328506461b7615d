"""Every command and option the README shows is one the CLI parses."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import pytest

from geomap.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = [" ".join(shlex.split(line.removeprefix(".venv/bin/"), comments=True))
            for line in README.splitlines() if line.startswith(".venv/bin/geomap ")]


def _options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """Every option string of ``parser`` and its subcommands, with its action."""
    found = {s: a for a in parser._actions for s in a.option_strings}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.update(_options(sub))
    return found


def test_the_readme_shows_commands():
    assert len(COMMANDS) >= 15


@pytest.mark.parametrize("command", COMMANDS)
def test_every_readme_command_parses(command):
    words = command.split()[1:]
    if "--help" in words:
        words.remove("--help")
    args = build_parser().parse_args(words)  # an unknown option or bad value exits 2
    assert args.command == words[0]


def test_every_option_the_readme_names_exists_with_the_values_it_lists():
    options = _options(build_parser())
    named = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", README))
    assert named and not named - set(options), sorted(named - set(options))
    # an option whose values are fixed lists them in the README: `--date-order day-first`
    for name in sorted(named):
        choices = options[name].choices
        if choices and name not in ("--engine", "--lang"):
            assert all(str(c) in README for c in choices), (name, choices)
