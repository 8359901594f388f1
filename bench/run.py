"""`make bench`: the portal's pages, its search and its chat, each as a ratio
to a baseline measured in the same run.

    python -m bench.run [--quick] [--skip-chat] [--no-train] [--out FILE]

1. baseline: a minimal Flask+Jinja page (bench/baseline_app.py) under gunicorn;
2. the portal with the real content: an article, a theme and the search page;
3. 2,000 generated articles: the search engine in-process and the search page over HTTP;
4. chat: the same conversations through the portal and directly to Rasa, 1 and 20 at a time.

Every server runs under gunicorn with gunicorn.conf.py (2 gthread workers, 16 threads each), on
free loopback ports, in a temporary directory. Results: a table on stdout,
JSON in bench/results/latest.json. See docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import quote_plus

from bench import corpus
from bench.load import Client, LoadResult, merge, run_load
from bench.servers import ROOT, THREADS, WORKERS, base_env, gunicorn, prepare_instance

RESULTS = ROOT / "bench" / "results"
ARTICLE = "/ouders/artikel/baby-huilt-veel"
THEME = "/ouders/thema/slapen"
CORPUS_SIZE = 2000

# What parents and young people type into the search box (with a few typos).
QUERIES = [
    "baby huilt veel", "slapen", "driftbui peuter", "pesten op school", "scheiding kinderen", "zakgeld",
    "puberteit", "alcohol", "gamen", "zindelijk worden", "borstvoeding", "ruzie met ouders", "somber",
    "schulden", "verliefd", "slaapen", "huiswerk", "faalangst", "consultatiebureau",
    "mijn kind wil niet naar school", "bedplassen", "blowen", "schermtijd", "inloopspreekuur",
    "zwanger", "vapen", "eenzaam", "peuter eet niet", "grenzen stellen", "bijbaan",
]

GOALS = {
    "article_throughput_ratio": 0.5,  # article page: at least half of the baseline's req/s
    "search_p95_ms": 30.0,  # search page at 2,000 articles: p95 at most 30 ms
    "chat_ratio": 1.5,  # chat through the portal: at most 1.5 times direct
}


class Settings:
    def __init__(self, quick: bool):
        self.quick = quick
        self.rounds = 1 if quick else 2  # each page is measured this often, interleaved with the others
        self.load_seconds = 2.0 if quick else 6.0  # per round: closed loop with `clients` threads
        self.latency_seconds = 1.5 if quick else 4.0  # per round: one client, no queueing
        self.latency_max = 150 if quick else 600  # at most this many requests per latency run
        self.clients = 4
        self.engine_queries = 300 if not quick else 90
        self.corpus_size = CORPUS_SIZE
        self.chat_rounds_1 = 2 if quick else 6
        self.chat_rounds_20 = 1 if quick else 2


def ms(x: float) -> str:
    return "-" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:.1f}"


def ratio(a: float, b: float) -> float | None:
    if not a or not b or math.isnan(a) or math.isnan(b):
        return None
    return a / b


def fmt_ratio(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def check_page(url: str, path: str) -> tuple[int, bytes]:
    client = Client(url)
    try:
        status, body, _ = client.request("GET", path)
        return status, body
    finally:
        client.close()


def pick_article(url: str) -> str:
    """The brief's article when it exists, else the first published parents' article."""
    if check_page(url, ARTICLE)[0] == 200:
        return ARTICLE
    status, body = check_page(url, "/api/articles?audience=ouders&limit=1")
    items = json.loads(body).get("items", []) if status == 200 else []
    if not items:
        raise RuntimeError("no published article to measure")
    return items[0]["url"]


def search_paths(queries: list[str]) -> list[str]:
    return [f"/zoeken?q={quote_plus(q)}" for q in queries]


def measure_pages(targets: dict[str, tuple[str, list[str]]], s: Settings, log) -> dict[str, dict[str, LoadResult]]:
    """Every target: a closed-loop run with `clients` threads (throughput and loaded latency)
    and a one-client run (latency without queueing); targets interleaved, `rounds` times."""
    parts: dict[str, dict[str, list[LoadResult]]] = {name: {"load": [], "single": []} for name in targets}
    for name, (url, paths) in targets.items():  # warm-up: every worker opens the index, fills caches
        run_load(url, paths, name=name, clients=s.clients, duration=2.0, max_requests=8 * len(paths) + 40)
    for r in range(s.rounds):
        order = list(targets.items())
        if r % 2:
            order.reverse()
        for name, (url, paths) in order:
            rotated = paths[r % len(paths):] + paths[:r % len(paths)]
            load = run_load(url, rotated, name=name, clients=s.clients, duration=s.load_seconds, warmup=1)
            single = run_load(url, rotated, name=name, clients=1, duration=s.latency_seconds,
                              max_requests=s.latency_max)
            for kind, res in (("load", load), ("single", single)):
                parts[name][kind].append(res)
                log.write(f"round {r + 1} {name} {kind}: {res.as_dict()}\n")
            log.flush()
    merged = {name: {kind: merge(name, runs) for kind, runs in kinds.items()} for name, kinds in parts.items()}
    for name, kinds in parts.items():  # per round, to judge how stable the figures are
        merged[name]["rounds"] = kinds["load"]
    return merged


def measure_engine(index_dir: Path, queries: list[str], count: int) -> LoadResult:
    """SearchIndex.search in this process, one query after the other, as the search page calls it."""
    from portal.search import SearchIndex

    index = SearchIndex(index_dir)
    for q in queries:  # warm-up: open the index, load the vocabulary
        index.search(q, municipality="deventer")
    latencies, errors = [], 0
    t_start = time.perf_counter()
    for i in range(count):
        q = queries[i % len(queries)]
        t0 = time.perf_counter()
        try:
            index.search(q, municipality="deventer", page=1, page_size=10)
        except Exception:  # noqa: BLE001 - counted, not fatal
            errors += 1
            continue
        latencies.append((time.perf_counter() - t0) * 1000)
    return LoadResult.from_samples("search engine", 1, latencies, errors, time.perf_counter() - t_start)


def page_rows(results: dict[str, dict[str, LoadResult]], labels: dict[str, str]) -> list[dict]:
    base = results["baseline"]
    rows = []
    for name, kinds in results.items():
        load, single = kinds["load"], kinds["single"]
        per_round = [{"req_s": round(r.throughput, 1),
                      "throughput_ratio": ratio(r.throughput, b.throughput)}
                     for r, b in zip(kinds["rounds"], base["rounds"])]
        row = {
            "name": labels[name], "key": name, "kind": "page",
            "req_s": round(load.throughput, 1),
            "p50_ms": round(single.p50, 2), "p95_ms": round(single.p95, 2),
            "loaded_p50_ms": round(load.p50, 2), "loaded_p95_ms": round(load.p95, 2),
            "throughput_ratio": ratio(load.throughput, base["load"].throughput),
            "p50_ratio": ratio(single.p50, base["single"].p50),
            "p95_ratio": ratio(single.p95, base["single"].p95),
            "errors": load.errors + single.errors, "requests": load.requests + single.requests,
            "goal": None, "met": None,
            "load": load.as_dict(), "single": single.as_dict(), "rounds": per_round,
        }
        if name == "article":
            row["goal"] = f"req/s >= {GOALS['article_throughput_ratio']} x baseline"
            row["met"] = row["throughput_ratio"] is not None and row["throughput_ratio"] >= \
                GOALS["article_throughput_ratio"]
        if name == "search_2000":
            row["goal"] = f"p95 <= {GOALS['search_p95_ms']:.0f} ms"
            row["met"] = single.p95 <= GOALS["search_p95_ms"]
        rows.append(row)
    return rows


def chat_part(s: Settings, tmp: Path, args, notes: list[str]) -> list[dict]:
    from tools import stack

    rasa_bin = stack.BOT / ".venv" / "bin" / "rasa"
    if args.skip_chat:
        notes.append("chat: skipped (--skip-chat)")
        return []
    if not rasa_bin.exists():
        notes.append(f"chat: skipped, {rasa_bin.relative_to(ROOT)} is missing (make install-bot)")
        return []
    if not stack.MODEL.exists():
        notes.append(f"chat: skipped, no trained model {stack.MODEL.relative_to(ROOT)} (make model)")
        return []
    if not args.no_train:
        t0 = time.monotonic()
        stack.train_model()
        notes.append(f"chat: train_model() took {time.monotonic() - t0:.0f} s (not part of any figure)")
    for key in ("REDIS_URL", "DATABASE_URL", "CONTENT_DIR", "SEARCH_INDEX_DIR"):
        os.environ.pop(key, None)  # running_stack passes os.environ on: no rate limit, a fresh database
    rows = []
    from bench import chat

    deadline = time.monotonic() + (90 if s.quick else 300)
    with stack.running_stack(tmp / "chat", workers=WORKERS, log_dir=tmp / "chat") as urls:
        chat.measure(urls["portal"], urls["rasa"], 1, 1)  # warm-up: Rasa loads the model lazily
        for concurrent, rounds in ((1, s.chat_rounds_1), (20, s.chat_rounds_20)):
            res = chat.measure(urls["portal"], urls["rasa"], concurrent, rounds, deadline=deadline)
            direct, portal = res["direct"], res["portal"]
            if res["unavailable"]:
                notes.append(f"chat c={concurrent}: {res['unavailable']} portal answers without the assistant "
                             "(contact options): the ratio is not meaningful")
            for label, result in (("direct", direct), ("portal", portal)):
                if result.errors:
                    notes.append(f"chat c={concurrent} {label}: {result.errors} failed messages (status other "
                                 "than 200; the conversation stops there) - see the portal's log (--keep)")
            r50, r95 = ratio(portal.p50, direct.p50), ratio(portal.p95, direct.p95)
            for path, result in (("direct (Rasa REST)", direct), ("through the portal", portal)):
                rows.append({
                    "name": f"chat, {concurrent} conversation{'s' if concurrent > 1 else ''}: {path}",
                    "key": f"chat_{concurrent}_{'direct' if result is direct else 'portal'}", "kind": "chat",
                    "req_s": round(result.throughput, 2), "p50_ms": round(result.p50, 1),
                    "p95_ms": round(result.p95, 1), "throughput_ratio": None,
                    "p50_ratio": 1.0 if result is direct else r50, "p95_ratio": 1.0 if result is direct else r95,
                    "errors": result.errors, "requests": result.requests,
                    "goal": None if result is direct else f"p50 <= {GOALS['chat_ratio']} x direct",
                    "met": None if result is direct else (r50 is not None and r50 <= GOALS["chat_ratio"]),
                    "load": result.as_dict(),
                })
    return rows


def markdown_table(rows: list[dict]) -> str:
    head = ("| measurement | req/s | x baseline | p50 ms | p95 ms | p50 x baseline | p95 x baseline "
            "| p95 ms under load | goal | met |")
    lines = [head, "|" + "---|" * 10]
    for r in rows:
        met = "" if r["met"] is None else ("yes" if r["met"] else "**no**")
        lines.append(f"| {r['name']} | {r['req_s'] if r['req_s'] is not None else '-'} "
                     f"| {fmt_ratio(r.get('throughput_ratio'))} | {ms(r['p50_ms'])} | {ms(r['p95_ms'])} "
                     f"| {fmt_ratio(r.get('p50_ratio'))} | {fmt_ratio(r.get('p95_ratio'))} "
                     f"| {ms(r.get('loaded_p95_ms', math.nan))} | {r['goal'] or ''} | {met} |")
    return "\n".join(lines)


def pages_part(s: Settings, tmp: Path, log, notes: list[str], say) -> tuple[list[dict], dict]:
    """Steps a-c: the baseline, the portal with the real content, the 2,000-article index."""
    say("bench: preparing the portal with the real content")
    env_real, real_count = prepare_instance(tmp / "real", corpus.CONTENT, log)
    say(f"bench: generating {s.corpus_size} articles and importing them")
    content_big = tmp / "corpus"
    t0 = time.monotonic()
    corpus.generate(content_big, s.corpus_size)
    env_big, big_count = prepare_instance(tmp / "big", content_big, log)
    if big_count != s.corpus_size:
        notes.append(f"the generated corpus: {big_count} of {s.corpus_size} articles in the index")
    notes.append(f"corpus of {s.corpus_size} articles generated and imported in {time.monotonic() - t0:.0f} s")

    with ExitStack() as servers:
        say("bench: starting gunicorn for the baseline and the two portals")
        baseline = servers.enter_context(gunicorn("bench.baseline_app:app", base_env(), tmp / "baseline.log"))
        portal = servers.enter_context(gunicorn("portal:create_app()", env_real, tmp / "portal.log",
                                                health="/api/themes"))
        big = servers.enter_context(gunicorn("portal:create_app()", env_big, tmp / "portal-2000.log",
                                             health="/api/themes"))
        article = pick_article(portal)
        queries = list(QUERIES)
        random.Random(7).shuffle(queries)
        targets = {
            "baseline": (baseline, ["/", "/pagina/slapen", "/pagina/huilen"]),
            "article": (portal, [article]),
            "theme": (portal, [THEME]),
            "search": (portal, search_paths(queries)),
            "search_2000": (big, search_paths(queries)),
        }
        for name, (url, paths) in targets.items():
            for path in paths[:3]:
                status, _ = check_page(url, path)
                if status != 200:
                    raise RuntimeError(f"{name}: GET {path} answered {status}")
        say("bench: measuring the pages "
            f"({s.rounds} round(s), {s.load_seconds:.0f} s with {s.clients} clients + "
            f"{s.latency_seconds:.0f} s with 1 client per page and round)")
        results = measure_pages(targets, s, log)
    say(f"bench: search engine in-process, {s.engine_queries} queries over {s.corpus_size} articles")
    engine = measure_engine(tmp / "big" / "search-index", queries, s.engine_queries)

    labels = {"baseline": "baseline: minimal Flask+Jinja page",
              "article": f"article page {article}", "theme": f"theme page {THEME}",
              "search": f"search page /zoeken (real content, {real_count} articles)",
              "search_2000": f"search page /zoeken ({s.corpus_size} articles)"}
    rows = page_rows(results, labels)
    for row in rows:
        if row["errors"]:
            statuses = {k: v for k, v in row["load"]["statuses"].items() if k != "200"}
            notes.append(f"{row['key']}: {row['errors']} failed requests {statuses} (not in the latencies)")
    if s.rounds > 1:
        notes.append("req/s x baseline per round (stability): " + "; ".join(
            f"{r['key']} " + "/".join(fmt_ratio(x["throughput_ratio"]) for x in r["rounds"])
            for r in rows if r["key"] != "baseline"))
    rows.append({"name": f"search engine in-process ({s.corpus_size} articles)", "key": "engine_2000",
                 "kind": "engine", "req_s": round(engine.throughput, 1), "p50_ms": round(engine.p50, 2),
                 "p95_ms": round(engine.p95, 2), "throughput_ratio": None, "p50_ratio": None,
                 "p95_ratio": None,
                 "errors": engine.errors, "requests": engine.requests,
                 "goal": f"(p95 <= {GOALS['search_p95_ms']:.0f} ms for the page)",
                 "met": None, "load": engine.as_dict()})
    return rows, {"article": article, "theme": THEME, "queries": queries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Portal benchmarks (ratios to a baseline of the same run).")
    parser.add_argument("--quick", action="store_true", help="a short smoke run (about a minute without chat)")
    parser.add_argument("--skip-chat", action="store_true", help="leave out the chat measurements")
    parser.add_argument("--no-train", action="store_true", help="use bot/models/cjg.tar.gz as it is")
    parser.add_argument("--out", type=Path, default=RESULTS / "latest.json")
    parser.add_argument("--only", choices=("pages", "chat"), help="run one part only")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, instances)")
    args = parser.parse_args(argv)
    s = Settings(args.quick)
    started = time.monotonic()
    load_at_start = os.getloadavg()
    notes: list[str] = []

    tmp = Path(tempfile.mkdtemp(prefix="cjg-bench-"))
    log = open(tmp / "bench.log", "w")
    say = lambda text: print(text, file=sys.stderr, flush=True)  # noqa: E731 - progress on stderr
    try:
        say(f"bench: working in {tmp}")
        if load_at_start[0] > 0.5 * (os.cpu_count() or 1):
            notes.append(f"the machine was busy at the start (load average {load_at_start[0]:.1f} on "
                         f"{os.cpu_count()} CPUs): absolute times are inflated; the ratios less so")
        rows, page_meta = [], {}
        if args.only != "chat":
            rows, page_meta = pages_part(s, tmp, log, notes, say)

        try:
            if args.only != "pages":
                say("bench: chat")
                rows += chat_part(s, tmp, args, notes)
        except Exception as exc:  # noqa: BLE001 - the page figures are still worth writing
            notes.append(f"chat: failed: {exc!r} (logs in {tmp / 'chat'})")
            args.keep = True

        report = {
            "meta": {
                "date": dt.datetime.now().isoformat(timespec="seconds"), "quick": s.quick,
                "commit": _commit(), "python": platform.python_version(), "cpus": os.cpu_count(),
                "load_average_start": load_at_start,
                "load_average_end": os.getloadavg(), "gunicorn": {"workers": WORKERS, "threads": THREADS,
                                                             "worker_class": "gthread"},
                "clients": s.clients, "rounds": s.rounds, "load_seconds": s.load_seconds,
                "latency_seconds": s.latency_seconds, "corpus_size": s.corpus_size,
                **page_meta, "goals": GOALS,
                "seconds": round(time.monotonic() - started, 1),
            },
            "results": rows, "notes": notes,
        }
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(_clean(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n")
        print(markdown_table(rows))
        print()
        if any(r["kind"] == "chat" for r in rows):
            print("- chat rows: 'x baseline' is the ratio to Rasa's REST channel called directly, same messages, "
                  "same run")
        for note in notes:
            print(f"- {note}")
        print(f"- {s.clients} clients for req/s and 'under load'; p50/p95 with one client. "
              f"Run took {report['meta']['seconds']:.0f} s; JSON in {_rel(args.out)}")
        return 0
    finally:
        log.close()
        if args.keep:
            say(f"bench: kept {tmp}")
        else:
            _rmtree(tmp)


def _clean(value):
    """JSON without NaN; ratios and times rounded."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 3)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def _commit() -> str | None:
    try:  # read-only
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip() or None
    except OSError:
        return None


def _rel(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _rmtree(path: Path) -> None:
    import shutil
    shutil.rmtree(path, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
