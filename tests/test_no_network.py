"""Reading hostile input opens nothing but the input and uses no network.

Every hostile file of the catalogue (tests/hostile/) and a few more that point outwards (HTML with
remote stylesheets, iframes on file://, an Akoma Ntoso with XInclude and an xml-stylesheet, a .docx
with external relationships and an entity) is read, normalised and parsed in a child process:

* under a Python audit hook (``sys.addaudithook``: ``open``, ``socket.*``, ``urllib.Request``,
  ``subprocess.Popen``, ``os.system``) — only the input paths and lawscan's own package files may be
  opened, no socket created;
* under ``strace`` when it works here, which also sees what C libraries (libxml2) open: between two
  marker calls only the inputs (and lawscan's files) are opened, and no socket is made.

The child imports lawscan and reads one good file of each format first, so that lazy imports are
done before the watching starts.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PACKAGE = REPO / "lawscan"

CHILD = r'''
import json, os, sys, io, zipfile
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from hostile import generators as gen
from lawscan.errors import ReadError
from lawscan.pipeline import load_document

d = Path(sys.argv[1])
inputs = []
for name, (build, _) in gen.CASES.items():
    if name in ("missing", "huge_text"):
        continue
    inputs.append(build(d))
outward = {
    "remote.html": ('<html><head><link rel="stylesheet" href="http://127.0.0.1:9/x.css">'
                    '<script src="http://127.0.0.1:9/x.js"></script></head><body>'
                    '<iframe src="file:///etc/passwd"></iframe><img src="http://127.0.0.1:9/p.png">'
                    '<p>Chương I</p><p>Điều 1. Phạm vi</p><p>Luật này quy định về dữ liệu.</p>'
                    '<object data="file:///etc/shadow"></object></body></html>'),
    "doctype.html": ('<?xml version="1.0"?><!DOCTYPE html SYSTEM "http://127.0.0.1:9/x.dtd">'
                     '<html><body><p>Điều 1. Phạm vi</p></body></html>'),
    "xinclude.xml": ('<?xml version="1.0"?><?xml-stylesheet href="http://127.0.0.1:9/s.xsl"?>'
                     '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" '
                     'xmlns:xi="http://www.w3.org/2001/XInclude"><act><body><article eId="art_1">'
                     '<num>Điều 1.</num><heading>Phạm vi</heading><content><p>'
                     '<xi:include href="file:///etc/passwd" parse="text"/></p></content>'
                     '</article></body></act></akomaNtoso>'),
    "schema.xml": ('<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" '
                   'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                   'xsi:schemaLocation="http://docs.oasis-open.org/legaldocml/ns/akn/3.0 '
                   'http://127.0.0.1:9/akn.xsd"><act><body><article eId="art_1"><num>Điều 1.</num>'
                   '<content><p>Luật này.</p></content></article></body></act></akomaNtoso>'),
}
for name, text in outward.items():
    (d / name).write_text(text, encoding="utf-8")
    inputs.append(d / name)
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as zf:
    zf.writestr("[Content_Types].xml", gen.CONTENT_TYPES)
    zf.writestr("word/document.xml", gen.document_xml())
    zf.writestr("word/_rels/document.xml.rels",
                '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
                '2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/attachedTemplate" Target="http://127.0.0.1:9/t.dotx" '
                'TargetMode="External"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/image" Target="file:///etc/passwd" '
                'TargetMode="External"/></Relationships>')
(d / "external.docx").write_bytes(buf.getvalue())
inputs.append(d / "external.docx")

# warm up: every reader once on good input, so lazy imports happen before the watching
warm = Path(sys.argv[3])
for p in sorted(warm.iterdir()):
    try:
        load_document(p)
    except ReadError:
        pass

events = []
watching = False

def hook(event, args):
    if not watching:
        return
    if event == "open":
        if not isinstance(args[0], int):  # an int: a descriptor opened (and seen) before
            events.append(["open", os.fsdecode(args[0])])
    elif event.startswith("socket.") or event in ("urllib.Request", "subprocess.Popen", "os.system",
                                                   "os.exec", "os.posix_spawn", "http.client.connect"):
        events.append([event, repr(args)[:200]])

sys.addaudithook(hook)
results = {}
try:
    os.stat("/lawscan-audit-begin")
except OSError:
    pass
watching = True
for p in inputs:
    try:
        doc = load_document(p)
        results[p.name] = "document:" + " ".join(ln.text for ln in doc.lines)[:20000]
    except ReadError as exc:
        results[p.name] = "error:" + exc.reason
watching = False
try:
    os.stat("/lawscan-audit-end")
except OSError:
    pass
print(json.dumps({"events": events, "inputs": [str(p) for p in inputs], "results": results}))
'''


def warm_dir(tmp_path: Path) -> Path:
    """One good file per reader (text, html, json, akn, docx)."""
    from hostile import generators as gen
    from lawscan.read.encoding import encode_legacy

    w = tmp_path / "warm"
    w.mkdir()
    fixtures = HERE / "fixtures" / "read"
    for name in ("vbpl.html", "tvpl.html", "fulltext.json", "akn3.xml", "akn2.xml"):
        shutil.copy(fixtures / name, w / name)
    (w / "luat.txt").write_text(gen.LAW, encoding="utf-8")
    (w / "luat.md").write_text(gen.LAW, encoding="utf-8")
    (w / "luat.docx").write_bytes(gen.docx_bytes(gen.document_xml()))
    (w / "tcvn3.txt").write_bytes(encode_legacy(gen.LAW, "tcvn3"))
    return w


def run_child(tmp_path: Path, prefix: list[str] = ()) -> tuple[dict, subprocess.CompletedProcess]:
    inputs = tmp_path / "in"
    inputs.mkdir(exist_ok=True)
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    proc = subprocess.run([*prefix, sys.executable, str(script), str(inputs), str(HERE),
                           str(warm_dir(tmp_path))], capture_output=True, text=True, timeout=300,
                          cwd=REPO)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1]), proc


def allowed(path: str, inputs: set[str]) -> bool:
    p = os.path.normpath(path)
    return p in inputs or p.startswith(str(PACKAGE) + os.sep)


def test_only_inputs_are_opened_and_no_socket(tmp_path):
    data, _ = run_child(tmp_path)
    inputs = {os.path.normpath(p) for p in data["inputs"]}
    opened = [path for kind, path in data["events"] if kind == "open"]
    others = [e for e in data["events"] if e[0] != "open"]
    assert others == []  # no socket, no URL, no process
    assert [p for p in opened if not allowed(p, inputs)] == []
    # the outward-pointing inputs were read (or refused) without their targets' content
    for name, result in data["results"].items():
        assert "root:x:0:0" not in result, name  # /etc/passwd never came in
    assert data["results"]["remote.html"].startswith("document:")
    assert data["results"]["external.docx"].startswith("document:")
    assert "xinclude.xml" in data["results"]  # read or refused, never with /etc/passwd (above)


def test_no_file_or_socket_from_c_libraries_under_strace(tmp_path):
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace not installed")
    log = tmp_path / "strace.log"
    probe = subprocess.run([strace, "-f", "-o", os.devnull, "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"strace cannot trace here: {probe.stderr.decode(errors='replace')[-200:]}")
    data, _ = run_child(tmp_path, [strace, "-f", "-qq", "-e", "trace=%file,%network", "-o", str(log)])
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    begin = next(i for i, ln in enumerate(lines) if "/lawscan-audit-begin" in ln)
    end = next(i for i, ln in enumerate(lines) if "/lawscan-audit-end" in ln)
    watched = lines[begin + 1:end]
    assert watched, "no system calls seen between the markers"
    inputs = {os.path.normpath(p) for p in data["inputs"]}
    network = [ln for ln in watched if any(f" {call}(" in ln or ln.split(" ", 1)[-1].startswith(f"{call}(")
                                           for call in ("socket", "connect", "sendto", "bind"))]
    assert network == []
    import re

    opened = []
    for ln in watched:
        m = re.search(r"\b(?:open|openat|openat2|creat)\((?:AT_FDCWD, )?\"([^\"]*)\"", ln)
        if m:
            opened.append(m.group(1))
    assert opened, "the inputs themselves were not seen being opened"
    assert [p for p in opened if not allowed(p, inputs)] == []
