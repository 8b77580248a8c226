"""``python -m bot.rasa_server <rasa arguments>``: start Rasa the Rustpunt way.

Every Rasa process of the project (``make run``, ``make shell``, the tests, the multi-server set-up)
starts through this module instead of the bare ``rasa`` command, so the same protections apply
everywhere:

- files Rasa writes (tracker database, logs) are private to the user (``umask 077``);
- Rasa's telemetry is off;
- the HTTP API token comes from ``RUSTPUNT_RASA_TOKEN`` and is handed to Rasa inside the process,
  so it never shows up in the process list (``ps``) the way ``--auth-token`` on the command line would;
- the patches of ``bot.rasa_runtime`` are installed before Rasa starts: action responses checked
  with a prebuilt JSON-schema validator, a message-length bound on every channel, a Dutch message
  (and no lost or derailed turn) when the action server, database or Redis is down, and an HTTP
  server that refuses foreign Host/Origin headers, cross-site content types and oversized requests;
- no DEBUG logging unless asked for on purpose: at DEBUG Rasa's plain Python logging writes what users typed
  (``--debug``, ``-vv`` or ``LOG_LEVEL=DEBUG`` need ``RUSTPUNT_DEBUG_LOGS=ja``).
"""
from __future__ import annotations

import os
import sys
from typing import List, Mapping, Optional

TOKEN_ENV = "RUSTPUNT_RASA_TOKEN"
DEBUG_ENV = "RUSTPUNT_DEBUG_LOGS"
DEBUG_FLAGS = frozenset({"--debug", "-vv"})
DEBUG_REFUSAL = (
    "Rasa start niet met debuglogs: die bevatten letterlijk wat ouders, kinderen en bellers typten. "
    "Alleen met verzonnen testgegevens: zet RUSTPUNT_DEBUG_LOGS=ja en start opnieuw."
)


def prepare_environment() -> None:
    """Private files and no telemetry; call before Rasa is imported."""
    os.umask(0o077)
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"


def rasa_arguments(argv: List[str], env: Optional[Mapping[str, str]] = None) -> List[str]:
    """``argv`` plus ``--auth-token`` from the environment for ``run`` when an API is enabled."""
    env = os.environ if env is None else env
    token = (env.get(TOKEN_ENV) or "").strip()
    args = list(argv)
    if args[:1] == ["run"] and not any(a == "--auth-token" or a.startswith("--auth-token=") for a in args) and token:
        args.append(f"--auth-token={token}")  # one argument: a token may start with '-' (token_urlsafe)
    return args


def debug_refusal(argv: List[str], env: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """The Dutch refusal when ``argv`` or ``LOG_LEVEL`` asks for DEBUG logs without ``RUSTPUNT_DEBUG_LOGS=ja``."""
    env = os.environ if env is None else env
    if (env.get(DEBUG_ENV) or "").strip().lower() == "ja":
        return None
    asked = DEBUG_FLAGS.intersection(argv) or (env.get("LOG_LEVEL") or "").strip().upper() == "DEBUG"
    return DEBUG_REFUSAL if asked else None


def main(argv: Optional[List[str]] = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    refusal = debug_refusal(argv)
    if refusal:
        print(refusal, file=sys.stderr)
        raise SystemExit(2)
    prepare_environment()
    args = rasa_arguments(argv)
    sys.argv = ["rasa", *args]
    from bot.rasa_runtime import install_all

    install_all()
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
