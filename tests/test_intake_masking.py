"""Masking of personal details before storing (rules always; deduce when installed)."""
from __future__ import annotations

import pytest

from bot.intake.deidentify import describe, elfproef, mask
from bot.intake.masking_eval import evaluate


@pytest.fixture(autouse=True)
def rules_only(monkeypatch):
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")


@pytest.mark.parametrize("text, expected", [
    # fifth user test: the school after a cue word ('juf', 'meester') read as a name
    ("de juf van de Regenboogschool belt", "de juf van de [SCHOOL] belt"),
    ("juf Marieke van de Regenboogschool belt", "juf [NAAM] van de [SCHOOL] belt"),
    ("meester Jan van het Ichthus College", "meester [NAAM] van het [SCHOOL]"),
    ("de mentor van het Goois Lyceum belt over Daan", "de mentor van het [SCHOOL] belt over [NAAM]"),
])
@pytest.mark.parametrize("masker", ["regels", "deduce"])
def test_a_school_after_a_cue_word_is_masked_as_a_school_and_the_name_before_it_as_a_name(
        monkeypatch, masker, text, expected):
    if masker == "deduce":
        monkeypatch.delenv("RUSTPUNT_MASKER")
    assert mask(text).text == expected


def test_elfproef():
    assert elfproef("111222333")
    assert elfproef("123456782")
    assert not elfproef("123456789")
    assert not elfproef("000000000")
    assert not elfproef("12345678")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bel haar op 06-12345678.", "Bel haar op [TELEFOON]."),
        ("Nummer 0612345678 graag", "Nummer [TELEFOON] graag"),
        ("Via +31 6 12345678 bereikbaar", "Via [TELEFOON] bereikbaar"),
        ("Thuis: 035-6123456", "Thuis: [TELEFOON]"),
        ("BSN 111222333.", "BSN [BSN]."),
        ("BSN 123.456.782", "BSN [BSN]"),
        ("Postcode 1211 AB Hilversum", "Postcode [POSTCODE] Hilversum"),
        ("postcode 3511ab", "postcode [POSTCODE]"),
        ("Kerkstraat 12 is het", "[ADRES] is het"),
        ("mail: a.b@example.nl", "mail: [E-MAIL]"),
        ("geboren op 14-02-2012", "geboren op [DATUM]"),
        ("Hij is geboren op 3 maart 2010.", "Hij is geboren op [DATUM]."),
        ("Moeder Fatima el Amrani belt", "Moeder [NAAM] belt"),
        ("Ik ben de moeder van Sem", "Ik ben de moeder van [NAAM]"),
        ("Mevrouw De Boer van school", "Mevrouw [NAAM] van school"),
        ("Jan de Vries is de vader", "[NAAM] is de vader"),
        ("Hij zit op de Tamarindeschool in groep 8", "Hij zit op de [SCHOOL] in groep 8"),
        ("Ze zit op basisschool De Regenboog.", "Ze zit op basisschool [SCHOOL]."),
        ("Hij gaat naar het Ichthus College", "Hij gaat naar het [SCHOOL]"),
        ("de Montessori-school in Zeist", "de [SCHOOL] in Zeist"),
    ],
)
def test_masks_personal_details(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Het dossiernummer is 123456789.",  # 9 digits that fail the elfproef stay
        "Bel bij gevaar 112 of Veilig Thuis op 0800-2000.",
        "Of 113, of 0800-0113.",
        "In 2019 en 2021 zijn we verhuisd.",
        "Sinds maart 2024 gaat hij niet naar school.",
        "Het buurtteam en de huisarts weten ervan.",
        "Basisschool is zwaar voor hem; op de middelbare school gaat het beter.",
        "Hij gaat niet naar school. Zijn zus wel.",
        "",
    ],
)
def test_leaves_other_text_alone(text):
    result = mask(text)
    assert result.text == text.strip() and not result.changed


def test_counts_and_dutch_note():
    result = mask("Moeder Sanne, 06-12345678 en 06-87654321, BSN 111222333")
    assert result.counts == {"naam": 1, "telefoon": 2, "bsn": 1}
    assert (
        describe(result.counts)
        == "Ik heb 1 naam, 2 telefoonnummers en 1 BSN afgeschermd voordat ik iets heb opgeslagen."
    )
    assert describe({}) == ""


def test_keep_leaves_dates_of_a_call_back():
    assert mask("op 12-05-2026 om 10 uur", keep=("datum",)).text == "op 12-05-2026 om 10 uur"


def test_huge_and_injection_input_is_safe():
    text = "'; DROP TABLE x;-- " * 2000
    result = mask(text)
    assert len(result.text) <= 20_000 and "DROP TABLE" in result.text


def test_rules_evaluation_on_own_sentences():
    report = evaluate(use_deduce=False)
    assert report.sentences >= 40 and report.sensitive_spans >= 30
    assert report.precision >= 0.95 and report.recall >= 0.95


def test_deduce_adds_names_outside_the_list(monkeypatch):
    monkeypatch.delenv("RUSTPUNT_MASKER")
    result = mask("Buurvrouw Ans en haar man Geert helpen soms.")
    assert result.backend == "deduce+regels"
    assert "Geert" not in result.text


def test_deduce_does_not_take_a_common_word_at_the_start_for_a_name(monkeypatch):
    # found by the third user test: "Mooi. En wat nog meer?" was stored as "[NAAM]. En wat nog meer?"
    monkeypatch.delenv("RUSTPUNT_MASKER")
    for text in ("Mooi. En wat nog meer?", "Mooi zo, dat is een goed idee.", "Oei. Ja. Dat is nogal wat."):
        assert mask(text).text == text
    assert mask("Ernst slaat zijn zoon.").text == "[NAAM] slaat zijn zoon."  # a word that is also a name stays masked


def test_a_broken_deduce_stops_the_masker_instead_of_quietly_masking_less(monkeypatch):
    from bot.intake import deidentify

    def broken():
        raise ImportError("deduce is kapot")

    monkeypatch.delenv("RUSTPUNT_MASKER", raising=False)
    monkeypatch.setattr(deidentify, "_build_deduce", broken)
    monkeypatch.setattr(deidentify, "_deduce_state", {})
    with pytest.raises(ImportError):
        deidentify.deduce_model()
    monkeypatch.setenv("RUSTPUNT_MASKER", "regels")  # rules only is a deliberate choice, not a fallback
    assert deidentify.deduce_model() is None


# Found by a user test: a capitalised word after a form of address and a full stop became [NAAM] in debrief
# quotes, session reports, trainer pages and the chat history ("meneer. [NAAM] jaar strijd").
ADDRESS_THEN_SENTENCE = [
    "Ik snap het, mevrouw. Wat gebeurde er?",
    "Ik hoor u, meneer. Vier jaar strijd, dat is lang.",
    "Nee meneer. Als ik u was, zou ik eerst even ademhalen.",
    "Tja, meneer. Nou, laten we kijken wat wel kan.",
    "Ja, dat snap ik, meneer. Eerlijk gezegd hoor ik ook veel verdriet.",
    "Dank u, juf. Morgen bel ik terug.",
    "Goed zo, meester. Misschien later nog.",
    "Mevrouw! Wacht even. Meneer? Hoort u mij?",
]
NAME_AFTER_ADDRESS = [
    ("Ik sprak meneer Jansen gisteren.", "Ik sprak meneer [NAAM] gisteren."),
    ("Ik sprak mevrouw De Vries gisteren.", "Ik sprak mevrouw [NAAM] gisteren."),
    ("Vraag het juf Anna maar.", "Vraag het juf [NAAM] maar."),
    ("Het gaat om meneer Jansen. Hij belde gisteren.", "Het gaat om meneer [NAAM]. Hij belde gisteren."),
    ("Dhr. Jansen belde gisteren.", "Dhr. [NAAM] belde gisteren."),
    ("Ik sprak mevr. De Vries.", "Ik sprak mevr. [NAAM]."),
]


@pytest.mark.parametrize("text", ADDRESS_THEN_SENTENCE)
def test_a_form_of_address_ending_a_sentence_leaves_the_next_sentence_alone(text):
    assert mask(text).text == text


@pytest.mark.parametrize("text, expected", NAME_AFTER_ADDRESS)
def test_a_name_right_after_a_form_of_address_stays_masked(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text", ADDRESS_THEN_SENTENCE)
def test_deduce_does_not_read_a_form_of_address_and_the_next_sentence_as_a_name(monkeypatch, text):
    monkeypatch.delenv("RUSTPUNT_MASKER")
    assert mask(text).text == text


@pytest.mark.parametrize("text, expected", NAME_AFTER_ADDRESS + [
    ("Dank u, meneer. Anna belde gisteren.", "Dank u, meneer. [NAAM] belde gisteren."),
    ("Mevrouw De Boer van school belde.", "Mevrouw [NAAM] van school belde."),
])
def test_deduce_still_masks_a_name_right_after_a_form_of_address_and_keeps_the_form_of_address(
        monkeypatch, text, expected):
    monkeypatch.delenv("RUSTPUNT_MASKER")
    result = mask(text)
    assert result.backend == "deduce+regels" and result.text == expected


# Found by a user test: "... zit op De Regenboog" was stored in plain text, "De Wegwijzer" and "Goois Lyceum" not.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Haar zoon zit op De Regenboog.", "Haar zoon zit op [SCHOOL]."),
        ("Hij zit nu op de Wegwijzer in groep 6.", "Hij zit nu op de [SCHOOL] in groep 6."),
        ("Ze zat op Het Baken, nu op het Goois Lyceum.", "Ze zat op [SCHOOL], nu op het [SCHOOL]."),
        ("Sem zit op Montessori Oost.", "[NAAM] zit op [SCHOOL]."),
        ("Mijn dochter gaat naar De Regenboog", "Mijn dochter gaat naar [SCHOOL]"),
        ("Hij ging naar de Vrije School in Zeist.", "Hij ging naar de [SCHOOL] in Zeist."),
        ("Op school De Regenboog gaat het goed.", "Op school [SCHOOL] gaat het goed."),
        ("Ik belde de school De Wegwijzer.", "Ik belde de school [SCHOOL]."),
        ("Ze zit op basisschool De Regenboog.", "Ze zit op basisschool [SCHOOL]."),
    ],
)
def test_a_school_name_after_zit_op_or_gaat_naar_is_masked(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hij zit op de bank en zij zit op school.",
        "Hij zit de hele dag op TikTok en op Instagram.",
        "Ze zit op Snapchat. Die kan ik niet zien.",
        "Hij zit op de havo, zijn zus zit op het Vwo.",
        "Ze gaat naar Utrecht en daarna naar Spanje.",
        "De melding gaat naar Veilig Thuis, de zaak gaat naar de Raad voor de Kinderbescherming.",
        "Hij gaat naar school en zit op voetbal.",
    ],
)
def test_other_words_after_zit_op_or_gaat_naar_are_no_school(text):
    assert mask(text).text == text
