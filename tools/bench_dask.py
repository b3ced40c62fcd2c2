"""Clean one generated dump on a local Dask cluster of 1 and of 2 workers; print docs/s.

The dump is one JSONL file (cut by the runner into byte-range shards): text documents from
`tools/bench_clean.py`'s generator (fixture pages reordered, debris of other pages mixed in,
seeded) and, every ``--html-every``-th line, an HTML fixture page (each made unique by a
comment). For comparison the same dump is cleaned locally with ``-j 1`` and ``-j 2``; every
output is checked byte-identical to the ``-j 1`` one (``--merge``).

Times: "clean" is the run itself (planning, tasks, manifest, merge) on a cluster already up;
"start" is the cluster's start-up (worker processes, imports), paid once per cluster. The
workers are processes with one thread each (cleaning is CPU-bound Python).

Figures on a shared machine are noisy: other jobs take CPU time. Run more than once
(``--repeat``: the settings are run in turn, round after round, and the best time of each
is kept) and read the figures as rough.

    .venv/bin/python tools/bench_dask.py --docs 2000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.bench_clean import generate  # noqa: E402


def make_dump(directory: Path, docs: int, html_every: int) -> Path:
    texts = directory / "texts"
    texts.mkdir()
    generate(texts, docs)
    pages = sorted((ROOT / "fixtures" / "html").glob("*/*.html"))
    dump = directory / "dump.jsonl"
    with dump.open("w", encoding="utf-8") as out:
        for number, path in enumerate(sorted(texts.rglob("*.txt"))):
            if html_every and number % html_every == html_every - 1:
                page = pages[number % len(pages)].read_text("utf-8")
                record = {"url": f"https://bench.example/{number}", "html": page}
                record["html"] += f"<!-- {number} -->"
            else:
                record = {"url": f"https://bench.example/{number}", "text": path.read_text()}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return dump


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--html-every", type=int, default=5, help="one HTML page in N (0: none)")
    parser.add_argument("--shards", type=int, default=16, help="shards the dump is cut into")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (best time kept)")
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    from cleaners.batch import BatchOptions
    from cleaners.distributed.runner import ClusterConfig, run_distributed
    from cleaners.readers import ReaderOptions, read_inputs
    from cleaners.run import RunConfig, run

    with tempfile.TemporaryDirectory(prefix="newscrawl-bench-dask-") as tmp:
        work = Path(tmp)
        dump = make_dump(work, args.docs, args.html_every)
        size = dump.stat().st_size
        shard_bytes = max(1, size // args.shards)
        print(
            f"dump: {args.docs} documents ({size / 1e6:.1f} MB JSONL, one HTML page in "
            f"{args.html_every or 'none'}), {args.shards} shards of ~{shard_bytes / 1e6:.2f} MB"
        )

        def config(output: Path, jobs: int = 1) -> RunConfig:
            return RunConfig(
                inputs=[str(dump)],
                output=str(output),
                jobs=jobs,
                options=BatchOptions(),
                progress=False,
                quiet=True,
            )

        def read(inputs: list[str], skipped: object) -> object:
            return read_inputs(inputs, ReaderOptions(), skipped=skipped)  # type: ignore[arg-type]

        reference: bytes | None = None

        def check(output: Path) -> None:
            nonlocal reference
            data = output.read_bytes()
            if reference is None:
                reference = data
            elif data != reference:
                raise SystemExit(f"{output}: differs from the -j 1 output")

        _warm_up()  # -j 1 cleans in this process: load what the cluster's workers load first
        clusters = {}
        try:
            for workers in (1, 2):
                start = time.perf_counter()
                cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address="127.0.0.1:0",
                )
                client = Client(cluster)
                client.run(_warm_up)  # imports and language profiles, paid once per worker
                clusters[workers] = (cluster, client, time.perf_counter() - start)

            def local(jobs: int, output: Path) -> None:
                run(config(output, jobs), read)  # type: ignore[arg-type]

            def dask(workers: int, output: Path) -> None:
                settings = ClusterConfig("local", merge=True, shard_bytes=shard_bytes)
                client = clusters[workers][1]
                run_distributed(config(output), ReaderOptions(), settings, client=client)

            settings = {
                "local -j 1": partial(local, 1),
                "local -j 2": partial(local, 2),
                "dask, 1 worker": partial(dask, 1),
                "dask, 2 workers": partial(dask, 2),
            }
            best = dict.fromkeys(settings, float("inf"))
            for attempt in range(args.repeat):  # interleaved: load changes hit every setting
                for number, (name, clean) in enumerate(settings.items()):
                    output = work / f"out-{number}-{attempt}.jsonl"
                    start = time.perf_counter()
                    clean(output)
                    best[name] = min(best[name], time.perf_counter() - start)
                    check(output)
        finally:
            for cluster, client, _ in reversed(clusters.values()):  # logging levels restored
                client.close()
                cluster.close()
        rows = [
            (name, seconds, clusters[int(name.split()[1])][2] if "dask" in name else None)
            for name, seconds in best.items()
        ]

    print(f"{'setting':<18} {'clean s':>8} {'docs/s':>8} {'start s':>8}")
    for name, seconds, started in rows:
        start_text = f"{started:8.1f}" if started is not None else f"{'':>8}"
        print(f"{name:<18} {seconds:8.1f} {args.docs / seconds:8.1f} {start_text}")
    one, two = rows[2][1], rows[3][1]
    print(f"dask speed-up, 2 workers over 1: {one / two:.2f}x")
    print(f"dask 2 workers vs local -j 2: {rows[1][1] / two:.2f}x the local throughput")
    print("outputs: byte-identical across all settings")


def _warm_up() -> None:
    from cleaners.html.extract import clean_html
    from cleaners.procpool import warm_up_cleaner as load

    load()
    clean_html("<html><body><article><h1>Warm</h1><p>up the extractor.</p></article></body></html>")


if __name__ == "__main__":
    main()
