"""Loading written records back, typed by the record's one schema.

Left to infer types, `pyarrow.json`, pandas, DuckDB and `datasets` read the date strings as
timestamps (mixing offset-aware and local times in one column), a rejects-only file as
null-typed columns, and articles and rejects as two different schemas. With the schema given
explicitly, every JSONL output (articles, rejects, or both) loads to exactly the Parquet
output's schema, dates stay the strings the record holds (README "Dates").

    from cleaners.schema.loaders import read_jsonl, load_dataset, duckdb_columns

    table = read_jsonl(["out/articles.jsonl", "out/rejects.jsonl"])   # pyarrow.Table
    frame = table.to_pandas()
    dataset = load_dataset(["out/articles.jsonl", "out/rejects.jsonl"])  # datasets.Dataset
    duckdb.read_json("out/*.jsonl", columns=duckdb_columns(), format="newline_delimited")
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike
from typing import Any

from cleaners.extras import require
from cleaners.schema import arrow_schema

Paths = str | PathLike[str] | Iterable[str | PathLike[str]]


def _paths(paths: Paths) -> list[str]:
    if isinstance(paths, str | PathLike):
        return [str(paths)]
    return [str(p) for p in paths]


def read_jsonl(paths: Paths) -> Any:
    """JSONL records (plain or gzipped, articles or rejects) as one `pyarrow.Table` with the
    Parquet output's schema; a record that breaks the schema raises `pyarrow.ArrowInvalid`."""
    pa = require("pyarrow")
    pa_json = require("pyarrow.json")

    schema = arrow_schema()
    options = pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="error")
    tables = []
    for path in _paths(paths):
        with pa.input_stream(path, compression="detect") as stream:
            try:
                table = pa_json.read_json(stream, parse_options=options)
            except pa.ArrowInvalid as exc:
                if "Empty JSON file" not in str(exc):  # no records (a run with no rejects)
                    raise
                continue
        # The reader enforces required fields but reports every field nullable: the cast
        # restores the schema's exact fields.
        tables.append(table.cast(schema))
    if not tables:
        return schema.empty_table()
    return pa.concat_tables(tables)


def datasets_features() -> Any:
    """The schema as `datasets.Features` (`datasets` keeps types, not non-null flags)."""
    import datasets

    return datasets.Features.from_arrow_schema(arrow_schema())


def load_dataset(paths: Paths) -> Any:
    """JSONL records as a `datasets.Dataset` (in memory) with the record's features.

    Not `datasets.load_dataset("json", features=...)`: that loader infers types first and
    casts after, so "2025-06-22T09:30:00+00:00" comes back as "2025-06-22 09:30:00", its
    offset lost. A run too big for memory: write Parquet (`-o out.parquet`) and use
    `datasets.load_dataset("parquet", data_files=...)`, which keeps the strings."""
    import datasets

    features = datasets_features()
    table = read_jsonl(paths).cast(features.arrow_schema)
    return datasets.Dataset(table, info=datasets.DatasetInfo(features=features))


def duckdb_columns() -> dict[str, str]:
    """Column types for DuckDB's `read_json(..., columns=...)`, from the same schema."""
    return {field.name: _duckdb_type(field.type) for field in arrow_schema()}


def _duckdb_type(kind: Any) -> str:
    pa = require("pyarrow")

    if pa.types.is_string(kind):
        return "VARCHAR"
    if pa.types.is_int64(kind):
        return "BIGINT"
    if pa.types.is_boolean(kind):
        return "BOOLEAN"
    if pa.types.is_float64(kind):
        return "DOUBLE"
    if pa.types.is_list(kind):
        return _duckdb_type(kind.value_type) + "[]"
    if pa.types.is_struct(kind):
        members = ", ".join(f'"{f.name}" {_duckdb_type(f.type)}' for f in kind)
        return f"STRUCT({members})"
    raise ValueError(f"no DuckDB type for Arrow type {kind}")
