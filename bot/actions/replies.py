"""Reply pieces shared by several actions: the fallback payload and its buttons,
the service payload."""
from typing import Any, Dict

from rasa_sdk.executor import CollectingDispatcher

FALLBACK_PAYLOAD = {"type": "fallback"}

# The ways forward when the assistant cannot help: search, social map, a person.
FALLBACK_BUTTONS = [
    {"title": "Zelf zoeken", "payload": "/zoeken"},
    {"title": "Hulp in de buurt", "payload": "/zoek_hulp"},
    {"title": "Praten met een medewerker", "payload": "/medewerker"},
]


def send_fallback(dispatcher: CollectingDispatcher, response: str) -> None:
    """Utter `response` with the fallback buttons, then the fallback payload."""
    dispatcher.utter_message(response=response, buttons=FALLBACK_BUTTONS)
    dispatcher.utter_message(json_message=FALLBACK_PAYLOAD)


def service_payload(service: Dict[str, Any]) -> Dict[str, Any]:
    """The `service` payload of a social map service from the portal's API."""
    return {
        "type": "service",
        "slug": service["slug"],
        "name": service.get("name") or service["slug"],
        "url": service.get("url") or "",
    }
