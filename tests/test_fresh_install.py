"""The fresh-machine path: build a wheel, install it into a new virtual environment, and run
`lawscan scan sample_laws/` from another directory — with no network at all — so the installed
package must carry its rules, lexicons, schema and templates.

The new venv does not download spaCy and the other libraries again: a .pth file puts the
running environment's site-packages (and those it sees besides, when it was made with
``--system-site-packages``) after its own, so it sees the libraries installed there — from any
environment (a venv inside a venv included: ``--system-site-packages`` on the new venv would see
the base interpreter's, not these). lawscan itself comes only from the wheel (asserted)."""

from __future__ import annotations

import importlib.metadata
import json
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from conftest import SAMPLES, copy_tracked

pytestmark = pytest.mark.slow


def _offline(cmd: list[str]) -> list[str]:
    """Run without any network where the kernel lets us (a new, empty network namespace)."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n", *cmd]
    return cmd


def _setuptools_major() -> int:
    try:
        return int(importlib.metadata.version("setuptools").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return 0


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    if _setuptools_major() < 77:  # the test extra brings it; the wheel is built offline with it
        pytest.skip("building the wheel offline needs setuptools>=77 (pip install -e '.[test]')")
    work = tmp_path_factory.mktemp("fresh")
    src = work / "src"
    # build from a clean copy of the tracked files, as a fresh checkout would
    copy_tracked(src)
    dist = work / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(dist), str(src)], check=True)
    wheel = next(dist.glob("lawscan-*.whl"))
    env_dir = work / "venv"
    venv.create(env_dir, with_pip=False)
    py = env_dir / "bin" / "python"
    own = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         capture_output=True, text=True, check=True).stdout.strip()
    # this environment's site-packages, and those it sees besides (a venv made with
    # --system-site-packages sees the base interpreter's, where the libraries may be)
    ours = dict.fromkeys([*(sysconfig.get_paths()[key] for key in ("purelib", "platlib")),
                          *(p for p in sys.path if Path(p).name in ("site-packages", "dist-packages"))])
    (Path(own) / "_outer_site_packages.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "-q", "--no-deps",
                    "--no-index", str(wheel)], check=True)
    return env_dir


def test_wheel_carries_rules_and_data(installed):
    py = installed / "bin" / "python"
    code = ("import lawscan, lawscan._rules, pathlib, json;"
            "p = pathlib.Path(lawscan.__file__).parent;"
            "r = pathlib.Path(lawscan._rules.__file__).parent;"
            "print(json.dumps([str(p), sorted(x.name for x in (r / 'data').glob('*.toml')),"
            " (p / 'report' / 'schema' / 'report.schema.json').is_file(),"
            " (p / 'report' / 'templates' / 'report.html.j2').is_file(),"
            " (p / 'data' / 'skipped.toml').is_file()]))")
    out = subprocess.run([str(py), "-c", code], capture_output=True, text=True, check=True,
                         cwd=installed).stdout
    where, data, schema, template, skipped = json.loads(out)
    assert Path(where).is_relative_to(installed), "lawscan must come from the wheel, not the checkout"
    assert {"lexicon.toml", "rubric.toml", "repealed.toml"} <= set(data)
    assert schema and template and skipped


def test_wheel_carries_the_trained_model_and_it_loads(installed, tmp_path):
    """The shipped classifier comes from the installed package and gives the trained verdict."""
    py = installed / "bin" / "python"
    code = ("import json; from lawscan.analyse import classify;"
            "clf = classify.load(); classify.load_model();"
            "print(json.dumps([str(classify.MODEL_DIR), clf is not None,"
            " sorted(clf.calibration)]))")
    out = subprocess.run(_offline([str(py), "-c", code]), capture_output=True, text=True,
                         check=True, cwd=tmp_path).stdout
    where, loaded, kinds = json.loads(out)
    assert Path(where).is_relative_to(installed) and loaded
    assert kinds == ["article", "chapter", "section"]
    exe = installed / "bin" / "lawscan"
    proc = subprocess.run(_offline([str(exe), "scan", str(SAMPLES / "08-du-thao-luat-dich-vu-dien-toan-dam-may.md"),
                                    "--no-config", "--fail-on", "never", "--verdict", "trained",
                                    "-f", "json"]), capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    verdict = json.loads(proc.stdout)["documents"][0]["digital"]
    assert (verdict["status"], verdict["method"]) == ("digital_law", "trained")


def test_scan_samples_from_another_directory_offline(installed, tmp_path):
    exe = installed / "bin" / "lawscan"
    out = tmp_path / "r.json"
    proc = subprocess.run(_offline([str(exe), "scan", str(SAMPLES), "--no-config", "--fail-on", "never",
                                    "-f", "json", "-o", str(out), "--report", f"html={tmp_path / 'r.html'}"]),
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    samples = sorted(p.name for p in SAMPLES.iterdir() if p.is_file() and p.name != "README.md")
    got = sorted(Path(d["path"]).name for d in data["documents"])
    assert got == samples
    assert all(d["digital"] and d["digital"]["status"] for d in data["documents"])
    assert len(data["rules"]) >= 10
    assert "<html" in (tmp_path / "r.html").read_text(encoding="utf-8").lower()
    rules = subprocess.run(_offline([str(exe), "rules"]), capture_output=True, text=True, cwd=tmp_path)
    assert rules.returncode == 0 and "LS101" in rules.stdout
