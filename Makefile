# newscrawl: `make run` cleans the bundled dumps, `make test` runs the test suite.
# Both create the virtual environment first, so each is one command on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install redis-server chromium run test test-fast lint format eval eval-gate bench bench-extract bench-crawl bench-redis bench-dask crawl-demo test-crawl seeds clean

# `make install` / `make run`: the Python environment only (no system packages).
install: $(STAMP)

# The Redis crawl tests (tests/test_redis_crawl.py) start their own redis-server: install
# Debian's when there is none (as root, or with sudo). Quick when it is already there.
redis-server:
	@command -v redis-server >/dev/null 2>&1 || test -x /usr/bin/redis-server || { \
	  if command -v apt-get >/dev/null 2>&1; then \
	    SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	    echo "installing redis-server (apt-get)"; \
	    $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server >/dev/null \
	      || echo "warning: could not install redis-server: the Redis crawl tests will skip"; \
	  else \
	    echo "warning: no apt-get: install redis-server yourself for the Redis crawl tests"; \
	  fi; \
	}

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p out
	$(BIN)/newsclean clean fixtures/dumps -o out/articles.jsonl --rejects out/rejects.jsonl
	@echo "wrote out/articles.jsonl"

# The report tests (tests/test_report_chromium.py) load the HTML report in Debian's chromium.
chromium:
	@bash tools/ensure_chromium.sh

# The tests also need a redis-server binary (the Redis crawl tests start their own) and chromium.
test: install redis-server chromium
	$(BIN)/python -m pytest

# The inner loop: every test not marked `slow` (no servers, crawls, clusters or browser).
test-fast: install
	$(BIN)/python -m pytest -m "not slow"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy cleaners/ newscrawl/

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Quality on the public corpora in ../shared/bench (absent: says so and checks the fixtures only).
eval: install
	mkdir -p out
	$(BIN)/python tools/eval.py --json out/eval.json

# The fast subset CI runs: every 10th page of each corpus against pinned floors.
eval-gate: install
	$(BIN)/python tools/eval.py --sample 10 --ours-only --floors tools/eval_floors.toml --no-rules

bench: install
	$(BIN)/python tools/bench_clean.py
	$(BIN)/python tools/bench_batch.py --docs 20000
	$(BIN)/python tools/bench_crawl.py -n 2000 --rounds 3
	$(BIN)/python tools/bench_siblings.py

bench-extract: install
	$(BIN)/python tools/bench_extract.py --interleave

bench-crawl: install
	$(BIN)/python tools/bench_crawl.py -n 2000 --rounds 3

bench-redis: install redis-server
	$(BIN)/python tools/bench_redis_crawl.py -n 2000

bench-dask: install
	$(BIN)/python tools/bench_dask.py

crawl-demo: install
	$(BIN)/python tools/crawl_demo.py

test-crawl: install
	$(BIN)/python -m pytest tests/test_crawl_units.py tests/test_crawl_site.py

seeds: install
	$(BIN)/python -m newscrawl.seeds

clean:
	rm -rf out .pytest_cache .ruff_cache
