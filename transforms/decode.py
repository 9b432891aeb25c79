"""Raw body bytes -> HTML text, with the reason when the bytes cannot be a page or needed a guess.

Servers mislabel charsets (a Latin-1 page sent as UTF-8), send PDFs or images as text/html, or send
nothing. trafilatura's own loader guesses silently; here the guess is recorded, so a row can say
"decoding fallback used" instead of carrying replacement characters nobody notices. Order: a
byte-order mark, then the declared charset (HTTP header, then <meta>), then UTF-8, then the
detector trafilatura uses (charset_normalizer); bytes are only replaced when nothing decodes.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from trafilatura.utils import detect_encoding

MAX_BYTES = 5_000_000  # the crawl's download cap: a larger body is not a page we can clean in time
_MAGIC = (b"%pdf", b"\x89png", b"gif8", b"\xff\xd8\xff", b"pk\x03\x04", b"\x1f\x8b", b"riff", b"id3",
          b"\x00\x00\x01\x00", b"oggs", b"fws", b"cws", b"\xd0\xcf\x11\xe0")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Decoded:
    """The page as text (None when it is not text at all) and why, or what had to be guessed."""

    text: str | None
    reason: str | None = None  # why there is no text: empty body, binary content, too large
    note: str | None = None  # text was decoded, but not as declared


def decode_body(body: bytes | None, content_type: str | None = None, max_bytes: int = MAX_BYTES) -> Decoded:
    """Decode `body` as HTML text; see the module docstring for the order of trust."""
    if not body or not body.strip():
        return Decoded(None, reason="empty body")
    if len(body) > max_bytes:
        return Decoded(None, reason=f"body of {len(body):,} bytes exceeds the {max_bytes:,}-byte cap")
    if _looks_binary(body):
        return Decoded(None, reason="binary content served as a page")
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return Decoded(body.decode(encoding, errors="replace"))
    declared = declared_charset(body, content_type)
    for encoding in dict.fromkeys(e for e in (declared, "utf-8") if e):
        if (text := _strict(body, encoding)) is not None:
            return Decoded(text)
    for encoding in dict.fromkeys([*detect_encoding(body), "cp1252"]):
        if (text := _strict(body, encoding)) is not None:
            return Decoded(text, note=f"decoding fallback used: not valid {declared or 'utf-8'}, read as {encoding}")
    return Decoded(body.decode("utf-8", errors="replace"),
                   note=f"decoding fallback used: undecodable bytes replaced (declared {declared or 'nothing'})")


def declared_charset(body: bytes, content_type: str | None) -> str | None:
    """The charset the HTTP header or the page's own <meta> declares, if Python knows it."""
    for source in ((content_type or "").encode("latin-1", "ignore"), body[:4096]):
        if (m := _CHARSET.search(source)) is not None:
            name = m.group(1).decode("ascii").lower()
            try:
                return codecs.lookup(name).name
            except LookupError:
                continue
    return None


def _strict(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _looks_binary(body: bytes) -> bool:
    """A known file signature, or control bytes that no text page contains, near the start."""
    head = body[:2048]
    if head.lstrip().lower().startswith(_MAGIC):
        return True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return len(_CONTROL.findall(head)) > max(8, len(head) // 100)
