"""Build and save the Dutch spaCy pipeline Rasa's SpacyNLP loads (no download needed).

``spacy.blank("nl")`` plus the lookup lemmatizer whose tables come from the installed
``spacy-lookups-data`` package. Saved to ``var/spacy_nl`` (``config.yml`` points there) with a key
file (``bot.artefacts`` policy: code version plus the spaCy and spacy-lookups-data versions).
Run ``python -m bot.spacy_model`` (the set-up does); it does nothing when the stored pipeline has
the current key, and builds it again when it is missing or out of date.
"""
from __future__ import annotations

import sys
from pathlib import Path

from bot import artefacts
from bot.paths import var_dir

CODE_VERSION = "spacy-nl-1"  # bump when build_pipeline changes
KEY_FILE = "rustpunt-key.txt"


def model_path() -> Path:
    return var_dir() / "spacy_nl"


def pipeline_key() -> str:
    return artefacts.key_of(CODE_VERSION, artefacts.package_version("spacy"),
                            artefacts.package_version("spacy-lookups-data"))


def _import_spacy():
    """Import spaCy without letting thinc pull in TensorFlow (saves ~5 s and noisy logs).

    thinc only probes for TensorFlow to offer optional wrappers we never use. The block is
    lifted right after the import, so Rasa can still import TensorFlow in the same process.
    """
    import sys

    if "spacy" in sys.modules or "tensorflow" in sys.modules:
        import spacy

        return spacy
    sys.modules["tensorflow"] = None
    try:
        import spacy
    finally:
        del sys.modules["tensorflow"]
    return spacy


def build_pipeline():
    spacy = _import_spacy()

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup tables from spacy-lookups-data
    return nlp


def ensure_model(path: Path | None = None) -> Path:
    path = Path(path or model_path())
    key = pipeline_key()
    key_file = path / KEY_FILE
    if (path / "meta.json").exists() and key_file.is_file() and key_file.read_text(encoding="utf-8").strip() == key:
        return path
    nlp = build_pipeline()
    nlp.meta["name"] = "rustpunt_nl"
    nlp.to_disk(path)
    key_file.write_text(key + "\n", encoding="utf-8")
    print(f"Nederlandse spaCy-pijplijn opgeslagen in {path}")
    return path


if __name__ == "__main__":
    ensure_model()
    sys.exit(0)
