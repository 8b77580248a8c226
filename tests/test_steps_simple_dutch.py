"""A short acknowledgement in simple Dutch (a professional talking to a parent with little Dutch) or in chat style
("ik begrijp.", "ik begrijp u", "snap ik", "ik weet het", "dat weet ik") is erkennen at most ``CUED`` sure, so a
question beside it decides the turn; the model read "ik weet het." as redden (0.90) and flagged it as a pitfall beside
a limit (session 26). Advice after "ik weet het" stays advice. Own sentences, none from an evaluation set."""
import pytest

from bot.steps.classifier import ACKNOWLEDGEMENT, CUED, classify_step


@pytest.mark.parametrize("text", ["ik weet het.", "ja ik begrijp u", "ik begrijp u.", "oke snap ik", "Dat weet ik."])
def test_a_short_acknowledgement_is_erkennen_and_never_sure(text):
    result = classify_step(text)
    assert result.stap == "erkennen" and result.zekerheid <= CUED and ACKNOWLEDGEMENT in result.kenmerken, text


@pytest.mark.parametrize("text, step", [
    ("ik kan het niet voor je oplossen. ik weet het. is moeilijk.", "erkennen"),
    ("ik begrijp u. het is zwaar. wat is belangrijk voor uw zoon?", "behoefte"),
    ("oke snap ik. en wat gebeurt er dan als je vader boos wordt?", "dynamiek"),
    ("haha ja snap ik. wat wil je zelf het liefst", "behoefte"),
])
def test_a_turn_in_short_sentences_has_no_pitfall(text, step):  # "ik begrijp." alone is too short to read
    result = classify_step(text)
    assert result.stap == step and not result.valkuilen, (text, result.stap, result.valkuilen)


@pytest.mark.parametrize("text", ["ik weet het al, u moet gewoon een advocaat nemen.", "ik weet het niet."])
def test_more_than_the_acknowledgement_is_not_read_as_one(text):
    assert ACKNOWLEDGEMENT not in classify_step(text).kenmerken, text


@pytest.mark.parametrize("text", ["ik weet het niet.", "Tja, dat weet ik eerlijk gezegd ook niet.", "Geen idee hoor."])
def test_not_knowing_said_alone_is_no_move_and_no_pitfall(text):  # session 27: "ik weet het niet." read as redden 0.89
    result = classify_step(text)
    assert result.stap == "geen" and not result.valkuilen, (text, result.stap)


@pytest.mark.parametrize("text, step", [
    ("Ik weet het niet. Wat zou jij willen?", "behoefte"),
    ("ik weet het niet hoor. maar wat kun je zelf doen als hij niet belt?", "opties"),
])
def test_a_question_after_not_knowing_decides_the_turn(text, step):
    result = classify_step(text)
    assert result.stap == step and not result.valkuilen, (text, result.stap, result.valkuilen)
