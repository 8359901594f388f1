"""Who is asking (parent or young person) and about which age, from the message."""
import re
from typing import Optional

from rasa_sdk import Tracker

_PARENT = re.compile(
    r"\b(mijn|m'?n|me|ons|onze)\s+(zoon|zoontje|dochter|dochtertje|kind|kindje|"
    r"kinderen|kids|baby|babytje|peuter|dreumes|kleuter|puber|tiener|pleegkind|"
    r"stiefzoon|stiefdochter|jongste|oudste|tweeling)\b|\bals (ouder|moeder|vader)\b",
    re.IGNORECASE,
)

# A young person speaking: about their own parents, school, or their own age.
_YOUNG = re.compile(
    r"\b(mijn|m'?n|me)\s+(ouders|vader|moeder|pa|ma|papa|mama|pap|mam|stiefvader|stiefmoeder|"
    r"mentor|klasgenoten|klas)\b|\bik ben (1[2-9]|2[0-3])\b|\bik zit in (de )?(brugklas|klas|havo|vwo|vmbo|mbo)\b",
    re.IGNORECASE,
)

_PHASE_WORDS = (
    ("zwangerschap", r"\b(zwanger\w*|bevall\w*|uitgerekend|ongeboren)\b"),
    ("baby", r"\b(baby\w*|pasgeboren\w*|zuigeling\w*|borstvoeding|\d+\s*(maanden|mnd|weken)\s*oud)\b"),
    ("peuter", r"\b(peuter\w*|dreumes\w*|peuterspeelzaal)\b"),
    ("schoolkind", r"\b(kleuter\w*|basisschool|groep [1-8]|schoolkind\w*)\b"),
    ("tiener", r"\b(puber\w*|tiener\w*|middelbare school|brugklas\w*)\b"),
)
_YEARS = re.compile(r"\b(\d{1,2})\s*(jaar|jr|jarige?)\b|\b(?:van|ben|is|wordt)\s+(\d{1,2})\b(?!\s*(maand|mnd|week|weken|dagen|uur|minuten|tot|euro|procent|%))")


def audience(tracker: Tracker) -> str:
    """`ouders` when a parent speaks; `jongeren` when a young person speaks about
    their parents, school or age, or on JongIn; otherwise `ouders` (vCJG)."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    if _PARENT.search(text):
        return "ouders"
    site = ((message.get("metadata") or {}).get("site") or "").lower()
    return "jongeren" if site == "jongin" or _YOUNG.search(text) else "ouders"


def age_phase(text: str, leeftijd: Optional[str] = None) -> Optional[str]:
    """The age phase slug (taxonomy.yml) the message is about, if it says so."""
    lowered = text.lower()
    for phase, pattern in _PHASE_WORDS:
        if re.search(pattern, lowered):
            return phase
    years = _years(lowered, leeftijd)
    if years is None or years > 23:
        return None
    if years < 1:
        return "baby"
    if years < 4:
        return "peuter"
    if years < 12:
        return "schoolkind"
    return "tiener" if years < 18 else "jongvolwassene"


def _years(text: str, leeftijd: Optional[str]) -> Optional[int]:
    if leeftijd and str(leeftijd).isdigit():
        return int(leeftijd)
    match = _YEARS.search(text)
    if not match:
        return None
    return int(match.group(1) or match.group(3))
