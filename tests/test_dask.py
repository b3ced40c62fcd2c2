"""Cleaning on a Dask cluster: shards, part files, manifest, merge, a worker killed mid-shard.

The cluster tests run a real `LocalCluster` of two worker processes (one thread each), shared
by the module, and compare every distributed run with the local `-j 2` output of the same
inputs: a mix of text dumps, HTML pages, a JSONL file cut into several byte-range shards, a
gzipped JSONL file, a gzipped WARC archive, a file not read and an input that does not exist.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import threading
import time
from collections import Counter
from collections.abc import Iterator
from functools import partial
from itertools import pairwise
from pathlib import Path

import pytest
from distributed import Client, LocalCluster
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import cleaners.cli
from cleaners.batch import BatchOptions, Item, Outcome, process_item
from cleaners.distributed.runner import ClusterConfig, run_distributed
from cleaners.distributed.shards import plan_shards
from cleaners.distributed.task import read_shard
from cleaners.document import ReadError
from cleaners.readers import (
    ReaderOptions,
    expand_inputs,
    jsonl_ranges,
    read_file,
    read_inputs,
    read_jsonl_range,
)
from cleaners.run import RunConfig

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARD_BYTES = 24 * 1024  # small shards: the JSONL file below is cut into several ranges


# -- inputs ------------------------------------------------------------------------------------


def _texts() -> list[Path]:
    return sorted((FIXTURES / "generic").glob("*.txt"))[:14]


def _pages() -> list[Path]:
    return sorted((FIXTURES / "html").glob("*/*.html"))[:8]


def _warc(path: Path) -> None:
    def response(url: str, body: bytes, status: str, content_type: str) -> None:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(body),
            length=len(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2024-05-01T10:00:00Z"},
        )
        writer.write_record(record)

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for n, page in enumerate(_pages()[-3:]):
            response(f"https://w.example/{n}", page.read_bytes(), "200 OK", "text/html")
        response("https://w.example/gone", b"<html>gone</html>", "404 Not Found", "text/html")
        response("https://w.example/logo.png", b"\x89PNG\r\n", "200 OK", "image/png")


def _jsonl_lines() -> list[str]:
    lines = []
    for n, path in enumerate(_texts()):
        lines.append(json.dumps({"url": f"https://t.example/{n}", "text": path.read_text("utf-8")}))
        if n == 2:
            lines.append("{not json")
        if n == 4:
            lines.append("")
        if n == 6:
            lines.append(json.dumps({"url": "https://t.example/no-page"}))
    for n, path in enumerate(_pages()):
        lines.append(json.dumps({"url": f"https://h.example/{n}", "html": path.read_text("utf-8")}))
    return lines


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask") / "in"
    (root / "a_text").mkdir(parents=True)
    for path in sorted((FIXTURES / "dumps").glob("*.txt")):
        (root / "a_text" / path.name).write_bytes(path.read_bytes())
    (root / "a_text" / "notes.md").write_text("not an input", "utf-8")
    (root / "b_html").mkdir()
    for path in _pages()[:4]:
        (root / "b_html" / path.name).write_bytes(path.read_bytes())
    lines = _jsonl_lines()
    (root / "c_pages.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    with gzip.open(root / "d_more.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines[:3]) + "\n")
    _warc(root / "e_crawl.warc.gz")
    return root


def _inputs(corpus: Path) -> list[str]:
    return [str(corpus), str(corpus / "missing.txt")]


def _local(corpus: Path, out_dir: Path, *extra: str) -> tuple[bytes, bytes]:
    """The local `-j 2` run's output and rejects, as bytes."""
    out_dir.mkdir(parents=True, exist_ok=True)
    out, rejects = out_dir / "local.jsonl", out_dir / "local-rejects.jsonl"
    argv = ["clean", *_inputs(corpus), "-o", str(out), "--rejects", str(rejects), "-j", "2"]
    code = cleaners.cli.main([*argv, "--no-progress", *extra])
    assert code == 0
    return out.read_bytes(), rejects.read_bytes()


@pytest.fixture(scope="module")
def local_output(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    return _local(corpus, tmp_path_factory.mktemp("local"))


def _config(corpus: Path, output: Path, rejects: Path | None, **options: object) -> RunConfig:
    return RunConfig(
        inputs=_inputs(corpus),
        output=str(output),
        rejects=str(rejects) if rejects else None,
        options=BatchOptions(**options),  # type: ignore[arg-type]
        progress=False,
        quiet=True,
    )


def _parts(directory: Path, prefix: str = "part") -> list[Path]:
    return sorted(directory.glob(f"{prefix}-*.jsonl"))


def _temp_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.name.endswith(".tmp"))


# -- byte ranges and shards, no cluster ------------------------------------------------------


def _same(items: list[Item]) -> list[tuple[str, str]]:
    return [(item.source, item.kind if isinstance(item, ReadError) else "doc") for item in items]


@pytest.mark.parametrize("target", [1, 10, 90, 250, 400, 10_000])
def test_jsonl_ranges_read_as_the_whole_file_does(tmp_path: Path, target: int) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"url": "https://a.example/1", "text": "One line of text."}),
        "",
        "[1, 2]",
        json.dumps({"text": "x" * 300}),  # over max_bytes
        "   ",
        json.dumps({"html": "<p>Two</p>", "url": "https://a.example/2"}),
        "{broken",
        json.dumps({"text": "Last line, no newline after it."}),
    ]
    path.write_text("\n".join(lines), "utf-8")
    options = ReaderOptions(max_bytes=200)
    whole = list(read_file(path, "dump.jsonl", options))

    ranges = jsonl_ranges(path, target)
    assert ranges[0][0] == 0 and ranges[-1][1] == path.stat().st_size
    assert all(end == start for (_, end, _), (start, _, _) in pairwise(ranges))
    data = path.read_bytes()
    for start, _, before in ranges:
        assert start == 0 or data[start - 1 : start] == b"\n"  # every range starts a line
        assert data[:start].count(b"\n") == before
    pieces = [
        item
        for start, end, before in ranges
        for item in read_jsonl_range(path, "dump.jsonl", options, start, end, before)
    ]
    assert pieces == whole
    assert _same(whole) == [
        ("dump.jsonl:1", "doc"),
        ("dump.jsonl:3", "invalid_json"),
        ("dump.jsonl:4", "too_large"),
        ("dump.jsonl:6", "doc"),
        ("dump.jsonl:7", "invalid_json"),
        ("dump.jsonl:8", "doc"),
    ]


def test_jsonl_ranges_of_a_small_file_is_one_range(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text('{"text": "a"}\n', "utf-8")
    assert jsonl_ranges(path, 1 << 20) == [(0, 14, 0)]


def test_shards_are_contiguous_in_input_order(corpus: Path) -> None:
    plan = plan_shards(_inputs(corpus), SHARD_BYTES)
    assert plan == plan_shards(_inputs(corpus), SHARD_BYTES)  # deterministic
    assert [shard.index for shard in plan.shards] == list(range(len(plan.shards)))
    assert [(e.source, e.kind) for e in plan.errors] == [(str(corpus / "missing.txt"), "not_found")]
    assert plan.skipped == {"unknown_extension": 1}

    pieces = [piece for shard in plan.shards for piece in shard.pieces]
    files = [e[1] for e in expand_inputs(_inputs(corpus)) if not isinstance(e, ReadError)]
    assert list(dict.fromkeys(piece.source for piece in pieces)) == files
    jsonl = [piece for piece in pieces if piece.source.endswith("c_pages.jsonl")]
    assert len(jsonl) >= 4 and all(piece.is_range for piece in jsonl)
    assert jsonl[0].start == 0 and jsonl[-1].end == (corpus / "c_pages.jsonl").stat().st_size
    assert all(a.end == b.start for a, b in pairwise(jsonl))
    assert not any(p.is_range for p in pieces if p.source.endswith((".gz", ".txt", ".html")))

    # read shard by shard, the inputs are the local run's, in the local run's order
    options = ReaderOptions()
    by_shard = [item for shard in plan.shards for item in read_shard(shard, options, Counter())]
    local = [item for item in read_inputs(_inputs(corpus), options) if item not in plan.errors]
    assert by_shard == local


# -- on a LocalCluster of two worker processes ----------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[Client]:
    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        client = Client(local)
        try:
            yield client
        finally:
            client.close()
    finally:
        local.close()


@pytest.fixture
def client(cluster: Client) -> Client:
    cluster.wait_for_workers(2, timeout=60)  # a worker killed by a test is back (its nanny)
    return cluster


@pytest.mark.slow
def test_parts_union_is_the_local_output(
    client: Client, corpus: Path, local_output: tuple[bytes, bytes], tmp_path: Path
) -> None:
    parts, rejects = tmp_path / "parts", tmp_path / "rejects"
    cluster = ClusterConfig("unused", shard_bytes=SHARD_BYTES)
    code = run_distributed(_config(corpus, parts, rejects), ReaderOptions(), cluster, client=client)
    assert code == 0

    manifest = json.loads((parts / "manifest.json").read_text("utf-8"))
    assert len(manifest["parts"]) >= 6
    assert [p["part"] for p in manifest["parts"]] == [p.name for p in _parts(parts)]
    local_out, local_rejects = local_output
    # order-insensitive: the union of the parts is the local output...
    lines = [line for part in _parts(parts) for line in part.read_bytes().splitlines()]
    assert sorted(lines) == sorted(local_out.splitlines())
    assert len(set(lines)) == len(lines)
    # ...and in part order it is the local output itself
    assert b"".join(part.read_bytes() for part in _parts(parts)) == local_out
    assert b"".join(p.read_bytes() for p in _parts(rejects, "rejects")) == local_rejects

    for part in manifest["parts"]:
        assert part["records"] == len((parts / part["part"]).read_bytes().splitlines())
        assert part["rejected_records"] == len(
            (rejects / part["rejects"]).read_bytes().splitlines()
        )
    totals = manifest["totals"]
    assert manifest["records"] == totals["ok"] == len(local_out.splitlines())
    assert sum(totals["rejected"].values()) == len(local_rejects.splitlines())
    assert totals["documents"] == totals["ok"] + sum(totals["rejected"].values())
    assert totals["errors"] == {"invalid_json": 1, "missing_field": 1, "not_found": 1}
    assert totals["skipped"] == {"http_status": 1, "not_html": 1, "unknown_extension": 1}
    assert manifest["workers"] == 2
    assert _temp_files(parts) == _temp_files(rejects) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "extra", [[], ["--split-stories", "--lang", "en"]], ids=["default", "split-lang"]
)
def test_merge_is_byte_identical_to_the_local_output(
    client: Client, corpus: Path, tmp_path: Path, extra: list[str]
) -> None:
    local_out, local_rejects = _local(corpus, tmp_path / "local", *extra)
    out, rejects = tmp_path / "merged.jsonl", tmp_path / "merged-rejects.jsonl"
    argv = ["clean", *_inputs(corpus), "-o", str(out), "--rejects", str(rejects), "--merge"]
    argv += ["--scheduler", client.scheduler.address, "--shard-size", "24K", "-q", *extra]
    assert cleaners.cli.main(argv) == 0
    assert out.read_bytes() == local_out
    assert rejects.read_bytes() == local_rejects
    manifest = json.loads((tmp_path / "merged.jsonl.manifest.json").read_text("utf-8"))
    assert manifest["options"]["split_stories"] == ("--split-stories" in extra)
    assert not (tmp_path / "merged.jsonl.parts").exists()  # the parts are merged and gone
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "local",
        "merged-rejects.jsonl",
        "merged.jsonl",
        "merged.jsonl.manifest.json",
    ]


@pytest.mark.slow
def test_merge_to_parquet_via_a_scheduler_file(
    client: Client, corpus: Path, tmp_path: Path
) -> None:
    import pyarrow.parquet as pq

    local, merged = tmp_path / "local.parquet", tmp_path / "merged.parquet"
    assert cleaners.cli.main(["clean", str(corpus), "-o", str(local), "-q"]) == 0
    scheduler_file = tmp_path / "scheduler.json"  # as `dask scheduler --scheduler-file` writes
    scheduler_file.write_text(json.dumps({"address": client.scheduler.address}), "utf-8")
    argv = ["clean", str(corpus), "-o", str(merged), "--merge", "-q", "--shard-size", "24K"]
    assert cleaners.cli.main([*argv, "--scheduler", str(scheduler_file)]) == 0
    assert pq.read_table(merged).equals(pq.read_table(local))


def _slow_on(item: Item, options: BatchOptions, *, source: str, attempts: str) -> Outcome:
    """`process_item`, except that the first attempt at ``source`` notes its process id and
    then waits to be killed."""
    if item.source == source:
        with open(attempts, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
        if len(Path(attempts).read_text("utf-8").split()) == 1:
            time.sleep(60)
    return process_item(item, options)


@pytest.mark.slow
def test_a_worker_killed_mid_shard_loses_and_duplicates_nothing(
    client: Client, corpus: Path, local_output: tuple[bytes, bytes], tmp_path: Path
) -> None:
    plan = plan_shards(_inputs(corpus), SHARD_BYTES)
    ranges = [s for s in plan.shards if s.pieces[0].source.endswith("c_pages.jsonl")]
    shard = ranges[1]  # a range shard in the middle of the JSONL file: a few lines into it
    target = f"{shard.pieces[0].source}:{shard.pieces[0].lines_before + 2}"
    attempts = tmp_path / "attempts"
    killed: list[int] = []

    def kill_when_it_waits() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            pids = attempts.read_text("utf-8").split() if attempts.exists() else []
            if pids:
                time.sleep(0.2)  # into the sleep, its part file half written
                os.kill(int(pids[0]), signal.SIGKILL)
                killed.append(int(pids[0]))
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_when_it_waits, daemon=True)
    killer.start()
    parts = tmp_path / "parts"
    process = partial(_slow_on, source=target, attempts=str(attempts))
    cluster = ClusterConfig("unused", shard_bytes=SHARD_BYTES)
    code = run_distributed(
        _config(corpus, parts, None), ReaderOptions(), cluster, client=client, process=process
    )
    killer.join(timeout=5)
    assert code == 0

    pids = [int(pid) for pid in attempts.read_text("utf-8").split()]
    assert killed == pids[:1] and len(pids) == 2 and pids[0] != pids[1]  # run again elsewhere
    with pytest.raises(ProcessLookupError):
        os.kill(pids[0], 0)  # the first worker is dead
    local_out, _ = local_output
    lines = [line for part in _parts(parts) for line in part.read_bytes().splitlines()]
    assert sorted(lines) == sorted(local_out.splitlines())  # every record exactly once
    assert b"".join(part.read_bytes() for part in _parts(parts)) == local_out
    assert _temp_files(parts) == []  # the dead attempt's half-written file is cleared away


def _fail_on(item: Item, options: BatchOptions, *, source: str) -> Outcome:
    if item.source == source:
        raise OSError(28, "No space left on device")
    return process_item(item, options)


@pytest.mark.slow
def test_a_shard_that_keeps_failing_fails_the_run(
    client: Client, corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = plan_shards(_inputs(corpus), SHARD_BYTES)
    shard = next(s for s in plan.shards if s.pieces[0].is_range)
    target = f"{shard.pieces[0].source}:{shard.pieces[0].lines_before + 1}"
    parts = tmp_path / "parts"
    cluster = ClusterConfig("unused", shard_bytes=SHARD_BYTES)
    process = partial(_fail_on, source=target)
    config = _config(corpus, parts, None)
    assert run_distributed(config, ReaderOptions(), cluster, client=client, process=process) == 1
    err = capsys.readouterr().err
    assert f"shard {shard.name} could not be cleaned: OSError" in err
    assert "No space left on device" in err
    assert not (parts / "manifest.json").exists()
    assert not (parts / f"part-{shard.name}.jsonl").exists()
    # a task that raised removed its temporary file (other shards' tasks may still be running)
    assert not [p for p in _temp_files(parts) if p.name.startswith(f".part-{shard.name}.")]


@pytest.mark.slow
def test_cli_scheduler_local_end_to_end(
    corpus: Path,
    local_output: tuple[bytes, bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    parts = tmp_path / "parts"
    (parts).mkdir()
    (parts / "part-00999.jsonl").write_text("{}\n", "utf-8")  # an earlier run's: removed
    argv = ["clean", *_inputs(corpus), "-o", str(parts), "--no-progress"]
    code = cleaners.cli.main([*argv, "--scheduler", "local", "--workers", "2"])
    assert code == 0
    err = capsys.readouterr().err
    assert "started a local Dask cluster of 2 workers" in err
    assert "errors: 3 (invalid_json 1, missing_field 1, not_found 1)" in err
    assert f"{corpus / 'missing.txt'}: not_found" in err
    manifest = json.loads((parts / "manifest.json").read_text("utf-8"))
    assert manifest["scheduler"] == "local" and manifest["workers"] == 2
    assert [p.name for p in _parts(parts)] == [p["part"] for p in manifest["parts"]]
    assert b"".join(part.read_bytes() for part in _parts(parts)) == local_output[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "out", "--dedup"], "--dedup"),
        (["-o", "out.jsonl"], "without --merge, -o names a directory"),
        (["--merge"], "--scheduler needs -o"),
        (["-o", "out", "--resume"], "--resume is for local runs"),
        (["-o", "out", "--workers", "2"], "--workers is for --scheduler local"),
    ],
)
def test_what_a_cluster_run_cannot_do_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Some text", "utf-8")
    code = cleaners.cli.main(["clean", str(page), "--scheduler", "tcp://127.0.0.1:1", *argv])
    assert code == 2
    assert message in capsys.readouterr().err


@pytest.mark.slow
def test_cluster_flags_need_a_scheduler(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Some text", "utf-8")
    assert cleaners.cli.main(["clean", str(page), "--merge"]) == 2
    assert "go with --scheduler" in capsys.readouterr().err
