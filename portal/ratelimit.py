"""A fixed-window rate limit in Redis, shared by every portal process.
Without REDIS_URL (the zero-setup default) nothing is limited."""
from __future__ import annotations

import hashlib
import time

import redis
from flask import current_app, request


def _client():
    url = current_app.config.get("REDIS_URL")
    if not url:
        return None
    client = current_app.extensions.get("redis")
    if client is None:
        client = current_app.extensions["redis"] = redis.Redis.from_url(url, socket_timeout=0.5)
    return client


def too_many(scope: str, limit: int, window: int = 60) -> bool:
    """True when this client made more than `limit` calls in `scope` this window.
    The client is known only by a hash of its address, kept for one window."""
    client = _client()
    if client is None:
        return False
    who = hashlib.sha256(f"{current_app.config['SECRET_KEY']}{request.remote_addr}".encode()).hexdigest()[:24]
    key = f"rl:{scope}:{who}:{int(time.time() // window)}"
    try:
        count = client.incr(key)
        if count == 1:
            client.expire(key, window)
    except redis.RedisError:
        return False
    return count > limit
