"""Reply pieces shared by several actions: the fallback payload and its buttons."""
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
