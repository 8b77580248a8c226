"""The status words of stored records and running forms, one definition for every capability.

They are stored in ``records.status``, in slots and in the intake state, and shown in Dutch on the
trainers' page and in the CLI, so the values are the Dutch words themselves.
"""
from __future__ import annotations

BUSY = "bezig"  # a preparation, intake, quiz or role-play that is still running
DONE = "klaar"  # finished normally (a plan, a quiz, an intake, a handled call-back)
STOPPED = "gestopt"  # the professional stopped it
OPEN = "open"  # a call-back request nobody has handled yet
GOOD = "goed"  # a role-play that ended well
BAD = "slecht"  # a role-play that went wrong
DRAFT = "concept"  # contact details kept for a call-back that is not registered yet
SAVED = "opgeslagen"  # an intake summary

# How a role-play session ended, in words for trainers (group page, trainers' page, `rustpunt rapport`)
ENDING_NAMES = {GOOD: "goed afgelopen", BAD: "misgelopen", STOPPED: "gestopt", BUSY: "nog bezig"}
