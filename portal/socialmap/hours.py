"""Opening hours: weekly periods, exceptions and Dutch public holidays.

Plain module, no Flask, no database. The rules (docs/socialmap.md):

- All times are wall-clock times in Europe/Amsterdam. Functions that take a
  moment reject naive datetimes (ValueError); results are aware datetimes in
  Europe/Amsterdam.
- A period opens and closes on the same day: "09:00-11:00", closing "24:00"
  is allowed (until midnight), crossing midnight is not: write
  "22:00-24:00" on one day and "00:00-02:00" on the next: the opening then
  runs on without a gap. Touching periods of one day are merged.
- Daylight saving time: a wall time that does not exist (02:00-03:00 on the
  last Sunday of March) moves to the end of the gap (03:00), so a period
  02:00-03:00 on that day is empty. A wall time that exists twice (02:00-03:00
  on the last Sunday of October) means its first occurrence.
- A day's hours: the weekly periods when the date lies within
  valid_from..valid_until; a "closed" exception, or else a public holiday
  (when closed_on_holidays, the default; not Good Friday, see closing_holiday)
  removes them and gives the reason;
  "extra" openings on a date are added in every case.
- Several schedules together are open when any of them is open.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable
from zoneinfo import ZoneInfo

import holidays

TZ = ZoneInfo("Europe/Amsterdam")
HORIZON_DAYS = 400
OPEN_ON_HOLIDAYS = {"Good Friday"}  # English names of holidays.NL days that close nothing
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_NAMES = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTH_NAMES = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}
_PERIOD_RE = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
_SCHEDULE_KEYS = {"weekly", "valid_from", "valid_until", "closed_on_holidays", "closed", "extra", "example"}


class ScheduleError(ValueError):
    """An invalid schedule; `field` names the part, `message` says what is wrong (Dutch)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


@dataclass(frozen=True, order=True)
class Period:
    """Opening and closing time in minutes after midnight; closes may be 1440 (24:00)."""
    opens: int
    closes: int

    @classmethod
    def parse(cls, text: str) -> Period:
        m = _PERIOD_RE.match(str(text).strip())
        if not m:
            raise ScheduleError("", f"'{text}' is geen tijdvak als 09:00-11:00")
        oh, om, ch, cm = (int(g) for g in m.groups())
        if oh > 23 or om > 59 or cm > 59 or ch > 24 or (ch == 24 and cm):
            raise ScheduleError("", f"'{text}' bevat een ongeldige tijd")
        period = cls(oh * 60 + om, ch * 60 + cm)
        if period.closes <= period.opens:
            raise ScheduleError("", f"'{text}': sluiten moet na openen (over middernacht: splits in twee dagen)")
        return period

    def __str__(self) -> str:
        return f"{_clock(self.opens, ':', True)}-{_clock(self.closes, ':', True)}"

    def text(self, lang: str = "nl") -> str:
        sep = ":" if lang == "en" else "."
        return f"{_clock(self.opens, sep)}-{_clock(self.closes, sep)}"


@dataclass(frozen=True)
class Closure:
    """Closed all day on a date, with the reason shown to users."""
    date: dt.date
    reason: str = ""
    reason_en: str = ""


@dataclass(frozen=True)
class ExtraOpening:
    """Extra opening hours on one date."""
    date: dt.date
    periods: tuple[Period, ...]
    reason: str = ""
    reason_en: str = ""


@dataclass(frozen=True)
class Day:
    """The hours of one date; `reason` says why regular hours were cancelled."""
    date: dt.date
    periods: tuple[Period, ...] = ()
    reason: str = ""
    reason_en: str = ""

    @property
    def closed(self) -> bool:
        return not self.periods

    @property
    def minutes(self) -> int:
        """Wall-clock minutes open (a DST change is not subtracted)."""
        return sum(p.closes - p.opens for p in self.periods)

    def as_dict(self) -> dict:
        return {"date": self.date.isoformat(), "weekday": WEEKDAYS[self.date.weekday()],
                "periods": [{"opens": _clock(p.opens, ":", True), "closes": _clock(p.closes, ":", True)}
                            for p in self.periods],
                "closed": self.closed, "reason": self.reason or None, "reason_en": self.reason_en or None}


@dataclass(frozen=True)
class Schedule:
    """Weekly periods (0 = Monday) with validity dates and exceptions."""
    weekly: dict[int, tuple[Period, ...]] = field(default_factory=dict)
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    closures: tuple[Closure, ...] = ()
    extra: tuple[ExtraOpening, ...] = ()
    closed_on_holidays: bool = True
    example: bool = False

    def __post_init__(self):
        for wd, periods in self.weekly.items():
            _check_overlap(periods, f"weekly.{WEEKDAYS[wd]}")
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ScheduleError("valid_until", "ligt voor valid_from")
        for name, items in (("closed", self.closures), ("extra", self.extra)):
            dates = [i.date for i in items]
            if len(set(dates)) != len(dates):
                raise ScheduleError(name, "dezelfde datum staat er twee keer in")
        for e in self.extra:
            regular = self.regular(e.date) if e.date not in {c.date for c in self.closures} else ()
            _check_overlap(tuple(regular) + e.periods, f"extra.{e.date.isoformat()}")

    @classmethod
    def from_dict(cls, data: dict) -> Schedule:
        """Build from the YAML shape of docs/socialmap.md; raises ScheduleError."""
        if not isinstance(data, dict):
            raise ScheduleError("", "moet een lijst van velden zijn")
        for key in data:
            if key not in _SCHEDULE_KEYS:
                raise ScheduleError(str(key), "onbekend veld")
        weekly_raw = data.get("weekly") or {}
        if not isinstance(weekly_raw, dict):
            raise ScheduleError("weekly", "moet per weekdag een lijst van tijdvakken geven")
        weekly = {}
        for day, periods in weekly_raw.items():
            if day not in WEEKDAYS:
                raise ScheduleError(f"weekly.{day}", f"onbekende weekdag (gebruik {', '.join(WEEKDAYS)})")
            weekly[WEEKDAYS.index(day)] = _periods(periods, f"weekly.{day}")
        flag = data.get("closed_on_holidays", True)
        if not isinstance(flag, bool) or not isinstance(data.get("example", False), bool):
            raise ScheduleError("closed_on_holidays" if not isinstance(flag, bool) else "example",
                                "moet true of false zijn")
        closures = tuple(Closure(_date(item.get("date"), f"closed[{i}].date"), *_reasons(item, f"closed[{i}]"))
                         for i, item in enumerate(_items(data.get("closed"), "closed")))
        extra = tuple(ExtraOpening(_date(item.get("date"), f"extra[{i}].date"),
                                   _periods(item.get("hours"), f"extra[{i}].hours"),
                                   *_reasons(item, f"extra[{i}]", ("hours",)))
                      for i, item in enumerate(_items(data.get("extra"), "extra")))
        return cls(weekly=weekly,
                   valid_from=_date(data["valid_from"], "valid_from") if data.get("valid_from") else None,
                   valid_until=_date(data["valid_until"], "valid_until") if data.get("valid_until") else None,
                   closures=closures, extra=extra, closed_on_holidays=flag,
                   example=data.get("example", False))

    def to_dict(self) -> dict:
        """The YAML/JSON shape that from_dict reads."""
        def reasons(item):
            return {k: v for k, v in (("reason", item.reason), ("reason_en", item.reason_en)) if v}
        data: dict = {"weekly": {WEEKDAYS[wd]: [str(p) for p in ps] for wd, ps in sorted(self.weekly.items())},
                      "closed_on_holidays": self.closed_on_holidays, "example": self.example}
        if self.valid_from:
            data["valid_from"] = self.valid_from.isoformat()
        if self.valid_until:
            data["valid_until"] = self.valid_until.isoformat()
        if self.closures:
            data["closed"] = [{"date": c.date.isoformat(), **reasons(c)} for c in self.closures]
        if self.extra:
            data["extra"] = [{"date": e.date.isoformat(), "hours": [str(p) for p in e.periods], **reasons(e)}
                             for e in self.extra]
        return data

    def regular(self, date: dt.date) -> tuple[Period, ...]:
        """The weekly periods of a date within valid_from..valid_until, before exceptions."""
        if (self.valid_from and date < self.valid_from) or (self.valid_until and date > self.valid_until):
            return ()
        return self.weekly.get(date.weekday(), ())

    def day(self, date: dt.date) -> Day:
        """This schedule's hours on one date."""
        regular, reason = self.regular(date), ("", "")
        closure = next((c for c in self.closures if c.date == date), None)
        if regular and closure:
            regular, reason = (), (closure.reason, closure.reason_en)
        elif regular and self.closed_on_holidays and closing_holiday(date):
            regular, reason = (), (closing_holiday(date, "nl"), closing_holiday(date, "en"))
        periods = tuple(sorted(regular + tuple(p for e in self.extra if e.date == date for p in e.periods)))
        return Day(date, periods) if periods else Day(date, (), *reason)


def holiday_name(date: dt.date, lang: str = "nl") -> str | None:
    """The name of the Dutch public holiday on `date` (package `holidays`), or None."""
    return _holidays(date.year, "en_US" if lang == "en" else "nl").get(date)


def closing_holiday(date: dt.date, lang: str = "nl") -> str | None:
    """The public holiday that closes a service on `date`, or None. Good Friday
    is in holidays.NL but is no general day off in the Netherlands: services stay open."""
    if holiday_name(date, "en") in OPEN_ON_HOLIDAYS:
        return None
    return holiday_name(date, lang)


@lru_cache(maxsize=32)
def _holidays(year: int, language: str) -> holidays.HolidayBase:
    return holidays.NL(years=year, language=language)


Schedules = Schedule | Iterable[Schedule] | None


def hours_on(schedules: Schedules, date: dt.date) -> Day:
    """The combined hours of one or more schedules on one date."""
    days = [s.day(date) for s in _as_list(schedules)]
    periods = _merge(p for d in days for p in d.periods)
    if periods:
        return Day(date, periods)
    return next((d for d in days if d.reason), Day(date))


def week(schedules: Schedules, week_start: dt.date) -> list[Day]:
    """Seven days of hours from week_start (any weekday; a Monday for a calendar week)."""
    schedules = _as_list(schedules)
    return [hours_on(schedules, week_start + dt.timedelta(days=i)) for i in range(7)]


def is_open(schedules: Schedules, at: dt.datetime) -> bool:
    """Whether any of the schedules is open at the moment `at` (aware)."""
    at = _aware(at)
    return any(start <= at < end for start, end in _intervals(schedules, at.astimezone(TZ).date()))


def next_opening(schedules: Schedules, after: dt.datetime,
                 horizon_days: int = HORIZON_DAYS) -> dt.datetime | None:
    """The first moment at or after `after` when open (`after` itself when open then),
    in Europe/Amsterdam; None when nothing opens within horizon_days."""
    after, schedules = _aware(after), _as_list(schedules)
    if is_open(schedules, after):
        return after.astimezone(TZ)
    first = after.astimezone(TZ).date()
    for i in range(horizon_days + 1):
        for start, _end in _intervals(schedules, first + dt.timedelta(days=i)):
            if start >= after:
                return start.astimezone(TZ)
    return None


def day_text(day: Day, lang: str = "nl", today: bool = False) -> str:
    """One day as text: 'dinsdag 9.00-11.00 uur', 'vandaag gesloten (Tweede kerstdag)',
    'Tuesday 9:00-11:00', 'closed today (Second Day of Christmas)'."""
    en = lang == "en"
    label = ("today" if en else "vandaag") if today else DAY_NAMES["en" if en else "nl"][day.date.weekday()]
    if day.closed:
        reason = (day.reason_en or day.reason) if en else day.reason
        text = (f"closed {label if today else 'on ' + label}" if en else f"{label} gesloten")
        return f"{text} ({reason})" if reason else text
    if day.periods == (Period(0, 1440),):
        return (f"open all day {label if today else 'on ' + label}" if en else f"{label} de hele dag open")
    joined = join_words([p.text(lang) for p in day.periods], lang)
    return f"{label} {joined}" if en else f"{label} {joined} uur"


def join_words(words: list[str], lang: str = "nl") -> str:
    """'a', 'a en b', 'a, b en c' ('and' in English)."""
    if len(words) < 2:
        return "".join(words)
    return ", ".join(words[:-1]) + (" and " if lang == "en" else " en ") + words[-1]


def week_text(schedules: Schedules, week_start: dt.date, lang: str = "nl") -> list[str]:
    """One line per day, as day_text."""
    return [day_text(d, lang) for d in week(schedules, week_start)]


def today_text(schedules: Schedules, at: dt.datetime, lang: str = "nl") -> str:
    """Today's hours: "vandaag 9.00-11.00 uur" / "closed today (Second Day of Christmas)"."""
    return day_text(hours_on(schedules, _aware(at).astimezone(TZ).date()), lang, today=True)


def hours_text(schedules: Schedules, at: dt.datetime, lang: str = "nl") -> str:
    """A short status sentence: open now, or closed and when open again."""
    en, local, schedules = lang == "en", _aware(at).astimezone(TZ), _as_list(schedules)
    if not schedules:
        return "No opening hours known." if en else "Er zijn geen openingstijden bekend."
    today = hours_on(schedules, local.date())
    if is_open(schedules, local):
        if today.periods == (Period(0, 1440),):
            return _sentence(day_text(today, lang, today=True))
        return ("Open now: " if en else "Nu open: ") + day_text(today, lang, today=True) + "."
    head = _sentence(day_text(today, lang, today=True) if today.reason else ("closed now" if en else "nu gesloten"))
    nxt = next_opening(schedules, local)
    if nxt is None:
        return head + (" No further opening hours known." if en else " Er zijn geen nieuwe openingstijden bekend.")
    clock = _clock(nxt.hour * 60 + nxt.minute, ":" if en else ".")
    days_ahead, names = (nxt.date() - local.date()).days, "en" if en else "nl"
    if days_ahead < 2:
        when = (("today", "tomorrow") if en else ("vandaag", "morgen"))[days_ahead]
    else:
        when = (("on " if en else "op ") + f"{DAY_NAMES[names][nxt.weekday()]} {nxt.day} "
                f"{MONTH_NAMES[names][nxt.month - 1]}")
    return head + (f" Opens again {when} at {clock}." if en else f" Weer open {when} om {clock} uur.")


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] + "."


def _clock(minutes: int, sep: str, pad: bool = False) -> str:
    hours = f"{minutes // 60:02d}" if pad else str(minutes // 60)
    return f"{hours}{sep}{minutes % 60:02d}"


def _aware(moment: dt.datetime) -> dt.datetime:
    if not isinstance(moment, dt.datetime):
        raise TypeError("a datetime is needed")
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("naive datetime: give a time zone (for example Europe/Amsterdam)")
    return moment


def _as_list(schedules: Schedules) -> list[Schedule]:
    if schedules is None:
        return []
    return [schedules] if isinstance(schedules, Schedule) else list(schedules)


def _merge(periods: Iterable[Period]) -> tuple[Period, ...]:
    merged: list[Period] = []
    for p in sorted(periods):
        if merged and p.opens <= merged[-1].closes:
            merged[-1] = Period(merged[-1].opens, max(merged[-1].closes, p.closes))
        else:
            merged.append(p)
    return tuple(merged)


def _instant(date: dt.date, minutes: int) -> dt.datetime:
    """The UTC moment of a wall time; a time in the spring DST gap moves to the gap's end."""
    naive = dt.datetime.combine(date, dt.time()) + dt.timedelta(minutes=minutes)
    for _ in range(180):  # a DST gap lasts one hour; three hours is ample
        local = naive.replace(tzinfo=TZ)
        utc = local.astimezone(dt.timezone.utc)
        if utc.astimezone(TZ).replace(tzinfo=None) == naive:
            return utc
        naive += dt.timedelta(minutes=1)
    raise ValueError(f"no valid time near {date} {minutes} minutes")


def _intervals(schedules: Schedules, date: dt.date) -> list[tuple[dt.datetime, dt.datetime]]:
    """The open intervals of one date as UTC moments; empty ones (DST gap) are left out."""
    spans = ((_instant(date, p.opens), _instant(date, p.closes)) for p in hours_on(schedules, date).periods)
    return [(start, end) for start, end in spans if start < end]


def _check_overlap(periods: tuple[Period, ...], where: str) -> None:
    ordered = sorted(periods)
    for a, b in zip(ordered, ordered[1:]):
        if b.opens < a.closes:
            raise ScheduleError(where, f"tijdvakken {a} en {b} overlappen")


def _periods(value, where: str) -> tuple[Period, ...]:
    if not isinstance(value, list) or not value:
        raise ScheduleError(where, "moet een lijst van tijdvakken zijn, zoals [\"09:00-11:00\"]")
    try:
        return tuple(Period.parse(v) for v in value)
    except ScheduleError as exc:
        raise ScheduleError(where, exc.message) from None


def _items(value, where: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ScheduleError(where, "moet een lijst zijn met per item een date")
    return value


def _reasons(item: dict, where: str, extra_keys: tuple[str, ...] = ()) -> tuple[str, str]:
    for key in item:
        if key not in ("date", "reason", "reason_en", *extra_keys):
            raise ScheduleError(f"{where}.{key}", "onbekend veld")
    return str(item.get("reason") or ""), str(item.get("reason_en") or "")


def _date(value, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ScheduleError(where, f"'{value}' is geen datum (JJJJ-MM-DD)") from None
