"""The slugs and labels of the shared taxonomy that the actions need.

Mirrors shared/design/taxonomy.yml (slugs are stable; labels may be reworded).
"""
from typing import Optional

THEMES = (
    "zwangerschap", "huilen", "slapen", "eten", "zindelijkheid", "gedrag",
    "ontwikkeling", "gezondheid", "media", "school", "pesten", "puberteit",
    "middelen", "seksualiteit", "vriendschap", "scheiding", "gezin",
    "geld-en-werk", "mentaal", "veiligheid", "cultuur-en-geloof", "vrije-tijd",
)

WIJKEN = {
    "binnenstad": "Binnenstad",
    "bathmen": "Bathmen",
    "colmschate": "Colmschate",
    "de-hoven": "De Hoven",
    "diepenveen": "Diepenveen",
    "keizerslanden": "Keizerslanden",
    "rivierenwijk": "Rivierenwijk",
    "schalkhaar": "Schalkhaar",
    "vijfhoek": "Vijfhoek",
    "voorstad": "Voorstad",
    "zandweerd": "Zandweerd",
    "borgele-platvoet": "Borgele en Platvoet",
    "holterweg-knutteldorp": "Holterweg en Knutteldorp",
    "steenbrugge": "Steenbrugge",
    "zwolseweg-tuindorp": "Zwolseweg en Tuindorp",
}

# Service categories with the label used in replies ("hulp bij ...").
CATEGORIES = {
    "cjg-inloop": "het inloopspreekuur van het CJG",
    "cjg-telefoon": "het telefonisch spreekuur van het CJG",
    "jeugdgezondheidszorg": "het consultatiebureau en de jeugdarts",
    "opvoedondersteuning": "opvoedvragen en cursussen",
    "wijkteam": "een gezinscoach of het sociaal team",
    "jongerenwerk": "het jongerenwerk",
    "maatschappelijk-werk": "maatschappelijk werk",
    "geld-en-schulden": "geldzaken en schulden",
    "verslavingszorg": "verslaving",
    "ggz": "psychische hulp",
    "huiselijk-geweld": "huiselijk geweld en kindermishandeling",
    "crisis": "crisis en spoed",
    "onderwijs": "hulp op school",
    "kinderopvang": "kinderopvang",
    "hulplijn": "hulplijnen en chat",
    "vertrouwenspersoon": "een vertrouwenspersoon of een klacht",
    "werk-en-studie": "werk, stage en studie",
    "beperking": "een beperking",
    "vrije-tijd": "sport en vrije tijd",
    "e-hulp": "online hulp van het CJG",
}

# The categories offered as buttons when the person did not say what they need.
MAIN_CATEGORIES = {
    "opvoedondersteuning": "Opvoeden",
    "wijkteam": "Gezinscoach",
    "geld-en-schulden": "Geld en schulden",
    "ggz": "Psychische hulp",
    "verslavingszorg": "Verslaving",
    "jongerenwerk": "Jongerenwerk",
    "onderwijs": "Hulp op school",
    "kinderopvang": "Kinderopvang",
}


def theme_of_intent(intent: Optional[str]) -> Optional[str]:
    """`vraag_geld_en_werk` -> `geld-en-werk`; None for other intents."""
    if not intent or not intent.startswith("vraag_"):
        return None
    theme = intent[len("vraag_"):].replace("_", "-")
    return theme if theme in THEMES else None


def wijk_label(slug: Optional[str]) -> str:
    """Readable name of a wijk slug (the slug itself when unknown)."""
    return WIJKEN.get(slug or "", slug or "")
