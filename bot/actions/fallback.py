"""The answer when the assistant did not understand or cannot help."""
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.audience import audience
from actions.disclosure import disclose
from actions.message import intent_of, typed_text
from actions.portal import PortalClient, PortalError
from actions.replies import send_fallback
from actions.taxonomy import theme_of_intent

GUESS = 0.15  # a theme this likely (though below the fallback threshold) is worth offering


class ActionDefaultFallback(Action):
    """Says so kindly and offers search, the social map and a CJG worker.

    Used for `nlu_fallback`, for `out_of_scope` and as the RulePolicy's core
    fallback (it replaces Rasa's built-in action_default_fallback).
    """

    def __init__(self, portal: Optional[PortalClient] = None) -> None:
        self.portal = portal or PortalClient()

    def name(self) -> str:
        return "action_default_fallback"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        events = disclose(dispatcher, tracker)
        if intent_of(tracker) == "out_of_scope":
            send_fallback(dispatcher, "utter_out_of_scope")
            return events
        send_fallback(dispatcher, "utter_fallback")
        self._maybe_helpful(dispatcher, tracker)
        return events

    def _maybe_helpful(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """Not understood, but a theme came close: offer its best articles, said
        plainly as a guess, after the fallback options."""
        theme = _guessed_theme(tracker)
        query = typed_text(tracker)
        if theme is None or not query:
            return
        try:
            hits = self.portal.items("/api/search", "hits", q=query, theme=theme, audience=audience(tracker),
                                     limit=2)
        except PortalError:
            return
        hits = [h for h in hits if h.get("slug")]
        if not hits:
            return
        dispatcher.utter_message(response="utter_maybe_helpful")
        for hit in hits:
            dispatcher.utter_message(json_message={"type": "article", "slug": hit["slug"],
                                                   "title": hit.get("title") or hit["slug"], "url": hit.get("url") or ""})


def _guessed_theme(tracker: Tracker) -> Optional[str]:
    """The theme of the likeliest theme intent in the ranking, if likely enough."""
    for ranked in (tracker.latest_message or {}).get("intent_ranking") or []:
        theme = theme_of_intent(ranked.get("name"))
        if theme and (ranked.get("confidence") or 0) >= GUESS:
            return theme
        if ranked.get("name") not in ("nlu_fallback",) and not theme:
            return None  # a non-theme intent is likelier: do not guess a theme
    return None
