"""The social map: 1-3 services for a category, wijk and age."""
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.disclosure import disclose
from actions.message import intent_of, typed_text
from actions.portal import PortalClient, PortalError
from actions.replies import send_fallback
from actions.taxonomy import CATEGORIES, MAIN_CATEGORIES, WIJKEN

LIMIT = 3

# Word stems that name a category when the NLU found no `categorie` entity.
_KEYWORDS = (
    ("geld-en-schulden", r"schuld|geldzorg|rondkomen|budget|deurwaarder|rekeningen"),
    ("verslavingszorg", r"verslav|drugs|alcohol|blowen|gokken|gamen verslaafd"),
    ("ggz", r"psycholo|psychiat|ggz|therapeut|therapie|depress|angststoorn"),
    ("jongerenwerk", r"jongerenwerk|jongerencentrum|jongerenhuis|jongerenwerker"),
    ("wijkteam", r"gezinscoach|sociaal team|wijkteam|gezinshulp"),
    ("kinderopvang", r"kinderopvang|kinderdagverblijf|kdv|bso|peuteropvang|gastouder|creche"),
    ("vertrouwenspersoon", r"vertrouwenspersoon|vertrouwens persoon|klacht|akj"),
    ("huiselijk-geweld", r"huiselijk geweld|kindermishandeling|veilig thuis"),
    ("onderwijs", r"op school|remedial|leerplicht|passend onderwijs|dyslexie|bijles"),
    ("beperking", r"beperking|handicap|autisme|adhd|gehandicapt|wlz"),
    ("werk-en-studie", r"bijbaan|stage|studiekeuze|werk zoeken|vakantiewerk|sollicit"),
    ("vrije-tijd", r"sport|sportclub|vereniging|muziekles|zwemles|hobby"),
    ("jeugdgezondheidszorg", r"consultatiebureau|jeugdarts|jeugdverpleegkundige|vaccin|inenting"),
    ("opvoedondersteuning", r"opvoedcursus|opvoedingscursus|cursus|triple p|opvoedondersteuning|opvoedhulp"),
    ("maatschappelijk-werk", r"maatschappelijk werk"),
)


class ActionFindService(Action):
    """One `service` payload per service, or buttons to choose a category."""

    def __init__(self, portal: Optional[PortalClient] = None) -> None:
        self.portal = portal or PortalClient()

    def name(self) -> str:
        return "action_find_service"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        events = disclose(dispatcher, tracker)
        category = _category(tracker)
        if category is None:
            dispatcher.utter_message(response="utter_ask_categorie", buttons=_category_buttons())
            return events
        events.append(SlotSet("categorie", category))
        wijk = tracker.get_slot("wijk") if tracker.get_slot("wijk") in WIJKEN else None
        age = next(tracker.get_latest_entity_values("leeftijd"), None) or tracker.get_slot("leeftijd")
        try:
            services = self._services(category, wijk, _age(age))
        except PortalError:
            send_fallback(dispatcher, "utter_portal_down")
            return events
        if not services:
            dispatcher.utter_message(response="utter_services_none", label=CATEGORIES[category])
            return events
        names = "\n".join(f"• {s.get('name')}" for s in services)
        dispatcher.utter_message(response="utter_services_found", label=CATEGORIES[category], names=names)
        if category == "huiselijk-geweld":
            dispatcher.utter_message(response="utter_danger_note")
        for service in services:
            dispatcher.utter_message(
                json_message={
                    "type": "service",
                    "slug": service["slug"],
                    "name": service.get("name") or service["slug"],
                    "url": service.get("url") or "",
                }
            )
        return events

    def _services(self, category: str, wijk: Optional[str], age: Optional[int]) -> List[Dict[str, Any]]:
        """Services that fit; the wijk and age filters are dropped when nothing fits."""
        tried: List[Dict[str, Any]] = []
        for filters in ({"wijk": wijk, "age": age}, {"age": age}, {}):
            filters = {key: value for key, value in filters.items() if value is not None}
            if filters in tried:
                continue
            tried.append(filters)
            items = self.portal.items("/api/services", "items", category=category, limit=LIMIT, **filters)
            found = [item for item in items if item.get("slug")][:LIMIT]
            if found:
                return found
        return []


def _category(tracker: Tracker) -> Optional[str]:
    """The category of this message (entity, then keywords), else the remembered one
    when the person only adds their wijk or age."""
    entity = next(tracker.get_latest_entity_values("categorie"), None)
    if entity in CATEGORIES:
        return entity
    text = typed_text(tracker).lower()
    for slug, pattern in _KEYWORDS:
        if re.search(pattern, text):
            return slug
    if intent_of(tracker) == "inform_wijk":
        remembered = tracker.get_slot("categorie")
        return remembered if remembered in CATEGORIES else None
    return None


def _age(value: Any) -> Optional[int]:
    try:
        age = int(str(value))
    except (TypeError, ValueError):
        return None
    return age if 0 <= age <= 23 else None


def _category_buttons() -> List[Dict[str, str]]:
    return [
        {"title": title, "payload": f'/zoek_hulp{{"categorie": "{slug}"}}'}
        for slug, title in MAIN_CATEGORIES.items()
    ]
