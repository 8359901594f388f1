"""The first-answer disclosure: an automated assistant, what it does, anonymous."""
from typing import Any, Dict, List

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

SLOT = "disclosed"


def disclose(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[str, Any]]:
    """Utter the disclosure once per conversation; returns the slot event.

    Every answering action calls this before its answer (the crisis action
    right after the crisis message), so the first answer always carries it.
    """
    if tracker.get_slot(SLOT):
        return []
    dispatcher.utter_message(response="utter_disclosure")
    return [SlotSet(SLOT, True)]
