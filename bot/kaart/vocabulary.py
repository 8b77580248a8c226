"""The controlled vocabularies of the sociale kaart, in one place.

Themes, target groups, access routes and service areas are closed lists: the models reject
anything else, the query parser maps free Dutch text onto them, the HSDS export writes them as
taxonomy terms. Labels are the Dutch words a professional reads.

Service areas: the seven municipalities of regio Gooi en Vechtstreek plus Utrecht (with the wijk
Vleuten-De Meern). The sources name Gooise Meren, Hilversum, Huizen, Wijdemeren, Laren and Eemnes
and the "HBEL" (Huizen, Blaricum, Eemnes, Laren); Weesp is not part of the region (it joined
Amsterdam in 2022 and the sources never mention it). Which village lies in which municipality
(Bussum in Gooise Meren, Loosdrecht in Wijdemeren, ...) is geography, listed in ``KERNEN``; the
sources themselves name Loosdrecht, Kortenhoef, 's-Graveland and Nederhorst for Wijdemeren.
"""
from __future__ import annotations

from typing import Dict, FrozenSet, Tuple

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
    "hbel": ("de HBEL-gemeenten (Huizen, Blaricum, Eemnes, Laren)", frozenset({"huizen", "blaricum", "eemnes", "laren"})),
    "landelijk": ("heel Nederland", frozenset(GEMEENTEN)),
}

WERKGEBIEDEN: Dict[str, str] = {**GEMEENTEN, **{code: label for code, (label, _) in REGIOS.items()}}

# A wijk inside a municipality: a service for the whole municipality also serves the wijk.
DEEL_VAN: Dict[str, str] = {"vleuten": "utrecht"}

# Place names (lower case, no accents) -> municipality code. Municipality names themselves included.
KERNEN: Dict[str, str] = {
    "blaricum": "blaricum",
    "eemnes": "eemnes",
    "gooise meren": "gooise_meren",
    "bussum": "gooise_meren",
    "naarden": "gooise_meren",
    "naarden vesting": "gooise_meren",
    "muiden": "gooise_meren",
    "muiderberg": "gooise_meren",
    "hilversum": "hilversum",
    "huizen": "huizen",
    "laren": "laren",
    "wijdemeren": "wijdemeren",
    "loosdrecht": "wijdemeren",
    "kortenhoef": "wijdemeren",
    "s-graveland": "wijdemeren",
    "s graveland": "wijdemeren",
    "'s-graveland": "wijdemeren",
    "s-gravenland": "wijdemeren",
    "nederhorst den berg": "wijdemeren",
    "nederhorst": "wijdemeren",
    "ankeveen": "wijdemeren",
    "breukeleveen": "wijdemeren",
    "utrecht": "utrecht",
    "leidsche rijn": "utrecht",
    "vleuten": "vleuten",
    "de meern": "vleuten",
    "vleuten-de meern": "vleuten",
    "vleuterweide": "vleuten",
    "haarzuilens": "vleuten",
}

# Well-known places outside the covered region (to say so instead of guessing).
BUITEN_REGIO: FrozenSet[str] = frozenset(
    {
        "amsterdam", "weesp", "almere", "amersfoort", "baarn", "soest", "zeist", "nieuwegein", "houten",
        "maarssen", "stichtse vecht", "breukelen", "de bilt", "bilthoven", "woerden", "ijsselstein",
        "rotterdam", "den haag", "haarlem", "leiden", "enschede", "almelo", "borne", "hengelo", "nijmegen",
        "arnhem", "eindhoven", "tilburg", "breda", "groningen", "zwolle", "apeldoorn", "lelystad",
        "zaandam", "purmerend", "amstelveen", "diemen", "haarlemmermeer", "hoofddorp", "gouda",
        "dordrecht", "maastricht", "den bosch", "s-hertogenbosch", "deventer", "alkmaar", "hoorn",
        "bunschoten", "spakenburg", "nijkerk", "leusden", "veenendaal", "ede", "wageningen", "culemborg",
        "vianen", "lopik", "montfoort", "oudewater", "de ronde venen", "mijdrecht", "abcoude", "ouder-amstel",
    }
)

THEMA_SET = frozenset(THEMAS)
DOELGROEP_SET = frozenset(DOELGROEPEN)
TOEGANG_SET = frozenset(TOEGANG)
WERKGEBIED_SET = frozenset(WERKGEBIEDEN)


def gemeenten_van(werkgebied_code: str) -> FrozenSet[str]:
    """The municipality codes a service-area code stands for."""
    if werkgebied_code in REGIOS:
        return REGIOS[werkgebied_code][1]
    return frozenset({werkgebied_code})


def regio_label_lijst() -> str:
    """'Blaricum, Eemnes, ...' for messages about what the kaart covers."""
    names = [GEMEENTEN[c] for c in sorted(REGIOS["gooi_en_vechtstreek"][1])]
    return ", ".join(names) + " (regio Gooi en Vechtstreek) en Utrecht met Vleuten-De Meern"
