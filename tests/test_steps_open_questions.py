"""Plain open questions are no content: asking whom the other talks to about it ("met wie praat u hierover?", "heeft
u het daar met iemand over gehad?") is the workbook's erkennen (asking where someone finds support, 004 "2. Erkennen"),
not the pitfall inhoud that the words "wie", "eigenlijk" and "daar ... over" made the model read (0.71-0.90; a blind
set of session 26 saw such questions read as inhoud). A question about the facts of the conflict stays inhoud. Own
sentences, none from an evaluation set."""
import pytest

from bot.roleplay.models import PITFALLS
from bot.roleplay.moves import MoveClassifier
from bot.steps.classifier import SUPPORT, classify_step


@pytest.fixture(scope="module")
def classify():
    return MoveClassifier()


@pytest.mark.parametrize("text", [
    "Met wie praat u daar eigenlijk over?",
    "met wie praat u hierover?",
    "Met wie praat u erover?",
    "met wie praat je daarover",
    "Heeft u het daar met iemand over gehad?",
    "Praat je er met iemand over?",
    "Met wie heb je het daar al over gehad?",
    "Met wie deel je dit?",
])
def test_asking_whom_the_other_talks_to_is_erkennen(classify, text):
    result = classify_step(text)
    assert result.stap == "erkennen" and not result.valkuilen, (text, result.stap, result.valkuilen)
    assert not set(classify(text).zetten) & set(PITFALLS), text


@pytest.mark.parametrize("text", [
    "Met wie heeft u het afgesproken?",  # the facts of an agreement
    "Heeft u met iemand over de afspraak gepraat?",
    "Met wie praat uw ex daarover?",  # the other party, not the one addressed
])
def test_a_question_about_the_facts_or_the_other_party_is_not_a_support_question(text):
    assert SUPPORT not in classify_step(text).kenmerken, text
