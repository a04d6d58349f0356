"""``lawscan graph``: one file -> its graph, several files / a directory -> the corpus graph,
unreadable files reported per file with exit code 2, -o written atomically."""

from __future__ import annotations

import json
import shutil

import networkx as nx
from click.testing import CliRunner

from conftest import FIXTURES
from lawscan.cli import main

A = FIXTURES / "graph" / "luat-a.txt"
B = FIXTURES / "graph" / "luat-b.txt"


def run(*args):
    return CliRunner().invoke(main, ["graph", *map(str, args)])


def test_one_file_gives_its_graph_as_json():
    res = run(A, "--format", "json")
    assert res.exit_code == 0, res.output
    g = nx.node_link_graph(json.loads(res.stdout), edges="edges")
    assert g.nodes["document"]["number"] == "91/2099/QH99"
    refers = {(u, v) for u, v, k in g.edges(data="kind") if k == "refers_to"}
    assert ("chp_I__art_1__para_2", "chp_I__art_1__para_1") in refers
    assert ("chp_II__art_3__para_1__point_a", "chp_I__art_1__para_2") in refers
    assert ("chp_II__art_3__para_1__point_b", "chp_II__art_3__para_1__point_a") in refers
    assert g.edges["chp_I__art_2__para_1", "doc:92/2099/QH99"]["kind"] == "cites"


def test_two_files_give_the_corpus_graph(tmp_path):
    out = tmp_path / "corpus.graphml"
    res = run(A, B, "-o", out)
    assert res.exit_code == 0, res.output
    assert res.stdout == ""
    g = nx.read_graphml(out)
    assert g.nodes["doc:92/2099/QH99"]["scanned"] is True
    assert g.has_edge("91/2099/QH99#chp_I__art_2__para_1", "doc:92/2099/QH99")
    # "khoản 2 Điều 2 của Luật Giao dịch thử số 92/2099/QH99" reaches into the other law
    assert g.edges["91/2099/QH99#chp_I__art_2__para_2", "92/2099/QH99#chp_I__art_2__para_2"][
        "cross"] is True
    assert [p.name for p in tmp_path.iterdir()] == ["corpus.graphml"]


def test_directory_with_a_bad_file_reports_it_and_exits_2(tmp_path):
    shutil.copy(A, tmp_path / "a.txt")
    shutil.copy(B, tmp_path / "b.txt")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    res = run(tmp_path, "--format", "dot")
    assert res.exit_code == 2
    assert "broken.docx: " in res.stderr
    assert res.stdout.startswith("digraph")
    assert '"doc:91/2099/QH99"' in res.stdout and '"doc:92/2099/QH99"' in res.stdout


def test_missing_path_only():
    res = run("/nonexistent/law.txt")
    assert res.exit_code == 2
    assert "/nonexistent/law.txt: " in res.stderr
