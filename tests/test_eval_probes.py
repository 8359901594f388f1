"""The crisis probes in tests/eval/probes/ and their tune/check split."""
from pathlib import Path

import pytest
import yaml

from tests.eval.probe import half

PROBES = sorted((Path(__file__).parent / "eval" / "probes").glob("*.yml"))


@pytest.mark.parametrize("path", PROBES, ids=lambda p: p.stem)
def test_probe_items_are_well_formed(path):
    items = yaml.safe_load(path.read_text("utf-8"))
    texts = [item["text"] for item in items]
    assert len(texts) == len(set(texts)), "duplicate texts"
    assert all(isinstance(item["crisis"], bool) and item["text"].strip() for item in items)
    assert sum(item["crisis"] for item in items) >= 100 and sum(not item["crisis"] for item in items) >= 100


def test_the_halves_are_stable_and_about_even():
    items = [item for path in PROBES for item in yaml.safe_load(path.read_text("utf-8"))]
    halves = [half(item["text"]) for item in items]
    assert halves == [half(item["text"]) for item in items]
    assert 0.45 < halves.count("check") / len(halves) < 0.55
    assert half("ik wil niet meer leven") in ("tune", "check")
