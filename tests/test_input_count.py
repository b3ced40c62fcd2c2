"""The progress bar's total: input documents counted before the run, when that is cheap."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

import cleaners.cli
from cleaners.input_count import count_documents
from cleaners.progress import Progress

ROOT = Path(__file__).resolve().parent.parent


def test_counts_one_page_files_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>x</p>")
    (tmp_path / "sub" / "c.txt.gz").write_bytes(gzip.compress(b"x"))
    (tmp_path / "notes.md").write_text("skipped by the walk")
    (tmp_path / "d.jsonl").write_bytes(b'{"text": "a"}\n\n{"text": "b"}\n{not json}')
    assert count_documents([str(tmp_path)]) == 6
    assert count_documents([str(tmp_path), str(tmp_path / "missing.txt")]) == 7
    assert count_documents([str(tmp_path / "*.txt"), str(tmp_path / "d.jsonl")]) == 4
    assert count_documents([str(tmp_path)], budget=10) is None  # JSONL larger than the budget


@pytest.mark.parametrize("name", ["crawl.warc.gz", "pages.jsonl.gz", "dump"])
def test_unknown_when_counting_means_reading(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(gzip.compress(b"{}\n"))
    (tmp_path / "a.txt").write_text("x")
    assert count_documents([str(tmp_path / "a.txt"), str(tmp_path / name)]) is None
    assert count_documents(["-"]) is None


def test_count_matches_what_a_run_reads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = [str(ROOT / "fixtures" / "generic"), str(ROOT / "fixtures" / "dumps")]
    out = tmp_path / "a.jsonl"
    assert cleaners.cli.main(["clean", *inputs, "-o", str(out), "--no-progress", "-j", "1"]) == 0
    err = capsys.readouterr().err
    documents = int(err.split("documents read: ")[1].split("\n")[0])
    # one document per text dump under the two folders (a new fixture is one more)
    dumps = sum(1 for folder in inputs for _ in Path(folder).rglob("*.txt"))
    assert dumps >= 35
    assert count_documents(inputs) == documents == dumps


def test_progress_line_with_a_total_shows_share_and_eta() -> None:
    stream = io.StringIO()
    progress = Progress(stream=stream, every=0.0, total=8, initial=2)
    progress.update()
    progress.update(errors=1)
    line = stream.getvalue().splitlines()[-1]
    assert line.startswith("newsclean: 4/8 documents (50%), ETA ")
    eta = line.split("ETA ")[1].split(",")[0]
    minutes, seconds = eta.split(":")
    assert minutes.isdigit() and len(seconds) == 2 and seconds.isdigit()
    assert line.endswith(", 1 errors")
