"""PortalClient against a local HTTP server that serves JSON."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from actions.portal import PortalClient, PortalError


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        routes = {
            "/api/themes": (200, {"themes": [], "query": query}),
            "/api/bad": (400, {"error": {"status": 400, "message": "Unknown theme"}}),
            "/api/broken": (500, {"error": {"status": 500, "message": "oops"}}),
            "/api/list": (200, {"items": [{"slug": "a"}, "not a dict"]}),
        }
        if url.path == "/api/slow":
            time.sleep(1.0)
        if url.path == "/api/html":
            return self._send(200, b"<html>", "text/html")
        status, body = routes.get(url.path, (404, {"error": {"status": 404, "message": "Not found"}}))
        self._send(status, json.dumps(body).encode(), "application/json")

    def _send(self, status, body, kind):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_get_sends_only_non_empty_params(server):
    data = PortalClient(server).get("/api/themes", theme="slapen", audience=None, q="")
    assert data["query"] == {"theme": "slapen"}


def test_items_on_4xx_is_empty(server):
    assert PortalClient(server).items("/api/bad", "items") == []


def test_items_keeps_only_objects(server):
    assert PortalClient(server).items("/api/list", "items") == [{"slug": "a"}]


@pytest.mark.parametrize("path, status", [("/api/broken", 500), ("/api/html", 502)])
def test_broken_answers_raise(server, path, status):
    with pytest.raises(PortalError) as error:
        PortalClient(server).items(path, "items")
    assert error.value.status == status and error.value.unreachable


def test_timeout_is_unreachable(server):
    start = time.monotonic()
    with pytest.raises(PortalError) as error:
        PortalClient(server, timeout=0.2).get("/api/slow")
    assert error.value.status is None and time.monotonic() - start < 0.9


def test_connection_refused_is_unreachable():
    with pytest.raises(PortalError) as error:
        PortalClient("http://127.0.0.1:9").get("/api/themes")
    assert error.value.unreachable


def test_portal_url_from_the_environment(monkeypatch):
    monkeypatch.setenv("PORTAL_URL", "http://portal.test:8000/")
    assert PortalClient().base_url == "http://portal.test:8000"
    monkeypatch.delenv("PORTAL_URL")
    assert PortalClient().base_url == "http://127.0.0.1:5000"
    assert PortalClient().timeout == 2.0
