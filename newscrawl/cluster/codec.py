"""Requests in the shared queue as data: JSON, never pickle.

The queue used to hold pickles of ``Request.to_dict()``; unpickling runs whatever code the
payload names, so anyone able to write to the Redis database ran code on every crawler. A
request is plain data (URL, method, headers, body, meta, callback names), so it is stored as
JSON with a small tagging of the types JSON lacks: bytes as ``{"$b": base64}`` and a mapping
with keys that are not strings as ``{"$d": [[key, value], ...]}``. A meta value of any other
type (an object a middleware put there) is not sent: the request goes without it. A payload
that does not decode is refused (`PayloadError`), never evaluated.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
from typing import Any

logger = logging.getLogger(__name__)

FORMAT = "newscrawl-request/1"
_REQUIRED = {"url": str, "method": str, "meta": dict, "headers": dict}


class PayloadError(ValueError):
    """A queued payload that is not a request in our data format."""


def encode_request(fields: dict[str, Any]) -> bytes:
    """``Request.to_dict()`` as JSON bytes (meta values that are not data are left out)."""
    data = dict(fields)
    meta = {}
    for key, value in (data.get("meta") or {}).items():
        try:
            meta[key] = _encode(value)
        except TypeError:
            logger.debug("meta[%r] (%s) is not sent through the queue", key, type(value).__name__)
    data["meta"] = meta
    encoded = {key: _encode(value) for key, value in data.items() if key != "meta"}
    encoded["meta"] = meta
    encoded["format"] = FORMAT
    return json.dumps(encoded, separators=(",", ":")).encode("utf-8")


def decode_request(payload: bytes) -> dict[str, Any]:
    """The fields for ``request_from_dict``; raises `PayloadError` for anything else."""
    try:
        data = json.loads(payload)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PayloadError(f"not a JSON request payload ({type(exc).__name__})") from None
    if not isinstance(data, dict) or data.pop("format", None) != FORMAT:
        raise PayloadError("not a request payload of this format")
    try:
        fields = {key: _decode(value) for key, value in data.items()}
    except (TypeError, ValueError, binascii.Error) as exc:
        raise PayloadError(f"malformed request payload: {exc}") from None
    for key, kind in _REQUIRED.items():
        if not isinstance(fields.get(key), kind):
            raise PayloadError(f"request payload without a valid {key!r}")
    for key in ("callback", "errback"):
        if fields.get(key) is not None and not isinstance(fields[key], str):
            raise PayloadError(f"request payload with a {key} that is not a name")
    return fields


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, bytes | bytearray):
        return {"$b": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        if all(isinstance(key, str) and not key.startswith("$") for key in value):
            return {key: _encode(item) for key, item in value.items()}
        return {"$d": [[_encode(key), _encode(item)] for key, item in value.items()]}
    raise TypeError(f"{type(value).__name__} is not data")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict):
        if set(value) == {"$b"}:
            return base64.b64decode(value["$b"], validate=True)
        if set(value) == {"$d"}:
            return {_hashable(_decode(k)): _decode(v) for k, v in value["$d"]}
        return {key: _decode(item) for key, item in value.items()}
    return value


def _hashable(key: Any) -> Any:
    if isinstance(key, list):
        raise TypeError("a mapping key that is a list")
    return key
