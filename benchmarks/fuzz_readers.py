"""Fuzz the readers, the normaliser and the structure parser.

Takes seed files (the test fixtures, and the corpus when present) and mutates them; gives a log of
findings. A finding is an input for which

* an exception other than ``ReadError`` escaped ``read_source`` (or the normaliser / parser),
* a reader bug was hidden behind ``ReadError(code="read.internal")`` / ``input.docx`` wrappers,
* the parser returned no tree or recorded a ``structure.internal`` problem,
* one input took longer than ``--slow`` seconds (a hang in waiting).

Each finding is saved once per (kind, exception type, innermost lawscan frame) under
``--out`` (default ``outputs/fuzz``) as the input bytes plus a ``.txt`` with the traceback.

Engines: ``atheris`` (coverage-guided, ``pip install atheris``; the default when installed) or
``random`` (seeded byte mutations of the seeds, no extra dependency).

Commands::

    python benchmarks/fuzz_readers.py --time 600              # ten minutes, atheris if present
    python benchmarks/fuzz_readers.py --engine random --time 60 --seed 1

The first byte of every input chooses the target (a file suffix for ``read_source``, or the
structure parser directly on text); the rest is the file's content. The CI part of the fuzzing is
the hypothesis tests in tests/test_fuzz.py (a fixed number of examples).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

TARGETS = [".txt", ".md", ".html", ".json", ".xml", ".docx", ".vbpl", "", "parse"]
INSTRUMENTED = ["lawscan.read", "lawscan.normalise", "lawscan.structure", "lawscan.read.docx",
                "lawscan.read.html", "lawscan.read.akn", "lawscan.read.jsonrec", "lawscan.read.text",
                "lawscan.read.encoding", "lawscan.read.detect", "lawscan.read.xmlsafe",
                "lawscan.structure.parser", "lawscan.structure.metadata", "lawscan.structure.amend",
                "lawscan.structure.eids"]
INTERNAL_CODES = {"read.internal", "input.docx"}

STATS = {"inputs": 0, "findings": 0, "read_errors": 0, "documents": 0}
SEEN: set[tuple] = set()


def target_of(data: bytes) -> tuple[str, bytes]:
    if not data:
        return ".txt", b""
    return TARGETS[data[0] % len(TARGETS)], data[1:]


def seeds() -> list[bytes]:
    """Seed inputs: fixtures of the readers, structure, scan and samples; a few corpus files."""
    roots = [REPO / "tests" / "fixtures", REPO / "sample_laws"]
    corpus = Path(os.environ.get("LAWSCAN_CORPUS", REPO.parent / "shared" / "corpus"))
    files = [p for r in roots if r.is_dir() for p in sorted(r.rglob("*")) if p.is_file()]
    if corpus.is_dir():
        small = sorted((p for p in corpus.rglob("*") if p.is_file() and p.stat().st_size < 200_000
                        and p.suffix in (".docx", ".html", ".xml", ".json", ".txt", ".md")),
                       key=lambda p: p.stat().st_size)
        files += small[:25]
    out = []
    for p in files:
        suffix = p.suffix.lower()
        if suffix not in TARGETS or p.stat().st_size > 400_000:
            continue
        data = p.read_bytes()
        out.append(bytes([TARGETS.index(suffix)]) + data)
        if suffix in (".txt", ".md"):
            out.append(bytes([TARGETS.index("parse")]) + data)
    return out


def record(kind: str, data: bytes, exc: BaseException | None, out: Path, detail: str = "") -> None:
    frames = traceback.extract_tb(exc.__traceback__) if exc is not None else []
    own = [f for f in frames if "lawscan" in f.filename] or frames
    where = f"{Path(own[-1].filename).name}:{own[-1].lineno}" if own else "-"
    key = (kind, type(exc).__name__ if exc else "", where if exc else detail[:60])
    if key in SEEN:
        return
    SEEN.add(key)
    STATS["findings"] += 1
    out.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:12]
    (out / f"{kind}-{name}.bin").write_bytes(data)
    tb = "".join(traceback.format_exception(exc)) if exc is not None else ""
    (out / f"{kind}-{name}.txt").write_text(f"{kind} {key}\n{detail}\n{tb}", encoding="utf-8")
    print(f"FINDING {kind} {key} -> {out / name}", file=sys.stderr, flush=True)


def run_one(data: bytes, workdir: Path, out: Path, slow: float) -> None:
    from lawscan.errors import ReadError
    from lawscan.model import Document, Line, Source
    from lawscan.normalise import normalise
    from lawscan.read import read_source
    from lawscan.structure import parse_source

    STATS["inputs"] += 1
    target, body = target_of(data)
    start = time.monotonic()
    try:
        if target == "parse":
            text = body.decode("utf-8", errors="replace")
            src = Source(path="fuzz.txt", format="txt",
                         lines=[Line(t, i + 1, t) for i, t in enumerate(text.split("\n"))])
        else:
            path = workdir / f"input{target}"
            path.write_bytes(body)
            src = read_source(str(path), {"max_bytes": 2_000_000})
        src = normalise(src)
        doc = src.document if src.document is not None else parse_source(src)
        STATS["documents"] += 1
        if not isinstance(doc, Document) or doc.root is None:
            record("notree", data, None, out, f"target {target}: parser gave {doc!r:.200}")
        for p in doc.problems:
            if p.code == "structure.internal":
                record("parser-internal", data, None, out, p.message)
    except ReadError as exc:
        STATS["read_errors"] += 1
        if exc.code in INTERNAL_CODES and "Error" in exc.reason:
            record("wrapped", data, exc.__cause__ or exc, out, exc.reason)
        elif "\n" in str(exc):
            record("multiline-error", data, exc, out, str(exc)[:300])
    except Exception as exc:  # anything else escaping is the bug we look for
        record("escaped", data, exc, out, f"target {target}")
    elapsed = time.monotonic() - start
    if elapsed > slow:
        record("slow", data, None, out, f"target {target}: {elapsed:.1f} s, {len(body)} bytes")


def mutate(rng: random.Random, data: bytes, pool: list[bytes]) -> bytes:
    """One to eight byte-level mutations: flips, inserts of tokens, deletions, splices, truncation."""
    tokens = [b"<", b">", b"</p>", b"<div>", b"\xff", b"\x00", b"\xc3", b"\r", b"\n", b"\t",
              "Điều ".encode(), "Chương ".encode(), "Mục ".encode(), "khoản ".encode(), b"a) ",
              b"1. ", "“".encode(), "”".encode(), b"\"", b"{", b"}", b"[", b"]", b"&#", b"&amp;",
              b"<!ENTITY", b"<!DOCTYPE x>", b"PK\x03\x04", "\u202e".encode(), "\ufeff".encode(),
              b"\x1b[2J", "Đ".encode(), "ư".encode()]
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randrange(len(buf) + 1)
        if op == 0 and buf:
            buf[min(pos, len(buf) - 1)] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[pos:pos] = rng.choice(tokens) * rng.choice((1, 1, 2, 50))
        elif op == 2 and buf:
            del buf[pos:pos + rng.randint(1, 64)]
        elif op == 3:
            other = rng.choice(pool)
            i = rng.randrange(len(other) + 1)
            buf[pos:pos] = other[i:i + rng.randint(1, 2000)]
        elif op == 4:
            del buf[pos:]
        else:
            j = rng.randrange(len(buf) + 1)
            buf[pos:pos] = bytes(buf[min(pos, j):max(pos, j)][:500])
    if buf and rng.random() < 0.1:
        buf[0] = rng.randrange(len(TARGETS))
    return bytes(buf)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engine", choices=("atheris", "random", "auto"), default="auto")
    ap.add_argument("--time", type=int, default=60, help="seconds to run (default 60)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--slow", type=float, default=5.0, help="seconds after which an input is a finding")
    ap.add_argument("--out", default=str(REPO / "outputs" / "fuzz"))
    args, rest = ap.parse_known_args()
    out = Path(args.out)
    workdir = Path(tempfile.mkdtemp(prefix="lawscan-fuzz-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    pool = seeds()
    engine = args.engine
    if engine == "auto":
        engine = "atheris" if importlib.util.find_spec("atheris") else "random"
    start = time.monotonic()

    def summary() -> None:
        print(f"fuzz ({engine}): {STATS['inputs']} inputs in {time.monotonic() - start:.0f} s, "
              f"{STATS['documents']} parsed, {STATS['read_errors']} ReadErrors, "
              f"{STATS['findings']} findings (saved under {out})", file=sys.stderr, flush=True)

    def one(data: bytes) -> None:
        if time.monotonic() - start > args.time:  # libFuzzer would end with _exit: stop ourselves
            summary()
            shutil.rmtree(workdir, ignore_errors=True)
            os._exit(1 if STATS["findings"] else 0)
        run_one(data, workdir, out, args.slow)

    try:
        if engine == "atheris":
            import atheris

            seed_dir = workdir / "seeds"
            seed_dir.mkdir()
            for i, s in enumerate(pool):
                (seed_dir / f"seed{i:03d}").write_bytes(s)
            with atheris.instrument_imports(include=["lawscan"]):
                for module in INSTRUMENTED:
                    importlib.import_module(module)
            atheris.Setup([sys.argv[0], "-max_len=300000", "-rss_limit_mb=3000",
                           f"-seed={args.seed or 1}", *rest, str(seed_dir)], one)
            try:
                atheris.Fuzz()
            except SystemExit:
                pass
        else:
            rng = random.Random(args.seed)
            for s in pool:
                run_one(s, workdir, out, args.slow)
            while time.monotonic() - start < args.time:
                run_one(mutate(rng, rng.choice(pool), pool), workdir, out, args.slow)
    finally:
        summary()
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if STATS["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
