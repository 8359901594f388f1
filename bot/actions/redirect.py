"""Cues in the typed text that decide the answer whatever the classifier made of
it: asking for a person or to write to one, for the walk-in points or for the
phone hours."""
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import to_a_person
from actions.message import typed_text
from actions.portal import PortalClient
from actions.walkin import ActionWalkin, in_person_question, phone_question, walkin_question


def redirected(dispatcher: CollectingDispatcher, tracker: Tracker,
               portal: Optional[PortalClient]) -> Optional[List[Dict[str, Any]]]:
    """The answer (without the disclosure) when a cue decides it; None otherwise.
    Walking in without an appointment goes before asking for a person."""
    text = typed_text(tracker)
    answered = None if in_person_question(text) else to_a_person(dispatcher, tracker, portal)
    if answered is not None:
        return answered
    if walkin_question(text) or phone_question(text):
        return ActionWalkin(portal).answer(dispatcher, tracker)
    return None
