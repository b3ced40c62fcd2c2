"""Common Crawl WET input: conversion records read as whole-page text dumps."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

import cleaners.cli
from cleaners.document import Document, ReadError
from cleaners.readers import read_inputs

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PAGE = FIXTURES / "generic" / "oman_hpv_vaccination.txt"


def _wet(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    """A WET file as Common Crawl writes it: a warcinfo record, then conversion records."""
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        info = writer.create_warcinfo_record(path.name, {"software": "test"})
        writer.write_record(info)
        for url, date, body in records:
            record = writer.create_warc_record(
                url,
                "conversion",
                payload=io.BytesIO(body),
                length=len(body),
                warc_headers_dict={"WARC-Date": date, "Content-Type": "text/plain"},
            )
            writer.write_record(record)


def test_conversion_records_are_text_documents(tmp_path: Path) -> None:
    path = tmp_path / "CC-MAIN-x.warc.wet.gz"
    body = PAGE.read_bytes()
    _wet(
        path,
        [
            ("https://a.example/oman-hpv", "2024-03-01T10:00:00Z", body),
            ("https://b.example/empty", "2024-03-01T10:00:01Z", b""),
            ("https://c.example/other", "2024-03-01T10:00:02Z", "Un texte en français.".encode()),
        ],
    )
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Document, Document]  # the empty record is passed over
    first, second = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.url == first.source == "https://a.example/oman-hpv"
    assert first.fetched_at == "2024-03-01T10:00:00Z"
    assert first.text == body.decode("utf-8") and first.html is None
    assert second.text == "Un texte en français."


def test_newsclean_cleans_a_wet_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "CC-MAIN-y.warc.wet.gz"
    _wet(path, [("https://a.example/oman-hpv", "2024-03-01T10:00:00Z", PAGE.read_bytes())])
    assert cleaners.cli.main(["clean", str(path), "-q"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    expected = json.loads(PAGE.with_suffix(".expected.json").read_text("utf-8"))
    assert record["url"] == "https://a.example/oman-hpv"
    assert record["fetched_at"] == "2024-03-01T10:00:00Z"
    assert record["title"] == expected["title"] and record["text"] == expected["text"]


def test_a_damaged_wet_file_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.wet.gz"
    _wet(path, [("https://a.example/1", "2024-03-01T10:00:00Z", b"First page text.")])
    good = path.read_bytes()
    path.write_bytes(good + gzip.compress(b"WARC/1.0\r\nWARC-Type: conversion\r\n")[:-6])
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Document) and items[0].text == "First page text."
    assert len(items) == 2 and isinstance(items[1], ReadError)
    assert items[1].source.startswith(f"{path}@")
