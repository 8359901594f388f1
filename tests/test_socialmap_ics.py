"""Calendar feeds: a round trip through the icalendar package."""
import datetime as dt

import pytest
from icalendar import Calendar

from portal.extensions import db
from portal.socialmap import directory
from portal.socialmap.hours import TZ


@pytest.fixture
def fixed_now(monkeypatch):
    moment = dt.datetime(2026, 11, 24, 10, tzinfo=TZ)
    monkeypatch.setattr(directory, "now", lambda: moment)
    return moment


def feed(client, path) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    assert response.content_type == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.data)


def test_walk_in_feed(socialmap, client, fixed_now):
    cal = feed(client, "/inloop.ics")
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Amsterdam"]
    events = {e["LOCATION"].split(",")[0]: e for e in cal.events}
    assert set(events) == {"CJG-inlooppunt Rivierenwijk", "CJG-inlooppunt Keizerslanden", "CJG-inlooppunt Vijfhoek"}
    tuesday = events["CJG-inlooppunt Rivierenwijk"]
    assert tuesday.start == dt.datetime(2026, 11, 24, 9, tzinfo=TZ) and tuesday.end.hour == 11
    assert tuesday["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    rule = tuesday.rrules[0]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"] and "UNTIL" not in rule
    assert dt.datetime(2027, 4, 27, 9, tzinfo=TZ) in tuesday.exdates  # Koningsdag
    assert events["CJG-inlooppunt Vijfhoek"].exdates == [dt.datetime(2027, 5, 6, 9, tzinfo=TZ)]  # Hemelvaartsdag
    assert events["CJG-inlooppunt Keizerslanden"].exdates == []
    assert "Voorbeeldtijden" in tuesday["DESCRIPTION"] and tuesday.stamp is not None
    assert tuesday["URL"] == "http://localhost/sociale-kaart/cjg-inloop"


def test_uids_are_stable(socialmap, client, fixed_now):
    first = sorted(str(e["UID"]) for e in feed(client, "/inloop.ics").events)
    assert first == sorted(str(e["UID"]) for e in feed(client, "/inloop.ics").events)
    assert len(set(first)) == 3 and all(uid.endswith("@sociale-kaart.cjg-portal") for uid in first)


def test_location_feed_with_validity_closures_and_extra_openings(socialmap, client, fixed_now):
    with socialmap.app_context():
        loc = directory.location(db.session, "cjg-inloop-keizerslanden", "deventer")
        sal = loc.services_here[0]
        sal.schedule = {"weekly": {"wednesday": ["13:30-15:30"]}, "valid_until": "2027-06-30", "example": True,
                        "closed": [{"date": "2026-12-30", "reason": "Teamdag"}],
                        "extra": [{"date": "2026-12-29", "hours": ["10:00-12:00"], "reason": "Extra spreekuur"}]}
        db.session.commit()
    cal = feed(client, "/sociale-kaart/locatie/cjg-inloop-keizerslanden.ics")
    weekly, extra = sorted(cal.events, key=lambda e: "RRULE" in e, reverse=True)
    assert weekly.rrules[0]["UNTIL"] == [dt.datetime(2027, 6, 30, 21, 59, tzinfo=dt.timezone.utc)]
    assert weekly.exdates == [dt.datetime(2026, 12, 30, 13, 30, tzinfo=TZ)]
    assert "RRULE" not in extra and extra.start == dt.datetime(2026, 12, 29, 10, tzinfo=TZ)
    assert "Extra spreekuur" in extra["DESCRIPTION"]
    assert cal.timezones and str(cal["X-WR-CALNAME"]) == "CJG-inlooppunt Keizerslanden"


def test_location_without_hours_and_unknown_location(socialmap, client, fixed_now):
    assert feed(client, "/sociale-kaart/locatie/consultatiebureau-vijfhoek.ics").events == []
    assert client.get("/sociale-kaart/locatie/bestaat-niet.ics").status_code == 404
