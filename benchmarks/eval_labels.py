"""Compare lawscan's digital verdicts with the hand labels of labels-dev.jsonl.

Usage:  python benchmarks/eval_labels.py [--corpus DIR] [--all]

Prints the confusion matrix of ``status`` (label rows x predicted columns) over the Vietnamese
labelled documents, then every disagreement in status, digital chapters or digital sections.
``--all`` also prints the verdict of every unlabelled corpus file (for a sanity check).
Documents are read with ``lawscan.pipeline.load_document`` and analysed with
``lawscan.analyse.analyse``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lawscan.model import STATUSES  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("LAWSCAN_CORPUS",
                                     Path(__file__).resolve().parents[2] / "shared" / "corpus"))


def load(path: Path):
    from lawscan.analyse import analyse
    from lawscan.pipeline import load_document

    doc = load_document(path)
    return doc, analyse(doc)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--all", action="store_true", help="also list unlabelled files' verdicts")
    args = ap.parse_args(argv)
    labels = [json.loads(x) for x in (args.corpus / "labels-dev.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip()]
    labels = [lab for lab in labels if lab.get("status")]
    matrix = {a: {b: 0 for b in STATUSES + ("error",)} for a in STATUSES}
    problems = []
    t0 = time.perf_counter()
    for lab in labels:
        try:
            doc, v = load(args.corpus / lab["file"])
        except Exception as exc:  # noqa: BLE001 - a broken stage is reported, the run goes on
            matrix[lab["status"]]["error"] += 1
            problems.append(f"{lab['file']}: ERROR {type(exc).__name__}: {exc}")
            continue
        matrix[lab["status"]][v.status] += 1
        want_s = sorted(map(tuple, lab["digital_sections"]))
        got_s = sorted(map(tuple, v.sections))
        diffs = []
        if v.status != lab["status"]:
            diffs.append(f"status {lab['status']} -> {v.status}")
        if v.chapters != lab["digital_chapters"]:
            diffs.append(f"chapters {lab['digital_chapters']} -> {v.chapters}")
        if got_s != want_s:
            diffs.append(f"sections {want_s} -> {got_s}")
        if diffs:
            problems.append(f"{lab['file']}: " + "; ".join(diffs)
                            + (" [borderline]" if lab.get("borderline") else ""))
    elapsed = time.perf_counter() - t0
    width = max(len(s) for s in STATUSES) + 2
    cols = STATUSES + ("error",)
    print("label \\ predicted".ljust(width) + "".join(c[:12].rjust(14) for c in cols))
    for a in STATUSES:
        print(a.ljust(width) + "".join(str(matrix[a][b]).rjust(14) for b in cols))
    correct = sum(matrix[a][a] for a in STATUSES)
    print(f"\nstatus agreement: {correct}/{len(labels)}   ({elapsed:.1f} s for {len(labels)} documents)")
    if problems:
        print("\ndisagreements:")
        for p in problems:
            print("  " + p)
    if args.all:
        labelled = {lab["file"] for lab in labels}
        print("\nunlabelled corpus files:")
        for sub in ("txt", "json", "docx", "html"):
            for path in sorted((args.corpus / sub).glob("*")):
                rel = f"{sub}/{path.name}"
                if rel in labelled:
                    continue
                try:
                    doc, v = load(path)
                    print(f"  {rel}: {v.status} ch={v.chapters} sec={v.sections} "
                          f"art={v.articles[:8]} | {doc.title[:50]}")
                except Exception as exc:  # noqa: BLE001
                    print(f"  {rel}: ERROR {type(exc).__name__}: {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
