"""Short fixed answers (greeting, thanks, small talk, ...) from the domain."""
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.disclosure import disclose
from actions.fallback import ActionDefaultFallback
from actions.handoff import ActionOfferHandoff, asks_for_a_person
from actions.message import intent_confidence, intent_of, typed_text
from actions.portal import PortalClient

# Below this confidence a message of at least SENTENCE words is more likely a
# question outside the CJG's field ("wat voor weer wordt het") than small talk:
# it gets the fallback answer instead. Shorter chat ("oke doei") needs less
# (SHORT_SURE); below that it is more likely keyboard mash. Keyboard mash
# itself (one letter over and over, or no vowel at all: "jjjjjj", "sdfghk")
# always gets the fallback answer.
SURE = 0.6
SHORT_SURE = 0.5
SENTENCE = 3
_MASH = re.compile(r"^\W*(?:(\w)\1{3,}|[^\Waeiouy\d]{5,})\W*$", re.IGNORECASE)


class ActionSmallTalk(Action):
    """Answers intent X with the domain response `utter_X`, after the disclosure."""

    def __init__(self, portal: Optional[PortalClient] = None) -> None:
        self.portal = portal

    def name(self) -> str:
        return "action_small_talk"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        text = typed_text(tracker)
        words = len(text.split())
        if words and (intent_confidence(tracker) < (SURE if words >= SENTENCE else SHORT_SURE) or _MASH.match(text)):
            return ActionDefaultFallback(self.portal).run(dispatcher, tracker, domain)
        events = disclose(dispatcher, tracker)
        intent = intent_of(tracker) or ""
        response = f"utter_{intent}"
        if response not in (domain.get("responses") or {}):
            response = "utter_wie_ben_je"
        dispatcher.utter_message(response=response)
        if asks_for_a_person(text):  # "ben jij een robot? ik wil een mens"
            events += ActionOfferHandoff(self.portal).offer(dispatcher)
        return events
