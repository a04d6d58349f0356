"""Scan speed and memory on the corpus, against a floor, in one run.

Command (from the repository root; takes a few minutes on 2 cores)::

    python benchmarks/bench_scan.py [CORPUS_DIR] [--repeat 3] [--replicate 10] [--skip-replicate]

CORPUS_DIR defaults to $LAWSCAN_CORPUS or ../shared/corpus (its akn/ docx/ html/ json/ txt/ folders).
Each phase runs in a fresh process; wall time and that process tree's peak RSS are measured.
Phases (a)-(d) run ``--repeat`` times, interleaved, and the best wall time is kept (with the
slowest in brackets): on a shared VM one run can be 30% slower than the next.

  (a) floor   — read every file and pull its text with the libraries lawscan's readers use
                (zipfile + lxml for .docx, lxml.html, json, lxml.etree), NFC, one heading regex;
  (a') floor with python-docx for the .docx files (the issue's wording; lawscan's own .docx
                reader uses lxml directly because python-docx was twice as slow);
  (b) parse   — ``lawscan parse DIRS --format json``;
  (c) scan    — ``lawscan scan DIRS --format json`` with every rule;
  (d) scan -j2 — the same with ``--jobs 2``;
  (c') (d') trained — (c) and (d) with ``--verdict trained`` (the shipped classifier);
  (e) scan ×N — (c) on the corpus replicated N times (hard links in a temporary directory),
                to show that peak memory stays flat as the corpus grows;
  (e') floor ×N — (a) on the same replicated corpus: the ratio (e)/(e') is the scan's cost per
                document once the fixed costs (interpreter start, imports, loading the rules and
                lexicons, spaCy when a law needs it) are spread over many documents;
  (e'') scan -j2 ×N — (d) on the replicated corpus: every worker process pays its start-up
                (spaCy, the largest fixed cost, is imported once by the parent for all of them),
                which weighs less on a larger corpus.
Then ``lawscan --version`` and single-law scans (best of 3). Prints MB/s, documents/s, peak RSS
and the ratios (b)/(a), (c)/(a), (c)/(a'), (c)/(d) and, on the replicated corpus, (e)/(e') and
(e)/(e'').

A/B mode: ``--ab DIR [DIR ...] [--ab-jobs 2] [--repeat 9]`` times only ``lawscan scan --jobs 2`` on
the corpus, with this checkout's lawscan and with the ``lawscan`` package under each DIR (put
first on PYTHONPATH; e.g. ``git archive OLD lawscan | tar -x -C DIR``), the variants interleaved
run by run so that a slow minute of the shared VM hits them alike; prints each variant's runs,
median and best.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SUBDIRS = ("akn", "docx", "html", "json", "txt")

FLOOR = r'''
import json, re, sys, unicodedata, zipfile
from pathlib import Path
from lxml import etree, html
HEAD = re.compile(r"^(?:Chương|Điều|Mục|Phần)\s+\S+", re.M)
MODE = sys.argv[1]
n = 0
for path in sys.argv[2:]:
    p = Path(path)
    data = p.read_bytes()
    if p.suffix == ".docx" and MODE == "python-docx":
        import docx
        text = "\n".join(par.text for par in docx.Document(str(p)).paragraphs)
    elif p.suffix == ".docx":
        with zipfile.ZipFile(p) as z:
            root = etree.fromstring(z.read("word/document.xml"))
        ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        text = "\n".join("".join(t.text or "" for t in para.iter(ns + "t")) for para in root.iter(ns + "p"))
    elif p.suffix in (".html", ".htm"):
        text = html.fromstring(data).text_content()
    elif p.suffix == ".json":
        def strings(o):
            if isinstance(o, str):
                yield o
            elif isinstance(o, dict):
                for v in o.values():
                    yield from strings(v)
            elif isinstance(o, list):
                for v in o:
                    yield from strings(v)
        text = "\n".join(strings(json.loads(data)))
    elif p.suffix == ".xml":
        text = "\n".join(etree.fromstring(data, etree.XMLParser(resolve_entities=False)).itertext())
    else:
        text = data.decode("utf-8", "replace")
    n += len(HEAD.findall(unicodedata.normalize("NFC", text)))
print(n)
'''


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MB) of the process tree, exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1, 2):
        print(err, file=sys.stderr)
    # ru_maxrss of the child includes its reaped children (worker processes), in KiB on Linux
    return wall, usage.ru_maxrss / 1024, proc.returncode


def lawscan(*args: str) -> list[str]:
    return [sys.executable, "-m", "lawscan", *args]


def _replicate(source: Path, target: Path) -> None:
    """A hard link to ``source`` (a copy on another file system). Not a symbolic link: lawscan
    does not follow those out of the folder it is given (docs/trust-model.md)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _check_read_all(report: Path, files: int) -> None:
    """Every replicated file was read: a document, an input error or a file that is not a law,
    never one left unread (a link lawscan does not follow)."""
    data = json.loads(report.read_text(encoding="utf-8"))
    read = [s for s in data.get("skipped", []) if s["code"] == "not_law"]
    seen = len(data["documents"]) + len(data["errors"]) + len(read)
    if seen != files:
        sys.exit(f"{report.name}: the replicated scan read {seen} of {files} files")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=os.environ.get("LAWSCAN_CORPUS",
                                                                 str(REPO.parent / "shared" / "corpus")))
    ap.add_argument("--repeat", type=int, default=3, help="runs of phases (a)-(d); the best is kept")
    ap.add_argument("--replicate", type=int, default=10)
    ap.add_argument("--skip-replicate", action="store_true")
    ap.add_argument("--ab", nargs="+", metavar="DIR", help="A/B: other checkouts' lawscan packages")
    ap.add_argument("--ab-jobs", type=int, default=2)
    args = ap.parse_args(argv)
    corpus = Path(args.corpus).resolve()
    dirs = [str(corpus / d) for d in SUBDIRS if (corpus / d).is_dir()]
    files = sorted(str(p) for d in dirs for p in Path(d).iterdir() if p.is_file())
    if not files:
        print(f"no corpus under {corpus}", file=sys.stderr)
        return 2
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    n = len(files)
    print(f"corpus: {n} files, {mb:.1f} MB ({corpus})")
    out = Path(tempfile.mkdtemp(prefix="lawscan-bench-"))
    rows = {}
    scan = ["scan", "--no-config", "--no-progress", "--fail-on", "never", "-f", "json"]
    if args.ab:
        return ab(args, [*scan, "--jobs", str(args.ab_jobs), *dirs], out)
    phases = {
        "a floor": [sys.executable, "-c", FLOOR, "lxml", *files],
        "a' floor docx": [sys.executable, "-c", FLOOR, "python-docx", *files],
        "b parse": lawscan("parse", *dirs, "--format", "json", "-o", str(out / "p.json")),
        "c scan": lawscan(*scan, *dirs, "-o", str(out / "s.json")),
        "d scan -j2": lawscan(*scan, "--jobs", "2", *dirs, "-o", str(out / "s2.json")),
        "c' trained": lawscan(*scan, "--verdict", "trained", *dirs, "-o", str(out / "t.json")),
        "d' trained -j2": lawscan(*scan, "--verdict", "trained", "--jobs", "2", *dirs,
                                  "-o", str(out / "t2.json")),
    }
    runs: dict[str, list] = {name: [] for name in phases}
    for _ in range(max(1, args.repeat)):
        for name, cmd in phases.items():
            runs[name].append(run(cmd))
    slowest = {}
    for name, results in runs.items():
        rows[name] = min(results)  # the best wall time; peak RSS is about the same in every run
        slowest[name] = max(r[0] for r in results)
    if not args.skip_replicate:
        rep = out / "replicated"
        for k in range(args.replicate):
            for d in dirs:
                target = rep / f"copy{k}" / Path(d).name
                target.mkdir(parents=True)
                for f in Path(d).iterdir():
                    _replicate(f, target / f.name)
        rows[f"e scan x{args.replicate}"] = run(lawscan(*scan, str(rep), "-o", str(out / "s10.json")))
        rows[f"e scan -j2 x{args.replicate}"] = run(lawscan(*scan, "--jobs", "2", str(rep),
                                                            "-o", str(out / "s10j2.json")))
        copies = sorted(str(p) for p in rep.rglob("*") if p.is_file())
        for report in ("s10.json", "s10j2.json"):  # a replicated scan that read nothing measures nothing
            _check_read_all(out / report, len(copies))
        rows[f"e' floor x{args.replicate}"] = run([sys.executable, "-c", FLOOR, "lxml", *copies])
    print(f"{'phase':14} {'seconds':>8} {'MB/s':>7} {'docs/s':>7} {'peak RSS MB':>12}")
    for name, (wall, rss, code) in rows.items():
        factor = args.replicate if name.startswith("e") else 1
        spread = f"  (slowest {slowest[name]:.2f})" if name in slowest and len(runs[name]) > 1 else ""
        print(f"{name:14} {wall:8.2f} {mb * factor / wall:7.2f} {n * factor / wall:7.1f} {rss:12.0f}{spread}")
    a, a2, b, c, d = (rows[k][0] for k in ("a floor", "a' floor docx", "b parse", "c scan", "d scan -j2"))
    print(f"ratios: parse/floor {b / a:.2f}  scan/floor {c / a:.2f} (python-docx floor: {c / a2:.2f})"
          f"  scan/scan-j2 {c / d:.2f}")
    t, t2 = rows["c' trained"][0], rows["d' trained -j2"][0]
    print(f"trained verdict: scan/floor {t / a:.2f} (python-docx floor: {t / a2:.2f})  "
          f"scan -j2/floor {t2 / a:.2f}  trained/rule-only {t / c:.2f}")
    if not args.skip_replicate:
        e, e2 = rows[f"e scan x{args.replicate}"][0], rows[f"e' floor x{args.replicate}"][0]
        ej2 = rows[f"e scan -j2 x{args.replicate}"][0]
        print(f"replicated x{args.replicate}: scan/floor {e / e2:.2f}  scan/scan-j2 {e / ej2:.2f}")
    single_laws(corpus, scan, out)
    return 0


def single_laws(corpus: Path, scan: list[str], out: Path) -> None:
    """``lawscan --version`` and one-law scans with each verdict (best of 3)."""
    version = min(run(lawscan("--version"))[0] for _ in range(3))
    print(f"lawscan --version: {version:.3f} s (best of 3)")
    for law in (REPO / "sample_laws" / "06-du-thao-luat-kinh-doanh-dich-vu-cam-do-nfd.txt",
                corpus / "docx" / "vbpl-luat-31-2024-qh15.docx"):
        if law.exists():
            for verdict in ("rules", "trained"):
                best = min(run(lawscan(*scan, "--verdict", verdict, str(law), "-o", str(out / "one.json")))[0]
                           for _ in range(3))
                print(f"single-law scan {law.name}, --verdict {verdict}: {best:.2f} s (best of 3)")


def ab(args, scan: list[str], out: Path) -> int:
    """The A/B mode (see the module docstring)."""
    import statistics

    variants = {"this checkout": None}
    for d in args.ab:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(d).resolve()), env.get("PYTHONPATH")]))
        variants[d] = env
    times: dict[str, list[float]] = {name: [] for name in variants}
    cpu: dict[str, list[float]] = {name: [] for name in variants}
    for i in range(max(1, args.repeat)):
        order = list(variants) if i % 2 == 0 else list(reversed(variants))  # neither always first
        for name in order:
            # run from out/: ``python -m`` puts the working directory first on sys.path
            before = os.times()
            wall, _rss, code = run(lawscan(*scan, "-o", str(out / "ab.json")), cwd=out,
                                   env=variants[name])
            after = os.times()
            if code not in (0, 1, 2):
                print(f"{name}: exit code {code}", file=sys.stderr)
                return 1
            times[name].append(wall)
            cpu[name].append(after.children_user + after.children_system
                             - before.children_user - before.children_system)
    print("wall seconds, then CPU seconds of the process tree (less sensitive to other load)")
    for name, ts in times.items():
        print(f"{name:30} wall median {statistics.median(ts):.2f} best {min(ts):.2f}  "
              f"cpu median {statistics.median(cpu[name]):.2f}  wall runs " + " ".join(f"{t:.2f}" for t in ts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
