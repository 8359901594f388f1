"""The whole stack for real: a trained model, the Rasa server, the action
server and the portal (gunicorn), talking through /api/chat/messages."""
import pytest
import requests

from tools.stack import running_stack, train_model


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    train_model()
    with running_stack(tmp_path_factory.mktemp("stack")) as urls:
        yield urls


def chat(stack, text, session=None, site="vcjg"):
    client = session or requests.Session()
    response = client.post(f"{stack['portal']}/api/chat/messages", json={"text": text, "site": site}, timeout=60)
    assert response.status_code == 200, response.text
    return response.json()


def customs(reply):
    return [m["custom"] for m in reply["messages"] if "custom" in m]


def test_first_answer_says_it_is_an_assistant_and_points_to_articles(stack):
    reply = chat(stack, "Mijn baby van 3 maanden huilt elke avond urenlang, wat kan ik doen?")
    assert reply["assistant_available"] is True
    texts = " ".join(m.get("text", "") for m in reply["messages"]).lower()
    assert "assistent" in texts and "anoniem" in texts
    articles = [c for c in customs(reply) if c["type"] == "article"]
    assert 1 <= len(articles) <= 3
    detail = requests.get(f"{stack['portal']}/api/articles/{articles[0]['slug']}", timeout=10).json()
    assert "huilen" in detail["themes"] and articles[0]["url"] == detail["url"]


def test_crisis_comes_first(stack):
    reply = chat(stack, "ik wil niet meer leven")
    first_custom = customs(reply)[0]
    assert first_custom["type"] == "crisis"
    assert any(line["phone"].startswith("113") or "0800-0113" in line["phone"] for line in first_custom["lines"])


def test_conversation_continues_with_its_cookie(stack):
    session = requests.Session()
    first = chat(stack, "hoi", session)
    follow = session.post(f"{stack['portal']}/api/chat/messages",
                          json={"conversation_id": first["conversation_id"], "text": "kan ik met iemand praten?"},
                          timeout=60).json()
    assert any(c["type"] == "handoff_offer" for c in customs(follow))
    stranger = requests.post(f"{stack['portal']}/api/chat/messages",
                             json={"conversation_id": first["conversation_id"], "text": "hoi"}, timeout=30)
    assert stranger.status_code == 404


def test_nonsense_gets_the_fallback(stack):
    reply = chat(stack, "qwpoeiruty zxmcnvb")
    assert any(c["type"] == "fallback" for c in customs(reply))
