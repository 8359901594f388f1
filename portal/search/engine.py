"""Full-text search over articles with Whoosh: a Dutch analyzer, synonyms,
typo tolerance, facets, highlighted snippets and pagination."""
from __future__ import annotations

import fcntl
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape
from whoosh import index as whoosh_index
from whoosh import sorting, writing
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.highlight import ContextFragmenter, HtmlFormatter
from whoosh.query import And, FuzzyTerm, Or, Term

from portal.search.dutch import dutch_analyzer, synonyms_of

FACETS = ("audience", "theme", "age_phase")
TEXT_FIELDS = {"title": 4.0, "summary": 2.0, "body": 1.0}


def _schema() -> Schema:
    analyzer = dutch_analyzer()
    return Schema(
        slug=ID(stored=True, unique=True), url=STORED, source=ID(stored=True), municipality=ID(stored=True),
        title=TEXT(analyzer=analyzer, stored=True, field_boost=TEXT_FIELDS["title"]),
        summary=TEXT(analyzer=analyzer, stored=True), body=TEXT(analyzer=analyzer, stored=True),
        audience=KEYWORD(stored=True, commas=True), theme=KEYWORD(stored=True, commas=True),
        age_phase=KEYWORD(stored=True, commas=True),
    )


@dataclass
class SearchDocument:
    slug: str
    url: str
    title: str
    summary: str
    body: str
    source: str
    municipality: str
    audiences: list[str]
    themes: list[str]
    age_phases: list[str]


@dataclass
class Hit:
    slug: str
    url: str
    title: str
    summary: str
    snippet: str  # HTML: escaped text with <mark> around matches
    score: float
    source: str
    audiences: list[str]
    themes: list[str]


@dataclass
class SearchResult:
    query: str
    total: int
    page: int
    page_size: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    fuzzy_terms: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


class SearchIndex:
    """One Whoosh index directory. Safe for several processes: one writer at a
    time (a file lock), readers refresh when a new generation is committed."""

    def __init__(self, directory: str | os.PathLike):
        self.directory = Path(directory)
        self._ix = None
        self._searcher = None
        self._lock = threading.Lock()

    def exists(self) -> bool:
        return whoosh_index.exists_in(self.directory)

    def rebuild(self, documents) -> int:
        """Replace the whole index with these documents in one commit."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.directory / ".rebuild.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            ix = whoosh_index.open_dir(self.directory) if self.exists() else whoosh_index.create_in(self.directory, _schema())
            writer = ix.writer(limitmb=128)
            count = 0
            for doc in documents:
                writer.add_document(
                    slug=doc.slug, url=doc.url, source=doc.source, municipality=doc.municipality or "",
                    title=doc.title, summary=doc.summary, body=doc.body,
                    audience=",".join(doc.audiences), theme=",".join(doc.themes), age_phase=",".join(doc.age_phases))
                count += 1
            writer.commit(mergetype=writing.CLEAR)
            ix.close()
        return count

    def _current_searcher(self):
        with self._lock:
            if self._searcher is None:
                self._ix = whoosh_index.open_dir(self.directory)
                self._searcher = self._ix.searcher()
            elif not self._searcher.up_to_date():
                self._searcher = self._searcher.refresh()
            return self._searcher

    def _term_query(self, searcher, word: str, fuzzy_terms: list[str]):
        """All fields, the word and its synonyms; a word the index does not know
        is matched with a small edit distance (typo tolerance)."""
        analyzer = searcher.schema["body"].analyzer
        variants = []
        for text in {word, *synonyms_of(word)}:
            variants.extend(t.text for t in analyzer(text, mode="query"))
        clauses = []
        for variant in dict.fromkeys(variants):
            known = any(searcher.doc_frequency(f, variant) for f in TEXT_FIELDS)
            for fieldname, boost in TEXT_FIELDS.items():
                if known:
                    clauses.append(Term(fieldname, variant, boost=boost))
                elif len(variant) >= 4:
                    clauses.append(FuzzyTerm(fieldname, variant, boost=boost * 0.6,
                                             maxdist=1 if len(variant) < 8 else 2, prefixlength=1))
            if not known and len(variant) >= 4:
                fuzzy_terms.append(variant)
        return Or(clauses) if clauses else None

    def search(self, text: str, *, filters: dict[str, str] | None = None, municipality: str | None = None,
               page: int = 1, page_size: int = 10) -> SearchResult:
        """Search `text`; `filters` narrow by facet (audience, theme, age_phase, source)."""
        if not self.exists():
            return SearchResult(text, 0, page, page_size, [])
        searcher = self._current_searcher()
        fuzzy_terms: list[str] = []
        clauses = [q for q in (self._term_query(searcher, w, fuzzy_terms) for w in _words(text)) if q is not None]
        if not clauses:
            return SearchResult(text, 0, page, page_size, [])
        query = Or(clauses, scale=0.9)
        limits = [Term(k, v) for k, v in (filters or {}).items() if v]
        if municipality is not None:
            limits.append(Or([Term("source", "national"), Term("municipality", municipality)]))
        facet_counts = {name: sorting.FieldFacet(name, allow_overlap=True) for name in FACETS}
        results = searcher.search_page(query, max(page, 1), pagelen=page_size,
                                       filter=And(limits) if limits else None, groupedby=facet_counts, terms=True)
        results.results.fragmenter = ContextFragmenter(maxchars=180, surround=60)
        results.results.formatter = HtmlFormatter(tagname="mark", between=" … ")
        hits = []
        for hit in results:
            snippet = hit.highlights("body", top=2) or hit.highlights("summary") or _escape(hit["summary"])
            hits.append(Hit(slug=hit["slug"], url=hit["url"], title=hit["title"], summary=hit["summary"],
                            snippet=snippet, score=round(hit.score, 3), source=hit["source"],
                            audiences=_split(hit["audience"]), themes=_split(hit["theme"])))
        facets = {name: {k: len(v) for k, v in results.results.groups(name).items() if k}
                  for name in FACETS}
        return SearchResult(text, results.total, results.pagenum, page_size, hits, facets, fuzzy_terms)


def _words(text: str) -> list[str]:
    """The distinct words of a query, at most 30."""
    return list(dict.fromkeys(w.lower() for w in re.findall(r"\w+", text)))[:30]


def _split(value: str) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def _escape(text: str) -> str:
    return str(escape(text))
