"""`make eval`: send every item of an evaluation file as the first message of a
fresh conversation through the portal's chat API and score the first reply
(see ../shared/design/assistant-contract.md). Uses the stack at PORTAL_URL when
set, otherwise starts one."""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

import requests
import yaml

from tools.stack import running_stack, train_model


class Checker:
    """Looks up what a payload points to in the portal's API (cached)."""

    def __init__(self, portal: str):
        self.portal, self.cache = portal, {}

    def lookup(self, kind: str, slug: str) -> dict:
        key = (kind, slug)
        if key not in self.cache:
            response = requests.get(f"{self.portal}/api/{kind}/{slug}", timeout=10)
            self.cache[key] = response.json() if response.ok else {}
        return self.cache[key]

    def satisfies(self, expect: str, payloads: list[dict]) -> bool:
        kind, _sep, value = expect.partition(":")
        for p in payloads:
            t = p.get("type")
            if kind == "theme" and t == "article" and value in self.lookup("articles", p.get("slug", "")).get("themes", []):
                return True
            if kind == "service" and t == "service" and value in self.lookup("services", p.get("slug", "")).get("categories", []):
                return True
            if kind == "location" and t == "location" and (not value or self.lookup("locations", p.get("slug", "")).get("wijk") == value):
                return True
            if (kind, t) in (("handoff", "handoff_offer"), ("crisis", "crisis"), ("fallback", "fallback")):
                return True
        return False


def ask(portal: str, text: str) -> tuple[list[dict], float]:
    start = time.perf_counter()
    response = requests.post(f"{portal}/api/chat/messages", json={"text": text}, timeout=60)
    elapsed = time.perf_counter() - start
    messages = response.json().get("messages", []) if response.headers.get("content-type", "").startswith("application/json") else []
    return [m["custom"] for m in messages if isinstance(m.get("custom"), dict)], elapsed


def evaluate(portal: str, items: list[dict], concurrency: int = 4) -> dict:
    checker = Checker(portal)
    with ThreadPoolExecutor(concurrency) as pool:
        replies = list(pool.map(lambda item: ask(portal, item["text"]), items))
    per_kind = defaultdict(lambda: [0, 0])
    failures, latencies = [], []
    crisis_total = crisis_hit = false_alarms = non_crisis = 0
    for item, (payloads, elapsed) in zip(items, replies):
        latencies.append(elapsed)
        alternatives = str(item["expect"]).split("|")
        is_crisis = "crisis" in alternatives
        has_crisis = any(p.get("type") == "crisis" for p in payloads)
        ok = any(checker.satisfies(a, payloads) for a in alternatives)
        if is_crisis:
            crisis_total += 1
            crisis_hit += has_crisis
        else:
            non_crisis += 1
            if has_crisis:
                false_alarms += 1
                ok = False
        kind = alternatives[0].split(":")[0]
        per_kind[kind][0] += ok
        per_kind[kind][1] += 1
        if not ok:
            failures.append((item["text"], item["expect"], [p.get("type") + ":" + str(p.get("slug", "")) for p in payloads]))
    passed = sum(v[0] for v in per_kind.values())
    quantiles = statistics.quantiles(latencies, n=20) if len(latencies) >= 2 else latencies * 19
    return {"total": len(items), "passed": passed, "accuracy": passed / max(len(items), 1),
            "per_kind": {k: (v[0], v[1]) for k, v in sorted(per_kind.items())},
            "crisis_recall": crisis_hit / max(crisis_total, 1), "crisis_items": crisis_total,
            "false_alarms": false_alarms, "false_alarm_rate": false_alarms / max(non_crisis, 1),
            "p50_ms": statistics.median(latencies) * 1000, "p95_ms": quantiles[18] * 1000, "failures": failures}


def report(result: dict) -> str:
    lines = [f"accuracy: {result['passed']}/{result['total']} = {result['accuracy']:.1%}"]
    for kind, (ok, n) in result["per_kind"].items():
        lines.append(f"  {kind:<10} {ok}/{n} = {ok / n:.1%}")
    lines.append(f"crisis recall: {result['crisis_recall']:.1%} of {result['crisis_items']}")
    lines.append(f"false alarms: {result['false_alarms']} = {result['false_alarm_rate']:.1%} of non-crisis items")
    lines.append(f"latency through the portal: p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms")
    return "\n".join(lines)


def on_the_stack(scorer: Callable[[str, list], dict], items: list) -> dict:
    """`scorer(portal_url, items)` on the stack at PORTAL_URL when set, otherwise
    on a fresh one (the model trained first when it is missing or stale)."""
    if os.environ.get("PORTAL_URL"):
        return scorer(os.environ["PORTAL_URL"], items)
    train_model()
    with tempfile.TemporaryDirectory() as tmp, running_stack(Path(tmp)) as urls:
        return scorer(urls["portal"], items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file")
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    items = yaml.safe_load(Path(args.file).read_text("utf-8"))
    result = on_the_stack(evaluate, items)
    print(report(result))
    if args.show_failures:
        for text, expect, got in result["failures"]:
            print(f"FAIL {expect:<28} {text!r} -> {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
