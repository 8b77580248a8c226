"""The intake listens: answers given out of order end up in the right aspect, questions already
answered are skipped (and the consultant is told), the kern is written from the caller's own words,
the route advice uses the signals and the sociale kaart of the caller's place, and the plain-text
export is ready to paste (masked)."""
from __future__ import annotations

import pytest

from bot import cli
from bot.intake.export import export_text
from bot.intake.listen import Filed, kern_from_words, listen
from bot.intake.session import Intake
from bot.intake.summary import build_summary, format_summary, store_summary

pytestmark = pytest.mark.usefixtures("rules_only_masking")


def answer_until(intake, state, key, answers):
    """Answer 'nee' until the question ``key`` is asked; returns that turn."""
    turn = None
    for _ in range(20):
        view = intake.view(state)
        if view.key == key:
            return state
        turn = intake.handle(state, answers.get(view.key, "nee"))
        state = turn.state
    raise AssertionError(f"vraag {key} kwam niet")


def test_an_answer_about_the_network_does_not_answer_the_safety_question(intake_knowledge):
    # found by an exploratory user test: "Genoteerd bij netwerk en steun", and the violence question was stored
    # as answered with "oma helpt soms, en de buurvrouw"
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 9 slaapt slecht sinds de scheiding").state
    state = answer_until(intake, state, "veiligheid.geweld_thuis", {})
    turn = intake.handle(state, "oma helpt soms, en de buurvrouw")
    assert turn.filed == [("netwerk", "oma helpt soms, en de buurvrouw")]  # all of it (a user test of session 29)
    assert turn.kept_open and turn.question.key == "veiligheid.geweld_thuis"
    assert "veiligheid.geweld_thuis" not in turn.state["answers"]
    # an answer that also tells about the network still answers it
    turn = intake.handle(turn.state, "nee, dat niet, oma helpt wel")
    assert not turn.kept_open and turn.state["answers"]["veiligheid.geweld_thuis"].startswith("nee")
    assert listen("veiligheid.geweld_thuis", "hij heeft haar geduwd, maar oma helpt", safety=True)[1]
    assert listen("algemeen.kern", "oma helpt soms, en de buurvrouw")[1]  # an open question takes it


def test_a_loud_quarrel_told_at_the_danger_question_answers_the_quarrel_question(intake_knowledge):
    # found by an exploratory user test: "hard geruzied" at the acute-danger question was lost for the quarrel question
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn zoon van 8 slaapt slecht sinds de scheiding").state
    assert intake.view(state).key == "veiligheid.acuut_gevaar"
    turn = intake.handle(state, "Nee, dat niet, maar ze hebben gisteren weer hard geruzied waar hij bij was")
    assert turn.filed == [("ruzie", "ze hebben gisteren weer hard geruzied waar hij bij was")]
    assert not turn.kept_open and turn.state["answers"]["veiligheid.acuut_gevaar"].startswith("Nee")
    assert not turn.danger  # loud arguing is a signal, not acute danger
    assert "ruzie_hard" in [hit[0] for hit in turn.state["hits"]]
    turn = intake.handle(turn.state, "nee")  # violence question
    # the quarrel question is skipped, and the consultant hears why
    assert turn.question.key != "veiligheid.ruzie_thuis"
    assert turn.already_answered == [("ruzie", "ze hebben gisteren weer hard geruzied waar hij bij was")]
    # an ordinary quarrel about the arrangements is not an answer about shouting at home
    assert listen("algemeen.kern", "ze maken ruzie over de omgang")[0] == []
    # only shouting, told at the violence question, leaves that question open
    assert not listen("veiligheid.geweld_thuis", "ze schreeuwen wel tegen elkaar", safety=True)[1]
    # shouting between the parents told at the violence question (third user test: the quarrel question came anyway)
    answer = "nee, er wordt niet geslagen, wel veel geschreeuwd aan de telefoon tussen de ouders"
    filed, keeps = listen("veiligheid.geweld_thuis", answer, safety=True)
    assert keeps and [piece.aspect for piece in filed] == ["ruzie"]
    # a child who shouts tells the aard of the problem, not a quarrel between the parents
    assert listen("algemeen.beloop", "Gisteren schreeuwde hij")[0] == [Filed("aard", "Gisteren schreeuwde hij")]


def test_nobody_in_danger_answers_the_danger_question_and_says_nothing_about_the_network(intake_knowledge):
    # found by a user test: "nee niemand in gevaar" was filed under network and the danger question stayed open
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 9 slaapt slecht sinds de scheiding").state
    for answer in ("nee niemand in gevaar", "nee, er is niemand in gevaar", "niemand"):
        turn = intake.handle(state, answer)
        assert not turn.kept_open and turn.filed == [], answer
        assert turn.state["answers"]["veiligheid.acuut_gevaar"] == answer
        assert "weinig_steun" not in [hit[1] for hit in turn.state["hits"]], answer
    # who helps: "niemand" there is little support, as before
    state = answer_until(intake, turn.state, "sociaal_netwerk.steunpersonen", {})
    turn = intake.handle(state, "niemand eigenlijk")
    assert "weinig_steun" in [hit[1] for hit in turn.state["hits"]]
    assert listen("algemeen.kern", "ik heb niemand om op terug te vallen")[0][0].aspect == "netwerk"


def test_beloop_given_to_the_family_question_is_filed_as_beloop_and_not_asked_again(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn zoon van 12 is vaak boos").state
    state = answer_until(intake, state, "algemeen.gezin", {})
    turn = intake.handle(state, "sinds een maand of drie")
    # not filed as the family answer; the family question is still open, and the consultant hears where it went
    assert "algemeen.gezin" not in turn.state["answers"]
    assert turn.kept_open and turn.question.key == "algemeen.gezin"
    assert turn.filed == [("beloop", "sinds een maand of drie")]
    turn = intake.handle(turn.state, "Ik woon alleen met mijn zoon; zijn vader woont in Huizen")
    assert turn.state["answers"]["algemeen.gezin"].startswith("Ik woon alleen")
    turn = intake.handle(turn.state, "Gisteren gooide hij een stoel om")  # aard
    # beloop is skipped: the next question is omvang, and the turn says why
    assert turn.question.key == "algemeen.omvang"
    assert turn.already_answered == [("beloop", "sinds een maand of drie")]
    summary = build_summary(intake.handle(turn.state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert summary.aspecten["beloop"] == "sinds een maand of drie"
    assert summary.aspecten["aard"] == "Gisteren gooide hij een stoel om"


def test_support_given_to_the_beloop_question_goes_to_the_network_not_to_beloop(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter huilt veel").state
    state = answer_until(intake, state, "algemeen.beloop", {"algemeen.gezin": "Ik woon met mijn dochter"})
    turn = intake.handle(state, "oma helpt soms")
    assert "algemeen.beloop" not in turn.state["answers"]
    assert turn.filed == [("netwerk", "oma helpt soms")]
    assert turn.question.key == "algemeen.beloop"  # still open
    state = intake.handle(turn.state, "Sinds de zomer, het wordt erger").state
    state = answer_until(intake, state, "school.aanwezigheid", {})
    turn = intake.handle(state, "Ze gaat gewoon naar school")
    # the network question is skipped because the caller already named who helps
    assert turn.question.key == "sociaal_netwerk.vrije_tijd"
    assert ("netwerk", "oma helpt soms") in turn.already_answered
    summary = build_summary(intake.handle(turn.state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert summary.aspecten["beloop"] == "Sinds de zomer, het wordt erger"
    assert summary.steun_woorden == ["oma helpt soms"]
    assert "familie, zoals grootouders, broers of zussen" in summary.steun
    assert '"oma helpt soms"' in format_summary(summary)


def test_several_aspects_in_one_answer_each_go_where_they_belong(intake_knowledge):
    filed, keeps = listen("algemeen.kern", "Het gaat al maanden mis, elke ochtend ruzie, ik kan niet meer")
    assert ("beloop", "Het gaat al maanden mis") in [(f.aspect, f.text) for f in filed]
    assert ("omvang", "elke ochtend ruzie") in [(f.aspect, f.text) for f in filed]
    assert ("ernst", "ik kan niet meer") in [(f.aspect, f.text) for f in filed]
    assert keeps  # the open kern question keeps the whole answer too


def test_reanswering_a_question_takes_back_what_it_filed_elsewhere(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Ruzie thuis").state
    state = answer_until(intake, state, "algemeen.gezin", {})
    state = intake.handle(state, "Ik woon met mijn zoon, sinds een maand of drie gaat het mis").state
    assert state["filed"]["algemeen.beloop"] == [["sinds een maand of drie gaat het mis", "algemeen.gezin"]]
    state = intake.handle(intake.handle(state, "terug").state, "Ik woon met mijn zoon").state
    assert "algemeen.beloop" not in state["filed"]
    assert state["answers"]["algemeen.gezin"] == "Ik woon met mijn zoon"


def test_kern_from_the_callers_own_words_and_route_with_divorce_school_and_place(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(
        intake.start().state, "Haar dochter van 13 wil sinds vader weg is niet meer naar school"
    ).state
    state = answer_until(intake, state, "algemeen.gezin", {})
    state = intake.handle(state, "Moeder en dochter wonen samen in Hilversum").state
    calls = []

    def fake_search(query, gemeente=None, limit=5, leeftijd=None):
        calls.append((query, gemeente, leeftijd))
        hit = type("Hit", (), {"naam": f"Dienst voor {query}", "organisatie": "Org", "waarom": "past bij de vraag",
                               "bereikbaarheid": "bel 035-1234567"})
        return [hit()]

    summary = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=fake_search)
    assert summary.kern[0] == "de dochter heeft moeite met naar school gaan, sinds vader weg is"
    assert set(summary.signalen) >= {"Scheiding", "School"}
    first = summary.route[0]
    assert first.titel.startswith("Jeugdteam of buurtteam: schoolverzuim na of tijdens de scheiding")
    assert "ouders zijn uit elkaar" in first.op_grond_van and "schoolverzuim" in first.op_grond_van
    assert ("scheiding kinderen schoolverzuim", "hilversum", 13) in calls
    assert summary.plaats == "hilversum"
    text = format_summary(summary)
    assert "Sociale kaart: Dienst voor scheiding kinderen schoolverzuim (Org)" in text
    assert "waarom: past bij de vraag" in text


def test_kern_patterns():
    assert kern_from_words("Mijn zoon wil niet meer naar zijn vader") == [
        "de zoon heeft moeite met naar zijn vader gaan"
    ]
    assert kern_from_words("Ze heeft moeite met slapen") == ["moeite met slapen"]
    assert kern_from_words("Hallo, ik bel even") == []
    # 'ze' later in the answer is the daughter named before
    assert kern_from_words("Ik bel over mijn dochter van 13. Ze wil sinds vader weg is niet meer naar school.") == [
        "de dochter heeft moeite met naar school gaan, sinds vader weg is"]
    # plain Dutch, without the 'meer' of the negation or the 'te' of the infinitive (second user test:
    # "moeite met sollicitatiegesprekken meer te plannen")
    assert kern_from_words("ze durft geen sollicitatiegesprekken meer te plannen") == [
        "moeite met sollicitatiegesprekken plannen"]
    assert kern_from_words("hij durft niet meer alleen te slapen") == ["moeite met alleen slapen"]


def test_filed_text_is_masked(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Ruzie thuis").state
    state = answer_until(intake, state, "algemeen.gezin", {})
    turn = intake.handle(state, "sinds Sanne weg is, al een maand of drie")
    stored = str(turn.state)
    assert "Sanne" not in stored and "[NAAM]" in stored


def test_plain_text_export_and_cli(intake_knowledge, capsys):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Petra belt: haar zoon wil niet meer naar school, 06-12345678").state
    summary = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    text = export_text(summary.to_payload())
    assert text.startswith(
        "Vraagverheldering (Rustpunt)\nKern van de hulpvraag: de zoon heeft moeite met naar school gaan"
    )
    assert "Petra" not in text and "06-12345678" not in text
    assert "Route 1:" in text and "*" not in text and "#" not in text
    record_id = store_summary(summary, conversation_id="c1")
    assert cli.main(["intake", "tekst", str(record_id)]) == 0
    assert capsys.readouterr().out == text
    assert cli.main(["intake", "tekst", "999"]) == 1
    assert "geen samenvatting met nummer 999" in capsys.readouterr().out


def test_a_summary_after_an_early_end_says_the_safety_questions_were_not_asked(intake_knowledge):
    # found by a user test: 'rond af' after the first answer gave a summary with no word about safety
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn zoon van 12 wil niet meer naar school").state
    early = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert early.veiligheid.startswith("Veiligheid: niet gevraagd: Is er op dit moment iemand in direct gevaar")
    assert "Wordt er thuis weleens geslagen" in early.veiligheid and early.veiligheid.endswith("Vraag dit alsnog na.")
    text = format_summary(early)
    assert early.veiligheid in text and "Beantwoord: 1 vraag," in text
    assert early.veiligheid in export_text(early.to_payload())
    # skipped is named as skipped; asked is asked
    skipped = intake.handle(state, "sla over").state
    assert "overgeslagen: Is er op dit moment" in build_summary(
        intake.handle(skipped, "rond af").state, intake_knowledge, search=lambda *a, **k: []).veiligheid
    asked = answer_until(intake, state, "algemeen.gezin", {})
    done = build_summary(intake.handle(asked, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert done.veiligheid == "Veiligheid: uitgevraagd."


def test_answers_to_the_other_questions_are_in_the_summary_and_the_copy_text(intake_knowledge):
    # found by a user test: the answers about the divorce questions (the child passing on messages) were nowhere
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 11 zit klem sinds de scheiding").state
    answers = {"complexe_scheiding.kind_ertussen": "ze moet soms berichtjes doorgeven aan vader",
               "algemeen.wens": "dat er rust komt voor haar"}
    for key in ("complexe_scheiding.kind_ertussen", "algemeen.wens"):
        state = answer_until(intake, state, key, {})
        state = intake.handle(state, answers[key]).state
    summary = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    told = dict(summary.antwoorden)
    assert [answer for answer in told.values() if answer != "nee"] == list(answers.values())
    assert "kind zit klem tussen de ouders" in [name for names in summary.signalen.values() for name in names]
    text = format_summary(summary)
    assert "Verder vertelde de beller:" in text and '"ze moet soms berichtjes doorgeven aan vader"' in text
    assert "ze moet soms berichtjes doorgeven aan vader" in export_text(summary.to_payload())
    # the aspects and the kern are shown once, in their own place
    assert not any(question.startswith("Waar belt u over?") for question in told)


def test_a_danger_told_in_other_words_answers_the_safety_question_and_routes_to_113_not_the_meldcode(intake_knowledge):
    # found by the third user test: "er liever niet meer wil zijn" was filed as aard and the question stayed open;
    # a suicide concern alone was routed to the meldcode
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 14 is heel somber en angstig").state
    state = answer_until(intake, state, "veiligheid.zelfbeschadiging",
                         {"veiligheid.geweld_thuis": "nee, er wordt niet geslagen"})
    turn = intake.handle(state, "moeder twijfelt, ze heeft vorige week geappt dat ze er liever niet meer wil zijn")
    assert not turn.kept_open and [signal.id for signal in turn.danger] == ["gevaar_suicide"]
    assert "veiligheid.zelfbeschadiging" in turn.state["answers"]
    summary = build_summary(intake.handle(turn.state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    titles = [advice.titel for advice in summary.route]
    assert titles[0].startswith("Vandaag nog: 113") and not any("Meldcode" in title for title in titles)


def test_the_other_answers_reach_the_database_file_only_masked(intake_knowledge, tmp_path, monkeypatch):
    # the summary now keeps the answers to the divorce and school questions: search the data folder for what was typed
    monkeypatch.delenv("RUSTPUNT_MASKER")  # as in the product: rules and deduce (the rules know fewer first names)
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 11 zit klem sinds de scheiding").state
    state = answer_until(intake, state, "complexe_scheiding.kind_ertussen", {})
    typed = "Fleur moet berichtjes doorgeven aan Karel, bel hem op 06-87654321"
    state = intake.handle(state, typed).state
    summary = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert any("berichtjes doorgeven" in answer for _, answer in summary.antwoorden)
    store_summary(summary, conversation_id="c1")
    stored = b"".join(path.read_bytes() for path in tmp_path.rglob("*.db*"))
    assert b"berichtjes doorgeven" in stored  # the answer is there ...
    for secret in (b"Fleur", b"Karel", b"87654321"):  # ... but not what identifies the family
        assert secret not in stored


def test_the_family_place_is_the_one_named_most_not_the_first():
    from bot.intake.listen import place_of

    answers = ["Vader woont in Hilversum en wil de kinderen vaker zien.",
               "Moeder woont met de kinderen in Bussum.", "De kinderen gaan in Bussum naar school."]
    assert place_of(answers) == "gooise_meren"  # a user test got Team Jeugd Hilversum here
    assert place_of(["Ze wonen in Laren.", "Vader woont in Huizen."]) == "laren"  # a tie: the first
    assert place_of(["geen plaats genoemd"]) is None


def test_a_school_named_without_a_school_word_reaches_the_database_file_only_masked(
        intake_knowledge, tmp_path, monkeypatch):
    # found by a user test: "... zit op De Regenboog" was stored in plain text ("basisschool De Regenboog" was not)
    monkeypatch.delenv("RUSTPUNT_MASKER")  # as in the product: rules and deduce
    intake = Intake(intake_knowledge)
    opening = "Mijn zoon van 10 zit op De Regenboog en wil sinds de zomer niet meer naar school"
    state = intake.handle(intake.start().state, opening).state
    state = intake.handle(state, "Zijn zus gaat naar de Wegwijzer, daar gaat het wel goed").state
    summary = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    store_summary(summary, conversation_id="c1")
    text = format_summary(summary)
    assert "zit op [SCHOOL]" in text
    stored = b"".join(path.read_bytes() for path in tmp_path.rglob("*.db*"))
    assert b"[SCHOOL]" in stored
    for secret in (b"Regenboog", b"Wegwijzer"):
        assert secret not in stored


# ------------------------------------------------------------------ fourth user test: evasive safety answers

def test_evasive_answers_to_the_safety_questions_are_named_in_the_summary_the_copy_text_and_the_json(intake_knowledge):
    # found by the fourth user test: "weet ik niet" and "dat wil hij niet zeggen" gave "Veiligheid: uitgevraagd."
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 14 wil niet naar school").state
    turn = intake.handle(state, "weet ik niet")
    assert turn.unclear and turn.state["answers"]["veiligheid.acuut_gevaar"] == "weet ik niet"
    turn = intake.handle(turn.state, "dat wil hij niet zeggen")
    assert turn.unclear and turn.question.key == "veiligheid.ruzie_thuis"
    state = answer_until(intake, turn.state, "algemeen.wens", {})
    summary = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    line = summary.veiligheid
    assert "uitgevraagd" not in line  # the web page shows every line without it as a warning
    assert line.startswith("Veiligheid: geen duidelijk antwoord op: Is er op dit moment iemand in direct gevaar")
    assert "? ('weet ik niet'); Wordt er thuis weleens geslagen" in line
    assert "('dat wil hij niet zeggen')" in line and line.endswith("Vraag dit alsnog na.")
    assert line in format_summary(summary)
    assert line in export_text(summary.to_payload())
    assert summary.to_payload()["veiligheid"] == line


def test_a_clear_answer_or_a_danger_after_an_evasive_one_is_asked_and_answered(intake_knowledge):
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 14 wil niet naar school").state
    state = intake.handle(state, "geen idee").state
    assert state["unclear"] == ["veiligheid.acuut_gevaar"]
    state = intake.handle(intake.handle(state, "terug").state, "nee, ze zit gewoon thuis").state
    assert state["unclear"] == []
    turn = intake.handle(state, "weet ik niet, maar hij heeft haar vorige week geduwd")
    assert not turn.unclear and [signal.id for signal in turn.danger] == ["gevaar_geweld"]
    state = answer_until(intake, turn.state, "algemeen.wens", {})
    done = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert done.veiligheid == "Veiligheid: uitgevraagd."
    # skipping an evasive answer makes it skipped, not unclear
    state = intake.handle(intake.handle(intake.start().state, "Mijn zoon is somber").state, "misschien").state
    state = intake.handle(intake.handle(state, "terug").state, "sla over").state
    line = build_summary(intake.handle(state, "rond af").state, intake_knowledge, search=lambda *a, **k: []).veiligheid
    assert "overgeslagen: Is er op dit moment" in line and "geen duidelijk antwoord" not in line


def test_a_kaart_question_typed_during_the_intake_does_not_answer_the_danger_question(intake_knowledge):
    # found by the fourth user test: "en in Vleuten?" was stored as the answer to "Is er ... in direct gevaar?"
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 14 wil niet naar school").state
    # since session 23 "en in Vleuten?" is a kaart follow-up, answered by the kaart (tests/test_safety_signals_s23.py)
    for typed, kind in (("en in Vleuten?", "kaartvraag"), ("Vleuten", "geen_antwoord"),
                        ("welke hulp is er in Huizen?", "geen_antwoord")):
        turn = intake.handle(state, typed)
        assert turn.kind == kind and turn.question.key == "veiligheid.acuut_gevaar"
        assert "veiligheid.acuut_gevaar" not in turn.state["answers"]
    done = build_summary(intake.handle(turn.state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert "niet gevraagd: Is er op dit moment iemand in direct gevaar" in done.veiligheid
    # an answer with a place in it is an answer
    turn = intake.handle(state, "nee, ze is bij haar vader in Vleuten")
    assert turn.kind == "vraag" and turn.state["answers"]["veiligheid.acuut_gevaar"].startswith("nee")


def test_no_one_in_danger_answers_the_danger_question_and_is_no_steun(intake_knowledge):
    # found by the fourth user test: "Genoteerd bij netwerk en steun" and 'Steun in de woorden van de beller'
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 14 is somber").state
    turn = intake.handle(state, "Nee, er is niemand nu in gevaar, ze zit gewoon thuis.")
    assert turn.filed == [] and not turn.kept_open and not turn.unclear
    assert turn.state["answers"]["veiligheid.acuut_gevaar"].startswith("Nee, er is niemand nu in gevaar")
    assert "weinig_steun" not in [hit[0] for hit in turn.state["hits"]]
    summary = build_summary(intake.handle(turn.state, "rond af").state, intake_knowledge, search=lambda *a, **k: [])
    assert summary.steun_woorden == [] and "Steun in de woorden" not in format_summary(summary)


def test_a_suicide_remark_at_another_question_does_not_fill_the_aard_question(intake_knowledge):
    # found by the fourth user test: "De vraag over aard sla ik over: de beller vertelde al '...niet meer wil zijn'"
    intake = Intake(intake_knowledge)
    state = intake.handle(intake.start().state, "Mijn dochter van 14 is somber").state
    state = answer_until(intake, state, "algemeen.gezin", {})
    turn = intake.handle(state, "Ze woont bij mij, laatst zei ze dat ze er soms niet meer wil zijn")
    assert [signal.id for signal in turn.danger] == ["gevaar_suicide"]
    assert turn.filed == [] and turn.already_answered == []
    assert turn.question.key == "algemeen.aard" and "algemeen.aard" not in turn.state.get("filed", {})
