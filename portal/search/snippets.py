"""Highlighted snippets: the window of the text with the most matching words,
HTML-escaped, matches in <mark>. Word forms are analysed once and cached, so
this is much cheaper than re-analysing every hit's whole text."""
from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import escape

from portal.search.dutch import dutch_analyzer

WORD_RE = re.compile(r"\w+(?:[-']\w+)*")
WINDOW = 28  # words
_ANALYZER = dutch_analyzer()


@lru_cache(maxsize=200_000)
def forms(word: str) -> frozenset[str]:
    """Every indexed form of one word (stems, base words, compound parts)."""
    return frozenset(t.text for t in _ANALYZER(word.lower()))


def snippet(text: str, terms: set[str], window: int = WINDOW) -> str:
    """The best window of `text` for these analysed query terms; '' when nothing matches."""
    words = list(WORD_RE.finditer(text))
    hits = [i for i, m in enumerate(words) if forms(m.group()) & terms]
    if not hits:
        return ""
    best, best_count = hits[0], 0
    for start in hits:
        count = sum(1 for h in hits if start <= h < start + window)
        if count > best_count:
            best, best_count = start, count
    first = max(0, best - 4)
    last = min(len(words), first + window) - 1
    begin, end = words[first].start(), words[last].end()
    marked = set(hits)
    parts, cursor = [], begin
    for i in range(first, last + 1):
        m = words[i]
        parts.append(str(escape(text[cursor:m.start()])))
        parts.append(f"<mark>{escape(m.group())}</mark>" if i in marked else str(escape(m.group())))
        cursor = m.end()
    prefix = "… " if begin > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(parts) + suffix
