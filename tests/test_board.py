"""What the eindredacteur keeps: news and agenda, courses, the poll and the
newsletter. Editors' screens (rights, forms that keep input, expiry shown),
the public pages on vCJG and JongIn, the home pages, anonymous voting and the
newsletter export. Every test runs on SQLite and PostgreSQL."""
import datetime as dt
import re

import pytest
import sqlalchemy as sa
from sqlalchemy import func, select

from portal.board import forms, listing, polls
from portal.board.models import AgendaItem, Course, NewsItem, Poll, PollOption
from portal.ehulp.accounts import create_worker
from portal.ehulp.models import AuditEntry
from portal.extensions import db
from tests.conftest import csrf_in

PASSWORD = "een-lang-wachtwoord-42"


def today() -> dt.date:
    return listing.local_now().date()


def day(offset: int) -> str:
    return (today() + dt.timedelta(days=offset)).isoformat()


def staff(app, role="eindredacteur", email="eva@cjg.example"):
    """A logged-in client of a staff account with this role."""
    with app.app_context():
        create_worker(db.session, email, PASSWORD, role, "Eva")
        db.session.commit()
    client = app.test_client()
    page = client.get("/medewerker/login").get_data(as_text=True)
    client.post("/medewerker/login", data={"email": email, "password": PASSWORD, "csrf": csrf_in(page)})
    return client


def post(client, path, data):
    """Submit an editors' form the way a browser does: with the page's CSRF token."""
    return client.post(path, data={"csrf": csrf_in(client.get("/redactie/nieuws").get_data(as_text=True)), **data})


def news_form(**extra):
    return {"title": "Nieuwe inloop in de Vijfhoek", "summary": "Vanaf nu ook op woensdag.", "site": "both",
            "body": "Kom **gerust** langs.\n\n<script>alert(1)</script>", "publishes_on": day(0),
            "expires_on": day(30), **extra}


def agenda_form(**extra):
    return {"title": "Ouderavond slapen", "description": "Praten over slapen.", "site": "vcjg",
            "start_date": day(7), "start_time": "19:30", "end_time": "21:00", "place": "De Bron, Rivierenwijk",
            "link": "https://www.example.org/ouderavond", **extra}


def course_form(**extra):
    return {"title": "Positief opvoeden", "description": "Zes avonden over opvoeden.", "starts_on": day(3),
            "ends_on": day(45), "schedule": "6 dinsdagavonden, 19.30-21.30 uur", "place": "Spikvoorde",
            "audiences": ["ouders"], "age_phases": ["peuter"], "cost": "gratis", "signup": "link",
            "signup_url": "https://www.example.org/aanmelden", **extra}


def poll_form(**extra):
    return {"question": "Hoe laat gaat jouw kind naar bed?", "site": "both", "starts_on": day(-1),
            "ends_on": day(13), "option": ["Voor 19 uur", "Tussen 19 en 20 uur", "Later", "", "", ""], **extra}


def count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def only(app, model):
    with app.app_context():
        return db.session.scalars(select(model)).one()


def add(app, item):
    with app.app_context():
        item.municipality = "deventer"
        db.session.add(item)
        db.session.commit()
        return item.id


def audits(app) -> list[tuple[str, str]]:
    with app.app_context():
        return [(a.action, a.target) for a in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))
                if a.action != "login"]


# --- rights ------------------------------------------------------------------------------

def test_every_editors_route_needs_the_board_right(app):
    news_id = add(app, NewsItem(title="Bericht", summary="s", body="b", site="both", publishes_on=today()))
    pages = ["/redactie/nieuws", "/redactie/cursussen", "/redactie/poll", "/redactie/nieuwsbrief",
             "/redactie/nieuws/nieuw", "/redactie/agenda/nieuw", "/redactie/cursussen/nieuw", "/redactie/poll/nieuw",
             f"/redactie/nieuws/{news_id}", f"/redactie/nieuws/{news_id}/verwijderen"]
    forms_ = pages[3:]  # the pages that also take a POST
    anonymous = app.test_client()
    for path in pages:
        response = anonymous.get(path)
        assert response.status_code == 302 and response.headers["Location"].startswith("/medewerker/login?next=")
    for path in forms_:
        assert anonymous.post(path, data={}).status_code == 302
    writer = staff(app, "redacteur", "rik@cjg.example")
    worker = staff(app, "worker", "wim@cjg.example")
    for path in pages:
        assert writer.get(path).status_code == 403 and worker.get(path).status_code == 403
    for path in forms_:
        assert writer.post(path, data={"csrf": "x"}).status_code == 403
    editor = staff(app)
    for path in pages:
        assert editor.get(path).status_code == 200, path
    # a form without the CSRF token is refused and changes nothing
    assert editor.post("/redactie/nieuws/nieuw", data=news_form()).status_code == 400
    assert editor.post(f"/redactie/nieuws/{news_id}/verwijderen", data={}).status_code == 400
    assert count(app, NewsItem) == 1
    # the menu shows the four screens to the eindredacteur
    menu = editor.get("/redactie/poll").get_data(as_text=True)
    for label in ("Nieuws en agenda", "Cursussen en activiteiten", "Nieuwsbrief"):
        assert label in menu


def test_admin_may_use_the_board_too(app):
    assert staff(app, "admin", "ad@cjg.example").get("/redactie/nieuwsbrief").status_code == 200


# --- news ----------------------------------------------------------------------------------

def test_news_is_created_audited_and_shown_on_both_sites_at_once(app):
    editor, visitor = staff(app), app.test_client()
    assert "Nieuwe inloop" not in visitor.get("/").get_data(as_text=True)  # the home page is now cached
    response = post(editor, "/redactie/nieuws/nieuw", news_form())
    item = only(app, NewsItem)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/redactie/nieuws#news-{item.id}")
    assert audits(app) == [("news.create", "Nieuwe inloop in de Vijfhoek")]
    for home in ("/", "/jongeren/"):
        assert "Nieuwe inloop in de Vijfhoek" in visitor.get(home).get_data(as_text=True)
    for listing_page in ("/nieuws", "/jongeren/nieuws"):
        assert "Vanaf nu ook op woensdag." in visitor.get(listing_page).get_data(as_text=True)
    page = visitor.get(f"/nieuws/{item.id}-nieuwe-inloop-in-de-vijfhoek")
    body = page.get_data(as_text=True)
    assert page.status_code == 200 and "Kom <strong>gerust</strong> langs." in body
    assert "<script>alert" not in body  # raw HTML in the Markdown is removed, as in articles
    # the same item on JongIn, and an address with an old title goes to the right one
    assert visitor.get(f"/jongeren/nieuws/{item.id}-nieuwe-inloop-in-de-vijfhoek").status_code == 200
    moved = visitor.get(f"/nieuws/{item.id}-oude-titel")
    assert moved.status_code == 301
    assert moved.headers["Location"].endswith(f"/nieuws/{item.id}-nieuwe-inloop-in-de-vijfhoek")


def test_news_for_one_site_only_is_not_on_the_other(app):
    editor, visitor = staff(app), app.test_client()
    post(editor, "/redactie/nieuws/nieuw", news_form(title="Alleen voor jongeren", site="jongin"))
    item = only(app, NewsItem)
    assert "Alleen voor jongeren" in visitor.get("/jongeren/nieuws").get_data(as_text=True)
    assert "Alleen voor jongeren" not in visitor.get("/nieuws").get_data(as_text=True)
    assert "Alleen voor jongeren" not in visitor.get("/").get_data(as_text=True)
    moved = visitor.get(f"/nieuws/{item.id}-alleen-voor-jongeren")
    assert moved.status_code == 301 and "/jongeren/nieuws/" in moved.headers["Location"]


def test_a_rejected_news_form_keeps_what_was_typed_and_says_what_is_wrong(app):
    editor = staff(app)
    response = post(editor, "/redactie/nieuws/nieuw", news_form(summary="", expires_on=day(-3),
                                                                 title="Zomer & <b>meer</b>"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and count(app, NewsItem) == 0
    assert 'value="Zomer &amp; &lt;b&gt;meer&lt;/b&gt;"' in page  # kept, and escaped
    assert "Kom **gerust** langs." in page
    assert 'id="summary-error"' in page and 'aria-describedby="summary-hint summary-error"' in page
    assert "Vat het bericht samen" in page
    assert 'id="expires_on-error"' in page and "De laatste dag ligt voor de eerste dag" in page
    assert 'href="#summary"' in page  # the summary at the top links to the field
    too_long = post(editor, "/redactie/nieuws/nieuw", news_form(title="x" * 151, publishes_on="31-02-2027"))
    page = too_long.get_data(as_text=True)
    assert too_long.status_code == 400 and "te lang: 151 tekens" in page and "dag-maand-jaar" in page


def test_dates_may_be_typed_the_dutch_way(app):
    editor = staff(app)
    typed = (today() + dt.timedelta(days=2)).strftime("%d-%m-%Y")
    assert post(editor, "/redactie/nieuws/nieuw", news_form(publishes_on=typed, expires_on="")).status_code == 302
    item = only(app, NewsItem)
    assert item.publishes_on == today() + dt.timedelta(days=2) and item.expires_on is None


def test_expired_and_planned_news_are_not_public_but_shown_to_editors(app):
    expired = add(app, NewsItem(title="Oud bericht", summary="s", body="b", site="both",
                                publishes_on=today() - dt.timedelta(days=40),
                                expires_on=today() - dt.timedelta(days=1)))
    add(app, NewsItem(title="Later bericht", summary="s", body="b", site="both",
                      publishes_on=today() + dt.timedelta(days=1)))
    add(app, NewsItem(title="Laatste dag", summary="s", body="b", site="both", publishes_on=today(),
                      expires_on=today()))
    visitor = app.test_client()
    for path in ("/", "/jongeren/", "/nieuws", "/jongeren/nieuws"):
        page = visitor.get(path).get_data(as_text=True)
        assert "Oud bericht" not in page and "Later bericht" not in page and "Laatste dag" in page
    assert visitor.get(f"/nieuws/{expired}-oud-bericht").status_code == 404
    page = staff(app).get("/redactie/nieuws").get_data(as_text=True)
    row = re.search(rf'<tr id="news-{expired}" class="([^"]+)">(.*?)</tr>', page, re.S)
    assert row.group(1) == "state-row-expired" and "Verlopen" in row.group(2) and "Oud bericht" in row.group(2)
    assert "Gepland" in page and "Te zien" in page


def test_news_page_without_news_says_where_to_look(app):
    page = app.test_client().get("/nieuws").get_data(as_text=True)
    assert "Er is op dit moment geen nieuws" in page and 'href="/agenda"' in page


def test_editing_and_deleting_news_is_audited_and_public_at_once(app):
    editor, visitor = staff(app), app.test_client()
    post(editor, "/redactie/nieuws/nieuw", news_form())
    item_id = only(app, NewsItem).id
    form = editor.get(f"/redactie/nieuws/{item_id}").get_data(as_text=True)
    assert 'value="Nieuwe inloop in de Vijfhoek"' in form and f'value="{day(0)}"' in form
    assert "Nieuwe inloop" in visitor.get("/").get_data(as_text=True)
    assert post(editor, f"/redactie/nieuws/{item_id}", news_form(title="Inloop ook op woensdag")).status_code == 302
    assert "Inloop ook op woensdag" in visitor.get("/").get_data(as_text=True)
    confirm = editor.get(f"/redactie/nieuws/{item_id}/verwijderen").get_data(as_text=True)
    assert "Weet je het zeker?" in confirm
    assert post(editor, f"/redactie/nieuws/{item_id}/verwijderen", {}).status_code == 302
    assert count(app, NewsItem) == 0 and "Inloop ook op woensdag" not in visitor.get("/").get_data(as_text=True)
    assert [a for a, _ in audits(app)] == ["news.create", "news.update", "news.delete"]
    assert editor.get(f"/redactie/nieuws/{item_id}").status_code == 404


# --- agenda --------------------------------------------------------------------------------

def test_agenda_item_is_shown_until_it_is_over(app):
    editor, visitor = staff(app), app.test_client()
    assert post(editor, "/redactie/agenda/nieuw", agenda_form()).status_code == 302
    item = only(app, AgendaItem)
    assert item.starts_at == dt.datetime.combine(today() + dt.timedelta(days=7), dt.time(19, 30))
    assert item.visible_until == item.ends_at == item.starts_at.replace(hour=21, minute=0)
    page = visitor.get("/agenda").get_data(as_text=True)
    assert "Ouderavond slapen" in page and "19:30 - 21:00" in page and "De Bron, Rivierenwijk" in page
    assert 'href="https://www.example.org/ouderavond"' in page
    assert "Ouderavond slapen" in visitor.get("/").get_data(as_text=True)
    assert "Ouderavond slapen" not in visitor.get("/jongeren/activiteiten").get_data(as_text=True)  # vCJG only
    now = listing.local_now()
    add(app, AgendaItem(title="Net afgelopen", description="d", site="both", place="p",
                        starts_at=now - dt.timedelta(hours=2), ends_at=now - dt.timedelta(minutes=1),
                        visible_until=now - dt.timedelta(minutes=1)))
    add(app, AgendaItem(title="Bezig tot straks", description="d", site="both", place="p",
                        starts_at=now - dt.timedelta(hours=1), ends_at=now + dt.timedelta(hours=1),
                        visible_until=now + dt.timedelta(hours=1)))
    for path in ("/agenda", "/jongeren/activiteiten", "/"):
        page = visitor.get(path).get_data(as_text=True)
        assert "Net afgelopen" not in page and "Bezig tot straks" in page
    admin = editor.get("/redactie/nieuws").get_data(as_text=True)
    assert re.search(r'class="state-row-expired">\s*<td><a [^>]+>Net afgelopen', admin)


def test_agenda_form_checks_times_and_links_and_keeps_input(app):
    editor = staff(app)
    response = post(editor, "/redactie/agenda/nieuw", agenda_form(end_time="18:00", link="www.example.org",
                                                                  start_time="half acht"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and count(app, AgendaItem) == 0
    assert "bijvoorbeeld 19:30" in page and 'value="half acht"' in page
    assert "begint met https://" in page and 'value="www.example.org"' in page
    ends_early = post(editor, "/redactie/agenda/nieuw", agenda_form(end_time="18:00"))
    assert ends_early.status_code == 400 and "Het einde ligt voor het begin" in ends_early.get_data(as_text=True)
    assert 'id="end_time-error"' in ends_early.get_data(as_text=True)


def test_agenda_own_expiry_date_and_calendar_feed(app):
    editor, visitor = staff(app), app.test_client()
    post(editor, "/redactie/agenda/nieuw", agenda_form(expires_on=day(-1), title="Al van de site"))
    post(editor, "/redactie/agenda/nieuw", agenda_form(end_time="", title="Zonder eindtijd", site="both"))
    page = visitor.get("/agenda").get_data(as_text=True)
    assert "Al van de site" not in page and "Zonder eindtijd" in page
    feed = visitor.get("/agenda.ics")
    text = feed.get_data(as_text=True)
    assert feed.mimetype == "text/calendar" and "SUMMARY:Zonder eindtijd" in text and "Al van de site" not in text
    assert "DTSTART;TZID=Europe/Amsterdam:" in text and "BEGIN:VTIMEZONE" in text
    assert "Zonder eindtijd" in visitor.get("/jongeren/activiteiten.ics").get_data(as_text=True)


# --- courses -------------------------------------------------------------------------------

def test_courses_show_until_their_last_day_on_the_right_site(app):
    editor, visitor = staff(app), app.test_client()
    assert post(editor, "/redactie/cursussen/nieuw", course_form()).status_code == 302
    post(editor, "/redactie/cursussen/nieuw", course_form(title="Training weerbaarheid", audiences=["jongeren"],
                                                          age_phases=[], signup="none", signup_url="", cost=""))
    add(app, Course(title="Afgelopen cursus", description="d", starts_on=today() - dt.timedelta(days=20),
                    ends_on=today() - dt.timedelta(days=1), last_day=today() - dt.timedelta(days=1), place="p",
                    audiences=["ouders", "jongeren"], age_phases=[], cost="", no_signup=True))
    add(app, Course(title="Reeks loopt nog", description="d", starts_on=today() - dt.timedelta(days=20),
                    ends_on=today(), last_day=today(), place="p", audiences=["professionals"], age_phases=[], cost="",
                    no_signup=True))
    parents = visitor.get("/cursussen").get_data(as_text=True)
    assert "Positief opvoeden" in parents and "Reeks loopt nog" in parents
    assert "Afgelopen cursus" not in parents and "Training weerbaarheid" not in parents
    assert 'href="https://www.example.org/aanmelden"' in parents and "Kosten:" in parents and "Peuter (1-4)" in parents
    youth = visitor.get("/jongeren/activiteiten").get_data(as_text=True)
    assert "Training weerbaarheid" in youth and "Aanmelden is niet nodig" in youth
    assert "Afgelopen cursus" not in youth and "Positief opvoeden" not in youth
    assert "Positief opvoeden" in visitor.get("/").get_data(as_text=True)
    assert "Training weerbaarheid" in visitor.get("/jongeren/").get_data(as_text=True)
    # narrowing down by audience and age
    assert "Positief opvoeden" not in visitor.get("/cursussen?voor=professionals").get_data(as_text=True)
    baby = visitor.get("/cursussen?leeftijd=baby").get_data(as_text=True)
    assert "Positief opvoeden" not in baby and "Reeks loopt nog" in baby  # no age given: for every age
    nothing = visitor.get("/cursussen?voor=professionals&leeftijd=peuter")
    assert "Reeks loopt nog" in nothing.get_data(as_text=True)
    admin = editor.get("/redactie/cursussen").get_data(as_text=True)
    assert re.search(r'class="state-row-expired">\s*<td><a [^>]+>Afgelopen cursus', admin) and "Verlopen" in admin


def test_course_form_needs_a_signup_link_or_none_and_an_audience(app):
    editor = staff(app)
    for signup_url in ("", "javascript:alert(1)", "ftp://example.org/x", "https://localhost"):
        response = post(editor, "/redactie/cursussen/nieuw", course_form(signup_url=signup_url, audiences=[]))
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and 'id="signup_url-error"' in page and 'id="audiences-error"' in page
        assert 'value="Positief opvoeden"' in page and 'value="peuter" checked' in page
    ends_early = post(editor, "/redactie/cursussen/nieuw", course_form(ends_on=day(1)))
    assert ends_early.status_code == 400 and "De laatste datum ligt voor de eerste" in ends_early.get_data(as_text=True)
    assert count(app, Course) == 0
    assert post(editor, "/redactie/cursussen/nieuw", course_form(signup="none", signup_url="")).status_code == 302
    course = only(app, Course)
    assert course.no_signup and course.signup_url is None and course.last_day == today() + dt.timedelta(days=45)


def test_empty_course_and_activity_pages_help_further(app):
    visitor = app.test_client()
    assert "Er staan nu geen cursussen gepland" in visitor.get("/cursussen").get_data(as_text=True)
    youth = visitor.get("/jongeren/activiteiten").get_data(as_text=True)
    assert "Even niks gepland" in youth and "Praat met iemand" in youth


# --- the poll ------------------------------------------------------------------------------

def make_poll(app, **extra) -> int:
    editor = staff(app, email=f"poll{count(app, Poll)}@cjg.example")
    response = post(editor, "/redactie/poll/nieuw", poll_form(**extra))
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        return db.session.scalars(select(Poll.id).order_by(Poll.id.desc())).first()


def option_ids(app, poll_id) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(PollOption.id).where(PollOption.poll_id == poll_id)
                                       .order_by(PollOption.position)))


def votes(app, poll_id) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(PollOption.votes).where(PollOption.poll_id == poll_id)
                                       .order_by(PollOption.position)))


def test_a_browser_votes_once_and_then_sees_the_results(app):
    poll_id = make_poll(app)
    first, second, third = option_ids(app, poll_id)
    visitor = app.test_client()
    home = visitor.get("/").get_data(as_text=True)
    assert "Hoe laat gaat jouw kind naar bed?" in home and f'action="/peiling/{poll_id}"' in home
    assert f'value="{first}"' in home and "Je stem is anoniem" in home
    response = visitor.post(f"/peiling/{poll_id}", data={"option": second})
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/peiling/{poll_id}#uitslag")
    assert "HttpOnly" in response.headers["Set-Cookie"] and "SameSite=Lax" in response.headers["Set-Cookie"]
    results = visitor.get(f"/peiling/{poll_id}").get_data(as_text=True)
    assert "Bedankt voor je stem" in results and "1 stem in totaal" in results
    assert re.search(r"Tussen 19 en 20 uur</span>\s*<span class=\"poll-figure\">1 stem \(100%\)", results)
    assert 'value="100"' in results and "Voor 19 uur" in results
    # the second vote from the same browser is refused kindly, with the results
    again = visitor.post(f"/peiling/{poll_id}", data={"option": first})
    page = again.get_data(as_text=True)
    assert again.status_code == 409 and "Je hebt al gestemd op deze vraag" in page and "1 stem in totaal" in page
    assert votes(app, poll_id) == [0, 1, 0]
    # the home page now says so, on both sites, for this browser only
    assert "Je hebt al gestemd" in visitor.get("/").get_data(as_text=True)
    assert "Je hebt al gestemd" in visitor.get("/jongeren/").get_data(as_text=True)
    other = app.test_client()
    assert "Je hebt al gestemd" not in other.get("/").get_data(as_text=True)
    assert other.post(f"/jongeren/peiling/{poll_id}", data={"option": second}).status_code == 303
    assert other.post(f"/jongeren/peiling/{poll_id}", data={"option": third}).status_code == 409
    assert votes(app, poll_id) == [0, 2, 0]
    results = other.get(f"/jongeren/peiling/{poll_id}").get_data(as_text=True)
    assert "2 stemmen in totaal" in results and "Wat vind jij?" in results


def test_voting_stores_no_address_and_no_identifier(app):
    poll_id = make_poll(app)
    before = audits(app)
    client = app.test_client()
    client.post(f"/peiling/{poll_id}", data={"option": option_ids(app, poll_id)[0]},
                environ_base={"REMOTE_ADDR": "203.0.113.77"}, headers={"User-Agent": "Browser-van-Lisa/1.0"})
    cookie = client.get_cookie(polls.COOKIE).value
    with app.app_context():
        inspector = sa.inspect(db.engine)
        assert {c["name"] for c in inspector.get_columns("poll_option")} == {"id", "poll_id", "position", "label",
                                                                             "votes"}
        assert {c["name"] for c in inspector.get_columns("poll")} == {"id", "municipality", "site", "question",
                                                                      "starts_on", "ends_on", "created_at",
                                                                      "updated_at"}
        with db.engine.connect() as conn:
            stored = " ".join(str(row) for table in ("poll", "poll_option", "audit_entry")
                              for row in conn.execute(sa.text(f"SELECT * FROM {table}")))
    for trace in ("203.0.113.77", "Browser-van-Lisa", cookie):
        assert trace not in stored
    assert audits(app) == before  # a vote is not an editor's action
    # the cookie holds only the poll's number, signed: the same for everyone who voted
    assert polls.voted_in(cookie, app.config["SECRET_KEY"]) == {poll_id}
    assert polls.voted_in(cookie, "een andere sleutel") == set()


def test_a_wrong_answer_gets_a_friendly_message(app):
    poll_id = make_poll(app)
    other_poll = make_poll(app, site="jongin", starts_on=day(20), ends_on=day(30))
    visitor = app.test_client()
    for data in ({}, {"option": "abc"}, {"option": str(option_ids(app, other_poll)[0])}, {"option": "99999"}):
        response = visitor.post(f"/peiling/{poll_id}", data=data)
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and "Kies een van de antwoorden" in page
        assert 'aria-describedby="poll-%d-error"' % poll_id in page and "Hoe laat gaat jouw kind" in page
    assert votes(app, poll_id) == [0, 0, 0] and votes(app, other_poll) == [0, 0, 0]
    assert visitor.get_cookie(polls.COOKIE) is None
    # a vote sent from another site's page is not counted
    forged = visitor.post(f"/peiling/{poll_id}", data={"option": option_ids(app, poll_id)[0]},
                          headers={"Origin": "https://elders.example"})
    assert forged.status_code == 403 and votes(app, poll_id) == [0, 0, 0]


def test_votes_are_rate_limited(app, redis_window):
    app.config.update(REDIS_URL=redis_window, POLL_RATE_LIMIT=2)
    poll_id = make_poll(app)
    option = option_ids(app, poll_id)[0]
    statuses = [app.test_client().post(f"/peiling/{poll_id}", data={"option": option}).status_code for _ in range(3)]
    assert statuses == [303, 303, 429] and votes(app, poll_id) == [2, 0, 0]


def test_one_open_poll_per_site(app):
    make_poll(app, site="vcjg")
    editor = staff(app)
    clash = post(editor, "/redactie/poll/nieuw", poll_form(question="Nog een vraag", starts_on=day(5), ends_on=day(20)))
    page = clash.get_data(as_text=True)
    assert clash.status_code == 400 and "Er kan één poll tegelijk open zijn" in page and "Hoe laat gaat" in page
    assert 'value="Nog een vraag"' in page and 'value="Tussen 19 en 20 uur"' in page
    assert post(editor, "/redactie/poll/nieuw", poll_form(question="Voor jongeren", site="jongin")).status_code == 302
    assert post(editor, "/redactie/poll/nieuw", poll_form(question="Later", starts_on=day(14),
                                                         ends_on=day(20))).status_code == 302
    assert count(app, Poll) == 3
    visitor = app.test_client()
    assert "Hoe laat gaat jouw kind" in visitor.get("/").get_data(as_text=True)
    assert "Voor jongeren" in visitor.get("/jongeren/").get_data(as_text=True)


def test_poll_form_checks_its_answers(app):
    editor = staff(app)
    for options, message in ((["Ja", "", ""], "minstens twee"), (["Ja", "ja"], "hetzelfde"),
                             (["Ja", "x" * 101], "te lang")):
        response = post(editor, "/redactie/poll/nieuw", poll_form(option=options))
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and message in page and 'id="option-error"' in page
        assert 'value="Ja"' in page
    assert count(app, Poll) == 0


def test_answers_are_locked_once_votes_are_in(app):
    poll_id = make_poll(app)
    app.test_client().post(f"/peiling/{poll_id}", data={"option": option_ids(app, poll_id)[0]})
    editor = staff(app)
    form = editor.get(f"/redactie/poll/{poll_id}").get_data(as_text=True)
    assert "De antwoorden kun je niet meer veranderen" in form and "1 stem in totaal" in form
    changed = poll_form(question="Hoe laat slaapt jouw kind?", option=["Anders", "Heel anders"])
    assert post(editor, f"/redactie/poll/{poll_id}", changed).status_code == 302
    with app.app_context():
        poll = db.session.get(Poll, poll_id)
        assert poll.question == "Hoe laat slaapt jouw kind?" and [o.votes for o in poll.options] == [1, 0, 0]
        assert [o.label for o in poll.options][0] == "Voor 19 uur"
    confirm = editor.get(f"/redactie/poll/{poll_id}/verwijderen").get_data(as_text=True)
    assert "De uitslag (1 stem) gaat ook verloren" in confirm
    assert post(editor, f"/redactie/poll/{poll_id}/verwijderen", {}).status_code == 302
    assert count(app, Poll) == 0 and count(app, PollOption) == 0
    assert [a for a, _ in audits(app)] == ["poll.create", "poll.update", "poll.delete"]


def test_closed_and_planned_polls(app):
    closed = add(app, Poll(question="Vorige vraag", site="both", starts_on=today() - dt.timedelta(days=10),
                           ends_on=today() - dt.timedelta(days=1),
                           options=[PollOption(label="A", position=0, votes=3), PollOption(label="B", position=1,
                                                                                           votes=1)]))
    planned = add(app, Poll(question="Volgende vraag", site="both", starts_on=today() + dt.timedelta(days=1),
                            ends_on=today() + dt.timedelta(days=5), options=[PollOption(label="A", position=0)]))
    visitor = app.test_client()
    page = visitor.get(f"/peiling/{closed}").get_data(as_text=True)
    assert "De uitslag" in page and "3 stemmen (75%)" in page and "1 stem (25%)" in page and "Stem</button>" not in page
    refused = visitor.post(f"/peiling/{closed}", data={"option": option_ids(app, closed)[0]})
    assert refused.status_code == 409 and "Deze poll is gesloten" in refused.get_data(as_text=True)
    assert visitor.get(f"/peiling/{planned}").status_code == 404
    home = visitor.get("/").get_data(as_text=True)
    assert "Vorige vraag" not in home and "Volgende vraag" not in home
    admin = staff(app).get("/redactie/poll").get_data(as_text=True)
    assert "Gesloten" in admin and "Gepland" in admin


def test_percentages_add_up_to_a_hundred():
    assert polls.percentages([1, 1, 1]) == [34, 33, 33]
    assert polls.percentages([0, 0]) == [0, 0]
    assert polls.percentages([2, 1]) == [67, 33]
    assert sum(polls.percentages([7, 5, 3, 1, 1, 1])) == 100


# --- the newsletter ------------------------------------------------------------------------

def test_newsletter_exports_the_picked_items_as_html_and_text(app):
    editor = staff(app)
    post(editor, "/redactie/nieuws/nieuw", news_form(title="Zomer & <b>meer</b>", summary="Alles over <i>zomer</i>."))
    post(editor, "/redactie/nieuws/nieuw", news_form(title="Niet in de brief"))
    add(app, NewsItem(title="Lang geleden", summary="s", body="b", site="both",
                      publishes_on=today() - dt.timedelta(weeks=10)))
    post(editor, "/redactie/agenda/nieuw", agenda_form())
    post(editor, "/redactie/cursussen/nieuw", course_form())
    with app.app_context():
        news = {n.title: n.id for n in db.session.scalars(select(NewsItem))}
        agenda_id, course_id = db.session.scalar(select(AgendaItem.id)), db.session.scalar(select(Course.id))
    page = editor.get("/redactie/nieuwsbrief").get_data(as_text=True)
    assert "Zomer &amp; &lt;b&gt;meer&lt;/b&gt;" in page and "Lang geleden" not in page
    assert f'value="news-{news["Niet in de brief"]}" checked' in page  # everything is ticked to begin with
    assert "Lang geleden" in editor.get("/redactie/nieuwsbrief?weken=12").get_data(as_text=True)
    picks = [f"news-{news['Zomer & <b>meer</b>']}", f"agenda-{agenda_id}", f"course-{course_id}"]
    data = {"subject": "Nieuwsbrief maart", "intro": "Beste ouders,\n\nDit is <nieuw>.", "pick": picks, "weken": "4"}
    html = post(editor, "/redactie/nieuwsbrief", {**data, "action": "html"})
    assert html.status_code == 200 and html.mimetype == "text/html"
    assert html.headers["Content-Disposition"].startswith('attachment; filename="nieuwsbrief-')
    body = html.get_data(as_text=True)
    assert "Zomer &amp; &lt;b&gt;meer&lt;/b&gt;" in body and "Alles over &lt;i&gt;zomer&lt;/i&gt;." in body
    assert "<b>meer</b>" not in body and "Dit is &lt;nieuw&gt;." in body and "Niet in de brief" not in body
    assert f'href="http://localhost/nieuws/{news["Zomer & <b>meer</b>"]}-zomer-b-meer-b"' in body
    assert f'href="http://localhost/agenda#agenda-{agenda_id}"' in body
    assert f'href="http://localhost/cursussen#cursus-{course_id}"' in body
    assert 'href="https://www.example.org/aanmelden"' in body and "<table" in body and 'style="' in body
    assert 'href="/' not in body  # every link is absolute
    text = post(editor, "/redactie/nieuwsbrief", {**data, "action": "text"})
    assert text.mimetype == "text/plain" and text.headers["Content-Disposition"].endswith('.txt"')
    plain = text.get_data(as_text=True)
    assert "Zomer & <b>meer</b>" in plain and "Dit is <nieuw>." in plain and "Niet in de brief" not in plain
    assert f"http://localhost/nieuws/{news['Zomer & <b>meer</b>']}-zomer-b-meer-b" in plain
    assert "Ouderavond slapen" in plain and "Positief opvoeden" in plain and "&amp;" not in plain
    assert all(len(line) <= 80 for line in plain.splitlines() if "http" not in line)
    assert [a for a, _ in audits(app)][-2:] == ["newsletter.export", "newsletter.export"]


def test_newsletter_preview_and_errors_keep_the_choice(app):
    editor = staff(app)
    post(editor, "/redactie/nieuws/nieuw", news_form())
    item_id = only(app, NewsItem).id
    empty = post(editor, "/redactie/nieuwsbrief", {"subject": "Mijn onderwerp", "intro": "", "action": "html"})
    page = empty.get_data(as_text=True)
    assert empty.status_code == 400 and "Kies minstens één bericht" in page and 'value="Mijn onderwerp"' in page
    assert f'value="news-{item_id}" checked' not in page  # what was unticked stays unticked
    preview = post(editor, "/redactie/nieuwsbrief", {"subject": "Mijn onderwerp", "pick": [f"news-{item_id}"],
                                                     "action": "preview"})
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and '<pre class="newsletter-preview">' in page
    assert "Nieuwe inloop in de Vijfhoek" in page and f'value="news-{item_id}" checked' in page


def test_newsletter_without_items_says_so(app):
    page = staff(app).get("/redactie/nieuwsbrief").get_data(as_text=True)
    assert "Geen nieuws van de laatste 4 weken." in page and "Er staat niets in de agenda." in page


# --- the home pages and their cache --------------------------------------------------------

def test_home_pages_show_new_items_at_once_even_with_the_content_cache(app):
    app.config["PAGE_CACHE_TTL"] = 3600  # the articles' version is not read again during this test
    visitor, editor = app.test_client(), staff(app)
    for home in ("/", "/jongeren/"):
        assert "Actueel in" not in visitor.get(home).get_data(as_text=True)  # no block without items
    post(editor, "/redactie/agenda/nieuw", agenda_form(site="both", title="Spelletjesmiddag"))
    for home in ("/", "/jongeren/"):
        assert "Spelletjesmiddag" in visitor.get(home).get_data(as_text=True)
    item_id = only(app, AgendaItem).id
    post(editor, f"/redactie/agenda/{item_id}", agenda_form(site="vcjg", title="Spelletjesmiddag"))
    assert "Spelletjesmiddag" in visitor.get("/").get_data(as_text=True)
    assert "Spelletjesmiddag" not in visitor.get("/jongeren/").get_data(as_text=True)


def test_editors_lists_are_empty_with_a_way_forward(app):
    editor = staff(app)
    news = editor.get("/redactie/nieuws").get_data(as_text=True)
    assert "Er zijn nog geen nieuwsberichten" in news and "Er staat nog niets in de agenda" in news
    assert "Er staan nog geen cursussen" in editor.get("/redactie/cursussen").get_data(as_text=True)
    assert "Er is nog geen poll" in editor.get("/redactie/poll").get_data(as_text=True)


# --- plain helpers -------------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [("2027-03-14", dt.date(2027, 3, 14)), ("14-3-2027", dt.date(2027, 3, 14)),
                                           ("14/03/2027", dt.date(2027, 3, 14)), ("31-02-2027", None),
                                           ("morgen", None), ("14-03-1900", None)])
def test_dates_are_read_as_people_write_them(text, expected):
    assert forms.parse_date(text) == expected


def test_links_and_slugs():
    assert forms.valid_url("https://www.example.org/aanmelden?cursus=1")
    assert forms.valid_url("http://example.org")
    for bad in ("javascript:alert(1)", "www.example.org", "https://localhost", "https://ex ample.org",
                "https://user:pw@example.org"):
        assert not forms.valid_url(bad), bad
    assert listing.slug("Ouderavond: slapen & één ‘rustig’ ritme!") == "ouderavond-slapen-een-rustig-ritme"
    assert listing.slug("???") == "bericht"


def test_unknown_or_absurd_numbers_are_simply_not_found(app):
    visitor, editor = app.test_client(), staff(app)
    for number in ("999", "99999999999999999999"):
        for path in (f"/nieuws/{number}-x", f"/jongeren/nieuws/{number}", f"/peiling/{number}"):
            assert visitor.get(path).status_code == 404
        assert visitor.post(f"/peiling/{number}", data={"option": "1"}).status_code == 404
        assert editor.get(f"/redactie/agenda/{number}").status_code == 404
