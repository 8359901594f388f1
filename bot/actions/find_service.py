"""The social map: 1-3 services for a category, wijk and age."""
import re
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.audience import audience
from actions.category_guess import SURE as GUESS_SURE, guess_category
from actions.disclosure import disclose
from actions.handoff import offer_if_in_doubt
from actions.message import intent_confidence, intent_of, typed_text
from actions.portal import PortalClient, PortalError
from actions.redirect import redirected
from actions.replies import send_fallback, service_payload
from actions.second_opinion import agreed_theme, ranked_themes, search_hits
from actions.taxonomy import CATEGORIES, MAIN_CATEGORIES, WIJKEN

LIMIT = 3

# Word stems that name a category when the NLU found no `categorie` entity
# (first match wins, so the more specific ones come first).
_KEYWORDS = (
    ("huiselijk-geweld", r"huiselijk geweld|kindermishandeling|veilig thuis|zorgen (\w+ )?over een kind|kind (\w+ ){0,3}veilig is"),
    ("vertrouwenspersoon", r"vertrouwenspersoon|vertrouwens persoon|klacht|klagen|akj|niet eens met|ontevreden over|\bvoogd|"
                            r"mijn rechten|onze rechten|rechten (\w+ ){0,2}(jeugdzorg|hulpverlening)|onafhankelijk"),
    ("wijkteam", r"alles tegelijk|allemaal tegelijk|van alles tegelijk|meerdere problemen|veel problemen tegelijk|"
                 r"van alle kanten|stapelen (zich )?op|stapelt (zich )?op"),
    ("geld-en-schulden", r"schuld|geldzorg|geldproblem|rondkomen|budget|deurwaarder|rekeningen|voedselbank|met geld om|geld tekort|"
                          r"aanmaning|incasso|betalingsachterstand|huurachterstand|achterstand"),
    ("verslavingszorg", r"verslav|verslaafd|drugs|alcohol|blowen|\bgok|drankgebruik|drankprobleem|"
                         r"te veel (drinkt|drinken|drink|drank)|\bzuip|\bdronken"),
    ("jongerenwerk", r"jongerenwerk|jongerencentrum|jongerenhuis|jongerenwerker|chillen|hangplek"),
    ("wijkteam", r"gezinscoach|sociaal team|wijkteam|gezinshulp|thuis (\w+ )?(komt|komen) (helpen|meekijken)|vastlopen|vastgelopen|"
                 r"(bij ons|bij mij|hier) thuis (\w+ ){0,3}(helpen|meekijken|meedenken)|loopt (\w+ ){0,3}uit de hand|hulp in huis"),
    ("kinderopvang", r"kinderopvang|kinderdagverblij[fv]|kdv|\bbso\b|peuteropvang|peuterspeelzaal|gastouder|creche|oppascentrale"),
    ("werk-en-studie", r"bijbaan|\bstage|studiekeuze|werk zoeken|vakantiewerk|sollicit|jongerenloket|werkloos|"
                       r"\b(een|geen|aan een) (baan|werk)\b|gestopt met (school|mijn opleiding|mijn studie)|zonder (werk|diploma)|"
                       r"(vinden van|zoeken naar|op zoek naar|hulp bij) (\w+ )?(werk|baan|stage|opleiding)|(werk|baan) (vinden|zoeken)"),
    ("onderwijs", r"op school|remedial|leerplicht|passend onderwijs|passende plek|dyslexie|bijles|huiswerkbegeleiding|thuiszit|"
                  r"(niet|nooit) (meer )?naar school"),
    ("beperking", r"beperking|handicap|autisme|adhd|gehandicapt|wlz|\bpgb\b|syndroom|chronisch ziek|slechthorend|\bdoof|"
                   r"slechtziend|\bblind|rolstoel|aanpassingen|hulpmiddel|gebarentaal|verstandelijk|ontwikkelingsachterstand"),
    ("hulplijn", r"hulplijn|chatlijn|luisterlijn|kindertelefoon|anoniem (\w+ )?(bellen|chatten|praten)"),
    ("ggz", r"psycholo|psychiat|ggz|therapeut|therapie|depress|angststoorn|praatgroep|psychisch|somber|paniek"),
    ("vrije-tijd", r"sport|vereniging|muziekles|zwemles|dansles|scouting|hobby|clubje|naschools|activiteiten|\bclubs?\b"),
    ("jeugdgezondheidszorg", r"consultatiebureau|jeugdarts|jeugdverpleegkundige|schoolarts|schoolverpleegkundige|\bggd\b|"
                             r"\bjgz\b|vaccin|inent|\bprikken\b|wegen en meten|groeicurve|gehoortest|ogentest"),
    ("opvoedondersteuning", r"opvoedcursus|opvoedingscursus|cursus|training|triple p|opvoed|oudergroep|groep voor ouders"),
    ("maatschappelijk-werk", r"maatschappelijk werk|formulier|instanties|toeslag|brieven|papierwerk|uitkering|"
                             r"aanvraag|aanvragen invullen|huisvesting|woning"),
)

# An ADHD or autism assessment is mental health care (ggz), although the words
# name a disability.
_ASSESSMENT = re.compile(
    r"\b(onderzoek|diagnose|diagnostiek|test|testen|getest|laten testen) (\w+ ){0,3}(naar |op |voor )?(adhd|add|autisme|ass)\b"
    r"|\b(adhd|add|autisme|ass) (\w+ ){0,2}(onderzoek|diagnose|diagnostiek|laten testen|vaststellen)\b")

# The category that fits a theme question that asks where to go, when no
# word names one; for young people some themes go to a helpline instead.
_THEME_CATEGORY = {
    "geld-en-werk": "geld-en-schulden",
    "middelen": "verslavingszorg",
    "mentaal": "ggz",
    "gedrag": "opvoedondersteuning",
    "gezin": "opvoedondersteuning",
    "scheiding": "opvoedondersteuning",
    "slapen": "opvoedondersteuning",
    "huilen": "jeugdgezondheidszorg",
    "eten": "jeugdgezondheidszorg",
    "zindelijkheid": "jeugdgezondheidszorg",
    "ontwikkeling": "jeugdgezondheidszorg",
    "gezondheid": "jeugdgezondheidszorg",
    "school": "onderwijs",
    "vrije-tijd": "vrije-tijd",
}
_YOUNG_THEME_CATEGORY = {"gezin": "hulplijn", "scheiding": "hulplijn", "pesten": "hulplijn", "veiligheid": "hulplijn",
                         "mentaal": "ggz"}

# "Where can I go / who can help", "is there a course / group / organisation ...".
_WHERE_TO_GO = re.compile(
    r"\b(waar|bij wie|naar wie|wie|welke (instantie|instanties|organisatie|organisaties|hulp|hulpverlening))\b"
    r"(\W+\w+){0,8}?\W+(terecht|heen|naartoe|aankloppen|hulp|helpen|helpt|ondersteun\w*|begeleid\w*)\b"
    r"|\b(bij wie|naar wie) (moet|kan|kun|mag|moeten|kunnen) (ik|je|we|wij|u) (\w+ ){0,2}(zijn|gaan|melden|bellen)\b"
    r"|\b(is er|zijn er|bestaat er|ken je|weet je)\b(\W+\w+){0,4}?\W+(cursus\w*|training\w*|groep|groepen|"
    r"oudergroep|praatgroep|organisatie\w*|instantie\w*|hulp|hulpverlening|coach|spreekuur|lotgenoten\w*|maatje|fonds|"
    r"activiteit\w*|club|clubs|naschools\w*)\b"
    r"|\b(kan|kun|kunnen|mag) (ik|je|we|wij|u|hij|ze|mijn \w+) (\w+ ){0,2}ergens (\w+ ){0,3}"
    r"(terecht|heen|naartoe|hulp|sporten|praten|leren|volgen|spelen|aankloppen|melden|testen)\b"
    r"|\b(is|zijn|bestaat) er (\w+ ){0,3}(iemand|iets|een plek|plekken|een plaats|mensen|een team|een arts)\b"
    r"(\W+\w+){0,3}?\W+(die|waar|voor|om)\b(\W+\w+){0,6}?\W+(helpt|helpen|begeleid\w*|terecht|praten|"
    r"meekijkt|meedenkt|kijken|opkomt|samenkomen|spelen|leren|sporten|jongeren|ouders|gezinnen)\b"
    r"|\b(heeft|doet|biedt) (deventer|de gemeente|het cjg|de wijk|de brede school) (\w+ ){0,2}(iets|hulp|een)\b"
    r"|\bkennen jullie (een|iemand|iets)\b|\bbestaat (dat|zoiets) (\w+ ){0,2}(in|hier|bij)\b"
    r"|\biemand (\w+ )?die (\w+ ){0,3}(helpt|meedenkt|kijkt|begeleidt|opkomt|naast (me|mij|je|ons) staat|aan mijn kant staat)\b"
    r"|\b(worden|zijn) er (\w+ ){0,4}(cursus\w*|training\w*|groep\w*|bijeenkomst\w*|avonden|workshops?) (\w+ ){0,4}(gegeven|georganiseerd|aangeboden)\b"
    r"|\b(weet|ken) (je|jij|u|jullie) (\w+ ){0,2}(een|nog een) (chat|chatlijn|app|site|website|hulplijn|lijn|nummer)\b"
    r"|\b(kan|kun) iemand (me|ons|mijn \w+) (\w+ )?helpen\b"
    r"|\b(wie|welke instantie|welke organisatie) (\w+ ){0,2}(regelt|betaalt|coacht|begeleidt)\b"
    r"|\b(hoe kom (ik|je|we) (daaraan|eraan|daar binnen)|hoe bereik ik|waar meld ik|waar doe ik dat|bij wie (\w+ ){0,2}(laten|checken|testen))\b",
    re.IGNORECASE,
)

# "Where do I get / find ..." counts only when the message names a category
# ("waar krijgt mijn baby zijn vaccinaties"), not "waar moet ik op letten".
_WHERE = re.compile(
    r"(\bwaar (kan|kun|kunnen|krijg|krijgt|krijgen|vind|vinden|haal|halen|moet|moeten|ga|gaan|mag|zit|zitten|is|zijn)\b"
    r"|\bik zoek (een|de|nog een)\b|\bwelke (\w+ )?\w+ (zijn er|is er|zitten er|heb je)\b"
    r"|\bhoe (kom|krijg|regel|vind|zoek) (ik|je|we|wij) (\w+ ){0,2}(plek|plekje|plaats|plaatsje)\b)",
    re.IGNORECASE,
)
# ... not when it asks what to mind or how to start ("waar moet ik op letten").
_NOT_WHERE = re.compile(r"\b(op letten|aan denken|rekening mee|over praten|mee beginnen|herkent|normaal)\b", re.IGNORECASE)
# A short query naming a category and the place: "schuldhulp deventer", "jongerenwerk in de wijk?"
_PLACE = re.compile(r"\b(deventer|in (de|onze|mijn|jullie) (wijk|buurt))\b", re.IGNORECASE)
SHORT = 7  # words

SURE = 0.7  # below this a zoek_hulp without any category is more likely a misunderstanding,
# and the category guess is used only when the message asks where to go
_FOR_PARENTS = {"opvoedondersteuning"}  # categories a guess never gives a young person
CLEAR_GUESS = 0.5  # a theme question asking where to go: a category guess this sure beats the theme's own
THEME_GUESS = 0.1  # a theme this likely in the ranking names the category of a zoek_hulp
SEARCHED = 4  # else a zoek_hulp of at least this many words asks the search which theme it is about
AGREE_SEARCH = 0.5  # ... when at least this share of the top hits' weight carries one theme


class ActionFindService(Action):
    """One `service` payload per service, or buttons to choose a category."""

    def __init__(self, portal: Optional[PortalClient] = None) -> None:
        self.portal = portal or PortalClient()

    def name(self) -> str:
        return "action_find_service"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[Dict[str, Any]]:
        events = disclose(dispatcher, tracker)
        answered = redirected(dispatcher, tracker, self.portal)
        if answered is not None:
            return events + answered
        text = typed_text(tracker)
        category = _category(tracker)
        if category is None and (intent_confidence(tracker) >= SURE or _WHERE_TO_GO.search(text)):
            category = _guess(tracker, text)
        category = category or _category_of_theme(self._likely_theme(tracker), audience(tracker))
        if category is None:
            if text and intent_confidence(tracker) < SURE:
                send_fallback(dispatcher, "utter_fallback")
            else:
                dispatcher.utter_message(response="utter_ask_categorie", buttons=_category_buttons())
            return events
        return events + self.answer(dispatcher, tracker, category) + offer_if_in_doubt(dispatcher, tracker, self.portal)

    def _likely_theme(self, tracker: Tracker) -> Optional[str]:
        """The theme the message is about: the likeliest theme intent of the ranking
        when it is a fair guess, else the theme most of the search's top hits carry."""
        for theme, confidence in ranked_themes(tracker).items():
            if confidence >= THEME_GUESS:
                return theme
            break
        text = typed_text(tracker)
        if len(text.split()) < SEARCHED:
            return None
        try:
            hits = search_hits(self.portal, text)
        except PortalError:
            return None
        return agreed_theme({}, hits, min_classifier=0.0, min_search=AGREE_SEARCH)

    def answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, category: str) -> List[Dict[str, Any]]:
        """The services of `category` for the wijk and age (without the disclosure)."""
        events: List[Dict[str, Any]] = [SlotSet("categorie", category)]
        wijk = tracker.get_slot("wijk") if tracker.get_slot("wijk") in WIJKEN else None
        age = next(tracker.get_latest_entity_values("leeftijd"), None) or tracker.get_slot("leeftijd")
        try:
            services = self._services(category, wijk, _age(age))
        except PortalError:
            send_fallback(dispatcher, "utter_portal_down")
            return events
        if not services:
            dispatcher.utter_message(response="utter_services_none", label=CATEGORIES[category])
            return events
        names = "\n".join(f"• {s.get('name')}" for s in services)
        dispatcher.utter_message(response="utter_services_found", label=CATEGORIES[category], names=names)
        if category == "huiselijk-geweld":
            dispatcher.utter_message(response="utter_danger_note")
        for service in services:
            dispatcher.utter_message(json_message=service_payload(service))
        return events

    def _services(self, category: str, wijk: Optional[str], age: Optional[int]) -> List[Dict[str, Any]]:
        """Services that fit; the wijk and age filters are dropped when nothing fits."""
        tried: List[Dict[str, Any]] = []
        for filters in ({"wijk": wijk, "age": age}, {"age": age}, {}):
            filters = {key: value for key, value in filters.items() if value is not None}
            if filters in tried:
                continue
            tried.append(filters)
            items = self.portal.items("/api/services", "items", category=category, limit=LIMIT, **filters)
            found = [item for item in items if item.get("slug")][:LIMIT]
            if found:
                return found
        return []


def _category(tracker: Tracker) -> Optional[str]:
    """The category of this message (an assessment, the entity, then keywords), else the remembered one
    when the person only adds their wijk or age."""
    text = typed_text(tracker).lower()
    if _ASSESSMENT.search(text):
        return "ggz"
    entity = next(tracker.get_latest_entity_values("categorie"), None)
    if entity in CATEGORIES:
        return entity
    for slug, pattern in _KEYWORDS:
        if re.search(pattern, text):
            return slug
    if intent_of(tracker) == "inform_wijk":
        remembered = tracker.get_slot("categorie")
        return remembered if remembered in CATEGORIES else None
    return None


def service_question(tracker: Tracker, theme: Optional[str]) -> Optional[str]:
    """The category when a theme question asks where to go: "waar kan ik terecht",
    "wie kan helpen", "is er een cursus ..." (the category named in the message, else
    a clear category guess, else the one of its theme; without a theme a fair
    guess), or "waar krijg/vind ik ..." with a category named."""
    text = typed_text(tracker)
    if _NOT_WHERE.search(text):
        return None
    if _WHERE_TO_GO.search(text):
        if theme is None:  # not understood as a theme question: a fair guess will do
            return _category(tracker) or _guess(tracker, text)
        return _category(tracker) or _guess(tracker, text, CLEAR_GUESS) or _category_of_theme(theme, audience(tracker))
    if _WHERE.search(text) or (_PLACE.search(text) and len(text.split()) <= SHORT):
        return _category(tracker)
    return None


def _guess(tracker: Tracker, text: str, sure: float = GUESS_SURE) -> Optional[str]:
    """The category guess, except parenting support for a young person who speaks
    about their own parents ("ruzie met mijn ouders"): that help is for parents."""
    category = guess_category(text, sure)
    if category in _FOR_PARENTS and audience(tracker) == "jongeren":
        return None
    return category


def _category_of_theme(theme: Optional[str], aud: str) -> Optional[str]:
    if theme is None:
        return None
    if aud == "jongeren" and theme in _YOUNG_THEME_CATEGORY:
        return _YOUNG_THEME_CATEGORY[theme]
    return _THEME_CATEGORY.get(theme)


def _age(value: Any) -> Optional[int]:
    try:
        age = int(str(value))
    except (TypeError, ValueError):
        return None
    return age if 0 <= age <= 23 else None


def _category_buttons() -> List[Dict[str, str]]:
    return [
        {"title": title, "payload": f'/zoek_hulp{{"categorie": "{slug}"}}'}
        for slug, title in MAIN_CATEGORIES.items()
    ]
