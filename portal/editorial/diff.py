"""Compare two drafts field by field (difflib): lines of the body, and within
a changed line the words, so a small correction shows as a small change.
Long unchanged stretches are folded into one row."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from portal.editorial.revisions import FACETS, Draft

CONTEXT = 2  # unchanged lines shown around a change
TOKEN_RE = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class Piece:
    kind: str  # equal | insert | delete
    text: str


@dataclass
class Row:
    kind: str  # equal | change | insert | delete | skip
    pieces: list[Piece] = field(default_factory=list)
    skipped: int = 0  # for kind "skip": how many unchanged lines are folded


@dataclass
class FieldDiff:
    name: str  # title | summary | body | audience | theme | age_phase | addition_to | review_by | example
    rows: list[Row]


def words(old: str, new: str) -> list[Piece]:
    """Word-level changes within one line or short text."""
    a, b = TOKEN_RE.findall(old), TOKEN_RE.findall(new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            _add(pieces, "delete", "".join(a[i1:i2]))
        if tag in ("insert", "replace"):
            _add(pieces, "insert", "".join(b[j1:j2]))
        if tag == "equal":
            _add(pieces, "equal", "".join(a[i1:i2]))
    return pieces


def _add(pieces: list[Piece], kind: str, text: str) -> None:
    if pieces and pieces[-1].kind == kind:
        pieces[-1].text += text
    elif text:
        pieces.append(Piece(kind, text))


def lines(old: str, new: str, context: int = CONTEXT) -> list[Row]:
    """Line-level changes; a replaced line is shown with its word changes."""
    a, b = old.splitlines(), new.splitlines()
    rows: list[Row] = []
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            rows += _unchanged(a[i1:i2], context, first=n == 0, last=n == len(opcodes) - 1)
            continue
        if tag == "replace":
            pairs = min(i2 - i1, j2 - j1)
            rows += [Row("change", words(a[i1 + k], b[j1 + k])) for k in range(pairs)]
            i1, j1 = i1 + pairs, j1 + pairs
        rows += [Row("delete", [Piece("delete", line)]) for line in a[i1:i2]]
        rows += [Row("insert", [Piece("insert", line)]) for line in b[j1:j2]]
    return rows


def _unchanged(block: list[str], context: int, first: bool, last: bool) -> list[Row]:
    """Unchanged lines: only `context` lines next to a change, the rest folded."""
    head = 0 if first else context
    tail = 0 if last else context
    if len(block) <= head + tail + 1:
        return [Row("equal", [Piece("equal", line)]) for line in block]
    rows = [Row("equal", [Piece("equal", line)]) for line in block[:head]]
    rows.append(Row("skip", skipped=len(block) - head - tail))
    rows += [Row("equal", [Piece("equal", line)]) for line in block[len(block) - tail:]]
    return rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def compare(old: Draft, new: Draft) -> list[FieldDiff]:
    """The fields that differ, in the order of the form."""
    changes = []
    for name in ("title", "summary"):
        if getattr(old, name) != getattr(new, name):
            changes.append(FieldDiff(name, [Row("change", words(getattr(old, name), getattr(new, name)))]))
    if old.body != new.body:
        changes.append(FieldDiff("body", lines(old.body, new.body)))
    for facet in FACETS:
        if old.facet(facet) != new.facet(facet):
            changes.append(FieldDiff(facet, [Row("change", words(", ".join(old.facet(facet)),
                                                                   ", ".join(new.facet(facet))))]))
    for name in ("addition_to", "review_by", "example"):
        before, after = _text(getattr(old, name)), _text(getattr(new, name))
        if before != after:
            changes.append(FieldDiff(name, [Row("change", words(before, after))]))
    return changes
