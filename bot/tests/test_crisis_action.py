"""action_crisis: lines by crisis type, first in the reply, emergency fallback."""
from actions.crisis import ActionCrisis
from actions.portal import PortalError
from conftest import FakePortal, make_tracker, payloads, responses, slot_events

LINES = {"lines": [
    {"slug": "112", "name": "112", "phone": "112", "url": None, "text": "Is iemands leven in gevaar? Bel meteen 112."},
    {"slug": "113", "name": "113 Zelfmoordpreventie", "phone": "113", "url": "https://www.113.nl",
     "chat_url": "https://www.113.nl", "other_phones": [{"number": "0800-0113", "text": "gratis"}],
     "text": "Praat erover."},
    {"slug": "veilig-thuis", "name": "Veilig Thuis", "phone": "0800-2000", "url": "https://www.veiligthuis.nl",
     "free": True, "hours": "24/7"},
    {"slug": "kindertelefoon", "name": "De Kindertelefoon", "phone": "0800-0432", "url": "https://www.kindertelefoon.nl"},
    {"slug": "huisartsenpost", "name": "Huisartsenpost", "phone": None},
]}


def crisis(text, types=(), site=None, portal=None, action=None, slots=None, dispatcher=None, domain=None):
    tracker = make_tracker(text, "crisis", entities=[("crisis_type", t) for t in types], site=site, slots=slots)
    action = action or ActionCrisis(portal or FakePortal({"/api/crisis-lines": LINES}))
    return action.run(dispatcher, tracker, domain)


def names(dispatcher):
    return [line["name"] for line in payloads(dispatcher, "crisis")[0]["lines"]]


def test_suicide_gets_113_first_then_the_disclosure(domain, dispatcher):
    events = crisis("ik wil niet meer leven", ["suicide"], dispatcher=dispatcher, domain=domain)
    assert dispatcher.messages[0]["response"] == "utter_crisis"
    assert dispatcher.messages[1]["custom"] == {"type": "crisis", "lines": [
        {"name": "113 Zelfmoordpreventie", "phone": "113", "url": "https://www.113.nl"}]}
    assert responses(dispatcher) == ["utter_crisis", "utter_disclosure"]
    assert dispatcher.messages[0]["lines"] == (
        "• 113 Zelfmoordpreventie: bel 113 of bel gratis 0800-0113 of kijk op https://www.113.nl")
    assert slot_events(events) == {"disclosed": True}


def test_acute_danger_puts_112_first(domain, dispatcher):
    crisis("ik heb een strip pillen geslikt", ["suicide", "danger"], dispatcher=dispatcher, domain=domain)
    assert names(dispatcher) == ["112", "113 Zelfmoordpreventie"]


def test_violence_for_a_young_person(domain, dispatcher):
    crisis("hij slaat me", ["violence"], site="jongin", dispatcher=dispatcher, domain=domain)
    assert names(dispatcher) == ["Veilig Thuis", "De Kindertelefoon"]


def test_child_speaking_about_a_parent_on_vcjg_also_gets_the_kindertelefoon(domain, dispatcher):
    crisis("mijn vader slaat me", ["violence"], dispatcher=dispatcher, domain=domain)
    assert names(dispatcher) == ["Veilig Thuis", "De Kindertelefoon"]


def test_violence_for_a_parent(domain, dispatcher):
    crisis("ik ben bang voor mijn man", ["violence"], site="vcjg", dispatcher=dispatcher, domain=domain)
    assert names(dispatcher) == ["Veilig Thuis"]
    assert dispatcher.messages[0]["lines"] == (
        "• Veilig Thuis: bel 0800-2000 (gratis, dag en nacht) of kijk op https://www.veiligthuis.nl")


def test_threat_with_a_knife(domain, dispatcher):
    crisis("iemand bedreigt me met een mes", ["violence", "danger"], site="jongin",
           dispatcher=dispatcher, domain=domain)
    assert names(dispatcher) == ["112", "Veilig Thuis", "De Kindertelefoon"]


def test_ml_crisis_without_type_gets_the_main_lines(domain, dispatcher):
    crisis("het gaat echt niet meer", dispatcher=dispatcher, domain=domain)
    assert names(dispatcher) == ["112", "113 Zelfmoordpreventie", "Veilig Thuis"]


def test_portal_unreachable_still_gives_112_and_113(domain, dispatcher):
    crisis("mijn moeder slaat me", ["violence"], portal=FakePortal(down=True), dispatcher=dispatcher, domain=domain)
    lines = payloads(dispatcher, "crisis")[0]["lines"]
    assert [line["phone"] for line in lines] == ["112", "0800-0113"]


def test_last_good_answer_is_kept(domain, dispatcher):
    portal = FakePortal({"/api/crisis-lines": LINES})
    action = ActionCrisis(portal)
    crisis("ik wil dood", ["suicide"], action=action, dispatcher=dispatcher, domain=domain)
    portal.down = True
    later = type(dispatcher)()
    crisis("hij zit aan me", ["abuse"], site="jongin", action=action, dispatcher=later, domain=domain)
    assert names(later) == ["Veilig Thuis", "De Kindertelefoon"]


def test_portal_error_status_is_handled(domain, dispatcher):
    portal = FakePortal({"/api/crisis-lines": PortalError("boom", 500)})
    crisis("ik kras", ["selfharm"], portal=portal, dispatcher=dispatcher, domain=domain)
    assert [line["phone"] for line in payloads(dispatcher, "crisis")[0]["lines"]] == ["0800-0113"]


def test_no_disclosure_when_already_given(domain, dispatcher):
    crisis("ik wil dood", ["suicide"], slots={"disclosed": True}, dispatcher=dispatcher, domain=domain)
    assert responses(dispatcher) == ["utter_crisis"]
