"""Personal data is scrubbed from stored text."""
import pytest

from portal.privacy import scrub


@pytest.mark.parametrize("text, expected", [
    ("bel me op 06-12345678", "bel me op [telefoonnummer]"),
    ("tel +31 6 1234 5678", "tel [telefoonnummer]"),
    ("0570 123456", "[telefoonnummer]"),
    ("mail jan.de.vries@voorbeeld.nl", "mail [e-mailadres]"),
    ("ik woon op 7411 AB 12", "ik woon op [adres]"),
    ("Kerkstraat 12 in Deventer", "[adres] in Deventer"),
    ("mijn bsn is 123456782", "mijn bsn is [nummer]"),
    ("postcode 7411AB", "postcode [postcode]"),
])
def test_scrubbed(text, expected):
    assert scrub(text) == expected


@pytest.mark.parametrize("text", ["mijn zoon is 14 en ik ben 38", "om 9.00 uur", "in 2026 tien keer",
                                  "hij slaapt 11 uur"])
def test_ordinary_text_is_kept(text):
    assert scrub(text) == text
