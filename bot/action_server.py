"""Start the action server warm: ``python -m bot.action_server <rasa_sdk arguments>``.

Before the server takes its first request, everything a first reply would otherwise wait for is
loaded once: the knowledge files, the step, role and invitation recognisers stored in ``var/models/`` by
``rustpunt herkenners bouw`` (nothing trains here), the move classifier with its cue lexicon and the
masker (``bot.privacy.masking.warm_up``). With
``ACTION_SERVER_SANIC_WORKERS`` > 1 Sanic forks its workers after this, so each worker starts warm
and shares the loaded models copy-on-write. ``make run`` and the systemd unit start it this way.
With ``RUSTPUNT_RASA_TOKEN`` set, the server answers only requests that carry it (Rasa sends it; see
``bot.rasa_runtime.http_guard``): no other program on the machine, and no web page, can run an action. A failing
action answers Rasa and writes its log line without what was typed (``bot.rasa_runtime.log_privacy``). No debug logs
unless asked for on purpose (``--debug``, ``-vv`` or a shortening need ``RUSTPUNT_DEBUG_LOGS=ja``, as for Rasa,
``bot.rasa_server.debug_refusal``): at DEBUG rasa_sdk writes the contents of an event it ignores, with what was typed.
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Any, List, Optional

log = logging.getLogger(__name__)

DEFAULT_WORKERS = "2"  # this machine has two cores; one Rasa server uses the other part
DEBUG_REFUSAL = (
    "De actieserver start niet met debuglogs: daarin kan letterlijk staan wat ouders, kinderen en bellers typten "
    "(rasa_sdk schrijft dan onder meer de inhoud van gebeurtenissen met ingevulde antwoorden in het log). "
    "Alleen met verzonnen testgegevens: zet RUSTPUNT_DEBUG_LOGS=ja en start opnieuw."
)


def warm_up() -> float:
    """Load models and knowledge now; returns the seconds it took. Failures are logged, not fatal:
    the part that failed loads on first use, as before."""
    from bot.warm_up import run_parts

    return run_parts([
        ("knowledge", _knowledge),
        ("step and move classifiers", _moves),
        ("role classifier", _roles),
        ("masker", _masker),
    ], log)


def _knowledge() -> None:
    from bot.knowledge.loader import current_knowledge  # lazy: each warm-up part is timed on its own

    current_knowledge()


def _moves() -> None:
    from bot import recognisers
    from bot.roleplay.moves import default_classifier  # lazy: each warm-up part is timed on its own

    recognisers.warm_up()  # the stored step, role and invitation recognisers (built by `rustpunt herkenners bouw`)
    default_classifier()("Ik hoor dat u boos bent.")


def _roles() -> None:
    from bot.roles.classifier import get_classifier  # lazy: each warm-up part is timed on its own

    get_classifier().predict("Ik ben altijd de dupe van alles.")


def _masker() -> None:
    from bot.privacy.masking import warm_up  # lazy: each warm-up part is timed on its own

    warm_up()


def protect(app: Any, token: Optional[str] = None) -> Any:
    """rasa_sdk's app as Rustpunt runs it: only Rasa, with the token (``token``, else the one of the environment), may
    run an action (``http_guard``), and a failing action answers and logs without what was typed (``log_privacy``)."""
    from bot.rasa_runtime.http_guard import action_token, guard_action_app
    from bot.rasa_runtime.log_privacy import private_action_errors

    return private_action_errors(guard_action_app(app, token if token is not None else action_token()))


def main(argv: Optional[List[str]] = None) -> None:
    from bot.rasa_server import debug_refusal

    args = list(sys.argv[1:] if argv is None else argv)
    refusal = debug_refusal(args, refusal=DEBUG_REFUSAL)  # before the warm-up: a refusal comes at once
    if refusal:
        print(refusal, file=sys.stderr)
        raise SystemExit(2)
    os.umask(0o077)  # what the actions write (our database, exports) is private, also when started by hand
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s - %(message)s")
    os.environ.setdefault("ACTION_SERVER_SANIC_WORKERS", DEFAULT_WORKERS)
    seconds = warm_up()
    log.info("Warm-up done in %.1f s; starting the action server with %s worker(s)",
             seconds, os.environ["ACTION_SERVER_SANIC_WORKERS"])
    from rasa_sdk import endpoint
    from rasa_sdk.__main__ import main as sdk_main

    create_app = endpoint.create_app

    def create_guarded_app(*args, **kwargs):
        return protect(create_app(*args, **kwargs))

    endpoint.create_app = create_guarded_app
    sys.argv = [sys.argv[0]] + args
    sdk_main()
    # Sanic finished the open requests; skip Python's slow clean-up of the loaded models at exit, as Rasa does
    from bot.rasa_server import exit_after_run

    exit_after_run()


if __name__ == "__main__":
    main()
