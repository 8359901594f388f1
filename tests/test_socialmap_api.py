"""The social map's JSON API (docs/api.md): filters, `at`, 400s, hours across
holidays, the walk-in points by wijk, the crisis lines and the HSDS export."""
import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from portal.socialmap import hours
from portal.socialmap.hours import TZ

TUESDAY_10 = "2026-11-24T10:00:00+01:00"  # the Rivierenwijk walk-in point is open (example hours)
SERVICE_KEYS = {"slug", "name", "url", "summary", "categories", "wijken", "audiences", "phones", "open_now",
                "next_open", "hours_known", "example"}
LOCATION_KEYS = {"slug", "name", "url", "wijk", "address", "open_now", "next_open", "hours_known", "hours_text", "week"}
HSDS_SCHEMA = Path(__file__).parent / "fixtures/hsds/service_with_definitions.json"


def get(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, (path, response.get_data(as_text=True))
    return response.get_json()


def slugs(data):
    return [item["slug"] for item in data["items"]]


def test_services_list_and_filters(socialmap, client):
    everything = get(client, "/api/services")
    assert everything["total"] == 24 and SERVICE_KEYS <= set(everything["items"][0])
    assert slugs(get(client, "/api/services?category=cjg-inloop")) == ["cjg-inloop"]
    assert slugs(get(client, "/api/services?category=jeugdgezondheidszorg&age=2")) == ["consultatiebureau"]
    assert slugs(get(client, "/api/services?category=jeugdgezondheidszorg&age=10")) == ["jeugdgezondheidszorg-4-19"]
    assert "jongerenloket" in slugs(get(client, "/api/services?audience=jongeren&age=17"))
    assert "jongerenloket" not in slugs(get(client, "/api/services?audience=ouders"))
    assert get(client, "/api/services?language=nl")["total"] == 24
    assert get(client, "/api/services?language=tr")["total"] == 0
    assert slugs(get(client, "/api/services?q=SCHULDEN"))[0] == "schuldhulp"
    assert slugs(get(client, "/api/services?q=triple%20p")) == ["opvoedcursussen"]
    assert slugs(get(client, "/api/services?q=carinova&category=maatschappelijk-werk")) == ["maatschappelijk-werk"]
    assert get(client, "/api/services?q=xyzzy") == {"total": 0, "items": []}


def test_assistant_queries_with_limit(socialmap, client):
    data = get(client, "/api/services?category=geld-en-schulden&wijk=rivierenwijk&age=30&limit=3")
    assert slugs(data) == ["schuldhulp"] and data["items"][0]["url"] == "/sociale-kaart/schuldhulp"
    limited = get(client, "/api/services?limit=3")
    assert len(limited["items"]) == 3 and limited["total"] == 24
    assert len(get(client, "/api/locations?limit=2")["items"]) == 2


def test_open_now_at_a_moment(socialmap, client):
    open_now = get(client, f"/api/services?category=cjg-inloop&open_now=true&at={TUESDAY_10.replace('+', '%2B')}")
    assert slugs(open_now) == ["cjg-inloop"] and open_now["items"][0]["open_now"] is True
    closed = get(client, "/api/services?category=cjg-inloop&open_now=false&at=2026-11-24T12:00")
    assert slugs(closed) == ["cjg-inloop"] and closed["items"][0]["next_open"] == "2026-11-25T13:30:00+01:00"
    crisis = slugs(get(client, "/api/services?category=crisis&open_now=true&at=2026-12-25T03:00"))
    assert crisis == ["veilig-thuis-ijsselland", "112"]  # 24/7 lines; local first; 113 states no hours


def test_at_naive_is_amsterdam_and_offsets_count(socialmap, client):
    base = "/api/locations/cjg-inloop-rivierenwijk?at="
    assert get(client, base + "2026-11-24T10:00")["open_now"] is True
    assert get(client, base + "2026-11-24T09:30Z")["open_now"] is True  # 10:30 in Amsterdam
    assert get(client, base + "2026-11-24T10:30Z")["open_now"] is False  # 11:30 in Amsterdam
    assert get(client, base + "2026-11-24T10:00 01:00")["open_now"] is True  # '+' read as space
    later = get(client, base + "2026-11-24T11:00:00%2B01:00")
    assert later["open_now"] is False and later["next_open"] == "2026-12-01T09:00:00+01:00"


def test_bad_requests_name_the_value_and_the_allowed_ones(socialmap, client):
    cases = {"/api/services?category=voetbal": ["voetbal", "cjg-inloop", "geld-en-schulden"],
             "/api/services?wijk=atlantis": ["atlantis", "rivierenwijk"],
             "/api/services?audience=katten": ["katten", "ouders", "jongeren"],
             "/api/services?language=xx": ["xx", "ISO 639-1"],
             "/api/services?age=drie": ["drie", "whole number"],
             "/api/services?age=-1": ["-1"],
             "/api/services?open_now=ja": ["ja", "true or false"],
             "/api/services?at=gisteren": ["gisteren", "ISO 8601"],
             "/api/services?limit=0": ["limit"], "/api/services?limit=51": ["limit"],
             "/api/locations?wijk=atlantis": ["atlantis"], "/api/locations?category=x": ["x"],
             "/api/locations?at=2026-13-01": ["2026-13-01"],
             "/api/locations/cjg-inloop-rivierenwijk?at=morgen": ["morgen"],
             "/api/services/cjg-inloop?at=nu": ["nu"]}
    for path, words in cases.items():
        error = get(client, path, 400)["error"]
        assert error["status"] == 400 and all(w in error["message"] for w in words), (path, error)
    for path in ("/api/services/bestaat-niet", "/api/locations/bestaat-niet"):
        assert get(client, path, 404)["error"]["status"] == 404


def test_walk_in_points_by_wijk(socialmap, client):
    for wijk in ("rivierenwijk", "keizerslanden", "vijfhoek"):
        data = get(client, f"/api/locations?wijk={wijk}&category=cjg-inloop&at={TUESDAY_10.replace('+', '%2B')}")
        assert slugs(data) == [f"cjg-inloop-{wijk}"]
        item = data["items"][0]
        assert LOCATION_KEYS <= set(item) and item["wijk"] == wijk and item["hours_known"] is True
        assert item["url"] == f"/sociale-kaart/locatie/cjg-inloop-{wijk}" and item["example"] is True
        assert item["open_now"] is (wijk == "rivierenwijk") and len(item["week"]) == 7
    assert len(get(client, "/api/locations?category=cjg-inloop")["items"]) == 3
    assert slugs(get(client, "/api/locations?wijk=schalkhaar")) == []


def test_location_detail(socialmap, client):
    data = get(client, "/api/locations/cjg-inloop-keizerslanden?at=2026-11-24T10:00")
    assert data["wijk"] == "keizerslanden" and data["open_now"] is False
    assert data["next_open"] == "2026-11-25T13:30:00+01:00"
    assert data["hours_text"] == "Nu gesloten. Weer open morgen om 13.30 uur."
    wednesday = data["week"][1]
    assert wednesday["date"] == "2026-11-25" and wednesday["periods"] == [{"opens": "13:30", "closes": "15:30"}]
    assert wednesday["text"] == "woensdag 13.30-15.30 uur"
    assert data["services"] == [{"slug": "cjg-inloop", "name": "CJG-inloopspreekuur", "url": "/sociale-kaart/cjg-inloop"}]
    assert data["calendar"] == "/sociale-kaart/locatie/cjg-inloop-keizerslanden.ics"


def test_next_open_across_a_holiday(socialmap, client):
    # Koningsdag 2027 is a Tuesday: the Rivierenwijk walk-in point is closed that day.
    data = get(client, "/api/locations/cjg-inloop-rivierenwijk?at=2027-04-27T08:00")
    assert data["open_now"] is False and data["next_open"] == "2027-05-04T09:00:00+02:00"
    assert data["week"][0] == {**data["week"][0], "closed": True, "reason": "Koningsdag", "reason_en": "King's Day"}
    assert data["hours_text"] == "Vandaag gesloten (Koningsdag). Weer open op dinsdag 4 mei om 9.00 uur."
    # Second Day of Christmas 2028 is a Tuesday too
    christmas = get(client, "/api/locations/cjg-inloop-rivierenwijk?at=2028-12-26T10:00")
    assert christmas["open_now"] is False and christmas["next_open"] == "2029-01-02T09:00:00+01:00"
    assert christmas["week"][0]["text"] == "vandaag gesloten (Tweede kerstdag)"


def test_good_friday_closes_nothing():
    friday = hours.Schedule.from_dict({"weekly": {"friday": ["09:00-11:00"], "monday": ["09:00-11:00"]}})
    assert hours.holiday_name(dt.date(2027, 3, 26)) == "Goede vrijdag"
    assert hours.is_open(friday, dt.datetime(2027, 3, 26, 10, tzinfo=TZ))
    assert not hours.is_open(friday, dt.datetime(2027, 3, 29, 10, tzinfo=TZ))  # Tweede paasdag closes
    assert friday.day(dt.date(2027, 3, 29)).reason == "Tweede paasdag"


def test_services_without_hours(socialmap, client):
    item = get(client, "/api/services?category=jeugdgezondheidszorg&age=1")["items"][0]
    assert item["slug"] == "consultatiebureau"
    assert item["hours_known"] is False and item["open_now"] is False and item["next_open"] is None
    assert item["hours_text"] == "Geen vaste tijden bekend; bel of kijk op de site."
    location = get(client, "/api/locations/consultatiebureau-vijfhoek")
    assert location["hours_known"] is False and location["next_open"] is None
    assert "gesloten" not in location["hours_text"]


def test_service_detail(socialmap, client):
    data = get(client, f"/api/services/cjg-inloop?at={TUESDAY_10.replace('+', '%2B')}")
    assert data["categories"] == ["cjg-inloop"] and "rivierenwijk" in data["wijken"]
    assert data["organization"]["slug"] == "cjg-deventer" and data["example"] is True
    assert data["min_age"] == 0 and data["max_age"] == 23 and data["open_now"] is True
    assert [loc["slug"] for loc in data["locations"]] == [
        "cjg-inloop-rivierenwijk", "cjg-inloop-keizerslanden", "cjg-inloop-vijfhoek"]
    assert data["locations"][0]["open_now"] is True and data["locations"][1]["open_now"] is False
    assert data["locations"][1]["week"][1]["periods"] == [{"opens": "13:30", "closes": "15:30"}]
    phone = get(client, "/api/services/cjg-telefoon?at=2026-11-23T10:00")
    assert phone["open_now"] is True and phone["week"][0]["text"] == "vandaag 9.00-11.00 uur"
    national = get(client, "/api/services/113-zelfmoordpreventie")
    assert national["municipality"] is None and national["phones"][0] == {"number": "113", "description": ""}


def test_crisis_lines_come_from_the_one_file(socialmap, client):
    lines = {line["slug"]: line for line in get(client, "/api/crisis-lines")["lines"]}
    assert list(lines) == ["112", "113", "veilig-thuis", "kindertelefoon", "huisartsenpost"]
    assert lines["veilig-thuis"]["phone"] == "0800-2000" and lines["veilig-thuis"]["free"] is True
    assert lines["113"]["other_phones"] == [{"number": "0800-0113", "text": "gratis"}]
    assert lines["huisartsenpost"]["phone"] is None
    assert all({"slug", "name", "phone", "url", "text"} <= set(line) for line in lines.values())


@pytest.fixture(scope="module")
def hsds_validator():
    schema = json.loads(HSDS_SCHEMA.read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, format_checker=jsonschema.FormatChecker())


def test_hsds_export_is_valid(socialmap, client, hsds_validator):
    page = get(client, "/api/hsds/services")
    assert page["total_items"] == len(page["contents"]) == 24 and page["page_number"] == 1
    for doc in page["contents"]:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in hsds_validator.iter_errors(doc)]
        assert errors == [], (doc["name"], errors)
    inloop = next(d for d in page["contents"] if d["name"] == "CJG-inloopspreekuur")
    assert len(inloop["service_at_locations"]) == 3
    assert inloop["service_at_locations"][0]["schedules"][0]["byday"] == "TU"
    assert {a["value"] for a in inloop["attributes"]} >= {"cjg-inloop", "example"}
