"""action_walkin: walk-in points with hours, narrowing by wijk, phone hours."""
from actions.find_service import ActionFindService
from actions.walkin import ActionWalkin, phone_question, walkin_question
from conftest import FakePortal, make_tracker, payloads, responses, slot_events

LOCATIONS = [
    {"slug": "cjg-rivierenwijk", "name": "CJG Rivierenwijk", "url": "/sociale-kaart/locatie/cjg-rivierenwijk",
     "wijk": "rivierenwijk", "address": "Straat 1", "open_now": True, "next_open": None, "hours_text": "di 9-11"},
    {"slug": "cjg-keizerslanden", "name": "CJG Keizerslanden", "url": "/sociale-kaart/locatie/cjg-keizerslanden",
     "wijk": "keizerslanden", "address": "Straat 2", "open_now": False,
     "next_open": "2030-01-08T13:00:00+01:00", "hours_text": "di 13-15"},
    {"slug": "cjg-vijfhoek", "name": "CJG Vijfhoek", "url": "/sociale-kaart/locatie/cjg-vijfhoek",
     "wijk": "vijfhoek", "open_now": False, "next_open": None},
]
PHONE = {"items": [{"slug": "cjg-telefoon", "name": "CJG", "phones": ["0570-000000"], "open_now": True}]}


def locations(query):
    wijk = query.get("wijk")
    assert query.get("category") == "cjg-inloop"
    return {"items": [loc for loc in LOCATIONS if wijk in (None, loc["wijk"])]}


def portal():
    return FakePortal({"/api/locations": locations, "/api/services": PHONE})


def test_all_locations_with_hours_and_a_question_for_the_wijk(domain, dispatcher):
    tracker = make_tracker("wanneer kan ik binnenlopen", "inloop")
    events = ActionWalkin(portal()).run(dispatcher, tracker, domain)

    assert responses(dispatcher) == ["utter_disclosure", "utter_walkin_all", "utter_phone_hours", "utter_ask_wijk"]
    listing = dispatcher.messages[1]["locations"]
    assert "CJG Rivierenwijk, Straat 1: nu open (di 9-11)" in listing
    assert "CJG Keizerslanden, Straat 2: weer open " in listing and "13.00 uur" in listing
    assert payloads(dispatcher, "location") == [
        {"type": "location", "slug": loc["slug"], "name": loc["name"], "url": loc["url"],
         "open_now": loc["open_now"], "next_open": loc["next_open"]} for loc in LOCATIONS
    ]
    buttons = dispatcher.messages[-1]["buttons"]
    assert [b["title"] for b in buttons] == ["Rivierenwijk", "Keizerslanden", "Vijfhoek"]
    assert buttons[1]["payload"] == '/inform_wijk{"wijk": "keizerslanden"}'
    assert "wijk" not in slot_events(events)


def test_phone_hours_come_from_the_social_map(domain, dispatcher):
    fake = portal()
    ActionWalkin(fake).run(dispatcher, make_tracker("wanneer is het inloopspreekuur", "inloop"), domain)
    phone = next(m for m in dispatcher.messages if m.get("response") == "utter_phone_hours")
    assert phone["phone"] == "op 0570-000000"
    assert phone["when"] == "Er wordt nu opgenomen."
    assert ("/api/services", {"category": "cjg-telefoon", "limit": 1}) in fake.calls


def test_phone_hours_without_a_number(domain, dispatcher):
    service = {"slug": "cjg-telefoon", "phones": [], "open_now": False,
               "next_open": "2030-01-07T09:00:00+01:00", "hours_text": "maandag 9.00-11.00"}
    fake = FakePortal({"/api/locations": locations, "/api/services": {"items": [service]}})
    ActionWalkin(fake).run(dispatcher, make_tracker("wanneer is het inloopspreekuur", "inloop"), domain)
    phone = next(m for m in dispatcher.messages if m.get("response") == "utter_phone_hours")
    assert phone["phone"] == "via het nummer op /contact"
    assert phone["when"].startswith("Je kunt weer bellen ") and phone["when"].endswith("Tijden: maandag 9.00-11.00.")


def test_wijk_in_the_question_narrows_and_is_remembered(domain, dispatcher):
    tracker = make_tracker("inloop in keizerslanden", "inloop", entities=[("wijk", "keizerslanden")])
    events = ActionWalkin(portal()).run(dispatcher, tracker, domain)
    assert [p["slug"] for p in payloads(dispatcher, "location")] == ["cjg-keizerslanden"]
    assert "utter_walkin_wijk" in responses(dispatcher)
    assert "utter_ask_wijk" not in responses(dispatcher)
    assert slot_events(events)["wijk"] == "keizerslanden"


def test_follow_up_with_a_wijk_without_its_own_point(domain, dispatcher):
    tracker = make_tracker("ik woon in Colmschate", "inform_wijk", entities=[("wijk", "colmschate")],
                           slots={"disclosed": True})
    fake = portal()
    ActionWalkin(fake).run(dispatcher, tracker, domain)
    assert fake.calls[0] == ("/api/locations", {"wijk": "colmschate", "category": "cjg-inloop"})
    assert responses(dispatcher)[0] == "utter_walkin_other_wijk"
    assert dispatcher.messages[0]["wijk"] == "Colmschate"
    assert len(payloads(dispatcher, "location")) == 3
    assert "utter_ask_wijk" not in responses(dispatcher)


def test_remembered_wijk_is_used(domain, dispatcher):
    tracker = make_tracker("hoe laat zijn jullie open", "inloop", slots={"wijk": "vijfhoek", "disclosed": True})
    ActionWalkin(portal()).run(dispatcher, tracker, domain)
    assert [p["slug"] for p in payloads(dispatcher, "location")] == ["cjg-vijfhoek"]


def test_unknown_wijk_value_is_ignored(domain, dispatcher):
    tracker = make_tracker("inloop", "inloop", entities=[("wijk", "Amsterdam")])
    fake = portal()
    ActionWalkin(fake).run(dispatcher, tracker, domain)
    assert fake.calls[0] == ("/api/locations", {"category": "cjg-inloop"})


def test_portal_down(domain, dispatcher):
    ActionWalkin(FakePortal(down=True)).run(dispatcher, make_tracker("inloop", "inloop"), domain)
    assert responses(dispatcher)[-1] == "utter_portal_down"
    assert payloads(dispatcher) == [{"type": "fallback"}]


def test_asking_for_the_number_gets_the_phone_service(domain, dispatcher):
    tracker = make_tracker("wat is het telefoonnummer van het cjg", "inloop", slots={"disclosed": True})
    ActionWalkin(portal()).run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_phone"]
    assert dispatcher.messages[0]["phone"] == "op 0570-000000"
    assert payloads(dispatcher) == [{"type": "service", "slug": "cjg-telefoon", "name": "CJG", "url": ""}]


def test_asking_for_the_number_without_a_phone_service(domain, dispatcher):
    fake = FakePortal({"/api/locations": locations, "/api/services": {"items": []}})
    ActionWalkin(fake).run(dispatcher, make_tracker("hoe kan ik jullie bellen", "inloop"), domain)
    assert responses(dispatcher) == ["utter_disclosure", "utter_phone_unknown"]


def test_walkin_and_phone_questions():
    for text in ("kan ik ergens zonder afspraak terecht", "wanneer is het inloopspreekuur",
                 "mag ik gewoon binnenlopen met mn vraag", "kunnen we een keer langskomen bij jullie",
                 "wijkwinkel keizerslanden tijden", "wanneer is het cjg open",
                 "is er in de wijkwinkel nog een spreekuur voor ouders"):
        assert walkin_question(text), text
    for text in ("wat is het nummer van het cjg", "hoe laat kan ik jullie bellen",
                 "is het cjg telefonisch bereikbaar", "wanneer is het cjg telefonisch open",
                 "wanneer is het telefonisch spreekuur?", "kunnen jullie mij terugbellen?",
                 "welk nummer moet ik bellen voor een opvoedvraag"):
        assert phone_question(text), text
    for text in ("mijn ex komt steeds zomaar langs", "mijn zoon wil de kindertelefoon bellen",
                 "hoe laat moet mijn kind naar bed", "mijn zoon zit de hele dag aan de telefoon",
                 "welk nummer heeft de kindertelefoon", "wanneer heeft de jeugdarts van het cjg spreekuur"):
        assert not walkin_question(text) and not phone_question(text), text
    # both asked: walking in wins, the walk-in answer mentions the phone hours too
    text = "kan ik jullie bellen of gewoon zonder afspraak komen"
    assert walkin_question(text) and not phone_question(text)


def test_asking_to_write_instead_of_walking_in_gets_the_workers_offer(domain, dispatcher):
    portal = FakePortal({"/api/ehulp/status": {"available": False, "next_open": None}})
    tracker = make_tracker("kan ik mijn vraag ook online aan het cjg stellen? langskomen lukt niet", "inloop")
    ActionWalkin(portal).run(dispatcher, tracker, domain)
    assert [p["type"] for p in payloads(dispatcher)] == ["handoff_offer"]
    assert all(call[0] != "/api/locations" for call in portal.calls)


def test_walking_in_to_talk_to_someone_gets_the_walk_in_points(domain, dispatcher):
    """Talking to someone without an appointment is what the walk-in points are for."""
    fake = portal()
    tracker = make_tracker("waar kan ik zonder afspraak met iemand van het cjg praten?", "inloop")
    ActionWalkin(fake).run(dispatcher, tracker, domain)
    assert [p["type"] for p in payloads(dispatcher)] == ["location"] * len(LOCATIONS)
    assert all(call[0] != "/api/ehulp/status" for call in fake.calls)


def test_walking_in_wins_over_asking_for_a_person_in_the_social_map(domain, dispatcher):
    fake = portal()
    tracker = make_tracker("is er ergens een plek waar ik gewoon binnen kan lopen en iemand van jullie kan spreken",
                           "zoek_hulp")
    ActionFindService(fake).run(dispatcher, tracker, domain)
    assert {p["type"] for p in payloads(dispatcher)} == {"location"}
