"""The three most frequent general causes of the misses on the blind sets toets16..toets21 (session 25), each with a
rule for questions not yet written:

- the youth health service (JGZ, a general entrance with eleven themes) is the way in for a question about growth; for
  another question it gets no bonus as a way in, so a service made for the problem is not kept out of the first three;
- Veilig Thuis joining the first three does not push out the municipality's own way in;
- school staff who ask (IB'er, mentor, leerkracht, zorgcoördinator) see the school's own link to the way in (the
  vaste jeugdconsulent per school, the jeugdconsulent verbonden aan de school, the Kernpartneraanpak).

And the measure-only service stays right after the best match when a measure runs and a placement is named, also when
the search ranked it third.
"""
from __future__ import annotations

import pytest

from bot.kaart import routes, top
from bot.kaart.hits import place_hit
from bot.kaart.index import default_index
from bot.kaart.query import parse_vraag
from bot.kaart.question import question_context
from bot.kaart.search import zoek

pytestmark = pytest.mark.usefixtures("rules_only_masking")


def ids(result, count=3):
    return [hit.id for hit in result.hits[:count]]


def hit_of(result, service_id):
    return next(hit for hit in result.hits if hit.id == service_id)


# --- the JGZ is the way in for growth, not for every question its themes touch ---------------------------------------

def test_the_jgz_gets_no_entrance_bonus_for_a_question_about_parenting():
    result = zoek("moeder uit Huizen: zoon van 10 krijgt elke avond woedeaanvallen, zij zoekt hulp bij de opvoeding",
                  limit=8)
    assert hit_of(result, "jeugd_en_gezin_ggd").onderdelen["ingang"] == 0.0
    # the municipality's own way in keeps its bonus, and the opvoedcoach (made for parenting) leads the JGZ
    assert hit_of(result, "team_jeugd_huizen").onderdelen["ingang"] == 1.0
    found = [hit.id for hit in result.hits]
    assert found.index("opvoedcoach_ggd") < found.index("jeugd_en_gezin_ggd")
    assert {"team_jeugd_huizen", "opvoedcoach_ggd"} <= set(ids(result))


@pytest.mark.parametrize("text", [
    "peuter van 2 in Bussum praat nog niet, ouders maken zich zorgen",
    "Hilversum: baby van 5 maanden drinkt slecht en groeit weinig",
    "Laren, meisje van 9 wordt gepest in de klas",
])
def test_the_jgz_keeps_its_entrance_bonus_for_a_question_about_growth(text):
    result = zoek(text)
    assert "jeugd_en_gezin_ggd" in ids(result)
    assert hit_of(result, "jeugd_en_gezin_ggd").onderdelen["ingang"] == 1.0


# --- Veilig Thuis joins the first three, the way in stays -------------------------------------------------------------

def _hits(index, gemeente, *service_ids):
    return [place_hit(index.doc(service_id), gemeente) for service_id in service_ids]


def test_veilig_thuis_joining_the_top_keeps_the_municipalitys_own_way_in():
    index = default_index()
    parsed = parse_vraag("Naarden: vader heeft moeder geslagen, zoon van 9 was erbij")
    ctx = question_context(parsed, 9, "gooise_meren", ["veiligheid"])
    before = _hits(index, "gooise_meren", "poh_jeugd", "schoolmaatschappelijk_werk_versa", "jeugdteam_gooise_meren",
                   "opvoedcoach_ggd")
    safety = place_hit(index.doc("veilig_thuis"), "gooise_meren")
    after = routes._way_in_stays(index, ctx, before, before[:1] + [safety] + before[1:])
    assert [hit.id for hit in after[:3]] == ["poh_jeugd", "veilig_thuis", "jeugdteam_gooise_meren"]
    assert after[3].id == "schoolmaatschappelijk_werk_versa"  # it gives way, it does not go


def test_veilig_thuis_joining_the_top_moves_nothing_else_without_a_way_in_there():
    index = default_index()
    parsed = parse_vraag("Naarden: vader heeft moeder geslagen, zoon van 9 was erbij")
    ctx = question_context(parsed, 9, "gooise_meren", ["veiligheid"])
    before = _hits(index, "gooise_meren", "poh_jeugd", "schoolmaatschappelijk_werk_versa", "opvoedcoach_ggd",
                   "jeugdteam_gooise_meren")
    safety = place_hit(index.doc("veilig_thuis"), "gooise_meren")
    after = before[:1] + [safety] + before[1:]
    assert routes._way_in_stays(index, ctx, before, after) == after


@pytest.mark.parametrize("text,way_in", [
    ("Naarden: jongen van 13 zegt dat zijn stiefvader hem slaat als hij te laat thuiskomt, hij wil met iemand praten",
     "jeugdteam_gooise_meren"),
    ("Huizen, moeder durft niet naar huis omdat vader haar bedreigt, zoon van 11 en dochter van 6",
     "team_jeugd_huizen"),
])
def test_danger_at_home_shows_veilig_thuis_and_the_way_in(text, way_in):
    assert {"veilig_thuis", way_in} <= set(ids(zoek(text)))


# --- school staff see the school's own link to the way in -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "IB'er Lunetten: een meisje uit groep 5 is erg stil en huilt vaak in de klas. Wie kan meedenken?",
    "Goedemiddag, ik ben leerkracht op een basisschool in Zuilen. Een jongen van 8 is sinds de zomer erg boos.",
    "Goedendag, als intern begeleider van een basisschool in Overvecht maak ik me zorgen over een jongen van 7.",
])
def test_school_staff_in_utrecht_see_the_kernpartneraanpak(text):
    result = zoek(text)
    assert "kernpartneraanpak" in ids(result)
    assert "buurtteam_vleuten" in ids(result)  # the way in of the family stays


def test_the_link_added_for_school_staff_says_why():
    result = zoek("Goedemiddag, ik ben leerkracht op een basisschool in Zuilen. Een jongen van 8 is sinds de zomer "
                  "erg boos.")
    assert hit_of(result, "kernpartneraanpak").waarom.startswith(top.SCHOOL_LINK_WHY)


@pytest.mark.parametrize("text,link", [
    ("ik ben mentor op een school in Naarden: leerling van 14 verzuimt steeds vaker en is somber",
     "jeugdconsulent_school_gooise_meren"),
    ("Goedendag, als intern begeleider van een basisschool in Huizen maak ik me zorgen over een jongen van 8 die "
     "niet meer eet.", "jeugdconsulent_onderwijs_huizen"),
    ("zorgcoördinator Huizen: brugklasser van 12 trekt zich terug sinds de scheiding van zijn ouders",
     "jeugdconsulent_onderwijs_huizen"),
])
def test_school_staff_in_the_gooi_see_the_schools_own_jeugdconsulent(text, link):
    assert link in ids(zoek(text))


def test_the_school_link_does_not_push_out_the_way_in():
    result = zoek("zorgcoördinator Huizen: brugklasser van 12 trekt zich terug sinds de scheiding van zijn ouders")
    assert {"jeugdconsulent_onderwijs_huizen", "team_jeugd_huizen"} <= set(ids(result))


@pytest.mark.parametrize("text", [
    "moeder uit Lunetten: dochter van 9 is erg stil en huilt vaak",
    "huisarts in Lunetten: meisje van 9 is erg stil en huilt vaak, volgens de juf ook in de klas",
])
def test_a_parent_or_gp_is_no_school_staff(text):
    parsed = parse_vraag(text)
    assert "via_school" not in parsed.beller_route
    assert "kernpartneraanpak" not in ids(zoek(text))


@pytest.mark.parametrize("text", [
    "IB'er Kerkelanden, groep 7: meisje wordt buitengesloten",
    "Goedemiddag, ik ben intern begeleider op een basisschool in Bussum.",
    "Goedendag, als intern begeleider van een basisschool in Huizen maak ik me zorgen.",
    "zoco huizen: zn 15 thuiszitter sinds sept",
    "Mentor Groot Goylant: meisje van 15 heeft sneetjes op haar armen",
])
def test_school_staff_are_read_as_the_caller_with_the_schools_route(text):
    parsed = parse_vraag(text)
    assert parsed.beller_route == ("via_school",)
    assert parsed.beller == ()  # no service of the kaart is theirs


def test_school_staff_get_no_route_bonus_for_every_school_service():
    # a GP has one service in the practice (the POH-Jeugd); a school several, none of which the caller's job picks
    result = zoek("ik ben mentor op een school in Naarden: leerling van 14 verzuimt steeds vaker en is somber",
                  limit=8)
    assert all(hit.onderdelen.get("eigen_route", 0.0) == 0.0 for hit in result.hits)


def test_a_school_role_is_still_a_search_word():
    # "adviseert leerkrachten": the words of the school's own staff stay in the text match (only a role that names a
    # service is blanked, so that the caller's own service is not found by it)
    from bot.kaart.spoken import without_caller_roles
    text = "IB'er Kerkelanden: meisje wordt gepest"
    assert without_caller_roles(text) == text


# --- a measure in place and a placement named: the jeugdbescherming right after the best match -----------------------

def test_the_measure_service_moves_up_from_third_to_second():
    index = default_index()
    parsed = parse_vraag("Huizen, ots loopt, jeugdbescherming wil dochter van 14 uit huis plaatsen")
    ctx = question_context(parsed, 14, "huizen", ["verblijf", "veiligheid"])
    hits = _hits(index, "huizen", "team_jeugd_huizen", "toegang_jeugd_hbel", "djgb_jeugdbescherming",
                 "jeugd_en_gezin_ggd")
    moved = routes.measure_service_for_placement(index, ctx, hits, None, 5)
    assert [hit.id for hit in moved[:2]] == ["team_jeugd_huizen", "djgb_jeugdbescherming"]


def test_a_measure_and_a_placement_keep_the_jeugdbescherming_in_the_top():
    assert "djgb_jeugdbescherming" in ids(zoek("Huizen, ots loopt, jb wil zn 13 uit huis plaatsen, wat kan nog thuis?"))
