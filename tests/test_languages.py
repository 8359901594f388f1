"""Dutch by default, English on request; the choice persists."""


def test_dutch_is_default(imported, client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="nl">' in page and "Kies een thema" in page


def test_switch_to_english_persists(imported, client):
    response = client.get("/taal/en?next=/ouders/artikel/baby-huilt-veel")
    assert response.status_code == 302 and response.headers["Location"] == "/ouders/artikel/baby-huilt-veel"
    page = client.get("/ouders/artikel/baby-huilt-veel").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "This article is only available in Dutch." in page
    assert "Last checked: October 1, 2026" in page
    assert "Choose a topic" in client.get("/").get_data(as_text=True)
    client.get("/taal/nl")
    assert "Kies een thema" in client.get("/").get_data(as_text=True)


def test_switch_does_not_redirect_elsewhere(client):
    assert client.get("/taal/en?next=https://example.org").headers["Location"] == "/"
    assert client.get("/taal/en?next=//example.org").headers["Location"] == "/"
    assert client.get("/taal/fr").status_code == 404


def test_english_labels_for_taxonomy(imported, client):
    client.get("/taal/en")
    assert "Crying and comforting" in client.get("/ouders/thema/huilen").get_data(as_text=True)


def test_every_interface_string_is_translated():
    from pathlib import Path

    from babel.messages.pofile import read_po
    root = Path(__file__).resolve().parent.parent
    with open(root / "locales/en/LC_MESSAGES/messages.po", "rb") as f:
        catalog = read_po(f)
    untranslated = [m.id for m in catalog if m.id and not (all(m.string) if isinstance(m.string, tuple) else m.string)]
    assert untranslated == []
    with open(root / "locales/messages.pot", "rb") as f:
        template = read_po(f)
    assert {m.id for m in template if m.id} <= {m.id for m in catalog if m.id}
