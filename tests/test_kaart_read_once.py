"""What the kaart reads of a question is read once, and the cheap check comes first (a review of session 22):
the caller's own roles once per question, a professional's state only when a professional is named, the safety
theme read by a measure's words once per search, and the Dutch-word check without the letter-sequence table."""
from __future__ import annotations

from bot import language
from bot.kaart import spoken
from bot.kaart.query import parse_vraag
from bot.kaart.search import zoek


def test_the_caller_s_own_roles_are_read_once_per_question(monkeypatch):
    calls = []
    real = spoken._caller_spans

    def counted(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(spoken, "_caller_spans", counted)
    parsed = parse_vraag("schoolmaatschappelijk werker vraagt: zoon 14 spijbelt, hilversum")
    assert len(calls) == 1
    # and what the user relies on stays: the caller's own role is no search word, and names the caller's service
    assert parsed.beller
    assert "schoolmaatschappelijk" not in parsed.zoektekst


def test_a_question_without_a_professional_is_not_parsed_for_one(monkeypatch):
    def parsed(*args, **kwargs):
        raise AssertionError("the sentence parts were read without any professional named")

    monkeypatch.setattr(spoken, "_written_words", parsed)
    assert spoken.professional_state_words("zoon 14 spijbelt en is vaak ziek", "zoon 14 spijbelen en zijn vaak ziek") \
        == frozenset()


def test_a_professional_s_state_is_still_no_problem_of_the_family():
    assert "gezondheid" not in parse_vraag("hilversum, er is een ots, de gezinsvoogd is ziek").themas


def test_the_safety_theme_read_by_a_measure_s_words_is_named_as_the_measure():
    hits = zoek("hilversum: er is een ots, wie is de gezinsvoogd?").hits
    assert "Past bij een maatregel van jeugdbescherming ('gezinsvoogd')" in hits[0].waarom
    assert all("huiselijk geweld ('gezinsvoogd')" not in hit.waarom for hit in hits)


def test_mostly_known_words_need_no_letter_sequences():
    language._lexicon.cache_clear()
    assert language._mostly_known(["buren", "horen", "deuren", "slaan", "hard"])
    assert language._lexicon.cache_info().currsize == 0
