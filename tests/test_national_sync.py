"""National content sync (`flask content sync`, /redactie/landelijk/): from a
real local HTTP server that honours changedAfter as the national API does,
and from files. Created, changed, withdrawn and re-published articles;
placeholders and internal links; bad articles skipped and reported; broken
feeds change nothing; local and editor-managed articles are never touched;
the editors' page; and search and the API showing it all at once."""
from __future__ import annotations

import datetime as dt
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from portal.ehulp.models import AuditEntry
from portal.extensions import db
from portal.models import Article
from portal.national import convert
from portal.national import feed as feeds
from portal.national.models import SyncRun, as_utc
from tests.test_ehulp import csrf_of, login, make_worker

FEEDS = Path(__file__).parent / "fixtures" / "national"


def moment(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


class FeedServer:
    """The national content API in miniature: GET /feed serves the current
    fixture; with ?changedAfter= only the articles changed after that moment,
    and the feed says so. Every query is kept for the tests to check."""

    def __init__(self):
        self.feed = "feed-v1.json"
        self.queries: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                parts = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                server.queries.append(query)
                if parts.path == "/feed":
                    self.reply(200, server.body(query.get("changedAfter")))
                elif parts.path == "/kapot":
                    self.reply(200, (FEEDS / "malformed.json").read_bytes())
                elif parts.path == "/traag":
                    time.sleep(2)
                    self.reply(200, b"{}")
                else:
                    self.reply(500, b"interne fout")

            def reply(self, status, body: bytes):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def body(self, changed_after: str | None) -> bytes:
        data = json.loads((FEEDS / self.feed).read_text("utf-8"))
        if changed_after:
            since = moment(changed_after)
            for content_set in data["contentSets"]:
                content_set["articles"] = [a for a in content_set["articles"]
                                           if moment(a["lastChangeDate"]) > since]
            data["changedAfter"] = changed_after
        return json.dumps(data).encode()

    def url(self, path: str = "/feed") -> str:
        return f"http://127.0.0.1:{self.httpd.server_port}{path}?key=geheim"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def feed_server():
    server = FeedServer()
    yield server
    server.close()


def sync(runner, *args, code=0):
    result = runner.invoke(args=["content", "sync", *args])
    assert result.exit_code == code, result.output
    return result.output


def national(app, reference) -> Article | None:
    with app.app_context():
        return db.session.scalar(select(Article).where(Article.external_reference == reference,
                                                       Article.source == "national"))


def runs(app) -> list[SyncRun]:
    with app.app_context():
        return list(db.session.scalars(select(SyncRun).order_by(SyncRun.id)))


def reduced_feed(tmp_path, drop: str, **top) -> str:
    """feed-v1 without one article, written to a file."""
    data = json.loads((FEEDS / "feed-v1.json").read_text("utf-8"))
    for content_set in data["contentSets"]:
        content_set["articles"] = [a for a in content_set["articles"] if a["externalReference"] != drop]
    data.update(top)
    path = tmp_path / f"zonder-{drop}{'-' + '-'.join(top) if top else ''}.json"
    path.write_text(json.dumps(data))
    return str(path)


def published_state(app) -> dict:
    with app.app_context():
        return {a.slug: (a.published, a.title, a.body, a.updated_at, a.version)
                for a in db.session.scalars(select(Article))}


# --- from the URL: first sync, incremental syncs ------------------------------------------------------------

def test_first_sync_from_url_creates_the_articles_with_their_fields(app, runner, feed_server):
    out = sync(runner, feed_server.url(), "--full")
    assert "3 nieuw, 0 gewijzigd, 0 weer online, 0 teruggetrokken, 0 ongewijzigd, 0 overgeslagen" in out
    assert "nieuw: Je peuter wil niet eten (je-peuter-wil-niet-eten)" in out
    assert feed_server.queries == [{"key": "geheim"}]  # a full sync asks for everything

    parent, child = national(app, "nl-feed-1"), national(app, "nl-feed-2")
    assert parent.slug == "je-peuter-wil-niet-eten" and parent.published and parent.municipality is None
    assert parent.position == 10 and parent.parent_reference is None
    assert parent.last_change_date == dt.date(2026, 10, 1)
    assert parent.links == [{"title": "Voedingscentrum", "url": "https://www.voedingscentrum.nl"}]
    assert parent.audiences == ["ouders"] and parent.themes == ["eten"] and parent.age_phases == ["peuter"]
    assert child.parent_reference == "nl-feed-1" and child.position == 20
    assert child.audiences == ["ouders"]  # "Ouders en opvoeders", the label, maps to the slug
    assert child.age_phases == ["peuter", "schoolkind"]
    jongin = national(app, "nl-feed-3")
    assert jongin.audiences == ["jongeren"] and jongin.themes == ["school", "mentaal"]

    # the HTML became our Markdown: no script, placeholders and links in our form
    assert "<" not in parent.body and "alert" not in parent.body
    assert "## Wat kun je doen?" in parent.body and "- Eet samen aan tafel." in parent.body
    assert "**zelf**" in parent.body and "Vraag het {cjg}." in parent.body
    assert "[samen aan tafel](artikel:samen-aan-tafel)" in parent.body
    assert "Bel {cjg} in {gemeente}." in child.body and "(artikel:je-peuter-wil-niet-eten)" in child.body

    [run] = runs(app)
    assert run.status == "ok" and run.full and run.changed_after is None
    assert run.source == f"http://127.0.0.1:{feed_server.httpd.server_port}/feed"  # no key stored
    assert as_utc(run.generated_at) == moment("2026-11-01T08:00:00Z")
    assert (run.created, run.changed, run.withdrawn, run.unchanged, run.skipped) == (3, 0, 0, 0, 0)
    with app.app_context():
        changes = db.session.get(SyncRun, run.id).changes
        assert [(c.kind, c.external_reference, c.content_set) for c in changes] == [
            ("created", "nl-feed-1", "vCJG"), ("created", "nl-feed-2", "vCJG"), ("created", "nl-feed-3", "JongIn")]


def test_incremental_sync_asks_for_changes_after_the_last_sync_and_applies_them(app, runner, feed_server):
    sync(runner, feed_server.url())
    assert "changedAfter" not in feed_server.queries[-1]  # the first sync ever asks for everything
    feed_server.feed = "feed-v2.json"

    out = sync(runner, feed_server.url())
    assert feed_server.queries[-1] == {"key": "geheim", "changedAfter": "2026-11-01T08:00:00Z"}
    # nl-feed-3 did not change after that moment, so the server left it out: nothing "ongewijzigd"
    assert "1 nieuw, 1 gewijzigd, 0 weer online, 1 teruggetrokken, 0 ongewijzigd, 0 overgeslagen" in out
    assert "gewijzigd: Je peuter wil niet eten: wat kun je doen?" in out
    assert "teruggetrokken: Samen aan tafel" in out and "nieuw: Je kind wordt gepest" in out
    assert "link naar onbekend artikel 'nl-onbekend'" in out

    changed, withdrawn, new = national(app, "nl-feed-1"), national(app, "nl-feed-2"), national(app, "nl-feed-4")
    assert changed.title == "Je peuter wil niet eten: wat kun je doen?" and changed.slug == "je-peuter-wil-niet-eten"
    assert changed.last_change_date == dt.date(2026, 11, 5) and "- Geef kleine porties." in changed.body
    assert withdrawn is not None and not withdrawn.published and withdrawn.state == "unpublished"
    assert new.published and "[over eten](artikel:je-peuter-wil-niet-eten)" in new.body
    assert new.summary.endswith("Ook CJG Deventer denkt met je mee.")  # shown as stored: filled in now
    assert "een artikel dat wij niet hebben" in new.body and "nl-onbekend" not in new.body
    assert national(app, "nl-feed-3").published

    last = runs(app)[-1]
    assert as_utc(last.changed_after) == moment("2026-11-01T08:00:00Z") and not last.full
    with app.app_context():
        [change] = [c for c in db.session.get(SyncRun, last.id).changes if c.kind == "changed"]
        assert change.title_before == "Je peuter wil niet eten" and change.title == changed.title
        assert "Geef kleine porties" not in change.body_before and "Geef kleine porties" in change.body

    out = sync(runner, feed_server.url())
    assert feed_server.queries[-1]["changedAfter"] == "2026-11-10T08:00:00Z"
    assert "0 nieuw, 0 gewijzigd, 0 weer online, 0 teruggetrokken, 0 ongewijzigd, 0 overgeslagen" in out
    assert "Zoekindex" not in out  # nothing changed, nothing to index


def test_a_run_that_skipped_articles_does_not_move_the_mark(app, runner, feed_server):
    sync(runner, feed_server.url())
    sync(runner, str(FEEDS / "bad-articles.json"))
    sync(runner, feed_server.url())
    # the skipped articles must come again: ask from the last run that skipped nothing
    assert feed_server.queries[-1]["changedAfter"] == "2026-11-01T08:00:00Z"


# --- from a file ----------------------------------------------------------------------------------------------

def test_sync_from_a_file_twice_changes_nothing_the_second_time(app, runner):
    sync(runner, str(FEEDS / "feed-v1.json"))
    before = published_state(app)
    out = sync(runner, str(FEEDS / "feed-v1.json"))
    assert "0 nieuw, 0 gewijzigd, 0 weer online, 0 teruggetrokken, 3 ongewijzigd, 0 overgeslagen" in out
    assert published_state(app) == before
    assert all(r.changed_after is None for r in runs(app))  # a file gets no changedAfter


def test_source_defaults_to_the_configured_feed(app, runner, feed_server):
    assert "stel NATIONAL_FEED_URL in" in sync(runner, code=2)
    app.config["NATIONAL_FEED_URL"] = feed_server.url()
    assert "3 nieuw" in sync(runner)


def test_full_sync_withdraws_what_a_complete_feed_no_longer_has_and_brings_it_back(app, runner, tmp_path):
    sync(runner, str(FEEDS / "feed-v1.json"))
    without = reduced_feed(tmp_path, "nl-feed-3")
    assert "0 teruggetrokken" in sync(runner, without)  # incremental: absence means nothing
    assert national(app, "nl-feed-3").published
    partial = reduced_feed(tmp_path, "nl-feed-3", changedAfter="2026-10-01T00:00:00Z")
    assert "0 teruggetrokken" in sync(runner, partial, "--full")  # a list of changes is not the whole package
    out = sync(runner, without, "--full")
    assert "teruggetrokken: Stress voor je examens" in out and "1 teruggetrokken, 2 ongewijzigd" in out
    article = national(app, "nl-feed-3")
    assert article is not None and not article.published  # offline, never deleted

    out = sync(runner, str(FEEDS / "feed-v1.json"))
    assert "1 weer online" in out and "weer online: Stress voor je examens" in out
    assert national(app, "nl-feed-3").published


def test_full_sync_of_an_empty_feed_aborts(app, runner, tmp_path):
    sync(runner, str(FEEDS / "feed-v1.json"))
    before = published_state(app)
    empty = tmp_path / "leeg.json"
    empty.write_text(json.dumps({"contentSets": [{"name": "vCJG", "articles": []}]}))
    out = sync(runner, str(empty), "--full", code=1)
    assert "geen artikelen" in out and "Er is niets veranderd" in out
    assert published_state(app) == before


# --- bad input ----------------------------------------------------------------------------------------------

def test_bad_articles_are_skipped_and_reported_and_the_rest_imports(app, runner):
    out = sync(runner, str(FEEDS / "bad-articles.json"))
    assert "1 nieuw" in out and "5 overgeslagen" in out
    assert "FOUT nl-fout-1 (artikel 2 in 'vCJG'): title: ontbreekt" in out
    assert "FOUT nl-fout-2 (artikel 3 in 'vCJG') 'Onbekende plaatshouder': summary: onbekende plaatshouder " \
           "{{telefoonNummer}}" in out
    assert "lastChangeDate: 'gisteren' is geen datum of tijdstip" in out
    assert "audiences: geen bekende doelgroep" in out
    assert "FOUT artikel 6 in 'vCJG': is geen JSON-object" in out
    # unknown taxonomy values and raw HTML are remarks, not errors
    assert "LET OP nl-goed-1" in out and "onbekend thema 'koken'" in out and "'0-1 jaar'" in out
    assert "HTML in de Markdown-tekst is weggehaald" in out
    good = national(app, "nl-goed-1")
    assert good.themes == ["slapen"] and good.age_phases == ["baby"] and "iframe" not in good.body
    assert good.last_change_date == dt.date(2026, 11, 11)
    for reference in ("nl-fout-1", "nl-fout-2", "nl-fout-3", "nl-fout-4"):
        assert national(app, reference) is None
    [run] = runs(app)
    with app.app_context():
        problems = db.session.get(SyncRun, run.id).problems
        assert sum(p.level == "error" for p in problems) == 5  # one per skipped article here
        assert run.skipped == 5 and run.status == "ok"


def test_a_skipped_article_keeps_its_last_good_version(app, runner, tmp_path):
    sync(runner, str(FEEDS / "feed-v1.json"))
    data = json.loads((FEEDS / "feed-v1.json").read_text("utf-8"))
    data["contentSets"][0]["articles"][0]["title"] = ""
    path = tmp_path / "kapot-artikel.json"
    path.write_text(json.dumps(data))
    out = sync(runner, str(path), "--full")
    assert "1 overgeslagen" in out and "0 teruggetrokken" in out
    assert national(app, "nl-feed-1").published and national(app, "nl-feed-1").title == "Je peuter wil niet eten"


@pytest.mark.parametrize("text, message", [
    ((FEEDS / "malformed.json").read_text("utf-8"), "De feed is geen geldige JSON (regel 1, kolom"),
    ('["geen", "object"]', "De feed moet een JSON-object zijn"),
    ('{"articles": []}', "De feed heeft geen lijst 'contentSets'"),
    ('{"contentSets": [{"name": "vCJG", "articles": {}}]}', "Inhoudsset 1 van de feed is geen object"),
    ('{"generatedAt": "morgen", "contentSets": []}', "'generatedAt' van de feed is geen datum"),
])
def test_a_malformed_feed_aborts_and_changes_nothing(app, runner, tmp_path, text, message):
    sync(runner, str(FEEDS / "feed-v1.json"))
    before = published_state(app)
    path = tmp_path / "feed.json"
    path.write_text(text)
    out = sync(runner, str(path), "--full", code=1)
    assert "Synchronisatie mislukt: " + message in out and "Er is niets veranderd." in out
    assert published_state(app) == before
    last = runs(app)[-1]
    assert last.status == "failed" and message in last.error and last.finished_at is not None


def test_a_broken_or_unreachable_url_gives_a_clear_error(app, runner, feed_server):
    out = sync(runner, feed_server.url("/kapot"), code=1)
    assert "geen geldige JSON" in out
    out = sync(runner, feed_server.url("/stuk"), code=1)
    assert "antwoordde met HTTP-status 500" in out
    with socket.socket() as probe:  # a port where nobody listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    out = sync(runner, f"http://127.0.0.1:{port}/feed", code=1)
    assert f"De feed op http://127.0.0.1:{port}/feed is niet bereikbaar" in out
    assert "probeer het later opnieuw" in out
    assert "bestaat niet" in sync(runner, "/geen/bestand.json", code=1)
    assert "geen http(s)-adres" in sync(runner, "ftp://example.invalid/feed.json", code=1)
    assert [r.status for r in runs(app)] == ["failed"] * 5
    with app.app_context():
        assert db.session.scalar(select(Article)) is None


def test_reading_stops_at_the_time_out_and_the_size_limit(feed_server):
    with pytest.raises(feeds.FeedError, match="antwoordde niet binnen 0.5 seconden"):
        feeds.read(feed_server.url("/traag"), timeout=0.5)
    with pytest.raises(feeds.FeedError, match="groter dan 100 bytes"):
        feeds.read(feed_server.url(), max_bytes=100)
    with pytest.raises(feeds.FeedError, match="groter dan 100 bytes"):
        feeds.read(str(FEEDS / "feed-v1.json"), max_bytes=100)


def test_another_running_sync_is_refused(app, runner):
    with app.app_context():
        db.session.add(SyncRun(source="elders", status="running"))
        db.session.commit()
    assert "Er loopt al een synchronisatie" in sync(runner, str(FEEDS / "feed-v1.json"), code=1)
    with app.app_context():
        stuck = db.session.scalar(select(SyncRun))
        stuck.started_at -= dt.timedelta(hours=1)  # died long ago: no longer in the way
        db.session.commit()
    assert "3 nieuw" in sync(runner, str(FEEDS / "feed-v1.json"))


# --- what it must not touch -----------------------------------------------------------------------------------

def test_local_and_editor_managed_articles_are_never_touched(imported, runner):
    app = imported
    with app.app_context():
        local = db.session.scalar(select(Article).where(Article.slug == "opvoedvragen-in-deventer"))
        local.external_reference = "nl-feed-1"  # the same reference as a feed article: still not ours
        managed = db.session.scalar(select(Article).where(Article.slug == "driftbuien-bij-peuters"))
        managed.editor_managed = True
        db.session.commit()
    before = published_state(app)
    locals_before = {slug: state for slug, state in before.items()
                     if slug in ("opvoedvragen-in-deventer", "in-deventer-huilen")}

    out = sync(runner, str(FEEDS / "feed-v1.json"), "--full")
    after = published_state(app)
    assert {slug: after[slug] for slug in locals_before} == locals_before
    assert after["driftbuien-bij-peuters"] == before["driftbuien-bij-peuters"]  # editors manage it
    # the feed's nl-feed-1 is a national article of its own, next to the local one
    assert national(app, "nl-feed-1").slug == "je-peuter-wil-niet-eten"
    # the other national articles from content/national are not in this complete feed: withdrawn
    assert not after["baby-huilt-veel"][0] and not after["ruzie-met-vrienden"][0]
    assert "de lokale aanvulling 'In Deventer: hulp bij een huilbaby' hoort bij dit artikel" in out


def test_a_feed_article_cannot_overwrite_an_article_the_editors_manage(imported, runner, tmp_path):
    app = imported
    with app.app_context():
        managed = db.session.scalar(select(Article).where(Article.external_reference == "nl-test-3"))
        managed.editor_managed = True
        db.session.commit()
    data = json.loads((FEEDS / "feed-v1.json").read_text("utf-8"))
    data["contentSets"][0]["articles"][0]["externalReference"] = "nl-test-3"
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(data))
    before = published_state(app)["driftbuien-bij-peuters"]
    out = sync(runner, str(path))
    assert "wordt in de redactie beheerd" in out
    assert published_state(app)["driftbuien-bij-peuters"] == before


def test_a_file_import_leaves_what_the_feed_wrote_alone(imported, runner):
    app = imported
    sync(runner, str(FEEDS / "feed-v1.json"), "--full")
    before = published_state(app)
    result = runner.invoke(args=["content", "import"])
    assert result.exit_code == 0, result.output
    assert published_state(app) == before
    assert "overgeslagen (uit de landelijke feed)" in result.output
    assert " 0 overgeslagen (uit de landelijke feed)" not in result.output


# --- the public side: pages, API and search at once --------------------------------------------------------

def test_placeholders_and_links_are_resolved_on_the_page_and_in_the_api(app, runner, client):
    sync(runner, str(FEEDS / "feed-v1.json"))
    page = client.get("/ouders/artikel/je-peuter-wil-niet-eten").get_data(as_text=True)
    assert "Vraag het CJG Deventer." in page and "{cjg" not in page and "cjgNaam" not in page
    assert 'href="/ouders/artikel/samen-aan-tafel"' in page and "alert(" not in page
    page = client.get("/jongeren/artikel/stress-voor-je-examens").get_data(as_text=True)
    assert "Kijk op JongIn Deventer" in page
    item = client.get("/api/articles/samen-aan-tafel").get_json()
    assert "Bel CJG Deventer in Deventer." in item["text"] and item["source"] == "national"
    assert item["external_reference"] == "nl-feed-2"


def test_changes_reach_search_and_the_api_at_once(imported, runner, client):
    def search(q):
        return [h["slug"] for h in client.get(f"/api/search?q={q}").get_json()["hits"]]

    assert search("tafelritueel") == []
    sync(runner, str(FEEDS / "feed-v1.json"))
    assert search("tafelritueel") == ["samen-aan-tafel"]
    assert "samen-aan-tafel" in [a["slug"] for a in client.get("/api/articles?theme=eten").get_json()["items"]]

    sync(runner, str(FEEDS / "feed-v2.json"))
    assert client.get("/api/articles/samen-aan-tafel").status_code == 404
    assert search("tafelritueel") == []
    assert client.get("/api/articles/je-kind-wordt-gepest").status_code == 200
    assert "je-kind-wordt-gepest" in search("gepest")
    assert client.get("/api/articles/je-peuter-wil-niet-eten").get_json()["title"] == \
           "Je peuter wil niet eten: wat kun je doen?"


# --- the editors' page ----------------------------------------------------------------------------------------

def editor(app, client, role="eindredacteur"):
    make_worker(app, email=f"{role}@cjg.example", role=role, name="Eva")
    login(client, email=f"{role}@cjg.example")


def test_permissions(app, client):
    assert client.get("/redactie/landelijk/").status_code == 302
    assert "/medewerker/login" in client.get("/redactie/landelijk/").headers["Location"]
    assert "/medewerker/login" in client.post("/redactie/landelijk/synchroniseren").headers["Location"]
    editor(app, client, "redacteur")  # writes local articles, but has no right "sync"
    assert client.get("/redactie/landelijk/").status_code == 403
    assert client.post("/redactie/landelijk/synchroniseren", data={"csrf": "x"}).status_code == 403
    other = app.test_client()
    editor(app, other, "eindredacteur")
    assert other.get("/redactie/landelijk/").status_code == 200


def test_empty_state_and_no_feed_configured(app, client):
    editor(app, client)
    page = client.get("/redactie/landelijk/").get_data(as_text=True)
    assert "Er is nog nooit gesynchroniseerd." in page
    assert "Er is geen landelijke feed ingesteld" in page and "Nu synchroniseren</button>" not in page
    response = client.post("/redactie/landelijk/synchroniseren",
                           data={"csrf": csrf_of(client, "/redactie/landelijk/")}, follow_redirects=True)
    assert "Vraag de beheerder om NATIONAL_FEED_URL in te stellen" in response.get_data(as_text=True)
    assert runs(app) == []


def test_the_page_shows_what_changed_since_the_previous_sync(app, runner, client):
    sync(runner, str(FEEDS / "feed-v1.json"))
    sync(runner, str(FEEDS / "feed-v2.json"))
    editor(app, client)
    page = client.get("/redactie/landelijk/").get_data(as_text=True)
    assert "Laatste synchronisatie" in page
    assert "1 nieuw, 1 gewijzigd, 0 weer online, 1 teruggetrokken, 1 ongewijzigd, 0 overgeslagen." in page
    assert '<a href="/ouders/artikel/je-kind-wordt-gepest">Je kind wordt gepest</a>' in page
    assert '<a href="/ouders/artikel/je-peuter-wil-niet-eten">Je peuter wil niet eten: wat kun je doen?</a>' in page
    assert "Teruggetrokken (1)" in page and "Samen aan tafel" in page
    assert "link naar onbekend artikel &#39;nl-onbekend&#39;" in page  # a remark
    assert "Eerdere synchronisaties" in page and "de opdrachtregel" in page
    first, second = runs(app)
    assert f'href="/redactie/landelijk/run/{first.id}"' in page  # the previous sync

    with app.app_context():
        [change] = [c for c in db.session.get(SyncRun, second.id).changes if c.kind == "changed"]
    assert f'href="/redactie/landelijk/wijziging/{change.id}"' in page
    diff = client.get(f"/redactie/landelijk/wijziging/{change.id}").get_data(as_text=True)
    assert "Wat is er veranderd: Je peuter wil niet eten: wat kun je doen?" in diff
    assert "<ins>" in diff and ": wat kun je doen?" in diff  # the title got longer
    assert "kleine" in diff and "porties" in diff and "<del>" in diff  # the text, word by word
    assert client.get("/redactie/landelijk/wijziging/999999").status_code == 404

    older = client.get(f"/redactie/landelijk/run/{first.id}").get_data(as_text=True)
    assert "Synchronisatie van" in older and "3 nieuw" in older
    assert client.get("/redactie/landelijk/run/999999").status_code == 404


def test_the_page_shows_skipped_articles_and_failed_runs(app, runner, client):
    sync(runner, str(FEEDS / "bad-articles.json"))
    editor(app, client)
    page = client.get("/redactie/landelijk/").get_data(as_text=True)
    assert "Overgeslagen artikelen (5)" in page and "title: ontbreekt" in page and "Opmerkingen (" in page
    sync(runner, str(FEEDS / "malformed.json"), code=1)
    page = client.get("/redactie/landelijk/").get_data(as_text=True)
    assert "De synchronisatie is mislukt." in page and "geen geldige JSON" in page and "mislukt" in page


def test_the_button_syncs_from_the_configured_feed(app, client, feed_server):
    app.config["NATIONAL_FEED_URL"] = feed_server.url()
    editor(app, client)
    page = client.get("/redactie/landelijk/").get_data(as_text=True)
    assert "Nu synchroniseren</button>" in page and "Bron: http://127.0.0.1" in page and "geheim" not in page
    assert client.post("/redactie/landelijk/synchroniseren", data={}).status_code == 400  # no CSRF token
    assert runs(app) == []

    response = client.post("/redactie/landelijk/synchroniseren",
                           data={"csrf": csrf_of(client, "/redactie/landelijk/"), "full": "1"})
    [run] = runs(app)
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/redactie/landelijk/run/{run.id}")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Gesynchroniseerd: 3 nieuw, 0 gewijzigd, 0 teruggetrokken, 0 overgeslagen." in page
    assert "Eva" in page and run.full and run.worker_id is not None
    assert client.get("/api/articles/samen-aan-tafel").status_code == 200  # public at once
    with app.app_context():
        assert db.session.scalar(select(AuditEntry.target).where(AuditEntry.action == "national.sync")) == \
               f"run {run.id} ok"

    app.config["NATIONAL_FEED_URL"] = feed_server.url("/kapot")
    response = client.post("/redactie/landelijk/synchroniseren",
                           data={"csrf": csrf_of(client, "/redactie/landelijk/")}, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "De synchronisatie is mislukt. Hieronder staat waarom" in page and "geen geldige JSON" in page


# --- the pieces -------------------------------------------------------------------------------------------------

def test_html_becomes_safe_markdown():
    md = convert.html_to_markdown(
        "<h1>Kop</h1><p>Een <em> beetje </em>*tekst* met [haken] &amp; &lt;b&gt;</p>"
        "<script>alert(1)</script><img src=x onerror=alert(1)><iframe src=x></iframe>"
        "<ul><li>een<ul><li>diep</li></ul></li><li><p>twee</p></li></ul><ol><li>eerst</li></ol>"
        "<p>1. geen lijst<br>tweede regel</p><p><a href=\"javascript:alert(1)\">klik</a> "
        "<a href=\"/inloop\">inloop</a></p><table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>x|y</td></tr></table>")
    assert md.split("\n\n") == [
        "## Kop",
        "Een *beetje* \\*tekst\\* met \\[haken\\] & &lt;b>",
        "- een\n    - diep\n- twee",
        "1. eerst",
        "1\\. geen lijst  \ntweede regel",
        "klik [inloop](/inloop)",
        "| A | B |\n| --- | --- |\n| 1 | x\\|y |",
    ]


def test_markdown_loses_raw_html_and_placeholders_and_references_become_ours():
    assert convert.strip_html("Hoi <b>jij</b><script>x()</script> <https://x.nl> a < b") == \
           ("Hoi jij <https://x.nl> a < b", True)
    assert convert.strip_html("Gewoon tekst") == ("Gewoon tekst", False)
    assert convert.our_placeholders("{{cjgNaam}} in {{ gemeenteNaam }}, {{jonginNaam}}, {{x}}") == \
           ("{cjg} in {gemeente}, {jongin}, {{x}}", ["{{x}}"])
    assert convert.resolve_references("[a](ref:r1) en [b](ref:r2)", {"r1": "artikel-a"}) == \
           ("[a](artikel:artikel-a) en b", ["r2"])


def test_urls_get_changed_after_and_are_recorded_without_secrets():
    since = dt.datetime(2026, 11, 10, 9, 30, 15, 123, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert feeds.with_changed_after("https://x.nl/api?key=a&changedAfter=oud", since) == \
           "https://x.nl/api?key=a&changedAfter=2026-11-10T08%3A30%3A15Z"
    assert feeds.with_changed_after("https://x.nl/api", None) == "https://x.nl/api"
    assert feeds.display("https://gebruiker:wachtwoord@x.nl:8443/api?key=geheim") == "https://x.nl:8443/api"
