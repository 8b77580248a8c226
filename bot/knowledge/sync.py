"""Copy validated knowledge into the SQL store. Idempotent: loading twice changes nothing."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import select

from bot.db import session_scope
from bot.knowledge.loader import Knowledge
from bot.tables import KnowledgeRow


@dataclass
class SyncResult:
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0


def _hash(data: dict) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def sync_knowledge(knowledge: Knowledge) -> SyncResult:
    """Upsert every entry by (kind, id) and delete rows whose entry no longer exists.

    Refuses to run on knowledge with problems, so a broken file never wipes good data.
    """
    if not knowledge.ok:
        raise ValueError("kennis bevat fouten; eerst 'rustpunt kennis controleer' oplossen")
    result = SyncResult()
    with session_scope() as session:
        existing = {(row.kind, row.entry_id): row for row in session.scalars(select(KnowledgeRow))}
        wanted = set()
        for kind, entries in knowledge.entries.items():
            for entry_id, entry in entries.items():
                key = (kind, entry_id)
                wanted.add(key)
                data = json.loads(entry.json())
                digest = _hash(data)
                row = existing.get(key)
                if row is None:
                    session.add(
                        KnowledgeRow(
                            kind=kind,
                            entry_id=entry_id,
                            source_file=knowledge.files[key],
                            content_hash=digest,
                            data=data,
                        )
                    )
                    result.added += 1
                elif row.content_hash != digest or row.source_file != knowledge.files[key]:
                    row.data = data
                    row.content_hash = digest
                    row.source_file = knowledge.files[key]
                    result.changed += 1
                else:
                    result.unchanged += 1
        for key, row in existing.items():
            if key not in wanted:
                session.delete(row)
                result.removed += 1
    return result
