"""Hostile input and hard stops (issue 13): nothing lost, nothing hangs.

Each test reproduces one cause of the red-team pass: a page or a signal that used to stop a
run, lose records or hang. No timed assertions: counts, exact records and error kinds.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
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
    assert record["title"] == TITLE  # the visible headline is preferred to JSON-LD's
    assert record["authors"] == ["Salma Ben\ufffd"]  # the lone surrogate replaced
    out.read_bytes().decode("utf-8")  # strict: the file is valid UTF-8


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
    assert record["title"] == TITLE  # the visible headline is preferred to JSON-LD's
    assert record["authors"] == ["Salma Ben\ufffd"]  # the lone surrogate replaced
    (tmp_path / "feed.jsonl").read_bytes().decode("utf-8")  # strict: valid UTF-8


# -- 2. SIGKILL of a JOBDIR crawl ---------------------------------------------------------


class _Crawl:
    """``scrapy crawl news`` in the background, in its own process group (so the test can
    kill it with its cleaning workers, and never leaves a process behind)."""

    def __init__(
        self, tmp: Path, name: str, origin_map: dict[str, str], site: str, **settings: str
    ):
        from tests.sitegen.crawl import LOCAL_SETTINGS
        from tests.sitegen.site import ROOT

        self.stats_path = tmp / f"{name}-stats.json"
        self.log_path = tmp / f"{name}.log"
        merged = {
            **LOCAL_SETTINGS,
            "NEWSCRAWL_ORIGIN_MAP": json.dumps(origin_map),
            "STATS_PATH": str(self.stats_path),
            **settings,
        }
        cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"site={site}"]
        cmd += ["-o", str(tmp / "out.jsonl")]  # append: a resumed crawl adds to the file
        for key, value in merged.items():
            cmd += ["-s", f"{key}={value}"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
            start_new_session=True,
        )

    def wait(self, timeout: float = 240) -> int:
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self._log.close()

    def kill_group(self) -> None:
        """SIGKILL to the crawl and everything it started."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=60)
        self._log.close()

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stats(self) -> dict:
        return json.loads(self.stats_path.read_text(encoding="utf-8"))


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _wait_for(check: Callable[[], bool], what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.mark.slow
def test_a_jobdir_crawl_killed_with_sigkill_resumes_with_every_record_once(tmp_path: Path) -> None:
    from tests.sitegen import FixtureSites
    from tests.sitegen.site import site_names
    from tests.test_crawl_site import _expected_urls, _groups, _own_pages

    names = site_names()  # every fixture site (fixtures/site/<seed>/)
    settings = {"JOBDIR": str(tmp_path / "job"), "CONCURRENT_REQUESTS": "2"}
    with FixtureSites(names) as sites:
        own = {(n, p.path) for n, p in _own_pages(sites, names)}

        def article_hits() -> int:
            return sum(1 for h in sites.requests.hits() if (h.site, h.path) in own)

        # Slowed down, so that it is killed half-way (and not after the last page).
        slow = {**settings, "DOWNLOAD_DELAY": "0.3"}
        first = _Crawl(tmp_path, "first", sites.origin_map, ",".join(names), **slow)
        try:
            # Killed once records have reached the feed file (its buffer was written out).
            _wait_for(lambda: _lines(tmp_path / "out.jsonl") >= 2, "records in the feed file")
        finally:
            first.kill_group()
        assert first.proc.returncode == -signal.SIGKILL
        assert article_hits() < len(own), "the crawl ended before it was killed"
        second = _Crawl(tmp_path, "second", sites.origin_map, ",".join(names), **settings)
        try:
            assert second.wait() == 0, second.log[-3000:]
        finally:
            second.kill_group()
        expected = _expected_urls(sites, names)
        groups = _groups(sites, names)
        own_urls = {sites.url(n, p.path) for n, p in _own_pages(sites, names)}
    assert second.stats()["finish_reason"] == "finished", second.log[-3000:]
    assert "Traceback" not in second.log, second.log[-3000:]
    sources = [r["source"] for r in read_jsonl(tmp_path / "out.jsonl")]
    assert len(sources) == len(set(sources)), "a record was written twice"
    got = {u for u in sources if u in own_urls}
    assert got - set().union(*groups.values()) == expected  # none lost
    for members in groups.values():
        assert len(got & members) == 1


@pytest.mark.slow
def test_a_second_crawl_on_a_running_crawls_jobdir_is_refused(tmp_path: Path) -> None:
    import socket

    from tests.sitegen.site import ROOT

    jobdir = tmp_path / "job"
    jobdir.mkdir()
    running = subprocess.Popen(["sleep", "120"])  # stands for the crawl that holds the folder
    try:
        run = {"pid": running.pid, "host": socket.gethostname(), "feeds": []}
        (jobdir / "newscrawl-run.json").write_text(json.dumps(run), encoding="utf-8")
        cmd = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "site=ahram"]
        cmd += ["-s", f"JOBDIR={jobdir}", "-o", str(tmp_path / "out.jsonl")]
        proc = subprocess.run(
            cmd, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
        )
    finally:
        running.kill()
        running.wait()
    assert proc.returncode != 0
    assert f"JOBDIR {jobdir} is in use by a running crawl (process {running.pid}" in proc.stderr
    assert not (tmp_path / "out.jsonl").exists() or not (tmp_path / "out.jsonl").read_text()


# -- 3. content encodings in WARC archives -------------------------------------------------


def _article_html(i: int) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f"<html><head><title>Story {i}</title></head><body><article>"
        f"<h1>Story number {i} about the olive harvest</h1>{body}</article></body></html>"
    ).encode()


def _warc_with_encodings(path: Path, encodings: list[str]) -> None:
    """One HTML response per entry, its body stored content-encoded as a crawler archives it;
    ``bad-br`` is a body labelled br that is not."""
    import gzip as gzip_module
    import io
    import zlib

    import brotli
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    encode = {
        "": lambda b: b,
        "br": brotli.compress,
        "gzip": gzip_module.compress,
        "deflate": zlib.compress,
        "bad-br": lambda b: b"this is not brotli data" * 20,
        "compress": lambda b: b"\x1f\x9d" + b,
    }
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.name.endswith(".gz"))
        for i, encoding in enumerate(encodings):
            body = encode[encoding](_article_html(i))
            headers = [("Content-Type", "text/html; charset=utf-8")]
            if encoding:
                headers.append(("Content-Encoding", encoding.removeprefix("bad-")))
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://example.com/{i}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http,
            )
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_records_in_every_content_encoding_are_read(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from cleaners.readers import read_inputs

    path = tmp_path / name
    _warc_with_encodings(path, ["", "br", "gzip", "bad-br", "deflate", "compress", ""])
    items = list(read_inputs([str(path)]))
    kinds = [getattr(item, "kind", "page") for item in items]
    assert kinds == ["page", "page", "page", "undecodable", "page", "undecodable", "page"]
    pages = [item for item in items if not hasattr(item, "kind")]
    assert [p.url for p in pages] == [f"https://example.com/{i}" for i in (0, 1, 2, 4, 6)]
    assert all(p.html == _article_html(int(p.url[-1])) for p in pages)
    assert "br: damaged compressed data" in items[3].message
    assert "unknown content encoding 'compress'" in items[5].message


@pytest.mark.slow
def test_a_brotli_bomb_is_bounded_by_max_bytes(tmp_path: Path) -> None:
    import brotli

    from cleaners.readers.encoding import decode_body

    bomb = brotli.compress(b"<p>" + b"a" * (64 << 20))  # 64 MiB in a few hundred bytes
    assert len(bomb) < 10_000
    assert len(decode_body(bomb, "br", 1 << 20)) == (1 << 20) + 1


# -- 4. outputs that would destroy an input or each other ---------------------------------


def _dump(directory: Path, name: str = "page.txt") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    path.write_text(page(TITLE, *BODY), encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["same", "link", "glob", "walk", "rejects"])
def test_an_output_that_is_an_input_is_refused(
    tmp_path: Path, how: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _dump(tmp_path / "in", "pages.jsonl")
    source.write_text(json.dumps({"text": page(TITLE, *BODY)}) + "\n", encoding="utf-8")
    before = source.read_bytes()
    inputs, out = [str(source)], str(source)
    if how == "link":
        (tmp_path / "link.jsonl").symlink_to(source)
        out = str(tmp_path / "link.jsonl")
    elif how == "glob":
        inputs = [str(tmp_path / "in" / "*.jsonl")]
    elif how == "walk":
        inputs = [str(tmp_path / "in")]
    argv = ["clean", *inputs, "-q", "-j", "1"]
    argv += (
        ["-o", str(tmp_path / "out.jsonl"), "--rejects", out] if how == "rejects" else ["-o", out]
    )
    assert cleaners.cli.main(argv) == 2
    err = capsys.readouterr().err
    option = "--rejects" if how == "rejects" else "-o"
    assert f"newsclean: error: {option} {out} is also an input" in err
    assert "the run would overwrite it" in err
    assert source.read_bytes() == before


def test_output_and_rejects_in_one_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _dump(tmp_path / "in")
    out = str(tmp_path / "out.jsonl")
    assert cleaners.cli.main(["clean", str(source), "-o", out, "--rejects", out]) == 2
    assert "-o and --rejects name the same file" in capsys.readouterr().err
    assert not Path(out).exists()


@pytest.mark.slow
def test_a_second_run_writing_the_same_output_fails_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _dump(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    # The first run reads JSONL from a pipe that stays open: it holds the output meanwhile.
    first = subprocess.Popen(
        [sys.executable, "-m", "cleaners", "clean", "-", "-o", str(out), "-q", "-j", "1"],
        stdin=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert first.stdin is not None
        first.stdin.write((json.dumps({"text": page(TITLE, *BODY)}) + "\n").encode())
        first.stdin.flush()
        _wait_for(lambda: Path(str(out) + ".partial").exists(), "the first run to start")
        code = cleaners.cli.main(["clean", str(source), "-o", str(out), "-q"])
        err = capsys.readouterr().err
        first.stdin.close()
        assert first.wait(timeout=120) == 0
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert code == 2
    assert f"newsclean: error: {out} is being written by another newsclean run (process " in err
    [record] = read_jsonl(out)  # the first run's output, whole
    assert record["source"] == "<stdin>:1"
    assert not Path(str(out) + ".lock").exists()


# -- 5. pages of megabytes: the article is not cut away -----------------------------------


def _big_page(head_extra: str, body_extra: str = "") -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f"<!doctype html><html><head><title>{TITLE}</title>{head_extra}</head><body>"
        f"<article><h1>{TITLE}</h1>{paragraphs}</article>{body_extra}</body></html>"
    ).encode()


BLOB = '{"items": [' + ",".join(['{"id": 1, "name": "x"}'] * 160_000) + "]}"  # 3.7 MB


@pytest.mark.parametrize(
    "head",
    [
        f"<script>window.__STATE__ = {BLOB};</script>",
        "<style>" + ".a{color:red}" * 280_000 + "</style>",
        f'<script type="application/ld+json">{BLOB}</script>',
        "<!-- " + "x" * 3_500_000 + " -->",
        '<meta name="x" content="' + "y" * 3_500_000 + '">',
    ],
    ids=["state-blob", "inline-css", "json-ld", "comment", "meta"],
)
def test_a_head_of_megabytes_does_not_lose_the_article(head: str) -> None:
    from cleaners import clean_html

    html = _big_page(head)
    assert len(html) > 3_500_000
    article = clean_html(html, "https://example.com/big")
    assert article.status == "ok", article.reject_reason
    assert article.text == "\n\n".join(BODY)


@pytest.mark.slow
def test_a_body_of_megabytes_keeps_its_beginning() -> None:
    from cleaners import clean_html

    comments = "".join(
        f"<div class='comment'><p>Comment {i}: I agree.</p></div>" for i in range(80_000)
    )
    html = _big_page("<script>" + "x" * 1_000_000 + "</script>", comments)
    assert len(html) > 4_000_000
    article = clean_html(html, "https://example.com/big")
    assert article.status == "ok", article.reject_reason
    assert article.text.startswith("\n\n".join(BODY))


# -- 6. --resume after the inputs changed --------------------------------------------------


@pytest.mark.parametrize("change", ["added", "removed", "grown", "replaced"])
def test_resume_refuses_a_changed_input_set(
    tmp_path: Path, change: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import cleaners.batch
    import cleaners.run

    corpus = tmp_path / "in"
    for name in ("a.txt", "b.txt", "c.txt"):
        _dump(corpus, name)
    real = cleaners.batch.clean_document

    def dies_on_b(document):  # type: ignore[no-untyped-def]
        if document.source.endswith("b.txt"):
            raise KeyboardInterrupt
        return real(document)

    monkeypatch.setattr(cleaners.run, "CHECKPOINT_EVERY", 0.0)
    monkeypatch.setattr(cleaners.batch, "clean_document", dies_on_b)
    out = tmp_path / "out.jsonl"
    argv = ["clean", str(corpus), "-o", str(out), "-j", "1", "-q"]
    assert cleaners.cli.main(argv) == 130
    monkeypatch.setattr(cleaners.batch, "clean_document", real)
    if change == "added":
        _dump(corpus, "0.txt")  # sorts first: every later document would shift by one
    elif change == "removed":
        (corpus / "a.txt").unlink()
    elif change == "grown":
        with (corpus / "c.txt").open("a", encoding="utf-8") as handle:
            handle.write("One more line for the story.\n")
    else:
        stat = (corpus / "a.txt").stat()
        (corpus / "a.txt").write_text(page(TITLE, *reversed(BODY)), encoding="utf-8")
        os.utime(corpus / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    capsys.readouterr()
    assert cleaners.cli.main([*argv, "--resume"]) == 2
    err = capsys.readouterr().err
    assert "the input files changed since the interrupted run" in err
    assert not out.exists()


# -- 7. decoding: bad bytes cost only themselves --------------------------------------------

ACCENTED = (
    "Les oléiculteurs de Sfax récoltent des olives plus petites cette année, après un été "
    "brûlant qui a desséché les arbres pendant la floraison, disent-ils à la coopérative.",
    "Le ministère prévoit une récolte réduite d'un tiers ; les prix de l'huile grimpent déjà "
    "sur les marchés de Kairouan, où les acheteurs étrangers se font plus rares qu'avant.",
    "Les exportateurs craignent de ne pas honorer les contrats signés avec des négociants "
    "espagnols et italiens, faute de volumes suffisants à livrer d'ici décembre prochain.",
)
ACCENTED_TITLE = "Récolte d'olives : les oléiculteurs tunisiens comptent leurs pertes"


def _accented_page(charset: str | None = None, extra_head: str = "") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    paragraphs = "".join(f"<p>{p}</p>" for p in ACCENTED)
    return (
        f"<!doctype html><html><head>{meta}<title>{ACCENTED_TITLE}</title>{extra_head}</head>"
        f"<body><article><h1>{ACCENTED_TITLE}</h1>{paragraphs}</article></body></html>"
    )


def _clean(data: bytes):  # type: ignore[no-untyped-def]
    from cleaners import clean_html

    return clean_html(data, "https://example.com/olives")


def test_a_utf8_page_cut_mid_character_is_read() -> None:
    data = _accented_page().encode() + "<p>é".encode()[:-1]  # the last character cut
    article = _clean(data)
    assert article.status == "ok", article.reject_reason
    assert article.text == "\n\n".join(ACCENTED)


def test_bad_bytes_in_a_utf8_page_are_replaced_one_by_one() -> None:
    data = bytearray(_accented_page("utf-8").encode())
    second = data.index(ACCENTED[1][:20].encode())
    for i in range(22):  # 22 bytes of the second paragraph's words damaged
        data[second + 30 + i * 4] = 0xFF
    article = _clean(bytes(data))
    assert article.status == "ok"
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0] == ACCENTED[0] and paragraphs[2] == ACCENTED[2]  # no mojibake
    end = second + len(ACCENTED[1].encode())
    assert paragraphs[1] == bytes(data[second:end]).decode("utf-8", "replace")  # only there
    assert article.title == ACCENTED_TITLE


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("bom", [True, False], ids=["bom", "no-bom"])
def test_utf16_and_utf32_text_dumps_are_read(tmp_path: Path, encoding: str, bom: bool) -> None:
    from cleaners.readers import read_inputs

    text = page(ACCENTED_TITLE, *ACCENTED)
    data = ("\ufeff" + text if bom else text).encode(encoding)
    (tmp_path / "dump.txt").write_bytes(data)
    [document] = list(read_inputs([str(tmp_path / "dump.txt")]))
    assert getattr(document, "text", None) == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_html_with_a_bom_is_read(encoding: str) -> None:
    article = _clean(_accented_page().encode(encoding))  # Python writes the BOM
    assert article.text == "\n\n".join(ACCENTED)


def test_one_nul_byte_does_not_refuse_an_html_file(tmp_path: Path) -> None:
    from cleaners.readers import read_inputs

    html = _accented_page("utf-8").replace("<body>", "<body>\x00").encode()
    (tmp_path / "page.html").write_bytes(html)
    [document] = list(read_inputs([str(tmp_path / "page.html")]))
    assert not hasattr(document, "kind"), document
    article = _clean(html)
    assert article.status == "ok"
    assert article.text == "\n\n".join(ACCENTED)


@pytest.mark.parametrize("label", ["rot13", "hex", "zlib", "uu", "base64", "bz2", "quopri"])
def test_a_charset_label_that_is_no_text_encoding_is_ignored(label: str) -> None:
    from cleaners import clean_html

    for data, http in ((_accented_page(label).encode(), None), (_accented_page().encode(), label)):
        article = clean_html(data, "https://example.com/olives", http_charset=http)
        assert article.status == "ok"
        assert article.text == "\n\n".join(ACCENTED)


def test_cesu8_sequences_are_joined_into_their_characters() -> None:
    def cesu8(text: str) -> bytes:
        # each UTF-16 surrogate encoded as a 3-byte sequence of its own
        units = text.encode("utf-16-be")
        chars = [chr(int.from_bytes(units[i : i + 2], "big")) for i in range(0, len(units), 2)]
        return "".join(chars).encode("utf-8", "surrogatepass")

    emoji = " 🫒🌍" * 40
    paragraphs = [ACCENTED[0] + emoji, *ACCENTED[1:]]
    html = _accented_page().replace(ACCENTED[0], paragraphs[0])
    article = _clean(cesu8(html))
    assert article.status == "ok", article.reject_reason
    assert article.text == "\n\n".join(paragraphs)


# -- 8. depth, recursion, damaged WARC records -------------------------------------------------


@pytest.mark.parametrize("depth", [300, 3_000, 50_000])
def test_an_article_nested_thousands_deep_is_kept(depth: int) -> None:
    from cleaners import clean_html

    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    html = (
        f"<html><head><title>{TITLE}</title></head><body>"
        + '<div class="wrap">' * depth
        + f"<h1>{TITLE}</h1>{paragraphs}"
        + "</div>" * depth
        + "</body></html>"
    )
    article = clean_html(html.encode(), "https://example.com/deep")
    assert article.status == "ok", article.reject_reason
    assert article.title == TITLE
    assert article.text == "\n\n".join(BODY)


def test_json_ld_nested_50000_deep_does_not_lose_the_page() -> None:
    from cleaners import clean_html

    deep = '{"a": ' * 50_000 + "1" + "}" * 50_000
    html = _big_page(f'<script type="application/ld+json">{deep}</script>')
    article = clean_html(html, "https://example.com/deep-ld")
    assert article.status == "ok"
    assert article.text == "\n\n".join(BODY)


def test_a_warc_record_with_a_short_content_length_is_an_error(tmp_path: Path) -> None:
    import re

    from cleaners.readers import read_inputs

    path = tmp_path / "crawl.warc"
    _warc_with_encodings(path, ["", "", ""])
    data = path.read_bytes()
    first = next(re.finditer(rb"Content-Length: (\d+)\r\n", data))
    shorter = str(int(first.group(1)) - 100).encode()
    path.write_bytes(data[: first.start(1)] + shorter + data[first.end(1) :])
    items = list(read_inputs([str(path)]))
    assert [(getattr(i, "kind", None), getattr(i, "url", None)) for i in items] == [
        ("truncated_record", None),
        (None, "https://example.com/1"),
        (None, "https://example.com/2"),
    ]
    assert items[0].source == f"{path}@0"


@pytest.mark.parametrize("damage", ["cut", "corrupt"])
def test_a_damaged_gzip_payload_is_an_error_not_a_cut_page(tmp_path: Path, damage: str) -> None:
    import gzip as gzip_module
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from cleaners.readers import read_inputs

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for i in range(3):
            body = gzip_module.compress(_article_html(i))
            if i == 1:
                half = len(body) // 2
                body = body[:half] if damage == "cut" else body[:half] + b"\xff" * 64
            headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://example.com/{i}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=http,
            )
            writer.write_record(record)
    items = list(read_inputs([str(path)]))
    assert [getattr(i, "kind", "page") for i in items] == ["page", "undecodable", "page"]
    assert items[1].message.startswith("payload cannot be decoded (gzip: ")


# -- 14. no orphan workers ------------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.add(int(entry.name))
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie (a dead orphan may wait for a reaper that never comes)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _assert_workers_end_with(parent: subprocess.Popen, workers: set[int]) -> None:
    try:
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=60)
        _wait_for(lambda: not any(_running(w) for w in workers), "the workers to exit", 30)
    finally:
        for worker in workers:
            if _running(worker):
                os.kill(worker, signal.SIGKILL)


@pytest.mark.slow
def test_cleaning_workers_exit_when_the_run_is_killed(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "cleaners", "clean", "-", "-j", "2", "-q"]
    cmd += ["-o", str(tmp_path / "out.jsonl")]
    run = subprocess.Popen(cmd, stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        assert run.stdin is not None
        run.stdin.write((json.dumps({"text": page(TITLE, *BODY)}) + "\n").encode() * 40)
        run.stdin.flush()  # the pool starts on the first chunk; stdin stays open

        def started() -> bool:
            workers.update(_children(run.pid))
            return len(workers) >= 2

        _wait_for(started, "the worker processes to start")
    except BaseException:
        run.kill()
        run.wait()
        raise
    _assert_workers_end_with(run, workers)
    run.stdin.close()


@pytest.mark.slow
def test_crawl_cleaning_workers_exit_when_the_crawl_is_killed(tmp_path: Path) -> None:
    from tests.sitegen import FixtureSites

    with FixtureSites(["ahram"]) as sites:
        crawl = _Crawl(
            tmp_path, "crawl", sites.origin_map, "ahram", CLEAN_WORKERS="2", DOWNLOAD_DELAY="1"
        )
        workers: set[int] = set()

        def started() -> bool:
            workers.update(_children(crawl.proc.pid))
            return len(workers) >= 2

        try:
            _wait_for(started, "the cleaning processes to start")
        except BaseException:
            crawl.kill_group()
            raise
        _assert_workers_end_with(crawl.proc, workers)
        crawl.kill_group()  # nothing left: no-op


# -- 13. error amplification ------------------------------------------------------------------


def test_a_file_of_bad_lines_prints_a_few_errors_and_a_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import gzip as gzip_module

    from cleaners.run import MAX_ERRORS_SHOWN

    bad = tmp_path / "ones.jsonl.gz"
    bad.write_bytes(gzip_module.compress(b"1\n" * 5000))
    good = _dump(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert cleaners.cli.main(["clean", str(bad), str(good), "-o", str(out), "-j", "1"]) == 0
    err = capsys.readouterr().err.splitlines()
    errors = [line for line in err if line.startswith("newsclean: error: ")]
    assert len(errors) == MAX_ERRORS_SHOWN
    assert errors[0] == f"newsclean: error: {bad}:1: invalid_json: a JSON int, not an object"
    assert f"newsclean: {bad}: {5000 - MAX_ERRORS_SHOWN} more errors not shown" in err
    assert "errors: 5000 (invalid_json 5000)" in err
    assert len(read_jsonl(out)) == 1


# -- 12. symbolic link loops, and 18: an unreadable directory --------------------------------


def test_a_link_to_itself_in_an_input_directory_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "in"
    _dump(corpus, "a.txt")
    (corpus / "self.txt").symlink_to("self.txt")
    out = tmp_path / "out.jsonl"
    assert cleaners.cli.main(["clean", str(corpus), "-o", str(out), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert f"newsclean: error: {corpus / 'self.txt'}: symlink_loop: not read" in err
    assert [r["source"] for r in read_jsonl(out)] == [str(corpus / "a.txt")]


def test_a_recursive_glob_through_a_directory_loop_reads_each_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "in"
    _dump(corpus / "d", "a.txt")
    (corpus / "d" / "loop").symlink_to("..")  # in/d/loop -> in
    (corpus / "d" / "self.txt").symlink_to("self.txt")
    out = tmp_path / "out.jsonl"
    pattern = str(corpus / "**" / "*.txt")
    assert cleaners.cli.main(["clean", pattern, "-o", str(out), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert [r["source"] for r in read_jsonl(out)] == [str(corpus / "d" / "a.txt")]
    errors = [line for line in err.splitlines() if line.startswith("newsclean: error:")]
    assert errors == [
        f"newsclean: error: {corpus / 'd' / 'loop'}: symlink_loop: "
        "a link back to a directory above it: not followed",
        f"newsclean: error: {corpus / 'd' / 'self.txt'}: symlink_loop: "
        "a symbolic link in a loop: not read",
    ]


def test_an_unreadable_directory_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "in"
    _dump(corpus, "a.txt")
    _dump(corpus / "locked", "b.txt")
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":  # as chmod 000 does for anyone but root
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.jsonl"
    for inputs in ([str(corpus)], [str(corpus / "locked")]):
        code = cleaners.cli.main(["clean", *inputs, "-o", str(out), "-j", "1"])
        err = capsys.readouterr().err
        assert (
            f"newsclean: error: {corpus / 'locked'}: io_error: cannot list this directory: "
            "Permission denied" in err
        )
        assert code == (0 if len(inputs[0]) == len(str(corpus)) else 1)


# -- 18. smaller ones: unknown --lang code, a closed pipe -------------------------------------


def test_an_unknown_language_code_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _dump(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert cleaners.cli.main(["clean", str(source), "-o", str(out), "--lang", "en,xx"]) == 2
    err = capsys.readouterr().err
    assert "newsclean: error: --lang: unknown language code 'xx' (every record would" in err
    assert not out.exists()
    assert cleaners.cli.main(["clean", str(source), "-o", str(out), "--lang", "EN, ar"]) == 0


@pytest.mark.slow
def test_a_closed_output_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    source = tmp_path / "pages.jsonl"
    line = json.dumps({"text": page(TITLE, *BODY)}) + "\n"
    source.write_text(line * 300, encoding="utf-8")  # far more than a pipe buffer holds
    run = subprocess.Popen(
        [sys.executable, "-m", "cleaners", "clean", str(source), "-j", "1", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert run.stdout is not None and run.stderr is not None
    first = run.stdout.readline()  # as `| head -1` does, then goes away
    run.stdout.close()
    err = run.stderr.read().decode()
    run.stderr.close()
    assert run.wait(timeout=120) == 128 + signal.SIGPIPE
    assert json.loads(first)["status"] == "ok"
    assert "Traceback" not in err and "BrokenPipeError" not in err, err


# -- 16. robots.txt that cannot be fetched --------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("failure", ["503", "timeout"])
def test_an_unreachable_robots_txt_disallows_the_site(tmp_path: Path, failure: str) -> None:
    from tests.sitegen import FixtureSites
    from tests.sitegen.crawl import run_crawl
    from tests.sitegen.site import Route

    with FixtureSites(["ahram"]) as sites:
        server = sites._servers[0]
        if failure == "503":
            server.routes["/robots.txt"] = Route(503, "text/plain", b"busy")
        else:
            server.routes["/robots.txt"] = Route(content_type="text/plain", serve="slow")
        result = run_crawl(tmp_path, sites.origin_map, site="ahram")
        paths = [h.path for h in sites.requests.hits()]
    assert result.returncode == 0, result.log[-3000:]
    assert set(paths) == {"/robots.txt"}, paths  # nothing else was fetched
    assert result.records == []
    assert result.stat("newscrawl/robots_unreachable") >= 1
    assert result.stat("robotstxt/forbidden") >= 1
    assert "is unreachable" in result.log


# -- 15. no code from the shared queue ------------------------------------------------------


class _Evil:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.write_text, (Path(os.environ["HOSTILE_MARK"]), "ran"))


class _QueueStub:
    """The scheduler's view of the shared queue: leases handed out in order, acks kept."""

    def __init__(self, payloads: list[bytes]) -> None:
        from newscrawl.cluster.store import Lease

        self.leases = [Lease(str(i), payload) for i, payload in enumerate(payloads)]
        self.acked: list[str] = []
        self.pushed: list[bytes] = []

    def lease(self, owner: str):  # type: ignore[no-untyped-def]
        return self.leases.pop(0) if self.leases else None

    def ack(self, lease_id: str) -> None:
        self.acked.append(lease_id)

    def push(self, key: str | None, priority: int, payload: bytes) -> bool:
        self.pushed.append(payload)
        return True


def _scheduler(store: _QueueStub):  # type: ignore[no-untyped-def]
    from scrapy import Spider
    from scrapy.utils.test import get_crawler

    from newscrawl.cluster.scheduler import RedisScheduler

    crawler = get_crawler(Spider, {"REDIS_URL": "redis://unused"})
    scheduler = RedisScheduler(crawler, store)  # type: ignore[arg-type]
    crawler.stats.open_spider()  # type: ignore[union-attr]
    return scheduler, crawler


def test_a_pickle_in_the_shared_queue_is_never_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pickle

    from scrapy import Request

    mark = tmp_path / "ran"
    monkeypatch.setenv("HOSTILE_MARK", str(mark))
    store = _QueueStub([])
    scheduler, crawler = _scheduler(store)
    request = Request(
        "https://example.com/a",
        headers={"Accept": "text/html"},
        body=b"\x00\xff",
        meta={"newscrawl_site": "ex", "depth": 2, "redirect_urls": ["https://x/"]},
        priority=3,
    )
    scheduler.enqueue_request(request)
    [good] = store.pushed
    from newscrawl.cluster.store import Lease

    store.leases = [Lease("evil", pickle.dumps(_Evil())), Lease("good", good)]
    got = scheduler.next_request()
    assert not mark.exists(), "the payload ran"
    assert store.acked == ["evil"]  # dropped from the queue
    assert got is not None
    assert (got.url, got.body, got.priority) == (request.url, request.body, 3)
    assert got.headers.get("Accept") == b"text/html"
    assert {k: got.meta[k] for k in ("newscrawl_site", "depth", "redirect_urls")} == {
        "newscrawl_site": "ex",
        "depth": 2,
        "redirect_urls": ["https://x/"],
    }
    assert crawler.stats.get_value("newscrawl/redis/bad_payload") == 1  # type: ignore[union-attr]


# -- 11. endless sitemap indexes --------------------------------------------------------------


def _sitemap_index(*urls: str) -> bytes:
    entries = "".join(f"<sitemap><loc>{url}</loc></sitemap>" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    ).encode()


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["chain", "wide"])
def test_sitemap_indexes_are_followed_to_a_bound(tmp_path: Path, shape: str) -> None:
    from tests.sitegen import FixtureSites
    from tests.sitegen.crawl import run_crawl
    from tests.sitegen.site import Route

    base = "https://english.ahram.org.eg"
    with FixtureSites(["ahram"]) as sites:
        routes = sites._servers[0].routes
        if shape == "chain":  # each index names the next one, 60 deep
            routes["/sitemap.xml"] = Route(
                200, "application/xml", _sitemap_index(f"{base}/s/1.xml")
            )
            for i in range(1, 60):
                body = _sitemap_index(f"{base}/s/{i + 1}.xml")
                routes[f"/s/{i}.xml"] = Route(200, "application/xml", body)
        else:  # one index naming 60 further indexes
            children = [f"{base}/s/{i}.xml" for i in range(1, 61)]
            routes["/sitemap.xml"] = Route(200, "application/xml", _sitemap_index(*children))
            for i in range(1, 61):
                routes[f"/s/{i}.xml"] = Route(200, "application/xml", _sitemap_index())
        settings = {"SITEMAP_MAX_DEPTH": "3", "SITEMAP_MAX_PER_SITE": "10"}
        result = run_crawl(tmp_path, sites.origin_map, site="ahram", settings=settings)
        fetched = [h.path for h in sites.requests.hits() if h.path.startswith("/s/")]
    assert result.returncode == 0, result.log[-3000:]
    if shape == "chain":
        assert sorted(fetched) == ["/s/1.xml", "/s/2.xml", "/s/3.xml"]  # 3 indexes below the seed's
        assert result.stat("newscrawl/skipped/sitemap_depth") == 1
    else:
        assert len(fetched) == 10
        assert result.stat("newscrawl/skipped/sitemap_limit") == 50
    assert result.records, "the site's feed and listings are still crawled"


# -- 17. private addresses ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "refused"),
    [
        ("http://127.0.0.1:8080/a", True),
        ("http://localhost/a", True),  # resolved: loopback
        ("http://10.1.2.3/a", True),
        ("http://192.168.0.10/a", True),
        ("http://169.254.169.254/latest/meta-data/", True),  # cloud metadata
        ("http://[::1]/a", True),
        ("http://[::ffff:10.0.0.1]/a", True),
        ("http://[fe80::1]/a", True),
        ("http://93.184.215.14/a", False),
        ("http://mirror.example:8001/a", False),  # an origin map target: the user's choice
    ],
)
def test_requests_to_private_addresses_are_refused(url: str, refused: bool) -> None:
    import asyncio

    from scrapy import Request, Spider
    from scrapy.exceptions import IgnoreRequest
    from scrapy.utils.test import get_crawler

    from newscrawl.middlewares.addresses import PrivateAddressGuard

    origin_map = json.dumps({"www.example.com": "http://mirror.example:8001"})
    crawler = get_crawler(Spider, {"NEWSCRAWL_ORIGIN_MAP": origin_map})
    guard = PrivateAddressGuard.from_crawler(crawler)

    async def check() -> bool:
        try:
            await guard.process_request(Request(url))
        except IgnoreRequest:
            return True
        return False

    assert asyncio.run(check()) is refused


def test_the_guard_can_be_turned_off() -> None:
    from scrapy import Spider
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.test import get_crawler

    from newscrawl.middlewares.addresses import PrivateAddressGuard

    with pytest.raises(NotConfigured):
        PrivateAddressGuard.from_crawler(get_crawler(Spider, {"PRIVATE_ADDRESS_GUARD": False}))


# -- 9. a time budget per document ------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_document_over_its_time_budget_is_a_timeout_error(
    tmp_path: Path,
    jobs: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import cleaners.batch

    corpus = tmp_path / "in"
    for name in ("a.txt", "b.txt", "c.txt"):
        _dump(corpus, name)
    real = cleaners.batch.clean_document

    def hangs_on_b(document):  # type: ignore[no-untyped-def]
        while document.source.endswith("b.txt"):
            pass
        return real(document)

    monkeypatch.setattr(cleaners.batch, "clean_document", hangs_on_b)  # forked workers too
    out = tmp_path / "out.jsonl"
    argv = ["clean", str(corpus), "-o", str(out), "-j", jobs, "--time-budget", "0.5"]
    assert cleaners.cli.main(argv) == 0
    err = capsys.readouterr().err
    assert [r["source"] for r in read_jsonl(out)] == [str(corpus / "a.txt"), str(corpus / "c.txt")]
    assert f"{corpus / 'b.txt'}: timeout: cleaning took longer than 0.5 s (--time-budget)" in err
    assert "errors: 1 (timeout 1)" in err


@pytest.mark.slow
def test_a_crawled_page_over_its_time_budget_does_not_stop_the_crawl(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.sitegen import FixtureSites
    from tests.sitegen.crawl import run_crawl
    from tests.test_crawl_site import _own_pages

    with FixtureSites(["ahram"]) as sites:
        pages = [p for _, p in _own_pages(sites, ["ahram"]) if p.expect == "ok"]
        monkeypatch.setenv("HANG_URL_PART", pages[0].path)
        settings = {
            "NEWSCRAWL_CLEANER": "tests.stub_cleaners:hang_on_url",
            "CLEAN_TIME_BUDGET": "1",
            "CLEAN_WORKERS": "1",
        }
        result = run_crawl(tmp_path, sites.origin_map, site="ahram", settings=settings)
        hung = sites.url("ahram", pages[0].path)
    assert result.returncode == 0, result.log[-3000:]
    assert result.stat("finish_reason") == "finished"
    assert result.stat("newscrawl/clean_timeouts") == 1
    assert f"Cleaning {hung}: timeout: cleaning took longer than 1 s" in result.log
    sources = {r["source"] for r in result.records}
    assert hung not in sources
    assert len(sources) >= len(pages) - 1


# -- 10. rule packs carried by an archive are input -------------------------------------------


def _archive_with_rules(path: Path, rules: dict) -> None:
    from warcio.warcwriter import WARCWriter

    from newscrawl.middlewares.warc import WarcWriterMiddleware

    body = _article_html(0).replace(b"</h1>", b"</h1><p>" + b"a" * 40 + b"!</p>")
    meta = {"site": "olivenews", "role": "article", "cleaned": True, "rules": rules}
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        WarcWriterMiddleware._write(
            writer,
            "https://a.example/news/1",
            "2024-05-01T10:00:00Z",
            200,
            "HTTP/1.1",
            [("Content-Type", "text/html; charset=utf-8")],
            body,
            None,
            meta,
        )


def test_a_backtracking_pattern_in_an_archives_rule_pack_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crawl.warc"
    _archive_with_rules(path, {"drop_patterns": [{"reason": "ui_chrome", "pattern": "^(a+)+$"}]})
    out = tmp_path / "out.jsonl"
    argv = ["clean", str(path), "-o", str(out), "-j", "1", "--time-budget", "5"]
    assert cleaners.cli.main(argv) == 0
    err = capsys.readouterr().err
    assert "warc_error: rule pack refused: pattern '^(a+)+$' can backtrack without end" in err
    [record] = read_jsonl(out)
    assert record["status"] == "ok" and record["site"] == "olivenews"
    assert "timeout" not in err


def test_an_archives_rule_pack_is_used_when_sound_and_can_be_ignored(tmp_path: Path) -> None:
    from cleaners.readers import ReaderOptions, read_inputs

    path = tmp_path / "crawl.warc"
    rules = {"drop_patterns": [{"reason": "ui_chrome", "pattern": "^a+!$"}]}
    _archive_with_rules(path, rules)
    [page] = list(read_inputs([str(path)]))
    assert page.rules == rules
    [page] = list(read_inputs([str(path)], ReaderOptions(input_rules=False)))
    assert not page.rules
