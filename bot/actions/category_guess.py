"""Which social-map category a request for help is about when no word names one
("we komen niet rond" -> geld-en-schulden): a small text classifier, logistic
regression on TF-IDF word and character n-grams, trained on the example
requests in data/service_requests.yml once per process, when first needed
(about a second)."""
import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, make_pipeline

EXAMPLES = Path(__file__).resolve().parent.parent / "data" / "service_requests.yml"
SURE = 0.25  # the best category needs at least this probability ...
MARGIN = 0.1  # ... and this much more than the second best
# Words of asking that say nothing about the kind of help: a request made only of
# these ("ik zoek hulp", "bij wie kan ik aankloppen") gets no guess.
_ASKING = frozenset(
    "ik je jij we wij u ons mij me mn mijn zoek zoeken hulp help helpen helpt wie waar bij kan kun kunnen mag moet "
    "terecht aankloppen heen naartoe iemand iets er is zijn een de het in met voor van hier deventer jullie cjg "
    "graag nodig hebben heb wil willen ergens welke instantie organisatie hoe wat om ook nog even toch wel "
    "hallo hoi hey hee goedemorgen goedemiddag goedenavond ben heet naam dag".split()
)
_WORD = re.compile(r"[a-z]+")


def load_examples(path: Path = EXAMPLES) -> Dict[str, List[str]]:
    """The example requests per category slug."""
    with open(path, encoding="utf-8") as handle:
        return {category: list(texts) for category, texts in yaml.safe_load(handle).items()}


@lru_cache(maxsize=1)
def _model():
    examples = load_examples()
    texts = [text for items in examples.values() for text in items]
    labels = [category for category, items in examples.items() for _ in items]
    features = FeatureUnion([
        ("words", TfidfVectorizer(lowercase=True, ngram_range=(1, 2), sublinear_tf=True, min_df=1)),
        ("chars", TfidfVectorizer(lowercase=True, analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)),
    ])
    model = make_pipeline(features, LogisticRegression(C=10, max_iter=2000))
    model.fit(texts, labels)
    return model


def ranked_categories(text: str) -> List[Tuple[str, float]]:
    """All categories with their probability for `text`, likeliest first."""
    model = _model()
    probabilities = model.predict_proba([text])[0]
    return sorted(zip(model.classes_, probabilities), key=lambda pair: -pair[1])


def guess_category(text: str, sure: float = SURE) -> Optional[str]:
    """The category of `text` when the classifier gives it at least `sure` and is
    clear about it; else None."""
    if not any(word not in _ASKING for word in _WORD.findall((text or "").lower())):
        return None
    (best, first), (_, second) = ranked_categories(text)[:2]
    return best if first >= sure and first - second >= MARGIN else None
