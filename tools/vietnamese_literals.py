"""Count the string literals with Vietnamese letters in lawscan's code, file by file.

ARCHITECTURE.md says Vietnamese lives in data (rule packs, lexicons, messages, labels), not in
code. This measures how far the code is from that: every string constant (plain strings and the
literal parts of f-strings) that holds a Vietnamese letter (a, e, i, o, u, y with a Vietnamese
diacritic, or đ), docstrings left out (they document the code; Vietnamese examples there are
fine).

    python tools/vietnamese_literals.py                 # lawscan/ and rules/, a table by file
    python tools/vietnamese_literals.py lawscan/report  # some folders or files
    python tools/vietnamese_literals.py --list          # each literal with its line
    python tools/vietnamese_literals.py --json          # {file: count}, for a before/after diff

Exit 0. A literal that must stay (a regular expression of legal structure that is clearer beside
the code than in a data file) is still counted: the module's docstring says why it stays.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ("lawscan", "rules")

# Vietnamese letters: the vowels with a Vietnamese diacritic (ă â ê ô ơ ư and the five tones)
# and đ; NFC and NFD text both match (the text is composed first).
VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)


def docstring_nodes(tree: ast.AST) -> set[int]:
    """ids of the Constant nodes that are docstrings (module, class, function)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
                    and isinstance(body[0].value.value, str):
                out.add(id(body[0].value))
    return out


def literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each string constant of ``path`` with a Vietnamese letter."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    skip = docstring_nodes(tree)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if VIETNAMESE.search(unicodedata.normalize("NFC", node.value)):
                out.append((node.lineno, node.value))
    return sorted(out)


def python_files(targets: list[str]) -> list[Path]:
    files: list[Path] = []
    for target in targets:
        path = (ROOT / target) if not Path(target).is_absolute() else Path(target)
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [f for f in files if "fixtures" not in f.parts]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=list(DEFAULT))
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--list", action="store_true", help="every literal with its line")
    out.add_argument("--json", action="store_true", help="{file: count} as JSON")
    args = ap.parse_args(argv)
    counts = {}
    for path in python_files(args.paths):
        found = literals(path)
        if not found:
            continue
        name = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
        counts[name] = len(found)
        if args.list:
            for line, text in found:
                print(f"{name}:{line}: {text!r}")
    if args.json:
        print(json.dumps(counts, indent=1, ensure_ascii=False))
    elif not args.list:
        for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:5d}  {name}")
        print(f"{sum(counts.values()):5d}  total in {len(counts)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
