"""Full-text search over articles with Whoosh: a Dutch analyzer, synonyms,
typo tolerance, facets, highlighted snippets and pagination."""
from __future__ import annotations

import fcntl
import os
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape
from whoosh import index as whoosh_index
from whoosh import scoring, writing
from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema
from whoosh.query import AndMaybe, FuzzyTerm, Or, Term

from portal.search.dutch import dutch_analyzer, synonyms_of
from portal.search.snippets import snippet as make_snippet

FACETS = ("audience", "theme", "age_phase")
# Two indexed fields: the title (short, boosted) and the whole text with the
# summary twice; fewer postings to walk than a field per part.
TITLE_BOOST, SUMMARY_WEIGHT = 4.0, 2
LAYOUT = "2"  # raise when the schema changes: the next rebuild then starts a new index
COMMON_SHARE = 0.3  # a word in more than this share of the texts counts as common...
COMMON_MIN_DOCS = 100  # ...once there are enough texts to say so
SNIPPET_SOURCE = 2000  # snippets come from the first characters of the text
# BM25F with mild length normalisation: on the development questions it puts an
# article of the right theme first more often than plain TF-IDF (132 vs 123 of 194).
WEIGHTING = scoring.BM25F(B=0.3)


def _schema() -> Schema:
    analyzer = dutch_analyzer()
    return Schema(
        slug=ID(stored=True, unique=True), url=STORED, source=ID(stored=True), municipality=ID(stored=True),
        title=TEXT(analyzer=analyzer, stored=True, field_boost=TITLE_BOOST), summary=STORED, body=STORED,
        text=TEXT(analyzer=analyzer),
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
        # A Whoosh searcher is not thread-safe. Searching is pure Python, so the
        # GIL runs one search at a time anyway: one warm searcher per process,
        # used under a lock, beats a cold one per thread.
        self._docsets: dict = {}
        self._lock = threading.Lock()

    def exists(self) -> bool:
        return whoosh_index.exists_in(self.directory)

    def current(self) -> bool:
        """Whether the index exists in this schema's layout (else only a rebuild helps)."""
        layout = self.directory / ".layout"
        return self.exists() and layout.exists() and layout.read_text() == LAYOUT

    @contextmanager
    def _writing(self):
        """The index to write to, under the one writer lock of all processes;
        a new index when there is none in this layout yet."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with open(self.directory / ".rebuild.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self.current():
                ix = whoosh_index.open_dir(self.directory)  # the generation keeps counting up: readers refresh
            else:
                ix = whoosh_index.create_in(self.directory, _schema())
                (self.directory / ".layout").write_text(LAYOUT)
            try:
                yield ix
            finally:
                ix.close()

    def rebuild(self, documents) -> int:
        """Replace the whole index with these documents in one commit."""
        with self._writing() as ix:
            writer = ix.writer(limitmb=128)
            count = 0
            for doc in documents:
                writer.add_document(**_fields(doc))
                count += 1
            writer.commit(mergetype=writing.CLEAR)
        return count

    def update(self, documents, removed: list[str] = ()) -> int:
        """Add or replace these documents and remove the slugs in `removed`, in
        one commit; every process's next search sees the change."""
        with self._writing() as ix:
            writer = ix.writer()
            for slug in removed:
                writer.delete_by_term("slug", slug)
            count = 0
            for doc in documents:
                writer.update_document(**_fields(doc))
                count += 1
            writer.commit()
        return count

    def _current_searcher(self):
        """The process's searcher (call with the lock held), renewed when a new
        index generation was committed."""
        if self._searcher is None:
            self._ix = self._ix or whoosh_index.open_dir(self.directory)
            self._searcher = self._ix.searcher(weighting=WEIGHTING)
        elif not self._searcher.up_to_date():
            self._searcher.close()  # not refresh(): Whoosh would keep segments that a rebuild removed
            self._searcher = self._ix.searcher(weighting=WEIGHTING)
        return self._searcher

    def _term_query(self, searcher, word: str, fuzzy_terms: list[str], matched_terms: set[str]):
        """All fields, the word and its synonyms. A word of the person's own that
        the index does not know is matched with a small edit distance (typo
        tolerance); synonyms the index does not know are left out. Returns the
        query and whether the word is common (in a large share of the texts)."""
        analyzer = searcher.schema["text"].analyzer
        own = [t.text for t in analyzer(word, mode="query")]
        synonyms = [t.text for text in synonyms_of(word) for t in analyzer(text, mode="query")]
        clauses, common = [], True
        for variant in dict.fromkeys(own + synonyms):
            frequency = searcher.doc_frequency("text", variant)
            if frequency:
                matched_terms.add(variant)
                common = common and searcher.doc_count() >= COMMON_MIN_DOCS and \
                    frequency > COMMON_SHARE * searcher.doc_count()
                clauses += [Term("text", variant), Term("title", variant)]
            elif variant in own and len(variant) >= 4:
                fuzzy_terms.append(variant)
                common = False
                clauses += [FuzzyTerm(f, variant, boost=0.6, maxdist=1 if len(variant) < 8 else 2, prefixlength=1)
                            for f in ("text", "title")]
        return (Or(clauses), common) if clauses else (None, True)

    def _docs(self, searcher, query) -> frozenset:
        """The documents a facet or filter term matches, without scoring; shared
        by all threads for one generation of the index, as these repeat."""
        key = (searcher.ixreader.generation(), query)
        found = self._docsets.get(key)
        if found is None:
            if len(self._docsets) > 5000:
                self._docsets.clear()
            found = self._docsets[key] = frozenset(searcher.docs_for_query(query))
        return found

    def search(self, text: str, *, filters: dict[str, str] | None = None, municipality: str | None = None,
               page: int = 1, page_size: int = 10) -> SearchResult:
        """Search `text`; `filters` narrow by facet (audience, theme, age_phase, source)."""
        if not self.exists():
            return SearchResult(text, 0, page, page_size, [])
        with self._lock:
            return self._search(self._current_searcher(), text, filters, municipality, page, page_size)

    def _search(self, searcher, text, filters, municipality, page, page_size) -> SearchResult:
        fuzzy_terms: list[str] = []
        terms: set[str] = set()
        parts = [self._term_query(searcher, w, fuzzy_terms, terms) for w in _words(text)]
        distinctive = [q for q, common in parts if q is not None and not common]
        common = [q for q, is_common in parts if q is not None and is_common]
        if not distinctive and not common:
            return SearchResult(text, 0, page, page_size, [])
        # Words found in most texts ("kind", "ouders") only add to the score of
        # texts that match the more telling words; alone, they still search.
        query = Or(distinctive or common, scale=0.9)
        if distinctive and common:
            query = AndMaybe(query, Or(common))
        limits = [Term(k, v) for k, v in (filters or {}).items() if v]
        if municipality is not None:
            limits.append(Or([Term("source", "national"), Term("municipality", municipality)]))
        allowed = None
        for limit in limits:
            docs = self._docs(searcher, limit)
            allowed = docs if allowed is None else allowed & docs
        matched = frozenset(searcher.docs_for_query(query))
        if allowed is not None:
            matched &= allowed
        page = max(page, 1)
        # optimize=False: Whoosh's block-quality skipping loops forever on AndMaybe with a coord Or
        ranked = searcher.search(query, limit=page * page_size, filter=set(allowed) if allowed is not None else None,
                                 optimize=False)
        hits = []
        for hit in ranked[(page - 1) * page_size:page * page_size]:
            snippet = (make_snippet(hit["body"][:SNIPPET_SOURCE], terms) or make_snippet(hit["summary"], terms)
                       or _escape(hit["summary"]))
            hits.append(Hit(slug=hit["slug"], url=hit["url"], title=hit["title"], summary=hit["summary"],
                            snippet=snippet, score=round(hit.score, 3), source=hit["source"],
                            audiences=_split(hit["audience"]), themes=_split(hit["theme"])))
        return SearchResult(text, len(matched), page, page_size, hits, self._facets(searcher, matched), fuzzy_terms)

    def _facets(self, searcher, matched: frozenset) -> dict[str, dict[str, int]]:
        """How many of the matched documents carry each audience, theme and age phase."""
        facets = {}
        for name in FACETS:
            counts = {}
            for value in searcher.lexicon(name):
                value = value.decode() if isinstance(value, bytes) else value
                count = len(matched & self._docs(searcher, Term(name, value)))
                if count:
                    counts[value] = count
            facets[name] = counts
        return facets


def _fields(doc: SearchDocument) -> dict:
    """The stored and indexed fields of one document."""
    return dict(slug=doc.slug, url=doc.url, source=doc.source, municipality=doc.municipality or "",
                title=doc.title, summary=doc.summary, body=doc.body,
                text="\n".join([doc.title] + [doc.summary] * SUMMARY_WEIGHT + [doc.body]),
                audience=",".join(doc.audiences), theme=",".join(doc.themes), age_phase=",".join(doc.age_phases))


def _words(text: str) -> list[str]:
    """The distinct words of a query, at most 30."""
    return list(dict.fromkeys(w.lower() for w in re.findall(r"\w+", text)))[:30]


def _split(value: str) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def _escape(text: str) -> str:
    return str(escape(text))
