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


# Found by a user test: names and schools typed without capitals were stored readable ("moeder kim jansen uit laren
# ... de kinderen sem en julia ... sem zit op de sint jozefschool", "u spreekt met anouk"). Our own sentences, in other
# words than the reported ones: a name after a family word, a form of address, 'heet', 'ik ben', 'dit is', the 'met'
# that opens a call or a greeting, in a list after such a name, and every later time in the same text.
LOWER_CASE_NAMES = [
    ("mijn cliënt, vader yusuf el idrissi, wil zijn dochter amira vaker zien",
     "mijn cliënt, vader [NAAM], wil zijn dochter [NAAM] vaker zien"),
    ("oma riet en opa kees vangen de jongens op", "oma [NAAM] en opa [NAAM] vangen de jongens op"),
    ("de kinderen heten bram en fleur", "de kinderen heten [NAAM] en [NAAM]"),
    ("goedemiddag, met marieke van de vraagbaak", "goedemiddag, met [NAAM] van de vraagbaak"),
    ("goedemiddag, u spreekt met jeroen van het jeugdteam", "goedemiddag, u spreekt met [NAAM] van het jeugdteam"),
    ("zijn stiefvader, henk, drinkt veel", "zijn stiefvader, [NAAM], drinkt veel"),
    ("de juf, mevrouw de vries, belde gisteren", "de juf, mevrouw [NAAM], belde gisteren"),
    ("ik heb meneer hoogland gesproken", "ik heb meneer [NAAM] gesproken"),
    ("ik ben sanne en ik bel over mijn zoon", "ik ben [NAAM] en ik bel over mijn zoon"),
    ("het gaat om twee kinderen, noor (9) en daan (6), ze wonen bij moeder",
     "het gaat om twee kinderen, [NAAM] (9) en [NAAM] (6), ze wonen bij moeder"),
    ("dochter roos is 9. roos plast weer in bed", "dochter [NAAM] is 9. [NAAM] plast weer in bed"),
    ("hoi lenthe, ik ben jolien", "hoi [NAAM], ik ben [NAAM]"),
    ("mijn naam is anouk", "mijn naam is [NAAM]"),
    ("dit is tim, mijn zoon", "dit is [NAAM], mijn zoon"),
    ("samira belde weer over lotte", "[NAAM] belde weer over [NAAM]"),  # names of our list that are no Dutch word
]
LOWER_CASE_SCHOOLS = [
    ("hij zit op de sint jozefschool", "hij zit op de [SCHOOL]"),
    ("ze gaat naar de sint-maartenschool in laren", "ze gaat naar de [SCHOOL] in laren"),
    ("zijn zus zit op obs de vlinderhof", "zijn zus zit op obs [SCHOOL]"),
    ("lieke zit op cbs het kompas in huizen", "[NAAM] zit op cbs [SCHOOL] in huizen"),
    ("ze gaat naar het amadeus lyceum", "ze gaat naar het [SCHOOL]"),
    ("thijs zit op het gooise lyceum", "[NAAM] zit op het [SCHOOL]"),
    ("de regenboogschool belde", "de [SCHOOL] belde"),
    ("ze zit op de wegwijzer in groep 6", "ze zit op de [SCHOOL] in groep 6"),
    ("ze zit op basisschool de klimop", "ze zit op basisschool de [SCHOOL]"),
]
# ordinary sentences without capitals, with the words that make a name context, stay as typed
LOWER_CASE_ORDINARY = [
    "de moeder is boos",
    "ik ben blij",
    "met de kinderen gaat het goed",
    "oma en opa helpen",
    "vader wil de kinderen vaker zien, maar moeder koos ervoor om te verhuizen",
    "mijn ex belt steeds en zegt dat ik een slechte moeder ben",
    "meneer vertelde dat hij boos was; mevrouw, stel dat u morgen belt?",
    "ik ben bang dat het misgaat en ik ben er klaar mee",
    "hij heet eigenlijk anders, en het is heet vandaag",
    "hallo, met wie spreek ik? u spreekt met het buurtteam",
    "hij mag de hele dag max twee uur gamen, ze hebben een ton schuld",
    "een roos voor oma, sinds jan gaat het mis",
    "de oudste is 12 en de jongste wil niet naar vader, de tweeling is 8",
    "dokter, wat moet ik doen? onze dokter zei dat het stress is",
    "de juf van groep 5 maakt zich zorgen, de meester van groep 7 belde",
    "hij zit op de middelbare school, zijn zus op de basisschool en ze gaan naar de sportschool",
    "ze heeft een hoorcollege op de hogeschool; hij moet naar een andere school",
    "het nieuwe college begint in september, het college van b en w besluit",
    "hij zit op de basisschool de hele dag te dromen",
    "welke stap is dit: 'wat ben je boos zeg'",
]


@pytest.mark.parametrize("text, expected", LOWER_CASE_NAMES + LOWER_CASE_SCHOOLS)
def test_names_and_schools_typed_without_capitals_are_masked(text, expected):
    assert mask(text).text == expected


@pytest.mark.parametrize("text", LOWER_CASE_ORDINARY)
def test_ordinary_words_typed_without_capitals_stay_readable(text):
    assert mask(text).text == text


@pytest.mark.parametrize("text", LOWER_CASE_ORDINARY)
def test_deduce_leaves_ordinary_words_typed_without_capitals_readable(monkeypatch, text):
    monkeypatch.delenv("RUSTPUNT_MASKER")
    assert mask(text).text == text


def test_the_reported_lower_case_situation_is_masked_with_rules_and_with_deduce(monkeypatch):
    typed = ("moeder kim jansen uit laren is bang dat haar ex dennis de kinderen sem en julia tegen haar opzet, ze "
             "belt me steeds vanaf 0612345678 en sem zit op de sint jozefschool")
    expected = ("moeder [NAAM] uit laren is bang dat haar ex [NAAM] de kinderen [NAAM] en [NAAM] tegen haar opzet, ze "
                "belt me steeds vanaf [TELEFOON] en [NAAM] zit op de [SCHOOL]")
    assert mask(typed).text == expected
    monkeypatch.delenv("RUSTPUNT_MASKER")
    assert mask(typed).text == expected
    assert mask("hallo met het buurtteam, u spreekt met anouk").text == "hallo met het buurtteam, u spreekt met [NAAM]"


def test_a_first_name_that_is_a_word_is_a_name_only_in_a_name_context():
    assert mask("vader bas en moeder fleur maken ruzie").text == "vader [NAAM] en moeder [NAAM] maken ruzie"
    assert mask("hij speelt bas en zij kreeg een fleur van haar oma").text == (
        "hij speelt bas en zij kreeg een fleur van haar oma")
    # once masked as a name, every other time in the same text too
    assert mask("zoon max is 8, max wil niet meer naar papa").text == "zoon [NAAM] is 8, [NAAM] wil niet meer naar papa"


# Audit: "Regenboogschool" became [NAAM]: a one-word school name (ending in -school, -college, -lyceum) is a school,
# also where a name runs into it or deduce takes it for a name.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("juf Marieke Bos van de Regenboogschool belt over een leerling",
         "juf [NAAM] van de [SCHOOL] belt over een leerling"),
        ("de juf van Regenboogschool zegt dat hij moe is", "de juf van [SCHOOL] zegt dat hij moe is"),
        ("Hij zit op het Amadeus Lyceum", "Hij zit op het [SCHOOL]"),
        ("Regenboogschool", "[SCHOOL]"),
    ],
)
def test_a_school_name_is_a_school_and_not_a_name(monkeypatch, text, expected):
    assert mask(text).text == expected
    monkeypatch.delenv("RUSTPUNT_MASKER")
    assert mask(text).text == expected


def test_rules_evaluation_on_the_lower_case_sentences():
    report = evaluate(use_deduce=False)
    lower_case = [item for item in report.missed + report.over_masked if item.split("(in: ")[-1].islower()]
    assert lower_case == []


def test_a_word_with_a_capital_is_masked_again_only_as_a_name_typed_without_one(monkeypatch):
    # every later occurrence of a name typed without a capital is masked, also with a capital ...
    assert mask("zoon roos is 8. Roos zegt dat roos bang is").text == "zoon [NAAM] is 8. [NAAM] zegt dat [NAAM] bang is"
    # ... but a place that deduce took for a name once ("Vleuten Versterkt-aanpak") stays a place elsewhere
    monkeypatch.delenv("RUSTPUNT_MASKER")
    assert "woont in Vleuten," in mask("De vader woont in Vleuten, de Vleuten Versterkt-aanpak kent hij niet.").text
