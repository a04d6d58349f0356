"""Parsing speed: read + normalise + parse every file of the corpus, one process, one thread.

Command (from the repository root)::

    python benchmarks/bench_parse.py [CORPUS_DIR]

CORPUS_DIR defaults to $LAWSCAN_CORPUS or ../shared/corpus. Prints one line per format and the
total: files, MB, seconds, MB/s and documents/s (files that the readers refuse are counted as
read errors and their time is included).
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from pathlib import Path


def main(argv: list[str]) -> int:
    repo = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(repo))
    from lawscan.errors import ReadError
    from lawscan.pipeline import iter_inputs, load_document

    corpus = Path(argv[1] if len(argv) > 1 else os.environ.get("LAWSCAN_CORPUS", repo.parent / "shared" / "corpus"))
    files = [Path(p) for p in iter_inputs([corpus])
             if Path(p).parent.name in ("akn", "docx", "html", "json", "txt")]
    if not files:
        print(f"no corpus files under {corpus}", file=sys.stderr)
        return 2
    stats: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0])  # files, bytes, seconds, errors
    for path in files:
        size = path.stat().st_size
        start = time.perf_counter()
        try:
            load_document(path)
            failed = 0
        except ReadError:
            failed = 1
        elapsed = time.perf_counter() - start
        s = stats[path.parent.name]
        s[0] += 1
        s[1] += size
        s[2] += elapsed
        s[3] += failed
    total = [sum(s[i] for s in stats.values()) for i in range(4)]
    print(f"{'format':8} {'files':>6} {'MB':>8} {'seconds':>8} {'MB/s':>7} {'docs/s':>7} {'errors':>6}")
    for name, s in sorted(stats.items()) + [("total", total)]:
        files_n, size, secs, errs = s
        mb = size / 1e6
        print(f"{name:8} {int(files_n):6d} {mb:8.2f} {secs:8.2f} {mb / secs:7.2f} {files_n / secs:7.1f} {int(errs):6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
