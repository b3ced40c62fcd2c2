"""`newsclean clean … --scheduler ADDRESS|local`: the run on a Dask distributed cluster.

The client plans the shards (`cleaners.distributed.shards`), submits one task per shard
(`clean_shard`), each writing ``part-NNNNN.jsonl`` (and ``rejects-NNNNN.jsonl``) into the
parts directory, and, when all are done, writes ``manifest.json`` there: the parts in shard
order with their inputs, record counts, errors and counters, the run's totals and options.
With ``merge`` the parts are concatenated in shard order into the output (JSONL or Parquet,
published atomically as a local run does: byte-identical to the local output), the manifest
is kept beside it as ``OUT.manifest.json`` and the parts are removed.

Task keys are ``newsclean-<run token>-<shard>``: stable for the whole run, so a task whose
worker died is the same task when the scheduler runs it again (up to
``distributed.scheduler.allowed-failures`` times, then the run fails with KilledWorker), and
unique per run, so a result cached on a shared cluster by an earlier run is never taken for
this run's part file.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaners.batch import process_item
from cleaners.distributed.shards import DEFAULT_SHARD_BYTES, Plan, plan_shards
from cleaners.distributed.task import Process, ShardJob, clean_shard, part_name, rejects_name
from cleaners.extras import require
from cleaners.output import RecordFile, output_format
from cleaners.progress import Progress
from cleaners.readers import ReaderOptions
from cleaners.run import ErrorLines, RunConfig, UsageError
from cleaners.summary import RunSummary

MANIFEST = "manifest.json"
MANIFEST_VERSION = 1
LOCAL = "local"
TASK_RETRIES = 2  # a task that raises (a full disk, a lost mount) is tried again this often
_OURS = re.compile(r"^(?:part|rejects)-\d{5,}\.jsonl$|^\.(?:part|rejects)-\d{5,}\.jsonl\..*\.tmp$")
_LEFTOVER = re.compile(r"^\.(?:part|rejects)-\d{5,}\.jsonl\..*\.tmp$")


class ShardFailed(RuntimeError):
    """A shard that could not be cleaned: its task raised every time, or killed its workers."""


@dataclass
class ClusterConfig:
    scheduler: str  # a scheduler address (tcp://host:8786), a scheduler file (.json) or local
    workers: int | None = None  # with `local`: worker processes (default: all cores)
    merge: bool = False  # concatenate the parts into the output file
    shard_bytes: int = DEFAULT_SHARD_BYTES


def run_distributed(
    config: RunConfig,
    reader: ReaderOptions,
    cluster: ClusterConfig,
    *,
    client: Any = None,
    process: Process = process_item,
) -> int:
    """The run on a cluster; ``client`` (a distributed.Client) overrides ``cluster.scheduler``.

    ``process`` is the per-document job given to every task (`process_item`; the tests
    pass a wrapper that slows one shard down to kill its worker)."""
    parts_dir, rejects_dir = _check(config, cluster)
    started = time.perf_counter()
    _remove_earlier_parts(parts_dir, rejects_dir)  # first: never planned as inputs
    try:
        plan = plan_shards(config.inputs, cluster.shard_bytes)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    job = ShardJob(
        parts_dir=str(parts_dir.resolve()),
        rejects_dir=str(rejects_dir.resolve()) if rejects_dir else None,
        options=config.options,
        reader=reader,
    )
    quiet = config.quiet
    for error in plan.errors:
        print(f"newsclean: error: {error}", file=sys.stderr)
    if not quiet:
        files = len({piece.path for shard in plan.shards for piece in shard.pieces})
        print(f"newsclean: {files} files in {len(plan.shards)} shards", file=sys.stderr)

    own_client = client is None
    local = None
    try:
        if client is None:
            client, local = _connect(cluster, quiet)
        results = _clean(client, plan, job, process, config.progress and not quiet)
        workers = len(client.nthreads())
    except (ShardFailed, OSError) as exc:  # OSError: no scheduler at that address
        print(f"newsclean: error: {exc}", file=sys.stderr)
        print(
            f"newsclean: the run failed; parts written so far are in {parts_dir}", file=sys.stderr
        )
        return 1
    finally:
        if own_client and client is not None:
            client.close()
        if local is not None:
            local.close()
    _remove_leftovers(parts_dir, rejects_dir)

    summary = RunSummary()
    summary.started = started
    summary.skipped.update(plan.skipped)
    for error in plan.errors:
        summary.add_error(error)
    for result in results:
        _add(summary, result["summary"])
    manifest = _manifest(config, reader, cluster, plan, job, results, summary, workers)
    if cluster.merge:
        _merge(plan, parts_dir, config.output, "part")
        if config.rejects:
            _merge(plan, parts_dir, config.rejects, "rejects")
        _write_json(Path(config.output + ".manifest.json"), manifest)
        _remove_parts_dir(parts_dir)
    else:
        _write_json(parts_dir / MANIFEST, manifest)
    if not quiet:
        print(summary.render(), file=sys.stderr)
    if summary.documents == 0:
        print("newsclean: no input could be read", file=sys.stderr)
        return 1
    if config.strict and summary.error_count:
        print(f"newsclean: --strict: {summary.error_count} input errors", file=sys.stderr)
        return 1
    return 0


def _check(config: RunConfig, cluster: ClusterConfig) -> tuple[Path, Path | None]:
    """The parts and rejects directories; UsageError for what cannot work on a cluster."""
    if config.resume:
        raise UsageError("--resume is for local runs; a --scheduler run is started again whole")
    if config.options.dedup:
        raise UsageError(
            "--dedup compares every record with all the records before it: not available "
            "with --scheduler (run it locally, with -j)"
        )
    if "-" in config.inputs:
        raise UsageError("stdin (-) cannot be cleaned on a cluster: give files")
    if config.output in ("-", None):
        raise UsageError(
            "--scheduler needs -o: a directory for the part files, or with --merge the output "
            "file (the workers write part files there: a path they share with this machine)"
        )
    if cluster.merge:
        return Path(config.output + ".parts"), (
            Path(config.output + ".parts") if config.rejects else None
        )
    if config.output.lower().endswith((".jsonl", ".parquet", ".pq", ".gz", ".json")):
        raise UsageError(
            f"-o {config.output}: without --merge, -o names a directory (one part file per "
            "shard plus manifest.json); add --merge for one output file"
        )
    if output_format(config.output) != "jsonl":
        raise UsageError("part files are JSONL; use --merge for a Parquet output")
    return Path(config.output), Path(config.rejects) if config.rejects else None


def _connect(cluster: ClusterConfig, quiet: bool) -> tuple[Any, Any]:
    """(client, the LocalCluster we started or None)."""
    distributed = require("distributed")
    Client, LocalCluster = distributed.Client, distributed.LocalCluster

    if cluster.scheduler == LOCAL:
        from cleaners.batch import default_jobs

        local = LocalCluster(
            n_workers=cluster.workers or default_jobs(),
            threads_per_worker=1,  # cleaning is CPU-bound Python: one process per core
            processes=True,
            dashboard_address="127.0.0.1:0",  # a free port: 8787 may be taken
        )
        try:
            client = Client(local)
        except BaseException:
            local.close()
            raise
        if not quiet:
            print(
                f"newsclean: started a local Dask cluster of {len(local.workers)} workers",
                file=sys.stderr,
            )
        return client, local
    if cluster.scheduler.endswith(".json") and os.path.isfile(cluster.scheduler):
        return Client(scheduler_file=cluster.scheduler), None  # dask scheduler --scheduler-file
    return Client(cluster.scheduler), None


def _clean(
    client: Any, plan: Plan, job: ShardJob, process: Process, progress_on: bool
) -> list[dict[str, Any]]:
    """Every shard's result, in shard order; raises when a shard could not be cleaned."""
    as_completed = require("distributed").as_completed

    token = uuid.uuid4().hex[:12]
    futures = [
        client.submit(
            clean_shard,
            shard,
            job,
            process,
            key=f"newsclean-{token}-{shard.name}",
            retries=TASK_RETRIES,
        )
        for shard in plan.shards
    ]
    results: list[dict[str, Any] | None] = [None] * len(futures)
    progress = Progress(enabled=progress_on)
    shown = ErrorLines()
    try:
        for future in as_completed(futures):
            try:
                result = future.result()
            except Exception as exc:
                index = futures.index(future)
                raise ShardFailed(
                    f"shard {plan.shards[index].name} could not be cleaned: "
                    f"{type(exc).__name__}: {exc}"
                ) from exc
            results[result["index"]] = result
            for source, kind, message in result["errors"]:
                shown.line(source, f"newsclean: error: {source}: {kind}: {message}")
            counts = result["summary"]
            progress.update(counts["documents"], sum(counts["errors"].values()))
            future.release()
    except BaseException:
        client.cancel(futures)
        raise
    finally:
        progress.close()
        shown.close()
    assert all(result is not None for result in results)
    return results  # type: ignore[return-value]


def _add(summary: RunSummary, counts: dict[str, Any]) -> None:
    summary.documents += counts["documents"]
    summary.ok += counts["ok"]
    summary.rejected.update(counts["rejected"])
    summary.errors.update(counts["errors"])
    summary.removed.update(counts["removed"])
    summary.skipped.update(counts["skipped"])
    summary.removed_by_rule.update(counts["removed_by_rule"])
    summary.add_rule_seconds((name, ms / 1000) for name, ms in counts["rule_ms"].items())


def _manifest(
    config: RunConfig,
    reader: ReaderOptions,
    cluster: ClusterConfig,
    plan: Plan,
    job: ShardJob,
    results: list[dict[str, Any]],
    summary: RunSummary,
    workers: int,
) -> dict[str, Any]:
    parts = []
    for shard, result in zip(plan.shards, results, strict=True):
        part: dict[str, Any] = {
            "index": shard.index,
            "part": part_name(shard.index),
            "records": result["records"],
        }
        if job.rejects_dir is not None:
            part["rejects"] = rejects_name(shard.index)
            part["rejected_records"] = result["rejects"]
        part["inputs"] = [piece.to_dict() for piece in shard.pieces]
        part["counts"] = _sorted(result["summary"])
        part["errors"] = result["errors"]
        parts.append(part)
    options = config.options
    return {
        "version": MANIFEST_VERSION,
        "order": "parts in index order; records of a part in input order: concatenating the "
        "parts by index gives the local run's output",
        "inputs": config.inputs,
        "options": {
            "split_stories": options.split_stories,
            "languages": sorted(options.languages) if options.languages else None,
            "shard_bytes": cluster.shard_bytes,
            "reader": {
                "html_field": reader.html_field,
                "text_field": reader.text_field,
                "url_field": reader.url_field,
                "id_field": reader.id_field,
                "fetched_at_field": reader.fetched_at_field,
                "site_field": reader.site_field,
                "max_bytes": reader.max_bytes,
            },
        },
        "scheduler": cluster.scheduler,
        "workers": workers,
        "elapsed_seconds": round(summary.elapsed, 3),
        "totals": _sorted(summary.to_dict()),
        "records": sum(result["records"] for result in results),
        "input_errors": [[e.source, e.kind, e.message] for e in plan.errors],
        "parts": parts,
    }


def _sorted(counts: dict[str, Any]) -> dict[str, Any]:
    """Counters with their keys sorted: the manifest reads the same for the same run."""
    return {k: dict(sorted(v.items())) if isinstance(v, dict) else v for k, v in counts.items()}


def _merge(plan: Plan, parts_dir: Path, output: str, kind: str) -> None:
    """Concatenate the parts in shard order into ``output`` (atomic; JSONL or Parquet)."""
    name = part_name if kind == "part" else rejects_name
    out = RecordFile(output)
    out.open()
    try:
        for shard in plan.shards:
            with (parts_dir / name(shard.index)).open(encoding="utf-8") as handle:
                for line in handle:
                    out.write(line.rstrip("\n"))
    except BaseException:
        out.close()
        if out.partial is not None and out.partial.exists():
            out.partial.unlink()
        raise
    out.publish()


def _files(directory: Path | None, pattern: re.Pattern[str]) -> Iterator[Path]:
    if directory is None or not directory.is_dir():
        return
    for entry in os.scandir(directory):
        if pattern.match(entry.name):
            yield Path(entry.path)


def _remove_earlier_parts(parts_dir: Path, rejects_dir: Path | None) -> None:
    """An output directory is overwritten as an output file is: our files of an earlier run go."""
    for directory in (parts_dir, rejects_dir):
        for path in _files(directory, _OURS):
            path.unlink()
    manifest = parts_dir / MANIFEST
    if manifest.exists():
        manifest.unlink()
    parts_dir.mkdir(parents=True, exist_ok=True)
    if rejects_dir is not None:
        rejects_dir.mkdir(parents=True, exist_ok=True)


def _remove_leftovers(parts_dir: Path, rejects_dir: Path | None) -> None:
    """Temporary files of attempts whose worker was killed (never renamed into place)."""
    for directory in (parts_dir, rejects_dir):
        for path in _files(directory, _LEFTOVER):
            path.unlink(missing_ok=True)


def _remove_parts_dir(parts_dir: Path) -> None:
    for path in _files(parts_dir, _OURS):
        path.unlink()
    with contextlib.suppress(OSError):  # something else is in there: leave it
        parts_dir.rmdir()


def _write_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    os.replace(tmp, path)
