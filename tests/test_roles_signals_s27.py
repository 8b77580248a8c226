"""Session 27: 'ik ... zelf ook' is an admission of one's own part only when it is one; 'ik zie/merk dat ik' is about
oneself ('ik merk dat ik' is the own part), not naming what one sees in the other
(``knowledge/rollen/signalen.yml``)."""
from __future__ import annotations

import pytest

from bot.roles.signals import find_signals

OWN_PART = "kwetsbaar-eigen-aandeel"
NAMES = "assertief-benoemt"


def _ids(text: str) -> set:
    return {hit.signaal_id for hit in find_signals(text)}


@pytest.mark.parametrize("text", [
    "Wat ik er zelf ook van vind, ze blijft gewoon zijn moeder.",
    "Hoe ik er zelf ook tegenaan kijk, de jongens willen hem zien.",
    "ik heb zelf ook drie kinderen hoor, ik weet hoe druk het is",
    "Ik ben zelf ook gescheiden, dus ik ken het.",
    "Ik scheld nooit op hun vader en ik doe dat zelf ook niet via de app.",
    "ik werk zelf ook fulltime, dus woensdag kan ik niet",
])
def test_zelf_ook_without_an_own_part_is_no_admission(text):
    assert OWN_PART not in _ids(text)


@pytest.mark.parametrize("text", [
    "Ik weet dat ik er zelf ook een aandeel in heb gehad.",
    "Eerlijk is eerlijk, ik ben zelf ook niet altijd even rustig gebleven.",
    "Ik heb zelf ook dingen geroepen die niet door de beugel konden.",
])
def test_zelf_ook_as_an_admission_still_counts(text):
    assert OWN_PART in _ids(text)


def test_seeing_something_in_oneself_is_the_own_part_not_naming_the_other():
    assert _ids("ik merk dat ik meteen in de verdediging schiet") >= {OWN_PART}
    assert NAMES not in _ids("Ik zie dat ik steeds harder ga praten als hij binnenkomt.")
    assert NAMES not in _ids("ik merk dat ik meteen in de verdediging schiet")
    assert NAMES in _ids("Ik zie dat de kinderen stil worden als jullie discussiëren.")
