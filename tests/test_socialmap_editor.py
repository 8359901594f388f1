"""The editors' form: off without EDITOR_PASSWORD, HTTP Basic auth, CSRF,
validation that keeps what was typed, and a successful edit."""
import base64
import re

import pytest

from portal.extensions import db
from portal.socialmap import directory

URL = "/sociale-kaart/cjg-telefoon/bewerken"


def auth(password="geheim"):
    return {"Authorization": "Basic " + base64.b64encode(f"redactie:{password}".encode()).decode()}


@pytest.fixture
def editors(socialmap, monkeypatch):
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    socialmap.config["EDITOR_PASSWORD"] = "geheim"
    return socialmap


def token(client, url=URL):
    html = client.get(url, headers=auth()).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def stored(app, slug="cjg-telefoon"):
    with app.app_context():
        return directory.service(db.session, slug, "deventer")


def test_off_without_a_password(socialmap, client, monkeypatch):
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    response = client.get(URL, headers=auth())
    assert response.status_code == 403 and "Bewerken staat uit" in response.get_data(as_text=True)
    assert "EDITOR_PASSWORD" in response.get_data(as_text=True)
    assert client.post(URL, data={"description": "x"}).status_code == 403


def test_password_from_the_environment(socialmap, client, monkeypatch):
    monkeypatch.setenv("EDITOR_PASSWORD", "uit-de-omgeving")
    assert client.get(URL, headers=auth("uit-de-omgeving")).status_code == 200


def test_credentials_are_required(editors, client):
    for headers in ({}, auth("fout"), {"Authorization": "Bearer geheim"}):
        response = client.get(URL, headers=headers)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Basic realm=")
        assert "Inloggen nodig" in response.get_data(as_text=True)


def test_form_shows_the_record(editors, client):
    html = client.get(URL, headers=auth()).get_data(as_text=True)
    assert "Bewerken: CJG telefonisch spreekuur" in html and 'name="csrf_token"' in html
    assert "Voorbeeldgegevens" in html and "Bel het CJG met dezelfde vragen" in html
    assert '<label for="phone_number-0">' in html and '<label for="url">' in html


def test_csrf_is_checked(editors, client):
    token(client)  # the session has a token, the post does not send it
    for data in ({"description": "Nieuw."}, {"description": "Nieuw.", "csrf_token": "vervalst"}):
        response = client.post(URL, data=data, headers=auth())
        html = response.get_data(as_text=True)
        assert response.status_code == 400 and "Het formulier was verlopen" in html
        assert ">Nieuw.</textarea>" in html  # what was typed stays
    assert stored(editors).description.startswith("Bel het CJG met dezelfde vragen")


def test_invalid_input_is_explained_and_kept(editors, client):
    data = {"csrf_token": token(client), "description": "", "phone_number": ["bel ons", ""],
            "phone_description": ["werkdagen", ""], "url": "www.cjg.nl"}
    response = client.post(URL, data=data, headers=auth())
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'role="alert"' in html
    assert "Vul een beschrijving in." in html and 'href="#description"' in html
    assert "Dit is geen telefoonnummer" in html and 'value="bel ons"' in html and 'value="werkdagen"' in html
    assert "begint met https://" in html and 'value="www.cjg.nl"' in html
    assert html.count('aria-invalid="true"') == 3
    assert stored(editors).phones == []


def test_successful_edit_and_mark_checked(editors, client):
    data = {"csrf_token": token(client), "description": "Bel het CJG met je vraag.",
            "phone_number": ["0570 123 456", ""], "phone_description": ["tijdens het spreekuur", ""],
            "url": "https://www.cjgdeventer.nl", "checked": "ja"}
    response = client.post(URL, data=data, headers=auth())
    assert response.status_code == 302 and response.headers["Location"].endswith("/sociale-kaart/cjg-telefoon")
    svc = stored(editors)
    assert svc.description == "Bel het CJG met je vraag." and svc.url == "https://www.cjgdeventer.nl"
    assert svc.phones == [{"number": "0570 123 456", "description": "tijdens het spreekuur"}]
    assert svc.assured_date == directory.now().date() and svc.edited_at is not None
    html = client.get("/sociale-kaart/cjg-telefoon").get_data(as_text=True)
    assert "De wijzigingen zijn opgeslagen." in html and 'href="tel:0570123456"' in html
    assert f"Laatst gecontroleerd: {directory.now().day} " in html
    assert client.get("/api/services/cjg-telefoon").get_json()["phones"][0]["number"] == "0570 123 456"


def test_without_checking_the_date_stays(editors, client):
    before = stored(editors).assured_date
    data = {"csrf_token": token(client), "description": "Korter.", "url": ""}
    assert client.post(URL, data=data, headers=auth()).status_code == 302
    assert stored(editors).assured_date == before and stored(editors).url is None


def test_crisis_line_numbers_stay_in_their_file(editors, client):
    url = "/sociale-kaart/veilig-thuis-ijsselland/bewerken"
    html = client.get(url, headers=auth()).get_data(as_text=True)
    assert "crisis_lines.yml" in html and 'name="phone_number"' not in html
    data = {"csrf_token": token(client, url), "description": "Nieuwe tekst.", "phone_number": ["0570 111 111"],
            "url": "https://example.org"}
    assert client.post(url, data=data, headers=auth()).status_code == 302
    svc = stored(editors, "veilig-thuis-ijsselland")
    assert svc.description == "Nieuwe tekst." and svc.phones[0]["number"] == "0800-2000"
    assert svc.url == "https://www.veiligthuis.nl"
