"""Command line: ``lawscan <command>``. Each command lives in its own module and is imported
only when it runs, so ``lawscan --version`` starts fast.

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage / configuration / input errors.
"""

from __future__ import annotations

import importlib

import click

from lawscan import __version__

# command name -> "module:attribute" (a click.Command)
COMMANDS = {
    "parse": "lawscan.cli.parse_cmd:parse",
    "graph": "lawscan.cli.graph_cmd:graph",
    "scan": "lawscan.cli.scan_cmd:scan",
    "rules": "lawscan.cli.rules_cmd:rules",
    "explain": "lawscan.cli.rules_cmd:explain",
    "init": "lawscan.cli.config_cmd:init",
    "baseline": "lawscan.cli.baseline_cmd:baseline",
    "suggest": "lawscan.cli.suggest_cmd:suggest",
    "diff": "lawscan.cli.diff_cmd:diff",
    "convert": "lawscan.cli.convert_cmd:convert",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            return None


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lawscan")
def main():
    """lawscan — does this Vietnamese law or draft bill govern activity in the digital
    environment ("môi trường số"), and what is missing?"""
