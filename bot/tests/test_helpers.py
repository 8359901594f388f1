"""Audience, age phase, Dutch times and the taxonomy helpers."""
from datetime import datetime, timedelta, timezone

import pytest

from actions.audience import age_phase, audience
from actions.dutch_time import format_moment
from actions.taxonomy import theme_of_intent
from conftest import make_tracker

CET = timezone(timedelta(hours=1))


@pytest.mark.parametrize("text, site, expected", [
    ("mijn zoon van 14 gamet de hele nacht", None, "ouders"),
    ("mn dochter wil niet eten", "jongin", "ouders"),
    ("ik game de hele nacht", "jongin", "jongeren"),
    ("ik game de hele nacht", "vcjg", "ouders"),
    ("ik game de hele nacht", None, "ouders"),
])
def test_audience(text, site, expected):
    assert audience(make_tracker(text, "vraag_media", site=site)) == expected


@pytest.mark.parametrize("text, leeftijd, expected", [
    ("ik ben 20 weken zwanger", None, "zwangerschap"),
    ("mijn baby huilt veel", None, "baby"),
    ("onze dreumes bijt", None, "peuter"),
    ("mijn kind zit in groep 5", None, "schoolkind"),
    ("mijn puber praat niet", None, "tiener"),
    ("mijn zoon van 3 slaat", None, "peuter"),
    ("mijn dochter is 9 jaar", None, "schoolkind"),
    ("ik ben 16", None, "tiener"),
    ("ik ben 20 en woon nog thuis", None, "jongvolwassene"),
    ("hulp bij schulden", "19", "jongvolwassene"),
    ("van 9 tot 12 uur", None, None),
    ("hoe gaat het", None, None),
])
def test_age_phase(text, leeftijd, expected):
    assert age_phase(text, leeftijd) == expected


def test_format_moment():
    now = datetime(2030, 1, 7, 10, 0, tzinfo=CET)  # a Monday
    assert format_moment("2030-01-07T13:30:00+01:00", now) == "vandaag om 13.30 uur"
    assert format_moment("2030-01-08T09:00:00+01:00", now) == "morgen om 9.00 uur"
    assert format_moment("2030-01-10T09:00:00+01:00", now) == "donderdag om 9.00 uur"
    assert format_moment("2030-01-21T09:00:00+01:00", now) == "maandag 21 januari om 9.00 uur"
    assert format_moment("2030-01-07T12:00:00Z", now) == "vandaag om 12.00 uur"
    assert format_moment(None, now) is None
    assert format_moment("geen datum", now) is None


def test_theme_of_intent():
    assert theme_of_intent("vraag_cultuur_en_geloof") == "cultuur-en-geloof"
    assert theme_of_intent("vraag_slapen") == "slapen"
    assert theme_of_intent("vraag_onbekend") is None
    assert theme_of_intent("greet") is None
