"""The package's imports follow the pipeline: no module imports a later stage.

read → normalise → structure → graph → analyse → rules, run over files by the scan, whose results
the reports render; the drafting aids come after (they scan and analyse a draft), the command line
last. Every module of ``lawscan/`` and ``rules/`` belongs to one
layer of ``LAYERS``; a module may import its own layer and those before it, never a later one —
at the top of the file or inside a function alike (a lazy import is an arrow too). The few
imports that must run the other way are listed in ``ALLOWED`` with the reason for each, so that a
new back arrow fails here instead of creeping in.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Lowest first. A module's layer is the first entry whose name is the module or a package above it.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    # shared by every stage: the data model, folding, Roman numerals, data files, bounds, errors,
    # atomic writes
    ("base", ("lawscan.__init__", "lawscan.model", "lawscan.fold", "lawscan.numerals",
              "lawscan.datafiles", "lawscan.joined", "lawscan.wording", "lawscan.errors", "lawscan.bounds",
              "lawscan.atomic", "lawscan.config")),
    ("read", ("lawscan.read",)),
    ("normalise", ("lawscan.normalise",)),
    ("structure", ("lawscan.structure",)),
    ("graph", ("lawscan.graph",)),
    ("analyse", ("lawscan.analyse",)),
    ("rules", ("lawscan.engine", "rules", "lawscan._rules")),
    # running the stages over files: what is scanned, the parse cache, the scan itself
    ("scan", ("lawscan.skipped", "lawscan.walk", "lawscan.pipeline", "lawscan.cache",
              "lawscan.baseline", "lawscan.scan")),
    # what reads a scan's results: the reports and the Akoma Ntoso export
    ("report", ("lawscan.report", "lawscan.export")),
    ("drafting", ("lawscan.drafting",)),
    ("cli", ("lawscan.cli", "lawscan.__main__")),
]

# (importing module, imported module) -> why this arrow may run back up. None is needed today
# (the last ones went: the scan importing the report for the proposed chapter, which is now the
# typed DocumentResult.suggestion, and the structure stage folding through the analysis, now
# lawscan.fold). Keep it that way; an entry here needs a reason a reviewer accepts.
ALLOWED: dict[tuple[str, str], str] = {}


def layer_of(module: str) -> int | None:
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if module == prefix or module.startswith(prefix + "."):
                return rank
    if module == "lawscan":
        return 0
    return None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__" and parts[:-1] != ["lawscan"]:
        parts = parts[:-1]
    return ".".join(parts)


def imports(path: Path, source: str | None = None) -> list[tuple[str, int]]:
    """Every module ``path`` (or ``source`` as if it stood there) imports, absolute and relative,
    anywhere in the file, with its line; ``from a.b import c`` gives both ``a.b`` and ``a.b.c``
    (c may be a module)."""
    if source is None:
        source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, str(path))
    me = module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(up + ([node.module] if node.module else []))
            out.append((base, node.lineno))
            out.extend((f"{base}.{alias.name}", node.lineno) for alias in node.names)
    return out


def source_files() -> list[Path]:
    return sorted((REPO / "lawscan").rglob("*.py")) + sorted((REPO / "rules").glob("*.py"))


def back_arrows(files: dict[Path, str | None]) -> list[str]:
    """The imports of ``files`` (path -> its source, None: read it) that run back up."""
    found = []
    for path, source in files.items():
        me = module_name(path)
        mine = layer_of(me)
        for target, line in imports(path, source):
            theirs = layer_of(target)
            if theirs is None or mine is None or theirs <= mine:
                continue
            if (me, target) in ALLOWED or (me, target.rpartition(".")[0]) in ALLOWED:
                continue
            found.append(f"{path.relative_to(REPO)}:{line}: {me} ({LAYERS[mine][0]}) imports "
                         f"{target} ({LAYERS[theirs][0]})")
    return found


def test_every_module_has_a_layer():
    missing = [str(p.relative_to(REPO)) for p in source_files() if layer_of(module_name(p)) is None]
    assert missing == [], "add these modules to LAYERS in tests/test_stage_order.py"


def test_no_stage_imports_a_later_one():
    assert back_arrows(dict.fromkeys(source_files())) == []


def test_allowed_exceptions_are_still_needed():
    """An exception nobody needs any more is removed, so the list stays the truth."""
    used = {(module_name(p), t) for p in source_files() for t, _ in imports(p)}
    used |= {(m, t.rpartition(".")[0]) for m, t in used}
    assert [pair for pair in ALLOWED if pair not in used] == []


@pytest.mark.parametrize("source, arrow", [
    ("from lawscan.report.html import render\n", True),
    ("def f():\n    from lawscan.drafting import suggest\n", True),
    ("from . import html\n", False),
    ("from lawscan.model import Document\n", False),
])
def test_a_back_arrow_is_caught(source, arrow):
    """The check itself: a structure module that imported the report or the drafting aids (at the
    top or inside a function) would be found; an import of its own stage or the model would not."""
    probe = REPO / "lawscan" / "structure" / "probe.py"  # not a file: its source is given
    assert bool(back_arrows({probe: source})) is arrow
