"""Merge the annotators' label files into the repository's gold data.

Usage:  python training/merge_labels.py WORK_DIR [--out training/labels/units.jsonl]

WORK_DIR is the folder ``select_units.py`` wrote (``units.jsonl``, ``batch-NNN.tsv``) with the
annotators' files under ``labels/``: ``batch-NNN.labels.tsv`` (first pass) and
``batch-NNN.pass2.labels.tsv`` (a second annotator's labels of a sample, for the agreement),
each line ``key<TAB>label<TAB>reason``; ``labels/annotators.tsv`` names the annotator of each
file (``file<TAB>annotator``).

The output keeps, for each label, where the unit is and what was decided — file (under the
corpus), kind, number as printed, eid, a short hash of its folded heading (to find the unit again
when the parser's eids change), whether it sits in quoted amending text, why it was chosen
(``cue`` or ``sample``), label, reason, annotator, pass — never the text of the law.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

LABELS = ("yes", "no", "borderline")
REPO = Path(__file__).resolve().parents[1]


def heading_key(heading: str) -> str:
    """A short hash of a heading, folded (lower case, single spaces): finds a unit again."""
    return hashlib.sha1(" ".join(heading.lower().split()).encode("utf-8")).hexdigest()[:8]


def read_labels(path: Path) -> list[tuple[str, str, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 2 or parts[1].strip() not in LABELS:
            raise SystemExit(f"{path}:{n}: expected key<TAB>yes|no|borderline<TAB>reason, got {line!r}")
        rows.append((parts[0].strip(), parts[1].strip(), parts[2].strip() if len(parts) > 2 else ""))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("work", type=Path)
    ap.add_argument("--out", type=Path, default=REPO / "training" / "labels" / "units.jsonl")
    args = ap.parse_args(argv)
    units = {}
    for line in (args.work / "units.jsonl").read_text(encoding="utf-8").splitlines():
        u = json.loads(line)
        units[u["key"]] = u
    annotators = {}
    names = args.work / "labels" / "annotators.tsv"
    if names.exists():
        for line in names.read_text(encoding="utf-8").splitlines():
            if line.strip():
                f, who = line.split("\t")[:2]
                annotators[f.strip()] = who.strip()
    out, seen = [], set()
    for path in sorted((args.work / "labels").glob("batch-*.labels.tsv")):
        second = ".pass2." in path.name
        for key, label, reason in read_labels(path):
            if key not in units:
                raise SystemExit(f"{path}: unknown key {key}")
            if (key, second) in seen:
                raise SystemExit(f"{path}: {key} labelled twice in pass {2 if second else 1}")
            seen.add((key, second))
            u = units[key]
            out.append({"file": u["file"], "kind": u["kind"], "num": u["num"], "eid": u["eid"],
                        "heading_key": heading_key(u["heading"]), "quoted": u["quoted"],
                        "chosen": u["why"], "label": label, "reason": reason,
                        "annotator": annotators.get(path.name, "?"), "pass": 2 if second else 1})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as fh:
        for row in sorted(out, key=lambda r: (r["file"], r["pass"], r["eid"])):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    first = [r for r in out if r["pass"] == 1]
    missing = len(units) - len(first)
    print(f"{len(first)} units labelled (pass 1), {len(out) - len(first)} second labels; "
          f"{missing} listed units without a label", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
