"""action_answer_question: articles of the theme, audience, fallbacks."""
from actions.answer_question import ActionAnswerQuestion
from actions.portal import PortalError
from conftest import FakePortal, make_tracker, payloads, responses, slot_events


def article(slug):
    return {"slug": slug, "title": f"Titel {slug}", "url": f"/ouders/artikel/{slug}"}


def run(portal, tracker, domain, dispatcher):
    return ActionAnswerQuestion(portal).run(dispatcher, tracker, domain)


def test_search_hits_become_article_payloads(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [article("a"), article("b"), article("c"), article("d")]}})
    tracker = make_tracker("mijn baby van 8 maanden slaapt niet door", "vraag_slapen")
    events = run(portal, tracker, domain, dispatcher)

    assert responses(dispatcher) == ["utter_disclosure", "utter_theme_slapen"]
    assert payloads(dispatcher) == [
        {"type": "article", "slug": s, "title": f"Titel {s}", "url": f"/ouders/artikel/{s}"} for s in "abc"
    ]
    assert portal.calls == [("/api/search", {
        "q": "mijn baby van 8 maanden slaapt niet door", "theme": "slapen", "audience": "ouders", "limit": 3,
    })]
    assert slot_events(events) == {"disclosed": True, "theme": "slapen", "audience": "ouders", "age_phase": "baby"}


def test_theme_slug_from_intent_with_underscores(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [article("geld")]}})
    run(portal, make_tracker("hoeveel mag ik verdienen", "vraag_geld_en_werk"), domain, dispatcher)
    assert portal.calls[0][1]["theme"] == "geld-en-werk"
    assert "utter_theme_geld_en_werk" in responses(dispatcher)


def test_jongin_without_parent_words_asks_for_young_people(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [article("a")]}})
    run(portal, make_tracker("ik ben 15 en slaap slecht", "vraag_slapen", site="jongin"), domain, dispatcher)
    assert portal.calls[0][1]["audience"] == "jongeren"


def test_parent_words_mean_parents_even_on_jongin(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [article("a")]}})
    run(portal, make_tracker("mijn dochter blowt", "vraag_middelen", site="jongin"), domain, dispatcher)
    assert portal.calls[0][1]["audience"] == "ouders"


def test_no_hits_falls_back_to_theme_articles_then_without_audience(domain, dispatcher):
    def articles(query):
        return {"items": [article("any")]} if "audience" not in query else {"items": []}

    portal = FakePortal({"/api/search": {"hits": []}, "/api/articles": articles})
    run(portal, make_tracker("vraagje over vriendschap", "vraag_vriendschap"), domain, dispatcher)
    assert [path for path, _ in portal.calls] == ["/api/search", "/api/articles", "/api/articles"]
    assert portal.calls[1][1] == {"theme": "vriendschap", "audience": "ouders", "limit": 3}
    assert portal.calls[2][1] == {"theme": "vriendschap", "limit": 3}
    assert [p["slug"] for p in payloads(dispatcher, "article")] == ["any"]


def test_search_rejected_with_400_still_lists_articles(domain, dispatcher):
    portal = FakePortal({"/api/search": PortalError("bad", 400), "/api/articles": {"items": [article("x")]}})
    run(portal, make_tracker("iets", "vraag_eten"), domain, dispatcher)
    assert [p["slug"] for p in payloads(dispatcher, "article")] == ["x"]


def test_button_payload_is_not_searched(domain, dispatcher):
    portal = FakePortal({"/api/articles": {"items": [article("x")]}})
    run(portal, make_tracker("/vraag_slapen", "vraag_slapen"), domain, dispatcher)
    assert [path for path, _ in portal.calls] == ["/api/articles"]


def test_portal_down_says_so_with_fallback_payload(domain, dispatcher):
    run(FakePortal(down=True), make_tracker("mijn kind eet slecht", "vraag_eten"), domain, dispatcher)
    assert responses(dispatcher) == ["utter_disclosure", "utter_portal_down"]
    assert payloads(dispatcher) == [{"type": "fallback"}]
    assert dispatcher.messages[1]["buttons"]


def test_no_articles_anywhere(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": []}, "/api/articles": {"items": []}})
    run(portal, make_tracker("iets heel zeldzaams", "vraag_cultuur_en_geloof"), domain, dispatcher)
    assert responses(dispatcher)[-1] == "utter_no_articles"
    assert payloads(dispatcher) == []


def test_disclosure_only_once(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [article("a")]}})
    tracker = make_tracker("peuter driftbui", "vraag_gedrag", slots={"disclosed": True})
    events = run(portal, tracker, domain, dispatcher)
    assert responses(dispatcher) == ["utter_theme_gedrag"]
    assert "disclosed" not in slot_events(events)


def test_every_theme_intent_has_an_answer_text(domain):
    themes = [i for i in domain["intents"] if i.startswith("vraag_")]
    assert len(themes) == 22
    for intent in themes:
        assert f"utter_theme_{intent[len('vraag_'):]}" in domain["responses"]


def test_unsure_classifier_searches_the_whole_question_and_keeps_its_theme_first(domain, dispatcher):
    hits = [dict(article("kast"), themes=["gezin"], audiences=["ouders"]),
            dict(article("bi"), themes=["seksualiteit"], audiences=["jongeren"]),
            dict(article("uit-de-kast"), themes=["seksualiteit", "mentaal"], audiences=["ouders"])]
    portal = FakePortal({"/api/search": {"hits": hits}})
    tracker = make_tracker("ik denk dat ik bi ben", "vraag_seksualiteit")
    tracker.latest_message["intent"]["confidence"] = 0.4
    events = run(portal, tracker, domain, dispatcher)
    assert portal.calls == [("/api/search", {"q": "ik denk dat ik bi ben", "limit": 6})]
    assert [p["slug"] for p in payloads(dispatcher, "article")] == ["uit-de-kast", "bi"]
    assert slot_events(events)["theme"] == "seksualiteit"


def test_unsure_classifier_takes_the_guess_the_search_backs(domain, dispatcher):
    hits = [dict(article("veilig-huis"), themes=["veiligheid"], score=12.0),
            dict(article("traphekje"), themes=["veiligheid"], score=9.0),
            dict(article("kruipen"), themes=["ontwikkeling"], score=3.0)]
    portal = FakePortal({"/api/search": {"hits": hits}})
    tracker = make_tracker("hoe maak ik de trap dicht voor de kleine", "vraag_ontwikkeling")
    tracker.latest_message["intent"]["confidence"] = 0.35
    tracker.latest_message["intent_ranking"] = [{"name": "vraag_ontwikkeling", "confidence": 0.35},
                                                {"name": "vraag_veiligheid", "confidence": 0.3}]
    events = run(portal, tracker, domain, dispatcher)
    assert responses(dispatcher)[-1] == "utter_theme_veiligheid"
    assert [p["slug"] for p in payloads(dispatcher, "article")] == ["veilig-huis", "traphekje"]
    assert slot_events(events)["theme"] == "veiligheid"


def test_unsure_classifier_ignores_a_theme_it_did_not_rank(domain, dispatcher):
    hits = [dict(article("other"), themes=["cultuur-en-geloof"], score=20.0)]
    def search(query):
        return {"hits": [] if "theme" in query else hits}

    portal = FakePortal({"/api/search": search, "/api/articles": {"items": [article("eten")]}})
    tracker = make_tracker("wat eten we vanavond", "vraag_eten")
    tracker.latest_message["intent"]["confidence"] = 0.4
    tracker.latest_message["intent_ranking"] = [{"name": "vraag_eten", "confidence": 0.4},
                                                {"name": "vraag_cultuur_en_geloof", "confidence": 0.01}]
    run(portal, tracker, domain, dispatcher)
    assert responses(dispatcher)[-1] == "utter_theme_eten"
    assert [p["slug"] for p in payloads(dispatcher, "article")] == ["eten"]


def test_asking_where_to_go_gets_the_social_map(domain, dispatcher):
    portal = FakePortal({"/api/services": {"items": [{"slug": "verslavingszorg", "name": "Hulp bij verslaving",
                                                      "url": "/sociale-kaart/verslavingszorg"}]}})
    tracker = make_tracker("mijn zoon blowt elke dag, waar kunnen we terecht?", "vraag_middelen")
    events = run(portal, tracker, domain, dispatcher)
    assert portal.calls[0] == ("/api/services", {"category": "verslavingszorg", "limit": 3})
    assert [p["type"] for p in payloads(dispatcher)] == ["service"]
    assert slot_events(events)["categorie"] == "verslavingszorg"


def test_asking_where_to_go_on_a_theme_without_a_category_gets_articles(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [article("verliefd")]}})
    run(portal, make_tracker("wie kan me helpen, ik ben verliefd", "vraag_vriendschap"), domain, dispatcher)
    assert [p["type"] for p in payloads(dispatcher)] == ["article"]


def test_young_person_talking_about_their_parents_gets_jongin_articles(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [article("a")]}})
    run(portal, make_tracker("mijn ouders maken de hele tijd ruzie", "vraag_gezin"), domain, dispatcher)
    assert portal.calls[0][1]["audience"] == "jongeren"
    portal = FakePortal({"/api/search": {"hits": [article("a")]}})
    run(portal, make_tracker("ik ben 15 en voel me vaak somber", "vraag_mentaal"), domain, dispatcher)
    assert portal.calls[0][1]["audience"] == "jongeren"


def test_opinions_name_each_theme_once():
    from actions.second_opinion import opinions
    hits = [{"slug": "a", "themes": ["gezin", "veiligheid"], "score": 10.0},
            {"slug": "b", "themes": ["veiligheid"], "score": 5.0}]
    found = opinions({"gezin": 0.2}, hits)
    assert [o.theme for o in found] == ["gezin", "veiligheid"]  # 0.2 + 0.5 * 2/3 against 0.5 * 1
    assert round(found[0].search, 2) == 0.67 and found[0].classifier == 0.2 and found[1].search == 1.0


def test_asking_to_walk_in_gets_the_walk_in_points(domain, dispatcher):
    location = {"slug": "cjg-vijfhoek", "name": "CJG Vijfhoek", "url": "/x", "wijk": "vijfhoek", "open_now": False}
    portal = FakePortal({"/api/locations": {"items": [location]}, "/api/services": {"items": []}})
    tracker = make_tracker("kan ik zonder afspraak komen met vragen over zijn slaap", "vraag_slapen")
    run(portal, tracker, domain, dispatcher)
    assert [p["type"] for p in payloads(dispatcher)] == ["location"]


def test_a_possible_crisis_the_model_doubted_gets_the_answer_and_a_person(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [article("uit-de-kast")]},
                         "/api/articles": {"items": [article("uit-de-kast")]},
                         "/api/ehulp/status": {"available": True}})
    tracker = make_tracker("ik denk dat ik bi ben maar durf het niet te vertellen", "vraag_seksualiteit")
    tracker.latest_message["intent_ranking"] = [{"name": "vraag_seksualiteit", "confidence": 0.07},
                                                {"name": "crisis", "confidence": 0.79}]
    run(portal, tracker, domain, dispatcher)
    assert [p["type"] for p in payloads(dispatcher)] == ["article", "handoff_offer"]
