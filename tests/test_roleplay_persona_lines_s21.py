"""User test s21: the persona's lines fit what the trainee said, are not said twice, fit the role they are labelled
with; the debrief's better step depends on the mistake; a good end closes without an open question."""
import random
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import feedback, pacing
from bot.roleplay.engine import INTERROGATED, INTERROGATED_TENSION, Engine, Move
from bot.roleplay.models import MOVES, GoedEinde, persona_lines

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
ZETTEN = {z.id: z for z in KNOWLEDGE.all("rollenspel_zet")}
SCENARIOS = list(KNOWLEDGE.entries["scenario"].values())
BREAKING_OFF = KNOWLEDGE.get("scenario", "vader-contact-verbreken")
SIDES = KNOWLEDGE.get("scenario", "ouder-wil-partij")
MOTHER = KNOWLEDGE.get("scenario", "moeder-dochter-niet-gezien")
MEETING = KNOWLEDGE.get("scenario", "mdo-moeder-dochter-ruzie")
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")


def lines(scenario, role, move, tension, said, avoid=()):
    return pacing.reply_lines(scenario, role, move, tension, said, avoid=avoid)


# -- a line about a topic follows only a turn that raised it ---------------------------------------------------------

def test_apart_ouderschap_only_after_the_trainee_named_it():
    stance = "Ik ga niet zeggen wie er gelijk heeft. Het gaat mij om rust, voor u en voor de kinderen."
    for role in ("aanklager", "slachtoffer"):
        assert not any("Apart ouderschap" in line for line in lines(BREAKING_OFF, role, "visie", 5, stance))
    raised = "Het gaat mij om rust; soms betekent dat dat ouders los van elkaar ouder zijn."
    assert any("Apart ouderschap" in line for line in lines(BREAKING_OFF, "slachtoffer", "visie", 5, raised))


def test_who_sent_what_only_after_the_messages_came_up():
    promise = "Ik zal uw kant van het verhaal in het verslag zetten, dat beloof ik."
    said = lines(SIDES, "slachtoffer", "inhoud", 2, promise)
    assert said and not any("wie wat gestuurd" in line or "die berichten" in line for line in said)
    asked = "Welk bericht heeft hij dan gestuurd?"
    assert any("wie wat gestuurd" in line for line in lines(SIDES, "slachtoffer", "inhoud", 2, asked))


def test_when_it_began_only_after_a_question_about_when():
    turn = "ik kan haar niet dwingen om contact te hebben, dat is wat het is"
    for tension in (2, 5):
        assert not any("wanneer het precies begon" in line or "begon in juli" in line
                       for line in lines(MOTHER, "slachtoffer", "inhoud", tension, turn))
    asked = "Wanneer begon het eigenlijk, dat ze niet meer kwam?"
    assert any("begon" in line for line in lines(MOTHER, "slachtoffer", "inhoud", 2, asked))


def test_every_topic_marks_a_line_and_kennis_controleer_reports_a_stale_topic():
    for scenario in SCENARIOS:
        for topic in scenario.onderwerpen:
            assert any(topic.marks(line) for line in persona_lines(scenario)), (scenario.id, topic.naam)
    data = BREAKING_OFF.dict()
    data["onderwerpen"] = [{"naam": "weg", "zin": ["een zin die niemand zegt"], "aanleiding": ["weg"]}]
    with pytest.raises(ValidationError, match="geen zin van de persona"):
        type(BREAKING_OFF)(**data)


# -- never the same line twice in a session while another fits --------------------------------------------------------

def test_the_same_request_is_not_said_twice_in_three_turns():
    turns = [("Ik bel uw dochter wel even op, dan regel ik het.", "redden"),
             ("Wat verdrietig, u mist haar zo.", "erkennen"),
             ("Zal ik met haar vader praten?", "redden"),
             ("Het doet pijn dat ze niet reageert.", "erkennen"),
             ("Ik kan ook de school bellen voor u.", "redden")]
    moves = dict(turns)
    for seed in range(10):
        engine = Engine(MOTHER, classify=moves.__getitem__, seed=seed)
        replies = [engine.step(text).reply for text, move in turns]
        assert len(set(replies)) == len(replies), (seed, replies)


def test_the_meeting_mother_does_not_repeat_her_question_word_for_word():
    engine = Engine(MEETING, classify=lambda text: "redden", seed=1)
    replies = [engine.step(text).reply for text in (
        "Ik stel voor dat ze om elf uur thuis is, dat regel ik wel met jullie.",
        "Dan spreek ik met vader af dat hij dezelfde regels houdt, dat zal ik doen.",
    )]
    assert replies[0] != replies[1]


TEXTS = [
    "Ik hoor hoe zwaar dit voor u is.", "Wanneer begon het eigenlijk?", "Welk bericht stuurde hij dan?",
    "Soms zijn ouders los van elkaar ouder, ieder op zijn eigen manier.", "Ik bel haar wel even.",
    "U had niet zo fel moeten reageren.", "Wat zou u het liefste willen?", "Hoe gaat het dan meestal?",
    "Zij zal niet veranderen, vrees ik.", "Wat zou u zelf kunnen doen?", "Was hij echt ziek, of was het een smoes?",
    "Hoe laat moest ze thuis zijn van het feest?", "Wie begon er met de ruzie?", "Waar ging de klacht over?",
    # session 22: a turn that names no mediator, and a string of closed questions (an interrogation)
    "Misschien is het een idee om eens met de huisarts te gaan praten?",
    "Is het daar druk? Slaap je daar slecht? Is papa dan boos?", "Zal ik een nieuwe mediator voor jullie regelen?",
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.id)
def test_played_sessions_never_repeat_a_line_that_had_an_alternative_or_use_a_topic_without_its_trigger(scenario):
    """The check on every scenario: random sessions (random moves and turns); a reply said before in the session only
    when every fitting line was said already; a topic line only after a turn that raised the topic; a line shown
    under the Aanklager or Kwetsbaar label never shows a signal of the other role."""
    for seed in range(60):
        rng = random.Random(seed)
        engine = Engine(scenario, classify=lambda text, rng=rng: Move(zet=rng.choice(MOVES)), seed=seed)
        for _ in range(12):
            text = rng.choice(TEXTS)
            said_before = [turn.antwoord for turn in engine.state.turns] + [scenario.persona.opening]
            result = engine.step(text)
            if result.ending:
                break
            turn = result.turn
            for topic in scenario.onderwerpen:
                assert not topic.marks(result.reply) or topic.raised_by(text), (seed, text, result.reply)
            move = feedback.UNCLEAR if turn.onzeker else turn.zet
            band = turn.spanning_na
            if turn.verhoor:  # session 22: an interrogation holds the tension and is answered as one
                assert turn.spanning_na >= turn.spanning_voor, (seed, text)
                move, band = INTERROGATED, INTERROGATED_TENSION
            if result.reply in said_before:
                fresh = [line for line in pacing.reply_lines(scenario, turn.rol, move, band, text,
                                                             turn.weerstand, avoid=said_before)
                         if line not in said_before]
                assert not fresh or turn.zetten, (seed, result.reply, fresh)
            # session 22: a line that takes up a word ("Nog een mediator?") or thanks for understanding follows only a
            # turn that said the word or said something, unless no line of the move fits
            if not pacing._fitting([result.reply], text):
                options = pacing.reply_lines(scenario, turn.rol, move, band, text, turn.weerstand)
                assert not pacing._fitting(options, text) or turn.zetten, (seed, text, result.reply)
            assert pacing.fits_role(turn.rol, result.reply) or not any(
                pacing.fits_role(turn.rol, line) for line in persona_lines(scenario)), (seed, turn.rol, result.reply)


# -- the role label fits the line ------------------------------------------------------------------------------------

def test_an_accusing_father_does_not_say_the_vulnerable_line():
    line = "Ja... Het is ook verdriet, eigenlijk. Ik mis ze nu al."
    assert not pacing.fits_role("aanklager", line)
    assert pacing.fits_role("slachtoffer", line) and pacing.fits_role("kwetsbaar", line)
    for seed in range(20):
        said = lines(BREAKING_OFF, "aanklager", "erkennen", 6, "U bent uitgeput, dat is te zien.")
        assert line not in said, seed
    assert line in lines(BREAKING_OFF, "slachtoffer", "erkennen", 5, "U bent uitgeput, dat is te zien.") + \
        lines(BREAKING_OFF, "kwetsbaar", "erkennen", 5, "U bent uitgeput, dat is te zien.") + \
        list(BREAKING_OFF.antwoorden.erkennen.midden)


# -- the persona answers the question of the turn ----------------------------------------------------------------------

def test_an_acknowledgement_then_a_wish_question_gets_an_answer_about_the_wish():
    text = "Ik snap dat het moeilijk is. Wat zou je het allerliefste willen?"
    engine = Engine(CHILD, classify=lambda _: Move(zet="erkennen", zetten=["erkennen", "behoefte"]), seed=3)
    engine.state.tension, engine.state.role = 2, "kwetsbaar"
    result = engine.step(text)
    wishes = {line for band in ("laag", "midden", "hoog")
              for line in pacing.reply_variants(CHILD, "kwetsbaar", "behoefte", {"laag": 2, "midden": 5,
                                                                                 "hoog": 8}[band])}
    wishes |= set(CHILD.antwoorden.behoefte.laag + CHILD.antwoorden.behoefte.midden)
    assert result.reply in wishes
    assert result.reply != "Ik voel me schuldig, naar allebei. Dat is het eigenlijk."
    assert result.turn.zet == "erkennen"  # the read and the tension still follow the main move


# -- the debrief's better step ----------------------------------------------------------------------------------------

def play(scenario, turns, seed=2):
    lookup = {text: move for text, move in turns}
    engine = Engine(scenario, classify=lambda text: lookup[text], seed=seed)
    for text, _ in turns:
        if engine.step(text).ending:
            break
    engine.stop()
    return feedback.debrief(scenario, engine.state, ZETTEN)


def test_better_never_advises_the_step_the_turn_just_took_and_examples_differ():
    turns = [
        ("Wat vervelend dat je niet wilt gaan, dat snap ik.", Move(zet="erkennen")),
        ("Vertel eens, hoe gaat het op vrijdag? Je moet wel gewoon gaan hoor.",
         Move(zet="dynamiek", zetten=["dynamiek", "oordelen"], valkuilzin="Je moet wel gewoon gaan hoor.")),
        ("Ik bel je vader wel, dan regel ik het.", Move(zet="redden")),
        ("Wie begon er vorige week met de ruzie?", Move(zet="inhoud")),
        ("Je moet je vader wel een kans geven.", Move(zet="oordelen")),
    ]
    data = play(CHILD, turns)
    items = data["valkuilen"]
    assert [item["beurt"] for item in items] == [2, 3, 4, 5]
    assert items[0]["beter"] != "dynamiek"  # that turn asked about the pattern already
    examples = [item["voorbeeld"] for item in items]
    assert len(set(examples)) == len(examples), examples
    assert len({item["beter"] for item in items}) > 1  # not the same advice for every mistake
    assert all(item["beter"] != "visie" or item["zet"] not in feedback.BETTER_AFTER for item in items)


def test_reassurance_that_skips_the_feeling_gets_acknowledging_as_the_better_step():
    turns = [
        ("Ik ga niet zeggen wie gelijk heeft; het gaat mij om rust voor uw dochter.", Move(zet="visie")),
        ("Ik hoor hoeveel verdriet dit u doet.", Move(zet="erkennen")),
        ("ach mevrouw, komt vast wel goed hoor", Move(zet="redden")),
    ]
    data = play(MOTHER, turns)
    item = data["valkuilen"][0]
    assert item["beter"] == "erkennen" and "Geruststellen" in item["reden"]
    assert item["voorbeeld"] != "Ik hoor hoeveel verdriet dit u doet."  # not the trainee's own earlier sentence


def test_the_better_step_depends_on_the_mistake():
    done = ["erkennen"]
    assert feedback.better_step("redden", 4, done, ["redden"])[0][0] == "behoefte"
    assert feedback.better_step("inhoud", 4, done, ["inhoud"])[0][0] == "dynamiek"
    assert feedback.better_step("oordelen", 4, [], ["oordelen"])[0][0] == "erkennen"
    assert feedback.better_step("redden", 4, ["erkennen", "behoefte"], ["redden"])[0][0] == "opties"


# -- a good end -------------------------------------------------------------------------------------------------------

def test_no_good_end_without_an_options_question():
    moves = ["erkennen", "visie", "dynamiek", "behoefte", "erkennen", "behoefte", "realiteit", "behoefte"]
    engine = Engine(MOTHER, classify=lambda text: text.split(":")[0], seed=0)
    for number, move in enumerate(moves):
        result = engine.step(f"{move}: beurt {number}")
    assert engine.state.ending is None and result.ending is None


def test_a_good_end_closes_without_an_open_question():
    for scenario in SCENARIOS:
        assert "?" not in scenario.einde.goed.slotzin, scenario.id
    with pytest.raises(ValidationError, match="geen vraag"):
        GoedEinde(slotzin="Wil jij dat met ze bespreken?")
    with pytest.raises(ValidationError, match="opties"):
        GoedEinde(slotzin="Goed, zo doen we het.", nodig=["erkennen"])
