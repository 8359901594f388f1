"""Conversation lifecycle: start with a secret, check the secret, store
scrubbed messages. No Flask here."""
from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from portal.chat.models import ChatMessage, Conversation
from portal.models import utcnow
from portal.privacy import scrub


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def start(session: Session, site: str) -> tuple[Conversation, str]:
    """A new conversation with a random id and a secret that is returned once."""
    secret = secrets.token_urlsafe(32)
    conversation = Conversation(id=secrets.token_hex(16), secret_hash=_hash(secret), site=site, context={})
    session.add(conversation)
    session.flush()
    return conversation, secret


def find(session: Session, conversation_id: str, secret: str | None) -> Conversation | None:
    """The conversation, but only for whoever holds its secret."""
    if not conversation_id or not secret or len(conversation_id) > 64:
        return None
    conversation = session.get(Conversation, conversation_id)
    if conversation is None or not hmac.compare_digest(conversation.secret_hash, _hash(secret)):
        return None
    return conversation


def add(session: Session, conversation: Conversation, sender: str, text: str = "",
        payload: dict | None = None) -> ChatMessage:
    message = ChatMessage(conversation=conversation, sender=sender, text=scrub(text or ""), payload=payload)
    conversation.last_activity = utcnow()
    session.add(message)
    return message


def after(session: Session, conversation: Conversation, message_id: int) -> list[ChatMessage]:
    return list(session.scalars(select(ChatMessage).where(
        ChatMessage.conversation_id == conversation.id, ChatMessage.id > message_id).order_by(ChatMessage.id)))
