"""Signs of personal details in a story, for the editor (and the writer's
preview). They only warn: the editor decides what to change."""
from __future__ import annotations

import re

from portal.privacy import scrub

# What portal.privacy.scrub would replace, by its label (tests check every label is here).
SCRUBBED = {label: kind for kind, label in (
    ("email", "[e-mailadres]"), ("address", "[adres]"), ("phone", "[telefoonnummer]"),
    ("number", "[nummer]"), ("postcode", "[postcode]"))}
# Names on social media: "@lisa_15", "mijn snap is ...".
HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_.]{2,30}")
SOCIAL = re.compile(r"\b(?:snap(?:chat)?|insta(?:gram)?|tik ?tok|discord|telegram|whatsapp|facebook|fb)\b", re.I)
KINDS = (*SCRUBBED.values(), "handle")


def find(*texts: str) -> list[str]:
    """The kinds of personal details that seem to be in these texts, in KINDS order."""
    text = "\n".join(t for t in texts if t)
    cleaned = scrub(text)
    found = {kind for label, kind in SCRUBBED.items() if cleaned.count(label) > text.count(label)}
    if HANDLE.search(text) or SOCIAL.search(text):
        found.add("handle")
    return [kind for kind in KINDS if kind in found]

