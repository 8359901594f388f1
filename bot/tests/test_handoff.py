"""action_offer_handoff and action_handoff_accept."""
from actions.handoff import ActionHandoffAccept, ActionOfferHandoff
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
