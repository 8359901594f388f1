"""What the latest user message says: its final intent and its typed text."""
from typing import Optional

from rasa_sdk import Tracker


def intent_of(tracker: Tracker) -> Optional[str]:
    """The intent Rasa decided on (after the fallback and crisis layers)."""
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def intent_confidence(tracker: Tracker) -> float:
    """How sure the classifier was of that intent (1.0 when not given)."""
    return float(((tracker.latest_message or {}).get("intent") or {}).get("confidence") or 1.0)


def typed_text(tracker: Tracker) -> str:
    """The text as typed; empty for button payloads such as '/zoek_hulp{...}'."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    return "" if text.startswith("/") else text


def crisis_in_doubt(tracker: Tracker) -> bool:
    """The crisis layer kept `crisis` second in the ranking: the model saw a
    possible crisis it was not sure enough of (components/crisis_detector.py)."""
    ranking = (tracker.latest_message or {}).get("intent_ranking") or []
    return len(ranking) > 1 and ranking[1].get("name") == "crisis"
