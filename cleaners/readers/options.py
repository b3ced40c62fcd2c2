"""What a reader may be told: JSONL field names and the per-document size limit."""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # same as the crawler's DOWNLOAD_MAXSIZE

_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]?)i?b?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """How inputs are read. Picklable, so it can travel to worker processes."""

    html_field: str = "html"  # JSONL: the page's HTML (preferred over text when both are set)
    text_field: str = "text"  # JSONL: a text dump of the page
    url_field: str = "url"
    id_field: str | None = None  # JSONL: when set, sources read "dump.jsonl#<id>"
    fetched_at_field: str = "fetched_at"
    site_field: str = "site"
    max_bytes: int = DEFAULT_MAX_BYTES  # per document (a file, a JSONL line, a WARC payload)
    input_rules: bool = True  # use the site rule packs that WARC metadata carries (checked)


def parse_size(value: str) -> int:
    """``10485760``, ``512K``, ``10M``, ``1G`` (binary units; a trailing ``B``/``iB`` is fine)."""
    match = _SIZE.match(value)
    if not match or int(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (e.g. 10M, 512K, 1048576)")
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def add_reader_arguments(parser: argparse.ArgumentParser) -> None:
    """The input options of ``newsclean clean``."""
    defaults = ReaderOptions()
    group = parser.add_argument_group("input")
    group.add_argument(
        "--html-field",
        default=defaults.html_field,
        metavar="NAME",
        help="JSONL field holding the page's HTML (default: %(default)s)",
    )
    group.add_argument(
        "--text-field",
        default=defaults.text_field,
        metavar="NAME",
        help="JSONL field holding a text dump, used when there is no HTML (default: %(default)s)",
    )
    group.add_argument(
        "--url-field",
        default=defaults.url_field,
        metavar="NAME",
        help="JSONL field holding the page URL (default: %(default)s)",
    )
    group.add_argument(
        "--id-field",
        default=defaults.id_field,
        metavar="NAME",
        help="JSONL field naming each line; sources become FILE#ID instead of FILE:LINE",
    )
    group.add_argument(
        "--max-bytes",
        type=parse_size,
        default=defaults.max_bytes,
        metavar="SIZE",
        help="largest document read (a file, a JSONL line, a WARC payload), e.g. 10M "
        "(default: 10M); bigger ones are reported as too_large",
    )
    group.add_argument(
        "--no-input-rules",
        action="store_true",
        help="ignore the site rule packs that WARC metadata records carry (they are checked "
        "and run under the time budget otherwise)",
    )


def reader_options(args: argparse.Namespace) -> ReaderOptions:
    """ReaderOptions from parsed arguments (missing ones keep their defaults)."""
    defaults = ReaderOptions()
    return ReaderOptions(
        html_field=getattr(args, "html_field", defaults.html_field),
        text_field=getattr(args, "text_field", defaults.text_field),
        url_field=getattr(args, "url_field", defaults.url_field),
        id_field=getattr(args, "id_field", defaults.id_field),
        fetched_at_field=getattr(args, "fetched_at_field", defaults.fetched_at_field),
        site_field=getattr(args, "site_field", defaults.site_field),
        max_bytes=getattr(args, "max_bytes", defaults.max_bytes),
        input_rules=not getattr(args, "no_input_rules", False),
    )
