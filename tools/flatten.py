#!/usr/bin/env python3
"""An HTML page → the whole-page text dump a reader gets by "select all, copy".

This is how `make eval` turns the benchmark pages into text dumps for the text path, and
what Common Crawl WET records and most scraped text dumps look like. Exactly:

* the page is parsed with lxml's HTML parser (``huge_tree``, so deep pages are not cut);
* nothing in ``<head>``, ``<script>``, ``<style>``, ``<noscript>``, ``<template>``,
  ``<svg>``, ``<iframe>``, ``<object>``, ``<select>``/``<option>`` or comments is output;
* hidden elements are skipped with their subtree: the ``hidden`` attribute (except on
  streamed server-rendered chunks, ``<div hidden id="S:0">``, which a script moves into the
  page as it loads),
  ``aria-hidden="true"``, ``type="hidden"`` inputs, and an inline style with
  ``display:none`` or ``visibility:hidden`` (stylesheets are not evaluated, as a copy
  from a page whose CSS did not load would show);
* a line break is made before and after every block-level element (HTML's flow
  blocks: ``p``, ``div``, headings, list items, table rows, ``section``, ``article``,
  ``header``, ``footer``, ``nav``, ``aside``, ``figure``, ``figcaption``, ``blockquote``,
  ``pre``, ``form``, ``dl``/``dt``/``dd``, …) and at every ``<br>``; table cells
  (``td``, ``th``) are separated by one space, as a browser copy joins the cells of
  one row on one line;
* whitespace inside a line is collapsed to one space and the line stripped; empty lines
  are dropped, so the dump is one non-empty line per visible block.

Usage: ``python tools/flatten.py PAGE.html[.gz] > page.txt``.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

__all__ = ["BLOCK_TAGS", "flatten_html"]

SKIPPED_TAGS = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "select",
        "option",
        "title",
        "meta",
        "link",
        "canvas",
        "audio",
        "video",
        "map",
    }
)

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "button",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "textarea",
        "tfoot",
        "thead",
        "tr",
        "ul",
    }
)

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_STREAMED_CHUNK_ID = re.compile(r"S:\d+$")
_NEWLINE = "\n"


def _hidden(element: etree._Element) -> bool:
    attrib = element.attrib
    if "hidden" in attrib:
        # Streamed server-rendered chunks (React's `<div hidden id="S:0">`) are moved into the
        # page by a script as it loads: a reader sees them.
        return not _STREAMED_CHUNK_ID.match(attrib.get("id") or "")
    if (attrib.get("aria-hidden") or "").strip().lower() == "true":
        return True
    if element.tag == "input" and (attrib.get("type") or "").lower() == "hidden":
        return True
    style = attrib.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _walk(element: etree._Element, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else None
    if tag is None:  # comment or processing instruction: only its tail is page text
        return
    tag = tag.lower()
    if tag in SKIPPED_TAGS or _hidden(element):
        return
    if tag == "br":
        out.append(_NEWLINE)
        return
    block = tag in BLOCK_TAGS
    if block:
        out.append(_NEWLINE)
    elif tag in ("td", "th"):
        out.append(" ")
    if element.text:
        out.append(_SPACE.sub(" ", element.text))  # source newlines are not line breaks
    for child in element:
        _walk(child, out)
        if child.tail:
            out.append(_SPACE.sub(" ", child.tail))
    if block:
        out.append(_NEWLINE)


def flatten_html(html: str | bytes) -> str:
    """The visible text of `html`, one non-empty line per block (see the module doc)."""
    if isinstance(html, bytes):  # the benchmarks' pages are UTF-8, as their adapters read them
        html = html.decode("utf-8", errors="replace")
    if not html.strip():
        return ""
    # lxml refuses str input that declares an encoding (an XML declaration, also after a BOM
    # or a comment): such a page is parsed as the UTF-8 bytes it stands for.
    try:
        root = lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(huge_tree=True))
    except ValueError:
        parser = lxml_html.HTMLParser(huge_tree=True, encoding="utf-8")
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=parser)
    except etree.ParserError:
        return ""
    body = root.find("body")
    start = body if body is not None else root
    out: list[str] = []
    _walk(start, out)
    lines = (" ".join(line.split()) for line in "".join(out).split(_NEWLINE))
    return "\n".join(line for line in lines if line)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: flatten.py PAGE.html[.gz]", file=sys.stderr)
        return 2
    path = Path(args[0])
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    sys.stdout.write(flatten_html(data.decode("utf-8", errors="replace")) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
