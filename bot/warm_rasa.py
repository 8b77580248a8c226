"""Warm a freshly started Rasa server: ``python -m bot.warm_rasa http://127.0.0.1:5005``.

Rasa's language model (DIET on TensorFlow) builds its prediction graph on the first message it
parses, which made the first professional's reply after a start take seconds. This sends one
parse request (``/model/parse``, with the API token from RUSTPUNT_RASA_TOKEN): no conversation
is created and nothing is stored.
"""
from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

PHRASES = ["hallo", "ik wil oefenen", "Ik hoor dat u boos bent."]


def warm(base_url: str, token: str | None = None, tries: int = 3) -> float:
    """Parse a few phrases; returns the seconds it took (raises when Rasa does not answer)."""
    url = base_url.rstrip("/") + "/model/parse"
    if token:
        url += "?" + urllib.parse.urlencode({"token": token})
    began = time.perf_counter()
    for phrase in PHRASES:
        body = json.dumps({"text": phrase}).encode()
        request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
        for attempt in range(tries):
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    response.read()
                break
            except (urllib.error.URLError, OSError):
                if attempt == tries - 1:
                    raise
                time.sleep(1)
    return time.perf_counter() - began


if __name__ == "__main__":
    try:
        warm(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5005", os.environ.get("RUSTPUNT_RASA_TOKEN"))
    except (urllib.error.URLError, OSError) as exc:
        print(f"Opwarmen van Rasa lukte niet ({exc}); het eerste antwoord duurt dan wat langer.", file=sys.stderr)
        sys.exit(1)
