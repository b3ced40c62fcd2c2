"""Everything the crawler processes share, as Redis keys (``REDIS_KEY_PREFIX``, default
``newscrawl``), and the atomic operations on them.

=====================  =====  ==============================================================
key                    type   what
=====================  =====  ==============================================================
``P:seeds``            list   seed start points, JSON ``{"site", "kind", "url"}`` (seed-push)
``P:queue``            zset   ids of queued requests; score = -priority, then FIFO
``P:requests``         hash   id -> serialised request (kept until the request is done)
``P:inflight``         hash   id -> ``"<owner> <score>"``: requests leased to a crawler
``P:owner:<owner>``    str    a live crawler's heartbeat (expires after ``REDIS_LEASE_TTL``)
``P:seen``             set    request fingerprints (the shared duplicate filter)
``P:urls``             set    canonical URLs of emitted records
``P:fp:exact``         hash   exact text hash -> URL of the record that has it
``P:fp:docs``          hash   doc -> ``"url\\tsketch values"`` (near-duplicates)
``P:fp:post:<value>``  set    docs whose sketch holds the value
``P:items``            list   every emitted record (JSON), exactly once
=====================  =====  ==============================================================

A request is pushed with its fingerprint in one script (added to ``seen`` and queued, or
neither), leased by moving its id from ``queue`` to ``inflight`` (one script), and acknowledged
when its response has been handled completely (``ack``: its record committed, its links
queued). The leases of a crawler whose heartbeat has expired go back to the queue
(``requeue_dead``): nothing a crawler had taken is lost when it dies.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from cleaners.dedup import MAX_POSTINGS, Fingerprint, similarity
from cleaners.extras import require
from cleaners.writers import dumps_record

if TYPE_CHECKING:  # the class, for annotations; the module itself comes through `require`
    from redis import Redis

redis = require("redis")

DEFAULT_PREFIX = "newscrawl"
_PRIORITY_SPAN = 10_000_000_000  # score = -priority * span + sequence: FIFO per priority

# KEYS: seen, queue, requests, seq; ARGV: fingerprint ("" = no filter), priority, payload
_PUSH = """
if ARGV[1] ~= '' and redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
local id = redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[3], id, ARGV[3])
redis.call('ZADD', KEYS[2], -tonumber(ARGV[2]) * SPAN + id, id)
return id
""".replace("SPAN", str(_PRIORITY_SPAN))

# KEYS: queue, requests, inflight; ARGV: owner. Returns {id, payload} or nil.
_LEASE = """
while true do
  local top = redis.call('ZPOPMIN', KEYS[1])
  if #top == 0 then return nil end
  local payload = redis.call('HGET', KEYS[2], top[1])
  if payload then
    redis.call('HSET', KEYS[3], top[1], ARGV[1] .. ' ' .. top[2])
    return {top[1], payload}
  end
  -- no payload: the request was done by a crawler whose lease had been taken back
end
"""

# KEYS: inflight, queue; ARGV: owner prefix key, [ids...] ("" = every id of a dead owner)
_REQUEUE = """
local moved = 0
local entries = redis.call('HGETALL', KEYS[1])
local only = {}
for i = 2, #ARGV do only[ARGV[i]] = true end
for i = 1, #entries, 2 do
  local id, value = entries[i], entries[i + 1]
  local owner, score = string.match(value, '^(%S+) (%S+)$')
  local take
  if #ARGV > 1 then take = only[id] else
    take = redis.call('EXISTS', ARGV[1] .. owner) == 0 end
  if take then
    redis.call('ZADD', KEYS[2], score, id)
    redis.call('HDEL', KEYS[1], id)
    moved = moved + 1
  end
end
return moved
"""


@dataclass(frozen=True, slots=True)
class Lease:
    id: str
    payload: bytes


class SharedStore:
    """The Redis side of a distributed crawl (one instance per crawler process)."""

    def __init__(self, client: Redis, prefix: str = DEFAULT_PREFIX) -> None:
        self.client = client
        self.prefix = prefix.rstrip(":")
        p = self.prefix
        self.k_seeds = f"{p}:seeds"
        self.k_queue = f"{p}:queue"
        self.k_requests = f"{p}:requests"
        self.k_inflight = f"{p}:inflight"
        self.k_seq = f"{p}:seq"
        self.k_owner = f"{p}:owner:"
        self.k_seen = f"{p}:seen"
        self.k_urls = f"{p}:urls"
        self.k_exact = f"{p}:fp:exact"
        self.k_docs = f"{p}:fp:docs"
        self.k_post = f"{p}:fp:post:"
        self.k_version = f"{p}:fp:version"
        self.k_items = f"{p}:items"
        self._push = client.register_script(_PUSH)
        self._lease = client.register_script(_LEASE)
        self._requeue = client.register_script(_REQUEUE)

    @classmethod
    def from_url(cls, url: str, prefix: str = DEFAULT_PREFIX) -> SharedStore:
        return cls(redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10), prefix)

    def close(self) -> None:
        self.client.close()

    # -- seeds ------------------------------------------------------------------------------

    def push_seeds(self, seeds: Iterable[dict[str, str]]) -> int:
        payloads = [json.dumps(s, sort_keys=True) for s in seeds]
        if payloads:
            self.client.rpush(self.k_seeds, *payloads)
        return len(payloads)

    def read_seeds(self, start: int) -> list[dict[str, Any]]:
        """Seed entries from position ``start`` on (the list is only appended to)."""
        return [json.loads(raw) for raw in self.client.lrange(self.k_seeds, start, -1)]

    # -- requests ---------------------------------------------------------------------------

    def push(self, fingerprint: str | None, priority: int, payload: bytes) -> bool:
        """Queue a request unless its fingerprint was seen (``None``: no filter). Atomic."""
        keys = [self.k_seen, self.k_queue, self.k_requests, self.k_seq]
        return bool(self._push(keys=keys, args=[fingerprint or "", int(priority), payload]))

    def lease(self, owner: str) -> Lease | None:
        found = self._lease(keys=[self.k_queue, self.k_requests, self.k_inflight], args=[owner])
        if not found:
            return None
        return Lease(found[0].decode(), found[1])

    def ack(self, lease_id: str) -> None:
        """The request is done: forget it."""
        with self.client.pipeline() as pipe:
            pipe.hdel(self.k_inflight, lease_id)
            pipe.hdel(self.k_requests, lease_id)
            pipe.execute()

    def requeue(self, lease_ids: Sequence[str]) -> int:
        """Put these leased requests back in the queue (a crawler closing with work left)."""
        if not lease_ids:
            return 0
        return int(
            self._requeue(keys=[self.k_inflight, self.k_queue], args=[self.k_owner, *lease_ids])
        )

    def requeue_dead(self) -> int:
        """Put back the requests leased by crawlers whose heartbeat has expired."""
        return int(self._requeue(keys=[self.k_inflight, self.k_queue], args=[self.k_owner]))

    def heartbeat(self, owner: str, ttl: float) -> None:
        self.client.set(self.k_owner + owner, str(time.time()), px=max(1, int(ttl * 1000)))

    def forget_owner(self, owner: str) -> None:
        self.client.delete(self.k_owner + owner)

    def queued(self) -> int:
        return int(self.client.zcard(self.k_queue))

    def inflight(self) -> int:
        return int(self.client.hlen(self.k_inflight))

    def clear_requests(self) -> None:
        """Forget queued requests and request fingerprints (a finished, non-persistent crawl)."""
        self.client.delete(self.k_queue, self.k_requests, self.k_seen, self.k_seq)

    def reset(self) -> int:
        """Delete every key of this prefix (queue, seeds, dedup state, records)."""
        keys = list(self.client.scan_iter(match=f"{self.prefix}:*", count=1000))
        return int(self.client.delete(*keys)) if keys else 0

    def status(self) -> dict[str, int]:
        with self.client.pipeline(transaction=False) as pipe:
            pipe.llen(self.k_seeds)
            pipe.zcard(self.k_queue)
            pipe.hlen(self.k_inflight)
            pipe.scard(self.k_seen)
            pipe.scard(self.k_urls)
            pipe.llen(self.k_items)
            seeds, queued, inflight, seen, urls, items = pipe.execute()
        owners = sum(1 for _ in self.client.scan_iter(match=f"{self.k_owner}*", count=1000))
        return {
            "seeds": seeds,
            "queued": queued,
            "inflight": inflight,
            "requests_seen": seen,
            "urls_emitted": urls,
            "records": items,
            "crawlers": owners,
        }

    # -- records ----------------------------------------------------------------------------

    def url_seen(self, urls: Iterable[str]) -> bool:
        keys = list(urls)
        if not keys:
            return False
        return any(self.client.smismember(self.k_urls, keys))

    def commit(
        self,
        record: dict[str, Any],
        urls: Iterable[str],
        fingerprint: Fingerprint | None,
        threshold: float,
    ) -> tuple[str, str | None]:
        """Emit ``record`` unless its URL or its text was emitted before, by any crawler.

        Returns ``("ok", None)``, ``("duplicate_url", url)`` or ``("duplicate_content", url of
        the first record)``. Check and write are one optimistic transaction (WATCH on a
        version key), so two crawlers can never both emit the same story.
        """
        url_keys = sorted(set(urls))
        line = dumps_record(record)
        while True:
            with self.client.pipeline() as pipe:
                try:
                    pipe.watch(self.k_version)
                    if url_keys and any(pipe.smismember(self.k_urls, url_keys)):
                        return "duplicate_url", url_keys[0]
                    if fingerprint is not None:
                        first = self._find(pipe, fingerprint, threshold)
                        if first is not None:
                            return "duplicate_content", first
                    pipe.multi()
                    pipe.incr(self.k_version)
                    if url_keys:
                        pipe.sadd(self.k_urls, *url_keys)
                    if fingerprint is not None:
                        self._add(pipe, fingerprint, record.get("url") or url_keys[0])
                    pipe.rpush(self.k_items, line)
                    pipe.execute()
                    return "ok", None
                except redis.WatchError:
                    continue

    def _find(self, pipe: Any, fp: Fingerprint, threshold: float) -> str | None:
        """The URL of an emitted record with the same or a near-identical text, else None.

        Same candidate selection and score as :class:`cleaners.dedup.FingerprintIndex`.
        """
        exact = pipe.hget(self.k_exact, fp.exact)
        if exact is not None:
            return exact.decode()
        if not fp.sketch:
            return None
        values = list(fp.sketch)
        with self.client.pipeline(transaction=False) as reads:
            for value in values:
                reads.scard(self.k_post + str(value))
            sizes = reads.execute()
            wanted = [v for v, n in zip(values, sizes, strict=True) if 0 < n <= MAX_POSTINGS]
            for value in wanted:
                reads.smembers(self.k_post + str(value))
            members = reads.execute()
        shared: Counter[bytes] = Counter()
        for docs in members:
            shared.update(docs)
        need = max(1, int(len(fp.sketch) * threshold / 2))
        candidates = [doc for doc, count in shared.items() if count >= need]
        if not candidates:
            return None
        best, best_score = None, 0.0
        for raw in pipe.hmget(self.k_docs, candidates):
            if raw is None:
                continue
            url, _, sketch_text = raw.decode().partition("\t")
            sketch = tuple(int(v) for v in sketch_text.split(",") if v)
            score = similarity(fp.sketch, sketch)
            if score >= threshold and score > best_score:
                best, best_score = url, score
        return best

    def _add(self, pipe: Any, fp: Fingerprint, url: str) -> None:
        pipe.hsetnx(self.k_exact, fp.exact, url)
        if not fp.sketch:
            return
        doc = f"{url}#{fp.exact}"  # unique per emitted record
        pipe.hset(self.k_docs, doc, f"{url}\t{','.join(str(v) for v in fp.sketch)}")
        for value in fp.sketch:
            pipe.sadd(self.k_post + str(value), doc)

    def records(self, start: int = 0, end: int = -1) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.record_lines(start, end)]

    def record_lines(self, start: int = 0, end: int = -1) -> list[str]:
        """The emitted records as stored: JSON lines (`cleaners.writers.dumps_record`)."""
        lines = self.client.lrange(self.k_items, start, end)
        return [raw.decode("utf-8") if isinstance(raw, bytes) else raw for raw in lines]


def store_from_settings(settings: Any) -> SharedStore:
    """The store named by ``REDIS_URL`` and ``REDIS_KEY_PREFIX`` (Scrapy settings)."""
    url = settings.get("REDIS_URL")
    if not url:
        raise ValueError("REDIS_URL is not set")
    return SharedStore.from_url(url, settings.get("REDIS_KEY_PREFIX") or DEFAULT_PREFIX)
