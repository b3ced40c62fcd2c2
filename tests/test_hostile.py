"""Hostile input and hard stops (issue 13): nothing lost, nothing hangs.

Each test reproduces one cause of the red-team pass: a page or a signal that used to stop a
run, lose records or hang. No timed assertions: counts, exact records and error kinds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaners.cli
from cleaners.distributed.shards import plan_shards
from cleaners.distributed.task import ShardJob, clean_shard, part_name
from tests.pages import BODY, TITLE, page

SURROGATE = "\\ud83d"  # as JSON writes it: a string cut in the middle of an emoji


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _surrogate_jsonl(path: Path) -> Path:
    """Three JSONL pages: a lone surrogate in the text, in url/site/id, then a clean one."""
    text = page(TITLE, *BODY)
    broken_text = json.dumps(page(TITLE, *BODY[:2], BODY[2] + "@@", *BODY[3:])).replace(
        "@@", SURROGATE
    )
    lines = [
        '{"id": "a1", "url": "https://example.com/a", "text": ' + broken_text + "}",
        '{"id": "b' + SURROGATE + '", "url": "https://example.com/b' + SURROGATE + '", '
        '"site": "ex' + SURROGATE + '", "text": ' + json.dumps(text) + "}",
        '{"id": "c3", "url": "https://example.com/c", "text": ' + json.dumps(text) + "}",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _assert_three_valid_records(records: list[dict]) -> None:
    assert [r["url"] for r in records] == [
        "https://example.com/a",
        "https://example.com/b\ufffd",
        "https://example.com/c",
    ]
    assert BODY[2] + "\ufffd" in records[0]["text"]
    assert records[1]["site"] == "ex\ufffd"
    assert all(r["status"] == "ok" for r in records)


def test_lone_surrogates_in_jsonl_fields_do_not_stop_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _surrogate_jsonl(tmp_path / "pages.jsonl")
    out = tmp_path / "out.jsonl"
    code = cleaners.cli.main(["clean", str(source), "-o", str(out), "-j", "1", "--id-field", "id"])
    err = capsys.readouterr().err
    assert code == 0, err
    records = read_jsonl(out)
    _assert_three_valid_records(records)
    assert records[1]["source"] == f"{source}#b\ufffd"
    assert "errors: 0" in err
    out.read_bytes().decode("utf-8")  # strict: the file is valid UTF-8


LD_PAGE = """<!doctype html><html><head><title>{title}</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}{s}",
"author": {{"@type": "Person", "name": "Salma Ben{s}"}}}}</script></head>
<body><article><h1>{title}</h1>{body}</article></body></html>"""


def _ld_page() -> bytes:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    return LD_PAGE.format(title=TITLE, s=SURROGATE, body=body).encode("utf-8")


def test_lone_surrogate_in_json_ld_gives_a_valid_record(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_bytes(_ld_page())
    out = tmp_path / "out.jsonl"
    assert cleaners.cli.main(["clean", str(tmp_path / "in"), "-o", str(out), "-q"]) == 0
    [record] = read_jsonl(out)
    assert record["status"] == "ok"
    assert record["title"] == TITLE + "\ufffd"
    assert record["authors"] == ["Salma Ben\ufffd"]


def test_lone_surrogates_do_not_fail_a_dask_shard(tmp_path: Path) -> None:
    source = _surrogate_jsonl(tmp_path / "pages.jsonl")
    plan = plan_shards([str(source)], 1 << 20)
    [shard] = plan.shards
    result = clean_shard(shard, ShardJob(parts_dir=str(tmp_path / "parts")))
    assert result["errors"] == []
    _assert_three_valid_records(read_jsonl(tmp_path / "parts" / part_name(shard.index)))


def test_crawler_record_with_a_lone_surrogate_is_exported(tmp_path: Path) -> None:
    from newscrawl.exporters import JsonLinesExporter
    from newscrawl.worker import clean_page

    result = clean_page(_ld_page(), "https://example.com/a", "example", {})
    assert result.error is None
    with (tmp_path / "feed.jsonl").open("wb") as handle:
        exporter = JsonLinesExporter(handle, encoding="utf-8")  # as settings.py sets it
        exporter.start_exporting()
        exporter.export_item(result.record)
        exporter.finish_exporting()
    [record] = read_jsonl(tmp_path / "feed.jsonl")
    assert record["title"] == TITLE + "\ufffd"
    assert record["authors"] == ["Salma Ben\ufffd"]
