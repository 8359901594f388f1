"""actions/category_guess.py: the social-map category of a request that names none."""
import pytest

from actions.category_guess import guess_category, load_examples, ranked_categories
from actions.taxonomy import CATEGORIES

# Requests written for these tests, not taken from the examples file.
REQUESTS = [
    ("volgens mij hoort mijn dochter van 4 niet goed, ze reageert niet als ik roep", "jeugdgezondheidszorg"),
    ("ik wil een klacht indienen over de gezinsvoogd", "vertrouwenspersoon"),
    ("hij blowt elke dag en wil stoppen maar lukt niet", "verslavingszorg"),
    ("mn dochter (6) heeft nergens vriendjes, is er een clubje waar ze na school heen kan", "vrije-tijd"),
    ("we hebben een plek nodig voor onze baby als ik weer ga werken", "kinderopvang"),
    ("ik ben 17 en wil een bijbaantje maar weet niet hoe je solliciteert", "werk-en-studie"),
]


def test_every_example_category_is_a_category_with_enough_examples():
    examples = load_examples()
    assert set(examples) <= set(CATEGORIES)
    assert all(len(texts) >= 30 for texts in examples.values())
    assert {"geld-en-schulden", "ggz", "wijkteam", "maatschappelijk-werk", "e-hulp"} <= set(examples)


@pytest.mark.parametrize("text,category", REQUESTS)
def test_a_request_without_the_category_word_gets_its_category(text, category):
    assert guess_category(text) == category


@pytest.mark.parametrize("text", ["hallo", "wat is het weer morgen", "asdfgh", "", "   "])
def test_no_guess_when_nothing_is_asked(text):
    assert guess_category(text) is None


def test_ranking_holds_every_category_once():
    ranking = ranked_categories("waar kan ik terecht met vragen over geld")
    assert sorted(c for c, _ in ranking) == sorted(load_examples())
    assert abs(sum(p for _, p in ranking) - 1) < 1e-6
