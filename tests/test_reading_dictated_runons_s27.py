"""Session 27: set 46 path 7 dictated reached no ending (typed it ended badly) because the run-ons kept each pitfall
sentence inside a step sentence. Three boundaries of ``bot.textclass.punctuate``: a verb of saying that closes a
clause of "hoe"/"wat"/"dat" quotes nothing; a condition after the verb of a main clause belongs to that clause; after
the verb that closes a subordinate clause a fronted word with its verb and subject starts a new sentence."""
from bot.textclass import punctuate


def test_thinking_aloud_about_how_to_say_it_quotes_nothing():
    text = punctuate("oké dat hoor ik even kijken hoe ik dit zeg ik kan ook wel even met jullie vader praten").text
    assert "zeg. ik kan" in text and ":" not in text
    assert punctuate("ik zeg het maar meteen ik ga niet kiezen").text == "ik zeg het maar meteen: ik ga niet kiezen."


def test_a_condition_after_the_main_clause_does_not_hold_the_next_sentence():
    text = punctuate("maar je snapt toch ook wel dat je moeder zich zorgen maakt als je om twee uur s nachts nog niet "
                     "thuis bent daar moet je je echt aan houden").text
    assert "thuis bent. daar moet je" in text


def test_a_sentence_that_opens_with_its_condition_keeps_its_main_clause():
    assert "." not in punctuate("als u de stukken meeneemt dan kijk ik er even naar").text[:-1]
    assert "." not in punctuate("zodra het over dat toernooi gaat gaat het over papa").text[:-1]
