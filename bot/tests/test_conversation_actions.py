"""action_small_talk, action_default_fallback and the first-answer disclosure."""
import re
from pathlib import Path

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
    assert portal.calls[0][1]["theme"] == "zindelijkheid"


def test_fallback_does_not_guess_when_no_theme_is_close(domain, dispatcher):
    portal = FakePortal({})
    tracker = make_tracker("wie wordt de nieuwe premier", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [{"name": "nlu_fallback", "confidence": 0.3},
                                                {"name": "smalltalk_hoe_gaat_het", "confidence": 0.2},
                                                {"name": "vraag_gezin", "confidence": 0.18}]
    ActionDefaultFallback(portal).run(dispatcher, tracker, domain)
    assert payloads(dispatcher) == [{"type": "fallback"}] and portal.calls == []
