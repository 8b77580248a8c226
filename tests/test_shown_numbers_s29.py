"""Session 29: what trainers and professionals read names a role-play session by the number the professional saw in
the chat ("sessie 1" of that conversation, ``records.nummer`` since session 28) with whose session it is, never by the
internal record number. Through the real store (SQLite per test; PostgreSQL with RUSTPUNT_TEST_DATABASE_URL): the
trainers' page, one session's page, the wipe question, the group page and its CSV, and the exports (transcript, CSV
and HTML report of ``rustpunt sessies``)."""
from __future__ import annotations

import io
import re
import urllib.parse

from bot import records
from bot.roleplay.session import KIND, list_sessions


def _store_sessions():
    """Two trainees, each with their first and second session in their own conversation, after other records, so
    every internal number differs from the number the trainee saw."""
    for _ in range(5):
        records.add_record("intake_samenvatting", {"tekst": "ander verslag"}, conversation_id="gesprek-ander")
    made = {}
    for who, conversation in (("Deelnemer Anna", "gesprek-anna"), ("Deelnemer Bas", "gesprek-bas")):
        for _ in range(2):
            pk = records.add_record(KIND, {"scenario": "boze_vader", "titel": "Boze vader", "deelnemer": who,
                                           "groep": "najaar-2026", "state": {"turns": []}},
                                    conversation_id=conversation, title="Boze vader", status="bezig")
            made[pk] = (who, records.shown_number(records.get_record(KIND, pk)))
    assert sorted(number for _, number in made.values()) == [1, 1, 2, 2]
    assert all(pk > 5 for pk in made)  # internal numbers 6..9: none is a shown number
    return made


def _internal_shown(text: str, made) -> list:
    """Internal numbers that appear as a session's number in visible text ("Rollenspel 7", "sessie 8", "Sessie 6")."""
    return [pk for pk in made if re.search(rf"(?i)\b(?:rollenspel|sessie)\s+{pk}\b", text)]


def _visible(html: str) -> str:
    """The text of a page without its tags and attribute values (links and forms carry the internal number)."""
    return re.sub(r"<[^>]*>", " ", html)


def test_the_trainers_pages_show_the_number_the_trainee_saw_with_the_trainee(tmp_path):
    from bot.roleplay.group import render_group_page
    from bot.web import trainer_page

    made = _store_sessions()
    rows = records.list_records(KIND)
    page = _visible(trainer_page.sessions_page(rows))
    assert "Rollenspel 1 van Deelnemer Anna" in page and "Rollenspel 2 van Deelnemer Anna" in page
    assert "Rollenspel 1 van Deelnemer Bas" in page and "Rollenspel 2 van Deelnemer Bas" in page
    assert _internal_shown(page, made) == []

    pk = next(pk for pk, (who, number) in made.items() if who == "Deelnemer Bas" and number == 2)
    row = records.get_record(KIND, pk)
    one = trainer_page.session_page(row)
    assert "Rollenspel 2 van Deelnemer Bas" in _visible(one) and _internal_shown(_visible(one), made) == []
    first = next(p for p, (who, number) in made.items() if who == "Deelnemer Bas" and number == 1)
    question = trainer_page.wipe_question_page(records.get_record(KIND, first), [pk], rows)
    text = _visible(question)
    assert "Rollenspel 1 van Deelnemer Bas wissen?" in text and "Ja, wis rollenspel 1 van Deelnemer Bas" in text
    assert "Ook sessie 2 van Deelnemer Bas wordt gewist" in " ".join(text.split())
    assert _internal_shown(text, made) == []
    assert f'name="sessie" value="{first}"' in question  # the form still names the record it wipes

    group = render_group_page(rows, "najaar-2026")
    shown = _visible(group)
    assert "Deelnemer Anna, sessie 2: transcript en nabespreking" in shown
    assert "Deelnemer Bas, sessie 1: transcript en nabespreking" in shown
    assert _internal_shown(shown, made) == []
    assert f"/trainer/sessie?sessie={pk}" in group  # the link opens the right record


def test_the_group_csv_and_the_session_exports_carry_the_shown_number_and_the_trainee():
    from bot.roleplay import catalog
    from bot.roleplay.group import group_view, write_group_csv
    from bot.roleplay.report import html_report, transcript_text, write_csv

    made = _store_sessions()
    out = io.StringIO()
    write_group_csv(group_view(records.list_records(KIND), "najaar-2026"), out)
    lines = out.getvalue().splitlines()
    header = lines[0].lstrip("\ufeff").split(";")
    column, person = header.index("Sessie"), header.index("Deelnemer")
    cells = sorted((row.split(";")[person], row.split(";")[column]) for row in lines[1:])
    assert cells == [("Deelnemer Anna", "1"), ("Deelnemer Anna", "2"), ("Deelnemer Bas", "1"), ("Deelnemer Bas", "2")]

    sessions = list_sessions()
    for session in sessions:
        session["state"] = {"turns": [{"nr": 1, "zet": "erkennen", "spanning_voor": 6, "spanning_na": 5,
                                       "rol": "vader", "tekst": "Ik hoor dat u boos bent.", "antwoord": "Ja."}]}
    bas = [s for s in sessions if s["deelnemer"] == "Deelnemer Bas"]
    text = transcript_text(bas[0], catalog.moves())
    assert text.splitlines()[0].startswith(f"Sessie {bas[0]['nummer']}: ") and _internal_shown(text, made) == []
    out = io.StringIO()
    write_csv(sessions, out)
    lines = out.getvalue().splitlines()
    header = lines[0].lstrip("\ufeff").split(";")
    assert sorted(row.split(";")[header.index("Sessie")] for row in lines[1:]) == ["1", "1", "2", "2"]
    report = _visible(html_report("Deelnemer Bas", bas, catalog.moves()))
    assert _internal_shown(report, made) == []


def test_a_trainee_with_two_conversations_has_two_sessions_1_told_apart_by_their_conversation():
    from bot.roleplay.group import render_group_page
    from bot.web.conversation import short_hash

    for conversation in ("gesprek-ochtend", "gesprek-middag"):  # 'Nieuw gesprek' in between: numbers start again
        records.add_record(KIND, {"scenario": "boze_vader", "titel": "Boze vader", "deelnemer": "Deelnemer Cas",
                                  "groep": "winter", "state": {"turns": []}},
                           conversation_id=conversation, title="Boze vader", status="bezig")
    shown = " ".join(_visible(render_group_page(records.list_records(KIND), "winter")).split())
    for conversation in ("gesprek-ochtend", "gesprek-middag"):
        assert f"Deelnemer Cas, sessie 1 (gesprek #{short_hash(conversation)}): transcript" in shown


def test_the_wipe_reports_on_the_trainers_page_name_the_number_the_trainee_saw():
    """'Wis deze sessie' and 'Wis alle sessies van deze groep' say which sessions went the way the page named them
    ("Rollenspel 2 van Deelnemer Bas is gewist."), not by the internal number the form carried."""
    from bot.privacy.forget import ForgottenSession
    from bot.web.config import WebConfig
    from bot.web.server import make_server
    from tests.fake_rasa import free_port, serve
    from tests.test_web_server import TOKEN, request

    made = _store_sessions()

    def forget_session(number):
        records.delete_records(ids=[number], kinds=[KIND])
        return ForgottenSession(number=number, sessions=[number], in_chat=False)

    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-www-form-urlencoded"}
    server = serve(make_server(WebConfig(port=0, rasa_url=f"http://127.0.0.1:{free_port()}", trainer_token=TOKEN),
                               load_records=lambda: records.list_records(KIND), forget_session=forget_session))
    try:
        second = next(pk for pk, (who, number) in made.items() if who == "Deelnemer Bas" and number == 2)
        status, _, html = request(server, "POST", "/trainer/sessie/wissen", f"sessie={second}", auth)
        text = " ".join(_visible(html).split())
        assert status == 200 and "Rollenspel 2 van Deelnemer Bas is gewist." in text
        assert _internal_shown(text, made) == []

        anna = sorted(pk for pk, (who, _) in made.items() if who == "Deelnemer Anna")
        form = urllib.parse.urlencode({"groep": "najaar-2026", "sessies": " ".join(str(pk) for pk in anna)})
        status, _, html = request(server, "POST", "/trainer/groep/wissen", form, auth)
        text = " ".join(_visible(html).split())
        assert status == 200 and "1 van Deelnemer Anna en 2 van Deelnemer Anna" in text, text[:2000]
        assert _internal_shown(text, made) == []
    finally:
        server.shutdown()
        server.server_close()
