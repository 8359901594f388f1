"""NLU graph component: a second intent classifier blended with DIET's ranking.

DIET learns its own features from ~3,000 examples and generalises unevenly to
wordings it has never seen. A linear model on TF-IDF word (1-2) and character
(2-5, inside words) n-grams errs on other messages. Placed right after the
DIETClassifier, this component trains that model on the same examples and
replaces DIET's ranking by the blend `diet_weight * DIET + (1 - diet_weight) *
logistic regression`; the FallbackClassifier and the CrisisDetector after it
work on the blend.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

import skops.io as sio
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

logger = logging.getLogger(__name__)

MODEL_FILE = "blended_classifier.skops"
# What a saved model may hold besides sklearn's own types (skops refuses the rest).
TRUSTED = ["scipy.sparse._csr.csr_matrix"]


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class BlendedIntentClassifier(GraphComponent, IntentClassifier):
    """Logistic regression on TF-IDF n-grams, blended with the intent ranking
    of the classifier before it."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`diet_weight`: share of the previous classifier in the blend; `C`: the
        inverse regularisation of the logistic regression; `ranking_length`:
        intents kept in the ranking."""
        return {"diet_weight": 0.3, "C": 20.0, "ranking_length": 10}

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[Pipeline] = None) -> None:
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> BlendedIntentClassifier:
        """A new, untrained component."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> BlendedIntentClassifier:
        """The trained component; untrained (DIET's ranking left alone) when nothing was saved."""
        try:
            with model_storage.read_from(resource) as directory:
                model = sio.load(directory / MODEL_FILE, trusted=TRUSTED)
        except (ValueError, FileNotFoundError):
            logger.debug("BlendedIntentClassifier: no trained model, DIET's ranking stays")
            model = None
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the model on the intent examples and saves it."""
        examples = [e for e in training_data.intent_examples if e.get(TEXT) and e.get(INTENT)]
        if len({e.get(INTENT) for e in examples}) < 2:
            return self._resource
        features = make_union(
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
        )
        self._model = make_pipeline(features, LogisticRegression(C=self._config["C"], max_iter=3000))
        self._model.fit([_plain(e.get(TEXT)) for e in examples], [e.get(INTENT) for e in examples])
        with self._model_storage.write_to(self._resource) as directory:
            sio.dump(self._model, directory / MODEL_FILE)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Replaces the intent and ranking of every typed message by the blend."""
        if self._model is None:
            return messages
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/"):
                continue  # button payloads such as "/inloop" are not typed text
            ranking = self.blend(message.get(INTENT_RANKING_KEY) or [], text)
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages

    def blend(self, previous: List[Dict[Text, Any]], text: Text) -> List[Dict[Text, Any]]:
        """The blended ranking, best first, `ranking_length` long."""
        weight = float(self._config["diet_weight"])
        before = {item[INTENT_NAME_KEY]: float(item.get(PREDICTED_CONFIDENCE_KEY) or 0.0) for item in previous}
        probabilities = self._model.predict_proba([_plain(text)])[0]
        scores = {intent: (1 - weight) * float(p) for intent, p in zip(self._model.classes_, probabilities)}
        for intent, confidence in before.items():
            scores[intent] = scores.get(intent, 0.0) + weight * confidence
        ranking = sorted(scores.items(), key=lambda item: item[1], reverse=True)
        return [{INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: score}
                for intent, score in ranking[: int(self._config["ranking_length"]) or None]]


def _plain(text: Text) -> Text:
    return text.lower()
