"""The checks of what editors type in the board's forms.

`read_news`, `read_agenda`, `read_course` and `read_poll` take the submitted
form (a dict or a werkzeug MultiDict) and return a Reader: what was typed (to
show again after an error), the errors per field, and the clean values for the
model. `typed_*` give the form's values of an existing item or a new one."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l

from portal.board.models import SITES

TITLE, SUMMARY, BODY, DESCRIPTION, PLACE, LINK, SHORT = 150, 300, 20000, 4000, 200, 500, 100
QUESTION, OPTION, MIN_OPTIONS, MAX_OPTIONS = 200, 100, 2, 6
NEWS_WEEKS = 8  # a new news item expires after this many weeks unless the editor changes it
AUDIENCES = ("ouders", "jongeren", "professionals")
DATE_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})$")
END_OF_DAY = dt.time(23, 59)


class Reader:
    """One submitted form: what was typed, the first error per field, the clean values."""

    def __init__(self, form: Mapping):
        self.form = form
        self.typed: dict = {}
        self.errors: dict[str, str] = {}
        self.values: dict = {}

    @property
    def ok(self) -> bool:
        return not self.errors

    def fail(self, name: str, message) -> None:
        self.errors.setdefault(name, message)

    def all(self, name: str) -> list[str]:
        """Every value sent under one name (tick boxes, repeated fields)."""
        values = self.form.getlist(name) if hasattr(self.form, "getlist") else self.form.get(name, ())
        return [str(v).strip() for v in values]

    def raw(self, name: str) -> str:
        value = str(self.form.get(name, "") or "").replace("\r\n", "\n").strip()
        self.typed[name] = value
        return value

    def text(self, name: str, limit: int, missing=None) -> str:
        """A text; `missing` is the message when it is required and empty."""
        value = self.raw(name)
        if not value and missing:
            self.fail(name, missing)
        elif len(value) > limit:
            self.fail(name, _l("Dit is te lang: %(n)d tekens, er passen er %(limit)d.", n=len(value), limit=limit))
        return value

    def date(self, name: str, missing=None) -> dt.date | None:
        return self._parsed(name, missing, parse_date,
                            _l("Schrijf de datum als dag-maand-jaar, bijvoorbeeld 14-03-2027."))

    def time(self, name: str, missing=None) -> dt.time | None:
        return self._parsed(name, missing, parse_time, _l("Schrijf de tijd als uren en minuten, bijvoorbeeld 19:30."))

    def _parsed(self, name: str, missing, parse, wrong):
        """A value `parse` reads (None when it cannot); `missing`: the message when required and empty."""
        value = self.raw(name)
        if not value:
            if missing:
                self.fail(name, missing)
            return None
        parsed = parse(value)
        if parsed is None:
            self.fail(name, wrong)
        return parsed

    def choice(self, name: str, options: Iterable[str], missing) -> str | None:
        value = self.raw(name)
        if value not in options:
            self.fail(name, missing)
            return None
        return value

    def many(self, name: str, options: Iterable[str]) -> list[str]:
        """The ticked boxes that are real options, in the options' order."""
        ticked = set(self.all(name))
        chosen = [o for o in options if o in ticked]
        self.typed[name] = chosen
        return chosen

    def url(self, name: str, missing=None) -> str | None:
        return self._parsed(name, missing, lambda v: v if len(v) <= LINK and valid_url(v) else None,
                            _l("Vul een volledige link in die begint met https:// of http://, zoals "
                               "https://www.voorbeeld.nl/aanmelden."))


def parse_date(text: str) -> dt.date | None:
    """A date as the date field sends it (2027-03-14) or as people write it (14-3-2027)."""
    try:
        if match := DATE_RE.match(text):
            day, month, year = (int(g) for g in match.groups())
            value = dt.date(year, month, day)
        else:
            value = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return value if 2000 <= value.year <= 2100 else None


def parse_time(text: str) -> dt.time | None:
    """A time as 19:30 or 19.30."""
    match = TIME_RE.match(text)
    if match is None:
        return None
    hours, minutes = int(match.group(1)), int(match.group(2))
    return dt.time(hours, minutes) if hours < 24 and minutes < 60 else None


def valid_url(text: str) -> bool:
    """An http(s) link with a host name that has a dot in it, and no spaces."""
    parts = urlsplit(text)
    host = parts.hostname or ""
    return (parts.scheme in ("http", "https") and "." in host.strip(".") and not any(c.isspace() for c in text)
            and not parts.username and not parts.password)


def _site(reader: Reader) -> str | None:
    return reader.choice("site", SITES, _l("Kies op welke site dit komt."))


def _in_order(reader: Reader, first: str, last: str, message=None) -> None:
    """The date `last` may not come before the date `first`."""
    values = reader.values
    if values.get(first) and values.get(last) and values[last] < values[first]:
        reader.fail(last, message or _l("De laatste dag ligt voor de eerste dag. Kies een latere datum."))


def read_news(form: Mapping) -> Reader:
    r = Reader(form)
    r.values = {"site": _site(r),
                "title": r.text("title", TITLE, _l("Geef het bericht een titel.")),
                "summary": r.text("summary", SUMMARY, _l("Vat het bericht samen in een of twee zinnen.")),
                "body": r.text("body", BODY, _l("Schrijf de tekst van het bericht.")),
                "publishes_on": r.date("publishes_on", _l("Vul in vanaf welke dag het bericht te zien is.")),
                "expires_on": r.date("expires_on")}
    _in_order(r, "publishes_on", "expires_on")
    return r


def read_agenda(form: Mapping) -> Reader:
    r = Reader(form)
    values = {"site": _site(r),
              "title": r.text("title", TITLE, _l("Geef het agendapunt een titel.")),
              "description": r.text("description", DESCRIPTION, _l("Vertel in een paar zinnen wat er te doen is.")),
              "place": r.text("place", PLACE, _l("Vul in waar het is, bijvoorbeeld de naam van het gebouw en de "
                                                 "straat.")),
              "link": r.url("link"),
              "expires_on": r.date("expires_on")}
    start_date = r.date("start_date", _l("Vul de datum in."))
    start_time = r.time("start_time", _l("Vul in hoe laat het begint."))
    end_date, end_time = r.date("end_date"), r.time("end_time")
    if start_date and start_time:
        values["starts_at"] = starts = dt.datetime.combine(start_date, start_time)
        ends = None
        if end_time or end_date:
            ends = dt.datetime.combine(end_date or start_date, end_time or END_OF_DAY)
            if ends <= starts:
                r.fail("end_time" if end_time else "end_date",
                       _l("Het einde ligt voor het begin. Kies een latere tijd of datum."))
        values["ends_at"] = ends
        values["visible_until"] = agenda_visible_until(starts, ends, values["expires_on"])
    r.values = values
    return r


def agenda_visible_until(starts: dt.datetime, ends: dt.datetime | None, expires_on: dt.date | None) -> dt.datetime:
    """Until when an event is on the public pages: through its own expiry date
    when it has one, otherwise until it is over (the end of its day without an end time)."""
    if expires_on:
        return dt.datetime.combine(expires_on + dt.timedelta(days=1), dt.time())
    return ends or dt.datetime.combine(starts.date() + dt.timedelta(days=1), dt.time())


def read_course(form: Mapping, age_phases: Iterable[str]) -> Reader:
    r = Reader(form)
    values = {"title": r.text("title", TITLE, _l("Geef de cursus of activiteit een naam.")),
              "description": r.text("description", DESCRIPTION, _l("Vertel in een paar zinnen wat het is en voor "
                                                                   "wie.")),
              "starts_on": r.date("starts_on", _l("Vul de (eerste) datum in.")),
              "ends_on": r.date("ends_on"),
              "schedule": r.text("schedule", PLACE),
              "place": r.text("place", PLACE, _l("Vul in waar het is.")),
              "audiences": r.many("audiences", AUDIENCES),
              "age_phases": r.many("age_phases", tuple(age_phases)),
              "cost": r.text("cost", SHORT)}
    if not values["audiences"]:
        r.fail("audiences", _l("Kies voor wie het is: ouders, jongeren of professionals."))
    r.values = values
    _in_order(r, "starts_on", "ends_on",
              _l("De laatste datum ligt voor de eerste. Kies een latere datum of laat het veld leeg."))
    values["last_day"] = values["ends_on"] or values["starts_on"]
    signup = r.choice("signup", ("link", "none"), _l("Kies hoe mensen zich aanmelden."))
    values["no_signup"] = signup == "none"
    values["signup_url"] = r.url("signup_url", _l("Vul de link in waar mensen zich aanmelden, of kies "
                                                  "‘aanmelden niet nodig’.")) if signup == "link" else None
    return r


def read_poll(form: Mapping, options_locked: bool = False) -> Reader:
    """A poll; its answers are not read once votes are in (`options_locked`)."""
    r = Reader(form)
    r.values = values = {"site": _site(r),
                         "question": r.text("question", QUESTION, _l("Vul de vraag in.")),
                         "starts_on": r.date("starts_on", _l("Vul in vanaf welke dag de poll open is.")),
                         "ends_on": r.date("ends_on", _l("Vul in tot en met welke dag de poll open is."))}
    _in_order(r, "starts_on", "ends_on")
    if not options_locked:
        typed = r.typed["option"] = r.all("option")[:MAX_OPTIONS]
        labels = [o for o in typed if o]
        if len(labels) < MIN_OPTIONS:
            r.fail("option", _l("Geef minstens twee antwoorden."))
        elif any(len(o) > OPTION for o in labels):
            r.fail("option", _l("Een antwoord is te lang: er passen %(limit)d tekens in.", limit=OPTION))
        elif len({o.casefold() for o in labels}) < len(labels):
            r.fail("option", _l("Twee antwoorden zijn hetzelfde. Maak ze verschillend."))
        values["options"] = labels
    return r


def _iso(value) -> str:
    return value.isoformat() if value else ""


def typed_news(item, today: dt.date) -> dict:
    if item is None:
        return {"site": "both", "publishes_on": _iso(today), "expires_on": _iso(today + dt.timedelta(weeks=NEWS_WEEKS))}
    return {"site": item.site, "title": item.title, "summary": item.summary, "body": item.body,
            "publishes_on": _iso(item.publishes_on), "expires_on": _iso(item.expires_on)}


def typed_agenda(item=None) -> dict:
    if item is None:
        return {"site": "both"}
    ends = item.ends_at
    return {"site": item.site, "title": item.title, "description": item.description, "place": item.place,
            "link": item.link or "", "expires_on": _iso(item.expires_on),
            "start_date": _iso(item.starts_at.date()), "start_time": f"{item.starts_at:%H:%M}",
            "end_date": _iso(ends.date()) if ends and ends.date() != item.starts_at.date() else "",
            "end_time": f"{ends:%H:%M}" if ends and ends.time() != END_OF_DAY else ""}


def typed_course(item=None) -> dict:
    if item is None:
        return {"audiences": ["ouders"], "age_phases": [], "signup": "link"}
    return {"title": item.title, "description": item.description, "starts_on": _iso(item.starts_on),
            "ends_on": _iso(item.ends_on), "schedule": item.schedule, "place": item.place,
            "audiences": list(item.audiences), "age_phases": list(item.age_phases), "cost": item.cost,
            "signup": "none" if item.no_signup else "link", "signup_url": item.signup_url or ""}


def typed_poll(item=None) -> dict:
    if item is None:
        return {"site": "both", "option": []}
    return {"site": item.site, "question": item.question, "starts_on": _iso(item.starts_on),
            "ends_on": _iso(item.ends_on), "option": [o.label for o in item.options]}
