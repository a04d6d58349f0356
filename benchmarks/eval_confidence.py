"""How honest the verdict's probabilities are, against the hand labels.

Usage:  python benchmarks/eval_confidence.py [--corpus DIR] [--verdict rules|trained] [--units N]

* Units: every unit of training/labels/units.jsonl (articles, sections, chapters of the corpus
  and its pool; the second pass's label where there is one; borderline labels left out) is matched by file and eid to its judgement
  (``Analysis.judgements``); prints, per band of the judged probability, how many units there
  are and what share is labelled digital (a calibrated probability matches its share), and the
  same for the units with no digital cue at all (``judge.P_NO_CUE``). ``--units N`` reads only
  the first N labelled files (a quick look).
* Documents: every Vietnamese law of labels-dev.jsonl with a status: its verdict's confidence
  against whether the status is right; how many are marked for review
  (``confidence.REVIEW_BELOW``) and how many of the wrong ones are.

Reads ../shared/corpus (or $LAWSCAN_CORPUS); nothing is written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

DEFAULT_CORPUS = Path(os.environ.get("LAWSCAN_CORPUS", REPO.parent / "shared" / "corpus"))
BANDS = (0.0, 0.02, 0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def _analyse(path: Path, settings: dict):
    from lawscan.analyse import analyse_document
    from lawscan.pipeline import load_document

    return analyse_document(load_document(path), settings)


def _band(p: float) -> str:
    for lo, hi in zip(BANDS, BANDS[1:]):
        if lo <= p < hi:
            return f"{lo:.2f}-{min(hi, 1):.2f}"
    return "?"


def units(corpus: Path, settings: dict, limit: int | None) -> None:
    from lawscan.analyse.judge import P_NO_CUE

    latest: dict[tuple[str, str], dict] = {}  # (file, eid) -> its label, the second pass's if any
    for line in (REPO / "training" / "labels" / "units.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        key = (row["file"], row["eid"])
        if key not in latest or row.get("pass", 1) >= latest[key].get("pass", 1):
            latest[key] = row
    by_file: dict[str, list[dict]] = defaultdict(list)
    for row in latest.values():
        if row["label"] in ("yes", "no") and not row.get("quoted"):
            by_file[row["file"]].append(row)
    files = sorted(by_file)[:limit] if limit else sorted(by_file)
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # band -> [units, labelled yes]
    no_cue, unmatched = [0, 0], 0
    for name in files:
        try:
            analysis = _analyse(corpus / name, settings)
        except Exception as exc:  # noqa: BLE001 - a file that cannot be read is left out
            print(f"  {name}: {type(exc).__name__}: {exc}")
            continue
        judged = {j.unit.eid: j for kind in ("article", "section", "chapter")
                  for j in analysis.judgements.kind(kind)}
        for row in by_file[name]:
            j = judged.get(row["eid"])
            if j is None:  # final provisions, framing articles, or an eid the parser gave otherwise
                unmatched += 1
                continue
            yes = row["label"] == "yes"
            cell = table[_band(j.p)]
            cell[0] += 1
            cell[1] += yes
            if j.p == P_NO_CUE:
                no_cue[0] += 1
                no_cue[1] += yes
    print(f"units: {sum(c[0] for c in table.values())} labelled units judged ({unmatched} not judged) "
          f"in {len(files)} files")
    print(f"  {'p band':11} {'units':>6} {'digital':>8} {'share':>6}")
    for band in sorted(table):
        n, yes = table[band]
        print(f"  {band:11} {n:6} {yes:8} {yes / n:6.3f}")
    if no_cue[0]:
        print(f"  no cue (p={P_NO_CUE}): {no_cue[0]} units, {no_cue[1]} digital "
              f"({no_cue[1] / no_cue[0]:.3f})")


def documents(corpus: Path, settings: dict) -> None:
    from lawscan.analyse.confidence import REVIEW_BELOW

    labels = [json.loads(x) for x in (corpus / "labels-dev.jsonl").read_text(encoding="utf-8").splitlines()
              if x.strip()]
    rows = []
    for lab in labels:
        if not lab.get("status"):
            continue
        v = _analyse(corpus / lab["file"], settings).verdict
        rows.append((v.confidence, v.status == lab["status"], lab["file"], lab["status"], v.status,
                     bool(lab.get("borderline"))))
    rows.sort()
    right = sum(r[1] for r in rows)
    flagged = [r for r in rows if r[0] < REVIEW_BELOW]
    print(f"documents: {right} of {len(rows)} statuses right; {len(flagged)} marked for review "
          f"(confidence < {REVIEW_BELOW}), {sum(not r[1] for r in flagged)} of the "
          f"{len(rows) - right} wrong ones among them")
    for conf, ok, name, want, got, borderline in rows:
        if conf < REVIEW_BELOW or not ok:
            print(f"  {conf:.3f} {'right' if ok else 'WRONG'} {name}: label {want}, verdict {got}"
                  + (" (borderline)" if borderline else ""))
    bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for conf, ok, *_ in rows:
        bands[_band(conf)][0] += 1
        bands[_band(conf)][1] += ok
    print(f"  {'confidence':11} {'laws':>5} {'right':>6}")
    for band in sorted(bands):
        print(f"  {band:11} {bands[band][0]:5} {bands[band][1]:6}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--verdict", choices=("rules", "trained"), default="rules")
    ap.add_argument("--units", type=int, default=None, metavar="N", help="only the first N labelled files")
    args = ap.parse_args(argv)
    if not (args.corpus / "labels-dev.jsonl").exists():
        ap.error(f"no corpus at {args.corpus} (set $LAWSCAN_CORPUS)")
    settings = {"verdict": args.verdict}
    documents(args.corpus, settings)
    units(args.corpus, settings, args.units)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
