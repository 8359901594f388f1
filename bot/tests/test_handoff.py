"""action_offer_handoff and action_handoff_accept."""
from actions.find_service import ActionFindService
from actions.handoff import ActionHandoffAccept, ActionOfferHandoff, asks_for_a_person, asks_to_write
from actions.small_talk import ActionSmallTalk
from conftest import FakePortal, make_tracker, payloads, responses

BUTTONS = [{"title": "Ja, graag", "payload": "/handoff_accept"}, {"title": "Nee, dank je", "payload": "/deny"}]


def offer(status, domain, dispatcher, down=False):
    portal = FakePortal({"/api/ehulp/status": status}, down=down)
    ActionOfferHandoff(portal).run(dispatcher, make_tracker("ik wil een mens", "medewerker"), domain)


def test_live_chat_available(domain, dispatcher):
    offer({"available": True, "next_open": None}, domain, dispatcher)
    assert responses(dispatcher) == ["utter_disclosure", "utter_handoff_available"]
    assert dispatcher.messages[1]["buttons"] == BUTTONS
    assert payloads(dispatcher) == [{"type": "handoff_offer", "available": True, "next_open": None}]


def test_not_available_says_when_and_offers_a_question(domain, dispatcher):
    offer({"available": False, "next_open": "2030-01-07T09:00:00+01:00", "hours_text": "ma-vr 9-17"},
          domain, dispatcher)
    later = dispatcher.messages[1]
    assert later["response"] == "utter_handoff_later" and later["buttons"] == BUTTONS
    assert "9.00 uur" in later["next_open"] and later["hours"] == "Chattijden: ma-vr 9-17."
    assert payloads(dispatcher) == [
        {"type": "handoff_offer", "available": False, "next_open": "2030-01-07T09:00:00+01:00"}
    ]


def test_portal_down_still_offers(domain, dispatcher):
    offer({}, domain, dispatcher, down=True)
    assert responses(dispatcher)[-1] == "utter_handoff_unknown"
    assert payloads(dispatcher) == [{"type": "handoff_offer", "available": False, "next_open": None}]


def test_no_worker_and_no_next_time(domain, dispatcher):
    offer({"available": False, "next_open": None}, domain, dispatcher)
    assert responses(dispatcher)[-1] == "utter_handoff_question"


def test_accept_points_to_contact_and_e_hulp(domain, dispatcher):
    tracker = make_tracker("/handoff_accept", "handoff_accept", slots={"disclosed": True})
    ActionHandoffAccept().run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_handoff_accept"]
    text = domain["responses"]["utter_handoff_accept"][0]["text"]
    assert "/contact" in text and "/e-hulp" in text


def test_asking_for_a_person():
    for text in ("ik wil een mens", "is er een mevrouw of meneer die mij kan helpen", "kan ik een echt persoon spreken",
                 "liever met een medewerker", "zit er wel een mens achter deze chat"):
        assert asks_for_a_person(text), text
    for text in ("ik voel me geen mens meer", "mijn zoon wil een robot als cadeau", "de meneer van de gym is streng",
                 "ik wil iemand van het cjg in het echt spreken", "mijn zoon wil niet met iemand van jullie praten",
                 "ik wil geen mens spreken", "my son refuses to talk to someone about it"):
        assert not asks_for_a_person(text), text
    assert asks_for_a_person("ik wil niet meer met de bot praten, ik wil een mens")
    for text in ("kan ik een gesprek met een echte hulpverlener?", "kan iemand van jullie met me meedenken",
                 "can i talk to a real person?", "heb je iemand die ik kan spreken?",
                 "is er iemand om mee te praten over mijn zoon", "kan ik iemand van het cjg bellen",
                 "ik wil nu gewoon iemand spreken die met me meedenkt", "zit er iemand achter deze chat?",
                 "is er nu een hulpverlener online?", "zit er vandaag een cjg-medewerker in de chat",
                 "ik heb geen zin om steeds met een computer te typen", "ik wil niet met een robot chatten",
                 "met wie kan ik over mijn dochter praten, niet met een bot"):
        assert asks_for_a_person(text), text
    for text in ("is er iemand die weet hoe je een fietsband plakt", "ik heb niemand om mee te praten",
                 "is er een hulpverlener die gespecialiseerd is in autisme in deventer",
                 "mijn zoon wil niet met de computer praten maar wel gamen", "met wie kan ik praten over pesten"):
        assert not asks_for_a_person(text), text


def test_asking_to_write_a_question():
    for text in ("e-hulp cjg hoe werkt dat", "wat zijn de chattijden?", "econsult?",
                 "kan ik mijn vraag digitaal stellen?", "kan het ook via de website?",
                 "kan ik s nachts een vraag achterlaten", "kan ik anoniem een vraag stellen",
                 "mailadres om een opvoedvraag te sturen?", "hoe snel krijg je antwoord als je een vraag via de site stuurt",
                 "kan ik mijn vraag over opvoeden ook online aan het cjg deventer stellen?",
                 "mag ik mijn vraag per bericht aan een cjg-werker sturen? ik wil anoniem blijven"):
        assert asks_to_write(text), text
    for text in ("mag ik online gamen met vrienden", "kan ik online een cursus doen",
                 "mag je online contact hebben met vreemden op je 12e", "kun je online hulp krijgen bij huiswerk",
                 "mijn zoon zit online vragen te stellen aan vreemden", "hoe maak ik een mailadres voor mijn kind"):
        assert not asks_to_write(text), text


def test_asking_for_a_person_inside_small_talk_gets_the_offer_too(domain, dispatcher):
    portal = FakePortal({"/api/ehulp/status": {"available": True, "next_open": None}})
    tracker = make_tracker("ben jij een robot? ik wil een mens", "bot_challenge")
    ActionSmallTalk(portal).run(dispatcher, tracker, domain)
    assert responses(dispatcher)[:2] == ["utter_disclosure", "utter_bot_challenge"]
    assert [p["type"] for p in payloads(dispatcher)] == ["handoff_offer"]


def test_asking_for_a_person_wins_over_the_social_map(domain, dispatcher):
    portal = FakePortal({"/api/ehulp/status": {"available": False, "next_open": None}})
    tracker = make_tracker("is er een mevrouw die me kan helpen met mijn dochter", "zoek_hulp")
    ActionFindService(portal).run(dispatcher, tracker, domain)
    assert [p["type"] for p in payloads(dispatcher)] == ["handoff_offer"]
