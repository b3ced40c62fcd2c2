"""Outputs load the same everywhere: JSONL (articles, rejects, both) read with the record's
schema gives exactly the Parquet output's schema and values, with pyarrow, `datasets` and
DuckDB; dates are the record's strings in every format."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import cleaners.cli
from cleaners.schema import arrow_schema
from cleaners.schema.loaders import datasets_features, duckdb_columns, load_dataset, read_jsonl

pytestmark = pytest.mark.slow  # pyarrow, datasets and duckdb imports, and a cleaning run

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?$")
FETCHED = ("2024-05-14T08:01:02Z", "2024-05-14T10:01:02+02:00")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("outputs")
    pages = sorted((FIXTURES / "html").glob("*/*.html"))[:2]
    crawl = folder / "crawl.jsonl"  # pages with a fetch time, as a crawl's export holds them
    crawl.write_text(
        "".join(
            json.dumps({"url": f"https://example.com/{i}", "html": p.read_text(), "fetched_at": t})
            + "\n"
            for i, (p, t) in enumerate(zip(pages, FETCHED, strict=True))
        ),
        encoding="utf-8",
    )
    inputs = [str(FIXTURES / "html"), str(FIXTURES / "generic"), str(crawl)]
    paths = {}
    for kind in ("jsonl", "parquet"):
        paths[f"articles.{kind}"] = folder / f"articles.{kind}"
        paths[f"rejects.{kind}"] = folder / f"rejects.{kind}"
        argv = ["clean", *inputs, "-o", str(paths[f"articles.{kind}"])]
        argv += ["--rejects", str(paths[f"rejects.{kind}"]), "-q", "-j", "2"]
        assert cleaners.cli.main(argv) == 0
    return paths


CASES = {"articles": ["articles"], "rejects": ["rejects"], "both": ["articles", "rejects"]}


def _parquet(outputs: dict[str, Path], names: list[str]) -> pa.Table:
    return pa.concat_tables([pq.read_table(outputs[f"{n}.parquet"]) for n in names])


@pytest.mark.parametrize("case", CASES)
def test_pyarrow_reads_jsonl_to_the_parquet_schema_and_values(
    outputs: dict[str, Path], case: str
) -> None:
    names = CASES[case]
    table = read_jsonl([outputs[f"{n}.jsonl"] for n in names])
    parquet = _parquet(outputs, names)
    assert table.schema.equals(arrow_schema(), check_metadata=False)
    assert table.schema.equals(parquet.schema, check_metadata=False)
    assert table.num_rows == parquet.num_rows > 0
    assert table.equals(parquet)


def test_read_jsonl_gzipped_and_empty(outputs: dict[str, Path], tmp_path: Path) -> None:
    packed = tmp_path / "articles.jsonl.gz"
    with outputs["articles.jsonl"].open("rb") as src, gzip.open(packed, "wb") as dst:
        shutil.copyfileobj(src, dst)
    assert read_jsonl(packed).equals(read_jsonl(outputs["articles.jsonl"]))
    empty = tmp_path / "none.jsonl"
    empty.touch()
    table = read_jsonl([empty])
    assert table.num_rows == 0 and table.schema.equals(arrow_schema())


def test_read_jsonl_refuses_records_that_break_the_schema(
    outputs: dict[str, Path], tmp_path: Path
) -> None:
    record = json.loads(outputs["articles.jsonl"].read_text("utf-8").splitlines()[0])
    extra = tmp_path / "extra.jsonl"
    extra.write_text(json.dumps({**record, "colour": "red"}) + "\n", encoding="utf-8")
    with pytest.raises(pa.ArrowInvalid, match="unexpected field"):
        read_jsonl(extra)
    missing = tmp_path / "missing.jsonl"
    missing.write_text(json.dumps({**record, "id": None}) + "\n", encoding="utf-8")
    with pytest.raises(pa.ArrowInvalid, match="required field was null"):
        read_jsonl(missing)


def test_dates_are_the_same_strings_in_jsonl_and_parquet(outputs: dict[str, Path]) -> None:
    table = read_jsonl(outputs["articles.jsonl"])
    parquet = pq.read_table(outputs["articles.parquet"])
    for name in ("published", "updated", "fetched_at"):
        assert parquet.schema.field(name).type == pa.string()
        assert table.column(name).to_pylist() == parquet.column(name).to_pylist()
    published = [v for v in table.column("published").to_pylist() if v]
    assert all(DATE.match(v) for v in published)
    # a date, a local time without offset, a time with the page's offset: all three occur
    assert {v.count(":") for v in published} >= {0, 2, 3}
    fetched = sorted(v for v in parquet.column("fetched_at").to_pylist() if v)
    assert fetched == sorted(FETCHED)  # as the input gave them; null for plain files


@pytest.mark.parametrize("case", CASES)
def test_datasets_loads_jsonl_and_parquet_with_the_record_features(
    outputs: dict[str, Path], case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # offline, and its caches under the test's folder (read when `datasets` is first imported)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    datasets = pytest.importorskip("datasets")
    names = CASES[case]
    parquet = _parquet(outputs, names)
    from_jsonl = load_dataset([outputs[f"{n}.jsonl"] for n in names])
    from_parquet = datasets.load_dataset(
        "parquet",
        data_files=[str(outputs[f"{n}.parquet"]) for n in names],
        features=datasets_features(),
        split="train",
        cache_dir=str(tmp_path),
    )
    for dataset in (from_jsonl, from_parquet):
        assert dataset.features == datasets_features()
        loaded = dataset.data.table
        # `datasets` keeps the types and values (its Arrow schema has no non-null flags)
        assert loaded.schema.names == parquet.schema.names
        assert loaded.cast(parquet.schema).equals(parquet)


@pytest.mark.parametrize("case", CASES)
def test_duckdb_reads_jsonl_with_explicit_columns_as_parquet(
    outputs: dict[str, Path], case: str
) -> None:
    duckdb = pytest.importorskip("duckdb")
    names = CASES[case]
    connection = duckdb.connect()
    try:
        jsonl = connection.read_json(
            [str(outputs[f"{n}.jsonl"]) for n in names],
            columns=duckdb_columns(),
            format="newline_delimited",
        )
        parquet = connection.read_parquet([str(outputs[f"{n}.parquet"]) for n in names])
        assert jsonl.columns == parquet.columns == arrow_schema().names
        assert jsonl.types == parquet.types
        assert str(parquet.types[parquet.columns.index("published")]) == "VARCHAR"
        assert jsonl.order("id, story_index, source").fetchall() == (
            parquet.order("id, story_index, source").fetchall()
        )
    finally:
        connection.close()
