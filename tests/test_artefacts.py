"""One policy for stored artefacts (bot.artefacts): a stored value counts only with the current key;
the spaCy pipeline and the lemma table follow it like the recognisers."""
from __future__ import annotations

from bot import artefacts, lemmas, spacy_model


def test_a_stored_value_is_loaded_only_with_its_key(tmp_path):
    path = tmp_path / "models" / "ding.pkl"
    artefacts.store(path, "sleutel-1", {"a": 1})
    assert artefacts.load_current(path, "sleutel-1") == {"a": 1}
    assert artefacts.load_current(path, "sleutel-2") is None
    assert artefacts.read(path) == ("sleutel-1", {"a": 1})
    assert not list(path.parent.glob("*.tmp"))


def test_a_missing_or_broken_file_counts_as_missing(tmp_path):
    path = tmp_path / "kapot.pkl"
    assert artefacts.read(path) is None
    path.write_bytes(b"geen pickle")
    assert artefacts.read(path) is None
    assert artefacts.load_current(path, "x") is None


def test_keys_change_with_code_version_and_inputs():
    assert artefacts.key_of("v1", ["zin"]) == artefacts.key_of("v1", ["zin"])
    assert artefacts.key_of("v1", ["zin"]) != artefacts.key_of("v2", ["zin"])
    assert artefacts.key_of("v1", ["zin"]) != artefacts.key_of("v1", ["andere zin"])


def test_an_out_of_date_lemma_table_is_not_used(tmp_path, monkeypatch):
    path = tmp_path / "lemmas.pkl"
    monkeypatch.setattr(lemmas, "lemma_cache_path", lambda: path)
    lemmas.lemma_table.cache_clear()
    try:
        artefacts.store(path, "oude-sleutel", {"kinderen": "verouderd"})
        assert lemmas.lemma_table().get("kinderen") != "verouderd"
        lemmas.lemma_table.cache_clear()
        artefacts.store(path, lemmas.lemma_cache_key(), {"kinderen": "opgeslagen"})
        assert lemmas.lemma_table()["kinderen"] == "opgeslagen"
    finally:
        lemmas.lemma_table.cache_clear()


def test_the_spacy_pipeline_is_built_once_and_again_when_its_key_changes(tmp_path):
    path = tmp_path / "spacy_nl"
    spacy_model.ensure_model(path)
    key_file = path / spacy_model.KEY_FILE
    assert key_file.read_text(encoding="utf-8").strip() == spacy_model.pipeline_key()
    meta = path / "meta.json"
    built = meta.stat().st_mtime_ns
    spacy_model.ensure_model(path)
    assert meta.stat().st_mtime_ns == built  # current: nothing rebuilt
    key_file.write_text("oud\n", encoding="utf-8")
    spacy_model.ensure_model(path)
    assert key_file.read_text(encoding="utf-8").strip() == spacy_model.pipeline_key()
    assert meta.stat().st_mtime_ns != built
