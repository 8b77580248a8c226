"""Round 9 of the kaart search (own example sentences, not from the test sets): what neighbours hear, meeting
people in the neighbourhood and activities by name are everyday words of a theme; a leisure question with a worry
besides it shows the municipality's own way in; behaviour at school is no parenting question."""
import pytest

from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek


@pytest.mark.parametrize("question, theme", [
    # what neighbours or passers-by hear and see: a worry about safety at home from outside the family
    ("de buurvrouw hoort 's nachts gegil bij de familie naast haar", "veiligheid"),
    ("buren maken zich zorgen om de kinderen van nummer twaalf", "veiligheid"),
    ("er is vaak geschreeuw te horen in de flat van dit gezin", "veiligheid"),
    # meeting people in the neighbourhood, a small network
    ("moeder zonder netwerk zoekt contacten in de buurt", "vrije_tijd"),
    ("het gezin heeft een klein netwerk en is nieuw in de wijk", "vrije_tijd"),
    ("vader voelt zich erg alleen sinds de verhuizing", "somberheid_angst"),
    # activities by name
    ("zoon van 9 wil graag op judo", "vrije_tijd"),
    ("dochter van 12 zou graag gitaar leren spelen", "vrije_tijd"),
    ("jongen van 14 wil op kickboksen", "vrije_tijd"),
    # how parents describe a young child's speech, and reading in the first school years
    ("zoontje van 2 zegt nog maar een paar woordjes", "ontwikkeling"),
    ("dochter van 6 leest moeizaam en haalt letters door elkaar", "leren"),
    ("de juf ziet dat hij moeite met letters heeft en zijn moeder is ook dyslectisch", "leren"),
    ("dochter van 6 plast in haar broek als ze buiten speelt", "ontwikkeling"),
])
def test_round_9_everyday_words(question, theme):
    assert theme in parse_vraag(question).themas


def _top(question: str) -> list:
    return [hit.id for hit in zoek(question, limit=5).hits[:3]]


@pytest.mark.parametrize("question", [
    "De Meern: zoon van 10 wil op judo maar het gezin kan het lidmaatschap niet betalen",
    "Vleuten: jongen van 9 wil graag op een sportclub maar is heel verlegen",
])
def test_a_leisure_question_with_a_worry_shows_the_own_way_in(question):
    assert "buurtteam_vleuten" in _top(question)


def test_a_leisure_question_alone_shows_leisure_not_the_way_in():
    hits = zoek("Vleuten: meisje van 12 zoekt een toneelclub", limit=5).hits
    assert "buurtteam_vleuten" not in [hit.id for hit in hits[:3]]
    assert "sport, cultuur en vrije tijd" in hits[0].waarom


def test_behaviour_at_school_is_no_parenting_question():
    top = _top("Bussum: jongen van 11 wordt steeds de klas uitgestuurd omdat hij vecht")
    assert "opvoedcoach_ggd" not in top
    assert {"poh_jeugd", "jeugdconsulent_school_gooise_meren"} & set(top)


def test_behaviour_at_school_and_at_home_keeps_parenting_support():
    question = "Laren: zoon van 7 is thuis en in de klas heel driftig, de ouders weten niet hoe ze moeten reageren"
    assert "opvoedcoach_ggd" in _top(question)


def test_what_the_neighbours_hear_finds_the_safety_service():
    assert "veilig_thuis" in _top("Huizen: de buren horen vaak gegil bij het gezin hiernaast, er wonen twee kleine "
                                  "kinderen")



@pytest.mark.parametrize("question", [
    "Vleuten: jongen van 15 wil graag drummen, waar kan dat in de buurt?",
    "De Meern: dochter van 13 wil graag ergens gitaar spelen met andere jongeren",
])
def test_a_music_question_shows_no_sports_club_in_the_top(question):
    assert not {"fletiomare", "sportutrecht"} & set(_top(question))


def test_a_sports_question_leads_with_sport_not_culture():
    first = zoek("Vleuten: dochter van 12 speelt hockey en heeft veel last van prestatiedruk", limit=5).hits[0].id
    assert first in {"fletiomare", "sportutrecht"}


def test_getting_to_know_people_is_no_learning_problem():
    parsed = parse_vraag("vader wil graag andere ouders in de buurt leren kennen")
    assert "leren" not in parsed.themas and "vrije_tijd" in parsed.themas
    assert "leren" in parse_vraag("zoon van 9 kan de tafels maar niet leren").themas


@pytest.mark.parametrize("question", [
    "de mentor ziet een leerling van 13 die dreigt vast te lopen in de klas",
    "een meisje van 10 dat thuis vastloopt, de juf maakt zich zorgen",
])
def test_a_child_getting_stuck_is_no_stuck_help(question):
    assert "vastgelopen_hulp" not in parse_vraag(question).themas


def test_stuck_help_stays_stuck_help():
    assert "vastgelopen_hulp" in parse_vraag("de hulp aan dit gezin loopt steeds vast op school en thuis").themas


def test_reporting_a_worry_to_the_municipality_is_no_report_to_the_safety_service():
    assert "veiligheid" not in parse_vraag("waar meld ik bij de gemeente een zorg over een gezin in Laren?").themas
    assert "veiligheid" in parse_vraag("de buurvrouw wil het gezin melden bij Veilig Thuis").themas
