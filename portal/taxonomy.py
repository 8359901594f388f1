"""The shared vocabulary (content/taxonomy.yml): audiences, age phases, themes,
service categories and wijken. Plain module, no Flask."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


@dataclass(frozen=True)
class Term:
    slug: str
    nl: str
    en: str
    audiences: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def label(self, locale: str = "nl") -> str:
        return self.en if locale == "en" else self.nl


@dataclass(frozen=True)
class Taxonomy:
    audiences: dict[str, Term]
    age_phases: dict[str, Term]
    themes: dict[str, Term]
    service_categories: dict[str, Term]
    wijken: dict[str, Term]

    def themes_for(self, audience: str) -> list[Term]:
        """Themes that carry content for one audience, in taxonomy order."""
        return [t for t in self.themes.values() if audience in t.audiences]

    def facet(self, name: str) -> dict[str, Term]:
        return {"audience": self.audiences, "theme": self.themes,
                "age_phase": self.age_phases, "category": self.service_categories,
                "wijk": self.wijken}[name]


def _terms(raw: dict) -> dict[str, Term]:
    terms = {}
    for slug, value in (raw or {}).items():
        if isinstance(value, str):
            terms[slug] = Term(slug, value, value)
            continue
        extra = {k: v for k, v in value.items() if k not in ("nl", "en", "audiences")}
        terms[slug] = Term(slug, value["nl"], value.get("en", value["nl"]),
                           tuple(value.get("audiences", ())), extra)
    return terms


@lru_cache(maxsize=4)
def load_taxonomy(path: str | None = None) -> Taxonomy:
    """Read the taxonomy file once per process."""
    raw = yaml.safe_load(Path(path or CONTENT_DIR / "taxonomy.yml").read_text("utf-8"))
    return Taxonomy(
        audiences=_terms(raw["audiences"]),
        age_phases=_terms(raw["age_phases"]),
        themes=_terms(raw["themes"]),
        service_categories=_terms(raw["service_categories"]),
        wijken=_terms(raw["wijken"]),
    )


@lru_cache(maxsize=4)
def load_municipalities(path: str | None = None) -> dict[str, dict]:
    """Municipalities with their name and their CJG's name."""
    return yaml.safe_load(Path(path or CONTENT_DIR / "municipalities.yml").read_text("utf-8"))
