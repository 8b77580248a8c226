"""User tests of the role-play in a group training and the blind set 44 (session 23): reads a trainee relies on.

1. Talking about one's own divorce or ex is a pitfall (the pitfall form ``eigen-verhaal``, inhoud), with its own
   warning; a compliment to the parent set against the other parent's faults is siding (inhoud).
2. A bare "ja", "ok" or "pfoe" names nothing: the role-play counts no turn for it, wherever it stands, with one note
   (it was erkennen after a feeling, no turn elsewhere, and "pfoe" in lower case "no Dutch words").
3. Promising a child secrecy is a pitfall (the form ``geheimhouding-beloven``, redden) with its own warning.
4. "Dat moet ik eerlijk zeggen." is a hedge, no inhoud.
5. Offering a drink is small talk ("wil je thee of limonade?").
6. Filling in for the child ("ik weet zeker dat je papa mist", "dat zie je vaak bij pubers") is the form
   ``invullen-voor-het-kind`` with a warning about asking, not the general "Ik regel het." tip.
7. The step reader and the role-play read an instruction how to behave the same way (a lecture), with no step beside
   it, and `rustpunt stap --json` carries the sentence flags the text shows.
8. A question whom the other can lean on is erkennen.
9. "Herkend aan" shows the trainee's own words, and the tension meter names the persona, not the drama role.
"""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback
from bot.roleplay.context import Context
from bot.roleplay.engine import LISTENING_NOTE, Engine, RoleplayError
from bot.roleplay.moves import MoveClassifier
from bot.roleplay.session import turn_payload
from bot.steps.classifier import BEHAVIOUR_LECTURE, SUPPORT, classify_step, own_words

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")
MOTHER_SIDE = KNOWLEDGE.get("scenario", "ouder-wil-partij")
MOTHER = KNOWLEDGE.get("scenario", "moeder-dochter-niet-gezien")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


def play(scenario, texts, classify):
    """Play the turns; per turn its live label, or the note when it was no turn."""
    engine = Engine(scenario, classify=classify, seed=1)
    shown = []
    for text in texts:
        try:
            result = engine.step(text)
        except RoleplayError as error:
            shown.append(str(error))
            continue
        shown.append(turn_payload(1, scenario.id, result.tension, result.role, result.turn.nr, result.turn,
                                  ZETTEN)["zet_naam"])
    return engine, shown


# -- 1. one's own story, and a compliment against the other parent --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ik snap u helemaal hoor, ik ben zelf ook gescheiden en mijn ex deed precies hetzelfde.",
    "Ik ben zelf ook gescheiden hoor, ik weet hoe dat voelt, mijn ex deed dat ook altijd.",
    "ik heb dat zelf ook meegemaakt, toen ik ging scheiden.",
    "Mijn ex-man was precies zo, dat herken ik wel.",
])
def test_ones_own_divorce_is_the_pitfall_of_ones_own_story(classify, text):
    result = classify_step(text)
    assert result.stap == "inhoud" and result.vorm is not None and result.vorm.vorm == "eigen-verhaal"
    assert "eigen verhaal" in result.tip
    engine, shown = play(MOTHER_SIDE, [text], classify)
    assert shown[0].startswith("Je eigen verhaal vertellen (valkuil")
    assert engine.state.tension > MOTHER_SIDE.spanning.start  # it no longer calms the mother ("Oké, geen kant kiezen.")
    assert [item["zet"] for item in feedback.debrief(MOTHER_SIDE, engine.state, ZETTEN)["valkuilen"]] == ["inhoud"]


@pytest.mark.parametrize("text", [
    "u zegt 'mijn ex doet altijd moeilijk', dat raakt u.",
    "wat doet uw ex dan als de jongens bij hem zijn?",
])
def test_the_others_ex_is_not_ones_own_story(text):
    result = classify_step(text)
    assert result.vorm is None or result.vorm.vorm != "eigen-verhaal"


@pytest.mark.parametrize("text", [
    "u bent zo'n sterke moeder, terwijl hij er nooit is.",
    "u stelt tenminste grenzen, dat is bij vader wel anders.",
    "U doet het echt goed hoor, u bent er tenminste altijd voor haar, in tegenstelling tot haar vader.",
])
def test_a_compliment_against_the_other_parent_is_siding(classify, text):
    assert classify_step(text).stap == "inhoud"
    assert classify(text).zet == "inhoud"


# -- 2. a bare "ja", "ok" or "pfoe" -----------------------------------------------------------------------------------

def test_a_bare_listening_sound_is_no_turn_wherever_it_stands(classify):
    texts = ["ja", "ok", "Pfoe.", "pfoe", "Wat een teleurstelling, hè.", "ja", "pfff", "Pfoe."]
    engine, shown = play(FATHER, texts, classify)
    notes = [s for s in shown if "benoemt nog niet wat je hoort" in s]
    assert len(notes) == 7 and all("Dat telt niet als beurt" in note for note in notes)
    assert not any("Nederlandse woorden" in s for s in shown)
    assert [turn.zet for turn in engine.state.turns] == ["erkennen"]  # only the acknowledgement that names counts
    assert LISTENING_NOTE.split("{")[0] in notes[0]


def test_a_listening_sound_still_reads_as_what_it_answers(classify):
    # the read of a short turn after the line stays (the context sets measure it); the engine counts no turn for it
    assert classify("Pfoe.", context=Context.of("Ik ben er zo moe van.", [])).zet == "erkennen"
    # a yes to a request is a promise to take over: a turn, and a pitfall
    engine = Engine(FATHER, classify=classify, seed=1)
    engine.state.last_reply = "Wil jij het even met mijn ex regelen? Op mij reageert ze toch niet."
    assert engine.step("ja").move.zet == "redden"


def test_naming_after_a_sound_still_counts(classify):
    _, shown = play(MOTHER, ["pff, vier maanden al, wat zwaar voor u."], classify)
    assert shown[0].startswith("Erkennen")


# -- 3. promising secrecy ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ik beloof je dat ik het aan niemand vertel, ook niet aan je moeder.",
    "Ik beloof je dat ik het aan niemand vertel, ook niet aan je moeder",
    "het blijft echt tussen ons hoor.",
    "ik zeg niks tegen je moeder, dat beloof ik.",
    "Niemand hoeft het te weten.",
])
def test_promising_a_child_secrecy_is_flagged_with_its_own_warning(classify, text):
    result = classify_step(text)
    assert result.stap == "redden" and result.vorm.vorm == "geheimhouding-beloven"
    assert "beloof geen geheimhouding" in result.tip and "neem" not in result.tip.split(".")[0]
    _, shown = play(CHILD, [text], classify)
    assert shown[0].startswith("Geheimhouding beloven (valkuil")


@pytest.mark.parametrize("text", [
    "ik kan niet beloven dat ik het aan niemand vertel, maar ik bespreek het altijd eerst met jou.",
    "ik vertel niks zonder het eerst met jou te bespreken.",
])
def test_saying_honestly_what_one_shares_is_no_promise_of_secrecy(text):
    result = classify_step(text)
    assert result.vorm is None


# -- 4. "Dat moet ik eerlijk zeggen." is a hedge ----------------------------------------------------------------------

def test_the_hedge_after_what_is_said_is_no_inhoud():
    text = "Ik kan papa en mama niet veranderen, dat kan ik niet. Dat moet ik eerlijk zeggen. Maar ik kan wel met " \
           "jou kijken wat je nodig hebt."
    result = classify_step(text)
    assert result.stap == "realiteit" and "inhoud" not in result.stappen and not result.valkuilen
    assert classify_step("Dat moet ik eerlijk zeggen.").stap == "geen"
    assert classify_step("dat wil ik u wel eerlijk zeggen.").stap == "geen"


# -- 5. offering a drink is small talk --------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Fijn dat je er bent, wil je wat drinken?",
    "Fijn dat je er bent, wil je thee of limonade?",
    "Wil je een glaasje water?",
    "zal ik u een kopje koffie inschenken?",
])
def test_offering_a_drink_is_small_talk(classify, text):
    assert classify_step(text).stap == "geen"
    _, shown = play(CHILD, [text], classify)
    assert "begroeting of een praatje" in shown[0]


def test_a_wish_about_drinking_is_not_small_talk():
    assert classify_step("wil je dat papa stopt met drinken?").stap != "geen"


# -- 6. filling in for the child --------------------------------------------------------------------------------------

@pytest.mark.parametrize("scenario,text", [
    (CHILD, "ik weet zeker dat je papa mist"),
    (MOTHER, "ze is gewoon boos op u denk ik, dat zie je vaak bij pubers"),
    (MOTHER, "Ik weet zeker dat uw dochter u heel erg mist."),
])
def test_filling_in_for_the_child_gets_a_warning_about_asking(classify, scenario, text):
    result = classify_step(text)
    assert result.stap == "redden" and result.vorm.vorm == "invullen-voor-het-kind"
    assert "Ik regel het" not in result.tip and "Vraag" in result.tip
    engine, shown = play(scenario, [text], classify)
    assert shown[0].startswith("Invullen voor het kind (valkuil")
    engine.stop()
    data = feedback.debrief(scenario, engine.state, ZETTEN)
    assert "Ik regel het" not in json.dumps(data, ensure_ascii=False)


def test_asking_what_the_child_feels_is_no_filling_in():
    assert classify_step("denkt u dat ze gewoon boos is?").vorm is None


# -- 7. an instruction how to behave, read the same everywhere --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "U moet wel even rustig blijven.",
    "Jullie moeten nu allebei even ophouden.",
])
def test_an_instruction_how_to_behave_is_a_lecture_in_both_readers(classify, text):
    result = classify_step(text)
    assert result.stap == "redden" and BEHAVIOUR_LECTURE in result.kenmerken and result.valkuilen
    move = classify(text)
    assert move.zet == "oordelen" and move.zetten == ["oordelen"]  # no "+ erkennen" beside it


def test_a_dictated_acknowledgement_with_a_lecture_reads_as_typed(classify):
    """Dictated without punctuation, the turn is read as the same words typed (``bot.textclass.punctuate``): the
    lecture leads in both readers, and the named feeling before it is the same second move as when typed."""
    dictated = "ik snap dat u boos bent u moet wel even rustig blijven"
    typed = "Ik snap dat u boos bent. U moet wel even rustig blijven."
    result = classify_step(dictated)
    assert result.stap == "redden" and BEHAVIOUR_LECTURE in result.kenmerken and result.valkuilen
    move = classify(dictated)
    assert move.zet == "oordelen" and move.zetten == classify(typed).zetten


def test_a_lecture_in_context_gets_no_step_beside_it(classify):
    move = classify("U moet wel even rustig blijven.", context=Context.of(FATHER.persona.opening, []))
    assert move.zet == "oordelen" and move.zetten == ["oordelen"]


def test_stap_json_carries_the_flags_the_text_shows():
    out = subprocess.run([sys.executable, "-m", "bot.cli", "stap", "--json",
                          "ik snap dat u boos bent u moet wel even rustig blijven"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["stap"] == "redden"
    assert data["oordeelzinnen"] and data["oordeelzinnen"][0]["herkend_aan"] == "u moet"
    assert data["valkuilzinnen"][0]["valkuil"] == "redden"


# -- 8. a question whom the other leans on ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "met wie heeft u er dit weekend eigenlijk over kunnen praten",
    "Bij wie kun jij je verhaal kwijt?",
    "Heeft u iemand om mee te praten?",
    "Wie steunt u hierin?",
])
def test_a_question_about_support_is_erkennen(text):
    result = classify_step(text)
    assert result.stap == "erkennen" and SUPPORT in result.kenmerken


# -- 9. own words, and the persona by the meter -----------------------------------------------------------------------

def test_features_are_the_trainees_own_words():
    assert own_words(["ik beloven", "beloven", "beloven je", "een regel"], "Ik beloof je dat het klopt.") \
        == ["Ik beloof je", "een regel"]
    kenmerken = classify_step("Ik hoor hoe boos u bent, dat snap ik.").kenmerken
    assert all(word in "Ik hoor hoe boos u bent, dat snap ik." for feature in kenmerken for word in [feature])


def test_the_meter_names_the_persona_not_the_drama_role():
    payload = turn_payload(1, FATHER.id, 7, "aanklager", 1)
    assert payload["persona"] == "de vader" and payload["rol"] == "aanklager"
    assert turn_payload(1, CHILD.id, 5, "slachtoffer", 1)["persona"] == "het meisje"
    script = (Path(__file__).resolve().parents[1] / "bot" / "web" / "static" / "app.js").read_text(encoding="utf-8")
    assert 'data.persona ? String(data.persona)' in script
