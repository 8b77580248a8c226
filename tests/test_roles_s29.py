"""Session 29: roles on long spoken parent turns (issue 14).

1. "welke rol is dit?" on a long turn names the role with the quote, also when the parent opens with a greeting or an
   exclamation in their own language ("Salam aleikum.", "Madre mia."); English beside Dutch is still refused.
2. reproach signals of this session: "elke keer" as "altijd", the other who does not keep to an agreement (also in a
   lawyer's words), who ruins everything, distrust of the other; "ik vertrouw ... niet" leaves nothing to the other (no
   Ondersteuner); "schat" alone (an endearment in quoted speech, an estimate) is no Redder's protection; what a parent
   can say himself or herself ("ik kan ... zeggen") and doing it calmly ("zonder schreeuwen") are Assertief;
3. words a parent quotes of another person ("Hij roept: jij bent een waardeloze moeder") are that person's: they do not
   name the parent's role, and the parent's own sentences around them still do;
4. the one normaliser (``bot.text``) writes a teenager's chat forms out ("wss", "mss", "egt", "wrm"), and the Dutch
   word list (``bot.language.known_words``) knows common words the lemma table lacks ("samen", "voetbal");
5. one sentence of a long turn whose read contradicts its own signal ("Ik wil gewoon gehoord worden": Assertief by
   the words, Kwetsbaar by its signal) does not name the turn's role, nor does a short sentence without a signal of
   its own ("Wil je thee?" in a parent's small talk).
"""
from __future__ import annotations

import subprocess

from bot.language import COMMON_WORDS, HUNSPELL_DICTIONARY, known_words, opentaal_available
from bot.roles.analyse import GEEN_ROL, analyse_role
from bot.roles.format import format_analysis
from bot.roles.language import unusable_reason
from bot.roles.request import role_request
from bot.roles.signals import find_signals
from bot.text import written_words


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


# -- 2. reproach signals -----------------------------------------------------------------------------------------------

def _signal_ids(text: str):
    return {hit.signaal_id for hit in find_signals(text)}


def test_every_time_reads_as_always_in_a_reproach():
    assert "aanklager-verwijt" in _signal_ids("Zij komt iedere keer te laat bij de overdracht.")
    assert "aanklager-verwijt" in _signal_ids("Hij belt elke keer op het laatste moment af.")
    assert "aanklager-verwijt" not in _signal_ids("Ik app elke keer even als ik vertrek.")


def test_the_other_who_does_not_keep_to_the_agreement_is_a_reproach_also_in_a_lawyers_words():
    for text in ("Hij houdt zich sinds maart niet aan de omgangsregeling, ik heb alles netjes bijgehouden.",
                 "Ik constateer dat mevrouw zich niet conform de gemaakte afspraken gedraagt."):
        assert "aanklager-verwijt" in _signal_ids(text)
    assert "aanklager-verwijt" not in _signal_ids("Ik wil dat hij zich gewoon aan de afspraak houdt.")


def test_the_other_who_ruins_everything_is_a_reproach():
    assert "aanklager-verwijt" in _signal_ids("Mijn ouders verpesten alles en ik moet hier komen zitten.")
    assert "aanklager-verwijt" in _signal_ids("Hij heeft alles verpest met zijn gezeur.")


def test_schat_alone_is_an_endearment_or_an_estimate_and_no_protection():
    assert "redder-beschermt" not in _signal_ids("Ik zeg dan tegen haar: schat, ik wil dat je om negen uur thuis bent.")
    assert "redder-beschermt" not in _signal_ids("Ik schat dat het een uur duurt voor hij er is.")
    assert "redder-beschermt" in _signal_ids("Och schat, laat mij dat maar doen.")
    result, _ = _chat("Ik zeg dan tegen haar: schat, ik wil dat je om negen uur thuis bent. Dat is mijn grens, ook als "
                      "je boos wordt.")
    assert result.rol == "assertief"


def test_what_the_parent_can_say_calmly_is_assertief_and_not_being_able_to_say_anything_is_not():
    assert {"assertief-eigen-plan", "assertief-grens"} <= _signal_ids(
        "Ik kan mijn zoon vertellen wat ik zie, rustig, zonder verwijt.")
    assert "assertief-eigen-plan" not in _signal_ids("Ik kan niks zeggen tegen hem, dan ontploft hij.")
    result, text = _chat("Ik kan tegen mijn moeder zeggen: dit moet je met hem zelf bespreken. Ik geef je zijn nummer. "
                         "Rustig, zonder schreeuwen.")
    assert result.rol == "assertief" and text.startswith("Rol: Assertief")


def test_distrust_of_the_other_is_a_judgement_and_not_leaving_the_choice():
    result, text = _chat("Ik vertrouw hem voor geen cent, die man. Straks neemt hij de kinderen gewoon mee.")
    assert result.rol == "aanklager" and "Rol: Aanklager" in text
    assert "ondersteuner-laat-keuze" not in _signal_ids("Ik vertrouw haar voor geen cent.")
    assert "ondersteuner-laat-keuze" in _signal_ids("Ik vertrouw erop dat je zelf weet wat goed voor je is.")


# -- 3. quoted words of another person ---------------------------------------------------------------------------------

def test_a_reproach_the_parent_quotes_of_the_other_is_not_the_parents_role():
    result, text = _chat("Gisteren bij de overdracht. Hij roept door het raam: jij bent echt een waardeloze moeder, "
                         "jij verpest alles. Ik heb de deur maar dichtgedaan en ben gaan zitten.")
    assert result.rol != "aanklager"
    assert "Rol: Aanklager" not in text


def test_the_parents_own_role_beside_a_quote_of_the_other_is_named_without_the_quoted_words():
    result, text = _chat("Hij appt me om elf uur: waar blijft die jas nou, je doet het expres. Ik weet het echt niet "
                         "meer, ik kan niks goed doen bij hem.")
    assert result.rol == "slachtoffer" and text.startswith("Rol: Slachtoffer")
    assert all(hit.rol == "slachtoffer" for hit in result.signalen)
    assert "expres" not in text  # the other's words are no signal of the parent's turn


def test_the_parents_own_words_after_a_colon_still_count():
    result, _ = _chat("Ik zeg dan tegen hem: jij bent altijd te laat, jij doet gewoon wat jij wilt. Hij is een "
                      "egoïst.")
    assert result.rol == "aanklager"


# -- 4. chat forms and common words ------------------------------------------------------------------------------------

def test_a_teenagers_chat_forms_are_written_out():
    assert written_words("wss heb je gelijk, mss ga ik egt nie") == \
        "waarschijnlijk heb je gelijk, misschien ga ik echt niet"
    assert written_words("wrm moet dat sws bij hem") == "waarom moet dat sowieso bij hem"


def test_a_child_who_agrees_in_chat_style_plays_no_role():
    result, _ = _chat("wss heb je gelijk. ze doen al jaren zo")
    assert result.rol == GEEN_ROL


def test_common_words_the_lemma_table_lacks_are_known_dutch():
    for word in ("samen", "voetbal", "thuis", "eerst", "andere", "nieuwe", "zaterdag", "gamen", "appje", "sowieso"):
        assert word in known_words()
    assert unusable_reason("Samen voetbal kijken op zaterdag. Dat mis ik echt.") is None


def test_every_common_word_is_in_opentaals_word_list():
    assert opentaal_available(), "hunspell with the Dutch word list is needed (`make test` installs it)"
    # hunspell itself: ``opentaal_knows`` answers yes for every word of ``known_words`` without asking
    listed = subprocess.run(["hunspell", "-d", HUNSPELL_DICTIONARY, "-i", "utf-8", "-l"],
                            input="\n".join(sorted(COMMON_WORDS)), capture_output=True, text=True, check=True)
    assert listed.stdout.split() == []


# -- 5. a sentence whose read contradicts its own signal ---------------------------------------------------------------

def test_a_longing_sentence_does_not_make_the_long_turn_assertief():
    result, text = _chat("Ik ben al twintig jaar hun moeder. Het gaat niet om geld of om gelijk. Ik wil gewoon gehoord "
                         "worden, één keer.")
    assert result.rol != "assertief" and "Rol: Assertief" not in text


def test_a_short_offer_in_small_talk_names_no_role_of_the_turn():
    result, text = _chat("Ja hoor, kom binnen, het gaat allemaal prima hier. Wil je thee? De kinderen zijn net naar "
                         "bed.")
    assert result.rol == GEEN_ROL and text.startswith("Geen duidelijke rol")
