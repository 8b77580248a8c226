"""The command-line HTML report (`rustpunt rapport`): every value a participant or file supplied is escaped."""
from __future__ import annotations

from types import SimpleNamespace

from bot.roleplay.report import html_report

INJECTION = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _session(**changes):
    session = {
        "id": 7, "created_at": "2026-12-03T10:15:00", "titel": "Vader belt", "scenario": "vader", "status": "klaar",
        "state": {"turns": [{"zet": "erkennen", "spanning_voor": 8, "spanning_na": 7},
                            {"zet": "sussen", "spanning_voor": 7, "spanning_na": 5}]},
        "debrief": {"stappen_volgorde": ["erkennen"], "tips": ["Vat samen wat je hoort."]},
    }
    session.update(changes)
    return session


def test_the_report_shows_sessions_steps_tension_and_tips():
    html = html_report("Anna", [_session()], {"erkennen": SimpleNamespace(naam="Erkennen")})
    assert "<title>Rollenspelrapport Anna</title>" in html
    assert "Aantal sessies: 1. Aantal beurten: 2." in html
    assert "<td>Vader belt</td>" in html and "<td>8 → 7 → 5</td>" in html and "<td>Erkennen</td>" in html
    assert "<li>Vat samen wat je hoort.</li>" in html
    assert "data:image/png;base64,iVBOR" in html
    # how it ended, in words (a user test saw the stored codes)
    assert "<td>goed afgelopen</td>" in html_report("Anna", [_session(status="goed")], {})


def test_an_empty_report_says_there_are_no_finished_sessions():
    html = html_report("Groep A", [], {})
    assert "Aantal sessies: 0" in html and "<li>Nog geen afgeronde sessies.</li>" in html


def test_names_titles_steps_and_tips_are_escaped():
    session = _session(titel=INJECTION, status=INJECTION,
                       debrief={"stappen_volgorde": [INJECTION], "tips": [INJECTION]})
    html = html_report(INJECTION, [session], {})
    assert "<script>" not in html and "<img src=x" not in html
    assert html.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") == 6  # title, h1, scenario, status, steps, tip


def test_the_report_and_the_csv_show_dutch_time():
    import io

    from bot.roleplay.report import write_csv

    winter = _session(id=1, created_at="2026-12-03T10:15:00")  # stored in UTC
    summer = _session(id=2, created_at="2026-07-03T10:15:00", state={"turns": [
        {"nr": 1, "zet": "erkennen", "spanning_voor": 8, "spanning_na": 7, "rol": "slachtoffer", "tekst": "t",
         "antwoord": "a"}]})
    html = html_report("Anna", [winter, summer], {})
    assert "<td>2026-12-03 11:15</td>" in html and "<td>2026-07-03 12:15</td>" in html
    out = io.StringIO()
    write_csv([summer], out)
    assert ";2026-07-03 12:15:00;" in out.getvalue()
