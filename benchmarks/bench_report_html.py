"""Size and speed of the HTML report of a large scan, in Python and in headless Chromium.

Command (from the repository root; the scan takes a minute or two on 2 cores, then it is kept)::

    python benchmarks/bench_report_html.py [PATHS ...] [--result /tmp/lawscan-result.pickle] [--repeat 3]

PATHS default to $LAWSCAN_CORPUS or ../shared/corpus (its pool/ included: about 560 documents).
The scan (``lawscan.scan.scan`` with ``slim`` and the drafting stage, as ``lawscan scan --report
html=…`` runs it) is pickled to ``--result`` and reused by the next run (delete the file after
changing the analysis). Then, best of ``--repeat``:

  render   — ``HtmlWriter`` over the whole result: seconds and the file's size;
  load     — a fresh headless Chromium opens the file: time to the load event (parsing, layout,
             the script's first pass), the page's height in pixels, first contentful paint;
  no-js    — the same with the script disabled (the plain table and closed details);
  sort / filter / open — one click on the "year" heading, choosing a status, opening the first
             row: milliseconds measured in the page (``performance.now()`` around the handler).

Needs Chromium (``$CHROMIUM``, ``chromium`` …; tools/chromium.py).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _chromium():
    spec = importlib.util.spec_from_file_location("lawscan_tools_chromium", REPO / "tools" / "chromium.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_result(paths: list[str], cache: Path):
    if cache.is_file():
        print(f"scan result: {cache} (delete it to scan again)")
        return pickle.loads(cache.read_bytes())
    from lawscan.drafting.suggest import add_suggestion
    from lawscan.scan import ScanOptions, scan

    start = time.monotonic()
    result = scan(paths, ScanOptions(slim=True, later_stages=(add_suggestion,), jobs=min(2, os.cpu_count() or 1)))
    print(f"scan: {len(result.documents)} documents in {time.monotonic() - start:.1f} s")
    cache.write_bytes(pickle.dumps(result))
    return result


def render(result, out: Path, repeat: int) -> None:
    from lawscan.report import write_report

    times = []
    for _ in range(repeat):
        start = time.monotonic()
        write_report(result, "html", out, generated_at="2026-01-01T00:00:00Z")
        times.append(time.monotonic() - start)
    print(f"render: {min(times):.2f} s (slowest {max(times):.2f}), {out.stat().st_size / 1e6:.2f} MB, "
          f"{len(result.documents)} documents, {out.stat().st_size / max(len(result.documents), 1) / 1e3:.1f} kB each")


def in_page(b, script: str) -> float:
    return b.eval(f"(() => {{ const t = performance.now(); {script}; return performance.now() - t; }})()")


def browse(path: Path, repeat: int) -> None:
    chromium = _chromium()
    loads, nojs, sorts, filters, opens = [], [], [], [], []
    height = paint = None
    for _ in range(repeat):
        with chromium.Chromium(width=1280, height=900, timeout=300) as b:
            b.open(path.as_uri())
            nav = json.loads(b.eval("JSON.stringify(performance.getEntriesByType('navigation')[0])"))
            loads.append(nav["loadEventEnd"] / 1000)
            height = b.eval("document.documentElement.scrollHeight")
            paint = b.eval("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime")
            sorts.append(in_page(b, "document.querySelector('th[data-sort=year] button').click()"))
            filters.append(in_page(b, "const s = document.getElementById('f-status'); s.value = 'none';"
                                      "s.dispatchEvent(new Event('change', {bubbles: true}))"))
            opens.append(in_page(b, "document.querySelector('#laws tbody tr:not([hidden]) a.open').click();"
                                    "document.body.getBoundingClientRect()"))
        with chromium.Chromium(width=1280, height=900, timeout=300) as b:
            b.send("Emulation.setScriptExecutionDisabled", {"value": True})
            start = time.monotonic()
            b.open(path.as_uri())
            nojs.append(time.monotonic() - start)
    print(f"load: {min(loads):.2f} s to the load event (slowest {max(loads):.2f}); first contentful paint "
          f"{(paint or 0) / 1000:.2f} s; page height {height} px")
    print(f"no-js: {min(nojs):.2f} s to the load event, wall clock (slowest {max(nojs):.2f})")
    print(f"sort by year: {min(sorts):.0f} ms; filter by status: {min(filters):.0f} ms; open a row: {min(opens):.0f} ms")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--result", type=Path, default=Path(tempfile.gettempdir()) / "lawscan-result.pickle")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "lawscan-bench-report.html")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    paths = args.paths or [os.environ.get("LAWSCAN_CORPUS") or str(REPO.parent / "shared" / "corpus")]
    if not all(Path(p).exists() for p in paths):
        print(f"not found: {paths}", file=sys.stderr)
        return 2
    result = load_result(paths, args.result)
    render(result, args.out, args.repeat)
    browse(args.out, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
