"""Dutch messages of the kaart that depend on data (place, theme, general route)."""
from __future__ import annotations

from typing import List, Optional, Sequence

from bot.kaart.vocabulary import LEEFTIJD_MAX, THEMAS, WERKGEBIEDEN, regio_label_lijst

LEGE_VRAAG = "Typ een vraag, bijvoorbeeld: 'moeder uit Hilversum, zoon van 15 gaat niet meer naar school'."
ZONDER_PLAATS = "Je noemde geen gemeente; ik zocht in de hele kaart. Noem de woonplaats voor een preciezer antwoord."
INGEKORT = "Je vraag was erg lang en is ingekort; ik heb alleen het begin gebruikt."
GEEN_CONTACT = ("contactgegevens staan niet in de sociale kaart: de bron noemt deze organisatie wel, maar geeft geen "
                "telefoonnummer, e-mailadres of website")
ROUTE_MAATREGEL = ("Weg naar jeugdbescherming: Veilig Thuis en de algemene ingang van de gemeente kunnen de Raad "
                   "voor de Kinderbescherming om onderzoek vragen; alleen de kinderrechter legt een maatregel op.")
GEEN_CONTACT_VEILIGHEID = ("Bij zorgen over de veiligheid van een kind volg je de meldcode van je eigen organisatie; "
                           "daarin staat hoe je Veilig Thuis bereikt.")


def ongeldige_leeftijd(value) -> str:
    return (f"De leeftijd '{str(value)[:20]}' kan ik niet gebruiken; geef een leeftijd van 0 tot en met "
            f"{LEEFTIJD_MAX} jaar.")


def onbekend_thema(value: str) -> str:
    return f"Het thema '{value}' ken ik niet. Kies uit: {', '.join(sorted(THEMAS))}."


def buiten_regio(place: str, ook: Optional[str] = None) -> str:
    """The place lies outside the kaart; ``ook``: a place of the kaart the question names too (where the child goes
    to school or someone works), which a follow-up can search. Both by their own names ('Weesp', not 'weesp')."""
    from bot.kaart.places import proper_name

    place, ook = proper_name(place), proper_name(ook) if ook else ook
    text = (f"'{place}' valt niet binnen de sociale kaart. De kaart dekt {regio_label_lijst()}. "
            "Zoek voor andere plaatsen in de sociale kaart van die gemeente.")
    if ook:
        text += (f" Je noemde ook {ook}, maar het gezin woont in {place}, en dat telt. Wil je toch de diensten in "
                 f"{ook} zien (bijvoorbeeld van de school), typ dan 'en in {ook}?'.")
    return text


# A question that names a street and no place (``places.noemt_straat``): Rustpunt knows no streets.
GEEN_PLAATS_HERKEND = "Ik herken geen plaats in je vraag: in welke gemeente of wijk woont het gezin?"


def alleen_landelijk(note: str, with_hits: bool) -> str:
    """``note`` (the place lies outside the kaart, or only a street was named) with what the search shows instead: only
    what is reachable everywhere in the Netherlands (``service_area.nationwide_allowed``), or nothing."""
    if with_hits:
        return note + " Hieronder staat alleen wat in heel Nederland bereikbaar is, waar het gezin ook woont."
    if note == GEEN_PLAATS_HERKEND:
        return note + " Dan zoek ik wat daar past."
    return note + " Landelijk bereikbare hulp voor deze vraag staat niet in de sociale kaart."


def alleen_elders(naam: str, waar: str, plaats: str, landelijk_nummer: Optional[str] = None) -> str:
    """A service the question names by its name exists in the kaart only in another place ("leerplicht bussum").
    ``landelijk_nummer``: the service's number reaches it everywhere in the Netherlands (Veilig Thuis, 0800-2000)."""
    if landelijk_nummer:
        return (f"{naam} is in heel Nederland bereikbaar via {landelijk_nummer}: dat landelijke nummer verbindt je met "
                f"{naam} in de regio. De sociale kaart beschrijft {naam} alleen voor {waar}; een adres in {plaats} "
                "staat er niet in.")
    return (f"{naam} staat in de sociale kaart alleen voor {waar}, niet voor {plaats}. Vraag de algemene ingang van "
            "de gemeente wie dat daar doet.")


def landelijk_bereikbaar(naam: str, nummer: str) -> str:
    """The reason of a service shown outside its werkgebied because its national number reaches it everywhere."""
    return (f"In heel Nederland bereikbaar via {nummer}: dat landelijke nummer verbindt je met {naam} in de regio van "
            "het gezin.")


def plaats_verbeterd(written: str, meant: str) -> str:
    return f"Ik las '{written[:60]}' als {meant}."


def plaats_van_school(school: str, gemeente: str) -> str:
    """A question that named a school and no place: the kaart searched where the school is."""
    return f"De school {school[:60]} staat in {gemeente}: ik zocht in {gemeente}."


def niet_getoond(names: List[str], projects: bool = False) -> str:
    """The entries kept out of the results; ``projects``: the question asked for pilots or projects, which it got, so
    it is not told to ask for them (a user test was)."""
    listed = ", ".join(names[:3]) + (" en meer" if len(names) > 3 else "")
    if projects:
        return (f"Niet getoond omdat het geen pilot of project is (maar bijvoorbeeld een aanbeveling of hulpmiddel): "
                f"{listed}.")
    return (f"Niet getoond omdat het geen verwijsadres voor een gezin is (pilot, project, aanbeveling of "
            f"hulpmiddel): {listed}. Vraag er gericht naar als je ze wilt zien, bijvoorbeeld met 'pilot', 'project' of "
            f"'richtlijn'.")


# What help for the parent's own problem is, per theme, as an example in ``ouder_zelf``
PARENT_HELP = {
    "financien": "schuldhulp",
    "verslaving": "verslavingszorg",
    "somberheid_angst": "hulp bij eigen psychische klachten, zoals een depressie",
    "psychisch": "hulp bij eigen psychische klachten, zoals een depressie",
    "wonen_werk": "hulp bij wonen of werk",
}


# A parent's own matter that no huisarts or municipal entrance refers the parent for: a father in prison or one who
# offends is the family's situation, which the kaart's services for the family help with (a second-round user test of
# session 22); no note on the parent's own help.
NO_PARENT_REFERRAL = frozenset({"criminaliteit"})


def ouder_zelf(themas: List[str], kinderen: bool = False) -> str:
    """The question is about a parent's own problem (debts, addiction, her own depression): say what the kaart covers
    and who refers the parent further; a user test asked about a depressed mother and read only parenting support,
    with no word of help for the mother herself. ``kinderen``: the question names the children too, so it is not
    only about the parent (a user test of session 22 read "Je vraag gaat over een probleem van de ouder zelf" for
    "vader drinkt te veel, kinderen 6 en 8"): the services below are for the family, and a word on the parent's own
    help follows. Examples only of the parent's own themes (a user test read "schuldhulp of verslavingszorg" for an
    ex at the door)."""
    about = "; ".join(THEMAS[t] for t in themas[:3])
    examples = list(dict.fromkeys(PARENT_HELP[t] for t in themas if t in PARENT_HELP))
    such_as = f" (bijvoorbeeld {' of '.join(examples[:2])})" if examples else ""
    if kinderen:
        such = f", zoals {' of '.join(examples[:2])}," if examples else ""
        return (f"Hulp voor de ouder zelf bij {about}{such} staat niet in de sociale kaart; daarvoor kunnen de "
                "huisarts van de ouder en de algemene ingang van de gemeente verder verwijzen.")
    return (
        f"Je vraag gaat over een probleem van de ouder zelf ({about}). De sociale kaart beschrijft hulp rond "
        "jeugd en gezin: diensten voor ouders staan voor diensten voor jongeren, en hulp voor de ouder zelf staat "
        f"er niet in. Voor hulp aan de ouder zelf{such_as} kunnen de huisarts van de ouder en de algemene ingang van "
        "de gemeente verder verwijzen."
    )


def ouder_zelf_zonder_probleem(wie: str) -> str:
    """A follow-up for the parent herself ("en voor de moeder zelf?") after a question about the child only: the kaart
    has no help for the parent's own matters, only support with raising the child, which follows (a second-round user
    test of session 24 got the child's services, filtered on the child's age)."""
    return (f"Hulp voor {wie} zelf, bij eigen zorgen of klachten, staat niet in de sociale kaart: die beschrijft hulp "
            f"rond jeugd en gezin. Daarvoor kunnen de huisarts en de algemene ingang van de gemeente verder verwijzen. "
            f"Hieronder staat wat de kaart heeft voor ouders: steun bij het opvoeden.")


def niet_in_de_kaart(names: List[str], with_hits: bool) -> str:
    """The kinds of help asked for that the kaart does not describe (``bot.kaart.missing_help``), in one sentence
    before the results: "Mediation staat niet in de sociale kaart; hieronder staan ..."."""
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    verb = "staat" if len(names) == 1 else "staan"
    if not with_hits:
        return f"{listed} {verb} niet in de sociale kaart."
    return (f"{listed} {verb} niet in de sociale kaart; hieronder staan de diensten die er het dichtst bij komen, "
            "met waarom.")


def _nothing_fits(themas: List[str], gemeente: Optional[str], leeftijd: Optional[int]) -> str:
    """Nothing in the kaart fits the problem: said of the problem in that place, not as if the place had no service
    at all (a user test read "geen dienst in Hilversum" so), and without a problem, that none was recognised."""
    where = f" in {WERKGEBIEDEN[gemeente]}" if gemeente else ""
    age = f" voor {leeftijd} jaar" if leeftijd is not None else ""
    if not themas:  # "dochter 13": not no service for that age, but no problem named yet
        return (f"Ik herkende in je vraag nog geen probleem dat de sociale kaart kent{where}{age}, dus ik kan geen "
                "passende dienst kiezen. Noem het in een paar woorden, bijvoorbeeld 'spijbelt', 'somber' of "
                "'ruzie thuis'.")
    age = f" ({leeftijd} jaar)" if leeftijd is not None else ""
    return (f"Ik vond in de sociale kaart{where} geen dienst die past bij je vraag over {THEMAS[themas[0]]}{age}; "
            "dat zegt niet dat er daar geen hulp is.")


def geen_resultaat(themas: List[str], gemeente: Optional[str], leeftijd: Optional[int], route,
                   eigen: Sequence[str] = (), buurtteam: bool = False) -> str:
    """Nothing in the kaart fits. ``route``: the general entrances of the place; ``eigen``: the ids of those the caller
    works for (``kinds.callers_own``), named as the caller's own team, not as where to go; ``buurtteam``: the caller
    works for a buurtteam, so without a place the general route is not "the buurtteam" (a user test of session 26 told
    a gezinswerker of the buurtteam to go to the buurtteam)."""
    text = _nothing_fits(themas, gemeente, leeftijd)
    others = [hit for hit in route if hit.id not in eigen]
    own = [hit for hit in route if hit.id in eigen]
    if others:
        names = "; ".join(f"{hit.naam} ({hit.bereikbaarheid})" for hit in others)
        text += f" Algemene route: {names}."
    elif own:
        text += f" De algemene ingang van deze plaats is je eigen team ({'; '.join(hit.naam for hit in own)})."
    elif gemeente is None and buurtteam:
        text += (" Woont het gezin buiten het gebied van je eigen buurtteam, dan is de algemene route het jeugdteam of "
                 "buurtteam van de gemeente of wijk waar het gezin woont; noem die plaats, dan zoek ik daar.")
    elif gemeente is None:
        text += " Algemene route: het jeugdteam of buurtteam van de gemeente waar het gezin woont."
    return text


ALGEMENE_INGANG = "Hieronder staat de algemene ingang van de plaats: die kan meedenken over elke vraag van een gezin."


EIGEN_INGANG = ("Hieronder staat de algemene ingang van de plaats; dat is je eigen team: de kaart heeft daarnaast "
                "niets dat past.")


def alleen_algemene_ingang(themas: List[str], gemeente: Optional[str], leeftijd: Optional[int],
                           ontbrekend: bool = False, eigen: bool = False) -> str:
    """Only the general entrance fits. ``ontbrekend``: the question asks for help the kaart lacks, which the search
    already said (``niet_in_de_kaart``): without a problem besides, no "I recognised no problem" (a consultant's test
    of session 26: "zorgt voor zijn zieke vader" was understood as a young carer, not as nothing). ``eigen``: that
    entrance is the caller's own team (a gezinswerker of the buurtteam), so it is not offered as where to go."""
    ingang = EIGEN_INGANG if eigen else ALGEMENE_INGANG
    if ontbrekend and not themas:
        return ingang
    return _nothing_fits(themas, gemeente, leeftijd) + " " + ingang


def naast_veiligheid_algemene_ingang(naam: str) -> str:
    """Nothing else in the kaart fits a question with a sign of danger: the safety service and the entrance."""
    return (f"Naast {naam} staat hieronder de algemene ingang van de plaats: die kan meedenken over elke vraag van "
            "een gezin.")


def algemene_route(route) -> str:
    """Nothing else in the kaart fits a question with a sign of danger, and the place has no entrance in the kaart:
    the general route in words."""
    if not route:
        return ""
    names = "; ".join(f"{hit.naam} ({hit.bereikbaarheid})" for hit in route)
    return f"Verder vond ik niets dat past. Algemene route: {names}."


# Conversation texts (sent by the actions; Rasa's validator flags responses that only actions use).
VRAAG_STELLEN = ("Beschrijf kort de situatie: om wie gaat het, hoe oud is het kind, wat speelt er en in welke "
                 "gemeente woont het gezin?")
VERVOLGVRAAG = {
    "gemeente": "In welke gemeente of plaats woont het gezin? Bijvoorbeeld Hilversum, Bussum, Huizen of Vleuten.",
    "probleem": (
        "Waar gaat het vooral om? Bijvoorbeeld scheiding, schoolverzuim, somberheid, geldzorgen of opvoedvragen."
    ),
    "beide": "Waar gaat het vooral om, en in welke gemeente of plaats woont het gezin?",
}
# the answer to the follow-up question only named the sociale kaart itself ("sociale kaart"): the question comes again
AL_IN_DE_KAART = "Je zit al in de sociale kaart. Ik zoek zodra ik weet waar het om gaat en waar het gezin woont."
# a question or answer that reads as another language and names no problem the kaart knows (``bot.language``)
NIET_NEDERLANDS = ("De sociale kaart werkt in het Nederlands: ik herken problemen en plaatsen alleen in het "
                   "Nederlands. Beschrijf de situatie in het Nederlands, bijvoorbeeld 'zoon van 15 uit Hilversum "
                   "spijbelt'.")
VRAAG_LEEG = "Ik heb nog geen vraag gekregen. Beschrijf de situatie in een paar woorden."
LEEFTIJD_ONLEESBAAR = ("De leeftijd die in dit gesprek bewaard was, kon ik niet lezen; ik zoek zonder die leeftijd. "
                       "Noem de leeftijd in je vraag als die uitmaakt, bijvoorbeeld: 'zoon van 15'.")
RESULTATEN_INTRO = "Dit zijn de diensten die het best passen:"


def boven_de_jeugdleeftijd(leeftijd: int, oudste: int, met_diensten: bool) -> str:
    """A question about an adult older than any age the kaart's services for young people reach (``oudste``): the
    kaart is youth help, and says so (a user test got parenting support for "jongen 22 blowt, moeder ongerust" without
    a word about it)."""
    text = (f"De sociale kaart gaat over hulp aan jeugdigen en gezinnen: de diensten voor jongeren lopen tot en met "
            f"{oudste} jaar. Voor een volwassene van {leeftijd} jaar staat er geen eigen hulp in de kaart; de huisarts "
            f"kan verder verwijzen.")
    return text + (" Hieronder staat wat de kaart heeft voor het gezin eromheen." if met_diensten else "")


# a minor without a safe place to sleep (``question.minor_without_a_roof``): housing, and a worry about safety
ZONDER_SLAAPPLEK = ("Een minderjarige zonder veilige slaapplek (op straat, steeds bij anderen of thuis weggestuurd) is "
                    "ook een zorg om de veiligheid: bespreek het met je aandachtsfunctionaris en vraag zo nodig advies "
                    "bij Veilig Thuis (0800-2000, gratis en dag en nacht bereikbaar).")
# after the danger advice, before the results of a kaart question that holds danger ("denkt aan zelfmoord")
NA_GEVAAR = "Hieronder staan diensten uit de sociale kaart voor daarna; die vervangen niet wat je nu moet doen."
# after the results of a kaart question asked in the middle of the intake or the preparation
TUSSENDOOR = ("Dat was een vraag aan de sociale kaart; het antwoord staat hierboven en ik heb het niet als antwoord "
              "genoteerd. We gaan verder waar we waren.")
# a question for Rustpunt itself while the kaart waits for the place or the problem (``actions.kaart``)
VRAAG_TUSSENDOOR = ("Dat was een vraag aan mij, geen antwoord op mijn vraag voor de sociale kaart. Je zoekvraag staat "
                    "nog open; typ 'stop' als je hem wilt laten vallen.")
ANDERE_TAAK = ("Je zoekvraag in de sociale kaart staat nog open. Typ eerst 'stop', dan kun je daarna oefenen of een "
               "gesprek voorbereiden.")
NOG_EEN = ("Wil je nog iets opzoeken? Stel een nieuwe vraag, noem alleen een andere plaats om dezelfde vraag daar te "
          "zoeken (bijvoorbeeld 'en in Huizen?'), of typ 'menu'.")


def uit_de_taak(used: List[str]) -> str:
    """A question asked during a task left out the place or the problem: the search took it from the task."""
    return f"Je vraag noemde geen {' en geen '.join(used)}; ik gebruik wat de beller al vertelde."
