"""Concurrent role-play conversations over REST (through the balancer), with retries that never double
a turn, and the check of what PostgreSQL stored against what the clients sent and received."""
from __future__ import annotations

import json
import statistics
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple

from bot.privacy.masking import mask_reply, mask_text, names_of
from bot.rasa_runtime.outage import ACTION_SERVER, ACTION_SERVER_ERROR, DATABASE, REDIS, outage_text
from bot.rasa_runtime.rest_channel import NOT_PROCESSED
from bot.rasa_server import with_token

OUTAGE_TEXTS = tuple(outage_text(part) for part in (ACTION_SERVER, ACTION_SERVER_ERROR, DATABASE, REDIS))

START = "ik wil oefenen"
STOP = "stop rollenspel"
# What a professional says in a role-play; the persona answers each turn.
TURNS = [
    "Goedemiddag, fijn dat u er bent. Hoe gaat het met u?",
    "Ik hoor dat het thuis op dit moment zwaar is.",
    "Wat maakt u het meest ongerust?",
    "Wat heeft u zelf al geprobeerd?",
    "Wat zou u willen dat er verandert voor de kinderen?",
    "Zullen we samen kijken wat een eerste stap kan zijn?",
]
RETRY_PAUSE = 1.5
MAX_TRY_SECONDS = 240


@dataclass
class Turn:
    message_id: str
    text: str
    answer: List[Dict[str, Any]] = field(default_factory=list)
    seconds: float = 0.0          # duration of the attempt that was answered
    started: float = 0.0          # time.monotonic() when that attempt was sent
    attempts: int = 0
    failures: List[str] = field(default_factory=list)  # one entry per failed attempt ("503", "502", ...)


@dataclass
class Conversation:
    sender: str
    turns: List[Turn] = field(default_factory=list)
    error: Optional[str] = None   # set when the conversation could not finish

    @property
    def finished(self) -> bool:
        return self.error is None


@dataclass
class Outcome:
    status: Optional[int]
    body: Any
    seconds: float


def post(url: str, body: Dict[str, Any], timeout: float = 180.0) -> Outcome:
    data = json.dumps(body).encode("utf-8")
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"}, method="POST")
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw, status = resp.read(), resp.status
    except urllib.error.HTTPError as exc:
        raw, status = exc.read(), exc.code
    except Exception:  # noqa: BLE001 - connection refused/reset, timeout
        return Outcome(None, None, time.monotonic() - start)
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        parsed = None
    return Outcome(status, parsed, time.monotonic() - start)


def is_not_processed(outcome: Outcome) -> bool:
    return (outcome.status == 503 and isinstance(outcome.body, list)
            and any(m.get("text") in (NOT_PROCESSED, *OUTAGE_TEXTS) for m in outcome.body if isinstance(m, dict)))


class Runner:
    """Plays conversations; ``progress`` counts answered turns (the fault test watches it)."""

    def __init__(self, rasa_url: str, token: Optional[str] = None) -> None:
        # the channel answers only with Rasa's API token (bot.rasa_runtime.http_guard)
        self.webhook = with_token(rasa_url.rstrip("/") + "/webhooks/rest/webhook", token)
        self.lock = threading.Lock()
        self.answered = 0
        self.not_processed_messages = 0   # 503 answers with the Dutch message
        self.events: List[Tuple[float, str]] = []  # (time, failure kind)

    def send(self, conv: Conversation, text: str) -> Turn:
        turn = Turn(f"{conv.sender}-t{len(conv.turns) + 1:02d}", text)
        conv.turns.append(turn)
        deadline = time.monotonic() + MAX_TRY_SECONDS
        while True:
            turn.attempts += 1
            sent_at = time.monotonic()
            outcome = post(self.webhook, {"sender": conv.sender, "message": text, "message_id": turn.message_id})
            if outcome.status == 200 and isinstance(outcome.body, list):
                turn.answer, turn.seconds, turn.started = outcome.body, outcome.seconds, sent_at
                with self.lock:
                    self.answered += 1
                return turn
            kind = "503-melding" if is_not_processed(outcome) else str(outcome.status or "geen verbinding")
            turn.failures.append(kind)
            with self.lock:
                self.events.append((time.monotonic(), kind))
                if kind == "503-melding":
                    self.not_processed_messages += 1
            if time.monotonic() > deadline:
                raise RuntimeError(f"beurt {turn.message_id} kreeg na {turn.attempts} pogingen geen antwoord")
            time.sleep(RETRY_PAUSE)

    def roleplay(self, sender: str, index: int, turns: int) -> Conversation:
        conv = Conversation(sender)
        try:
            first = self.send(conv, START)
            payloads = [b["payload"] for m in first.answer for b in (m.get("buttons") or [])
                        if isinstance(b, dict) and b.get("payload")]
            if not payloads:
                raise RuntimeError("geen scenarioknoppen na 'ik wil oefenen'")
            self.send(conv, payloads[index % len(payloads)])
            for k in range(turns):
                self.send(conv, TURNS[k % len(TURNS)])
            self.send(conv, STOP)
        except Exception as exc:  # noqa: BLE001 - reported per conversation
            conv.error = str(exc)
        return conv

    def run(self, prefix: str, count: int, turns: int) -> List[Conversation]:
        with ThreadPoolExecutor(max_workers=count) as pool:
            futures = [pool.submit(self.roleplay, f"{prefix}-{i:02d}", i, turns) for i in range(count)]
            return [f.result() for f in futures]


def percentile(values: List[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def latency_summary(conversations: List[Conversation], start: float = 0.0,
                    end: float = float("inf")) -> Dict[str, float]:
    """Seconds per turn (answered at the first attempt, sent between ``start`` and ``end``)."""
    seconds = [t.seconds for c in conversations for t in c.turns
               if t.attempts == 1 and not t.failures and start <= t.started < end]
    return {
        "p50": percentile(seconds, 0.50),
        "p95": percentile(seconds, 0.95),
        "mean": statistics.fmean(seconds) if seconds else float("nan"),
        "n": len(seconds),
    }


# ---- what PostgreSQL stored ------------------------------------------------------------------------
def stored_events(tracker_url: str, senders: List[str]) -> Dict[str, List[Dict[str, Any]]]:
    """Every event of these conversations from the SQL tracker store, in stored order."""
    import sqlalchemy

    engine = sqlalchemy.create_engine(tracker_url, future=True)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sqlalchemy.text("SELECT sender_id, data FROM events WHERE sender_id = ANY(:senders) ORDER BY id"),
                {"senders": senders},
            ).all()
    finally:
        engine.dispose()
    found: Dict[str, List[Dict[str, Any]]] = {s: [] for s in senders}
    for sender, data in rows:
        found[sender].append(json.loads(data))
    return found


def check_stored(conv: Conversation, events: List[Dict[str, Any]], texts_of: Callable) -> List[str]:
    """Problems (Dutch) between what the client sent/received and what is stored; [] when equal."""
    problems = []
    user = [e for e in events if e.get("event") == "user"]
    ids = [e.get("message_id") for e in user]
    sent = [t.message_id for t in conv.turns]
    if ids != sent:
        lost = [i for i in sent if i not in ids]
        doubled = sorted({i for i in ids if ids.count(i) > 1}, key=str)  # a missing id is None
        problems.append(f"{conv.sender}: opgeslagen beurten {len(ids)}, verstuurd {len(sent)}"
                        f" (kwijt: {lost}, dubbel: {doubled}, volgorde {'fout' if not lost and not doubled else '-'})")
        return problems
    # every turn gets an answer, and the bot messages stored after each user message must be
    # exactly what the client got back
    for turn in conv.turns:
        if not turn.answer:
            problems.append(f"{conv.sender} {turn.message_id}: beurt zonder antwoord")
    earlier: FrozenSet[str] = frozenset()  # earlier messages come back from the store masked
    for turn, answer in zip(conv.turns, texts_of(events), strict=False):
        typed = earlier | names_of(turn.text)  # the names the store knew the user typed when it stored this answer
        earlier |= names_of(mask_text(turn.text))
        got = [m.get("text") for m in turn.answer]
        # the store masks bot text too (a name only where the user typed it, ``mask_reply``): compare masked with
        # masked
        if _masked_joined(got, typed) != _masked_joined(answer, typed, already_masked=True):
            problems.append(f"{conv.sender} {turn.message_id}: opgeslagen antwoord wijkt af van wat de gebruiker kreeg")
    return problems


def _masked_joined(texts: List[Optional[str]], typed: FrozenSet[str], already_masked: bool = False) -> str:
    joined = "\n\n".join(t for t in texts if t)
    return joined if already_masked else mask_reply(joined, typed)


def stored_answers(events: List[Dict[str, Any]]) -> List[List[Optional[str]]]:
    """Per user message, the texts the REST channel sends for the bot events after it (text is split
    at blank lines, as Rasa's collecting output channel does; a message without text counts as None)."""
    answers: List[List[Optional[str]]] = []
    for event in events:
        if event.get("event") == "user":
            answers.append([])
        elif event.get("event") == "bot" and answers:
            answers[-1].extend(rest_texts(event))
    return answers


def rest_texts(event: Dict[str, Any]) -> List[Optional[str]]:
    data = event.get("data") or {}
    text = event.get("text")
    texts: List[Optional[str]] = []
    if text:
        if data.get("buttons") or data.get("quick_replies"):
            texts.append(text)
        else:
            texts.extend(part for part in text.strip().split("\n\n"))
    for key in ("custom", "image", "attachment", "elements"):
        if data.get(key):
            texts.append(None)
    return texts
