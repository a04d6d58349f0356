"""Graph files. ``render_graph(graph, fmt)`` takes a ``networkx.DiGraph`` and gives bytes in one of
``FORMATS``: "graphml" (networkx.write_graphml; every attribute a string, number or boolean),
"json" (node-link data with ``edges="edges"``, UTF-8) or "dot" (Graphviz text written here, no
pydot needed). ``write_graph(graph, fmt, path)`` writes them atomically (temporary file in the same
directory, then ``os.replace``)."""

from __future__ import annotations

import io
import json
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a graph is rendered, not when lawscan.graph is
    import networkx as nx

FORMATS = ("graphml", "json", "dot")


def render_graph(graph: nx.DiGraph, fmt: str) -> bytes:
    import networkx as nx

    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(_plain(graph), buf, encoding="utf-8")
        return buf.getvalue()
    if fmt == "json":
        data = nx.node_link_data(_plain(graph), edges="edges")
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    if fmt == "dot":
        return to_dot(graph).encode("utf-8")
    raise ValueError(f"unknown graph format {fmt!r} (choose from {', '.join(FORMATS)})")


def write_graph(graph: nx.DiGraph, fmt: str, path: str | os.PathLike) -> None:
    from lawscan.atomic import atomic_write

    atomic_write(path, render_graph(graph, fmt))


def _value(v):
    """An attribute value GraphML can hold, or None to drop it."""
    if v is None:
        return None
    if isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, (list, tuple, set)):
        return "; ".join(str(x) for x in v)
    return str(v)


def _plain(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy whose graph, node and edge attributes are all strings, numbers or booleans."""
    import networkx as nx

    out = nx.DiGraph()
    out.graph.update({k: _value(v) for k, v in graph.graph.items() if _value(v) is not None})
    for node, data in graph.nodes(data=True):
        out.add_node(str(node), **{k: _value(v) for k, v in data.items() if _value(v) is not None})
    for u, v, data in graph.edges(data=True):
        out.add_edge(str(u), str(v), **{k: _value(x) for k, x in data.items()
                                         if _value(x) is not None})
    return out


def _quote(s) -> str:
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: nx.DiGraph) -> str:
    """Graphviz DOT text: nodes labelled, edges styled by kind (contains solid, refers_to dashed,
    cites dotted)."""
    style = {"contains": "solid", "refers_to": "dashed", "cites": "dotted"}
    lines = ["digraph lawscan {", "  node [shape=box];"]
    for node, data in graph.nodes(data=True):
        attrs = {"label": data.get("label") or node}
        attrs.update({k: v for k, v in data.items() if k != "label" and _value(v) is not None})
        body = ", ".join(f"{_quote(k)}={_quote(_value(v))}" for k, v in attrs.items())
        lines.append(f"  {_quote(node)} [{body}];")
    for u, v, data in graph.edges(data=True):
        attrs = {k: x for k, x in data.items() if _value(x) is not None}
        attrs["style"] = style.get(data.get("kind"), "solid")
        body = ", ".join(f"{_quote(k)}={_quote(_value(x))}" for k, x in attrs.items())
        lines.append(f"  {_quote(u)} -> {_quote(v)} [{body}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
