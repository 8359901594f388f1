"""Short fixed answers (greeting, thanks, small talk, ...) from the domain."""
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.disclosure import disclose
from actions.message import intent_of


class ActionSmallTalk(Action):
    """Answers intent X with the domain response `utter_X`, after the disclosure."""

    def name(self) -> str:
        return "action_small_talk"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        events = disclose(dispatcher, tracker)
        intent = intent_of(tracker) or ""
        response = f"utter_{intent}"
        if response not in (domain.get("responses") or {}):
            response = "utter_wie_ben_je"
        dispatcher.utter_message(response=response)
        return events
