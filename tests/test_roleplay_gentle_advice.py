"""Gentle steering is the pitfall redden (step examples round 11, own sentences, none from a set or from the
examples): advice, a plan or an offer to take over, said warmly right after a good question or acknowledgement
in the same turn, is read as a redden part beside the step; the same question or acknowledgement alone is not.
A session whose warm turns keep carrying such advice does not end well, while the same turns without the advice
do. A doubtful pitfall sentence (below ``PITFALL_FLAG``) is no move of the turn."""
from pathlib import Path

import pytest

from bot import textclass
from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay.engine import Engine
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import PITFALL_FLAG, classify_step

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


@pytest.mark.parametrize("question, advice, step", [
    ("Wat heb je nodig?",
     "Want eerlijk gezegd denk ik dat het voor jou het rustigst is als je dit weekend niks van je laat horen.",
     "behoefte"),
    ("Hoe gaat dat dan, als hij te laat is?",
     "Volgens mij kun je hem het beste gewoon een vaste tijd geven en daar niet van afwijken.", "dynamiek"),
    ("Wat zou jij kunnen doen?",
     "Ik zou het zelf zo doen: de zwemles laten lopen via opa, dan hoeven jullie elkaar niet te zien.", "opties"),
    ("Fijn dat je meedenkt.",
     "Dan zet ik in het verslag dat jullie voortaan om vijf uur bij de bakker wisselen, goed?", "erkennen"),
])
def test_advice_after_a_good_question_is_read_as_redden_beside_the_step(classify, question, advice, step):
    alone = classify_step(question)
    assert alone.stap == step and "redden" not in alone.stappen
    turn = f"{question} {advice}"
    result = classify_step(turn)
    assert step in result.stappen and "redden" in result.stappen
    move = classify(turn)
    assert "redden" in move.zetten  # the engine sees the pitfall beside the step
    assert move.valkuilzin == advice  # and the debrief can quote the sentence that steered


@pytest.mark.parametrize("text, step", [
    ("Wat zou jij kunnen doen als er weer zo'n bericht binnenkomt?", "opties"),
    ("Dat is zwaar, dat je dochter niet meer komt.", "erkennen"),
    ("Zo te horen is het elke keer hetzelfde rondje: hij appt, jij reageert fel, en dan is het stil.", "dynamiek"),
    ("Ik wil wel even terug naar zaterdag, toen de jongens niet kwamen.", "dynamiek"),
])
def test_the_neighbouring_steps_stay_steps(classify, text, step):
    move = classify(text)
    assert move.zet == step and "redden" not in move.zetten


GOOD = [
    "Goedemorgen. Ik hoor hoe kwaad je bent, en ook hoe teleurgesteld: je had je zo op het weekend verheugd.",
    "Ik ga niet uitzoeken wie er gelijk heeft. Ik ben er om het rustiger te krijgen, vooral voor de jongens.",
    "Neem me eens mee naar vrijdag: wat gebeurde er toen dat bericht binnenkwam, en wat deed jij toen?",
    "En wat deed zij daarna?",
    "Wat is er voor jou het allerbelangrijkste, als het om je zoons gaat?",
    "Dat je erbij hoort als er iets besloten wordt. Denk je dat zij dat uit zichzelf gaat doen?",
    "Wat zou jij kunnen doen, de volgende keer dat er zo'n bericht komt?",
    "Dat klinkt als iets wat bij je past. Wat kun je nog meer bedenken?",
]
ADVICE = [
    "",
    "",
    " Volgens mij kun je haar het beste een vaste tijd voor het afzeggen geven.",
    " Ik zou haar dan gewoon niet meer appen, maar mailen.",
    " Ik denk dat het voor jou het fijnst is als je een vast weekendschema voorstelt.",
    "",
    " Ik zou het zelf zo doen: de jongens voortaan op school overdragen.",
    " Dan zet ik dat schema vandaag in het verslag en stuur ik haar een berichtje.",
]


def _ending(classify, turns):
    engine = Engine(FATHER, classify=classify, seed=0)
    for text in turns:
        if engine.step(text).ending:
            break
    return engine.state.ending


def test_warm_turns_that_keep_carrying_advice_do_not_end_well(classify):
    assert _ending(classify, GOOD) == "goed"
    advised = [turn + advice for turn, advice in zip(GOOD, ADVICE, strict=True)]
    assert _ending(classify, advised) != "goed"


class _Model:
    """A stand-in for the step model: a fixed read per sentence."""

    def __init__(self, reads):
        self.reads = reads

    def predict(self, text, n_features=8):
        label, confidence = self.reads[text]
        return textclass.Prediction(label, confidence, {label: confidence})


def test_a_doubtful_pitfall_sentence_is_no_move_of_the_turn():
    doubtful = PITFALL_FLAG - 0.05
    model = _Model({"Hoe ging dat toen?": ("dynamiek", 0.9), "En dan is het weer stil.": ("redden", doubtful)})
    result = classify_step("Hoe ging dat toen? En dan is het weer stil.", model=model)
    assert result.stap == "dynamiek" and result.stappen == ["dynamiek"] and result.valkuilen == []
    model.reads["En dan is het weer stil."] = ("redden", PITFALL_FLAG + 0.05)  # a flagged pitfall is a move
    assert classify_step("Hoe ging dat toen? En dan is het weer stil.", model=model).stappen == ["dynamiek", "redden"]


# -- the debrief says which sentence steered and why a calm talk did not end well --------------------------------
CHILD = KNOWLEDGE.get("scenario", "kind-wil-niet-naar-vader")  # starts at 5, good ending at 3 or lower
ADVICE_SENTENCE = "Ik zou het zelf zo doen: neem je knuffel gewoon mee."


def _steering(step):
    from bot.roleplay.engine import Move

    return Move(step, 0.95, zetten=[step, "redden"], valkuilzin=ADVICE_SENTENCE)


def test_the_debrief_quotes_the_steering_sentence_and_explains_the_missing_good_ending():
    from bot.roleplay import catalog, feedback
    from bot.roleplay.engine import Move

    zetten = {z.id: z for z in catalog.knowledge().all("rollenspel_zet")}
    queue = [Move("erkennen", 0.95), _steering("erkennen"), _steering("realiteit"), _steering("opties"),
             _steering("opties")]
    engine = Engine(CHILD, classify=lambda text: queue.pop(0), seed=1)
    for nr in range(5):
        engine.step(f"beurt {nr}")
    assert engine.state.ending is None and engine.state.tension <= CHILD.spanning.goed_einde_tot
    data = feedback.debrief(CHILD, engine.state, zetten)
    assert data["patroon"] == {"met_valkuil": 4, "beurten": 5}
    first = data["valkuilen"][0]
    assert (first["beurt"], first["zet"], first["naast"], first["valkuilzin"]) == (2, "redden", "erkennen",
                                                                                    ADVICE_SENTENCE)
    text = feedback.debrief_text(data, zetten)
    assert f'bevatte naast erkennen ook redden (valkuil): "{ADVICE_SENTENCE}"' in text
    assert "De spanning is gezakt, maar in 4 van je 5 beurten zat een valkuil" in text


def test_a_talk_that_ended_well_or_is_still_tense_gets_no_pattern_line():
    from bot.roleplay import catalog, feedback
    from bot.roleplay.engine import Move

    zetten = {z.id: z for z in catalog.knowledge().all("rollenspel_zet")}
    queue = [Move("erkennen", 0.95), _steering("erkennen"), Move("dynamiek", 0.9), Move("behoefte", 0.9),
             Move("realiteit", 0.9), Move("opties", 0.9)]
    engine = Engine(CHILD, classify=lambda text: queue.pop(0), seed=1)
    for nr in range(6):
        engine.step(f"beurt {nr}")
    assert engine.state.ending == "goed"  # one steering turn in six: still a good talk
    assert feedback.debrief(CHILD, engine.state, zetten)["patroon"] is None
    queue = [Move("redden", 0.95)] * 2
    engine = Engine(CHILD, classify=lambda text: queue.pop(0), seed=1)
    engine.step("Ik regel het wel.")
    engine.step("Ik bel je vader vanavond.")
    assert engine.state.tension > CHILD.spanning.goed_einde_tot
    data = feedback.debrief(CHILD, engine.state, zetten)
    assert data["patroon"] is None and "De spanning is gezakt" not in feedback.debrief_text(data, zetten)


def test_a_doubtful_pitfall_before_a_closing_step_question_is_flagged_and_the_question_leads():
    from bot.steps.classifier import CLOSING_QUESTION, SURE_PITFALL

    text = "Misschien valt er iets te doen aan de overdracht. Wat zou jij zelf willen proberen?"
    model = _Model({"Misschien valt er iets te doen aan de overdracht.": ("redden", 0.75),
                    "Wat zou jij zelf willen proberen?": ("opties", CLOSING_QUESTION + 0.05)})
    result = classify_step(text, model=model)
    assert result.stap == "opties" and [part.stap for part in result.valkuilen] == ["redden"]
    model.reads["Misschien valt er iets te doen aan de overdracht."] = ("redden", SURE_PITFALL + 0.05)
    assert classify_step(text, model=model).stap == "redden"  # a sure pitfall still leads
    model.reads["Misschien valt er iets te doen aan de overdracht."] = ("redden", 0.75)
    model.reads["Wat zou jij zelf willen proberen?"] = ("opties", CLOSING_QUESTION - 0.05)
    assert classify_step(text, model=model).stap == "redden"  # a doubtful question does not
