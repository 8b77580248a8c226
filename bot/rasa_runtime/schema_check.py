"""Check action-server responses with a JSON-schema validator built once.

Rasa's ``RemoteAction._validate_action_result`` calls ``jsonschema.validate(result, schema)``, which
checks the (large) events schema against the JSON-schema meta-schema on every call before it
checks the response. Under load this was about two thirds of the Rasa server's CPU (NOTES §6).
The replacement checks the schema once, keeps the validator, and refuses exactly what
``jsonschema.validate`` refuses, with the same error (``best_match``) and the same added hint.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional

_VALIDATOR: Dict[str, Any] = {}


def action_result_validator() -> Any:
    """The validator for Rasa's action-response schema; built (and the schema checked) once."""
    if "validator" not in _VALIDATOR:
        from jsonschema.validators import validator_for
        from rasa.core.actions.action import RemoteAction

        schema = RemoteAction.action_response_format_spec()
        cls = validator_for(schema)
        cls.check_schema(schema)
        _VALIDATOR["validator"] = cls(schema)
    return _VALIDATOR["validator"]


def validate_action_result(self: Any, result: Dict[str, Any]) -> bool:
    """Drop-in for ``RemoteAction._validate_action_result``: True, or raises ``ValidationError``."""
    from jsonschema import ValidationError, exceptions
    from rasa.shared.constants import DOCS_BASE_URL

    error: Optional[ValidationError] = exceptions.best_match(action_result_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = validate_action_result


def sample_action_result(turns: int = 6) -> Dict[str, Any]:
    """An action response the size of a role-play turn: slots, a bot message with JSON, buttons."""
    events: List[Dict[str, Any]] = [{"event": "slot", "name": f"slot_{i}", "value": f"waarde {i}", "timestamp": None}
              for i in range(turns)]
    events.append({"event": "bot", "text": "Ik hoor wat je zegt.", "data": {"custom": {"spanning": 6}}})
    events.append({"event": "active_loop", "name": "rollenspel_form"})
    responses = [{"text": "Ik hoor wat je zegt.", "buttons": [{"title": "Stop", "payload": "/stop"}]},
                 {"custom": {"soort": "rollenspel_beurt", "spanning": 6, "beurt": 3}}]
    return {"events": events, "responses": responses}


def benchmark(rounds: int = 200, result: Optional[Dict[str, Any]] = None) -> Dict[str, float]:
    """CPU milliseconds per validation of one action response: ``jsonschema.validate`` (Rasa's way)
    against the prebuilt validator, in the same run (CPU time: steady on a shared machine)."""
    import time

    import jsonschema
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    result = sample_action_result() if result is None else result
    action_result_validator()  # built once, as in the server

    def per_call(check: Any, n: int) -> float:
        start = time.process_time()
        for _ in range(n):
            check()
        return (time.process_time() - start) * 1000 / n

    slow_rounds = max(5, rounds // 10)
    per_call(lambda: jsonschema.validate(result, schema), 2)  # warm up
    before = per_call(lambda: jsonschema.validate(result, schema), slow_rounds)
    after = per_call(lambda: validate_action_result(None, result), rounds)
    return {"voor_ms": before, "na_ms": after, "factor": before / after if after else float("inf"),
            "rondes_voor": slow_rounds, "rondes_na": rounds}
