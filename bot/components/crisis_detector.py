"""NLU graph component: the crisis layer on top of the ML intent.

Placed at the END of the pipeline (after DIETClassifier and FallbackClassifier)
so that its decision is final, `nlu_fallback` included:

1. Lexicon hit (data/crisis_lexicon.yml): intent `crisis` with confidence 1.0,
   `crisis` first in the ranking, one `crisis_type` entity per type found.
   Whatever the ML model predicted.
2. No hit, ML says `crisis`:
   - the message is one of the lexicon's everyday sayings ("ik ga dood van de
     stress", "hoe voorkom ik wiegendood"): the next best intent (or
     `nlu_fallback` when that is a mere guess); the lexicon explains the word;
   - the message is not personal at all (the lexicon's `personal`):
     `nlu_fallback` (the fallback reply, which offers a CJG worker).
     Nonsense tends to land on the varied crisis class;
   - the confidence is below `ml_threshold`, a doubt: the next best intent when
     it is a question the assistant answers and a real guess, else
     `nlu_fallback`; `crisis` stays second in the ranking, and the answer then
     offers a CJG worker as well;
   - otherwise `crisis` stays: the ML intent alone also gives the crisis reply.
3. No hit, another intent, and an everyday saying: `crisis` leaves the ranking.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from components.crisis_lexicon import CrisisLexicon

logger = logging.getLogger(__name__)

CRISIS_INTENT = "crisis"
CRISIS_ENTITY = "crisis_type"
# An everyday saying or a doubt (below ml_threshold) moves an ML crisis to the
# next best intent when that is a real guess: at least DEMOTE_MIN, or a theme
# question with at least DOUBT_MIN and DEMOTE_SHARE of what the crisis left
# over; a doubt only to a question the assistant answers (ANSWERED).
# Otherwise to nlu_fallback.
DEMOTE_MIN = 0.1
DEMOTE_SHARE = 0.2
DOUBT_MIN = 0.05
# The intents a doubtful ML crisis may go to: questions the assistant answers.
ANSWERED = ("vraag_", "zoek_hulp", "inloop", "medewerker")


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class CrisisDetector(GraphComponent, IntentClassifier):
    """Sets intent `crisis` on a lexicon hit; adjusts the ML `crisis` intent."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`lexicon`: path of the lexicon (empty: data/crisis_lexicon.yml);
        `ml_threshold`: lowest ML confidence for a crisis without a lexicon hit
        (config.yml sets it)."""
        return {"lexicon": None, "ml_threshold": 0.5}

    def __init__(self, lexicon: CrisisLexicon, ml_threshold: float) -> None:
        self._lexicon = lexicon
        self._ml_threshold = ml_threshold

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisDetector:
        """Loads the lexicon named in the config."""
        path: Optional[Text] = config.get("lexicon")
        return cls(
            CrisisLexicon.load(Path(path) if path else None),
            float(config["ml_threshold"]),
        )

    def process(self, messages: List[Message]) -> List[Message]:
        """Applies the crisis layer to every typed message."""
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/"):
                continue  # button payloads such as "/inloop" are not typed text
            types = self._lexicon.detect(text)
            if types:
                _mark_crisis(message, types)
            elif _intent(message) == CRISIS_INTENT:
                self._check_ml_crisis(message, text)
            elif self._lexicon.everyday(text):
                _drop_crisis(message)
        return messages

    def _check_ml_crisis(self, message: Message, text: Text) -> None:
        """An ML-only crisis: overruled by an everyday saying, a message that is
        not personal at all, or a score below the threshold (a doubt)."""
        if self._lexicon.everyday(text):
            logger.debug("Crisis layer: ML crisis on an everyday saying")
            _demote_crisis(message, self._ml_threshold)
        elif not self._lexicon.personal(text):
            logger.debug("Crisis layer: ML crisis on an impersonal message, nlu_fallback")
            _set_fallback(message, self._ml_threshold)
        elif message.get(INTENT).get(PREDICTED_CONFIDENCE_KEY, 0.0) < self._ml_threshold:
            logger.debug("Crisis layer: ML crisis below the threshold, a doubt")
            _demote_crisis(message, self._ml_threshold, doubt=True)


def _intent(message: Message) -> Optional[Text]:
    return (message.get(INTENT) or {}).get(INTENT_NAME_KEY)


def _mark_crisis(message: Message, types: List[Text]) -> None:
    """Intent `crisis` (1.0) first in the ranking, plus the crisis_type entities."""
    # Only the types are logged, never the user's text.
    logger.debug(f"Crisis layer: crisis {types or '(ML)'}")
    crisis = {INTENT_NAME_KEY: CRISIS_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
    ranking = [
        item
        for item in message.get(INTENT_RANKING_KEY) or []
        if item.get(INTENT_NAME_KEY) != CRISIS_INTENT
    ]
    message.set(INTENT, crisis, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [crisis] + ranking, add_to_output=True)
    entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") != CRISIS_ENTITY]
    end = len(message.get(TEXT))
    entities.extend(
        {
            "entity": CRISIS_ENTITY,
            "value": crisis_type,
            "start": 0,
            "end": end,
            "confidence_entity": 1.0,
            "extractor": "CrisisDetector",
        }
        for crisis_type in types
    )
    message.set(ENTITIES, entities, add_to_output=True)


def _demote_crisis(message: Message, fallback_confidence: float, doubt: bool = False) -> None:
    """The next best intent instead of the ML `crisis` when it is a real guess,
    else `nlu_fallback`. An everyday saying takes `crisis` out of the ranking; a
    doubt (below the threshold) goes only to a question the assistant answers (a
    theme, the social map, the walk-in points, a person) and keeps `crisis`
    second, so that the answer offers a worker too (actions/message.py,
    `crisis_in_doubt`); the fallback reply offers one anyway."""
    crisis = dict(message.get(INTENT))
    rest = [
        item
        for item in message.get(INTENT_RANKING_KEY) or []
        if item.get(INTENT_NAME_KEY) not in (CRISIS_INTENT, DEFAULT_NLU_FALLBACK_INTENT_NAME)
    ]
    second = rest[0] if rest else None
    if second and _fair_second(second, crisis.get(PREDICTED_CONFIDENCE_KEY, 0.0)) and (
            not doubt or str(second.get(INTENT_NAME_KEY)).startswith(ANSWERED)):
        message.set(INTENT, dict(second), add_to_output=True)
        message.set(INTENT_RANKING_KEY, [second, crisis] + rest[1:] if doubt else rest, add_to_output=True)
    else:
        _set_fallback(message, fallback_confidence)


def _fair_second(second: Dict[Text, Any], crisis_confidence: float) -> bool:
    """The next best intent is a real guess: at least DEMOTE_MIN, or a theme
    question with at least DOUBT_MIN and DEMOTE_SHARE of what the crisis left over."""
    confidence = second.get(PREDICTED_CONFIDENCE_KEY, 0.0)
    left = max(1.0 - crisis_confidence, 1e-6)
    return confidence >= DEMOTE_MIN or (str(second.get(INTENT_NAME_KEY)).startswith("vraag_")
                                        and confidence >= DOUBT_MIN and confidence / left >= DEMOTE_SHARE)


def _drop_crisis(message: Message) -> None:
    """An everyday saying ("ik ga dood van de zenuwen") that did not make the
    intent `crisis`: `crisis` leaves the ranking too, so that the answer that
    follows (a theme, or the fallback's second opinion) does not weigh it."""
    ranking = message.get(INTENT_RANKING_KEY) or []
    if any(item.get(INTENT_NAME_KEY) == CRISIS_INTENT for item in ranking):
        message.set(INTENT_RANKING_KEY,
                    [item for item in ranking if item.get(INTENT_NAME_KEY) != CRISIS_INTENT], add_to_output=True)


def _set_fallback(message: Message, confidence: float) -> None:
    fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: confidence}
    message.set(INTENT, fallback, add_to_output=True)
    message.set(
        INTENT_RANKING_KEY, [fallback] + (message.get(INTENT_RANKING_KEY) or []), add_to_output=True
    )
