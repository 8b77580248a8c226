"""The kaart read as consultants type and dictate: verb forms, separable verbs, long phone notes, places."""
import pytest

from bot.kaart.query import parse_vraag
from bot.kaart.text import split_separable, stam


@pytest.mark.parametrize("question, theme", [
    # strong past tenses and participles the lemma table lacks
    ("dochter zat het hele jaar thuis", "schoolverzuim"),
    ("zoon vocht vorige week op het schoolplein", "gedrag"),
    ("hij loog over alles tegen zijn ouders", "gedrag"),
    ("hij stal geld uit de portemonnee van zijn moeder", "criminaliteit"),
    ("ze kwam al maanden niet rond", "financien"),
    # present tense of a verb whose stem changes v/f or z/s or has a long vowel
    ("ze leest heel slecht voor haar leeftijd", "leren"),
    # loanwords and words the table lacks: present tense and participle
    ("ze heeft vorig weekend gevapet", "verslaving"),
    ("ze wordt op school getreiterd", "pesten"),
    # separable verbs said split, with words between
    ("zoon meldt zich steeds ziek", "schoolverzuim"),
    ("ze meldde zich vaak ziek", "schoolverzuim"),
    ("klasgenoten sluiten haar steeds buiten", "pesten"),
    ("zoon liep vorige week weer weg", "veiligheid"),
    ("de hulp liep steeds vast", "vastgelopen_hulp"),
    ("we werken samen met school", "samenwerking"),
])
def test_verb_forms_the_lemma_table_lacks_find_the_theme(question, theme):
    assert theme in parse_vraag(question).themas


def test_verb_forms_meet_on_one_stem():
    assert stam("blijft") == stam("blijven") == stam("bleef")
    assert stam("leest") == stam("lezen")
    assert stam("zat") == stam("zitten") == stam("gezeten")


def test_only_infinitives_of_separable_verbs_are_split():
    assert split_separable("weglopen") == ("lopen", "weg")
    assert split_separable("ziekmelden") == ("melden", "ziek")
    # a participle is not split: "houdt zich aan de regels" is no arrest
    assert split_separable("aangehouden") is None
    assert "criminaliteit" not in parse_vraag("zoon houdt zich niet aan de regels thuis").themas
    # "in" is no particle here: "komt in de problemen" is no income question
    assert "financien" not in parse_vraag("hij komt steeds in de problemen op school").themas
