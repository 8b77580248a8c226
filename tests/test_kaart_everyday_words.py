"""Everyday words consultants use for a problem find its theme (knowledge/sociale_kaart/probleemwoorden.yml),
and the reading rules that keep such words apart (own example sentences, not from the test sets)."""
import pytest

from bot.kaart.query import parse_vraag


@pytest.mark.parametrize("question, theme", [
    # eating and sleeping
    ("Huizen: meisje van 15 eet nauwelijks en is erg afgevallen", "psychisch"),
    ("jongen van 13 braakt stiekem na het avondeten", "psychisch"),
    ("dochter van 9 kan 's avonds niet in slaap komen", "gezondheid"),
    ("zoon van 16 heeft zijn dag-nachtritme helemaal omgedraaid", "gezondheid"),
    # anxiety, low mood, grief, self-harm
    ("meisje van 11 durft niet meer alleen naar de winkel", "somberheid_angst"),
    ("jongen van 15 zegt dat hij dood wil", "somberheid_angst"),
    ("sinds zijn moeder overleden is, praat zoon van 8 nergens meer over", "somberheid_angst"),
    ("dochter van 14 heeft snijwonden op haar bovenbenen", "psychisch"),
    ("jongen van 17 hoort stemmen en slaapt niet", "psychisch"),
    # school
    ("jongen van 12 is al twee weken niet op school geweest", "schoolverzuim"),
    ("meisje van 13 zit thuis omdat ze geen schoolplek heeft", "schoolverzuim"),
    ("leerling van 10 haalt steeds slechtere cijfers en kan zich niet concentreren", "leren"),
    # crime, police, exploitation
    ("bij het gezin in Laren is vorige week ingebroken", "criminaliteit"),
    ("jongen van 16 wordt gebruikt om drugs te verkopen", "criminaliteit"),
    ("zoon van 14 heeft met vrienden een brand gesticht bij school", "criminaliteit"),
    ("jongen van 15 wordt door een oudere man uitgebuit", "veiligheid"),
    # money and housing
    ("de kinderen komen vaak zonder ontbijt op school", "financien"),
    ("het gezin krijgt aanmaningen en het gas dreigt afgesloten te worden", "financien"),
    ("moeder en drie kinderen slapen op de bank bij kennissen", "wonen_werk"),
    ("dochter van 17 wil uit huis maar vindt geen kamer", "wonen_werk"),
    # violence at home, neglect, honour-related violence
    ("moeder had blauwe plekken op haar armen", "veiligheid"),
    ("kinderen van 5 en 7 zijn 's avonds vaak alleen thuis", "veiligheid"),
    ("vader heeft een huisverbod gekregen", "veiligheid"),
    ("meisje van 16 wordt door de familie uitgehuwelijkt", "veiligheid"),
    # a parent's addiction, screens
    ("vader zuipt elk weekend en wordt dan boos", "verslaving"),
    ("zoon van 12 zit tot diep in de nacht op zijn telefoon", "verslaving"),
    # bullying and online risk
    ("er gaan filmpjes van haar rond in de groepsapp van de klas", "pesten"),
    # LVB and development
    ("vader is licht verstandelijk beperkt en heeft hulp nodig bij de opvoeding", "ontwikkeling"),
    ("peuter van 2 ontwikkelt zich trager dan zijn zusje", "ontwikkeling"),
    # pregnancy and sexuality
    ("dochter van 16 is in verwachting", "seksualiteit"),
    ("jongen van 15 valt op jongens en durft het niet te vertellen", "seksualiteit"),
    # caring for a sick parent
    # (a young carer: no question about the child's health since session 26, see tests/test_kaart_s26.py)
    ("vader heeft kanker en de kinderen zijn 8 en 10", "gezondheid"),
    # parenting, stuck help, leisure, language
    ("moeder kan het niet meer aan met haar zoon van 9", "opvoeding"),
    ("ouders zijn ten einde raad met hun dochter van 14", "opvoeding"),
    ("er is van alles geprobeerd maar niets werkt meer", "vastgelopen_hulp"),
    ("meisje van 10 wil graag tekenen of iets creatiefs doen", "vrije_tijd"),
    ("jongens van 13 hangen 's avonds rond bij het winkelcentrum", "vrije_tijd"),
    ("moeder is laaggeletterd en begrijpt de brieven van school niet", "taal"),
    ("kinderen van 6 en 9 wonen sinds kort bij opa en oma", "verblijf"),
])
def test_everyday_words_find_the_theme(question, theme):
    assert theme in parse_vraag(question).themas


@pytest.mark.parametrize("question, theme", [
    # money stolen is stealing, not money trouble
    ("zoon van 11 steelt geld van zijn oma", "financien"),
    # a phone call stays a phone call: the caller's phone is no screen time
    ("moeder belt op haar telefoon vanuit de auto, zoon van 9 is somber", "verslaving"),
    # "meiden" is the plural of "meid", not a typo of "melden"
    ("meiden van 14 sturen elkaar naaktfoto's", "veiligheid"),
])
def test_words_that_look_like_a_problem_are_not_one(question, theme):
    assert theme not in parse_vraag(question).themas


def test_a_problem_word_is_no_typo_of_a_place():
    vraag = parse_vraag("moeder heeft geen overwicht over haar zoon van 12")
    assert vraag.gemeente is None and "opvoeding" in vraag.themas


@pytest.mark.parametrize("question, age", [
    ("groepje jongens van een jaar of 14 geeft overlast", 14),
    ("dochter is een jaar of 12 en wordt gepest", 12),
    ("zoon wordt volgende maand 18 en dan stopt zijn begeleiding", 18),
    ("meiden van 13 worden online benaderd", 13),
])
def test_ages_said_roughly_or_for_a_group(question, age):
    assert parse_vraag(question).leeftijd == age


def test_a_phrase_with_a_problem_word_in_its_gap_is_not_that_phrase():
    # "zonder ontbijt naar school" is about breakfast, not "zonder ... school"
    vraag = parse_vraag("meisje van 7 komt vaak zonder ontbijt naar school")
    assert "financien" in vraag.themas and "schoolverzuim" not in vraag.themas
    # words between that are no problem words still let a phrase meet
    assert "schoolverzuim" in parse_vraag("jongen van 14 meldt zich steeds vaker ziek").themas


def test_the_childs_own_club_is_where_it_happens_not_what_is_asked():
    vraag = parse_vraag("Hilversum: dochter van 13 wordt gepest op haar dansschool")
    assert vraag.themas == ["pesten"] and "professional" not in vraag.doelgroep_hints
    vraag = parse_vraag("Laren: zoon van 15 heeft steeds ruzie op zijn hockeyclub en met zijn trainer")
    assert "vrije_tijd" not in vraag.themas and "professional" not in vraag.doelgroep_hints
    # a club that is asked for, or a club that asks, still counts
    assert "vrije_tijd" in parse_vraag("Huizen: moeder zoekt een hockeyclub voor haar zoon van 9 die somber is").themas
    assert "professional" in parse_vraag("De hockeyclub in Laren ziet dat een speler van 12 somber is").doelgroep_hints


@pytest.mark.parametrize("question", [
    "Laren: ouders van een 14-jarige vermoeden dat hij blowt",
    "vader merkt dat zijn dochter van 15 steeds vaker drinkt",
    "moeder vindt dat haar zoon van 12 veel te veel gamet",
])
def test_a_parent_who_suspects_or_notices_a_problem_is_not_its_subject(question):
    vraag = parse_vraag(question)
    assert vraag.ouder_themas == [] and vraag.kind_themas == ["verslaving"]


def test_family_problems_name_the_family():
    vraag = parse_vraag("Eemnes: gezinsproblemen en schulden, twee kinderen op de basisschool")
    assert "gezin" in vraag.doelgroep_hints and "financien" in vraag.ouder_themas


@pytest.mark.parametrize("question, theme", [
    # an inflected adjective the lemma table lacks is the problem word it comes from
    ("een zwakbegaafde moeder met een baby van 3 maanden", "ontwikkeling"),
    ("de verslaafde vader van een meisje van 8", "verslaving"),
    # a participle of a problem verb the table lacks
    ("dochter van 13 is gecyberpest door klasgenoten", "pesten"),
    # a phrase that ends in its verb, said with the verb first
    ("meisje van 15 beschadigt zichzelf", "psychisch"),
    ("jongen van 16 vervoert drugs voor oudere jongens", "criminaliteit"),
    ("zoon van 17 woont sinds kort zelfstandig", "wonen_werk"),
])
def test_word_forms_and_word_order_find_the_theme(question, theme):
    assert theme in parse_vraag(question).themas


def test_a_noun_is_no_inflected_adjective_and_a_noun_phrase_keeps_its_order():
    # "sprake" is no form of "spraak" (speech)
    assert "ontwikkeling" not in parse_vraag("er is geen sprake van een probleem bij de zoon van 9").themas
    # "twee huizen" is a noun phrase: "het huis is twee keer ..." is no divorce
    assert "scheiding" not in parse_vraag("het huis is twee keer te klein voor het gezin").themas


def test_a_quarrel_of_the_parents_is_no_parents_own_problem():
    vraag = parse_vraag("Laren: ouders zijn uit elkaar en hebben steeds conflict, de kinderen van 7 en 10 zitten klem")
    assert vraag.ouder_themas == []
    # a parent's own anger still is
    assert parse_vraag("Laren: vader is vaak woedend en schreeuwt tegen de kinderen").ouder_themas == ["gedrag"]


def test_words_read_in_their_sense_here():
    # a baby that hardly drinks is about feeding, not alcohol
    vraag = parse_vraag("Eemnes: baby van 3 maanden drinkt nauwelijks en huilt veel")
    assert "gezondheid" in vraag.themas and "verslaving" not in vraag.themas
    # a neighbour who reports something says it: no report to Veilig Thuis by that word
    assert "veiligheid" not in parse_vraag("De juf meldt dat de jongen van 7 vaak moe is").themas
    assert "veiligheid" in parse_vraag("Ik wil een vermoeden melden, kind van 6 uit Huizen").themas
    # talking with or about someone is no speech development; a child that hardly talks is
    assert "ontwikkeling" not in parse_vraag("Moeder wil met haar zoon van 8 over de scheiding praten").themas
    assert "ontwikkeling" in parse_vraag("Peuter van 3 uit Laren praat nog bijna niet").themas
    # friends are no boyfriend
    assert "seksualiteit" not in parse_vraag("Jongen van 17 slaapt al weken bij vrienden").themas
    assert "wonen_werk" in parse_vraag("Jongen van 17 slaapt al weken bij vrienden").themas


def test_a_fear_that_names_what_is_feared_is_about_that():
    vraag = parse_vraag("Vader is bang dat zijn zoon van 15 drugs gebruikt")
    assert vraag.themas == ["verslaving"]
    # a fear of its own stays anxiety
    assert parse_vraag("Zoon van 9 is bang in het donker").themas == ["somberheid_angst"]
    assert parse_vraag("Dochter van 12 is bang dat ze iets verkeerd doet").themas == ["somberheid_angst"]


def test_a_death_is_the_grief_of_the_child_not_of_the_parent_named_before():
    vraag = parse_vraag("Ik sprak een vader uit Huizen: zijn vrouw is in de zomer overleden, de kinderen (6 en 11) "
                        "huilen veel")
    assert vraag.ouder_themas == [] and vraag.kind_themas == ["somberheid_angst"]
    # without a child, a parent's grief is the parent's own
    assert parse_vraag("Vader is somber sinds zijn moeder overleden is").ouder_themas == ["somberheid_angst"]


def test_a_child_caring_for_an_ill_parent():
    vraag = parse_vraag("Moeder uit Laren heeft leukemie, de zoon van 14 neemt veel zorg op zich")
    assert vraag.themas == ["gezondheid"]


@pytest.mark.parametrize("question, theme, absent", [
    ("Gezin uit Huizen: moeder zit vast, oma zorgt voor de kinderen", "criminaliteit", "vastgelopen_hulp"),
    ("Zoon van 13 uit Laren: sinds hij gamet zijn zijn cijfers gaan achteruit", "leren", "prestatiedruk"),
    ("Moeder wil haar dochter van 9 leren omgaan met teleurstelling", None, "leren"),
    ("Vader verdient te weinig, de kinderen (7 en 9) kunnen niet op sport", "financien", "vrije_tijd"),
])
def test_everyday_phrases_in_their_sense(question, theme, absent):
    themas = parse_vraag(question).themas
    assert absent not in themas and (theme is None or theme in themas)


def test_talking_alone_is_no_speech_problem():
    assert "ontwikkeling" not in parse_vraag("Ouders in Laren praten alleen nog via hun advocaten").themas
    assert "ontwikkeling" in parse_vraag("Kleuter van 4 uit Laren praat nog weinig").themas


def test_the_child_that_completes_a_parent_is_not_who_the_problem_is_said_of():
    # "moeder van een 4-jarige ... is somber": the mother is
    assert parse_vraag("Moeder van een 4-jarige uit Huizen is al maanden somber").ouder_themas == ["somberheid_angst"]
    # a problem attached to the child with "met" stays the child's
    vraag = parse_vraag("Vader van een zoon van 7 met autisme uit Laren zoekt hulp")
    assert vraag.ouder_themas == [] and vraag.kind_themas == ["psychisch"]
    # other parents are no ex
    assert "scheiding" not in parse_vraag("Moeder wil andere ouders in de wijk leren kennen").themas


@pytest.mark.parametrize("question, theme, absent", [
    ("Jongen van 13 wordt online gevraagd om foto's te sturen", "veiligheid", None),
    ("Dochter van 15 is na de herfstvakantie niet meer op school verschenen", "schoolverzuim", None),
    ("Zoon van 16 moet zich melden bij Halt na een vernieling", "criminaliteit", "veiligheid"),
    ("Dochter van 14 spreekt af met jongens die ze op TikTok leert kennen", None, "leren"),
])
def test_more_everyday_phrases_in_their_sense(question, theme, absent):
    themas = parse_vraag(question).themas
    assert (theme is None or theme in themas) and (absent is None or absent not in themas)


def test_a_parent_who_leaves_home_is_a_separation_and_the_childs_problem_stays_the_childs():
    vraag = parse_vraag("Zoon van 9 uit Blaricum: vader is uit huis gegaan, hij plast weer in bed")
    assert {"scheiding", "ontwikkeling"} <= set(vraag.themas) and "ontwikkeling" not in vraag.ouder_themas


@pytest.mark.parametrize("question, theme", [
    ("Er is al een melding bij VT over dit gezin uit Eemnes", "veiligheid"),
    ("Peuter van 2 uit Laren bijt op het KDV", "jonge_kind"),
    ("Ouders van een zoon van 10 met autisme in Huizen willen een pgb", "jeugdhulp"),
])
def test_abbreviations_consultants_type(question, theme):
    assert theme in parse_vraag(question).themas


@pytest.mark.parametrize("question, absent", [
    # everyday words of a consultant's own work are no problem of the family
    ("Het traject is afgesloten, maar zoon van 12 uit Laren kijkt de hele dag filmpjes", "financien"),
    ("Ouders moeten tekenen voor de aanmelding van hun dochter van 10", "vrije_tijd"),
    ("Moeder is overdag alleen thuis met drie kinderen", "veiligheid"),
    ("De vorige hulpverlener is vertrokken, zoon van 9 uit Huizen is somber", "scheiding"),
    ("Ik werk vanuit mijn instelling met een jongen van 15 die blowt", "verblijf"),
])
def test_words_of_the_work_itself_are_no_problem(question, absent):
    assert absent not in parse_vraag(question).themas


@pytest.mark.parametrize("question, present, absent", [
    # "stel" (a couple) and "stelt" (of "stellen") are no stealing, though a stemmer could make them "stel"
    ("Een stel uit Baarn twijfelt of hun dochter van 6 naar de psycholoog moet", None, "criminaliteit"),
    ("Dat stelletje uit Soest maakt veel ruzie over de opvoeding", "opvoeding", "criminaliteit"),
    ("Vader stelt zijn zoon van 11 steeds nieuwe regels", None, "criminaliteit"),
    # stealing itself stays stealing, in each form
    ("Zoon van 14 steelt bij de supermarkt", "criminaliteit", None),
    ("Dochter van 13 heeft een portemonnee gestolen op school", "criminaliteit", None),
    ("Jongen van 15 gaat met vrienden fietsen stelen", "criminaliteit", None),
])
def test_a_couple_is_no_stealing(question, present, absent):
    themas = parse_vraag(question).themas
    assert present is None or present in themas
    assert absent is None or absent not in themas


@pytest.mark.parametrize("question", [
    "Grootouders uit Blaricum die voor hun kleinzoon van 8 zorgen lopen vast in de opvoeding",
    "Moeder van een dochter van 12 is helemaal vastgelopen met de opvoeding sinds de scheiding",
])
def test_stuck_in_parenting_is_a_parenting_question(question):
    themas = parse_vraag(question).themas
    assert "opvoeding" in themas and "vastgelopen_hulp" not in themas


def test_help_that_got_stuck_stays_stuck_help():
    assert "vastgelopen_hulp" in parse_vraag("De begeleiding van dit gezin uit Laren is helemaal vastgelopen").themas


@pytest.mark.parametrize("question", [
    "Vader werkt de hele week in het buitenland, moeder uit Bussum is overbelast met de drie kinderen",
    "Haar vriend werkt al maanden in Polen en dochter van 10 slaapt slecht",
])
def test_where_a_parent_works_is_no_problem_with_work(question):
    assert "wonen_werk" not in parse_vraag(question).themas


def test_a_parent_without_work_stays_a_problem_with_work():
    assert "wonen_werk" in parse_vraag("Vader werkt niet meer sinds de reorganisatie en zoon van 12 is somber").themas


@pytest.mark.parametrize("question", [
    "Meisje van 11 uit Huizen vertelt het haar juf dat mama soms niet thuiskomt",
    "Zoon van 14 heeft het aan zijn mentor verteld dat hij gepest wordt, moeder zoekt hulp",
    "Jongen van 16 heeft zijn docent in vertrouwen genomen over het blowen",
])
def test_telling_a_teacher_does_not_make_the_school_the_asker(question):
    assert "school" not in parse_vraag(question).doelgroep_hints


@pytest.mark.parametrize("question", [
    "De mentor van een leerling van 14 uit Bussum vraagt waar hij met zijn zorgen terecht kan",
    "Ik ben juf in groep 5 en een leerling vertelt over ruzies thuis",
])
def test_a_teacher_who_asks_stays_the_school(question):
    assert "school" in parse_vraag(question).doelgroep_hints


def test_a_compound_of_three_parts_is_read_by_its_parts():
    vraag = parse_vraag("Na een huiselijkgeweldmelding slapen moeder en haar zoon van 6 bij de buren")
    assert "veiligheid" in vraag.themas and "huiselijk geweld" in vraag.thema_woorden["veiligheid"]


def test_a_compound_is_not_cut_into_short_pieces():
    # "jongerenwerk" is youth work, not "jong" + "eren" + "werk" (a problem with work)
    assert "wonen_werk" not in parse_vraag("Ik ben van het jongerenwerk in Huizen, een jongen van 15 blowt veel").themas


@pytest.mark.parametrize("question", [
    "Zeist: het wijkteam zoekt een buurtvrijwilliger voor een vader die er alleen voor staat",
    "Het jeugdteam vraagt of er in Soest een maatje is voor een jongen van 12",
])
def test_a_team_that_asks_is_the_asker_not_the_service_asked_for(question):
    vraag = parse_vraag(question)
    assert "jeugdhulp" not in vraag.themas and "professional" in vraag.doelgroep_hints


def test_a_team_asked_for_stays_asked_for():
    assert "jeugdhulp" in parse_vraag("Moeder uit Vleuten wil graag een gesprek met het buurtteam").themas


@pytest.mark.parametrize("question", [
    "Stiefvader van een jongen van 9 uit Laren schopt hem als hij niet luistert",
    "Moeder duwt haar dochter van 13 soms hardhandig de kamer uit",
    "Vader knijpt haar in haar nek als ze te laat thuiskomt, meisje van 14",
    "Als de vriend van moeder gedronken heeft vallen er klappen, kinderen van 5 en 8",
    "Vader gooit met spullen naar moeder waar de kinderen van 6 en 10 bij zijn",
    "Oom dreigt de kinderen iets aan te doen als ze iets vertellen",
])
def test_violence_in_everyday_words_is_read_as_violence(question):
    assert "veiligheid" in parse_vraag(question).themas


@pytest.mark.parametrize("question, absent", [
    # the same verbs in another sense are no violence, and an arm is no poverty
    ("Zoon van 16 uit Naarden knijpt er steeds vaker tussenuit op school", "veiligheid"),
    ("Dochter van 17 dreigt haar bijbaan te verliezen door het verzuim", "veiligheid"),
    ("Jongen van 12 heeft pijn in zijn arm na het voetballen", "financien"),
])
def test_words_of_violence_in_another_sense_are_no_violence(question, absent):
    assert absent not in parse_vraag(question).themas


@pytest.mark.parametrize("question", [
    "Meisje van 15 wordt door haar nieuwe vriend onder druk gezet om foto's te sturen",
    "Een jongen uit de buurt zet hem onder druk om spullen voor hem te bewaren",
])
def test_being_pressed_by_someone_is_a_safety_question_not_school_pressure(question):
    themas = parse_vraag(question).themas
    assert "veiligheid" in themas and "prestatiedruk" not in themas


def test_pressure_of_school_stays_school_pressure():
    assert parse_vraag("Dochter van 16 staat erg onder druk door de examens").themas[:1] == ["prestatiedruk"]


@pytest.mark.parametrize("question", [
    "Zoon van 11 heeft niks om handen, ouders zoeken eerst iets in de wijk voor hem",
    "Ik zoek liever iets in de sociale basis voor een stil meisje van 9 uit Huizen",
])
def test_looking_for_something_in_the_neighbourhood_is_a_leisure_question(question):
    assert "vrije_tijd" in parse_vraag(question).themas


@pytest.mark.parametrize("question", [
    "School vraagt wie dit samen met hen kan oppakken, meisje van 8 komt steeds te laat",
    "Het buurtteam pakt dit graag op: moeder van twee kinderen heeft vragen over de opvoeding",
])
def test_taking_a_matter_up_is_no_arrest(question):
    assert "criminaliteit" not in parse_vraag(question).themas


def test_an_arrest_stays_an_arrest():
    assert "criminaliteit" in parse_vraag("Jongen van 16 is gisteren door de politie opgepakt").themas


@pytest.mark.parametrize("question", [
    "Naarden: meisje van 15 wil niet meer thuis zijn en slaapt nu bij een vriendin",
    "vader slaapt al twee weken bij een vriend, zoon van 10 is bij moeder",
])
def test_sleeping_at_someones_place_is_staying_there_not_a_sleep_problem(question):
    parsed = parse_vraag(question)
    assert "gezondheid" not in parsed.themas and "wonen_werk" in parsed.themas


def test_sleeping_badly_at_someones_place_stays_a_sleep_problem():
    assert "gezondheid" in parse_vraag("zoon van 7 slaapt slecht bij zijn vader").themas


@pytest.mark.parametrize("question", [
    "Mijn werkplek is Huizen maar het kind van 9 woont in Laren: veel angst",
    "m'n werkgebied is Hilversum, dochter van 14 in Bussum is somber",
])
def test_the_callers_own_workplace_is_no_problem_with_work(question):
    assert "wonen_werk" not in parse_vraag(question).themas


def test_a_parents_lost_job_stays_a_problem_with_work():
    assert "wonen_werk" in parse_vraag("vader is zijn werk kwijt en zit thuis").themas


@pytest.mark.parametrize("question", [
    "Eemnes: waar meld ik een meisje van 13 aan voor jeugdhulp?",
    "hoe meldt de huisarts een gezin in Huizen aan bij het team",
])
def test_signing_someone_up_is_no_report(question):
    assert "veiligheid" not in parse_vraag(question).themas


def test_a_report_stays_a_report():
    assert "veiligheid" in parse_vraag("de buurvrouw wil het melden, ze hoort elke avond geschreeuw").themas


def test_an_escalating_quarrel_is_a_conflict_not_help_that_got_stuck():
    parsed = parse_vraag("Huizen: vader en dochter van 15 hebben steeds ruzie en het escaleert")
    assert "gedrag" in parsed.themas and "vastgelopen_hulp" not in parsed.themas


@pytest.mark.parametrize("question, theme", [
    # round 8: running parcels (drugs) for others, help that yields nothing, dropping out, sent out of class
    ("zoon van 15 brengt pakketjes rond voor een oudere buurjongen", "criminaliteit"),
    ("jongen van 13 moet van een groep pakketjes rond te brengen", "criminaliteit"),
    ("Laren: de hulp levert al jaren niks meer op", "vastgelopen_hulp"),
    ("er is veel hulp geweest die niks opgeleverd heeft", "vastgelopen_hulp"),
    ("meisje van 16 op het mbo dreigt uit te vallen", "schoolverzuim"),
    ("hij wordt bijna elke dag uit de les gestuurd", "gedrag"),
])
def test_round_8_everyday_words(question, theme):
    assert theme in parse_vraag(question).themas


@pytest.mark.parametrize("question", [
    "de mentor weet niet meer wat hij met haar moet doen",
    "ouders weten echt niet wat ze nog moeten doen met hun zoon",
])
def test_not_knowing_what_to_do_is_no_leisure_question(question):
    assert "vrije_tijd" not in parse_vraag(question).themas


def test_nothing_to_do_stays_leisure():
    assert "vrije_tijd" in parse_vraag("zoon van 12 heeft in de vakantie niets te doen").themas


@pytest.mark.parametrize("question, theme", [
    # round 8: the professional of a measure, nobody knowing what to do any more, parents worn out
    ("hoe krijgt een gezin in Huizen een gezinsvoogd?", "veiligheid"),
    ("bij dit gezin weet niemand meer wat er moet gebeuren", "vastgelopen_hulp"),
    ("de ouders van de drieling lopen op hun tandvlees", "prestatiedruk"),
])
def test_round_8_everyday_words_of_measures_stuck_help_and_overload(question, theme):
    assert theme in parse_vraag(question).themas


@pytest.mark.parametrize("question", [
    "jongen van 7 schopt zijn zusje als hij boos is",
    "meisje van 5 slaat andere kinderen op het schoolplein",
])
def test_a_child_hitting_another_child_is_behaviour_not_violence_at_home(question):
    parsed = parse_vraag(question)
    assert "gedrag" in parsed.themas and "veiligheid" not in parsed.themas


@pytest.mark.parametrize("question", ["de stiefvader slaat de kinderen", "zoon van 16 slaat zijn moeder"])
def test_hitting_a_child_or_a_parent_stays_violence(question):
    assert "veiligheid" in parse_vraag(question).themas
