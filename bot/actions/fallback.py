"""The answer when the assistant did not understand or cannot help."""
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.disclosure import disclose
from actions.message import intent_of
from actions.replies import send_fallback


class ActionDefaultFallback(Action):
    """Says so kindly and offers search, the social map and a CJG worker.

    Used for `nlu_fallback`, for `out_of_scope` and as the RulePolicy's core
    fallback (it replaces Rasa's built-in action_default_fallback).
    """

    def name(self) -> str:
        return "action_default_fallback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        events = disclose(dispatcher, tracker)
        response = "utter_out_of_scope" if intent_of(tracker) == "out_of_scope" else "utter_fallback"
        send_fallback(dispatcher, response)
        return events
