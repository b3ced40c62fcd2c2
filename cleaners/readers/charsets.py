"""Bytes to text, for text dumps and HTML pages alike: what decides an encoding and what a
bad byte costs.

- A BOM of any width wins (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE; UTF-32 LE is looked for before
  UTF-16 LE, whose BOM it starts with). UTF-16 and UTF-32 without a BOM are recognised by
  where their zero bytes fall (text dumps saved by Windows tools).
- A charset label is used only when it names a text encoding: Python also has codecs named
  ``rot13``, ``hex``, ``zlib``, ``uu``, ``base64``..., which turn bytes into bytes and raise
  when asked to decode a page.
- UTF-8 is decoded with replacement at the bad bytes only: a page that is UTF-8 with a few
  damaged or truncated sequences keeps every other character (no whole-page mojibake from a
  detector's guess, no ``unreadable`` page). CESU-8 (surrogates encoded one by one, as Java
  and some databases write them) is joined into the characters it stands for.
- A few NUL bytes do not make a file binary; many do (`looks_binary`).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from cleaners.record import valid_unicode

BINARY_SNIFF = 8192
# Bytes that occur in text: everything from space up, plus tab, newlines, form feed, escape,
# backspace. Anything else is a control byte.
_TEXT_BYTES = bytes(range(32, 256)) + b"\t\n\r\f\x1b\x08"
_WIDE_SNIFF = 4096

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers read these labels as windows-1252 (WHATWG encoding standard).
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252"}


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(encoding, BOM length) when ``data`` starts with a byte order mark."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, told by its zero bytes: text in these encodings has a
    zero in the high bytes of nearly every character of Latin script, always at the same
    positions modulo 2 or 4; binary data has zeros anywhere."""
    sample = data[:_WIDE_SNIFF]
    size = len(sample) - len(sample) % 4
    if size < 16 or sample.count(0) < size // 4:
        return None
    sample = sample[:size]
    by_position = [sample[i::4].count(0) / (size // 4) for i in range(4)]
    if min(by_position[1:]) > 0.9 and by_position[0] < 0.1:
        return "utf-32-le"
    if min(by_position[:3]) > 0.9 and by_position[3] < 0.1:
        return "utf-32-be"
    even, odd = (by_position[0] + by_position[2]) / 2, (by_position[1] + by_position[3]) / 2
    if odd > 0.6 and even < 0.05:
        return "utf-16-le"
    if even > 0.6 and odd < 0.05:
        return "utf-16-be"
    return None


def looks_binary(data: bytes) -> bool:
    """More than a stray NUL byte, or mostly control bytes, in the first 8 KB (text in
    UTF-16/32, with or without a BOM, is not binary)."""
    sample = data[:BINARY_SNIFF]
    if not sample or bom_encoding(sample) or wide_encoding(sample):
        return False
    if sample.count(0) > 1 + len(sample) // 1000:
        return True
    return len(sample.translate(None, _TEXT_BYTES)) > len(sample) * 0.3


def text_codec(label: str | None) -> str | None:
    """The Python codec a charset label names, when it is a text encoding; else None."""
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    # rot13, hex, base64, zlib, bz2, uu, quopri: bytes-to-bytes or str-to-str transforms
    if not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


@dataclass(frozen=True, slots=True)
class Utf8Reading:
    text: str
    bad: int  # sequences replaced by U+FFFD
    good_multibyte: int  # characters that took a valid multi-byte sequence

    @property
    def convincing(self) -> bool:
        """UTF-8 with damage, rather than another encoding: its valid multi-byte sequences
        outnumber the bad ones (a legacy 8-bit page has almost none), or all that is wrong
        is a sequence cut at the very end."""
        return self.bad == 0 or self.good_multibyte >= 2 * self.bad


def read_utf8(data: bytes) -> Utf8Reading:
    """UTF-8 (BOM dropped), CESU-8 joined, bad sequences replaced one by one."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return Utf8Reading(data.decode("utf-8"), 0, 1)
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            text = data[: exc.start].decode("utf-8", "replace") + "\ufffd"
            if text.count("\ufffd") == 1:  # only the cut at the end: a truncated page
                return Utf8Reading(text, 1, 2)
    try:
        # CESU-8: each surrogate of a pair encoded on its own; joined (or replaced) here
        text = valid_unicode(data.decode("utf-8", "surrogatepass"))
        return Utf8Reading(text, text.count("\ufffd"), _multibyte(text))
    except UnicodeDecodeError:
        pass
    text = valid_unicode(data.decode("utf-8", "surrogatepass_replace"))
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return Utf8Reading(text, bad, _multibyte(text) - text.count("\ufffd"))


def _multibyte(text: str) -> int:
    return 0 if text.isascii() else sum(1 for c in text if ord(c) > 0x7F)


def _surrogatepass_replace(exc: UnicodeError) -> tuple[str, int]:
    """Error handler: a surrogate sequence (CESU-8) decodes as the surrogate, anything else
    as one U+FFFD per bad byte run, as ``errors="replace"`` does."""
    if isinstance(exc, UnicodeDecodeError):
        chunk = exc.object[exc.start : exc.start + 3]
        surrogate = len(chunk) == 3 and chunk[0] == 0xED and 0xA0 <= chunk[1] <= 0xBF
        if surrogate and 0x80 <= chunk[2] <= 0xBF:
            return bytes(chunk).decode("utf-8", "surrogatepass"), exc.start + 3
        return "\ufffd", exc.end
    raise exc


codecs.register_error("surrogatepass_replace", _surrogatepass_replace)


def decode_wide(data: bytes, encoding: str, bom: int = 0) -> str:
    return valid_unicode(data[bom:].decode(encoding, "replace"))
