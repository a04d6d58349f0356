"""What converting a run's office files a batch at a time saves (lawscan.read.office_batch).

    python benchmarks/bench_office.py [--limit N] [FOLDER]

Reads every .doc, .rtf and .odt file under FOLDER (default: tests/drafts, the team's own drafts)
twice with LibreOffice: each file alone (one LibreOffice start a file, as before batches), and
as a scan does, a batch of up to 16 files a start. Prints the time of each, and checks that the
two give the same documents. Needs LibreOffice (soffice).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lawscan.pipeline import load_document  # noqa: E402
from lawscan.read.office_batch import CHUNK, OFFICE_SUFFIXES, Batches  # noqa: E402


def shape(doc) -> tuple:
    return (doc.title, doc.counts(), [u.heading for u in doc.root.walk()], [line.text for line in doc.lines])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    drafts = Path(__file__).resolve().parents[1] / "tests" / "drafts"
    parser.add_argument("folder", nargs="?", default=str(drafts))
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    args = parser.parse_args()
    files = sorted(str(p) for p in Path(args.folder).rglob("*") if p.suffix.lower() in OFFICE_SUFFIXES)
    files = files[:args.limit] if args.limit else files
    if not Batches(files).exe:
        print("LibreOffice (soffice) is not installed, or fewer than two files: nothing to measure")
        return 1
    start = time.perf_counter()
    alone = [shape(load_document(f)) for f in files]
    t_alone = time.perf_counter() - start
    start = time.perf_counter()
    with Batches(files) as batches:
        batched = []
        for f in files:
            batches.ready(f)
            batched.append(shape(load_document(f, batches=batches.directory)))
    t_batched = time.perf_counter() - start
    same = sum(a == b for a, b in zip(alone, batched))
    print(f"{len(files)} files: alone {t_alone:.1f} s ({t_alone / len(files):.2f} s a file); "
          f"in batches of {CHUNK} {t_batched:.1f} s ({t_batched / len(files):.2f} s a file), "
          f"{t_alone / t_batched:.1f}x faster; the same document for {same} of {len(files)}")
    return 0 if same == len(files) else 1


if __name__ == "__main__":
    sys.exit(main())
