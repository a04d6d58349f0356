"""What the trained verdict's classifier costs: loading the model, and its work on each law.

Command (from the repository root; about a minute on 2 cores)::

    python benchmarks/bench_classify.py [CORPUS_DIR] [--repeat 3]

CORPUS_DIR defaults to $LAWSCAN_CORPUS or ../shared/corpus. Prints:

  (1) start-up, each in a fresh process (best of ``--repeat``): ``import spacy``, then
      loading the shipped model (``classify.load_model()``) on top of it;
  (2) in one process over every corpus file (read and parsed first, untimed): the rule-only
      analysis (``analyse_document``) and the trained one, and inside the trained one the
      classifier's own work split into the cue prefilter (``classify.candidates``), the input
      texts (``classify.unit_text``) and the model (one ``nlp.pipe`` call per kind); totals,
      median and slowest law, and how many units were scored.

Whole scans with ``--verdict trained`` against the reading floor, and one law, are in
benchmarks/bench_scan.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scan import SUBDIRS, run  # noqa: E402

# the classifier's steps timed inside the trained analysis: label -> function of classify
INSIDE = {"prefilter": "candidates", "texts": "unit_text", "model": "score_texts"}


def startup(repeat: int) -> None:
    bare = min(run([sys.executable, "-c", "pass"])[0] for _ in range(repeat))
    spacy_t = min(run([sys.executable, "-c", "import spacy"])[0] for _ in range(repeat))
    model_t = min(run([sys.executable, "-c", "import spacy; from lawscan.analyse import classify; "
                       "classify.load_model()"])[0] for _ in range(repeat))
    print(f"(1) start-up: python {bare:.2f} s; import spacy {spacy_t - bare:.2f} s; "
          f"+ lawscan's analysis imports and the model {model_t - spacy_t:.2f} s")


def _timed(parts: dict, name: str, fn):
    def wrapper(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            parts[name][-1] += time.perf_counter() - t0
    return wrapper


def per_law(files: list[str]) -> None:
    from lawscan.analyse import analyse_document, classify
    from lawscan.analyse.judge import P_NO_CUE
    from lawscan.pipeline import load_document

    classify.load_model()
    parts = {k: [] for k in ("rule-only", "trained", *INSIDE)}
    real = {k: getattr(classify, name) for k, name in INSIDE.items()}
    for k, name in INSIDE.items():
        setattr(classify, name, _timed(parts, k, real[k]))
    scored = 0
    try:
        for path in files:
            try:
                doc = load_document(Path(path))
            except Exception:  # noqa: BLE001 - a file lawscan reports as unreadable
                continue
            for v in parts.values():
                v.append(0.0)
            t0 = time.perf_counter()
            analyse_document(doc)
            t1 = time.perf_counter()
            a = analyse_document(doc, {"verdict": "trained"})
            t2 = time.perf_counter()
            parts["rule-only"][-1], parts["trained"][-1] = t1 - t0, t2 - t1
            scored += sum(1 for k in ("article", "section", "chapter") for j in a.judgements.kind(k)
                          if (s := j.signal("classifier")) is not None and s.p != P_NO_CUE)
    finally:
        for k, name in INSIDE.items():
            setattr(classify, name, real[k])
    n = len(parts["trained"])
    print(f"(2) analysis of {n} laws, {scored} units scored by the model:")
    for k, v in parts.items():
        print(f"    {k:10s} total {sum(v):6.2f} s   median {1000 * statistics.median(v):6.1f} ms"
              f"   slowest {1000 * max(v):6.1f} ms")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=os.environ.get(
        "LAWSCAN_CORPUS", str(REPO.parent / "shared" / "corpus")))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    dirs = [corpus / d for d in SUBDIRS if (corpus / d).is_dir()]
    files = sorted(str(p) for d in dirs for p in d.iterdir() if p.is_file())
    if not files:
        print(f"no corpus under {corpus}", file=sys.stderr)
        return 2
    startup(args.repeat)
    per_law(files)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
