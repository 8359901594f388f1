"""The search facade: the rest of the portal calls only these functions, so the
engine (Whoosh today) can be swapped without touching views or the API."""
from portal.search.engine import Hit, SearchDocument, SearchResult, SearchIndex

__all__ = ["Hit", "SearchDocument", "SearchResult", "SearchIndex"]
