"""The JSON API used by the assistant and evaluations."""


def test_themes(client):
    data = client.get("/api/themes").get_json()
    slugs = {t["slug"]: t for t in data["themes"]}
    assert slugs["vriendschap"]["audiences"] == ["jongeren"] and len(slugs) == 22


def test_articles_filters(imported, client):
    data = client.get("/api/articles?theme=gedrag&audience=ouders").get_json()
    assert {i["slug"] for i in data["items"]} == {"driftbuien-bij-peuters", "opvoedvragen-in-deventer"}
    assert client.get("/api/articles?source=local").get_json()["total"] == 1
    assert client.get("/api/articles?age_phase=baby").get_json()["items"][0]["slug"] == "baby-huilt-veel"
    ranked = client.get("/api/articles?q=driftbui").get_json()["items"]
    assert ranked[0]["slug"] == "driftbuien-bij-peuters"


def test_article_detail(imported, client):
    data = client.get("/api/articles/baby-huilt-veel").get_json()
    assert data["url"] == "/ouders/artikel/baby-huilt-veel"
    assert data["themes"] == ["huilen"] and data["source"] == "national"
    assert "CJG Deventer" in data["text"] and "{cjg}" not in data["text"]
    assert data["local_additions"][0]["slug"] == "in-deventer-huilen"


def test_search(imported, client):
    data = client.get("/api/search?q=slaapt&audience=ouders").get_json()
    assert data["hits"][0]["slug"] == "slapen-zonder-strijd"
    assert set(data["hits"][0]) >= {"slug", "title", "url", "snippet"}


def test_errors_are_json(imported, client):
    for path, status in (("/api/articles/nope", 404), ("/api/nope", 404), ("/api/articles?theme=voetbal", 400),
                         ("/api/articles?limit=0", 400), ("/api/search?q=", 400),
                         ("/api/search?q=x&audience=katten", 400)):
        response = client.get(path)
        assert response.status_code == status, path
        assert response.get_json()["error"]["status"] == status


def test_openapi(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/articles", "/api/articles/{slug}", "/api/search", "/api/themes"):
        assert path in spec["paths"]
