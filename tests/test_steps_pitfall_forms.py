"""A child put in the middle of the parents (choose between them, where would you rather live, carry a message) is
the pitfall redden for sure, with its own warning: the one check (bot.steps.pitfall_forms) in the step reader, the
CLI, the preparation's note feedback and the gespreksplan (a user test: it was praised as visie, or only got the
general redden tip)."""
from __future__ import annotations

import pytest

from bot.cli_commands.steps import _result_text
from bot.knowledge.loader import get_knowledge
from bot.steps import guide
from bot.steps.classifier import classify_step
from bot.steps.pitfall_forms import find_form
from bot.steps.plan import build_plan
from bot.steps.preparation import classification_text, step_turn

CHOOSE = "het kind laten kiezen tussen de ouders"
LIVE = "het kind vragen bij wie het liever woont"
MESSENGER = "het kind berichten tussen de ouders laten overbrengen"


def _form():
    return get_knowledge().get("valkuil_vorm", "kind-in-het-midden")


@pytest.mark.parametrize(
    "text, signal",
    [
        # the user test's sentences
        ("vraag noah maar wat hij zelf wil, hij is oud genoeg om te kiezen tussen papa en mama", CHOOSE),
        ("Vraag Noah maar wat hij zelf wil, hij is oud genoeg om te kiezen tussen papa en mama.", CHOOSE),
        ("misschien kunnen we noah zelf laten kiezen bij wie hij het weekend wil zijn, hij is al 8 en lotte gaat dan "
         "gewoon mee", CHOOSE),
        ("zeg eens eerlijk, bij wie wil je nou liever wonen, bij papa of bij mama?", LIVE),
        ("Ik snap dat je boos bent. Zeg maar tegen Noah dat hij aan mama moet vragen waarom hij niet mocht komen.",
         MESSENGER),
        # other words
        ("Laat de kinderen zelf maar beslissen bij wie ze willen wonen.", CHOOSE),
        ("Kies jij maar, papa of mama?", CHOOSE),
        ("Hij is twaalf, dus hij mag zelf kiezen waar hij gaat wonen.", CHOOSE),
        ("Waar woon je het liefst, bij je vader of bij je moeder?", LIVE),
        ("Wil je liever bij mama blijven?", LIVE),
        ("Wie vind je eigenlijk liever, je vader of je moeder?", LIVE),
        ("Kun jij aan je vader vragen of hij de zwemspullen meegeeft?", MESSENGER),
        ("Vraag maar aan papa of je zaterdag mag komen.", MESSENGER),
        ("Laat Daan het maar tegen zijn moeder zeggen, dan hoeft u haar niet te spreken.", MESSENGER),
        ("Dan spelen jullie het gewoon via de kinderen door.", MESSENGER),
        ("Geef dit briefje maar aan je moeder.", MESSENGER),
        # a role-play with the child scenario (kind-wil-niet-naar-vader): the child as messenger, without "aan"
        ("kun jij je vader vragen of hij de alimentatie wil betalen?", MESSENGER),
        ("Zeg maar tegen je moeder dat ze je vaker moet bellen.", MESSENGER),
        ("Vraag jij even aan papa of je zaterdag mag komen?", MESSENGER),
        ("Kun jij aan mama doorgeven dat de afspraak verzet is?", MESSENGER),
        ("Vraag je moeder maar of je mag logeren.", MESSENGER),
        ("Zeg je vader maar dat hij het geld moet overmaken.", MESSENGER),
        ("Wil jij papa even vertellen dat het feest niet doorgaat?", MESSENGER),
        # the verb before "aan papa", and "jullie" to two children (a user test of session 20)
        ("Wil jij dat even vragen aan papa?", MESSENGER),
        ("vraag jullie aan papa of jullie zaterdag mogen blijven slapen", MESSENGER),
        ("Kunnen jullie aan mama vragen of de fietsen mee mogen?", MESSENGER),
        ("Kun je vertellen aan mama dat ze de tas moet pakken?", MESSENGER),
        # ... and the child asked to choose between the parents
        ("jij mag zelf kiezen waar je kerst viert, bij papa of bij mama", CHOOSE),
        ("Jij mag kiezen bij wie je wil wonen.", CHOOSE),
        ("Mag jij zelf beslissen bij wie je kerst viert?", CHOOSE),
        ("Jij kiest maar bij wie je de vakantie doorbrengt.", CHOOSE),
        ("Waar wil je liever zijn, bij papa of bij mama?", LIVE),
        ("Waar vier je liever kerst, bij je vader of je moeder?", LIVE),
        ("Wie vind je liever?", LIVE),
        ("Wie van je ouders vind je liever?", LIVE),
    ],
)
def test_putting_a_child_in_the_middle_is_found(text, signal):
    hit = find_form(text)
    assert hit is not None and hit.kenmerk == signal and hit.valkuil == "redden"


@pytest.mark.parametrize(
    "text",
    [
        # words that protect the child (from the user test's report)
        "je hoeft niet te kiezen",
        "jij hoeft niet te kiezen tussen papa en mama",
        "het is niet aan jou om te kiezen",
        "wat wil je zelf vertellen?",
        "jij mag het hier zeggen",
        "Dat hoef jij helemaal niet op te lossen",
        # other words: protecting, the professional's own stance, naming the child's position, ordinary questions
        "Je hoeft niet te kiezen bij wie je woont, dat regelen je ouders.",
        "Kiezen tussen papa en mama hoef jij niet, dat is niet jouw taak.",
        "Ik ga niet kiezen tussen je vader en je moeder, ik wil dat het thuis rustig wordt.",
        "Ik ben er niet om te kiezen voor papa of voor mama.",
        "Ik ga je niet vragen bij wie je liever woont.",
        "Heb je het gevoel dat je moet kiezen tussen papa en mama?",
        "Hij voelt zich gedwongen te kiezen tussen zijn vader en moeder.",
        "Kinderen horen niet te hoeven kiezen tussen hun ouders.",
        "De rechter bepaalt waar Noah gaat wonen, niet jij.",
        "Ik kan niet beslissen waar de kinderen gaan wonen; dat ligt bij jullie.",
        "Kan ik dat tegen je moeder zeggen?",
        "Wat zou je tegen mama willen zeggen, als het kon?",
        "Je moet tegen je moeder zeggen dat je boos bent.",
        "Zeg maar gewoon tegen mama dat je het niet leuk vindt als ze boos over papa praat.",
        "Hoe is het om bij je vader te wonen?",
        "Je zegt dat je alles alleen nog via je zoon hoort.",
        "Dus dan wil je het liefst naar je kamer bij papa, maar je durft niet.",
        "U hoeft niet te kiezen tussen uw werk en uw kinderen.",
        # what the child itself wishes, without a choice between the parents; a parent asked to pass something on;
        # the professional offering to tell the parents (redden by the step reader's own rules, not this form)
        "Wat zou jij fijn vinden als je bij papa bent?",
        "Wat vind jij leuk om te doen bij mama?",
        "Wilt u aan de vader vragen of hij komt?",
        "Kunt u aan uw ex doorgeven dat de afspraak verzet is?",
        "Kunt u uw zoon vragen hoe het op school gaat?",
        "Zal ik dat tegen je ouders zeggen?",
        "Mag ik je vragen hoe het bij je vader gaat?",
        "Vraag maar aan de juf of je even naar buiten mag.",
        "Heb je dat al tegen papa gezegd?",
        "Heb je dat al aan papa gevraagd?",
        "Kunnen jullie dat samen aan de juf vragen?",
        "Wat zou je willen vragen aan papa, als het kon?",
        "Wilt u vragen aan de vader of hij komt?",
        "Je zou het kunnen vragen aan je mentor.",
        "hoi, fijn dat je er bent. ik hoorde van je juf dat je niet meer naar papa wil. klopt dat?",
    ],
)
def test_words_that_protect_the_child_or_only_name_its_position_are_no_false_alarm(text):
    assert find_form(text) is None


def test_the_form_is_knowledge_from_the_workbook_with_a_dutch_warning():
    form = _form()
    assert form.valkuil == "redden" and "004_" in form.bron.document
    assert form.waarschuwing.startswith("Pas op") and "kiezen" in form.waarschuwing and "berichten" in form.waarschuwing


@pytest.mark.parametrize(
    "text",
    [
        "vraag noah maar wat hij zelf wil, hij is oud genoeg om te kiezen tussen papa en mama",
        "Ik snap dat je boos bent. Zeg maar tegen Noah dat hij aan mama moet vragen waarom hij niet mocht komen.",
        "Dan moet Sem maar zeggen bij welke ouder hij wil wonen.",
    ],
)
def test_the_step_reader_reads_it_as_redden_for_sure_with_the_own_warning(text):
    result = classify_step(text)
    assert result.stap == "redden" and result.zekerheid == 1.0
    assert result.tip == " ".join(_form().waarschuwing.split())
    assert result.kenmerken[0] in (CHOOSE, LIVE, MESSENGER)
    assert set(result.to_dict()) == {"stap", "zekerheid", "kenmerken", "tip"}


def test_an_acknowledgement_before_the_message_stays_a_move_of_the_turn():
    result = classify_step("Ik snap dat je boos bent. Zeg maar tegen Noah dat hij aan mama moet vragen waarom hij "
                           "niet mocht komen.")
    assert result.stap == "redden" and "erkennen" in result.stappen
    assert [part.zin for part in result.valkuilen] == [
        "Zeg maar tegen Noah dat hij aan mama moet vragen waarom hij niet mocht komen."]


def test_protecting_words_stay_what_they_were():
    result = classify_step("jij hoeft niet te kiezen tussen papa en mama")
    assert result.stap != "redden" and result.vorm is None


def test_chat_and_cli_name_the_form_and_give_its_warning():
    text = "Vraag Noah maar wat hij zelf wil, hij is oud genoeg om te kiezen tussen papa en mama."
    chat = classification_text(text)
    assert "Het kind in het midden zetten" in chat and "Pas op: zo zet je het kind midden tussen de ouders" in chat
    assert "Goed:" not in chat
    cli = _result_text(classify_step(text))
    assert cli.startswith("Stap: redden (het kind in het midden zetten), zeker (99%)")  # never "100%"
    assert "Pas op: zo zet je het kind" in cli


def test_a_note_in_the_preparation_gets_the_own_warning():
    steps = guide.step_ids()
    note = ("misschien kunnen we noah zelf laten kiezen bij wie hij het weekend wil zijn, hij is al 8 en lotte gaat "
            "dan gewoon mee")
    turn = step_turn(note, steps[-1], {}, "beide_ouders")
    assert any("Pas op: zo zet je het kind midden tussen de ouders" in message for message in turn.messages)
    assert not any("hier neem je het probleem over" in message for message in turn.messages)


def test_the_plan_warns_and_reminds_about_the_child_in_the_middle():
    plan = build_plan("beide_ouders", "ruzie over het weekend", {
        "opties": "Laat de kinderen zelf maar kiezen bij wie ze het weekend willen zijn."})
    step = next(item for item in plan["stappen"] if item["id"] == "opties")
    assert step["herkend"] == "redden" and step["waarschuwing"].startswith("Pas op: zo zet je het kind")
    assert _form().herinnering in plan["herinneringen"]


def test_the_child_as_messenger_is_redden_with_the_own_warning_not_inhoud():
    result = classify_step("kun jij je vader vragen of hij de alimentatie wil betalen?")
    assert result.stap == "redden" and result.vorm is not None and result.kenmerken[0] == MESSENGER


def test_letting_the_child_choose_where_to_celebrate_is_redden_not_no_step():
    result = classify_step("jij mag zelf kiezen waar je kerst viert, bij papa of bij mama")
    assert result.stap == "redden" and result.vorm is not None and result.kenmerken[0] == CHOOSE


def test_offering_to_tell_the_parents_stays_redden_by_the_step_reader():
    result = classify_step("zal ik dat tegen je ouders zeggen?")
    assert result.stap == "redden" and result.vorm is None
