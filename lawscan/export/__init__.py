"""Exporters: a parsed :class:`lawscan.model.Document` written in another format.

* ``to_akn(doc) -> bytes`` (akn.py): Akoma Ntoso 3.0 XML (act, or bill for a draft).
"""

from __future__ import annotations

from lawscan.export.akn import to_akn, write_akn

__all__ = ["to_akn", "write_akn"]
