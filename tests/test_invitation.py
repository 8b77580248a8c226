"""The learned fallback for what a persona line invites (bot.roleplay.learned_invitation), with own persona lines."""
import pytest
import yaml

from bot import heldout, recognisers, textclass
from bot.roleplay import context, learned_invitation
from bot.roleplay.context import Context
from bot.roleplay.context_rules import invitation as line_reading
from bot.roleplay.moves import default_classifier

# own lines (no set items) that the context rules do not read, but the stored model does
EVENT = "Zij heeft de spullen van de kinderen gewoon bij de vuilnis gezet."
HOPELESS = "De rechter gaat toch nooit iets veranderen."
CLEAR_ACKNOWLEDGEMENT = "Ik hoor hoe boos en verdrietig je bent, dat snap ik heel goed."


@pytest.fixture(scope="module")
def classify():
    return default_classifier()


def rules_only(monkeypatch):
    monkeypatch.setattr(line_reading, "learned_invitation", lambda line: None)


class Stub:
    """A stored model that reads every line as ``label`` with ``confidence``."""

    def __init__(self, label: str, confidence: float):
        self.label, self.confidence = label, confidence

    def predict(self, text: str, n_features: int = 4) -> textclass.Prediction:
        return textclass.Prediction(self.label, self.confidence, {self.label: self.confidence})


def use_model(monkeypatch, label: str, confidence: float) -> None:
    stub, load = Stub(label, confidence), recognisers.load
    monkeypatch.setattr(recognisers, "load", lambda name: stub if name == learned_invitation.NAME else load(name))


@pytest.mark.parametrize("line, answer, invited", [
    (EVENT, "Vertel eens meer.", "dynamiek"),
    (HOPELESS, "Hoe bedoel je?", "realiteit"),
])
def test_a_line_the_rules_miss_invites_what_the_model_reads(classify, monkeypatch, line, answer, invited):
    moment = Context.of(line, ["erkennen"])
    assert context.rule_invitation(moment) is None
    assert context.invitation(moment) == invited
    read = classify(answer, context=moment)
    assert read.zet == invited and read.zekerheid == context.FOLLOW_UP_CONFIDENCE  # uncertain, as every context read
    rules_only(monkeypatch)
    assert classify(answer, context=moment).zet != invited  # the rules alone did not get there


def test_the_rules_win_over_the_model(monkeypatch):
    use_model(monkeypatch, "opties", 0.99)
    assert context.invitation(Context.of("Ik slaap al weken nauwelijks.", [])) == "erkennen"
    assert context.invitation(Context.of(EVENT, [])) == "opties"
    assert context.invitation(Context.of("   ", [])) is None  # no line, no guess


def test_a_clear_turn_read_with_confidence_is_never_overridden(classify, monkeypatch):
    plain = classify(CLEAR_ACKNOWLEDGEMENT)
    assert plain.zet == "erkennen" and plain.zekerheid >= context.SURE_READ
    for label in ("opties", "redden", "inhoud", "dynamiek"):
        use_model(monkeypatch, label, 0.99)
        assert classify(CLEAR_ACKNOWLEDGEMENT, context=Context.of(EVENT, ["erkennen"])).zet == "erkennen"


@pytest.mark.parametrize("answer", ["Vertel eens meer.", "Hoe bedoel je?", "Ja.", "Nee.", "En toen?"])
def test_below_the_threshold_nothing_changes(classify, monkeypatch, answer):
    moment = Context.of(EVENT, ["erkennen"])
    rules_only(monkeypatch)
    expected = classify(answer, context=moment)
    monkeypatch.undo()
    use_model(monkeypatch, "opties", learned_invitation.THRESHOLD - 0.01)
    assert context.invitation(moment) is None
    got = classify(answer, context=moment)
    assert (got.zet, got.zekerheid) == (expected.zet, expected.zekerheid)


def test_at_the_threshold_the_model_counts(monkeypatch):
    use_model(monkeypatch, "opties", learned_invitation.THRESHOLD)
    assert context.invitation(Context.of(EVENT, [])) == "opties"


def test_the_model_is_a_stored_recogniser_with_raw_probabilities():
    spec = recognisers.SPECS[learned_invitation.NAME]
    assert spec.calibrate is False  # the threshold was chosen on uncalibrated probabilities
    assert learned_invitation.NAME in recognisers.PRODUCT  # loaded at server start, built by the set-up
    assert recognisers.load(learned_invitation.NAME).temperature == 1.0


def test_the_training_list_never_holds_a_blind_set():
    assert heldout.NINTH_CONTEXT_FILE not in heldout.INVITATION_TRAINING_SETS
    newest = list(heldout.INDEPENDENT_CONTEXT_SETS)[-1]
    assert newest not in heldout.INVITATION_TRAINING_SETS  # the newest set is the blind one
    assert heldout.INVITATION_TRAINING_SETS == (
        "context.yml", "context_2.yml", "context_3.yml", "context_4.yml", "context_5.yml", "context_6.yml",
        "context_7.yml", "context_8.yml")
    sources = {group.id.split("#")[0] for group in learned_invitation.training_groups() if "#" in group.id}
    assert sources == set(heldout.INVITATION_TRAINING_SETS)  # read from exactly those files


def test_training_pairs_are_ambigu_persona_lines_and_inviting_scenario_answers():
    groups = learned_invitation.training_groups()
    labels = {group.label for group in groups}
    assert not labels & set(learned_invitation.NOT_INVITING)
    items = {f"{name}#{item.id}": item for name in heldout.INVITATION_TRAINING_SETS
             for item in heldout.context_items(name)}
    for group in groups:
        if "#" in group.id:
            item = items[group.id]
            assert item.soort == "ambigu" and group.sentences == (item.persona,) and group.label == item.stap[0]
    assert any(group.id.startswith("scenario:") for group in groups)


def test_the_model_is_rebuilt_when_its_training_data_changes(tmp_path, monkeypatch):
    folder = tmp_path / "evaluatie"
    folder.mkdir()
    for name in heldout.INVITATION_TRAINING_SETS:
        (folder / name).write_text((heldout.evaluation_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(heldout, "evaluation_dir", lambda: folder)
    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("RUSTPUNT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(recognisers, "_LOADED", {})
    monkeypatch.setattr(recognisers, "_KEYS", {})
    names = [learned_invitation.NAME]
    assert recognisers.build(names)[learned_invitation.NAME].startswith("gebouwd")
    assert recognisers.build(names)[learned_invitation.NAME] == "al actueel"
    before = recognisers.key_of(learned_invitation.NAME, learned_invitation.training_groups())

    data = yaml.safe_load((folder / "context_2.yml").read_text(encoding="utf-8"))
    item = next(item for item in data["items"] if item["soort"] == "ambigu")
    item["persona"] = "Een eigen zin, alleen om te testen dat het model opnieuw gebouwd wordt."
    (folder / "context_2.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert recognisers.key_of(learned_invitation.NAME, learned_invitation.training_groups()) != before

    monkeypatch.setattr(recognisers, "_LOADED", {})  # a new process: the stored model is out of date
    monkeypatch.setattr(recognisers, "_KEYS", {})
    # the stored model stays in use (a trainer's new scenario must not stop the role-play), and is named as stale
    assert recognisers.load(learned_invitation.NAME).labels
    assert recognisers.stale(names) == [learned_invitation.NAME]
    assert recognisers.build(names)[learned_invitation.NAME].startswith("gebouwd")
    assert recognisers.stale(names) == [] and recognisers.load(learned_invitation.NAME).labels


@pytest.mark.parametrize("pitfall", ["inhoud", "redden", "oordelen"])
def test_a_guessed_pitfall_never_counts_so_a_bare_yes_stays_a_backchannel(classify, monkeypatch, pitfall):
    accusation = Context.of("Zij zet die kinderen gewoon bewust tegen mij op, dat is toch duidelijk.", ["erkennen"])
    rules_only(monkeypatch)
    expected = classify("Ja.", context=accusation)
    monkeypatch.undo()
    use_model(monkeypatch, pitfall, 0.99)
    assert context.invitation(Context.of(EVENT, [])) is None  # sure as the model is, a pitfall is no invitation
    assert classify("Ja.", context=accusation).zet == expected.zet != pitfall
