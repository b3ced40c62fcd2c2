"""`--dedup`: exact and near-duplicate bodies across a whole run (MinHash + LSH, datasketch).

Workers compute each ok record's MinHash signature (`signature_of`); the run keeps one
`NearDuplicates` index in input order, so the first copy of a story is the one kept, whatever
the number of workers. Memory: one signature (NUM_PERM 64-bit values) per kept record.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from cleaners.extras import require

NUM_PERM = 64
SHINGLE_WORDS = 5
# Jaccard similarity of the word 5-gram sets above which two bodies are one story: syndicated
# copies with a different footer or a trimmed last paragraph, not two reports of one event.
THRESHOLD = 0.8
SEED = 1
SCHEME = "affine32"  # datasketch 2 hashing scheme, named so stored signatures stay comparable

_WORD = re.compile(r"\w+")


@cache
def _template() -> Any:
    MinHash = require("datasketch").MinHash

    # building the permutations is the slow part: done once, shared by every signature
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {
        " ".join(words[i : i + SHINGLE_WORDS]).encode()
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def signature_of(text: str) -> tuple[int, ...]:
    """The body's MinHash values (picklable, small)."""
    MinHash = require("datasketch").MinHash

    template = _template()
    minhash = MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=template.permutations
    )
    minhash.update_batch(sorted(shingles(text)))
    return tuple(int(v) for v in minhash.hashvalues)


class NearDuplicates:
    """First-seen-wins index of bodies: `check` says which earlier record one duplicates."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        MinHashLSH = require("datasketch").MinHashLSH

        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._kept: dict[int, Any] = {}

    def check(self, key: int, signature: tuple[int, ...]) -> int | None:
        """The key of the earlier record this one duplicates, or None (and it is indexed)."""
        MinHash = require("datasketch").MinHash

        minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=signature)
        for candidate in sorted(self._lsh.query(minhash)):  # earliest first: deterministic
            if minhash.jaccard(self._kept[candidate]) >= self.threshold:
                return int(candidate)
        self._lsh.insert(key, minhash)
        self._kept[key] = minhash
        return None

    def __len__(self) -> int:
        return len(self._kept)
