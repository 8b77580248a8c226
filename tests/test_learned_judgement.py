"""The learned read of soft judging and lecturing (``bot.roleplay.learned_judgement``, recogniser ``oordeel``).

A warm lecture or a kind judgement that no cue phrase catches ("dat was achteraf niet zo verstandig, dat weet je zelf
ook wel") is the pitfall oordelen, read as uncertain: the engine forgives the
first one of a session (the persona asks what was meant) and counts the next. Good sentences that only look like a
judgement, advice, and short sounds stay what they are. Own sentences, none from an evaluation set or the examples."""
from pathlib import Path

import pytest

from bot.knowledge.loader import load_knowledge
from bot.paths import knowledge_dir
from bot.roleplay import learned_judgement
from bot.roleplay.engine import UNSURE, Engine
from bot.roleplay.models import JUDGEMENT, NO_JUDGEMENT
from bot.roleplay.moves import LEARNED_JUDGEMENT, MoveClassifier
from bot.steps import classifier as step_classifier

KNOWLEDGE = load_knowledge(Path(knowledge_dir()) / "scenarios")
FATHER = KNOWLEDGE.get("scenario", "vader-kinderen-thuisgehouden")

ACKNOWLEDGEMENT = "Dat snap ik."
# Soft judgements no cue phrase covers: "ook niet zo slim/handig/verstandig" became a cue phrase of oordelen in the
# twentieth session (a user test read "al dat geappe naar papa is ook niet echt slim, he" as realiteit), so these
# examples of what only the learned read sees use other words.
LECTURES = [
    "Alleen was dat mailtje aan de school achteraf ook niet zo tactisch, dat weet je zelf ook wel.",
    "Alleen was dat boze appje aan zijn nieuwe vriendin achteraf ook niet zo netjes, hè.",
]


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


@pytest.mark.parametrize("lecture", LECTURES)
def test_a_soft_judgement_after_an_acknowledgement_is_an_uncertain_judging_read(classify, lecture):
    assert classify.lexicon.match(lecture) is None  # no cue phrase: only the learned read can see it
    move = classify(f"{ACKNOWLEDGEMENT} {lecture}")
    assert move.zet == JUDGEMENT and move.zekerheid < UNSURE
    assert move.signalen == [LEARNED_JUDGEMENT]
    assert move.valkuilzin == lecture  # the debrief quotes the sentence that judged
    assert "erkennen" in move.zetten  # the acknowledgement is still seen


@pytest.mark.parametrize("text, move", [
    ("Dat moet zwaar zijn, zo'n weekend zonder je kinderen.", "erkennen"),
    ("Ik kies geen kant, ik ben er voor jullie allebei.", "visie"),
    ("Wat zou jij zelf kunnen doen als ze weer afzegt?", "opties"),
    ("Waarschijnlijk blijft ze zo reageren, en dat is zuur.", "realiteit"),
    ("Ik zou haar gewoon even bellen en vragen hoe het zit.", "redden"),  # advice stays advice
    # going into the facts stays a sure inhoud read, even where the learned read also hears a judgement
    ("Eerlijk gezegd vind ik het ook niet netjes van haar dat ze de verjaardag zomaar heeft verzet.", "inhoud"),
])
def test_good_sentences_and_advice_are_not_read_as_judging(classify, text, move):
    assert classify(text).zet == move


def test_a_short_sound_is_never_a_learned_judgement(classify):
    assert len("Nee hè.".split()) < learned_judgement.MIN_WORDS
    assert classify("Nee hè.").zet != JUDGEMENT


def test_without_the_learned_read_the_soft_judgement_passes_unseen():
    plain = MoveClassifier(use_learned_judgement=False)
    assert plain(f"{ACKNOWLEDGEMENT} {LECTURES[0]}").zet != JUDGEMENT


def test_the_first_soft_judgement_is_forgiven_and_the_second_counts(classify):
    engine = Engine(FATHER, classify=classify, seed=0)
    engine.step("Goedemorgen. Ik hoor hoe kwaad je bent, en hoe teleurgesteld.")
    first = engine.step(f"{ACKNOWLEDGEMENT} {LECTURES[0]}").turn
    assert first.zet == JUDGEMENT and first.onzeker and first.spanning_na == first.spanning_voor
    second = engine.step(f"Het is heftig allemaal. {LECTURES[1]}").turn
    assert second.zet == JUDGEMENT and not second.onzeker
    assert second.spanning_na > second.spanning_voor  # a pattern of judging raises the tension
    assert second.valkuilzin == LECTURES[1]


def test_training_groups_are_the_judgement_examples_plus_every_step_example_as_no_judgement():
    groups = learned_judgement.training_groups()
    labels = {g.label for g in groups}
    assert labels == {JUDGEMENT, NO_JUDGEMENT}
    step_ids = {f"stap:{g.id}" for g in step_classifier.load_groups()}
    assert step_ids <= {g.id for g in groups}
    assert all(g.label == NO_JUDGEMENT for g in groups if g.id in step_ids)
    assert sum(len(g.sentences) for g in groups if g.label == JUDGEMENT) >= 40


def test_a_broken_judgement_example_file_is_reported_with_file_entry_and_field(tmp_path):
    (tmp_path / "voorbeelden_oordelen_kapot.yml").write_text(
        "soort: oordeel_voorbeelden\nitems:\n"
        "- id: oordelen-kapot\n  label: preken\n"
        "  bron: {document: '004_7da56f7bd19f1a57.txt (Werkboek complexe scheidingen)', sectie: 'Dramadriehoek'}\n"
        "  zinnen: [een, twee, drie]\n",
        encoding="utf-8",
    )
    knowledge = load_knowledge(tmp_path)
    problems = [p for p in knowledge.problems if p.entry == "oordelen-kapot"]
    assert problems and problems[0].field == "label"
    assert "voorbeelden_oordelen_kapot.yml" in problems[0].file
    assert "onbekend label 'preken'" in problems[0].message


@pytest.mark.parametrize("text", [
    "Je staat erbij en weet niet waar je moet kijken.",
    "Hij snapt dan echt niet meer wat je moet doen om het goed te maken.",
])
def test_je_moet_inside_an_indirect_question_is_no_judging_cue(classify, text):
    assert classify.lexicon.match(text) is None
    assert classify.lexicon.match("Je moet echt kijken wat je doet.")[0] == JUDGEMENT  # the instruction still is


@pytest.mark.parametrize("text", [
    "Ik snap dat het schuurt. Mijn tip: laat de tas met schoolspullen gewoon bij de kinderen zelf.",
    "Ik zou je aanraden om die mail vanavond nog niet te versturen.",
    "Weet je wat ik je zou aanraden? Spreek met haar een vaste beldag af.",
])
def test_a_tip_or_a_recommendation_is_advice(classify, text):
    move = classify(text)
    assert "redden" in [move.zet] + move.zetten


def test_an_invitation_to_say_everything_is_no_fix_and_the_question_decides(classify):
    move = classify("Zeg het maar gewoon allemaal. Wat ging er door je heen toen ze afbelde?")
    assert move.zet not in ("redden", "oordelen") and "redden" not in move.zetten
