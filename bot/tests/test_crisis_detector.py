"""The crisis layer: lexicon (paraphrases, typos, chat language) and the NLU component."""
import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from components.crisis_detector import CrisisDetector
from components.crisis_lexicon import CrisisLexicon


@pytest.fixture(scope="module")
def lexicon():
    return CrisisLexicon.load()


# (message, crisis type that must be found)
POSITIVE = [
    # suicide, in the words of young people and parents
    ("ik wil niet meer leven", "suicide"),
    ("Ik wil niet meer leven.", "suicide"),
    ("ik wil dood", "suicide"),
    ("k wil dooood", "suicide"),
    ("ik wil gewoon dood eerlijk", "suicide"),
    ("wil echt dood", "suicide"),
    ("ik wil er niet meer zijn", "suicide"),
    ("ik wil er nie meer zijn", "suicide"),
    ("ik denk aan zelfmoord", "suicide"),
    ("ik denk aan zelfmoort", "suicide"),
    ("ik wil zelfmoord plegen", "suicide"),
    ("ik heb zelfmoordgedachtes", "suicide"),
    ("ik ben suïcidaal", "suicide"),
    ("suicide gedachten sinds een tijdje", "suicide"),
    ("ik wil er een einde aan maken", "suicide"),
    ("ik wil een eind aan mijn leven maken", "suicide"),
    ("ik zie het niet meer zitten", "suicide"),
    ("k zie t echt nie meer zitten", "suicide"),
    ("het leven heeft geen zin meer", "suicide"),
    ("niemand zou me missen als ik er niet meer ben", "suicide"),
    ("ik wou dat ik dood was", "suicide"),
    ("was ik maar nooit geboren", "suicide"),
    ("ik wil me ophangen", "suicide"),
    ("ik wil voor de trein springen", "suicide"),
    ("ik wil van een flat springen", "suicide"),
    ("ik ga mezelf iets aandoen", "suicide"),
    ("mijn dochter zegt dat ze dood wil", "suicide"),
    ("mijn zoon denkt aan doodgaan", "suicide"),
    ("ik ben bang dat mijn kind zichzelf iets aandoet", "suicide"),
    ("wil gwn kms", "suicide"),
    ("i want to die", "suicide"),
    ("mijn dochter slaapt slecht en ik wil eigenlijk niet meer leven", "suicide"),
    ("hoe laat zijn jullie open want ik denk aan zelfmoord", "suicide"),
    # self-harm
    ("ik snij mezelf", "selfharm"),
    ("ik snij mijzelf soms als ik boos ben", "selfharm"),
    ("ik kras", "selfharm"),
    ("ik kras al 2 jaar", "selfharm"),
    ("ik heb krassen op mijn armen gezet", "selfharm"),
    ("ik wil mezelf pijn doen", "selfharm"),
    ("ik doe mezelf pijn", "selfharm"),
    ("ik ben weer begonnen met krassen", "selfharm"),
    ("mijn dochter snijdt zichzelf", "selfharm"),
    ("ik heb mezelf gesneden", "selfharm"),
    ("zelfbeschadiging hoe stop ik", "selfharm"),
    ("ik doe aan selfharm", "selfharm"),
    # abuse
    ("ik word misbruikt", "abuse"),
    ("ik ben aangerand", "abuse"),
    ("ik ben aangerant door een jongen uit mijn klas", "abuse"),
    ("ik ben verkracht", "abuse"),
    ("hij zit aan me", "abuse"),
    ("mijn oom zit aan mij", "abuse"),
    ("mn stiefvader zat aan mijn borsten", "abuse"),
    ("iemand heeft mijn dochter misbruikt", "abuse"),
    ("mijn ex dreigt mijn naaktfotos te verspreiden", "abuse"),
    ("iemand chanteert me met nudes", "abuse"),
    ("hij dwingt me tot seks", "abuse"),
    ("ik moet van mijn familie trouwen en ik wil niet", "abuse"),
    # violence at home
    ("hij slaat me", "violence"),
    ("mijn vader slaat mij", "violence"),
    ("mijn moeder slaat me", "violence"),
    ("me pa slaat me elke dag", "violence"),
    ("mn vader slaad me", "violence"),
    ("thuis slaat mijn stiefvader me", "violence"),
    ("mijn moeder heeft me geslagen", "violence"),
    ("mijn moeder heeft me gisteren weer geslagen", "violence"),
    ("ik word thuis geslagen", "violence"),
    ("ik word mishandeld", "violence"),
    ("mijn man slaat de kinderen", "violence"),
    ("mijn vriend slaat mij als hij gedronken heeft", "violence"),
    ("ik ben bang voor mijn man", "violence"),
    ("ik ben bang voor mijn vader", "violence"),
    ("ik durf niet naar huis", "violence"),
    ("ik durf niet meer naar huis", "violence"),
    ("ik voel me niet veilig thuis", "violence"),
    ("mijn man bedreigt mij en de kinderen", "violence"),
    ("ze hebben me in elkaar geslagen", "violence"),
    ("bij ons thuis is veel geweld", "violence"),
    ("help hij wil me slaan", "violence"),
    # acute danger
    ("iemand bedreigt me met een mes", "danger"),
    ("hij heeft een mes en is heel boos", "danger"),
    ("hij zegt dat hij me gaat vermoorden", "danger"),
    ("ik ben in gevaar", "danger"),
    ("ik heb een hele strip paracetamol geslikt", "danger"),
    ("ik sta op het spoor", "danger"),
    ("ik heb mijn baby door elkaar geschud", "danger"),
    ("hij wurgt me", "danger"),
    ("ik heb een afscheidsbrief geschreven", "suicide"),
    ("ik heb al weken pillen opgespaard", "suicide"),
    ("ze zegt dat ze liever dood is", "suicide"),
    ("mijn peuter heeft een batterijtje ingeslikt", "danger"),
    ("help mijn zoon ademt niet meer", "danger"),
    ("de trainer heeft aan mij gezeten", "abuse"),
    ("een man van snapchat zegt dat ik het aan niemand mag vertellen", "abuse"),
    ("ik ben doodsbang voor mijn stiefvader", "violence"),
    # descriptions instead of the words themselves (written for the broader patterns)
    ("ik zie echt geen reden meer om te leven", "suicide"),
    ("mijn beste vriend stuurde een afscheidsbericht en reageert nergens meer op", "suicide"),
    ("ze nam afscheid en zei sorry voor alles, nu neemt ze niet meer op", "suicide"),
    ("ik wil gewoon gaan slapen en nooit meer wakker worden", "suicide"),
    ("er zitten allemaal sneetjes op de armen van mijn zoon", "selfharm"),
    ("mijn dochter heeft krassen op haar polsen en draagt alleen nog lange mouwen", "selfharm"),
    ("ik heb overal blauwe plekken door mijn stiefvader", "violence"),
    ("hij pakte me bij mijn keel en duwde me tegen de kast", "violence"),
    ("mijn moeder werd gisteren van de trap geduwd", "violence"),
    ("we zijn thuis allemaal bang als mijn vader dronken thuiskomt", "violence"),
    ("elke nacht geschreeuw bij de bovenburen en dan hoor ik hun kindje gillen", "violence"),
    ("mijn ex heeft gedreigd de baby iets aan te doen", "violence"),
    ("mijn oom komt snachts naar mijn kamer als iedereen slaapt", "abuse"),
    ("de oppas doet dingen met me die geheim moeten blijven", "abuse"),
    ("mijn dochtertje zegt dat de buurman aan haar billen zit", "abuse"),
    ("hij heeft filmpjes van me en verspreidt ze als ik geen geld stuur", "abuse"),
    ("mijn zusje van 14 heeft een vriendje van 24 dat ze via insta kent", "abuse"),
    ("ik moet van mijn familie trouwen en mijn vader zegt dat hij me anders wat aandoet", "abuse"),
    ("mijn zoontje heeft een wasbolletje in zijn mond gehad", "danger"),
    ("mijn vriendin heeft een hele strip slaappillen geslikt", "danger"),
    ("mijn vader is zo dronken dat hij niet meer wakker te krijgen is", "danger"),
    ("ik ben bang dat ik mijn huilbaby door elkaar ga schudden", "danger"),
]

# Everyday language that must NOT give the crisis reply.
NEGATIVE = [
    "mijn peuter slaat mij",
    "mijn peuter slaat en bijt",
    "mijn zoontje van 3 slaat me steeds",
    "mijn dochter van 2 heeft me geslagen",
    "mijn dreumes bijt en slaat andere kinderen",
    "mijn peuter zit steeds aan me",
    "mijn baby wil steeds bij me zijn",
    "ik ga dood van de stress",
    "ik ga echt dood van de stress voor mijn examens",
    "ik ga dood van de verveling",
    "ik ga dood van de honger",
    "ik ben doodmoe",
    "ik ben dood moe van mijn baby",
    "ik ben doodop",
    "dat is om je dood te lachen",
    "ik lach me dood",
    "ik verveel me dood",
    "ik schaam me dood",
    "zelfmoordactie in fortnite wat is dat",
    "wat is een zelfmoordaanslag",
    "ik moet een werkstuk maken over zelfmoordpreventie",
    "spreekbeurt over zelfmoord, waar vind ik info",
    "mijn kind is bang in het donker",
    "mijn dochter is bang voor de hond",
    "mijn zoon durft niet alleen te slapen",
    "hij heeft mijn vertrouwen misbruikt",
    "ik heb een kras op me scherm",
    "ik heb mijn pil genomen",
    "mijn kind neemt zijn medicijnen niet",
    "ik durf mijn rapport niet thuis te laten zien",
    "mijn baan is in gevaar",
    "ik moet me iets warms aandoen",
    "ik snij het brood",
    "krassen op mijn arm van de kat",
    "ik laat me niet slaan door een voetbal",
    "mijn kind wil niet meer naar school",
    "ik wil niet meer naar voetbal",
    "ik kan mezelf wel voor mijn kop slaan",
    "mijn oma is dood",
    "hoe leg ik uit dat opa dood is",
    "onze hamster is dood, hoe vertel ik het",
    "ik ben bang dat ik zak voor mijn examen",
    "hoe laat zijn jullie open",
    "wanneer is het inloopspreekuur in colmschate",
    "waar kan ik terecht met schulden",
    "waar kan ik terecht bij huiselijk geweld",
    "wat is kindermishandeling",
    "mijn zoon gamet de hele nacht",
    "is het normaal dat mijn puber zo veel slaapt",
    "mijn dochter wil niet eten",
    "hoe slaat een baby zijn armpjes om zich heen",
    "mijn zoon slaat de bal heel hard",
    "we hebben ruzie over de afwas",
    "mijn kinderen maken steeds ruzie",
    "ik ben zo moe dat ik niet meer kan nadenken",
    "we gingen dood van het lachen",
    "de batterij van mijn telefoon is dood",
    "ik ben verliefd op mijn beste vriend",
    "mijn ex wil de kinderen vaker zien",
    "hoeveel mag ik verdienen met een bijbaantje",
    "hoe bescherm ik mijn kind tegen grooming",
    "mag mijn kind van 12 alleen thuis blijven",
    "mijn zoon slaapt slecht sinds de scheiding",
    "killing it vandaag op school",
    "ik moet een geheim houden over het feestje van mijn zus",
    "mijn baby ademt heel snel als hij slaapt",
    "de batterij van de afstandsbediening is leeg",
    "wat een doodeng filmpje",
    "hoe voorkom ik wiegendood",
    "mijn pa vermoordt me als hij mijn cijfers ziet",
    # near misses of the broader patterns
    "mijn dochter wil dood- en doodgraag een hond",
    "ze heeft krassen op haar armen van de kat",
    "mijn zoon wordt 's ochtends niet wakker van zijn wekker",
    "we namen afscheid van oma in het ziekenhuis",
    "mijn peutertje zit steeds aan zijn piemel, is dat normaal?",
    "hoe leer ik mijn kind dat niemand zomaar aan zijn lichaam mag komen",
    "mijn zoon van 15 heeft een vriend van 16",
    "we gaan volgend jaar trouwen, hoe betrek ik de kinderen erbij",
    "mijn dochter heeft de hele strip kauwgom opgegeten",
]


@pytest.mark.parametrize("text, crisis_type", POSITIVE)
def test_crisis_is_found(lexicon, text, crisis_type):
    assert crisis_type in lexicon.detect(text)


@pytest.mark.parametrize("text", NEGATIVE)
def test_everyday_language_is_not_a_crisis(lexicon, text):
    assert lexicon.detect(text) == []


def test_enough_examples():
    assert len(POSITIVE) >= 60 and len(NEGATIVE) >= 60


def test_normalise(lexicon):
    assert lexicon.normalise("K wil DOOOOD!!! m'n leven") == "ik wil dood mijn leven"
    assert lexicon.normalise("Suïcide, zelf moord") == "suicide zelfmoord"


def test_everyday_sayings(lexicon):
    assert lexicon.everyday("ik ga dood van de stress")
    assert not lexicon.everyday("ik wil dood")


# --- the NLU component ------------------------------------------------------

def detector():
    return CrisisDetector(CrisisLexicon.load(), ml_threshold=0.5)


def message(text, ranking):
    msg = Message(data={TEXT: text})
    msg.set(INTENT, dict(ranking[0]))
    msg.set(INTENT_RANKING_KEY, [dict(item) for item in ranking])
    msg.set(ENTITIES, [{"entity": "wijk", "value": "colmschate"}])
    return msg


def intent(msg):
    return msg.get(INTENT)["name"]


def test_lexicon_hit_overrides_any_intent():
    msg = message("mijn zoon slaapt slecht en ik wil er niet meer zijn",
                  [{"name": "vraag_slapen", "confidence": 0.97}, {"name": "crisis", "confidence": 0.02}])
    detector().process([msg])
    assert msg.get(INTENT) == {"name": "crisis", "confidence": 1.0}
    assert [i["name"] for i in msg.get(INTENT_RANKING_KEY)] == ["crisis", "vraag_slapen"]
    assert [e["value"] for e in msg.get(ENTITIES) if e["entity"] == "crisis_type"] == ["suicide"]
    assert {"entity": "wijk", "value": "colmschate"} in msg.get(ENTITIES)
    assert "intent" in msg.output_properties and "entities" in msg.output_properties


def test_lexicon_hit_overrides_nlu_fallback():
    msg = message("hij slaat me", [{"name": "nlu_fallback", "confidence": 0.4},
                                   {"name": "vraag_gedrag", "confidence": 0.3}])
    detector().process([msg])
    assert intent(msg) == "crisis"


def test_ml_fallback_stays_a_fallback():
    msg = message("het wordt me allemaal te veel",
                  [{"name": "nlu_fallback", "confidence": 0.4}, {"name": "crisis", "confidence": 0.35}])
    detector().process([msg])
    assert intent(msg) == "nlu_fallback"


def test_weak_ml_crisis_becomes_a_fallback():
    msg = message("schrijf een gedicht over de zee",
                  [{"name": "crisis", "confidence": 0.42}, {"name": "vraag_eten", "confidence": 0.08}])
    detector().process([msg])
    assert intent(msg) == "nlu_fallback"
    assert [i["name"] for i in msg.get(INTENT_RANKING_KEY)][:2] == ["nlu_fallback", "crisis"]


@pytest.mark.parametrize("text", ["ik ga dood van de stress voor mijn examens", "hoe voorkom ik wiegendood"])
def test_ml_crisis_on_an_everyday_saying_becomes_the_next_intent(text):
    msg = message(text,
                  [{"name": "crisis", "confidence": 0.7}, {"name": "vraag_school", "confidence": 0.2}])
    detector().process([msg])
    assert intent(msg) == "vraag_school"


def test_everyday_saying_with_no_real_second_guess_becomes_a_fallback():
    msg = message("ik moet een werkstuk maken over zelfmoordpreventie",
                  [{"name": "crisis", "confidence": 0.97}, {"name": "affirm", "confidence": 0.01}])
    detector().process([msg])
    assert intent(msg) == "nlu_fallback"


def test_ml_crisis_alone_is_kept():
    msg = message("het gaat echt helemaal niet meer met me",
                  [{"name": "crisis", "confidence": 0.8}, {"name": "vraag_mentaal", "confidence": 0.1}])
    detector().process([msg])
    assert intent(msg) == "crisis"


def test_button_payloads_are_left_alone():
    msg = message("/inloop", [{"name": "inloop", "confidence": 1.0}])
    detector().process([msg])
    assert intent(msg) == "inloop"
