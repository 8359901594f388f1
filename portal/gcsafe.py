"""Work around a heap corruption in CPython 3.11 (docs/reliability.md).

CPython 3.11 creates an object's ``__dict__`` from its inline attribute values
("materializing" it) in a way that is not re-entrant: allocating the new dict
object can start an automatic garbage collection, and a weakref callback run by
that collection can write to the same object and materialize and resize its
``__dict__`` first. The outer call then installs a second dict over the values
array that was just freed: a use-after-free that ends in "free(): invalid
pointer" or a segmentation fault later. SQLAlchemy's InstanceState (``__slots__``
with ``__dict__``) and its weakref callback InstanceState._cleanup hit this when
mapped objects are cyclic garbage (for example held by a template context that
an ``{% import ... with context %}`` keeps in a cycle) while the session closes.
Python 3.12 does not corrupt the heap here.

So on 3.11 the automatic collector is switched off and the portal collects
itself at a safe point: at the end of every app context (after the database
session is closed), with the same generation thresholds the automatic
collector uses. An explicit gc.collect() never runs inside a C-level
attribute store, so the re-entrancy cannot happen.
"""
from __future__ import annotations

import gc
import os
import sys

AFFECTED = sys.version_info[:2] == (3, 11)


def wanted() -> bool:
    """On by default on Python 3.11; GC_AT_SAFE_POINTS=0 turns it off."""
    setting = os.environ.get("GC_AT_SAFE_POINTS", "")
    if setting:
        return setting.lower() in ("1", "true", "yes")
    return AFFECTED


def collect_if_due() -> int | None:
    """Collect the oldest generation whose threshold is reached, as the automatic
    collector would; returns the generation collected, or None."""
    if gc.isenabled():  # someone turned automatic collection back on: nothing to do
        return None
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if not thresholds[0] or counts[0] < thresholds[0]:
        return None
    generation = 0
    if counts[1] >= thresholds[1]:
        generation = 1
        if counts[2] >= thresholds[2]:
            generation = 2
    gc.collect(generation)
    return generation


def register(app) -> None:
    """Call before db.init_app: teardown functions run in reverse order, so this
    one runs after Flask-SQLAlchemy has closed the request's session."""
    if not wanted():
        return
    gc.disable()

    @app.teardown_appcontext
    def collect_garbage(exc):
        collect_if_due()
