"""The `newsclean` command line, in-process (`cleaners.cli.main`) and once as a subprocess."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

import cleaners.batch
import cleaners.cli
import cleaners.run
from cleaners.document import Document
from cleaners.record import Article
from tests.pages import BODY, TITLE, page

ROOT = Path(__file__).resolve().parent.parent

RECORD_KEYS = [
    "id",
    "url",
    "canonical_url",
    "source",
    "story_index",
    "status",
    "reject_reason",
    "site",
    "site_name",
    "title",
    "subtitle",
    "description",
    "authors",
    "published",
    "updated",
    "fetched_at",
    "language",
    "section",
    "tags",
    "image",
    "text",
    "removed",
    "duplicates",
]

OLIVE = page(
    "Home > Business > Agriculture",
    TITLE,
    "By Salma Ben Youssef",
    "Updated: 16 March 2023 08:05",
    "Workers sort olives at a press near Sfax on 2 November. AFP",
    *BODY,
    "3 comments",
)
DATES = page(
    "Algeria bans exports of dates after poor harvest",
    "Algeria has banned exports of dates until the end of the year after a poor harvest in "
    "the oases of Biskra and El Oued pushed up prices in local markets, the trade ministry said.",
    "Exporters said the decision would cost them contracts in Europe and the Gulf that had "
    "taken years to win.",
    "The ministry said the ban would be reviewed once stocks in cold stores had been counted.",
)
BOT_WALL = page(
    "Just a moment...",
    "Checking your browser before accessing olivenews.tn.",
    "Ray ID: 7f3a9c0e1d2b",
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory of inputs: two articles (one nested), a bot wall and a file not read."""
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a_olive.txt").write_text(OLIVE, encoding="utf-8")
    (root / "sub" / "dates.txt").write_text(DATES, encoding="utf-8")
    (root / "wall.txt").write_text(BOT_WALL, encoding="utf-8")
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    return root


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def temp_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_clean_directory_writes_ok_records_and_rejects(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    code = cleaners.cli.main(["clean", str(corpus), "-o", str(out), "--rejects", str(rejects)])
    assert code == 0

    records = read_jsonl(out)
    assert [r["source"] for r in records] == [
        str(corpus / "a_olive.txt"),
        str(corpus / "sub" / "dates.txt"),
    ]
    assert all(list(r) == RECORD_KEYS for r in records)
    assert {r["status"] for r in records} == {"ok"}
    olive = records[0]
    assert olive["title"] == TITLE
    assert olive["authors"] == ["Salma Ben Youssef"]
    assert olive["published"] == olive["updated"] == "2023-03-16T08:05:00"
    assert olive["language"] == "en"
    assert olive["text"] == "\n\n".join(BODY)
    assert [r["reason"] for r in olive["removed"]] == [
        "breadcrumb",
        "byline",
        "date_line",
        "caption",
        "comment_prompt",
    ]

    rejected = read_jsonl(rejects)
    assert len(rejected) == 1
    assert list(rejected[0]) == RECORD_KEYS
    assert rejected[0]["source"] == str(corpus / "wall.txt")
    assert (rejected[0]["status"], rejected[0]["reject_reason"]) == ("rejected", "bot_wall")
    assert (rejected[0]["text"], rejected[0]["removed"]) == ("", [])

    captured = capsys.readouterr()
    assert captured.out == ""
    assert "documents read: 3" in captured.err
    assert "ok: 2" in captured.err
    assert "rejected: 1 (bot_wall 1)" in captured.err
    assert "errors: 0 (none)" in captured.err
    assert "removed blocks: 5 (" in captured.err
    assert temp_files(tmp_path) == []


def test_records_go_to_stdout_without_output_file(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cleaners.cli.main(["clean", str(corpus / "a_olive.txt"), str(corpus / "wall.txt")])
    assert code == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert len(lines) == 1  # the bot wall is not written without --rejects
    record = json.loads(lines[0])
    assert list(record) == RECORD_KEYS
    assert record["source"] == str(corpus / "a_olive.txt")
    assert "rejected: 1 (bot_wall 1)" in captured.err


def test_quiet_prints_no_summary(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cleaners.cli.main(["clean", str(corpus / "a_olive.txt"), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_gzipped_text_dump_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "olive.txt.gz"
    path.write_bytes(gzip.compress(OLIVE.encode("utf-8")))
    assert cleaners.cli.main(["clean", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["source"], record["title"]) == (str(path), TITLE)


def _bad_inputs(directory: Path) -> dict[str, Path]:
    """One input of every unreadable kind, by the kind the reader reports."""
    binary = directory / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    truncated = directory / "cut.txt.gz"
    whole = gzip.compress(OLIVE.encode("utf-8"))
    truncated.write_bytes(whole[: len(whole) // 2])
    undecodable = directory / "noise.txt"
    rng = random.Random(0)
    undecodable.write_bytes(bytes(rng.randrange(1, 256) for _ in range(2000)))
    return {
        "not_found": directory / "missing.txt",
        "binary": binary,
        "corrupt_gzip": truncated,
        "undecodable": undecodable,
    }


def test_unreadable_inputs_are_reported_and_the_batch_goes_on(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _bad_inputs(tmp_path)
    good = corpus / "a_olive.txt"
    out = tmp_path / "out.jsonl"
    argv = ["clean", str(bad["not_found"]), str(bad["binary"]), str(good)]
    argv += [str(bad["corrupt_gzip"]), str(bad["undecodable"]), "-o", str(out)]
    assert cleaners.cli.main(argv) == 0

    assert [r["source"] for r in read_jsonl(out)] == [str(good)]
    err = capsys.readouterr().err
    for kind, path in bad.items():
        assert f"{path}: {kind}:" in err
    assert "documents read: 1" in err
    assert "errors: 4 (binary 1, corrupt_gzip 1, not_found 1, undecodable 1)" in err


def test_exit_status_is_1_when_nothing_could_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = _bad_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    assert cleaners.cli.main(["clean", *map(str, bad.values()), "-o", str(out)]) == 1
    assert "documents read: 0" in capsys.readouterr().err
    assert temp_files(tmp_path) == []


def test_unsupported_file_given_by_name_is_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert cleaners.cli.main(["clean", str(path)]) == 1
    assert f"{path}: unsupported:" in capsys.readouterr().err


def test_a_page_whose_cleaning_raises_is_counted_and_the_run_completes(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = cleaners.batch.clean_document

    def flaky(document: Document) -> Article:
        if document.source.endswith("a_olive.txt"):
            raise RuntimeError("rule exploded")
        return real(document)

    monkeypatch.setattr(cleaners.batch, "clean_document", flaky)
    out = tmp_path / "out.jsonl"
    assert cleaners.cli.main(["clean", str(corpus), "-o", str(out), "-j", "1"]) == 0

    assert [r["source"] for r in read_jsonl(out)] == [str(corpus / "sub" / "dates.txt")]
    err = capsys.readouterr().err
    assert f"{corpus / 'a_olive.txt'}: cleaning_failed: RuntimeError: rule exploded" in err
    assert "errors: 1 (cleaning_failed 1)" in err
    assert "documents read: 2" in err
    assert temp_files(tmp_path) == []


def test_output_is_atomic_when_the_run_dies_and_resume_completes_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run killed half-way leaves the previous output as it was; --resume finishes the job."""
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    real = cleaners.batch.clean_document

    def dies_on_second(document: Document) -> Article:
        if document.source.endswith("dates.txt"):
            raise KeyboardInterrupt  # not an Exception: the batch does not swallow it
        return real(document)

    monkeypatch.setattr(cleaners.run, "CHECKPOINT_EVERY", 0.0)
    monkeypatch.setattr(cleaners.batch, "clean_document", dies_on_second)
    argv = ["clean", str(corpus), "-o", str(out), "--rejects", str(rejects), "-j", "1"]
    assert cleaners.cli.main(argv) == 130

    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert not rejects.exists()
    assert temp_files(tmp_path) == []
    # what is kept to resume from: the partial outputs and the checkpoint
    assert (tmp_path / "out.jsonl.partial").exists()
    assert (tmp_path / "out.jsonl.checkpoint.json").exists()

    monkeypatch.setattr(cleaners.batch, "clean_document", real)
    assert cleaners.cli.main([*argv, "--resume"]) == 0
    resumed = out.read_bytes(), rejects.read_bytes()
    assert not (tmp_path / "out.jsonl.partial").exists()
    assert not (tmp_path / "out.jsonl.checkpoint.json").exists()
    assert cleaners.cli.main(argv) == 0  # an uninterrupted run gives the same bytes
    assert (out.read_bytes(), rejects.read_bytes()) == resumed


def test_explain_prints_every_block_with_its_verdict(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cleaners.cli.main(["explain", str(corpus / "a_olive.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    verdicts = [line.split()[1] for line in lines if line[:1] == " "]
    assert verdicts == ["REMOVED", "TITLE", "REMOVED", "REMOVED", "REMOVED"] + ["KEPT"] * 4 + [
        "REMOVED"
    ]
    text = "\n".join(lines)
    assert "TITLE    headline" in text and TITLE in text
    assert "REMOVED  breadcrumb [breadcrumb_trail]" in text
    assert "REMOVED  byline [byline]" in text
    assert "REMOVED  date_line [date_line]" in text
    assert "REMOVED  caption [caption_credit]" in text
    assert "REMOVED  comment_prompt [comment_widget]" in text
    assert lines[-1].startswith("status: ok; title: ")
    assert "authors: ['Salma Ben Youssef']" in lines[-1]


def test_explain_a_missing_file_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.txt"
    assert cleaners.cli.main(["explain", str(missing)]) == 1
    assert f"{missing}: not_found:" in capsys.readouterr().err


@pytest.mark.slow
def test_python_dash_m_cleaners_end_to_end(corpus: Path, tmp_path: Path) -> None:
    out, rejects = tmp_path / "out.jsonl", tmp_path / "rejects.jsonl"
    missing = tmp_path / "missing.txt"
    argv = [sys.executable, "-m", "cleaners", "clean", str(corpus), str(missing)]
    argv += ["-o", str(out), "--rejects", str(rejects)]
    result = subprocess.run(
        argv, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert [r["status"] for r in read_jsonl(out)] == ["ok", "ok"]
    assert [r["reject_reason"] for r in read_jsonl(rejects)] == ["bot_wall"]
    assert f"{missing}: not_found:" in result.stderr
    assert "documents read: 3" in result.stderr
    assert "errors: 1 (not_found 1)" in result.stderr


def test_utf8_page_with_one_stray_byte_keeps_its_accents(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = page(
        "Les oléiculteurs tunisiens comptent leurs pertes après la canicule",
        "Les agriculteurs du centre de la Tunisie estiment que la récolte d'olives de cette "
        "année pourrait être la plus faible depuis dix ans, selon le ministère.",
        "Les exportateurs ont averti que les contrats signés avec des acheteurs espagnols "
        "devront peut-être être renégociés.",
    )
    data = text.encode("utf-8")
    path = tmp_path / "fr.txt"
    path.write_bytes(data[:40] + b"\xff" + data[40:])
    assert cleaners.cli.main(["clean", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert "récolte" in record["text"]
