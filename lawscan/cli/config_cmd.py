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
@click.option("--force", is_flag=True,
              help="Replace the lawscan configuration the file has (the rest of it is kept).")
def init(target, force):
    """Write a commented lawscan configuration to start from."""
    from lawscan.config import starter, without_lawscan
    from lawscan.atomic import atomic_write

    path = Path(target)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    rest, at = without_lawscan(existing, path)
    if rest != existing and not force:
        raise click.UsageError(f"{path} already has a lawscan configuration (--force replaces it)")
    lines = rest.splitlines(keepends=True)
    before, after = "".join(lines[:at]), "".join(lines[at:])
    if before and not before.endswith("\n"):
        before += "\n"
    text = before + ("\n" if before.strip() and not before.endswith("\n\n") else "") + starter(path) + (
        "\n" + after.lstrip("\n") if after.strip() else "")
    atomic_write(path, text.encode("utf-8"))
    done = "replaced the lawscan configuration in" if rest != existing else "wrote a starting configuration to"
    click.echo(f"lawscan: {done} {path}")
