"""Whole numbers typed into URLs and forms. Plain module: no Flask."""
from __future__ import annotations

MAX_INT = 2**31 - 1  # the largest INTEGER of PostgreSQL


def whole_number(text: str | None, low: int = 0, high: int = MAX_INT) -> int | None:
    """`text` as an int when it is ASCII digits within low..high, else None.
    (str.isdigit() also accepts '²', which int() refuses, and a number past
    the database's INTEGER fails in the query.)"""
    if not text or len(text) > len(str(MAX_INT)) or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if low <= value <= high else None
