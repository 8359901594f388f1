"""Scrub personal data from text before it is stored. Plain module."""
from __future__ import annotations

import re

PATTERNS = [
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mailadres]"),
    # Dutch postcode with a house number, in either order ("1234 AB 12", "straat 12, 1234AB")
    (re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b[\s,]*\d{1,5}(?:\s?[a-zA-Z]\b)?"), "[adres]"),
    (re.compile(r"\b[A-Z][a-z]+(?:straat|laan|weg|plein|singel|kade|dijk|steeg|hof|gracht)\s+\d{1,5}(?:\s?[a-zA-Z]\b)?"),
     "[adres]"),
    (re.compile(r"(?<!\d)(?:\+31|0031|0)(?:[\s-]?\d){9}(?!\d)"), "[telefoonnummer]"),
    (re.compile(r"(?<!\d)\d{3}[\s.-]?\d{2}[\s.-]?\d{3}[\s.-]?\d(?!\d)"), "[nummer]"),  # BSN-like: 9 digits
    (re.compile(r"\b\d{4}\s?[A-Za-z]{2}\b"), "[postcode]"),
]


def scrub(text: str) -> str:
    """Replace phone numbers, e-mail addresses, postcodes with house numbers and
    BSN-like numbers by a neutral label."""
    for pattern, label in PATTERNS:
        text = pattern.sub(label, text)
    return text
