"""Chat latency: the same conversations through the portal (POST /api/chat/messages)
and directly to Rasa's REST channel, in the same run."""
from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass

from bench.load import Client, LoadResult, merge

# Short, realistic conversations of parents and young people (no crisis
# messages: those take another path through the assistant).
CONVERSATIONS = [
    ("vcjg", ["Hallo", "Mijn baby huilt heel veel, wat kan ik doen?", "Wanneer is het inloopspreekuur?",
              "Dank je wel"]),
    ("vcjg", ["Hoi", "Mijn peuter heeft steeds driftbuien", "Hoe kan ik beter grenzen stellen?", "Bedankt"]),
    ("vcjg", ["Goedemiddag", "Mijn zoon van 14 gamet de hele dag", "Hoeveel schermtijd is normaal?",
              "Oké, dank je"]),
    ("vcjg", ["Hallo", "Onze dochter slaapt slecht", "Ze wil niet alleen in slaap vallen", "Doei"]),
    ("vcjg", ["Hoi", "We gaan scheiden, hoe vertellen we het de kinderen?", "Is er hulp in Deventer?",
              "Dankjewel"]),
    ("jongin", ["hey", "ik word gepest op school", "wat kan ik doen", "thanks"]),
    ("jongin", ["hoi", "ik slaap heel slecht en ben altijd moe", "heb je tips?", "oke bedankt"]),
    ("jongin", ["hallo", "ik heb veel ruzie met mijn ouders", "met wie kan ik praten?", "doei"]),
]


@dataclass
class Outcome:
    latencies: list[float]  # ms
    errors: int
    unavailable: int  # portal answered, but without the assistant (contact options)


def _portal_conversation(url: str, site: str, messages: list[str]) -> Outcome:
    client, out = Client(url), Outcome([], 0, 0)
    conversation_id = token = None
    try:
        for text in messages:
            payload = {"text": text, "site": site}
            headers = {}
            if conversation_id:
                payload["conversation_id"] = conversation_id
                headers["X-Chat-Token"] = token
            t0 = time.perf_counter()
            try:
                status, body = client.post_json("/api/chat/messages", payload, headers)
            except OSError:
                client.close()
                out.errors += 1
                break
            elapsed = (time.perf_counter() - t0) * 1000
            if status != 200 or not isinstance(body, dict):
                out.errors += 1
                break
            if not body.get("assistant_available", True):
                out.unavailable += 1
            out.latencies.append(elapsed)
            conversation_id = conversation_id or body.get("conversation_id")
            token = token or body.get("token")
    finally:
        client.close()
    return out


def _direct_conversation(url: str, site: str, messages: list[str]) -> Outcome:
    client, out = Client(url), Outcome([], 0, 0)
    sender = secrets.token_hex(16)  # like the portal's conversation ids
    try:
        for text in messages:
            t0 = time.perf_counter()
            try:
                status, body = client.post_json("/webhooks/rest/webhook",
                                                 {"sender": sender, "message": text, "metadata": {"site": site}})
            except OSError:
                client.close()
                out.errors += 1
                break
            elapsed = (time.perf_counter() - t0) * 1000
            if status != 200 or not isinstance(body, list):
                out.errors += 1
                break
            out.latencies.append(elapsed)
    finally:
        client.close()
    return out


def _batch(fn, url: str, concurrent: int, offset: int, timeout: float) -> tuple[list[Outcome], float]:
    """`concurrent` conversations at once, each in its own thread; wall time in seconds."""
    results: list[Outcome | None] = [None] * concurrent

    def run(k: int) -> None:
        site, messages = CONVERSATIONS[(offset + k) % len(CONVERSATIONS)]
        results[k] = fn(url, site, messages)

    threads = [threading.Thread(target=run, args=(k,), daemon=True) for k in range(concurrent)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=timeout)
    seconds = time.perf_counter() - t0
    return [r if r is not None else Outcome([], 1, 0) for r in results], seconds


def measure(portal_url: str, rasa_url: str, concurrent: int, rounds: int, timeout: float = 120.0,
            deadline: float | None = None) -> dict[str, LoadResult | int]:
    """`rounds` rounds of `concurrent` simultaneous conversations on each path; the
    order of the two paths alternates per round so drift affects both alike."""
    parts: dict[str, list[LoadResult]] = {"direct": [], "portal": []}
    unavailable = 0
    for r in range(rounds):
        if deadline is not None and time.monotonic() > deadline and r > 0:
            break
        order = [("direct", _direct_conversation, rasa_url), ("portal", _portal_conversation, portal_url)]
        if r % 2:
            order.reverse()
        for name, fn, url in order:
            outcomes, seconds = _batch(fn, url, concurrent, offset=r * concurrent, timeout=timeout)
            unavailable += sum(o.unavailable for o in outcomes)
            parts[name].append(LoadResult.from_samples(name, concurrent, [x for o in outcomes for x in o.latencies],
                                                       sum(o.errors for o in outcomes), seconds))
    return {"direct": merge(f"chat direct c={concurrent}", parts["direct"]),
            "portal": merge(f"chat portal c={concurrent}", parts["portal"]), "unavailable": unavailable}
