"""The taxonomy copy in content/ has the shared slugs and whole labels."""
from pathlib import Path

import pytest
import yaml

from portal.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "design" / "taxonomy.yml"
KNOWN_KEYS = {"nl", "en", "audiences", "site", "from_months", "to_months"}


def test_labels_are_whole():
    raw = yaml.safe_load((ROOT / "content" / "taxonomy.yml").read_text())
    for group, items in raw.items():
        for slug, value in items.items():
            if isinstance(value, dict):
                assert set(value) <= KNOWN_KEYS, f"{group}.{slug}: a label was split by a comma: {value}"
    assert load_taxonomy().themes["middelen"].nl == "Alcohol, roken en drugs"


@pytest.mark.skipif(not SHARED.exists(), reason="shared/design is not beside this checkout")
def test_same_slugs_as_the_shared_design():
    ours, shared = yaml.safe_load((ROOT / "content" / "taxonomy.yml").read_text()), yaml.safe_load(SHARED.read_text())
    for group in shared:
        assert set(ours[group]) == set(shared[group]), group
