"""Part 4 of ``make test-cluster``: what a caller, parent or trainee typed never reaches PostgreSQL, Redis, a log or a
file of the cluster in plain text, and a wipe on request through the cluster removes it.

Through the web page (the balancer and both Rasa servers behind it): an intake with a call-back in one conversation,
a role-play in another, each with typed sentences holding a first name and surname, a phone number, a street with a
number and a piece of the story. Then every place the cluster keeps something is searched for what was typed: a dump
of all PostgreSQL databases (Rasa's tracker store and our own store), every key in Redis, and every file under the
cluster's folder (PostgreSQL's data files and write-ahead log after a checkpoint, the logs, the configuration) and
every file of the data folder written since the test started. Then "Wis dit gesprek" (web page) wipes the first
conversation and "Wis deze sessie" (trainers' page) the role-play session, and PostgreSQL is searched again: their
conversation ids, records and stories are gone."""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Tuple

from bot.cluster.services import Cluster, postgres_bin

FIRST, SURNAME = "Marieke", "Hakvoort"
NAME = f"{FIRST} {SURNAME}"
PHONE = "06-48273915"
STREET = "Tjalkweg 17"
STORY_INTAKE = "sinds de verhuizing slapen de kinderen slecht en huilt de jongste elke avond"
STORY_ROLEPLAY = "uw zoon is al drie weken niet op school geweest sinds het ruzie werd over de omgang"
INTAKE_TYPED = f"moeder {NAME} woont aan de {STREET}, telefoon {PHONE}; {STORY_INTAKE}"
CALLBACK_TYPED = f"graag terugbellen naar {NAME} op {PHONE}, adres {STREET}: {STORY_INTAKE}"
ROLEPLAY_TYPED = f"Mevrouw {SURNAME}, ik hoor dat {STORY_ROLEPLAY}; u woont toch aan de {STREET}, {PHONE}?"
# Typed through the web page while a Rasa server is killed (part 1 of the fault test): the same details, another story
# (the search after the wipes of part 4 looks for the stories of its own conversations)
FAILOVER_STORY = "de vader slaapt sinds de scheiding soms in de auto voor het huis van de kinderen"
FAILOVER_TYPED = f"vader {NAME} belt vanaf de {STREET}, telefoon {PHONE}; {FAILOVER_STORY}"
TYPED = (INTAKE_TYPED, CALLBACK_TYPED, ROLEPLAY_TYPED, FAILOVER_TYPED)
# What may never be found in plain text: each typed sentence and each detail in it, also as the digits alone
PLAIN = TYPED + (NAME, SURNAME, PHONE, PHONE.replace("-", ""), PHONE[3:], STREET, STREET.split()[0])
TRAINER_TOKEN_ENV = "RUSTPUNT_TRAINER_TOKEN"


def plain_found(blob: bytes, where: str, plain: Iterable[str] = PLAIN) -> List[str]:
    """'<where>: <text>' for every text of ``plain`` that stands in ``blob`` as typed (any case; also JSON-escaped)."""
    lowered = blob.lower()
    found = []
    for text in plain:
        forms = {text, json.dumps(text)[1:-1], json.dumps(text, ensure_ascii=False)[1:-1]}
        if any(form.lower().encode("utf-8") in lowered for form in forms):
            found.append(f"{where}: {text!r}")
    return found


def postgres_dump(cluster: Cluster) -> bytes:
    """Every PostgreSQL database of the cluster as SQL (``pg_dumpall``: Rasa's tracker store and our own store, also
    what PostgreSQL compressed in its files)."""
    result = cluster._as_postgres([postgres_bin("pg_dumpall"), "-h", str(cluster.layout.pgsocket),
                                   "-p", str(cluster.ports.postgres), "-U", "postgres"])
    if result.returncode != 0:
        raise RuntimeError(f"pg_dumpall mislukt: {result.stderr.strip()}")
    return result.stdout.encode("utf-8")


def redis_contents(cluster: Cluster) -> Tuple[int, bytes]:
    """(number of keys, every key and its serialised value in Redis: ``SCAN`` and ``DUMP``)."""
    import redis

    client = redis.Redis(host="127.0.0.1", port=cluster.ports.redis, password=cluster.secret.redis_password,
                         socket_timeout=5)
    parts, count = [], 0
    for key in client.scan_iter(count=1000):
        count += 1
        parts += [key, client.dump(key) or b""]
    return count, b"\n".join(parts)


def files_since(folder: Path, since: float, skip: Optional[Path] = None) -> Iterable[Path]:
    """The files under ``folder`` changed at or after ``since`` (all of them with ``since`` 0), not under ``skip``."""
    for path in folder.rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime >= since and not (skip and skip in path.parents):
                yield path
        except OSError:  # a file PostgreSQL removed meanwhile
            continue


def stored_plain(cluster: Cluster, data_folder: Path, since: float, plain: Iterable[str] = PLAIN) -> Tuple[
        List[str], Dict[str, int]]:
    """Where the cluster keeps any of ``plain`` as typed (Dutch lines; [] when nowhere), and what was searched."""
    plain = tuple(plain)
    cluster._psql("CHECKPOINT")  # PostgreSQL's data files hold every committed row, not only its write-ahead log
    dump = postgres_dump(cluster)
    keys, redis_blob = redis_contents(cluster)
    found = plain_found(dump, "PostgreSQL (pg_dumpall)", plain) + plain_found(redis_blob, "Redis", plain)
    root = cluster.layout.root
    files = 0
    for folder, after, skip in ((root, 0.0, None), (data_folder, since, root)):
        for path in files_since(folder, after, skip):
            files += 1
            try:
                found += plain_found(path.read_bytes(), str(path), plain)
            except OSError:
                continue
    return found, {"dump_bytes": len(dump), "redis_keys": keys, "files": files}


@dataclass
class WebChat:
    """One browser on the web page: its conversation cookie, its messages through ``/api/chat``."""

    web_url: str
    metadata: Dict[str, str] = field(default_factory=dict)
    secret: Optional[str] = None

    def _post(self, path: str, body: Dict[str, Any]) -> Tuple[int, Any]:
        headers = {"Content-Type": "application/json"}
        if self.secret:
            headers["Cookie"] = f"rustpunt_gesprek={self.secret}"
        request = urllib.request.Request(self.web_url + path, data=json.dumps(body).encode("utf-8"), method="POST",
                                         headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=180) as response:
                status, raw, cookies = response.status, response.read(), response.headers.get_all("Set-Cookie")
        except urllib.error.HTTPError as exc:
            status, raw, cookies = exc.code, exc.read(), exc.headers.get_all("Set-Cookie")
        for cookie in cookies or []:
            name, _, rest = cookie.partition("=")
            if name == "rustpunt_gesprek" and not self.secret:
                self.secret = rest.split(";")[0]
        try:
            return status, json.loads(raw.decode("utf-8"))
        except ValueError:
            return status, None

    def say(self, text: str, message_id: Optional[str] = None) -> List[Dict[str, Any]]:
        """Send ``text`` as the page does: with an id of its own (``message_id``: the same on every attempt)."""
        status, body = self._post("/api/chat", {"message": text, "metadata": self.metadata,
                                                "id": message_id or uuid.uuid4().hex})
        if status != 200 or not isinstance(body, dict):
            raise RuntimeError(f"de webpagina antwoordde HTTP {status} op {text[:30]!r}")
        return body.get("berichten") or []

    def wipe(self) -> Dict[str, Any]:
        """'Wis dit gesprek'."""
        status, body = self._post("/api/gesprek/wissen", {})
        if status != 200 or not isinstance(body, dict):
            raise RuntimeError(f"'Wis dit gesprek' gaf HTTP {status}")
        return body

    @property
    def conversation_id(self) -> str:
        from bot.web.conversation import conversation_id

        return conversation_id(self.secret or "")


class TypingDuringFailover:
    """Professionals typing details of a family on the web page while a Rasa server is killed under them: each chat has
    opened an intake (:meth:`open`, before the kill); :meth:`start` sends the sentence with the details from all of
    them at once, to be in flight when the kill comes. A message that gets an error is sent again, as the page's
    'Opnieuw proberen' does: with the same message id (up to ``attempts`` times, 3 s apart). :meth:`check` afterwards
    sends each sentence once more with its id (a retry whose first answer was lost): it must get the answer of the
    first time (as many messages; a text may show details masked, as stored) and change nothing; then every sentence
    must be in Rasa's store exactly once; that nothing of it stands anywhere in plain text
    is part 4's search (the same details)."""

    OPENER = "ik heb een ouder aan de lijn"

    def __init__(self, web_url: str, chats: int = 4, attempts: int = 4) -> None:
        self.chats = [WebChat(web_url) for _ in range(chats)]
        self.attempts = attempts
        self.sent: Dict[int, int] = {}      # chat index -> attempts it took (absent: never answered)
        self.ids = [uuid.uuid4().hex for _ in self.chats]  # one message id per sentence, the same on every attempt
        self.answers: Dict[int, List[Dict[str, Any]]] = {}
        self.errors: Dict[int, str] = {}
        self._threads: List[Any] = []

    def open(self) -> None:
        for chat in self.chats:
            chat.say(self.OPENER)

    def _type(self, index: int) -> None:
        for attempt in range(1, self.attempts + 1):
            try:
                self.answers[index] = self.chats[index].say(FAILOVER_TYPED, self.ids[index])
                self.sent[index] = attempt
                return
            except (RuntimeError, OSError) as exc:
                self.errors[index] = str(exc)
                time.sleep(3)

    def start(self) -> None:
        import threading

        self._threads = [threading.Thread(target=self._type, args=(index,)) for index in range(len(self.chats))]
        for thread in self._threads:
            thread.start()

    def join(self) -> None:
        for thread in self._threads:
            thread.join()

    def check(self, cluster: Cluster) -> Tuple[List[str], Dict[str, Any]]:
        from bot.cluster.roleplay_load import stored_events

        problems = [f"getypt tijdens het stoppen van rasa1, nooit beantwoord ({self.errors.get(index, '?')})"
                    for index in range(len(self.chats)) if index not in self.sent]
        repeated = same = 0
        for index in self.sent:
            try:
                again = self.chats[index].say(FAILOVER_TYPED, self.ids[index])
            except (RuntimeError, OSError) as exc:
                problems.append(f"getypt tijdens het stoppen van rasa1, opnieuw gestuurd met hetzelfde id: {exc}")
                continue
            repeated += 1
            same += again == self.answers[index]
            if len(again) != len(self.answers[index]):  # the store masks details: a text may differ, not the turn
                problems.append("getypt tijdens het stoppen van rasa1: opnieuw gestuurd met hetzelfde id kwam een "
                                "ander antwoord dan de eerste keer")
        stored = stored_events(cluster.tracker_url, [chat.conversation_id for chat in self.chats])
        counts = [sum(1 for event in stored[chat.conversation_id] if event.get("event") == "user")
                  for chat in self.chats]
        problems += [f"getypt tijdens het stoppen van rasa1: {count - 1} in plaats van 1 keer in PostgreSQL"
                     for index, count in enumerate(counts) if index in self.sent and count != 2]
        return problems, {"chats": len(self.chats), "beantwoord": len(self.sent),
                          "pogingen": [self.sent.get(index, 0) for index in range(len(self.chats))],
                          "zelfde_id_opnieuw": repeated, "zelfde_id_letterlijk_zelfde_antwoord": same,
                          "gebruikersberichten_db": counts}


def intake_with_call_back(chat: WebChat) -> None:
    """An intake of a parent on the phone with all details, then a call-back request with them (as the e2e test)."""
    for text in ("ik heb een ouder aan de lijn", INTAKE_TYPED, "rond af", "/intake_terugbellen", "jeugdconsulent",
                 CALLBACK_TYPED, "morgen voor 12 uur"):
        chat.say(text)


def role_play(chat: WebChat) -> None:
    replies = chat.say("ik wil oefenen")
    buttons = [b for r in replies for b in (r.get("buttons") or [])]
    if not buttons:
        raise RuntimeError("geen scenarioknoppen na 'ik wil oefenen'")
    chat.say(buttons[0]["payload"])
    chat.say(ROLEPLAY_TYPED)
    chat.say("stop het rollenspel")


def _count(url: str, sql: str, **params: Any) -> int:
    import sqlalchemy

    engine = sqlalchemy.create_engine(url, future=True)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sqlalchemy.text(sql), params).scalar() or 0)
    finally:
        engine.dispose()


def _records(cluster: Cluster, conversation: str, kind: Optional[str] = None) -> List[int]:
    import sqlalchemy

    engine = sqlalchemy.create_engine(cluster.records_url, future=True)
    sql = "SELECT pk FROM records WHERE conversation_id = :cid" + (" AND kind = :kind" if kind else "")
    try:
        with engine.connect() as conn:
            return [int(row[0]) for row in conn.execute(sqlalchemy.text(sql), {"cid": conversation, "kind": kind})]
    finally:
        engine.dispose()


def wipe_session(cluster: Cluster, token: str, number: int) -> int:
    """'Wis deze sessie' on the trainers' page (with the trainer token); the HTTP status."""
    request = urllib.request.Request(
        cluster.web_url + "/trainer/sessie/wissen", data=urllib.parse.urlencode({"sessie": number}).encode(),
        method="POST", headers={"Authorization": f"Bearer {token}",
                                "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def admin(cluster: Cluster, *args: str) -> str:
    """What ``python -m bot.cluster beheer <args>`` (a beheerder's 'rustpunt' on the running cluster) prints; run in
    this process (a new Python process would load Rustpunt's command line again for every command)."""
    from bot.cluster.__main__ import admin as run_admin

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        run_admin(argparse.Namespace(dir=str(cluster.layout.root), command_args=list(args)))
    return out.getvalue()


def run_privacy_check(cluster: Cluster, data_folder: Path, trainer_token: str, log,
                      since: Optional[float] = None) -> Tuple[List[str], Dict]:
    """Type details through the web page, search every store for them, wipe on request and search again. Returns the
    problems (Dutch) and the numbers for the summary. ``since`` (time.time()): files of ``data_folder`` written from
    then on are searched too (default: from the start of this part)."""
    started = since or time.time()
    t0 = time.monotonic()
    problems: List[str] = []
    intake = WebChat(cluster.web_url)
    trainee = WebChat(cluster.web_url, {"deelnemer": "Deelnemer P1", "groep": "Privacygroep"})
    try:
        intake_with_call_back(intake)
        role_play(trainee)
    except RuntimeError as exc:
        return [f"privacygesprek niet afgemaakt: {exc}"], {}
    for chat, kinds in ((intake, ("intake_samenvatting", "terugbelverzoek")), (trainee, ("rollenspel",))):
        for kind in kinds:
            if not _records(cluster, chat.conversation_id, kind):
                problems.append(f"geen {kind} bewaard voor het privacygesprek (de test zou niets bewijzen)")
    events = {chat.conversation_id: _count(cluster.tracker_url, "SELECT COUNT(*) FROM events WHERE sender_id = :s",
                                           s=chat.conversation_id) for chat in (intake, trainee)}
    if not all(events.values()):
        problems.append(f"geen gesprek in PostgreSQL gevonden ({events})")
    typed_at = time.monotonic()
    before, searched = stored_plain(cluster, data_folder, started)
    searched_at = time.monotonic()
    problems += [f"leesbaar opgeslagen: {line}" for line in before]
    log(f"  Getypt via de webpagina: {len(TYPED)} zinnen met naam, telefoon, adres en verhaal; gezocht in "
        f"pg_dumpall ({searched['dump_bytes'] // 1024} kB), {searched['redis_keys']} Redis-sleutels en "
        f"{searched['files']} bestanden: {len(before)}x leesbaar gevonden.")

    # ---- wiping on request ----------------------------------------------------------------------------------
    sessions = _records(cluster, trainee.conversation_id, "rollenspel")
    removed = intake.wipe().get("verwijderd") or {}
    status = wipe_session(cluster, trainer_token, sessions[0]) if sessions else 0
    if status != 200:
        problems.append(f"'Wis deze sessie' gaf HTTP {status}")
    left_events = _count(cluster.tracker_url, "SELECT COUNT(*) FROM events WHERE sender_id = :s",
                         s=intake.conversation_id)
    if left_events or _records(cluster, intake.conversation_id):
        problems.append(f"na 'Wis dit gesprek' staan nog {left_events} gebeurtenissen en "
                        f"{len(_records(cluster, intake.conversation_id))} records in PostgreSQL "
                        f"(gemeld als gewist: {removed})")
    if _records(cluster, trainee.conversation_id, "rollenspel"):
        problems.append("na 'Wis deze sessie' staat de rollenspelsessie nog in PostgreSQL")
    gone = (intake.conversation_id, STORY_INTAKE, STORY_ROLEPLAY)
    problems += [f"na het wissen op de web- en trainerspagina nog in {line}"
                 for line in plain_found(postgres_dump(cluster), "PostgreSQL (pg_dumpall)", gone)]
    # a beheerder finds the trainee's conversation by the surname typed in it (masked, kept as a keyed hash) and
    # forgets it
    listed = admin(cluster, "gesprekken", "--zoek", SURNAME)
    if trainee.conversation_id not in listed or intake.conversation_id in listed:
        problems.append(f"'beheer gesprekken --zoek {SURNAME}' vond het gesprek niet (of het gewiste wel): "
                        f"{listed[-300:]!r}")
    forgotten = admin(cluster, "vergeet", trainee.conversation_id)
    left = plain_found(postgres_dump(cluster), "PostgreSQL (pg_dumpall)", (trainee.conversation_id,))
    if left or _records(cluster, trainee.conversation_id):
        problems.append(f"na 'beheer vergeet' staat het gesprek nog in PostgreSQL: {forgotten[-300:]!r}")
    log(f"  Gewist met 'Wis dit gesprek' (webpagina: {removed}) en 'Wis deze sessie' (trainerspagina), daarna "
        f"gezocht in PostgreSQL naar het gespreks-id en beide verhalen; het rollenspelgesprek gevonden met 'beheer "
        f"gesprekken --zoek {SURNAME}' en gewist met 'beheer vergeet'.")
    return problems, {"leesbaar": len(before), **searched, "seconds": round(time.monotonic() - t0, 1),
                      "typing_s": round(typed_at - t0, 1), "search_s": round(searched_at - typed_at, 1),
                      "wiping_s": round(time.monotonic() - searched_at, 1)}
