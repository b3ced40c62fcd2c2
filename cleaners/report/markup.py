"""Escaping and the HTML shell every report page shares.

Nothing here builds markup from data without `esc`: tag and attribute names are constants of
this package, attribute values and texts are escaped (quotes too), so a page's text such as
``<script>`` or ``" onmouseover=`` stays text in the report.
"""

from __future__ import annotations

import html

from cleaners.report.style import STYLESHEET

# No script, no network: styles inline, images only as data: URIs. A browser enforces this
# even if some text slipped through unescaped.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def esc(value: object) -> str:
    """Text or attribute value, escaped for HTML (``&``, ``<``, ``>``, ``"`` and ``'``)."""
    return html.escape("" if value is None else str(value), quote=True)


def attrs(**values: object) -> str:
    """` name="value"` pairs, escaped; `None` values are left out, `_` in names becomes `-`."""
    return "".join(
        f' {name.rstrip("_").replace("_", "-")}="{esc(value)}"'
        for name, value in values.items()
        if value is not None
    )


def document(title: str, body: str) -> str:
    """A complete HTML page around `body` (already markup), titled `title` (text)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>\n{STYLESHEET}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
