"""The offer to talk to a CJG worker, and what happens when it is accepted."""
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.disclosure import disclose
from actions.dutch_time import format_moment
from actions.message import crisis_in_doubt, typed_text
from actions.portal import PortalClient, PortalError

# "ik wil een mens", "is er een mevrouw of meneer die ...", "kan ik een echt persoon spreken"
_PERSON_CUE = re.compile(
    r"\b(wil|wilt|willen|kan|kun|kunnen|mag|liever|graag|is er|zit er|praat ik)\b(\W+\w+){0,4}?\W+"
    r"(een |echt |echte |gewoon )?(mens|medewerker|mevrouw|meneer|echt persoon|echte persoon|echt iemand)\b"
    r"|\b(is|zit) er (nu |op dit moment |vandaag )?(een |iemand als )?(hulpverlener|cjg-?werker|cjg-?medewerker)"
    r"(\W+\w+){0,2}?\W+(online|beschikbaar|aanwezig|in de chat)\b"
    r"|\bgesprek (\w+ ){0,2}met (een |echte? |de )*(hulpverlener|medewerker|pedagoog|jeugdverpleegkundige|iemand van (jullie|het cjg))\b"
    r"|\biemand van (jullie|het cjg)\b(?!.*\b(in het echt|persoonlijk|langs)\b)(\W+\w+){0,3}?\W+(spreken|meedenken|praten|chatten)\b"
    r"|\b(talk|speak|chat) (to|with) (a )?(real |actual )?(person|human|someone)\b"
    r"|\b(heb|hebben|is|zijn|zit) (je|jij|jullie|u|er) (\w+ ){0,2}iemand (die|om|waarmee|met wie) (\w+ ){0,3}(spreken|praten|bellen|chatten)\b"
    r"|\b(kan|kun|mag|wil|zou|graag) (ik|je|u)? ?(\w+ ){0,3}iemand (van jullie |van het cjg )?(spreken|bellen|chatten)\b"
    r"|\bzit er (\w+ )?(iemand|een mens|een echt mens|een persoon|een echt persoon) achter\b",
    re.IGNORECASE,
)
# "ik wil niet steeds met een computer typen", "met wie kan ik praten, niet met een bot": a person, by refusing the machine.
_NOT_THE_MACHINE = re.compile(
    r"\bik (wil|heb|hoef) (\w+ )?(niet|geen zin om) (\w+ )?(steeds |alleen |meer )?(met|tegen) (een |de )?(computer|robot|bot|chatbot|machine) (\w+ )?"
    r"(typen|praten|chatten)\b"
    r"|\b(met wie|bij wie) (kan|kun|mag) (ik|je|u) (\w+ ){0,4}(praten|spreken)\b(?=.*\b(computer|robot|bot|chatbot|machine)\b)",
    re.IGNORECASE,
)
# "kan ik mijn vraag online stellen", "chattijden", "e-hulp": a question in writing, live or later.
_WRITTEN_CUE = re.compile(
    r"\be-? ?hulp\b|\be-? ?consult\b|\bchat ?tijden\b|\bchatten met (jullie|het cjg|iemand van)\b"
    r"|\bvraag\b(\W+\w+){0,4}?\W+(online|digitaal|schriftelijk|via (de |jullie )?(site|website|internet|mail|chat)|per (mail|bericht)|via een bericht)"
    r"\W+(\w+\W+){0,4}(stellen|sturen|achterlaten|stel|stuur|stelt|stuurt)\b|\bvraag (\w+ ){0,2}achterlaten\b"
    r"|\b(kan|kun|mag|wil) (ik|we|u) (\w+ ){0,4}(online|digitaal|schriftelijk|via (de |jullie )?(site|website|internet|mail|chat))"
    r"(\W+\w+){0,4}?\W+(vraag|vragen|stellen|contact met (jullie|het cjg)|hulp (van|bij) (jullie|het cjg))\b"
    r"|\bhulp (\w+ ){0,4}zonder (dat ik )?(mijn|je) naam\b|\bkan (het|dat) (ook )?(online|digitaal|via (de |jullie )?(site|website|mail|chat))\b"
    r"|\b(e-?)?mailadres (\w+ ){0,2}(van jullie|van het cjg|om (een |mijn )?\w*vraag)"
    r"|\banoniem\b(\W+\w+){0,3}?\W+(vraag|vragen) (\w+ )?(stellen|sturen)\b",
    re.IGNORECASE,
)

OFFER_BUTTONS = [
    {"title": "Ja, graag", "payload": "/handoff_accept"},
    {"title": "Nee, dank je", "payload": "/deny"},
]


# "mijn zoon wil niet met iemand van jullie praten": a refusal, not a request.
_REFUSAL = re.compile(r"\b(niet|geen|nooit|refuses?|doesn'?t|won'?t|don'?t)\b", re.IGNORECASE)


def asks_for_a_person(text: str) -> bool:
    """True when the message asks to talk to a person rather than the assistant
    (not when the clause refuses one)."""
    if _NOT_THE_MACHINE.search(text or ""):
        return True
    for match in _PERSON_CUE.finditer(text or ""):
        clause = re.split(r"[.,;!?]", text[max(0, match.start() - 30):match.start()])[-1] + match.group(0)
        if not _REFUSAL.search(clause):
            return True
    return False


def asks_to_write(text: str) -> bool:
    """True when the message asks to put a question to the CJG in writing (e-hulp)."""
    return bool(_WRITTEN_CUE.search(text or ""))


class ActionOfferHandoff(Action):
    """Live chat when a worker is on duty, otherwise leave a question (anonymous)."""

    def __init__(self, portal: Optional[PortalClient] = None) -> None:
        self.portal = portal or PortalClient()

    def name(self) -> str:
        return "action_offer_handoff"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        return disclose(dispatcher, tracker) + self.offer(dispatcher)

    def offer(self, dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
        """The offer with the e-hulp hours and the `handoff_offer` payload (without the disclosure)."""
        try:
            status = self.portal.get("/api/ehulp/status")
        except PortalError:
            status = None
        available = bool(status and status.get("available"))
        next_open = status.get("next_open") if status and not available else None
        if status is None:
            dispatcher.utter_message(response="utter_handoff_unknown", buttons=OFFER_BUTTONS)
        elif available:
            dispatcher.utter_message(response="utter_handoff_available", buttons=OFFER_BUTTONS)
        elif format_moment(next_open):
            hours = status.get("hours_text")
            dispatcher.utter_message(
                response="utter_handoff_later", buttons=OFFER_BUTTONS,
                next_open=format_moment(next_open), hours=f"Chattijden: {hours}." if hours else "",
            )
        else:
            dispatcher.utter_message(response="utter_handoff_question", buttons=OFFER_BUTTONS)
        dispatcher.utter_message(
            json_message={"type": "handoff_offer", "available": available, "next_open": next_open}
        )
        return []


class ActionHandoffAccept(Action):
    """Until the live handoff exists: the contact page and e-hulp (leave a question)."""

    def name(self) -> str:
        return "action_handoff_accept"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        events = disclose(dispatcher, tracker)
        dispatcher.utter_message(response="utter_handoff_accept")
        return events


def offer_if_in_doubt(dispatcher: CollectingDispatcher, tracker: Tracker,
                      portal: Optional[PortalClient]) -> List[Dict[str, Any]]:
    """After an answer: the offer of a worker when the model saw a possible crisis
    it was not sure enough of (`crisis_in_doubt`); nothing otherwise."""
    return ActionOfferHandoff(portal).offer(dispatcher) if crisis_in_doubt(tracker) else []


def to_a_person(dispatcher: CollectingDispatcher, tracker: Tracker,
                portal: Optional[PortalClient]) -> Optional[List[Dict[str, Any]]]:
    """The offer of a CJG worker (without the disclosure) when the message asks
    for a person or to write to one; None otherwise."""
    text = typed_text(tracker)
    if asks_for_a_person(text) or asks_to_write(text):
        return ActionOfferHandoff(portal).offer(dispatcher)
    return None
