"""The blended intent classifier: trained, saved, loaded, and blended with DIET."""
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.blended_classifier import BlendedIntentClassifier

EXAMPLES = {
    "vraag_slapen": ["mijn baby slaapt niet door", "hij wil niet naar bed", "ze wordt elke nacht wakker",
                     "hoeveel uur slaap heeft een kind nodig", "ik kan niet in slaap komen"],
    "vraag_eten": ["mijn kind eet geen groente", "hoeveel flesvoeding per dag", "ze wil alleen snoep",
                   "hij lust niks", "gezond ontbijt voor school"],
    "greet": ["hoi", "hallo", "goedemorgen", "hey daar", "hallo cjg"],
}


@pytest.fixture
def storage(tmp_path):
    return LocalModelStorage(tmp_path)


def context():
    return ExecutionContext(GraphSchema({}), "test")


def trained(storage, **config):
    resource = Resource("blended")
    component = BlendedIntentClassifier.create({**BlendedIntentClassifier.get_default_config(), **config},
                                               storage, resource, context())
    data = TrainingData([Message(data={TEXT: text, INTENT: intent})
                         for intent, texts in EXAMPLES.items() for text in texts])
    component.train(data)
    return component, resource


def message(text, ranking):
    msg = Message(data={TEXT: text})
    msg.set(INTENT, dict(ranking[0]))
    msg.set(INTENT_RANKING_KEY, [dict(item) for item in ranking])
    return msg


def test_the_blend_can_overrule_an_unsure_diet(storage):
    component, _ = trained(storage)
    msg = message("mijn dochter slaapt slecht en wordt steeds wakker",
                  [{"name": "vraag_eten", "confidence": 0.45}, {"name": "vraag_slapen", "confidence": 0.4}])
    component.process([msg])
    assert msg.get(INTENT)["name"] == "vraag_slapen"
    ranking = msg.get(INTENT_RANKING_KEY)
    assert ranking[0] == msg.get(INTENT)
    assert [r["confidence"] for r in ranking] == sorted((r["confidence"] for r in ranking), reverse=True)
    assert abs(sum(r["confidence"] for r in ranking) - 1.0) < 0.05


def test_a_sure_diet_weighs_in(storage):
    component, _ = trained(storage, diet_weight=1.0)
    msg = message("hoi daar", [{"name": "vraag_eten", "confidence": 0.9}, {"name": "greet", "confidence": 0.1}])
    component.process([msg])
    assert msg.get(INTENT) == {"name": "vraag_eten", "confidence": pytest.approx(0.9)}


def test_saved_and_loaded_gives_the_same_blend(storage):
    component, resource = trained(storage)
    loaded = BlendedIntentClassifier.load(BlendedIntentClassifier.get_default_config(), storage, resource, context())
    ranking = [{"name": "greet", "confidence": 0.5}, {"name": "vraag_eten", "confidence": 0.5}]
    assert loaded.blend(ranking, "wat eet een peuter") == component.blend(ranking, "wat eet een peuter")


def test_untrained_leaves_the_ranking_alone(storage):
    component = BlendedIntentClassifier.load(BlendedIntentClassifier.get_default_config(), storage,
                                             Resource("nothing"), context())
    msg = message("hoi", [{"name": "greet", "confidence": 0.8}])
    component.process([msg])
    assert msg.get(INTENT) == {"name": "greet", "confidence": 0.8}


def test_button_payloads_are_left_alone(storage):
    component, _ = trained(storage)
    msg = message("/vraag_eten", [{"name": "vraag_eten", "confidence": 1.0}])
    component.process([msg])
    assert msg.get(INTENT) == {"name": "vraag_eten", "confidence": 1.0}
