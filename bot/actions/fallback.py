"""The answer when the assistant did not understand or cannot help."""
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_question import ActionAnswerQuestion
from actions.audience import audience
from actions.disclosure import disclose
from actions.find_service import ActionFindService, service_question
from actions.handoff import to_a_person
from actions.message import intent_of, typed_text
from actions.portal import PortalClient, PortalError
from actions.redirect import redirected
from actions.replies import send_fallback
from actions.second_opinion import agreed_theme, hits_of, ranked_themes, search_hits
from actions.taxonomy import theme_of_intent

GUESS = 0.15  # a theme this likely (though below the fallback threshold) is worth offering
# Not understood, yet answered after all when the classifier gave a theme at
# least AGREE_CLASSIFIER and at least AGREE_SEARCH of the search's top hits carry it.
AGREE_CLASSIFIER = 0.1
AGREE_SEARCH = 0.5
# Not understood because two intents came equally close, the first a theme this
# likely (the FallbackClassifier's threshold): the search decides between the
# close themes. Neither happens when the classifier had `crisis` close.
CLOSE = 0.25
RANKED = 0.05
LIMIT = 3


class ActionDefaultFallback(Action):
    """Says so kindly and offers search, the social map and a CJG worker.

    Used for `nlu_fallback`, for `out_of_scope`, for small talk the classifier
    was unsure of, and as the RulePolicy's core fallback (it replaces Rasa's
    built-in action_default_fallback). When the message asks where to go for a
    named kind of help, the social map answers; when the classifier was unsure
    but the portal's search agrees with one of its themes, that theme does.
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
        if _crisis_came_close(tracker):  # only a person, who is the safe answer there too
            answered = to_a_person(dispatcher, tracker, self.portal)
        else:
            answered = self._answered_after_all(dispatcher, tracker)
        if answered is not None:
            return events + answered
        send_fallback(dispatcher, "utter_fallback")
        self._maybe_helpful(dispatcher, tracker)
        return events

    def _answered_after_all(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> Optional[List[Dict[str, Any]]]:
        """The social map when the message asks where to go for a named kind of
        help; a theme when the search backs the classifier's guess or decides a
        close call; a person, the walk-in points or the phone hours when asked
        for. None (nothing uttered) otherwise."""
        answered = redirected(dispatcher, tracker, self.portal)
        if answered is not None:
            return answered
        category = service_question(tracker, None)
        if category:
            return ActionFindService(self.portal).answer(dispatcher, tracker, category)
        query = typed_text(tracker)
        hits = self._hits(query)
        ranked = ranked_themes(tracker)
        theme = agreed_theme(ranked, hits, AGREE_CLASSIFIER, AGREE_SEARCH)
        if theme is None and _close_call(tracker):
            theme = agreed_theme(ranked, hits, RANKED, 0.0)
        if theme is None:
            return None
        answerer = ActionAnswerQuestion(self.portal)
        aud = audience(tracker)
        try:
            articles = hits_of(theme, hits, aud)[:LIMIT] or answerer.articles(query, theme, aud)
        except PortalError:
            return None
        return answerer.reply(dispatcher, tracker, theme, articles)

    def _hits(self, query: str) -> List[Dict[str, Any]]:
        """The search's hits for the whole question (none for a button or when the portal is down)."""
        if not query:
            return []
        try:
            return search_hits(self.portal, query)
        except PortalError:
            return []

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
            try:
                hits = [h for h in self.portal.items("/api/articles", "items", theme=theme, limit=2) if h.get("slug")]
            except PortalError:
                return
        if not hits:
            return
        dispatcher.utter_message(response="utter_maybe_helpful")
        for hit in hits:
            dispatcher.utter_message(json_message={"type": "article", "slug": hit["slug"],
                                                   "title": hit.get("title") or hit["slug"], "url": hit.get("url") or ""})


def _top_two(tracker: Tracker) -> List[Dict[str, Any]]:
    """The two likeliest intents of the classifier."""
    return [r for r in (tracker.latest_message or {}).get("intent_ranking") or []
            if r.get("name") != "nlu_fallback"][:2]


def _crisis_came_close(tracker: Tracker) -> bool:
    """The classifier had `crisis` among its two likeliest intents: then the
    fallback (which offers a CJG worker) stays, no theme is answered instead."""
    return any(r.get("name") == "crisis" for r in _top_two(tracker))


def _close_call(tracker: Tracker) -> bool:
    """The two likeliest intents were too close to call, the first a likely theme."""
    ranking = _top_two(tracker)
    return bool(ranking) and theme_of_intent(ranking[0].get("name")) is not None \
        and float(ranking[0].get("confidence") or 0.0) >= CLOSE


def _guessed_theme(tracker: Tracker) -> Optional[str]:
    """The theme of the likeliest theme intent in the ranking, if likely enough."""
    for ranked in (tracker.latest_message or {}).get("intent_ranking") or []:
        theme = theme_of_intent(ranked.get("name"))
        if theme and (ranked.get("confidence") or 0) >= GUESS:
            return theme
        if ranked.get("name") not in ("nlu_fallback",) and not theme:
            return None  # a non-theme intent is likelier: do not guess a theme
    return None
