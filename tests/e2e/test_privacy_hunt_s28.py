"""Privacy hunt of session 28 through the real servers: distinctive details (a name, a street with a spoken house
number, a phone number typed and spoken, a school, a lower-case first name that is also a word) typed into every
capability (intake with a call-back, preparation, 'welke rol', kaart, role-play with its debrief), through Rasa's
channel and through the web server, then the exports a trainer or consultant makes. None of those details may be in
the data folder afterwards: the databases with their -wal files, the servers' logs, the exports. What a child said,
without them, is stored masked (it is the family's story, not who they are), but never in a log.

The hunt found "welke rol: roos is bang voor haar stiefvader" stored with 'roos' readable (a name that opens a quoted
sentence), in the message and in the role analysis' sentence."""
from __future__ import annotations

import http.cookiejar
import json
import subprocess
import sys
import urllib.request

import pytest

from tests.e2e.privacy_hunt import chat, found, practise

pytestmark = pytest.mark.e2e

TYPED = ("moeder Femke Brinkhorst woont op de Klaproosstraat zevenentwintig, haar nummer is nul zes achttien "
         "zevenentwintig zesendertig vijfenveertig of 06-18273645, de zoon zit op de Vlinderboomschool")
CHILD = "hij zei: mama de meester heeft mij in de gang geknepen"
LOWER = "roos is bang voor haar stiefvader"
DETAILS = ["femke", "brinkhorst", "klaproosstraat", "18273645", "achttien zevenentwintig", "vlinderboomschool",
           "roos is bang"]
SAID = "in de gang geknepen"



def test_details_typed_into_every_capability_are_nowhere_in_the_data_folder(stack):
    chat(stack, ["ik heb een moeder aan de lijn", TYPED, CHILD, LOWER, "rond af", "/intake_terugbellen",
                 "jeugdconsulent", TYPED, "morgen voor 12 uur"])
    chat(stack, ["ik wil een gesprek met een moeder voorbereiden", f"{TYPED}. {CHILD}. {LOWER}",
          f"ik zou zeggen: Femke, ik hoor dat {LOWER}", "sla over", "sla over", "toon mijn plan", "sla over",
          "sla over", "sla over", "sla over"])
    roles = chat(stack, ["rollen herkennen", f"welke rol is dit: {TYPED}", f"welke rol is dit: {CHILD}",
                  f"welke rol: {LOWER}, ik regel het wel met de Vlinderboomschool"])
    chat(stack, ["sociale kaart", f"waar kan een moeder uit Hilversum terecht, {TYPED}, met een zoon van 12 die niet "
                 "meer naar school gaat?", f"{LOWER}, waar kan ze terecht in Bussum?"])
    practise(stack, [f"Ik hoor dat u boos bent, {TYPED}", f"{LOWER}, klopt dat?", CHILD, "hoe deed ik het",
                 "stop het rollenspel", "nabespreking"])
    assert "rol_analyse" in roles.transcript()

    # through the web server, as the page does (its own log, its cookie)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    opener.open(stack.web_url + "/", timeout=30).read()
    for line in ["ik heb een vader aan de lijn", TYPED, LOWER, "rond af", f"welke rol is dit: {LOWER}",
                 "sociale kaart", f"hulp in Huizen, {TYPED}"]:
        request = urllib.request.Request(stack.web_url + "/api/chat", data=json.dumps({"message": line}).encode(),
                                         headers={"Content-Type": "application/json", "Origin": stack.web_url},
                                         method="POST")
        assert json.loads(opener.open(request, timeout=180).read())["berichten"]

    # the exports and lists a trainer or consultant makes
    data_folder = stack.tmp
    exports = data_folder / "exports"
    exports.mkdir(exist_ok=True)
    for args in (["sessies", "csv", "--uit", str(exports / "sessies.csv")],
                 ["rapport", "Deelnemer P1", "--uit", str(exports / "rapport.html")],
                 ["rapport", "Privacygroep", "--uit", str(exports / "groep.html")],
                 ["gesprekken"], ["intake", "lijst"], ["terugbellen", "lijst"], ["plan", "lijst"]):
        done = subprocess.run([sys.executable, "-m", "bot.cli", *args], env=stack.env, capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        (exports / f"uitvoer-{len(list(exports.iterdir()))}.txt").write_text(done.stdout + done.stderr)

    from bot.paths import var_dir

    assert found([data_folder, var_dir() / "logs"], DETAILS) == []
    assert found([data_folder], [SAID]) != []  # what the child said is stored, masked ...
    logs = [data_folder, var_dir() / "logs"]
    assert found(logs, [SAID], only=lambda path: ".log" in path.name) == []  # ... but never logged
