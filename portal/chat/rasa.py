"""Talk to the Rasa server's REST channel."""
from __future__ import annotations

import requests


class AssistantUnavailable(Exception):
    """Rasa or its action server cannot be reached or gave no usable answer."""


_session = requests.Session()


def send(rasa_url: str, conversation_id: str, text: str, metadata: dict | None = None,
         timeout: float = 15.0) -> list[dict]:
    """Forward one message; return Rasa's list of reply messages."""
    try:
        response = _session.post(f"{rasa_url.rstrip('/')}/webhooks/rest/webhook",
                                 json={"sender": conversation_id, "message": text, "metadata": metadata or {}},
                                 timeout=timeout)
        response.raise_for_status()
        messages = response.json()
    except (requests.RequestException, ValueError) as exc:
        raise AssistantUnavailable(str(exc)) from exc
    if not isinstance(messages, list):
        raise AssistantUnavailable("unexpected reply")
    return [m for m in messages if isinstance(m, dict)]
