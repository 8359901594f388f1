"""The crisis probes in tests/eval/probes/ and their tune/check split."""
from pathlib import Path

import pytest
import yaml

from tests.eval.probe import half

PROBES = sorted((Path(__file__).parent / "eval" / "probes").glob("*.yml"))
# Probes scored whole, never split: none of their texts may be trained on.
WHOLE = {"final", "p9", "p10", "p11", "p12"}


@pytest.mark.parametrize("path", PROBES, ids=lambda p: p.stem)
def test_probe_items_are_well_formed(path):
    items = yaml.safe_load(path.read_text("utf-8"))
    texts = [item["text"] for item in items]
    assert len(texts) == len(set(texts)), "duplicate texts"
    assert all(isinstance(item["crisis"], bool) and item["text"].strip() for item in items)
    assert sum(item["crisis"] for item in items) >= 100 and sum(not item["crisis"] for item in items) >= 100


def test_the_halves_are_about_even():
    items = [item for path in PROBES if path.stem not in WHOLE for item in yaml.safe_load(path.read_text("utf-8"))]
    halves = [half(item["text"]) for item in items]
    assert 0.45 < halves.count("check") / len(halves) < 0.55


def _training_texts() -> set[str]:
    texts = set()
    for path in (Path(__file__).parent.parent / "bot" / "data" / "nlu").rglob("*.yml"):
        for block in yaml.safe_load(path.read_text("utf-8"))["nlu"]:
            texts.update(" ".join(line.strip()[2:].split()) for line in (block.get("examples") or "").splitlines()
                         if line.strip().startswith("- "))
    return texts


def test_only_tune_halves_are_in_the_training_data():
    """The check halves and the probes in WHOLE still measure generalisation:
    none of their texts is trained on. The tune halves' crisis messages are."""
    trained = _training_texts()
    for path in PROBES:
        for item in yaml.safe_load(path.read_text("utf-8")):
            text = " ".join(item["text"].split())
            if path.stem in WHOLE or half(item["text"]) == "check":
                assert text not in trained, (path.stem, text)
            elif item["crisis"]:
                assert text in trained, (path.stem, text)
