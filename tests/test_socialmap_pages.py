"""The social map's pages: /sociale-kaart with filters, entries with JSON-LD,
locations, /inloop; Dutch first, English on request. The pages use the current
moment: tests fix it by replacing directory.now."""
import datetime as dt
import json
import re

import pytest

from portal.extensions import db
from portal.socialmap import directory
from portal.socialmap.hours import TZ


@pytest.fixture
def at(monkeypatch):
    """Fix the pages' clock: at(2026, 11, 24, 10) is Tuesday 10:00 in Amsterdam."""
    def set_clock(*parts):
        moment = dt.datetime(*parts, tzinfo=TZ)
        monkeypatch.setattr(directory, "now", lambda: moment)
    return set_clock


def page(client, path, status=200):
    response = client.get(path)
    assert response.status_code == status, path
    return response.get_data(as_text=True)


def results(html):
    return re.findall(r'class="card-link" href="/sociale-kaart/([a-z0-9-]+)', html)


def test_list_with_count_and_accessible_filters(socialmap, client):
    html = page(client, "/sociale-kaart")
    assert "24 resultaten" in html and len(results(html)) == 24
    assert html.count("<fieldset>") == 4 and "<legend>Voor wie?</legend>" in html
    for field in ("sm-q", "sm-category", "sm-audience", "sm-age", "sm-wijk", "sm-language", "sm-open"):
        assert f'<label for="{field}"' in html and f'id="{field}"' in html
    assert 'method="get"' in html and 'href="/static/css/socialmap.css"' in html


def test_filters_keep_what_was_typed(socialmap, client):
    html = page(client, "/sociale-kaart?q=Schulden&category=geld-en-schulden&wijk=vijfhoek&age=30&audience=ouders")
    assert results(html) == ["schuldhulp"] and "1 resultaat" in html
    assert 'value="Schulden"' in html and 'value="30"' in html
    assert '<option value="geld-en-schulden" selected>' in html and '<option value="vijfhoek" selected>' in html
    assert '<option value="ouders" selected>' in html and "Wis alle filters" in html


def test_wrong_values_are_explained_and_ignored(socialmap, client):
    html = page(client, "/sociale-kaart?age=drie&category=voetbal")
    assert "Vul bij leeftijd een heel getal in" in html and 'aria-invalid="true"' in html
    assert "De keuze &#34;voetbal&#34; kennen we niet" in html or 'De keuze "voetbal" kennen we niet' in html
    assert 'value="drie"' in html and "24 resultaten" in html


def test_empty_state_helps(socialmap, client):
    html = page(client, "/sociale-kaart?q=paardrijden")
    assert "0 resultaten" in html and "We vonden geen hulp die past bij je keuzes" in html
    assert 'href="/inloop"' in html and 'href="/e-hulp"' in html


def test_open_now_filter_uses_the_current_moment(socialmap, client, at):
    at(2026, 11, 24, 10)
    html = page(client, "/sociale-kaart?category=cjg-inloop&open_now=true")
    assert results(html) == ["cjg-inloop"] and "Nu open" in html and 'id="sm-open"' in html
    assert 'value="true" checked' in html
    at(2026, 11, 24, 12)
    assert results(page(client, "/sociale-kaart?category=cjg-inloop&open_now=true")) == []


def test_entry_page(socialmap, client, at):
    at(2028, 12, 26, 10)  # Tweede kerstdag, a Tuesday
    html = page(client, "/sociale-kaart/cjg-inloop")
    assert "<h1>CJG-inloopspreekuur</h1>" in html
    assert "Voorbeeldgegevens: deze tijden/gegevens zijn een voorbeeld en worden nog gecontroleerd." in html
    assert "Vandaag gesloten (Tweede kerstdag)." in html and "gesloten (Tweede kerstdag)" in html
    assert '<th scope="row">dinsdag 26 december <strong>(vandaag)</strong></th>' in html
    assert "0 tot en met 23 jaar" in html and "Heel Deventer" in html and "Nederlands" in html
    assert "Laatst gecontroleerd: 22 november 2026" in html
    assert 'href="/sociale-kaart/locatie/cjg-inloop-rivierenwijk.ics"' in html


def test_entry_without_example_data_or_hours(socialmap, client):
    html = page(client, "/sociale-kaart/consultatiebureau")
    assert "Voorbeeldgegevens" not in html and "Geen vaste tijden bekend; bel of kijk op de site." in html
    line = page(client, "/sociale-kaart/113-zelfmoordpreventie")
    assert 'href="tel:113"' in line and 'href="tel:08000113"' in line and "Heel Nederland" in line
    assert 'href="https://www.113.nl"' in line
    assert page(client, "/sociale-kaart/bestaat-niet", 404)


def jsonld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_entry_json_ld(socialmap, client, at):
    at(2026, 11, 22, 12)
    data = jsonld(page(client, "/sociale-kaart/cjg-inloop"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
    assert data["name"] == "CJG-inloopspreekuur" and data["provider"]["@type"] == "Organization"
    place = data["availableChannel"][0]["serviceLocation"]
    assert place["@type"] == "Place" and place["address"] == "De Bron, Rivierenwijk"
    weekly, holiday = place["openingHoursSpecification"][:2]
    assert weekly == {"@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/Tuesday",
                      "opens": "09:00", "closes": "11:00"}
    assert holiday["validFrom"] == holiday["validThrough"] == "2027-04-27" and holiday["opens"] == "00:00"
    assert "Voorbeeldgegevens" in data["disambiguatingDescription"]
    phone = jsonld(page(client, "/sociale-kaart/cjg-telefoon"))["availableChannel"][0]["servicePhone"]
    assert phone["@type"] == "ContactPoint" and phone["hoursAvailable"][0]["dayOfWeek"].endswith("Monday")


def test_json_ld_cannot_end_its_script_block(socialmap, client):
    with socialmap.app_context():
        svc = directory.service(db.session, "jongerenwerk", "deventer")
        svc.description = 'Tekst </script><script>alert("x")</script> & meer'
        db.session.commit()
    html = page(client, "/sociale-kaart/jongerenwerk")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and json.loads(block)["description"].startswith("Tekst </script>")
    assert "<script>alert" not in html


def test_location_page(socialmap, client, at):
    at(2026, 11, 24, 10)
    html = page(client, "/sociale-kaart/locatie/cjg-inloop-rivierenwijk")
    assert "<h1>CJG-inlooppunt Rivierenwijk</h1>" in html and "De Bron, Rivierenwijk" in html
    assert "Nu open: vandaag 9.00-11.00 uur." in html and "Voorbeeldgegevens" in html
    assert 'href="/sociale-kaart/cjg-inloop"' in html
    assert page(client, "/sociale-kaart/locatie/bestaat-niet", 404)


def test_walk_in_page(socialmap, client, at):
    at(2026, 11, 24, 10)
    html = page(client, "/inloop")
    assert "Nu open: CJG-inlooppunt Rivierenwijk" in html
    for wijk in ("rivierenwijk", "keizerslanden", "vijfhoek"):
        assert f'id="cjg-inloop-{wijk}"' in html and f'href="/sociale-kaart/locatie/cjg-inloop-{wijk}.ics"' in html
    assert 'id="telefoon"' in html and "Het telefoonnummer van het CJG volgt." in html
    assert "maandag 30 november: 9.00-11.00 uur" in html and "1 december" not in html  # seven days from today
    assert "donderdag 26 november: 13.00-15.00 uur" in html  # phone hours
    assert "Chattijden" in html and "dinsdag 24 november: 10.00-12.00, 19.00-21.00 uur" in html
    assert 'href="/inloop.ics"' in html and "Voorbeeldgegevens" in html
    at(2026, 11, 24, 12)
    assert "Op dit moment is er geen inloopspreekuur." in page(client, "/inloop")


def test_jongin_variant_and_footer_lines(socialmap, client):
    html = page(client, "/inloop?site=jongin")
    assert 'class="site-jongin"' in html
    listing = page(client, "/sociale-kaart?site=jongin")
    assert 'name="site" value="jongin"' in listing and 'href="/sociale-kaart/cjg-inloop?site=jongin"' in listing
    footer = page(client, "/sociale-kaart")
    assert '<a href="tel:08002000">0800-2000</a> <span class="small">(gratis, dag en nacht)</span>' in footer


def test_english(socialmap, client):
    client.get("/taal/en")
    html = page(client, "/sociale-kaart/cjg-inloop")
    assert "Example data: these times/details are an example and are still being checked." in html
    assert "Opening hours" in html and "Who is it for?" in html
    assert "Walk-in and phone hours" in page(client, "/inloop")
