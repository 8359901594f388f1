"""action_small_talk, action_default_fallback and the first-answer disclosure."""
import re
from pathlib import Path

from rasa_sdk.executor import CollectingDispatcher

from actions.fallback import ActionDefaultFallback
from actions.small_talk import ActionSmallTalk
from conftest import BOT, FakePortal, make_tracker, payloads, responses, slot_events


def test_first_greeting_gets_the_disclosure_first(domain, dispatcher):
    events = ActionSmallTalk().run(dispatcher, make_tracker("hoi", "greet"), domain)
    assert responses(dispatcher) == ["utter_disclosure", "utter_greet"]
    assert slot_events(events) == {"disclosed": True}


def test_later_answers_have_no_disclosure(domain, dispatcher):
    ActionSmallTalk().run(dispatcher, make_tracker("ben je een robot", "bot_challenge",
                                                   slots={"disclosed": True}), domain)
    assert responses(dispatcher) == ["utter_bot_challenge"]


def test_disclosure_says_program_not_person_and_anonymous(domain):
    text = domain["responses"]["utter_disclosure"][0]["text"]
    assert "computerprogramma" in text and "geen mens" in text and "anoniem" in text


def test_every_small_talk_intent_has_a_response(domain):
    for intent in ("greet", "goodbye", "thanks", "affirm", "deny", "bot_challenge", "wie_ben_je",
                   "zoeken", "smalltalk_hoe_gaat_het", "smalltalk_compliment", "smalltalk_frustratie"):
        assert f"utter_{intent}" in domain["responses"], intent


def test_fallback(domain, dispatcher):
    ActionDefaultFallback().run(dispatcher, make_tracker("qwx brrt", "nlu_fallback"), domain)
    assert responses(dispatcher) == ["utter_disclosure", "utter_fallback"]
    titles = [b["title"] for b in dispatcher.messages[1]["buttons"]]
    assert titles == ["Zelf zoeken", "Hulp in de buurt", "Praten met een medewerker"]
    assert payloads(dispatcher) == [{"type": "fallback"}]


def test_out_of_scope(domain, dispatcher):
    ActionDefaultFallback().run(dispatcher, make_tracker("wie wint de champions league", "out_of_scope",
                                                         slots={"disclosed": True}), domain)
    assert responses(dispatcher) == ["utter_out_of_scope"]
    assert payloads(dispatcher) == [{"type": "fallback"}]


def test_every_response_used_by_the_actions_exists(domain):
    used = set()
    for source in (BOT / "actions").glob("*.py"):
        used |= set(re.findall(r'"(utter_[a-z_]+)"', source.read_text(encoding="utf-8")))
    assert used and used <= set(domain["responses"])


def test_every_custom_action_is_in_the_domain(domain):
    names = set()
    for source in Path(BOT / "actions").glob("*.py"):
        names |= set(re.findall(r'return "(action_[a-z_]+)"', source.read_text(encoding="utf-8")))
    assert names == set(domain["actions"])


def test_no_phone_numbers_in_the_domain_texts(domain):
    texts = " ".join(v[0].get("text", "") for v in domain["responses"].values())
    assert not re.search(r"\b0\d{2,3}[- ]?\d{4,}", texts)


def test_fallback_offers_a_close_theme_as_a_guess(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [{"slug": "zindelijk-worden", "title": "Zindelijk worden",
                                                   "url": "/ouders/artikel/zindelijk-worden"}]}})
    tracker = make_tracker("luier eraf in de zomer?", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.3},
                                                {"name": "vraag_zindelijkheid", "confidence": 0.22},
                                                {"name": "greet", "confidence": 0.1}]
    ActionDefaultFallback(portal).run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_disclosure", "utter_fallback", "utter_maybe_helpful"]
    assert [p["type"] for p in payloads(dispatcher)] == ["fallback", "article"]
    assert portal.calls[-1][1]["theme"] == "zindelijkheid"


def test_fallback_does_not_guess_when_no_theme_is_close(domain, dispatcher):
    portal = FakePortal({"/api/search": {"hits": [{"slug": "nieuw-in-nl", "themes": ["cultuur-en-geloof"],
                                                   "score": 9.0}]}})
    tracker = make_tracker("wie wordt de nieuwe premier", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.3},
                                                {"name": "smalltalk_hoe_gaat_het", "confidence": 0.2},
                                                {"name": "vraag_gezin", "confidence": 0.18}]
    ActionDefaultFallback(portal).run(dispatcher, tracker, domain)
    assert payloads(dispatcher) == [{"type": "fallback"}]
    assert [path for path, _ in portal.calls] == ["/api/search"]


def unsure(text, ranking):
    tracker = make_tracker(text, "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [{"name": name, "confidence": c} for name, c in ranking]
    return tracker


def test_fallback_answers_a_theme_when_the_search_agrees(domain, dispatcher):
    hits = [{"slug": "stress", "title": "Stress", "url": "/jongeren/artikel/stress", "themes": ["mentaal"],
             "score": 12.7},
            {"slug": "examen", "title": "Examenstress", "url": "/jongeren/artikel/examen",
             "themes": ["school", "mentaal"], "score": 10.3},
            {"slug": "bijbaan", "title": "Bijbaan", "url": "/jongeren/artikel/bijbaan", "themes": ["geld-en-werk"],
             "score": 10.4}]
    tracker = unsure("hoe ga ik om met al die druk", [("nlu_fallback", 0.3), ("vraag_mentaal", 0.25),
                                                     ("vraag_geld_en_werk", 0.2)])
    events = ActionDefaultFallback(FakePortal({"/api/search": {"hits": hits}})).run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_disclosure", "utter_theme_mentaal"]
    assert [p["slug"] for p in payloads(dispatcher)] == ["stress", "examen"]
    assert slot_events(events)["theme"] == "mentaal"


def test_fallback_stays_when_the_search_backs_no_ranked_theme(domain, dispatcher):
    hits = [{"slug": "a", "themes": ["school"], "score": 3.0}, {"slug": "b", "themes": ["gezin"], "score": 2.9}]
    tracker = unsure("ik zoek een loodgieter", [("nlu_fallback", 0.3), ("vraag_gezondheid", 0.2),
                                                ("vraag_school", 0.05)])
    ActionDefaultFallback(FakePortal({"/api/search": {"hits": hits}})).run(dispatcher, tracker, domain)
    assert payloads(dispatcher)[0] == {"type": "fallback"}


def test_fallback_ignores_themes_ranked_below_out_of_scope(domain, dispatcher):
    hits = [{"slug": "a", "themes": ["eten"], "score": 8.0}]
    tracker = unsure("recept voor lasagne", [("nlu_fallback", 0.3), ("out_of_scope", 0.28), ("vraag_eten", 0.25)])
    ActionDefaultFallback(FakePortal({"/api/search": {"hits": hits}})).run(dispatcher, tracker, domain)
    assert payloads(dispatcher)[0] == {"type": "fallback"}


def test_unsure_small_talk_sentence_gets_the_fallback(domain, dispatcher):
    tracker = make_tracker("wie wint er dit jaar de competitie", "wie_ben_je")
    tracker.latest_message["intent"]["confidence"] = 0.4
    ActionSmallTalk(FakePortal({"/api/search": {"hits": []}})).run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_disclosure", "utter_fallback"]
    assert payloads(dispatcher) == [{"type": "fallback"}]


def test_unsure_short_chat_stays_small_talk(domain, dispatcher):
    tracker = make_tracker("oke doei", "goodbye")
    tracker.latest_message["intent"]["confidence"] = 0.55
    ActionSmallTalk(FakePortal()).run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_disclosure", "utter_goodbye"]


def test_keyboard_mash_gets_the_fallback(domain, dispatcher):
    tracker = make_tracker("jkjkjkjkj", "affirm")
    tracker.latest_message["intent"]["confidence"] = 0.4
    ActionSmallTalk(FakePortal({"/api/search": {"hits": []}})).run(dispatcher, tracker, domain)
    assert payloads(dispatcher) == [{"type": "fallback"}]


def test_keyboard_mash_is_no_small_talk_however_sure(domain, dispatcher):
    for text in ("jjjjjjj", "sdfghk", "zzzzzz!"):
        tracker = make_tracker(text, "wie_ben_je")
        mash = CollectingDispatcher()
        ActionSmallTalk(FakePortal({"/api/search": {"hits": []}})).run(mash, tracker, domain)
        assert payloads(mash) == [{"type": "fallback"}], text
    for text in ("hoi", "thnx", "okeee", "hmm"):
        chat = CollectingDispatcher()
        ActionSmallTalk(FakePortal()).run(chat, make_tracker(text, "greet"), domain)
        assert payloads(chat) == [], text


def test_button_payload_is_small_talk_whatever_the_confidence(domain, dispatcher):
    tracker = make_tracker("/zoeken", "zoeken")
    tracker.latest_message["intent"]["confidence"] = 0.2
    ActionSmallTalk(FakePortal()).run(dispatcher, tracker, domain)
    assert responses(dispatcher) == ["utter_disclosure", "utter_zoeken"]


def test_close_call_between_themes_is_decided_by_the_search(domain, dispatcher):
    hits = [{"slug": "gamen", "title": "Gamen", "url": "/ouders/artikel/gamen", "themes": ["media"], "score": 20.0}]
    tracker = unsure("hij zit tot laat achter de pc", [("nlu_fallback", 0.3), ("vraag_slapen", 0.36),
                                                      ("vraag_media", 0.33), ("greet", 0.1)])
    ActionDefaultFallback(FakePortal({"/api/search": {"hits": hits}})).run(dispatcher, tracker, domain)
    assert responses(dispatcher)[-1] == "utter_theme_media"
    assert [p["slug"] for p in payloads(dispatcher)] == ["gamen"]


def test_close_call_with_a_crisis_stays_a_fallback(domain, dispatcher):
    hits = [{"slug": "school", "themes": ["school"], "score": 20.0}]
    tracker = unsure("het gaat niet meer op school", [("nlu_fallback", 0.3), ("vraag_school", 0.38),
                                                     ("crisis", 0.35)])
    ActionDefaultFallback(FakePortal({"/api/search": {"hits": hits}})).run(dispatcher, tracker, domain)
    assert payloads(dispatcher)[0] == {"type": "fallback"}


def test_close_call_with_a_crisis_still_offers_the_person_asked_for(domain, dispatcher):
    portal = FakePortal({"/api/ehulp/status": {"available": True, "next_open": None}})
    tracker = unsure("heb je iemand die ik kan spreken? ik wil een echt mens", [("nlu_fallback", 0.3), ("crisis", 0.4),
                                                                              ("medewerker", 0.2)])
    ActionDefaultFallback(portal).run(dispatcher, tracker, domain)
    assert [p["type"] for p in payloads(dispatcher)] == ["handoff_offer"]


def test_not_understood_but_asking_where_to_go_for_named_help_gets_the_social_map(domain, dispatcher):
    portal = FakePortal({"/api/services": {"items": [{"slug": "sport", "name": "Sport", "url": "/sociale-kaart/sport"}]}})
    tracker = unsure("waar kan mijn zoon goedkoop sporten", [("nlu_fallback", 0.3), ("vraag_eten", 0.3)])
    ActionDefaultFallback(portal).run(dispatcher, tracker, domain)
    assert portal.calls[0] == ("/api/services", {"category": "vrije-tijd", "limit": 3})
    assert [p["type"] for p in payloads(dispatcher)] == ["service"]


def test_not_understood_but_asking_to_walk_in_gets_the_walk_in_points(domain, dispatcher):
    location = {"slug": "cjg-vijfhoek", "name": "CJG Vijfhoek", "url": "/x", "wijk": "vijfhoek", "open_now": False}
    portal = FakePortal({"/api/locations": {"items": [location]}, "/api/services": {"items": []}})
    tracker = unsure("is er in bathmen iets waar ik kan binnenlopen", [("nlu_fallback", 0.3), ("vraag_gezin", 0.2)])
    ActionDefaultFallback(portal).run(dispatcher, tracker, domain)
    assert [p["type"] for p in payloads(dispatcher)] == ["location"]
