"""Raw body bytes -> HTML text -> parsed tree, with the reason when the bytes cannot be a page or
needed a guess.

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

from lxml.html import HtmlElement, fromstring
from trafilatura.utils import DOCTYPE_TAG, FAULTY_HTML, HTML_PARSER, detect_encoding

MAX_BYTES = 5_000_000  # the crawl's download cap: a larger body is not a page we can clean in time
_MAGIC = (b"%pdf", b"\x89png", b"gif8", b"\xff\xd8\xff", b"pk\x03\x04", b"\x1f\x8b", b"riff", b"id3",
          b"\x00\x00\x01\x00", b"oggs", b"fws", b"cws", b"\xd0\xcf\x11\xe0")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


_XML_INVALID = bytes([*range(0, 9), 11, 12, *range(14, 32)])  # control bytes libxml2 refuses


@dataclass(frozen=True)
class Decoded:
    """The page as text (None when it is not text at all) and why, or what had to be guessed."""

    text: str | None
    reason: str | None = None  # why there is no text: empty body, binary content, too large
    note: str | None = None  # text was decoded, but not as declared
    utf8: bytes | None = None  # the body itself when it is that text in UTF-8 (parsed without re-encoding)


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
            return Decoded(text, utf8=body if encoding == "utf-8" else None)
    for encoding in _guesses(body):
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


def _guesses(body: bytes) -> list[str]:
    """The detector's encodings; when it cannot single one out (short texts), windows-1252 first:
    the web's default legacy encoding, which WHATWG also uses for pages labelled latin-1."""
    guesses = detect_encoding(body)
    if len(guesses) != 1:
        guesses = ["cp1252", *guesses]
    return list(dict.fromkeys([*guesses, "cp1252"]))


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


def parse_html(text: str, utf8: bytes | None = None) -> HtmlElement | None:
    """The page's tree, with the repairs trafilatura's loader makes (invalid control characters,
    a self-closed doctype or <html/>), done on UTF-8 bytes: deleting bytes and letting libxml2 decode
    costs half of what the loader's regular expression over the whole string does."""
    head = text[:4096]
    if "doctype" in head[:50].lower() and DOCTYPE_TAG.match(head):
        first, _, rest = text.partition("\n")
        text, utf8 = DOCTYPE_TAG.sub("", first, count=1) + "\n" + rest, None
    if any("<html" in line and line.endswith("/>") for line in head.splitlines()[:4]):
        text, utf8 = FAULTY_HTML.sub(r"\1>", text, count=1), None
    data = (utf8 if utf8 is not None else text.encode("utf-8", "replace")).translate(None, _XML_INVALID)
    try:
        tree = fromstring(data, parser=HTML_PARSER)
    except (ValueError, TypeError, SyntaxError):  # lxml's ParserError is a SyntaxError subclass
        return None
    if tree is None or ("html" not in text[:50].lower() and len(tree) < 2):
        return None  # not a document at all (the loader's "dubious HTML" test)
    return tree
