"""Stage 4 — graph. Takes :class:`lawscan.model.Document` objects, gives ``networkx.DiGraph``s.

* ``extract_refs(text)`` (refs.py): Vietnamese legal references in a text, with spans;
* ``build_graph(doc)`` (build.py): units, ``contains`` / ``refers_to`` / ``cites`` edges of one
  document; unresolved internal references become "refs.unresolved" problems of the document;
* ``corpus_graph(docs)`` (corpus.py): several documents joined, a cited law that is also scanned
  being one node;
* ``render_graph(graph, fmt)`` / ``write_graph(graph, fmt, path)`` (export.py): graphml, json
  (node-link) or dot.
"""

from __future__ import annotations

from lawscan.graph.build import build_graph
from lawscan.graph.corpus import corpus_graph
from lawscan.graph.export import FORMATS, render_graph, write_graph
from lawscan.graph.refs import Ref, extract_refs

__all__ = ["FORMATS", "Ref", "build_graph", "corpus_graph", "extract_refs", "render_graph",
           "write_graph"]
