"""The social map's source files (portal/socialmap/records.py): the real data,
every validation error, and the HSDS 3.0 export. Plain Python, no Flask."""
from __future__ import annotations

import copy
import datetime as dt
import json
import os
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from portal.socialmap.hours import TZ, Schedule, is_open, week
from portal.socialmap.records import RecordError, hsds_id, load, service_to_hsds

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
HSDS_SCHEMA = Path(os.environ.get("HSDS_SCHEMA", "/work/shared/hsds/compiled/service_with_definitions.json"))
NORMAL_WEEK = dt.date(2026, 11, 23)  # a Monday; no public holiday that week


@pytest.fixture(scope="module")
def real():
    smap, errors = load(CONTENT)
    return smap, errors


# --- the real data --------------------------------------------------------------

def test_real_data_loads_without_errors(real):
    _smap, errors = real
    assert errors == [], "\n".join(map(str, errors))


def test_every_category_has_a_service(real):
    smap, _ = real
    covered = {c for s in smap.services_for("deventer") for c in s.categories}
    assert set(smap.taxonomy.service_categories) <= covered


def test_every_local_record_carries_its_municipality(real):
    smap, _ = real
    for record in smap.organizations + smap.locations + smap.services:
        assert record.municipality in ("deventer", None)
        assert (record.municipality is None) == ("/national/" in record.file)
    assert all(s.crisis_line for s in smap.services if s.municipality is None)


def test_walk_in_points(real):
    smap, _ = real
    for wijk in ("rivierenwijk", "keizerslanden", "vijfhoek"):
        location = smap.location(f"cjg-inloop-{wijk}", "deventer")
        assert location.wijk == wijk and location.address
        assert [s.slug for s in smap.services_at(location)] == ["cjg-inloop"]
        schedules = smap.location_schedules(location)
        assert sum(d.minutes for d in week(schedules, NORMAL_WEEK)) == 120
        assert smap.location_is_example(location)
    inloop = smap.service("cjg-inloop", "deventer")
    assert inloop.categories == ["cjg-inloop"] and len(inloop.locations) == 3


def test_phone_hours_are_four_hours_a_week(real):
    smap, _ = real
    phone = smap.service("cjg-telefoon", "deventer")
    assert phone.categories == ["cjg-telefoon"]
    assert sum(d.minutes for d in week(phone.schedules, NORMAL_WEEK)) == 240


def test_e_hulp_has_live_chat_hours(real):
    smap, _ = real
    ehulp = smap.service("cjg-e-hulp", "deventer")
    assert "e-hulp" in ehulp.categories and ehulp.schedule is not None
    assert any(not d.closed for d in week(ehulp.schedules, NORMAL_WEEK))


def test_invented_details_are_flagged(real):
    smap, _ = real
    for service in smap.services:
        if any(s.example for s in service.schedules):
            assert service.example, service.slug
        if service.municipality and not service.crisis_line:
            assert service.phones == [], service.slug  # no local numbers
            assert all(s.example for s in service.schedules), service.slug  # local hours are examples
    assert all(smap.service(s, "deventer").example for s in ("cjg-inloop", "cjg-telefoon", "cjg-e-hulp"))


def test_no_phone_numbers_in_the_social_map_files(real):
    smap, _ = real
    text = "\n".join(p.read_text("utf-8") for p in (CONTENT / "socialmap").rglob("*.yml"))
    numbers = {p.number for line in smap.crisis_lines.values() for p in line.phones} - {"112", "113"}
    assert numbers and not any(n in text for n in numbers)
    assert "0570" not in text  # Deventer's area code: no local numbers at all


def test_crisis_lines(real):
    smap, _ = real
    lines = smap.crisis_lines
    assert set(lines) == {"112", "113", "veilig-thuis", "kindertelefoon", "huisartsenpost"}
    assert [p.number for p in lines["113"].phones] == ["113", "0800-0113"]
    assert lines["113"].chat_url == "https://www.113.nl"
    assert lines["veilig-thuis"].phone == "0800-2000" and lines["veilig-thuis"].hours == "24/7"
    assert lines["kindertelefoon"].phone == "0800-0432" and lines["kindertelefoon"].hours is None
    assert lines["kindertelefoon"].free and lines["kindertelefoon"].anonymous
    assert lines["huisartsenpost"].phone is None and "huisarts" in lines["huisartsenpost"].text
    assert all(line.text and line.text_en and line.when for line in lines.values())


def test_services_take_their_line_from_crisis_lines(real):
    smap, _ = real
    vt = smap.service("veilig-thuis-ijsselland", "deventer")
    assert vt.crisis_line == "veilig-thuis" and vt.name == "Veilig Thuis IJsselland"
    assert [p.number for p in vt.phones] == ["0800-2000"] and vt.phones[0].description == "gratis, dag en nacht"
    assert is_open(vt.schedules, dt.datetime(2026, 12, 25, 3, tzinfo=TZ))  # 24/7, also on Christmas night
    line113 = smap.service("113-zelfmoordpreventie", "deventer")
    assert line113.name == "113 Zelfmoordpreventie" and line113.url == "https://www.113.nl"
    assert line113.municipality is None and line113.schedules == []  # hours not stated: none
    assert smap.service("huisartsenpost", "deventer").phones == []


# --- HSDS 3.0 export ---------------------------------------------------------------

@pytest.fixture(scope="module")
def hsds_validator():
    if not HSDS_SCHEMA.exists():
        pytest.skip(f"HSDS schema not found at {HSDS_SCHEMA} (set HSDS_SCHEMA)")
    schema = json.loads(HSDS_SCHEMA.read_text("utf-8"))
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    cls.check_schema(schema)
    return cls(schema, format_checker=jsonschema.FormatChecker())


def test_every_service_is_valid_hsds(real, hsds_validator):
    smap, _ = real
    for service in smap.services:
        doc = service_to_hsds(service, smap)
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in hsds_validator.iter_errors(doc)]
        assert errors == [], f"{service.slug}: {errors}"


def test_hsds_content(real):
    smap, _ = real
    doc = service_to_hsds(smap.service("cjg-inloop", "deventer"), smap)
    assert doc["id"] == hsds_id("service", "deventer", "cjg-inloop")
    assert len(doc["service_at_locations"]) == 3
    rivierenwijk = doc["service_at_locations"][0]
    assert rivierenwijk["location"]["name"] == "CJG-inlooppunt Rivierenwijk"
    assert rivierenwijk["schedules"][0]["freq"] == "WEEKLY" and rivierenwijk["schedules"][0]["byday"]
    assert {a["value"] for a in doc["attributes"]} >= {"cjg-inloop", "ouders", "example"}
    assert doc["languages"][0] == {**doc["languages"][0], "code": "nl", "name": "Nederlands"}
    assert len(doc["service_areas"]) == len(smap.taxonomy.wijken)


def test_hsds_validation_catches_errors(real, hsds_validator):
    smap, _ = real
    doc = service_to_hsds(smap.service("cjg-telefoon", "deventer"), smap)
    broken = copy.deepcopy(doc)
    broken["status"], broken["id"] = "open", "not-a-uuid"
    del broken["schedules"][0]["id"]
    messages = " | ".join(e.message for e in hsds_validator.iter_errors(broken))
    assert "'open' is not one of" in messages and "not a 'uuid'" in messages and "'id' is a required" in messages


def test_hsds_export_of_exceptions():
    smap, _ = load(CONTENT)
    service = smap.service("cjg-telefoon", "deventer")
    service.schedule = Schedule.from_dict({
        "weekly": {"monday": ["09:00-11:00"]}, "example": True,
        "closed": [{"date": "2026-12-28", "reason": "Teamdag"}],
        "extra": [{"date": "2026-12-27", "hours": ["10:00-12:00"], "reason": "Open dag"}]})
    rows = service_to_hsds(service, smap)["schedules"]
    assert "Gesloten op 2026-12-28 (Teamdag)." in rows[0]["notes"]
    assert rows[1]["dtstart"] == rows[1]["until"] == "2026-12-27" and rows[1]["byday"] == "SU"


# --- validation: one bad record fails, the others still load ----------------------

ORG = {"slug": "org", "municipality": "deventer", "name": "Organisatie", "description": "Een organisatie.",
       "assured_date": "2026-11-01"}
LOCATION = {"slug": "plek", "municipality": "deventer", "name": "Plek", "wijk": "zandweerd",
            "assured_date": "2026-11-01", "organization": "org"}
SERVICE = {"slug": "goed", "municipality": "deventer", "name": "Goede dienst", "summary": "Kort.",
           "description": "Lang.", "organization": "org", "categories": ["jongerenwerk"], "wijken": "all",
           "audiences": ["jongeren"], "languages": ["nl"], "assured_date": "2026-11-01", "phones": [],
           "locations": [{"location": "plek"}]}


def make_content(tmp_path: Path, services=(), locations=(), organizations=(), national=(), extra=None) -> Path:
    content = tmp_path / "content"
    (content / "socialmap" / "deventer").mkdir(parents=True)
    (content / "socialmap" / "national").mkdir()
    for name in ("taxonomy.yml", "municipalities.yml", "crisis_lines.yml"):
        shutil.copy(CONTENT / name, content / name)
    files = {"organizations": [ORG, *organizations], "locations": [LOCATION, *locations],
             "services": [SERVICE, *services]}
    for kind, records in files.items():
        (content / "socialmap" / "deventer" / f"{kind}.yml").write_text(yaml.safe_dump(list(records)), "utf-8")
    (content / "socialmap" / "national" / "services.yml").write_text(yaml.safe_dump(list(national)), "utf-8")
    for rel, text in (extra or {}).items():
        (content / rel).parent.mkdir(parents=True, exist_ok=True)
        (content / rel).write_text(text, "utf-8")
    return content


def bad(**changes) -> dict:
    record = {**SERVICE, "slug": "fout", **changes}
    return {k: v for k, v in record.items() if v is not None}


def test_minimal_content_loads(tmp_path):
    smap, errors = load(make_content(tmp_path))
    assert errors == []
    assert [s.slug for s in smap.services] == ["goed"]
    assert len(smap.services[0].wijken) == len(smap.taxonomy.wijken)


@pytest.mark.parametrize("record, field, message", [
    (bad(schedule={"weekly": {"tuesday": ["11:00-09:00"]}}), "schedule.weekly.tuesday", "sluiten moet na openen"),
    (bad(schedule={"weekly": {"tuesday": ["09:00-11:00", "10:00-12:00"]}}), "schedule.weekly.tuesday",
     "overlappen"),
    (bad(schedule={"weekly": {"dinsdag": ["09:00-11:00"]}}), "schedule.weekly.dinsdag", "onbekende weekdag"),
    (bad(locations=[{"location": "plek", "schedule": {"weekly": {"friday": ["9:00-11:00"]}}}]),
     "locations[0].schedule.weekly.friday", "geen tijdvak"),
    (bad(categories=["kapper"]), "categories", "onbekende waarde 'kapper'"),
    (bad(wijken=["zuid"]), "wijken", "onbekende waarde 'zuid'"),
    (bad(audiences=["opa"]), "audiences", "onbekende waarde 'opa'"),
    (bad(languages=["xx"]), "languages", "onbekende waarde 'xx'"),
    (bad(languages=["nederlands"]), "languages", "onbekende waarde"),
    (bad(summary=None), "summary", "ontbreekt"),
    (bad(name=""), "name", "ontbreekt"),
    (bad(categories=[]), "categories", "ontbreekt of is leeg"),
    (bad(organization=None), "organization", "ontbreekt"),
    (bad(organization="onbekend"), "organization", "onbekende organisatie"),
    (bad(assured_date=None), "assured_date", "ontbreekt"),
    (bad(assured_date="2999-01-01"), "assured_date", "toekomst"),
    (bad(assured_date="gisteren"), "assured_date", "geen datum"),
    (bad(locations=[{"location": "nergens"}]), "locations[0].location", "onbekende locatie"),
    (bad(crisis_line="999"), "crisis_line", "staat niet in crisis_lines.yml"),
    (bad(crisis_line="113", phones=[{"number": "0800-0113"}]), "phones", "komt uit crisis_lines.yml"),
    (bad(schedule={"example": True, "weekly": {"monday": ["09:00-10:00"]}}), "example", "example: true"),
    (bad(municipality="zwolle"), "municipality", "moet 'deventer' zijn"),
    (bad(slug="goed"), "slug", "bestaat al"),
    (bad(slug="Fout Slug"), "slug", "alleen a-z"),
    (bad(wijk="zandweerd"), "wijk", "onbekend veld"),
    (bad(min_age=12, max_age=4), "max_age", "kleiner dan min_age"),
    (bad(min_age="twaalf"), "min_age", "leeftijd"),
    (bad(phones=[{"number": "bel ons"}]), "phones[0]", "geen geldig number"),
    (bad(status="open"), "status", "moet een van"),
    (bad(url="www.voorbeeld.nl"), "url", "https://"),
    (bad(example="ja"), "example", "true of false"),
])
def test_service_errors(tmp_path, record, field, message):
    smap, errors = load(make_content(tmp_path, services=[record]))
    assert [s.slug for s in smap.services] == ["goed"]  # the bad record is left out, the good one loads
    assert any(e.record == record["slug"] and e.field == field and message in e.message for e in errors), \
        "\n".join(map(str, errors))
    assert all(e.file == "content/socialmap/deventer/services.yml" for e in errors)


@pytest.mark.parametrize("record, field, message", [
    ({**LOCATION, "slug": "plek2", "wijk": "zuid"}, "wijk", "onbekende wijk"),
    ({**LOCATION, "slug": "plek2", "wijk": None}, "wijk", "ontbreekt"),
    ({**LOCATION, "slug": "plek2", "location_type": "boot"}, "location_type", "moet een van"),
    ({**LOCATION, "slug": "plek2", "languages": ["xx"]}, "languages", "onbekende waarde"),
])
def test_location_errors(tmp_path, record, field, message):
    smap, errors = load(make_content(tmp_path, locations=[{k: v for k, v in record.items() if v is not None}]))
    assert [loc.slug for loc in smap.locations] == ["plek"]
    assert any(e.record == "plek2" and e.field == field and message in e.message for e in errors), errors


def test_organization_errors(tmp_path):
    smap, errors = load(make_content(tmp_path, organizations=[{**ORG, "slug": "org2", "description": ""}]))
    assert [o.slug for o in smap.organizations] == ["org"]
    assert [(e.record, e.field, e.message) for e in errors] == [("org2", "description", "ontbreekt")]


def test_national_records(tmp_path):
    national = [{"slug": "lijn", "crisis_line": "113", "categories": ["hulplijn"], "wijken": "all",
                 "audiences": ["jongeren"], "languages": ["nl"], "assured_date": "2026-11-01"},
                {"slug": "gemeentelijk", "municipality": "deventer", "crisis_line": "112", "categories": ["crisis"],
                 "wijken": "all", "audiences": ["ouders"], "languages": ["nl"], "assured_date": "2026-11-01"}]
    smap, errors = load(make_content(tmp_path, national=national, services=[bad(slug="lijn")]))
    assert [s.slug for s in smap.services] == ["lijn", "goed"]
    assert smap.service("lijn", "deventer").phones[0].number == "113"
    found = {(e.record, e.field, e.message.split(" ")[0]) for e in errors}
    assert found == {("gemeentelijk", "municipality", "landelijke"), ("lijn", "slug", "'lijn'")}


def test_file_level_errors(tmp_path):
    content = make_content(tmp_path, extra={
        "socialmap/zwolle/services.yml": "[]", "socialmap/deventer/diensten.yml": "[]",
        "socialmap/deventer/locations.yml": "- slug: [kapot\n"})
    smap, errors = load(content)
    messages = {(e.file, e.message.split(" ")[0]) for e in errors}
    assert ("content/socialmap/zwolle/services.yml", "map") in messages
    assert ("content/socialmap/deventer/diensten.yml", "onbekend") in messages
    assert ("content/socialmap/deventer/locations.yml", "niet") in messages
    assert smap.locations == [] and any(e.field == "locations[0].location" for e in errors)


@pytest.mark.parametrize("change, field, message", [
    ({"hours": "9.00-17.00"}, "hours", "24/7"),
    ({"when": ["ruzie"]}, "when", "onbekende waarde 'ruzie'"),
    ({"audiences": ["opa"]}, "audiences", "onbekende waarde"),
    ({"phone": "bel 113"}, "phone", "geen telefoonnummer"),
    ({"url": "113.nl"}, "url", "https://"),
    ({"text": ""}, "text", "ontbreekt"),
    ({"fax": "113"}, "fax", "onbekend veld"),
])
def test_crisis_line_errors(tmp_path, change, field, message):
    data = yaml.safe_load((CONTENT / "crisis_lines.yml").read_text("utf-8"))
    data["lines"][1] = {**data["lines"][1], **change}
    content = make_content(tmp_path, services=[bad(crisis_line="113", organization=None)])
    (content / "crisis_lines.yml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    smap, errors = load(content)
    assert "113" not in smap.crisis_lines and "112" in smap.crisis_lines
    assert any(e.file == "content/crisis_lines.yml" and e.record == "113" and e.field == field
               and message in e.message for e in errors), errors
    assert any(e.record == "fout" and e.field == "crisis_line" for e in errors)  # the reference now fails


def test_record_error_text():
    error = RecordError("content/socialmap/deventer/services.yml", "cjg-inloop", "categories", "onbekende waarde 'x'")
    assert str(error) == "content/socialmap/deventer/services.yml: cjg-inloop: categories: onbekende waarde 'x'"
    assert str(RecordError("f.yml", None, None, "kapot")) == "f.yml: kapot"
