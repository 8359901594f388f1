"""Cues in the typed text that decide the answer whatever the classifier made of
it: asking for a person or to write to one, for the walk-in points or for the
phone hours."""
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionOfferHandoff, asks_for_a_person, asks_to_write
from actions.message import typed_text
from actions.portal import PortalClient
from actions.walkin import ActionWalkin, phone_question, walkin_question


def to_a_person(dispatcher: CollectingDispatcher, tracker: Tracker,
                portal: Optional[PortalClient]) -> Optional[List[Dict[str, Any]]]:
    """The offer of a CJG worker when the message asks for a person or to write
    to one; None otherwise."""
    text = typed_text(tracker)
    if asks_for_a_person(text) or asks_to_write(text):
        return ActionOfferHandoff(portal).offer(dispatcher)
    return None


def redirected(dispatcher: CollectingDispatcher, tracker: Tracker,
               portal: Optional[PortalClient]) -> Optional[List[Dict[str, Any]]]:
    """The answer (without the disclosure) when a cue decides it; None otherwise."""
    answered = to_a_person(dispatcher, tracker, portal)
    if answered is not None:
        return answered
    text = typed_text(tracker)
    if walkin_question(text) or phone_question(text):
        return ActionWalkin(portal).answer(dispatcher, tracker)
    return None
