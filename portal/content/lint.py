"""Content lint (`make lint-content`): front matter, word counts, Dutch
readability, policy jargon, internal links, placeholders and the corpus rules.
Plain module: no Flask, no database.

    python -m portal.content.lint [--content-dir DIR] [--report FILE]

Every problem is printed as "file: check: message"; then a coverage table and
the readability per audience. Errors make the exit code 1.

Readability is Flesch-Douma (Douma 1960), the Dutch variant of Flesch
Reading Ease: 206.84 - 0.77 * syllables per 100 words - 0.93 * words per
sentence. Higher is easier; plain B1 Dutch scores about 70-90, policy prose
below 40.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from portal.content.parse import ArticleSource, ContentError, parse_text, read_all
from portal.content.render import PLACEHOLDER_RE, resolve_placeholders
from portal.taxonomy import CONTENT_DIR, Taxonomy, load_municipalities, load_taxonomy

ARTICLE_WORDS = (250, 800)
ADDITION_WORDS = (50, 200)
# Minimum Flesch-Douma per audience; a text for several audiences must pass
# the strictest. "professionals" only applies to texts for professionals alone.
MIN_READABILITY = {"ouders": 60, "jongeren": 65, "professionals": 45}
MIN_NATIONAL_PER_PAIR = 2
MIN_NATIONAL = 90
MIN_PER_AGE_PHASE = 10
MIN_YOUNG = 40
MIN_LOCAL_SHARE = 0.20
PORTAL_PATHS = ("/inloop", "/sociale-kaart", "/contact", "/e-hulp", "/zoeken")
EXAMPLE_MARK = "(voorbeeld)"

# Policy words that must not reach users, with their inflections. Whole words
# only: "113 Zelfmoordpreventie" and "Participatiewet" are names, not jargon.
JARGON = {
    "preventie": r"preventies?",
    "preventief": r"preventie(?:f|ve|ver|vere)",
    "normaliseren": r"(?:ge)?normalise(?:ren|ert|erd|erde|erden|ring)",
    "ontzorgen": r"ontzorg(?:en|t|d|de|den|ing)",
    "eigen kracht": r"eigen[\s-]+kracht(?:en)?",
    "zorgmijder": r"zorgmijd(?:er|ers|end|ende)",
    "multiprobleemgezin": r"multiprobleemgezin(?:nen)?",
    "hulpverleningstraject": r"hulpverleningstraject(?:en)?",
    "interventie": r"interventies?",
    "signalering": r"signalering(?:en)?",
    "doelgroep": r"doelgroep(?:en)?",
    "integraal": r"integra(?:al|le)",
    "ketenpartner": r"ketenpartners?",
    "ketenaanpak": r"ketenaanpak(?:ken)?",
    "casus": r"casus(?:sen)?",
    "cliëntsysteem": r"cli[eë]nt(?:en)?systee?m(?:en)?",
    "zorgcoördinatie": r"zorgco[oö]rdinatie",
    "toeleiding": r"toeleid(?:ing|en)|toegeleid",
    "vindplaats": r"vindplaats(?:en)?",
    "zorgcontinuüm": r"zorgcontinu[uü]m",
    "participatie": r"participatie|participe(?:ren|ert|erde|erden)",
    "regie voeren": r"regie\s+(?:te\s+)?voer(?:en|t|de|den)?|voer(?:t|en|de|den)?\s+de\s+regie",
    "laagdrempelig": r"laagdrempelig(?:e|er|heid)?",
    "outreachend": r"outreachende?",
    "empowerment": r"empowerment",
}
JARGON_RE = {word: re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I) for word, pattern in JARGON.items()}

LINK_RE = re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)\)")
WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+")
BLOCK_START_RE = re.compile(r"^(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+)")

# Syllables: one per vowel unit. Longest units first; "ij" is written as one
# vowel before matching; a diaeresis (ë, ï, ü) starts a new syllable.
VOWEL_UNIT_RE = re.compile(r"aai|ooi|oei|eeu|ieu(?=w)|eau|e(?=ums?$)|[aeo]y|aa|ee|oo|uu|ie|oe|eu|ui|ei|au|ou|ai|"
                           r"[aeiouyĳ]")
ACCENTS = str.maketrans("áàâéèêíìîóòôúùû", "aaaeeeiiiooouuu")
DIAERESIS = str.maketrans({"ä": "|a", "ë": "|e", "ï": "|i", "ö": "|o", "ü": "|u"})
# Common English loanwords that Dutch speakers say with fewer syllables than
# their spelling suggests (silent final e, "ea", "oa").
LOANWORDS = {"game": 1, "games": 1, "gamen": 2, "gamet": 1, "gamer": 2, "gamers": 2, "online": 2,
             "offline": 2, "website": 2, "websites": 2, "site": 1, "sites": 1, "date": 1, "daten": 2,
             "like": 1, "likes": 1, "liken": 2, "team": 1, "teams": 1, "coach": 1, "coaches": 2,
             "gezinscoach": 3, "youtube": 2, "skate": 1, "skaten": 2, "time": 1}


def syllables(word: str) -> int:
    """Dutch syllables of one word, estimated from its vowel groups.

    Approximations: each vowel unit (aa, ee, oo, uu, ie, oe, eu, ui, ei, ij,
    au, ou, ai, the triphthongs aai, ooi, oei, eeu, ieuw and French eau) is one
    syllable; a diaeresis starts a new one (ruïne, ideeën); acronyms in capitals
    (CJG, GGD) are spelled out, one syllable per letter; a y before a vowel at
    the start is a consonant (yoga); -eum is two (museum); a few English
    loanwords come from a list; a number counts one syllable per digit.
    Compounds of other loanwords and words like "theater" can be off by one;
    over a text that evens out.
    """
    total = 0
    for part in re.split(r"[-'’]", word):
        if part.isdigit() or (len(part) >= 2 and part.isupper() and part.isalpha()):
            total += len(part)
            continue
        low = part.lower()
        if low in LOANWORDS:
            total += LOANWORDS[low]
            continue
        low = low.replace("ij", "ĳ").translate(DIAERESIS).translate(ACCENTS)
        low = re.sub(r"^y(?=[aeiou])", "j", low)
        total += len(VOWEL_UNIT_RE.findall(low))
    return max(total, 1)


def text_blocks(body: str) -> list[str]:
    """The body as plain-text blocks: each heading, list item and paragraph
    is one block, Markdown syntax removed."""
    blocks: list[str] = []
    current: list[str] = []
    for line in body.splitlines():
        line = line.strip().lstrip(">").strip()
        starts_block = bool(BLOCK_START_RE.match(line))
        if (not line or starts_block) and current:
            blocks.append(" ".join(current))
            current = []
        if line:
            current.append(BLOCK_START_RE.sub("", line))
        if line.startswith("#") and current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return [plain for plain in map(_inline_plain, blocks) if plain]


def _inline_plain(text: str) -> str:
    """Links to their text, no emphasis, code or table markers, no bare URLs."""
    text = LINK_RE.sub(r"\1", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"[*_`|]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def sentences(body: str) -> list[str]:
    """Sentences of the body: split at . ! ? and at the end of each heading,
    list item and paragraph. Abbreviations like "bijv." split too early."""
    found = []
    for block in text_blocks(body):
        found += [s for s in SENTENCE_END_RE.split(block) if WORD_RE.search(s)]
    return found


def words(text: str) -> list[str]:
    """All words of a plain text, numbers included."""
    return WORD_RE.findall(text)


@dataclass(frozen=True)
class TextStats:
    words: int
    sentences: int
    syllables: int

    @property
    def readability(self) -> float:
        """The Flesch-Douma score."""
        if not self.words or not self.sentences:
            return 0.0
        return 206.84 - 0.77 * 100 * self.syllables / self.words - 0.93 * self.words / self.sentences


def text_stats(body: str) -> TextStats:
    """Counts for word count and readability of a Markdown body."""
    sents = sentences(body)
    all_words = [w for s in sents for w in words(s)]
    return TextStats(len(all_words), len(sents), sum(syllables(w) for w in all_words))


def flesch_douma(text: str) -> float:
    """Flesch-Douma score of a Markdown or plain text."""
    return text_stats(text).readability


def min_readability(audiences: list[str]) -> int:
    """The threshold for a text: the strictest of its audiences. Professionals
    count only when the text is for professionals alone."""
    relevant = [a for a in audiences if a != "professionals"] or audiences
    return max((MIN_READABILITY.get(a, 0) for a in relevant), default=0)


def _resolved_body(article: ArticleSource, municipalities: dict) -> str:
    """The body with placeholders filled in as the site shows it."""
    municipality = municipalities.get(article.municipality or "", next(iter(municipalities.values()), {}))
    return resolve_placeholders(article.body, municipality)


def check_words(article: ArticleSource, stats: TextStats) -> list[ContentError]:
    """Articles 250-800 words, additions 50-200."""
    low, high = ADDITION_WORDS if article.addition_to else ARTICLE_WORDS
    kind = "een aanvulling" if article.addition_to else "een artikel"
    if stats.words < low:
        return [ContentError(article.path, "words", f"{stats.words} woorden; {kind} heeft er minstens {low}")]
    if stats.words > high:
        return [ContentError(article.path, "words", f"{stats.words} woorden; {kind} heeft er hoogstens {high}")]
    return []


def check_readability(article: ArticleSource, stats: TextStats) -> list[ContentError]:
    """Flesch-Douma at least the audience's threshold."""
    need = min_readability(article.audiences)
    if stats.readability >= need:
        return []
    return [ContentError(article.path, "readability",
                         f"Flesch-Douma {stats.readability:.0f}, minimaal {need} "
                         f"({stats.words / max(stats.sentences, 1):.1f} woorden per zin, "
                         f"{stats.syllables / max(stats.words, 1):.2f} lettergrepen per woord)")]


def check_jargon(article: ArticleSource) -> list[ContentError]:
    """No policy words in title, summary or the body's text (URLs left out)."""
    text = "\n".join((article.title, article.summary, *text_blocks(article.body)))
    errors = []
    for word, pattern in JARGON_RE.items():
        hits = sorted({m.group(0).lower() for m in pattern.finditer(text)})
        if hits:
            errors.append(ContentError(article.path, "jargon",
                                       f"beleidstaal '{', '.join(hits)}' ({word}); "
                                       "zeg wat je bedoelt in gewone woorden"))
    return errors


def check_links(article: ArticleSource, known: dict[str, ArticleSource]) -> list[ContentError]:
    """related, artikel: links and addition_to point to existing articles;
    plain paths point to portal pages."""
    errors = []

    def target(slug: str, fld: str, what: str) -> None:
        other = known.get(slug)
        if other is None:
            errors.append(ContentError(article.path, fld, f"{what} '{slug}' bestaat niet"))
        elif other.addition_to:
            errors.append(ContentError(article.path, fld, f"{what} '{slug}' is een aanvulling, geen artikel"))

    for slug in article.related:
        target(slug, "related", "artikel")
    for _, url in LINK_RE.findall(article.body):
        if url.startswith("artikel:"):
            target(url.removeprefix("artikel:"), "links", "link naar artikel")
        elif url.startswith("/") and not url.startswith("/static/") and url.split("#")[0] not in PORTAL_PATHS:
            errors.append(ContentError(article.path, "links", f"onbekende portaalpagina '{url}'"))
    if article.addition_to:
        other = known.get(article.addition_to)
        if other is None or other.source != "national" or other.addition_to:
            errors.append(ContentError(article.path, "addition_to",
                                       f"landelijk artikel '{article.addition_to}' bestaat niet"))
    return errors


def check_placeholders(article: ArticleSource, municipalities: dict) -> list[ContentError]:
    """Only known placeholders; national texts name no municipality;
    example data is flagged both in the front matter and in the text."""
    errors = []
    text = "\n".join((article.title, article.summary, article.body))
    for name in sorted(set(re.findall(r"\{([^{}\s]*)\}", text))):
        if not PLACEHOLDER_RE.fullmatch("{" + name + "}"):
            errors.append(ContentError(article.path, "placeholders",
                                       f"onbekende placeholder '{{{name}}}'; "
                                       "gebruik {cjg}, {gemeente} of {jongin}"))
    if article.source == "national":
        for m in municipalities.values():
            if re.search(rf"(?<!\w){re.escape(m['name'])}(?!\w)", text):
                errors.append(ContentError(article.path, "placeholders",
                                           f"landelijke tekst noemt '{m['name']}'; gebruik {{gemeente}} of {{cjg}}"))
    marked = EXAMPLE_MARK in text
    if marked and not article.example:
        errors.append(ContentError(article.path, "example",
                                   f"tekst bevat '{EXAMPLE_MARK}' maar example: true ontbreekt"))
    if article.example and not marked:
        errors.append(ContentError(article.path, "example", f"example: true, maar nergens staat '{EXAMPLE_MARK}'"))
    return errors


def check_article(article: ArticleSource, known: dict[str, ArticleSource],
                  municipalities: dict) -> tuple[TextStats, list[ContentError]]:
    """All per-file checks of one parsed article."""
    stats = text_stats(_resolved_body(article, municipalities))
    errors = (check_words(article, stats) + check_readability(article, stats) + check_jargon(article)
              + check_links(article, known) + check_placeholders(article, municipalities))
    return stats, errors


def published(articles: list[ArticleSource]) -> list[ArticleSource]:
    """Articles of their own: "In <gemeente>" additions do not count."""
    return [a for a in articles if not a.addition_to]


def check_corpus(articles: list[ArticleSource], taxonomy: Taxonomy, where: str) -> list[ContentError]:
    """The corpus rules: coverage per theme and audience, totals, local share."""
    items = published(articles)
    national = [a for a in items if a.source == "national"]
    errors = []

    def fail(message: str) -> None:
        errors.append(ContentError(where, "corpus", message))

    for theme in taxonomy.themes.values():
        for audience in theme.audiences:
            n = sum(1 for a in national if theme.slug in a.themes and audience in a.audiences)
            if n < MIN_NATIONAL_PER_PAIR:
                fail(f"thema '{theme.slug}' voor '{audience}': {n} landelijke artikelen, "
                     f"minimaal {MIN_NATIONAL_PER_PAIR}")
    if len(national) < MIN_NATIONAL:
        fail(f"{len(national)} landelijke artikelen, minimaal {MIN_NATIONAL}")
    parents = [a for a in items if "ouders" in a.audiences]
    for phase in taxonomy.age_phases:
        n = sum(1 for a in parents if phase in a.age_phases)
        if n < MIN_PER_AGE_PHASE:
            fail(f"leeftijdsfase '{phase}': {n} artikelen voor ouders, minimaal {MIN_PER_AGE_PHASE}")
    young = sum(1 for a in items if "jongeren" in a.audiences)
    if young < MIN_YOUNG:
        fail(f"{young} artikelen voor jongeren, minimaal {MIN_YOUNG}")
    local = sum(1 for a in items if a.source == "local")
    if items and local / len(items) < MIN_LOCAL_SHARE:
        fail(f"{local} van {len(items)} artikelen lokaal ({local / len(items):.0%}), minimaal {MIN_LOCAL_SHARE:.0%}")
    return errors


@dataclass
class LintResult:
    articles: list[ArticleSource]
    stats: dict[str, TextStats]
    errors: list[ContentError]
    taxonomy: Taxonomy


def _vocabulary(content_dir: Path) -> tuple[Taxonomy, dict]:
    """The taxonomy and municipalities of a content directory."""
    return (load_taxonomy(str(content_dir / "taxonomy.yml")),
            load_municipalities(str(content_dir / "municipalities.yml")))


def _check_articles(articles: list[ArticleSource], known: dict[str, ArticleSource], municipalities: dict,
                    errors: list[ContentError]) -> dict[str, TextStats]:
    """Per-file checks of every article; adds to errors, returns the stats."""
    stats = {}
    for article in articles:
        stats[article.slug], errs = check_article(article, known, municipalities)
        errors.extend(errs)
    return stats


def lint(content_dir: Path | str = CONTENT_DIR) -> LintResult:
    """Run every check on a content directory (with taxonomy.yml and
    municipalities.yml in it)."""
    content_dir = Path(content_dir)
    taxonomy, municipalities = _vocabulary(content_dir)
    articles, errors = read_all(content_dir, taxonomy, municipalities)
    known = {a.slug: a for a in articles}
    stats = _check_articles(articles, known, municipalities, errors)
    errors += check_corpus(articles, taxonomy, content_dir.name)
    return LintResult(articles, stats, errors, taxonomy)


def lint_files(paths: list[Path | str], content_dir: Path | str = CONTENT_DIR) -> LintResult:
    """The per-file checks for some files only, no corpus rules. Links may
    point to any article in content_dir or among the files themselves."""
    content_dir = Path(content_dir)
    taxonomy, municipalities = _vocabulary(content_dir)
    known = {a.slug: a for a in read_all(content_dir, taxonomy, municipalities)[0]}
    articles, errors = [], []
    for path in map(Path, paths):
        try:
            article, errs = parse_text(str(path), path.read_text("utf-8"), taxonomy, municipalities)
        except (OSError, UnicodeDecodeError) as exc:
            article, errs = None, [ContentError(str(path), "bestand", f"niet te lezen: {exc}")]
        errors += errs
        if article is not None:
            articles.append(article)
            known[article.slug] = article
    stats = _check_articles(articles, known, municipalities, errors)
    return LintResult(articles, stats, errors, taxonomy)


def coverage_rows(result: LintResult) -> list[list[str]]:
    """Theme x audience (national/local) and parents' age phases per theme."""
    items = published(result.articles)
    phases = list(result.taxonomy.age_phases)
    rows = [["thema", "ouders nat/lok", "jongeren nat/lok", *phases]]
    for theme in result.taxonomy.themes.values():
        row = [theme.slug]
        for audience in ("ouders", "jongeren"):
            if audience not in theme.audiences:
                row.append("-")
                continue
            hits = Counter(a.source for a in items if theme.slug in a.themes and audience in a.audiences)
            row.append(f"{hits['national']}/{hits['local']}")
        parents = [a for a in items if theme.slug in a.themes and "ouders" in a.audiences]
        row += [str(sum(phase in a.age_phases for a in parents)) if "ouders" in theme.audiences else "-"
                for phase in phases]
        rows.append(row)
    totals = ["totaal (artikelen)"]
    for audience in ("ouders", "jongeren"):
        hits = Counter(a.source for a in items if audience in a.audiences)
        totals.append(f"{hits['national']}/{hits['local']}")
    totals += [str(sum(p in a.age_phases for a in items if "ouders" in a.audiences)) for p in phases]
    return rows + [totals]


def readability_rows(result: LintResult) -> list[list[str]]:
    """Median and minimum Flesch-Douma per audience (articles, not additions)."""
    rows = [["doelgroep", "artikelen", "mediaan", "minimum", "drempel"]]
    for audience in result.taxonomy.audiences:
        scores = [result.stats[a.slug].readability for a in published(result.articles) if audience in a.audiences]
        if scores:
            rows.append([audience, str(len(scores)), f"{statistics.median(scores):.0f}", f"{min(scores):.0f}",
                         str(MIN_READABILITY.get(audience, "-"))])
    return rows


def summary_line(result: LintResult) -> str:
    """Totals in one line."""
    items = published(result.articles)
    local = sum(a.source == "local" for a in items)
    share = f"{local / len(items):.0%}" if items else "-"
    return (f"{len(items)} artikelen ({len(items) - local} landelijk, {local} lokaal = {share}), "
            f"{len(result.articles) - len(items)} aanvullingen, {len(result.errors)} fouten")


def text_table(rows: list[list[str]]) -> str:
    """Rows as aligned columns for the terminal."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def markdown_table(rows: list[list[str]]) -> str:
    """Rows as a Markdown table."""
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows[1:]])


def markdown_report(result: LintResult) -> str:
    """The coverage and readability tables and the problems as Markdown."""
    problems = "\n".join(f"- `{e}`" for e in result.errors) or "None."
    return (f"# Content report\n\nGenerated by `python -m portal.content.lint --report docs/content-report.md`; "
            f"see [the writers' guide](writers-guide.md) for the checks.\n\n{summary_line(result)}.\n\n"
            f"## Coverage: theme x audience x age phase\n\nPublished articles (additions not counted). "
            f"Audience columns: national/local; age phase columns: parents' articles of the theme.\n\n"
            f"{markdown_table(coverage_rows(result))}\n\n"
            f"## Readability (Flesch-Douma) per audience\n\n{markdown_table(readability_rows(result))}\n\n"
            f"## Problems\n\n{problems}\n")


def main(argv: list[str] | None = None) -> int:
    """Command line: print problems and tables; exit code 1 on errors."""
    parser = argparse.ArgumentParser(prog="python -m portal.content.lint", description=__doc__.splitlines()[0])
    parser.add_argument("--content-dir", default=str(CONTENT_DIR))
    parser.add_argument("--report", help="write the tables in Markdown to this file")
    args = parser.parse_args(argv)
    result = lint(args.content_dir)
    for error in result.errors:
        print(error)
    print("\nDekking: thema x doelgroep (landelijk/lokaal) en leeftijdsfase (ouders)")
    print(text_table(coverage_rows(result)))
    print(f"\nLeesbaarheid (Flesch-Douma) per doelgroep\n{text_table(readability_rows(result))}")
    print(f"\n{summary_line(result)}")
    if args.report:
        Path(args.report).write_text(markdown_report(result), "utf-8")
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
