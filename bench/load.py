"""A small closed-loop HTTP load generator.

N client threads, each with its own keep-alive connection (http.client), send
one request, read the whole response, and send the next one. The run stops at
a fixed duration or a fixed request count, whichever comes first: every loop
is bounded in count and in time. Only loopback addresses are allowed.
"""
from __future__ import annotations

import http.client
import json
import math
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Callable, Sequence
from urllib.parse import urlsplit

LOOPBACK = ("127.0.0.1", "localhost", "::1")
MAX_REQUESTS = 1_000_000  # hard cap when only a duration is given
MAX_SECONDS = 600.0  # hard cap when only a request count is given


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of unsorted values; NaN when empty."""
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


@dataclass
class LoadResult:
    """Throughput and latency of one load run. Latencies in milliseconds."""
    name: str
    clients: int
    requests: int  # successful (2xx/3xx) responses
    errors: int  # other statuses and connection errors
    seconds: float
    throughput: float  # successful responses per second
    p50: float
    p95: float
    p99: float
    mean: float
    statuses: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        data = asdict(self)
        data.pop("latencies")
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in data.items()}

    @classmethod
    def from_samples(cls, name: str, clients: int, ms: list[float], errors: int, seconds: float,
                     statuses: dict[str, int] | None = None) -> "LoadResult":
        """From latencies in milliseconds."""
        return cls(name=name, clients=clients, requests=len(ms), errors=errors, seconds=seconds,
                   throughput=len(ms) / seconds if seconds > 0 else 0.0,
                   p50=percentile(ms, 50), p95=percentile(ms, 95), p99=percentile(ms, 99),
                   mean=sum(ms) / len(ms) if ms else math.nan, statuses=dict(statuses or {}), latencies=ms)


def merge(name: str, results: Sequence[LoadResult]) -> LoadResult:
    """One result from several runs of the same target (e.g. several rounds)."""
    statuses: Counter = Counter()
    for r in results:
        statuses.update(r.statuses)
    return LoadResult.from_samples(name, results[0].clients if results else 0,
                                   [x for r in results for x in r.latencies], sum(r.errors for r in results),
                                   sum(r.seconds for r in results), statuses)


class Client:
    """One keep-alive HTTP/1.1 connection to a loopback server; reconnects when
    the server closes it."""

    def __init__(self, base_url: str, timeout: float = 30.0):
        parts = urlsplit(base_url)
        if parts.scheme != "http" or parts.hostname not in LOOPBACK:
            raise ValueError(f"only http on a loopback address: {base_url}")
        self.host, self.port, self.timeout = parts.hostname, parts.port or 80, timeout
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, bytes, http.client.HTTPResponse]:
        """Send one request and read the whole response; a GET is retried once on a
        stale keep-alive connection (a POST is not: it could be sent twice)."""
        for attempt in ((1, 2) if method == "GET" else (2,)):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError,
                    http.client.CannotSendRequest, http.client.ResponseNotReady, http.client.BadStatusLine):
                self.close()
                if attempt == 2:
                    raise
                continue
            if response.will_close:
                self.close()
            return response.status, data, response
        raise AssertionError("unreachable")

    def post_json(self, path: str, payload: dict, headers: dict | None = None) -> tuple[int, object]:
        body = json.dumps(payload).encode()
        status, data, _ = self.request("POST", path, body, {"Content-Type": "application/json",
                                                              **(headers or {})})
        try:
            return status, json.loads(data or b"null")
        except ValueError:
            return status, None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def run_load(base_url: str, paths: Sequence[str] | Callable[[int], str], *, name: str = "",
             clients: int = 4, duration: float | None = 10.0, max_requests: int | None = None,
             warmup: int = 0, timeout: float = 30.0) -> LoadResult:
    """Closed loop: `clients` threads request `paths` in rotation until `duration`
    seconds have passed or `max_requests` responses were received.

    `paths` is a list (taken in rotation over all clients) or a function of the
    request number. `warmup` requests per client are sent first and not counted.
    """
    if duration is None and max_requests is None:
        raise ValueError("give a duration or a request count")
    duration = min(duration if duration is not None else MAX_SECONDS, MAX_SECONDS)
    max_requests = min(max_requests if max_requests is not None else MAX_REQUESTS, MAX_REQUESTS)
    pick = paths if callable(paths) else (lambda i, _p=tuple(paths): _p[i % len(_p)])

    lock = threading.Lock()
    counter = iter(range(max_requests))  # next() under the lock: the shared request budget
    state = {"start": 0.0, "deadline": 0.0}

    def go() -> None:  # run by one thread when all have arrived, before any is released
        state["start"] = time.perf_counter()
        state["deadline"] = state["start"] + duration

    start_barrier = threading.Barrier(clients + 1, action=go)
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    statuses: list[Counter] = [Counter() for _ in range(clients)]
    ends = [0.0] * clients

    def worker(k: int) -> None:
        client = Client(base_url, timeout)
        try:
            for w in range(warmup):
                try:
                    client.request("GET", pick(k + w * clients))
                except (OSError, http.client.HTTPException):
                    client.close()
            start_barrier.wait()
            while time.perf_counter() < state["deadline"]:
                with lock:
                    i = next(counter, None)
                if i is None:
                    break
                path = pick(i)
                t0 = time.perf_counter()
                try:
                    status, _data, _r = client.request("GET", path)
                except (OSError, http.client.HTTPException):
                    client.close()
                    errors[k] += 1
                    statuses[k]["error"] += 1
                    continue
                elapsed = time.perf_counter() - t0
                statuses[k][str(status)] += 1
                if 200 <= status < 400:
                    latencies[k].append(elapsed * 1000)
                else:
                    errors[k] += 1
            ends[k] = time.perf_counter()
        finally:
            client.close()

    threads = [threading.Thread(target=worker, args=(k,), daemon=True) for k in range(clients)]
    for t in threads:
        t.start()
    start_barrier.wait(timeout=timeout * max(1, warmup) + 60)
    for t in threads:
        t.join(timeout=duration + timeout + 30)
    seconds = (max(ends) or time.perf_counter()) - state["start"]
    all_statuses: Counter = Counter()
    for c in statuses:
        all_statuses.update(c)
    return LoadResult.from_samples(name or base_url, clients, [x for part in latencies for x in part],
                                   sum(errors), seconds, all_statuses)
