"""The blind sets of free-text practice paths (evaluatie/oefenpaden_2.yml ... oefenpaden_50.yml,
registered in ``bot.heldout.PRACTICE_PATH_SETS``): each loaded and validated with Dutch messages,
played by ``rustpunt evalueer rollenspel`` and reported under its own heading."""
import argparse

import pytest

SCENARIO_IDS = {
    "vader-kinderen-thuisgehouden", "moeder-dochter-niet-gezien", "vader-contact-verbreken",
    "kind-wil-niet-naar-vader", "mdo-moeder-dochter-ruzie", "ouder-wil-partij",
}
SETS = [
    "oefenpaden_2.yml", "oefenpaden_3.yml", "oefenpaden_4.yml", "oefenpaden_5.yml", "oefenpaden_6.yml",
    "oefenpaden_7.yml", "oefenpaden_8.yml", "oefenpaden_9.yml", "oefenpaden_10.yml", "oefenpaden_11.yml",
    "oefenpaden_12.yml", "oefenpaden_13.yml", "oefenpaden_14.yml", "oefenpaden_15.yml", "oefenpaden_16.yml",
    "oefenpaden_17.yml", "oefenpaden_18.yml", "oefenpaden_19.yml", "oefenpaden_20.yml", "oefenpaden_21.yml",
    "oefenpaden_22.yml", "oefenpaden_23.yml", "oefenpaden_24.yml", "oefenpaden_25.yml", "oefenpaden_26.yml",
    "oefenpaden_27.yml", "oefenpaden_28.yml", "oefenpaden_29.yml", "oefenpaden_30.yml", "oefenpaden_31.yml",
    "oefenpaden_32.yml", "oefenpaden_33.yml", "oefenpaden_34.yml", "oefenpaden_35.yml", "oefenpaden_36.yml",
    "oefenpaden_37.yml", "oefenpaden_38.yml", "oefenpaden_39.yml", "oefenpaden_40.yml", "oefenpaden_41.yml",
    "oefenpaden_42.yml", "oefenpaden_43.yml", "oefenpaden_44.yml", "oefenpaden_45.yml", "oefenpaden_46.yml",
    "oefenpaden_47.yml", "oefenpaden_48.yml", "oefenpaden_49.yml", "oefenpaden_50.yml",
]


def test_the_blind_sets_are_registered_in_order_with_their_own_heading():
    from bot.heldout import PRACTICE_PATH_SETS

    assert list(PRACTICE_PATH_SETS) == SETS
    (second, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth, eleventh, twelfth, thirteenth, fourteenth,
     fifteenth, sixteenth, seventeenth, eighteenth, nineteenth, twentieth, twenty_first,
     twenty_second, twenty_third, twenty_fourth, twenty_fifth, twenty_sixth, twenty_seventh,
     twenty_eighth, twenty_ninth, thirtieth, thirty_first,
     thirty_second, thirty_third, thirty_fourth, thirty_fifth,
     thirty_sixth, thirty_seventh, thirty_eighth, thirty_ninth,
     fortieth, forty_first, forty_second, forty_third, forty_fourth,
     forty_fifth, forty_sixth, forty_seventh, forty_eighth,
     forty_ninth, fiftieth) = (PRACTICE_PATH_SETS[name][1] for name in SETS)
    assert second.startswith("Tweede set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_2.yml;")
    assert third.startswith("Derde set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_3.yml;")
    assert fourth.startswith("Vierde set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_4.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_4.yml"][0] == "vierde set vrije-tekstpaden"
    assert fifth.startswith("Vijfde set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_5.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_5.yml"][0] == "vijfde set vrije-tekstpaden"
    assert sixth.startswith("Zesde set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_6.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_6.yml"][0] == "zesde set vrije-tekstpaden"
    assert seventh.startswith("Zevende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_7.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_7.yml"][0] == "zevende set vrije-tekstpaden"
    assert eighth.startswith("Achtste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_8.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_8.yml"][0] == "achtste set vrije-tekstpaden"
    assert ninth.startswith("Negende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_9.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_9.yml"][0] == "negende set vrije-tekstpaden"
    assert tenth.startswith("Tiende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_10.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_10.yml"][0] == "tiende set vrije-tekstpaden"
    assert eleventh.startswith("Elfde set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_11.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_11.yml"][0] == "elfde set vrije-tekstpaden"
    assert twelfth.startswith("Twaalfde set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_12.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_12.yml"][0] == "twaalfde set vrije-tekstpaden"
    assert thirteenth.startswith("Dertiende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_13.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_13.yml"][0] == "dertiende set vrije-tekstpaden"
    assert fourteenth.startswith("Veertiende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_14.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_14.yml"][0] == "veertiende set vrije-tekstpaden"
    assert fifteenth.startswith("Vijftiende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_15.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_15.yml"][0] == "vijftiende set vrije-tekstpaden"
    assert sixteenth.startswith("Zestiende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_16.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_16.yml"][0] == "zestiende set vrije-tekstpaden"
    assert seventeenth.startswith("Zeventiende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_17.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_17.yml"][0] == "zeventiende set vrije-tekstpaden"
    assert eighteenth.startswith("Achttiende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_18.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_18.yml"][0] == "achttiende set vrije-tekstpaden"
    assert nineteenth.startswith("Negentiende set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_19.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_19.yml"][0] == "negentiende set vrije-tekstpaden"
    assert twentieth.startswith("Twintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_20.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_20.yml"][0] == "twintigste set vrije-tekstpaden"
    assert twenty_first.startswith(
        "Eenentwintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_21.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_21.yml"][0] == "eenentwintigste set vrije-tekstpaden"
    assert twenty_second.startswith(
        "Tweeëntwintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_22.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_22.yml"][0] == "tweeëntwintigste set vrije-tekstpaden"
    assert twenty_third.startswith(
        "Drieëntwintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_23.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_23.yml"][0] == "drieëntwintigste set vrije-tekstpaden"
    assert twenty_fourth.startswith(
        "Vierentwintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_24.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_24.yml"][0] == "vierentwintigste set vrije-tekstpaden"
    assert twenty_fifth.startswith(
        "Vijfentwintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_25.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_25.yml"][0] == "vijfentwintigste set vrije-tekstpaden"
    assert twenty_sixth.startswith(
        "Zesentwintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_26.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_26.yml"][0] == "zesentwintigste set vrije-tekstpaden"
    assert twenty_seventh.startswith(
        "Zevenentwintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_27.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_27.yml"][0] == "zevenentwintigste set vrije-tekstpaden"
    assert twenty_eighth.startswith(
        "Achtentwintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_28.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_28.yml"][0] == "achtentwintigste set vrije-tekstpaden"
    assert twenty_ninth.startswith(
        "Negenentwintigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_29.yml;")
    assert thirtieth.startswith("Dertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_30.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_30.yml"][0] == "dertigste set vrije-tekstpaden"
    assert thirty_first.startswith(
        "Eenendertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_31.yml;")
    assert thirty_second.startswith(
        "Tweeëndertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_32.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_32.yml"][0] == "tweeëndertigste set vrije-tekstpaden"
    assert thirty_third.startswith(
        "Drieëndertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_33.yml;")
    assert thirty_fourth.startswith(
        "Vierendertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_34.yml;")
    assert thirty_fifth.startswith(
        "Vijfendertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_35.yml;")
    assert thirty_sixth.startswith(
        "Zesendertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_36.yml;")
    assert thirty_seventh.startswith(
        "Zevenendertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_37.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_37.yml"][0] == "zevenendertigste set vrije-tekstpaden"
    assert thirty_eighth.startswith(
        "Achtendertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_38.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_38.yml"][0] == "achtendertigste set vrije-tekstpaden"
    assert thirty_ninth.startswith(
        "Negenendertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_39.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_39.yml"][0] == "negenendertigste set vrije-tekstpaden"
    assert fortieth.startswith(
        "Veertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_40.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_40.yml"][0] == "veertigste set vrije-tekstpaden"
    assert forty_first.startswith(
        "Eenenveertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_41.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_41.yml"][0] == "eenenveertigste set vrije-tekstpaden"
    assert forty_second.startswith(
        "Tweeënveertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_42.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_42.yml"][0] == "tweeënveertigste set vrije-tekstpaden"
    assert forty_third.startswith(
        "Drieënveertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_43.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_43.yml"][0] == "drieënveertigste set vrije-tekstpaden"
    assert forty_fourth.startswith(
        "Vierenveertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_44.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_44.yml"][0] == "vierenveertigste set vrije-tekstpaden"
    assert forty_fifth.startswith(
        "Vijfenveertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_45.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_45.yml"][0] == "vijfenveertigste set vrije-tekstpaden"
    assert forty_sixth.startswith(
        "Zesenveertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_46.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_46.yml"][0] == "zesenveertigste set vrije-tekstpaden"
    assert forty_seventh.startswith(
        "Zevenenveertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_47.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_47.yml"][0] == "zevenenveertigste set vrije-tekstpaden"
    assert forty_eighth.startswith(
        "Achtenveertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_48.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_48.yml"][0] == "achtenveertigste set vrije-tekstpaden"
    assert forty_ninth.startswith(
        "Negenenveertigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_49.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_49.yml"][0] == "negenenveertigste set vrije-tekstpaden"
    assert fiftieth.startswith(
        "Vijftigste set vrije-tekstpaden, blind geschreven (evaluatie/oefenpaden_50.yml;")
    assert PRACTICE_PATH_SETS["oefenpaden_50.yml"][0] == "vijftigste set vrije-tekstpaden"


@pytest.mark.parametrize("name", SETS)
def test_each_set_has_at_least_24_paths_over_every_scenario_both_kinds_and_real_turns(name):
    from collections import Counter

    from bot.heldout import practice_path_set
    from bot.roleplay import catalog

    paths = practice_path_set(name)
    assert len(paths) >= 24
    assert {p["scenario"] for p in paths} == {s.id for s in catalog.scenarios()} >= SCENARIO_IDS
    kinds = Counter(p["soort"] for p in paths)
    assert set(kinds) == {"goed", "slecht"} and abs(kinds["goed"] - kinds["slecht"]) <= 2
    assert all(5 <= len(p["beurten"]) <= 9 for p in paths)
    for scenario in SCENARIO_IDS:  # every scenario gets a good and a bad path
        assert {p["soort"] for p in paths if p["scenario"] == scenario} == {"goed", "slecht"}


@pytest.mark.parametrize("name", SETS)
def test_each_set_repeats_no_turn_of_the_other_sets_or_of_the_scripted_paths(name):
    from bot.heldout import PRACTICE_PATH_SETS, practice_path_set, practice_paths
    from bot.roleplay import catalog

    own = [turn for p in practice_path_set(name) for turn in p["beurten"]]
    others = {str(turn) for p in practice_paths() for turn in p["beurten"]}
    others |= {turn for other in PRACTICE_PATH_SETS if other != name
               for p in practice_path_set(other) for turn in p["beurten"]}
    scripted = {t.tekst for s in catalog.scenarios() for t in s.oefenpad + s.valkuilpad}
    assert not set(own) & others and not set(own) & scripted


@pytest.mark.parametrize("name", SETS[SETS.index("oefenpaden_3.yml"):])
def test_the_later_sets_repeat_no_turn_within_themselves(name):
    from bot.heldout import practice_path_set

    turns = [turn for p in practice_path_set(name) for turn in p["beurten"]]
    assert len(turns) == len(set(turns))


@pytest.mark.parametrize("name", SETS[SETS.index("oefenpaden_6.yml"):])
def test_the_sixth_to_twelfth_sets_have_exactly_two_good_and_two_bad_paths_per_scenario(name):
    from collections import Counter

    from bot.heldout import practice_path_set

    paths = practice_path_set(name)
    assert len(paths) == 24
    per_scenario = Counter((p["scenario"], p["soort"]) for p in paths)
    assert per_scenario == {(scenario, kind): 2 for scenario in SCENARIO_IDS for kind in ("goed", "slecht")}
    assert all(5 <= len(p["beurten"]) <= 9 and all(turn.strip() for turn in p["beurten"]) for p in paths)


def _broken(tmp_path, monkeypatch, text, name="oefenpaden_2.yml"):
    import bot.heldout

    (tmp_path / name).write_text(text, encoding="utf-8")
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


@pytest.mark.parametrize("name", SETS)
def test_a_broken_set_names_file_path_number_and_field_in_dutch(tmp_path, monkeypatch, name):
    from bot.heldout import HeldOutError, practice_path_set

    _broken(tmp_path, monkeypatch, BROKEN, name)
    with pytest.raises(HeldOutError) as caught:
        practice_path_set(name)
    message = str(caught.value)
    where = f"evaluatie/{name}, item 'pad 2', veld 'scenario'"
    assert f"{where}: onbekend scenario 'vader-die-niet-bestaat'" in message
    assert "item 'pad 2', veld 'soort': onbekende soort 'middel' (toegestaan: goed, slecht)" in message
    assert "item 'pad 2', veld 'beurten': mag niet leeg zijn" in message
    assert "item 'pad 3', veld 'scenario': verplicht veld ontbreekt" in message
    assert "'pad 1'" not in message  # the first path is fine


@pytest.mark.parametrize("name", SETS)
def test_a_set_that_is_missing_no_yaml_or_has_no_paths_gives_a_dutch_message(tmp_path, monkeypatch, name):
    from bot.heldout import HeldOutError, practice_path_set

    monkeypatch.setattr("bot.heldout.evaluation_dir", lambda: tmp_path)
    with pytest.raises(HeldOutError, match=f"evaluatie/{name}: bestand bestaat niet"):
        practice_path_set(name)
    _broken(tmp_path, monkeypatch, "paden:\n  - scenario: [niet afgesloten\n", name)
    with pytest.raises(HeldOutError, match=rf"evaluatie/{name}: ongeldige YAML \(regel \d+"):
        practice_path_set(name)
    _broken(tmp_path, monkeypatch, "# leeg\n", name)
    with pytest.raises(HeldOutError, match="veld 'paden': verwacht een niet-lege lijst met paden"):
        practice_path_set(name)


@pytest.mark.parametrize("name", SETS)
def test_the_role_play_evaluation_stops_with_a_dutch_message_on_a_broken_set(tmp_path, monkeypatch, capsys, name):
    import shutil

    import bot.heldout
    from bot.cli_commands.roleplay import run_evaluation

    real = bot.heldout.evaluation_dir()
    fine = [bot.heldout.CONTEXT_FILE, *bot.heldout.INDEPENDENT_CONTEXT_SETS, *bot.heldout.PRACTICE_PATH_SETS]
    for other in fine:  # the context sets and the other path sets are fine
        shutil.copy(real / other, tmp_path / other)
    _broken(tmp_path, monkeypatch, BROKEN, name)
    assert run_evaluation(argparse.Namespace(contextdeel="beide")) == 1
    err = capsys.readouterr().err
    assert "een testbestand is niet in orde" in err
    assert f"evaluatie/{name}, item 'pad 2', veld 'soort': onbekende soort 'middel'" in err


def test_given_paths_are_played_and_judged_against_their_kind():
    from bot.roleplay.evaluation import play_free_paths

    paths = [
        {"scenario": "vader-kinderen-thuisgehouden", "soort": "slecht", "beurten": ["Ik bel haar wel."] * 5},
        {"scenario": "vader-kinderen-thuisgehouden", "soort": "goed", "beurten": ["Ik bel haar wel."] * 5},
    ]
    played = play_free_paths(lambda text: "redden", paths)
    assert [p["ok"] for p in played] == [True, False]  # rescuing all the way never ends well
    assert all(set(p["zetten"]) == {"redden"} and p["einde"] != "goed" for p in played)


def _played(soort, ok, ending):
    return {"scenario": "ouder-wil-partij", "soort": soort, "einde": ending, "spanning": [6, 4, 2],
            "zetten": ["erkennen", "visie"], "onzeker": [], "ok": ok}


def test_the_report_shows_the_second_set_under_its_own_heading_with_every_path():
    from bot.roleplay.evaluation import PathEvaluation, evaluation_report

    first = [_played("goed", True, "goed")]
    second = [_played("goed", True, "goed"), _played("goed", False, "slecht"), _played("slecht", True, "slecht")]
    result = PathEvaluation(free_paths=first, practice_sets={"oefenpaden_2.yml": second})
    report = evaluation_report(result)
    assert "Vrije-tekstpaden (evaluatie/oefenpaden.yml): 1/1" in report
    heading = next(line for line in report.splitlines() if line.startswith("Tweede set vrije-tekstpaden"))
    assert "blind geschreven" in heading and "evaluatie/oefenpaden_2.yml" in heading
    assert heading.endswith("2/3 lopen af zoals het werkboek verwacht; goede paden goed geëindigd: 1/2, "
                            "slechte paden niet goed geëindigd: 1/1")
    after = report.split(heading, 1)[1]
    assert "- [NIET OK] pad 2: ouder-wil-partij (goed pad): einde slecht, spanning 6 → 4 → 2" in after
    assert "- [ok] pad 3: ouder-wil-partij (slecht pad)" in after
    assert "Tweede set" not in evaluation_report(PathEvaluation(free_paths=first))  # no second set: no heading
    assert "Derde set" not in report  # the third set was not played: no heading


def test_the_report_shows_the_third_set_under_its_own_heading_after_the_second():
    from bot.roleplay.evaluation import PathEvaluation, evaluation_report

    second = [_played("slecht", True, "slecht")]
    third = [_played("slecht", False, "goed"), _played("goed", True, "goed"), _played("slecht", True, "geen")]
    report = evaluation_report(PathEvaluation(practice_sets={"oefenpaden_3.yml": third, "oefenpaden_2.yml": second}))
    lines = report.splitlines()
    second_at = next(i for i, line in enumerate(lines) if line.startswith("Tweede set vrije-tekstpaden"))
    third_at = next(i for i, line in enumerate(lines) if line.startswith("Derde set vrije-tekstpaden"))
    assert second_at < third_at
    assert lines[second_at].endswith("1/1 lopen af zoals het werkboek verwacht; goede paden goed geëindigd: 0/0, "
                                     "slechte paden niet goed geëindigd: 1/1")
    heading = lines[third_at]
    assert "blind geschreven" in heading and "evaluatie/oefenpaden_3.yml" in heading
    assert heading.endswith("2/3 lopen af zoals het werkboek verwacht; goede paden goed geëindigd: 1/1, "
                            "slechte paden niet goed geëindigd: 1/2")
    assert lines[third_at + 1] == ("- [NIET OK] pad 1: ouder-wil-partij (slecht pad): einde goed, spanning "
                                   "6 → 4 → 2; zetten: erkennen, visie")
    assert lines[third_at + 3].startswith("- [ok] pad 3: ouder-wil-partij (slecht pad): einde geen")


def test_the_report_shows_the_fourth_set_under_its_own_heading_after_the_third():
    from bot.roleplay.evaluation import PathEvaluation, evaluation_report

    third = [_played("goed", True, "goed")]
    fourth = [_played("goed", False, "geen"), _played("slecht", True, "slecht")]
    report = evaluation_report(PathEvaluation(practice_sets={"oefenpaden_4.yml": fourth, "oefenpaden_3.yml": third}))
    lines = report.splitlines()
    third_at = next(i for i, line in enumerate(lines) if line.startswith("Derde set vrije-tekstpaden"))
    fourth_at = next(i for i, line in enumerate(lines) if line.startswith("Vierde set vrije-tekstpaden"))
    assert third_at < fourth_at
    heading = lines[fourth_at]
    assert "blind geschreven" in heading and "evaluatie/oefenpaden_4.yml" in heading
    assert heading.endswith("1/2 lopen af zoals het werkboek verwacht; goede paden goed geëindigd: 0/1, "
                            "slechte paden niet goed geëindigd: 1/1")
    assert lines[fourth_at + 1].startswith("- [NIET OK] pad 1: ouder-wil-partij (goed pad): einde geen")
    assert lines[fourth_at + 2].startswith("- [ok] pad 2: ouder-wil-partij (slecht pad): einde slecht")
    assert "Vierde set" not in evaluation_report(PathEvaluation(practice_sets={"oefenpaden_3.yml": third}))


def test_the_report_shows_the_sixth_set_under_its_own_heading_after_the_fifth():
    from bot.roleplay.evaluation import PathEvaluation, evaluation_report

    fifth = [_played("goed", True, "goed")]
    sixth = [_played("slecht", True, "geen"), _played("goed", False, "slecht")]
    report = evaluation_report(PathEvaluation(practice_sets={"oefenpaden_6.yml": sixth, "oefenpaden_5.yml": fifth}))
    lines = report.splitlines()
    fifth_at = next(i for i, line in enumerate(lines) if line.startswith("Vijfde set vrije-tekstpaden"))
    sixth_at = next(i for i, line in enumerate(lines) if line.startswith("Zesde set vrije-tekstpaden"))
    assert fifth_at < sixth_at
    heading = lines[sixth_at]
    assert "blind geschreven" in heading and "evaluatie/oefenpaden_6.yml" in heading
    assert heading.endswith("1/2 lopen af zoals het werkboek verwacht; goede paden goed geëindigd: 0/1, "
                            "slechte paden niet goed geëindigd: 1/1")
    assert lines[sixth_at + 1].startswith("- [ok] pad 1: ouder-wil-partij (slecht pad): einde geen")
    assert lines[sixth_at + 2].startswith("- [NIET OK] pad 2: ouder-wil-partij (goed pad): einde slecht")
    assert "Zesde set" not in evaluation_report(PathEvaluation(practice_sets={"oefenpaden_5.yml": fifth}))
