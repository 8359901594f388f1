"""The visitors of `make load` (bench/loadtest.py runs this with Locust, headless).

Parents on vCJG and young people on JongIn: home page, themes, articles, the
search box, the social map, the walk-in hours and a short chat with the
assistant (POST /api/chat/messages), with think time between pages. Requests
are named by type, so the report has p50/p95 per type. Only a loopback host
is accepted. LOAD_CHAT=0 leaves the chat out (a portal without the assistant).
"""
from __future__ import annotations

import json
import os
import random
import time
from urllib.parse import quote_plus, urlsplit
from urllib.request import urlopen

from locust import HttpUser, between, events, task

from bench.chat import CONVERSATIONS
from bench.load import LOOPBACK
from bench.run import QUERIES

CHAT = os.environ.get("LOAD_CHAT", "1") != "0"
SITE = {}  # what the visitors can open, read from the portal's API once at the start


@events.test_start.add_listener
def discover(environment, **_kwargs) -> None:
    """Refuse a host that is not on this machine; read articles, themes and services."""
    host = urlsplit(environment.host or "")
    if host.scheme != "http" or host.hostname not in LOOPBACK:
        raise SystemExit(f"load: only http on a loopback address, not {environment.host!r}")

    def get(path: str) -> dict:
        with urlopen(environment.host + path, timeout=30) as response:
            return json.load(response)

    themes = get("/api/themes")["themes"]
    SITE.update({
        "vcjg_articles": [a["url"] for a in get("/api/articles?audience=ouders&limit=50")["items"]],
        "jongin_articles": [a["url"] for a in get("/api/articles?audience=jongeren&limit=50")["items"]],
        "vcjg_themes": [f"/ouders/thema/{t['slug']}" for t in themes if "ouders" in t["audiences"]],
        "jongin_themes": [f"/jongeren/thema/{t['slug']}" for t in themes if "jongeren" in t["audiences"]],
        "services": [s["url"] for s in get("/api/services?limit=50")["items"]],
    })
    empty = [name for name, paths in SITE.items() if not paths]
    if empty:
        raise SystemExit(f"load: the portal has no {', '.join(empty)}: import the content first")


class Visitor(HttpUser):
    """One person on one of the two sites."""
    abstract = True
    wait_time = between(2, 6)  # reading a page before the next click
    site = "vcjg"
    home = "/"
    site_args = ""

    def page(self, path: str, name: str) -> None:
        self.client.get(path, name=f"{self.site}: {name}")

    @task(3)
    def home_page(self):
        self.page(self.home, "home")

    @task(2)
    def theme(self):
        self.page(random.choice(SITE[f"{self.site}_themes"]), "theme")

    @task(4)
    def article(self):
        self.page(random.choice(SITE[f"{self.site}_articles"]), "article")

    @task(3)
    def search(self):
        self.client.get(f"/zoeken?q={quote_plus(random.choice(QUERIES))}{self.site_args.replace('?', '&')}",
                        name="search")

    @task(2)
    def social_map(self):
        self.client.get("/sociale-kaart" + self.site_args, name="social map")
        if random.random() < 0.5:
            self.client.get(random.choice(SITE["services"]) + self.site_args, name="social map: service")

    @task(2)
    def walk_in(self):
        self.client.get("/inloop" + self.site_args, name="walk-in hours")

    @task(1)
    def chat(self):
        """A short conversation; a reply without the assistant counts as a failure."""
        if not CHAT:
            return
        messages = random.choice([m for s, m in CONVERSATIONS if s == self.site])
        conversation_id = token = None
        for text in messages:
            payload, headers = {"text": text, "site": self.site}, {}
            if conversation_id:
                payload["conversation_id"] = conversation_id
                headers["X-Chat-Token"] = token
            with self.client.post("/api/chat/messages", json=payload, headers=headers, name="chat: message",
                                  catch_response=True) as response:
                body = response.json() if response.headers.get("Content-Type", "").startswith(
                    "application/json") else None
                if response.status_code != 200 or not isinstance(body, dict):
                    response.failure(f"status {response.status_code}")
                    return
                if not body.get("assistant_available", True):
                    response.failure("answered without the assistant")
                conversation_id = conversation_id or body.get("conversation_id")
                token = token or body.get("token")
            time.sleep(random.uniform(2, 5))  # typing the next message (gevent-patched)


class Parent(Visitor):
    weight = 3
    site, home = "vcjg", "/"


class YoungPerson(Visitor):
    weight = 2
    site, home, site_args = "jongin", "/jongeren/", "?site=jongin"
