"""MHTML reader: a web page saved as one file (RFC 2557) - "Webpage, Single File" in Chrome and
Edge (.mhtml), "Single File Web Page" in Word (.mht) - handed on to the HTML reader.

``page(path, data)`` takes the archive's bytes and gives the bytes of the page it holds (its
root part with the transfer encoding undone: quoted-printable or base64) and the charset that
part declares (None when it declares none: then the page's own ``<meta charset>`` decides, as
for any HTML). The root is the part the archive's ``start`` parameter names, else its first
HTML part (the first part, by RFC 2557 §5, in what browsers and Word write). The other parts -
style sheets, images, Word's XML and theme parts, a frame's page - are never read, and no
``Content-Location`` is ever opened. The stdlib ``email`` package parses the MIME; line numbers
of findings count in the page, not in the archive.
"""

from __future__ import annotations

import email
from email.message import Message

from lawscan.errors import ReadError


def page(path: str, data: bytes) -> tuple[bytes, str | None]:
    """The saved page's bytes and its part's declared charset (see the module docstring)."""
    message = email.message_from_bytes(data)
    root = _root(path, message)
    if root.get_content_type() != "text/html":
        raise ReadError(path, f"an MHTML archive whose page is not HTML ({root.get_content_type()})",
                        "read.mhtml")
    body = root.get_payload(decode=True)
    if not body or not body.strip():
        raise ReadError(path, "an MHTML archive whose page is empty", "read.mhtml")
    return body, root.get_content_charset()


def _root(path: str, message: Message) -> Message:
    """The archive's root part: the one ``start`` names, else its first HTML part (the first
    part, by RFC 2557; a single-part archive is its own root)."""
    if not message.is_multipart():
        if message.get_content_maintype() == "multipart":  # the boundary was never found
            raise ReadError(path, "a broken MHTML archive (its parts are not where its header "
                                  "says)", "read.mhtml")
        return message
    parts = [p for p in message.get_payload() if isinstance(p, Message)]
    if not parts:
        raise ReadError(path, "an MHTML archive with no parts", "read.mhtml")
    start = _content_id(message.get_param("start"))
    named = [p for p in parts if start and _content_id(p.get("Content-ID")) == start]
    pages = [p for p in parts if p.get_content_type() == "text/html"]
    return (named or pages or parts)[0]


def _content_id(value) -> str:
    """A Content-ID as compared: without its angle brackets and blanks ("<a@b>" and "a@b")."""
    return str(value or "").strip().strip("<>").strip()
