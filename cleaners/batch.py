"""Cleaning a stream of inputs, in this process or in worker processes, in input order.

`process_item` is the whole per-document job (clean, split stories, language filter,
fingerprint, serialise): the local `-j N` pool and the Dask runner both call it, so every
engine gives the same records. Results come back in input order whatever the number of
workers, so the output is byte-identical at any `-j`; at most `window` chunks are in flight,
so memory stays bounded however long the input is.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Collection, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from itertools import islice
from typing import TYPE_CHECKING

from cleaners.budget import DEFAULT_SECONDS, DocumentTimeout, time_budget
from cleaners.document import Document, ReadError
from cleaners.pipeline import clean_document, timing_rules
from cleaners.procpool import (
    CrashBisector,
    cleaning_pool,
    start_cleaning_process,
    warm_up_cleaner,
)
from cleaners.record import STATUS_REJECTED, Article
from cleaners.stories import split_stories
from cleaners.writers import dumps_record

if TYPE_CHECKING:
    from cleaners.dedup import Fingerprint  # numpy, loaded only with --dedup

Item = Document | ReadError


@dataclass(frozen=True, slots=True)
class BatchOptions:
    split_stories: bool = False
    languages: frozenset[str] | None = None  # keep only these (others rejected `language`)
    dedup: bool = False  # fingerprint ok records for the run's de-duplication (cleaners.dedup)
    time_budget: float | None = DEFAULT_SECONDS  # seconds per document (None: no limit)


@dataclass(frozen=True, slots=True)
class Result:
    """One cleaned record, ready to write: the JSON line plus what the run needs to count."""

    line: str  # the record as one JSONL line (no newline)
    id: str
    ok: bool
    reject_reason: str | None
    removed: tuple[str, ...]  # reason codes of the removed blocks
    fingerprint: Fingerprint | None = None  # with dedup on, of ok records (`cleaners.dedup`)
    rules: tuple[str, ...] = ()  # the rule that removed each block (same order as `removed`)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one input item gave: its records, or the error that stopped it."""

    source: str
    results: tuple[Result, ...] = ()
    error: ReadError | None = None
    rule_seconds: tuple[tuple[str, float], ...] = ()  # time in each rule (`timing_rules`)


def _result(article: Article, options: BatchOptions) -> Result:
    fp = None
    if options.dedup and article.ok:
        from cleaners.dedup import fingerprint

        fp = fingerprint(article.text, article.title)  # as the crawl's cleaning processes do
    line = dumps_record(article.to_dict())
    # Checked here, in the worker, so a record that cannot be written is this document's
    # error (`process_item`), never a failure of the run's writer or of a Dask shard.
    line.encode("utf-8")
    return Result(
        line=line,
        id=article.id,
        ok=article.ok,
        reject_reason=article.reject_reason,
        removed=tuple(r.reason for r in article.removed),
        fingerprint=fp,
        rules=tuple(r.rule for r in article.removed),
    )


LANGUAGE = "language"  # the reject reason of a record in a language not asked for


def outside_languages(ok: bool, language: str | None, languages: Collection[str] | None) -> bool:
    """Whether a record is rejected as `language`: it is ok and its language is not one of
    `languages` (None: no filter). The one meaning of ``newsclean clean --lang`` and of a
    crawl's ``LANGUAGES`` (`newscrawl.pipelines.filters.LanguagePipeline`): a rejection with
    a reason code, counted and written with the other rejects, never a silent drop."""
    return languages is not None and ok and language not in languages


def keep_languages(article: Article, languages: frozenset[str] | None) -> Article:
    """An ok record in a language not asked for becomes a `language` rejection."""
    if not outside_languages(article.ok, article.language, languages):
        return article
    return replace(article, status=STATUS_REJECTED, reject_reason=LANGUAGE)


def process_item(item: Item, options: BatchOptions) -> Outcome:
    """The whole job for one input item; never raises (a failure is the item's error)."""
    if isinstance(item, ReadError):
        return Outcome(item.source, error=item)
    try:
        with time_budget(options.time_budget), timing_rules() as seconds:
            article = clean_document(item)
            articles = split_stories(article) if options.split_stories else [article]
            results = tuple(
                _result(keep_languages(a, options.languages), options) for a in articles
            )
    except DocumentTimeout:
        message = f"cleaning took longer than {options.time_budget:g} s (--time-budget)"
        return Outcome(item.source, error=ReadError(item.source, "timeout", message))
    except Exception as exc:  # one bad page must not stop the batch
        message = f"{type(exc).__name__}: {exc}"
        return Outcome(item.source, error=ReadError(item.source, "cleaning_failed", message))
    return Outcome(item.source, results, rule_seconds=tuple(seconds.items()))


def process_chunk(items: list[Item], options: BatchOptions) -> list[Outcome]:
    return [process_item(item, options) for item in items]


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def iter_outcomes(
    items: Iterable[Item],
    options: BatchOptions,
    jobs: int = 1,
    chunk_size: int = 16,
    window: int | None = None,
) -> Iterator[Outcome]:
    """Outcomes in input order; `jobs` > 1 cleans in that many worker processes."""
    if jobs <= 1:
        if options.time_budget:
            warm_up_cleaner()  # imports and profiles are not the first document's time
        for item in items:
            yield process_item(item, options)
        return
    window = window or jobs * 4
    iterator = iter(items)
    pending: deque[tuple[list[Item], Future[list[Outcome]]]] = deque()
    bisector: CrashBisector[Item] = CrashBisector()
    pool = _pool(jobs)
    try:
        while True:
            while len(pending) < window and (chunk := list(islice(iterator, chunk_size))):
                pending.append((chunk, pool.submit(process_chunk, chunk, options)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # A worker died (a crash in a C library on some page): find the page that
                # kills it (each page of the chunk alone, `CrashBisector`), report it, and go
                # on with a fresh pool.
                pool = _restart(pool, jobs)
                bisector.broke(chunk)
                outcomes = []
                while (suspect := bisector.next_suspect()) is not None:
                    try:
                        outcomes += pool.submit(process_chunk, [suspect], options).result()
                        bisector.cleared(suspect)
                    except BrokenProcessPool:
                        pool = _restart(pool, jobs)
                        outcomes += [_crashed(culprit) for culprit in bisector.broke([suspect])]
                pending = deque(
                    (waiting, pool.submit(process_chunk, waiting, options))
                    for waiting, _ in pending
                )
            yield from outcomes
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool(jobs: int) -> ProcessPoolExecutor:
    return cleaning_pool(jobs, start_cleaning_process, (os.getpid(),))


def _restart(pool: ProcessPoolExecutor, jobs: int) -> ProcessPoolExecutor:
    pool.shutdown(wait=False, cancel_futures=True)
    return _pool(jobs)


def _crashed(item: Item) -> Outcome:
    message = "the cleaning process died on this input (crash in a native library?)"
    return Outcome(item.source, error=ReadError(item.source, "worker_crashed", message))
