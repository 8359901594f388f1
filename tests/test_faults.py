"""Faults, for real, on the production setup of docs/deploy.md: PostgreSQL for
the portal and for Rasa's conversations, Redis for rate limits and Rasa's
locks, two Sanic workers. Rasa and the action server are killed during
conversations, PostgreSQL drops every connection while questions come in, and
the search index cannot be written. Nobody gets a 500 and nothing is lost."""
from __future__ import annotations

import os
import subprocess
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
import sqlalchemy as sa

from tests.conftest import csrf_in, make_app
from tools.pgserver import PostgresServer
from tools.stack import ROOT, running_stack, train_model, wait_for

PG = "postgresql://postgres@127.0.0.1:5432"


def _fresh_database(name: str) -> str:
    engine = sa.create_engine(f"{PG}/test", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    return f"{PG}/{name}"


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    train_model()
    portal_db = _fresh_database("faults_portal")
    rasa_db = _fresh_database("faults_rasa")
    rasa_env = {"RASA_DB_HOST": "127.0.0.1", "RASA_DB_PORT": "5432", "RASA_DB_NAME": "faults_rasa",
                "RASA_DB_USER": "postgres", "RASA_DB_PASSWORD": "", "RASA_REDIS_HOST": "127.0.0.1",
                "RASA_REDIS_PORT": "6379", "RASA_REDIS_DB": "0", "RASA_LOCK_PREFIX": f"faults{uuid.uuid4().hex[:8]}"}
    with running_stack(tmp_path_factory.mktemp("faults"), database_url=portal_db, rasa_env=rasa_env,
                       env={"REDIS_URL": "redis://127.0.0.1:6379/0"}) as urls:
        yield {**urls, "portal_db": portal_db, "rasa_db": rasa_db}


def chat(stack, session, text, conversation_id=None):
    body = {"text": text, **({"conversation_id": conversation_id} if conversation_id else {})}
    response = session.post(f"{stack['portal']}/api/chat/messages", json=body, timeout=90)
    assert response.status_code == 200, response.text
    return response.json()


def kinds(reply):
    return [m["custom"]["type"] for m in reply["messages"] if "custom" in m]


def rasa_events(stack, conversation_id) -> int:
    engine = sa.create_engine(stack["rasa_db"])
    with engine.connect() as conn:
        count = conn.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = :id"),
                             {"id": conversation_id}).scalar()
    engine.dispose()
    return count


def test_rasa_keeps_conversations_in_postgresql(stack):
    session = requests.Session()
    first = chat(stack, session, "Mijn dochter van 2 wil niet slapen, wat kan ik doen?")
    assert first["assistant_available"] and "article" in kinds(first)
    assert rasa_events(stack, first["conversation_id"]) > 0


def test_concurrent_conversations_on_two_sanic_workers(stack):
    def one(i):
        session = requests.Session()
        reply = chat(stack, session, "hoi")
        return chat(stack, session, "waar kan ik binnenlopen?", reply["conversation_id"])
    with ThreadPoolExecutor(8) as pool:
        replies = list(pool.map(one, range(8)))
    assert all(r["assistant_available"] for r in replies)
    assert all("location" in kinds(r) or r["messages"] for r in replies)


def test_rasa_killed_mid_conversation_then_back(stack):
    processes = stack["processes"]
    session = requests.Session()
    first = chat(stack, session, "hoi")
    conversation_id = first["conversation_id"]
    before = rasa_events(stack, conversation_id)

    processes.stop("rasa", kill=True)
    down = chat(stack, session, "wanneer is het inloopspreekuur?", conversation_id)
    assert down["assistant_available"] is False and "fallback" in kinds(down)

    processes.start("rasa")
    wait_for(stack["rasa"] + "/", 300, processes.running["rasa"])
    back = chat(stack, session, "wanneer is het inloopspreekuur?", conversation_id)
    assert back["assistant_available"] is True and back["conversation_id"] == conversation_id
    assert rasa_events(stack, conversation_id) > before  # the same conversation, continued


def test_action_server_killed(stack):
    processes = stack["processes"]
    session = requests.Session()
    processes.stop("actions", kill=True)
    try:
        reply = chat(stack, session, "mijn zoon van 15 blowt, wat moet ik doen?")
        assert "fallback" in kinds(reply), "the visitor always gets the contact options"
    finally:
        processes.start("actions")
        wait_for(stack["actions"] + "/health", 120, processes.running["actions"])
    again = chat(stack, session, "mijn zoon van 15 blowt, wat moet ik doen?", reply["conversation_id"])
    assert "article" in kinds(again)


def test_postgresql_drops_connections_while_questions_come_in(stack):
    """Every question that got a ticket is stored; the others were told to try
    again (503), none got a 500."""
    stop = threading.Event()
    admin = sa.create_engine(f"{PG}/test", isolation_level="AUTOCOMMIT")

    def drop_connections():
        while not stop.is_set():
            with admin.connect() as conn:
                conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                     "WHERE datname = 'faults_portal' AND pid <> pg_backend_pid()"))
            time.sleep(0.05)

    def ask(i):
        response = requests.post(f"{stack['portal']}/api/econsult",
                                 json={"text": f"Vraag {i}: mijn kind van 8 plast weer in bed, is dat normaal?"},
                                 timeout=30)
        return i, response.status_code, response.json()

    killer = threading.Thread(target=drop_connections)
    killer.start()
    try:
        with ThreadPoolExecutor(5) as pool:
            results = list(pool.map(ask, range(10)))
    finally:
        stop.set()
        killer.join()
        admin.dispose()
    statuses = [status for _, status, _ in results]
    print(f"\ne-consult while connections drop: {statuses.count(201)} stored, {statuses.count(503)} asked to retry")
    assert 500 not in statuses, statuses
    assert set(statuses) <= {201, 503}, statuses
    stored = sa.create_engine(stack["portal_db"])
    with stored.connect() as conn:
        texts = {row[0] for row in conn.execute(sa.text("SELECT text FROM econsult"))}
    stored.dispose()
    for i, status, body in results:
        if status == 201:
            assert any(t.startswith(f"Vraag {i}:") for t in texts), i
        else:
            assert "opnieuw" in body["error"]["message"]


def test_privacy_purge_reaches_rasas_tracker_store(stack, tmp_path):
    """Rasa keeps the texts as typed: the nightly purge deletes them there too."""
    reply = chat(stack, requests.Session(), "mijn puber van 14 blowt, wat kan ik doen?")
    assert rasa_events(stack, reply["conversation_id"]) > 0
    env = {**os.environ, "FLASK_APP": "portal", "INSTANCE_PATH": str(tmp_path), "DATABASE_URL": stack["portal_db"],
           "RASA_TRACKER_DB_URL": stack["rasa_db"]}
    result = subprocess.run([str(ROOT / ".venv/bin/flask"), "privacy", "purge", "--days", "0"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Gewist bij de assistent:" in result.stdout
    assert rasa_events(stack, reply["conversation_id"]) == 0


def test_unwritable_search_index(tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the index directory should be")
    app = make_app(tmp_path, f"sqlite:///{tmp_path / 'index.sqlite3'}", SEARCH_INDEX_DIR=str(blocker / "index"))
    result = app.test_cli_runner().invoke(args=["content", "import"])
    assert result.exit_code != 0
    assert "zoekindex" in result.output.lower() and "Traceback" not in result.output
    client = app.test_client()
    assert client.get("/").status_code == 200
    search = client.get("/zoeken?q=slapen")
    assert search.status_code == 503 and "zoeken" in search.get_data(as_text=True).lower()


@pytest.fixture
def own_postgres():
    try:
        server = PostgresServer()
    except RuntimeError as exc:
        pytest.skip(str(exc))
    server.start()
    try:
        yield server
    finally:
        server.remove()


def test_postgresql_server_restarts_under_load(own_postgres, tmp_path):
    """A real restart of the portal's PostgreSQL server (its own instance, stopped
    and started) while questions keep coming in and a worker answers one. While it
    is down, pages that need it and the API answer 503 and forms give the typed
    text back; once it is back, the running portal serves again at once, and every
    question that got a 201 is stored."""
    engine = sa.create_engine(own_postgres.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text("CREATE DATABASE portal"))
    engine.dispose()
    pages = ["/", "/sociale-kaart", "/inloop", "/ouders/thema/slapen", "/jongeren/", "/zoeken?q=slapen"]
    env = {**os.environ, "FLASK_APP": "portal", "INSTANCE_PATH": str(tmp_path), "DATABASE_URL": own_postgres.url("portal")}

    with running_stack(tmp_path, database_url=own_postgres.url("portal"), only=("portal",)) as urls:
        portal = urls["portal"]
        subprocess.run([str(ROOT / ".venv/bin/flask"), "users", "create", "--email", "w@cjg.test",
                        "--password", "herstart-wachtwoord-1", "--name", "Sam"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        first = requests.post(f"{portal}/api/econsult", json={"text": "Voor de herstart: mijn kind plast in bed."},
                              timeout=30)
        assert first.status_code == 201
        worker = requests.Session()
        login = worker.get(f"{portal}/medewerker/login", timeout=30)
        worker.post(f"{portal}/medewerker/login", timeout=30, data={
            "csrf": csrf_in(login.text), "email": "w@cjg.test", "password": "herstart-wachtwoord-1"})
        with sa.create_engine(own_postgres.url("portal")).connect() as conn:
            question_id = conn.execute(sa.text("SELECT id FROM econsult")).scalar()
        form = worker.get(f"{portal}/medewerker/vragen/{question_id}", timeout=30)
        assert form.status_code == 200
        answer = {"csrf": csrf_in(form.text), "answer": "Bedplassen komt vaak voor op deze leeftijd. Dit helpt: ..."}
        assert {requests.get(portal + page, timeout=30).status_code for page in pages} == {200}

        stop, sent = threading.Event(), []

        def keep_asking(n):
            i = 0
            while not stop.is_set():
                text = f"Vraag {n}-{i}: mijn kind van 8 plast weer in bed."
                try:
                    status = requests.post(f"{portal}/api/econsult", json={"text": text}, timeout=30).status_code
                except requests.RequestException as exc:
                    status = type(exc).__name__
                sent.append((text, status))
                i += 1
                time.sleep(0.02)

        askers = [threading.Thread(target=keep_asking, args=(n,)) for n in range(4)]
        for thread in askers:
            thread.start()
        try:
            time.sleep(1)
            own_postgres.stop()
            down = {page: requests.get(portal + page, timeout=30).status_code for page in pages}
            kept = worker.post(f"{portal}/medewerker/vragen/{question_id}", data=answer, timeout=30)
            time.sleep(1)
            own_postgres.start()
            after = {page: requests.get(portal + page, timeout=30).status_code for page in pages}
            time.sleep(1)
        finally:
            stop.set()
            for thread in askers:
                thread.join()
        saved = worker.post(f"{portal}/medewerker/vragen/{question_id}", data=answer, timeout=30,
                            allow_redirects=False)
        assert urls["processes"].running["portal"].poll() is None  # the same portal kept serving

    statuses = [status for _, status in sent]
    print(f"\nwhile PostgreSQL is stopped: {down}; questions during the restart: {statuses.count(201)} stored, "
          f"{statuses.count(503)} asked to retry, of {len(statuses)}")
    assert set(down.values()) <= {200, 503} and 503 in down.values(), down  # content pages need no database
    assert set(after.values()) == {200}, after  # the first request after the restart already works
    assert set(statuses) <= {201, 503}, statuses
    assert 503 in statuses and statuses[-1] == 201
    assert kept.status_code == 503 and "Bedplassen komt vaak voor op deze leeftijd." in kept.text  # text given back
    assert saved.status_code == 302
    stored = sa.create_engine(own_postgres.url("portal"))
    with stored.connect() as conn:
        texts = {row[0] for row in conn.execute(sa.text("SELECT text FROM econsult"))}
        answered = conn.execute(sa.text("SELECT answer FROM econsult WHERE id = :id"), {"id": question_id}).scalar()
    stored.dispose()
    assert {text for text, status in sent if status == 201} <= texts  # no question that got a ticket is lost
    assert not {text for text, status in sent if status != 201} & texts
    assert answered.startswith("Bedplassen komt vaak voor")
