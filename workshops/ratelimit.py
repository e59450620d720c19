"""Fixed-window rate limits counted in Django's cache.

The cache is shared by every app server (CACHE_URL), so the limits hold with several
gunicorn workers; a process-local counter would not. Client addresses appear only as a
keyed hash in a cache key that expires after a few minutes; they are never stored.
"""

import hashlib
import hmac
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from atlasplan.audit import client_address

WINDOW_SECONDS = 60
# A participant answers a dozen statements and may change a few answers: 60 a minute is
# far more than a person needs and far less than a script would send.
VOTES_PER_BALLOT = 60
# New ballots per client address and minute: a whole room behind one NAT still fits.
BALLOTS_PER_CLIENT = 200
# Unknown workshop codes per client address and minute, so codes cannot be guessed by
# trying them all; a room mistyping a code now and then stays far below it. Past it, an
# unknown code is answered "too many tries"; a valid code and a ballot's votes still pass.
CODE_MISSES_PER_CLIENT = 30


def allow(key: str, limit: int, window: int = WINDOW_SECONDS) -> bool:
    """Count one request under ``key``; False once more than ``limit`` came in this window."""
    bucket = f"ratelimit:{key}:{int(time.time() // window)}"
    if cache.add(bucket, 1, timeout=window * 2):
        return True
    try:
        count = cache.incr(bucket)
    except ValueError:  # expired between add and incr
        cache.add(bucket, 1, timeout=window * 2)
        return True
    return count <= limit


def exceeded(key: str, limit: int, window: int = WINDOW_SECONDS) -> bool:
    """True when ``key`` counted more than ``limit`` in this window (counts nothing)."""
    return (cache.get(f"ratelimit:{key}:{int(time.time() // window)}") or 0) > limit


def client_key(request: HttpRequest) -> str:
    address = client_address(request)
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def allow_client(request: HttpRequest, action: str, limit: int) -> bool:
    return allow(f"{action}:{client_key(request)}", limit)


def client_exceeded(request: HttpRequest, action: str, limit: int) -> bool:
    return exceeded(f"{action}:{client_key(request)}", limit)
