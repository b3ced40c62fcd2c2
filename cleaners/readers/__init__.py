"""Inputs to Documents: files, directories, glob patterns and stdin, each format read by its own
small reader, streaming (one document in memory at a time, at most ``max_bytes`` of it).

Formats, by extension first (``.gz`` looked through):

- ``.txt``: a text dump, one page (decoded: UTF-8, else charset detection);
- ``.html``, ``.htm``, ``.xhtml``: one HTML page, kept as bytes for the cleaner to decode;
- ``.jsonl``, ``.ndjson``: one page per line, HTML or text in configurable fields
  (`ReaderOptions`); ``-`` reads JSONL from stdin;
- ``.warc``, ``.arc``: HTML response records (see `cleaners.readers.warc`);
- ``.wet`` (Common Crawl ``*.warc.wet.gz``): ``conversion`` records as text dumps (see
  `cleaners.readers.wet`).

A big plain JSONL file can also be read in byte ranges cut at line starts (`jsonl_ranges`,
`read_jsonl_range`: the same items and sources as the whole file gives), which is how the Dask
runner shards it.

Gzip is recognised by its magic bytes, whatever the name (a ``.gz`` name without them is a
``corrupt_gzip``). A file given by name with another extension is sniffed from its first
(decompressed) bytes: ``WARC/`` or ``filedesc://`` → WARC/ARC, ``{`` → JSONL, ``<`` and an
HTML tag → HTML, a known binary signature (PDF, PNG, ZIP…) → ``unsupported``, anything else →
text. Directory walks read only files with a known extension (the others are counted as
skipped, ``unknown_extension``).

Sources say where each document or error comes from: the path as given (directory children
as ``DIR/child``), ``FILE:LINE`` for a JSONL line (``FILE#ID`` with ``--id-field``),
``FILE@OFFSET`` for a WARC/ARC record, ``<stdin>:LINE`` for stdin.

ReadError kinds (closed set):

==================== =============================================================
``not_found``        no such file or directory; a glob pattern that matches nothing
``unsupported``      not a regular file, or a known binary format (PDF, image, archive…)
``io_error``         the operating system could not read it
``corrupt_gzip``     not gzip despite its name, truncated or damaged gzip data
``binary``           binary content (NUL or control bytes) where text or HTML was expected
``undecodable``      text in no encoding we can tell; a JSONL line that is not UTF-8
``empty``            an empty file (or only whitespace); a JSONL page field that is empty
``too_large``        a document over ``max_bytes`` (a file, a JSONL line, a WARC payload)
``invalid_json``     a JSONL line that is not a JSON object
``missing_field``    a JSONL object without a string HTML or text field
``truncated_record`` a WARC/ARC record or gzip member cut short
``warc_error``       a record warcio cannot parse (not WARC/ARC, damaged headers); a
                     rule pack in our crawler's metadata that is refused (the page is
                     still read, without it)
``symlink_loop``     a symbolic link to itself or in a loop; a directory link back to
                     one of its ancestors met by a ``**`` pattern (not followed)
==================== =============================================================

(``cleaning_failed``, ``timeout`` and ``worker_crashed`` are the CLI's: a page whose
cleaning raised, ran over ``--time-budget``, or killed its worker process.)

A bad line or record is reported and the rest of its file is read; a damaged stream (gzip,
WARC) ends its file with one ReadError after the documents read before the damage. Nothing
stops the batch.

Skips: pages passed over on purpose are not errors. They are counted, by reason, in the
``skipped`` Counter given to `read_inputs` (`SKIP_REASONS`): ``unknown_extension``,
``http_status`` (a WARC response that is not 2xx), ``not_html``, ``crawl_skipped`` (our
crawler's metadata says it did not clean this response). Non-page WARC records (warcinfo,
request, metadata, revisit) are not counted.
"""

from cleaners.readers.base import KINDS, SKIP_REASONS, Item, decode_text
from cleaners.readers.inputs import (
    EXTENSIONS,
    expand_inputs,
    format_by_name,
    read_file,
    read_inputs,
    sniff_format,
)
from cleaners.readers.jsonl import jsonl_ranges, read_jsonl_range, read_jsonl_stream
from cleaners.readers.options import (
    DEFAULT_MAX_BYTES,
    ReaderOptions,
    add_reader_arguments,
    parse_size,
    reader_options,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "KINDS",
    "SKIP_REASONS",
    "Item",
    "ReaderOptions",
    "add_reader_arguments",
    "decode_text",
    "expand_inputs",
    "format_by_name",
    "jsonl_ranges",
    "parse_size",
    "read_file",
    "read_inputs",
    "read_jsonl_range",
    "read_jsonl_stream",
    "reader_options",
    "sniff_format",
]
