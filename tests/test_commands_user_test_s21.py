"""Session-21 user test: what someone else wants stored or not ("vader wil niet dat ik dit vastleg") is something the
caller tells, not a request of the professional not to store this conversation; the professional's own requests stay
recognised (the sets of session 20 in tests/test_commands_user_test_s20.py)."""
from __future__ import annotations

import pytest

from bot import commands
from bot.intake.session import Intake
from bot.knowledge.loader import get_knowledge
from tests.test_commands_user_test_s20 import FORGET, FORGET_IN_OTHER_WORDS

SOMEONE_ELSE = [
    "vader wil niet dat ik dit vastleg",
    "moeder wil niet dat dit bewaard wordt",
    "hij wil niet dat we dit vastleggen",
    "de vader wil niet dat dit opgeslagen wordt",
    "ze wil niet dat dit bewaard wordt, ze is bang dat haar ex het leest",
    "volgens moeder mag dit niet bewaard worden",
    "vader zegt dat ik dit niet mag bewaren",
    "vader zegt: sla dit niet op",
    "wil vader niet dat dit bewaard wordt",
]


@pytest.mark.parametrize("text", SOMEONE_ELSE)
def test_what_someone_else_wants_is_no_request_to_forget(text):
    assert not commands.is_forget_request(text) and not commands.is_forget_request(text, in_role_play=True)


@pytest.mark.parametrize("text", SOMEONE_ELSE[:3])
def test_in_the_intake_what_the_father_wants_is_the_callers_answer(text):
    intake = Intake(get_knowledge())
    turn = intake.handle(intake.start().state, "moeder belt over haar zoon van 12, ze zijn gescheiden")
    turn = intake.handle(turn.state, text)
    assert turn.kind != "vergeten"


@pytest.mark.parametrize("text", FORGET + FORGET_IN_OTHER_WORDS + [
    "ik zou niet willen dat dit bewaard wordt", "moeder en ik willen niet dat dit bewaard wordt",
    "eh ik wil niet dat dit opgeslagen wordt", "ik wil niet dat je dit vastlegt",
])
def test_the_professionals_own_requests_stay_recognised(text):
    assert commands.is_forget_request(text)
