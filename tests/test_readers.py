"""Readers: every input format, every bad input, streaming, order and sources.

Inputs are written by the tests into tmp directories (WARCs with warcio and with the crawler's
own writer, a handmade ARC); nothing binary is committed.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import pickle
import random
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaners.document import Document, ReadError
from cleaners.readers import (
    DEFAULT_MAX_BYTES,
    KINDS,
    ReaderOptions,
    add_reader_arguments,
    decode_text,
    expand_inputs,
    parse_size,
    read_inputs,
    reader_options,
)

PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Olive harvest</title></head>"
    "<body><article><h1>Olive harvest starts early</h1>"
    "<p>Farmers in the north began picking olives two weeks early this year.</p>"
    "</article></body></html>"
)
TEXT = "Olive harvest starts early\n\nFarmers in the north began picking olives early.\n"


def read(*inputs: str | Path, **kwargs: Any) -> list[Document | ReadError]:
    items = list(read_inputs([str(i) for i in inputs], **kwargs))
    for item in items:
        if isinstance(item, ReadError):
            assert item.kind in KINDS, item
    return items


def docs(items: list[Document | ReadError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errors(items: list[Document | ReadError]) -> list[tuple[str, str]]:
    return [(i.source, i.kind) for i in items if isinstance(i, ReadError)]


def jsonl(*objects: object) -> bytes:
    return b"".join(json.dumps(o).encode() + b"\n" for o in objects)


# -- one page per file ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["dump.txt", "dump.txt.gz", "DUMP.TXT"])
def test_text_dump_is_one_document(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = TEXT.encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    [document] = read(path)
    assert document == Document(source=str(path), text=TEXT)


@pytest.mark.parametrize("name", ["page.html", "page.htm", "page.html.gz", "page.htm.gz"])
def test_html_page_is_kept_as_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    data = PAGE.encode("utf-8")
    path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    [document] = read(path)
    assert document == Document(source=str(path), html=data)


def test_gzip_is_recognised_by_its_bytes_whatever_the_name(tmp_path: Path) -> None:
    path = tmp_path / "page.html"  # gzip without the .gz name
    path.write_bytes(gzip.compress(PAGE.encode()))
    assert docs(read(path))[0].html == PAGE.encode()


def test_text_dump_in_another_encoding_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1256.txt"
    text = "وزارة الزراعة تعلن بدء موسم قطف الزيتون في المحافظات الشمالية هذا الأسبوع\n" * 5
    path.write_bytes(text.encode("cp1256"))
    [document] = read(path)
    assert document.text == text
    assert decode_text("café".encode()) == "café"


# -- JSONL ------------------------------------------------------------------------------------


def test_jsonl_lines_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        jsonl(
            {"url": "https://a.example/1", "html": PAGE, "fetched_at": "2024-05-01T10:00:00Z"},
            {"url": "https://a.example/2", "text": TEXT, "site": "olivenews"},
        )
        + b"\n   \n"  # blank lines are ignored
        + jsonl({"html": PAGE, "text": TEXT})  # HTML is preferred
    )
    items = read(path)
    assert items == [
        Document(
            source=f"{path}:1",
            url="https://a.example/1",
            html=PAGE,
            fetched_at="2024-05-01T10:00:00Z",
        ),
        Document(source=f"{path}:2", url="https://a.example/2", text=TEXT, site="olivenews"),
        Document(source=f"{path}:5", html=PAGE),
    ]


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl({"text": TEXT}, {"html": PAGE})))
    assert [(d.source, d.text is None) for d in docs(read(path))] == [
        (f"{path}:1", False),
        (f"{path}:2", True),
    ]


def test_jsonl_field_names_are_options(tmp_path: Path) -> None:
    path = tmp_path / "dump.ndjson"
    path.write_bytes(
        jsonl(
            {"raw": PAGE, "link": "https://a.example/1", "crawled": "2024-05-01"},
            {"body": TEXT, "link": "https://a.example/2", "html": "ignored"},
            {"html": PAGE},
        )
    )
    options = ReaderOptions(
        html_field="raw", text_field="body", url_field="link", fetched_at_field="crawled"
    )
    items = read(path, options=options)
    assert items[0] == Document(
        source=f"{path}:1", url="https://a.example/1", html=PAGE, fetched_at="2024-05-01"
    )
    assert items[1] == Document(source=f"{path}:2", url="https://a.example/2", text=TEXT)
    assert errors(items) == [(f"{path}:3", "missing_field")]
    assert "no 'raw' or 'body' field" in str(items[2])


def test_reader_arguments_on_the_command_line() -> None:
    parser = argparse.ArgumentParser()
    add_reader_arguments(parser)
    assert reader_options(parser.parse_args([])) == ReaderOptions()
    args = parser.parse_args(
        [
            *("--html-field", "raw", "--text-field", "body", "--url-field", "link"),
            *("--id-field", "uid", "--max-bytes", "2M"),
        ]
    )
    assert reader_options(args) == ReaderOptions(
        html_field="raw", text_field="body", url_field="link", id_field="uid", max_bytes=2 << 20
    )
    assert reader_options(argparse.Namespace()) == ReaderOptions()  # a parser without them
    assert ReaderOptions().max_bytes == DEFAULT_MAX_BYTES == 10 << 20
    assert [parse_size(s) for s in ("1048576", "512K", "10M", "1G", "3MiB")] == [
        1 << 20,
        512 << 10,
        10 << 20,
        1 << 30,
        3 << 20,
    ]
    with pytest.raises(argparse.ArgumentTypeError):
        parse_size("lots")


def test_jsonl_id_field_names_the_source(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(jsonl({"id": "a7", "text": TEXT}, {"text": TEXT}, {"id": 42, "text": "{"}))
    items = read(path, options=ReaderOptions(id_field="id"))
    # a line without an id keeps its line number
    assert [i.source for i in items] == [f"{path}#a7", f"{path}:2", f"{path}#42"]
    assert [i.source for i in read(path)] == [f"{path}:1", f"{path}:2", f"{path}:3"]


def test_invalid_json_line_is_reported_and_the_other_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        jsonl({"text": TEXT})
        + b'{"text": "cut in the mid\n'
        + b"[1, 2, 3]\n"
        + jsonl({"html": ["not", "a", "string"]}, {"html": "  "}, {"text": TEXT})
    )
    items = read(path)
    assert errors(items) == [
        (f"{path}:2", "invalid_json"),
        (f"{path}:3", "invalid_json"),
        (f"{path}:4", "missing_field"),
        (f"{path}:5", "empty"),
    ]
    assert [d.source for d in docs(items)] == [f"{path}:1", f"{path}:6"]
    assert "invalid JSON" in str(items[1])
    assert "a JSON list, not an object" in str(items[2])
    assert "field 'html' is a JSON array, not a string" in str(items[3])


def test_jsonl_line_that_is_not_utf8_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        jsonl({"text": TEXT}) + b'{"text": "caf\xe9 \xff\xfe"}\n' + jsonl({"text": TEXT})
    )
    items = read(path)
    assert errors(items) == [(f"{path}:2", "undecodable")]
    assert len(docs(items)) == 2


def test_stdin_is_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    stdin = io.BytesIO(jsonl({"text": TEXT, "url": "https://a.example/1"}, {"nope": 1}))
    items = read("-", path, stdin=stdin)
    assert [(i.source, type(i).__name__) for i in items] == [
        ("<stdin>:1", "Document"),
        ("<stdin>:2", "ReadError"),
        (str(path), "Document"),
    ]
    assert docs(items)[0].url == "https://a.example/1"
    # gzip on stdin too
    gz = io.BytesIO(gzip.compress(jsonl({"html": PAGE})))
    assert docs(read("-", stdin=gz)) == [Document(source="<stdin>:1", html=PAGE)]


# -- files, directories, globs, order ---------------------------------------------------------


def _tree(root: Path) -> None:
    for rel in ["b.txt", "a/z.html", "a/b/c.txt", "a.txt", "c/d.jsonl", "notes.md", "a/img.png"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".jsonl"):
            path.write_bytes(jsonl({"text": TEXT}, {"text": TEXT}))
        else:
            path.write_text(PAGE if rel.endswith(".html") else TEXT, encoding="utf-8")


def test_directories_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path / "in")
    root = tmp_path / "in"
    skipped: Counter[str] = Counter()
    sources = [i.source for i in read(root, skipped=skipped)]
    assert sources == [
        str(root / "a" / "b" / "c.txt"),
        str(root / "a" / "z.html"),
        str(root / "a.txt"),
        str(root / "b.txt"),
        f"{root / 'c' / 'd.jsonl'}:1",
        f"{root / 'c' / 'd.jsonl'}:2",
    ]
    assert skipped == Counter({"unknown_extension": 2})  # notes.md, img.png
    # the same, run after run, and a file given by name is read whatever its extension
    assert [i.source for i in read(root)] == sources
    assert [i.source for i in read(root / "notes.md")] == [str(root / "notes.md")]


def test_glob_patterns_are_expanded_in_sorted_order(tmp_path: Path) -> None:
    _tree(tmp_path)
    items = read(f"{tmp_path}/*.txt", f"{tmp_path}/**/*.html", f"{tmp_path}/nothing*.txt")
    assert [i.source for i in items] == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "a" / "z.html"),
        f"{tmp_path}/nothing*.txt",
    ]
    assert errors(items) == [(f"{tmp_path}/nothing*.txt", "not_found")]
    assert "no file matches" in str(items[-1])
    # a pattern matching directories walks them
    assert len(read(f"{tmp_path}/[ac]")) == 4


def test_expand_inputs_gives_paths_and_sources(tmp_path: Path) -> None:
    _tree(tmp_path)
    entries = list(expand_inputs(["-", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]))
    assert entries[:2] == [(None, "-"), (tmp_path / "a.txt", str(tmp_path / "a.txt"))]
    assert isinstance(entries[2], ReadError) and entries[2].kind == "not_found"


def test_unknown_extensions_are_sniffed(tmp_path: Path) -> None:
    inputs = {
        "page.dat": PAGE.encode(),
        "lines.out": jsonl({"text": TEXT}),
        "archive.bin": _warc_bytes(gz=True),
        "plain": TEXT.encode(),
        "plain.gz": gzip.compress(TEXT.encode()),
        "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "photo.jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF",
    }
    for name, data in inputs.items():
        (tmp_path / name).write_bytes(data)
    found = {}
    for name in inputs:
        items = read(tmp_path / name)
        first = items[0]
        found[name] = (
            first.kind
            if isinstance(first, ReadError)
            else ("html" if first.html is not None else "text")
        )
    assert found == {
        "page.dat": "html",
        "lines.out": "text",  # a JSONL line with a text field
        "archive.bin": "html",
        "plain": "text",
        "plain.gz": "text",
        "report.pdf": "unsupported",
        "photo.jpeg": "unsupported",
    }
    assert read(tmp_path / "lines.out")[0].source == f"{tmp_path / 'lines.out'}:1"
    assert read(tmp_path / "archive.bin")[0].source == "https://a.example/0"  # its URL


def test_missing_input_and_special_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.warc.gz"
    assert errors(read(missing)) == [(str(missing), "not_found")]
    fifo = tmp_path / "pipe"
    try:
        import os

        os.mkfifo(fifo)
    except (AttributeError, OSError):
        pytest.skip("no FIFOs here")
    assert errors(read(fifo)) == [(str(fifo), "unsupported")]


# -- bad inputs -------------------------------------------------------------------------------


def test_corrupt_gzip(tmp_path: Path) -> None:
    whole = gzip.compress(TEXT.encode() * 50)
    truncated = tmp_path / "cut.txt.gz"
    truncated.write_bytes(whole[: len(whole) // 2])
    damaged = tmp_path / "damaged.html.gz"
    data = bytearray(gzip.compress(PAGE.encode() * 50))
    data[20:40] = bytes(20)
    damaged.write_bytes(bytes(data))
    not_gzip = tmp_path / "plain.txt.gz"
    not_gzip.write_text(TEXT, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    items = read(truncated, damaged, not_gzip, good)
    assert errors(items) == [
        (str(truncated), "corrupt_gzip"),
        (str(damaged), "corrupt_gzip"),
        (str(not_gzip), "corrupt_gzip"),
    ]
    assert [d.source for d in docs(items)] == [str(good)]
    assert "not gzip data" in str(items[2])


def test_corrupt_gzip_in_the_middle_of_a_jsonl_keeps_the_lines_before(tmp_path: Path) -> None:
    rng = random.Random(5)
    lines = [
        {
            "url": f"https://a.example/{n}",
            "text": " ".join(rng.choice(TEXT.split()) for _ in range(400)),
        }
        for n in range(400)
    ]
    whole = gzip.compress(jsonl(*lines))
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    items = read(path)
    assert isinstance(items[-1], ReadError) and items[-1].kind == "corrupt_gzip"
    good = docs(items)
    assert len(good) > 100 and len(items) == len(good) + 1
    assert [d.url for d in good] == [f"https://a.example/{n}" for n in range(len(good))]
    assert items[-1].source == f"{path}:{len(good) + 1}"
    assert f"after line {len(good)}" in items[-1].message


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    rng = random.Random(0)
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    assert errors(read(path)) == [(str(path), "undecodable")]


def test_binary_file_named_html(tmp_path: Path) -> None:
    html = tmp_path / "photo.html"
    html.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    txt = tmp_path / "program.txt"
    rng = random.Random(1)
    txt.write_bytes(bytes(rng.randrange(0, 32) for _ in range(3000)))
    items = read(html, txt)
    assert errors(items) == [(str(html), "binary"), (str(txt), "binary")]
    assert "not HTML" in str(items[0])


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"  \n\n\t \r\n"),
        ("empty.html", b""),
        ("empty.txt.gz", gzip.compress(b"")),
        ("empty.jsonl", b""),
        ("blank.jsonl", b"\n\n"),
        ("empty.warc", b""),
        ("empty.warc.gz", b""),
    ],
)
def test_empty_file(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    items = read(path)
    assert errors(items) == [(str(path), "empty")]


def _peak_while(fn: Any) -> tuple[Any, int]:
    tracemalloc.start()
    try:
        result = fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


def test_a_100_mb_single_line_is_too_large_and_memory_stays_bounded(tmp_path: Path) -> None:
    big = 100 * 1024 * 1024
    chunk = b"x" * (1 << 20)
    path = tmp_path / "dump.jsonl"
    with path.open("wb") as out:
        out.write(jsonl({"text": TEXT}))
        out.write(b'{"text": "')
        for _ in range(big // len(chunk)):
            out.write(chunk)
        out.write(b'"}\n')
        out.write(jsonl({"text": TEXT}))
    text_file = tmp_path / "one-line.txt"
    with text_file.open("wb") as out:
        for _ in range(big // len(chunk)):
            out.write(chunk)
    gz_file = tmp_path / "one-line.txt.gz"
    with gzip.open(gz_file, "wb", compresslevel=1) as out:
        for _ in range(big // len(chunk)):
            out.write(chunk)

    items, peak = _peak_while(lambda: read(path, text_file, gz_file))
    assert errors(items) == [
        (f"{path}:2", "too_large"),
        (str(text_file), "too_large"),
        (str(gz_file), "too_large"),
    ]
    assert [d.source for d in docs(items)] == [f"{path}:1", f"{path}:3"]
    assert peak < 50 * 1024 * 1024, peak
    assert "larger than 10485760 bytes" in str(items[1])


def test_max_bytes_applies_per_document(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(jsonl({"text": "short"}, {"text": "x" * 500}, {"text": "short"}))
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    items = read(path, page, options=ReaderOptions(max_bytes=100))
    assert errors(items) == [(f"{path}:2", "too_large"), (str(page), "too_large")]
    assert len(docs(items)) == 2


# -- WARC and ARC -----------------------------------------------------------------------------


def _response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str | None = "text/html; charset=utf-8",
    date: str = "2024-05-01T10:00:00Z",
    extra: list[tuple[str, str]] | None = None,
) -> Any:
    headers = [("Content-Type", content_type)] if content_type else []
    http = StatusAndHeaders(status, headers + (extra or []), protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(record)
    return record


def _warc_bytes(gz: bool, pages: int = 1) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    for n in range(pages):
        _response(writer, f"https://a.example/{n}", PAGE.encode() + b"<!-- %d -->" % n)
    return buffer.getvalue()


def _offsets(path: Path) -> dict[str, int]:
    """Offset of each response record, by URL, as warcio reports them."""
    found = {}
    with path.open("rb") as stream:
        archive = ArchiveIterator(stream)
        for record in archive:
            if record.rec_type == "response":
                found[record.rec_headers.get_header("WARC-Target-URI")] = (
                    archive.get_record_offset()
                )
    return found


def _crawler_warc(path: Path) -> None:
    """A WARC as our crawler writes it (its own writer), plus records other tools write."""
    from newscrawl.middlewares.warc import WarcWriterMiddleware

    rules = {"drop_patterns": [{"reason": "ui_chrome", "pattern": "^TT$"}]}
    latin = PAGE.replace("charset='utf-8'", "").replace("Farmers", "Café farmers")

    def crawl(url: str, status: int, ctype: str, body: bytes, role: str, cleaned: bool) -> None:
        meta = {"site": "olivenews", "role": role, "cleaned": cleaned, "rules": rules}
        headers = [("Content-Type", ctype)]
        WarcWriterMiddleware._write(
            writer, url, "2024-05-01T10:00:00Z", status, "HTTP/1.1", headers, body, None, meta
        )

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        crawl(
            "https://a.example/news/1",
            200,
            "text/html; charset=utf-8",
            PAGE.encode(),
            "article",
            True,
        )
        crawl(
            "https://a.example/news/2",
            200,
            "text/html; charset=latin-1",
            latin.encode("latin-1"),
            "article",
            True,
        )
        crawl("https://a.example/gone", 404, "text/html", b"<html>gone</html>", "article", False)
        crawl("https://a.example/news/", 200, "text/html", PAGE.encode(), "listing", False)
        crawl("https://a.example/video/1", 200, "text/html", PAGE.encode(), "article", False)
        crawl(
            "https://a.example/sitemap.xml", 200, "application/xml", b"<urlset/>", "sitemap", False
        )
        # another tool's records: a request, a response without our metadata, a PNG
        request = writer.create_warc_record(
            "https://b.example/x",
            "request",
            payload=io.BytesIO(b""),
            length=0,
            http_headers=StatusAndHeaders(
                "GET /x HTTP/1.1", [("Host", "b.example")], is_http_request=True
            ),
        )
        writer.write_record(request)
        _response(writer, "https://b.example/x", PAGE.encode(), content_type=None)
        _response(writer, "https://b.example/logo.png", b"\x89PNG\r\n", content_type="image/png")
        _response(writer, "https://b.example/moved", b"", status="301 Moved Permanently")


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_written_by_our_crawler(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    _crawler_warc(path)
    skipped: Counter[str] = Counter()
    items = read(path, skipped=skipped)
    rules = {"drop_patterns": [{"reason": "ui_chrome", "pattern": "^TT$"}]}
    assert items == [
        Document(
            source="https://a.example/news/1",
            url="https://a.example/news/1",
            html=PAGE.encode(),
            fetched_at="2024-05-01T10:00:00Z",
            site="olivenews",
            rules=rules,
            http_charset="utf-8",
        ),
        Document(
            source="https://a.example/news/2",
            url="https://a.example/news/2",
            html=items[1].html,
            fetched_at="2024-05-01T10:00:00Z",
            site="olivenews",
            rules=rules,
            http_charset="cp1252",  # as the crawler reads a latin-1 header (w3lib)
        ),
        Document(
            source="https://b.example/x",
            url="https://b.example/x",
            html=PAGE.encode(),
            fetched_at="2024-05-01T10:00:00Z",
        ),
    ]
    assert skipped == Counter({"crawl_skipped": 2, "http_status": 2, "not_html": 2})

    from cleaners.pipeline import clean_document

    article = clean_document(items[1])
    assert article.site == "olivenews"
    assert article.url == "https://a.example/news/2"
    assert article.fetched_at == "2024-05-01T10:00:00Z"
    assert "Café farmers" in article.text


def test_warc_content_encoding_is_undone_and_resource_records_are_pages(tmp_path: Path) -> None:
    path = tmp_path / "enc.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        encoded = gzip.compress(PAGE.encode())
        _response(writer, "https://a.example/1", encoded, extra=[("Content-Encoding", "gzip")])
        for url, ctype in [("file:///b.html", "text/html"), ("file:///c.css", "text/css")]:
            resource = writer.create_warc_record(
                url,
                "resource",
                payload=io.BytesIO(PAGE.encode()),
                length=len(PAGE),
                warc_content_type=ctype,
                warc_headers_dict={"WARC-Date": "2024-05-02T00:00:00Z"},
            )
            writer.write_record(resource)
    skipped: Counter[str] = Counter()
    items = read(path, skipped=skipped)
    assert [(d.url, d.html, d.fetched_at) for d in docs(items)] == [
        ("https://a.example/1", PAGE.encode(), "2024-05-01T10:00:00Z"),
        ("file:///b.html", PAGE.encode(), "2024-05-02T00:00:00Z"),
    ]
    assert skipped == Counter({"not_html": 1})


def test_warc_payload_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    path.write_bytes(_warc_bytes(gz=False, pages=2))
    items = read(path, options=ReaderOptions(max_bytes=100))
    offsets = _offsets(path)
    assert errors(items) == [
        (f"{path}@{offsets['https://a.example/0']}", "too_large"),
        (f"{path}@{offsets['https://a.example/1']}", "too_large"),
    ]


def _arc_record(header: str, body: bytes) -> bytes:
    return header.encode() + b" %d\n" % len(body) + body + b"\n"


@pytest.mark.parametrize("gz", [False, True])
def test_arc_file(tmp_path: Path, gz: bool) -> None:
    filedesc = b"1 0 InternetArchive\nURL IP-address Archive-date Content-type Archive-length\n"
    page = PAGE.replace("charset='utf-8'", "").replace("Farmers", "Café farmers").encode("latin-1")
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=iso-8859-1\r\n\r\n" + page
    records = [
        _arc_record("filedesc://test.arc 0.0.0.0 20240101120000 text/plain", filedesc),
        _arc_record("http://a.example/1 93.184.216.34 20240102030405 text/html", http),
        _arc_record(
            "http://a.example/2.png 93.184.216.34 20240102030406 image/png",
            b"HTTP/1.0 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ),
    ]
    path = tmp_path / ("test.arc.gz" if gz else "test.arc")
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gz else b"".join(records))
    [document] = read(path)
    assert document == Document(
        source="http://a.example/1",  # a page's source is its URL (as for a crawled page)
        url="http://a.example/1",
        html=page,
        fetched_at="2024-01-02T03:04:05Z",
        http_charset="cp1252",
    )


@pytest.mark.parametrize("gz", [False, True])
def test_truncated_warc_record(tmp_path: Path, gz: bool) -> None:
    whole = _warc_bytes(gz=gz, pages=3)
    full = tmp_path / ("full.warc.gz" if gz else "full.warc")
    full.write_bytes(whole)
    offsets = _offsets(full)
    last = offsets["https://a.example/2"]
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(whole[: last + (len(whole) - last) // 2])
    items = read(path)
    assert [d.url for d in docs(items)] == ["https://a.example/0", "https://a.example/1"]
    assert all(d.html.endswith(b"-->") for d in docs(items))  # type: ignore[union-attr]
    assert errors(items) == [(f"{path}@{last}", "truncated_record")]
    assert "the rest of the file is not read" in str(items[-1])


@pytest.mark.parametrize("gz", [False, True])
def test_any_cut_of_a_warc_is_read_or_reported_never_half_read(tmp_path: Path, gz: bool) -> None:
    whole = _warc_bytes(gz=gz, pages=2)
    full = {d.url: d.html for d in docs(read(_write(tmp_path / "full.warc", whole)))}
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    outcomes: Counter[str] = Counter()
    for cut in range(1, len(whole), 5):
        path.write_bytes(whole[:cut])
        items = read(path)
        for document in docs(items):
            assert document.html == full[document.url], cut  # never a partial page
        kinds = {kind for _, kind in errors(items)}
        assert kinds <= {"truncated_record", "corrupt_gzip", "warc_error"}, (cut, items)
        outcomes["error" if kinds else "clean"] += 1
    assert outcomes["error"] > outcomes["clean"] * 5


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_corrupt_gzip_member_in_the_middle_of_a_warc(tmp_path: Path) -> None:
    whole = _warc_bytes(gz=True, pages=3)
    offsets = _offsets(_write(tmp_path / "full.warc.gz", whole))
    second = offsets["https://a.example/1"]
    data = bytearray(whole)
    data[second + 30 : second + 60] = bytes(30)
    path = _write(tmp_path / "damaged.warc.gz", bytes(data))
    items = read(path)
    assert [d.url for d in docs(items)] == ["https://a.example/0"]
    assert errors(items) == [(f"{path}@{second}", "corrupt_gzip")]


def test_not_a_warc(tmp_path: Path) -> None:
    path = _write(tmp_path / "notes.warc", b"hello, this is not an archive\n")
    assert errors(read(path)) == [(str(path), "warc_error")]
    assert "not a WARC or ARC file (it starts b'hello, this is n')" in str(read(path)[0])
    gz = _write(tmp_path / "notes.warc.gz", gzip.compress(b"hello, this is not an archive\n"))
    assert errors(read(gz)) == [(str(gz), "warc_error")]


# -- documents and cleaning -------------------------------------------------------------------


def test_clean_document_passes_site_rules_and_charset(monkeypatch: pytest.MonkeyPatch) -> None:
    import cleaners.html.extract
    from cleaners.pipeline import clean_document

    seen: dict[str, Any] = {}
    real = cleaners.html.extract.clean_html

    def spy(html: str | bytes, url: str | None = None, **kwargs: Any) -> Any:
        seen.update(kwargs, html=html, url=url)
        return real(html, url, **kwargs)

    monkeypatch.setattr(cleaners.html.extract, "clean_html", spy)
    rules = {"drop_patterns": [{"reason": "ui_chrome", "pattern": "^TT$"}]}
    document = Document(
        source="crawl.warc.gz@120",
        url="https://a.example/1",
        html=PAGE.encode(),
        fetched_at="2024-05-01T10:00:00Z",
        site="olivenews",
        rules=rules,
        http_charset="utf-8",
    )
    article = clean_document(document)
    assert seen == {
        "html": PAGE.encode(),
        "url": "https://a.example/1",
        "site": "olivenews",
        "source": "crawl.warc.gz@120",
        "http_charset": "utf-8",
        "rules": rules,
    }
    assert (article.site, article.fetched_at) == ("olivenews", "2024-05-01T10:00:00Z")
    # a text dump with a site name keeps it
    text = clean_document(Document(source="dump.jsonl:3", text=TEXT, site="olivenews"))
    assert text.site == "olivenews"


def test_documents_and_errors_pickle(tmp_path: Path) -> None:
    """The CLI may hand them to worker processes."""
    path = tmp_path / "crawl.warc.gz"
    _crawler_warc(path)
    for item in [*read(path), ReadError("x.jsonl:3", "invalid_json", "bad"), ReaderOptions()]:
        assert pickle.loads(pickle.dumps(item)) == item


def test_stream_errors_map_to_one_read_error_each() -> None:
    import gzip
    import zlib

    from cleaners.readers.base import STREAM_ERRORS, NotGzipError, stream_error

    cases = [
        (NotGzipError("not gzip data"), "corrupt_gzip", "not gzip data"),
        (gzip.BadGzipFile("bad header"), "corrupt_gzip", "corrupt gzip data: bad header"),
        (EOFError("stream ended"), "corrupt_gzip", "corrupt gzip data: stream ended"),
        (
            zlib.error("invalid stored block"),
            "corrupt_gzip",
            "corrupt gzip data: invalid stored block",
        ),
        (PermissionError(13, "Permission denied"), "io_error", "Permission denied"),
    ]
    for exc, kind, message in cases:
        assert isinstance(exc, STREAM_ERRORS)
        assert stream_error("f.jsonl.gz:3", exc) == ReadError("f.jsonl.gz:3", kind, message)
    late = stream_error("f.jsonl.gz:8", EOFError("cut"), after=7)
    assert late.message == "corrupt gzip data: cut (after line 7)"
    with pytest.raises(TypeError):
        stream_error("f", ValueError("not a stream error"))


def test_gzip_message_names_the_error_when_it_has_no_text() -> None:
    """An exception without a message (e.g. a bare EOFError from a truncated stream) still says
    what went wrong, not an empty 'corrupt gzip data: '."""
    from cleaners.readers.base import gzip_message

    assert gzip_message(EOFError()) == "corrupt gzip data: EOFError"
    assert gzip_message(OSError("Not a gzipped file")) == "corrupt gzip data: Not a gzipped file"
