"""The editorial board: who may do what, the workflow of local articles,
locking, revisions, scheduling, the writing checks, additions, the importer
leaving editors' articles alone, and publication reaching search and the API
at once. Every test runs on SQLite and PostgreSQL."""
import datetime as dt
import re

import pytest
from sqlalchemy import select

from portal.editorial import diff, locking, scheduling
from portal.editorial.models import ArticleRevision
from portal.editorial.revisions import Draft, working_copy
from portal.ehulp.models import AuditEntry, Worker
from portal.extensions import db
from portal.models import Article, utcnow
from tests.conftest import csrf_in
from tests.test_ehulp import PASSWORD, login, make_worker

LOCAL = "opvoedvragen-in-deventer"
NATIONAL = "baby-huilt-veel"
BODY = ("## Wat is er aan de hand?\nVeel kinderen houden van verhalen. Samen een boek lezen is fijn.\n\n"
        "## Wat kun je doen?\nGa samen naar de bibliotheek. Kies een boek dat je kind leuk vindt.\n")


def staff(app, client, role, email=None):
    """A logged-in account with this role on this client."""
    email = email or f"{role}@cjg.example"
    make_worker(app, email=email, role=role, name=role.capitalize())
    response = login(client, email)
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


def csrf(client, path="/redactie/"):
    page = client.get(path)
    assert 'name="csrf"' in page.get_data(as_text=True), (page.status_code, page.headers.get("Location"))
    return csrf_in(page.get_data(as_text=True))


def form(client, **fields):
    data = {"title": "Samen lezen met je kind", "summary": "Voorlezen is gezellig en goed voor de taal van je kind.",
            "body": BODY, "audience": ["ouders"], "theme": ["ontwikkeling"], "age_phase": ["peuter"],
            "review_by": "2027-12-01", "intent": "save", "csrf": csrf(client)}
    data.update(fields)
    return data


def get(app, slug):
    with app.app_context():
        db.session.expire_all()
        return db.session.scalar(select(Article).where(Article.slug == slug))


def article_id(app, slug):
    return get(app, slug).id


def version(app, slug):
    return get(app, slug).version


def step(client, app, slug, name, **fields):
    return client.post(f"/redactie/artikelen/{article_id(app, slug)}/{name}",
                       data={"csrf": csrf(client), "version": version(app, slug), **fields})


def edit(client, app, slug, **fields):
    page = client.get(f"/redactie/artikelen/{article_id(app, slug)}/bewerken").get_data(as_text=True)
    shown = re.search(r'name="version" value="(\d+)"', page).group(1)
    return client.post(f"/redactie/artikelen/{article_id(app, slug)}/bewerken",
                       data=form(client, version=shown, **fields))


def found(client, word, slug):
    """Whether /zoeken, /api/search and /api/articles?q= all find the article."""
    page = client.get(f"/zoeken?q={word}").get_data(as_text=True)
    api = client.get(f"/api/search?q={word}").get_json()
    listed = client.get(f"/api/articles?q={word}").get_json()
    hits = {h["slug"] for h in api["hits"]}, {i["slug"] for i in listed["items"]}, f"/artikel/{slug}" in page
    assert len({slug in hits[0], slug in hits[1], hits[2]}) == 1, hits
    return slug in hits[0]


def actions(app):
    with app.app_context():
        return [a.action for a in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


# --- who may do what --------------------------------------------------------------------

PAGES = ["/redactie/", "/redactie/artikelen", "/redactie/nakijken", "/redactie/artikelen/nieuw"]


@pytest.mark.parametrize("path", PAGES + ["/redactie/logboek", "/redactie/accounts"])
def test_anonymous_visitors_are_sent_to_the_login(client, path):
    response = client.get(path)
    assert response.status_code == 302 and "/medewerker/login" in response.headers["Location"]


def test_chat_workers_have_no_access_and_editors_no_chats(app, imported):
    worker = app.test_client()
    staff(app, worker, "worker")
    for path in PAGES + ["/redactie/logboek", "/redactie/controle"]:
        assert worker.get(path).status_code in (403, 405), path
    editor = app.test_client()
    assert staff(app, editor, "redacteur").headers["Location"].endswith("/redactie/")
    assert editor.get("/medewerker/").status_code == 403  # the console is for chat workers
    for path in PAGES:
        assert editor.get(path).status_code == 200, path
    assert editor.get("/redactie/logboek").status_code == 403
    assert editor.get("/redactie/accounts").status_code == 403
    menu = editor.get("/redactie/").get_data(as_text=True)
    assert "/redactie/logboek" not in menu and "Wachtrij" not in menu


def test_a_redacteur_writes_and_submits_an_eindredacteur_publishes(app, imported):
    writer, chief = app.test_client(), app.test_client()
    staff(app, writer, "redacteur")
    staff(app, chief, "eindredacteur")
    response = writer.post("/redactie/artikelen/nieuw", data=form(writer, intent="submit"))
    assert response.status_code == 302
    item = get(app, "samen-lezen-met-je-kind")
    assert (item.state, item.published, item.editor_managed, item.source) == ("review", False, True, "local")
    assert app.test_client().get("/ouders/artikel/samen-lezen-met-je-kind").status_code == 404
    assert not found(app.test_client(), "bibliotheek", item.slug)

    # the redacteur may not publish, schedule, take offline or send back; nor with the edit form
    for name in ("publiceren", "plannen", "offline", "terugsturen"):
        assert step(writer, app, item.slug, name, note="x").status_code == 403, name
    assert edit(writer, app, item.slug, intent="publish").status_code == 403
    assert get(app, item.slug).state == "review"
    page = writer.get(f"/redactie/artikelen/{item.id}").get_data(as_text=True)
    assert "Nu publiceren" not in page and "De eindredactie publiceert dit artikel." in page

    review = chief.get("/redactie/nakijken").get_data(as_text=True)
    assert "Samen lezen met je kind" in review and "aangeboden door Redacteur" in review
    assert step(chief, app, item.slug, "publiceren").status_code == 302
    item = get(app, item.slug)
    assert (item.state, item.published, item.reviewed_on is not None) == ("published", True, True)
    assert app.test_client().get("/ouders/artikel/samen-lezen-met-je-kind").status_code == 200
    assert found(app.test_client(), "bibliotheek", item.slug)
    assert app.test_client().get(f"/api/articles/{item.slug}").get_json()["title"] == "Samen lezen met je kind"
    assert [a for a in actions(app) if a.startswith("article.")] == ["article.create", "article.submit",
                                                                      "article.publish"]


def test_send_back_needs_a_remark_and_shows_it_to_the_writer(app, imported):
    writer, chief = app.test_client(), app.test_client()
    staff(app, writer, "redacteur")
    staff(app, chief, "eindredacteur")
    writer.post("/redactie/artikelen/nieuw", data=form(writer, intent="submit"))
    slug = "samen-lezen-met-je-kind"
    step(chief, app, slug, "terugsturen", note="   ")
    assert get(app, slug).state == "review"
    page = chief.get(f"/redactie/artikelen/{article_id(app, slug)}").get_data(as_text=True)
    assert "Schrijf kort wat de schrijver moet aanpassen." in page
    step(chief, app, slug, "terugsturen", note="Maak de tweede alinea korter.")
    assert get(app, slug).state == "draft"
    page = writer.get(f"/redactie/artikelen/{article_id(app, slug)}").get_data(as_text=True)
    assert "Opmerking van de eindredactie" in page and "Maak de tweede alinea korter." in page
    assert "article.send_back" in actions(app)


def test_editing_a_published_article_keeps_the_live_text_until_it_is_published(app, imported):
    writer, chief = app.test_client(), app.test_client()
    staff(app, writer, "redacteur")
    staff(app, chief, "eindredacteur")
    live = f"/ouders/artikel/{LOCAL}"
    response = edit(writer, app, LOCAL, title="Met je opvoedvraag naar het inlooppunt", intent="submit",
                    body=BODY + "\nDe speelotheek leent ook spelletjes uit.\n", theme=["gedrag"],
                    age_phase=["peuter", "schoolkind"])
    assert response.status_code == 302
    item = get(app, LOCAL)
    assert (item.state, item.published) == ("review", True)
    assert item.title == "Met je opvoedvraag naar het CJG in Deventer"  # the public still sees the old text
    assert "Met je opvoedvraag naar het CJG" in app.test_client().get(live).get_data(as_text=True)
    assert not found(app.test_client(), "speelotheek", LOCAL)
    page = writer.get(f"/redactie/artikelen/{item.id}").get_data(as_text=True)
    assert "De vorige versie staat online." in page and "speelotheek" in page

    step(chief, app, LOCAL, "publiceren")
    assert get(app, LOCAL).title == "Met je opvoedvraag naar het inlooppunt"
    assert "naar het inlooppunt" in app.test_client().get(live).get_data(as_text=True)
    assert found(app.test_client(), "speelotheek", LOCAL)
    assert app.test_client().get(f"/api/articles/{LOCAL}").get_json()["title"] == \
        "Met je opvoedvraag naar het inlooppunt"


def test_taking_an_article_offline_removes_it_from_site_search_and_api(app, imported):
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    assert found(app.test_client(), "inlooppunt", LOCAL)
    assert step(chief, app, LOCAL, "offline").status_code == 302
    item = get(app, LOCAL)
    assert (item.state, item.published) == ("unpublished", False)
    assert not found(app.test_client(), "inlooppunt", LOCAL)
    assert app.test_client().get(f"/api/articles/{LOCAL}").status_code == 404
    assert app.test_client().get(f"/ouders/artikel/{LOCAL}").status_code == 404
    assert step(chief, app, LOCAL, "publiceren").status_code == 302
    assert found(app.test_client(), "inlooppunt", LOCAL)


# --- locking ----------------------------------------------------------------------------


def test_a_save_against_a_newer_version_is_rejected_and_keeps_what_was_typed(app, imported):
    anna, bert = app.test_client(), app.test_client()
    staff(app, anna, "redacteur", "anna@cjg.example")
    staff(app, bert, "redacteur", "bert@cjg.example")
    path = f"/redactie/artikelen/{article_id(app, LOCAL)}/bewerken"
    started = re.search(r'name="version" value="(\d+)"', bert.get(path).get_data(as_text=True)).group(1)
    assert edit(anna, app, LOCAL, title="Titel van Anna").status_code == 302

    response = bert.post(path, data=form(bert, version=started, title="Titel van Bert",
                                         body=BODY + "\nBerts eigen zin.\n"))
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Iemand anders heeft dit artikel intussen opgeslagen" in page
    assert 'value="Titel van Bert"' in page and "Berts eigen zin." in page  # nothing typed is lost
    assert re.search(r"<del><span class=\"visually-hidden\">\[verwijderd: </span>Anna", page)
    assert re.search(r"<ins><span class=\"visually-hidden\">\[toegevoegd: </span>Bert", page)
    with app.app_context():
        item = db.session.scalar(select(Article).where(Article.slug == LOCAL))
        assert working_copy(db.session, item).title == "Titel van Anna"
    # the form now carries the newest version: a deliberate second save goes through
    newest = re.search(r'name="version" value="(\d+)"', page).group(1)
    assert int(newest) == version(app, LOCAL)
    assert bert.post(path, data=form(bert, version=newest, title="Titel van Bert")).status_code == 302


def test_only_one_of_two_concurrent_claims_wins(app, imported):
    with app.app_context():
        item = db.session.scalar(select(Article).where(Article.slug == LOCAL))
        start = item.version
        locking.claim(db.session, item, start)
        db.session.commit()
        with pytest.raises(locking.StaleVersion):
            locking.claim(db.session, item, start)
        db.session.rollback()
        assert db.session.get(Article, item.id).version == start + 1


def test_workflow_steps_need_the_version_they_were_shown(app, imported):
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    old = version(app, LOCAL)
    edit(chief, app, LOCAL, title="Nieuwe titel")
    response = chief.post(f"/redactie/artikelen/{article_id(app, LOCAL)}/publiceren",
                          data={"csrf": csrf(chief), "version": old}, follow_redirects=True)
    assert "Iemand anders heeft dit artikel intussen veranderd" in response.get_data(as_text=True)
    assert get(app, LOCAL).state == "draft"


# --- revisions ---------------------------------------------------------------------------


def test_every_save_is_a_revision_with_diff_and_restore(app, imported):
    editor = app.test_client()
    staff(app, editor, "redacteur")
    edit(editor, app, LOCAL, title="Tweede titel")
    edit(editor, app, LOCAL, title="Tweede titel", body=BODY.replace("fijn", "heel gezellig"))
    item = get(app, LOCAL)
    with app.app_context():
        history = db.session.scalars(select(ArticleRevision).where(ArticleRevision.article_id == item.id)
                                     .order_by(ArticleRevision.number)).all()
        assert [(r.number, r.action) for r in history] == [(1, "import"), (2, "save"), (3, "save")]
        assert history[0].title == "Met je opvoedvraag naar het CJG in Deventer"
        assert history[2].worker.email == "redacteur@cjg.example" and history[2].state == "draft"

    page = editor.get(f"/redactie/artikelen/{item.id}/verschil?van=2&naar=3").get_data(as_text=True)
    assert "Van versie 2 naar versie 3" in page
    assert '<del><span class="visually-hidden">[verwijderd: </span>fijn' in page
    assert '<ins><span class="visually-hidden">[toegevoegd: </span>heel gezellig' in page
    assert "doorgestreept" in page  # the legend says what the marks mean
    page = editor.get(f"/redactie/artikelen/{item.id}/verschil?van=1&naar=3").get_data(as_text=True)
    assert "Titel" in page and "Tweede" in page

    assert step(editor, app, LOCAL, "versies/1/terugzetten").status_code == 302
    with app.app_context():
        newest = db.session.scalar(select(ArticleRevision).where(ArticleRevision.article_id == item.id)
                                   .order_by(ArticleRevision.number.desc()))
        assert (newest.number, newest.action, newest.title) == (4, "restore", "Met je opvoedvraag naar het CJG in "
                                                                               "Deventer")
    assert "article.restore" in actions(app)
    # restoring what is already the newest text makes no new revision
    step(editor, app, LOCAL, "versies/1/terugzetten")
    with app.app_context():
        assert db.session.query(ArticleRevision).filter_by(article_id=item.id).count() == 4


def test_diff_shows_word_changes_and_folds_unchanged_lines():
    old = "\n".join(f"regel {i}" for i in range(1, 11))
    new = old.replace("regel 5", "regel vijf").replace("regel 10", "regel 10\nnieuwe regel")
    rows = diff.lines(old, new)
    kinds = [r.kind for r in rows]
    assert kinds[0] == "skip" and rows[0].skipped == 2
    change = next(r for r in rows if r.kind == "change")
    assert [(p.kind, p.text) for p in change.pieces] == [("equal", "regel "), ("delete", "5"), ("insert", "vijf")]
    assert rows[-1].kind == "insert" and rows[-1].pieces[0].text == "nieuwe regel"
    same = Draft("T", "S", "B", {"theme": ["gedrag"]})
    other = Draft("T", "S", "B", {"theme": ["gedrag", "school"]}, review_by=dt.date(2027, 1, 1))
    assert [c.name for c in diff.compare(same, other)] == ["theme", "review_by"]
    assert diff.compare(same, same) == []


# --- scheduling ------------------------------------------------------------------------------


def _schedule(client, app, slug, at):
    local = at.astimezone(dt.timezone(dt.timedelta(hours=1)))  # Europe/Amsterdam in winter is close enough
    return step(client, app, slug, "plannen", publish_date=local.date().isoformat(),
                publish_time=local.strftime("%H:%M"))


def _make_due(app, slug):
    with app.app_context():
        item = db.session.scalar(select(Article).where(Article.slug == slug))
        item.publish_at = utcnow() - dt.timedelta(minutes=1)
        db.session.commit()


def test_a_scheduled_article_is_published_by_the_cron_command(app, imported, runner):
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    chief.post("/redactie/artikelen/nieuw", data=form(chief))
    slug = "samen-lezen-met-je-kind"
    assert _schedule(chief, app, slug, utcnow() + dt.timedelta(days=2)).status_code == 302
    item = get(app, slug)
    assert (item.state, item.published, item.publish_at is not None) == ("scheduled", False, True)
    assert "online op" in chief.get("/redactie/").get_data(as_text=True)
    assert "Gepubliceerd: 0" in runner.invoke(args=["content", "publish-due"]).output
    assert get(app, slug).state == "scheduled"

    _make_due(app, slug)
    result = runner.invoke(args=["content", "publish-due"])
    assert result.exit_code == 0 and "Gepubliceerd: 1" in result.output and slug in result.output
    item = get(app, slug)
    assert (item.state, item.published, item.publish_at) == ("published", True, None)
    assert found(app.test_client(), "bibliotheek", slug)
    assert "article.publish_due" in actions(app)


def test_a_due_article_is_published_when_the_portal_serves_a_page(app, imported):
    app.config["EDITORIAL_DUE_CHECK_SECONDS"] = 0
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    chief.post("/redactie/artikelen/nieuw", data=form(chief))
    slug = "samen-lezen-met-je-kind"
    _schedule(chief, app, slug, utcnow() + dt.timedelta(hours=3))
    visitor = app.test_client()
    assert visitor.get(f"/api/articles/{slug}").status_code == 404
    _make_due(app, slug)
    assert visitor.get(f"/api/articles/{slug}").get_json()["slug"] == slug  # no worker, no restart
    assert found(visitor, "bibliotheek", slug)
    with app.app_context():  # a second process finding the same article due publishes nothing twice
        assert scheduling.publish_due(db.session) == []


def test_scheduling_in_the_past_is_refused(app, imported):
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    edit(chief, app, LOCAL, title="Nieuwe titel")
    response = _schedule(chief, app, LOCAL, utcnow() - dt.timedelta(days=1))
    assert "Kies een moment in de toekomst." in chief.get(response.headers["Location"]).get_data(as_text=True)
    assert get(app, LOCAL).state == "draft"
    bad = step(chief, app, LOCAL, "plannen", publish_date="morgen")
    assert "Vul een datum en een tijd in" in chief.get(bad.headers["Location"]).get_data(as_text=True)


# --- dashboard ------------------------------------------------------------------------------


def test_dashboard_shows_overdue_reviews_and_what_waits(app, imported):
    with app.app_context():
        item = db.session.scalar(select(Article).where(Article.slug == LOCAL))
        item.review_by = dt.date.today() - dt.timedelta(days=3)
        db.session.commit()
    writer = app.test_client()
    staff(app, writer, "redacteur")
    page = writer.get("/redactie/").get_data(as_text=True)
    overdue = page[page.index("Controledatum verstreken"):page.index('id="soon-title"')]
    assert "Met je opvoedvraag naar het CJG in Deventer" in overdue
    assert "Er wacht niets op beoordeling." in page
    writer.post("/redactie/artikelen/nieuw", data=form(writer, intent="submit"))
    page = writer.get("/redactie/").get_data(as_text=True)
    waiting = page[page.index("Wacht op beoordeling"):page.index("Controledatum verstreken")]
    assert "Samen lezen met je kind" in waiting


# --- the writing checks ------------------------------------------------------------------------


def test_readability_and_jargon_are_checked_while_writing(app, imported):
    editor = app.test_client()
    staff(app, editor, "redacteur")
    jargon = ("## Aanpak\nDe integrale ketenaanpak voor multiprobleemgezinnen wordt laagdrempelig "
              "georganiseerd door ketenpartners met betrekking tot preventieve interventies.\n")
    data = form(editor, body=jargon)
    data.pop("intent")
    result = editor.post("/redactie/controle", data=data).get_json()
    messages = " ".join(p["message"] for p in result["problems"])
    assert result["minimum"] == 60 and result["readability"] < 60 and result["ok"] is False
    assert "ketenaanpak" in messages and "laagdrempelig" in messages and "woorden" in messages
    empty = editor.post("/redactie/controle", data={**data, "body": ""}).get_json()
    assert (empty["measured"], empty["ok"], empty["words"]) == (False, False, 0)
    plain = editor.post("/redactie/controle", data={**data, "body": BODY}).get_json()
    assert plain["readability"] > result["readability"] and "ketenaanpak" not in str(plain["problems"])

    # the same checks on the server-rendered preview, which saves nothing and keeps the input
    response = editor.post("/redactie/artikelen/nieuw", data={**data, "intent": "preview"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "beleidstaal" in page and "Nog te moeilijk" in page
    assert "<h2>Aanpak</h2>" in page and "De integrale ketenaanpak" in page
    assert get(app, "samen-lezen-met-je-kind") is None
    assert 'src="/static/js/editorial.js"' in page and "<script>" not in page
    assert editor.get("/static/js/editorial.js").status_code == 200


def test_invalid_input_is_refused_with_messages_per_field_and_kept(app, imported):
    editor = app.test_client()
    staff(app, editor, "redacteur")
    response = editor.post("/redactie/artikelen/nieuw", data=form(editor, theme=[], title="", review_by="31-02",
                                                                  summary="Mijn samenvatting blijft staan.",
                                                                  body=BODY + "<script>alert(1)</script>"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Mijn samenvatting blijft staan." in page and "&lt;script&gt;" in page
    assert re.search(r'id="title" [^>]*aria-invalid="true" aria-describedby="title-error"', page)
    assert 'id="theme-error"' in page and 'id="review_by-error"' in page and "Dit is geen datum." in page
    assert "HTML zoals" in page
    assert 'id="slug-error"' not in page  # the slug comes from the title: one message is enough
    with app.app_context():
        assert db.session.query(Article).filter_by(source="local").count() == 2
    taken = editor.post("/redactie/artikelen/nieuw", data=form(editor, slug=LOCAL))
    assert taken.status_code == 422 and "Er is al een artikel met dit adres" in taken.get_data(as_text=True)


# --- additions and national articles ----------------------------------------------------------------


def test_a_local_addition_to_a_national_article(app, imported):
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    national = chief.get(f"/redactie/artikelen/{article_id(app, NATIONAL)}").get_data(as_text=True)
    assert "Aanvulling voor Deventer schrijven" in national and "Bewerken" not in national
    start = chief.get(f"/redactie/artikelen/nieuw?aanvulling_op={NATIONAL}").get_data(as_text=True)
    assert re.search(rf'<option value="{NATIONAL}" selected>', start) and 'value="In Deventer: "' in start
    text = "Bij het inlooppunt in de wijk kun je ook zonder afspraak praten over een baby die veel huilt."
    response = chief.post("/redactie/artikelen/nieuw", data=form(
        chief, title="In Deventer: praten over huilen", slug="in-deventer-praten-over-huilen", body=text,
        addition_to=NATIONAL, theme=["huilen"], age_phase=["baby"], intent="publish"))
    assert response.status_code == 302
    item = get(app, "in-deventer-praten-over-huilen")
    assert (item.addition_to, item.published) == (NATIONAL, True)
    assert "zonder afspraak praten" in app.test_client().get(f"/ouders/artikel/{NATIONAL}").get_data(as_text=True)
    additions = app.test_client().get(f"/api/articles/{NATIONAL}").get_json()["local_additions"]
    assert "in-deventer-praten-over-huilen" in [a["slug"] for a in additions]
    assert app.test_client().get("/ouders/artikel/in-deventer-praten-over-huilen").status_code == 404
    assert "praten over huilen" in chief.get(f"/redactie/artikelen/{article_id(app, NATIONAL)}").get_data(
        as_text=True)
    # an addition only belongs to a national article that exists
    wrong = chief.post("/redactie/artikelen/nieuw", data=form(chief, title="In Deventer: iets",
                                                              addition_to="bestaat-niet"))
    assert wrong.status_code == 422 and "Kies een landelijk artikel" in wrong.get_data(as_text=True)


def test_national_articles_are_read_only(app, imported):
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    nid = article_id(app, NATIONAL)
    response = chief.get(f"/redactie/artikelen/{nid}/bewerken")
    assert response.status_code == 302
    assert "alleen lezen" in chief.get(response.headers["Location"]).get_data(as_text=True)
    assert chief.post(f"/redactie/artikelen/{nid}/bewerken", data=form(chief, version=1)).status_code == 403
    step(chief, app, NATIONAL, "offline")
    item = get(app, NATIONAL)
    assert (item.published, item.editor_managed, item.title) == (True, False, "Je baby huilt veel")
    assert "Alle baby's huilen" in chief.get(f"/redactie/artikelen/{nid}").get_data(as_text=True)


# --- the file importer ------------------------------------------------------------------------------


def test_the_importer_leaves_articles_that_editors_manage_alone(app, imported, runner, content_dir):
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    edit(chief, app, LOCAL, title="Titel uit de redactie", intent="publish")
    path = content_dir / "local" / "deventer" / f"{LOCAL}.md"
    path.write_text(path.read_text().replace("Met je opvoedvraag naar het CJG in Deventer", "Titel uit het bestand"))
    output = runner.invoke(args=["content", "import"]).output
    assert "0 bijgewerkt" in output and "1 overgeslagen (beheerd in de redactie)" in output and LOCAL in output
    assert get(app, LOCAL).title == "Titel uit de redactie"
    path.unlink()
    output = runner.invoke(args=["content", "import"]).output
    assert "0 offline gehaald" in output
    assert get(app, LOCAL).published is True
    # articles nobody touched in the portal still follow their files
    other = content_dir / "national" / "slapen-zonder-strijd.md"
    other.write_text(other.read_text().replace("Slapen zonder strijd", "Slapen zonder ruzie"))
    assert "1 bijgewerkt" in runner.invoke(args=["content", "import"]).output


# --- audit log and accounts ---------------------------------------------------------------------------


def test_audit_page_lists_editorial_actions_with_pages(app, imported):
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    with app.app_context():
        worker = db.session.scalar(select(Worker).where(Worker.role == "eindredacteur"))
        for i in range(60):
            db.session.add(AuditEntry(worker_id=worker.id, action="article.save", target=f"artikel-{i}"))
        db.session.add(AuditEntry(worker_id=worker.id, action="take", target="gesprek-geheim"))
        db.session.commit()
    page = chief.get("/redactie/logboek").get_data(as_text=True)
    assert "article.save" in page and "Eindredacteur (eindredacteur@cjg.example)" in page
    assert "gesprek-geheim" not in page  # chat work is not the editors' business
    assert "Pagina 1 van 2" in page and "pagina=2" in page
    assert "artikel-0" in chief.get("/redactie/logboek?pagina=2").get_data(as_text=True)


def test_an_admin_manages_staff_accounts(app, imported):
    admin = app.test_client()
    staff(app, admin, "admin")
    token = csrf(admin, "/redactie/accounts")
    response = admin.post("/redactie/accounts", data={"csrf": token, "email": "nieuw@cjg.example",
                                                      "display_name": "Nina", "role": "redacteur",
                                                      "password": "kort"})
    assert response.status_code == 422 and "minstens 12 tekens" in response.get_data(as_text=True)
    assert 'value="nieuw@cjg.example"' in response.get_data(as_text=True)
    admin.post("/redactie/accounts", data={"csrf": token, "email": "nieuw@cjg.example", "display_name": "Nina",
                                           "role": "redacteur", "password": PASSWORD})
    with app.app_context():
        nina = db.session.scalar(select(Worker).where(Worker.email == "nieuw@cjg.example"))
        nina_id, admin_id = nina.id, db.session.scalar(select(Worker.id).where(Worker.role == "admin"))
    admin.post(f"/redactie/accounts/{nina_id}", data={"csrf": token, "role": "eindredacteur", "active": "ja"})
    admin.post(f"/redactie/accounts/{admin_id}", data={"csrf": token, "role": "admin"})  # not itself
    with app.app_context():
        assert db.session.get(Worker, nina_id).role == "eindredacteur"
        assert db.session.get(Worker, admin_id).active is True
    admin.post(f"/redactie/accounts/{nina_id}", data={"csrf": token, "role": "eindredacteur"})
    assert login(app.test_client(), "nieuw@cjg.example").status_code == 401
    assert {"account.create", "account.update"} <= set(actions(app))
    chief = app.test_client()
    staff(app, chief, "eindredacteur")
    assert chief.get("/redactie/accounts").status_code == 403


def test_users_create_offers_every_role(app, runner):
    result = runner.invoke(args=["users", "create", "--role", "eindredacteur", "--email", "e@cjg.example",
                                 "--name", "Eva"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0 and "(eindredacteur)" in result.output


def test_saving_an_unchanged_form_keeps_the_tag_order_and_makes_no_revision(app, imported):
    with app.app_context():
        item = db.session.scalar(select(Article).where(Article.slug == LOCAL))
        item.set_tags(db.session, [("audience", "ouders"), ("theme", "gezin"), ("theme", "gedrag"),
                                   ("age_phase", "peuter"), ("age_phase", "schoolkind")])
        db.session.commit()
        fields = {"title": item.title, "summary": item.summary, "body": item.body,
                  "review_by": item.review_by.isoformat()}
    editor = app.test_client()
    staff(app, editor, "redacteur")
    # a browser sends the checked boxes in the form's (taxonomy) order
    response = edit(editor, app, LOCAL, theme=["gedrag", "gezin"], age_phase=["peuter", "schoolkind"], **fields)
    assert "Er was niets veranderd" in editor.get(response.headers["Location"]).get_data(as_text=True)
    item = get(app, LOCAL)
    assert item.themes == ["gezin", "gedrag"] and item.state == "published" and not item.editor_managed
    with app.app_context():
        assert db.session.query(ArticleRevision).count() == 0


def test_submitting_an_unchanged_article_only_moves_it_on(app, imported):
    writer = app.test_client()
    staff(app, writer, "redacteur")
    edit(writer, app, LOCAL, title="Eerst een concept")
    response = edit(writer, app, LOCAL, title="Eerst een concept", intent="submit")  # the same text again
    page = writer.get(response.headers["Location"]).get_data(as_text=True)
    assert "Er was niets veranderd" in page and "wacht nu op beoordeling" in page
    assert get(app, LOCAL).state == "review"
    response = edit(writer, app, LOCAL, title="Eerst een concept", summary="Een nieuwe samenvatting.",
                    intent="submit")
    page = writer.get(response.headers["Location"]).get_data(as_text=True)
    assert "Opgeslagen." in page and "Deze stap kan niet" not in page and get(app, LOCAL).state == "review"


@pytest.mark.parametrize("raw, expected", [("7", 7), ("²", None), ("", None), ("9" * 30, None), (None, None)])
def test_a_form_version_is_a_plain_whole_number(raw, expected):
    assert locking.parse_version(raw) == expected
