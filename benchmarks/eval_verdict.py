"""Honest evaluation of the trained verdict against the rule-only verdict, by law-grouped
cross-validation.

Command (from the repository root; about 10 minutes on 2 cores, most of it training 5 models)::

    python benchmarks/eval_verdict.py [--corpus DIR] [--labels FILE] [--folds 5] [--seed 0]
                                      [--list-errors]

Reads every Vietnamese document of the corpus and its pool (``$LAWSCAN_CORPUS`` or
``../shared/corpus``) and training/labels/units.jsonl (``training/data.py``). Documents are put
in folds by law (the same law in the corpus and the pool, a consolidated text and its law, are
one group: ``data.groups``); for each fold a classifier is trained on the labelled units of the
other folds only and scores the fold's units; the thresholds and the calibration that turn those
scores into each law's verdict are chosen on the other folds' out-of-fold scores only
(``cv.cross_fitted``). So no figure below comes from a model, a threshold or a calibration that
saw the law it is measured on. The rule-only verdict is the one ``lawscan.analyse`` gives today
(its lexicon and thresholds were written while looking at the corpus files, not at the pool:
its figures on the corpus part are in-sample).

Prints:
* units: precision, recall and F1 of "main subject is digital" (label yes; borderline counts as
  not yes) for the articles, sections and chapters that count for the verdict (final provisions
  and scope/subjects/definitions articles left out, as both verdicts leave them out by
  structure); an article is the trained verdict's when its probability reaches the threshold,
  a section or chapter when the roll-up makes it digital. Units without a cue were labelled only
  as a random sample: each of them stands for (units without a cue) / (sampled ones) units, so
  the figures estimate the whole population, and the recall of the cue prefilter is given too;
* documents: status accuracy and clear-case accuracy (documents not marked borderline) on the
  labelled development laws (labels-dev.jsonl) and on the silver statuses of every document
  (``data.silver``: what the unit labels give), by part (corpus, pool), and the digital chapters
  missed; rule-only beside trained;
* the reliability of the confidence (bins of the calibrated probability of being right against
  the share right) and what the review threshold flags.
``--list-errors`` lists the documents whose trained status differs from the gold or silver one.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lawscan.analyse.rollup import roll_up  # noqa: E402
from training import cv  # noqa: E402
from training.data import (DEFAULT_CORPUS, DEFAULT_LABELS, folds, load_laws, silver,  # noqa: E402
                           with_probs)

KINDS = ("article", "section", "chapter")


def unit_rows(laws, probs, params_of):
    """(kind, label, chosen, trained says digital, rules say digital, candidate) of every
    labelled own unit that counts for the verdict, and the count of counting units without a cue
    by kind (the population the sample stands for). A chapter or section is the trained
    verdict's when the roll-up makes it digital, the law's topic left aside (the rules' unit
    decisions do not look at it either)."""
    rows, uncued = [], {k: 0 for k in KINDS}
    for i, law in enumerate(laws):
        v = roll_up(with_probs(law, probs[i]), params_of[i])
        decided = {d.unit.eid for d in v.chapters + v.sections}
        article_t = params_of[i].article
        counting = {e.eid: e for e in law.evidence if e.counts and not e.attributed_to}
        units = {u.eid: u for u in law.units}
        for eid, e in counting.items():
            u = units.get(eid)
            if u is None or not u.candidate:
                uncued[e.kind] += 1
            if u is None or u.label is None:
                continue
            if e.kind == "article":
                trained = probs[i].get(eid, 0.0) >= article_t
            else:
                trained = eid in decided
            rows.append((e.kind, u.label, u.chosen, trained, u.rule, u.candidate))
    return rows, uncued


def prf(rows, pick, weight):
    tp = fp = fn = 0.0
    for r in rows:
        w = weight(r)
        y, p = r[1] == "yes", pick(r)
        tp += w * (y and p)
        fp += w * (p and not y)
        fn += w * (y and not p)
    prec = tp / (tp + fp) if tp + fp else float("nan")
    rec = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return prec, rec, f1


def print_units(rows, uncued):
    print("\nUnits that count for the verdict (yes vs not; borderline counts as not yes;"
          " uncued units weighted by 1/sampling rate)")
    print(f"  {'kind':8s} {'labelled':>8s} {'rules P/R/F1':>22s} {'trained P/R/F1':>22s}")
    for kind in KINDS:
        rs = [r for r in rows if r[0] == kind]
        sampled = sum(1 for r in rs if not r[5])
        rate = uncued[kind] / sampled if sampled else 1.0

        def weight(r, rate=rate):
            return rate if not r[5] else 1.0
        rp = prf(rs, lambda r: r[4], weight)
        tp = prf(rs, lambda r: r[3], weight)
        print(f"  {kind:8s} {len(rs):8d} {rp[0]:7.3f}{rp[1]:7.3f}{rp[2]:7.3f}  "
              f"{tp[0]:7.3f}{tp[1]:7.3f}{tp[2]:7.3f}")
        yes_cued = sum(1 for r in rs if r[1] == "yes" and r[5])
        yes_uncued = sum(1 for r in rs if r[1] == "yes" and not r[5]) * rate
        if yes_cued + yes_uncued:
            print(f"  {'':8s} cue prefilter: {yes_cued} yes with a cue, about {yes_uncued:.0f} "
                  f"without ({sum(1 for r in rs if r[1] == 'yes' and not r[5])} in the sample of "
                  f"{sampled}): recall {yes_cued / (yes_cued + yes_uncued):.1%}")


def document_table(laws, verdicts):
    print("\nDocuments: status right / total (clear cases: not borderline)")
    print(f"  {'set':32s} {'rules':>18s} {'trained':>18s}")
    sets = {
        "dev gold (labels-dev.jsonl)": [i for i, law in enumerate(laws) if law.gold],
        "silver, all documents": list(range(len(laws))),
        "silver, corpus": [i for i, law in enumerate(laws) if not law.file.startswith("pool/")],
        "silver, pool": [i for i, law in enumerate(laws) if law.file.startswith("pool/")],
    }
    for name, idx in sets.items():
        cells = []
        for which in ("rules", "trained"):
            right = clear = clear_right = 0
            for i in idx:
                law = laws[i]
                if law.gold and name.startswith("dev"):
                    truth, border = law.gold["status"], law.gold.get("borderline", False)
                else:
                    truth, border = silver(law)
                got = law.rules["status"] if which == "rules" else verdicts[i].status
                right += got == truth
                if not border:
                    clear += 1
                    clear_right += got == truth
            cells.append(f"{right}/{len(idx)} {right / len(idx):5.1%} {clear_right / clear:6.1%}")
        print(f"  {name:32s} {cells[0]:>18s}   {cells[1]:>18s}")
    missed_gold = {"rules": 0, "trained": 0}
    total_gold = 0
    for i, law in enumerate(laws):
        if law.gold and law.gold["status"] != "digital_law":
            want = set(law.gold["digital_chapters"])
            total_gold += len(want)
            missed_gold["rules"] += len(want - set(law.rules["chapters"]))
            missed_gold["trained"] += len(want - {d.unit.num for d in verdicts[i].chapters})
    print(f"  digital chapters missed (dev gold, {total_gold} chapters outside digital laws): "
          f"rules {missed_gold['rules']}, trained {missed_gold['trained']}")
    missed = {"rules": 0, "trained": 0}
    total = 0
    for i, law in enumerate(laws):
        if law.topic or law.scope_topic:
            continue
        yes = {u.eid for u in law.units if u.kind == "chapter" and u.label == "yes"}
        yes &= {e.eid for e in law.evidence if e.counts}
        nums = {e.eid: e.num for e in law.evidence}
        total += len(yes)
        missed["rules"] += len({nums[e] for e in yes} - set(law.rules["chapters"]))
        missed["trained"] += len(yes - {d.unit.eid for d in verdicts[i].chapters})
    print(f"  chapters labelled yes missed (silver, {total} outside digital laws): "
          f"rules {missed['rules']}, trained {missed['trained']}")


def reliability(laws, verdicts):
    print("\nConfidence (cross-fitted calibration) against the share of silver statuses right")
    bins = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 0.99), (0.99, 1.01)]
    pairs = [(v.confidence, v.status == silver(laws[i])[0]) for i, v in verdicts.items()]
    print(f"  {'confidence':>12s} {'documents':>10s} {'mean conf.':>11s} {'right':>8s}")
    for lo, hi in bins:
        sel = [(c, r) for c, r in pairs if lo <= c < hi]
        if sel:
            print(f"  {lo:5.2f}-{min(hi, 1):4.2f} {len(sel):10d} "
                  f"{sum(c for c, _ in sel) / len(sel):11.3f} {sum(r for _, r in sel) / len(sel):8.1%}")
    flagged = [(v.review, v.status == silver(laws[i])[0]) for i, v in verdicts.items()]
    n_flag = sum(1 for f, _ in flagged if f)
    acc_flag = sum(r for f, r in flagged if f) / n_flag if n_flag else float("nan")
    rest = [r for f, r in flagged if not f]
    print(f"  review marks {n_flag}/{len(flagged)} documents ({n_flag / len(flagged):.1%}): "
          f"{acc_flag:.1%} of them right, {sum(rest) / len(rest):.1%} of the others")


def list_errors(laws, verdicts):
    print("\nDocuments whose trained status differs from the gold (dev) or silver status:")
    for i, law in enumerate(laws):
        truth = law.gold["status"] if law.gold else silver(law)[0]
        v = verdicts[i]
        if v.status != truth:
            print(f"  {law.file}: {truth} -> {v.status} (rules {law.rules['status']}, "
                  f"confidence {v.confidence:.2f}{', review' if v.review else ''})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--list-errors", action="store_true")
    args = ap.parse_args(argv)
    if not (args.corpus / "MANIFEST.tsv").is_file():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    laws = load_laws(args.corpus, args.labels)
    fold_of = folds(laws, args.folds, args.seed)
    print(f"{len(laws)} documents, {len({law.group for law in laws})} laws, "
          f"{sum(u.label is not None for law in laws for u in law.units)} labelled units, "
          f"{args.folds} folds", file=sys.stderr)
    probs = cv.out_of_fold(laws, fold_of, seed=args.seed)
    verdicts, chosen = cv.cross_fitted(laws, probs, fold_of)
    rows, uncued = unit_rows(laws, probs, {i: chosen[f] for i, f in enumerate(fold_of)})
    print(f"Law-grouped {args.folds}-fold cross-validation: {len(laws)} documents "
          f"({len({law.group for law in laws})} laws), seed {args.seed}")
    print_units(rows, uncued)
    document_table(laws, verdicts)
    reliability(laws, verdicts)
    if args.list_errors:
        list_errors(laws, verdicts)
    print(f"\n({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
