"""A second opinion on the theme: the portal's search next to the classifier.

When the classifier is unsure, the articles that the search finds for the whole
question tell which of its guesses fits. Each theme gets the classifier's
confidence plus a share of the search: the weight of the top hits that carry the
theme (a hit weighs its score relative to the best hit).
"""
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

from rasa_sdk import Tracker

from actions.portal import PortalClient
from actions.taxonomy import theme_of_intent

SEARCH_LIMIT = 6
OUT_OF_SCOPE = "out_of_scope"
SEARCH_WEIGHT = 0.5  # how much the search counts next to the classifier's confidence


@dataclass(frozen=True)
class Opinion:
    """A theme with what the classifier and the search say about it."""

    theme: str
    classifier: float  # the intent's confidence (0 when not ranked)
    search: float  # share of the top hits' weight that carries the theme (0-1)

    @property
    def score(self) -> float:
        return self.classifier + SEARCH_WEIGHT * self.search


def ranked_themes(tracker: Tracker) -> Dict[str, float]:
    """The theme intents of the latest message's ranking with their confidence,
    those ranked above `out_of_scope` only."""
    themes: Dict[str, float] = {}
    for ranked in (tracker.latest_message or {}).get("intent_ranking") or []:
        if ranked.get("name") == OUT_OF_SCOPE:
            break
        theme = theme_of_intent(ranked.get("name"))
        if theme and theme not in themes:
            themes[theme] = float(ranked.get("confidence") or 0.0)
    return themes


def search_hits(portal: PortalClient, query: str) -> List[Dict[str, Any]]:
    """What the search finds for the whole question on both sites (hits with a slug)."""
    hits = portal.items("/api/search", "hits", q=query, limit=SEARCH_LIMIT)
    return [hit for hit in hits if hit.get("slug")]


def opinions(classifier: Dict[str, float], hits: List[Dict[str, Any]]) -> List[Opinion]:
    """Every theme named by the classifier or the hits, best first."""
    best = max((float(hit.get("score") or 0.0) for hit in hits), default=0.0)
    weights = [(float(hit.get("score") or 0.0) / best if best > 0 else 1.0, hit.get("themes") or [])
               for hit in hits]
    total = sum(weight for weight, _ in weights) or 1.0
    themes = list(dict.fromkeys(list(classifier) + [t for _, hit_themes in weights for t in hit_themes]))
    found = [
        Opinion(theme, classifier.get(theme, 0.0),
                sum(weight for weight, hit_themes in weights if theme in hit_themes) / total)
        for theme in themes
    ]
    return sorted(found, key=lambda opinion: opinion.score, reverse=True)


def agreed_theme(classifier: Dict[str, float], hits: List[Dict[str, Any]],
                 min_classifier: float, min_search: float) -> Optional[str]:
    """The best theme when both the classifier and the search back it enough."""
    for opinion in opinions(classifier, hits):
        if opinion.classifier >= min_classifier and opinion.search >= min_search:
            return opinion.theme
    return None


def hits_of(theme: str, hits: List[Dict[str, Any]], audience: str) -> List[Dict[str, Any]]:
    """The hits that carry `theme`, those for `audience` first."""
    own = [hit for hit in hits if theme in (hit.get("themes") or [])]
    return sorted(own, key=lambda hit: audience not in (hit.get("audiences") or [audience]))
