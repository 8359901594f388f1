"""The chat API: the widget talks only to this; it forwards to Rasa."""
from __future__ import annotations

import re

from flask import Blueprint, current_app, jsonify, request
from flask_babel import gettext as _

from portal import municipality
from portal.chat import conversations, rasa
from portal.chat.models import ChatMessage
from portal.ehulp import availability, queue
from portal.ehulp.models import Worker
from portal.extensions import db
from portal.models import utcnow
from portal.numbers import whole_number
from portal.ratelimit import too_many

bp = Blueprint("chat", __name__, url_prefix="/api/chat")
MAX_TEXT = 1000
COOKIE = "cjg_chat"
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
TAG_RE = re.compile(r"<[^>]{0,200}>")
HANDOFF_PAYLOADS = {"/handoff_accept", "/medewerker"}


def _reply(status: int, text: str, **extra):
    response = jsonify({"error": {"status": status, "message": text}, "messages": [{"text": text}], **extra})
    response.status_code = status
    return response


def _secret(conversation_id: str) -> str | None:
    """The conversation's secret from the HttpOnly cookie or the X-Chat-Token header."""
    token = request.headers.get("X-Chat-Token")
    if token:
        return token
    cookie = request.cookies.get(COOKIE, "")
    cid, _sep, secret = cookie.partition(".")
    return secret if cid == conversation_id else None


def clean_text(raw) -> str:
    """Plain text: no control characters or markup, whitespace collapsed."""
    text = CONTROL_RE.sub(" ", raw if isinstance(raw, str) else "")
    text = TAG_RE.sub(" ", text)
    return " ".join(text.split())


def contact_options() -> list[dict]:
    return [{"text": _("Sorry, de assistent is nu niet bereikbaar. Je kunt ons ook bellen, binnenlopen of je "
                       "vraag online stellen. Bij gevaar: bel 112.")},
            {"custom": {"type": "fallback"}}]


@bp.post("/messages")
def post_message():
    if too_many("chat", current_app.config.get("CHAT_RATE_LIMIT", 30)):
        return _reply(429, _("Je stuurt veel berichten achter elkaar. Wacht even en probeer het dan opnieuw."))
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return _reply(400, _("Dat bericht kon ik niet lezen. Typ je vraag gewoon in het tekstvak."))
    raw = data.get("text")
    if isinstance(raw, str) and len(raw) > MAX_TEXT:
        return _reply(400, _("Je bericht is te lang. Kun je het korter zeggen, in minder dan %(n)d tekens?", n=MAX_TEXT))
    text = clean_text(raw)
    if not text:
        return _reply(400, _("Ik zie nog geen vraag. Typ je vraag in het tekstvak."))
    site = data.get("site") if data.get("site") in ("vcjg", "jongin") else "vcjg"

    conversation_id = data.get("conversation_id")
    new_secret = None
    if conversation_id:
        conversation = conversations.find(db.session, str(conversation_id), _secret(str(conversation_id)))
        if conversation is None:
            return _gone()
    else:
        conversation, new_secret = conversations.start(db.session, site)

    if text in HANDOFF_PAYLOADS:
        body = {"conversation_id": conversation.id, **handoff_state(conversation),
                "last_message_id": _last_id(conversation)}
        if new_secret:
            body["token"] = new_secret
        return _with_cookie(jsonify(body), conversation.id, new_secret) if new_secret else jsonify(body)
    conversations.add(db.session, conversation, "user", text)
    db.session.commit()  # never hold a write transaction open while the assistant thinks
    if conversation.state in ("waiting", "human"):  # a worker has (or will have) it: the assistant stays quiet
        return jsonify({"conversation_id": conversation.id, "messages": [], "state": conversation.state,
                        "assistant_available": True, **queue_info(conversation)})
    available = True
    try:
        messages = rasa.send(current_app.config["RASA_URL"], conversation.id, text, {"site": site})
    except rasa.AssistantUnavailable as exc:
        current_app.logger.warning("assistant unavailable: %s", exc)
        messages, available = contact_options(), False
    if not messages:  # Rasa is up but could not act (its action server is down): never leave them empty-handed
        current_app.logger.warning("assistant gave no answer to conversation %s", conversation.id)
        messages, available = contact_options(), False
    for message in messages:
        payload = {k: message[k] for k in ("buttons", "custom") if k in message} or None
        conversations.add(db.session, conversation, "bot", message.get("text", ""), payload)
    db.session.commit()

    body = {"conversation_id": conversation.id, "messages": messages, "state": conversation.state,
            "assistant_available": available, "last_message_id": _last_id(conversation)}
    if new_secret:
        body["token"] = new_secret
    response = jsonify(body)
    return _with_cookie(response, conversation.id, new_secret) if new_secret else response


def _last_id(conversation) -> int | None:
    """The id of the newest stored message, so the widget can poll exactly after it."""
    return db.session.scalar(db.select(db.func.max(ChatMessage.id)).where(ChatMessage.conversation_id == conversation.id))


def _with_cookie(response, conversation_id: str, secret: str):
    response.set_cookie(COOKIE, f"{conversation_id}.{secret}", httponly=True, samesite="Strict",
                        secure=request.is_secure, path="/api/chat")
    return response


def ehulp_now():
    return availability.check(db.session, municipality()["slug"], utcnow())


def queue_info(conversation) -> dict:
    """Place in the queue and an honest wait estimate while waiting; who the
    visitor talks to while a worker has the conversation."""
    if conversation.state == "waiting":
        place = queue.position(db.session, conversation)
        return {"queue_position": place, "estimated_wait_seconds": queue.estimated_wait(db.session, place or 1)}
    if conversation.state == "human" and conversation.worker_id:
        worker = db.session.get(Worker, conversation.worker_id)
        return {"worker": worker.display_name if worker else None}
    return {}


def handoff_state(conversation) -> dict:
    """Join the live-chat queue, or say when a worker is there again and offer
    to leave a question."""
    now = ehulp_now()
    state = queue.join(db.session, conversation, now.in_hours)
    body = {"state": state, "queue_position": None, "estimated_wait_seconds": None,
            "next_open": now.next_open.isoformat() if now.next_open else None}
    body.update(queue_info(conversation))
    if state == "unavailable":
        body["messages"] = [{"text": _("Er is nu geen medewerker beschikbaar voor een chat. Laat je vraag achter: "
                                       "je krijgt een code om het antwoord later te lezen, zonder je naam te geven.")},
                            {"custom": {"type": "handoff_offer", "available": False, "next_open": body["next_open"]}}]
    else:
        body["messages"] = [{"text": _("Je staat in de wachtrij voor een medewerker. Je kunt intussen verder kijken op "
                                       "de site.")}]
    return body


def _posted_conversation():
    """The conversation named in the JSON body, for whoever holds its secret."""
    data = request.get_json(silent=True) or {}
    conversation_id = str(data.get("conversation_id") or "")
    return conversations.find(db.session, conversation_id, _secret(conversation_id))


def _gone():
    return _reply(404, _("Dit gesprek bestaat niet meer. Begin gerust een nieuw gesprek."))


@bp.post("/handoff")
def handoff():
    conversation = _posted_conversation()
    return jsonify(handoff_state(conversation)) if conversation else _gone()


@bp.post("/handoff/cancel")
def cancel_handoff():
    conversation = _posted_conversation()
    if conversation is None:
        return _gone()
    queue.leave(db.session, conversation)
    return jsonify({"state": conversation.state})


@bp.get("/messages")
def get_messages():
    conversation_id = request.args.get("conversation_id", "")
    conversation = conversations.find(db.session, conversation_id, _secret(conversation_id))
    if conversation is None:
        return _gone()
    after = whole_number(request.args.get("after", "0"))
    if after is None:
        return _reply(400, "after must be a message id")
    items = conversations.after(db.session, conversation, after)
    return jsonify({"conversation_id": conversation.id, "state": conversation.state, **queue_info(conversation),
                    "messages": [{"id": m.id, "sender": m.sender, "text": m.text, **(m.payload or {})}
                                 for m in items]})
