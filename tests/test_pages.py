"""vCJG and JongIn pages: composition, provenance, placeholders, errors."""


def test_home_pages(imported, client):
    home = client.get("/").get_data(as_text=True)
    assert "Zwanger en bevallen" in home and "Baby (0-1)" in home
    assert "/inloop" in home and "/sociale-kaart" in home
    jongin = client.get("/jongeren/").get_data(as_text=True)
    assert "site-jongin" in jongin and "Vriendschap en verliefdheid" in jongin
    assert "Zwanger en bevallen" not in jongin


def test_theme_page_combines_national_and_local_with_labels(imported, client):
    page = client.get("/ouders/thema/gedrag").get_data(as_text=True)
    assert "Driftbuien bij peuters" in page and "Met je opvoedvraag naar het CJG in Deventer" in page
    assert "Landelijke informatie" in page and "Uit Deventer" in page


def test_theme_page_only_for_its_audience(imported, client):
    assert client.get("/jongeren/thema/zwangerschap").status_code == 404
    assert client.get("/ouders/thema/vriendschap").status_code == 404
    empty = client.get("/ouders/thema/zindelijkheid")
    assert empty.status_code == 200 and "Hier staan nog geen artikelen" in empty.get_data(as_text=True)


def test_age_phase_page(imported, client):
    page = client.get("/ouders/leeftijd/peuter").get_data(as_text=True)
    assert "Driftbuien bij peuters" in page and "Slapen zonder strijd" in page
    assert "Je baby huilt veel" not in page
    assert client.get("/ouders/leeftijd/kleuter").status_code == 404


def test_article_page(imported, client):
    page = client.get("/ouders/artikel/baby-huilt-veel").get_data(as_text=True)
    assert 'aria-label="Kruimelpad"' in page and "Huilen en troosten" in page
    assert "CJG Deventer" in page and "{cjg}" not in page
    assert 'href="/ouders/artikel/slapen-zonder-strijd"' in page
    assert "In Deventer: hulp bij een huilbaby" in page
    assert "Laatst gecontroleerd: 1 oktober 2026" in page
    assert "Lees ook" in page


def test_article_redirects_to_its_own_site(imported, client):
    response = client.get("/ouders/artikel/ruzie-met-vrienden")
    assert response.status_code == 301 and response.headers["Location"].endswith("/jongeren/artikel/ruzie-met-vrienden")
    assert client.get("/jongeren/artikel/ruzie-met-vrienden").status_code == 200


def test_unknown_pages_and_additions_are_404_in_dutch(imported, client):
    for path in ("/ouders/artikel/bestaat-niet", "/nergens", "/ouders/artikel/in-deventer-huilen"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Deze pagina bestaat niet" in response.get_data(as_text=True)


def test_500_page_is_dutch(app, client):
    @app.get("/kapot-voor-test")
    def broken():
        raise RuntimeError("boom")
    app.testing = False
    response = client.get("/kapot-voor-test")
    assert response.status_code == 500 and "Er ging iets mis" in response.get_data(as_text=True)


def test_contact_page_and_security_headers(app, client):
    response = client.get("/contact")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "Rivierenwijk" in response.get_data(as_text=True)


def test_no_external_assets(imported, client):
    for path in ("/", "/jongeren/", "/ouders/artikel/baby-huilt-veel", "/zoeken?q=slapen"):
        page = client.get(path).get_data(as_text=True)
        assert 'src="http' not in page and "stylesheet\" href=\"http" not in page


def test_cached_pages_follow_a_new_import(imported, client, runner, content_dir):
    assert "Slapen zonder strijd" in client.get("/ouders/thema/slapen").get_data(as_text=True)
    path = content_dir / "national" / "slapen-zonder-strijd.md"
    path.write_text(path.read_text().replace("title: Slapen zonder strijd", "title: Rustig naar bed"))
    runner.invoke(args=["content", "import"])
    page = client.get("/ouders/thema/slapen").get_data(as_text=True)
    assert "Rustig naar bed" in page and "Slapen zonder strijd" not in page
