"""Dutch lists and counted nouns, as the masking note, `rustpunt vergeet` and the role explanation print them."""
from bot.wording import counted, join_list


def test_join_list_puts_en_or_of_before_the_last_item():
    assert join_list([]) == ""
    assert join_list(["1 naam"]) == "1 naam"
    assert join_list(["1 naam", "2 telefoonnummers"]) == "1 naam en 2 telefoonnummers"
    assert join_list(["1 naam", "2 telefoonnummers", "1 BSN"]) == "1 naam, 2 telefoonnummers en 1 BSN"
    assert join_list(["Slachtoffer", "Redder", "Aanklager"], "of") == "Slachtoffer, Redder of Aanklager"


def test_counted_takes_the_singular_only_for_one():
    assert [counted(n, "naam", "namen") for n in (0, 1, 2)] == ["0 namen", "1 naam", "2 namen"]
