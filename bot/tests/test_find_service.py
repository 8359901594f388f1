"""action_find_service: the social map by category, wijk and age."""
import pytest

from actions.find_service import ActionFindService, service_question
from conftest import FakePortal, make_tracker, payloads, responses, slot_events


def service(slug):
    return {"slug": slug, "name": f"Naam {slug}", "url": f"/sociale-kaart/{slug}"}


def test_category_entity_wijk_and_age(domain, dispatcher):
    portal = FakePortal({"/api/services": {"items": [service(s) for s in "abcd"]}})
    tracker = make_tracker("hulp bij schulden, ik ben 19", "zoek_hulp",
                           entities=[("categorie", "geld-en-schulden"), ("leeftijd", "19")],
                           slots={"wijk": "colmschate"})
    events = ActionFindService(portal).run(dispatcher, tracker, domain)

    assert portal.calls == [("/api/services", {"category": "geld-en-schulden", "limit": 3,
                                               "wijk": "colmschate", "age": 19})]
    assert payloads(dispatcher, "service") == [
        {"type": "service", "slug": s, "name": f"Naam {s}", "url": f"/sociale-kaart/{s}"} for s in "abc"
    ]
    found = next(m for m in dispatcher.messages if m.get("response") == "utter_services_found")
    assert found["label"] == "geldzaken en schulden" and "• Naam a" in found["names"]
    assert slot_events(events)["categorie"] == "geld-en-schulden"


def test_keywords_when_no_entity(domain, dispatcher):
    portal = FakePortal({"/api/services": {"items": [service("psy")]}})
    ActionFindService(portal).run(dispatcher, make_tracker("ik zoek een psychologe", "zoek_hulp"), domain)
    assert portal.calls[0][1]["category"] == "ggz"


def test_filters_are_dropped_when_nothing_fits(domain, dispatcher):
    def services(query):
        return {"items": [service("city-wide")]} if "wijk" not in query else {"items": []}

    portal = FakePortal({"/api/services": services})
    tracker = make_tracker("jongerenwerker", "zoek_hulp", entities=[("categorie", "jongerenwerk")],
                           slots={"wijk": "bathmen"})
    ActionFindService(portal).run(dispatcher, tracker, domain)
    assert [q for _, q in portal.calls] == [{"category": "jongerenwerk", "limit": 3, "wijk": "bathmen"},
                                            {"category": "jongerenwerk", "limit": 3}]
    assert [p["slug"] for p in payloads(dispatcher, "service")] == ["city-wide"]


def test_unknown_category_asks_with_buttons(domain, dispatcher):
    portal = FakePortal()
    ActionFindService(portal).run(dispatcher, make_tracker("ik zoek hulp", "zoek_hulp"), domain)
    assert responses(dispatcher) == ["utter_disclosure", "utter_ask_categorie"]
    buttons = dispatcher.messages[-1]["buttons"]
    assert {"title": "Geld en schulden", "payload": '/zoek_hulp{"categorie": "geld-en-schulden"}'} in buttons
    assert portal.calls == []


def test_wijk_after_services_uses_the_remembered_category(domain, dispatcher):
    portal = FakePortal({"/api/services": {"items": [service("a")]}})
    tracker = make_tracker("ik woon in de vijfhoek", "inform_wijk", entities=[("wijk", "vijfhoek")],
                           slots={"categorie": "kinderopvang", "wijk": "vijfhoek"})
    ActionFindService(portal).run(dispatcher, tracker, domain)
    assert portal.calls[0][1] == {"category": "kinderopvang", "limit": 3, "wijk": "vijfhoek"}


def test_domestic_violence_services_mention_112(domain, dispatcher):
    portal = FakePortal({"/api/services": {"items": [service("vt")]}})
    tracker = make_tracker("waar kan ik terecht bij huiselijk geweld", "zoek_hulp",
                           entities=[("categorie", "huiselijk-geweld")])
    ActionFindService(portal).run(dispatcher, tracker, domain)
    assert "utter_danger_note" in responses(dispatcher)
    assert payloads(dispatcher, "crisis") == []


def test_nothing_found(domain, dispatcher):
    portal = FakePortal({"/api/services": {"items": []}})
    tracker = make_tracker("bijles", "zoek_hulp", entities=[("categorie", "onderwijs")])
    ActionFindService(portal).run(dispatcher, tracker, domain)
    assert responses(dispatcher)[-1] == "utter_services_none"


def test_portal_down(domain, dispatcher):
    tracker = make_tracker("schulden", "zoek_hulp", entities=[("categorie", "geld-en-schulden")])
    ActionFindService(FakePortal(down=True)).run(dispatcher, tracker, domain)
    assert responses(dispatcher)[-1] == "utter_portal_down"
    assert payloads(dispatcher) == [{"type": "fallback"}]


def test_words_people_use_name_the_category(domain, dispatcher):
    for text, category in (("ik zoek een peuterspeelzaal voor mijn zoon van 2", "kinderopvang"),
                           ("ik ben het niet eens met onze hulpverlener, bij wie kan ik aankloppen", "vertrouwenspersoon"),
                           ("ik ben gestopt met school, waar kan ik heen", "werk-en-studie"),
                           ("is er een cursus voor ouders van pubers", "opvoedondersteuning"),
                           ("ik blijf maar gokken, wie helpt", "verslavingszorg"),
                           ("waar maak ik een afspraak met de schoolarts", "jeugdgezondheidszorg"),
                           ("wie kan bij ons thuis komen meekijken, de kinderen luisteren niet", "wijkteam"),
                           ("wie helpt me met de toeslagen en de brieven van de gemeente", "maatschappelijk-werk"),
                           ("wie helpt ons met alles tegelijk: schulden, ruzie thuis en school", "wijkteam"),
                           ("mijn zoon heeft adhd, waar vind ik een sportclub die daar rekening mee houdt", "beperking")):
        portal = FakePortal({"/api/services": {"items": [service("x")]}})
        ActionFindService(portal).run(dispatcher, make_tracker(text, "zoek_hulp"), domain)
        assert portal.calls[0][1]["category"] == category, text


def test_a_ranked_theme_names_the_category(domain, dispatcher):
    portal = FakePortal({"/api/services": {"items": [service("school")]}})
    tracker = make_tracker("mijn kind loopt vast, waar kunnen we heen", "zoek_hulp")
    tracker.latest_message["intent_ranking"] = [{"name": "zoek_hulp", "confidence": 0.8},
                                                {"name": "vraag_school", "confidence": 0.15}]
    ActionFindService(portal).run(dispatcher, tracker, domain)
    assert portal.calls[0][1]["category"] == "onderwijs"


def test_without_words_or_theme_the_search_names_the_theme(domain, dispatcher):
    hits = [{"slug": "ruzie-thuis", "themes": ["gezin"], "score": 12.0},
            {"slug": "ouders-ruzie", "themes": ["gezin", "scheiding"], "score": 10.0},
            {"slug": "iets", "themes": ["school"], "score": 3.0}]
    portal = FakePortal({"/api/search": {"hits": hits}, "/api/services": {"items": [service("kindertelefoon")]}})
    tracker = make_tracker("waar kan ik terecht als ik ruzie heb met mijn ouders", "zoek_hulp")
    ActionFindService(portal).run(dispatcher, tracker, domain)
    assert portal.calls[0] == ("/api/search", {"q": "waar kan ik terecht als ik ruzie heb met mijn ouders", "limit": 6})
    assert portal.calls[1][1]["category"] == "hulplijn"  # a young person about home: a helpline
    assert [p["slug"] for p in payloads(dispatcher, "service")] == ["kindertelefoon"]


@pytest.mark.parametrize("text, category", [
    ("ik blow elke dag en wil ervan af, welke instantie helpt daarbij", "verslavingszorg"),
    ("is er een cursus voor mij als moeder, elke dag ruzie met mijn zoon van 9", "opvoedondersteuning"),
])
def test_a_clear_guess_names_the_category(domain, dispatcher, text, category):
    portal = FakePortal({"/api/services": {"items": [service("dienst")]}})
    ActionFindService(portal).run(dispatcher, make_tracker(text, "zoek_hulp"), domain)
    assert portal.calls[0][1]["category"] == category
    assert [p["slug"] for p in payloads(dispatcher, "service")] == ["dienst"]


def test_unsure_without_any_category_is_a_fallback(domain, dispatcher):
    tracker = make_tracker("wie wint er dit jaar", "zoek_hulp")
    tracker.latest_message["intent"]["confidence"] = 0.5
    ActionFindService(FakePortal()).run(dispatcher, tracker, domain)
    assert payloads(dispatcher) == [{"type": "fallback"}]


def test_service_question():
    def category(text, theme="gezin", entities=()):
        return service_question(make_tracker(text, "vraag_" + theme, entities=entities), theme)

    assert category("waar kan ik terecht met vragen over opvoeden") == "opvoedondersteuning"
    assert category("Is er een groep voor kinderen van gescheiden ouders?") == "opvoedondersteuning"
    assert category("bij wie kan ik aankloppen", "mentaal") == "ggz"
    assert category("bij wie kan ik aankloppen als het thuis niet gaat", "mentaal") == "wijkteam"
    assert category("waar krijgt mijn baby zijn prikken", "gezondheid",
                    [("categorie", "jeugdgezondheidszorg")]) == "jeugdgezondheidszorg"
    assert category("waar kan mijn zoon goedkoop sporten", "vrije-tijd") == "vrije-tijd"
    assert category("waar vind ik meer over ruzie thuis") is None
    assert category("hoe help ik mijn kind met lezen", "school") is None
    assert category("waar moet ik op letten bij een sportclub", "vrije-tijd") is None


def test_other_ways_of_asking_where_to_go():
    def category(text, theme="gezin"):
        return service_question(make_tracker(text, "vraag_" + theme), theme)

    assert category("kan mijn kind ergens goedkoop sporten? de club is te duur", "vrije-tijd") == "vrije-tijd"
    assert category("is er iemand die met me naar mijn geldzaken kan kijken", "geld-en-werk") == "geld-en-schulden"
    assert category("hulp in de wijk voor gezinnen, bestaat dat in de hoven?") == "wijkteam"
    assert category("schuldhulp deventer", "geld-en-werk") == "geld-en-schulden"
    assert category("worden er hier trainingen gegeven voor ouders van pubers?", "puberteit") == "opvoedondersteuning"
    assert category("weet je een chat waar ik anoniem kan vertellen wat er speelt?", "mentaal") == "e-hulp"
    assert category("mijn begeleider luistert niet, heb ik recht op iemand die naast me staat?") == "vertrouwenspersoon"
    # not a request for a place: a worry, a way out of a feeling, tips
    assert category("is dat iets om me zorgen over te maken?", "gezondheid") is None
    assert category("ik heb liefdesverdriet, hoe kom je daar overheen", "vriendschap") is None
    assert category("is er iets wat ik kan doen tegen zijn driftbuien, tips?", "gedrag") is None
    for text, theme in (("is er iets om de koorts omlaag te krijgen", "gezondheid"),
                        ("peuterpuberteit, bestaat dat echt?", "gedrag"),
                        ("kan ik hem ergens mee afleiden als hij huilt", "huilen"),
                        ("is er iemand die dit herkent?", "zindelijkheid"),
                        ("waar moet ik op letten bij een sportclub in deventer", "vrije-tijd"),
                        ("mijn dochter wordt gepest op school in deventer, wat kan ik doen", "pesten")):
        assert category(text, theme) is None, text


def test_a_request_naming_no_category_gets_the_guessed_one(domain, dispatcher):
    portal = FakePortal({"/api/services": {"items": [service("vp")]}})
    tracker = make_tracker("ik ben het niet eens met hoe de gezinsvoogd met ons omgaat, wie staat aan mijn kant",
                           "zoek_hulp")
    ActionFindService(portal).run(dispatcher, tracker, domain)
    assert portal.calls[0][1]["category"] == "vertrouwenspersoon"


def test_asking_to_walk_in_wins_over_a_category_word(domain, dispatcher):
    location = {"slug": "cjg-vijfhoek", "name": "CJG Vijfhoek", "url": "/x", "wijk": "vijfhoek", "open_now": False}
    portal = FakePortal({"/api/locations": {"items": [location]}, "/api/services": {"items": []}})
    tracker = make_tracker("kan ik ergens zonder afspraak terecht met vragen over opvoeden", "zoek_hulp")
    ActionFindService(portal).run(dispatcher, tracker, domain)
    assert [p["type"] for p in payloads(dispatcher)] == ["location"]


def test_naming_a_category_without_asking_where():
    for text in ("ik zoek een peuterspeelzaal in de buurt", "welke kinderdagverblijven zijn er in deventer",
                 "de schoolarts, waar zit die eigenlijk"):
        assert service_question(make_tracker(text, "vraag_school"), "school") is not None, text
    assert service_question(make_tracker("waar is hij zo bang voor", "vraag_mentaal"), "mentaal") is None


def test_an_assessment_is_mental_health_care_even_when_the_entity_names_a_disability(domain, dispatcher):
    for text in ("wie kan ons helpen met een onderzoek naar adhd voor onze zoon", "waar kan onze dochter getest worden op autisme"):
        portal = FakePortal({"/api/services": {"items": [service("x")]}})
        ActionFindService(portal).run(dispatcher, make_tracker(text, "zoek_hulp", [("categorie", "beperking")]), domain)
        assert portal.calls[0][1]["category"] == "ggz", text
