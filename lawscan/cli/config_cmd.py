"""``lawscan init``: writes a commented starting configuration in the form its file takes
(pyproject.toml: a ``[tool.lawscan]`` table; setup.cfg: a ``[lawscan]`` section; another .toml:
top-level keys, for ``--config``)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("init")
@click.option("--path", "target", default="pyproject.toml", show_default=True,
              help="pyproject.toml, setup.cfg (or another .cfg/.ini) or a .toml file to add the "
                   "configuration to (created if missing).")
@click.option("--force", is_flag=True, help="Add the starting configuration even if the file has one.")
def init(target, force):
    """Write a commented lawscan configuration to start from."""
    from lawscan.config import starter
    from lawscan.atomic import atomic_write

    path = Path(target)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    text = starter(path)
    marker = next((line for line in text.splitlines() if line.startswith("[")), None)
    has_one = (marker in existing.splitlines()) if path.suffix != ".toml" or path.name == "pyproject.toml" \
        else bool(existing.strip())
    if has_one and not force:
        raise click.UsageError(f"{path} already has a lawscan configuration (use --force to add another "
                               "copy after removing it yourself)")
    text = existing + ("\n" if existing and not existing.endswith("\n") else "") + (
        "\n" if existing else "") + text
    atomic_write(path, text.encode("utf-8"))
    click.echo(f"lawscan: wrote a starting configuration to {path}")
