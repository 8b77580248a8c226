"""A user test of session 24: role questions ("welke rol is dit?") that read the wrong role, and twenty long parent
turns written for this test from the workbook's role descriptions (not from the training examples).

1. a parent handing the problem to the listener ("Wil jij dat niet voor mij oplossen?") is the Slachtoffer inviting a
   Redder, not the Ondersteuner;
2. a reproach to the listener ("en u doet niks.") is the Aanklager, also at the end of a longer turn, and the advice
   then says that the turn ends in a reproach; a reassurance ("jij doet niks verkeerd") is no reproach;
3. a demand that the other stops ("jullie moeten nu echt ophouden met schreeuwen") points at 'jullie' instead of
   speaking from 'ik': the Aanklager (the workbook: the winner's triangle speaks "vanuit het 'ik' in plaats van naar
   'jij' gewezen"); the same limit from 'ik' is Assertief; never a plea for rescue or no role;
4. a transparent promise to a child ("ik vertel niks zonder het eerst met jou te bespreken") is the Ondersteuner, by a
   signal of its own; so is a parent telling how they leave the choice with the child;
5. twenty long parent turns, each in the role it was written for.
"""
from __future__ import annotations

import pytest

from bot.knowledge.loader import load_knowledge
from bot.roles.analyse import ENDS_IN_REPROACH, GEEN_ROL, analyse_role
from bot.roles.format import format_analysis
from bot.roles.request import role_request
from bot.roles.signals import find_signals


def _signals(text: str):
    return {hit.signaal_id for hit in find_signals(text)}


# -- 1. handing the problem to the listener ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Wil jij dat niet voor mij oplossen?",
    "Zou u het niet voor ons kunnen oplossen?",
    "Kunt u dat niet gewoon even voor me regelen?",
    "Kan jij die brief aan de school niet voor mij schrijven?",
])
def test_asking_the_listener_to_solve_it_is_the_slachtoffer_inviting_a_redder(text):
    result = analyse_role(text)
    assert result.rol == "slachtoffer"
    assert "legt het probleem bij jou neer" in {hit.naam for hit in result.signalen}
    assert "redder" in result.uitnodiging["rollen"]
    assert result.alternatief["rol"] == "ondersteuner"


def test_a_request_to_think_along_stays_kwetsbaar_or_ondersteuner():
    assert "slachtoffer-geeft-probleem-af" not in _signals("Zou je met me willen meedenken over wat ik zelf kan doen?")


# -- 2. a reproach to the listener ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "en u doet niks.",
    "En jij doet helemaal niks.",
    "U heeft nog helemaal niks gedaan.",
    "Jullie hebben er niks aan gedaan.",
])
def test_the_listener_doing_nothing_is_a_reproach_at_the_professional(text):
    result = analyse_role(text)
    assert result.rol == "aanklager"
    assert "verwijt aan de hulpverlener" in {hit.naam for hit in result.signalen}


TURN_ENDING_IN_REPROACH = "Ik heb alles geprobeerd om met hem te praten. Hij luistert gewoon niet. En u doet niks."


def test_a_turn_that_ends_in_a_reproach_at_the_listener_says_so_and_answers_it():
    result = analyse_role(TURN_ENDING_IN_REPROACH)
    assert [shift["rol"] for shift in result.rolwissel] == ["slachtoffer", "aanklager"]
    assert result.rolwissel[-1]["citaat"] == "En u doet niks."
    assert result.alternatief["aanleiding"] == ENDS_IN_REPROACH.format(naam="Aanklager")
    payload = result.to_payload()  # the web page's card gets the same sentence as the chat
    assert payload["alternatief"]["aanleiding"].startswith("De beurt eindigt met een verwijt aan jou")
    reply = format_analysis(result)
    assert "De beurt eindigt met een verwijt aan jou (Aanklager)" in reply
    assert "verwijt aan de hulpverlener (Aanklager): \"u doet niks\"" in reply


@pytest.mark.parametrize("text", ["Jij doet niks verkeerd, hoor.", "U doet niks fout door dit te vragen.",
                                  "U heeft niks verkeerd gedaan."])
def test_a_reassurance_is_no_reproach(text):
    assert not _signals(text) & {"aanklager-verwijt", "aanklager-tegen-hulpverlener"}


# -- 3. a demand that the other stops, and a limit from 'ik' -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "jullie moeten nu echt ophouden met schreeuwen",
    "Jij moet nu eens normaal gaan doen.",
    "U moet echt stoppen met dat gezeur.",
    "Hou nou eens op met dat geschreeuw.",
    "Jullie moeten allebei ophouden met schreeuwen, zo komen we nergens.",
])
def test_a_demand_that_the_other_stops_is_the_aanklager_not_a_plea_for_rescue(text):
    result = analyse_role(text)
    assert result.rol == "aanklager"
    assert {hit.naam for hit in result.signalen} == {"eist dat de ander ophoudt"}
    assert "slachtoffer-vraagt-redding" not in _signals(text)


def test_ones_own_demand_gets_the_limit_from_ik_to_step_over_to():
    request = role_request("welke rol had ik hier zelf? ik zei: jullie moeten nu echt ophouden met schreeuwen")
    result = analyse_role(request.sentence, own=request.own)
    assert result.rol == "aanklager" and result.alternatief["rol"] == "assertief"
    assert "stelt een grens of doet een voorstel zonder verwijt" in result.alternatief["kenmerken"]


@pytest.mark.parametrize("text", [
    "Ik wil dat jullie nu stoppen met schreeuwen.",
    "Ik stop het gesprek als jullie blijven schreeuwen.",
    "Zo kan ik niet met jullie praten. Ik wil dat we rustig verder gaan.",
])
def test_the_same_limit_from_ik_is_assertief(text):
    assert analyse_role(text).rol == "assertief"


def test_a_plea_for_rescue_with_jullie_moeten_is_still_one():
    assert "slachtoffer-vraagt-redding" in _signals("Jullie moeten mij helpen, ik weet het niet meer.")


# -- 4. a transparent promise -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ik vertel niks zonder het eerst met jou te bespreken",
    "Ik ga niks aan je moeder vertellen zonder dat eerst met jou te bespreken.",
    "Ik beloof je dat ik niks achter je rug om doe.",
    "Ik zeg niks tegen de rechter zonder dat jij het weet.",
    "Alles wat ik opschrijf, lees ik eerst met jou door.",
])
def test_a_transparent_promise_is_the_ondersteuner_by_its_own_signal(text):
    result = analyse_role(text)
    assert result.rol == "ondersteuner"
    assert "is open over wat hij of zij doet" in {hit.naam for hit in result.signalen}


def test_ones_own_transparent_promise_is_no_pitfall():
    request = role_request("welke rol had ik hier zelf? ik zei: ik vertel niks zonder het eerst met jou te bespreken")
    reply = format_analysis(analyse_role(request.sentence, own=request.own))
    assert "Je spreekt hier zelf al vanuit de winnaarsdriehoek" in reply and "Redder" not in reply


@pytest.mark.parametrize("text", ["Ik los het niet meer voor hem op.", "Dat regel ik niet voor je."])
def test_saying_one_no_longer_takes_over_is_no_rescue(text):
    assert "redder-neemt-over" not in _signals(text)


# -- 5. twenty long parent turns ---------------------------------------------------------------------------------------

LONG_TURNS = [
    ("slachtoffer", "Ik weet echt niet meer wat ik moet doen. Elke keer als de kinderen terugkomen zijn ze helemaal "
                    "van slag. Ik sta er gewoon alleen voor en niemand die me helpt."),
    ("slachtoffer", "Ja, wat moet ik nou? Hij heeft de beste advocaat en ik heb geen geld. Het maakt toch niet uit "
                    "wat ik zeg, ze geloven hem toch."),
    ("slachtoffer", "Ik slaap al weken niet meer. Zij bepaalt alles en ik mag alleen maar toekijken. Zeg jij maar wat "
                    "ik moet doen, want ik zie het niet meer."),
    ("aanklager", "Zij zet de kinderen gewoon tegen me op. Dat doet ze al vanaf het begin. En dan zeggen dat ik de "
                  "moeilijke ben, belachelijk gewoon."),
    ("aanklager", "Hij komt altijd te laat, elke keer weer. Dan staan de kinderen met hun jas aan te wachten. Dat is "
                  "toch geen vader, zo'n man."),
    ("aanklager", "Ik snap echt niet waarom u haar gelooft. U heeft haar kant van het verhaal gehoord en dat is het. "
                  "Ik dien een klacht in, reken maar."),
    ("redder", "Ik heb de school al gebeld en gezegd dat hij die toets niet hoeft te maken. Hij heeft het al zo "
               "zwaar. Ik regel dat soort dingen gewoon voor hem."),
    ("redder", "Laat haar maar, ik praat wel met haar vader. Zij moet zich daar niet druk om maken, ze is nog maar "
               "tien. Dat los ik wel op."),
    ("redder", "Ik neem zijn telefoon gewoon over als zijn vader belt. Dan hoeft hij dat gezeur niet aan te horen. "
               "Arm kind, hij heeft er al genoeg van meegemaakt."),
    ("omstander", "Ik zie wel dat het tussen mijn dochter en haar ex niet goed gaat. Maar ik bemoei me er niet mee, "
                  "dat moeten ze zelf maar uitzoeken. Ik ben maar de oma."),
    ("omstander", "Mijn nieuwe vriend hoort het allemaal aan als ze weer aan de telefoon tekeergaat. Hij zegt er niks "
                  "van en loopt dan maar naar buiten. Ik weet ook niet of hij er iets mee moet."),
    ("omstander", "Op de sportclub krijgen ze het ook allemaal mee. Iedereen ziet die ruzies bij het hek. Maar "
                  "niemand zegt er wat van, iedereen kijkt gewoon de andere kant op."),
    ("kwetsbaar", "Ik merk dat ik zelf ook heel snel boos word als hij belt. Dat wil ik eigenlijk niet. Ik ben bang "
                  "dat de kinderen dat zien en dat ze denken dat het hun schuld is."),
    ("kwetsbaar", "Eerlijk gezegd vind ik het heel moeilijk dat ze nu twee huizen heeft. Ik mis haar gewoon als ze "
                  "bij hem is. Daar wil ik wel eens over praten, maar dan wel om te kijken wat ik zelf kan doen."),
    ("kwetsbaar", "Ik voel me schuldig, dat is het eigenlijk. Ik heb zelf ook dingen gezegd waar ik spijt van heb. "
                  "Ik wil leren om rustiger te reageren."),
    # the family that read Assertief: a parent telling how the choice stays with the child
    ("ondersteuner", "Ik heb tegen mijn zoon gezegd dat hij zelf mag kiezen wanneer hij zijn vader wil bellen. Ik "
                     "vraag hem wat hij nodig heeft. En als hij wil dat ik meeluister, dan spreken we dat samen af."),
    ("ondersteuner", "Ik heb haar gevraagd hoe zij het wil met haar verjaardag. Het is haar feestje, dus zij mag het "
                     "zeggen. Ik denk mee, maar ik ga het niet voor haar invullen."),
    ("assertief", "Ik wil graag dat we de wisselmomenten op school doen. Dan hoeven de kinderen niet te zien dat wij "
                  "elkaar tegenkomen. Dat is voor iedereen rustiger, denk ik."),
    ("assertief", "Ik zie dat de kinderen na het weekend heel moe zijn. Ik stel voor dat ze zondag om vijf uur terug "
                  "zijn. Wat vind jij daarvan?"),
    ("assertief", "Ik ga niet meer reageren op appjes na tien uur 's avonds. Als er iets met de kinderen is, kun je "
                  "bellen. Zo houden we het voor allebei een beetje rustig."),
]


@pytest.mark.parametrize("role, text", LONG_TURNS)
def test_long_parent_turns_read_the_role_they_were_written_in(role, text):
    assert analyse_role(text).rol == role


@pytest.mark.parametrize("text", [
    "Als mijn zoon met een probleem komt, vraag ik eerst hoe hij het zelf zou aanpakken. Ik los het niet meer voor "
    "hem op.",
    "We hebben samen afgesproken dat hij zelf zijn vader belt. Ik zit erbij als hij dat wil, maar hij doet het woord.",
    "Ik vraag hem gewoon wat hij zelf wil. Dan denk ik met hem mee, maar hij beslist.",
])
def test_a_parent_leaving_the_choice_with_the_child_is_the_ondersteuner(text):
    result = analyse_role(text)
    assert result.rol == "ondersteuner" and result.rol != GEEN_ROL
    assert not {hit.rol for hit in result.signalen} - {"ondersteuner"}


# -- the exceptions of a signal ----------------------------------------------------------------------------------------

def test_a_broken_exception_pattern_is_reported_in_dutch(tmp_path):
    import shutil
    from pathlib import Path

    from bot.paths import knowledge_dir

    folder = tmp_path / "knowledge"
    shutil.copytree(Path(knowledge_dir()) / "rollen", folder / "rollen")
    (folder / "rollen" / "kapot.yml").write_text(
        """soort: rol_signaal
items:
  - id: fout-uitzondering
    rol: redder
    naam: "iets"
    uitleg: "iets"
    patronen: ["ik regel"]
    uitzonderingen: ["niet ..."]
    bron: {document: "x.txt (X)", sectie: "Y"}
""", encoding="utf-8")
    problems = [str(p) for p in load_knowledge(folder).problems]
    assert any("fout-uitzondering" in p and "mag niet met '...' beginnen of eindigen" in p for p in problems)


# -- a close call settled by a signal ----------------------------------------------------------------------------------

class _CloseCall:
    """A stand-in recogniser that reads Aanklager by the words, a hair behind the Slachtoffer's signal."""

    def predict(self, text, n_features=6):
        from types import SimpleNamespace

        probabilities = {"aanklager": 0.60, "slachtoffer": 0.11, "assertief": 0.10, "ondersteuner": 0.09,
                         "redder": 0.05, "kwetsbaar": 0.03, "omstander": 0.01, "neutraal": 0.01}
        return SimpleNamespace(probabilities=probabilities, features=[])


def test_a_signal_settles_a_close_call_whether_its_role_comes_first_or_second():
    """Slachtoffer with its signal just ahead of Aanklager without one is the Slachtoffer, as it would be if it came
    just behind (``_explained_role``), not "no clear role"."""
    result = analyse_role("Wil jij dat niet voor mij oplossen?", classifier=_CloseCall())
    assert result.scores["slachtoffer"] - result.scores["aanklager"] < 0.03
    assert result.rol == "slachtoffer"
