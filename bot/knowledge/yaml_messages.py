"""The Dutch explanations of YAML syntax errors (only Dutch texts here: the spelling check reads this module).

``bot.knowledge.yaml_errors`` decides which one fits PyYAML's English problem.
"""
from __future__ import annotations

PREFIX = "ongeldige YAML"
WHERE = " (regel {line}, kolom {column})"
QUOTE_IT = "; zet de tekst tussen aanhalingstekens"

MISSING_COLON = "de dubbele punt ontbreekt (schrijf een veld als 'naam: waarde')"
UNEXPECTED_COLON = ("onverwachte dubbele punt; zet een tekst met een dubbele punt tussen aanhalingstekens, of de "
                    "inspringing klopt niet")
UNEXPECTED_DASH = "onverwacht streepje; een lijstitem ('- ...') begint op een eigen regel, of de inspringing klopt niet"
QUESTION_MARK = "een tekst begint met een vraagteken" + QUOTE_IT
INDENT = "de inspringing klopt niet (deze regel springt anders in dan de regels erboven)"
NEW_FIELD = ("hier hoort een nieuw veld ('naam: waarde'); de inspringing klopt niet, of er staat tekst na een "
             "gesloten aanhalingsteken")
BACKSLASH = "onbekende code na een backslash tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"
STAR = "een tekst begint met een sterretje (*)" + QUOTE_IT
STAR_OR_AMPERSAND = "een tekst begint met een sterretje (*) of een ampersand (&)" + QUOTE_IT
TAB = "er staat een tab; spring in met spaties, niet met tabs"
OPEN_LIST = "een lijst tussen [ en ] is niet gesloten, of er ontbreekt een komma"
OPEN_BLOCK = "een blok tussen { en } is niet gesloten, of er ontbreekt een komma"
MISSING_VALUE = "hier ontbreekt een waarde"
TEXT_AFTER_VALUE = "na de waarde staat nog tekst op dezelfde regel (bijvoorbeeld na een gesloten aanhalingsteken)"
KEY_IS_LIST = "een veldnaam mag geen lijst of blok zijn"
EXCLAMATION_MARK = "een tekst begint met een uitroepteken" + QUOTE_IT
SECOND_DOCUMENT = "er staat een tweede document in het bestand (een regel met ---); haal die regel weg"
ANCHOR_TWICE = "hetzelfde anker (&naam) staat twee keer in het bestand"
PERCENT = "een regel begint met een procentteken" + QUOTE_IT
UNCLOSED_QUOTE = "het aanhalingsteken dat hier begint, wordt niet gesloten"
OPEN_QUOTE_NEARBY = ("het aanhalingsteken dat hier begint, wordt op deze regel niet gesloten; sluit het (of haal het "
                     "weg). De fout viel pas op in regel {line}, kolom {column}: {explanation}")
UNEXPECTED_END = "het bestand houdt onverwacht op"
CANNOT_START = "een tekst begint met een teken dat daar niet mag staan ({char})" + QUOTE_IT
CONTROL_CHARACTER = "er staat een onzichtbaar besturingsteken (code {code}); haal het weg"
GENERAL = "de opbouw klopt hier niet (kijk naar de inspringing, de dubbele punten en de aanhalingstekens)"
