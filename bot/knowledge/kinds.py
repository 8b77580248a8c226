"""The registry of knowledge kinds: the value of ``soort:`` in a YAML file -> its pydantic model.

Each capability defines its models in ``bot/<capability>/models.py`` and adds its kinds here, and
nowhere else. Capability models import ``bot.knowledge.base`` and ``bot.knowledge.problem``, never
this module or the loader, so there is no import cycle.
"""
from __future__ import annotations

from typing import Dict, Type

from bot.intake.models import IntakePlan, IntakeRouteregel, IntakeSignaal, Vragenset
from bot.kaart.models import (
    KaartDienst,
    KaartDoelgroepwoorden,
    KaartOntbrekend,
    KaartOrganisatie,
    KaartOudeNaam,
    KaartPlaats,
    KaartProbleemwoorden,
    KaartTestvraag,
    KaartToetsvraag,
)
from bot.knowledge.base import Entry
from bot.knowledge.texts import ChatText
from bot.roleplay.models import OordeelVoorbeelden, Scenario, Zet
from bot.roles.models import Driehoek, Hulpmiddel, Rol, RolSignaal, RolVoorbeelden
from bot.steps.models import JouwRol, MethodeOnderwerp, Stap, StapVoorbeelden, Valkuil, ValkuilVorm

KINDS: Dict[str, Type[Entry]] = {
    # six steps (knowledge/stappen/)
    "stap": Stap,
    "valkuil": Valkuil,
    "valkuil_vorm": ValkuilVorm,
    "jouw_rol": JouwRol,
    "methode_onderwerp": MethodeOnderwerp,
    "stap_voorbeelden": StapVoorbeelden,
    "stap_tekst": ChatText,
    # drama and winner's triangle (knowledge/rollen/)
    "rol": Rol,
    "driehoek": Driehoek,
    "hulpmiddel": Hulpmiddel,
    "rol_signaal": RolSignaal,
    "rol_voorbeelden": RolVoorbeelden,
    "rol_tekst": ChatText,
    # role-play (knowledge/scenarios/)
    "scenario": Scenario,
    "rollenspel_zet": Zet,
    "rollenspel_tekst": ChatText,
    "oordeel_voorbeelden": OordeelVoorbeelden,
    # sociale kaart (knowledge/sociale_kaart/)
    "kaart_organisatie": KaartOrganisatie,
    "kaart_dienst": KaartDienst,
    "kaart_testvraag": KaartTestvraag,
    "kaart_toetsvraag": KaartToetsvraag,
    "kaart_plaats": KaartPlaats,
    "kaart_probleemwoorden": KaartProbleemwoorden,
    "kaart_doelgroepwoorden": KaartDoelgroepwoorden,
    "kaart_ontbrekend": KaartOntbrekend,
    "kaart_oude_naam": KaartOudeNaam,
    # vraagverheldering (knowledge/vraagverheldering/)
    "vragenset": Vragenset,
    "intake_signaal": IntakeSignaal,
    "intake_routeregel": IntakeRouteregel,
    "intake_plan": IntakePlan,
    "intake_tekst": ChatText,
}


def registry() -> Dict[str, Type[Entry]]:
    """Map every ``soort`` name to its pydantic model (a copy)."""
    return dict(KINDS)
