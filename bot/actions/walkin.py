"""Walk-in points (inloopspreekuur) and phone hours of the CJG."""
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.disclosure import disclose
from actions.dutch_time import format_moment
from actions.handoff import asks_to_write, to_a_person
from actions.message import typed_text
from actions.portal import PortalClient, PortalError
from actions.replies import send_fallback, service_payload
from actions.taxonomy import WIJKEN, wijk_label

WALKIN = "cjg-inloop"
PHONE = "cjg-telefoon"

# "zonder afspraak", "inloopspreekuur", "kan ik binnenlopen", "gewoon langskomen":
# the person asks where and when to walk in, whatever the classifier made of it.
_WALKIN_CUE = re.compile(
    r"zonder (een )?afspraak|\binloop\w*|\bbinnen ?(kan |mag |kun |te )?(lopen|loop|wandelen|stappen)\b|\bbinnenloop\w*"
    r"|\b(kan|kun|mag|kunnen|mogen) (ik|we|wij|je|u) (\w+ ){0,4}langs ?(te )?(komen|lopen|gaan)\b",
    re.IGNORECASE,
)
# "cjg wijkwinkel keizerslanden tijden", "wanneer is het cjg open": its opening hours.
_OPEN_CUE = re.compile(
    r"\b(cjg|wijkwinkel|inlooppunt|de bron|spikvoorde)\b(\W+\w+){0,5}?\W+(tijden|openingstijden|open|geopend)\b"
    r"|\b(wijkwinkel|inlooppunt|de bron|spikvoorde)\b(\W+\w+){0,5}?\W+spreekuur\b"
    r"|\b(openingstijden|tijden|open|geopend)\b(\W+\w+){0,4}?\W+(cjg|wijkwinkel|inlooppunt)\b",
    re.IGNORECASE,
)
# "wat is het nummer van het cjg", "wanneer kan ik jullie bellen": the phone hours.
_PHONE_CUE = re.compile(
    r"\b(telefoonnummer|nummer|bellen|bel|opbellen|telefonisch|telefoon)\b(\W+\w+){0,8}?\W+(cjg|jullie|centrum voor jeugd)\b"
    r"|\b(cjg|jullie|centrum voor jeugd)\b(\W+\w+){0,8}?\W+(telefoonnummer|nummer|bellen|bel|opbellen|telefonisch|bereikbaar)\b"
    r"|\b(telefonisch spreekuur|terugbellen|terug bellen|telefonisch (\w+ )?(bespreken|contact|stellen|spreken))\b"
    r"|\bwelk (tel|telefoon)?nummer (\w+ ){0,3}(bel|bellen)\b(?!.*\b(kindertelefoon|113|112|huisarts\w*|politie)\b)",
    re.IGNORECASE,
)


def walkin_question(text: str) -> bool:
    """True when the message asks to walk in without an appointment, or when the CJG is open."""
    return bool(_WALKIN_CUE.search(text or "") or _OPEN_CUE.search(text or ""))


def in_person_question(text: str) -> bool:
    """True when the message asks to walk in without an appointment (and not to
    write): the walk-in points then answer it, even when it also asks to talk to
    someone ("waar kan ik zonder afspraak met iemand van het CJG praten")."""
    return bool(_WALKIN_CUE.search(text or "")) and not asks_to_write(text)


def phone_question(text: str) -> bool:
    """True when the message asks for the CJG's phone number or phone hours."""
    return bool(_PHONE_CUE.search(text or "")) and not _WALKIN_CUE.search(text or "")


class ActionWalkin(Action):
    """Lists the walk-in points (narrowed to the wijk when known) with hours."""

    def __init__(self, portal: Optional[PortalClient] = None) -> None:
        self.portal = portal or PortalClient()

    def name(self) -> str:
        return "action_walkin"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        """The walk-in points; the worker's offer when the message asks to write
        to the CJG or to talk to a person ("kan ik mijn vraag ook online stellen,
        langskomen lukt niet"), unless it asks to walk in."""
        events = disclose(dispatcher, tracker)
        offered = None if in_person_question(typed_text(tracker)) else to_a_person(dispatcher, tracker, self.portal)
        return events + (offered if offered is not None else self.answer(dispatcher, tracker))

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[str, Any]]:
        """The walk-in points, or the phone hours when asked to call (without the disclosure)."""
        if phone_question(typed_text(tracker)):
            return self._phone(dispatcher)
        events: List[Dict[str, Any]] = []
        wijk = _known_wijk(tracker)
        try:
            here = self.portal.items("/api/locations", "items", wijk=wijk, category=WALKIN) if wijk else []
            everywhere = [] if here else self.portal.items("/api/locations", "items", category=WALKIN)
            phones = self.portal.items("/api/services", "items", category=PHONE, limit=1)
        except PortalError:
            send_fallback(dispatcher, "utter_portal_down")
            return events
        locations = here or everywhere
        if not locations:
            dispatcher.utter_message(response="utter_walkin_none")
        elif here:
            dispatcher.utter_message(response="utter_walkin_wijk", wijk=wijk_label(wijk), locations=_lines(here))
        elif wijk:
            dispatcher.utter_message(response="utter_walkin_other_wijk", wijk=wijk_label(wijk), locations=_lines(everywhere))
        else:
            dispatcher.utter_message(response="utter_walkin_all", locations=_lines(everywhere))
        for location in locations:
            dispatcher.utter_message(json_message=_payload(location))
        if phones:
            _phone_hours(dispatcher, phones[0])
        if not wijk and len(locations) > 1:
            dispatcher.utter_message(response="utter_ask_wijk", buttons=_wijk_buttons(locations))
        return events + ([SlotSet("wijk", wijk)] if wijk else [])

    def _phone(self, dispatcher: CollectingDispatcher) -> List[Dict[str, Any]]:
        """The CJG's phone service as a `service` payload with its hours."""
        try:
            phones = self.portal.items("/api/services", "items", category=PHONE, limit=1)
        except PortalError:
            send_fallback(dispatcher, "utter_portal_down")
            return []
        if not phones or not phones[0].get("slug"):
            dispatcher.utter_message(response="utter_phone_unknown")
            return []
        _phone_hours(dispatcher, phones[0], "utter_phone")
        dispatcher.utter_message(json_message=service_payload(phones[0]))
        return []


def _known_wijk(tracker: Tracker) -> Optional[str]:
    """The wijk of this message, else the one remembered; only taxonomy slugs."""
    wijk = next(tracker.get_latest_entity_values("wijk"), None) or tracker.get_slot("wijk")
    return wijk if wijk in WIJKEN else None


def _payload(location: Dict[str, Any]) -> Dict[str, Any]:
    return {
        "type": "location",
        "slug": location.get("slug"),
        "name": location.get("name"),
        "url": location.get("url"),
        "open_now": bool(location.get("open_now")),
        "next_open": location.get("next_open"),
    }


def _lines(locations: List[Dict[str, Any]]) -> str:
    """One readable line per location: name, address, open now or next time, hours."""
    lines = []
    for location in locations:
        line = f"• {location.get('name')}"
        if location.get("address"):
            line += f", {location['address']}"
        if location.get("open_now"):
            line += ": nu open"
        elif format_moment(location.get("next_open")):
            line += f": weer open {format_moment(location.get('next_open'))}"
        if location.get("hours_text"):
            line += f" ({location['hours_text']})"
        lines.append(line)
    return "\n".join(lines)


def _phone_hours(dispatcher: CollectingDispatcher, service: Dict[str, Any],
                 response: str = "utter_phone_hours") -> None:
    """Mentions the CJG phone hours (and number, when the portal has one)."""
    numbers = [p if isinstance(p, str) else p.get("number") for p in service.get("phones") or []]
    numbers = [n for n in numbers if n]
    moment = format_moment(service.get("next_open"))
    if service.get("open_now"):
        when = "Er wordt nu opgenomen."
    else:
        when = f"Je kunt weer bellen {moment}." if moment else ""
    if service.get("hours_text"):
        when = f"{when} Tijden: {service['hours_text']}.".strip()
    if not numbers and not when:
        return
    phone = f"op {' of '.join(numbers)}" if numbers else "via het nummer op /contact"
    dispatcher.utter_message(response=response, phone=phone, when=when)


def _wijk_buttons(locations: List[Dict[str, Any]]) -> List[Dict[str, str]]:
    """A button per wijk that has a walk-in point."""
    slugs = []
    for location in locations:
        if location.get("wijk") in WIJKEN and location["wijk"] not in slugs:
            slugs.append(location["wijk"])
    return [
        {"title": wijk_label(slug), "payload": f'/inform_wijk{{"wijk": "{slug}"}}'}
        for slug in slugs
    ]
