"""Screenshots of the HTML report with headless Chromium (offline; tools/chromium.py drives it).

Commands (from the repository root)::

    python tools/screenshot.py [REPORT.html] [OUT.png]
        # the README's picture: outputs/lawscan-report.html (after `lawscan scan sample_laws/`)
        # -> outputs/screenshot.png: the summary, the charts and the overview table

    python tools/screenshot.py --docs REPORT.html [--dir docs]
        # the pictures of docs/html-report.md, from a large report, e.g. of the corpus and its pool:
        #   lawscan scan ../shared/corpus ../shared/corpus/pool --report html=/tmp/r.html
        # html-report-summary.png (cards and charts), html-report-overview.png (the table),
        # html-report-filtered.png (a chart bar clicked: one sector, one status),
        # html-report-law.png (a law opened under its row)

Uses Debian's chromium (apt-get install chromium) or $CHROMIUM.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from chromium import Chromium, find_chromium  # noqa: E402

WIDTH = 1280


def _top(b, selector: str) -> float:
    return b.eval(f"document.querySelector({selector!r}).getBoundingClientRect().top + scrollY")


def _bottom(b, selector: str) -> float:
    return b.eval(f"document.querySelector({selector!r}).getBoundingClientRect().bottom + scrollY")


def _clip(b, out: Path, top: float, bottom: float) -> None:
    b.screenshot(out, clip={"x": 0, "y": max(0, top - 12), "width": WIDTH, "height": bottom - top + 24})
    print(f"wrote {out} ({out.stat().st_size // 1024} kB)")


def readme_picture(report: Path, out: Path) -> None:
    with Chromium(width=WIDTH, height=1600) as b:
        b.open(report.as_uri())
        bottom = min(_bottom(b, "#laws"), _top(b, "#summary") + 1700)
        _clip(b, out, 0, bottom)


def docs_pictures(report: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with Chromium(width=WIDTH, height=1000, timeout=300) as b:
        b.open(report.as_uri())
        _clip(b, folder / "html-report-summary.png", 0, _bottom(b, ".charts") + 40)
        top = _top(b, "#overview")
        _clip(b, folder / "html-report-overview.png", top, top + 980)
        # a click on the "no provisions" part of the largest sector's bar: that sector, that status
        b.click("#chart-sectors a.bar[data-f-status='none']")
        top = _top(b, "#overview")
        _clip(b, folder / "html-report-filtered.png", top, min(_bottom(b, "#laws"), top + 980))
        # a law with a dedicated chapter opened under its row
        b.click("#f-reset")
        b.eval("new Promise(r => setTimeout(r, 50))")
        b.eval("const s = document.getElementById('f-status'); s.value = 'dedicated_chapter';"
               "s.dispatchEvent(new Event('change', {bubbles: true}))")
        b.click("#laws tbody tr:not([hidden]) a.open")
        row = "#laws tr.detail-row"
        top = b.eval(f"document.querySelector('{row}').previousElementSibling.getBoundingClientRect().top + scrollY")
        _clip(b, folder / "html-report-law.png", top, min(_bottom(b, row), top + 1500))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="Screenshots of the HTML report")
    ap.add_argument("report", nargs="?", type=Path, default=REPO / "outputs" / "lawscan-report.html")
    ap.add_argument("out", nargs="?", type=Path, default=REPO / "outputs" / "screenshot.png")
    ap.add_argument("--docs", action="store_true", help="the four pictures of docs/html-report.md")
    ap.add_argument("--dir", type=Path, default=REPO / "docs")
    args = ap.parse_args(argv)
    if not find_chromium():
        print("chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    report = args.report.resolve()
    if args.docs:
        docs_pictures(report, args.dir)
    else:
        readme_picture(report, args.out.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
