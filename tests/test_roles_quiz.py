"""The practice quiz: items, answer checking with synonyms/typos, scoring and storage per conversation."""
from __future__ import annotations

from collections import Counter

from bot.records import get_record, list_records
from bot.roles import quiz
from bot.roles.classifier import train_test_groups


def test_items_come_from_held_out_split_and_cover_many_roles():
    items = quiz.draw_items(10, seed=3)
    assert len(items) == 10
    assert len(Counter(i["rol"] for i in items)) == 7
    _, test_groups = train_test_groups()
    held_out = {(s, g.label) for g in test_groups for s in g.sentences}
    assert all((i["zin"], i["rol"]) in held_out for i in items)


def test_answers_with_articles_and_typos_are_checked_and_explained():
    data = {"items": [{"zin": "Laat het maar aan mij over, ik regel het wel.", "rol": "redder"},
                      {"zin": "Het is allemaal zijn schuld.", "rol": "aanklager"}], "index": 0, "antwoorden": []}
    first = quiz.apply_answer(data, "de reddr")
    assert first.recognised and first.correct
    assert first.explanation.startswith("Goed! Het is Redder")
    assert '"ik regel"' in first.explanation
    second = quiz.apply_answer(data, "slachtoffer")
    assert second.recognised and not second.correct and second.finished
    assert second.explanation.startswith("Niet goed: je koos Slachtoffer. Het is Aanklager")


def test_unrecognised_answer_does_not_advance():
    data = quiz.new_quiz_data(10, seed=1)
    result = quiz.apply_answer(data, "geen idee eigenlijk")
    assert not result.recognised
    assert "Kies uit" in result.explanation
    assert data["index"] == 0 and data["antwoorden"] == []


def test_full_quiz_is_stored_per_conversation_with_score_and_confusions():
    quiz_id = quiz.start_quiz("gesprek-1", seed=5)
    other = quiz.start_quiz("gesprek-2", seed=6)
    data = quiz.load_quiz(quiz_id)
    assert quiz.question_text(data).startswith("Zin 1 van 10:")
    results = []
    for step in range(10):
        item = quiz.load_quiz(quiz_id)["items"][step]
        # right for the first 7, then always "omstander" (wrong unless it is the Omstander)
        answer = item["rol"] if step < 7 else ("redder" if item["rol"] == "omstander" else "omstander")
        results.append(quiz.answer_quiz(quiz_id, answer))
    assert [r.finished for r in results] == [False] * 9 + [True]
    row = get_record(quiz.RECORD_KIND, quiz_id)
    assert row.status == "klaar" and row.conversation_id == "gesprek-1"
    score = row.data["score"]
    assert score["goed"] == 7 and score["totaal"] == 10
    assert sum(c["aantal"] for c in score["verwarringen"]) == 3
    text = quiz.score_text(quiz.score(row.data))
    assert text.startswith("Je score: 7 van de 10 goed.")
    assert "aangezien voor" in text
    assert quiz.quiz_history("gesprek-1") == [score]
    assert quiz.quiz_history("gesprek-2") == []
    assert get_record(quiz.RECORD_KIND, other).status == "bezig"
    assert len(list_records(quiz.RECORD_KIND)) == 2


def test_unknown_or_bad_quiz_id_gives_dutch_message():
    for bad in (None, "abc", 999999):
        assert quiz.load_quiz(bad) is None
    result = quiz.answer_quiz(999999, "redder")
    assert result.finished and "niet meer vinden" in result.explanation


def test_perfect_score_says_no_confusions():
    data = quiz.new_quiz_data(3, seed=2)
    for item in list(data["items"]):
        quiz.apply_answer(data, item["rol"])
    assert quiz.score_text(quiz.score(data)).endswith("Je hebt geen rollen door elkaar gehaald. Knap!")
