"""A digest of the whole scan output of every corpus file: the check that a refactoring changed
nothing a user can see.

Usage:  python benchmarks/corpus_digest.py [CORPUS_DIR] [--save FILE | --compare FILE]

For each file of CORPUS_DIR (default: $LAWSCAN_CORPUS or ../shared/corpus; its akn/ docx/ html/
json/ txt/ folders, sorted) the full result of one scan (``Scanner.scan_file``, the same as
``lawscan scan``: tree, verdict, findings, problems, as ``DocumentResult.to_dict(tree=True)``) is
hashed (sha256 of its JSON). ``--save`` writes the per-file digests, ``--compare`` reads them back
and lists every file whose output changed (exit 1 if any). Prints the digest of all the digests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_CORPUS = Path(os.environ.get("LAWSCAN_CORPUS", REPO.parent / "shared" / "corpus"))
FOLDERS = ("akn", "docx", "html", "json", "txt")


def digests(corpus: Path) -> dict[str, str]:
    from lawscan.scan import ScanOptions, Scanner

    scanner = Scanner(ScanOptions())
    out = {}
    for folder in FOLDERS:
        for path in sorted((corpus / folder).glob("*")):
            result = scanner.scan_file(str(path))
            data = result.to_dict(tree=True) if hasattr(result, "to_dict") else {"error": repr(result)}
            data.pop("path", None)  # the same files read from another checkout give the same digest
            text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
            out[f"{folder}/{path.name}"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return out


def save_or_compare(got: dict[str, str], save: Path | None, compare: Path | None,
                    detail=None) -> int:
    """Write ``got`` (name -> digest or text) to ``save``; against the file ``compare`` print every
    name whose value changed (and the lines ``detail(before, after)`` gives for it): 1 if any
    changed, else 0. drafting_digest.py shares it."""
    if save:
        save.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if not compare:
        return 0
    before = json.loads(compare.read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | got.keys() if before.get(k) != got.get(k))
    for name in changed:
        print(f"changed: {name}")
        for line in detail(before.get(name, ""), got.get(name, "")) if detail else ():
            print(f"    {line}")
    return 1 if changed else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = ap.parse_args(argv)
    if not (args.corpus / "MANIFEST.tsv").exists():
        ap.error(f"no corpus at {args.corpus} (set $LAWSCAN_CORPUS)")
    got = digests(args.corpus)
    total = hashlib.sha256("".join(f"{k}={v}\n" for k, v in got.items()).encode()).hexdigest()
    print(f"{len(got)} files, digest {total[:16]}")
    return save_or_compare(got, args.save, args.compare)

if __name__ == "__main__":
    raise SystemExit(main())
