"""Dutch text analysis for search: Snowball stemming and Dutch stop words
(Whoosh's language analyzer for nl), plus irregular verb forms, parts of
compound words and synonyms from content/search-nl.yml."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

VOCABULARY = Path(__file__).resolve().parent.parent.parent / "content" / "search-nl.yml"
MIN_COMPOUND = 7


@lru_cache(maxsize=2)
def vocabulary(path: str | None = None) -> dict:
    raw = yaml.safe_load(Path(path or VOCABULARY).read_text("utf-8")) or {}
    synonyms: dict[str, set[str]] = {}
    for group in raw.get("synonyms", []):
        for word in group:
            synonyms.setdefault(word, set()).update(w for w in group if w != word)
    return {"synonyms": synonyms, "lemmas": dict(raw.get("lemmas", {})),
            "compound_parts": sorted(set(raw.get("compound_parts", [])), key=len, reverse=True)}


class WordFormFilter(Filter):
    """Adds the base word of an irregular form ("slaapt" -> "slapen") and the
    form without a final -t ("huilt" -> "huil") as tokens at the same position."""

    def __init__(self, lemmas: dict[str, str]):
        self.lemmas = lemmas

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            yield t
            extra = self.lemmas.get(text)
            if extra is None and len(text) > 4 and text.endswith("t") and not text.endswith(("tt", "st")):
                extra = text[:-1]
            if extra and extra != text:
                t.text = extra
                yield t


class CompoundFilter(Filter):
    """Adds the known parts of a compound word as tokens at the same position."""

    def __init__(self, parts: list[str]):
        self.parts = parts

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            yield t
            if len(text) < MIN_COMPOUND:
                continue
            for part in self.parts:
                if part != text and len(text) - len(part) >= 3 and (text.endswith(part) or text.startswith(part)):
                    t.text = part
                    yield t
                    t.text = text


def dutch_analyzer():
    """The analyzer for every full-text field, at index and at query time."""
    vocab = vocabulary()
    return (RegexTokenizer(r"\w+(?:[-']\w+)*") | LowercaseFilter() | CharsetFilter(accent_map)
            | WordFormFilter(vocab["lemmas"]) | CompoundFilter(vocab["compound_parts"])
            | StopFilter(stoplist=stopwords_for_language("nl"), minsize=2, renumber=False)
            | StemFilter(lang="nl", cachesize=50000))


def synonyms_of(word: str) -> set[str]:
    return vocabulary()["synonyms"].get(word.lower(), set())
