"""Cleaning dumps on a Dask distributed cluster (`newsclean clean … --scheduler`).

- `shards`: the inputs cut into ordered, contiguous shards (files; byte ranges of big JSONL);
- `task`: one shard's job (`clean_shard`: the same `process_item` as a local run, one part
  file written atomically);
- `runner`: the client side (`run_distributed`: plan, submit, gather, manifest, merge).

Only `runner` imports Dask, and only when a run starts: `import cleaners` never does.
"""
