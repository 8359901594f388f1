"""Where a page's time goes: cProfile over a test-client loop, summed per part
(database, templates, Markdown, search engine stages).

    python -m bench.profile /ouders/artikel/baby-huilt-veel "/zoeken?q=baby+huilt"
    python -m bench.profile --corpus 2000 "/zoeken?q=pesten+op+school"
    python -m bench.profile --instance /tmp/inst --content-dir /tmp/corpus /ouders/thema/slapen
    python -m bench.profile --corpus 2000 --engine      # search engine: what each feature costs

Without --instance a temporary instance is prepared (db upgrade + content import).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

# (label, file fragment, function name): cumulative time of these functions.
PARTS = [
    ("view function (all)", "/portal/views/", None),
    ("SQL: Session.execute (queries + loading tags)", "sqlalchemy/orm/session.py", "_execute_internal"),
    ("loading tags (selectin, with its queries)", "sqlalchemy/orm/strategies.py", "_load_for_path"),
    ("compose.article", "/portal/content/compose.py", "article"),
    ("compose.related", "/portal/content/compose.py", "related"),
    ("compose.additions", "/portal/content/compose.py", "additions"),
    ("compose.link_paths", "/portal/content/compose.py", "link_paths"),
    ("compose.articles", "/portal/content/compose.py", "articles"),
    ("Markdown to HTML (render)", "/portal/content/render.py", "render"),
    ("templates: render_template", "flask/templating.py", "render_template"),
    ("search: SearchIndex.search", "/portal/search/engine.py", "search"),
    ("  whoosh: matching, scoring, collecting", "whoosh/collectors.py", "run"),
    ("  whoosh: facet counts (categorizers)", "whoosh/collectors.py", "set_subsearcher"),
    ("  whoosh: highlighted snippets", "whoosh/searching.py", "highlights"),
    ("  Dutch analyzer (query + snippets)", "/portal/search/dutch.py", "__call__"),
]


def summarize(stats: pstats.Stats, total: float, n: int) -> str:
    rows = []
    for label, fragment, func in PARTS:
        ct = 0.0
        for (filename, _line, name), (_cc, _nc, _tt, cumulative, callers) in stats.stats.items():
            if fragment in filename and (func is None or name == func):
                # count only the outermost calls: skip calls from the same function (recursion)
                if func is not None and any(c[2] == name and fragment in c[0] for c in callers):
                    continue
                if func is None and any(fragment in c[0] for c in callers):
                    continue
                ct += cumulative
        if ct:
            rows.append(f"  {label:<48} {ct / n * 1000:8.2f} ms  {ct / total:6.1%}")
    return "\n".join(rows)


def engine_ablation(index_dir: Path, queries: list[str], reps: int) -> str:
    """SearchIndex.search with one feature switched off at a time (patched in this
    process only): the median and p95 per query over all queries, in ms."""
    from contextlib import ExitStack
    from unittest import mock

    from bench.load import percentile
    from portal.search import SearchIndex, engine

    index = SearchIndex(index_dir)
    variants = {
        "as is": [],
        "without facet counts": [mock.patch.object(engine, "FACETS", ())],
        "without highlighted snippets": [mock.patch.object(engine, "make_snippet", lambda text, terms: "")],
        "without synonyms": [mock.patch.object(engine, "synonyms_of", lambda word: [])],
        "without the municipality filter": ["no-municipality"],
        "without facets and snippets": [
            mock.patch.object(engine, "FACETS", ()),
            mock.patch.object(engine, "make_snippet", lambda text, terms: "")],
    }
    for q in queries:
        index.search(q, municipality="deventer")
    times: dict[str, list[float]] = {label: [] for label in variants}
    for _ in range(reps):  # variants interleaved, so that drift in the machine's load affects all alike
        for label, patches in variants.items():
            municipality = None if "no-municipality" in patches else "deventer"
            with ExitStack() as stack:
                for patch in patches:
                    if patch != "no-municipality":
                        stack.enter_context(patch)
                for q in queries:
                    t0 = time.perf_counter()
                    index.search(q, municipality=municipality)
                    times[label].append((time.perf_counter() - t0) * 1000)
    lines = [f"  {'variant':<46} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}"]
    for label, values in times.items():
        lines.append(f"  {label:<46} {percentile(values, 50):8.1f} {percentile(values, 95):8.1f} "
                     f"{sum(values) / len(values):8.1f}")
    fuzzy = {}
    searcher = index._current_searcher()
    for q in queries:
        found: list[str] = []
        for word in engine._words(q):
            index._term_query(searcher, word, found, set())
        if found:
            fuzzy[q] = found
    lines.append("  queries with fuzzy (typo) expansion: " +
                 "; ".join(f"{q!r} -> {', '.join(v)}" for q, v in fuzzy.items()))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--engine", action="store_true",
                        help="search engine only: the cost of each feature over the benchmark's queries")
    parser.add_argument("--instance", type=Path, help="an instance that is already prepared")
    parser.add_argument("--content-dir", type=Path, help="CONTENT_DIR of that instance")
    parser.add_argument("--corpus", type=int, help="prepare an instance with this many generated articles")
    parser.add_argument("-n", type=int, default=100, help="requests per path (at most 2000)")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args(argv)
    n = max(1, min(args.n, 2000))

    instance = args.instance
    if instance is None:
        tmp = Path(tempfile.mkdtemp(prefix="cjg-profile-"))
        from bench import corpus
        from bench.servers import prepare_instance
        content = corpus.CONTENT
        if args.corpus:
            content = tmp / "corpus"
            corpus.generate(content, args.corpus)
        instance = tmp / "instance"
        with open(tmp / "prepare.log", "w") as log:
            prepare_instance(instance, content, log)
        args.content_dir = content
    os.environ["INSTANCE_PATH"] = str(instance)
    os.environ.pop("REDIS_URL", None)
    if args.content_dir:
        os.environ["CONTENT_DIR"] = str(args.content_dir)

    if args.engine:
        from bench.run import QUERIES
        print(f"== SearchIndex.search over {len(QUERIES)} queries x {max(1, n // 20)}:")
        print(engine_ablation(instance / "search-index", QUERIES, max(1, n // 20)))

    from portal import create_app
    app = create_app()
    client = app.test_client()
    for path in args.paths:
        status = client.get(path).status_code
        for _ in range(min(n, 10)):  # warm-up
            client.get(path)
        t0 = time.perf_counter()
        for _ in range(n):
            client.get(path)
        plain = (time.perf_counter() - t0) / n * 1000
        profiler = cProfile.Profile()
        t0 = time.perf_counter()
        profiler.enable()
        for _ in range(n):
            client.get(path)
        profiler.disable()
        total = time.perf_counter() - t0
        stats = pstats.Stats(profiler)
        print(f"\n== GET {path} ({status}): {plain:.2f} ms per request without the profiler, "
              f"{total / n * 1000:.2f} ms with it; shares of the profiled time:")
        print(summarize(stats, total, n))
        if args.top <= 0:
            continue
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.top)
        lines = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
        print("  top functions by own time:")
        print("\n".join(line for line in lines[start:] if line.strip()))
    if args.instance is None:
        import shutil
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
