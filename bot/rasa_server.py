"""``python -m bot.rasa_server <rasa arguments>``: start Rasa the Rustpunt way.

Every Rasa process of the project (``make run``, ``make shell``, the tests, the multi-server set-up)
starts through this module instead of the bare ``rasa`` command, so the same protections apply
everywhere:

- files Rasa writes (tracker database, logs) are private to the user (``umask 077``);
- Rasa's telemetry is off;
- the HTTP API token comes from ``RUSTPUNT_RASA_TOKEN`` and is handed to Rasa inside the process,
  so it never shows up in the process list (``ps``) the way ``--auth-token`` on the command line would;
  the channel webhooks and the action server ask for the same token (``bot.rasa_runtime.http_guard``); ``rasa
  shell`` takes the token of the running ``make run`` (``var/rasa_token``) or one of its own, which its console
  sends along;
- the patches of ``bot.rasa_runtime`` are installed before Rasa starts: action responses checked
  with a prebuilt JSON-schema validator, a message-length bound on every channel, a Dutch message
  (and no lost or derailed turn) when the action server, database or Redis is down, and an HTTP
  server that refuses foreign Host/Origin headers, cross-site content types and oversized requests;
- no DEBUG logging unless asked for on purpose: at DEBUG Rasa's plain Python logging writes what users typed
  (``--debug``, ``-vv`` or ``LOG_LEVEL=DEBUG`` need ``RUSTPUNT_DEBUG_LOGS=ja``);
- a quick stop (:func:`exit_after_run`): on SIGTERM or Ctrl-C Sanic finishes the requests that are open and Rasa
  closes its stores; then the process ends at once, without Python's own clean-up of the loaded models.
"""
from __future__ import annotations

import os
import secrets
import sys
from typing import List, Mapping, Optional

TOKEN_ENV = "RUSTPUNT_RASA_TOKEN"
TOKEN_FILE = "rasa_token"  # in the data folder (0600): the token of the running 'make run', for 'make shell' and tools
DEBUG_ENV = "RUSTPUNT_DEBUG_LOGS"
DEBUG_FLAGS = frozenset({"--debug", "-vv"})
NO_TOKEN_WARNING = (
    "Let op: RUSTPUNT_RASA_TOKEN is niet gezet, dus Rasa's HTTP-API en het REST-kanaal antwoorden iedereen op deze "
    "machine die een gespreks-id kent. 'make run' zet een token; zet het zelf als je Rasa los start."
)
DEBUG_REFUSAL = (
    "Rasa start niet met debuglogs: die bevatten letterlijk wat ouders, kinderen en bellers typten. "
    "Alleen met verzonnen testgegevens: zet RUSTPUNT_DEBUG_LOGS=ja en start opnieuw."
)


def prepare_environment() -> None:
    """Private files and no telemetry; call before Rasa is imported."""
    os.umask(0o077)
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"


def rasa_arguments(argv: List[str], env: Optional[Mapping[str, str]] = None) -> List[str]:
    """``argv`` plus ``--auth-token`` from the environment for ``run`` and ``shell``."""
    env = os.environ if env is None else env
    token = (env.get(TOKEN_ENV) or "").strip()
    args = list(argv)
    given = any(a == "--auth-token" or a.startswith("--auth-token=") for a in args)
    if args[:1] in (["run"], ["shell"]) and not given and token:
        args.append(f"--auth-token={token}")  # one argument: a token may start with '-' (token_urlsafe)
    return args


def running_token(env: Optional[Mapping[str, str]] = None) -> str:
    """``RUSTPUNT_RASA_TOKEN``, else the token ``make run`` wrote for this user in the data folder, else ''.
    The file is as private as the databases next to it: whoever can read it can read the conversations anyway."""
    env = os.environ if env is None else env
    token = (env.get(TOKEN_ENV) or "").strip()
    if token:
        return token
    from bot.paths import var_dir

    try:
        return (var_dir() / TOKEN_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def with_token(url: str, token: Optional[str] = None, env: Optional[Mapping[str, str]] = None) -> str:
    """``url`` with ``token=`` (``token``, else :func:`running_token`) added to its query, when there is a token:
    what a client of Rasa's API or channel webhooks sends (``bot.rasa_runtime.http_guard``)."""
    token = (token if token is not None else running_token(env)).strip()
    if not token:
        return url
    from urllib.parse import urlencode

    return url + ("&" if "?" in url else "?") + urlencode({"token": token})


def debug_refusal(argv: List[str], env: Optional[Mapping[str, str]] = None,
                  refusal: str = DEBUG_REFUSAL) -> Optional[str]:
    """The Dutch ``refusal`` when ``argv`` or ``LOG_LEVEL`` asks for DEBUG logs without ``RUSTPUNT_DEBUG_LOGS=ja``.
    Shared by Rasa (here) and the action server (``bot.action_server``, with its own wording): rasa_sdk takes the same
    ``--debug``/``-vv`` flags and their shortenings."""
    env = os.environ if env is None else env
    if (env.get(DEBUG_ENV) or "").strip().lower() == "ja":
        return None
    asked = any(_asks_debug(arg) for arg in argv) or (env.get("LOG_LEVEL") or "").strip().upper() == "DEBUG"
    return refusal if asked else None


def _asks_debug(arg: str) -> bool:
    """``arg`` is one of :data:`DEBUG_FLAGS`, or a shortening of ``--debug`` that Rasa's argument parser takes for it
    (session 29: ``run --deb`` and ``run --d`` started Rasa with debug logs, past this check)."""
    return arg in DEBUG_FLAGS or len(arg) >= 3 and arg.startswith("--") and "--debug".startswith(arg)


def main(argv: Optional[List[str]] = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    refusal = debug_refusal(argv)
    if refusal:
        print(refusal, file=sys.stderr)
        raise SystemExit(2)
    prepare_environment()
    if argv[:1] == ["shell"] and not (os.environ.get(TOKEN_ENV) or "").strip():
        # the token of the running 'make run' (its action server asks for it), else one for this session only;
        # the console sends it along
        os.environ[TOKEN_ENV] = running_token() or secrets.token_urlsafe(32)
    if argv[:1] == ["run"] and not (os.environ.get(TOKEN_ENV) or "").strip():
        print(NO_TOKEN_WARNING, file=sys.stderr)
    args = rasa_arguments(argv)
    sys.argv = ["rasa", *args]
    from bot.rasa_runtime import install_all

    install_all()
    from rasa.__main__ import main as rasa_main

    try:
        rasa_main()
    except SystemExit as exc:
        if args[:1] == ["run"] and exc.code in (None, 0):
            exit_after_run()
        raise
    if args[:1] == ["run"]:
        exit_after_run()


def exit_after_run() -> None:
    """End the process now that ``rasa run`` returned. By then Sanic has stopped taking requests and finished the open
    ones (it waits up to its GRACEFUL_SHUTDOWN_TIMEOUT), and Rasa's ``after_server_stop`` listener closed its stores:
    every turn that got an answer is stored. What was left was Python's clean-up at exit, collecting the loaded
    TensorFlow and spaCy models object by object: 9-11 s of every cluster stop (``faulthandler`` during the stop
    showed only "Garbage-collecting", no Python frame; session 29). Neither Rasa nor Rustpunt registers an ``atexit``
    task; the log handlers and the standard streams are flushed first."""
    import logging

    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(0)


if __name__ == "__main__":
    main()
