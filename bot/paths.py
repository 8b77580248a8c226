"""Where the project keeps its files. Everything mutable lives under ``var/``."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


KNOWLEDGE_DIR_ENV = "RUSTPUNT_KNOWLEDGE_DIR"
DEFAULT_KNOWLEDGE_DIR = str(PROJECT_ROOT / "knowledge")


def knowledge_dir_name() -> str:
    """``knowledge_dir`` as it is spelled, without making a path of it (``get_knowledge``'s hot path)."""
    return os.environ.get(KNOWLEDGE_DIR_ENV) or DEFAULT_KNOWLEDGE_DIR


def knowledge_dir() -> Path:
    """Folder with the YAML knowledge files (override with RUSTPUNT_KNOWLEDGE_DIR)."""
    return Path(knowledge_dir_name())


def var_dir() -> Path:
    """Folder for state: databases, trained classifiers, logs (override with RUSTPUNT_VAR_DIR)."""
    path = Path(os.environ.get("RUSTPUNT_VAR_DIR", PROJECT_ROOT / "var"))
    path.mkdir(parents=True, exist_ok=True)
    return path
