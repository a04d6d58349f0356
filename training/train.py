"""Train the classifier that lawscan's trained verdict ships, and choose its roll-up parameters.

Command (from the repository root, in the project's virtualenv; about 1-2 minutes on 2 cores)::

    python training/train.py [--corpus DIR] [--labels FILE] [--out DIR] [--seed 0] [--folds 5]

Reads every Vietnamese document of the corpus and its pool (``$LAWSCAN_CORPUS`` or
``../shared/corpus``) with lawscan's reader and parser, finds each unit of
training/labels/units.jsonl in them again (``training/data.py``: by eid, then by kind + number +
heading key), and

1. runs the law-grouped cross-validation (``training/cv.py``): a classifier per fold, trained on
   the other folds' labelled units, scores the fold's candidate units;
2. fits the calibration on those out-of-fold scores: per kind of unit, a Platt scaling of the
   unit labels on the score, so that the shipped classifier's probabilities mean what
   they say (``lawscan.analyse.classifier.combine_trained`` takes 0.5 as digital, and the
   verdict's confidence, ``lawscan.analyse.confidence``, reads them);
3. trains the shipped classifier on every labelled unit (``training/textcat.py``: spaCy
   ``blank("xx")`` + ``textcat_multilabel``, a bag of syllable 1-2-grams, seeded) and writes
   ``DIR/textcat/`` (spaCy's ``to_disk``, its vocabulary and tokenizer left out: the model
   hashes the syllables of the Docs ``classify`` makes) and ``DIR/calibration.json`` (the
   scalings of step 2 and what they were made from).

DIR defaults to lawscan/analyse/model/, where ``lawscan.analyse.classify`` loads it from. The same
corpus, labels and seed give the same files, byte for byte. Training is never part of the test
suite; ``python benchmarks/eval_verdict.py`` measures what the result is worth.

To retrain with new labels: add them to training/labels/units.jsonl (training/GUIDELINE.md;
``merge_labels.py`` makes the file from the annotators' batches), run this command, run the
evaluation, and commit the labels, the model and the README figures together.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lawscan.analyse.classify import BODY_CHARS, CALIBRATION, EXCLUDED, MODEL_DIR, TITLES  # noqa: E402
from training import cv, textcat  # noqa: E402
from training.data import DEFAULT_CORPUS, DEFAULT_LABELS, folds, load_laws  # noqa: E402


def write_model(nlp, scaling: dict, out: Path, provenance: dict) -> None:
    """Replace ``out`` with the new model (written beside it first, then moved in)."""
    tmp = out.with_name(out.name + ".new")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    nlp.to_disk(tmp / "textcat", exclude=list(EXCLUDED))
    with open(tmp / CALIBRATION, "w", encoding="utf-8") as fh:
        json.dump({**{k: list(v) for k, v in scaling.items()},
                   "provenance": provenance}, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)


def digest(path: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(f.relative_to(path).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--out", type=Path, default=MODEL_DIR)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    if not (args.corpus / "MANIFEST.tsv").is_file():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    print("reading the corpus and the labels ...", file=sys.stderr)
    laws = load_laws(args.corpus, args.labels)
    fold_of = folds(laws, args.folds, args.seed)
    texts, targets = cv.training_set(laws)
    print(f"{len(laws)} documents, {len({law.group for law in laws})} laws, {len(texts)} labelled "
          f"units the classifier scores; cross-validation in {args.folds} folds ...",
          file=sys.stderr)
    probs = cv.out_of_fold(laws, fold_of, seed=args.seed)
    scaling = cv.fit_calibration(laws, probs)
    print("calibration (a, b): " + ", ".join(f"{k} {v}" for k, v in scaling.items()),
          file=sys.stderr)
    print("training the shipped model on every labelled unit ...", file=sys.stderr)
    nlp = textcat.train(texts, targets, seed=args.seed)
    provenance = {
        "labelled_units": len(texts), "documents": len(laws),
        "laws": len({law.group for law in laws}), "folds": args.folds, "seed": args.seed,
        "labels_sha256": hashlib.sha256(args.labels.read_bytes()).hexdigest()[:16],
        "textcat": textcat.CONFIG, "body_chars": BODY_CHARS, "titles": TITLES,
    }
    write_model(nlp, scaling, args.out, provenance)
    print(f"wrote {args.out} (digest {digest(args.out)}) in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
