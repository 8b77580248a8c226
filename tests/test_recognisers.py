"""Stored recognisers (built once, never trained on first use) and turns of several sentences."""
import pytest

from bot import recognisers, textclass
from bot.roles.analyse import GEEN_ROL, analyse_role
from bot.steps.classifier import NO_STEP, classify_step


def test_loading_never_trains_and_says_in_dutch_how_to_build(tmp_path, monkeypatch):
    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path))
    monkeypatch.setattr(recognisers, "_LOADED", {})
    monkeypatch.setattr(recognisers, "_KEYS", {})
    with pytest.raises(recognisers.ModelNotBuilt, match="rustpunt herkenners bouw"):
        recognisers.load("stappen")
    assert not (tmp_path / "models").exists() or not any((tmp_path / "models").iterdir())


def test_build_stores_a_key_of_the_examples_and_is_a_no_op_when_up_to_date():
    assert set(recognisers.build()) == set(recognisers.SPECS)
    assert set(recognisers.build().values()) == {"al actueel"}
    groups = recognisers.SPECS["stappen"].groups()
    changed = list(groups[:-1]) + [textclass.Group(groups[-1].id, groups[-1].label, ("Een andere zin.",) * 3)]
    assert recognisers.key_of("stappen", changed) != recognisers.key_of("stappen", groups)


def test_a_fresh_checkout_takes_its_recognisers_from_the_shared_cache_without_training(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("RUSTPUNT_CACHE_DIR", str(cache))
    monkeypatch.setattr(recognisers, "_LOADED", {})
    names = ["stappen"]
    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path / "first"))
    assert recognisers.build(names)["stappen"].startswith("gebouwd")
    assert len(list((cache / recognisers.CACHE_KIND).glob("stappen-*.pkl"))) == 1

    def no_training(groups, calibrate=True):
        raise AssertionError("trained although the cache holds this key")

    monkeypatch.setattr(recognisers, "train", no_training)
    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path / "second"))
    assert recognisers.build(names)["stappen"].startswith("uit de cache")
    assert (tmp_path / "second" / "models" / "stappen.pkl").exists()
    monkeypatch.setattr(recognisers, "_LOADED", {})
    assert recognisers.load("stappen").predict("Wat ben jij boos, zeg.", 3).label


def test_segments_split_sentences_and_keep_offsets():
    text = "Goedemorgen! Wat een weekend, zeg. Hoe ging het precies?"
    spans = textclass.segments(text)
    assert [text[b:e] for b, e in spans] == ["Goedemorgen!", "Wat een weekend, zeg.", "Hoe ging het precies?"]
    assert textclass.segments("geen punt aan het eind") == [(0, 22)]


def test_acknowledgement_followed_by_a_question_holds_both_steps():
    result = classify_step("Wat een rotweekend, ik hoor hoe boos en verdrietig je bent. "
                           "Hoe ging het precies toen je bij de deur stond?")
    assert {"erkennen", "dynamiek"} <= set(result.stappen)
    assert [p.stap for p in result.delen] == ["erkennen", "dynamiek"]


def test_a_pitfall_sentence_inside_a_good_turn_is_flagged():
    result = classify_step(
        "Ik hoor hoe boos je bent, dat snap ik. Weet je wat, ik bel je ex wel even om het te regelen."
    )
    assert result.stap == "redden"
    assert [p.stap for p in result.valkuilen] == ["redden"]
    assert "erkennen" in result.stappen


def test_small_talk_is_no_step_with_a_dutch_reason():
    result = classify_step("Goedemorgen, kom binnen. Wil je koffie of thee?")
    assert result.stap == NO_STEP
    assert "begroeting" in result.tip


@pytest.mark.parametrize("turn", [
    "Nou, ik moet eerlijk zijn. Ik hoor vooral hoe teleurgesteld u bent, en dat begrijp ik heel goed.",
    "Mag ik eerlijk zijn? Ik hoor hoe boos u bent.",
])
def test_announcing_honesty_is_no_pitfall_before_an_acknowledgement(turn):
    # a user test: "Nou, ik moet eerlijk zijn." was read as inhoud (0.91) and the father hung up after two good turns
    result = classify_step(turn)
    assert result.stap == "erkennen" and not result.valkuilen


@pytest.mark.parametrize("turn", ["Zegt u het maar, ik luister.", "Vertelt u het maar, ik luister."])
def test_giving_room_in_the_u_form_is_erkennen(turn):
    assert classify_step(turn).stap == "erkennen"  # it was redden, while "Zeg het maar, ik luister." was erkennen


def test_role_on_a_long_parent_turn_is_named_with_the_quote():
    text = ("Goedemorgen, ik ben de moeder van Daan. De kinderen zijn tien en twaalf. "
            "Nou, en zij zet de kinderen gewoon tegen mij op en jullie doen niks!")
    result = analyse_role(text)
    assert result.rol == "aanklager"
    assert result.citaat and result.citaat.startswith("Nou, en zij zet")
    assert result.signalen
    for hit in result.signalen:
        assert text[hit.begin : hit.einde] == hit.woorden
    assert result.to_payload()["citaat"] == result.citaat


def test_greeting_and_facts_have_no_role():
    assert analyse_role("Goedemorgen, ik ben de vader van Sem. Hij zit in groep zes.").rol == GEEN_ROL


def test_compiled_model_gives_the_same_numbers_as_scikit_learn():
    groups = recognisers.SPECS["stappen"].groups()[::3]
    model = textclass.TextClassifier().fit(*textclass.flatten(groups))
    model.temperature = 0.6
    compiled = textclass.CompiledClassifier(model)
    for text in ["Wat ben jij boos, zeg.", "ik bel je ex wel even", "Hoe ging het zaterdag precies?", "xyz qqq"]:
        expected, got = model.predict(text, 5), compiled.predict(text, 5)
        assert got.label == expected.label and got.features == expected.features
        for label, probability in expected.probabilities.items():
            assert abs(got.probabilities[label] - probability) < 1e-9


def test_stap_cli_names_every_step_of_a_long_turn(capsys):
    from bot.cli import main

    assert main(["stap", "Wat een rotweekend, ik hoor hoe boos en verdrietig je bent. "
                         "Hoe ging het precies toen je bij de deur stond?"]) == 0
    out = capsys.readouterr().out
    assert "meer stappen" in out and "erkennen" in out and "dynamiek" in out


def test_goals_on_long_real_turns_of_the_held_out_conversations():
    """Issue goals: at least 85% (steps) and 70% (roles) of the held-out conversation turns right."""
    from bot.roles.evaluation import evaluate_roles
    from bot.steps.evaluation import evaluate_steps

    steps = evaluate_steps(with_curve=False)
    roles = evaluate_roles(with_curve=False)
    assert sum(total for _, total in steps.registers.values()) >= 40
    assert sum(total for _, total in roles.registers.values()) >= 25
    assert steps.long_turn_rate >= 0.85
    assert roles.long_turn_rate >= 0.70
    assert "Betrouwbaarheid" in steps.report() and "Dekking en precisie" in roles.report()


def test_clean_sentences_written_outside_the_project_are_reported_per_set():
    """The sentence sets written outside the project (never trained on) are read by the product recognisers and
    reported per set and together. Roles: the issue's goal (macro-F1 0.90) holds on the role set (0.916 when first
    measured). Steps: first measured 0.942, 0.979, 0.883 and 0.894 in session 10, after steps round 10 0.942, 0.990,
    0.969 (tuned on) and 0.915; the floors below guard against a regression, they are not the goal."""
    from bot.heldout import INDEPENDENT_ROLE_SENTENCE_SETS, INDEPENDENT_SENTENCE_SETS
    from bot.roles.evaluation import evaluate_roles
    from bot.steps.evaluation import evaluate_steps

    steps, roles = evaluate_steps(with_curve=False), evaluate_roles(with_curve=False)
    for report, sets in ((steps, INDEPENDENT_SENTENCE_SETS), (roles, INDEPENDENT_ROLE_SENTENCE_SETS)):
        assert set(report.independent_f1) == set(sets) | {"samen"}
        text = report.report()
        for _, heading in sets.values():
            assert heading in text
    assert min(roles.independent_f1.values()) >= 0.90, roles.independent_f1
    assert steps.independent_f1["samen"] >= 0.90, steps.independent_f1
    assert min(steps.independent_f1.values()) >= 0.85, steps.independent_f1


def test_warm_up_loads_the_product_recognisers_for_the_action_server():
    recognisers.reset()
    recognisers.warm_up()
    assert set(recognisers._LOADED) >= set(recognisers.PRODUCT)
    model = recognisers.load("stappen")
    assert recognisers.load("stappen") is model  # loaded once, never retrained
    for name in recognisers.SPECS:  # leave the process as the session fixture made it
        recognisers.load(name)


def test_building_with_a_broken_example_file_stops_with_file_item_and_field(tmp_path, monkeypatch, capsys):
    """A trainer's broken example group would otherwise be left out of the recogniser without a word."""
    import argparse
    import shutil

    from bot.cli_commands.herkenners import run_build
    from bot.paths import knowledge_dir

    copy = tmp_path / "knowledge"
    shutil.copytree(knowledge_dir(), copy)
    broken = copy / "stappen" / "voorbeelden_extra.yml"
    broken.write_text(
        "soort: stap_voorbeelden\nbeschrijving: kapot\nitems:\n- id: extra-01\n  label: opties\n"
        "  bron: {document: werkboek, sectie: opties}\n  zinnen:\n  - Wat zou jij kunnen doen?\n"
        "  - Zeg het eens: wat kun je zelf proberen?\n  - Wat heb je zelf in handen?\n", encoding="utf-8")
    monkeypatch.setenv("RUSTPUNT_KNOWLEDGE_DIR", str(copy))
    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path / "var"))
    assert run_build(argparse.Namespace(opnieuw=False)) == 1
    err = capsys.readouterr().err
    assert "De herkenners zijn niet gebouwd" in err
    assert "voorbeelden_extra.yml, item 'extra-01', veld 'zinnen[2]': moet tekst zijn" in err
    assert not (tmp_path / "var" / "models").exists()


def test_a_trainers_new_scenario_plays_in_a_new_process_before_the_recognisers_are_rebuilt(knowledge_copy,
                                                                                            monkeypatch):
    """A user test: after adding a scenario, `rustpunt oefen` and a restarted action server stopped with
    ModelNotBuilt (the invitation recogniser learns from the scenarios' persona lines).
    The stored model stays in use."""
    import yaml

    from bot.roleplay import catalog
    from bot.roleplay.session import PracticeService

    source = knowledge_copy / "scenarios" / "vader_contact_verbreken.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    scenario = data["items"][0]
    scenario.update(id="vader-nieuwe-partner", nummer=99, titel="Vader over de nieuwe partner van zijn ex")
    scenario["antwoorden"]["erkennen"]["hoog"] = ["Ja. Het voelt alsof die nieuwe man mijn plek inneemt.",
                                                  "Dat klopt. Ik lig er wakker van, elke nacht."]
    (knowledge_copy / "scenarios" / "vader_nieuwe_partner.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    monkeypatch.setattr(recognisers, "_LOADED", {})  # a new process
    monkeypatch.setattr(recognisers, "_KEYS", {})
    assert catalog.get_scenario("vader-nieuwe-partner") is not None
    assert "uitnodiging" in recognisers.stale()

    service = PracticeService()
    session_id, _ = service.begin("vader-nieuwe-partner")
    for turn in ("Wat heeft u nodig?", "Ik hoor hoe zwaar dit voor u is."):
        result = service.play(session_id, turn)
        assert result.soort == "beurt" and result.tekst


def test_an_older_recogniser_is_logged_once_and_the_command_line_shows_only_a_dutch_note(knowledge_copy, tmp_path,
                                                                                        caplog, monkeypatch):
    """Fourth user test of the trainer tools: after a scenario was added, "Examples of recogniser uitnodiging changed;
    keeping the loaded model until it is rebuilt" stood in the middle of the `rustpunt oefen` dialogue, after every
    `rustpunt stap` and on every turn in actions.log."""
    import logging
    import os
    import subprocess
    import sys

    import yaml

    from bot.paths import PROJECT_ROOT

    source = knowledge_copy / "scenarios" / "vader_contact_verbreken.yml"
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["items"][0].update(id="opa-belt-op", nummer=98, titel="Opa belt op over de verjaardag")
    data["items"][0]["antwoorden"]["erkennen"]["hoog"] = ["Ja, dat is het. Ik mis ze gewoon.", "Precies, zo voelt het."]
    (knowledge_copy / "scenarios" / "opa_belt_op.yml").write_text(yaml.safe_dump(data, allow_unicode=True),
                                                                   encoding="utf-8")
    env = {**os.environ, "RUSTPUNT_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "PYTHONPATH": str(PROJECT_ROOT)}
    turns = "Ja.\nEn toen?\nHm.\nJa, precies.\nstop rollenspel\n"
    played = subprocess.run([sys.executable, "-m", "bot.cli", "oefen", "1", "--seed", "1"], input=turns, env=env,
                            capture_output=True, text=True, timeout=300, cwd=PROJECT_ROOT)
    assert played.returncode == 0, played.stderr[-2000:]
    both = played.stdout + played.stderr
    assert "Examples of recogniser" not in both and "WARNING" not in both
    assert both.count("Let op: de herkenners horen bij oudere voorbeeldzinnen") == 1
    assert both.index("Let op: de herkenners") < both.index("Jij:")  # before the dialogue, not in it

    caplog.set_level(logging.INFO, logger="bot.recognisers")
    for name in ("_LOADED", "_KEYS", "_STALE"):  # a new action server: the stored model is older than the examples
        monkeypatch.setattr(recognisers, name, {})  # (restored afterwards: the other tests keep the loaded models)
    monkeypatch.setattr(recognisers, "_NOTICE_SHOWN", [])
    for _ in range(5):  # turn after turn
        recognisers.predict("uitnodiging", "Hoe gaat het nu met u?")
    assert sum("recogniser uitnodiging changed" in r.getMessage() for r in caplog.records) == 1
    caplog.clear()
    current = recognisers._current_key("uitnodiging")  # a server running while a trainer adds a scenario
    recognisers._LOADED["uitnodiging"] = (current, recognisers._LOADED["uitnodiging"][1])
    recognisers._STALE.clear()
    monkeypatch.setattr(recognisers, "_current_key", lambda name: current + "-nieuw")
    for _ in range(3):
        recognisers.load("uitnodiging")
    assert sum("recogniser uitnodiging changed" in r.getMessage() for r in caplog.records) == 1
