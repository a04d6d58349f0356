"""``lawscan init``: writes a commented starting configuration."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("init")
@click.option("--path", "target", default="pyproject.toml", show_default=True,
              help="pyproject.toml to add a [tool.lawscan] table to (created if missing).")
@click.option("--force", is_flag=True, help="Replace an existing [tool.lawscan] table's file section.")
def init(target, force):
    """Write a commented [tool.lawscan] configuration to start from."""
    from lawscan.config import STARTER
    from lawscan.report.atomic import atomic_write

    path = Path(target)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if "[tool.lawscan]" in existing and not force:
        raise click.UsageError(f"{path} already has a [tool.lawscan] table (use --force to add another copy "
                               "after removing it yourself)")
    text = existing + ("\n" if existing and not existing.endswith("\n") else "") + (
        "\n" if existing else "") + STARTER
    atomic_write(path, text.encode("utf-8"))
    click.echo(f"lawscan: wrote a starting configuration to {path}")
