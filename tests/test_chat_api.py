"""The portal's chat API: conversation secrets, bad input, Rasa being down.
(Talking to a real trained assistant is tests/test_stack.py.)"""
import pytest
from sqlalchemy import select

from portal.chat.models import ChatMessage
from portal.extensions import db


@pytest.fixture
def chat_app(app):
    app.config["RASA_URL"] = "http://127.0.0.1:9"  # nothing listens here: the assistant is down
    return app


def post(client, **body):
    return client.post("/api/chat/messages", json=body)


def test_assistant_down_gives_contact_options(chat_app, client):
    response = post(client, text="Mijn baby huilt veel")
    data = response.get_json()
    assert response.status_code == 200 and data["assistant_available"] is False
    assert data["state"] == "bot" and len(data["conversation_id"]) == 32 and data["token"]
    assert {"custom": {"type": "fallback"}} in data["messages"]
    assert "112" in data["messages"][0]["text"]
    assert "HttpOnly" in response.headers["Set-Cookie"]


def test_continue_needs_the_secret(chat_app, client, app):
    first = post(client, text="hallo").get_json()
    cid = first["conversation_id"]
    assert post(client, conversation_id=cid, text="nog een vraag").status_code == 200  # cookie
    other = app.test_client()
    assert other.post("/api/chat/messages", json={"conversation_id": cid, "text": "hoi"}).status_code == 404
    assert other.get(f"/api/chat/messages?conversation_id={cid}").status_code == 404
    with_token = other.get(f"/api/chat/messages?conversation_id={cid}", headers={"X-Chat-Token": first["token"]})
    assert with_token.status_code == 200
    assert [m["sender"] for m in with_token.get_json()["messages"]][:2] == ["user", "bot"]


def test_one_conversation_cannot_read_another(chat_app, client, app):
    a = post(client, text="vraag van A").get_json()
    b_client = app.test_client()
    b = b_client.post("/api/chat/messages", json={"text": "vraag van B"}).get_json()
    response = b_client.get(f"/api/chat/messages?conversation_id={a['conversation_id']}",
                            headers={"X-Chat-Token": b["token"]})
    assert response.status_code == 404


@pytest.mark.parametrize("body", [{"text": ""}, {"text": "   "}, {"text": None}, {"text": "\x00\x01\x02"},
                                  {"text": "<b></b>"}, {"nothing": 1}])
def test_empty_or_unreadable_messages_get_a_friendly_answer(chat_app, client, body):
    response = post(client, **body)
    assert response.status_code == 400
    assert "vraag" in response.get_json()["messages"][0]["text"]


def test_too_long_and_not_json(chat_app, client):
    response = post(client, text="a" * 1001)
    assert response.status_code == 400 and "te lang" in response.get_json()["messages"][0]["text"]
    response = client.post("/api/chat/messages", data=b"\xff\xfe binary", content_type="application/octet-stream")
    assert response.status_code == 400 and response.get_json()["messages"][0]["text"]


def test_markup_is_stripped_and_personal_data_scrubbed(chat_app, client, app):
    post(client, text="<script>x</script> bel me op 06-12345678 of mail a@b.nl")
    with app.app_context():
        stored = db.session.scalars(select(ChatMessage).where(ChatMessage.sender == "user")).all()
    assert stored[0].text == "x bel me op [telefoonnummer] of mail [e-mailadres]"


def test_unknown_conversation_is_404(chat_app, client):
    assert post(client, conversation_id="f" * 32, text="hoi").status_code == 404
