"""Session 29: hurried typed and short NT2-adapted professional turns (issue 14).

The one normaliser (``bot.text``): accents of emphasis, chat spellings a hurried typist uses and a typo one edit from a
known word. The step rules: the words of another reported after a colon and an announcement are no move, a check
whether the other understood is no move, a summary that ends with "klopt dat?" gives back the pattern (dynamiek), how
the other is doing at the end of a sentence and whether someone is with them (erkennen), what the other does
themselves next time (opties), the other's wish given back (behoefte), missing someone (erkennen) and whether the other
party will change (realiteit). The sentences are written for these tests, not taken from an evaluation set."""
from __future__ import annotations

import pytest

from bot.steps.classifier import (
    ANNOUNCED,
    OWN_NEXT_TIME,
    PATTERN_SUMMARY,
    REPORTED_WORDS,
    YOU_MISS,
    YOUR_WISH,
    classify_step,
)
from bot.text import Spelling, without_emphasis, written_words

# -- the normaliser ------------------------------------------------------------------------------------------------


def test_an_accent_of_emphasis_is_read_as_the_plain_letter():
    assert without_emphasis("Wat wilt ú, en wat wil jíj?") == "Wat wilt u, en wat wil jij?"
    assert without_emphasis("hé, één café") == "hé, één café"  # the é stays
    assert len(without_emphasis("met jóu")) == len("met jóu")


def test_chat_spellings_of_a_hurried_typist_are_written_out():
    assert written_words("ze komt wss later, mss morgen") == "ze komt waarschijnlijk later, misschien morgen"


def test_a_one_letter_form_without_apostrophe_only_when_asked():
    assert written_words("hoe ging t") == "hoe ging t"
    assert written_words("hoe ging t", one_letter=True) == "hoe ging het"


def test_a_typo_becomes_the_one_known_word_one_edit_away():
    known = {"vragen", "houden", "maandag", "zaterdag", "school"}
    spelling = Spelling(known, known.__contains__)
    assert spelling.text("mag ik je iets vrgen over zaterdga") == "mag ik je iets vragen over zaterdag"
    assert spelling.text("shcool") == "school"  # a swap
    assert spelling.text("Shcool") == "Shcool"  # with a capital: a name
    assert spelling.text("shcol") == "shcol"  # two edits away


def test_a_word_with_two_near_words_or_none_stays():
    known = {"kaart", "kaars", "fiets"}
    spelling = Spelling(known, known.__contains__)
    assert spelling.text("kaarx") == "kaarx"  # kaart and kaars
    assert spelling.text("brommer") == "brommer"


def test_a_known_word_is_no_typo():
    known = {"vragen"}
    spelling = Spelling(known, lambda word: word in known or word == "vragn")
    assert spelling.text("vragn") == "vragn"


# -- the step rules ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Goed. Je vader appt: ik kom je om vijf uur halen. Wat deed jij toen? En wat deed hij?",
    "Oké. Uw zoon zegt: ik regel het zelf wel. Wat zei u daarop?",
])
def test_words_of_another_after_a_colon_are_no_move(text):
    result = classify_step(text)
    assert result.stap == "dynamiek", result
    assert any(part.stap == "overig" and "zegt:" in part.zin or "appt:" in part.zin for part in result.delen)


def test_the_reported_words_say_why():
    from bot.steps.classifier import _no_move

    assert _no_move("Je moeder schrijft: ik ga het zelf wel oplossen.", None) == REPORTED_WORDS
    assert _no_move("U zegt: ik ga het zelf wel oplossen.", None) is None  # a recap of the other's words


def test_an_announcement_is_no_move():
    from bot.steps.classifier import _no_move

    assert _no_move("Ik ga u nu iets lastigs vertellen.", None) == ANNOUNCED
    result = classify_step("Ik wil je iets eerlijks zeggen. Je moeder gaat waarschijnlijk niet meer terug naar dit "
                           "huis. Begrijp je wat ik bedoel?")
    assert result.stap == "realiteit", result


@pytest.mark.parametrize("text", [
    "ja dus eh als ik het goed zie dan eh belt oma de school en papa hoort het pas achteraf en dan eh dan wordt hij "
    "boos klopt dat zo ongeveer",
    "Ik vat even samen. Jij haalt hem op, hij is moe, er valt een woord en dan slaat de deur dicht. Klopt dat?",
])
def test_a_summary_that_ends_with_klopt_dat_gives_back_the_pattern(text):
    result = classify_step(text)
    assert result.stap == "dynamiek", result


def test_a_summary_with_advice_stays_advice():
    result = classify_step("Als ik het goed zie moet je gewoon vaker zelf de school bellen. Klopt dat?")
    assert result.stap != "dynamiek", result


def test_the_pattern_summary_says_why():
    result = classify_step("ja dus als ik het goed zie dan neemt je zus het over om jou te sparen en je moeder gaat "
                           "tegen haar in en jij kijkt toe klopt dat zo ongeveer")
    assert result.stap == "dynamiek", result
    assert PATTERN_SUMMARY in result.kenmerken


@pytest.mark.parametrize("text", [
    "Fijn dat je er bent. Op een schaal van 1 tot 10, hoe gaat het met jóu op dit moment?",
    "hoi sem, je vader zei dat het gisteren flink knalde thuis. hoe is t met je?",
    "oei dat klinkt echt eng zeg. heb je nu iemand bij je?",
    "Wat naar dat het zo ging. Je zus is nu ver weg. Heb je wel iemand?",
])
def test_how_the_other_is_doing_is_erkennen(text):
    assert classify_step(text).stap == "erkennen"


@pytest.mark.parametrize("text", [
    "Wat doe jij zelf, als ze weer zo'n bericht stuurt?",
    "sterk plan. en wat doe je als ze nee zegt?",
])
def test_what_the_other_does_next_time_is_opties(text):
    result = classify_step(text)
    assert result.stap == "opties", result
    assert OWN_NEXT_TIME in result.kenmerken


def test_a_habit_question_without_own_or_next_time_stays_dynamiek():
    assert classify_step("Wat doe jij als hij dan weer belt?").stap == "dynamiek"


def test_the_wish_of_the_other_given_back_is_behoefte():
    result = classify_step("U wilt een moeder zijn bij wie ze gewoon binnen kan lopen. Heb ik dat goed gezegd?")
    assert result.stap == "behoefte", result
    assert YOUR_WISH in result.kenmerken


def test_a_wish_with_but_is_not_read_as_the_wish():
    from bot.steps.classifier import _YOUR_WISH

    assert not _YOUR_WISH.match("Je wilt het graag, maar dat kan niet meer.")


def test_missing_someone_is_erkennen():
    result = classify_step("Je mist je broer nu al, terwijl hij pas volgende maand verhuist.")
    assert result.stap == "erkennen", result
    assert YOU_MISS in result.kenmerken


def test_asking_whether_the_other_party_will_change_is_realiteit():
    from bot.steps.classifier import _WILL_THEY_CHANGE

    result = classify_step("even eerlijk, denk je dat ruud voortaan wel op tijd gaat komen")
    assert result.stap == "realiteit", result
    assert _WILL_THEY_CHANGE.search("denk je dat ruud voortaan wel op tijd gaat komen")
    assert not _WILL_THEY_CHANGE.search("denk je dat je voortaan wel op tijd gaat komen")  # the other themselves
    assert not _WILL_THEY_CHANGE.search("denk je dat ruud op tijd komt")  # no change asked about


def test_a_hurried_typed_question_reads_as_typed_carefully():
    hurried = classify_step("mag ik ff vrgen wat er gbeurde toen ze thuis kwam? wat zei jij en wat deed zij")
    careful = classify_step("mag ik even vragen wat er gebeurde toen ze thuis kwam? wat zei jij en wat deed zij")
    assert hurried.stap == careful.stap == "dynamiek"


# -- the same cues in a dictated run-on (no punctuation, no capitals) ---------------------------------------------


@pytest.mark.parametrize("text, step", [
    ("fijn dat je belt vertel maar hoe gaat het met je deze week", "erkennen"),
    ("goed bedacht sanne echt knap dat je dat zelf regelt wat doe je zelf als hij weer te laat is", "opties"),
    ("ok dus hij komt te laat jij zegt niks meer en dan rijdt hij weg klopt dat zo ongeveer", "dynamiek"),
])
def test_the_cues_hold_in_a_dictated_run_on(text, step):
    result = classify_step(text)
    assert result.stap == step, result


def test_a_summary_that_names_a_feeling_stays_erkennen():
    assert classify_step("Dus je voelt je eigenlijk best alleen staan. Klopt dat?").stap == "erkennen"


def test_a_summary_that_advises_stays_advice():
    assert classify_step("Dus je moet hem gewoon laten gaan. Klopt dat?").stap == "redden"


def test_the_step_reader_corrects_typos_but_not_words_or_names_it_lacks():
    from bot.steps.classifier import _as_read, get_model

    model = get_model()
    assert _as_read("mag ik ff vrgen over die zaterdga", model) == "mag ik even vragen over die zaterdag"
    assert _as_read("waarna ze stopte", model) == "waarna ze stopte"  # waar + na: two known words
    assert _as_read("Dag mevrouw Jansen", model) == "Dag mevrouw Jansen"  # a name


def test_asking_leave_to_be_honest_is_no_move():
    from bot.steps.classifier import HEDGE, _no_move

    assert _no_move("Mag ik iets eerlijk zeggen?", None) == HEDGE
    result = classify_step("Ik hoor het. Mag ik iets eerljk zeggen? Je vader gaat zijn werk waarschijnlijk niet "
                           "opgeven.")  # with a typo: the same hedge
    assert result.delen[1].stap == "overig" and result.stap == "realiteit", result


def test_the_typo_memo_of_a_long_running_server_stays_bounded():
    """Every new word a professional types is looked up once and remembered; a server that runs for weeks must not
    keep them all (memory), and a word read after the memo started again is corrected the same way."""
    from bot.text import Spelling

    spelling = Spelling(["vragen", "houden"], known=lambda word: word in {"vragen", "houden"})
    for number in range(Spelling.SEEN_LIMIT + 10):
        spelling.word(f"woord{number}")
    assert len(spelling._seen) <= Spelling.SEEN_LIMIT
    assert spelling.word("vrgen") == "vragen" and spelling.text("wil je dat vrgen?") == "wil je dat vragen?"
