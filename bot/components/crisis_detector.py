"""NLU graph component: a crisis lexicon hit overrides any predicted intent.

Placed at the END of the pipeline (after DIETClassifier and FallbackClassifier),
so it also overrides `nlu_fallback`. On a hit it sets the intent `crisis` with
confidence 1.0, puts `crisis` first in the ranking and adds one `crisis_type`
entity per type found. Without a hit the ML prediction stays as it is, so the
ML intent `crisis` still gives the crisis reply as well.
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


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False
)
class CrisisDetector(GraphComponent, IntentClassifier):
    """Sets intent `crisis` when the crisis lexicon matches the message."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`lexicon`: path of the lexicon file; empty means data/crisis_lexicon.yml."""
        return {"lexicon": None}

    def __init__(self, lexicon: CrisisLexicon) -> None:
        self._lexicon = lexicon

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
        return cls(CrisisLexicon.load(Path(path) if path else None))

    def process(self, messages: List[Message]) -> List[Message]:
        """Overrides the intent of every message that matches the lexicon."""
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/"):
                continue  # button payloads such as "/inloop" are not typed text
            types = self._lexicon.detect(text)
            if types:
                self._mark_crisis(message, types)
        return messages

    @staticmethod
    def _mark_crisis(message: Message, types: List[Text]) -> None:
        # Only the types are logged, never the user's text.
        logger.debug(f"Crisis lexicon hit: {types}")
        crisis = {INTENT_NAME_KEY: CRISIS_INTENT, PREDICTED_CONFIDENCE_KEY: 1.0}
        ranking = [
            item
            for item in message.get(INTENT_RANKING_KEY) or []
            if item.get(INTENT_NAME_KEY) != CRISIS_INTENT
        ]
        message.set(INTENT, crisis, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [crisis] + ranking, add_to_output=True)
        entities = [
            e
            for e in message.get(ENTITIES) or []
            if e.get("entity") != CRISIS_ENTITY
        ]
        text = message.get(TEXT)
        entities.extend(
            {
                "entity": CRISIS_ENTITY,
                "value": crisis_type,
                "start": 0,
                "end": len(text),
                "confidence_entity": 1.0,
                "extractor": "CrisisDetector",
            }
            for crisis_type in types
        )
        message.set(ENTITIES, entities, add_to_output=True)
