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


def _api(rasa_url: str, token: str, conversation_id: str, path: str) -> str:
    return f"{rasa_url.rstrip('/')}/conversations/{conversation_id}/{path}?token={token}"


def set_paused(rasa_url: str, token: str, conversation_id: str, paused: bool) -> bool:
    """Pause the assistant while a worker has the conversation; resume it after."""
    event = {"event": "pause" if paused else "resume"}
    try:
        response = _session.post(_api(rasa_url, token, conversation_id, "tracker/events"), json=event, timeout=5)
        return response.ok
    except requests.RequestException:
        return False


def context(rasa_url: str, token: str, conversation_id: str) -> dict:
    """What the assistant learnt in this conversation (theme, wijk, age phase),
    so the worker does not have to ask again. Empty when Rasa cannot say."""
    try:
        response = _session.get(_api(rasa_url, token, conversation_id, "tracker"), timeout=5)
        slots = response.json().get("slots", {}) if response.ok else {}
    except (requests.RequestException, ValueError):
        return {}
    wanted = ("theme", "wijk", "age_phase", "audience", "categorie")
    return {k: v for k, v in slots.items() if k in wanted and v not in (None, "", [])}
