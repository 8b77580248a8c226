"""What happens inside the Rasa server process, installed by ``python -m bot.rasa_server``.

- ``schema_check``: action-server responses are checked with a JSON-schema validator built once;
- ``message_limit``: messages over ``RUSTPUNT_MAX_MESSAGE`` characters are refused on every channel and
  cut in the NLU pipeline itself;
- ``outage``: an unreachable action server, tracker database or Redis is named in Dutch and the turn
  is not recorded, so no form or role-play is derailed;
- ``http_guard``: Rasa's HTTP server refuses foreign Origin and Host headers, cross-site content types
  and oversized requests; its channel webhooks and the action server answer only with the API token;
- ``log_privacy``: Rasa's log entries never carry what a user typed;
- ``lock_lease``: conversation locks in Redis are leases a live server renews, so a killed server's
  lock is gone within seconds instead of a minute;
- ``model_load``: a stored DIET model is built with one eager step instead of a traced one, so a
  start (and every ``rasa test``) loads the model in about a third of the time, with the same answers;
- ``rest_channel``: the REST channel named in credentials.yml (a Dutch 503 for a turn that was not
  stored, safe retries with ``message_id``); Rasa loads it by class name; its ``install()`` checks a retried
  message id again inside the conversation's lock (also called when Rasa builds the channel).

Each module has an ``install()`` that patches Rasa once; ``install_all()`` calls them all.
"""
from __future__ import annotations


def install_all() -> None:
    from bot.rasa_runtime import http_guard, lock_lease, log_privacy, model_load, outage, rest_channel, schema_check

    schema_check.install()
    outage.install()  # also applies the message-length bound of message_limit to every channel
    http_guard.install()
    log_privacy.install()
    lock_lease.install()
    model_load.install()
    rest_channel.install()
