"""What the privacy hunts through the real servers share (tests/e2e/test_privacy_hunt_s28.py and _s29.py): a chat
played line by line, a role-play played after choosing the first scenario, and the search of folders for typed
details."""
from __future__ import annotations

from pathlib import Path
from typing import Any, List

from tests.e2e.test_privacy_e2e import Chat


def chat(stack: Any, lines: List[str]) -> Chat:
    """A new conversation through Rasa's channel that says ``lines`` one after the other."""
    talk = Chat(stack.rasa_url, stack.rasa_token)
    for line in lines:
        talk.say(line)
    return talk


def practise(stack: Any, lines: List[str]) -> Chat:
    """A new conversation that starts a role-play with the first scenario offered and then says ``lines``."""
    practice = Chat(stack.rasa_url, stack.rasa_token)
    replies = practice.say("ik wil oefenen")
    buttons = [button for reply in replies for button in (reply.get("buttons") or [])]
    assert buttons, practice.transcript()
    practice.say(buttons[0]["payload"])
    for line in lines:
        practice.say(line)
    return practice


def found(folders: List[Path], pieces: List[str], only=lambda path: True) -> List[str]:
    """Each file under ``folders`` (that ``only`` accepts) with each of ``pieces`` in it, ignoring case."""
    hits = []
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and only(path):
                data = path.read_bytes().lower()
                hits += [f"{path}: {piece!r}" for piece in pieces if piece.encode() in data]
    return hits
