"""The content lint (portal/content/lint.py): syllables and Flesch-Douma, each
per-file check on a small bad example, the corpus rules, the command line and
the real corpus. Plain tests: no app, no database."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from portal.content.lint import (
    JARGON_RE, MIN_READABILITY, check_corpus, flesch_douma, lint, lint_files, main, sentences, syllables,
    text_stats,
)
from portal.content.parse import ArticleSource
from portal.taxonomy import CONTENT_DIR, load_taxonomy

SEED = Path("/work/shared/seeds/003_bd798639e9369441.txt")
B1 = ("Je kind slaapt slecht. Dat is heel gewoon. Kinderen worden vaak wakker in de nacht. "
      "Een vast ritme helpt. Lees samen een boekje en geef een knuffel. ")  # 27 words


@pytest.mark.parametrize("word, expected", [
    ("kat", 1), ("baby", 2), ("huilt", 1), ("kinderen", 3), ("opvoeden", 3), ("nieuw", 1), ("mooie", 2),
    ("groeien", 2), ("bijzonder", 3), ("ideeën", 3), ("ruïne", 3), ("geïnteresseerd", 5), ("België", 3),
    ("één", 1), ("café", 2), ("informatie", 4), ("consultatiebureau", 6), ("museum", 3), ("serieus", 3),
    ("CJG", 3), ("CJG-medewerker", 7), ("e-mail", 2), ("yoga", 2), ("game", 1), ("gezinscoach", 3),
    ("112", 3), ("'s", 1),
])
def test_dutch_syllables(word, expected):
    assert syllables(word) == expected


def test_flesch_douma_on_known_sentences():
    # 6 words, 6 syllables, 1 sentence: 206.84 - 0.77 * 100 - 0.93 * 6
    assert flesch_douma("De kat zit op de mat.") == pytest.approx(124.26)
    # 6 words, 8 syllables (ba-by, nor-maal), 2 sentences
    assert flesch_douma("Je baby huilt. Dat is normaal.") == pytest.approx(206.84 - 0.77 * 800 / 6 - 0.93 * 3)


def test_markdown_is_stripped_and_headings_and_list_items_end_a_sentence():
    body = ("## Wat kun je doen\n\n- Lees [dit stuk](artikel:baby-huilt-veel)\n- **Bel** de huisarts\n\n"
            "Kijk op https://www.thuisarts.nl voor meer.")
    assert sentences(body) == ["Wat kun je doen", "Lees dit stuk", "Bel de huisarts", "Kijk op voor meer."]
    assert text_stats(body).words == 14


def _seed_paragraph() -> str:
    text = SEED.read_text("utf-8")
    start = text.index("De voorbereidingen voor het Centrum")
    return " ".join(text[start:text.index("Doelstelling en resultaten")].split())


def test_policy_text_fails_and_b1_text_passes_the_thresholds():
    policy = flesch_douma(_seed_paragraph())
    assert policy < min(MIN_READABILITY.values())
    assert flesch_douma(B1) > max(MIN_READABILITY.values())


@pytest.mark.parametrize("text, word", [
    ("Wij werken aan preventie.", "preventie"), ("Een preventieve aanpak.", "preventief"),
    ("Dat wordt genormaliseerd.", "normaliseren"), ("We ontzorgen ouders.", "ontzorgen"),
    ("Uit Eigen Kracht.", "eigen kracht"), ("Voor alle doelgroepen.", "doelgroep"),
    ("Een laagdrempelige plek.", "laagdrempelig"), ("Het cliëntsysteem.", "cliëntsysteem"),
    ("Wie gaat de regie voeren?", "regie voeren"), ("Op de vindplaatsen.", "vindplaats"),
])
def test_jargon_matches_words_and_inflections(text, word):
    assert JARGON_RE[word].search(text)


def test_jargon_ignores_names_and_compounds():
    text = "Bel 113 Zelfmoordpreventie. De Participatiewet. Een casusregisseur."
    assert not any(p.search(text) for p in JARGON_RE.values())


# -- the per-file checks on a small content tree ---------------------------------

@pytest.fixture
def tree(tmp_path) -> Path:
    """An empty content directory with the real taxonomy and municipalities."""
    root = tmp_path / "content"
    (root / "national").mkdir(parents=True)
    (root / "local" / "deventer").mkdir(parents=True)
    for name in ("taxonomy.yml", "municipalities.yml"):
        shutil.copy(CONTENT_DIR / name, root / name)
    return root


def write(root: Path, slug: str, body: str = B1 * 10, **fields) -> Path:
    """One content file; national for parents of babies unless fields say otherwise."""
    meta = {"slug": slug, "title": "Je kind slaapt slecht", "summary": "Slecht slapen is heel gewoon.",
            "audiences": ["ouders"], "themes": ["slapen"], "age_phases": ["baby"], "source": "national",
            "reviewed_on": dt.date(2026, 11, 1), **fields}
    if meta["source"] == "national":
        meta.setdefault("external_reference", f"nl-test-{slug}")
    else:
        meta.setdefault("municipality", "deventer")
    folder = root / ("national" if meta["source"] == "national" else "local/deventer")
    path = folder / f"{slug}.md"
    path.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n## Wat is er aan de hand?\n\n{body}\n")
    return path


def problems(root: Path, path: Path) -> list[tuple[str, str]]:
    """(check, message) of one file's errors."""
    return [(e.field, e.message) for e in lint_files([path], root).errors]


def test_a_good_article_passes(tree):
    assert problems(tree, write(tree, "goed")) == []


def test_front_matter_errors_come_from_the_parser(tree):
    path = write(tree, "kapot", themes=["bestaat-niet"])
    assert ("themes", "onbekende slug 'bestaat-niet'") in problems(tree, path)


def test_jargon_fails(tree):
    path = write(tree, "jargon", body=B1 * 9 + "Het CJG is een laagdrempelige plek voor preventie.")
    assert [check for check, _ in problems(tree, path)] == ["jargon", "jargon"]


def test_too_short_and_too_long_fail(tree):
    assert problems(tree, write(tree, "kort", body=B1 * 5))[0][0] == "words"
    assert "hoogstens 800" in problems(tree, write(tree, "lang", body=B1 * 30))[0][1]


def test_addition_has_its_own_word_limits(tree):
    write(tree, "goed")
    ok = write(tree, "in-deventer-goed", body=B1 * 3, source="local", addition_to="goed")
    assert problems(tree, ok) == []
    long = write(tree, "in-deventer-lang", body=B1 * 8, source="local", addition_to="goed")
    assert "hoogstens 200" in problems(tree, long)[0][1]


def test_broken_link_and_unknown_related_fail(tree):
    path = write(tree, "links", body=B1 * 10 + "Lees [meer](artikel:bestaat-niet) of kijk op [de kaart](/kaart).",
                 related=["ook-niet"])
    assert sorted(problems(tree, path)) == [
        ("links", "link naar artikel 'bestaat-niet' bestaat niet"),
        ("links", "onbekende portaalpagina '/kaart'"),
        ("related", "artikel 'ook-niet' bestaat niet"),
    ]


def test_links_to_existing_articles_and_portal_pages_pass(tree):
    write(tree, "ander-artikel")
    path = write(tree, "links", body=B1 * 10 + "Lees [meer](artikel:ander-artikel) of kijk bij [de inloop](/inloop).",
                 related=["ander-artikel"])
    assert problems(tree, path) == []


def test_low_readability_fails(tree):
    body = (_seed_paragraph().replace("Deventer", "{gemeente}") + "\n\n") * 2
    found = problems(tree, write(tree, "beleid", body=body, audiences=["professionals"], age_phases=[]))
    assert [check for check, _ in found] == ["readability"]
    assert "minimaal 45" in found[0][1]


def test_placeholders_place_names_and_example_data(tree):
    path = write(tree, "plaats", body=B1 * 10 + "Bel {cjg} in Deventer, {stad}. Open op maandag (voorbeeld).")
    assert sorted(check for check, _ in problems(tree, path)) == ["example", "placeholders", "placeholders"]


def test_command_line_prints_problems_tables_and_writes_report(tree, tmp_path, capsys):
    write(tree, "kort", body=B1)
    report = tmp_path / "report.md"
    assert main(["--content-dir", str(tree), "--report", str(report)]) == 1
    out = capsys.readouterr().out
    assert "national/kort.md: words: 33 woorden" in out and "content: corpus:" in out
    assert "Leesbaarheid (Flesch-Douma) per doelgroep" in out
    assert "| slapen | 1/0 | 0/0 |" in report.read_text()


# -- the corpus rules ------------------------------------------------------------

def article(slug: str, audiences: list[str], themes: list[str], source: str = "national",
            age_phases: list[str] = (), addition_to: str | None = None) -> ArticleSource:
    return ArticleSource(path=f"{slug}.md", slug=slug, title=slug, summary="", body="", audiences=audiences,
                         themes=themes, age_phases=list(age_phases), source=source,
                         municipality="deventer" if source == "local" else None,
                         reviewed_on=dt.date(2026, 11, 1), review_by=None, addition_to=addition_to)


def full_corpus() -> list[ArticleSource]:
    """The smallest corpus that meets every rule of the real taxonomy."""
    tax = load_taxonomy()
    phases = list(tax.age_phases)
    items = [article(f"{t.slug}-{a}-{i}", [a], [t.slug], age_phases=phases if a == "ouders" else [])
             for t in tax.themes.values() for a in t.audiences for i in range(2)]
    items += [article(f"extra-{i}", ["jongeren"], ["gezin"]) for i in range(90 - len(items))]
    items += [article(f"lokaal-{i}", ["ouders"], ["gezin"], "local", phases) for i in range(23)]
    return items


def test_a_corpus_meeting_the_rules_passes():
    assert check_corpus(full_corpus(), load_taxonomy(), "content") == []


def test_coverage_below_the_rule_fails():
    items = [a for a in full_corpus() if a.slug != "pesten-jongeren-1"]
    messages = [e.message for e in check_corpus(items, load_taxonomy(), "content")]
    assert "thema 'pesten' voor 'jongeren': 1 landelijke artikelen, minimaal 2" in messages
    assert "89 landelijke artikelen, minimaal 90" in messages


def test_additions_do_not_count_and_local_share_and_age_phases_are_checked():
    items = [a for a in full_corpus() if not a.slug.startswith("lokaal-")]
    items += [article(f"in-deventer-{i}", ["ouders"], ["gezin"], "local", addition_to="x") for i in range(30)]
    messages = [e.message for e in check_corpus(items, load_taxonomy(), "content")]
    assert "0 van 90 artikelen lokaal (0%), minimaal 20%" in messages
    items = [a for a in full_corpus() if "ouders" not in a.audiences]
    messages = [e.message for e in check_corpus(items, load_taxonomy(), "content")]
    assert "leeftijdsfase 'baby': 0 artikelen voor ouders, minimaal 10" in messages


# -- the real corpus ---------------------------------------------------------------

def test_real_corpus_passes():
    """THE REAL CORPUS (content/), still being written: every file and every
    corpus rule must pass. A failure lists the files and rules to fix."""
    result = lint(CONTENT_DIR)
    assert [str(e) for e in result.errors] == []
