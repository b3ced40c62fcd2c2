"""A colour per reason: the documented reasons in a fixed order, others by a stable hash.

Colours are only ever these constants (never taken from data), so a record's reason string
cannot inject CSS.
"""

from __future__ import annotations

import hashlib

from cleaners.reasons import BLOCK_REASONS, REJECT_REASONS

# Distinct on white, dark enough for a 2 px strike-through line and a tinted background.
COLOURS = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#393b79", "#ad494a", "#637939", "#7b4173", "#843c39", "#e6ab02", "#a6761d",
    "#31a354", "#756bb1", "#636363", "#a55194", "#6b6ecf", "#8ca252", "#0b6e4f", "#c2185b",
    "#5d4037",
)  # fmt: skip
KEPT = "#4a4a4a"
OUTSIDE = "#9e9e9e"
OTHER = "#bdbdbd"

_KNOWN = {reason: i for i, reason in enumerate([*BLOCK_REASONS, *REJECT_REASONS])}


def colour(reason: str) -> str:
    """The reason's colour: fixed for documented reasons, stable for any other string."""
    index = _KNOWN.get(reason)
    if index is None:
        index = int(hashlib.sha1(reason.encode("utf-8", "replace")).hexdigest(), 16)
    return COLOURS[index % len(COLOURS)]
