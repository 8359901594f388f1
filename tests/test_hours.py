"""The opening-hours engine (portal/socialmap/hours.py): plain Python, no Flask."""
from __future__ import annotations

import datetime as dt

import pytest

from portal.socialmap.hours import (TZ, Day, Period, Schedule, ScheduleError, day_text, holiday_name,
                                    hours_on, hours_text, is_open, join_words, next_opening, today_text,
                                    week, week_text)

UTC = dt.timezone.utc


def at(y, m, d, h=0, mi=0, fold=0) -> dt.datetime:
    return dt.datetime(y, m, d, h, mi, tzinfo=TZ, fold=fold)


def sched(weekly: dict, **extra) -> Schedule:
    return Schedule.from_dict({"weekly": weekly, **extra})


# --- periods and validation ---------------------------------------------------

def test_period_parse_and_text():
    p = Period.parse("09:00-11:00")
    assert (p.opens, p.closes) == (540, 660)
    assert str(p) == "09:00-11:00"
    assert p.text() == "9.00-11.00" and p.text("en") == "9:00-11:00"
    assert Period.parse("23:00-24:00").closes == 1440


@pytest.mark.parametrize("text", ["11:00-09:00", "09:00-09:00", "25:00-26:00", "09:00-24:30",
                                  "9-11", "09:60-10:00", "22:00-02:00"])
def test_invalid_periods(text):
    with pytest.raises(ScheduleError):
        Period.parse(text)


@pytest.mark.parametrize("data, field", [
    ({"weekly": {"dinsdag": ["09:00-11:00"]}}, "weekly.dinsdag"),
    ({"weekly": {"tuesday": ["11:00-09:00"]}}, "weekly.tuesday"),
    ({"weekly": {"tuesday": ["09:00-11:00", "10:30-12:00"]}}, "weekly.tuesday"),
    ({"weekly": {"tuesday": "09:00-11:00"}}, "weekly.tuesday"),
    ({"weekly": {}, "valid_from": "2026-05-01", "valid_until": "2026-04-01"}, "valid_until"),
    ({"weekly": {}, "closed": [{"date": "2026-13-01"}]}, "closed[0].date"),
    ({"weekly": {"tuesday": ["09:00-11:00"]}, "extra": [{"date": "2026-11-24", "hours": ["10:00-12:00"]}]},
     "extra.2026-11-24"),
    ({"weekly": {}, "closed": [{"date": "2026-11-24"}, {"date": "2026-11-24"}]}, "closed"),
    ({"weekly": {}, "closed_on_holidays": "ja"}, "closed_on_holidays"),
    ({"weekly": {}, "opening": []}, "opening"),
])
def test_invalid_schedules(data, field):
    with pytest.raises(ScheduleError) as exc:
        Schedule.from_dict(data)
    assert exc.value.field == field
    assert exc.value.message


def test_round_trip():
    data = {"weekly": {"tuesday": ["09:00-11:00", "13:00-15:00"]}, "closed_on_holidays": False,
            "example": True, "valid_from": "2026-01-01", "valid_until": "2026-12-31",
            "closed": [{"date": "2026-11-24", "reason": "Teamdag", "reason_en": "Team day"}],
            "extra": [{"date": "2026-11-29", "hours": ["10:00-12:00"], "reason": "Open dag"}]}
    schedule = Schedule.from_dict(data)
    assert schedule.to_dict() == data
    assert Schedule.from_dict(schedule.to_dict()) == schedule


def test_naive_datetimes_are_rejected():
    s = sched({"monday": ["09:00-11:00"]})
    with pytest.raises(ValueError):
        is_open(s, dt.datetime(2026, 11, 23, 10))
    with pytest.raises(ValueError):
        next_opening(s, dt.datetime(2026, 11, 23, 10))


# --- weekly periods ---------------------------------------------------------------

def test_several_periods_a_day():
    s = sched({"tuesday": ["09:00-11:00", "13:00-15:00"]})
    assert is_open(s, at(2026, 11, 24, 9))
    assert is_open(s, at(2026, 11, 24, 10, 59))
    assert not is_open(s, at(2026, 11, 24, 11))  # closing time is exclusive
    assert not is_open(s, at(2026, 11, 24, 12))
    assert is_open(s, at(2026, 11, 24, 14))
    assert next_opening(s, at(2026, 11, 24, 11, 30)) == at(2026, 11, 24, 13)
    day = hours_on(s, dt.date(2026, 11, 24))
    assert day.minutes == 240
    assert day_text(day) == "dinsdag 9.00-11.00 en 13.00-15.00 uur"
    assert day_text(day, "en") == "Tuesday 9:00-11:00 and 13:00-15:00"


def test_other_time_zone_and_utc_input():
    s = sched({"tuesday": ["09:00-11:00"]})
    assert is_open(s, dt.datetime(2026, 11, 24, 8, 30, tzinfo=UTC))  # 9:30 in Amsterdam (CET)
    assert not is_open(s, dt.datetime(2026, 11, 24, 10, 30, tzinfo=UTC))
    nxt = next_opening(s, dt.datetime(2026, 11, 23, 12, tzinfo=UTC))
    assert nxt.isoformat() == "2026-11-24T09:00:00+01:00"


def test_next_opening_across_a_week():
    s = sched({"monday": ["09:00-11:00"]})
    assert next_opening(s, at(2026, 11, 23, 11)) == at(2026, 11, 30, 9)
    assert next_opening(s, at(2026, 11, 23, 10)) == at(2026, 11, 23, 10)  # open: the moment itself
    assert next_opening(s, at(2026, 11, 23, 8)) == at(2026, 11, 23, 9)


def test_no_schedules():
    assert not is_open([], at(2026, 11, 23, 10))
    assert next_opening(None, at(2026, 11, 23, 10)) is None
    assert hours_text([], at(2026, 11, 23, 10)) == "Er zijn geen openingstijden bekend."
    assert hours_text(None, at(2026, 11, 23, 10), "en") == "No opening hours known."
    ended = sched({"monday": ["09:00-11:00"]}, valid_until="2026-11-01")
    assert hours_text(ended, at(2026, 11, 23, 10)) == "Nu gesloten. Er zijn geen nieuwe openingstijden bekend."


def test_around_midnight():
    s = sched({"monday": ["23:00-24:00"], "tuesday": ["00:00-01:00"]})
    assert not is_open(s, at(2026, 11, 23, 22, 59))
    assert is_open(s, at(2026, 11, 23, 23))
    assert is_open(s, dt.datetime(2026, 11, 23, 23, 59, 59, tzinfo=TZ))
    assert is_open(s, at(2026, 11, 24, 0))
    assert not is_open(s, at(2026, 11, 24, 1))
    assert next_opening(s, at(2026, 11, 23, 12)) == at(2026, 11, 23, 23)
    assert day_text(hours_on(s, dt.date(2026, 11, 23))) == "maandag 23.00-24.00 uur"
    only_monday = sched({"monday": ["23:00-24:00"]})
    assert not is_open(only_monday, at(2026, 11, 24, 0))


def test_whole_day():
    s = sched({"sunday": ["00:00-24:00"]})
    assert is_open(s, at(2026, 11, 29, 0)) and is_open(s, at(2026, 11, 29, 23, 59))
    assert day_text(hours_on(s, dt.date(2026, 11, 29))) == "zondag de hele dag open"
    assert day_text(hours_on(s, dt.date(2026, 11, 29)), "en") == "open all day on Sunday"
    assert hours_text(s, at(2026, 11, 29, 3)) == "Vandaag de hele dag open."
    assert hours_text(s, at(2026, 11, 29, 3), "en") == "Open all day today."


# --- daylight saving time -----------------------------------------------------------

def test_dst_spring_forward():
    """29 March 2026: 02:00 CET jumps to 03:00 CEST."""
    long_night = sched({"sunday": ["01:00-04:00"]})
    assert is_open(long_night, at(2026, 3, 29, 1, 30))
    assert is_open(long_night, at(2026, 3, 29, 3, 30))
    assert not is_open(long_night, at(2026, 3, 29, 4))
    # the gap hour: a period 02:00-03:00 is empty that day, and nothing crashes
    gap = sched({"sunday": ["02:00-03:00"]})
    assert not any(is_open(gap, dt.datetime(2026, 3, 29, 0, 0, tzinfo=UTC) + dt.timedelta(minutes=m))
                   for m in range(0, 180, 10))
    nxt = next_opening(gap, at(2026, 3, 28, 12))
    assert nxt.isoformat() == "2026-04-12T02:00:00+02:00"  # 5 April is Eerste paasdag
    # a period starting inside the gap starts at the gap's end
    late = sched({"sunday": ["02:30-04:00"]})
    assert next_opening(late, at(2026, 3, 29, 0)).isoformat() == "2026-03-29T03:00:00+02:00"
    assert day_text(week(gap, dt.date(2026, 3, 23))[6]) == "zondag 2.00-3.00 uur"  # wall times as written


def test_dst_fall_back():
    """25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:00-03:00 happens twice."""
    s = sched({"sunday": ["02:00-03:00"]})
    first, second = at(2026, 10, 25, 2, 30, fold=0), at(2026, 10, 25, 2, 30, fold=1)
    assert first.utcoffset() != second.utcoffset()
    assert is_open(s, first) and is_open(s, second)  # from the first 02:00 to 03:00 CET
    assert not is_open(s, at(2026, 10, 25, 3))
    assert next_opening(s, at(2026, 10, 25, 1)).isoformat() == "2026-10-25T02:00:00+02:00"
    assert next_opening(s, at(2026, 10, 25, 3)).isoformat() == "2026-11-01T02:00:00+01:00"


def test_opening_hours_keep_wall_time_across_dst():
    s = sched({"monday": ["09:00-11:00"]})
    before = next_opening(s, at(2026, 10, 14))
    after = next_opening(s, at(2026, 10, 27))
    assert (before.hour, after.hour) == (9, 9)
    assert before.isoformat().endswith("+02:00") and after.isoformat().endswith("+01:00")


# --- holidays and exceptions ----------------------------------------------------

def test_holiday_names():
    assert holiday_name(dt.date(2026, 12, 26)) == "Tweede kerstdag"
    assert holiday_name(dt.date(2026, 12, 26), "en") == "Second Day of Christmas"
    assert holiday_name(dt.date(2026, 4, 27)) == "Koningsdag"
    assert holiday_name(dt.date(2025, 4, 26)) == "Koningsdag"  # 27 April 2025 was a Sunday
    assert holiday_name(dt.date(2026, 11, 24)) is None


def test_closed_on_public_holidays():
    saturday = sched({"saturday": ["09:00-11:00"]})
    assert not is_open(saturday, at(2026, 12, 26, 10))  # Tweede kerstdag
    assert today_text(saturday, at(2026, 12, 26, 10)) == "vandaag gesloten (Tweede kerstdag)"
    assert today_text(saturday, at(2026, 12, 26, 10), "en") == "closed today (Second Day of Christmas)"
    assert is_open(saturday, at(2027, 1, 2, 10))
    monday = sched({"monday": ["09:00-11:00"]})
    assert not is_open(monday, at(2026, 4, 27, 10))  # Koningsdag
    day = hours_on(monday, dt.date(2026, 4, 27))
    assert (day.closed, day.reason, day.reason_en) == (True, "Koningsdag", "King's Day")


def test_open_on_holidays_when_the_flag_says_so():
    s = sched({"monday": ["09:00-11:00"]}, closed_on_holidays=False)
    assert is_open(s, at(2026, 4, 27, 10))


def test_next_opening_across_a_holiday():
    monday = sched({"monday": ["09:00-11:00"]})
    assert next_opening(monday, at(2026, 4, 26, 12)) == at(2026, 5, 4, 9)  # skips Koningsdag
    assert next_opening(monday, at(2026, 4, 3, 12)) == at(2026, 4, 13, 9)  # skips Tweede paasdag


def test_closed_on_a_date():
    s = sched({"tuesday": ["09:00-11:00"]},
              closed=[{"date": "2026-11-24", "reason": "Teamdag", "reason_en": "Team day"}])
    assert not is_open(s, at(2026, 11, 24, 10))
    assert today_text(s, at(2026, 11, 24, 10)) == "vandaag gesloten (Teamdag)"
    assert today_text(s, at(2026, 11, 24, 10), "en") == "closed today (Team day)"
    assert next_opening(s, at(2026, 11, 24, 8)) == at(2026, 12, 1, 9)


def test_extra_openings():
    s = sched({"tuesday": ["09:00-11:00"]},
              extra=[{"date": "2026-11-29", "hours": ["13:00-15:00"], "reason": "Open dag"},
                     {"date": "2026-12-26", "hours": ["10:00-12:00"]},
                     {"date": "2026-12-01", "hours": ["13:00-14:00"]}],
              closed=[{"date": "2026-12-01", "reason": "Verhuizing"}])
    assert is_open(s, at(2026, 11, 29, 14))  # a Sunday
    assert next_opening(s, at(2026, 11, 25)) == at(2026, 11, 29, 13)
    assert is_open(s, at(2026, 12, 26, 11))  # an extra opening on a public holiday counts
    assert not is_open(s, at(2026, 12, 1, 10)) and is_open(s, at(2026, 12, 1, 13, 30))  # moved hours
    assert day_text(hours_on(s, dt.date(2026, 12, 1))) == "dinsdag 13.00-14.00 uur"


def test_valid_from_and_until():
    s = sched({"wednesday": ["09:00-11:00"]}, valid_from="2026-12-01", valid_until="2026-12-31")
    assert not is_open(s, at(2026, 11, 25, 10))
    assert is_open(s, at(2026, 12, 2, 10))
    assert is_open(s, at(2026, 12, 30, 10))
    assert not is_open(s, at(2027, 1, 6, 10))
    assert next_opening(s, at(2026, 11, 20)) == at(2026, 12, 2, 9)
    assert next_opening(s, at(2026, 12, 31)) is None


def test_horizon_is_bounded():
    s = sched({"monday": ["09:00-11:00"]}, valid_from="2028-06-12")
    assert next_opening(s, at(2026, 11, 23)) is None  # more than 400 days ahead
    assert next_opening(s, at(2026, 11, 23), horizon_days=1000) == at(2028, 6, 12, 9)


# --- several schedules ------------------------------------------------------------

def test_several_schedules_are_combined():
    a = sched({"monday": ["09:00-11:00"]})
    b = sched({"monday": ["10:00-12:00"], "friday": ["09:00-10:00"]})
    assert is_open([a, b], at(2026, 11, 23, 11, 30))
    assert not is_open([a, b], at(2026, 11, 23, 12))
    assert hours_on([a, b], dt.date(2026, 11, 23)).periods == (Period(540, 720),)
    assert next_opening([a, b], at(2026, 11, 23, 12)) == at(2026, 11, 27, 9)
    assert next_opening((s for s in [a, b]), at(2026, 11, 23, 12)) == at(2026, 11, 27, 9)  # any iterable
    assert hours_on([a, b], dt.date(2026, 4, 27)).reason == "Koningsdag"


# --- week and texts ---------------------------------------------------------------

def test_week():
    s = sched({"tuesday": ["09:00-11:00"], "saturday": ["10:00-12:00"]})
    days = week(s, dt.date(2026, 12, 21))
    assert [d.date.isoformat() for d in days][0::6] == ["2026-12-21", "2026-12-27"]
    assert [d.closed for d in days] == [True, False, True, True, True, True, True]
    assert days[5].reason == "Tweede kerstdag"
    assert days[1].as_dict() == {"date": "2026-12-22", "weekday": "tuesday",
                                 "periods": [{"opens": "09:00", "closes": "11:00"}],
                                 "closed": False, "reason": None, "reason_en": None}
    assert week_text(s, dt.date(2026, 12, 21))[1:3] == ["dinsdag 9.00-11.00 uur", "woensdag gesloten"]
    assert week_text(s, dt.date(2026, 12, 21))[5] == "zaterdag gesloten (Tweede kerstdag)"
    assert week_text(s, dt.date(2026, 12, 21), "en")[5] == "closed on Saturday (Second Day of Christmas)"
    assert week_text(s, dt.date(2026, 12, 21), "en")[1] == "Tuesday 9:00-11:00"


def test_today_text():
    s = sched({"tuesday": ["09:00-11:00"]})
    assert today_text(s, at(2026, 11, 24, 7)) == "vandaag 9.00-11.00 uur"
    assert today_text(s, at(2026, 11, 24, 7), "en") == "today 9:00-11:00"
    assert today_text(s, at(2026, 11, 25, 7)) == "vandaag gesloten"
    assert today_text(s, at(2026, 11, 25, 7), "en") == "closed today"


def test_hours_text():
    s = sched({"tuesday": ["09:00-11:00"], "saturday": ["09:00-11:00"]})
    assert hours_text(s, at(2026, 11, 24, 10)) == "Nu open: vandaag 9.00-11.00 uur."
    assert hours_text(s, at(2026, 11, 24, 10), "en") == "Open now: today 9:00-11:00."
    assert hours_text(s, at(2026, 11, 24, 8)) == "Nu gesloten. Weer open vandaag om 9.00 uur."
    assert hours_text(s, at(2026, 11, 23, 8)) == "Nu gesloten. Weer open morgen om 9.00 uur."
    assert hours_text(s, at(2026, 11, 25, 8)) == "Nu gesloten. Weer open op zaterdag 28 november om 9.00 uur."
    assert hours_text(s, at(2026, 11, 25, 8), "en") == "Closed now. Opens again on Saturday 28 November at 9:00."
    assert hours_text(s, at(2026, 12, 26, 10)) == ("Vandaag gesloten (Tweede kerstdag). "
                                                  "Weer open op dinsdag 29 december om 9.00 uur.")


def test_join_words():
    assert join_words(["a"]) == "a"
    assert join_words(["a", "b", "c"]) == "a, b en c"
    assert join_words(["a", "b"], "en") == "a and b"


def test_day_without_reason():
    assert day_text(Day(dt.date(2026, 11, 25))) == "woensdag gesloten"
    assert day_text(Day(dt.date(2026, 11, 25)), "en") == "closed on Wednesday"
