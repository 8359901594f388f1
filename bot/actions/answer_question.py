"""Answers a theme question (vraag_*) with 1-3 articles from the portal."""
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.audience import age_phase, audience
from actions.disclosure import disclose
from actions.message import intent_confidence, intent_of, typed_text
from actions.portal import PortalClient, PortalError
from actions.replies import send_fallback
from actions.taxonomy import theme_of_intent

LIMIT = 3
SURE = 0.6  # below this the classifier's theme only orders what a full-text search finds


class ActionAnswerQuestion(Action):
    """A warm line for the theme plus one `article` payload per article."""

    def __init__(self, portal: Optional[PortalClient] = None) -> None:
        self.portal = portal or PortalClient()

    def name(self) -> str:
        return "action_answer_question"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        events = disclose(dispatcher, tracker)
        theme = theme_of_intent(intent_of(tracker))
        if theme is None:
            send_fallback(dispatcher, "utter_fallback")
            return events
        query = typed_text(tracker)
        phase = age_phase(query, next(tracker.get_latest_entity_values("leeftijd"), None))
        aud = audience(tracker)
        events += [SlotSet("theme", theme), SlotSet("audience", aud)]
        if phase:
            events.append(SlotSet("age_phase", phase))
        try:
            if query and intent_confidence(tracker) < SURE:
                articles = self._searched(query, theme, aud) or self._articles(query, theme, aud)
            else:
                articles = self._articles(query, theme, aud)
        except PortalError:
            send_fallback(dispatcher, "utter_portal_down")
            return events
        if not articles:
            dispatcher.utter_message(response="utter_no_articles")
            return events
        dispatcher.utter_message(response=f"utter_theme_{theme.replace('-', '_')}")
        for article in articles:
            dispatcher.utter_message(
                json_message={
                    "type": "article",
                    "slug": article["slug"],
                    "title": article.get("title") or article["slug"],
                    "url": article.get("url") or "",
                }
            )
        return events

    def _searched(self, query: str, theme: str, aud: str) -> List[Dict[str, Any]]:
        """When the classifier is unsure: what the portal's search finds for the
        whole question on both sites, the guessed theme first, then the audience."""
        hits = _usable_all(self.portal.items("/api/search", "hits", q=query, limit=6))
        hits.sort(key=lambda h: (theme not in (h.get("themes") or []), aud not in (h.get("audiences") or [aud])))
        return hits[:LIMIT]

    def _articles(self, query: str, theme: str, aud: str) -> List[Dict[str, Any]]:
        """Search hits first, then the theme's articles for the audience, then any."""
        if query:
            hits = self.portal.items(
                "/api/search", "hits", q=query, theme=theme, audience=aud, limit=LIMIT
            )
            if _usable(hits):
                return _usable(hits)
        for aud_filter in (aud, None):
            items = self.portal.items(
                "/api/articles", "items", theme=theme, audience=aud_filter, limit=LIMIT
            )
            if _usable(items):
                return _usable(items)
        return []


def _usable_all(items: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The items that have a slug."""
    return [item for item in items if item.get("slug")]


def _usable(items: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The first LIMIT items that have a slug."""
    return _usable_all(items)[:LIMIT]
