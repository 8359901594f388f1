"""Dutch search: stemming, compounds, synonyms, typos, facets, snippets, bad input."""
from portal import search_index


def slugs(app, query, **filters):
    with app.app_context():
        return [h.slug for h in search_index().search(query, filters=filters, municipality="deventer").hits]


def test_stemming_finds_verb_forms(imported):
    assert "slapen-zonder-strijd" in slugs(imported, "slaapt")
    assert "baby-huilt-veel" in slugs(imported, "huilen")


def test_compound_words(imported):
    assert "slapen-zonder-strijd" in slugs(imported, "spreekuur")


def test_synonyms(imported):
    assert slugs(imported, "woedeaanval")[0] == "driftbuien-bij-peuters"


def test_typo_tolerance(imported):
    assert slugs(imported, "driftbuij")[0] == "driftbuien-bij-peuters"


def test_facets_and_filters(imported):
    with imported.app_context():
        result = search_index().search("kind slapen huilen boos", municipality="deventer")
    assert result.facets["audience"]["ouders"] >= 3
    assert "huilen" in result.facets["theme"]
    assert slugs(imported, "ruzie", audience="jongeren") == ["ruzie-met-vrienden"]
    assert "ruzie-met-vrienden" not in slugs(imported, "ruzie", audience="ouders")


def test_other_municipalitys_local_content_is_not_found(imported):
    with imported.app_context():
        hits = search_index().search("opvoedvraag", municipality="zwolle").hits
    assert "opvoedvragen-in-deventer" not in [h.slug for h in hits]


def test_snippets_are_highlighted_and_escaped(imported, client):
    page = client.get("/zoeken?q=driftbui").get_data(as_text=True)
    assert "<mark" in page
    page = client.get("/zoeken?q=<script>alert(1)</script>").get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page


def test_search_page_states(imported, client):
    empty = client.get("/zoeken").get_data(as_text=True)
    assert "Typ een woord of een vraag" in empty
    nothing = client.get("/zoeken?q=xyzzyqwv").get_data(as_text=True)
    assert "We vonden niets voor" in nothing
    long = client.get("/zoeken?q=" + "slapen " * 100).get_data(as_text=True)
    assert "erg lang" in long


def test_pagination(imported, client, app):
    app.config["SEARCH_PAGE_SIZE"] = 2
    first = client.get("/zoeken?q=kind+slapen+huilen+peuter+ruzie").get_data(as_text=True)
    assert "Pagina 1 van" in first and 'rel="next"' in first
    second = client.get("/zoeken?q=kind+slapen+huilen+peuter+ruzie&page=2").get_data(as_text=True)
    assert "Pagina 2 van" in second


def test_rebuild_is_seen_by_an_open_searcher(tmp_path):
    from portal.search import SearchDocument, SearchIndex

    def doc(slug, title):
        return SearchDocument(slug=slug, url=f"/ouders/artikel/{slug}", title=title, summary=title, body=title,
                              source="national", municipality="", audiences=["ouders"], themes=["slapen"],
                              age_phases=[])
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([doc("a", "slapen")])
    assert [h.slug for h in index.search("slapen").hits] == ["a"]
    other_process_view = SearchIndex(tmp_path / "ix")
    other_process_view.search("slapen")
    index.rebuild([doc("b", "slapen")])
    index.rebuild([doc("c", "slapen")])
    assert [h.slug for h in other_process_view.search("slapen").hits] == ["c"]


def test_search_page_is_rate_limited_per_visitor(imported, redis_window):
    imported.config.update(REDIS_URL=redis_window, SEARCH_RATE_LIMIT=3)
    client = imported.test_client()
    assert [client.get("/zoeken?q=slapen").status_code for _ in range(3)] == [200, 200, 200]
    response = client.get("/zoeken?q=slapen")
    assert response.status_code == 429 and "Wacht een minuut" in response.get_data(as_text=True)


def test_search_api_limits_visitors_but_not_the_assistant_on_loopback(imported, redis_window):
    imported.config.update(REDIS_URL=redis_window, SEARCH_RATE_LIMIT=2)
    client = imported.test_client()
    visitor = {"REMOTE_ADDR": "192.0.2.7"}
    statuses = [client.get("/api/search?q=slapen", environ_base=visitor).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert all(client.get("/api/search?q=slapen").status_code == 200 for _ in range(4))  # 127.0.0.1
