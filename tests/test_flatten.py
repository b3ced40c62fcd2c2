"""tools/flatten.py: an HTML page to the whole-page text dump `make eval` feeds the text path."""

from tools.flatten import flatten_html

PAGE = """<!doctype html><html><head><title>Head title</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div hidden><p>Hidden chunk</p></div><div hidden id="S:1"><p>Streamed chunk</p></div>
<p style="display: none">Hidden by style</p>
<span aria-hidden="true">icon</span><noscript>Enable JavaScript</noscript>
<article><h1>Council   approves
budget</h1><p>First <b>paragraph</b> of the story.</p>Loose text<br>after a break
<table><tr><td>Cell one</td><td>Cell two</td></tr><tr><th>Next</th><td>row</td></tr></table>
<!-- a comment -->tail after comment</article>
<template><p>Template text</p></template><footer>© 2024 Example</footer></body></html>"""


def test_visible_text_one_line_per_block() -> None:
    assert flatten_html(PAGE).split("\n") == [
        "Home",
        "World",
        "Streamed chunk",
        "Council approves budget",
        "First paragraph of the story.",
        "Loose text",
        "after a break",
        "Cell one Cell two",
        "Next row",
        "tail after comment",
        "© 2024 Example",
    ]


def test_bytes_and_declared_encodings() -> None:
    assert flatten_html('<?xml version="1.0" encoding="utf-8"?><p>Café</p>') == "Café"
    assert flatten_html("<p>Café</p>".encode()) == "Café"
    assert flatten_html("") == ""
