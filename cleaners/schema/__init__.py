"""The record's JSON Schema (one definition) and the Parquet schema generated from it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from cleaners.extras import require


@cache
def record_schema() -> dict[str, Any]:
    """`article.schema.json`: the published contract of every written record."""
    text = resources.files("cleaners.schema").joinpath("article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


# Key of the record's schema version in Parquet file (Arrow schema) metadata.
SCHEMA_VERSION_KEY = "newscrawl.schema_version"


def schema_version() -> int:
    """The record schema's version (`schema_version` of `article.schema.json`), raised when
    a field is added, removed or changes meaning. JSONL records do not carry it; a Parquet
    output holds it in its file metadata under `SCHEMA_VERSION_KEY`."""
    version: int = record_schema()["schema_version"]
    return version


def _arrow_type(spec: dict[str, Any]) -> Any:
    pa = require("pyarrow")

    kinds = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    kind = next(k for k in kinds if k != "null")
    if kind == "string":
        return pa.string()
    if kind == "integer":
        return pa.int64()
    if kind == "boolean":
        return pa.bool_()
    if kind == "number":
        return pa.float64()
    if kind == "array":
        return pa.list_(_arrow_type(spec["items"]))
    if kind == "object":
        required = set(spec.get("required", []))
        return pa.struct(
            [
                pa.field(name, _arrow_type(sub), nullable=name not in required or _nullable(sub))
                for name, sub in spec["properties"].items()
            ]
        )
    raise ValueError(f"no Arrow type for JSON Schema type {kind!r}")


def _nullable(spec: dict[str, Any]) -> bool:
    kinds = spec["type"] if isinstance(spec["type"], list) else [spec["type"]]
    return "null" in kinds


def arrow_schema() -> Any:
    """The Parquet/Arrow schema of the record, field for field from the JSON Schema, with
    the schema version in its metadata (written into every Parquet output)."""
    pa = require("pyarrow")

    schema = record_schema()
    return pa.schema(
        [
            pa.field(name, _arrow_type(spec), nullable=_nullable(spec))
            for name, spec in schema["properties"].items()
        ],
        metadata={SCHEMA_VERSION_KEY: str(schema_version())},
    )
