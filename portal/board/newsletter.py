"""The newsletter: composed from recent news, upcoming events and courses.
The editor picks items and writes an introduction; the HTML e-mail and the
plain-text version are rendered from templates and downloaded, never sent."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Session

from portal.board import listing
from portal.board.forms import TITLE, Reader
from portal.board.models import AgendaItem, Course, NewsItem

DEFAULT_WEEKS, MAX_WEEKS = 4, 26
INTRO = 3000
KINDS = {NewsItem: "news", AgendaItem: "agenda", Course: "course"}


def key(item) -> str:
    """The value of an item's tick box: 'news-3', 'agenda-5', 'course-2'."""
    return f"{KINDS[type(item)]}-{item.id}"


@dataclass
class Issue:
    """The items of one newsletter, in the order they are shown."""
    news: list[NewsItem] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    courses: list[Course] = field(default_factory=list)

    @property
    def items(self) -> list:
        return [*self.news, *self.agenda, *self.courses]


def weeks(text: str | None) -> int:
    """How many weeks of news to offer: a number from 1 to 26, else the default."""
    return int(text) if text in {str(n) for n in range(1, MAX_WEEKS + 1)} else DEFAULT_WEEKS


def candidates(session: Session, municipality: str, now: dt.datetime, weeks_back: int) -> Issue:
    """What may go in: the news of the last weeks still on the sites, and the events and courses still to come."""
    since = now.date() - dt.timedelta(weeks=weeks_back)
    return Issue(listing.news(session, municipality, None, now, since=since),
                 listing.agenda(session, municipality, None, now),
                 listing.courses(session, municipality, None, now))


def read(form: Mapping, offered: Issue) -> tuple[Reader, Issue]:
    """The editor's choice: a subject, an introduction and the ticked items (at least one of these two)."""
    reader = Reader(form)
    reader.values = {"subject": reader.text("subject", TITLE, _l("Geef de nieuwsbrief een onderwerp.")),
                     "intro": reader.text("intro", INTRO)}
    picked = reader.typed["pick"] = set(reader.all("pick"))
    issue = Issue(*([i for i in items if key(i) in picked]
                    for items in (offered.news, offered.agenda, offered.courses)))
    if not issue.items and not reader.values["intro"]:
        reader.fail("pick", _l("Kies minstens één bericht, of schrijf een inleiding."))
    return reader, issue


def paragraphs(text: str) -> list[str]:
    """The introduction's paragraphs: split on empty lines, each on one line."""
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text or "") if p.strip()]
