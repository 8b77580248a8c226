"""Load and validate every knowledge file at once, collecting *all* problems in Dutch.

A file looks like::

    soort: stap          # which model validates the items
    items:
      - id: visie
        bron: {document: "004 Werkboek complexe scheidingen", sectie: "Stap 1"}
        ...

Problems are reported with file, entry id and field. Unknown fields, duplicate ids and
references to ids that do not exist are errors.
"""
from __future__ import annotations

import difflib
import logging
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Generic, Iterable, List, Mapping, Optional, Tuple, Type, TypeVar, Union

import yaml
from pydantic import BaseModel, ValidationError

from bot.knowledge.base import Entry
from bot.knowledge.kinds import registry
from bot.knowledge.problem import Problem
from bot.knowledge.yaml_errors import yaml_error_text
from bot.paths import knowledge_dir, knowledge_dir_name

MAX_FILE_BYTES = 5_000_000
CHECK_SECONDS = 5.0  # a running server looks at the files' dates at most this often

log = logging.getLogger(__name__)

# pydantic 1.10 error types -> Dutch explanation
_DUTCH = {
    "value_error.missing": "verplicht veld ontbreekt",
    "value_error.extra": "onbekend veld (niet toegestaan)",
    "type_error.none.not_allowed": "mag niet leeg zijn",
    "type_error.integer": "moet een geheel getal zijn",
    "type_error.float": "moet een getal zijn",
    "type_error.str": "moet tekst zijn",
    "type_error.list": "moet een lijst zijn",
    "type_error.dict": "moet een blok met velden zijn",
    "type_error.bool": "moet ja of nee (true/false) zijn",
    "value_error.any_str.min_length": "is te kort of leeg",
    "value_error.any_str.max_length": "is te lang",
    "value_error.str.regex": "bevat ongeldige tekens (alleen kleine letters, cijfers, - en _)",
    "value_error.number.not_ge": "is te klein",
    "value_error.number.not_le": "is te groot",
    "value_error.number.not_gt": "is te klein",
    "value_error.number.not_lt": "is te groot",
    "type_error.enum": "heeft een waarde die niet is toegestaan",
    "value_error.const": "heeft een waarde die niet is toegestaan",
    "value_error.list.min_items": "heeft te weinig items",
    "value_error.url": "is geen geldig webadres",
    "value_error.email": "is geen geldig e-mailadres",
}


@dataclass
class Knowledge:
    """All valid entries, per kind, plus the problems found while loading."""

    entries: Dict[str, Dict[str, Entry]] = field(default_factory=dict)
    files: Dict[tuple, str] = field(default_factory=dict)  # (kind, id) -> relative file
    claimed: Dict[tuple, str] = field(default_factory=dict)  # every id seen, valid or not
    problems: List[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    # The model class of an entry depends on ``kind`` (a string), so callers get ``Any`` and use its fields.
    def all(self, kind: str) -> List[Any]:
        return list(self.entries.get(kind, {}).values())

    def get(self, kind: str, entry_id: str) -> Optional[Any]:
        return self.entries.get(kind, {}).get(entry_id)


# pydantic 1.10 error types with a limit (``ctx.limit_value``, from the field's constrained type) -> how it is named
_LIMITS = {
    "value_error.number.not_ge": "minstens {limit}",
    "value_error.number.not_le": "hoogstens {limit}",
    "value_error.number.not_gt": "meer dan {limit}",
    "value_error.number.not_lt": "minder dan {limit}",
    "value_error.any_str.min_length": "minstens {limit} {chars}",
    "value_error.any_str.max_length": "hoogstens {limit} {chars}",
    "value_error.list.min_items": "minstens {limit}",
}


def _dutch_message(error: Mapping[str, Any], value: Any = None) -> str:
    """``value``: what the file holds at the error's place; a text that is too long or too short says its own length
    (a user test shortened a too long opening twice, not knowing by how much)."""
    kind = error.get("type", "")
    limit = (error.get("ctx") or {}).get("limit_value")
    if kind in _DUTCH and kind in _LIMITS and limit is not None:
        shown = _LIMITS[kind].format(limit=limit, chars='teken' if limit == 1 else 'tekens')
        if kind.startswith("value_error.any_str") and isinstance(value, str):
            shown += f", nu {len(value)}"
        elif kind.startswith("value_error.number") and isinstance(value, (int, float)) and not isinstance(value, bool):
            shown += f", nu {value}"
        elif kind == "value_error.list.min_items" and isinstance(value, list):
            shown += f", nu {len(value)}"
        return f"{_DUTCH[kind]} ({shown})"
    if kind in _DUTCH:
        return _DUTCH[kind]
    if kind.startswith("value_error") and error.get("msg"):
        return error["msg"]  # our own validators raise Dutch messages
    return f"ongeldige waarde ({error.get('msg', kind)})"


def _value_at(raw: Any, loc: Iterable) -> Any:
    """What ``raw`` (an item as read from YAML) holds at a pydantic error's ``loc``; None when it is not there."""
    for part in loc:
        if isinstance(raw, dict) and part in raw:
            raw = raw[part]
        elif isinstance(raw, list) and isinstance(part, int) and 0 <= part < len(raw):
            raw = raw[part]
        else:
            return None
    return raw


def _field_names(model: Any, parent: Tuple) -> List[str]:
    """The field names of the block at ``parent`` inside ``model`` (list positions skipped); [] when unknown."""
    for part in parent:
        if isinstance(part, int):
            continue
        fields = getattr(model, "__fields__", {})
        if part not in fields:
            return []
        model = fields[part].type_
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.__fields__)
    return []


MISSING, EXTRA = "value_error.missing", "value_error.extra"


def _typo_suggestions(model: Any, errors: List[Mapping[str, Any]]) -> Dict[Tuple, str]:
    """Unknown field -> the field it is close to ("aandachtpunten" -> "aandachtspunten"), by its ``loc``. A user test
    read 'verplicht veld ontbreekt' and 'onbekend veld' as two problems for one typing error."""
    missing = {tuple(e["loc"]) for e in errors if e.get("type") == MISSING}
    found: Dict[Tuple, str] = {}
    for error in errors:
        loc = tuple(error["loc"])
        if error.get("type") != EXTRA or not loc or not isinstance(loc[-1], str):
            continue
        parent = loc[:-1]
        names = set(_field_names(model, parent))
        names |= {m[-1] for m in missing if m[:-1] == parent and isinstance(m[-1], str)}
        close = difflib.get_close_matches(loc[-1], sorted(names), n=1, cutoff=0.8)
        if close:
            found[loc] = close[0]
    return found


def _item_problems(rel: str, label: str, model: Any, raw: Any, errors: List[Mapping[str, Any]]) -> List[Problem]:
    """The Dutch problems of one item's validation errors; a typing error in a field name is one problem that names
    the field meant, not also 'verplicht veld ontbreekt' for that field."""
    suggestions = _typo_suggestions(model, errors)
    meant = {loc[:-1] + (name,) for loc, name in suggestions.items()}
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        if error.get("type") == MISSING and loc in meant:
            continue
        message = _dutch_message(error, _value_at(raw, loc))
        if loc in suggestions:
            message += f"; bedoel je '{suggestions[loc]}'?"
        problems.append(Problem(rel, label, _field_path(loc) or None, message))
    return problems


def _field_path(loc: Iterable) -> str:
    parts: List[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: same result, about ten times faster


def load_yaml(text: str) -> Any:
    """Parse YAML text safely; the one YAML reader of the project."""
    return yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader


def _megabytes(size: int) -> str:
    """Bytes as Dutch megabytes to a tenth: 5_000_000 -> '5', 5_600_000 -> '5,6'."""
    tenths = round(size / 100_000)
    return f"{tenths // 10},{tenths % 10}" if tenths % 10 else str(tenths // 10)


def _too_large(size: int) -> str:
    limit = _megabytes(MAX_FILE_BYTES)
    shown = _megabytes(size)
    shown = f"meer dan {limit}" if shown == limit else shown  # just over the limit rounds to the limit itself
    return f"bestand is te groot ({shown} MB); een kennisbestand mag hoogstens {limit} MB zijn"


def _read_yaml(path: Path, rel: str, problems: List[Problem]):
    text = None
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(rel, None, None, _too_large(size)))
            return None
        text = path.read_text(encoding="utf-8")
        return load_yaml(text)
    except UnicodeDecodeError:
        problems.append(Problem(rel, None, None, "bestand is geen UTF-8-tekst"))
    except yaml.YAMLError as exc:
        problems.append(Problem(rel, None, None, yaml_error_text(exc, text)))
    return None


def validate_file(
    path: Path,
    rel: str,
    kinds: Dict[str, Type[Entry]],
    knowledge: Knowledge,
) -> None:
    """Validate one file and add its entries and problems to ``knowledge``."""
    problems = knowledge.problems
    data = _read_yaml(path, rel, problems)
    if data is None:
        if not problems or problems[-1].file != rel:
            problems.append(Problem(rel, None, None, "bestand is leeg"))
        return
    if not isinstance(data, dict):
        problems.append(Problem(rel, None, None, "verwacht een blok met 'soort' en 'items'"))
        return
    unknown = sorted(set(data) - {"soort", "items", "beschrijving"})
    for key in unknown:
        problems.append(Problem(rel, None, key, "onbekend veld bovenaan het bestand"))
    kind = data.get("soort")
    if kind not in kinds:
        allowed = ", ".join(sorted(kinds))
        problems.append(Problem(rel, None, "soort", (
            f"onbekende soort '{kind}' (toegestaan: {allowed})" if kind is not None else
            f"het veld 'soort' ontbreekt bovenaan het bestand; zet er bijvoorbeeld 'soort: scenario' (toegestaan: "
            f"{allowed})")))
        return
    items = data.get("items")
    if not isinstance(items, list) or not items:
        problems.append(Problem(rel, None, "items", "verwacht een niet-lege lijst met items"))
        return
    model = kinds[kind]
    seen = knowledge.entries.setdefault(kind, {})
    for index, raw in enumerate(items, start=1):
        label = f"#{index}"
        if isinstance(raw, dict) and isinstance(raw.get("id"), str):
            label = raw["id"]
        if not isinstance(raw, dict):
            problems.append(Problem(rel, label, None, "item is geen blok met velden"))
            continue
        raw_id = raw.get("id")
        if isinstance(raw_id, str):
            first = knowledge.claimed.get((kind, raw_id))
            if first is not None:
                problems.append(Problem(rel, raw_id, "id", f"dubbel id (staat ook in {first})"))
                continue
            knowledge.claimed[(kind, raw_id)] = rel
        try:
            entry = model.parse_obj(raw)
        except ValidationError as exc:
            problems.extend(_item_problems(rel, label, model, raw, list(exc.errors())))
            continue
        seen[entry.id] = entry
        knowledge.files[(kind, entry.id)] = rel


def check_references(knowledge: Knowledge) -> None:
    """Every reference must point at an existing entry of the right kind."""
    for kind, entries in knowledge.entries.items():
        for entry in entries.values():
            for field_name, target_kind, ref in entry.references():
                if ref not in knowledge.entries.get(target_kind, {}):
                    knowledge.problems.append(
                        Problem(
                            knowledge.files[(kind, entry.id)],
                            entry.id,
                            field_name,
                            f"verwijst naar '{ref}', maar er is geen {target_kind} met dat id",
                        )
                    )


def load_knowledge(directory: Path, extra_files: Iterable[Path] = ()) -> Knowledge:
    """Load every ``*.yml``/``*.yaml`` below ``directory`` (plus ``extra_files``)."""
    kinds = registry()
    knowledge = Knowledge()
    directory = Path(directory)
    if not directory.is_dir():
        knowledge.problems.append(Problem(str(directory), None, None, "map met kennisbestanden bestaat niet"))
        return knowledge
    paths = sorted(p for p in directory.rglob("*") if p.suffix in {".yml", ".yaml"} and p.is_file())
    paths += [Path(p) for p in extra_files]
    for path in paths:
        try:
            rel = str(path.relative_to(directory.parent))
        except ValueError:
            rel = str(path)
        validate_file(path, rel, kinds, knowledge)
    check_references(knowledge)
    for kind, model in kinds.items():
        validate_kind = getattr(model, "validate_collection", None)
        if validate_kind and knowledge.entries.get(kind):
            for problem in validate_kind(knowledge):
                knowledge.problems.append(problem)
    return knowledge


_CACHE: Dict[str, Knowledge] = {}
# One load of the files at a time, in every thread of the process: the web page's handlers and its background check of
# the files, the action server's warm-up beside its first request and a trainer's reload may all ask at once. Held
# while the files are read and while the results are stored (``_CACHE``, ``_STAMPS``, ``_PENDING``), so concurrent
# first calls load once and share that knowledge, and a reload is never undone by a slower load that began before it.
# The hot path (the knowledge already loaded) takes no lock; a published Knowledge is complete and never changed.
_LOCK = threading.RLock()


@lru_cache(maxsize=64)
def _resolved(directory: str) -> str:
    return str(Path(directory).resolve())


def _key(directory: Union[str, Path]) -> str:
    """The cache key of a knowledge folder: its resolved path, resolved once per spelling (``get_knowledge`` is called
    per sentence on the role-play's hot path, and resolving a path reads the file system)."""
    return _resolved(str(directory))


def get_knowledge(directory: Optional[Path] = None, reload: bool = False) -> Knowledge:
    """The loaded knowledge, cached per directory. ``reload=True`` re-reads the files (and keeps the
    previous version when the new files have problems, see :func:`reload_knowledge`)."""
    if directory is None and not reload:  # the hot path: the default folder, already loaded
        loaded = _CACHE.get(_key(knowledge_dir_name()))
        if loaded is not None:
            return loaded
    directory = Path(directory or knowledge_dir())
    key = _key(directory)
    if reload:
        reload_knowledge(directory)
    elif key not in _CACHE:
        with _LOCK:
            if key not in _CACHE:  # not loaded by another thread while this one waited
                reload_knowledge(directory)
    return _CACHE[key]


def knowledge_loaded(directory: Optional[Path] = None) -> bool:
    """The knowledge of ``directory`` was loaded (``get_knowledge`` returns it without loading it first)."""
    return _key(Path(directory or knowledge_dir())) in _CACHE


T = TypeVar("T")


class PerKnowledge(Generic[T]):
    """A value derived from the loaded knowledge (a search index, a word table), built once per knowledge
    object and built again after a reload. Holds the knowledge it was built from, so a new knowledge
    object can never be mistaken for the old one (as an ``id()`` key could after garbage collection)."""

    def __init__(self, build: Callable[[Knowledge], T]):
        self._build = build
        self._slot: Optional[Tuple[Knowledge, T]] = None

    def __call__(self, knowledge: Optional[Knowledge] = None) -> T:
        if knowledge is None:
            knowledge = get_knowledge()
        slot = self._slot
        if slot is None or slot[0] is not knowledge:
            slot = (knowledge, self._build(knowledge))
            self._slot = slot
        return slot[1]


def _files_stamp(directory: Path) -> Tuple:
    """Name, modification time and size of every knowledge file (cheap: no file is read)."""
    if not directory.is_dir():
        return ()
    items = []
    for path in sorted(directory.rglob("*")):
        if path.suffix in {".yml", ".yaml"} and path.is_file():
            stat = path.stat()
            items.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(items)


_STAMPS: Dict[str, Tuple[float, Tuple]] = {}  # directory -> (when checked, files stamp)
_PENDING: Dict[str, List[Problem]] = {}  # directory -> the problems that kept the previous version in use


def reload_knowledge(directory: Optional[Path] = None) -> Knowledge:
    """Re-read the files now. The fresh knowledge replaces the one in use only when it has no
    problems (or nothing was loaded before): broken files never replace working knowledge.
    Returns the fresh result, so the caller can report its problems."""
    directory = Path(directory or knowledge_dir())
    key = _key(directory)
    with _LOCK:
        stamp = _files_stamp(directory)
        fresh = load_knowledge(directory)
        _STAMPS[key] = (time.monotonic(), stamp)
        previous = _CACHE.get(key)
        _PENDING[key] = list(fresh.problems)
        if fresh.ok or previous is None:
            _CACHE[key] = fresh
        else:
            log.warning(
                "Knowledge in %s not reloaded, %d problem(s); keeping the previous version. First: %s",
                directory, len(fresh.problems), fresh.problems[0],
            )
    return fresh


def current_knowledge(directory: Optional[Path] = None, check_seconds: Optional[float] = None) -> Knowledge:
    """The knowledge in use, re-read when a file was added, removed or changed. The files' dates are
    looked at no more often than every ``CHECK_SECONDS``; a broken change keeps the previous version
    (see :func:`reload_knowledge`) and is not re-read until the files change again. Nothing loaded yet: the call
    waits for the one load (another thread's, if one is under way); while another thread re-reads changed files, the
    call does not wait but returns the version in use."""
    directory = Path(directory or knowledge_dir())
    key = _key(directory)
    interval = CHECK_SECONDS if check_seconds is None else check_seconds
    checked = _STAMPS.get(key)
    if checked is None or key not in _CACHE:
        with _LOCK:
            if _STAMPS.get(key) is None or key not in _CACHE:  # not loaded by another thread meanwhile
                reload_knowledge(directory)
    elif time.monotonic() - checked[0] >= interval and _LOCK.acquire(blocking=False):
        try:
            checked = _STAMPS.get(key) or checked  # as it is now: another thread may have re-read the files meanwhile
            now = time.monotonic()
            if now - checked[0] >= interval:
                stamp = _files_stamp(directory)
                if stamp != checked[1]:
                    reload_knowledge(directory)
                else:
                    _STAMPS[key] = (now, stamp)
        finally:
            _LOCK.release()
    return _CACHE[key]


def pending_problems(directory: Optional[Path] = None) -> List[Problem]:
    """The problems of the knowledge files as they are now (after :func:`current_knowledge` looked at their dates):
    while there are any, the chat uses the previous version. The trainers' page says so, with the problems (a user
    test: a broken scenario file left the old list in the chat without a word)."""
    current_knowledge(directory)
    return list(_PENDING.get(_key(Path(directory or knowledge_dir())), []))


def keep_previous(previous: Knowledge, directory: Optional[Path] = None) -> None:
    """After a reload that found problems, go back to the knowledge that was in use."""
    with _LOCK:
        _CACHE[_key(Path(directory or knowledge_dir()))] = previous
