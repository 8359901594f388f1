"""Fixtures for the action and crisis tests: trackers, a fake portal, the domain."""
import sys
from pathlib import Path
from typing import Any, Dict, Iterable, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

BOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BOT))

from actions.portal import PortalClient, PortalError  # noqa: E402


class FakePortal:
    """Stands in for PortalClient at the HTTP boundary.

    `routes` maps a path to a JSON answer, to a function of the query
    parameters, or to a PortalError to raise; `down=True` makes every call fail
    like an unreachable portal. Every call is recorded in `calls`.
    """

    items = PortalClient.items  # the real "list or [] on 4xx" logic on top of get()

    def __init__(self, routes: Optional[Dict[str, Any]] = None, down: bool = False) -> None:
        self.routes = routes or {}
        self.down = down
        self.calls = []

    def get(self, path: str, **params: Any) -> Dict[str, Any]:
        query = {k: v for k, v in params.items() if v not in (None, "")}
        self.calls.append((path, query))
        if self.down:
            raise PortalError("unreachable")
        answer = self.routes.get(path, {})
        if callable(answer):
            answer = answer(query)
        if isinstance(answer, PortalError):
            raise answer
        return answer


def make_tracker(
    text: str = "",
    intent: Optional[str] = None,
    entities: Iterable = (),
    slots: Optional[Dict[str, Any]] = None,
    site: Optional[str] = None,
) -> Tracker:
    """A tracker whose latest message is `text` with `intent` and `entities`
    given as (type, value) pairs; `site` goes into the message metadata."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0},
        "entities": [{"entity": kind, "value": value} for kind, value in entities],
        "metadata": {"site": site} if site else {},
    }
    return Tracker("test", slots or {}, latest, [], False, None, {}, "action_listen")


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    with open(BOT / "domain.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def responses(dispatcher: CollectingDispatcher):
    """The names of the domain responses uttered, in order."""
    return [m["response"] for m in dispatcher.messages if m.get("response")]


def payloads(dispatcher: CollectingDispatcher, kind: Optional[str] = None):
    """The custom payloads uttered (of one type), in order."""
    return [
        m["custom"] for m in dispatcher.messages
        if m.get("custom") and (kind is None or m["custom"].get("type") == kind)
    ]


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
