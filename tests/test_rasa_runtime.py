"""Fast tests of the patches the start module installs in the Rasa server process (bot.rasa_runtime)."""
from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.lock_store import InMemoryLockStore
from rasa.utils.endpoints import EndpointConfig
from sqlalchemy.exc import OperationalError

from bot import message_length, rasa_server
from bot.rasa_runtime import http_guard, install_all, message_limit, outage, schema_check
from tests.e2e.conftest import free_port

install_all()

VALID = schema_check.sample_action_result()
INVALID = [
    {"events": {"event": "slot"}},                          # events must be a list
    {"events": [{"name": "x"}]},                            # an event without "event"
    {"events": [{"event": "slot", "name": 5}]},             # slot name must be a string
    {"events": [], "responses": ["tekst"]},                 # responses are objects
    {"events": [{"event": "geen_bestaand_event"}]},         # unknown event type
]


# --- schema check -------------------------------------------------------------------------------

def test_the_start_module_installs_the_prebuilt_validator():
    assert RemoteAction._validate_action_result is schema_check.validate_action_result


def test_a_valid_action_response_passes():
    assert RemoteAction("x", None)._validate_action_result(copy.deepcopy(VALID)) is True


@pytest.mark.parametrize("response", INVALID)
def test_an_invalid_action_response_is_still_refused_with_the_same_error(response):
    with pytest.raises(jsonschema.ValidationError) as ours:
        RemoteAction("x", None)._validate_action_result(copy.deepcopy(response))
    with pytest.raises(jsonschema.ValidationError) as rasas:
        jsonschema.validate(copy.deepcopy(response), RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(rasas.value.message)
    assert "Failed to validate Action server response" in ours.value.message
    assert list(ours.value.absolute_path) == list(rasas.value.absolute_path)


def test_the_validator_is_built_once():
    assert schema_check.action_result_validator() is schema_check.action_result_validator()


# --- message limit ------------------------------------------------------------------------------

def test_max_message_length_from_the_environment():
    assert message_length.max_message_length({}) == 2000
    assert message_length.max_message_length({"RUSTPUNT_MAX_MESSAGE": "500"}) == 500
    assert message_length.max_message_length({"RUSTPUNT_MAX_MESSAGE": "veel"}) == 2000
    assert message_length.max_message_length({"RUSTPUNT_MAX_MESSAGE": "3"}) == message_length.LOWEST_MAX


def test_refusal_says_in_dutch_how_long_and_what_the_limit_is():
    assert message_length.refusal_for("a" * 2000, 2000) is None
    text = message_length.refusal_for("a" * 100_000, 2000)
    assert "te lang" in text and "100.000 tekens" in text and "2.000 tekens" in text
    assert "niet verwerkt" in text and "opnieuw" in text


def test_the_nlu_component_cuts_long_texts_and_leaves_short_ones():
    from rasa.shared.nlu.training_data.message import Message

    component = message_limit.MessageLengthLimit({"max_characters": 100})
    long, short = Message(data={"text": "woord " * 1000}), Message(data={"text": "hallo"})
    component.process([long, short])
    assert len(long.get("text")) == 100 and short.get("text") == "hallo"


def test_the_nlu_component_is_the_first_step_of_the_pipeline():
    import yaml

    from tests.e2e.conftest import ROOT

    pipeline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    assert pipeline[0]["name"] == "bot.rasa_runtime.message_limit.MessageLengthLimit"


# --- outage -------------------------------------------------------------------------------------

class FakeProcessor:
    def __init__(self, error=None, answer="Hallo"):
        self.error, self.answer, self.calls = error, answer, 0

    async def handle_message(self, message):
        self.calls += 1
        await message.output_channel.send_text_message(message.sender_id, "half klaar")
        if self.error is not None:
            raise self.error
        await message.output_channel.send_text_message(message.sender_id, self.answer)
        return message.output_channel.messages


def fake_agent(processor):
    agent = Agent.__new__(Agent)
    agent.processor = processor
    agent.lock_store = InMemoryLockStore()
    agent.is_ready = lambda: True
    return agent


def texts(messages):
    return [m.get("text") for m in messages]


async def test_a_normal_message_goes_through():
    processor = FakeProcessor()
    channel = CollectingOutputChannel()
    await fake_agent(processor).handle_message(UserMessage("hallo", channel, "gesprek-1"))
    assert texts(channel.messages) == ["half klaar", "Hallo"]


async def test_a_too_long_message_is_refused_before_any_processing():
    processor = FakeProcessor()
    channel = CollectingOutputChannel()
    answer = await fake_agent(processor).handle_message(UserMessage("x" * 100_000, channel, "gesprek-1"))
    assert processor.calls == 0
    assert len(answer) == 1 and "te lang" in answer[0]["text"]


@pytest.mark.parametrize("error,named", [
    (outage.PartUnavailable(outage.ACTION_SERVER), "actieserver"),
    (outage.PartUnavailable(outage.ACTION_SERVER_ERROR), "database"),
    (OperationalError("select", {}, Exception("database is locked")), "database"),
])
async def test_a_failing_part_gets_one_dutch_message_and_nothing_of_the_half_turn(error, named):
    channel = CollectingOutputChannel()
    answer = await fake_agent(FakeProcessor(error)).handle_message(UserMessage("ja", channel, "gesprek-1"))
    assert len(answer) == 1
    text = answer[0]["text"]
    assert named in text and "niets verloren" in text and "opnieuw" in text
    assert "half klaar" not in texts(channel.messages)


async def test_other_errors_are_not_disguised_as_an_outage():
    channel = CollectingOutputChannel()
    with pytest.raises(ValueError):
        await fake_agent(FakeProcessor(ValueError("bug"))).handle_message(UserMessage("ja", channel, "g"))


async def test_an_unreachable_action_server_is_named_and_marks_the_turn():
    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker

    action = RemoteAction("action_test", EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook"))
    tracker = DialogueStateTracker.from_events("gesprek-1", [])
    token = outage._TURN.set([])
    try:
        with pytest.raises(outage.PartUnavailable) as failure:
            await action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, Domain.empty())
        assert failure.value.part == outage.ACTION_SERVER
        with pytest.raises(outage.PartUnavailable):
            outage.raise_if_failed()  # also when Rasa itself swallows the exception
    finally:
        outage._TURN.reset(token)


def test_error_classification():
    import aiohttp
    from rasa.utils.endpoints import ClientResponseError

    def chained(cause):
        try:
            try:
                raise cause
            except Exception as exc:
                raise RuntimeError("wrapped") from exc
        except RuntimeError as outer:
            return outer

    assert outage.classify_action_error(chained(aiohttp.ClientConnectionError())) == outage.ACTION_SERVER
    assert outage.classify_action_error(chained(ClientResponseError(503, "x", "y"))) == outage.ACTION_SERVER_ERROR
    assert outage.classify_action_error(chained(ClientResponseError(404, "x", "y"))) is None
    assert outage.classify_action_error(ValueError()) is None


def test_store_errors_name_the_database_or_redis():
    import redis.exceptions

    assert outage.classify_store_error(OperationalError("select", {}, Exception("gone"))) == outage.DATABASE
    assert outage.classify_store_error(redis.exceptions.ConnectionError("refused")) == outage.REDIS
    assert outage.classify_store_error(KeyError("x")) is None
    assert "Redis" in outage.outage_text(outage.REDIS) and "database" in outage.outage_text(outage.DATABASE)


# --- HTTP guard ---------------------------------------------------------------------------------

HOSTS, ORIGINS = http_guard.allowed_hosts({}), http_guard.allowed_origins({})


def refused(method="POST", **headers):
    headers = {k.replace("_", "-"): v for k, v in headers.items()}
    headers.setdefault("host", "127.0.0.1:5005")
    headers.setdefault("content-type", "application/json")
    return http_guard.refusal(method, headers, HOSTS, ORIGINS)


def test_the_own_programs_are_let_through():
    assert refused() is None
    assert refused(host="localhost:5005") is None
    assert refused(host="[::1]:5005") is None
    assert refused("GET", content_type="") is None


def test_a_foreign_host_is_refused():
    assert refused(host="evil.example:5005")[0] == 400
    assert refused(host="127.0.0.1.evil.example")[0] == 400
    assert refused(host="") is None  # no browser sends no Host: a balancer's health check
    hosts = http_guard.allowed_hosts({"RUSTPUNT_ALLOWED_HOSTS": "rasa1, Balancer.local"})
    assert http_guard.refusal("GET", {"host": "balancer.local:80"}, hosts, ORIGINS) is None


def test_cross_site_requests_are_refused():
    assert refused(origin="http://evil.example")[0] == 403
    assert refused(origin="null")[0] == 403
    assert refused(sec_fetch_site="cross-site")[0] == 403
    assert refused(content_type="text/plain")[0] == 415
    assert refused(content_type="application/x-www-form-urlencoded")[0] == 415
    origins = http_guard.allowed_origins({"RUSTPUNT_ALLOWED_ORIGINS": "http://localhost:8080/"})
    assert http_guard.refusal("POST", {"host": "localhost", "origin": "http://localhost:8080",
                                       "content-type": "application/json"}, HOSTS, origins) is None


def test_the_start_module_guards_the_rasa_app():
    import rasa.core.run

    app = rasa.core.run.configure_app(enable_api=False, port=free_port())
    assert app.ctx.rustpunt_guarded is True
    assert app.config.REQUEST_MAX_SIZE == http_guard.DEFAULT_MAX_REQUEST_BYTES


class _Headers(dict):
    def get(self, key, default=None):
        return super().get(key.lower(), default)


async def _through_guard(app, path, query=None, **headers):
    """What the guard answers for a POST to ``path`` of the Rasa app (None: the request goes on to Rasa)."""
    from types import SimpleNamespace

    request = SimpleNamespace(method="POST", path=path, args=query or {}, headers=_Headers(
        {"host": "127.0.0.1:5005", "content-type": "application/json", **headers}))
    for middleware in app.request_middleware:
        answer = await middleware(request)
        if answer is not None:
            return answer
    return None


async def test_the_rest_channel_answers_only_with_the_api_token(monkeypatch):
    """A user test: whoever knew (or guessed) a conversation id could continue that conversation over Rasa's REST
    channel and ask for its stored plan ("toon mijn plan"): Rasa's --auth-token guards its API, not its channels."""
    import rasa.core.run
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)  # several apps with Rasa's app name in one process

    from bot.rasa_runtime.rest_channel import RetrySafeRestInput

    app = rasa.core.run.configure_app([RetrySafeRestInput()], None, "geheim-token", enable_api=False,
                                      port=free_port())
    webhook = "/webhooks/rest/webhook"
    for query, headers in (({}, {}), ({"token": "fout"}, {}), ({}, {"authorization": "Bearer fout"})):
        answer = await _through_guard(app, webhook, query, **headers)
        assert answer is not None and answer.status == 401
        assert "RUSTPUNT_RASA_TOKEN" in json.loads(answer.body)["message"]
    assert await _through_guard(app, webhook, {"token": "geheim-token"}) is None
    assert await _through_guard(app, webhook, authorization="Bearer geheim-token") is None
    assert await _through_guard(app, "/") is None  # the health check stays open
    # a bare 'rasa run' by hand without a token is left as Rasa has it (its API is open then too)
    bare = rasa.core.run.configure_app([RetrySafeRestInput()], enable_api=False, port=free_port())
    assert await _through_guard(bare, webhook) is None


async def test_the_action_server_answers_only_rasa_with_the_token(monkeypatch):
    """A made-up tracker sent to the action server ran 'toon mijn plan' for any conversation id (or plan number), and
    rasa_sdk allows every browser origin: only Rasa, with the token, may run an action now."""
    import types

    from rasa_sdk import endpoint
    from sanic import Sanic

    monkeypatch.setattr(Sanic, "test_mode", True)
    app = http_guard.guard_action_app(endpoint.create_app(types.ModuleType("geen_acties")), "t0k")
    for query, headers in (({}, {}), ({"token": "fout"}, {}), ({}, {"authorization": "Bearer fout"})):
        answer = await _through_guard(app, "/webhook", query, **headers)
        assert answer is not None and answer.status == 401
    assert (await _through_guard(app, "/actions")).status == 401
    assert await _through_guard(app, "/webhook", authorization="Bearer t0k") is None
    assert await _through_guard(app, "/health") is None  # make run and the supervisor wait on it


def test_rasa_sends_the_token_to_the_action_server(monkeypatch):
    from rasa.core.utils import AvailableEndpoints

    from bot.paths import PROJECT_ROOT

    monkeypatch.setenv("RUSTPUNT_RASA_TOKEN", "t0k")
    endpoints = AvailableEndpoints.read_endpoints(str(PROJECT_ROOT / "endpoints.yml"))
    assert endpoints.action.headers["Authorization"] == "Bearer t0k"
    monkeypatch.delenv("RUSTPUNT_RASA_TOKEN")
    assert "Authorization" not in AvailableEndpoints.read_endpoints(str(PROJECT_ROOT / "endpoints.yml")).action.headers


async def test_rasa_shell_gets_a_token_of_its_own_and_its_console_sends_it(monkeypatch):
    from rasa.core.channels import console

    assert rasa_server.rasa_arguments(["shell", "-m", "models"], {"RUSTPUNT_RASA_TOKEN": "t0k"})[-1] == \
        "--auth-token=t0k"
    sent = {}

    async def record(**kwargs):
        sent.update(kwargs)

    monkeypatch.setitem(http_guard._INSTALLED, "record_messages", record)
    monkeypatch.setitem(http_guard._INSTALLED, "token", "t0k")
    await console.record_messages(sender_id="x", server_url="http://127.0.0.1:5006")
    assert sent["auth_token"] == "t0k"


def test_make_shell_and_the_tools_find_the_token_of_the_running_make_run(monkeypatch, tmp_path):
    monkeypatch.delenv("RUSTPUNT_RASA_TOKEN", raising=False)
    monkeypatch.setenv("RUSTPUNT_VAR_DIR", str(tmp_path))
    assert rasa_server.with_token("http://r/webhooks/rest/webhook") == "http://r/webhooks/rest/webhook"
    (tmp_path / rasa_server.TOKEN_FILE).write_text("uit-make-run\n")
    assert rasa_server.with_token("http://r/webhooks/rest/webhook") == "http://r/webhooks/rest/webhook?token=uit-make-run"
    monkeypatch.setenv("RUSTPUNT_RASA_TOKEN", "uit-omgeving")
    assert rasa_server.running_token() == "uit-omgeving"


def test_start_module_token_stays_out_of_the_process_list_arguments():
    args = rasa_server.rasa_arguments(["run", "--enable-api"], {"RUSTPUNT_RASA_TOKEN": "geheim"})
    assert args[-1] == "--auth-token=geheim"


def test_a_token_that_starts_with_a_dash_reaches_rasa_intact():
    """secrets.token_urlsafe gives such a token about once in 64 starts; Rasa must not refuse to start."""
    import argparse

    from rasa.cli.arguments.run import add_server_arguments

    args = rasa_server.rasa_arguments(["run", "--enable-api"], {"RUSTPUNT_RASA_TOKEN": "-Ab_c9"})
    parser = argparse.ArgumentParser()
    add_server_arguments(parser)
    parsed, _ = parser.parse_known_args(args[1:])
    assert parsed.auth_token == "-Ab_c9"


def test_rasa_logs_never_show_typed_text():
    """Rasa's own log entries (structlog) keep what happened, never what was typed."""
    from rasa.utils import log_utils

    from bot.rasa_runtime import log_privacy

    log_privacy.install()
    event = {"event": "rest.message.received.failure", "text": "mijn zoon Jan de Vries", "sender_id": "abc"}
    cleaned = log_utils._anonymizer(None, "error", dict(event))
    assert cleaned["text"] == log_privacy.OMITTED
    assert cleaned["event"] == "rest.message.received.failure" and cleaned["sender_id"] == "abc"
    assert "Jan" not in repr(cleaned)


# --- model load ---------------------------------------------------------------------------------

def test_a_stored_model_is_built_eagerly_then_predicts_with_rasas_own_setting(monkeypatch):
    """The one build step runs eagerly (no trace of the training graph); the stored weights are read
    after it, and predictions use Rasa's configured setting again. Same answers: scripts/model_load_bench.py."""
    from rasa.utils.tensorflow import data_generator
    from rasa.utils.tensorflow.constants import RUN_EAGERLY
    from rasa.utils.tensorflow.models import RasaModel

    from bot.rasa_runtime import model_load

    assert RasaModel.load.__func__ is model_load.load
    calls = []

    class Model:
        run_eagerly = None

        def __init__(self, *args, **kwargs):
            calls.append(("new", kwargs["config"]))

        def compile(self, optimizer, run_eagerly):
            self.run_eagerly = run_eagerly

        def fit(self, batches, verbose):
            calls.append(("build step", batches, self.run_eagerly))

        def load_weights(self, name):
            calls.append(("weights", name, self.run_eagerly))

        def run_inference(self, example):
            calls.append(("first prediction", example, self.run_eagerly))

    monkeypatch.setattr(data_generator, "RasaBatchDataGenerator", lambda data, batch_size: (data, batch_size))
    for configured in (None, True):
        calls.clear()
        model = model_load.load(Model, "weights.tf", "example", "predict example", config={RUN_EAGERLY: configured})
        assert calls == [("new", {RUN_EAGERLY: configured}), ("build step", ("example", 1), True),
                         ("weights", "weights.tf", configured), ("first prediction", "predict example", configured)]
        assert model.run_eagerly is configured
    calls.clear()
    model_load.load(Model, "weights.tf", "example", "predict example", finetune_mode=True, config={})
    assert [c[0] for c in calls] == ["new", "build step", "weights"]  # fine-tuning: no prediction, as in Rasa


def test_rasa_does_not_start_with_debug_logs_unless_asked_for_on_purpose():
    """DEBUG logs carry what users typed: the start module refuses them without RUSTPUNT_DEBUG_LOGS=ja."""
    assert rasa_server.debug_refusal(["run", "--enable-api"], {}) is None
    assert "RUSTPUNT_DEBUG_LOGS=ja" in rasa_server.debug_refusal(["run", "--debug"], {})
    assert rasa_server.debug_refusal(["shell", "-vv"], {}) is not None
    assert rasa_server.debug_refusal(["run"], {"LOG_LEVEL": "debug"}) is not None
    assert rasa_server.debug_refusal(["run", "--debug"], {"RUSTPUNT_DEBUG_LOGS": "ja"}) is None
    with pytest.raises(SystemExit) as stopped:
        rasa_server.main(["run", "--debug"])
    assert stopped.value.code == 2


# --- the stop intent --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "stop", "Stop!", "ik wil stoppen", "laat maar, ik wil stoppen", "ik ga stoppen met het gesprek, doei",
    "stop met het rollenspel", "ik wil stoppen met oefenen", "kappen hiermee", "stoppen met deze intake",
])
def test_a_request_to_stop_rustpunt_is_a_stop_request(text):
    from bot.commands import is_stop_request

    assert is_stop_request(text)


@pytest.mark.parametrize("text", [
    "zoon 16 wil stoppen met school, Huizen",  # a user test: this ended in "Goed, ik ben gestopt"
    "Vleuten jongen 17 wil stoppen met school en werken",
    "ik wil dat jullie stoppen met ruzie maken",  # a role-play turn to two parents
    "moeder is gestopt met haar medicijnen, dochter van 12 in Bussum",
    "vader wil stoppen met de omgangsregeling en de kinderen niet meer zien, wat kan ik hem aanraden in Laren",
])
def test_stopping_something_in_the_familys_life_is_not_a_stop_request(text):
    from bot.commands import is_stop_request

    assert not is_stop_request(text)


def test_the_stop_intent_gives_way_to_the_next_intent_when_the_message_does_not_ask_to_stop():
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "stop", "confidence": 0.7}, {"name": "kaart_zoeken", "confidence": 0.2},
               {"name": "greet", "confidence": 0.1}]
    about_school = Message(data={"text": "zoon 16 wil stoppen met school, Huizen", "intent": ranking[0],
                                 "intent_ranking": list(ranking)})
    stop = Message(data={"text": "ik wil stoppen", "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([about_school, stop])
    assert about_school.get("intent")["name"] == "kaart_zoeken"  # the fallback classifier then judges 0.2
    assert [r["name"] for r in about_school.get("intent_ranking")] == ["kaart_zoeken", "greet"]
    assert stop.get("intent")["name"] == "stop"


def test_the_stop_guard_sits_between_the_intent_classifier_and_the_fallback():
    import yaml

    from tests.e2e.conftest import ROOT

    names = [c["name"] for c in yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]]
    guard = names.index("bot.rasa_runtime.command_guard.CommandIntentGuard")
    assert names.index("DIETClassifier") < guard < names.index("FallbackClassifier")


@pytest.mark.parametrize("text", ["vergeet mij", "vergeet alles wat ik over mevrouw de Wit heb ingetypt alsjeblieft"])
def test_a_request_to_forget_goes_to_the_fallbacks_explanation_whatever_the_model_guessed(text):
    # a user test: these got the menu ("Ik kan vijf dingen") or "Sorry, dat begreep ik niet goed"
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "menu", "confidence": 0.8}, {"name": "help", "confidence": 0.2}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}
    assert [r["name"] for r in message.get("intent_ranking")] == ["nlu_fallback", "menu", "help"]


def test_a_message_in_another_language_goes_to_the_fallback_and_a_short_or_dutch_one_does_not():
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    def intent_after(text):
        message = Message(data={"text": text, "intent": {"name": "greet", "confidence": 0.9},
                                "intent_ranking": [{"name": "greet", "confidence": 0.9}]})
        CommandIntentGuard().process([message])
        return message.get("intent")["name"]

    assert intent_after("Hi, I have a mother on the phone, can you help me?") == "nlu_fallback"
    assert intent_after("ok thanks") == "greet"
    # Dutch: no fallback; someone on the line opens an intake whatever the model read (session 22)
    assert intent_after("Hoi, ik heb een moeder aan de lijn") == "start_vraagverheldering"


@pytest.mark.parametrize("text, guessed", [("zoon 15", "out_of_scope"), ("meisje 14", "voorbereiden_info"),
                                           ("Kind van 8 jaar", "out_of_scope"), ("15-jarige jongen", "greet")])
def test_a_child_and_an_age_alone_start_a_kaart_question_whatever_the_model_guessed(text, guessed):
    # a user test: "zoon 15" got "Daar kan ik je helaas niet mee helpen" (out of scope) where "dochter 13" started
    # the kaart, which asks for the problem and the place
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": guessed, "confidence": 0.8}, {"name": "kaart_zoek", "confidence": 0.1}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent") == {"name": "kaart_zoek", "confidence": 1.0}
    assert [r["name"] for r in message.get("intent_ranking")] == ["kaart_zoek", guessed]


@pytest.mark.parametrize("text", ["zoon 15 spijbelt al weken", "ik heb een zoon van 15 en een dochter van 9", "stop"])
def test_a_message_that_says_more_than_a_child_and_an_age_keeps_its_intent(text):
    from rasa.shared.nlu.training_data.message import Message

    from bot.rasa_runtime.command_guard import CommandIntentGuard

    ranking = [{"name": "stop" if text == "stop" else "out_of_scope", "confidence": 0.8}]
    message = Message(data={"text": text, "intent": ranking[0], "intent_ranking": list(ranking)})
    CommandIntentGuard().process([message])
    assert message.get("intent")["name"] == ranking[0]["name"]
