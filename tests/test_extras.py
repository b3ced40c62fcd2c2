"""Optional packages: a core install (no extras) fails with the extra to install, not with a
bare ModuleNotFoundError (``cleaners/extras.py``; README "Install")."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cleaners import cli
from cleaners.extras import MissingExtra, check, installed, require
from tests.sitegen.site import ROOT


def _hide(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Make ``import NAME`` fail as it does when the package is not installed."""
    for name in names:
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            monkeypatch.delitem(sys.modules, loaded)
        monkeypatch.setitem(sys.modules, name, None)


def test_require_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "pyarrow")
    with pytest.raises(MissingExtra) as info:
        require("pyarrow.parquet")
    assert str(info.value) == (
        "Parquet files and the record's Arrow schema needs pyarrow, which is not installed: "
        "pip install 'newscrawl[parquet]' (in a checkout: pip install -e '.[parquet]'; "
        "make install installs every extra)"
    )
    assert isinstance(info.value, ModuleNotFoundError)  # `except ImportError` still works
    assert not installed("pyarrow")
    with pytest.raises(MissingExtra, match=r"needs pyarrow, .* 'newscrawl\[parquet\]'"):
        check("pyarrow")


def test_library_calls_name_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    _hide(monkeypatch, "numpy")
    monkeypatch.delitem(sys.modules, "cleaners.dedup", raising=False)  # imported again
    with pytest.raises(MissingExtra, match=r"^--dedup \(near-duplicate detection\) needs"):
        import cleaners.dedup  # noqa: F401


def test_a_missing_package_inside_an_installed_one_is_not_hidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "needs_other_pkg.py").write_text("import not_installed_anywhere_xyz\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ModuleNotFoundError) as info:
        require("needs_other_pkg")
    assert not isinstance(info.value, MissingExtra)
    assert info.value.name == "not_installed_anywhere_xyz"


@pytest.mark.parametrize(
    ("hidden", "args", "extra"),
    [
        ("pyarrow", ["-o", "{tmp}/out.parquet"], "parquet"),
        ("pyarrow", ["-o", "{tmp}/out.jsonl", "--rejects", "{tmp}/rejects.parquet"], "parquet"),
        ("numpy", ["-o", "{tmp}/out.jsonl", "--dedup"], "dedup"),
        ("distributed", ["-o", "{tmp}/parts", "--scheduler", "local"], "dask"),
    ],
)
def test_newsclean_options_say_which_extra(
    hidden: str,
    args: list[str],
    extra: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _hide(monkeypatch, hidden)
    argv = ["clean", str(ROOT / "fixtures" / "dumps"), *[a.format(tmp=tmp_path) for a in args]]
    assert cli.main(argv) == 2  # a usage error, before anything is read or written
    err = capsys.readouterr().err
    assert err.startswith("newsclean: error: ")
    assert f"needs {hidden}, which is not installed: pip install 'newscrawl[{extra}]'" in err
    assert list(tmp_path.iterdir()) == []


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_crawler_without_its_extra() -> None:
    proc = _python(
        """
        import sys
        sys.modules["scrapy"] = None  # as if the "crawl" extra were not installed
        import newscrawl.cli
        """
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1] == (
        "cleaners.extras.MissingExtra: the crawler (newscrawl, scrapy crawl news) needs scrapy, "
        "which is not installed: pip install 'newscrawl[crawl]' (in a checkout: pip install -e "
        "'.[crawl]'; make install installs every extra)"
    )


def test_redis_mode_without_its_extra() -> None:
    proc = _python(
        """
        import sys
        sys.modules["redis"] = None
        import newscrawl.seeds  # the crawler works without Redis
        import newscrawl.cluster.store
        """
    )
    assert proc.returncode == 1
    assert "pip install 'newscrawl[redis]'" in proc.stderr.strip().splitlines()[-1]


def test_core_cleaning_imports_no_optional_package() -> None:
    """The cleaning library and its CLI load and clean with every extra's packages blocked."""
    proc = _python(
        """
        import sys
        for name in ("pyarrow", "datasketch", "distributed", "dask", "scrapy", "redis",
                     "readability", "numpy", "scipy"):
            sys.modules[name] = None
        from cleaners import clean_html, clean_text
        from cleaners import cli
        article = clean_text(open("fixtures/dumps/000_da559688f6389dba.txt").read())
        assert article.status == "ok", article
        page = b"<html><body><article><h1>A headline here</h1>"
        page += b"<p>" + b"A sentence about the harbour and its boats. " * 12 + b"</p>"
        page += b"</article></body></html>"
        assert clean_html(page, url="https://example.com/a").text
        print("ok")
        """
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout == "ok\n"
