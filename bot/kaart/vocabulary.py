"""The controlled vocabularies of the sociale kaart, in one place.

Themes, target groups, access routes and service areas are closed lists: the models reject
anything else, the query parser maps free Dutch text onto them, the HSDS export writes them as
taxonomy terms. Labels are the Dutch words a professional reads.

Service areas: the seven municipalities of regio Gooi en Vechtstreek plus Utrecht (with the wijk
Vleuten-De Meern). The sources name Gooise Meren, Hilversum, Huizen, Wijdemeren, Laren and Eemnes
and the "HBEL" (Huizen, Blaricum, Eemnes, Laren); Weesp is not part of the region (it joined
Amsterdam in 2022 and the sources never mention it). Which village or wijk lies in which
municipality (Bussum in Gooise Meren, Loosdrecht in Wijdemeren, Overvecht in Utrecht, ...) is
geography: it lives in the validated place table ``knowledge/sociale_kaart/plaatsen.yml`` and is
read by ``bot.kaart.places``.
"""
from __future__ import annotations

from typing import Dict, FrozenSet, Tuple

LEEFTIJD_MAX = 27  # the oldest age the kaart takes: its services for young people go up to young adults of 27

THEMAS: Dict[str, str] = {
    "scheiding": "scheiding",
    "schoolverzuim": "schoolverzuim en thuiszitten",
    "prestatiedruk": "prestatiedruk en schoolstress",
    "somberheid_angst": "somberheid, angst en stress",
    "psychisch": "psychische klachten",
    "opvoeding": "opvoeding",
    "ontwikkeling": "ontwikkeling en groei",
    "gedrag": "gedrag en conflicten",
    "veiligheid": "veiligheid en huiselijk geweld",
    "financien": "geldzaken en armoede",
    "verslaving": "alcohol, drugs en verslaving",
    "pesten": "pesten en social media",
    "leren": "leren, lezen en passend onderwijs",
    "vrije_tijd": "sport, cultuur en vrije tijd",
    "taal": "taal en nieuwkomers",
    "wonen_werk": "wonen, werk en opleiding",
    "gezondheid": "gezondheid, slaap en leefstijl",
    "seksualiteit": "relaties, seksualiteit en geaardheid",
    "criminaliteit": "criminaliteit en overlast",
    "jonge_kind": "gezinnen met jonge kinderen",
    "verblijf": "verblijf, pleegzorg en uithuisplaatsing",
    "vastgelopen_hulp": "vastgelopen of complexe hulp",
    "jeugdhulp": "gespecialiseerde jeugdhulp",
    "samenwerking": "samenwerking tussen professionals",
}

DOELGROEPEN: Dict[str, str] = {
    "jeugdige": "jeugdigen",
    "ouder": "ouders en opvoeders",
    "gezin": "het hele gezin",
    "school": "scholen en leerkrachten",
    "professional": "professionals",
}

TOEGANG: Dict[str, str] = {
    "direct": "zelf contact opnemen",
    "via_huisarts": "via de huisarts",
    "via_school": "via school",
    "via_buurtteam": "via het buurtteam",
    "via_jeugdconsulent": "via de jeugdconsulent van de gemeente",
    "via_professional": "alleen via een professional (consultatie of verwijzing)",
    "via_maatregel": (
        "alleen via een kinderbeschermingsmaatregel: de Raad voor de Kinderbescherming onderzoekt en de "
        "kinderrechter beslist (bijvoorbeeld een ondertoezichtstelling); een gezin of professional kan niet zelf "
        "aanmelden. Zorgen over veiligheid bespreek je met Veilig Thuis of het jeugdteam"
    ),
}

# A route as it is told to a caller who has it to hand (``Vraag.beller_route``: a gezinswerker of the buurtteam, a GP,
# a school's staff): "via het buurtteam" told to the buurtteam itself says nothing (a consultant's test of session 26).
EIGEN_TOEGANG: Dict[str, str] = {
    "via_buurtteam": "via het buurtteam (je eigen team: je kunt dit zelf inschakelen)",
    "via_huisarts": "via de huisarts (je eigen praktijk: je kunt dit zelf inschakelen)",
    "via_school": "via school (je eigen school: je kunt dit zelf inschakelen)",
}

# What an entry is. Only a "dienst" is an address a professional can refer a family to; the rest are
# named in the sources but are no referral (kept out of family questions unless asked for).
AARD: Dict[str, str] = {
    "dienst": "dienst of aanbod",
    "hulpmiddel": "hulpmiddel voor professionals, geen verwijsadres",
    "aanbeveling": "aanbeveling uit de bron: zo'n voorziening bestaat nog niet als vast aanbod",
    "pilot": "pilot op een beperkt aantal plekken, geen vast aanbod voor elk gezin",
    "project": "project of plan, geen verwijsadres",
    "onderzoek": "onderzoek of factsheet, geen verwijsadres",
    "leernetwerk": "leernetwerk voor professionals, geen verwijsadres",
}
# Words with which a professional asks for such entries on purpose.
AARD_VRAAGWOORDEN: Dict[str, Tuple[str, ...]] = {
    "hulpmiddel": ("hulpmiddel", "hulpmiddelen", "richtlijn", "handvat", "handvatten", "werkboek", "tool", "tools"),
    "aanbeveling": ("aanbeveling", "aanbevelingen", "advies team", "adviesteam"),
    "pilot": ("pilot", "pilots", "proef", "experiment"),
    "project": ("project", "projecten", "initiatief", "wijkaanpak"),
    "onderzoek": ("onderzoek", "factsheet", "rapport", "focusgroep"),
    "leernetwerk": ("leernetwerk", "leerbijeenkomst", "grondhouding", "intervisie"),
}

# School types: a service bound to a school gets the age range of its pupils.
SCHOOLTYPEN: Dict[str, Tuple[str, int, int]] = {
    "po": ("basisschool", 4, 12),
    "vo": ("middelbare school", 12, 18),
    "so": ("school voor speciaal onderwijs", 4, 12),
    "vso": ("school voor voortgezet speciaal onderwijs", 12, 20),
}

GEMEENTEN: Dict[str, str] = {
    "blaricum": "Blaricum",
    "eemnes": "Eemnes",
    "gooise_meren": "Gooise Meren",
    "hilversum": "Hilversum",
    "huizen": "Huizen",
    "laren": "Laren",
    "wijdemeren": "Wijdemeren",
    "utrecht": "Utrecht",
    "vleuten": "Vleuten-De Meern (Utrecht)",
}

# Codes that stand for several municipalities; "landelijk" covers every place.
REGIOS: Dict[str, Tuple[str, FrozenSet[str]]] = {
    "gooi_en_vechtstreek": (
        "regio Gooi en Vechtstreek",
        frozenset({"blaricum", "eemnes", "gooise_meren", "hilversum", "huizen", "laren", "wijdemeren"}),
    ),
    "hbel": (
        "de HBEL-gemeenten (Huizen, Blaricum, Eemnes, Laren)",
        frozenset({"huizen", "blaricum", "eemnes", "laren"}),
    ),
    "landelijk": ("heel Nederland", frozenset(GEMEENTEN)),
}

WERKGEBIEDEN: Dict[str, str] = {**GEMEENTEN, **{code: label for code, (label, _) in REGIOS.items()}}

# A wijk inside a municipality: a service for the whole municipality also serves the wijk.
DEEL_VAN: Dict[str, str] = {"vleuten": "utrecht"}

THEMA_SET = frozenset(THEMAS)
DOELGROEP_SET = frozenset(DOELGROEPEN)
TOEGANG_SET = frozenset(TOEGANG)
WERKGEBIED_SET = frozenset(WERKGEBIEDEN)
AARD_SET = frozenset(AARD)
SCHOOLTYPE_SET = frozenset(SCHOOLTYPEN)

# Kinds of place in the place table: a municipality, a village (kern) or a wijk inside one, a region
# name, or a known place outside the kaart.
PLAATS_SOORTEN: Dict[str, str] = {
    "gemeente": "gemeente",
    "kern": "dorp of kern",
    "wijk": "wijk",
    "regio": "regio",
    "buiten": "plaats buiten de sociale kaart",
    # a school the sources place in one municipality: a question that names only the school is about that place
    "school": "school",
}


def gemeenten_van(werkgebied_code: str) -> FrozenSet[str]:
    """The municipality codes a service-area code stands for."""
    if werkgebied_code in REGIOS:
        return REGIOS[werkgebied_code][1]
    return frozenset({werkgebied_code})


def regio_label_lijst() -> str:
    """'Blaricum, Eemnes, ...' for messages about what the kaart covers."""
    names = [GEMEENTEN[c] for c in sorted(REGIOS["gooi_en_vechtstreek"][1])]
    return ", ".join(names) + " (regio Gooi en Vechtstreek) en Utrecht met Vleuten-De Meern"
