"""A short hash of everything ``rasa train`` reads, to name the model: ``python -m bot.model_key``.

Same inputs, same key: ``scripts/train.sh`` then finds ``models/rustpunt-<key>.tar.gz`` and trains
nothing. Inputs: config.yml, every file under domain/, data/ and stories/, the saved spaCy
pipeline's meta.json (config.yml points SpacyNLP at it) and the installed Rasa version (its code
version: our own pipeline component ``MessageLengthLimit`` is not trained and stores nothing in the
model). The Rasa model follows the artefact policy of docs/conventions.md; it is a Rasa archive, so
it is named after its key instead of being stored with ``bot.artefacts``.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from bot.paths import PROJECT_ROOT

INPUTS = ("config.yml", "domain", "data", "stories")


def model_key(root: Path = PROJECT_ROOT) -> str:
    digest = hashlib.sha256()
    try:
        from importlib.metadata import version

        digest.update(f"rasa {version('rasa')}\n".encode())
    except Exception:  # noqa: BLE001 - no metadata: the files alone decide
        pass
    files = []
    for name in INPUTS:
        path = root / name
        files += [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    from bot.spacy_model import model_path

    files.append(model_path() / "meta.json")
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            rel = path.relative_to(root) if path.is_relative_to(root) else path
            digest.update(f"{rel}\n".encode())
            digest.update(path.read_bytes())
            digest.update(b"\n")
    return digest.hexdigest()[:12]


if __name__ == "__main__":
    print(model_key())
