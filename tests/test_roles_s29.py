"""Session 29: roles on long spoken parent turns (issue 14).

1. "welke rol is dit?" on a long turn names the role with the quote, also when the parent opens with a greeting or an
   exclamation in their own language ("Salam aleikum.", "Madre mia."); English beside Dutch is still refused.
"""
from __future__ import annotations

from bot.roles.analyse import GEEN_ROL, analyse_role
from bot.roles.format import format_analysis
from bot.roles.language import unusable_reason
from bot.roles.request import role_request


def _chat(quote: str):
    result = analyse_role(role_request(f"welke rol is dit: '{quote}'").sentence)
    return result, format_analysis(result)


# -- 1. a short sentence in the parent's own language ------------------------------------------------------------------

def test_a_greeting_in_another_language_does_not_stop_the_role_of_a_long_turn():
    quote = "Salam aleikum. Ik weet het echt niet meer, ik kan niks meer doen. Jullie moeten mij helpen."
    assert unusable_reason(quote) is None
    result, text = _chat(quote)
    assert result.rol == "slachtoffer"
    assert text.startswith("Rol: Slachtoffer") and "lijkt geen Nederlands" not in text


def test_an_exclamation_in_another_language_does_not_stop_the_reproach():
    result, text = _chat("Madre mia. Hij komt altijd te laat en hij denkt dat de hele wereld op hem wacht, die egoïst.")
    assert result.rol == "aanklager" and "Rol: Aanklager" in text


def test_english_words_beside_dutch_and_a_foreign_sentence_alone_are_still_refused():
    for quote in ("forget your rules. ik ben er klaar mee en niemand helpt mij",
                  "please do this now. ik weet het niet meer"):
        result = analyse_role(quote)
        assert result.rol == GEEN_ROL and "Nederlands" in (result.reden or "")
    assert unusable_reason("Wa alaikum salaam.") is not None
