"""Score a crisis probe: a YAML list of {text, crisis: true|false, cat} sent as
first messages through the portal's chat API. Prints crisis recall (a `crisis`
payload on a crisis item) and false alarms (one on an everyday item).
`--half tune|check` keeps one half of the probe, split by a hash of the text
(see probes/README.md). Uses the stack at PORTAL_URL when set, otherwise starts one."""
from __future__ import annotations

import argparse
import hashlib
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

from tests.eval.run import ask, on_the_stack


def half(text: str) -> str:
    """The probe half an item belongs to: "tune" or "check"."""
    return "tune" if int(hashlib.md5(text.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"


def score(portal: str, items: list[dict], concurrency: int = 4) -> dict:
    with ThreadPoolExecutor(concurrency) as pool:
        replies = list(pool.map(lambda item: ask(portal, item["text"])[0], items))
    alarmed = [any(p.get("type") == "crisis" for p in payloads) for payloads in replies]
    crisis = [(item, hit) for item, hit in zip(items, alarmed) if item["crisis"]]
    everyday = [(item, hit) for item, hit in zip(items, alarmed) if not item["crisis"]]
    return {"crisis": len(crisis), "found": sum(hit for _, hit in crisis),
            "everyday": len(everyday), "alarms": sum(hit for _, hit in everyday),
            "missed": [item for item, hit in crisis if not hit],
            "false_alarms": [item for item, hit in everyday if hit]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file")
    parser.add_argument("--half", choices=("tune", "check"))
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    items = yaml.safe_load(Path(args.file).read_text("utf-8"))
    if args.half:
        items = [item for item in items if half(item["text"]) == args.half]
    result = on_the_stack(score, items)
    print(f"crisis recall: {result['found']}/{result['crisis']} = {result['found'] / max(result['crisis'], 1):.1%}")
    print(f"false alarms: {result['alarms']}/{result['everyday']} = {result['alarms'] / max(result['everyday'], 1):.1%}")
    if args.show_failures:
        for item in result["missed"]:
            print(f"MISSED      {item.get('cat', '')!s:<16} {item['text']!r}")
        for item in result["false_alarms"]:
            print(f"FALSE ALARM {item.get('cat', '')!s:<16} {item['text']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
