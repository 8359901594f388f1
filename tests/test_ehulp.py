"""E-hulp: worker accounts, login, the live-chat queue, anonymous questions,
purge and authorisation. The assistant is down here (nothing listens on its
port); the handoff itself does not need it."""
import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from portal.chat.models import ChatMessage, Conversation
from portal.ehulp import queue
from portal.ehulp.accounts import MAX_FAILURES, create_worker
from portal.ehulp.models import AuditEntry, EConsult, SafetyConcern, Worker
from portal.ehulp.purge import purge
from portal.extensions import db
from tests.conftest import csrf_in

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "een-lang-wachtwoord-42"
ALL_DAY = {day: ["00:00-24:00"] for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                             "sunday")}


def set_chat_hours(content_dir: Path, weekly: dict | None) -> None:
    """Copy the real social map and give e-hulp the hours this test needs."""
    shutil.copytree(ROOT / "content" / "socialmap", content_dir / "socialmap", dirs_exist_ok=True)
    shutil.copy(ROOT / "content" / "crisis_lines.yml", content_dir / "crisis_lines.yml")
    shutil.copy(ROOT / "content" / "canned_replies.yml", content_dir / "canned_replies.yml")
    path = content_dir / "socialmap" / "deventer" / "services.yml"
    services = yaml.safe_load(path.read_text())
    for service in services:
        if service["slug"] == "cjg-e-hulp":
            if weekly is None:
                service.pop("schedule", None)
            else:
                service["schedule"] = {"example": True, "weekly": weekly, "closed_on_holidays": False}
    path.write_text(yaml.safe_dump(services, allow_unicode=True))


def import_socialmap(app) -> None:
    result = app.test_cli_runner().invoke(args=["socialmap", "import"])
    assert result.exit_code == 0, result.output


@pytest.fixture
def ehulp_app(app, content_dir):
    set_chat_hours(content_dir, ALL_DAY)
    import_socialmap(app)
    app.config["RASA_URL"] = "http://127.0.0.1:9"
    return app


def make_worker(app, email="anna@cjg.example", role="worker", name="Anna", on_duty=False):
    with app.app_context():
        worker = create_worker(db.session, email, PASSWORD, role, name)
        worker.on_duty = on_duty
        db.session.commit()
        return worker.id


def login(client, email="anna@cjg.example", password=PASSWORD):
    page = client.get("/medewerker/login").get_data(as_text=True)
    return client.post("/medewerker/login", data={"email": email, "password": password, "csrf": csrf_in(page)})


def csrf_of(client, path="/medewerker/"):
    return csrf_in(client.get(path).get_data(as_text=True))


def visitor(app, text="Ik wil graag met iemand praten"):
    client = app.test_client()
    reply = client.post("/api/chat/messages", json={"text": text}).get_json()
    return client, reply["conversation_id"]


def test_users_create_hashes_with_argon2(ehulp_app, runner):
    result = runner.invoke(args=["users", "create", "--role", "supervisor", "--email", "Sam@CJG.example",
                                 "--name", "Sam"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    with ehulp_app.app_context():
        worker = db.session.scalar(select(Worker))
        assert worker.email == "sam@cjg.example" and worker.role == "supervisor"
        assert worker.password_hash.startswith("$argon2id$") and PASSWORD not in worker.password_hash
    again = runner.invoke(args=["users", "create", "--email", "sam@cjg.example"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert again.exit_code != 0 and "er is al een account" in again.output
    short = runner.invoke(args=["users", "create", "--email", "x@cjg.example"], input="kort\nkort\n")
    assert short.exit_code != 0 and "12 tekens" in short.output


def test_login_and_lockout(ehulp_app, client):
    make_worker(ehulp_app)
    assert login(client, password="fout").status_code == 401
    for _ in range(MAX_FAILURES - 1):
        login(client, password="fout")
    # locked now: even the right password is refused for a while
    assert login(client).status_code == 401
    with ehulp_app.app_context():
        assert db.session.scalar(select(Worker)).locked_until is not None


def test_login_is_rate_limited_per_client(ehulp_app, client, redis_window):
    ehulp_app.config.update(REDIS_URL=redis_window, LOGIN_RATE_LIMIT=3)
    make_worker(ehulp_app)
    statuses = [login(client, email=f"niemand{i}@x.nl").status_code for i in range(4)]
    response = login(client)
    assert statuses[:3] == [401, 401, 401] and response.status_code == 401
    assert "Te veel pogingen" in response.get_data(as_text=True)


def test_console_needs_login_and_role(ehulp_app, client):
    assert client.get("/medewerker/").status_code == 302
    assert client.get("/medewerker/overzicht").headers["Location"].startswith("/medewerker/login")
    make_worker(ehulp_app)
    login(client)
    assert client.get("/medewerker/").status_code == 200
    assert client.get("/medewerker/overzicht").status_code == 403
    make_worker(ehulp_app, "sam@cjg.example", "supervisor", "Sam")
    boss = ehulp_app.test_client()
    login(boss, "sam@cjg.example")
    assert "Drukte en wachttijden" in boss.get("/medewerker/overzicht").get_data(as_text=True)


def test_post_without_csrf_is_refused(ehulp_app, client):
    make_worker(ehulp_app)
    login(client)
    assert client.post("/medewerker/dienst", data={"on_duty": "1"}).status_code == 400


def test_nobody_on_duty_offers_a_question(ehulp_app):
    client, cid = visitor(ehulp_app)
    data = client.post("/api/chat/handoff", json={"conversation_id": cid}).get_json()
    assert data["state"] == "unavailable" and data["queue_position"] is None
    assert any(m.get("custom", {}).get("type") == "handoff_offer" for m in data["messages"])


def test_out_of_hours_gives_next_open(app, content_dir):
    set_chat_hours(content_dir, {"monday": ["19:00-21:00"]})
    import_socialmap(app)
    app.config["RASA_URL"] = "http://127.0.0.1:9"
    make_worker(app, on_duty=True)
    client, cid = visitor(app)
    status = client.get("/api/ehulp/status").get_json()
    data = client.post("/api/chat/handoff", json={"conversation_id": cid}).get_json()
    if status["in_hours"]:  # the test happens to run on a Monday evening
        assert data["state"] == "waiting"
    else:
        assert data["state"] == "unavailable"
        opens = dt.datetime.fromisoformat(data["next_open"])
        assert opens.weekday() == 0 and opens.hour == 19 and opens.utcoffset() is not None


def test_queue_take_talk_close(ehulp_app, imported):
    anna = make_worker(ehulp_app, on_duty=True)
    first, first_id = visitor(ehulp_app)
    second, second_id = visitor(ehulp_app, "Ik wil ook iemand spreken")
    a = first.post("/api/chat/handoff", json={"conversation_id": first_id}).get_json()
    b = second.post("/api/chat/messages", json={"conversation_id": second_id, "text": "/handoff_accept"}).get_json()
    assert (a["state"], a["queue_position"]) == ("waiting", 1) and a["estimated_wait_seconds"] == 30
    assert (b["state"], b["queue_position"]) == ("waiting", 2) and b["estimated_wait_seconds"] == 600
    # while waiting, the assistant stays quiet and the message is kept for the worker
    quiet = first.post("/api/chat/messages", json={"conversation_id": first_id, "text": "Mijn zoon van 14 blowt"})
    assert quiet.get_json()["messages"] == [] and quiet.get_json()["state"] == "waiting"

    worker = ehulp_app.test_client()
    login(worker)
    assert [w["id"] for w in worker.get("/medewerker/api/wachtrij").get_json()["waiting"]] == [first_id, second_id]
    csrf = csrf_of(worker)
    worker.post(f"/medewerker/gesprek/{first_id}/aannemen", data={"csrf": csrf})
    page = worker.get(f"/medewerker/gesprek/{first_id}").get_data(as_text=True)
    assert "Mijn zoon van 14 blowt" in page  # the transcript so far: nobody tells their story twice

    update = second.get(f"/api/chat/messages?conversation_id={second_id}").get_json()
    assert update["queue_position"] == 1
    seen = first.get(f"/api/chat/messages?conversation_id={first_id}").get_json()
    assert seen["state"] == "human" and seen["worker"] == "Anna"
    last = seen["messages"][-1]["id"]
    assert "Je praat nu met Anna" in seen["messages"][-1]["text"]

    worker.post(f"/medewerker/gesprek/{first_id}/bericht", data={"csrf": csrf, "text": "Hoi, ik ben Anna."})
    worker.post(f"/medewerker/gesprek/{first_id}/bericht", data={"csrf": csrf, "card_type": "article",
                                                                "card_slug": "baby-huilt-veel"})
    new = first.get(f"/api/chat/messages?conversation_id={first_id}&after={last}").get_json()["messages"]
    assert new[0]["sender"] == "worker" and new[0]["text"] == "Hoi, ik ben Anna." and new[0]["worker"] == "Anna"
    assert new[1]["custom"] == {"type": "article", "slug": "baby-huilt-veel", "title": "Je baby huilt veel",
                                "url": "/ouders/artikel/baby-huilt-veel"}
    first.post("/api/chat/messages", json={"conversation_id": first_id, "text": "Dank je!"})
    assert "Dank je!" in worker.get(f"/medewerker/api/gesprek/{first_id}?after=0").get_data(as_text=True)

    worker.post(f"/medewerker/gesprek/{first_id}/afsluiten", data={"csrf": csrf})
    ended = first.get(f"/api/chat/messages?conversation_id={first_id}").get_json()
    assert ended["state"] == "bot" and "afgelopen" in ended["messages"][-1]["text"]
    with ehulp_app.app_context():
        actions = [a for (a,) in db.session.execute(select(AuditEntry.action).where(AuditEntry.worker_id == anna))]
    assert {"login", "take", "close"} <= set(actions)


def test_worker_cannot_act_on_a_colleagues_chat(ehulp_app):
    make_worker(ehulp_app, on_duty=True)
    make_worker(ehulp_app, "ben@cjg.example", name="Ben", on_duty=True)
    client, cid = visitor(ehulp_app)
    client.post("/api/chat/handoff", json={"conversation_id": cid})
    anna, ben = ehulp_app.test_client(), ehulp_app.test_client()
    login(anna)
    login(ben, "ben@cjg.example")
    anna.post(f"/medewerker/gesprek/{cid}/aannemen", data={"csrf": csrf_of(anna)})
    assert ben.get(f"/medewerker/gesprek/{cid}").status_code == 403
    assert ben.post(f"/medewerker/gesprek/{cid}/afsluiten", data={"csrf": csrf_of(ben)}).status_code == 403
    ben.post(f"/medewerker/gesprek/{cid}/bericht", data={"csrf": csrf_of(ben), "text": "ik ben Ben"})
    with ehulp_app.app_context():
        assert db.session.scalar(select(func.count()).select_from(ChatMessage).where(ChatMessage.sender == "worker")) == 0
    # transfer to a colleague on duty
    with ehulp_app.app_context():
        ben_id = db.session.scalar(select(Worker.id).where(Worker.email == "ben@cjg.example"))
    anna.post(f"/medewerker/gesprek/{cid}/doorzetten", data={"csrf": csrf_of(anna), "worker_id": ben_id})
    assert ben.get(f"/medewerker/gesprek/{cid}").status_code == 200
    assert client.get(f"/api/chat/messages?conversation_id={cid}").get_json()["worker"] == "Ben"


def test_visitor_can_leave_the_queue(ehulp_app):
    make_worker(ehulp_app, on_duty=True)
    client, cid = visitor(ehulp_app)
    client.post("/api/chat/handoff", json={"conversation_id": cid})
    assert client.post("/api/chat/handoff/cancel", json={"conversation_id": cid}).get_json()["state"] == "bot"


def test_estimate_uses_recent_handling_times(ehulp_app):
    make_worker(ehulp_app, on_duty=True)
    with ehulp_app.app_context():
        now = dt.datetime.now(dt.timezone.utc)
        for minutes in (4, 6):
            db.session.add(Conversation(id=f"h{minutes}".ljust(32, "0"), secret_hash="x", state="bot", context={},
                                        taken_at=now - dt.timedelta(minutes=minutes + 1),
                                        closed_at=now - dt.timedelta(minutes=1)))
        db.session.commit()
        assert queue.average_handle_seconds(db.session) == pytest.approx(300, abs=1)
        assert queue.estimated_wait(db.session, 1) == 30
        assert queue.estimated_wait(db.session, 2) == pytest.approx(300, abs=1)


def test_question_out_of_hours_with_ticket_code(ehulp_app, client):
    response = client.post("/api/econsult", json={"text": "Mijn dochter van 15 eet bijna niets. Bel me op 06-12345678",
                                                   "email": "ouder@voorbeeld.nl"})
    assert response.status_code == 201
    code = response.get_json()["ticket_code"]
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){7}", code)
    status = client.get(f"/api/econsult/{code}").get_json()
    assert status == {"status": "open", "answer": None, "asked_at": status["asked_at"], "answered_at": None}
    assert client.get("/api/econsult/0000-0000").status_code == 404
    with ehulp_app.app_context():
        stored = db.session.scalar(select(EConsult))
        assert "[telefoonnummer]" in stored.text and "06-12345678" not in stored.text
        assert stored.ticket_hash != code

    make_worker(ehulp_app)
    worker = ehulp_app.test_client()
    login(worker)
    with ehulp_app.app_context():
        qid = db.session.scalar(select(EConsult.id))
    worker.post(f"/medewerker/vragen/{qid}", data={"csrf": csrf_of(worker), "answer": "Goed dat je het vraagt."})
    answered = client.get(f"/api/econsult/{code}").get_json()
    assert answered["status"] == "answered" and answered["answer"] == "Goed dat je het vraagt."
    page = client.get(f"/e-hulp/antwoord/{code}").get_data(as_text=True)
    assert "Goed dat je het vraagt." in page
    with ehulp_app.app_context():
        assert db.session.scalar(select(EConsult)).email is None  # used once, then deleted
    outbox = list((Path(ehulp_app.instance_path) / "outbox").glob("*.eml"))
    assert len(outbox) == 1 and "ouder@voorbeeld.nl" in outbox[0].read_text()


def test_question_form_keeps_text_on_error(ehulp_app, client):
    response = client.post("/e-hulp", data={"text": "Mijn vraag", "email": "geen adres"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Dit e-mailadres klopt niet" in page and "Mijn vraag" in page
    ok = client.post("/e-hulp", data={"text": "Mijn vraag", "email": ""}).get_data(as_text=True)
    assert "Bewaar deze code goed" in ok
    assert client.post("/api/econsult", json={"text": ""}).status_code == 400
    assert client.post("/api/econsult", json={"text": "x" * 5000}).status_code == 400


def test_safety_concern_is_recorded(ehulp_app):
    make_worker(ehulp_app, on_duty=True)
    client, cid = visitor(ehulp_app)
    client.post("/api/chat/handoff", json={"conversation_id": cid})
    worker = ehulp_app.test_client()
    login(worker)
    csrf = csrf_of(worker)
    worker.post(f"/medewerker/gesprek/{cid}/aannemen", data={"csrf": csrf})
    worker.post(f"/medewerker/gesprek/{cid}/zorg", data={"csrf": csrf, "note": "Kind noemt slaan thuis."})
    with ehulp_app.app_context():
        concern = db.session.scalar(select(SafetyConcern))
        assert concern.conversation_id == cid and concern.note == "Kind noemt slaan thuis."


def test_purge_deletes_old_conversations_and_answered_questions(ehulp_app, runner):
    with ehulp_app.app_context():
        old = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=31)
        db.session.add(Conversation(id="o" * 32, secret_hash="x", state="bot", context={}, last_activity=old))
        db.session.add(ChatMessage(conversation_id="o" * 32, sender="user", text="oud"))
        db.session.add(Conversation(id="n" * 32, secret_hash="x", state="bot", context={}))
        db.session.add(EConsult(ticket_hash="a" * 64, text="oud", status="answered", answered_at=old))
        db.session.add(EConsult(ticket_hash="b" * 64, text="open", status="open", created_at=old))
        db.session.commit()
    result = runner.invoke(args=["privacy", "purge"])
    assert "Gewist: 1 gesprekken, 1 vragen" in result.output
    with ehulp_app.app_context():
        assert [c.id for c in db.session.scalars(select(Conversation))] == ["n" * 32]
        assert db.session.scalar(select(func.count()).select_from(ChatMessage)) == 0
        assert [q.status for q in db.session.scalars(select(EConsult))] == ["open"]
        assert purge(db.session, 30)["conversations"] == 0


def test_no_ip_address_is_stored_with_conversations_or_questions(ehulp_app):
    tables = ("conversation", "chat_message", "econsult", "safety_concern", "audit_entry")
    columns = {c.name for t in db.metadata.sorted_tables if t.name in tables for c in t.columns}
    assert columns and not any(c == "ip" or c.endswith("_ip") or "address" in c or "agent" in c for c in columns)


def test_worker_sends_service_and_location_cards_from_the_social_map(socialmap):
    socialmap.config["RASA_URL"] = "http://127.0.0.1:9"
    make_worker(socialmap, on_duty=True)
    set_chat_hours(Path(socialmap.config["CONTENT_DIR"]), ALL_DAY)
    import_socialmap(socialmap)
    client, cid = visitor(socialmap)
    client.post("/api/chat/handoff", json={"conversation_id": cid})
    worker = socialmap.test_client()
    login(worker)
    csrf = csrf_of(worker)
    worker.post(f"/medewerker/gesprek/{cid}/aannemen", data={"csrf": csrf})
    page = worker.get(f"/medewerker/gesprek/{cid}?kaart=Keizerslanden").get_data(as_text=True)
    assert 'value="cjg-inloop-keizerslanden"' in page
    worker.post(f"/medewerker/gesprek/{cid}/bericht", data={"csrf": csrf, "card_type": "location",
                                                           "card_slug": "cjg-inloop-keizerslanden"})
    worker.post(f"/medewerker/gesprek/{cid}/bericht", data={"csrf": csrf, "card_type": "service",
                                                           "card_slug": "cjg-e-hulp"})
    cards = [m["custom"] for m in client.get(f"/api/chat/messages?conversation_id={cid}").get_json()["messages"]
             if m.get("custom") and m["sender"] == "worker"]
    assert cards[0]["type"] == "location" and cards[0]["url"] == "/sociale-kaart/locatie/cjg-inloop-keizerslanden"
    assert isinstance(cards[0]["open_now"], bool) and "next_open" in cards[0]
    assert cards[1] == {"type": "service", "slug": "cjg-e-hulp", "name": "E-hulp van het CJG",
                        "url": "/sociale-kaart/cjg-e-hulp"}
