"""The second, blind set of free-text practice paths (evaluatie/oefenpaden_2.yml): loaded and
validated with Dutch messages, played by ``rustpunt evalueer rollenspel`` and reported on its own."""
import argparse

import pytest

SCENARIO_IDS = {
    "vader-kinderen-thuisgehouden", "moeder-dochter-niet-gezien", "vader-contact-verbreken",
    "kind-wil-niet-naar-vader", "mdo-moeder-dochter-ruzie", "ouder-wil-partij",
}


def test_the_second_set_has_at_least_24_paths_over_every_scenario_both_kinds_and_real_turns():
    from collections import Counter

    from bot.heldout import practice_path_set
    from bot.roleplay import catalog

    paths = practice_path_set()
    assert len(paths) >= 24
    assert {p["scenario"] for p in paths} == {s.id for s in catalog.scenarios()} >= SCENARIO_IDS
    kinds = Counter(p["soort"] for p in paths)
    assert set(kinds) == {"goed", "slecht"} and abs(kinds["goed"] - kinds["slecht"]) <= 2
    assert all(5 <= len(p["beurten"]) <= 9 for p in paths)
    for scenario in SCENARIO_IDS:  # every scenario gets a good and a bad path
        assert {p["soort"] for p in paths if p["scenario"] == scenario} == {"goed", "slecht"}


def test_the_second_set_repeats_no_turn_of_the_first_set_or_of_the_scripted_paths():
    from bot.heldout import practice_path_set, practice_paths
    from bot.roleplay import catalog

    second = {turn for p in practice_path_set() for turn in p["beurten"]}
    first = {str(turn) for p in practice_paths() for turn in p["beurten"]}
    scripted = {t.tekst for s in catalog.scenarios() for t in s.oefenpad + s.valkuilpad}
    assert not second & first and not second & scripted


def _broken(tmp_path, monkeypatch, text):
    import bot.heldout

    (tmp_path / "oefenpaden_2.yml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(bot.heldout, "evaluation_dir", lambda: tmp_path)


BROKEN = """paden:
  - scenario: vader-kinderen-thuisgehouden
    soort: goed
    beurten: ["Wat een rotsituatie, zeg."]
  - scenario: vader-die-niet-bestaat
    soort: middel
    beurten: []
  - soort: slecht
    beurten: ["Ik bel haar wel even."]
"""


def test_a_broken_second_set_names_file_path_number_and_field_in_dutch(tmp_path, monkeypatch):
    from bot.heldout import HeldOutError, practice_path_set

    _broken(tmp_path, monkeypatch, BROKEN)
    with pytest.raises(HeldOutError) as caught:
        practice_path_set()
    message = str(caught.value)
    where = "evaluatie/oefenpaden_2.yml, item 'pad 2', veld 'scenario'"
    assert f"{where}: onbekend scenario 'vader-die-niet-bestaat'" in message
    assert "item 'pad 2', veld 'soort': onbekende soort 'middel' (toegestaan: goed, slecht)" in message
    assert "item 'pad 2', veld 'beurten': mag niet leeg zijn" in message
    assert "item 'pad 3', veld 'scenario': verplicht veld ontbreekt" in message
    assert "'pad 1'" not in message  # the first path is fine


def test_a_second_set_that_is_missing_no_yaml_or_has_no_paths_gives_a_dutch_message(tmp_path, monkeypatch):
    from bot.heldout import HeldOutError, practice_path_set

    monkeypatch.setattr("bot.heldout.evaluation_dir", lambda: tmp_path)
    with pytest.raises(HeldOutError, match="evaluatie/oefenpaden_2.yml: bestand bestaat niet"):
        practice_path_set()
    _broken(tmp_path, monkeypatch, "paden:\n  - scenario: [niet afgesloten\n")
    with pytest.raises(HeldOutError, match=r"evaluatie/oefenpaden_2.yml: ongeldige YAML \(regel \d+"):
        practice_path_set()
    _broken(tmp_path, monkeypatch, "# leeg\n")
    with pytest.raises(HeldOutError, match="veld 'paden': verwacht een niet-lege lijst met paden"):
        practice_path_set()


def test_the_role_play_evaluation_stops_with_a_dutch_message_on_a_broken_second_set(tmp_path, monkeypatch, capsys):
    import shutil

    import bot.heldout
    from bot.cli_commands.roleplay import run_evaluation

    real = bot.heldout.evaluation_dir()
    for name in [bot.heldout.CONTEXT_FILE, *bot.heldout.INDEPENDENT_CONTEXT_SETS]:  # the context sets are fine
        shutil.copy(real / name, tmp_path / name)
    _broken(tmp_path, monkeypatch, BROKEN)
    assert run_evaluation(argparse.Namespace(contextdeel="beide")) == 1
    err = capsys.readouterr().err
    assert "een testbestand is niet in orde" in err
    assert "evaluatie/oefenpaden_2.yml, item 'pad 2', veld 'soort': onbekende soort 'middel'" in err


def test_given_paths_are_played_and_judged_against_their_kind():
    from bot.roleplay.evaluation import play_free_paths

    paths = [
        {"scenario": "vader-kinderen-thuisgehouden", "soort": "slecht", "beurten": ["Ik bel haar wel."] * 5},
        {"scenario": "vader-kinderen-thuisgehouden", "soort": "goed", "beurten": ["Ik bel haar wel."] * 5},
    ]
    played = play_free_paths(lambda text: "redden", paths)
    assert [p["ok"] for p in played] == [True, False]  # rescuing all the way never ends well
    assert all(set(p["zetten"]) == {"redden"} and p["einde"] != "goed" for p in played)


def test_the_report_shows_the_second_set_under_its_own_heading_with_every_path():
    from bot.roleplay.evaluation import PathEvaluation, evaluation_report

    def played(soort, ok, ending):
        return {"scenario": "ouder-wil-partij", "soort": soort, "einde": ending, "spanning": [6, 4, 2],
                "zetten": ["erkennen", "visie"], "onzeker": [], "ok": ok}

    first = [played("goed", True, "goed")]
    second = [played("goed", True, "goed"), played("goed", False, "slecht"), played("slecht", True, "slecht")]
    report = evaluation_report(PathEvaluation(free_paths=first, free_paths_2=second))
    assert "Vrije-tekstpaden (evaluatie/oefenpaden.yml): 1/1" in report
    heading = next(line for line in report.splitlines() if line.startswith("Tweede set vrije-tekstpaden"))
    assert "blind geschreven" in heading and "evaluatie/oefenpaden_2.yml" in heading
    assert heading.endswith("2/3 lopen af zoals het werkboek verwacht; goede paden goed geëindigd: 1/2, "
                            "slechte paden niet goed geëindigd: 1/1")
    after = report.split(heading, 1)[1]
    assert "- [NIET OK] pad 2: ouder-wil-partij (goed pad): einde slecht, spanning 6 → 4 → 2" in after
    assert "- [ok] pad 3: ouder-wil-partij (slecht pad)" in after
    assert "Tweede set" not in evaluation_report(PathEvaluation(free_paths=first))  # no second set: no heading
