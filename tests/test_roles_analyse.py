"""Role analysis: the contract, quoted signals, 'geen duidelijke rol', and an accuracy floor."""
from __future__ import annotations

import pytest

from bot.roles.analyse import GEEN_ROL, analyse_role
from bot.roles.format import format_analysis
from bot.roles.models import ROLE_IDS
from bot.roles.signals import find_signals

CONTRACT_KEYS = {"rol", "zekerheid", "signalen", "uitnodiging", "alternatief"}


def test_issue_example_is_aanklager_with_quoted_blame_and_winner_alternative():
    text = "Zij zet de kinderen tegen mij op en jullie doen niks"
    result = analyse_role(text)
    data = result.to_json()
    assert set(data) == CONTRACT_KEYS
    assert data["rol"] == "aanklager"
    assert 0.5 <= data["zekerheid"] <= 1.0
    # "jullie doen niks" blames the team too: a reproach at the professional (session 23)
    assert data["signalen"] and all(s["naam"] in ("verwijt", "verwijt aan de hulpverlener") for s in data["signalen"])
    assert any(s["naam"] == "verwijt" and s["woorden"] == "zet de kinderen tegen" for s in data["signalen"])
    for signal in data["signalen"]:
        assert text[signal["begin"] : signal["einde"]] == signal["woorden"]
    # the Aanklager also invites the listener (the professional too) to hit back as Aanklager
    assert set(data["uitnodiging"]["rollen"]) == {"slachtoffer", "redder", "aanklager"}
    assert data["alternatief"]["rol"] in {"kwetsbaar", "ondersteuner", "assertief"}
    assert data["alternatief"]["voorbeeld"]
    assert result.hulpmiddel["id"] in {"steen-op-tafel", "honderd-kilo-energie", "kopje-schuiven"}


@pytest.mark.parametrize(
    "text, role, signal",
    [
        ("Ik kan er niks meer aan doen, jullie moeten mij helpen.", "slachtoffer", "vraagt om redding"),
        ("Laat het maar aan mij over, ik regel het wel met school.", "redder", "neemt probleem over"),
        ("Ik heb niks verkeerd gedaan, het ligt echt aan haar.", "aanklager", "ontkent eigen aandeel"),
        ("Ik ben bang dat ik mijn dochter kwijtraak.", "kwetsbaar", "ik-boodschap met gevoel"),
        ("Wat zie jij zelf als eerste stap met je ex?", "ondersteuner", "open vraag naar de ander"),
        ("De school ziet het gebeuren maar zegt niks.", "omstander", "houdt zich erbuiten"),
        ("Ik stel voor dat we de overdracht voortaan bij school doen.", "assertief", "zegt wat nodig is"),
    ],
)
def test_typical_sentences_get_their_role_and_named_signal(text, role, signal):
    result = analyse_role(text)
    assert result.rol == role
    names = [hit.naam for hit in result.signalen]
    assert signal in names
    for hit in result.signalen:
        assert hit.rol == role
        assert text[hit.begin : hit.einde] == hit.woorden


def test_signals_quote_exact_substrings_with_offsets_even_with_leading_spaces():
    text = "   Het is allemaal zijn schuld, hij liegt altijd."
    hits = find_signals(text)
    assert hits, "expected signals for an accusing sentence"
    for hit in hits:
        assert text[hit.begin : hit.einde] == hit.woorden
    assert any(hit.naam == "verwijt" and "schuld" in hit.woorden for hit in hits)


@pytest.mark.parametrize(
    "text, reason_part",
    [
        ("", "geen zin"),
        ("   ", "geen zin"),
        ("redder", "te kort"),
        ("ja prima", "te kort"),
        ("I am so tired of all of this", "geen Nederlandse zin"),
        ("'; DROP TABLE x;--", "geen Nederlandse zin"),
        ("woord " * 400, "te lang"),
        ("De trein naar Utrecht vertrekt om kwart over drie.", "geen duidelijke signalen"),
    ],
)
def test_unclear_input_gets_geen_duidelijke_rol_with_dutch_reason(text, reason_part):
    result = analyse_role(text)
    assert result.rol == GEEN_ROL
    assert reason_part in result.reden
    assert result.uitnodiging is None and result.alternatief is None
    assert format_analysis(result).startswith("Geen duidelijke rol.")
    assert set(result.to_json()) == CONTRACT_KEYS


def test_none_input_is_handled():
    assert analyse_role(None).rol == GEEN_ROL


def test_payload_for_web_page_has_type_and_contract():
    payload = analyse_role("Ik regel het wel voor je, maak je geen zorgen.").to_payload()
    assert payload["soort"] == "rol_analyse"
    assert CONTRACT_KEYS <= set(payload)
    assert payload["rol"] == "redder" and payload["naam"] == "Redder"


def test_text_reply_names_role_signals_and_alternative():
    text = format_analysis(analyse_role("Zij zet de kinderen tegen mij op en jullie doen niks"))
    assert text.startswith("Rol: Aanklager (dramadriehoek)")
    assert '"doen niks"' in text
    assert "Reageer vanuit de winnaarsdriehoek" in text


def test_held_out_accuracy_floor():
    """Measured (rustpunt evalueer rollen): accuracy 0.74, macro-F1 0.73. The floor is well below."""
    from bot.roles.evaluation import evaluate_roles

    report = evaluate_roles()
    assert report.evaluation.n_test >= 60
    assert report.evaluation.accuracy >= 0.55
    assert report.evaluation.macro_f1 >= 0.50
    assert set(report.evaluation.labels) == set(ROLE_IDS)
    assert report.accuracy_when_sure >= report.evaluation.accuracy - 0.05  # abstaining removes doubtful cases


def test_split_has_no_leakage():
    from bot.roles.classifier import train_test_groups

    train_groups, test_groups = train_test_groups()
    train_sentences = {s for g in train_groups for s in g.sentences}
    assert not train_sentences & {s for g in test_groups for s in g.sentences}
    assert {g.label for g in test_groups} == set(ROLE_IDS)


# -- user test, session 19 ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "U zit gewoon aan haar kant, dat zie ik toch. Sinds u erbij bent is het alleen maar erger geworden. Ik ga een "
    "klacht indienen over u.",
    "u kiest partij voor mijn ex",
    "Jullie staan gewoon aan zijn kant, dat merk ik aan alles.",
    "Sinds u ermee bezig bent, gaat het steeds slechter.",
    "U kiest altijd de kant van mijn ex.",
])
def test_blame_aimed_at_the_professional_is_aanklager(text):
    result = analyse_role(text)
    assert result.rol == "aanklager"
    assert "verwijt aan de hulpverlener" in [hit.naam for hit in result.signalen]
    for hit in result.signalen:
        assert text[hit.begin : hit.einde] == hit.woorden


@pytest.mark.parametrize("text", [
    "Ik ben om half negen uit het werk gegaan en heb de auto bij het station gezet. Daarna ben ik naar de bakker "
    "gelopen en heb brood gehaald voor het weekend.",
    "We hebben om half vier afgesproken bij de McDonald's in Hilversum voor de overdracht. Ik neem zijn zwemspullen "
    "mee.",
    "Ik heb zaterdag de kinderen om tien uur opgehaald bij het zwembad. Daarna zijn we naar oma gereden.",
])
def test_a_plain_account_of_several_sentences_has_no_clear_role(text):
    result = analyse_role(text)
    assert result.rol == GEEN_ROL and result.reden
    assert format_analysis(result).startswith("Geen duidelijke rol.")


@pytest.mark.parametrize("text, first, then, quote", [
    ("nou ik weet het ook niet meer hoor. ik doe alles voor die kinderen, ik breng ze naar school, ik kook, ik doe "
     "de was. en wat doet Peter? niks. hij komt ze twee keer per maand halen en dan is hij de leuke vader. hij is "
     "gewoon een egoïst en dat weet iedereen.", "slachtoffer", "aanklager",
     "hij is gewoon een egoïst en dat weet iedereen."),
    ("Ik kan echt niet meer, ik ben op. En zij? Zij liegt gewoon over alles, het is allemaal haar schuld.",
     "slachtoffer", "aanklager", "Zij liegt gewoon over alles, het is allemaal haar schuld."),
])
def test_a_turn_that_shifts_role_names_both_roles_with_their_sentences(text, first, then, quote):
    result = analyse_role(text)
    assert [shift["rol"] for shift in result.rolwissel] == [first, then]
    assert result.rolwissel[-1]["citaat"] == quote
    reply = format_analysis(result)
    assert "De rol verschuift in deze beurt: eerst Slachtoffer" in reply and "daarna Aanklager" in reply
    assert result.to_payload()["rolwissel"] == result.rolwissel
    assert set(result.to_json()) == CONTRACT_KEYS


def test_a_turn_with_one_role_does_not_shift():
    result = analyse_role("Ik weet het echt niet meer. Kunt u het niet voor me regelen?")
    assert result.rol == "slachtoffer" and result.rolwissel == []


@pytest.mark.parametrize("text", [
    "Ik weet het echt niet meer. Kunt u het niet voor me regelen?",
    "Ik weet het niet meer. Wil jij dat niet voor mij oplossen?",
])
def test_asking_to_have_it_arranged_is_a_call_for_rescue(text):
    result = analyse_role(text)
    assert result.rol == "slachtoffer"
    # the request to the listener has a signal of its own since session 24 (it weighs as two: "oplossen" alone read
    # as the Ondersteuner)
    assert "legt het probleem bij jou neer" in [hit.naam for hit in result.signalen]


SHOWN_FUNCTION_WORDS = {"net", "zo", "jullie", "zit", "gewoon", "toch", "heb", "neem", "doen", "helemaal"}


@pytest.mark.parametrize("text", [
    "U zit gewoon aan haar kant, dat zie ik toch.",
    "Ik ben om half negen uit het werk gegaan en heb de auto bij het station gezet.",
    "Ik neem zijn zwemspullen mee.",
    "Jullie doen ook net zo helemaal niks.",
    "Ik doe gewoon alles zo goed als ik kan, toch?",
    "Jullie zitten er gewoon net zo goed bij en doen helemaal niks.",
])
def test_function_words_are_never_shown_as_signals(text):
    from bot.language import FUNCTION_WORDS

    result = analyse_role(text)
    shown = {hit.woorden.lower() for hit in result.signalen if hit.naam == "woordkeus die bij deze rol past"}
    assert not shown & SHOWN_FUNCTION_WORDS and not shown & FUNCTION_WORDS
