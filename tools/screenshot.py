"""Screenshot of the HTML report for the README: outputs/lawscan-report.html -> outputs/screenshot.png.

Command (from the repository root, after `lawscan scan sample_laws/`)::

    python tools/screenshot.py [REPORT.html] [OUT.png]

Uses Debian's headless Chromium (apt-get install chromium), offline.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    report = Path(argv[0] if argv else REPO / "outputs" / "lawscan-report.html").resolve()
    out = Path(argv[1] if len(argv) > 1 else REPO / "outputs" / "screenshot.png").resolve()
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("chromium not found (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
                        "--hide-scrollbars", "--window-size=1280,1600", f"--screenshot={out}",
                        report.as_uri()], check=True, capture_output=True, timeout=120)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
