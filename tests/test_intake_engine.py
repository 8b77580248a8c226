"""Vraagverheldering engine: knowledge, signals, route rules, the intake state machine, summary."""
from __future__ import annotations

import pytest

from bot.intake.questions import find_set, format_set
from bot.intake.route import advise
from bot.intake.session import Intake, IntakeError, command_of
from bot.intake.signals import find_signals, is_affirmative
from bot.intake.summary import build_summary, format_summary, store_summary
from bot.knowledge.loader import load_knowledge
from bot.paths import PROJECT_ROOT

FOLDER = PROJECT_ROOT / "knowledge" / "vraagverheldering"

pytestmark = pytest.mark.usefixtures("rules_only_masking")


def signals(intake_knowledge):
    return intake_knowledge.entries["intake_signaal"]


def hit_ids(intake_knowledge, text):
    return {h.signal_id for h in find_signals(text, signals(intake_knowledge).values())}


# ------------------------------------------------------------------ knowledge

def test_sets_cover_the_six_themes_with_purpose_and_follow_up(intake_knowledge):
    sets = intake_knowledge.entries["vragenset"]
    assert set(sets) == {"algemeen", "sociaal_netwerk", "complexe_scheiding", "school", "veiligheid", "zeven_factoren"}
    assert len(sets["zeven_factoren"].vragen) == 7
    assert {q.id for q in sets["algemeen"].vragen} >= {"kern", "aard", "beloop", "omvang", "ernst"}
    assert all(q.gevaar_signaal for q in sets["veiligheid"].vragen[:3])


def test_plan_puts_safety_early_and_broken_plan_is_reported(intake_knowledge, tmp_path):
    plan = intake_knowledge.get("intake_plan", "telefonische_intake")
    first_safety = next(
        i
        for i, s in enumerate(plan.stappen)
        if intake_knowledge.get("vragenset", s.vragenset).question(s.vraag).gevaar_signaal
    )
    assert first_safety <= 2
    folder = tmp_path / "vraagverheldering"
    folder.mkdir()
    for path in FOLDER.glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if path.name == "intake_plan.yml":
            text = text.replace(
                "{vragenset: veiligheid, vraag: acuut_gevaar}", "{vragenset: veiligheid, vraag: bestaat_niet}"
            )
        (folder / path.name).write_text(text, encoding="utf-8")
    broken = load_knowledge(folder)
    messages = [str(p) for p in broken.problems]
    assert any("veiligheid.bestaat_niet' bestaat niet" in m for m in messages)


def test_find_set_from_free_text(intake_knowledge):
    sets = intake_knowledge.all("vragenset")
    assert find_set(sets, "geef me de vragen over het sociale netwerk").id == "sociaal_netwerk"
    assert find_set(sets, "vragen bij een complexe scheiding graag").id == "complexe_scheiding"
    assert find_set(sets, "iets over prestatiedruk?").id == "school"
    assert find_set(sets, "de 7 factoren").id == "zeven_factoren"
    assert find_set(sets, "'; DROP TABLE x;--") is None
    text = format_set(intake_knowledge.get("vragenset", "veiligheid"))
    assert "112" in text and "Veilig Thuis" in text and "(veiligheid)" in text and "Doorvragen:" in text


# ------------------------------------------------------------------ signals

def test_danger_lexicon_and_negation(intake_knowledge):
    assert "gevaar_geweld" in hit_ids(intake_knowledge, "Hij heeft haar gisteren geslagen.")
    assert "gevaar_geweld" in hit_ids(intake_knowledge, "Ik voel me thuis niet veilig")
    assert "gevaar_suicide" in hit_ids(intake_knowledge, "Ze praat over zelfmoord")
    assert "gevaar_suicide" in hit_ids(intake_knowledge, "Hij had het over suïcide")
    assert "gevaar_geweld" in hit_ids(intake_knowledge, "Mijn ex heeft me bedreigd")
    assert "gevaar_acuut" in hit_ids(intake_knowledge, "hij staat nu met een mes in de keuken")
    # negated: no signal
    assert "gevaar_geweld" not in hit_ids(intake_knowledge, "Nee, er wordt thuis niet geslagen.")
    assert "gevaar_geweld" not in hit_ids(intake_knowledge, "Er is geen geweld.")
    # 'maar' ends the negation
    assert "gevaar_geweld" in hit_ids(intake_knowledge, "Nee, maar vorige week sloeg hij haar wel.")
    # 'slapen' is not 'slaan'
    assert not any(s.startswith("gevaar") for s in hit_ids(intake_knowledge, "Ze kan slecht slapen en is moe"))


def test_affirmative_answers():
    assert is_affirmative("Ja, helaas wel")
    assert is_affirmative("klopt")
    assert not is_affirmative("nee hoor")
    assert not is_affirmative("")


# ------------------------------------------------------------------ route rules

def route_ids(intake_knowledge, hits):
    return [a.rule_id for a in advise(hits, intake_knowledge.all("intake_routeregel"), signals(intake_knowledge))]


def hits_for(intake_knowledge, text):
    return find_signals(text, signals(intake_knowledge).values())


def test_route_default_when_nothing_heard(intake_knowledge):
    assert route_ids(intake_knowledge, []) == ["standaard"]


def test_route_social_basis_first_when_support_and_no_danger(intake_knowledge):
    ids = route_ids(
        intake_knowledge, hits_for(intake_knowledge, "Oma helpt veel en hij zit op voetbal. Hij luistert niet goed.")
    )
    assert "sociale_basis_eerst" in ids and "buurtteam_opvoeding" in ids
    assert "standaard" not in ids


def test_route_danger_overrides_social_basis(intake_knowledge):
    ids = route_ids(intake_knowledge, hits_for(intake_knowledge, "Oma helpt, maar vader heeft mij geslagen."))
    assert ids[0] == "veilig_thuis"
    assert "sociale_basis_eerst" not in ids


def test_route_acute_danger_is_first(intake_knowledge):
    ids = route_ids(intake_knowledge, hits_for(intake_knowledge, "Hij bedreigt ons nu met een mes"))
    assert ids[:2] == ["spoed_acuut", "veilig_thuis"]


def test_route_complex_divorce_needs_two_signals(intake_knowledge):
    one = route_ids(intake_knowledge, hits_for(intake_knowledge, "We zijn gescheiden."))
    assert "complexe_scheiding" not in one
    two = route_ids(
        intake_knowledge, hits_for(intake_knowledge, "We zijn gescheiden en het blijft ruzie, nu via de advocaat.")
    )
    assert two[0] == "complexe_scheiding"


def test_route_poh_only_without_high_severity(intake_knowledge):
    mild = route_ids(intake_knowledge, hits_for(intake_knowledge, "Ze is wat somber de laatste weken."))
    assert mild[0] == "huisarts_poh"
    heavy = route_ids(intake_knowledge, hits_for(intake_knowledge, "Ze is al maanden somber en het wordt erger."))
    assert heavy[0] == "jeugdteam_zwaar" and "huisarts_poh" not in heavy


def test_route_grounds_name_the_signals(intake_knowledge):
    advice = advise(
        hits_for(intake_knowledge, "Hij spijbelt al maanden"),
        intake_knowledge.all("intake_routeregel"),
        signals(intake_knowledge),
    )
    school = next(a for a in advice if a.rule_id == "school_jgz")
    assert school.grounds == ["schoolverzuim"]


# ------------------------------------------------------------------ state machine

def test_commands():
    assert command_of("Sla over") == "overslaan"
    assert command_of("terug!") == "terug"
    assert command_of("stop") == "stop"
    assert command_of("rond af") == "afronden"
    assert command_of("ik wil niet stoppen met sporten") is None


def test_start_asks_kern_then_safety(intake_knowledge):
    intake = Intake(intake_knowledge)
    turn = intake.start()
    assert turn.question.key == "algemeen.kern" and turn.question.number == 1
    turn = intake.handle(turn.state, "Mijn zoon wil niet naar school")
    assert turn.kind == "vraag" and turn.question.key == "veiligheid.acuut_gevaar" and turn.question.safety
    assert turn.state["answers"]["algemeen.kern"] == "Mijn zoon wil niet naar school"


def test_skip_back_and_reanswer(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.start().state
    state = intake.handle(state, "Ze is vaak boos").state
    turn = intake.handle(state, "sla over")
    assert turn.question.key == "veiligheid.geweld_thuis"
    assert turn.state["skipped"] == ["veiligheid.acuut_gevaar"]
    turn = intake.handle(turn.state, "terug")
    assert turn.question.key == "veiligheid.acuut_gevaar"
    turn = intake.handle(turn.state, "nee")
    assert turn.state["skipped"] == [] and turn.state["answers"]["veiligheid.acuut_gevaar"] == "nee"
    # back to the very first question, then once more: stays there
    state = intake.handle(intake.handle(turn.state, "terug").state, "terug").state
    turn = intake.handle(state, "terug")
    assert turn.kind == "begin" and turn.question.key == "algemeen.kern"


def test_reanswer_replaces_signals_of_that_question(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Hij spijbelt steeds").state
    assert any(h[0] == "school_verzuim" for h in state["hits"])
    state = intake.handle(state, "terug").state
    state = intake.handle(state, "Hij is somber").state
    ids = [h[0] for h in state["hits"]]
    assert "school_verzuim" not in ids and "psychisch_somber" in ids


def test_conditional_steps_follow_signals(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.start().state
    keys = []
    for answer in ["Mijn dochter is erg somber", "nee", "nee", "nee"]:
        turn = intake.handle(state, answer)
        state = turn.state
        keys.append(turn.question.key)
    # somberheid was heard, so the question about self-harm is asked
    assert keys == ["veiligheid.acuut_gevaar", "veiligheid.geweld_thuis", "veiligheid.ruzie_thuis",
                    "veiligheid.zelfbeschadiging"]
    other = intake.start().state
    for answer in ["Hij luistert niet", "nee", "nee", "nee"]:
        turn = intake.handle(other, answer)
        other = turn.state
    assert turn.question.key == "algemeen.gezin"


def test_danger_answer_interrupts_once_and_intake_continues(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Het gaat om mijn zoon").state
    turn = intake.handle(state, "Ja, hij heeft me net geslagen")
    assert turn.kind == "gevaar"
    assert [s.id for s in turn.danger] == ["gevaar_geweld"]
    assert "Veilig Thuis" in turn.danger[0].direct_doen
    # the told violence answers the question about hitting at home (a user test of session 24): on to the rows
    assert turn.question.key == "veiligheid.ruzie_thuis"
    again = intake.handle(turn.state, "Ja, hij slaat vaker")
    assert again.kind == "vraag" and again.danger == []  # already alerted


def test_plain_yes_to_acute_question_is_acute_danger(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Ruzie thuis").state
    turn = intake.handle(state, "ja")
    assert turn.kind == "gevaar" and turn.danger[0].niveau == "acuut"
    assert "112" in turn.danger[0].direct_doen


def test_stop_halfway_and_empty_answer(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Vraag over school").state
    empty = intake.handle(state, "   ")
    assert empty.kind == "leeg" and empty.question.key == "veiligheid.acuut_gevaar"
    turn = intake.handle(state, "stop")
    assert turn.kind == "gestopt" and turn.state["status"] == "gestopt"
    assert intake.handle(turn.state, "nog een antwoord").kind == "gestopt"


def test_unknown_plan_and_broken_state(intake_knowledge):
    with pytest.raises(IntakeError):
        Intake(intake_knowledge, "bestaat_niet")
    with pytest.raises(IntakeError):
        Intake(intake_knowledge).handle({"foo": 1}, "hallo")


def test_answers_are_masked_in_state(intake_knowledge):
    intake = Intake(intake_knowledge)
    turn = intake.handle(intake.start().state, "Moeder Sanne belt over haar zoon, haar nummer is 06-12345678")
    # contact details are no facts of the case: left out of the answer (second privacy test of session 22)
    assert turn.state["answers"]["algemeen.kern"] == "Moeder [NAAM] belt over haar zoon" and turn.contact_left_out
    assert turn.masked_note == "Ik heb 1 naam afgeschermd voordat ik iets heb opgeslagen."
    # a number that is part of the facts stays, masked
    turn = intake.handle(intake.start().state, "Moeder Sanne belt, ze krijgt dreigende berichten van 06-12345678")
    assert turn.state["answers"]["algemeen.kern"] == "Moeder [NAAM] belt, ze krijgt dreigende berichten van [TELEFOON]"
    assert turn.masked_note == "Ik heb 1 naam en 1 telefoonnummer afgeschermd voordat ik iets heb opgeslagen."


def run_all(intake, answers):
    turn = intake.start()
    for answer in answers:
        turn = intake.handle(turn.state, answer)
        if turn.state["status"] != "bezig":
            break
    return turn


def test_full_intake_until_summary(intake_knowledge):
    intake = Intake(intake_knowledge)
    answers = [
        "Mijn zoon Daan wil niet naar school en is vaak boos",
        "nee",
        "nee, er wordt niet geslagen",
        "nee, ze praten nauwelijks",  # loud arguing
        "nee",  # asked because 'boos' was heard (psychisch)
        "Ik woon alleen met Daan, zijn vader en ik zijn gescheiden",
        "Gisteren gooide hij zijn tas door de kamer toen hij naar school moest",
        "Sinds de zomer, het wordt steeds erger",
        "Elke ochtend, vooral thuis",
        "Hij komt niet meer op school, ik kan niet meer",
        "Het overleg met zijn vader loopt altijd uit op ruzie",
        "Hij moet steeds kiezen tussen ons",
        "Hij is deze maand vijf dagen thuisgebleven",
        "Hij is bang voor toetsen",
        "Mijn moeder helpt soms",
        "Hij zat op voetbal maar is gestopt",
        "Gesprek met de mentor gehad",
        "Dat hij weer naar school gaat",
    ]
    turn = run_all(intake, answers)
    assert turn.kind == "klaar" and turn.state["status"] == "klaar"
    summary = build_summary(turn.state, intake_knowledge, search=lambda *a, **k: [])
    assert any("moeite met naar school gaan" in phrase for phrase in summary.kern)
    assert "moeite met loyaal blijven aan beide ouders" in summary.kern
    assert summary.aspecten["beloop"] == "Sinds de zomer, het wordt steeds erger"
    assert "familie, zoals grootouders, broers of zussen" in summary.steun
    assert "Scheiding" in summary.signalen and "School" in summary.signalen
    routes = [a.route for a in summary.route]
    assert routes[0] == "jeugdteam"
    assert "sociale_basis" not in routes  # severity is high
    assert "[NAAM]" in summary.kern_woorden and "Daan" not in summary.kern_woorden
    text = format_summary(summary)
    assert text.startswith("Samenvatting van de vraagverheldering")
    assert "Routeadvies:" in text and "Waarom:" in text and "Ik heb 2 namen afgeschermd" in text
    payload = summary.to_payload()
    assert payload["soort"] == "intake_samenvatting"


def test_early_finish_marks_missing_aspects_and_uses_kaart(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Hij luistert niet en zit op voetbal").state
    state = intake.handle(state, "sla over").state
    turn = intake.handle(state, "rond af")
    assert turn.kind == "klaar"
    calls = []

    class FakeHit:
        def __init__(self, naam):
            self.naam, self.organisatie, self.waarom, self.bereikbaarheid = naam, "Org", "past", ""

    def fake_search(query, gemeente=None, limit=5):
        calls.append((query, gemeente))
        return [FakeHit(f"Dienst voor {query}")]

    summary = build_summary(turn.state, intake_knowledge, gemeente="Hilversum", search=fake_search)
    assert summary.aspecten == {
        "aard": "niet gevraagd",
        "beloop": "niet gevraagd",
        "omvang": "niet gevraagd",
        "ernst": "niet gevraagd",
    }
    assert summary.overgeslagen == 1
    assert ("opvoedvragen ouders", "Hilversum") in calls
    assert any(s.naam == "Dienst voor opvoedvragen ouders" for a in summary.route for s in a.diensten)


def test_summary_degrades_when_kaart_fails(intake_knowledge):
    intake = Intake(intake_knowledge)
    turn = intake.handle(intake.handle(intake.start().state, "Hij luistert niet").state, "rond af")

    def broken(*args, **kwargs):
        raise RuntimeError("index kapot")

    summary = build_summary(turn.state, intake_knowledge, search=broken)
    assert summary.route and summary.kaart_melding.startswith("Zoeken in de sociale kaart lukte nu niet")
    assert summary.kaart_melding in format_summary(summary)


def test_a_failing_kaart_search_logs_no_typed_words(intake_knowledge, caplog):
    intake = Intake(intake_knowledge)
    turn = intake.handle(intake.handle(intake.start().state, "Hij luistert niet").state, "rond af")

    def broken(term, *args, **kwargs):
        raise ValueError(f"geen dienst voor {term!r} in Blaricum")  # an error that quotes the query

    with caplog.at_level("DEBUG"):
        summary = build_summary(turn.state, intake_knowledge, search=broken)
    assert summary.kaart_melding
    assert "kaart search failed (ValueError)" in caplog.text
    assert "Blaricum" not in caplog.text and "geen dienst" not in caplog.text


def test_store_summary_holds_only_masked_text(intake_knowledge):
    from bot.records import get_record

    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Ik ben Petra Bakker, mijn BSN is 111222333").state
    summary = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    record_id = store_summary(summary, conversation_id="c1")
    row = get_record("intake_samenvatting", record_id)
    stored = str(row.data)
    assert "Petra" not in stored and "111222333" not in stored and "[NAAM]" in stored
    assert "[BSN]" not in stored  # a BSN tells nothing of the case: its clause is left out (session 26)


def test_loud_arguing_is_asked_apart_and_weighed_as_a_signal_not_danger(intake_knowledge):
    """Issue 16: 'hard geschreeuwd' is common in a conflict divorce; a plain 'ja' must not interrupt."""
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Ouders zijn gescheiden").state
    state = intake.handle(state, "nee").state  # acuut gevaar
    turn = intake.handle(state, "nee")  # slaan, duwen, dreigen
    assert turn.question.key == "veiligheid.ruzie_thuis"
    assert "geslagen" not in turn.question.vraag and "geschreeuwd" in turn.question.vraag
    turn = intake.handle(turn.state, "ja")
    assert turn.kind == "vraag" and turn.danger == []
    assert ["ruzie_hard", "scheiding", "ja", "veiligheid.ruzie_thuis"] in turn.state["hits"]
    assert not any(h[1] == "gevaar" for h in turn.state["hits"])


def test_hitting_or_threats_still_interrupt_on_the_violence_question(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Ouders zijn gescheiden").state
    state = intake.handle(state, "nee").state
    turn = intake.handle(state, "ja")
    assert turn.kind == "gevaar" and [s.id for s in turn.danger] == ["gevaar_geweld"]
    # and a threat named while answering the arguing question interrupts too
    other = intake.handle(intake.handle(intake.handle(intake.start().state, "x").state, "nee").state, "nee").state
    turn = intake.handle(other, "ja, en hij heeft haar bedreigd")
    assert turn.kind == "gevaar" and [s.id for s in turn.danger] == ["gevaar_geweld"]


def test_the_quote_of_the_caller_leaves_out_the_consultants_opening(intake_knowledge):
    # a user test: "In de woorden van de beller" began with the consultant's "Ik heb een moeder aan de lijn"
    intake = Intake(intake_knowledge)
    state = intake.start().state
    opening = "Ik heb een moeder uit Huizen aan de lijn, haar zoon gaat al weken niet naar school"
    state = intake.handle(state, opening).state
    summary = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert summary.kern_woorden == "haar zoon gaat al weken niet naar school"  # as typed (a user test of session 24)
    assert summary.plaats == "huizen"  # the place in the opening still counts (the kaart key)


@pytest.mark.parametrize("text", [
    "Mijn dochter van 12 wil niet meer naar haar vader",  # no opening: the caller's words as typed
    "Ik heb een moeder aan de lijn",  # nothing after the opening: kept rather than emptied
])
def test_a_quote_without_an_opening_is_kept_as_typed(text):
    from bot.intake.opening import without_opening

    assert without_opening(text) == text
