"""Bytes to text for HTML: BOM, then the HTTP or <meta> charset, then detection; and the
bound on how much of a page is parsed (`bound_html`)."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes
from lxml import etree

from cleaners.readers.charsets import (
    bom_encoding,
    decode_wide,
    looks_binary,
    read_utf8,
    text_codec,
    wide_encoding,
)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE
)


class UndecodableError(ValueError):
    pass


def decode_html(data: str | bytes, http_charset: str | None = None) -> str:
    """Decode page bytes as a browser would; text input is returned as it is.

    A BOM of any width, then UTF-16/32 without one, then the HTTP or ``<meta>`` charset when
    it names a text encoding (``rot13`` or ``zlib`` do not), then UTF-8 with replacement at
    its bad bytes only, then detection (`cleaners.readers.charsets`). NUL bytes are dropped
    (a browser ignores them); only a page that is binary throughout is refused."""
    if isinstance(data, str):
        return data.replace("\x00", "")
    return _decode(data, http_charset).replace("\x00", "")


def _decode(data: bytes, http_charset: str | None) -> str:
    bom = bom_encoding(data)
    if bom is not None:
        if bom[0] == "utf-8":
            return read_utf8(data).text
        return decode_wide(data, *bom)
    wide = wide_encoding(data)
    if wide is not None:
        return decode_wide(data, wide)
    if looks_binary(data):
        raise UndecodableError("binary content (NUL or control bytes), not HTML")
    declared = text_codec(http_charset)
    if declared is None:
        match = _META_CHARSET.search(data[:4096])
        declared = text_codec(match.group(1).decode("ascii", "ignore")) if match else None
    if declared and declared != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration, or a damaged page: UTF-8, then detection, decide
    utf8 = read_utf8(data)
    # Declared UTF-8 and holding valid multi-byte sequences: damaged UTF-8, not a wrong label
    # (a legacy page labelled UTF-8 has next to none).
    trusted = declared == "utf-8" and (
        4 * utf8.good_multibyte >= utf8.bad or utf8.bad <= max(2, len(data) // 1000)
    )
    if utf8.convincing or trusted:
        return utf8.text  # UTF-8 with its bad bytes replaced, and only those
    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding is not None:
        return data.decode(best.encoding, errors="replace")
    if declared:
        return data.decode(declared, errors="replace")
    raise UndecodableError("undecodable bytes (no charset fits)")


# Code and style blocks: what makes a page of megabytes whose article is a few kilobytes (a
# JSON state blob, inline CSS, bundled scripts).
# (attribute runs are bounded: an opener without ">" cannot make every search scan the page)
_CODE_OPEN = re.compile(r"<(script|style|template|noscript)\b[^>]{0,4000}>|<!--", re.IGNORECASE)
_JSON_LD = re.compile(r"""^<script\b[^>]*type\s*=\s*["']?application/ld\+json""", re.IGNORECASE)
_BODY = re.compile(r"<body\b", re.IGNORECASE)
_HEAD_TAGS = re.compile(
    r"<title\b[^>]{0,4000}>[^<]{0,4000}</title\s*>|<(?:meta|link|base)\b[^>]{0,4000}>",
    re.IGNORECASE,
)
_HEAD_TAGS_MAX = 200_000  # of the head's title/meta/link tags kept when the head is cut


def bound_html(text: str, limit: int) -> str:
    """At most about ``limit`` characters of the page, without losing its article. (Its depth
    is bounded after parsing: `bound_depth`, asked only when the parsed tree is that deep.)

    Cutting the page's first ``limit`` characters loses the whole body of a page whose head
    holds megabytes of inline data. Instead, in order, until the page fits: code and style
    blocks and comments go (JSON-LD metadata is kept), then JSON-LD too, then the head is
    reduced to its title, meta and link tags, and only then is the body cut, at its end."""
    if len(text) <= limit:
        return text
    text = _without_code(text, keep_json_ld=True)
    if len(text) <= limit:
        return text
    text = _without_code(text, keep_json_ld=False)
    if len(text) <= limit:
        return text
    body = _BODY.search(text)
    if body is not None and body.start() > limit // 4:
        tags, size = [], 0
        for tag in _HEAD_TAGS.finditer(text, 0, body.start()):
            size += len(tag.group(0))
            if size > _HEAD_TAGS_MAX:
                break
            tags.append(tag.group(0))
        text = f"<html><head>{''.join(tags)}</head>" + text[body.start() :]
    return text[:limit]


def _without_code(text: str, *, keep_json_ld: bool) -> str:
    """``text`` without its script/style/template/noscript blocks and comments.

    One forward scan (str.find for each closing tag, never a backtracking regex), so a page
    of unclosed openers costs linear time. As in the HTML tokenizer, a block ends at the
    first closing tag of its kind, and one never closed runs to the end of the page."""
    lower = text.lower()
    parts: list[str] = []
    position = 0
    while (match := _CODE_OPEN.search(text, position)) is not None:
        parts.append(text[position : match.start()])
        if match.group(1) is None:
            close, closing = lower.find("-->", match.end()), "-->"
        else:
            closing = f"</{match.group(1).lower()}"
            close = lower.find(closing, match.end())
        if close < 0:
            return "".join(parts)
        end = text.find(">", close + len(closing) - 1)
        end = len(text) if end < 0 else end + 1
        if keep_json_ld and match.group(1) and _JSON_LD.match(match.group(0)):
            parts.append(text[match.start() : end])
        position = end
    parts.append(text[position:])
    return "".join(parts)


# -- nesting depth ----------------------------------------------------------------------------
# libxml2's HTML parser drops everything nested deeper than 256 elements (2048 with
# huge_tree), silently: an article under a few hundred wrapper <div>s became an `empty` page.
# Rather than lift the limit (deep trees then cost recursion in every walk over them), the
# wrappers beyond MAX_DEPTH are taken out of the markup and the page parsed again: their text
# stays, in order, in the blocks that hold it. The parsed tree says whether that is needed
# (`DEPTH_CHECK` levels deep: `reaches_depth_check`), one XPath in C: a scan of every page's
# tags before parsing cost 1.3 ms a page, the XPath 0.2 ms (181 ScrapingHub pages, CPU).
MAX_DEPTH = 200
DEPTH_CHECK = 250  # a parsed tree less deep than this is kept as it is
_DEEP_TREE = etree.XPath("boolean(" + "/*" * DEPTH_CHECK + ")")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})(?:\s[^>]{0,4000})?/?>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
# Blocks kept even when deep (they hold the text; the parser does not nest them in one
# another); every other element beyond MAX_DEPTH is a wrapper and goes.
_KEPT = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "pre",
        "figcaption",
        "caption",
        "title",
    ]
)
# An opening tag that closes an open <p> or <li> (as the HTML parser does), so that pages
# that leave them unclosed do not look deep.
_CLOSES = {"p": frozenset({"p"}), "li": frozenset({"li", "p"}), "dt": frozenset({"dt", "dd"})}
_CLOSES["dd"] = _CLOSES["dt"]
_RAW = frozenset({"script", "style", "textarea", "title"})


def reaches_depth_check(root: etree._Element) -> bool:
    """Whether the parsed tree goes `DEPTH_CHECK` levels deep (libxml2 stops at 256: what lay
    deeper is lost, and the page is to be parsed again from `bound_depth`'s markup)."""
    return bool(_DEEP_TREE(root))


def bound_depth(text: str) -> str:
    """``text`` with the wrapper elements nested beyond `MAX_DEPTH` taken out (their tags,
    not their content); unchanged when the page is not that deep. One scan over the tags."""
    if text.count("<") < DEPTH_CHECK:
        return text
    plan = _deep_wrappers(text)
    if not plan:
        return text
    parts: list[str] = []
    position = 0
    for start, end in plan:
        parts.append(text[position:start])
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _deep_wrappers(text: str) -> list[tuple[int, int]]:
    """Spans of the opening and closing tags of wrappers beyond `MAX_DEPTH` (empty when the
    page never goes beyond `DEPTH_CHECK`)."""
    deepest, drops = _scan(text)
    if deepest < DEPTH_CHECK:
        return []
    return sorted(drops)


def _scan(text: str) -> tuple[int, list[tuple[int, int]]]:
    """The plain scan: the deepest the stack of open elements goes, and the spans of the
    tags of wrappers beyond `MAX_DEPTH`."""
    stack: list[tuple[str, int]] = []  # (tag, index of its opening tag's span in `drops`, or -1)
    drops: list[tuple[int, int]] = []
    deepest = 0
    raw: str | None = None
    for match in _TAG.finditer(text):
        closing, name = match.group(1), match.group(2).lower()
        if raw is not None:  # inside a script or style: only its end tag counts
            if closing and name == raw:
                raw = None
            continue
        if name in _VOID:
            continue
        if not closing:
            if match.group(0).endswith("/>"):
                continue
            closes = _CLOSES.get(name)
            while stack and closes and stack[-1][0] in closes:
                stack.pop()
            if name in _RAW:
                raw = name
                continue
            deep = len(stack) >= MAX_DEPTH and name not in _KEPT
            stack.append((name, len(drops) if deep else -1))
            if deep:
                drops.append(match.span())
            deepest = max(deepest, len(stack))
            continue
        for i in range(len(stack) - 1, max(-1, len(stack) - 64), -1):
            if stack[i][0] == name:
                if stack[i][1] >= 0:
                    drops.append(match.span())
                del stack[i:]
                break
    return deepest, drops
