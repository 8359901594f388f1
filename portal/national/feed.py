"""Fetch the national feed's text from an http(s) URL or a file, with a
time-out and a size limit. Incremental syncs ask the URL for what changed
after a moment (`?changedAfter=`)."""
from __future__ import annotations

import datetime as dt
import socket
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from portal.numbers import whole_number

MAX_BYTES = 20 * 1024 * 1024
TIMEOUT = 30  # seconds


class FeedError(Exception):
    """The feed cannot be used at all; the message says why, in Dutch."""


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def iso(moment: dt.datetime) -> str:
    """2026-11-20T10:15:00Z: the form the feed's changedAfter takes."""
    return moment.astimezone(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def with_changed_after(url: str, changed_after: dt.datetime | None) -> str:
    if changed_after is None:
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "changedAfter"]
    query.append(("changedAfter", iso(changed_after)))
    return urlunsplit(parts._replace(query=urlencode(query)))


def display(source: str) -> str:
    """What the run records of its source: no password, no query (it may hold a key)."""
    if not is_url(source):
        return source[-300:]
    parts = urlsplit(source)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))[:300]


def read(source: str, changed_after: dt.datetime | None = None, *, max_bytes: int = MAX_BYTES,
         timeout: float = TIMEOUT) -> str:
    """The feed's text. A file is read as it is; changedAfter only goes to a URL."""
    if is_url(source):
        data = _fetch(with_changed_after(source, changed_after), max_bytes, timeout)
    elif "://" in source:
        raise FeedError(f"'{display(source)}' is geen http(s)-adres en geen bestand.")
    else:
        data = _read_file(Path(source), max_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FeedError(f"De feed is geen UTF-8-tekst (byte {exc.start}).") from exc


def _too_big(max_bytes: int) -> FeedError:
    size = f"{max_bytes // 1048576} MB" if max_bytes >= 1048576 else f"{max_bytes} bytes"
    return FeedError(f"De feed is groter dan {size}; er is niets ingelezen.")


def _read_file(path: Path, max_bytes: int) -> bytes:
    if not path.is_file():
        raise FeedError(f"Het bestand '{path}' bestaat niet.")
    if path.stat().st_size > max_bytes:
        raise _too_big(max_bytes)
    return path.read_bytes()


def _fetch(url: str, max_bytes: int, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "cjg-portal/1"})
    where = display(url)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if (whole_number(length) or 0) > max_bytes:
                raise _too_big(max_bytes)
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise FeedError(f"De feed op {where} antwoordde met HTTP-status {exc.code} ({exc.reason}).") from exc
    except (TimeoutError, socket.timeout) as exc:
        raise FeedError(f"De feed op {where} antwoordde niet binnen {timeout:g} seconden.") from exc
    except urllib.error.URLError as exc:
        raise FeedError(f"De feed op {where} is niet bereikbaar ({exc.reason}). "
                        "Controleer het adres en de verbinding en probeer het later opnieuw.") from exc
    except OSError as exc:
        raise FeedError(f"De feed op {where} kon niet gelezen worden ({exc}).") from exc
    if len(data) > max_bytes:
        raise _too_big(max_bytes)
    return data
