"""Spelling of every text a professional reads, checked with Debian's hunspell and the Dutch dictionary.

Checked: the user-facing fields of every knowledge file (not the example sentences of the
recognisers, which show what users type, nor the test questions), the responses in domain/, and
the string constants of the message modules. Names and jargon the dictionary does not know are in
``tests/spelling/woordenlijst.txt`` (one word per line). Install the checker with
``scripts/install_hunspell.sh`` (``make test`` does this).

A failure lists file, entry and word, for example::

    knowledge/scenarios/kind_wil_niet_naar_vader.yml, item 'kind-wil-niet-naar-vader': 'verraderlijk'
"""
from __future__ import annotations

import ast
import html
import re
import shutil
import subprocess
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import yaml

from bot.knowledge.loader import get_knowledge
from bot.paths import knowledge_dir
from tests.yaml_strings import yaml_strings

ROOT = Path(__file__).resolve().parent.parent
WORDLIST = ROOT / "tests" / "spelling" / "woordenlijst.txt"
DICTIONARY = "nl_NL"

# Knowledge kinds that hold what users type (examples, test questions, the kaart's search words in their
# normalised and misspelt forms such as 'financien') or only place names; nothing a professional reads.
SKIP_KINDS = {"stap_voorbeelden", "rol_voorbeelden", "kaart_testvraag", "kaart_toetsvraag", "kaart_plaats",
              "kaart_probleemwoorden", "kaart_doelgroepwoorden"}
# Fields that are codes, search words, patterns, addresses or sources, not prose.
SKIP_FIELDS = {
    "id", "bron", "synoniemen", "trefwoorden", "signaalwoorden", "patronen", "website", "email", "telefoon",
    "schrijfwijzen", "organisatie", "themas", "doelgroep", "werkgebied", "toegang", "aard", "schooltype", "nodigt_uit",
    "tegenhanger", "antwoord_vanuit", "hulpmiddelen", "driehoek", "rollen", "rol", "van", "naar", "zetten", "zet",
    "payload", "past_bij", "soort", "niveau", "vragenset", "vraag_id", "alleen_als_soort", "als_soorten",
    "als_een_van", "niet_als", "als_niveau", "route", "kaart_zoekterm", "signaal_bij_ja", "stap", "stappen_volgorde",
    "hoort_bij", "links", "woorden",
}
# Modules whose string constants are Dutch texts for the professional (docstrings are skipped).
# (the kaart search is split into modules named after what they do: every one of them, as search.py was)
KAART_SEARCH_MODULES = ("results index describe service_area ages kinds naming question checks themes scoring "
                        "explanations hits ranking routes top result_message search").split()
MESSAGE_MODULES = ["bot/kaart/messages.py", "bot/kaart/format.py", "bot/intake/callbacks.py",
                   "bot/knowledge/yaml_messages.py"] + [
    f"bot/kaart/{name}.py" for name in KAART_SEARCH_MODULES]

# The trainers' page and the chat page's server: the Dutch text of every template (tags, Jinja code and comments
# stripped) and the messages kept as module constants (UPPER_CASE names holding one string; log lines stay English).
WEB_TEMPLATES = ROOT / "bot" / "web" / "templates"
WEB_MESSAGE_MODULES = ["bot/web/server.py", "bot/web/trainer_page.py", "bot/privacy/forget.py", "bot/roleplay/group.py"]
_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}|<style>.*?</style>|<[^>]*>", re.S)

_WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’-][A-Za-zÀ-ÿ]+)*")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_URL = re.compile(r"(https?://|www\.)\S+")


def _strings(value) -> Iterator[str]:
    return yaml_strings(value, SKIP_FIELDS)


def _knowledge_texts() -> Iterator[Tuple[str, str, str]]:
    knowledge = get_knowledge()
    base = knowledge_dir().parent
    for kind, entries in knowledge.entries.items():
        if kind in SKIP_KINDS:
            continue
        for entry_id, entry in entries.items():
            where = f"{knowledge.files.get((kind, entry_id), kind)}, item '{entry_id}'"
            where = where.replace(str(base) + "/", "")
            for text in _strings(entry.dict()):
                yield where, "", text


def _domain_texts() -> Iterator[Tuple[str, str, str]]:
    for path in sorted((ROOT / "domain").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for name, variants in (data.get("responses") or {}).items():
            for variant in variants or []:
                for text in _strings({k: v for k, v in variant.items() if k in ("text", "buttons")}):
                    yield f"{path.relative_to(ROOT)}, response '{name}'", "", text


def _module_texts() -> Iterator[Tuple[str, str, str]]:
    for name in MESSAGE_MODULES:
        path = ROOT / name
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.body and isinstance(node.body[0], ast.Expr)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value
                    and id(node) not in docstrings):
                yield f"{name}, regel {node.lineno}", "", node.value


def _web_texts() -> Iterator[Tuple[str, str, str]]:
    for path in sorted(WEB_TEMPLATES.glob("*.html")):
        text = html.unescape(_JINJA.sub(" ", path.read_text(encoding="utf-8")))
        yield str(path.relative_to(ROOT)), "", " ".join(text.split())
    for name in WEB_MESSAGE_MODULES:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in tree.body:
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                    and isinstance(node.value.value, str) and " " in node.value.value
                    and all(isinstance(t, ast.Name) and t.id.isupper() for t in node.targets)):
                yield f"{name}, regel {node.lineno}", "", node.value.value


def _all_texts() -> List[Tuple[str, str, str]]:
    return list(_knowledge_texts()) + list(_domain_texts()) + list(_module_texts()) + list(_web_texts())


def _words(text: str) -> List[str]:
    text = _URL.sub(" ", _PLACEHOLDER.sub(" ", text))
    return [w.strip("'’-") for w in _WORD.findall(text) if len(w.strip("'’-")) > 1]


def _unknown(words: Set[str]) -> Set[str]:
    """The words hunspell does not accept (one call for all words)."""
    result = subprocess.run(["hunspell", "-d", DICTIONARY, "-i", "utf-8", "-l"], input="\n".join(sorted(words)),
                            capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def _wordlist() -> Set[str]:
    lines = WORDLIST.read_text(encoding="utf-8").splitlines()
    return {line.strip().lower() for line in lines if line.strip() and not line.startswith("#")}


def test_hunspell_with_the_dutch_dictionary_is_installed():
    assert shutil.which("hunspell"), "hunspell ontbreekt: voer scripts/install_hunspell.sh uit"
    assert Path(f"/usr/share/hunspell/{DICTIONARY}.dic").exists(), (
        "hunspell-nl ontbreekt: voer scripts/install_hunspell.sh uit"
    )


def test_every_user_facing_text_is_spelled_right():
    texts = _all_texts()
    assert len(texts) > 1000  # the check really sees the knowledge, the domain and the messages
    by_word: Dict[str, List[str]] = {}
    for where, _, text in texts:
        for word in _words(text):
            by_word.setdefault(word, []).append(where)
    allowed = _wordlist()
    wrong = sorted(w for w in _unknown(set(by_word)) if w.lower() not in allowed)
    report = [f"{by_word[w][0]}: '{w}'" + (f" (en {len(by_word[w]) - 1} keer elders)" if len(by_word[w]) > 1 else "")
              for w in wrong]
    assert not report, (
        "Spelfouten (of voeg namen en vakwoorden toe aan tests/spelling/woordenlijst.txt):\n" + "\n".join(report)
    )


def test_the_check_sees_the_trainers_page_and_the_server_messages():
    texts = {where: text for where, _, text in _web_texts()}
    question = texts["bot/web/templates/trainer_groep_wissen.html"]
    assert "Hiermee wis je van uit groep" in question and "{%" not in question and "<p>" not in question
    assert any("bestaat niet (meer)" in text for where, text in texts.items() if where.startswith("bot/web/server.py"))
    assert not any("could not" in text for text in texts.values())  # log lines are English and not checked


def test_the_checker_catches_a_known_slip():
    assert "verraderlijkk" in _unknown({"verraderlijkk", "schuldig"})
    assert "schuldig" not in _unknown({"schuldig"})


# Slips of issue 16 that are real Dutch words, so the dictionary cannot catch them: wrong words, missing
# words, anglicisms and a broken word order. None of them may come back in any text a professional reads.
LANGUAGE_SLIPS = [
    r"verraderlijk",                          # 'schuldig' or 'ontrouw' was meant (moeder_dochter_niet_gezien.yml)
    r"\bals ik tas\b",                        # 'Als ik mijn tas inpak'
    r"\bschuldig naar\b",                     # 'schuldig tegenover'
    r"\bspeelt tegen moeder\b",               # a role-play partner is not played against
    r"\bjullie\b[^.?!]*\bvoor je kinderen\b",  # after 'Jullie': 'voor jullie kinderen'
    r"\bvoorbereiden voor gesprekken\b",
    r"\bface to face\b",
    r"\bvul nog in\b",                        # 'Vul nog in {field_name}': broken word order
]


def _slips(text: str) -> List[str]:
    flat = " ".join(text.lower().split())
    return [slip for slip in LANGUAGE_SLIPS if re.search(slip, flat)]


def test_the_language_slips_of_issue_16_do_not_come_back():
    texts = _all_texts()
    found = [f"{where}: '{slip}'" for where, _, text in texts for slip in _slips(text)]
    assert not found, "Taalfouten die al eens verbeterd zijn:\n" + "\n".join(found)


def test_the_slip_check_catches_the_old_wording_and_passes_the_new():
    assert _slips("Jullie willen allebei het beste voor je kinderen.")
    assert _slips("Ze voelt zich schuldig naar allebei.")
    assert not _slips("Jullie willen allebei het beste voor jullie kinderen. Doe het voor je kinderen.")
    assert not _slips("Ze voelt zich schuldig tegenover allebei.")
