"""Answers a theme question (vraag_*) with 1-3 articles from the portal."""
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.audience import age_phase, audience
from actions.disclosure import disclose
from actions.find_service import ActionFindService, service_question
from actions.handoff import offer_if_in_doubt
from actions.message import intent_confidence, intent_of, typed_text
from actions.portal import PortalClient, PortalError
from actions.redirect import redirected
from actions.replies import send_fallback
from actions.second_opinion import agreed_theme, hits_of, ranked_themes, search_hits
from actions.taxonomy import theme_of_intent

LIMIT = 3
SURE = 0.6  # below this the portal's search gives a second opinion on the theme
RANKED = 0.05  # the search may only pick a theme the classifier gave at least this


class ActionAnswerQuestion(Action):
    """A warm line for the theme plus one `article` payload per article; the
    social map instead when the question asks where to go."""

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
        answered = redirected(dispatcher, tracker, self.portal)
        if answered is not None:
            return events + answered
        category = service_question(tracker, theme) if query else None
        if category:
            return events + [SlotSet("theme", theme)] + ActionFindService(self.portal).answer(
                dispatcher, tracker, category)
        aud = audience(tracker)
        try:
            if query and intent_confidence(tracker) < SURE:
                hits = search_hits(self.portal, query)
                ranked = ranked_themes(tracker) or {theme: intent_confidence(tracker)}
                theme = agreed_theme(ranked, hits, min_classifier=RANKED, min_search=0.0) or theme
                articles = hits_of(theme, hits, aud)[:LIMIT] or self.articles(query, theme, aud)
            else:
                articles = self.articles(query, theme, aud)
        except PortalError:
            send_fallback(dispatcher, "utter_portal_down")
            return events
        events += self.reply(dispatcher, tracker, theme, articles)
        return events + offer_if_in_doubt(dispatcher, tracker, self.portal)

    def reply(self, dispatcher: CollectingDispatcher, tracker: Tracker, theme: str,
              articles: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
        """The theme's warm line and the articles (without the disclosure); the slots."""
        query = typed_text(tracker)
        events = [SlotSet("theme", theme), SlotSet("audience", audience(tracker))]
        phase = age_phase(query, next(tracker.get_latest_entity_values("leeftijd"), None))
        if phase:
            events.append(SlotSet("age_phase", phase))
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

    def articles(self, query: str, theme: str, aud: str) -> List[Dict[str, Any]]:
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


def _usable(items: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The first LIMIT items that have a slug."""
    return [item for item in items if item.get("slug")][:LIMIT]
