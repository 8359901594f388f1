"""`make load`: 50 visitors at once on the whole stack, for a fixed time.

    python -m bench.loadtest [--quick] [--duration SECONDS] [--users N] [--no-chat] [--out FILE] [--keep]

Starts the stack (portal under gunicorn, Rasa, the action server; tools/stack.py)
on free loopback ports with a fresh SQLite database, warms the assistant up, and
runs Locust headless with bench/locustfile.py: parents on vCJG and young people
on JongIn reading pages, searching, opening the social map and the walk-in
hours, and chatting. Default 5 minutes, --quick 30 seconds. The report gives
the error rate and p50/p95 per request type: a table on stdout, JSON in FILE
(bench/results/load-latest.json) and the same table in FILE with .md. Exits 1
when more than --max-error-rate (default 0) of all requests failed, a portal worker died
or a visitor's code raised. See docs/reliability.md.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack
from pathlib import Path

from bench.load import Client
from bench.run import _clean, _commit, _rmtree
from bench.servers import ROOT, WORKERS, _bin, base_env, gunicorn, prepare_instance

RESULTS = ROOT / "bench" / "results"
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
QUICK_SECONDS, FULL_SECONDS = 30, 300


def portal_only(tmp: Path, stack: ExitStack) -> str:
    """The portal without the assistant (--no-chat): fresh instance, content and social map."""
    log = stack.enter_context(open(tmp / "prepare.log", "w"))
    env, _count = prepare_instance(tmp / "portal", ROOT / "content", log)
    env["PYTHONFAULTHANDLER"] = "1"
    subprocess.run([*_bin("flask"), "socialmap", "import"], cwd=ROOT, env=env, check=True, capture_output=True,
                   timeout=300)
    return stack.enter_context(gunicorn("portal:create_app()", env, tmp / "portal.log", health="/api/themes"))


def whole_stack(tmp: Path, stack: ExitStack) -> str:
    """Portal, Rasa and the action server; one chat message first (Rasa loads its model lazily)."""
    from tools import stack as tools_stack

    if not tools_stack.MODEL.exists():
        raise SystemExit(f"load: no trained model {tools_stack.MODEL.relative_to(ROOT)} (make model), "
                         "or run with --no-chat")
    for key in ("REDIS_URL", "DATABASE_URL", "CONTENT_DIR", "SEARCH_INDEX_DIR"):
        os.environ.pop(key, None)  # running_stack passes os.environ on: no rate limit, a fresh database
    os.environ["PYTHONFAULTHANDLER"] = "1"  # a crashing worker writes every thread's stack to its log
    urls = stack.enter_context(tools_stack.running_stack(tmp / "stack", workers=WORKERS, log_dir=tmp))
    client = Client(urls["portal"], timeout=120)
    try:
        status, _body = client.post_json("/api/chat/messages", {"text": "Hallo", "site": "vcjg"})
    finally:
        client.close()
    if status != 200:
        raise RuntimeError(f"warm-up chat message answered {status}")
    return urls["portal"]


def run_locust(url: str, users: int, spawn_rate: float, seconds: int, chat: bool, prefix: Path) -> None:
    """Locust headless; bounded in time (run time plus a margin) and only against `url` (loopback)."""
    env = {**base_env(), "PYTHONPATH": str(ROOT), "LOAD_CHAT": "1" if chat else "0"}
    cmd = [*_bin("locust"), "-f", str(LOCUSTFILE), "--headless", "--host", url, "--users", str(users),
           "--spawn-rate", str(spawn_rate), "--run-time", f"{seconds}s", "--stop-timeout", "30",
           "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0"]
    with open(prefix.parent / "locust.log", "w") as log:
        subprocess.run(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, check=True,
                       timeout=seconds + 180)


class LoadSampler:
    """The machine's 1-minute load average every 10 s during the run (other work shares the CPU)."""

    def __init__(self):
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(10):
            self.samples.append(os.getloadavg()[0])

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=15)


def read_stats(prefix: Path) -> tuple[list[dict], list[dict]]:
    """Rows per request type (the last one: all requests) and the failures, from Locust's CSV files.
    Failures include exceptions in the visitors' own code (as method "exception")."""
    rows = []
    with open(f"{prefix}_stats.csv", newline="") as f:
        for r in csv.DictReader(f):
            count, failures = int(r["Request Count"]), int(r["Failure Count"])
            rows.append({"name": "all requests" if r["Name"] == "Aggregated" else r["Name"],
                         "method": r["Type"], "requests": count, "failures": failures,
                         "error_pct": 100 * failures / count if count else 0.0, "req_s": float(r["Requests/s"]),
                         "p50_ms": _number(r["50%"]), "p95_ms": _number(r["95%"]), "p99_ms": _number(r["99%"]),
                         "mean_ms": _number(r["Average Response Time"]), "max_ms": _number(r["Max Response Time"])})
    with open(f"{prefix}_failures.csv", newline="") as f:
        failures = [{"method": r["Method"], "name": r["Name"], "error": r["Error"], "count": int(r["Occurrences"])}
                    for r in csv.DictReader(f)]
    with open(f"{prefix}_exceptions.csv", newline="") as f:
        failures += [{"method": "exception", "name": r["Nodes"], "error": r["Message"], "count": int(r["Count"])}
                     for r in csv.DictReader(f)]
    return rows, failures


def worker_crashes(portal_log: Path) -> list[str]:
    """Gunicorn's lines about workers that died (a signal, a timeout) during the run."""
    if not portal_log.exists():
        return []
    return [line.strip() for line in portal_log.read_text(errors="replace").splitlines()
            if "was sent SIG" in line or "WORKER TIMEOUT" in line or "Fatal Python error" in line]


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:  # "N/A" when a type had no request
        return None


def markdown(rows: list[dict]) -> str:
    lines = ["| request type | requests | failed | error rate | req/s | p50 ms | p95 ms | p99 ms | max ms |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        cells = [r["name"] if r["name"] != "all requests" else "**all requests**", str(r["requests"]),
                 str(r["failures"]), f"{r['error_pct']:.2f} %", f"{r['req_s']:.1f}",
                 *("-" if r[k] is None else f"{r[k]:.0f}" for k in ("p50_ms", "p95_ms", "p99_ms", "max_ms"))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="50 visitors at once on the portal and the assistant.")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SECONDS} s instead of {FULL_SECONDS} s")
    parser.add_argument("--duration", type=int, help="seconds of load (overrides --quick)")
    parser.add_argument("--users", type=int, default=50, help="visitors at once (default 50)")
    parser.add_argument("--spawn-rate", type=float, default=5.0, help="new visitors per second at the start")
    parser.add_argument("--no-chat", action="store_true", help="the portal alone, without Rasa")
    parser.add_argument("--max-error-rate", type=float, default=0.0, help="exit 1 above this share of failed requests (default 0: none may fail)")
    parser.add_argument("--out", type=Path, default=RESULTS / "load-latest.json")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, CSV)")
    args = parser.parse_args(argv)
    seconds = args.duration or (QUICK_SECONDS if args.quick else FULL_SECONDS)
    if not 1 <= seconds <= 3600 or not 1 <= args.users <= 500:
        parser.error("duration 1-3600 s, users 1-500")
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731 - progress on stderr
    tmp = Path(tempfile.mkdtemp(prefix="cjg-load-"))
    started, load_start = time.monotonic(), os.getloadavg()
    try:
        with ExitStack() as stack:
            say(f"load: starting the {'portal' if args.no_chat else 'stack'} in {tmp}")
            url = portal_only(tmp, stack) if args.no_chat else whole_stack(tmp, stack)
            say(f"load: {args.users} visitors for {seconds} s against {url}")
            with LoadSampler() as sampler:
                run_locust(url, args.users, args.spawn_rate, seconds, not args.no_chat, tmp / "locust")
        rows, failures = read_stats(tmp / "locust")
        crashes = worker_crashes(tmp / "portal.log")
        total = rows[-1] if rows else {"requests": 0, "failures": 0, "error_pct": 100.0}
        report = {
            "meta": {"date": dt.datetime.now().isoformat(timespec="seconds"), "commit": _commit(),
                     "python": platform.python_version(), "cpus": os.cpu_count(), "users": args.users,
                     "spawn_rate": args.spawn_rate, "seconds": seconds, "chat": not args.no_chat,
                     "gunicorn_workers": WORKERS, "database": "SQLite (fresh)",
                     "load_average_start": load_start, "load_average_end": os.getloadavg(),
                     "load_average_during": {"mean": sum(sampler.samples) / len(sampler.samples),
                                             "max": max(sampler.samples)} if sampler.samples else None,
                     "wall_seconds": round(time.monotonic() - started, 1)},
            "results": rows, "failures": failures, "worker_crashes": crashes,
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(_clean(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n")
        table = markdown(rows)
        args.out.with_suffix(".md").write_text(table + "\n")
        print(table)
        for f in failures:
            print(f"- {f['count']} x {f['method']} {f['name']}: {f['error']}")
        for line in crashes:
            print(f"- portal: {line}")
        during = report["meta"]["load_average_during"]
        print(f"- {args.users} visitors, {seconds} s, load average {during['mean']:.1f} (max {during['max']:.1f}) "
              f"on {os.cpu_count()} CPUs; JSON in {args.out}" if during else f"- JSON in {args.out}")
        crashed = crashes or any(f["method"] == "exception" for f in failures)
        return 0 if total["requests"] and total["error_pct"] <= 100 * args.max_error_rate and not crashed else 1
    finally:
        if args.keep:
            say(f"load: kept {tmp}")
        else:
            _rmtree(tmp)


if __name__ == "__main__":
    sys.exit(main())
