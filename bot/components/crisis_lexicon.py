"""Rule-based crisis detection: normalise a message and match the lexicon.

Plain Python (no Rasa imports) so that tests and tools can use it directly.
The patterns live in data/crisis_lexicon.yml; see README.md ("Crisis layer").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Pattern, Tuple

import yaml

DEFAULT_LEXICON = Path(__file__).resolve().parent.parent / "data" / "crisis_lexicon.yml"
TYPES = ("suicide", "selfharm", "abuse", "violence", "danger")

_REPEATS = re.compile(r"([a-z])\1{2,}")
_ZERO_IN_WORD = re.compile(r"(?<=[a-z])0|0(?=[a-z])")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_DEF = re.compile(r"(?<!\?P)<([a-z_]+)>")  # not a named group "(?P<cut>...)"
# Removed text becomes this marker, so no pattern can match across it.
_CUT = " # "


def _cut(match: "re.Match[str]") -> str:
    """The marker instead of the safe phrase, or instead of only its `cut` group
    when it has one (the rest of the match is context that stays)."""
    if "cut" not in match.re.groupindex or match.group("cut") is None:
        return _CUT
    start, end = match.start("cut") - match.start(), match.end("cut") - match.start()
    return match.group(0)[:start] + _CUT + match.group(0)[end:]


@dataclass(frozen=True)
class _Rule:
    types: Tuple[str, ...]
    patterns: Tuple[Pattern, ...]
    unless: Tuple[Pattern, ...]


def _plain(text: str) -> str:
    """Lowercase, strip accents and punctuation, cut letters repeated 3+ times."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`´]", "", text)
    text = _ZERO_IN_WORD.sub("o", text)
    text = _NON_WORD.sub(" ", text)
    return _REPEATS.sub(r"\1\1", text).strip()


class CrisisLexicon:
    """The compiled crisis lexicon."""

    def __init__(self, data: Dict) -> None:
        defs = data.get("defs", {})

        def compiled(pattern: str) -> Pattern:
            return re.compile(_DEF.sub(lambda m: f"(?:{defs[m.group(1)]})", pattern))

        self._spelling = [(re.compile(a), b) for a, b in data.get("spelling", [])]
        self._safe = [compiled(p) for p in data.get("safe_phrases", [])]
        self._personal = re.compile(data["personal"]) if data.get("personal") else None
        contexts = {k: re.compile(v) for k, v in data.get("contexts", {}).items()}
        self._rules: List[_Rule] = []
        for rule in data["groups"]:
            types = tuple(rule.get("types") or [rule["type"]])
            unknown = set(types) - set(TYPES)
            if unknown:
                raise ValueError(f"unknown crisis type(s) {sorted(unknown)}")
            patterns = tuple(compiled(p) for p in rule["patterns"])
            names = rule.get("unless") or []
            unless = tuple(contexts[name] for name in ([names] if isinstance(names, str) else names))
            self._rules.append(_Rule(types, patterns, unless))

    @classmethod
    def load(cls, path: Optional[Path] = None) -> "CrisisLexicon":
        """Read and compile the lexicon file (default data/crisis_lexicon.yml)."""
        with open(path or DEFAULT_LEXICON, encoding="utf-8") as handle:
            return cls(yaml.safe_load(handle))

    def normalise(self, text: str) -> str:
        """The form the patterns are written for (see the lexicon's header)."""
        text = _plain(text)
        for pattern, replacement in self._spelling:
            text = pattern.sub(replacement, text)
        return " ".join(text.split())

    def everyday(self, text: str) -> bool:
        """True when `text` holds one of the everyday sayings (safe phrases)."""
        normal = self.normalise(text)
        return any(safe.search(normal) for safe in self._safe)

    def personal(self, text: str) -> bool:
        """True when `text` speaks of someone or of how someone is ("ik", "mijn
        vader", "iemand", "bang", "geen zin meer", ...): the lexicon's `personal`."""
        return self._personal is None or bool(self._personal.search(self.normalise(text)))

    def detect(self, text: str) -> List[str]:
        """Crisis types found in `text`, in lexicon order; empty when none."""
        normal = self.normalise(text)
        for safe in self._safe:
            normal = safe.sub(_cut, normal)
        found: List[str] = []
        for rule in self._rules:
            if any(context.search(normal) for context in rule.unless):
                continue
            if any(p.search(normal) for p in rule.patterns):
                found.extend(t for t in rule.types if t not in found)
        return found
