"""`newsclean clean` at scale: every format in one run, -j determinism, Parquet and the JSON
Schema, --split-stories, --dedup, --lang, --strict, progress."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import cleaners.cli
from cleaners.progress import Progress
from cleaners.schema import arrow_schema, record_schema

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_003 = FIXTURES / "dumps" / "003_e62bd223b97e1429.txt"


def _warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2026-01-02T03:04:05Z"},
            )
            writer.write_record(record)


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dump of every format: text dumps, HTML pages, JSONL (html and text), a WARC."""
    root = tmp_path_factory.mktemp("mixed")
    texts = sorted((FIXTURES / "generic").glob("*.txt"))[:8] + sorted(
        (FIXTURES / "dumps").glob("*.txt")
    )
    pages = sorted((FIXTURES / "html").rglob("*.html"))
    (root / "txt").mkdir()
    for path in texts:
        shutil.copy(path, root / "txt" / path.name)
    (root / "html").mkdir()
    for path in pages[:6]:
        shutil.copy(path, root / "html" / path.name)
    with (root / "pages.jsonl").open("w", encoding="utf-8") as out:
        for n, path in enumerate(pages[6:12]):
            url = f"https://jsonl.example/{n}"
            out.write(json.dumps({"url": url, "html": path.read_text("utf-8")}) + "\n")
        for path in texts[:3]:
            out.write(json.dumps({"text": path.read_text("utf-8")}) + "\n")
    _warc(
        root / "crawl.warc.gz",
        [(f"https://warc.example/{n}", p.read_bytes()) for n, p in enumerate(pages[12:18])],
    )
    return root


def _clean(*argv: str) -> int:
    return cleaners.cli.main(["clean", *argv, "--no-progress"])


def _records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.mark.slow
def test_every_format_in_one_run_is_identical_at_any_jobs(mixed: Path, tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out, rejects = tmp_path / f"out{jobs}.jsonl", tmp_path / f"rejects{jobs}.jsonl"
        assert _clean(str(mixed), "-o", str(out), "--rejects", str(rejects), "-j", jobs) == 0
        outputs.append((out.read_bytes(), rejects.read_bytes()))
    assert outputs[0] == outputs[1]
    records = _records(tmp_path / "out1.jsonl") + _records(tmp_path / "rejects1.jsonl")
    sources = [r["source"] for r in records]
    assert sum(s.startswith(str(mixed / "txt")) for s in sources) == 13
    assert sum(s.startswith(str(mixed / "html")) for s in sources) == 6
    assert sum(s.startswith(f"{mixed / 'pages.jsonl'}:") for s in sources) == 9
    assert sum(s.startswith("https://warc.example/") for s in sources) == 6
    warc = [r for r in records if r["source"].startswith("https://warc.example/")]
    assert {r["fetched_at"] for r in warc} == {"2026-01-02T03:04:05Z"}
    assert all(r["url"] for r in warc)  # the target URI, or the page's canonical link


@pytest.mark.slow
def test_every_written_record_matches_the_published_schema(mixed: Path, tmp_path: Path) -> None:
    import jsonschema

    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    argv = [str(mixed), "-o", str(out), "--rejects", str(rejects), "--split-stories", "-j", "1"]
    assert _clean(*argv) == 0
    validator = jsonschema.Draft202012Validator(record_schema())
    records = _records(out) + _records(rejects)
    assert len(records) > 30
    for record in records:
        validator.validate(record)
        assert list(record) == list(record_schema()["properties"])  # documented key order


@pytest.mark.slow
def test_parquet_and_jsonl_read_back_with_pyarrow_with_the_record_types(
    mixed: Path, tmp_path: Path
) -> None:
    import pyarrow as pa
    import pyarrow.json as pa_json
    import pyarrow.parquet as pq

    jsonl, parquet = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    assert _clean(str(mixed), "-o", str(jsonl), "-j", "1") == 0
    assert _clean(str(mixed), "-o", str(parquet), "-j", "1") == 0
    assert not list(tmp_path.glob("*.partial"))

    table = pq.read_table(parquet)
    assert table.schema.equals(arrow_schema(), check_metadata=False)
    assert table.schema.field("authors").type == pa.list_(pa.string())
    assert table.schema.field("story_index").type == pa.int64()
    assert table.schema.field("removed").type.value_type.names == ["reason", "rule", "text"]
    assert table.to_pylist() == _records(jsonl)  # the same records, field for field

    read_back = pa_json.read_json(
        jsonl, parse_options=pa_json.ParseOptions(explicit_schema=arrow_schema())
    )
    assert read_back.num_rows == table.num_rows
    assert read_back.column("text").to_pylist() == table.column("text").to_pylist()


def test_split_stories_gives_the_appended_story_its_own_record(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert _clean(str(SEED_003), "-o", str(out), "--split-stories", "-j", "1") == 0
    main, second = _records(out)
    assert (main["story_index"], second["story_index"]) == (0, 1)
    assert main["id"] != second["id"]
    assert "Daraa" in main["title"] and "Daraa" not in second["text"]
    assert second["title"].startswith("Egypt, Iran")
    assert "Iran" in second["text"] and "Egypt" in second["text"]
    # the main record still lists what was cut off, with its reason
    assert any(r["reason"] == "second_story" for r in main["removed"])

    plain = tmp_path / "plain.jsonl"
    assert _clean(str(SEED_003), "-o", str(plain), "-j", "1") == 0
    assert _records(plain) == [main]  # without the flag, only the main story


def _story(paragraphs: list[str], footer: str) -> str:
    return "\n\n".join(["Water ministers agree on a shared drought plan", *paragraphs, footer])


PARAGRAPHS = [
    "Water ministers from six countries agreed on Tuesday to share river-flow data every week "
    "and to coordinate dam releases during the summer months, officials said after the meeting.",
    "The plan sets up a joint monitoring centre in Amman that will publish reservoir levels and "
    "rainfall forecasts, a step that farmers' unions had requested for several years.",
    "Delegates said the first data exchange would start in June, with a review of the "
    "arrangement planned for the end of the year once the dry season is over.",
    "Several delegations asked for funding from regional development banks to modernise "
    "irrigation canals, which lose a large share of their water to leaks and evaporation.",
]


@pytest.mark.slow
def test_dedup_keeps_the_first_copy_and_counts_the_near_duplicates(tmp_path: Path) -> None:
    dump = tmp_path / "dump"
    dump.mkdir()
    (dump / "a.txt").write_text(_story(PARAGRAPHS, "Reporting by staff."), "utf-8")
    # syndicated copy: another footer, last paragraph trimmed
    (dump / "b.txt").write_text(_story([*PARAGRAPHS[:3], PARAGRAPHS[3][:120]], "AFP"), "utf-8")
    (dump / "c.txt").write_text(_story(PARAGRAPHS, "Reporting by staff."), "utf-8")  # exact
    other = [
        "Farmers in the Jordan Valley said on Tuesday that the new water plan came too late for "
        "this year's tomato crop, which has already been cut back after a dry winter.",
        "Growers interviewed near Deir Alla said they had dug private wells, although licences "
        "for new wells have been frozen since the ministry tightened the rules in 2019.",
        "The farmers' union welcomed the weekly data exchange but asked for compensation for "
        "growers whose fields received less than half their usual water allocation.",
    ]
    (dump / "d.txt").write_text(_story(other, "Reporting by staff."), "utf-8")  # same event
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    assert _clean(str(dump), "-o", str(out), "--rejects", str(rejects), "--dedup", "-j", "2") == 0
    kept = {Path(r["source"]).name: r["duplicates"] for r in _records(out)}
    assert kept == {"a.txt": 2, "d.txt": 0}
    dropped = {Path(r["source"]).name: r["reject_reason"] for r in _records(rejects)}
    assert dropped == {"b.txt": "duplicate", "c.txt": "duplicate"}


def test_lang_keeps_only_the_languages_asked_for(tmp_path: Path) -> None:
    generic = FIXTURES / "generic"
    inputs = [generic / "arabic_gold_prices.txt", generic / "french_maroc_tourisme.txt"]
    inputs.append(generic / "kuwait_bourse_rally.txt")
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    argv = [*map(str, inputs), "-o", str(out), "--rejects", str(rejects), "--lang", "en,ar"]
    assert _clean(*argv, "-j", "1") == 0
    assert sorted(r["language"] for r in _records(out)) == ["ar", "en"]
    [rejected] = _records(rejects)
    assert (rejected["language"], rejected["status"], rejected["reject_reason"]) == (
        "fr",
        "rejected",
        "language",
    )


def test_bad_inputs_are_reported_and_strict_fails_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    shutil.copy(FIXTURES / "generic" / "kuwait_bourse_rally.txt", good)
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "fine but short"}\n{not json\n', "utf-8")
    bad_gzip = tmp_path / "cut.html.gz"
    bad_gzip.write_bytes(b"\x1f\x8b\x08\x00garbage")
    out = tmp_path / "out.jsonl"
    argv = [str(good), str(broken), str(bad_gzip), "-o", str(out), "-j", "1"]
    assert _clean(*argv) == 0  # the run completed: per-input errors do not fail it
    err = capsys.readouterr().err
    assert f"{broken}:2: invalid_json" in err
    assert f"{bad_gzip}: corrupt_gzip" in err
    assert [Path(r["source"]).name for r in _records(out)] == ["good.txt"]
    assert _clean(*argv, "--strict") == 1
    assert "--strict: 2 input errors" in capsys.readouterr().err
    assert _clean(str(bad_gzip), "-o", str(out)) == 1  # nothing could be read


def test_stdin_jsonl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (FIXTURES / "generic" / "kuwait_bourse_rally.txt").read_text("utf-8")
    line = json.dumps({"body": text, "link": "https://s.example/1"}) + "\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(line.encode())))
    out = tmp_path / "out.jsonl"
    argv = ["-", "-o", str(out), "--text-field", "body", "--url-field", "link", "-j", "1"]
    assert _clean(*argv) == 0
    [record] = _records(out)
    assert (record["url"], record["source"]) == ("https://s.example/1", "<stdin>:1")


def test_progress_without_a_terminal_prints_periodic_lines() -> None:
    stream = io.StringIO()
    progress = Progress(stream=stream, every=0.0)
    progress.update()
    progress.update(errors=1)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[-1].startswith("newsclean: 2 documents, ")  # inputs done, errors included
    assert lines[-1].endswith(", 1 errors")


def test_a_page_that_kills_its_worker_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import multiprocessing
    import os

    import cleaners.batch

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patched cleaner reaches the workers only when they are forked")
    dump = tmp_path / "dump"
    dump.mkdir()
    for name in ("a", "b", "killer", "c", "d"):
        shutil.copy(FIXTURES / "generic" / "kuwait_bourse_rally.txt", dump / f"{name}.txt")
    real = cleaners.batch.clean_document

    def crashes(document: Any) -> Any:
        if document.source.endswith("killer.txt"):
            os._exit(3)  # what a segfault in a C extension looks like from outside
        return real(document)

    monkeypatch.setattr(cleaners.batch, "clean_document", crashes)
    out = tmp_path / "out.jsonl"
    assert _clean(str(dump), "-o", str(out), "-j", "2") == 0
    assert [Path(r["source"]).stem for r in _records(out)] == ["a", "b", "c", "d"]
    assert f"{dump / 'killer.txt'}: worker_crashed" in capsys.readouterr().err
