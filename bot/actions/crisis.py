"""The crisis reply: the national lines that fit, first, calm and warm."""
import logging
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.audience import audience
from actions.disclosure import disclose
from actions.message import typed_text
from actions.portal import PortalClient, PortalError

logger = logging.getLogger(__name__)

# EMERGENCY FALLBACK ONLY, used when the portal (content/crisis_lines.yml, the
# one data file of the national lines) cannot be reached and nothing was
# loaded before. Keep it to these two numbers; everything else comes from the portal.
EMERGENCY_LINES = {
    "112": {"name": "Alarmnummer 112", "phone": "112", "url": None},
    "113": {"name": "113 Zelfmoordpreventie", "phone": "0800-0113", "url": "https://www.113.nl"},
}

# Which lines fit which crisis type (keys of _LINE_KEYS below), in order.
_LINES_FOR_TYPE = {
    "danger": ["112"],
    "suicide": ["113"],
    "selfharm": ["113"],
    "abuse": ["veilig-thuis", "kindertelefoon"],
    "violence": ["veilig-thuis", "kindertelefoon"],
}
# ML-only crisis without a type: everything that may fit, 112 first.
_UNKNOWN_TYPE = ["112", "113", "veilig-thuis", "kindertelefoon"]

# How a line of /api/crisis-lines is recognised (its slug, else name or phone).
_LINE_KEYS = {
    "112": ("112", "alarmnummer"),
    "113": ("113", "zelfmoordpreventie"),
    "veilig-thuis": ("veilig-thuis", "veilig thuis"),
    "kindertelefoon": ("kindertelefoon",),
}


class ActionCrisis(Action):
    """Crisis message with one `crisis` payload, then the disclosure if not given."""

    def __init__(self, portal: Optional[PortalClient] = None) -> None:
        self.portal = portal or PortalClient()
        self._last_good: List[Dict[str, Any]] = []

    def name(self) -> str:
        return "action_crisis"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        types = list(dict.fromkeys(tracker.get_latest_entity_values("crisis_type")))
        wanted = _wanted_lines(types, young=audience(tracker) == "jongeren" or _child_speaking(tracker))
        lines = self._pick(wanted)
        dispatcher.utter_message(
            response="utter_crisis",
            lines="\n".join(_line_text(line) for line in lines),
        )
        dispatcher.utter_message(
            json_message={
                "type": "crisis",
                "lines": [
                    {k: line[k] for k in ("name", "phone", "url") if line.get(k)} for line in lines
                ],
            }
        )
        return disclose(dispatcher, tracker)

    def _pick(self, wanted: List[str]) -> List[Dict[str, Any]]:
        """The wanted lines from the portal (or its last good answer).

        When a wanted line is not known at all, 112 and 113 are added from the
        emergency list, so the reply never goes without a number to call.
        """
        known = self._portal_lines()
        found = [_find(known, key) or EMERGENCY_LINES.get(key) for key in wanted]
        picked = [line for line in found if line]
        if len(picked) < len(found):
            for key, line in EMERGENCY_LINES.items():
                if _find(picked, key) is None:
                    picked.append(line)
        return picked

    def _portal_lines(self) -> List[Dict[str, Any]]:
        try:
            lines = self.portal.items("/api/crisis-lines", "lines")
        except PortalError:
            lines = []
        if lines:
            self._last_good = lines
        else:
            logger.warning("No crisis lines from the portal; using the last good answer")
        return self._last_good


def _wanted_lines(types: List[str], young: bool) -> List[str]:
    wanted = list(_UNKNOWN_TYPE) if not types else []
    if "danger" in types:
        wanted.append("112")
    for crisis_type in types:
        wanted.extend(_LINES_FOR_TYPE.get(crisis_type, []))
    if not young:
        wanted = [key for key in wanted if key != "kindertelefoon"]
    return list(dict.fromkeys(wanted))


def _child_speaking(tracker: Tracker) -> bool:
    """A young person speaks about home ("mijn vader slaat me") on any site."""
    text = typed_text(tracker).lower()
    return any(word in text for word in ("mijn vader", "mijn moeder", "mijn ouders", "stiefvader", "stiefmoeder", "mn vader", "mn moeder", "me vader", "me moeder", "me pa", "me ma"))


def _find(lines: List[Dict[str, Any]], key: str) -> Optional[Dict[str, Any]]:
    slug_or_phone, *names = _LINE_KEYS[key]
    for line in lines:
        if line.get("slug") == slug_or_phone or str(line.get("phone", "")).strip() == slug_or_phone:
            return line
    for line in lines:
        haystack = f"{line.get('slug', '')} {line.get('name', '')}".lower()
        if any(name in haystack for name in names):
            return line
    return None


def _line_text(line: Dict[str, Any]) -> str:
    """'• Veilig Thuis: bel 0800-2000 (gratis, dag en nacht) of kijk op https://...'"""
    ways = []
    if line.get("phone"):
        notes = [note for key, note in (("free", "gratis"), ("anonymous", "anoniem")) if line.get(key)]
        if line.get("hours") == "24/7":
            notes.append("dag en nacht")
        ways.append(f"bel {line['phone']}" + (f" ({', '.join(notes)})" if notes else ""))
    for other in line.get("other_phones") or []:
        if other.get("number"):
            ways.append(f"bel {other.get('text') or ''} {other['number']}".replace("  ", " "))
    if line.get("chat_url") or line.get("url"):
        ways.append(f"kijk op {line.get('chat_url') or line['url']}")
    return f"• {line.get('name')}: {' of '.join(ways)}"
