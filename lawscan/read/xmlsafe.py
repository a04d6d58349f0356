"""Parsing untrusted XML safely.

``parse_xml(path, data, limits)`` gives the root element of an XML document, or raises
:class:`ReadError`. Before parsing, a document type declaration that declares entities
(``<!ENTITY``: XXE, "billion laughs") or names an external DTD (``SYSTEM``/``PUBLIC``: fetching
a URL or a local file) is refused. The parser itself never resolves entities, never loads a DTD,
never uses the network and keeps libxml2's limits on depth and size (``huge_tree=False``); a
document nested deeper than ``limits["max_depth"]`` is refused.
"""

from __future__ import annotations

import re

from lxml import etree

from lawscan.errors import ReadError

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_EXTERNAL_ID = re.compile(rb"<!DOCTYPE\s+[^\s\[>]+\s+(?:SYSTEM|PUBLIC)\b", re.IGNORECASE)


def _ascii_view(data: bytes) -> bytes:
    """The bytes with UTF-16/32 NULs dropped, so the checks also see wide encodings."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00<\x00" in data[:64] or b"<\x00" in data[:4]:
        return data.replace(b"\x00", b"")
    return data


def check_prolog(path: str, data: bytes) -> None:
    view = _ascii_view(data)
    if _ENTITY.search(view):
        raise ReadError(path, "XML declares entities (<!ENTITY>): refused, it may be an XXE or "
                              "entity-expansion (billion laughs) attack", "read.xml_hostile")
    if _DOCTYPE.search(view) and _EXTERNAL_ID.search(view):
        raise ReadError(path, "XML names an external DTD (<!DOCTYPE … SYSTEM/PUBLIC …>): refused, "
                              "lawscan never fetches files or URLs named by a document", "read.xml_hostile")


def parse_xml(path: str, data: bytes, limits: dict):
    check_prolog(path, data)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_pis=True,
                             collect_ids=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        msg = str(exc)
        if "depth" in msg.lower():
            raise ReadError(path, "XML nested too deeply (more than 256 levels)", "read.depth") from None
        raise ReadError(path, f"broken XML: {msg}", "read.xml") from None
    except (ValueError, etree.ParserError) as exc:
        raise ReadError(path, f"broken XML: {exc}", "read.xml") from None
    if root is None:
        raise ReadError(path, "broken XML: no root element", "read.xml")
    max_depth = int(limits.get("max_depth", 256))
    depth = deepest = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth > deepest:
            deepest = depth
            if deepest > max_depth:
                raise ReadError(path, f"XML nested too deeply (more than {max_depth} levels)", "read.depth")
        if isinstance(el, etree._Entity):
            raise ReadError(path, "XML uses entities: refused", "read.xml_hostile")
    return root
