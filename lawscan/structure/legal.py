"""Is this file a legal document at all? Takes a parsed :class:`Document`, gives True or False.

A folder of laws also holds manifests, notes, label files and tool configuration. A file is a
legal document when it has legal structure (a Phần, Chương, Mục or Điều was found) or a legal
header in its first lines: the national motto, an issuing body, a document number
("Luật số: 31/2024/QH15", "Số: …"), or a title naming a kind of legal document ("LUẬT …",
"NGHỊ QUYẾT …"). Akoma Ntoso XML and records that name their own title or number (vbpl.vn JSON)
carry their header in their fields. A bare number quoted in running text ("… 31/2024/QH15 …")
is not a header: notes about laws quote them.
"""

from __future__ import annotations

from lawscan.model import Document

STRUCTURE = ("part", "chapter", "section", "subsection", "article")
HEADER_LINES = 20  # non-empty lines looked at for a header
MOTTO = "XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # of "CỘNG HÒA (HOÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def is_legal_document(doc: Document) -> bool:
    """True when ``doc`` has legal structure or a legal header (see the module docstring)."""
    return has_structure(doc) or has_header(doc)


def has_structure(doc: Document) -> bool:
    return any(unit.kind in STRUCTURE for unit in doc.root.walk(include_quoted=False))


def has_header(doc: Document) -> bool:
    from lawscan.structure import metadata
    from lawscan.structure.patterns import probe_text

    if doc.format == "akn" or doc.meta.get("title") or doc.meta.get("number"):
        return True
    probes = []
    for line in doc.lines:
        probe = probe_text(line.text)
        if probe:
            probes.append(probe)
            if len(probes) == HEADER_LINES:
                break
    for probe in probes:
        if MOTTO in probe and probe.isupper() or metadata.names_issuer_or_number(probe):
            return True
    return bool(metadata.title_from_header(probes))
