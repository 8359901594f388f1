"""A synthetic but realistic corpus for the search benchmark: N articles made
by recombining the headings, paragraphs, list blocks and sentences of the real
articles in content/national, with valid front
matter, unique slugs, and the audiences, themes and age phases of the article
each one is modelled on. Deterministic for a given seed.

    python -m bench.corpus /tmp/corpus --count 2000
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from portal.content.parse import INTERNAL_LINK_RE, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
# What the portal reads from CONTENT_DIR (crisis_lines.yml) and what the
# content tools expect next to the articles (taxonomy, municipalities, search vocabulary).
DATA_FILES = ("taxonomy.yml", "municipalities.yml", "search-nl.yml", "crisis_lines.yml")
LOCAL_SHARE = 0.25  # part of the generated articles that is Deventer's own content
MUNICIPALITY = "deventer"

QUALIFIERS = {
    "ouders": ["tips voor thuis", "wat is normaal?", "als het niet lukt", "vragen van ouders",
               "wat kun je zelf doen?", "met een peuter of kleuter", "in een druk gezin",
               "als je er alleen voor staat", "wanneer hulp zoeken?", "stap voor stap"],
    "jongeren": ["hoe zit het?", "wat kun je doen?", "tips van jongeren", "als je vastloopt",
                 "praten met je ouders", "hulp nodig?", "op school", "met vrienden"],
    "professionals": ["signalen en gesprek", "samenwerken met ouders", "verwijzen", "in de praktijk"],
}
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z'{])")


@dataclass
class Source:
    slug: str
    meta: dict
    intro: list[str]  # blocks before the first heading
    sections: list[tuple[str, list[str]]]  # (heading, blocks)


def _blocks(text: str) -> list[str]:
    return [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]


def read_sources(content_dir: Path = CONTENT) -> list[Source]:
    """The real national articles, split into sections and blocks."""
    sources = []
    for path in sorted((content_dir / "national").glob("*.md")):
        split = split_front_matter(path.read_text("utf-8"))
        if split is None:
            continue
        meta = yaml.safe_load(split[0]) or {}
        if meta.get("addition_to") or not meta.get("slug"):
            continue
        parts = re.split(r"^## +(.+)$", split[1], flags=re.M)
        sections = [(parts[i].strip(), _blocks(parts[i + 1])) for i in range(1, len(parts) - 1, 2)]
        sources.append(Source(meta["slug"], meta, _blocks(parts[0]), sections))
    return sources


def _is_paragraph(block: str) -> bool:
    return not block.startswith(("-", "*", "1.", "|", ">", "#"))


class Generator:
    def __init__(self, sources: list[Source], seed: int):
        self.rng = random.Random(seed)
        self.sources = sources
        # Pools of blocks per (audience, theme) and per heading, for recombination.
        self.by_theme: dict[tuple[str, str], list[str]] = {}
        self.sentences: dict[str, list[str]] = {}
        for src in sources:
            audience = (src.meta.get("audiences") or ["ouders"])[0]
            blocks = src.intro + [b for _h, bs in src.sections for b in bs]
            for theme in src.meta.get("themes") or []:
                self.by_theme.setdefault((audience, theme), []).extend(blocks)
            for block in blocks:
                if _is_paragraph(block):
                    self.sentences.setdefault(audience, []).extend(SENTENCE_RE.split(block))

    def _pool(self, src: Source) -> list[str]:
        audience = (src.meta.get("audiences") or ["ouders"])[0]
        theme = self.rng.choice(src.meta.get("themes") or ["gezin"])
        return self.by_theme.get((audience, theme)) or [b for _h, bs in src.sections for b in bs]

    def _vary(self, block: str, audience: str) -> str:
        """A paragraph with one sentence swapped for a sentence of another article."""
        if not _is_paragraph(block) or self.rng.random() < 0.5:
            return block
        sentences = SENTENCE_RE.split(block)
        sentences[self.rng.randrange(len(sentences))] = self.rng.choice(self.sentences[audience])
        return " ".join(sentences)

    def body(self, src: Source) -> str:
        audience = (src.meta.get("audiences") or ["ouders"])[0]
        pool = self._pool(src)
        out = [self._vary(b, audience) for b in src.intro]
        for heading, blocks in src.sections:
            out.append(f"## {heading}")
            for block in blocks:
                chosen = block if self.rng.random() < 0.4 else self.rng.choice(pool)
                out.append(self._vary(chosen, audience))
        return "\n\n".join(out) + "\n"

    def summary(self, src: Source) -> str:
        summary = str(src.meta.get("summary", "")).strip()
        if self.rng.random() < 0.5:
            return summary
        audience = (src.meta.get("audiences") or ["ouders"])[0]
        extra = self.rng.choice(self.sentences[audience]).strip()
        candidate = f"{summary} {extra}"
        return candidate if len(candidate) <= 300 and "](" not in extra and "\n" not in extra else summary


def generate(dest: Path, count: int = 2000, seed: int = 2026, content_dir: Path = CONTENT) -> list[dict]:
    """Write `count` articles under dest/national and dest/local/deventer and copy the
    data files; return the front matter of every article."""
    dest = Path(dest)
    sources = read_sources(content_dir)
    gen = Generator(sources, seed)
    rng = gen.rng
    (dest / "national").mkdir(parents=True, exist_ok=True)
    (dest / "local" / MUNICIPALITY).mkdir(parents=True, exist_ok=True)
    for name in DATA_FILES:
        if (content_dir / name).exists():
            shutil.copy2(content_dir / name, dest / name)

    # First choose every article's model and slug, so internal links can point to generated slugs.
    plan = []
    derived: dict[str, list[str]] = {}
    for i in range(count):
        src = sources[i % len(sources)] if i < len(sources) else rng.choice(sources)
        slug = f"{src.slug}-{i + 1:04d}"
        if len(slug) > 100:
            slug = f"{src.slug[:94].rstrip('-')}-{i + 1:04d}"
        plan.append((src, slug))
        derived.setdefault(src.slug, []).append(slug)

    def relink(text: str) -> str:
        def repl(match: re.Match) -> str:
            targets = derived.get(match.group(1))
            return f"](artikel:{rng.choice(targets)})" if targets else f"](artikel:{match.group(1)})"
        return INTERNAL_LINK_RE.sub(repl, text)

    metas = []
    for i, (src, slug) in enumerate(plan):
        audiences = list(src.meta.get("audiences") or ["ouders"])
        qualifier = rng.choice(QUALIFIERS.get(audiences[0], QUALIFIERS["ouders"]))
        title = f"{str(src.meta.get('title', src.slug)).rstrip('?.! ')}: {qualifier}"[:120]
        local = rng.random() < LOCAL_SHARE
        meta = {
            "slug": slug, "title": title, "summary": gen.summary(src),
            "audiences": audiences, "themes": list(src.meta.get("themes") or []),
            "age_phases": list(src.meta.get("age_phases") or []),
            "source": "local" if local else "national",
            "reviewed_on": src.meta.get("reviewed_on") or "2026-11-01",
            "review_by": src.meta.get("review_by") or "2027-11-01",
            "related": [rng.choice(derived[s]) for s in (src.meta.get("related") or []) if s in derived][:3],
        }
        if local:
            meta["municipality"] = MUNICIPALITY
        else:
            meta.update({"external_reference": f"bench-{i + 1:05d}", "parent_reference": None,
                         "position": 10 * (i + 1), "last_change_date": src.meta.get("last_change_date")
                         or "2026-10-15"})
        if src.meta.get("links"):
            meta["links"] = src.meta["links"]
        if src.meta.get("story"):
            meta["story"] = True
        text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n" + \
            relink(gen.body(src))
        folder = dest / "local" / MUNICIPALITY if local else dest / "national"
        (folder / f"{slug}.md").write_text(text, "utf-8")
        metas.append(meta)
    return metas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    metas = generate(args.dest, args.count, args.seed)
    print(f"{len(metas)} artikelen in {args.dest}")


if __name__ == "__main__":
    main()
