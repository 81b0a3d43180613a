"""HMAC-SHA256 signatures of webhook requests, and how a receiver checks them.

Every webhook POST carries::

    Content-Type: application/json
    X-Alliance-Event: page.published
    X-Alliance-Delivery: 6f1c…            (the delivery_id in the body; same on every retry)
    X-Alliance-Timestamp: 1717171717      (Unix seconds when this attempt was sent)
    X-Alliance-Signature: sha256=<hex>

The signature is ``HMAC-SHA256(secret, "<timestamp>.<raw body>")`` in lower-case hex,
where ``secret`` is the endpoint's signing secret from the admin. The timestamp is part
of the signed message, so a captured request cannot be replayed later with a fresh
timestamp. A receiver:

1. reads the raw request body as bytes, before any JSON parsing;
2. rejects the request unless ``X-Alliance-Timestamp`` is within five minutes of its
   own clock;
3. computes ``HMAC-SHA256(secret, timestamp + "." + body)`` and compares it with the
   hex after ``sha256=`` using a constant-time comparison;
4. optionally remembers ``X-Alliance-Delivery`` for the tolerance window and ignores a
   delivery it has already processed (a retry after a lost response).

In Python, :func:`verify` below does steps 2 and 3::

    from webhooks.signing import verify
    ok = verify(secret, request.body, request.headers["X-Alliance-Timestamp"],
                request.headers["X-Alliance-Signature"])
"""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Alliance-Signature"
TIMESTAMP_HEADER = "X-Alliance-Timestamp"
EVENT_HEADER = "X-Alliance-Event"
DELIVERY_HEADER = "X-Alliance-Delivery"
SCHEME = "sha256"
DEFAULT_TOLERANCE_SECONDS = 300


def signature(secret: str, timestamp: int | str, body: bytes) -> str:
    """``sha256=<hex>`` for ``body`` sent at ``timestamp``."""
    message = str(timestamp).encode("ascii") + b"." + body
    digest = hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()
    return f"{SCHEME}={digest}"


def signed_headers(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    """The timestamp and signature headers for one attempt."""
    timestamp = int(time.time() if now is None else now)
    return {
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature(secret, timestamp, body),
    }


def verify(
    secret: str,
    body: bytes,
    timestamp: str | None,
    received_signature: str | None,
    *,
    tolerance: int = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> bool:
    """Whether a received request is authentic and fresh: the receiver's side of the contract."""
    if not timestamp or not received_signature:
        return False
    try:
        sent_at = int(timestamp)
    except ValueError:
        return False
    current = time.time() if now is None else now
    if abs(current - sent_at) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, sent_at, body), received_signature)
