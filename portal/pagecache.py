"""Serve content pages from a per-process cache until the content changes.
The content's version (number of articles and the last change) is read from
the database at most once a second, so a publication shows everywhere within
a second, in every process, without a restart."""
from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict

from flask import current_app, request
from flask_babel import get_locale
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import Article

VERSION_TTL = 1.0
MAX_PAGES = 1000


class PageCache:
    def __init__(self):
        self._pages: OrderedDict = OrderedDict()
        self._version = None
        self._checked = 0.0
        self._lock = threading.Lock()

    def version(self, ttl: float = VERSION_TTL):
        now = time.monotonic()
        if now - self._checked >= ttl:
            self._version = tuple(db.session.execute(select(func.count(), func.max(Article.updated_at))).one())
            self._checked = now
        return self._version

    def get(self, key):
        with self._lock:
            entry = self._pages.get(key)
            if entry is not None:
                self._pages.move_to_end(key)
            return entry

    def put(self, key, value) -> None:
        with self._lock:
            self._pages[key] = value
            if len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)


def cached_page(view=None, *, vary=None):
    """Cache the HTML of a successful GET per path, query and language.
    `vary`, when given, returns (key, stamp) for the request: pages are kept
    apart per key (a few variants) and rebuilt when the stamp changes."""
    if view is None:
        return functools.partial(cached_page, vary=vary)

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        cache: PageCache = current_app.extensions.setdefault("page_cache", PageCache())
        extra_key, stamp = vary() if vary else (None, None)
        key = (request.full_path, str(get_locale()), extra_key)
        version = (cache.version(current_app.config.get("PAGE_CACHE_TTL", VERSION_TTL)), stamp)
        entry = cache.get(key)
        if entry is not None and entry[0] == version:
            return current_app.response_class(entry[1], mimetype="text/html")
        response = current_app.make_response(view(*args, **kwargs))
        if response.status_code == 200 and response.mimetype == "text/html":
            cache.put(key, (version, response.get_data()))
        return response
    return wrapped
