"""All knowledge kinds: ``soort`` name in a YAML file -> pydantic model.

Each capability defines its models in its own package and adds one line here.
"""
from __future__ import annotations

from typing import Dict, Type

from bot.knowledge.base import Entry
from bot.knowledge.texts import ChatText

KINDS: Dict[str, Type[Entry]] = {}
from bot.steps.models import JouwRol, Stap, StapTekst, StapVoorbeelden, Valkuil  # noqa: E402
KINDS.update({"stap": Stap, "valkuil": Valkuil, "jouw_rol": JouwRol, "stap_voorbeelden": StapVoorbeelden, "stap_tekst": StapTekst})
from bot.roles.models import Driehoek, Hulpmiddel, Rol, RolSignaal, RolVoorbeelden  # noqa: E402
KINDS.update({"rol": Rol, "driehoek": Driehoek, "hulpmiddel": Hulpmiddel, "rol_signaal": RolSignaal, "rol_voorbeelden": RolVoorbeelden, "rol_tekst": ChatText})
from bot.roleplay.models import Scenario, Zet  # noqa: E402
KINDS.update({"scenario": Scenario, "rollenspel_zet": Zet, "rollenspel_tekst": ChatText})
from bot.kaart.models import KaartDienst, KaartOrganisatie, KaartTestvraag  # noqa: E402
KINDS.update({"kaart_organisatie": KaartOrganisatie, "kaart_dienst": KaartDienst, "kaart_testvraag": KaartTestvraag})
from bot.intake.models import IntakePlan, IntakeRouteregel, IntakeSignaal, Vragenset  # noqa: E402
KINDS.update({"vragenset": Vragenset, "intake_signaal": IntakeSignaal, "intake_routeregel": IntakeRouteregel, "intake_plan": IntakePlan, "intake_tekst": ChatText})
