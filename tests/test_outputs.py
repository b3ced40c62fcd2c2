"""Output files: the usual permissions, a usage error for a format the tool cannot write,
and `--version` on both commands."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import cleaners.cli
import newscrawl.cli
from cleaners.version import package_version

ROOT = Path(__file__).resolve().parent.parent
GENERIC = ROOT / "fixtures" / "generic"


@pytest.fixture(params=[0o022, 0o027], ids=["umask022", "umask027"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


@pytest.mark.parametrize(
    ("out", "rejects", "extra"),
    [
        ("a.jsonl", "r.jsonl", []),
        ("a.jsonl", "r.parquet", ["--dedup"]),  # de-duplicated JSONL is rewritten at the end
        ("a.parquet", "r.parquet", []),
        ("a.parquet", "r.jsonl", ["--dedup"]),
    ],
)
def test_outputs_get_the_mode_the_umask_gives(
    tmp_path: Path, umask: int, out: str, rejects: str, extra: list[str]
) -> None:
    argv = ["clean", str(GENERIC), "-o", str(tmp_path / out), "--rejects", str(tmp_path / rejects)]
    assert cleaners.cli.main([*argv, *extra, "-q", "-j", "1"]) == 0
    for name in (out, rejects):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask, name
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({out, rejects})


@pytest.mark.parametrize(
    ("option", "name"),
    [("-o", "out.csv"), ("-o", "out.jsonl.gz"), ("-o", "out.json"), ("--rejects", "r.txt")],
)
def test_output_with_a_format_it_cannot_write_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, name: str
) -> None:
    target = tmp_path / name
    argv = ["clean", str(GENERIC), "-q", option, str(target)]
    if option != "-o":
        argv += ["-o", str(tmp_path / "a.jsonl")]
    assert cleaners.cli.main(argv) == 2
    suffix = Path(name).suffix
    assert capsys.readouterr().err == (
        f"newsclean: error: {target}: cannot write {suffix} files: records are written as "
        "JSONL (.jsonl, .ndjson) or Parquet (.parquet, .pq)\n"
    )
    assert list(tmp_path.iterdir()) == []  # refused before anything was read or written


@pytest.mark.parametrize("name", ["a.ndjson", "a.pq", "articles"])
def test_writable_names(tmp_path: Path, name: str) -> None:
    argv = ["clean", str(GENERIC / "bahrain_grand_prix.txt"), "-o", str(tmp_path / name)]
    assert cleaners.cli.main([*argv, "-q", "-j", "1"]) == 0
    assert (tmp_path / name).stat().st_size > 0


@pytest.mark.parametrize(
    "main", [cleaners.cli.main, newscrawl.cli.main], ids=["newsclean", "newscrawl"]
)
def test_version(main: Callable[[list[str]], int], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    prog = "newsclean" if main is cleaners.cli.main else "newscrawl"
    version = package_version()
    assert version != "unknown"
    assert capsys.readouterr().out == f"{prog} {version}\n"


def test_summary_adds_up_with_split_stories(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = ROOT / "fixtures" / "dumps" / "003_e62bd223b97e1429.txt"  # a second story appended
    out = tmp_path / "a.jsonl"
    argv = ["clean", str(page), str(GENERIC / "bahrain_grand_prix.txt"), "-o", str(out)]
    assert cleaners.cli.main([*argv, "--split-stories", "--no-progress", "-j", "1"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert lines[:4] == [
        "documents read: 2",
        "records: 3 (2 documents + 1 split-off story)",
        "ok: 3",
        "rejected: 0 (none)",
    ]
    assert len(out.read_text("utf-8").splitlines()) == 3
